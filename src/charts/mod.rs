//! Charts: pure scales, ticks and SVG paths (natively tested) and the Yew chart and table
//! components built on them.
