//! Reading scenario files (`--scenario`, `--compare`): bounded in size, so that a wrong
//! name (`/dev/zero`, a huge log) is refused at once instead of filling memory, and parse
//! errors name the option, the file and the field.

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
