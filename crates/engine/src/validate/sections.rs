//! The checks of each part of a scenario (demand, population, exits, fostering, homes,
//! markets, matching, stability, costs), each at its [`FieldPath`].

use super::check::Check;
use crate::limits;
use crate::path::FieldPath;
use crate::scenario::*;
use crate::types::{Needs, PlacementType};

pub(super) fn top_level(c: &mut Check, s: &Scenario) {
    let root = FieldPath::root();
    c.text(&root.key("name"), &s.name, limits::MAX_NAME_CHARS, true);
    c.text(
        &root.key("description"),
        &s.description,
        limits::MAX_DESCRIPTION_CHARS,
        false,
    );
    c.range(
        &root.key("start_year"),
        s.start_year as f64,
        limits::MIN_START_YEAR as f64,
        limits::MAX_START_YEAR as f64,
        "calendar year",
    );
    c.range(
        &root.key("start_month"),
        s.start_month as f64,
        1.0,
        12.0,
        "calendar month",
    );
    let data = root.key("data_as_at");
    c.text(
        &data.key("source"),
        &s.data_as_at.source,
        limits::MAX_DESCRIPTION_CHARS,
        true,
    );
    c.range(
        &data.key("year"),
        s.data_as_at.year as f64,
        limits::MIN_START_YEAR as f64 - 1.0,
        limits::MAX_START_YEAR as f64,
        "calendar year",
    );
    c.range(
        &data.key("month"),
        s.data_as_at.month as f64,
        1.0,
        12.0,
        "calendar month",
    );
}

pub(super) fn demand(c: &mut Check, d: &Demand) {
    let f = FieldPath::root().key("demand");
    c.range(
        &f.key("groups_per_month"),
        d.groups_per_month,
        0.0,
        limits::MAX_GROUPS_PER_MONTH,
        "sibling groups a month",
    );
    c.range(
        &f.key("trend_per_year"),
        d.trend_per_year,
        -0.9,
        2.0,
        "yearly growth",
    );
    for (i, s) in d.seasonality.iter().enumerate() {
        c.range(&f.key("seasonality").index(i), *s, 0.0, 10.0, "multiplier");
    }
    let sizes = f.key("group_size");
    if d.group_size.is_empty() || d.group_size.len() > limits::MAX_GROUP_SIZE {
        c.fail(
            &sizes,
            format!(
                "needs between 1 and {} sizes (1 child, 2 children, ...)",
                limits::MAX_GROUP_SIZE
            ),
        );
    } else {
        c.distribution(&sizes, &d.group_size);
    }
    c.distribution(&f.key("entry_age"), &d.entry_age);
    c.range(
        &f.key("sibling_age_spread_years"),
        d.sibling_age_spread_years,
        0.0,
        limits::MAX_AGE as f64,
        "years",
    );
    for (i, p) in d.complex_needs.iter().enumerate() {
        c.prob(&f.key("complex_needs").index(i), *p);
    }
    c.prob(
        &f.key("placed_with_parents_share"),
        d.placed_with_parents_share,
    );
}

pub(super) fn population(c: &mut Check, p: &StartingPopulation) {
    let f = FieldPath::root().key("population");
    c.range(
        &f.key("children"),
        p.children as f64,
        0.0,
        limits::MAX_CHILDREN as f64,
        "children",
    );
    if let Some(profile) = &p.age_profile {
        c.weights(&f.key("age_profile"), profile);
    }
    c.weights(&f.key("placement_mix"), &p.placement_mix.to_array());
    c.prob(&f.key("three_placements_share"), p.three_placements_share);
    c.prob(&f.key("one_move_share"), p.one_move_share);
    if p.three_placements_share + p.one_move_share > 1.0 {
        c.fail(
            &f.key("one_move_share"),
            "with three_placements_share, must not add up to more than 1",
        );
    }
    if !p.listed.is_empty() {
        let listed = f.key("listed");
        if p.listed.len() > limits::MAX_CHILDREN as usize {
            c.fail(
                &listed,
                format!("at most {} children", limits::MAX_CHILDREN),
            );
        } else if p.children as usize != p.listed.len() {
            c.fail(
                &f.key("children"),
                format!(
                    "must equal the number of listed starting children ({} listed, {} here)",
                    p.listed.len(),
                    p.children
                ),
            );
        }
        for (i, child) in p.listed.iter().enumerate() {
            c.start_child(&listed.index(i), child);
        }
    }
}

pub(super) fn exits(c: &mut Check, e: &Exits) {
    let f = FieldPath::root().key("exits");
    for (i, row) in e.route_by_entry_age.iter().enumerate() {
        c.distribution(&f.key("route_by_entry_age").index(i), row);
    }
    c.duration(&f.key("return_home"), &e.return_home);
    c.duration(&f.key("special_guardianship"), &e.special_guardianship);
    c.duration(&f.key("adoption"), &e.adoption);
    c.range(
        &f.key("adoption_placement_lead_days"),
        e.adoption_placement_lead_days,
        0.0,
        3650.0,
        "days",
    );
    c.prob(&f.key("staying_put_share"), e.staying_put_share);
    c.range(
        &f.key("staying_put_months"),
        e.staying_put_months,
        0.0,
        120.0,
        "months",
    );
}

pub(super) fn fostering(c: &mut Check, fo: &Fostering) {
    let f = FieldPath::root().key("fostering");
    c.range(
        &f.key("households"),
        fo.households as f64,
        0.0,
        limits::MAX_HOUSEHOLDS as f64,
        "households",
    );
    c.distribution(&f.key("places"), &fo.places);
    c.prob(&f.key("adolescent_share"), fo.adolescent_share);
    c.age(&f.key("standard_max_age"), fo.standard_max_age);
    c.range(
        &f.key("mean_tenure_years"),
        fo.mean_tenure_years,
        0.0,
        60.0,
        "years",
    );
    for (name, v) in [
        ("attrition_early", fo.attrition_early),
        ("attrition_later", fo.attrition_later),
    ] {
        c.range(&f.key(name), v, 0.0, 10.0, "a yearly rate");
    }
    c.prob(&f.key("sgo_conversion_share"), fo.sgo_conversion_share);
    c.prob(&f.key("usable_place_share"), fo.usable_place_share);
    let fu = &fo.funnel;
    let f = f.key("funnel");
    c.range(
        &f.key("enquiries_per_month"),
        fu.enquiries_per_month,
        0.0,
        limits::MAX_ENQUIRIES_PER_MONTH,
        "enquiries a month",
    );
    for (name, v) in [
        ("to_visit", fu.to_visit),
        ("to_stage1", fu.to_stage1),
        ("to_stage2", fu.to_stage2),
        ("to_approval", fu.to_approval),
    ] {
        c.prob(&f.key(name), v);
    }
    for (name, v) in [
        ("visit_delay_months", fu.visit_delay_months),
        ("stage1_delay_months", fu.stage1_delay_months),
        ("stage2_delay_months", fu.stage2_delay_months),
        ("approval_delay_months", fu.approval_delay_months),
    ] {
        c.range(&f.key(name), v, 0.0, 60.0, "months");
    }
    c.distribution(&f.key("new_places"), &fu.new_places);
    c.prob(&f.key("new_adolescent_share"), fu.new_adolescent_share);
}

pub(super) fn residential(c: &mut Check, r: &Residential) {
    let f = FieldPath::root().key("residential").key("homes");
    if r.homes.len() > limits::MAX_HOMES {
        c.fail(&f, format!("at most {} homes", limits::MAX_HOMES));
    }
    for (i, h) in r.homes.iter().enumerate() {
        c.home(&f.index(i), h);
    }
}

pub(super) fn markets(c: &mut Check, m: &Markets) {
    let f = FieldPath::root().key("markets");
    c.market(&f.key("ifa"), &m.ifa);
    c.market(&f.key("external_residential"), &m.external_residential);
    c.market(
        &f.key("supported_accommodation"),
        &m.supported_accommodation,
    );
    for (name, v) in [
        (
            "connected_person_availability",
            m.connected_person_availability,
        ),
        ("ifa_complex_availability", m.ifa_complex_availability),
        ("ifa_sibling_availability", m.ifa_sibling_availability),
        ("adolescent_found_factor", m.adolescent_found_factor),
    ] {
        c.prob(&f.key(name), v);
    }
    c.probs(&f.key("out_of_borough"), &m.out_of_borough);
}

pub(super) fn matching(c: &mut Check, mt: &Matching) {
    let before = c.errors.len();
    let f = FieldPath::root().key("matching");
    let rules = f.key("rules");
    if mt.rules.is_empty() || mt.rules.len() > limits::MAX_MATCH_RULES {
        c.fail(
            &rules,
            format!("needs between 1 and {} rules", limits::MAX_MATCH_RULES),
        );
    }
    for (i, r) in mt.rules.iter().enumerate() {
        let rule = rules.index(i);
        c.age_range(&rule, r.min_age, r.max_age);
        let order = rule.key("order");
        if r.order.is_empty() {
            c.fail(&order, "must list at least one placement type");
        }
        for (j, t) in r.order.iter().enumerate() {
            if !t.is_matchable() {
                c.fail(
                    &order.index(j),
                    format!(
                        "{} follows from a child's plan and cannot be matched to",
                        t.label()
                    ),
                );
            }
            if r.order[..j].contains(t) {
                c.fail(&order.index(j), format!("{} is listed twice", t.label()));
            }
        }
        if let Some(suitable) = &r.suitable {
            let sp = rule.key("suitable");
            if suitable.is_empty() {
                c.fail(
                    &sp,
                    "must list at least one placement type (with none, every child this rule \
                     covers would count as placed below assessed need)",
                );
            }
            for (j, t) in suitable.iter().enumerate() {
                if !t.is_matchable() {
                    c.fail(
                        &sp.index(j),
                        format!(
                            "{} follows from a child's plan and is not a placement that is matched",
                            t.label()
                        ),
                    );
                } else if *t == PlacementType::Emergency {
                    c.fail(
                        &sp.index(j),
                        "an emergency placement is never suitable: it counts as no suitable placement",
                    );
                }
                if suitable[..j].contains(t) {
                    c.fail(&sp.index(j), format!("{} is listed twice", t.label()));
                }
            }
        }
    }
    // Every child must be covered, once the rules themselves are sound.
    if !mt.rules.is_empty() && c.errors.len() == before {
        'gap: for age in 0..=limits::MAX_AGE {
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
                        &rules,
                        format!("no rule covers a child aged {age} with {n} needs"),
                    );
                    break 'gap;
                }
            }
        }
    }
    c.range(
        &f.key("emergency_review_days"),
        mt.emergency_review_days,
        1.0,
        3650.0,
        "days",
    );
}

pub(super) fn stability(c: &mut Check, s: &Stability) {
    let f = FieldPath::root().key("stability");
    c.counts(
        &f.key("breakdown_child"),
        &s.breakdown_child,
        limits::MAX_BREAKDOWN_PER_YEAR,
        "a yearly rate",
    );
    c.counts(
        &f.key("breakdown_adolescent"),
        &s.breakdown_adolescent,
        limits::MAX_BREAKDOWN_PER_YEAR,
        "a yearly rate",
    );
    c.prob(&f.key("short_term_first_share"), s.short_term_first_share);
    c.range(
        &f.key("short_term_days"),
        s.short_term_days,
        1.0,
        730.0,
        "days",
    );
    c.range(
        &f.key("repeat_multiplier"),
        s.repeat_multiplier,
        1.0,
        limits::MAX_REPEAT_MULTIPLIER,
        "multiplier per recent placement",
    );
}

pub(super) fn costs(c: &mut Check, co: &Costs) {
    let f = FieldPath::root().key("costs");
    c.counts(&f.key("weekly"), &co.weekly, 1e6, "pounds a week");
    c.range(
        &f.key("inflation_per_year"),
        co.inflation_per_year,
        -0.5,
        1.0,
        "yearly rate",
    );
    c.range(
        &f.key("cost_per_approval"),
        co.cost_per_approval,
        0.0,
        1e7,
        "pounds",
    );
    c.range(
        &f.key("budget_per_year"),
        co.budget_per_year,
        0.0,
        1e11,
        "pounds",
    );
    c.range(
        &f.key("budget_growth_per_year"),
        co.budget_growth_per_year,
        -0.5,
        1.0,
        "yearly rate",
    );
    if co.budget_by_year.len() > limits::MAX_BUDGET_YEARS {
        c.fail(
            &f.key("budget_by_year"),
            format!(
                "has {} years; at most {} (the longest horizon's financial years) can be set",
                co.budget_by_year.len(),
                limits::MAX_BUDGET_YEARS
            ),
        );
    }
    for (i, b) in co.budget_by_year.iter().enumerate() {
        c.range(&f.key("budget_by_year").index(i), *b, 0.0, 1e11, "pounds");
    }
}
