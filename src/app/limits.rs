//! The app's limits, each in one place: how many scenarios are compared, how large a file
//! is read, and how long free text may be (the form's `maxlength` matches the engine's
//! checks, so text is never cut short by one and refused by the other).

/// The most scenarios compared at once: the baseline and seven others. The engine runs
/// this many together (`engine::runner::MAX_SCENARIOS`).
pub const MAX_SCENARIOS: usize = engine::limits::MAX_SCENARIOS;

/// The largest scenario file read (bytes). A workspace of eight scenarios is about
/// 150 kB as downloaded; anything far larger is not a scenario file, and reading it
/// would freeze or crash the page.
pub const MAX_FILE_BYTES: u64 = 2 << 20;

/// The longest name of a scenario or a home (characters), as the engine checks.
pub const NAME_CHARS: usize = engine::limits::MAX_NAME_CHARS;

/// The longest description of a scenario (characters).
pub const DESCRIPTION_CHARS: usize = engine::limits::MAX_DESCRIPTION_CHARS;

/// The longest text typed as a number (characters): any number the engine takes is far
/// shorter.
pub const NUMBER_CHARS: usize = 40;

/// "2 MB" for a number of bytes (for messages).
pub fn size_text(bytes: u64) -> String {
    let mb = bytes as f64 / f64::from(1 << 20);
    if mb >= 10.0 {
        format!("{mb:.0} MB")
    } else if mb >= 0.1 {
        format!("{mb:.1} MB").replace(".0 MB", " MB")
    } else {
        format!("{:.0} kB", bytes as f64 / 1024.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_app_compares_as_many_scenarios_as_the_engine_runs() {
        assert_eq!(MAX_SCENARIOS, engine::runner::MAX_SCENARIOS);
    }

    #[test]
    fn sizes_read_as_people_say_them() {
        assert_eq!(size_text(MAX_FILE_BYTES), "2 MB");
        assert_eq!(size_text(50 << 20), "50 MB");
        assert_eq!(size_text(3 * (1 << 20) / 2), "1.5 MB");
        assert_eq!(size_text(2048), "2 kB");
    }
}
