//! English words for the engine's typed values: reasons, phases, modes,
//! statuses, a record's value, the partitioner comparison's strategies.

use crate::engine::compare::Strategy;
use crate::engine::errors::{DropReason, LossReason};
use crate::engine::partitioner::SwitchReason;
use crate::engine::record::Record;
use crate::engine::{BurrowStatus, CommitMode, MemberPhase, Partitioner, ProducerConfig};

/// Why a message never arrived.
#[must_use]
pub fn drop_reason(r: DropReason) -> &'static str {
    match r {
        DropReason::ReceiverDown => "receiver is down",
        DropReason::LinkCut => "link is cut",
    }
}

/// Why records were lost.
#[must_use]
pub fn loss_reason(r: LossReason) -> &'static str {
    match r {
        LossReason::NotOnNewLeader => {
            "the leader changed and the new leader never had them (they were not yet on every in-sync replica)"
        }
        LossReason::UncleanElection => {
            "unclean leader election: an out-of-sync replica became leader"
        }
        LossReason::Acks0Undelivered => {
            "acks=0: the batch never reached the leader, and nobody noticed"
        }
    }
}

/// Why the built-in partitioner switched its sticky partition.
#[must_use]
pub fn switch_reason(r: SwitchReason) -> &'static str {
    match r {
        SwitchReason::First => "first null-key record",
        SwitchReason::BatchSizeAndFull => "≥ batch.size bytes produced and its batch is full",
        SwitchReason::TwiceBatchSize => "≥ 2 × batch.size bytes produced",
    }
}

/// How a commit mode reads in a Kafka consumer config.
#[must_use]
pub fn commit_mode(mode: CommitMode) -> &'static str {
    match mode {
        CommitMode::Auto => "enable.auto.commit=true",
        CommitMode::ManualPerPoll => "commitSync() after each poll",
    }
}

/// The partitioner as a Kafka config would name it, with the teaching note.
#[must_use]
pub fn partitioner_label(p: Partitioner) -> &'static str {
    match p {
        Partitioner::BuiltIn => "built-in (murmur2 for keys, uniform sticky for null keys)",
        Partitioner::RoundRobin => "RoundRobinPartitioner (Kafka 3.9+/4.x)",
        Partitioner::RoundRobinLegacy => {
            "RoundRobinPartitioner (Kafka 2.4–3.8, KAFKA-9965 skipping)"
        }
    }
}

/// A member's phase, for the picture.
#[must_use]
pub fn phase_word(phase: MemberPhase) -> &'static str {
    match phase {
        MemberPhase::Unjoined => "rejoining",
        MemberPhase::Joining => "JoinGroup sent",
        MemberPhase::AwaitingSync => "SyncGroup sent",
        MemberPhase::Stable => "stable",
        MemberPhase::Leaving => "leaving",
        MemberPhase::Crashed => "crashed",
    }
}

/// What a Burrow status means, in a few words.
#[must_use]
pub fn burrow_explain(status: BurrowStatus) -> &'static str {
    match status {
        BurrowStatus::NotEnoughData => "fewer than 2 commits to judge",
        BurrowStatus::Ok => "keeping up",
        BurrowStatus::Warn => "committing, but lag never shrinks",
        BurrowStatus::Stop => "no commit for longer than the window spans",
        BurrowStatus::Stall => "committing the same offset while lag grows",
        BurrowStatus::Rewind => "the committed offset went backwards",
    }
}

/// A record's value as text: the typed value, `#seq` for a generated one,
/// or a tombstone.
#[must_use]
pub fn value_text(record: &Record) -> String {
    if record.tombstone {
        return "null (tombstone)".to_string();
    }
    match &record.value {
        Some(v) => v.to_string(),
        None => format!("#{}", record.seq),
    }
}

/// A strategy of the partitioner comparison: its name and the Kafka
/// producer settings that give it.
#[must_use]
pub const fn strategy(s: Strategy) -> (&'static str, &'static str) {
    match s {
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
    }
}

/// The settings that differ between two producer configs, as
/// `name old → new` (the rate is changed on its own and not listed).
#[must_use]
pub fn producer_changes(a: &ProducerConfig, b: &ProducerConfig) -> Vec<String> {
    let mut out = Vec::new();
    let mut diff = |name: &str, x: String, y: String| {
        if x != y {
            out.push(format!("{name} {x} → {y}"));
        }
    };
    diff(
        "partitioner",
        partitioner_label(a.partitioner).into(),
        partitioner_label(b.partitioner).into(),
    );
    diff(
        "partitioner.ignore.keys",
        a.ignore_keys.to_string(),
        b.ignore_keys.to_string(),
    );
    diff(
        "partitioner.adaptive.partitioning.enable",
        a.adaptive.to_string(),
        b.adaptive.to_string(),
    );
    diff(
        "batch.size",
        a.batch_size.to_string(),
        b.batch_size.to_string(),
    );
    diff(
        "linger.ms",
        a.linger_ms.to_string(),
        b.linger_ms.to_string(),
    );
    diff(
        "compression.type",
        a.compression.as_config().into(),
        b.compression.as_config().into(),
    );
    diff("acks", a.acks.as_config().into(), b.acks.as_config().into());
    diff(
        "mode",
        format!("{:?}", a.mode).to_lowercase(),
        format!("{:?}", b.mode).to_lowercase(),
    );
    diff(
        "enable.idempotence",
        a.enable_idempotence.to_string(),
        b.enable_idempotence.to_string(),
    );
    diff(
        "max.in.flight.requests.per.connection",
        a.max_in_flight.to_string(),
        b.max_in_flight.to_string(),
    );
    diff("keys", a.keys.join(","), b.keys.join(","));
    diff(
        "value bytes",
        a.value_bytes.to_string(),
        b.value_bytes.to_string(),
    );
    diff(
        "request.timeout.ms",
        a.request_timeout_ms.to_string(),
        b.request_timeout_ms.to_string(),
    );
    diff(
        "delivery.timeout.ms",
        a.delivery_timeout_ms.to_string(),
        b.delivery_timeout_ms.to_string(),
    );
    diff(
        "retry.backoff.ms",
        a.retry_backoff_ms.to_string(),
        b.retry_backoff_ms.to_string(),
    );
    diff(
        "metadata.max.age.ms",
        a.metadata_max_age_ms.to_string(),
        b.metadata_max_age_ms.to_string(),
    );
    out
}
