//! The progress bar on standard error: drawn only when standard error is a terminal, first
//! at once (0 runs) and then a few times a second, so even a million runs show progress
//! from the start; a summary line ("1000 runs in 0.52 s on 2 threads") in any case.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// How often the bar is redrawn.
pub const REFRESH: Duration = Duration::from_millis(100);

const WIDTH: usize = 30;

pub struct Bar {
    total: u64,
    started: Instant,
    visible: bool,
}

/// `n` with thousands separators ("1,000,000").
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `seconds` for people: "40 s", "25 min", "3.2 h".
fn duration(seconds: f64) -> String {
    if seconds < 120.0 {
        format!("{seconds:.0} s")
    } else if seconds < 7200.0 {
        format!("{:.0} min", seconds / 60.0)
    } else {
        format!("{:.1} h", seconds / 3600.0)
    }
}

/// The bar's line for `done` of `total` runs, `elapsed` seconds in.
pub fn line(done: u64, total: u64, elapsed: f64) -> String {
    let share = if total > 0 {
        done.min(total) as f64 / total as f64
    } else {
        1.0
    };
    let filled = (share * WIDTH as f64).floor() as usize;
    let left = if done > 0 && done < total {
        format!(", about {} left", duration(elapsed / share - elapsed))
    } else {
        String::new()
    };
    format!(
        "[{}{}] {}/{} runs {:3.0}%  {elapsed:.1} s{left}",
        "#".repeat(filled),
        "-".repeat(WIDTH - filled),
        thousands(done),
        thousands(total),
        share * 100.0
    )
}

impl Bar {
    pub fn new(total: u64) -> Bar {
        Bar {
            total,
            started: Instant::now(),
            visible: std::io::stderr().is_terminal(),
        }
    }

    pub fn draw(&self, done: u64) {
        if self.visible {
            let text = line(done, self.total, self.started.elapsed().as_secs_f64());
            // Erase the line, then draw: the text may have become shorter.
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K{text}");
            let _ = err.flush();
        }
    }

    /// Erase the bar and say how many runs took how long.
    pub fn finish(&self, done: u64, threads: usize) {
        if self.visible {
            eprint!("\r\x1b[2K");
        }
        let plural = if threads == 1 { "" } else { "s" };
        eprintln!(
            "{} runs in {:.2} s on {threads} thread{plural}",
            thousands(done),
            self.started.elapsed().as_secs_f64()
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_bar() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1_000_000), "1,000,000");
        assert_eq!(
            line(0, 1_000_000, 0.0),
            format!("[{}] 0/1,000,000 runs   0%  0.0 s", "-".repeat(30))
        );
        let half = line(500, 1000, 2.0);
        assert!(
            half.starts_with(&format!(
                "[{}{}] 500/1,000 runs  50%",
                "#".repeat(15),
                "-".repeat(15)
            )),
            "{half}"
        );
        assert!(half.ends_with("about 2 s left"), "{half}");
        assert!(line(1, 1000, 3.0).ends_with("about 50 min left"));
        assert!(line(1, 1_000_000, 3.0).ends_with("about 833.3 h left"));
        assert!(line(1000, 1000, 3.0)
            .starts_with(&format!("[{}] 1,000/1,000 runs 100%", "#".repeat(30))));
    }
}
