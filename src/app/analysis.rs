//! A scrutiny analysis as a sequence of jobs for the workers: "what matters most" (the
//! tornado and then the global ranking, each a sampled job whose chunks return every run's
//! outcome: `engine::sensitivity::sampled`), "what if this is wrong?" (an ordinary job,
//! `WhatIfPlan::job`) or "what would it take?" (goal seek, a job per setting tried:
//! `GoalPlan::step`). The controller runs the jobs one after another through the same
//! scheduler as any run (chunks, progress, cancel, lost workers), hands each one's merged
//! result back here, and reports the answers made from them (the tornado as soon as it is
//! made, the ranking at the end) with the engine's own functions, as the CLI makes them.
//! Pure: natively tested.

use std::rc::Rc;

use engine::aggregate::Aggregate;
use engine::goal_seek::{Evaluations, Goal, GoalPlan, Step};
use engine::runner::Job;
use engine::scenario::{RunSettings, Scenario};
use engine::sensitivity::global::{self, GlobalPlan};
use engine::sensitivity::sampled::{Method, SampledJob};
use engine::sensitivity::tornado::TornadoPlan;
use engine::sensitivity::what_if::WhatIfPlan;
use engine::sensitivity::{Outcome, Period, Runs};

use crate::app::state::scrutiny::{AnalysisKind, ScrutinyAction};
use crate::protocol::JobId;

enum Plan {
    /// "What matters most": the tornado's plan, then the global ranking's.
    Sensitivity(Box<TornadoPlan>, Box<GlobalPlan>),
    WhatIf(WhatIfPlan),
    /// The goal, the settings evaluated so far and the one being evaluated.
    Goal(Box<GoalPlan>, Evaluations, Option<f64>),
}

/// One job of an analysis, as the scheduler runs it.
#[derive(Clone, Debug, PartialEq)]
pub enum Work {
    /// An ordinary job: its chunks answer with aggregates.
    Job(Job),
    /// A sampled analysis of `variants` simulations a run: its chunks answer with each
    /// run's outcome.
    Sampled {
        job: Box<SampledJob>,
        variants: usize,
    },
}

impl Work {
    /// Replications (or samples) it runs.
    pub fn runs(&self) -> u32 {
        match self {
            Work::Job(j) => j.settings.replications,
            Work::Sampled { job, .. } => job.settings.replications,
        }
    }

    /// Simulations in each of its runs.
    fn variants(&self) -> u64 {
        match self {
            Work::Job(j) => j.scenarios.len() as u64,
            Work::Sampled { variants, .. } => *variants as u64,
        }
    }

    fn weight(&self) -> u64 {
        self.variants() * u64::from(self.runs())
    }
}

/// A finished job's merged result.
#[derive(Clone, Debug, PartialEq)]
pub enum Merged {
    Aggregate(Aggregate),
    Runs(Runs),
}

/// An analysis under way: its jobs, the results of those finished, and the job running.
pub struct AnalysisRun {
    pub kind: AnalysisKind,
    plan: Plan,
    jobs: Vec<Work>,
    results: Vec<Merged>,
    /// The scheduler's id of the job running.
    pub job_id: Option<JobId>,
}

/// An outcome chosen in the "what matters most" view: a metric key, optionally `@` a
/// financial year (`cost@2024/25`) for a flow added up over that year.
pub fn choice_parts(choice: &str) -> (&str, Option<Period>) {
    match choice.split_once('@') {
        Some((m, year)) => (m, Some(Period::Year(year.to_string()))),
        None => (choice, None),
    }
}

/// The outcome of a choice (see [`choice_parts`]).
pub fn outcome_of(choice: &str) -> Result<Outcome, String> {
    let (metric, period) = choice_parts(choice);
    Outcome::new(metric, period).map_err(|e| e.to_string())
}

impl AnalysisRun {
    fn new(kind: AnalysisKind, plan: Plan, jobs: Vec<Work>) -> AnalysisRun {
        AnalysisRun {
            kind,
            plan,
            jobs,
            results: vec![],
            job_id: None,
        }
    }

    /// "What matters most" for the outcome `choice` (see [`choice_parts`]): the tornado on
    /// `settings.replications` runs, then the global ranking on as many samples (at least
    /// [`global::min_samples`]).
    pub fn tornado(
        scenario: &Scenario,
        settings: &RunSettings,
        choice: &str,
    ) -> Result<AnalysisRun, String> {
        let (metric, period) = choice_parts(choice);
        let sampled = |method, replications| SampledJob {
            method,
            scenario: scenario.clone(),
            settings: RunSettings {
                replications,
                uncertainty: false,
                ..*settings
            },
            metric: metric.to_string(),
            period: period.clone(),
        };
        let tornado_job = sampled(Method::Tornado, settings.replications);
        let global_job = sampled(
            Method::Global,
            settings.replications.max(global::min_samples()),
        );
        let outcome = outcome_of(choice)?;
        let error = |e: engine::sensitivity::AnalysisError| e.to_string();
        let tornado =
            TornadoPlan::new(scenario, &tornado_job.settings, outcome.clone()).map_err(error)?;
        let global = GlobalPlan::new(scenario, &global_job.settings, outcome).map_err(error)?;
        let jobs = vec![
            Work::Sampled {
                job: Box::new(tornado_job),
                variants: tornado.simulations(),
            },
            Work::Sampled {
                job: Box::new(global_job),
                variants: 1,
            },
        ];
        let plan = Plan::Sensitivity(Box::new(tornado), Box::new(global));
        Ok(AnalysisRun::new(AnalysisKind::Tornado, plan, jobs))
    }

    /// "What if this is wrong?" for the uncertain assumption at catalogue `path`, with a
    /// change of the reader's own in percent if given.
    pub fn what_if(
        scenario: &Scenario,
        settings: &RunSettings,
        path: &str,
        own_percent: Option<f64>,
    ) -> Result<AnalysisRun, String> {
        let plan = WhatIfPlan::with_own(scenario, settings, path, own_percent)
            .map_err(|e| e.to_string())?;
        let jobs = vec![Work::Job(plan.job())];
        Ok(AnalysisRun::new(
            AnalysisKind::WhatIf,
            Plan::WhatIf(plan),
            jobs,
        ))
    }

    /// "What would it take?": the smallest setting of the goal's lever reaching it.
    pub fn goal(
        scenario: &Scenario,
        settings: &RunSettings,
        goal: &Goal,
    ) -> Result<AnalysisRun, String> {
        let plan = GoalPlan::new(scenario, settings, goal).map_err(|e| e.to_string())?;
        let plan = Plan::Goal(Box::new(plan), Evaluations::new(), None);
        Ok(AnalysisRun::new(AnalysisKind::Goal, plan, vec![]))
    }

    /// The next job to run, if any is left (a goal seek works it out from the settings
    /// evaluated so far).
    pub fn next_job(&mut self) -> Result<Option<Work>, String> {
        match &mut self.plan {
            Plan::Goal(plan, known, pending) => match plan.step(known) {
                Step::Done(_) => Ok(None),
                Step::Need(x) => {
                    *pending = Some(x);
                    plan.job(x)
                        .map(|j| Some(Work::Job(j)))
                        .map_err(|e| e.to_string())
                }
            },
            _ => Ok(self.jobs.get(self.results.len()).cloned()),
        }
    }

    /// The job running finished with this merged result; what to show at once, if anything
    /// (the tornado, while the global ranking runs).
    pub fn finished(&mut self, result: Merged) -> Option<ScrutinyAction> {
        if let (Plan::Goal(plan, known, pending), Merged::Aggregate(a)) = (&mut self.plan, &result)
        {
            if let Some(x) = pending.take() {
                known.insert(x.to_bits(), plan.evaluate(a));
            }
        }
        self.results.push(result);
        self.job_id = None;
        match (&self.plan, self.results.as_slice()) {
            (Plan::Sensitivity(tornado, _), [Merged::Runs(runs)]) => {
                Some(ScrutinyAction::Tornado(Rc::new(tornado.tornado(runs))))
            }
            _ => None,
        }
    }

    /// Simulated futures in all: every variant of every job, each run as often as the job
    /// says (for a goal seek, the most its search can need).
    pub fn total(&self) -> u64 {
        match &self.plan {
            Plan::Goal(plan, ..) => {
                u64::from(plan.max_evaluations()) * u64::from(plan.replications())
            }
            _ => self.jobs.iter().map(Work::weight).sum(),
        }
    }

    /// Simulated futures done, with `runs` replications done of the job running.
    pub fn done(&self, runs: u32) -> u64 {
        let runs = u64::from(runs);
        match &self.plan {
            Plan::Goal(plan, known, _) => {
                known.len() as u64 * u64::from(plan.replications()) + runs
            }
            _ => {
                let n = self.results.len().min(self.jobs.len());
                let before: u64 = self.jobs[..n].iter().map(Work::weight).sum();
                let now = self.jobs.get(n).map(|j| j.variants() * runs).unwrap_or(0);
                before + now
            }
        }
    }

    /// The answer once every job has finished.
    pub fn answer(&self) -> Result<ScrutinyAction, String> {
        match (&self.plan, self.results.as_slice()) {
            (Plan::Sensitivity(_, global), [_, Merged::Runs(runs)]) => {
                Ok(ScrutinyAction::Ranking(Rc::new(global.ranking(runs))))
            }
            (Plan::Sensitivity(..), _) => Err("the ranking was not run".into()),
            (Plan::WhatIf(p), [Merged::Aggregate(a)]) => p
                .answer(a)
                .map(|w| ScrutinyAction::WhatIf(Rc::new(w)))
                .map_err(|e| e.to_string()),
            (Plan::WhatIf(_), _) => Err("the what-if was not run".into()),
            (Plan::Goal(plan, known, _), _) => match plan.step(known) {
                Step::Done(a) => Ok(ScrutinyAction::Goal(Rc::new(*a))),
                Step::Need(_) => Err("the search has not finished".into()),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use engine::defaults::default_scenario;

    fn settings() -> RunSettings {
        RunSettings {
            seed: 4,
            replications: 2,
            horizon_months: 12,
            uncertainty: false,
        }
    }

    /// Run every job of `run` as the workers would (chunks through the codec), collecting
    /// what it shows on the way.
    fn run_all(run: &mut AnalysisRun) -> Vec<ScrutinyAction> {
        let mut shown = vec![];
        while let Some(work) = run.next_job().expect("a job") {
            let merged = match work {
                Work::Job(job) => {
                    let prepared = job.prepare().expect("valid");
                    let mut a = prepared.run(0..1);
                    a.merge(&prepared.run(1..2));
                    Merged::Aggregate(a)
                }
                Work::Sampled { job, .. } => {
                    Merged::Runs(crate::chunk::tests::run_like_the_app(&job, 2))
                }
            };
            shown.extend(run.finished(merged));
        }
        shown
    }

    /// The tornado and the global ranking the page makes from its workers' chunks are the
    /// CLI's (`sufficiency-cli sensitivity`: the plans run straight through), to the bit;
    /// the progress counts every simulation.
    #[test]
    fn what_matters_most_gives_the_cli_answers_and_counts_its_progress() {
        let choice = "cost@2020/21";
        let mut run =
            AnalysisRun::tornado(&default_scenario(), &settings(), choice).expect("a tornado");
        let k = engine::catalog::uncertain().len() as u64;
        let samples = u64::from(global::min_samples());
        // The tornado's cost-only variants are priced again, not simulated.
        let tornado_simulations = 2 * k + 1 - 6;
        assert_eq!(run.total(), 2 * tornado_simulations + samples);
        assert_eq!(run.done(0), 0);
        let shown = run_all(&mut run);
        assert_eq!(run.done(0), run.total());
        // As the CLI makes them.
        let outcome = outcome_of(choice).expect("an outcome");
        let tornado =
            TornadoPlan::new(&default_scenario(), &settings(), outcome.clone()).expect("plan");
        let cli_tornado = tornado.tornado(&tornado.run_with(0..2, |_| true));
        let global_settings = RunSettings {
            replications: global::min_samples(),
            ..settings()
        };
        let global = GlobalPlan::new(&default_scenario(), &global_settings, outcome).expect("plan");
        let cli_ranking = global.ranking(&global.run_with(0..global.samples(), |_| true));
        match shown.as_slice() {
            [ScrutinyAction::Tornado(t)] => {
                assert_eq!(**t, cli_tornado);
                assert_eq!(t.bars.len() as u64, k);
                assert!(t.outcome.contains("2020/21"), "{}", t.outcome);
            }
            other => panic!("{other:?}"),
        }
        match run.answer().expect("answer") {
            ScrutinyAction::Ranking(r) => {
                assert_eq!(*r, cli_ranking);
                assert_eq!(r.effects.len() as u64, k);
                assert_eq!(u64::from(r.samples), samples);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn what_if_and_bad_choices() {
        let mut run = AnalysisRun::what_if(
            &default_scenario(),
            &settings(),
            "demand.groups_per_month",
            None,
        )
        .expect("a what-if");
        assert!(run.answer().is_err());
        assert!(run_all(&mut run).is_empty());
        assert!(matches!(run.answer(), Ok(ScrutinyAction::WhatIf(_))));
        assert!(outcome_of("nonsense").is_err());
        assert!(AnalysisRun::tornado(&default_scenario(), &settings(), "cost@1999/00").is_err());
        assert!(AnalysisRun::what_if(&default_scenario(), &settings(), "seed", None).is_err());
    }

    /// A goal seek runs a job per setting tried and gives `seek`'s answer.
    #[test]
    fn a_goal_seek_runs_as_jobs() {
        use engine::goal_seek::{seek, Direction, LeverChoice};
        let goal = Goal {
            metric: "enquiries".into(),
            month: 0,
            direction: Direction::AtLeast,
            target: 30.0,
            confidence: 0.8,
            lever: LeverChoice::ExtraEnquiries,
            start_month: 0,
            ramp_months: 0,
            cost_per_unit: 0.0,
        };
        let mut s = default_scenario();
        s.population.children = 30;
        s.fostering.households = 12;
        let mut run = AnalysisRun::goal(&s, &settings(), &goal).expect("a goal");
        run_all(&mut run);
        assert!(run.done(0) <= run.total());
        match run.answer().expect("answer") {
            ScrutinyAction::Goal(a) => {
                assert_eq!(Ok((*a).clone()), seek(&s, &settings(), &goal, |_| true))
            }
            other => panic!("{other:?}"),
        }
    }
}
