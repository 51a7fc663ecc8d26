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
use super::particle::{ga, reul, ro};
use super::quote::{clip_message, quote_input as q};
use super::refusal::{history_refusal, refusal};

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
    fn en(&self) -> String {
        match self.purpose {
            Purpose::Link => "Loading the scene…".to_string(),
            Purpose::Lesson => "Loading the lesson…".to_string(),
            Purpose::Seek => format!("Going to {}…", format_time(self.goal_ms)),
        }
    }

    fn ko(&self) -> String {
        match self.purpose {
            Purpose::Link => "장면을 불러오는 중…".to_string(),
            Purpose::Lesson => "레슨을 불러오는 중…".to_string(),
            Purpose::Seek => format!("{} 가는 중…", ro(&format_time(self.goal_ms))),
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
    fn en(&self) -> String {
        const EN: Lang = Lang::En;
        let JobRefusal { purpose, why } = self;
        let who = subject(EN, *purpose);
        let text = match why {
            WorkRefusal::Cluster(r) => format!("{who} cluster is refused: {}", refusal(EN, r)),
            WorkRefusal::Command { number, refused } => format!(
                "{who}'s command {number} is refused: {}",
                history_refusal(EN, refused)
            ),
            WorkRefusal::TooLarge { mb, at_ms, max_mb } => format!(
                "{who} would hold about {mb} MB of records at {}, more than the {max_mb} MB a page keeps; {}",
                span(EN, *at_ms),
                advice(EN, *purpose)
            ),
            WorkRefusal::OverBudget {
                max_steps,
                at_ms,
                end_ms,
            } => format!(
                "{who} needs more than {} engine steps, the most a page runs at once: it was stopped at {} of {}; {}",
                count(EN, *max_steps),
                span(EN, *at_ms),
                span(EN, *end_ms),
                advice(EN, *purpose)
            ),
            WorkRefusal::Estimate {
                steps,
                end_ms,
                per_second,
                max_steps,
            } => format!(
                "{who} needs about {} engine steps to reach {} (about {} a simulated second so far), {:.1} times the {} a page runs at once; {}",
                count(EN, *steps),
                span(EN, *end_ms),
                count(EN, *per_second),
                *steps as f64 / *max_steps as f64,
                count(EN, *max_steps),
                advice(EN, *purpose)
            ),
        };
        clip_message(&text)
    }

    fn ko(&self) -> String {
        const KO: Lang = Lang::Ko;
        let JobRefusal { purpose, why } = self;
        let who = subject(KO, *purpose);
        let text = match why {
            WorkRefusal::Cluster(r) => {
                format!("{}의 클러스터가 거부되었습니다: {}", who, refusal(KO, r))
            }
            WorkRefusal::Command { number, refused } => format!(
                "{who}의 {number}번째 명령이 거부되었습니다: {}",
                history_refusal(KO, refused)
            ),
            WorkRefusal::TooLarge { mb, at_ms, max_mb } => format!(
                "{} {}에 레코드 약 {mb} MB를 담게 되어, 페이지가 담는 {max_mb} MB를 넘습니다. {}",
                ga(who),
                span(KO, *at_ms),
                advice(KO, *purpose)
            ),
            WorkRefusal::OverBudget {
                max_steps,
                at_ms,
                end_ms,
            } => format!(
                "{} 페이지가 한 번에 돌리는 최대치인 엔진 스텝 {}개보다 많이 필요합니다: {} 중 {}에서 멈췄습니다. {}",
                ga(who),
                count(KO, *max_steps),
                span(KO, *end_ms),
                span(KO, *at_ms),
                advice(KO, *purpose)
            ),
            WorkRefusal::Estimate {
                steps,
                end_ms,
                per_second,
                max_steps,
            } => format!(
                "{} {}까지 가려면 엔진 스텝이 약 {}개 필요합니다 (지금까지 시뮬레이션 1초에 약 {}개). 페이지가 한 번에 돌리는 {}개의 {:.1}배입니다. {}",
                ga(who),
                span(KO, *end_ms),
                count(KO, *steps),
                count(KO, *per_second),
                count(KO, *max_steps),
                *steps as f64 / *max_steps as f64,
                advice(KO, *purpose)
            ),
        };
        clip_message(&text)
    }
}

impl Say for LinkError {
    fn en(&self) -> String {
        const EN: Lang = Lang::En;
        let text = match self {
            LinkError::TooLong { chars, max } => {
                format!("the link is too long ({chars} characters; at most {max})")
            }
            LinkError::NotBase64(e) => format!("the link is damaged (not base64url: {e})"),
            LinkError::NotDeflate(e) => format!("the link is damaged (does not inflate: {e})"),
            LinkError::StateTooLarge { max } => {
                format!("the link's state is larger than {max} bytes")
            }
            LinkError::StateInvalid { what, line, column } => format!(
                "the link's state is not valid: {} (line {line}, column {column})",
                clip_message(what)
            ),
            LinkError::Version { found, newest } => format!(
                "the link has format version {found}; this kafkascope reads versions 1 and {newest}"
            ),
            LinkError::TooManyCommands { count, max } => {
                format!("the link has {count} commands; at most {max}")
            }
            LinkError::TimePast { max_ms } => {
                format!("the link asks for a time past {max_ms} ms (one simulated day)")
            }
            LinkError::OutOfOrder => "the link's commands are not in time order".to_string(),
            LinkError::AppliedAboveHeld { applied, held } => {
                format!("the link says {applied} commands were applied but holds {held}")
            }
            LinkError::UnknownScenario(name) => format!(
                "the link names a scenario \"{}\" that this kafkascope does not have (built in: default, stress, retention)",
                q(name)
            ),
            LinkError::NoScenario => "the link has neither a scenario nor a config".to_string(),
            LinkError::MomentOverBudget { steps, max_steps } => format!(
                "the link's moment is {} engine steps into its history, {:.1} times the {} a page runs at once; ask for a link to an earlier moment",
                count(EN, *steps),
                *steps as f64 / *max_steps as f64,
                count(EN, *max_steps)
            ),
            LinkError::Cluster(r) => format!("the link's cluster is refused: {}", refusal(EN, r)),
            LinkError::Work(r) => r.en(),
        };
        clip_message(&text)
    }

    fn ko(&self) -> String {
        const KO: Lang = Lang::Ko;
        let text = match self {
            LinkError::TooLong { chars, max } => {
                format!("링크가 너무 깁니다 ({chars}자, 최대 {max}자)")
            }
            LinkError::NotBase64(e) => {
                format!("링크가 손상되었습니다 (base64url이 아님, 해독기 메시지: {e})")
            }
            LinkError::NotDeflate(e) => {
                format!("링크가 손상되었습니다 (압축이 풀리지 않음, 해독기 메시지: {e})")
            }
            LinkError::StateTooLarge { max } => {
                format!("링크의 상태가 {max}바이트보다 큽니다")
            }
            LinkError::StateInvalid { what, line, column } => format!(
                "링크의 상태가 올바르지 않습니다 ({line}줄 {column}열, 해독기 메시지: {})",
                clip_message(what)
            ),
            LinkError::Version { found, newest } => format!(
                "링크의 형식 버전은 {found}입니다. 이 kafkascope는 버전 1과 {} 읽습니다",
                reul(&newest.to_string())
            ),
            LinkError::TooManyCommands { count, max } => {
                format!("링크의 명령이 {count}개입니다. 최대 {max}개입니다")
            }
            LinkError::TimePast { max_ms } => format!(
                "링크가 {max_ms} ms(시뮬레이션 하루)보다 뒤의 시각을 요구합니다"
            ),
            LinkError::OutOfOrder => "링크의 명령이 시간 순서가 아닙니다".to_string(),
            LinkError::AppliedAboveHeld { applied, held } => {
                format!("링크는 명령 {applied}개를 적용했다고 하지만 {held}개만 담고 있습니다")
            }
            LinkError::UnknownScenario(name) => format!(
                "링크가 이 kafkascope에 없는 시나리오 {} 가리킵니다 (내장: default, stress, retention)",
                reul(&format!("\"{}\"", q(name)))
            ),
            LinkError::NoScenario => "링크에 시나리오도 설정도 없습니다".to_string(),
            LinkError::MomentOverBudget { steps, max_steps } => format!(
                "링크가 가리키는 순간은 기록의 엔진 스텝 {}개째로, 페이지가 한 번에 돌리는 {}개의 {:.1}배입니다. 더 이른 순간의 링크를 요청하세요",
                count(KO, *steps),
                count(KO, *max_steps),
                *steps as f64 / *max_steps as f64
            ),
            LinkError::Cluster(r) => {
                format!("링크의 클러스터가 거부되었습니다: {}", refusal(KO, r))
            }
            LinkError::Work(r) => r.ko(),
        };
        clip_message(&text)
    }
}

impl Say for Halt {
    fn en(&self) -> String {
        const EN: Lang = Lang::En;
        match self {
            Halt::SceneTooLarge { at_ms, mb, max_mb } => format!(
                "paused at {}: the scene holds about {mb} MB of records, more than the {max_mb} MB a page keeps",
                span(EN, *at_ms)
            ),
            Halt::StepBackTooFar { max_steps, spent } => format!(
                "stepping back here would replay more than {} engine steps (gave up after {}); use the timeline to go back instead",
                count(EN, *max_steps),
                count(EN, *spent)
            ),
        }
    }

    fn ko(&self) -> String {
        const KO: Lang = Lang::Ko;
        match self {
            Halt::SceneTooLarge { at_ms, mb, max_mb } => format!(
                "{}에서 멈췄습니다: 장면이 레코드를 약 {mb} MB 담고 있어, 페이지가 담는 {max_mb} MB를 넘습니다",
                span(KO, *at_ms)
            ),
            Halt::StepBackTooFar { max_steps, spent } => format!(
                "여기서 한 단계 뒤로 가려면 엔진 스텝 {}개보다 많이 다시 돌려야 합니다 ({}개 뒤에 포기). 대신 타임라인으로 돌아가세요",
                count(KO, *max_steps),
                count(KO, *spent)
            ),
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
