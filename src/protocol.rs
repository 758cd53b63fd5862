//! Messages exchanged between the UI thread and the simulation workers, and how a job's
//! runs are cut into chunks.
//!
//! Everything here is plain Rust (no web APIs) so it is unit-tested natively.
//!
//! * A job (one `engine::runner::Job`) is cut into run ranges ([`plan_chunks`]): first a
//!   quick preview (~100 runs) spread over every worker, then the rest in chunks handed to
//!   workers as they become free. Each replication draws from `(seed, replication index)`
//!   and aggregates merge exactly in any order, so the numbers do not depend on the number
//!   of workers or on which worker ran which chunk.
//! * A worker says [`FromWorker::Ready`] once its wasm is running (the page holds its
//!   messages until then), reports [`FromWorker::Progress`] every ~150 ms and checks for
//!   [`ToWorker::Cancel`] every ~50 ms (cooperative cancellation; a worker that does not
//!   answer in time is terminated by the pool, see `crate::pool`). Every chunk sent gets
//!   exactly one answer: `Done`, `Cancelled` or `Failed`, unless the worker dies.
//!
//! * A chunk is of an ordinary job (answered with an aggregate, [`FromWorker::Done`]) or
//!   of a sampled analysis, the tornado or the global ranking ([`Work::Sampled`]: an
//!   `engine::sensitivity::sampled::SampledJob`, answered with each run's outcome,
//!   [`FromWorker::Sampled`]); [`crate::chunk`] runs either.
//!
//! Codec: yew-agent sends messages with bincode 2 (serde), which is not self-describing
//! and cannot decode internally tagged enums, so the `Job` travels as a JSON string; the
//! `Aggregate` is bincode-safe and goes as it is.

use std::ops::Range;

use engine::aggregate::Aggregate;
use engine::runner::{Job, PreparedJob};
use engine::sensitivity::Runs;
use engine::{FieldError, JobError};
use serde::{Deserialize, Serialize};

/// Identifies one job (one set of scenarios + settings). Messages for stale jobs are ignored.
pub type JobId = u32;

/// Runs in the quick preview (of one scenario; see `preview_runs`).
pub const PREVIEW_RUNS: u32 = 100;

/// Fewest runs a preview of several scenarios shows.
pub const MIN_PREVIEW_RUNS: u32 = 40;

/// Runs in the preview of a job of `scenarios` scenarios: about `PREVIEW_RUNS` simulations
/// in all (each run simulates every scenario), so a strategy compared with the baseline
/// shows as soon as the baseline alone would, on 50 paired runs; at least
/// `MIN_PREVIEW_RUNS`.
pub fn preview_runs(scenarios: usize) -> u32 {
    let n = u32::try_from(scenarios.max(1)).unwrap_or(u32::MAX);
    (PREVIEW_RUNS / n).max(MIN_PREVIEW_RUNS)
}

/// Smallest and largest chunk after the preview.
pub const MIN_CHUNK: u32 = 40;
pub const MAX_CHUNK: u32 = 2000;

/// What a chunk's `job_json` holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Work {
    /// An `engine::runner::Job`.
    #[default]
    Job,
    /// An `engine::sensitivity::sampled::SampledJob`.
    Sampled,
}

/// One chunk of a job for one worker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChunkSpec {
    pub job_id: JobId,
    pub chunk: u32,
    pub work: Work,
    /// The whole job as JSON (workers cache the prepared job by id).
    pub job_json: String,
    /// Replications `first..end`.
    pub first: u32,
    pub end: u32,
}

/// UI -> worker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ToWorker {
    Run(ChunkSpec),
    /// Stop the given job at the next check (~50 ms).
    Cancel {
        job_id: JobId,
    },
    /// Import, fit (and perhaps hindcast) a council's SSDA903 returns (`crate::borough`).
    Borough(crate::borough::BoroughRequest),
}

/// Worker -> UI.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum FromWorker {
    /// The worker's wasm is running and listening (its first message); `holds_lock`: it
    /// holds the Web Lock named after it (see `crate::pool`).
    Ready { holds_lock: bool },
    Progress {
        job_id: JobId,
        chunk: u32,
        done: u32,
    },
    /// `memory`: the worker's wasm linear memory in bytes (for the benchmark's flat-memory
    /// check; 0 natively).
    Done {
        job_id: JobId,
        chunk: u32,
        aggregate: Aggregate,
        memory: u32,
    },
    /// A chunk of a sampled analysis done: the outcome of each variant in each run.
    Sampled {
        job_id: JobId,
        chunk: u32,
        runs: Runs,
        memory: u32,
    },
    Cancelled {
        job_id: JobId,
        chunk: u32,
        done: u32,
    },
    Failed {
        job_id: JobId,
        chunk: u32,
        error: JobError,
    },
    /// Progress or the outcome of a [`ToWorker::Borough`] request.
    Borough(crate::borough::BoroughReply),
}

impl FromWorker {
    /// The job a message is about (None for `Ready`).
    pub fn job_id(&self) -> Option<JobId> {
        match self {
            FromWorker::Ready { .. } | FromWorker::Borough(_) => None,
            FromWorker::Progress { job_id, .. }
            | FromWorker::Done { job_id, .. }
            | FromWorker::Sampled { job_id, .. }
            | FromWorker::Cancelled { job_id, .. }
            | FromWorker::Failed { job_id, .. } => Some(*job_id),
        }
    }

    /// The chunk this message finishes, if it is the chunk's one answer (`Done`,
    /// `Cancelled` or `Failed`).
    pub fn answers(&self) -> Option<(JobId, u32)> {
        match self {
            FromWorker::Done { job_id, chunk, .. }
            | FromWorker::Sampled { job_id, chunk, .. }
            | FromWorker::Cancelled { job_id, chunk, .. }
            | FromWorker::Failed { job_id, chunk, .. } => Some((*job_id, *chunk)),
            FromWorker::Ready { .. } | FromWorker::Progress { .. } | FromWorker::Borough(_) => None,
        }
    }
}

/// Parse, validate and compile a job sent as JSON.
pub fn prepare_job(job_json: &str) -> Result<PreparedJob, JobError> {
    Job::from_json(job_json)?.prepare().map_err(JobError::from)
}

/// A worker's prepared job, kept from one job to the next: a job that differs from the
/// previous one only in its number of runs (e.g. 1,000 -> 10,000) reuses the compiled models,
/// which do not depend on it.
#[derive(Default)]
pub struct JobCache {
    current: Option<CachedJob>,
}

struct CachedJob {
    job_id: JobId,
    /// The job with `replications` set to 0 (None if it could not be parsed).
    key: Option<Job>,
    prepared: Result<PreparedJob, JobError>,
}

fn without_runs(mut job: Job) -> Job {
    job.settings.replications = 0;
    job
}

impl JobCache {
    /// The prepared job for `job_id` (whose JSON is `job_json`), or why it cannot run.
    pub fn get(&mut self, job_id: JobId, job_json: &str) -> Result<&PreparedJob, JobError> {
        if self.current.as_ref().map(|c| c.job_id) != Some(job_id) {
            self.current = Some(self.load(job_id, job_json));
        }
        match self.current.as_ref().map(|c| &c.prepared) {
            Some(Ok(p)) => Ok(p),
            Some(Err(e)) => Err(e.clone()),
            None => Err(JobError::Unreadable(FieldError::document("no job"))),
        }
    }

    fn load(&mut self, job_id: JobId, job_json: &str) -> CachedJob {
        let job: Job = match Job::from_json(job_json) {
            Ok(j) => j,
            Err(e) => {
                return CachedJob {
                    job_id,
                    key: None,
                    prepared: Err(e),
                }
            }
        };
        let runs = job.settings.replications;
        let key = without_runs(job.clone());
        let previous = self.current.take();
        let only_runs_changed = previous
            .as_ref()
            .is_some_and(|c| c.key.as_ref() == Some(&key) && c.prepared.is_ok())
            && job.validate().is_ok();
        if only_runs_changed {
            if let Some(mut prev) = previous {
                if let Ok(p) = prev.prepared.as_mut() {
                    p.settings.replications = runs;
                }
                return CachedJob {
                    job_id,
                    key: Some(key),
                    prepared: prev.prepared,
                };
            }
        }
        let prepared = job.prepare().map_err(JobError::from);
        CachedJob {
            job_id,
            key: Some(key),
            prepared,
        }
    }
}

/// Split `total` runs into at most `workers` contiguous `(first_run, runs)` ranges,
/// sizes differing by at most one. Never returns empty ranges.
pub fn split_runs(total: u32, workers: u32) -> Vec<(u32, u32)> {
    let workers = workers.max(1).min(total.max(1));
    let base = total / workers;
    let extra = total % workers;
    let mut first = 0;
    let mut out = Vec::with_capacity(workers as usize);
    for w in 0..workers {
        let n = base + u32::from(w < extra);
        if n > 0 {
            out.push((first, n));
        }
        first += n;
    }
    out
}

/// The chunks of a job: the preview (`preview` runs over `workers`) first, then the rest
/// in chunks handed to workers as they become free: growing from the preview's size (each
/// round of `workers` chunks twice the last), so the results shown grow soon after the
/// preview even in a run of a million, then shrinking towards the end.
/// Returns the chunks and how many of them make up the preview.
pub fn plan_chunks(total: u32, workers: u32, preview: u32) -> (Vec<Range<u32>>, usize) {
    guided_chunks(total, workers, preview, MIN_CHUNK)
}

/// Fewest simulations in a chunk of a sampled analysis (each of its runs simulates every
/// variant it does not price again: the tornado's 23, the global ranking's one). Small, so
/// that the workers' last chunks end close together (2 of the tornado's runs, ~0.1 s).
pub const MIN_SAMPLED_SIMULATIONS: u32 = 60;

/// The chunks of a sampled analysis of `variants` simulations a run: as [`plan_chunks`],
/// with a first round of the smallest chunk a worker and chunks no smaller than
/// [`MIN_SAMPLED_SIMULATIONS`] simulations (a few of the tornado's runs, so that the
/// workers finish together).
pub fn plan_sampled_chunks(total: u32, workers: u32, variants: usize) -> (Vec<Range<u32>>, usize) {
    let variants = u32::try_from(variants.max(1)).unwrap_or(u32::MAX);
    let min = (MIN_SAMPLED_SIMULATIONS / variants).max(1);
    guided_chunks(total, workers, min.saturating_mul(workers.max(1)), min)
}

fn guided_chunks(
    total: u32,
    workers: u32,
    preview: u32,
    min_chunk: u32,
) -> (Vec<Range<u32>>, usize) {
    let workers = workers.max(1);
    let p = preview.min(total);
    let mut chunks: Vec<Range<u32>> = split_runs(p, workers)
        .into_iter()
        .map(|(a, n)| a..a + n)
        .collect();
    let preview_chunks = chunks.len();
    // Guided: each chunk a share of what is left, so chunks shrink towards the end and the
    // workers finish together (a large last chunk would leave the others idle). Not too
    // small (each chunk costs a message and a merge), not too large (results refresh).
    // Ramped: no larger than twice the chunk of the round before (the preview's first).
    let mut ramp = p.div_ceil(workers).max(min_chunk / 2);
    let mut a = p;
    while a < total {
        if (chunks.len() - preview_chunks) % workers as usize == 0 {
            ramp = ramp.saturating_mul(2);
        }
        let size = (total - a)
            .div_ceil(workers * 3)
            .clamp(min_chunk, MAX_CHUNK)
            .min(ramp);
        let b = a.saturating_add(size).min(total);
        chunks.push(a..b);
        a = b;
    }
    (chunks, preview_chunks)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn a_preview_is_about_a_hundred_simulations() {
        assert_eq!(preview_runs(0), PREVIEW_RUNS);
        assert_eq!(preview_runs(1), PREVIEW_RUNS);
        assert_eq!(preview_runs(2), 50);
        assert_eq!(preview_runs(3), MIN_PREVIEW_RUNS);
        assert_eq!(preview_runs(usize::MAX), MIN_PREVIEW_RUNS);
    }

    #[test]
    fn split_covers_all_runs_exactly_once() {
        for total in [0u32, 1, 2, 7, 100, 1001] {
            for workers in [0u32, 1, 2, 3, 8, 2000] {
                let parts = split_runs(total, workers);
                let mut next = 0;
                for &(first, n) in &parts {
                    assert_eq!(first, next);
                    assert!(n > 0);
                    next += n;
                }
                assert_eq!(next, total, "total={total} workers={workers}");
                assert!(parts.len() as u32 <= workers.max(1));
            }
        }
    }

    /// The chunks follow one another from run 0 to `total`, none empty.
    fn assert_covers_every_run_once(chunks: &[Range<u32>], total: u32) {
        let mut next = 0;
        for c in chunks {
            assert_eq!(c.start, next);
            assert!(c.end > c.start);
            next = c.end;
        }
        assert_eq!(next, total);
    }

    #[test]
    fn chunks_cover_every_run_once_preview_first() {
        for total in [1u32, 50, 100, 101, 1000, 12_345, 1_000_000] {
            for workers in [1u32, 2, 3, 8] {
                let (chunks, preview) = plan_chunks(total, workers, PREVIEW_RUNS);
                assert_covers_every_run_once(&chunks, total);
                assert_eq!(
                    chunks[..preview].last().unwrap().end,
                    total.min(PREVIEW_RUNS)
                );
                assert!(preview as u32 <= workers);
                assert!(chunks.len() < 1200, "{total} {workers}: {}", chunks.len());
            }
        }
    }

    #[test]
    fn after_the_preview_chunks_grow_round_by_round() {
        // A million runs on 2 workers: the first results after the preview's (50 runs a
        // worker) come after 100 more runs a worker, not after the largest chunk.
        let (chunks, preview) = plan_chunks(1_000_000, 2, PREVIEW_RUNS);
        let sizes: Vec<u32> = chunks.iter().map(|c| c.end - c.start).collect();
        assert_eq!(
            sizes[..12],
            [50, 50, 100, 100, 200, 200, 400, 400, 800, 800, 1600, 1600]
        );
        assert!(sizes[12..sizes.len() - 40].iter().all(|&n| n == MAX_CHUNK));
        assert_eq!(preview, 2);
        // Few runs: the guided share is smaller than the ramp from the start.
        let (chunks, _) = plan_chunks(300, 2, PREVIEW_RUNS);
        let sizes: Vec<u32> = chunks.iter().map(|c| c.end - c.start).collect();
        assert_eq!(sizes, [50, 50, 40, 40, 40, 40, 40]);
        // One worker, a tiny preview: never below MIN_CHUNK after the preview.
        let (chunks, _) = plan_chunks(10_000, 1, 3);
        let sizes: Vec<u32> = chunks.iter().map(|c| c.end - c.start).collect();
        assert_eq!(sizes[..5], [3, 40, 80, 160, 320]);
    }

    /// A sampled analysis's chunks cover every run once, start with one small chunk a
    /// worker, and are never below the smallest size (but the last).
    #[test]
    fn sampled_chunks_cover_every_run_in_small_chunks() {
        for (total, variants) in [(500u32, 23usize), (500, 1), (3, 23), (24, 1), (10_000, 23)] {
            for workers in [1u32, 2, 3] {
                let (chunks, first) = plan_sampled_chunks(total, workers, variants);
                assert_covers_every_run_once(&chunks, total);
                assert!(first as u32 <= workers);
                let min = (MIN_SAMPLED_SIMULATIONS / variants as u32).max(1);
                let sizes: Vec<u32> = chunks.iter().map(|c| c.end - c.start).collect();
                assert!(sizes[..first].iter().all(|&n| n <= min), "{sizes:?}");
                let body = &sizes[first..sizes.len().saturating_sub(1).max(first)];
                assert!(body.iter().all(|&n| n >= min), "{sizes:?}");
            }
        }
        // The tornado's 500 runs (23 simulations each) on two workers: two runs each first,
        // at most 64 a chunk, and two at the end.
        let (chunks, _) = plan_sampled_chunks(500, 2, 23);
        assert_eq!(chunks[0], 0..2);
        assert_eq!(chunks.last().map(|c| c.end - c.start), Some(2));
        assert!(chunks.iter().all(|c| c.end - c.start <= 64), "{chunks:?}");
    }

    /// What yew-agent 0.5 does to every bridge message (bincode 2, serde, standard).
    pub fn bincode_round_trip<T: Serialize + for<'de> Deserialize<'de>>(value: &T) -> T {
        let config = bincode::config::standard();
        let bytes = bincode::serde::encode_to_vec(value, config).expect("encode");
        let (back, _) = bincode::serde::decode_from_slice(&bytes, config).expect("decode");
        back
    }

    fn job(replications: u32, strategies: &[&str]) -> Job {
        let base = engine::defaults::default_scenario();
        let mut scenarios = vec![base.clone()];
        for id in strategies {
            scenarios.push(base.with_strategy(&engine::defaults::strategy(id).unwrap()));
        }
        Job {
            settings: engine::RunSettings {
                replications,
                ..Default::default()
            },
            scenarios,
            compare_with: vec![],
        }
    }

    /// Runs of the default borough the e2e test makes in the browser: more than the
    /// preview, so the browser merges a preview and later chunks from several workers.
    pub const E2E_RUNS: u32 = 150;

    /// The default borough with `replications` runs, the job the e2e test runs in the
    /// browser (same seed and settings).
    pub fn default_job(replications: u32) -> Job {
        job(replications, &[])
    }

    /// Run a job as the app does: chunks through the codec on `workers` workers, merged in
    /// the order they finish (simulated here as reverse order).
    fn run_like_the_app(job: &Job, workers: u32, preview: u32) -> Aggregate {
        let json = serde_json::to_string(job).unwrap();
        let (chunks, _) = plan_chunks(job.settings.replications, workers, preview);
        let prepared = prepare_job(&json).unwrap();
        let mut acc = prepared.empty_aggregate();
        for (i, c) in chunks.iter().enumerate().rev() {
            let msg = bincode_round_trip(&ToWorker::Run(ChunkSpec {
                job_id: 1,
                chunk: i as u32,
                work: Work::Job,
                job_json: json.clone(),
                first: c.start,
                end: c.end,
            }));
            let ToWorker::Run(spec) = msg else {
                unreachable!()
            };
            let agg = prepare_job(&spec.job_json)
                .unwrap()
                .run(spec.first..spec.end);
            let reply = bincode_round_trip(&FromWorker::Done {
                job_id: 1,
                chunk: spec.chunk,
                aggregate: agg,
                memory: 0,
            });
            let FromWorker::Done { aggregate, .. } = reply else {
                unreachable!()
            };
            acc.merge(&aggregate);
        }
        acc
    }

    #[test]
    fn results_do_not_depend_on_workers_or_chunking() {
        // (Small numbers: the engine is slow in unoptimised test builds.)
        let job = job(60, &["recruit"]);
        let whole = job.prepare().unwrap().run(0..60);
        for workers in [1, 3] {
            let merged = run_like_the_app(&job, workers, 7);
            assert_eq!(merged.runs, 60);
            assert_eq!(
                merged.fingerprint(),
                whole.fingerprint(),
                "{workers} workers"
            );
        }
    }

    /// The fingerprint of `default_job(E2E_RUNS)`, pinned. It changes exactly when the
    /// engine's results change: update it only for an intended change of results (and say
    /// so in the commit), never to make this test pass after a change meant to keep them.
    pub const E2E_FINGERPRINT: &str = "060016f6713721e6";

    #[test]
    fn native_fingerprint_for_the_browser_check() {
        // scripts/test.sh passes the fingerprint on (ENGINE_FINGERPRINT_OUT) to the e2e
        // tests, which run the same job in the browser (split over workers, preview first)
        // and must show the same one. Here: that job, cut and merged as the app does it,
        // gives what one pass over every run gives, and that is the pinned value.
        let job = default_job(E2E_RUNS);
        let whole = job.prepare().unwrap().run(0..E2E_RUNS).fingerprint();
        let merged = run_like_the_app(&job, 3, preview_runs(job.scenarios.len())).fingerprint();
        assert_eq!(merged, whole, "chunks merged as in the browser vs one pass");
        assert_eq!(
            whole, E2E_FINGERPRINT,
            "the engine's results changed (the pin is E2E_FINGERPRINT in src/protocol.rs)"
        );
        if let Some(path) = std::env::var_os("ENGINE_FINGERPRINT_OUT") {
            std::fs::write(&path, &whole)
                .unwrap_or_else(|e| panic!("cannot write ENGINE_FINGERPRINT_OUT {path:?}: {e}"));
            let written = std::fs::read_to_string(&path).unwrap_or_else(|e| {
                panic!("cannot read back ENGINE_FINGERPRINT_OUT {path:?}: {e}")
            });
            assert_eq!(
                written, whole,
                "ENGINE_FINGERPRINT_OUT {path:?} holds another value"
            );
        }
    }

    #[test]
    fn the_job_cache_reuses_a_job_that_only_changes_its_runs() {
        let mut cache = JobCache::default();
        let small = serde_json::to_string(&default_job(3)).unwrap();
        let large = serde_json::to_string(&default_job(5)).unwrap();
        let a = cache.get(1, &small).unwrap().run(0..3);
        let p = cache.get(2, &large).unwrap();
        assert_eq!(p.settings.replications, 5);
        assert_eq!(p.run(0..3).fingerprint(), a.fingerprint());
        assert_eq!(p.run(0..9).runs, 5, "clipped to the new count");
        assert_eq!(
            p.run(0..5).fingerprint(),
            default_job(5).prepare().unwrap().run(0..5).fingerprint()
        );
        let mut other = default_job(5);
        other.settings.seed += 1;
        let p = cache
            .get(3, &serde_json::to_string(&other).unwrap())
            .unwrap();
        assert_eq!(
            p.run(0..2).fingerprint(),
            other.prepare().unwrap().run(0..2).fingerprint()
        );
        // An edit that keeps the start-up inputs adopts the pools: same numbers as fresh.
        let mut edited = default_job(5);
        edited.scenarios[0].demand.groups_per_month += 1.0;
        let fresh = edited.prepare().unwrap().run(0..5).fingerprint();
        cache.get(6, &large).unwrap().run(0..2);
        assert_eq!(
            cache
                .get(7, &serde_json::to_string(&edited).unwrap())
                .unwrap()
                .run(0..5)
                .fingerprint(),
            fresh
        );
        assert!(matches!(cache.get(4, "{"), Err(JobError::Unreadable(_))));
        assert_eq!(
            cache.get(5, &small).unwrap().run(0..3).fingerprint(),
            a.fingerprint()
        );
    }

    #[test]
    fn bad_jobs_are_refused_with_the_field() {
        assert!(matches!(
            prepare_job("{").err().unwrap(),
            JobError::Unreadable(_)
        ));
        let mut j = default_job(1);
        j.scenarios[0].demand.entry_age[0] = 2.0;
        let e = prepare_job(&serde_json::to_string(&j).unwrap())
            .err()
            .unwrap();
        let fields: Vec<String> = e
            .field_errors()
            .iter()
            .map(|f| f.path.to_string())
            .collect();
        assert!(
            fields
                .iter()
                .any(|f| f.starts_with("scenarios[0].demand.entry_age")),
            "{e}"
        );
    }

    #[test]
    fn messages_round_trip_through_the_codec() {
        let msgs = vec![
            FromWorker::Progress {
                job_id: 3,
                chunk: 1,
                done: 2,
            },
            FromWorker::Cancelled {
                job_id: 3,
                chunk: 0,
                done: 1,
            },
            FromWorker::Failed {
                job_id: 3,
                chunk: 0,
                error: JobError::Invalid(vec![FieldError::document("x")]),
            },
        ];
        assert_eq!(bincode_round_trip(&msgs), msgs);
        assert!(msgs.iter().all(|m| m.job_id() == Some(3)));
        assert_eq!(msgs[0].answers(), None, "progress does not answer a chunk");
        assert_eq!(msgs[1].answers(), Some((3, 0)));
        let ready = FromWorker::Ready { holds_lock: true };
        assert_eq!(bincode_round_trip(&ready), ready);
        assert_eq!(ready.job_id(), None);
        let cancel = ToWorker::Cancel { job_id: 9 };
        assert_eq!(bincode_round_trip(&cancel), cancel);
    }
}
