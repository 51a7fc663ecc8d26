//! How wide a text is drawn, estimated without a browser: per character, in
//! ems of the picture's sans-serif font, rounded up so a text measured to
//! fit does fit (the fit checks measure the browser's boxes).

/// Width of `text` at `px` font size, CSS px (an upper estimate).
#[must_use]
pub fn text_width(text: &str, px: f64) -> f64 {
    text.chars().map(char_em).sum::<f64>() * px
}

fn char_em(c: char) -> f64 {
    match c {
        ' ' => 0.33,
        'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' => 0.32,
        'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '-' | '"' => 0.45,
        'm' | 'w' | 'M' | 'W' | '%' | '@' => 0.95,
        'A'..='Z' => 0.75,
        '0'..='9' => 0.64,
        c if c.is_ascii() => 0.64,
        '·' => 0.34,
        '…' => 1.0,
        // Hangul, CJK and the arrows and symbols of the picture.
        _ => 1.05,
    }
}

/// `text` cut with `…` so it is at most `max_w` wide at `px`; the whole
/// text when it fits. Returns the text and whether it was cut.
#[must_use]
pub fn fit_text(text: &str, px: f64, max_w: f64) -> (String, bool) {
    if text_width(text, px) <= max_w {
        return (text.to_string(), false);
    }
    let budget = max_w - char_em('…') * px;
    let mut used = 0.0;
    let mut out = String::new();
    for c in text.chars() {
        let w = char_em(c) * px;
        if used + w > budget {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    (out, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_grow_with_text_and_size() {
        assert!(text_width("alice", 11.0) > text_width("bob", 11.0));
        assert!(text_width("민준", 11.0) > text_width("ab", 11.0));
        assert!((text_width("ab", 22.0) - 2.0 * text_width("ab", 11.0)).abs() < 1e-9);
    }

    #[test]
    fn cut_text_fits_and_says_so() {
        let (t, cut) = fit_text("a-very-long-producer-name", 12.0, 60.0);
        assert!(cut && t.ends_with('…'));
        assert!(text_width(&t, 12.0) <= 60.0);
        assert_eq!(fit_text("ok", 12.0, 60.0), ("ok".to_string(), false));
    }
}
