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
use super::particle::{ga, neun, reul};
use super::quote::quote_input as q;
use super::refusal::{history_refusal, refusal};

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
    /// Several at once (at start).
    Several(Vec<Problem>),
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
    /// An unknown message type (cut short).
    UnknownType(String),
}

impl Say for EmbedWarning {
    fn en(&self) -> String {
        match self {
            EmbedWarning::BadValue { option, value } => format!("{option} \"{value}\" ignored"),
            EmbedWarning::UnknownControl(name) => format!("unknown control \"{name}\" ignored"),
            EmbedWarning::TooManyOrigins { max } => {
                format!("more than {max} origins: the rest ignored")
            }
            EmbedWarning::BadOrigin(origin) => {
                format!("origin \"{origin}\" is not scheme://host[:port]; ignored")
            }
            EmbedWarning::UnknownOption(key) => format!("unknown option \"{key}\" ignored"),
        }
    }

    fn ko(&self) -> String {
        match self {
            EmbedWarning::BadValue { option, value } => {
                format!(
                    "{option}의 값 {} 무시했습니다",
                    neun(&format!("\"{value}\""))
                )
            }
            EmbedWarning::UnknownControl(name) => {
                format!(
                    "알 수 없는 조작 {} 무시했습니다",
                    neun(&format!("\"{name}\""))
                )
            }
            EmbedWarning::TooManyOrigins { max } => {
                format!("origin이 {max}개를 넘어 나머지는 무시했습니다")
            }
            EmbedWarning::BadOrigin(origin) => {
                format!(
                    "origin {} scheme://host[:port] 형식이 아니라 무시했습니다",
                    neun(&format!("\"{origin}\""))
                )
            }
            EmbedWarning::UnknownOption(key) => {
                format!(
                    "알 수 없는 옵션 {} 무시했습니다",
                    neun(&format!("\"{key}\""))
                )
            }
        }
    }
}

impl Say for HostMessageError {
    fn en(&self) -> String {
        match self {
            HostMessageError::NeedsNumber(what) => format!("\"{what}\" needs a number value"),
            HostMessageError::SeekOutOfRange(t) => format!("seek time {t} is out of range"),
            HostMessageError::SpeedOutOfRange(s) => format!("speed {s} is not from 0.1 to 100"),
            HostMessageError::LangNeedsEnOrKo => "\"lang\" needs \"en\" or \"ko\"".to_string(),
            HostMessageError::UnknownType(kind) => format!("unknown message type \"{kind}\""),
        }
    }

    fn ko(&self) -> String {
        match self {
            HostMessageError::NeedsNumber(what) => format!("\"{what}\"에는 숫자 값이 필요합니다"),
            HostMessageError::SeekOutOfRange(t) => {
                format!("이동할 시각 {} 범위 밖입니다", ga(&t.to_string()))
            }
            HostMessageError::SpeedOutOfRange(s) => {
                format!("속도 {} 0.1부터 100 사이가 아닙니다", ga(&s.to_string()))
            }
            HostMessageError::LangNeedsEnOrKo => {
                "\"lang\"에는 \"en\"이나 \"ko\"가 필요합니다".to_string()
            }
            HostMessageError::UnknownType(kind) => {
                format!("알 수 없는 메시지 종류 \"{kind}\"")
            }
        }
    }
}

impl Say for Problem {
    fn en(&self) -> String {
        const EN: Lang = Lang::En;
        match self {
            Problem::Busy => "Still loading: wait, or press Cancel.".to_string(),
            Problem::Command(r) => history_refusal(EN, r),
            Problem::Refusal(r) => refusal(EN, r),
            Problem::Work(r) => match r.purpose {
                Purpose::Link => format!(
                    "This link cannot be opened: {} Showing the default scene.",
                    r.en()
                ),
                Purpose::Lesson => format!("The lesson was not loaded: {}", r.en()),
                Purpose::Seek => format!("Stayed here: {}", r.en()),
            },
            Problem::Link(e) => format!(
                "This link cannot be opened: {} Showing the default scene.",
                e.en()
            ),
            Problem::Halt(h) => h.en(),
            Problem::NoScenario(name) => format!(
                "There is no built-in scenario \"{}\" (built in: default, stress, retention). Showing the default scenario.",
                q(name)
            ),
            Problem::NoLesson(id) => format!("There is no built-in lesson \"{}\".", q(id)),
            Problem::LessonFile { id, detail } => {
                format!("The lesson \"{}\" does not load: {detail}", q(id))
            }
            Problem::Embed(w) => w.en(),
            Problem::HostMessage(e) => {
                format!("A message from the host page was ignored: {}", e.en())
            }
            Problem::TooManyHostMessages { max } => format!(
                "The host page sent more than {max} messages in a second; the rest of that second was ignored."
            ),
            Problem::Several(list) => {
                let all: Vec<String> = list.iter().map(Say::en).collect();
                all.join(" · ")
            }
        }
    }

    fn ko(&self) -> String {
        const KO: Lang = Lang::Ko;
        match self {
            Problem::Busy => "아직 불러오는 중입니다: 기다리거나 취소를 누르세요.".to_string(),
            Problem::Command(r) => history_refusal(KO, r),
            Problem::Refusal(r) => refusal(KO, r),
            Problem::Work(r) => match r.purpose {
                Purpose::Link => format!(
                    "이 링크는 열 수 없습니다: {} 기본 장면을 보여 줍니다.",
                    r.ko()
                ),
                Purpose::Lesson => format!("레슨을 불러오지 않았습니다: {}", r.ko()),
                Purpose::Seek => format!("이동하지 않았습니다: {}", r.ko()),
            },
            Problem::Link(e) => format!(
                "이 링크는 열 수 없습니다: {} 기본 장면을 보여 줍니다.",
                e.ko()
            ),
            Problem::Halt(h) => h.ko(),
            Problem::NoScenario(name) => format!(
                "내장 시나리오 {} 없습니다 (내장: default, stress, retention). 기본 시나리오를 보여 줍니다.",
                neun(&format!("\"{}\"", q(name)))
            ),
            Problem::NoLesson(id) => {
                format!("내장 레슨 {} 없습니다.", neun(&format!("\"{}\"", q(id))))
            }
            Problem::LessonFile { id, detail } => {
                format!(
                    "레슨 {} 불러올 수 없습니다: {detail}",
                    reul(&format!("\"{}\"", q(id)))
                )
            }
            Problem::Embed(w) => w.ko(),
            Problem::HostMessage(e) => {
                format!("호스트 페이지의 메시지를 무시했습니다: {}", e.ko())
            }
            Problem::TooManyHostMessages { max } => format!(
                "호스트 페이지가 1초에 메시지를 {max}개보다 많이 보냈습니다. 그 1초의 나머지는 무시했습니다."
            ),
            Problem::Several(list) => {
                let all: Vec<String> = list.iter().map(Say::ko).collect();
                all.join(" · ")
            }
        }
    }
}

impl Say for Notice {
    fn en(&self) -> String {
        match self {
            Notice::Refused(p) => p.en(),
            Notice::Forked => {
                "You changed the past: the recorded future after this moment was discarded."
                    .to_string()
            }
            Notice::Cancelled(purpose) => match purpose {
                Purpose::Link => "Loading was cancelled: this is the default scene.",
                Purpose::Lesson => "Loading the lesson was cancelled.",
                Purpose::Seek => "Cancelled: back where you were.",
            }
            .to_string(),
        }
    }

    fn ko(&self) -> String {
        match self {
            Notice::Refused(p) => format!("거부됨: {}", p.ko()),
            Notice::Forked => "과거를 바꿨습니다: 이 시점 이후의 기록은 버려졌습니다.".to_string(),
            Notice::Cancelled(purpose) => match purpose {
                Purpose::Link => "불러오기를 취소했습니다: 기본 장면입니다.",
                Purpose::Lesson => "레슨 불러오기를 취소했습니다.",
                Purpose::Seek => "취소했습니다: 원래 자리로 돌아왔습니다.",
            }
            .to_string(),
        }
    }
}
