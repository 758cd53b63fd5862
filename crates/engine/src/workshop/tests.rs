use super::cards::{
    card_cost, consequence, default_cards, fully_running, lever_at, purse_cost, running_cost,
};
use super::file::{read, write};
use super::summary::{leaderboard, spread};
use super::*;
use crate::defaults::default_scenario;
use crate::scenario::LeverKind;

fn workshop() -> Workshop {
    Workshop::new(default_scenario(), 8)
}

#[test]
fn one_card_per_lever_kind_at_the_ready_made_setting() {
    let cards = default_cards();
    let keys: Vec<&str> = cards.iter().map(|c| c.kind.key()).collect();
    for k in [
        "recruitment_boost",
        "retention",
        "new_homes",
        "step_down",
        "edge_of_care",
        "permanence_drive",
    ] {
        assert!(keys.contains(&k), "{k} missing from {keys:?}");
    }
    let mut unique = keys.clone();
    unique.dedup();
    assert_eq!(unique.len(), keys.len());
    for c in &cards {
        assert_eq!(lever_at(c, Level::Medium).as_ref(), Some(c));
        assert_eq!(lever_at(c, Level::Off), None);
    }
}

#[test]
fn settings_scale_effect_and_cost() {
    let ws = workshop();
    let edge = ws.card("edge_of_care").unwrap();
    let small = lever_at(edge, Level::Small).unwrap();
    let large = lever_at(edge, Level::Large).unwrap();
    match (&small.kind, &large.kind) {
        (
            LeverKind::EdgeOfCare {
                admissions_multiplier: s,
            },
            LeverKind::EdgeOfCare {
                admissions_multiplier: l,
            },
        ) => {
            assert!((s - 0.9).abs() < 1e-12, "{s}");
            assert!((l - 0.7).abs() < 1e-12, "{l}");
        }
        _ => panic!("not edge of care"),
    }
    assert_eq!(small.annual_cost, edge.annual_cost / 2.0);
    assert_eq!(card_cost(edge, Level::Large), edge.annual_cost * 1.5);
    assert_eq!(
        consequence(edge, Level::Small),
        "10% fewer admissions of young people aged 10+."
    );
    assert_eq!(consequence(edge, Level::Off), "No change.");
}

#[test]
fn homes_cost_their_weekly_running_cost_and_a_large_programme_builds_more() {
    let ws = workshop();
    let homes = ws.card("new_homes").unwrap();
    let LeverKind::NewHomes { homes: h } = &homes.kind else {
        panic!()
    };
    let weekly: f64 = h.iter().map(|h| h.weekly_cost).sum();
    // 52.18 weeks a year, as the simulation charges a week (`DAYS_PER_MONTH / 7` a month)
    // and the report counts them, not 52.
    let weeks = 365.25 / 7.0;
    assert!((purse_cost(homes) - (homes.annual_cost + weekly * weeks)).abs() < 1e-6);
    assert!(purse_cost(homes) > homes.annual_cost + weekly * 52.1);
    // The purse's cost a year is the report's cost of a year once every home is open.
    let full = fully_running(homes);
    let year = running_cost(homes, full..full + 12);
    assert!(
        (purse_cost(homes) - year).abs() < 1e-6 * year,
        "{} against {year}",
        purse_cost(homes)
    );
    let Some(LeverKind::NewHomes { homes: big }) = lever_at(homes, Level::Large).map(|l| l.kind)
    else {
        panic!()
    };
    assert!(big.len() > h.len());
    assert!(big[h.len()].open_month >= h[0].open_month + 12);
    assert!(card_cost(homes, Level::Large) > card_cost(homes, Level::Medium));
    assert!(card_cost(homes, Level::Small) < card_cost(homes, Level::Medium));
}

#[test]
fn a_choice_over_the_purse_is_refused_and_lowering_is_allowed() {
    let mut ws = workshop();
    let edge = ws.card("edge_of_care").unwrap().annual_cost;
    ws.purse = Some(edge);
    ws.choose(0, "edge_of_care", Level::Medium).unwrap();
    assert_eq!(ws.remaining(&ws.teams[0]), Some(0.0));
    let err = ws.choose(0, "retention", Level::Small).unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("Table 1") && text.contains("over the purse"),
        "{text}"
    );
    assert_eq!(ws.teams[0].level("retention"), Level::Off);
    ws.choose(0, "edge_of_care", Level::Small).unwrap();
    assert_eq!(ws.teams[0].level("edge_of_care"), Level::Small);
    assert!(matches!(
        ws.choose(0, "nonsense", Level::Small),
        Err(ChoiceError::UnknownCard(_))
    ));
}

#[test]
fn spread_is_lowest_highest_and_mean_rank() {
    let mut ws = workshop();
    ws.choose(0, "retention", Level::Large).unwrap();
    ws.choose(1, "retention", Level::Small).unwrap();
    ws.choose(2, "retention", Level::Medium).unwrap();
    let s = spread(&ws);
    let r = s.iter().find(|s| s.key == "retention").unwrap();
    assert_eq!((r.low, r.high), (Level::Off, Level::Large));
    assert!((r.mean - 6.0 / 8.0).abs() < 1e-12);
    let e = s.iter().find(|s| s.key == "edge_of_care").unwrap();
    assert_eq!((e.low, e.high, e.mean), (Level::Off, Level::Off, 0.0));
}

#[test]
fn the_file_reads_back_the_same_workshop() {
    let mut ws = workshop();
    ws.purse = Some(1_000_000.0);
    ws.target = Some(Target::NoSuitableAtMost {
        children: 5,
        month: 47,
    });
    ws.choose(3, "step_down", Level::Large).unwrap();
    ws.teams[3].name = "Blue table".into();
    assert_eq!(read(&write(&ws)).unwrap(), ws);
}

#[test]
fn bad_files_are_refused_naming_the_field() {
    let ws = workshop();
    let mut v = serde_json::to_value(&ws).unwrap();
    v["teams"][2]["choices"] = serde_json::json!({"retention": "huge"});
    let e = read(&v.to_string()).unwrap_err();
    assert!(e.field.starts_with("teams[2].choices"), "{e}");

    let mut v = serde_json::to_value(&ws).unwrap();
    v["teams"][1]["choices"] = serde_json::json!({"teleport": "small"});
    assert_eq!(
        read(&v.to_string()).unwrap_err().field,
        "teams[1].choices.teleport"
    );

    let mut v = serde_json::to_value(&ws).unwrap();
    v["teams"][4]["name"] = serde_json::json!("Table 1");
    assert_eq!(read(&v.to_string()).unwrap_err().field, "teams[4].name");

    let mut v = serde_json::to_value(&ws).unwrap();
    v["purse"] = serde_json::json!(100.0);
    v["teams"][0]["choices"] = serde_json::json!({"retention": "large"});
    let e = read(&v.to_string()).unwrap_err();
    assert_eq!(e.field, "teams[0].choices");
    assert!(e.reason.contains("over the purse"), "{e}");

    let mut v = serde_json::to_value(&ws).unwrap();
    v["version"] = serde_json::json!(9);
    assert_eq!(read(&v.to_string()).unwrap_err().field, "version");

    let mut v = serde_json::to_value(&ws).unwrap();
    v["baseline"]["costs"]["inflation_per_year"] = serde_json::json!(-5.0);
    assert!(read(&v.to_string())
        .unwrap_err()
        .field
        .starts_with("baseline.costs"));

    let mut v = serde_json::to_value(&ws).unwrap();
    v["target"] = serde_json::json!({"kind": "no_suitable_at_most", "children": 5, "month": 600});
    assert_eq!(read(&v.to_string()).unwrap_err().field, "target.month");

    let mut v = serde_json::to_value(&ws).unwrap();
    v["teams"] = serde_json::json!([]);
    assert_eq!(read(&v.to_string()).unwrap_err().field, "teams");

    assert!(read("{not json").is_err());
}

#[test]
fn an_older_file_without_version_cards_or_settings_is_migrated() {
    let ws = workshop();
    let mut v = serde_json::to_value(&ws).unwrap();
    let o = v.as_object_mut().unwrap();
    o.remove("version");
    o.remove("cards");
    o.remove("settings");
    assert_eq!(read(&v.to_string()).unwrap(), ws);
}

#[test]
fn eight_teams_run_together_and_fill_the_leaderboard() {
    let mut ws = workshop();
    ws.settings.replications = 6;
    ws.settings.horizon_months = 24;
    ws.target = Some(Target::NoSuitableAtMost {
        children: 1000,
        month: 23,
    });
    ws.choose(1, "edge_of_care", Level::Large).unwrap();
    ws.choose(2, "retention", Level::Medium).unwrap();
    let job = ws.job().unwrap();
    assert_eq!(job.scenarios.len(), 8);
    assert_eq!(job.scenarios[1].name, "Table 2");
    assert_eq!(job.scenarios[1].levers.len(), 1);
    assert!(job.scenarios[0].levers.is_empty());
    let prepared = job.prepare().unwrap();
    let agg = prepared.run(0..6);
    let report = Report::new(&job, &prepared, &agg);
    let board = leaderboard(&ws, &report, &agg);
    assert_eq!(board.rows.len(), 8);
    // Common random numbers: teams with the same cards have the same figures.
    assert_eq!(board.rows[0].cost_median, board.rows[7].cost_median);
    assert!(board.rows[1].cost_median != board.rows[0].cost_median);
    for r in &board.rows {
        assert_eq!(r.target_chance, Some(1.0));
        assert!(
            (0.0..=1.0).contains(&r.in_house_share),
            "{}",
            r.in_house_share
        );
        assert!(r.cost_median > 0.0);
    }
    ws.target = Some(Target::NoSuitableAtMost {
        children: 0,
        month: 23,
    });
    let board = leaderboard(&ws, &report, &agg);
    assert!(board.rows.iter().all(|r| r.target_chance.unwrap() <= 1.0));
}

use crate::report::Report;

#[test]
fn a_levers_running_cost_counts_each_home_from_the_month_it_opens() {
    use crate::types::DAYS_PER_MONTH;
    let homes = crate::defaults::strategies()
        .into_iter()
        .flat_map(|s| s.levers)
        .find(|l| matches!(l.kind, LeverKind::NewHomes { .. }))
        .unwrap();
    let LeverKind::NewHomes { homes: h } = &homes.kind else {
        panic!()
    };
    let week = DAYS_PER_MONTH / 7.0;
    // Each home pays from its opening month to the end of the 60 months.
    let expected: f64 = h
        .iter()
        .map(|h| h.weekly_cost * (60 - h.open_month) as f64 * week)
        .sum::<f64>()
        + homes.annual_cost * 5.0;
    assert!((running_cost(&homes, 0..60) - expected).abs() < 1e-6);
    assert!(running_cost(&homes, 0..60) > 0.0);
    // Once the last has opened, a year costs every home's 52 and a bit weeks.
    let last = fully_running(&homes);
    assert_eq!(last, h.iter().map(|h| h.open_month).max().unwrap());
    let weekly: f64 = h.iter().map(|h| h.weekly_cost).sum();
    let year = running_cost(&homes, last..last + 12);
    assert!((year - homes.annual_cost - weekly * 12.0 * week).abs() < 1e-6);
    // Before any opens, nothing but the lever's own cost.
    assert_eq!(running_cost(&homes, 0..1), homes.annual_cost / 12.0);
    // A lever started late opens no home before it starts.
    let mut late = homes.clone();
    late.start_month = 30;
    let expected_late: f64 = h
        .iter()
        .map(|h| h.weekly_cost * (60 - h.open_month.max(30)) as f64 * week)
        .sum::<f64>()
        + homes.annual_cost * 30.0 / 12.0;
    assert!((running_cost(&late, 0..60) - expected_late).abs() < 1e-6);
    // Other levers: their annual cost from their start.
    let mut recruit = crate::defaults::strategy("recruit").unwrap().levers[0].clone();
    recruit.start_month = 6;
    assert!((running_cost(&recruit, 0..18) - recruit.annual_cost).abs() < 1e-6);
    assert_eq!(fully_running(&recruit), 6);
}

/// The leaderboard ranks the teams: by the target's chance where there is one, then by
/// children without a suitable placement, then by cost (it listed them in table order).
#[test]
fn the_leaderboard_ranks_the_teams() {
    use crate::workshop::summary::{Leaderboard, TeamRow};
    let row = |name: &str, chance: Option<f64>, no_suitable: f64, cost: f64| TeamRow {
        name: name.into(),
        levels: vec![],
        purse_cost: 0.0,
        cost_median: cost,
        cost_p10: cost,
        cost_p90: cost,
        no_suitable,
        in_house_share: 0.3,
        target_chance: chance,
    };
    let board = |rows| Leaderboard {
        rows,
        spread: vec![],
        last_month: "2025-06".into(),
        runs: 100,
    };
    let b = board(vec![
        row("A", None, 6.0, 100.0),
        row("B", None, 4.0, 120.0),
        row("C", None, 4.0, 110.0),
        row("D", None, 6.0, 100.0),
    ]);
    assert_eq!(b.ranking(), vec![2, 1, 0, 3]);
    // A and D are level on every count: they share third place.
    assert_eq!(b.standings(), vec![(2, 1), (1, 2), (0, 3), (3, 3)]);
    assert!(!b.ranked_by().contains("target"));
    let b = board(vec![
        row("A", Some(0.2), 3.0, 100.0),
        row("B", Some(0.7), 6.0, 120.0),
        row("C", Some(0.7), 5.0, 130.0),
    ]);
    assert_eq!(b.ranking(), vec![2, 1, 0]);
    assert!(b
        .ranked_by()
        .starts_with("Ranked by the chance of meeting the target"));
}
