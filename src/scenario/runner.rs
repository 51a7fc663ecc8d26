//! Running a scenario headless: the cluster is built, steps act through
//! [`Sim::apply`] at their times, waits and expectations are checked, and
//! the result is a [`Report`] and a [`Plan`] (the same story as timed
//! commands and step markers, for a [`crate::timeline::Timeline`]).
//!
//! A command given at time `t` is applied after all work due at `t`, exactly
//! as `Timeline::apply` and `Timeline::run_to` order it, so replaying the
//! plan in a timeline reaches the same states.

use std::collections::BTreeMap;
use std::fmt;

use super::build::{self, action_name, apply_producer_settings, check_name};
use super::check::{describe, evaluate, Counts, Ctx};
use super::cost::CostPlan;
use super::focus::{shape, FocusShape, FocusTarget};
use super::limits::MAX_WORK;
use super::model::{Action, ConfigValue, NodeRef, ScenarioFile, SeekSpec, Step, ViewSpec};
use super::Scenario;
use crate::engine::network::Node;
use crate::engine::{
    BrokerId, ClusterConfig, Command, GroupIdx, MemberId, ProducerId, SeekTarget, Sim, TopicIdx,
};
use crate::text::clip_message;
use crate::text::Describe;
use crate::timeline::Position;

/// Simulated time advanced at once while time passes (events are counted
/// between chunks, so memory stays bounded).
const CHUNK_MS: u64 = 1_000;

/// Engine steps run between two checks of the budget.
const GUARD_STEPS: u64 = 4_096;

/// One expectation (or wait, or refusal) and what was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// What was expected, in words.
    pub expected: String,
    /// What was found, in words.
    pub found: String,
    /// Whether it held.
    pub ok: bool,
}

/// What happened in one step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepReport {
    /// The step's number, from 1.
    pub number: usize,
    /// Simulated time when the step began, ms.
    pub start_ms: u64,
    /// Simulated time when its expectations were checked, ms.
    pub end_ms: u64,
    /// Every wait, refusal and expectation of the step, in order.
    pub outcomes: Vec<Outcome>,
}

impl Outcome {
    /// The outcome with its texts cut as error messages are (input quoted
    /// in them at most [`MAX_QUOTED_CHARS`](crate::text::MAX_QUOTED_CHARS)).
    fn new(o: Outcome) -> Outcome {
        Outcome {
            expected: clip_message(&o.expected),
            found: clip_message(&o.found),
            ok: o.ok,
        }
    }
}

impl StepReport {
    /// Whether everything held.
    #[must_use]
    pub fn passed(&self) -> bool {
        self.outcomes.iter().all(|o| o.ok)
    }
}

/// The result of a run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// The scenario's English title.
    pub title: String,
    /// One entry per step.
    pub steps: Vec<StepReport>,
    /// A problem that stopped the run (the cluster could not be built, or
    /// the engine-step guard was reached).
    pub stopped: Option<String>,
    /// Simulated time at the end, ms.
    pub end_ms: u64,
    /// Units of work the run took: engine steps plus wait checks (see
    /// [`Budget`]).
    pub work: u64,
}

impl Report {
    /// Whether every wait and expectation held and the run finished.
    #[must_use]
    pub fn passed(&self) -> bool {
        self.stopped.is_none() && self.steps.iter().all(StepReport::passed)
    }

    /// How many expectations (waits and refusals included) were checked.
    #[must_use]
    pub fn checked(&self) -> usize {
        self.steps.iter().map(|s| s.outcomes.len()).sum()
    }

    /// How many failed.
    #[must_use]
    pub fn failed(&self) -> usize {
        self.steps
            .iter()
            .flat_map(|s| &s.outcomes)
            .filter(|o| !o.ok)
            .count()
    }

    /// The report in words; `verbose` lists passing checks too.
    #[must_use]
    pub fn render(&self, verbose: bool) -> String {
        let mut out = String::new();
        for s in &self.steps {
            for o in &s.outcomes {
                if o.ok && !verbose {
                    continue;
                }
                out.push_str(&format!(
                    "  step {:>3} @ {:>7} ms  {}  {}\n",
                    s.number,
                    s.end_ms,
                    if o.ok { "ok  " } else { "FAIL" },
                    o.expected
                ));
                if !o.ok || verbose {
                    out.push_str(&format!("{:>30}found: {}\n", "", o.found));
                }
            }
        }
        if let Some(why) = &self.stopped {
            out.push_str(&format!("  stopped: {why}\n"));
        }
        out
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
    }
}

/// Where a lesson player can jump: one per step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepMarker {
    /// The step's number, from 1.
    pub step: usize,
    /// Simulated time when the step begins (before its actions), ms.
    pub at_ms: u64,
    /// Simulated time when its expectations hold (after actions and wait), ms.
    pub end_ms: u64,
    /// The narration in English (Markdown), if any.
    pub narration_en: Option<String>,
    /// The narration in Korean (Markdown), if any.
    pub narration_ko: Option<String>,
    /// The step's expectations, in words.
    pub expectations: Vec<String>,
    /// The step's moment, exactly: after its own actions, advances and
    /// wait, before any action of the next step (which may be given at the
    /// same millisecond). A player shows the step here.
    pub moment: Position,
    /// The picture the step asks for (`None`: the topic view).
    pub view: Option<ViewSpec>,
    /// What the step points at, named as the picture names it.
    pub focus: Vec<FocusTarget>,
}

/// What the runner knew at a step's moment: its engine and the event counts
/// its expectations read, so the same expectations can be checked on the
/// state a player reaches ([`StepTruth::check`]).
#[derive(Clone, Debug)]
pub struct StepTruth {
    /// The engine at the step's moment.
    pub sim: Sim,
    counts: Counts,
    at_step_start: Counts,
    members: BTreeMap<String, Vec<MemberId>>,
}

impl StepTruth {
    /// Checks `step`'s wait condition (it held when the wait ended) and
    /// expectations on `sim`, another engine at the same moment, with the
    /// events the runner counted.
    #[must_use]
    pub fn check(&self, step: &Step, sim: &Sim) -> Vec<Outcome> {
        let ctx = Ctx {
            sim,
            counts: &self.counts,
            at_step_start: &self.at_step_start,
            members: &self.members,
        };
        step.wait
            .iter()
            .map(|w| &w.until)
            .chain(&step.expect)
            .map(|c| {
                let (ok, found) = evaluate(&ctx, c);
                Outcome::new(Outcome {
                    expected: describe(c),
                    found,
                    ok,
                })
            })
            .collect()
    }
}

/// A scenario as a timeline: start from `config` with `Timeline::new`, then
/// for each `(at_ms, command)` in order, `run_to(at_ms)` and `apply(command)`.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// The cluster at time 0.
    pub config: ClusterConfig,
    /// Commands with the simulated time they are given at, in order.
    pub commands: Vec<(u64, Command)>,
    /// One marker per step.
    pub markers: Vec<StepMarker>,
    /// Simulated time at the end of the last step, ms.
    pub end_ms: u64,
}

/// How much work a run may take (see [`MAX_WORK`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Budget {
    /// Units of work: engine steps plus wait checks.
    pub work: u64,
}

impl Default for Budget {
    fn default() -> Self {
        Budget { work: MAX_WORK }
    }
}

/// Where the run is in the cost plan, and the work counted so far.
struct Meter {
    plan: CostPlan,
    budget: Budget,
    /// Wait conditions evaluated so far.
    wait_checks: u64,
    /// The step (0-based) and its segment of time being run.
    step: usize,
    segment: usize,
    /// When that segment began, simulated ms.
    segment_start_ms: u64,
    /// Estimated work of what has run before that segment.
    estimated_done: f64,
}

impl Meter {
    fn segment_rate(&self) -> f64 {
        self.plan
            .steps
            .get(self.step)
            .and_then(|s| s.segments.get(self.segment))
            .map_or(0.0, |s| s.work_per_sec)
    }

    /// A new step begins at `now_ms`: its actions' own work is done at once.
    fn start_step(&mut self, step: usize, now_ms: u64) {
        self.step = step;
        self.segment = 0;
        self.segment_start_ms = now_ms;
        self.estimated_done += self.plan.steps.get(step).map_or(0.0, |s| s.instant_work);
    }

    /// The segment being run ended at `now_ms` (a wait may end early).
    fn end_segment(&mut self, now_ms: u64) {
        let ms = now_ms.saturating_sub(self.segment_start_ms);
        self.estimated_done += self.segment_rate() * ms as f64 / 1000.0;
        self.segment += 1;
        self.segment_start_ms = now_ms;
    }

    /// Refuses to go on when the work is over the budget, or, once a
    /// twentieth of it is spent, when the measured pace (work per unit of
    /// estimate so far) times the estimate of what is left would be.
    fn check(&self, steps: u64, now_ms: u64) -> Result<(), String> {
        let work = steps.saturating_add(self.wait_checks);
        let budget = self.budget.work;
        let done_ms = now_ms.saturating_sub(self.segment_start_ms);
        let estimated = self.estimated_done + self.segment_rate() * done_ms as f64 / 1000.0;
        let pace = if estimated > 0.0 {
            work as f64 / estimated
        } else {
            1.0
        };
        let left = self.plan.remaining(self.step, self.segment, done_ms);
        let whole = work as f64 + pace * left;
        let seconds = now_ms as f64 / 1000.0;
        if work > budget {
            return Err(format!(
                "the run went over its budget of {budget} units of work (engine steps and wait checks) at {seconds:.1} s simulated; at this pace it would take about {whole:.0} in all ({:.2}× the budget); lower the rates, members or simulated time",
                whole / budget as f64
            ));
        }
        if work >= budget / 20 && whole > budget as f64 {
            return Err(format!(
                "stopped at {seconds:.1} s simulated: the run has taken {work} units of work (engine steps and wait checks) and at this pace would take about {whole:.0} in all, over its budget of {budget} ({:.2}×); lower the rates, members or simulated time",
                whole / budget as f64
            ));
        }
        Ok(())
    }
}

struct Runner {
    sim: Sim,
    meter: Meter,
    counts: Counts,
    commands: Vec<(u64, Command)>,
    /// Every event in words, when asked for (`check --events`).
    log: Option<Vec<String>>,
    /// The counts when the current step began.
    at_step_start: Counts,
    /// Per group, its members in the order they were added (a file's
    /// `member = n` is the n-th), kept after they leave.
    members: BTreeMap<String, Vec<MemberId>>,
}

impl Runner {
    fn drain(&mut self) {
        let events = self.sim.take_events();
        self.counts.absorb(&events);
        if let Some(log) = &mut self.log {
            for e in &events {
                log.push(format!("{:>8} ms  {}", e.at_ms, self.sim.describe(e)));
            }
        }
    }

    fn guard(&self) -> Result<(), String> {
        self.meter.check(self.sim.totals().steps, self.sim.now_ms())
    }

    /// Runs all work due at or before `t` (then sets the clock to `t`, as
    /// [`Sim::advance_to`] does), checking the budget every
    /// [`GUARD_STEPS`] engine steps so that no stretch of time, however
    /// busy, runs far past it.
    fn run_until(&mut self, t: u64) -> Result<(), String> {
        let mut steps = 0;
        while self.sim.next_event_at().is_some_and(|at| at <= t) {
            self.sim.step();
            steps += 1;
            if steps % GUARD_STEPS == 0 {
                self.drain();
                self.guard()?;
            }
        }
        self.sim.advance_to(t);
        self.drain();
        self.guard()
    }

    fn advance(&mut self, ms: u64) -> Result<(), String> {
        let end = self.sim.now_ms().saturating_add(ms);
        while self.sim.now_ms() < end {
            let next = self.sim.now_ms().saturating_add(CHUNK_MS).min(end);
            self.run_until(next)?;
        }
        self.meter.end_segment(self.sim.now_ms());
        Ok(())
    }

    fn new(sim: Sim, log: bool, plan: CostPlan, budget: Budget) -> Runner {
        let mut runner = Runner {
            meter: Meter {
                plan,
                budget,
                wait_checks: 0,
                step: 0,
                segment: 0,
                segment_start_ms: 0,
                estimated_done: 0.0,
            },
            sim,
            counts: Counts::default(),
            commands: Vec::new(),
            log: log.then(Vec::new),
            at_step_start: Counts::default(),
            members: BTreeMap::new(),
        };
        for g in 0..runner.sim.groups().len() {
            runner.note_members(g);
        }
        runner.drain();
        runner
    }

    /// Notes the members of group `g` not yet known, in order.
    fn note_members(&mut self, g: usize) {
        let group = &self.sim.groups()[g];
        let known = self
            .members
            .entry(group.config.group_id.clone())
            .or_default();
        for m in &group.members {
            if !known.contains(&m.id) {
                known.push(m.id);
            }
        }
    }

    fn apply(&mut self, command: Command) -> Result<(), crate::engine::Refusal> {
        let now = self.sim.now_ms();
        self.sim.advance_to(now);
        self.sim.apply(command.clone())?;
        match &command {
            Command::AddMember { group, .. } => self.note_members(group.0 as usize),
            Command::AddGroup(_) => self.note_members(self.sim.groups().len() - 1),
            _ => {}
        }
        self.drain();
        self.commands.push((now, command));
        Ok(())
    }

    /// The exact position now: time, engine steps, commands given.
    fn moment(&self) -> Position {
        Position {
            t_ms: self.sim.now_ms(),
            steps: self.sim.totals().steps,
            applied: self.commands.len(),
        }
    }

    /// A step's focus, named as the picture names it (a member by its
    /// member id; one not added yet is left out).
    fn focus(&self, step: &Step) -> Vec<FocusTarget> {
        step.focus
            .iter()
            .filter_map(|f| {
                let shape = shape(f).ok()?;
                Some(match shape {
                    FocusShape::Producer(p) => FocusTarget::Producer(p.to_string()),
                    FocusShape::Broker(b) => FocusTarget::Broker(b),
                    FocusShape::Group(g) => FocusTarget::Group(g.to_string()),
                    FocusShape::Member(g, m) => FocusTarget::Member {
                        group: g.to_string(),
                        member: self.sim.member_name(self.member(g, m).ok()?),
                    },
                    FocusShape::Partition(t, p) => FocusTarget::Partition {
                        topic: t.to_string(),
                        partition: p,
                    },
                    FocusShape::Replica(t, p, b) => FocusTarget::Replica {
                        topic: t.to_string(),
                        partition: p,
                        broker: b,
                    },
                    FocusShape::Record(t, p, o) => FocusTarget::Record {
                        topic: t.to_string(),
                        partition: p,
                        offset: o,
                    },
                    FocusShape::Marker(kind, t, p, g) => FocusTarget::Marker {
                        kind,
                        topic: t.to_string(),
                        partition: p,
                        group: g.map(str::to_string),
                    },
                })
            })
            .collect()
    }

    fn producer(&self, name: &str) -> Result<ProducerId, String> {
        self.sim
            .producer_named(name)
            .ok_or_else(|| format!("no producer {name}"))
    }

    fn topic(&self, name: &str) -> Result<TopicIdx, String> {
        self.sim
            .topic_named(name)
            .ok_or_else(|| format!("no topic {name}"))
    }

    fn group(&self, id: &str) -> Result<GroupIdx, String> {
        self.sim
            .group_named(id)
            .ok_or_else(|| format!("no group {id}"))
    }

    fn member(&self, group: &str, n: u32) -> Result<MemberId, String> {
        self.members
            .get(group)
            .and_then(|ids| ids.get((n as usize).wrapping_sub(1)))
            .copied()
            .ok_or_else(|| format!("{group} has no member {n} yet"))
    }

    fn node(&self, n: &NodeRef) -> Result<Node, String> {
        Ok(match n {
            NodeRef::Broker { broker } => Node::Broker(BrokerId(*broker)),
            NodeRef::Producer { producer } => Node::Producer(self.producer(producer)?),
            NodeRef::Member { group, member } => Node::Member(self.member(group, *member)?),
        })
    }

    /// The engine commands an action gives now.
    fn commands_for(&self, action: &Action) -> Result<Vec<Command>, String> {
        Ok(match action {
            Action::AdvanceMs(_) => Vec::new(),
            Action::Produce {
                producer,
                key,
                value,
                partition,
                times,
            } => {
                let producer = self.producer(producer)?;
                let one = match partition {
                    Some(p) => Command::ProduceToPartition {
                        producer,
                        partition: *p,
                        key: key.clone(),
                        value: value.clone(),
                    },
                    None => Command::Produce {
                        producer,
                        key: key.clone(),
                        value: value.clone(),
                    },
                };
                vec![one; times.unwrap_or(1) as usize]
            }
            Action::Tombstone { producer, key } => vec![Command::ProduceTombstone {
                producer: self.producer(producer)?,
                key: key.clone(),
            }],
            Action::SetRate {
                producer,
                records_per_sec,
            } => vec![Command::SetProducerRate {
                producer: self.producer(producer)?,
                records_per_sec: *records_per_sec,
            }],
            Action::SetProducer(spec) => {
                let id = self.producer(&spec.name)?;
                let mut config = self.sim.producers()[id.0 as usize].config.clone();
                apply_producer_settings(&mut config, spec);
                vec![Command::SetProducerConfig {
                    producer: id,
                    config: Box::new(config),
                }]
            }
            Action::StopBroker(b) => vec![Command::StopBroker(BrokerId(*b))],
            Action::CrashBroker(b) => vec![Command::CrashBroker(BrokerId(*b))],
            Action::StartBroker(b) => vec![Command::StartBroker(BrokerId(*b))],
            Action::SlowBroker {
                broker,
                extra_latency_ms,
            } => vec![Command::SetBrokerSlow {
                broker: BrokerId(*broker),
                extra_latency_ms: *extra_latency_ms,
            }],
            Action::CutLink { a, b } => vec![Command::CutLink {
                a: self.node(a)?,
                b: self.node(b)?,
            }],
            Action::HealLink { a, b } => vec![Command::HealLink {
                a: self.node(a)?,
                b: self.node(b)?,
            }],
            Action::UncleanLeaderElection { topic, enabled } => {
                vec![Command::SetUncleanLeaderElection {
                    topic: self.topic(topic)?,
                    enabled: *enabled,
                }]
            }
            Action::AlterTopicConfig { topic, name, value } => vec![Command::AlterTopicConfig {
                topic: self.topic(topic)?,
                name: name.clone(),
                value: match value {
                    ConfigValue::Text(t) => t.clone(),
                    ConfigValue::Int(n) => n.to_string(),
                    ConfigValue::Float(x) => x.to_string(),
                },
            }],
            Action::RetentionCheckIntervalMs(ms) => {
                vec![Command::SetRetentionCheckInterval { interval_ms: *ms }]
            }
            Action::ElectPreferredLeaders => vec![Command::ElectPreferredLeaders],
            Action::AddPartitions { topic, total } => vec![Command::AddPartitions {
                topic: topic.clone(),
                total: *total,
            }],
            Action::AddMember { group, instance_id } => vec![Command::AddMember {
                group: self.group(group)?,
                instance_id: instance_id.clone(),
            }],
            Action::RemoveMember(m) => vec![Command::RemoveMember {
                member: self.member(&m.group, m.member)?,
            }],
            Action::CrashMember(m) => vec![Command::CrashMember {
                member: self.member(&m.group, m.member)?,
            }],
            Action::PauseMember {
                group,
                member,
                paused,
            } => vec![Command::PauseMember {
                member: self.member(group, *member)?,
                paused: *paused,
            }],
            Action::ProcessingTime {
                group,
                member,
                ms_per_record,
            } => vec![Command::SetProcessingTime {
                member: self.member(group, *member)?,
                ms_per_record: *ms_per_record,
            }],
            Action::SetAssignor { group, assignor } => vec![Command::SetAssignor {
                group: self.group(group)?,
                assignor: build::assignor(*assignor),
            }],
            Action::SetProtocol { group, protocol } => vec![Command::SetRebalanceProtocol {
                group: self.group(group)?,
                protocol: build::protocol(*protocol),
            }],
            Action::SetCommitMode { group, mode } => vec![Command::SetCommitMode {
                group: self.group(group)?,
                mode: build::commit_mode(*mode),
            }],
            Action::AddGroup(g) => vec![Command::AddGroup(build::group_config(g))],
            Action::Seek {
                group,
                partition,
                to,
            } => vec![Command::Seek {
                group: self.group(group)?,
                partition: *partition,
                target: match to {
                    SeekSpec::Beginning => SeekTarget::Beginning,
                    SeekSpec::End => SeekTarget::End,
                    SeekSpec::Offset(o) => SeekTarget::Offset(*o),
                    SeekSpec::Timestamp(t) => SeekTarget::Timestamp(*t),
                },
            }],
        })
    }

    /// Runs one step; returns its outcomes.
    fn step(&mut self, step: &Step) -> Result<Vec<Outcome>, String> {
        let mut outcomes = Vec::new();
        let at_step_start = self.counts.clone();
        self.at_step_start = at_step_start.clone();
        let mut refusal: Option<String> = None;
        for (i, action) in step.actions.iter().enumerate() {
            if let Action::AdvanceMs(ms) = action {
                self.advance(*ms)?;
                continue;
            }
            let commands = match self.commands_for(action) {
                Ok(c) => c,
                Err(why) => {
                    outcomes.push(Outcome::new(Outcome {
                        expected: format!(
                            "action {} ({}) can be given",
                            i + 1,
                            action_name(action)
                        ),
                        found: why,
                        ok: false,
                    }));
                    continue;
                }
            };
            for command in commands {
                if let Err(r) = self.apply(command) {
                    let text = r.to_string();
                    if refusal.is_none() && step.expect_refusal.is_some() {
                        refusal = Some(text);
                    } else {
                        outcomes.push(Outcome::new(Outcome {
                            expected: format!(
                                "action {} ({}) is accepted",
                                i + 1,
                                action_name(action)
                            ),
                            found: format!("refused: {text}"),
                            ok: false,
                        }));
                    }
                    break;
                }
            }
        }
        if let Some(want) = &step.expect_refusal {
            let ok = refusal.as_ref().is_some_and(|r| r.contains(want.as_str()));
            outcomes.push(Outcome::new(Outcome {
                expected: format!("an action is refused with {want}"),
                found: refusal.unwrap_or_else(|| "every action was accepted".to_string()),
                ok,
            }));
        }
        if let Some(wait) = &step.wait {
            let deadline = self.sim.now_ms().saturating_add(wait.timeout_ms);
            let started = self.sim.now_ms();
            loop {
                self.meter.wait_checks += 1;
                let ctx = Ctx {
                    sim: &self.sim,
                    counts: &self.counts,
                    at_step_start: &at_step_start,
                    members: &self.members,
                };
                let (ok, found) = evaluate(&ctx, &wait.until);
                if ok || self.sim.now_ms() >= deadline {
                    outcomes.push(Outcome::new(Outcome {
                        expected: format!(
                            "within {} ms: {}",
                            wait.timeout_ms,
                            describe(&wait.until)
                        ),
                        found: if ok {
                            format!("{found} after {} ms", self.sim.now_ms() - started)
                        } else {
                            format!("{found} after {} ms (timed out)", wait.timeout_ms)
                        },
                        ok,
                    }));
                    break;
                }
                match self.sim.next_event_at() {
                    Some(t) if t <= deadline => self.run_until(t)?,
                    _ => self.run_until(deadline)?,
                }
            }
            self.meter.end_segment(self.sim.now_ms());
        }
        let ctx = Ctx {
            sim: &self.sim,
            counts: &self.counts,
            at_step_start: &at_step_start,
            members: &self.members,
        };
        for c in &step.expect {
            let (ok, found) = evaluate(&ctx, c);
            outcomes.push(Outcome::new(Outcome {
                expected: describe(c),
                found,
                ok,
            }));
        }
        Ok(outcomes)
    }
}

impl Scenario {
    /// Runs every step headless and reports what held. Deterministic: the
    /// same file gives the same report.
    #[must_use]
    pub fn run(&self) -> Report {
        self.execute().0
    }

    /// The scenario as a timeline plan: the config, the timed commands and
    /// one marker per step (obtained by running it, since waits end when
    /// their condition holds).
    #[must_use]
    pub fn plan(&self) -> Plan {
        self.execute().1
    }

    /// Runs once and returns both the report and the plan.
    #[must_use]
    pub fn execute(&self) -> (Report, Plan) {
        let (report, plan, _) = self.execute_logged(false);
        (report, plan)
    }

    /// Runs once; with `events`, also returns every event in words (the
    /// engine's event log), for authors tracking down a failed expectation.
    #[must_use]
    pub fn execute_logged(&self, events: bool) -> (Report, Plan, Vec<String>) {
        self.execute_within(events, Budget::default())
    }

    /// Runs once within `budget` (a smaller one than [`MAX_WORK`] for
    /// tests and tools); the run stops with [`Report::stopped`] saying so
    /// when the work goes, or is on its way to go, over it.
    #[must_use]
    pub fn execute_within(&self, events: bool, budget: Budget) -> (Report, Plan, Vec<String>) {
        let file: &ScenarioFile = &self.file;
        let mut report = Report {
            title: file.title.en.clone(),
            steps: Vec::new(),
            stopped: None,
            end_ms: 0,
            work: 0,
        };
        let mut plan = Plan {
            config: self.config.clone(),
            commands: Vec::new(),
            markers: Vec::new(),
            end_ms: 0,
        };
        let sim = match Sim::new(self.config.clone()) {
            Ok(sim) => sim,
            Err(r) => {
                report.stopped = Some(format!("the cluster could not be built: {r}"));
                return (report, plan, Vec::new());
            }
        };
        let mut runner = Runner::new(sim, events, self.cost.clone(), budget);
        for (i, step) in file.steps.iter().enumerate() {
            let start_ms = runner.sim.now_ms();
            runner.meter.start_step(i, start_ms);
            let outcomes = match runner.step(step) {
                Ok(o) => o,
                Err(why) => {
                    report.stopped = Some(format!("step {}: {why}", i + 1));
                    break;
                }
            };
            let end_ms = runner.sim.now_ms();
            plan.markers.push(StepMarker {
                step: i + 1,
                at_ms: start_ms,
                end_ms,
                narration_en: step.say.as_ref().map(|s| s.en.clone()),
                narration_ko: step.say.as_ref().and_then(|s| s.ko.clone()),
                expectations: step
                    .expect
                    .iter()
                    .map(|c| clip_message(&format!("{}: {}", check_name(c), describe(c))))
                    .collect(),
                moment: runner.moment(),
                view: step.view,
                focus: runner.focus(step),
            });
            report.steps.push(StepReport {
                number: i + 1,
                start_ms,
                end_ms,
                outcomes,
            });
        }
        report.end_ms = runner.sim.now_ms();
        report.work = runner
            .sim
            .totals()
            .steps
            .saturating_add(runner.meter.wait_checks);
        plan.end_ms = report.end_ms;
        plan.commands = runner.commands;
        (report, plan, runner.log.unwrap_or_default())
    }

    /// What the runner knew at each step's moment (for tests and tools:
    /// one engine per step is kept). Stops at a step that cannot run.
    #[must_use]
    pub fn step_truths(&self) -> Vec<StepTruth> {
        let mut truths = Vec::new();
        let Ok(sim) = Sim::new(self.config.clone()) else {
            return truths;
        };
        let mut runner = Runner::new(sim, false, self.cost.clone(), Budget::default());
        for (i, step) in self.file.steps.iter().enumerate() {
            runner.meter.start_step(i, runner.sim.now_ms());
            if runner.step(step).is_err() {
                break;
            }
            truths.push(StepTruth {
                sim: runner.sim.clone(),
                counts: runner.counts.clone(),
                at_step_start: runner.at_step_start.clone(),
                members: runner.members.clone(),
            });
        }
        truths
    }

    /// The engine after running every step (for tests and tools).
    #[must_use]
    pub fn final_state(&self) -> Option<Sim> {
        let sim = Sim::new(self.config.clone()).ok()?;
        let mut runner = Runner::new(sim, false, self.cost.clone(), Budget::default());
        for (i, step) in self.file.steps.iter().enumerate() {
            runner.meter.start_step(i, runner.sim.now_ms());
            runner.step(step).ok()?;
        }
        Some(runner.sim)
    }
}
