//! The report's "Track record" section: the latest hindcast on the council's own returns
//! (the verdict in words, the observed line over the projection's fan, and the coverage of
//! children in care, admissions and exits). Only counts and dates of the returns are in
//! it. The hindcast is set by the returns panel when it arrives ([`set`]); the report
//! reads it when written ([`section`]), and [`version`] changes with it so the report is
//! written again.

use std::cell::{Cell, RefCell};
use std::fmt::Write;
use std::rc::Rc;

use engine::rounding::{round_to, whole_percent};
use engine::ssda903::hindcast::{Hindcast, MedianError};

use super::markup::{esc, table};
use crate::charts::observed::hindcast_chart;

thread_local! {
    static LATEST: RefCell<Option<Rc<Hindcast>>> = const { RefCell::new(None) };
    static VERSION: Cell<u32> = const { Cell::new(0) };
}

/// The latest hindcast (`None`: none, or the returns were closed).
pub fn set(h: Option<Rc<Hindcast>>) {
    LATEST.with(|l| *l.borrow_mut() = h);
    VERSION.with(|v| v.set(v.get().wrapping_add(1)));
}

/// Changes whenever [`set`] is called.
pub fn version() -> u32 {
    VERSION.with(Cell::get)
}

fn error(e: &Option<MedianError>) -> String {
    match e {
        Some(e) => match e.relative_error {
            Some(r) => format!(
                "{:.0} against {:.0} observed ({:+.0}%)",
                e.median,
                e.observed,
                round_to(100.0 * r, 0)
            ),
            None => format!("{:.0} against {:.0} observed", e.median, e.observed),
        },
        None => "\u{2014}".into(),
    }
}

/// The section for `h`, as HTML text.
pub fn html(h: &Hindcast) -> String {
    let mut s = String::from(
        "<section class=\"report-section track-record\" id=\"report-track-record\"><h2>Track record</h2>",
    );
    let _ = write!(
        s,
        "<p>How the model would have done for this borough: fitted to its own SSDA903 returns as at {} using only the data before that date, run forward, and set against what the returns show happened next.</p><p class=\"verdict\">{}</p>",
        esc(&h.as_at),
        esc(&h.verdict)
    );
    s.push_str(&hindcast_chart(
        h,
        &[],
        "in_care",
        "Children in care: projected against what happened",
    ));
    let rows: Vec<Vec<String>> = [
        ("in_care", "Children in care"),
        ("admissions", "Admissions a month"),
        ("exits", "Exits a month"),
    ]
    .into_iter()
    .filter_map(|(k, label)| {
        let c = h.coverage.iter().find(|c| c.metric == k)?;
        Some(vec![
            label.to_string(),
            format!(
                "{} of {} ({})",
                c.inside,
                c.months,
                whole_percent(c.share_inside)
            ),
            error(&c.after_12),
            error(&c.after_24),
        ])
    })
    .collect();
    s.push_str(&table(
        "track-record-table",
        &[
            "Measure".into(),
            "Months inside the 10\u{2013}90% band".into(),
            "Median after 12 months".into(),
            "Median after 24 months".into(),
        ],
        &rows,
    ));
    s.push_str("</section>");
    s
}

/// Appends the section when there is a hindcast.
pub fn section(s: &mut String) {
    if let Some(h) = LATEST.with(|l| l.borrow().clone()) {
        s.push_str(&html(&h));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use engine::ssda903::hindcast::{Coverage, HindcastRow};

    #[test]
    fn the_section_states_the_verdict_and_coverage_and_follows_the_latest() {
        let h = Hindcast {
            as_at: "2019-03-31".into(),
            rows: vec![HindcastRow {
                month: "2019-04".into(),
                metric: "in_care".into(),
                observed: 100.0,
                p10: 90.0,
                p50: 101.0,
                p90: 110.0,
            }],
            coverage: vec![Coverage {
                metric: "in_care".into(),
                months: 1,
                inside: 1,
                share_inside: 1.0,
                after_12: None,
                after_24: None,
            }],
            verdict: "A good <track> record".into(),
        };
        let text = html(&h);
        assert!(text.contains("Track record") && text.contains("1 of 1 (100%)"));
        assert!(text.contains("A good &lt;track&gt; record"));
        let v = version();
        let mut s = String::new();
        set(None);
        section(&mut s);
        assert!(s.is_empty());
        set(Some(Rc::new(h)));
        section(&mut s);
        assert!(s.contains("report-track-record"));
        assert_ne!(version(), v);
        set(None);
    }
}
