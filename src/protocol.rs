//! Messages exchanged between the UI thread and the simulation workers, plus the
//! (placeholder) per-run computation.
//!
//! Everything here is plain Rust (no web APIs) so it is unit-tested natively by
//! `cargo test --workspace`.
//!
//! Design rules the real job type should keep:
//! * A job is split into contiguous run ranges, one per worker ([`split_runs`]).
//! * Each run derives its own seed from `(job seed, run index)`, so the merged
//!   result does not depend on how many workers were used.
//! * Workers report [`FromWorker::Progress`] after every batch and check for
//!   [`ToWorker::Cancel`] between batches (cooperative cancellation).
//! * Partial results are mergeable ([`PartialResult::merge`]).

use serde::{Deserialize, Serialize};

/// Identifies one job (one click of "Run"). Messages for stale jobs are ignored.
pub type JobId = u32;

/// One worker's share of a job.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobSpec {
    pub job_id: JobId,
    /// Master seed of the whole job.
    pub seed: u64,
    /// Global index of this worker's first run.
    pub first_run: u32,
    /// Number of runs for this worker.
    pub runs: u32,
    /// Runs between progress reports / cancellation checks.
    pub batch_size: u32,
    /// Work per run (placeholder: random points per run).
    pub samples_per_run: u32,
}

/// UI -> worker.
///
/// Sent with yew-agent's default codec, bincode 2 (serde), which is not
/// self-describing: it cannot decode internally tagged / untagged enums,
/// `#[serde(flatten)]` or `skip_serializing_if`. `engine::runner::Job` has internally
/// tagged enums, so it travels as a JSON string. (`engine::aggregate::Aggregate` is
/// bincode-safe and ~6x smaller than its JSON, so results go as they are.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ToWorker {
    Start(JobSpec),
    /// Stop the given job after the current batch.
    Cancel {
        job_id: JobId,
    },
    /// Run an `engine::runner::Job` (JSON) in one go; see [`run_engine_job`].
    EngineCheck {
        job_json: String,
    },
}

/// Worker -> UI.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum FromWorker {
    Progress {
        job_id: JobId,
        runs_done: u32,
        runs_total: u32,
    },
    Done {
        job_id: JobId,
        result: PartialResult,
    },
    Cancelled {
        job_id: JobId,
        runs_done: u32,
    },
    EngineChecked(Result<engine::aggregate::Aggregate, String>),
}

/// The smoke-test job of the real engine: `replications` replications of the
/// default scenario.
pub fn engine_check_job(replications: u32) -> engine::runner::Job {
    engine::runner::Job {
        settings: engine::RunSettings {
            replications,
            ..Default::default()
        },
        scenarios: vec![engine::defaults::default_scenario()],
    }
}

/// Worker side of [`ToWorker::EngineCheck`]: parse, validate and run a whole job.
pub fn run_engine_job(job_json: &str) -> Result<engine::aggregate::Aggregate, String> {
    let job: engine::runner::Job =
        serde_json::from_str(job_json).map_err(|e| format!("bad job: {e}"))?;
    let prepared = job.prepare().map_err(|errors| {
        errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; ")
    })?;
    Ok(prepared.run(0..job.settings.replications))
}

/// Mergeable partial result (placeholder: Monte Carlo estimate of pi).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartialResult {
    pub runs: u32,
    pub samples: u64,
    pub hits: u64,
}

impl PartialResult {
    pub fn merge(&mut self, other: &PartialResult) {
        self.runs += other.runs;
        self.samples += other.samples;
        self.hits += other.hits;
    }

    pub fn estimate(&self) -> f64 {
        if self.samples == 0 {
            return f64::NAN;
        }
        4.0 * self.hits as f64 / self.samples as f64
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

/// SplitMix64: tiny deterministic PRNG, good enough for the placeholder job.
fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// One simulated run (placeholder for an engine run).
pub fn run_one(seed: u64, run_index: u32, samples: u32) -> PartialResult {
    let mut state = seed ^ (u64::from(run_index) << 32 | u64::from(run_index));
    // Decorrelate neighbouring run indices.
    splitmix64(&mut state);
    let mut hits = 0u64;
    for _ in 0..samples {
        let x = (splitmix64(&mut state) >> 11) as f64 / (1u64 << 53) as f64;
        let y = (splitmix64(&mut state) >> 11) as f64 / (1u64 << 53) as f64;
        hits += u64::from(x * x + y * y <= 1.0);
    }
    PartialResult {
        runs: 1,
        samples: u64::from(samples),
        hits,
    }
}

/// Runs `[first, first + count)` of a job.
pub fn run_range(spec: &JobSpec, first: u32, count: u32) -> PartialResult {
    let mut acc = PartialResult::default();
    for i in first..first + count {
        acc.merge(&run_one(spec.seed, i, spec.samples_per_run));
    }
    acc
}

#[cfg(test)]
mod tests {
    use super::*;

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
                if let (Some(max), Some(min)) = (
                    parts.iter().map(|p| p.1).max(),
                    parts.iter().map(|p| p.1).min(),
                ) {
                    assert!(max - min <= 1);
                }
            }
        }
    }

    #[test]
    fn result_is_independent_of_worker_count() {
        let spec = JobSpec {
            job_id: 1,
            seed: 42,
            first_run: 0,
            runs: 37,
            batch_size: 5,
            samples_per_run: 500,
        };
        let whole = run_range(&spec, 0, spec.runs);
        for workers in 1..6 {
            let mut merged = PartialResult::default();
            for (first, n) in split_runs(spec.runs, workers) {
                merged.merge(&run_range(&spec, first, n));
            }
            assert_eq!(merged, whole);
        }
        assert_eq!(whole.runs, 37);
        assert!((whole.estimate() - std::f64::consts::PI).abs() < 0.05);
    }

    /// What yew-agent 0.5 does to every bridge message (bincode 2, serde, standard).
    fn bincode_round_trip<T: Serialize + for<'de> Deserialize<'de>>(value: &T) -> T {
        let config = bincode::config::standard();
        let bytes = bincode::serde::encode_to_vec(value, config).expect("encode");
        let (back, _) = bincode::serde::decode_from_slice(&bytes, config).expect("decode");
        back
    }

    #[test]
    fn engine_check_runs_the_default_scenario_through_the_codec() {
        let job_json = serde_json::to_string(&engine_check_job(2)).unwrap();
        let request = bincode_round_trip(&ToWorker::EngineCheck { job_json });
        let ToWorker::EngineCheck { job_json } = request else {
            unreachable!()
        };
        let reply = bincode_round_trip(&FromWorker::EngineChecked(run_engine_job(&job_json)));
        let FromWorker::EngineChecked(Ok(agg)) = reply else {
            panic!("engine failed: {reply:?}")
        };
        assert_eq!(agg.runs, 2);
        let again = run_engine_job(&serde_json::to_string(&engine_check_job(2)).unwrap());
        assert_eq!(
            again.unwrap().fingerprint(),
            agg.fingerprint(),
            "deterministic"
        );
        // scripts/test.sh passes this on to the e2e test, which checks that the
        // wasm build in the browser computes the same numbers.
        if let Ok(path) = std::env::var("ENGINE_FINGERPRINT_OUT") {
            std::fs::write(path, agg.fingerprint()).unwrap();
        }
    }

    #[test]
    fn engine_jobs_with_several_scenarios_survive_json() {
        let mut job = engine_check_job(1);
        for strategy in engine::defaults::strategies() {
            job.scenarios
                .push(engine::defaults::default_scenario().with_strategy(&strategy));
        }
        job.scenarios.truncate(engine::runner::MAX_SCENARIOS);
        let json = serde_json::to_string(&job).unwrap();
        assert_eq!(
            serde_json::from_str::<engine::runner::Job>(&json).unwrap(),
            job
        );
        let agg = run_engine_job(&json).unwrap();
        assert_eq!(bincode_round_trip(&agg), agg);
    }

    #[test]
    fn messages_round_trip_through_serde() {
        let msgs = vec![
            FromWorker::Progress {
                job_id: 3,
                runs_done: 1,
                runs_total: 2,
            },
            FromWorker::Done {
                job_id: 3,
                result: PartialResult {
                    runs: 2,
                    samples: 10,
                    hits: 7,
                },
            },
            FromWorker::Cancelled {
                job_id: 3,
                runs_done: 1,
            },
        ];
        let json = serde_json::to_string(&msgs).unwrap();
        let back: Vec<FromWorker> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, msgs);
        assert_eq!(bincode_round_trip(&msgs), msgs);
    }
}
