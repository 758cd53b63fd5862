//! The notices above the work, each with its button (if any) and a dismiss.

use yew::prelude::*;

use crate::app::state::{Action, NoticeAction, Notices as List};

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub notices: List,
    pub dispatch: Callback<Action>,
    pub on_action: Callback<NoticeAction>,
}

#[function_component]
pub fn Notices(props: &NoticesProps) -> Html {
    if props.notices.is_empty() {
        return html! {};
    }
    let items = props.notices.iter().map(|n| {
        let dismiss = {
            let (d, id) = (props.dispatch.clone(), n.id);
            Callback::from(move |_: MouseEvent| d.emit(Action::Dismiss(id)))
        };
        let kind = n.kind.key();
        let action = n.action.clone().map(|a| {
            let label = a.label();
            let cb = {
                let on = props.on_action.clone();
                Callback::from(move |_: MouseEvent| on.emit(a.clone()))
            };
            html! { <button type="button" class="small notice-action" onclick={cb}>{ label }</button> }
        });
        html! {
            <li class={classes!("notice", kind)} data-kind={kind}>
                <span class="notice-text">{ &n.text }</span>
                { action.unwrap_or_default() }
                <button type="button" class="link dismiss" onclick={dismiss} aria-label="Dismiss this message">{ "Dismiss" }</button>
            </li>
        }
    });
    html! { <ul class="notices no-print" id="notices" aria-live="polite">{ for items }</ul> }
}
