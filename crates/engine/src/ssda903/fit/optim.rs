//! Small numerical tools the fit needs: Nelder-Mead minimisation, a finite-difference
//! Hessian, and the inverse of a small symmetric matrix. Plain `f64` arithmetic, no
//! allocation beyond a few vectors, never a panic (a singular matrix gives `None`).

/// Minimises `f` from `start` by the Nelder-Mead simplex with initial steps `step`, for at
/// most `max_evals` evaluations. Non-finite values count as +infinity. Returns the best
/// point and its value.
pub fn nelder_mead(
    f: &mut dyn FnMut(&[f64]) -> f64,
    start: &[f64],
    step: f64,
    max_evals: usize,
    tolerance: f64,
) -> (Vec<f64>, f64) {
    let n = start.len();
    let mut eval = |x: &[f64]| {
        let v = f(x);
        if v.is_finite() {
            v
        } else {
            f64::INFINITY
        }
    };
    let mut simplex: Vec<(Vec<f64>, f64)> = Vec::with_capacity(n + 1);
    simplex.push((start.to_vec(), eval(start)));
    for i in 0..n {
        let mut x = start.to_vec();
        x[i] += step;
        let v = eval(&x);
        simplex.push((x, v));
    }
    let mut evals = n + 1;
    while evals < max_evals {
        simplex.sort_by(|a, b| a.1.total_cmp(&b.1));
        let (best, worst) = (simplex[0].1, simplex[n].1);
        if (worst - best).abs() <= tolerance * (1.0 + best.abs()) && worst.is_finite() {
            break;
        }
        let centroid: Vec<f64> = (0..n)
            .map(|j| simplex[..n].iter().map(|p| p.0[j]).sum::<f64>() / n as f64)
            .collect();
        let toward = |t: f64, from: &[f64]| -> Vec<f64> {
            centroid
                .iter()
                .zip(from)
                .map(|(c, w)| c + t * (c - w))
                .collect()
        };
        let reflected = toward(1.0, &simplex[n].0);
        let fr = eval(&reflected);
        evals += 1;
        if fr < simplex[0].1 {
            let expanded = toward(2.0, &simplex[n].0);
            let fe = eval(&expanded);
            evals += 1;
            simplex[n] = if fe < fr {
                (expanded, fe)
            } else {
                (reflected, fr)
            };
        } else if fr < simplex[n - 1].1 {
            simplex[n] = (reflected, fr);
        } else {
            let contracted = toward(-0.5, &simplex[n].0);
            let fc = eval(&contracted);
            evals += 1;
            if fc < simplex[n].1.min(fr) {
                simplex[n] = (contracted, fc);
            } else {
                // Shrink toward the best point.
                let b = simplex[0].0.clone();
                for p in simplex.iter_mut().skip(1) {
                    for (x, bx) in p.0.iter_mut().zip(&b) {
                        *x = bx + 0.5 * (*x - bx);
                    }
                    p.1 = eval(&p.0);
                    evals += 1;
                }
            }
        }
    }
    simplex.sort_by(|a, b| a.1.total_cmp(&b.1));
    let (x, v) = simplex.swap_remove(0);
    (x, v)
}

/// The Hessian of `f` at `x` by central differences with step `h` (relative to 1 + |x|).
pub fn hessian(f: &mut dyn FnMut(&[f64]) -> f64, x: &[f64], h: f64) -> Vec<Vec<f64>> {
    let n = x.len();
    let steps: Vec<f64> = x.iter().map(|v| h * (1.0 + v.abs())).collect();
    let mut at = |dx: &[(usize, f64)]| {
        let mut y = x.to_vec();
        for (i, d) in dx {
            y[*i] += d;
        }
        f(&y)
    };
    let f0 = at(&[]);
    let mut out = vec![vec![0.0; n]; n];
    for i in 0..n {
        let hi = steps[i];
        let fp = at(&[(i, hi)]);
        let fm = at(&[(i, -hi)]);
        out[i][i] = (fp - 2.0 * f0 + fm) / (hi * hi);
        for j in 0..i {
            let hj = steps[j];
            let v = (at(&[(i, hi), (j, hj)]) - at(&[(i, hi), (j, -hj)]) - at(&[(i, -hi), (j, hj)])
                + at(&[(i, -hi), (j, -hj)]))
                / (4.0 * hi * hj);
            out[i][j] = v;
            out[j][i] = v;
        }
    }
    out
}

/// The inverse of a square matrix by Gauss-Jordan elimination with partial pivoting;
/// `None` when it is singular (or nearly) or holds a non-finite value.
pub fn invert(m: &[Vec<f64>]) -> Option<Vec<Vec<f64>>> {
    let n = m.len();
    let scale = m
        .iter()
        .flatten()
        .fold(0.0f64, |a, v| a.max(v.abs()))
        .max(f64::MIN_POSITIVE);
    let mut a: Vec<Vec<f64>> = m
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let mut r = row.clone();
            r.extend((0..n).map(|j| if i == j { 1.0 } else { 0.0 }));
            r
        })
        .collect();
    for col in 0..n {
        let pivot = (col..n).max_by(|&p, &q| a[p][col].abs().total_cmp(&a[q][col].abs()))?;
        let big = a[pivot][col].abs() > 1e-12 * scale;
        if !big {
            return None;
        }
        a.swap(col, pivot);
        let p = a[col][col];
        for v in a[col].iter_mut() {
            *v /= p;
        }
        let pivot_row = a[col].clone();
        for (r, row) in a.iter_mut().enumerate() {
            if r != col {
                let factor = row[col];
                if factor != 0.0 {
                    for (v, pv) in row.iter_mut().zip(&pivot_row) {
                        *v -= factor * pv;
                    }
                }
            }
        }
    }
    let inv: Vec<Vec<f64>> = a.into_iter().map(|r| r[n..].to_vec()).collect();
    inv.iter().flatten().all(|v| v.is_finite()).then_some(inv)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minimises_a_quadratic_and_inverts_its_hessian() {
        let mut f = |x: &[f64]| (x[0] - 1.0).powi(2) * 2.0 + (x[1] + 3.0).powi(2) + x[0] * x[1];
        let (x, _) = nelder_mead(&mut f, &[0.0, 0.0], 0.5, 2000, 1e-14);
        // Minimum of 2(a-1)^2 + (b+3)^2 + ab: gradient 4(a-1) + b = 0, 2(b+3) + a = 0.
        let (a, b) = (2.0, -4.0);
        assert!((x[0] - a).abs() < 1e-4 && (x[1] - b).abs() < 1e-4, "{x:?}");
        let h = hessian(&mut f, &x, 1e-4);
        assert!((h[0][0] - 4.0).abs() < 1e-3 && (h[0][1] - 1.0).abs() < 1e-3);
        let inv = invert(&h).unwrap();
        // [[4,1],[1,2]]^-1 = [[2,-1],[-1,4]] / 7
        assert!((inv[0][0] - 2.0 / 7.0).abs() < 1e-3 && (inv[1][1] - 4.0 / 7.0).abs() < 1e-3);
        assert!(invert(&[vec![1.0, 2.0], vec![2.0, 4.0]]).is_none());
    }
}
