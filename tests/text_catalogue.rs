//! Every sentence of the catalogue (`kafkascope::text`) in both languages:
//! the events, consumer-group events, story lines and refusals of real runs
//! (the built-in scenarios, every lesson, a failure script), constructed
//! values for what those runs do not reach, and every panel text. Each must
//! be non-empty, have no `{}` left over, and its Korean must hold no English
//! except Kafka's names: the names of the run (topics, groups, producers,
//! members, keys, values), identifiers (`r1`, `p0`, `broker-2`), Kafka's
//! error codes (`NOT_ENOUGH_REPLICAS`) and config names
//! (`min.insync.replicas`) by their shape, and the short list in
//! [`KAFKA_NAMES`].
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use kafkascope::engine::assignor::Assignor;
use kafkascope::engine::compare::{CompareSpec, STRATEGIES};
use kafkascope::engine::config::{
    Compression, OffsetReset, ProducerConfig, RebalanceProtocol, TopicConfig,
};
use kafkascope::engine::errors::{DropReason, LossReason, ProduceError};
use kafkascope::engine::event::{
    ElectionKind, IsrChange, LeaveReason, LogStartCause, RemovalReason, ResetCause,
};
use kafkascope::engine::log::{DeletionReason, RollReason};
use kafkascope::engine::network::Node;
use kafkascope::engine::partitioner::SwitchReason;
use kafkascope::engine::refusal::{
    Counted, KafkaType, OwnSetting, Refusal, RefusalReason, Setting, TopicNameProblem, Unit,
    ValueProblem,
};
use kafkascope::engine::retention::RemovalCause;
use kafkascope::engine::scenarios::{default_scenario, retention_scenario, stress_scenario};
use kafkascope::engine::{
    BatchId, BrokerId, BurrowStatus, ClusterConfig, Command, CommitMode, GroupConfig, GroupIdx,
    MemberId, MemberPhase, PartitionDecision, Partitioner, ProducerId, RecordId, SendMode, Sim,
    TopicIdx,
};
use kafkascope::job::{JobRefusal, Purpose, WorkRefusal};
use kafkascope::player::Halt;
use kafkascope::scenario::lessons::LESSONS;
use kafkascope::share::LinkError;
use kafkascope::text::event::{
    line, Because, Change, ClusterLine, ConsumeLine, EventLine, GroupLine, LogLine, ProduceLine,
    ProducerChange, ProducerSetting, ReplicaLine, SettingValue,
};
use kafkascope::text::line_work::Progress;
use kafkascope::text::notice::{EmbedWarning, HostMessageError};
use kafkascope::text::story::story_line;
use kafkascope::text::{
    refusal, words, AppLabel, AppLine, CompareLabel, GroupLabel, GroupPanelLine, Lang, Notice,
    PageLabel, PageLine, Problem, ProducerLabel, ProducerLine, RetentionLabel, RetentionLine, Say,
};
use kafkascope::timeline::{Refused, Timeline};

/// Kafka's (and the page's) names that stay as they are in Korean, beside
/// what the shape rules allow (codes, config names, ids, the run's names).
const KAFKA_NAMES: &[&str] = &[
    // APIs and Java classes.
    "Produce",
    "Fetch",
    "JoinGroup",
    "SyncGroup",
    "LeaveGroup",
    "Heartbeat",
    "OffsetCommit",
    "OffsetsForLeaderEpoch",
    "ListOffsets",
    "ReplicaFetch",
    "ProduceResponse",
    "FetchResponse",
    "ReplicaFetchResponse",
    "OffsetsForLeaderEpochResponse",
    "OffsetCommitResponse",
    "JoinGroupResponse",
    "SyncGroupResponse",
    "HeartbeatResponse",
    "LeaveGroupResponse",
    "RangeAssignor",
    "RoundRobinAssignor",
    "StickyAssignor",
    "CooperativeStickyAssignor",
    "RoundRobinPartitioner",
    "DefaultPartitioner",
    "UniformStickyPartitioner",
    "CommitFailedException",
    "IllegalArgumentException",
    "IllegalStateException",
    "NoOffsetForPartitionException",
    "OffsetOutOfRangeException",
    "groupId",
    "commitSync",
    "send",
    "get",
    "partition",
    "hashCode",
    "abs",
    "pause",
    "poll",
    "seek",
    "murmur2",
    "toPositive",
    "acks",
    "Apache",
    // Names of things Kafka has.
    "Kafka",
    "KRaft",
    "ZooKeeper",
    "ISR",
    "HW",
    "LEO",
    "KIP",
    "KAFKA",
    "Burrow",
    "EAGER",
    "COOPERATIVE",
    "Empty",
    "Stable",
    "PreparingRebalance",
    "CompletingRebalance",
    "Dead",
    "OK",
    "WARN",
    "STOP",
    "STALL",
    "REWIND",
    "NOT",
    "ENOUGH",
    "DATA",
    "INT",
    "LONG",
    "DOUBLE",
    "range",
    "roundrobin",
    "sticky",
    "cooperative",
    "__consumer_offsets",
    // Config values as Kafka writes them.
    "none",
    "gzip",
    "snappy",
    "lz4",
    "zstd",
    "all",
    "earliest",
    "latest",
    "compact",
    "delete",
    "true",
    "false",
    "null",
    // Units and the page's own names.
    "ms",
    "B",
    "KiB",
    "MB",
    "MiB",
    "GiB",
    "s",
    "t",
    "g",
    "kafkascope",
    "postMessage",
    "iframe",
    "base64url",
    "scheme",
    "host",
    "port",
    "docs",
    "embedding.md",
    "en",
    "ko",
    "lang",
];

fn has_hangul(s: &str) -> bool {
    s.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c))
}

/// Words (ASCII letters, digits, `_`, `.`) of a text, without sentence dots.
fn ascii_words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
        .map(|w| w.trim_matches('.').to_string())
        .filter(|w| w.chars().any(|c| c.is_ascii_alphabetic()))
        .collect()
}

fn allowed(word: &str, names: &BTreeSet<String>) -> bool {
    let code = word.len() > 2
        && word.contains('_')
        && word
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
    let config = word.contains('.')
        && word.split('.').all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        });
    let id = word.len() >= 2
        && matches!(word.as_bytes()[0], b'r' | b'b' | b'm' | b'e' | b'p' | b'g')
        && word[1..].chars().all(|c| c.is_ascii_digit());
    code || config || id || names.contains(word) || KAFKA_NAMES.contains(&word)
}

/// Collects sentences and checks each pair.
#[derive(Default)]
struct Walk {
    names: BTreeSet<String>,
    checked: usize,
    problems: Vec<String>,
}

impl Walk {
    fn name(&mut self, name: &str) {
        for w in ascii_words(name) {
            self.names.insert(w);
        }
    }

    fn names_of(&mut self, config: &ClusterConfig) {
        for t in &config.topics {
            self.name(&t.name);
        }
        for p in &config.producers {
            self.name(&p.name);
            for k in &p.keys {
                self.name(k);
            }
        }
        for g in &config.groups {
            self.name(&g.group_id);
        }
        self.name("consumer-1 broker-1 member-1 producer-1 topic#1 group#1 user-1");
        // The built-in scenes and the address's options are names too.
        self.name("default stress retention origin");
    }

    fn command(&mut self, command: &Command) {
        match command {
            Command::Produce { key, value, .. }
            | Command::ProduceToPartition { key, value, .. } => {
                if let Some(k) = key {
                    self.name(k);
                }
                self.name(value);
            }
            Command::ProduceTombstone { key, .. } => self.name(key),
            Command::AddGroup(g) => self.name(&g.group_id),
            Command::AddPartitions { topic, .. } => self.name(topic),
            Command::AddMember {
                instance_id: Some(id),
                ..
            } => self.name(id),
            _ => {}
        }
    }

    fn pair(&mut self, what: &str, en: &str, ko: &str) {
        self.checked += 1;
        for (lang, text) in [("en", en), ("ko", ko)] {
            if text.trim().is_empty() {
                self.problems.push(format!("{what}: empty {lang}"));
            }
            if text.contains("{}") || text.contains("{:") {
                self.problems
                    .push(format!("{what}: a placeholder left in {lang}: {text}"));
            }
        }
        let english: Vec<String> = ascii_words(ko)
            .into_iter()
            .filter(|w| !allowed(w, &self.names))
            .collect();
        if !english.is_empty() {
            self.problems
                .push(format!("{what}: English {english:?} in Korean: {ko}"));
        }
    }

    /// The same facts in both: every number of the English is in the Korean.
    fn facts(&mut self, what: &str, en: &str, ko: &str) {
        let numbers = |t: &str| -> BTreeSet<String> {
            t.split(|c: char| !(c.is_ascii_digit() || c == '.'))
                .map(|n| n.trim_matches('.').to_string())
                .filter(|n| !n.is_empty())
                .collect()
        };
        let missing: Vec<String> = numbers(en).difference(&numbers(ko)).cloned().collect();
        if !missing.is_empty() {
            self.problems.push(format!(
                "{what}: the Korean lacks {missing:?}:\n  {en}\n  {ko}"
            ));
        }
    }

    fn say(&mut self, what: &str, s: &impl Say) {
        let (en, ko) = (s.en(), s.ko());
        self.pair(what, &en, &ko);
    }

    fn words(&mut self, what: &str, f: impl Fn(Lang) -> String) {
        self.pair(what, &f(Lang::En), &f(Lang::Ko));
    }

    fn events(&mut self, sim: &Sim, events: &[kafkascope::engine::Event]) {
        for e in events {
            let l = line(sim, e);
            let (en, ko) = (l.en(), l.ko());
            self.pair("event", &en, &ko);
            self.facts("event", &en, &ko);
        }
    }
}

/// Runs `config` with `commands` at their times to `end_ms`: every event,
/// refusal and some records' stories go through the walk.
fn run(walk: &mut Walk, config: ClusterConfig, commands: &[(u64, Command)], end_ms: u64) {
    walk.names_of(&config);
    let mut timeline = Timeline::new(config).unwrap();
    for (at, command) in commands {
        walk.command(command);
        timeline.run_to(*at);
        let events = timeline.take_events();
        walk.events(timeline.sim(), &events);
        if let Err(r) = timeline.apply(command.clone()) {
            walk.pair(
                "refusal",
                &refusal::history_refusal(Lang::En, &r),
                &refusal::history_refusal(Lang::Ko, &r),
            );
        }
    }
    timeline.run_to(end_ms);
    let events = timeline.take_events();
    walk.events(timeline.sim(), &events);
    // The stories of a few records of the leaders' logs.
    let records: Vec<(RecordId, u64)> = timeline
        .sim()
        .topics()
        .iter()
        .flat_map(|t| t.partitions.iter())
        .filter_map(|p| p.leader_log())
        .flat_map(|l| {
            l.entries()
                .take(2)
                .map(|e| (e.record.id, e.record.timestamp_ms))
        })
        .take(6)
        .collect();
    for (id, at) in records {
        let story = timeline.record_story(id, at, 2_000_000);
        for l in &story.lines {
            let en = story_line(Lang::En, timeline.sim(), l);
            let ko = story_line(Lang::Ko, timeline.sim(), l);
            walk.pair("story line", &en, &ko);
            walk.facts("story line", &en, &ko);
        }
    }
}

/// Broker failures, link cuts, a slow broker, unclean election, config
/// changes, partitions added, a second group and every member command.
fn failure_script() -> Vec<(u64, Command)> {
    let g = GroupIdx(0);
    let mut compacted = ProducerConfig::new("producer-1", "orders", 5, &["alice", "bob"]);
    compacted.partitioner = Partitioner::RoundRobinLegacy;
    compacted.compression = Compression::Gzip;
    compacted.mode = SendMode::Sync;
    compacted.batch_size = 512;
    let mut second = GroupConfig::new("group-2", "orders", 2);
    second.auto_offset_reset = OffsetReset::None;
    vec![
        (1_000, Command::CrashBroker(BrokerId(1))),
        (1_500, Command::CrashBroker(BrokerId(1))),
        (12_000, Command::StartBroker(BrokerId(1))),
        (13_000, Command::StopBroker(BrokerId(2))),
        (
            14_000,
            Command::SetBrokerSlow {
                broker: BrokerId(3),
                extra_latency_ms: 2_000,
            },
        ),
        (
            15_000,
            Command::CutLink {
                a: Node::Broker(BrokerId(3)),
                b: Node::Broker(BrokerId(1)),
            },
        ),
        (
            15_000,
            Command::CutLink {
                a: Node::Broker(BrokerId(3)),
                b: Node::Broker(BrokerId(3)),
            },
        ),
        (
            16_000,
            Command::SetUncleanLeaderElection {
                topic: TopicIdx(0),
                enabled: true,
            },
        ),
        (17_000, Command::StartBroker(BrokerId(2))),
        (
            18_000,
            Command::HealLink {
                a: Node::Broker(BrokerId(3)),
                b: Node::Broker(BrokerId(1)),
            },
        ),
        (
            18_500,
            Command::SetBrokerSlow {
                broker: BrokerId(3),
                extra_latency_ms: 0,
            },
        ),
        (19_000, Command::ElectPreferredLeaders),
        (
            20_000,
            Command::AlterTopicConfig {
                topic: TopicIdx(0),
                name: "retention.ms".into(),
                value: "-2".into(),
            },
        ),
        (
            20_000,
            Command::AlterTopicConfig {
                topic: TopicIdx(0),
                name: "segment.bytes".into(),
                value: "600".into(),
            },
        ),
        (
            20_000,
            Command::AlterTopicConfig {
                topic: TopicIdx(0),
                name: "cleanup.policy".into(),
                value: "compact,delete".into(),
            },
        ),
        (
            20_000,
            Command::SetRetentionCheckInterval { interval_ms: 500 },
        ),
        (
            21_000,
            Command::SetProducerConfig {
                producer: ProducerId(0),
                config: Box::new(compacted),
            },
        ),
        (
            21_500,
            Command::ProduceTombstone {
                producer: ProducerId(0),
                key: "alice".into(),
            },
        ),
        (
            22_000,
            Command::AddPartitions {
                topic: "orders".into(),
                total: 5,
            },
        ),
        (
            22_000,
            Command::AddPartitions {
                topic: "orders".into(),
                total: 2,
            },
        ),
        (23_000, Command::AddGroup(second)),
        (
            24_000,
            Command::AddMember {
                group: g,
                instance_id: Some("static-1".into()),
            },
        ),
        (
            25_000,
            Command::PauseMember {
                member: MemberId(1),
                paused: true,
            },
        ),
        (
            26_000,
            Command::PauseMember {
                member: MemberId(1),
                paused: false,
            },
        ),
        (
            27_000,
            Command::SetProcessingTime {
                member: MemberId(1),
                ms_per_record: 500,
            },
        ),
        (
            28_000,
            Command::SetAssignor {
                group: g,
                assignor: Assignor::CooperativeSticky,
            },
        ),
        (
            30_000,
            Command::SetRebalanceProtocol {
                group: g,
                protocol: RebalanceProtocol::Eager,
            },
        ),
        (
            31_000,
            Command::SetCommitMode {
                group: g,
                mode: CommitMode::ManualPerPoll,
            },
        ),
        (
            32_000,
            Command::Seek {
                group: g,
                partition: 0,
                target: kafkascope::engine::SeekTarget::Beginning,
            },
        ),
        (
            33_000,
            Command::CrashMember {
                member: MemberId(1),
            },
        ),
        (
            34_000,
            Command::RemoveMember {
                member: MemberId(99),
            },
        ),
        (
            35_000,
            Command::SetProducerRate {
                producer: ProducerId(0),
                records_per_sec: 50_000,
            },
        ),
        (
            36_000,
            Command::Produce {
                producer: ProducerId(0),
                key: Some("민준".into()),
                value: "hello".into(),
            },
        ),
    ]
}

#[test]
fn every_sentence_is_said_in_both_languages() {
    let mut walk = Walk::default();
    run(&mut walk, default_scenario(), &[], 60_000);
    run(&mut walk, retention_scenario(), &[], 90_000);
    run(&mut walk, stress_scenario(), &[], 3_000);
    run(&mut walk, default_scenario(), &failure_script(), 70_000);
    for lesson in LESSONS {
        let plan = lesson.scenario().unwrap().plan();
        run(&mut walk, plan.config.clone(), &plan.commands, plan.end_ms);
    }
    constructed(&mut walk);
    panels(&mut walk);
    println!("{} sentences checked in both languages", walk.checked);
    assert!(walk.checked > 2_000, "{}", walk.checked);
    assert!(walk.problems.is_empty(), "{}", walk.problems.join("\n"));
}

/// Every variant of the event, group, story and refusal sentences, built
/// by hand (the runs above do not reach them all).
fn constructed(walk: &mut Walk) {
    walk.name("orders-0 orders producer-1 broker-1 broker-2 consumer-1 order-audit alice");
    // Values typed into a field, and a command's own name, as given.
    walk.name("x both StopBroker");
    let s = |x: &str| x.to_string();
    let tp = || s("orders-0");
    let decisions = [
        PartitionDecision::Explicit,
        PartitionDecision::KeyHash {
            murmur2: -5,
            partitions: 3,
        },
        PartitionDecision::Sticky {
            produced_bytes: 100,
            batch_size: 16_384,
        },
        PartitionDecision::RoundRobin { skipped: None },
        PartitionDecision::RoundRobin { skipped: Some(1) },
    ];
    let mut lines: Vec<EventLine> = decisions
        .into_iter()
        .map(|decision| {
            EventLine::Produce(ProduceLine::RecordCreated {
                producer: s("producer-1"),
                record: RecordId(1),
                key: Some(s("alice")),
                tp: tp(),
                partition: 0,
                decision,
            })
        })
        .collect();
    for (compression, attempt) in [(Compression::None, 1), (Compression::Zstd, 3)] {
        lines.push(EventLine::Produce(ProduceLine::BatchSent {
            producer: s("producer-1"),
            batch: BatchId(2),
            records: 3,
            bytes: 120,
            compression,
            uncompressed_bytes: 300,
            attempt,
            leader: s("broker-1"),
            tp: tp(),
        }));
    }
    for reason in [
        RollReason::SegmentBytes,
        RollReason::SegmentMs,
        RollReason::Retention,
    ] {
        lines.push(EventLine::Log(LogLine::SegmentRolled {
            broker: s("broker-1"),
            tp: tp(),
            base_offset: 4,
            reason,
        }));
    }
    for reason in [
        DeletionReason::RetentionMs,
        DeletionReason::RetentionBytes,
        DeletionReason::LogStartOffset,
    ] {
        lines.push(EventLine::Log(LogLine::SegmentsDeleted {
            broker: s("broker-1"),
            segments: 2,
            tp: tp(),
            first: 0,
            end: 8,
            records: 8,
            bytes: 900,
            reason,
        }));
    }
    for cause in [LogStartCause::Retention, LogStartCause::Leader] {
        lines.push(EventLine::Log(LogLine::LogStartMoved {
            tp: tp(),
            broker: s("broker-2"),
            log_start_offset: 8,
            cause,
        }));
    }
    lines.push(EventLine::Log(LogLine::LogCompacted {
        broker: s("broker-1"),
        tp: tp(),
        end_offset: 9,
        dirty_percent: 60,
        superseded: 4,
        tombstones: 1,
        keyless: 2,
        bytes_before: 900,
        bytes_after: 400,
        segments_before: 3,
        segments_after: 1,
    }));
    for to in [None, Some(12), Some(3)] {
        lines.push(EventLine::Consume(ConsumeLine::ConsumerOffsetReset {
            member: s("consumer-1"),
            group: s("order-audit"),
            from: 5,
            tp: tp(),
            to,
            policy: OffsetReset::Earliest,
            log_start_offset: 10,
            log_end_offset: 20,
        }));
    }
    for (leader, kind) in [
        (None, ElectionKind::Offline),
        (Some(s("broker-2")), ElectionKind::Unclean),
        (Some(s("broker-1")), ElectionKind::Preferred),
        (Some(s("broker-3")), ElectionKind::Clean),
    ] {
        lines.push(EventLine::Cluster(ClusterLine::LeaderElected {
            tp: tp(),
            leader,
            leader_epoch: 2,
            kind,
        }));
    }
    for reason in [
        IsrChange::LaggingFollower,
        IsrChange::BrokerGone,
        IsrChange::CaughtUp,
    ] {
        lines.push(EventLine::Cluster(ClusterLine::IsrChanged {
            tp: tp(),
            isr: vec![1, 2],
            reason,
        }));
    }
    for reason in [DropReason::ReceiverDown, DropReason::LinkCut] {
        lines.push(EventLine::Cluster(ClusterLine::MessageDropped {
            kind: "Produce",
            from: s("producer-1"),
            to: s("broker-1"),
            reason,
        }));
    }
    for reason in [
        LossReason::NotOnNewLeader,
        LossReason::UncleanElection,
        LossReason::Acks0Undelivered,
    ] {
        lines.push(EventLine::Replica(ReplicaLine::RecordsLost {
            records: 2,
            tp: tp(),
            acknowledged: 1,
            reason,
        }));
    }
    for error in [
        ProduceError::NotEnoughReplicas,
        ProduceError::NotEnoughReplicasAfterAppend,
        ProduceError::NotLeaderOrFollower,
        ProduceError::RequestTimedOut,
        ProduceError::InvalidRecord,
    ] {
        lines.push(EventLine::Produce(ProduceLine::ProduceFailed {
            producer: s("producer-1"),
            error,
            batch: BatchId(3),
            tp: tp(),
        }));
    }
    for (reason, weights) in [
        (SwitchReason::First, None),
        (SwitchReason::BatchSizeAndFull, Some(vec![(0, 2), (1, 1)])),
        (SwitchReason::TwiceBatchSize, None),
    ] {
        lines.push(EventLine::Produce(ProduceLine::StickySwitched {
            producer: s("producer-1"),
            from: Some(tp()),
            produced_bytes: 16_384,
            to: s("orders-1"),
            reason,
            weights,
        }));
    }
    lines.extend([
        EventLine::Replica(ReplicaLine::BatchAppended {
            broker: s("broker-1"),
            tp: tp(),
            first: 0,
            last: 2,
            leader_epoch: 1,
        }),
        EventLine::Replica(ReplicaLine::ReplicaCopied {
            broker: s("broker-2"),
            tp: tp(),
            first: 0,
            last: 2,
        }),
        EventLine::Replica(ReplicaLine::HighWatermark {
            tp: tp(),
            broker: s("broker-1"),
            high_watermark: 3,
        }),
        EventLine::Produce(ProduceLine::ProduceAcked {
            producer: s("producer-1"),
            tp: tp(),
            base_offset: 0,
            records: 3,
        }),
        EventLine::Produce(ProduceLine::ProduceAssumed {
            producer: s("producer-1"),
            batch: BatchId(4),
        }),
        EventLine::Consume(ConsumeLine::FetchSent {
            member: s("consumer-1"),
            broker: s("broker-1"),
            positions: vec![(tp(), 3)],
        }),
        EventLine::Consume(ConsumeLine::FetchAnswered {
            broker: s("broker-1"),
            member: s("consumer-1"),
            records: 3,
        }),
        EventLine::Consume(ConsumeLine::RecordConsumed {
            member: s("consumer-1"),
            record: RecordId(1),
            tp: tp(),
            offset: 0,
        }),
        EventLine::Consume(ConsumeLine::OffsetCommitted {
            group: s("order-audit"),
            tp: tp(),
            offset: 3,
            member: s("consumer-1"),
        }),
        EventLine::Consume(ConsumeLine::PartitionsAssigned {
            group: s("order-audit"),
            generation: 2,
            assignor: Some(Assignor::Sticky),
            assignment: vec![(s("consumer-1"), vec![0, 1])],
        }),
        EventLine::Produce(ProduceLine::ProducerRate {
            producer: s("producer-1"),
            records_per_sec: 5,
        }),
        EventLine::Replica(ReplicaLine::FollowerOutOfRange {
            broker: s("broker-2"),
            fetch_offset: 3,
            tp: tp(),
            leader_log_start: 9,
            dropped: 3,
        }),
        EventLine::Log(LogLine::TopicConfigChanged {
            topic: s("orders"),
            name: s("retention.ms"),
            new: s("60000"),
            old: s("604800000"),
        }),
        EventLine::Log(LogLine::RetentionCheckInterval { interval_ms: 5_000 }),
        EventLine::Cluster(ClusterLine::BrokerStopped {
            broker: s("broker-1"),
            clean: true,
        }),
        EventLine::Cluster(ClusterLine::BrokerStopped {
            broker: s("broker-1"),
            clean: false,
        }),
        EventLine::Cluster(ClusterLine::BrokerStarted {
            broker: s("broker-1"),
        }),
        EventLine::Cluster(ClusterLine::BrokerFenced {
            broker: s("broker-1"),
        }),
        EventLine::Cluster(ClusterLine::BrokerSlowed {
            broker: s("broker-1"),
            extra_latency_ms: 0,
        }),
        EventLine::Cluster(ClusterLine::BrokerSlowed {
            broker: s("broker-1"),
            extra_latency_ms: 2_000,
        }),
        EventLine::Cluster(ClusterLine::LinkChanged {
            a: s("broker-1"),
            b: s("broker-2"),
            up: true,
        }),
        EventLine::Cluster(ClusterLine::LinkChanged {
            a: s("broker-1"),
            b: s("broker-2"),
            up: false,
        }),
        EventLine::Replica(ReplicaLine::FollowerTruncated {
            broker: s("broker-2"),
            tp: tp(),
            from: 10,
            to: 7,
        }),
        EventLine::Replica(ReplicaLine::RecordsDiscarded {
            records: 2,
            tp: tp(),
        }),
        EventLine::Produce(ProduceLine::RequestTimedOut {
            producer: s("producer-1"),
            broker: s("broker-1"),
            batches: 2,
        }),
        EventLine::Produce(ProduceLine::ProduceRetried {
            producer: s("producer-1"),
            batch: BatchId(5),
            tp: tp(),
            next_attempt: 2,
        }),
        EventLine::Produce(ProduceLine::BatchExpired {
            producer: s("producer-1"),
            batch: BatchId(5),
            tp: tp(),
            records: 3,
        }),
        EventLine::Replica(ReplicaLine::DuplicateIgnored {
            broker: s("broker-1"),
            batch: BatchId(5),
            tp: tp(),
            base_offset: 4,
        }),
        EventLine::Replica(ReplicaLine::DuplicateAppended {
            broker: s("broker-1"),
            batch: BatchId(5),
            tp: tp(),
            records: 3,
        }),
        EventLine::Replica(ReplicaLine::OutOfOrderSequence {
            broker: s("broker-1"),
            batch: BatchId(6),
            tp: tp(),
            got: 9,
            expected: 7,
        }),
        EventLine::Replica(ReplicaLine::PartitionsAdded {
            topic: s("orders"),
            from: 3,
            to: 5,
            replicas: vec![vec![1, 2], vec![2, 3]],
        }),
        EventLine::Produce(ProduceLine::MetadataRefreshed {
            producer: s("producer-1"),
            from: 3,
            to: 5,
            moved: vec![(s("alice"), 0, 4)],
        }),
        EventLine::Produce(ProduceLine::MetadataRefreshed {
            producer: s("producer-1"),
            from: 3,
            to: 5,
            moved: vec![],
        }),
    ]);
    let setting_values = [
        (
            ProducerSetting::Partitioner,
            SettingValue::Partitioner(Partitioner::BuiltIn),
            SettingValue::Partitioner(Partitioner::RoundRobin),
        ),
        (
            ProducerSetting::Mode,
            SettingValue::Mode(SendMode::Async),
            SettingValue::Mode(SendMode::Sync),
        ),
        (
            ProducerSetting::Keys,
            SettingValue::Plain(s("alice,bob")),
            SettingValue::Plain(s("alice")),
        ),
        (
            ProducerSetting::ValueBytes,
            SettingValue::Plain(s("100")),
            SettingValue::Plain(s("200")),
        ),
    ];
    lines.push(EventLine::Produce(ProduceLine::ProducerConfigChanged {
        producer: s("producer-1"),
        changes: setting_values
            .into_iter()
            .map(|(setting, old, new)| ProducerChange { setting, old, new })
            .collect(),
    }));
    let removals = [
        RemovalReason::Left(LeaveReason::Closing),
        RemovalReason::Left(LeaveReason::PollTimeout),
        RemovalReason::SessionTimeout { session_ms: 10_000 },
        RemovalReason::RebalanceTimeout,
    ];
    let mut groups: Vec<GroupLine> = removals
        .iter()
        .map(|reason| GroupLine::MemberRemoved {
            member: s("consumer-1"),
            group: s("order-audit"),
            reason: *reason,
        })
        .collect();
    for because in [
        Because::Joined(s("consumer-1")),
        Because::Rejoined(s("consumer-1")),
        Because::Removed {
            member: s("consumer-1"),
            reason: RemovalReason::RebalanceTimeout,
        },
        Because::AssignorChanged(Assignor::RoundRobin),
        Because::ProtocolChanged(RebalanceProtocol::Cooperative),
    ] {
        groups.push(GroupLine::RebalanceStarted {
            group: s("order-audit"),
            protocol: RebalanceProtocol::Eager,
            because,
        });
    }
    for change in [
        Change::ProcessingTime {
            member: s("consumer-1"),
            ms: 500,
        },
        Change::Assignor {
            assignor: Assignor::CooperativeSticky,
            protocol: RebalanceProtocol::Cooperative,
        },
        Change::Protocol(RebalanceProtocol::Eager),
        Change::CommitMode(CommitMode::Auto),
        Change::CommitMode(CommitMode::ManualPerPoll),
    ] {
        groups.push(GroupLine::ConfigChanged {
            group: s("order-audit"),
            change,
        });
    }
    groups.extend([
        GroupLine::MemberAdded {
            member: s("consumer-1"),
            group: s("order-audit"),
        },
        GroupLine::MemberClosing {
            member: s("consumer-1"),
            group: s("order-audit"),
        },
        GroupLine::MemberCrashed {
            member: s("consumer-1"),
            group: s("order-audit"),
        },
        GroupLine::MemberPaused {
            member: s("consumer-1"),
            paused: true,
        },
        GroupLine::MemberPaused {
            member: s("consumer-1"),
            paused: false,
        },
        GroupLine::PartitionsRevoked {
            member: s("consumer-1"),
            partitions: vec![0, 1],
            lost: true,
        },
        GroupLine::PartitionsRevoked {
            member: s("consumer-1"),
            partitions: vec![0],
            lost: false,
        },
        GroupLine::JoinGroupSent {
            member: s("consumer-1"),
            owned: vec![],
        },
        GroupLine::JoinGroupSent {
            member: s("consumer-1"),
            owned: vec![2],
        },
        GroupLine::JoinCompleted {
            members: 2,
            group: s("order-audit"),
            generation: 3,
            leader: s("consumer-1"),
        },
        GroupLine::AssignmentComputed {
            leader: s("consumer-1"),
            assignor: Assignor::Range,
            plan: vec![(s("consumer-1"), vec![0, 1])],
            held_back: vec![2],
        },
        GroupLine::AssignmentReceived {
            member: s("consumer-1"),
            generation: 3,
            owned: vec![0],
            added: vec![0],
            revoked: vec![1],
        },
        GroupLine::RecordReprocessed {
            member: s("consumer-1"),
            record: RecordId(4),
            tp: tp(),
            offset: 2,
        },
        GroupLine::CommitFailed {
            member: s("consumer-1"),
            error: "ILLEGAL_GENERATION",
        },
        GroupLine::OffsetReset {
            member: s("consumer-1"),
            tp: tp(),
            cause: ResetCause::NoCommittedOffset,
            from: Some(3),
            to: Some(0),
            policy: OffsetReset::Earliest,
        },
        GroupLine::OffsetReset {
            member: s("consumer-1"),
            tp: tp(),
            cause: ResetCause::NoCommittedOffset,
            from: None,
            to: None,
            policy: OffsetReset::None,
        },
        GroupLine::Seeked {
            member: s("consumer-1"),
            tp: tp(),
            from: Some(3),
            to: 0,
        },
        GroupLine::GroupAdded {
            group: s("order-audit"),
            topic: s("orders"),
            members: 2,
        },
    ]);
    for l in lines
        .into_iter()
        .chain(groups.into_iter().map(EventLine::Group))
    {
        let (en, ko) = (l.en(), l.ko());
        walk.pair("constructed event", &en, &ko);
        walk.facts("constructed event", &en, &ko);
    }
    for r in refusals() {
        let (en, ko) = (
            refusal::refusal(Lang::En, &r),
            refusal::refusal(Lang::Ko, &r),
        );
        walk.pair("refusal", &en, &ko);
        walk.facts("refusal", &en, &ko);
        let refused = Refused::Engine(r);
        walk.say("notice", &Notice::Refused(Problem::Command(refused)));
    }
    for refused in [
        Refused::HistoryFull { max: 10_000 },
        Refused::InPast,
        Refused::Loading,
    ] {
        walk.pair(
            "history refusal",
            &refusal::history_refusal(Lang::En, &refused),
            &refusal::history_refusal(Lang::Ko, &refused),
        );
    }
}

/// One refusal of every reason.
fn refusals() -> Vec<Refusal> {
    use RefusalReason as R;
    let s = |x: &str| x.to_string();
    let mut out = vec![
        R::InvalidValue {
            value: s("-2"),
            config: s("retention.ms"),
            problem: ValueProblem::AtLeast(-1),
        },
        R::InvalidValue {
            value: s("x"),
            config: s("segment.bytes"),
            problem: ValueProblem::NotANumber(KafkaType::Int),
        },
        R::InvalidValue {
            value: s("2"),
            config: s("min.cleanable.dirty.ratio"),
            problem: ValueProblem::NoMoreThan(1),
        },
        R::InvalidValue {
            value: s("both"),
            config: s("cleanup.policy"),
            problem: ValueProblem::NotOneOf(&["compact", "delete"]),
        },
        R::UnknownTopicConfig {
            name: s("retention.hours"),
        },
        R::CountOutOfRange {
            what: Counted::Groups,
            value: 9,
            min: 0,
            max: 8,
        },
        R::CountOutOfRange {
            what: Counted::KeysOf(s("producer-1")),
            value: 2_000,
            min: 0,
            max: 1_000,
        },
        R::Of {
            subject: s("producer-1"),
            reason: Box::new(R::OutOfRange {
                setting: Setting::Own(OwnSetting::RecordsPerSec),
                value: 99_999,
                min: 0,
                max: 10_000,
                unit: Unit::RecordsPerSec,
                kafka: None,
            }),
        },
        R::DeliveryTimeoutTooShort,
        R::InvalidGroupId,
        R::GroupTopicUnknown {
            group: s("order-audit"),
            topic: s("orders"),
        },
        R::ProducerTopicUnknown {
            producer: s("producer-1"),
            topic: s("orders"),
        },
        R::SessionTimeoutOutsideBroker {
            session_ms: 2_000_000,
            max_ms: 1_800_000,
        },
        R::HeartbeatNotBelowSession,
        R::CooperativeNeedsCooperativeSticky {
            assignor: Assignor::Range,
        },
        R::TrafficTooHigh {
            copies: 60_000,
            max: 30_000,
        },
        R::ReplicaLagBelowFetchWait {
            fetch_wait_ms: 500,
            lag_ms: 100,
        },
        R::TopicExists { name: s("orders") },
        R::NoPartitions,
        R::ZeroReplicationFactor,
        R::ReplicationFactorAboveBrokers {
            replication_factor: 4,
            brokers: 3,
        },
        R::TopicNotHosted,
        R::PartitionsNotIncreased {
            topic: s("orders"),
            current: 3,
            total: 2,
        },
        R::PartitionsUnchanged { current: 3 },
        R::TooManyPartitions { total: 65, max: 64 },
        R::AllBrokersFenced,
        R::NoSuchNode(Node::Producer(ProducerId(4))),
        R::NoSuchNode(Node::Member(MemberId(4))),
        R::NoSuchTopic(TopicIdx(4)),
        R::RecordTooLarge { max: 1_024 },
        R::InvalidPartition {
            partition: 3,
            partitions: 3,
        },
        R::SyncProducerWaiting {
            producer: s("producer-1"),
        },
        R::ProducerIdentityFixed,
        R::UnknownMember(MemberId(4)),
        R::GroupNotFound(GroupIdx(4)),
        R::GroupFull { max: 32 },
        R::InvalidInstanceId,
        R::InstanceIdInUse { id: s("static-1") },
        R::GroupExists {
            id: s("order-audit"),
        },
        R::NoCurrentAssignment {
            partition: s("orders-0"),
        },
        R::NotAGroupCommand(s("StopBroker")),
        R::BrokerAlreadyStopped(BrokerId(1)),
        R::BrokerAlreadyRunning(BrokerId(1)),
        R::LinkToItself,
        R::CompareTooLong { max: 5_000 },
        R::CompareSpecInvalid,
    ];
    for problem in [
        TopicNameProblem::Empty,
        TopicNameProblem::Dots,
        TopicNameProblem::TooLong,
        TopicNameProblem::IllegalCharacters,
    ] {
        out.push(R::InvalidTopicName {
            name: s("orders"),
            problem,
        });
    }
    for own in [
        OwnSetting::NetworkLatency,
        OwnSetting::ExtraLatency,
        OwnSetting::ValueBytes,
        OwnSetting::Members,
        OwnSetting::ProcessingTime,
    ] {
        out.push(R::OutOfRange {
            setting: Setting::Own(own),
            value: 0,
            min: 1,
            max: 60_000,
            unit: Unit::Ms,
            kafka: None,
        });
    }
    out.push(R::OutOfRange {
        setting: Setting::Kafka("metadata.max.age.ms"),
        value: 0,
        min: 100,
        max: 3_600_000,
        unit: Unit::Bytes,
        kafka: Some((0, 9_223_372_036_854_775_807)),
    });
    for what in [
        Counted::Brokers,
        Counted::Topics,
        Counted::Producers,
        Counted::ProducerNameBytes,
        Counted::KeyBytes,
        Counted::GroupIdBytes,
        Counted::MembersOf(s("order-audit")),
        Counted::PartitionsOf(s("orders")),
    ] {
        out.push(R::CountOutOfRange {
            what,
            value: 0,
            min: 1,
            max: 8,
        });
    }
    out.into_iter().map(Refusal::from).collect()
}

/// Every label, and every sentence of the panels, long work and notices.
fn panels(walk: &mut Walk) {
    walk.name("orders orders-0 producer-1 consumer-1 order-audit broker-1 alice 민준 static-1");
    for l in AppLabel::ALL {
        walk.pair("app label", l.en(), l.ko());
    }
    for l in ProducerLabel::ALL {
        walk.pair("producer label", l.en(), l.ko());
    }
    for l in CompareLabel::ALL {
        walk.pair("compare label", l.en(), l.ko());
    }
    for l in GroupLabel::ALL {
        walk.pair("group label", l.en(), l.ko());
    }
    for l in RetentionLabel::ALL {
        walk.pair("retention label", l.en(), l.ko());
    }
    for l in PageLabel::ALL {
        walk.pair("page label", l.en(), l.ko());
    }
    for s in STRATEGIES {
        walk.words("strategy", |lang| {
            let (name, settings) = words::strategy(lang, s);
            format!("{name}: {settings}")
        });
    }
    for p in [
        MemberPhase::Unjoined,
        MemberPhase::Joining,
        MemberPhase::AwaitingSync,
        MemberPhase::Stable,
        MemberPhase::Leaving,
        MemberPhase::Crashed,
    ] {
        walk.words("phase", |lang| words::phase(lang, p).to_string());
    }
    for b in [
        BurrowStatus::NotEnoughData,
        BurrowStatus::Ok,
        BurrowStatus::Warn,
        BurrowStatus::Stop,
        BurrowStatus::Stall,
        BurrowStatus::Rewind,
    ] {
        walk.words("burrow", |lang| {
            format!(
                "{} {}",
                words::burrow_label(lang, b),
                words::burrow_explain(lang, b)
            )
        });
    }
    let s = |x: &str| x.to_string();
    let app = [
        AppLine::TeachingNote { latency_ms: 300 },
        AppLine::Ledger {
            created: 5,
            appended: 4,
            acknowledged: 3,
            lost: 1,
            acknowledged_lost: 0,
            dropped: 2,
        },
        AppLine::SceneSummary {
            brokers: 3,
            producers: 1,
            groups: 1,
            created: 5,
            acknowledged: 3,
            consumed: 2,
        },
        AppLine::RecordLabel {
            tp: s("orders-0"),
            offset: 3,
            key: s("alice"),
        },
        AppLine::RecordSummary {
            tp: s("orders-0"),
            offset: 3,
            key: s("\"alice\""),
            value: s("hello"),
            bytes: 90,
        },
        AppLine::BoxDecision {
            sticky: true,
            partition: 1,
        },
        AppLine::BoxDecision {
            sticky: false,
            partition: 1,
        },
        AppLine::BoxRoundRobin {
            partition: 1,
            skipped: Some(0),
        },
        AppLine::BoxRoundRobin {
            partition: 1,
            skipped: None,
        },
        AppLine::SlowTitle { ms: 2_000 },
        AppLine::MsgJoined { generation: 2 },
        AppLine::MsgEpoch { epoch: 2 },
        AppLine::MsgEpochEnd { end: 9 },
        AppLine::Lost {
            record: RecordId(3),
            tp: s("orders-0"),
            offset: Some(2),
            key: s("\"alice\""),
            at_ms: 1_234,
            acknowledged: true,
            reason: LossReason::NotOnNewLeader,
        },
    ];
    for l in app {
        walk.say("app line", &l);
    }
    let spec = CompareSpec {
        partitions: 4,
        records: 300,
        keys: vec![s("alice")],
        null_key_percent: 0,
        value_bytes: 100,
        batch_size: 16_384,
        linger_ms: 5,
        records_per_sec: 100,
        seed: 1,
    };
    let producer = [
        ProducerLine::Heading {
            name: s("producer-1"),
            topic: s("orders"),
        },
        ProducerLine::KeyHash {
            murmur2: -7,
            partitions: 3,
            partition: 2,
        },
        ProducerLine::StickyDecision {
            partition: 1,
            produced: 100,
            batch_size: 16_384,
        },
        ProducerLine::RoundRobin {
            partition: 1,
            skipped: Some(0),
        },
        ProducerLine::RoundRobin {
            partition: 1,
            skipped: None,
        },
        ProducerLine::ExplicitPartition { partition: 2 },
        ProducerLine::StickySwitch {
            from: Some(0),
            to: 2,
            reason: SwitchReason::TwiceBatchSize,
            produced_bytes: 32_768,
            weights: Some(vec![(0, 1)]),
        },
        ProducerLine::StickySwitch {
            from: None,
            to: 2,
            reason: SwitchReason::First,
            produced_bytes: 0,
            weights: None,
        },
        ProducerLine::StickyState {
            partition: 1,
            produced: 100,
            batch_size: 16_384,
        },
        ProducerLine::RoundRobinCounter { counter: 4 },
        ProducerLine::NoStickyYet,
        ProducerLine::RetryIn { ms: 100 },
        ProducerLine::Lingering {
            age_ms: 2,
            linger_ms: 5,
        },
        ProducerLine::OpenBatch {
            partition: 1,
            batch: s("b3"),
            records: 2,
            estimated: 200,
            batch_size: 16_384,
        },
        ProducerLine::Fill { percent: 12.0 },
        ProducerLine::SentBatch {
            batch: s("b3"),
            partition: 1,
            records: 2,
            bytes: 90,
            compression: Compression::Lz4,
            uncompressed_bytes: 200,
            attempt: 2,
        },
        ProducerLine::BatchesHint {
            batch_size: 16_384,
            linger_ms: 5,
            compression: Compression::None,
            ratio: 1.0,
            in_flight: 1,
            max_in_flight: 5,
            idempotent: true,
        },
        ProducerLine::Counters {
            acknowledged: 5,
            retries: 1,
            duplicates_dropped: 1,
            duplicates_appended: 0,
            failed: 0,
        },
        ProducerLine::HandRecord {
            record: s("r3"),
            key: s("\"alice\""),
            value: s("hello"),
            tp: s("orders-0"),
            offset: 3,
        },
        ProducerLine::PartitionsLabel { topic: s("orders") },
        ProducerLine::SetPartitionCount { now: 3 },
        ProducerLine::MetadataPending {
            total: 5,
            producer: s("producer-1"),
            known: 3,
            next_s: 10.0,
            age_s: 10,
        },
        ProducerLine::KeyMoves {
            key: s("alice"),
            from: 0,
            to: 4,
        },
        ProducerLine::KeyStays {
            key: s("alice"),
            partition: 0,
        },
        ProducerLine::KeysAfter {
            from: 3,
            to: 5,
            moved: 2,
            total: 6,
        },
        ProducerLine::PartitionOption { partition: 2 },
        ProducerLine::CompareSpec(spec),
        ProducerLine::Records { n: 30 },
        ProducerLine::Batches { n: 3 },
    ];
    for l in producer {
        walk.say("producer line", &l);
    }
    let groups = [
        GroupPanelLine::StateLine {
            state: "Stable",
            generation: 2,
            assignor: Assignor::Range,
        },
        GroupPanelLine::BoxLag {
            lag: 3,
            status: BurrowStatus::Warn,
        },
        GroupPanelLine::Owns {
            partitions: vec![0, 1],
            lags: vec![Some(3), None],
        },
        GroupPanelLine::ProcessingAt {
            partition: 1,
            offset: 4,
        },
        GroupPanelLine::SettingsOf {
            group: s("order-audit"),
        },
        GroupPanelLine::MemberAction {
            action: GroupLabel::Pause,
            member: s("consumer-1"),
        },
        GroupPanelLine::Seek {
            tp: s("orders-0"),
            to_end: true,
        },
        GroupPanelLine::Seek {
            tp: s("orders-0"),
            to_end: false,
        },
        GroupPanelLine::Heading {
            group: s("order-audit"),
        },
        GroupPanelLine::Coordinator {
            coordinator: s("broker-1"),
            offsets_partition: 12,
            group: s("order-audit"),
        },
        GroupPanelLine::State {
            state: "PreparingRebalance",
            generation: 2,
            leader: None,
            assignor: Assignor::Sticky,
            protocol: RebalanceProtocol::Eager,
            commit: CommitMode::Auto,
            reset: OffsetReset::Latest,
        },
        GroupPanelLine::LastRebalance(Because::Joined(s("consumer-1"))),
        GroupPanelLine::Counts {
            lag: 3,
            duplicates: 1,
            replays: 0,
            rebalances: 2,
        },
        GroupPanelLine::LagChart {
            group: s("order-audit"),
            span: Some((0, 60, 3, 9)),
        },
        GroupPanelLine::LagChart {
            group: s("order-audit"),
            span: None,
        },
    ];
    for l in groups {
        walk.say("group line", &l);
    }
    let retention = [
        RetentionLine::Millis(604_800_000),
        RetentionLine::Bytes(1 << 30),
        RetentionLine::CleanedBelow { offset: 9 },
        RetentionLine::LeaderStat {
            tp: s("orders-0"),
            segments: 2,
            bytes: 900,
            records: 9,
            log_start: 0,
            cleaned_below: Some(4),
        },
        RetentionLine::TopicHeading { topic: s("orders") },
        RetentionLine::OnLeaders {
            stats: s("orders-0"),
        },
        RetentionLine::IntervalInForce {
            interval_ms: 5_000,
            default_ms: 300_000,
        },
        RetentionLine::TombstoneNote {
            producer: s("producer-1"),
        },
        RetentionLine::SegmentTitle {
            base: 4,
            records: 3,
            bytes: 300,
            active: true,
        },
        RetentionLine::Removed {
            offset: 3,
            cause: RemovalCause::Compaction,
        },
        RetentionLine::Removed {
            offset: 3,
            cause: RemovalCause::Retention(DeletionReason::RetentionMs),
        },
    ];
    for l in retention {
        walk.say("retention line", &l);
    }
    for to in [None, Some(12), Some(3)] {
        walk.say(
            "offset reset",
            &RetentionLine::Reset {
                at_ms: 4_000,
                member: s("consumer-1"),
                group: s("order-audit"),
                tp: s("orders-0"),
                from: 5,
                to,
                policy: OffsetReset::Earliest,
                log_start: 10,
                skipped: 7,
                deleted: 5,
            },
        );
    }
    for l in [
        PageLine::StepOf { step: 2, total: 5 },
        PageLine::ReturnTo { title: s("orders") },
        PageLine::StoryCut { at_ms: 3_000 },
    ] {
        walk.say("page line", &l);
    }
    for purpose in [Purpose::Link, Purpose::Lesson, Purpose::Seek] {
        walk.say(
            "progress",
            &Progress {
                purpose,
                goal_ms: 2_500,
            },
        );
        walk.say("cancelled", &Notice::Cancelled(purpose));
        let works = [
            WorkRefusal::Cluster(Refusal::from(RefusalReason::NoPartitions)),
            WorkRefusal::Command {
                number: 1,
                refused: Refused::Engine(Refusal::from(RefusalReason::LinkToItself)),
            },
            WorkRefusal::TooLarge {
                mb: 600,
                at_ms: 3_600_000,
                max_mb: 512,
            },
            WorkRefusal::OverBudget {
                max_steps: 8_000_000,
                at_ms: 3_000,
                end_ms: 86_400_000,
            },
            WorkRefusal::Estimate {
                steps: 860_000_000,
                end_ms: 86_400_000,
                per_second: 10_000,
                max_steps: 8_000_000,
            },
        ];
        for why in works {
            walk.say(
                "work refused",
                &Notice::Refused(Problem::Work(JobRefusal { purpose, why })),
            );
        }
    }
    let links = [
        LinkError::TooLong {
            chars: 70_000,
            max: 65_536,
        },
        LinkError::NotBase64(s("Invalid byte 37, offset 0.")),
        LinkError::NotDeflate(s("corrupt deflate stream")),
        LinkError::StateTooLarge { max: 1 << 20 },
        LinkError::StateInvalid {
            what: s("missing field v"),
            line: 1,
            column: 5,
        },
        LinkError::Version {
            found: 9,
            newest: 2,
        },
        LinkError::TooManyCommands {
            count: 10_001,
            max: 10_000,
        },
        LinkError::TimePast { max_ms: 86_400_000 },
        LinkError::OutOfOrder,
        LinkError::AppliedAboveHeld {
            applied: 2,
            held: 1,
        },
        LinkError::UnknownScenario(s("nope")),
        LinkError::NoScenario,
        LinkError::MomentOverBudget {
            steps: 9_000_000,
            max_steps: 8_000_000,
        },
        LinkError::Cluster(Refusal::from(RefusalReason::NoPartitions)),
    ];
    // The decoders' own messages are quoted as they come (their words).
    walk.name("Invalid byte offset corrupt deflate stream missing field v nope");
    for e in links {
        walk.say("link refused", &Notice::Refused(Problem::Link(e)));
    }
    let problems = [
        Problem::Busy,
        Problem::Refusal(Refusal::from(RefusalReason::InvalidGroupId)),
        Problem::Halt(Halt::SceneTooLarge {
            at_ms: 60_000,
            mb: 600,
            max_mb: 512,
        }),
        Problem::Halt(Halt::StepBackTooFar {
            max_steps: 2_000_000,
            spent: 2_000_001,
        }),
        Problem::NoScenario(s("nope")),
        Problem::NoLesson(s("nope")),
        Problem::LessonFile {
            id: s("nope"),
            detail: s("nope"),
        },
        Problem::Embed(EmbedWarning::BadValue {
            option: "theme",
            value: s("nope"),
        }),
        Problem::Embed(EmbedWarning::UnknownControl(s("nope"))),
        Problem::Embed(EmbedWarning::TooManyOrigins { max: 8 }),
        Problem::Embed(EmbedWarning::BadOrigin(s("nope"))),
        Problem::Embed(EmbedWarning::UnknownOption(s("nope"))),
        Problem::HostMessage(HostMessageError::NeedsNumber("seek")),
        Problem::HostMessage(HostMessageError::SeekOutOfRange(-1.0)),
        Problem::HostMessage(HostMessageError::SpeedOutOfRange(1_000.0)),
        Problem::HostMessage(HostMessageError::LangNeedsEnOrKo),
        Problem::HostMessage(HostMessageError::UnknownType(s("nope"))),
        Problem::TooManyHostMessages { max: 60 },
        Problem::Several(vec![Problem::Busy, Problem::NoScenario(s("nope"))]),
    ];
    walk.name("theme seek");
    for p in problems {
        walk.say("notice", &Notice::Refused(p));
    }
    walk.say("forked", &Notice::Forked);
    // Korean of the page is Korean: every label holds Hangul but Kafka's own words.
    for l in AppLabel::ALL {
        let ko = l.ko();
        if !has_hangul(ko) && ascii_words(ko).iter().any(|w| !allowed(w, &walk.names)) {
            walk.problems.push(format!("label not translated: {ko}"));
        }
    }
    let _ = TopicConfig::new("t", 1);
}
