//! Stitching one child's episodes from several annual returns into one consistent
//! sequence, after the public multi-year rules for SSDA903 episodes (liia-tools'
//! "episodes fix"), with every change counted in the report of the file the row came from:
//!
//! - the same episode (CHILD, DECOM) in several returns: the latest return's version is
//!   kept (an episode open in one return is usually closed in the next);
//! - an open episode in a return older than the latest: rule 3 (a duplicate of a neighbour
//!   with another start date: dropped), 3A (replaced by an earlier-starting episode sent in
//!   a later return: dropped), 2 (nothing after it: the child left care at that return's
//!   year end, exit unknown), 1A (a new period follows: closed the day before, or at the
//!   year end), 1 (closed X1 when the next episode starts);
//! - rule 4: an episode running past the next one's start ends at that start; rule 5: X1
//!   followed by a gap is bridged to the next start, unless the next starts a new period
//!   (RNE S), when the period ends there with the exit unknown.
//!
//! Returns are identified by their collection year (2017 for 2017/18).

use super::date::Date;
use super::quality::{Action, FileReport, Reason};
use super::table::EpisodeRow;

/// How an episode ends after stitching.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum End {
    /// Still open at the end of the data.
    Open,
    /// Closed; the period continues with the next episode (X1).
    Continues(Date),
    /// Closed and the period of care ends, with the REC code ("" when not recorded).
    LeavesCare(Date, String),
}

/// A stitched episode: the row and how it ends.
#[derive(Clone, Debug)]
pub struct Episode {
    pub row: EpisodeRow,
    pub year: i32,
    pub end: End,
}

fn same_except_start(a: &EpisodeRow, b: &EpisodeRow) -> bool {
    a.decom != b.decom
        && a.rne == b.rne
        && a.ls == b.ls
        && a.place == b.place
        && a.provider == b.provider
        && a.pl_post == b.pl_post
        && a.urn == b.urn
}

/// One child's rows (any order, any returns) stitched into episodes sorted by start.
/// Each row's `year` is its return's; `latest` the latest return year loaded.
pub fn stitch(mut rows: Vec<EpisodeRow>, latest: i32, reports: &mut [FileReport]) -> Vec<Episode> {
    // Latest return first within a start date, then the last file, then its last row.
    let mut rows: Vec<(usize, EpisodeRow)> = rows.drain(..).enumerate().collect();
    rows.sort_by(|(ia, a), (ib, b)| {
        a.decom
            .cmp(&b.decom)
            .then(b.year.cmp(&a.year))
            .then(b.file.cmp(&a.file))
            .then(ib.cmp(ia))
    });
    let mut eps: Vec<Episode> = Vec::with_capacity(rows.len());
    for (_, row) in rows {
        let year = row.year;
        if let Some(kept) = eps.last().filter(|e| e.row.decom == row.decom) {
            let (reason, action) = if kept.year > year {
                (Reason::RepeatedInLaterReturn, Action::Merged)
            } else {
                (Reason::DuplicateInReturn, Action::Dropped)
            };
            if let Some(r) = reports.get_mut(row.file) {
                r.record(reason, action, "", &row.child);
            }
            continue;
        }
        eps.push(Episode {
            row,
            year,
            end: End::Open,
        });
    }
    stage_one(&mut eps, latest, reports);
    stage_two(&mut eps, reports);
    eps
}

fn record(
    reports: &mut [FileReport],
    row: &EpisodeRow,
    reason: Reason,
    action: Action,
    detail: &str,
) {
    if let Some(r) = reports.get_mut(row.file) {
        r.record(reason, action, detail, &row.child);
    }
}

/// Rules 3, 3A, 2, 1A and 1 for episodes left open in a return older than the latest.
fn stage_one(eps: &mut Vec<Episode>, latest: i32, reports: &mut [FileReport]) {
    let n = eps.len();
    let mut drop = vec![false; n];
    let mut new_end: Vec<Option<End>> = vec![None; n];
    for i in 0..n {
        let e = &eps[i];
        if e.row.dec.is_some() || e.year >= latest {
            continue;
        }
        let prev = i.checked_sub(1).map(|p| &eps[p]);
        let next = eps.get(i + 1);
        let year_end = Date::collection_year_end(e.year)
            .unwrap_or(e.row.decom)
            .max(e.row.decom);
        let duplicate = next.is_some_and(|x| same_except_start(&x.row, &e.row))
            || prev.is_some_and(|x| same_except_start(&x.row, &e.row));
        let (reason, end) = if duplicate {
            (Reason::OpenDuplicate, None)
        } else if prev.is_some_and(|p| p.year > e.year) {
            (Reason::ReplacedInLaterReturn, None)
        } else if let Some(next) = next {
            if next.row.rne == "S" {
                let before = next.row.decom.add_days(-1).max(e.row.decom);
                (
                    Reason::OpenClosedBeforeReentry,
                    Some(End::LeavesCare(before.min(year_end), String::new())),
                )
            } else {
                (
                    Reason::OpenClosedByNext,
                    Some(End::Continues(next.row.decom)),
                )
            }
        } else {
            (
                Reason::OpenClosedAtYearEnd,
                Some(End::LeavesCare(year_end, String::new())),
            )
        };
        let action = if end.is_some() {
            Action::Repaired
        } else {
            Action::Dropped
        };
        record(reports, &e.row, reason, action, "");
        match end {
            Some(end) => new_end[i] = Some(end),
            None => drop[i] = true,
        }
    }
    let mut k = 0;
    eps.retain_mut(|e| {
        let keep = !drop[k];
        if let Some(end) = new_end[k].take() {
            e.end = end;
        }
        k += 1;
        keep
    });
}

/// Ends every episode from its DEC and REC, then rules 4 and 5 and the other checks that
/// need the next episode.
fn stage_two(eps: &mut [Episode], reports: &mut [FileReport]) {
    for i in 0..eps.len() {
        let next = eps
            .get(i + 1)
            .map(|x| (x.row.decom, x.row.rne == "S", x.year));
        let e = &mut eps[i];
        if e.end == End::Open {
            if let Some(dec) = e.row.dec {
                e.end = if e.row.rec == "X1" {
                    End::Continues(dec)
                } else {
                    End::LeavesCare(dec, e.row.rec.clone())
                };
            }
        }
        let later = |y: i32| {
            if y > e.year {
                "next episode from a later return"
            } else {
                "within the returns"
            }
        };
        match (&e.end, next) {
            (End::Open, Some((start, _, _))) => {
                record(
                    reports,
                    &e.row,
                    Reason::Overlap,
                    Action::Repaired,
                    "open episode followed by another",
                );
                e.end = End::Continues(start);
            }
            (End::Continues(d) | End::LeavesCare(d, _), Some((start, _, y))) if *d > start => {
                let detail = later(y);
                record(reports, &e.row, Reason::Overlap, Action::Repaired, detail);
                e.end = match &e.end {
                    End::LeavesCare(_, rec) => End::LeavesCare(start, rec.clone()),
                    _ => End::Continues(start),
                };
            }
            (End::Continues(d), Some((start, new_period, y))) if *d < start => {
                if new_period {
                    record(
                        reports,
                        &e.row,
                        Reason::X1EndsPeriod,
                        Action::Repaired,
                        "next episode starts a new period (RNE S)",
                    );
                    e.end = End::LeavesCare(*d, String::new());
                } else {
                    let detail = later(y);
                    record(
                        reports,
                        &e.row,
                        Reason::GapAfterX1,
                        Action::Repaired,
                        detail,
                    );
                    e.end = End::Continues(start);
                }
            }
            (End::Continues(d), None) => {
                record(
                    reports,
                    &e.row,
                    Reason::X1EndsPeriod,
                    Action::Repaired,
                    "last episode of the child",
                );
                e.end = End::LeavesCare(*d, String::new());
            }
            _ => {}
        }
        if let (End::LeavesCare(d, rec), next) = (&e.end, next) {
            if rec.is_empty() && e.row.dec.is_some() && e.row.rec.is_empty() {
                let d = *d;
                if next.is_some_and(|(start, s, _)| start == d && !s) {
                    record(
                        reports,
                        &e.row,
                        Reason::MissingRec,
                        Action::Repaired,
                        "read as X1: the next episode starts the same day",
                    );
                    e.end = End::Continues(d);
                } else {
                    record(
                        reports,
                        &e.row,
                        Reason::MissingRec,
                        Action::Repaired,
                        "period ends, exit unknown",
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(file: usize, decom: &str, rne: &str, place: &str, dec: &str, rec: &str) -> EpisodeRow {
        EpisodeRow {
            child: "A".into(),
            decom: Date::parse(decom).unwrap(),
            rne: rne.into(),
            ls: "C2".into(),
            place: place.into(),
            provider: "PR1".into(),
            dec: Date::parse(dec),
            rec: rec.into(),
            reason_change: String::new(),
            home_post: String::new(),
            pl_post: String::new(),
            urn: String::new(),
            file,
            line: 0,
            year: 2017 + file as i32,
            year_column: None,
            la: String::new(),
        }
    }

    #[test]
    fn later_return_closes_an_open_episode() {
        let mut reports = vec![FileReport::new("a"), FileReport::new("b")];
        let rows = vec![
            row(0, "2017-05-01", "S", "U4", "", ""),
            row(1, "2017-05-01", "S", "U4", "2018-06-01", "E13"),
        ];
        let eps = stitch(rows, 2018, &mut reports);
        assert_eq!(eps.len(), 1);
        assert_eq!(
            eps[0].end,
            End::LeavesCare(Date::parse("2018-06-01").unwrap(), "E13".into())
        );
        assert_eq!(reports[0].count(Reason::RepeatedInLaterReturn), 1);
    }
}
