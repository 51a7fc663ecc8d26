//! The UI's state and its reducer: one [`AppState`], changed only by
//! [`Action`]s, all handled here (as in Yew's `function_todomvc`). The
//! engine side is the [`Player`]; it sits behind an `Rc<RefCell<_>>` so a
//! new state is cheap, and only this reducer changes it. Effects (frames,
//! resize, keyboard, the host page) live in `ui::hooks` and report here as
//! actions.

use std::cell::RefCell;
use std::rc::Rc;

use yew::Reducible;

use crate::engine::RecordId;
use crate::job::Purpose;
use crate::player::{Outcome, Player};
use crate::share::SharedState;
use crate::text::{Lang, Notice, Problem};
use crate::timeline::Story;

use super::action::{Action, PanelTab};
use super::caption::{most_telling, Caption};
use super::embed::EmbedOptions;
use super::focus::{Focus, SceneView};
use super::lesson::{focus_of, open_lesson, open_plan, open_scenario, view_of, LessonView};
use super::selection::Selection;

/// The selected record's story, kept for a position in the history.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StoryCache {
    /// The record and the history position (events) the story is for.
    pub key: Option<(RecordId, u64)>,
    /// The story.
    pub story: Rc<Story>,
}

/// Everything the page shows besides the picture's layout.
#[derive(Clone, Debug)]
pub struct AppState {
    /// The engine played in real time (changed only by [`AppState::reduce`]).
    pub player: Rc<RefCell<Player>>,
    /// What the page's address asked for.
    pub options: Rc<EmbedOptions>,
    /// The language.
    pub lang: Lang,
    /// What the inspector shows.
    pub selection: Option<Selection>,
    /// The event log's filter.
    pub filter: String,
    /// The message above the picture.
    pub notice: Option<Notice>,
    /// The lesson open in the lesson player.
    pub lesson: Option<LessonView>,
    /// The share link's payload, once made.
    pub payload: Option<String>,
    /// The width of the picture's box, px.
    pub width: f64,
    /// `prefers-reduced-motion: reduce`.
    pub reduced_motion: bool,
    /// The selected record's story.
    pub story: StoryCache,
    /// Long work that ended (the host page hears the state after each).
    pub outcomes: u64,
    /// Which view the picture shows.
    pub view: SceneView,
    /// What the picture highlights (a lesson step's focus).
    pub focus: Vec<Focus>,
    /// The height the picture may take, px.
    pub height: f64,
    /// The legend is shown.
    pub legend: bool,
    /// The panel shown below the picture.
    pub tab: PanelTab,
    /// The caption: which event it tells.
    pub caption: Caption,
    /// Lesson steps whose moment was reached (the host page hears
    /// `step-reached` after each).
    pub reached: u64,
    /// Snapshots the host page asked for (each is answered once).
    pub snapshots: u64,
    /// Counts every action, so each one draws anew.
    pub version: u64,
}

impl PartialEq for AppState {
    fn eq(&self, other: &Self) -> bool {
        self.version == other.version && Rc::ptr_eq(&self.player, &other.player)
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.version += 1;
        let frame_ms = match &action {
            Action::Frame { dt_ms, .. } => Some(*dt_ms),
            _ => None,
        };
        let outcomes = next.outcomes;
        let mut moves = action.moves_time();
        next.handle(action);
        next.arrive();
        // Long work that ended (a lesson step, a link) moved time too.
        moves |= next.outcomes != outcomes;
        next.refresh_caption(frame_ms, moves);
        next.refresh_story();
        Rc::new(next)
    }
}

impl AppState {
    /// A state around `player`, opened as the address asked.
    #[must_use]
    pub fn new(player: Player, options: EmbedOptions, lang: Lang, reduced_motion: bool) -> Self {
        Self {
            player: Rc::new(RefCell::new(player)),
            options: Rc::new(options),
            lang,
            selection: None,
            filter: String::new(),
            notice: None,
            lesson: None,
            payload: None,
            width: 1024.0,
            reduced_motion,
            story: StoryCache::default(),
            outcomes: 0,
            view: SceneView::Topic,
            focus: Vec::new(),
            height: 600.0,
            legend: false,
            tab: PanelTab::Producer,
            caption: Caption::default(),
            reached: 0,
            snapshots: 0,
            version: 0,
        }
    }

    /// Whether long work runs.
    #[must_use]
    pub fn busy(&self) -> bool {
        self.player.borrow().busy().is_some()
    }

    fn refused(&mut self, problem: Problem) {
        self.notice = Some(Notice::Refused(problem));
    }

    fn handle(&mut self, action: Action) {
        if action.waits_for_work() && self.busy() {
            self.refused(Problem::Busy);
            return;
        }
        match action {
            Action::TogglePlay => {
                let mut p = self.player.borrow_mut();
                let playing = p.playing();
                p.set_playing(!playing);
            }
            Action::SetPlaying(on) => self.player.borrow_mut().set_playing(on),
            Action::Step => self.player.borrow_mut().step_event(),
            Action::StepBack => {
                let halt = self.player.borrow_mut().step_back();
                if let Some(halt) = halt {
                    self.refused(Problem::Halt(halt));
                }
            }
            Action::Seek(t) => {
                let outcome = self.player.borrow_mut().seek(t);
                self.ended(outcome);
            }
            Action::Speed(s) => self.player.borrow_mut().set_speed(s),
            Action::Cancel => {
                let purpose = self.player.borrow().busy().map(|b| b.purpose);
                if purpose == Some(Purpose::Lesson) {
                    self.lesson = None;
                }
                self.player.borrow_mut().cancel();
                if let Some(purpose) = purpose {
                    self.notice = Some(Notice::Cancelled(purpose));
                }
            }
            Action::Engine(command) => {
                let result = self.player.borrow_mut().apply(command);
                self.notice = match result {
                    Ok(true) => Some(Notice::Forked),
                    Ok(false) => None,
                    Err(r) => Some(Notice::Refused(Problem::Command(r))),
                };
            }
            Action::Load(config) => match Player::new(*config) {
                Ok(new) => {
                    *self.player.borrow_mut() = new;
                    self.notice = None;
                }
                Err(r) => self.refused(Problem::Refusal(r)),
            },
            Action::Refuse(problem) => self.refused(problem),
            Action::Select(s) => self.selection = s,
            Action::Filter(f) => self.filter = f.chars().take(200).collect(),
            Action::SetLang(l) => self.lang = l,
            Action::OpenLesson(id) => {
                let opened = open_lesson(&id, 0);
                self.start_lesson(opened, true);
            }
            Action::OpenScenario(Ok((scenario, source, step))) => {
                let opened = open_scenario(&scenario, source, step);
                self.start_lesson(opened, true);
            }
            Action::OpenScenario(Err(problem)) => self.refused(problem),
            Action::GotoStep(i) => self.goto_step(i, false),
            Action::NextStep => match &self.lesson {
                Some(l) if l.active => self.goto_step(l.step + 1, true),
                _ => self.refused(Problem::NoLessonOpen),
            },
            Action::PreviousStep => match &self.lesson {
                Some(l) if l.active => self.goto_step(l.step.saturating_sub(1), false),
                _ => self.refused(Problem::NoLessonOpen),
            },
            Action::ReplayStep => self.replay_step(),
            Action::SkipMotion => {
                let goal = self.player.borrow().motion().map(|m| m.goal);
                if let Some(goal) = goal {
                    let outcome = self.player.borrow_mut().seek_exact(goal);
                    if let Some(view) = &mut self.lesson {
                        view.pace = None;
                    }
                    self.ended(outcome);
                }
            }
            Action::Snapshot => self.snapshots += 1,
            Action::LeaveLesson(true) => {
                if let Some(view) = &mut self.lesson {
                    view.active = false;
                }
                self.focus.clear();
                self.player.borrow_mut().set_playing(false);
            }
            Action::LeaveLesson(false) => {
                if let Some(view) = self.lesson.clone() {
                    let opened = open_plan(view.plan, view.title, view.source, view.step);
                    self.start_lesson(opened, false);
                }
            }
            Action::MakeLink => {
                let state = SharedState::of(self.player.borrow().timeline());
                self.payload = Some(state.encode());
            }
            Action::Frame { dt_ms, work_steps } => {
                if self.busy() {
                    let outcome = self.player.borrow_mut().work(work_steps);
                    self.ended(outcome);
                } else {
                    let halt = self.player.borrow_mut().tick(dt_ms);
                    if let Some(halt) = halt {
                        self.refused(Problem::Halt(halt));
                    }
                }
            }
            Action::Width(w) => self.width = w,
            Action::SetView(v) => self.view = v,
            Action::SetFocus(f) => self.focus = f.into_iter().take(64).collect(),
            Action::Height(h) => self.height = h,
            Action::ToggleLegend => self.legend = !self.legend,
            Action::Tab(t) => self.tab = t,
        }
    }

    /// Starts opening a lesson; `fresh`: from the list, a file or a link
    /// (a refusal closes the player), else coming back from free play (a
    /// refusal keeps it).
    fn start_lesson(
        &mut self,
        opened: Result<(crate::job::Job, LessonView), Problem>,
        fresh: bool,
    ) {
        match opened {
            Ok((job, view)) => {
                let outcome = self.player.borrow_mut().start(job);
                match outcome {
                    Some(Outcome::Refused(r)) => {
                        if fresh {
                            self.lesson = None;
                        }
                        self.refused(Problem::Work(r));
                    }
                    _ => {
                        self.show_step(&view);
                        self.lesson = Some(view);
                        if fresh {
                            self.notice = None;
                        }
                    }
                }
            }
            Err(problem) => {
                if fresh {
                    self.refused(problem);
                }
            }
        }
    }

    /// The picture a step asks for: its view at once, its focus once its
    /// moment is reached.
    fn show_step(&mut self, view: &LessonView) {
        self.focus.clear();
        self.view = view.marker().map_or(SceneView::Topic, view_of);
    }

    /// Goes to step `i` (index from 0, clamped): `play` (Next) plays it
    /// from the previous step's moment when the player stands there (at
    /// once with reduced motion), else goes to its moment at once.
    fn goto_step(&mut self, i: usize, play: bool) {
        let Some(mut view) = self.lesson.clone() else {
            self.refused(Problem::NoLessonOpen);
            return;
        };
        let n = view.markers().len();
        if n == 0 {
            return;
        }
        let i = i.min(n - 1);
        view.step = i;
        view.active = true;
        view.arrived = false;
        view.then_play = false;
        view.pace = None;
        self.show_step(&view);
        let goal = view.markers()[i].moment;
        let mut outcome = None;
        {
            let mut p = self.player.borrow_mut();
            if play && !self.reduced_motion {
                match crate::lesson::next(&mut p, view.markers(), i) {
                    crate::lesson::NextMove::Plays(pace) => view.pace = Some(pace),
                    crate::lesson::NextMove::Seeks(o) => outcome = o,
                }
            } else if p.timeline().position() != goal {
                outcome = p.seek_exact(goal);
            }
        }
        self.lesson = Some(view);
        self.ended(outcome);
    }

    /// Replay: back to the step's start at once, then play it.
    fn replay_step(&mut self) {
        let Some(mut view) = self.lesson.clone().filter(|l| l.active) else {
            self.refused(Problem::NoLessonOpen);
            return;
        };
        view.arrived = false;
        view.pace = None;
        view.then_play = !self.reduced_motion;
        self.show_step(&view);
        let start = crate::lesson::step_start(view.markers(), view.step);
        let goal = view.marker().map(|m| m.moment);
        let outcome = self.player.borrow_mut().seek_exact(if view.then_play {
            start
        } else {
            goal.unwrap_or(start)
        });
        self.lesson = Some(view);
        self.ended(outcome);
    }

    /// When the player stands still at the shown step's moment for the
    /// first time: its focus is drawn and the host page hears
    /// `step-reached`. At a Replay's start, the step plays.
    fn arrive(&mut self) {
        let Some(view) = self.lesson.as_mut().filter(|l| l.active && !l.arrived) else {
            return;
        };
        let mut p = self.player.borrow_mut();
        if p.busy().is_some() || p.motion().is_some() {
            return;
        }
        let here = p.timeline().position();
        if view.then_play {
            let start = crate::lesson::step_start(view.markers(), view.step);
            if here == start {
                view.then_play = false;
                if let Some(goal) = view.marker().map(|m| m.moment) {
                    let pace = crate::lesson::pace(goal.t_ms.saturating_sub(start.t_ms));
                    if p.play_to(goal, pace.speed) {
                        view.pace = Some(pace);
                        return;
                    }
                }
            }
        }
        let Some((moment, focus)) = view
            .marker()
            .map(|m| (m.moment, m.focus.iter().map(focus_of).collect()))
        else {
            return;
        };
        if here == moment {
            view.arrived = true;
            view.pace = None;
            self.focus = focus;
            self.reached += 1;
        }
    }

    /// How long work ended: a finished link or lesson plays if asked
    /// (`autoplay=1`); a refused lesson closes; a refusal is shown.
    fn ended(&mut self, outcome: Option<Outcome>) {
        let Some(outcome) = outcome else {
            return;
        };
        self.outcomes += 1;
        match outcome {
            Outcome::Done(Purpose::Link | Purpose::Lesson) if self.options.autoplay => {
                self.player.borrow_mut().set_playing(true);
            }
            Outcome::Done(_) => {}
            Outcome::Refused(r) => {
                if r.purpose == Purpose::Lesson {
                    self.lesson = None;
                }
                self.refused(Problem::Work(r));
            }
        }
    }

    /// The caption: after a step, a seek or a command, the latest event; while
    /// playing, the most telling recent event, at most once a second.
    fn refresh_caption(&mut self, frame_ms: Option<f64>, moved: bool) {
        let p = self.player.borrow();
        if moved {
            self.caption = Caption {
                event: p.log().next_back().map(|e| e.id.0),
                wait_ms: 0.0,
            };
            return;
        }
        let Some(dt) = frame_ms else {
            return;
        };
        if !p.playing() {
            return;
        }
        self.caption.wait_ms += dt;
        if self.caption.wait_ms < 1_000.0 && self.caption.event.is_some() {
            return;
        }
        let since = self.caption.event.unwrap_or(0);
        if let Some(id) = most_telling(p.log().rev().take(600).take_while(|e| e.id.0 > since)) {
            self.caption = Caption {
                event: Some(id),
                wait_ms: 0.0,
            };
        }
    }

    /// The selected record's story: replayed when the position changed (at
    /// most once a simulated second while playing).
    fn refresh_story(&mut self) {
        let Some(Selection::Record { id, created_at_ms }) = self.selection else {
            return;
        };
        let p = self.player.borrow();
        let position = p.sim().event_count();
        let stale = match self.story.key {
            Some((rid, at)) if rid == id => {
                at != position && (!p.playing() || p.sim().now_ms() % 1000 < 20)
            }
            _ => true,
        };
        if stale {
            let story = p.record_story(id, created_at_ms);
            drop(p);
            self.story = StoryCache {
                key: Some((id, position)),
                story: Rc::new(story),
            };
        }
    }
}
