//! The `kafkascope` binary. In the browser (wasm32) it mounts the app; natively
//! it runs a built-in scenario headless and prints the cluster as text.

#[cfg(target_arch = "wasm32")]
fn main() {
    kafkascope::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(native::run(std::env::args().skip(1).collect()));
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use kafkascope::engine::scenarios::{default_scenario, retention_scenario, stress_scenario};
    use kafkascope::engine::Sim;

    const USAGE: &str =
        "usage: kafkascope run [--scenario default|stress|retention] [--seconds N] [--events]\n\
        Runs a built-in scenario headless for N simulated seconds (default 10) and\n\
        prints the cluster; --events also prints every event.";

    pub fn run(args: Vec<String>) -> i32 {
        let mut scenario = "default".to_string();
        let mut seconds: u64 = 10;
        let mut events = false;
        let mut it = args.iter();
        match it.next().map(String::as_str) {
            Some("run") => {}
            Some("-h" | "--help") | None => {
                println!("{USAGE}");
                return 0;
            }
            Some(other) => {
                eprintln!("unknown command {other:?}\n{USAGE}");
                return 2;
            }
        }
        while let Some(arg) = it.next() {
            match arg.as_str() {
                "--scenario" => scenario = it.next().cloned().unwrap_or_default(),
                "--seconds" => match it.next().and_then(|s| s.parse().ok()) {
                    Some(s) if s <= 86_400 => seconds = s,
                    _ => {
                        eprintln!("--seconds takes a whole number from 0 to 86400");
                        return 2;
                    }
                },
                "--events" => events = true,
                other => {
                    eprintln!("unknown option {other:?}\n{USAGE}");
                    return 2;
                }
            }
        }
        let config = match scenario.as_str() {
            "default" => default_scenario(),
            "stress" => stress_scenario(),
            "retention" => retention_scenario(),
            other => {
                eprintln!(
                    "unknown scenario {other:?}: built-in ones are default, stress, retention"
                );
                return 2;
            }
        };
        let mut sim = match Sim::new(config) {
            Ok(sim) => sim,
            Err(refusal) => {
                eprintln!("{refusal}");
                return 1;
            }
        };
        let end = seconds * 1000;
        while sim.now_ms() < end {
            let next = (sim.now_ms() + 1000).min(end);
            sim.advance_to(next);
            let batch = sim.take_events();
            if events {
                for e in &batch {
                    println!("{:>8} ms  {}", e.at_ms, sim.describe(e));
                }
            }
        }
        print!("{sim}");
        0
    }
}
