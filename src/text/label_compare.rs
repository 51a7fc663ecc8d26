//! Fixed texts of the partitioner comparison, one exhaustive `match` per
//! language (the strategies' names are in [`words::strategy`](super::words::strategy)).

use super::lang::Lang;

/// Fixed texts of the partitioner comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompareLabel {
    /// Section aria-label.
    Label,
    /// Heading.
    Heading,
    /// Records select.
    Records,
    /// Null keys select.
    NullKeys,
    /// Rate select.
    Rate,
    /// Run button.
    Run,
    /// Hint before the first run.
    BeforeRun,
}

impl CompareLabel {
    /// Every label, for tests that walk them all.
    pub const ALL: [CompareLabel; 7] = [
        CompareLabel::Label,
        CompareLabel::Heading,
        CompareLabel::Records,
        CompareLabel::NullKeys,
        CompareLabel::Rate,
        CompareLabel::Run,
        CompareLabel::BeforeRun,
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
            CompareLabel::Label => "Partitioners compared",
            CompareLabel::Heading => "Partitioners side by side",
            CompareLabel::Records => "records",
            CompareLabel::NullKeys => "null keys",
            CompareLabel::Rate => "rate",
            CompareLabel::Run => "Run comparison",
            CompareLabel::BeforeRun => "Run to stream the same records through each partitioner.",
        }
    }

    /// In Korean.
    #[must_use]
    pub fn ko(self) -> &'static str {
        match self {
            CompareLabel::Label => "파티셔너 비교",
            CompareLabel::Heading => "파티셔너 나란히 비교",
            CompareLabel::Records => "레코드 수",
            CompareLabel::NullKeys => "null 키 비율",
            CompareLabel::Rate => "초당 전송",
            CompareLabel::Run => "비교 실행",
            CompareLabel::BeforeRun => "실행하면 같은 레코드를 파티셔너마다 흘려 보냅니다.",
        }
    }
}
