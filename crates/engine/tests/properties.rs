//! Property tests: random valid scenarios (the built-in borough perturbed: rates scaled,
//! probabilities anywhere in [0, 1] including the ends, distributions re-drawn, random
//! homes, market limits including zero, random strategy levers with random timing) must
//! validate, run with every invariant holding at every month end, and conserve children;
//! and no input text - random, or the built-in scenario's JSON mutated - may make parsing,
//! validation or (when valid) a short run panic.

mod common;

use engine::defaults::{default_scenario, strategies};
use engine::scenario::{
    DurationDist, Home, LeverKind, Market, MatchRule, PlacementCounts, Scenario,
};
use engine::types::{NeedsFilter, PlacementType};
use engine::validate::parse_json;
use proptest::prelude::*;
use serde_json::Value;

/// Cases per property: `PROPTEST_CASES` if set, else `default`.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Reads a scenario's random choices from a list of uniform numbers (so proptest can
/// shrink them towards 0, which still gives a valid scenario).
struct Dice<'a> {
    u: &'a [f64],
    i: usize,
}

impl Dice<'_> {
    fn u(&mut self) -> f64 {
        let v = self.u[self.i % self.u.len()];
        self.i += 1;
        v
    }
    fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.u()
    }
    fn int(&mut self, lo: u32, hi: u32) -> u32 {
        (lo + (self.u() * (hi - lo + 1) as f64) as u32).min(hi)
    }
    fn chance(&mut self, p: f64) -> bool {
        self.u() < p
    }
    /// A probability, exactly 0 or 1 one time in five.
    fn prob(&mut self) -> f64 {
        let x = self.u();
        if x < 0.1 {
            0.0
        } else if x >= 0.9 {
            1.0
        } else {
            (x - 0.1) / 0.8
        }
    }
    /// A distribution over `n` outcomes, some of them often impossible.
    fn dist<const N: usize>(&mut self) -> [f64; N] {
        let mut w = [0.0; N];
        for x in w.iter_mut() {
            let v = self.u();
            *x = if v < 0.2 { 0.0 } else { v };
        }
        let s: f64 = w.iter().sum();
        if s == 0.0 {
            w[0] = 1.0;
            return w;
        }
        w.map(|x| x / s)
    }
    fn ages(&mut self) -> (u8, u8) {
        let a = self.int(0, 17) as u8;
        let b = self.int(0, 17) as u8;
        (a.min(b), a.max(b))
    }
    fn duration(&mut self) -> DurationDist {
        match self.int(0, 3) {
            0 => DurationDist::Exponential {
                mean_months: self.range(0.5, 120.0),
            },
            1 => DurationDist::Gamma {
                mean_months: self.range(0.5, 120.0),
                shape: self.range(0.05, 20.0),
            },
            2 => DurationDist::Lognormal {
                median_months: self.range(0.5, 120.0),
                sigma: self.range(0.01, 2.0),
            },
            _ => {
                let n = self.int(2, 6);
                let mut m = 0.0;
                let mut p = 0.0;
                let mut points = vec![];
                for k in 0..n {
                    m += self.range(0.1, 40.0);
                    p = if k + 1 == n {
                        1.0
                    } else {
                        p + (1.0 - p) * self.u()
                    };
                    points.push((m, p));
                }
                DurationDist::Empirical { points }
            }
        }
    }
    fn counts(&mut self, hi: f64) -> PlacementCounts {
        let mut v = [0.0; 9];
        for x in v.iter_mut() {
            *x = if self.chance(0.2) {
                0.0
            } else {
                self.range(0.0, hi)
            };
        }
        PlacementCounts::from_array(v)
    }
    fn probs(&mut self) -> PlacementCounts {
        let mut c = self.counts(1.0);
        for p in [
            &mut c.in_house_foster,
            &mut c.connected_person,
            &mut c.ifa,
            &mut c.in_house_residential,
            &mut c.external_residential,
            &mut c.supported_accommodation,
            &mut c.placed_with_parents,
            &mut c.placed_for_adoption,
            &mut c.emergency,
        ] {
            *p = self.prob();
        }
        c
    }
    fn home(&mut self, k: usize) -> Home {
        let beds = self.int(1, 8);
        let (min_age, max_age) = self.ages();
        Home {
            name: format!("Home {k}"),
            beds,
            usable_beds: self.int(0, beds),
            min_age,
            max_age,
            open_month: self.int(0, 40),
            weekly_cost: self.range(0.0, 20_000.0),
        }
    }
    fn market(&mut self) -> Market {
        let limit = match self.int(0, 3) {
            0 => None,
            1 => Some(0),
            _ => Some(self.int(0, 400)),
        };
        let (min_age, max_age) = self.ages();
        Market {
            limit,
            min_age,
            max_age,
        }
    }
}

/// The built-in borough with every assumption perturbed by `u`, each ready-made lever
/// pulled with probability `lever_chance` (with random timing).
fn scenario(u: &[f64], lever_chance: f64) -> Scenario {
    let mut d = Dice { u, i: 0 };
    let mut s = default_scenario();
    s.name = "Random".into();
    s.start_year = d.int(1995, 2040) as i32;
    s.start_month = d.int(1, 12);

    let dm = &mut s.demand;
    dm.groups_per_month *= d.range(0.0, 3.0);
    dm.trend_per_year = d.range(-0.3, 0.3);
    for x in dm.seasonality.iter_mut() {
        *x = d.range(0.0, 2.0);
    }
    let sizes = d.int(1, 6) as usize;
    dm.group_size = d.dist::<6>()[..sizes].to_vec();
    let t: f64 = dm.group_size.iter().sum();
    if t == 0.0 {
        dm.group_size[0] = 1.0;
    } else {
        dm.group_size.iter_mut().for_each(|x| *x /= t);
    }
    // Every entry band possible (see `cases` on the start-up pool).
    dm.entry_age = [0; 5].map(|_| d.range(0.05, 1.0));
    let t: f64 = dm.entry_age.iter().sum();
    dm.entry_age = dm.entry_age.map(|x| x / t);
    dm.sibling_age_spread_years = d.range(0.0, 17.0);
    for x in dm.complex_needs.iter_mut() {
        *x = d.prob();
    }
    dm.placed_with_parents_share = d.prob() * 0.5;

    let p = &mut s.population;
    p.children = d.int(0, 1_200);
    p.age_profile = if d.chance(0.3) {
        None
    } else {
        Some(d.dist::<5>().map(|x| x * 100.0))
    };
    p.placement_mix = d.counts(300.0);
    if p.placement_mix.to_array().iter().sum::<f64>() == 0.0 {
        p.placement_mix.ifa = 1.0;
    }

    let e = &mut s.exits;
    for row in e.route_by_entry_age.iter_mut() {
        *row = d.dist();
    }
    e.return_home = d.duration();
    e.special_guardianship = d.duration();
    e.adoption = d.duration();
    e.adoption_placement_lead_days = d.range(0.0, 600.0);
    e.staying_put_share = d.prob();
    e.staying_put_months = d.range(0.0, 48.0);

    let f = &mut s.fostering;
    f.households = d.int(0, 400);
    f.places = d.dist();
    f.adolescent_share = d.prob();
    f.standard_max_age = d.int(0, 17) as u8;
    f.mean_tenure_years = d.range(0.0, 20.0);
    f.attrition_early = d.range(0.0, 2.0);
    f.attrition_later = d.range(0.0, 2.0);
    f.sgo_conversion_share = d.prob();
    let fu = &mut f.funnel;
    fu.enquiries_per_month = d.range(0.0, 60.0);
    fu.to_visit = d.prob();
    fu.to_stage1 = d.prob();
    fu.to_stage2 = d.prob();
    fu.to_approval = d.prob();
    fu.visit_delay_months = d.range(0.0, 3.0);
    fu.stage1_delay_months = d.range(0.0, 3.0);
    fu.stage2_delay_months = d.range(0.0, 9.0);
    fu.approval_delay_months = d.range(0.0, 3.0);
    fu.new_places = d.dist();
    fu.new_adolescent_share = d.prob();

    let homes = d.int(0, 5) as usize;
    s.residential.homes = (0..homes).map(|k| d.home(k)).collect();

    let m = &mut s.markets;
    m.ifa = d.market();
    m.external_residential = d.market();
    m.supported_accommodation = d.market();
    m.connected_person_availability = d.prob();
    m.ifa_complex_availability = d.prob();
    m.ifa_sibling_availability = d.prob();
    m.out_of_borough = d.probs();

    // Matching: each built-in rule's order shuffled and cut short (the default order,
    // every matchable type, applies to children no rule covers: add a catch-all).
    let matchable: Vec<PlacementType> = PlacementType::ALL
        .into_iter()
        .filter(|t| t.is_matchable())
        .collect();
    for r in s.matching.rules.iter_mut() {
        let mut order = matchable.clone();
        for i in (1..order.len()).rev() {
            order.swap(i, d.int(0, i as u32) as usize);
        }
        order.truncate(d.int(1, order.len() as u32) as usize);
        r.order = order;
    }
    if d.chance(0.3) {
        let (min_age, max_age) = d.ages();
        s.matching.rules.insert(
            0,
            MatchRule {
                min_age,
                max_age,
                needs: NeedsFilter::Complex,
                order: vec![PlacementType::Emergency],
            },
        );
    }
    s.matching.keep_siblings_together = d.chance(0.7);
    s.matching.emergency_review_days = d.range(1.0, 120.0);

    s.stability.breakdown_child = d.counts(2.0);
    s.stability.breakdown_adolescent = d.counts(3.0);
    s.stability.repeat_multiplier = d.range(1.0, 10.0);
    s.stability.short_term_first_share = d.prob();
    s.stability.short_term_days = d.range(1.0, 200.0);

    let c = &mut s.costs;
    c.weekly = d.counts(8_000.0);
    c.inflation_per_year = d.range(-0.1, 0.2);
    c.cost_per_approval = d.range(0.0, 20_000.0);
    c.budget_per_year = d.range(0.0, 1e8);
    c.budget_growth_per_year = d.range(-0.1, 0.2);

    // Levers: a random selection from the ready-made strategies, with random timing.
    for st in strategies() {
        for mut l in st.levers {
            if d.chance(lever_chance) {
                l.start_month = d.int(0, 30);
                l.ramp_months = d.int(0, 24);
                if let LeverKind::SupportedAccommodation { places, .. } = &mut l.kind {
                    *places = d.int(0, 30);
                }
                s.levers.push(l);
            }
        }
    }
    s
}

fn check_random(
    u: &[f64],
    lever_chance: f64,
    horizon: usize,
    seed: u64,
) -> Result<(), TestCaseError> {
    let s = scenario(u, lever_chance);
    prop_assert_eq!(s.validate(), Ok(()));
    // The scenario survives a round trip through its JSON form (files, share links).
    let back: Scenario = parse_json(&serde_json::to_string(&s).unwrap()).unwrap();
    prop_assert_eq!(&back, &s);
    common::run_and_check(&s, horizon, seed, 0..2).map_err(TestCaseError::fail)
}

// Two properties of 12 cases each (24 in all) so that they run in parallel.
proptest! {
    #![proptest_config(ProptestConfig { cases: cases(12), ..ProptestConfig::default() })]

    #[test]
    fn random_valid_scenarios_run_and_conserve(
        u in prop::collection::vec(0.0..1.0f64, 400),
        horizon in 12usize..=36,
        seed in any::<u64>(),
    ) {
        check_random(&u, 0.1, horizon, seed)?;
    }

    #[test]
    fn random_strategies_run_and_conserve(
        u in prop::collection::vec(0.0..1.0f64, 400),
        horizon in 24usize..=36,
        seed in any::<u64>(),
    ) {
        check_random(&u, 0.5, horizon, seed)?;
    }
}

/// Every path (object keys and array indices) in a JSON value.
fn paths(v: &Value, prefix: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    out.push(prefix.clone());
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                prefix.push(k.clone());
                paths(x, prefix, out);
                prefix.pop();
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                prefix.push(i.to_string());
                paths(x, prefix, out);
                prefix.pop();
            }
        }
        _ => {}
    }
}

fn at<'a>(v: &'a mut Value, path: &[String]) -> &'a mut Value {
    path.iter().fold(v, |v, k| match v {
        Value::Object(m) => m.get_mut(k).unwrap(),
        Value::Array(a) => &mut a[k.parse::<usize>().unwrap()],
        _ => unreachable!(),
    })
}

/// Replacement values: type confusions and numbers at and beyond every validation limit.
fn json_value() -> impl Strategy<Value = Value> {
    let edge = prop::sample::select(vec![
        0.0,
        -0.0,
        -1.0,
        0.5,
        1.0,
        1.0001,
        2.0,
        17.0,
        18.0,
        120.0,
        121.0,
        1e3,
        1e5,
        1e6,
        1e7,
        1e11,
        1e300,
        -1e300,
        4294967295.0,
        4294967296.0,
        1e-300,
        0.001,
    ]);
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        edge.prop_map(|x| serde_json::json!(x)),
        (-5i64..300).prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        (-1e6..1e6f64).prop_map(Value::from),
        "[a-z_]{0,12}".prop_map(Value::from),
        Just(serde_json::json!([])),
        Just(serde_json::json!({})),
        Just(serde_json::json!([0.5, 0.5])),
        Just(serde_json::json!({"family": "gamma", "mean_months": 1e-9, "shape": 1e-9})),
        Just(serde_json::json!({"family": "empirical", "points": [[0, 0], [0, 1]]})),
    ]
}

/// Sizes a 12-month run handles in well under a second in the dev profile (validation
/// allows far more: see the report on absurd sizes).
fn small(s: &Scenario) -> bool {
    s.population.children <= 5_000
        && s.fostering.households <= 5_000
        && s.demand.groups_per_month * s.demand.seasonality.iter().fold(1.0f64, |a, b| a.max(*b))
            <= 500.0
        && s.fostering.funnel.enquiries_per_month <= 1_000.0
}

/// Parse, validate and, when valid (and small), run one short checked replication: nothing may panic,
/// and a scenario that validates must run with its invariants holding.
fn exercise(text: &str) -> Result<(), TestCaseError> {
    let _ = parse_json::<engine::runner::Job>(text);
    if let Ok(s) = parse_json::<Scenario>(text) {
        if s.validate().is_ok() && small(&s) {
            if let Err(e) = common::run_and_check(&s, 12, 1, 0..1) {
                return Err(TestCaseError::fail(format!(
                    "a valid scenario fails: {e}\n{text}"
                )));
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(64), ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
        exercise(&text)?;
    }

    #[test]
    fn mutated_scenario_text_never_panics(cuts in prop::collection::vec((any::<prop::sample::Index>(), 0usize..20, "\\PC{0,4}"), 1..4)) {
        let mut text = serde_json::to_string_pretty(&default_scenario()).unwrap();
        for (at, len, insert) in cuts {
            let mut i = at.index(text.len());
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            let mut j = (i + len).min(text.len());
            while !text.is_char_boundary(j) {
                j -= 1;
            }
            text.replace_range(i..j, &insert);
        }
        exercise(&text)?;
    }
}

/// One edit of the scenario's JSON: most often a number scaled or set to a limit, else any
/// node replaced by a value of any type.
#[derive(Clone, Debug)]
enum Edit {
    Scale(prop::sample::Index, f64),
    Set(prop::sample::Index, f64),
    Replace(prop::sample::Index, Value),
}

fn edit() -> impl Strategy<Value = Edit> {
    let edge = prop::sample::select(vec![
        0.0,
        -1.0,
        0.5,
        1.0,
        1.0001,
        2.0,
        12.0,
        17.0,
        18.0,
        50.0,
        120.0,
        121.0,
        1e5,
        1e6,
        1e7,
        4294967295.0,
        1e300,
    ]);
    prop_oneof![
        4 => (any::<prop::sample::Index>(), -2.0..2.0f64).prop_map(|(i, e)| Edit::Scale(i, 10f64.powf(e))),
        2 => (any::<prop::sample::Index>(), edge).prop_map(|(i, v)| Edit::Set(i, v)),
        1 => (any::<prop::sample::Index>(), json_value()).prop_map(|(i, v)| Edit::Replace(i, v)),
    ]
}

fn apply(v: &mut Value, e: Edit) {
    let mut all = vec![];
    paths(v, &mut vec![], &mut all);
    let numbers: Vec<&Vec<String>> = all.iter().filter(|p| at_ref(v, p).is_number()).collect();
    match e {
        Edit::Scale(i, k) => {
            let p = numbers[i.index(numbers.len())].clone();
            let x = at(v, &p);
            let scaled = x.as_f64().unwrap() * k;
            // Whole numbers stay whole so that counts and ages still parse as integers.
            *x = if x.is_f64() {
                serde_json::json!(scaled)
            } else {
                serde_json::json!(scaled.round() as i64)
            };
        }
        Edit::Set(i, n) => {
            let p = numbers[i.index(numbers.len())].clone();
            let x = at(v, &p);
            *x = if x.is_f64() || n.fract() != 0.0 || n.abs() > 1e18 {
                serde_json::json!(n)
            } else {
                serde_json::json!(n as i64)
            };
        }
        Edit::Replace(i, new) => {
            let p = all[i.index(all.len())].clone();
            *at(v, &p) = new;
        }
    }
}

fn at_ref<'a>(v: &'a Value, path: &[String]) -> &'a Value {
    path.iter().fold(v, |v, k| match v {
        Value::Object(m) => &m[k],
        Value::Array(a) => &a[k.parse::<usize>().unwrap()],
        _ => unreachable!(),
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(32), ..ProptestConfig::default() })]

    #[test]
    fn mutated_scenario_values_never_panic(edits in prop::collection::vec(edit(), 1..4)) {
        let mut v = serde_json::to_value(default_scenario()).unwrap();
        for e in edits {
            apply(&mut v, e);
        }
        let text = serde_json::to_string(&v).unwrap();
        exercise(&text)?;
        // Validation reports every problem with a field path and a reason.
        if let Ok(s) = parse_json::<Scenario>(&text) {
            if let Err(errors) = s.validate() {
                prop_assert!(!errors.is_empty());
                for e in errors {
                    prop_assert!(!e.field.is_empty() && !e.reason.is_empty(), "{:?}", e);
                }
            }
        }
    }
}
