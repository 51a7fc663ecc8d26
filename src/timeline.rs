//! [`Timeline`]: the history of one simulation, so it can be replayed,
//! scrubbed and rewound. It keeps the commands given (with the time they were
//! given) and checkpoints (clones of the engine) taken every
//! [`CHECKPOINT_EVERY_MS`] of simulated time; seeking restores the nearest
//! checkpoint before the target and replays, which gives exactly the same
//! state because the engine is deterministic. Changing anything in the past
//! forks: the recorded future is discarded. Pure: no browser, no clock.

use crate::engine::{ClusterConfig, Command, Event, RecordId, Refusal, Sim};
use crate::story::{StoryLine, StoryTracker};

/// Simulated time between checkpoints.
pub const CHECKPOINT_EVERY_MS: u64 = 10_000;
/// Most checkpoints kept; past this, every other old one is dropped (the one
/// at time 0 always stays), so memory stays bounded and seeks stay short.
pub const MAX_CHECKPOINTS: usize = 48;
/// Most commands a history may hold.
pub const MAX_COMMANDS: usize = 10_000;

/// A command as recorded in the history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recorded {
    /// When it was given, simulated ms.
    pub at_ms: u64,
    /// The command.
    pub command: Command,
}

#[derive(Clone, Debug)]
struct Checkpoint {
    at_ms: u64,
    /// Commands already applied in this state.
    applied: usize,
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
    sim: Sim,
    commands: Vec<Recorded>,
    /// Commands of `commands` already applied to `sim`.
    applied: usize,
    checkpoints: Vec<Checkpoint>,
    /// The furthest simulated time reached.
    horizon_ms: u64,
}

impl Timeline {
    /// A new history at time 0.
    pub fn new(config: ClusterConfig) -> Result<Self, Refusal> {
        let sim = Sim::new(config)?;
        Ok(Self {
            checkpoints: vec![Checkpoint {
                at_ms: 0,
                applied: 0,
                sim: sim.clone(),
            }],
            sim,
            commands: Vec::new(),
            applied: 0,
            horizon_ms: 0,
        })
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
    pub fn apply(&mut self, command: Command) -> Result<bool, Refusal> {
        if self.commands.len() >= MAX_COMMANDS {
            return Err(Refusal::limit(format!(
                "a history holds at most {MAX_COMMANDS} commands"
            )));
        }
        // A command given at time t acts after all work due at t, exactly as
        // replay orders it. Tried on a copy, so a refusal changes nothing.
        let now = self.now_ms();
        let mut trial = self.sim.clone();
        trial.advance_to(now);
        trial.apply(command.clone())?;
        let forked = self.in_past();
        if forked {
            self.commands.truncate(self.applied);
            self.checkpoints.retain(|c| c.at_ms <= now);
            self.horizon_ms = now;
        }
        self.sim = trial;
        self.commands.push(Recorded {
            at_ms: now,
            command,
        });
        self.applied = self.commands.len();
        Ok(forked)
    }

    /// Moves forward to `t_ms`, applying recorded commands at their times and
    /// taking checkpoints on the way.
    pub fn run_to(&mut self, t_ms: u64) {
        loop {
            let next_checkpoint = self.next_checkpoint_at();
            let next_command = self.commands.get(self.applied).map(|c| c.at_ms);
            if next_checkpoint <= t_ms && next_command.is_none_or(|c| next_checkpoint <= c) {
                self.sim.advance_to(next_checkpoint);
                self.take_checkpoint();
                continue;
            }
            match next_command {
                Some(c) if c <= t_ms => {
                    self.sim.advance_to(c);
                    self.apply_next_recorded();
                }
                _ => break,
            }
        }
        self.sim.advance_to(t_ms);
        self.horizon_ms = self.horizon_ms.max(self.now_ms());
    }

    fn next_checkpoint_at(&self) -> u64 {
        let last = self.checkpoints.last().map_or(0, |c| c.at_ms);
        let from_now = (self.now_ms() / CHECKPOINT_EVERY_MS + 1) * CHECKPOINT_EVERY_MS;
        from_now.max(last + CHECKPOINT_EVERY_MS)
    }

    fn take_checkpoint(&mut self) {
        let at_ms = self.now_ms();
        if self.checkpoints.last().is_some_and(|c| c.at_ms >= at_ms) {
            return;
        }
        // The checkpoint holds no pending events: they belong to the caller.
        let pending = self.sim.take_events();
        self.checkpoints.push(Checkpoint {
            at_ms,
            applied: self.applied,
            sim: self.sim.clone(),
        });
        self.sim.restore_events(pending);
        if self.checkpoints.len() > MAX_CHECKPOINTS {
            // Thin the older half: keep time 0, drop every other one.
            let half = self.checkpoints.len() / 2;
            let mut i = 0;
            self.checkpoints.retain(|_| {
                let keep = i == 0 || i >= half || i % 2 == 0;
                i += 1;
                keep
            });
        }
    }

    fn apply_next_recorded(&mut self) {
        let command = self.commands[self.applied].command.clone();
        // It was accepted when recorded; replay gives the same answer.
        let _ = self.sim.apply(command);
        self.applied += 1;
    }

    fn restore(&mut self, index: usize) {
        let c = &self.checkpoints[index];
        self.sim = c.sim.clone();
        self.applied = c.applied;
    }

    /// Goes to simulated time `t_ms` (anywhere: past or future). Events of
    /// the replay are discarded except the last `keep_events`, returned.
    pub fn seek(&mut self, t_ms: u64, keep_events: usize) -> Vec<Event> {
        let i = self
            .checkpoints
            .iter()
            .rposition(|c| c.at_ms <= t_ms)
            .unwrap_or(0);
        if t_ms < self.now_ms() || self.checkpoints[i].at_ms > self.now_ms() {
            self.restore(i);
        }
        let mut kept = Vec::new();
        // Replay in slices so the events kept stay bounded.
        while self.now_ms() < t_ms {
            let next = (self.now_ms() + CHECKPOINT_EVERY_MS).min(t_ms);
            self.run_to(next);
            keep_last(&mut kept, self.sim.take_events(), keep_events);
        }
        self.run_to(t_ms);
        keep_last(&mut kept, self.sim.take_events(), keep_events);
        kept
    }

    /// Goes to an exact position: simulated time `t_ms` after `steps` timer
    /// steps since the start (`Sim::totals().steps`), as recorded in a share
    /// link. Unlike [`Timeline::seek`], this also lands in the middle of a
    /// millisecond (after stepping event by event).
    pub fn seek_exact(&mut self, t_ms: u64, steps: u64) {
        let i = self
            .checkpoints
            .iter()
            .rposition(|c| c.at_ms <= t_ms && c.sim.totals().steps <= steps)
            .unwrap_or(0);
        self.restore(i);
        while self.sim.totals().steps < steps {
            if let Unit::Nothing = self.run_unit(u64::MAX) {
                break;
            }
            let _ = self.sim.take_events();
        }
        // Commands given at t (they always follow the work due at t).
        while self
            .commands
            .get(self.applied)
            .is_some_and(|c| c.at_ms <= t_ms)
        {
            self.apply_next_recorded();
        }
        // Moved to t unless work due at t is still waiting (mid-millisecond).
        if self.sim.next_event_at().is_none_or(|at| at > t_ms) {
            self.sim.advance_to(t_ms);
        }
        let _ = self.sim.take_events();
        self.horizon_ms = self.horizon_ms.max(self.now_ms());
    }

    /// Runs one unit (a timer step, or a recorded command due first), taking
    /// a checkpoint first if one falls before it. A checkpoint at time `c`
    /// is the state after every timer due at or before `c` and before the
    /// commands given at `c`, whichever path (`run_to` or stepping) takes it.
    fn run_unit(&mut self, limit_ms: u64) -> Unit {
        let next_command = self.commands.get(self.applied).map(|c| c.at_ms);
        let next_timer = self.sim.next_event_at();
        let (is_command, at) = match (next_command, next_timer) {
            (Some(c), Some(t)) if c < t => (true, c),
            (_, Some(t)) => (false, t),
            (Some(c), None) => (true, c),
            (None, None) => return Unit::Nothing,
        };
        if at > limit_ms {
            return Unit::Nothing;
        }
        let checkpoint = self.next_checkpoint_at();
        if checkpoint < at || (checkpoint == at && is_command) {
            self.sim.advance_to(checkpoint);
            self.take_checkpoint();
        }
        let unit = run_unit_on(&mut self.sim, &self.commands, &mut self.applied, limit_ms);
        self.horizon_ms = self.horizon_ms.max(self.now_ms());
        unit
    }

    /// The life story of `record` (created at `created_at_ms`), from its
    /// creation up to the current position, by replaying a copy of the
    /// history from the checkpoint before it. The timeline is not moved.
    #[must_use]
    pub fn record_story(&self, record: RecordId, created_at_ms: u64) -> Vec<StoryLine> {
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
        while sim.event_count() < end {
            if let Unit::Nothing = run_unit_on(&mut sim, &self.commands, &mut applied, u64::MAX) {
                break;
            }
            for event in sim.take_events() {
                tracker.observe(&sim, &event);
            }
        }
        tracker.lines().to_vec()
    }

    /// Runs until the engine tells at least one event (at most `limit_ms`
    /// ahead); returns the events.
    pub fn step_forward(&mut self, limit_ms: u64) -> Vec<Event> {
        let limit = self.now_ms() + limit_ms;
        let start = self.sim.event_count();
        loop {
            match self.run_unit(limit) {
                Unit::Nothing => {
                    self.run_to(limit);
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
    pub fn step_back(&mut self, keep_events: usize) -> Vec<Event> {
        let target_end = self.sim.event_count();
        // Find the last unit boundary before `target_end`, replaying from
        // ever earlier checkpoints until one exists.
        let mut index = self
            .checkpoints
            .iter()
            .rposition(|c| c.sim.event_count() < target_end && c.at_ms <= self.now_ms());
        while let Some(i) = index {
            self.restore(i);
            let mut boundaries = vec![self.sim.event_count()];
            let limit = u64::MAX;
            while self.sim.event_count() < target_end {
                let before = self.sim.event_count();
                if let Unit::Nothing = self.run_unit(limit) {
                    break;
                }
                if self.sim.event_count() > before && self.sim.event_count() < target_end {
                    boundaries.push(self.sim.event_count());
                }
                let _ = self.sim.take_events();
            }
            let goal = *boundaries.last().expect("one at least");
            if goal < target_end && (boundaries.len() > 1 || i == 0) {
                self.restore(i);
                let mut kept = Vec::new();
                while self.sim.event_count() < goal {
                    if let Unit::Nothing = self.run_unit(limit) {
                        break;
                    }
                    keep_last(&mut kept, self.sim.take_events(), keep_events);
                }
                return kept;
            }
            index = i.checked_sub(1);
        }
        Vec::new()
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
mod tests {
    use super::*;
    use crate::engine::scenarios::default_scenario;
    use crate::engine::{BrokerId, ProducerId};

    fn snapshot(t: &Timeline) -> String {
        t.sim().to_string()
    }

    #[test]
    fn seeking_back_and_forth_gives_the_same_state() {
        let mut a = Timeline::new(default_scenario()).unwrap();
        a.run_to(12_345);
        let at_12 = snapshot(&a);
        a.run_to(47_000);
        let at_47 = snapshot(&a);
        a.seek(12_345, 0);
        assert_eq!(snapshot(&a), at_12);
        a.seek(47_000, 0);
        assert_eq!(snapshot(&a), at_47);
        a.seek(3_000, 0);
        a.seek(12_345, 0);
        assert_eq!(snapshot(&a), at_12);
    }

    #[test]
    fn commands_replay_at_their_times_and_a_change_in_the_past_forks() {
        let mut a = Timeline::new(default_scenario()).unwrap();
        a.run_to(5_000);
        a.apply(Command::CrashBroker(BrokerId(2))).unwrap();
        a.run_to(30_000);
        let end = snapshot(&a);
        assert!(end.contains("broker-2 down"));
        // Back before the crash: broker 2 is alive again.
        a.seek(4_000, 0);
        assert!(snapshot(&a).contains("broker-2 up"));
        // Forward again replays the crash at 5 s.
        a.seek(30_000, 0);
        assert_eq!(snapshot(&a), end);
        // A change in the past discards the recorded future.
        a.seek(4_000, 0);
        let forked = a
            .apply(Command::SetProducerRate {
                producer: ProducerId(0),
                records_per_sec: 5,
            })
            .unwrap();
        assert!(forked);
        assert_eq!(a.commands().len(), 1);
        assert_eq!(a.horizon_ms(), 4_000);
        a.run_to(30_000);
        assert!(
            snapshot(&a).contains("broker-2 up"),
            "the crash was in the discarded future"
        );
    }

    #[test]
    fn step_back_undoes_the_latest_step_exactly() {
        let mut a = Timeline::new(default_scenario()).unwrap();
        a.run_to(2_000);
        let _ = a.take_events();
        let mut states = Vec::new();
        for _ in 0..6 {
            states.push((snapshot(&a), a.sim().event_count()));
            let events = a.step_forward(60_000);
            assert!(!events.is_empty());
        }
        for (state, count) in states.into_iter().rev() {
            a.step_back(10);
            assert_eq!(a.sim().event_count(), count);
            assert_eq!(snapshot(&a), state);
        }
    }

    #[test]
    fn step_back_across_a_checkpoint_and_a_command() {
        let mut a = Timeline::new(default_scenario()).unwrap();
        a.run_to(CHECKPOINT_EVERY_MS - 1);
        a.apply(Command::CrashBroker(BrokerId(1))).unwrap();
        let crashed = a.sim().event_count();
        let _ = a.take_events();
        a.step_forward(60_000);
        a.step_back(10);
        assert_eq!(a.sim().event_count(), crashed);
        a.step_back(10);
        assert!(a.sim().event_count() < crashed);
        assert!(
            snapshot(&a).contains("broker-1 up"),
            "stepping back before the crash revives it"
        );
    }

    #[test]
    fn a_records_story_follows_it_from_producer_to_consumer_commit() {
        let mut a = Timeline::new(default_scenario()).unwrap();
        a.run_to(20_000);
        let _ = a.take_events();
        let part = a
            .sim()
            .partition_state(crate::engine::TopicPartition {
                topic: crate::engine::TopicIdx(0),
                partition: 0,
            })
            .unwrap();
        let entry = part.leader_log().unwrap().get(0).unwrap().clone();
        let story = a.record_story(entry.record.id, entry.record.timestamp_ms);
        let text: Vec<String> = story.iter().map(|l| l.text_en(a.sim())).collect();
        let has = |needle: &str| text.iter().any(|t| t.contains(needle));
        assert!(has("creates"), "{text:#?}");
        assert!(has("murmur2"), "the partitioner's decision");
        assert!(has("joins batch"));
        assert!(has("sends batch"));
        assert!(has("at offset 0"));
        assert_eq!(
            text.iter()
                .filter(|t| t.contains("(follower) copies it"))
                .count(),
            2
        );
        assert!(has("high watermark"));
        assert!(has("receives ack"));
        assert!(has("processes"));
        assert!(has("commits offset"));
        // In time order, and the timeline did not move.
        assert!(story.windows(2).all(|w| w[0].at_ms <= w[1].at_ms));
        assert_eq!(a.now_ms(), 20_000);
    }

    #[test]
    fn checkpoints_stay_bounded_over_a_long_run() {
        let mut a = Timeline::new(default_scenario()).unwrap();
        a.run_to(3_600_000);
        let _ = a.take_events();
        assert!(a.checkpoints.len() <= MAX_CHECKPOINTS);
        assert_eq!(a.checkpoints[0].at_ms, 0);
        let end = snapshot(&a);
        a.seek(1_800_000, 0);
        a.seek(3_600_000, 0);
        assert_eq!(snapshot(&a), end);
    }
}
