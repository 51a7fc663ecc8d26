//! Texts of the lesson player, the share and embed panel and the progress
//! line: fixed labels ([`PageLabel`]) and sentences with values
//! ([`PageLine`]), one exhaustive `match` per language each.

use super::lang::{Lang, Say};
use super::line_app::format_time;

/// Fixed texts of the lesson player, the share panel and the progress line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageLabel {
    /// The lessons panel's heading.
    Lessons,
    /// Previous step.
    PreviousStep,
    /// The step select's label.
    StepWord,
    /// Next step.
    NextStep,
    /// Leave the lesson.
    FreePlay,
    /// The expectations' summary.
    StepChecks,
    /// Shown in free play.
    FreePlayNote,
    /// The share panel's heading.
    ShareAndEmbed,
    /// What a share link holds.
    LinkHint,
    /// Make a link.
    MakeLink,
    /// The link field's label.
    ShareLink,
    /// Copy.
    Copy,
    /// The embed heading.
    EmbedHeading,
    /// The embed's controls.
    ControlsShown,
    /// Autoplay checkbox.
    Autoplay,
    /// Show panels checkbox.
    ShowPanels,
    /// Theme select.
    Theme,
    /// Height field.
    Height,
    /// The snippet's label.
    EmbedCode,
    /// What a host page can send.
    HostHint,
    /// Cancel long work.
    Cancel,
    /// Theme: follow the system.
    ThemeAuto,
    /// Theme: light.
    ThemeLight,
    /// Theme: dark.
    ThemeDark,
}

impl PageLabel {
    /// Every label, for tests that walk them all.
    pub const ALL: [PageLabel; 24] = [
        PageLabel::Lessons,
        PageLabel::PreviousStep,
        PageLabel::StepWord,
        PageLabel::NextStep,
        PageLabel::FreePlay,
        PageLabel::StepChecks,
        PageLabel::FreePlayNote,
        PageLabel::ShareAndEmbed,
        PageLabel::LinkHint,
        PageLabel::MakeLink,
        PageLabel::ShareLink,
        PageLabel::Copy,
        PageLabel::EmbedHeading,
        PageLabel::ControlsShown,
        PageLabel::Autoplay,
        PageLabel::ShowPanels,
        PageLabel::Theme,
        PageLabel::Height,
        PageLabel::EmbedCode,
        PageLabel::HostHint,
        PageLabel::Cancel,
        PageLabel::ThemeAuto,
        PageLabel::ThemeLight,
        PageLabel::ThemeDark,
    ];

    /// The label in `lang`.
    #[must_use]
    pub fn say(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en(),
            Lang::Ko => self.ko(),
        }
    }

    /// In English.
    #[must_use]
    pub fn en(self) -> &'static str {
        match self {
            PageLabel::Lessons => "Lessons",
            PageLabel::PreviousStep => "‹ Previous",
            PageLabel::StepWord => "Step",
            PageLabel::NextStep => "Next ›",
            PageLabel::FreePlay => "Free play",
            PageLabel::StepChecks => "What this step checks",
            PageLabel::FreePlayNote => "Free play. Returning rebuilds the lesson's history at its step.",
            PageLabel::ShareAndEmbed => "Share and embed",
            PageLabel::LinkHint => "The link holds the cluster's setup, every command given so far and the current time, compressed: whoever opens it sees exactly this picture.",
            PageLabel::MakeLink => "Make a link to this moment",
            PageLabel::ShareLink => "Share link",
            PageLabel::Copy => "Copy",
            PageLabel::EmbedHeading => "Embed in a post (iframe)",
            PageLabel::ControlsShown => "Controls shown",
            PageLabel::Autoplay => " autoplay",
            PageLabel::ShowPanels => " show panels",
            PageLabel::Theme => "theme ",
            PageLabel::Height => "height ",
            PageLabel::EmbedCode => "Embed code",
            PageLabel::HostHint => "The host page can send play, pause, step and seek with postMessage (docs/embedding.md).",
            PageLabel::Cancel => "Cancel",
            PageLabel::ThemeAuto => "auto",
            PageLabel::ThemeLight => "light",
            PageLabel::ThemeDark => "dark",
        }
    }

    /// In Korean.
    #[must_use]
    pub fn ko(self) -> &'static str {
        match self {
            PageLabel::Lessons => "레슨",
            PageLabel::PreviousStep => "‹ 이전 단계",
            PageLabel::StepWord => "단계",
            PageLabel::NextStep => "다음 단계 ›",
            PageLabel::FreePlay => "자유롭게 해 보기",
            PageLabel::StepChecks => "이 단계에서 확인하는 것",
            PageLabel::FreePlayNote => "자유 모드입니다. 레슨으로 돌아가면 레슨의 기록이 다시 만들어집니다.",
            PageLabel::ShareAndEmbed => "공유와 삽입",
            PageLabel::LinkHint => "링크에는 클러스터 설정, 지금까지 내린 모든 명령과 현재 시각이 압축되어 들어갑니다. 링크를 연 사람은 똑같은 장면을 봅니다.",
            PageLabel::MakeLink => "지금 이 순간의 링크 만들기",
            PageLabel::ShareLink => "공유 링크",
            PageLabel::Copy => "복사",
            PageLabel::EmbedHeading => "블로그에 삽입 (iframe)",
            PageLabel::ControlsShown => "보여 줄 조작",
            PageLabel::Autoplay => " 자동 재생",
            PageLabel::ShowPanels => " 패널 보이기",
            PageLabel::Theme => "테마 ",
            PageLabel::Height => "높이 ",
            PageLabel::EmbedCode => "삽입 코드",
            PageLabel::HostHint => "호스트 페이지는 postMessage로 재생, 일시정지, 한 단계, 이동을 보낼 수 있습니다 (docs/embedding.md).",
            PageLabel::Cancel => "취소",
            PageLabel::ThemeAuto => "시스템 설정",
            PageLabel::ThemeLight => "밝게",
            PageLabel::ThemeDark => "어둡게",
        }
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
    /// Under a record's story cut short by its replay budget.
    StoryCut {
        /// Where it stops, ms.
        at_ms: u64,
    },
}

impl Say for PageLine {
    fn en(&self) -> String {
        match self {
            PageLine::StepOf { step, total } => format!("Step {step} of {total}"),
            PageLine::ReturnTo { title } => format!("Return to the lesson: {title}"),
            PageLine::StoryCut { at_ms } => format!(
                "The story stops at {}: following it further would take too long here. Move the timeline closer to see the rest.",
                format_time(*at_ms)
            ),
        }
    }

    fn ko(&self) -> String {
        match self {
            PageLine::StepOf { step, total } => format!("{step}/{total} 단계"),
            PageLine::ReturnTo { title } => format!("레슨으로 돌아가기: {title}"),
            PageLine::StoryCut { at_ms } => format!(
                "이야기는 {}에서 멈춥니다: 더 따라가려면 너무 오래 걸립니다. 나머지는 타임라인을 더 가까이 옮겨서 보세요.",
                format_time(*at_ms)
            ),
        }
    }
}
