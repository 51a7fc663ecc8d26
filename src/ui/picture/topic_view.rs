//! The topic view's content: producers with their partitioners, broker
//! chips, one lane per partition per topic, groups, and the lines and dots
//! between them (see [`crate::picture`] for its input and layout).

use yew::prelude::*;

use super::cards::{BrokerChip, GroupCard, ProducerCard};
use super::flows;
use super::lane::{Lane, Owner};
use super::svg::px;
use crate::picture::input::SceneInput;
use crate::picture::topic_layout::TopicLayout;
use crate::text::Lang;
use crate::ui::state::focus::{Focus, MarkerKind};
use crate::ui::state::selection::Selection;

/// What the topic view needs besides its input and layout.
pub struct TopicCx<'a> {
    /// The language.
    pub lang: Lang,
    /// What a lesson step points at.
    pub focus: &'a [Focus],
    /// What the inspector shows.
    pub selected: Option<&'a Selection>,
    /// `prefers-reduced-motion`: messages drawn still.
    pub still: bool,
    /// A broker's state in words, by id (tooltips).
    pub broker_state: &'a dyn Fn(u32) -> String,
    /// A broker's state in English, by id (`data-state`).
    pub broker_state_id: &'a dyn Fn(u32) -> String,
}

/// The topic view's content (inside the scene's svg).
pub fn topic_view(input: &SceneInput, layout: &TopicLayout, cx: &TopicCx) -> Html {
    let lang = cx.lang;
    let producers = input
        .producers
        .iter()
        .zip(&layout.producers)
        .map(|(p, bx)| {
            let focused = cx
                .focus
                .iter()
                .any(|f| matches!(f, Focus::Producer(n) if *n == p.name));
            html! { <ProducerCard key={p.name.clone()} producer={p.clone()} bx={bx.clone()} lang={lang} focused={focused} /> }
        });
    let brokers = input.brokers.iter().zip(&layout.brokers).map(|(b, r)| {
        let focused = cx
            .focus
            .iter()
            .any(|f| matches!(f, Focus::Broker(id) if *id == b.id));
        html! { <BrokerChip key={b.id} broker={b.clone()} rect={*r} focused={focused} state={(cx.broker_state)(b.id)} state_id={(cx.broker_state_id)(b.id)} /> }
    });
    let several: Vec<usize> = input
        .topics
        .iter()
        .enumerate()
        .map(|(ti, _)| input.groups.iter().filter(|g| g.topic == ti).count())
        .collect();
    let mut first_lane = true;
    let topics = input.topics.iter().zip(&layout.topics).enumerate().map(|(ti, (t, tb))| {
        let group_names: Vec<String> = if several[ti] > 1 {
            input.groups.iter().map(|g| g.name.clone()).collect()
        } else {
            Vec::new()
        };
        let header = crate::text::PictureLine::TopicHeader {
            name: t.name.clone(),
            partitions: t.lanes.len(),
            rf: t.rf,
        };
        let h = tb.header;
        let header_text = crate::picture::measure::fit_text(
            &crate::text::Say::say(&header, lang),
            crate::picture::topic_layout::TEXT_PX,
            h.w - 8.0,
        )
        .0;
        let lanes = t.lanes.iter().zip(&tb.lanes).map(|(lane, bx)| {
            let long = std::mem::take(&mut first_lane);
            let owners: Vec<Owner> = lane
                .owners
                .iter()
                .filter_map(|(gi, mi)| {
                    let m = input.groups.get(*gi)?.members.get(*mi)?;
                    Some(Owner {
                        class: flows::member_class(input, (*gi, *mi)),
                        name: m.name.clone(),
                    })
                })
                .collect();
            let on_lane = |topic: &str, partition: u32| topic == t.name && partition == lane.partition;
            let focused = cx.focus.iter().any(|f| match f {
                Focus::Partition { topic, partition } => on_lane(topic, *partition),
                Focus::Marker { topic, partition, .. } => on_lane(topic, *partition),
                _ => false,
            });
            let focused_offset = cx.focus.iter().find_map(|f| match f {
                Focus::Record { topic, partition, offset } if on_lane(topic, *partition) => Some(*offset),
                _ => None,
            });
            let focused_replicas: Vec<u32> = cx
                .focus
                .iter()
                .filter_map(|f| match f {
                    Focus::Replica { topic, partition, broker } if on_lane(topic, *partition) => Some(*broker),
                    _ => None,
                })
                .collect();
            let selected = matches!(cx.selected, Some(Selection::Partition(tp, _)) if *tp == lane.tp);
            let _ = MarkerKind::Hw;
            html! {
                <Lane key={lane.partition} lane={lane.clone()} bx={bx.clone()} lod={layout.lod} lang={lang}
                    topic={t.name.clone()} long={long} group_names={group_names.clone()} owners={owners}
                    focused={focused} focused_offset={focused_offset} selected={selected}
                    focused_replicas={focused_replicas} />
            }
        }).collect::<Html>();
        html! {
            <g key={t.name.clone()} class="topic">
                <text class="theader" x={px(h.x + 2.0)} y={px(h.y + 13.0)}>{ header_text }</text>
                { lanes }
            </g>
        }
    }).collect::<Html>();
    let mut colour_from = 0;
    let groups = input.groups.iter().zip(&layout.groups).map(|(g, bx)| {
        let from = colour_from;
        colour_from += g.members.len();
        let focused = cx.focus.iter().any(|f| matches!(f, Focus::Group(n) if *n == g.name));
        let focused_members: Vec<String> = cx
            .focus
            .iter()
            .filter_map(|f| match f {
                Focus::Member { group, member } if *group == g.name => Some(member.clone()),
                _ => None,
            })
            .collect();
        html! {
            <GroupCard key={g.name.clone()} group={g.clone()} bx={bx.clone()} lod={layout.member_lod}
                lang={lang} colour_from={from} focused={focused} focused_members={focused_members} />
        }
    }).collect::<Html>();
    html! {
        <>
            { flows::lines(input, layout) }
            { for producers }
            { for brokers }
            { topics }
            { groups }
            { flows::dots(input, layout, cx.still) }
        </>
    }
}
