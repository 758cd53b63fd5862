//! A small CSV reader for the return's tables: comma, semicolon or tab separated (found
//! from the header row), double-quoted fields with `""` escapes and line breaks inside
//! quotes, CRLF, LF or CR line ends, blank lines skipped. Rows wider than the header row, or
//! with an over-long field, are marked malformed rather than trusted.

use super::table::{RawRow, RawTable};

/// Longest field kept (postcodes and codes are a few characters; this bounds memory).
pub const MAX_FIELD_CHARS: usize = 1024;
/// Most columns a header row may have.
pub const MAX_COLUMNS: usize = 512;

/// The separator: whichever of comma, semicolon and tab the first line holds most of
/// (outside quotes); comma when none.
fn separator(text: &str) -> char {
    let first = text.lines().next().unwrap_or("");
    let mut best = (',', first.matches(',').count());
    for c in [';', '\t'] {
        let n = first.matches(c).count();
        if n > best.1 {
            best = (c, n);
        }
    }
    best.0
}

/// Appends `c` to a field unless it is full (then flags it).
fn push_char(field: &mut String, n: &mut usize, c: char, too_long: &mut bool) {
    if *n < MAX_FIELD_CHARS {
        field.push(c);
        *n += 1;
    } else {
        *too_long = true;
    }
}

/// Splits `text` into records of fields, each with whether a field was over
/// [`MAX_FIELD_CHARS`] (then truncated).
fn records(text: &str, sep: char) -> Vec<(Vec<String>, bool)> {
    let mut out = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut field_chars = 0usize;
    let mut too_long = false;
    let mut in_quotes = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    push_char(&mut field, &mut field_chars, '"', &mut too_long);
                }
                '"' => in_quotes = false,
                _ => push_char(&mut field, &mut field_chars, c, &mut too_long),
            }
            continue;
        }
        match c {
            '"' if field.trim().is_empty() => {
                field.clear();
                field_chars = 0;
                in_quotes = true;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                fields.push(std::mem::take(&mut field));
                field_chars = 0;
                let blank = fields.iter().all(|f| f.trim().is_empty());
                if !blank {
                    out.push((std::mem::take(&mut fields), too_long));
                } else {
                    fields.clear();
                }
                too_long = false;
            }
            _ if c == sep => {
                fields.push(std::mem::take(&mut field));
                field_chars = 0;
            }
            _ => push_char(&mut field, &mut field_chars, c, &mut too_long),
        }
    }
    fields.push(field);
    if !fields.iter().all(|f| f.trim().is_empty()) {
        out.push((fields, too_long));
    }
    out
}

/// Reads a CSV table: its header row (names trimmed and upper-cased) and data rows.
pub fn read(text: &str) -> Result<RawTable, String> {
    let sep = separator(text);
    let mut recs = records(text, sep).into_iter();
    let Some((header, _)) = recs.next() else {
        return Err("the file is empty (no header row)".into());
    };
    if header.len() > MAX_COLUMNS {
        return Err(format!(
            "the header row has {} columns, over the limit of {MAX_COLUMNS}",
            header.len()
        ));
    }
    let columns: Vec<String> = header
        .iter()
        .map(|h| h.trim().trim_start_matches('\u{feff}').to_uppercase())
        .collect();
    let rows = recs
        .map(|(fields, too_long)| {
            let malformed = too_long || fields.len() > columns.len();
            RawRow {
                fields: fields.into_iter().map(|f| f.trim().to_string()).collect(),
                malformed,
            }
        })
        .collect();
    Ok(RawTable { columns, rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_line_ends_and_separators() {
        let t = read("child,\"DE\"\"COM\"\r\n1,\"a,\nb\"\r\n\r\n2,x\r3;y").unwrap();
        assert_eq!(t.columns, vec!["CHILD", "DE\"COM"]);
        assert_eq!(t.rows.len(), 3);
        assert_eq!(t.rows[0].fields, vec!["1", "a,\nb"]);
        assert_eq!(t.rows[2].fields, vec!["3;y"]);
        let t = read("A;B\n1;2").unwrap();
        assert_eq!(t.rows[0].fields, vec!["1", "2"]);
        let t = read("A\tB\n1\t2\t3").unwrap();
        assert!(t.rows[0].malformed);
        assert!(read("").is_err());
        let long = format!("A\n{}", "x".repeat(MAX_FIELD_CHARS + 1));
        assert!(read(&long).unwrap().rows[0].malformed);
    }
}
