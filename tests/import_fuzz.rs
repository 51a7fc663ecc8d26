//! Robustness of the import, with a fixed seed and a bounded time: the
//! corpus, mutated at random (characters, numbers, labels, lines, spaces and
//! tabs), is read without a panic; a refusal quotes at most 200 characters
//! of a line; and whatever is accepted prints back in the 4.x formats and
//! reads again to the same model. The figures are printed (`--nocapture`).
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::time::{Duration, Instant};

use kafkascope::import::limits::{MAX_ERRORS, MAX_NOTES};
use kafkascope::import::{parse, print_4x};
use kafkascope::text::quote::{MAX_MESSAGE_CHARS, MAX_QUOTED_CHARS};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

const SEED: u64 = 18;
/// Most mutated inputs.
const CASES: u32 = 6_000;
/// Stop earlier than that after this long (a slow debug build on a busy machine).
const TIME_BUDGET: Duration = Duration::from_secs(25);

/// Pieces that mean something to one of the formats.
const TOKENS: [&str; 40] = [
    "Topic: ",
    "Partition: ",
    "Leader: ",
    "Replicas: ",
    "Isr: ",
    "Elr: ",
    "LastKnownElr: ",
    "Adding Replicas: ",
    "Configs: ",
    "PartitionCount: ",
    "MarkedForDeletion: true",
    "none",
    "N/A",
    "\t",
    "  ",
    ",",
    "-",
    "(",
    ")",
    ":",
    ";",
    "=",
    "\n",
    "\r\n",
    "\r",
    "GROUP ",
    "COORDINATOR (ID) ",
    "CLIENT-ID",
    "#PARTITIONS",
    " (7)",
    "Dynamic configs for topic orders are:\n",
    " sensitive=true synonyms={",
    "Consumer group 'billing' has no active members.\n",
    "$ ",
    "ж",
    "🙂",
    "\u{a0}",
    "\u{301}",
    "WARN ",
    "\u{feff}",
];

/// Numbers at the edges of the types the formats use.
const NUMBERS: [&str; 14] = [
    "0",
    "1",
    "-1",
    "63",
    "64",
    "65",
    "2147483647",
    "2147483648",
    "4294967296",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775808",
    "99999999999999999999",
    "007",
];

fn corpus() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/import");
    let mut files: Vec<(String, String)> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

fn char_boundary(text: &str, rng: &mut ChaCha8Rng) -> usize {
    if text.is_empty() {
        return 0;
    }
    let mut i = rng.random_range(0..=text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn mutate(text: &mut String, rng: &mut ChaCha8Rng) {
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    let n = lines.len();
    match rng.random_range(0..11u32) {
        0 => {
            let a = char_boundary(text, rng);
            let mut b = (a + rng.random_range(1..40usize)).min(text.len());
            while !text.is_char_boundary(b) {
                b -= 1;
            }
            text.replace_range(a..b, "");
            return;
        }
        1 => {
            let a = char_boundary(text, rng);
            text.truncate(a);
            return;
        }
        2 => {
            let a = char_boundary(text, rng);
            text.insert_str(a, TOKENS[rng.random_range(0..TOKENS.len())]);
            return;
        }
        3 => {
            // A run of digits becomes an edge number.
            let starts: Vec<usize> = text
                .char_indices()
                .filter(|(i, c)| {
                    c.is_ascii_digit() && (*i == 0 || !text.as_bytes()[i - 1].is_ascii_digit())
                })
                .map(|(i, _)| i)
                .collect();
            if starts.is_empty() {
                return;
            }
            let a = starts[rng.random_range(0..starts.len())];
            let b = a + text[a..].bytes().take_while(u8::is_ascii_digit).count();
            text.replace_range(a..b, NUMBERS[rng.random_range(0..NUMBERS.len())]);
            return;
        }
        4 => {
            let i = rng.random_range(0..n);
            let l = lines[i].clone();
            lines.insert(i, l);
        }
        5 => {
            let (i, j) = (rng.random_range(0..n), rng.random_range(0..n));
            lines.swap(i, j);
        }
        6 => {
            lines.remove(rng.random_range(0..n));
        }
        7 => {
            let i = rng.random_range(0..n);
            lines[i] = if lines[i].contains('\t') {
                lines[i].replace('\t', "    ")
            } else {
                lines[i].replace("  ", "\t")
            };
        }
        8 => {
            if n > 1 {
                let i = rng.random_range(0..n - 1);
                let next = lines.remove(i + 1);
                lines[i].push_str(&next);
            }
        }
        9 => {
            // Squeeze every run of spaces in a line to one.
            let i = rng.random_range(0..n);
            lines[i] = lines[i]
                .split(' ')
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
        }
        _ => {
            let i = rng.random_range(0..n);
            let c = char::from(rng.random_range(0x20..0x7fu8));
            let a = char_boundary(&lines[i], rng);
            lines[i].insert(a, c);
        }
    }
    *text = lines.join("\n");
}

#[derive(Default, Debug)]
struct Tally {
    cases: u32,
    accepted: u32,
    refused: u32,
    errors: u64,
    longest_message: usize,
}

#[test]
fn mutated_corpus_never_panics_and_what_is_accepted_round_trips() {
    let files = corpus();
    let mut rng = ChaCha8Rng::seed_from_u64(SEED);
    let mut tally = Tally::default();
    let start = Instant::now();
    while tally.cases < CASES && start.elapsed() < TIME_BUDGET {
        let (name, base) = &files[rng.random_range(0..files.len())];
        let mut text = base.clone();
        if rng.random_bool(0.2) {
            // Two outputs pasted together.
            text.push_str(&files[rng.random_range(0..files.len())].1);
        }
        for _ in 0..rng.random_range(1..5u32) {
            mutate(&mut text, &mut rng);
        }
        tally.cases += 1;
        let outcome = catch_unwind(AssertUnwindSafe(|| parse(&text)));
        let result = outcome.unwrap_or_else(|_| {
            panic!(
                "panic (seed {SEED}, case {}, from {name}) on:\n{text}",
                tally.cases
            )
        });
        match result {
            Ok(imported) => {
                tally.accepted += 1;
                assert!(imported.notes.len() <= MAX_NOTES);
                let printed = print_4x(&imported.cluster);
                let again = parse(&printed).unwrap_or_else(|e| {
                    panic!("case {} from {name}: accepted\n{text}\nbut its print is refused:\n{printed}\n{e}", tally.cases)
                });
                assert_eq!(
                    again.cluster, imported.cluster,
                    "case {} from {name}: accepted\n{text}\nprinted\n{printed}",
                    tally.cases
                );
            }
            Err(rejected) => {
                tally.refused += 1;
                assert!(!rejected.errors.is_empty());
                assert!(rejected.errors.len() <= MAX_ERRORS);
                tally.errors += (rejected.errors.len() + rejected.errors_left_out) as u64;
                for p in rejected.errors.iter().chain(&rejected.notes) {
                    assert!(p.quote.chars().count() <= MAX_QUOTED_CHARS, "{p}");
                    assert!(p.message.chars().count() <= MAX_MESSAGE_CHARS, "{p}");
                    tally.longest_message = tally.longest_message.max(p.message.chars().count());
                }
            }
        }
    }
    println!(
        "import fuzz (seed {SEED}): {} cases in {:?}: {} accepted and round-tripped, {} refused ({} errors, longest message {} characters)",
        tally.cases,
        start.elapsed(),
        tally.accepted,
        tally.refused,
        tally.errors,
        tally.longest_message
    );
    assert!(tally.cases >= 500, "{tally:?}");
    assert!(tally.accepted > 0 && tally.refused > 0, "{tally:?}");
}
