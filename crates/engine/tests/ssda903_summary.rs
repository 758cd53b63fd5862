//! The observed history (children in care by placement type and age band, admissions and
//! exits per month) of a one-year hand-written return (`tests/fixtures/ssda903/summary/`),
//! against values worked out by hand:
//!
//! | child | born       | in care                  | placements                 | exit |
//! |-------|------------|--------------------------|----------------------------|------|
//! | A     | 15/01/2015 | 01/04/2019 -             | U4 PR1, U5 PR4 from 01/07  | -    |
//! | B     | 10/06/2003 | 20/05/2019 - 30/11/2019  | K2 PR4                     | E17  |
//! | C     | 01/02/2010 | 15/06/2019 - 30/06/2019  | P1                         | E13  |
//! | D     | 01/03/2019 | 15/06/2019 -             | U1 PR1                     | -    |
//! | E     | (no header)| 03/08/2019 -             | H5 PR4                     | -    |

use engine::ssda903::summary::{in_care_on, months, observed};
use engine::ssda903::{import_dir, Date, ExitCategory, ImportOptions, PlacementKind};
use engine::types::{AgeBand, PlacementType as T};
use std::path::PathBuf;

fn d(s: &str) -> Date {
    Date::parse(s).expect("a date")
}

fn load() -> engine::ssda903::Import {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ssda903/summary");
    import_dir(&dir, &ImportOptions::default()).expect("fixture folder")
}

#[test]
fn snapshots_by_placement_and_age() {
    let i = load();
    assert_eq!(i.report.children, 5, "{}", i.report);

    // 30 June: C left that day (not counted). A is 4y5m (1-4), B 16y0m (16+), D 3 months.
    let s = in_care_on(&i.children, d("30/06/2019"));
    assert_eq!(s.in_care, 3);
    assert_eq!(s.placement_type(T::InHouseFoster), 1);
    assert_eq!(s.placement_type(T::ExternalResidential), 1);
    assert_eq!(s.placement_type(T::ConnectedPerson), 1);
    assert_eq!(s.by_placement.iter().sum::<usize>(), 3);
    assert_eq!(s.age_band(AgeBand::Under1), 1);
    assert_eq!(s.age_band(AgeBand::OneToFour), 1);
    assert_eq!(s.age_band(AgeBand::SixteenPlus), 1);
    assert_eq!(s.age_unknown, 0);

    // 29 June: C is in care too (placed with parents, aged 9).
    let s = in_care_on(&i.children, d("29/06/2019"));
    assert_eq!(s.in_care, 4);
    assert_eq!(s.placement_type(T::PlacedWithParents), 1);
    assert_eq!(s.age_band(AgeBand::FiveToNine), 1);

    // 31 August: A has moved to an agency carer; E arrived (age unknown).
    let s = in_care_on(&i.children, d("31/08/2019"));
    assert_eq!(s.in_care, 4);
    assert_eq!(s.placement_type(T::Ifa), 1);
    assert_eq!(s.placement_type(T::InHouseFoster), 0);
    assert_eq!(s.placement_type(T::SupportedAccommodation), 1);
    assert_eq!(s.placement(PlacementKind::Other), 0);
    assert_eq!(s.age_unknown, 1);
    assert_eq!(s.by_age_band.iter().sum::<usize>() + s.age_unknown, 4);

    // Before anyone: empty.
    assert_eq!(in_care_on(&i.children, d("31/03/2019")).in_care, 0);
}

#[test]
fn admissions_and_exits_per_month() {
    let i = load();
    let m = observed(&i);
    assert_eq!(m.len(), 12, "April 2019 to March 2020");
    assert_eq!((m[0].year, m[0].month), (2019, 4));
    assert_eq!((m[11].year, m[11].month), (2020, 3));
    let admissions: Vec<usize> = m.iter().map(|x| x.admissions).collect();
    let exits: Vec<usize> = m.iter().map(|x| x.exits).collect();
    let at_end: Vec<usize> = m.iter().map(|x| x.end.in_care).collect();
    assert_eq!(admissions, vec![1, 1, 2, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
    assert_eq!(exits, vec![0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0]);
    assert_eq!(at_end, vec![1, 2, 3, 3, 4, 4, 4, 3, 3, 3, 3, 3]);
    let k = |c: ExitCategory| ExitCategory::ALL.iter().position(|x| *x == c).unwrap();
    assert_eq!(m[2].exits_by_category[k(ExitCategory::ReturnHome)], 1);
    assert_eq!(m[7].exits_by_category[k(ExitCategory::Adulthood)], 1);
    // Stock and flows agree: each month-end count is the last plus admissions minus exits.
    let mut stock = 0i64;
    for x in &m {
        stock += x.admissions as i64 - x.exits as i64;
        assert_eq!(stock, x.end.in_care as i64);
    }
    // A window outside the data, and a reversed one.
    assert!(months(&i.children, d("01/01/2021"), d("01/01/2020")).is_empty());
    let later = months(&i.children, d("01/04/2020"), d("30/04/2020"));
    assert_eq!(
        (later.len(), later[0].admissions, later[0].end.in_care),
        (1, 0, 3)
    );
}
