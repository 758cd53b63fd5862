//! The model's invariants, checked at every month end of `Simulator::run_checked` (tests):
//! capacity never exceeded, every child in care in exactly one placement, the open
//! households listed as they are, and the counts kept as children move equal to a recount.

use super::*;

impl<'m> Simulator<'m> {
    /// Capacity is never exceeded, every child in care has exactly one placement, and the
    /// books balance.
    pub fn check_invariants(&self, m: usize) -> Result<(), String> {
        let mut in_households = 0usize;
        self.households.check()?;
        for (i, h) in self.households.iter().enumerate() {
            if h.n + h.staying_put > h.places {
                return Err(format!(
                    "household {i} holds {} + {} staying put in {} places",
                    h.n, h.staying_put, h.places
                ));
            }
            if h.active {
                for &c in &h.children[..h.n as usize] {
                    if self.children[c as usize].place != Place::Household(i as u32) {
                        return Err(format!("household {i} lists child {c} who lives elsewhere"));
                    }
                }
                in_households += h.n as usize;
            } else if h.n > 0 {
                return Err(format!("household {i} has left but still holds children"));
            }
        }
        let unusable: i64 = self
            .households
            .iter()
            .zip(&self.turnover.unusable)
            .filter(|(h, _)| h.active)
            .map(|(_, u)| *u as i64)
            .sum();
        if unusable != self.turnover.unusable_total
            || self.turnover.unusable.len() != self.households.len()
        {
            return Err(format!(
                "{} unusable places counted, {unusable} in the active households",
                self.turnover.unusable_total
            ));
        }
        for (i, h) in self.capacity.homes.iter().enumerate() {
            if h.occupied > h.usable || h.usable > h.beds {
                return Err(format!(
                    "home {i}: {} children in {} usable beds",
                    h.occupied, h.usable
                ));
            }
            if h.occupied > 0 && h.open_month as usize > m {
                return Err(format!("home {i} is used before it opens"));
            }
        }
        let e = &self.model.months[m];
        let markets = &self.model.scenario.markets;
        let limits = [
            (PlacementType::Ifa, markets.ifa.limit.unwrap_or(u32::MAX)),
            (
                PlacementType::ExternalResidential,
                markets.external_residential.limit.unwrap_or(u32::MAX),
            ),
            (PlacementType::SupportedAccommodation, e.supported_places),
        ];
        for (t, limit) in limits {
            if self.capacity.markets[t.index()] > limit {
                return Err(format!(
                    "{} holds {} children over its limit of {limit}",
                    t.label(),
                    self.capacity.markets[t.index()]
                ));
            }
        }
        // Lever-priced supported places: exactly as many as the market's own limit is
        // exceeded by.
        let sa = PlacementType::SupportedAccommodation.index();
        let over = self.capacity.markets[sa].saturating_sub(self.model.supported_base_limit);
        if self.books.occ[CAT_SUPPORTED_LEVER] != over
            || self.books.occ[sa] + self.books.occ[CAT_SUPPORTED_LEVER] != self.capacity.markets[sa]
        {
            return Err(format!(
                "supported accommodation: {} children, {} beyond the market's limit, {} priced \
                 at the lever's rate and {} at the market's",
                self.capacity.markets[sa],
                over,
                self.books.occ[CAT_SUPPORTED_LEVER],
                self.books.occ[sa]
            ));
        }
        let mut counted = [0u32; PlacementType::COUNT];
        let mut in_household_places = 0usize;
        let end = tally::end_of(m as i64);
        for &id in &self.children.active {
            let c = &self.children[id as usize];
            if !c.in_care {
                return Err(format!("child {id} is listed as in care but has left"));
            }
            // Everyone leaves care by 18 (a stay is at least a day, so one entering just
            // before 18 may stay a day past it).
            if end - c.birth > MAX_AGE_DAYS + 1.0 + 1e-6 {
                return Err(format!(
                    "child {id} is in care aged {:.2}",
                    c.age_years(end)
                ));
            }
            match c.place {
                Place::Nowhere => return Err(format!("child {id} is in care with no placement")),
                Place::Market(t) => counted[t.index()] += 1,
                Place::Household(_) => in_household_places += 1,
                Place::Home(_) => {}
            }
        }
        if in_household_places != in_households {
            return Err(format!("{in_household_places} children placed in households, households hold {in_households}"));
        }
        for t in PlacementType::ALL {
            if matches!(
                t,
                PlacementType::InHouseFoster | PlacementType::InHouseResidential
            ) {
                continue;
            }
            if counted[t.index()] != self.capacity.markets[t.index()] {
                return Err(format!(
                    "{}: {} children counted, {} booked",
                    t.label(),
                    counted[t.index()],
                    self.capacity.markets[t.index()]
                ));
            }
        }
        let scanned = self.scan(end);
        if scanned != self.counts.tally {
            return Err(format!(
                "month-end counts drifted: kept {:?}, recounted {:?}",
                self.counts.tally, scanned
            ));
        }
        let row = &self.months[m];
        if row.iter().any(|v| *v < 0) {
            return Err("a metric is negative".into());
        }
        Ok(())
    }
}
