//! The host page and the lesson player (an effect): `step-reached` each
//! time a step's moment is reached, and the answer to each `snapshot`
//! request (partitions and groups, [`crate::snapshot::Snapshot`]), posted
//! to the same origin as the other events (`docs/embedding.md`).

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::player::Player;
use crate::snapshot::Snapshot;
use crate::ui::hooks::host::reply_origin;
use crate::ui::state::embed::EmbedOptions;

/// Posts a JSON message to the host page, if framed and allowed.
fn post_json(options: &EmbedOptions, json: &str) {
    let (Some(origin), Some(window)) = (reply_origin(options), web_sys::window()) else {
        return;
    };
    let Some(parent) = window.parent().ok().flatten() else {
        return;
    };
    if let Ok(message) = js_sys::JSON::parse(json) {
        let _ = parent.post_message(&message, &origin);
    }
}

/// Tells the host page about lesson steps and answers its snapshots.
/// `reached` counts steps whose moment was reached, `snapshots` the host's
/// requests; `step` is the lesson step shown (from 1), if any.
#[hook]
pub fn use_host_lesson(
    options: Rc<EmbedOptions>,
    player: Rc<RefCell<Player>>,
    step: Option<usize>,
    reached: u64,
    snapshots: u64,
) {
    {
        let options = options.clone();
        use_effect_with(reached, move |reached| {
            if let (true, Some(step)) = (*reached > 0, step) {
                post_json(
                    &options,
                    &format!(r#"{{"kafkascope":1,"type":"step-reached","value":{step}}}"#),
                );
            }
        });
    }
    use_effect_with(snapshots, move |snapshots| {
        if *snapshots > 0 {
            let json = Snapshot::of(player.borrow().sim(), step).to_message_json();
            post_json(&options, &json);
        }
    });
}
