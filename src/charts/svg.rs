//! Shared SVG and legend pieces for the chart components. Only SVG presentation attributes
//! and classes are used: the page's Content-Security-Policy forbids inline styles.

use yew::prelude::*;

use super::layout::Frame;
use super::palette;
use super::path::num;

/// `id` when it is not empty, with `suffix` appended.
pub fn opt_id(id: &AttrValue, suffix: &str) -> Option<AttrValue> {
    (!id.is_empty()).then(|| AttrValue::from(format!("{id}{suffix}")))
}

/// The `<svg>` element of a chart: fixed viewBox, scales to its container's width.
pub fn chart_svg(frame: &Frame, label: String, class: &'static str, children: Html) -> Html {
    html! {
        <svg class={classes!("chart-svg", class)} role="img" aria-label={label}
            viewBox={frame.view_box()} width={num_int(frame.width)} height={num_int(frame.height)}
            preserveAspectRatio="xMidYMid meet" xmlns="http://www.w3.org/2000/svg"
            font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif">
            { children }
        </svg>
    }
}

fn num_int(v: f64) -> String {
    if v.is_finite() {
        format!("{}", v.round() as i64)
    } else {
        "0".into()
    }
}

/// Horizontal grid lines with y labels, the x axis line with month ticks and labels.
pub fn axes(frame: &Frame) -> Html {
    let (left, right, bottom) = (frame.left(), frame.right(), frame.bottom());
    let grid = frame.y_ticks.iter().map(|t| {
        html! {
            <g class="y-tick">
                <line x1={num(left)} x2={num(right)} y1={num(t.pos)} y2={num(t.pos)}
                    stroke={palette::GRID} stroke-width="1" />
                <text x={num(left - 8.0)} y={num(t.pos)} dy="0.32em" text-anchor="end"
                    fill={palette::TEXT} font-size="12">{ t.label.clone() }</text>
            </g>
        }
    });
    let ticks = frame.x_ticks.iter().map(|t| {
        html! {
            <g class="x-tick">
                <line x1={num(t.pos)} x2={num(t.pos)} y1={num(bottom)} y2={num(bottom + 5.0)}
                    stroke={palette::AXIS} stroke-width="1" />
                <text x={num(t.pos)} y={num(bottom + 18.0)} text-anchor="middle"
                    fill={palette::TEXT} font-size="12">{ t.label.clone() }</text>
            </g>
        }
    });
    html! {
        <g class="axes" aria-hidden="true">
            { for grid }
            <line class="x-axis" x1={num(left)} x2={num(right)} y1={num(bottom)} y2={num(bottom)}
                stroke={palette::AXIS} stroke-width="1" />
            { for ticks }
        </g>
    }
}

/// The y = 0 line, when 0 is on the axis.
pub fn zero_line(frame: &Frame) -> Html {
    match frame.zero_y {
        Some(y) => html! {
            <line class="zero-line" x1={num(frame.left())} x2={num(frame.right())}
                y1={num(y)} y2={num(y)} stroke={palette::ZERO} stroke-width="1.5" />
        },
        None => html! {},
    }
}

/// A filled path.
pub fn area(
    class: &'static str,
    d: &str,
    fill: &'static str,
    opacity: Option<&'static str>,
) -> Html {
    if d.is_empty() {
        return html! {};
    }
    html! { <path class={class} d={d.to_string()} fill={fill} fill-opacity={opacity} stroke="none" /> }
}

/// A stroked line path.
pub fn line(
    class: &'static str,
    d: &str,
    stroke: &'static str,
    width: &'static str,
    dash: Option<&'static str>,
) -> Html {
    if d.is_empty() {
        return html! {};
    }
    html! {
        <path class={class} d={d.to_string()} fill="none" stroke={stroke} stroke-width={width}
            stroke-dasharray={dash} stroke-linejoin="round" stroke-linecap="round" />
    }
}

/// What a legend entry's key looks like.
pub enum Key {
    /// A filled rectangle; optional opacity.
    Fill(&'static str, Option<&'static str>),
    /// Three nested bands, the one meant drawn darker (0 = 25-75, 1 = 10-90, 2 = 5-95).
    Bands(u8),
    /// A line: colour, width, dash pattern.
    Line(&'static str, &'static str, Option<&'static str>),
}

/// A legend entry's key, drawn as a small SVG.
pub(super) fn key_svg(key: &Key) -> Html {
    let body = match key {
        Key::Fill(fill, op) => html! {
            <rect x="1" y="2" width="26" height="12" fill={*fill} fill-opacity={*op}
                stroke={palette::AXIS} stroke-width="0.5" />
        },
        Key::Bands(which) => {
            // The bands that hold the stated share of futures, nested as in the chart.
            let (outer, mid, inner) = match which {
                0 => ("none", "none", palette::BAND_25_75),
                1 => ("none", palette::BAND_10_90, palette::BAND_25_75),
                _ => (palette::BAND_5_95, palette::BAND_10_90, palette::BAND_25_75),
            };
            html! { <>
                <rect x="1" y="1" width="26" height="14" fill={outer} stroke={palette::AXIS} stroke-width="0.5" />
                <rect x="1" y="4" width="26" height="8" fill={mid} />
                <rect x="1" y="6" width="26" height="4" fill={inner} />
            </> }
        }
        Key::Line(stroke, width, dash) => html! {
            <line x1="1" x2="27" y1="8" y2="8" stroke={*stroke} stroke-width={*width}
                stroke-dasharray={*dash} />
        },
    };
    html! {
        <svg class="legend-key" width="28" height="16" viewBox="0 0 28 16" aria-hidden="true"
            focusable="false" xmlns="http://www.w3.org/2000/svg">{ body }</svg>
    }
}

/// A legend list; `intro` is said before it (empty for none).
pub fn legend(intro: &str, items: Vec<(Key, String)>) -> Html {
    html! {
        <div class="chart-legend">
            if !intro.is_empty() { <p class="chart-legend-intro">{ intro.to_string() }</p> }
            <ul>
                { for items.into_iter().map(|(k, text)| html! {
                    <li>{ key_svg(&k) }<span>{ text }</span></li>
                }) }
            </ul>
        </div>
    }
}
