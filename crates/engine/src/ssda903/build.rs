//! Assembling the histories: each child's stitched episodes cut into periods of care and
//! placements, codes read through the placement table and the REC categories (noting
//! unknown codes and codes used outside their years), sex and age from the latest header,
//! and sibling groups from children who started care the same day from the same home
//! postcode. Identifiers are used here and dropped before anything is returned.

use super::codes::{is_known_rne, out_of_year, ExitCategory, PlacementMap, Sex};
use super::date::Date;
use super::history::{ChildHistory, PeriodOfCare, Placement};
use super::quality::{code_detail, position, Action, FileReport, Reason};
use super::stitch::{End, Episode};
use super::table::HeaderRow;
use std::collections::{BTreeMap, HashMap};

/// Builds every child's history. `years[f]` is file `f`'s return year (`None` if unknown).
pub fn histories(
    stitched: BTreeMap<(String, String), Vec<Episode>>,
    headers: Vec<HeaderRow>,
    years: &[Option<i32>],
    observed_from: Option<Date>,
    map: &PlacementMap,
    reports: &mut [FileReport],
) -> (Vec<ChildHistory>, String) {
    let year = |f: usize| years.get(f).copied().flatten();
    // Header tables have no LA column: a header row belongs to the child of that id.
    let ids: std::collections::HashSet<&str> = stitched.keys().map(|(_, c)| c.as_str()).collect();
    let mut by_child: HashMap<String, Vec<HeaderRow>> = HashMap::new();
    for h in headers {
        if !ids.contains(h.child.as_str()) {
            if let Some(r) = reports.get_mut(h.file) {
                r.record(Reason::NoEpisodes, Action::Noted, "", &h.child);
            }
            continue;
        }
        by_child.entry(h.child.clone()).or_default().push(h);
    }
    let mut out: Vec<(Date, ChildHistory, Vec<String>)> = Vec::with_capacity(stitched.len());
    for ((_, child), eps) in stitched {
        let rows: Vec<&HeaderRow> = by_child
            .get(&child)
            .map_or(Vec::new(), |v| v.iter().collect());
        let (sex, dob, uasc) = header_of(&child, rows, &eps, &year, reports);
        let (periods, posts) = periods_of(&eps, dob, observed_from, map, reports);
        if dob.is_some_and(|d| periods.iter().any(|p| d > p.start)) {
            if let Some(e) = eps.first() {
                if let Some(r) = reports.get_mut(e.row.file) {
                    r.record(Reason::BadDob, Action::Noted, "after DECOM", &child);
                }
            }
        }
        let first = periods.first().map_or(Date(i32::MAX), |p| p.start);
        out.push((first, ChildHistory { sex, uasc, periods }, posts));
    }
    out.sort_by_key(|(first, _, _)| *first);
    let note = siblings(&mut out);
    (out.into_iter().map(|(_, c, _)| c).collect(), note)
}

/// Sex, date of birth and UASC flag from the child's header rows (the latest return's
/// header first, then a UASC row), noting conflicts and codes.
fn header_of(
    child: &str,
    mut rows: Vec<&HeaderRow>,
    eps: &[Episode],
    year: &impl Fn(usize) -> Option<i32>,
    reports: &mut [FileReport],
) -> (Sex, Option<Date>, bool) {
    let uasc = rows.iter().any(|h| h.uasc);
    // The latest return's row (the last file, the last row, on a tie).
    rows.sort_by_key(|h| (year(h.file), h.file));
    let Some(best) = rows.pop() else {
        if let Some(r) = eps.first().and_then(|e| reports.get_mut(e.row.file)) {
            r.record(Reason::NoHeader, Action::Noted, "", child);
        }
        return (Sex::Unknown, None, uasc);
    };
    let mut best = best.clone();
    // A DOB missing from the latest row is taken from the latest row that has one.
    if best.dob.is_none() {
        if let Some(older) = rows.iter().rev().find(|h| h.dob.is_some()) {
            best.dob = older.dob;
            if let Some(r) = reports.get_mut(best.file) {
                r.record(
                    Reason::BadDob,
                    Action::Repaired,
                    "filled from an older return",
                    child,
                );
            }
        }
    }
    for other in &rows {
        let mut conflict = |col: &str| {
            if let Some(r) = reports.get_mut(other.file) {
                r.record(Reason::HeaderConflict, Action::Repaired, col, child);
            }
        };
        if other.dob.is_some() && other.dob != best.dob {
            conflict("DOB");
        }
        if !other.sex.is_empty() && Sex::parse(&other.sex) != Sex::parse(&best.sex) {
            conflict("SEX");
        }
    }
    let report = reports.get_mut(best.file);
    let sex = Sex::parse(&best.sex).unwrap_or(Sex::Unknown);
    if let Some(r) = report {
        if !Sex::is_valid_code(&best.sex) {
            r.record(
                Reason::UnknownSex,
                Action::Noted,
                &code_detail(&best.sex),
                child,
            );
        } else if let Some(detail) = year(best.file).and_then(|y| out_of_year(&best.sex, y)) {
            r.record(Reason::CodeOutOfYear, Action::Noted, detail, child);
        }
        if best.dob.is_none() {
            r.record(
                Reason::BadDob,
                Action::Noted,
                "missing or unreadable",
                child,
            );
        }
        r.rows_used += 1;
    }
    (sex, best.dob, uasc)
}

/// Cuts stitched episodes into periods and placements; also returns each period's home
/// postcode (for the sibling heuristic, dropped afterwards).
fn periods_of(
    eps: &[Episode],
    dob: Option<Date>,
    observed_from: Option<Date>,
    map: &PlacementMap,
    reports: &mut [FileReport],
) -> (Vec<PeriodOfCare>, Vec<String>) {
    let mut periods: Vec<PeriodOfCare> = Vec::new();
    let mut posts = Vec::new();
    let mut open = false;
    for e in eps {
        let row = &e.row;
        let Some(report) = reports.get_mut(row.file) else {
            continue;
        };
        report.rows_used += 1;
        let at = position(report.table, row.line);
        let (kind, known) = map.classify(&row.place, &row.provider);
        if !known {
            report.record_example(
                Reason::UnknownPlace,
                Action::Noted,
                &code_detail(&row.place),
                &row.child,
                at.clone(),
            );
        }
        if !is_known_rne(&row.rne) {
            report.record_example(
                Reason::UnknownRne,
                Action::Noted,
                &code_detail(&row.rne),
                &row.child,
                at.clone(),
            );
        }
        if e.year != i32::MIN {
            for code in [&row.place, &row.rec] {
                if let Some(detail) = out_of_year(code, e.year) {
                    report.record(Reason::CodeOutOfYear, Action::Noted, detail, &row.child);
                }
            }
        }
        if !open {
            let truncated = observed_from.is_some_and(|from| row.decom < from);
            if row.rne != "S" {
                let detail = if truncated {
                    "began before the earliest return: its start is not known".to_string()
                } else {
                    code_detail(&row.rne)
                };
                report.record(Reason::PeriodStartNotS, Action::Noted, &detail, &row.child);
            }
            if periods.last().and_then(|p| p.end) == Some(row.decom) {
                report.record(Reason::SameDayReentry, Action::Noted, "", &row.child);
            }
            let age = dob
                .filter(|d| *d <= row.decom)
                .map(|d| row.decom.whole_months_since(d).max(0) as u32);
            periods.push(PeriodOfCare {
                start: row.decom,
                start_observed: row.rne == "S" || !truncated,
                end: None,
                age_at_entry_months: age,
                exit: None,
                exit_code: String::new(),
                sibling_group: None,
                placements: Vec::new(),
            });
            posts.push(row.home_post.clone());
            open = true;
        }
        let Some(period) = periods.last_mut() else {
            continue;
        };
        let moved = matches!(row.rne.as_str(), "P" | "T");
        let same = period
            .placements
            .last()
            .is_some_and(|p| !moved && p.place == row.place && p.provider == row.provider);
        if !same {
            if let Some(p) = period.placements.last_mut() {
                p.end = Some(row.decom);
            }
            period.placements.push(Placement {
                kind,
                place: row.place.clone(),
                provider: row.provider.clone(),
                start: row.decom,
                end: None,
                reason_for_change: String::new(),
            });
        }
        if let Some(p) = period.placements.last_mut() {
            // The reason recorded on the episode that closes a placement by a move.
            p.reason_for_change = row.reason_change.clone();
        }
        if let End::LeavesCare(d, rec) = &e.end {
            let exit = if rec.is_empty() {
                ExitCategory::Unknown
            } else {
                ExitCategory::of_rec(rec).unwrap_or_else(|| {
                    report.record_example(
                        Reason::UnknownRec,
                        Action::Noted,
                        &code_detail(rec),
                        &row.child,
                        at.clone(),
                    );
                    ExitCategory::Other
                })
            };
            period.end = Some(*d);
            period.exit = Some(exit);
            period.exit_code = rec.clone();
            if let Some(p) = period.placements.last_mut() {
                p.end = Some(*d);
                p.reason_for_change.clear();
            }
            open = false;
        }
    }
    (periods, posts)
}

/// Numbers periods that started the same day from the same home postcode as another
/// child's; returns the assumption to report.
fn siblings(out: &mut [(Date, ChildHistory, Vec<String>)]) -> String {
    let mut groups: BTreeMap<(Date, String), Vec<(usize, usize)>> = BTreeMap::new();
    let mut with_post = 0usize;
    for (c, (_, child, posts)) in out.iter().enumerate() {
        for (p, period) in child.periods.iter().enumerate() {
            if let Some(post) = posts.get(p).filter(|s| !s.is_empty()) {
                with_post += 1;
                groups
                    .entry((period.start, post.clone()))
                    .or_default()
                    .push((c, p));
            }
        }
    }
    let mut number = 0u32;
    let mut grouped = 0usize;
    for members in groups.values() {
        if members.len() < 2 {
            continue;
        }
        number += 1;
        grouped += members.len();
        for &(c, p) in members {
            out[c].1.periods[p].sibling_group = Some(number);
        }
    }
    sibling_note(with_post, grouped, number)
}

/// The sibling heuristic's result in words: how many periods had a home postcode, and how
/// many of them were found in how many groups (saying plainly when none were).
fn sibling_note(with_post: usize, grouped: usize, groups: u32) -> String {
    let periods = |n: usize| format!("{n} period{} of care", if n == 1 { "" } else { "s" });
    if with_post == 0 {
        return "siblings are found from children who started care on the same day with the same home postcode (HOME_POST), \
                but no period of care has a home postcode, so no sibling groups were found"
            .into();
    }
    if groups == 0 {
        return format!(
            "siblings are found from children who started care on the same day with the same home postcode: {} {} a home postcode, \
             but none shared a postcode and a start date with another child's, so no sibling groups were found",
            periods(with_post),
            if with_post == 1 { "has" } else { "have" }
        );
    }
    format!(
        "siblings inferred from children who started care on the same day with the same home postcode: \
         {grouped} of the {} with a home postcode ({:.1}%) in {groups} group{}",
        periods(with_post),
        100.0 * grouped as f64 / with_post as f64,
        if groups == 1 { "" } else { "s" }
    )
}
