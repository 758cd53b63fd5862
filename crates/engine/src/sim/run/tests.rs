//! Matching a child who moves on: the placement that has just ended is not offered again.

use super::*;
use crate::defaults::{default_scenario, strategy};

const SEED: u64 = 20_200_701;

fn streams(rep: u32) -> Streams {
    Simulator::streams(SEED, rep)
}

/// A simulator after a year of the borough with its in-house homes programme, so that
/// children live in foster households and in children's homes.
fn year_on(model: &Model) -> Simulator<'_> {
    let mut sim = Simulator::new(model);
    sim.run(SEED, 3);
    sim
}

fn model() -> Model {
    let homes = strategy("homes").expect("ready-made strategy");
    Model::new(&default_scenario().with_strategy(&homes), 12)
}

#[test]
fn a_child_whose_placement_breaks_down_is_not_offered_it_again() {
    let model = model();
    let mut sim = year_on(&model);
    let mut rs = streams(99);
    let t = sim.month_end - 1.0;
    let movers: Vec<(u32, Place)> = sim
        .children
        .active
        .iter()
        .map(|&id| (id, sim.children[id as usize].place))
        .filter(|(_, p)| matches!(p, Place::Household(_) | Place::Home(_)))
        .take(120)
        .collect();
    assert!(movers.iter().any(|(_, p)| matches!(p, Place::Home(_))));
    // Cases where the old placement could have been chosen: it still had room for the child
    // once the child had left (so the test fails if it is offered again).
    let mut could_return = 0;
    for (id, old) in movers {
        sim.place_single(id, t, true, Place::Nowhere, &mut rs);
        let now = sim.children[id as usize].place;
        assert_ne!(now, old, "child {id} was placed back where it broke down");
        could_return += match old {
            Place::Household(h) => sim.households.is_open(h) as u32,
            Place::Home(h) => {
                let home = &sim.capacity.homes[h as usize];
                (home.occupied < home.usable) as u32
            }
            _ => 0,
        };
    }
    assert!(
        could_return > 20,
        "only {could_return} placements had room to take the child back"
    );
    sim.check_invariants(sim.month)
        .expect("books still balance");
}

#[test]
fn siblings_on_a_planned_move_are_not_offered_their_household_again() {
    let model = model();
    let mut sim = year_on(&model);
    let mut rs = streams(98);
    let t = sim.month_end - 1.0;
    let mut moved = 0;
    let households: Vec<u32> = (0..sim.households.len() as u32)
        .filter(|&h| sim.households[h as usize].active && sim.households[h as usize].n >= 2)
        .collect();
    for h in households {
        let hh = &sim.households[h as usize];
        let ids: Vec<u32> = hh.children[..hh.n as usize].to_vec();
        let leaving = vec![Place::Household(h); ids.len()];
        for &id in &ids {
            sim.release(id, t);
        }
        sim.place_group(&ids, t, true, &leaving, &mut rs);
        for &id in &ids {
            assert_ne!(sim.children[id as usize].place, Place::Household(h));
        }
        moved += 1;
    }
    assert!(moved > 0, "no household held two children");
    sim.check_invariants(sim.month)
        .expect("books still balance");
}

/// A borough with no places to buy: children the in-house carers and homes cannot take
/// end up in emergency beds.
fn no_markets() -> crate::scenario::Scenario {
    let mut s = default_scenario();
    s.markets.ifa.limit = Some(0);
    s.markets.external_residential.limit = Some(0);
    s.markets.supported_accommodation.limit = Some(0);
    s.markets.connected_person_availability = 0.0;
    s
}

/// As `no_markets`, with five foster households: most children end up in emergency beds.
fn constrained() -> Model {
    let mut s = no_markets();
    s.fostering.households = 5;
    Model::new(&s, 12)
}

#[test]
fn an_emergency_review_that_finds_nothing_better_is_not_a_move() {
    let model = constrained();
    let mut sim = year_on(&model);
    let mut rs = streams(97);
    let (t, m) = (sim.month_end - 1.0, sim.month);
    let emergency = Place::Market(PlacementType::Emergency);
    let ids: Vec<u32> = sim
        .children
        .active
        .iter()
        .copied()
        .filter(|&id| sim.children[id as usize].place == emergency)
        .collect();
    assert!(
        ids.len() > 5,
        "only {} children in emergency beds",
        ids.len()
    );
    let moves_before = sim.months[m][metrics::MOVES];
    let (mut stayed, mut moved) = (0, 0);
    for id in ids {
        let epoch = sim.children[id as usize].place_epoch;
        sim.review_emergency(id, t, &mut rs);
        let c = &sim.children[id as usize];
        if c.place == emergency {
            assert_eq!(
                c.place_epoch, epoch,
                "child {id} stayed but was counted as placed"
            );
            stayed += 1;
        } else {
            moved += 1;
        }
    }
    assert!(stayed > 0, "every child found a placement");
    assert_eq!(sim.months[m][metrics::MOVES] - moves_before, moved);
    sim.check_invariants(m).expect("books still balance");
}

#[test]
fn siblings_already_apart_are_not_counted_as_split_again() {
    let model = constrained();
    let mut sim = year_on(&model);
    let mut rs = streams(96);
    let (t, m) = (sim.month_end - 1.0, sim.month);
    // Pairs of children in two different placements, moved on as one group.
    let active: Vec<u32> = sim.children.active.clone();
    let mut split_again = 0;
    for pair in active.chunks(2).take(40) {
        let [a, b] = [pair[0], pair.get(1).copied().unwrap_or(pair[0])];
        let (pa, pb) = (
            sim.children[a as usize].place,
            sim.children[b as usize].place,
        );
        if a == b || pa == pb {
            continue;
        }
        let splits = sim.months[m][metrics::SPLITS];
        sim.release(a, t);
        sim.release(b, t);
        sim.place_group(&[a, b], t, true, &[pa, pb], &mut rs);
        assert_eq!(
            sim.months[m][metrics::SPLITS],
            splits,
            "children {a} and {b}"
        );
        let (na, nb) = (
            sim.children[a as usize].place,
            sim.children[b as usize].place,
        );
        split_again += (na != nb || na == Place::Market(PlacementType::Emergency)) as u32;
    }
    assert!(split_again > 0, "every pair found a placement together");
    sim.check_invariants(m).expect("books still balance");
}

#[test]
fn a_child_soon_to_be_adopted_lives_with_the_adopters() {
    let model = model();
    let pfa = Place::Market(PlacementType::PlacedForAdoption);
    let lead = model.scenario.exits.adoption_placement_lead_days;
    let mut checked = 0;
    for rep in 0..20 {
        let mut sim = Simulator::new(&model);
        sim.run(SEED, rep);
        let now = sim.month_end;
        for &id in &sim.children.active {
            let c = &sim.children[id as usize];
            // Due within the lead time and never moved (no breakdown, no move to the adopters
            // yet): placed for adoption from the start.
            if c.route == ExitRoute::Adoption && c.exit_at - now <= lead && c.place_epoch == 1 {
                assert_eq!(c.place, pfa, "child {id} in run {rep}");
                checked += 1;
            }
        }
    }
    assert!(checked > 5, "only {checked} children checked");
}

#[test]
fn children_who_only_shared_carers_are_not_matched_as_siblings() {
    let mut s = no_markets();
    s.fostering.sgo_conversion_share = 0.0;
    let model = Model::new(&s, 12);
    let mut sim = year_on(&model);
    let mut rs = streams(95);
    let (t, m) = (sim.month_end - 1.0, sim.month);
    let households: Vec<u32> = (0..sim.households.len() as u32)
        .filter(|&h| {
            let hh = &sim.households[h as usize];
            let kids = &hh.children[..hh.n as usize];
            hh.active
                && kids.len() >= 2
                && kids
                    .iter()
                    .all(|&k| sim.children[k as usize].group == NO_GROUP)
        })
        .collect();
    let mut apart = 0;
    for h in households {
        let hh = &sim.households[h as usize];
        let kids: Vec<u32> = hh.children[..hh.n as usize].to_vec();
        let splits = sim.months[m][metrics::SPLITS];
        sim.household_leaves(h, t, &mut rs);
        assert_eq!(sim.months[m][metrics::SPLITS], splits, "household {h}");
        let places: Vec<Place> = kids
            .iter()
            .map(|&k| sim.children[k as usize].place)
            .collect();
        // Apart: in different placements, or in emergency beds (one child each).
        let emergency = Place::Market(PlacementType::Emergency);
        apart += places.windows(2).any(|w| w[0] != w[1] || w[0] == emergency) as u32;
    }
    assert!(apart > 0, "every household's children were placed together");
    sim.check_invariants(m).expect("books still balance");
}

#[test]
fn a_disrupted_adoption_ends_the_adoption_plan() {
    let model = model();
    let pfa = Place::Market(PlacementType::PlacedForAdoption);
    let mut disrupted = 0;
    for rep in 0..5 {
        let mut sim = Simulator::new(&model);
        sim.run(SEED, rep);
        let mut rs = streams(90 + rep);
        let (t, m) = (sim.month_end - 1.0, sim.month);
        let placed: Vec<u32> = sim
            .children
            .active
            .iter()
            .copied()
            .filter(|&id| sim.children[id as usize].place == pfa)
            .collect();
        for id in placed {
            let epoch = sim.children[id as usize].exit_epoch;
            sim.breakdown(id, t, &mut rs);
            let c = &sim.children[id as usize];
            assert_ne!(c.route, ExitRoute::Adoption, "child {id} in run {rep}");
            assert_ne!(c.place, pfa);
            assert!(c.exit_at > t && c.exit_epoch == epoch + 1);
            disrupted += 1;
        }
        sim.check_invariants(m).expect("books still balance");
    }
    assert!(
        disrupted > 5,
        "only {disrupted} children placed for adoption"
    );
}

/// Children already living with family or friends carers, or with agency carers, start
/// there: the starting mix is not thinned by the chance of finding such a carer for a new
/// placement (4% for family and friends by default).
#[test]
fn the_starting_stock_keeps_its_family_and_friends_placements() {
    let s = default_scenario();
    let model = Model::new(&s, 1);
    let mix = s.population.placement_mix.to_array();
    let share = |t: PlacementType| mix[t.index()] / mix.iter().sum::<f64>();
    let children = s.population.children as f64;
    let (mut cp, mut ifa) = (0.0, 0.0);
    let runs = 40;
    let mut sim = Simulator::new(&model);
    for rep in 0..runs {
        sim.run(SEED, rep);
        let row = &sim.months[0];
        cp += row[metrics::BY_TYPE + PlacementType::ConnectedPerson.index()] as f64;
        ifa += row[metrics::BY_TYPE + PlacementType::Ifa.index()] as f64;
    }
    let (cp, ifa) = (cp / runs as f64, ifa / runs as f64);
    let want_cp = share(PlacementType::ConnectedPerson) * children;
    let want_ifa = share(PlacementType::Ifa) * children;
    assert!(
        cp >= 0.8 * want_cp,
        "{cp:.1} with family or friends, the mix gives {want_cp:.1}"
    );
    // Agency placements are not inflated by the children displaced from family care.
    assert!(
        ifa <= 1.03 * want_ifa,
        "{ifa:.1} with agencies, the mix gives {want_ifa:.1}"
    );
}

/// The step-down lever picks at random among the children it may move (in residential care,
/// within its age limit), not the first in the list of children in care: with every one of
/// them able to move (agency carers take any child), the first few would always go.
#[test]
fn step_down_chooses_at_random_among_the_eligible() {
    let mut s = default_scenario();
    s.markets.ifa_complex_availability = 1.0;
    let model = Model::new(&s, 12);
    // The same borough with the lever pulled hard in the last month.
    let mut lever = Model::new(&s, 12);
    let m = 11;
    lever.months[m].step_down = 6.0;
    lever.months[m].step_down_max_age = 17;
    let (mut runs, mut beyond_first) = (0, 0);
    for rep in 0..8 {
        let mut sim = Simulator::new(&model);
        sim.run(SEED, rep);
        sim.model = &lever;
        let t0 = m as f64 * DAYS_PER_MONTH;
        let eligible: Vec<u32> = sim
            .children
            .active
            .iter()
            .copied()
            .filter(|&id| {
                let c = &sim.children[id as usize];
                c.place.kind().is_some_and(|t| t.is_residential()) && c.age_years(t0) < 18.0
            })
            .collect();
        sim.step_down(m, &mut streams(80 + rep));
        let moved: Vec<usize> = eligible
            .iter()
            .enumerate()
            .filter(|(_, &id)| {
                !sim.children[id as usize]
                    .place
                    .kind()
                    .is_some_and(|t| t.is_residential())
            })
            .map(|(rank, _)| rank)
            .collect();
        for &rank in &moved {
            let c = &sim.children[eligible[rank] as usize];
            assert!(
                matches!(
                    c.place,
                    Place::Household(_) | Place::Market(PlacementType::Ifa)
                ),
                "stepped down to {:?}",
                c.place
            );
        }
        // Stepped down from anywhere in the list, not only its first few.
        runs += !moved.is_empty() as u32;
        beyond_first += moved.iter().any(|&rank| rank >= moved.len()) as u32;
        sim.check_invariants(m).expect("books still balance");
    }
    assert!(runs >= 6, "the lever moved children in only {runs} runs");
    assert!(
        beyond_first >= runs / 2,
        "only {beyond_first} of {runs} runs moved a child past the first in the list"
    );
}

/// The children starting in emergency beds are waiting as the model's own waiting children
/// are: their next reviews are spread over one review interval (not all due together at
/// its end, which made the first month's emergency cost about two and a half times the
/// next month's), and they are the ones hard to place (adolescents more than the stock).
#[test]
fn starting_emergency_children_are_reviewed_through_the_first_interval() {
    let model = Model::new(&default_scenario(), 12);
    let interval = model.scenario.matching.emergency_review_days;
    let mut sim = Simulator::new(&model);
    let (mut reviews, mut in_emergency) = (Vec::new(), 0);
    let (mut adolescents, mut stock_adolescents, mut stock) = (0, 0, 0);
    for rep in 0..200 {
        let mut rs = streams(rep);
        let mut startup = Stream::new(SEED, rep, Process::StartUp);
        sim.reset();
        sim.start_up(&mut startup, &mut rs);
        for &id in &sim.children.active {
            let c = &sim.children[id as usize];
            let adolescent = c.age_years(0.0) >= 11.0;
            stock += 1;
            stock_adolescents += adolescent as u32;
            if c.kind == Some(PlacementType::Emergency) {
                in_emergency += 1;
                adolescents += adolescent as u32;
            }
        }
        while let Some(ev) = sim.queue.pop_before(interval + 1.0) {
            if ev.kind() == EventKind::EmergencyReview {
                reviews.push(ev.t());
            }
        }
    }
    assert!(
        in_emergency >= 800,
        "{in_emergency} starting children in emergency beds"
    );
    // One review booked for each, but for the few who leave care before it.
    assert!(reviews.len() <= in_emergency && reviews.len() * 50 >= in_emergency * 49);
    assert!(reviews.iter().all(|&t| t > 0.0 && t <= interval));
    // Uniform over the interval: a quarter in each quarter (within about 4.5 standard errors).
    for q in 0..4 {
        let (lo, hi) = (q as f64 * interval / 4.0, (q + 1) as f64 * interval / 4.0);
        let share =
            reviews.iter().filter(|&&t| t > lo && t <= hi).count() as f64 / reviews.len() as f64;
        assert!(
            (share - 0.25).abs() < 0.07,
            "quarter {q}: {share:.3} of the reviews"
        );
    }
    let share = adolescents as f64 / in_emergency as f64;
    let stock_share = stock_adolescents as f64 / stock as f64;
    assert!(
        share > stock_share + 0.1,
        "adolescents: {share:.2} of those in emergency beds, {stock_share:.2} of the stock"
    );
}

/// A starting child living with in-house foster carers may have grown older there: a
/// household approved for children up to 10 keeps a child placed with it at 9 who is 12 now,
/// as the model's own households do, so the starting children fill the households as a
/// later month's children do (issue 15, section 4: vacant places at the start).
#[test]
fn starting_children_may_have_grown_older_with_their_foster_carers() {
    let s = default_scenario();
    // The share of in-house foster children in households that take children up to 10 who
    // are 11 or older now, at the end of the first month and two years on.
    let share = |horizon: usize| {
        let model = Model::new(&s, horizon);
        let mut sim = Simulator::new(&model);
        let (mut older, mut all) = (0.0, 0.0);
        for rep in 0..100 {
            sim.run(SEED, rep);
            let t = sim.month_end;
            for &id in sim.children.active.iter() {
                let c = &sim.children[id as usize];
                if let Place::Household(h) = c.place {
                    if !sim.households[h as usize].adolescent {
                        all += 1.0;
                        older += (c.age_years(t) >= 11.0) as u8 as f64;
                    }
                }
            }
        }
        older / all
    };
    let (start, later) = (share(1), share(24));
    assert!(
        later > 0.05,
        "{later:.3} of standard households' children have grown past 10 by month 24"
    );
    assert!(
        (start - later).abs() < 0.25 * later,
        "{start:.3} grown past 10 at the start against {later:.3} two years on"
    );
}
