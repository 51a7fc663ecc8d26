//! Input as messages repeat it: at most 200 characters of any one piece
//! ([`quote_input`]) and 1,000 of a whole message ([`clip_message`]), so
//! that a 40 KB name gives a short message. Every message that quotes
//! input (refusals, scenario errors, links, the command line) goes through
//! them.

/// The most characters of one piece of input (a name, a value, a key) an
/// error message repeats; longer input is cut with [`quote_input`].
pub const MAX_QUOTED_CHARS: usize = 200;
/// The most characters of a whole error message ([`clip_message`]): a net
/// under [`quote_input`] for messages that join several pieces of input.
pub const MAX_MESSAGE_CHARS: usize = 1_000;

/// Input as an error message repeats it: unchanged up to
/// [`MAX_QUOTED_CHARS`] characters, else its beginning, `…` and its length,
/// so that a 40 KB name gives a short message. Every error that quotes
/// input (engine refusals, scenario errors, the command line) goes through it.
#[must_use]
pub fn quote_input(text: &str) -> std::borrow::Cow<'_, str> {
    let chars = text.chars().count();
    if chars <= MAX_QUOTED_CHARS {
        return std::borrow::Cow::Borrowed(text);
    }
    let head: String = text.chars().take(MAX_QUOTED_CHARS - 30).collect();
    std::borrow::Cow::Owned(format!("{head}… ({chars} characters)"))
}

/// A whole message cut to [`MAX_MESSAGE_CHARS`] characters (with `…`);
/// each quoted part (between backticks or double quotes, as parsers quote
/// what they read) and each unquoted run without spaces longer than
/// [`MAX_QUOTED_CHARS`] cut by [`quote_input`].
#[must_use]
pub fn clip_message(message: &str) -> String {
    let mut out = String::with_capacity(message.len().min(MAX_MESSAGE_CHARS + 8));
    let mut rest = message;
    while let Some(open) = rest.find(['`', '"']) {
        let quote = &rest[open..open + 1];
        push_words(&mut out, &rest[..open]);
        out.push_str(quote);
        let after = &rest[open + 1..];
        match after.find(quote) {
            Some(close) => {
                out.push_str(&quote_input(&after[..close]));
                out.push_str(quote);
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&quote_input(after));
                rest = "";
            }
        }
    }
    push_words(&mut out, rest);
    if out.chars().count() > MAX_MESSAGE_CHARS {
        let head: String = out.chars().take(MAX_MESSAGE_CHARS - 1).collect();
        return format!("{head}…");
    }
    out
}

/// Appends `text`, each run of non-space characters cut by [`quote_input`].
fn push_words(out: &mut String, text: &str) {
    if text.len() <= MAX_QUOTED_CHARS {
        out.push_str(text);
        return;
    }
    let mut word_start: Option<usize> = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if c.is_whitespace() {
            if let Some(start) = word_start.take() {
                out.push_str(&quote_input(&text[start..i]));
            }
            if i < text.len() {
                out.push(c);
            }
        } else if word_start.is_none() {
            word_start = Some(i);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_input_is_repeated_as_it_is() {
        assert_eq!(quote_input("orders"), "orders");
        let exact = "x".repeat(MAX_QUOTED_CHARS);
        assert_eq!(quote_input(&exact), exact.as_str());
    }

    #[test]
    fn long_input_is_cut_and_its_length_told() {
        let name = "브".repeat(40_000);
        let q = quote_input(&name);
        assert!(
            q.chars().count() <= MAX_QUOTED_CHARS,
            "{}",
            q.chars().count()
        );
        assert!(q.ends_with("… (40000 characters)"), "{q}");
    }

    #[test]
    fn parser_messages_are_cut_inside_their_quotes() {
        let long = "y".repeat(50_000);
        let m = clip_message(&format!(
            "unknown field `{long}`, expected one of `say`, `do`"
        ));
        assert!(m.starts_with("unknown field `yyy"), "{m}");
        assert!(
            m.ends_with("characters)`, expected one of `say`, `do`"),
            "{m}"
        );
        assert!(m.chars().count() < 300);
        let m = clip_message(&format!("invalid type: string \"{long}"));
        assert!(m.chars().count() < 300);
        let m = clip_message(&"z ".repeat(5_000));
        assert_eq!(m.chars().count(), MAX_MESSAGE_CHARS);
        let m = clip_message(&format!("values of {long} are 3"));
        assert!(
            m.starts_with("values of yyy") && m.ends_with("characters) are 3"),
            "{m}"
        );
        assert!(m.chars().count() < 250);
        assert_eq!(clip_message("a  b\tc\n d"), "a  b\tc\n d");
    }
}
