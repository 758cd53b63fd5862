//! The workspace part of the state: the scenarios and run settings as edited (JSON values,
//! checked against the engine after every edit), which scenario is being edited, and the
//! edits themselves ([`WorkAction`], with typed payloads).
//!
//! The first scenario is the baseline; every other one is built on the baseline or on
//! another scenario and holds only what is its own (an `engine::workspace::Variant`: its
//! base, levers, overridden assumptions and what it is compared with). Its full value is
//! resolved from its base after every edit (`Work::resolve`), so editing a base flows into
//! every scenario built on it except the fields that scenario overrides.

use std::rc::Rc;

use engine::runner::Job;
use engine::validate::FieldError;
use engine::workspace::{migrate, BaseRef, ScenarioSet, Variant};
use engine::{Lever, RunSettings, Scenario, Strategy};
use serde_json::Value;

use super::notices::{NoticeAction, NoticeKind, Notices};
use super::{conversions, variants};
use crate::app::edit::{self, Path};
use crate::app::fit_marks::FitMarks;
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
    /// What a scenario after the baseline holds of its own (its `id` is this doc's id, and
    /// its base and comparator name docs by id); `None` for the baseline.
    pub variant: Option<Rc<Variant>>,
}

impl Doc {
    /// A scenario after the baseline: its full value (resolved) and what it holds of its own.
    pub fn variant(id: u32, value: Value, variant: Variant) -> Doc {
        Doc {
            variant: Some(Rc::new(Variant { id, ..variant })),
            ..Doc::new(id, value)
        }
    }

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
            variant: None,
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
    /// Include uncertainty in the assumptions (a yes/no, not in [`SettingKey::ALL`]).
    Uncertainty,
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
            SettingKey::Uncertainty => "uncertainty",
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
    /// A scenario as read from a file (built on the baseline, holding where it differs).
    Value(Value),
    /// A new scenario built on the scenario with this doc id (and compared with it).
    BuiltOn(u32),
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
    /// Build scenario `doc` on the scenario `base` (a doc id) instead.
    SetBase {
        doc: u32,
        base: u32,
    },
    /// Compare scenario `doc` with the scenario `with` (a doc id).
    CompareWith {
        doc: u32,
        with: u32,
    },
    /// Take the base's value of an assumption scenario `doc` overrides.
    UseBase {
        doc: u32,
        path: Path,
    },
    /// Roll every price forward from the figures' date to the start, at the scenario's
    /// inflation (the baseline's prices, and every scenario's own levers).
    RollPrices,
    /// Keep where an accepted fit to the council's own returns got its values (for the
    /// form's marks; saved with the work).
    MarkFromReturns(Option<Rc<FitMarks>>),
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
    /// The accepted fit to the council's own returns, if any (see `fit_marks`).
    pub from_returns: Option<Rc<FitMarks>>,
}

impl Work {
    pub fn new(ws: Workspace) -> Work {
        let mut w = Work {
            docs: vec![],
            settings: Settings::new(Value::Null),
            active: 1,
            next_id: 1,
            rev: 0,
            from_returns: None,
        };
        w.replace(ws);
        w.rev = 0;
        w
    }

    pub fn workspace(&self) -> Workspace {
        Workspace {
            version: crate::app::share::VERSION,
            settings: (*self.settings.value).clone(),
            scenarios: self.docs.iter().map(|d| (*d.value).clone()).collect(),
            variants: self.variants(),
            active: self.active_index(),
            from_returns: self.from_returns.as_deref().cloned(),
        }
    }

    /// What each scenario after the baseline holds of its own (ids are doc ids).
    pub fn variants(&self) -> Vec<Variant> {
        self.docs
            .iter()
            .skip(1)
            .filter_map(|d| d.variant.as_deref().cloned())
            .collect()
    }

    /// The baseline and the variants, as the engine resolves them.
    pub fn set(&self) -> ScenarioSet {
        ScenarioSet {
            baseline: self
                .docs
                .first()
                .map(|d| (*d.value).clone())
                .unwrap_or(Value::Null),
            variants: self.variants(),
        }
    }

    /// The reference to the doc with this id (the baseline's is `Baseline`).
    pub fn base_ref(&self, id: u32) -> BaseRef {
        match self.docs.first() {
            Some(b) if b.id == id => BaseRef::Baseline,
            _ => BaseRef::Variant(id),
        }
    }

    /// The doc a reference names (the baseline when it names none).
    pub fn doc_of(&self, r: BaseRef) -> Option<&Doc> {
        match r {
            BaseRef::Baseline => self.docs.first(),
            BaseRef::Variant(id) => self.doc(id).or(self.docs.first()),
        }
    }

    /// Whether doc `id` is built, directly or through others, on doc `on`.
    pub fn built_on(&self, id: u32, on: u32) -> bool {
        let mut cur = self.doc(id);
        for _ in 0..self.docs.len() {
            let Some(v) = cur.and_then(|d| d.variant.as_deref()) else {
                return false;
            };
            let base = self.doc_of(v.base);
            if base.map(|b| b.id) == Some(on) {
                return true;
            }
            cur = base;
        }
        false
    }

    /// Resolve every scenario after the baseline from its base again; docs whose value
    /// changes are checked again. An error (which the app's own edits cannot cause) is
    /// returned for a notice, leaving the values as they were.
    fn resolve(&mut self) -> Result<(), String> {
        let values = self.set().resolve().map_err(|e| e.to_string())?;
        for (d, value) in self.docs.iter_mut().zip(values).skip(1) {
            if *d.value != value {
                let variant = d.variant.as_deref().cloned();
                *d = match variant {
                    Some(v) => Doc::variant(d.id, value, v),
                    None => Doc::new(d.id, value),
                };
            }
        }
        Ok(())
    }

    /// Replace the variant of doc `i` and resolve again.
    fn set_variant(&mut self, notices: &mut Notices, i: usize, v: Variant) {
        let value = (*self.docs[i].value).clone();
        self.docs[i] = Doc::variant(self.docs[i].id, value, v);
        self.after_edit(notices);
    }

    fn after_edit(&mut self, notices: &mut Notices) {
        if let Err(e) = self.resolve() {
            notices.push(
                NoticeKind::Error,
                format!("Could not update the scenarios: {e}"),
                None,
            );
        }
        self.rev += 1;
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
            compare_with: self.set().compare_with(),
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

    /// Replace every scenario and the settings (doc ids stay unique across replacements;
    /// the variants' references are moved to the new ids).
    pub fn replace(&mut self, ws: Workspace) {
        let first = self.next_id;
        self.from_returns = ws.from_returns.clone().map(Rc::new);
        let ws = if ws.variants.len() + 1 == ws.scenarios.len() {
            ws
        } else {
            Workspace::of_scenarios(ws.settings, ws.scenarios, ws.active)
        };
        let new_id = |old: u32| {
            ws.variants
                .iter()
                .position(|v| v.id == old)
                .map(|i| first + 1 + i as u32)
        };
        let remap = |r: BaseRef| match r {
            BaseRef::Baseline => BaseRef::Baseline,
            BaseRef::Variant(old) => new_id(old).map_or(BaseRef::Baseline, BaseRef::Variant),
        };
        self.docs = ws
            .scenarios
            .into_iter()
            .enumerate()
            .map(
                |(i, v)| match i.checked_sub(1).and_then(|j| ws.variants.get(j)) {
                    Some(var) => Doc::variant(
                        first + i as u32,
                        v,
                        Variant {
                            base: remap(var.base),
                            compare_with: remap(var.compare_with),
                            ..var.clone()
                        },
                    ),
                    None => Doc::new(first + i as u32, v),
                },
            )
            .collect();
        self.next_id = first + self.docs.len() as u32;
        self.active = self
            .docs
            .get(ws.active)
            .or(self.docs.first())
            .map(|d| d.id)
            .unwrap_or(first);
        self.settings = Settings::new(ws.settings);
        let _ = self.resolve();
        self.rev += 1;
    }

    /// Edit doc `id`'s full value with `f` at `path`: the baseline's value is changed, a
    /// variant takes the edit into what it holds of its own; then everything built on it
    /// is resolved again.
    fn edit_doc(
        &mut self,
        notices: &mut Notices,
        id: u32,
        path: &Path,
        f: impl FnOnce(&mut Value) -> Result<(), edit::EditError>,
    ) {
        let Some(i) = self.docs.iter().position(|d| d.id == id) else {
            return;
        };
        let mut value = (*self.docs[i].value).clone();
        if let Err(e) = f(&mut value) {
            notices.push(
                NoticeKind::Error,
                format!("Could not change that: {e}"),
                None,
            );
            return;
        }
        match self.docs[i].variant.as_deref().cloned() {
            None => self.docs[i] = Doc::new(id, value),
            Some(mut v) => {
                let base = self
                    .doc_of(v.base)
                    .map(|d| (*d.value).clone())
                    .unwrap_or(Value::Null);
                variants::absorb(&mut v, &base, &value, &path.0);
                let on = self.doc_of(v.base).map(Doc::name).unwrap_or_default();
                let taken: Vec<String> = self
                    .docs
                    .iter()
                    .filter(|d| d.id != id)
                    .map(Doc::name)
                    .collect();
                let value = variants::name_from_levers(&mut v, &on, &taken, value);
                self.docs[i] = Doc::variant(id, value, v);
            }
        }
        self.after_edit(notices);
    }

    /// A new variant (given an id here) with its value resolved.
    fn add_variant(&mut self, notices: &mut Notices, mut v: Variant) {
        let taken: Vec<String> = self.docs.iter().map(Doc::name).collect();
        v.name = engine::workspace::words::unique_name(&v.name, taken.iter().map(String::as_str));
        let base = self
            .doc_of(v.base)
            .map(|d| (*d.value).clone())
            .unwrap_or(Value::Null);
        let value = engine::workspace::value::resolve_variant(&base, &v).unwrap_or(base);
        let id = self.next_id;
        if self.docs.len() < MAX_SCENARIOS {
            self.next_id += 1;
        }
        self.add_doc_with(notices, Doc::variant(id, value, v));
    }

    fn add_doc_with(&mut self, notices: &mut Notices, doc: Doc) {
        if self.docs.len() >= MAX_SCENARIOS {
            notices.push(
                NoticeKind::Warning,
                format!("At most {MAX_SCENARIOS} scenarios (the baseline and {} others) can be compared; remove one first.", MAX_SCENARIOS - 1),
                None,
            );
            return;
        }
        self.active = doc.id;
        self.docs.push(doc);
        self.rev += 1;
    }

    /// After an edit of the carers' leaving rates in scenario `doc` (its value `before`),
    /// the special guardianship share fitted from the returns, if it still holds it,
    /// rescaled to keep the returns' conversions per child-year ([`conversions`]).
    fn keep_fitted_conversions(&mut self, notices: &mut Notices, doc: u32, before: &Value) {
        let Some(marks) = self.from_returns.clone() else {
            return;
        };
        let Some(after) = self.doc(doc).map(|d| d.value.clone()) else {
            return;
        };
        let marks = conversions::with_rate(&marks, before);
        let Some((share, capped)) = conversions::rescaled(&marks, before, &after) else {
            return;
        };
        if self.from_returns.as_deref() != Some(&marks) {
            self.from_returns = Some(Rc::new(marks));
        }
        let Some(path) = Path::parse(conversions::SHARE) else {
            return;
        };
        self.edit_doc(notices, doc, &path, |v| {
            edit::set(v, &path, serde_json::json!(share))
        });
        let message = if capped {
            "Your foster carers now leave more slowly than the special guardianship orders in your returns need: the share of carers leaving by special guardianship is set to all of them, and the model will make fewer such orders than your returns show."
        } else {
            "The share of foster carers leaving by special guardianship, estimated from your returns, was adjusted to the new leaving rates, so the model still makes as many special guardianship orders to foster carers as your returns show."
        };
        // Said once, however many steps a slider takes.
        if !notices.iter().any(|n| n.text == message) {
            let kind = if capped {
                NoticeKind::Warning
            } else {
                NoticeKind::Info
            };
            notices.push(kind, message.to_string(), None);
        }
    }

    /// Apply an edit; `false` when it changes nothing.
    pub fn apply(&mut self, notices: &mut Notices, action: WorkAction) -> bool {
        match action {
            WorkAction::Edit { doc, path, value } => {
                let before = self.doc(doc).map(|d| d.value.clone());
                self.edit_doc(notices, doc, &path, |v| edit::set(v, &path, value));
                if let Some(before) = before.filter(|_| conversions::moves_leaving_rate(&path)) {
                    self.keep_fitted_conversions(notices, doc, &before);
                }
            }
            WorkAction::Reset { doc, path } => {
                let Some(d) = edit::get(&default_value(), &path).cloned() else {
                    return false;
                };
                let Some(i) = self.docs.iter().position(|x| x.id == doc) else {
                    return false;
                };
                let before = self.docs[i].value.clone();
                match self.docs[i].variant.as_deref().cloned() {
                    None => self.edit_doc(notices, doc, &path, |v| edit::set(v, &path, d)),
                    Some(mut var) => {
                        let base = self.doc_of(var.base).map(|b| (*b.value).clone());
                        let current = (*self.docs[i].value).clone();
                        variants::reset(&mut var, &base.unwrap_or_default(), &current, &path.0, d);
                        self.set_variant(notices, i, var);
                    }
                }
                if conversions::moves_leaving_rate(&path) {
                    self.keep_fitted_conversions(notices, doc, &before);
                }
            }
            WorkAction::UseBase { doc, path } => {
                let Some(i) = self.docs.iter().position(|x| x.id == doc) else {
                    return false;
                };
                let Some(mut var) = self.docs[i].variant.as_deref().cloned() else {
                    return false;
                };
                if !variants::use_base(&mut var, &path.0) {
                    return false;
                }
                self.set_variant(notices, i, var);
            }
            WorkAction::ResetAll { doc } => {
                let before = Rc::new(self.workspace());
                let name = self.doc(doc).map(Doc::name).unwrap_or_default();
                let Some(i) = self.docs.iter().position(|x| x.id == doc) else {
                    return false;
                };
                if let Some(var) = self.docs[i].variant.as_deref().cloned() {
                    let base = self.doc_of(var.base).map(Doc::name).unwrap_or_default();
                    self.set_variant(
                        notices,
                        i,
                        Variant {
                            overrides: vec![],
                            ..var
                        },
                    );
                    notices.push(
                        NoticeKind::Info,
                        format!("Every assumption of {name} is now {base}'s (its levers stay)."),
                        Some(NoticeAction::Undo(before)),
                    );
                    return true;
                }
                self.edit_doc(notices, doc, &Path::root(), |v| {
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
            WorkAction::Push { doc, path, value } => {
                self.edit_doc(notices, doc, &path.clone(), |v| {
                    let value = match value {
                        Some(value) => value,
                        None => match edit::get(v, &path) {
                            Some(Value::Array(a)) => a.last().cloned().unwrap_or(Value::Null),
                            _ => Value::Null,
                        },
                    };
                    edit::push(v, &path, value)
                })
            }
            WorkAction::RemoveAt { doc, path, index } => self.edit_doc(notices, doc, &path, |v| {
                edit::remove_at(v, &path, index).map(|_| ())
            }),
            WorkAction::AddLever { doc, lever } => {
                let p = Path::root().key("levers");
                self.edit_doc(notices, doc, &p, |v| {
                    if edit::get(v, &p).is_none() {
                        edit::set(v, &p, Value::Array(vec![]))?;
                    }
                    edit::push(v, &p, serde_json::to_value(&*lever).unwrap_or(Value::Null))
                })
            }
            WorkAction::ApplyStrategy { doc, strategy } => {
                let p = Path::root().key("levers");
                self.edit_doc(notices, doc, &p, |v| add_strategy_levers(v, &strategy))
            }
            WorkAction::SetFamily { doc, path, family } => {
                self.edit_doc(notices, doc, &path, |v| {
                    let current = edit::get(v, &path).cloned().unwrap_or(Value::Null);
                    edit::set(v, &path, edit::switch_family(&current, family.key()))
                })
            }
            WorkAction::MarkFromReturns(marks) => {
                if self.from_returns == marks {
                    return false;
                }
                self.from_returns = marks;
                self.rev += 1;
            }
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
                let name = short(&format!("Copy of {}", d.name()));
                let v = match d.variant.as_deref() {
                    Some(v) => Variant { name, ..v.clone() },
                    None => Variant {
                        name,
                        description: String::new(),
                        ..fresh_variant(BaseRef::Baseline)
                    },
                };
                self.add_variant(notices, v);
            }
            WorkAction::Add(NewScenario::BuiltOn(id)) => {
                let Some(d) = self.doc(id) else { return false };
                let on = self.base_ref(id);
                let v = Variant {
                    name: short(&format!("{}{}", variants::BUILT_ON, d.name())),
                    compare_with: on,
                    ..fresh_variant(on)
                };
                self.add_variant(notices, v);
            }
            WorkAction::Add(NewScenario::Strategy(st)) => {
                let v = Variant {
                    name: short(&engine::workspace::words::scenario_name(
                        Some(&st.name),
                        &st.levers,
                        None,
                    )),
                    description: st.description.clone(),
                    levers: st
                        .levers
                        .iter()
                        .map(|l| serde_json::to_value(l).unwrap_or(Value::Null))
                        .collect(),
                    ..fresh_variant(BaseRef::Baseline)
                };
                self.add_variant(notices, v);
            }
            WorkAction::Add(NewScenario::Value(v)) => {
                let Some(base) = self.docs.first() else {
                    return false;
                };
                let var = migrate::variant_of(&base.value, &v, 0);
                self.add_variant(notices, var);
            }
            WorkAction::SetBase { doc, base } => {
                let Some(i) = self.docs.iter().position(|x| x.id == doc) else {
                    return false;
                };
                if doc == base || self.built_on(base, doc) || self.doc(base).is_none() {
                    return false; // a scenario cannot be built on itself, even through others
                }
                let Some(var) = self.docs[i].variant.as_deref().cloned() else {
                    return false;
                };
                let on = self.base_ref(base);
                let compare_with = if var.compare_with == var.base {
                    on
                } else {
                    var.compare_with
                };
                self.set_variant(
                    notices,
                    i,
                    Variant {
                        base: on,
                        compare_with,
                        ..var
                    },
                );
            }
            WorkAction::CompareWith { doc, with } => {
                let Some(i) = self.docs.iter().position(|x| x.id == doc) else {
                    return false;
                };
                let Some(var) = self.docs[i].variant.as_deref().cloned() else {
                    return false;
                };
                if doc == with || self.doc(with).is_none() {
                    return false;
                }
                let with = self.base_ref(with);
                self.set_variant(
                    notices,
                    i,
                    Variant {
                        compare_with: with,
                        ..var
                    },
                );
            }
            WorkAction::RollPrices => return self.roll_prices(notices),
            WorkAction::Remove(id) => {
                let Some(i) = self.docs.iter().position(|d| d.id == id) else {
                    return false;
                };
                if i == 0 {
                    return false; // the baseline stays
                }
                let before = Rc::new(self.workspace());
                let removed = self.docs.remove(i);
                if let Some(gone) = removed.variant.as_deref() {
                    // What was built on it keeps its values; what was compared with it is
                    // compared with its base.
                    let me = BaseRef::Variant(id);
                    for d in self.docs.iter_mut().skip(1) {
                        let Some(mut v) = d.variant.as_deref().cloned() else {
                            continue;
                        };
                        if v.base == me {
                            variants::rebase_onto_grandparent(&mut v, gone);
                        }
                        if v.compare_with == me {
                            v.compare_with = gone.base;
                        }
                        d.variant = Some(Rc::new(v));
                    }
                }
                notices.push(
                    NoticeKind::Info,
                    format!("Removed {}.", removed.name()),
                    Some(NoticeAction::Undo(before)),
                );
                if self.active == id {
                    self.active = self.docs.get(i - 1).map(|d| d.id).unwrap_or(1);
                }
                self.after_edit(notices);
            }
        }
        true
    }

    /// Roll prices forward to the start (see [`WorkAction::RollPrices`]).
    fn roll_prices(&mut self, notices: &mut Notices) -> bool {
        let Some(base) = self.docs.first().and_then(|d| d.parsed.as_deref()) else {
            notices.push(
                NoticeKind::Warning,
                "Fix the baseline's problems first: prices are rolled forward from a valid baseline.".into(),
                None,
            );
            return false;
        };
        let s = base.scenario().clone();
        let months = engine::workspace::prices::months_after_data(&s);
        if months == 0 {
            return false;
        }
        let factor = engine::workspace::prices::price_factor(s.costs.inflation_per_year, months);
        let rolled = engine::workspace::prices::roll_prices_forward(&s);
        let before = Rc::new(self.workspace());
        let id = self.docs[0].id;
        self.docs[0] = Doc::new(id, serde_json::to_value(&rolled).unwrap_or(Value::Null));
        for d in self.docs.iter_mut().skip(1) {
            let Some(mut v) = d.variant.as_deref().cloned() else {
                continue;
            };
            for l in &mut v.levers {
                if let Ok(mut lever) = serde_json::from_value::<Lever>(l.clone()) {
                    engine::workspace::prices::roll_lever(&mut lever, factor);
                    *l = serde_json::to_value(&lever).unwrap_or(Value::Null);
                }
            }
            d.variant = Some(Rc::new(v));
        }
        self.after_edit(notices);
        notices.push(
            NoticeKind::Info,
            format!(
                "Prices rolled forward {months} months at {:.1}% a year (×{factor:.3}): weekly costs, homes, recruitment, levers and the budget. Assumptions a scenario sets for itself are unchanged; children and carers are still the figures'.",
                s.costs.inflation_per_year * 100.0
            ),
            Some(NoticeAction::Undo(before)),
        );
        true
    }
}

fn fresh_variant(base: BaseRef) -> Variant {
    Variant {
        id: 0,
        name: String::new(),
        description: String::new(),
        base,
        compare_with: BaseRef::Baseline,
        levers: vec![],
        base_levers: true,
        overrides: vec![],
    }
}

fn short(name: &str) -> String {
    name.chars().take(120).collect()
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
