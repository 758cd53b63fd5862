//! Each financial year's placement cost against the budget, for every scenario: the
//! median cost, the chance of overspending and the average over or under the budget.
//! While the built-in illustrative budget is used, it says so (it is set near the modelled
//! cost, so the chance of overspending is about even by construction).

use engine::metrics::Unit;
use yew::prelude::*;

use crate::app::state::ReportRc;
use crate::format;

#[derive(Properties, PartialEq)]
pub struct BudgetYearsProps {
    pub report: ReportRc,
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
            let mean = row.overspend.mean;
            let average = if mean >= 0.0 {
                format!("avg {} over", format::pounds_millions(mean))
            } else {
                format!("avg {} under", format::pounds_millions(-mean))
            };
            html! {
                <td class="num" data-label={s.name.clone()}>
                    <span class="cost">{ format::value(Unit::Pounds, row.cost.p50) }</span>
                    if own_budget { <span class="budget">{ format!("budget {}", format::value(Unit::Pounds, row.budget)) }</span> }
                    <span class="chance">{ format!("{} chance over", format::probability(row.probability_overspend)) }</span>
                    <span class="mean">{ average }</span>
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
                    { " The built-in budget is set near the modelled cost, so the chance of overspending is about even by construction. Enter your council's budget for each financial year under Costs and budget." }
                </p>
            }
            <div class="table-wrap">
                <table class="years-table" id="budget-years-table">
                    <caption>{ "Placement cost in each financial year (median of the simulated futures), the chance it is over the budget, and the average over or under it; budgets of part years pro rata" }</caption>
                    <thead><tr><th scope="col">{ "Financial year" }</th><th scope="col" class="num">{ "Budget" }</th>{ for head }</tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </div>
    }
}
