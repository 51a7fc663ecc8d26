//! The caption beside the picture: which event it tells, and how the most
//! telling of the recent events is picked while time runs.

use crate::engine::{Event, EventKind};

/// The event the caption tells.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Caption {
    /// The event's id (`None`: nothing happened yet).
    pub event: Option<u64>,
    /// Real time since the caption last changed while playing, ms.
    pub wait_ms: f64,
}

/// How much an event tells a reader (higher: more).
#[must_use]
pub fn weight(kind: &EventKind) -> u8 {
    match kind {
        EventKind::BrokerStopped { .. }
        | EventKind::BrokerStarted { .. }
        | EventKind::BrokerFenced { .. }
        | EventKind::LeaderElected { .. }
        | EventKind::IsrChanged { .. }
        | EventKind::RecordsLost { .. }
        | EventKind::FollowerTruncated { .. }
        | EventKind::ProduceFailed { .. }
        | EventKind::PartitionsAdded { .. }
        | EventKind::PartitionsAssigned { .. }
        | EventKind::ConsumerOffsetReset { .. }
        | EventKind::SegmentsDeleted { .. }
        | EventKind::LogCompacted { .. }
        | EventKind::DuplicateAppended { .. }
        | EventKind::DuplicateIgnored { .. }
        | EventKind::BatchExpired { .. }
        | EventKind::OutOfOrderSequence { .. }
        | EventKind::LinkChanged { .. }
        | EventKind::BrokerSlowed { .. } => 5,
        EventKind::Group(_)
        | EventKind::ProduceRetried { .. }
        | EventKind::LogStartOffsetMoved { .. }
        | EventKind::RecordsDiscarded { .. }
        | EventKind::MessageDropped { .. } => 4,
        EventKind::HighWatermarkAdvanced { .. }
        | EventKind::ProduceAcked { .. }
        | EventKind::RecordConsumed { .. }
        | EventKind::OffsetCommitted { .. } => 3,
        EventKind::RecordCreated { .. }
        | EventKind::BatchAppended { .. }
        | EventKind::ReplicaCopied { .. } => 2,
        _ => 1,
    }
}

/// The most telling of `events` (newest first): the highest weight, the
/// newest of equals.
pub fn most_telling<'a>(events: impl Iterator<Item = &'a Event>) -> Option<u64> {
    let mut best: Option<(u8, u64)> = None;
    for e in events {
        let w = weight(&e.kind);
        if best.is_none_or(|(bw, _)| w > bw) {
            best = Some((w, e.id.0));
        }
    }
    best.map(|(_, id)| id)
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use yew::Reducible;

    use crate::engine::scenarios::default_scenario;
    use crate::player::Player;
    use crate::text::Lang;
    use crate::ui::state::action::Action;
    use crate::ui::state::app_state::AppState;
    use crate::ui::state::embed::EmbedOptions;

    #[test]
    fn the_caption_follows_play_at_most_once_a_second_and_tells_a_step_at_once() {
        let player = Player::new(default_scenario()).unwrap();
        let mut s = Rc::new(AppState::new(
            player,
            EmbedOptions::from_query(""),
            Lang::En,
            false,
        ));
        s = s.reduce(Action::TogglePlay);
        let mut changes = 0;
        let mut last = s.caption.event;
        for _ in 0..60 {
            s = s.reduce(Action::Frame {
                dt_ms: 50.0,
                work_steps: 1_000,
            });
            if s.caption.event != last {
                changes += 1;
                last = s.caption.event;
            }
        }
        // 3 s of play: the first caption at once, then about one a second.
        assert!((2..=4).contains(&changes), "{changes}");
        s = s.reduce(Action::TogglePlay);
        s = s.reduce(Action::Step);
        let newest = s.player.borrow().log().next_back().map(|e| e.id.0);
        assert_eq!(s.caption.event, newest);
    }
}
