//! Import and fit benchmark (no harness): ten annual SSDA903 returns of a borough with
//! about 1,500 children in care (~20,000 episode rows), written by the engine's synthetic
//! writer (`ssda903::write::benchmark_returns`, as `examples/ssda903_returns.rs` writes
//! them for the browser's benchmark), imported (`ssda903::import`) and fitted
//! (`ssda903::fit::fit`) natively on one thread. Prints the data's size and the median of
//! five passes of each step, with the range.
//!
//!     cargo bench -p sufficiency-engine --bench ssda903
//!     cargo bench -p sufficiency-engine --bench ssda903 -- 30   # groups a month

use std::hint::black_box;
use std::time::{Duration, Instant};

use engine::defaults::default_scenario;
use engine::ssda903::fit::{fit, FitOptions};
use engine::ssda903::summary::in_care_on;
use engine::ssda903::write::benchmark_returns;
use engine::ssda903::{import, ImportOptions, InputFile};

const PASSES: usize = 5;

fn median(mut v: Vec<Duration>) -> (Duration, Duration, Duration) {
    v.sort();
    (v[v.len() / 2], v[0], v[v.len() - 1])
}

fn show(what: &str, v: Vec<Duration>) {
    let (m, lo, hi) = median(v);
    println!(
        "{what:>16}: {:8.1} ms  (range {:.1}-{:.1} ms)",
        m.as_secs_f64() * 1e3,
        lo.as_secs_f64() * 1e3,
        hi.as_secs_f64() * 1e3
    );
}

fn main() {
    let groups: f64 = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(32.0);
    let (b, files) = benchmark_returns(groups);
    let rows: usize = files
        .iter()
        .filter(|(n, _)| n.contains("episodes"))
        .map(|(_, t)| t.lines().count() - 1)
        .sum();
    let bytes: usize = files.iter().map(|(_, t)| t.len()).sum();
    let inputs = InputFile::from_texts(&files);
    let options = ImportOptions::default();
    let first = import(&inputs, &options);
    let stock = in_care_on(&first.children, b.end()).in_care;
    println!(
        "{} returns, {rows} episode rows, {:.1} MB; {} children, {} in care on {}",
        b.years,
        bytes as f64 / 1e6,
        first.children.len(),
        stock,
        b.end()
    );
    let base = default_scenario();
    let (mut t_import, mut t_fit, mut t_total) = (vec![], vec![], vec![]);
    for _ in 0..PASSES {
        let t0 = Instant::now();
        let imported = import(black_box(&inputs), &options);
        let t1 = Instant::now();
        let fitted = fit(&imported, &base, &FitOptions::default(), &mut |_, _| {}).expect("fit");
        let t2 = Instant::now();
        black_box(fitted);
        t_import.push(t1 - t0);
        t_fit.push(t2 - t1);
        t_total.push(t2 - t0);
    }
    show("import", t_import);
    show("fit", t_fit);
    show("import + fit", t_total);
}
