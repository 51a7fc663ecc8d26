//! [`Timeline`]: the history of one simulation, so it can be replayed,
//! scrubbed and rewound. It keeps the cluster's initial config, the commands
//! given (with the time they were given) and checkpoints (clones of the
//! engine); seeking restores the nearest checkpoint before the target and
//! replays, which gives exactly the same state because the engine is
//! deterministic. Changing anything in the past forks: the recorded future
//! is discarded. Pure: no browser, no clock.
//!
//! A position in the history is exact: the time, the timer steps run and
//! the commands applied ([`Position`]); a command given at time `t` always
//! acts after every timer due at or before `t`, on the first run and on
//! every replay.
//!
//! Work is bounded by the caller: [`Timeline::run_toward`] runs at most a
//! given number of engine timer steps and can be called again to go on, so
//! a long replay runs in slices (see [`crate::job`]). Checkpoints are dense
//! near the end of the history and sparse in its old parts, at most
//! [`MAX_CHECKPOINTS`] and [`CHECKPOINT_BUDGET_BYTES`] (estimated by
//! [`clone_cost_bytes`]).

use crate::engine::{ClusterConfig, Command, Event, RecordId, Refusal, Sim};
use crate::story::{StoryLine, StoryTracker};

/// Simulated time between checkpoints near the end of the history (older
/// ones are thinned out; a long run toward a far goal spaces them further).
pub const CHECKPOINT_EVERY_MS: u64 = 10_000;
/// Most checkpoints kept (the one at time 0 always stays).
pub const MAX_CHECKPOINTS: usize = 256;
/// Most memory the checkpoints may take together, estimated by
/// [`clone_cost_bytes`] (the one at time 0 always stays).
pub const CHECKPOINT_BUDGET_BYTES: u64 = 96 * 1024 * 1024;
/// Most commands a history may hold.
pub const MAX_COMMANDS: usize = 10_000;

/// Why a command was not applied to a history: the engine refused it, or
/// the history itself cannot take it (its words are in `crate::text`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refused {
    /// The engine refused the command.
    Engine(Refusal),
    /// The history already holds [`MAX_COMMANDS`] commands.
    HistoryFull {
        /// The most commands.
        max: usize,
    },
    /// A history rebuilt from a link takes commands at its end only.
    InPast,
    /// The player is still loading a scene (a long job runs).
    Loading,
}

impl From<Refusal> for Refused {
    fn from(r: Refusal) -> Self {
        Refused::Engine(r)
    }
}
/// While a run heads for a far goal, checkpoints are at least this fraction
/// of the remaining way apart (so a one-day replay takes dozens, not
/// thousands).
const SPACING_DIVISOR: u64 = 8;

/// What a copy of `sim` costs in memory, bytes: the engine's own estimate
/// ([`Sim::heap_estimate_bytes`]) of what one more checkpoint holds once the
/// live simulation has moved on from it (a clone shares the logs' records
/// with the original, so this is far less than the records held).
/// Checkpoints, jobs and the player's memory guard all use this function.
#[must_use]
pub fn clone_cost_bytes(sim: &Sim) -> u64 {
    sim.heap_estimate_bytes() as u64
}

/// A command as recorded in the history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recorded {
    /// When it was given, simulated ms.
    pub at_ms: u64,
    /// The command.
    pub command: Command,
}

/// An exact position in a history: what a share link points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    /// The simulated time, ms.
    pub t_ms: u64,
    /// Engine timer steps run since the start (`Sim::totals().steps`); a
    /// position after stepping event by event lies inside a millisecond.
    pub steps: u64,
    /// Recorded commands applied.
    pub applied: usize,
}

/// Where a run goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Goal {
    /// A time: every timer due at or before it and every command given at
    /// or before it has run, and the clock shows it.
    Time(u64),
    /// An exact position (never past its time).
    Exact(Position),
}

impl Goal {
    /// The goal's simulated time, ms.
    #[must_use]
    pub fn t_ms(self) -> u64 {
        match self {
            Goal::Time(t) => t,
            Goal::Exact(p) => p.t_ms,
        }
    }
}

/// What one call of [`Timeline::run_toward`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Run {
    /// The goal was reached.
    pub reached: bool,
    /// Timer steps run.
    pub steps: u64,
}

/// The state before a seek, to go back to when it is cancelled.
#[derive(Clone, Debug)]
pub struct Mark {
    sim: Sim,
    applied: usize,
}

/// A record's story, possibly cut short by the work budget.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Story {
    /// The lines, in time order.
    pub lines: Vec<StoryLine>,
    /// Where the replay stopped early (simulated ms), if it did.
    pub cut_at_ms: Option<u64>,
}

#[derive(Clone, Debug)]
struct Checkpoint {
    at_ms: u64,
    /// Commands already applied in this state.
    applied: usize,
    /// Timer steps run in this state.
    steps: u64,
    /// Its estimated memory ([`clone_cost_bytes`]).
    bytes: u64,
    sim: Sim,
}

/// One unit of replay: a timer step or a recorded command.
enum Unit {
    Step,
    Command,
    Nothing,
}

/// A simulation with its history.
#[derive(Clone, Debug)]
pub struct Timeline {
    /// The cluster as it was at time 0 (commands may change the live config).
    initial: ClusterConfig,
    sim: Sim,
    commands: Vec<Recorded>,
    /// Commands of `commands` already applied to `sim`.
    applied: usize,
    checkpoints: Vec<Checkpoint>,
    /// Sum of the checkpoints' `bytes`.
    checkpoint_bytes: u64,
    /// The time of the latest checkpoint taken (even if thinned out since):
    /// the next is due after it.
    checkpointed_ms: u64,
    /// The furthest simulated time reached.
    horizon_ms: u64,
    /// Where a long run is heading (spaces checkpoints out); 0 when none.
    heading_ms: u64,
    /// Most memory the checkpoints may take ([`CHECKPOINT_BUDGET_BYTES`]).
    budget_bytes: u64,
}

impl Timeline {
    /// A new history at time 0.
    pub fn new(config: ClusterConfig) -> Result<Self, Refusal> {
        let sim = Sim::new(config.clone())?;
        let bytes = clone_cost_bytes(&sim);
        Ok(Self {
            initial: config,
            checkpoints: vec![Checkpoint {
                at_ms: 0,
                applied: 0,
                steps: 0,
                bytes,
                sim: sim.clone(),
            }],
            checkpoint_bytes: bytes,
            checkpointed_ms: 0,
            sim,
            commands: Vec::new(),
            applied: 0,
            horizon_ms: 0,
            heading_ms: 0,
            budget_bytes: CHECKPOINT_BUDGET_BYTES,
        })
    }

    /// The cluster's config at time 0 (what a share link must start from:
    /// some commands change the live config).
    #[must_use]
    pub fn initial_config(&self) -> &ClusterConfig {
        &self.initial
    }

    /// The engine at the current position.
    #[must_use]
    pub fn sim(&self) -> &Sim {
        &self.sim
    }

    /// The current simulated time.
    #[must_use]
    pub fn now_ms(&self) -> u64 {
        self.sim.now_ms()
    }

    /// The exact current position.
    #[must_use]
    pub fn position(&self) -> Position {
        Position {
            t_ms: self.now_ms(),
            steps: self.sim.totals().steps,
            applied: self.applied,
        }
    }

    /// The furthest time this history has reached.
    #[must_use]
    pub fn horizon_ms(&self) -> u64 {
        self.horizon_ms
    }

    /// The recorded commands.
    #[must_use]
    pub fn commands(&self) -> &[Recorded] {
        &self.commands
    }

    /// How many recorded commands have been applied at this position.
    #[must_use]
    pub fn applied(&self) -> usize {
        self.applied
    }

    /// The times of the checkpoints kept, oldest first.
    #[must_use]
    pub fn checkpoint_times(&self) -> Vec<u64> {
        self.checkpoints.iter().map(|c| c.at_ms).collect()
    }

    /// The checkpoints' estimated memory, bytes.
    #[must_use]
    pub fn checkpoint_bytes(&self) -> u64 {
        self.checkpoint_bytes
    }

    /// Sets the checkpoints' memory budget (bytes, as [`clone_cost_bytes`]
    /// estimates them), thinning them at once if needed.
    pub fn set_checkpoint_budget(&mut self, bytes: u64) {
        self.budget_bytes = bytes;
        self.thin_checkpoints(self.horizon_ms);
    }

    /// Whether the current position is before the end of the history.
    #[must_use]
    pub fn in_past(&self) -> bool {
        self.now_ms() < self.horizon_ms || self.applied < self.commands.len()
    }

    /// Events told since the last call.
    #[must_use]
    pub fn take_events(&mut self) -> Vec<Event> {
        self.sim.take_events()
    }

    /// Applies a command now. In the past, the recorded future is discarded
    /// first (a fork); returns whether that happened. A refused command
    /// changes nothing (the future stays).
    pub fn apply(&mut self, command: Command) -> Result<bool, Refused> {
        self.check_room()?;
        // A command given at time t acts after all work due at t, exactly as
        // replay orders it. Tried on a copy, so a refusal changes nothing.
        let now = self.now_ms();
        let mut trial = self.sim.clone();
        trial.advance_to(now);
        trial.apply(command.clone())?;
        let forked = self.in_past();
        if forked {
            self.fork_here();
        }
        self.sim = trial;
        self.record(now, command);
        Ok(forked)
    }

    /// Applies a command now without trying it on a copy first (no clone of
    /// the engine): for rebuilding a history from a link, where a refusal
    /// abandons the whole timeline. After a refusal the timeline may be half
    /// changed and must be dropped. At the end of the history only.
    pub fn apply_unverified(&mut self, command: Command) -> Result<(), Refused> {
        self.check_room()?;
        if self.in_past() {
            return Err(Refused::InPast);
        }
        let now = self.now_ms();
        self.sim.advance_to(now);
        self.sim.apply(command.clone())?;
        self.record(now, command);
        Ok(())
    }

    fn check_room(&self) -> Result<(), Refused> {
        if self.commands.len() >= MAX_COMMANDS {
            return Err(Refused::HistoryFull { max: MAX_COMMANDS });
        }
        Ok(())
    }

    fn fork_here(&mut self) {
        let now = self.now_ms();
        self.commands.truncate(self.applied);
        self.checkpoints.retain(|c| c.at_ms <= now);
        self.checkpoint_bytes = self.checkpoints.iter().map(|c| c.bytes).sum();
        self.checkpointed_ms = self.checkpoints.last().map_or(0, |c| c.at_ms);
        self.horizon_ms = now;
    }

    fn record(&mut self, at_ms: u64, command: Command) {
        self.commands.push(Recorded { at_ms, command });
        self.applied = self.commands.len();
        self.horizon_ms = self.horizon_ms.max(at_ms);
    }

    /// Moves forward to `t_ms`, applying recorded commands at their times and
    /// taking checkpoints on the way. Unbounded: for tests and short runs;
    /// the app uses [`Timeline::run_toward`].
    pub fn run_to(&mut self, t_ms: u64) {
        let _ = self.run_toward(Goal::Time(t_ms), u64::MAX);
    }

    /// Sets where a long run is heading, so the checkpoints it takes on the
    /// way are spaced for that distance (0: none, the usual spacing).
    pub fn set_heading(&mut self, t_ms: u64) {
        self.heading_ms = t_ms;
    }

    /// Runs forward toward `goal`, at most `max_steps` timer steps (commands
    /// are free), taking checkpoints on the way. Call again to go on; the
    /// position after each call is a real position of the history. The
    /// caller moves back first when the goal is behind
    /// ([`Timeline::start_toward`]).
    pub fn run_toward(&mut self, goal: Goal, max_steps: u64) -> Run {
        let start = self.sim.totals().steps;
        let goal_t = goal.t_ms();
        let reached = loop {
            if self.sim.totals().steps - start >= max_steps {
                break false;
            }
            let next = self.next_unit();
            // An exact position ends where its counts are reached, even with
            // work due at its time still waiting (inside a millisecond).
            if let (Goal::Exact(p), Some((is_command, at))) = (goal, next) {
                let counted = if is_command {
                    self.applied >= p.applied
                } else {
                    self.sim.totals().steps >= p.steps
                };
                if at <= goal_t && counted {
                    break self.finish(goal_t);
                }
            }
            let checkpoint = self.next_checkpoint_at(goal_t);
            if checkpoint <= goal_t && checkpoint_due(next, checkpoint) {
                // Nothing is due before it: this only moves the clock.
                self.sim.advance_to(checkpoint);
                self.take_checkpoint();
                continue;
            }
            match next {
                Some((is_command, at)) if at <= goal_t => {
                    if is_command {
                        self.sim.advance_to(at);
                        self.apply_next_recorded();
                    } else {
                        self.sim.step();
                    }
                }
                _ => break self.finish(goal_t),
            }
        };
        self.horizon_ms = self.horizon_ms.max(self.now_ms());
        Run {
            reached,
            steps: self.sim.totals().steps - start,
        }
    }

    /// Moves the clock to `t_ms` unless work due by then still waits (a
    /// position inside a millisecond).
    fn finish(&mut self, t_ms: u64) -> bool {
        if self.sim.next_event_at().is_none_or(|at| at > t_ms) {
            self.sim.advance_to(t_ms);
        }
        true
    }

    /// The next unit of work: `(is_command, time)`. A recorded command due
    /// at the same time as a timer runs after it.
    fn next_unit(&self) -> Option<(bool, u64)> {
        let next_command = self.commands.get(self.applied).map(|c| c.at_ms);
        let next_timer = self.sim.next_event_at();
        match (next_command, next_timer) {
            (Some(c), Some(t)) if c < t => Some((true, c)),
            (_, Some(t)) => Some((false, t)),
            (Some(c), None) => Some((true, c)),
            (None, None) => None,
        }
    }

    /// Prepares a run toward `goal`: when the goal is behind the current
    /// position, or a checkpoint lies between them, restores the best
    /// checkpoint. With `keep_mark`, returns the state before, so a cancelled
    /// run can go back ([`Timeline::return_to`]).
    pub fn start_toward(&mut self, goal: Goal, keep_mark: bool) -> Option<Mark> {
        let here = self.position();
        let reachable = match goal {
            Goal::Time(t) => here.t_ms <= t,
            Goal::Exact(p) => {
                here.t_ms <= p.t_ms && here.steps <= p.steps && here.applied <= p.applied
            }
        };
        let i = self.best_checkpoint(goal);
        let c = &self.checkpoints[i];
        let ahead = c.at_ms > here.t_ms && c.steps >= here.steps;
        if !reachable || ahead {
            let sim = std::mem::replace(&mut self.sim, c.sim.clone());
            let applied = std::mem::replace(&mut self.applied, c.applied);
            let _ = self.sim.take_events();
            keep_mark.then_some(Mark { sim, applied })
        } else {
            keep_mark.then(|| self.mark())
        }
    }

    /// The current state, to come back to.
    #[must_use]
    pub fn mark(&self) -> Mark {
        Mark {
            sim: self.sim.clone(),
            applied: self.applied,
        }
    }

    /// Goes back to a state marked before a run (cancelled). The history
    /// (commands, checkpoints, horizon) stays as the run left it: it only
    /// grew by replay.
    pub fn return_to(&mut self, mark: Mark) {
        self.sim = mark.sim;
        self.applied = mark.applied;
    }

    fn best_checkpoint(&self, goal: Goal) -> usize {
        self.checkpoints
            .iter()
            .rposition(|c| match goal {
                Goal::Time(t) => c.at_ms <= t,
                Goal::Exact(p) => c.at_ms <= p.t_ms && c.steps <= p.steps && c.applied <= p.applied,
            })
            .unwrap_or(0)
    }

    fn next_checkpoint_at(&self, goal_ms: u64) -> u64 {
        let last = self.checkpointed_ms;
        let heading = self.heading_ms.max(goal_ms);
        let spacing = (heading.saturating_sub(last) / SPACING_DIVISOR).max(CHECKPOINT_EVERY_MS);
        let spacing = spacing.div_ceil(CHECKPOINT_EVERY_MS) * CHECKPOINT_EVERY_MS;
        let from_now = self.now_ms().div_ceil(CHECKPOINT_EVERY_MS) * CHECKPOINT_EVERY_MS;
        from_now.max(last.saturating_add(spacing))
    }

    fn take_checkpoint(&mut self) {
        let at_ms = self.now_ms();
        if self.checkpoints.last().is_some_and(|c| c.at_ms >= at_ms) {
            return;
        }
        self.checkpointed_ms = at_ms;
        // One that could never be kept within the budget is not even copied.
        let bytes = clone_cost_bytes(&self.sim);
        let first = self.checkpoints.first().map_or(0, |c| c.bytes);
        if first.saturating_add(bytes) > self.budget_bytes {
            return;
        }
        // The checkpoint holds no pending events: they belong to the caller.
        let pending = self.sim.take_events();
        self.checkpoints.push(Checkpoint {
            at_ms,
            applied: self.applied,
            steps: self.sim.totals().steps,
            bytes,
            sim: self.sim.clone(),
        });
        self.checkpoint_bytes += bytes;
        self.sim.restore_events(pending);
        self.thin_checkpoints(at_ms);
    }

    /// Drops checkpoints until at most [`MAX_CHECKPOINTS`] within the memory
    /// budget are left: each time the one whose removal
    /// leaves the smallest gap for its age, so recent history stays dense
    /// and old history sparse. The one at time 0 always stays.
    fn thin_checkpoints(&mut self, newest_ms: u64) {
        let floor = (newest_ms / 16).max(CHECKPOINT_EVERY_MS);
        while self.checkpoints.len() > 1
            && (self.checkpoints.len() > MAX_CHECKPOINTS
                || self.checkpoint_bytes > self.budget_bytes)
        {
            let n = self.checkpoints.len();
            let value = |i: usize| {
                let prev = self.checkpoints[i - 1].at_ms;
                let next = self.checkpoints.get(i + 1).map_or(newest_ms, |c| c.at_ms);
                let age = newest_ms.saturating_sub(self.checkpoints[i].at_ms);
                next.saturating_sub(prev) as f64 / (age + floor) as f64
            };
            let drop = (1..n)
                .min_by(|a, b| value(*a).total_cmp(&value(*b)))
                .expect("more than one checkpoint");
            let gone = self.checkpoints.remove(drop);
            self.checkpoint_bytes -= gone.bytes;
        }
    }

    fn apply_next_recorded(&mut self) {
        let command = self.commands[self.applied].command.clone();
        // It was accepted when recorded; replay gives the same answer.
        let _ = self.sim.apply(command);
        self.applied += 1;
    }

    /// Goes to simulated time `t_ms` (anywhere: past or future), however
    /// long it takes. Events of the replay are discarded except the last
    /// `keep_events`, returned. Unbounded: for tests and benchmarks; the app
    /// seeks with a [`crate::job::Job`].
    pub fn seek(&mut self, t_ms: u64, keep_events: usize) -> Vec<Event> {
        self.seek_to(Goal::Time(t_ms), keep_events)
    }

    /// Goes to `goal` (past or future), however long it takes; see
    /// [`Timeline::seek`].
    pub fn seek_to(&mut self, goal: Goal, keep_events: usize) -> Vec<Event> {
        let _ = self.take_events();
        let _ = self.start_toward(goal, false);
        let mut kept = Vec::new();
        // In slices, so the events kept stay bounded.
        while !self.run_toward(goal, 100_000).reached {
            keep_last(&mut kept, self.sim.take_events(), keep_events);
        }
        keep_last(&mut kept, self.sim.take_events(), keep_events);
        kept
    }

    /// Runs one unit (a timer step, or a recorded command due first), taking
    /// a checkpoint first if one falls before it. A checkpoint at time `c`
    /// is the state after every timer due at or before `c` and before the
    /// commands given at `c`, whichever path takes it.
    fn run_unit(&mut self, limit_ms: u64) -> Unit {
        let Some((is_command, at)) = self.next_unit() else {
            return Unit::Nothing;
        };
        if at > limit_ms {
            return Unit::Nothing;
        }
        let checkpoint = self.next_checkpoint_at(0);
        if checkpoint_due(Some((is_command, at)), checkpoint) {
            self.sim.advance_to(checkpoint);
            self.take_checkpoint();
        }
        let unit = run_unit_on(&mut self.sim, &self.commands, &mut self.applied, limit_ms);
        self.horizon_ms = self.horizon_ms.max(self.now_ms());
        unit
    }

    /// The life story of `record` (created at `created_at_ms`), from its
    /// creation up to the current position, by replaying a copy of the
    /// history from the checkpoint before it, at most `max_steps` timer
    /// steps (then the story says where it stops). The timeline is not moved.
    #[must_use]
    pub fn record_story(&self, record: RecordId, created_at_ms: u64, max_steps: u64) -> Story {
        let i = self
            .checkpoints
            .iter()
            .rposition(|c| {
                c.at_ms <= created_at_ms && c.sim.event_count() <= self.sim.event_count()
            })
            .unwrap_or(0);
        let c = &self.checkpoints[i];
        let mut sim = c.sim.clone();
        let _ = sim.take_events();
        let mut applied = c.applied;
        let mut tracker = StoryTracker::new(record);
        let end = self.sim.event_count();
        let budget_end = c.steps.saturating_add(max_steps);
        let mut cut_at_ms = None;
        while sim.event_count() < end {
            if sim.totals().steps >= budget_end {
                cut_at_ms = Some(sim.now_ms());
                break;
            }
            if let Unit::Nothing = run_unit_on(&mut sim, &self.commands, &mut applied, u64::MAX) {
                break;
            }
            for event in sim.take_events() {
                tracker.observe(&sim, &event);
            }
        }
        Story {
            lines: tracker.lines().to_vec(),
            cut_at_ms,
        }
    }

    /// Runs until the engine tells at least one event (at most `limit_ms`
    /// ahead and `max_steps` timer steps); returns the events.
    pub fn step_forward(&mut self, limit_ms: u64, max_steps: u64) -> Vec<Event> {
        let limit = self.now_ms().saturating_add(limit_ms);
        let start = self.sim.event_count();
        let start_steps = self.sim.totals().steps;
        loop {
            if self.sim.totals().steps - start_steps >= max_steps {
                break;
            }
            match self.run_unit(limit) {
                Unit::Nothing => {
                    let _ = self.run_toward(Goal::Time(limit), max_steps);
                    break;
                }
                Unit::Step | Unit::Command if self.sim.event_count() > start => break,
                _ => {}
            }
        }
        self.sim.take_events()
    }

    /// Goes back to just after the previous unit of work that told events,
    /// so the latest events are undone. Returns the events of that previous
    /// unit (and up to `keep_events` before it), or nothing at the start.
    /// Replays at most `max_steps` timer steps; past that it stays where it
    /// is and says how many steps it gave up after.
    pub fn step_back(&mut self, keep_events: usize, max_steps: u64) -> Result<Vec<Event>, u64> {
        let target_end = self.sim.event_count();
        let mut spent = 0u64;
        // Find the last unit boundary before `target_end`, replaying copies
        // from ever earlier checkpoints until one exists.
        let mut index = self
            .checkpoints
            .iter()
            .rposition(|c| c.sim.event_count() < target_end && c.at_ms <= self.now_ms());
        while let Some(i) = index {
            let c = &self.checkpoints[i];
            let mut sim = c.sim.clone();
            let _ = sim.take_events();
            let mut applied = c.applied;
            let mut boundaries = vec![sim.event_count()];
            while sim.event_count() < target_end {
                if spent >= max_steps {
                    return Err(spent);
                }
                let before = (sim.event_count(), sim.totals().steps);
                if let Unit::Nothing = run_unit_on(&mut sim, &self.commands, &mut applied, u64::MAX)
                {
                    break;
                }
                spent += sim.totals().steps - before.1;
                if sim.event_count() > before.0 && sim.event_count() < target_end {
                    boundaries.push(sim.event_count());
                }
                let _ = sim.take_events();
            }
            let goal = *boundaries.last().expect("one at least");
            if goal < target_end && (boundaries.len() > 1 || i == 0) {
                let mut sim = c.sim.clone();
                let _ = sim.take_events();
                let mut applied = c.applied;
                let mut kept = Vec::new();
                while sim.event_count() < goal {
                    if let Unit::Nothing =
                        run_unit_on(&mut sim, &self.commands, &mut applied, u64::MAX)
                    {
                        break;
                    }
                    keep_last(&mut kept, sim.take_events(), keep_events);
                }
                self.sim = sim;
                self.applied = applied;
                return Ok(kept);
            }
            index = i.checked_sub(1);
        }
        Ok(Vec::new())
    }
}

/// Whether a checkpoint at `at_ms` can be taken before `next` (the next
/// unit, `(is_command, time)`): a checkpoint is the state after every timer
/// due at or before its time and before the commands given at it.
fn checkpoint_due(next: Option<(bool, u64)>, at_ms: u64) -> bool {
    match next {
        None => true,
        Some((true, at)) => at >= at_ms,
        Some((false, at)) => at > at_ms,
    }
}

/// Runs the next unit of `commands` and timers on `sim`: the recorded
/// command if it is due before the next timer, else one timer step.
fn run_unit_on(sim: &mut Sim, commands: &[Recorded], applied: &mut usize, limit_ms: u64) -> Unit {
    let next_command = commands.get(*applied).map(|c| c.at_ms);
    let next_timer = sim.next_event_at();
    let (is_command, at) = match (next_command, next_timer) {
        (Some(c), Some(t)) if c < t => (true, c),
        (_, Some(t)) => (false, t),
        (Some(c), None) => (true, c),
        (None, None) => return Unit::Nothing,
    };
    if at > limit_ms {
        return Unit::Nothing;
    }
    if is_command {
        sim.advance_to(at);
        // It was accepted when recorded; replay gives the same answer.
        let _ = sim.apply(commands[*applied].command.clone());
        *applied += 1;
        Unit::Command
    } else {
        sim.step();
        Unit::Step
    }
}

fn keep_last(kept: &mut Vec<Event>, more: Vec<Event>, n: usize) {
    kept.extend(more);
    if kept.len() > n {
        kept.drain(..kept.len() - n);
    }
}

#[cfg(test)]
mod tests;
