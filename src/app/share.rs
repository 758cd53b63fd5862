//! The workspace (run settings + scenarios as edited) and its two portable forms: the
//! share link (`#w=` + base64url of the deflated JSON) and the JSON file.
//!
//! Version 2 keeps what each scenario after the baseline holds of its own
//! (`engine::workspace::Variant`: its base, levers, overridden assumptions and what it is
//! compared with) beside every scenario in full. Version 1 (older links, files and saved
//! work) had only the full scenarios: each is read as a variant of the baseline whose
//! overrides are the fields where it differs, so it opens with the same numbers.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use engine::workspace::{migrate, ScenarioSet, Variant};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::app::fit_marks::FitMarks;
pub use crate::app::limits::MAX_SCENARIOS;
/// Largest share payload we inflate (a real workspace is ~100 kB of JSON).
const MAX_INFLATED: usize = 8 << 20;
pub const FRAGMENT_KEY: &str = "w=";

/// Everything the user edits, as edited (values may be invalid: they are kept as typed).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Workspace {
    #[serde(default = "one")]
    pub version: u32,
    pub settings: Value,
    /// Every scenario in full, the baseline first: the baseline as edited, the others
    /// resolved from their variants (which, from version 2, are what counts).
    pub scenarios: Vec<Value>,
    /// What each scenario after the baseline holds of its own (version 2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<Variant>,
    /// Index of the scenario being edited.
    #[serde(default)]
    pub active: usize,
    /// The accepted fit to a council's own returns, if any: where the fitted values came
    /// from, for the form's marks (no identifier in it; see `fit_marks`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_returns: Option<FitMarks>,
}

/// The version this app writes.
pub const VERSION: u32 = 2;

fn one() -> u32 {
    1
}

impl Workspace {
    pub fn default_borough() -> Workspace {
        Workspace {
            version: VERSION,
            settings: serde_json::to_value(engine::RunSettings::default()).unwrap_or(Value::Null),
            scenarios: vec![default_scenario_value()],
            variants: vec![],
            active: 0,
            from_returns: None,
        }
    }

    /// A workspace of these full scenarios (the first the baseline), each other one a
    /// variant of the baseline holding where it differs (as version 1 is read).
    pub fn of_scenarios(settings: Value, scenarios: Vec<Value>, active: usize) -> Workspace {
        Workspace {
            version: VERSION,
            settings,
            variants: migrate::from_scenarios(&scenarios).variants,
            scenarios,
            active,
            from_returns: None,
        }
    }

    /// The baseline and the variants.
    pub fn set(&self) -> ScenarioSet {
        ScenarioSet {
            baseline: self.scenarios.first().cloned().unwrap_or(Value::Null),
            variants: self.variants.clone(),
        }
    }

    /// Structural checks (not the engine's validation, which is shown per field); version
    /// 1 is read into version 2, and the scenarios are resolved from the variants.
    pub fn check(self) -> Result<Workspace, String> {
        if self.version != 1 && self.version != VERSION {
            return Err(format!(
                "version {} is not supported (this app reads versions 1 and {VERSION})",
                self.version
            ));
        }
        if !self.settings.is_object() {
            return Err("settings must be an object".into());
        }
        if self.scenarios.is_empty() {
            return Err("there are no scenarios".into());
        }
        if self.scenarios.len() > MAX_SCENARIOS {
            return Err(format!(
                "there are {} scenarios; at most {MAX_SCENARIOS} can be compared (the baseline and {} others)",
                self.scenarios.len(),
                MAX_SCENARIOS - 1
            ));
        }
        if let Some(i) = self.scenarios.iter().position(|s| !s.is_object()) {
            return Err(format!("scenarios[{i}] is not a scenario object"));
        }
        let active = self.active.min(self.scenarios.len() - 1);
        let ws = if self.version == 1 || self.variants.len() + 1 != self.scenarios.len() {
            Workspace {
                from_returns: self.from_returns,
                ..Workspace::of_scenarios(self.settings, self.scenarios, active)
            }
        } else {
            Workspace {
                version: VERSION,
                active,
                ..self
            }
        };
        let scenarios = ws.set().resolve().map_err(|e| e.to_string())?;
        Ok(Workspace { scenarios, ..ws })
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn from_json(text: &str) -> Result<Workspace, String> {
        let ws: Workspace = serde_json::from_str(text).map_err(|e| e.to_string())?;
        ws.check()
    }
}

pub fn default_scenario_value() -> Value {
    serde_json::to_value(engine::defaults::default_scenario()).unwrap_or(Value::Null)
}

/// The share-link payload for a workspace.
pub fn encode(ws: &Workspace) -> String {
    pack(&ws.to_json())
}

/// Read a share-link payload back.
pub fn decode(payload: &str) -> Result<Workspace, String> {
    Workspace::from_json(&unpack(payload)?)
}

/// Text as a link payload: deflated, then base64url (also the workshop's link).
pub fn pack(text: &str) -> String {
    let packed = miniz_oxide::deflate::compress_to_vec(text.as_bytes(), 9);
    URL_SAFE_NO_PAD.encode(packed)
}

/// A link payload's text back.
pub fn unpack(payload: &str) -> Result<String, String> {
    let packed = URL_SAFE_NO_PAD
        .decode(payload.trim().trim_end_matches('='))
        .map_err(|e| format!("the link is damaged ({e})"))?;
    let bytes = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_INFLATED)
        .map_err(|_| "the link is damaged (it does not unpack)".to_string())?;
    String::from_utf8(bytes).map_err(|_| "the link is damaged (not text)".to_string())
}

/// The payload of a `#w=...` fragment (with or without the `#`), if it is one.
pub fn payload_of_fragment(hash: &str) -> Option<&str> {
    let h = hash.strip_prefix('#').unwrap_or(hash);
    h.split('&')
        .find_map(|part| part.strip_prefix(FRAGMENT_KEY))
}

/// `base` (any existing fragment removed) with the workspace's fragment.
pub fn link(base: &str, ws: &Workspace) -> String {
    let base = base.split('#').next().unwrap_or(base);
    format!("{base}#{FRAGMENT_KEY}{}", encode(ws))
}

/// A scenario file: a whole workspace (`{settings, scenarios}`, as downloaded) or one
/// scenario. Errors name the field.
pub enum Upload {
    Workspace(Workspace),
    Scenario(Value),
}

/// A file opened, with the values in it that need mending before it can run (as words for
/// the user: which field of which scenario, and why). A value typed into a number box is
/// kept as typed, and downloaded so, until it is mended: a file holding one opens with the
/// field marked, as it was when it was saved, rather than being refused and lost.
pub struct Opened {
    pub upload: Upload,
    pub attention: Vec<String>,
}

/// How many values a file may hold that need mending before it is refused as not a
/// scenario file at all.
const MAX_ATTENTION: usize = 64;

/// Read a scenario file. A file whose structure is wrong (not JSON, an unknown field, a
/// list where a number belongs) is refused with the field and the reason. A file whose
/// values are only ones the form itself can hold (text in a number box, a number out of
/// range) opens as it is, with those values listed in [`Opened::attention`].
pub fn parse_upload(text: &str) -> Result<Opened, String> {
    let value: Value = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
    if value.get("scenarios").is_some() {
        // The structure first (versions 1 and 2, the variants resolved), then every
        // scenario as an engine job so that every problem names its field.
        let ws: Workspace = serde_json::from_value(value.clone())
            .map_err(|e| format!("not a saved comparison: {e}"))?;
        let ws = ws.check()?;
        let job_value = serde_json::json!({
            "settings": ws.settings,
            "scenarios": ws.scenarios,
        });
        let template = serde_json::json!({
            "settings": engine::RunSettings::default(),
            "scenarios": vec![engine::defaults::default_scenario(); ws.scenarios.len()],
        });
        let (job, mut attention) = parse_mending::<engine::runner::Job>(&job_value, &template)?;
        if let Err(errors) = job.validate() {
            attention.extend(
                errors
                    .iter()
                    .map(|e| words(&e.path, &e.reason, &ws.scenarios)),
            );
        }
        return Ok(Opened {
            upload: Upload::Workspace(Workspace { active: 0, ..ws }),
            attention,
        });
    }
    let template =
        serde_json::to_value(engine::defaults::default_scenario()).map_err(|e| e.to_string())?;
    let (scenario, mut attention) = parse_mending::<engine::Scenario>(&value, &template)?;
    if let Err(errors) = scenario.validate() {
        attention.extend(errors.iter().map(|e| words(&e.path, &e.reason, &[])));
    }
    Ok(Opened {
        upload: Upload::Scenario(value),
        attention,
    })
}

/// Parse `value` as a `T`. Where the engine refuses a single value (text or a number where
/// another number belongs), that value is noted for the user and, in a copy, stood in for
/// by `template`'s at the same place, and the parse tried again; a fault of structure (or
/// a value with nothing to stand in for it) refuses the file, naming the field.
fn parse_mending<T: serde::de::DeserializeOwned>(
    value: &Value,
    template: &Value,
) -> Result<(T, Vec<String>), String> {
    let scenarios: Vec<Value> = value
        .get("scenarios")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let mut copy = value.clone();
    let mut attention = Vec::new();
    loop {
        let text = serde_json::to_string(&copy).map_err(|e| e.to_string())?;
        let e = match engine::validate::parse_json::<T>(&text) {
            Ok(parsed) => return Ok((parsed, attention)),
            Err(e) => e,
        };
        let refuse = || {
            format!(
                "{}: {}",
                e.field,
                crate::app::edit::friendly_reason(&e.reason)
            )
        };
        let at = crate::app::edit::Path(e.path.clone());
        let stand_in = match (
            crate::app::edit::get(&copy, &at),
            crate::app::edit::get(template, &at),
        ) {
            (Some(Value::String(_) | Value::Number(_)), Some(t @ Value::Number(_))) => t.clone(),
            _ => return Err(refuse()),
        };
        if attention.len() >= MAX_ATTENTION {
            return Err(refuse());
        }
        attention.push(words(&e.path, &e.reason, &scenarios));
        crate::app::edit::set(&mut copy, &at, stand_in).map_err(|_| refuse())?;
    }
}

/// A problem as the user reads it: the field's label (its path if it has none), in which
/// scenario, and why.
fn words(path: &engine::FieldPath, reason: &str, scenarios: &[Value]) -> String {
    use engine::path::Segment;
    let (within, field) = match path.segments() {
        [Segment::Key(k), Segment::Index(i), ..] if k == "scenarios" => {
            let name = scenarios
                .get(*i)
                .map(|s| crate::app::state::workspace::name_of(s, *i as u32 + 1))
                .unwrap_or_else(|| format!("scenario {}", i + 1));
            (
                format!(" in \u{201c}{name}\u{201d}"),
                engine::FieldPath(path.segments()[2..].to_vec()),
            )
        }
        [Segment::Key(k), ..] if k == "settings" => (
            " in the run settings".to_string(),
            engine::FieldPath(path.segments()[1..].to_vec()),
        ),
        _ => (String::new(), path.clone()),
    };
    let label = engine::catalog::lookup_path(&field)
        .map(|p| p.label.to_string())
        .unwrap_or_else(|| field.to_string());
    format!(
        "{label}{within}: {}",
        crate::app::edit::friendly_reason(reason)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn workspace_with_strategy() -> Workspace {
        let base = engine::defaults::default_scenario();
        let strategy = engine::defaults::strategy("homes").unwrap();
        let mut ws = Workspace::default_borough();
        ws.scenarios
            .push(serde_json::to_value(base.with_strategy(&strategy)).unwrap());
        ws.settings["seed"] = json!(u64::MAX - 7);
        ws.active = 1;
        ws.check().unwrap()
    }

    /// A share link and saved work made by the app before scenarios were built on a base
    /// (tests/e2e/fixtures): they open as variants of the baseline that resolve to exactly
    /// the scenarios they held, so they give the same numbers.
    #[test]
    fn old_links_and_saved_work_open_with_the_same_scenarios() {
        let fixture: Value =
            serde_json::from_str(include_str!("../../tests/e2e/fixtures/main-b0f8075.json"))
                .unwrap();
        let old_saved = &fixture["saved_state"];
        let old_scenarios = old_saved["scenarios"].as_array().unwrap();
        let fragment = fixture["share_fragment"].as_str().unwrap();
        let ws = decode(payload_of_fragment(fragment).unwrap()).unwrap();
        assert_eq!(ws.version, VERSION);
        let same = |a: &[Value], b: &[Value]| {
            a.len() == b.len()
                && a.iter()
                    .zip(b)
                    .all(|(x, y)| crate::app::state::saved::same_value(x, y))
        };
        assert!(same(&ws.scenarios, old_scenarios));
        assert_eq!(ws.variants.len(), 2);
        let homes = &ws.variants[1];
        assert_eq!(homes.name, "In-house homes (16 + 2 beds)");
        let own: Vec<String> = homes.overrides.iter().map(|o| o.path.to_string()).collect();
        assert_eq!(own, ["fostering.households"]);
        assert!(!homes.levers.is_empty());
        // The same job, hence the same numbers.
        let settings: engine::RunSettings = serde_json::from_value(ws.settings.clone()).unwrap();
        let job = ws.set().job(settings).unwrap();
        let old: Vec<engine::Scenario> = old_scenarios
            .iter()
            .map(|v| serde_json::from_value(v.clone()).unwrap())
            .collect();
        assert_eq!(job.scenarios, old);
        assert_eq!(job.comparators(), [0, 0]);
        // The saved state reads the same way (through the app's saved record).
        let saved = Workspace::from_json(&old_saved.to_string()).unwrap();
        assert!(same(&saved.scenarios, &ws.scenarios));
        assert_eq!(saved.variants.len(), 2);
        assert_eq!(
            saved.variants[1].overrides[0].path.to_string(),
            "fostering.households"
        );
        // And written again, it keeps its structure.
        assert_eq!(decode(&encode(&ws)).unwrap(), ws);
    }

    #[test]
    fn share_link_round_trips_exactly() {
        let ws = workspace_with_strategy();
        let url = link("http://127.0.0.1:8080/app/?x=1#old", &ws);
        assert!(url.starts_with("http://127.0.0.1:8080/app/?x=1#w="));
        let hash = &url[url.find('#').unwrap()..];
        let back = decode(payload_of_fragment(hash).unwrap()).unwrap();
        assert_eq!(back, ws);
        assert_eq!(back.settings["seed"].as_u64(), Some(u64::MAX - 7));
        // URL-safe and compact.
        let payload = encode(&ws);
        assert!(payload
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
        assert!(payload.len() < 8000, "{}", payload.len());
    }

    #[test]
    fn invalid_values_are_shared_as_typed() {
        let mut ws = Workspace::default_borough();
        ws.scenarios[0]["demand"]["groups_per_month"] = json!("ten");
        assert_eq!(decode(&encode(&ws)).unwrap(), ws);
    }

    #[test]
    fn damaged_links_are_refused_with_a_reason() {
        assert!(decode("!!!").unwrap_err().contains("damaged"));
        assert!(decode("AAAA").unwrap_err().contains("damaged"));
        let not_ws = URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(b"{\"a\":1}", 9));
        assert!(decode(&not_ws).is_err());
        let too_many = Workspace {
            scenarios: vec![json!({}); MAX_SCENARIOS + 1],
            ..Workspace::default_borough()
        };
        assert!(decode(&encode(&too_many))
            .unwrap_err()
            .contains("there are 9 scenarios; at most 8 can be compared"));
        assert_eq!(payload_of_fragment("#w=abc"), Some("abc"));
        assert_eq!(payload_of_fragment("#x=1&w=abc"), Some("abc"));
        assert_eq!(payload_of_fragment("#other"), None);
    }

    fn workspace_of(opened: Opened) -> (Workspace, Vec<String>) {
        match opened.upload {
            Upload::Workspace(w) => (w, opened.attention),
            Upload::Scenario(_) => panic!("a workspace"),
        }
    }

    #[test]
    fn uploads_name_the_field() {
        let ws = workspace_with_strategy();
        let (w, attention) = workspace_of(parse_upload(&ws.to_json()).unwrap());
        assert_eq!(w.scenarios.len(), 2);
        assert_eq!(w.settings, ws.settings);
        assert!(attention.is_empty(), "{attention:?}");
        let one = serde_json::to_string(&engine::defaults::default_scenario()).unwrap();
        let opened = parse_upload(&one).unwrap();
        assert!(matches!(opened.upload, Upload::Scenario(_)));
        assert!(opened.attention.is_empty());

        // Faults of structure refuse the file, naming the field.
        let mut bad = ws.clone();
        bad.scenarios[0]["fostering"]["places"] = json!({"a": 1});
        let e = parse_upload(&bad.to_json()).err().unwrap();
        assert!(e.contains("scenarios[0].fostering.places"), "{e}");

        let mut s = serde_json::to_value(engine::defaults::default_scenario()).unwrap();
        s["demand"]["typo"] = json!(1);
        let e = parse_upload(&s.to_string()).err().unwrap();
        assert!(e.starts_with("demand"), "{e}");
        assert!(e.contains("unknown field"), "{e}");
        assert!(parse_upload("not json").is_err());
    }

    /// What the form holds, it downloads, and what it downloads opens: a value typed into a
    /// number box that is not a number (or is out of range) is kept as typed and listed for
    /// mending, in words, not refused with the whole file.
    #[test]
    fn a_file_saved_with_a_value_to_mend_opens_with_it_marked() {
        let ws = workspace_with_strategy();
        let mut bad = ws.clone();
        bad.scenarios[0]["demand"]["groups_per_month"] = json!("10,2");
        bad.scenarios[0]["fostering"]["places"] = json!([0.5, 0.5, 0.5]);
        let (w, attention) = workspace_of(parse_upload(&bad.to_json()).unwrap());
        // Kept as typed, so the form shows it as it was.
        assert_eq!(w.scenarios[0]["demand"]["groups_per_month"], json!("10,2"));
        let all = attention.join("\n");
        assert!(
            all.contains(
                "Sibling groups admitted a month in \u{201c}Baseline\u{201d}: must be a number"
            ),
            "{all}"
        );
        assert!(all.contains("10,2"), "{all}");
        assert!(!all.contains("scenarios["), "labels, not paths: {all}");
        assert!(attention.len() >= 2, "{all}");

        // An older file (full scenarios only), and a variant's own bad value.
        let mut old = ws.clone();
        old.version = 1;
        old.variants.clear();
        old.scenarios[1]["demand"]["entry_age"][2] = json!("x");
        let (_, attention) = workspace_of(parse_upload(&old.to_json()).unwrap());
        assert_eq!(attention.len(), 1, "{attention:?}");
        assert!(attention[0].contains("must be a number"), "{attention:?}");
        let mut bad = ws.clone();
        let mut ages = bad.scenarios[0]["demand"]["entry_age"].clone();
        ages[2] = json!("x");
        bad.variants[0].overrides.push(engine::workspace::Override {
            path: engine::FieldPath::parse("demand.entry_age").unwrap(),
            value: ages,
        });
        let (w, attention) = workspace_of(parse_upload(&bad.to_json()).unwrap());
        assert_eq!(w.scenarios[1]["demand"]["entry_age"][2], json!("x"));
        assert_eq!(attention.len(), 1, "{attention:?}");

        // A number the validation refuses opens too, named.
        let mut neg = ws;
        neg.scenarios[0]["fostering"]["attrition_later"] = json!(-0.1);
        let (_, attention) = workspace_of(parse_upload(&neg.to_json()).unwrap());
        assert!(!attention.is_empty());
        assert!(!attention.join(" ").contains("scenarios["), "{attention:?}");
    }
}
