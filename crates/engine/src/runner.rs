//! The one small interface every driver uses (browser worker, CLI, tests, benchmarks):
//! a `Job` (scenarios + run settings) is validated and compiled into a `PreparedJob`, whose
//! `run(range)` simulates replications `range` of every scenario and returns an `Aggregate`;
//! a `Batch` does the same over several calls, keeping its simulators in between.
//! Aggregates of disjoint ranges merge into exactly what one call over the union gives.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::aggregate::Aggregate;
use crate::error::FieldError;
pub use crate::limits::{MAX_GROUPS_PER_MONTH, MAX_SCENARIOS};
use crate::path::{FieldPath, Segment};
use crate::scenario::{RunSettings, Scenario};
use crate::sim::{uncertain, Model, Simulator};
use crate::validate::ValidScenario;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Job {
    pub settings: RunSettings,
    /// The first is the baseline; the others are compared with it or with another one
    /// (`compare_with`).
    pub scenarios: Vec<Scenario>,
    /// For each scenario, the index of the scenario it is compared with (head to head, on
    /// the same random draws); the baseline's own entry is ignored. Empty, or shorter than
    /// the list: the rest are compared with the baseline (older jobs and files).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub compare_with: Vec<usize>,
}

impl Job {
    /// A job comparing every scenario with the baseline.
    pub fn new(settings: RunSettings, scenarios: Vec<Scenario>) -> Job {
        Job {
            settings,
            scenarios,
            compare_with: vec![],
        }
    }

    /// The index each scenario after the baseline is compared with (one per strategy).
    pub fn comparators(&self) -> Vec<usize> {
        comparators(&self.compare_with, self.scenarios.len())
    }
}

/// The comparator of each scenario after the first, from a job's `compare_with`.
pub fn comparators(compare_with: &[usize], scenarios: usize) -> Vec<usize> {
    (1..scenarios)
        .map(|i| compare_with.get(i).copied().unwrap_or(0))
        .collect()
}

pub struct PreparedJob {
    pub settings: RunSettings,
    pub models: Vec<Model>,
    /// The index each scenario after the baseline is compared with.
    pub comparators: Vec<usize>,
}

/// The part of a job a [`FieldError`] of [`Job::validate`] concerns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JobPart {
    /// The run settings; the error's path is within them (`replications`).
    Settings,
    /// Scenario `i`; the error's path is within it (`demand.trend_per_year`).
    Scenario(usize),
    /// The job as a whole (the list of scenarios); the path is unchanged.
    Whole,
}

impl JobPart {
    /// Which part of the job `error` concerns, and the error with its path made relative
    /// to that part.
    pub fn of(error: FieldError) -> (JobPart, FieldError) {
        let settings = FieldPath::root().key("settings");
        if let Some(rest) = error.path.strip_prefix(&settings) {
            return (JobPart::Settings, FieldError::at(rest, error.reason));
        }
        let scenarios = FieldPath::root().key("scenarios");
        if let Some(rest) = error.path.strip_prefix(&scenarios) {
            if let Some((Segment::Index(i), within)) = rest.split_first() {
                return (JobPart::Scenario(*i), FieldError::at(within, error.reason));
            }
        }
        (JobPart::Whole, error)
    }
}

impl Job {
    /// Read a job from JSON, naming the field of any error.
    pub fn from_json(text: &str) -> Result<Job, crate::error::JobError> {
        crate::json::parse_json(text).map_err(crate::error::JobError::Unreadable)
    }

    /// Every problem with the job, each naming its field (`scenarios[1].demand...`).
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        self.validated().map(|_| ())
    }

    /// The job's scenarios, each validated, or every problem with the job.
    fn validated(&self) -> Result<Vec<ValidScenario>, Vec<FieldError>> {
        let list = FieldPath::root().key("scenarios");
        let mut errors = vec![];
        let mut valid = Vec::with_capacity(self.scenarios.len());
        let horizon = self.settings.horizon_months as usize;
        for (i, s) in self.scenarios.iter().enumerate() {
            match ValidScenario::new(s.clone()) {
                Err(e) => errors.extend(e.into_iter().map(|e| e.within(&list.index(i)))),
                Ok(v) => {
                    if let Some(e) = admissions_beyond_limit(&v, horizon) {
                        errors.push(e.within(&list.index(i)));
                    }
                    valid.push(v);
                }
            }
        }
        let scenarios: Vec<&Scenario> = self.scenarios.iter().collect();
        let mut whole = together(&self.settings, &scenarios);
        whole.extend(comparator_errors(&self.compare_with, scenarios.len()));
        errors.splice(0..0, whole);
        if errors.is_empty() {
            Ok(valid)
        } else {
            Err(errors)
        }
    }

    /// The problems only the job as a whole finds, for scenarios already validated one by one
    /// (as the app validates each where it is edited): the run settings, how many scenarios
    /// there are, their start months, and the admissions each reaches over the horizon. No
    /// scenario is validated again.
    pub fn check_together(
        settings: &RunSettings,
        scenarios: &[ValidScenario],
    ) -> Result<(), Vec<FieldError>> {
        let plain: Vec<&Scenario> = scenarios.iter().map(|s| s.scenario()).collect();
        let mut errors = together(settings, &plain);
        errors.extend(beyond_limits(settings, scenarios));
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    pub fn prepare(&self) -> Result<PreparedJob, Vec<FieldError>> {
        let valid = self.validated()?;
        Ok(PreparedJob::compile(self.settings, &valid).comparing(self.comparators()))
    }
}

/// Each comparator must be another scenario of the job.
pub fn comparator_errors(compare_with: &[usize], scenarios: usize) -> Vec<FieldError> {
    let list = FieldPath::root().key("compare_with");
    let mut errors = vec![];
    if compare_with.len() > scenarios {
        errors.push(FieldError::at(
            list.clone(),
            format!(
                "has {} entries for {scenarios} scenarios",
                compare_with.len()
            ),
        ));
    }
    for (i, &c) in compare_with.iter().enumerate().skip(1) {
        if c >= scenarios {
            errors.push(FieldError::at(
                list.index(i),
                format!("is {c}, but there are only {scenarios} scenarios (0 is the baseline)"),
            ));
        } else if c == i {
            errors.push(FieldError::at(
                list.index(i),
                "compares the scenario with itself; choose the baseline or another scenario",
            ));
        }
    }
    errors
}

/// The run settings, the number of scenarios and their start months, each problem naming its
/// field within the job.
fn together(settings: &RunSettings, scenarios: &[&Scenario]) -> Vec<FieldError> {
    let root = FieldPath::root();
    let list = root.key("scenarios");
    let mut errors = vec![];
    if let Err(e) = settings.validate() {
        errors.extend(e.into_iter().map(|e| e.within(&root.key("settings"))));
    }
    if scenarios.is_empty() {
        errors.push(FieldError::at(
            list.clone(),
            "needs at least one scenario (the baseline)",
        ));
    }
    if scenarios.len() > MAX_SCENARIOS {
        errors.push(FieldError::at(
            list.clone(),
            format!("at most {MAX_SCENARIOS} scenarios can be compared at once"),
        ));
    }
    // Every scenario is reported against the baseline's months and financial years.
    if let Some(base) = scenarios.first() {
        for (i, s) in scenarios.iter().enumerate().skip(1) {
            if (s.start_year, s.start_month) != (base.start_year, base.start_month) {
                errors.push(FieldError::at(
                    list.index(i).key("start_month"),
                    format!(
                        "starts in {}-{:02}, but a comparison must start when the baseline does \
                         ({}-{:02}), so that the same months are compared",
                        s.start_year, s.start_month, base.start_year, base.start_month
                    ),
                ));
            }
        }
    }
    errors
}

/// The admissions each valid scenario reaches over the horizon, where beyond the limit.
fn beyond_limits(settings: &RunSettings, scenarios: &[ValidScenario]) -> Vec<FieldError> {
    let list = FieldPath::root().key("scenarios");
    let horizon = settings.horizon_months as usize;
    scenarios
        .iter()
        .enumerate()
        .filter_map(|(i, v)| admissions_beyond_limit(v, horizon).map(|e| e.within(&list.index(i))))
        .collect()
}

/// The admissions rate a valid scenario reaches over `horizon` months, if it passes
/// [`MAX_GROUPS_PER_MONTH`]: month by month as the model computes it (the starting rate,
/// compounded by the trend, times the month's seasonal factor). The field named is the one
/// that takes it over: the trend when the rate would pass the limit even without a
/// seasonal pattern, otherwise the seasonality of the calendar month where it peaks.
fn admissions_beyond_limit(s: &ValidScenario, horizon: usize) -> Option<FieldError> {
    let d = &s.demand;
    let growth = |m: usize| libm::pow(1.0 + d.trend_per_year, m as f64 / 12.0);
    let calendar = |m: usize| s.start().plus_months(m as i64).month_index();
    let rate = |m: usize| d.groups_per_month * growth(m) * d.seasonal_factor(calendar(m));
    let peak = (0..horizon).max_by(|a, b| rate(*a).total_cmp(&rate(*b)))?;
    let top = rate(peak);
    if top <= MAX_GROUPS_PER_MONTH {
        return None;
    }
    let demand = FieldPath::root().key("demand");
    let trend_alone = (0..horizon)
        .map(|m| d.groups_per_month * growth(m))
        .fold(0.0, f64::max);
    if trend_alone > MAX_GROUPS_PER_MONTH {
        return Some(FieldError::at(
            demand.key("trend_per_year"),
            format!(
                "compounds the admissions rate to {trend_alone:.0} groups a month by the end of the \
                 horizon; at most {MAX_GROUPS_PER_MONTH:.0} can be simulated"
            ),
        ));
    }
    let cal = calendar(peak);
    Some(FieldError::at(
        demand.key("seasonality").index(cal),
        format!(
            "makes {} {:.2} times an average month, taking the admissions rate to {top:.0} groups \
             a month; at most {MAX_GROUPS_PER_MONTH:.0} can be simulated (flatten the pattern or \
             lower demand.groups_per_month)",
            s.start().plus_months(peak as i64).name(),
            d.seasonal_factor(cal)
        ),
    ))
}

impl PreparedJob {
    /// Compile scenarios already validated (one by one, and together with
    /// [`Job::check_together`]) without validating them again.
    pub fn compile(settings: RunSettings, scenarios: &[ValidScenario]) -> PreparedJob {
        let h = settings.horizon_months as usize;
        let models = scenarios.iter().map(|s| Model::compile(s, h)).collect();
        PreparedJob {
            settings,
            models,
            comparators: comparators(&[], scenarios.len()),
        }
    }

    /// This job with each scenario after the baseline compared with `comparators[i - 1]`
    /// (checked with [`comparator_errors`]; an index out of range counts as the baseline).
    pub fn comparing(mut self, comparators: Vec<usize>) -> PreparedJob {
        let n = self.models.len();
        self.comparators = (1..n)
            .map(|i| {
                let c = comparators.get(i - 1).copied().unwrap_or(0);
                if c < n && c != i {
                    c
                } else {
                    0
                }
            })
            .collect();
        self
    }

    pub fn empty_aggregate(&self) -> Aggregate {
        let years = self
            .models
            .first()
            .map(|m| m.fin_year_labels.len())
            .unwrap_or(0);
        Aggregate::comparing(
            &self.comparators,
            self.settings.horizon_months as usize,
            years,
        )
    }

    /// Simulate replications `reps` (clipped to the job's replication count).
    pub fn run(&self, reps: Range<u32>) -> Aggregate {
        self.run_with(reps, |_| true)
    }

    /// As `run`, calling `progress(done)` after each replication; stops early (returning the
    /// runs done so far) when it returns false.
    pub fn run_with(&self, reps: Range<u32>, progress: impl FnMut(u32) -> bool) -> Aggregate {
        let mut batch = self.batch();
        batch.run_with(reps, progress);
        batch.finish()
    }

    /// A batch of this job's replications run into one aggregate over several calls (as the
    /// browser worker runs a chunk in time slices).
    pub fn batch(&self) -> Batch<'_> {
        let sims: Vec<Simulator<'_>> = self.models.iter().map(Simulator::new).collect();
        Batch {
            job: self,
            sims,
            aggregate: self.empty_aggregate(),
        }
    }
}

/// Replications of a prepared job run into one aggregate, keeping the simulators (and their
/// buffers) between calls. Whatever the calls, the aggregate is exactly
/// what one `PreparedJob::run` over the same replications gives.
pub struct Batch<'j> {
    job: &'j PreparedJob,
    /// One per scenario, baseline first.
    sims: Vec<Simulator<'j>>,
    /// Every replication run so far.
    pub aggregate: Aggregate,
}

impl<'j> Batch<'j> {
    /// Run replications `reps` (clipped to the job's replication count) into the aggregate,
    /// calling `progress(done)` after each (`done` counts this call's runs); stops early
    /// when it returns false. Returns how many replications ran.
    pub fn run_with(&mut self, reps: Range<u32>, mut progress: impl FnMut(u32) -> bool) -> u32 {
        let settings = &self.job.settings;
        let end = reps.end.min(settings.replications);
        let mut done = 0;
        for rep in reps.start..end {
            if settings.uncertainty {
                let job: &'j PreparedJob = self.job;
                uncertain::run_replication(
                    &job.models,
                    &mut self.sims,
                    settings.seed,
                    rep,
                    &mut self.aggregate,
                );
            } else {
                for s in self.sims.iter_mut() {
                    s.run(settings.seed, rep);
                }
                self.aggregate.add(rep, &self.sims);
            }
            done += 1;
            if !progress(done) {
                break;
            }
        }
        done
    }

    /// The aggregate of every replication run.
    pub fn finish(self) -> Aggregate {
        self.aggregate
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::defaults::{default_scenario, strategy};

    #[test]
    fn job_errors_are_placed_in_their_part_of_the_job() {
        let mut bad = default_scenario();
        bad.demand.entry_age[1] = -0.5;
        let job = Job {
            settings: RunSettings {
                replications: 0,
                ..RunSettings::default()
            },
            scenarios: vec![default_scenario(), bad],
            compare_with: vec![],
        };
        let errors = job.validate().expect_err("invalid job");
        let placed: Vec<(JobPart, String)> = errors
            .into_iter()
            .map(JobPart::of)
            .map(|(part, e)| (part, e.field))
            .collect();
        assert_eq!(
            placed,
            [
                (JobPart::Settings, "replications".to_string()),
                (JobPart::Scenario(1), "demand.entry_age[1]".to_string()),
            ]
        );
        let none = Job {
            settings: RunSettings::default(),
            scenarios: vec![],
            compare_with: vec![],
        };
        let (part, e) = JobPart::of(none.validate().unwrap_err().remove(0));
        assert_eq!((part, e.field.as_str()), (JobPart::Whole, "scenarios"));
        assert!(matches!(
            Job::from_json("{\"settings\": 1}"),
            Err(crate::error::JobError::Unreadable(_))
        ));
    }

    #[test]
    fn a_batch_over_several_calls_gives_exactly_one_run() {
        let base = default_scenario();
        let strat = base.with_strategy(&strategy("strategy_2019_22").expect("built-in strategy"));
        let settings = RunSettings {
            seed: 11,
            replications: 12,
            horizon_months: 24,
            uncertainty: false,
        };
        let make = || {
            Job {
                settings,
                scenarios: vec![base.clone(), strat.clone()],
                compare_with: vec![],
            }
            .prepare()
            .expect("valid job")
        };
        let whole = make().run(0..12);
        assert_eq!(whole.runs, 12);

        let prepared = make();
        let mut batch = prepared.batch();
        assert_eq!(batch.run_with(0..3, |_| true), 3);
        assert_eq!(batch.run_with(3..4, |_| true), 1);
        // Stopped after its third run, then continued where it stopped.
        assert_eq!(batch.run_with(4..12, |done| done < 3), 3);
        assert_eq!(batch.aggregate.runs, 7);
        assert_eq!(batch.run_with(7..7, |_| true), 0);
        // Clipped to the job's replication count.
        assert_eq!(batch.run_with(7..99, |_| true), 5);
        let sliced = batch.finish();
        assert_eq!(sliced.fingerprint(), whole.fingerprint());
        assert!(sliced == whole);

        // A second batch of the same job (and `run_with` stopped early) agrees too.
        let mut again = prepared.run_with(0..12, |done| done < 5);
        assert_eq!(again.runs, 5);
        again.merge(&prepared.run(5..12));
        assert_eq!(again.fingerprint(), whole.fingerprint());
    }

    /// A strategy compared with another strategy gets the paired difference of those two on
    /// the same random draws: exactly what a job with the other as its baseline finds, and
    /// any split of the runs merges to the same.
    #[test]
    fn head_to_head_is_the_paired_difference_of_the_two() {
        let base = default_scenario();
        let recruit = base.with_strategy(&strategy("recruit").expect("built-in strategy"));
        let homes = base.with_strategy(&strategy("homes").expect("built-in strategy"));
        let settings = RunSettings {
            seed: 5,
            replications: 12,
            horizon_months: 24,
            uncertainty: false,
        };
        let three = Job {
            settings,
            scenarios: vec![base.clone(), recruit.clone(), homes.clone()],
            compare_with: vec![0, 0, 1],
        };
        let prepared = three.prepare().expect("valid job");
        let whole = prepared.run(0..12);
        assert_eq!(whole.against, [0, 1]);
        let two = Job::new(settings, vec![recruit, homes]);
        let direct = two.prepare().expect("valid job").run(0..12);
        assert_eq!(whole.paired[1], direct.paired[0]);
        let with_base = Job::new(settings, three.scenarios.clone());
        let against_base = with_base.prepare().expect("valid job").run(0..12);
        assert_eq!(whole.paired[0], against_base.paired[0]);
        assert_ne!(whole.paired[1], against_base.paired[1]);
        assert_ne!(whole.fingerprint(), against_base.fingerprint());
        let mut split = prepared.run(7..12);
        split.merge(&prepared.run(0..7));
        assert_eq!(split.fingerprint(), whole.fingerprint());
        // Through JSON (as the worker sends jobs), with the comparator checked.
        let back = Job::from_json(&serde_json::to_string(&three).unwrap()).unwrap();
        assert_eq!(back, three);
        let bad = Job {
            compare_with: vec![0, 1, 7],
            ..three
        };
        let fields: Vec<String> = bad
            .validate()
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["compare_with[1]", "compare_with[2]"]);
    }

    /// A budget of its own for each financial year, later years grown from the last.
    #[test]
    fn budgets_by_year_are_used_then_grown() {
        let mut s = default_scenario();
        s.costs.budget_by_year = vec![40e6, 42e6];
        let b = Model::compile(&ValidScenario::new(s.clone()).unwrap(), 60).fin_year_budget;
        // July 2020 start: 9 months of 2020/21, then full years.
        assert_eq!(b[0], 40e6 * 9.0 / 12.0);
        assert_eq!(b[1], 42e6);
        assert_eq!(b[2], 42e6 * 1.02);
        let job = Job::new(
            RunSettings {
                seed: 1,
                replications: 3,
                horizon_months: 24,
                uncertainty: false,
            },
            vec![s],
        );
        let prepared = job.prepare().unwrap();
        assert_eq!(prepared.models[0].fin_year_budget[1], 42e6);
    }

    /// Scenarios validated one by one and then checked together find exactly the problems
    /// the whole job's validation finds, and compile to the same models' results.
    #[test]
    fn checking_together_finds_what_validating_the_job_finds() {
        let base = default_scenario();
        let mut later = base.clone();
        later.start_month = 9;
        let mut growing = base.clone();
        growing.demand.groups_per_month = MAX_GROUPS_PER_MONTH;
        growing.demand.trend_per_year = 2.0;
        let settings = RunSettings {
            horizon_months: 120,
            ..RunSettings::default()
        };
        for scenarios in [
            vec![base.clone()],
            vec![base.clone(), later],
            vec![base.clone(), growing],
        ] {
            let job = Job {
                settings,
                scenarios: scenarios.clone(),
                compare_with: vec![],
            };
            let valid: Vec<ValidScenario> = scenarios
                .into_iter()
                .map(|s| ValidScenario::new(s).expect("each valid alone"))
                .collect();
            assert_eq!(Job::check_together(&settings, &valid), job.validate());
        }
        let job = Job {
            settings: RunSettings {
                replications: 4,
                horizon_months: 12,
                ..RunSettings::default()
            },
            scenarios: vec![base.clone()],
            compare_with: vec![],
        };
        let valid = vec![ValidScenario::new(base).unwrap()];
        let compiled = PreparedJob::compile(job.settings, &valid);
        assert_eq!(
            compiled.run(0..4).fingerprint(),
            job.prepare().unwrap().run(0..4).fingerprint()
        );
    }
}
