//! Sentences of the producer panel and the partitioner comparison with
//! values in them. One variant per sentence, one exhaustive `match` per
//! language.

use crate::engine::compare::CompareSpec;
use crate::engine::partitioner::SwitchReason;
use crate::engine::Compression;

use super::lang::{Lang, Say};
use super::template::say;
use super::words;

/// A sentence of the producer panel.
#[derive(Clone, Debug, PartialEq)]
pub enum ProducerLine {
    /// "Producer producer-1 → topic orders".
    Heading {
        /// The producer.
        name: String,
        /// Its topic.
        topic: String,
    },
    /// A key hashed: murmur2, toPositive, modulo.
    KeyHash {
        /// `murmur2` of the key.
        murmur2: i32,
        /// Partitions counted.
        partitions: u32,
        /// The partition.
        partition: u32,
    },
    /// A sticky decision in the partitioner stage.
    StickyDecision {
        /// The partition.
        partition: u32,
        /// Bytes produced to it so far.
        produced: u32,
        /// `batch.size`.
        batch_size: u32,
    },
    /// A round-robin decision (`skipped`: a partition the old one skipped).
    RoundRobin {
        /// The partition.
        partition: u32,
        /// Skipped.
        skipped: Option<u32>,
    },
    /// A partition named by the record.
    ExplicitPartition {
        /// The partition.
        partition: u32,
    },
    /// The sticky partition switched.
    StickySwitch {
        /// The previous sticky partition, if any.
        from: Option<u32>,
        /// The new one.
        to: u32,
        /// Why.
        reason: SwitchReason,
        /// Bytes produced to the previous one.
        produced_bytes: u32,
        /// Adaptive weights (partition, weight); `None`: uniform.
        weights: Option<Vec<(u32, u32)>>,
    },
    /// The sticky state: a sticky partition.
    StickyState {
        /// The sticky partition.
        partition: u32,
        /// Bytes produced to it.
        produced: u32,
        /// `batch.size`.
        batch_size: u32,
    },
    /// The round-robin counter.
    RoundRobinCounter {
        /// Its value.
        counter: i32,
    },
    /// No null-key record yet.
    NoStickyYet,
    /// A batch waits for its retry.
    RetryIn {
        /// Ms until the retry.
        ms: u64,
    },
    /// A batch lingers.
    Lingering {
        /// Its age, ms.
        age_ms: u64,
        /// `linger.ms`.
        linger_ms: u64,
    },
    /// A waiting batch.
    OpenBatch {
        /// Its partition.
        partition: u32,
        /// The batch (`b3`).
        batch: String,
        /// Records in it.
        records: usize,
        /// Estimated bytes.
        estimated: u32,
        /// `batch.size`.
        batch_size: u32,
    },
    /// A batch's fill, for screen readers.
    Fill {
        /// Percent.
        percent: f64,
    },
    /// A batch sent.
    SentBatch {
        /// The batch.
        batch: String,
        /// Its partition.
        partition: u32,
        /// Records.
        records: u32,
        /// Bytes on the wire.
        bytes: u32,
        /// Its codec.
        compression: Compression,
        /// Bytes before compression.
        uncompressed_bytes: u32,
        /// 1 for the first send.
        attempt: u32,
    },
    /// The accumulator's settings.
    BatchesHint {
        /// `batch.size`.
        batch_size: u32,
        /// `linger.ms`.
        linger_ms: u64,
        /// `compression.type`.
        compression: Compression,
        /// The compression ratio estimate.
        ratio: f32,
        /// Requests in flight.
        in_flight: u32,
        /// `max.in.flight.requests.per.connection`.
        max_in_flight: u32,
        /// Idempotence in force.
        idempotent: bool,
    },
    /// The producer's counters.
    Counters {
        /// Acknowledged.
        acknowledged: u64,
        /// Retries.
        retries: u64,
        /// Duplicates dropped by idempotence.
        duplicates_dropped: u64,
        /// Duplicates appended.
        duplicates_appended: u64,
        /// Failed.
        failed: u64,
    },
    /// A record typed by hand, where it landed.
    HandRecord {
        /// The record.
        record: String,
        /// Its key, as the event log writes it.
        key: String,
        /// Its value.
        value: String,
        /// Its partition.
        tp: String,
        /// Its offset.
        offset: u64,
    },
    /// The partition count field.
    PartitionsLabel {
        /// The topic.
        topic: String,
    },
    /// The add-partitions button.
    SetPartitionCount {
        /// Partitions now.
        now: u32,
    },
    /// The producer has not seen the new partition count yet.
    MetadataPending {
        /// Partitions of the topic.
        total: u32,
        /// The producer.
        producer: String,
        /// Partitions it knows.
        known: u32,
        /// Its next refresh, simulated s.
        next_s: f64,
        /// `metadata.max.age.ms`, s.
        age_s: u64,
    },
    /// A key that moves to another partition.
    KeyMoves {
        /// The key.
        key: String,
        /// Its partition before.
        from: u32,
        /// After.
        to: u32,
    },
    /// A key that stays.
    KeyStays {
        /// The key.
        key: String,
        /// Its partition.
        partition: u32,
    },
    /// The moved-keys heading.
    KeysAfter {
        /// Partitions before.
        from: u32,
        /// After.
        to: u32,
        /// Keys that moved.
        moved: usize,
        /// Keys in the set.
        total: usize,
    },
    /// An explicit partition option.
    PartitionOption {
        /// The partition.
        partition: u32,
    },
    /// The comparison's parameters.
    CompareSpec(CompareSpec),
    /// A count of records in a comparison column.
    Records {
        /// How many.
        n: u32,
    },
    /// A count of batches.
    Batches {
        /// How many.
        n: u32,
    },
}

/// A batch's size: on the wire, and before compression with the ratio.
fn size(bytes: u32, compression: Compression, uncompressed: u32) -> String {
    if compression == Compression::None {
        return format!("{bytes} B");
    }
    format!(
        "{uncompressed} B → {bytes} B {} ({:.0}%)",
        compression.as_config(),
        f64::from(bytes) * 100.0 / f64::from(uncompressed)
    )
}

fn weights_list(w: &[(u32, u32)]) -> String {
    let list: Vec<String> = w.iter().map(|(p, w)| format!("p{p}×{w}")).collect();
    list.join(" ")
}

impl Say for ProducerLine {
    fn say(&self, lang: Lang) -> String {
        match self {
            ProducerLine::Heading { name, topic } => say!(lang, name, topic;
                "Producer {name} → topic {topic}",
                "프로듀서 {name} → 토픽 {topic}"),
            ProducerLine::KeyHash {
                murmur2,
                partitions,
                partition,
            } => say!(lang,
                murmur2, positive = *murmur2 & 0x7fff_ffff, partitions, partition;
                "murmur2 = {murmur2} → toPositive = {positive} → % {partitions} = p{partition}",
                "murmur2 = {murmur2} → toPositive = {positive} → % {partitions} = p{partition}"),
            ProducerLine::StickyDecision {
                partition,
                produced,
                batch_size,
            } => say!(lang, partition, produced, batch_size;
                "sticky p{partition} ({produced} of {batch_size} B produced to it)",
                "스티키 p{partition} (이 파티션에 {batch_size} B 중 {produced} B 보냄)"),
            ProducerLine::RoundRobin {
                partition,
                skipped: None,
            } => say!(lang, partition;
                "round robin → p{partition}",
                "라운드 로빈 → p{partition}"),
            ProducerLine::RoundRobin {
                partition,
                skipped: Some(skipped),
            } => say!(lang, partition, skipped;
                "round robin → p{partition} (p{skipped} skipped: new batch, partition() called twice)",
                "라운드 로빈 → p{partition} (p{skipped} 건너뜀: 새 배치라 partition()이 두 번 불림)"),
            ProducerLine::ExplicitPartition { partition } => say!(lang, partition;
                "explicit partition p{partition}",
                "직접 지정한 파티션 p{partition}"),
            ProducerLine::StickySwitch {
                from,
                to,
                reason,
                produced_bytes,
                weights,
            } => {
                let how = match weights {
                    None => say!(lang;
                        "uniform random among partitions with a leader",
                        "리더가 있는 파티션 중에서 균등하게 무작위로"),
                    Some(weights) => say!(lang, weights = weights_list(weights);
                        "adaptive weights {weights}",
                        "적응형 가중치 {weights}"),
                };
                say!(lang,
                    from = from.map_or("—".to_string(), |f| format!("p{f}")),
                    to, reason = words::switch_reason(lang, *reason), produced_bytes, how;
                    " sticky {from} → p{to}: {reason} after {produced_bytes} B; {how}",
                    " 스티키 {from} → p{to}: {reason} ({produced_bytes} B 보낸 뒤), {how} 선택")
            }
            ProducerLine::StickyState {
                partition,
                produced,
                batch_size,
            } => say!(lang, partition, produced, batch_size;
                "sticky partition for null keys: p{partition}, {produced} of {batch_size} B (switch at batch.size with a full batch, or 2 × batch.size)",
                "null 키의 스티키 파티션: p{partition}, {batch_size} B 중 {produced} B (batch.size에 이르고 배치가 가득 차거나, 2 × batch.size에 이르면 바뀜)"),
            ProducerLine::RoundRobinCounter { counter } => say!(lang, counter;
                "round robin counter: {counter}",
                "라운드 로빈 카운터: {counter}"),
            ProducerLine::NoStickyYet => say!(lang;
                "no null-key record yet: no sticky partition",
                "아직 null 키 레코드가 없어 스티키 파티션도 없음"),
            ProducerLine::RetryIn { ms } => say!(lang, ms; "retry in {ms} ms", "{ms} ms 뒤 재시도"),
            ProducerLine::Lingering { age_ms, linger_ms } => say!(lang, age_ms, linger_ms;
                "lingering {age_ms}/{linger_ms} ms",
                "대기 중 {age_ms}/{linger_ms} ms"),
            ProducerLine::OpenBatch {
                partition,
                batch,
                records,
                estimated,
                batch_size,
            } => say!(lang,
                partition, batch, records, estimated, batch_size;
                "p{partition} {batch} · {records} rec · {estimated} / {batch_size} B",
                "p{partition} {batch} · {records}건 · {estimated} / {batch_size} B"),
            ProducerLine::Fill { percent } => say!(lang, percent = format!("{percent:.0}");
                "{percent}% full",
                "{percent}% 참"),
            ProducerLine::SentBatch {
                batch,
                partition,
                records,
                bytes,
                compression,
                uncompressed_bytes,
                attempt,
            } => {
                let retry = if *attempt > 1 {
                    say!(lang, attempt; " · attempt {attempt}", " · {attempt}번째 시도")
                } else {
                    String::new()
                };
                say!(lang, batch, partition, records, size = size(*bytes, *compression, *uncompressed_bytes), retry;
                    "{batch} → p{partition}: {records} rec, {size}{retry}",
                    "{batch} → p{partition}: {records}건, {size}{retry}")
            }
            ProducerLine::BatchesHint {
                batch_size,
                linger_ms,
                compression,
                ratio,
                in_flight,
                max_in_flight,
                idempotent,
            } => {
                let idempotence = if *idempotent {
                    say!(lang; "on", "켜짐")
                } else {
                    say!(lang; "off", "꺼짐")
                };
                say!(lang, batch_size, linger_ms, compression = compression.as_config(), ratio = format!("{ratio:.3}"),
                    in_flight, max_in_flight, idempotence;
                    "batch.size {batch_size} B · linger.ms {linger_ms} · compression {compression} (ratio estimate {ratio}) · in flight {in_flight} of max {max_in_flight} per broker · idempotence {idempotence}",
                    "batch.size {batch_size} B · linger.ms {linger_ms} · 압축 {compression} (압축률 추정 {ratio}) · 전송 중 {in_flight} (브로커당 최대 {max_in_flight}) · 멱등성 {idempotence}")
            }
            ProducerLine::Counters {
                acknowledged,
                retries,
                duplicates_dropped,
                duplicates_appended,
                failed,
            } => say!(lang,
                acknowledged, retries, duplicates_dropped, duplicates_appended, failed;
                "acknowledged {acknowledged} · retries {retries} · duplicates dropped by idempotence {duplicates_dropped} · duplicates appended {duplicates_appended} · failed (delivery.timeout.ms) {failed}",
                "확인 응답 {acknowledged} · 재시도 {retries} · 멱등성으로 걸러진 중복 {duplicates_dropped} · 기록된 중복 {duplicates_appended} · 실패 (delivery.timeout.ms) {failed}"),
            ProducerLine::HandRecord {
                record,
                key,
                value,
                tp,
                offset,
            } => say!(lang, record, key, value, tp, offset;
                "{record} key {key} value \"{value}\" → {tp} offset {offset}",
                "{record} 키 {key} 값 \"{value}\" → {tp} 오프셋 {offset}"),
            ProducerLine::PartitionsLabel { topic } => {
                say!(lang, topic; "{topic} partitions: ", "{topic} 파티션 수: ")
            }
            ProducerLine::SetPartitionCount { now } => say!(lang, now;
                "Set partition count (now {now})",
                "파티션 수 바꾸기 (지금 {now}개)"),
            ProducerLine::MetadataPending {
                total,
                producer,
                known,
                next_s,
                age_s,
            } => say!(lang,
                total, producer, known, next_s = format!("{next_s:.1}"), age_s;
                "The topic has {total} partitions; {producer} still uses {known} until its next metadata refresh at {next_s} s (metadata.max.age.ms = {age_s} s).",
                "토픽의 파티션은 {total}개지만, {producer}{는} 다음 메타데이터 갱신({next_s} s, metadata.max.age.ms = {age_s} s)까지 {known}개만 씁니다."),
            ProducerLine::KeyMoves { key, from, to } => say!(lang, key, from, to;
                "⇄ \"{key}\": p{from} → p{to}",
                "⇄ \"{key}\": p{from} → p{to}"),
            ProducerLine::KeyStays { key, partition } => say!(lang, key, partition;
                "\"{key}\": stays in p{partition}",
                "\"{key}\": p{partition}에 그대로"),
            ProducerLine::KeysAfter {
                from,
                to,
                moved,
                total,
            } => say!(lang, from, to, moved, total;
                "Keys after {from} → {to} partitions: {moved} of {total} moved",
                "파티션 {from} → {to}개 뒤의 키: {total}개 중 {moved}개가 이동"),
            ProducerLine::PartitionOption { partition } => say!(lang, partition;
                "p{partition} (explicit)",
                "p{partition} (직접 지정)"),
            ProducerLine::CompareSpec(CompareSpec {
                partitions,
                records,
                keys: _,
                null_key_percent,
                value_bytes: _,
                batch_size,
                linger_ms,
                records_per_sec,
                seed: _,
            }) => {
                say!(lang, records, null_key_percent, records_per_sec, batch_size, linger_ms, partitions;
                    "{records} records, {null_key_percent}% null keys, {records_per_sec}/s, batch.size {batch_size} B, linger.ms {linger_ms}, {partitions} partitions; same stream and seed for each column.",
                    "레코드 {records}개, null 키 {null_key_percent}%, 초당 {records_per_sec}개, batch.size {batch_size} B, linger.ms {linger_ms}, 파티션 {partitions}개. 모든 열에 같은 레코드와 같은 시드를 씁니다.")
            }
            ProducerLine::Records { n } => say!(lang, n; "{n} records", "레코드 {n}개"),
            ProducerLine::Batches { n } => say!(lang, n; "{n} batches", "배치 {n}개"),
        }
    }
}
