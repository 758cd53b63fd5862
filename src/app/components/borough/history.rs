//! The observed history from the returns, shown before the forecast: children in care
//! (then the run's 10-90% fan from the month after the as-at date, the forecast start
//! marked), by placement type and by age band, and admissions and exits per month.

use engine::report::Report;
use engine::ssda903::summary::Month;
use engine::types::{AgeBand, PlacementType};
use yew::prelude::*;

use crate::app::state::borough::BoroughState;
use crate::app::state::ReportRc;
use crate::charts::observed::{chart_svg, Chart, Fan, Line};
use crate::charts::palette;

#[derive(Properties, PartialEq)]
pub struct ObservedHistoryProps {
    pub borough: UseReducerHandle<BoroughState>,
    /// The latest results, whose baseline's children in care are drawn after the history
    /// when they start the month after it.
    pub report: Option<ReportRc>,
}

fn label(m: &Month) -> String {
    format!("{:04}-{:02}", m.year, m.month)
}

/// Months of the history and of the forecast after it, the observed children in care on
/// each, the forecast's fan, and where the forecast starts.
pub fn in_care_with_forecast(
    history: &[Month],
    report: Option<&Report>,
    as_at_month: &str,
) -> (Vec<String>, Line, Option<Fan>, Option<usize>) {
    let mut months: Vec<String> = history.iter().map(label).collect();
    let mut observed: Vec<Option<f64>> =
        history.iter().map(|m| Some(m.end.in_care as f64)).collect();
    let marker = months
        .iter()
        .position(|m| m.as_str() == as_at_month)
        .map(|i| i + 1);
    let fan = report.and_then(|r| {
        let first = r.month_labels.first()?;
        let series = r
            .scenarios
            .first()?
            .metrics
            .iter()
            .find(|m| m.key == "in_care")?;
        // The run must start the month after the as-at date to follow the history.
        let from = marker?;
        let expected = months
            .get(from)
            .cloned()
            .or_else(|| next_month(as_at_month))?;
        if *first != expected {
            return None;
        }
        for (k, l) in r.month_labels.iter().enumerate() {
            if from + k >= months.len() {
                months.push(l.clone());
                observed.push(None);
            }
        }
        Some(Fan {
            from,
            p10: series.months.iter().map(|s| s.p10).collect(),
            p50: series.months.iter().map(|s| s.p50).collect(),
            p90: series.months.iter().map(|s| s.p90).collect(),
        })
    });
    let line = Line {
        label: "Observed in your returns (month end)".into(),
        colour: palette::TEXT,
        values: observed,
        dashed: false,
    };
    (months, line, fan, marker)
}

fn next_month(label: &str) -> Option<String> {
    let (y, m) = crate::format::parse_month(label)?;
    Some(if m == 12 {
        format!("{:04}-01", y + 1)
    } else {
        format!("{y:04}-{:02}", m + 1)
    })
}

fn svg(text: String) -> Html {
    Html::from_html_unchecked(AttrValue::from(text))
}

#[function_component]
pub fn ObservedHistory(props: &ObservedHistoryProps) -> Html {
    let Some(o) = props.borough.outcome.clone() else {
        return html! {};
    };
    if o.history.is_empty() {
        return html! {};
    }
    let as_at = o.fit.as_ref().ok().map(|f| f.report.as_at);
    let as_at_month = as_at
        .map(|d| d.to_string()[..7].to_string())
        .unwrap_or_default();
    let h = &o.history;
    let (months, line, fan, marker) =
        in_care_with_forecast(h, props.report.as_ref().map(|r| &*r.0), &as_at_month);
    let lines = [line];
    let in_care = chart_svg(&Chart {
        id: "history-in-care",
        title: "Children in care: observed, then forecast",
        months: &months,
        lines: &lines,
        fan: fan.as_ref(),
        marker: marker.map(|i| (i, "forecast starts")),
    });
    let hist_months: Vec<String> = h.iter().map(label).collect();
    // The as-at month itself (the forecast starts the month after it).
    let hist_marker = marker.map(|i| (i.saturating_sub(1), "as at"));
    let by_type: Vec<Line> = PlacementType::ALL
        .into_iter()
        .enumerate()
        .map(|(k, t)| Line {
            label: t.label().to_string(),
            colour: palette::LAYERS[k % palette::LAYERS.len()],
            values: h
                .iter()
                .map(|m| Some(m.end.placement_type(t) as f64))
                .collect(),
            dashed: false,
        })
        .filter(|l| l.values.iter().flatten().any(|v| *v > 0.0))
        .collect();
    let by_age: Vec<Line> = AgeBand::ALL
        .into_iter()
        .enumerate()
        .map(|(k, b)| Line {
            label: b.label().to_string(),
            colour: palette::LAYERS[k % palette::LAYERS.len()],
            values: h.iter().map(|m| Some(m.end.age_band(b) as f64)).collect(),
            dashed: false,
        })
        .collect();
    let flows = [
        Line {
            label: "Admissions (periods of care starting)".into(),
            colour: palette::comparison(0),
            values: h.iter().map(|m| Some(m.admissions as f64)).collect(),
            dashed: false,
        },
        Line {
            label: "Exits (periods of care ending)".into(),
            colour: palette::comparison(1),
            values: h.iter().map(|m| Some(m.exits as f64)).collect(),
            dashed: false,
        },
    ];
    let chart = |id, title, lines: &[Line]| {
        svg(chart_svg(&Chart {
            id,
            title,
            months: &hist_months,
            lines,
            fan: None,
            marker: hist_marker,
        }))
    };
    let note = if fan.is_some() {
        "The forecast is the latest run\u{2019}s baseline: median and 10-90% band."
    } else {
        "Run your fitted borough as the baseline to see its forecast follow the history."
    };
    html! {
        <section class="observed-history" id="observed-history" aria-labelledby="observed-history-title">
            <h2 id="observed-history-title">{ "Your borough so far (from your returns)" }</h2>
            <p class="muted">{ note }</p>
            { svg(in_care) }
            <div class="observed-grid">
                { chart("history-by-type", "Children in care by placement type", &by_type) }
                { chart("history-by-age", "Children in care by age band", &by_age) }
                { chart("history-flows", "Admissions and exits per month", &flows) }
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_months_roll_over_the_year() {
        assert_eq!(next_month("2020-12").as_deref(), Some("2021-01"));
        assert_eq!(next_month("2020-03").as_deref(), Some("2020-04"));
    }
}
