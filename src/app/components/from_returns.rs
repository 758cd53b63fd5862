//! The form's marks for a scenario built from an accepted fit to the council's own
//! returns: beside a fitted value, "Estimated from your returns (N periods of care, Apr
//! 2019 – Mar 2022) ± u; default was X" (for an array or table, one line per element
//! still at its fitted value); on a field the return cannot inform, "Not from your
//! returns: confirm or enter", and on one it holds with too few data to fit, that the
//! baseline's value is kept. The marks come from `fit_marks` (saved with the work).

use engine::catalog::Param;
use yew::prelude::*;

use super::borough::review::figure;
use super::fields::{cell_name, columns, Ctx};
use crate::app::edit::Path;
use crate::app::fit_marks::MarkedValue;

/// A fitted value and its 95% half-width (1.96 standard errors) as a reader should see
/// them: the half-width to two significant figures and the value to the same decimal place
/// ("0.27", "0.33"); without a usable uncertainty, the value to four significant figures.
pub fn fitted_figures(value: f64, std_error: Option<f64>) -> (String, Option<String>) {
    match std_error.map(|se| 1.96 * se) {
        Some(half) if half.is_finite() && half > 0.0 && value.is_finite() => {
            let decimals = (1 - half.log10().floor() as i32).clamp(0, 9) as usize;
            (
                format!("{value:.decimals$}"),
                Some(format!("{half:.decimals$}")),
            )
        }
        _ => (figure(value), None),
    }
}

/// "± 0.88" (95%: 1.96 standard errors), or that it is not known.
fn uncertainty(v: &MarkedValue) -> String {
    match fitted_figures(v.value, v.std_error).1 {
        Some(half) => format!("\u{00b1} {half}"),
        None => "uncertainty not known".into(),
    }
}

/// The fitted value the scenario still holds at exactly `p`, if any.
pub fn fitted_here<'a>(ctx: &'a Ctx, p: &Path) -> Option<&'a MarkedValue> {
    ctx.returns
        .as_ref()?
        .values
        .values()
        .find(|v| Path::parse(&v.field).as_ref() == Some(p))
}

/// "(3,227 periods of care, Apr 2019 – Mar 2022)".
fn basis(n: usize, n_of: &str, window: &str) -> String {
    format!("({} {n_of}, {window})", crate::format::count(n as f64))
}

/// The mark for the field at `p` (`param` its catalogue entry), if the scenario is built
/// from a fit: its fitted values, or why it is not from the returns.
pub fn returns_note(ctx: &Ctx, p: &Path, param: &Param) -> Html {
    let Some(m) = &ctx.returns else {
        return html! {};
    };
    let fitted: Vec<&MarkedValue> = m.fitted_at(p).collect();
    if let [v] = fitted.as_slice() {
        if Path::parse(&v.field).as_ref() == Some(p) {
            return html! {
                <p class="from-returns" data-field={v.field.clone()}>
                    { format!(
                        "Estimated from your returns {} {}; default was {}",
                        basis(v.n, &v.n_of, &m.window),
                        uncertainty(v),
                        figure(v.default)
                    ) }
                </p>
            };
        }
    }
    if !fitted.is_empty() {
        let cols = columns(&p.catalog_key());
        let (lo, hi) = fitted
            .iter()
            .fold((usize::MAX, 0), |(lo, hi), v| (lo.min(v.n), hi.max(v.n)));
        let n_of = &fitted[0].n_of;
        let counts = if lo == hi {
            crate::format::count(lo as f64)
        } else {
            format!(
                "{}\u{2013}{}",
                crate::format::count(lo as f64),
                crate::format::count(hi as f64)
            )
        };
        return html! {
            <details class="from-returns">
                <summary>{ format!(
                    "Estimated from your returns ({counts} {n_of}, {}): {} of these values, each \u{00b1} its uncertainty",
                    m.window,
                    fitted.len()
                ) }</summary>
                <ul>
                    { for fitted.iter().map(|v| html! {
                        <li data-field={v.field.clone()}>{ format!(
                            "{}: {} {}; default was {}",
                            cell_name(param, &cols, &v.field),
                            fitted_figures(v.value, v.std_error).0,
                            uncertainty(v),
                            figure(v.default)
                        ) }</li>
                    }) }
                </ul>
            </details>
        };
    }
    match m.kept_at(p) {
        Some(k) => {
            let in_return = engine::ssda903::fit::KeptValue {
                field: k.field.clone(),
                reason: k.reason.clone(),
            }
            .in_the_return();
            let text = if in_return {
                "In your returns, but too few data to fit: the baseline\u{2019}s value kept"
            } else {
                "Not from your returns: confirm or enter"
            };
            html! { <p class="not-from-returns" title={super::prose::plain_paths(&k.reason)}>{ text }</p> }
        }
        None => html! {},
    }
}

#[cfg(test)]
mod tests {
    use super::fitted_figures;

    #[test]
    fn a_fitted_value_is_shown_to_the_precision_of_its_uncertainty() {
        let (v, u) = fitted_figures(0.270006790, Some(0.3335 / 1.96));
        assert_eq!((v.as_str(), u.as_deref()), ("0.27", Some("0.33")));
        let (v, u) = fitted_figures(27.4812, Some(1.5));
        assert_eq!((v.as_str(), u.as_deref()), ("27.5", Some("2.9")));
        let (v, u) = fitted_figures(312.7, Some(40.0));
        assert_eq!((v.as_str(), u.as_deref()), ("313", Some("78")));
        let (v, u) = fitted_figures(0.412345, None);
        assert_eq!((v.as_str(), u), ("0.4123", None));
        assert_eq!(fitted_figures(0.41, Some(f64::NAN)).1, None);
    }
}
