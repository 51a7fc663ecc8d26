//! The page around the app: its address, its `<html>` attributes, the
//! window's size and clock, the reader's preferences, the clipboard and the
//! frame it may be in. Small wrappers over `web_sys`, so the rest of the UI
//! reads like what it does.

use crate::text::Lang;

/// The page's `location.search` (`?embed=1…`).
#[must_use]
pub fn search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The page's `location.hash` (`#s=…`).
#[must_use]
pub fn hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The page's address without query or hash.
#[must_use]
pub fn base_url() -> String {
    web_sys::window()
        .and_then(|w| {
            let l = w.location();
            Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?))
        })
        .unwrap_or_default()
}

/// The page's own origin.
#[must_use]
pub fn own_origin() -> Option<String> {
    web_sys::window()?.location().origin().ok()
}

fn root() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.document_element()
}

/// `<html data-theme=…>` when the URL forces a theme (`None`: follow the system).
pub fn set_theme(theme: Option<&str>) {
    if let Some(root) = root() {
        let _ = match theme {
            None => root.remove_attribute("data-theme"),
            Some(name) => root.set_attribute("data-theme", name),
        };
    }
}

/// `<html lang=…>`, so screen readers speak the right language.
pub fn set_document_lang(lang: Lang) {
    if let Some(root) = root() {
        let _ = root.set_attribute("lang", lang.tag());
    }
}

/// The browser's language tag (`ko-KR`, `en-US`…).
#[must_use]
pub fn browser_language() -> String {
    web_sys::window()
        .map(|w| w.navigator())
        .and_then(|n| n.language())
        .unwrap_or_default()
}

/// Whether the reader asked the system for less motion.
#[must_use]
pub fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}

/// The width the picture may take: its box's, else the window's.
#[must_use]
pub fn available_width() -> f64 {
    let doc = web_sys::window().and_then(|w| w.document());
    let from_root = doc
        .as_ref()
        .and_then(|d| d.get_element_by_id("scene-box"))
        .map(|e| f64::from(e.client_width()))
        .filter(|w| *w > 0.0);
    from_root
        .or_else(|| {
            web_sys::window()
                .and_then(|w| w.inner_width().ok())
                .and_then(|v| v.as_f64())
        })
        .unwrap_or(1024.0)
}

/// Room left under the caption on the first screen, px (two lines).
const CAPTION_RESERVE_PX: f64 = 46.0;

/// The height the picture may take, px: on a page, what the first screen
/// leaves below the picture's top (its caption under it); in an embed,
/// what the frame leaves after everything else on the page.
#[must_use]
pub fn available_height(embed: bool) -> f64 {
    let Some(window) = web_sys::window() else {
        return 600.0;
    };
    let inner = window
        .inner_height()
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(800.0);
    let doc = window.document();
    let scroll_y = window.scroll_y().unwrap_or(0.0);
    let element = |id: &str| doc.as_ref().and_then(|d| d.get_element_by_id(id));
    let Some(scene) = element("scene-box") else {
        return inner * 0.6;
    };
    let scene_rect = scene.get_bounding_client_rect();
    if embed {
        let main = element("app").map(|m| m.get_bounding_client_rect());
        let page_h = main.map_or(inner, |m| m.bottom() + scroll_y);
        let others = page_h - scene_rect.height();
        (inner - others - 2.0).max(160.0)
    } else {
        let top = scene_rect.top() + scroll_y;
        (inner - top - CAPTION_RESERVE_PX).max(200.0)
    }
}

/// The page's clock, ms (only to size slices of work and to count host
/// messages; the engine never sees it).
#[must_use]
pub fn performance_now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Copies text to the clipboard.
pub fn copy(text: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.navigator().clipboard().write_text(text);
    }
}

/// Whether the page is inside a frame (`window.parent !== window`).
#[must_use]
pub fn framed() -> bool {
    web_sys::window().is_some_and(|w| {
        w.parent()
            .ok()
            .flatten()
            .is_some_and(|parent| !js_sys::Object::is(&parent, &w))
    })
}

/// The page's referrer.
#[must_use]
pub fn referrer() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .map(|d| d.referrer())
        .unwrap_or_default()
}
