//! The SSDA903 import on hand-written returns (`tests/fixtures/ssda903/`): one child per
//! stitching rule across three returns, codes from every era, the CSV variants councils
//! export, the XML return read the same as the CSV, clear errors for unusable files, and no
//! identifier in anything serialised.

use engine::ssda903::{
    import, import_dir, Action, Date, ExitCategory, Import, ImportOptions, InputFile, PeriodOfCare,
    PlacementKind, Reason, Sex, TableKind,
};
use engine::types::PlacementType as T;
use std::path::PathBuf;

fn dir(sub: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ssda903")
        .join(sub)
}

fn load(sub: &str) -> Import {
    import_dir(&dir(sub), &ImportOptions::default()).expect("fixture folder")
}

fn d(s: &str) -> Date {
    Date::parse(s).expect("a date")
}

/// Placement kinds of a period, in order.
fn kinds(p: &PeriodOfCare) -> Vec<PlacementKind> {
    p.placements.iter().map(|x| x.kind).collect()
}

/// The child whose first period starts on `start` (ids are not kept, so tests find
/// children by their dates).
fn child_starting<'a>(i: &'a Import, start: &str) -> &'a [PeriodOfCare] {
    let matches: Vec<_> = i
        .children
        .iter()
        .filter(|c| c.periods[0].start == d(start))
        .collect();
    assert_eq!(matches.len(), 1, "one child starting {start}");
    &matches[0].periods
}

fn ty(t: T) -> PlacementKind {
    PlacementKind::Type(t)
}

#[test]
fn each_stitching_rule() {
    let i = load("stitch");
    assert_eq!(i.report.errors().count(), 0, "{}", i.report);
    assert_eq!(i.returns, vec![2017, 2018, 2019]);
    assert_eq!(i.observed_from, Some(d("2017-04-01")));
    assert_eq!(i.observed_to, Some(d("2020-03-31")));
    assert_eq!(
        (i.report.children, i.report.periods, i.report.placements),
        (12, 14, 19),
        "{}",
        i.report
    );
    let a = i.report.file("a.csv").unwrap();
    let b = i.report.file("b.csv").unwrap();
    let c = i.report.file("c.csv").unwrap();
    assert_eq!(
        (a.return_year, b.return_year, c.return_year),
        (Some(2017), Some(2018), Some(2019))
    );

    // Repeated in the next return, closed there.
    let p = child_starting(&i, "2017-05-01");
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].end, Some(d("2018-06-01")));
    assert_eq!(p[0].exit, Some(ExitCategory::ReturnHome));
    assert_eq!(p[0].exit_code, "E13");
    assert_eq!(p[0].age_at_entry_months, Some(98));
    assert_eq!(a.count(Reason::RepeatedInLaterReturn), 2);
    assert_eq!(b.count(Reason::RepeatedInLaterReturn), 3);

    // Rule 1: open episode followed by a move sent in the next return.
    let p = child_starting(&i, "2017-06-01");
    assert_eq!(p.len(), 1);
    assert_eq!(kinds(&p[0]), vec![ty(T::Ifa), ty(T::ConnectedPerson)]);
    assert_eq!(p[0].placements[0].end, Some(d("2018-02-01")));
    assert_eq!(p[0].end, Some(d("2019-05-01")));
    assert_eq!(p[0].exit, Some(ExitCategory::SgoCao));
    assert_eq!(a.count(Reason::OpenClosedByNext), 1);
    // The latest return's header wins over the older one that disagrees.
    assert_eq!(p[0].age_at_entry_months, Some(83));
    let bh = i.report.file("b-header.csv").unwrap();
    assert_eq!(bh.return_year, Some(2018));
    assert_eq!(bh.count(Reason::HeaderConflict), 1);

    // Rule 1A: open episode, then a new period: closed at its year end, exit unknown.
    let p = child_starting(&i, "2017-07-01");
    assert_eq!(p.len(), 2);
    assert_eq!(p[0].end, Some(d("2018-03-31")));
    assert_eq!(p[0].exit, Some(ExitCategory::Unknown));
    assert_eq!(p[1].start, d("2018-09-01"));
    assert_eq!(p[1].end, None);
    assert_eq!(a.count(Reason::OpenClosedBeforeReentry), 1);

    // Rule 2: open episode missing from later returns.
    let p = child_starting(&i, "2017-08-01");
    assert_eq!(p[0].end, Some(d("2018-03-31")));
    assert_eq!(kinds(&p[0]), vec![ty(T::ExternalResidential)]);
    assert_eq!(a.count(Reason::OpenClosedAtYearEnd), 1);
    assert_eq!(a.count(Reason::NoHeader), 1);

    // Rule 3: the open episode is a duplicate of one with a corrected start date.
    assert!(i
        .children
        .iter()
        .all(|c| c.periods[0].start != d("2017-09-10")));
    let p = child_starting(&i, "2017-09-12");
    assert_eq!(p[0].exit, Some(ExitCategory::Adoption));
    assert_eq!(a.count(Reason::OpenDuplicate), 1);

    // Rule 3A: the open episode was replaced by another sent in a later return.
    let p = child_starting(&i, "2017-10-01");
    assert_eq!(
        kinds(&p[0]),
        vec![ty(T::InHouseFoster), ty(T::ExternalResidential)]
    );
    assert_eq!(p[0].placements[0].end, Some(d("2018-01-05")));
    assert_eq!(p[0].placements[0].reason_for_change, "CARPL");
    assert_eq!(p[0].exit, Some(ExitCategory::Adulthood));
    assert_eq!(a.count(Reason::ReplacedInLaterReturn), 1);

    // Rule 4: overlap with the next episode (from a later return).
    let p = child_starting(&i, "2017-11-01");
    assert_eq!(p[0].placements[0].end, Some(d("2018-02-10")));
    assert_eq!(p[0].end, None);
    assert_eq!(a.count(Reason::Overlap), 1);

    // Rule 5: X1 then a gap: bridged to the next start.
    let p = child_starting(&i, "2017-12-01");
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].placements[0].end, Some(d("2018-04-10")));
    assert_eq!(kinds(&p[0]), vec![ty(T::InHouseFoster), ty(T::Ifa)]);
    assert_eq!(a.count(Reason::GapAfterX1), 1);

    // Same-day re-entry: two periods.
    let p = child_starting(&i, "2019-05-01");
    assert_eq!(p.len(), 2);
    assert_eq!(p[0].end, Some(d("2019-06-01")));
    assert_eq!(p[1].start, d("2019-06-01"));
    assert_eq!(c.count(Reason::SameDayReentry), 1);

    // A change of legal status alone is not a move.
    let p = child_starting(&i, "2019-04-10");
    assert_eq!(kinds(&p[0]), vec![ty(T::InHouseFoster), ty(T::Ifa)]);
    assert_eq!(p[0].placements[0].end, Some(d("2019-08-01")));
    assert_eq!(p[0].moves(), 1);

    // Siblings: same day, same home postcode (written differently).
    let sib: Vec<_> = i
        .children
        .iter()
        .filter(|c| c.periods[0].start == d("2020-03-03"))
        .collect();
    assert_eq!(sib.len(), 2);
    assert!(sib[0].periods[0].sibling_group.is_some());
    assert_eq!(
        sib[0].periods[0].sibling_group,
        sib[1].periods[0].sibling_group
    );
    let grouped = i
        .children
        .iter()
        .flat_map(|c| &c.periods)
        .filter(|p| p.sibling_group.is_some())
        .count();
    assert_eq!(grouped, 2);
    assert!(i
        .report
        .assumptions
        .iter()
        .any(|a| a.contains("2 of the 14 periods of care with a home postcode")));
    // Nothing in any file was dropped for being broken.
    assert_eq!(i.report.count(Reason::BadDate), 0);
}

#[test]
fn code_changes_across_years() {
    let i = load("codes");
    assert_eq!(i.returns, vec![2018, 2020, 2024, 2025]);
    let exit = |start: &str| child_starting(&i, start)[0].exit;
    let kind = |start: &str| kinds(&child_starting(&i, start)[0])[0];
    // E43/E44 and E45-E48 are all special guardianship.
    for s in ["2018-05-01", "2018-06-01", "2020-05-01", "2020-06-01"] {
        assert_eq!(exit(s), Some(ExitCategory::SgoCao), "{s}");
    }
    // H5, P2 and K3 are all supported accommodation; Z1 and Z11-Z14 other.
    for s in ["2018-07-01", "2024-05-01", "2024-06-01", "2025-07-01"] {
        assert_eq!(kind(s), ty(T::SupportedAccommodation), "{s}");
    }
    for s in ["2024-07-01", "2025-05-01", "2025-06-01"] {
        assert_eq!(kind(s), PlacementKind::Other, "{s}");
    }
    assert_eq!(i.report.count(Reason::UnknownPlace), 0);
    let noted = |file: &str| {
        let mut v: Vec<String> = i
            .report
            .file(file)
            .unwrap()
            .issues
            .iter()
            .filter(|x| x.reason == Reason::CodeOutOfYear)
            .map(|x| format!("{} x{}", x.detail, x.count))
            .collect();
        v.sort();
        v
    };
    assert_eq!(
        noted("r2018.csv"),
        vec!["E45-E48 before 2019/20 (special guardianship) x1"]
    );
    assert_eq!(
        noted("r2020.csv"),
        vec!["E43/E44 after 2018/19 (special guardianship) x1"]
    );
    assert_eq!(
        noted("r2024.csv"),
        vec!["H5/P2 after 2023/24 (supported accommodation) x1"]
    );
    assert_eq!(
        noted("r2025.csv"),
        vec!["Z1 after 2024/25 (other placement) x1"]
    );
    assert_eq!(noted("h2024.csv"), vec!["SEX 1/2 after 2023/24 x1"]);
    assert!(noted("h2018.csv").is_empty());
    // SEX: 1/2 and M/F/U both read; U is unknown but valid, X is not a code.
    let sex = |start: &str| {
        i.children
            .iter()
            .find(|c| c.periods[0].start == d(start))
            .unwrap()
            .sex
    };
    assert_eq!(sex("2018-05-01"), Sex::Male);
    assert_eq!(sex("2018-06-01"), Sex::Female);
    assert_eq!(sex("2024-05-01"), Sex::Female);
    assert_eq!(sex("2024-06-01"), Sex::Male);
    assert_eq!(sex("2025-05-01"), Sex::Unknown);
    assert_eq!(sex("2020-05-01"), Sex::Unknown);
    let h2025 = i.report.file("h2025.csv").unwrap();
    assert_eq!(h2025.count(Reason::UnknownSex), 1);
    assert_eq!(
        i.report.file("r2020.csv").unwrap().count(Reason::NoHeader),
        2
    );
    // Missing optional columns are said aloud.
    let r = i.report.file("r2018.csv").unwrap();
    assert!(r
        .assumptions
        .iter()
        .any(|a| a.contains("no HOME_POST column")));
}

const EPISODES: &str = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n\
    101,01/05/2019,S,C2,N1,U4,PR1,01/08/2019,X1,CARPL,AB1 2CD,EF3 4GH,\n\
    101,01/08/2019,P,C2,N1,K2,PR4,15/01/2020,E4A,,AB1 2CD,EF3 4GH,SC1\n\
    102,10/06/2019,S,V2,N1,U1,PR1,,,,AB9 9CD,EF3 4GH,\n";
const HEADER: &str = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n101,1,03/04/2012,WBRI,A1,,\n102,2,05/06/2008,WBRI,A2,,\n";

fn from_bytes(files: &[(&str, Vec<u8>)]) -> Import {
    let inputs: Vec<InputFile<'_>> = files
        .iter()
        .map(|(name, bytes)| InputFile { name, bytes })
        .collect();
    import(&inputs, &ImportOptions::default())
}

fn plain() -> Import {
    from_bytes(&[
        ("e.csv", EPISODES.as_bytes().to_vec()),
        ("h.csv", HEADER.as_bytes().to_vec()),
    ])
}

#[test]
fn csv_variants_read_the_same() {
    let want = plain();
    assert_eq!(want.report.children, 2);
    assert_eq!(want.report.periods, 2);
    assert_eq!(want.report.placements, 3);
    // Columns reordered, an extra column, ISO dates, quoted fields, CRLF, a BOM, Latin-1
    // bytes in an ignored column, lower-case names.
    let mut variant = b"\xEF\xBB\xBFnote,urn,pl_post,home_post,reason_place_change,rec,dec,place_provider,place,cin,ls,rne,decom,child\r\n".to_vec();
    for line in EPISODES.lines().skip(1) {
        let mut f: Vec<String> = line.split(',').map(str::to_string).collect();
        for k in [1, 7] {
            if let Some(date) = Date::parse(&f[k]) {
                f[k] = date.to_string();
            }
        }
        f.reverse();
        let mut row = b"caf\xE9,".to_vec();
        row.extend(
            f.iter()
                .map(|x| format!("\"{x}\""))
                .collect::<Vec<_>>()
                .join(",")
                .bytes(),
        );
        row.extend(b"\r\n");
        variant.extend(row);
    }
    let got = from_bytes(&[("x.csv", variant), ("h.csv", HEADER.as_bytes().to_vec())]);
    assert_eq!(got.children, want.children, "{}", got.report);
    let x = got.report.file("x.csv").unwrap();
    assert!(x.assumptions.iter().any(|a| a.contains("Latin-1")));
    assert_eq!(x.table, Some(TableKind::Episodes));
}

#[test]
fn xml_return_reads_like_csv() {
    let xml = "<?xml version='1.0' encoding='utf-8'?>\n<EXPSSDA903>\
      <CHILD><HEADER><CHILDID>101</CHILDID><UPN>A1</UPN><SEX>1</SEX><DOB>03/04/2012</DOB><ETHNIC>WBRI</ETHNIC><UASC /></HEADER>\
        <EPISODE><DECOM>01/05/2019</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>U4</PL><PL_POST>EF3 4GH</PL_POST><HOME_POST>AB1 2CD</HOME_POST><URN /><PLACE_PROVIDER>PR1</PLACE_PROVIDER><DEC>01/08/2019</DEC><REC>X1</REC><REASON_PLACE_CHANGE>CARPL</REASON_PLACE_CHANGE></EPISODE>\
        <EPISODE><DECOM>01/08/2019</DECOM><RNE>P</RNE><LS>C2</LS><CIN>N1</CIN><PL>K2</PL><PL_POST>EF3 4GH</PL_POST><HOME_POST>AB1 2CD</HOME_POST><URN>SC1</URN><PLACE_PROVIDER>PR4</PLACE_PROVIDER><DEC>15/01/2020</DEC><REC>E4A</REC><REASON_PLACE_CHANGE /></EPISODE></CHILD>\
      <CHILD><HEADER><CHILDID>102</CHILDID><SEX>2</SEX><DOB>05/06/2008</DOB></HEADER>\
        <EPISODE><DECOM>10/06/2019</DECOM><RNE>S</RNE><LS>V2</LS><PL>U1</PL><HOME_POST>AB9 9CD</HOME_POST><PLACE_PROVIDER>PR1</PLACE_PROVIDER><DEC /><REC /></EPISODE></CHILD>\
      </EXPSSDA903>";
    let got = from_bytes(&[("r.xml", xml.as_bytes().to_vec())]);
    assert_eq!(got.children, plain().children, "{}", got.report);
    let r = got.report.file("r.xml").unwrap();
    assert_eq!(r.table, Some(TableKind::XmlReturn));
    assert_eq!((r.rows_read, r.rows_used), (5, 5));
    assert_eq!(r.return_year, Some(2019));
}

#[test]
fn unusable_files_are_named_with_the_reason() {
    let no_dec = "CHILD,DECOM,RNE,PLACE,REC\n1,01/05/2019,S,U4,\n";
    let got = from_bytes(&[
        ("no-dec.csv", no_dec.as_bytes().to_vec()),
        (
            "reviews.csv",
            b"CHILD,DOB,REVIEW\n1,01/01/2010,01/01/2020\n".to_vec(),
        ),
        ("bad.xml", b"<EXPSSDA903><CHILD>".to_vec()),
        ("empty.csv", Vec::new()),
        (
            "headerless.csv",
            b"398768,09/04/2017,S,L3,N1,U4,PR1,,,,V28 5OY\n".to_vec(),
        ),
    ]);
    let errors: Vec<(&str, &str)> = got.report.errors().collect();
    assert_eq!(errors.len(), 5);
    assert_eq!(errors[0].0, "no-dec.csv");
    assert!(errors[0].1.contains("no DEC column"), "{}", errors[0].1);
    assert!(errors[1]
        .1
        .contains("not an episodes, header or UASC table"));
    assert!(errors[2].1.starts_with("XML:"));
    assert!(errors[3].1.contains("empty"));
    // A data row taken for the header row is not echoed into the (saveable) report.
    assert!(
        errors[4].1.contains("is the header row missing?"),
        "{}",
        errors[4].1
    );
    let json = serde_json::to_string(&got.report).unwrap();
    for needle in ["398768", "V28 5OY", "09/04/2017"] {
        assert!(!json.contains(needle), "{needle} in {json}");
    }
    assert!(got.children.is_empty());
}

#[test]
fn bad_rows_are_dropped_and_counted() {
    let csv = "CHILD,DECOM,RNE,PLACE,PLACE_PROVIDER,DEC,REC\n\
        1,31/02/2019,S,U4,PR1,,\n\
        ,01/05/2019,S,U4,PR1,,\n\
        2,01/05/2019,S,U4,PR1,01/04/2019,E13\n\
        3,01/05/2019,S,Q7,PR1,01/06/2019,E99\n\
        4,01/05/2019,S,U4,PR1,01/06/2019,E13,extra\n\
        5,01/05/2019,S,U4,PR1,not a date,E13\n";
    let got = from_bytes(&[("e.csv", csv.as_bytes().to_vec())]);
    let f = got.report.file("e.csv").unwrap();
    assert_eq!(f.rows_read, 6);
    assert_eq!(f.count(Reason::BadDate), 1);
    assert_eq!(f.count(Reason::MissingChild), 1);
    assert_eq!(f.count(Reason::EndsBeforeStart), 1);
    assert_eq!(f.count(Reason::MalformedRow), 1);
    assert_eq!(f.count(Reason::UnknownPlace), 1);
    assert_eq!(f.count(Reason::UnknownRec), 1);
    assert_eq!(f.count(Reason::UnreadableDec), 1);
    assert_eq!(f.dropped(), 4);
    assert_eq!(f.rows_used, 2);
    // The ids are there for the screen...
    let bad = f
        .issues
        .iter()
        .find(|x| x.reason == Reason::BadDate)
        .unwrap();
    assert_eq!(bad.action, Action::Dropped);
    assert_eq!(bad.child_ids_on_screen_only, vec!["1".to_string()]);
    // ...and never serialised.
    let json = serde_json::to_string(&got).unwrap();
    assert!(!json.contains("child_ids"), "{json}");
}

#[test]
fn nothing_identifying_is_serialised() {
    let got = plain();
    let json = serde_json::to_string(&got).unwrap();
    for needle in [
        "\"101\"",
        "\"102\"",
        "03/04/2012",
        "2012-04-03",
        "AB1",
        "AB12CD",
        "\"A1\"",
        "EF3",
    ] {
        assert!(!json.contains(needle), "{needle} in {json}");
    }
    // Age kept in months only: 7 years 0 months at entry.
    assert_eq!(got.children[0].periods[0].age_at_entry_months, Some(84));
}
