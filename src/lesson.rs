//! A lesson in the player: where each step is shown (its exact moment, see
//! [`StepMarker::moment`]), the work that opens a lesson at a step, and the
//! pace a step plays at when the reader presses Next. Pure: the page and
//! the native step-truth test use the same functions.

use crate::job::{Job, JobRefusal, Purpose};
use crate::player::{Outcome, Player, LOG_LINES};
use crate::scenario::{Plan, StepMarker};
use crate::timeline::{Goal, Position};

/// Real time a step's motion takes at least, ms (a short step plays slowed
/// down, down to [`MIN_MOTION_SPEED`]).
pub const MIN_MOTION_REAL_MS: f64 = 1_500.0;
/// Real time a step's motion takes at most, ms: a longer step is
/// time-lapsed (the clock runs fast, and the page says so).
pub const MAX_MOTION_REAL_MS: f64 = 4_000.0;
/// Slowest a step plays (simulated ms per real ms).
pub const MIN_MOTION_SPEED: f64 = 0.1;
/// Fastest a step plays (an hour, the longest a scenario covers, in 4 s).
pub const MAX_MOTION_SPEED: f64 = 1_000.0;
/// Above this speed the motion counts as a fast-forward (said on screen).
pub const FAST_FORWARD_SPEED: f64 = 2.0;

/// How a step's motion plays.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pace {
    /// Simulated ms per real ms.
    pub speed: f64,
    /// Simulated time the step covers, ms, when it is time-lapsed (the page
    /// says "fast-forward 30 s"); `None` at about real speed or slower.
    pub fast_forward_ms: Option<u64>,
}

/// The pace of a motion over `span_ms` of simulated time: it takes between
/// [`MIN_MOTION_REAL_MS`] and [`MAX_MOTION_REAL_MS`] of real time when the
/// speed limits allow.
#[must_use]
pub fn pace(span_ms: u64) -> Pace {
    let span = span_ms as f64;
    let real = span.clamp(MIN_MOTION_REAL_MS, MAX_MOTION_REAL_MS);
    let speed = (span / real).clamp(MIN_MOTION_SPEED, MAX_MOTION_SPEED);
    Pace {
        speed,
        fast_forward_ms: (speed > FAST_FORWARD_SPEED).then_some(span_ms),
    }
}

/// Where step `step` (index from 0) starts: the previous step's moment, or
/// the very start for the first.
#[must_use]
pub fn step_start(markers: &[StepMarker], step: usize) -> Position {
    step.checked_sub(1).and_then(|i| markers.get(i)).map_or(
        Position {
            t_ms: 0,
            steps: 0,
            applied: 0,
        },
        |m| m.moment,
    )
}

/// The work that opens a lesson's plan at step `step` (index from 0,
/// clamped): it builds the whole history (so Next and Back can move in it)
/// and then goes to the step's moment exactly, without playing the steps
/// before it.
pub fn open_job(plan: &Plan, step: usize) -> Result<Job, JobRefusal> {
    let goal = plan
        .markers
        .get(step.min(plan.markers.len().saturating_sub(1)))
        .map_or(Goal::Time(plan.end_ms), |m| Goal::Exact(m.moment));
    Job::build(
        Purpose::Lesson,
        plan.config.clone(),
        plan.commands.clone(),
        plan.end_ms,
        goal,
        false,
        LOG_LINES,
    )
}

/// What Next did.
#[derive(Clone, Debug, PartialEq)]
pub enum NextMove {
    /// The step plays toward its moment at this pace.
    Plays(Pace),
    /// The player was elsewhere: it goes to the step's moment at once (how
    /// the seek ended, if it did at once).
    Seeks(Option<Outcome>),
}

/// What Next does from where the player is: plays step `step`'s motion when
/// the player stands at its start, else goes straight to its moment.
pub fn next(player: &mut Player, markers: &[StepMarker], step: usize) -> NextMove {
    let Some(goal) = markers.get(step).map(|m| m.moment) else {
        return NextMove::Seeks(None);
    };
    let start = step_start(markers, step);
    if player.timeline().position() == start {
        let pace = pace(goal.t_ms.saturating_sub(start.t_ms));
        if player.play_to(goal, pace.speed) {
            return NextMove::Plays(pace);
        }
    }
    NextMove::Seeks(player.seek_exact(goal))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_steps_slow_down_and_long_ones_fast_forward() {
        let p = pace(30);
        assert!((p.speed - MIN_MOTION_SPEED).abs() < 1e-9);
        assert_eq!(p.fast_forward_ms, None);
        let p = pace(3_000);
        assert!((p.speed - 1.0).abs() < 1e-9, "3 s plays in real time");
        let p = pace(30_000);
        assert!((p.speed - 7.5).abs() < 1e-9, "30 s in 4 s");
        assert_eq!(p.fast_forward_ms, Some(30_000));
        let p = pace(3_600_000);
        assert!((p.speed - 900.0).abs() < 1e-9, "an hour in 4 s");
        assert!(pace(u64::MAX).speed <= MAX_MOTION_SPEED);
        assert!(pace(0).speed >= MIN_MOTION_SPEED);
    }
}
