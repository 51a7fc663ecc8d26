//! Texts of long work (a link, a lesson, a far seek) and of failures: the
//! progress line, cancel, refusals, and the panic overlay's words. Plain
//! words for readers of an embed: no jargon about replays or checkpoints.

use super::{format_time, Lang};
use crate::job::Purpose;

/// The progress line: what is being done.
#[must_use]
pub fn progress_label(lang: Lang, purpose: Purpose, goal_ms: u64) -> String {
    match (lang, purpose) {
        (Lang::En, Purpose::Link) => "Loading the scene…".to_string(),
        (Lang::Ko, Purpose::Link) => "장면을 불러오는 중…".to_string(),
        (Lang::En, Purpose::Lesson) => "Loading the lesson…".to_string(),
        (Lang::Ko, Purpose::Lesson) => "레슨을 불러오는 중…".to_string(),
        (Lang::En, Purpose::Seek) => format!("Going to {}…", format_time(goal_ms)),
        (Lang::Ko, Purpose::Seek) => format!("{}(으)로 가는 중…", format_time(goal_ms)),
    }
}

/// The cancel button.
#[must_use]
pub fn cancel(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Cancel",
        Lang::Ko => "취소",
    }
}

/// A link that cannot be opened (the reason is in English, from the checks).
#[must_use]
pub fn link_refused(lang: Lang, why: &str) -> String {
    match lang {
        Lang::En => format!("This link cannot be opened: {why} Showing the default scene."),
        Lang::Ko => format!("이 링크는 열 수 없습니다: {why} 기본 장면을 보여 줍니다."),
    }
}

/// Work stopped because it would cost too much (seek, lesson).
#[must_use]
pub fn work_refused(lang: Lang, purpose: Purpose, why: &str) -> String {
    let what = match (lang, purpose) {
        (Lang::En, Purpose::Link) => "The link was not opened",
        (Lang::Ko, Purpose::Link) => "링크를 열지 않았습니다",
        (Lang::En, Purpose::Lesson) => "The lesson was not loaded",
        (Lang::Ko, Purpose::Lesson) => "레슨을 불러오지 않았습니다",
        (Lang::En, Purpose::Seek) => "Stayed here",
        (Lang::Ko, Purpose::Seek) => "이동하지 않았습니다",
    };
    format!("{what}: {why}")
}

/// After a cancel.
#[must_use]
pub fn cancelled(lang: Lang, purpose: Purpose) -> &'static str {
    match (lang, purpose) {
        (Lang::En, Purpose::Link) => "Loading was cancelled: this is the default scene.",
        (Lang::Ko, Purpose::Link) => "불러오기를 취소했습니다: 기본 장면입니다.",
        (Lang::En, Purpose::Lesson) => "Loading the lesson was cancelled.",
        (Lang::Ko, Purpose::Lesson) => "레슨 불러오기를 취소했습니다.",
        (Lang::En, Purpose::Seek) => "Cancelled: back where you were.",
        (Lang::Ko, Purpose::Seek) => "취소했습니다: 원래 자리로 돌아왔습니다.",
    }
}

/// While busy, other actions wait.
#[must_use]
pub fn busy(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Still loading: wait, or press Cancel.",
        Lang::Ko => "아직 불러오는 중입니다: 기다리거나 취소를 누르세요.",
    }
}

/// Under a record's story cut short by its replay budget.
#[must_use]
pub fn story_cut(lang: Lang, at_ms: u64) -> String {
    match lang {
        Lang::En => format!(
            "The story stops at {}: following it further would take too long here. Move the timeline closer to see the rest.",
            format_time(at_ms)
        ),
        Lang::Ko => format!(
            "이야기는 {}에서 멈춥니다: 더 따라가려면 너무 오래 걸립니다. 나머지는 타임라인을 더 가까이 옮겨서 보세요.",
            format_time(at_ms)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_words_in_both_languages() {
        for purpose in [Purpose::Link, Purpose::Lesson, Purpose::Seek] {
            let en = progress_label(Lang::En, purpose, 1_000);
            let ko = progress_label(Lang::Ko, purpose, 1_000);
            assert_ne!(en, ko);
            assert!(!en.to_lowercase().contains("replay"), "{en}");
            assert_ne!(cancelled(Lang::En, purpose), cancelled(Lang::Ko, purpose));
        }
        assert_eq!(
            progress_label(Lang::En, Purpose::Seek, 2_500),
            "Going to t = 2.500 s…"
        );
    }
}
