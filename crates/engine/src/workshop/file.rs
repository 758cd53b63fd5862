//! The workshop file: written as pretty JSON, read back through [`read`], which migrates
//! an older file to [`FILE_VERSION`] and validates the whole workshop, so that a file with
//! a problem is refused as a whole (never opened in part) with the field named.
//!
//! Migration: a file without `version` (written before workshops carried one) is version
//! 1; a file without `cards` gets the default cards, one without `settings` the default
//! run settings for a workshop; a file from a newer version is refused.

use serde_json::Value;

use super::{cards, Workshop, DEFAULT_RUNS, FILE_VERSION, MAX_TEAMS, MAX_TEAM_NAME};
use crate::error::FieldError;
use crate::path::FieldPath;
use crate::scenario::RunSettings;
use crate::workshop::Target;

/// The workshop as the file holds it.
pub fn write(ws: &Workshop) -> String {
    serde_json::to_string_pretty(ws).unwrap_or_default()
}

/// A workshop file read, migrated and validated.
pub fn read(text: &str) -> Result<Workshop, FieldError> {
    let value: Value = serde_json::from_str(text)
        .map_err(|e| FieldError::document(crate::json::where_reading_stopped(&e)))?;
    let value = migrate(value)?;
    let text = serde_json::to_string(&value).unwrap_or_default();
    let ws: Workshop = crate::validate::parse_json(&text)?;
    validate(&ws)?;
    Ok(ws)
}

/// An older workshop value in the current form.
pub fn migrate(mut value: Value) -> Result<Value, FieldError> {
    let root = FieldPath::root();
    let Some(obj) = value.as_object_mut() else {
        return Err(FieldError::document(
            "is not a workshop (a JSON object with baseline and teams)",
        ));
    };
    let version = match obj.get("version") {
        None => 1,
        Some(v) => v
            .as_u64()
            .ok_or_else(|| FieldError::at(root.key("version"), "must be a whole number"))?,
    };
    if version == 0 || version > u64::from(FILE_VERSION) {
        return Err(FieldError::at(
            root.key("version"),
            format!("version {version} is not supported (this app reads workshop files up to version {FILE_VERSION})"),
        ));
    }
    obj.insert("version".into(), Value::from(FILE_VERSION));
    if !obj.contains_key("cards") {
        obj.insert(
            "cards".into(),
            serde_json::to_value(cards::default_cards()).unwrap_or_default(),
        );
    }
    if !obj.contains_key("settings") {
        let s = RunSettings {
            replications: DEFAULT_RUNS,
            ..RunSettings::default()
        };
        obj.insert(
            "settings".into(),
            serde_json::to_value(s).unwrap_or_default(),
        );
    }
    Ok(value)
}

/// Everything a workshop must be to run: the first problem, naming its field.
pub fn validate(ws: &Workshop) -> Result<(), FieldError> {
    let root = FieldPath::root();
    let teams = root.key("teams");
    if ws.teams.is_empty() || ws.teams.len() > MAX_TEAMS {
        return Err(FieldError::at(
            teams,
            format!(
                "there are {} teams; a workshop has 1 to {MAX_TEAMS}",
                ws.teams.len()
            ),
        ));
    }
    for (i, c) in ws.cards.iter().enumerate() {
        if ws.cards[..i].iter().any(|d| d.kind.key() == c.kind.key()) {
            return Err(FieldError::at(
                root.key("cards").index(i),
                format!(
                    "a second card of {}: one card per kind of lever",
                    c.kind.key()
                ),
            ));
        }
    }
    if let Some(p) = ws.purse {
        if !p.is_finite() || p < 0.0 {
            return Err(FieldError::at(
                root.key("purse"),
                "must be a sum of money, 0 or more (pounds a year)",
            ));
        }
    }
    for (i, t) in ws.teams.iter().enumerate() {
        let at = teams.index(i);
        let name = t.name.trim();
        if name.is_empty() || name.chars().count() > MAX_TEAM_NAME {
            return Err(FieldError::at(
                at.key("name"),
                format!("must be 1 to {MAX_TEAM_NAME} characters (a table's name)"),
            ));
        }
        if ws.teams[..i].iter().any(|u| u.name.trim() == name) {
            return Err(FieldError::at(
                at.key("name"),
                format!("two teams are called {name}: give each its own name"),
            ));
        }
        if let Some(k) = t.choices.keys().find(|k| ws.card(k).is_none()) {
            return Err(FieldError::at(
                at.key("choices").key(k),
                "is not one of the workshop's cards",
            ));
        }
        if let Some(p) = ws.purse {
            let cost = ws.team_cost(t);
            if cost > p {
                return Err(FieldError::at(
                    at.key("choices"),
                    format!(
                        "cost {} a year, over the purse of {}",
                        super::money(cost),
                        super::money(p)
                    ),
                ));
            }
        }
    }
    let horizon = ws.settings.horizon_months;
    match ws.target {
        Some(Target::NoSuitableAtMost { month, .. }) if month >= horizon => {
            return Err(FieldError::at(
                root.key("target").key("month"),
                format!(
                    "must be within the horizon (0 to {})",
                    horizon.saturating_sub(1)
                ),
            ))
        }
        Some(Target::WithinBudget { year }) if year as usize >= fin_years(ws) => {
            return Err(FieldError::at(
                root.key("target").key("year"),
                format!(
                    "must be a financial year within the horizon (0 to {})",
                    fin_years(ws).saturating_sub(1)
                ),
            ))
        }
        _ => {}
    }
    if let Err(mut errors) = crate::validate::ValidScenario::new(ws.baseline.clone()) {
        return Err(errors.remove(0).within(&root.key("baseline")));
    }
    ws.job().map(|_| ()).map_err(|mut errors| errors.remove(0))
}

/// The financial years the horizon touches.
pub fn fin_years(ws: &Workshop) -> usize {
    let b = &ws.baseline;
    let labels = crate::report::month_labels(
        b.start_year,
        b.start_month,
        ws.settings.horizon_months as usize,
    );
    crate::report::months_per_year(&labels).len()
}
