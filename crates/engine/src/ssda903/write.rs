//! Writing SSDA903 returns in the real format: for each collection year an episodes table
//! (`CHILD, DECOM, RNE, LS, CIN, PLACE, PLACE_PROVIDER, DEC, REC, REASON_PLACE_CHANGE,
//! HOME_POST, PL_POST, URN`, dates dd/mm/yyyy) holding every episode open at some point of
//! the year (those still open on 31 March without DEC and REC, and repeated in the next
//! return), and a header table (`CHILD, SEX, DOB, ETHNIC, UPN, MOTHER, MC_DOB`) of the
//! children in it. The codes follow the years: SEX 1/2 until 2023/24 and M/F after;
//! supported accommodation H5 until 2023/24 and K3 after; special guardianship E45-E48 from
//! 2019/20 and before it E43 (to former foster carers: E45, E46) or E44 (to other carers:
//! E47, E48); other placements Z1 until 2024/25 and Z14 after.

use super::date::Date;
use super::synthetic::{simulate, SynthChild, SynthPlacement, SyntheticBorough};
use crate::types::PlacementType;

/// One written file: its name (`2019-episodes.csv`) and text.
pub type ReturnFile = (String, String);

fn dmy(d: Date) -> String {
    let (y, m, day) = d.ymd();
    format!("{day:02}/{m:02}/{y:04}")
}

/// PLACE and PLACE_PROVIDER of a placement type, in a return of collection year `year`.
fn codes(t: PlacementType, year: i32) -> (&'static str, &'static str) {
    match t {
        PlacementType::InHouseFoster => ("U4", "PR1"),
        PlacementType::ConnectedPerson => ("U1", "PR1"),
        PlacementType::Ifa => ("U4", "PR4"),
        PlacementType::InHouseResidential => ("K2", "PR1"),
        PlacementType::ExternalResidential => ("K2", "PR4"),
        PlacementType::SupportedAccommodation if year >= 2024 => ("K3", "PR4"),
        PlacementType::SupportedAccommodation => ("H5", "PR4"),
        PlacementType::PlacedWithParents => ("P1", "PR0"),
        PlacementType::PlacedForAdoption => ("A4", "PR1"),
        PlacementType::Emergency if year >= 2025 => ("Z14", "PR4"),
        PlacementType::Emergency => ("Z1", "PR4"),
    }
}

/// The REC code as written in a return of `year` (special guardianship E43 to former
/// foster carers and E44 to others until 2018/19).
fn rec_in(rec: &str, year: i32) -> &str {
    match rec {
        "E45" | "E46" if year < 2019 => "E43",
        "E47" | "E48" if year < 2019 => "E44",
        _ => rec,
    }
}

/// The benchmark borough's returns: ten annual returns (2014/15 to 2023/24) of the
/// [`SyntheticBorough::example`] borough with `groups_per_month` sibling groups a month
/// (32: about 1,500 children in care, ~28,500 episode rows), seed 1. One writer for the
/// engine's benchmark (`benches/ssda903.rs`) and the browser's (`examples/ssda903_returns.rs`).
pub fn benchmark_returns(groups_per_month: f64) -> (SyntheticBorough, Vec<ReturnFile>) {
    let b = SyntheticBorough {
        years: 10,
        first_year: 2014,
        groups_per_month,
        ..SyntheticBorough::example()
    };
    let files = returns(&simulate(&b, 1), b.first_year, b.years);
    (b, files)
}

/// Writes the returns of collection years `first..first + years` from `children`.
pub fn returns(children: &[SynthChild], first: i32, years: u32) -> Vec<ReturnFile> {
    let mut out = Vec::new();
    for year in first..first + years as i32 {
        let (Some(from), Some(to)) = (Date::from_ymd(year, 4, 1), Date::collection_year_end(year))
        else {
            continue;
        };
        let mut episodes = String::from(
            "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n",
        );
        let mut header = String::from("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n");
        for (n, c) in children.iter().enumerate() {
            let p = &c.period;
            if p.start > to || p.end < from {
                continue;
            }
            let mut any = false;
            for (i, pl) in p.placements.iter().enumerate() {
                let next: Option<&SynthPlacement> = p.placements.get(i + 1);
                let end = next.map_or(p.end, |n| n.start);
                if pl.start > to || end < from {
                    continue;
                }
                any = true;
                let (place, provider) = codes(pl.kind, year);
                let (dec, rec, reason) = if end > to {
                    (String::new(), "", "")
                } else if next.is_some() {
                    (dmy(end), "X1", "CHILD")
                } else {
                    (dmy(end), rec_in(p.rec, year), "")
                };
                let urn = if matches!(place, "K2") {
                    format!("SC{:06}", 100 + n % 50)
                } else {
                    String::new()
                };
                episodes.push_str(&format!(
                    "{},{},{},C2,N1,{place},{provider},{dec},{rec},{reason},{},ZZ9 {}AA,{urn}\n",
                    c.id,
                    dmy(pl.start),
                    if i == 0 { "S" } else { "P" },
                    p.home_post,
                    n % 10,
                ));
            }
            if any {
                let sex = match (c.female, year >= 2024) {
                    (false, false) => "1",
                    (true, false) => "2",
                    (false, true) => "M",
                    (true, true) => "F",
                };
                header.push_str(&format!(
                    "{},{sex},{},WBRI,Z{:012},,\n",
                    c.id,
                    dmy(c.dob),
                    n * 13 + 1
                ));
            }
        }
        out.push((format!("{year}-episodes.csv"), episodes));
        out.push((format!("{year}-header.csv"), header));
    }
    out
}
