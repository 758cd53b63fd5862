//! One strategy card: the lever's name, its one-line consequence at the setting picked,
//! and its settings (off, small, medium, large), each with its cost a year to the purse.
//! A setting that would not fit what is left of the purse is marked; picking it is refused
//! by the state with a message.

use engine::scenario::Lever;
use engine::workshop::cards::{card_cost, consequence};
use engine::workshop::{money, Level};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CardProps {
    pub card: Lever,
    pub level: Level,
    /// What is left of the team's purse (`None`: no purse).
    pub remaining: Option<f64>,
    pub on_pick: Callback<Level>,
}

#[function_component]
pub fn StrategyCard(props: &CardProps) -> Html {
    let key = props.card.kind.key();
    let now = card_cost(&props.card, props.level);
    let settings = Level::ALL.iter().map(|&l| {
        let cost = card_cost(&props.card, l);
        // Would this setting, instead of the one picked, fit what is left?
        let over = props.remaining.is_some_and(|r| cost - now > r + 1e-6);
        let picked = l == props.level;
        let on_pick = props.on_pick.reform(move |_: MouseEvent| l);
        let price = if l == Level::Off { String::new() } else { money(cost) };
        html! {
            <button type="button" class={classes!("ws-level", picked.then_some("selected"), over.then_some("over"))}
                data-level={l.key()} aria-pressed={picked.to_string()}
                title={if over { "Over what is left of the purse" } else { "" }} onclick={on_pick}>
                <span class="ws-level-name">{ l.label() }</span>
                <span class="ws-level-cost">{ price }</span>
            </button>
        }
    });
    html! {
        <article class={classes!("ws-card", (props.level != Level::Off).then_some("on"))} data-card={key}>
            <h4>{ props.card.kind.label() }</h4>
            <p class="ws-consequence">{ if props.level == Level::Off {
                format!("At medium: {}", consequence(&props.card, Level::Medium))
            } else {
                consequence(&props.card, props.level)
            } }</p>
            <div class="ws-levels" role="group" aria-label={format!("{} setting", props.card.kind.label())}>{ for settings }</div>
        </article>
    }
}
