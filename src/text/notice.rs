//! Notices above the picture: a refusal and why ([`Problem`]), a changed
//! past, a cancel. Kept typed in the UI's state and said in the language of
//! the moment, so switching the language translates a notice already shown.
//! One exhaustive `match` per language.

use crate::engine::Refusal;
use crate::job::{JobRefusal, Purpose};
use crate::player::Halt;
use crate::share::LinkError;
use crate::timeline::Refused;

use super::lang::{Lang, Say};
use super::quote::quote_input as q;
use super::refusal::{history_refusal, refusal};
use super::template::say;

/// A message above the picture.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// What was asked cannot be done, and why.
    Refused(Problem),
    /// The past was changed and the recorded future discarded.
    Forked,
    /// Long work was cancelled.
    Cancelled(Purpose),
}

/// Why something asked was not done.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// Long work runs: other actions wait.
    Busy,
    /// The history did not take a command.
    Command(Refused),
    /// The engine refused a configuration (or a value typed in a field).
    Refusal(Refusal),
    /// Long work stopped (its purpose says what was not done).
    Work(JobRefusal),
    /// The page's share link cannot be opened.
    Link(LinkError),
    /// Playing stopped by itself, or a step back was too far.
    Halt(Halt),
    /// `?scenario=` names no built-in scenario.
    NoScenario(String),
    /// No built-in lesson has this id.
    NoLesson(String),
    /// A built-in lesson does not load (the scenario file's own message).
    LessonFile {
        /// The lesson.
        id: String,
        /// What the scenario reader said.
        detail: String,
    },
    /// An option of the page's address was not understood.
    Embed(EmbedWarning),
    /// A message from the host page was ignored.
    HostMessage(HostMessageError),
    /// The host page sent too many messages in a second.
    TooManyHostMessages {
        /// The most a second.
        max: u32,
    },
    /// A lesson step was asked for, but no lesson is open.
    NoLessonOpen,
    /// A lesson file (`?src=`, or carried in the link) cannot be used.
    LessonSource {
        /// Where it came from (its address, or "link").
        from: String,
        /// What is wrong.
        why: LessonSourceError,
    },
    /// Several at once (at start).
    Several(Vec<Problem>),
}

/// Why a lesson from elsewhere (a file at an address, or a link) cannot be
/// opened. The scenario reader's own message (line, column, what was
/// expected) is kept in its words, as the CLI prints it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LessonSourceError {
    /// The address is not one the page fetches (http(s) or a relative path).
    BadAddress,
    /// The fetch failed (network, CORS, or an HTTP status).
    Fetch(String),
    /// No answer within the time limit.
    Timeout {
        /// The limit, s.
        seconds: u32,
    },
    /// Larger than a scenario file may be.
    TooLarge {
        /// The most, KB.
        max_kb: usize,
    },
    /// The text is not UTF-8.
    NotText,
    /// The scenario reader's message (syntax with line and column, or the
    /// step and field).
    Scenario(String),
    /// The link's lesson does not decode (bad base64, not deflate, too large).
    Link(String),
}

impl Say for LessonSourceError {
    fn say(&self, lang: Lang) -> String {
        match self {
            LessonSourceError::BadAddress => say!(lang;
                "the address must be http(s) or a path on this site",
                "주소는 http(s)이거나 이 사이트의 경로여야 합니다"),
            LessonSourceError::Fetch(why) => say!(lang, why = q(why);
                "it could not be fetched ({why}); another site must allow it (CORS)",
                "가져올 수 없습니다 ({why}). 다른 사이트라면 그 사이트가 허용해야 합니다 (CORS)"),
            LessonSourceError::Timeout { seconds } => say!(lang, seconds;
                "no answer within {seconds} s",
                "{seconds}초 안에 응답이 없습니다"),
            LessonSourceError::TooLarge { max_kb } => say!(lang, max_kb;
                "the file is larger than {max_kb} KB, the most a scenario file may be",
                "파일이 시나리오 파일의 최대 크기 {max_kb} KB보다 큽니다"),
            LessonSourceError::NotText => say!(lang;
                "the file is not UTF-8 text",
                "파일이 UTF-8 텍스트가 아닙니다"),
            LessonSourceError::Scenario(detail) => say!(lang, detail;
                "the scenario reader says: {detail}",
                "시나리오 검사 결과 (영어 원문): {detail}"),
            LessonSourceError::Link(detail) => say!(lang, detail;
                "the lesson in the link is damaged: {detail}",
                "링크에 담긴 레슨이 손상되었습니다: {detail}"),
        }
    }
}

/// An option of the page's address that was not understood (then ignored).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EmbedWarning {
    /// A known option with a value it does not take.
    BadValue {
        /// The option.
        option: &'static str,
        /// The value (cut short).
        value: String,
    },
    /// An unknown control in `controls=`.
    UnknownControl(String),
    /// More origins than taken.
    TooManyOrigins {
        /// The most.
        max: usize,
    },
    /// An origin that is not `scheme://host[:port]`.
    BadOrigin(String),
    /// An unknown option.
    UnknownOption(String),
}

/// What is wrong with a message from the host page.
#[derive(Clone, Debug, PartialEq)]
pub enum HostMessageError {
    /// This message type needs a number.
    NeedsNumber(&'static str),
    /// A seek time out of range.
    SeekOutOfRange(f64),
    /// A speed out of range.
    SpeedOutOfRange(f64),
    /// `lang` needs `en` or `ko`.
    LangNeedsEnOrKo,
    /// A lesson step number out of range.
    StepOutOfRange(f64),
    /// An unknown message type (cut short).
    UnknownType(String),
}

impl Say for EmbedWarning {
    fn say(&self, lang: Lang) -> String {
        match self {
            EmbedWarning::BadValue { option, value } => say!(lang, option, value;
                "{option} \"{value}\" ignored",
                "{option}의 값 \"{value}\"{는} 무시했습니다"),
            EmbedWarning::UnknownControl(name) => say!(lang, name;
                "unknown control \"{name}\" ignored",
                "알 수 없는 조작 \"{name}\"{은} 무시했습니다"),
            EmbedWarning::TooManyOrigins { max } => say!(lang, max;
                "more than {max} origins: the rest ignored",
                "origin이 {max}개를 넘어 나머지는 무시했습니다"),
            EmbedWarning::BadOrigin(origin) => say!(lang, origin;
                "origin \"{origin}\" is not scheme://host[:port]; ignored",
                "origin \"{origin}\"{은} scheme://host[:port] 형식이 아니라 무시했습니다"),
            EmbedWarning::UnknownOption(key) => say!(lang, key;
                "unknown option \"{key}\" ignored",
                "알 수 없는 옵션 \"{key}\"{는} 무시했습니다"),
        }
    }
}

impl Say for HostMessageError {
    fn say(&self, lang: Lang) -> String {
        match self {
            HostMessageError::NeedsNumber(what) => say!(lang, what;
                "\"{what}\" needs a number value",
                "\"{what}\"에는 숫자 값이 필요합니다"),
            HostMessageError::SeekOutOfRange(time) => say!(lang, time;
                "seek time {time} is out of range",
                "이동할 시각 {time}{이} 범위 밖입니다"),
            HostMessageError::SpeedOutOfRange(speed) => say!(lang, speed;
                "speed {speed} is not from 0.1 to 100",
                "속도 {speed}{가} 0.1부터 100 사이가 아닙니다"),
            HostMessageError::LangNeedsEnOrKo => say!(lang;
                "\"lang\" needs \"en\" or \"ko\"",
                "\"lang\"에는 \"en\"이나 \"ko\"가 필요합니다"),
            HostMessageError::StepOutOfRange(step) => say!(lang, step;
                "step {step} is not a whole number from 1 to 200",
                "단계 {step}{이} 1부터 200 사이의 정수가 아닙니다"),
            HostMessageError::UnknownType(kind) => say!(lang, kind;
                "unknown message type \"{kind}\"",
                "알 수 없는 메시지 종류 \"{kind}\""),
        }
    }
}

impl Say for Problem {
    fn say(&self, lang: Lang) -> String {
        match self {
            Problem::Busy => say!(lang;
                "Still loading: wait, or press Cancel.",
                "아직 불러오는 중입니다: 기다리거나 취소를 누르세요."),
            Problem::Command(r) => history_refusal(lang, r),
            Problem::Refusal(r) => refusal(lang, r),
            Problem::Work(r) => {
                let why = r.say(lang);
                match r.purpose {
                    Purpose::Link => say!(lang, why;
                        "This link cannot be opened: {why} Showing the default scene.",
                        "이 링크는 열 수 없습니다: {why} 기본 장면을 보여 줍니다."),
                    Purpose::Lesson => say!(lang, why;
                        "The lesson was not loaded: {why}",
                        "레슨을 불러오지 않았습니다: {why}"),
                    Purpose::Seek => {
                        say!(lang, why; "Stayed here: {why}", "이동하지 않았습니다: {why}")
                    }
                }
            }
            Problem::Link(e) => say!(lang, why = e.say(lang);
                "This link cannot be opened: {why} Showing the default scene.",
                "이 링크는 열 수 없습니다: {why} 기본 장면을 보여 줍니다."),
            Problem::Halt(h) => h.say(lang),
            Problem::NoScenario(name) => say!(lang, name = q(name);
                "There is no built-in scenario \"{name}\" (built in: default, stress, retention). Showing the default scenario.",
                "내장 시나리오 \"{name}\"{는} 없습니다 (내장: default, stress, retention). 기본 시나리오를 보여 줍니다."),
            Problem::NoLesson(id) => say!(lang, id = q(id);
                "There is no built-in lesson \"{id}\".",
                "내장 레슨 \"{id}\"{는} 없습니다."),
            Problem::LessonFile { id, detail } => say!(lang, id = q(id), detail;
                "The lesson \"{id}\" does not load: {detail}",
                "레슨 \"{id}\"{를} 불러올 수 없습니다: {detail}"),
            Problem::Embed(w) => w.say(lang),
            Problem::HostMessage(e) => say!(lang, why = e.say(lang);
                "A message from the host page was ignored: {why}",
                "호스트 페이지의 메시지를 무시했습니다: {why}"),
            Problem::TooManyHostMessages { max } => say!(lang, max;
                "The host page sent more than {max} messages in a second; the rest of that second was ignored.",
                "호스트 페이지가 1초에 메시지를 {max}개보다 많이 보냈습니다. 그 1초의 나머지는 무시했습니다."),
            Problem::NoLessonOpen => say!(lang;
                "No lesson is open: a lesson step cannot be shown.",
                "열린 레슨이 없어 레슨 단계를 보여 줄 수 없습니다."),
            Problem::LessonSource { from, why } => say!(lang, from = q(from), why = why.say(lang);
                "The lesson \"{from}\" cannot be opened: {why}.",
                "레슨 \"{from}\"{를} 열 수 없습니다: {why}."),
            Problem::Several(list) => {
                let all: Vec<String> = list.iter().map(|p| p.say(lang)).collect();
                all.join(" · ")
            }
        }
    }
}

impl Say for Notice {
    fn say(&self, lang: Lang) -> String {
        match self {
            Notice::Refused(p) => {
                say!(lang, problem = p.say(lang); "{problem}", "거부됨: {problem}")
            }
            Notice::Forked => say!(lang;
                "You changed the past: the recorded future after this moment was discarded.",
                "과거를 바꿨습니다: 이 시점 이후의 기록은 버려졌습니다."),
            Notice::Cancelled(Purpose::Link) => say!(lang;
                "Loading was cancelled: this is the default scene.",
                "불러오기를 취소했습니다: 기본 장면입니다."),
            Notice::Cancelled(Purpose::Lesson) => say!(lang;
                "Loading the lesson was cancelled.",
                "레슨 불러오기를 취소했습니다."),
            Notice::Cancelled(Purpose::Seek) => say!(lang;
                "Cancelled: back where you were.",
                "취소했습니다: 원래 자리로 돌아왔습니다."),
        }
    }
}
