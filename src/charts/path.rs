//! SVG path data ("d" strings) from points in pixel space: pure, no Yew. Coordinates are
//! written with one decimal; a point with a non-finite coordinate breaks the line (or band)
//! into separate pieces instead of reaching the SVG.

use std::fmt::Write;

/// A number for an SVG attribute: one decimal, never "-0.0", never NaN (0 instead).
pub fn num(v: f64) -> String {
    if !v.is_finite() {
        return "0".into();
    }
    let s = format!("{:.1}", v.clamp(-1e7, 1e7));
    if s == "-0.0" {
        "0.0".into()
    } else {
        s
    }
}

fn finite(p: (f64, f64)) -> bool {
    p.0.is_finite() && p.1.is_finite()
}

/// Runs of consecutive indices `0..n` for which `ok` holds.
fn runs(n: usize, ok: impl Fn(usize) -> bool) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for i in 0..n {
        match (ok(i), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(s..n);
    }
    out
}

fn push_point(d: &mut String, cmd: char, p: (f64, f64)) {
    // Writing to a String cannot fail.
    let _ = write!(d, "{cmd}{},{}", num(p.0), num(p.1));
}

/// A polyline through `points`: "M10.0,20.0L30.0,40.0". Empty when there are no finite
/// points; a single point gives a zero-length segment (so round line caps show it as a dot).
pub fn line_path(points: &[(f64, f64)]) -> String {
    let mut d = String::new();
    for r in runs(points.len(), |i| finite(points[i])) {
        let run = &points[r];
        for (k, p) in run.iter().enumerate() {
            push_point(&mut d, if k == 0 { 'M' } else { 'L' }, *p);
        }
        if run.len() == 1 {
            push_point(&mut d, 'L', run[0]);
        }
    }
    d
}

/// A closed area between `upper` and `lower` (paired by index; the shorter length wins):
/// along `upper` forwards, back along `lower`, then "Z". Pieces are split where a point is
/// not finite.
pub fn band_path(upper: &[(f64, f64)], lower: &[(f64, f64)]) -> String {
    let n = upper.len().min(lower.len());
    let mut d = String::new();
    for r in runs(n, |i| finite(upper[i]) && finite(lower[i])) {
        for (k, p) in upper[r.clone()].iter().enumerate() {
            push_point(&mut d, if k == 0 { 'M' } else { 'L' }, *p);
        }
        for p in lower[r].iter().rev() {
            push_point(&mut d, 'L', *p);
        }
        d.push('Z');
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(num(1.25), "1.2");
        assert_eq!(num(1.26), "1.3");
        assert_eq!(num(-0.04), "0.0");
        assert_eq!(num(-3.0), "-3.0");
        assert_eq!(num(f64::NAN), "0");
        assert_eq!(num(1e300), "10000000.0");
    }

    #[test]
    fn lines() {
        assert_eq!(line_path(&[]), "");
        assert_eq!(line_path(&[(1.0, 2.0)]), "M1.0,2.0L1.0,2.0");
        assert_eq!(
            line_path(&[(0.0, 10.0), (5.55, 2.0), (10.0, 0.04)]),
            "M0.0,10.0L5.5,2.0L10.0,0.0"
        );
        assert_eq!(
            line_path(&[(0.0, 1.0), (1.0, f64::NAN), (2.0, 3.0), (3.0, 4.0)]),
            "M0.0,1.0L0.0,1.0M2.0,3.0L3.0,4.0"
        );
        assert_eq!(line_path(&[(f64::NAN, 1.0)]), "");
    }

    #[test]
    fn bands() {
        assert_eq!(band_path(&[], &[]), "");
        assert_eq!(
            band_path(&[(0.0, 1.0), (1.0, 2.0)], &[(0.0, 5.0), (1.0, 6.0)]),
            "M0.0,1.0L1.0,2.0L1.0,6.0L0.0,5.0Z"
        );
        assert_eq!(
            band_path(
                &[(0.0, 1.0), (1.0, 2.0), (2.0, 3.0)],
                &[(0.0, 5.0), (1.0, f64::INFINITY)]
            ),
            "M0.0,1.0L0.0,5.0Z"
        );
    }
}
