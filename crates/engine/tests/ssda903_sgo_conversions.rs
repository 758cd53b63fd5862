//! Special guardianship orders to former foster carers, on a small hand-written return
//! (2018/19 with E43/E44, 2019/20 with E45-E48): those from the council's own foster care
//! are the carers' conversions, kept out of the special guardianship route and giving
//! `fostering.sgo_conversion_share` (conversions per child-year in in-house foster care
//! over the base scenario's rate of households leaving); the others stay in the route.

use engine::defaults::default_scenario;
use engine::ssda903::date::Date;
use engine::ssda903::fit::conversions::leaving_rate;
use engine::ssda903::fit::{apply, fit, FitGroup, FitOptions};
use engine::ssda903::{import, ImportOptions, InputFile};

/// One child: id, start, PLACE, PLACE_PROVIDER, end and REC ("" while in care).
type Row = (
    u32,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

const STAYERS: u32 = 30;

fn rows() -> Vec<Row> {
    let mut rows: Vec<Row> = vec![
        // Conversions: own foster carers (PR1) became special guardians.
        (1001, "01/05/2018", "U4", "PR1", "15/10/2018", "E43"),
        (1002, "01/06/2019", "U5", "PR1", "01/12/2019", "E46"),
        (1003, "01/05/2019", "U4", "PR1", "10/01/2020", "E45"),
        (1004, "01/05/2019", "U4", "PR1", "10/01/2020", "E45"),
        // To former foster carers, but agency and family and friends carers: the route's.
        (1005, "01/05/2019", "U4", "PR4", "10/01/2020", "E46"),
        (1006, "01/05/2019", "U1", "PR1", "10/02/2020", "E45"),
        // To other carers, and a child arrangements order: the route's.
        (1007, "01/05/2018", "U4", "PR1", "01/02/2019", "E44"),
        (1008, "01/05/2019", "U5", "PR1", "01/03/2020", "E47"),
        (1009, "01/05/2019", "U4", "PR4", "01/03/2020", "E41"),
    ];
    for i in 0..STAYERS {
        rows.push((2000 + i, "01/04/2018", "U4", "PR1", "", ""));
    }
    rows
}

fn date(dmy: &str) -> Date {
    let p: Vec<i32> = dmy.split('/').map(|x| x.parse().unwrap()).collect();
    Date::from_ymd(p[2], p[1] as u32, p[0] as u32).unwrap()
}

/// The 2018/19 and 2019/20 returns of [`rows`].
fn returns() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for year in [2018, 2019] {
        let (from, to) = (
            Date::from_ymd(year, 4, 1).unwrap(),
            Date::collection_year_end(year).unwrap(),
        );
        let mut eps = String::from(
            "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n",
        );
        let mut head = String::from("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n");
        for (id, start, place, provider, end, rec) in rows() {
            let ends = (!end.is_empty()).then(|| date(end));
            if date(start) > to || ends.is_some_and(|e| e < from) {
                continue;
            }
            let (dec, rec) = match ends {
                Some(e) if e <= to => (end, rec),
                _ => ("", ""),
            };
            // 1003 and 1004 are brothers (same day, same home).
            let post = if id == 1004 { 1003 } else { id };
            eps.push_str(&format!(
                "{id},{start},S,C2,N1,{place},{provider},{dec},{rec},,ZZ1 {post},,\n"
            ));
            head.push_str(&format!("{id},1,01/01/2012,WBRI,,,\n"));
        }
        out.push((format!("{year}-episodes.csv"), eps));
        out.push((format!("{year}-header.csv"), head));
    }
    out
}

#[test]
fn orders_to_own_foster_carers_give_the_conversion_share_not_the_route() {
    let imported = import(
        &InputFile::from_texts(&returns()),
        &ImportOptions::default(),
    );
    assert!(
        imported.report.errors().next().is_none(),
        "{}",
        imported.report
    );
    let options = FitOptions {
        window_years: 2,
        ..FitOptions::default()
    };
    let base = default_scenario();
    let f = fit(&imported, &base, &options, &mut |_, _| {}).expect("fit");
    println!("{}", f.report);
    let c = &f.conversions;
    assert_eq!((c.sgo, c.cao), (8, 1), "{c:?}");
    assert_eq!((c.conversions, c.days, c.former_other), (4, 3, 2), "{c:?}");

    // Child-days in the council's own foster care in the window (to 31 March 2020).
    let as_at = date("31/03/2020");
    let mut days = STAYERS as i32 * as_at.days_since(date("01/04/2018"));
    for (id, start, place, provider, end, _) in rows() {
        if id < 2000 && provider == "PR1" && place != "U1" {
            days += date(end).days_since(date(start));
        }
    }
    let years = f64::from(days) / 365.25;
    assert!(
        (c.in_house_years - years).abs() < 1e-9,
        "{} {years}",
        c.in_house_years
    );
    let share = 4.0 / years / leaving_rate(&base.fostering);
    let v = f
        .report
        .value("fostering.sgo_conversion_share")
        .expect("fitted");
    assert!((v.value - share).abs() < 1e-12, "{} {share}", v.value);
    assert_eq!(f.scenario.fostering.sgo_conversion_share, v.value);
    assert_eq!(v.group, FitGroup::Exits);
    // Three households' worth: 1 + 1 + 2 children, so sqrt(1 + 1 + 4).
    let se = 6f64.sqrt() / years / leaving_rate(&base.fostering);
    assert!((v.std_error.unwrap() - se).abs() < 1e-12);
    assert!(v
        .source
        .contains("divided by the base scenario's rate of foster households leaving"));

    // The route sees the other five (E46 agency, E45 family and friends, E44, E47, E41);
    // the four conversions count as in care until they left.
    assert_eq!(f.exits.route_exits[1], 5);
    let note = f
        .report
        .notes
        .iter()
        .find(|n| n.starts_with("special guardianship:"))
        .expect("the special guardianship note");
    assert!(note.contains("8 special guardianship orders ended a period of care in the window, and 1 child arrangements orders"), "{note}");
    assert!(note.contains("4 of the orders (on 3 days"), "{note}");
    assert!(
        note.contains("2 went to former foster carers in other placements"),
        "{note}"
    );
    assert!(note.contains("and 2 to other carers"), "{note}");

    // Accepting the exits takes the share with them.
    let applied = apply(&base, &f.scenario, &[FitGroup::Exits]);
    assert_eq!(applied.fostering.sgo_conversion_share, v.value);
}
