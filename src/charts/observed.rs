//! Observed series from a council's returns drawn as SVG text, alone or over a forecast's
//! 10-90% fan (the history before a forecast, and a hindcast's observed line over its
//! projection), with a marked month (where the forecast starts). Pure: the same text is
//! shown in the page and put in the printed report. Colours are presentation attributes
//! (the page's CSP forbids inline styles).

use std::fmt::Write;

use super::palette;
use super::path::{band_path, line_path, num};
use super::scale::{domain, nice_ticks, time_ticks, LinearScale};

/// One observed or projected line: a value per month (`None`: no value that month).
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub label: String,
    pub colour: &'static str,
    pub values: Vec<Option<f64>>,
    /// Dashed (a projection's median) rather than solid (observed).
    pub dashed: bool,
}

/// A 10-90% band and median from month `from` on.
#[derive(Clone, Debug, PartialEq)]
pub struct Fan {
    pub from: usize,
    pub p10: Vec<f64>,
    pub p50: Vec<f64>,
    pub p90: Vec<f64>,
}

/// What one chart shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart<'a> {
    pub id: &'a str,
    pub title: &'a str,
    /// Month labels ("2020-07"), one per position.
    pub months: &'a [String],
    pub lines: &'a [Line],
    pub fan: Option<&'a Fan>,
    /// A month to mark with a vertical line, and its words.
    pub marker: Option<(usize, &'a str)>,
}

const W: f64 = 640.0;
const H: f64 = 240.0;
const LEFT: f64 = 48.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 28.0;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The chart as an `<svg>` element, with a legend below it as a `<ul>` (one `<figure>`).
pub fn chart_svg(c: &Chart<'_>) -> String {
    let n = c.months.len().max(2);
    let x = LinearScale::new((0.0, (n - 1) as f64), (LEFT, W - RIGHT));
    let mut values: Vec<f64> = c
        .lines
        .iter()
        .flat_map(|l| l.values.iter().flatten().copied())
        .collect();
    if let Some(f) = c.fan {
        values.extend(f.p10.iter().chain(&f.p90).copied());
    }
    let (lo, hi) = domain(values.iter().copied().filter(|v| v.is_finite()), true);
    let ticks = nice_ticks(lo, hi, 5);
    let top = ticks.last().copied().unwrap_or(hi).max(hi);
    let y = LinearScale::new((lo.min(0.0), top), (H - BOTTOM, TOP));
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<figure class="observed-chart" id="{}"><figcaption>{}</figcaption><svg viewBox="0 0 {W} {H}" role="img" aria-label="{}" xmlns="http://www.w3.org/2000/svg">"#,
        esc(c.id),
        esc(c.title),
        esc(c.title)
    );
    for t in &ticks {
        let py = num(y.map(*t));
        let _ = write!(
            s,
            r#"<line x1="{LEFT}" x2="{}" y1="{py}" y2="{py}" stroke="{}" stroke-width="1"/><text x="{}" y="{py}" dy="0.32em" text-anchor="end" font-size="11" fill="{}">{}</text>"#,
            W - RIGHT,
            palette::GRID,
            LEFT - 6.0,
            palette::TEXT,
            crate::format::count(*t)
        );
    }
    for t in time_ticks(c.months, 8) {
        let px = num(x.map(t.index as f64));
        let _ = write!(
            s,
            r#"<text x="{px}" y="{}" text-anchor="middle" font-size="11" fill="{}">{}</text>"#,
            H - 8.0,
            palette::TEXT,
            esc(&t.label)
        );
    }
    if let Some(f) = c.fan {
        let pts = |v: &[f64]| -> Vec<(f64, f64)> {
            v.iter()
                .enumerate()
                .map(|(i, v)| (x.map((f.from + i) as f64), y.map(*v)))
                .collect()
        };
        let _ = write!(
            s,
            r#"<path class="fan-band" d="{}" fill="{}" stroke="none"/><path class="fan-median" d="{}" fill="none" stroke="{}" stroke-width="2" stroke-dasharray="6 3"/>"#,
            band_path(&pts(&f.p90), &pts(&f.p10)),
            palette::BAND_10_90,
            line_path(&pts(&f.p50)),
            palette::MEDIAN
        );
    }
    for l in c.lines {
        // Each run of months with values is its own path (no line across a gap).
        let mut runs: Vec<Vec<(f64, f64)>> = vec![vec![]];
        for (i, v) in l.values.iter().enumerate() {
            match v {
                Some(v) if v.is_finite() => {
                    if let Some(r) = runs.last_mut() {
                        r.push((x.map(i as f64), y.map(*v)));
                    }
                }
                _ => runs.push(vec![]),
            }
        }
        for r in runs.iter().filter(|r| !r.is_empty()) {
            let _ = write!(
                s,
                r#"<path class="observed-line" d="{}" fill="none" stroke="{}" stroke-width="2"{}/>"#,
                line_path(r),
                l.colour,
                if l.dashed {
                    r#" stroke-dasharray="6 3""#
                } else {
                    ""
                }
            );
        }
    }
    if let Some((i, words)) = c.marker {
        let i = i.min(n - 1);
        let px = num(x.map(i as f64));
        let _ = write!(
            s,
            r#"<line class="forecast-start" x1="{px}" x2="{px}" y1="{TOP}" y2="{}" stroke="{}" stroke-width="1.5" stroke-dasharray="3 3"/><text x="{px}" dx="4" y="{}" font-size="11" fill="{}">{}</text>"#,
            H - BOTTOM,
            palette::ZERO,
            TOP + 10.0,
            palette::TEXT,
            esc(words)
        );
    }
    s.push_str("</svg><ul class=\"observed-legend\">");
    if c.fan.is_some() {
        let _ = write!(
            s,
            r#"<li><svg width="18" height="10" aria-hidden="true"><rect width="18" height="10" fill="{}"/></svg> model: 10-90% band, dashed line the median</li>"#,
            palette::BAND_10_90
        );
    }
    for l in c.lines {
        let _ = write!(
            s,
            r#"<li><svg width="18" height="10" aria-hidden="true"><line x1="0" x2="18" y1="5" y2="5" stroke="{}" stroke-width="3"/></svg> {}</li>"#,
            l.colour,
            esc(&l.label)
        );
    }
    s.push_str("</ul></figure>");
    s
}

/// The observed line over the projection's fan for one metric, as SVG text; the months
/// before the date come from the history.
pub fn hindcast_chart(
    h: &engine::ssda903::hindcast::Hindcast,
    history: &[(String, f64)],
    metric: &str,
    title: &str,
) -> String {
    let rows: Vec<_> = h.rows.iter().filter(|r| r.metric == metric).collect();
    let before: Vec<&(String, f64)> = history
        .iter()
        .filter(|(m, _)| rows.first().is_some_and(|r| *m < r.month))
        .collect();
    // Two years of history before the date at most.
    let before = &before[before.len().saturating_sub(24)..];
    let mut months: Vec<String> = before.iter().map(|(m, _)| m.clone()).collect();
    let mut observed: Vec<Option<f64>> = before.iter().map(|(_, v)| Some(*v)).collect();
    let from = months.len();
    months.extend(rows.iter().map(|r| r.month.clone()));
    observed.extend(rows.iter().map(|r| Some(r.observed)));
    let fan = Fan {
        from,
        p10: rows.iter().map(|r| r.p10).collect(),
        p50: rows.iter().map(|r| r.p50).collect(),
        p90: rows.iter().map(|r| r.p90).collect(),
    };
    let lines = [Line {
        label: "Observed in your returns".into(),
        colour: palette::TEXT,
        values: observed,
        dashed: false,
    }];
    let id = format!("hindcast-{}", metric.replace('.', "-"));
    chart_svg(&Chart {
        id: &id,
        title,
        months: &months,
        lines: &lines,
        fan: Some(&fan),
        marker: Some((from, "projected from here")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chart_draws_each_line_its_fan_and_the_marker() {
        let months: Vec<String> = (1..=12).map(|m| format!("2020-{m:02}")).collect();
        let lines = [Line {
            label: "Observed <in care>".into(),
            colour: "#000",
            values: (0..12)
                .map(|i| if i == 5 { None } else { Some(100.0 + i as f64) })
                .collect(),
            dashed: false,
        }];
        let fan = Fan {
            from: 6,
            p10: vec![90.0; 6],
            p50: vec![100.0; 6],
            p90: vec![120.0; 6],
        };
        let svg = chart_svg(&Chart {
            id: "t",
            title: "Children in care",
            months: &months,
            lines: &lines,
            fan: Some(&fan),
            marker: Some((6, "forecast starts")),
        });
        assert_eq!(
            svg.matches("class=\"observed-line\"").count(),
            2,
            "a gap splits the line"
        );
        assert!(svg.contains("fan-band") && svg.contains("forecast starts"));
        assert!(
            svg.contains("Observed &lt;in care&gt;"),
            "labels are escaped"
        );
        assert!(!svg.contains("NaN"));
    }
}
