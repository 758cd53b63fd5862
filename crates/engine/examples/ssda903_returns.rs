//! Writes the benchmark borough's SSDA903 returns into a folder: ten annual returns
//! (episodes, header and UASC tables as CSV) of a borough with about 1,500 children in
//! care (~20,000 episode rows), from the engine's synthetic borough and writer
//! (`ssda903::write::benchmark_returns`, the same data as `benches/ssda903.rs`). For the
//! browser benchmark (`tests/bench/bench.mjs`), which
//! imports and fits them in the page; not committed as data.
//!
//!     cargo run -p sufficiency-engine --example ssda903_returns -- DIR [GROUPS_PER_MONTH]

use engine::ssda903::write::benchmark_returns;

fn main() -> std::process::ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: ssda903_returns DIR [GROUPS_PER_MONTH]");
        return std::process::ExitCode::from(2);
    };
    let groups: f64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(32.0);
    let (_, files) = benchmark_returns(groups);
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("cannot make {dir}: {e}");
        return std::process::ExitCode::FAILURE;
    }
    for (name, text) in &files {
        let path = std::path::Path::new(&dir).join(name);
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("cannot write {}: {e}", path.display());
            return std::process::ExitCode::FAILURE;
        }
    }
    let rows: usize = files
        .iter()
        .filter(|(n, _)| n.contains("episodes"))
        .map(|(_, t)| t.lines().count().saturating_sub(1))
        .sum();
    println!("{} files, {rows} episode rows, in {dir}", files.len());
    std::process::ExitCode::SUCCESS
}
