//! Shared labels and texts of the catalogue: the element labels of arrays (age bands, months,
//! group sizes, ...) and the help and source texts the three duration distributions share.

pub(super) const NONE: &[&str] = &[];
pub(super) const AGE_BANDS: &[&str] = &["under 1", "1-4", "5-9", "10-15", "16-17"];
pub(super) const MONTHS: &[&str] = &crate::types::MONTH_NAMES;
pub(super) const GROUP_SIZES: &[&str] = &[
    "1 child",
    "2 children",
    "3 children",
    "4 children",
    "5 children",
    "6 children",
    "7 children",
    "8 children",
];
pub(super) const PLACES: &[&str] = &["1 place", "2 places", "3 places"];
pub(super) const CHOICES: &[&str] = &[
    "1st choice",
    "2nd choice",
    "3rd choice",
    "4th choice",
    "5th choice",
    "6th choice",
    "7th choice",
];

// Shared texts for the three duration distributions.
pub(super) const FAMILY_HELP: &str =
    "Which shape of distribution: exponential (set mean_months), gamma (mean_months and shape), \
lognormal (median_months and sigma) or empirical (points).";
pub(super) const FAMILY_SOURCE: &str =
    "Modelling assumption: gamma for all three routes by default, because it lets the average and \
the spread be set separately; no durations are published in the references.";
pub(super) const MEAN_HELP: &str = "Average months from entering care to leaving by this route.";
pub(super) const SHAPE_HELP: &str =
    "Gamma shape: 1 is the exponential (many short stays and a long tail); larger values cluster \
times around the average (coefficient of variation 1/√shape).";
pub(super) const MEDIAN_HELP: &str = "Middle time in care by this route, in months: half of these children leave sooner, half later.";
pub(super) const SIGMA_HELP: &str = "Spread of the lognormal family on the log scale: 0.5 means a quarter of stays are under about 0.7 \
times the median and a quarter over about 1.4 times.";
pub(super) const POINTS_HELP: &str = "The time in care point by point (for a council's own figures): after each number of months, \
the share of these children who have left. Months must increase and the last share must be 1; straight lines in between.";
pub(super) const UNUSED_LOGNORMAL: &str =
    "Modelling assumption: not used by the default, which sets an average and a spread; there is no \
figure for it in the references.";
pub(super) const UNUSED_POINTS: &str =
    "Modelling assumption: not used by the default, which sets an average and a spread; meant for a \
council's own durations from its SSDA903 returns, which the references do not give.";
