//! Long work (a link, a lesson, a far seek) and why it stopped: the
//! progress line, [`JobRefusal`], [`LinkError`] and [`Halt`], in plain words
//! for readers of an embed (no jargon about replays or checkpoints). One
//! exhaustive `match` per language each; `Display` (English) for the three.

use std::fmt;

use crate::job::{JobRefusal, Purpose, WorkRefusal};
use crate::player::Halt;
use crate::share::LinkError;

use super::lang::{Lang, Say};
use super::line_app::format_time;
use super::quote::{clip_message, quote_input as q};
use super::refusal::{history_refusal, refusal};
use super::template::say;

/// A step count in words: `870 million`, `3.9 million`, `12,345`
/// (`8억 7000만`, `800만`, `3,865,422` in Korean).
#[must_use]
pub fn count(lang: Lang, n: u64) -> String {
    match lang {
        Lang::En => {
            if n >= 10_000_000 {
                format!("{} million", n / 1_000_000)
            } else if n >= 1_000_000 {
                format!("{:.1} million", n as f64 / 1e6)
            } else {
                grouped(n)
            }
        }
        Lang::Ko => {
            if n >= 100_000_000 {
                let (eok, man) = (n / 100_000_000, (n % 100_000_000) / 10_000);
                if man == 0 {
                    format!("{eok}억")
                } else {
                    format!("{eok}억 {man}만")
                }
            } else if n >= 10_000 && n % 10_000 == 0 {
                format!("{}만", n / 10_000)
            } else {
                grouped(n)
            }
        }
    }
}

fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A simulated time in words: `24 h 00 min`, `3 min 05 s`, `12.345 s`
/// (`24시간 00분`, `3분 05초`, `12.345초`).
#[must_use]
pub fn span(lang: Lang, ms: u64) -> String {
    let s = ms / 1000;
    match lang {
        Lang::En => {
            if s >= 3600 {
                format!("{} h {:02} min", s / 3600, (s % 3600) / 60)
            } else if s >= 60 {
                format!("{} min {:02} s", s / 60, s % 60)
            } else {
                format!("{}.{:03} s", s, ms % 1000)
            }
        }
        Lang::Ko => {
            if s >= 3600 {
                format!("{}시간 {:02}분", s / 3600, (s % 3600) / 60)
            } else if s >= 60 {
                format!("{}분 {:02}초", s / 60, s % 60)
            } else {
                format!("{}.{:03}초", s, ms % 1000)
            }
        }
    }
}

/// The progress line: what is being done.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// What the work is for.
    pub purpose: Purpose,
    /// Where a seek goes, ms.
    pub goal_ms: u64,
}

impl Say for Progress {
    fn say(&self, lang: Lang) -> String {
        match self.purpose {
            Purpose::Link => say!(lang; "Loading the scene…", "장면을 불러오는 중…"),
            Purpose::Lesson => say!(lang; "Loading the lesson…", "레슨을 불러오는 중…"),
            Purpose::Seek => {
                say!(lang, at = format_time(self.goal_ms); "Going to {at}…", "{at}{로} 가는 중…")
            }
        }
    }
}

fn subject(lang: Lang, purpose: Purpose) -> &'static str {
    match lang {
        Lang::En => match purpose {
            Purpose::Link => "the link",
            Purpose::Lesson => "the lesson",
            Purpose::Seek => "this seek",
        },
        Lang::Ko => match purpose {
            Purpose::Link => "링크",
            Purpose::Lesson => "레슨",
            Purpose::Seek => "이 이동",
        },
    }
}

fn advice(lang: Lang, purpose: Purpose) -> &'static str {
    match lang {
        Lang::En => match purpose {
            Purpose::Link => "ask for a link to an earlier moment, or with lower rates.",
            Purpose::Lesson => "the lesson asks for too much simulated time.",
            Purpose::Seek => "choose a nearer moment.",
        },
        Lang::Ko => match purpose {
            Purpose::Link => "더 이른 순간이나 더 낮은 전송 속도의 링크를 요청하세요.",
            Purpose::Lesson => "레슨이 시뮬레이션 시간을 너무 많이 요구합니다.",
            Purpose::Seek => "더 가까운 순간을 고르세요.",
        },
    }
}

impl Say for JobRefusal {
    fn say(&self, lang: Lang) -> String {
        let JobRefusal { purpose, why } = self;
        let who = subject(lang, *purpose);
        let advice = advice(lang, *purpose);
        let text = match why {
            WorkRefusal::Cluster(r) => say!(lang, who, refusal = refusal(lang, r);
                "{who} cluster is refused: {refusal}",
                "{who}의 클러스터가 거부되었습니다: {refusal}"),
            WorkRefusal::Command { number, refused } => {
                say!(lang, who, number, refusal = history_refusal(lang, refused);
                    "{who}'s command {number} is refused: {refusal}",
                    "{who}의 {number}번째 명령이 거부되었습니다: {refusal}")
            }
            WorkRefusal::TooLarge { mb, at_ms, max_mb } => {
                say!(lang, who, mb, at = span(lang, *at_ms), max_mb, advice;
                    "{who} would hold about {mb} MB of records at {at}, more than the {max_mb} MB a page keeps; {advice}",
                    "{who}{가} {at}에 레코드 약 {mb} MB를 담게 되어, 페이지가 담는 {max_mb} MB를 넘습니다. {advice}")
            }
            WorkRefusal::OverBudget {
                max_steps,
                at_ms,
                end_ms,
            } => say!(lang,
                who, max_steps = count(lang, *max_steps), at = span(lang, *at_ms), end = span(lang, *end_ms), advice;
                "{who} needs more than {max_steps} engine steps, the most a page runs at once: it was stopped at {at} of {end}; {advice}",
                "{who}{가} 페이지가 한 번에 돌리는 최대치인 엔진 스텝 {max_steps}개보다 많이 필요합니다: {end} 중 {at}에서 멈췄습니다. {advice}"),
            WorkRefusal::Estimate {
                steps,
                end_ms,
                per_second,
                max_steps,
            } => say!(lang,
                times = format!("{:.1}", *steps as f64 / *max_steps as f64),
                who, steps = count(lang, *steps), end = span(lang, *end_ms), per_second = count(lang, *per_second), max_steps = count(lang, *max_steps), advice;
                "{who} needs about {steps} engine steps to reach {end} (about {per_second} a simulated second so far), {times} times the {max_steps} a page runs at once; {advice}",
                "{who}{가} {end}까지 가려면 엔진 스텝이 약 {steps}개 필요합니다 (지금까지 시뮬레이션 1초에 약 {per_second}개). 페이지가 한 번에 돌리는 {max_steps}개의 {times}배입니다. {advice}"),
        };
        clip_message(&text)
    }
}

impl Say for LinkError {
    fn say(&self, lang: Lang) -> String {
        let text = match self {
            LinkError::TooLong { chars, max } => say!(lang, chars, max;
                "the link is too long ({chars} characters; at most {max})",
                "링크가 너무 깁니다 ({chars}자, 최대 {max}자)"),
            LinkError::NotBase64(error) => say!(lang, error;
                "the link is damaged (not base64url: {error})",
                "링크가 손상되었습니다 (base64url이 아님, 해독기 메시지: {error})"),
            LinkError::NotDeflate(error) => say!(lang, error;
                "the link is damaged (does not inflate: {error})",
                "링크가 손상되었습니다 (압축이 풀리지 않음, 해독기 메시지: {error})"),
            LinkError::StateTooLarge { max } => say!(lang, max;
                "the link's state is larger than {max} bytes",
                "링크의 상태가 {max}바이트보다 큽니다"),
            LinkError::StateInvalid { what, line, column } => {
                say!(lang, what = clip_message(what), line, column;
                    "the link's state is not valid: {what} (line {line}, column {column})",
                    "링크의 상태가 올바르지 않습니다 ({line}줄 {column}열, 해독기 메시지: {what})")
            }
            LinkError::Version { found, newest } => say!(lang, found, newest;
                "the link has format version {found}; this kafkascope reads versions 1 and {newest}",
                "링크의 형식 버전은 {found}입니다. 이 kafkascope는 버전 1과 {newest}{를} 읽습니다"),
            LinkError::TooManyCommands { count, max } => say!(lang, count, max;
                "the link has {count} commands; at most {max}",
                "링크의 명령이 {count}개입니다. 최대 {max}개입니다"),
            LinkError::TimePast { max_ms } => say!(lang, max_ms;
                "the link asks for a time past {max_ms} ms (one simulated day)",
                "링크가 {max_ms} ms(시뮬레이션 하루)보다 뒤의 시각을 요구합니다"),
            LinkError::OutOfOrder => say!(lang;
                "the link's commands are not in time order",
                "링크의 명령이 시간 순서가 아닙니다"),
            LinkError::AppliedAboveHeld { applied, held } => say!(lang, applied, held;
                "the link says {applied} commands were applied but holds {held}",
                "링크는 명령 {applied}개를 적용했다고 하지만 {held}개만 담고 있습니다"),
            LinkError::UnknownScenario(name) => say!(lang, name = q(name);
                "the link names a scenario \"{name}\" that this kafkascope does not have (built in: default, stress, retention)",
                "링크가 이 kafkascope에 없는 시나리오 \"{name}\"{를} 가리킵니다 (내장: default, stress, retention)"),
            LinkError::NoScenario => say!(lang;
                "the link has neither a scenario nor a config",
                "링크에 시나리오도 설정도 없습니다"),
            LinkError::MomentOverBudget { steps, max_steps } => say!(lang,
                times = format!("{:.1}", *steps as f64 / *max_steps as f64), steps = count(lang, *steps), max_steps = count(lang, *max_steps);
                "the link's moment is {steps} engine steps into its history, {times} times the {max_steps} a page runs at once; ask for a link to an earlier moment",
                "링크가 가리키는 순간은 기록의 엔진 스텝 {steps}개째로, 페이지가 한 번에 돌리는 {max_steps}개의 {times}배입니다. 더 이른 순간의 링크를 요청하세요"),
            LinkError::Cluster(r) => say!(lang, refusal = refusal(lang, r);
                "the link's cluster is refused: {refusal}",
                "링크의 클러스터가 거부되었습니다: {refusal}"),
            LinkError::Work(r) => r.say(lang),
        };
        clip_message(&text)
    }
}

impl Say for Halt {
    fn say(&self, lang: Lang) -> String {
        match self {
            Halt::SceneTooLarge { at_ms, mb, max_mb } => {
                say!(lang, at = span(lang, *at_ms), mb, max_mb;
                    "paused at {at}: the scene holds about {mb} MB of records, more than the {max_mb} MB a page keeps",
                    "{at}에서 멈췄습니다: 장면이 레코드를 약 {mb} MB 담고 있어, 페이지가 담는 {max_mb} MB를 넘습니다")
            }
            Halt::StepBackTooFar { max_steps, spent } => {
                say!(lang, max_steps = count(lang, *max_steps), spent = count(lang, *spent);
                    "stepping back here would replay more than {max_steps} engine steps (gave up after {spent}); use the timeline to go back instead",
                    "여기서 한 단계 뒤로 가려면 엔진 스텝 {max_steps}개보다 많이 다시 돌려야 합니다 ({spent}개 뒤에 포기). 대신 타임라인으로 돌아가세요")
            }
        }
    }
}

impl fmt::Display for JobRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en())
    }
}

impl std::error::Error for JobRefusal {}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en())
    }
}

impl std::error::Error for LinkError {}

impl fmt::Display for Halt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_times_in_words() {
        assert_eq!(count(Lang::En, 0), "0");
        assert_eq!(count(Lang::En, 12_345), "12,345");
        assert_eq!(count(Lang::En, 999_999), "999,999");
        assert_eq!(count(Lang::En, 3_865_422), "3.9 million");
        assert_eq!(count(Lang::En, 870_000_000), "870 million");
        assert_eq!(count(Lang::Ko, 870_000_000), "8억 7000만");
        assert_eq!(count(Lang::Ko, 8_000_000), "800만");
        assert_eq!(count(Lang::Ko, 12_345), "12,345");
        assert_eq!(count(Lang::Ko, 9_999), "9,999");
        assert_eq!(span(Lang::En, 86_400_000), "24 h 00 min");
        assert_eq!(span(Lang::En, 185_000), "3 min 05 s");
        assert_eq!(span(Lang::En, 12_345), "12.345 s");
        assert_eq!(span(Lang::Ko, 185_000), "3분 05초");
    }

    #[test]
    fn plain_words_in_both_languages() {
        for purpose in [Purpose::Link, Purpose::Lesson, Purpose::Seek] {
            let p = Progress {
                purpose,
                goal_ms: 1_000,
            };
            assert_ne!(p.en(), p.ko());
            assert!(!p.en().to_lowercase().contains("replay"), "{}", p.en());
        }
        let seek = Progress {
            purpose: Purpose::Seek,
            goal_ms: 2_500,
        };
        assert_eq!(seek.en(), "Going to t = 2.500 s…");
    }
}
