//! A small CSV reader for the return's tables: comma, semicolon or tab separated (found
//! from the header row), double-quoted fields with `""` escapes and line breaks inside
//! quotes, CRLF, LF or CR line ends, blank lines skipped. Rows wider than the header row, or
//! with an over-long field, are marked malformed rather than trusted.

use super::table::TableRows;

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

/// A CSV table as read: the header row (names trimmed and upper-cased) and the data rows,
/// every field kept (trimmed) in one text buffer, so a row costs no allocation of its own.
#[derive(Clone, Debug, Default)]
pub struct CsvTable {
    pub columns: Vec<String>,
    /// Every data field, one after another.
    text: String,
    /// Each field's byte range in `text`.
    spans: Vec<(u32, u32)>,
    /// Each data row: its first span, how many fields, whether it broke the file's shape,
    /// and the line it starts on (the header row is line 1).
    rows: Vec<(u32, u32, bool, u32)>,
}

impl TableRows for CsvTable {
    fn columns(&self) -> &[String] {
        &self.columns
    }
    fn len(&self) -> usize {
        self.rows.len()
    }
    fn field(&self, row: usize, col: usize) -> Option<&str> {
        let (first, n, _, _) = *self.rows.get(row)?;
        if col >= n as usize {
            return None;
        }
        let (a, b) = *self.spans.get(first as usize + col)?;
        self.text.get(a as usize..b as usize)
    }
    fn malformed(&self, row: usize) -> bool {
        self.rows.get(row).is_some_and(|r| r.2)
    }
    fn line(&self, row: usize) -> u32 {
        self.rows.get(row).map_or(0, |r| r.3)
    }
}

/// Splits `text` into records of fields (their text appended to `out`, their trimmed ranges
/// to `spans`); returns each non-blank record's first span, field count, whether a
/// field was over [`MAX_FIELD_CHARS`] and the line it starts on. Works on bytes:
/// the separator, quotes and line ends are ASCII, so every cut is at a character boundary.
fn records(
    text: &str,
    sep: u8,
    out: &mut String,
    spans: &mut Vec<(u32, u32)>,
) -> Vec<(u32, u32, bool, u32)> {
    let b = text.as_bytes();
    let mut recs = Vec::new();
    // The line being read, and the line the record began on.
    let (mut line, mut rec_line) = (1u32, 1u32);
    let mut rec_first = spans.len();
    let mut rec_text = out.len();
    let mut field_start = out.len();
    let mut too_long = false;
    let mut in_quotes = false;
    let mut i = 0;
    let special = |c: u8| c == sep || c == b'"' || c == b'\r' || c == b'\n';
    let end_field =
        |out: &mut String, spans: &mut Vec<(u32, u32)>, start: usize, too_long: &mut bool| {
            let field = &out[start..];
            if field.len() > MAX_FIELD_CHARS && field.chars().count() > MAX_FIELD_CHARS {
                *too_long = true;
            }
            let lead = field.len() - field.trim_start().len();
            let trimmed = field.trim().len();
            let a = start + lead;
            spans.push((a as u32, (a + trimmed) as u32));
        };
    while i < b.len() {
        let c = b[i];
        if in_quotes {
            match text[i..].find('"') {
                None => {
                    out.push_str(&text[i..]);
                    i = b.len();
                }
                Some(p) => {
                    line += text[i..i + p].bytes().filter(|&x| x == b'\n').count() as u32;
                    out.push_str(&text[i..i + p]);
                    i += p + 1;
                    if b.get(i) == Some(&b'"') {
                        out.push('"');
                        i += 1;
                    } else {
                        in_quotes = false;
                    }
                }
            }
            continue;
        }
        if c == b'"' && out[field_start..].trim().is_empty() {
            out.truncate(field_start);
            in_quotes = true;
            i += 1;
        } else if c == b'\r' || c == b'\n' {
            i += 1;
            if c == b'\r' && b.get(i) == Some(&b'\n') {
                i += 1;
            }
            end_field(out, spans, field_start, &mut too_long);
            let blank = spans[rec_first..].iter().all(|(a, b)| a == b);
            if blank {
                spans.truncate(rec_first);
                out.truncate(rec_text);
            } else {
                recs.push((
                    rec_first as u32,
                    (spans.len() - rec_first) as u32,
                    too_long,
                    rec_line,
                ));
            }
            line += 1;
            rec_line = line;
            rec_first = spans.len();
            rec_text = out.len();
            field_start = out.len();
            too_long = false;
        } else if c == sep {
            i += 1;
            end_field(out, spans, field_start, &mut too_long);
            field_start = out.len();
        } else if c == b'"' {
            // A quote inside an unquoted field is kept as it is.
            out.push('"');
            i += 1;
        } else {
            let run = b[i..]
                .iter()
                .position(|&x| special(x))
                .map_or(b.len(), |p| i + p);
            out.push_str(&text[i..run]);
            i = run;
        }
    }
    end_field(out, spans, field_start, &mut too_long);
    if spans[rec_first..].iter().all(|(a, b)| a == b) {
        spans.truncate(rec_first);
    } else {
        recs.push((
            rec_first as u32,
            (spans.len() - rec_first) as u32,
            too_long,
            rec_line,
        ));
    }
    recs
}

/// Reads a CSV table: its header row (names trimmed and upper-cased) and data rows.
pub fn read(text: &str) -> Result<CsvTable, String> {
    let sep = separator(text) as u8;
    let mut buf = String::with_capacity(text.len());
    let mut spans = Vec::new();
    let recs = records(text, sep, &mut buf, &mut spans);
    let Some(&(h_first, h_n, _, _)) = recs.first() else {
        return Err("the file is empty (no header row)".into());
    };
    if h_n as usize > MAX_COLUMNS {
        return Err(format!(
            "the header row has {h_n} columns, over the limit of {MAX_COLUMNS}"
        ));
    }
    let columns: Vec<String> = spans[h_first as usize..(h_first + h_n) as usize]
        .iter()
        .map(|&(a, b)| {
            buf[a as usize..b as usize]
                .trim()
                .trim_start_matches('\u{feff}')
                .to_uppercase()
        })
        .collect();
    let rows = recs[1..]
        .iter()
        .map(|&(first, n, too_long, line)| (first, n, too_long || n as usize > columns.len(), line))
        .collect();
    Ok(CsvTable {
        columns,
        text: buf,
        spans,
        rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_line_ends_and_separators() {
        let t = read("child,\"DE\"\"COM\"\r\n1,\"a,\nb\"\r\n\r\n2,x\r3;y").unwrap();
        assert_eq!(t.columns, vec!["CHILD", "DE\"COM"]);
        assert_eq!(t.len(), 3);
        let row = |t: &CsvTable, r: usize| -> Vec<String> {
            (0..8)
                .map_while(|c| t.field(r, c).map(str::to_string))
                .collect()
        };
        assert_eq!(row(&t, 0), vec!["1", "a,\nb"]);
        assert_eq!(row(&t, 2), vec!["3;y"]);
        // Lines as an editor counts them: a quoted line break and a blank line count.
        assert_eq!((t.line(0), t.line(1), t.line(2)), (2, 5, 6));
        let t = read("A;B\n1;2").unwrap();
        assert_eq!(row(&t, 0), vec!["1", "2"]);
        let t = read("A\tB\n1\t2\t3").unwrap();
        assert!(t.malformed(0));
        assert!(read("").is_err());
        let long = format!("A\n{}", "x".repeat(MAX_FIELD_CHARS + 1));
        assert!(read(&long).unwrap().malformed(0));
        let t = read("A,B\n , \n\n \"x\"\"y\" , z \n").unwrap();
        assert_eq!(t.len(), 1);
        assert_eq!(row(&t, 0), vec!["x\"y", "z"]);
    }
}
