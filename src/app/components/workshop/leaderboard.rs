//! The leaderboard: one line per team (its cards' cost, cost over the horizon, children
//! without a suitable placement and in-house share in the last month, chance of meeting
//! the target, and the setting of each card), then, for each card, the lowest, highest and
//! mean setting across the teams.

use std::rc::Rc;

use engine::rounding::whole_percent;
use engine::scenario::Lever;
use engine::workshop::summary::Leaderboard as Board;
use engine::workshop::{money, Level};

use crate::format::pounds;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BoardProps {
    pub board: Rc<Board>,
    pub cards: Rc<Vec<Lever>>,
    /// The target in words (`None`: no target).
    pub target: Option<String>,
    /// The board is of an earlier workshop than the one on screen.
    pub stale: bool,
    pub years: String,
}

/// A short name for a card's column.
pub fn short_label(key: &str) -> &'static str {
    match key {
        "recruitment_boost" => "Recruit",
        "adolescent_carers" => "Fostering Plus",
        "retention" => "Retain",
        "new_homes" => "Homes",
        "step_down" => "Step-down",
        "edge_of_care" => "Edge of care",
        "permanence_drive" => "Permanence",
        "framework_pricing" => "Framework",
        "supported_accommodation" => "Supported 16-17",
        _ => "Lever",
    }
}

fn level_cell(l: Level) -> Html {
    let text = match l {
        Level::Off => "–",
        Level::Small => "S",
        Level::Medium => "M",
        Level::Large => "L",
    };
    html! { <span class={classes!("ws-lv", format!("ws-lv-{}", l.key()))} title={l.label()}>{ text }</span> }
}

/// A mean setting to two decimals, without trailing zeros (`0.75`, `1`, `0.4`).
pub fn mean_text(m: f64) -> String {
    let t = format!("{m:.2}");
    t.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[function_component]
pub fn Leaderboard(props: &BoardProps) -> Html {
    let b = &props.board;
    let heads = props.cards.iter().map(|c| {
        html! { <th scope="col" class="ws-lever-col" data-card={c.kind.key()} title={c.kind.label()}>{ short_label(c.kind.key()) }</th> }
    });
    // Best first (`Leaderboard::ranking`); each row keeps its table's number.
    let standings = b.standings();
    let rows = standings.iter().enumerate().map(|(k, &(i, place))| {
        let r = &b.rows[i];
        // A place shared with the row above or below reads "=1".
        let shared = standings
            .iter()
            .enumerate()
            .any(|(j, &(_, p))| j != k && p == place);
        let place_text = if shared {
            format!("={place}")
        } else {
            place.to_string()
        };
        let levels = r.levels.iter().zip(props.cards.iter()).map(|(l, c)| {
            html! { <td class="ws-lever-col" data-card={c.kind.key()} data-level={l.key()}>{ level_cell(*l) }</td> }
        });
        let chance = r.target_chance.map(whole_percent);
        html! {
            <tr data-team={i.to_string()} data-rank={place.to_string()}>
                <td data-col="rank" class="ws-rank">{ place_text }</td>
                <th scope="row" class="ws-team-name">{ r.name.clone() }</th>
                <td data-col="purse">{ money(r.purse_cost) }</td>
                // Costs of £170M read to £0.1M, as everywhere else in the app (not "£170.36M").
                <td data-col="cost"><strong>{ pounds(r.cost_median) }</strong>
                    <span class="ws-range">{ format!(" {}–{}", pounds(r.cost_p10), pounds(r.cost_p90)) }</span></td>
                <td data-col="no-suitable">{ format!("{:.0}", r.no_suitable) }</td>
                <td data-col="in-house">{ whole_percent(r.in_house_share) }</td>
                if props.target.is_some() { <td data-col="chance"><strong>{ chance.unwrap_or_default() }</strong></td> }
                { for levels }
            </tr>
        }
    });
    let span = if props.target.is_some() { 7 } else { 6 };
    let spread_row = |class: &'static str, title: &'static str, cell: &dyn Fn(usize) -> Html| {
        let cells = props.cards.iter().enumerate().map(|(j, c)| {
            html! { <td class="ws-lever-col" data-card={c.kind.key()}>{ cell(j) }</td> }
        });
        html! {
            <tr class={classes!("ws-spread", class)}>
                <th scope="row" colspan={span.to_string()}>{ title }</th>
                { for cells }
            </tr>
        }
    };
    let low = |j: usize| {
        b.spread
            .get(j)
            .map(|s| level_cell(s.low))
            .unwrap_or_default()
    };
    let high = |j: usize| {
        b.spread
            .get(j)
            .map(|s| level_cell(s.high))
            .unwrap_or_default()
    };
    let mean = |j: usize| {
        b.spread
            .get(j)
            .map(|s| html! { <span data-mean={format!("{:.3}", s.mean)}>{ mean_text(s.mean) }</span> })
            .unwrap_or_default()
    };
    html! {
        <section class={classes!("ws-board", props.stale.then_some("stale"))} aria-labelledby="ws-board-title">
            <h3 id="ws-board-title">{ "Leaderboard" }</h3>
            if props.stale { <p class="ws-stale" id="ws-stale">{ "Cards have changed since this run: run the teams again to update it." }</p> }
            <table id="workshop-board" class="ws-table">
                <thead>
                    <tr>
                        <th scope="col" title={b.ranked_by()}>{ "Rank" }</th>
                        <th scope="col">{ "Team" }</th>
                        <th scope="col">{ "Cards a year" }</th>
                        <th scope="col">{ format!("Cost over {} (median, 10–90%)", props.years) }</th>
                        <th scope="col">{ format!("No suitable placement, {}", b.last_month) }</th>
                        <th scope="col">{ format!("In-house share, {}", b.last_month) }</th>
                        if let Some(t) = &props.target { <th scope="col" title={t.clone()}>{ "Chance of meeting the target" }</th> }
                        { for heads }
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
                <tfoot>
                    { spread_row("ws-spread-low", "Lowest setting", &low) }
                    { spread_row("ws-spread-high", "Highest setting", &high) }
                    { spread_row("ws-spread-mean", "Mean setting (0 off, 1 small, 2 medium, 3 large)", &mean) }
                </tfoot>
            </table>
            <p class="ws-note" id="ws-ranked-by">{ b.ranked_by() }</p>
            <p class="ws-note">{ format!(
                "All teams run together on the same {} random futures: a difference between two teams comes from their cards, not from chance. Cost includes the cards' own costs. Figures are medians; – off, S small, M medium, L large.",
                b.runs
            ) }</p>
            if let Some(t) = &props.target { <p class="ws-note" id="ws-target-words">{ format!("Target: {t}.") }</p> }
        </section>
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn mean_settings_read_without_trailing_zeros() {
        assert_eq!(super::mean_text(0.75), "0.75");
        assert_eq!(super::mean_text(1.0), "1");
        assert_eq!(super::mean_text(0.0), "0");
        assert_eq!(super::mean_text(0.5), "0.5");
        assert_eq!(super::mean_text(2.0 / 3.0), "0.67");
    }
}
