//! The public synthetic SSDA903 returns in `../shared/fixtures/ssda903/` (beside the
//! repository; they must be there) import without a panic and with the quality report
//! pinned here. `SSDA903_FIXTURES` may name the folder instead (for a checkout that is not
//! beside `shared/`, such as a git worktree).

use engine::ssda903::{import_dir, summary, Import, ImportOptions, Reason, TableKind};
use std::path::PathBuf;

fn fixtures(sub: &str) -> PathBuf {
    let root = std::env::var_os("SSDA903_FIXTURES").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/fixtures/ssda903"),
        PathBuf::from,
    );
    let dir = root.join(sub);
    assert!(
        dir.is_dir(),
        "the public SSDA903 fixtures are missing: {} (they are laid beside the repository)",
        dir.display()
    );
    dir
}

fn load(sub: &str) -> Import {
    import_dir(&fixtures(sub), &ImportOptions::default()).expect("read the folder")
}

/// Totals per reason over the whole import.
fn count(i: &Import, reason: Reason) -> usize {
    i.report.count(reason)
}

/// Episode rows read from the files of one table kind.
fn rows_read(i: &Import, kind: TableKind) -> usize {
    i.report
        .files
        .iter()
        .filter(|f| f.table == Some(kind))
        .map(|f| f.rows_read)
        .sum()
}

fn assert_private(i: &Import, needles: &[&str]) {
    let json = serde_json::to_string(i).expect("serialise");
    for n in needles {
        assert!(!json.contains(n), "{n} found in the serialised import");
    }
}

#[test]
fn d2i_sample_five_returns() {
    let i = load("d2i-sample");
    println!("{}", i.report);
    assert_eq!(i.returns, vec![2017, 2018, 2019, 2020, 2021]);
    // Each table's year comes from the dates and matches the file name here.
    for f in &i.report.files {
        if let Some(y) = f.return_year {
            assert!(f.name.starts_with(&y.to_string()), "{} read as {y}", f.name);
        }
    }
    let errors: Vec<_> = i.report.errors().map(|(n, _)| n).collect();
    assert_eq!(errors, vec!["LICENSE"]);
    assert_eq!(rows_read(&i, TableKind::Episodes), 3737);
    assert_eq!(rows_read(&i, TableKind::Header), 2123);
    assert_eq!(
        (i.report.children, i.report.periods, i.report.placements),
        (820, 865, 2285)
    );
    assert_eq!(count(&i, Reason::RepeatedInLaterReturn), 910);
    assert_eq!(count(&i, Reason::OpenClosedAtYearEnd), 23);
    assert_eq!(count(&i, Reason::OpenDuplicate), 1);
    assert_eq!(count(&i, Reason::Overlap), 40);
    assert_eq!(count(&i, Reason::SameDayReentry), 15);
    assert_eq!(count(&i, Reason::NoHeader), 0);
    let dropped: usize = i.report.files.iter().map(|f| f.dropped()).sum();
    assert_eq!(dropped, 1);
    // Periods still open at the end of the data, and a sensible history.
    let open = i
        .children
        .iter()
        .flat_map(|c| &c.periods)
        .filter(|p| p.end.is_none())
        .count();
    assert_eq!(open, 62);
    let months = summary::observed(&i);
    assert_eq!(months.len(), 60);
    let last = months.last().unwrap();
    assert_eq!(last.end.in_care, open);
    assert_private(
        &i,
        &[
            "\"398768\"",
            "\"296227\"",
            "V28 5OY",
            "V285OY",
            "17/12/1999",
            "1999-12-17",
        ],
    );
}

#[test]
fn validator_fake_csv_and_xml() {
    let i = load("validator-fake");
    println!("{}", i.report);
    assert_eq!(i.returns, vec![2017]);
    let csv = i.report.file("episodes.csv").unwrap();
    assert_eq!(
        (csv.rows_read, csv.rows_used, csv.dropped()),
        (5050, 5050, 0)
    );
    let xml = i.report.file("fake_903.xml").unwrap();
    assert_eq!(xml.table, Some(TableKind::XmlReturn));
    assert_eq!((xml.rows_read, xml.rows_used), (253 + 459, 198 + 459));
    assert_eq!(xml.count(Reason::NoEpisodes), 55);
    assert_eq!(
        (i.report.children, i.report.periods, i.report.placements),
        (2321, 2433, 4661)
    );
    // Deliberately inconsistent data: overlaps repaired, X1 without a successor ended.
    assert_eq!(count(&i, Reason::Overlap), 79);
    assert_eq!(count(&i, Reason::X1EndsPeriod), 8);
    assert_eq!(count(&i, Reason::SameDayReentry), 54);
    let header = i.report.file("header.csv").unwrap();
    assert_eq!(header.count(Reason::NoEpisodes), 552);
    assert_private(
        &i,
        &[
            "\"566910\"",
            "\"907440\"",
            "EG19 7TT",
            "EG197TT",
            "27/03/2008",
            "O013219285333",
        ],
    );
}

#[test]
fn liia_fixes_rules_each_once() {
    let i = load("liia-fixes");
    println!("{}", i.report);
    let f = i
        .report
        .file("SSDA903_episodes_for_testing_fixes_INPUT.csv")
        .unwrap();
    assert!(f.assumptions.iter().any(|a| a.contains("YEAR column")));
    for reason in [
        Reason::OpenClosedByNext,        // RULE1_BAD
        Reason::OpenClosedBeforeReentry, // RULE1A_BAD
        Reason::OpenClosedAtYearEnd,     // RULE2_BAD
        Reason::OpenDuplicate,           // RULE3_BAD
        Reason::Overlap,                 // RULE4_BAD
        Reason::GapAfterX1,              // RULE5_BAD
    ] {
        assert_eq!(f.count(reason), 1, "{reason:?}");
    }
    // RULE3A_BAD and RULE4_BAD each have an open episode replaced in a later return.
    assert_eq!(f.count(Reason::ReplacedInLaterReturn), 2);
    assert_eq!((f.rows_read, f.rows_used), (23, 20));
    assert_eq!((i.report.children, i.report.periods), (12, 15));
}
