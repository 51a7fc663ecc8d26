//! Robustness of the engine's configuration and commands, at CI size with a
//! fixed seed: random configs whose every number is drawn from edges (0, 1,
//! Kafka's INT and LONG maximums, u64::MAX, the simulator's limits and one
//! past them) are refused with a short message or run, and random commands
//! with the same kind of values are refused or applied, never a panic or an
//! overflow; the invariants HW ≤ LEO and committed ≤ LEO hold. The figures
//! are printed (`--nocapture`).
#![cfg(not(target_arch = "wasm32"))]

use std::panic::{catch_unwind, AssertUnwindSafe};

use kafkascope::engine::network::Node;
use kafkascope::engine::{
    Acks, Assignor, BrokerId, CleanupPolicy, ClusterConfig, Command, CommitMode, Compression,
    GroupConfig, GroupIdx, LogConfig, MemberId, OffsetReset, Partitioner, ProducerConfig,
    ProducerId, RebalanceProtocol, SeekTarget, SendMode, Sim, TopicConfig, TopicIdx,
};
use kafkascope::text::{MAX_MESSAGE_CHARS, MAX_QUOTED_CHARS};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Engine steps one accepted config may run (the harness stays fast in a
/// debug build).
const STEPS_PER_CONFIG: u64 = 15_000;
/// Fills long names, so that an echo of them can be found in a message.
const FILL: char = 'ж';

const INT_MAX: u64 = i32::MAX as u64;
const LONG_MAX: u64 = i64::MAX as u64;

/// A value from `typical` mostly, else from the edges around `limit`.
fn n(rng: &mut ChaCha8Rng, typical: &[u64], limit: u64) -> u64 {
    if rng.random_bool(0.97) {
        return typical[rng.random_range(0..typical.len())];
    }
    let edges = [
        0,
        1,
        limit,
        limit.saturating_add(1),
        INT_MAX,
        INT_MAX + 1,
        LONG_MAX,
        LONG_MAX + 1,
        u64::MAX,
        rng.random::<u64>(),
    ];
    edges[rng.random_range(0..edges.len())]
}

fn n32(rng: &mut ChaCha8Rng, typical: &[u64], limit: u64) -> u32 {
    u32::try_from(n(rng, typical, limit)).unwrap_or(u32::MAX)
}

fn name(rng: &mut ChaCha8Rng, good: &str) -> String {
    match rng.random_range(0..100) {
        0 => String::new(),
        1 => FILL.to_string().repeat(rng.random_range(201..5_000)),
        2 => "a b".to_string(),
        3 => "..".to_string(),
        4 => "x".repeat(250),
        _ => good.to_string(),
    }
}

fn log_config(rng: &mut ChaCha8Rng) -> LogConfig {
    let mut log = LogConfig::default();
    if rng.random_bool(0.5) {
        return log;
    }
    let opt = |rng: &mut ChaCha8Rng, typical: &[u64], limit: u64| {
        rng.random_bool(0.8).then(|| n(rng, typical, limit))
    };
    log.retention_ms = opt(rng, &[1_000, 60_000], LONG_MAX);
    log.retention_bytes = opt(rng, &[150, 1_500], LONG_MAX);
    log.segment_bytes = n(rng, &[200, 600, 1 << 30], INT_MAX);
    log.segment_ms = n(rng, &[1_000, 30_000], LONG_MAX);
    log.delete_retention_ms = n(rng, &[1_000, 86_400_000], LONG_MAX);
    log.cleanup_policy = CleanupPolicy::ALL[rng.random_range(0..3)];
    log.min_cleanable_dirty_ratio = if rng.random_bool(0.95) {
        [0.1, 0.5, 1.0][rng.random_range(0..3)]
    } else {
        [-0.1, 1.5, f64::NAN, f64::INFINITY][rng.random_range(0..4)]
    };
    log
}

fn producer(rng: &mut ChaCha8Rng, i: usize, topics: &[String]) -> ProducerConfig {
    let topic = if rng.random_bool(0.97) && !topics.is_empty() {
        topics[rng.random_range(0..topics.len())].clone()
    } else {
        "missing".to_string()
    };
    let keys: Vec<String> = (0..rng.random_range(0..4))
        .map(|k| {
            if rng.random_bool(0.05) {
                "k".repeat(1_025)
            } else {
                format!("k{k}")
            }
        })
        .collect();
    let key_refs: Vec<&str> = keys.iter().map(String::as_str).collect();
    let mut p = ProducerConfig::new(
        &name(rng, &format!("p{i}")),
        &topic,
        n32(rng, &[0, 2, 20, 200], 10_000),
        &key_refs,
    );
    p.value_bytes = n32(rng, &[10, 100], 1_024);
    p.acks = [Acks::None, Acks::Leader, Acks::All][rng.random_range(0..3)];
    p.linger_ms = n(rng, &[0, 5, 50], 60_000);
    p.batch_size = n32(rng, &[200, 16_384], 1 << 20);
    p.max_in_flight = n32(rng, &[1, 5], 100);
    p.request_timeout_ms = n(rng, &[1_500, 30_000], 3_600_000);
    p.delivery_timeout_ms = n(rng, &[60_000, 120_000], 3_600_000);
    p.retry_backoff_ms = n(rng, &[0, 100], 60_000);
    p.metadata_max_age_ms = n(rng, &[1_000, 10_000], 3_600_000);
    p.partitioner = [
        Partitioner::BuiltIn,
        Partitioner::RoundRobin,
        Partitioner::RoundRobinLegacy,
    ][rng.random_range(0..3)];
    p.compression = Compression::ALL[rng.random_range(0..5)];
    p.mode = if rng.random_bool(0.2) {
        SendMode::Sync
    } else {
        SendMode::Async
    };
    p.enable_idempotence = rng.random_bool(0.7);
    p.ignore_keys = rng.random_bool(0.1);
    p.adaptive = rng.random_bool(0.8);
    p
}

fn group(rng: &mut ChaCha8Rng, i: usize, topics: &[String]) -> GroupConfig {
    let topic = topics.first().cloned().unwrap_or_else(|| "missing".into());
    let mut g = GroupConfig::new(
        &name(rng, &format!("g{i}")),
        &topic,
        n32(rng, &[0, 1, 3], 32),
    );
    g.processing_ms_per_record = n(rng, &[1, 10, 200], 60_000);
    g.max_poll_records = n32(rng, &[20, 500], 10_000);
    g.fetch_max_wait_ms = n(rng, &[100, 500], 60_000);
    g.auto_commit_interval_ms = n(rng, &[1_000, 5_000], 3_600_000);
    g.heartbeat_interval_ms = n(rng, &[1_000, 3_000], 3_600_000);
    g.session_timeout_ms = n(rng, &[6_000, 10_000, 45_000], 1_800_000);
    g.max_poll_interval_ms = n(rng, &[30_000, 300_000], 3_600_000);
    g.auto_offset_reset = [
        OffsetReset::Earliest,
        OffsetReset::Latest,
        OffsetReset::None,
    ][rng.random_range(0..3)];
    g.assignor = Assignor::ALL[rng.random_range(0..4)];
    g.protocol = if rng.random_bool(0.3) {
        RebalanceProtocol::Cooperative
    } else {
        RebalanceProtocol::Eager
    };
    g.commit_mode = if rng.random_bool(0.3) {
        CommitMode::ManualPerPoll
    } else {
        CommitMode::Auto
    };
    g
}

fn config(rng: &mut ChaCha8Rng) -> ClusterConfig {
    let brokers = n32(rng, &[1, 3, 5], 16);
    let mut topics = Vec::new();
    for i in 0..rng.random_range(0..4).max(u32::from(rng.random_bool(0.9))) {
        let mut t = TopicConfig::new(&name(rng, &format!("t{i}")), n32(rng, &[1, 3, 6], 64));
        let rf = rng.random_range(1..=brokers.clamp(1, 3));
        t.replication_factor = n32(rng, &[u64::from(rf)], brokers.into());
        t.min_insync_replicas = n32(rng, &[1, 2], 4);
        t.unclean_leader_election_enable = rng.random_bool(0.2);
        t.log = log_config(rng);
        topics.push(t);
    }
    let names: Vec<String> = topics.iter().map(|t| t.name.clone()).collect();
    let producers = (0..rng.random_range(0..3))
        .map(|i| producer(rng, i, &names))
        .collect();
    let groups = (0..rng.random_range(0..3))
        .map(|i| group(rng, i, &names))
        .collect();
    ClusterConfig {
        seed: rng.random(),
        brokers,
        network_latency_ms: n(rng, &[1, 20, 300], 60_000),
        topics,
        producers,
        groups,
        replica_lag_time_max_ms: n(rng, &[4_000, 30_000], LONG_MAX),
        broker_session_timeout_ms: n(rng, &[3_000, 9_000], INT_MAX),
        log_retention_check_interval_ms: n(rng, &[5_000, 300_000], LONG_MAX),
    }
}

fn text(rng: &mut ChaCha8Rng) -> String {
    let options = [
        "-2",
        "-1",
        "0",
        "13",
        "14",
        "600",
        "0.5",
        "1.5",
        "NaN",
        "inf",
        "9223372036854775807",
        "9223372036854775808",
        "2147483648",
        "compact",
        "delete, compact",
        "forever",
        "",
    ];
    if rng.random_bool(0.05) {
        FILL.to_string().repeat(3_000)
    } else {
        options[rng.random_range(0..options.len())].to_string()
    }
}

fn command(rng: &mut ChaCha8Rng, sim: &Sim) -> Command {
    let brokers = sim.brokers().len() as u32;
    let b = BrokerId(rng.random_range(0..=brokers + 1));
    let producers = sim.producers().len() as u32;
    let p = ProducerId(rng.random_range(0..=producers));
    let groups = sim.groups().len() as u32;
    let g = GroupIdx(rng.random_range(0..=groups));
    let members: Vec<MemberId> = sim
        .groups()
        .iter()
        .flat_map(|g| g.members.iter().map(|m| m.id))
        .collect();
    let m = if members.is_empty() || rng.random_bool(0.1) {
        MemberId(rng.random())
    } else {
        members[rng.random_range(0..members.len())]
    };
    let topic_name = sim
        .topics()
        .first()
        .map_or_else(|| "t0".to_string(), |t| t.name.clone());
    let node = |rng: &mut ChaCha8Rng| match rng.random_range(0..3) {
        0 => Node::Broker(BrokerId(rng.random_range(0..=brokers + 1))),
        1 => Node::Producer(ProducerId(rng.random_range(0..=producers))),
        _ => Node::Member(m),
    };
    match rng.random_range(0..22) {
        0 => Command::CrashBroker(b),
        1 => Command::StopBroker(b),
        2 | 3 => Command::StartBroker(b),
        4 => Command::SetBrokerSlow {
            broker: b,
            extra_latency_ms: n(rng, &[0, 500], 60_000),
        },
        5 => Command::CutLink {
            a: node(rng),
            b: node(rng),
        },
        6 => Command::HealLink {
            a: node(rng),
            b: node(rng),
        },
        7 => Command::AddPartitions {
            topic: if rng.random_bool(0.9) {
                topic_name
            } else {
                name(rng, "nope")
            },
            total: n32(rng, &[1, 4, 8], 64),
        },
        8 => Command::AlterTopicConfig {
            topic: TopicIdx(rng.random_range(0..3)),
            name: [
                "retention.ms",
                "retention.bytes",
                "segment.bytes",
                "segment.ms",
                "cleanup.policy",
                "delete.retention.ms",
                "min.cleanable.dirty.ratio",
                "retention.hours",
            ][rng.random_range(0..8)]
            .to_string(),
            value: text(rng),
        },
        9 => Command::SetRetentionCheckInterval {
            interval_ms: n(rng, &[100, 5_000], LONG_MAX),
        },
        10 => Command::SetProducerRate {
            producer: p,
            records_per_sec: n32(rng, &[0, 10, 500], 10_000),
        },
        11 => {
            let mut c = sim
                .producers()
                .get(p.0 as usize)
                .map(|x| x.config.clone())
                .unwrap_or_else(|| ProducerConfig::new("p", "t", 1, &[]));
            let other = producer(rng, 0, &[c.topic.clone()]);
            c.linger_ms = other.linger_ms;
            c.batch_size = other.batch_size;
            c.records_per_sec = other.records_per_sec;
            c.request_timeout_ms = other.request_timeout_ms;
            c.delivery_timeout_ms = other.delivery_timeout_ms;
            c.metadata_max_age_ms = other.metadata_max_age_ms;
            c.acks = other.acks;
            c.partitioner = other.partitioner;
            Command::SetProducerConfig {
                producer: p,
                config: Box::new(c),
            }
        }
        12 => Command::Produce {
            producer: p,
            key: rng.random_bool(0.8).then(|| text(rng)),
            value: text(rng),
        },
        13 => Command::ProduceToPartition {
            producer: p,
            partition: n32(rng, &[0, 1, 2], 64),
            key: Some("k".into()),
            value: "v".into(),
        },
        14 => Command::AddMember {
            group: g,
            instance_id: rng.random_bool(0.3).then(|| name(rng, "static-1")),
        },
        15 => Command::CrashMember { member: m },
        16 => Command::RemoveMember { member: m },
        17 => Command::SetProcessingTime {
            member: m,
            ms_per_record: n(rng, &[1, 100], 60_000),
        },
        18 => Command::Seek {
            group: g,
            partition: n32(rng, &[0, 1], 64),
            target: [
                SeekTarget::Beginning,
                SeekTarget::End,
                SeekTarget::Offset(n(rng, &[0, 5], LONG_MAX)),
                SeekTarget::Timestamp(n(rng, &[0, 5_000], LONG_MAX)),
            ][rng.random_range(0..4)],
        },
        19 => Command::AddGroup(group(rng, groups as usize + 1, &[topic_name])),
        20 => Command::ElectPreferredLeaders,
        _ => Command::PauseMember {
            member: m,
            paused: rng.random_bool(0.5),
        },
    }
}

/// A refusal is short and repeats at most 200 characters of a long name.
fn check_message(m: &str, what: &dyn Fn() -> String) {
    let chars = m.chars().count();
    assert!(
        chars <= MAX_MESSAGE_CHARS + 40,
        "{chars} characters: {}…\n{}",
        m.chars().take(300).collect::<String>(),
        what()
    );
    let mut run = 0;
    for c in m.chars() {
        run = if c == FILL { run + 1 } else { 0 };
        assert!(
            run <= MAX_QUOTED_CHARS,
            "input echoed whole: {}\n{}",
            &m[..m.len().min(400)],
            what()
        );
    }
}

/// HW ≤ LEO on every replica; committed ≤ the leader's LEO unless
/// `commits_may_pass_the_end` (Kafka commits what a consumer seeked to,
/// and an unclean election can cut a log below what was committed).
fn check_invariants(sim: &Sim, commits_may_pass_the_end: bool) {
    for topic in sim.topics() {
        for part in &topic.partitions {
            for log in &part.logs {
                assert!(log.high_watermark() <= log.log_end_offset(), "HW ≤ LEO");
                assert!(log.log_start_offset() <= log.log_end_offset());
            }
        }
    }
    if commits_may_pass_the_end {
        return;
    }
    for g in sim.groups() {
        for (&p, &committed) in &g.committed {
            let part = &sim.topics()[g.topic.0 as usize].partitions[p as usize];
            if let Some(leader) = part.leader_log() {
                let end = part
                    .logs
                    .iter()
                    .map(|l| l.log_end_offset())
                    .max()
                    .unwrap_or(0);
                assert!(
                    committed <= end.max(leader.log_end_offset()),
                    "committed {committed} above every replica's LEO"
                );
            }
        }
    }
}

#[derive(Default)]
struct Tally {
    configs: u64,
    refused: u64,
    accepted: u64,
    commands: u64,
    commands_refused: u64,
    steps: u64,
    simulated_ms: u64,
}

#[test]
fn random_configs_and_commands_are_refused_clearly_or_run() {
    let configs: u64 = std::env::var("FUZZ_CONFIGS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000);
    let started = std::time::Instant::now();
    let mut rng = ChaCha8Rng::seed_from_u64(2026);
    let mut tally = Tally::default();
    for case in 0..configs {
        let config = config(&mut rng);
        let what = || {
            format!("case {case}: {:?}", config)
                .chars()
                .take(3_000)
                .collect::<String>()
        };
        tally.configs += 1;
        let built = catch_unwind(AssertUnwindSafe(|| Sim::new(config.clone())))
            .unwrap_or_else(|_| panic!("Sim::new panicked, {}", what()));
        let mut sim = match built {
            Err(r) => {
                tally.refused += 1;
                if std::env::var_os("FUZZ_SHOW").is_some() {
                    eprintln!(
                        "refused: {}",
                        r.to_string().chars().take(120).collect::<String>()
                    );
                }
                check_message(&r.to_string(), &what);
                continue;
            }
            Ok(sim) => sim,
        };
        tally.accepted += 1;
        let mut log = Vec::new();
        let mut t = 0u64;
        let mut commits_may_pass_the_end = sim
            .topics()
            .iter()
            .any(|t| t.unclean_leader_election_enable);
        for _ in 0..rng.random_range(0..16) {
            if sim.totals().steps > STEPS_PER_CONFIG {
                break;
            }
            let c = command(&mut rng, &sim);
            if let Command::Seek {
                target: SeekTarget::Offset(_) | SeekTarget::Timestamp(_),
                ..
            } = c
            {
                commits_may_pass_the_end = true;
            }
            log.push(
                format!("{t} ms: {c:?}")
                    .chars()
                    .take(300)
                    .collect::<String>(),
            );
            let applied = catch_unwind(AssertUnwindSafe(|| sim.apply(c)))
                .unwrap_or_else(|_| panic!("apply panicked after {log:?}, {}", what()));
            tally.commands += 1;
            if let Err(r) = applied {
                tally.commands_refused += 1;
                if std::env::var_os("FUZZ_SHOW").is_some() {
                    eprintln!(
                        "command refused: {}",
                        r.to_string().chars().take(120).collect::<String>()
                    );
                }
                check_message(&r.to_string(), &|| format!("{log:?} {}", what()));
            }
            // Time passes in slices, stopping at the step allowance.
            let until = t + rng.random_range(1..20_000);
            while t < until && sim.totals().steps <= STEPS_PER_CONFIG {
                t = (t + 250).min(until);
                catch_unwind(AssertUnwindSafe(|| sim.advance_to(t))).unwrap_or_else(|_| {
                    panic!("advance panicked at {t} after {log:?}, {}", what())
                });
                let _ = sim.take_events();
            }
            check_invariants(&sim, commits_may_pass_the_end);
        }
        tally.steps += sim.totals().steps;
        tally.simulated_ms += sim.now_ms();
    }
    eprintln!(
        "config fuzz: {} configs ({} refused with a short message, {} built), {} commands ({} refused), {} engine steps over {:.0} simulated s; no panic; {:.1} s",
        tally.configs,
        tally.refused,
        tally.accepted,
        tally.commands,
        tally.commands_refused,
        tally.steps,
        tally.simulated_ms as f64 / 1000.0,
        started.elapsed().as_secs_f64()
    );
    assert!(
        tally.accepted > configs / 10,
        "the generator reaches the engine"
    );
    assert!(tally.refused > configs / 10, "the edges reach the checks");
}
