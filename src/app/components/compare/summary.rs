//! The short comparison summary near the top of the page, once there are two or more
//! scenarios: which costs least and which closes most of the gap, each with its chance
//! against what it is compared with, linked to the detail. It names no "winner" on noise:
//! when the paired difference is within its Monte Carlo error, or the chance is near
//! even, it says there is no clear difference.

use engine::metrics::Unit;
use engine::report::{Comparison, Report, Stat};
use yew::prelude::*;

use super::{comparison, difference};
use crate::app::state::ReportRc;
use crate::format;

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub report: ReportRc,
}

/// A chance of being lower this far from even, or nearer, is "near 50%".
pub const NEAR_EVEN: f64 = 0.10;
/// Standard errors of the mean paired difference that a clear difference exceeds.
pub const CLEAR_SE: f64 = 2.0;

/// Whether a paired difference is clear: its mean further from 0 than its Monte Carlo
/// error allows, and the chance of being lower not near 50%. `Some(true)` when clearly
/// lower, `Some(false)` when clearly higher, `None` when not clear.
pub fn clear(stat: &Stat, chance_lower: f64) -> Option<bool> {
    let beyond_noise = stat.mean.abs() > CLEAR_SE * stat.mean_se && stat.mean != 0.0;
    let not_even = (chance_lower - 0.5).abs() > NEAR_EVEN;
    (beyond_noise && not_even).then_some(stat.mean < 0.0)
}

/// The index of the scenario with the lowest median of `key`.
fn lowest(r: &Report, key: impl Fn(usize) -> f64) -> Option<usize> {
    (0..r.scenarios.len()).min_by(|a, b| key(*a).total_cmp(&key(*b)))
}

/// The paired figures of a comparison, for cost or for the gap.
fn figures(c: &Comparison, cost: bool) -> (f64, &Stat, Unit, &'static str) {
    if cost {
        (
            c.probability_cheaper,
            &c.total_cost_difference,
            Unit::Pounds,
            "costs less",
        )
    } else {
        (
            c.probability_less_gap,
            &c.mean_gap_difference,
            Unit::Children,
            "has a smaller gap",
        )
    }
}

/// "a 62% chance it costs less than Baseline (± 2.8 points from simulation noise);
/// difference −£0.3M (−£1.2M to +£0.8M) over the 5 years", or for the gap "...; difference
/// in the average gap −1 child (−11 to +8) over the 5 years" (the unit said, as £ says it
/// for cost).
fn chance_text(c: &Comparison, cost: bool, runs: u64) -> String {
    let (p, stat, unit, what) = figures(c, cost);
    let diff = difference(unit, stat).replace('\n', " ");
    let diff = if cost {
        format!("difference {diff}")
    } else {
        let (median, range) = diff.split_once(" (").unwrap_or((diff.as_str(), ""));
        let one = median.trim_start_matches(['\u{2212}', '+', '\u{2060}']) == "1";
        let children = if one { "child" } else { "children" };
        let range = if range.is_empty() {
            String::new()
        } else {
            format!(" ({range}")
        };
        format!("difference in the average gap {median} {children}{range}")
    };
    let chance = format::probability(p);
    format!(
        "{} {chance} chance it {what} than {} ({}); {diff} {}",
        format::article(&chance),
        c.baseline,
        format::probability_noise(engine::report::probability_se(p, runs)),
        c.period
    )
}

/// The other scenarios compared with the same scenario as `pick`, each clearly lower than
/// it too, whose mean paired differences are within `CLEAR_SE` combined Monte Carlo errors
/// of `pick`'s: no run compares them with each other directly, so the summary does not
/// rank them (the errors are combined as if independent, which errs towards "no clear
/// difference": both are paired with the same futures, so the difference between them
/// is, if anything, less noisy).
fn about_as_good(r: &Report, pick: usize, cost: bool) -> impl Iterator<Item = usize> + '_ {
    let mine = comparison(r, pick).map(|c| (c.against, *figures(c, cost).1));
    (1..r.scenarios.len()).filter(move |&j| {
        let (Some((against, s)), Some(c)) = (mine, comparison(r, j)) else {
            return false;
        };
        let (p, other, _, _) = figures(c, cost);
        j != pick
            && c.against == against
            && clear(other, p) == Some(true)
            && (other.mean - s.mean).abs()
                <= CLEAR_SE * (other.mean_se.powi(2) + s.mean_se.powi(2)).sqrt()
    })
}

/// What the summary says of the scenario lowest by median (`pick`): named with its
/// chance when its lead is clear, otherwise "no clear difference". Returns the verdict
/// (whether a scenario is named) and the sentence.
pub fn verdict(r: &Report, pick: usize, cost: bool) -> (bool, String) {
    let name = &r.scenarios[pick].name;
    // Clearly lower than what it is compared with.
    if let Some(c) = comparison(r, pick) {
        let (p, stat, _, _) = figures(c, cost);
        if clear(stat, p) == Some(true) {
            let mut text = format!("{name}: {}.", chance_text(c, cost, r.runs));
            let level: Vec<String> = about_as_good(r, pick, cost)
                .map(|j| {
                    let other = &r.comparisons[j - 1];
                    format!("{}: {}", other.name, chance_text(other, cost, r.runs))
                })
                .collect();
            if !level.is_empty() {
                text.push_str(&format!(
                    " No clear difference from it: {}.",
                    level.join("; ")
                ));
            }
            return (true, text);
        }
    }
    // Or every scenario compared with it is clearly higher.
    let against_it: Vec<&Comparison> = r.comparisons.iter().filter(|c| c.against == pick).collect();
    let all_higher = !against_it.is_empty()
        && against_it.iter().all(|c| {
            let (p, stat, _, _) = figures(c, cost);
            clear(stat, p) == Some(false)
        });
    if all_higher {
        let each: Vec<String> = against_it
            .iter()
            .map(|c| {
                let (p, _, _, what) = figures(c, cost);
                let chance = format::probability(p);
                format!(
                    "{} has {} {chance} chance it {what}, {}",
                    c.name,
                    format::article(&chance),
                    format::probability_noise(engine::report::probability_se(p, r.runs))
                )
            })
            .collect();
        return (
            true,
            format!(
                "{name}: each scenario compared with it does worse ({}).",
                each.join("; ")
            ),
        );
    }
    let detail = comparison(r, pick)
        .map(|c| {
            format!(
                " {name}, lowest by median, has {}.",
                chance_text(c, cost, r.runs)
            )
        })
        .unwrap_or_else(|| {
            format!(" {name} is lowest by median, but no scenario is clearly above it.")
        });
    let what = if cost { "cost" } else { "the gap" };
    (
        false,
        format!(
            "No clear difference in {what}: the paired differences are within simulation noise or the chances are near 50%.{detail}"
        ),
    )
}

#[function_component]
pub fn CompareSummary(props: &SummaryProps) -> Html {
    let r = &props.report.0;
    if r.scenarios.len() < 2 {
        return html! {};
    }
    let cheapest = lowest(r, |i| r.scenarios[i].total_cost.p50);
    let smallest_gap = lowest(r, |i| r.scenarios[i].mean_gap.p50);
    let line = |id: &str, lead: &str, i: Option<usize>, cost: bool| {
        let Some(i) = i else { return html! {} };
        let (named, text) = verdict(r, i, cost);
        if named {
            html! {
                <li id={id.to_string()} data-scenario={i.to_string()} data-clear="true">
                    <strong>{ lead }</strong>{ " " }<span class="pick">{ text }</span>
                </li>
            }
        } else {
            html! {
                <li id={id.to_string()} data-clear="false"><strong>{ lead }</strong>{ " " }{ text }</li>
            }
        }
    };
    html! {
        <section class="compare-summary" id="compare-summary" aria-labelledby="compare-summary-title">
            <h2 id="compare-summary-title">{ format!("In short: {} scenarios compared", r.scenarios.len()) }</h2>
            <ul>
                { line("summary-cheapest", "Costs least:", cheapest, true) }
                { line("summary-gap", "Closes most of the gap:", smallest_gap, false) }
            </ul>
            <p class="muted">{ format!("Chances are on the same simulated futures (paired), each against what the scenario is compared with. A difference is called clear when it is more than {CLEAR_SE:.0} Monte Carlo errors from nothing and its chance is outside {:.0}\u{2013}{:.0}%. ", (0.5 - NEAR_EVEN) * 100.0, (0.5 + NEAR_EVEN) * 100.0) }
                <a href="#compare">{ "See the comparison in detail" }</a></p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stat(mean: f64, se: f64) -> Stat {
        Stat {
            mean,
            mean_se: se,
            ..Default::default()
        }
    }

    #[test]
    fn noise_and_even_chances_are_no_clear_difference() {
        assert_eq!(clear(&stat(-5e5, 1e5), 0.8), Some(true));
        assert_eq!(clear(&stat(5e5, 1e5), 0.2), Some(false));
        assert_eq!(clear(&stat(-1.5e5, 1e5), 0.8), None, "within 2 errors");
        assert_eq!(clear(&stat(-5e5, 1e5), 0.55), None, "near even");
        assert_eq!(clear(&stat(0.0, 0.0), 0.0), None, "no difference at all");
    }

    #[test]
    fn a_copy_of_the_baseline_is_no_clear_difference() {
        // Two identical scenarios: every paired difference is 0.
        let base = engine::defaults::default_scenario();
        let job = engine::runner::Job {
            settings: engine::RunSettings {
                seed: 2,
                replications: 6,
                horizon_months: 12,
                uncertainty: false,
            },
            scenarios: vec![base.clone(), base],
            compare_with: vec![],
        };
        let prepared = job.prepare().unwrap();
        let r = Report::new(&job, &prepared, &prepared.run(0..6));
        for cost in [true, false] {
            let (named, text) = verdict(&r, 1, cost);
            assert!(!named, "{text}");
            assert!(text.starts_with("No clear difference"), "{text}");
        }
        // Each chance with its simulation noise; the gap's difference says its unit.
        let gap = chance_text(&r.comparisons[0], false, r.runs);
        assert!(gap.contains(" points from simulation noise); "), "{gap}");
        assert!(
            gap.contains("difference in the average gap 0 children (0 to 0)"),
            "{gap}"
        );
        let cost = chance_text(&r.comparisons[0], true, r.runs);
        assert!(cost.contains("; difference \u{00a3}0"), "{cost}");
    }

    /// Two strategies clearly below the baseline and level with each other: the summary
    /// names both, not one of them as the best.
    #[test]
    fn a_tie_between_two_strategies_names_both() {
        let base = engine::defaults::default_scenario();
        let mut fewer = base.clone();
        fewer.demand.groups_per_month *= 0.7;
        let job = engine::runner::Job {
            settings: engine::RunSettings {
                seed: 4,
                replications: 40,
                horizon_months: 12,
                uncertainty: false,
            },
            scenarios: vec![base, fewer.clone(), fewer],
            compare_with: vec![],
        };
        let prepared = job.prepare().unwrap();
        let r = Report::new(&job, &prepared, &prepared.run(0..40));
        let (named, text) = verdict(&r, 1, true);
        assert!(named, "{text}");
        assert!(text.contains("No clear difference from it:"), "{text}");
        assert_eq!(about_as_good(&r, 1, true).collect::<Vec<_>>(), vec![2]);
        // A scenario no better than the baseline is not level with a clear one.
        let mut more = engine::defaults::default_scenario();
        more.demand.groups_per_month *= 1.5;
        let job = engine::runner::Job {
            scenarios: vec![job.scenarios[0].clone(), job.scenarios[1].clone(), more],
            ..job
        };
        let prepared = job.prepare().unwrap();
        let r = Report::new(&job, &prepared, &prepared.run(0..40));
        assert_eq!(about_as_good(&r, 1, true).count(), 0);
    }

    /// When every scenario does clearly worse than the baseline, each one's chance is
    /// still given with its simulation noise.
    #[test]
    fn each_worse_chance_has_its_noise() {
        let base = engine::defaults::default_scenario();
        let mut more = base.clone();
        more.demand.groups_per_month *= 2.0;
        let job = engine::runner::Job {
            settings: engine::RunSettings {
                seed: 3,
                replications: 40,
                horizon_months: 12,
                uncertainty: false,
            },
            scenarios: vec![base, more],
            compare_with: vec![],
        };
        let prepared = job.prepare().unwrap();
        let r = Report::new(&job, &prepared, &prepared.run(0..40));
        let (named, text) = verdict(&r, 0, true);
        assert!(named, "{text}");
        assert!(text.contains("does worse"), "{text}");
        assert!(text.contains(" points from simulation noise)"), "{text}");
    }
}
