//! Messages between producers, brokers and consumers: what each request and
//! answer carries (Kafka's API bodies, reduced to what the engine uses), and
//! the message on a link with its send and arrival times, so the picture can
//! show it moving.

use super::group_message::GroupMessage;
use crate::engine::kafka::batch::Batch;
use crate::engine::kafka::log::cold_run::LogSlice;
use crate::engine::kafka::log::entry::LogEntry;
use crate::engine::vocab::config::Acks;
use crate::engine::vocab::errors::ProduceError;
use crate::engine::vocab::ids::{BatchId, GroupIdx, MsgId, Node, TopicPartition};

/// A partition a fetch could not be served from: the position asked is
/// below the leader's log start offset or above its LEO
/// (`OFFSET_OUT_OF_RANGE`). Like Kafka's fetch response, the answer
/// carries the leader's log start offset and HW.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OutOfRange {
    /// The partition.
    pub tp: TopicPartition,
    /// The offset asked for.
    pub fetch_offset: u64,
    /// The leader's log start offset.
    pub log_start_offset: u64,
    /// The leader's high watermark.
    pub high_watermark: u64,
    /// The leader's log end offset.
    pub log_end_offset: u64,
}

/// What a message carries.
#[derive(Clone, Debug, PartialEq)]
pub enum Body {
    /// A batch for the partition's leader.
    ProduceRequest {
        /// The batch.
        batch: Batch,
        /// The producer's `acks`.
        acks: Acks,
    },
    /// The leader's answer.
    ProduceResponse {
        /// The batch answered.
        batch: BatchId,
        /// Its partition.
        tp: TopicPartition,
        /// Offset of the batch's first record.
        base_offset: u64,
        /// Records in it.
        records: u32,
        /// The error, or `None` for success.
        error: Option<ProduceError>,
    },
    /// A follower asks its leader for records from its log end offset.
    ReplicaFetchRequest {
        /// The partition.
        tp: TopicPartition,
        /// The follower's LEO: the next offset it needs.
        fetch_offset: u64,
        /// The leader epoch the follower believes current.
        leader_epoch: u32,
    },
    /// The leader's answer to a follower.
    ReplicaFetchResponse {
        /// The request answered.
        in_reply_to: MsgId,
        /// The partition.
        tp: TopicPartition,
        /// Records from the fetch offset (those the leader holds only as
        /// counts as parts of its counted runs).
        entries: LogSlice,
        /// The leader's high watermark.
        leader_high_watermark: u64,
        /// The epoch of the leader answering.
        leader_epoch: u32,
        /// The leader's log start offset (the follower's follows it).
        leader_log_start_offset: u64,
        /// `OFFSET_OUT_OF_RANGE`: the fetch offset is below the leader's log
        /// start offset (no entries then).
        offset_out_of_range: bool,
    },
    /// A follower of a new leader asks where its last epoch ended on the
    /// leader, to truncate what the leader does not have (KIP-101/279).
    OffsetsForLeaderEpochRequest {
        /// The partition.
        tp: TopicPartition,
        /// The follower's latest epoch.
        epoch: u32,
        /// The leader epoch the follower believes current.
        leader_epoch: u32,
    },
    /// The leader's answer: the largest epoch ≤ the one asked, and its end offset.
    OffsetsForLeaderEpochResponse {
        /// The request answered.
        in_reply_to: MsgId,
        /// The partition.
        tp: TopicPartition,
        /// The epoch found (`None`: the leader knows no epoch that old).
        epoch_end: Option<(u32, u64)>,
        /// The epoch of the leader answering.
        leader_epoch: u32,
    },
    /// A consumer asks a broker for records.
    FetchRequest {
        /// The group.
        group: GroupIdx,
        /// Partitions and the offset to read from.
        positions: Vec<(TopicPartition, u64)>,
        /// Most records to return.
        max_records: u32,
    },
    /// Records for the consumer.
    FetchResponse {
        /// Records per partition.
        records: Vec<(TopicPartition, Vec<LogEntry>)>,
        /// Partitions answered `OFFSET_OUT_OF_RANGE`.
        out_of_range: Vec<OutOfRange>,
    },
    /// A consumer commits offsets to its group coordinator.
    OffsetCommitRequest {
        /// The group.
        group: GroupIdx,
        /// The member's generation.
        generation: u32,
        /// Partitions and their next offset to read.
        offsets: Vec<(TopicPartition, u64)>,
        /// `commitSync` (the member waits for the answer) or async.
        sync: bool,
    },
    /// The coordinator's answer.
    OffsetCommitResponse {
        /// The offsets stored (none on error).
        offsets: Vec<(TopicPartition, u64)>,
        /// Kafka's error, if refused.
        error: Option<&'static str>,
        /// Echoes the request's `sync`.
        sync: bool,
    },
    /// Group membership: JoinGroup, SyncGroup, Heartbeat, LeaveGroup.
    Group(GroupMessage),
}

impl Body {
    /// A short name for the picture and the log.
    #[must_use]
    pub fn name(&self) -> &'static str {
        match self {
            Body::ProduceRequest { .. } => "Produce",
            Body::ProduceResponse { .. } => "ProduceResponse",
            Body::ReplicaFetchRequest { .. } => "ReplicaFetch",
            Body::ReplicaFetchResponse { .. } => "ReplicaFetchResponse",
            Body::OffsetsForLeaderEpochRequest { .. } => "OffsetsForLeaderEpoch",
            Body::OffsetsForLeaderEpochResponse { .. } => "OffsetsForLeaderEpochResponse",
            Body::FetchRequest { .. } => "Fetch",
            Body::FetchResponse { .. } => "FetchResponse",
            Body::OffsetCommitRequest { .. } => "OffsetCommit",
            Body::OffsetCommitResponse { .. } => "OffsetCommitResponse",
            Body::Group(g) => g.name(),
        }
    }
}

/// A message on a link.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    /// Stable id.
    pub id: MsgId,
    /// Sender.
    pub from: Node,
    /// Receiver.
    pub to: Node,
    /// When it left, simulated ms.
    pub sent_at_ms: u64,
    /// When it arrives, simulated ms.
    pub arrives_at_ms: u64,
    /// What it carries.
    pub body: Body,
}

impl Message {
    /// How far along its link the message is at `now_ms`, from 0 to 1.
    #[must_use]
    pub fn progress(&self, now_ms: f64) -> f64 {
        let span = (self.arrives_at_ms - self.sent_at_ms) as f64;
        if span <= 0.0 {
            return 1.0;
        }
        ((now_ms - self.sent_at_ms as f64) / span).clamp(0.0, 1.0)
    }
}
