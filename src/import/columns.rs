//! Tables padded with spaces, as `kafka-consumer-groups` prints them
//! (`String.format("%-15s %-30s …")`): a row is cut where the header's
//! column names start, as long as no value ran into the next column;
//! otherwise (a value longer than its column, or spaces squeezed by the
//! copy) it is split at whitespace.

use std::borrow::Cow;

/// `text` with tabs expanded to stops every 8 characters (a terminal that
/// turned runs of spaces into tabs did the same to the header and the rows).
pub(crate) fn expand_tabs(text: &str) -> Cow<'_, str> {
    if !text.contains('\t') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut col = 0usize;
    for c in text.chars() {
        if c == '\t' {
            let n = 8 - col % 8;
            out.extend(std::iter::repeat_n(' ', n));
            col += n;
        } else {
            out.push(c);
            col += 1;
        }
    }
    Cow::Owned(out)
}

/// Words of `text` and the character index where each starts.
pub(crate) fn words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start: Option<(usize, usize)> = None;
    for (ci, (bi, c)) in text.char_indices().enumerate() {
        if c.is_whitespace() {
            if let Some((cs, bs)) = start.take() {
                out.push((cs, &text[bs..bi]));
            }
        } else if start.is_none() {
            start = Some((ci, bi));
        }
    }
    if let Some((cs, bs)) = start {
        out.push((cs, &text[bs..]));
    }
    out
}

/// Cuts `row` at the character indices `starts` (the header's column
/// starts). `None` when a value runs across a column start (the character
/// just before a start is not a space) or text precedes the first column.
pub(crate) fn split_at_starts(row: &str, starts: &[usize]) -> Option<Vec<String>> {
    let chars: Vec<char> = row.chars().collect();
    let len = chars.len();
    let first = *starts.first()?;
    if chars[..first.min(len)].iter().any(|c| !c.is_whitespace()) {
        return None;
    }
    let mut out = Vec::with_capacity(starts.len());
    for (i, &s) in starts.iter().enumerate() {
        if i > 0 && s < len && s > 0 && !chars[s - 1].is_whitespace() {
            return None;
        }
        let e = starts.get(i + 1).copied().unwrap_or(len).min(len);
        let s = s.min(len);
        let value: String = chars[s..e.max(s)].iter().collect();
        out.push(value.trim().to_string());
    }
    Some(out)
}

/// Splits `row` at whitespace into `n` values, the last taking the rest
/// of the line. `None` when there are fewer than `n` words.
pub(crate) fn split_words(row: &str, n: usize) -> Option<Vec<String>> {
    let w = words(row);
    if w.len() < n || n == 0 {
        return None;
    }
    let mut out: Vec<String> = w[..n - 1].iter().map(|(_, s)| s.to_string()).collect();
    // The last value: from its first word to the end of the line.
    let last_start = w[n - 1].0;
    let rest: String = row.chars().skip(last_start).collect();
    out.push(rest.trim().to_string());
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_cut_at_the_header_starts() {
        let header = "GROUP           STATE           #MEMBERS";
        let starts: Vec<usize> = words(header).iter().map(|(i, _)| *i).collect();
        assert_eq!(starts, vec![0, 16, 32]);
        assert_eq!(
            split_at_starts("my group        Stable          3", &starts),
            Some(vec!["my group".into(), "Stable".into(), "3".into()])
        );
        assert_eq!(
            split_at_starts("g                               0", &starts),
            Some(vec!["g".into(), String::new(), "0".into()])
        );
        // A value longer than its column: the cut would fall inside it.
        assert_eq!(
            split_at_starts("a-very-long-group-id Stable 3", &starts),
            None
        );
    }

    #[test]
    fn words_and_the_rest() {
        assert_eq!(
            split_words("g  t(0,1), u(2)", 2),
            Some(vec!["g".into(), "t(0,1), u(2)".into()])
        );
        assert_eq!(split_words("a b", 3), None);
        assert_eq!(expand_tabs("ab\tc"), "ab      c");
    }
}
