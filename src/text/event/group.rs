//! Consumer-group events as sentences, in both languages side by side.

use crate::engine::assignor::Assignor;
use crate::engine::config::OffsetReset;
use crate::engine::config::RebalanceProtocol;
use crate::engine::event::LeaveReason;
use crate::engine::event::RemovalReason;
use crate::engine::event::ResetCause;
use crate::engine::CommitMode;
use crate::engine::RecordId;

use crate::text::lang::{Lang, Say};
use crate::text::template::say;
use crate::text::words;

/// A consumer-group event as a sentence.
#[derive(Clone, Debug, PartialEq)]
pub enum GroupLine {
    /// A consumer started and will join.
    MemberAdded {
        /// The member.
        member: String,
        /// The group.
        group: String,
    },
    /// A member closes: commit, then LeaveGroup.
    MemberClosing {
        /// The member.
        member: String,
        /// The group.
        group: String,
    },
    /// A member's process died.
    MemberCrashed {
        /// The member.
        member: String,
        /// The group.
        group: String,
    },
    /// `pause()` (`paused`) or `resume()`.
    MemberPaused {
        /// The member.
        member: String,
        /// Paused.
        paused: bool,
    },
    /// The coordinator removed a member.
    MemberRemoved {
        /// The member.
        member: String,
        /// The group.
        group: String,
        /// Why.
        reason: RemovalReason,
    },
    /// A rebalance started.
    RebalanceStarted {
        /// The group.
        group: String,
        /// The protocol.
        protocol: RebalanceProtocol,
        /// What started it.
        because: Because,
    },
    /// A member gave up partitions (`lost`: it was out of the group already).
    PartitionsRevoked {
        /// The member.
        member: String,
        /// The partitions.
        partitions: Vec<u32>,
        /// Lost rather than revoked.
        lost: bool,
    },
    /// A member sent JoinGroup.
    JoinGroupSent {
        /// The member.
        member: String,
        /// Partitions it owns.
        owned: Vec<u32>,
    },
    /// Everyone joined: a new generation.
    JoinCompleted {
        /// Members.
        members: usize,
        /// The group.
        group: String,
        /// The generation.
        generation: u32,
        /// Its leader.
        leader: String,
    },
    /// The leader ran the assignor.
    AssignmentComputed {
        /// The leader.
        leader: String,
        /// The assignor.
        assignor: Assignor,
        /// Each member's partitions.
        plan: Vec<(String, Vec<u32>)>,
        /// Partitions held back until their owner revokes them.
        held_back: Vec<u32>,
    },
    /// A member applied its assignment.
    AssignmentReceived {
        /// The member.
        member: String,
        /// The generation.
        generation: u32,
        /// What it owns now.
        owned: Vec<u32>,
        /// Gained.
        added: Vec<u32>,
        /// Given up.
        revoked: Vec<u32>,
    },
    /// A record processed again: a duplicate.
    RecordReprocessed {
        /// The member.
        member: String,
        /// The record.
        record: RecordId,
        /// The partition.
        tp: String,
        /// The offset.
        offset: u64,
    },
    /// An offset commit failed.
    CommitFailed {
        /// The member.
        member: String,
        /// Kafka's error.
        error: &'static str,
    },
    /// `auto.offset.reset` decided a position.
    OffsetReset {
        /// The member.
        member: String,
        /// The partition.
        tp: String,
        /// Why.
        cause: ResetCause,
        /// The position before.
        from: Option<u64>,
        /// The new position (`None`: policy `none`).
        to: Option<u64>,
        /// The policy.
        policy: OffsetReset,
    },
    /// A member seeked.
    Seeked {
        /// The member.
        member: String,
        /// The partition.
        tp: String,
        /// The position before.
        from: Option<u64>,
        /// The new position.
        to: u64,
    },
    /// A group setting changed.
    ConfigChanged {
        /// The group.
        group: String,
        /// What changed.
        change: Change,
    },
    /// A new group started.
    GroupAdded {
        /// The group.
        group: String,
        /// Its topic.
        topic: String,
        /// Members at start.
        members: u32,
    },
}

/// What started a rebalance, names looked up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Because {
    /// A member joined.
    Joined(String),
    /// A member rejoined.
    Rejoined(String),
    /// A member was removed.
    Removed {
        /// The member.
        member: String,
        /// Why.
        reason: RemovalReason,
    },
    /// The assignor changed.
    AssignorChanged(Assignor),
    /// The protocol changed.
    ProtocolChanged(RebalanceProtocol),
}

/// A group setting that changed, names looked up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// A member's processing time.
    ProcessingTime {
        /// The member.
        member: String,
        /// Ms per record.
        ms: u64,
    },
    /// The assignor and the protocol it brings.
    Assignor {
        /// The assignor.
        assignor: Assignor,
        /// The protocol.
        protocol: RebalanceProtocol,
    },
    /// The protocol.
    Protocol(RebalanceProtocol),
    /// Commits.
    CommitMode(CommitMode),
}

impl Say for GroupLine {
    fn say(&self, lang: Lang) -> String {
        match self {
            GroupLine::MemberAdded { member, group } => say!(lang, member, group;
                "{member} starts in group {group} and will send JoinGroup",
                "{member}{가} 그룹 {group}에서 시작해 JoinGroup을 보냅니다"),
            GroupLine::MemberClosing { member, group } => say!(lang, member, group;
                "{member} closes: commits its offsets, then leaves group {group}",
                "{member} 종료: 오프셋을 커밋하고 그룹 {group}에서 나갑니다"),
            GroupLine::MemberCrashed { member, group } => say!(lang, member, group;
                "{member} crashes: no commit, no LeaveGroup; group {group}'s coordinator will notice after session.timeout.ms",
                "{member} 장애: 커밋도 LeaveGroup도 없음. 그룹 {group}의 코디네이터는 session.timeout.ms 뒤에 알아챕니다"),
            GroupLine::MemberPaused {
                member,
                paused: true,
            } => say!(lang, member;
                "{member} pauses its partitions (consumer.pause): it polls and commits, but fetches nothing",
                "{member}{가} 파티션을 일시정지 (consumer.pause): poll과 커밋은 하지만 아무것도 가져오지 않습니다"),
            GroupLine::MemberPaused {
                member,
                paused: false,
            } => say!(lang, member;
                "{member} resumes its partitions",
                "{member}{가} 파티션을 다시 읽기 시작"),
            GroupLine::MemberRemoved {
                member,
                group,
                reason,
            } => say!(lang, member, group, reason = reason.say(lang);
                "coordinator removes {member} from group {group}: {reason}",
                "코디네이터가 {member}{를} 그룹 {group}에서 제거: {reason}"),
            GroupLine::RebalanceStarted {
                group,
                protocol,
                because,
            } => say!(lang, group, protocol = protocol.name(), because = because.say(lang);
                "coordinator: group {group} is PreparingRebalance ({protocol} protocol) because {because}; members must rejoin",
                "코디네이터: 그룹 {group}{이} PreparingRebalance ({protocol} 프로토콜), 이유: {because}. 멤버들은 다시 참여해야 합니다"),
            GroupLine::PartitionsRevoked {
                member,
                partitions,
                lost: true,
            } => say!(lang, member, partitions = parts(partitions);
                "{member} lost {partitions} (it was no longer in the group)",
                "{member}{가} {partitions}{을} 잃음 (이미 그룹에서 빠져 있었음)"),
            GroupLine::PartitionsRevoked {
                member,
                partitions,
                lost: false,
            } => say!(lang, member, partitions = parts(partitions);
                "{member} revokes {partitions}",
                "{member}{가} {partitions}{을} 내려놓음"),
            GroupLine::JoinGroupSent { member, owned } if owned.is_empty() => say!(lang, member;
                "{member} sends JoinGroup",
                "{member}{가} JoinGroup을 보냄"),
            GroupLine::JoinGroupSent { member, owned } => say!(lang, member, owned = parts(owned);
                "{member} sends JoinGroup, owning {owned}",
                "{member}{가} JoinGroup을 보냄, 담당 중인 파티션 {owned}"),
            GroupLine::JoinCompleted {
                members,
                group,
                generation,
                leader,
            } => say!(lang, members, group, generation, leader;
                "coordinator: all {members} member(s) of group {group} joined: generation {generation}, leader {leader}; CompletingRebalance",
                "코디네이터: 그룹 {group}의 멤버 {members}명이 모두 참여: 세대 {generation}, 리더 {leader}; CompletingRebalance"),
            GroupLine::AssignmentComputed {
                leader,
                assignor,
                plan,
                held_back,
            } => {
                let plan: Vec<String> = plan
                    .iter()
                    .map(|(m, l)| format!("{m} ← {}", parts(l)))
                    .collect();
                let held = if held_back.is_empty() {
                    String::new()
                } else {
                    say!(lang, partitions = parts(held_back);
                        "; {partitions} held back until their owner revokes them",
                        "; {partitions}{은} 지금 주인이 내려놓을 때까지 보류")
                };
                say!(lang, leader, assignor = assignor.class_name(), plan = plan.join("; "), held;
                    "leader {leader} runs {assignor}: {plan}{held}; sends SyncGroup",
                    "리더 {leader}{가} {assignor}{를} 실행: {plan}{held}; SyncGroup을 보냄")
            }
            GroupLine::AssignmentReceived {
                member,
                generation,
                owned,
                added,
                revoked,
            } => {
                let added = if added.is_empty() {
                    String::new()
                } else {
                    say!(lang, added = parts(added); ", new {added}", ", 새로 {added}")
                };
                let revoked = if revoked.is_empty() {
                    String::new()
                } else {
                    say!(lang, revoked = parts(revoked);
                        ", gives up {revoked} without committing and rejoins",
                        ", {revoked}{을} 커밋 없이 내려놓고 다시 참여")
                };
                say!(lang, member, generation, owned = parts(owned), added, revoked;
                    "{member} gets generation {generation}: owns {owned}{added}{revoked}",
                    "{member}{가} 세대 {generation} 받음: 담당 {owned}{added}{revoked}")
            }
            GroupLine::RecordReprocessed {
                member,
                record,
                tp,
                offset,
            } => say!(lang, member, record, tp, offset;
                "DUPLICATE: {member} processes {record} at {tp} offset {offset} again (processed before, not committed)",
                "중복: {member}{가} {tp} 오프셋 {offset}의 {record}{를} 다시 처리 (처리했지만 커밋 전이었음)"),
            GroupLine::CommitFailed { member, error } => say!(lang, member, error;
                "{member}'s offset commit fails: {error} (CommitFailedException)",
                "{member}의 오프셋 커밋 실패: {error} (CommitFailedException)"),
            GroupLine::OffsetReset {
                member,
                tp,
                cause,
                from,
                to,
                policy,
            } => {
                let cause = match cause {
                    ResetCause::NoCommittedOffset => {
                        say!(lang; "no committed offset", "커밋된 오프셋 없음")
                    }
                };
                let from = from.map_or(
                    String::new(),
                    |from| say!(lang, from; " at offset {from}", " (오프셋 {from})"),
                );
                match to {
                    Some(to) => {
                        say!(lang, member, tp, cause, from, policy = policy.as_config(), to;
                            "{member} on {tp}: {cause}{from}; auto.offset.reset={policy} → offset {to}",
                            "{member}, {tp}: {cause}{from}; auto.offset.reset={policy} → 오프셋 {to}")
                    }
                    None => say!(lang, member, tp, cause, from;
                        "{member} on {tp}: {cause}{from}; auto.offset.reset=none → the application gets an exception and the partition stops",
                        "{member}, {tp}: {cause}{from}; auto.offset.reset=none → 애플리케이션이 예외를 받고 이 파티션은 멈춥니다"),
                }
            }
            GroupLine::Seeked {
                member,
                tp,
                from: Some(from),
                to,
            } => say!(lang, member, tp, from, to;
                "{member} seeks {tp} from {from} to offset {to}",
                "{member}{가} {tp}의 위치를 {from}에서 오프셋 {to}{로} 옮김 (seek)"),
            GroupLine::Seeked {
                member,
                tp,
                from: None,
                to,
            } => say!(lang, member, tp, to;
                "{member} seeks {tp} from none to offset {to}",
                "{member}{가} {tp}의 위치를 없음에서 오프셋 {to}{로} 옮김 (seek)"),
            GroupLine::ConfigChanged { group, change } => {
                say!(lang, group, change = change.say(lang);
                    "group {group}: {change}",
                    "그룹 {group}: {change}")
            }
            GroupLine::GroupAdded {
                group,
                topic,
                members,
            } => say!(lang, group, topic, members;
                "group {group} starts reading {topic} with {members} member(s), its own offsets",
                "그룹 {group}{이} 멤버 {members}명으로 {topic}{를} 자기 오프셋으로 읽기 시작"),
        }
    }
}

/// `[p0, p1]`.
fn parts(list: &[u32]) -> String {
    let items: Vec<String> = list.iter().map(|p| format!("p{p}")).collect();
    format!("[{}]", items.join(", "))
}

/// Why the coordinator removed a member.
impl Say for RemovalReason {
    fn say(&self, lang: Lang) -> String {
        match self {
            RemovalReason::Left(LeaveReason::Closing) => say!(lang;
                "the consumer is being closed",
                "컨슈머가 종료됨"),
            RemovalReason::Left(LeaveReason::PollTimeout) => say!(lang;
                "consumer poll timeout has expired (max.poll.interval.ms)",
                "poll 간격이 max.poll.interval.ms를 넘음"),
            RemovalReason::SessionTimeout { session_ms } => say!(lang, session_ms;
                "session timeout: no heartbeat for {session_ms} ms (session.timeout.ms)",
                "세션 타임아웃: {session_ms} ms 동안 하트비트 없음 (session.timeout.ms)"),
            RemovalReason::RebalanceTimeout => say!(lang;
                "did not rejoin within the rebalance timeout (max.poll.interval.ms)",
                "리밸런스 타임아웃(max.poll.interval.ms) 안에 다시 참여하지 않음"),
        }
    }
}

/// What started a rebalance.
impl Say for Because {
    fn say(&self, lang: Lang) -> String {
        match self {
            Because::Joined(member) => say!(lang, member; "{member} joined", "{member} 참여"),
            Because::Rejoined(member) => say!(lang, member; "{member} rejoined", "{member} 재참여"),
            Because::Removed { member, reason } => say!(lang, member, reason = reason.say(lang);
                "{member} removed: {reason}",
                "{member} 제거: {reason}"),
            Because::AssignorChanged(assignor) => say!(lang, assignor = assignor.name();
                "assignor changed to {assignor}",
                "할당자를 {assignor}{로} 변경"),
            Because::ProtocolChanged(protocol) => say!(lang, protocol = protocol.name();
                "protocol changed to {protocol}",
                "프로토콜을 {protocol}{로} 변경"),
        }
    }
}

/// A group setting that changed.
impl Say for Change {
    fn say(&self, lang: Lang) -> String {
        match self {
            Change::ProcessingTime { member, ms } => say!(lang, member, ms;
                "{member} processes a record in {ms} ms",
                "{member}{가} 레코드 하나를 {ms} ms에 처리"),
            Change::Assignor { assignor, protocol } => {
                say!(lang, assignor = assignor.class_name(), protocol = protocol.name();
                    "partition.assignment.strategy = {assignor} ({protocol} protocol)",
                    "partition.assignment.strategy = {assignor} ({protocol} 프로토콜)")
            }
            Change::Protocol(protocol) => say!(lang, protocol = protocol.name();
                "rebalance protocol {protocol}",
                "리밸런스 프로토콜 {protocol}"),
            Change::CommitMode(mode) => words::commit_mode(lang, *mode).to_string(),
        }
    }
}
