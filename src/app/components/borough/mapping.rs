//! The PLACE x PLACE_PROVIDER -> placement type table, editable: the first line that
//! matches a placement wins; a PLACE no line names counts as "other". Changing a line
//! imports and fits again.

use engine::ssda903::{PlacementKind, PlacementMap};
use engine::types::PlacementType;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::Choices;

#[derive(Properties, PartialEq)]
pub struct MappingTableProps {
    pub choices: Choices,
    pub on_change: Callback<Choices>,
}

/// Every kind a line can map to, in the select's order.
fn kinds() -> Vec<PlacementKind> {
    PlacementType::ALL
        .into_iter()
        .map(PlacementKind::Type)
        .chain([PlacementKind::Other])
        .collect()
}

/// "U4, U5" -> ["U4", "U5"] (upper case, blanks dropped).
pub fn codes(text: &str) -> Vec<String> {
    text.split([',', ' ', ';'])
        .map(|c| c.trim().to_uppercase())
        .filter(|c| !c.is_empty())
        .collect()
}

#[derive(Clone, Copy)]
enum Column {
    Place,
    Provider,
}

#[function_component]
pub fn MappingTable(props: &MappingTableProps) -> Html {
    let map = &props.choices.map;
    let edit = |i: usize, f: fn(&mut PlacementMap, usize, String)| {
        let (c, cb) = (props.choices.clone(), props.on_change.clone());
        move |value: String| {
            let mut next = c.clone();
            if i < next.map.rules.len() {
                f(&mut next.map, i, value);
                if next.map != c.map {
                    cb.emit(next);
                }
            }
        }
    };
    let rows = map.rules.iter().enumerate().map(|(i, r)| {
        let on_kind = {
            let set = edit(i, |m, i, v| {
                if let Some(k) = v.parse::<usize>().ok().and_then(|k| kinds().get(k).copied()) {
                    m.rules[i].kind = k;
                }
            });
            Callback::from(move |e: Event| set(e.target_unchecked_into::<HtmlSelectElement>().value()))
        };
        let on_text = |col: Column| {
            let set = match col {
                Column::Place => edit(i, |m, i, v| m.rules[i].place = codes(&v)),
                Column::Provider => edit(i, |m, i, v| m.rules[i].provider = codes(&v)),
            };
            Callback::from(move |e: Event| set(e.target_unchecked_into::<HtmlInputElement>().value()))
        };
        let selected = kinds().iter().position(|k| *k == r.kind).unwrap_or(0);
        html! {
            <tr>
                <td><input type="text" class="codes" aria-label={format!("PLACE codes, line {}", i + 1)}
                    value={r.place.join(", ")} onchange={on_text(Column::Place)} /></td>
                <td><input type="text" class="codes" aria-label={format!("PLACE_PROVIDER codes, line {} (empty: any)", i + 1)}
                    placeholder="any" value={r.provider.join(", ")} onchange={on_text(Column::Provider)} /></td>
                <td><select id={format!("borough-map-{i}")} aria-label={format!("Placement type, line {}", i + 1)} onchange={on_kind}>
                    { for kinds().into_iter().enumerate().map(|(k, kind)| html! {
                        <option value={k.to_string()} selected={k == selected}>{ kind.label() }</option>
                    }) }
                </select></td>
                <td class="muted">{ &r.note }</td>
            </tr>
        }
    });
    html! {
        <details class="borough-mapping" id="borough-mapping">
            <summary><h3>{ "Placement types (PLACE \u{00d7} PLACE_PROVIDER)" }</h3></summary>
            <p class="muted">{ "How each placement in the return counts in the model. The first line that matches wins; a PLACE no line names counts as other. Changing a line fits again." }</p>
            <table class="mapping">
                <thead><tr><th>{ "PLACE" }</th><th>{ "PLACE_PROVIDER" }</th><th>{ "Model placement type" }</th><th>{ "Why" }</th></tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_read_from_a_list() {
        assert_eq!(codes(" u4, U5;U6  "), vec!["U4", "U5", "U6"]);
        assert!(codes("  ").is_empty());
        assert_eq!(kinds().len(), PlacementType::COUNT + 1);
    }
}
