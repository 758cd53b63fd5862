//! Re-pricing: the tornado's cost-only assumptions (the weekly prices of independent
//! fostering and external residential care, and yearly inflation: every uncertain
//! assumption under `costs.`) change what a run costs but nothing that happens in it.
//!
//! Why: the simulator reads prices in two places only, both after the fact. At each month's
//! end it books the month's child-days in each cost category at the weekly prices, the homes'
//! running costs and the levers' costs, all times that month's inflation
//! (`sim/run/month_end.rs`); each approval books the cost of an approval times inflation
//! (`sim/run/carers.rs`). No draw, match, lever or budget reads a price: the matching orders,
//! the lever effects other than prices and the start-up tables do not depend on `costs`, and
//! a year's budget only goes into the year's totals. So a cost-only variant's run is the
//! baseline's run with other prices: its non-cost metrics are the baseline's, to the bit, and
//! its cost metrics are the baseline's bookings priced again.
//!
//! The bookings (child-days by category, supported accommodation's cost before inflation,
//! approvals) are not in a run's monthly metrics, so they are read from a *probe*: the
//! baseline simulated with prices that make each cost metric a measure of one booking (a
//! weekly price of 2^40 and no inflation, so a cost category's whole pounds are its child-days
//! × 2^40 / 7; an approval at £1). The probe runs instead of the baseline when the outcome is
//! a cost, and the baseline's cost and each cost-only variant's are priced from it with the
//! simulator's own arithmetic, in its order. The child-days come back to within a unit in the
//! last place (dividing by 7 is not exactly reversible), far below the whole pound each month's
//! cost is rounded to; the tests check the re-priced outcomes against simulated ones. A probe
//! whose booking is too large to read back (beyond 2^62) is not used: that run's variants are
//! simulated.

use crate::metrics::{self, Month};
use crate::sim::Model;
use crate::types::{PlacementType, DAYS_PER_MONTH};
use crate::validate::ValidScenario;

/// Whether the uncertain assumption at catalogue `path` changes costs only (see the module
/// docs; the tests check each one against simulation).
pub(crate) fn cost_only(path: &str) -> bool {
    path.starts_with("costs.")
}

/// Whether metric `index` (of [`metrics`]) is a cost.
pub(crate) fn is_cost(index: usize) -> bool {
    index >= metrics::COST
}

/// The probe's weekly price of a category whose child-days it measures.
const UNIT: f64 = (1u64 << 40) as f64;

/// The largest booking read back (the cast to whole pounds saturates at 2^63).
const MAX_READ: i64 = 1 << 62;

const SA: usize = 5;

/// What one month of a run books before prices.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Bookings {
    /// Child-days by placement type; for supported accommodation, its whole cost before
    /// inflation (its child-days at the weekly price and the levers' places at theirs: no
    /// cost-only assumption changes either).
    days: [f64; PlacementType::COUNT],
    /// Child-days with carers paid the fee uplift.
    plus_days: f64,
    approvals: u64,
}

/// The baseline compiled with the probe's prices.
pub(crate) struct Probe {
    pub model: Model,
    /// The factor supported accommodation's prices are scaled by (a power of two).
    supported_scale: f64,
}

impl Probe {
    /// The probe of `valid` (compiled as `base`).
    pub fn new(valid: &ValidScenario, base: &Model) -> Probe {
        let mut model = Model::compile_like(valid, base.horizon, Some(base));
        let sa_week = base.scenario.costs.weekly.supported_accommodation;
        let largest = base
            .months
            .iter()
            .map(|e| e.supported_price)
            .fold(sa_week, f64::max)
            .max(1.0);
        // A power of two, so scaling is exact: the largest price × scale is about 2^40.
        let supported_scale = libm::exp2(40.0 - libm::ceil(libm::log2(largest)));
        let mut weekly = [UNIT; PlacementType::COUNT];
        weekly[SA] = sa_week * supported_scale;
        let costs = &mut model.scenario.costs;
        costs.weekly = crate::scenario::PlacementCounts::from_array(weekly);
        costs.cost_per_approval = 1.0;
        for e in &mut model.months {
            e.inflation = 1.0;
            e.ifa_price = 1.0;
            e.residential_price = 1.0;
            e.supported_price *= supported_scale;
            // Only whether an uplift is paid steers the run (new carers take it up).
            if e.fee_uplift > 0.0 {
                e.fee_uplift = UNIT;
            }
        }
        Probe {
            model,
            supported_scale,
        }
    }

    /// Each month's bookings from a probe run's metrics, or `None` if one is too large to
    /// read back.
    pub fn read(&self, months: &[Month], out: &mut Vec<Bookings>) -> bool {
        out.clear();
        for row in months {
            let mut b = Bookings::default();
            let back = |slot: usize, scale: f64| -> Option<f64> {
                let v = row[slot];
                (v < MAX_READ).then(|| v as f64 * 7.0 / scale)
            };
            for (k, d) in b.days.iter_mut().enumerate() {
                let scale = if k == SA { self.supported_scale } else { UNIT };
                match back(metrics::COST_BY_TYPE + k, scale) {
                    Some(v) => *d = v,
                    None => return false,
                }
            }
            match back(metrics::COST_FEE_UPLIFT, UNIT) {
                Some(v) => b.plus_days = v,
                None => return false,
            }
            b.approvals = row[metrics::COST_RECRUITMENT].max(0) as u64;
            out.push(b);
        }
        true
    }
}

/// `months` (a probe run's, or any run of the same scenario but for prices) with their cost
/// metrics as `prices` (a compiled model of the scenario with a cost-only assumption
/// changed, or none) books them from `bookings`, into `out`.
pub(crate) fn priced(
    bookings: &[Bookings],
    prices: &Model,
    months: &[Month],
    out: &mut Vec<Month>,
) {
    out.clear();
    out.extend_from_slice(months);
    let w = &prices.scenario.costs.weekly;
    for (m, (row, b)) in out.iter_mut().zip(bookings).enumerate() {
        let e = &prices.months[m];
        let mut cost = [0.0f64; metrics::COUNT - metrics::COST_BY_TYPE];
        // As `book_costs`, then `end_month`, then the approvals and the levers' costs.
        for kind in PlacementType::ALL {
            let k = kind.index();
            let c = match kind {
                PlacementType::SupportedAccommodation => b.days[k],
                PlacementType::Ifa => w.ifa * e.ifa_price * b.days[k],
                PlacementType::ExternalResidential => {
                    w.external_residential * e.residential_price * b.days[k]
                }
                t => w.get(t) * b.days[k],
            };
            cost[k] = 0.0 + c * e.inflation / 7.0;
        }
        let slot = |metric: usize| metric - metrics::COST_BY_TYPE;
        cost[slot(metrics::COST_FEE_UPLIFT)] = 0.0 + e.fee_uplift * e.inflation * b.plus_days / 7.0;
        let mut home_cost = 0.0;
        for h in &prices.homes {
            if h.open_month as usize <= m {
                home_cost += h.weekly_cost * e.inflation * DAYS_PER_MONTH / 7.0;
            }
        }
        cost[slot(metrics::COST_HOMES)] = 0.0 + home_cost;
        let approval = prices.scenario.costs.cost_per_approval * e.inflation;
        let mut recruitment = 0.0;
        for _ in 0..b.approvals {
            recruitment += approval;
        }
        cost[slot(metrics::COST_RECRUITMENT)] = recruitment;
        cost[slot(metrics::COST_LEVERS)] = 0.0 + e.lever_cost;
        let mut total = 0.0;
        for (r, c) in row[metrics::COST_BY_TYPE..].iter_mut().zip(&cost) {
            let v = c.max(0.0);
            *r = v.round() as i64;
            total += v;
        }
        row[metrics::COST] = total.round() as i64;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog;
    use crate::defaults::{default_scenario, strategies};
    use crate::scenario::{RunSettings, Scenario};
    use crate::sensitivity::tornado::TornadoPlan;
    use crate::sensitivity::{variant, Outcome};
    use crate::sim::Simulator;

    /// The default borough with every ready-made strategy's levers at once, so that every
    /// kind of cost is booked: fee uplifts, supported places bought by a lever (at their own
    /// price), framework prices, new homes, the levers' own costs.
    fn every_lever() -> Scenario {
        let mut s = default_scenario();
        s.levers = strategies().into_iter().flat_map(|st| st.levers).collect();
        s
    }

    fn cost_only_variants() -> Vec<(usize, f64)> {
        let list: Vec<(usize, f64)> = catalog::uncertain()
            .iter()
            .enumerate()
            .filter(|(_, s)| cost_only(s.path))
            .flat_map(|(k, s)| [(k, s.low), (k, s.high)])
            .collect();
        assert_eq!(
            list.len(),
            6,
            "three cost-only assumptions, each low and high"
        );
        list
    }

    /// A cost-only variant simulated is the baseline's run, every non-cost metric the same
    /// to the bit in every month, and its cost metrics are the probe's bookings priced at its
    /// prices, to the bit; and so are the baseline's own.
    #[test]
    fn a_cost_only_variant_is_the_baseline_priced_again() {
        for scenario in [default_scenario(), every_lever()] {
            let valid = ValidScenario::new(scenario.clone()).expect("valid");
            let horizon = 60;
            let base = Model::compile(&valid, horizon);
            let probe = Probe::new(&valid, &base);
            let variants: Vec<Model> = cost_only_variants()
                .into_iter()
                .map(|(k, end)| variant(&scenario, k, end, Some(&base), horizon).expect("valid"))
                .collect();
            let (mut sim_base, mut sim_probe) =
                (Simulator::new(&base), Simulator::new(&probe.model));
            let mut sims: Vec<Simulator<'_>> = variants.iter().map(Simulator::new).collect();
            let (mut bookings, mut priced_months) = (vec![], vec![]);
            let mut fee_uplift_booked = false;
            for rep in 0..4 {
                sim_base.run(9, rep);
                sim_probe.run(9, rep);
                assert!(probe.read(&sim_probe.months, &mut bookings), "readable");
                priced(&bookings, &base, &sim_probe.months, &mut priced_months);
                assert_eq!(priced_months, sim_base.months, "baseline, run {rep}");
                fee_uplift_booked |= sim_base
                    .months
                    .iter()
                    .any(|m| m[metrics::COST_FEE_UPLIFT] > 0);
                for (model, sim) in variants.iter().zip(&mut sims) {
                    sim.run(9, rep);
                    for (a, b) in sim.months.iter().zip(&sim_base.months) {
                        assert_eq!(a[..metrics::COST], b[..metrics::COST], "run {rep}");
                    }
                    priced(&bookings, model, &sim_probe.months, &mut priced_months);
                    assert_eq!(priced_months, sim.months, "run {rep}");
                }
            }
            assert_eq!(fee_uplift_booked, !scenario.levers.is_empty());
        }
    }

    /// The tornado priced again gives what simulating every variant gives, to the bit, for
    /// costs (each kind, over the horizon or a year) and for other outcomes, in fewer
    /// simulations.
    #[test]
    fn the_tornado_priced_again_is_the_tornado_simulated() {
        let settings = RunSettings {
            seed: 5,
            replications: 2,
            horizon_months: 24,
            uncertainty: false,
        };
        let k = catalog::uncertain().len();
        for (metric, year) in [
            ("cost", None),
            ("cost", Some("2021/22")),
            ("cost.ifa", None),
            ("cost.external_residential", None),
            ("cost.supported_accommodation", None),
            ("cost.fee_uplift", None),
            ("cost.in_house_homes", None),
            ("cost.recruitment", None),
            ("gap", None),
            ("in_care", None),
        ] {
            let period = year.map(|y| crate::sensitivity::Period::Year(y.to_string()));
            let outcome = Outcome::new(metric, period).expect("an outcome");
            let plan = TornadoPlan::new(&every_lever(), &settings, outcome).expect("plan");
            assert_eq!(plan.variants(), 1 + 2 * k);
            assert_eq!(plan.simulations(), 1 + 2 * k - 6);
            let runs = plan.run_with(0..2, |_| true);
            assert_eq!(runs, plan.run_simulated(0..2), "{metric}");
            if metric.starts_with("cost") {
                let moved = (1..plan.variants())
                    .any(|v| plan.is_repriced(v) && runs.mean(v) != runs.mean(0));
                assert!(
                    moved || metric.contains("homes"),
                    "{metric}: prices moved nothing"
                );
            }
        }
    }
}
