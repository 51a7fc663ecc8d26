//! What a scenario costs to run, estimated from the file before anything
//! runs: the work (engine steps and wait checks) and the record copies kept
//! in memory. A file over [`MAX_WORK`] or [`MAX_RECORD_COPIES`] is refused
//! at once with a message naming the limit and how far over it is; the
//! runner then measures the real work against the same budget and
//! extrapolates with the estimate of what is left (see
//! [`super::runner`]), so a file the estimate misjudges is stopped within
//! a few simulated seconds, not after minutes.
//!
//! The estimate follows the engine's own work per simulated second: one
//! step per record created, the followers' fetch loops (one round trip per
//! `replica.fetch.wait.max.ms` when idle), each consumer's heartbeats and
//! fetches, the brokers' retention checks and log cleaners, the
//! controller's ISR checks. Wait timeouts count in full (a wait may last
//! that long).

use std::collections::BTreeMap;

use super::build::{apply_producer_settings, group_config};
use super::error::ScenarioError;
use super::limits::{MAX_RECORD_COPIES, MAX_WORK};
use super::model::{Action, ScenarioFile};
use crate::engine::replication::REPLICA_FETCH_WAIT_MAX_MS;
use crate::engine::retention::LOG_CLEANER_BACKOFF_MS;
use crate::engine::{ClusterConfig, GroupConfig, ProducerConfig};

/// A stretch of simulated time at one load: an `advance_ms` action or a wait.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Segment {
    /// Its planned length (a wait's timeout), simulated ms.
    pub planned_ms: u64,
    /// Estimated work per simulated second during it.
    pub work_per_sec: f64,
}

/// One step's estimate: its segments in the order the runner meets them
/// (each `advance_ms`, then the wait), and the work its actions give at once.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StepCost {
    /// Time passing, in order.
    pub segments: Vec<Segment>,
    /// Work of the actions themselves (records sent by `produce`).
    pub instant_work: f64,
    /// Per segment, the estimated work of the step's later segments.
    after: Vec<f64>,
}

/// The whole file's estimate.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CostPlan {
    /// One entry per step.
    pub steps: Vec<StepCost>,
    /// Estimated work of the whole run.
    pub work: f64,
    /// Estimated record copies kept (records × replication factor, as if
    /// retention deleted nothing).
    pub record_copies: f64,
    /// Per step, the estimated work from its start to the end of the run.
    from_step: Vec<f64>,
}

impl CostPlan {
    /// Estimated work still ahead in step `step` (0-based), segment
    /// `segment`, the first `done_ms` of that segment already run; past
    /// the last segment of a step, everything from the next step on.
    #[must_use]
    pub fn remaining(&self, step: usize, segment: usize, done_ms: u64) -> f64 {
        let Some(s) = self.steps.get(step) else {
            return 0.0;
        };
        let later = self.from_step(step + 1);
        match s.segments.get(segment) {
            Some(seg) => {
                seg.work_per_sec * seg.planned_ms.saturating_sub(done_ms) as f64 / 1000.0
                    + s.after.get(segment).copied().unwrap_or(0.0)
                    + later
            }
            None => later,
        }
    }

    /// Estimated work of steps `step..` (their actions and time).
    #[must_use]
    pub fn from_step(&self, step: usize) -> f64 {
        self.from_step.get(step).copied().unwrap_or(0.0)
    }

    /// Fills the running sums [`CostPlan::remaining`] reads.
    fn sum_up(&mut self) {
        self.from_step = vec![0.0; self.steps.len() + 1];
        for i in (0..self.steps.len()).rev() {
            let s = &mut self.steps[i];
            let mut after = 0.0;
            s.after = vec![0.0; s.segments.len()];
            for j in (0..s.segments.len()).rev() {
                s.after[j] = after;
                after += s.segments[j].work_per_sec * s.segments[j].planned_ms as f64 / 1000.0;
            }
            self.from_step[i] = self.from_step[i + 1] + s.instant_work + after;
        }
    }
}

/// The load of the cluster at one moment, as the estimate follows it.
struct Load {
    latency_ms: u64,
    brokers: u32,
    replica_lag_time_max_ms: u64,
    retention_check_ms: u64,
    /// Partitions and replication factor per topic.
    topics: BTreeMap<String, (u32, u32)>,
    /// Each producer's config.
    producers: Vec<ProducerConfig>,
    /// Each group's config, members counted as added (never fewer).
    groups: Vec<GroupConfig>,
}

impl Load {
    fn of(config: &ClusterConfig) -> Load {
        // Filled by `insert`, not `collect` (which sorts: a larger web app).
        let mut topics = BTreeMap::new();
        for t in &config.topics {
            topics.insert(t.name.clone(), (t.partitions, t.replication_factor));
        }
        Load {
            latency_ms: config.network_latency_ms.max(1),
            brokers: config.brokers,
            replica_lag_time_max_ms: config.replica_lag_time_max_ms.max(1),
            retention_check_ms: config.log_retention_check_interval_ms.max(1),
            topics,
            producers: config.producers.clone(),
            groups: config.groups.clone(),
        }
    }

    fn replication_factor(&self, topic: &str) -> u32 {
        self.topics.get(topic).map_or(1, |t| t.1)
    }

    /// Record copies per simulated second.
    fn copies_per_sec(&self) -> f64 {
        self.producers
            .iter()
            .map(|p| f64::from(p.records_per_sec) * f64::from(self.replication_factor(&p.topic)))
            .sum()
    }

    /// Work (engine steps) per simulated second.
    fn work_per_sec(&self) -> f64 {
        let round_trip = 2.0 * self.latency_ms as f64;
        let records: f64 = self
            .producers
            .iter()
            .map(|p| f64::from(p.records_per_sec))
            .sum();
        let followers: f64 = self
            .topics
            .values()
            .map(|(partitions, rf)| f64::from(*partitions) * f64::from(rf.saturating_sub(1)))
            .sum();
        let fetch_loops = followers * 3000.0 / (REPLICA_FETCH_WAIT_MAX_MS as f64 + round_trip);
        let members: f64 = self
            .groups
            .iter()
            .map(|g| {
                f64::from(g.members)
                    * (3000.0 / g.heartbeat_interval_ms.max(1) as f64
                        + 3000.0 / (g.fetch_max_wait_ms as f64 + round_trip))
            })
            .sum();
        let brokers = f64::from(self.brokers)
            * (1000.0 / self.retention_check_ms as f64 + 1000.0 / LOG_CLEANER_BACKOFF_MS as f64);
        let isr_checks = 2000.0 / self.replica_lag_time_max_ms as f64;
        records + fetch_loops + members + brokers + isr_checks
    }

    /// Follows one action's effect on the load.
    fn apply(&mut self, action: &Action) {
        match action {
            Action::SetRate {
                producer,
                records_per_sec,
            } => {
                if let Some(p) = self.producers.iter_mut().find(|p| &p.name == producer) {
                    p.records_per_sec = *records_per_sec;
                }
            }
            Action::SetProducer(spec) => {
                if let Some(p) = self.producers.iter_mut().find(|p| p.name == spec.name) {
                    apply_producer_settings(p, spec);
                }
            }
            Action::AddPartitions { topic, total } => {
                if let Some(t) = self.topics.get_mut(topic) {
                    t.0 = t.0.max(*total);
                }
            }
            Action::AddMember { group, .. } => {
                if let Some(g) = self.groups.iter_mut().find(|g| &g.group_id == group) {
                    g.members += 1;
                }
            }
            Action::AddGroup(spec) => self.groups.push(group_config(spec)),
            Action::RetentionCheckIntervalMs(ms) => self.retention_check_ms = (*ms).max(1),
            _ => {}
        }
    }
}

/// Estimates the run of `file` (whose cluster is `config`) and refuses it
/// when the estimate is over [`MAX_WORK`] or [`MAX_RECORD_COPIES`], naming
/// the step where it goes over.
pub fn estimate(file: &ScenarioFile, config: &ClusterConfig) -> Result<CostPlan, ScenarioError> {
    let mut load = Load::of(config);
    let mut plan = CostPlan::default();
    for (i, step) in file.steps.iter().enumerate() {
        let mut cost = StepCost::default();
        let mut copies = 0.0;
        for action in &step.actions {
            match action {
                Action::AdvanceMs(ms) => {
                    let seconds = *ms as f64 / 1000.0;
                    cost.segments.push(Segment {
                        planned_ms: *ms,
                        work_per_sec: load.work_per_sec(),
                    });
                    copies += load.copies_per_sec() * seconds;
                }
                Action::Produce {
                    producer, times, ..
                } => {
                    let n = f64::from(times.unwrap_or(1));
                    let rf = load
                        .producers
                        .iter()
                        .find(|p| &p.name == producer)
                        .map_or(1, |p| load.replication_factor(&p.topic));
                    cost.instant_work += n;
                    copies += n * f64::from(rf);
                }
                other => load.apply(other),
            }
        }
        if let Some(wait) = &step.wait {
            cost.segments.push(Segment {
                planned_ms: wait.timeout_ms,
                work_per_sec: load.work_per_sec(),
            });
            copies += load.copies_per_sec() * wait.timeout_ms as f64 / 1000.0;
        }
        plan.work += cost.instant_work
            + cost
                .segments
                .iter()
                .map(|s| s.work_per_sec * s.planned_ms as f64 / 1000.0)
                .sum::<f64>();
        plan.record_copies += copies;
        plan.steps.push(cost);
        let field = format!("step {}", i + 1);
        if plan.work > MAX_WORK as f64 {
            return Err(ScenarioError::limit(
                field,
                format!(
                    "by this step the run would take about {:.0} units of work (engine steps and wait checks, estimated from the rates, members and timeouts; wait timeouts count in full); a run may take at most {MAX_WORK} ({:.2}× over)",
                    plan.work,
                    plan.work / MAX_WORK as f64
                ),
            ));
        }
        if plan.record_copies > MAX_RECORD_COPIES as f64 {
            return Err(ScenarioError::limit(
                field,
                format!(
                    "by this step the cluster would hold about {:.0} record copies (records/s × replication factor × simulated time, plus records sent by steps, as if retention deleted nothing); a run may keep at most {MAX_RECORD_COPIES} ({:.2}× over)",
                    plan.record_copies,
                    plan.record_copies / MAX_RECORD_COPIES as f64
                ),
            ));
        }
    }
    plan.sum_up();
    Ok(plan)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remaining_work_counts_what_is_left() {
        let seg = |ms, w| Segment {
            planned_ms: ms,
            work_per_sec: w,
        };
        let mut plan = CostPlan {
            steps: vec![
                StepCost {
                    segments: vec![seg(1_000, 10.0), seg(2_000, 100.0)],
                    instant_work: 5.0,
                    after: Vec::new(),
                },
                StepCost {
                    segments: vec![],
                    instant_work: 7.0,
                    after: Vec::new(),
                },
                StepCost {
                    segments: vec![seg(500, 1000.0)],
                    instant_work: 0.0,
                    after: Vec::new(),
                },
            ],
            ..CostPlan::default()
        };
        plan.sum_up();
        assert_eq!(plan.from_step(0), 5.0 + 10.0 + 200.0 + 7.0 + 500.0);
        assert_eq!(plan.remaining(0, 0, 500), 5.0 + 200.0 + 7.0 + 500.0);
        assert_eq!(plan.remaining(0, 1, 0), 200.0 + 7.0 + 500.0);
        assert_eq!(plan.remaining(0, 2, 0), 7.0 + 500.0);
        assert_eq!(plan.remaining(2, 0, 250), 250.0);
        assert_eq!(plan.remaining(3, 0, 0), 0.0);
    }
}
