//! Writing the report as HTML text: escaping, small element helpers, and the standalone
//! document (inline CSS and SVG, no scripts, nothing fetched) that officers attach to a
//! paper. Pure, so the same text is tested natively and shown in the page.

use std::fmt::Write;

/// The report's styles, inlined into the downloaded file (the page loads the same file).
pub const REPORT_CSS: &str = include_str!("../../../../styles/report.css");

/// Text made safe to put inside an element or a quoted attribute.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A table with a header row and body rows of cells that are already HTML; `class` on the
/// `<table>`, first cell of each row a row header.
pub fn table(class: &str, head: &[String], rows: &[Vec<String>]) -> String {
    let mut s = format!("<table class=\"{}\"><thead><tr>", esc(class));
    for h in head {
        let _ = write!(s, "<th scope=\"col\">{h}</th>");
    }
    s.push_str("</tr></thead><tbody>");
    for row in rows {
        s.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            if i == 0 {
                let _ = write!(s, "<th scope=\"row\">{cell}</th>");
            } else {
                let _ = write!(s, "<td>{cell}</td>");
            }
        }
        s.push_str("</tr>");
    }
    s.push_str("</tbody></table>");
    s
}

/// The whole report as one file: the `body` (an `<article class="report">`) with the
/// report's styles inline. Its Content-Security-Policy forbids every script and every
/// request, so it opens the same with no network and can run nothing.
pub fn standalone(title: &str, body: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n\
<title>{}</title>\n<style>\n{}\n</style>\n</head>\n<body class=\"report-file\">\n{}\n</body>\n</html>\n",
        esc(title),
        REPORT_CSS,
        body
    )
}
