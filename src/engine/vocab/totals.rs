//! Running totals of what the cluster did, for the picture and the tests.

/// Running totals, for the picture and the tests.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    /// Records created by producers.
    pub records_created: u64,
    /// Records appended by leaders.
    pub records_appended: u64,
    /// Records whose batch was acknowledged to the producer.
    pub records_acknowledged: u64,
    /// Records processed by consumers (all groups).
    pub records_consumed: u64,
    /// Records appended a second time by a retry without idempotence.
    pub records_duplicated: u64,
    /// Retried batches an idempotent leader recognised and did not append again.
    pub duplicates_ignored: u64,
    /// Batches sent again after a failed request.
    pub retries: u64,
    /// Records whose batch passed `delivery.timeout.ms` (failed to the application).
    pub records_expired: u64,
    /// Timer entries run so far (a measure of simulation work).
    pub steps: u64,
    /// Records lost for ever (the picture keeps the most recent with their
    /// reason: `Sim::lost_records`).
    pub records_lost: u64,
    /// Of those, records the producer had been told were written.
    pub acknowledged_lost: u64,
    /// Messages that never arrived.
    pub messages_dropped: u64,
}
