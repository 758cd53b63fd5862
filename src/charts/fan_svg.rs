//! The fan as SVG, shared by the fan and difference charts ([`super::fan`]) and the
//! presentation chart ([`super::stage_chart`]): the figure's caption and the body drawn in
//! the frame (axes with their ticks, the main fan's nested bands and median, the comparisons'
//! light bands, edges and dashed medians, sample paths, the zero line). The geometry is
//! [`super::geom`]'s.

use yew::prelude::*;

use super::geom::FanGeom;
use super::{palette, svg};

/// The figure's caption: its title, and below it a caption when there is one.
pub(super) fn figcaption(title: &AttrValue, caption: Option<String>) -> Html {
    html! {
        <figcaption>
            <span class="chart-title">{ title.clone() }</span>
            if let Some(caption) = caption { <span class="chart-caption">{ caption }</span> }
        </figcaption>
    }
}

/// The SVG body of a fan (without the `<svg>` element).
pub(super) fn fan_body(g: &FanGeom, zero_line: bool) -> Html {
    let comparison_bands = g.comparisons.iter().enumerate().map(|(k, c)| {
        svg::area(
            "comparison-band",
            &c.band_10_90,
            palette::comparison(k),
            Some(palette::COMPARISON_BAND_OPACITY),
        )
    });
    let comparison_lines = g.comparisons.iter().enumerate().map(|(k, c)| {
        let (colour, dash) = (palette::comparison(k), palette::dash(k));
        let edges = c.edges.iter().filter(|d| !d.is_empty()).map(|d| {
            html! {
                <path class="comparison-edge" d={d.clone()} fill="none" stroke={colour}
                    stroke-width="0.9" stroke-dasharray={dash}
                    stroke-opacity={palette::COMPARISON_EDGE_OPACITY} />
            }
        });
        html! { <>
            { for edges }
            { svg::line("comparison-median", &c.median, colour, "2.25", Some(dash)) }
        </> }
    });
    let samples = g.samples.iter().map(|d| {
        html! {
            <path class="sample" d={d.clone()} fill="none" stroke={palette::SAMPLE}
                stroke-width="0.8" stroke-opacity={palette::SAMPLE_OPACITY} />
        }
    });
    let main = match &g.main {
        Some(m) => html! { <>
            { svg::area("band band-5-95", &m.band_5_95, palette::BAND_5_95, None) }
            { svg::area("band band-10-90", &m.band_10_90, palette::BAND_10_90, None) }
            { svg::area("band band-25-75", &m.band_25_75, palette::BAND_25_75, None) }
        </> },
        None => html! {},
    };
    let median = match &g.main {
        Some(m) => svg::line("median", &m.median, palette::MEDIAN, "2.5", None),
        None => html! {},
    };
    html! { <>
        { svg::axes(&g.frame) }
        <g class="plot">
            { main }
            { for comparison_bands }
            { for samples }
            if zero_line { { svg::zero_line(&g.frame) } }
            { for comparison_lines }
            { median }
        </g>
    </> }
}
