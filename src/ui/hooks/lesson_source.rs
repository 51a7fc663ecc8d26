//! `?src=URL` (an effect): fetches an author's scenario file (TOML or JSON)
//! from this site or another that allows it (CORS), at most
//! [`MAX_FILE_BYTES`] and [`FETCH_TIMEOUT_S`] seconds, reads and checks it
//! as `kafkascope check` does, and opens it in the lesson player; what goes
//! wrong is said with the file's address and the reader's message (line,
//! column, what was expected).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::scenario::limits::MAX_FILE_BYTES;
use crate::scenario::{Scenario, Syntax};
use crate::text::notice::LessonSourceError;
use crate::text::Problem;
use crate::ui::state::action::Action;
use crate::ui::state::lesson::LessonSource;

/// Longest wait for a file, s.
pub const FETCH_TIMEOUT_S: u32 = 10;

/// The address resolved against the page, if it is http(s).
fn resolve(src: &str) -> Result<web_sys::Url, LessonSourceError> {
    let base = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let url = web_sys::Url::new_with_base(src, &base).map_err(|_| LessonSourceError::BadAddress)?;
    match url.protocol().as_str() {
        "http:" | "https:" => Ok(url),
        _ => Err(LessonSourceError::BadAddress),
    }
}

fn js_text(e: &wasm_bindgen::JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "network error".to_string())
}

/// Fetches and reads the file at `src`.
async fn fetch_scenario(src: &str) -> Result<Scenario, LessonSourceError> {
    let url = resolve(src)?;
    let window = web_sys::window().ok_or(LessonSourceError::BadAddress)?;
    let controller =
        web_sys::AbortController::new().map_err(|e| LessonSourceError::Fetch(js_text(&e)))?;
    let abort = {
        let controller = controller.clone();
        Closure::once_into_js(move || controller.abort())
    };
    let timer = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            abort.unchecked_ref(),
            (FETCH_TIMEOUT_S * 1_000) as i32,
        )
        .ok();
    let signal = controller.signal();
    let failed = |e: wasm_bindgen::JsValue| {
        if signal.aborted() {
            LessonSourceError::Timeout {
                seconds: FETCH_TIMEOUT_S,
            }
        } else {
            LessonSourceError::Fetch(js_text(&e))
        }
    };
    let init = web_sys::RequestInit::new();
    init.set_method("GET");
    init.set_mode(web_sys::RequestMode::Cors);
    init.set_signal(Some(&signal));
    let result = async {
        let response: web_sys::Response =
            JsFuture::from(window.fetch_with_str_and_init(&url.href(), &init))
                .await
                .map_err(failed)?
                .dyn_into()
                .map_err(|_| LessonSourceError::Fetch("not a response".to_string()))?;
        if !response.ok() {
            return Err(LessonSourceError::Fetch(format!(
                "HTTP {}",
                response.status()
            )));
        }
        let too_large = LessonSourceError::TooLarge {
            max_kb: MAX_FILE_BYTES / 1024,
        };
        let declared = response
            .headers()
            .get("content-length")
            .ok()
            .flatten()
            .and_then(|n| n.trim().parse::<u64>().ok());
        if declared.is_some_and(|n| n > MAX_FILE_BYTES as u64) {
            return Err(too_large);
        }
        let buffer = JsFuture::from(response.array_buffer().map_err(failed)?)
            .await
            .map_err(failed)?;
        let bytes = js_sys::Uint8Array::new(&buffer);
        if bytes.length() as usize > MAX_FILE_BYTES {
            return Err(too_large);
        }
        String::from_utf8(bytes.to_vec()).map_err(|_| LessonSourceError::NotText)
    }
    .await;
    if let Some(timer) = timer {
        window.clear_timeout_with_handle(timer);
    }
    let text = result?;
    let path = url.pathname();
    Scenario::parse(&text, Syntax::guess(Some(&path), &text))
        .map_err(|e| LessonSourceError::Scenario(e.to_string()))
}

/// Opens the lesson of `?src=` (at step `step`, from 0) once the page is up.
#[hook]
pub fn use_lesson_source(src: Option<String>, step: usize, on_action: Callback<Action>) {
    use_effect_with((), move |_| {
        if let Some(src) = src {
            wasm_bindgen_futures::spawn_local(async move {
                let opened = match fetch_scenario(&src).await {
                    Ok(s) => Ok((Box::new(s), LessonSource::File(src), step)),
                    Err(why) => Err(Problem::LessonSource { from: src, why }),
                };
                on_action.emit(Action::OpenScenario(opened));
            });
        }
    });
}
