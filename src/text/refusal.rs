//! Refusals in the reader's language: `CODE: message` (Kafka's error code
//! stays as Kafka names it; the simulator's own limits have none), cut to
//! 1,000 characters. English is Kafka's own wording
//! ([`refusal_en`](super::refusal_en)), Korean says the same facts
//! ([`refusal_ko`](super::refusal_ko)). `Display` (English) for
//! [`Refusal`] and [`Refused`] is implemented here, outside the engine.

use std::fmt;

use crate::engine::Refusal;
use crate::timeline::Refused;

use super::lang::Lang;
use super::quote::clip_message;
use super::{refusal_en, refusal_ko};

/// A refusal in `lang`.
#[must_use]
pub fn refusal(lang: Lang, r: &Refusal) -> String {
    let reason = match lang {
        Lang::En => refusal_en::reason(&r.reason),
        Lang::Ko => refusal_ko::reason(&r.reason),
    };
    let message = clip_message(&reason);
    match r.code {
        Some(code) => format!("{}: {message}", code.name()),
        None => message,
    }
}

/// A command a history did not take, in `lang`.
#[must_use]
pub fn history_refusal(lang: Lang, r: &Refused) -> String {
    match lang {
        Lang::En => refusal_en::history_refusal(r, &|e| refusal(Lang::En, e)),
        Lang::Ko => refusal_ko::history_refusal(r, &|e| refusal(Lang::Ko, e)),
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&refusal(Lang::En, self))
    }
}

impl std::error::Error for Refusal {}

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&history_refusal(Lang::En, self))
    }
}

impl std::error::Error for Refused {}
