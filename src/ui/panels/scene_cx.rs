//! What every part of the picture needs: the player, the language, where
//! clicks go, what is selected, and how much detail to draw.

use yew::prelude::*;

use crate::player::Player;
use crate::text::Lang;
use crate::ui::state::action::Action;
use crate::ui::state::selection::Selection;

/// Most messages drawn in a dense picture (the rest are counted).
pub const DENSE_MAX_MESSAGES: usize = 120;

/// The picture's context.
pub struct Cx<'a> {
    /// The player.
    pub player: &'a Player,
    /// The language.
    pub lang: Lang,
    /// Where actions go.
    pub on_action: &'a Callback<Action>,
    /// What is selected in the inspector.
    pub selected: Option<&'a Selection>,
    /// `prefers-reduced-motion: reduce`: messages are drawn still, halfway
    /// along their link, instead of moving.
    pub reduced_motion: bool,
    /// A big cluster: less detail per record and per message (see
    /// [`crate::layout::DENSE_ROWS`]), so frames stay short.
    pub dense: bool,
}

impl Cx<'_> {
    /// A click that selects `selection`.
    pub(crate) fn select(&self, selection: Selection) -> Callback<MouseEvent> {
        self.on_action.reform(move |e: MouseEvent| {
            e.stop_propagation();
            Action::Select(Some(selection.clone()))
        })
    }

    /// Enter or space that selects `selection`.
    pub(crate) fn select_key(&self, selection: Selection) -> Callback<KeyboardEvent> {
        let on_action = self.on_action.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" || e.key() == " " {
                e.prevent_default();
                e.stop_propagation();
                on_action.emit(Action::Select(Some(selection.clone())));
            }
        })
    }
}

/// A coordinate as SVG text: whole pixels are enough and format fastest.
#[must_use]
pub fn px(v: f64) -> String {
    (v.round() as i64).to_string()
}

/// The text cut to `chars` characters, with `…` when cut.
#[must_use]
pub fn short(text: &str, chars: usize) -> String {
    let mut it = text.chars();
    let head: String = it.by_ref().take(chars).collect();
    if it.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

/// Width of a message label's pill: at least `min`, wide enough for the
/// text (Hangul is about 1.6 times as wide as Latin letters at 10 px).
#[must_use]
pub fn pill_width(label: &str, min: f64) -> f64 {
    let text: f64 = label
        .chars()
        .map(|c| if c.is_ascii() { 6.3 } else { 10.5 })
        .sum();
    (text + 10.0).max(min)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pills_grow_with_hangul() {
        assert_eq!(pill_width("ok", 18.0), 22.6);
        assert!(pill_width("재참여!", 44.0) > 44.0);
    }
}
