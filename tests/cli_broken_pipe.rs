//! The command-line tool writes into a pipe whose reader has gone (as
//! `kafkascope run --events | head` leaves it) without aborting: Rust's
//! `println!` panics with "failed printing to stdout: Broken pipe" there.
#![cfg(not(target_arch = "wasm32"))]

use std::process::{Command, Stdio};

/// Runs the binary with `args`, its standard output a pipe closed before
/// it writes; returns its exit code and standard error.
fn run_into_closed_pipe(args: &[&str]) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kafkascope"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    // Close the read end at once: every write gets EPIPE.
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("the binary ends");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn run_with_events_into_a_closed_pipe_exits_quietly() {
    // An hour of events is far more than a pipe's buffer holds.
    let (code, stderr) = run_into_closed_pipe(&["run", "--seconds", "3600", "--events"]);
    assert_eq!(code, Some(0), "stderr: {stderr}");
    assert!(!stderr.contains("Broken pipe"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn schema_and_check_into_a_closed_pipe_exit_quietly() {
    for args in [&["schema"][..], &["check", "--events", "lesson:basics"][..]] {
        let (code, stderr) = run_into_closed_pipe(args);
        assert_eq!(code, Some(0), "{args:?}: {stderr}");
        assert!(stderr.is_empty(), "{args:?}: {stderr}");
    }
}
