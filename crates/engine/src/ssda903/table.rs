//! The three tables the import uses (episodes, header, UASC): which one a file holds, found
//! from its column names (XML names such as `CHILDID` and `PL` accepted as aliases), the
//! columns each needs, and the typed rows read from either CSV or XML, each checked field by
//! field with every drop counted in the file's report (with a few examples: the row's line
//! and the offending value, and any unknown code on a dropped row).

use super::codes::{is_known_rne, ExitCategory, PlacementMap};
use super::date::Date;
use super::quality::{code_detail, column_list, position, value_example};
use super::quality::{Action, FileReport, Reason, TableKind};

/// A table as read from CSV or XML, before any checking: column names upper-cased.
#[derive(Clone, Debug, Default)]
pub struct RawTable {
    pub columns: Vec<String>,
    pub rows: Vec<RawRow>,
}

/// One data row: its fields in column order (possibly fewer than the columns), and whether
/// it broke the file's shape.
#[derive(Clone, Debug, Default)]
pub struct RawRow {
    pub fields: Vec<String>,
    pub malformed: bool,
}

/// A table's data rows, however they are stored (CSV text or XML elements).
pub trait TableRows {
    fn columns(&self) -> &[String];
    fn len(&self) -> usize;
    /// The field in column `col` of row `row`, if the row has it.
    fn field(&self, row: usize, col: usize) -> Option<&str>;
    /// The row broke the file's shape (too many fields, or a field over the size limit).
    fn malformed(&self, row: usize) -> bool;
    /// Where the row is in its file: its line in a CSV file (the header row is line 1);
    /// by default its number among the rows (an XML return's episodes).
    fn line(&self, row: usize) -> u32 {
        row as u32 + 1
    }
}

impl TableRows for RawTable {
    fn columns(&self) -> &[String] {
        &self.columns
    }
    fn len(&self) -> usize {
        self.rows.len()
    }
    fn field(&self, row: usize, col: usize) -> Option<&str> {
        self.rows.get(row)?.fields.get(col).map(String::as_str)
    }
    fn malformed(&self, row: usize) -> bool {
        self.rows.get(row).is_some_and(|r| r.malformed)
    }
}

/// An episode row, checked: DECOM is a real date, codes upper-cased and trimmed.
#[derive(Clone, Debug, PartialEq)]
pub struct EpisodeRow {
    pub child: String,
    pub decom: Date,
    pub rne: String,
    pub ls: String,
    pub place: String,
    pub provider: String,
    pub dec: Option<Date>,
    pub rec: String,
    pub reason_change: String,
    pub home_post: String,
    pub pl_post: String,
    pub urn: String,
    /// Index of the file (in the order given) the row came from.
    pub file: usize,
    /// Where the row is in its file ([`TableRows::line`]), for the report's examples.
    pub line: u32,
    /// The return the row belongs to (collection year), set once the file's year is known.
    pub year: i32,
    /// A `YEAR` column's value, in files that concatenate several returns.
    pub year_column: Option<i32>,
    /// An `LA` column's value, in files that hold several councils' returns ("" else).
    pub la: String,
}

/// A header (or UASC) row, checked: SEX is the raw code; DOB `None` when unreadable.
#[derive(Clone, Debug, PartialEq)]
pub struct HeaderRow {
    pub child: String,
    pub sex: String,
    pub dob: Option<Date>,
    /// From a UASC table, or an XML header with UASC set.
    pub uasc: bool,
    pub file: usize,
}

/// The name a column goes by in this import: XML names and common variants mapped to the
/// CSV names.
pub fn canonical(name: &str) -> &str {
    match name {
        "CHILDID" | "CHILD_ID" => "CHILD",
        "PL" => "PLACE",
        "PLACEPROVIDER" => "PLACE_PROVIDER",
        other => other,
    }
}

/// Columns a table cannot be used without.
pub fn required(kind: TableKind) -> &'static [&'static str] {
    match kind {
        TableKind::Episodes | TableKind::XmlReturn => {
            &["CHILD", "DECOM", "RNE", "PLACE", "DEC", "REC"]
        }
        TableKind::Header => &["CHILD", "SEX", "DOB"],
        TableKind::Uasc => &["CHILD", "DUC"],
    }
}

/// Which table a header row belongs to: episodes have DECOM, UASC has DUC, the header has
/// SEX and DOB. `None` for the return's other tables (reviews, adoption, OC2, ...).
pub fn detect(columns: &[String]) -> Option<TableKind> {
    let has = |c: &str| columns.iter().any(|x| canonical(x) == c);
    if has("DECOM") {
        Some(TableKind::Episodes)
    } else if has("DUC") {
        Some(TableKind::Uasc)
    } else if has("SEX") && has("DOB") {
        Some(TableKind::Header)
    } else {
        None
    }
}

/// The columns the import reads.
#[derive(Clone, Copy)]
enum Col {
    Child,
    Decom,
    Rne,
    Ls,
    Place,
    Provider,
    Dec,
    Rec,
    ReasonChange,
    HomePost,
    PlPost,
    Urn,
    Year,
    La,
    Sex,
    Dob,
    Uasc,
}

/// Their names, in the order of [`Col`].
const NAMES: [&str; 17] = [
    "CHILD",
    "DECOM",
    "RNE",
    "LS",
    "PLACE",
    "PLACE_PROVIDER",
    "DEC",
    "REC",
    "REASON_PLACE_CHANGE",
    "HOME_POST",
    "PL_POST",
    "URN",
    "YEAR",
    "LA",
    "SEX",
    "DOB",
    "UASC",
];

/// Where each column the import reads is in a table (the first of two same-named ones).
struct Columns([Option<usize>; NAMES.len()]);

impl Columns {
    fn new(columns: &[String], kind: TableKind) -> Result<Columns, String> {
        let canon: Vec<&str> = columns.iter().map(|c| canonical(c)).collect();
        let missing: Vec<&str> = required(kind)
            .iter()
            .copied()
            .filter(|r| !canon.contains(r))
            .collect();
        if !missing.is_empty() {
            return Err(format!(
                "the {} table has no {} column{} (its columns: {})",
                match kind {
                    TableKind::Episodes | TableKind::XmlReturn => "episodes",
                    TableKind::Header => "header",
                    TableKind::Uasc => "UASC",
                },
                missing.join(", "),
                if missing.len() > 1 { "s" } else { "" },
                column_list(columns)
            ));
        }
        Ok(Columns(
            NAMES.map(|name| canon.iter().position(|c| *c == name)),
        ))
    }

    fn has(&self, col: Col) -> bool {
        self.0[col as usize].is_some()
    }

    /// The field `col` of row `row`, trimmed ("" when absent).
    fn get<'a, T: TableRows>(&self, t: &'a T, row: usize, col: Col) -> &'a str {
        self.0[col as usize]
            .and_then(|i| t.field(row, i))
            .map(|s| s.trim())
            .unwrap_or("")
    }

    fn code<T: TableRows>(&self, t: &T, row: usize, col: Col) -> String {
        self.get(t, row, col).to_ascii_uppercase()
    }
}

/// Optional episode columns whose absence changes what the import can say.
const OPTIONAL_EPISODE: [(Col, &str); 3] = [
    (Col::Provider, "placement provider unknown: foster and residential placements are mapped by the rules that accept any provider"),
    (Col::HomePost, "no home postcode: no sibling groups inferred from this file"),
    (Col::ReasonChange, "no reason for placement changes"),
];

/// Checks an episodes table's rows, recording every drop in `report`.
pub fn episodes<T: TableRows>(
    table: &T,
    kind: TableKind,
    file: usize,
    report: &mut FileReport,
) -> Result<Vec<EpisodeRow>, String> {
    let cols = Columns::new(table.columns(), kind)?;
    for (c, what) in OPTIONAL_EPISODE {
        if !cols.has(c) {
            let name = NAMES[c as usize];
            report.assumptions.push(format!("no {name} column: {what}"));
        }
    }
    let mut out = Vec::with_capacity(table.len());
    let mut map: Option<PlacementMap> = None;
    for row in 0..table.len() {
        report.rows_read += 1;
        let child = cols.get(table, row, Col::Child).to_string();
        let at = position(report.table, table.line(row));
        // A dropped row's unknown codes are named in its example (they are not counted:
        // the row is not used).
        let mut dropped = |report: &mut FileReport, reason, detail: &str, what: String| {
            let codes = unknown_codes(&cols, table, row, &mut map);
            let example = match (what.is_empty(), codes.is_empty()) {
                (true, true) => at.clone(),
                (false, true) => format!("{at}: {what}"),
                (true, false) => format!("{at}: {codes}"),
                (false, false) => format!("{at}: {what}; {codes}"),
            };
            report.record_example(reason, Action::Dropped, detail, &child, example);
        };
        if table.malformed(row) {
            dropped(report, Reason::MalformedRow, "", String::new());
            continue;
        }
        if child.is_empty() {
            // No CHILD id to keep; the example names the row.
            report.record_example(Reason::MissingChild, Action::Dropped, "", "", at);
            continue;
        }
        let decom_text = cols.get(table, row, Col::Decom);
        let Some(decom) = Date::parse(decom_text) else {
            let what = value_example(decom_text, &child);
            dropped(report, Reason::BadDate, "DECOM", what);
            continue;
        };
        let dec_text = cols.get(table, row, Col::Dec);
        let dec = if dec_text.is_empty() {
            None
        } else {
            let d = Date::parse(dec_text);
            if d.is_none() {
                report.record_example(
                    Reason::UnreadableDec,
                    Action::Repaired,
                    "DEC",
                    &child,
                    format!("{at}: {}", value_example(dec_text, &child)),
                );
            }
            d
        };
        if dec.is_some_and(|d| d < decom) {
            let what = format!(
                "DEC {} before DECOM {}",
                value_example(dec_text, &child),
                value_example(decom_text, &child)
            );
            dropped(report, Reason::EndsBeforeStart, "DEC", what);
            continue;
        }
        let mut rec = cols.code(table, row, Col::Rec);
        if dec.is_none() && !rec.is_empty() {
            report.record(Reason::RecWithoutDec, Action::Noted, "", &child);
            rec.clear();
        }
        out.push(EpisodeRow {
            child,
            decom,
            rne: cols.code(table, row, Col::Rne),
            ls: cols.code(table, row, Col::Ls),
            place: cols.code(table, row, Col::Place),
            provider: cols.code(table, row, Col::Provider),
            dec,
            rec,
            reason_change: cols.code(table, row, Col::ReasonChange),
            home_post: cols
                .code(table, row, Col::HomePost)
                .split_whitespace()
                .collect(),
            pl_post: cols.code(table, row, Col::PlPost),
            urn: cols.code(table, row, Col::Urn),
            file,
            line: table.line(row),
            year: i32::MIN,
            year_column: cols
                .get(table, row, Col::Year)
                .parse::<i32>()
                .ok()
                .filter(|y| (1900..=2200).contains(y)),
            la: cols.get(table, row, Col::La).to_string(),
        });
    }
    Ok(out)
}

/// The row's PLACE, RNE and REC codes that are not known (against the default placement
/// table), in words ("PLACE ‘ZZ’ is not a known code"); "" when all are known or empty.
fn unknown_codes<T: TableRows>(
    cols: &Columns,
    table: &T,
    row: usize,
    map: &mut Option<PlacementMap>,
) -> String {
    let map = map.get_or_insert_with(PlacementMap::default);
    let mut bad = Vec::new();
    for col in [Col::Place, Col::Rne, Col::Rec] {
        let value = cols.code(table, row, col);
        let known = match col {
            Col::Place => map.names_place(&value),
            Col::Rne => is_known_rne(&value),
            _ => value == "X1" || ExitCategory::of_rec(&value).is_some(),
        };
        if !value.is_empty() && !known {
            bad.push(format!(
                "{} \u{2018}{}\u{2019} is not a known code",
                NAMES[col as usize],
                code_detail(&value)
            ));
        }
    }
    bad.join("; ")
}

/// Checks a header or UASC table's rows. DOB problems are not counted here but where the
/// DOB is used (only children with episodes matter).
pub fn headers<T: TableRows>(
    table: &T,
    kind: TableKind,
    file: usize,
    report: &mut FileReport,
) -> Result<Vec<HeaderRow>, String> {
    let cols = Columns::new(table.columns(), kind)?;
    let mut out = Vec::with_capacity(table.len());
    for row in 0..table.len() {
        report.rows_read += 1;
        let child = cols.get(table, row, Col::Child).to_string();
        if table.malformed(row) {
            report.record(Reason::MalformedRow, Action::Dropped, "", &child);
            continue;
        }
        if child.is_empty() {
            report.record(Reason::MissingChild, Action::Dropped, "", "");
            continue;
        }
        let uasc = match kind {
            TableKind::Uasc => true,
            _ => {
                let u = cols.get(table, row, Col::Uasc);
                !(u.is_empty() || u == "0")
            }
        };
        out.push(HeaderRow {
            child,
            sex: cols.code(table, row, Col::Sex),
            dob: Date::parse(cols.get(table, row, Col::Dob)),
            uasc,
            file,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cols(names: &str) -> Vec<String> {
        names.split(',').map(str::to_string).collect()
    }

    #[test]
    fn detects_tables_and_names_missing_columns() {
        assert_eq!(detect(&cols("CHILD,DECOM,RNE")), Some(TableKind::Episodes));
        assert_eq!(detect(&cols("CHILD,SEX,DOB,DUC")), Some(TableKind::Uasc));
        assert_eq!(
            detect(&cols("UPN,CHILDID,DOB,SEX")),
            Some(TableKind::Header)
        );
        assert_eq!(detect(&cols("CHILD,DOB,REVIEW")), None);
        let table = RawTable {
            columns: cols("CHILD,DECOM,RNE,PL,REC"),
            rows: vec![],
        };
        let mut report = FileReport::new("x.csv");
        let err = episodes(&table, TableKind::Episodes, 0, &mut report).unwrap_err();
        assert!(err.contains("no DEC column"), "{err}");
    }
}
