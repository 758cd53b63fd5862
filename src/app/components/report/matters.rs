//! The report's "Which assumptions matter most" section, when the tornado has been worked
//! out in the page ("What matters most"): the assumptions ranked by how far the outcome
//! moves between the low and the high end of each one's plausible range, with what the
//! ranking means. Nothing when it has not been worked out.

use std::fmt::Write;

use engine::sensitivity::tornado::Tornado;

use super::markup::{esc, table};
use crate::app::components::scrutiny::words;
use crate::app::components::sensitivity::shown_bars;

/// Rows shown: the assumptions that move the outcome most.
const SHOWN: usize = 6;

/// A figure as written in the report, as the page's chart writes it: pounds in £ millions
/// for a cost, shares as percentages, counts with one decimal.
fn figure(metric: &str, x: f64) -> String {
    use crate::app::components::sensitivity::{metric_unit, shown};
    shown(metric_unit(metric), x)
}

/// The section, appended to `s`, if there is a tornado.
pub fn section(tornado: Option<&Tornado>, s: &mut String) {
    let Some(all) = tornado else { return };
    // As the page draws it: no empty rows of prices for an outcome they cannot move.
    let (t, prices_left_out) = shown_bars(all);
    let t = &t;
    let left_out = if prices_left_out {
        format!(" {}", words::PRICES_LEFT_OUT)
    } else {
        String::new()
    };
    let rows: Vec<Vec<String>> = t
        .bars
        .iter()
        .take(SHOWN)
        .enumerate()
        .map(|(i, b)| {
            vec![
                (i + 1).to_string(),
                esc(&b.label),
                esc(&words::range(&b.path)),
                format!(
                    "{} to {}",
                    figure(&t.metric, b.at_low),
                    figure(&t.metric, b.at_high)
                ),
                figure(&t.metric, b.swing),
            ]
        })
        .collect();
    let head = [
        "Rank",
        "Assumption",
        "Plausible range",
        "Outcome, low end to high end",
        "Swing",
    ]
    .map(String::from);
    let _ = write!(
        s,
        "<section class=\"report-matters\" id=\"report-matters\"><h2>Which assumptions matter most</h2>\
         <p>For {}: {} with every assumption as given ({} simulated futures for each setting). {}{}</p>{}</section>",
        esc(&t.outcome),
        figure(&t.metric, t.baseline),
        t.runs,
        esc(&t.meaning),
        esc(&left_out),
        table("report-table", &head, &rows)
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use engine::defaults::default_scenario;
    use engine::scenario::RunSettings;
    use engine::sensitivity::tornado::TornadoPlan;
    use engine::sensitivity::Outcome;

    #[test]
    fn the_section_ranks_the_assumptions_or_is_absent() {
        let mut s = String::new();
        section(None, &mut s);
        assert!(s.is_empty());
        let settings = RunSettings {
            seed: 3,
            replications: 2,
            horizon_months: 3,
            uncertainty: false,
        };
        let plan = TornadoPlan::new(
            &default_scenario(),
            &settings,
            Outcome::new("in_care", None).expect("metric"),
        )
        .expect("plan");
        let t = plan.tornado(&plan.run_with(0..2, |_| true));
        section(Some(&t), &mut s);
        assert!(s.contains("Which assumptions matter most"));
        assert!(s.contains(&esc(&t.bars[0].label)));
        assert_eq!(s.matches("<tr").count(), SHOWN + 1);
    }
}
