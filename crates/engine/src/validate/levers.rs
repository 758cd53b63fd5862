//! The checks of a scenario's strategy levers: timing and cost, and each kind's own fields.

use super::check::Check;
use crate::limits;
use crate::path::FieldPath;
use crate::scenario::{Lever, LeverKind};

pub(super) fn levers(c: &mut Check, levers: &[Lever]) {
    let f = FieldPath::root().key("levers");
    if levers.len() > limits::MAX_LEVERS {
        c.fail(&f, format!("at most {} levers", limits::MAX_LEVERS));
    }
    for (i, l) in levers.iter().enumerate() {
        lever(c, &f.index(i), l);
    }
}

fn lever(c: &mut Check, f: &FieldPath, l: &Lever) {
    c.range(
        &f.key("start_month"),
        l.start_month as f64,
        0.0,
        1200.0,
        "months from the start",
    );
    c.range(
        &f.key("ramp_months"),
        l.ramp_months as f64,
        0.0,
        600.0,
        "months",
    );
    c.range(
        &f.key("annual_cost"),
        l.annual_cost,
        0.0,
        1e10,
        "pounds a year",
    );
    let k = f.key("kind");
    let multiplier = |c: &mut Check, name: &str, v: f64| {
        c.range(&k.key(name), v, 0.0, 10.0, "multiplier");
    };
    match &l.kind {
        LeverKind::RecruitmentBoost {
            enquiry_multiplier,
            conversion_multiplier,
        } => {
            multiplier(c, "enquiry_multiplier", *enquiry_multiplier);
            multiplier(c, "conversion_multiplier", *conversion_multiplier);
        }
        LeverKind::AdolescentCarers {
            new_adolescent_share,
            extra_households_per_year,
            weekly_fee_uplift,
        } => {
            c.prob(&k.key("new_adolescent_share"), *new_adolescent_share);
            c.range(
                &k.key("extra_households_per_year"),
                *extra_households_per_year,
                0.0,
                1000.0,
                "households a year",
            );
            c.range(
                &k.key("weekly_fee_uplift"),
                *weekly_fee_uplift,
                0.0,
                1e5,
                "pounds a week",
            );
        }
        LeverKind::Retention {
            attrition_multiplier,
        } => multiplier(c, "attrition_multiplier", *attrition_multiplier),
        LeverKind::NewHomes { homes } => {
            let hf = k.key("homes");
            if homes.is_empty() || homes.len() > limits::MAX_LEVER_HOMES {
                c.fail(
                    &hf,
                    format!("needs between 1 and {} homes", limits::MAX_LEVER_HOMES),
                );
            }
            for (j, h) in homes.iter().enumerate() {
                c.home(&hf.index(j), h);
            }
        }
        LeverKind::StepDown {
            children_per_year,
            max_age,
        } => {
            c.range(
                &k.key("children_per_year"),
                *children_per_year,
                0.0,
                10_000.0,
                "children a year",
            );
            c.age(&k.key("max_age"), *max_age);
        }
        LeverKind::EdgeOfCare {
            admissions_multiplier,
        } => c.range(
            &k.key("admissions_multiplier"),
            *admissions_multiplier,
            0.0,
            1.0,
            "multiplier (1 = no change)",
        ),
        LeverKind::PermanenceDrive {
            duration_multiplier,
        } => c.range(
            &k.key("duration_multiplier"),
            *duration_multiplier,
            0.1,
            10.0,
            "multiplier",
        ),
        LeverKind::FrameworkPricing {
            ifa_multiplier,
            residential_multiplier,
        } => {
            multiplier(c, "ifa_multiplier", *ifa_multiplier);
            multiplier(c, "residential_multiplier", *residential_multiplier);
        }
        LeverKind::SupportedAccommodation {
            places,
            weekly_cost,
        } => {
            c.range(&k.key("places"), *places as f64, 0.0, 10_000.0, "places");
            c.range(
                &k.key("weekly_cost"),
                *weekly_cost,
                0.0,
                1e6,
                "pounds a week",
            );
        }
    }
}
