//! "What matters most": the tornado of the uncertain assumptions for a chosen outcome
//! (engine `sensitivity::tornado`), drawn as bars around the baseline value, longest first,
//! with what it means in one sentence, and beside it the global ranking
//! ([`super::scrutiny::ranking`]); a progress bar and a cancel button while they run.
//! The component only shows and asks: the root runs both on the workers
//! (`crate::app::analysis`) and hands back the tornado, then the ranking, and the progress.

use std::rc::Rc;

use engine::sensitivity::global::Ranking;
use engine::sensitivity::tornado::Tornado;
use yew::prelude::*;

use super::scrutiny::ranking::ranking_chart;
use super::scrutiny::words;
use crate::charts::palette;
use crate::charts::scale::nice_ticks;
use engine::metrics::Unit;

/// The outcomes offered: a metric key and what it is called here.
pub const OUTCOMES: [(&str, &str); 5] = [
    ("cost", "Cost over the whole period"),
    (
        "no_suitable",
        "Children without a suitable placement (at the end)",
    ),
    (
        "gap",
        "Sufficiency gap: no suitable placement or below assessed need (at the end)",
    ),
    (
        "in_house_share",
        "Share of children in in-house placements (at the end)",
    ),
    ("in_care", "Children in care (at the end)"),
];

/// Width of the drawing, and of the label column within it.
const WIDTH: f64 = 720.0;
const LABELS: f64 = 300.0;
const ROW: f64 = 32.0;

/// One bar's geometry: from the outcome at the low end of the range to the one at the high
/// end (either may be left of the other), in drawing units.
#[derive(Clone, Debug, PartialEq)]
pub struct BarGeom {
    pub y: f64,
    pub x_low: f64,
    pub x_high: f64,
}

/// Round ticks (1-2-5 steps) covering every bar end and the baseline: the axis under the
/// bars, whose ends are the drawing's scale.
fn ticks(t: &Tornado) -> Vec<f64> {
    let values = t
        .bars
        .iter()
        .flat_map(|b| [b.at_low, b.at_high])
        .chain([t.baseline]);
    let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
        (a.min(v), b.max(v))
    });
    if lo < hi {
        nice_ticks(lo, hi, 6)
    } else {
        Vec::new()
    }
}

/// Where value `v` is drawn, on the scale of `ticks` (the middle of the plot without them).
fn x_of(ticks: &[f64], v: f64) -> f64 {
    let plot = WIDTH - LABELS - 20.0;
    match (ticks.first(), ticks.last()) {
        (Some(&lo), Some(&hi)) if hi > lo && v.is_finite() => LABELS + (v - lo) / (hi - lo) * plot,
        _ => LABELS + plot / 2.0,
    }
}

/// The axis: each tick's position and its label in the outcome's unit (£M for costs, % for
/// shares, whole children for counts).
pub fn axis(t: &Tornado) -> Vec<(f64, String)> {
    axis_on(&ticks(t), unit_of(t))
}

/// The axis of `ticks` with labels in `unit`.
fn axis_on(ticks: &[f64], unit: Unit) -> Vec<(f64, String)> {
    // A share's outcome is a percentage here; the tick labels take a share 0-1.
    let per = if unit == Unit::BasisPoints {
        100.0
    } else {
        1.0
    };
    let step = match ticks {
        [a, b, ..] => b - a,
        _ => 1.0,
    };
    let max_abs = ticks.iter().fold(0.0f64, |m, v| m.max(v.abs()));
    ticks
        .iter()
        .map(|&v| {
            let label = crate::format::tick(unit, v / per, step / per, max_abs / per);
            (x_of(ticks, v), label)
        })
        .collect()
}

/// The bars' geometry and the baseline's position, on the axis's scale (a tornado with no
/// length at all is centred).
pub fn geometry(t: &Tornado) -> (Vec<BarGeom>, f64) {
    geometry_on(t, &ticks(t))
}

/// The bars' geometry on the scale of `ticks`.
fn geometry_on(t: &Tornado, ticks: &[f64]) -> (Vec<BarGeom>, f64) {
    let x = |v: f64| x_of(ticks, v);
    let bars = t
        .bars
        .iter()
        .enumerate()
        .map(|(i, b)| BarGeom {
            y: i as f64 * ROW + 4.0,
            x_low: x(b.at_low),
            x_high: x(b.at_high),
        })
        .collect();
    (bars, x(t.baseline))
}

/// The unit of the tornado's outcome (from its metric).
fn unit_of(t: &Tornado) -> Unit {
    metric_unit(&t.metric)
}

/// The unit of the metric `key` (a count when it is not one): what [`shown`] takes.
pub fn metric_unit(key: &str) -> Unit {
    engine::metrics::definitions()
        .into_iter()
        .find(|d| d.key == key)
        .map(|d| d.unit)
        .unwrap_or(Unit::Count)
}

/// An outcome's figure in its unit, as the axis and the rest of the app show it: costs in
/// £ millions, shares as percentages, counts with thousands separators or one decimal.
pub fn shown(unit: Unit, x: f64) -> String {
    match unit {
        Unit::Pounds => crate::format::pounds_millions(x),
        Unit::BasisPoints => crate::format::share(x / 100.0),
        _ => figure(x),
    }
}

/// A figure as shown: whole numbers with thousands separators, small ones with a decimal.
fn figure(x: f64) -> String {
    if x.abs() >= 1000.0 {
        crate::format::count(x)
    } else {
        crate::format::value_precise(Unit::Count, x)
    }
}

#[derive(Properties, PartialEq)]
pub struct WhatMattersMostProps {
    /// The latest tornado (while running: from the runs so far), if any.
    pub tornado: Option<Rc<Tornado>>,
    /// The latest global ranking, if any (made after the tornado).
    #[prop_or_default]
    pub ranking: Option<Rc<Ranking>>,
    /// Runs done and in all, while running.
    pub progress: Option<(u64, u64)>,
    /// Run the tornado for this outcome choice (a metric key, or `cost@YEAR`).
    pub on_run: Callback<String>,
    pub on_cancel: Callback<()>,
    /// The financial years simulated (for "cost in one financial year").
    #[prop_or_default]
    pub years: Rc<Vec<String>>,
    /// The workers are busy with another run or analysis.
    #[prop_or_default]
    pub busy: bool,
    /// Why the last tornado stopped, if it did not finish.
    #[prop_or_default]
    pub stopped: Option<String>,
    /// The months simulated ("2020-07"), to say which financial years are only partly in.
    #[prop_or_default]
    pub months: Rc<Vec<String>>,
}

/// "Cost in financial year 2020/21", saying so when the projection holds only part of it:
/// "(9 months: July 2020 to March 2021)".
pub fn year_choice(year: &str, months: &[String]) -> String {
    let fy_of = |label: &str| {
        let (y, m) = crate::format::parse_month(label)?;
        let start = if m >= 4 { y } else { y - 1 };
        Some(format!("{start}/{:02}", (start + 1).rem_euclid(100)))
    };
    let inside: Vec<&String> = months
        .iter()
        .filter(|l| fy_of(l).as_deref() == Some(year))
        .collect();
    match (inside.first(), inside.last()) {
        (Some(first), Some(last)) if inside.len() < 12 => format!(
            "Cost in financial year {year} ({} months: {} to {})",
            inside.len(),
            crate::format::month_long(first),
            crate::format::month_long(last)
        ),
        _ => format!("Cost in financial year {year}"),
    }
}

#[function_component]
pub fn WhatMattersMost(props: &WhatMattersMostProps) -> Html {
    let metric = use_state(|| OUTCOMES[0].0.to_string());
    let choose = {
        let metric = metric.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                metric.set(select.value());
            }
        })
    };
    let run = {
        let (on, metric) = (props.on_run.clone(), metric.clone());
        Callback::from(move |_: MouseEvent| on.emit((*metric).clone()))
    };
    let cancel = {
        let on = props.on_cancel.clone();
        Callback::from(move |_: MouseEvent| on.emit(()))
    };
    let running = props.progress.is_some();
    let why = if running {
        Some(super::scrutiny::WORKING)
    } else if props.busy {
        Some(super::scrutiny::BUSY)
    } else {
        None
    };
    let (title, described) = super::scrutiny::why_attrs("sensitivity-run-why", why);
    let progress = props.progress.map(|(done, total)| {
        html! {
            <div class="progress-wrap">
                <progress id="sensitivity-progress" max={total.to_string()} value={done.to_string()} />
                <span id="sensitivity-status">{ format!("{done} of {total} simulated futures") }</span>
                <button type="button" id="sensitivity-cancel" class="secondary" onclick={cancel}>{ "Cancel" }</button>
            </div>
        }
    });
    let mut choices: Vec<(String, String)> = OUTCOMES
        .iter()
        .map(|(k, l)| (k.to_string(), l.to_string()))
        .collect();
    choices.extend(
        props
            .years
            .iter()
            .map(|y| (format!("cost@{y}"), year_choice(y, &props.months))),
    );
    let options = choices.iter().map(|(key, label)| {
        html! { <option value={key.clone()} selected={*metric == *key}>{ label }</option> }
    });
    html! {
        <section class="sensitivity" id="what-matters-most" aria-label="What matters most">
            <h3>{ "What matters most" }</h3>
            <div class="sensitivity-controls">
                <label for="sensitivity-outcome">{ "For" }</label>
                <select id="sensitivity-outcome" onchange={choose} disabled={running}>{ for options }</select>
                <button type="button" id="sensitivity-run" onclick={run} disabled={why.is_some()}
                    title={title} aria-describedby={described}>{ "Find out" }</button>
                { super::scrutiny::why_disabled("sensitivity-run-why", why) }
            </div>
            <p class="muted">{ "Two rankings of the uncertain assumptions. First, each is set to the low and then the high end of its plausible range, one at a time, on the same simulated futures. Then all of them vary together, each future with its own setting of every assumption, to show which matter most when they are all uncertain at once. It takes a while (it runs the model about twenty-five times over)." }</p>
            { progress.unwrap_or_default() }
            if let Some(why) = &props.stopped { <p class="note" id="sensitivity-stopped">{ why }</p> }
            <div class="rankings">
                { props.tornado.as_deref().map(chart).unwrap_or_default() }
                { match (&props.ranking, &props.tornado, running) {
                    (Some(r), _, _) => ranking_chart(r),
                    (None, Some(_), true) => html! {
                        <p class="note" id="ranking-pending">{ "Ranking with all the assumptions varying together: running…" }</p>
                    },
                    _ => html! {},
                } }
            </div>
        </section>
    }
}

/// The tornado as drawn: for an outcome that is not an amount of money, without the
/// prices (they cannot move it, so their bars would be empty), and whether any were left
/// out.
pub fn shown_bars(t: &Tornado) -> (Tornado, bool) {
    let mut shown = t.clone();
    if !words::prices_move(unit_of(t)) {
        shown.bars.retain(|b| !words::is_price(&b.path));
    }
    let left_out = shown.bars.len() < t.bars.len();
    (shown, left_out)
}

/// An assumption's label in lines of the label column, each line's baseline from `y`, the
/// top of a bar `height` high, centred on it.
pub fn label_lines(label: &str, y: f64, height: f64) -> Html {
    let lines = words::lines(label, LABEL_CHARS);
    let first = y + height / 2.0 + 4.0 - (lines.len() as f64 - 1.0) * 6.5;
    let spans = lines.iter().enumerate().map(|(i, line)| {
        html! { <tspan x={(LABELS - 8.0).to_string()} y={(first + i as f64 * 13.0).to_string()}>{ line }</tspan> }
    });
    html! {
        <text text-anchor="end" font-size="12" fill={palette::TEXT}>{ for spans }</text>
    }
}

/// The tornado drawn: one row per assumption, the bar from its low-end to its high-end
/// outcome, the baseline a vertical line.
fn chart(t: &Tornado) -> Html {
    let (t, prices_left_out) = shown_bars(t);
    let t = &t;
    // The scale and the unit worked out once, for the bars and the axis alike.
    let scale = ticks(t);
    let unit = unit_of(t);
    let (bars, base_x) = geometry_on(t, &scale);
    let figure = |x: f64| shown(unit, x);
    let height = bars.len() as f64 * ROW + 8.0;
    let ticks = axis_on(&scale, unit).into_iter().map(|(x, label)| {
        html! {
            <g class="tornado-tick">
                <line x1={x.to_string()} x2={x.to_string()} y1="0" y2={(height + 4.0).to_string()}
                      stroke={palette::GRID} stroke-width="0.8" />
                <text x={x.to_string()} y={(height + 16.0).to_string()} text-anchor="middle" font-size="11" fill={palette::TEXT}>{ label }</text>
            </g>
        }
    });
    // Below the axis: the baseline's label, then the legend.
    let base_y = height + 34.0;
    let legend_y = height + 52.0;
    let rows = t.bars.iter().zip(&bars).map(|(b, g)| {
        let tip = format!(
            "{}: at the low end ({}) {}, at the high end ({}) {}. Plausible range: {}. {}",
            b.label,
            words::setting(&b.path, b.low),
            figure(b.at_low),
            words::setting(&b.path, b.high),
            figure(b.at_high),
            words::range(&b.path),
            b.reason
        );
        // From the baseline to each end's outcome, coloured by the end.
        let part = |x: f64, colour: &'static str| {
            let (x0, x1) = (x.min(base_x), x.max(base_x));
            html! {
                <rect x={x0.to_string()} y={g.y.to_string()} width={(x1 - x0).to_string()}
                      height={(ROW - 8.0).to_string()} fill={colour} />
            }
        };
        html! {
            <g class="tornado-row" data-path={b.path.clone()}>
                <title>{ tip }</title>
                { label_lines(&b.label, g.y, ROW - 8.0) }
                { part(g.x_low, palette::LOW_END) }
                { part(g.x_high, palette::HIGH_END) }
            </g>
        }
    });
    html! {
        <figure class="tornado" id="tornado" data-outcome={t.metric.clone()} data-bars={t.bars.len().to_string()}>
            <figcaption>
                <strong>{ "One assumption at a time" }</strong>
                <br />
                { format!("{}: {} with every assumption as the scenario gives it ({} runs each).", t.outcome, figure(t.baseline), t.runs) }
                <br />{ &t.meaning }
                if prices_left_out {
                    <br />
                    <span id="tornado-prices-left-out">{ words::PRICES_LEFT_OUT }</span>
                }
                if !t.priced_again.is_empty() && !prices_left_out {
                    <br />
                    <span id="tornado-priced-again">{ priced_again_note(&t.priced_again) }</span>
                }
            </figcaption>
            <svg viewBox={format!("0 0 {WIDTH} {}", legend_y + 8.0)} role="img" aria-label="Tornado chart"
                 font-family="sans-serif">
                <g class="tornado-axis">{ for ticks }</g>
                { for rows }
                <line x1={base_x.to_string()} x2={base_x.to_string()} y1="0" y2={(height + 22.0).to_string()}
                      stroke={palette::ZERO} stroke-width="1.5" stroke-dasharray="4 3" />
                <text x={base_x.to_string()} y={base_y.to_string()} text-anchor="middle" font-size="11" fill={palette::TEXT}>
                    { format!("as given {}", figure(t.baseline)) }
                </text>
                <rect x="0" y={(legend_y - 9.0).to_string()} width="10" height="10" fill={palette::LOW_END} />
                <text x="14" y={legend_y.to_string()} font-size="11" fill={palette::TEXT}>{ "assumption at the low end" }</text>
                <rect x="190" y={(legend_y - 9.0).to_string()} width="10" height="10" fill={palette::HIGH_END} />
                <text x="204" y={legend_y.to_string()} font-size="11" fill={palette::TEXT}>{ "at the high end" }</text>
            </svg>
        </figure>
    }
}

/// Why fewer futures were simulated than bars × runs: the cost-only assumptions' bars are the
/// baseline's futures priced again (the same figures as simulating them again).
fn priced_again_note(labels: &[String]) -> String {
    let names = match labels {
        [] => String::new(),
        [one] => one.to_lowercase(),
        [rest @ .., last] => {
            let rest: Vec<String> = rest.iter().map(|l| l.to_lowercase()).collect();
            format!("{} and {}", rest.join(", "), last.to_lowercase())
        }
    };
    format!(
        "Prices ({names}) change what the futures cost but not what happens in them, so for \
         these the baseline's futures were priced again rather than simulated again: the same \
         figures, with less work."
    )
}

/// Longest line of a label (a longer label wraps onto a second line).
pub const LABEL_CHARS: usize = 44;

#[cfg(test)]
mod tests {
    use super::*;
    use engine::defaults::default_scenario;
    use engine::scenario::RunSettings;
    use engine::sensitivity::tornado::TornadoPlan;
    use engine::sensitivity::Outcome;

    fn tornado() -> Tornado {
        let settings = RunSettings {
            seed: 3,
            replications: 2,
            horizon_months: 1,
            uncertainty: false,
        };
        let outcome = Outcome::new("admissions", None).expect("a metric");
        let plan = TornadoPlan::new(&default_scenario(), &settings, outcome).expect("plan");
        plan.tornado(&plan.run_with(0..2, |_| true))
    }

    /// The baseline sits within the longest bar, which comes first; an assumption that does
    /// not move the outcome has no length, at the baseline.
    #[test]
    fn bars_are_drawn_around_the_baseline() {
        let t = tornado();
        let (bars, base) = geometry(&t);
        assert_eq!(bars.len(), t.bars.len());
        let first = &bars[0];
        assert!(
            first.x_low < base && base < first.x_high,
            "{first:?} {base}"
        );
        assert!(first.x_low >= LABELS - 1e-9 && first.x_high <= WIDTH - 20.0 + 1e-9);
        // On a round axis whose ends hold every bar: its first and last ticks are the plot's.
        let ticks = axis(&t);
        assert!(ticks.len() >= 2, "{ticks:?}");
        assert!((ticks[0].0 - LABELS).abs() < 1e-9);
        assert!((ticks.last().expect("ticks").0 - (WIDTH - 20.0)).abs() < 1e-9);
        assert!(ticks.windows(2).all(|w| w[0].0 < w[1].0));
        let last = bars.last().expect("bars");
        assert_eq!((last.x_low, last.x_high), (base, base));
        assert!(bars.windows(2).all(|w| w[0].y < w[1].y));
    }

    /// The cost-only assumptions are named as priced again, in words.
    #[test]
    fn the_tornado_says_which_bars_were_priced_again() {
        let t = tornado();
        assert_eq!(t.priced_again.len(), 3, "{:?}", t.priced_again);
        let note = priced_again_note(&t.priced_again);
        assert!(
            note.contains("priced again rather than simulated again"),
            "{note}"
        );
        assert!(note.contains(" and "), "{note}");
    }

    /// The axis speaks the outcome's unit: pounds in millions, shares as percentages.
    #[test]
    fn axis_labels_in_the_outcome_unit() {
        let mut t = tornado();
        t.metric = "cost".into();
        t.baseline = 70.0e6;
        for (i, b) in t.bars.iter_mut().enumerate() {
            b.at_low = 66.0e6 + i as f64 * 1e5;
            b.at_high = 74.5e6;
        }
        let labels: Vec<String> = axis(&t).into_iter().map(|(_, l)| l).collect();
        assert!(
            labels
                .iter()
                .all(|l| l.starts_with('£') && l.ends_with('M')),
            "{labels:?}"
        );
        t.metric = "in_house_share".into();
        t.baseline = 31.5;
        for b in &mut t.bars {
            b.at_low = 28.0;
            b.at_high = 35.0;
        }
        let labels: Vec<String> = axis(&t).into_iter().map(|(_, l)| l).collect();
        assert!(labels.iter().all(|l| l.ends_with('%')), "{labels:?}");
        assert!(labels.contains(&"30%".to_string()), "{labels:?}");
    }

    #[test]
    fn part_years_say_so() {
        let months: Vec<String> = (0..60)
            .map(|i| format!("{}-{:02}", 2020 + (6 + i) / 12, (6 + i) % 12 + 1))
            .collect();
        assert_eq!(months[0], "2020-07");
        assert_eq!(
            year_choice("2020/21", &months),
            "Cost in financial year 2020/21 (9 months: July 2020 to March 2021)"
        );
        assert_eq!(
            year_choice("2022/23", &months),
            "Cost in financial year 2022/23"
        );
        assert_eq!(
            year_choice("2025/26", &months),
            "Cost in financial year 2025/26 (3 months: April 2025 to June 2025)"
        );
    }

    #[test]
    fn outcomes_shown_in_their_unit() {
        assert_eq!(shown(Unit::Pounds, 175_394_128.0), "£175.4M");
        assert_eq!(shown(Unit::BasisPoints, 31.27), "31.3%");
        assert_eq!(shown(Unit::Children, 4.52), "4.5");
    }

    #[test]
    fn figures_read_as_people_write_them() {
        assert_eq!(figure(1_234_567.4), "1,234,567");
        assert_eq!(figure(-2500.0), "\u{2212}2,500");
        assert_eq!(figure(12.345), "12.3");
    }
}
