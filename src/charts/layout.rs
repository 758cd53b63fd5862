//! The plotting frame shared by every chart: a fixed viewBox, margins, the x scale over
//! month indices and the y scale snapped to nice ticks, with formatted tick labels. Pure.

use engine::metrics::Unit;

use super::scale::{domain, nice_ticks, tick_step, time_ticks, LinearScale};
use crate::format;

/// ViewBox width; charts scale to their container with CSS. Sized for containers of about
/// 420-900 px; styles/charts.css resizes the text for narrow and wide containers.
pub const WIDTH: f64 = 560.0;
/// ViewBox height of a full-size chart.
pub const HEIGHT: f64 = 280.0;
pub const MARGIN_LEFT: f64 = 64.0;
pub const MARGIN_RIGHT: f64 = 18.0;
pub const MARGIN_TOP: f64 = 12.0;
pub const MARGIN_BOTTOM: f64 = 30.0;
/// At most this many y ticks (fewer on short charts: one per 28 units of height).
pub const MAX_Y_TICKS: usize = 8;
/// At most this many x ticks.
pub const MAX_X_TICKS: usize = 7;

#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// Pixel position along the axis.
    pub pos: f64,
    pub label: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Frame {
    pub width: f64,
    pub height: f64,
    pub x: LinearScale,
    pub y: LinearScale,
    pub x_ticks: Vec<Tick>,
    pub y_ticks: Vec<Tick>,
    /// Pixel y of the value 0, when 0 is inside the y domain.
    pub zero_y: Option<f64>,
    /// Extra width right of the plotting area (for direct labels at the lines' ends).
    pub right_room: f64,
}

impl Frame {
    /// A frame of `height` for `months` whose y axis covers `values` (and 0 when
    /// `include_zero`), with tick labels in `unit`.
    pub fn new(
        unit: Unit,
        months: &[String],
        values: impl IntoIterator<Item = f64>,
        include_zero: bool,
        height: f64,
    ) -> Frame {
        Frame::labelled(months, values, include_zero, height, |t, step, max_abs| {
            format::tick(unit, t, step, max_abs)
        })
    }

    /// A frame for differences (0 always included), its ticks labelled as differences: a
    /// difference of shares in points ([`format::tick_change`]).
    pub fn difference(
        unit: Unit,
        months: &[String],
        values: impl IntoIterator<Item = f64>,
        height: f64,
    ) -> Frame {
        Frame::labelled(months, values, true, height, |t, step, max_abs| {
            format::tick_change(unit, t, step, max_abs)
        })
    }

    /// [`Frame::new`] with the y ticks labelled by `label(value, step, largest size)`.
    fn labelled(
        months: &[String],
        values: impl IntoIterator<Item = f64>,
        include_zero: bool,
        height: f64,
        label: impl Fn(f64, f64, f64) -> String,
    ) -> Frame {
        let height = if height.is_finite() && height > MARGIN_TOP + MARGIN_BOTTOM + 20.0 {
            height
        } else {
            HEIGHT
        };
        let (lo, hi) = domain(values, include_zero);
        let room = ((height - MARGIN_TOP - MARGIN_BOTTOM) / 28.0) as usize;
        let ticks = nice_ticks(lo, hi, room.clamp(3, MAX_Y_TICKS));
        let (y0, y1) = match (ticks.first(), ticks.last()) {
            (Some(a), Some(b)) if a < b => (*a, *b),
            _ => (lo, hi),
        };
        let x = LinearScale::new(
            (0.0, months.len().saturating_sub(1) as f64),
            (MARGIN_LEFT, WIDTH - MARGIN_RIGHT),
        );
        let y = LinearScale::new((y0, y1), (height - MARGIN_BOTTOM, MARGIN_TOP));
        let step = tick_step(&ticks);
        let max_abs = ticks.iter().fold(0.0f64, |m, t| m.max(t.abs()));
        let y_ticks = ticks
            .iter()
            .map(|&t| Tick {
                pos: y.map(t),
                label: label(t, step, max_abs),
            })
            .collect();
        let x_ticks = time_ticks(months, MAX_X_TICKS)
            .into_iter()
            .map(|t| Tick {
                pos: x.map(t.index as f64),
                label: t.label,
            })
            .collect();
        let zero_y = (y0 <= 0.0 && 0.0 <= y1).then(|| y.map(0.0));
        Frame {
            width: WIDTH,
            height,
            x,
            y,
            x_ticks,
            y_ticks,
            zero_y,
            right_room: 0.0,
        }
    }

    /// The same frame, `room` wider, the extra width right of the plotting area (for labels
    /// at the ends of the lines).
    pub fn with_right_room(mut self, room: f64) -> Frame {
        let room = if room.is_finite() { room.max(0.0) } else { 0.0 };
        self.width += room - self.right_room;
        self.right_room = room;
        self
    }

    /// Left, right, top and bottom pixel edges of the plotting area.
    pub fn left(&self) -> f64 {
        MARGIN_LEFT
    }
    pub fn right(&self) -> f64 {
        self.width - MARGIN_RIGHT - self.right_room
    }
    pub fn top(&self) -> f64 {
        MARGIN_TOP
    }
    pub fn bottom(&self) -> f64 {
        self.height - MARGIN_BOTTOM
    }

    /// Pixel points of `values` by month index.
    pub fn points(&self, values: impl IntoIterator<Item = f64>) -> Vec<(f64, f64)> {
        values
            .into_iter()
            .enumerate()
            .map(|(i, v)| {
                // Keep non-finite values non-finite so the path breaks there.
                let y = if v.is_finite() {
                    self.y.map(v)
                } else {
                    f64::NAN
                };
                (self.x.map(i as f64), y)
            })
            .collect()
    }

    /// The viewBox attribute.
    pub fn view_box(&self) -> String {
        format!("0 0 {} {}", self.width, self.height)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::test_data::months;

    #[test]
    fn frame_snaps_y_to_ticks_and_labels_them() {
        let f = Frame::new(Unit::Children, &months(60), [548.0, 620.0], false, HEIGHT);
        let labels: Vec<&str> = f.y_ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["540", "560", "580", "600", "620"]);
        assert_eq!(f.y.map(540.0), HEIGHT - MARGIN_BOTTOM);
        assert_eq!(f.y.map(620.0), MARGIN_TOP);
        assert_eq!(f.zero_y, None);
        assert_eq!(f.x.map(0.0), MARGIN_LEFT);
        assert_eq!(f.x.map(59.0), WIDTH - MARGIN_RIGHT);
        assert_eq!(f.x_ticks.len(), 5);
        assert_eq!(f.view_box(), "0 0 560 280");
    }

    #[test]
    fn frame_with_zero_line_and_pounds() {
        let f = Frame::new(Unit::Pounds, &months(24), [-1.2e6, 2.6e6], true, 200.0);
        let labels: Vec<&str> = f.y_ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["\u{2212}£2M", "£0", "£2M", "£4M"]);
        assert!(f.zero_y.is_some());
        assert_eq!(f.height, 200.0);
        let short = Frame::new(Unit::Pounds, &months(24), [-1.2e6, 2.6e6], true, 150.0);
        assert_eq!(short.y_ticks.len(), 3);
    }

    #[test]
    fn frame_for_shares() {
        let f = Frame::new(Unit::BasisPoints, &months(12), [0.12, 0.31], false, HEIGHT);
        let labels: Vec<&str> = f.y_ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["10%", "15%", "20%", "25%", "30%", "35%"]);
        let f = Frame::new(
            Unit::BasisPoints,
            &months(12),
            [0.001, 0.012],
            false,
            HEIGHT,
        );
        assert_eq!(f.y_ticks[1].label, "0.2%");
    }

    #[test]
    fn frame_is_finite_for_empty_and_bad_data() {
        for (m, vals) in [
            (0, vec![]),
            (1, vec![f64::NAN]),
            (1, vec![3.0]),
            (5, vec![f64::INFINITY]),
        ] {
            let f = Frame::new(Unit::Count, &months(m), vals, false, f64::NAN);
            assert!(f.x.map(0.0).is_finite());
            assert!(f.y_ticks.iter().all(|t| t.pos.is_finite()));
            assert_eq!(f.height, HEIGHT);
        }
        let f = Frame::new(Unit::Count, &months(3), [1.0, 2.0], false, HEIGHT);
        let pts = f.points([1.0, f64::NAN]);
        assert!(pts[1].1.is_nan());
        assert_eq!(pts[0].0, MARGIN_LEFT);
    }
}
