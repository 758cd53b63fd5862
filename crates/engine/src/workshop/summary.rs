//! The leaderboard: each team's figures from one run of all teams together, and the
//! spread of each card's setting across the teams (lowest, highest, mean).

use serde::Serialize;

use super::{cards, Level, Target, Workshop};
use crate::aggregate::Aggregate;
use crate::metrics;
use crate::report::Report;

/// One team's line of the leaderboard.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TeamRow {
    pub name: String,
    /// The setting picked on each card, in card order.
    pub levels: Vec<Level>,
    /// What the team's cards cost the purse a year.
    pub purse_cost: f64,
    /// Cost over the horizon (placements and levers), median and 10th-90th percentiles.
    pub cost_median: f64,
    pub cost_p10: f64,
    pub cost_p90: f64,
    /// Children without a suitable placement in the last month (median).
    pub no_suitable: f64,
    /// Share of children in in-house placements in the last month (median, 0-1).
    pub in_house_share: f64,
    /// Share of runs meeting the target (`None`: no target set).
    pub target_chance: Option<f64>,
}

/// How one card was set across the teams (ranks 0 = off .. 3 = large).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Spread {
    pub key: String,
    pub label: String,
    pub low: Level,
    pub high: Level,
    /// Mean rank across teams (0 = off, 1 = small, 2 = medium, 3 = large).
    pub mean: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Leaderboard {
    pub rows: Vec<TeamRow>,
    pub spread: Vec<Spread>,
    /// The last month's label ("2025-06"), for the column headings.
    pub last_month: String,
    pub runs: u64,
}

/// The spread of each card's setting across the teams.
pub fn spread(ws: &Workshop) -> Vec<Spread> {
    ws.cards
        .iter()
        .map(|c| {
            let key = c.kind.key();
            let levels: Vec<Level> = ws.teams.iter().map(|t| t.level(key)).collect();
            let n = levels.len().max(1) as f64;
            Spread {
                key: key.to_string(),
                label: c.kind.label().to_string(),
                low: levels.iter().copied().min().unwrap_or_default(),
                high: levels.iter().copied().max().unwrap_or_default(),
                mean: levels.iter().map(|l| f64::from(l.rank())).sum::<f64>() / n,
            }
        })
        .collect()
}

/// Share of runs of scenario `s` meeting the target.
pub fn target_chance(target: &Target, agg: &Aggregate, s: usize) -> Option<f64> {
    let a = agg.scenarios.get(s)?;
    if agg.runs == 0 {
        return None;
    }
    match *target {
        Target::NoSuitableAtMost { children, month } => {
            let k = metrics::index_of("no_suitable")?;
            let m = (month as usize).min(a.horizon.checked_sub(1)?);
            Some(a.cell(m, k).share_below(i64::from(children) + 1))
        }
        Target::WithinBudget { year } => {
            let over = *a.year_overspent_runs.get(year as usize)?;
            Some(1.0 - over as f64 / agg.runs as f64)
        }
    }
}

impl Leaderboard {
    /// The teams best first, as row indices: by the chance of meeting the target where
    /// there is one (higher first), then by children without a suitable placement at the
    /// end (fewer first), then by cost (lower first); teams level on all three keep their
    /// order. What the ranking is by, in words: [`Leaderboard::ranked_by`].
    pub fn ranking(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.rows.len()).collect();
        order.sort_by(|&a, &b| self.compare(a, b));
        order
    }

    /// The teams best first with their places: teams level on every count share a place
    /// (1, 1, 3: two teams on the same cards run on the same futures have the same figures).
    pub fn standings(&self) -> Vec<(usize, usize)> {
        let order = self.ranking();
        let mut out: Vec<(usize, usize)> = Vec::with_capacity(order.len());
        for (k, &row) in order.iter().enumerate() {
            let place = match out.last() {
                Some(&(prev, place)) if self.compare(prev, row).is_eq() => place,
                _ => k + 1,
            };
            out.push((row, place));
        }
        out
    }

    /// Row `a` against row `b` in the ranking's order.
    fn compare(&self, a: usize, b: usize) -> std::cmp::Ordering {
        let key = |r: &TeamRow| {
            (
                -r.target_chance.unwrap_or(0.0),
                r.no_suitable.round(),
                r.cost_median,
            )
        };
        let (ka, kb) = (key(&self.rows[a]), key(&self.rows[b]));
        ka.0.total_cmp(&kb.0)
            .then(ka.1.total_cmp(&kb.1))
            .then(ka.2.total_cmp(&kb.2))
    }

    /// What [`Leaderboard::ranking`] ranks by, in words.
    pub fn ranked_by(&self) -> &'static str {
        if self.rows.iter().any(|r| r.target_chance.is_some()) {
            "Ranked by the chance of meeting the target, then by fewer children without a suitable placement, then by lower cost."
        } else {
            "Ranked by fewer children without a suitable placement, then by lower cost."
        }
    }
}

/// The leaderboard of a run of `ws.job()`: `report` and `agg` are its report and
/// aggregate (the teams in order).
pub fn leaderboard(ws: &Workshop, report: &Report, agg: &Aggregate) -> Leaderboard {
    let last = |s: &crate::report::ScenarioReport, key: &str| {
        s.metrics
            .iter()
            .find(|m| m.key == key)
            .and_then(|m| m.months.last())
            .map_or(f64::NAN, |st| st.p50)
    };
    let rows = ws
        .teams
        .iter()
        .zip(&report.scenarios)
        .enumerate()
        .map(|(i, (t, s))| TeamRow {
            name: t.name.clone(),
            levels: ws.cards.iter().map(|c| t.level(c.kind.key())).collect(),
            purse_cost: ws.team_cost(t),
            cost_median: s.total_cost.p50,
            cost_p10: s.total_cost.p10,
            cost_p90: s.total_cost.p90,
            no_suitable: last(s, "no_suitable"),
            in_house_share: last(s, "in_house_share"),
            target_chance: ws.target.as_ref().and_then(|g| target_chance(g, agg, i)),
        })
        .collect();
    Leaderboard {
        rows,
        spread: spread(ws),
        last_month: report.month_labels.last().cloned().unwrap_or_default(),
        runs: report.runs,
    }
}

/// The purse cost of each card at each setting, for the cards' price lists.
pub fn price_list(card: &crate::scenario::Lever) -> Vec<(Level, f64)> {
    Level::ALL
        .iter()
        .map(|&l| (l, cards::card_cost(card, l)))
        .collect()
}
