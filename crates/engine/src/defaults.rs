//! The built-in borough (modelled on Rotherham's published figures, started at the latest
//! snapshot the references allow: month end June 2020) and the ready-made strategies the
//! referenced documents name. Every number here has a description and a source in `catalog/`.

use crate::scenario::*;
use crate::types::{NeedsFilter, PlacementType as P};

fn counts(v: [f64; 9]) -> PlacementCounts {
    PlacementCounts::from_array(v)
}

fn home(name: &str, beds: u32, usable: u32, ages: (u8, u8), open_month: u32, weekly: f64) -> Home {
    Home {
        name: name.to_string(),
        beds,
        usable_beds: usable,
        min_age: ages.0,
        max_age: ages.1,
        open_month,
        weekly_cost: weekly,
    }
}

/// The default borough, July 2020 onwards.
pub fn default_scenario() -> Scenario {
    use P::*;
    Scenario {
        name: "Baseline".to_string(),
        description: "Rotherham-like borough from July 2020, no new levers pulled".to_string(),
        start_year: 2020,
        start_month: 7,
        data_as_at: DataAsAt::default(),
        demand: Demand {
            groups_per_month: 10.2,
            trend_per_year: 0.0,
            seasonality: [
                1.0, 0.85, 1.15, 0.9, 1.1, 1.0, 1.0, 0.95, 1.05, 1.0, 1.0, 1.0,
            ],
            group_size: vec![0.62, 0.2, 0.12, 0.04, 0.01, 0.01],
            entry_age: [0.17, 0.22, 0.2, 0.31, 0.1],
            sibling_age_spread_years: 6.0,
            complex_needs: [0.03, 0.05, 0.1, 0.35, 0.4],
            placed_with_parents_share: 0.085,
        },
        population: StartingPopulation {
            children: 601,
            age_profile: None,
            placement_mix: counts([178.0, 11.0, 253.0, 12.0, 57.0, 30.0, 29.0, 26.0, 5.0]),
            listed: Vec::new(),
            three_placements_share: 0.138,
            one_move_share: 0.3,
        },
        exits: Exits {
            route_by_entry_age: [
                [0.3, 0.2, 0.45, 0.05],
                [0.42, 0.23, 0.25, 0.1],
                [0.5, 0.17, 0.03, 0.3],
                [0.45, 0.05, 0.0, 0.5],
                [0.35, 0.0, 0.0, 0.65],
            ],
            return_home: DurationDist::Gamma {
                mean_months: 14.0,
                shape: 1.2,
            },
            special_guardianship: DurationDist::Gamma {
                mean_months: 24.0,
                shape: 3.0,
            },
            adoption: DurationDist::Gamma {
                mean_months: 21.0,
                shape: 4.0,
            },
            adoption_placement_lead_days: 300.0,
            staying_put_share: 0.25,
            staying_put_months: 24.0,
        },
        fostering: Fostering {
            households: 150,
            places: [0.65, 0.3, 0.05],
            adolescent_share: 0.25,
            standard_max_age: 10,
            mean_tenure_years: 7.0,
            attrition_early: 0.18,
            attrition_later: 0.13,
            sgo_conversion_share: 0.15,
            usable_place_share: 0.85,
            funnel: Funnel {
                enquiries_per_month: 19.7,
                to_visit: 0.347,
                to_stage1: 0.573,
                to_stage2: 0.6,
                to_approval: 0.6,
                visit_delay_months: 0.5,
                stage1_delay_months: 1.0,
                stage2_delay_months: 4.5,
                approval_delay_months: 1.5,
                new_places: [0.7, 0.25, 0.05],
                new_adolescent_share: 0.4,
            },
        },
        residential: Residential {
            homes: vec![
                home("Long-term home A", 6, 4, (12, 17), 0, 11_400.0),
                home("Long-term home B", 6, 4, (12, 17), 0, 11_400.0),
                home("Home for disabled children", 5, 3, (8, 17), 0, 9_500.0),
                home("Emergency home", 7, 4, (12, 17), 0, 13_300.0),
            ],
        },
        markets: Markets {
            ifa: Market {
                limit: None,
                min_age: 0,
                max_age: 17,
                found_in_time: 0.94,
            },
            external_residential: Market {
                limit: None,
                min_age: 8,
                max_age: 17,
                found_in_time: 0.75,
            },
            supported_accommodation: Market {
                limit: Some(40),
                min_age: 16,
                max_age: 17,
                found_in_time: 1.0,
            },
            connected_person_availability: 0.03,
            ifa_complex_availability: 0.3,
            ifa_sibling_availability: 0.85,
            adolescent_found_factor: 0.75,
            out_of_borough: counts([0.17, 0.2, 0.87, 0.0, 0.8, 0.3, 0.0, 0.5, 0.5]),
        },
        matching: Matching {
            rules: vec![
                MatchRule {
                    min_age: 0,
                    max_age: 15,
                    needs: NeedsFilter::Standard,
                    // The council's own children's homes are kept for young people whose needs
                    // call for residential care: a child who needs a family and for whom no
                    // foster home is found goes to an independent home or waits in an
                    // emergency placement for one (catalogue: matching.rules.order).
                    order: vec![
                        InHouseFoster,
                        ConnectedPerson,
                        Ifa,
                        ExternalResidential,
                        Emergency,
                    ],
                    suitable: Some(vec![InHouseFoster, ConnectedPerson, Ifa]),
                },
                MatchRule {
                    min_age: 0,
                    max_age: 15,
                    needs: NeedsFilter::Complex,
                    order: vec![
                        InHouseFoster,
                        Ifa,
                        InHouseResidential,
                        ExternalResidential,
                        Emergency,
                    ],
                    suitable: Some(vec![
                        InHouseFoster,
                        Ifa,
                        InHouseResidential,
                        ExternalResidential,
                    ]),
                },
                MatchRule {
                    min_age: 16,
                    max_age: 17,
                    needs: NeedsFilter::Standard,
                    order: vec![
                        InHouseFoster,
                        ConnectedPerson,
                        SupportedAccommodation,
                        Ifa,
                        InHouseResidential,
                        ExternalResidential,
                        Emergency,
                    ],
                    suitable: Some(vec![
                        InHouseFoster,
                        ConnectedPerson,
                        SupportedAccommodation,
                        Ifa,
                        InHouseResidential,
                        ExternalResidential,
                    ]),
                },
                // Supported accommodation gives support, not care: below the assessed need
                // of a young person whose needs call for care, so the council's own
                // children's home is tried before it (catalogue: matching.rules).
                MatchRule {
                    min_age: 16,
                    max_age: 17,
                    needs: NeedsFilter::Complex,
                    order: vec![
                        InHouseFoster,
                        ConnectedPerson,
                        InHouseResidential,
                        SupportedAccommodation,
                        Ifa,
                        ExternalResidential,
                        Emergency,
                    ],
                    suitable: Some(vec![
                        InHouseFoster,
                        ConnectedPerson,
                        InHouseResidential,
                        Ifa,
                        ExternalResidential,
                    ]),
                },
            ],
            keep_siblings_together: true,
            emergency_review_days: 28.0,
        },
        stability: Stability {
            breakdown_child: counts([0.12, 0.1, 0.14, 0.2, 0.25, 0.3, 0.1, 0.02, 0.0]),
            breakdown_adolescent: counts([0.3, 0.2, 0.35, 0.45, 0.5, 0.4, 0.2, 0.02, 0.0]),
            repeat_multiplier: 2.65,
            escalate_after_repeat_moves: true,
            short_term_first_share: 0.4,
            short_term_days: 45.0,
        },
        costs: Costs {
            weekly: counts([
                405.0, 230.0, 827.0, 0.0, 3_950.0, 1_100.0, 0.0, 0.0, 6_000.0,
            ]),
            inflation_per_year: 0.02,
            cost_per_approval: 8_000.0,
            budget_per_year: 30_500_000.0,
            budget_growth_per_year: 0.02,
            budget_by_year: vec![],
        },
        levers: vec![],
    }
}

fn lever(start_month: u32, ramp_months: u32, annual_cost: f64, kind: LeverKind) -> Lever {
    Lever {
        start_month,
        ramp_months,
        annual_cost,
        kind,
    }
}

/// The 16 + 2 bed in-house residential programme of 2020-22, phased as the references describe.
pub fn in_house_homes_programme() -> Vec<Home> {
    vec![
        home("Pegasus House", 4, 2, (10, 17), 3, 9_600.0),
        home("Two-bed home 1", 2, 1, (10, 17), 9, 5_200.0),
        home("Two-bed home 2", 2, 1, (10, 17), 9, 5_200.0),
        home("Two-bed home 3", 2, 1, (10, 17), 15, 5_200.0),
        home("Three-bed home", 3, 2, (10, 17), 18, 7_200.0),
        home("Three-bed home 2", 3, 2, (10, 17), 24, 7_200.0),
        home("Emergency beds", 2, 1, (12, 17), 12, 5_200.0),
    ]
}

/// Ready-made strategies the referenced documents name.
pub fn strategies() -> Vec<Strategy> {
    let s = |id: &str, name: &str, description: &str, source: &str, levers: Vec<Lever>| Strategy {
        id: id.to_string(),
        name: name.to_string(),
        description: description.to_string(),
        source: source.to_string(),
        levers,
    };
    let recruit = lever(
        0,
        6,
        250_000.0,
        LeverKind::RecruitmentBoost {
            enquiry_multiplier: 1.5,
            conversion_multiplier: 1.2,
        },
    );
    let plus = lever(
        0,
        12,
        100_000.0,
        LeverKind::AdolescentCarers {
            new_adolescent_share: 0.5,
            extra_households_per_year: 4.0,
            weekly_fee_uplift: 200.0,
        },
    );
    let retain = lever(
        0,
        6,
        150_000.0,
        LeverKind::Retention {
            attrition_multiplier: 0.7,
        },
    );
    let homes = lever(
        0,
        0,
        0.0,
        LeverKind::NewHomes {
            homes: in_house_homes_programme(),
        },
    );
    let step = lever(
        3,
        6,
        60_000.0,
        LeverKind::StepDown {
            children_per_year: 8.0,
            max_age: 15,
        },
    );
    let edge = lever(
        0,
        12,
        500_000.0,
        LeverKind::EdgeOfCare {
            admissions_multiplier: 0.8,
        },
    );
    let perm = lever(
        0,
        12,
        200_000.0,
        LeverKind::PermanenceDrive {
            duration_multiplier: 0.8,
        },
    );
    let frame = lever(
        0,
        12,
        0.0,
        LeverKind::FrameworkPricing {
            ifa_multiplier: 0.95,
            residential_multiplier: 0.95,
        },
    );
    let supported = lever(
        0,
        6,
        0.0,
        LeverKind::SupportedAccommodation {
            places: 10,
            weekly_cost: 900.0,
        },
    );
    vec![
        s("recruit", "Recruit more carers", "Digital marketing and a recruitment website: 50% more enquiries and 20% better conversion.", "Sufficiency Monitor Jul 2020 [R-SUFF-2020-07]; Cabinet report Oct 2022 [R-CAB-2022-10]; Sufficiency Strategy 2014 [R-PSS-2014-01]", vec![recruit.clone()]),
        s("fostering_plus", "Fostering Plus (adolescent carers)", "Half of new carers take adolescents and complex needs, 4 extra such households a year, paid £200 a week more.", "Placement Sufficiency Strategy 2014/15 [R-PSS-2014-01]; Performance Report May 2018 [R-CPP-2018-07]", vec![plus.clone()]),
        s("retain", "Retain carers", "Support package, Mockingbird hubs, faster LADO process: 30% lower attrition.", "Scrutiny minutes Sep 2018 [R-ILSC-2018-09]; Cabinet report Oct 2022 [R-CAB-2022-10]", vec![retain.clone()]),
        s("homes", "In-house homes (16 + 2 beds)", "The 2020-22 in-house residential programme: 16 beds and 2 emergency beds across 7 settings, opened in phases; about half the beds usable (modelling assumption: matching children who can safely live together leaves beds empty). The council's own beds are kept for young people whose needs call for residential care and tried before an independent home, so they take young people who would otherwise go to a distant independent home, wait in an emergency placement when no home is found in time, or, at 16-17 with complex needs, live in supported accommodation that gives support but not the care they need.", "Sufficiency Monitor Jul 2020 [R-SUFF-2020-07]; Cabinet report Oct 2022 [R-CAB-2022-10]", vec![homes.clone()]),
        s("step_down", "Step down from residential", "Move 8 children a year from residential into foster care.", "Sufficiency Monitor Jul 2020 [R-SUFF-2020-07]; Cabinet report Oct 2022 [R-CAB-2022-10]", vec![step.clone()]),
        s("edge_of_care", "Reduce admissions safely", "Edge-of-care panel and 72-hour intensive family assessments: 20% fewer admissions of young people aged 10+.", "Scrutiny minutes Sep 2018 [R-ILSC-2018-09]", vec![edge]),
        s("permanence", "Accelerate discharges", "Right Child Right Care permanence reviews: special guardianship and reunification 20% sooner.", "Scrutiny minutes Sep 2018 [R-ILSC-2018-09]; Performance Report May 2018 [R-CPP-2018-07]", vec![perm]),
        s("framework", "Regional purchasing framework", "White Rose framework: IFA and residential prices 5% lower.", "Sufficiency Monitor Jul 2020 [R-SUFF-2020-07]; Cabinet report Oct 2022 [R-CAB-2022-10]", vec![frame.clone()]),
        s("supported_16_17", "Supported accommodation for 16-17", "10 supported accommodation places for 16-17 year olds, tried right after in-house foster care for those it suits (not ahead of care for young people with complex needs).", "Sufficiency Monitor Jul 2020 [R-SUFF-2020-07]; Sufficiency Strategy 2014 [R-PSS-2014-01]", vec![supported]),
        s("strategy_2019_22", "2019-22 sufficiency strategy", "Recruitment, in-house homes, step-down and framework pricing together, as the 2019-22 strategy set out.", "Cabinet report Oct 2022 [R-CAB-2022-10]", vec![recruit, homes, step, frame]),
    ]
}

/// A strategy by its id.
pub fn strategy(id: &str) -> Option<Strategy> {
    strategies().into_iter().find(|s| s.id == id)
}
