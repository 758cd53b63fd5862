//! The month end: placement costs booked from the month's child-days, homes' running
//! costs, the month's counts written into its row; and the financial-year totals at the
//! end of a run.

use super::*;

/// Cost categories: one per placement type, then supported places bought by a lever and
/// children with Fostering Plus carers (fee uplift).
pub(super) const CAT_SUPPORTED_LEVER: usize = PlacementType::COUNT;
pub(super) const CAT_PLUS: usize = PlacementType::COUNT + 1;
pub(super) const CATEGORIES: usize = PlacementType::COUNT + 2;

/// The month's books: costs booked so far (by metric), and the children in each cost
/// category with their child-days.
pub(super) struct Books {
    pub cost: [f64; metrics::COUNT],
    pub occ: [u32; CATEGORIES],
    /// Child-days of the current month in each cost category, counting every current
    /// occupant up to the month's end (an arrival adds the rest of the month, a departure
    /// takes it away), so a change costs O(1) whatever the number of categories.
    pub child_days: [f64; CATEGORIES],
}

impl Default for Books {
    fn default() -> Books {
        Books {
            cost: [0.0; metrics::COUNT],
            occ: [0; CATEGORIES],
            child_days: [0.0; CATEGORIES],
        }
    }
}

impl Books {
    pub fn clear(&mut self) {
        *self = Books::default();
    }
}

/// `v.round() as i64` for `v >= 0` (a cost), without the call to `round` (no rounding
/// instruction in the baseline x86-64 target): the whole part, and one more if the fraction
/// is a half or over. The fraction `v - trunc(v)` is exact (below 2^52 both parts fit
/// the mantissa; from 2^52 up `v` is whole and it is 0), and beyond `i64` both saturate.
#[inline]
fn round_nonneg(v: f64) -> i64 {
    let whole = v as i64;
    whole.saturating_add((v - whole as f64 >= 0.5) as i64)
}

impl<'m> Simulator<'m> {
    pub(super) fn end_month(&mut self, m: usize) {
        self.book_costs();
        let e = &self.model.months[m];
        let mut home_cost = 0.0;
        for h in &self.capacity.homes {
            if h.open_month as usize <= m {
                home_cost += h.weekly_cost * e.inflation * DAYS_PER_MONTH / 7.0;
            }
        }
        self.books.cost[metrics::COST_HOMES] += home_cost;

        self.run_checks(m);
        let row = &mut self.months[m];
        self.counts.tally.write(row);
        let moved3 = self.counts.tally.moved3;
        let in_care = row[metrics::IN_CARE];
        if in_care > 0 {
            row[metrics::MOVES3_SHARE] = (moved3 * 10_000 + in_care / 2) / in_care;
            let in_house = row[metrics::BY_TYPE + PlacementType::InHouseFoster.index()]
                + row[metrics::BY_TYPE + PlacementType::ConnectedPerson.index()]
                + row[metrics::BY_TYPE + PlacementType::InHouseResidential.index()];
            row[metrics::IN_HOUSE_SHARE] = (in_house * 10_000 + in_care / 2) / in_care;
        }
        // Households' places: every child placed in one fills one (a household holds no
        // more than its usable places, so the vacancies are what is left, with the places
        // that cannot be used for a full-time placement).
        let filled = self.counts.tally.by_type[PlacementType::InHouseFoster.index()];
        let unusable = self.turnover.unusable_total;
        row[metrics::HOUSEHOLDS] += self.households.active;
        row[metrics::PLACES] += self.households.places + unusable;
        row[metrics::FILLED] += filled;
        row[metrics::VACANT] +=
            self.households.places + unusable - filled - self.households.staying_put;
        row[metrics::STAYING_PUT] += self.households.staying_put;
        for h in &self.capacity.homes {
            if h.open_month as usize <= m {
                row[metrics::RES_BEDS_FILLED] += h.occupied as i64;
                row[metrics::RES_BEDS_EMPTY] += (h.beds - h.occupied) as i64;
            }
        }
        let mut total = 0.0;
        for (r, c) in row[metrics::COST_BY_TYPE..]
            .iter_mut()
            .zip(&self.books.cost[metrics::COST_BY_TYPE..])
        {
            let v = c.max(0.0);
            *r = round_nonneg(v);
            total += v;
        }
        row[metrics::COST] = round_nonneg(total);
        self.books.cost = [0.0; metrics::COUNT];
    }

    pub(super) fn close_years(&mut self) {
        let n = self.model.fin_year_labels.len();
        self.years.cost.clear();
        self.years.cost.resize(n, 0.0);
        self.years.budget.clear();
        self.years
            .budget
            .extend_from_slice(&self.model.fin_year_budget);
        for (m, row) in self.months.iter().enumerate() {
            self.years.cost[self.model.fin_year[m]] += row[metrics::COST] as f64;
        }
    }

    /// Book the month's placement costs from the child-days of each category.
    pub(super) fn book_costs(&mut self) {
        let e = &self.model.months[self.month];
        let w = &self.model.scenario.costs.weekly;
        for kind in PlacementType::ALL {
            let weekly = match kind {
                PlacementType::Ifa => w.ifa * e.ifa_price,
                PlacementType::ExternalResidential => w.external_residential * e.residential_price,
                k => w.get(k),
            };
            let mut cost = weekly * self.books.child_days[kind.index()];
            if kind == PlacementType::SupportedAccommodation {
                cost += e.supported_price * self.books.child_days[CAT_SUPPORTED_LEVER];
            }
            self.books.cost[metrics::COST_BY_TYPE + kind.index()] += cost * e.inflation / 7.0;
        }
        self.books.cost[metrics::COST_FEE_UPLIFT] +=
            e.fee_uplift * e.inflation * self.books.child_days[CAT_PLUS] / 7.0;
        // Next month starts with everyone in place for the whole month.
        for (d, n) in self.books.child_days.iter_mut().zip(self.books.occ) {
            *d = n as f64 * DAYS_PER_MONTH;
        }
    }

    pub(super) fn count_at(&mut self, t: f64, metric: usize) {
        let m = (t / DAYS_PER_MONTH) as usize;
        if m < self.months.len() {
            self.months[m][metric] += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::round_nonneg;

    /// As `f64::round` for costs: halves, just under and over them, large and huge values.
    #[test]
    fn round_nonneg_is_round() {
        let mut vals = vec![
            0.0,
            0.5,
            1.5,
            2.5,
            0.49999999999999994,
            1e15 + 0.5,
            4503599627370495.5,
        ];
        vals.extend([
            2f64.powi(52),
            2f64.powi(53) + 2.0,
            9.3e18,
            f64::MAX,
            f64::INFINITY,
        ]);
        for i in 0..20_000 {
            let v = (i as f64) * 0.25 + (i as f64).sqrt() * 1e-3;
            vals.extend([v, v * 1234.5678, f64::from_bits(v.to_bits() + 1)]);
        }
        for v in vals {
            assert_eq!(round_nonneg(v), v.round() as i64, "{v}");
        }
    }
}
