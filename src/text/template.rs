//! Sentences as templates with named holes, English and Korean side by side:
//! `say!(lang, member, group; "{member} joins {group}", "{member}{가} {group}에 참여")`.
//!
//! A template is plain text with holes in braces:
//! - `{name}`: the value given for `name` (anything `Display`);
//! - `{이}` / `{가}`, `{을}` / `{를}`, `{은}` / `{는}`, `{과}` / `{와}`,
//!   `{으로}` / `{로}`: a Korean particle in the form the text before it
//!   asks for ([`particle::after`]);
//! - `{{` and `}}`: a brace.
//!
//! The sentence enums keep their arguments typed; the templates only place
//! them. A sentence names both templates in one call, so a missing
//! translation does not compile. In debug builds (every test) [`pick`] also
//! checks that both templates use every value given and name no other, so
//! the two languages state the same facts; the catalogue test
//! (`tests/text_catalogue.rs`) says every sentence in both languages.
//! Release builds never panic here: an unknown hole stays as written.

use std::fmt::{Display, Write};

use super::lang::Lang;
use super::particle;

/// A named value for a template's hole.
pub struct Hole<'a>(pub &'static str, pub &'a dyn Display);

/// Says a sentence: `say!(lang, a, b = expr; "English {a} {b}", "한국어 {a}{가} {b}")`.
/// Each value is a binding in scope (`a`) or `name = expression`.
macro_rules! say {
    ($lang:expr $(, $name:ident $(= $value:expr)?)* ; $en:expr, $ko:expr $(,)?) => {{
        $( $( let $name = $value; )? )*
        $crate::text::template::pick(
            $lang,
            $en,
            $ko,
            &[$($crate::text::template::Hole(stringify!($name), &$name)),*],
        )
    }};
}

pub(crate) use say;

/// Fills the template of `lang` (`en` or `ko`) with `holes`.
#[must_use]
pub fn pick(lang: Lang, en: &str, ko: &str, holes: &[Hole<'_>]) -> String {
    #[cfg(debug_assertions)]
    for template in [en, ko] {
        check(template, holes);
    }
    fill(
        match lang {
            Lang::En => en,
            Lang::Ko => ko,
        },
        holes,
    )
}

/// The template with its holes filled.
#[must_use]
pub fn fill(template: &str, holes: &[Hole<'_>]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(at) = rest.find(['{', '}']) {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            out.push_str(&tail[..1]);
            rest = &tail[2..];
            continue;
        }
        match hole_name(tail) {
            Some(name) => {
                put(&mut out, name, holes);
                rest = &tail[name.len() + 2..];
            }
            None => {
                out.push_str(&tail[..1]);
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The name inside `{name}` at the start of `text`.
fn hole_name(text: &str) -> Option<&str> {
    let inner = text.strip_prefix('{')?;
    let end = inner.find('}')?;
    let name = &inner[..end];
    (!name.is_empty() && !name.contains('{')).then_some(name)
}

/// Writes one hole: a value, a particle, or (unknown) the hole as written.
fn put(out: &mut String, name: &str, holes: &[Hole<'_>]) {
    if let Some(Hole(_, value)) = holes.iter().find(|h| h.0 == name) {
        // Writing to a String cannot fail.
        let _ = write!(out, "{value}");
    } else if let Some(form) = particle::after(out, name) {
        out.push_str(form);
    } else {
        out.push('{');
        out.push_str(name);
        out.push('}');
    }
}

/// The names of a template's holes (particles included).
#[must_use]
pub fn holes_of(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(at) = rest.find(['{', '}']) {
        let tail = &rest[at..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            rest = &tail[2..];
        } else if let Some(name) = hole_name(tail) {
            names.push(name);
            rest = &tail[name.len() + 2..];
        } else {
            rest = &tail[1..];
        }
    }
    names
}

/// Debug builds: the template uses every value and names no unknown hole.
#[cfg(debug_assertions)]
fn check(template: &str, holes: &[Hole<'_>]) {
    let used = holes_of(template);
    for Hole(name, _) in holes {
        assert!(
            used.contains(name),
            "template {template:?} leaves out {name}"
        );
    }
    for name in used {
        assert!(
            holes.iter().any(|h| h.0 == name) || particle::after("", name).is_some(),
            "template {template:?} names an unknown hole {{{name}}}"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holes_take_their_values_and_particles_their_form() {
        let member = "consumer-1";
        let group = "orders";
        let en = say!(Lang::En, member, group; "{member} reads {group}", "{member}{가} {group}{을} 읽음");
        assert_eq!(en, "consumer-1 reads orders");
        let ko = say!(Lang::Ko, member, group; "{member} reads {group}", "{member}{가} {group}{을} 읽음");
        assert_eq!(ko, "consumer-1이 orders를 읽음");
    }

    #[test]
    fn values_can_be_expressions_and_braces_escaped() {
        let n = 3;
        let text = say!(Lang::Ko, n, twice = n * 2; "{n} {twice}", "{{{n}}}{으로} {twice}{로}");
        assert_eq!(text, "{3}으로 6으로");
    }

    #[test]
    fn an_unknown_hole_stays_as_written() {
        assert_eq!(fill("a {b} c", &[]), "a {b} c");
        assert_eq!(fill("open { and } close", &[]), "open { and } close");
        assert_eq!(holes_of("{a}{가} {{x}} {b}"), vec!["a", "가", "b"]);
    }

    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "leaves out")]
    fn a_template_that_drops_a_fact_is_caught() {
        let n = 1;
        let _ = say!(Lang::En, n; "{n} record", "레코드");
    }
}
