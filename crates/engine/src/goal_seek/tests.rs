//! Goal seek on a case with an analytic answer: first-month enquiries are Poisson with the
//! enquiry rate as mean, drawn by inversion from the same random number whatever the rate,
//! so the share of futures with at least `t` enquiries is the Poisson tail at the rate.

use super::*;
use crate::defaults::default_scenario;

/// A small borough (quick start-up); the funnel as the default.
fn small() -> Scenario {
    let mut s = default_scenario();
    s.population.children = 30;
    s.fostering.households = 12;
    s
}

fn goal(target: f64, confidence: f64) -> Goal {
    Goal {
        metric: "enquiries".into(),
        month: 0,
        direction: Direction::AtLeast,
        target,
        confidence,
        lever: LeverChoice::ExtraEnquiries,
        start_month: 0,
        ramp_months: 0,
        cost_per_unit: 0.0,
    }
}

fn settings(replications: u32) -> RunSettings {
    RunSettings {
        seed: 23,
        replications,
        horizon_months: 60,
        uncertainty: false,
    }
}

/// P(Poisson(mean) >= t).
fn tail(mean: f64, t: u32) -> f64 {
    let mut p = libm::exp(-mean);
    let mut below = 0.0;
    for k in 0..t {
        below += p;
        p *= mean / (k + 1) as f64;
    }
    1.0 - below
}

/// The mean at which P(Poisson >= t) = c, by bisection.
fn analytic_mean(t: u32, c: f64) -> f64 {
    let (mut lo, mut hi) = (0.0, 200.0);
    for _ in 0..100 {
        let mid = (lo + hi) / 2.0;
        if tail(mid, t) >= c {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    hi
}

#[test]
fn extra_enquiries_needed_match_the_poisson_answer() {
    let s = small();
    let base = s.fostering.funnel.enquiries_per_month;
    let want = analytic_mean(30, 0.8) - base;
    let a = seek(&s, &settings(400), &goal(30.0, 0.8), |_| true).expect("an answer");
    let found = a.setting.expect("reachable");
    assert!(
        (found - want).abs() < 1.5,
        "found {found}, analytic {want}: {a:?}"
    );
    let (low, high) = (a.setting_low.expect("low"), a.setting_high.expect("high"));
    assert!(low <= found && found <= high);
    assert!(
        low - 0.5 <= want && want <= high + 0.5,
        "{low}..{high} against {want}"
    );
    assert!(a.share_with >= 0.8 && a.share_without < 0.8);
    // Shares rise with the setting on common random numbers.
    assert!(
        a.tried
            .windows(2)
            .all(|w| w[0].0 < w[1].0 && w[0].1 <= w[1].1),
        "{:?}",
        a.tried
    );
    assert!(a.summary.contains("reaches the target"), "{}", a.summary);
    // The same question gives the same answer.
    assert_eq!(seek(&s, &settings(400), &goal(30.0, 0.8), |_| true), Ok(a));
}

#[test]
fn an_unreachable_target_is_said_to_be_so() {
    let a = seek(&small(), &settings(50), &goal(1000.0, 0.8), |_| true).expect("an answer");
    assert_eq!(a.setting, None);
    assert!(a.summary.starts_with("No setting up to"), "{}", a.summary);
    // A target met without the lever needs none.
    let none = seek(&small(), &settings(50), &goal(0.0, 0.8), |_| true).expect("an answer");
    assert_eq!(none.setting, Some(0.0));
}

#[test]
fn bad_questions_name_their_setting_and_cancelling_stops() {
    let wrong = seek(&small(), &settings(50), &goal(30.0, 1.5), |_| true);
    assert!(matches!(wrong, Err(AnalysisError::Setting { ref name, .. }) if name == "confidence"));
    let mut g = goal(30.0, 0.8);
    g.metric = "nothing".into();
    assert_eq!(
        seek(&small(), &settings(50), &g, |_| true),
        Err(AnalysisError::UnknownMetric("nothing".into()))
    );
    let stopped = seek(&small(), &settings(50), &goal(30.0, 0.8), |runs| runs < 70);
    assert_eq!(stopped, Err(AnalysisError::Cancelled));
}

/// The search driven a job at a time, each job's runs split into two chunks merged (as the
/// browser's workers run it), gives the answer `seek` gives.
#[test]
fn the_search_by_chunked_jobs_is_seek() {
    let (s, runs) = (small(), settings(60));
    let g = goal(30.0, 0.8);
    let plan = GoalPlan::new(&s, &runs, &g).expect("a plan");
    let mut known = Evaluations::new();
    let mut jobs = 0;
    let answer = loop {
        match plan.step(&known) {
            Step::Done(a) => break *a,
            Step::Need(x) => {
                let prepared = plan.job(x).expect("job").prepare().expect("valid");
                let mut agg = prepared.run(0..25);
                agg.merge(&prepared.run(25..60));
                known.insert(x.to_bits(), plan.evaluate(&agg));
                jobs += 1;
            }
        }
    };
    assert!(jobs as u32 <= plan.max_evaluations(), "{jobs} jobs");
    assert_eq!(Ok(answer), seek(&s, &runs, &g, |_| true));
}
