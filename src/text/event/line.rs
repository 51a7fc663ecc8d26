//! One event as a sentence: [`EventLine`], by area of the cluster, said in
//! both languages (each area's sentences in their own file, both languages
//! side by side in one `match` per sentence).

use crate::text::lang::{Lang, Say};

use super::cluster::ClusterLine;
use super::consume::ConsumeLine;
use super::group::GroupLine;
use super::log::LogLine;
use super::produce::ProduceLine;
use super::replica::ReplicaLine;

/// One event as a sentence: its facts, names looked up.
#[derive(Clone, Debug, PartialEq)]
pub enum EventLine {
    /// A producer's record, batch, acknowledgement, retry, metadata or settings.
    Produce(ProduceLine),
    /// A partition's replicas: appends, copies, the high watermark, losses.
    Replica(ReplicaLine),
    /// Brokers, links and the controller.
    Cluster(ClusterLine),
    /// Consumers: fetches, records processed, commits, offset resets.
    Consume(ConsumeLine),
    /// Replica logs: segments, retention, compaction, topic configs.
    Log(LogLine),
    /// A consumer-group event.
    Group(GroupLine),
}

impl Say for EventLine {
    fn say(&self, lang: Lang) -> String {
        match self {
            EventLine::Produce(l) => l.say(lang),
            EventLine::Replica(l) => l.say(lang),
            EventLine::Cluster(l) => l.say(lang),
            EventLine::Consume(l) => l.say(lang),
            EventLine::Log(l) => l.say(lang),
            EventLine::Group(l) => l.say(lang),
        }
    }
}
