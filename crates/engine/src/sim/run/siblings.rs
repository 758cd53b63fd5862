//! Sibling groups at the month end, kept cheap: each group's ids as a span recorded as its
//! children join it (so finding a child's brothers and sisters does not scan their
//! neighbours), and the month end's counts (`tally::Siblings`) kept group by group, so the
//! month end recounts only the groups that changed since the last (a child of theirs
//! placed, moved, out of care, or into a new age band). `Simulator::siblings` recounts
//! every group; `check_invariants` compares the two at every month end of a checked run.

use super::tally::{Living, Siblings, Units};
use super::*;

/// Child `id` has moved into a new age band: its sibling group is recounted at the month
/// end if the band can change its counts, that is if the group was split when last
/// counted (its children apart are counted by band). A group together then, and not
/// touched since, still is (only a placement, an arrival or a departure changes that, and
/// each touches the group), so its counts stand.
#[inline]
pub(super) fn touch_if_split(units: &mut Units, children: &Children, id: u32) {
    let g = children.get(id as usize).map_or(NO_GROUP, |c| c.group);
    if units.counted.get(g as usize).is_some_and(|c| c.split != 0) {
        touch(units, g);
    }
}

/// Sibling group `g` (`NO_GROUP`: none) has changed (a child of it placed, moved or out of
/// care): it is recounted at the month end.
#[inline]
pub(super) fn touch(units: &mut Units, g: u32) {
    if let Some(t) = units.touched.get_mut(g as usize) {
        if !*t {
            *t = true;
            units.touched_list.push(g);
        }
    }
}

/// The tables by sibling group grown to hold group `g`: by doubling, not group by group
/// (a run joins hundreds of new groups). The entries past the last group joined are as if
/// absent (no span, nothing counted, not touched) until their group's first child joins,
/// and nothing reads them before (a child's group is set only by `join_group`).
#[cold]
#[inline(never)]
fn grow_groups(u: &mut Units, g: u32) {
    let n = (g as usize + 1).max(2 * u.spans.len()).max(64);
    u.spans.resize(n, (0, 0));
    u.counted.resize(n, Siblings::default());
    u.touched.resize(n, false);
}

impl Siblings {
    /// A group's counts replaced: `old`'s taken away and `new`'s added, field by field
    /// (plain additions and subtractions, which the compiler does two at a time).
    fn replace(&mut self, old: &Siblings, new: &Siblings) {
        self.groups += new.groups - old.groups;
        self.split += new.split - old.split;
        self.apart += new.apart - old.apart;
        self.apart_below_need += new.apart_below_need - old.apart_below_need;
        for ((a, o), n) in self
            .apart_below_need_by_age
            .iter_mut()
            .zip(&old.apart_below_need_by_age)
            .zip(&new.apart_below_need_by_age)
        {
            *a += n - o;
        }
    }
}

impl<'m> Simulator<'m> {
    /// Child `id`, just admitted (its id the last), joins sibling group `g` (`NO_GROUP`:
    /// none). A group's children are admitted one after another, so its ids are a span.
    /// Inlined in its two callers (admission and start-up), the tables' growth kept apart.
    #[inline(always)]
    pub(super) fn join_group(&mut self, id: u32, g: u32) {
        self.children[id as usize].group = g;
        if g == NO_GROUP {
            return;
        }
        if self.counts.units.spans.len() <= g as usize {
            grow_groups(&mut self.counts.units, g);
        }
        let u = &mut self.counts.units;
        let span = &mut u.spans[g as usize];
        if span.0 == span.1 {
            // Alone so far: nothing to recount (see `Units::touched`).
            *span = (id, id + 1);
            u.touched[g as usize] = true;
        } else {
            debug_assert_eq!(span.1, id, "a sibling group's ids are consecutive");
            span.1 = id + 1;
            if span.1 - span.0 == 2 {
                // Now a sibling group: registered, and recounted at the month end (from
                // now on whenever it changes).
                u.groups.push(span.0);
                u.touched_list.push(g);
            }
        }
    }

    /// `with_sibling`, answered on the spot for a child with no brothers or sisters (most
    /// children), without the call.
    #[inline]
    pub(super) fn lives_with_sibling(&self, id: u32) -> bool {
        self.children
            .get(id as usize)
            .is_some_and(|c| c.group != NO_GROUP)
            && self.with_sibling(id)
    }

    /// `group_ids` of child `id` in group `g` by scanning its neighbours' groups (for a
    /// group whose span was not recorded).
    #[cold]
    pub(super) fn group_ids_scan(&self, id: u32, g: u32) -> std::ops::Range<u32> {
        let same = |i: u32| self.children.get(i as usize).is_some_and(|c| c.group == g);
        let (mut lo, mut hi) = (id, id + 1);
        while lo > 0 && same(lo - 1) {
            lo -= 1;
        }
        while same(hi) {
            hi += 1;
        }
        lo..hi
    }

    /// The month end's sibling counts (`Siblings`, as `siblings` counts them): the groups
    /// changed since the last month end recounted, their old counts replaced.
    pub(super) fn count_siblings(&mut self) {
        let mut list = std::mem::take(&mut self.counts.units.touched_list);
        let mut total = std::mem::take(&mut self.counts.tally.siblings);
        for &g in &list {
            let (first, end) = self.counts.units.spans[g as usize];
            let now = self.group_siblings(first..end);
            let u = &mut self.counts.units;
            u.touched[g as usize] = false;
            total.replace(&u.counted[g as usize], &now);
            u.counted[g as usize] = now;
        }
        list.clear();
        self.counts.units.touched_list = list;
        self.counts.tally.siblings = total;
    }

    /// What the sibling group of children `ids` adds to `Siblings` now (see `siblings`).
    /// The group's records are read as one slice (those of its ids that exist), so each
    /// child costs no bounds check.
    fn group_siblings(&self, ids: std::ops::Range<u32>) -> Siblings {
        let mut out = Siblings::default();
        let keep = self.model.scenario.matching.keep_siblings_together;
        let marks = &self.counts.marks;
        // Where child `s` (in care) lives, as `living` says, from its record.
        let living = |s: usize, c: &Child| -> Option<Living> {
            match c.place {
                Place::Nowhere => None,
                Place::Market(t) if !t.is_matchable() => None,
                Place::Household(h) => Some(Living::Household(h)),
                Place::Home(h) => Some(Living::Home(h)),
                Place::Market(_) => Some(Living::Unit(marks.get(s).map_or(0, |k| k.unit))),
            }
        };
        let n = self.children.len();
        let from = (ids.start as usize).min(n);
        let to = (ids.end as usize).clamp(from, n);
        let in_care = || {
            (from..)
                .zip(&self.children[from..to])
                .filter(|(_, c)| c.in_care)
        };
        let (mut placed, mut first, mut split) = (0, None, false);
        for (s, c) in in_care() {
            if let Some(l) = living(s, c) {
                placed += 1;
                match first {
                    None => first = Some(l),
                    Some(f) => split |= l != f,
                }
            }
        }
        if placed < 2 {
            return out;
        }
        out.groups = 1;
        if !split {
            return out;
        }
        out.split = 1;
        for (s, c) in in_care() {
            if living(s, c).is_none() {
                continue;
            }
            out.apart += 1;
            let counted = c.gap_pref.is_some_and(GapFlags::in_gap);
            if keep && !counted {
                let band = marks.get(s).map_or(0, |k| k.band as usize);
                out.apart_below_need += 1;
                out.apart_below_need_by_age[band.min(AgeBand::COUNT - 1)] += 1;
            }
        }
        out
    }
}
