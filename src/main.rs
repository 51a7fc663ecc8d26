//! The `kafkascope` binary. In the browser (wasm32) it mounts the app; natively
//! it runs a built-in scenario headless and prints the cluster as text
//! (`run`), checks scenario files (`check`), or prints the scenario JSON
//! Schema (`schema`).

#[cfg(target_arch = "wasm32")]
fn main() {
    kafkascope::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let code = native::run(std::env::args().skip(1).collect()).unwrap_or_else(native::gone);
    std::process::exit(code);
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use kafkascope::engine::scenarios::{default_scenario, retention_scenario, stress_scenario};
    use kafkascope::engine::Sim;

    use kafkascope::scenario::limits::MAX_FILE_BYTES;
    use kafkascope::scenario::{Scenario, Syntax};
    use kafkascope::text::{quote_input as q, Describe};

    const USAGE: &str =
        "usage: kafkascope run [--scenario default|stress|retention] [--seconds N] [--events]\n\
        \x20      kafkascope check [--verbose] [--events] FILE...\n\
        \x20      kafkascope schema\n\
        run:    runs a built-in scenario headless for N simulated seconds (default 10)\n\
        \x20       and prints the cluster; --events also prints every event.\n\
        check:  parses each scenario file (TOML, or JSON for *.json; `lesson:ID` for a\n\
        \x20       built-in lesson), runs every step and checks every expectation;\n\
        \x20       --verbose lists passing checks too, --events every engine event;\n\
        \x20       exits 1 if any file fails, 2 on a usage error.\n\
        schema: prints the JSON Schema of the scenario format.";

    /// Standard output cannot be written any more (its reader closed the
    /// pipe, as `| head` does, or the disk is full): stop writing and stop
    /// working, instead of panicking with "failed printing to stdout".
    pub struct StdoutGone(std::io::Error);

    /// Writes to standard output, or says it is gone.
    fn out(args: std::fmt::Arguments) -> Result<(), StdoutGone> {
        use std::io::Write;
        let mut stdout = std::io::stdout().lock();
        stdout.write_fmt(args).map_err(StdoutGone)
    }

    /// Flushes standard output (the last line may lack a newline).
    fn flush() -> Result<(), StdoutGone> {
        use std::io::Write;
        std::io::stdout().lock().flush().map_err(StdoutGone)
    }

    /// `print!` that returns `StdoutGone` from the calling function.
    macro_rules! outp {
        ($($t:tt)*) => { out(format_args!($($t)*))? };
    }

    /// `println!` that returns `StdoutGone` from the calling function.
    macro_rules! outln {
        ($($t:tt)*) => { out(format_args!("{}\n", format_args!($($t)*)))? };
    }

    /// The exit status when standard output went away: 0 and nothing said
    /// for a closed pipe (its reader had what it wanted), 1 and the reason
    /// on standard error otherwise.
    pub fn gone(StdoutGone(e): StdoutGone) -> i32 {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            0
        } else {
            eprintln!("cannot write to standard output: {e}");
            1
        }
    }

    /// A scenario file's text, read no further than the format's size
    /// limit (a file of gigabytes is refused without being read).
    fn read_bounded(path: &str) -> Result<String, String> {
        use std::io::Read;
        let file = std::fs::File::open(path).map_err(|e| format!("cannot read it: {e}"))?;
        let mut bytes = Vec::new();
        file.take(MAX_FILE_BYTES as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read it: {e}"))?;
        if bytes.len() > MAX_FILE_BYTES {
            return Err(format!(
                "file: limit: the file has more than {MAX_FILE_BYTES} bytes; a scenario file may have at most {MAX_FILE_BYTES}"
            ));
        }
        String::from_utf8(bytes).map_err(|e| format!("cannot read it: it is not UTF-8 ({e})"))
    }

    /// `kafkascope check FILE...`: 0 when every file passes, 1 otherwise.
    fn check(args: &[String]) -> Result<i32, StdoutGone> {
        let verbose = args.iter().any(|a| a == "--verbose" || a == "-v");
        let events = args.iter().any(|a| a == "--events");
        let files: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
        if let Some(bad) = args
            .iter()
            .find(|a| a.starts_with('-') && !matches!(a.as_str(), "--verbose" | "-v" | "--events"))
        {
            eprintln!("unknown option {:?}\n{USAGE}", q(bad));
            return Ok(2);
        }
        if files.is_empty() {
            eprintln!("check needs at least one file\n{USAGE}");
            return Ok(2);
        }
        let mut failed = 0;
        for name in &files {
            let shown = q(name);
            let (text, syntax) = if let Some(id) = name.strip_prefix("lesson:") {
                match kafkascope::scenario::lessons::lesson(id) {
                    Some(l) => (l.toml.to_string(), Syntax::Toml),
                    None => {
                        outln!("{shown}: FAIL\n  no built-in lesson {}", q(id));
                        failed += 1;
                        continue;
                    }
                }
            } else {
                match read_bounded(name) {
                    Ok(text) => {
                        let syntax = Syntax::guess(Some(name), &text);
                        (text, syntax)
                    }
                    Err(why) => {
                        outln!("{shown}: FAIL\n  {why}");
                        failed += 1;
                        continue;
                    }
                }
            };
            let scenario = match Scenario::parse(&text, syntax) {
                Ok(s) => s,
                Err(e) => {
                    outln!("{shown}: FAIL\n  {e}");
                    failed += 1;
                    continue;
                }
            };
            let (report, _, log) = scenario.execute_logged(events);
            for line in &log {
                outln!("{line}");
            }
            let verdict = if report.passed() { "ok" } else { "FAIL" };
            outln!(
                "{shown}: {verdict} \"{}\" ({} steps, {} checks, {} failed, {:.1} s simulated)",
                q(&report.title),
                report.steps.len(),
                report.checked(),
                report.failed(),
                report.end_ms as f64 / 1000.0
            );
            outp!("{}", report.render(verbose));
            if !report.passed() {
                failed += 1;
            }
        }
        outln!(
            "{} file(s) checked, {} passed, {failed} failed",
            files.len(),
            files.len() - failed
        );
        flush()?;
        Ok(i32::from(failed > 0))
    }

    pub fn run(args: Vec<String>) -> Result<i32, StdoutGone> {
        let mut scenario = "default".to_string();
        let mut seconds: u64 = 10;
        let mut events = false;
        let mut it = args.iter();
        match it.next().map(String::as_str) {
            Some("run") => {}
            Some("check") => return check(&args[1..]),
            Some("schema") => {
                outp!("{}", kafkascope::scenario::schema::json_schema());
                flush()?;
                return Ok(0);
            }
            Some("-h" | "--help") | None => {
                outln!("{USAGE}");
                return Ok(0);
            }
            Some(other) => {
                eprintln!("unknown command {:?}\n{USAGE}", q(other));
                return Ok(2);
            }
        }
        while let Some(arg) = it.next() {
            match arg.as_str() {
                "--scenario" => scenario = it.next().cloned().unwrap_or_default(),
                "--seconds" => match it.next().and_then(|s| s.parse().ok()) {
                    Some(s) if s <= 86_400 => seconds = s,
                    _ => {
                        eprintln!("--seconds takes a whole number from 0 to 86400");
                        return Ok(2);
                    }
                },
                "--events" => events = true,
                other => {
                    eprintln!("unknown option {:?}\n{USAGE}", q(other));
                    return Ok(2);
                }
            }
        }
        let config = match scenario.as_str() {
            "default" => default_scenario(),
            "stress" => stress_scenario(),
            "retention" => retention_scenario(),
            other => {
                eprintln!(
                    "unknown scenario {:?}: built-in ones are default, stress, retention",
                    q(other)
                );
                return Ok(2);
            }
        };
        let mut sim = match Sim::new(config) {
            Ok(sim) => sim,
            Err(refusal) => {
                eprintln!("{refusal}");
                return Ok(1);
            }
        };
        let end = seconds * 1000;
        while sim.now_ms() < end {
            let next = (sim.now_ms() + 1000).min(end);
            sim.advance_to(next);
            let batch = sim.take_events();
            if events {
                for e in &batch {
                    outln!("{:>8} ms  {}", e.at_ms, sim.describe(e));
                }
            }
        }
        outp!("{sim}");
        flush()?;
        Ok(0)
    }
}
