//! [`Player`]: plays a [`Timeline`] in real time — play, pause, speed, step
//! forward and back, seek — and keeps the recent event log. Long work (a
//! share link, a lesson, a far seek) runs as a [`Job`] in slices the UI
//! feeds between frames; while it runs the player is busy. Every action is
//! bounded in engine steps. Pure: the UI feeds it frame times.

use std::collections::VecDeque;

use crate::engine::{ClusterConfig, Command, Event, Refusal, Sim};
use crate::job::{self, Job, JobRefusal, Purpose, Status};
use crate::timeline::{clone_cost_bytes, Goal, Position, Refused, Timeline};

/// Most lines kept in the event log.
pub const LOG_LINES: usize = 200;
/// Longest frame the player will simulate (a tab that slept does not jump).
pub const MAX_FRAME_MS: f64 = 100.0;
/// Latest time a seek may reach (simulating forward): one simulated day.
pub const MAX_SEEK_MS: u64 = 86_400_000;
/// Slowest speed.
pub const MIN_SPEED: f64 = 0.1;
/// Fastest speed.
pub const MAX_SPEED: f64 = 100.0;
/// Most engine steps one animation frame of playing runs: a heavy scene at
/// a high speed plays slower than asked rather than freezing the page.
pub const MAX_TICK_STEPS: u64 = 120_000;
/// Most engine steps one step forward or back replays (a few hundred ms
/// at most; past it, the timeline is the way back).
pub const MAX_STEP_WORK: u64 = 400_000;
/// Most engine steps a record's story replays (it is refreshed while
/// playing, so it must stay well within a frame or two).
pub const MAX_STORY_STEPS: u64 = 200_000;
/// Steps long work runs at once before it shows progress (short work is
/// then simply done; at start-up the engine's code is not yet optimized by
/// the browser, so this stays small).
pub const FIRST_SLICE_STEPS: u64 = 10_000;

/// What the player is busy with.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Busy {
    /// Why.
    pub purpose: Purpose,
    /// Fraction done, 0 to 1.
    pub fraction: f64,
    /// Where it goes, simulated ms.
    pub goal_ms: u64,
}

/// How a job ended.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// It reached its goal.
    Done(Purpose),
    /// It was refused: why (which limit, how far over).
    Refused(JobRefusal),
}

/// Why the player stopped by itself, or would not step back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Halt {
    /// Playing paused: the scene grew past what a page keeps.
    SceneTooLarge {
        /// When, simulated ms.
        at_ms: u64,
        /// Its size, MB.
        mb: u64,
        /// The most a page keeps, MB.
        max_mb: u64,
    },
    /// Stepping back here would replay too much.
    StepBackTooFar {
        /// The most engine steps a step back replays.
        max_steps: u64,
        /// Steps spent before giving up.
        spent: u64,
    },
}

/// Playing toward an exact position (a lesson step's moment) at a pace of
/// its own, then stopping there.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Motion {
    /// Where it stops.
    pub goal: Position,
    /// Simulated ms per real ms.
    pub speed: f64,
    /// Where it began, simulated ms.
    pub from_ms: u64,
}

/// Whether position `a` lies at or before `b` in the same history.
#[must_use]
pub fn at_or_before(a: Position, b: Position) -> bool {
    a.t_ms <= b.t_ms && a.steps <= b.steps && a.applied <= b.applied
}

/// An engine played in real time.
#[derive(Debug)]
pub struct Player {
    timeline: Timeline,
    playing: bool,
    speed: f64,
    carry_ms: f64,
    /// The most recent events (the log); put in words only when shown.
    log: VecDeque<Event>,
    /// Long work under way.
    job: Option<Job>,
    fraction: f64,
    /// Playing toward a lesson step's moment.
    motion: Option<Motion>,
}

impl Player {
    /// A paused player at time 0.
    pub fn new(config: ClusterConfig) -> Result<Self, Refusal> {
        let mut player = Self::from_timeline(Timeline::new(config)?);
        player.collect_events();
        Ok(player)
    }

    /// A paused player on an existing history.
    #[must_use]
    pub fn from_timeline(timeline: Timeline) -> Self {
        Self {
            timeline,
            playing: false,
            speed: 1.0,
            carry_ms: 0.0,
            log: VecDeque::new(),
            job: None,
            fraction: 0.0,
            motion: None,
        }
    }

    /// The engine, read-only.
    #[must_use]
    pub fn sim(&self) -> &Sim {
        self.timeline.sim()
    }

    /// The history, read-only.
    #[must_use]
    pub fn timeline(&self) -> &Timeline {
        &self.timeline
    }

    /// Whether time runs.
    #[must_use]
    pub fn playing(&self) -> bool {
        self.playing
    }

    /// Starts or stops time (not while busy); ends a motion.
    pub fn set_playing(&mut self, playing: bool) {
        self.playing = playing && self.job.is_none();
        self.motion = None;
    }

    /// The motion under way, if any.
    #[must_use]
    pub fn motion(&self) -> Option<Motion> {
        self.motion
    }

    /// Plays from here to the exact position `goal` at `speed` simulated ms
    /// per real ms (any speed: a frame's work stays bounded), frame by
    /// frame in [`Player::tick`], stopping exactly there. Returns false
    /// (and does nothing) when busy or when `goal` is not ahead.
    pub fn play_to(&mut self, goal: Position, speed: f64) -> bool {
        let here = self.timeline.position();
        if self.job.is_some() || !at_or_before(here, goal) || !speed.is_finite() || speed <= 0.0 {
            return false;
        }
        self.playing = false;
        self.carry_ms = 0.0;
        self.motion = Some(Motion {
            goal,
            speed,
            from_ms: here.t_ms,
        });
        true
    }

    /// Goes to the exact position `goal` (as [`Player::seek`] goes to a
    /// time: work with progress when long). Says how it ended if it did at
    /// once.
    pub fn seek_exact(&mut self, goal: Position) -> Option<Outcome> {
        self.motion = None;
        self.playing = false;
        self.carry_ms = 0.0;
        match self.job.as_mut() {
            Some(job) if job.purpose() == Purpose::Seek => {
                job.retarget(&mut self.timeline, Goal::Exact(goal));
            }
            Some(_) => return None,
            None => {
                self.job = Some(Job::seek(&mut self.timeline, Goal::Exact(goal), LOG_LINES));
            }
        }
        self.work(FIRST_SLICE_STEPS)
    }

    /// Simulated ms per real ms.
    #[must_use]
    pub fn speed(&self) -> f64 {
        self.speed
    }

    /// Sets the speed, clamped to 0.1x–100x.
    pub fn set_speed(&mut self, speed: f64) {
        if speed.is_finite() {
            self.speed = speed.clamp(MIN_SPEED, MAX_SPEED);
        }
    }

    /// Simulated time with the fraction of a ms carried between frames, for
    /// smooth motion.
    #[must_use]
    pub fn now_exact_ms(&self) -> f64 {
        self.timeline.now_ms() as f64 + self.carry_ms
    }

    /// What long work is under way, if any.
    #[must_use]
    pub fn busy(&self) -> Option<Busy> {
        self.job.as_ref().map(|j| Busy {
            purpose: j.purpose(),
            fraction: self.fraction,
            goal_ms: j.goal().t_ms(),
        })
    }

    /// Starts long work (a link, a lesson), replacing any under way, and
    /// runs its first [`FIRST_SLICE_STEPS`] at once (short work is then
    /// done); the rest runs in [`Player::work`] slices. Pauses. Says how it
    /// ended if it did at once.
    pub fn start(&mut self, job: Job) -> Option<Outcome> {
        self.cancel();
        self.playing = false;
        self.motion = None;
        self.carry_ms = 0.0;
        self.fraction = 0.0;
        self.job = Some(job);
        self.work(FIRST_SLICE_STEPS)
    }

    /// Runs at most `max_steps` engine steps of the work under way; says how
    /// it ended when it did.
    pub fn work(&mut self, max_steps: u64) -> Option<Outcome> {
        let job = self.job.as_mut()?;
        let purpose = job.purpose();
        match job.run(&mut self.timeline, max_steps) {
            Status::Working(fraction) => {
                self.fraction = fraction;
                None
            }
            Status::Done => {
                let mut job = self.job.take().expect("a job");
                let kept = job.take_kept();
                let _ = self.timeline.take_events();
                self.log.clear();
                self.push_events(kept);
                Some(Outcome::Done(purpose))
            }
            Status::Refused(why) => {
                self.cancel();
                Some(Outcome::Refused(why))
            }
        }
    }

    /// Stops the work under way: a seek goes back to where it started, a
    /// link or lesson leaves the scene that was there. Returns whether
    /// there was work.
    pub fn cancel(&mut self) -> bool {
        match self.job.take() {
            Some(job) => {
                job.cancel(&mut self.timeline);
                let _ = self.timeline.take_events();
                true
            }
            None => false,
        }
    }

    /// Advances by one animation frame of `frame_ms` real ms (if playing and
    /// not busy), at most [`MAX_TICK_STEPS`] engine steps. Pauses, saying
    /// why, if the scene grew past [`job::MAX_SIM_BYTES`].
    pub fn tick(&mut self, frame_ms: f64) -> Option<Halt> {
        let moving = self.playing || self.motion.is_some();
        if !moving || self.job.is_some() || !frame_ms.is_finite() || frame_ms <= 0.0 {
            return None;
        }
        let speed = self.motion.map_or(self.speed, |m| m.speed);
        let sim_ms = frame_ms.min(MAX_FRAME_MS) * speed + self.carry_ms;
        let whole = sim_ms.floor();
        self.carry_ms = sim_ms - whole;
        let target = self.timeline.now_ms().saturating_add(whole as u64);
        // A motion stops exactly at its goal: the time before it, then the
        // position itself (never the next step's commands at that time).
        let goal = match self.motion {
            Some(m) if target >= m.goal.t_ms => Goal::Exact(m.goal),
            _ => Goal::Time(target),
        };
        let reached = self.timeline.run_toward(goal, MAX_TICK_STEPS).reached;
        if !reached {
            // Behind: the scene is heavier than this speed allows.
            self.carry_ms = 0.0;
        }
        if reached && matches!(goal, Goal::Exact(_)) {
            self.motion = None;
            self.carry_ms = 0.0;
        }
        self.collect_events();
        let bytes = clone_cost_bytes(self.timeline.sim());
        if bytes > job::MAX_SIM_BYTES {
            self.playing = false;
            return Some(Halt::SceneTooLarge {
                at_ms: self.timeline.now_ms(),
                mb: bytes.div_ceil(1 << 20),
                max_mb: job::MAX_SIM_BYTES >> 20,
            });
        }
        None
    }

    /// Runs to the next event (at most 60 s ahead) and pauses.
    pub fn step_event(&mut self) {
        if self.job.is_some() {
            return;
        }
        self.playing = false;
        self.motion = None;
        self.carry_ms = 0.0;
        let events = self.timeline.step_forward(60_000, MAX_STEP_WORK);
        self.push_events(events);
    }

    /// Undoes the latest step (back to just after the previous events) and
    /// pauses; says why not when that would replay too much.
    pub fn step_back(&mut self) -> Option<Halt> {
        if self.job.is_some() {
            return None;
        }
        self.playing = false;
        self.motion = None;
        self.carry_ms = 0.0;
        let _ = self.timeline.take_events();
        match self.timeline.step_back(LOG_LINES, MAX_STEP_WORK) {
            Ok(kept) => {
                self.log.clear();
                self.push_events(kept);
                None
            }
            Err(spent) => Some(Halt::StepBackTooFar {
                max_steps: MAX_STEP_WORK,
                spent,
            }),
        }
    }

    /// Goes to simulated time `t_ms` (restoring a checkpoint and replaying,
    /// or simulating forward past the end of the history, at most
    /// [`MAX_SEEK_MS`]); `u64::MAX` means the end of the history. Runs the
    /// first [`FIRST_SLICE_STEPS`] at once; longer seeks go on as work with
    /// progress. A seek during a seek points it elsewhere. Says how it ended
    /// if it did at once.
    pub fn seek(&mut self, t_ms: u64) -> Option<Outcome> {
        let t_ms = if t_ms == u64::MAX {
            self.timeline.horizon_ms()
        } else {
            t_ms.min(MAX_SEEK_MS)
        };
        self.carry_ms = 0.0;
        self.motion = None;
        let goal = Goal::Time(t_ms);
        match self.job.as_mut() {
            Some(job) if job.purpose() == Purpose::Seek => job.retarget(&mut self.timeline, goal),
            Some(_) => return None,
            None => self.job = Some(Job::seek(&mut self.timeline, goal, LOG_LINES)),
        }
        self.work(FIRST_SLICE_STEPS)
    }

    /// Runs the work under way to its end (tests, and the native side).
    pub fn finish_work(&mut self) -> Option<Outcome> {
        loop {
            self.job.as_ref()?;
            if let Some(outcome) = self.work(250_000) {
                return Some(outcome);
            }
        }
    }

    /// Applies a command now. In the past this forks the history (the
    /// recorded future is discarded): `Ok(true)` says so. Refused while busy.
    pub fn apply(&mut self, command: Command) -> Result<bool, Refused> {
        if self.job.is_some() {
            return Err(Refused::Loading);
        }
        self.motion = None;
        let result = self.timeline.apply(command);
        self.collect_events();
        result
    }

    /// The life story of a record, at most [`MAX_STORY_STEPS`] of replay.
    #[must_use]
    pub fn record_story(
        &self,
        record: crate::engine::RecordId,
        created_at_ms: u64,
    ) -> crate::timeline::Story {
        self.timeline
            .record_story(record, created_at_ms, MAX_STORY_STEPS)
    }

    /// The most recent event log lines, oldest first.
    pub fn log(&self) -> impl DoubleEndedIterator<Item = &Event> {
        self.log.iter()
    }

    fn collect_events(&mut self) {
        let events = self.timeline.take_events();
        self.push_events(events);
    }

    fn push_events(&mut self, events: Vec<Event>) {
        for event in events {
            if self.log.len() == LOG_LINES {
                self.log.pop_front();
            }
            self.log.push_back(event);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::scenarios::default_scenario;

    #[test]
    fn paused_player_does_not_move() {
        let mut p = Player::new(default_scenario()).unwrap();
        p.tick(16.0);
        assert_eq!(p.sim().now_ms(), 0);
    }

    #[test]
    fn frames_are_capped_and_scaled_by_speed() {
        let mut p = Player::new(default_scenario()).unwrap();
        p.set_playing(true);
        p.tick(5_000.0); // a tab that slept
        assert_eq!(p.sim().now_ms(), 100);
        p.set_speed(10.0);
        p.tick(16.5);
        assert_eq!(p.sim().now_ms(), 265);
        p.set_speed(1e9);
        assert_eq!(p.speed(), MAX_SPEED);
    }

    #[test]
    fn fractions_of_a_millisecond_are_carried() {
        let mut p = Player::new(default_scenario()).unwrap();
        p.set_playing(true);
        p.set_speed(0.1);
        for _ in 0..10 {
            p.tick(16.0);
        }
        assert_eq!(p.sim().now_ms(), 16);
    }

    #[test]
    fn step_event_moves_to_the_next_event_and_pauses() {
        let mut p = Player::new(default_scenario()).unwrap();
        p.set_playing(true);
        let before = p.log().count();
        p.step_event();
        assert!(!p.playing());
        assert!(p.log().count() > before);
    }

    #[test]
    fn a_far_seek_is_work_with_progress_and_waits_for_nothing_else() {
        let mut p = Player::new(default_scenario()).unwrap();
        assert_eq!(p.seek(3_600_000), None, "not done in the first slice");
        let busy = p.busy().expect("busy");
        assert_eq!(busy.purpose, Purpose::Seek);
        assert_eq!(busy.goal_ms, 3_600_000);
        assert!(busy.fraction > 0.0 && busy.fraction < 1.0);
        // Nothing else runs meanwhile.
        p.set_playing(true);
        assert!(!p.playing());
        assert!(p
            .apply(Command::CrashBroker(crate::engine::BrokerId(1)))
            .is_err());
        let before = p.sim().now_ms();
        p.step_event();
        assert_eq!(p.sim().now_ms(), before);
        assert_eq!(p.finish_work(), Some(Outcome::Done(Purpose::Seek)));
        assert_eq!(p.sim().now_ms(), 3_600_000);
        assert!(p.busy().is_none());
        assert!(p.log().count() > 0, "the last events are in the log");
    }

    #[test]
    fn a_cancelled_seek_goes_back_and_a_seek_during_a_seek_retargets() {
        let mut p = Player::new(default_scenario()).unwrap();
        p.seek(20_000);
        assert!(p.busy().is_none(), "a short seek is done at once");
        assert_eq!(p.sim().now_ms(), 20_000);
        p.seek(7_200_000);
        p.seek(5_400_000);
        assert_eq!(p.busy().map(|b| b.goal_ms), Some(5_400_000));
        assert!(p.cancel());
        assert_eq!(
            p.sim().now_ms(),
            20_000,
            "back where it was before the first"
        );
        assert!(!p.cancel());
    }

    #[test]
    fn a_frame_runs_a_bounded_number_of_steps() {
        let mut p = Player::new(crate::engine::scenarios::stress_scenario()).unwrap();
        for producer in 0..p.sim().producers().len() as u32 {
            p.apply(Command::SetProducerRate {
                producer: crate::engine::ProducerId(producer),
                records_per_sec: 10_000,
            })
            .unwrap();
        }
        p.set_playing(true);
        p.set_speed(MAX_SPEED);
        let mut cut = false;
        for _ in 0..3 {
            let (steps, now) = (p.sim().totals().steps, p.sim().now_ms());
            assert_eq!(p.tick(100.0), None);
            assert!(p.sim().totals().steps - steps <= MAX_TICK_STEPS);
            // Aimed 10 simulated seconds ahead; a heavy scene falls behind.
            cut |= p.sim().now_ms() < now + 10_000;
        }
        assert!(cut, "the scene is heavy enough to be cut");
    }
}
