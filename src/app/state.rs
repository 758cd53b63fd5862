//! The app's state as a Yew `Reducible`: the scenarios and run settings as edited (JSON
//! values, checked against the engine after every edit), which scenario is being edited,
//! notices, and what the simulation workers are doing and have found.

use std::rc::Rc;

use engine::report::Report;
use engine::runner::Job;
use engine::validate::FieldError;
use engine::{RunSettings, Scenario};
use serde_json::Value;
use yew::Reducible;

use crate::app::edit::{self, Path};
use crate::app::share::{default_scenario_value, Workspace, MAX_SCENARIOS};
use crate::protocol::JobId;

thread_local! {
    static DEFAULT: Rc<Value> = Rc::new(default_scenario_value());
}

/// The default borough's scenario as a value (what "differs from the default" compares with).
pub fn default_value() -> Rc<Value> {
    DEFAULT.with(Rc::clone)
}

/// One scenario as edited.
#[derive(Clone, Debug, PartialEq)]
pub struct Doc {
    pub id: u32,
    pub value: Rc<Value>,
    /// Every problem, each naming its field: the scenario's own and those the job as a
    /// whole finds in it (e.g. a trend that compounds too far over the horizon).
    pub errors: Rc<Vec<FieldError>>,
    own_errors: Rc<Vec<FieldError>>,
    pub parsed: Option<Rc<Scenario>>,
}

impl Doc {
    pub fn new(id: u32, value: Value) -> Doc {
        let (errors, parsed) = match edit::check_scenario(&value) {
            Ok(s) => (vec![], Some(Rc::new(s))),
            Err(e) => (e, None),
        };
        let errors = Rc::new(errors);
        Doc {
            id,
            value: Rc::new(value),
            own_errors: errors.clone(),
            errors,
            parsed,
        }
    }

    pub fn name(&self) -> String {
        match self.value.get("name").and_then(Value::as_str) {
            Some(n) if !n.trim().is_empty() => n.to_string(),
            _ => format!("Scenario {}", self.id),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    pub value: Rc<Value>,
    pub errors: Rc<Vec<FieldError>>,
    own_errors: Rc<Vec<FieldError>>,
    pub parsed: Option<RunSettings>,
}

impl Settings {
    pub fn new(value: Value) -> Settings {
        let (errors, parsed) = match edit::check_settings(&value) {
            Ok(s) => (vec![], Some(s)),
            Err(e) => (e, None),
        };
        let errors = Rc::new(errors);
        Settings {
            value: Rc::new(value),
            own_errors: errors.clone(),
            errors,
            parsed,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Warning,
    Error,
}

#[derive(Clone, Debug, PartialEq)]
pub enum NoticeAction {
    /// Offer a text for download (e.g. an unreadable saved state).
    Download {
        label: String,
        filename: String,
        text: Rc<String>,
    },
    /// Put back the work a share link or upload replaced.
    RestorePrevious,
    /// Let autosave overwrite an unreadable saved state that could not be copied aside.
    ResumeSaving,
    /// Put the workspace back as it was before a removal or a reset.
    Undo(Rc<Workspace>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub id: u32,
    pub kind: NoticeKind,
    pub text: String,
    pub action: Option<NoticeAction>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum RunStatus {
    Idle,
    Running,
    Cancelling,
    Done,
    Cancelled,
    Failed(String),
}

impl RunStatus {
    pub fn key(&self) -> &'static str {
        match self {
            RunStatus::Idle => "idle",
            RunStatus::Running => "running",
            RunStatus::Cancelling => "cancelling",
            RunStatus::Done => "done",
            RunStatus::Cancelled => "cancelled",
            RunStatus::Failed(_) => "failed",
        }
    }
    pub fn is_busy(&self) -> bool {
        matches!(self, RunStatus::Running | RunStatus::Cancelling)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct RunInfo {
    pub job_id: JobId,
    pub status: RunStatus,
    pub done: u32,
    pub total: u32,
    pub workers: usize,
    pub started_ms: f64,
    pub elapsed_ms: f64,
}

/// A report shared by reference (props compare by pointer).
#[derive(Clone, Debug)]
pub struct ReportRc(pub Rc<Report>);

impl PartialEq for ReportRc {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Results {
    pub job_id: JobId,
    pub report: ReportRc,
    /// Ids of the docs the report's scenarios came from, in order.
    pub doc_ids: Vec<u32>,
    pub complete: bool,
}

impl Results {
    /// The report's index of a doc (the baseline when the doc was not in the job).
    pub fn index_of(&self, doc_id: u32) -> usize {
        self.doc_ids.iter().position(|d| *d == doc_id).unwrap_or(0)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub docs: Vec<Doc>,
    pub settings: Settings,
    pub active: u32,
    next_id: u32,
    pub notices: Vec<Notice>,
    next_notice: u32,
    /// Bumped by every change to the scenarios or settings (drives autosave and re-runs).
    pub rev: u64,
    pub run: RunInfo,
    pub results: Option<Results>,
    /// Work replaced by a share link or upload, for "Restore previous work".
    pub previous: Option<Workspace>,
    /// Autosave is paused (an unreadable saved state could not be copied aside).
    pub save_paused: bool,
    /// Bumped when a slider is let go: a re-run still waiting for the burst limit starts
    /// at once (the results for where it stopped are the ones people wait for).
    pub settled: u64,
}

pub enum NewScenario {
    Duplicate(u32),
    Strategy(String),
}

pub enum Action {
    Edit {
        doc: u32,
        path: Path,
        value: Value,
    },
    Reset {
        doc: u32,
        path: Path,
    },
    ResetAll {
        doc: u32,
    },
    /// Append `value`; `null` appends a copy of the array's last element.
    Push {
        doc: u32,
        path: Path,
        value: Value,
    },
    RemoveAt {
        doc: u32,
        path: Path,
        index: usize,
    },
    AddLever {
        doc: u32,
        kind: String,
    },
    ApplyStrategy {
        doc: u32,
        strategy: String,
    },
    SetFamily {
        doc: u32,
        path: Path,
        family: String,
    },
    SetSetting {
        key: String,
        value: Value,
    },
    Select(u32),
    Add(NewScenario),
    Remove(u32),
    /// Replace the workspace (share link, upload); the current one is kept as `previous`.
    Load {
        ws: Workspace,
        note: String,
    },
    AddScenarioValue(Value),
    RestorePrevious,
    Undo(Rc<Workspace>),
    Notify {
        kind: NoticeKind,
        text: String,
        action: Option<NoticeAction>,
    },
    Dismiss(u32),
    SetSavePaused(bool),
    /// A slider was let go (its `change` event): run any edit still waiting now.
    Settle,
    RunStarted {
        job_id: JobId,
        total: u32,
        workers: usize,
        now_ms: f64,
    },
    RunProgress {
        job_id: JobId,
        done: u32,
        now_ms: f64,
    },
    RunResults {
        results: Results,
        now_ms: f64,
    },
    RunCancelling,
    RunCancelled {
        job_id: JobId,
        done: u32,
    },
    RunFailed {
        job_id: JobId,
        error: String,
    },
}

impl AppState {
    pub fn new(ws: Workspace) -> AppState {
        let docs: Vec<Doc> = ws
            .scenarios
            .into_iter()
            .enumerate()
            .map(|(i, v)| Doc::new(i as u32 + 1, v))
            .collect();
        let active = docs
            .get(ws.active)
            .or(docs.first())
            .map(|d| d.id)
            .unwrap_or(1);
        let next_id = docs.len() as u32 + 1;
        let mut s = AppState {
            docs,
            settings: Settings::new(ws.settings),
            active,
            next_id,
            notices: vec![],
            next_notice: 1,
            rev: 0,
            run: RunInfo {
                job_id: 0,
                status: RunStatus::Idle,
                done: 0,
                total: 0,
                workers: 0,
                started_ms: 0.0,
                elapsed_ms: 0.0,
            },
            results: None,
            previous: None,
            save_paused: false,
            settled: 0,
        };
        s.refresh_job_errors();
        s
    }

    pub fn workspace(&self) -> Workspace {
        Workspace {
            version: 1,
            settings: (*self.settings.value).clone(),
            scenarios: self.docs.iter().map(|d| (*d.value).clone()).collect(),
            active: self.active_index(),
        }
    }

    pub fn active_index(&self) -> usize {
        self.docs
            .iter()
            .position(|d| d.id == self.active)
            .unwrap_or(0)
    }

    pub fn active_doc(&self) -> Option<&Doc> {
        self.docs.get(self.active_index())
    }

    pub fn doc(&self, id: u32) -> Option<&Doc> {
        self.docs.iter().find(|d| d.id == id)
    }

    fn assemble(&self) -> Option<Job> {
        let settings = self.settings.parsed?;
        let scenarios: Option<Vec<Scenario>> = self
            .docs
            .iter()
            .map(|d| d.parsed.as_deref().cloned())
            .collect();
        Some(Job {
            settings,
            scenarios: scenarios?,
        })
    }

    /// Add the problems only the job as a whole finds to the docs and settings they concern.
    fn refresh_job_errors(&mut self) {
        for d in &mut self.docs {
            d.errors = d.own_errors.clone();
        }
        self.settings.errors = self.settings.own_errors.clone();
        let Some(Err(errors)) = self.assemble().map(|j| j.validate()) else {
            return;
        };
        for e in errors {
            if let Some(rest) = e.field.strip_prefix("settings.") {
                Rc::make_mut(&mut self.settings.errors).push(FieldError::new(rest, e.reason));
                continue;
            }
            let target = e.field.strip_prefix("scenarios[").and_then(|r| {
                let (i, rest) = r.split_once(']')?;
                Some((
                    i.parse::<usize>().ok()?,
                    rest.trim_start_matches('.').to_string(),
                ))
            });
            match target.and_then(|(i, f)| self.docs.get_mut(i).map(|d| (d, f))) {
                Some((d, field)) => {
                    Rc::make_mut(&mut d.errors).push(FieldError::new(field, e.reason))
                }
                None => Rc::make_mut(&mut self.settings.errors).push(e),
            }
        }
    }

    /// The job to run, when every scenario and the settings are valid.
    pub fn job(&self) -> Option<Job> {
        if !self.settings.errors.is_empty() || self.docs.iter().any(|d| !d.errors.is_empty()) {
            return None;
        }
        self.assemble()
    }

    /// Why the job cannot run, in words (empty when it can).
    pub fn blockers(&self) -> Vec<String> {
        let mut out = vec![];
        let describe = |e: &FieldError| match engine::catalog::lookup(&e.field) {
            Some(p) => format!("{} ({}): {}", p.label, e.field, e.reason),
            None => format!("{}: {}", e.field, e.reason),
        };
        for e in self.settings.errors.iter() {
            out.push(format!("Run settings: {}", describe(e)));
        }
        for d in &self.docs {
            for e in d.errors.iter() {
                out.push(format!("{}: {}", d.name(), describe(e)));
            }
        }
        out
    }

    fn notify(&mut self, kind: NoticeKind, text: String, action: Option<NoticeAction>) {
        self.notices.push(Notice {
            id: self.next_notice,
            kind,
            text,
            action,
        });
        self.next_notice += 1;
        if self.notices.len() > 6 {
            self.notices.remove(0);
        }
    }

    fn edit_doc(&mut self, id: u32, f: impl FnOnce(&mut Value) -> Result<(), edit::EditError>) {
        let Some(i) = self.docs.iter().position(|d| d.id == id) else {
            return;
        };
        let mut value = (*self.docs[i].value).clone();
        match f(&mut value) {
            Ok(()) => {
                self.docs[i] = Doc::new(id, value);
                self.rev += 1;
            }
            Err(e) => self.notify(
                NoticeKind::Error,
                format!("Could not change that: {e}"),
                None,
            ),
        }
    }

    fn add_doc(&mut self, value: Value) -> bool {
        if self.docs.len() >= MAX_SCENARIOS {
            self.notify(
                NoticeKind::Warning,
                format!("At most {MAX_SCENARIOS} scenarios (the baseline and four strategies) can be compared; remove one first."),
                None,
            );
            return false;
        }
        let id = self.next_id;
        self.next_id += 1;
        self.docs.push(Doc::new(id, value));
        self.active = id;
        self.rev += 1;
        true
    }

    fn load(&mut self, ws: Workspace) {
        let fresh = AppState::new(ws);
        self.docs = fresh
            .docs
            .into_iter()
            .map(|d| Doc::new(d.id + self.next_id, (*d.value).clone()))
            .collect();
        self.active = (fresh
            .active
            .checked_sub(1)
            .and_then(|i| self.docs.get(i as usize)))
        .or(self.docs.first())
        .map(|d| d.id)
        .unwrap_or(1);
        self.next_id += fresh.next_id;
        self.settings = fresh.settings;
        self.rev += 1;
    }
}

fn name_value(v: &mut Value, name: &str) {
    let short: String = name.chars().take(120).collect();
    let _ = edit::set(v, &Path::root().key("name"), Value::String(short));
}

fn lever_of_kind(kind: &str) -> Option<Value> {
    engine::defaults::strategies()
        .iter()
        .flat_map(|s| s.levers.iter())
        .find(|l| l.kind.key() == kind)
        .and_then(|l| serde_json::to_value(l).ok())
}

fn add_strategy_levers(v: &mut Value, strategy: &engine::Strategy) -> Result<(), edit::EditError> {
    let levers = Path::root().key("levers");
    if edit::get(v, &levers).is_none() {
        edit::set(v, &levers, Value::Array(vec![]))?;
    }
    for l in &strategy.levers {
        edit::push(v, &levers, serde_json::to_value(l).unwrap_or(Value::Null))?;
    }
    Ok(())
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Edit { doc, path, value } => s.edit_doc(doc, |v| edit::set(v, &path, value)),
            Action::Reset { doc, path } => {
                let default = default_value();
                match edit::get(&default, &path).cloned() {
                    Some(d) => s.edit_doc(doc, |v| edit::set(v, &path, d)),
                    None => return self,
                }
            }
            Action::ResetAll { doc } => {
                let before = Rc::new(s.workspace());
                let name = s.doc(doc).map(Doc::name).unwrap_or_default();
                s.edit_doc(doc, |v| {
                    let mut fresh = (*default_value()).clone();
                    for key in ["name", "description", "levers"] {
                        let p = Path::root().key(key);
                        if let Some(x) = edit::get(v, &p) {
                            edit::set(&mut fresh, &p, x.clone())?;
                        }
                    }
                    *v = fresh;
                    Ok(())
                });
                s.notify(
                    NoticeKind::Info,
                    format!("Every assumption of {name} is back to the default."),
                    Some(NoticeAction::Undo(before)),
                );
            }
            Action::Push { doc, path, value } => s.edit_doc(doc, |v| {
                let last = || match edit::get(v, &path) {
                    Some(Value::Array(a)) => a.last().cloned(),
                    _ => None,
                };
                let value = match value {
                    Value::Null => last().unwrap_or(Value::Null),
                    value => value,
                };
                edit::push(v, &path, value)
            }),
            Action::RemoveAt { doc, path, index } => {
                s.edit_doc(doc, |v| edit::remove_at(v, &path, index).map(|_| ()))
            }
            Action::AddLever { doc, kind } => {
                let Some(lever) = lever_of_kind(&kind) else {
                    return self;
                };
                s.edit_doc(doc, |v| {
                    let p = Path::root().key("levers");
                    if edit::get(v, &p).is_none() {
                        edit::set(v, &p, Value::Array(vec![]))?;
                    }
                    edit::push(v, &p, lever)
                })
            }
            Action::ApplyStrategy { doc, strategy } => {
                let Some(st) = engine::defaults::strategy(&strategy) else {
                    return self;
                };
                s.edit_doc(doc, |v| add_strategy_levers(v, &st))
            }
            Action::SetFamily { doc, path, family } => s.edit_doc(doc, |v| {
                let current = edit::get(v, &path).cloned().unwrap_or(Value::Null);
                edit::set(v, &path, edit::switch_family(&current, &family))
            }),
            Action::SetSetting { key, value } => {
                let mut v = (*s.settings.value).clone();
                if edit::set(&mut v, &Path::root().key(&key), value).is_err() {
                    return self;
                }
                s.settings = Settings::new(v);
                s.rev += 1;
            }
            Action::Select(id) => {
                if s.active == id || s.doc(id).is_none() {
                    return self;
                }
                s.active = id;
            }
            Action::Add(NewScenario::Duplicate(id)) => {
                let Some(d) = s.doc(id) else { return self };
                let mut v = (*d.value).clone();
                name_value(&mut v, &format!("Copy of {}", d.name()));
                s.add_doc(v);
            }
            Action::Add(NewScenario::Strategy(sid)) => {
                let (Some(st), Some(base)) = (engine::defaults::strategy(&sid), s.docs.first())
                else {
                    return self;
                };
                let mut v = (*base.value).clone();
                name_value(&mut v, &st.name);
                let _ = edit::set(
                    &mut v,
                    &Path::root().key("description"),
                    Value::String(st.description.clone()),
                );
                if add_strategy_levers(&mut v, &st).is_ok() {
                    s.add_doc(v);
                }
            }
            Action::AddScenarioValue(v) => {
                s.add_doc(v);
            }
            Action::Remove(id) => {
                let Some(i) = s.docs.iter().position(|d| d.id == id) else {
                    return self;
                };
                if i == 0 {
                    return self; // the baseline stays
                }
                let before = Rc::new(s.workspace());
                let removed = s.docs.remove(i);
                s.notify(
                    NoticeKind::Info,
                    format!("Removed {}.", removed.name()),
                    Some(NoticeAction::Undo(before)),
                );
                if s.active == id {
                    s.active = s.docs.get(i - 1).map(|d| d.id).unwrap_or(1);
                }
                s.rev += 1;
            }
            Action::Load { ws, note } => {
                s.previous = Some(s.workspace());
                s.load(ws);
                s.notify(NoticeKind::Info, note, Some(NoticeAction::RestorePrevious));
            }
            Action::RestorePrevious => {
                let Some(prev) = s.previous.take() else {
                    return self;
                };
                s.previous = Some(s.workspace());
                s.load(prev);
                s.notices
                    .retain(|n| n.action != Some(NoticeAction::RestorePrevious));
                s.notify(NoticeKind::Info, "Your previous work is back.".into(), None);
            }
            Action::Undo(ws) => {
                s.load((*ws).clone());
                s.notices.retain(
                    |n| !matches!(&n.action, Some(NoticeAction::Undo(w)) if Rc::ptr_eq(w, &ws)),
                );
            }
            Action::Notify { kind, text, action } => s.notify(kind, text, action),
            Action::Dismiss(id) => s.notices.retain(|n| n.id != id),
            Action::SetSavePaused(p) => s.save_paused = p,
            Action::Settle => s.settled += 1,
            Action::RunStarted {
                job_id,
                total,
                workers,
                now_ms,
            } => {
                s.run = RunInfo {
                    job_id,
                    status: RunStatus::Running,
                    done: 0,
                    total,
                    workers,
                    started_ms: now_ms,
                    elapsed_ms: 0.0,
                };
            }
            Action::RunProgress {
                job_id,
                done,
                now_ms,
            } => {
                if job_id != s.run.job_id || !s.run.status.is_busy() {
                    return self;
                }
                s.run.done = done;
                s.run.elapsed_ms = now_ms - s.run.started_ms;
            }
            Action::RunResults { results, now_ms } => {
                if results.job_id != s.run.job_id {
                    return self;
                }
                if results.complete {
                    s.run.status = RunStatus::Done;
                    s.run.done = s.run.total;
                }
                s.run.elapsed_ms = now_ms - s.run.started_ms;
                s.results = Some(results);
            }
            Action::RunCancelling => {
                if s.run.status != RunStatus::Running {
                    return self;
                }
                s.run.status = RunStatus::Cancelling;
            }
            Action::RunCancelled { job_id, done } => {
                if job_id != s.run.job_id {
                    return self;
                }
                s.run.status = RunStatus::Cancelled;
                s.run.done = done;
            }
            Action::RunFailed { job_id, error } => {
                if job_id != s.run.job_id {
                    return self;
                }
                s.run.status = RunStatus::Failed(error);
            }
        }
        if s.rev != self.rev {
            s.refresh_job_errors();
        }
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn state() -> Rc<AppState> {
        Rc::new(AppState::new(Workspace::default_borough()))
    }

    fn p(s: &str) -> Path {
        Path::parse(s).unwrap()
    }

    #[test]
    fn starts_valid_with_the_default_borough() {
        let s = state();
        assert_eq!(s.docs.len(), 1);
        assert!(s.job().is_some());
        assert!(s.blockers().is_empty());
        assert_eq!(s.active_doc().unwrap().name(), "Baseline");
    }

    /// Letting go of a slider only asks for the waiting run: it changes no scenario, so it
    /// neither saves nor starts a run of its own.
    #[test]
    fn settling_a_slider_is_not_an_edit() {
        let s = state().reduce(Action::Edit {
            doc: 1,
            path: p("demand.groups_per_month"),
            value: json!(12.5),
        });
        let settled = s.clone().reduce(Action::Settle);
        assert_eq!(settled.settled, s.settled + 1);
        assert_eq!(settled.rev, s.rev);
        assert_eq!(settled.workspace(), s.workspace());
    }

    #[test]
    fn edits_are_checked_and_block_the_run_with_a_reason() {
        let s = state();
        let s = s.reduce(Action::Edit {
            doc: 1,
            path: p("demand.entry_age[0]"),
            value: json!(0.9),
        });
        assert_eq!(s.rev, 1);
        assert!(s.job().is_none());
        let b = s.blockers();
        assert_eq!(b.len(), 1);
        assert!(
            b[0].starts_with("Baseline: Age at entry (demand.entry_age): shares must add up to 1"),
            "{}",
            b[0]
        );
        let s = s.reduce(Action::Reset {
            doc: 1,
            path: p("demand.entry_age[0]"),
        });
        assert!(s.job().is_some());
        assert_eq!(s.rev, 2);
    }

    #[test]
    fn reset_all_keeps_name_and_levers() {
        let s = state();
        let s = s.reduce(Action::Edit {
            doc: 1,
            path: p("demand.groups_per_month"),
            value: json!(20),
        });
        let s = s.reduce(Action::ApplyStrategy {
            doc: 1,
            strategy: "recruit".into(),
        });
        let s = s.reduce(Action::Edit {
            doc: 1,
            path: p("name"),
            value: json!("Mine"),
        });
        let s = s.reduce(Action::ResetAll { doc: 1 });
        let v = &s.docs[0].value;
        assert_eq!(v["demand"]["groups_per_month"], json!(10.2));
        let Some(NoticeAction::Undo(before)) = s.notices.last().and_then(|n| n.action.clone())
        else {
            panic!("no undo")
        };
        let undone = s.clone().reduce(Action::Undo(before));
        assert_eq!(
            undone.docs[0].value["demand"]["groups_per_month"],
            json!(20)
        );
        assert_eq!(v["name"], "Mine");
        assert_eq!(v["levers"].as_array().unwrap().len(), 1);
    }

    #[test]
    fn scenarios_are_added_up_to_five_and_the_baseline_stays() {
        let mut s = state();
        s = s.reduce(Action::Add(NewScenario::Duplicate(1)));
        assert_eq!(s.docs[1].name(), "Copy of Baseline");
        assert_eq!(s.active, s.docs[1].id);
        for id in ["recruit", "homes", "retain", "framework"] {
            s = s.reduce(Action::Add(NewScenario::Strategy(id.into())));
        }
        assert_eq!(s.docs.len(), 5);
        assert_eq!(
            s.notices.len(),
            1,
            "the fifth extra is refused with a notice"
        );
        assert_eq!(s.docs[2].name(), "Recruit more carers");
        assert_eq!(s.docs[2].value["levers"].as_array().unwrap().len(), 1);
        let job = s.job().unwrap();
        assert_eq!(job.scenarios.len(), 5);
        s = s.reduce(Action::Remove(1));
        assert_eq!(s.docs.len(), 5, "the baseline cannot be removed");
        let id = s.docs[2].id;
        s = s.reduce(Action::Select(id));
        s = s.reduce(Action::Remove(id));
        assert_eq!(s.docs.len(), 4);
        assert_eq!(s.active, s.docs[1].id);
        // A removal can be undone from its notice.
        let Some(NoticeAction::Undo(before)) = s.notices.last().and_then(|n| n.action.clone())
        else {
            panic!("no undo")
        };
        s = s.reduce(Action::Undo(before));
        assert_eq!(s.docs.len(), 5);
        assert!(s
            .notices
            .iter()
            .all(|n| !matches!(n.action, Some(NoticeAction::Undo(_)))));
    }

    #[test]
    fn levers_are_added_edited_and_removed() {
        let mut s = state();
        s = s.reduce(Action::AddLever {
            doc: 1,
            kind: "retention".into(),
        });
        s = s.reduce(Action::AddLever {
            doc: 1,
            kind: "new_homes".into(),
        });
        assert_eq!(s.docs[0].value["levers"].as_array().unwrap().len(), 2);
        s = s.reduce(Action::Edit {
            doc: 1,
            path: p("levers[0].kind.attrition_multiplier"),
            value: json!(0.5),
        });
        assert_eq!(s.docs[0].parsed.as_ref().unwrap().levers.len(), 2);
        s = s.reduce(Action::Push {
            doc: 1,
            path: p("levers[1].kind.homes"),
            value: json!(null),
        });
        assert_eq!(
            s.docs[0].value["levers"][1]["kind"]["homes"]
                .as_array()
                .unwrap()
                .len(),
            8
        );
        let homes = |s: &Rc<AppState>| s.docs[0].value["levers"][1]["kind"]["homes"].clone();
        assert_eq!(
            homes(&s)[7],
            homes(&s)[6],
            "null appends a copy of the last"
        );
        s = s.reduce(Action::Push {
            doc: 1,
            path: p("levers[1].kind.homes"),
            value: json!({"name": "Annexe"}),
        });
        assert_eq!(
            homes(&s)[8],
            json!({"name": "Annexe"}),
            "a value is appended as given"
        );
        s = s.reduce(Action::RemoveAt {
            doc: 1,
            path: p("levers[1].kind.homes"),
            index: 8,
        });
        s = s.reduce(Action::RemoveAt {
            doc: 1,
            path: p("levers"),
            index: 0,
        });
        assert_eq!(s.docs[0].value["levers"][0]["kind"]["type"], "new_homes");
        assert!(s.job().is_some());
        let before = s.clone();
        let after = s.reduce(Action::AddLever {
            doc: 1,
            kind: "nonsense".into(),
        });
        assert!(Rc::ptr_eq(&before, &after));
    }

    #[test]
    fn settings_are_edited_and_checked() {
        let s = state().reduce(Action::SetSetting {
            key: "replications".into(),
            value: json!("many"),
        });
        assert!(s.job().is_none());
        assert!(
            s.blockers()[0]
                .starts_with("Run settings: Number of runs (replications): must be a number"),
            "{:?}",
            s.blockers()
        );
        let s = s.reduce(Action::SetSetting {
            key: "replications".into(),
            value: json!(50),
        });
        assert_eq!(s.job().unwrap().settings.replications, 50);
    }

    #[test]
    fn loading_keeps_the_previous_work_for_restore() {
        let s = state().reduce(Action::Edit {
            doc: 1,
            path: p("demand.groups_per_month"),
            value: json!(12),
        });
        let mut shared = Workspace::default_borough();
        shared.scenarios[0]["name"] = json!("Shared");
        let s = s.reduce(Action::Load {
            ws: shared.clone(),
            note: "Opened".into(),
        });
        assert_eq!(s.docs[0].name(), "Shared");
        assert_eq!(s.workspace().scenarios, shared.scenarios);
        assert_eq!(s.notices[0].action, Some(NoticeAction::RestorePrevious));
        let s = s.reduce(Action::RestorePrevious);
        assert_eq!(s.docs[0].value["demand"]["groups_per_month"], json!(12));
        assert_eq!(s.previous.as_ref().unwrap().scenarios, shared.scenarios);
        // Doc ids stay unique across loads.
        let first = s.docs[0].id;
        let s = s.reduce(Action::Add(NewScenario::Duplicate(first)));
        assert_ne!(s.docs[0].id, s.docs[1].id);
    }

    #[test]
    fn run_messages_for_old_jobs_are_ignored() {
        let s = state().reduce(Action::RunStarted {
            job_id: 2,
            total: 100,
            workers: 2,
            now_ms: 0.0,
        });
        let before = s.clone();
        let s = s.reduce(Action::RunProgress {
            job_id: 1,
            done: 5,
            now_ms: 1.0,
        });
        assert!(Rc::ptr_eq(&before, &s));
        let s = s.reduce(Action::RunProgress {
            job_id: 2,
            done: 5,
            now_ms: 1.0,
        });
        assert_eq!(s.run.done, 5);
        let s = s.reduce(Action::RunCancelling);
        assert_eq!(s.run.status, RunStatus::Cancelling);
        let s = s.reduce(Action::RunCancelled { job_id: 2, done: 7 });
        assert_eq!(s.run.status, RunStatus::Cancelled);
    }

    #[test]
    fn notices_are_bounded_and_dismissed() {
        let mut s = state();
        for i in 0..10 {
            s = s.reduce(Action::Notify {
                kind: NoticeKind::Info,
                text: format!("n{i}"),
                action: None,
            });
        }
        assert_eq!(s.notices.len(), 6);
        let id = s.notices[0].id;
        s = s.reduce(Action::Dismiss(id));
        assert_eq!(s.notices.len(), 5);
    }
}
