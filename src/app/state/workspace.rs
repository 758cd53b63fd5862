//! The workspace part of the state: the scenarios and run settings as edited (JSON values,
//! checked against the engine after every edit), which scenario is being edited, and the
//! edits themselves ([`WorkAction`], with typed payloads).

use std::rc::Rc;

use engine::runner::Job;
use engine::validate::FieldError;
use engine::{Lever, RunSettings, Scenario, Strategy};
use serde_json::Value;

use super::notices::{NoticeAction, NoticeKind, Notices};
use crate::app::edit::{self, Path};
use crate::app::share::{default_scenario_value, Workspace, MAX_SCENARIOS};

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
    pub parsed: Option<Rc<engine::ValidScenario>>,
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
        name_of(&self.value, self.id)
    }
}

/// A scenario value's name, or "Scenario N" when it has none.
pub fn name_of(value: &Value, n: u32) -> String {
    match value.get("name").and_then(Value::as_str) {
        Some(name) if !name.trim().is_empty() => name.to_string(),
        _ => format!("Scenario {n}"),
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

/// A run setting that can be edited.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SettingKey {
    Seed,
    Replications,
    HorizonMonths,
}

impl SettingKey {
    pub const ALL: [SettingKey; 3] = [
        SettingKey::Seed,
        SettingKey::Replications,
        SettingKey::HorizonMonths,
    ];
    pub fn key(self) -> &'static str {
        match self {
            SettingKey::Seed => "seed",
            SettingKey::Replications => "replications",
            SettingKey::HorizonMonths => "horizon_months",
        }
    }
}

/// The family of a duration distribution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    Exponential,
    Gamma,
    Lognormal,
    Empirical,
}

impl Family {
    pub const ALL: [Family; 4] = [
        Family::Exponential,
        Family::Gamma,
        Family::Lognormal,
        Family::Empirical,
    ];
    /// The `family` tag in a scenario's JSON.
    pub fn key(self) -> &'static str {
        self.entry().0
    }
    pub fn label(self) -> &'static str {
        self.entry().1
    }
    fn entry(self) -> (&'static str, &'static str) {
        let i = Family::ALL.iter().position(|f| *f == self).unwrap_or(0);
        edit::FAMILIES[i]
    }
    pub fn from_key(key: &str) -> Option<Family> {
        Family::ALL.into_iter().find(|f| f.key() == key)
    }
}

/// A ready-made lever (with its default strength) of the kind whose key is given.
pub fn lever_of_kind(kind: &str) -> Option<Rc<Lever>> {
    engine::defaults::strategies()
        .into_iter()
        .flat_map(|s| s.levers)
        .find(|l| l.kind.key() == kind)
        .map(Rc::new)
}

/// The ready-made strategy with this id.
pub fn strategy(id: &str) -> Option<Rc<Strategy>> {
    engine::defaults::strategy(id).map(Rc::new)
}

pub enum NewScenario {
    /// A copy of the scenario with this doc id.
    Duplicate(u32),
    /// The baseline with a ready-made strategy's levers.
    Strategy(Rc<Strategy>),
    /// A scenario as read from a file.
    Value(Value),
}

/// An edit of the workspace.
pub enum WorkAction {
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
    /// Append `value`; `None` appends a copy of the array's last element.
    Push {
        doc: u32,
        path: Path,
        value: Option<Value>,
    },
    RemoveAt {
        doc: u32,
        path: Path,
        index: usize,
    },
    AddLever {
        doc: u32,
        lever: Rc<Lever>,
    },
    ApplyStrategy {
        doc: u32,
        strategy: Rc<Strategy>,
    },
    SetFamily {
        doc: u32,
        path: Path,
        family: Family,
    },
    SetSetting {
        key: SettingKey,
        value: Value,
    },
    Select(u32),
    Add(NewScenario),
    Remove(u32),
}

/// The scenarios and settings as edited.
#[derive(Clone, Debug, PartialEq)]
pub struct Work {
    pub docs: Vec<Doc>,
    pub settings: Settings,
    pub active: u32,
    next_id: u32,
    /// Bumped by every change to the scenarios or settings (drives autosave and re-runs).
    pub rev: u64,
}

impl Work {
    pub fn new(ws: Workspace) -> Work {
        let mut w = Work {
            docs: vec![],
            settings: Settings::new(Value::Null),
            active: 1,
            next_id: 1,
            rev: 0,
        };
        w.replace(ws);
        w.rev = 0;
        w
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
            .map(|d| d.parsed.as_deref().map(|v| v.scenario().clone()))
            .collect();
        Some(Job {
            settings,
            scenarios: scenarios?,
            compare_with: vec![],
        })
    }

    /// Add the problems only the job as a whole finds to the docs and settings they concern.
    pub(super) fn refresh_job_errors(&mut self) {
        for d in &mut self.docs {
            d.errors = d.own_errors.clone();
        }
        self.settings.errors = self.settings.own_errors.clone();
        let Some(Err(errors)) = self
            .settings
            .parsed
            .zip(self.valid_scenarios())
            .map(|(settings, valid)| Job::check_together(&settings, &valid))
        else {
            return;
        };
        for e in errors {
            match engine::runner::JobPart::of(e.clone()) {
                (engine::runner::JobPart::Settings, f) => {
                    Rc::make_mut(&mut self.settings.errors).push(f)
                }
                (engine::runner::JobPart::Scenario(i), f) if i < self.docs.len() => {
                    Rc::make_mut(&mut self.docs[i].errors).push(f)
                }
                _ => Rc::make_mut(&mut self.settings.errors).push(e),
            }
        }
    }

    /// Every scenario as validated where it was edited, when all are valid.
    pub fn valid_scenarios(&self) -> Option<Vec<engine::ValidScenario>> {
        self.docs
            .iter()
            .map(|d| d.parsed.as_deref().cloned())
            .collect()
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

    /// Replace every scenario and the settings (doc ids stay unique across replacements).
    pub fn replace(&mut self, ws: Workspace) {
        let first = self.next_id;
        self.docs = ws
            .scenarios
            .into_iter()
            .enumerate()
            .map(|(i, v)| Doc::new(first + i as u32, v))
            .collect();
        self.next_id = first + self.docs.len() as u32;
        self.active = self
            .docs
            .get(ws.active)
            .or(self.docs.first())
            .map(|d| d.id)
            .unwrap_or(first);
        self.settings = Settings::new(ws.settings);
        self.rev += 1;
    }

    fn edit_doc(
        &mut self,
        notices: &mut Notices,
        id: u32,
        f: impl FnOnce(&mut Value) -> Result<(), edit::EditError>,
    ) {
        let Some(i) = self.docs.iter().position(|d| d.id == id) else {
            return;
        };
        let mut value = (*self.docs[i].value).clone();
        match f(&mut value) {
            Ok(()) => {
                self.docs[i] = Doc::new(id, value);
                self.rev += 1;
            }
            Err(e) => notices.push(
                NoticeKind::Error,
                format!("Could not change that: {e}"),
                None,
            ),
        }
    }

    fn add_doc(&mut self, notices: &mut Notices, value: Value) {
        if self.docs.len() >= MAX_SCENARIOS {
            notices.push(
                NoticeKind::Warning,
                format!("At most {MAX_SCENARIOS} scenarios (the baseline and {} others) can be compared; remove one first.", MAX_SCENARIOS - 1),
                None,
            );
            return;
        }
        let id = self.next_id;
        self.next_id += 1;
        self.docs.push(Doc::new(id, value));
        self.active = id;
        self.rev += 1;
    }

    /// Apply an edit; `false` when it changes nothing.
    pub fn apply(&mut self, notices: &mut Notices, action: WorkAction) -> bool {
        match action {
            WorkAction::Edit { doc, path, value } => {
                self.edit_doc(notices, doc, |v| edit::set(v, &path, value))
            }
            WorkAction::Reset { doc, path } => {
                let Some(d) = edit::get(&default_value(), &path).cloned() else {
                    return false;
                };
                self.edit_doc(notices, doc, |v| edit::set(v, &path, d))
            }
            WorkAction::ResetAll { doc } => {
                let before = Rc::new(self.workspace());
                let name = self.doc(doc).map(Doc::name).unwrap_or_default();
                self.edit_doc(notices, doc, |v| {
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
                notices.push(
                    NoticeKind::Info,
                    format!("Every assumption of {name} is back to the default."),
                    Some(NoticeAction::Undo(before)),
                );
            }
            WorkAction::Push { doc, path, value } => self.edit_doc(notices, doc, |v| {
                let value = match value {
                    Some(value) => value,
                    None => match edit::get(v, &path) {
                        Some(Value::Array(a)) => a.last().cloned().unwrap_or(Value::Null),
                        _ => Value::Null,
                    },
                };
                edit::push(v, &path, value)
            }),
            WorkAction::RemoveAt { doc, path, index } => self.edit_doc(notices, doc, |v| {
                edit::remove_at(v, &path, index).map(|_| ())
            }),
            WorkAction::AddLever { doc, lever } => self.edit_doc(notices, doc, |v| {
                let p = Path::root().key("levers");
                if edit::get(v, &p).is_none() {
                    edit::set(v, &p, Value::Array(vec![]))?;
                }
                edit::push(v, &p, serde_json::to_value(&*lever).unwrap_or(Value::Null))
            }),
            WorkAction::ApplyStrategy { doc, strategy } => {
                self.edit_doc(notices, doc, |v| add_strategy_levers(v, &strategy))
            }
            WorkAction::SetFamily { doc, path, family } => self.edit_doc(notices, doc, |v| {
                let current = edit::get(v, &path).cloned().unwrap_or(Value::Null);
                edit::set(v, &path, edit::switch_family(&current, family.key()))
            }),
            WorkAction::SetSetting { key, value } => {
                let mut v = (*self.settings.value).clone();
                if edit::set(&mut v, &Path::root().key(key.key()), value).is_err() {
                    return false;
                }
                self.settings = Settings::new(v);
                self.rev += 1;
            }
            WorkAction::Select(id) => {
                if self.active == id || self.doc(id).is_none() {
                    return false;
                }
                self.active = id;
            }
            WorkAction::Add(NewScenario::Duplicate(id)) => {
                let Some(d) = self.doc(id) else { return false };
                let mut v = (*d.value).clone();
                name_value(&mut v, &format!("Copy of {}", d.name()));
                self.add_doc(notices, v);
            }
            WorkAction::Add(NewScenario::Strategy(st)) => {
                let Some(base) = self.docs.first() else {
                    return false;
                };
                let mut v = (*base.value).clone();
                name_value(&mut v, &st.name);
                let _ = edit::set(
                    &mut v,
                    &Path::root().key("description"),
                    Value::String(st.description.clone()),
                );
                if add_strategy_levers(&mut v, &st).is_ok() {
                    self.add_doc(notices, v);
                }
            }
            WorkAction::Add(NewScenario::Value(v)) => self.add_doc(notices, v),
            WorkAction::Remove(id) => {
                let Some(i) = self.docs.iter().position(|d| d.id == id) else {
                    return false;
                };
                if i == 0 {
                    return false; // the baseline stays
                }
                let before = Rc::new(self.workspace());
                let removed = self.docs.remove(i);
                notices.push(
                    NoticeKind::Info,
                    format!("Removed {}.", removed.name()),
                    Some(NoticeAction::Undo(before)),
                );
                if self.active == id {
                    self.active = self.docs.get(i - 1).map(|d| d.id).unwrap_or(1);
                }
                self.rev += 1;
            }
        }
        true
    }
}

fn name_value(v: &mut Value, name: &str) {
    let short: String = name.chars().take(120).collect();
    let _ = edit::set(v, &Path::root().key("name"), Value::String(short));
}

fn add_strategy_levers(v: &mut Value, strategy: &Strategy) -> Result<(), edit::EditError> {
    let levers = Path::root().key("levers");
    if edit::get(v, &levers).is_none() {
        edit::set(v, &levers, Value::Array(vec![]))?;
    }
    for l in &strategy.levers {
        edit::push(v, &levers, serde_json::to_value(l).unwrap_or(Value::Null))?;
    }
    Ok(())
}
