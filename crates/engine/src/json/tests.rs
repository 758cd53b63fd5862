//! `parse_json`'s reasons, field by field, and text that is not JSON.

use super::*;
use crate::defaults::default_scenario;
use crate::scenario::{RunSettings, Scenario};
use serde_json::json;

/// The default scenario with one edit, read back: the field and reason of the failure.
fn refused(edit: impl Fn(&mut Value)) -> (String, String) {
    let mut v = serde_json::to_value(default_scenario()).unwrap();
    edit(&mut v);
    let e = parse_json::<Scenario>(&v.to_string()).expect_err("refused");
    (e.field, e.reason)
}

#[test]
fn reasons_come_from_what_was_found_and_what_was_asked() {
    type Edit = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(Edit, &str, &str)> = vec![
        (
            Box::new(|v| v["fostering"]["households"] = json!("")),
            "fostering.households",
            "is empty: enter a number",
        ),
        (
            Box::new(|v| v["demand"]["entry_age"][2] = json!("abc")),
            "demand.entry_age[2]",
            "must be a number (got \"abc\")",
        ),
        (
            Box::new(|v| v["fostering"]["attrition_later"] = json!("0,2")),
            "fostering.attrition_later",
            "must be a number (got \"0,2\"): use a point for decimals (0.2), and commas only between thousands (1,000)",
        ),
        (
            Box::new(|v| v["fostering"]["attrition_later"] = json!("5%")),
            "fostering.attrition_later",
            "must be a number (got \"5%\"): type it without %, as the field's unit (a share of 5% is 0.05)",
        ),
        (
            Box::new(|v| v["fostering"]["households"] = json!(2.5)),
            "fostering.households",
            "must be a whole number",
        ),
        (
            Box::new(|v| v["fostering"]["households"] = json!(-3)),
            "fostering.households",
            "must be a whole number, not negative",
        ),
        (
            Box::new(|v| v["fostering"]["standard_max_age"] = json!(300)),
            "fostering.standard_max_age",
            "must be a whole number from 0 to 255",
        ),
        (
            Box::new(|v| v["demand"]["groups_per_month"] = json!(null)),
            "demand.groups_per_month",
            "must be filled in",
        ),
        (
            Box::new(|v| v["matching"]["keep_siblings_together"] = json!("yes")),
            "matching.keep_siblings_together",
            "must be true or false",
        ),
        (
            Box::new(|v| v["name"] = json!(7)),
            "name",
            "must be text (in quotes)",
        ),
        (
            Box::new(|v| v["demand"]["group_size"] = json!(0.5)),
            "demand.group_size",
            "must be a list",
        ),
        (
            Box::new(|v| v["exits"]["return_home"]["points"] = json!(1)),
            "exits.return_home.points",
            "is not a field here (check the spelling; unknown fields are refused). The fields \
             here are: mean_months, shape",
        ),
        (
            Box::new(|v| v["exits"]["return_home"]["shape"] = json!("wide")),
            "exits.return_home.shape",
            "must be a number (got \"wide\")",
        ),
        (
            Box::new(|v| {
                v["exits"]["adoption"] =
                    json!({"family": "empirical", "points": [[6, 0.5], [12, "x"]]})
            }),
            "exits.adoption.points[1][1]",
            "must be a number (got \"x\")",
        ),
        (
            Box::new(|v| {
                v["levers"] = json!([{"start_month": 0, "ramp_months": 0, "annual_cost": 0,
                    "kind": {"type": "supported_accommodation", "places": 2.5, "weekly_cost": 900}}])
            }),
            "levers[0].kind.places",
            "must be a whole number",
        ),
        (
            Box::new(|v| v["demand"]["entry_age"] = json!([0.2, 0.2, 0.2, 0.2, 0.1, 0.1])),
            "demand.entry_age",
            "needs exactly 5 values (got 6)",
        ),
        (
            Box::new(|v| v["matching"]["rules"][0]["order"][1] = json!("castle")),
            "matching.rules[0].order[1]",
            "\"castle\" is not one of the choices: in_house_foster, connected_person, ifa",
        ),
        (
            Box::new(|v| v["matching"]["rules"][0]["needs"] = json!(2)),
            "matching.rules[0].needs",
            "must be one of: any, standard, complex",
        ),
        (
            Box::new(|v| {
                v["fostering"].as_object_mut().unwrap().remove("funnel");
            }),
            "fostering.funnel",
            "is missing: it must be filled in",
        ),
        (
            Box::new(|v| v["costs"]["weekly"]["castle"] = json!(1)),
            "costs.weekly.castle",
            "is not a field here (check the spelling; unknown fields are refused). The fields \
             here are: in_house_foster, connected_person, ifa, in_house_residential",
        ),
        (
            Box::new(|v| v["costs"] = json!("cheap")),
            "costs",
            "must be a group of fields ({ ... })",
        ),
    ];
    for (edit, field, reason) in cases {
        let (f, r) = refused(edit);
        assert_eq!(f, field, "{r}");
        assert!(r.starts_with(reason), "{field}: {r}");
    }
}

#[test]
fn text_that_is_not_json_is_placed_by_line_and_column() {
    let e = parse_json::<RunSettings>("{\"seed\": 1,\n \"replications\": x}").unwrap_err();
    assert_eq!(e.field, "replications");
    assert_eq!(e.reason, "is not valid JSON (line 2, column 18)");
    let e = parse_json::<RunSettings>("{\"seed\": 1, ").unwrap_err();
    assert!(
        e.reason.starts_with("ends before the JSON is complete"),
        "{e}"
    );
    let e = parse_json::<RunSettings>("").unwrap_err();
    assert_eq!(e.field, "(document)");
    let ok = r#"{"seed": 1, "replications": 2, "horizon_months": 3}"#;
    assert!(parse_json::<RunSettings>(ok).is_ok());
    let e = parse_json::<RunSettings>(&format!("{ok} 4")).unwrap_err();
    assert_eq!(e.field, "(document)", "text after the document: {e}");
}
