//! An accessible data table: caption, column headers, first column as row headers.

use std::rc::Rc;

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DataTableProps {
    pub caption: AttrValue,
    pub columns: Rc<Vec<String>>,
    pub rows: Rc<Vec<Vec<String>>>,
    /// Columns with this index or higher hold numbers (right-aligned, tabular figures).
    #[prop_or_default]
    pub numeric_from: usize,
    #[prop_or_default]
    pub id: AttrValue,
}

#[function_component]
pub fn DataTable(p: &DataTableProps) -> Html {
    let class = |i: usize| {
        if i >= p.numeric_from {
            Some("num")
        } else {
            None
        }
    };
    let head = p.columns.iter().enumerate().map(|(i, c)| {
        html! { <th scope="col" class={class(i)}>{ c.clone() }</th> }
    });
    let body = p.rows.iter().map(|row| {
        let cells = row.iter().enumerate().map(|(i, c)| {
            if i == 0 {
                html! { <th scope="row" class={class(i)}>{ c.clone() }</th> }
            } else {
                html! { <td class={class(i)}>{ c.clone() }</td> }
            }
        });
        html! { <tr>{ for cells }</tr> }
    });
    let id = (!p.id.is_empty()).then(|| p.id.clone());
    // The wrapper scrolls wide tables; it is focusable so keyboards can scroll it too.
    html! {
        <div class="table-scroll" role="region" aria-label={p.caption.clone()} tabindex="0">
            <table class="data-table" id={id}>
                <caption>{ p.caption.clone() }</caption>
                <thead><tr>{ for head }</tr></thead>
                <tbody>{ for body }</tbody>
            </table>
        </div>
    }
}
