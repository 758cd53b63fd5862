//! Scheduling one job's chunks over the worker pool (pure: it says what to send and what
//! to show; the app does it). Each worker holds up to two chunks, the one it runs and the
//! next, so it starts the next without waiting for the page to take its result (the page
//! may be busy drawing); near the end it holds one, so no chunk waits behind another while
//! a worker is free. Finished chunks merge into one aggregate (or, for a sampled analysis,
//! into the outcome of every run), shown first when the preview is complete and then as it
//! grows.
//!
//! A worker that dies loses the chunks it held: they are sent again, before any new one
//! (a chunk's runs are fixed by their replication indices and aggregates merge exactly in
//! any order, so the result is the same whichever worker runs what, how often). A chunk
//! lost more than [`MAX_RESTARTS`] times fails the job with a message saying so. A
//! cancelled job is over at once: what its workers still send is ignored.

use std::collections::VecDeque;
use std::ops::Range;

use engine::aggregate::Aggregate;
use engine::sensitivity::Runs;

use crate::format;
use crate::protocol::{
    plan_chunks, plan_sampled_chunks, preview_runs, ChunkSpec, FromWorker, JobId, ToWorker, Work,
};

/// How many times one chunk is sent again after its worker died before the job fails.
pub const MAX_RESTARTS: u8 = 3;

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Send(usize, ToWorker),
    /// Runs finished so far (including partly finished chunks), of `total`.
    Progress {
        done: u32,
        total: u32,
    },
    /// The merged aggregate changed and is worth showing; `last` when the job is complete.
    Publish {
        last: bool,
    },
    Cancelled {
        done: u32,
        total: u32,
    },
    Failed(String),
}

pub struct Scheduler {
    pub job_id: JobId,
    work: Work,
    job_json: String,
    pub total: u32,
    chunks: Vec<Range<u32>>,
    preview_chunks: usize,
    next: usize,
    /// Chunks lost with their worker, to send again before `next`.
    retry: VecDeque<usize>,
    /// Per chunk: how many times it was lost with a worker that died.
    restarts: Vec<u8>,
    /// Per worker: the chunks sent to it, in the order it runs them, and runs done in each.
    busy: Vec<VecDeque<(usize, u32)>>,
    finished: Vec<bool>,
    /// Runs in finished chunks.
    pub merged_runs: u32,
    pub aggregate: Aggregate,
    /// A sampled analysis's merged runs.
    pub runs: Runs,
    preview_shown: bool,
    pub stopped: bool,
    /// Per worker: its wasm linear memory in bytes at its last finished chunk (0 unknown).
    pub worker_memory: Vec<u32>,
}

impl Scheduler {
    pub fn start(
        job_id: JobId,
        job_json: String,
        total: u32,
        workers: usize,
        empty: Aggregate,
    ) -> (Scheduler, Vec<Effect>) {
        let preview = preview_runs(empty.scenarios.len());
        let planned = plan_chunks(total, workers.max(1) as u32, preview);
        Scheduler::begin(
            job_id,
            (Work::Job, job_json),
            total,
            workers,
            planned,
            empty,
        )
    }

    /// As [`start`](Self::start), for a sampled analysis (`job_json`: its `SampledJob`) of
    /// `variants` simulations a run; its chunks' runs merge into [`runs`](Self::runs).
    pub fn start_sampled(
        job_id: JobId,
        job_json: String,
        total: u32,
        workers: usize,
        variants: usize,
    ) -> (Scheduler, Vec<Effect>) {
        let planned = plan_sampled_chunks(total, workers.max(1) as u32, variants);
        let work = (Work::Sampled, job_json);
        let none = Aggregate {
            runs: 0,
            scenarios: vec![],
            paired: vec![],
            against: vec![],
        };
        Scheduler::begin(job_id, work, total, workers, planned, none)
    }

    fn begin(
        job_id: JobId,
        (work, job_json): (Work, String),
        total: u32,
        workers: usize,
        (chunks, preview_chunks): (Vec<Range<u32>>, usize),
        empty: Aggregate,
    ) -> (Scheduler, Vec<Effect>) {
        let workers = workers.max(1);
        let mut s = Scheduler {
            job_id,
            work,
            job_json,
            total,
            finished: vec![false; chunks.len()],
            restarts: vec![0; chunks.len()],
            retry: VecDeque::new(),
            chunks,
            preview_chunks,
            next: 0,
            busy: vec![VecDeque::new(); workers],
            merged_runs: 0,
            aggregate: empty,
            runs: Runs::default(),
            preview_shown: false,
            stopped: false,
            worker_memory: vec![0; workers],
        };
        let mut fx = vec![];
        // One chunk each first (the preview's), then each worker's next.
        for w in 0..workers {
            s.dispatch(w, &mut fx);
        }
        for w in 0..workers {
            s.top_up(w, &mut fx);
        }
        fx.push(Effect::Progress { done: 0, total });
        (s, fx)
    }

    /// What the chunks are of.
    pub fn work(&self) -> Work {
        self.work
    }

    /// Chunks not yet handed out (again).
    fn left(&self) -> usize {
        self.retry.len() + self.chunks.len().saturating_sub(self.next)
    }

    /// Chunks a worker should hold: two while more chunks are left than there are
    /// workers, then one.
    fn depth(&self) -> usize {
        1 + (self.left() > self.busy.len()) as usize
    }

    /// Send `worker` chunks until it holds `depth()`.
    fn top_up(&mut self, worker: usize, fx: &mut Vec<Effect>) {
        while self
            .busy
            .get(worker)
            .is_some_and(|q| q.len() < self.depth())
        {
            if !self.dispatch(worker, fx) {
                break;
            }
        }
    }

    /// Send `worker` the next chunk (a lost one first), if any is left and the job goes on.
    fn dispatch(&mut self, worker: usize, fx: &mut Vec<Effect>) -> bool {
        if self.stopped || worker >= self.busy.len() {
            return false;
        }
        let chunk = match self.retry.pop_front() {
            Some(c) => c,
            None if self.next < self.chunks.len() => {
                self.next += 1;
                self.next - 1
            }
            None => return false,
        };
        let range = self.chunks[chunk].clone();
        self.busy[worker].push_back((chunk, 0));
        fx.push(Effect::Send(
            worker,
            ToWorker::Run(ChunkSpec {
                job_id: self.job_id,
                chunk: chunk as u32,
                work: self.work,
                job_json: self.job_json.clone(),
                first: range.start,
                end: range.end,
            }),
        ));
        true
    }

    /// Take chunk `chunk` off `worker`'s list; whether it was there.
    fn take(&mut self, worker: usize, chunk: usize) -> bool {
        let Some(queue) = self.busy.get_mut(worker) else {
            return false;
        };
        match queue.iter().position(|(c, _)| *c == chunk) {
            Some(i) => {
                queue.remove(i);
                true
            }
            None => false,
        }
    }

    pub fn done(&self) -> u32 {
        self.merged_runs + self.busy.iter().flatten().map(|(_, d)| *d).sum::<u32>()
    }

    pub fn is_complete(&self) -> bool {
        self.finished.iter().all(|f| *f)
    }

    pub fn is_running(&self) -> bool {
        !self.stopped && !self.is_complete()
    }

    pub fn on_message(&mut self, worker: usize, msg: FromWorker) -> Vec<Effect> {
        let mut fx = vec![];
        if msg.job_id() != Some(self.job_id) || self.stopped {
            return fx;
        }
        match msg {
            FromWorker::Ready { .. } | FromWorker::Borough(_) => {}
            FromWorker::Progress { chunk, done, .. } => {
                let entry = self
                    .busy
                    .get_mut(worker)
                    .and_then(|q| q.iter_mut().find(|(c, _)| *c == chunk as usize));
                if let Some(entry) = entry {
                    entry.1 = done;
                    fx.push(Effect::Progress {
                        done: self.done(),
                        total: self.total,
                    });
                }
            }
            FromWorker::Done {
                chunk,
                aggregate,
                memory,
                ..
            } => {
                let runs = aggregate.runs as u32;
                self.chunk_done(worker, chunk, memory, &mut fx, |s| {
                    s.merged_runs += runs;
                    s.aggregate.merge(&aggregate);
                });
            }
            FromWorker::Sampled {
                chunk,
                runs,
                memory,
                ..
            } => self.chunk_done(worker, chunk, memory, &mut fx, |s| {
                s.merged_runs += runs.len() as u32;
                s.runs.merge(runs);
            }),
            FromWorker::Cancelled { chunk, .. } => {
                // Not asked for (only a newer job or a cancel, both of which stop this job,
                // make a worker give up a chunk): send it again like a lost one.
                if self.take(worker, chunk as usize) {
                    self.retry.push_front(chunk as usize);
                    self.top_up(worker, &mut fx);
                }
            }
            FromWorker::Failed { error, .. } => {
                self.stop(&mut fx);
                fx.push(Effect::Failed(error.to_string()));
            }
        }
        fx
    }

    /// Worker `worker` finished `chunk`: `merge` its result (unless it was already merged),
    /// give the worker more, and say what there is to show.
    fn chunk_done(
        &mut self,
        worker: usize,
        chunk: u32,
        memory: u32,
        fx: &mut Vec<Effect>,
        merge: impl FnOnce(&mut Scheduler),
    ) {
        if let Some(m) = self.worker_memory.get_mut(worker) {
            *m = memory;
        }
        let c = chunk as usize;
        if self.finished.get(c) != Some(&false) || !self.take(worker, c) {
            return;
        }
        self.finished[c] = true;
        merge(self);
        self.top_up(worker, fx);
        fx.push(Effect::Progress {
            done: self.done(),
            total: self.total,
        });
        let preview_ready = self.finished[..self.preview_chunks].iter().all(|f| *f);
        let last = self.is_complete();
        if last || preview_ready {
            self.preview_shown = true;
            fx.push(Effect::Publish { last });
        }
    }

    /// Worker `worker` was replaced by a fresh one: the chunks it held are sent again.
    /// `failure` says why when it died (the chunks' restarts count; one lost more than
    /// [`MAX_RESTARTS`] times fails the job), None when it was stopped on purpose.
    pub fn worker_lost(&mut self, worker: usize, failure: Option<&str>) -> Vec<Effect> {
        let mut fx = vec![];
        if self.stopped || self.is_complete() || worker >= self.busy.len() {
            return fx;
        }
        let held: Vec<usize> = self.busy[worker].drain(..).map(|(c, _)| c).collect();
        let mut given_up = None;
        for &c in held.iter().rev() {
            self.retry.push_front(c);
            if failure.is_some() {
                self.restarts[c] = self.restarts[c].saturating_add(1);
                if self.restarts[c] > MAX_RESTARTS {
                    given_up = Some(c);
                }
            }
        }
        if let (Some(c), Some(why)) = (given_up, failure) {
            let runs = self.chunks[c].clone();
            self.stop(&mut fx);
            fx.push(Effect::Failed(format!(
                "runs {} to {} were tried {} times and each time their simulation worker died \
                 (the last time: {why}). The page still works: run again, or reload the page \
                 if it happens again",
                format::count(f64::from(runs.start + 1)),
                format::count(f64::from(runs.end)),
                u32::from(MAX_RESTARTS) + 1,
            )));
            return fx;
        }
        for w in 0..self.busy.len() {
            self.top_up(w, &mut fx);
        }
        fx.push(Effect::Progress {
            done: self.done(),
            total: self.total,
        });
        fx
    }

    /// Hand out no more chunks, forget those handed out, and ask every worker still
    /// holding some to stop (the pool terminates those that do not stop in time).
    fn stop(&mut self, fx: &mut Vec<Effect>) {
        self.stopped = true;
        for (w, q) in self.busy.iter_mut().enumerate() {
            if !q.is_empty() {
                q.clear();
                fx.push(Effect::Send(
                    w,
                    ToWorker::Cancel {
                        job_id: self.job_id,
                    },
                ));
            }
        }
    }

    /// Stop the job now: no more chunks, busy workers asked to stop, `Cancelled` at once.
    pub fn cancel(&mut self) -> Vec<Effect> {
        let mut fx = vec![];
        if self.stopped || self.is_complete() {
            return fx;
        }
        self.stop(&mut fx);
        fx.push(Effect::Cancelled {
            done: self.merged_runs,
            total: self.total,
        });
        fx
    }

    /// Whether what has been merged so far is worth showing (the preview is complete).
    pub fn has_results(&self) -> bool {
        self.preview_shown
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::{plan_chunks, PREVIEW_RUNS};
    use engine::runner::{Job, PreparedJob};

    fn job(runs: u32) -> Job {
        Job {
            settings: engine::RunSettings {
                replications: runs,
                ..Default::default()
            },
            scenarios: vec![engine::defaults::default_scenario()],
            compare_with: vec![],
        }
    }

    fn sent(fx: &[Effect]) -> Vec<(usize, ChunkSpec)> {
        fx.iter()
            .filter_map(|e| match e {
                Effect::Send(w, ToWorker::Run(c)) => Some((*w, c.clone())),
                _ => None,
            })
            .collect()
    }

    /// A scheduler for job `id` of `runs` runs of the default borough over `workers`
    /// workers, what it sent first, and the prepared job (for aggregates).
    fn start(id: JobId, runs: u32, workers: usize) -> (Scheduler, Vec<Effect>, PreparedJob) {
        let prepared = job(runs).prepare().unwrap();
        let (s, fx) = Scheduler::start(id, "{}".into(), runs, workers, prepared.empty_aggregate());
        (s, fx, prepared)
    }

    /// A worker's report that chunk `c` of job `id` is done (a stand-in aggregate with the
    /// chunk's run count: exact merging is tested in `protocol`).
    fn done(prepared: &PreparedJob, id: JobId, c: &ChunkSpec) -> FromWorker {
        let mut aggregate = prepared.empty_aggregate();
        aggregate.runs = u64::from(c.end - c.first);
        FromWorker::Done {
            job_id: id,
            chunk: c.chunk,
            aggregate,
            memory: 0,
        }
    }

    /// Drive a scheduler with fake workers that finish chunks in a scrambled order.
    #[test]
    fn chunks_flow_to_free_workers_and_merge() {
        let runs = 1400;
        let (mut s, fx, prepared) = start(7, runs, 3);
        let mut pending = sent(&fx);
        assert_eq!(pending.len(), 6, "two chunks per worker");
        let firsts: Vec<u32> = pending.iter().take(3).map(|(_, c)| c.chunk).collect();
        assert_eq!(
            firsts,
            vec![0, 1, 2],
            "the preview's chunks go out first, one a worker"
        );
        assert!(!s.has_results());
        let mut published = vec![];
        let mut turn = 0;
        while let Some(i) = (!pending.is_empty()).then(|| (turn * 7) % pending.len()) {
            turn += 1;
            let (w, c) = pending.remove(i);
            let progress = s.on_message(
                w,
                FromWorker::Progress {
                    job_id: 7,
                    chunk: c.chunk,
                    done: 1,
                },
            );
            assert!(matches!(progress[0], Effect::Progress { .. }));
            let fx = s.on_message(w, done(&prepared, 7, &c));
            published.extend(fx.iter().filter_map(|e| match e {
                Effect::Publish { last } => Some(*last),
                _ => None,
            }));
            pending.extend(sent(&fx));
        }
        assert!(s.is_complete());
        assert!(s.busy.iter().all(VecDeque::is_empty));
        assert_eq!(published.last(), Some(&true));
        assert_eq!(s.merged_runs, runs);
        assert_eq!(s.aggregate.runs, u64::from(runs));
        // Stale messages are ignored.
        assert!(s
            .on_message(
                0,
                FromWorker::Progress {
                    job_id: 6,
                    chunk: 0,
                    done: 1
                }
            )
            .is_empty());
    }

    #[test]
    fn a_comparison_previews_fewer_runs_of_each_scenario() {
        let mut two = job(1000);
        two.scenarios.push(engine::defaults::default_scenario());
        let prepared = two.prepare().unwrap();
        let (_, fx) = Scheduler::start(1, "{}".into(), 1000, 2, prepared.empty_aggregate());
        let first = sent(&fx);
        let preview: u32 = first.iter().take(2).map(|(_, c)| c.end - c.first).sum();
        assert_eq!(preview, 50, "50 runs of two scenarios: 100 simulations");
        let (_, fx, _) = start(1, 1000, 2);
        let preview: u32 = sent(&fx).iter().take(2).map(|(_, c)| c.end - c.first).sum();
        assert_eq!(preview, PREVIEW_RUNS);
    }

    #[test]
    fn preview_is_published_before_the_rest() {
        let (chunks, preview) = plan_chunks(1000, 2, PREVIEW_RUNS);
        assert_eq!(preview, 2);
        let (mut s, fx, prepared) = start(1, 1000, 2);
        let first = sent(&fx);
        assert_eq!(first[0].1.end - first[0].1.first, chunks[0].len() as u32);
        let held: Vec<(usize, u32)> = first.iter().map(|(w, c)| (*w, c.chunk)).collect();
        assert_eq!(
            held,
            vec![(0, 0), (1, 1), (0, 2), (1, 3)],
            "each worker holds its next chunk"
        );
        // Worker 0 finishes its preview half: not yet shown.
        let fx = s.on_message(
            0,
            FromWorker::Done {
                job_id: 1,
                chunk: 0,
                aggregate: prepared.empty_aggregate(),
                memory: 0,
            },
        );
        assert!(!fx.iter().any(|e| matches!(e, Effect::Publish { .. })));
        assert_eq!(
            sent(&fx)[0].1.chunk,
            4,
            "worker 0 is sent the chunk after its next"
        );
        let fx = s.on_message(
            1,
            FromWorker::Done {
                job_id: 1,
                chunk: 1,
                aggregate: prepared.empty_aggregate(),
                memory: 0,
            },
        );
        assert!(fx.contains(&Effect::Publish { last: false }));
        assert!(s.has_results());
    }

    #[test]
    fn a_cancel_is_over_at_once_and_later_messages_are_ignored() {
        let (mut s, _, prepared) = start(2, 1000, 2);
        let fx = s.cancel();
        assert_eq!(
            fx,
            vec![
                Effect::Send(0, ToWorker::Cancel { job_id: 2 }),
                Effect::Send(1, ToWorker::Cancel { job_id: 2 }),
                Effect::Cancelled {
                    done: 0,
                    total: 1000
                }
            ]
        );
        assert!(s.cancel().is_empty());
        assert!(!s.is_running());
        // A worker that had not seen the cancel yet: nothing changes.
        let c = ChunkSpec {
            job_id: 2,
            chunk: 0,
            work: Work::Job,
            job_json: String::new(),
            first: 0,
            end: 50,
        };
        assert!(s.on_message(0, done(&prepared, 2, &c)).is_empty());
        assert!(s
            .on_message(
                1,
                FromWorker::Cancelled {
                    job_id: 2,
                    chunk: 1,
                    done: 3
                }
            )
            .is_empty());
        assert_eq!(s.merged_runs, 0);
        assert!(s.worker_lost(0, Some("it stopped")).is_empty());
    }

    /// Runs `job` on `workers` fake workers, killing a worker now and then (`kill(turn)`
    /// says which, if any), and returns the merged aggregate and the effects seen.
    fn run_with_deaths(
        job: &Job,
        workers: usize,
        kill: impl Fn(usize) -> Option<usize>,
    ) -> (Scheduler, Vec<Effect>) {
        let prepared = job.prepare().unwrap();
        let runs = job.settings.replications;
        let (mut s, fx) =
            Scheduler::start(9, "{}".into(), runs, workers, prepared.empty_aggregate());
        let mut seen = fx.clone();
        let mut pending: VecDeque<(usize, ChunkSpec)> = sent(&fx).into_iter().collect();
        let mut turn = 0;
        while let Some((w, c)) = pending.pop_front() {
            turn += 1;
            if let Some(dead) = kill(turn) {
                // Whatever was sent to it is gone.
                pending.retain(|(x, _)| *x != dead);
                let fx = s.worker_lost(dead, Some("it stopped"));
                pending.extend(sent(&fx));
                seen.extend(fx);
                if dead == w {
                    continue;
                }
            }
            let aggregate = prepared.run(c.first..c.end);
            let fx = s.on_message(
                w,
                FromWorker::Done {
                    job_id: 9,
                    chunk: c.chunk,
                    aggregate,
                    memory: 0,
                },
            );
            pending.extend(sent(&fx));
            seen.extend(fx);
        }
        (s, seen)
    }

    #[test]
    fn chunks_lost_with_a_worker_are_sent_again_and_the_result_is_the_same() {
        // Past the preview, so several chunks of both kinds.
        let runs = 260;
        let mut j = job(runs);
        j.settings.horizon_months = 3;
        let whole = j.prepare().unwrap().run(0..runs).fingerprint();
        // Worker 1 dies on turns 2 and 5, worker 0 on turn 4.
        let (s, seen) = run_with_deaths(&j, 2, |turn| match turn {
            2 | 5 => Some(1),
            4 => Some(0),
            _ => None,
        });
        assert!(s.is_complete(), "{seen:?}");
        assert!(s.chunks.len() > 4);
        let restarts: u32 = s.restarts.iter().map(|r| u32::from(*r)).sum();
        assert!(restarts >= 3, "each death lost chunks: {:?}", s.restarts);
        assert_eq!(s.merged_runs, runs);
        assert_eq!(
            s.aggregate.fingerprint(),
            whole,
            "same numbers as an undisturbed run"
        );
        assert!(!seen.iter().any(|e| matches!(e, Effect::Failed(_))));
        assert_eq!(seen.last(), Some(&Effect::Publish { last: true }));
    }

    #[test]
    fn a_chunk_that_keeps_killing_its_worker_fails_the_job_with_a_message() {
        let (mut s, fx, _) = start(5, 1000, 2);
        // Worker 0 holds chunks 0 and 2; every worker it is sent to dies at once.
        assert_eq!(sent(&fx)[0].1.chunk, 0);
        for restart in 1..=MAX_RESTARTS {
            let fx = s.worker_lost(0, Some("it failed: boom"));
            let again: Vec<u32> = sent(&fx).iter().map(|(_, c)| c.chunk).collect();
            assert_eq!(
                again,
                vec![0, 2],
                "restart {restart}: the same chunks, in order"
            );
            assert!(s.is_running());
        }
        let fx = s.worker_lost(0, Some("it failed: boom"));
        assert!(!s.is_running());
        assert!(fx.contains(&Effect::Send(1, ToWorker::Cancel { job_id: 5 })));
        let Some(Effect::Failed(text)) = fx.last() else {
            panic!("{fx:?}")
        };
        assert_eq!(
            text,
            "runs 1 to 50 were tried 4 times and each time their simulation worker died (the \
             last time: it failed: boom). The page still works: run again, or reload the page \
             if it happens again"
        );
    }

    #[test]
    fn a_worker_replaced_on_purpose_does_not_count_towards_failing() {
        let (mut s, _, _) = start(6, 1000, 2);
        for _ in 0..=MAX_RESTARTS + 2 {
            let fx = s.worker_lost(1, None);
            assert_eq!(sent(&fx).len(), 2);
        }
        assert!(s.is_running());
    }

    #[test]
    fn a_chunk_given_up_unasked_is_sent_again() {
        let (mut s, _, _) = start(7, 1000, 2);
        let fx = s.on_message(
            1,
            FromWorker::Cancelled {
                job_id: 7,
                chunk: 1,
                done: 4,
            },
        );
        let again = sent(&fx);
        assert_eq!(again.len(), 1);
        assert_eq!((again[0].0, again[0].1.chunk), (1, 1));
    }

    #[test]
    fn a_failure_stops_the_job() {
        let (mut s, _, _) = start(3, 1000, 2);
        let fx = s.on_message(
            0,
            FromWorker::Failed {
                job_id: 3,
                chunk: 0,
                error: engine::JobError::Invalid(vec![engine::FieldError::document("boom")]),
            },
        );
        assert!(fx.contains(&Effect::Failed(
            engine::JobError::Invalid(vec![engine::FieldError::document("boom")]).to_string()
        )));
        assert!(fx.contains(&Effect::Send(1, ToWorker::Cancel { job_id: 3 })));
        assert!(!s.is_running());
    }

    #[test]
    fn near_the_end_a_worker_holds_one_chunk() {
        // 100 preview runs over 2 workers, then guided chunks: few enough that the last
        // ones are handed out one at a time.
        let runs = 300;
        let (mut s, fx, prepared) = start(4, runs, 2);
        let mut pending: VecDeque<(usize, ChunkSpec)> = sent(&fx).into_iter().collect();
        while let Some((w, c)) = pending.pop_front() {
            let fx = s.on_message(w, done(&prepared, 4, &c));
            for (w, c) in sent(&fx) {
                // When this chunk went out, were more chunks left than workers?
                let left = s.chunks.len() - c.chunk as usize;
                let depth = if left > s.busy.len() { 2 } else { 1 };
                assert!(
                    s.busy[w].len() <= depth,
                    "worker {w} holds {} chunks with {left} left",
                    s.busy[w].len()
                );
                pending.push_back((w, c));
            }
        }
        assert!(s.is_complete());
        assert_eq!(s.merged_runs, runs);
    }
}
