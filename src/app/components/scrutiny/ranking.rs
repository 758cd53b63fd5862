//! The global ranking of "what matters most" (engine `sensitivity::global`): every
//! uncertain assumption varying at once over a Latin hypercube sample, each ranked by its
//! standardised regression coefficient, drawn as bars either side of zero, strongest first,
//! with what it means and how it differs from the tornado in plain words.

use engine::rounding::whole_percent;
use engine::sensitivity::global::Ranking;
use yew::prelude::*;

use super::words;
use crate::charts::palette;

/// Width of the drawing, and of the label column within it.
const WIDTH: f64 = 720.0;
const LABELS: f64 = 300.0;
const ROW: f64 = 32.0;

/// How it differs from the tornado, in plain words.
pub const DIFFERENCE: &str = "How this differs from the other chart (one assumption at a time): there, one \
    assumption moves at a time while the others stay as the scenario gives them. Here all of them move together, as they might in \
    reality, so an assumption that matters mostly in combination with another (say, more admissions in the \
    same years as carers leave faster) shows its full weight. Where the two orders differ, this one says \
    which assumptions matter most overall; the tornado says how far each one alone can move the answer.";

/// Where each bar runs (from zero to its coefficient, in drawing units) and where zero is,
/// on a scale from -s to s, s the largest size of a coefficient and at least 1.
pub fn geometry(r: &Ranking) -> (Vec<(f64, f64)>, f64) {
    let span = r
        .effects
        .iter()
        .map(|e| e.coefficient.abs())
        .filter(|c| c.is_finite())
        .fold(1.0, f64::max);
    let half = (WIDTH - LABELS - 60.0) / 2.0;
    let zero = LABELS + 20.0 + half;
    let x = |c: f64| zero + if c.is_finite() { c / span * half } else { 0.0 };
    let bars = r
        .effects
        .iter()
        .map(|e| {
            let end = x(e.coefficient);
            (zero.min(end), zero.max(end))
        })
        .collect();
    (bars, zero)
}

/// About how large a coefficient chance alone can make with this many samples: twice its
/// standard error, sqrt((1 - R²) / (n - k - 1)) for settings as nearly uncorrelated as a
/// Latin hypercube's. `None` when there are too few samples to say.
pub fn chance_level(r: &Ranking) -> Option<f64> {
    let spare = f64::from(r.samples) - r.effects.len() as f64 - 1.0;
    (spare >= 1.0).then(|| 2.0 * ((1.0 - r.r_squared.clamp(0.0, 1.0)) / spare).sqrt())
}

/// A coefficient as drawn beside its bar, signed with a true minus: "+0.58", "−0.33".
fn coefficient(c: f64) -> String {
    crate::format::signed_with(c, |m| format!("{m:.2}"))
}

/// A share of the spread explained, in words: "62%".
fn percent(share: f64) -> String {
    whole_percent(share.clamp(0.0, 1.0))
}

/// How much the assumptions explain together, in plain English for a councillor (the
/// statistical term is kept for [`explained_detail`], a tooltip).
pub fn explained(r: &Ranking) -> String {
    format!(
        "Together these assumptions explain about {} of the run-to-run differences in the \
         outcome; the rest is chance.",
        percent(r.r_squared)
    )
}

/// The same for a modeller, on hover: the statistic's name and value.
pub fn explained_detail(r: &Ranking) -> String {
    format!(
        "For modellers: the R\u{b2} of a straight-line fit of the outcome on the assumptions' \
         standardised settings, {:.2}.",
        r.r_squared.clamp(0.0, 1.0)
    )
}

/// The ranking as drawn: for an outcome that is not an amount of money, without the prices
/// (they cannot move it: any bar of theirs is chance), and whether any were left out.
pub fn shown_effects(r: &Ranking) -> (Ranking, bool) {
    let mut shown = r.clone();
    if !words::prices_move(crate::app::components::sensitivity::metric_unit(&r.metric)) {
        shown.effects.retain(|e| !words::is_price(&e.path));
    }
    let left_out = shown.effects.len() < r.effects.len();
    (shown, left_out)
}

/// The ranking drawn, with its meaning.
pub fn ranking_chart(all: &Ranking) -> Html {
    let (shown, prices_left_out) = shown_effects(all);
    let r = &shown;
    let (bars, zero) = geometry(r);
    let height = bars.len() as f64 * ROW + 8.0;
    let rows = r.effects.iter().zip(&bars).enumerate().map(|(i, (e, (x0, x1)))| {
        let y = i as f64 * ROW + 4.0;
        let (colour, way) = if e.coefficient >= 0.0 {
            (palette::RISES, "rises")
        } else {
            (palette::FALLS, "falls")
        };
        let tip = format!(
            "{}: {}. With everything uncertain at once, the outcome {way} as this assumption rises \
             across its plausible range ({}); 0 would mean it makes no difference.",
            e.label,
            coefficient(e.coefficient),
            words::range(&e.path)
        );
        let (value_x, anchor) = if e.coefficient >= 0.0 {
            (x1 + 4.0, "start")
        } else {
            (x0 - 4.0, "end")
        };
        html! {
            <g class="ranking-row" data-path={e.path.clone()}>
                <title>{ tip }</title>
                { crate::app::components::sensitivity::label_lines(&e.label, y, ROW - 8.0) }
                <rect x={x0.to_string()} y={y.to_string()} width={(x1 - x0).to_string()}
                      height={(ROW - 8.0).to_string()} fill={colour} />
                <text x={value_x.to_string()} y={(y + (ROW - 8.0) / 2.0 + 4.0).to_string()} text-anchor={anchor}
                      font-size="11" fill={palette::TEXT}>{ coefficient(e.coefficient) }</text>
            </g>
        }
    });
    html! {
        <figure class="tornado global-ranking" id="global-ranking" data-outcome={r.metric.clone()}
                data-effects={r.effects.len().to_string()} data-samples={r.samples.to_string()}>
            <figcaption>
                <strong>{ "With all the assumptions uncertain together" }</strong>
                <br />
                { format!(
                    "{}: {} simulated futures, each with its own setting of every assumption drawn across its \
                     plausible range. ",
                    r.outcome, r.samples
                ) }
                <span id="ranking-explained" title={explained_detail(r)}>{ explained(r) }</span>
                <br />{ &r.meaning }
                if prices_left_out {
                    <br />
                    <span id="ranking-prices-left-out">{ words::PRICES_LEFT_OUT }</span>
                }
                if let Some(c) = chance_level(all) {
                    <br />
                    <span id="ranking-chance">{ format!(
                        "With {} futures, a bar shorter than about ±{c:.2} could be chance alone; more runs make \
                         the ranking sharper.",
                        r.samples
                    ) }</span>
                }
            </figcaption>
            <svg viewBox={format!("0 0 {WIDTH} {}", height + 24.0)} role="img"
                 aria-label="Ranking with all assumptions varying together" font-family="sans-serif">
                { for rows }
                <line x1={zero.to_string()} x2={zero.to_string()} y1="0" y2={height.to_string()}
                      stroke={palette::ZERO} stroke-width="1" />
                <rect x="0" y={(height + 5.0).to_string()} width="10" height="10" fill={palette::RISES} />
                <text x="14" y={(height + 14.0).to_string()} font-size="11" fill={palette::TEXT}>{ "outcome rises as the assumption rises" }</text>
                <rect x="250" y={(height + 5.0).to_string()} width="10" height="10" fill={palette::FALLS} />
                <text x="264" y={(height + 14.0).to_string()} font-size="11" fill={palette::TEXT}>{ "outcome falls as it rises" }</text>
            </svg>
            <p class="meaning" id="ranking-difference">{ DIFFERENCE }</p>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use engine::sensitivity::global::Effect;

    fn ranking(coefficients: &[f64]) -> Ranking {
        Ranking {
            outcome: "Cost".into(),
            metric: "cost".into(),
            samples: 30,
            r_squared: 0.5,
            effects: coefficients
                .iter()
                .enumerate()
                .map(|(i, c)| Effect {
                    path: format!("p{i}"),
                    label: format!("Assumption {i}"),
                    coefficient: *c,
                })
                .collect(),
            meaning: String::new(),
        }
    }

    /// Bars run from zero, right for a positive coefficient and left for a negative one,
    /// as long as their size says; all within the drawing.
    #[test]
    fn bars_run_from_zero_by_sign_and_size() {
        let r = ranking(&[0.8, -0.4, 0.0]);
        let (bars, zero) = geometry(&r);
        assert_eq!(bars[0].0, zero);
        assert!(bars[0].1 > zero);
        assert_eq!(bars[1].1, zero);
        assert!(bars[1].0 < zero);
        let (a, b) = (bars[0].1 - zero, zero - bars[1].0);
        assert!((a - 2.0 * b).abs() < 1e-9, "{a} {b}");
        assert_eq!(bars[2], (zero, zero));
        // A coefficient beyond 1 widens the scale instead of leaving the drawing.
        let (bars, _) = geometry(&ranking(&[-2.5, f64::NAN]));
        assert!(bars[0].0 >= LABELS && bars[0].1 <= WIDTH);
        assert_eq!(percent(0.456), "46%");
        let mut r = ranking(&[0.8]);
        r.r_squared = 0.62;
        assert_eq!(
            explained(&r),
            "Together these assumptions explain about 62% of the run-to-run differences in the \
             outcome; the rest is chance."
        );
        assert!(explained_detail(&r).contains("0.62"));
        // The words a councillor reads carry no statistical term; it is kept for the tooltip.
        for text in [
            explained(&r),
            engine::sensitivity::global::MEANING.to_string(),
        ] {
            for jargon in ["R\u{b2}", "regression", "coefficient", "variance"] {
                assert!(!text.contains(jargon), "{jargon} in {text}");
            }
        }
        assert_eq!(coefficient(-0.334), "\u{2212}0.33");
        assert_eq!(coefficient(0.58), "+0.58");
    }

    /// Chance's reach shrinks with more samples and a better fit, and is unknown with too
    /// few samples.
    #[test]
    fn chance_level_shrinks_with_samples() {
        let mut r = ranking(&[0.5, 0.1]);
        r.r_squared = 0.36;
        r.samples = 67;
        // 2 × sqrt(0.64 / 64) = 0.2.
        assert!((chance_level(&r).expect("enough") - 0.2).abs() < 1e-12);
        r.samples = 259;
        assert!((chance_level(&r).expect("enough") - 0.1).abs() < 1e-12);
        r.r_squared = 1.0;
        assert_eq!(chance_level(&r), Some(0.0));
        r.samples = 3;
        assert_eq!(chance_level(&r), None);
    }
}
