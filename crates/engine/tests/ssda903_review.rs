//! What the fit review and the data-quality report say about the public synthetic returns
//! in `../shared/fixtures/ssda903/` (`SSDA903_FIXTURES` may name the folder), and about
//! small returns written here: values in the return but with too few data are kept as
//! such (not as "not in the return"), the reason a seasonal pattern is not fitted names
//! the condition that failed, no sibling groups found keeps the baseline's group sizes,
//! dropped rows name their line and offending value (never a CHILD id), and two returns of
//! the same year with no children in common are warned about.

use engine::defaults::default_scenario;
use engine::ssda903::fit::{fit, FitOptions, NOT_IN_THE_RETURN};
use engine::ssda903::{import, import_dir, Import, ImportOptions, InputFile, Reason};
use std::path::PathBuf;

fn load(sub: &str) -> Import {
    let root = std::env::var_os("SSDA903_FIXTURES").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/fixtures/ssda903"),
        PathBuf::from,
    );
    let dir = root.join(sub);
    assert!(
        dir.is_dir(),
        "the public SSDA903 fixtures are missing: {}",
        dir.display()
    );
    import_dir(&dir, &ImportOptions::default()).expect("read the folder")
}

#[test]
fn d2i_sample_no_sibling_groups_keeps_the_baseline_sizes() {
    let i = load("d2i-sample");
    // Every period has a home postcode, but the sample's postcodes are all different.
    let note = i
        .report
        .assumptions
        .iter()
        .find(|a| a.contains("home postcode"))
        .expect("the sibling note");
    assert!(
        note.contains("865 periods of care have a home postcode")
            && note.contains("no sibling groups were found"),
        "{note}"
    );
    assert!(!note.contains("0 of 865"), "{note}");
    let base = default_scenario();
    let f = fit(&i, &base, &FitOptions::default(), &mut |_, _| {}).expect("fit");
    println!("{}", f.report);
    // Sibling structure unknown: the built-in sizes are kept, with the reason.
    assert!(f.report.value("demand.group_size[0]").is_none());
    assert_eq!(f.scenario.demand.group_size, base.demand.group_size);
    let kept = f
        .report
        .kept
        .iter()
        .find(|k| k.field == "demand.group_size")
        .expect("group sizes kept");
    assert!(kept.in_the_return(), "{kept:?}");
    assert!(
        kept.reason.contains("sibling structure is unknown"),
        "{kept:?}"
    );
    // So the admissions are groups of the baseline's average size: the children admitted
    // a month are what the returns show.
    let gpm = f.report.value("demand.groups_per_month").unwrap().value;
    let adm = f.admissions.as_ref().unwrap();
    let mean: f64 = base
        .demand
        .group_size
        .iter()
        .enumerate()
        .map(|(k, p)| (k + 1) as f64 * p)
        .sum::<f64>()
        / base.demand.group_size.iter().sum::<f64>();
    assert!(
        (gpm * mean - adm.groups_per_month).abs() < 1e-9,
        "{gpm} {mean}"
    );
    assert!(f
        .report
        .notes
        .iter()
        .any(|n| n.contains("no sibling groups were found")));
}

#[test]
fn kept_values_say_whether_they_are_in_the_return() {
    let i = load("d2i-sample");
    let f = fit(
        &i,
        &default_scenario(),
        &FitOptions::default(),
        &mut |_, _| {},
    )
    .expect("fit");
    for k in &f.report.kept {
        let not_in = NOT_IN_THE_RETURN.iter().any(|(p, _)| *p == k.field);
        assert_eq!(k.in_the_return(), !not_in, "{k:?}");
        if k.in_the_return() {
            assert!(
                k.reason.starts_with("in the return, but ")
                    && k.reason.ends_with("kept the built-in value"),
                "{k:?}"
            );
        } else {
            assert!(k.reason.contains("not in the return"), "{k:?}");
        }
        // The old fixed text named every condition without saying which failed.
        assert!(!k.reason.contains("seasonality needs 24, and"), "{k:?}");
    }
    // The starting population is counted, not estimated; the base leaves the age profile
    // to the model.
    let children = f.report.value("population.children").unwrap();
    assert!(children.is_count());
    assert!(f
        .report
        .default_worked_out_by_model("population.age_profile[2]"));
    assert!(!f.report.default_worked_out_by_model("population.children"));
}

#[test]
fn a_short_window_says_why_seasonality_is_kept() {
    let i = load("d2i-sample");
    let options = FitOptions {
        window_years: 1,
        ..FitOptions::default()
    };
    let f = fit(&i, &default_scenario(), &options, &mut |_, _| {}).expect("fit");
    let kept = f
        .report
        .kept
        .iter()
        .find(|k| k.field == "demand.seasonality")
        .expect("seasonality kept with a year's window");
    assert!(
        kept.reason.contains("only 12 whole months") && kept.reason.contains("needs 24"),
        "{kept:?}"
    );
}

#[test]
fn two_returns_of_one_year_with_no_children_in_common_are_warned_about() {
    let i = load("validator-fake");
    println!("{}", i.report);
    let w = i
        .report
        .warnings
        .iter()
        .find(|w| w.contains("episodes.csv") && w.contains("fake_903.xml"))
        .unwrap_or_else(|| panic!("no warning: {:?}", i.report.warnings));
    assert!(
        w.contains("2017/18") && w.contains("no children in common"),
        "{w}"
    );
    // One return read twice (CSV and XML of the same children) is not warned about, nor
    // are the returns of different years.
    assert!(load("d2i-sample").report.warnings.is_empty());
}

const HEAD: &str = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n";

#[test]
fn same_year_returns_sharing_children_are_not_warned_about() {
    let a =
        format!("{HEAD}11,01/05/2020,S,C2,N1,U4,PR1,,,,,,\n12,01/06/2020,S,C2,N1,U4,PR1,,,,,,\n");
    let b = format!("{HEAD}11,01/05/2020,S,C2,N1,U4,PR1,,,,,,\n");
    let c = format!("{HEAD}91,01/07/2020,S,C2,N1,U4,PR1,,,,,,\n");
    let files = |x: &str, y: &str| {
        import(
            &[
                InputFile {
                    name: "a.csv",
                    bytes: x.as_bytes(),
                },
                InputFile {
                    name: "b.csv",
                    bytes: y.as_bytes(),
                },
            ],
            &ImportOptions::default(),
        )
    };
    assert!(files(&a, &b).report.warnings.is_empty());
    let w = files(&a, &c).report.warnings;
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(w[0].contains("a.csv") && w[0].contains("b.csv") && w[0].contains("2020/21"));
}

#[test]
fn dropped_rows_name_their_line_and_value_but_no_child() {
    // The reviewer's file: an impossible date, DEC before DECOM with an unknown PLACE,
    // and text for a date.
    let text = format!(
        "{HEAD}111,31/02/2020,S,C2,N1,U4,PR1,,,,AB1 2CD,AB1 2CD,\n\
         112,01/05/2020,S,C2,N1,ZZ,PR1,01/04/2020,E11,,AB1 2CD,AB1 2CD,\n\
         113,not a date,S,C2,N1,U4,PR1,,,,,,\n\
         114,113,S,C2,N1,U4,PR1,,,,,,\n"
    );
    let i = import(
        &[InputFile {
            name: "episodes-bad.csv",
            bytes: text.as_bytes(),
        }],
        &ImportOptions::default(),
    );
    let f = i.report.file("episodes-bad.csv").unwrap();
    let bad = f
        .issues
        .iter()
        .find(|x| x.reason == Reason::BadDate)
        .unwrap();
    assert_eq!(bad.count, 3);
    assert_eq!(
        bad.examples,
        vec![
            "line 2: \u{2018}31/02/2020\u{2019}",
            "line 4: text, not a date",
            "line 5: not a date",
        ]
    );
    let before = f
        .issues
        .iter()
        .find(|x| x.reason == Reason::EndsBeforeStart)
        .unwrap();
    assert_eq!(
        before.examples,
        vec!["line 3: DEC \u{2018}01/04/2020\u{2019} before DECOM \u{2018}01/05/2020\u{2019}; PLACE \u{2018}ZZ\u{2019} is not a known code"]
    );
    // Neither the CHILD ids nor the postcodes are in anything saved or printed.
    let json = serde_json::to_string(&i).unwrap();
    let printed = i.report.to_string();
    for needle in ["111", "112", "\"113\"", "114", "AB1"] {
        assert!(!json.contains(needle), "{needle} in {json}");
        assert!(!printed.contains(needle), "{needle} in {printed}");
    }
    assert!(printed.contains("line 3: DEC"), "{printed}");
}
