//! The plausible range beside an uncertain assumption's value, as "include uncertainty in
//! the assumptions" really draws it (`engine::sim::uncertain`). At the built-in value it is
//! the catalogue's range. At any other value (typed, or fitted to the council's returns) the
//! engine moves that range with the value (in proportion; yearly growth rates by the
//! difference), so the range shown is worked out with the engine's own `apply`: the figures
//! beside the box and the draws cannot disagree. Beside a fitted value it also gives the
//! fit's own uncertainty and says plainly that the option does not draw from it.

use engine::catalog::{self, Param, Scale, Spread};
use engine::sim::uncertain;
use engine::Scenario;
use serde_json::Value;
use yew::prelude::*;

use super::fields::Ctx;
use super::from_returns::{fitted_figures, fitted_here};
use super::prose::prose;
use crate::app::edit::{self, Path};
use crate::app::state::default_value;
use crate::format;

/// The range the engine draws for the assumption at `p` (catalogue entry `spread`, number
/// `k` of `catalog::uncertain()`) when the scenario holds `value` there: each end is the
/// built-in borough with `value` set, shifted by the engine to that end of the range.
/// `None` when the built-in borough cannot hold `value` there.
pub fn drawn_range(k: usize, spread: &Spread, p: &Path, value: f64) -> Option<(f64, f64)> {
    let mut base = (*default_value()).clone();
    edit::set(&mut base, p, Value::from(value)).ok()?;
    let scenario: Scenario = serde_json::from_value(base).ok()?;
    let end = |setting: f64| -> Option<f64> {
        let mut s = scenario.clone();
        uncertain::apply(&mut s, k, setting);
        edit::get(&serde_json::to_value(&s).ok()?, p).and_then(Value::as_f64)
    };
    Some((end(spread.low)?, end(spread.high)?))
}

/// Equal as the form shows them.
fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// The plausible range of an uncertain assumption, beside its value: the range the runs
/// draw from in the assumption's unit, and why (one click away).
pub fn range_note(ctx: &Ctx, p: &Path, param: &Param) -> Html {
    let Some((k, spread)) = catalog::uncertain()
        .iter()
        .enumerate()
        .find(|(_, s)| s.path == param.path)
    else {
        return html! {};
    };
    // A refused value moves no range: the built-in one stays beside the reason.
    let value = ctx
        .get(p)
        .and_then(Value::as_f64)
        .filter(|_| edit::errors_at(&ctx.errors, p).next().is_none());
    let default = edit::get(&default_value(), p).and_then(Value::as_f64);
    let moved = match (spread.scale, value, default) {
        (Scale::Value, Some(v), Some(d)) if !same(v, d) => {
            drawn_range(k, spread, p, v).map(|ends| (ends, d))
        }
        _ => None,
    };
    let builtin = format::range_in_words(param.unit, spread);
    // A value fitted to the council's own returns may well lie outside the built-in
    // borough's range: that is the point of the fit, so it is not questioned.
    let fitted = fitted_here(ctx, p).is_some();
    let outside = match (spread.scale, value) {
        (Scale::Value, Some(v))
            if !fitted && (v < spread.low.min(spread.high) || v > spread.high.max(spread.low)) =>
        {
            html! {
                <p class="range-outside" role="note">{ format!(
                    "Outside the built-in borough\u{2019}s plausible range, {builtin}: check the value, and say why in the scenario\u{2019}s description if it is right."
                ) }</p>
            }
        }
        _ => html! {},
    };
    let reason = html! { <p class="range-reason">{ prose(spread.reason, true) }</p> };
    let Some(((low, high), default)) = moved else {
        return html! { <>
            { outside }
            <details class="range" data-low={spread.low.to_string()} data-high={spread.high.to_string()}>
                <summary><span class="range-label">{ "Plausible range: " }</span>{ builtin }</summary>
                { reason }
            </details>
        </> };
    };
    let here = format::range_in_words(
        param.unit,
        &Spread {
            low,
            high,
            ..*spread
        },
    );
    let additive = same(high - low, spread.high - spread.low);
    let how = if additive {
        "by the same difference"
    } else {
        "in proportion"
    };
    let fitted = fitted_here(ctx, p);
    let (basis, fit_note) = match fitted {
        Some(f) => {
            let (v, half) = fitted_figures(f.value, f.std_error);
            let note = match half {
                Some(half) => {
                    let h: f64 = half.parse().unwrap_or(f64::NAN);
                    let compared = if 2.0 * h > high - low {
                        "It is wider than the range drawn, so the runs understate how uncertain this value is."
                    } else {
                        "It is narrower than the range drawn."
                    };
                    format!(
                        "The fit's own uncertainty ({v} \u{00b1} {half}: the estimate \u{00b1} 1.96 standard errors, 95%) is not what the runs draw. {compared}"
                    )
                }
                None => "The fit's own uncertainty is not known (too few data).".to_string(),
            };
            (
                " (the built-in range moved to the fitted value, not the fit's own uncertainty)",
                note,
            )
        }
        None => (" (the built-in range moved to this value)", String::new()),
    };
    let dflt = edit::number_text(Some(&Value::from(default)));
    html! { <>
        { outside }
        <details class="range moved" data-low={low.to_string()} data-high={high.to_string()}>
            <summary><span class="range-label">{ "Plausible range: " }</span>{ here }<span class="range-basis">{ basis }</span></summary>
            <p class="range-drawn">{ format!(
                "With \u{201c}include uncertainty in the assumptions\u{201d} on, each run draws this assumption from this range: the built-in borough's range ({builtin}, around {dflt}) moved {how} to the value set here."
            ) }</p>
            if !fit_note.is_empty() { <p class="range-fit">{ fit_note }</p> }
            { reason }
        </details>
    </> }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spread(path: &str) -> (usize, &'static Spread) {
        catalog::uncertain()
            .iter()
            .enumerate()
            .find(|(_, s)| s.path == path)
            .unwrap()
    }

    #[test]
    fn the_range_moves_with_the_value_as_the_engine_draws_it() {
        let (k, s) = spread("demand.groups_per_month");
        let p = Path::parse(s.path).unwrap();
        let d = engine::defaults::default_scenario().demand.groups_per_month;
        let (lo, hi) = drawn_range(k, s, &p, d).unwrap();
        assert!(
            same(lo, s.low) && same(hi, s.high),
            "at the default: the catalogue's range"
        );
        let (lo, hi) = drawn_range(k, s, &p, 0.27).unwrap();
        assert!(
            same(lo, 0.27 * s.low / d) && same(hi, 0.27 * s.high / d),
            "{lo} {hi}"
        );
        // The engine's own draw, applied to a scenario holding 0.27, lands in that range.
        let mut sc = engine::defaults::default_scenario();
        sc.demand.groups_per_month = 0.27;
        let mut drawn = sc.clone();
        uncertain::apply_all(&mut drawn, &uncertain::draw(7, 3));
        let x = drawn.demand.groups_per_month;
        assert!(lo <= x && x <= hi, "{x} outside {lo}..{hi}");
    }

    #[test]
    fn a_growth_rate_moves_by_the_difference() {
        let (k, s) = spread("demand.trend_per_year");
        let p = Path::parse(s.path).unwrap();
        let d = engine::defaults::default_scenario().demand.trend_per_year;
        let (lo, hi) = drawn_range(k, s, &p, d + 0.05).unwrap();
        assert!(
            same(lo, s.low + 0.05) && same(hi, s.high + 0.05),
            "{lo} {hi}"
        );
    }
}
