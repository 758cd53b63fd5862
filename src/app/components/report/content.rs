//! The report for a Cabinet paper or scrutiny, as HTML text: the answer first, in
//! probability terms (for each scenario and financial year the chance of overspending the
//! budget, the median and 80th-percentile cost, and the children without a suitable
//! placement), then the charts with one legend, the strategies, every assumption changed
//! from the default with its source, and what the model leaves out. It does not depend on
//! which scenario the app shows. Pure: tested natively, shown in the page and downloaded
//! as a file from the same text.

use std::fmt::Write;

use engine::metrics::Unit;
use engine::report::{months_per_year, Report, ScenarioReport, Stat, YearRow};
use engine::Scenario;

use super::assumptions::{self, Change};
use super::markup::{esc, table};
use super::svg::{self, Key};
use crate::app::view;
use crate::charts::{text as chart_text, Series};
use crate::format;

/// The metric of children without a suitable placement (in emergency, unregistered or holding
/// placements, which include every child waiting for a placement).
pub const GAP_KEY: &str = "no_suitable";
/// The charts, in order: metric key and title.
const CHARTS: [(&str, &str); 3] = [
    ("cost", "Placement cost per month"),
    (GAP_KEY, "Children without a suitable placement"),
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

fn gap_at(s: &ScenarioReport, month: usize) -> Option<Stat> {
    view::metric(s, GAP_KEY)?.months.get(month).copied()
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

/// The answer: a sentence per scenario, then the three tables by financial year.
fn answer(r: &Report, s: &mut String) {
    s.push_str("<section class=\"report-answer\" id=\"report-answer\"><h2>The answer</h2>");
    s.push_str("<ul class=\"report-brief\">");
    let years = year_ends(r);
    for sc in &r.scenarios {
        let Some((y, full)) = view::last_full_year(r, sc) else {
            continue;
        };
        let fy = if full {
            format!("FY{}", y.year)
        } else {
            format!("FY{} (part year)", y.year)
        };
        let gap = years
            .iter()
            .find(|(l, _, _)| *l == y.year)
            .and_then(|(_, _, end)| gap_at(sc, *end));
        let gap_text = gap
            .map(|g| {
                format!(
                    "; {} children without a suitable placement at the end of the year (8 in 10 futures: {})",
                    format::count(g.p50),
                    format::range(Unit::Children, g.p10, g.p90)
                )
            })
            .unwrap_or_default();
        let _ = write!(
            s,
            "<li><strong>{}</strong>: a <strong>{}</strong> chance of overspending the {} budget of {} \
             ({}); median cost {} (half the futures cost more) and in 4 of 5 futures below {}{}.</li>",
            esc(&sc.name),
            format::probability(y.probability_overspend),
            esc(&fy),
            format::pounds(y.budget),
            format::probability_noise(engine::report::probability_se(y.probability_overspend, r.runs)),
            format::pounds(y.cost.p50),
            format::pounds(p80(&y.cost)),
            esc(&gap_text)
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
    let budget = |sc: &ScenarioReport, l: &str| row(sc, l).map(|y| y.budget);
    let one_budget = r.scenarios.iter().all(|sc| {
        years
            .iter()
            .all(|(l, _, _)| budget(sc, l) == budget(&r.scenarios[0], l))
    });
    let overspend = per_scenario(&|sc, l, _| {
        row(sc, l)
            .map(|y| {
                let p = format::probability(y.probability_overspend);
                if one_budget {
                    p
                } else {
                    format!(
                        "{p}<br><span class=\"sub\">of {}</span>",
                        format::pounds(y.budget)
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
        let mut b = vec!["Budget".to_string()];
        b.extend(years.iter().map(|(l, _, _)| {
            r.scenarios
                .first()
                .and_then(|sc| budget(sc, l))
                .map(format::pounds)
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
    let gap = per_scenario(&|sc, _, end| {
        gap_at(sc, end)
            .map(|g| {
                format!(
                    "{}<br><span class=\"sub\">{}</span>",
                    format::count(g.p50),
                    format::range(Unit::Children, g.p10, g.p90)
                )
            })
            .unwrap_or_default()
    });
    let _ = write!(
        s,
        "<h3>Chance of overspending the budget</h3>{}\
         <p class=\"report-note\">Each chance is the share of the {} simulated futures over that year\u{2019}s budget; simulation noise moves it by at most {} (one standard error; more runs make it smaller).</p>\
         <h3>Placement cost: median <span class=\"sub\">(80th percentile below)</span></h3>{}\
         <p class=\"report-note\">Half of the simulated futures cost more than the median; one in five costs more than the 80th percentile. Costs include the strategies\u{2019} running costs.</p>\
         <h3>Children without a suitable placement at the end of the year: median <span class=\"sub\">(8 in 10 futures between)</span></h3>{}\
         <p class=\"report-note\">Children in emergency, unregistered or holding placements (which include every child waiting for a placement), at the end of the last month of each year simulated.</p>",
        table("report-table", &head, &overspend_rows),
        format::count(r.runs as f64),
        format::plus_minus(Unit::BasisPoints, worst_se),
        table("report-table", &head, &cost),
        table("report-table", &head, &gap),
    );
    s.push_str("</section>");
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
                let months = horizon.saturating_sub(l.start_month) as f64;
                let ramp = if l.ramp_months == 0 {
                    "at once".to_string()
                } else {
                    format!(
                        "{} ({} months)",
                        month_from(sc, l.start_month + l.ramp_months),
                        l.ramp_months
                    )
                };
                vec![
                    esc(l.kind.label()),
                    esc(&assumptions::lever_settings(&l.kind)),
                    format::pounds(l.annual_cost),
                    format::pounds(l.annual_cost * months / 12.0),
                    esc(&month_from(sc, l.start_month)),
                    esc(&ramp),
                ]
            })
            .collect();
        let head = [
            "Lever",
            "Settings",
            "Cost a year",
            "Cost over the projection",
            "Starts",
            "Full effect",
        ]
        .map(String::from);
        s.push_str(&table("report-table report-levers", &head, &rows));
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
