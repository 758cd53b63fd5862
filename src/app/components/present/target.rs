//! The facilitator's target on the chart shown ("a gap of at most 100 children by March 2028", "cost
//! at most £3.2M a month by March 2027"): the form that sets it, and the plain verdict of
//! how often the simulated futures meet it, read from the run's histograms at that month
//! (`engine::target`).

use std::rc::Rc;

use engine::aggregate::{Aggregate, ScenarioAgg};
use engine::hist::Hist;
use engine::metrics::{self, Unit};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::settings::{target_months, TargetSetting};
use crate::app::state::Results;
use crate::format;

/// A threshold typed by a person: "5", "3,200,000", "£3.2M", "450k".
pub fn parse_threshold(text: &str) -> Result<f64, String> {
    let t = text.trim();
    let (body, factor) = match t.chars().last() {
        Some('k' | 'K') => (&t[..t.len() - 1], 1e3),
        Some('m' | 'M') => (&t[..t.len() - 1], 1e6),
        _ => (t, 1.0),
    };
    // Separators as the form's number boxes read them: "0,5" is not 5.
    let digits = crate::app::edit::without_separators(body).unwrap_or_default();
    match digits.parse::<f64>() {
        Ok(v) if v.is_finite() && v >= 0.0 => Ok(v * factor),
        Ok(_) => Err("Target: the value must be zero or more".into()),
        Err(_) => Err("Target: type a number, for example 5 or £3.2M".into()),
    }
}

/// A target to suggest in the empty box: the chart's median at the end of the projection
/// rounded to two significant figures ("120" children, "£2.8M"), so the example fits the
/// chart shown (a gap of about 120 is not judged against 5).
pub fn suggestion(unit: Unit, median: Option<f64>) -> String {
    let Some(m) = median.filter(|m| m.is_finite() && *m > 0.0) else {
        return if unit == Unit::Pounds { "£3.2M" } else { "5" }.to_string();
    };
    let magnitude = 10f64.powi(m.log10().floor() as i32 - 1);
    let round = (m / magnitude).round() * magnitude;
    if unit == Unit::Pounds {
        format!("£{}M", format!("{:.1}", round / 1e6).trim_end_matches(".0"))
    } else {
        format!("{}", round.round())
    }
}

/// The unit's words after "at most".
fn unit_words(unit: Unit, v: f64) -> String {
    let n = format::value(unit, v);
    match unit {
        Unit::Children if v == 1.0 => format!("{n} child"),
        Unit::Children => format!("{n} children"),
        _ => n,
    }
}

/// "At most 5 children in March 2028".
pub fn target_words(unit: Unit, t: &TargetSetting) -> String {
    format!(
        "At most {} in {}",
        unit_words(unit, t.threshold),
        format::month_long(&t.month)
    )
}

/// "Target met in 62% of simulated futures".
pub fn verdict_words(chance: f64) -> String {
    format!(
        "Target met in {} of simulated futures",
        format::probability(chance)
    )
}

/// A narrow copy of `agg` holding only what [`verdict`] reads: each scenario's horizon and
/// its monthly histograms of the charts' figures (`present::CHARTS`), every other histogram
/// empty (no allocation). Each published result carries this instead of the whole merged
/// aggregate (about 180 of 4,638 histograms a scenario at 60 months), with the same verdicts.
pub fn for_verdicts(agg: &Aggregate) -> Aggregate {
    let keys: Vec<usize> = super::CHARTS
        .iter()
        .filter_map(|(key, _)| metrics::index_of(key))
        .collect();
    let narrow = |a: &ScenarioAgg| {
        let mut monthly = vec![Hist::default(); a.monthly.len()];
        for m in 0..a.horizon {
            for &k in &keys {
                let i = m * metrics::COUNT + k;
                if let (Some(to), Some(from)) = (monthly.get_mut(i), a.monthly.get(i)) {
                    to.clone_from(from);
                }
            }
        }
        ScenarioAgg {
            horizon: a.horizon,
            monthly,
            year_cost: Vec::new(),
            year_overspend: Vec::new(),
            year_overspent_runs: Vec::new(),
            year_excess: Vec::new(),
            total_cost: Hist::default(),
            mean_gap: Hist::default(),
            samples: Vec::new(),
        }
    };
    Aggregate {
        runs: agg.runs,
        scenarios: agg.scenarios.iter().map(narrow).collect(),
        paired: Vec::new(),
        against: agg.against.clone(),
    }
}

/// The verdict for every scenario of the run (first the one shown), or why there is none.
pub fn verdict(
    agg: &Aggregate,
    names: &[String],
    shown: usize,
    month: usize,
    t: &TargetSetting,
) -> Result<Vec<(String, f64)>, String> {
    let mut order = vec![shown];
    order.extend((0..names.len()).filter(|i| *i != shown));
    order
        .into_iter()
        .filter_map(|i| Some((names.get(i)?.clone(), agg.scenarios.get(i)?)))
        .map(|(name, a)| {
            engine::target::chance_at_most(a, &t.key, month, t.threshold)
                .map(|p| (name, p))
                .map_err(|e| e.to_string())
        })
        .collect()
}

#[derive(Properties, PartialEq)]
pub struct TargetFormProps {
    pub metric: AttrValue,
    pub unit: Unit,
    pub months: Rc<Vec<String>>,
    pub current: Option<TargetSetting>,
    /// What the empty box suggests (`suggestion`).
    pub suggest: AttrValue,
    pub on_set: Callback<Option<TargetSetting>>,
}

/// The form: "Target: at most (5) in (March 2028), Set, Clear".
#[function_component]
pub fn TargetForm(p: &TargetFormProps) -> Html {
    let error = use_state(|| None::<String>);
    let text_ref = use_node_ref();
    let month_ref = use_node_ref();
    let options = target_months(&p.months);
    let chosen = p
        .current
        .as_ref()
        .map(|t| t.month.clone())
        .or_else(|| options.last().and_then(|&i| p.months.get(i).cloned()))
        .unwrap_or_default();
    let onsubmit = {
        let (error, text_ref, month_ref) = (error.clone(), text_ref.clone(), month_ref.clone());
        let (on_set, key) = (p.on_set.clone(), p.metric.to_string());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let text = text_ref
                .cast::<HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            let month = month_ref
                .cast::<HtmlSelectElement>()
                .map(|s| s.value())
                .unwrap_or_default();
            match parse_threshold(&text) {
                Ok(threshold) => {
                    error.set(None);
                    on_set.emit(Some(TargetSetting {
                        key: key.clone(),
                        threshold,
                        month,
                    }));
                }
                Err(m) => error.set(Some(m)),
            }
        })
    };
    let clear = {
        let (on_set, error) = (p.on_set.clone(), error.clone());
        Callback::from(move |_: MouseEvent| {
            error.set(None);
            on_set.emit(None)
        })
    };
    let value = p
        .current
        .as_ref()
        .map(|t| t.threshold.to_string())
        .unwrap_or_default();
    let unit = match p.unit {
        Unit::Children => "children",
        _ => "",
    };
    html! {
        <form class="present-target" id="present-target-form" {onsubmit} novalidate=true>
            <p class="present-target-title">{ "Target for this chart" }</p>
            <label for="present-target-value">{ "At most" }</label>
            <input id="present-target-value" ref={text_ref} type="text" inputmode="decimal"
                size="7" value={value} aria-invalid={error.is_some().to_string()}
                aria-describedby="present-target-error" placeholder={p.suggest.clone()} />
            <span class="unit">{ unit }</span>
            <label for="present-target-month">{ "in" }</label>
            <select id="present-target-month" ref={month_ref}>
                { for options.iter().filter_map(|&i| p.months.get(i)).map(|m| html! {
                    <option value={m.clone()} selected={*m == chosen}>{ format::month_long(m) }</option>
                }) }
            </select>
            <button type="submit" id="present-target-set">{ "Set" }</button>
            if p.current.is_some() {
                <button type="button" class="secondary" id="present-target-clear" onclick={clear}>{ "Clear" }</button>
            }
            <p class="field-error" id="present-target-error" role="alert">{ (*error).clone().unwrap_or_default() }</p>
        </form>
    }
}

/// "Target met in 62% of simulated futures", with what the target is and each other
/// scenario's chance; or why it cannot be judged.
pub fn verdict_view(
    r: &Results,
    shown: usize,
    unit: Unit,
    t: Option<&TargetSetting>,
    month: Option<usize>,
) -> Html {
    let Some(t) = t else { return html! {} };
    let rep = &r.report.0;
    let names: Vec<String> = rep.scenarios.iter().map(|s| s.name.clone()).collect();
    let body = match month {
        None => Err(format!(
            "{} is not in this projection: set the target again.",
            format::month_long(&t.month)
        )),
        Some(month) => verdict(&r.aggregate.0, &names, shown, month, t),
    };
    match body {
        Ok(list) => {
            let Some((_, p)) = list.first() else {
                return html! {};
            };
            let others = list
                .iter()
                .skip(1)
                .map(|(n, p)| format!("{n} {}", format::probability(*p)))
                .collect::<Vec<_>>()
                .join(" · ");
            html! {
                <div class="present-verdict" id="present-verdict" role="status" data-chance={p.to_string()}>
                    <p class="present-verdict-main">{ verdict_words(*p) }</p>
                    <p class="present-verdict-what">
                        { target_words(unit, t) }{ format!(" ({} futures so far)", format::count(rep.runs as f64)) }
                        if !others.is_empty() { <br />{ format!("Others: {others}") } }
                    </p>
                </div>
            }
        }
        Err(e) => {
            html! { <p class="present-verdict field-error" id="present-verdict" role="status">{ e }</p> }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds_as_people_type_them() {
        assert_eq!(parse_threshold("5"), Ok(5.0));
        assert_eq!(suggestion(Unit::Children, Some(124.4)), "120");
        assert_eq!(suggestion(Unit::Children, Some(4.4)), "4");
        assert_eq!(suggestion(Unit::Pounds, Some(2_834_000.0)), "£2.8M");
        assert_eq!(suggestion(Unit::Children, None), "5");
        assert_eq!(
            parse_threshold(&suggestion(Unit::Pounds, Some(2_834_000.0))),
            Ok(2_800_000.0)
        );
        assert_eq!(parse_threshold(" £3.2M "), Ok(3_200_000.0));
        assert_eq!(parse_threshold("450k"), Ok(450_000.0));
        assert_eq!(parse_threshold("3,200,000"), Ok(3_200_000.0));
        assert!(parse_threshold("").unwrap_err().contains("type a number"));
        assert!(parse_threshold("-2").unwrap_err().contains("zero or more"));
        assert!(parse_threshold("five").is_err());
        assert!(
            parse_threshold("0,5").is_err(),
            "a decimal comma is not read as 5"
        );
        assert_eq!(parse_threshold("1 000"), Ok(1_000.0));
    }

    #[test]
    fn the_narrow_copy_gives_the_same_verdicts_as_the_whole_aggregate() {
        let base = engine::defaults::default_scenario();
        let mut homes = base.clone();
        homes.demand.groups_per_month *= 1.3;
        let job = engine::runner::Job {
            settings: engine::RunSettings {
                seed: 5,
                replications: 12,
                horizon_months: 15,
                uncertainty: false,
            },
            scenarios: vec![base, homes],
            compare_with: vec![],
        };
        let full = job.prepare().unwrap().run(0..12);
        let narrow = for_verdicts(&full);
        let names = vec!["Baseline".to_string(), "More demand".to_string()];
        let mut judged = 0;
        for (key, _) in super::super::CHARTS {
            let k = metrics::index_of(key).unwrap();
            for month in [0, 7, 14] {
                // Thresholds across the runs' spread at that month, and beyond it.
                let h = full.scenarios[0].cell(month, k);
                let unit = metrics::definitions()[k].unit;
                let scale = if unit == Unit::BasisPoints { 1e-4 } else { 1.0 };
                let step = ((h.max - h.min) as f64 / 4.0).max(1.0);
                for i in -1..=5 {
                    let t = TargetSetting {
                        key: key.to_string(),
                        threshold: (h.min as f64 + i as f64 * step) * scale,
                        month: String::new(),
                    };
                    for shown in [0, 1] {
                        let a = verdict(&full, &names, shown, month, &t).unwrap();
                        assert_eq!(verdict(&narrow, &names, shown, month, &t).unwrap(), a);
                        judged += 1;
                    }
                }
            }
        }
        assert_eq!(judged, 3 * 3 * 7 * 2);
        let cells = |a: &Aggregate| {
            a.scenarios
                .iter()
                .flat_map(|s| &s.monthly)
                .filter(|h| h.n > 0)
                .count()
        };
        assert_eq!(
            cells(&narrow),
            2 * 15 * 3,
            "only the three charts' cells are kept"
        );
        assert!(cells(&full) > 10 * cells(&narrow));
    }

    #[test]
    fn verdict_in_words() {
        let t = TargetSetting {
            key: "gap".into(),
            threshold: 5.0,
            month: "2028-03".into(),
        };
        assert_eq!(
            target_words(Unit::Children, &t),
            "At most 5 children in March 2028"
        );
        assert_eq!(
            verdict_words(0.62),
            "Target met in 62% of simulated futures"
        );
        assert_eq!(
            verdict_words(1.0),
            "Target met in >99% of simulated futures"
        );
    }
}
