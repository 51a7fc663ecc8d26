//! Texts of the producer panel and of the partitioner comparison.

use super::Lang;
use crate::engine::compare::{CompareSpec, STRATEGIES};
use crate::engine::partitioner::SwitchReason;
use crate::engine::ProducerConfig;
use crate::text::en_words::strategy;

/// Fixed texts of the producer panel.
#[derive(Debug, PartialEq)]
pub struct ProducerTexts {
    /// "Producer" (heading, aria-label).
    pub producer: &'static str,
    /// "topic" in the heading.
    pub topic: &'static str,
    /// Settings legend.
    pub settings: &'static str,
    /// Rate label.
    pub rate: &'static str,
    /// Keys label.
    pub keys: &'static str,
    /// Visible names of the key sets, in the order of `KEY_SETS`.
    pub key_sets: [&'static str; crate::ui::producer_panel::KEY_SETS.len()],
    /// A key set typed elsewhere.
    pub custom: &'static str,
    /// Partitioner label.
    pub partitioner: &'static str,
    /// The built-in partitioner option.
    pub builtin_option: &'static str,
    /// The old round-robin option.
    pub rr_legacy_option: &'static str,
    /// Adaptive partitioning checkbox.
    pub adaptive: &'static str,
    /// Send mode label.
    pub send_mode: &'static str,
    /// Async option.
    pub async_option: &'static str,
    /// Sync option.
    pub sync_option: &'static str,
    /// Idempotence asked for but off.
    pub idempotence_off: &'static str,
    /// Hint about the partitioners' names.
    pub hint_partitioners: &'static str,
    /// Hint about changing settings.
    pub hint_restart: &'static str,
    /// Send form aria-label.
    pub send_a_record: &'static str,
    /// Key field.
    pub key: &'static str,
    /// Null key checkbox.
    pub null_key: &'static str,
    /// Value field.
    pub value: &'static str,
    /// Partition field.
    pub partition: &'static str,
    /// No explicit partition.
    pub partitioner_decides: &'static str,
    /// An explicit partition.
    pub explicit: &'static str,
    /// Send button.
    pub send: &'static str,
    /// Partitioner stage aria-label.
    pub decisions: &'static str,
    /// Partitioner stage heading.
    pub partitioner_heading: &'static str,
    /// Batches heading.
    pub batches: &'static str,
    /// No batch waiting.
    pub no_batch_waiting: &'static str,
    /// A full batch.
    pub full_leaves_now: &'static str,
    /// Hand records heading.
    pub hand_records: &'static str,
    /// Add partitions heading.
    pub add_partitions: &'static str,
    /// Warning title.
    pub keys_may_move: &'static str,
    /// Warning text.
    pub keys_may_move_text: &'static str,
    /// "on".
    pub on: &'static str,
    /// "off".
    pub off: &'static str,
}

/// English.
pub const PRODUCER_EN: ProducerTexts = ProducerTexts {
    producer: "Producer",
    topic: "topic",
    settings: "Settings",
    rate: "Rate",
    keys: "Keys",
    key_sets: ["names", "Korean names", "12 users", "null keys"],
    custom: "custom",
    partitioner: "partitioner",
    builtin_option: "built-in: murmur2 for keys, sticky for null keys",
    rr_legacy_option: "RoundRobinPartitioner, Kafka 2.4–3.8 (skips)",
    adaptive: " adaptive partitioning",
    send_mode: "send",
    async_option: "async (up to max.in.flight 5)",
    sync_option: "sync: send().get()",
    idempotence_off: " enable.idempotence (off: needs acks=all)",
    hint_partitioners: "Built-in = no partitioner.class (Kafka 3.3+). Older posts call it DefaultPartitioner (murmur2 for keys) and UniformStickyPartitioner, both removed in Kafka 4.0. The old RoundRobinPartitioner skips partitions because a new batch calls partition() twice (KAFKA-9965, fixed in 3.9 by KAFKA-17632).",
    hint_restart: "Kafka fixes a producer's settings when it is created: a change here stands for restarting the producer with the new settings. Batches already queued are still delivered.",
    send_a_record: "Send a record",
    key: "key",
    null_key: " null key",
    value: "value",
    partition: "partition",
    partitioner_decides: "partitioner decides",
    explicit: "explicit",
    send: "Send",
    decisions: "Partitioner decisions",
    partitioner_heading: "Partitioner",
    batches: "Batches",
    no_batch_waiting: "no batch waiting",
    full_leaves_now: "full: leaves now",
    hand_records: "Your records, as stored by the leaders",
    add_partitions: "Add partitions",
    keys_may_move: "⚠ Keys may move. ",
    keys_may_move_text: "A keyed record goes to murmur2(key) % partitions: with more partitions many keys map elsewhere. Records already written stay where they are, so the order per key breaks across the change. Kafka can add partitions, never remove them.",
    on: "on",
    off: "off",
};

/// Korean.
pub const PRODUCER_KO: ProducerTexts = ProducerTexts {
    producer: "프로듀서",
    topic: "토픽",
    settings: "설정",
    rate: "전송 속도",
    keys: "키",
    key_sets: ["영어 이름", "한국어 이름", "사용자 12명", "null 키"],
    custom: "직접 지정",
    partitioner: "파티셔너",
    builtin_option: "기본 내장: 키가 있으면 murmur2, null 키면 스티키",
    rr_legacy_option: "RoundRobinPartitioner, Kafka 2.4–3.8 (파티션을 건너뜀)",
    adaptive: " 적응형 파티셔닝",
    send_mode: "전송 방식",
    async_option: "비동기 (max.in.flight 5개까지)",
    sync_option: "동기: send().get()",
    idempotence_off: " enable.idempotence (꺼짐: acks=all 필요)",
    hint_partitioners: "기본 내장 = partitioner.class를 지정하지 않음 (Kafka 3.3+). 예전 글에서는 DefaultPartitioner(키는 murmur2)와 UniformStickyPartitioner라고 부르는데, 둘 다 Kafka 4.0에서 없어졌습니다. 예전 RoundRobinPartitioner는 새 배치를 만들 때 partition()을 두 번 불러서 파티션을 건너뜁니다 (KAFKA-9965, 3.9에서 KAFKA-17632로 수정).",
    hint_restart: "Kafka는 프로듀서를 만들 때 설정을 고정합니다. 여기서 설정을 바꾸는 것은 새 설정으로 프로듀서를 다시 시작하는 것과 같습니다. 이미 쌓인 배치는 그대로 전달됩니다.",
    send_a_record: "레코드 보내기",
    key: "키",
    null_key: " null 키",
    value: "값",
    partition: "파티션",
    partitioner_decides: "파티셔너가 결정",
    explicit: "직접 지정",
    send: "보내기",
    decisions: "파티셔너의 결정",
    partitioner_heading: "파티셔너",
    batches: "배치",
    no_batch_waiting: "기다리는 배치 없음",
    full_leaves_now: "가득 참: 바로 전송",
    hand_records: "직접 보낸 레코드 (리더에 저장된 모습)",
    add_partitions: "파티션 추가",
    keys_may_move: "⚠ 키가 다른 파티션으로 옮겨질 수 있습니다. ",
    keys_may_move_text: "키가 있는 레코드는 murmur2(key) % 파티션 수로 갑니다. 파티션이 늘면 많은 키가 다른 파티션에 배정됩니다. 이미 쓰인 레코드는 그 자리에 남으므로, 변경 전후로 키별 순서가 깨집니다. Kafka는 파티션을 늘릴 수는 있어도 줄일 수는 없습니다.",
    on: "켜짐",
    off: "꺼짐",
};

/// Fixed texts of the partitioner comparison.
#[derive(Debug, PartialEq)]
pub struct CompareTexts {
    /// Section aria-label.
    pub label: &'static str,
    /// Heading.
    pub heading: &'static str,
    /// Records select.
    pub records: &'static str,
    /// Null keys select.
    pub null_keys: &'static str,
    /// Rate select.
    pub rate: &'static str,
    /// Run button.
    pub run: &'static str,
    /// Hint before the first run.
    pub before_run: &'static str,
    /// Each strategy's visible name and settings, in the order of
    /// [`STRATEGIES`] (a new strategy without a translation does not compile).
    pub strategies: [(&'static str, &'static str); STRATEGIES.len()],
}

/// English.
pub const COMPARE_EN: CompareTexts = CompareTexts {
    label: "Partitioners compared",
    heading: "Partitioners side by side",
    records: "records",
    null_keys: "null keys",
    rate: "rate",
    run: "Run comparison",
    before_run: "Run to stream the same records through each partitioner.",
    strategies: [
        strategy(STRATEGIES[0]),
        strategy(STRATEGIES[1]),
        strategy(STRATEGIES[2]),
        strategy(STRATEGIES[3]),
    ],
};

/// Korean.
pub const COMPARE_KO: CompareTexts = CompareTexts {
    label: "파티셔너 비교",
    heading: "파티셔너 나란히 비교",
    records: "레코드 수",
    null_keys: "null 키 비율",
    rate: "초당 전송",
    run: "비교 실행",
    before_run: "실행하면 같은 레코드를 파티셔너마다 흘려 보냅니다.",
    strategies: [
        (
            "키 해시",
            "기본 파티셔너: murmur2(key) % 파티션 수, null 키는 스티키",
        ),
        (
            "스티키",
            "partitioner.ignore.keys=true: 모든 레코드를 스티키로 (KIP-794)",
        ),
        (
            "라운드 로빈",
            "partitioner.class=RoundRobinPartitioner (Kafka 3.9+/4.x)",
        ),
        (
            "라운드 로빈 ≤ 3.8",
            "KAFKA-17632 이전의 RoundRobinPartitioner: 파티션을 건너뜀 (KAFKA-9965)",
        ),
    ],
};

/// "Producer producer-1 → topic orders".
#[must_use]
pub fn producer_heading(lang: Lang, name: &str, topic: &str) -> String {
    match lang {
        Lang::En => format!("Producer {name} → topic {topic}"),
        Lang::Ko => format!("프로듀서 {name} → 토픽 {topic}"),
    }
}

/// Why the sticky partition switched.
#[must_use]
pub fn switch_reason(lang: Lang, reason: SwitchReason) -> &'static str {
    match lang {
        Lang::En => crate::text::en_words::switch_reason(reason),
        Lang::Ko => match reason {
            SwitchReason::First => "키 없는 첫 레코드",
            SwitchReason::BatchSizeAndFull => "batch.size 바이트 이상 보냈고 배치가 가득 참",
            SwitchReason::TwiceBatchSize => "2 × batch.size 바이트 이상 보냄",
        },
    }
}

/// A sticky decision in the partitioner stage.
#[must_use]
pub fn sticky_decision(lang: Lang, partition: u32, produced: u32, batch_size: u32) -> String {
    match lang {
        Lang::En => format!("sticky p{partition} ({produced} of {batch_size} B produced to it)"),
        Lang::Ko => {
            format!("스티키 p{partition} (이 파티션에 {batch_size} B 중 {produced} B 보냄)")
        }
    }
}

/// A round-robin decision; `skipped` names a partition the old partitioner skipped.
#[must_use]
pub fn round_robin(lang: Lang, partition: u32, skipped: Option<u32>) -> String {
    match (lang, skipped) {
        (Lang::En, None) => format!("round robin → p{partition}"),
        (Lang::En, Some(s)) => format!(
            "round robin → p{partition} (p{s} skipped: new batch, partition() called twice)"
        ),
        (Lang::Ko, None) => format!("라운드 로빈 → p{partition}"),
        (Lang::Ko, Some(s)) => {
            format!("라운드 로빈 → p{partition} (p{s} 건너뜀: 새 배치라 partition()이 두 번 불림)")
        }
    }
}

/// The same, short, for the producer's box in the picture.
#[must_use]
pub fn round_robin_short(lang: Lang, partition: u32, skipped: Option<u32>) -> String {
    match (lang, skipped) {
        (Lang::En, None) => format!("round robin → p{partition}"),
        (Lang::En, Some(s)) => format!("round robin → p{partition} (skips p{s})"),
        (Lang::Ko, None) => format!("라운드 로빈 → p{partition}"),
        (Lang::Ko, Some(s)) => format!("라운드 로빈 → p{partition} (p{s} 건너뜀)"),
    }
}

/// An explicit partition in the partitioner stage.
#[must_use]
pub fn explicit_partition(lang: Lang, partition: u32) -> String {
    match lang {
        Lang::En => format!("explicit partition p{partition}"),
        Lang::Ko => format!("직접 지정한 파티션 p{partition}"),
    }
}

/// How the next sticky partition was picked.
#[must_use]
pub fn switch_how(lang: Lang, weights: Option<&[(u32, u32)]>) -> String {
    match (lang, weights) {
        (Lang::En, None) => "uniform random among partitions with a leader".to_string(),
        (Lang::Ko, None) => "리더가 있는 파티션 중에서 균등하게 무작위로".to_string(),
        (lang, Some(w)) => {
            let list: Vec<String> = w.iter().map(|(p, w)| format!("p{p}×{w}")).collect();
            match lang {
                Lang::En => format!("adaptive weights {}", list.join(" ")),
                Lang::Ko => format!("적응형 가중치 {}", list.join(" ")),
            }
        }
    }
}

/// A sticky switch line: ` sticky p0 → p2: reason after 16384 B; how`.
#[must_use]
pub fn sticky_switch(
    lang: Lang,
    from: &str,
    to: u32,
    reason: SwitchReason,
    produced_bytes: u32,
    how: &str,
) -> String {
    let why = switch_reason(lang, reason);
    match lang {
        Lang::En => format!(" sticky {from} → p{to}: {why} after {produced_bytes} B; {how}"),
        Lang::Ko => {
            format!(" 스티키 {from} → p{to}: {why} ({produced_bytes} B 보낸 뒤), {how} 선택")
        }
    }
}

/// The sticky state line: `Some((partition, produced, batch_size))` with a
/// sticky partition, else the round-robin counter or nothing yet.
#[must_use]
pub fn sticky_state(
    lang: Lang,
    sticky: Option<(u32, u32, u32)>,
    round_robin_counter: Option<i32>,
) -> String {
    match (lang, sticky, round_robin_counter) {
        (Lang::En, Some((s, produced, batch)), _) => format!(
            "sticky partition for null keys: p{s}, {produced} of {batch} B (switch at batch.size with a full batch, or 2 × batch.size)"
        ),
        (Lang::Ko, Some((s, produced, batch)), _) => format!(
            "null 키의 스티키 파티션: p{s}, {batch} B 중 {produced} B (batch.size에 이르고 배치가 가득 차거나, 2 × batch.size에 이르면 바뀜)"
        ),
        (Lang::En, None, Some(c)) => format!("round robin counter: {c}"),
        (Lang::Ko, None, Some(c)) => format!("라운드 로빈 카운터: {c}"),
        (Lang::En, None, None) => "no null-key record yet: no sticky partition".to_string(),
        (Lang::Ko, None, None) => "아직 null 키 레코드가 없어 스티키 파티션도 없음".to_string(),
    }
}

/// A waiting batch's state.
#[must_use]
pub fn retry_in(lang: Lang, ms: u64) -> String {
    match lang {
        Lang::En => format!("retry in {ms} ms"),
        Lang::Ko => format!("{ms} ms 뒤 재시도"),
    }
}

/// A lingering batch.
#[must_use]
pub fn lingering(lang: Lang, age_ms: u64, linger_ms: u64) -> String {
    match lang {
        Lang::En => format!("lingering {age_ms}/{linger_ms} ms"),
        Lang::Ko => format!("대기 중 {age_ms}/{linger_ms} ms"),
    }
}

/// A waiting batch: partition, id, records, estimated and maximum bytes.
#[must_use]
pub fn open_batch(lang: Lang, part: u32, id: &str, records: usize, est: u32, max: u32) -> String {
    match lang {
        Lang::En => format!("p{part} {id} · {records} rec · {est} / {max} B"),
        Lang::Ko => format!("p{part} {id} · {records}건 · {est} / {max} B"),
    }
}

/// A batch's fill bar, for screen readers.
#[must_use]
pub fn fill_label(lang: Lang, percent: f64) -> String {
    match lang {
        Lang::En => format!("{percent:.0}% full"),
        Lang::Ko => format!("{percent:.0}% 참"),
    }
}

/// A batch sent: `b-3 → p1: 4 rec, 400 B · attempt 2`.
#[must_use]
pub fn sent_batch(
    lang: Lang,
    batch: &str,
    partition: u32,
    records: u32,
    size: &str,
    attempt: u32,
) -> String {
    match lang {
        Lang::En => {
            let retry = if attempt > 1 {
                format!(" · attempt {attempt}")
            } else {
                String::new()
            };
            format!("{batch} → p{partition}: {records} rec, {size}{retry}")
        }
        Lang::Ko => {
            let retry = if attempt > 1 {
                format!(" · {attempt}번째 시도")
            } else {
                String::new()
            };
            format!("{batch} → p{partition}: {records}건, {size}{retry}")
        }
    }
}

/// The accumulator's settings line.
#[must_use]
pub fn batches_hint(lang: Lang, c: &ProducerConfig, ratio: f32, in_flight: u32) -> String {
    let (batch_size, linger_ms, compression, max_in_flight) = (
        c.batch_size,
        c.linger_ms,
        c.compression.as_config(),
        c.max_in_flight,
    );
    let t = lang.texts();
    let idem = if c.idempotent() {
        t.producer.on
    } else {
        t.producer.off
    };
    match lang {
        Lang::En => format!(
            "batch.size {batch_size} B · linger.ms {linger_ms} · compression {compression} (ratio estimate {ratio:.3}) · in flight {in_flight} of max {max_in_flight} per broker · idempotence {idem}"
        ),
        Lang::Ko => format!(
            "batch.size {batch_size} B · linger.ms {linger_ms} · 압축 {compression} (압축률 추정 {ratio:.3}) · 전송 중 {in_flight} (브로커당 최대 {max_in_flight}) · 멱등성 {idem}"
        ),
    }
}

/// The producer's counters.
#[must_use]
pub fn producer_counters(
    lang: Lang,
    acknowledged: u64,
    retries: u64,
    dup_ignored: u64,
    dup_appended: u64,
    failed: u64,
) -> String {
    match lang {
        Lang::En => format!(
            "acknowledged {acknowledged} · retries {retries} · duplicates dropped by idempotence {dup_ignored} · duplicates appended {dup_appended} · failed (delivery.timeout.ms) {failed}"
        ),
        Lang::Ko => format!(
            "확인 응답 {acknowledged} · 재시도 {retries} · 멱등성으로 걸러진 중복 {dup_ignored} · 기록된 중복 {dup_appended} · 실패 (delivery.timeout.ms) {failed}"
        ),
    }
}

/// A record typed by hand, where it landed.
#[must_use]
pub fn hand_record(lang: Lang, id: &str, key: &str, value: &str, tp: &str, offset: u64) -> String {
    match lang {
        Lang::En => format!("{id} key {key} value \"{value}\" → {tp} offset {offset}"),
        Lang::Ko => format!("{id} 키 {key} 값 \"{value}\" → {tp} 오프셋 {offset}"),
    }
}

/// The partition count field's label.
#[must_use]
pub fn partitions_label(lang: Lang, topic: &str) -> String {
    match lang {
        Lang::En => format!("{topic} partitions: "),
        Lang::Ko => format!("{topic} 파티션 수: "),
    }
}

/// The add-partitions button.
#[must_use]
pub fn set_partition_count(lang: Lang, now: u32) -> String {
    match lang {
        Lang::En => format!("Set partition count (now {now})"),
        Lang::Ko => format!("파티션 수 바꾸기 (지금 {now}개)"),
    }
}

/// The producer has not seen the new partition count yet.
#[must_use]
pub fn metadata_pending(
    lang: Lang,
    total: u32,
    producer: &str,
    known: u32,
    next_s: f64,
    age_s: u64,
) -> String {
    match lang {
        Lang::En => format!(
            "The topic has {total} partitions; {producer} still uses {known} until its next metadata refresh at {next_s:.1} s (metadata.max.age.ms = {age_s} s)."
        ),
        Lang::Ko => format!(
            "토픽의 파티션은 {total}개지만, {producer}는 다음 메타데이터 갱신({next_s:.1} s, metadata.max.age.ms = {age_s} s)까지 {known}개만 씁니다."
        ),
    }
}

/// A key that stays in its partition.
#[must_use]
pub fn key_stays(lang: Lang, key: &str, partition: u32) -> String {
    match lang {
        Lang::En => format!("\"{key}\": stays in p{partition}"),
        Lang::Ko => format!("\"{key}\": p{partition}에 그대로"),
    }
}

/// The moved-keys heading.
#[must_use]
pub fn keys_after(lang: Lang, from: u32, to: u32, moved: usize, total: usize) -> String {
    match lang {
        Lang::En => format!("Keys after {from} → {to} partitions: {moved} of {total} moved"),
        Lang::Ko => format!("파티션 {from} → {to}개 뒤의 키: {total}개 중 {moved}개 이동"),
    }
}

/// The comparison's parameters.
#[must_use]
pub fn compare_spec(lang: Lang, spec: &CompareSpec) -> String {
    let CompareSpec {
        records,
        null_key_percent,
        records_per_sec,
        batch_size,
        linger_ms,
        partitions,
        ..
    } = spec;
    match lang {
        Lang::En => format!(
            "{records} records, {null_key_percent}% null keys, {records_per_sec}/s, batch.size {batch_size} B, linger.ms {linger_ms}, {partitions} partitions; same stream and seed for each column."
        ),
        Lang::Ko => format!(
            "레코드 {records}개, null 키 {null_key_percent}%, {records_per_sec}/s, batch.size {batch_size} B, linger.ms {linger_ms}, 파티션 {partitions}개. 모든 열에 같은 레코드와 같은 시드를 씁니다."
        ),
    }
}

/// A count of records (bar label).
#[must_use]
pub fn records_count(lang: Lang, n: u32) -> String {
    match lang {
        Lang::En => format!("{n} records"),
        Lang::Ko => format!("레코드 {n}개"),
    }
}

/// A count of batches.
#[must_use]
pub fn batches_count(lang: Lang, n: u32) -> String {
    match lang {
        Lang::En => format!("{n} batches"),
        Lang::Ko => format!("배치 {n}개"),
    }
}
