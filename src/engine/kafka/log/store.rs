//! How a replica's log holds the records it keeps in full: in chunks of
//! [`CHUNK_ENTRIES`] behind reference counts, so that a clone of the
//! simulation (a timeline checkpoint) shares every full chunk with the live
//! one and copies only the small open tail. A rare change to an older entry
//! (an acknowledgement, a tombstone's delete horizon) copies its chunk
//! first if it is shared (copy on write). Older records are folded into
//! counted runs ([`super::cold_run`]); when, the simulation decides.

use std::collections::VecDeque;
use std::sync::Arc;

use super::entry::LogEntry;

/// Entries per shared chunk: a clone of the simulation copies at most this
/// many entries per log (the open tail) and shares the rest.
pub const CHUNK_ENTRIES: usize = 32;

#[derive(Clone, Debug)]
struct Chunk {
    entries: Arc<Vec<LogEntry>>,
    /// Entries before this index have left the log (folded or deleted).
    start: usize,
}

impl Chunk {
    fn slice(&self) -> &[LogEntry] {
        &self.entries[self.start..]
    }
}

fn chunk_slice(chunk: &Chunk) -> &[LogEntry] {
    chunk.slice()
}

/// The entries held in full, oldest first: shared chunks and an owned tail.
#[derive(Clone, Debug, Default)]
pub(crate) struct HotEntries {
    chunks: VecDeque<Chunk>,
    tail: Vec<LogEntry>,
    len: usize,
}

impl PartialEq for HotEntries {
    fn eq(&self, other: &Self) -> bool {
        self.len == other.len && self.iter().eq(other.iter())
    }
}

/// Where an entry sits: a chunk index (`chunks.len()` for the tail) and
/// an index inside it.
type Cursor = (usize, usize);

impl HotEntries {
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    pub(crate) fn chunk_count(&self) -> usize {
        self.chunks.len()
    }

    pub(crate) fn tail_len(&self) -> usize {
        self.tail.len()
    }

    pub(crate) fn push(&mut self, entry: LogEntry) {
        if self.tail.capacity() == 0 {
            self.tail.reserve_exact(CHUNK_ENTRIES);
        }
        self.tail.push(entry);
        self.len += 1;
        if self.tail.len() >= CHUNK_ENTRIES {
            let full = std::mem::take(&mut self.tail);
            self.chunks.push_back(Chunk {
                entries: Arc::new(full),
                start: 0,
            });
        }
    }

    /// Every entry, oldest first.
    pub(crate) fn iter(&self) -> Entries<'_> {
        let none: &[LogEntry] = &[];
        Entries {
            inner: none
                .iter()
                .chain(
                    self.chunks
                        .iter()
                        .flat_map(chunk_slice as fn(&Chunk) -> &[LogEntry]),
                )
                .chain(self.tail.iter()),
            remaining: self.len,
        }
    }

    /// The first entry at or after `offset`.
    fn locate(&self, offset: u64) -> Cursor {
        let c = self
            .chunks
            .partition_point(|c| c.slice().last().is_some_and(|e| e.offset < offset));
        if let Some(chunk) = self.chunks.get(c) {
            (c, chunk.slice().partition_point(|e| e.offset < offset))
        } else {
            (c, self.tail.partition_point(|e| e.offset < offset))
        }
    }

    /// Entries from the first at or after `offset` on, oldest first.
    pub(crate) fn iter_from(&self, offset: u64) -> impl Iterator<Item = &LogEntry> {
        let (c, i) = self.locate(offset);
        let first: &[LogEntry] = match self.chunks.get(c) {
            Some(chunk) => &chunk.slice()[i..],
            None => &self.tail[i..],
        };
        let rest = self
            .chunks
            .range((c + 1).min(self.chunks.len())..)
            .flat_map(chunk_slice as fn(&Chunk) -> &[LogEntry]);
        let tail: &[LogEntry] = if c < self.chunks.len() {
            &self.tail
        } else {
            &[]
        };
        first.iter().chain(rest).chain(tail.iter())
    }

    /// The entry at exactly `offset`.
    pub(crate) fn get(&self, offset: u64) -> Option<&LogEntry> {
        self.iter_from(offset).next().filter(|e| e.offset == offset)
    }

    /// Applies `change` to every entry in `first..=last`, copying a shared
    /// chunk first (copy on write).
    pub(crate) fn update_range(
        &mut self,
        first: u64,
        last: u64,
        mut change: impl FnMut(&mut LogEntry),
    ) {
        let (mut c, mut i) = self.locate(first);
        loop {
            if c < self.chunks.len() {
                let chunk = &mut self.chunks[c];
                let start = chunk.start;
                let touches = chunk.slice()[i..].first().is_some_and(|e| e.offset <= last);
                if touches {
                    let entries = Arc::make_mut(&mut chunk.entries);
                    for e in entries[start + i..].iter_mut() {
                        if e.offset > last {
                            return;
                        }
                        change(e);
                    }
                } else {
                    return;
                }
                c += 1;
                i = 0;
            } else {
                for e in self.tail[i..].iter_mut() {
                    if e.offset > last {
                        return;
                    }
                    change(e);
                }
                return;
            }
        }
    }

    /// Removes the `n` oldest entries.
    pub(crate) fn drop_front(&mut self, mut n: usize) {
        n = n.min(self.len);
        self.len -= n;
        while n > 0 {
            let Some(chunk) = self.chunks.front_mut() else {
                self.tail.drain(..n);
                return;
            };
            let held = chunk.entries.len() - chunk.start;
            if n >= held {
                n -= held;
                self.chunks.pop_front();
            } else {
                chunk.start += n;
                n = 0;
            }
        }
    }

    /// How many entries lie below `offset`.
    pub(crate) fn count_below(&self, offset: u64) -> usize {
        let (c, i) = self.locate(offset);
        self.chunks
            .range(..c)
            .map(|c| c.slice().len())
            .sum::<usize>()
            + i
    }

    /// Removes every entry at or above `offset`; returns them, oldest first.
    pub(crate) fn split_off(&mut self, offset: u64) -> Vec<LogEntry> {
        let (c, i) = self.locate(offset);
        let mut removed = Vec::new();
        if c < self.chunks.len() {
            let later = self.chunks.split_off(c + 1);
            let chunk = self.chunks.pop_back().expect("located");
            let slice = chunk.slice();
            removed.extend_from_slice(&slice[i..]);
            for later in &later {
                removed.extend_from_slice(later.slice());
            }
            removed.append(&mut self.tail);
            let mut kept = Vec::with_capacity(CHUNK_ENTRIES);
            kept.extend_from_slice(&slice[..i]);
            self.tail = kept;
        } else {
            removed = self.tail.split_off(i);
        }
        self.len -= removed.len();
        removed
    }

    /// Takes every entry out, oldest first.
    pub(crate) fn take_all(&mut self) -> Vec<LogEntry> {
        let mut out = Vec::with_capacity(self.len);
        for chunk in std::mem::take(&mut self.chunks) {
            out.extend_from_slice(chunk.slice());
        }
        out.append(&mut self.tail);
        self.len = 0;
        out
    }
}

/// The entries held in full, oldest first (see [`super::log::ReplicaLog::entries`]).
pub struct Entries<'a> {
    #[allow(clippy::type_complexity)]
    inner: std::iter::Chain<
        std::iter::Chain<
            std::slice::Iter<'a, LogEntry>,
            std::iter::FlatMap<
                std::collections::vec_deque::Iter<'a, Chunk>,
                &'a [LogEntry],
                fn(&Chunk) -> &[LogEntry],
            >,
        >,
        std::slice::Iter<'a, LogEntry>,
    >,
    remaining: usize,
}

impl<'a> Iterator for Entries<'a> {
    type Item = &'a LogEntry;

    fn next(&mut self) -> Option<&'a LogEntry> {
        let e = self.inner.next()?;
        self.remaining -= 1;
        Some(e)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.remaining, Some(self.remaining))
    }
}

impl DoubleEndedIterator for Entries<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        let e = self.inner.next_back()?;
        self.remaining -= 1;
        Some(e)
    }
}

impl ExactSizeIterator for Entries<'_> {}
