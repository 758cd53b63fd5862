//! Every limit on the input, defined once: validation (`validate/`, `runner.rs`) checks
//! against these, and the app and the CLI use the same constants for their own bounds
//! (form `maxlength`s, the scenario list, `--runs`), so that what one accepts the others
//! accept too.
//!
//! The ranges of rates, shares and multipliers (a probability is 0-1, a multiplier 0-10)
//! stay beside their checks; these are the sizes and counts.

// ---------------------------------------------------------------- a job

/// Most scenarios compared in one job (the baseline and the strategies).
pub const MAX_SCENARIOS: usize = 8;
/// Fewest and most Monte Carlo runs in a job.
pub const MIN_REPLICATIONS: u32 = 1;
pub const MAX_REPLICATIONS: u32 = 1_000_000;
/// Longest horizon, in months (10 years).
pub const MAX_HORIZON_MONTHS: u32 = 120;
/// Most financial years a budget can be set for: the longest horizon touches 11.
pub const MAX_BUDGET_YEARS: usize = 11;

// ---------------------------------------------------------------- free text

/// Longest scenario name, in characters (Unicode scalar values).
pub const MAX_NAME_CHARS: usize = 120;
/// Longest scenario description, in characters.
pub const MAX_DESCRIPTION_CHARS: usize = 2_000;
/// Longest children's home name, in characters.
pub const MAX_HOME_NAME_CHARS: usize = 120;

// ---------------------------------------------------------------- the calendar

/// Earliest and latest calendar year a scenario may start in.
pub const MIN_START_YEAR: i32 = 1990;
pub const MAX_START_YEAR: i32 = 2100;

// ---------------------------------------------------------------- demand and population

/// Most sibling groups admitted a month, at the start and as trend and seasonality take it
/// by the end of the horizon.
pub const MAX_GROUPS_PER_MONTH: f64 = 100.0;
/// Largest sibling group (the length of `demand.group_size`).
pub const MAX_GROUP_SIZE: usize = 8;
/// Most children in care at the start.
pub const MAX_CHILDREN: u32 = 10_000;
/// Oldest age in care, in whole years (a child leaves care at 18).
pub const MAX_AGE: u8 = 17;
/// Most placement moves in the last 12 months of a listed starting child
/// (`population.listed`).
pub const MAX_START_MOVES: u32 = 50;
/// How far (in months) a listed starting child's age may differ from their age at entry
/// plus their months in care (ages and months are rounded in the returns).
pub const START_AGE_TOLERANCE_MONTHS: f64 = 1.0;

// ---------------------------------------------------------------- carers and homes

/// Most approved foster households at the start.
pub const MAX_HOUSEHOLDS: u32 = 100_000;
/// Most fostering enquiries a month.
pub const MAX_ENQUIRIES_PER_MONTH: f64 = 10_000.0;
/// Most in-house children's homes at the start, and beds in one home.
pub const MAX_HOMES: usize = 200;
pub const MAX_BEDS_PER_HOME: u32 = 100;
/// Most children a bought-in market can take at once (when it has a limit).
pub const MAX_MARKET_PLACES: u32 = 100_000;

// ---------------------------------------------------------------- rules, durations, levers

/// Most matching rules.
pub const MAX_MATCH_RULES: usize = 50;
/// Fewest and most points of an empirical duration distribution.
pub const MIN_EMPIRICAL_POINTS: usize = 2;
pub const MAX_EMPIRICAL_POINTS: usize = 200;
/// Longest average or median duration in care, in months (20 years).
pub const MAX_DURATION_MONTHS: f64 = 240.0;
/// Most levers in a scenario, and homes a new-homes lever opens.
pub const MAX_LEVERS: usize = 50;
pub const MAX_LEVER_HOMES: usize = 50;

// Stability. With the demand limits above, these bound the events one run simulates, so
// that any valid scenario runs in about two seconds of one core and ~110 MB (measured:
// docs/performance.md, "Scaling with the borough's size").

/// Highest yearly breakdown hazard of any placement type.
pub const MAX_BREAKDOWN_PER_YEAR: f64 = 2.0;
/// Highest multiplier of the breakdown hazard per recent placement.
pub const MAX_REPEAT_MULTIPLIER: f64 = 3.0;
