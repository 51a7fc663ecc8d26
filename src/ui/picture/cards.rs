//! The topic view's boxes: a producer with its partitioner stage, a broker
//! chip, a consumer group with its members. Components with plain props, so
//! unchanged boxes are not drawn again.

use yew::prelude::*;

use super::lane::MEMBER_CLASSES;
use super::svg::px;
use crate::engine::consumer::MemberPhase;
use crate::layout::Rect;
use crate::picture::input::{BrokerIn, Decision, GroupIn, ProducerIn};
use crate::picture::measure::fit_text;
use crate::picture::topic_layout::{GroupBox, Lod, ProducerBox, SMALL_PX, TEXT_PX, TITLE_PX};
use crate::text::{words, Lang, PictureLabel as P, PictureLine, Say};

/// A text cut to fit `w` at `size`, with its whole text as a tooltip when cut.
fn fitted(text: &str, size: f64, w: f64, class: &'static str, x: f64, y: f64) -> Html {
    fitted_id(text, size, w, class, x, y, None)
}

/// [`fitted`] with a test id.
fn fitted_id(
    text: &str,
    size: f64,
    w: f64,
    class: &'static str,
    x: f64,
    y: f64,
    testid: Option<&'static str>,
) -> Html {
    let (shown, cut) = fit_text(text, size, w);
    html! {
        <text class={class} x={px(x)} y={px(y)} data-testid={testid}>
            { shown }
            if cut { <title>{ text.to_string() }</title> }
        </text>
    }
}

/// Properties of [`ProducerCard`].
#[derive(Properties, PartialEq)]
pub struct ProducerProps {
    /// The producer.
    pub producer: ProducerIn,
    /// Where it sits.
    pub bx: ProducerBox,
    /// The language.
    pub lang: Lang,
    /// A lesson points at it.
    pub focused: bool,
}

/// A producer and its partitioner's latest decision in words.
#[component]
pub fn ProducerCard(props: &ProducerProps) -> Html {
    let ProducerProps {
        producer: p,
        bx,
        lang,
        focused,
    } = props;
    let lang = *lang;
    let r = bx.rect;
    let q = bx.partitioner;
    let (line1, line2) = match &p.decision {
        None => (P::WaitingFirst.say(lang).to_string(), String::new()),
        Some(Decision::Key {
            key,
            partitions,
            partition,
        }) => (
            PictureLine::Key { key: key.clone() }.say(lang),
            PictureLine::Hash {
                partitions: *partitions,
                partition: *partition,
            }
            .say(lang),
        ),
        Some(d) => (
            match d {
                Decision::Sticky { .. } => P::NoKeySticky,
                Decision::RoundRobin { .. } => P::RoundRobin,
                _ => P::Explicit,
            }
            .say(lang)
            .to_string(),
            PictureLine::ToPartition {
                partition: d.partition(),
            }
            .say(lang),
        ),
    };
    let tw = q.w - 12.0;
    html! {
        <g class={if *focused { "producer focus" } else { "producer" }} data-entity="producer"
            data-producer={p.name.clone()} data-box="" id={format!("e-producer-{}", p.name)}>
            <rect data-frame="" class="box" x={px(r.x)} y={px(r.y)} width={px(r.w)} height={px(r.h)} rx="8" />
            { fitted(&p.name, TITLE_PX, bx.text_w, "title", r.x + 8.0, r.y + 17.0) }
            { fitted(&PictureLine::ProducerSettings { rate: p.rate, acks: p.acks }.say(lang), SMALL_PX, bx.text_w, "small", r.x + 8.0, r.y + 32.0) }
            { fitted(&PictureLine::ProducerCounts { acked: p.acked, queued: p.queued }.say(lang), SMALL_PX, bx.text_w, "small muted", r.x + 8.0, r.y + 46.0) }
            <g class="partitioner" data-box="">
                <rect data-frame="" class="stage" x={px(q.x)} y={px(q.y)} width={px(q.w)} height={px(q.h)} rx="6" />
                { fitted(P::Partitioner.say(lang), SMALL_PX, tw, "small muted", q.x + 6.0, q.y + 14.0) }
                { fitted(&line1, TEXT_PX, tw, "decision", q.x + 6.0, q.y + 29.0) }
                { fitted(&line2, TEXT_PX, tw, "decision", q.x + 6.0, q.y + 44.0) }
            </g>
        </g>
    }
}

/// Properties of [`BrokerChip`].
#[derive(Properties, PartialEq)]
pub struct BrokerProps {
    /// The broker.
    pub broker: BrokerIn,
    /// Where it sits.
    pub rect: Rect,
    /// A lesson points at it.
    pub focused: bool,
    /// Its state in words (tooltip).
    pub state: String,
    /// Its state in English (`data-state`, for tests and tools).
    pub state_id: String,
}

/// A broker as a chip: `B1`, `B1 ✕` when down.
#[component]
pub fn BrokerChip(props: &BrokerProps) -> Html {
    let b = &props.broker;
    let r = props.rect;
    let class = match (b.alive, b.slow_ms > 0, props.focused) {
        (false, _, false) => "bchip down",
        (false, _, true) => "bchip down focus",
        (true, true, false) => "bchip slow",
        (true, true, true) => "bchip slow focus",
        (true, false, false) => "bchip",
        (true, false, true) => "bchip focus",
    };
    let text = if b.alive {
        format!("B{}", b.id)
    } else {
        format!("B{} ✕", b.id)
    };
    html! {
        <g class={class} data-entity="broker" data-broker={b.id.to_string()} data-box=""
            data-state={props.state_id.clone()} id={format!("e-broker-{}", b.id)}>
            <title>{ format!("B{}: {}", b.id, props.state) }</title>
            <rect data-frame="" x={px(r.x)} y={px(r.y)} width={px(r.w)} height={px(r.h)} rx="9" />
            <text x={px(r.x + 5.0)} y={px(r.y + 13.0)}>{ text }</text>
        </g>
    }
}

/// Properties of [`GroupCard`].
#[derive(Properties, PartialEq)]
pub struct GroupProps {
    /// The group.
    pub group: GroupIn,
    /// Where it sits.
    pub bx: GroupBox,
    /// Members' detail.
    pub lod: Lod,
    /// The language.
    pub lang: Lang,
    /// Index of its first member's colour.
    pub colour_from: usize,
    /// A lesson points at it.
    pub focused: bool,
    /// Members a lesson points at.
    pub focused_members: Vec<String>,
}

/// A consumer group: state, generation and lag, and its members with what
/// each owns.
#[component]
pub fn GroupCard(props: &GroupProps) -> Html {
    let GroupProps {
        group: g, bx, lod, ..
    } = props;
    let lang = props.lang;
    let r = bx.rect;
    let tw = r.w - 14.0;
    let header = if *lod == Lod::Tiny {
        let t = format!(
            "{} · {}",
            g.name,
            PictureLine::GroupLag {
                lag: g.lag,
                status: g.status
            }
            .say(lang)
        );
        fitted_id(
            &t,
            TEXT_PX,
            tw,
            "title-s",
            r.x + 7.0,
            r.y + 15.0,
            Some("group-lag"),
        )
    } else {
        html! {
            <>
                { fitted(&g.name, TITLE_PX, tw, "title", r.x + 7.0, r.y + 17.0) }
                { fitted(&PictureLine::GroupState { state: g.state, generation: g.generation }.say(lang), SMALL_PX, tw, "small", r.x + 7.0, r.y + 32.0) }
                { fitted_id(&PictureLine::GroupLag { lag: g.lag, status: g.status }.say(lang), SMALL_PX, tw, "small muted", r.x + 7.0, r.y + 46.0, Some("group-lag")) }
            </>
        }
    };
    let members = g.members.iter().zip(&bx.members).enumerate().map(|(i, (m, mr))| {
        let colour = MEMBER_CLASSES[(props.colour_from + i) % MEMBER_CLASSES.len()];
        let focused = props.focused_members.contains(&m.name);
        let class = match (m.alive, focused) {
            (true, false) => "member",
            (true, true) => "member focus",
            (false, false) => "member gone",
            (false, true) => "member gone focus",
        };
        let owns = PictureLine::Owns {
            partitions: m.partitions.clone(),
            lag: m.lag,
        }
        .say(lang);
        let doing = if !m.alive || m.phase != MemberPhase::Stable {
            words::phase(lang, m.phase).to_string()
        } else if m.paused {
            words::phase(lang, m.phase).to_string() + crate::text::GroupLabel::Paused.say(lang)
        } else {
            owns.clone()
        };
        let mw = mr.w - 16.0;
        let body = if *lod == Lod::Full {
            html! {
                <>
                    { fitted(&m.name, TEXT_PX, mw, "mname", mr.x + 10.0, mr.y + 14.0) }
                    { fitted(&doing, SMALL_PX, mw, "small", mr.x + 10.0, mr.y + 29.0) }
                </>
            }
        } else {
            let parts: Vec<String> = m.partitions.iter().map(|p| format!("p{p}")).collect();
            fitted(&format!("{} · {}", m.name, parts.join(" ")), SMALL_PX, mw, "small", mr.x + 10.0, mr.y + 14.0)
        };
        html! {
            <g class={class} data-entity="member" data-member={m.name.clone()} data-box=""
                data-owns={m.partitions.iter().map(u32::to_string).collect::<Vec<_>>().join(",")}
                id={format!("e-member-{}-{}", g.name, m.name)}>
                <rect data-frame="" class="mbox" x={px(mr.x)} y={px(mr.y)} width={px(mr.w)} height={px(mr.h)} rx="5" />
                <rect class={colour} x={px(mr.x)} y={px(mr.y)} width="5" height={px(mr.h)} rx="2" />
                { body }
            </g>
        }
    });
    html! {
        <g class={if props.focused { "group focus" } else { "group" }} data-entity="group"
            data-group={g.name.clone()} data-box="" id={format!("e-group-{}", g.name)}>
            <rect data-frame="" class="box" x={px(r.x)} y={px(r.y)} width={px(r.w)} height={px(r.h)} rx="8" />
            { header }
            { for members }
        </g>
    }
}
