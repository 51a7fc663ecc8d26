//! The lesson open in the lesson player (built in, from a file, or carried
//! in a link), and opening it at a step: the work that builds its history
//! and goes to the step's exact moment.

use std::rc::Rc;

use crate::job::Job;
use crate::lesson::{open_job, Pace};
use crate::scenario::focus::FocusTarget;
use crate::scenario::lessons::{lesson, LESSONS};
use crate::scenario::model::{MarkerSpec, ViewSpec};
use crate::scenario::{Plan, Scenario, StepMarker};
use crate::text::{Lang, Problem};

use super::focus::{Focus, MarkerKind, SceneView};

/// Where an open lesson came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LessonSource {
    /// A built-in lesson, by id (`acks`).
    Builtin(String),
    /// A file at an address (`?src=URL`).
    File(String),
    /// A lesson carried in the page's link: the payload after `#lesson=`.
    Link(String),
}

/// The lesson open in the player.
#[derive(Clone, Debug, PartialEq)]
pub struct LessonView {
    /// Where it came from.
    pub source: LessonSource,
    /// Its title in English, and in Korean if it has one.
    pub title: (String, Option<String>),
    /// Its plan: the history to build and one marker per step.
    pub plan: Rc<Plan>,
    /// The step shown (index into the plan's markers).
    pub step: usize,
    /// Showing the lesson (false: free play, with a way back).
    pub active: bool,
    /// The step's moment has been reached (and announced to a host page).
    pub arrived: bool,
    /// The pace of the step playing toward its moment, if it plays.
    pub pace: Option<Pace>,
    /// After going back to the step's start, play it (Replay).
    pub then_play: bool,
}

impl LessonView {
    /// The steps' markers.
    #[must_use]
    pub fn markers(&self) -> &[StepMarker] {
        &self.plan.markers
    }

    /// The marker of the step shown.
    #[must_use]
    pub fn marker(&self) -> Option<&StepMarker> {
        self.plan.markers.get(self.step)
    }

    /// How an embed opens this lesson at the step shown: options for the
    /// query (`lesson=ID` or `src=URL`, and `step=N`) and the hash
    /// (`#lesson=…` for a lesson carried in the link).
    #[must_use]
    pub fn embed_parts(&self) -> (Vec<String>, Option<String>) {
        let step = format!("step={}", self.step + 1);
        match &self.source {
            LessonSource::Builtin(id) => (vec![format!("lesson={id}"), step], None),
            LessonSource::File(url) => (vec![format!("src={}", percent_encode(url)), step], None),
            LessonSource::Link(payload) => (vec![step], Some(format!("#lesson={payload}"))),
        }
    }

    /// Its title in `lang` (English when it has no Korean one).
    #[must_use]
    pub fn title(&self, lang: Lang) -> &str {
        pick(lang, &self.title.0, self.title.1.as_deref())
    }
}

/// A text of a lesson file in `lang`: its Korean when it has one.
#[must_use]
pub fn pick<'a>(lang: Lang, en: &'a str, ko: Option<&'a str>) -> &'a str {
    match (lang, ko) {
        (Lang::Ko, Some(ko)) => ko,
        _ => en,
    }
}

/// A built-in lesson's id and title (English, and Korean if any).
pub type LessonTitle = (&'static str, String, Option<String>);

/// Titles of every built-in lesson.
#[must_use]
pub fn lesson_titles() -> Vec<LessonTitle> {
    LESSONS
        .iter()
        .filter_map(|l| {
            let s = l.scenario().ok()?;
            let t = &s.file().title;
            Some((l.id, t.en.clone(), t.ko.clone()))
        })
        .collect()
}

/// Opens a built-in lesson at a step (index from 0): see [`open_scenario`].
pub fn open_lesson(id: &str, step: usize) -> Result<(Job, LessonView), Problem> {
    let found = lesson(id).ok_or_else(|| Problem::NoLesson(id.to_string()))?;
    let scenario = found.scenario().map_err(|e| Problem::LessonFile {
        id: id.to_string(),
        detail: e.to_string(),
    })?;
    open_scenario(&scenario, LessonSource::Builtin(id.to_string()), step)
}

/// Opens a lesson at a step (index from 0, clamped): the work that builds
/// its history on a timeline and goes to the step's exact moment, and its
/// view.
pub fn open_scenario(
    scenario: &Scenario,
    source: LessonSource,
    step: usize,
) -> Result<(Job, LessonView), Problem> {
    let plan = scenario.plan();
    open_plan(Rc::new(plan), scenario_title(scenario), source, step)
}

/// A scenario's title in English and Korean.
#[must_use]
pub fn scenario_title(scenario: &Scenario) -> (String, Option<String>) {
    let t = &scenario.file().title;
    (t.en.clone(), t.ko.clone())
}

/// Opens a planned lesson at a step (also to come back from free play).
pub fn open_plan(
    plan: Rc<Plan>,
    title: (String, Option<String>),
    source: LessonSource,
    step: usize,
) -> Result<(Job, LessonView), Problem> {
    let step = step.min(plan.markers.len().saturating_sub(1));
    let job = open_job(&plan, step).map_err(Problem::Work)?;
    Ok((
        job,
        LessonView {
            source,
            title,
            plan,
            step,
            active: true,
            arrived: false,
            pace: None,
            then_play: false,
        },
    ))
}

/// A step's view as the picture names it (the topic view by default).
#[must_use]
pub fn view_of(marker: &StepMarker) -> SceneView {
    match marker.view {
        Some(ViewSpec::Brokers) => SceneView::Brokers,
        Some(ViewSpec::Topic) | None => SceneView::Topic,
    }
}

/// A step's focus entry as the picture's [`Focus`].
#[must_use]
pub fn focus_of(target: &FocusTarget) -> Focus {
    match target.clone() {
        FocusTarget::Producer(p) => Focus::Producer(p),
        FocusTarget::Partition { topic, partition } => Focus::Partition { topic, partition },
        FocusTarget::Replica {
            topic,
            partition,
            broker,
        } => Focus::Replica {
            topic,
            partition,
            broker,
        },
        FocusTarget::Broker(b) => Focus::Broker(b),
        FocusTarget::Group(g) => Focus::Group(g),
        FocusTarget::Member { group, member } => Focus::Member { group, member },
        FocusTarget::Record {
            topic,
            partition,
            offset,
        } => Focus::Record {
            topic,
            partition,
            offset,
        },
        FocusTarget::Marker {
            kind,
            topic,
            partition,
            group,
        } => Focus::Marker {
            kind: match kind {
                MarkerSpec::Hw => MarkerKind::Hw,
                MarkerSpec::Leo => MarkerKind::Leo,
                MarkerSpec::LogStart => MarkerKind::LogStart,
                MarkerSpec::Committed => MarkerKind::Committed,
            },
            topic,
            partition,
            group,
        },
    }
}

/// Percent-encodes everything of `text` but letters, digits and `-._~/`.
#[must_use]
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
