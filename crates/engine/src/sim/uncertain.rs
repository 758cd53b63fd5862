//! Uncertainty in the assumptions: the settings of the uncertain assumptions
//! ([`catalog::uncertain`]) a replication draws when the job's
//! [`RunSettings::uncertainty`](crate::scenario::RunSettings::uncertainty) is on, and how a
//! setting is applied to a scenario.
//!
//! # The draw
//!
//! Each assumption is drawn from a triangular distribution on its range `[low, high]` with
//! its mode at the built-in default (1 for a table's multiplier), so values near the default
//! are the most likely and the ends the least. The draws of replication `rep` come from a
//! ChaCha8 stream of their own (the master seed, stream `UNCERTAINTY_STREAM + rep`, far from
//! the streams the processes use), so turning the option on moves no other draw, and the
//! same seed gives the same settings natively, in WebAssembly and on any number of workers.
//!
//! # Applying a setting
//!
//! A setting is a shift from the built-in default, applied to whatever the scenario holds:
//! in proportion (a setting 20% above the default raises the scenario's own value by 20%), or
//! added for yearly growth rates, whose default may be 0. Every scenario of a job gets the
//! same shift in the same replication, so strategies are still compared on common random
//! numbers. A shifted value is kept within the limits validation allows.

use rand::rngs::ChaCha8Rng;
use rand::{Rng, SeedableRng};

use super::{Model, Simulator};
use crate::aggregate::Aggregate;
use crate::catalog::{self, Scale};
use crate::defaults::default_scenario;
use crate::limits;
use crate::scenario::{PlacementCounts, Scenario};
use crate::validate::ValidScenario;

/// The first ChaCha stream of the uncertainty draws (replication `rep` uses this + `rep`);
/// the processes use streams below 2^35 (`rng.rs`).
const UNCERTAINTY_STREAM: u64 = 1 << 40;

/// The settings of the uncertain assumptions, one per [`catalog::uncertain`] entry in its
/// order: a value of the assumption, or a multiplier of its table.
pub type Settings = Vec<f64>;

/// Each uncertain assumption at its built-in default (a table's multiplier at 1).
pub fn defaults() -> Settings {
    modes().to_vec()
}

/// The built-in defaults, worked out once.
fn modes() -> &'static [f64] {
    static MODES: std::sync::OnceLock<Settings> = std::sync::OnceLock::new();
    MODES.get_or_init(|| {
        let mut base = default_scenario();
        catalog::uncertain()
            .iter()
            .map(|s| match s.scale {
                Scale::Factor => 1.0,
                Scale::Value => targets(&mut base, s.path)
                    .and_then(|t| t.into_iter().next().map(|v| *v))
                    .unwrap_or(f64::NAN),
            })
            .collect()
    })
}

/// The settings replication `rep` of master `seed` draws: each triangular on its range with
/// the mode at its default.
pub fn draw(seed: u64, rep: u32) -> Settings {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(UNCERTAINTY_STREAM + rep as u64);
    catalog::uncertain()
        .iter()
        .zip(modes())
        .map(|(s, mode)| {
            let u = rng.next_u32() as f64 * (1.0 / (1u64 << 32) as f64);
            triangular(u, s.low, *mode, s.high)
        })
        .collect()
}

/// The `u`-quantile (`u` in [0, 1]) of the triangular distribution on `[low, high]` with its
/// mode at `mode`.
pub fn triangular(u: f64, low: f64, mode: f64, high: f64) -> f64 {
    let width = high - low;
    if width <= 0.0 {
        return low;
    }
    let cut = (mode - low) / width;
    let x = if u < cut {
        low + libm::sqrt(u * width * (mode - low))
    } else {
        high - libm::sqrt((1.0 - u) * width * (high - mode))
    };
    x.clamp(low, high)
}

/// `scenario` with every uncertain assumption shifted from its default to `settings`
/// (one per [`catalog::uncertain`] entry).
pub fn apply_all(scenario: &mut Scenario, settings: &[f64]) {
    for (k, setting) in settings.iter().enumerate() {
        apply(scenario, k, *setting);
    }
}

/// Shift uncertain assumption `k` (of [`catalog::uncertain`]) of `scenario` from its
/// built-in default to `setting`: in proportion, or added for yearly growth rates (see the
/// module docs), and kept within the limits validation allows.
pub fn apply(scenario: &mut Scenario, k: usize, setting: f64) {
    let (Some(spread), Some(default)) = (catalog::uncertain().get(k), modes().get(k)) else {
        return;
    };
    let default = *default;
    let (lo, hi) = bounds(spread.path);
    let additive = ADDITIVE.contains(&spread.path);
    let shift = |v: f64| -> f64 {
        let x = match spread.scale {
            Scale::Factor => v * setting,
            Scale::Value if additive => v + (setting - default),
            Scale::Value if default != 0.0 => v * (setting / default),
            Scale::Value => v + setting,
        };
        x.clamp(lo, hi)
    };
    if let Some(values) = targets(scenario, spread.path) {
        for v in values {
            *v = shift(*v);
        }
    }
}

/// What [`scale`] did: the values before and after (in the scenario's order), and whether
/// any was held at a limit validation allows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scaled {
    pub before: Vec<f64>,
    pub after: Vec<f64>,
    pub capped: bool,
}

/// Multiply every value of uncertain assumption `k` (of [`catalog::uncertain`]) that
/// `scenario` holds by `factor` ("30% more than as given" is 1.3), kept within the limits
/// validation allows: a change from the scenario's own values, not from the default.
pub fn scale(scenario: &mut Scenario, k: usize, factor: f64) -> Scaled {
    let mut done = Scaled::default();
    let Some(spread) = catalog::uncertain().get(k) else {
        return done;
    };
    let (lo, hi) = bounds(spread.path);
    if let Some(values) = targets(scenario, spread.path) {
        for v in values {
            let want = *v * factor;
            done.before.push(*v);
            *v = want.clamp(lo, hi);
            done.capped |= *v != want;
            done.after.push(*v);
        }
    }
    done
}

/// Assumptions shifted by adding the difference rather than in proportion.
const ADDITIVE: [&str; 2] = ["demand.trend_per_year", "costs.inflation_per_year"];

/// The limits validation puts on each uncertain assumption's values.
fn bounds(path: &str) -> (f64, f64) {
    match path {
        "demand.groups_per_month" => (0.0, limits::MAX_GROUPS_PER_MONTH),
        "demand.trend_per_year" => (-0.9, 2.0),
        "fostering.attrition_early" | "fostering.attrition_later" => (0.0, 10.0),
        "fostering.funnel.enquiries_per_month" => (0.0, limits::MAX_ENQUIRIES_PER_MONTH),
        "stability.breakdown_child" | "stability.breakdown_adolescent" => {
            (0.0, limits::MAX_BREAKDOWN_PER_YEAR)
        }
        "stability.repeat_multiplier" => (1.0, limits::MAX_REPEAT_MULTIPLIER),
        "costs.weekly.ifa" | "costs.weekly.external_residential" => (0.0, 1e6),
        "costs.inflation_per_year" => (-0.5, 1.0),
        // Shares and probabilities.
        _ => (0.0, 1.0),
    }
}

/// The values of `scenario` an uncertain assumption sets: one, or every value of a table.
/// `None` for a path this module cannot vary (a test keeps the catalogue's list and this in
/// step).
fn targets<'s>(scenario: &'s mut Scenario, path: &str) -> Option<Vec<&'s mut f64>> {
    let s = scenario;
    Some(match path {
        "demand.groups_per_month" => vec![&mut s.demand.groups_per_month],
        "demand.trend_per_year" => vec![&mut s.demand.trend_per_year],
        "fostering.attrition_early" => vec![&mut s.fostering.attrition_early],
        "fostering.attrition_later" => vec![&mut s.fostering.attrition_later],
        "fostering.funnel.enquiries_per_month" => vec![&mut s.fostering.funnel.enquiries_per_month],
        "fostering.funnel.to_visit" => vec![&mut s.fostering.funnel.to_visit],
        "fostering.funnel.to_approval" => vec![&mut s.fostering.funnel.to_approval],
        "markets.ifa_complex_availability" => vec![&mut s.markets.ifa_complex_availability],
        "stability.breakdown_child" => every(&mut s.stability.breakdown_child),
        "stability.breakdown_adolescent" => every(&mut s.stability.breakdown_adolescent),
        "stability.repeat_multiplier" => vec![&mut s.stability.repeat_multiplier],
        "costs.weekly.ifa" => vec![&mut s.costs.weekly.ifa],
        "costs.weekly.external_residential" => vec![&mut s.costs.weekly.external_residential],
        "costs.inflation_per_year" => vec![&mut s.costs.inflation_per_year],
        _ => return None,
    })
}

/// Every value of a per-placement-type table.
fn every(c: &mut PlacementCounts) -> Vec<&mut f64> {
    vec![
        &mut c.in_house_foster,
        &mut c.connected_person,
        &mut c.ifa,
        &mut c.in_house_residential,
        &mut c.external_residential,
        &mut c.supported_accommodation,
        &mut c.placed_with_parents,
        &mut c.placed_for_adoption,
        &mut c.emergency,
    ]
}

/// Whether this module can vary the assumption at `path`.
pub fn can_vary(path: &str) -> bool {
    targets(&mut default_scenario(), path).is_some()
}

/// Replication `rep` of every model (one per scenario of a job, baseline first) with the
/// assumptions drawn for it, added to `aggregate`. `sims` are simulators of the models (one
/// each, as `Batch` keeps them): their buffers are lent to the runs of the shifted models and
/// given back, so a replication does not grow a fresh simulator's buffers (a run does not
/// depend on its buffers' past: `Simulator::retarget`).
pub fn run_replication<'j>(
    models: &'j [Model],
    sims: &mut Vec<Simulator<'j>>,
    seed: u64,
    rep: u32,
    aggregate: &mut Aggregate,
) {
    let settings = draw(seed, rep);
    let shifted: Vec<Option<Model>> = models.iter().map(|m| shifted_model(m, &settings)).collect();
    let mut lent = std::mem::take(sims).into_iter();
    let mut runs: Vec<Simulator<'_>> = shifted
        .iter()
        .zip(models)
        .map(|(s, m)| {
            let model = s.as_ref().unwrap_or(m);
            match lent.next() {
                Some(sim) => sim.retarget(model),
                None => Simulator::new(model),
            }
        })
        .collect();
    for run in runs.iter_mut() {
        run.run(seed, rep);
    }
    aggregate.add(rep, &runs);
    *sims = runs
        .into_iter()
        .zip(models)
        .map(|(r, m)| r.retarget(m))
        .collect();
}

/// `model` compiled again with the uncertain assumptions at `settings`. The shifted values
/// stay within validation's limits (`bounds`), so the shifted scenario is valid; should one
/// ever not be finite and within them (`None`), the run uses the model unshifted rather
/// than failing. The rest of the scenario is `model`'s, which was validated, and no other
/// check of validation reads a shifted value (tested), so the whole scenario is not
/// validated again (that cost ~0.3M instructions a replication, 4% of a run). No uncertain
/// assumption feeds the exit durations or the starting-stock tables, so those are taken
/// from `model` as they are (`Model::compile_like`), not compiled again.
pub fn shifted_model(model: &Model, settings: &[f64]) -> Option<Model> {
    let mut s = model.scenario.clone();
    apply_all(&mut s, settings);
    let within = catalog::uncertain().iter().all(|spread| {
        let (lo, hi) = bounds(spread.path);
        targets(&mut s, spread.path)
            .is_none_or(|values| values.iter().all(|v| (lo..=hi).contains(&**v)))
    });
    if !within {
        return None;
    }
    let valid = ValidScenario::shifted_within_limits(s);
    Some(Model::compile_like(&valid, model.horizon, Some(model)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runner::Job;
    use crate::scenario::RunSettings;

    #[test]
    fn every_draw_is_inside_its_range_and_the_same_seed_draws_the_same() {
        let spreads = catalog::uncertain();
        let mut below_mode = vec![false; spreads.len()];
        let mut above_mode = vec![false; spreads.len()];
        for rep in 0..2000 {
            let d = draw(7, rep);
            assert_eq!(d.len(), spreads.len());
            assert_eq!(d, draw(7, rep), "replication {rep} drew differently");
            for (k, (x, s)) in d.iter().zip(spreads).enumerate() {
                assert!(
                    s.low <= *x && *x <= s.high,
                    "{}: {x} outside its range",
                    s.path
                );
                below_mode[k] |= *x < modes()[k];
                above_mode[k] |= *x > modes()[k];
            }
        }
        // Both sides of every default are reached, and another seed draws otherwise.
        assert!(below_mode.iter().chain(&above_mode).all(|b| *b));
        assert_ne!(draw(7, 0), draw(8, 0));
        assert_ne!(draw(7, 0), draw(7, 1));
    }

    #[test]
    fn triangular_quantiles_have_the_mode_at_the_default() {
        assert_eq!(triangular(0.0, 1.0, 2.0, 4.0), 1.0);
        assert_eq!(triangular(1.0, 1.0, 2.0, 4.0), 4.0);
        // The mode's quantile is (mode - low) / (high - low).
        assert!((triangular(1.0 / 3.0, 1.0, 2.0, 4.0) - 2.0).abs() < 1e-12);
        // Mean of the quantiles is (low + mode + high) / 3.
        let n = 100_000;
        let mean = (0..n)
            .map(|i| triangular((i as f64 + 0.5) / n as f64, 1.0, 2.0, 4.0))
            .sum::<f64>()
            / n as f64;
        assert!((mean - 7.0 / 3.0).abs() < 1e-4, "{mean}");
    }

    #[test]
    fn a_setting_shifts_the_default_to_itself_and_other_values_alike() {
        let base = default_scenario();
        for (k, s) in catalog::uncertain().iter().enumerate() {
            for setting in [s.low, s.high] {
                let mut x = base.clone();
                apply(&mut x, k, setting);
                let mut y = x.clone();
                let got = targets(&mut y, s.path).expect("can vary");
                match s.scale {
                    Scale::Value => assert!((*got[0] - setting).abs() < 1e-9, "{}", s.path),
                    Scale::Factor => {
                        let mut b = base.clone();
                        let was = targets(&mut b, s.path).expect("can vary");
                        for (g, w) in got.iter().zip(was) {
                            assert!((**g - *w * setting).abs() < 1e-12, "{}", s.path);
                        }
                    }
                }
                // Both ends keep the scenario valid.
                assert!(ValidScenario::new(x).is_ok(), "{} at {setting}", s.path);
            }
        }
        // A scenario's own value moves in proportion: twice the admissions stay twice.
        let k = catalog::uncertain()
            .iter()
            .position(|s| s.path == "demand.groups_per_month")
            .expect("admissions are uncertain");
        let mut doubled = base.clone();
        doubled.demand.groups_per_month *= 2.0;
        apply(&mut doubled, k, catalog::uncertain()[k].high);
        assert!(
            (doubled.demand.groups_per_month - 2.0 * catalog::uncertain()[k].high).abs() < 1e-9
        );
        // A growth rate moves by the difference.
        let t = catalog::uncertain()
            .iter()
            .position(|s| s.path == "demand.trend_per_year")
            .expect("the trend is uncertain");
        let mut rising = base.clone();
        rising.demand.trend_per_year = 0.05;
        apply(&mut rising, t, 0.04);
        assert!((rising.demand.trend_per_year - 0.09).abs() < 1e-12);
    }

    /// A shifted scenario is not validated again (`shifted_model`): whatever the setting,
    /// a shift keeps each value within what validation accepts, from values at either end
    /// of their limits, and the shifted values are read by no other check (each is shifted
    /// on its own out of range: only its own field fails).
    #[test]
    fn shifts_keep_every_value_within_validations_limits() {
        for (k, s) in catalog::uncertain().iter().enumerate() {
            let (lo, hi) = bounds(s.path);
            for start in [lo, hi, 0.5 * (lo + hi)] {
                for setting in [-1e12, -1.0, 0.0, 1e-9, 1.0, 3.0, 1e12] {
                    let mut x = default_scenario();
                    for v in targets(&mut x, s.path).expect("can vary") {
                        *v = start;
                    }
                    apply(&mut x, k, setting);
                    assert!(
                        ValidScenario::new(x).is_ok(),
                        "{} from {start} at {setting}",
                        s.path
                    );
                }
            }
            // Out of its limits, the value fails validation on its own field only.
            for outside in [lo - 1.0, hi * 2.0 + 1.0] {
                let mut x = default_scenario();
                for v in targets(&mut x, s.path).expect("can vary") {
                    *v = outside;
                }
                let errors = ValidScenario::new(x).expect_err("outside the limits");
                assert!(
                    errors.iter().all(|e| e.field.starts_with(s.path)),
                    "{} at {outside}: {errors:?}",
                    s.path
                );
            }
        }
    }

    fn job(uncertainty: bool, scenarios: usize) -> crate::runner::PreparedJob {
        Job {
            settings: RunSettings {
                seed: 5,
                replications: 6,
                horizon_months: 18,
                uncertainty,
            },
            scenarios: vec![default_scenario(); scenarios],
            compare_with: vec![],
        }
        .prepare()
        .expect("valid job")
    }

    /// On: the result moves, is the same however the runs are split, and every scenario of
    /// the job gets the same draw (two identical scenarios give identical results).
    #[test]
    fn uncertainty_is_reproducible_shared_by_the_scenarios_and_changes_results() {
        let on = job(true, 2);
        let whole = on.run(0..6);
        let mut split = on.run(0..2);
        split.merge(&on.run(2..6));
        assert_eq!(whole.fingerprint(), split.fingerprint());
        assert_eq!(whole.fingerprint(), job(true, 2).run(0..6).fingerprint());
        assert_ne!(whole.fingerprint(), job(false, 2).run(0..6).fingerprint());
        assert_eq!(whole.scenarios.len(), 2);
        assert_eq!(whole.scenarios[0], whole.scenarios[1]);
    }

    /// A shifted model takes the exit durations and starting-stock tables from the model it
    /// shifts, and runs exactly as the shifted scenario compiled afresh.
    #[test]
    fn a_shifted_model_runs_as_one_compiled_afresh() {
        let model = Model::new(&default_scenario(), 24);
        for rep in 0..3 {
            let settings = draw(11, rep);
            let shifted = shifted_model(&model, &settings).expect("valid");
            let mut s = model.scenario.clone();
            apply_all(&mut s, &settings);
            let fresh = Model::new(&s, 24);
            let (mut a, mut b) = (Simulator::new(&shifted), Simulator::new(&fresh));
            a.run(11, rep);
            b.run(11, rep);
            assert_eq!(a.months, b.months, "replication {rep}");
            assert_eq!(a.years.cost, b.years.cost, "replication {rep}");
        }
    }

    /// Off is the default, and a job written before the option reads as off.
    #[test]
    fn off_by_default_and_old_jobs_read_as_off() {
        assert!(!RunSettings::default().uncertainty);
        let old: RunSettings =
            serde_json::from_str(r#"{"seed":1,"replications":2,"horizon_months":3}"#)
                .expect("reads");
        assert!(!old.uncertainty);
    }
}
