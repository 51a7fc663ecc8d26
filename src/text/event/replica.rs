//! A partition's replicas: appends, copies, the high watermark, duplicates, truncation, losses, new partitions. As sentences, in both languages side by side.

use crate::engine::errors::LossReason;
use crate::engine::BatchId;

use crate::text::lang::{Lang, Say};
use crate::text::template::say;
use crate::text::words;

/// A partition's replicas: appends, copies, the high watermark, duplicates, truncation, losses, new partitions.
#[derive(Clone, Debug, PartialEq)]
pub enum ReplicaLine {
    /// A broker appended a batch.
    BatchAppended {
        /// The broker.
        broker: String,
        /// The partition.
        tp: String,
        /// First offset.
        first: u64,
        /// Last offset.
        last: u64,
        /// The leader epoch.
        leader_epoch: u32,
    },
    /// A follower copied records.
    ReplicaCopied {
        /// The follower.
        broker: String,
        /// The partition.
        tp: String,
        /// First offset.
        first: u64,
        /// Last offset.
        last: u64,
    },
    /// A replica's high watermark moved.
    HighWatermark {
        /// The partition.
        tp: String,
        /// The replica's broker.
        broker: String,
        /// The new HW.
        high_watermark: u64,
    },
    /// The idempotent leader ignored a duplicate batch.
    DuplicateIgnored {
        /// The leader.
        broker: String,
        /// The batch.
        batch: BatchId,
        /// The partition.
        tp: String,
        /// Offset of its first append.
        base_offset: u64,
    },
    /// Without idempotence, a batch was appended twice.
    DuplicateAppended {
        /// The leader.
        broker: String,
        /// The batch.
        batch: BatchId,
        /// The partition.
        tp: String,
        /// Records duplicated.
        records: u32,
    },
    /// The idempotent leader refused an out-of-order batch.
    OutOfOrderSequence {
        /// The leader.
        broker: String,
        /// The batch.
        batch: BatchId,
        /// The partition.
        tp: String,
        /// Its first sequence.
        got: u32,
        /// The sequence expected.
        expected: u32,
    },
    /// A follower truncated its log.
    FollowerTruncated {
        /// The follower.
        broker: String,
        /// The partition.
        tp: String,
        /// Its LEO before.
        from: u64,
        /// After.
        to: u64,
    },
    /// Unacknowledged records are not on the new leader and will be resent.
    RecordsDiscarded {
        /// How many.
        records: u32,
        /// The partition.
        tp: String,
    },
    /// Records lost for ever.
    RecordsLost {
        /// How many.
        records: u32,
        /// The partition.
        tp: String,
        /// Of them acknowledged.
        acknowledged: u32,
        /// Why.
        reason: LossReason,
    },
    /// Partitions were added to a topic.
    PartitionsAdded {
        /// The topic (`?` when unknown).
        topic: String,
        /// Partitions before.
        from: u32,
        /// Partitions now.
        to: u32,
        /// Each new partition's replica broker ids, leader first.
        replicas: Vec<Vec<u32>>,
    },
    /// A follower's fetch offset was below its leader's log start.
    FollowerOutOfRange {
        /// The follower.
        broker: String,
        /// Its fetch offset.
        fetch_offset: u64,
        /// The partition.
        tp: String,
        /// The leader's log start offset.
        leader_log_start: u64,
        /// Records it dropped.
        dropped: u64,
    },
}

impl Say for ReplicaLine {
    fn say(&self, lang: Lang) -> String {
        match self {
            ReplicaLine::BatchAppended {
                broker,
                tp,
                first,
                last,
                leader_epoch,
            } => say!(lang, broker, tp, first, last, leader_epoch;
                "{broker} appends {tp} offsets {first}..={last} (leader epoch {leader_epoch})",
                "{broker}{가} {tp} 오프셋 {first}..={last} 기록 (리더 에포크 {leader_epoch})"),
            ReplicaLine::ReplicaCopied {
                broker,
                tp,
                first,
                last,
            } => say!(lang, broker, tp, first, last;
                "{broker} (follower) copies {tp} offsets {first}..={last}",
                "팔로워 {broker}{가} {tp} 오프셋 {first}..={last} 복사"),
            ReplicaLine::HighWatermark {
                tp,
                broker,
                high_watermark,
            } => say!(lang, tp, broker, high_watermark;
                "{tp} high watermark on {broker} → {high_watermark}",
                "{tp} 하이 워터마크 ({broker}) → {high_watermark}"),
            ReplicaLine::DuplicateIgnored {
                broker,
                batch,
                tp,
                base_offset,
            } => say!(lang, broker, batch, tp, base_offset;
                "{broker} already has batch {batch} in {tp} at offset {base_offset} (same producer id and sequence): not appended again",
                "{broker}{는} 배치 {batch}{를} {tp} 오프셋 {base_offset}에 이미 가지고 있음 (같은 프로듀서 식별자와 시퀀스 번호): 다시 기록하지 않음"),
            ReplicaLine::DuplicateAppended {
                broker,
                batch,
                tp,
                records,
            } => say!(lang, broker, batch, tp, records;
                "{broker} appends batch {batch} to {tp} a second time (no idempotence): {records} duplicate record(s)",
                "{broker}{가} 배치 {batch}{를} {tp}에 두 번째로 기록 (멱등성 꺼짐): 중복 레코드 {records}개"),
            ReplicaLine::OutOfOrderSequence {
                broker,
                batch,
                tp,
                got,
                expected,
            } => say!(lang, broker, batch, tp, got, expected;
                "{broker} refuses batch {batch} for {tp}: sequence {got}, expected {expected} (OUT_OF_ORDER_SEQUENCE_NUMBER)",
                "{broker}{가} {tp}의 배치 {batch}{를} 거부: 시퀀스 {got}, 기대값 {expected} (OUT_OF_ORDER_SEQUENCE_NUMBER)"),
            ReplicaLine::FollowerTruncated {
                broker,
                tp,
                from,
                to,
            } => say!(lang, broker, tp, from, to;
                "{broker} truncates {tp} from {from} to {to}: its leader does not have those records",
                "{broker}{가} {tp}{를} {from}에서 {to}{로} 잘라냄: 리더에게 없는 레코드입니다"),
            ReplicaLine::RecordsDiscarded { records, tp } => say!(lang, records, tp;
                "{records} unacknowledged record(s) of {tp} are not on the new leader; the producer never got an answer for them and sends them again",
                "확인 응답을 받지 못한 레코드 {records}개가 {tp}의 새 리더에 없습니다: 프로듀서는 응답을 받은 적이 없으므로 다시 보냅니다"),
            ReplicaLine::RecordsLost {
                records,
                tp,
                acknowledged,
                reason,
            } => say!(lang, records, tp, acknowledged, reason = words::loss_reason(lang, *reason);
                "LOST {records} record(s) of {tp} ({acknowledged} had been acknowledged): {reason}",
                "유실: {tp}의 레코드 {records}개 (그중 확인 응답을 받은 것 {acknowledged}개): {reason}"),
            ReplicaLine::PartitionsAdded {
                topic,
                from,
                to,
                replicas,
            } => say!(lang, topic, from, to, replicas = new_partitions(*from, replicas);
                "topic {topic} grows from {from} to {to} partitions: {replicas}",
                "토픽 {topic}의 파티션이 {from}개에서 {to}개로 늘어남: {replicas}"),
            ReplicaLine::FollowerOutOfRange {
                broker,
                fetch_offset,
                tp,
                leader_log_start,
                dropped,
            } => say!(lang, broker, fetch_offset, tp, leader_log_start, dropped;
                "{broker} (follower) fetch offset {fetch_offset} on {tp} is below the leader's log start offset {leader_log_start}: OFFSET_OUT_OF_RANGE; it drops its {dropped} record(s) and starts again at {leader_log_start}",
                "{broker} (팔로워)의 페치 오프셋 {fetch_offset}{이} {tp}의 리더 로그 시작 오프셋 {leader_log_start}보다 아래: OFFSET_OUT_OF_RANGE; 레코드 {dropped}개를 버리고 {leader_log_start}부터 다시 시작"),
        }
    }
}

/// `p3 [1,2,3], p4 [2,3,1]`: each new partition and its replicas.
fn new_partitions(from: u32, replicas: &[Vec<u32>]) -> String {
    let list: Vec<String> = replicas
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let ids: Vec<String> = r.iter().map(u32::to_string).collect();
            format!("p{} [{}]", from as usize + i, ids.join(","))
        })
        .collect();
    list.join(", ")
}
