//! The presentation chart: a fan with what a room needs to see a change: a y axis that can
//! be held, a faint trace of the previous result, a target line, the projection drawn only
//! up to the month being discussed, and each line named at its end (colour and dash pattern
//! as well, and under the chart a legend of the bands and patterns with every scenario's
//! full name, [`super::stage_legend`]). The geometry is in [`super::stage`]; the fan itself
//! is drawn as the other fan charts draw it ([`super::fan_svg`]).

use std::rc::Rc;

use engine::metrics::Unit;
use yew::prelude::*;

use super::fan_svg::{fan_body, figcaption};
use super::geom;
use super::layout::Frame;
use super::path::num;
use super::stage::{self, EndLabel};
use super::stage_legend;
use super::svg;
use super::{palette, text, Series};

/// ViewBox height: a little taller than the ordinary chart, since it has the screen to itself.
pub const STAGE_HEIGHT: f64 = 390.0;

/// The target as drawn: at most `value` at month `month`, and its words.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetMark {
    pub value: f64,
    pub month: usize,
    pub label: String,
}

#[derive(Properties, PartialEq)]
pub struct StageChartProps {
    pub title: AttrValue,
    pub unit: Unit,
    pub months: Rc<Vec<String>>,
    /// First = the scenario shown (full fan); others = comparisons (median and band).
    pub series: Rc<Vec<Series>>,
    pub runs: u64,
    /// A y domain to hold (widened only if a result would not fit).
    #[prop_or_default]
    pub fixed: Option<(f64, f64)>,
    /// The previous result of the scenario shown, drawn faintly.
    #[prop_or_default]
    pub trace: Option<Rc<Series>>,
    #[prop_or_default]
    pub target: Option<TargetMark>,
    /// Draw the projection only up to this month (step through time).
    #[prop_or_default]
    pub upto: Option<usize>,
    #[prop_or_default]
    pub id: AttrValue,
}

/// The y domain the chart draws for these data (what "fix axes" holds).
pub fn stage_domain(
    unit: Unit,
    months: &[String],
    series: &[Series],
    trace: Option<&Series>,
    target: Option<f64>,
    fixed: Option<(f64, f64)>,
) -> (f64, f64) {
    let values = stage::covered(months, series, trace, target);
    stage::frame(unit, months, values, fixed, STAGE_HEIGHT)
        .y
        .domain()
}

fn stage_frame(p: &StageChartProps) -> Frame {
    let target = p.target.as_ref().map(|t| t.value);
    let values = stage::covered(&p.months, &p.series, p.trace.as_deref(), target);
    stage::frame(p.unit, &p.months, values, p.fixed, STAGE_HEIGHT)
}

fn end_label(l: &EndLabel, full: &str, colour: &'static str, class: &'static str) -> Html {
    let x = l.line_x + 8.0;
    let leader = ((l.y - l.line_y).abs() > 2.0).then(|| {
        html! {
            <line x1={num(l.line_x + 2.0)} y1={num(l.line_y)} x2={num(x - 2.0)} y2={num(l.y)}
                stroke={colour} stroke-width="1" />
        }
    });
    let first = l.y - stage::LABEL_GAP * (l.lines.len() as f64 - 1.0) / 2.0;
    let lines = l.lines.iter().enumerate().map(|(i, t)| {
        html! { <tspan x={num(x)} y={num(first + stage::LABEL_GAP * i as f64)} dy="0.32em">{ t.clone() }</tspan> }
    });
    html! {
        <g class={class}>
            <title>{ full.to_string() }</title>
            { for leader }
            <text fill={colour} font-weight="700" font-size="15">{ for lines }</text>
        </g>
    }
}

fn target_mark(frame: &Frame, t: &TargetMark) -> Html {
    let Some(g) = stage::target(frame, t.value, t.month) else {
        return html! {};
    };
    html! {
        <g class="target-mark" aria-hidden="true">
            <line x1={num(frame.left())} x2={num(frame.right())} y1={num(g.y)} y2={num(g.y)}
                stroke={palette::TARGET} stroke-width="2" stroke-dasharray={stage_legend::TARGET_DASH} />
            <line x1={num(g.x_month)} x2={num(g.x_month)} y1={num(g.y - 9.0)} y2={num(g.y + 9.0)}
                stroke={palette::TARGET} stroke-width="3" />
            <text class="target-label" x={num(frame.left() + 6.0)} y={num(g.y - 6.0)}
                fill={palette::TARGET} font-weight="700" font-size="14">{ t.label.clone() }</text>
        </g>
    }
}

fn now_mark(frame: &Frame, months: &[String], upto: usize) -> Html {
    let x = frame.x.map(upto as f64);
    let label = months
        .get(upto)
        .map(|m| crate::format::month_short(m))
        .unwrap_or_default();
    html! {
        <g class="now-mark" aria-hidden="true">
            <line x1={num(x)} x2={num(x)} y1={num(frame.top())} y2={num(frame.bottom())}
                stroke={palette::AXIS} stroke-width="1.5" stroke-dasharray="3 3" />
            <text x={num(x)} y={num(frame.top() + 12.0)} dx="4" fill={palette::TEXT} font-size="14">{ label }</text>
        </g>
    }
}

#[function_component]
pub fn StageChart(p: &StageChartProps) -> Html {
    let frame = stage_frame(p);
    let clipped: Vec<Series> = p.series.iter().map(|s| stage::clip(s, p.upto)).collect();
    let g = geom::fan_in(frame.clone(), &p.months, &clipped, &[]);
    let trace = p.trace.as_ref().map(|t| stage::clip(t, p.upto));
    let trace_geom = trace.as_ref().map(|t| stage::trace(&frame, t));
    // The lines' ends: the trace first, so the scenarios' labels win the space near their lines.
    let end = |s: &Series| s.stats.last().map(|st| st.p50).unwrap_or(f64::NAN);
    let last = |s: &Series| s.stats.len().saturating_sub(1);
    let mut ends: Vec<(String, f64, usize)> = clipped
        .iter()
        .map(|s| (s.label.clone(), end(s), last(s)))
        .collect();
    if let Some(t) = &trace {
        ends.push((text::TRACE.to_string(), end(t), last(t)));
    }
    let labels = stage::end_labels(&frame, &ends);
    let colours = (0..clipped.len())
        .map(|k| {
            if k == 0 {
                palette::MEDIAN
            } else {
                palette::comparison(k - 1)
            }
        })
        .chain(trace.iter().map(|_| palette::TRACE));
    let label_html = labels
        .iter()
        .zip(colours)
        .map(|(l, c)| end_label(l, &l.full, c, "end-label"));
    let trace_html = trace_geom.map(|t| {
        html! {
            <g class="trace" aria-hidden="true">
                { svg::area("trace-band", &t.band, palette::TRACE, Some(palette::TRACE_BAND_OPACITY)) }
                <path class="trace-median" d={t.median} fill="none" stroke={palette::TRACE}
                    stroke-width="3" stroke-dasharray="0.1 6" stroke-linecap="round" />
            </g>
        }
    });
    let label = text::fan_summary(&p.title, p.unit, &p.months, &clipped, false);
    let names: Vec<String> = p.series.iter().map(|s| s.label.clone()).collect();
    let body = html! { <>
        { fan_body(&g, false) }
        { for trace_html }
        { for p.target.as_ref().map(|t| target_mark(&frame, t)) }
        { for p.upto.filter(|u| u + 1 < p.months.len()).map(|u| now_mark(&frame, &p.months, u)) }
        <g class="end-labels">{ for label_html }</g>
    </> };
    html! {
        <figure class="chart fan-chart stage-chart" id={svg::opt_id(&p.id, "")}
            data-y-domain={format!("{} {}", frame.y.domain().0, frame.y.domain().1)}>
            { figcaption(&p.title, None) }
            { svg::chart_svg(&frame, label, "fan stage", body) }
            { stage_legend::legend(&names, trace.is_some(), p.target.is_some(), svg::opt_id(&p.id, "-legend")) }
        </figure>
    }
}
