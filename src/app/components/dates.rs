//! Where the starting figures come from and when, shown wherever results are shown and in
//! the printed report; and, when the start is not the month after the figures' date, a
//! note saying so with an offer to roll prices forward at the scenario's inflation.

use yew::prelude::*;

use crate::app::state::{Action, WorkAction};

#[derive(Properties, PartialEq)]
pub struct DataNoteProps {
    /// The baseline as validated (the note needs a valid baseline).
    pub baseline: Option<std::rc::Rc<engine::ValidScenario>>,
    pub dispatch: Callback<Action>,
}

#[function_component]
pub fn DataNote(props: &DataNoteProps) -> Html {
    let Some(base) = props.baseline.as_deref() else {
        return html! {};
    };
    let s = base.scenario();
    let start_note = engine::report::start_note(s);
    let can_roll = start_note.is_some()
        && !s.data_as_at.prices_rolled_forward
        && engine::workspace::prices::months_after_data(s) > 0;
    let roll = {
        let dp = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dp.emit(WorkAction::RollPrices.into()))
    };
    html! {
        <div class="data-dates">
            <p class="data-note" id="data-note">{ s.data_as_at.note() }</p>
            if let Some(note) = start_note {
                <p class="note start-note" id="start-note" role="status">
                    { note }
                    if can_roll {
                        { " " }
                        <button type="button" class="secondary small no-print" id="roll-prices" onclick={roll}>
                            { format!("Roll prices forward at {:.1}% a year", s.costs.inflation_per_year * 100.0) }
                        </button>
                    }
                </p>
            }
        </div>
    }
}
