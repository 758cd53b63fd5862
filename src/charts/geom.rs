//! What a fan or stacked chart draws, as SVG path strings in a [`Frame`]: pure, so the
//! shapes are tested natively and the components only lay them out.

use engine::metrics::Unit;
use engine::report::Stat;

use super::layout::Frame;
use super::path::{band_path, line_path};
use super::Series;

/// The full fan of the first (main) series.
#[derive(Clone, Debug, PartialEq)]
pub struct MainFan {
    /// 5th-95th percentile band (lightest).
    pub band_5_95: String,
    /// 10th-90th percentile band (middle).
    pub band_10_90: String,
    /// 25th-75th percentile band (darkest).
    pub band_25_75: String,
    pub median: String,
}

/// A comparison series: its median line and a light 10th-90th band.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub label: String,
    pub band_10_90: String,
    /// The band's edges as lines (10th and 90th percentile).
    pub edges: [String; 2],
    pub median: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FanGeom {
    pub frame: Frame,
    pub main: Option<MainFan>,
    pub comparisons: Vec<Comparison>,
    pub samples: Vec<String>,
}

/// The month stats of `s` that have a month label.
fn stats<'a>(s: &'a Series, months: &[String]) -> &'a [Stat] {
    let n = s.stats.len().min(months.len());
    &s.stats[..n]
}

/// The values a fan's bands reach: the main series' 5th-95th percentiles and every other
/// series' 10th-90th (the months that have a label). The fan charts' and the presentation
/// chart's y axes both cover these.
pub fn spread_values(months: &[String], series: &[Series]) -> Vec<f64> {
    let mut v = Vec::new();
    for (k, s) in series.iter().enumerate() {
        for st in stats(s, months) {
            if k == 0 {
                v.extend([st.p5, st.p95]);
            } else {
                v.extend([st.p10, st.p90]);
            }
        }
    }
    v
}

/// Every value the y axis must cover: the bands ([`spread_values`]), the medians, the
/// sample paths.
fn covered_values(months: &[String], series: &[Series], samples: &[Vec<f64>]) -> Vec<f64> {
    let mut v = spread_values(months, series);
    v.extend(
        series
            .iter()
            .flat_map(|s| stats(s, months))
            .map(|st| st.p50),
    );
    for path in samples {
        v.extend(path.iter().take(months.len()).copied());
    }
    v
}

/// The band between two percentiles of `st` in `frame`: along `upper`, back along `lower`.
pub fn band(
    frame: &Frame,
    st: &[Stat],
    upper: fn(&Stat) -> f64,
    lower: fn(&Stat) -> f64,
) -> String {
    band_path(
        &frame.points(st.iter().map(upper)),
        &frame.points(st.iter().map(lower)),
    )
}

/// The line through one percentile of `st` in `frame`.
pub fn line(frame: &Frame, st: &[Stat], at: fn(&Stat) -> f64) -> String {
    line_path(&frame.points(st.iter().map(at)))
}

/// The fan chart of `series` (first = main) with `samples` as thin lines, in a frame of
/// `height` that includes 0 when `zero_line`.
pub fn fan(
    unit: Unit,
    months: &[String],
    series: &[Series],
    samples: &[Vec<f64>],
    zero_line: bool,
    height: f64,
) -> FanGeom {
    let values = covered_values(months, series, samples);
    let frame = if zero_line {
        Frame::difference(unit, months, values, height)
    } else {
        Frame::new(unit, months, values, false, height)
    };
    fan_in(frame, months, series, samples)
}

/// Like [`fan`], but in a given frame (small multiples share one y axis).
pub fn fan_in(frame: Frame, months: &[String], series: &[Series], samples: &[Vec<f64>]) -> FanGeom {
    let main = series.first().map(|s| {
        let st = stats(s, months);
        MainFan {
            band_5_95: band(&frame, st, |s| s.p95, |s| s.p5),
            band_10_90: band(&frame, st, |s| s.p90, |s| s.p10),
            band_25_75: band(&frame, st, |s| s.p75, |s| s.p25),
            median: line(&frame, st, |s| s.p50),
        }
    });
    let comparisons = series
        .iter()
        .skip(1)
        .map(|s| {
            let st = stats(s, months);
            Comparison {
                label: s.label.clone(),
                band_10_90: band(&frame, st, |s| s.p90, |s| s.p10),
                edges: [line(&frame, st, |s| s.p10), line(&frame, st, |s| s.p90)],
                median: line(&frame, st, |s| s.p50),
            }
        })
        .collect();
    let samples = samples
        .iter()
        .map(|p| line_path(&frame.points(p.iter().take(months.len()).copied())))
        .filter(|d| !d.is_empty())
        .collect();
    FanGeom {
        frame,
        main,
        comparisons,
        samples,
    }
}

/// A shared frame for small multiples: one fan per series, all on the same y axis.
pub fn shared_frame(
    unit: Unit,
    months: &[String],
    series: &[Series],
    zero_line: bool,
    height: f64,
) -> Frame {
    let mut values = Vec::new();
    for s in series {
        values.extend(
            stats(s, months)
                .iter()
                .flat_map(|st| [st.p5, st.p95, st.p50]),
        );
    }
    if zero_line {
        Frame::difference(unit, months, values, height)
    } else {
        Frame::new(unit, months, values, false, height)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct StackGeom {
    pub frame: Frame,
    /// One closed area per layer, bottom first.
    pub areas: Vec<String>,
}

/// Running totals of `layers` month by month (bottom first); negative or non-finite values
/// count as 0. Returns one vector per layer of length `n`.
pub fn cumulative(layers: &[(String, Vec<f64>)], n: usize) -> Vec<Vec<f64>> {
    let mut running = vec![0.0; n];
    layers
        .iter()
        .map(|(_, vals)| {
            for (i, r) in running.iter_mut().enumerate() {
                let v = vals.get(i).copied().unwrap_or(0.0);
                if v.is_finite() && v > 0.0 {
                    *r += v;
                }
            }
            running.clone()
        })
        .collect()
}

/// Stacked areas of `layers` (bottom first) over `months`, from 0 to the largest total.
pub fn stacked(
    unit: Unit,
    months: &[String],
    layers: &[(String, Vec<f64>)],
    height: f64,
) -> StackGeom {
    let n = months.len();
    let tops = cumulative(layers, n);
    let max_total = tops
        .last()
        .map(|t| t.iter().copied().fold(0.0, f64::max))
        .unwrap_or(0.0);
    let frame = Frame::new(unit, months, [0.0, max_total], true, height);
    let base = vec![0.0; n];
    let areas = tops
        .iter()
        .enumerate()
        .map(|(k, top)| {
            let below = if k == 0 { &base } else { &tops[k - 1] };
            band_path(
                &frame.points(top.iter().copied()),
                &frame.points(below.iter().copied()),
            )
        })
        .collect();
    StackGeom { frame, areas }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::layout::HEIGHT;
    use crate::charts::test_data::{months, stat};

    #[test]
    fn fan_covers_the_outer_band_and_samples() {
        let s = Series {
            label: "Baseline".into(),
            stats: vec![stat(100.0), stat(110.0)],
        };
        let g = fan(
            Unit::Children,
            &months(2),
            &[s],
            &[vec![40.0, 200.0]],
            false,
            HEIGHT,
        );
        let (lo, hi) = g.frame.y.domain();
        assert!(lo <= 40.0 && hi >= 200.0);
        let main = g.main.expect("main fan");
        assert!(main.band_5_95.starts_with('M') && main.band_5_95.ends_with('Z'));
        assert_eq!(main.median.matches('L').count(), 1);
        assert_eq!(g.samples.len(), 1);
        assert!(g.comparisons.is_empty());
    }

    #[test]
    fn fan_ignores_stats_without_months_and_handles_nothing() {
        let s = Series {
            label: "A".into(),
            stats: vec![stat(1.0); 5],
        };
        let g = fan(Unit::Count, &months(2), &[s.clone(), s], &[], true, HEIGHT);
        assert_eq!(g.comparisons.len(), 1);
        assert_eq!(g.comparisons[0].median.matches('L').count(), 1);
        assert!(g.frame.zero_y.is_some());
        let g = fan(Unit::Count, &[], &[], &[vec![f64::NAN]], false, HEIGHT);
        assert!(g.main.is_none() && g.samples.is_empty());
    }

    #[test]
    fn stacking_clamps_and_accumulates() {
        let layers = vec![
            ("a".to_string(), vec![1.0, -2.0, f64::NAN]),
            ("b".to_string(), vec![2.0, 3.0]),
        ];
        assert_eq!(
            cumulative(&layers, 3),
            vec![vec![1.0, 0.0, 0.0], vec![3.0, 3.0, 0.0]]
        );
        let g = stacked(Unit::Children, &months(3), &layers, HEIGHT);
        assert_eq!(g.areas.len(), 2);
        assert_eq!(g.frame.y.domain().0, 0.0);
        assert!(g
            .areas
            .iter()
            .all(|a| a.ends_with('Z') && !a.contains("NaN")));
    }
}
