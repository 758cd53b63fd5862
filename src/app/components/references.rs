//! The References view: the published documents behind the defaults, each cited in full
//! (title, publishing body, date, and where in it the figures are), numbered in the order
//! of [`engine::references::REFERENCES`], with the facts taken from it. A source's
//! numbered link ([`ref_link`]) opens the view at its entry.

use engine::references::{Reference, REFERENCES};
use yew::prelude::*;

use super::glossary::{use_panel, Opener};

thread_local! {
    static OPENER: std::cell::RefCell<Option<Callback<String>>> = const { std::cell::RefCell::new(None) };
}

/// Opens the References view at an entry, by reference ID.
pub const REFERENCES_VIEW: Opener = Opener(&OPENER);

/// A reference's number in the list (1 for the first).
pub fn ref_number(r: &Reference) -> usize {
    REFERENCES
        .iter()
        .position(|x| x.id == r.id)
        .map_or(0, |i| i + 1)
}

/// The anchor of a reference's entry.
pub fn anchor(r: &Reference) -> String {
    format!("ref-{}", r.id)
}

/// A numbered citation, "`[4]`": the full citation on hover, and a click opens the entry.
pub fn ref_link(r: &'static Reference, n: usize) -> Html {
    html! {
        <a class="cite" href={format!("#{}", anchor(r))} title={r.citation()}
            aria-label={format!("Reference {n}: {}", r.title)} onclick={REFERENCES_VIEW.on_click(r.id)}>
            { format!("[{n}]") }
        </a>
    }
}

/// The button that opens the view, and the view (always in the page, hidden when closed).
#[function_component]
pub fn References() -> Html {
    let (open, at) = use_panel(&REFERENCES_VIEW, "ref-");
    let show = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(true))
    };
    let close = {
        let (open, at) = (open.clone(), at.clone());
        Callback::from(move |_: MouseEvent| {
            open.set(false);
            at.set(None);
        })
    };
    let entries = REFERENCES.iter().enumerate().map(|(i, r)| {
        let current = at.as_deref() == Some(r.id);
        html! {
            <li id={anchor(r)} tabindex="-1" class={classes!("reference", current.then_some("current"))} value={(i + 1).to_string()}>
                <p class="ref-title"><cite>{ r.title }</cite></p>
                <p class="ref-body">{ r.body }</p>
                <p class="ref-date"><strong>{ "Date: " }</strong>{ r.date }</p>
                <p class="ref-locator"><strong>{ "Where in it: " }</strong>{ r.locator }</p>
                <details class="ref-facts">
                    <summary>{ format!("What the model takes from it ({} facts)", r.facts.len()) }</summary>
                    <ul>{ for r.facts.iter().map(|f| html! { <li>{ *f }</li> }) }</ul>
                </details>
                <p class="ref-id advanced-only">{ r.id }</p>
            </li>
        }
    });
    html! {
        <>
            <p class="no-print references-link">
                <button type="button" class="link" id="open-references" onclick={show}>{ "Where the figures come from (references)" }</button>
            </p>
            <section class="references" id="references" aria-label="References" hidden={!*open}>
                <h2>{ "References" }</h2>
                <p class="muted">{ "The published council papers the default figures rest on. Each assumption's source cites them by number; a default no paper supports is labelled a modelling assumption." }</p>
                <button type="button" class="link dismiss" onclick={close}>{ "Close" }</button>
                <ol class="reference-list">{ for entries }</ol>
            </section>
        </>
    }
}
