//! From a parsed file to the engine: the [`ClusterConfig`] it starts from,
//! and the static checks of every step (names, numbers, limits), each error
//! naming the step and field.

use std::collections::BTreeMap;

use super::error::ScenarioError;
use super::focus::{shape, FocusShape};
use super::limits::*;
use super::model::*;
use crate::engine::config::{CleanupPolicy, LogConfig};
use crate::engine::{
    Acks, Assignor, ClusterConfig, CommitMode, Compression, GroupConfig, OffsetReset, Partitioner,
    ProducerConfig, RebalanceProtocol, SendMode, TopicConfig,
};
use crate::text::quote_input as q;

/// Kafka's acks value.
pub(crate) fn acks(a: AcksSpec) -> Acks {
    match a {
        AcksSpec::Zero => Acks::None,
        AcksSpec::One => Acks::Leader,
        AcksSpec::All => Acks::All,
    }
}

/// The engine's assignor.
pub(crate) fn assignor(a: AssignorSpec) -> Assignor {
    match a {
        AssignorSpec::Range => Assignor::Range,
        AssignorSpec::RoundRobin => Assignor::RoundRobin,
        AssignorSpec::Sticky => Assignor::Sticky,
        AssignorSpec::CooperativeSticky => Assignor::CooperativeSticky,
    }
}

/// The engine's protocol.
pub(crate) fn protocol(p: ProtocolSpec) -> RebalanceProtocol {
    match p {
        ProtocolSpec::Eager => RebalanceProtocol::Eager,
        ProtocolSpec::Cooperative => RebalanceProtocol::Cooperative,
    }
}

/// The engine's commit mode.
pub(crate) fn commit_mode(m: CommitModeSpec) -> CommitMode {
    match m {
        CommitModeSpec::Auto => CommitMode::Auto,
        CommitModeSpec::Manual => CommitMode::ManualPerPoll,
    }
}

/// Applies the settings given in `spec` to `config` (those missing stay).
pub(crate) fn apply_producer_settings(config: &mut ProducerConfig, spec: &ProducerSpec) {
    let s = spec;
    if let Some(v) = s.records_per_sec {
        config.records_per_sec = v;
    }
    if let Some(v) = &s.keys {
        config.keys = v.clone();
    }
    if let Some(v) = s.value_bytes {
        config.value_bytes = v;
    }
    if let Some(v) = s.acks {
        config.acks = acks(v);
    }
    if let Some(v) = s.linger_ms {
        config.linger_ms = v;
    }
    if let Some(v) = s.batch_size {
        config.batch_size = v;
    }
    if let Some(v) = s.max_in_flight {
        config.max_in_flight = v;
    }
    if let Some(v) = s.partitioner {
        config.partitioner = match v {
            PartitionerSpec::BuiltIn => Partitioner::BuiltIn,
            PartitionerSpec::RoundRobin => Partitioner::RoundRobin,
            PartitionerSpec::RoundRobinLegacy => Partitioner::RoundRobinLegacy,
        };
    }
    if let Some(v) = s.ignore_keys {
        config.ignore_keys = v;
    }
    if let Some(v) = s.adaptive {
        config.adaptive = v;
    }
    if let Some(v) = s.compression {
        config.compression = match v {
            CompressionSpec::None => Compression::None,
            CompressionSpec::Gzip => Compression::Gzip,
            CompressionSpec::Snappy => Compression::Snappy,
            CompressionSpec::Lz4 => Compression::Lz4,
            CompressionSpec::Zstd => Compression::Zstd,
        };
    }
    if let Some(v) = s.send_mode {
        config.mode = match v {
            SendModeSpec::Async => SendMode::Async,
            SendModeSpec::Sync => SendMode::Sync,
        };
    }
    if let Some(v) = s.enable_idempotence {
        config.enable_idempotence = v;
    }
    if let Some(v) = s.request_timeout_ms {
        config.request_timeout_ms = v;
    }
    if let Some(v) = s.delivery_timeout_ms {
        config.delivery_timeout_ms = v;
    }
    if let Some(v) = s.retry_backoff_ms {
        config.retry_backoff_ms = v;
    }
    if let Some(v) = s.metadata_max_age_ms {
        config.metadata_max_age_ms = v;
    }
}

/// The engine's group config.
pub(crate) fn group_config(g: &GroupSpec) -> GroupConfig {
    let mut c = GroupConfig::new(&g.group_id, &g.topic, g.members.unwrap_or(1));
    if let Some(v) = g.processing_ms_per_record {
        c.processing_ms_per_record = v;
    }
    if let Some(v) = g.max_poll_records {
        c.max_poll_records = v;
    }
    if let Some(v) = g.fetch_max_wait_ms {
        c.fetch_max_wait_ms = v;
    }
    if let Some(v) = g.auto_commit_interval_ms {
        c.auto_commit_interval_ms = v;
    }
    if let Some(v) = g.auto_offset_reset {
        c.auto_offset_reset = match v {
            OffsetResetSpec::Earliest => OffsetReset::Earliest,
            OffsetResetSpec::Latest => OffsetReset::Latest,
            OffsetResetSpec::None => OffsetReset::None,
        };
    }
    if let Some(v) = g.assignor {
        c.assignor = assignor(v);
        if v == AssignorSpec::CooperativeSticky {
            c.protocol = RebalanceProtocol::Cooperative;
        }
    }
    if let Some(v) = g.protocol {
        c.protocol = protocol(v);
    }
    if let Some(v) = g.commit_mode {
        c.commit_mode = commit_mode(v);
    }
    if let Some(v) = g.heartbeat_interval_ms {
        c.heartbeat_interval_ms = v;
    }
    if let Some(v) = g.session_timeout_ms {
        c.session_timeout_ms = v;
    }
    if let Some(v) = g.max_poll_interval_ms {
        c.max_poll_interval_ms = v;
    }
    c
}

fn text_limit(field: &str, text: &Text) -> Result<(), ScenarioError> {
    for (lang, t) in [("en", Some(&text.en)), ("ko", text.ko.as_ref())] {
        if let Some(t) = t {
            if t.len() > MAX_TEXT_BYTES {
                return Err(ScenarioError::limit(
                    format!("{field}.{lang}"),
                    format!(
                        "the text has {} bytes; at most {MAX_TEXT_BYTES} are allowed",
                        t.len()
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// `retention.ms` as a file writes it: `-1` is no limit, below is Kafka's
/// refusal (`LogConfig`: at least -1).
fn retention_ms(v: Option<i64>, field: &str) -> Result<Option<u64>, ScenarioError> {
    match v {
        None | Some(-1) => Ok(None),
        Some(n) if n >= 0 => Ok(Some(n as u64)),
        Some(n) => Err(ScenarioError::at(
            field,
            crate::engine::validate::invalid_value(
                &n.to_string(),
                "retention.ms",
                crate::engine::refusal::ValueProblem::AtLeast(-1),
            )
            .to_string(),
        )),
    }
}

fn topic_config(t: &TopicSpec, brokers: u32) -> Result<TopicConfig, ScenarioError> {
    let field = |f: &str| format!("topics[{}].{f}", q(&t.name));
    let mut c = TopicConfig::new(&t.name, t.partitions.unwrap_or(1));
    c.replication_factor = t.replication_factor.unwrap_or(1);
    if c.replication_factor > brokers {
        return Err(ScenarioError::at(
            field("replication_factor"),
            crate::engine::Refusal::from(
                crate::engine::RefusalReason::ReplicationFactorAboveBrokers {
                    replication_factor: c.replication_factor,
                    brokers,
                },
            )
            .to_string(),
        ));
    }
    if c.partitions > crate::engine::limits::MAX_PARTITIONS {
        return Err(ScenarioError::limit(
            field("partitions"),
            format!(
                "{} partitions; a topic may have at most {}",
                c.partitions,
                crate::engine::limits::MAX_PARTITIONS
            ),
        ));
    }
    c.min_insync_replicas = t.min_insync_replicas.unwrap_or(1);
    c.unclean_leader_election_enable = t.unclean_leader_election_enable.unwrap_or(false);
    let mut log = LogConfig::default();
    if t.retention_ms.is_some() {
        log.retention_ms = retention_ms(t.retention_ms, &field("retention_ms"))?;
    }
    // Kafka takes any negative retention.bytes as no limit.
    log.retention_bytes = t.retention_bytes.and_then(|v| u64::try_from(v).ok());
    if let Some(v) = t.segment_bytes {
        log.segment_bytes = v;
    }
    if let Some(v) = t.segment_ms {
        log.segment_ms = v;
    }
    if let Some(p) = &t.cleanup_policy {
        log.cleanup_policy = CleanupPolicy::parse(p).ok_or_else(|| {
            ScenarioError::at(
                field("cleanup_policy"),
                crate::engine::validate::invalid_value(
                    p,
                    "cleanup.policy",
                    crate::engine::validate::CLEANUP_POLICY_VALUES,
                )
                .to_string(),
            )
        })?;
    }
    if let Some(v) = t.delete_retention_ms {
        log.delete_retention_ms = v;
    }
    if let Some(v) = t.min_cleanable_dirty_ratio {
        log.min_cleanable_dirty_ratio = v;
    }
    crate::engine::validate::validate_log_config(&log)
        .map_err(|r| ScenarioError::at(field("(log configs)"), r.to_string()))?;
    c.log = log;
    Ok(c)
}

/// Builds the engine's configuration, checking each part where it is written.
pub(crate) fn cluster_config(file: &ScenarioFile) -> Result<ClusterConfig, ScenarioError> {
    if file.version != FORMAT_VERSION {
        return Err(ScenarioError::at(
            "version",
            format!(
                "this is format version {}; this kafkascope reads version {FORMAT_VERSION}",
                file.version
            ),
        ));
    }
    text_limit("title", &file.title)?;
    if let Some(s) = &file.summary {
        text_limit("summary", s)?;
    }
    let defaults = ClusterConfig::default();
    let brokers = file.cluster.brokers.unwrap_or(defaults.brokers);
    let max_brokers = crate::engine::limits::MAX_BROKERS;
    if brokers == 0 || brokers > max_brokers {
        return Err(ScenarioError::limit(
            "cluster.brokers",
            format!("{brokers} brokers; a cluster has from 1 to {max_brokers}"),
        ));
    }
    let mut topics = Vec::new();
    for t in &file.topics {
        topics.push(topic_config(t, brokers)?);
    }
    let known_topic = |name: &str| file.topics.iter().any(|t| t.name == name);
    let mut producers = Vec::new();
    for p in &file.producers {
        let field = format!("producers[{}]", q(&p.name));
        let Some(topic) = &p.topic else {
            return Err(ScenarioError::at(
                format!("{field}.topic"),
                "a producer needs the topic it writes to",
            ));
        };
        if !known_topic(topic) {
            return Err(ScenarioError::at(
                format!("{field}.topic"),
                format!("UNKNOWN_TOPIC_OR_PARTITION: topic {} is not in `topics` (auto-creation is off here)", q(topic)),
            ));
        }
        if file.producers.iter().filter(|o| o.name == p.name).count() > 1 {
            return Err(ScenarioError::at(
                format!("{field}.name"),
                format!("two producers are named {}", q(&p.name)),
            ));
        }
        let mut c = ProducerConfig::new(&p.name, topic, 0, &[]);
        apply_producer_settings(&mut c, p);
        crate::engine::validate::validate_producer(&c)
            .map_err(|r| ScenarioError::at(field.clone(), r.to_string()))?;
        producers.push(c);
    }
    let mut groups = Vec::new();
    for g in &file.groups {
        let field = format!("groups[{}]", q(&g.group_id));
        if !known_topic(&g.topic) {
            return Err(ScenarioError::at(
                format!("{field}.topic"),
                format!(
                    "UNKNOWN_TOPIC_OR_PARTITION: topic {} is not in `topics`",
                    q(&g.topic)
                ),
            ));
        }
        if file
            .groups
            .iter()
            .filter(|o| o.group_id == g.group_id)
            .count()
            > 1
        {
            return Err(ScenarioError::at(
                format!("{field}.group_id"),
                format!("two groups have group.id {}", q(&g.group_id)),
            ));
        }
        let c = group_config(g);
        crate::engine::validate::validate_group(&c, true)
            .map_err(|r| ScenarioError::at(field.clone(), r.to_string()))?;
        groups.push(c);
    }
    let c = &file.cluster;
    let config = ClusterConfig {
        seed: file.seed,
        brokers,
        network_latency_ms: c.network_latency_ms.unwrap_or(defaults.network_latency_ms),
        topics,
        producers,
        groups,
        replica_lag_time_max_ms: c
            .replica_lag_time_max_ms
            .unwrap_or(defaults.replica_lag_time_max_ms),
        broker_session_timeout_ms: c
            .broker_session_timeout_ms
            .unwrap_or(defaults.broker_session_timeout_ms),
        log_retention_check_interval_ms: c
            .log_retention_check_interval_ms
            .unwrap_or(defaults.log_retention_check_interval_ms),
    };
    use crate::engine::validate as v;
    v::check_replica_lag_time_max_ms(config.replica_lag_time_max_ms)
        .map_err(|r| ScenarioError::at("cluster.replica_lag_time_max_ms", r.to_string()))?;
    for (field, setting, value) in [
        (
            "network_latency_ms",
            &v::NETWORK_LATENCY_MS,
            config.network_latency_ms,
        ),
        (
            "broker_session_timeout_ms",
            &v::BROKER_SESSION_TIMEOUT_MS,
            config.broker_session_timeout_ms,
        ),
        (
            "log_retention_check_interval_ms",
            &v::LOG_RETENTION_CHECK_INTERVAL_MS,
            config.log_retention_check_interval_ms,
        ),
    ] {
        setting
            .check(value)
            .map_err(|r| ScenarioError::at(format!("cluster.{field}"), r.to_string()))?;
    }
    v::validate(&config).map_err(|r| ScenarioError::at("cluster", r.to_string()))?;
    Ok(config)
}

/// What the static checks know while walking the steps in order.
struct Known<'a> {
    brokers: u32,
    /// Partition count per topic (it grows with `add_partitions`).
    topics: BTreeMap<&'a str, u32>,
    producers: Vec<&'a str>,
    /// Each producer's topic.
    producer_topics: BTreeMap<&'a str, &'a str>,
    /// Members per group (added ones count; none are forgotten).
    groups: BTreeMap<&'a str, u32>,
}

impl<'a> Known<'a> {
    fn broker(&self, field: &str, b: u32) -> Result<(), ScenarioError> {
        if b == 0 || b > self.brokers {
            return Err(ScenarioError::at(
                field,
                format!(
                    "broker {b} of {}: brokers are numbered 1 to {}",
                    self.brokers, self.brokers
                ),
            ));
        }
        Ok(())
    }

    fn topic(&self, field: &str, t: &str) -> Result<u32, ScenarioError> {
        self.topics.get(t).copied().ok_or_else(|| {
            ScenarioError::at(
                field,
                format!(
                    "UNKNOWN_TOPIC_OR_PARTITION: no topic {} (topics: {})",
                    q(t),
                    q(&self.topic_list())
                ),
            )
        })
    }

    fn topic_list(&self) -> String {
        self.topics.keys().copied().collect::<Vec<_>>().join(", ")
    }

    fn partition(&self, field: &str, tp: &str) -> Result<(), ScenarioError> {
        let Some((topic, p)) = split_tp(tp) else {
            return Err(ScenarioError::at(
                field,
                format!(
                    "\"{}\" is not a partition: write topic-partition, e.g. orders-0",
                    q(tp)
                ),
            ));
        };
        let count = self.topic(field, topic)?;
        if p >= count {
            return Err(ScenarioError::at(
                field,
                format!(
                    "UNKNOWN_TOPIC_OR_PARTITION: {} has partitions 0 to {}",
                    q(topic),
                    count.saturating_sub(1)
                ),
            ));
        }
        Ok(())
    }

    fn producer(&self, field: &str, p: &str) -> Result<(), ScenarioError> {
        if self.producers.contains(&p) {
            Ok(())
        } else {
            Err(ScenarioError::at(
                field,
                format!(
                    "no producer named {} (producers: {})",
                    q(p),
                    q(&self.producers.join(", "))
                ),
            ))
        }
    }

    fn group(&self, field: &str, g: &str) -> Result<u32, ScenarioError> {
        self.groups.get(g).copied().ok_or_else(|| {
            ScenarioError::at(
                field,
                format!(
                    "no group {} at this step (groups: {})",
                    q(g),
                    q(&self.groups.keys().copied().collect::<Vec<_>>().join(", "))
                ),
            )
        })
    }

    fn member(&self, field: &str, g: &str, m: u32) -> Result<(), ScenarioError> {
        let n = self.group(field, g)?;
        if m == 0 || m > n {
            return Err(ScenarioError::at(
                field,
                format!(
                    "member {m} of group {}: it has had members 1 to {n} by this step",
                    q(g)
                ),
            ));
        }
        Ok(())
    }

    fn node(&self, field: &str, n: &NodeRef) -> Result<(), ScenarioError> {
        match n {
            NodeRef::Broker { broker } => self.broker(field, *broker),
            NodeRef::Producer { producer } => self.producer(field, producer),
            NodeRef::Member { group, member } => self.member(field, group, *member),
        }
    }
}

/// `orders-0` → (`orders`, 0).
pub(crate) fn split_tp(tp: &str) -> Option<(&str, u32)> {
    let (topic, p) = tp.rsplit_once('-')?;
    Some((topic, p.parse().ok()?))
}

/// Checks every step against what exists by then, and the limits.
pub(crate) fn check_steps(file: &ScenarioFile) -> Result<(), ScenarioError> {
    if file.steps.len() > MAX_STEPS {
        return Err(ScenarioError::limit(
            "steps",
            format!(
                "{} steps; a scenario may have at most {MAX_STEPS}",
                file.steps.len()
            ),
        ));
    }
    // Maps filled by `insert` (later entries win, as with `collect`):
    // collecting into a BTreeMap sorts first, one more copy of the standard
    // sort per type in the web app (see `engine::stable_sort`).
    let mut known = Known {
        brokers: file.cluster.brokers.unwrap_or(3),
        topics: BTreeMap::new(),
        producers: file.producers.iter().map(|p| p.name.as_str()).collect(),
        producer_topics: BTreeMap::new(),
        groups: BTreeMap::new(),
    };
    for t in &file.topics {
        known.topics.insert(&t.name, t.partitions.unwrap_or(1));
    }
    for p in &file.producers {
        if let Some(topic) = &p.topic {
            known.producer_topics.insert(&p.name, topic);
        }
    }
    for g in &file.groups {
        known.groups.insert(&g.group_id, g.members.unwrap_or(1));
    }
    let mut simulated_ms: u64 = 0;
    let mut commands: usize = 0;
    for (i, step) in file.steps.iter().enumerate() {
        let n = i + 1;
        if let Some(say) = &step.say {
            text_limit(&format!("step {n}, say"), say)?;
        }
        if step.actions.len() > MAX_ACTIONS_PER_STEP {
            return Err(ScenarioError::limit(
                format!("step {n}, do"),
                format!(
                    "{} actions; a step may have at most {MAX_ACTIONS_PER_STEP}",
                    step.actions.len()
                ),
            ));
        }
        if step.expect.len() > MAX_CHECKS_PER_STEP {
            return Err(ScenarioError::limit(
                format!("step {n}, expect"),
                format!(
                    "{} expectations; a step may have at most {MAX_CHECKS_PER_STEP}",
                    step.expect.len()
                ),
            ));
        }
        for (j, action) in step.actions.iter().enumerate() {
            let field = format!("step {n}, action {} ({})", j + 1, action_name(action));
            commands += check_action(&mut known, &field, action, &mut simulated_ms)?;
        }
        if let Some(w) = &step.wait {
            simulated_ms = simulated_ms.saturating_add(w.timeout_ms);
            check_check(
                &known,
                &format!("step {n}, wait.until ({})", check_name(&w.until)),
                &w.until,
            )?;
        }
        for (j, c) in step.expect.iter().enumerate() {
            check_check(
                &known,
                &format!("step {n}, expect {} ({})", j + 1, check_name(c)),
                c,
            )?;
        }
        if step.focus.len() > MAX_FOCUS_PER_STEP {
            return Err(ScenarioError::limit(
                format!("step {n}, focus"),
                format!(
                    "{} entries; a step may point at {MAX_FOCUS_PER_STEP} things at most",
                    step.focus.len()
                ),
            ));
        }
        for (j, f) in step.focus.iter().enumerate() {
            check_focus(&known, &format!("step {n}, focus {}", j + 1), f)?;
        }
        if simulated_ms > MAX_SIMULATED_MS {
            return Err(ScenarioError::limit(
                format!("step {n}"),
                format!(
                    "the scenario reaches {simulated_ms} ms of simulated time (advances plus wait timeouts); at most {MAX_SIMULATED_MS} ms (one hour) are allowed"
                ),
            ));
        }
        if commands > MAX_COMMANDS {
            return Err(ScenarioError::limit(
                format!("step {n}"),
                format!("the scenario gives more than {MAX_COMMANDS} commands"),
            ));
        }
    }
    Ok(())
}

/// Checks that a focus entry names one thing that exists by its step.
fn check_focus(known: &Known<'_>, field: &str, f: &FocusSpec) -> Result<(), ScenarioError> {
    let partition = |t: &str, p: u32| known.partition(field, &format!("{t}-{p}"));
    match shape(f).map_err(|why| ScenarioError::at(field, why))? {
        FocusShape::Producer(p) => known.producer(field, p),
        FocusShape::Broker(b) => known.broker(field, b),
        FocusShape::Group(g) => known.group(field, g).map(|_| ()),
        FocusShape::Member(g, m) => known.member(field, g, m),
        FocusShape::Partition(t, p) | FocusShape::Record(t, p, _) => partition(t, p),
        FocusShape::Replica(t, p, b) => {
            partition(t, p)?;
            known.broker(field, b)
        }
        FocusShape::Marker(_, t, p, g) => {
            partition(t, p)?;
            match g {
                Some(g) => known.group(field, g).map(|_| ()),
                None => Ok(()),
            }
        }
    }
}

/// Checks one action; returns how many engine commands it gives.
fn check_action<'a>(
    known: &mut Known<'a>,
    field: &str,
    action: &'a Action,
    simulated_ms: &mut u64,
) -> Result<usize, ScenarioError> {
    match action {
        Action::AdvanceMs(ms) => {
            *simulated_ms = simulated_ms.saturating_add(*ms);
            return Ok(0);
        }
        Action::Produce {
            producer,
            partition,
            times,
            key,
            value,
            ..
        } => {
            known.producer(field, producer)?;
            let max_text = crate::engine::limits::MAX_TEXT_BYTES as usize;
            if value.len() > max_text || key.as_ref().is_some_and(|k| k.len() > max_text) {
                return Err(ScenarioError::limit(
                    field,
                    format!("a key or value may have at most {max_text} bytes"),
                ));
            }
            let times = times.unwrap_or(1);
            if times == 0 || times > MAX_PRODUCE_TIMES {
                return Err(ScenarioError::limit(
                    format!("{field}.times"),
                    format!("{times}; it must be from 1 to {MAX_PRODUCE_TIMES}"),
                ));
            }
            if let Some(p) = partition {
                let topic = known.producer_topics.get(producer.as_str()).copied();
                let count = topic
                    .and_then(|t| known.topics.get(t))
                    .copied()
                    .unwrap_or(0);
                if *p >= count {
                    return Err(ScenarioError::at(
                        format!("{field}.partition"),
                        format!(
                            "UNKNOWN_TOPIC_OR_PARTITION: partition {p} of {}: it has partitions 0 to {}",
                            q(topic.unwrap_or("?")),
                            count.saturating_sub(1)
                        ),
                    ));
                }
            }
            return Ok(times as usize);
        }
        Action::Tombstone { producer, .. } | Action::SetRate { producer, .. } => {
            known.producer(field, producer)?;
        }
        Action::SetProducer(spec) => {
            known.producer(field, &spec.name)?;
            if spec.topic.is_some() {
                return Err(ScenarioError::at(
                    format!("{field}.topic"),
                    "a producer's topic cannot change (Kafka producers name the topic per record; here a producer writes one topic)",
                ));
            }
        }
        Action::StopBroker(b) | Action::CrashBroker(b) | Action::StartBroker(b) => {
            known.broker(field, *b)?;
        }
        Action::SlowBroker { broker, .. } => known.broker(field, *broker)?,
        Action::CutLink { a, b } | Action::HealLink { a, b } => {
            known.node(&format!("{field}.a"), a)?;
            known.node(&format!("{field}.b"), b)?;
        }
        Action::UncleanLeaderElection { topic, .. } | Action::AlterTopicConfig { topic, .. } => {
            known.topic(&format!("{field}.topic"), topic)?;
        }
        Action::RetentionCheckIntervalMs(_) | Action::ElectPreferredLeaders => {}
        Action::AddPartitions { topic, total } => {
            let count = known.topic(&format!("{field}.topic"), topic)?;
            // A decrease is Kafka's INVALID_PARTITIONS, answered at run time.
            let max = crate::engine::limits::MAX_PARTITIONS;
            if *total > max {
                return Err(ScenarioError::limit(
                    format!("{field}.total"),
                    format!("{total} partitions; a topic may have at most {max}"),
                ));
            }
            if let Some(c) = known.topics.get_mut(topic.as_str()) {
                *c = count.max(*total);
            }
        }
        Action::AddMember { group, .. } => {
            known.group(&format!("{field}.group"), group)?;
            if let Some(c) = known.groups.get_mut(group.as_str()) {
                *c += 1;
            }
        }
        Action::RemoveMember(m) | Action::CrashMember(m) => {
            known.member(field, &m.group, m.member)?;
        }
        Action::PauseMember { group, member, .. }
        | Action::ProcessingTime { group, member, .. } => {
            known.member(field, group, *member)?;
        }
        Action::SetAssignor { group, .. }
        | Action::SetProtocol { group, .. }
        | Action::SetCommitMode { group, .. } => {
            known.group(&format!("{field}.group"), group)?;
        }
        Action::AddGroup(g) => {
            known.topic(&format!("{field}.topic"), &g.topic)?;
            if known.groups.contains_key(g.group_id.as_str()) {
                return Err(ScenarioError::at(
                    format!("{field}.group_id"),
                    format!("group {} exists already", q(&g.group_id)),
                ));
            }
            crate::engine::validate::validate_group(&group_config(g), true)
                .map_err(|r| ScenarioError::at(field, r.to_string()))?;
            known.groups.insert(&g.group_id, g.members.unwrap_or(1));
        }
        Action::Seek { group, .. } => {
            // A partition the group's topic lacks is refused at run time.
            known.group(&format!("{field}.group"), group)?;
        }
    }
    Ok(1)
}

fn check_check(known: &Known<'_>, field: &str, c: &Check) -> Result<(), ScenarioError> {
    match c {
        Check::LogEndOffset(p)
        | Check::HighWatermark(p)
        | Check::LogStartOffset(p)
        | Check::Records(p)
        | Check::Segments(p) => {
            known.partition(&format!("{field}.partition"), &p.partition)?;
            if let Some(b) = p.broker {
                known.broker(&format!("{field}.broker"), b)?;
            }
        }
        Check::Leader { partition, is } => {
            known.partition(&format!("{field}.partition"), partition)?;
            known.broker(&format!("{field}.is"), *is)?;
        }
        Check::Offline { partition, .. }
        | Check::Isr { partition, .. }
        | Check::IsrSize { partition, .. } => {
            known.partition(&format!("{field}.partition"), partition)?;
            if let Check::Isr { is, .. } = c {
                for b in is {
                    known.broker(&format!("{field}.is"), *b)?;
                }
            }
        }
        Check::KeyValues {
            partition, broker, ..
        } => {
            known.partition(&format!("{field}.partition"), partition)?;
            if let Some(b) = broker {
                known.broker(&format!("{field}.broker"), *b)?;
            }
        }
        Check::Committed { group, .. }
        | Check::Lag { group, .. }
        | Check::Burrow { group, .. }
        | Check::GroupState { group, .. }
        | Check::Members(GroupNumber { group, .. })
        | Check::Consumed(GroupNumber { group, .. })
        | Check::Duplicates(GroupNumber { group, .. })
        | Check::Replays(GroupNumber { group, .. })
        | Check::Rebalances(GroupNumber { group, .. }) => {
            known.group(&format!("{field}.group"), group)?;
            if let Check::Burrow { is, .. } = c {
                if !["OK", "WARN", "STALL", "STOP", "REWIND"].contains(&is.as_str()) {
                    return Err(ScenarioError::at(
                        format!("{field}.is"),
                        format!(
                            "\"{}\": Burrow's statuses are OK, WARN, STALL, STOP, REWIND",
                            q(is)
                        ),
                    ));
                }
            }
            if let Check::GroupState { is, .. } = c {
                if ![
                    "Empty",
                    "PreparingRebalance",
                    "CompletingRebalance",
                    "Stable",
                ]
                .contains(&is.as_str())
                {
                    return Err(ScenarioError::at(
                        format!("{field}.is"),
                        format!("\"{}\": group states are Empty, PreparingRebalance, CompletingRebalance, Stable", q(is)),
                    ));
                }
            }
        }
        Check::Assignment { group, member, .. } => {
            known.member(field, group, *member)?;
        }
        Check::KeyPartition { topic, .. }
        | Check::Partitions { topic, .. }
        | Check::TopicConfig { topic, .. } => {
            known.topic(&format!("{field}.topic"), topic)?;
        }
        Check::BrokerAlive { broker, .. } => known.broker(&format!("{field}.broker"), *broker)?,
        Check::ProduceError {
            error, producer, ..
        } => {
            const NAMES: [&str; 5] = [
                "NOT_ENOUGH_REPLICAS",
                "NOT_ENOUGH_REPLICAS_AFTER_APPEND",
                "NOT_LEADER_OR_FOLLOWER",
                "REQUEST_TIMED_OUT",
                "INVALID_RECORD",
            ];
            if !NAMES.contains(&error.as_str()) {
                return Err(ScenarioError::at(
                    format!("{field}.error"),
                    format!(
                        "\"{}\" is not a produce error the engine answers ({})",
                        q(error),
                        NAMES.join(", ")
                    ),
                ));
            }
            if let Some(p) = producer {
                known.producer(&format!("{field}.producer"), p)?;
            }
        }
        Check::Seen { partition, .. } => {
            if let Some(p) = partition {
                known.partition(&format!("{field}.partition"), p)?;
            }
        }
        Check::RecordsLost { .. } | Check::Total { .. } => {}
    }
    Ok(())
}

/// The name an action has in the file.
#[must_use]
pub fn action_name(a: &Action) -> &'static str {
    match a {
        Action::AdvanceMs(_) => "advance_ms",
        Action::Produce { .. } => "produce",
        Action::Tombstone { .. } => "tombstone",
        Action::SetRate { .. } => "set_rate",
        Action::SetProducer(_) => "set_producer",
        Action::StopBroker(_) => "stop_broker",
        Action::CrashBroker(_) => "crash_broker",
        Action::StartBroker(_) => "start_broker",
        Action::SlowBroker { .. } => "slow_broker",
        Action::CutLink { .. } => "cut_link",
        Action::HealLink { .. } => "heal_link",
        Action::UncleanLeaderElection { .. } => "unclean_leader_election",
        Action::AlterTopicConfig { .. } => "alter_topic_config",
        Action::RetentionCheckIntervalMs(_) => "retention_check_interval_ms",
        Action::ElectPreferredLeaders => "elect_preferred_leaders",
        Action::AddPartitions { .. } => "add_partitions",
        Action::AddMember { .. } => "add_member",
        Action::RemoveMember(_) => "remove_member",
        Action::CrashMember(_) => "crash_member",
        Action::PauseMember { .. } => "pause_member",
        Action::ProcessingTime { .. } => "processing_time",
        Action::SetAssignor { .. } => "set_assignor",
        Action::SetProtocol { .. } => "set_protocol",
        Action::SetCommitMode { .. } => "set_commit_mode",
        Action::AddGroup(_) => "add_group",
        Action::Seek { .. } => "seek",
    }
}

/// The name an expectation has in the file.
#[must_use]
pub fn check_name(c: &Check) -> &'static str {
    match c {
        Check::LogEndOffset(_) => "log_end_offset",
        Check::HighWatermark(_) => "high_watermark",
        Check::LogStartOffset(_) => "log_start_offset",
        Check::Records(_) => "records",
        Check::Segments(_) => "segments",
        Check::Leader { .. } => "leader",
        Check::Offline { .. } => "offline",
        Check::Isr { .. } => "isr",
        Check::IsrSize { .. } => "isr_size",
        Check::Committed { .. } => "committed",
        Check::Lag { .. } => "lag",
        Check::Burrow { .. } => "burrow",
        Check::GroupState { .. } => "group_state",
        Check::Assignment { .. } => "assignment",
        Check::Members(_) => "members",
        Check::Consumed(_) => "consumed",
        Check::Duplicates(_) => "duplicates",
        Check::Replays(_) => "replays",
        Check::Rebalances(_) => "rebalances",
        Check::KeyPartition { .. } => "key_partition",
        Check::KeyValues { .. } => "key_values",
        Check::Partitions { .. } => "partitions",
        Check::TopicConfig { .. } => "topic_config",
        Check::BrokerAlive { .. } => "broker_alive",
        Check::ProduceError { .. } => "produce_error",
        Check::RecordsLost { .. } => "records_lost",
        Check::Total { .. } => "total",
        Check::Seen { .. } => "seen",
    }
}
