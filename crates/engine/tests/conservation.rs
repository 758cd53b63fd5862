//! Bookkeeping identities for the built-in borough and every ready-made strategy: each
//! replication is run with `run_checked` (capacity and placement invariants at every month
//! end) and its reported metrics are checked by `common::check_run` (stock-flow
//! conservation of children and households, breakdowns adding up, market limits,
//! non-negative costs whose parts add up, financial years matching the months).

mod common;

use engine::defaults::{default_scenario, strategies, strategy};
use engine::metrics::{ADMISSIONS, EXITS, IN_CARE};
use engine::sim::{Model, Simulator};

const HORIZON: usize = 60;
const REPS: u32 = 3;
const SEED: u64 = 20_200_701;

fn check_strategy(id: &str) {
    let s = strategy(id).unwrap_or_else(|| panic!("no strategy {id}"));
    let scenario = default_scenario().with_strategy(&s);
    assert!(
        scenario.validate().is_ok(),
        "{id} does not validate: {:?}",
        scenario.validate()
    );
    if let Err(e) = common::run_and_check(&scenario, HORIZON, SEED, 0..REPS) {
        panic!("{id}: {e}");
    }
}

#[test]
fn baseline_conserves_children_capacity_and_costs() {
    let scenario = default_scenario();
    let model = Model::new(&scenario, HORIZON);
    let mut sim = Simulator::new(&model);
    for rep in 0..REPS {
        assert_eq!(sim.run_checked(SEED, rep), Ok(()));
        common::check_run(&model, &sim).unwrap_or_else(|e| panic!("rep {rep}: {e}"));
        // The identity spelt out once more with the public metric names.
        let mut stock = scenario.population.children as i64;
        for row in &sim.months {
            stock += row[ADMISSIONS] - row[EXITS];
            assert_eq!(stock, row[IN_CARE]);
        }
        // A five-year run of a 600-child borough has children arriving and leaving.
        let admitted: i64 = sim.months.iter().map(|r| r[ADMISSIONS]).sum();
        let left: i64 = sim.months.iter().map(|r| r[EXITS]).sum();
        assert!(
            admitted > 500 && left > 500,
            "admitted {admitted}, left {left}"
        );
        assert!(
            sim.years.cost.iter().all(|c| *c > 0.0),
            "{:?}",
            sim.years.cost
        );
    }
}

#[test]
fn every_strategy_is_listed_here() {
    let ids: Vec<String> = strategies().into_iter().map(|s| s.id).collect();
    assert_eq!(
        ids,
        [
            "recruit",
            "fostering_plus",
            "retain",
            "homes",
            "step_down",
            "edge_of_care",
            "permanence",
            "framework",
            "supported_16_17",
            "strategy_2019_22"
        ],
        "a strategy was added or renamed: give it a conservation test below"
    );
}

#[test]
fn recruit() {
    check_strategy("recruit");
}
#[test]
fn fostering_plus() {
    check_strategy("fostering_plus");
}
#[test]
fn retain() {
    check_strategy("retain");
}
#[test]
fn homes() {
    check_strategy("homes");
}
#[test]
fn step_down() {
    check_strategy("step_down");
}
#[test]
fn edge_of_care() {
    check_strategy("edge_of_care");
}
#[test]
fn permanence() {
    check_strategy("permanence");
}
#[test]
fn framework() {
    check_strategy("framework");
}
#[test]
fn supported_16_17() {
    check_strategy("supported_16_17");
}
#[test]
fn strategy_2019_22() {
    check_strategy("strategy_2019_22");
}

/// All strategies at once, starting late and ramping, on a tightly constrained borough
/// (small markets, few carers): the limits must hold when they bind.
#[test]
fn all_levers_on_a_constrained_borough() {
    let mut s = default_scenario();
    s.name = "Constrained".into();
    s.markets.ifa.limit = Some(150);
    s.markets.external_residential.limit = Some(0);
    s.markets.supported_accommodation.limit = Some(3);
    s.fostering.households = 40;
    for st in strategies() {
        for mut l in st.levers {
            l.start_month += 6;
            l.ramp_months += 3;
            s.levers.push(l);
        }
    }
    assert_eq!(s.validate(), Ok(()));
    common::run_and_check(&s, 36, 7, 0..2).unwrap_or_else(|e| panic!("{e}"));
    // The limits bind: with no independent homes and 150 agency places, children end up
    // in emergency placements.
    let model = Model::new(&s, 36);
    let mut sim = Simulator::new(&model);
    sim.run(7, 0);
    let emergency = engine::metrics::BY_TYPE + engine::PlacementType::Emergency.index();
    assert!(sim.months.iter().any(|r| r[emergency] > 0));
    assert!(sim.months.iter().all(|r| r
        [engine::metrics::BY_TYPE + engine::PlacementType::ExternalResidential.index()]
        == 0));
}

/// A permanence drive that slows the routes home and to guardianship (a multiplier above 1)
/// still ends every stay by 18 (`run_checked` finds anyone in care past 18).
#[test]
fn a_slower_permanence_route_still_ends_at_18() {
    let mut st = strategy("permanence").expect("ready-made strategy");
    for l in &mut st.levers {
        if let engine::scenario::LeverKind::PermanenceDrive {
            duration_multiplier,
        } = &mut l.kind
        {
            *duration_multiplier = 1.5;
        }
    }
    let s = default_scenario().with_strategy(&st);
    assert_eq!(s.validate(), Ok(()));
    common::run_and_check(&s, 60, 7, 0..3).unwrap_or_else(|e| panic!("{e}"));
}

/// The checker is not vacuous: tampering with any one reported number of a good run is
/// caught.
#[test]
fn checker_detects_tampering() {
    use engine::metrics::*;
    use engine::PlacementType as P;
    let scenario = default_scenario();
    let model = Model::new(&scenario, 24);
    let mut sim = Simulator::new(&model);
    sim.run(SEED, 0);
    assert_eq!(common::check_run(&model, &sim), Ok(()));
    let good = sim.months.clone();
    let good_years = sim.years.clone();
    type Tamper = Box<dyn Fn(&mut Vec<Month>)>;
    let tamperings: Vec<(&str, &str, Tamper)> = vec![
        (
            "one more admission",
            "admissions",
            Box::new(|m| m[5][ADMISSIONS] += 1),
        ),
        ("one exit lost", "exits", Box::new(|m| m[7][EXITS] -= 1)),
        (
            "a child counted in two types",
            "by type",
            Box::new(|m| m[3][BY_TYPE + P::Ifa.index()] += 1),
        ),
        (
            "an age band short",
            "by age",
            Box::new(|m| m[3][BY_AGE + 2] -= 1),
        ),
        (
            "exit routes off",
            "by route",
            Box::new(|m| m[9][EXITS_BY_ROUTE] += 1),
        ),
        ("gap above its parts", "gap", Box::new(|m| m[1][GAP] += 1)),
        (
            "a household appears",
            "households",
            Box::new(|m| m[2][HOUSEHOLDS] += 1),
        ),
        (
            "a vacancy too many",
            "do not add up",
            Box::new(|m| m[2][VACANT] += 1),
        ),
        (
            "a home bed filled twice",
            "homes:",
            Box::new(|m| m[4][RES_BEDS_FILLED] += 1),
        ),
        (
            "negative cost",
            "negative",
            Box::new(|m| m[0][COST_BY_TYPE] = -5),
        ),
        (
            "cost total off",
            "parts add",
            Box::new(|m| m[6][COST] += 1000),
        ),
        (
            "recruitment cost off",
            "recruitment cost",
            Box::new(|m| {
                m[6][COST_RECRUITMENT] += 100;
                m[6][COST] += 100;
            }),
        ),
        (
            "lever cost without levers",
            "lever cost",
            Box::new(|m| {
                m[6][COST_LEVERS] += 100;
                m[6][COST] += 100;
            }),
        ),
        (
            "a share over 100%",
            "above 100%",
            Box::new(|m| m[6][MOVES3_SHARE] = 10_001),
        ),
        (
            "an impossible placement cost",
            "could cost",
            Box::new(|m| {
                let extra = 9 * m[8][COST_BY_TYPE + P::Ifa.index()];
                m[8][COST_BY_TYPE + P::Ifa.index()] += extra;
                m[8][COST] += extra;
            }),
        ),
    ];
    for (what, expected, tamper) in tamperings {
        sim.months = good.clone();
        tamper(&mut sim.months);
        match common::check_run(&model, &sim) {
            Ok(()) => panic!("not caught: {what}"),
            Err(e) => assert!(
                e.contains(expected),
                "{what} caught for the wrong reason: {e}"
            ),
        }
    }
    sim.months = good;
    sim.years.cost[0] += 1.0;
    assert!(
        common::check_run(&model, &sim).is_err(),
        "not caught: year cost off"
    );
    sim.years = good_years;
    assert_eq!(common::check_run(&model, &sim), Ok(()));
}
