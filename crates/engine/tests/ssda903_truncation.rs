//! Left truncation in the exit fit: children already in care when the window opens are
//! seen only because their stay lasted that long. A borough with known routes and gamma
//! durations is drawn over 12 years of entries; the window is the last 2. With the periods
//! under way at its start entered conditional on lasting until then, the estimates lie
//! within four of the fit's standard errors of the truth; entered as if followed from
//! entry (no truncation) the long stays are over-weighted: the share staying until 18 is
//! biased up by more than four standard errors (and the mean stay home comes out long).

use engine::dist::Duration;
use engine::rng::{Process, Stream};
use engine::scenario::DurationDist;
use engine::ssda903::fit::exits::{fit, ExitFit, ExitObs, Outcome};

const DAY_YEAR: f64 = 365.25;
/// Route probabilities for entrants of band 2 (5-9): home, guardianship, adoption, 18.
const ROUTES: [f64; 4] = [0.55, 0.2, 0.05, 0.2];

fn truth() -> [DurationDist; 3] {
    [
        DurationDist::Gamma {
            mean_months: 14.0,
            shape: 1.3,
        },
        DurationDist::Gamma {
            mean_months: 24.0,
            shape: 3.0,
        },
        DurationDist::Gamma {
            mean_months: 20.0,
            shape: 4.0,
        },
    ]
}

/// Periods seen in a window of `window` years after `before` years of entries at `per_year`
/// a year; each with its days in care when the window opened.
fn periods(seed: u64, per_year: f64, before: f64, window: f64) -> Vec<ExitObs> {
    let mut rng = Stream::new(seed, 0, Process::Admissions);
    let durations: Vec<Duration> = truth().iter().map(Duration::compile).collect();
    let (from, to) = (before * DAY_YEAR, (before + window) * DAY_YEAR);
    let n = rng.poisson(per_year * (before + window));
    let mut out = Vec::new();
    for _ in 0..n {
        let entered = rng.uniform() * to;
        let route = rng.categorical(&ROUTES);
        // Entry at 5-9: a stay to 18 lasts at least 9 years, beyond any window here.
        let stay = if route < 3 {
            durations[route].sample(&mut rng)
        } else {
            f64::INFINITY
        };
        let left = entered + stay;
        if left <= from {
            continue; // left before the window opened: never seen
        }
        let seen_to = left.min(to);
        out.push(ExitObs {
            band: 2,
            days: seen_to - entered,
            outcome: if left <= to {
                Outcome::Route(route)
            } else {
                Outcome::Survived
            },
            truncated_days: (from - entered).max(0.0),
        });
    }
    out
}

fn fitted(obs: &[ExitObs]) -> ExitFit {
    let start = [[0.25; 4]; 5];
    let d = |m: f64| DurationDist::Gamma {
        mean_months: m,
        shape: 1.0,
    };
    fit(obs, &start, &[d(10.0), d(10.0), d(10.0)])
}

fn mean_and_se(f: &ExitFit, route: usize) -> (f64, f64) {
    let DurationDist::Gamma { mean_months, .. } = f.durations[route] else {
        panic!("gamma expected")
    };
    let se = f.duration_se[route][0].expect("standard error");
    (mean_months, se)
}

#[test]
fn periods_under_way_enter_conditional_on_lasting_until_the_window() {
    let obs = periods(17, 800.0, 10.0, 2.0);
    let truncated = obs.iter().filter(|o| o.truncated_days > 0.0).count();
    assert!(truncated > 500, "{truncated} of {}", obs.len());
    let with = fitted(&obs);
    assert_eq!(with.left_truncated, truncated);
    for (route, d) in truth().iter().enumerate() {
        let DurationDist::Gamma { mean_months, shape } = *d else {
            unreachable!()
        };
        let (est, se) = mean_and_se(&with, route);
        // The fit's SE, no smaller than an uncensored sample of the route's exits gives:
        // mean / sqrt(shape x exits).
        let floor = mean_months / (shape * with.route_exits[route] as f64).sqrt();
        let tol = 4.0 * se.max(floor);
        assert!(
            (est - mean_months).abs() <= tol,
            "route {route}: mean {est:.2} vs truth {mean_months} (tolerance {tol:.2})"
        );
    }
    for (r, p) in ROUTES.iter().enumerate() {
        let est = with.route_by_entry_age[2][r];
        let se = with.route_se[2][r].expect("route SE");
        assert!(
            (est - p).abs() <= 4.0 * se,
            "route share {r}: {est:.3} vs {p} (4 x {se:.3})"
        );
    }

    // The same periods as if each had been followed from entry: long stays over-weighted.
    let naive: Vec<ExitObs> = obs
        .iter()
        .map(|o| ExitObs {
            truncated_days: 0.0,
            ..*o
        })
        .collect();
    let without = fitted(&naive);
    assert_eq!(without.left_truncated, 0);
    // Long stays over-weighted: more children seem to stay until 18, and the stays home
    // seem longer.
    let (stay, stay_se) = (
        without.route_by_entry_age[2][3],
        without.route_se[2][3].expect("route SE"),
    );
    let (home, home_se) = mean_and_se(&without, 0);
    println!("without truncation: stay to 18 {stay:.3} (SE {stay_se:.3}), mean home {home:.2} (SE {home_se:.2})");
    assert!(
        stay - ROUTES[3] > 4.0 * stay_se,
        "without truncation the share staying until 18 should be biased up: {stay:.3} (SE {stay_se:.3})"
    );
    assert!(home > 14.0, "and the mean stay home long: {home:.2}");
}
