//! The report's charts as SVG text (they must work in a file with no scripts): a fan for
//! the first scenario and the other scenarios' medians, drawn from the same geometry as
//! the app's charts (`crate::charts::geom`) with the same colours and dash patterns, so one
//! legend, given once in the report, explains every chart. Pure.

use std::fmt::Write;

use engine::metrics::Unit;

use super::markup::esc;
use crate::charts::geom;
use crate::charts::layout::Frame;
use crate::charts::path::num;
use crate::charts::{palette, Series};

/// ViewBox height of a report chart (its width is the app's, `layout::WIDTH`).
pub const HEIGHT: f64 = 230.0;
const FONT: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";

fn axes(f: &Frame, s: &mut String) {
    let (left, right, bottom) = (f.left(), f.right(), f.bottom());
    s.push_str("<g class=\"axes\" aria-hidden=\"true\">");
    for t in &f.y_ticks {
        let _ = write!(
            s,
            "<line x1=\"{}\" x2=\"{}\" y1=\"{y}\" y2=\"{y}\" stroke=\"{}\" stroke-width=\"1\"/>\
             <text x=\"{}\" y=\"{y}\" dy=\"0.32em\" text-anchor=\"end\" fill=\"{}\" font-size=\"12\">{}</text>",
            num(left),
            num(right),
            palette::GRID,
            num(left - 8.0),
            palette::TEXT,
            esc(&t.label),
            y = num(t.pos),
        );
    }
    let _ = write!(
        s,
        "<line x1=\"{}\" x2=\"{}\" y1=\"{b}\" y2=\"{b}\" stroke=\"{}\" stroke-width=\"1\"/>",
        num(left),
        num(right),
        palette::AXIS,
        b = num(bottom)
    );
    for t in &f.x_ticks {
        let _ = write!(
            s,
            "<line x1=\"{x}\" x2=\"{x}\" y1=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"1\"/>\
             <text x=\"{x}\" y=\"{}\" text-anchor=\"middle\" fill=\"{}\" font-size=\"12\">{}</text>",
            num(bottom),
            num(bottom + 5.0),
            palette::AXIS,
            num(bottom + 18.0),
            palette::TEXT,
            esc(&t.label),
            x = num(t.pos),
        );
    }
    s.push_str("</g>");
}

fn area(s: &mut String, d: &str, fill: &str) {
    if !d.is_empty() {
        let _ = write!(s, "<path d=\"{d}\" fill=\"{fill}\" stroke=\"none\"/>");
    }
}

fn line(s: &mut String, d: &str, stroke: &str, width: &str, dash: Option<&str>) {
    if d.is_empty() {
        return;
    }
    let dash = dash
        .map(|d| format!(" stroke-dasharray=\"{d}\""))
        .unwrap_or_default();
    let _ = write!(
        s,
        "<path d=\"{d}\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"{width}\"{dash} stroke-linejoin=\"round\" stroke-linecap=\"round\"/>"
    );
}

/// A fan chart: `series[0]` as the full fan (5th-95th, 10th-90th, 25th-75th percentile
/// bands and the median), every other series as its median line in comparison colour `k`
/// and dash pattern `k` (k = its position among the others). `label` is read by screen
/// readers.
pub fn fan_chart(label: &str, unit: Unit, months: &[String], series: &[Series]) -> String {
    let g = geom::fan(unit, months, series, &[], false, HEIGHT);
    let f = &g.frame;
    let mut s = format!(
        "<svg class=\"report-chart\" role=\"img\" aria-label=\"{}\" viewBox=\"{}\" \
         preserveAspectRatio=\"xMidYMid meet\" xmlns=\"http://www.w3.org/2000/svg\" font-family=\"{FONT}\">",
        esc(label),
        f.view_box(),
    );
    axes(f, &mut s);
    s.push_str("<g class=\"plot\">");
    if let Some(m) = &g.main {
        area(&mut s, &m.band_5_95, palette::BAND_5_95);
        area(&mut s, &m.band_10_90, palette::BAND_10_90);
        area(&mut s, &m.band_25_75, palette::BAND_25_75);
    }
    for (k, c) in g.comparisons.iter().enumerate() {
        line(
            &mut s,
            &c.median,
            palette::comparison(k),
            "2.25",
            Some(palette::dash(k)),
        );
    }
    if let Some(m) = &g.main {
        line(&mut s, &m.median, palette::MEDIAN, "2.5", None);
    }
    s.push_str("</g></svg>");
    s
}

/// A legend key as SVG text: the three nested bands, or a line in colour `k` (`None` = the
/// main median).
pub fn key(which: Key) -> String {
    let body = match which {
        Key::Bands => format!(
            "<rect x=\"1\" y=\"1\" width=\"26\" height=\"14\" fill=\"{}\" stroke=\"{}\" stroke-width=\"0.5\"/>\
             <rect x=\"1\" y=\"4\" width=\"26\" height=\"8\" fill=\"{}\"/>\
             <rect x=\"1\" y=\"6\" width=\"26\" height=\"4\" fill=\"{}\"/>",
            palette::BAND_5_95,
            palette::AXIS,
            palette::BAND_10_90,
            palette::BAND_25_75
        ),
        Key::Median => format!(
            "<line x1=\"1\" x2=\"27\" y1=\"8\" y2=\"8\" stroke=\"{}\" stroke-width=\"2.5\"/>",
            palette::MEDIAN
        ),
        Key::Other(k) => format!(
            "<line x1=\"1\" x2=\"27\" y1=\"8\" y2=\"8\" stroke=\"{}\" stroke-width=\"2.25\" stroke-dasharray=\"{}\"/>",
            palette::comparison(k),
            palette::dash(k)
        ),
    };
    format!(
        "<svg class=\"report-key\" width=\"28\" height=\"16\" viewBox=\"0 0 28 16\" aria-hidden=\"true\" xmlns=\"http://www.w3.org/2000/svg\">{body}</svg>"
    )
}

/// What a legend key shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Key {
    /// The three nested percentile bands.
    Bands,
    /// The first scenario's median.
    Median,
    /// Another scenario's median, the `k`-th of the others.
    Other(usize),
}
