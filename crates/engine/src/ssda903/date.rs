//! Calendar dates for the SSDA903 import: a plain count of days since 1970-01-01 (no time
//! zone, no clock), parsed from the return's `dd/mm/yyyy` or ISO `yyyy-mm-dd` text, with the
//! April-March collection year every return is organised by.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A calendar day, counted from 1970-01-01 (day 0). Ordered, hashable and serialised as
/// that number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Date(pub i32);

/// Earliest and latest years a return's date may carry: anything outside is a typing error.
pub const MIN_YEAR: i32 = 1900;
pub const MAX_YEAR: i32 = 2200;

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// Days in month `m` (1-12) of year `y`.
pub fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        _ => 28,
    }
}

/// Whole calendar months from the one starting on `first` to the one ending by `last`.
pub fn months_between(first: Date, last: Date) -> u32 {
    let (y0, m0, _) = first.ymd();
    let (y1, m1, d1) = last.ymd();
    let mut n = (y1 - y0) * 12 + m1 as i32 - m0 as i32;
    if d1 == days_in_month(y1, m1) {
        n += 1;
    }
    n.max(0) as u32
}

/// The (year, month) `k` months after month `m` of year `y`.
pub fn add_months(y: i32, m: u32, k: u32) -> (i32, u32) {
    let total = y * 12 + m as i32 - 1 + k as i32;
    (total.div_euclid(12), total.rem_euclid(12) as u32 + 1)
}

impl Date {
    /// The date of year `y`, month `m` (1-12), day `d`; `None` unless it exists and the
    /// year is within [`MIN_YEAR`, `MAX_YEAR`].
    pub fn from_ymd(y: i32, m: u32, d: u32) -> Option<Date> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&y) || !(1..=12).contains(&m) {
            return None;
        }
        if d == 0 || d > days_in_month(y, m) {
            return None;
        }
        // Days from civil (H. Hinnant's algorithm), exact for the proleptic Gregorian calendar.
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = m as i32;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i32 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Some(Date(era * 146_097 + doe - 719_468))
    }

    /// Year, month (1-12) and day of the month.
    pub fn ymd(self) -> (i32, u32, u32) {
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let y = yoe + era * 400 + i32::from(m <= 2);
        (y, m, d)
    }

    pub fn year(self) -> i32 {
        self.ymd().0
    }

    pub fn month(self) -> u32 {
        self.ymd().1
    }

    /// This date moved by `days` (negative moves back).
    pub fn add_days(self, days: i32) -> Date {
        Date(self.0.saturating_add(days))
    }

    /// Days from `earlier` to this date (negative when `earlier` is later).
    pub fn days_since(self, earlier: Date) -> i32 {
        self.0.saturating_sub(earlier.0)
    }

    /// The year in which the April-March collection year holding this date starts:
    /// 2017 for any date from 1 April 2017 to 31 March 2018.
    pub fn collection_year(self) -> i32 {
        let (y, m, _) = self.ymd();
        if m >= 4 {
            y
        } else {
            y - 1
        }
    }

    /// 31 March that closes collection year `start` (the return "`start`/`start+1`").
    pub fn collection_year_end(start: i32) -> Option<Date> {
        Date::from_ymd(start.checked_add(1)?, 3, 31)
    }

    /// Whole calendar months from `earlier` to this date (a month is complete on the same
    /// day of the month; 31 January to 28 February is 0 months). Negative if reversed.
    pub fn whole_months_since(self, earlier: Date) -> i32 {
        if self < earlier {
            return -earlier.whole_months_since(self);
        }
        let (y1, m1, d1) = earlier.ymd();
        let (y2, m2, d2) = self.ymd();
        let mut months = (y2 - y1) * 12 + m2 as i32 - m1 as i32;
        if d2 < d1 {
            months -= 1;
        }
        months
    }

    /// Parses a return's date: `dd/mm/yyyy` (also `d/m/yyyy`, `-` or `.` separators) or ISO
    /// `yyyy-mm-dd`, optionally followed by a time (`2019-03-31 00:00:00`, `...T00:00`),
    /// which is ignored. `None` for anything else or for a date that does not exist.
    pub fn parse(text: &str) -> Option<Date> {
        let text = text.trim();
        let date_part = text.split([' ', 'T']).next().unwrap_or("");
        if date_part.len() > 10 {
            return None;
        }
        let parts: Vec<&str> = date_part.split(['/', '-', '.']).collect();
        if parts.len() != 3 || parts.iter().any(|p| p.is_empty() || p.len() > 4) {
            return None;
        }
        let num = |s: &str| -> Option<u32> {
            if s.bytes().all(|b| b.is_ascii_digit()) {
                s.parse().ok()
            } else {
                None
            }
        };
        let (a, b, c) = (num(parts[0])?, num(parts[1])?, num(parts[2])?);
        if parts[0].len() == 4 {
            Date::from_ymd(a as i32, b, c)
        } else if parts[2].len() == 4 {
            Date::from_ymd(c as i32, b, a)
        } else {
            None
        }
    }
}

impl fmt::Display for Date {
    /// ISO form, `yyyy-mm-dd`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_known_days() {
        assert_eq!(Date::from_ymd(1970, 1, 1), Some(Date(0)));
        assert_eq!(Date::from_ymd(2000, 3, 1), Some(Date(11_017)));
        let mut d = Date::from_ymd(1900, 1, 1).unwrap();
        let end = Date::from_ymd(2101, 1, 1).unwrap();
        while d < end {
            let (y, m, dd) = d.ymd();
            assert_eq!(Date::from_ymd(y, m, dd), Some(d));
            d = d.add_days(1);
        }
    }

    #[test]
    fn parses_return_formats() {
        let want = Date::from_ymd(2018, 3, 9);
        assert_eq!(Date::parse("09/03/2018"), want);
        assert_eq!(Date::parse("9/3/2018"), want);
        assert_eq!(Date::parse("2018-03-09"), want);
        assert_eq!(Date::parse(" 2018-03-09 00:00:00 "), want);
        assert_eq!(Date::parse("2018-03-09T00:00"), want);
        assert_eq!(Date::parse("29/02/2019"), None);
        assert_eq!(Date::parse("29/02/2020"), Date::from_ymd(2020, 2, 29));
        for bad in [
            "",
            "31/04/2018",
            "2018/13/01",
            "1/1/18",
            "abc",
            "01/01/+201",
            "1/1/1/2000",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn collection_years_and_months() {
        let d = |s| Date::parse(s).unwrap();
        assert_eq!(d("31/03/2018").collection_year(), 2017);
        assert_eq!(d("01/04/2018").collection_year(), 2018);
        assert_eq!(Date::collection_year_end(2017), Some(d("31/03/2018")));
        assert_eq!(d("28/02/2018").whole_months_since(d("31/01/2018")), 0);
        assert_eq!(d("01/03/2018").whole_months_since(d("31/01/2018")), 1);
        assert_eq!(d("15/06/2020").whole_months_since(d("15/06/2010")), 120);
        assert_eq!(d("14/06/2020").whole_months_since(d("15/06/2010")), 119);
        assert_eq!(d("2018-04-01").to_string(), "2018-04-01");
    }
}
