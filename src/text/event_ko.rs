//! Events in Korean: the same facts as the English sentences
//! ([`event_en`](super::event_en)), every field used (no `..`), particles
//! chosen by the word before them ([`particle`](super::particle)).

use crate::engine::config::Compression;
use crate::engine::event::{
    ElectionKind, IsrChange, LeaveReason, LogStartCause, RemovalReason, ResetCause,
};
use crate::engine::log::{DeletionReason, RollReason};
use crate::engine::retention::offset_reset_name;
use crate::engine::PartitionDecision;

use super::event::{
    Because, Change, EventLine, GroupLine, ProducerChange, ProducerSetting, SettingValue,
};
use super::event_en::{moved_keys, new_partitions};
use super::lang::Lang;
use super::particle::{ga, neun, reul, ro};
use super::words;

const KO: Lang = Lang::Ko;

fn parts(list: &[u32]) -> String {
    let items: Vec<String> = list.iter().map(|p| format!("p{p}")).collect();
    format!("[{}]", items.join(", "))
}

/// One event in Korean.
#[must_use]
pub fn event(line: &EventLine) -> String {
    match line {
        EventLine::RecordCreated {
            producer,
            record,
            key,
            tp,
            partition,
            decision,
        } => {
            let why = match decision {
                PartitionDecision::Explicit => "레코드가 파티션을 직접 지정".to_string(),
                PartitionDecision::KeyHash {
                    murmur2,
                    partitions,
                } => format!("murmur2 = {murmur2}, toPositive % {partitions} = {partition}"),
                PartitionDecision::Sticky {
                    produced_bytes,
                    batch_size,
                } => format!(
                    "스티키 파티션, 이 파티션에 batch.size {batch_size} B 중 {produced_bytes} B 보냄"
                ),
                PartitionDecision::RoundRobin { skipped: None } => "라운드 로빈".to_string(),
                PartitionDecision::RoundRobin { skipped: Some(s) } => format!(
                    "라운드 로빈; 새 배치가 partition()을 두 번 불러 {} 건너뜀 (KAFKA-9965)",
                    reul(&format!("p{s}"))
                ),
            };
            format!(
                "{} {record} 생성, 키 {} → {tp} ({why})",
                ga(producer),
                words::key(key.as_deref())
            )
        }
        EventLine::BatchSent {
            producer,
            batch,
            records,
            bytes,
            compression,
            uncompressed_bytes,
            attempt,
            leader,
            tp,
        } => {
            let size = if *compression == Compression::None {
                format!("{bytes} B")
            } else {
                format!(
                    "{bytes} B {}, 압축 전 {uncompressed_bytes} B",
                    compression.as_config()
                )
            };
            let retry = if *attempt > 1 {
                format!(", {attempt}번째 시도")
            } else {
                String::new()
            };
            format!(
                "{} {tp}의 리더 {leader}에게 배치 {batch} 보냄 (레코드 {records}개, {size}{retry})",
                ga(producer)
            )
        }
        EventLine::BatchAppended {
            broker,
            tp,
            first,
            last,
            leader_epoch,
        } => format!(
            "{} {tp} 오프셋 {first}..={last} 기록 (리더 에포크 {leader_epoch})",
            ga(broker)
        ),
        EventLine::ReplicaCopied {
            broker,
            tp,
            first,
            last,
        } => format!("팔로워 {} {tp} 오프셋 {first}..={last} 복사", ga(broker)),
        EventLine::HighWatermark {
            tp,
            broker,
            high_watermark,
        } => format!("{tp} 하이 워터마크 ({broker}) → {high_watermark}"),
        EventLine::ProduceAcked {
            producer,
            tp,
            base_offset,
            records,
        } => format!(
            "{} 확인 응답 받음: {tp} 오프셋 {base_offset} (레코드 {records}개)",
            ga(producer)
        ),
        EventLine::ProduceAssumed { producer, batch } => format!(
            "{} {} 전달됐다고 가정 (acks=0: 응답이 오지 않음)",
            neun(producer),
            ga(&batch.to_string())
        ),
        EventLine::FetchSent {
            member,
            broker,
            positions,
        } => {
            let parts: Vec<String> = positions.iter().map(|(tp, o)| format!("{tp}@{o}")).collect();
            format!("{} {broker}에 페치 요청: {}", ga(member), parts.join(", "))
        }
        EventLine::FetchAnswered {
            broker,
            member,
            records,
        } => format!("{} {member}의 페치에 레코드 {records}개로 응답", ga(broker)),
        EventLine::RecordConsumed {
            member,
            record,
            tp,
            offset,
        } => format!("{} {tp} 오프셋 {offset}의 {record} 처리", ga(member)),
        EventLine::OffsetCommitted {
            group,
            tp,
            offset,
            member,
        } => format!(
            "그룹 {} {tp} 오프셋 {offset} 커밋 ({member}의 요청)",
            ga(group)
        ),
        EventLine::PartitionsAssigned {
            group,
            generation,
            assignor,
            assignment,
        } => {
            let parts: Vec<String> = assignment
                .iter()
                .map(|(m, list)| {
                    let list: Vec<String> = list.iter().map(u32::to_string).collect();
                    format!("{m} ← [{}]", list.join(", "))
                })
                .collect();
            format!(
                "코디네이터: 그룹 {} Stable, 세대 {generation} ({} 할당자): {}",
                ga(group),
                assignor.map_or("?", |a| a.name()),
                parts.join("; ")
            )
        }
        EventLine::ProducerRate {
            producer,
            records_per_sec,
        } => format!(
            "{} 전송 속도를 초당 레코드 {records_per_sec}개로 변경",
            ga(producer)
        ),
        EventLine::SegmentRolled {
            broker,
            tp,
            base_offset,
            reason,
        } => {
            let why = match reason {
                RollReason::SegmentBytes => "다음 배치가 segment.bytes를 넘기게 됨",
                RollReason::SegmentMs => "활성 세그먼트의 첫 배치가 segment.ms보다 오래됨",
                RollReason::Retention => {
                    "보존 정책이 모든 세그먼트를 지우므로 빈 세그먼트를 먼저 시작"
                }
            };
            format!(
                "{} {tp}의 새 세그먼트를 오프셋 {base_offset}에서 시작 ({why})",
                ga(broker)
            )
        }
        EventLine::SegmentsDeleted {
            broker,
            segments,
            tp,
            first,
            end,
            records,
            bytes,
            reason,
        } => {
            let why = match reason {
                DeletionReason::RetentionMs => {
                    "retention.ms: 가장 새 레코드도 보존 기간보다 오래됨"
                }
                DeletionReason::RetentionBytes => {
                    "retention.bytes: 로그가 한 세그먼트 이상 한도를 넘음"
                }
                DeletionReason::LogStartOffset => "로그 시작 오프셋보다 완전히 아래",
            };
            format!(
                "{} {tp}의 세그먼트 {segments}개 삭제: 오프셋 {first}..{end} (레코드 {records}개, {bytes} B), {why}",
                ga(broker)
            )
        }
        EventLine::LogStartMoved {
            tp,
            broker,
            log_start_offset,
            cause,
        } => match cause {
            LogStartCause::Retention => {
                format!("{tp} 로그 시작 오프셋 ({broker}) → {log_start_offset}")
            }
            LogStartCause::Leader => format!(
                "{tp} 로그 시작 오프셋 ({broker}) → {log_start_offset} (팔로워는 리더를 따름)"
            ),
        },
        EventLine::LogCompacted {
            broker,
            tp,
            end_offset,
            dirty_percent,
            superseded,
            tombstones,
            keyless,
            bytes_before,
            bytes_after,
            segments_before,
            segments_after,
        } => {
            let mut parts = vec![format!("같은 키의 이전 값 {superseded}개")];
            if *tombstones > 0 {
                parts.push(format!("delete.retention.ms가 지난 툼스톤 {tombstones}개"));
            }
            if *keyless > 0 {
                parts.push(format!("키 없는 레코드 {keyless}개"));
            }
            format!(
                "{broker}의 로그 클리너가 {tp}의 오프셋 {end_offset} 아래를 압축 (정리 안 된 비율 {dirty_percent}%): {} 제거; {bytes_before} B → {bytes_after} B, 세그먼트 {segments_before} → {segments_after}개; 오프셋은 그대로, 빈 자리가 남음",
                parts.join(", ")
            )
        }
        EventLine::ConsumerOffsetReset {
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
                format!("로그 시작 오프셋 {log_start_offset}보다 아래")
            } else {
                format!("로그 끝 오프셋 {log_end_offset}보다 위")
            };
            let what = match to {
                None => "auto.offset.reset=none: 애플리케이션이 오류를 받고 이 파티션을 더 읽지 않습니다".to_string(),
                Some(to) if to > from => format!(
                    "auto.offset.reset={}에 따라 {} 이동: 오프셋 {} 건너뜀 ({}개, 그중 {}개는 보존 정책으로 삭제됨)",
                    offset_reset_name(*policy),
                    ro(&to.to_string()),
                    reul(&format!("{from}..{to}")),
                    to - from,
                    (*log_start_offset).min(*to).saturating_sub(*from)
                ),
                Some(to) => format!(
                    "auto.offset.reset={}에 따라 {} 되돌아감: 오프셋 {} 다시 읽음",
                    offset_reset_name(*policy),
                    ro(&to.to_string()),
                    reul(&format!("{to}..{from}"))
                ),
            };
            format!(
                "{member} (그룹 {group})의 {tp} 위치 {} {place}: OFFSET_OUT_OF_RANGE; {what}",
                ga(&from.to_string())
            )
        }
        EventLine::FollowerOutOfRange {
            broker,
            fetch_offset,
            tp,
            leader_log_start,
            dropped,
        } => format!(
            "{broker} (팔로워)의 페치 오프셋 {} {tp}의 리더 로그 시작 오프셋 {leader_log_start}보다 아래: OFFSET_OUT_OF_RANGE; 레코드 {dropped}개를 버리고 {leader_log_start}부터 다시 시작",
            ga(&fetch_offset.to_string())
        ),
        EventLine::TopicConfigChanged {
            topic,
            name,
            new,
            old,
        } => format!("토픽 {topic}: {name} = {new} (이전 {old})"),
        EventLine::RetentionCheckInterval { interval_ms } => format!(
            "모든 브로커가 이제 {interval_ms} ms마다 보존 정책을 확인 (log.retention.check.interval.ms)"
        ),
        EventLine::BrokerStopped { broker, clean } => {
            if *clean {
                format!("{broker} 정상 종료 (리더 역할을 먼저 넘김)")
            } else {
                format!("{broker} 장애 발생: 세션이 만료되면 컨트롤러가 알아챕니다")
            }
        }
        EventLine::BrokerStarted { broker } => {
            format!("{broker} 시작: 복제본들이 리더의 에포크를 확인하고 따라잡습니다")
        }
        EventLine::BrokerFenced { broker } => format!(
            "컨트롤러가 {} 격리: 모든 ISR에서 빠지고 리더 역할이 옮겨집니다",
            reul(broker)
        ),
        EventLine::BrokerSlowed {
            broker,
            extra_latency_ms,
        } => {
            if *extra_latency_ms == 0 {
                format!("{broker} 정상 속도로 복귀")
            } else {
                format!("{broker} 느려짐: 모든 메시지에 +{extra_latency_ms} ms")
            }
        }
        EventLine::LinkChanged { a, b, up } => {
            format!("{a} ↔ {b} 네트워크 {}", if *up { "복구" } else { "차단" })
        }
        EventLine::MessageDropped {
            kind,
            from,
            to,
            reason,
        } => format!(
            "{from}에서 {} 가던 {kind} 유실: {}",
            ro(to),
            words::drop_reason(KO, *reason)
        ),
        EventLine::LeaderElected {
            tp,
            leader,
            leader_epoch,
            kind,
        } => match (leader, kind) {
            (None, _) => format!(
                "{tp} 오프라인: 살아 있는 ISR 복제본이 없습니다 (리더 에포크 {leader_epoch})"
            ),
            (Some(l), ElectionKind::Unclean) => format!(
                "언클린 선출: ISR 밖의 {} {tp}의 리더가 됨 (에포크 {leader_epoch})",
                ga(l)
            ),
            (Some(l), ElectionKind::Preferred) => format!(
                "선호 복제본 {} 다시 {tp}의 리더 (에포크 {leader_epoch})",
                ga(l)
            ),
            (Some(l), ElectionKind::Clean | ElectionKind::Offline) => format!(
                "컨트롤러가 {} {tp}의 리더로 선출 (에포크 {leader_epoch})",
                reul(l)
            ),
        },
        EventLine::IsrChanged { tp, isr, reason } => {
            let list: Vec<String> = isr.iter().map(u32::to_string).collect();
            let why = match reason {
                IsrChange::LaggingFollower => "팔로워가 replica.lag.time.max.ms보다 오래 뒤처짐",
                IsrChange::BrokerGone => "브로커가 빠짐",
                IsrChange::CaughtUp => "팔로워가 하이 워터마크를 따라잡음",
            };
            format!("{tp} ISR → [{}] ({why})", list.join(","))
        }
        EventLine::ProduceFailed {
            producer,
            error,
            batch,
            tp,
        } => format!("{} {tp}의 {batch}에 대해 {error} 받음", ga(producer)),
        EventLine::FollowerTruncated {
            broker,
            tp,
            from,
            to,
        } => format!(
            "{} {} {from}에서 {} 잘라냄: 리더에게 없는 레코드입니다",
            ga(broker),
            reul(tp),
            ro(&to.to_string())
        ),
        EventLine::RecordsDiscarded { records, tp } => format!(
            "확인 응답을 받지 못한 레코드 {records}개가 {tp}의 새 리더에 없습니다: 프로듀서는 응답을 받은 적이 없으므로 다시 보냅니다"
        ),
        EventLine::RecordsLost {
            records,
            tp,
            acknowledged,
            reason,
        } => format!(
            "유실: {tp}의 레코드 {records}개 (그중 확인 응답을 받은 것 {acknowledged}개): {}",
            words::loss_reason(KO, *reason)
        ),
        EventLine::StickySwitched {
            producer,
            from,
            produced_bytes,
            to,
            reason,
            weights,
        } => {
            let from = from
                .as_ref()
                .map_or("없음".to_string(), |f| format!("{f} ({produced_bytes} B 보낸 뒤)"));
            let how = match weights {
                Some(w) => {
                    let list: Vec<String> = w.iter().map(|(p, w)| format!("p{p}:{w}")).collect();
                    format!("적응형 가중치 {}", list.join(" "))
                }
                None => "균등하게 무작위로".to_string(),
            };
            format!(
                "{producer}의 스티키 파티션 {from} → {to} ({}; 다음 파티션은 {how} 선택)",
                words::switch_reason(KO, *reason)
            )
        }
        EventLine::RequestTimedOut {
            producer,
            broker,
            batches,
        } => format!(
            "{producer}: request.timeout.ms 동안 {broker}의 응답이 없어 연결을 닫음, 배치 {batches}개 실패"
        ),
        EventLine::ProduceRetried {
            producer,
            batch,
            tp,
            next_attempt,
        } => format!(
            "{} retry.backoff.ms 뒤에 {tp}의 배치 {} 다시 보냄 ({next_attempt}번째 시도)",
            ga(producer),
            reul(&batch.to_string())
        ),
        EventLine::BatchExpired {
            producer,
            batch,
            tp,
            records,
        } => format!(
            "{producer}: {tp}의 배치 {} delivery.timeout.ms를 넘겨 만료, 레코드 {records}개 실패",
            ga(&batch.to_string())
        ),
        EventLine::DuplicateIgnored {
            broker,
            batch,
            tp,
            base_offset,
        } => format!(
            "{} 배치 {} {tp} 오프셋 {base_offset}에 이미 가지고 있음 (같은 프로듀서 식별자와 시퀀스 번호): 다시 기록하지 않음",
            neun(broker),
            reul(&batch.to_string())
        ),
        EventLine::DuplicateAppended {
            broker,
            batch,
            tp,
            records,
        } => format!(
            "{} 배치 {} {tp}에 두 번째로 기록 (멱등성 꺼짐): 중복 레코드 {records}개",
            ga(broker),
            reul(&batch.to_string())
        ),
        EventLine::OutOfOrderSequence {
            broker,
            batch,
            tp,
            got,
            expected,
        } => format!(
            "{} {tp}의 배치 {} 거부: 시퀀스 {got}, 기대값 {expected} (OUT_OF_ORDER_SEQUENCE_NUMBER)",
            ga(broker),
            reul(&batch.to_string())
        ),
        EventLine::PartitionsAdded {
            topic,
            from,
            to,
            replicas,
        } => format!(
            "토픽 {topic}의 파티션이 {from}개에서 {to}개로 늘어남: {}",
            new_partitions(*from, replicas)
        ),
        EventLine::MetadataRefreshed {
            producer,
            from,
            to,
            moved,
        } => {
            let list = moved_keys(moved);
            format!(
                "{} 메타데이터 갱신: 파티션 {from}개 → {to}개, 옮겨 가는 키 {}개{}{}",
                ga(producer),
                moved.len(),
                if list.is_empty() { "" } else { ": " },
                list
            )
        }
        EventLine::ProducerConfigChanged { producer, changes } => {
            let list: Vec<String> = changes.iter().map(change).collect();
            format!(
                "{} 새 설정으로 다시 시작: {}",
                reul(producer),
                list.join("; ")
            )
        }
        EventLine::Group(g) => group(g),
    }
}

fn setting(s: ProducerSetting) -> &'static str {
    match s {
        ProducerSetting::Partitioner => "파티셔너",
        ProducerSetting::IgnoreKeys => "partitioner.ignore.keys",
        ProducerSetting::Adaptive => "partitioner.adaptive.partitioning.enable",
        ProducerSetting::BatchSize => "batch.size",
        ProducerSetting::LingerMs => "linger.ms",
        ProducerSetting::Compression => "compression.type",
        ProducerSetting::Acks => "acks",
        ProducerSetting::Mode => "전송 방식",
        ProducerSetting::Idempotence => "enable.idempotence",
        ProducerSetting::MaxInFlight => "max.in.flight.requests.per.connection",
        ProducerSetting::Keys => "키",
        ProducerSetting::ValueBytes => "값 바이트",
        ProducerSetting::RequestTimeout => "request.timeout.ms",
        ProducerSetting::DeliveryTimeout => "delivery.timeout.ms",
        ProducerSetting::RetryBackoff => "retry.backoff.ms",
        ProducerSetting::MetadataMaxAge => "metadata.max.age.ms",
    }
}

fn value(v: &SettingValue) -> String {
    match v {
        SettingValue::Plain(s) => s.clone(),
        SettingValue::Partitioner(p) => words::partitioner(KO, *p).to_string(),
        SettingValue::Mode(m) => words::send_mode(KO, *m).to_string(),
    }
}

fn change(c: &ProducerChange) -> String {
    let ProducerChange {
        setting: s,
        old,
        new,
    } = c;
    format!("{} {} → {}", setting(*s), value(old), value(new))
}

fn removal(reason: RemovalReason) -> String {
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

/// What started a rebalance.
#[must_use]
pub fn because(b: &Because) -> String {
    match b {
        Because::Joined(m) => format!("{m} 참여"),
        Because::Rejoined(m) => format!("{m} 재참여"),
        Because::Removed { member, reason } => format!("{member} 제거: {}", removal(*reason)),
        Because::AssignorChanged(a) => format!("할당자를 {} 변경", ro(a.name())),
        Because::ProtocolChanged(p) => format!("프로토콜을 {} 변경", ro(p.name())),
    }
}

fn group_change(c: &Change) -> String {
    match c {
        Change::ProcessingTime { member, ms } => {
            format!("{} 레코드 하나를 {ms} ms에 처리", ga(member))
        }
        Change::Assignor { assignor, protocol } => format!(
            "partition.assignment.strategy = {} ({} 프로토콜)",
            assignor.class_name(),
            protocol.name()
        ),
        Change::Protocol(p) => format!("리밸런스 프로토콜 {}", p.name()),
        Change::CommitMode(m) => words::commit_mode(KO, *m).to_string(),
    }
}

/// One consumer-group event in Korean.
#[must_use]
pub fn group(line: &GroupLine) -> String {
    match line {
        GroupLine::MemberAdded { member, group } => format!(
            "{} 그룹 {group}에서 시작해 JoinGroup을 보냅니다",
            ga(member)
        ),
        GroupLine::MemberClosing { member, group } => {
            format!("{member} 종료: 오프셋을 커밋하고 그룹 {group}에서 나갑니다")
        }
        GroupLine::MemberCrashed { member, group } => format!(
            "{member} 장애: 커밋도 LeaveGroup도 없음. 그룹 {group}의 코디네이터는 session.timeout.ms 뒤에 알아챕니다"
        ),
        GroupLine::MemberPaused { member, paused } => {
            if *paused {
                format!(
                    "{} 파티션을 일시정지 (consumer.pause): poll과 커밋은 하지만 아무것도 가져오지 않습니다",
                    ga(member)
                )
            } else {
                format!("{} 파티션을 다시 읽기 시작", ga(member))
            }
        }
        GroupLine::MemberRemoved {
            member,
            group,
            reason,
        } => format!(
            "코디네이터가 {} 그룹 {group}에서 제거: {}",
            reul(member),
            removal(*reason)
        ),
        GroupLine::RebalanceStarted {
            group,
            protocol,
            because: b,
        } => format!(
            "코디네이터: 그룹 {} PreparingRebalance ({} 프로토콜), 이유: {}. 멤버들은 다시 참여해야 합니다",
            ga(group),
            protocol.name(),
            because(b)
        ),
        GroupLine::PartitionsRevoked {
            member,
            partitions,
            lost,
        } => {
            if *lost {
                format!(
                    "{} {} 잃음 (이미 그룹에서 빠져 있었음)",
                    ga(member),
                    reul(&parts(partitions))
                )
            } else {
                format!("{} {} 내려놓음", ga(member), reul(&parts(partitions)))
            }
        }
        GroupLine::JoinGroupSent { member, owned } => {
            if owned.is_empty() {
                format!("{} JoinGroup을 보냄", ga(member))
            } else {
                format!(
                    "{} JoinGroup을 보냄, 담당 중인 파티션 {}",
                    ga(member),
                    parts(owned)
                )
            }
        }
        GroupLine::JoinCompleted {
            members,
            group,
            generation,
            leader,
        } => format!(
            "코디네이터: 그룹 {group}의 멤버 {members}명이 모두 참여: 세대 {generation}, 리더 {leader}; CompletingRebalance"
        ),
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
                format!(
                    "; {} 지금 주인이 내려놓을 때까지 보류",
                    neun(&parts(held_back))
                )
            };
            format!(
                "리더 {} {} 실행: {}{held}; SyncGroup을 보냄",
                ga(leader),
                reul(assignor.class_name()),
                plan.join("; ")
            )
        }
        GroupLine::AssignmentReceived {
            member,
            generation,
            owned,
            added,
            revoked,
        } => {
            let mut text = format!("{} 세대 {generation} 받음: 담당 {}", ga(member), parts(owned));
            if !added.is_empty() {
                text.push_str(&format!(", 새로 {}", parts(added)));
            }
            if !revoked.is_empty() {
                text.push_str(&format!(
                    ", {} 커밋 없이 내려놓고 다시 참여",
                    reul(&parts(revoked))
                ));
            }
            text
        }
        GroupLine::RecordReprocessed {
            member,
            record,
            tp,
            offset,
        } => format!(
            "중복: {} {tp} 오프셋 {offset}의 {} 다시 처리 (처리했지만 커밋 전이었음)",
            ga(member),
            reul(&record.to_string())
        ),
        GroupLine::CommitFailed { member, error } => {
            format!("{member}의 오프셋 커밋 실패: {error} (CommitFailedException)")
        }
        GroupLine::OffsetReset {
            member,
            tp,
            cause,
            from,
            to,
            policy,
        } => {
            let cause = match cause {
                ResetCause::NoCommittedOffset => "커밋된 오프셋 없음",
            };
            let from = from.map_or(String::new(), |o| format!(" (오프셋 {o})"));
            match to {
                Some(to) => format!(
                    "{member}, {tp}: {cause}{from}; auto.offset.reset={} → 오프셋 {to}",
                    policy.as_config()
                ),
                None => format!(
                    "{member}, {tp}: {cause}{from}; auto.offset.reset=none → 애플리케이션이 예외를 받고 이 파티션은 멈춥니다"
                ),
            }
        }
        GroupLine::Seeked {
            member,
            tp,
            from,
            to,
        } => format!(
            "{} {}의 위치를 {}에서 오프셋 {} 옮김 (seek)",
            ga(member),
            tp,
            from.map_or("없음".to_string(), |o| o.to_string()),
            ro(&to.to_string())
        ),
        GroupLine::ConfigChanged { group, change } => {
            format!("그룹 {group}: {}", group_change(change))
        }
        GroupLine::GroupAdded {
            group,
            topic,
            members,
        } => format!(
            "그룹 {} 멤버 {members}명으로 {} 자기 오프셋으로 읽기 시작",
            ga(group),
            reul(topic)
        ),
    }
}
