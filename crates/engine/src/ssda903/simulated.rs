//! SSDA903 returns of a borough simulated by the engine's own model: the histories a run
//! recorded (`sim::history`) turned into children with made-up ids, dates of birth and
//! home postcodes (one per sibling group), and written by [`super::write::returns`] in the
//! real format. So the parameter-recovery tests fit the model's own output.
//!
//! What the model does not hold is made up plainly: sex alternates by child (the model has
//! none); placement providers follow the placement type (`write`); a child's placements on
//! one day are one placement (the last of the day); the first placement starts on the day
//! the child came into care (a starting child's earlier placements are not recorded).
//! Special guardianship is written with the code the fit reads: an order to former foster
//! carers (E46) for a child whose foster household became their guardians on leaving
//! fostering, to other carers (E47, or E45 from family and friends care) for the route.

use super::date::Date;
use super::synthetic::{postcode, SynthChild, SynthPeriod, SynthPlacement};
use super::write::{returns, ReturnFile};
use crate::sim::history::{ChildRecord, HistoryRecorder};
use crate::types::{ExitRoute, PlacementType};

/// The REC code of a child's exit: special guardianship as an order to former foster
/// carers other than relatives or friends (E46) when the child's foster household stopped
/// fostering and took it (a conversion); to former foster carers who are relatives or
/// friends (E45) from a family and friends placement; to other carers (E47) otherwise
/// (`write` writes E43 and E44 before 2019).
fn rec_of(c: &ChildRecord) -> &'static str {
    let Some((_, route)) = c.left else {
        return "";
    };
    let last = c.placements.last().map(|p| p.1);
    match route {
        ExitRoute::ReturnHome => "E13",
        ExitRoute::SpecialGuardianship if c.converted => "E46",
        ExitRoute::SpecialGuardianship if last == Some(PlacementType::ConnectedPerson) => "E45",
        ExitRoute::SpecialGuardianship => "E47",
        ExitRoute::Adoption => "E11",
        ExitRoute::Age18 if c.stayed_put => "E17",
        ExitRoute::Age18 => "E6",
    }
}

/// The recorded children as the returns' children: day 0 of the run is `day0`. Children
/// still in care at the end of the run are open (their end is after any return).
pub fn children(h: &HistoryRecorder, day0: Date) -> Vec<SynthChild> {
    let day = |t: f64| day0.add_days(libm::floor(t) as i32);
    let mut out = Vec::with_capacity(h.children.len());
    for (id, c) in h.children.iter().enumerate() {
        let start = day(c.entered);
        let mut placements: Vec<SynthPlacement> = Vec::with_capacity(c.placements.len());
        for &(t, kind) in &c.placements {
            let s = day(t).max(start);
            match placements.last_mut() {
                Some(last) if last.start == s => last.kind = kind,
                _ => placements.push(SynthPlacement { kind, start: s }),
            }
        }
        match placements.first_mut() {
            Some(first) => first.start = start,
            None => placements.push(SynthPlacement {
                kind: PlacementType::Emergency,
                start,
            }),
        }
        let (end, rec) = match c.left {
            Some((t, _)) => (day(t).max(start.add_days(1)), rec_of(c)),
            None => (Date(i32::MAX), ""),
        };
        placements.retain(|p| p.start < end);
        // A group's postcode is shared by its children; a starting child's is their own.
        let post = match c.group {
            Some(g) => postcode(u64::from(g)),
            None => postcode(1_000_000 + id as u64),
        };
        out.push(SynthChild {
            id: format!("{}", 500_000 + id * 3),
            female: id % 2 == 1,
            dob: day(c.birth),
            period: SynthPeriod {
                start,
                end,
                rec,
                placements,
                home_post: post,
            },
        });
    }
    out
}

/// The returns of collection years `first..first + years` of a recorded run whose day 0
/// is `day0`.
pub fn write_returns(h: &HistoryRecorder, day0: Date, first: i32, years: u32) -> Vec<ReturnFile> {
    returns(&children(h, day0), first, years)
}
