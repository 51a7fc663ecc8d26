//! [`Player`]: plays a [`Timeline`] in real time — play, pause, speed, step
//! forward and back, seek — and keeps the recent event log. Pure: the UI
//! feeds it frame times.

use std::collections::VecDeque;

use crate::engine::{ClusterConfig, Command, Event, Refusal, Sim};
use crate::timeline::Timeline;

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

/// An engine played in real time.
#[derive(Clone, Debug)]
pub struct Player {
    timeline: Timeline,
    playing: bool,
    speed: f64,
    carry_ms: f64,
    /// The most recent events (the log); put in words only when shown.
    log: VecDeque<Event>,
}

impl Player {
    /// A paused player at time 0.
    pub fn new(config: ClusterConfig) -> Result<Self, Refusal> {
        let mut player = Self {
            timeline: Timeline::new(config)?,
            playing: false,
            speed: 1.0,
            carry_ms: 0.0,
            log: VecDeque::new(),
        };
        player.collect_events();
        Ok(player)
    }

    /// A paused player on an existing history (a share link's).
    #[must_use]
    pub fn from_timeline(timeline: Timeline) -> Self {
        Self {
            timeline,
            playing: false,
            speed: 1.0,
            carry_ms: 0.0,
            log: VecDeque::new(),
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

    /// Starts or stops time.
    pub fn set_playing(&mut self, playing: bool) {
        self.playing = playing;
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

    /// Advances by one animation frame of `frame_ms` real ms (if playing).
    pub fn tick(&mut self, frame_ms: f64) {
        if !self.playing || !frame_ms.is_finite() || frame_ms <= 0.0 {
            return;
        }
        let sim_ms = frame_ms.min(MAX_FRAME_MS) * self.speed + self.carry_ms;
        let whole = sim_ms.floor();
        self.carry_ms = sim_ms - whole;
        let target = self.timeline.now_ms() + whole as u64;
        self.timeline.run_to(target);
        self.collect_events();
    }

    /// Runs to the next event (at most 60 s ahead) and pauses.
    pub fn step_event(&mut self) {
        self.playing = false;
        self.carry_ms = 0.0;
        let events = self.timeline.step_forward(60_000);
        self.push_events(events);
    }

    /// Undoes the latest step (back to just after the previous events) and pauses.
    pub fn step_back(&mut self) {
        self.playing = false;
        self.carry_ms = 0.0;
        let _ = self.timeline.take_events();
        let kept = self.timeline.step_back(LOG_LINES);
        self.log.clear();
        self.push_events(kept);
    }

    /// Goes to simulated time `t_ms` (restoring a checkpoint and replaying,
    /// or simulating forward past the end of the history, at most
    /// [`MAX_SEEK_MS`]); `u64::MAX` means the end of the history.
    pub fn seek(&mut self, t_ms: u64) {
        let t_ms = if t_ms == u64::MAX {
            self.timeline.horizon_ms()
        } else {
            t_ms.min(MAX_SEEK_MS)
        };
        self.carry_ms = 0.0;
        let _ = self.timeline.take_events();
        let kept = self.timeline.seek(t_ms, LOG_LINES);
        self.log.clear();
        self.push_events(kept);
    }

    /// Applies a command now. In the past this forks the history (the
    /// recorded future is discarded): `Ok(true)` says so.
    pub fn apply(&mut self, command: Command) -> Result<bool, Refusal> {
        let result = self.timeline.apply(command);
        self.collect_events();
        result
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
}
