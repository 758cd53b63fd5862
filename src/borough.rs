//! Your own borough, in a worker: the messages that carry a council's SSDA903 returns from
//! the page to a worker and the answers back, and what the worker does with them (import,
//! stitch, quality report, fit as at a date, the observed history, and the hindcast run).
//! Pure Rust over `engine::ssda903` (natively tested); `crate::agent` calls [`serve`] with
//! a way to post replies and a clock.
//!
//! Privacy: the files' bytes and the imported histories stay in the worker's memory (kept
//! only to refit when the user changes a choice). The page gets counts, the fitted
//! scenario (no identifier, date of birth or postcode: only what the model needs) and, for
//! the quality report shown on screen only, the CHILD ids of rows dropped or repaired; the
//! page never saves those.

use engine::report::Report;
use engine::runner::Job;
use engine::scenario::{RunSettings, Scenario};
use engine::ssda903::date::{add_months, days_in_month, months_between, Date};
use engine::ssda903::fit::{fit, start_month, FitOptions, FitReport};
use engine::ssda903::hindcast::{compare, Hindcast};
use engine::ssda903::summary::{self, Month};
use engine::ssda903::{import, Import, ImportOptions, InputFile, PlacementMap, QualityReport};
use serde::{Deserialize, Serialize};

/// One file as read in the page: its name and bytes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// What the page asks of the worker (sent inside [`crate::protocol::ToWorker::Borough`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoroughRequest {
    /// Answers carry it; the page ignores answers to older requests.
    pub id: u32,
    /// New files to import; empty: the files of the previous request (kept in the worker).
    pub files: Vec<ReturnFile>,
    /// The PLACE x PLACE_PROVIDER table, as JSON (`PlacementMap`).
    pub placement_map_json: String,
    /// The date to fit as at (YYYY-MM-DD); `None`: the last date in the returns.
    pub as_at: Option<String>,
    pub window_years: u32,
    /// The scenario whose carers, homes, markets and costs are kept (JSON).
    pub base_json: String,
    /// Also run a hindcast as at this date (YYYY-MM-DD) with these runs and seed.
    pub hindcast: Option<HindcastRequest>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HindcastRequest {
    pub as_at: String,
    pub runs: u32,
    pub seed: u64,
    /// Months to project; `None`: as many as the returns cover after the date (at most
    /// 120).
    pub horizon_months: Option<u32>,
}

/// The worker's answer (inside [`crate::protocol::FromWorker::Borough`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BoroughReply {
    pub id: u32,
    pub kind: ReplyKind,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ReplyKind {
    /// Under way: the step in words and the share done (0 to 1).
    Progress { stage: String, fraction: f64 },
    /// The [`Outcome`] as JSON (engine types are JSON-shaped; bincode would not do).
    Done(String),
}

/// Why a request could not be answered in full, naming the choice it is about
/// (`files`, `as_at`, `window_years`, `placement_map`, `scenario`, `hindcast`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Problem {
    pub field: String,
    pub message: String,
}

/// The fitted scenario and the account of every value in it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fitted {
    pub scenario: Scenario,
    pub report: FitReport,
}

/// Everything the page shows about the returns.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    pub report: QualityReport,
    /// CHILD ids for each file's issues (`[file][issue]`): on screen only, never saved.
    pub child_ids: Vec<Vec<Vec<String>>>,
    pub returns: Vec<i32>,
    pub observed_from: Option<Date>,
    pub observed_to: Option<Date>,
    pub fit: Result<Fitted, Problem>,
    /// Admissions, exits and month-end counts for every month of the returns.
    pub history: Vec<Month>,
    pub hindcast: Option<Result<Hindcast, Problem>>,
    /// Time the worker took to import (ms), and to fit.
    pub import_ms: f64,
    pub fit_ms: f64,
}

/// What the worker keeps between requests: the files and their import.
#[derive(Default)]
pub struct Cache {
    files: Vec<ReturnFile>,
    map_json: String,
    import: Option<Import>,
}

fn problem(field: &str, message: impl Into<String>) -> Problem {
    Problem {
        field: field.into(),
        message: message.into(),
    }
}

fn date(field: &str, v: &str) -> Result<Date, Problem> {
    Date::parse(v).ok_or_else(|| problem(field, format!("'{v}' is not a date (YYYY-MM-DD)")))
}

/// Answers `req`: posts progress and then one `Done` through `post`; `now` reads a clock
/// in ms.
pub fn serve(
    cache: &mut Cache,
    req: BoroughRequest,
    post: &dyn Fn(BoroughReply),
    now: &dyn Fn() -> f64,
) {
    let id = req.id;
    let progress = |stage: &str, fraction: f64| {
        post(BoroughReply {
            id,
            kind: ReplyKind::Progress {
                stage: stage.to_string(),
                fraction,
            },
        })
    };
    let outcome = answer(cache, req, &progress, now);
    let json = serde_json::to_string(&outcome).unwrap_or_default();
    post(BoroughReply {
        id,
        kind: ReplyKind::Done(json),
    });
}

/// The work behind [`serve`].
pub fn answer(
    cache: &mut Cache,
    mut req: BoroughRequest,
    progress: &dyn Fn(&str, f64),
    now: &dyn Fn() -> f64,
) -> Outcome {
    let t0 = now();
    let map: Result<PlacementMap, Problem> = serde_json::from_str(&req.placement_map_json)
        .map_err(|e| problem("placement_map", format!("cannot be read: {e}")));
    let map = map.unwrap_or_default();
    let reimport = !req.files.is_empty() || cache.map_json != req.placement_map_json;
    if !req.files.is_empty() {
        cache.files = std::mem::take(&mut req.files);
    }
    let imported = match cache.import.take() {
        Some(kept) if !reimport => kept,
        _ => {
            progress("reading and stitching the returns", 0.05);
            let inputs: Vec<InputFile<'_>> = cache
                .files
                .iter()
                .map(|f| InputFile {
                    name: &f.name,
                    bytes: &f.bytes,
                })
                .collect();
            let options = ImportOptions {
                placement_map: map.clone(),
            };
            cache.map_json = req.placement_map_json.clone();
            import(&inputs, &options)
        }
    };
    let outcome = fit_and_summarise(&imported, &req, &map, t0, progress, now);
    cache.import = Some(imported);
    outcome
}

fn fit_and_summarise(
    imported: &Import,
    req: &BoroughRequest,
    map: &PlacementMap,
    t0: f64,
    progress: &dyn Fn(&str, f64),
    now: &dyn Fn() -> f64,
) -> Outcome {
    let import_ms = now() - t0;
    let child_ids = imported
        .report
        .files
        .iter()
        .map(|f| {
            f.issues
                .iter()
                .map(|i| i.child_ids_on_screen_only.clone())
                .collect()
        })
        .collect();
    let t1 = now();
    progress("fitting", 0.3);
    let base: Result<Scenario, Problem> = serde_json::from_str(&req.base_json)
        .map_err(|e| problem("scenario", format!("the baseline cannot be read: {e}")));
    let fitted = base.and_then(|base| {
        fit_at(
            imported,
            &base,
            map,
            req.as_at.as_deref(),
            req.window_years,
            progress,
        )
    });
    let fit_ms = now() - t1;
    progress("the observed history", 0.8);
    let history = summary::observed(imported);
    let hindcast = req.hindcast.as_ref().map(|h| {
        let base: Scenario = serde_json::from_str(&req.base_json)
            .map_err(|e| problem("scenario", format!("the baseline cannot be read: {e}")))?;
        run_hindcast(imported, &base, map, req.window_years, h, progress, now)
    });
    progress("done", 1.0);
    Outcome {
        report: imported.report.clone(),
        child_ids,
        returns: imported.returns.clone(),
        observed_from: imported.observed_from,
        observed_to: imported.observed_to,
        fit: fitted,
        history,
        hindcast,
        import_ms,
        fit_ms,
    }
}

fn fit_at(
    imported: &Import,
    base: &Scenario,
    map: &PlacementMap,
    as_at: Option<&str>,
    window_years: u32,
    progress: &dyn Fn(&str, f64),
) -> Result<Fitted, Problem> {
    let as_at = as_at.map(|d| date("as_at", d)).transpose()?;
    let options = FitOptions {
        as_at,
        window_years,
        placement_map: map.clone(),
    };
    let f = fit(imported, base, &options, &mut |stage, x| {
        progress(stage, 0.3 + 0.5 * x)
    })
    .map_err(|e| problem(e.field(), e.to_string()))?;
    Ok(Fitted {
        scenario: f.scenario,
        report: f.report,
    })
}

/// Fits as at the hindcast's date with only the data before it, runs the projection and
/// compares it with what the returns show after the date.
fn run_hindcast(
    imported: &Import,
    base: &Scenario,
    map: &PlacementMap,
    window_years: u32,
    h: &HindcastRequest,
    progress: &dyn Fn(&str, f64),
    now: &dyn Fn() -> f64,
) -> Result<Hindcast, Problem> {
    let as_at = date("hindcast", &h.as_at)?;
    let fitted = fit_at(
        imported,
        base,
        map,
        Some(&h.as_at),
        window_years,
        &|_, _| {},
    )
    .map_err(|p| problem("hindcast", p.message))?;
    let (sy, sm) = start_month(as_at);
    let (Some(first), Some(last_data)) = (Date::from_ymd(sy, sm, 1), imported.observed_to) else {
        return Err(problem("hindcast", "is not a date the returns cover"));
    };
    let available = months_between(first, last_data);
    if available == 0 {
        return Err(problem(
            "hindcast",
            format!("{as_at} leaves no whole month of returns after it to compare with (they end on {last_data})"),
        ));
    }
    let horizon = h
        .horizon_months
        .unwrap_or(available)
        .clamp(1, engine::limits::MAX_HORIZON_MONTHS);
    let job = Job {
        settings: RunSettings {
            seed: h.seed,
            replications: h.runs,
            horizon_months: horizon,
            uncertainty: false,
        },
        scenarios: vec![fitted.scenario],
        compare_with: vec![],
    };
    let prepared = job.prepare().map_err(|errors| {
        let text: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        problem("hindcast", text.join("; "))
    })?;
    let mut batch = prepared.batch();
    let total = prepared.settings.replications;
    let mut rep = 0;
    let mut last = now();
    while rep < total {
        let ran = batch.run_with(rep..total, |_| now() - last < 150.0);
        rep += ran.max(1);
        last = now();
        progress(
            &format!("hindcast: {rep} of {total} runs"),
            0.85 + 0.15 * f64::from(rep) / f64::from(total.max(1)),
        );
    }
    let aggregate = batch.finish();
    let report = Report::new(&job, &prepared, &aggregate);
    let Some(projection) = report.scenarios.first() else {
        return Err(problem("hindcast", "the run gave no results"));
    };
    let n = horizon.min(available);
    let (ly, lm) = add_months(sy, sm, n.saturating_sub(1));
    let last = Date::from_ymd(ly, lm, days_in_month(ly, lm)).unwrap_or(last_data);
    let months = summary::months(&imported.children, first, last);
    Ok(compare(&as_at.to_string(), &months, projection))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;

    fn fixture(name: &str) -> ReturnFile {
        let path = format!(
            "{}/crates/engine/tests/fixtures/ssda903/summary/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        ReturnFile {
            name: name.into(),
            bytes: std::fs::read(path).unwrap(),
        }
    }

    fn request(files: Vec<ReturnFile>) -> BoroughRequest {
        BoroughRequest {
            id: 7,
            files,
            placement_map_json: serde_json::to_string(&PlacementMap::default()).unwrap(),
            as_at: None,
            window_years: 3,
            base_json: serde_json::to_string(&engine::defaults::default_scenario()).unwrap(),
            hindcast: None,
        }
    }

    #[test]
    fn a_request_is_answered_with_progress_then_one_outcome_and_refits_from_the_cache() {
        let mut cache = Cache::default();
        let replies = RefCell::new(vec![]);
        let req = request(vec![fixture("episodes.csv"), fixture("header.csv")]);
        serve(&mut cache, req, &|r| replies.borrow_mut().push(r), &|| 0.0);
        let replies = replies.into_inner();
        assert!(replies.iter().all(|r| r.id == 7));
        let ReplyKind::Done(json) = &replies.last().unwrap().kind else {
            panic!("the last reply is the outcome")
        };
        let outcome: Outcome = serde_json::from_str(json).unwrap();
        assert_eq!(outcome.report.files.len(), 2);
        assert!(!outcome.history.is_empty());
        assert!(outcome.report.children > 0);
        // A second request with no files fits the kept import again, as at a bad date.
        let mut again = request(vec![]);
        again.as_at = Some("not a date".into());
        let out = answer(&mut cache, again, &|_, _| {}, &|| 0.0);
        assert_eq!(out.report.children, outcome.report.children);
        assert_eq!(out.fit.unwrap_err().field, "as_at");
    }

    #[test]
    fn months_are_counted_whole() {
        let d = |s| Date::parse(s).unwrap();
        assert_eq!(months_between(d("2020-04-01"), d("2021-03-31")), 12);
        assert_eq!(months_between(d("2020-04-01"), d("2021-03-30")), 11);
        assert_eq!(add_months(2020, 11, 3), (2021, 2));
    }
}
