//! The report for a Cabinet paper or scrutiny: one report of every scenario in the
//! results, whichever scenario the app is showing. On screen, a short panel to print it
//! (or save it as a PDF), download it as one self-contained HTML file, or preview it; in
//! print, the report is all that is printed (styles/print.css), A4 portrait with page
//! numbers (styles/report.css).
//!
//! * [`content`]: the report as HTML text (pure, tested natively), the same text shown
//!   here and downloaded;
//! * [`assumptions`]: the assumptions a scenario changes from the default, lever settings;
//! * [`svg`]: the charts as SVG text; [`markup`]: escaping and the standalone file;
//! * [`track_record`]: the hindcast on the council's own returns, when there is one.
//!
//! Wiring: `<CabinetReport state={state.clone()} />` as a direct child of the page's
//! `.app` element (print.css hides the other children of `.app` when printing).

pub mod assumptions;
pub mod content;
pub mod markup;
pub mod matters;
pub mod references;
pub mod svg;
pub mod track_record;

#[cfg(test)]
mod tests;

use std::rc::Rc;

use yew::prelude::*;

use crate::app::io;
use crate::app::state::{Action, AppState, NoticeKind};

#[derive(Properties, PartialEq)]
pub struct CabinetReportProps {
    pub state: UseReducerHandle<AppState>,
}

/// Today as "3 December 2026" (the browser's clock and time zone).
fn today() -> String {
    let d = js_sys::Date::new_0();
    let month = engine::types::MONTH_NAMES
        .get(d.get_month() as usize)
        .copied()
        .unwrap_or_default();
    format!("{} {month} {}", d.get_date(), d.get_full_year())
}

#[function_component]
pub fn CabinetReport(props: &CabinetReportProps) -> Html {
    let preview = use_state(|| false);
    let s = &*props.state;
    let printed = today();
    // The report is written again only when the results (or the scenarios, or the date)
    // change, not at each re-render of the page.
    let made = {
        let results = s.run.results.clone();
        let scenarios: Vec<Option<Rc<engine::ValidScenario>>> = results
            .as_ref()
            .map(|r| {
                r.doc_ids
                    .iter()
                    .map(|id| s.docs.iter().find(|d| d.id == *id)?.parsed.clone())
                    .collect()
            })
            .unwrap_or_default();
        let tornado = s.scrutiny.tornado.clone();
        let key = (
            results.as_ref().map(|r| Rc::as_ptr(&r.report.0) as usize),
            results.as_ref().map(|r| r.complete),
            s.rev,
            printed.clone(),
            track_record::version(),
            tornado.as_ref().map(|t| Rc::as_ptr(t) as usize),
        );
        use_memo(key, move |(_, _, _, printed, _, _)| {
            let r = results?;
            let default = engine::defaults::default_scenario();
            let input = content::Input {
                report: &r.report.0,
                scenarios: scenarios
                    .iter()
                    .map(|o| o.as_deref().map(|v| v.scenario()))
                    .collect(),
                default: &default,
                printed: printed.clone(),
                complete: r.complete,
                tornado: tornado.as_deref(),
            };
            Some((content::title(&r.report.0), content::article(&input)))
        })
    };
    let Some((title, article)) = (*made).clone() else {
        return html! {};
    };
    let on_print = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let on_download = {
        let (title, article, d) = (title.clone(), article.clone(), props.state.dispatcher());
        Callback::from(move |_: MouseEvent| {
            let name = format!("placement-sufficiency-report-{}.html", io::timestamp());
            if let Err(e) = io::download(&name, "text/html", &markup::standalone(&title, &article))
            {
                d.dispatch(Action::Notify {
                    kind: NoticeKind::Error,
                    text: format!("Download failed: {e}"),
                    action: None,
                });
            }
        })
    };
    let on_preview = {
        let preview = preview.clone();
        Callback::from(move |_: MouseEvent| preview.set(!*preview))
    };
    html! {
        <>
            <section class="report-panel no-print" id="report-panel" aria-labelledby="report-panel-title">
                <h2 id="report-panel-title">{ "Report for Cabinet or scrutiny" }</h2>
                <p class="muted">{ "Every scenario in one report, whichever is shown above: the chance of overspending, cost and the sufficiency gap (with its parts) by financial year, each strategy against what it is compared with, the charts, the strategies and every changed assumption with its source. A4, with page numbers." }</p>
                <div class="report-actions">
                    <button type="button" class="secondary small" id="report-print" onclick={on_print}>{ "Print or save as PDF" }</button>
                    <button type="button" class="secondary small" id="report-download" onclick={on_download}>{ "Download report (HTML)" }</button>
                    <button type="button" class="secondary small" id="report-preview" aria-expanded={preview.to_string()} onclick={on_preview}>
                        { if *preview { "Hide the report" } else { "Show the report here" } }
                    </button>
                </div>
            </section>
            <div class={classes!("report-host", preview.then_some("previewing"))} id="report-host">
                { Html::from_html_unchecked(AttrValue::from(article)) }
            </div>
        </>
    }
}
