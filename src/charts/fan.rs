//! Fan charts: a main series as nested percentile bands and a median line, comparison
//! series as median lines with light bands, optional sample paths and zero line; and the
//! difference chart (one fan per strategy-minus-baseline series on a shared axis).

use std::rc::Rc;

use engine::metrics::Unit;
use yew::prelude::*;

use super::fan_svg::{fan_body, figcaption};
use super::geom;
use super::layout::HEIGHT;
use super::svg::{self, Key};
use super::table::{TableData, TableToggle};
use super::{palette, text, Series};

/// Height of each panel when a difference chart shows several series.
const PANEL_HEIGHT: f64 = 200.0;

#[derive(Properties, PartialEq)]
pub struct FanChartProps {
    pub title: AttrValue,
    pub unit: Unit,
    /// Month labels ("2020-07"), one per point.
    pub months: Rc<Vec<String>>,
    /// First = main series (full fan); others = comparisons (median and 10th-90th band).
    pub series: Rc<Vec<Series>>,
    /// Number of simulated futures, stated in the caption.
    pub runs: u64,
    /// A few sample paths drawn as thin grey lines.
    #[prop_or_default]
    pub samples: Rc<Vec<Vec<f64>>>,
    /// Draw y = 0 (for differences).
    #[prop_or_default]
    pub zero_line: bool,
    /// DOM id of the `<figure>`.
    #[prop_or_default]
    pub id: AttrValue,
}

/// Legend entries for a fan with `series` and `n_samples` sample paths.
fn fan_legend(series: &[Series], n_samples: usize, zero_line: bool) -> Html {
    let mut items = Vec::new();
    if zero_line {
        items.push((
            Key::Line(palette::ZERO, "1.5", None),
            text::ZERO_LINE.to_string(),
        ));
    }
    let median = match series {
        [main, _, ..] => format!("{}: {}", main.label, text::MEDIAN),
        _ => text::MEDIAN.to_string(),
    };
    items.push((Key::Line(palette::MEDIAN, "2.5", None), median));
    items.push((Key::Bands(0), text::BAND_25_75.to_string()));
    items.push((Key::Bands(1), text::BAND_10_90.to_string()));
    items.push((Key::Bands(2), text::BAND_5_95.to_string()));
    for (k, s) in series.iter().skip(1).enumerate() {
        items.push((
            Key::Line(palette::comparison(k), "2.25", Some(palette::dash(k))),
            text::comparison(&s.label, k),
        ));
    }
    if n_samples > 0 {
        items.push((
            Key::Line(palette::SAMPLE, "1", None),
            text::samples(n_samples),
        ));
    }
    svg::legend(text::LEGEND_INTRO, items)
}

/// The "Show table" toggle with the chart's numbers.
fn table_toggle(
    title: &AttrValue,
    unit: Unit,
    months: &Rc<Vec<String>>,
    series: &Rc<Vec<Series>>,
    id: &AttrValue,
    difference: bool,
) -> Html {
    let data = TableData::Fan {
        unit,
        months: months.clone(),
        series: series.clone(),
        difference,
    };
    html! {
        <TableToggle caption={title.clone()} {data} id={svg::opt_id(id, "-table").unwrap_or_default()} />
    }
}

#[function_component]
pub fn FanChart(p: &FanChartProps) -> Html {
    let g = geom::fan(
        p.unit,
        &p.months,
        &p.series,
        &p.samples,
        p.zero_line,
        HEIGHT,
    );
    let label = text::fan_summary(&p.title, p.unit, &p.months, &p.series, p.zero_line);
    html! {
        <figure class="chart fan-chart" id={svg::opt_id(&p.id, "")}>
            { figcaption(&p.title, Some(text::caption(p.runs, &p.months))) }
            { svg::chart_svg(&g.frame, label, "fan", fan_body(&g, p.zero_line)) }
            { fan_legend(&p.series, g.samples.len(), p.zero_line) }
            { table_toggle(&p.title, p.unit, &p.months, &p.series, &p.id, p.zero_line) }
        </figure>
    }
}

#[derive(Properties, PartialEq)]
pub struct DifferenceChartProps {
    pub title: AttrValue,
    pub unit: Unit,
    pub months: Rc<Vec<String>>,
    /// Paired differences, strategy minus baseline, one series per strategy.
    pub series: Rc<Vec<Series>>,
    pub runs: u64,
    #[prop_or_default]
    pub id: AttrValue,
}

/// Each series as its own fan with a zero line; several series share one y axis (small
/// multiples), so their spreads compare directly.
#[function_component]
pub fn DifferenceChart(p: &DifferenceChartProps) -> Html {
    let months: &[String] = &p.months;
    let panels: Html = if p.series.len() <= 1 {
        let g = geom::fan(p.unit, months, &p.series, &[], true, HEIGHT);
        let label = text::fan_summary(&p.title, p.unit, months, &p.series, true);
        svg::chart_svg(&g.frame, label, "fan difference", fan_body(&g, true))
    } else {
        let frame = geom::shared_frame(p.unit, months, &p.series, true, PANEL_HEIGHT);
        p.series
            .iter()
            .map(|s| {
                let one = [s.clone()];
                let g = geom::fan_in(frame.clone(), months, &one, &[]);
                let label = text::fan_summary(
                    &format!("{}, {}", p.title, s.label),
                    p.unit,
                    months,
                    &one,
                    true,
                );
                html! {
                    <div class="chart-panel">
                        <p class="chart-panel-title">{ s.label.clone() }</p>
                        { svg::chart_svg(&g.frame, label, "fan difference", fan_body(&g, true)) }
                    </div>
                }
            })
            .collect()
    };
    let legend_series: Vec<Series> = p.series.iter().take(1).cloned().collect();
    html! {
        <figure class="chart fan-chart difference-chart" id={svg::opt_id(&p.id, "")}>
            { figcaption(&p.title, Some(text::caption(p.runs, months))) }
            { panels }
            { fan_legend(&legend_series, 0, true) }
            { table_toggle(&p.title, p.unit, &p.months, &p.series, &p.id, true) }
        </figure>
    }
}
