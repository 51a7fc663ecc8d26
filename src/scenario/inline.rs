//! A lesson carried in a link: `#lesson=` then base64url (no padding) of raw
//! DEFLATE of the scenario file's text (TOML or JSON, as written), the same
//! packing as share links. Bounded like them: at most
//! [`MAX_INLINE_CHARS`] characters in the link, and the text it inflates
//! to at most [`MAX_FILE_BYTES`] (a scenario file's own limit); the text is
//! then read and checked as any scenario file is.

use std::io::{Read, Write};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use flate2::read::DeflateDecoder;
use flate2::write::DeflateEncoder;
use flate2::Compression as Level;

use super::limits::MAX_FILE_BYTES;

/// Longest payload a link may carry, characters (as share links).
pub const MAX_INLINE_CHARS: usize = crate::share::MAX_LINK_CHARS;

/// The payload for a scenario file's text (what follows `#lesson=`).
#[must_use]
pub fn encode_inline(text: &str) -> String {
    let mut deflate = DeflateEncoder::new(Vec::new(), Level::best());
    deflate
        .write_all(text.as_bytes())
        .expect("writing to memory");
    URL_SAFE_NO_PAD.encode(deflate.finish().expect("writing to memory"))
}

/// The scenario file's text from a payload, or what is wrong with it.
pub fn decode_inline(payload: &str) -> Result<String, String> {
    let payload = payload.trim();
    if payload.len() > MAX_INLINE_CHARS {
        return Err(format!(
            "{} characters; a link may carry at most {MAX_INLINE_CHARS}",
            payload.len()
        ));
    }
    let packed = URL_SAFE_NO_PAD
        .decode(payload)
        .map_err(|e| format!("not base64url: {e}"))?;
    let mut text = Vec::new();
    DeflateDecoder::new(packed.as_slice())
        .take(MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut text)
        .map_err(|e| format!("not DEFLATE: {e}"))?;
    if text.len() > MAX_FILE_BYTES {
        return Err(format!(
            "it unpacks to more than {} KB, the most a scenario file may be",
            MAX_FILE_BYTES / 1024
        ));
    }
    String::from_utf8(text).map_err(|_| "it unpacks to text that is not UTF-8".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    // The lessons' TOML text is kept natively only (the web app carries JSON).
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn every_lesson_travels_in_a_link_and_comes_back_the_same() {
        use crate::scenario::lessons::LESSONS;
        use crate::scenario::{Scenario, Syntax};
        for lesson in LESSONS {
            let payload = encode_inline(lesson.toml);
            assert!(
                payload.len() < 8_000,
                "{}: {} chars",
                lesson.id,
                payload.len()
            );
            let text = decode_inline(&payload).unwrap();
            assert_eq!(text, lesson.toml);
            let s = Scenario::parse(&text, Syntax::guess(None, &text)).unwrap();
            assert_eq!(&s, &lesson.scenario().unwrap());
        }
    }

    #[test]
    fn a_damaged_or_oversized_payload_is_refused_with_a_reason() {
        assert!(decode_inline("!!!").unwrap_err().contains("base64"));
        assert!(decode_inline("AAAA").unwrap_err().contains("DEFLATE"));
        let huge = encode_inline(&"#".repeat(MAX_FILE_BYTES + 10));
        assert!(decode_inline(&huge).unwrap_err().contains("KB"));
        let long = "A".repeat(MAX_INLINE_CHARS + 1);
        assert!(decode_inline(&long).unwrap_err().contains("at most"));
    }
}
