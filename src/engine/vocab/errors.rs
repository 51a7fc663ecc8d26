//! Kafka error codes the engine answers with, by Kafka's names.

use std::fmt;

/// Errors a leader can answer a produce request with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ProduceError {
    /// `acks=all` and the ISR is smaller than `min.insync.replicas`: refused
    /// before the append.
    NotEnoughReplicas,
    /// The records were appended, but when the HW passed them the ISR was
    /// smaller than `min.insync.replicas` (they stay in the log).
    NotEnoughReplicasAfterAppend,
    /// The broker is not (or no longer) the partition's leader.
    NotLeaderOrFollower,
    /// The leader waited `request.timeout.ms` for the ISR without success.
    RequestTimedOut,
    /// The batch breaks a rule of the topic: a record without a key sent to
    /// a compacted topic. Not retriable.
    InvalidRecord,
    /// An idempotent batch whose first sequence number does not follow the
    /// last one the leader appended for that producer (a batch before it is
    /// missing; Kafka's `ProducerStateManager`). The producer retries it
    /// behind the missing one (`TransactionManager.canRetry`: it is not the
    /// next sequence, an earlier batch is still unresolved).
    OutOfOrderSequenceNumber,
}

impl ProduceError {
    /// Every produce error the engine answers with, for lists of names (the
    /// scenario format's `produce_error` check).
    pub const ALL: [ProduceError; 6] = [
        ProduceError::NotEnoughReplicas,
        ProduceError::NotEnoughReplicasAfterAppend,
        ProduceError::NotLeaderOrFollower,
        ProduceError::RequestTimedOut,
        ProduceError::InvalidRecord,
        ProduceError::OutOfOrderSequenceNumber,
    ];

    /// Kafka's error name.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            ProduceError::NotEnoughReplicas => "NOT_ENOUGH_REPLICAS",
            ProduceError::NotEnoughReplicasAfterAppend => "NOT_ENOUGH_REPLICAS_AFTER_APPEND",
            ProduceError::NotLeaderOrFollower => "NOT_LEADER_OR_FOLLOWER",
            ProduceError::RequestTimedOut => "REQUEST_TIMED_OUT",
            ProduceError::InvalidRecord => "INVALID_RECORD",
            ProduceError::OutOfOrderSequenceNumber => "OUT_OF_ORDER_SEQUENCE_NUMBER",
        }
    }

    /// Whether Kafka's producer retries on it.
    #[must_use]
    pub fn retriable(self) -> bool {
        self != ProduceError::InvalidRecord
    }
}

impl fmt::Display for ProduceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Why a message never arrived.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DropReason {
    /// The receiving broker is stopped or crashed.
    ReceiverDown,
    /// The link between sender and receiver is cut.
    LinkCut,
}

/// Why records were lost.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LossReason {
    /// The leader changed; the new leader never had these records (e.g.
    /// `acks=1` and the leader died before followers copied them).
    NotOnNewLeader,
    /// An out-of-sync replica was elected (`unclean.leader.election.enable`).
    UncleanElection,
    /// Sent with `acks=0` and never delivered (leader down, link cut):
    /// nobody noticed.
    Acks0Undelivered,
}
