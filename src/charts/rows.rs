//! The numbers behind a chart as table columns and rows of text. Pure.

use engine::metrics::Unit;
use engine::report::Stat;

use super::Series;
use crate::format;

/// Column headings and rows of text.
pub type Table = (Vec<String>, Vec<Vec<String>>);

const ONE_SERIES: [&str; 9] = [
    "Month",
    "Median",
    "10th percentile",
    "90th percentile",
    "25th percentile",
    "75th percentile",
    "5th percentile",
    "95th percentile",
    "Mean",
];

/// One row per month. A single series gets every percentile and the mean; several series
/// get the median, 10th and 90th percentile of each. A `difference`'s figures are read as
/// differences (of shares, in points).
pub fn fan_table(unit: Unit, months: &[String], series: &[Series], difference: bool) -> Table {
    let cell = |s: Option<&Stat>, f: fn(&Stat) -> f64| match s {
        Some(s) if difference => format::change_precise(unit, f(s)),
        Some(s) => format::value_precise(unit, f(s)),
        None => format::MISSING.to_string(),
    };
    if series.len() == 1 {
        let columns = ONE_SERIES.iter().map(|c| c.to_string()).collect();
        let s = &series[0];
        let rows = months
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let st = s.stats.get(i);
                vec![
                    format::month_short(m),
                    cell(st, |s| s.p50),
                    cell(st, |s| s.p10),
                    cell(st, |s| s.p90),
                    cell(st, |s| s.p25),
                    cell(st, |s| s.p75),
                    cell(st, |s| s.p5),
                    cell(st, |s| s.p95),
                    cell(st, |s| s.mean),
                ]
            })
            .collect();
        return (columns, rows);
    }
    let mut columns = vec!["Month".to_string()];
    for s in series {
        columns.push(format!("{}: median", s.label));
        columns.push(format!("{}: 10th percentile", s.label));
        columns.push(format!("{}: 90th percentile", s.label));
    }
    let rows = months
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let mut row = vec![format::month_short(m)];
            for s in series {
                let st = s.stats.get(i);
                row.extend([
                    cell(st, |s| s.p50),
                    cell(st, |s| s.p10),
                    cell(st, |s| s.p90),
                ]);
            }
            row
        })
        .collect();
    (columns, rows)
}

/// One row per month: each layer's value and the total.
pub fn stacked_table(unit: Unit, months: &[String], layers: &[(String, Vec<f64>)]) -> Table {
    let mut columns = vec!["Month".to_string()];
    columns.extend(layers.iter().map(|(l, _)| l.clone()));
    columns.push("Total".into());
    let rows = months
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let mut row = vec![format::month_short(m)];
            let mut total = 0.0;
            for (_, v) in layers {
                match v.get(i) {
                    Some(x) => {
                        if x.is_finite() {
                            total += x;
                        }
                        row.push(format::value_precise(unit, *x));
                    }
                    None => row.push(format::MISSING.into()),
                }
            }
            row.push(format::value_precise(unit, total));
            row
        })
        .collect();
    (columns, rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::test_data::months;

    fn stat(m: f64) -> Stat {
        Stat {
            mean: m,
            p5: m - 3.0,
            p10: m - 2.0,
            p25: m - 1.0,
            p50: m,
            p75: m + 1.0,
            p90: m + 2.0,
            p95: m + 3.0,
            ..Default::default()
        }
    }

    #[test]
    fn one_series_has_every_percentile() {
        let s = Series {
            label: "Baseline".into(),
            stats: vec![stat(10.0)],
        };
        let (cols, rows) = fan_table(Unit::Children, &months(2), &[s], false);
        assert_eq!(cols.len(), 9);
        assert_eq!(
            rows[0],
            ["Jul 2020", "10.0", "8.0", "12.0", "9.0", "11.0", "7.0", "13.0", "10.0"]
        );
        assert_eq!(rows[1][1], format::MISSING);
    }

    #[test]
    fn several_series_get_median_and_80_percent_range() {
        let a = Series {
            label: "A".into(),
            stats: vec![stat(0.5)],
        };
        let b = Series {
            label: "B".into(),
            stats: vec![stat(0.25)],
        };
        let (cols, rows) = fan_table(Unit::BasisPoints, &months(1), &[a, b], false);
        assert_eq!(
            cols,
            [
                "Month",
                "A: median",
                "A: 10th percentile",
                "A: 90th percentile",
                "B: median",
                "B: 10th percentile",
                "B: 90th percentile"
            ]
        );
        assert_eq!(rows[0][1], "50.00%");
        assert_eq!(rows[0][4], "25.00%");
    }

    #[test]
    fn stacked_rows_total() {
        let layers = vec![
            ("Foster".to_string(), vec![1.0, 2.0]),
            ("Homes".to_string(), vec![3.0]),
        ];
        let (cols, rows) = stacked_table(Unit::Children, &months(2), &layers);
        assert_eq!(cols, ["Month", "Foster", "Homes", "Total"]);
        assert_eq!(rows[0], ["Jul 2020", "1.0", "3.0", "4.0"]);
        assert_eq!(rows[1], ["Aug 2020", "2.0", format::MISSING, "2.0"]);
    }
}
