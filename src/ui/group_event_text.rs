//! Consumer-group events in Korean (English is the engine's own
//! [`Sim::describe_group_event`]). One arm per kind: a new kind without a
//! translation does not compile. Free-text reasons the engine gives (config
//! names, Kafka's error names) are shown as they are.

use crate::engine::event::{GroupChange, LeaveReason, RebalanceReason, RemovalReason, ResetCause};
use crate::engine::{CommitMode, GroupEvent, MemberId, Sim};

fn parts(list: &[u32]) -> String {
    let items: Vec<String> = list.iter().map(|p| format!("p{p}")).collect();
    format!("[{}]", items.join(", "))
}

fn who(m: MemberId) -> String {
    format!("consumer-{}", m.0)
}

/// One consumer-group event in Korean.
#[must_use]
pub fn group_event_ko(sim: &Sim, event: &GroupEvent) -> String {
    match event {
        GroupEvent::MemberAdded { group, member } => format!(
            "{}가 그룹 {}에서 시작해 JoinGroup을 보냅니다",
            who(*member),
            sim.group_name(*group)
        ),
        GroupEvent::MemberClosing { group, member } => format!(
            "{} 종료: 오프셋을 커밋하고 그룹 {}에서 나갑니다",
            who(*member),
            sim.group_name(*group)
        ),
        GroupEvent::MemberCrashed { group, member } => format!(
            "{} 장애: 커밋도 LeaveGroup도 없음. 그룹 {}의 코디네이터는 session.timeout.ms 뒤에 알아챕니다",
            who(*member),
            sim.group_name(*group)
        ),
        GroupEvent::MemberPaused { member, paused, .. } => {
            if *paused {
                format!(
                    "{}가 파티션을 일시정지 (consumer.pause): poll과 커밋은 하지만 아무것도 가져오지 않습니다",
                    who(*member)
                )
            } else {
                format!("{}가 파티션을 다시 읽기 시작", who(*member))
            }
        }
        GroupEvent::MemberRemoved {
            group,
            member,
            reason,
        } => format!(
            "코디네이터가 {}를 그룹 {}에서 제거: {}",
            who(*member),
            sim.group_name(*group),
            removal_reason_ko(*reason)
        ),
        GroupEvent::RebalanceStarted {
            group,
            reason,
            protocol,
        } => format!(
            "코디네이터: 그룹 {}가 PreparingRebalance ({} 프로토콜), 이유: {}. 멤버들은 다시 참여해야 합니다",
            sim.group_name(*group),
            protocol.name(),
            rebalance_reason_ko(*reason)
        ),
        GroupEvent::PartitionsRevoked {
            member,
            partitions,
            lost,
            ..
        } => {
            if *lost {
                format!(
                    "{}가 {}를 잃음 (이미 그룹에 없었음)",
                    who(*member),
                    parts(partitions)
                )
            } else {
                format!("{}가 {}를 반납", who(*member), parts(partitions))
            }
        }
        GroupEvent::JoinGroupSent { member, owned, .. } => {
            if owned.is_empty() {
                format!("{}가 JoinGroup 전송", who(*member))
            } else {
                format!("{}가 {}를 가진 채 JoinGroup 전송", who(*member), parts(owned))
            }
        }
        GroupEvent::JoinCompleted {
            group,
            generation,
            leader,
            members,
        } => format!(
            "코디네이터: 그룹 {}의 멤버 {}명이 모두 참여: 세대 {generation}, 리더 {}; CompletingRebalance",
            sim.group_name(*group),
            members.len(),
            who(*leader)
        ),
        GroupEvent::AssignmentComputed {
            leader,
            assignor,
            assignment,
            held_back,
            ..
        } => {
            let plan: Vec<String> = assignment
                .iter()
                .map(|(m, l)| format!("{} ← {}", who(*m), parts(l)))
                .collect();
            let held = if held_back.is_empty() {
                String::new()
            } else {
                format!("; {}는 주인이 반납할 때까지 보류", parts(held_back))
            };
            format!(
                "리더 {}가 {} 실행: {}{held}; SyncGroup 전송",
                who(*leader),
                assignor.class_name(),
                plan.join("; ")
            )
        }
        GroupEvent::AssignmentReceived {
            member,
            generation,
            added,
            revoked,
            owned,
            ..
        } => {
            let mut text = format!(
                "{}가 세대 {generation}을 받음: 담당 {}",
                who(*member),
                parts(owned)
            );
            if !added.is_empty() {
                text.push_str(&format!(", 새로 {}", parts(added)));
            }
            if !revoked.is_empty() {
                text.push_str(&format!(
                    ", {}를 커밋 없이 넘기고 다시 참여",
                    parts(revoked)
                ));
            }
            text
        }
        GroupEvent::RecordReprocessed {
            member,
            tp,
            offset,
            record,
            ..
        } => format!(
            "중복: {}가 {} 오프셋 {offset}의 {record}를 다시 처리 (처리했지만 커밋 전이었음)",
            who(*member),
            sim.tp_name(*tp)
        ),
        GroupEvent::CommitFailed { member, error, .. } => format!(
            "{}의 오프셋 커밋 실패: {error} (CommitFailedException)",
            who(*member)
        ),
        GroupEvent::OffsetReset {
            member,
            tp,
            from,
            to,
            reason,
            policy,
            ..
        } => {
            let from = from.map_or(String::new(), |o| format!(" (오프셋 {o})"));
            match to {
                Some(to) => format!(
                    "{}, {}: {}{from}; auto.offset.reset={} → 오프셋 {to}",
                    who(*member),
                    sim.tp_name(*tp),
                    reset_cause_ko(*reason),
                    policy.as_config()
                ),
                None => format!(
                    "{}, {}: {}{from}; auto.offset.reset=none → 애플리케이션이 예외를 받고 이 파티션은 멈춥니다",
                    who(*member),
                    sim.tp_name(*tp),
                    reset_cause_ko(*reason)
                ),
            }
        }
        GroupEvent::Seeked {
            member, tp, from, to, ..
        } => format!(
            "{}가 {}를 {}에서 오프셋 {to}로 seek",
            who(*member),
            sim.tp_name(*tp),
            from.map_or("없음".to_string(), |o| o.to_string())
        ),
        GroupEvent::ConfigChanged { group, what } => {
            format!("그룹 {}: {}", sim.group_name(*group), group_change_ko(*what))
        }
        GroupEvent::GroupAdded { group } => {
            let (topic, members) = sim
                .groups()
                .get(group.0 as usize)
                .map_or((String::new(), 0), |g| (g.config.topic.clone(), g.config.members));
            format!(
                "그룹 {}가 멤버 {members}명으로 {topic}를 자기 오프셋으로 읽기 시작",
                sim.group_name(*group)
            )
        }
    }
}

fn removal_reason_ko(reason: RemovalReason) -> String {
    match reason {
        RemovalReason::Left(LeaveReason::Closing) => "컨슈머가 종료됨".to_string(),
        RemovalReason::Left(LeaveReason::PollTimeout) => {
            "poll 간격이 max.poll.interval.ms를 넘음".to_string()
        }
        RemovalReason::SessionTimeout { session_ms } => {
            format!("세션 타임아웃: {session_ms} ms 동안 하트비트 없음 (session.timeout.ms)")
        }
        RemovalReason::RebalanceTimeout => {
            "리밸런스 타임아웃(max.poll.interval.ms) 안에 다시 참여하지 않음".to_string()
        }
    }
}

/// What started a rebalance, in Korean.
#[must_use]
pub fn rebalance_reason_ko(reason: RebalanceReason) -> String {
    match reason {
        RebalanceReason::Joined(m) => format!("{} 참여", who(m)),
        RebalanceReason::Rejoined(m) => format!("{} 재참여", who(m)),
        RebalanceReason::Removed { member, reason } => {
            format!("{} 제거: {}", who(member), removal_reason_ko(reason))
        }
        RebalanceReason::AssignorChanged(a) => format!("할당자를 {}(으)로 변경", a.name()),
        RebalanceReason::ProtocolChanged(p) => format!("프로토콜을 {}(으)로 변경", p.name()),
    }
}

fn reset_cause_ko(cause: ResetCause) -> &'static str {
    match cause {
        ResetCause::NoCommittedOffset => "커밋된 오프셋 없음",
    }
}

fn group_change_ko(change: GroupChange) -> String {
    match change {
        GroupChange::ProcessingTime { member, ms } => {
            format!("{}가 레코드 하나를 {ms} ms에 처리", who(member))
        }
        GroupChange::Assignor { assignor, protocol } => format!(
            "partition.assignment.strategy = {} ({} 프로토콜)",
            assignor.class_name(),
            protocol.name()
        ),
        GroupChange::Protocol(p) => format!("리밸런스 프로토콜 {}", p.name()),
        GroupChange::CommitMode(CommitMode::Auto) => "enable.auto.commit=true".to_string(),
        GroupChange::CommitMode(CommitMode::ManualPerPoll) => {
            "poll마다 처리 후 commitSync()".to_string()
        }
    }
}
