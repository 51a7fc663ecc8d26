//! When the app fails, the reader sees it. The release build aborts on a
//! panic (`panic = "abort"`): without this the page would freeze with its
//! Pause button lit. The panic hook hands the message and place to
//! `static/failure.js` (loaded by `index.html` before the app), which shows
//! an overlay offering to reload the scene and to copy a report, stops the
//! play button, and posts `{ kafkascope: 1, type: "error", message }` to an
//! embedding host. Traps the hook never sees (a WebAssembly `unreachable`,
//! running out of memory) reach the same overlay through the script's
//! `error` and `unhandledrejection` listeners.
//!
//! Two small functions are exported to scripts of the page itself (a link
//! cannot call them: the page runs no inline script, see its
//! Content-Security-Policy): the size of the wasm memory, for the soak
//! benchmark, and a deliberate panic, for the end-to-end test of the
//! overlay. A framing host cannot reach either (another origin).

use std::sync::atomic::{AtomicBool, Ordering};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::text::quote_input;

/// The app's version, in reports.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Set by the panic hook: the app must not go on.
static FAILED: AtomicBool = AtomicBool::new(false);

/// Whether the app failed (a panic, or a failure `static/failure.js` saw):
/// the frame loop and the actions stop, so nothing redraws over the overlay.
#[must_use]
pub fn failed() -> bool {
    FAILED.load(Ordering::Relaxed)
        || web_sys::window()
            .and_then(|w| js_sys::Reflect::get(&w, &"kafkascopeFailure".into()).ok())
            .and_then(|api| js_sys::Reflect::get(&api, &"failed".into()).ok())
            .and_then(|f| f.as_bool())
            .unwrap_or(false)
}

/// Installs the panic hook (once, when the app mounts; through Yew, which
/// would otherwise put its own console-only hook in place).
pub fn install_panic_hook() {
    yew::set_custom_panic_hook(Box::new(|info| {
        FAILED.store(true, Ordering::Relaxed);
        let payload = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned());
        let place = info
            .location()
            .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()))
            .unwrap_or_default();
        report(&panic_message(payload.as_deref()), &place);
    }));
}

/// The message of a panic as the overlay shows it (at most
/// 200 characters of its text, by [`quote_input`]: it may quote input).
#[must_use]
pub fn panic_message(payload: Option<&str>) -> String {
    let text = payload.unwrap_or("the app stopped (no message)");
    format!("panic: {}", quote_input(text))
}

/// Calls `window.kafkascopeFailure[name](args…)` if the script is loaded.
fn call(name: &str, args: &[JsValue]) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Ok(api) = js_sys::Reflect::get(&window, &"kafkascopeFailure".into()) else {
        return false;
    };
    let Some(function) = js_sys::Reflect::get(&api, &name.into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    else {
        return false;
    };
    let list: js_sys::Array = args.iter().collect();
    function.apply(&api, &list).is_ok()
}

/// Shows the failure overlay (through `static/failure.js`); without the
/// script (component tests) the message goes to the console.
pub fn report(message: &str, place: &str) {
    if !call("panic", &[message.into(), place.into()]) {
        web_sys::console::error_2(&message.into(), &place.into());
    }
}

/// Tells the failure script the version and where an embedding host hears
/// about a failure (`None`: not framed, or no host to tell).
pub fn configure(reply_origin: Option<&str>) {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"version".into(), &VERSION.into());
    let origin = reply_origin.map_or(JsValue::NULL, JsValue::from);
    let _ = js_sys::Reflect::set(&options, &"replyOrigin".into(), &origin);
    call("configure", &[options.into()]);
}

/// The size of the page's WebAssembly memory, bytes (the soak benchmark
/// reads it: `window.wasmBindings.kafkascope_memory_bytes()`).
#[wasm_bindgen]
pub fn kafkascope_memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map_or(0.0, |m| {
            m.buffer()
                .dyn_into::<js_sys::ArrayBuffer>()
                .map_or(0.0, |b| f64::from(b.byte_length()))
        })
}

/// Panics on purpose, so the end-to-end test sees the overlay a real panic
/// brings (`window.wasmBindings.kafkascope_panic_for_test()`). Only a script
/// already running in the page can call it.
#[wasm_bindgen]
pub fn kafkascope_panic_for_test() {
    panic!("a deliberate panic, asked for by kafkascope_panic_for_test");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_message_is_short_and_says_it_panicked() {
        assert_eq!(panic_message(Some("boom")), "panic: boom");
        assert_eq!(panic_message(None), "panic: the app stopped (no message)");
        let long = panic_message(Some(&"x".repeat(50_000)));
        assert!(long.chars().count() <= crate::text::MAX_QUOTED_CHARS + "panic: ".len());
        assert!(long.ends_with("(50000 characters)"), "{long}");
    }
}
