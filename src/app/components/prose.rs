//! Catalogue text (labels, help, sources, the reasons for ranges) as a councillor reads it:
//! a field path such as `fostering.attrition_early` becomes that assumption's label in
//! quotation marks, a citation such as `[R-SUFF-2020-07]` becomes a numbered link that opens
//! the reference in the References view, and the first mention of each glossary term links
//! to its entry. [`pieces`] does the reading (pure, natively tested); [`prose`] draws it.

use engine::catalog;
use engine::references::{self, Reference};
use yew::prelude::*;

use super::glossary::{term_link, Term, TERMS};
use super::references::{ref_link, ref_number};

/// A stretch of text as drawn.
#[derive(Clone, Debug, PartialEq)]
pub enum Piece {
    Text(String),
    /// A citation, with the reference's number in the list.
    Cite(&'static Reference, usize),
    /// A glossary term as written in the text.
    Term(&'static Term, String),
}

/// Field paths (and field names such as `start_month`) replaced by their labels in
/// quotation marks: "see fostering.attrition_early" → "see “Carers leaving in their first two
/// years”". Only paths the catalogue knows are replaced; other dotted words (figures, "e.g.")
/// are left alone.
pub fn plain_paths(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(|c: char| c.is_ascii_lowercase()) {
        out.push_str(&rest[..start]);
        let word = &rest[start..];
        let len = word
            .find(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '.'))
            .unwrap_or(word.len());
        let token = word[..len].trim_end_matches('.');
        // Part of a longer word ("Look" before "ed.x") does not count.
        let joined = out
            .chars()
            .last()
            .is_some_and(|c| c.is_alphanumeric() || c == '_');
        match ((token.contains('.') || token.contains('_')) && !joined)
            .then(|| catalog::lookup(token))
            .flatten()
        {
            Some(p) => {
                out.push('\u{201c}');
                out.push_str(p.label);
                out.push('\u{201d}');
                rest = &word[token.len()..];
            }
            None => {
                out.push_str(&word[..len]);
                rest = &word[len..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Is the byte before `i` and the byte at `j` a word boundary in `text`?
fn whole_word(text: &str, i: usize, j: usize) -> bool {
    let b = text.as_bytes();
    let edge = |k: Option<&u8>| k.is_none_or(|c| !c.is_ascii_alphanumeric());
    edge(i.checked_sub(1).and_then(|k| b.get(k))) && edge(b.get(j))
}

/// The earliest glossary mention in `text` of a term not yet linked (the longest where two
/// start at the same place): (start, end, term).
fn next_term(text: &str, used: &[&str]) -> Option<(usize, usize, &'static Term)> {
    let lower = text.to_ascii_lowercase();
    let mut best: Option<(usize, usize, &'static Term)> = None;
    for t in TERMS.iter().filter(|t| !used.contains(&t.key)) {
        for m in t.mentions {
            let m = m.to_ascii_lowercase();
            let mut from = 0;
            while let Some(k) = lower[from..].find(&m) {
                let (i, j) = (from + k, from + k + m.len());
                if whole_word(text, i, j) {
                    if best.is_none_or(|(bi, bj, _)| i < bi || (i == bi && j > bj)) {
                        best = Some((i, j, t));
                    }
                    break;
                }
                from = i + 1;
            }
        }
    }
    best
}

/// Glossary links in a stretch of plain text (each term once per text: `used`).
fn link_terms(text: &str, used: &mut Vec<&'static str>, out: &mut Vec<Piece>) {
    let mut rest = text;
    while let Some((i, j, t)) = next_term(rest, used) {
        if i > 0 {
            out.push(Piece::Text(rest[..i].to_string()));
        }
        out.push(Piece::Term(t, rest[i..j].to_string()));
        used.push(t.key);
        rest = &rest[j..];
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest.to_string()));
    }
}

/// A catalogue text read for a councillor: paths as labels, citations as numbered links,
/// and (with `terms`) the first mention of each glossary term linked.
pub fn pieces(text: &str, terms: bool) -> Vec<Piece> {
    let text = plain_paths(text);
    let mut out = vec![];
    let mut used = vec![];
    let mut plain = |s: &str, out: &mut Vec<Piece>| {
        if terms {
            link_terms(s, &mut used, out)
        } else if !s.is_empty() {
            out.push(Piece::Text(s.to_string()))
        }
    };
    let mut rest = text.as_str();
    while let Some(open) = rest.find("[R-") {
        let Some(close) = rest[open..].find(']').map(|k| open + k) else {
            break;
        };
        match references::find(&rest[open..=close]) {
            Some(r) => {
                plain(&rest[..open], &mut out);
                out.push(Piece::Cite(r, ref_number(r)));
            }
            None => plain(&rest[..=close], &mut out),
        }
        rest = &rest[close + 1..];
    }
    plain(rest, &mut out);
    out
}

/// [`pieces`] drawn: text, numbered citation links and glossary links.
pub fn prose(text: &str, terms: bool) -> Html {
    let parts = pieces(text, terms).into_iter().map(|p| match p {
        Piece::Text(t) => html! { { t } },
        Piece::Cite(r, n) => ref_link(r, n),
        Piece::Term(t, written) => term_link(t, html! { { written } }),
    });
    html! { <>{ for parts }</> }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(p: &[Piece]) -> String {
        p.iter()
            .map(|p| match p {
                Piece::Text(t) | Piece::Term(_, t) => t.clone(),
                Piece::Cite(_, n) => format!("[{n}]"),
            })
            .collect()
    }

    #[test]
    fn paths_become_labels_and_other_dots_stay() {
        let label = catalog::param("fostering.attrition_early").unwrap().label;
        assert_eq!(
            plain_paths("(see fostering.attrition_early). Also e.g. 0.5 and R-SUFF."),
            format!("(see \u{201c}{label}\u{201d}). Also e.g. 0.5 and R-SUFF.")
        );
        assert_eq!(plain_paths("no.such.path"), "no.such.path");
    }

    #[test]
    fn citations_become_numbered_links() {
        let p = pieces("Scorecard [R-SUFF-2020-07]; and [not a ref].", false);
        assert!(matches!(p[1], Piece::Cite(r, _) if r.id == "R-SUFF-2020-07"));
        let n = ref_number(references::find("R-SUFF-2020-07").unwrap());
        assert_eq!(text_of(&p), format!("Scorecard [{n}]; and [not a ref]."));
    }

    #[test]
    fn each_term_links_once_the_longest_first() {
        let p = pieces(
            "The in-house shortfall counts IFA places; in-house carers and IFAs. Reinforced.",
            true,
        );
        let terms: Vec<(&str, &str)> = p
            .iter()
            .filter_map(|p| match p {
                Piece::Term(t, w) => Some((t.key, w.as_str())),
                _ => None,
            })
            .collect();
        assert_eq!(
            terms,
            [
                ("sufficiency-gap-parts", "in-house shortfall"),
                ("ifa", "IFA"),
                ("in-house", "in-house")
            ]
        );
        assert!(text_of(&p).ends_with("IFAs. Reinforced."));
    }

    /// What a councillor reads of the catalogue names no field path, raw citation or
    /// distribution name.
    #[test]
    fn no_path_or_raw_citation_survives_in_any_catalogue_text() {
        let spreads = catalog::uncertain().iter().map(|s| s.reason);
        // The shape of a distribution is for the modelling-detail view only.
        let texts = catalog::params()
            .iter()
            .filter(|p| !super::super::fields::advanced_only(p.path))
            .flat_map(|p| [p.label, p.help, p.source])
            .chain(spreads);
        let mut found = vec![];
        for t in texts {
            let read = text_of(&pieces(t, true));
            if read.contains("[R-") {
                found.push(format!("raw citation in {read}"));
            }
            let lower = read.to_lowercase();
            for jargon in ["hazard", "gamma", "lognormal", "exponential"] {
                if lower.contains(jargon) {
                    found.push(format!("{jargon} in {read}"));
                }
            }
            for word in read.split(|c: char| c.is_whitespace() || "(),;:".contains(c)) {
                let w = word.trim_end_matches('.');
                if w.contains('_') || (w.contains('.') && catalog::lookup(w).is_some()) {
                    found.push(format!("field path {w} in {read}"));
                }
            }
        }
        assert!(found.is_empty(), "{}", found.join("\n"));
    }
}
