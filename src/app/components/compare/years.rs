//! Each financial year's placement cost against the budget, for every scenario: the
//! median cost, the chance of overspending and the expected overspend (the average amount
//! over budget, futures within budget counting as £0), each with its Monte Carlo error.
//! While the built-in illustrative budget is used, it says so: it is not the council's (it
//! is set about 10% below the modelled cost, in keeping with the council's reported
//! overspends), so the chances and amounts over it are illustrative too.

use std::rc::Rc;

use engine::metrics::Unit;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::app::edit::{parse_number, Path};
use crate::app::state::{Action, ReportRc, WorkAction};
use crate::format;

#[derive(Properties, PartialEq)]
pub struct BudgetYearsProps {
    pub report: ReportRc,
    /// The baseline as validated and its doc id: the budget is set on it (the scenarios
    /// built on it follow, unless one sets a budget of its own).
    pub baseline: Option<(u32, Rc<engine::ValidScenario>)>,
    pub dispatch: Callback<Action>,
}

/// Inputs for the council's own budget of each financial year (full-year figures): a
/// change sets `costs.budget_by_year` on the baseline, every year's current budget kept.
fn budget_inputs(props: &BudgetYearsProps, years: &[String]) -> Html {
    let Some((doc, base)) = props.baseline.clone() else {
        return html! {};
    };
    let costs = base.scenario().costs.clone();
    let n = years.len();
    let inputs = years.iter().enumerate().map(|(k, y)| {
        let shown = format!("{:.0}", costs.year_budget(k));
        let (dispatch, costs) = (props.dispatch.clone(), costs.clone());
        let onchange = Callback::from(move |e: Event| {
            let el = e.target_unchecked_into::<HtmlInputElement>();
            let mut list: Vec<serde_json::Value> = (0..n)
                .map(|j| serde_json::json!(costs.year_budget(j)))
                .collect();
            list[k] = parse_number(&el.value());
            dispatch.emit(
                WorkAction::Edit {
                    doc,
                    path: Path::root().key("costs").key("budget_by_year"),
                    value: serde_json::Value::Array(list),
                }
                .into(),
            );
        });
        html! {
            <label class="budget-input">
                <span>{ format!("FY{y}") }</span>
                <input type="text" inputmode="decimal" id={format!("budget-year-{k}")}
                    value={shown} {onchange} />
            </label>
        }
    });
    let reset = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(
                WorkAction::Reset {
                    doc,
                    path: Path::root().key("costs").key("budget_by_year"),
                }
                .into(),
            )
        })
    };
    html! {
        <details class="budget-editor" id="budget-editor">
            <summary>{ "Set your budget for each financial year (full-year £, on the baseline)" }</summary>
            <div class="budget-inputs">{ for inputs }</div>
            <p class="muted">{ format!("Later years grow from the last at {:.1}% a year (Costs and budget). Part years are pro rata.", costs.budget_growth_per_year * 100.0) }</p>
            if !costs.budget_by_year.is_empty() {
                <button type="button" class="secondary small" onclick={reset}>{ "Use the illustrative budget again" }</button>
            }
        </details>
    }
}

/// "FY2024/25" with "(9 months)" for a part year.
fn year_label(year: &str, months: Option<usize>) -> String {
    match months {
        Some(n) if n < 12 => format!("FY{year} ({n} months)"),
        _ => format!("FY{year}"),
    }
}

#[function_component]
pub fn BudgetYears(props: &BudgetYearsProps) -> Html {
    let r = &props.report.0;
    let Some(base) = r.scenarios.first() else {
        return html! {};
    };
    let months = engine::report::months_per_year(&r.month_labels);
    let illustrative = r
        .scenarios
        .iter()
        .any(|s| s.years.first().is_some_and(|y| y.illustrative_budget));
    let head = r
        .scenarios
        .iter()
        .map(|s| html! { <th scope="col" class="num">{ s.name.clone() }</th> });
    let rows = base.years.iter().enumerate().map(|(k, y)| {
        let n = months.iter().find(|(fy, _)| *fy == y.year).map(|(_, n)| *n);
        let cells = r.scenarios.iter().map(|s| {
            let Some(row) = s.years.get(k) else {
                return html! { <td /> };
            };
            let own_budget = (row.budget - y.budget).abs() > 0.5;
            html! {
                <td class="num" data-label={s.name.clone()}>
                    <span class="cost">{ format::value(Unit::Pounds, row.cost.p50) }</span>
                    if own_budget { <span class="budget">{ format!("budget {}", format::value(Unit::Pounds, row.budget)) }</span> }
                    <span class="chance">{ format!("{} chance over", format::probability(row.probability_overspend)) }</span>
                    <span class="mean expected-overspend" data-value={row.expected_overspend.mean.to_string()}>
                        { format!("expected overspend {}", crate::app::view::expected_overspend(row)) }</span>
                </td>
            }
        });
        html! {
            <tr>
                <th scope="row" data-label="Year">{ year_label(&y.year, n) }</th>
                <td class="num" data-label="Budget">{ format::value(Unit::Pounds, y.budget) }</td>
                { for cells }
            </tr>
        }
    });
    html! {
        <div class="budget-years" id="budget-years">
            <h3>{ "Cost against budget, year by year" }</h3>
            if illustrative {
                <p class="note illustrative" id="illustrative-budget">
                    <strong>{ "Illustrative budget: set yours." }</strong>
                    { " The built-in budget is not your council's: it is set about 10% below the modelled cost (in keeping with the council's reported overspends on placements), so the chances of overspending and the expected overspends below are illustrative too. Enter your council's budget for each financial year just below." }
                </p>
            }
            { budget_inputs(props, &base.years.iter().map(|y| y.year.clone()).collect::<Vec<_>>()) }
            <div class="table-wrap">
                <table class="years-table" id="budget-years-table">
                    <caption>{ "Placement cost in each financial year (median of the simulated futures), the chance it is over the budget, and the expected overspend; budgets of part years pro rata" }</caption>
                    <thead><tr><th scope="col">{ "Financial year" }</th><th scope="col" class="num">{ "Budget" }</th>{ for head }</tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            <p class="muted definition" id="expected-overspend-definition">{ engine::report::EXPECTED_OVERSPEND_DEFINITION }</p>
        </div>
    }
}
