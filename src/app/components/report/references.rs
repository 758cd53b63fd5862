//! The report's back matter: what each headline figure means, in one line each, and the
//! references the default assumptions rest on, cited in full (title, publishing body, date,
//! and where in the document the figures are). The assumptions' sources cite these by ID
//! (`[R-SUFF-2020-07]`); [`linked_citations`] turns such a citation into a numbered link to
//! its entry.

use std::fmt::Write;

use engine::references::{self, REFERENCES};

use super::content::{GAP_KEY, NO_SUITABLE_KEY};
use super::markup::esc;
use crate::app::components::glossary::headline;
use crate::app::components::references::ref_number;

/// The figures the report shows, with their names as the report writes them.
const FIGURES: &[(&str, &str)] = &[
    ("overspend", "Chance of overspending the budget"),
    ("cost", "Placement cost"),
    (GAP_KEY, "Sufficiency gap"),
    (NO_SUITABLE_KEY, "No suitable placement (part of the gap)"),
    ("below_need", "Placed below assessed need"),
    ("inhouse_shortfall", "In-house shortfall"),
    ("at_distance", "Placed at a distance"),
    ("in_care", "Children in care"),
    ("in_house_share", "In-house share"),
];

/// How the report reads the spread of the simulated futures.
const READING: &[(&str, &str)] = &[
    (
        "Median",
        "The middle of the simulated futures: half come out higher, half lower.",
    ),
    (
        "80th percentile",
        "Four in five simulated futures come out below it; one in five above.",
    ),
    (
        "8 in 10 futures between",
        "The range that the middle eight of every ten simulated futures fall in (the 10th to the 90th \
         percentile); the shaded bands on the charts show the same.",
    ),
    (
        "Paired difference",
        "A strategy and the baseline are run on the same simulated futures, so the difference between them \
         in each future is what the strategy itself changes, not luck.",
    ),
];

/// The anchor of a reference's entry in the report.
fn anchor(id: &str) -> String {
    format!("report-ref-{id}")
}

/// `[R-SUFF-2020-07]` in an (escaped) text becomes a numbered link to the entry, "`[4]`";
/// anything else is left as it is.
pub fn linked_citations(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find("[R-") {
        let Some(close) = rest[open..].find(']').map(|k| open + k) else {
            break;
        };
        out.push_str(&rest[..open]);
        match references::find(&rest[open..=close]) {
            Some(r) => {
                let _ = write!(
                    out,
                    "<a class=\"cite\" href=\"#{}\">[{}]</a>",
                    anchor(r.id),
                    ref_number(r)
                );
            }
            None => out.push_str(&rest[open..=close]),
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

/// A catalogue source as the report prints it: field paths as their labels, citations as
/// numbered links to the entries below.
pub fn source_html(source: &str) -> String {
    linked_citations(&esc(&crate::app::components::prose::plain_paths(source)))
}

/// The two sections: what the figures mean, then the references.
pub fn back_matter(s: &mut String) {
    s.push_str(
        "<section class=\"report-definitions\" id=\"report-definitions\"><h2>What the figures mean</h2><dl>",
    );
    for (key, name) in FIGURES {
        let _ = write!(s, "<dt>{}</dt><dd>{}</dd>", esc(name), esc(headline(key)));
    }
    for (name, meaning) in READING {
        let _ = write!(s, "<dt>{}</dt><dd>{}</dd>", esc(name), esc(meaning));
    }
    s.push_str("</dl></section>");
    s.push_str(
        "<section class=\"report-references\" id=\"report-references\"><h2>References</h2>\
         <p>The published council papers the default assumptions rest on; the sources above cite them by number \
         or by the code in brackets.</p><ol>",
    );
    for r in REFERENCES {
        let _ = write!(
            s,
            "<li id=\"{}\"><cite>{}</cite>. {}. {}. {}. <span class=\"sub\">[{}]</span></li>",
            anchor(r.id),
            esc(r.title),
            esc(r.body),
            esc(r.date),
            esc(r.locator),
            esc(r.id)
        );
    }
    s.push_str("</ol></section>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_figure_is_defined_and_every_reference_cited_in_full() {
        let mut s = String::new();
        back_matter(&mut s);
        for (key, name) in FIGURES {
            assert!(!headline(key).is_empty(), "{key} has no definition");
            assert!(s.contains(&esc(name)), "{name}");
        }
        for r in REFERENCES {
            for part in [r.title, r.body, r.date, r.locator, r.id] {
                assert!(s.contains(&esc(part)), "{}: {part}", r.id);
            }
            assert!(s.contains(&format!("id=\"report-ref-{}\"", r.id)));
        }
    }

    #[test]
    fn citations_become_numbered_links() {
        let r = references::find("R-CPP-2018-07").unwrap();
        let n = ref_number(r);
        assert_eq!(
            linked_citations("A1 325 days [R-CPP-2018-07]; [R-NONE-2000-01]."),
            format!(
                "A1 325 days <a class=\"cite\" href=\"#report-ref-R-CPP-2018-07\">[{n}]</a>; [R-NONE-2000-01]."
            )
        );
    }
}
