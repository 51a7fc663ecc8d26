//! A producer's record, batch, acknowledgement, retry, metadata or settings. As sentences, in both languages side by side.

use crate::engine::config::Compression;
use crate::engine::errors::ProduceError;
use crate::engine::partitioner::SwitchReason;
use crate::engine::BatchId;
use crate::engine::PartitionDecision;
use crate::engine::RecordId;

use super::setting::{change, ProducerChange};
use crate::text::lang::{Lang, Say};
use crate::text::template::say;
use crate::text::words;

/// A producer's record, batch, acknowledgement, retry, metadata or settings.
#[derive(Clone, Debug, PartialEq)]
pub enum ProduceLine {
    /// A producer created a record; its partitioner chose a partition.
    RecordCreated {
        /// The producer.
        producer: String,
        /// The record.
        record: RecordId,
        /// Its key (`None`: null).
        key: Option<String>,
        /// Where it goes.
        tp: String,
        /// The partition chosen.
        partition: u32,
        /// Why there.
        decision: PartitionDecision,
    },
    /// A producer sent a batch to a leader.
    BatchSent {
        /// The producer.
        producer: String,
        /// The batch.
        batch: BatchId,
        /// Records in it.
        records: u32,
        /// Bytes on the wire.
        bytes: u32,
        /// Its codec.
        compression: Compression,
        /// Bytes before compression.
        uncompressed_bytes: u32,
        /// 1 for the first send.
        attempt: u32,
        /// The leader.
        leader: String,
        /// Its partition.
        tp: String,
    },
    /// A producer got an acknowledgement.
    ProduceAcked {
        /// The producer.
        producer: String,
        /// The partition.
        tp: String,
        /// Offset of the first record.
        base_offset: u64,
        /// Records.
        records: u32,
    },
    /// An `acks=0` batch is taken as delivered.
    ProduceAssumed {
        /// The producer.
        producer: String,
        /// The batch.
        batch: BatchId,
    },
    /// A leader answered a produce request with an error.
    ProduceFailed {
        /// The producer.
        producer: String,
        /// Kafka's error.
        error: ProduceError,
        /// The batch.
        batch: BatchId,
        /// The partition.
        tp: String,
    },
    /// A producer's rate changed.
    ProducerRate {
        /// The producer.
        producer: String,
        /// Records a second.
        records_per_sec: u32,
    },
    /// The built-in partitioner switched its sticky partition.
    StickySwitched {
        /// The producer.
        producer: String,
        /// The previous sticky partition (`orders-0`), if any.
        from: Option<String>,
        /// Bytes produced to it.
        produced_bytes: u32,
        /// The new one.
        to: String,
        /// Why.
        reason: SwitchReason,
        /// Adaptive weights (partition, weight); `None`: uniform.
        weights: Option<Vec<(u32, u32)>>,
    },
    /// A request timed out; its connection closed.
    RequestTimedOut {
        /// The producer.
        producer: String,
        /// The broker.
        broker: String,
        /// Batches that failed.
        batches: usize,
    },
    /// A failed batch will be retried.
    ProduceRetried {
        /// The producer.
        producer: String,
        /// The batch.
        batch: BatchId,
        /// The partition.
        tp: String,
        /// The next attempt.
        next_attempt: u32,
    },
    /// A batch expired after `delivery.timeout.ms`.
    BatchExpired {
        /// The producer.
        producer: String,
        /// The batch.
        batch: BatchId,
        /// The partition.
        tp: String,
        /// Records that failed.
        records: u32,
    },
    /// A producer saw a new partition count.
    MetadataRefreshed {
        /// The producer.
        producer: String,
        /// Partitions it knew.
        from: u32,
        /// Partitions it knows now.
        to: u32,
        /// Keys that move: key, old and new partition.
        moved: Vec<(String, u32, u32)>,
    },
    /// A producer restarted with other settings.
    ProducerConfigChanged {
        /// The producer.
        producer: String,
        /// The settings that differ.
        changes: Vec<ProducerChange>,
    },
}

impl Say for ProduceLine {
    fn say(&self, lang: Lang) -> String {
        match self {
            ProduceLine::RecordCreated {
                producer,
                record,
                key,
                tp,
                partition,
                decision,
            } => {
                let why = decision_text(lang, decision, *partition);
                say!(lang, producer, record, key = words::key(key.as_deref()), tp, why;
                    "{producer} creates {record} key {key} → {tp} ({why})",
                    "{producer}{가} {record} 생성, 키 {key} → {tp} ({why})")
            }
            ProduceLine::BatchSent {
                producer,
                batch,
                records,
                bytes,
                compression,
                uncompressed_bytes,
                attempt,
                leader,
                tp,
            } => {
                let size = if *compression == Compression::None {
                    say!(lang, bytes; "{bytes} B", "{bytes} B")
                } else {
                    say!(lang, bytes, codec = compression.as_config(), uncompressed_bytes;
                        "{bytes} B {codec}, {uncompressed_bytes} B before",
                        "{bytes} B {codec}, 압축 전 {uncompressed_bytes} B")
                };
                let retry = if *attempt > 1 {
                    say!(lang, attempt; ", attempt {attempt}", ", {attempt}번째 시도")
                } else {
                    String::new()
                };
                say!(lang, producer, batch, records, size, retry, leader, tp;
                    "{producer} sends batch {batch} ({records} record(s), {size}{retry}) to {leader}, leader of {tp}",
                    "{producer}{가} {tp}의 리더 {leader}에게 배치 {batch} 보냄 (레코드 {records}개, {size}{retry})")
            }
            ProduceLine::ProduceAcked {
                producer,
                tp,
                base_offset,
                records,
            } => say!(lang, producer, tp, base_offset, records;
                "{producer} receives ack: {tp} offset {base_offset} ({records} record(s))",
                "{producer}{가} 확인 응답 받음: {tp} 오프셋 {base_offset} (레코드 {records}개)"),
            ProduceLine::ProduceAssumed { producer, batch } => say!(lang, producer, batch;
                "{producer} assumes {batch} delivered (acks=0: no answer comes)",
                "{producer}{는} {batch}{가} 전달됐다고 가정 (acks=0: 응답이 오지 않음)"),
            ProduceLine::ProduceFailed {
                producer,
                error,
                batch,
                tp,
            } => say!(lang, producer, error, batch, tp;
                "{producer} receives {error} for {batch} on {tp}",
                "{producer}{가} {tp}의 {batch}에 대해 {error} 받음"),
            ProduceLine::ProducerRate {
                producer,
                records_per_sec,
            } => say!(lang, producer, records_per_sec;
                "{producer} rate set to {records_per_sec} records/s",
                "{producer}{가} 전송 속도를 초당 레코드 {records_per_sec}개로 변경"),
            ProduceLine::StickySwitched {
                producer,
                from,
                produced_bytes,
                to,
                reason,
                weights,
            } => {
                let from = match from {
                    Some(from) => say!(lang, from, produced_bytes;
                        "{from} after {produced_bytes} B",
                        "{from} ({produced_bytes} B 보낸 뒤)"),
                    None => say!(lang; "none", "없음"),
                };
                let how = match weights {
                    Some(weights) => {
                        let list: Vec<String> =
                            weights.iter().map(|(p, w)| format!("p{p}:{w}")).collect();
                        say!(lang, weights = list.join(" "); "adaptive weights {weights}", "적응형 가중치 {weights}")
                    }
                    None => say!(lang; "uniformly at random", "균등하게 무작위로"),
                };
                say!(lang, producer, from, to, reason = words::switch_reason(lang, *reason), how;
                    "{producer} sticky partition {from} → {to} ({reason}; next chosen {how})",
                    "{producer}의 스티키 파티션 {from} → {to} ({reason}; 다음 파티션은 {how} 선택)")
            }
            ProduceLine::RequestTimedOut {
                producer,
                broker,
                batches,
            } => say!(lang, producer, broker, batches;
                "{producer}: no answer from {broker} within request.timeout.ms; connection closed, {batches} batch(es) failed",
                "{producer}: request.timeout.ms 동안 {broker}의 응답이 없어 연결을 닫음, 배치 {batches}개 실패"),
            ProduceLine::ProduceRetried {
                producer,
                batch,
                tp,
                next_attempt,
            } => say!(lang, producer, batch, tp, next_attempt;
                "{producer} will retry batch {batch} for {tp} (attempt {next_attempt}) after retry.backoff.ms",
                "{producer}{가} retry.backoff.ms 뒤에 {tp}의 배치 {batch}{를} 다시 보냄 ({next_attempt}번째 시도)"),
            ProduceLine::BatchExpired {
                producer,
                batch,
                tp,
                records,
            } => say!(lang, producer, batch, tp, records;
                "{producer}: batch {batch} for {tp} expired after delivery.timeout.ms; {records} record(s) failed",
                "{producer}: {tp}의 배치 {batch}{가} delivery.timeout.ms를 넘겨 만료, 레코드 {records}개 실패"),
            ProduceLine::MetadataRefreshed {
                producer,
                from,
                to,
                moved,
            } => {
                let count = moved.len();
                let list = moved_keys(moved);
                let list = if list.is_empty() {
                    list
                } else {
                    format!(": {list}")
                };
                say!(lang, producer, from, to, count, list;
                    "{producer} refreshes metadata: {from} → {to} partitions; {count} key(s) move{list}",
                    "{producer}{가} 메타데이터 갱신: 파티션 {from}개 → {to}개, 옮겨 가는 키 {count}개{list}")
            }
            ProduceLine::ProducerConfigChanged { producer, changes } => {
                let list: Vec<String> = changes.iter().map(|c| change(lang, c)).collect();
                say!(lang, producer, changes = list.join("; ");
                    "{producer} restarted with {changes}",
                    "{producer}{를} 새 설정으로 다시 시작: {changes}")
            }
        }
    }
}

/// Why the partitioner chose the record's partition.
fn decision_text(lang: Lang, decision: &PartitionDecision, partition: u32) -> String {
    match decision {
        PartitionDecision::Explicit => say!(lang;
            "partition named by the record",
            "레코드가 파티션을 직접 지정"),
        PartitionDecision::KeyHash {
            murmur2,
            partitions,
        } => say!(lang, murmur2, partitions, partition;
            "murmur2 = {murmur2}, toPositive % {partitions} = {partition}",
            "murmur2 = {murmur2}, toPositive % {partitions} = {partition}"),
        PartitionDecision::Sticky {
            produced_bytes,
            batch_size,
        } => say!(lang, produced_bytes, batch_size;
            "sticky partition, {produced_bytes} of batch.size {batch_size} B produced to it",
            "스티키 파티션, 이 파티션에 batch.size {batch_size} B 중 {produced_bytes} B 보냄"),
        PartitionDecision::RoundRobin { skipped: None } => say!(lang; "round robin", "라운드 로빈"),
        PartitionDecision::RoundRobin {
            skipped: Some(skipped),
        } => say!(lang, skipped;
            "round robin; p{skipped} skipped: a new batch called partition() twice (KAFKA-9965)",
            "라운드 로빈; 새 배치가 partition()을 두 번 불러 p{skipped}{를} 건너뜀 (KAFKA-9965)"),
    }
}

/// `"alice" p0→p3, "bob" p1→p4`: keys that move.
fn moved_keys(moved: &[(String, u32, u32)]) -> String {
    let list: Vec<String> = moved
        .iter()
        .map(|(k, a, b)| format!("\"{k}\" p{a}→p{b}"))
        .collect();
    list.join(", ")
}
