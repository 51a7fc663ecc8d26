//! Consumers: fetches, records processed, commits, assignments, offset resets. As sentences, in both languages side by side.

use crate::engine::assignor::Assignor;
use crate::engine::config::OffsetReset;
use crate::engine::retention::offset_reset_name;
use crate::engine::RecordId;

use crate::text::lang::{Lang, Say};
use crate::text::template::say;

/// Consumers: fetches, records processed, commits, assignments, offset resets.
#[derive(Clone, Debug, PartialEq)]
pub enum ConsumeLine {
    /// A consumer asked a broker for records.
    FetchSent {
        /// The member.
        member: String,
        /// The broker.
        broker: String,
        /// Each partition and the offset asked from.
        positions: Vec<(String, u64)>,
    },
    /// A broker answered a fetch.
    FetchAnswered {
        /// The broker.
        broker: String,
        /// The member.
        member: String,
        /// Records returned.
        records: u32,
    },
    /// A consumer processed a record.
    RecordConsumed {
        /// The member.
        member: String,
        /// The record.
        record: RecordId,
        /// The partition.
        tp: String,
        /// Its offset.
        offset: u64,
    },
    /// The coordinator stored a committed offset.
    OffsetCommitted {
        /// The group.
        group: String,
        /// The partition.
        tp: String,
        /// The offset.
        offset: u64,
        /// The member that committed.
        member: String,
    },
    /// A group is stable with a new assignment.
    PartitionsAssigned {
        /// The group.
        group: String,
        /// The generation.
        generation: u32,
        /// The group's assignor (`None`: the group is not known).
        assignor: Option<Assignor>,
        /// Each member and its partitions.
        assignment: Vec<(String, Vec<u32>)>,
    },
    /// A consumer's position was outside the log; `auto.offset.reset` moved it.
    ConsumerOffsetReset {
        /// The member.
        member: String,
        /// Its group.
        group: String,
        /// Its position.
        from: u64,
        /// The partition.
        tp: String,
        /// The new position (`None`: the policy is `none`).
        to: Option<u64>,
        /// The policy.
        policy: OffsetReset,
        /// The leader's log start offset.
        log_start_offset: u64,
        /// The leader's LEO.
        log_end_offset: u64,
    },
}

impl Say for ConsumeLine {
    fn say(&self, lang: Lang) -> String {
        match self {
            ConsumeLine::FetchSent {
                member,
                broker,
                positions,
            } => {
                let list: Vec<String> = positions
                    .iter()
                    .map(|(tp, o)| format!("{tp}@{o}"))
                    .collect();
                say!(lang, member, broker, positions = list.join(", ");
                    "{member} fetches from {broker}: {positions}",
                    "{member}{가} {broker}에 페치 요청: {positions}")
            }
            ConsumeLine::FetchAnswered {
                broker,
                member,
                records,
            } => say!(lang, broker, member, records;
                "{broker} answers {member}'s fetch with {records} record(s)",
                "{broker}{가} {member}의 페치에 레코드 {records}개로 응답"),
            ConsumeLine::RecordConsumed {
                member,
                record,
                tp,
                offset,
            } => say!(lang, member, record, tp, offset;
                "{member} processes {record} at {tp} offset {offset}",
                "{member}{가} {tp} 오프셋 {offset}의 {record} 처리"),
            ConsumeLine::OffsetCommitted {
                group,
                tp,
                offset,
                member,
            } => say!(lang, group, tp, offset, member;
                "group {group} commits {tp} offset {offset} (from {member})",
                "그룹 {group}{이} {tp} 오프셋 {offset} 커밋 ({member}의 요청)"),
            ConsumeLine::PartitionsAssigned {
                group,
                generation,
                assignor,
                assignment,
            } => {
                let list: Vec<String> = assignment
                    .iter()
                    .map(|(m, list)| {
                        let list: Vec<String> = list.iter().map(u32::to_string).collect();
                        format!("{m} ← [{}]", list.join(", "))
                    })
                    .collect();
                say!(lang, group, generation, assignor = assignor.map_or("?", |a| a.name()), assignment = list.join("; ");
                    "coordinator: group {group} is Stable, generation {generation} ({assignor} assignor): {assignment}",
                    "코디네이터: 그룹 {group}{이} Stable, 세대 {generation} ({assignor} 할당자): {assignment}")
            }
            ConsumeLine::ConsumerOffsetReset {
                member,
                group,
                from,
                tp,
                to,
                policy,
                log_start_offset,
                log_end_offset,
            } => {
                let place = if from < log_start_offset {
                    say!(lang, log_start_offset;
                        "below the log start offset {log_start_offset}",
                        "로그 시작 오프셋 {log_start_offset}보다 아래")
                } else {
                    say!(lang, log_end_offset;
                        "above the log end offset {log_end_offset}",
                        "로그 끝 오프셋 {log_end_offset}보다 위")
                };
                let policy = offset_reset_name(*policy);
                let what = match to {
                    None => say!(lang;
                        "auto.offset.reset=none: the error goes to the application and it stops reading the partition",
                        "auto.offset.reset=none: 애플리케이션이 오류를 받고 이 파티션을 더 읽지 않습니다"),
                    Some(to) if to > from => {
                        say!(lang, policy, to, from, skipped = to - from, deleted = (*log_start_offset).min(*to).saturating_sub(*from);
                            "auto.offset.reset={policy} moves it to {to}: it skips offsets {from}..{to} ({skipped} offset(s), {deleted} of them deleted by retention)",
                            "auto.offset.reset={policy}에 따라 {to}{로} 이동: 오프셋 {from}..{to}{를} 건너뜀 ({skipped}개, 그중 {deleted}개는 보존 정책으로 삭제됨)")
                    }
                    Some(to) => say!(lang, policy, to, from;
                        "auto.offset.reset={policy} moves it back to {to}: offsets {to}..{from} will be read again",
                        "auto.offset.reset={policy}에 따라 {to}{로} 되돌아감: 오프셋 {to}..{from}{를} 다시 읽음"),
                };
                say!(lang, member, group, from, tp, place, what;
                    "{member} (group {group}) position {from} on {tp} is {place}: OFFSET_OUT_OF_RANGE; {what}",
                    "{member} (그룹 {group})의 {tp} 위치 {from}{이} {place}: OFFSET_OUT_OF_RANGE; {what}")
            }
        }
    }
}
