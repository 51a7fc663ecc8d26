//! Component tests in headless Chromium (wasm-bindgen-test): the app mounts,
//! draws brokers and partition lanes, and its controls work.
#![cfg(target_arch = "wasm32")]

use kafkascope::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn mount() -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    root
}

#[wasm_bindgen_test]
async fn app_draws_brokers_partitions_and_a_paused_clock() {
    let root = mount();
    yew::scheduler::flush().await;
    // The topic view: broker chips, one lane per partition, the topic's name.
    let brokers = root.query_selector_all("[data-entity=broker]").unwrap();
    assert_eq!(brokers.length(), 3);
    let lanes = root.query_selector_all("[data-entity=partition]").unwrap();
    assert_eq!(lanes.length(), 3, "one lane per partition of orders");
    let text = root.text_content().unwrap();
    assert!(text.contains("orders"), "{text}");
    let clock = root
        .query_selector("[data-testid=sim-time]")
        .unwrap()
        .unwrap();
    assert_eq!(clock.text_content().unwrap(), "t = 0.000 s");
    root.remove();
}

#[wasm_bindgen_test]
async fn play_button_toggles_and_step_advances_the_clock() {
    let root = mount();
    yew::scheduler::flush().await;
    let play: web_sys::HtmlElement = root
        .query_selector("[data-testid=play]")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert!(play.text_content().unwrap().contains("Play"));
    play.click();
    yew::scheduler::flush().await;
    assert!(play.text_content().unwrap().contains("Pause"));
    assert_eq!(play.get_attribute("aria-pressed").as_deref(), Some("true"));
    play.click();
    yew::scheduler::flush().await;
    assert!(play.text_content().unwrap().contains("Play"));

    let step: web_sys::HtmlElement = root
        .query_selector("[data-testid=step]")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    for _ in 0..6 {
        step.click();
        yew::scheduler::flush().await;
    }
    let clock = root
        .query_selector("[data-testid=sim-time]")
        .unwrap()
        .unwrap();
    assert_ne!(
        clock.text_content().unwrap(),
        "t = 0.000 s",
        "stepping moves time"
    );
    // The caption under the picture says in words what just happened.
    let caption = root
        .query_selector("[data-testid=caption]")
        .unwrap()
        .unwrap();
    assert!(
        !caption.text_content().unwrap().trim().is_empty(),
        "events are told in words"
    );
    root.remove();
}

/// Same seed, same history: the fingerprint computed here in wasm equals the
/// one computed natively (`tests/engine_golden.rs` writes the golden file).
#[wasm_bindgen_test]
fn wasm_history_equals_the_native_history() {
    let expected = include_str!("golden/default_history_hash.txt")
        .trim()
        .to_string();
    let (hash, events) = kafkascope::determinism::history_hash(
        kafkascope::engine::scenarios::default_scenario(),
        60_000,
    );
    assert_eq!(format!("{hash:016x} {events}"), expected);
}
