//! Import of a council's SSDA903 children-looked-after returns (the annual return to the
//! DfE): episodes, header and UASC tables as CSV, or whole returns as XML, from any number
//! of years, stitched into one history per child with a data-quality report. Works on bytes
//! and file names only (no file system; [`read_dir`] is a helper for the command line and
//! tests), never panics on any input, and keeps no identifier in what it returns.
//!
//! - [`import`] reads the files and returns the histories ([`ChildHistory`]) and the
//!   report ([`QualityReport`]);
//! - [`PlacementMap`] is the editable PLACE x PLACE_PROVIDER table;
//! - [`fit`] fits a scenario to the histories as at a date, with the provenance of
//!   every value;
//! - [`synthetic`] and [`mod@write`] make a borough with known parameters and write its
//!   returns in the real format (for parameter-recovery tests and benchmarks);
//!   [`simulated`] writes the returns of a borough simulated by the engine's own model;
//! - [`hindcast`] sets a projection made as at a date against what the returns show
//!   after it;
//! - [`summary`] computes the observed history (children in care by placement type and age
//!   band on a date; admissions and exits per month).

mod build;
pub mod codes;
mod csv;
pub mod date;
pub mod fit;
pub mod hindcast;
pub mod history;
pub mod quality;
pub mod simulated;
mod stitch;
pub mod summary;
pub mod synthetic;
mod table;
mod text;
pub mod write;
mod xml;

pub use codes::{ExitCategory, PlacementKind, PlacementMap, PlacementRule, Sex};
pub use date::Date;
pub use history::{ChildHistory, PeriodOfCare, Placement};
pub use quality::{Action, FileReport, Issue, QualityReport, Reason, TableKind};
pub use text::MAX_FILE_BYTES;

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use table::{EpisodeRow, HeaderRow};

/// Most files one import reads.
pub const MAX_FILES: usize = 500;

/// One file to import: its name (shown in the report; not used to guess anything) and bytes.
#[derive(Clone, Copy, Debug)]
pub struct InputFile<'a> {
    pub name: &'a str,
    pub bytes: &'a [u8],
}

impl<'a> InputFile<'a> {
    /// Input files from (name, text) pairs, such as [`write::returns`] gives.
    pub fn from_texts(files: &'a [(String, String)]) -> Vec<InputFile<'a>> {
        files
            .iter()
            .map(|(name, text)| InputFile {
                name,
                bytes: text.as_bytes(),
            })
            .collect()
    }
}

/// Choices the user can change.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ImportOptions {
    pub placement_map: PlacementMap,
}

/// The result of an import.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Import {
    /// One history per child, ordered by the start of their first period.
    pub children: Vec<ChildHistory>,
    pub report: QualityReport,
    /// Collection years of the returns read (2017 for 2017/18), ascending.
    pub returns: Vec<i32>,
    /// 1 April of the earliest return's year: periods that started before this are seen
    /// only if still in care at it (left-truncated).
    pub observed_from: Option<Date>,
    /// 31 March closing the latest return's year: periods still open are censored here.
    pub observed_to: Option<Date>,
}

/// The rows read from one file.
enum Rows {
    Episodes(Vec<EpisodeRow>),
    Headers(Vec<HeaderRow>),
    Both(Vec<HeaderRow>, Vec<EpisodeRow>),
}

/// Reads one file's rows, or says why it cannot be used.
fn read_file(index: usize, file: &InputFile<'_>, report: &mut FileReport) -> Result<Rows, String> {
    let (text, encoding) = text::decode(file.bytes)?;
    match encoding {
        text::Encoding::Utf8 => {}
        text::Encoding::Utf16 => report
            .assumptions
            .push("read as UTF-16 (byte-order mark)".into()),
        text::Encoding::Latin1 => report
            .assumptions
            .push("not valid UTF-8: read as Latin-1".into()),
    }
    if text.trim_start().starts_with('<') {
        report.table = Some(TableKind::XmlReturn);
        let (h, e) = xml::read(&text).map_err(|e| format!("XML: {e}"))?;
        let headers = table::headers(&h, TableKind::Header, index, report)?;
        let episodes = table::episodes(&e, TableKind::XmlReturn, index, report)?;
        return Ok(Rows::Both(headers, episodes));
    }
    let raw = csv::read(&text)?;
    let kind = table::detect(&raw.columns).ok_or_else(|| {
        format!(
            "not an episodes, header or UASC table: its header row has no DECOM, DUC, or SEX and DOB column (columns: {})",
            quality::column_list(&raw.columns)
        )
    })?;
    report.table = Some(kind);
    match kind {
        TableKind::Episodes => Ok(Rows::Episodes(table::episodes(&raw, kind, index, report)?)),
        _ => Ok(Rows::Headers(table::headers(&raw, kind, index, report)?)),
    }
}

/// The collection year of a return from its episodes' dates: the latest year holding at
/// least 2% of its DECOM and DEC dates (so one mistyped date cannot move it).
fn return_year(rows: &[EpisodeRow]) -> Option<(i32, Date)> {
    let mut per_year: BTreeMap<i32, (usize, Date)> = BTreeMap::new();
    let mut total = 0usize;
    for d in rows
        .iter()
        .flat_map(|r| std::iter::once(r.decom).chain(r.dec))
    {
        total += 1;
        let e = per_year.entry(d.collection_year()).or_insert((0, d));
        e.0 += 1;
        e.1 = e.1.max(d);
    }
    let threshold = (total / 50).max(1);
    per_year
        .iter()
        .rev()
        .find(|(_, (n, _))| *n >= threshold)
        .map(|(y, (_, last))| (*y, *last))
}

/// Imports SSDA903 returns. Files that cannot be used are listed in the report with the
/// reason; the others are stitched together.
pub fn import(files: &[InputFile<'_>], options: &ImportOptions) -> Import {
    let mut reports: Vec<FileReport> = Vec::new();
    let mut episodes: Vec<Vec<EpisodeRow>> = Vec::new();
    let mut headers: Vec<HeaderRow> = Vec::new();
    for (i, file) in files.iter().enumerate() {
        let mut report = FileReport::new(file.name);
        let mut eps = Vec::new();
        if i >= MAX_FILES {
            report.error = Some(format!("more than {MAX_FILES} files: not read"));
        } else {
            match read_file(i, file, &mut report) {
                Ok(Rows::Episodes(e)) => eps = e,
                Ok(Rows::Headers(h)) => headers.extend(h),
                Ok(Rows::Both(h, e)) => {
                    headers.extend(h);
                    eps = e;
                }
                Err(e) => report.error = Some(e),
            }
        }
        reports.push(report);
        episodes.push(eps);
    }
    // Return years of the files with episodes, from their dates.
    let mut years: Vec<Option<i32>> = vec![None; files.len()];
    let mut returns: Vec<i32> = Vec::new();
    for (i, eps) in episodes.iter_mut().enumerate() {
        let report = &mut reports[i];
        if report.error.is_some()
            || !matches!(
                report.table,
                Some(TableKind::Episodes | TableKind::XmlReturn)
            )
        {
            continue;
        }
        if !eps.is_empty() && eps.iter().all(|r| r.year_column.is_some()) {
            years[i] = Some(multi_year(eps, report));
        } else if let Some((year, last)) = return_year(eps) {
            years[i] = Some(year);
            report.assumptions.push(format!(
                "return year {} read from its dates (latest DECOM or DEC in that year: {last}); the file name is not used",
                season(year)
            ));
            for r in eps.iter_mut() {
                r.year = year;
            }
        } else {
            report
                .assumptions
                .push("no episode dates: return year unknown".into());
            continue;
        }
        report.return_year = years[i];
        for r in eps.iter() {
            returns.push(r.year);
            let end = Date::collection_year_end(r.year);
            for (col, d) in [("DECOM", Some(r.decom)), ("DEC", r.dec)] {
                if let (Some(d), Some(end)) = (d, end) {
                    if d > end {
                        report.record(Reason::AfterReturnYear, Action::Noted, col, &r.child);
                    }
                }
            }
        }
    }
    header_years(&episodes, &headers, &mut years, &mut reports);
    let warnings = same_year_returns(&episodes, &years, &reports);

    returns.sort_unstable();
    returns.dedup();
    let observed_from = returns.first().and_then(|y| Date::from_ymd(*y, 4, 1));
    // The latest return of each council (files holding several councils have an LA column;
    // a council's own returns have none, and are all one council).
    let mut latest: BTreeMap<String, i32> = BTreeMap::new();
    let mut index: HashMap<(String, String), usize> = HashMap::new();
    let mut groups: Vec<((String, String), Vec<EpisodeRow>)> = Vec::new();
    for row in episodes.into_iter().flatten() {
        match latest.get_mut(&row.la) {
            Some(l) => *l = (*l).max(row.year),
            None => {
                latest.insert(row.la.clone(), row.year);
            }
        }
        let key = (row.la.clone(), row.child.clone());
        match index.get(&key) {
            Some(&g) => groups[g].1.push(row),
            None => {
                index.insert(key.clone(), groups.len());
                groups.push((key, vec![row]));
            }
        }
    }
    drop(index);
    groups.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let mut assumptions = Vec::new();
    if latest.len() > 1 {
        assumptions.push(format!(
            "{} councils named in LA columns: their children and latest returns are kept apart",
            latest.len()
        ));
    }
    let stitched = groups
        .into_iter()
        .map(|((la, child), rows)| {
            let last = latest.get(&la).copied().unwrap_or(i32::MIN);
            let eps = stitch::stitch(rows, last, &mut reports);
            ((la, child), eps)
        })
        .collect();
    let (children, sibling_note) = build::histories(
        stitched,
        headers,
        &years,
        observed_from,
        &options.placement_map,
        &mut reports,
    );

    assumptions.push(sibling_note);
    let periods: Vec<&PeriodOfCare> = children.iter().flat_map(|c| &c.periods).collect();
    let mut report = QualityReport {
        files: reports,
        assumptions,
        warnings,
        children: children.len(),
        periods: periods.len(),
        placements: periods.iter().map(|p| p.placements.len()).sum(),
    };
    if children.is_empty() {
        report
            .assumptions
            .push("no usable episodes: there is no history to show".into());
    }
    Import {
        observed_from,
        observed_to: returns.last().and_then(|y| Date::collection_year_end(*y)),
        children,
        report,
        returns,
    }
}

/// "2017/18" for collection year 2017.
fn season(year: i32) -> String {
    format!("{year}/{:02}", (year + 1).rem_euclid(100))
}

/// A file that concatenates several returns, each row's return named in a `YEAR` column:
/// read as the year the return ends (2018 for 2017/18), unless reading it as the year it
/// starts fits the rows' dates better. Sets each row's year; returns the latest.
fn multi_year(eps: &mut [EpisodeRow], report: &mut FileReport) -> i32 {
    let misfits = |shift: i32| {
        eps.iter()
            .filter(|r| {
                let y = r.year_column.unwrap_or(0) - shift;
                let last = r.dec.unwrap_or(r.decom).max(r.decom);
                Date::collection_year_end(y).is_none_or(|end| last > end)
            })
            .count()
    };
    let shift = if misfits(0) < misfits(1) { 0 } else { 1 };
    for r in eps.iter_mut() {
        r.year = r.year_column.unwrap_or(0) - shift;
    }
    let (lo, hi) = eps.iter().fold((i32::MAX, i32::MIN), |(lo, hi), r| {
        (lo.min(r.year), hi.max(r.year))
    });
    report.assumptions.push(format!(
        "several returns in one file: each row's return read from its YEAR column as the year the return {} ({} to {})",
        if shift == 1 { "ends" } else { "starts" },
        season(lo),
        season(hi)
    ));
    hi
}

/// Header and UASC tables carry no episode dates: each takes the year of the episodes
/// table that shares most of its children (the latest on a tie).
fn header_years(
    episodes: &[Vec<EpisodeRow>],
    headers: &[HeaderRow],
    years: &mut [Option<i32>],
    reports: &mut [FileReport],
) {
    // Children numbered once; each table's children as a sorted list of numbers.
    fn number<'a>(ids: &mut HashMap<&'a str, u32>, c: &'a str) -> u32 {
        let n = ids.len() as u32;
        *ids.entry(c).or_insert(n)
    }
    let mut ids: HashMap<&str, u32> = HashMap::new();
    let sorted = |mut v: Vec<u32>| {
        v.sort_unstable();
        v.dedup();
        v
    };
    let sets: Vec<Vec<u32>> = episodes
        .iter()
        .map(|e| sorted(e.iter().map(|r| number(&mut ids, &r.child)).collect()))
        .collect();
    let mut by_file: HashMap<usize, Vec<u32>> = HashMap::new();
    for h in headers {
        let n = number(&mut ids, &h.child);
        by_file.entry(h.file).or_default().push(n);
    }
    let common = |a: &[u32], b: &[u32]| {
        let (mut i, mut j, mut n) = (0, 0, 0);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    n += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        n
    };
    for (i, report) in reports.iter_mut().enumerate() {
        if report.error.is_some()
            || !matches!(report.table, Some(TableKind::Header | TableKind::Uasc))
        {
            continue;
        }
        let mine = sorted(by_file.remove(&i).unwrap_or_default());
        // Most children in common (a return's header lists every child of its episodes;
        // later returns hold only those still in care), then the closer set (Jaccard),
        // then the later return.
        let mut best: Option<(usize, f64, i32, usize)> = None;
        for (f, set) in sets.iter().enumerate() {
            let Some(y) = years[f] else { continue };
            let n = common(&mine, set);
            if n == 0 {
                continue;
            }
            let jaccard = n as f64 / (mine.len() + set.len() - n) as f64;
            if best.is_none_or(|(bn, bj, by, _)| (n, jaccard, y) > (bn, bj, by)) {
                best = Some((n, jaccard, y, f));
            }
        }
        match best {
            Some((n, _, y, f)) => {
                years[i] = Some(y);
                report.return_year = Some(y);
                report.assumptions.push(format!(
                    "return year {} taken from {} (shares {n} of its {} children)",
                    season(y),
                    reports_name(f),
                    mine.len()
                ));
            }
            None => report
                .assumptions
                .push("return year unknown: no episodes table shares its children".into()),
        }
    }
}

/// Most children two returns of the same year may share, as a share of the smaller
/// return's, and still be warned about as perhaps not the same council's.
const SAME_YEAR_SHARED_MAX: f64 = 0.1;

/// Warnings for pairs of files that hold returns for the same year (one year each) but
/// share no or few children (at most [`SAME_YEAR_SHARED_MAX`] of the smaller one's): they
/// are combined as one borough, but may be two councils' returns, or two different
/// versions or parts of one.
fn same_year_returns(
    episodes: &[Vec<EpisodeRow>],
    years: &[Option<i32>],
    reports: &[FileReport],
) -> Vec<String> {
    // Files of one return year (not a multi-year file, not several councils), with their
    // children.
    let mut files: Vec<(usize, i32, std::collections::HashSet<&str>)> = Vec::new();
    for (f, eps) in episodes.iter().enumerate() {
        let Some(year) = years.get(f).copied().flatten() else {
            continue;
        };
        if eps.is_empty()
            || eps.iter().any(|r| r.year != year || !r.la.is_empty())
            || reports[f].error.is_some()
        {
            continue;
        }
        files.push((f, year, eps.iter().map(|r| r.child.as_str()).collect()));
    }
    let mut out = Vec::new();
    for (i, (a, year, ca)) in files.iter().enumerate() {
        for (b, year_b, cb) in &files[i + 1..] {
            if year != year_b {
                continue;
            }
            let shared = ca.intersection(cb).count();
            let smaller = ca.len().min(cb.len());
            if shared as f64 > SAME_YEAR_SHARED_MAX * smaller as f64 {
                continue;
            }
            let shared_words = if shared == 0 {
                "no children in common".to_string()
            } else {
                format!(
                    "only {shared} child{} in common",
                    if shared == 1 { "" } else { "ren" }
                )
            };
            out.push(format!(
                "\u{201c}{}\u{201d} ({} children) and \u{201c}{}\u{201d} ({} children) are both {} returns but have {shared_words}: \
                 they may be two different councils\u{2019} returns, or two versions or parts of one. They have been combined as one borough; \
                 if they are not the same council\u{2019}s return for that year, remove one and read the returns again",
                reports[*a].name,
                ca.len(),
                reports[*b].name,
                cb.len(),
                season(*year)
            ));
        }
    }
    out
}

/// How the report refers to file `f` in an assumption (its position; names may repeat).
fn reports_name(f: usize) -> String {
    format!("the episodes in file {}", f + 1)
}

/// Reads every regular file in `dir` (not its subfolders), sorted by name, each bounded by
/// [`MAX_FILE_BYTES`] (a larger file is cut, and then fails to parse or is reported). For
/// the command line and tests; the import itself never touches the file system.
pub fn read_dir(dir: &std::path::Path) -> std::io::Result<Vec<(String, Vec<u8>)>> {
    use std::io::Read;
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if !entry.file_type()?.is_file() {
            continue;
        }
        let name = entry.file_name().to_string_lossy().into_owned();
        let mut bytes = Vec::new();
        std::fs::File::open(entry.path())?
            .take(MAX_FILE_BYTES as u64 + 1)
            .read_to_end(&mut bytes)?;
        out.push((name, bytes));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(out)
}

/// [`import`] over the files [`read_dir`] returns.
pub fn import_dir(dir: &std::path::Path, options: &ImportOptions) -> std::io::Result<Import> {
    let files = read_dir(dir)?;
    let inputs: Vec<InputFile<'_>> = files
        .iter()
        .map(|(name, bytes)| InputFile { name, bytes })
        .collect();
    Ok(import(&inputs, options))
}
