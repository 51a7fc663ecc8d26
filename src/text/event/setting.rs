//! A producer's settings that changed, as the event log lists them
//! (`linger.ms 5 → 20`): Kafka's config names stay, the few settings and
//! values that are words are said in the reader's language.

use crate::engine::{Partitioner, ProducerConfig, SendMode};
use crate::text::lang::Lang;
use crate::text::words;

/// One producer setting that changed, before and after.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProducerChange {
    /// The setting.
    pub setting: ProducerSetting,
    /// Its value before.
    pub old: SettingValue,
    /// And now.
    pub new: SettingValue,
}

/// A producer setting (Kafka's config where it has one).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProducerSetting {
    /// `partitioner.class` (the built-in one or a round robin).
    Partitioner,
    /// `partitioner.ignore.keys`.
    IgnoreKeys,
    /// `partitioner.adaptive.partitioning.enable`.
    Adaptive,
    /// `batch.size`.
    BatchSize,
    /// `linger.ms`.
    LingerMs,
    /// `compression.type`.
    Compression,
    /// `acks`.
    Acks,
    /// Sync or async sending.
    Mode,
    /// `enable.idempotence`.
    Idempotence,
    /// `max.in.flight.requests.per.connection`.
    MaxInFlight,
    /// The key set.
    Keys,
    /// Bytes of a generated value.
    ValueBytes,
    /// `request.timeout.ms`.
    RequestTimeout,
    /// `delivery.timeout.ms`.
    DeliveryTimeout,
    /// `retry.backoff.ms`.
    RetryBackoff,
    /// `metadata.max.age.ms`.
    MetadataMaxAge,
}

/// A producer setting's value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SettingValue {
    /// As Kafka writes it (a number, `true`, `gzip`, `all`, keys joined by commas).
    Plain(String),
    /// A partitioner.
    Partitioner(Partitioner),
    /// A send mode.
    Mode(SendMode),
}

/// The settings that differ between two producer configs (the rate is
/// changed on its own and not listed), in the order the panel lists them.
#[must_use]
pub fn producer_changes(a: &ProducerConfig, b: &ProducerConfig) -> Vec<ProducerChange> {
    use ProducerSetting as S;
    use SettingValue::Plain;
    let plain = |x: &dyn ToString| Plain(x.to_string());
    let all = [
        (
            S::Partitioner,
            SettingValue::Partitioner(a.partitioner),
            SettingValue::Partitioner(b.partitioner),
        ),
        (S::IgnoreKeys, plain(&a.ignore_keys), plain(&b.ignore_keys)),
        (S::Adaptive, plain(&a.adaptive), plain(&b.adaptive)),
        (S::BatchSize, plain(&a.batch_size), plain(&b.batch_size)),
        (S::LingerMs, plain(&a.linger_ms), plain(&b.linger_ms)),
        (
            S::Compression,
            plain(&a.compression.as_config()),
            plain(&b.compression.as_config()),
        ),
        (
            S::Acks,
            plain(&a.acks.as_config()),
            plain(&b.acks.as_config()),
        ),
        (
            S::Mode,
            SettingValue::Mode(a.mode),
            SettingValue::Mode(b.mode),
        ),
        (
            S::Idempotence,
            plain(&a.enable_idempotence),
            plain(&b.enable_idempotence),
        ),
        (
            S::MaxInFlight,
            plain(&a.max_in_flight),
            plain(&b.max_in_flight),
        ),
        (S::Keys, Plain(a.keys.join(",")), Plain(b.keys.join(","))),
        (S::ValueBytes, plain(&a.value_bytes), plain(&b.value_bytes)),
        (
            S::RequestTimeout,
            plain(&a.request_timeout_ms),
            plain(&b.request_timeout_ms),
        ),
        (
            S::DeliveryTimeout,
            plain(&a.delivery_timeout_ms),
            plain(&b.delivery_timeout_ms),
        ),
        (
            S::RetryBackoff,
            plain(&a.retry_backoff_ms),
            plain(&b.retry_backoff_ms),
        ),
        (
            S::MetadataMaxAge,
            plain(&a.metadata_max_age_ms),
            plain(&b.metadata_max_age_ms),
        ),
    ];
    all.into_iter()
        .filter(|(_, old, new)| old != new)
        .map(|(setting, old, new)| ProducerChange { setting, old, new })
        .collect()
}

/// A producer setting's name in the event log.
fn setting(lang: Lang, s: ProducerSetting) -> &'static str {
    match s {
        ProducerSetting::Partitioner => match lang {
            Lang::En => "partitioner",
            Lang::Ko => "파티셔너",
        },
        ProducerSetting::Mode => match lang {
            Lang::En => "mode",
            Lang::Ko => "전송 방식",
        },
        ProducerSetting::Keys => match lang {
            Lang::En => "keys",
            Lang::Ko => "키",
        },
        ProducerSetting::ValueBytes => match lang {
            Lang::En => "value bytes",
            Lang::Ko => "값 바이트",
        },
        ProducerSetting::IgnoreKeys => "partitioner.ignore.keys",
        ProducerSetting::Adaptive => "partitioner.adaptive.partitioning.enable",
        ProducerSetting::BatchSize => "batch.size",
        ProducerSetting::LingerMs => "linger.ms",
        ProducerSetting::Compression => "compression.type",
        ProducerSetting::Acks => "acks",
        ProducerSetting::Idempotence => "enable.idempotence",
        ProducerSetting::MaxInFlight => "max.in.flight.requests.per.connection",
        ProducerSetting::RequestTimeout => "request.timeout.ms",
        ProducerSetting::DeliveryTimeout => "delivery.timeout.ms",
        ProducerSetting::RetryBackoff => "retry.backoff.ms",
        ProducerSetting::MetadataMaxAge => "metadata.max.age.ms",
    }
}

fn value(lang: Lang, v: &SettingValue) -> String {
    match v {
        SettingValue::Plain(s) => s.clone(),
        SettingValue::Partitioner(p) => words::partitioner(lang, *p).to_string(),
        SettingValue::Mode(m) => words::send_mode(lang, *m).to_string(),
    }
}

/// One change as `name old → new`.
#[must_use]
pub fn change(lang: Lang, c: &ProducerChange) -> String {
    let ProducerChange {
        setting: s,
        old,
        new,
    } = c;
    format!(
        "{} {} → {}",
        setting(lang, *s),
        value(lang, old),
        value(lang, new)
    )
}
