//! An accessible data table: caption, column headers, first column as row headers; and a
//! chart's "Show table" toggle, which builds its table only while it is open.

use std::rc::Rc;

use engine::metrics::Unit;
use yew::prelude::*;

use super::{rows, Series};

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

/// The numbers a chart's table shows, kept as the chart's own data so the rows of text are
/// made only when someone opens the table (a closed table costs nothing on each refresh).
#[derive(Clone, PartialEq)]
pub enum TableData {
    Fan {
        unit: Unit,
        months: Rc<Vec<String>>,
        series: Rc<Vec<Series>>,
        /// The series are differences (a difference of shares reads in points).
        difference: bool,
    },
    Stacked {
        unit: Unit,
        months: Rc<Vec<String>>,
        layers: Rc<Vec<(String, Vec<f64>)>>,
    },
}

impl TableData {
    fn table(&self) -> rows::Table {
        match self {
            TableData::Fan {
                unit,
                months,
                series,
                difference,
            } => rows::fan_table(*unit, months, series, *difference),
            TableData::Stacked {
                unit,
                months,
                layers,
            } => rows::stacked_table(*unit, months, layers),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct TableToggleProps {
    pub caption: AttrValue,
    pub data: TableData,
    /// DOM id of the table.
    #[prop_or_default]
    pub id: AttrValue,
    /// Open at first render.
    #[prop_or_default]
    pub open: bool,
}

/// A "Show table" disclosure under a chart. Its table is rendered only while it is open.
#[function_component]
pub fn TableToggle(p: &TableToggleProps) -> Html {
    let open = use_state_eq(|| p.open);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let details: web_sys::Element = e.target_unchecked_into();
            open.set(details.has_attribute("open"));
        })
    };
    let table = open.then(|| {
        let (columns, rows) = p.data.table();
        html! {
            <DataTable caption={p.caption.clone()} columns={Rc::new(columns)} rows={Rc::new(rows)}
                numeric_from={1} id={p.id.clone()} />
        }
    });
    html! {
        <details class="chart-table" open={*open} {ontoggle}>
            <summary>{ "Show table" }</summary>
            { for table }
        </details>
    }
}
