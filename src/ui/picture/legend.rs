//! The legend: every symbol, marker and colour of the picture in words.

use yew::prelude::*;

use crate::text::{Lang, PictureLabel};

fn swatch(entry: PictureLabel) -> Html {
    let class = match entry {
        PictureLabel::LegendCell => "sw cell h3",
        PictureLabel::LegendUncommitted => "sw cell unc h3",
        PictureLabel::LegendNullKey => "sw cell hnull",
        PictureLabel::LegendLeader => "sw rchip leader",
        PictureLabel::LegendInSync => "sw rchip isr",
        PictureLabel::LegendOutOfSync => "sw rchip out",
        PictureLabel::LegendDown => "sw bchip down",
        PictureLabel::LegendHw => "sw tick hw",
        PictureLabel::LegendLeo => "sw tick leo",
        PictureLabel::LegendLogStart => "sw tick start",
        PictureLabel::LegendCommitted => "sw tick committed",
        PictureLabel::LegendSegment => "sw tick segment",
        PictureLabel::LegendProduceDot => "sw dot produce",
        PictureLabel::LegendAckDot => "sw dot ack",
        PictureLabel::LegendFetchDot => "sw dot fetch",
        _ => "sw own m0",
    };
    html! { <span class={class} aria-hidden="true"></span> }
}

/// The legend (shown by its toggle).
pub fn legend(lang: Lang) -> Html {
    html! {
        <ul class="legend" data-testid="legend">
            { for PictureLabel::LEGEND.iter().map(|e| html! {
                <li>{ swatch(*e) }<span>{ e.say(lang) }</span></li>
            }) }
        </ul>
    }
}
