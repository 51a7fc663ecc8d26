//! Embedding: the options a page URL can carry (`?embed=1&controls=…`), and
//! the postMessage API a host page uses to drive an embedded kafkascope.
//!
//! Messages in (from the host page; only from allowed origins):
//! `{ kafkascope: 1, type: "play" | "pause" | "toggle" | "step" | "back" | "seek" | "speed" | "lang"
//! | "goto-step" | "next-step" | "previous-step" | "snapshot", value? }`.
//! Messages out (to the host page): `{ kafkascope: 1, type: "ready" | "state", t, playing, speed }`,
//! `{ kafkascope: 1, type: "step-reached", value }` and the `snapshot` answer
//! ([`crate::snapshot::Snapshot`]).
//! See `docs/embedding.md`.

use crate::text::notice::{EmbedWarning, HostMessageError};
use crate::text::Lang;

/// A control the embed may show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Control {
    /// Step back.
    Back,
    /// Play/pause.
    Play,
    /// Step forward.
    Step,
    /// The timeline slider.
    Timeline,
    /// The speed menu.
    Speed,
    /// The language switch.
    Lang,
}

impl Control {
    /// Every control, in toolbar order.
    pub const ALL: [Control; 6] = [
        Control::Back,
        Control::Play,
        Control::Step,
        Control::Timeline,
        Control::Speed,
        Control::Lang,
    ];

    /// Its name in the URL.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Control::Back => "back",
            Control::Play => "play",
            Control::Step => "step",
            Control::Timeline => "timeline",
            Control::Speed => "speed",
            Control::Lang => "lang",
        }
    }

    fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.name() == name)
    }
}

/// Colour theme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    /// Follow `prefers-color-scheme`.
    Auto,
    /// Light.
    Light,
    /// Dark.
    Dark,
}

impl Theme {
    /// Its name in the URL.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// Longest `src=` address, characters.
pub const MAX_SRC_CHARS: usize = 1_024;

/// `%XX` escapes decoded (and `+` as a space), or `None` when they do not
/// make UTF-8 text.
#[must_use]
pub fn percent_decode(raw: &str) -> Option<String> {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = raw.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// Most origins an embed accepts messages from.
pub const MAX_ORIGINS: usize = 8;
/// Smallest and largest height an embed may ask for, px.
pub const HEIGHT_RANGE: (u32, u32) = (200, 4_000);

/// What the page URL asks for.
#[derive(Clone, Debug, PartialEq)]
pub struct EmbedOptions {
    /// `embed=1`: a compact page for an iframe (no title, no panels or log
    /// unless asked).
    pub embed: bool,
    /// `scenario=NAME`: a built-in scenario.
    pub scenario: Option<String>,
    /// `lesson=ID`: a built-in lesson, opened in the lesson player.
    pub lesson: Option<String>,
    /// `src=URL`: a scenario file (TOML or JSON) to open in the lesson
    /// player: a path on this site or an http(s) address that allows it
    /// (CORS). Percent-decoded; at most [`MAX_SRC_CHARS`] characters.
    pub src: Option<String>,
    /// `step=N`: the lesson's step to open at (from 1).
    pub step: Option<usize>,
    /// `controls=play,step,…`: which controls show (all by default).
    pub controls: Vec<Control>,
    /// `panels=1|0`: the control panels below the picture.
    pub panels: bool,
    /// `log=1|0`: the event log.
    pub log: bool,
    /// `autoplay=1`.
    pub autoplay: bool,
    /// `theme=auto|light|dark`.
    pub theme: Theme,
    /// `lang=en|ko`.
    pub lang: Option<Lang>,
    /// `height=PX`: the height the host gives the iframe (the snippet uses it).
    pub height: Option<u32>,
    /// `origin=https://a.example,https://b.example`: origins whose messages
    /// are obeyed (and that receive events). Empty: the page's own origin
    /// and, inside a frame only, the embedding page's (from the referrer).
    pub origins: Vec<String>,
    /// What in the query was not understood (shown, then ignored).
    pub warnings: Vec<EmbedWarning>,
}

fn flag(value: &str) -> Option<bool> {
    match value {
        "1" | "true" | "yes" | "" => Some(true),
        "0" | "false" | "no" => Some(false),
        _ => None,
    }
}

impl EmbedOptions {
    /// Reads a query string (`?a=b&c=d`), bounded: at most 2 KB and 32 pairs
    /// are read; values are percent-decoded only for `%2C` and `%3A`/`%2F`.
    #[must_use]
    pub fn from_query(query: &str) -> Self {
        let mut o = EmbedOptions {
            embed: false,
            scenario: None,
            lesson: None,
            src: None,
            step: None,
            controls: Control::ALL.to_vec(),
            panels: true,
            log: true,
            autoplay: false,
            theme: Theme::Auto,
            lang: None,
            height: None,
            origins: Vec::new(),
            warnings: Vec::new(),
        };
        let query: String = query.trim_start_matches('?').chars().take(2_048).collect();
        let mut panels = None;
        let mut log = None;
        for pair in query.split('&').filter(|p| !p.is_empty()).take(32) {
            let (key, raw) = pair.split_once('=').unwrap_or((pair, ""));
            let value = raw
                .replace("%2C", ",")
                .replace("%2c", ",")
                .replace("%3A", ":")
                .replace("%3a", ":")
                .replace("%2F", "/")
                .replace("%2f", "/");
            let mut bad = |option: &'static str| {
                o.warnings.push(EmbedWarning::BadValue {
                    option,
                    value: short(&value),
                })
            };
            match key {
                "embed" => match flag(&value) {
                    Some(b) => o.embed = b,
                    None => bad("embed"),
                },
                "scenario" => o.scenario = Some(short(&value)),
                "lesson" => o.lesson = Some(short(&value)),
                "src" => match percent_decode(raw) {
                    Some(url) if !url.is_empty() && url.chars().count() <= MAX_SRC_CHARS => {
                        o.src = Some(url)
                    }
                    _ => bad("src"),
                },
                "step" => match value.parse::<usize>() {
                    Ok(n) if (1..=crate::scenario::limits::MAX_STEPS).contains(&n) => {
                        o.step = Some(n)
                    }
                    _ => bad("step"),
                },
                "controls" => {
                    let mut list = Vec::new();
                    for name in value.split(',').filter(|n| !n.is_empty()) {
                        match Control::from_name(name) {
                            Some(c) if !list.contains(&c) => list.push(c),
                            Some(_) => {}
                            None => o.warnings.push(EmbedWarning::UnknownControl(short(name))),
                        }
                    }
                    o.controls = list;
                }
                "panels" => match flag(&value) {
                    Some(b) => panels = Some(b),
                    None => bad("panels"),
                },
                "log" => match flag(&value) {
                    Some(b) => log = Some(b),
                    None => bad("log"),
                },
                "autoplay" => match flag(&value) {
                    Some(b) => o.autoplay = b,
                    None => bad("autoplay"),
                },
                "theme" => match value.as_str() {
                    "auto" => o.theme = Theme::Auto,
                    "light" => o.theme = Theme::Light,
                    "dark" => o.theme = Theme::Dark,
                    _ => bad("theme"),
                },
                "lang" => match value.as_str() {
                    "en" => o.lang = Some(Lang::En),
                    "ko" => o.lang = Some(Lang::Ko),
                    _ => bad("lang"),
                },
                "height" => match value.parse::<u32>() {
                    Ok(h) => o.height = Some(h.clamp(HEIGHT_RANGE.0, HEIGHT_RANGE.1)),
                    Err(_) => bad("height"),
                },
                "origin" => {
                    for origin in value.split(',').filter(|s| !s.is_empty()) {
                        if o.origins.len() >= MAX_ORIGINS {
                            o.warnings
                                .push(EmbedWarning::TooManyOrigins { max: MAX_ORIGINS });
                            break;
                        }
                        if valid_origin(origin) {
                            o.origins.push(origin.to_string());
                        } else {
                            o.warnings.push(EmbedWarning::BadOrigin(short(origin)));
                        }
                    }
                }
                // Read elsewhere (share links are in the hash; the frame
                // benchmark's scene name).
                "s" => {}
                _ => o.warnings.push(EmbedWarning::UnknownOption(short(key))),
            }
        }
        o.panels = panels.unwrap_or(!o.embed);
        o.log = log.unwrap_or(!o.embed);
        o
    }

    /// Whether a control shows.
    #[must_use]
    pub fn shows(&self, control: Control) -> bool {
        self.controls.contains(&control)
    }

    /// Whether a message from `origin` is obeyed: a listed origin, or (none
    /// listed) the page's own or the embedding page's.
    #[must_use]
    pub fn allows(&self, origin: &str, own: &str, embedder: Option<&str>) -> bool {
        if self.origins.is_empty() {
            origin == own || Some(origin) == embedder
        } else {
            self.origins.iter().any(|o| o == origin)
        }
    }
}

fn short(text: &str) -> String {
    text.chars().take(64).collect()
}

/// `scheme://host[:port]`, nothing more (what `MessageEvent.origin` holds).
#[must_use]
pub fn valid_origin(origin: &str) -> bool {
    let Some((scheme, rest)) = origin.split_once("://") else {
        return false;
    };
    matches!(scheme, "http" | "https")
        && !rest.is_empty()
        && rest
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
}

/// The embedding page's origin as the referrer gives it, trusted only when
/// the page is inside a frame: a page that opened kafkascope in a popup or
/// a new tab is not its embedder and may not drive it.
#[must_use]
pub fn embedder_origin(framed: bool, referrer: &str) -> Option<String> {
    if framed {
        origin_of(referrer)
    } else {
        None
    }
}

/// Most messages a host page may send in one second; the rest of that
/// second is ignored (each message is bounded work, and so is a flood).
pub const MAX_HOST_MESSAGES_PER_SECOND: u32 = 60;

/// Counts a host page's messages per second of the page's clock.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct MessageBudget {
    window_start_ms: f64,
    count: u32,
}

/// What to do with one more message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Admit {
    /// Handle it.
    Yes,
    /// Ignore it, and say once that the host sends too many.
    FirstRefused,
    /// Ignore it.
    No,
}

impl MessageBudget {
    /// Counts a message arriving at `now_ms` (the page's clock).
    pub fn admit(&mut self, now_ms: f64) -> Admit {
        let within = (now_ms - self.window_start_ms) < 1_000.0;
        if !within {
            self.window_start_ms = now_ms;
            self.count = 0;
        }
        self.count = self.count.saturating_add(1);
        match self.count {
            n if n <= MAX_HOST_MESSAGES_PER_SECOND => Admit::Yes,
            n if n == MAX_HOST_MESSAGES_PER_SECOND + 1 => Admit::FirstRefused,
            _ => Admit::No,
        }
    }
}

/// The origin of a URL (`https://host:port/path` → `https://host:port`).
#[must_use]
pub fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let host = rest.split(['/', '?', '#']).next()?;
    let origin = format!("{scheme}://{host}");
    valid_origin(&origin).then_some(origin)
}

/// A message from the host page, validated.
#[derive(Clone, Debug, PartialEq)]
pub enum HostMessage {
    /// Start playing.
    Play,
    /// Pause.
    Pause,
    /// Play or pause.
    Toggle,
    /// One event forward.
    Step,
    /// One event back.
    Back,
    /// Go to a simulated time, ms.
    Seek(u64),
    /// Set the speed (0.1 to 100).
    Speed(f64),
    /// Switch the language.
    Lang(Lang),
    /// Go to a lesson step's moment at once (from 1).
    GotoStep(usize),
    /// Play the next lesson step.
    NextStep,
    /// Go back to the previous lesson step at once.
    PreviousStep,
    /// Answer with a snapshot of partitions and groups.
    Snapshot,
}

impl HostMessage {
    /// Validates a message's `type` and `value`.
    pub fn parse(
        kind: &str,
        value_number: Option<f64>,
        value_text: Option<&str>,
    ) -> Result<Self, HostMessageError> {
        let number = |what: &'static str| {
            value_number
                .filter(|v| v.is_finite())
                .ok_or(HostMessageError::NeedsNumber(what))
        };
        Ok(match kind {
            "play" => HostMessage::Play,
            "pause" => HostMessage::Pause,
            "toggle" => HostMessage::Toggle,
            "step" => HostMessage::Step,
            "back" => HostMessage::Back,
            "seek" => {
                let t = number("seek")?;
                if !(0.0..=crate::share::MAX_LINK_TIME_MS as f64).contains(&t) {
                    return Err(HostMessageError::SeekOutOfRange(t));
                }
                HostMessage::Seek(t as u64)
            }
            "speed" => {
                let s = number("speed")?;
                if !(0.1..=100.0).contains(&s) {
                    return Err(HostMessageError::SpeedOutOfRange(s));
                }
                HostMessage::Speed(s)
            }
            "goto-step" => {
                let n = number("goto-step")?;
                if n.fract() != 0.0
                    || !(1.0..=crate::scenario::limits::MAX_STEPS as f64).contains(&n)
                {
                    return Err(HostMessageError::StepOutOfRange(n));
                }
                HostMessage::GotoStep(n as usize)
            }
            "next-step" => HostMessage::NextStep,
            "previous-step" => HostMessage::PreviousStep,
            "snapshot" => HostMessage::Snapshot,
            "lang" => match value_text {
                Some("en") => HostMessage::Lang(Lang::En),
                Some("ko") => HostMessage::Lang(Lang::Ko),
                _ => return Err(HostMessageError::LangNeedsEnOrKo),
            },
            other => return Err(HostMessageError::UnknownType(short(other))),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_embed_mode() {
        let o = EmbedOptions::from_query("");
        assert!(!o.embed && o.panels && o.log && o.controls.len() == 6);
        let o = EmbedOptions::from_query(
            "?embed=1&controls=play,step&theme=dark&lang=ko&height=480&autoplay=1",
        );
        assert!(o.embed && !o.panels && !o.log && o.autoplay);
        assert_eq!(o.controls, vec![Control::Play, Control::Step]);
        assert_eq!(
            (o.theme, o.lang, o.height),
            (Theme::Dark, Some(Lang::Ko), Some(480))
        );
        assert!(o.warnings.is_empty());
    }

    #[test]
    fn bad_options_are_reported_and_ignored() {
        let o = EmbedOptions::from_query(
            "embed=maybe&controls=play,fly&height=tall&theme=neon&zoom=2&height=99999",
        );
        assert_eq!(o.warnings.len(), 5, "{:?}", o.warnings);
        assert_eq!(o.height, Some(HEIGHT_RANGE.1), "clamped");
        assert_eq!(o.controls, vec![Control::Play]);
    }

    #[test]
    fn origins_are_checked() {
        let o = EmbedOptions::from_query(
            "origin=https://blog.example%2Chttp://localhost:8080,javascript:alert(1)",
        );
        assert_eq!(
            o.origins,
            vec!["https://blog.example", "http://localhost:8080"]
        );
        assert_eq!(o.warnings.len(), 1);
        assert!(o.allows("https://blog.example", "https://kafkascope.example", None));
        assert!(!o.allows("https://evil.example", "https://kafkascope.example", None));
        let none = EmbedOptions::from_query("");
        assert!(none.allows("https://k.example", "https://k.example", None));
        assert!(none.allows(
            "https://blog.example",
            "https://k.example",
            Some("https://blog.example")
        ));
        assert!(!none.allows(
            "https://evil.example",
            "https://k.example",
            Some("https://blog.example")
        ));
        assert_eq!(
            origin_of("https://blog.example:8443/post/1?x#y").as_deref(),
            Some("https://blog.example:8443")
        );
    }

    #[test]
    fn the_referrer_is_trusted_only_inside_a_frame() {
        let none = EmbedOptions::from_query("");
        let own = "https://k.example";
        let referrer = "https://opener.example/page";
        // Opened in a popup or a tab by another site: it may not drive us.
        let not_framed = embedder_origin(false, referrer);
        assert_eq!(not_framed, None);
        assert!(!none.allows("https://opener.example", own, not_framed.as_deref()));
        // Framed by it: it is the embedder.
        let framed = embedder_origin(true, referrer);
        assert_eq!(framed.as_deref(), Some("https://opener.example"));
        assert!(none.allows("https://opener.example", own, framed.as_deref()));
        // A referrer that is no URL gives nobody.
        assert_eq!(embedder_origin(true, ""), None);
        // Listed origins stay the only ones when given.
        let listed = EmbedOptions::from_query("origin=https://blog.example");
        assert!(!listed.allows("https://opener.example", own, framed.as_deref()));
    }

    #[test]
    fn a_flood_of_messages_is_cut_to_a_budget_per_second() {
        let mut budget = MessageBudget::default();
        let admitted = (0..100)
            .map(|i| budget.admit(5_000.0 + f64::from(i)))
            .collect::<Vec<_>>();
        assert!(admitted[..60].iter().all(|a| *a == Admit::Yes));
        assert_eq!(admitted[60], Admit::FirstRefused);
        assert!(admitted[61..].iter().all(|a| *a == Admit::No));
        // The next second starts afresh.
        assert_eq!(budget.admit(6_100.0), Admit::Yes);
        // A clock that is not a number does not stall it.
        assert_eq!(MessageBudget::default().admit(f64::NAN), Admit::Yes);
    }

    #[test]
    fn host_messages_are_validated() {
        assert_eq!(
            HostMessage::parse("seek", Some(1500.0), None),
            Ok(HostMessage::Seek(1500))
        );
        assert!(HostMessage::parse("seek", None, None).is_err());
        assert!(HostMessage::parse("seek", Some(f64::NAN), None).is_err());
        assert!(HostMessage::parse("speed", Some(1000.0), None).is_err());
        assert!(HostMessage::parse("format-disk", None, None).is_err());
        assert_eq!(
            HostMessage::parse("lang", None, Some("ko")),
            Ok(HostMessage::Lang(Lang::Ko))
        );
    }
}
