//! Events in the reader's language. English is the engine's own wording
//! ([`Sim::describe`]); Korean is written here, one arm per event kind, so a
//! new kind without a translation does not compile.

use crate::engine::errors::{DropReason, LossReason};
use crate::engine::event::LogStartCause;
use crate::engine::event::{ElectionKind, IsrChange};
use crate::engine::log::{DeletionReason, RollReason};
use crate::engine::partitioner::SwitchReason;
use crate::engine::{Event, EventKind, PartitionDecision, Sim};
use crate::text::Describe;

use super::i18n::Lang;

fn drop_reason_ko(r: DropReason) -> &'static str {
    match r {
        DropReason::ReceiverDown => "받는 쪽이 내려가 있음",
        DropReason::LinkCut => "네트워크가 끊겨 있음",
    }
}

/// Why records were lost, in Korean.
pub(crate) fn loss_reason_ko(r: LossReason) -> &'static str {
    match r {
        LossReason::NotOnNewLeader => {
            "리더가 바뀌었는데 새 리더에게는 이 레코드가 없었습니다 (아직 모든 ISR 복제본에 복사되기 전)"
        }
        LossReason::UncleanElection => "언클린 리더 선출: ISR 밖의 복제본이 리더가 되었습니다",
        LossReason::Acks0Undelivered => "acks=0: 배치가 리더에 닿지 못했고 아무도 알아채지 못했습니다",
    }
}

/// One event in `lang`.
#[must_use]
pub fn event_text(sim: &Sim, event: &Event, lang: Lang) -> String {
    if lang == Lang::En {
        return sim.describe(event);
    }
    let tp = |tp| sim.tp_name(tp);
    let producer = |p: crate::engine::ProducerId| {
        sim.producers()
            .get(p.0 as usize)
            .map_or_else(|| p.to_string(), |x| x.config.name.clone())
    };
    let member = |m: crate::engine::MemberId| format!("consumer-{}", m.0);
    match &event.kind {
        EventKind::RecordCreated {
            producer: p,
            key,
            tp: t,
            decision,
            record,
            ..
        } => {
            let key = key.as_deref().map_or("null".to_string(), |k| format!("\"{k}\""));
            let why = match decision {
                PartitionDecision::Explicit => "레코드가 파티션을 직접 지정".to_string(),
                PartitionDecision::KeyHash { murmur2, partitions } => format!(
                    "murmur2 = {murmur2}, toPositive % {partitions} = {}",
                    t.partition
                ),
                PartitionDecision::Sticky { .. } => "키 없음: 스티키 파티션".to_string(),
                PartitionDecision::RoundRobin { skipped: None } => "라운드 로빈".to_string(),
                PartitionDecision::RoundRobin { skipped: Some(s) } => format!(
                    "라운드 로빈; 새 배치가 partition()을 두 번 불러 p{s}를 건너뜀 (KAFKA-9965)"
                ),
            };
            format!("{}가 {record} 생성, 키 {key} → {} ({why})", producer(*p), tp(*t))
        }
        EventKind::BatchSent {
            batch,
            producer: p,
            tp: t,
            leader,
            records,
            bytes,
            ..
        } => format!(
            "{}가 배치 {batch} ({records}개, {bytes} B)를 {}의 리더 {leader}에게 보냄",
            producer(*p),
            tp(*t)
        ),
        EventKind::BatchAppended {
            broker,
            tp: t,
            base_offset,
            last_offset,
            leader_epoch,
            ..
        } => format!(
            "{broker}가 {} 오프셋 {base_offset}..={last_offset} 기록 (리더 에포크 {leader_epoch})",
            tp(*t)
        ),
        EventKind::ReplicaCopied {
            broker,
            tp: t,
            first_offset,
            last_offset,
        } => format!(
            "{broker} (팔로워)가 {} 오프셋 {first_offset}..={last_offset} 복사",
            tp(*t)
        ),
        EventKind::HighWatermarkAdvanced {
            tp: t,
            broker,
            high_watermark,
        } => format!("{} 하이 워터마크 ({broker}) → {high_watermark}", tp(*t)),
        EventKind::ProduceAcked {
            producer: p,
            tp: t,
            base_offset,
            records,
            ..
        } => format!(
            "{}가 확인 응답 받음: {} 오프셋 {base_offset} ({records}개)",
            producer(*p),
            tp(*t)
        ),
        EventKind::ProduceAssumed { batch, producer: p } => format!(
            "{}는 {batch}가 전달됐다고 가정 (acks=0: 응답이 오지 않음)",
            producer(*p)
        ),
        EventKind::FetchSent {
            member: m,
            broker,
            positions,
            ..
        } => {
            let parts: Vec<String> = positions
                .iter()
                .map(|(t, o)| format!("{}@{o}", tp(*t)))
                .collect();
            format!("{}가 {broker}에 페치 요청: {}", member(*m), parts.join(", "))
        }
        EventKind::FetchAnswered {
            member: m,
            broker,
            records,
            ..
        } => format!("{broker}가 {}의 페치에 레코드 {records}개로 응답", member(*m)),
        EventKind::RecordConsumed {
            member: m,
            tp: t,
            offset,
            record,
            ..
        } => format!("{}가 {} 오프셋 {offset}의 {record} 처리", member(*m), tp(*t)),
        EventKind::OffsetCommitted {
            group,
            member: m,
            tp: t,
            offset,
        } => format!(
            "그룹 {}가 {} 오프셋 {offset} 커밋 ({})",
            sim.group_name(*group),
            tp(*t),
            member(*m)
        ),
        EventKind::PartitionsAssigned {
            group,
            generation,
            assignment,
        } => {
            let parts: Vec<String> = assignment
                .iter()
                .map(|(m, tps)| {
                    let list: Vec<String> = tps.iter().map(|t| t.partition.to_string()).collect();
                    format!("{} ← [{}]", member(*m), list.join(", "))
                })
                .collect();
            format!(
                "그룹 {} 세대 {generation} (range 할당자): {}",
                sim.group_name(*group),
                parts.join("; ")
            )
        }
        EventKind::ProducerRateChanged {
            producer: p,
            records_per_sec,
        } => format!("{} 전송 속도를 초당 {records_per_sec}개로 변경", producer(*p)),
        EventKind::BrokerStopped { broker, clean } => {
            if *clean {
                format!("{broker} 정상 종료 (리더 역할을 먼저 넘김)")
            } else {
                format!("{broker} 장애 발생: 세션이 만료되면 컨트롤러가 알아챕니다")
            }
        }
        EventKind::BrokerStarted { broker } => {
            format!("{broker} 시작: 복제본들이 리더의 에포크를 확인하고 따라잡습니다")
        }
        EventKind::BrokerFenced { broker } => {
            format!("컨트롤러가 {broker}를 격리: 모든 ISR에서 빠지고 리더 역할이 옮겨집니다")
        }
        EventKind::BrokerSlowed {
            broker,
            extra_latency_ms,
        } => {
            if *extra_latency_ms == 0 {
                format!("{broker} 정상 속도로 복귀")
            } else {
                format!("{broker} 느려짐: 모든 메시지에 +{extra_latency_ms} ms")
            }
        }
        EventKind::LinkChanged { a, b, up } => format!(
            "{} ↔ {} 네트워크 {}",
            sim.node_name(*a),
            sim.node_name(*b),
            if *up { "복구" } else { "차단" }
        ),
        EventKind::MessageDropped {
            kind,
            from,
            to,
            reason,
            ..
        } => format!(
            "{}에서 {}로 가던 {kind} 유실: {}",
            sim.node_name(*from),
            sim.node_name(*to),
            drop_reason_ko(*reason)
        ),
        EventKind::LeaderElected {
            tp: t,
            leader,
            leader_epoch,
            kind,
        } => match (leader, kind) {
            (None, _) => format!(
                "{} 오프라인: 살아 있는 ISR 복제본이 없습니다 (리더 에포크 {leader_epoch})",
                tp(*t)
            ),
            (Some(l), ElectionKind::Unclean) => format!(
                "언클린 선출: ISR 밖의 {l}가 {}의 리더가 됨 (에포크 {leader_epoch})",
                tp(*t)
            ),
            (Some(l), ElectionKind::Preferred) => format!(
                "선호 복제본 {l}가 다시 {}의 리더 (에포크 {leader_epoch})",
                tp(*t)
            ),
            (Some(l), _) => format!(
                "컨트롤러가 {l}를 {}의 리더로 선출 (에포크 {leader_epoch})",
                tp(*t)
            ),
        },
        EventKind::IsrChanged { tp: t, isr, reason } => {
            let list: Vec<String> = isr.iter().map(|b| b.0.to_string()).collect();
            let why = match reason {
                IsrChange::LaggingFollower => "팔로워가 replica.lag.time.max.ms보다 오래 뒤처짐",
                IsrChange::BrokerGone => "브로커가 빠짐",
                IsrChange::CaughtUp => "팔로워가 하이 워터마크를 따라잡음",
            };
            format!("{} ISR → [{}] ({why})", tp(*t), list.join(","))
        }
        EventKind::ProduceFailed {
            producer: p,
            tp: t,
            error,
            batch,
        } => format!("{}가 {}의 {batch}에 대해 {error} 받음", producer(*p), tp(*t)),
        EventKind::FollowerTruncated {
            tp: t,
            broker,
            from_offset,
            to_offset,
        } => format!(
            "{broker}가 {}를 {from_offset}에서 {to_offset}로 잘라냄: 리더에게 없는 레코드입니다",
            tp(*t)
        ),
        EventKind::StickySwitched {
            producer: p,
            topic,
            from,
            to,
            reason,
            produced_bytes,
            weights,
        } => {
            let name = |part: u32| {
                sim.tp_name(crate::engine::TopicPartition {
                    topic: *topic,
                    partition: part,
                })
            };
            let from = from.map_or("없음".to_string(), |f| {
                format!("{} ({produced_bytes} B 뒤)", name(f))
            });
            let how = match weights {
                Some(w) => {
                    let list: Vec<String> = w.iter().map(|(p, w)| format!("p{p}:{w}")).collect();
                    format!("적응형 가중치 {}", list.join(" "))
                }
                None => "균등하게 무작위로".to_string(),
            };
            let why = match reason {
                SwitchReason::First => "키 없는 첫 레코드",
                SwitchReason::BatchSizeAndFull => "batch.size 바이트 이상 보냈고 배치가 가득 참",
                SwitchReason::TwiceBatchSize => "2 × batch.size 바이트 이상 보냄",
            };
            format!(
                "{} 스티키 파티션 {from} → {} ({why}; 다음 파티션은 {how} 선택)",
                producer(*p),
                name(*to)
            )
        }
        EventKind::RequestTimedOut {
            producer: p,
            broker,
            batches,
        } => format!(
            "{}: request.timeout.ms 동안 {broker}의 응답이 없어 연결을 닫음, 배치 {}개 실패",
            producer(*p),
            batches.len()
        ),
        EventKind::ProduceRetried {
            batch,
            producer: p,
            tp: t,
            next_attempt,
        } => format!(
            "{}가 retry.backoff.ms 뒤에 {}의 배치 {batch}를 다시 보냄 ({next_attempt}번째 시도)",
            producer(*p),
            tp(*t)
        ),
        EventKind::BatchExpired {
            batch,
            producer: p,
            tp: t,
            records,
        } => format!(
            "{}: {}의 배치 {batch}가 delivery.timeout.ms를 넘겨 만료, 레코드 {records}개 실패",
            producer(*p),
            tp(*t)
        ),
        EventKind::DuplicateIgnored {
            batch,
            broker,
            tp: t,
            base_offset,
        } => format!(
            "{broker}는 배치 {batch}를 {} 오프셋 {base_offset}에 이미 가지고 있음 (같은 프로듀서 ID와 시퀀스): 다시 기록하지 않음",
            tp(*t)
        ),
        EventKind::DuplicateAppended {
            batch,
            broker,
            tp: t,
            records,
        } => format!(
            "{broker}가 배치 {batch}를 {}에 두 번째로 기록 (멱등성 꺼짐): 중복 레코드 {records}개",
            tp(*t)
        ),
        EventKind::OutOfOrderSequence {
            batch,
            broker,
            tp: t,
            expected,
            got,
        } => format!(
            "{broker}가 {}의 배치 {batch}를 거부: 시퀀스 {got}, 기대값 {expected} (OUT_OF_ORDER_SEQUENCE_NUMBER)",
            tp(*t)
        ),
        EventKind::PartitionsAdded {
            topic,
            from,
            to,
            replicas,
        } => {
            let list: Vec<String> = replicas
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let ids: Vec<String> = r.iter().map(|b| b.0.to_string()).collect();
                    format!("p{} [{}]", *from as usize + i, ids.join(","))
                })
                .collect();
            format!(
                "토픽 {}의 파티션이 {from}개에서 {to}개로 늘어남: {}",
                sim.topics().get(topic.0 as usize).map_or("?", |t| t.name.as_str()),
                list.join(", ")
            )
        }
        EventKind::MetadataRefreshed {
            producer: p,
            from,
            to,
            moved_keys,
            ..
        } => {
            let moved: Vec<String> = moved_keys
                .iter()
                .map(|(k, a, b)| format!("\"{k}\" p{a}→p{b}"))
                .collect();
            format!(
                "{}가 메타데이터 갱신: 파티션 {from}개 → {to}개, 옮겨 간 키 {}개{}{}",
                producer(*p),
                moved_keys.len(),
                if moved.is_empty() { "" } else { ": " },
                moved.join(", ")
            )
        }
        EventKind::ProducerConfigChanged {
            producer: p,
            before,
            after,
        } => format!(
            "{}를 새 설정으로 다시 시작: {}",
            producer(*p),
            crate::text::en_words::producer_changes(before, after).join("; ")
        ),
        EventKind::Group(g) => super::group_event_text::group_event_ko(sim, g),
        EventKind::SegmentRolled {
            tp: t,
            broker,
            base_offset,
            reason,
        } => {
            let why = match reason {
                RollReason::SegmentBytes => "다음 배치가 segment.bytes를 넘기게 됨",
                RollReason::SegmentMs => "활성 세그먼트의 첫 배치가 segment.ms보다 오래됨",
                RollReason::Retention => "보존 정책이 모든 세그먼트를 지우므로 빈 세그먼트를 먼저 시작",
            };
            format!(
                "{broker}가 {}의 새 세그먼트를 오프셋 {base_offset}에서 시작 ({why})",
                tp(*t)
            )
        }
        EventKind::SegmentsDeleted {
            tp: t,
            broker,
            reason,
            segments,
            first_offset,
            end_offset,
            records,
            bytes,
        } => {
            let why = match reason {
                DeletionReason::RetentionMs => "retention.ms: 가장 새 레코드도 보존 기간보다 오래됨",
                DeletionReason::RetentionBytes => {
                    "retention.bytes: 로그가 한 세그먼트 이상 한도를 넘음"
                }
                DeletionReason::LogStartOffset => "로그 시작 오프셋보다 완전히 아래",
            };
            format!(
                "{broker}가 {}의 세그먼트 {segments}개 삭제: 오프셋 {first_offset}..{end_offset} (레코드 {records}개, {bytes} B), {why}",
                tp(*t)
            )
        }
        EventKind::LogStartOffsetMoved {
            tp: t,
            broker,
            log_start_offset,
            cause,
        } => match cause {
            LogStartCause::Retention => format!(
                "{} 로그 시작 오프셋 ({broker}) → {log_start_offset}",
                tp(*t)
            ),
            LogStartCause::Leader => format!(
                "{} 로그 시작 오프셋 ({broker}) → {log_start_offset} (팔로워는 리더를 따름)",
                tp(*t)
            ),
        },
        EventKind::LogCompacted {
            tp: t,
            broker,
            end_offset,
            dirty_ratio_percent,
            superseded,
            tombstones_removed,
            keyless,
            bytes_before,
            bytes_after,
            segments_before,
            segments_after,
        } => {
            let mut parts = vec![format!("같은 키의 이전 값 {superseded}개")];
            if *tombstones_removed > 0 {
                parts.push(format!(
                    "delete.retention.ms가 지난 툼스톤 {tombstones_removed}개"
                ));
            }
            if *keyless > 0 {
                parts.push(format!("키 없는 레코드 {keyless}개"));
            }
            format!(
                "{broker}의 로그 클리너가 {}의 오프셋 {end_offset} 아래를 압축 (dirty {dirty_ratio_percent}%): {} 제거; {bytes_before} B → {bytes_after} B, 세그먼트 {segments_before} → {segments_after}개; 오프셋은 그대로, 빈 자리가 남음",
                tp(*t),
                parts.join(", ")
            )
        }
        EventKind::ConsumerOffsetReset {
            group,
            member: m,
            tp: t,
            from_offset,
            to_offset,
            policy,
            log_start_offset,
            log_end_offset,
        } => {
            let place = if from_offset < log_start_offset {
                format!("로그 시작 오프셋 {log_start_offset}보다 아래")
            } else {
                format!("로그 끝 오프셋 {log_end_offset}보다 위")
            };
            let what = match to_offset {
                None => "auto.offset.reset=none: 애플리케이션이 오류를 받고 이 파티션을 더 읽지 않습니다"
                    .to_string(),
                Some(to) if to > from_offset => format!(
                    "auto.offset.reset={}로 {to}로 이동: 오프셋 {from_offset}..{to} ({}개, 그중 {}개는 보존 정책으로 삭제됨)를 건너뜀",
                    policy.as_config(),
                    to - from_offset,
                    (*log_start_offset).min(*to).saturating_sub(*from_offset)
                ),
                Some(to) => format!(
                    "auto.offset.reset={}로 {to}로 되돌아감: 오프셋 {to}..{from_offset}를 다시 읽음",
                    policy.as_config()
                ),
            };
            format!(
                "{} (그룹 {})의 {} 위치 {from_offset}가 {place}: OFFSET_OUT_OF_RANGE; {what}",
                member(*m),
                sim.group_name(*group),
                tp(*t)
            )
        }
        EventKind::FollowerOutOfRange {
            tp: t,
            broker,
            fetch_offset,
            leader_log_start_offset,
            dropped,
        } => format!(
            "{broker} (팔로워)의 페치 오프셋 {fetch_offset}가 {}의 리더 로그 시작 오프셋 {leader_log_start_offset}보다 아래: OFFSET_OUT_OF_RANGE; 레코드 {dropped}개를 버리고 {leader_log_start_offset}부터 다시 시작",
            tp(*t)
        ),
        EventKind::TopicConfigChanged {
            topic,
            name,
            old,
            new,
        } => format!(
            "토픽 {}: {name} = {new} (이전 {old})",
            sim.topics()
                .get(topic.0 as usize)
                .map_or_else(|| topic.to_string(), |t| t.name.clone())
        ),
        EventKind::RetentionCheckIntervalChanged { interval_ms } => format!(
            "모든 브로커가 이제 {interval_ms} ms마다 보존 정책을 확인 (log.retention.check.interval.ms)"
        ),
        EventKind::RecordsDiscarded { tp: t, records } => format!(
            "확인 응답을 받지 못한 레코드 {records}개가 {}의 새 리더에 없습니다: 프로듀서가 다시 보냅니다",
            tp(*t)
        ),
        EventKind::RecordsLost {
            tp: t,
            records,
            acknowledged,
            reason,
        } => format!(
            "유실: {}의 레코드 {records}개 (그중 확인 응답을 받은 것 {acknowledged}개): {}",
            tp(*t),
            loss_reason_ko(*reason)
        ),
    }
}
