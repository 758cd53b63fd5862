//! A minimal reader for the XML return (`EXPSSDA903` > `CHILD` > `HEADER` + `EPISODE`):
//! a flat, bounded tag scanner (no DTD, no entity expansion beyond the five standard ones
//! and character references, no recursion) that turns each child into one header row and
//! its episode rows, under the same column names as the CSV tables.

use super::csv::MAX_FIELD_CHARS;
use super::table::{RawRow, RawTable};

/// Deepest nesting accepted (the return needs 4 or 5 levels).
pub const MAX_DEPTH: usize = 32;

/// Header and episode fields read from each child (XML names; `CHILDID`, `PL` are mapped
/// to the CSV names by `table::canonical`).
const HEADER_FIELDS: [&str; 5] = ["CHILDID", "SEX", "DOB", "UASC", "DUC"];
const EPISODE_FIELDS: [&str; 12] = [
    "DECOM",
    "RNE",
    "LS",
    "PL",
    "PLACE_PROVIDER",
    "DEC",
    "REC",
    "REASON_PLACE_CHANGE",
    "HOME_POST",
    "PL_POST",
    "URN",
    "CIN",
];

/// The tables of one XML return: (header rows, episode rows).
pub fn read(text: &str) -> Result<(RawTable, RawTable), String> {
    let mut header = RawTable {
        columns: HEADER_FIELDS.iter().map(|s| s.to_string()).collect(),
        rows: Vec::new(),
    };
    let mut episodes = RawTable {
        columns: std::iter::once("CHILDID")
            .chain(EPISODE_FIELDS)
            .map(str::to_string)
            .collect(),
        rows: Vec::new(),
    };
    let mut stack: Vec<String> = Vec::new();
    let mut child_header = RawRow::default();
    let mut child_episodes: Vec<RawRow> = Vec::new();
    let mut saw_root = false;
    let mut elements = 0usize;
    let mut text_buf = String::new();
    let bytes = text.as_bytes();
    let mut i = 0usize;
    while i < bytes.len() {
        if bytes[i] != b'<' {
            let end = text[i..].find('<').map_or(text.len(), |p| i + p);
            text_buf.push_str(&text[i..end]);
            i = end;
            continue;
        }
        let rest = &text[i..];
        if rest.starts_with("<?") {
            i += skip_to(rest, "?>", i)?;
        } else if rest.starts_with("<!--") {
            i += skip_to(rest, "-->", i)?;
        } else if let Some(cdata) = rest.strip_prefix("<![CDATA[") {
            let end = cdata
                .find("]]>")
                .ok_or_else(|| format!("unclosed CDATA section at byte {i}"))?;
            text_buf.push_str(&cdata[..end]);
            i += 9 + end + 3;
        } else if rest.starts_with("<!") {
            i += skip_to(rest, ">", i)?;
        } else {
            let len = tag_len(rest).ok_or_else(|| format!("unclosed tag at byte {i}"))?;
            let inner = &rest[1..len - 1];
            i += len;
            elements += 1;
            if let Some(name) = inner.strip_prefix('/') {
                let name = local_name(name);
                let open = stack
                    .pop()
                    .ok_or_else(|| format!("end tag </{name}> with no open element"))?;
                if open != name {
                    return Err(format!(
                        "end tag </{name}> does not match <{open}> (element {elements})"
                    ));
                }
                let value = unescape(text_buf.trim());
                text_buf.clear();
                close(&stack, &name, value, &mut child_header, &mut child_episodes);
                if name == "CHILD" && stack.len() == 1 {
                    finish_child(
                        &mut child_header,
                        &mut child_episodes,
                        &mut header,
                        &mut episodes,
                    );
                }
                continue;
            }
            text_buf.clear();
            let self_closing = inner.ends_with('/');
            let name = local_name(inner.trim_end_matches('/'));
            if stack.is_empty() {
                if saw_root {
                    return Err("more than one root element".into());
                }
                if name != "EXPSSDA903" {
                    return Err(format!(
                        "the root element is <{name}>, not <EXPSSDA903> (not an SSDA903 XML return)"
                    ));
                }
                saw_root = true;
            }
            if self_closing {
                close(
                    &stack,
                    &name,
                    String::new(),
                    &mut child_header,
                    &mut child_episodes,
                );
                continue;
            }
            if stack.len() >= MAX_DEPTH {
                return Err(format!("elements nested deeper than {MAX_DEPTH} levels"));
            }
            if name == "EPISODE" && stack.len() == 2 {
                child_episodes.push(RawRow {
                    fields: vec![String::new(); EPISODE_FIELDS.len() + 1],
                    malformed: false,
                });
            }
            if name == "CHILD" && stack.len() == 1 {
                child_header = RawRow {
                    fields: vec![String::new(); HEADER_FIELDS.len()],
                    malformed: false,
                };
                child_episodes.clear();
            }
            stack.push(name);
        }
    }
    if !saw_root {
        return Err("no XML element found (not an SSDA903 XML return)".into());
    }
    if let Some(open) = stack.last() {
        return Err(format!("the file ends inside <{open}> (truncated?)"));
    }
    Ok((header, episodes))
}

/// Bytes up to and including `end` in `rest`, or an error naming the position.
fn skip_to(rest: &str, end: &str, at: usize) -> Result<usize, String> {
    rest.find(end)
        .map(|p| p + end.len())
        .ok_or_else(|| format!("unclosed markup at byte {at}"))
}

/// Length of the tag at the start of `rest` (up to its `>`, quotes respected).
fn tag_len(rest: &str) -> Option<usize> {
    let mut quote: Option<u8> = None;
    for (k, &b) in rest.as_bytes().iter().enumerate().skip(1) {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => return Some(k + 1),
            (None, b'<') => return None,
            _ => {}
        }
    }
    None
}

/// The element name without attributes or a namespace prefix, upper-cased.
fn local_name(tag: &str) -> String {
    let name = tag.split_whitespace().next().unwrap_or("");
    let name = name.rsplit(':').next().unwrap_or(name);
    name.to_ascii_uppercase()
}

/// Text with the standard entities and character references replaced.
fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        let Some(semi) = rest.bytes().take(12).position(|b| b == b';') else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..semi];
        let ch = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .or_else(|| entity.strip_prefix("#X"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match ch {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Stores a closed element's text if it is a field of the current header or episode.
/// `stack` holds the open elements above it.
fn close(
    stack: &[String],
    name: &str,
    value: String,
    header: &mut RawRow,
    episodes: &mut [RawRow],
) {
    let parent = stack.last().map(String::as_str);
    if stack.get(1).map(String::as_str) != Some("CHILD") {
        return;
    }
    let (fields, names): (&mut RawRow, &[&str]) = match (stack.len(), parent) {
        (3, Some("HEADER")) | (2, Some("CHILD")) => (header, &HEADER_FIELDS),
        (3, Some("EPISODE")) => match episodes.last_mut() {
            Some(e) => (e, &EPISODE_FIELDS),
            None => return,
        },
        _ => return,
    };
    let offset = usize::from(names.len() == EPISODE_FIELDS.len());
    if let Some(k) = names.iter().position(|n| *n == name) {
        let mut value = value;
        if value.chars().count() > MAX_FIELD_CHARS {
            fields.malformed = true;
            value = value.chars().take(MAX_FIELD_CHARS).collect();
        }
        // Only rows opened by a CHILD or EPISODE element have their slots.
        if let Some(slot) = fields.fields.get_mut(k + offset) {
            *slot = value;
        }
    }
}

/// Moves one finished child into the tables, its CHILDID copied onto each episode.
fn finish_child(
    child_header: &mut RawRow,
    child_episodes: &mut Vec<RawRow>,
    header: &mut RawTable,
    episodes: &mut RawTable,
) {
    let id = child_header.fields.first().cloned().unwrap_or_default();
    for mut e in child_episodes.drain(..) {
        if let Some(slot) = e.fields.first_mut() {
            slot.clone_from(&id);
        }
        e.malformed |= child_header.malformed;
        episodes.rows.push(e);
    }
    header.rows.push(std::mem::take(child_header));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_children_and_rejects_broken_files() {
        let xml =
            "<?xml version='1.0'?><!-- c --><EXPSSDA903><CHILD><HEADER><CHILDID>7&amp;1</CHILDID>\
            <SEX>2</SEX><UASC /><DOB>01/02/2010</DOB></HEADER><EPISODE><DECOM>01/04/2017</DECOM>\
            <PL>U4</PL><DEC /><REC>X1</REC></EPISODE><EPISODE><DECOM><![CDATA[02/04/2017]]></DECOM>\
            </EPISODE></CHILD></EXPSSDA903>";
        let (h, e) = read(xml).unwrap();
        assert_eq!(h.rows.len(), 1);
        assert_eq!(h.rows[0].fields[..3], ["7&1", "2", "01/02/2010"]);
        assert_eq!(e.rows.len(), 2);
        assert_eq!(e.rows[0].fields[..5], ["7&1", "01/04/2017", "", "", "U4"]);
        assert_eq!(e.rows[1].fields[1], "02/04/2017");
        assert!(read("<ROOT/>").unwrap_err().contains("EXPSSDA903"));
        assert!(read("<EXPSSDA903><CHILD></EXPSSDA903>").is_err());
        assert!(read("<EXPSSDA903><CHILD>")
            .unwrap_err()
            .contains("ends inside"));
        assert!(read("plain text").is_err());
        assert_eq!(unescape("a&#65;&#x42;&bogus;&"), "aAB&bogus;&");
        assert_eq!(unescape("&ééééééé;"), "&ééééééé;");
        assert!(
            read("<EXPSSDA903><X><HEADER><CHILDID>1</CHILDID></HEADER></X></EXPSSDA903>").is_ok()
        );
    }
}
