//! The report for a Cabinet paper or scrutiny, as HTML text: the answer first, in
//! probability terms (for each scenario and financial year the chance of overspending the
//! budget, flagged when the budget is the built-in illustrative one, the median and
//! 80th-percentile cost, the sufficiency gap with its parts, and apart one of its parts,
//! children with no suitable placement), each scenario against what it is compared with
//! as the app's comparison table shows it, then the charts with one legend, the strategies
//! (with their running costs as the simulation charges them), every assumption changed
//! from the default with its source, and what the model leaves out. It does not depend on
//! which scenario the app shows. Pure: tested natively, shown in the page and downloaded
//! as a file from the same text.

use std::fmt::Write;

use engine::metrics::Unit;
use engine::report::{months_per_year, Report, ScenarioReport, Stat, YearRow};
use engine::scenario::{Lever, LeverKind};
use engine::workshop::cards;
use engine::Scenario;

use super::assumptions::{self, Change};
use super::markup::{esc, table};
use super::svg::{self, Key};
use crate::app::components::compare;
use crate::app::view;
use crate::charts::{text as chart_text, Series};
use crate::format;

/// The sufficiency gap: children without a placement that meets their needs (no suitable
/// placement plus placed below assessed need), the app's headline measure.
pub const GAP_KEY: &str = "gap";
/// One part of the gap: children without a suitable placement (in emergency, unregistered
/// or holding placements, which include every child waiting for a placement).
pub const NO_SUITABLE_KEY: &str = "no_suitable";
/// The gap's two parts, which add up to it, with their names in the report.
const GAP_PARTS: [(&str, &str); 2] = [
    (NO_SUITABLE_KEY, "no suitable placement"),
    ("below_need", "placed below assessed need"),
];
/// The charts, in order: metric key and title.
const CHARTS: [(&str, &str); 4] = [
    ("cost", "Placement cost per month"),
    (
        GAP_KEY,
        "Sufficiency gap: children without a placement that meets their needs",
    ),
    (
        NO_SUITABLE_KEY,
        "No suitable placement (one part of the gap)",
    ),
    ("in_care", "Children in care"),
];
/// What the model leaves out (at most three).
pub const CAVEATS: [&str; 3] = [
    "Costs are the costs of placements and of the strategies\u{2019} own running costs as entered; \
     they leave out social work staff, legal, education and health costs, and one-off capital costs such as buying or building a home.",
    "Children are matched by age, a broad level of need and sibling group; the model does not judge the quality of any placement \
     or children\u{2019}s outcomes; \u{201c}suitable\u{201d} means a type of placement the scenario\u{2019}s matching rules list as suitable for the child.",
    "The ranges show chance within these assumptions (and their plausible ranges, when that option is on) only: a change of law or policy, a shift in the provider market or a \
     rise in demand beyond what the assumptions allow (a pandemic, say) is not in them.",
];

/// What the report is made from.
pub struct Input<'a> {
    pub report: &'a Report,
    /// The scenarios that were run, in the report's order (`None` where not known).
    pub scenarios: Vec<Option<&'a Scenario>>,
    /// The built-in default the changed assumptions are measured from.
    pub default: &'a Scenario,
    /// The date printed on the report ("3 December 2026").
    pub printed: String,
    /// Whether every run is done (otherwise the figures are marked provisional).
    pub complete: bool,
    /// "What matters most", when worked out in the page.
    pub tornado: Option<&'a engine::sensitivity::tornado::Tornado>,
}

/// The 80th percentile (kept by the report): 4 in 5 simulated futures cost less.
pub fn p80(s: &Stat) -> f64 {
    s.p80
}

/// "month end June 2020": the month before the first simulated month, which the starting
/// population describes.
pub fn as_at(s: &Scenario) -> String {
    let (y, m) = if s.start_month <= 1 {
        (s.start_year - 1, 12)
    } else {
        (s.start_year, s.start_month - 1)
    };
    format!(
        "month end {}",
        format::month_long(&format!("{y:04}-{m:02}"))
    )
}

/// The report's title.
pub fn title(r: &Report) -> String {
    format!(
        "Homes for children in care: outlook {}",
        chart_text::horizon(&r.month_labels)
    )
}

/// Each financial year the horizon touches: its label, how many of its months are
/// simulated, and the index of its last simulated month.
pub fn year_ends(r: &Report) -> Vec<(String, usize, usize)> {
    let mut end = 0;
    months_per_year(&r.month_labels)
        .into_iter()
        .map(|(label, n)| {
            end += n;
            (label, n, end - 1)
        })
        .collect()
}

fn year_heading(label: &str, months: usize) -> String {
    if months == 12 {
        format!("FY{}", esc(label))
    } else {
        format!(
            "FY{}<br><span class=\"part\">{months} months</span>",
            esc(label)
        )
    }
}

fn row<'a>(s: &'a ScenarioReport, year: &str) -> Option<&'a YearRow> {
    s.years.iter().find(|y| y.year == year)
}

/// The whole report: an `<article class="report">`.
pub fn article(input: &Input<'_>) -> String {
    let r = input.report;
    let mut s = String::from("<article class=\"report\" id=\"report\">");
    header(input, &mut s);
    answer(r, &mut s);
    charts(r, &mut s);
    super::matters::section(input.tornado, &mut s);
    strategies(input, &mut s);
    changed_assumptions(input, &mut s);
    super::track_record::section(&mut s);
    caveats(&mut s);
    super::references::back_matter(&mut s);
    s.push_str("</article>");
    s
}

fn header(input: &Input<'_>, s: &mut String) {
    let r = input.report;
    let as_at = input
        .scenarios
        .iter()
        .flatten()
        .next()
        .map(|sc| as_at(sc))
        .unwrap_or_else(|| "not known".into());
    let names: Vec<String> = r.scenarios.iter().map(|x| esc(&x.name)).collect();
    let _ = write!(
        s,
        "<header class=\"report-header\"><h1>{}</h1>\
         <p class=\"report-meta\"><span id=\"report-printed\">Printed {}</span> \u{b7} \
         <span id=\"report-as-at\">Data as at {}</span> \u{b7} {} simulated futures of each scenario ({}), seed {}</p>\
         <p class=\"report-scenarios\">Scenarios: {}.</p>",
        esc(&title(r)),
        esc(&input.printed),
        esc(&as_at),
        format::count(r.runs as f64),
        esc(&chart_text::horizon(&r.month_labels)),
        r.seed,
        names.join("; ")
    );
    if !input.complete {
        s.push_str("<p class=\"report-provisional\">Provisional: the runs had not all finished when this report was made.</p>");
    }
    s.push_str("</header>");
}

/// "the FY2024/25 budget of £33.0M", or, for the built-in budget, "in FY2024/25 against an
/// illustrative budget of £33.0M, not your council's".
fn budget_words(fy: &str, y: &YearRow) -> String {
    if y.illustrative_budget {
        format!(
            "in {} against an illustrative budget of {}, not your council\u{2019}s",
            esc(fy),
            format::pounds(y.budget)
        )
    } else {
        format!("the {} budget of {}", esc(fy), format::pounds(y.budget))
    }
}

/// A measure's figures (median, range) at a month (0 = the first).
fn stat_at(s: &ScenarioReport, key: &str, month: usize) -> Option<Stat> {
    view::metric(s, key)?.months.get(month).copied()
}

/// The sufficiency gap's parts at a month, as parts: "no suitable placement 4 + placed
/// below assessed need 120" (each its median).
fn gap_parts(s: &ScenarioReport, month: usize) -> Option<String> {
    let none = stat_at(s, GAP_PARTS[0].0, month)?;
    let below = stat_at(s, GAP_PARTS[1].0, month)?;
    Some(format!(
        "{} {} + {} {}",
        GAP_PARTS[0].1,
        format::count(none.p50),
        GAP_PARTS[1].1,
        format::count(below.p50)
    ))
}

/// The sufficiency gap in a scenario's sentence of the answer: at the end of the
/// projection, the figure the app's tile and the gap table's last column give, with its
/// month; then, when the financial year `fy` the sentence is about ends earlier (at month
/// `year_end`), the gap then, dated, so a reader comparing it with the tile finds one number
/// for each date. Empty when the report has no gap.
fn gap_sentence(r: &Report, sc: &ScenarioReport, fy: &str, year_end: Option<usize>) -> String {
    let Some(last) = r.month_labels.len().checked_sub(1) else {
        return String::new();
    };
    let Some((g, parts)) = stat_at(sc, GAP_KEY, last).zip(gap_parts(sc, last)) else {
        return String::new();
    };
    let mut out = format!(
        "; a <strong>sufficiency gap</strong> of {} children in {}, the end of the projection \
         (8 in 10 futures: {}; its parts: {})",
        format::count(g.p50),
        esc(&format::month_long(&r.month_labels[last])),
        esc(&format::range(Unit::Children, g.p10, g.p90)),
        esc(&parts),
    );
    let earlier = year_end
        .filter(|&end| end < last)
        .and_then(|end| Some((stat_at(sc, GAP_KEY, end)?, r.month_labels.get(end)?)));
    if let Some((at_year_end, month)) = earlier {
        let _ = write!(
            out,
            ", and {} at the end of {} ({})",
            format::count(at_year_end.p50),
            esc(fy.trim_end_matches(" (part year)")),
            esc(&format::month_long(month)),
        );
    }
    out
}

/// The answer: a sentence per scenario, then the tables by financial year and the paired
/// comparison of each scenario with what it is compared with.
fn answer(r: &Report, s: &mut String) {
    s.push_str("<section class=\"report-answer\" id=\"report-answer\"><h2>The answer</h2>");
    let years = year_ends(r);
    let illustrative: Vec<&YearRow> = r
        .scenarios
        .first()
        .map(|sc| sc.years.iter().filter(|y| y.illustrative_budget).collect())
        .unwrap_or_default();
    let any_illustrative = r
        .scenarios
        .iter()
        .any(|sc| sc.years.iter().any(|y| y.illustrative_budget));
    if any_illustrative {
        let budgets = illustrative
            .iter()
            .map(|y| format!("{} in FY{}", format::pounds(y.budget), esc(&y.year)))
            .collect::<Vec<_>>()
            .join(", ");
        let which = if budgets.is_empty() {
            String::new()
        } else {
            format!(" ({budgets})")
        };
        let _ = write!(
            s,
            "<p class=\"report-warning\" id=\"report-illustrative-budget\"><strong>Illustrative budget.</strong> \
             Every chance of overspending here is measured against the model\u{2019}s built-in illustrative budget{which}, \
             not your council\u{2019}s: set your budget in the app\u{2019}s budget table and run again before relying on them.</p>"
        );
    }
    s.push_str("<ul class=\"report-brief\">");
    for sc in &r.scenarios {
        let Some((y, full)) = view::last_full_year(r, sc) else {
            continue;
        };
        let fy = if full {
            format!("FY{}", y.year)
        } else {
            format!("FY{} (part year)", y.year)
        };
        let year_end = years
            .iter()
            .find(|(l, _, _)| *l == y.year)
            .map(|(_, _, end)| *end);
        let gap_text = gap_sentence(r, sc, &fy, year_end);
        let p = format::probability(y.probability_overspend);
        let _ = write!(
            s,
            "<li><strong>{}</strong>: {} <strong>{p}</strong> chance ({}) of overspending {}; \
             median cost {} (half the futures cost more) and in 4 of 5 futures below {}{gap_text}.</li>",
            esc(&sc.name),
            format::article(&p),
            format::probability_noise(engine::report::probability_se(y.probability_overspend, r.runs)),
            budget_words(&fy, y),
            format::pounds(y.cost.p50),
            format::pounds(p80(&y.cost)),
        );
    }
    s.push_str("</ul>");

    let mut head = vec!["Scenario".to_string()];
    head.extend(years.iter().map(|(l, n, _)| year_heading(l, *n)));
    let per_scenario = |cell: &dyn Fn(&ScenarioReport, &str, usize) -> String| -> Vec<Vec<String>> {
        r.scenarios
            .iter()
            .map(|sc| {
                let mut row = vec![esc(&sc.name)];
                row.extend(years.iter().map(|(l, _, end)| cell(sc, l, *end)));
                row
            })
            .collect()
    };
    // One budget row when every scenario has the same budgets; otherwise each cell says its own.
    let budget =
        |sc: &ScenarioReport, l: &str| row(sc, l).map(|y| (y.budget, y.illustrative_budget));
    let one_budget = r.scenarios.iter().all(|sc| {
        years
            .iter()
            .all(|(l, _, _)| budget(sc, l) == budget(&r.scenarios[0], l))
    });
    let illustrative_note = |yes: bool| {
        if yes {
            "<br><span class=\"sub illustrative\">illustrative, not your council\u{2019}s</span>"
        } else {
            ""
        }
    };
    let overspend = per_scenario(&|sc, l, _| {
        row(sc, l)
            .map(|y| {
                let p = format::probability(y.probability_overspend);
                if one_budget {
                    p
                } else {
                    format!(
                        "{p}<br><span class=\"sub\">of {}</span>{}",
                        format::pounds(y.budget),
                        illustrative_note(y.illustrative_budget)
                    )
                }
            })
            .unwrap_or_default()
    });
    // The largest Monte Carlo error of any chance in the table (largest near 50%).
    let worst_se = r
        .scenarios
        .iter()
        .flat_map(|sc| years.iter().filter_map(move |(l, _, _)| row(sc, l)))
        .map(|y| engine::report::probability_se(y.probability_overspend, r.runs))
        .fold(0.0, f64::max);
    let mut overspend_rows = vec![];
    if one_budget {
        // Said once in the row's name when every budget is the built-in one.
        let all_illustrative = r
            .scenarios
            .iter()
            .all(|sc| sc.years.iter().all(|y| y.illustrative_budget));
        let mut b = vec![if all_illustrative {
            "Budget<br><span class=\"sub illustrative\">illustrative, not your council\u{2019}s</span>".to_string()
        } else {
            "Budget".to_string()
        }];
        b.extend(years.iter().map(|(l, _, _)| {
            r.scenarios
                .first()
                .and_then(|sc| budget(sc, l))
                .map(|(v, ill)| {
                    format!(
                        "{}{}",
                        format::pounds(v),
                        illustrative_note(ill && !all_illustrative)
                    )
                })
                .unwrap_or_default()
        }));
        overspend_rows.push(b);
    }
    overspend_rows.extend(overspend);
    let cost = per_scenario(&|sc, l, _| {
        row(sc, l)
            .map(|y| {
                format!(
                    "{}<br><span class=\"sub\">{}</span>",
                    format::pounds(y.cost.p50),
                    format::pounds(p80(&y.cost))
                )
            })
            .unwrap_or_default()
    });
    let median_range = |g: Stat| {
        format!(
            "{}<br><span class=\"sub\">{}</span>",
            format::count(g.p50),
            format::range(Unit::Children, g.p10, g.p90)
        )
    };
    let gap = per_scenario(&|sc, _, end| {
        let Some(g) = stat_at(sc, GAP_KEY, end) else {
            return String::new();
        };
        // Its parts in the order the heading names them: "4 + 120".
        let parts = match (
            stat_at(sc, GAP_PARTS[0].0, end),
            stat_at(sc, GAP_PARTS[1].0, end),
        ) {
            (Some(a), Some(b)) => format!(
                "<br><span class=\"sub parts\">{} + {}</span>",
                format::count(a.p50),
                format::count(b.p50)
            ),
            _ => String::new(),
        };
        format!("{}{parts}", median_range(g))
    });
    let no_suitable = per_scenario(&|sc, _, end| {
        stat_at(sc, NO_SUITABLE_KEY, end)
            .map(median_range)
            .unwrap_or_default()
    });
    let definition = |key: &str| {
        r.definitions
            .iter()
            .find(|d| d.key == key)
            .map(|d| d.definition.clone())
            .unwrap_or_else(|| engine::metrics::definition(key).to_string())
    };
    let illustrative_heading = if any_illustrative {
        " <span class=\"sub illustrative\">(an illustrative budget, not your council\u{2019}s)</span>"
    } else {
        ""
    };
    let _ = write!(
        s,
        "<div class=\"report-block\"><h3>Chance of overspending the budget{illustrative_heading}</h3>{}\
         <p class=\"report-note\">Each chance is the share of the {} simulated futures over that year\u{2019}s budget; simulation noise moves it by at most {} (one standard error; more runs make it smaller).</p></div>\
         <div class=\"report-block\"><h3>Placement cost: median <span class=\"sub\">(80th percentile below)</span></h3>{}\
         <p class=\"report-note\">Half of the simulated futures cost more than the median; one in five costs more than the 80th percentile. Costs include the strategies\u{2019} running costs.</p></div>\
         <div class=\"report-block\"><h3 id=\"report-gap-title\">Sufficiency gap at the end of the year: median <span class=\"sub\">(8 in 10 futures between; then its parts: no suitable placement + placed below assessed need)</span></h3>{}\
         <p class=\"report-note\"><strong>Sufficiency gap</strong>: {} At the end of the last month of each year simulated; each part is its own median (the medians of the parts need not add up to the median of the gap).</p></div>\
         <div class=\"report-block\"><h3 id=\"report-no-suitable-title\">Part of the gap: children with no suitable placement at the end of the year: median <span class=\"sub\">(8 in 10 futures between)</span></h3>{}\
         <p class=\"report-note\"><strong>No suitable placement</strong> (one part of the sufficiency gap, not the gap): {}</p></div>",
        table("report-table", &head, &overspend_rows),
        format::count(r.runs as f64),
        format::plus_minus(Unit::BasisPoints, worst_se),
        table("report-table", &head, &cost),
        table("report-table report-gap", &head, &gap),
        esc(&definition(GAP_KEY)),
        table("report-table report-no-suitable", &head, &no_suitable),
        esc(&definition(NO_SUITABLE_KEY)),
    );
    s.push_str("</section>");
    comparisons(r, s);
}

/// Each scenario against what it is compared with, on the same simulated futures: the
/// paired differences of cost and of the sufficiency gap and the chances of costing less
/// and of a smaller gap, with their Monte Carlo errors, as the app's comparison table shows
/// them (the same figures and wording, from `compare`).
fn comparisons(r: &Report, s: &mut String) {
    if r.comparisons.is_empty() {
        return;
    }
    let period = r
        .comparisons
        .first()
        .map(|c| c.period.clone())
        .unwrap_or_default();
    let lines = |t: String| esc(&t).replace('\n', "<br>");
    let dash = || "\u{2014}".to_string();
    let head = [
        "Scenario".to_string(),
        format!("Total cost {}", esc(&period)),
        "Cost difference (paired)".into(),
        "Chance it costs less".into(),
        "Average gap, children".into(),
        "Gap difference (paired)".into(),
        "Chance of a smaller gap".into(),
    ];
    let rows: Vec<Vec<String>> = r
        .scenarios
        .iter()
        .enumerate()
        .map(|(i, sc)| {
            let c = compare::comparison(r, i);
            let against = c
                .map(|c| {
                    format!(
                        "<br><span class=\"sub\">against {}</span>",
                        esc(&c.baseline)
                    )
                })
                .unwrap_or_else(|| "<br><span class=\"sub\">the baseline</span>".into());
            let amount = |unit: Unit, st: &Stat| {
                format!(
                    "{}<br><span class=\"sub\">({})</span>",
                    format::value(unit, st.p50),
                    format::range(unit, st.p10, st.p90)
                )
            };
            vec![
                format!("{}{against}", esc(&sc.name)),
                amount(Unit::Pounds, &sc.total_cost),
                c.map(|c| lines(compare::difference(Unit::Pounds, &c.total_cost_difference)))
                    .unwrap_or_else(dash),
                c.map(|c| lines(compare::chance(c.probability_cheaper, r.runs)))
                    .unwrap_or_else(dash),
                amount(Unit::Children, &sc.mean_gap),
                c.map(|c| lines(compare::difference(Unit::Children, &c.mean_gap_difference)))
                    .unwrap_or_else(dash),
                c.map(|c| lines(compare::chance(c.probability_less_gap, r.runs)))
                    .unwrap_or_else(dash),
            ]
        })
        .collect();
    let _ = write!(
        s,
        "<section class=\"report-compare\" id=\"report-compare\"><h2>Each scenario against what it is compared with</h2>{}\
         <p class=\"report-note\">On the same simulated futures (common random numbers), so each paired difference is the effect of what differs between the two. \
         Costs and gaps are {}: the median, then the range 8 in 10 futures fall in; negative differences are cheaper or a smaller gap. \
         The average gap is the sufficiency gap (no suitable placement plus placed below assessed need) averaged over the months. \
         Each chance is the share of the {} futures in which the scenario costs less, or has a smaller gap, with its simulation noise (one standard error).</p></section>",
        table("report-table report-comparison", &head, &rows),
        esc(&period),
        format::count(r.runs as f64),
    );
}

/// The charts, after one legend that explains them all.
fn charts(r: &Report, s: &mut String) {
    s.push_str("<section class=\"report-charts\" id=\"report-charts\"><h2>Over time</h2>");
    let first = r.scenarios.first().map(|x| x.name.as_str()).unwrap_or("");
    let mut items = vec![
        (
            svg::key(Key::Bands),
            format!(
                "{}: the bands hold that month\u{2019}s value in 5, 8 and 9 of 10 simulated futures (darkest to lightest).",
                esc(first)
            ),
        ),
        (
            svg::key(Key::Median),
            format!("{}: median, the middle future.", esc(first)),
        ),
    ];
    for (k, sc) in r.scenarios.iter().skip(1).enumerate() {
        let dash = chart_text::DASH_NAMES[k % chart_text::DASH_NAMES.len()];
        items.push((
            svg::key(Key::Other(k)),
            format!("{}: median ({dash} line).", esc(&sc.name)),
        ));
    }
    s.push_str("<div class=\"report-legend\" id=\"report-legend\"><p>How to read the charts (each month is read on its own):</p><ul>");
    for (k, t) in items {
        let _ = write!(s, "<li>{k}<span>{t}</span></li>");
    }
    s.push_str("</ul></div><div class=\"report-chart-grid\">");
    for (key, title) in CHARTS {
        let series: Vec<Series> = view::series(r, key, 0);
        let Some(unit) = r
            .scenarios
            .first()
            .and_then(|sc| view::metric(sc, key))
            .map(|m| m.unit)
        else {
            continue;
        };
        let label = chart_text::fan_summary(title, unit, &r.month_labels, &series, false);
        let _ = write!(
            s,
            "<figure class=\"report-figure\"><figcaption>{}</figcaption>{}<p class=\"bands-note\">{}</p></figure>",
            esc(title),
            svg::fan_chart(&label, unit, &r.month_labels, &series),
            esc(crate::app::components::scrutiny::bands::sentence(r.uncertainty))
        );
    }
    s.push_str("</div></section>");
}

/// A month `offset` months from the scenario's start, as "Oct 2020".
fn month_from(sc: &Scenario, offset: u32) -> String {
    let total = sc.start_year as i64 * 12 + (sc.start_month as i64 - 1) + offset as i64;
    let (y, m) = (total.div_euclid(12), total.rem_euclid(12) + 1);
    format::month_short(&format!("{y:04}-{m:02}"))
}

/// When a lever is in full effect: for new homes, when the first and the last open; for
/// others, at the end of its ramp.
fn full_effect(sc: &Scenario, l: &Lever) -> String {
    if let LeverKind::NewHomes { homes } = &l.kind {
        let opens = |h: &engine::scenario::Home| h.open_month.max(l.start_month);
        let first = homes.iter().map(opens).min();
        let last = homes.iter().map(opens).max();
        return match (first, last) {
            (Some(a), Some(b)) if a == b => format!("The homes open in {}", month_from(sc, a)),
            (Some(a), Some(b)) => format!(
                "Homes open from {} to {} (months {a} to {b})",
                month_from(sc, a),
                month_from(sc, b)
            ),
            _ => "No homes".to_string(),
        };
    }
    if l.ramp_months == 0 {
        "At once".to_string()
    } else {
        format!(
            "{} ({} months)",
            month_from(sc, l.start_month + l.ramp_months),
            l.ramp_months
        )
    }
}

fn strategies(input: &Input<'_>, s: &mut String) {
    let r = input.report;
    s.push_str(
        "<section class=\"report-strategies\" id=\"report-strategies\"><h2>The strategies</h2>",
    );
    let mut any = false;
    for (i, sc_report) in r.scenarios.iter().enumerate() {
        let Some(Some(sc)) = input.scenarios.get(i) else {
            let _ = write!(
                s,
                "<h3>{}</h3><p>Its settings have changed since it was run: run it again to report them.</p>",
                esc(&sc_report.name)
            );
            continue;
        };
        if sc.levers.is_empty() {
            continue;
        }
        any = true;
        // Kept on one page with its heading where it fits (styles/report.css).
        let _ = write!(
            s,
            "<div class=\"report-strategy\"><h3>{}</h3>",
            esc(&sc.name)
        );
        if !sc.description.trim().is_empty() {
            let _ = write!(s, "<p>{}</p>", esc(&sc.description));
        }
        let horizon = r.horizon_months;
        let rows: Vec<Vec<String>> = sc
            .levers
            .iter()
            .map(|l| {
                // Running costs as the simulation charges them: the lever's own from its
                // start, each new home's weekly cost from the month it opens.
                let full = cards::fully_running(l);
                vec![
                    esc(l.kind.label()),
                    esc(&assumptions::lever_settings(&l.kind)),
                    format::pounds(cards::running_cost(l, full..full + 12)),
                    format::pounds(cards::running_cost(l, 0..horizon)),
                    esc(&month_from(sc, l.start_month)),
                    esc(&full_effect(sc, l)),
                ]
            })
            .collect();
        let head = [
            "Lever",
            "Settings",
            "Running cost a year (once fully running)",
            "Running cost over the projection",
            "Starts",
            "Full effect",
        ]
        .map(String::from);
        s.push_str(&table("report-table report-levers", &head, &rows));
        if sc
            .levers
            .iter()
            .any(|l| matches!(l.kind, LeverKind::NewHomes { .. }))
        {
            s.push_str("<p class=\"report-note\">A new home\u{2019}s weekly running cost is paid from the month it opens, whether its beds are full or not. Costs at today\u{2019}s prices: the projection raises the homes\u{2019} costs with inflation.</p>");
        }
        s.push_str("</div>");
    }
    if !any {
        s.push_str("<p>No scenario pulls a lever: every scenario is the borough as it is.</p>");
    }
    s.push_str("</section>");
}

/// Every assumption changed from the default, once, with the value in each scenario that
/// changes it.
fn changed_assumptions(input: &Input<'_>, s: &mut String) {
    s.push_str("<section class=\"report-assumptions\" id=\"report-assumptions\"><h2>Assumptions changed from the default</h2>");
    let mut rows: Vec<(Change, Vec<(String, String)>)> = vec![];
    let n = input.scenarios.len();
    for (i, sc) in input.scenarios.iter().enumerate() {
        let Some(sc) = sc else { continue };
        let name = input
            .report
            .scenarios
            .get(i)
            .map(|x| x.name.clone())
            .unwrap_or_default();
        for c in assumptions::changes(sc, input.default) {
            match rows.iter_mut().find(|(x, _)| x.path == c.path) {
                Some((_, by)) => by.push((name.clone(), c.value.clone())),
                None => {
                    let v = c.value.clone();
                    rows.push((c, vec![(name.clone(), v)]));
                }
            }
        }
    }
    if rows.is_empty() {
        s.push_str("<p id=\"report-no-changes\">None: every scenario uses the built-in borough\u{2019}s assumptions, each with its source in the app.</p></section>");
        return;
    }
    let body: Vec<Vec<String>> = rows
        .iter()
        .map(|(c, by)| {
            let same = by.windows(2).all(|w| w[0].1 == w[1].1);
            let value = if by.len() == n && same {
                format!("All scenarios: {}", esc(&by[0].1))
            } else {
                by.iter()
                    .map(|(name, v)| format!("{}: {}", esc(name), esc(v)))
                    .collect::<Vec<_>>()
                    .join("<br>")
            };
            let unit = if c.unit.is_empty() {
                String::new()
            } else {
                format!(" <span class=\"sub\">({})</span>", esc(&c.unit))
            };
            vec![
                format!("{}{unit}", esc(&c.label)),
                value,
                esc(&c.default),
                format!(
                    "<span class=\"source\">{}</span>",
                    super::references::source_html(&c.source)
                ),
            ]
        })
        .collect();
    let head = [
        "Assumption",
        "Changed to",
        "Default",
        "Source of the default",
    ]
    .map(String::from);
    s.push_str(&table("report-table report-changes", &head, &body));
    s.push_str("</section>");
}

fn caveats(s: &mut String) {
    s.push_str("<section class=\"report-caveats\" id=\"report-caveats\"><h2>What this does not include</h2><ul>");
    for c in CAVEATS {
        let _ = write!(s, "<li>{}</li>", esc(c));
    }
    s.push_str("</ul></section>");
}
