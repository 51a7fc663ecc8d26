//! Words for the engine's small typed values — reasons, phases, modes,
//! statuses, partitioners, a record's value — each value with its English
//! and its Korean side by side (a value without both does not compile).

use crate::engine::compare::Strategy;
use crate::engine::errors::{DropReason, LossReason};
use crate::engine::partitioner::SwitchReason;
use crate::engine::record::Record;
use crate::engine::{BurrowStatus, CommitMode, MemberPhase, Partitioner, SendMode};

pub use super::lang::Lang;

/// Defines `fn name(lang, value) -> &'static str` over an engine enum:
/// `Variant => "English", "한국어";` for each of its values.
macro_rules! words {
    ($(#[$doc:meta])* $name:ident($ty:ident) { $($variant:ident => $en:expr, $ko:expr;)* }) => {
        $(#[$doc])*
        #[must_use]
        pub fn $name(lang: Lang, value: $ty) -> &'static str {
            match value {
                $($ty::$variant => match lang {
                    Lang::En => $en,
                    Lang::Ko => $ko,
                },)*
            }
        }
    };
}

words! {
    /// Why a message never arrived.
    drop_reason(DropReason) {
        ReceiverDown => "receiver is down", "받는 쪽이 내려가 있음";
        LinkCut => "link is cut", "네트워크가 끊겨 있음";
    }
}

words! {
    /// Why records were lost.
    loss_reason(LossReason) {
        NotOnNewLeader =>
            "the leader changed and the new leader never had them (they were not yet on every in-sync replica)",
            "리더가 바뀌었는데 새 리더에게는 이 레코드가 없었습니다 (아직 모든 ISR 복제본에 복사되기 전)";
        UncleanElection =>
            "unclean leader election: an out-of-sync replica became leader",
            "언클린 리더 선출: ISR 밖의 복제본이 리더가 되었습니다";
        Acks0Undelivered =>
            "acks=0: the batch never reached the leader, and nobody noticed",
            "acks=0: 배치가 리더에 닿지 못했고 아무도 알아채지 못했습니다";
    }
}

words! {
    /// Why the built-in partitioner switched its sticky partition.
    switch_reason(SwitchReason) {
        First => "first null-key record", "키 없는 첫 레코드";
        BatchSizeAndFull =>
            "≥ batch.size bytes produced and its batch is full",
            "batch.size 바이트 이상 보냈고 배치가 가득 참";
        TwiceBatchSize => "≥ 2 × batch.size bytes produced", "2 × batch.size 바이트 이상 보냄";
    }
}

words! {
    /// How members commit, as a consumer config reads.
    commit_mode(CommitMode) {
        Auto => "enable.auto.commit=true", "enable.auto.commit=true";
        ManualPerPoll => "commitSync() after each poll", "poll마다 처리 후 commitSync()";
    }
}

words! {
    /// A partitioner as a Kafka config would name it, with the teaching note.
    partitioner(Partitioner) {
        BuiltIn =>
            "built-in (murmur2 for keys, uniform sticky for null keys)",
            "기본 내장 (키는 murmur2, null 키는 균등 스티키)";
        RoundRobin => "RoundRobinPartitioner (Kafka 3.9+/4.x)", "RoundRobinPartitioner (Kafka 3.9+/4.x)";
        RoundRobinLegacy =>
            "RoundRobinPartitioner (Kafka 2.4–3.8, KAFKA-9965 skipping)",
            "RoundRobinPartitioner (Kafka 2.4–3.8, KAFKA-9965 파티션 건너뜀)";
    }
}

words! {
    /// Sync or async sending.
    send_mode(SendMode) {
        Async => "async", "비동기";
        Sync => "sync", "동기";
    }
}

words! {
    /// A member's phase in the group protocol, for the picture.
    phase(MemberPhase) {
        Unjoined => "rejoining", "재참여 중";
        Joining => "JoinGroup sent", "JoinGroup 보냄";
        AwaitingSync => "SyncGroup sent", "SyncGroup 보냄";
        Stable => "stable", "안정";
        Leaving => "leaving", "나가는 중";
        Crashed => "crashed", "장애";
    }
}

words! {
    /// Burrow's status in words (English: Burrow's own word).
    burrow(BurrowStatus) {
        NotEnoughData => "NOT ENOUGH DATA", "판단 불가";
        Ok => "OK", "정상";
        Warn => "WARN", "경고";
        Stop => "STOP", "멈춤";
        Stall => "STALL", "정체";
        Rewind => "REWIND", "되감김";
    }
}

words! {
    /// What a Burrow status means, in a few words.
    burrow_explain(BurrowStatus) {
        NotEnoughData => "fewer than 2 commits to judge", "판단할 커밋이 2개 미만";
        Ok => "keeping up", "잘 따라가는 중";
        Warn => "committing, but lag never shrinks", "커밋은 하지만 랙이 줄지 않음";
        Stop => "no commit for longer than the window spans", "윈도 기간보다 오래 커밋이 없음";
        Stall => "committing the same offset while lag grows", "랙이 느는데 같은 오프셋만 커밋함";
        Rewind => "the committed offset went backwards", "커밋된 오프셋이 뒤로 감";
    }
}

words! {
    /// A strategy of the partitioner comparison: its name.
    strategy_name(Strategy) {
        KeyHash => "key hash", "키 해시";
        Sticky => "sticky", "스티키";
        RoundRobin => "round robin", "라운드 로빈";
        RoundRobinLegacy => "round robin ≤ 3.8", "라운드 로빈 ≤ 3.8";
    }
}

words! {
    /// A strategy of the partitioner comparison: the Kafka producer
    /// settings that give it.
    strategy_settings(Strategy) {
        KeyHash =>
            "default partitioner: murmur2(key) % partitions; null keys sticky",
            "기본 파티셔너: murmur2(키) % 파티션 수, null 키는 스티키";
        Sticky =>
            "partitioner.ignore.keys=true: every record sticky (KIP-794)",
            "partitioner.ignore.keys=true: 모든 레코드를 스티키로 (KIP-794)";
        RoundRobin =>
            "partitioner.class=RoundRobinPartitioner (Kafka 3.9+/4.x)",
            "partitioner.class=RoundRobinPartitioner (Kafka 3.9+/4.x)";
        RoundRobinLegacy =>
            "RoundRobinPartitioner before KAFKA-17632: skips (KAFKA-9965)",
            "KAFKA-17632 이전의 RoundRobinPartitioner: 파티션을 건너뜀 (KAFKA-9965)";
    }
}

/// A strategy's name and settings.
#[must_use]
pub fn strategy(lang: Lang, s: Strategy) -> (&'static str, &'static str) {
    (strategy_name(lang, s), strategy_settings(lang, s))
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
