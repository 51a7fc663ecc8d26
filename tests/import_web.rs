//! The import in WebAssembly (headless Chromium, wasm-bindgen-test): the
//! corpus reads to the same models as natively (their 4.x prints are the
//! files' own bytes, and every print reads back), and a bad paste is refused
//! with the same words.
#![cfg(target_arch = "wasm32")]

use kafkascope::import::{parse, print_4x};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const CORPUS: [(&str, &str); 6] = [
    (
        "topics-describe-2.8.txt",
        include_str!("import/topics-describe-2.8.txt"),
    ),
    (
        "topics-describe-4.1.txt",
        include_str!("import/topics-describe-4.1.txt"),
    ),
    (
        "groups-describe-3.9.txt",
        include_str!("import/groups-describe-3.9.txt"),
    ),
    (
        "groups-members-verbose-2.8.txt",
        include_str!("import/groups-members-verbose-2.8.txt"),
    ),
    (
        "groups-state-verbose-4.1.txt",
        include_str!("import/groups-state-verbose-4.1.txt"),
    ),
    (
        "session-4.1-windows-terminal.txt",
        include_str!("import/session-4.1-windows-terminal.txt"),
    ),
];

#[wasm_bindgen_test]
fn the_corpus_reads_and_round_trips_in_wasm() {
    for (name, text) in CORPUS {
        let first = parse(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let printed = print_4x(&first.cluster);
        let again = parse(&printed).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(again.cluster, first.cluster, "{name}");
    }
    // Kafka 4.x's own layout prints back byte for byte, as natively.
    for (name, text) in [CORPUS[1], CORPUS[4]] {
        assert_eq!(print_4x(&parse(text).unwrap().cluster), text, "{name}");
    }
    let session = parse(CORPUS[5].1).unwrap();
    assert_eq!(session.cluster.topics.len(), 2);
    assert_eq!(session.cluster.groups.len(), 3);
    assert_eq!(session.notes.len(), 6);
}

#[wasm_bindgen_test]
fn a_bad_paste_is_refused_in_the_same_words() {
    let text = CORPUS[1].1.replacen(
        "Leader: 2\tReplicas: 2,3,1",
        "Leader: 4\tReplicas: 2,3,1",
        1,
    );
    let e = parse(&text).unwrap_err();
    assert_eq!(
        e.to_string(),
        "Nothing was imported: 1 problem.\nline 3: kafka-topics: topic `orders` partition 1: leader 4 is not one of the replicas 2,3,1\n    | →Topic: orders→Partition: 1→Leader: 4→Replicas: 2,3,1→Isr: 2,3→Elr: →LastKnownElr: "
    );
}
