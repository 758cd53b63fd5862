//! Proptest strategies for random valid scenarios: the built-in borough with every
//! assumption perturbed (rates scaled, probabilities anywhere in [0, 1] including the
//! ends, distributions re-drawn, random homes, market limits including zero, matching
//! orders shuffled and cut short) and a random selection of the ready-made levers with
//! random timing. Each part of the scenario is its own strategy, so a failing case shrinks
//! part by part towards the built-in values.

use engine::defaults::{default_scenario, strategies};
use engine::limits;
use engine::scenario::{
    Demand, DurationDist, Exits, Fostering, Home, Lever, LeverKind, Market, Markets, MatchRule,
    Matching, PlacementCounts, Scenario, Stability, StartingPopulation,
};
use engine::types::{NeedsFilter, PlacementType};
use proptest::array::{uniform, uniform3, uniform4, uniform5};
use proptest::prelude::*;

/// A probability, exactly 0 or 1 one time in five.
fn prob() -> impl Strategy<Value = f64> {
    prop_oneof![1 => Just(0.0), 1 => Just(1.0), 8 => 0.0..=1.0f64]
}

/// Weights of `N` outcomes, some of them often impossible, normalised (all on the first
/// when every weight came out zero).
fn dist<const N: usize>() -> impl Strategy<Value = [f64; N]> {
    uniform::<_, N>(prop_oneof![1 => Just(0.0), 4 => 0.01..=1.0f64]).prop_map(|w| {
        let s: f64 = w.iter().sum();
        if s == 0.0 {
            let mut one = [0.0; N];
            one[0] = 1.0;
            one
        } else {
            w.map(|x| x / s)
        }
    })
}

/// An age range within 0-17.
fn ages() -> impl Strategy<Value = (u8, u8)> {
    (0u8..=17, 0u8..=17).prop_map(|(a, b)| (a.min(b), a.max(b)))
}

fn duration() -> impl Strategy<Value = DurationDist> {
    prop_oneof![
        (0.5..120.0f64).prop_map(|mean_months| DurationDist::Exponential { mean_months }),
        (0.5..120.0f64, 0.05..20.0f64)
            .prop_map(|(mean_months, shape)| DurationDist::Gamma { mean_months, shape }),
        (0.5..120.0f64, 0.01..2.0f64).prop_map(|(median_months, sigma)| DurationDist::Lognormal {
            median_months,
            sigma
        }),
        prop::collection::vec((0.1..40.0f64, 0.0..1.0f64), 2..=6).prop_map(|steps| {
            // Months strictly increasing; cumulative probability rising to exactly 1.
            let n = steps.len();
            let (mut m, mut p) = (0.0, 0.0);
            let points = steps
                .into_iter()
                .enumerate()
                .map(|(k, (dm, u))| {
                    m += dm;
                    p = if k + 1 == n { 1.0 } else { p + (1.0 - p) * u };
                    (m, p)
                })
                .collect();
            DurationDist::Empirical { points }
        }),
    ]
}

/// Counts or rates per placement type in [0, hi), a fifth of them zero.
fn counts(hi: f64) -> impl Strategy<Value = PlacementCounts> {
    uniform::<_, 9>(prop_oneof![1 => Just(0.0), 4 => 0.0..hi]).prop_map(PlacementCounts::from_array)
}

/// A probability per placement type.
fn probs() -> impl Strategy<Value = PlacementCounts> {
    uniform::<_, 9>(prob()).prop_map(PlacementCounts::from_array)
}

fn home(k: usize) -> impl Strategy<Value = Home> {
    (1u32..=8, ages(), 0u32..=40, 0.0..20_000.0f64)
        .prop_flat_map(|(beds, ages, open, cost)| (Just((beds, ages, open, cost)), 0..=beds))
        .prop_map(
            move |((beds, (min_age, max_age), open_month, weekly_cost), usable_beds)| Home {
                name: format!("Home {k}"),
                beds,
                usable_beds,
                min_age,
                max_age,
                open_month,
                weekly_cost,
            },
        )
}

fn market() -> impl Strategy<Value = Market> {
    (
        prop_oneof![Just(None), Just(Some(0)), (0u32..=400).prop_map(Some)],
        ages(),
        prob(),
    )
        .prop_map(|(limit, (min_age, max_age), found_in_time)| Market {
            limit,
            min_age,
            max_age,
            found_in_time,
        })
}

fn demand() -> BoxedStrategy<Demand> {
    (
        (0.0..3.0f64, -0.3..0.3f64, uniform::<_, 12>(0.0..2.0f64)),
        (1usize..=6, dist::<6>()),
        uniform5(0.05..1.0f64),
        (0.0..17.0f64, uniform5(prob()), prob()),
    )
        .prop_map(
            |((scale, trend, season), (sizes, size_w), entry, (spread, complex, pwp))| {
                let mut dm = default_scenario().demand;
                dm.groups_per_month *= scale;
                dm.trend_per_year = trend;
                dm.seasonality = season;
                let mut size = size_w[..sizes].to_vec();
                let t: f64 = size.iter().sum();
                if t == 0.0 {
                    size[0] = 1.0;
                } else {
                    size.iter_mut().for_each(|x| *x /= t);
                }
                dm.group_size = size;
                // Every entry band possible (the start-up draws from each).
                let t: f64 = entry.iter().sum();
                dm.entry_age = entry.map(|x| x / t);
                dm.sibling_age_spread_years = spread;
                dm.complex_needs = complex;
                dm.placed_with_parents_share = pwp * 0.5;
                dm
            },
        )
        .boxed()
}

fn population() -> BoxedStrategy<StartingPopulation> {
    (
        0u32..=1_200,
        prop::option::weighted(0.7, dist::<5>()),
        counts(300.0),
    )
        .prop_map(|(children, profile, mut mix)| {
            if mix.to_array().iter().sum::<f64>() == 0.0 {
                mix.ifa = 1.0;
            }
            StartingPopulation {
                children,
                age_profile: profile.map(|p| p.map(|x| x * 100.0)),
                placement_mix: mix,
                listed: Vec::new(),
                ..default_scenario().population
            }
        })
        .boxed()
}

fn exits() -> BoxedStrategy<Exits> {
    (
        uniform5(dist::<4>()),
        (duration(), duration(), duration()),
        (0.0..600.0f64, prob(), 0.0..48.0f64),
    )
        .prop_map(
            |(routes, (home, sgo, adoption), (lead, sp_share, sp_months))| {
                let mut e = default_scenario().exits;
                e.route_by_entry_age = routes;
                e.return_home = home;
                e.special_guardianship = sgo;
                e.adoption = adoption;
                e.adoption_placement_lead_days = lead;
                e.staying_put_share = sp_share;
                e.staying_put_months = sp_months;
                e
            },
        )
        .boxed()
}

fn fostering() -> BoxedStrategy<Fostering> {
    (
        (0u32..=400, dist::<3>(), prob(), 0u8..=17),
        (0.0..20.0f64, 0.0..2.0f64, 0.0..2.0f64, prob()),
        (
            0.0..60.0f64,
            uniform4(prob()),
            uniform3(0.0..3.0f64),
            0.0..9.0f64,
        ),
        (dist::<3>(), prob(), prob()),
    )
        .prop_map(
            |(
                (households, places, adolescent, max_age),
                (tenure, early, later, sgo),
                (enquiries, conv, delays, stage2_delay),
                (new_places, new_adolescent, usable),
            )| {
                let mut f = default_scenario().fostering;
                f.households = households;
                f.places = places;
                f.adolescent_share = adolescent;
                f.standard_max_age = max_age;
                f.mean_tenure_years = tenure;
                f.attrition_early = early;
                f.attrition_later = later;
                f.sgo_conversion_share = sgo;
                f.usable_place_share = usable;
                let fu = &mut f.funnel;
                fu.enquiries_per_month = enquiries;
                [fu.to_visit, fu.to_stage1, fu.to_stage2, fu.to_approval] = conv;
                [
                    fu.visit_delay_months,
                    fu.stage1_delay_months,
                    fu.approval_delay_months,
                ] = delays;
                fu.stage2_delay_months = stage2_delay;
                fu.new_places = new_places;
                fu.new_adolescent_share = new_adolescent;
                f
            },
        )
        .boxed()
}

fn homes() -> BoxedStrategy<Vec<Home>> {
    (0usize..=5)
        .prop_flat_map(|n| (0..n).map(home).collect::<Vec<_>>())
        .boxed()
}

fn markets() -> BoxedStrategy<Markets> {
    (
        (market(), market(), market()),
        (prob(), prob(), prob(), prob()),
        probs(),
    )
        .prop_map(|((ifa, ext, sa), (cp, complex, sib, adolescent), oob)| {
            let mut m = default_scenario().markets;
            m.ifa = ifa;
            m.external_residential = ext;
            m.supported_accommodation = sa;
            m.connected_person_availability = cp;
            m.ifa_complex_availability = complex;
            m.ifa_sibling_availability = sib;
            m.adolescent_found_factor = adolescent;
            m.out_of_borough = oob;
            m
        })
        .boxed()
}

/// Each built-in rule's order shuffled and cut short, sometimes an emergency-only rule
/// first (the default order, every matchable type, applies to children no rule covers).
fn matching() -> BoxedStrategy<Matching> {
    let base = default_scenario().matching;
    let matchable: Vec<PlacementType> = PlacementType::ALL
        .into_iter()
        .filter(|t| t.is_matchable())
        .collect();
    let n = matchable.len();
    let orders = prop::collection::vec(
        (Just(matchable).prop_shuffle(), 1..=n).prop_map(|(mut order, keep)| {
            order.truncate(keep);
            order
        }),
        base.rules.len(),
    );
    (
        orders,
        prop::option::weighted(0.3, ages()),
        prop::bool::weighted(0.7),
        1.0..120.0f64,
    )
        .prop_map(move |(orders, emergency_rule, together, review)| {
            let mut m = base.clone();
            for (r, order) in m.rules.iter_mut().zip(orders) {
                r.order = order;
            }
            if let Some((min_age, max_age)) = emergency_rule {
                m.rules.insert(
                    0,
                    MatchRule {
                        min_age,
                        max_age,
                        needs: NeedsFilter::Complex,
                        order: vec![PlacementType::Emergency],
                        suitable: None,
                    },
                );
            }
            m.keep_siblings_together = together;
            m.emergency_review_days = review;
            m
        })
        .boxed()
}

fn stability() -> BoxedStrategy<Stability> {
    (
        counts(limits::MAX_BREAKDOWN_PER_YEAR),
        counts(limits::MAX_BREAKDOWN_PER_YEAR),
        1.0..=limits::MAX_REPEAT_MULTIPLIER,
        prob(),
        1.0..200.0f64,
    )
        .prop_map(|(child, adolescent, repeat, short_share, short_days)| {
            let mut s = default_scenario().stability;
            s.breakdown_child = child;
            s.breakdown_adolescent = adolescent;
            s.repeat_multiplier = repeat;
            s.short_term_first_share = short_share;
            s.short_term_days = short_days;
            s
        })
        .boxed()
}

/// Each ready-made lever pulled with probability `chance`, with random timing.
fn levers(chance: f64) -> BoxedStrategy<Vec<Lever>> {
    let all: Vec<Lever> = strategies().into_iter().flat_map(|s| s.levers).collect();
    let n = all.len();
    prop::collection::vec(
        (
            prop::bool::weighted(chance),
            0u32..=30,
            0u32..=24,
            0u32..=30,
        ),
        n,
    )
    .prop_map(move |picks| {
        all.iter()
            .zip(picks)
            .filter(|(_, (pulled, ..))| *pulled)
            .map(|(l, (_, start, ramp, places))| {
                let mut l = l.clone();
                l.start_month = start;
                l.ramp_months = ramp;
                if let LeverKind::SupportedAccommodation { places: p, .. } = &mut l.kind {
                    *p = places;
                }
                l
            })
            .collect()
    })
    .boxed()
}

/// A random valid scenario whose levers are each pulled with probability `lever_chance`.
pub fn scenario(lever_chance: f64) -> BoxedStrategy<Scenario> {
    (
        (1995i32..=2040, 1u32..=12),
        (demand(), population(), exits(), fostering()),
        (homes(), markets(), matching(), stability()),
        (
            counts(8_000.0),
            (-0.1..0.2f64, 0.0..20_000.0f64, 0.0..1e8f64, -0.1..0.2f64),
        ),
        levers(lever_chance),
    )
        .prop_map(
            |(
                (year, month),
                (demand, population, exits, fostering),
                (homes, markets, matching, stability),
                (weekly, (inflation, per_approval, budget, budget_growth)),
                levers,
            )| {
                let mut s = default_scenario();
                s.name = "Random".into();
                s.start_year = year;
                s.start_month = month;
                s.demand = demand;
                s.population = population;
                s.exits = exits;
                s.fostering = fostering;
                s.residential.homes = homes;
                s.markets = markets;
                s.matching = matching;
                s.stability = stability;
                s.costs.weekly = weekly;
                s.costs.inflation_per_year = inflation;
                s.costs.cost_per_approval = per_approval;
                s.costs.budget_per_year = budget;
                s.costs.budget_growth_per_year = budget_growth;
                s.levers = levers;
                s
            },
        )
        .boxed()
}
