//! What the presentation chart adds to a fan (pure, natively tested): a y axis that can be
//! held fixed while levers move, a faint trace of the previous result, a target line,
//! the projection clipped at a month (step through time), and labels at the lines' ends
//! pushed apart so they never overlap.

use engine::metrics::Unit;

use super::geom;
use super::layout::Frame;
use super::Series;

/// Width kept right of the plot for the labels at the lines' ends (viewBox units).
pub const LABEL_ROOM: f64 = 132.0;
/// Longest line of a label at a line's end, in characters: a longer name takes two lines,
/// and a name longer than two lines ends in "…".
pub const LABEL_CHARS: usize = 13;
/// Height of one line of an end label (viewBox units; the labels are ~17 high).
pub const LABEL_GAP: f64 = 18.0;

/// Whether a unit counts things (its axis starts at zero in the presentation view, so a
/// change is seen at its true size).
pub fn is_count(unit: Unit) -> bool {
    matches!(
        unit,
        Unit::Children | Unit::Households | Unit::Places | Unit::Count
    )
}

/// The values the axis must show: the fan's bands ([`geom::spread_values`]: the main
/// series' 5th-95th percentiles, the others' 10th-90th), the trace's 10th-90th, and the
/// target.
pub fn covered(
    months: &[String],
    series: &[Series],
    trace: Option<&Series>,
    target: Option<f64>,
) -> Vec<f64> {
    let mut v = geom::spread_values(months, series);
    for st in trace.iter().flat_map(|t| &t.stats) {
        v.extend([st.p10, st.p90]);
    }
    v.extend(target);
    v
}

/// The frame of the presentation chart: its y axis covers `values` (from 0 for counts), or,
/// when `fixed` is given, that domain widened only as far as `values` need (so a held axis
/// never hides a result).
pub fn frame(
    unit: Unit,
    months: &[String],
    values: Vec<f64>,
    fixed: Option<(f64, f64)>,
    height: f64,
) -> Frame {
    let mut values = values;
    if let Some((lo, hi)) = fixed {
        values.extend([lo, hi]);
    }
    Frame::new(unit, months, values, is_count(unit), height).with_right_room(LABEL_ROOM)
}

/// `series` with only the months up to and including `upto` (all when `None`).
pub fn clip(series: &Series, upto: Option<usize>) -> Series {
    let n = upto.map_or(series.stats.len(), |u| (u + 1).min(series.stats.len()));
    Series {
        label: series.label.clone(),
        stats: series.stats[..n].to_vec(),
    }
}

/// The previous result drawn faintly: its 10th-90th band and its median.
#[derive(Clone, Debug, PartialEq)]
pub struct TraceGeom {
    pub band: String,
    pub median: String,
}

pub fn trace(frame: &Frame, t: &Series) -> TraceGeom {
    TraceGeom {
        band: geom::band(frame, &t.stats, |s| s.p90, |s| s.p10),
        median: geom::line(frame, &t.stats, |s| s.p50),
    }
}

/// Where the target is drawn: a horizontal line at its value, and a mark at its month.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetGeom {
    pub y: f64,
    pub x_month: f64,
}

pub fn target(frame: &Frame, value: f64, month: usize) -> Option<TargetGeom> {
    value.is_finite().then(|| TargetGeom {
        y: frame.y.map(value),
        x_month: frame.x.map(month as f64),
    })
}

/// A label at the end of a line.
#[derive(Clone, Debug, PartialEq)]
pub struct EndLabel {
    /// The name in full (the chart's legend and the label's tooltip give it).
    pub full: String,
    /// One or two lines of text: the name, shortened to fit if need be ([`label_lines`]).
    pub lines: Vec<String>,
    /// Where the line ends.
    pub line_x: f64,
    pub line_y: f64,
    /// Where the middle of the label is drawn (pushed apart from its neighbours).
    pub y: f64,
}

/// `s` cut to `n` characters, the last one "…" when cut.
fn cut(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let head: String = s.chars().take(n - 1).collect();
        format!("{}…", head.trim_end())
    }
}

/// `name` on one line, or broken between words onto two of at most [`LABEL_CHARS`]. A
/// name too long for two lines first loses the details in brackets ("Recruit more carers
/// (+50% enquiries, +20% conversion)" is labelled "Recruit more carers"; the legend gives
/// it in full), and only then is cut with "…".
pub fn label_lines(name: &str) -> Vec<String> {
    let name = name.trim();
    let lines = wrap_two(name);
    if !lines.iter().any(|l| l.ends_with('…')) {
        return lines;
    }
    let short = without_brackets(name);
    if short.is_empty() || short == name {
        lines
    } else {
        wrap_two(&short)
    }
}

/// `name` without its bracketed details: "Homes (2 homes) on Shock" → "Homes on Shock".
fn without_brackets(name: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in name.chars() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `name` on one line, or broken between words onto two of at most [`LABEL_CHARS`], the
/// second cut with "…" when it is too long.
fn wrap_two(name: &str) -> Vec<String> {
    if name.chars().count() <= LABEL_CHARS {
        return vec![name.to_string()];
    }
    let mut first = String::new();
    let mut rest = Vec::new();
    for w in name.split_whitespace() {
        let fits = first.chars().count() + usize::from(!first.is_empty()) + w.chars().count()
            <= LABEL_CHARS;
        if rest.is_empty() && fits {
            if !first.is_empty() {
                first.push(' ');
            }
            first.push_str(w);
        } else {
            rest.push(w);
        }
    }
    if first.is_empty() {
        // One long word: cut it.
        return vec![cut(name, LABEL_CHARS)];
    }
    vec![first, cut(&rest.join(" "), LABEL_CHARS)]
}

/// Labels for the medians' last points, in the order of `ends` (label, last median, its
/// month), placed so they never overlap, inside the plot's height.
pub fn end_labels(frame: &Frame, ends: &[(String, f64, usize)]) -> Vec<EndLabel> {
    let mut labels: Vec<EndLabel> = ends
        .iter()
        .filter(|(_, v, _)| v.is_finite())
        .map(|(text, v, i)| {
            let y = frame.y.map(*v);
            EndLabel {
                full: text.clone(),
                lines: label_lines(text),
                line_x: frame.x.map(*i as f64),
                line_y: y,
                y,
            }
        })
        .collect();
    let most = labels.iter().map(|l| l.lines.len()).max().unwrap_or(1) as f64;
    let ys = spread(
        &labels.iter().map(|l| l.y).collect::<Vec<_>>(),
        LABEL_GAP * most,
        frame.top() + LABEL_GAP * (most - 1.0) / 2.0,
        frame.bottom() - LABEL_GAP * (most - 1.0) / 2.0,
    );
    for (l, y) in labels.iter_mut().zip(ys) {
        l.y = y;
    }
    labels
}

/// Positions as near `ys` as possible, at least `gap` apart, inside `top..=bottom` (when
/// they fit), in the same order as `ys`.
pub fn spread(ys: &[f64], gap: f64, top: f64, bottom: f64) -> Vec<f64> {
    let mut order: Vec<usize> = (0..ys.len()).collect();
    order.sort_by(|a, b| ys[*a].total_cmp(&ys[*b]));
    let mut placed: Vec<f64> = order.iter().map(|&i| ys[i].clamp(top, bottom)).collect();
    // Push down from the top, then back up from the bottom.
    for k in 1..placed.len() {
        placed[k] = placed[k].max(placed[k - 1] + gap);
    }
    if let Some(last) = placed.last_mut() {
        *last = last.min(bottom.max(top));
    }
    for k in (0..placed.len().saturating_sub(1)).rev() {
        placed[k] = placed[k].min(placed[k + 1] - gap);
    }
    let mut out = vec![0.0; ys.len()];
    for (k, &i) in order.iter().enumerate() {
        out[i] = placed[k];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::layout::HEIGHT;
    use crate::charts::test_data::{months, stat};

    fn series(label: &str, medians: &[f64]) -> Series {
        Series {
            label: label.into(),
            stats: medians.iter().map(|&m| stat(m)).collect(),
        }
    }

    #[test]
    fn counts_start_at_zero_and_a_held_axis_only_widens() {
        let s = series("A", &[100.0, 120.0]);
        let f = frame(
            Unit::Children,
            &months(2),
            covered(&months(2), std::slice::from_ref(&s), None, None),
            None,
            HEIGHT,
        );
        assert_eq!(f.y.domain().0, 0.0);
        let held = f.y.domain();
        // A smaller result keeps the held axis.
        let smaller = series("A", &[50.0, 60.0]);
        let g = frame(
            Unit::Children,
            &months(2),
            covered(&months(2), &[smaller], None, None),
            Some(held),
            HEIGHT,
        );
        assert_eq!(g.y.domain(), held);
        // A larger one widens it rather than running off the chart.
        let larger = series("A", &[300.0, 320.0]);
        let h = frame(
            Unit::Children,
            &months(2),
            covered(&months(2), &[larger], None, None),
            Some(held),
            HEIGHT,
        );
        assert!(h.y.domain().1 >= 350.0);
        // Pounds are not counts: the axis fits the data.
        let p = frame(
            Unit::Pounds,
            &months(2),
            covered(&months(2), &[s], None, None),
            None,
            HEIGHT,
        );
        assert!(p.y.domain().0 > 0.0);
        assert_eq!(
            p.right(),
            p.width - crate::charts::layout::MARGIN_RIGHT - LABEL_ROOM
        );
    }

    #[test]
    fn the_trace_and_target_are_on_the_axis() {
        let s = series("A", &[100.0, 120.0]);
        let t = series("before", &[400.0, 420.0]);
        let f = frame(
            Unit::Count,
            &months(2),
            covered(&months(2), &[s], Some(&t), Some(700.0)),
            None,
            HEIGHT,
        );
        assert!(f.y.domain().1 >= 700.0);
        let g = trace(&f, &t);
        assert!(g.band.ends_with('Z') && g.median.starts_with('M'));
        let tg = target(&f, 700.0, 1).expect("drawn");
        assert!(tg.y >= f.top() && tg.y <= f.bottom());
        assert_eq!(tg.x_month, f.x.map(1.0));
        assert_eq!(target(&f, f64::NAN, 1), None);
    }

    #[test]
    fn clipping_keeps_the_first_months() {
        let s = series("A", &[1.0, 2.0, 3.0, 4.0]);
        assert_eq!(clip(&s, Some(1)).stats.len(), 2);
        assert_eq!(clip(&s, None).stats.len(), 4);
        assert_eq!(clip(&s, Some(99)).stats.len(), 4);
    }

    #[test]
    fn labels_never_overlap_and_stay_in_the_plot() {
        let ys = spread(&[100.0, 101.0, 50.0, 102.0], 17.0, 12.0, 250.0);
        let mut sorted = ys.clone();
        sorted.sort_by(f64::total_cmp);
        assert!(
            sorted.windows(2).all(|w| w[1] - w[0] >= 17.0 - 1e-9),
            "{ys:?}"
        );
        assert_eq!(ys[2], 50.0, "a label with room stays at its line");
        let crowded = spread(&[250.0; 5], 17.0, 12.0, 250.0);
        assert!(
            crowded.iter().all(|y| *y <= 250.0 && *y >= 12.0),
            "{crowded:?}"
        );
        assert_eq!(
            label_lines("Recruit more carers"),
            ["Recruit more", "carers"]
        );
        assert_eq!(label_lines("Baseline"), ["Baseline"]);
        assert_eq!(
            label_lines("Recruitment drive and more homes"),
            ["Recruitment", "drive and mo…"]
        );
        assert_eq!(label_lines("Supercalifragilistic"), ["Supercalifra…"]);
        // A long name loses its bracketed details before it is cut (the legend has it whole).
        assert_eq!(
            label_lines("Recruit more carers (+50% enquiries, +20% conversion)"),
            ["Recruit more", "carers"]
        );
        assert_eq!(
            label_lines("Homes (2 homes, 8 beds) on Shock"),
            ["Homes on", "Shock"]
        );
        assert_eq!(
            label_lines("(everything in brackets)"),
            ["(everything", "in brackets)"]
        );
        let f = frame(Unit::Count, &months(3), vec![0.0, 10.0], None, HEIGHT);
        let l = end_labels(&f, &[("A".into(), 5.0, 2), ("B".into(), f64::NAN, 2)]);
        assert_eq!(l.len(), 1);
        assert_eq!(l[0].line_x, f.x.map(2.0));
    }
}
