//! What a worker runs for one chunk, whichever [`Work`] it is: the prepared job or analysis
//! (kept from chunk to chunk of the same job, [`WorkCache`]) and a [`ChunkRun`] that runs
//! the chunk's replications in time slices and answers with an aggregate (a job) or each
//! run's outcome (a sampled analysis). Plain Rust, natively tested; `crate::agent` drives it.

use std::ops::Range;

use engine::runner::Batch;
use engine::sensitivity::sampled::{SampledBatch, SampledJob, SampledPlan};
use engine::sensitivity::{AnalysisError, Runs};
use engine::{FieldError, JobError};

use crate::protocol::{ChunkSpec, FromWorker, JobCache, JobId, Work};

/// The prepared work of the latest job of each kind.
#[derive(Default)]
pub struct WorkCache {
    jobs: JobCache,
    sampled: Option<(JobId, Result<SampledPlan, JobError>)>,
}

/// A chunk under way.
pub enum ChunkRun<'a> {
    Job {
        batch: Batch<'a>,
        runs: u32,
    },
    /// A sampled analysis: its simulators carry over the chunk's slices, as a job's do.
    Sampled {
        plan: &'a SampledPlan,
        batch: SampledBatch<'a>,
        runs: Runs,
    },
}

impl WorkCache {
    /// A run of `spec`'s chunk, its job prepared (or taken from the cache), or why it
    /// cannot run.
    pub fn chunk(&mut self, spec: &ChunkSpec) -> Result<ChunkRun<'_>, JobError> {
        match spec.work {
            Work::Job => {
                let prepared = self.jobs.get(spec.job_id, &spec.job_json)?;
                Ok(ChunkRun::Job {
                    batch: prepared.batch(),
                    runs: prepared.settings.replications,
                })
            }
            Work::Sampled => {
                if self.sampled.as_ref().map(|(id, _)| *id) != Some(spec.job_id) {
                    let plan = SampledJob::from_json(&spec.job_json)
                        .and_then(|j| j.prepare())
                        .map_err(job_error);
                    self.sampled = Some((spec.job_id, plan));
                }
                match self.sampled.as_ref().map(|(_, p)| p) {
                    Some(Ok(plan)) => Ok(ChunkRun::Sampled {
                        plan,
                        batch: plan.batch(),
                        runs: Runs::default(),
                    }),
                    Some(Err(e)) => Err(e.clone()),
                    None => Err(JobError::Unreadable(FieldError::document("no analysis"))),
                }
            }
        }
    }
}

/// An analysis that cannot run, as a job error naming the field.
fn job_error(e: AnalysisError) -> JobError {
    match e {
        AnalysisError::Invalid(errors) => JobError::Invalid(errors),
        AnalysisError::Setting { name, reason } => {
            JobError::Invalid(vec![FieldError::new(name, reason)])
        }
        other => JobError::Invalid(vec![FieldError::new("outcome", other.to_string())]),
    }
}

impl ChunkRun<'_> {
    /// Replications (or samples) the job has: a chunk reaching past them runs only those.
    pub fn replications(&self) -> u32 {
        match self {
            ChunkRun::Job { runs, .. } => *runs,
            ChunkRun::Sampled { plan, .. } => plan.runs(),
        }
    }

    /// Run replications `reps`, calling `keep_going(done)` after each; stops early when it
    /// returns false. Returns how many ran.
    pub fn run_with(&mut self, reps: Range<u32>, keep_going: impl FnMut(u32) -> bool) -> u32 {
        match self {
            ChunkRun::Job { batch, .. } => batch.run_with(reps, keep_going),
            ChunkRun::Sampled { batch, runs, .. } => {
                let part = batch.run_with(reps, keep_going);
                let n = part.len() as u32;
                runs.merge(part);
                n
            }
        }
    }

    /// The chunk's answer once its replications have run (`memory`: the worker's, in bytes).
    pub fn answer(self, job_id: JobId, chunk: u32, memory: u32) -> FromWorker {
        match self {
            ChunkRun::Job { batch, .. } => FromWorker::Done {
                job_id,
                chunk,
                aggregate: batch.finish(),
                memory,
            },
            ChunkRun::Sampled { runs, .. } => FromWorker::Sampled {
                job_id,
                chunk,
                runs,
                memory,
            },
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::protocol::tests::bincode_round_trip;
    use crate::protocol::{plan_sampled_chunks, ToWorker};
    use engine::defaults::default_scenario;
    use engine::scenario::RunSettings;
    use engine::sensitivity::sampled::Method;

    fn sampled(method: Method, runs: u32) -> SampledJob {
        SampledJob {
            method,
            scenario: default_scenario(),
            settings: RunSettings {
                seed: 11,
                replications: runs,
                horizon_months: 4,
                uncertainty: false,
            },
            metric: "in_care".into(),
            period: None,
        }
    }

    /// Run `job` as the page does: its chunks through the codec to a worker's cache, run in
    /// slices of one replication, their answers merged in reverse order.
    pub fn run_like_the_app(job: &SampledJob, workers: u32) -> Runs {
        let json = serde_json::to_string(job).expect("json");
        let plan = job.prepare().expect("valid");
        let (chunks, _) = plan_sampled_chunks(plan.runs(), workers, plan.variants());
        let mut cache = WorkCache::default();
        let mut merged = Runs::default();
        for (i, c) in chunks.iter().enumerate().rev() {
            let msg = bincode_round_trip(&ToWorker::Run(ChunkSpec {
                job_id: 5,
                chunk: i as u32,
                work: Work::Sampled,
                job_json: json.clone(),
                first: c.start,
                end: c.end,
            }));
            let ToWorker::Run(spec) = msg else {
                unreachable!()
            };
            let mut run = cache.chunk(&spec).expect("runs");
            let end = spec.end.min(run.replications());
            let mut rep = spec.first;
            while rep < end {
                rep += run.run_with(rep..end, |_| false).max(1);
            }
            match bincode_round_trip(&run.answer(5, spec.chunk, 0)) {
                FromWorker::Sampled { runs, .. } => merged.merge(runs),
                other => panic!("{other:?}"),
            }
        }
        merged
    }

    /// The tornado and the global ranking made from the workers' chunks are, to the bit,
    /// what the CLI makes (the plan run straight through), whatever the number of workers.
    #[test]
    fn sampled_chunks_through_the_codec_give_the_cli_answer() {
        for method in [Method::Tornado, Method::Global] {
            let job = sampled(method, 40);
            let plan = job.prepare().expect("valid");
            let straight = plan.run_with(0..40, |_| true);
            for workers in [1, 2, 3] {
                let runs = run_like_the_app(&job, workers);
                assert_eq!(runs, straight, "{method:?} on {workers} workers");
                assert_eq!(plan.tornado(&runs), plan.tornado(&straight));
                assert_eq!(plan.ranking(&runs), plan.ranking(&straight));
            }
        }
    }

    #[test]
    fn a_bad_analysis_fails_its_chunk_with_a_reason() {
        let mut job = sampled(Method::Tornado, 3);
        job.metric = "nonsense".into();
        let spec = ChunkSpec {
            job_id: 9,
            chunk: 0,
            work: Work::Sampled,
            job_json: serde_json::to_string(&job).expect("json"),
            first: 0,
            end: 3,
        };
        let mut cache = WorkCache::default();
        let e = cache.chunk(&spec).err().expect("refused");
        assert!(e.to_string().contains("nonsense"), "{e}");
        let unreadable = ChunkSpec {
            job_json: "{".into(),
            ..spec
        };
        // (Same job id: the cached refusal stands; a new id reads the JSON again.)
        assert!(cache.chunk(&unreadable).is_err());
        let unreadable = ChunkSpec {
            job_id: 10,
            ..unreadable
        };
        assert!(cache.chunk(&unreadable).is_err());
    }
}
