//! Texts of the lesson player, the share and embed panel and the progress
//! line: fixed labels ([`PageLabel`]) and sentences with values
//! ([`PageLine`]), English and Korean side by side each.

use super::lang::{Lang, Say};
use super::line_app::format_time;
use super::template::say;

use super::labels::labels;

labels! {
    /// Fixed texts of the lesson player, the share panel and the progress line.
    PageLabel {
        /// The lessons panel's heading.
        Lessons => "Lessons",
            "레슨";
        /// Previous step.
        PreviousStep => "‹ Previous",
            "‹ 이전 단계";
        /// The step select's label.
        StepWord => "Step",
            "단계";
        /// Next step.
        NextStep => "Next ›",
            "다음 단계 ›";
        /// Play the step again.
        ReplayStep => "↺ Replay",
            "↺ 다시 보기";
        /// Skip to the end of the step playing.
        SkipMotion => "Skip ›|",
            "끝으로 건너뛰기 ›|";
        /// While a step plays toward its moment.
        StepPlaying => "Playing this step…",
            "이 단계를 재생하는 중…";
        /// A lesson read from a file or a link (no built-in id).
        AuthorLesson => "Lesson from a file",
            "파일에서 읽은 레슨";
        /// Leave the lesson.
        FreePlay => "Free play",
            "자유롭게 해 보기";
        /// The expectations' summary.
        StepChecks => "What this step checks",
            "이 단계에서 확인하는 것";
        /// Shown in free play.
        FreePlayNote => "Free play. Returning rebuilds the lesson's history at its step.",
            "자유 모드입니다. 레슨으로 돌아가면 레슨의 기록이 다시 만들어집니다.";
        /// The share panel's heading.
        ShareAndEmbed => "Share and embed",
            "공유와 삽입";
        /// What a share link holds.
        LinkHint => "The link holds the cluster's setup, every command given so far and the current time, compressed: whoever opens it sees exactly this picture.",
            "링크에는 클러스터 설정, 지금까지 내린 모든 명령과 현재 시각이 압축되어 들어갑니다. 링크를 연 사람은 똑같은 장면을 봅니다.";
        /// Make a link.
        MakeLink => "Make a link to this moment",
            "지금 이 순간의 링크 만들기";
        /// The link field's label.
        ShareLink => "Share link",
            "공유 링크";
        /// Copy.
        Copy => "Copy",
            "복사";
        /// The embed heading.
        EmbedHeading => "Embed in a post (iframe)",
            "블로그에 삽입 (iframe)";
        /// The embed's controls.
        ControlsShown => "Controls shown",
            "보여 줄 조작";
        /// Autoplay checkbox.
        Autoplay => " autoplay",
            " 자동 재생";
        /// Show panels checkbox.
        ShowPanels => " show panels",
            " 패널 보이기";
        /// Theme select.
        Theme => "theme ",
            "테마 ";
        /// Height field.
        Height => "height ",
            "높이 ";
        /// The snippet's label.
        EmbedCode => "Embed code",
            "삽입 코드";
        /// What a host page can send.
        HostHint => "The host page can send play, pause, step and seek with postMessage (docs/embedding.md).",
            "호스트 페이지는 postMessage로 재생, 일시정지, 한 단계, 이동을 보낼 수 있습니다 (docs/embedding.md).";
        /// Cancel long work.
        Cancel => "Cancel",
            "취소";
        /// Theme: follow the system.
        ThemeAuto => "auto",
            "시스템 설정";
        /// Theme: light.
        ThemeLight => "light",
            "밝게";
        /// Theme: dark.
        ThemeDark => "dark",
            "어둡게";
    }
}

/// Sentences of the lesson player and the record story's footnote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PageLine {
    /// A step in the step select.
    StepOf {
        /// The step, from 1.
        step: usize,
        /// Steps in the lesson.
        total: usize,
    },
    /// The button back to the lesson.
    ReturnTo {
        /// The lesson's title.
        title: String,
    },
    /// A step's motion is time-lapsed: the simulated time it covers.
    FastForward {
        /// Simulated time covered, ms.
        span_ms: u64,
    },
    /// Under a record's story cut short by its replay budget.
    StoryCut {
        /// Where it stops, ms.
        at_ms: u64,
    },
}

impl Say for PageLine {
    fn say(&self, lang: Lang) -> String {
        match self {
            PageLine::StepOf { step, total } => {
                say!(lang, step, total; "Step {step} of {total}", "{step}/{total} 단계")
            }
            PageLine::ReturnTo { title } => {
                say!(lang, title; "Return to the lesson: {title}", "레슨으로 돌아가기: {title}")
            }
            PageLine::FastForward { span_ms } => {
                let span = seconds_span(*span_ms);
                say!(lang, span; "⏩ fast-forward {span}", "⏩ 빨리 감기 {span}")
            }
            PageLine::StoryCut { at_ms } => say!(lang, at = format_time(*at_ms);
                "The story stops at {at}: following it further would take too long here. Move the timeline closer to see the rest.",
                "이야기는 {at}에서 멈춥니다: 더 따라가려면 너무 오래 걸립니다. 나머지는 타임라인을 더 가까이 옮겨서 보세요."),
        }
    }
}

/// A span of simulated time in whole seconds (minutes past 2 min), unit
/// symbols only (the same in English and Korean).
fn seconds_span(ms: u64) -> String {
    let s = ms.div_ceil(1_000);
    if s >= 120 {
        format!("{} min", s.div_ceil(60))
    } else {
        format!("{s} s")
    }
}
