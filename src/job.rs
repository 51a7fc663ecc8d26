//! [`Job`]: long work on a [`Timeline`] — opening a share link, loading a
//! lesson, a far seek — done in slices (the app runs one between animation
//! frames), with progress, cancel, and a budget.
//!
//! Every job is bounded in simulated work: at most [`MAX_WORK_STEPS`] engine
//! timer steps (`Sim::totals().steps`) and a scene of at most
//! [`MAX_SIM_BYTES`] (estimated by [`clone_cost_bytes`]). It is refused as
//! soon as an estimate says it would pass the budget: the steps per
//! simulated millisecond measured so far (or known before it starts),
//! times the simulated time still to cover; a share link also says how many
//! steps its moment is. Refusals ([`JobRefusal`]) say which limit and by how
//! much, as data; `crate::text` words them. Pure: no browser, no clock; the
//! caller chooses how many steps a slice runs.

use crate::engine::{ClusterConfig, Command, Event, Refusal};
use crate::timeline::{clone_cost_bytes, Goal, Mark, Refused, Timeline};

/// Most engine timer steps one job (a link, a lesson, a seek) may run. A
/// day of the default scene takes about 3.9 million; the stress scene runs
/// about 10,000 a simulated second.
pub const MAX_WORK_STEPS: u64 = 8_000_000;
/// Largest scene a job may build, estimated bytes ([`clone_cost_bytes`]).
pub const MAX_SIM_BYTES: u64 = 512 * 1024 * 1024;
/// A measured rate is trusted after this much simulated time…
const MIN_SAMPLE_MS: u64 = 1_000;
/// …or this many steps.
const MIN_SAMPLE_STEPS: u64 = 20_000;
/// Estimates are rough: a job is refused early only when its estimate
/// passes the budget by this factor (past the budget itself it always stops).
const ESTIMATE_MARGIN: f64 = 1.25;

/// What a job is for (it words the progress and the refusals).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// Opening a share link.
    Link,
    /// Loading a lesson.
    Lesson,
    /// Going to another moment.
    Seek,
}

/// Where a job stands after a slice.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    /// Not finished: the fraction done, 0 to 1.
    Working(f64),
    /// Finished: the timeline is where it was asked to go.
    Done,
    /// Stopped: what it would cost, against which limit.
    Refused(JobRefusal),
}

/// Why a job stopped, and what it was for.
#[derive(Clone, Debug, PartialEq)]
pub struct JobRefusal {
    /// What the job was for.
    pub purpose: Purpose,
    /// Why it stopped.
    pub why: WorkRefusal,
}

/// Why a job stopped.
#[derive(Clone, Debug, PartialEq)]
pub enum WorkRefusal {
    /// The cluster it starts from was refused.
    Cluster(Refusal),
    /// One of its commands was refused (a link's: the link is broken).
    Command {
        /// The command's number, from 1.
        number: usize,
        /// Why.
        refused: Refused,
    },
    /// The scene would hold more records than a page keeps.
    TooLarge {
        /// Its size, MB.
        mb: u64,
        /// At this simulated time, ms.
        at_ms: u64,
        /// The most a page keeps, MB.
        max_mb: u64,
    },
    /// It ran out of its step budget.
    OverBudget {
        /// The budget, engine steps.
        max_steps: u64,
        /// Stopped at this simulated time, ms.
        at_ms: u64,
        /// Of this far, ms.
        end_ms: u64,
    },
    /// An estimate says it would pass the budget by far.
    Estimate {
        /// Engine steps estimated.
        steps: u64,
        /// To reach this simulated time, ms.
        end_ms: u64,
        /// Steps per simulated second so far.
        per_second: u64,
        /// The budget, engine steps.
        max_steps: u64,
    },
}

/// Long work on a timeline, resumable. See the module doc.
#[derive(Debug)]
pub struct Job {
    purpose: Purpose,
    /// A history being built (link, lesson); it replaces the caller's when
    /// done, and a cancel leaves the caller's untouched.
    own: Option<Timeline>,
    /// Whether it builds a new history.
    builds: bool,
    /// Commands to give while building, in time order.
    pending: Vec<(u64, Command)>,
    next: usize,
    /// A refused command fails the job (links) or is skipped (lessons).
    strict: bool,
    /// The build runs to here (so the recorded future exists), then goes to
    /// the goal.
    end_ms: u64,
    goal: Goal,
    /// Building is over; going to the goal.
    seeking: bool,
    /// The state before a seek, for a cancel.
    mark: Option<Mark>,
    /// Timer steps run so far.
    spent: u64,
    /// Simulated time run forward so far, ms.
    covered_ms: u64,
    /// Steps per simulated ms known before the job ran (a seek's history).
    prior_rate: Option<f64>,
    /// Where the progress is counted from, ms.
    origin_ms: u64,
    kept: Vec<Event>,
    keep: usize,
}

impl Job {
    /// A job that builds a new history from `config`: gives `commands` at
    /// their times (in order; `strict`: a refusal fails the job, else the
    /// command is skipped), runs to `end_ms`, then goes to `goal`. Keeps the
    /// last `keep` events for the event log.
    pub fn build(
        purpose: Purpose,
        config: ClusterConfig,
        commands: Vec<(u64, Command)>,
        end_ms: u64,
        goal: Goal,
        strict: bool,
        keep: usize,
    ) -> Result<Self, JobRefusal> {
        let mut timeline = Timeline::new(config).map_err(|r| JobRefusal {
            purpose,
            why: WorkRefusal::Cluster(r),
        })?;
        let end_ms = commands
            .iter()
            .map(|(at, _)| *at)
            .chain([end_ms, goal.t_ms()])
            .max()
            .unwrap_or(0);
        timeline.set_heading(end_ms);
        Ok(Self {
            purpose,
            own: Some(timeline),
            builds: true,
            pending: commands,
            next: 0,
            strict,
            end_ms,
            goal,
            seeking: false,
            mark: None,
            spent: 0,
            covered_ms: 0,
            prior_rate: None,
            origin_ms: 0,
            kept: Vec::new(),
            keep,
        })
    }

    /// A job that moves `timeline` to `goal` (past or future), keeping the
    /// state before for a cancel.
    pub fn seek(timeline: &mut Timeline, goal: Goal, keep: usize) -> Self {
        let _ = timeline.take_events();
        // What this history cost so far predicts what more of it costs.
        let sim = timeline.sim();
        let prior_rate = (sim.now_ms() >= MIN_SAMPLE_MS)
            .then(|| sim.totals().steps as f64 / sim.now_ms() as f64);
        let mark = timeline.start_toward(goal, true);
        timeline.set_heading(goal.t_ms());
        Self {
            purpose: Purpose::Seek,
            own: None,
            builds: false,
            pending: Vec::new(),
            next: 0,
            strict: true,
            end_ms: goal.t_ms(),
            goal,
            seeking: true,
            mark,
            spent: 0,
            covered_ms: 0,
            prior_rate,
            origin_ms: timeline.now_ms(),
            kept: Vec::new(),
            keep,
        }
    }

    /// Points a running seek at another goal (the state to return to on a
    /// cancel stays the one before the first).
    pub fn retarget(&mut self, timeline: &mut Timeline, goal: Goal) {
        let _ = timeline.start_toward(goal, false);
        timeline.set_heading(goal.t_ms());
        self.goal = goal;
        self.end_ms = goal.t_ms();
        self.origin_ms = timeline.now_ms();
    }

    /// What the job is for.
    #[must_use]
    pub fn purpose(&self) -> Purpose {
        self.purpose
    }

    /// Where it goes.
    #[must_use]
    pub fn goal(&self) -> Goal {
        self.goal
    }

    /// Timer steps run so far.
    #[must_use]
    pub fn spent(&self) -> u64 {
        self.spent
    }

    /// The events kept (the last `keep` of the work), taken.
    pub fn take_kept(&mut self) -> Vec<Event> {
        std::mem::take(&mut self.kept)
    }

    /// Stops the job. A seek goes back to the state before it; a build
    /// leaves `current` as it was.
    pub fn cancel(mut self, current: &mut Timeline) {
        current.set_heading(0);
        if let Some(mark) = self.mark.take() {
            current.return_to(mark);
        }
    }

    /// Runs at most `max_steps` timer steps of the job on `current` (or on
    /// the history it builds, which replaces `current` when done).
    pub fn run(&mut self, current: &mut Timeline, max_steps: u64) -> Status {
        let mut own = self.own.take();
        let status = match own.as_mut() {
            Some(built) => self.run_on(built, max_steps),
            None => self.run_on(current, max_steps),
        };
        match (status, own) {
            (Status::Done, Some(built)) => {
                *current = built;
                Status::Done
            }
            (status, own) => {
                self.own = own;
                status
            }
        }
    }

    fn run_on(&mut self, timeline: &mut Timeline, max_steps: u64) -> Status {
        let mut left = max_steps;
        loop {
            let target = if self.seeking {
                self.goal
            } else {
                Goal::Time(
                    self.pending
                        .get(self.next)
                        .map_or(self.end_ms, |(at, _)| *at),
                )
            };
            let before_ms = timeline.now_ms();
            let run = timeline.run_toward(target, left);
            self.spent += run.steps;
            self.covered_ms += timeline.now_ms().saturating_sub(before_ms);
            left = left.saturating_sub(run.steps);
            keep_last(&mut self.kept, timeline.take_events(), self.keep);
            if let Some(why) = self.verdict(timeline) {
                timeline.set_heading(0);
                return Status::Refused(self.refused(why));
            }
            if !run.reached {
                return Status::Working(self.fraction(timeline));
            }
            if self.seeking {
                timeline.set_heading(0);
                return Status::Done;
            }
            if let Some((_, command)) = self.pending.get(self.next) {
                let result = if self.strict {
                    timeline.apply_unverified(command.clone())
                } else {
                    timeline.apply(command.clone()).map(|_| ())
                };
                if let Err(refused) = result {
                    if self.strict {
                        return Status::Refused(self.refused(WorkRefusal::Command {
                            number: self.next + 1,
                            refused,
                        }));
                    }
                }
                self.next += 1;
                keep_last(&mut self.kept, timeline.take_events(), self.keep);
                continue;
            }
            // Built to the end: now to the goal (usually back a little).
            self.seeking = true;
            let _ = timeline.start_toward(self.goal, false);
            let _ = timeline.take_events();
            self.kept.clear();
            self.origin_ms = timeline.now_ms();
        }
    }

    /// Runs the job to its end (or its refusal) in slices: for tests and
    /// the native side, where nothing waits for a frame.
    pub fn finish(mut self, current: &mut Timeline) -> Result<Vec<Event>, JobRefusal> {
        loop {
            match self.run(current, 250_000) {
                Status::Working(_) => {}
                Status::Done => return Ok(self.take_kept()),
                Status::Refused(why) => {
                    self.cancel(current);
                    return Err(why);
                }
            }
        }
    }

    /// The fraction done, by simulated time (0 to 1, never 1 before done).
    fn fraction(&self, timeline: &Timeline) -> f64 {
        let part = |from: u64, to: u64| {
            if to <= from {
                1.0
            } else {
                timeline.now_ms().saturating_sub(from) as f64 / (to - from) as f64
            }
        };
        let f = match (self.builds, self.seeking) {
            (true, false) => 0.95 * part(0, self.end_ms),
            (true, true) => 0.95 + 0.05 * part(self.origin_ms, self.goal.t_ms()),
            (false, _) => part(self.origin_ms, self.goal.t_ms()),
        };
        f.clamp(0.0, 0.999)
    }

    fn refused(&self, why: WorkRefusal) -> JobRefusal {
        JobRefusal {
            purpose: self.purpose,
            why,
        }
    }

    /// Why the job must stop now, if it must: past the step budget, an
    /// estimate far past it, or a scene too large.
    fn verdict(&self, timeline: &Timeline) -> Option<WorkRefusal> {
        let bytes = clone_cost_bytes(timeline.sim());
        if bytes > MAX_SIM_BYTES {
            return Some(WorkRefusal::TooLarge {
                mb: bytes.div_ceil(1 << 20),
                at_ms: timeline.now_ms(),
                max_mb: MAX_SIM_BYTES >> 20,
            });
        }
        if self.spent > MAX_WORK_STEPS {
            return Some(WorkRefusal::OverBudget {
                max_steps: MAX_WORK_STEPS,
                at_ms: timeline.now_ms(),
                end_ms: self.end_ms.max(self.goal.t_ms()),
            });
        }
        let now = timeline.now_ms();
        let remaining_ms = if self.seeking {
            self.goal.t_ms().saturating_sub(now)
        } else {
            self.end_ms.saturating_sub(now)
        };
        let measured = (self.covered_ms > 0
            && (self.covered_ms >= MIN_SAMPLE_MS || self.spent >= MIN_SAMPLE_STEPS))
            .then(|| self.spent as f64 / self.covered_ms as f64);
        let rate = measured.or(self.prior_rate)?;
        let mut estimate = self.spent as f64 + rate * remaining_ms as f64;
        if let (true, Goal::Exact(p)) = (self.seeking, self.goal) {
            // The position says how many steps it is.
            let to_go = p.steps.saturating_sub(timeline.sim().totals().steps);
            estimate = estimate.min(self.spent as f64 + to_go as f64);
        }
        if estimate <= MAX_WORK_STEPS as f64 * ESTIMATE_MARGIN {
            return None;
        }
        Some(WorkRefusal::Estimate {
            steps: estimate as u64,
            end_ms: self.end_ms.max(self.goal.t_ms()),
            per_second: (rate * 1000.0) as u64,
            max_steps: MAX_WORK_STEPS,
        })
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
