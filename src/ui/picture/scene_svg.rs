//! The picture as the page shows it: the topic view (default) or the
//! broker view in one `svg[data-testid=scene]`, clicks and Enter on it read
//! from the entity they hit, arrow keys moving among its entities (one Tab
//! stop for the whole picture).

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::broker_view::{broker_view, BrokersCx};
use super::pick::{hit_of, selection_of, target_of};
use super::svg::px;
use super::topic_view::{topic_view, TopicCx};
use crate::engine::BrokerId;
use crate::picture::broker_layout::BrokersLayout;
use crate::picture::input::SceneInput;
use crate::picture::topic_layout::TopicLayout;
use crate::player::Player;
use crate::text::{AppLine, Lang, PictureLabel, Say};
use crate::ui::panels::broker_panel::broker_state;
use crate::ui::state::action::Action;
use crate::ui::state::app_state::AppState;
use crate::ui::state::focus::SceneView;

/// A click on the picture: what it hit, to the inspector.
fn on_click(player: Rc<RefCell<Player>>, on_action: Callback<Action>) -> Callback<MouseEvent> {
    Callback::from(move |e: MouseEvent| {
        let Some(target) = target_of(&e) else { return };
        let Some(hit) = hit_of(&target) else { return };
        let selection = selection_of(&player.borrow(), &hit);
        if selection.is_some() {
            on_action.emit(Action::Select(selection));
        }
    })
}

/// Arrow keys move the active entity; Enter or space opens it.
fn on_key(player: Rc<RefCell<Player>>, on_action: Callback<Action>) -> Callback<KeyboardEvent> {
    Callback::from(move |e: KeyboardEvent| {
        let key = e.key();
        let step: i32 = match key.as_str() {
            "ArrowRight" | "ArrowDown" => 1,
            "ArrowLeft" | "ArrowUp" => -1,
            "Enter" | " " => 0,
            _ => return,
        };
        let Some(svg) = e
            .current_target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
        else {
            return;
        };
        e.prevent_default();
        e.stop_propagation();
        let Ok(list) = svg.query_selector_all("[data-entity][id]") else {
            return;
        };
        let ids: Vec<String> = (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
            .map(|el| el.id())
            .collect();
        if ids.is_empty() {
            return;
        }
        let current = svg.get_attribute("aria-activedescendant");
        let at = current.and_then(|c| ids.iter().position(|i| *i == c));
        if step == 0 {
            let Some(at) = at else { return };
            let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
                return;
            };
            if let Some(el) = doc.get_element_by_id(&ids[at]) {
                if let Some(hit) = hit_of(&el) {
                    let selection = selection_of(&player.borrow(), &hit);
                    if selection.is_some() {
                        on_action.emit(Action::Select(selection));
                    }
                }
            }
            return;
        }
        let n = ids.len() as i32;
        let next = match at {
            None if step > 0 => 0,
            None => n - 1,
            Some(i) => (i as i32 + step).rem_euclid(n),
        };
        let id = &ids[next as usize];
        let _ = svg.set_attribute("aria-activedescendant", id);
        // Mark it for the eye too (a focus ring distinct from the leader's).
        if let Ok(old) = svg.query_selector_all(".active") {
            for i in 0..old.length() {
                if let Some(el) = old
                    .item(i)
                    .and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
                {
                    let _ = el.class_list().remove_1("active");
                }
            }
        }
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(id))
        {
            let _ = el.class_list().add_1("active");
        }
    })
}

fn summary(p: &Player, lang: Lang) -> String {
    let sim = p.sim();
    let totals = sim.totals();
    format!(
        "{}: {}",
        PictureLabel::PictureName.say(lang),
        AppLine::SceneSummary {
            brokers: sim.brokers().len(),
            producers: sim.producers().len(),
            groups: sim.groups().len(),
            created: totals.records_created,
            acknowledged: totals.records_acknowledged,
            consumed: totals.records_consumed,
        }
        .say(lang)
    )
}

/// The picture in the view the state asks for.
pub fn picture(s: &AppState, p: &Player, on_action: &Callback<Action>) -> Html {
    let lang = s.lang;
    let now = if s.reduced_motion {
        p.sim().now_ms() as f64
    } else {
        p.now_exact_ms()
    };
    let brokers = s.view == SceneView::Brokers;
    let input = SceneInput::of(p, now, brokers);
    let sim = p.sim();
    let state_of = |id: u32| broker_state(sim, BrokerId(id), lang);
    let state_id = |id: u32| broker_state(sim, BrokerId(id), Lang::En);
    let (width, height, content) = if brokers {
        let layout = BrokersLayout::new(&input, s.width, s.height);
        let cx = BrokersCx {
            lang,
            focus: &s.focus,
            still: s.reduced_motion,
            broker_state: &state_of,
            broker_state_id: &state_id,
        };
        let content = broker_view(&input, &layout, &cx);
        (layout.base.width, layout.base.height, content)
    } else {
        let layout = TopicLayout::new(&input, s.width, s.height);
        let cx = TopicCx {
            lang,
            focus: &s.focus,
            selected: s.selection.as_ref(),
            still: s.reduced_motion,
            broker_state: &state_of,
            broker_state_id: &state_id,
        };
        let content = topic_view(&input, &layout, &cx);
        (layout.width, layout.height, content)
    };
    let click = on_click(s.player.clone(), on_action.clone());
    let key = on_key(s.player.clone(), on_action.clone());
    html! {
        <svg data-testid="scene" class={if brokers { "scene topic brokers" } else { "scene topic" }}
            role="group" tabindex="0" aria-label={summary(p, lang)}
            width={px(width)} height={px(height)}
            viewBox={format!("0 0 {} {}", px(width), px(height))}
            onclick={click} onkeydown={key}>
            { content }
        </svg>
    }
}
