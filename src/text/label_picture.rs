//! Words of the picture (the topic view, its caption, its legend, the view
//! switch and the page's tabs and menus), one exhaustive `match` per
//! language: [`PictureLabel`] holds fixed texts, [`PictureLine`] sentences
//! with values.

use crate::engine::{BurrowStatus, GroupState};

use super::lang::{Lang, Say};
use super::line_app::format_time;
use super::words;

/// Fixed texts of the picture and the page around it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PictureLabel {
    /// The partitioner stage's title.
    Partitioner,
    /// Before the producer's first record.
    WaitingFirst,
    /// The sticky partitioner's decision, first line.
    NoKeySticky,
    /// Round robin's decision, first line.
    RoundRobin,
    /// An explicit partition's decision, first line.
    Explicit,
    /// A partition without a leader.
    Offline,
    /// The view switch: topic lanes.
    ViewTopic,
    /// The view switch: broker boxes.
    ViewBrokers,
    /// The view switch's group label.
    View,
    /// The legend's toggle.
    Legend,
    /// Legend: a record cell.
    LegendCell,
    /// Legend: a cell not yet committed.
    LegendUncommitted,
    /// Legend: the null key.
    LegendNullKey,
    /// Legend: the leader replica.
    LegendLeader,
    /// Legend: a follower in the ISR.
    LegendInSync,
    /// Legend: a follower out of the ISR.
    LegendOutOfSync,
    /// Legend: a broker that is down.
    LegendDown,
    /// Legend: the high watermark.
    LegendHw,
    /// Legend: the log end offset.
    LegendLeo,
    /// Legend: the log start offset.
    LegendLogStart,
    /// Legend: a group's committed offset.
    LegendCommitted,
    /// Legend: where a segment begins.
    LegendSegment,
    /// Legend: a batch on its way to the leader.
    LegendProduceDot,
    /// Legend: an acknowledgement.
    LegendAckDot,
    /// Legend: records copied to a follower.
    LegendReplicateDot,
    /// Legend: records fetched by a member.
    LegendFetchDot,
    /// Legend: the lines.
    LegendLines,
    /// The caption before anything happened.
    CaptionIdle,
    /// The lessons menu's button.
    Lessons,
    /// The skip link.
    SkipToPicture,
    /// Tab: the producer's settings.
    TabProducer,
    /// Tab: consumer groups.
    TabGroups,
    /// Tab: brokers and metadata.
    TabBrokers,
    /// Tab: retention.
    TabRetention,
    /// Tab: the partitioner comparison.
    TabPartitioner,
    /// Tab: the event log.
    TabLog,
    /// Tab: share and embed.
    TabShare,
    /// The tabs' label.
    Panels,
    /// The picture's name for screen readers.
    PictureName,
}

impl PictureLabel {
    /// The text in `lang`.
    #[must_use]
    pub fn say(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en(),
            Lang::Ko => self.ko(),
        }
    }

    /// In English.
    #[must_use]
    pub fn en(self) -> &'static str {
        use PictureLabel as P;
        match self {
            P::Partitioner => "partitioner",
            P::WaitingFirst => "no record yet",
            P::NoKeySticky => "no key: sticky batch",
            P::RoundRobin => "no key: round robin",
            P::Explicit => "partition set by the record",
            P::Offline => "offline",
            P::ViewTopic => "Topic",
            P::ViewBrokers => "Brokers",
            P::View => "View",
            P::Legend => "Legend",
            P::LegendCell => "a record: its offset, its key; one colour per key",
            P::LegendUncommitted => "dashed cell: above the high watermark, not yet committed",
            P::LegendNullKey => "∅ a record without a key (null key)",
            P::LegendLeader => "★ the leader replica (producers write to it)",
            P::LegendInSync => "✓ 7 a follower in the ISR, copied up to offset 7",
            P::LegendOutOfSync => "✗ a follower out of the ISR (too far behind)",
            P::LegendDown => "✕ a broker that is stopped or crashed",
            P::LegendHw => "HW = high watermark: consumers read up to here",
            P::LegendLeo => "LEO = log end offset: the next offset to write",
            P::LegendLogStart => "start = log start offset: older records are deleted",
            P::LegendCommitted => "committed: where a group resumes reading",
            P::LegendSegment => "thin dashed line: a new segment begins (retention deletes whole segments)",
            P::LegendProduceDot => "a batch on its way to the leader",
            P::LegendAckDot => "an acknowledgement back to the producer",
            P::LegendReplicateDot => "records copied to a follower",
            P::LegendFetchDot => "records fetched by a consumer",
            P::LegendLines => "coloured line: the consumer that reads the partition",
            P::CaptionIdle => "Press Play: records leave the producer, pass its partitioner and land in a partition.",
            P::Lessons => "Lessons",
            P::SkipToPicture => "Skip to the picture",
            P::TabProducer => "Producer",
            P::TabGroups => "Groups",
            P::TabBrokers => "Brokers",
            P::TabRetention => "Retention",
            P::TabPartitioner => "Partitioners",
            P::TabLog => "Event log",
            P::TabShare => "Share",
            P::Panels => "Settings and details",
            P::PictureName => "The cluster",
        }
    }

    /// In Korean.
    #[must_use]
    pub fn ko(self) -> &'static str {
        use PictureLabel as P;
        match self {
            P::Partitioner => "파티셔너",
            P::WaitingFirst => "아직 레코드 없음",
            P::NoKeySticky => "키 없음: 스티키 배치",
            P::RoundRobin => "키 없음: 라운드 로빈",
            P::Explicit => "레코드가 정한 파티션",
            P::Offline => "오프라인",
            P::ViewTopic => "토픽",
            P::ViewBrokers => "브로커",
            P::View => "보기",
            P::Legend => "범례",
            P::LegendCell => "레코드: 오프셋과 키, 키마다 한 색",
            P::LegendUncommitted => "점선 칸: 하이 워터마크 위, 아직 커밋되지 않음",
            P::LegendNullKey => "∅ 키가 없는 레코드 (null 키)",
            P::LegendLeader => "★ 리더 복제본 (프로듀서가 여기에 씀)",
            P::LegendInSync => "✓ 7 ISR 안의 팔로워, 오프셋 7까지 복사함",
            P::LegendOutOfSync => "✗ ISR 밖의 팔로워 (너무 뒤처짐)",
            P::LegendDown => "✕ 멈추거나 죽은 브로커",
            P::LegendHw => "HW = 하이 워터마크: 컨슈머는 여기까지 읽음",
            P::LegendLeo => "LEO = 로그 끝 오프셋: 다음에 쓸 오프셋",
            P::LegendLogStart => "start = 로그 시작 오프셋: 그 앞은 삭제됨",
            P::LegendCommitted => "커밋: 그룹이 다시 읽기 시작할 곳",
            P::LegendSegment => "가는 점선: 새 세그먼트 시작 (보존 정책은 세그먼트 단위로 삭제)",
            P::LegendProduceDot => "리더로 가는 배치",
            P::LegendAckDot => "프로듀서로 돌아가는 확인 응답",
            P::LegendReplicateDot => "팔로워로 복사되는 레코드",
            P::LegendFetchDot => "컨슈머가 가져가는 레코드",
            P::LegendLines => "색 선: 파티션을 읽는 컨슈머",
            P::CaptionIdle => {
                "재생을 누르세요: 레코드가 프로듀서를 떠나 파티셔너를 거쳐 파티션에 들어갑니다."
            }
            P::Lessons => "레슨",
            P::SkipToPicture => "그림으로 건너뛰기",
            P::TabProducer => "프로듀서",
            P::TabGroups => "그룹",
            P::TabBrokers => "브로커",
            P::TabRetention => "보존",
            P::TabPartitioner => "파티셔너 비교",
            P::TabLog => "이벤트 로그",
            P::TabShare => "공유",
            P::Panels => "설정과 자세히 보기",
            P::PictureName => "클러스터",
        }
    }

    /// The legend's entries, in order.
    pub const LEGEND: [PictureLabel; 16] = [
        PictureLabel::LegendCell,
        PictureLabel::LegendUncommitted,
        PictureLabel::LegendNullKey,
        PictureLabel::LegendLeader,
        PictureLabel::LegendInSync,
        PictureLabel::LegendOutOfSync,
        PictureLabel::LegendDown,
        PictureLabel::LegendHw,
        PictureLabel::LegendLeo,
        PictureLabel::LegendLogStart,
        PictureLabel::LegendCommitted,
        PictureLabel::LegendSegment,
        PictureLabel::LegendProduceDot,
        PictureLabel::LegendAckDot,
        PictureLabel::LegendFetchDot,
        PictureLabel::LegendLines,
    ];
}

/// Sentences of the picture with values in them.
#[derive(Clone, Debug, PartialEq)]
pub enum PictureLine {
    /// `2/s · acks=all` under a producer's name.
    ProducerSettings {
        /// Records per second.
        rate: u32,
        /// `acks`.
        acks: &'static str,
    },
    /// `acked 10 · in batch 1`.
    ProducerCounts {
        /// Records acknowledged.
        acked: u64,
        /// Records waiting in the accumulator.
        queued: usize,
    },
    /// `key "alice"`: a keyed decision's first line.
    Key {
        /// The key.
        key: String,
    },
    /// `murmur2 % 3 → p1`: a keyed decision's second line.
    Hash {
        /// Partitions known.
        partitions: u32,
        /// Partition chosen.
        partition: u32,
    },
    /// `→ p2`: an unkeyed decision's second line.
    ToPartition {
        /// Partition chosen.
        partition: u32,
    },
    /// `topic orders · 3 partitions · RF 3`.
    TopicHeader {
        /// The topic.
        name: String,
        /// Partitions.
        partitions: usize,
        /// Replication factor.
        rf: u32,
    },
    /// The markers of a lane in words (`long`: spelled out).
    Markers {
        /// Log start offset.
        log_start: u64,
        /// High watermark.
        hw: u64,
        /// Log end offset.
        leo: u64,
        /// Spelled out.
        long: bool,
    },
    /// A group's committed offset on a lane.
    Committed {
        /// The group, when several read the topic.
        group: Option<String>,
        /// The offset.
        offset: u64,
    },
    /// `Stable · gen 2` in a group's box.
    GroupState {
        /// The coordinator's state.
        state: GroupState,
        /// The generation.
        generation: u32,
    },
    /// `lag 4 · OK`.
    GroupLag {
        /// Lag.
        lag: u64,
        /// Burrow's word.
        status: BurrowStatus,
    },
    /// `p0 p1 · lag 3` in a member's box.
    Owns {
        /// Partitions.
        partitions: Vec<u32>,
        /// Lag over them.
        lag: u64,
    },
    /// The caption when no event is at hand (a lesson step or a link
    /// just built): where time stands.
    Paused {
        /// Simulated time, ms.
        at_ms: u64,
    },
    /// A record's tooltip.
    Cell {
        /// The partition's name (`orders-0`).
        tp: String,
        /// The offset.
        offset: u64,
        /// The key (`None`: null).
        key: Option<String>,
        /// Committed (below the high watermark).
        committed: bool,
    },
}

fn parts(partitions: &[u32]) -> String {
    if partitions.is_empty() {
        return "–".to_string();
    }
    partitions
        .iter()
        .map(|p| format!("p{p}"))
        .collect::<Vec<_>>()
        .join(" ")
}

impl Say for PictureLine {
    fn say(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.in_english(),
            Lang::Ko => self.in_korean(),
        }
    }
}

impl PictureLine {
    fn in_english(&self) -> String {
        match self {
            PictureLine::ProducerSettings { rate, acks } => format!("{rate}/s · acks={acks}"),
            PictureLine::ProducerCounts { acked, queued } => {
                format!("acked {acked} · in batch {queued}")
            }
            PictureLine::Key { key } => format!("key \"{key}\""),
            PictureLine::Hash {
                partitions,
                partition,
            } => format!("murmur2 % {partitions} → p{partition}"),
            PictureLine::ToPartition { partition } => format!("→ p{partition}"),
            PictureLine::TopicHeader {
                name,
                partitions,
                rf,
            } => format!("topic {name} · {partitions} partitions · RF {rf}"),
            PictureLine::Markers {
                log_start,
                hw,
                leo,
                long: true,
            } => format!("HW = high watermark {hw} · LEO = log end {leo} · start {log_start}"),
            PictureLine::Markers {
                log_start,
                hw,
                leo,
                long: false,
            } => format!("HW {hw} · LEO {leo} · start {log_start}"),
            PictureLine::Committed {
                group: Some(g),
                offset,
            } => format!("{g} committed {offset}"),
            PictureLine::Committed {
                group: None,
                offset,
            } => format!("committed {offset}"),
            PictureLine::GroupState { state, generation } => {
                format!("{} · gen {generation}", state.name())
            }
            PictureLine::GroupLag { lag, status } => {
                format!("lag {lag} · {}", words::burrow(Lang::En, *status))
            }
            PictureLine::Owns { partitions, lag } => format!("{} · lag {lag}", parts(partitions)),
            PictureLine::Paused { at_ms } => format!(
                "At {}: press Step to see the next event, or Play.",
                format_time(*at_ms)
            ),
            PictureLine::Cell {
                tp,
                offset,
                key,
                committed,
            } => format!(
                "{tp} offset {offset} · key {} · {}",
                key.as_deref().unwrap_or("null"),
                if *committed {
                    "committed"
                } else {
                    "not yet committed"
                }
            ),
        }
    }

    fn in_korean(&self) -> String {
        match self {
            PictureLine::ProducerSettings { rate, acks } => format!("초당 {rate} · acks={acks}"),
            PictureLine::ProducerCounts { acked, queued } => {
                format!("확인 {acked} · 배치 {queued}")
            }
            PictureLine::Key { key } => format!("키 \"{key}\""),
            PictureLine::Hash {
                partitions,
                partition,
            } => format!("murmur2 % {partitions} → p{partition}"),
            PictureLine::ToPartition { partition } => format!("→ p{partition}"),
            PictureLine::TopicHeader {
                name,
                partitions,
                rf,
            } => format!("토픽 {name} · 파티션 {partitions}개 · 복제 {rf}"),
            PictureLine::Markers {
                log_start,
                hw,
                leo,
                long: true,
            } => format!("HW = 하이 워터마크 {hw} · LEO = 로그 끝 {leo} · 시작 {log_start}"),
            PictureLine::Markers {
                log_start,
                hw,
                leo,
                long: false,
            } => format!("HW {hw} · LEO {leo} · 시작 {log_start}"),
            PictureLine::Committed {
                group: Some(g),
                offset,
            } => format!("{g} 커밋 {offset}"),
            PictureLine::Committed {
                group: None,
                offset,
            } => format!("커밋 {offset}"),
            PictureLine::GroupState { state, generation } => {
                format!("{} · 세대 {generation}", state.name())
            }
            PictureLine::GroupLag { lag, status } => {
                format!("랙 {lag} · {}", words::burrow(Lang::Ko, *status))
            }
            PictureLine::Owns { partitions, lag } => format!("{} · 랙 {lag}", parts(partitions)),
            PictureLine::Paused { at_ms } => format!(
                "{}: 다음 이벤트는 한 단계, 계속 보려면 재생을 누르세요.",
                format_time(*at_ms)
            ),
            PictureLine::Cell {
                tp,
                offset,
                key,
                committed,
            } => format!(
                "{tp} 오프셋 {offset} · 키 {} · {}",
                key.as_deref().unwrap_or("null"),
                if *committed {
                    "커밋됨"
                } else {
                    "아직 커밋 안 됨"
                }
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_legend_entry_is_said_in_both_languages() {
        for l in PictureLabel::LEGEND {
            assert!(!l.en().is_empty() && !l.ko().is_empty());
            assert_ne!(l.en(), l.ko());
        }
    }

    #[test]
    fn markers_are_spelled_out_when_long() {
        let m = PictureLine::Markers {
            log_start: 0,
            hw: 7,
            leo: 9,
            long: true,
        };
        assert_eq!(m.en(), "HW = high watermark 7 · LEO = log end 9 · start 0");
        assert!(m.ko().contains("하이 워터마크 7"));
    }
}
