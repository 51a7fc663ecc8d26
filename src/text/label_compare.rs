//! Fixed texts of the partitioner comparison, English and Korean side by
//! side (the strategies' names are in [`words::strategy`](super::words::strategy)).

use super::labels::labels;

labels! {
    /// Fixed texts of the partitioner comparison.
    CompareLabel {
        /// Section aria-label.
        Label => "Partitioners compared",
            "파티셔너 비교";
        /// Heading.
        Heading => "Partitioners side by side",
            "파티셔너 나란히 비교";
        /// Records select.
        Records => "records",
            "레코드 수";
        /// Null keys select.
        NullKeys => "null keys",
            "null 키 비율";
        /// Rate select.
        Rate => "rate",
            "초당 전송";
        /// Run button.
        Run => "Run comparison",
            "비교 실행";
        /// Hint before the first run.
        BeforeRun => "Run to stream the same records through each partitioner.",
            "실행하면 같은 레코드를 파티셔너마다 흘려 보냅니다.";
    }
}
