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
/// Most engine steps a scenario run may take, a guard against a file whose
/// rates make simulated time expensive.
pub const MAX_ENGINE_STEPS: u64 = 20_000_000;
