//! Helpers shared by the integration tests: the per-month bookkeeping checks every run must
//! pass, and a light scenario whose behaviour has a closed form.
#![allow(dead_code)]

use engine::metrics::*;
use engine::scenario::{DurationDist, Scenario};
use engine::sim::{Model, Simulator};
use engine::types::{ExitRoute, PlacementType, DAYS_PER_MONTH};

fn sum(row: &[i64], from: usize, n: usize) -> i64 {
    row[from..from + n].iter().sum()
}

fn ty(t: PlacementType) -> usize {
    BY_TYPE + t.index()
}

/// Every accounting identity one finished run must satisfy, month by month:
/// stock-flow conservation of children and households, breakdowns summing to totals,
/// capacity limits, non-negative costs whose parts add up, and financial-year totals
/// matching the months. Returns the first violation, naming the month.
pub fn check_run(model: &Model, sim: &Simulator<'_>) -> Result<(), String> {
    let s = &model.scenario;
    let h = model.horizon;
    if sim.months.len() != h {
        return Err(format!(
            "{} months reported for a {h}-month horizon",
            sim.months.len()
        ));
    }
    let mut prev_in_care = s.population.children as i64;
    let mut prev_households = s.fostering.households as i64;
    let mut total_cost = 0.0f64;
    for (m, row) in sim.months.iter().enumerate() {
        let e = &model.months[m];
        let err = |what: String| Err(format!("month {m}: {what}"));
        if let Some(k) = row.iter().position(|v| *v < 0) {
            return err(format!(
                "metric {} is negative ({})",
                definitions()[k].key,
                row[k]
            ));
        }
        let in_care = row[IN_CARE];
        // Children: start + admissions - exits = end.
        if prev_in_care + row[ADMISSIONS] - row[EXITS] != in_care {
            return err(format!(
                "stock {prev_in_care} + admissions {} - exits {} != in care {in_care}",
                row[ADMISSIONS], row[EXITS]
            ));
        }
        prev_in_care = in_care;
        let by_type = sum(row, BY_TYPE, PlacementType::COUNT);
        let by_age = sum(row, BY_AGE, 5);
        if by_type != in_care || by_age != in_care {
            return err(format!(
                "in care {in_care}, by type {by_type}, by age {by_age}"
            ));
        }
        let by_route = sum(row, EXITS_BY_ROUTE, ExitRoute::COUNT);
        if by_route != row[EXITS] {
            return err(format!(
                "exits {} but exits by route add to {by_route}",
                row[EXITS]
            ));
        }
        // The gap is no suitable placement plus below assessed need, split by age; every
        // measure is a subset of the children, the emergency placements are exactly the
        // children with no suitable placement, and the breakdowns add up.
        let gap = row[GAP];
        if gap > in_care
            || gap != row[NO_SUITABLE] + row[BELOW_NEED]
            || sum(row, GAP_BY_AGE, 5) != gap
            || row[NO_SUITABLE] != row[ty(PlacementType::Emergency)]
        {
            return err(format!(
                "gap {gap} (in care {in_care}, no suitable {}, below need {}, emergency {}) \
                 does not match its parts",
                row[NO_SUITABLE],
                row[BELOW_NEED],
                row[ty(PlacementType::Emergency)]
            ));
        }
        let agency = row[ty(PlacementType::Ifa)]
            + row[ty(PlacementType::ExternalResidential)]
            + row[ty(PlacementType::SupportedAccommodation)];
        if sum(row, SHORTFALL_BY_TYPE, SHORTFALL_TYPES.len()) != row[INHOUSE_SHORTFALL]
            || row[INHOUSE_SHORTFALL] > agency
        {
            return err(format!(
                "in-house shortfall {} (of {agency} in agency placements) does not match its parts",
                row[INHOUSE_SHORTFALL]
            ));
        }
        if sum(row, AT_DISTANCE_BY_TYPE, PlacementType::COUNT) != row[AT_DISTANCE] {
            return err(format!(
                "{} placed at a distance, but the types add to another number",
                row[AT_DISTANCE]
            ));
        }
        for t in PlacementType::ALL {
            if row[AT_DISTANCE_BY_TYPE + t.index()] > row[ty(t)] {
                return err(format!("more {} at a distance than placed", t.key()));
            }
        }
        // Sibling groups: the split ones are among the groups, each with two or more
        // children apart, and the share is theirs.
        let (groups, split) = (row[SIBLING_GROUPS], row[SIBLING_GROUPS_SPLIT]);
        let share = if groups > 0 {
            (split * 10_000 + groups / 2) / groups
        } else {
            0
        };
        if split > groups
            || row[SIBLINGS_APART] < 2 * split
            || row[SIBLINGS_APART] > in_care
            || row[SPLIT_SHARE] != share
            || (split == 0) != (row[SIBLINGS_APART] == 0)
        {
            return err(format!(
                "{split} of {groups} sibling groups split, {} children apart, share {}",
                row[SIBLINGS_APART], row[SPLIT_SHARE]
            ));
        }
        if row[AT_DISTANCE] > in_care {
            return err(format!(
                "{} out of borough but only {in_care} in care",
                row[AT_DISTANCE]
            ));
        }
        for k in [MOVES3_SHARE, IN_HOUSE_SHARE] {
            if row[k] > 10_000 {
                return err(format!("share {} above 100%", row[k]));
            }
        }
        if in_care > 0 {
            let in_house = row[ty(PlacementType::InHouseFoster)]
                + row[ty(PlacementType::ConnectedPerson)]
                + row[ty(PlacementType::InHouseResidential)];
            if row[IN_HOUSE_SHARE] != (in_house * 10_000 + in_care / 2) / in_care {
                return err(format!(
                    "in-house share {} for {in_house} of {in_care}",
                    row[IN_HOUSE_SHARE]
                ));
            }
        }
        // Foster households: start + approvals - deregistrations = end; places add up.
        if prev_households + row[APPROVALS] - row[DEREGISTRATIONS] != row[HOUSEHOLDS] {
            return err(format!(
                "households {prev_households} + approvals {} - leavers {} != {}",
                row[APPROVALS], row[DEREGISTRATIONS], row[HOUSEHOLDS]
            ));
        }
        prev_households = row[HOUSEHOLDS];
        if row[FILLED] + row[VACANT] + row[STAYING_PUT] != row[PLACES] {
            return err(format!(
                "places {}: filled {} + vacant {} + staying put {} do not add up",
                row[PLACES], row[FILLED], row[VACANT], row[STAYING_PUT]
            ));
        }
        if row[FILLED] != row[ty(PlacementType::InHouseFoster)] {
            return err(format!(
                "{} in-house places filled but {} children in in-house foster care",
                row[FILLED],
                row[ty(PlacementType::InHouseFoster)]
            ));
        }
        if row[PLACES] < row[HOUSEHOLDS] || row[PLACES] > 3 * row[HOUSEHOLDS] {
            return err(format!(
                "{} places for {} households",
                row[PLACES], row[HOUSEHOLDS]
            ));
        }
        // In-house homes: filled beds are the children there, within the open homes' beds.
        let open: Vec<_> = model
            .homes
            .iter()
            .filter(|x| x.open_month as usize <= m)
            .collect();
        let beds: i64 = open.iter().map(|x| x.beds as i64).sum();
        let usable: i64 = open.iter().map(|x| x.usable_beds as i64).sum();
        if row[RES_BEDS_FILLED] != row[ty(PlacementType::InHouseResidential)]
            || row[RES_BEDS_FILLED] + row[RES_BEDS_EMPTY] != beds
            || row[RES_BEDS_FILLED] > usable
        {
            return err(format!(
                "homes: {} filled + {} empty, {} children there, {beds} beds ({usable} usable) open",
                row[RES_BEDS_FILLED],
                row[RES_BEDS_EMPTY],
                row[ty(PlacementType::InHouseResidential)]
            ));
        }
        // Bought-in markets stay within their limits.
        let mk = &s.markets;
        for (t, limit) in [
            (PlacementType::Ifa, mk.ifa.limit.unwrap_or(u32::MAX)),
            (
                PlacementType::ExternalResidential,
                mk.external_residential.limit.unwrap_or(u32::MAX),
            ),
            (PlacementType::SupportedAccommodation, e.supported_places),
        ] {
            if row[ty(t)] > limit as i64 {
                return err(format!(
                    "{} children in {} over its limit {limit}",
                    row[ty(t)],
                    t.key()
                ));
            }
        }
        // Costs: parts add up to the total, fixed costs are what the scenario says, and
        // placement costs cannot exceed, type by type, its weekly price for everyone who was in care
        // at some point in the month.
        let parts: i64 = row[COST_BY_TYPE..COUNT].iter().sum();
        if (row[COST] - parts).abs() > (COUNT - COST_BY_TYPE) as i64 {
            return err(format!("cost {} but its parts add to {parts}", row[COST]));
        }
        let close = |a: i64, b: f64| (a as f64 - b).abs() <= 1.0 + 1e-9 * b.abs();
        if !close(row[COST_LEVERS], e.lever_cost) {
            return err(format!(
                "lever cost {} expected {:.2}",
                row[COST_LEVERS], e.lever_cost
            ));
        }
        let home_cost: f64 = open
            .iter()
            .map(|x| x.weekly_cost * e.inflation * DAYS_PER_MONTH / 7.0)
            .sum();
        if !close(row[COST_HOMES], home_cost) {
            return err(format!(
                "homes cost {} expected {home_cost:.2}",
                row[COST_HOMES]
            ));
        }
        let recruitment = row[APPROVALS] as f64 * s.costs.cost_per_approval * e.inflation;
        if !close(row[COST_RECRUITMENT], recruitment) {
            return err(format!(
                "recruitment cost {} expected {recruitment:.2}",
                row[COST_RECRUITMENT]
            ));
        }
        if e.fee_uplift == 0.0 && row[COST_FEE_UPLIFT] != 0 {
            return err(format!(
                "fee uplift cost {} with no uplift",
                row[COST_FEE_UPLIFT]
            ));
        }
        let w = &s.costs.weekly;
        let present = (row[IN_CARE] + row[EXITS]) as f64; // in care at the start or admitted
        for t in PlacementType::ALL {
            let weekly = match t {
                PlacementType::Ifa => w.ifa * e.ifa_price,
                PlacementType::ExternalResidential => w.external_residential * e.residential_price,
                PlacementType::SupportedAccommodation => {
                    w.supported_accommodation.max(e.supported_price)
                }
                _ => w.get(t),
            };
            let bound = weekly * e.inflation * DAYS_PER_MONTH / 7.0 * present + 1.0;
            let cost = row[COST_BY_TYPE + t.index()];
            if cost as f64 > bound {
                return err(format!(
                    "{} costs {cost}, above the most {present} children could cost ({bound:.0})",
                    t.key()
                ));
            }
        }
        let uplift_bound = e.fee_uplift * e.inflation * DAYS_PER_MONTH / 7.0 * present + 1.0;
        if row[COST_FEE_UPLIFT] as f64 > uplift_bound {
            return err(format!(
                "fee uplift {} above the most {present} children could cost",
                row[COST_FEE_UPLIFT]
            ));
        }
        for t in PlacementType::ALL {
            if w.get(t) == 0.0
                && !matches!(t, PlacementType::SupportedAccommodation)
                && row[COST_BY_TYPE + t.index()] != 0
            {
                return err(format!(
                    "{} costs {} at a weekly price of 0",
                    t.key(),
                    row[COST_BY_TYPE + t.index()]
                ));
            }
        }
        total_cost += row[COST] as f64;
    }
    let y = &sim.years;
    if y.cost.len() != model.fin_year_labels.len() || y.budget != model.fin_year_budget {
        return Err("financial years do not match the model".into());
    }
    if let Some(c) = y.cost.iter().find(|c| c.is_nan() || **c < 0.0) {
        return Err(format!("a financial year costs {c}"));
    }
    let years_total: f64 = y.cost.iter().sum();
    if years_total != total_cost {
        return Err(format!(
            "financial years add to {years_total}, months to {total_cost}"
        ));
    }
    Ok(())
}

/// Run `reps` checked replications of `scenario` and apply `check_run` to each.
pub fn run_and_check(
    scenario: &Scenario,
    horizon: usize,
    seed: u64,
    reps: std::ops::Range<u32>,
) -> Result<(), String> {
    let model = Model::new(scenario, horizon);
    let mut sim = Simulator::new(&model);
    for rep in reps {
        sim.run_checked(seed, rep)
            .map_err(|e| format!("{}: rep {rep}: invariant: {e}", scenario.name))?;
        check_run(&model, &sim).map_err(|e| format!("{}: rep {rep}: {e}", scenario.name))?;
    }
    Ok(())
}

/// A scenario with a textbook queueing structure: sibling groups of one arrive as a Poisson
/// process at `groups_per_month` (no trend, no seasonality), all under 1 year old, and all
/// go home after an exponential stay of `mean_months`; no carers, no recruitment, every
/// market unlimited, so placements never affect how long a child stays.
pub fn textbook(groups_per_month: f64, mean_months: f64) -> Scenario {
    let mut s = engine::defaults::default_scenario();
    s.name = "Textbook".into();
    let d = &mut s.demand;
    d.groups_per_month = groups_per_month;
    d.trend_per_year = 0.0;
    d.seasonality = [1.0; 12];
    d.group_size = vec![1.0];
    d.entry_age = [1.0, 0.0, 0.0, 0.0, 0.0];
    d.placed_with_parents_share = 0.0;
    s.exits.route_by_entry_age = [[1.0, 0.0, 0.0, 0.0]; 5];
    s.exits.return_home = DurationDist::Exponential { mean_months };
    s.population.children = (groups_per_month * mean_months).round() as u32;
    s.population.age_profile = None;
    s.fostering.households = 0;
    s.fostering.funnel.enquiries_per_month = 0.0;
    s.fostering.sgo_conversion_share = 0.0;
    s.markets.ifa.limit = None;
    s.markets.external_residential.limit = None;
    s.markets.supported_accommodation.limit = None;
    s
}
