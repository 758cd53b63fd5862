//! Reading scenario files (`--scenario`, `--compare`): bounded in size, so that a wrong
//! name (`/dev/zero`, a huge log) is refused at once instead of filling memory, and parse
//! errors name the option, the file and the field. `--scenario` also reads a comparison
//! saved by the app (the baseline and the scenarios built on it, or an older list of
//! scenarios), resolved into full scenarios with what each is compared with.

use std::io::Read;
use std::path::Path;

use engine::scenario::Scenario;
use engine::validate::{parse_json, FieldError};

/// Largest scenario file read (the built-in one is about 10 KiB).
pub const MAX_SCENARIO_BYTES: u64 = 4 * 1024 * 1024;

/// The text of `path`, given with option `flag`, if it is at most `MAX_SCENARIO_BYTES`.
pub fn read_bounded(flag: &str, path: &Path) -> Result<String, FieldError> {
    let cannot = |e: &dyn std::fmt::Display| {
        FieldError::new(flag, format!("cannot read {}: {e}", path.display()))
    };
    let file = std::fs::File::open(path).map_err(|e| cannot(&e))?;
    let mut bytes = vec![];
    file.take(MAX_SCENARIO_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| cannot(&e))?;
    if bytes.len() as u64 > MAX_SCENARIO_BYTES {
        return Err(FieldError::new(
            flag,
            format!(
                "{} is larger than {} MiB, the most a scenario file may be",
                path.display(),
                MAX_SCENARIO_BYTES / (1024 * 1024)
            ),
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        FieldError::new(
            flag,
            format!(
                "{} is not UTF-8 text (byte {} is not)",
                path.display(),
                e.utf8_error().valid_up_to()
            ),
        )
    })
}

/// The scenario in `path`, given with option `flag`.
pub fn read_scenario(flag: &str, path: &Path) -> Result<Scenario, FieldError> {
    let text = read_bounded(flag, path)?;
    parse_json::<Scenario>(&text).map_err(|e| {
        FieldError::new(
            format!("{} ({}) {}", flag, path.display(), e.field),
            e.reason,
        )
    })
}

/// What a `--scenario` file held: one scenario, or a saved comparison of several.
pub struct ScenarioFile {
    /// Resolved scenarios, the baseline first.
    pub scenarios: Vec<Scenario>,
    /// What each is compared with (a job's `compare_with`).
    pub compare_with: Vec<usize>,
    /// What was read, in words, for the terminal.
    pub read_as: String,
}

/// The scenario or saved comparison in `path`, given with option `flag`. A comparison
/// is a JSON object with `baseline` and `variants` (the app's file, version 2) or with a
/// list of full `scenarios` (older files, migrated so they give the same numbers). Its
/// run settings, if any, are not used: the command line's are.
pub fn read_scenario_file(flag: &str, path: &Path) -> Result<ScenarioFile, FieldError> {
    let text = read_bounded(flag, path)?;
    let named = |field: &str, reason: String| {
        FieldError::new(format!("{} ({}) {}", flag, path.display(), field), reason)
    };
    let value: serde_json::Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(_) => return read_scenario(flag, path).map(one),
    };
    let set = if value.get("baseline").is_some() || value.get("variants").is_some() {
        let mut fields = serde_json::Map::new();
        for key in ["baseline", "variants"] {
            if let Some(v) = value.get(key) {
                fields.insert(key.to_string(), v.clone());
            }
        }
        let set_text = serde_json::Value::Object(fields).to_string();
        let set: engine::workspace::ScenarioSet =
            parse_json(&set_text).map_err(|e| named(&e.field, e.reason))?;
        (
            set,
            "a saved comparison (the baseline and the scenarios built on it)",
        )
    } else if let Some(serde_json::Value::Array(list)) = value.get("scenarios") {
        (
            engine::workspace::migrate::from_scenarios(list),
            "an older saved comparison (a list of scenarios)",
        )
    } else {
        return read_scenario(flag, path).map(one);
    };
    let (set, what) = set;
    let resolved = set.resolve().map_err(|e| named("", e.to_string()))?;
    let mut scenarios = vec![];
    for (i, v) in resolved.iter().enumerate() {
        let s = parse_json::<Scenario>(&v.to_string())
            .map_err(|e| named(&format!("scenarios[{i}].{}", e.field), e.reason))?;
        scenarios.push(s);
    }
    Ok(ScenarioFile {
        read_as: format!(
            "{} ({}): read {what}, {} scenarios; its run settings, if any, are not used",
            flag,
            path.display(),
            scenarios.len()
        ),
        compare_with: set.compare_with(),
        scenarios,
    })
}

fn one(s: Scenario) -> ScenarioFile {
    ScenarioFile {
        read_as: String::new(),
        scenarios: vec![s],
        compare_with: vec![],
    }
}

/// The scenario an analysis command runs: the `--scenario` file (listed in `inputs`, so no
/// output may overwrite it; a problem goes to `errors`), or the built-in borough.
pub fn scenario_or_default<'p>(
    path: &'p Option<std::path::PathBuf>,
    errors: &mut Vec<FieldError>,
    inputs: &mut Vec<(&'static str, &'p Path)>,
) -> Option<Scenario> {
    match path {
        Some(p) => {
            inputs.push(("--scenario", p.as_path()));
            read_scenario("--scenario", p)
                .map_err(|e| errors.push(e))
                .ok()
        }
        None => Some(engine::defaults::default_scenario()),
    }
}
