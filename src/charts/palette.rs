//! Colours and dash patterns. Colour-blind safe (blues for the main fan; Okabe-Ito hues,
//! darkened for contrast on white, for comparisons and stacked layers) and readable in
//! black and white: the fan's bands are three distinct lightnesses and comparison lines
//! differ by dash pattern as well as colour.

/// Main fan, lightest to darkest band, and its median line.
pub const BAND_5_95: &str = "#dbe9f6";
pub const BAND_10_90: &str = "#a6c8e6";
pub const BAND_25_75: &str = "#5f9fd3";
pub const MEDIAN: &str = "#08306b";

/// Comparison series: line colours and dash patterns, by index (cycled). Eight of each, so
/// the main scenario and up to eight others each have their own colour and pattern.
pub const COMPARISON: [&str; 8] = [
    "#c24e00", "#00775a", "#a0467f", "#7a5c00", "#0086b3", "#5e3c99", "#4d4d4d", "#b2182b",
];
pub const DASHES: [&str; 8] = [
    "7 4",
    "2 3",
    "9 3 2 3",
    "14 5",
    "5 2 1 2 1 2",
    "11 3 3 3",
    "3 6",
    "16 3 2 3 2 3",
];
/// Fill opacity of a comparison's 10th-90th band.
pub const COMPARISON_BAND_OPACITY: &str = "0.1";
/// Stroke opacity of the thin edges of a comparison's band.
pub const COMPARISON_EDGE_OPACITY: &str = "0.75";

/// The previous result's trace in the presentation view, and its band's fill opacity.
pub const TRACE: &str = "#6e7781";
pub const TRACE_BAND_OPACITY: &str = "0.16";
/// A facilitator's target line.
pub const TARGET: &str = "#111111";

/// Sample paths.
pub const SAMPLE: &str = "#5c5c5c";
pub const SAMPLE_OPACITY: &str = "0.55";

/// Axes, grid and text.
pub const TEXT: &str = "#1a1a1a";
pub const GRID: &str = "#dde1e6";
pub const AXIS: &str = "#6b6f75";
pub const ZERO: &str = "#1a1a1a";

/// Stacked layers, bottom first (cycled).
pub const LAYERS: [&str; 10] = [
    "#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#8c8c8c",
    "#332288", "#44aa99",
];

/// The sensitivity charts: a bar's part with an assumption at the low and at the high end
/// of its plausible range (the tornado), and an outcome that rises or falls as an
/// assumption rises (the ranking with all assumptions varying together).
pub const LOW_END: &str = LAYERS[0];
pub const HIGH_END: &str = LAYERS[1];
pub const RISES: &str = COMPARISON[0];
pub const FALLS: &str = LAYERS[0];

/// Colour of comparison `k`.
pub fn comparison(k: usize) -> &'static str {
    COMPARISON[k % COMPARISON.len()]
}

/// Dash pattern of comparison `k`.
pub fn dash(k: usize) -> &'static str {
    DASHES[k % DASHES.len()]
}

/// Colour of stacked layer `k`.
pub fn layer(k: usize) -> &'static str {
    LAYERS[k % LAYERS.len()]
}
