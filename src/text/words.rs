//! Words for the engine's small typed values — reasons, phases, modes,
//! statuses, partitioners, a record's value — one exhaustive `match` per
//! language each.

use crate::engine::compare::Strategy;
use crate::engine::errors::{DropReason, LossReason};
use crate::engine::partitioner::SwitchReason;
use crate::engine::record::Record;
use crate::engine::{BurrowStatus, CommitMode, MemberPhase, Partitioner, SendMode};

pub use super::lang::Lang;

/// Why a message never arrived.
#[must_use]
pub fn drop_reason(lang: Lang, r: DropReason) -> &'static str {
    match lang {
        Lang::En => match r {
            DropReason::ReceiverDown => "receiver is down",
            DropReason::LinkCut => "link is cut",
        },
        Lang::Ko => match r {
            DropReason::ReceiverDown => "받는 쪽이 내려가 있음",
            DropReason::LinkCut => "네트워크가 끊겨 있음",
        },
    }
}

/// Why records were lost.
#[must_use]
pub fn loss_reason(lang: Lang, r: LossReason) -> &'static str {
    match lang {
        Lang::En => match r {
            LossReason::NotOnNewLeader => {
                "the leader changed and the new leader never had them (they were not yet on every in-sync replica)"
            }
            LossReason::UncleanElection => {
                "unclean leader election: an out-of-sync replica became leader"
            }
            LossReason::Acks0Undelivered => {
                "acks=0: the batch never reached the leader, and nobody noticed"
            }
        },
        Lang::Ko => match r {
            LossReason::NotOnNewLeader => {
                "리더가 바뀌었는데 새 리더에게는 이 레코드가 없었습니다 (아직 모든 ISR 복제본에 복사되기 전)"
            }
            LossReason::UncleanElection => {
                "언클린 리더 선출: ISR 밖의 복제본이 리더가 되었습니다"
            }
            LossReason::Acks0Undelivered => {
                "acks=0: 배치가 리더에 닿지 못했고 아무도 알아채지 못했습니다"
            }
        },
    }
}

/// Why the built-in partitioner switched its sticky partition.
#[must_use]
pub fn switch_reason(lang: Lang, r: SwitchReason) -> &'static str {
    match lang {
        Lang::En => match r {
            SwitchReason::First => "first null-key record",
            SwitchReason::BatchSizeAndFull => "≥ batch.size bytes produced and its batch is full",
            SwitchReason::TwiceBatchSize => "≥ 2 × batch.size bytes produced",
        },
        Lang::Ko => match r {
            SwitchReason::First => "키 없는 첫 레코드",
            SwitchReason::BatchSizeAndFull => "batch.size 바이트 이상 보냈고 배치가 가득 참",
            SwitchReason::TwiceBatchSize => "2 × batch.size 바이트 이상 보냄",
        },
    }
}

/// How members commit, as a consumer config reads.
#[must_use]
pub fn commit_mode(lang: Lang, mode: CommitMode) -> &'static str {
    match lang {
        Lang::En => match mode {
            CommitMode::Auto => "enable.auto.commit=true",
            CommitMode::ManualPerPoll => "commitSync() after each poll",
        },
        Lang::Ko => match mode {
            CommitMode::Auto => "enable.auto.commit=true",
            CommitMode::ManualPerPoll => "poll마다 처리 후 commitSync()",
        },
    }
}

/// A partitioner as a Kafka config would name it, with the teaching note.
#[must_use]
pub fn partitioner(lang: Lang, p: Partitioner) -> &'static str {
    match lang {
        Lang::En => match p {
            Partitioner::BuiltIn => "built-in (murmur2 for keys, uniform sticky for null keys)",
            Partitioner::RoundRobin => "RoundRobinPartitioner (Kafka 3.9+/4.x)",
            Partitioner::RoundRobinLegacy => {
                "RoundRobinPartitioner (Kafka 2.4–3.8, KAFKA-9965 skipping)"
            }
        },
        Lang::Ko => match p {
            Partitioner::BuiltIn => "기본 내장 (키는 murmur2, null 키는 균등 스티키)",
            Partitioner::RoundRobin => "RoundRobinPartitioner (Kafka 3.9+/4.x)",
            Partitioner::RoundRobinLegacy => {
                "RoundRobinPartitioner (Kafka 2.4–3.8, KAFKA-9965 파티션 건너뜀)"
            }
        },
    }
}

/// Sync or async sending.
#[must_use]
pub fn send_mode(lang: Lang, mode: SendMode) -> &'static str {
    match lang {
        Lang::En => match mode {
            SendMode::Async => "async",
            SendMode::Sync => "sync",
        },
        Lang::Ko => match mode {
            SendMode::Async => "비동기",
            SendMode::Sync => "동기",
        },
    }
}

/// A member's phase in the group protocol, for the picture.
#[must_use]
pub fn phase(lang: Lang, phase: MemberPhase) -> &'static str {
    match lang {
        Lang::En => match phase {
            MemberPhase::Unjoined => "rejoining",
            MemberPhase::Joining => "JoinGroup sent",
            MemberPhase::AwaitingSync => "SyncGroup sent",
            MemberPhase::Stable => "stable",
            MemberPhase::Leaving => "leaving",
            MemberPhase::Crashed => "crashed",
        },
        Lang::Ko => match phase {
            MemberPhase::Unjoined => "재참여 중",
            MemberPhase::Joining => "JoinGroup 보냄",
            MemberPhase::AwaitingSync => "SyncGroup 보냄",
            MemberPhase::Stable => "안정",
            MemberPhase::Leaving => "나가는 중",
            MemberPhase::Crashed => "장애",
        },
    }
}

/// Burrow's status in words (English: Burrow's own word).
#[must_use]
pub fn burrow(lang: Lang, status: BurrowStatus) -> &'static str {
    match lang {
        Lang::En => status.name(),
        Lang::Ko => match status {
            BurrowStatus::NotEnoughData => "판단 불가",
            BurrowStatus::Ok => "정상",
            BurrowStatus::Warn => "경고",
            BurrowStatus::Stop => "멈춤",
            BurrowStatus::Stall => "정체",
            BurrowStatus::Rewind => "되감김",
        },
    }
}

/// What a Burrow status means, in a few words.
#[must_use]
pub fn burrow_explain(lang: Lang, status: BurrowStatus) -> &'static str {
    match lang {
        Lang::En => match status {
            BurrowStatus::NotEnoughData => "fewer than 2 commits to judge",
            BurrowStatus::Ok => "keeping up",
            BurrowStatus::Warn => "committing, but lag never shrinks",
            BurrowStatus::Stop => "no commit for longer than the window spans",
            BurrowStatus::Stall => "committing the same offset while lag grows",
            BurrowStatus::Rewind => "the committed offset went backwards",
        },
        Lang::Ko => match status {
            BurrowStatus::NotEnoughData => "판단할 커밋이 2개 미만",
            BurrowStatus::Ok => "잘 따라가는 중",
            BurrowStatus::Warn => "커밋은 하지만 랙이 줄지 않음",
            BurrowStatus::Stop => "윈도 기간보다 오래 커밋이 없음",
            BurrowStatus::Stall => "랙이 느는데 같은 오프셋만 커밋함",
            BurrowStatus::Rewind => "커밋된 오프셋이 뒤로 감",
        },
    }
}

/// The Burrow status's head: the word, with Burrow's own word beside it in
/// Korean (it is what Burrow's API and dashboards show).
#[must_use]
pub fn burrow_label(lang: Lang, status: BurrowStatus) -> String {
    match lang {
        Lang::En => status.name().to_string(),
        Lang::Ko => format!("{} ({})", burrow(lang, status), status.name()),
    }
}

/// A strategy of the partitioner comparison: its name and the Kafka
/// producer settings that give it.
#[must_use]
pub fn strategy(lang: Lang, s: Strategy) -> (&'static str, &'static str) {
    match lang {
        Lang::En => match s {
            Strategy::KeyHash => (
                "key hash",
                "default partitioner: murmur2(key) % partitions; null keys sticky",
            ),
            Strategy::Sticky => (
                "sticky",
                "partitioner.ignore.keys=true: every record sticky (KIP-794)",
            ),
            Strategy::RoundRobin => (
                "round robin",
                "partitioner.class=RoundRobinPartitioner (Kafka 3.9+/4.x)",
            ),
            Strategy::RoundRobinLegacy => (
                "round robin ≤ 3.8",
                "RoundRobinPartitioner before KAFKA-17632: skips (KAFKA-9965)",
            ),
        },
        Lang::Ko => match s {
            Strategy::KeyHash => (
                "키 해시",
                "기본 파티셔너: murmur2(키) % 파티션 수, null 키는 스티키",
            ),
            Strategy::Sticky => (
                "스티키",
                "partitioner.ignore.keys=true: 모든 레코드를 스티키로 (KIP-794)",
            ),
            Strategy::RoundRobin => (
                "라운드 로빈",
                "partitioner.class=RoundRobinPartitioner (Kafka 3.9+/4.x)",
            ),
            Strategy::RoundRobinLegacy => (
                "라운드 로빈 ≤ 3.8",
                "KAFKA-17632 이전의 RoundRobinPartitioner: 파티션을 건너뜀 (KAFKA-9965)",
            ),
        },
    }
}

/// A record's value: the typed value, `#seq` for a generated one, or a
/// tombstone.
#[must_use]
pub fn value(lang: Lang, record: &Record) -> String {
    if record.tombstone {
        return match lang {
            Lang::En => "null (tombstone)",
            Lang::Ko => "null (툼스톤)",
        }
        .to_string();
    }
    match &record.value {
        Some(v) => v.to_string(),
        None => format!("#{}", record.seq),
    }
}

/// A key as the event log writes it: `"alice"`, or `null`.
#[must_use]
pub fn key(key: Option<&str>) -> String {
    key.map_or("null".to_string(), |k| format!("\"{k}\""))
}
