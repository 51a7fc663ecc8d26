//! Robustness of the scenario format, at CI size with fixed seeds: mutated
//! lessons (TOML and JSON) and randomly generated files get a clear error or
//! a run within the work budget, never a panic, and no message repeats more
//! than 200 characters of input. The figures are printed (`--nocapture`).
#![cfg(not(target_arch = "wasm32"))]

use std::panic::{catch_unwind, AssertUnwindSafe};

use kafkascope::scenario::lessons::LESSONS;
use kafkascope::scenario::parse::parse_toml_via_json;
use kafkascope::scenario::{Budget, Scenario, Syntax};
use kafkascope::text::{MAX_MESSAGE_CHARS, MAX_QUOTED_CHARS};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// The work a fuzzed run may take (small, so the harness stays fast in a
/// debug build; the real budget is 5,000,000).
const FUZZ_BUDGET: u64 = 20_000;
/// How far past its budget a run may go before the runner's next check.
const BUDGET_SLACK: u64 = 4_096 + 2_000;
/// A character no valid file contains, used to fill long strings so that
/// an echo of them can be found in a message.
const FILL: char = 'ж';

/// Numbers that break things: zero, signs, each integer type's edge, past it.
const EXTREMES: [&str; 22] = [
    "0",
    "1",
    "-1",
    "-2",
    "2",
    "13",
    "99",
    "100",
    "499",
    "65",
    "17",
    "3600000",
    "3600001",
    "2147483647",
    "2147483648",
    "4294967295",
    "4294967296",
    "9223372036854775807",
    "18446744073709551615",
    "99999999999999999999",
    "0.5",
    "1e308",
];

/// Keys of the format, for renaming mutations.
const KEYS: [&str; 16] = [
    "brokers",
    "partitions",
    "replication_factor",
    "records_per_sec",
    "advance_ms",
    "timeout_ms",
    "times",
    "total",
    "members",
    "heartbeat_interval_ms",
    "session_timeout_ms",
    "linger_ms",
    "network_latency_ms",
    "crash_broker",
    "produce",
    "broker_session_timeout_ms",
];

#[derive(Default)]
struct Tally {
    files: u64,
    toml: u64,
    json: u64,
    refused: u64,
    ran: u64,
    stopped_by_budget: u64,
    work: u64,
    longest_message: usize,
}

/// Checks one file: parsed and run under `catch_unwind`; a panic, a long
/// message or a run past its budget fails with the file (cut) in the message.
fn try_file(text: &str, syntax: Syntax, tally: &mut Tally) {
    tally.files += 1;
    match syntax {
        Syntax::Toml => tally.toml += 1,
        Syntax::Json => tally.json += 1,
    }
    let shown = || {
        let cut: String = text.chars().take(1_500).collect();
        format!("{cut}\n[{} bytes in all]", text.len())
    };
    let parsed = catch_unwind(AssertUnwindSafe(|| Scenario::parse(text, syntax)))
        .unwrap_or_else(|_| panic!("parsing panicked on:\n{}", shown()));
    if syntax == Syntax::Toml {
        // The web app's reader (basic-toml, then JSON) must accept and refuse
        // the same files, and read the same model.
        let web = catch_unwind(AssertUnwindSafe(|| {
            parse_toml_via_json(text).and_then(Scenario::from_file)
        }))
        .unwrap_or_else(|_| panic!("the web reader panicked on:\n{}", shown()));
        match (&parsed, &web) {
            (Ok(native), Ok(web)) => assert_eq!(native.file(), web.file(), "{}", shown()),
            (Err(_), Err(web)) => check_message(&web.to_string(), &shown),
            (Ok(_), Err(e)) => panic!("only the native reader accepts ({e}):\n{}", shown()),
            (Err(e), Ok(_)) => panic!("only the web reader accepts ({e}):\n{}", shown()),
        }
    }
    match parsed {
        Err(e) => {
            tally.refused += 1;
            let m = e.to_string();
            if std::env::var_os("FUZZ_SHOW").is_some() {
                eprintln!("refused: {}", m.chars().take(160).collect::<String>());
            }
            check_message(&m, &shown);
            tally.longest_message = tally.longest_message.max(m.chars().count());
        }
        Ok(scenario) => {
            tally.ran += 1;
            let (report, _, _) = catch_unwind(AssertUnwindSafe(|| {
                scenario.execute_within(false, Budget { work: FUZZ_BUDGET })
            }))
            .unwrap_or_else(|_| panic!("running panicked on:\n{}", shown()));
            assert!(
                report.work <= FUZZ_BUDGET + BUDGET_SLACK,
                "{} units of work, budget {FUZZ_BUDGET}:\n{}",
                report.work,
                shown()
            );
            tally.work += report.work;
            if let Some(why) = &report.stopped {
                if why.contains("budget") {
                    tally.stopped_by_budget += 1;
                }
            }
            let rendered = report.render(true);
            for line in rendered.lines() {
                check_message(line, &shown);
            }
        }
    }
}

/// A message is short, and repeats no more than 200 characters of a long
/// string of the file.
fn check_message(m: &str, shown: &dyn Fn() -> String) {
    let chars = m.chars().count();
    assert!(
        chars <= 2 * MAX_MESSAGE_CHARS + 50,
        "a message of {chars} characters for:\n{}",
        shown()
    );
    let mut run = 0;
    for c in m.chars() {
        run = if c == FILL { run + 1 } else { 0 };
        assert!(
            run <= MAX_QUOTED_CHARS,
            "a message repeats more than {MAX_QUOTED_CHARS} characters of input: {}…\nfor:\n{}",
            m.chars().take(300).collect::<String>(),
            shown()
        );
    }
}

/// Byte ranges found by a tiny scanner: numbers
/// (`0-9` runs, with a leading `-`) or double-quoted strings.
fn spans(text: &str, numbers: bool) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if numbers
            && (b[i].is_ascii_digit()
                || (b[i] == b'-' && b.get(i + 1).is_some_and(u8::is_ascii_digit)))
        {
            let start = i;
            i += 1;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            out.push((start, i));
        } else if !numbers && b[i] == b'"' {
            let start = i + 1;
            i += 1;
            while i < b.len() && b[i] != b'"' && b[i] != b'\n' {
                i += 1;
            }
            out.push((start, i.min(b.len())));
            i += 1;
        } else {
            i += 1;
        }
    }
    out
}

fn boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// One random change to the text.
fn mutate(text: &str, rng: &mut ChaCha8Rng) -> String {
    match rng.random_range(0..9) {
        0..=2 => {
            // A number becomes an extreme one.
            let nums = spans(text, true);
            if nums.is_empty() {
                return text.to_string();
            }
            let (a, b) = nums[rng.random_range(0..nums.len())];
            let v = if rng.random_bool(0.8) {
                EXTREMES[rng.random_range(0..EXTREMES.len())].to_string()
            } else {
                rng.random::<u64>().to_string()
            };
            format!("{}{v}{}", &text[..a], &text[b..])
        }
        3 => {
            // A string becomes long, empty or odd.
            let strs = spans(text, false);
            if strs.is_empty() {
                return text.to_string();
            }
            let (a, b) = strs[rng.random_range(0..strs.len())];
            let v = match rng.random_range(0..4) {
                0 => FILL.to_string().repeat(rng.random_range(201..40_000)),
                1 => String::new(),
                2 => "a b/c\\t".to_string(),
                _ => "orders-99".to_string(),
            };
            format!("{}{v}{}", &text[..a], &text[b..])
        }
        4 => {
            // A line goes, or comes twice.
            let lines: Vec<&str> = text.lines().collect();
            let i = rng.random_range(0..lines.len().max(1));
            let mut out: Vec<&str> = lines.clone();
            if rng.random_bool(0.5) {
                if i < out.len() {
                    out.remove(i);
                }
            } else if i < out.len() {
                out.insert(i, lines[i]);
            }
            out.join("\n")
        }
        5 => {
            // Two lines swap.
            let mut lines: Vec<&str> = text.lines().collect();
            if lines.len() > 1 {
                let (i, j) = (
                    rng.random_range(0..lines.len()),
                    rng.random_range(0..lines.len()),
                );
                lines.swap(i, j);
            }
            lines.join("\n")
        }
        6 => {
            // A key is renamed to another key of the format.
            let Some(pos) = text
                .match_indices(" = ")
                .map(|(i, _)| i)
                .nth(rng.random_range(0..40))
            else {
                return text.to_string();
            };
            let start = text[..pos]
                .char_indices()
                .rev()
                .find(|(_, c)| !c.is_ascii_alphanumeric() && *c != '_')
                .map_or(0, |(i, c)| i + c.len_utf8());
            let key = KEYS[rng.random_range(0..KEYS.len())];
            format!("{}{key}{}", &text[..start], &text[pos..])
        }
        7 => {
            // A random character goes in.
            let i = boundary(text, rng.random_range(0..=text.len()));
            let c = [
                b'{', b'}', b'[', b']', b'"', b'=', b',', b'\n', b'#', b'x', b'0',
            ][rng.random_range(0..11)] as char;
            format!("{}{c}{}", &text[..i], &text[i..])
        }
        _ => {
            // The text is cut short.
            let i = boundary(text, rng.random_range(0..=text.len()));
            text[..i].to_string()
        }
    }
}

/// A lesson in JSON (the same file, as `toml` reads it).
fn as_json(toml_text: &str) -> String {
    let value: toml::Value = toml::from_str(toml_text).expect("a lesson parses");
    serde_json::to_string_pretty(&value).expect("JSON")
}

/// A random file: cluster, topics, producers, groups and steps with values
/// inside and outside every range, names that exist and names that do not.
fn generate(rng: &mut ChaCha8Rng) -> String {
    let pick = |rng: &mut ChaCha8Rng, options: &[&str]| {
        options[rng.random_range(0..options.len())].to_string()
    };
    let num = |rng: &mut ChaCha8Rng, typical: &[&str]| -> String {
        if rng.random_bool(0.97) {
            typical[rng.random_range(0..typical.len())].to_string()
        } else {
            EXTREMES[rng.random_range(0..EXTREMES.len())].to_string()
        }
    };
    let mut f = format!(
        "version = 1\nseed = {}\ntitle.en = \"fuzz\"\n",
        rng.random::<u32>()
    );
    f.push_str(&format!(
        "[cluster]\nbrokers = {}\nnetwork_latency_ms = {}\n",
        num(rng, &["3", "4", "5"]),
        num(rng, &["1", "10", "100", "300"])
    ));
    if rng.random_bool(0.3) {
        f.push_str(&format!(
            "broker_session_timeout_ms = {}\n",
            num(rng, &["3000", "9000"])
        ));
    }
    if rng.random_bool(0.3) {
        f.push_str(&format!(
            "replica_lag_time_max_ms = {}\n",
            num(rng, &["500", "4000", "10000"])
        ));
    }
    let topics = ["orders", "clicks"];
    for t in topics.iter().take(if rng.random_bool(0.9) { 2 } else { 1 }) {
        f.push_str(&format!(
            "[[topics]]\nname = \"{t}\"\npartitions = {}\nreplication_factor = {}\nmin_insync_replicas = {}\n",
            num(rng, &["1", "2", "3", "6"]),
            num(rng, &["1", "2", "3"]),
            num(rng, &["1", "2"])
        ));
        if rng.random_bool(0.3) {
            f.push_str(&format!(
                "cleanup_policy = \"{}\"\nsegment_bytes = {}\nretention_ms = {}\n",
                pick(rng, &["compact", "delete", "compact,delete"]),
                num(rng, &["200", "600", "1048576"]),
                num(rng, &["-1", "60000", "604800000"])
            ));
        }
    }
    let producers = ["p", "q"];
    for p in producers.iter().take(rng.random_range(1..=2)) {
        f.push_str(&format!(
            "[[producers]]\nname = \"{p}\"\ntopic = \"{}\"\nrecords_per_sec = {}\nkeys = [\"a\", \"b\", \"c\"]\nacks = \"{}\"\nlinger_ms = {}\n",
            pick(rng, &topics),
            num(rng, &["0", "2", "10", "50", "500", "3000"]),
            pick(rng, &["0", "1", "all"]),
            num(rng, &["0", "5", "100"])
        ));
    }
    let groups = ["g", "h"];
    for g in groups.iter().take(rng.random_range(1..=2)) {
        f.push_str(&format!(
            "[[groups]]\ngroup_id = \"{g}\"\ntopic = \"{}\"\nmembers = {}\nprocessing_ms_per_record = {}\nauto_offset_reset = \"earliest\"\nsession_timeout_ms = {}\nheartbeat_interval_ms = {}\n",
            pick(rng, &topics),
            num(rng, &["0", "1", "2", "3"]),
            num(rng, &["1", "10", "200"]),
            num(rng, &["6000", "10000", "45000"]),
            num(rng, &["1000", "3000"])
        ));
    }
    for _ in 0..rng.random_range(0..6) {
        let mut actions = Vec::new();
        for _ in 0..rng.random_range(0..4) {
            let b = num(rng, &["1", "2", "3"]);
            actions.push(match rng.random_range(0..14) {
                0 | 1 => format!(
                    "{{ advance_ms = {} }}",
                    num(rng, &["100", "1000", "5000", "20000", "120000"])
                ),
                2 => format!(
                    "{{ produce = {{ producer = \"{}\", key = \"k\", value = \"v\", times = {} }} }}",
                    pick(rng, &producers),
                    num(rng, &["1", "3", "10"])
                ),
                3 => format!("{{ crash_broker = {b} }}"),
                4 => format!("{{ stop_broker = {b} }}"),
                5 => format!("{{ start_broker = {b} }}"),
                6 => format!(
                    "{{ set_rate = {{ producer = \"{}\", records_per_sec = {} }} }}",
                    pick(rng, &producers),
                    num(rng, &["0", "5", "100"])
                ),
                7 => format!(
                    "{{ add_partitions = {{ topic = \"{}\", total = {} }} }}",
                    pick(rng, &topics),
                    num(rng, &["1", "4", "8"])
                ),
                8 => format!(
                    "{{ alter_topic_config = {{ topic = \"{}\", name = \"{}\", value = {} }} }}",
                    pick(rng, &topics),
                    pick(rng, &["retention.ms", "segment.bytes", "cleanup.policy", "min.cleanable.dirty.ratio", "retention.hours"]),
                    pick(rng, &["-2", "10", "\"compact\"", "0.5", "\"soon\"", "9223372036854775807"])
                ),
                9 => format!("{{ retention_check_interval_ms = {} }}", num(rng, &["100", "5000"])),
                10 => format!("{{ add_member = {{ group = \"{}\" }} }}", pick(rng, &groups)),
                11 => format!(
                    "{{ crash_member = {{ group = \"{}\", member = {} }} }}",
                    pick(rng, &groups),
                    num(rng, &["1", "2"])
                ),
                12 => format!(
                    "{{ slow_broker = {{ broker = {b}, extra_latency_ms = {} }} }}",
                    num(rng, &["0", "500"])
                ),
                _ => format!(
                    "{{ set_producer = {{ name = \"{}\", batch_size = {}, linger_ms = {} }} }}",
                    pick(rng, &producers),
                    num(rng, &["1", "16384"]),
                    num(rng, &["0", "5"])
                ),
            });
        }
        f.push_str(&format!("[[steps]]\ndo = [{}]\n", actions.join(", ")));
        if rng.random_bool(0.4) {
            f.push_str(&format!(
                "wait = {{ until = {{ isr_size = {{ partition = \"{}-0\", is = {{ at_most = 2 }} }} }}, timeout_ms = {} }}\n",
                pick(rng, &topics),
                num(rng, &["1000", "15000"])
            ));
        }
        if rng.random_bool(0.5) {
            f.push_str(&format!(
                "expect = [{{ high_watermark = {{ partition = \"{}-0\", is = {{ at_least = 0 }} }} }}, {{ lag = {{ group = \"{}\", is = {{ at_most = 1000 }} }} }}]\n",
                pick(rng, &topics),
                pick(rng, &groups)
            ));
        }
    }
    f
}

#[test]
fn fuzzed_files_get_a_clear_error_or_a_run_within_budget() {
    let mutated_per_lesson: usize = std::env::var("FUZZ_FILES_PER_LESSON")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(48);
    let generated: usize = std::env::var("FUZZ_GENERATED_FILES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(600);
    let started = std::time::Instant::now();
    let mut rng = ChaCha8Rng::seed_from_u64(11);
    let mut tally = Tally::default();
    for lesson in LESSONS {
        let json = as_json(lesson.toml);
        try_file(&json, Syntax::Json, &mut tally);
        for i in 0..mutated_per_lesson {
            let (base, syntax) = if i % 3 == 2 {
                (json.as_str(), Syntax::Json)
            } else {
                (lesson.toml, Syntax::Toml)
            };
            let mut text = base.to_string();
            for _ in 0..rng.random_range(1..=3) {
                text = mutate(&text, &mut rng);
            }
            try_file(&text, syntax, &mut tally);
        }
    }
    for _ in 0..generated {
        let text = generate(&mut rng);
        try_file(&text, Syntax::Toml, &mut tally);
        let mutated = mutate(&text, &mut rng);
        try_file(&mutated, Syntax::Toml, &mut tally);
    }
    eprintln!(
        "scenario fuzz: {} files ({} TOML, {} JSON): {} refused with a clear error (longest {} characters), {} ran ({} stopped by the {FUZZ_BUDGET}-unit budget, {} units of work in all); no panic; {:.1} s",
        tally.files,
        tally.toml,
        tally.json,
        tally.refused,
        tally.longest_message,
        tally.ran,
        tally.stopped_by_budget,
        tally.work,
        started.elapsed().as_secs_f64()
    );
    assert!(
        tally.ran > tally.files / 10,
        "the generator reaches the runner"
    );
    assert!(
        tally.refused > tally.files / 10,
        "the mutations reach the checks"
    );
}
