//! Charts: pure scales, ticks, SVG paths and chart geometry (natively tested) and the Yew
//! chart, table and tile components built on them.
//!
//! * pure: [`scale`] (linear scale, nice ticks, month ticks), [`path`] (SVG path data),
//!   [`layout`] (the plotting frame), [`geom`] (what each chart draws), [`text`] (summaries,
//!   captions, legend sentences), [`rows`] (table contents), [`palette`], [`stage`] (the
//!   presentation chart's held axis, trace, target, time clipping and end labels; its
//!   legend is `stage_legend`),
//!   [`observed`] (observed series from returns over a fan, as SVG text).
//! * components (the fan's SVG, shared by the fan, difference and presentation charts, in
//!   `fan_svg`): [`FanChart`], [`DifferenceChart`], [`StageChart`], [`StackedChart`], [`DataTable`],
//!   [`Tile`], [`ProbabilityTile`]. No inline styles anywhere (the page's CSP forbids
//!   them): colours are SVG presentation attributes, layout is in `styles/charts.css`.

pub mod geom;
pub mod layout;
pub mod observed;
pub mod palette;
pub mod path;
pub mod rows;
pub mod scale;
pub mod stage;
pub mod text;

mod fan;
mod fan_svg;
mod stacked;
mod stage_chart;
mod stage_legend;
mod svg;
mod table;
mod tile;

#[cfg(test)]
mod test_data;
#[cfg(test)]
mod tests;

pub use fan::{DifferenceChart, DifferenceChartProps, FanChart, FanChartProps};
pub use stacked::{StackedChart, StackedChartProps};
pub use stage_chart::{stage_domain, StageChart, StageChartProps, TargetMark, STAGE_HEIGHT};
pub use table::{DataTable, DataTableProps, TableData, TableToggle, TableToggleProps};
pub use tile::{ProbabilityTile, ProbabilityTileProps, Tile, TileProps};

use engine::report::Stat;

/// One named series of monthly statistics.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub label: String,
    pub stats: Vec<Stat>,
}
