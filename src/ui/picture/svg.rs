//! Numbers as SVG attribute text.

/// A coordinate as SVG text: whole pixels are enough and format fastest.
#[must_use]
pub fn px(v: f64) -> String {
    (v.round() as i64).to_string()
}
