//! The calendar: [`YearMonth`], a calendar month that knows its name and its financial
//! year, and [`FinancialYear`], April to March (`2024/25`, shown `FY2024/25`), the year
//! council budgets are set for. The model, the reports and the app count months and
//! financial years with these.

use std::fmt;
use std::str::FromStr;

use crate::types::MONTH_NAMES;

/// A calendar month of a year, e.g. July 2020 (`2020-07`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    /// Months since January of year 0 (so that ordering and arithmetic are plain).
    count: i64,
}

impl YearMonth {
    /// Month `month` (1 = January .. 12 = December) of `year`; `None` for another month.
    pub fn new(year: i32, month: u32) -> Option<YearMonth> {
        (1..=12)
            .contains(&month)
            .then(|| YearMonth::from_count(year as i64 * 12 + month as i64 - 1))
    }

    /// The month `count` months after January of year 0.
    pub fn from_count(count: i64) -> YearMonth {
        YearMonth { count }
    }

    /// This month's year.
    pub fn year(self) -> i32 {
        self.count.div_euclid(12) as i32
    }

    /// 1 = January .. 12 = December.
    pub fn month(self) -> u32 {
        self.month_index() as u32 + 1
    }

    /// 0 = January .. 11 = December (an index into twelve monthly values).
    pub fn month_index(self) -> usize {
        self.count.rem_euclid(12) as usize
    }

    /// The month's name, "July".
    pub fn name(self) -> &'static str {
        MONTH_NAMES[self.month_index()]
    }

    /// The month `n` months later (earlier when negative).
    pub fn plus_months(self, n: i64) -> YearMonth {
        YearMonth::from_count(self.count + n)
    }

    /// This month and the `n - 1` after it.
    pub fn months(self, n: usize) -> impl Iterator<Item = YearMonth> {
        (0..n as i64).map(move |m| self.plus_months(m))
    }

    /// The financial year (April to March) this month falls in.
    pub fn financial_year(self) -> FinancialYear {
        let year = self.year();
        FinancialYear::starting(if self.month() >= 4 { year } else { year - 1 })
    }
}

/// `2020-07`.
impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{:02}", self.year(), self.month())
    }
}

/// Why a text is not a `YYYY-MM` month.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonthError(pub String);

impl fmt::Display for MonthError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "'{}' is not a month written YYYY-MM", self.0)
    }
}

impl std::error::Error for MonthError {}

/// Reads `2020-07` (surrounding spaces allowed).
impl FromStr for YearMonth {
    type Err = MonthError;
    fn from_str(text: &str) -> Result<YearMonth, MonthError> {
        let fail = || MonthError(text.to_string());
        let (y, m) = text.trim().split_once('-').ok_or_else(fail)?;
        let year: i32 = y.parse().map_err(|_| fail())?;
        let month: u32 = m.parse().map_err(|_| fail())?;
        YearMonth::new(year, month).ok_or_else(fail)
    }
}

/// A financial year, April to March.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FinancialYear {
    start_year: i32,
}

impl FinancialYear {
    /// The financial year from April of `year` to March of the next.
    pub fn starting(year: i32) -> FinancialYear {
        FinancialYear { start_year: year }
    }

    pub fn start_year(self) -> i32 {
        self.start_year
    }

    /// `2024/25`: the key reports and results use for the year.
    pub fn label(self) -> String {
        format!(
            "{}/{:02}",
            self.start_year,
            (self.start_year + 1).rem_euclid(100)
        )
    }

    /// Its first month, April.
    pub fn first_month(self) -> YearMonth {
        YearMonth::from_count(self.start_year as i64 * 12 + 3)
    }
}

/// `FY2024/25`.
impl fmt::Display for FinancialYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "FY{}", self.label())
    }
}

/// The financial years `months` touch, in order, with how many of the months fall in each.
pub fn months_per_financial_year(
    months: impl IntoIterator<Item = YearMonth>,
) -> Vec<(FinancialYear, usize)> {
    let mut out: Vec<(FinancialYear, usize)> = vec![];
    for m in months {
        let fy = m.financial_year();
        match out.last_mut() {
            Some((last, n)) if *last == fy => *n += 1,
            _ => out.push((fy, 1)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_count_across_years() {
        let july = YearMonth::new(2020, 7).unwrap();
        assert_eq!(july.to_string(), "2020-07");
        assert_eq!(
            (july.year(), july.month(), july.month_index()),
            (2020, 7, 6)
        );
        assert_eq!(july.name(), "July");
        assert_eq!(july.plus_months(6).to_string(), "2021-01");
        assert_eq!(july.plus_months(-7).to_string(), "2019-12");
        assert_eq!("2020-07".parse::<YearMonth>(), Ok(july));
        assert_eq!(" 2020-7 ".parse::<YearMonth>(), Ok(july));
        for bad in ["2020-13", "2020-00", "July 2020", "2020", ""] {
            assert!(bad.parse::<YearMonth>().is_err(), "{bad}");
        }
        assert!(YearMonth::new(2020, 0).is_none());
        let labels: Vec<String> = july.months(3).map(|m| m.to_string()).collect();
        assert_eq!(labels, ["2020-07", "2020-08", "2020-09"]);
    }

    #[test]
    fn financial_years_run_april_to_march() {
        let fy = |y, m| YearMonth::new(y, m).unwrap().financial_year();
        assert_eq!(fy(2024, 4).label(), "2024/25");
        assert_eq!(fy(2025, 3).label(), "2024/25");
        assert_eq!(fy(2025, 3).to_string(), "FY2024/25");
        assert_eq!(fy(2024, 3).label(), "2023/24");
        assert_eq!(fy(1999, 4).label(), "1999/00");
        assert_eq!(fy(2024, 12).first_month().to_string(), "2024-04");
        let start = YearMonth::new(2020, 7).unwrap();
        let years: Vec<(String, usize)> = months_per_financial_year(start.months(24))
            .into_iter()
            .map(|(y, n)| (y.label(), n))
            .collect();
        assert_eq!(
            years,
            [
                ("2020/21".to_string(), 9),
                ("2021/22".to_string(), 12),
                ("2022/23".to_string(), 3)
            ]
        );
    }
}
