//! Running a prepared job's replications over several threads. Replications are
//! deterministic by index and aggregates merge exactly in any order, so the threads take
//! chunks of the replications as they come free (guided: chunks shrink towards the end, so
//! the threads finish together, as the browser's workers do) and the merged aggregate is
//! exactly what one thread gives. The calling thread draws the progress bar meanwhile.

use std::ops::Range;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Mutex;

use engine::aggregate::Aggregate;
use engine::runner::PreparedJob;

use crate::progress::{Bar, REFRESH};

/// Largest chunk a thread takes at once.
const MAX_CHUNK: u32 = 2000;

/// Hands out replications `0..total` in chunks.
struct Chunks {
    next: Mutex<u32>,
    total: u32,
    threads: u32,
}

impl Chunks {
    /// The next chunk: a third of each thread's share of what is left (1 to `MAX_CHUNK`).
    fn take(&self) -> Option<Range<u32>> {
        let mut next = self.next.lock().ok()?;
        let a = *next;
        if a >= self.total {
            return None;
        }
        let size = (self.total - a)
            .div_ceil(self.threads * 3)
            .clamp(1, MAX_CHUNK);
        *next = a + size.min(self.total - a);
        Some(a..*next)
    }
}

/// Every replication of `job` on `threads` threads (at most one per replication), with the
/// progress bar; `None` when `stop` was raised before the end.
pub fn run(job: &PreparedJob, threads: usize, stop: &AtomicBool) -> Option<Aggregate> {
    let total = job.settings.replications;
    let threads = threads.clamp(1, total.max(1) as usize);
    let chunks = Chunks {
        next: Mutex::new(0),
        total,
        threads: threads as u32,
    };
    let done = AtomicU64::new(0);
    let bar = Bar::new(total.into());
    let caller = std::thread::current();
    let parts: Vec<Option<Aggregate>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                let (chunks, done, caller) = (&chunks, &done, caller.clone());
                scope.spawn(move || {
                    let mut batch = job.batch();
                    while let Some(range) = chunks.take() {
                        let wanted = range.len() as u32;
                        let ran = batch.run_with(range, |_| {
                            done.fetch_add(1, Ordering::Relaxed);
                            !stop.load(Ordering::Relaxed)
                        });
                        if ran < wanted || stop.load(Ordering::Relaxed) {
                            caller.unpark();
                            return None;
                        }
                    }
                    caller.unpark();
                    Some(batch.finish())
                })
            })
            .collect();
        while !workers.iter().all(|w| w.is_finished()) {
            bar.draw(done.load(Ordering::Relaxed));
            std::thread::park_timeout(REFRESH);
        }
        workers
            .into_iter()
            .map(|w| w.join().ok().flatten())
            .collect()
    });
    let ran = done.load(Ordering::Relaxed);
    bar.finish(ran, threads);
    let mut parts = parts.into_iter();
    let mut all = parts.next()??;
    for part in parts {
        all.merge(&part?);
    }
    (all.runs == u64::from(total)).then_some(all)
}

/// Threads to use when `--threads` is not given: one per core.
pub fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_cover_every_replication_once_and_shrink() {
        for (total, threads) in [(0, 1), (1, 4), (7, 2), (1000, 3), (1_000_000, 8)] {
            let c = Chunks {
                next: Mutex::new(0),
                total,
                threads,
            };
            let mut expected = 0;
            let mut last = u32::MAX;
            while let Some(r) = c.take() {
                assert_eq!(r.start, expected);
                assert!(!r.is_empty() && r.len() as u32 <= MAX_CHUNK);
                assert!(r.len() as u32 <= last, "chunks grow");
                last = r.len() as u32;
                expected = r.end;
            }
            assert_eq!(expected, total);
        }
    }
}
