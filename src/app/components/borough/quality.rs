//! The data-quality report of an import, per return: rows read and used, rows dropped,
//! repaired or noted by reason (with a few examples: the row's line and the offending
//! value; and the CHILD ids concerned, on screen only), what was assumed, files that could
//! not be used and why, and what the analyst should check (such as two returns of one year
//! that share no children).

use std::rc::Rc;

use engine::ssda903::{Action, Issue, TableKind};
use yew::prelude::*;

use crate::borough::Outcome;

#[derive(Properties, PartialEq)]
pub struct QualityViewProps {
    pub outcome: Rc<Outcome>,
}

fn table_name(t: Option<TableKind>) -> &'static str {
    match t {
        Some(TableKind::Episodes) => "episodes (CSV)",
        Some(TableKind::Header) => "header (CSV)",
        Some(TableKind::Uasc) => "UASC (CSV)",
        Some(TableKind::XmlReturn) => "whole return (XML)",
        None => "not recognised",
    }
}

fn action_name(a: Action) -> &'static str {
    match a {
        Action::Dropped => "dropped",
        Action::Repaired => "repaired",
        Action::Noted => "kept, noted",
        Action::Merged => "merged with a later return",
    }
}

/// The reason a row is counted, in words, with its column or code and a few examples:
/// "a required date is missing or not a date (DECOM): e.g. line 2: ‘31/02/2020’; line 4:
/// text, not a date".
pub fn issue_text(i: &Issue) -> String {
    let mut text = i.reason.label().to_string();
    if !i.detail.is_empty() {
        text.push_str(&format!(" ({})", i.detail));
    }
    if !i.examples.is_empty() {
        let more = if i.count > i.examples.len() {
            "e.g. "
        } else {
            ""
        };
        text.push_str(&format!(": {more}{}", i.examples.join("; ")));
    }
    text
}

#[function_component]
pub fn QualityView(props: &QualityViewProps) -> Html {
    let o = &*props.outcome;
    let r = &o.report;
    let span = match (o.observed_from, o.observed_to) {
        (Some(a), Some(b)) => format!("; they cover {a} to {b}"),
        _ => String::new(),
    };
    let years: Vec<String> = o
        .returns
        .iter()
        .map(|y| format!("{y}/{:02}", (y + 1).rem_euclid(100)))
        .collect();
    let files = r.files.iter().enumerate().map(|(fi, f)| {
        let year = f
            .return_year
            .map(|y| format!("{y}/{:02}", (y + 1).rem_euclid(100)))
            .unwrap_or_else(|| "\u{2014}".into());
        let issues = f.issues.iter().enumerate().map(|(ii, i)| {
            let ids = o
                .child_ids
                .get(fi)
                .and_then(|v| v.get(ii))
                .cloned()
                .unwrap_or_default();
            html! {
                <tr class={classes!("issue", format!("issue-{}", action_name(i.action).split(' ').next().unwrap_or("")))}>
                    <td>{ issue_text(i) }</td>
                    <td>{ action_name(i.action) }</td>
                    <td class="num">{ i.count }</td>
                    <td class="child-ids">
                        if !ids.is_empty() {
                            <details><summary>{ format!("{} CHILD id{} (on screen only)", ids.len(), if ids.len() == 1 { "" } else { "s" }) }</summary>
                                <span class="ids">{ ids.join(", ") }</span>
                            </details>
                        }
                    </td>
                </tr>
            }
        });
        html! {
            <div class="quality-file">
                <h4>{ &f.name }</h4>
                <p class="quality-counts">
                    { format!("{}; return year {year}; {} rows read, {} used, {} dropped.", table_name(f.table), f.rows_read, f.rows_used, f.dropped()) }
                </p>
                if let Some(e) = &f.error { <p class="error">{ format!("Not used: {e}") }</p> }
                if !f.issues.is_empty() {
                    <table class="quality-issues">
                        <thead><tr><th>{ "Why" }</th><th>{ "What was done" }</th><th class="num">{ "Rows" }</th><th>{ "Children" }</th></tr></thead>
                        <tbody>{ for issues }</tbody>
                    </table>
                }
                if !f.assumptions.is_empty() {
                    <ul class="assumed">{ for f.assumptions.iter().map(|a| html! { <li>{ format!("Assumed: {a}") }</li> }) }</ul>
                }
            </div>
        }
    });
    html! {
        <details class="borough-quality" id="borough-quality" open=true
            data-import-ms={format!("{:.0}", o.import_ms)} data-fit-ms={format!("{:.0}", o.fit_ms)}>
            <summary><h3>{ "Data quality" }</h3></summary>
            <p id="borough-quality-summary">{ format!(
                "{} children, {} periods of care and {} placements from {} file{} (returns {}){span}.",
                r.children, r.periods, r.placements, r.files.len(), if r.files.len() == 1 { "" } else { "s" },
                if years.is_empty() { "none recognised".to_string() } else { years.join(", ") }
            ) }</p>
            if !r.warnings.is_empty() {
                <ul class="quality-warnings" role="alert">{ for r.warnings.iter().map(|w| html! { <li class="notice warning">{ format!("Check: {w}.") }</li> }) }</ul>
            }
            if !r.assumptions.is_empty() {
                <ul class="assumed">{ for r.assumptions.iter().map(|a| html! { <li>{ format!("Assumed: {a}") }</li> }) }</ul>
            }
            { for files }
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use engine::ssda903::{import, ImportOptions, InputFile, Reason};

    #[test]
    fn an_issue_names_its_rows_and_values_but_no_child() {
        let text = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC\n\
                    111,31/02/2020,S,C2,N1,U4,PR1,,\n\
                    112,01/05/2020,S,C2,N1,ZZ,PR1,01/04/2020,E11\n";
        let i = import(
            &[InputFile {
                name: "e.csv",
                bytes: text.as_bytes(),
            }],
            &ImportOptions::default(),
        );
        let f = &i.report.files[0];
        let texts: Vec<String> = f.issues.iter().map(issue_text).collect();
        let date = f
            .issues
            .iter()
            .position(|x| x.reason == Reason::BadDate)
            .unwrap();
        assert_eq!(
            texts[date],
            "a required date is missing or not a date (DECOM): line 2: \u{2018}31/02/2020\u{2019}"
        );
        let before = f
            .issues
            .iter()
            .position(|x| x.reason == Reason::EndsBeforeStart)
            .unwrap();
        assert!(
            texts[before].contains("line 3: DEC \u{2018}01/04/2020\u{2019} before DECOM")
                && texts[before].contains("PLACE \u{2018}ZZ\u{2019} is not a known code"),
            "{}",
            texts[before]
        );
        for t in &texts {
            assert!(!t.contains("111") && !t.contains("112"), "{t}");
        }
    }
}
