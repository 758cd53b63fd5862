//! A scrutiny analysis as a sequence of ordinary jobs for the workers: "what matters most"
//! (the tornado, `TornadoPlan::jobs`), "what if this is wrong?" (`WhatIfPlan::job`) or
//! "what would it take?" (goal seek, a job per setting tried: `GoalPlan::step`). The
//! controller runs the jobs one after another through the same scheduler as any run
//! (chunks, progress, cancel, lost workers), hands each merged aggregate back here, and
//! reports the answer made from them all. Pure: natively tested.

use std::rc::Rc;

use engine::aggregate::Aggregate;
use engine::goal_seek::{Evaluations, Goal, GoalPlan, Step};
use engine::runner::Job;
use engine::scenario::{RunSettings, Scenario};
use engine::sensitivity::tornado::TornadoPlan;
use engine::sensitivity::what_if::WhatIfPlan;
use engine::sensitivity::{Outcome, Period};

use crate::app::state::scrutiny::{AnalysisKind, ScrutinyAction};
use crate::protocol::JobId;

enum Plan {
    Tornado(TornadoPlan),
    WhatIf(WhatIfPlan),
    /// The goal, the settings evaluated so far and the one being evaluated.
    Goal(Box<GoalPlan>, Evaluations, Option<f64>),
}

/// An analysis under way: its jobs, the aggregates of those finished, and the job running.
pub struct AnalysisRun {
    pub kind: AnalysisKind,
    plan: Plan,
    jobs: Vec<Job>,
    aggregates: Vec<Aggregate>,
    /// The scheduler's id of the job running.
    pub job_id: Option<JobId>,
}

/// An outcome chosen in the "what matters most" view: a metric key, optionally `@` a
/// financial year (`cost@2024/25`) for a flow added up over that year.
pub fn outcome_of(choice: &str) -> Result<Outcome, String> {
    let (metric, period) = match choice.split_once('@') {
        Some((m, year)) => (m, Some(Period::Year(year.to_string()))),
        None => (choice, None),
    };
    Outcome::new(metric, period).map_err(|e| e.to_string())
}

impl AnalysisRun {
    /// The tornado of `scenario` for the outcome `choice` (see [`outcome_of`]).
    pub fn tornado(
        scenario: &Scenario,
        settings: &RunSettings,
        choice: &str,
    ) -> Result<AnalysisRun, String> {
        let plan =
            TornadoPlan::new(scenario, settings, outcome_of(choice)?).map_err(|e| e.to_string())?;
        Ok(AnalysisRun {
            kind: AnalysisKind::Tornado,
            jobs: plan.jobs(),
            plan: Plan::Tornado(plan),
            aggregates: vec![],
            job_id: None,
        })
    }

    /// "What if this is wrong?" for the uncertain assumption at catalogue `path`.
    pub fn what_if(
        scenario: &Scenario,
        settings: &RunSettings,
        path: &str,
    ) -> Result<AnalysisRun, String> {
        let plan = WhatIfPlan::new(scenario, settings, path).map_err(|e| e.to_string())?;
        Ok(AnalysisRun {
            kind: AnalysisKind::WhatIf,
            jobs: vec![plan.job()],
            plan: Plan::WhatIf(plan),
            aggregates: vec![],
            job_id: None,
        })
    }

    /// "What would it take?": the smallest setting of the goal's lever reaching it.
    pub fn goal(
        scenario: &Scenario,
        settings: &RunSettings,
        goal: &Goal,
    ) -> Result<AnalysisRun, String> {
        let plan = GoalPlan::new(scenario, settings, goal).map_err(|e| e.to_string())?;
        Ok(AnalysisRun {
            kind: AnalysisKind::Goal,
            jobs: vec![],
            plan: Plan::Goal(Box::new(plan), Evaluations::new(), None),
            aggregates: vec![],
            job_id: None,
        })
    }

    /// The next job to run, if any is left (a goal seek works it out from the settings
    /// evaluated so far).
    pub fn next_job(&mut self) -> Result<Option<Job>, String> {
        match &mut self.plan {
            Plan::Goal(plan, known, pending) => match plan.step(known) {
                Step::Done(_) => Ok(None),
                Step::Need(x) => {
                    *pending = Some(x);
                    plan.job(x).map(Some).map_err(|e| e.to_string())
                }
            },
            _ => Ok(self.jobs.get(self.aggregates.len()).cloned()),
        }
    }

    /// The job running finished with this merged aggregate.
    pub fn finished(&mut self, aggregate: Aggregate) {
        if let Plan::Goal(plan, known, pending) = &mut self.plan {
            if let Some(x) = pending.take() {
                known.insert(x.to_bits(), plan.evaluate(&aggregate));
            }
        }
        self.aggregates.push(aggregate);
        self.job_id = None;
    }

    /// Simulated futures in all: every scenario of every job, each run `replications`
    /// times (for a goal seek, the most its search can need).
    pub fn total(&self) -> u64 {
        match &self.plan {
            Plan::Goal(plan, ..) => {
                u64::from(plan.max_evaluations()) * u64::from(plan.replications())
            }
            _ => self.jobs.iter().map(weight).sum(),
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
                let n = self.aggregates.len();
                let before: u64 = self.jobs[..n.min(self.jobs.len())].iter().map(weight).sum();
                let now = self
                    .jobs
                    .get(n)
                    .map(|j| j.scenarios.len() as u64 * runs)
                    .unwrap_or(0);
                before + now
            }
        }
    }

    /// The answer once every job has finished.
    pub fn answer(&self) -> Result<ScrutinyAction, String> {
        match &self.plan {
            Plan::Tornado(p) => p
                .tornado_from_aggregates(&self.aggregates)
                .map(|t| ScrutinyAction::Tornado(Rc::new(t))),
            Plan::WhatIf(p) => match self.aggregates.first() {
                Some(a) => p.answer(a).map(|w| ScrutinyAction::WhatIf(Rc::new(w))),
                None => return Err("the what-if was not run".into()),
            },
            Plan::Goal(plan, known, _) => match plan.step(known) {
                Step::Done(a) => Ok(ScrutinyAction::Goal(Rc::new(*a))),
                Step::Need(_) => return Err("the search has not finished".into()),
            },
        }
        .map_err(|e| e.to_string())
    }
}

fn weight(j: &Job) -> u64 {
    j.scenarios.len() as u64 * u64::from(j.settings.replications)
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

    /// Run every job of `run` as the workers would (two chunks each).
    fn run_all(run: &mut AnalysisRun) {
        while let Some(job) = run.next_job().expect("a job") {
            let prepared = job.prepare().expect("valid");
            let mut a = prepared.run(0..1);
            a.merge(&prepared.run(1..2));
            run.finished(a);
        }
    }

    #[test]
    fn a_tornado_runs_as_jobs_and_counts_its_progress() {
        let mut run = AnalysisRun::tornado(&default_scenario(), &settings(), "cost@2020/21")
            .expect("a tornado");
        let total = run.total();
        let k = engine::catalog::uncertain().len() as u64;
        // Each job repeats the baseline.
        assert!(total >= 2 * (2 * k + 1));
        assert_eq!(run.done(0), 0);
        run_all(&mut run);
        assert_eq!(run.done(0), total);
        match run.answer().expect("answer") {
            ScrutinyAction::Tornado(t) => {
                assert_eq!(t.bars.len() as u64, k);
                assert!(t.outcome.contains("2020/21"), "{}", t.outcome);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn what_if_and_bad_choices() {
        let mut run =
            AnalysisRun::what_if(&default_scenario(), &settings(), "demand.groups_per_month")
                .expect("a what-if");
        assert!(run.answer().is_err());
        run_all(&mut run);
        assert!(matches!(run.answer(), Ok(ScrutinyAction::WhatIf(_))));
        assert!(outcome_of("nonsense").is_err());
        assert!(AnalysisRun::tornado(&default_scenario(), &settings(), "cost@1999/00").is_err());
        assert!(AnalysisRun::what_if(&default_scenario(), &settings(), "seed").is_err());
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
