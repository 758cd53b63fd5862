//! Stacked area chart of means (e.g. the placement mix over time).

use std::rc::Rc;

use engine::metrics::Unit;
use yew::prelude::*;

use super::layout::HEIGHT;
use super::svg::{self, Key};
use super::table::{TableData, TableToggle};
use super::{geom, palette, text};

#[derive(Properties, PartialEq)]
pub struct StackedChartProps {
    pub title: AttrValue,
    pub unit: Unit,
    /// Month labels ("2020-07"), one per point.
    pub months: Rc<Vec<String>>,
    /// (label, mean per month), bottom layer first.
    pub layers: Rc<Vec<(String, Vec<f64>)>>,
    pub runs: u64,
    #[prop_or_default]
    pub id: AttrValue,
}

#[function_component]
pub fn StackedChart(p: &StackedChartProps) -> Html {
    let g = geom::stacked(p.unit, &p.months, &p.layers, HEIGHT);
    let label = text::stacked_summary(&p.title, p.unit, &p.months, &p.layers);
    let areas = g.areas.iter().enumerate().map(|(k, d)| {
        if d.is_empty() {
            return html! {};
        }
        // White edges keep neighbouring layers apart in black and white.
        html! {
            <path class="layer" d={d.clone()} fill={palette::layer(k)} stroke="#ffffff"
                stroke-width="0.75" stroke-linejoin="round" />
        }
    });
    let body = html! { <>
        { svg::axes(&g.frame) }
        <g class="plot">{ for areas }</g>
    </> };
    // The legend lists the top layer first, as the areas are seen.
    let items = p
        .layers
        .iter()
        .enumerate()
        .rev()
        .map(|(k, (l, _))| (Key::Fill(palette::layer(k), None), l.clone()))
        .collect();
    let data = TableData::Stacked {
        unit: p.unit,
        months: p.months.clone(),
        layers: p.layers.clone(),
    };
    html! {
        <figure class="chart stacked-chart" id={svg::opt_id(&p.id, "")}>
            <figcaption>
                <span class="chart-title">{ p.title.clone() }</span>
                <span class="chart-caption">{ text::caption_means(p.runs, &p.months) }</span>
            </figcaption>
            { svg::chart_svg(&g.frame, label, "stacked", body) }
            { svg::legend("Top to bottom:", items) }
            <TableToggle caption={p.title.clone()} {data}
                id={svg::opt_id(&p.id, "-table").unwrap_or_default()} />
        </figure>
    }
}
