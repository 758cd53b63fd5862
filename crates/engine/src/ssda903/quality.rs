//! The data-quality report of an SSDA903 import: per file (one return's table), the rows
//! read and kept, every row dropped or repaired and why (counted by reason), what was
//! assumed, and a fatal error when the file could not be used at all. CHILD ids of the rows
//! concerned are kept only in a field that serde skips, so they can be shown on screen but
//! never end up in anything saved. Each reason also keeps a few examples: where the row is
//! in its file (line or episode number) and the offending value itself, shown only when it
//! cannot be a child's identifier, date of birth or postcode ([`value_example`]).

use serde::{Deserialize, Serialize};
use std::fmt;

/// How many CHILD ids one reason keeps for display (the count is always complete).
pub const MAX_IDS_SHOWN: usize = 50;

/// How many examples (row and value) one reason keeps.
pub const MAX_EXAMPLES: usize = 3;

/// Where a row is in its file, for an example: "line 14" in a CSV file (the header row is
/// line 1), "episode 5" in an XML return.
pub fn position(table: Option<TableKind>, line: u32) -> String {
    match table {
        Some(TableKind::XmlReturn) => format!("episode {line}"),
        _ => format!("line {line}"),
    }
}

/// A date field's value as an example ("‘31/02/2020’"): shown only when it is made of
/// digits and date separators (with at least one separator, so a CHILD id, which is
/// digits alone, or a postcode, which mixes letters and digits, is never shown) and is not
/// the row's CHILD id; otherwise described ("empty", "text, not a date").
pub fn value_example(value: &str, child: &str) -> String {
    let v = value.trim();
    let date_like = v.len() <= 20
        && v.bytes().any(|b| b.is_ascii_digit())
        && v.bytes().any(|b| matches!(b, b'/' | b'-' | b'.'))
        && v.bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'/' | b'-' | b'.' | b':' | b' '));
    if v.is_empty() {
        "empty".into()
    } else if date_like && v != child.trim() {
        format!("\u{2018}{v}\u{2019}")
    } else if v.bytes().all(|b| b.is_ascii_alphabetic() || b == b' ') {
        "text, not a date".into()
    } else {
        "not a date".into()
    }
}

/// A value from the data shown as a reason's detail: only if it looks like a code (1-4
/// capital letters or digits), so that a shifted column can never put a postcode, date or
/// name into the saved report.
pub fn code_detail(value: &str) -> String {
    if value.is_empty() {
        "(empty)".into()
    } else if value.len() <= 4
        && value
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
    {
        value.to_string()
    } else {
        "(not a code)".into()
    }
}

/// Column names for a message: those that look like names (capitals and underscores);
/// anything else (a data row taken for the header) is counted, not shown.
pub fn column_list(columns: &[String]) -> String {
    let names: Vec<&str> = columns
        .iter()
        .map(String::as_str)
        .filter(|c| {
            !c.is_empty() && c.len() <= 30 && c.bytes().all(|b| b.is_ascii_uppercase() || b == b'_')
        })
        .collect();
    let others = columns.len() - names.len();
    let mut text = names.join(", ");
    if others > 0 {
        if !text.is_empty() {
            text.push_str(", ");
        }
        text.push_str(&format!(
            "and {others} value{} that are not column names (is the header row missing?)",
            if others == 1 { "" } else { "s" }
        ));
    }
    text
}

/// What happened to the rows counted under one reason.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// The row was left out of the histories.
    Dropped,
    /// The row was kept with a value changed or filled in (the reason says how).
    Repaired,
    /// The row was kept as it is; something about it is worth knowing.
    Noted,
    /// The row repeats one of a later return, which is used in its place (normal: each
    /// return repeats the episodes still open at its start).
    Merged,
}

/// Why a row was dropped, repaired or noted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// The row has no CHILD id.
    MissingChild,
    /// A date is missing where one is required, or is not a date (the detail names the column).
    BadDate,
    /// The row has more fields than the header row, or a field over the size limit.
    MalformedRow,
    /// DEC is before DECOM.
    EndsBeforeStart,
    /// The same episode (CHILD and DECOM) is in more than one return: the latest return's
    /// version is kept (an episode open in one return is closed in the next).
    RepeatedInLaterReturn,
    /// Two rows of one return share CHILD and DECOM: the last one is kept.
    DuplicateInReturn,
    /// Stitching rule 3: an open episode repeated with a different start date in a later
    /// return is a duplicate and is dropped.
    OpenDuplicate,
    /// Stitching rule 3A: an open episode was replaced by an earlier-starting one sent in a
    /// later return, and is dropped.
    ReplacedInLaterReturn,
    /// Stitching rule 1: an open episode not in the latest return is followed by another
    /// episode of the same period: closed (X1) on the day the next one starts.
    OpenClosedByNext,
    /// Stitching rule 1A: an open episode not in the latest return is followed by a new
    /// period of care (RNE S): closed the day before it (or at its return's year end), exit
    /// reason unknown.
    OpenClosedBeforeReentry,
    /// Stitching rule 2: an open episode in an older return with nothing after it: the child
    /// left care, closed at the end of that return's year, exit reason unknown.
    OpenClosedAtYearEnd,
    /// Stitching rule 4: the episode runs past the start of the next one: its end is moved to
    /// that start (the detail says whether the next came from a later return).
    Overlap,
    /// Stitching rule 5: the episode ends X1 (continues) but the next starts later: its end
    /// is moved to the next start.
    GapAfterX1,
    /// X1 is followed by a new period of care (RNE S) or by nothing: the period is taken to
    /// end there, exit reason unknown.
    X1EndsPeriod,
    /// A closed episode has no REC: read as X1 when the next episode starts the same day,
    /// otherwise as the end of the period with the exit reason unknown.
    MissingRec,
    /// REC is not a known code: the period ends, exit category "other".
    UnknownRec,
    /// REC was filled in on an open episode (no DEC): ignored.
    RecWithoutDec,
    /// A date is after the end of the return's collection year.
    AfterReturnYear,
    /// DEC could not be read: the episode is treated as open.
    UnreadableDec,
    /// A period of care starts with an RNE other than S: a new period is assumed.
    PeriodStartNotS,
    /// A child left care and started a new period the same day: two periods are kept.
    SameDayReentry,
    /// PLACE is missing or not a known code: placement type "other".
    UnknownPlace,
    /// RNE is not a known code.
    UnknownRne,
    /// A code used outside the years it belongs to (the detail names it): read as its
    /// meaning in the other years.
    CodeOutOfYear,
    /// SEX is missing or not a known code.
    UnknownSex,
    /// The child has episodes but no header row: sex and age unknown.
    NoHeader,
    /// The header's DOB is missing, unreadable or after the child started care: age unknown.
    BadDob,
    /// Header rows of different returns disagree (the detail names the column): the latest
    /// return's value is used.
    HeaderConflict,
    /// A header or UASC row for a child with no episodes: not used.
    NoEpisodes,
}

impl Reason {
    /// Plain-English explanation for the report on screen.
    pub fn label(self) -> &'static str {
        match self {
            Reason::MissingChild => "no CHILD id",
            Reason::BadDate => "a required date is missing or not a date",
            Reason::MalformedRow => "row does not fit the header row or is too long",
            Reason::EndsBeforeStart => "DEC is before DECOM",
            Reason::RepeatedInLaterReturn => {
                "same episode in a later return: the later version used"
            }
            Reason::DuplicateInReturn => {
                "two rows with the same CHILD and DECOM in one return: last kept"
            }
            Reason::OpenDuplicate => "open episode repeated with another start date later (rule 3)",
            Reason::ReplacedInLaterReturn => "open episode replaced in a later return (rule 3A)",
            Reason::OpenClosedByNext => "open episode closed when the next one starts (rule 1)",
            Reason::OpenClosedBeforeReentry => {
                "open episode closed before re-entry, exit unknown (rule 1A)"
            }
            Reason::OpenClosedAtYearEnd => {
                "open episode missing from later returns: closed at year end, exit unknown (rule 2)"
            }
            Reason::Overlap => "episode overlaps the next one: end moved to its start (rule 4)",
            Reason::GapAfterX1 => "X1 followed by a gap: end moved to the next start (rule 5)",
            Reason::X1EndsPeriod => {
                "X1 with no episode following the same day: period ends, exit unknown"
            }
            Reason::MissingRec => "closed episode without REC",
            Reason::UnknownRec => "REC not a known code: exit category other",
            Reason::RecWithoutDec => "REC on an open episode ignored",
            Reason::AfterReturnYear => "date after the end of the return's year",
            Reason::UnreadableDec => "DEC unreadable: episode treated as open",
            Reason::PeriodStartNotS => "period of care starts without RNE S",
            Reason::SameDayReentry => "left care and re-entered the same day: two periods kept",
            Reason::UnknownPlace => "PLACE missing or unknown: placement type other",
            Reason::UnknownRne => "RNE not a known code",
            Reason::CodeOutOfYear => "code used outside its years: read with its meaning",
            Reason::UnknownSex => "SEX missing or unknown",
            Reason::NoHeader => "no header row: sex and age unknown",
            Reason::BadDob => "DOB missing, unreadable or after entry: age unknown",
            Reason::HeaderConflict => "returns disagree: latest return's value used",
            Reason::NoEpisodes => "child has no episodes: row not used",
        }
    }
}

/// One reason's count in one file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Issue {
    pub reason: Reason,
    pub action: Action,
    /// The column or code concerned, when there is one (never a child's data).
    pub detail: String,
    pub count: usize,
    /// Up to [`MAX_EXAMPLES`] of the rows concerned: where each is in the file and the
    /// offending value ("line 14: ‘31/02/2020’"), never a CHILD id, date of birth or
    /// postcode.
    #[serde(default)]
    pub examples: Vec<String>,
    /// CHILD ids of the first [`MAX_IDS_SHOWN`] rows concerned: for the screen only,
    /// never serialised.
    #[serde(skip)]
    pub child_ids_on_screen_only: Vec<String>,
}

/// The kind of table a file holds, found from its header row (or its XML structure).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TableKind {
    Episodes,
    Header,
    Uasc,
    /// An XML return: header, UASC and episodes together.
    XmlReturn,
}

/// What happened to one input file.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FileReport {
    /// The file's name as given (its path is not kept).
    pub name: String,
    pub table: Option<TableKind>,
    /// Year in which the return's April-March collection year starts (2017 for 2017/18), as
    /// read from its dates.
    pub return_year: Option<i32>,
    /// Data rows read (an XML return counts header and episode rows).
    pub rows_read: usize,
    /// Rows that reached the histories (or, for header and UASC rows, that were used).
    pub rows_used: usize,
    pub issues: Vec<Issue>,
    /// What was assumed about the file, in words.
    pub assumptions: Vec<String>,
    /// Why the file could not be used at all, naming the column or limit.
    pub error: Option<String>,
}

impl FileReport {
    pub fn new(name: &str) -> FileReport {
        FileReport {
            name: name.to_string(),
            ..FileReport::default()
        }
    }

    /// Counts one row under `reason`; `child` is kept for the screen (up to the limit).
    pub fn record(&mut self, reason: Reason, action: Action, detail: &str, child: &str) {
        self.record_example(reason, action, detail, child, String::new());
    }

    /// [`record`](Self::record) with an example of the row: where it is and its offending
    /// value (kept up to [`MAX_EXAMPLES`]; empty: none).
    pub fn record_example(
        &mut self,
        reason: Reason,
        action: Action,
        detail: &str,
        child: &str,
        example: String,
    ) {
        let issue = match self
            .issues
            .iter_mut()
            .position(|i| i.reason == reason && i.action == action && i.detail == detail)
        {
            Some(i) => &mut self.issues[i],
            None => {
                self.issues.push(Issue {
                    reason,
                    action,
                    detail: detail.to_string(),
                    count: 0,
                    examples: Vec::new(),
                    child_ids_on_screen_only: Vec::new(),
                });
                self.issues.last_mut().expect("just pushed")
            }
        };
        issue.count += 1;
        if !example.is_empty() && issue.examples.len() < MAX_EXAMPLES {
            issue.examples.push(example);
        }
        if !child.is_empty() && issue.child_ids_on_screen_only.len() < MAX_IDS_SHOWN {
            issue.child_ids_on_screen_only.push(child.to_string());
        }
    }

    /// Rows counted under `reason` (all details and actions).
    pub fn count(&self, reason: Reason) -> usize {
        self.issues
            .iter()
            .filter(|i| i.reason == reason)
            .map(|i| i.count)
            .sum()
    }

    /// Rows dropped, for any reason.
    pub fn dropped(&self) -> usize {
        self.issues
            .iter()
            .filter(|i| i.action == Action::Dropped)
            .map(|i| i.count)
            .sum()
    }
}

/// The whole import's report: one entry per file, in the order given, plus totals.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct QualityReport {
    pub files: Vec<FileReport>,
    /// Assumptions that concern the whole import (e.g. the sibling heuristic).
    pub assumptions: Vec<String>,
    /// What the analyst should check before using the import, in words (e.g. two returns
    /// for the same year that share few children: two councils', or a return sent twice?).
    #[serde(default)]
    pub warnings: Vec<String>,
    pub children: usize,
    pub periods: usize,
    pub placements: usize,
}

impl QualityReport {
    /// Rows counted under `reason` in all files.
    pub fn count(&self, reason: Reason) -> usize {
        self.files.iter().map(|f| f.count(reason)).sum()
    }

    /// Files that could not be used, with the reason.
    pub fn errors(&self) -> impl Iterator<Item = (&str, &str)> {
        self.files
            .iter()
            .filter_map(|f| f.error.as_deref().map(|e| (f.name.as_str(), e)))
    }

    pub fn file(&self, name: &str) -> Option<&FileReport> {
        self.files.iter().find(|f| f.name == name)
    }
}

impl fmt::Display for QualityReport {
    /// The report as plain text (for the command line); CHILD ids are not printed.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "SSDA903 import: {} children, {} periods of care, {} placements",
            self.children, self.periods, self.placements
        )?;
        for file in &self.files {
            let year = file
                .return_year
                .map(|y| format!("{y}/{:02}", (y + 1).rem_euclid(100)))
                .unwrap_or_else(|| "-".into());
            writeln!(
                f,
                "- {} ({:?}, return {year}): {} rows read, {} used",
                file.name, file.table, file.rows_read, file.rows_used
            )?;
            if let Some(e) = &file.error {
                writeln!(f, "    NOT USED: {e}")?;
            }
            for a in &file.assumptions {
                writeln!(f, "    assumed: {a}")?;
            }
            for i in &file.issues {
                let detail = if i.detail.is_empty() {
                    String::new()
                } else {
                    format!(" [{}]", i.detail)
                };
                let examples = if i.examples.is_empty() {
                    String::new()
                } else {
                    format!(" (e.g. {})", i.examples.join("; "))
                };
                writeln!(
                    f,
                    "    {:?} {}: {}{detail}{examples}",
                    i.action,
                    i.count,
                    i.reason.label()
                )?;
            }
        }
        for a in &self.assumptions {
            writeln!(f, "assumed: {a}")?;
        }
        for w in &self.warnings {
            writeln!(f, "CHECK: {w}")?;
        }
        Ok(())
    }
}
