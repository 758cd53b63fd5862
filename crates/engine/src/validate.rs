//! Validation of a `Scenario` and `RunSettings`: every check names the field (as a dotted
//! path, e.g. `demand.group_size[2]`) and the reason. Nothing else in the engine re-checks
//! input; the simulation may assume a validated scenario.

use crate::scenario::*;
use crate::types::{Needs, PlacementType};

pub use crate::error::FieldError;
pub use crate::json::parse_json;

struct Check {
    errors: Vec<FieldError>,
}

impl Check {
    fn fail(&mut self, field: &str, reason: impl Into<String>) {
        self.errors.push(FieldError::new(field, reason));
    }
    fn finite(&mut self, field: &str, v: f64) -> bool {
        if !v.is_finite() {
            self.fail(field, "must be a number");
            false
        } else {
            true
        }
    }
    fn range(&mut self, field: &str, v: f64, lo: f64, hi: f64, what: &str) {
        if self.finite(field, v) {
            if v < lo {
                if lo == 0.0 {
                    self.fail(field, format!("must not be negative ({what})"));
                } else {
                    self.fail(field, format!("must be at least {lo} ({what})"));
                }
            } else if v > hi {
                self.fail(field, format!("must be at most {hi} ({what})"));
            }
        }
    }
    fn prob(&mut self, field: &str, v: f64) {
        if self.finite(field, v) && !(0.0..=1.0).contains(&v) {
            self.fail(
                field,
                format!("is a probability, so must be between 0 and 1 (got {v})"),
            );
        }
    }
    fn distribution(&mut self, field: &str, ps: &[f64]) {
        let mut ok = true;
        for (i, p) in ps.iter().enumerate() {
            let f = format!("{field}[{i}]");
            let before = self.errors.len();
            self.prob(&f, *p);
            ok &= self.errors.len() == before;
        }
        if ok {
            let sum: f64 = ps.iter().sum();
            if (sum - 1.0).abs() > 1e-3 {
                self.fail(
                    field,
                    format!("shares must add up to 1 (they add up to {sum:.4})"),
                );
            }
        }
    }
    fn weights(&mut self, field: &str, ws: &[f64]) {
        let mut ok = true;
        for (i, w) in ws.iter().enumerate() {
            let f = format!("{field}[{i}]");
            let before = self.errors.len();
            self.range(&f, *w, 0.0, 1e9, "a count or share");
            ok &= self.errors.len() == before;
        }
        if ok && ws.iter().sum::<f64>() <= 0.0 {
            self.fail(field, "at least one value must be above 0");
        }
    }
    fn age(&mut self, field: &str, v: u8) {
        if v > 17 {
            self.fail(
                field,
                format!("is an age in care, so must be 0-17 (got {v})"),
            );
        }
    }
    fn age_range(&mut self, field: &str, lo: u8, hi: u8) {
        self.age(&format!("{field}.min_age"), lo);
        self.age(&format!("{field}.max_age"), hi);
        if lo > hi {
            self.fail(
                &format!("{field}.min_age"),
                format!("is above max_age ({lo} > {hi}): the age range is inconsistent"),
            );
        }
    }
    fn duration(&mut self, field: &str, d: &DurationDist) {
        match d {
            DurationDist::Exponential { mean_months } => self.range(
                &format!("{field}.mean_months"),
                *mean_months,
                0.01,
                240.0,
                "months",
            ),
            DurationDist::Gamma { mean_months, shape } => {
                self.range(
                    &format!("{field}.mean_months"),
                    *mean_months,
                    0.01,
                    240.0,
                    "months",
                );
                self.range(
                    &format!("{field}.shape"),
                    *shape,
                    0.05,
                    100.0,
                    "gamma shape",
                );
            }
            DurationDist::Lognormal {
                median_months,
                sigma,
            } => {
                self.range(
                    &format!("{field}.median_months"),
                    *median_months,
                    0.01,
                    240.0,
                    "months",
                );
                self.range(
                    &format!("{field}.sigma"),
                    *sigma,
                    0.01,
                    3.0,
                    "log-scale spread",
                );
            }
            DurationDist::Empirical { points } => {
                let f = format!("{field}.points");
                if points.len() < 2 || points.len() > 200 {
                    self.fail(
                        &f,
                        "needs between 2 and 200 (months, cumulative probability) points",
                    );
                    return;
                }
                for (i, (m, p)) in points.iter().enumerate() {
                    self.range(&format!("{f}[{i}][0]"), *m, 0.0, 240.0, "months");
                    self.prob(&format!("{f}[{i}][1]"), *p);
                }
                if points
                    .windows(2)
                    .any(|w| w[1].0 <= w[0].0 || w[1].1 < w[0].1)
                {
                    self.fail(
                        &f,
                        "months must increase and cumulative probabilities must not fall",
                    );
                }
                if (points[points.len() - 1].1 - 1.0).abs() > 1e-9 {
                    self.fail(&f, "the last cumulative probability must be 1");
                }
            }
        }
    }
    fn home(&mut self, field: &str, h: &Home) {
        if h.name.trim().is_empty() {
            self.fail(&format!("{field}.name"), "must not be empty");
        }
        self.range(&format!("{field}.beds"), h.beds as f64, 1.0, 100.0, "beds");
        if h.usable_beds > h.beds {
            self.fail(
                &format!("{field}.usable_beds"),
                format!("cannot exceed beds ({} > {})", h.usable_beds, h.beds),
            );
        }
        self.age_range(field, h.min_age, h.max_age);
        self.range(
            &format!("{field}.open_month"),
            h.open_month as f64,
            0.0,
            600.0,
            "months from the start",
        );
        self.range(
            &format!("{field}.weekly_cost"),
            h.weekly_cost,
            0.0,
            1e6,
            "pounds a week",
        );
    }
    fn market(&mut self, field: &str, m: &Market) {
        if let Some(l) = m.limit {
            self.range(
                &format!("{field}.limit"),
                l as f64,
                0.0,
                100_000.0,
                "children",
            );
        }
        self.age_range(field, m.min_age, m.max_age);
    }
    fn counts(&mut self, field: &str, c: &PlacementCounts, hi: f64, what: &str) {
        for t in PlacementType::ALL {
            self.range(&format!("{field}.{}", t.key()), c.get(t), 0.0, hi, what);
        }
    }
    fn probs(&mut self, field: &str, c: &PlacementCounts) {
        for t in PlacementType::ALL {
            self.prob(&format!("{field}.{}", t.key()), c.get(t));
        }
    }
}

impl RunSettings {
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Check { errors: vec![] };
        if self.replications == 0 {
            c.fail(
                "replications",
                "must be at least 1 (zero runs give no answer)",
            );
        } else if self.replications > 1_000_000 {
            c.fail("replications", "must be at most 1,000,000");
        }
        if self.horizon_months == 0 || self.horizon_months > 120 {
            c.fail(
                "horizon_months",
                format!(
                    "must be between 1 and 120 months (10 years), got {}",
                    self.horizon_months
                ),
            );
        }
        if c.errors.is_empty() {
            Ok(())
        } else {
            Err(c.errors)
        }
    }
}

impl Scenario {
    /// Every problem with this scenario, each naming its field.
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Check { errors: vec![] };
        if self.name.trim().is_empty() {
            c.fail("name", "must not be empty");
        } else if self.name.chars().count() > 120 {
            c.fail("name", "must be at most 120 characters");
        }
        c.range(
            "start_year",
            self.start_year as f64,
            1990.0,
            2100.0,
            "calendar year",
        );
        c.range(
            "start_month",
            self.start_month as f64,
            1.0,
            12.0,
            "calendar month",
        );

        let d = &self.demand;
        c.range(
            "demand.groups_per_month",
            d.groups_per_month,
            0.0,
            1000.0,
            "sibling groups a month",
        );
        c.range(
            "demand.trend_per_year",
            d.trend_per_year,
            -0.9,
            2.0,
            "yearly growth",
        );
        for (i, s) in d.seasonality.iter().enumerate() {
            c.range(
                &format!("demand.seasonality[{i}]"),
                *s,
                0.0,
                10.0,
                "multiplier",
            );
        }
        if d.group_size.is_empty() || d.group_size.len() > 12 {
            c.fail(
                "demand.group_size",
                "needs between 1 and 12 sizes (1 child, 2 children, ...)",
            );
        } else {
            c.distribution("demand.group_size", &d.group_size);
        }
        c.distribution("demand.entry_age", &d.entry_age);
        c.range(
            "demand.sibling_age_spread_years",
            d.sibling_age_spread_years,
            0.0,
            17.0,
            "years",
        );
        for (i, p) in d.complex_needs.iter().enumerate() {
            c.prob(&format!("demand.complex_needs[{i}]"), *p);
        }
        c.prob(
            "demand.placed_with_parents_share",
            d.placed_with_parents_share,
        );

        let p = &self.population;
        c.range(
            "population.children",
            p.children as f64,
            0.0,
            100_000.0,
            "children",
        );
        if let Some(profile) = &p.age_profile {
            c.weights("population.age_profile", profile);
        }
        c.weights("population.placement_mix", &p.placement_mix.to_array());

        let e = &self.exits;
        for (i, row) in e.route_by_entry_age.iter().enumerate() {
            c.distribution(&format!("exits.route_by_entry_age[{i}]"), row);
        }
        c.duration("exits.return_home", &e.return_home);
        c.duration("exits.special_guardianship", &e.special_guardianship);
        c.duration("exits.adoption", &e.adoption);
        c.range(
            "exits.adoption_placement_lead_days",
            e.adoption_placement_lead_days,
            0.0,
            3650.0,
            "days",
        );
        c.prob("exits.staying_put_share", e.staying_put_share);
        c.range(
            "exits.staying_put_months",
            e.staying_put_months,
            0.0,
            120.0,
            "months",
        );

        let f = &self.fostering;
        c.range(
            "fostering.households",
            f.households as f64,
            0.0,
            100_000.0,
            "households",
        );
        c.distribution("fostering.places", &f.places);
        c.prob("fostering.adolescent_share", f.adolescent_share);
        c.age("fostering.standard_max_age", f.standard_max_age);
        c.range(
            "fostering.mean_tenure_years",
            f.mean_tenure_years,
            0.0,
            60.0,
            "years",
        );
        c.range(
            "fostering.attrition_early",
            f.attrition_early,
            0.0,
            10.0,
            "yearly hazard",
        );
        c.range(
            "fostering.attrition_later",
            f.attrition_later,
            0.0,
            10.0,
            "yearly hazard",
        );
        c.prob("fostering.sgo_conversion_share", f.sgo_conversion_share);
        let fu = &f.funnel;
        c.range(
            "fostering.funnel.enquiries_per_month",
            fu.enquiries_per_month,
            0.0,
            10_000.0,
            "enquiries a month",
        );
        c.prob("fostering.funnel.to_visit", fu.to_visit);
        c.prob("fostering.funnel.to_stage1", fu.to_stage1);
        c.prob("fostering.funnel.to_stage2", fu.to_stage2);
        c.prob("fostering.funnel.to_approval", fu.to_approval);
        for (name, v) in [
            ("visit_delay_months", fu.visit_delay_months),
            ("stage1_delay_months", fu.stage1_delay_months),
            ("stage2_delay_months", fu.stage2_delay_months),
            ("approval_delay_months", fu.approval_delay_months),
        ] {
            c.range(&format!("fostering.funnel.{name}"), v, 0.0, 60.0, "months");
        }
        c.distribution("fostering.funnel.new_places", &fu.new_places);
        c.prob(
            "fostering.funnel.new_adolescent_share",
            fu.new_adolescent_share,
        );

        if self.residential.homes.len() > 200 {
            c.fail("residential.homes", "at most 200 homes");
        }
        for (i, h) in self.residential.homes.iter().enumerate() {
            c.home(&format!("residential.homes[{i}]"), h);
        }

        let m = &self.markets;
        c.market("markets.ifa", &m.ifa);
        c.market("markets.external_residential", &m.external_residential);
        c.market(
            "markets.supported_accommodation",
            &m.supported_accommodation,
        );
        c.prob(
            "markets.connected_person_availability",
            m.connected_person_availability,
        );
        c.prob(
            "markets.ifa_complex_availability",
            m.ifa_complex_availability,
        );
        c.prob(
            "markets.ifa_sibling_availability",
            m.ifa_sibling_availability,
        );
        c.probs("markets.out_of_borough", &m.out_of_borough);

        let mt = &self.matching;
        if mt.rules.is_empty() || mt.rules.len() > 50 {
            c.fail("matching.rules", "needs between 1 and 50 rules");
        }
        for (i, r) in mt.rules.iter().enumerate() {
            let f = format!("matching.rules[{i}]");
            c.age_range(&f, r.min_age, r.max_age);
            if r.order.is_empty() {
                c.fail(
                    &format!("{f}.order"),
                    "must list at least one placement type",
                );
            }
            for (j, t) in r.order.iter().enumerate() {
                if !t.is_matchable() {
                    c.fail(
                        &format!("{f}.order[{j}]"),
                        format!(
                            "{} follows from a child's plan and cannot be matched to",
                            t.label()
                        ),
                    );
                }
                if r.order[..j].contains(t) {
                    c.fail(
                        &format!("{f}.order[{j}]"),
                        format!("{} is listed twice", t.label()),
                    );
                }
            }
        }
        if !mt.rules.is_empty() && c.errors.iter().all(|e| !e.field.starts_with("matching")) {
            'gap: for age in 0..=17u8 {
                for needs in [Needs::Standard, Needs::Complex] {
                    if !mt
                        .rules
                        .iter()
                        .any(|r| r.min_age <= age && age <= r.max_age && r.needs.admits(needs))
                    {
                        let n = if needs == Needs::Complex {
                            "complex"
                        } else {
                            "standard"
                        };
                        c.fail(
                            "matching.rules",
                            format!("no rule covers a child aged {age} with {n} needs"),
                        );
                        break 'gap;
                    }
                }
            }
        }
        c.range(
            "matching.emergency_review_days",
            mt.emergency_review_days,
            1.0,
            3650.0,
            "days",
        );

        c.counts(
            "stability.breakdown_child",
            &self.stability.breakdown_child,
            50.0,
            "yearly hazard",
        );
        c.counts(
            "stability.breakdown_adolescent",
            &self.stability.breakdown_adolescent,
            50.0,
            "yearly hazard",
        );
        c.prob(
            "stability.short_term_first_share",
            self.stability.short_term_first_share,
        );
        c.range(
            "stability.short_term_days",
            self.stability.short_term_days,
            1.0,
            730.0,
            "days",
        );
        c.range(
            "stability.repeat_multiplier",
            self.stability.repeat_multiplier,
            1.0,
            10.0,
            "multiplier per recent placement",
        );

        let co = &self.costs;
        c.counts("costs.weekly", &co.weekly, 1e6, "pounds a week");
        c.range(
            "costs.inflation_per_year",
            co.inflation_per_year,
            -0.5,
            1.0,
            "yearly rate",
        );
        c.range(
            "costs.cost_per_approval",
            co.cost_per_approval,
            0.0,
            1e7,
            "pounds",
        );
        c.range(
            "costs.budget_per_year",
            co.budget_per_year,
            0.0,
            1e11,
            "pounds",
        );
        c.range(
            "costs.budget_growth_per_year",
            co.budget_growth_per_year,
            -0.5,
            1.0,
            "yearly rate",
        );

        if self.levers.len() > 50 {
            c.fail("levers", "at most 50 levers");
        }
        for (i, l) in self.levers.iter().enumerate() {
            let f = format!("levers[{i}]");
            c.range(
                &format!("{f}.start_month"),
                l.start_month as f64,
                0.0,
                1200.0,
                "months from the start",
            );
            c.range(
                &format!("{f}.ramp_months"),
                l.ramp_months as f64,
                0.0,
                600.0,
                "months",
            );
            c.range(
                &format!("{f}.annual_cost"),
                l.annual_cost,
                0.0,
                1e10,
                "pounds a year",
            );
            let k = format!("{f}.kind");
            match &l.kind {
                LeverKind::RecruitmentBoost {
                    enquiry_multiplier,
                    conversion_multiplier,
                } => {
                    c.range(
                        &format!("{k}.enquiry_multiplier"),
                        *enquiry_multiplier,
                        0.0,
                        10.0,
                        "multiplier",
                    );
                    c.range(
                        &format!("{k}.conversion_multiplier"),
                        *conversion_multiplier,
                        0.0,
                        10.0,
                        "multiplier",
                    );
                }
                LeverKind::AdolescentCarers {
                    new_adolescent_share,
                    extra_households_per_year,
                    weekly_fee_uplift,
                } => {
                    c.prob(&format!("{k}.new_adolescent_share"), *new_adolescent_share);
                    c.range(
                        &format!("{k}.extra_households_per_year"),
                        *extra_households_per_year,
                        0.0,
                        1000.0,
                        "households a year",
                    );
                    c.range(
                        &format!("{k}.weekly_fee_uplift"),
                        *weekly_fee_uplift,
                        0.0,
                        1e5,
                        "pounds a week",
                    );
                }
                LeverKind::Retention {
                    attrition_multiplier,
                } => c.range(
                    &format!("{k}.attrition_multiplier"),
                    *attrition_multiplier,
                    0.0,
                    10.0,
                    "multiplier",
                ),
                LeverKind::NewHomes { homes } => {
                    if homes.is_empty() || homes.len() > 50 {
                        c.fail(&format!("{k}.homes"), "needs between 1 and 50 homes");
                    }
                    for (j, h) in homes.iter().enumerate() {
                        c.home(&format!("{k}.homes[{j}]"), h);
                    }
                }
                LeverKind::StepDown {
                    children_per_year,
                    max_age,
                } => {
                    c.range(
                        &format!("{k}.children_per_year"),
                        *children_per_year,
                        0.0,
                        10_000.0,
                        "children a year",
                    );
                    c.age(&format!("{k}.max_age"), *max_age);
                }
                LeverKind::EdgeOfCare {
                    admissions_multiplier,
                } => c.range(
                    &format!("{k}.admissions_multiplier"),
                    *admissions_multiplier,
                    0.0,
                    1.0,
                    "multiplier (1 = no change)",
                ),
                LeverKind::PermanenceDrive {
                    duration_multiplier,
                } => c.range(
                    &format!("{k}.duration_multiplier"),
                    *duration_multiplier,
                    0.1,
                    10.0,
                    "multiplier",
                ),
                LeverKind::FrameworkPricing {
                    ifa_multiplier,
                    residential_multiplier,
                } => {
                    c.range(
                        &format!("{k}.ifa_multiplier"),
                        *ifa_multiplier,
                        0.0,
                        10.0,
                        "multiplier",
                    );
                    c.range(
                        &format!("{k}.residential_multiplier"),
                        *residential_multiplier,
                        0.0,
                        10.0,
                        "multiplier",
                    );
                }
                LeverKind::SupportedAccommodation {
                    places,
                    weekly_cost,
                } => {
                    c.range(
                        &format!("{k}.places"),
                        *places as f64,
                        0.0,
                        10_000.0,
                        "places",
                    );
                    c.range(
                        &format!("{k}.weekly_cost"),
                        *weekly_cost,
                        0.0,
                        1e6,
                        "pounds a week",
                    );
                }
            }
        }
        if c.errors.is_empty() {
            Ok(())
        } else {
            Err(c.errors)
        }
    }
}
