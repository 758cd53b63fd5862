//! Rolling a scenario's prices forward: the built-in figures are as at a month (June 2020
//! for the default borough); a scenario that starts later can bring every price (weekly
//! costs, home running costs, recruitment costs, lever costs and the budget) to its start
//! at its own yearly inflation. Children and carers are not changed: only prices can be
//! rolled forward honestly; the results say the starting figures are the data's.

use crate::scenario::{Home, Lever, LeverKind, Scenario};

/// The price factor over `months` at `inflation_per_year` (compounded by the month's
/// share of a year, as the model inflates prices).
pub fn price_factor(inflation_per_year: f64, months: i64) -> f64 {
    libm::pow(1.0 + inflation_per_year, months as f64 / 12.0)
}

/// Months from the month after the scenario's figures' date to its start (0 for the
/// default borough).
pub fn months_after_data(s: &Scenario) -> i64 {
    s.data_as_at.months_to(s.start_year, s.start_month)
}

/// `s` with every price multiplied by its inflation over the months from the month after
/// its figures' date to its start, marked as rolled (so that rolling again changes
/// nothing). The figures' date stays: children and carers are still the figures'.
pub fn roll_prices_forward(s: &Scenario) -> Scenario {
    let months = months_after_data(s);
    if s.data_as_at.prices_rolled_forward || months == 0 {
        return s.clone();
    }
    let f = price_factor(s.costs.inflation_per_year, months);
    let mut out = s.clone();
    let c = &mut out.costs;
    let weekly = c.weekly.to_array().map(|w| w * f);
    c.weekly = crate::scenario::PlacementCounts::from_array(weekly);
    c.cost_per_approval *= f;
    c.budget_per_year *= f;
    for b in &mut c.budget_by_year {
        *b *= f;
    }
    for h in &mut out.residential.homes {
        roll_home(h, f);
    }
    for l in &mut out.levers {
        roll_lever(l, f);
    }
    out.data_as_at.prices_rolled_forward = true;
    out
}

fn roll_home(h: &mut Home, f: f64) {
    h.weekly_cost *= f;
}

/// A lever's prices (its running cost and any weekly fee or cost) times `f`.
pub fn roll_lever(l: &mut Lever, f: f64) {
    l.annual_cost *= f;
    match &mut l.kind {
        LeverKind::AdolescentCarers {
            weekly_fee_uplift, ..
        } => *weekly_fee_uplift *= f,
        LeverKind::NewHomes { homes } => homes.iter_mut().for_each(|h| roll_home(h, f)),
        LeverKind::SupportedAccommodation { weekly_cost, .. } => *weekly_cost *= f,
        LeverKind::RecruitmentBoost { .. }
        | LeverKind::Retention { .. }
        | LeverKind::StepDown { .. }
        | LeverKind::EdgeOfCare { .. }
        | LeverKind::PermanenceDrive { .. }
        | LeverKind::FrameworkPricing { .. } => {}
    }
}
