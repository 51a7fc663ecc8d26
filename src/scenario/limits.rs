//! Limits on what a scenario file may ask for, on top of the engine's own
//! (`crate::engine::limits`: brokers, partitions, topics, rates…), so that
//! no file can make a reader's browser or an author's CI run out of memory
//! or time.

/// Largest file, bytes.
pub const MAX_FILE_BYTES: usize = 256 * 1024;
/// Most steps.
pub const MAX_STEPS: usize = 200;
/// Most actions in one step.
pub const MAX_ACTIONS_PER_STEP: usize = 50;
/// Most things one step points at (`focus`).
pub const MAX_FOCUS_PER_STEP: usize = 16;
/// Most expectations in one step.
pub const MAX_CHECKS_PER_STEP: usize = 50;
/// Longest narration, title or summary text in one language, bytes.
pub const MAX_TEXT_BYTES: usize = 8 * 1024;
/// Longest simulated time a scenario may cover (advances plus waits), ms:
/// one hour, the span the timeline seeks through instantly.
pub const MAX_SIMULATED_MS: u64 = 3_600_000;
/// Most records one `produce` action may send (`times`).
pub const MAX_PRODUCE_TIMES: u32 = 1_000;
/// Most engine commands a scenario may give (the timeline's own limit).
pub const MAX_COMMANDS: usize = crate::timeline::MAX_COMMANDS;
/// Most work one run may take, in units of work: engine steps (each piece
/// of timed work the engine runs) plus wait checks (each time a `wait`
/// condition is evaluated). Estimated from the file before the run
/// ([`super::cost`]) and measured during it; about 5 s of a release build's time at most.
pub const MAX_WORK: u64 = 5_000_000;
/// Most record copies a run may keep (records × replication factor), as
/// estimated from the file: a bound on its memory (about 200 bytes a copy
/// today, so about 200 MB).
pub const MAX_RECORD_COPIES: u64 = 1_000_000;
