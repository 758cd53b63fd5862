//! Workshop mode: teams of managers each pick settings on the strategy cards, within an
//! optional purse, and their scenarios run together against a facilitator's target.
//!
//! * [`Workshop`]: what is saved in a workshop file and share link (the baseline, run
//!   settings, cards, purse, target and teams); nothing identifying is kept (teams are
//!   named by the facilitator, "Table 1" by default);
//! * [`cards`]: the cards, their settings, consequences and costs to the purse;
//! * [`file`](mod@file): reading a workshop file (migration from older versions, validation naming
//!   the field);
//! * [`summary`]: the leaderboard (each team's figures) and the spread of each lever's
//!   setting across teams.
//!
//! Each team's scenario is a variant of the baseline with its own levers
//! ([`crate::workspace::ScenarioSet`]); all teams run in one job on common random numbers.

pub mod cards;
pub mod file;
pub mod summary;

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::FieldError;
use crate::path::FieldPath;
use crate::runner::Job;
use crate::scenario::{Lever, RunSettings, Scenario};
use crate::workspace::{BaseRef, ScenarioSet, Variant};

pub use cards::Level;

/// The version of the workshop file this engine writes.
pub const FILE_VERSION: u32 = 1;
/// Most teams: every team is one scenario of one job.
pub const MAX_TEAMS: usize = crate::limits::MAX_SCENARIOS;
/// Longest team name (a table's name, not a person's).
pub const MAX_TEAM_NAME: usize = 40;
/// Runs a workshop makes by default: enough for a leaderboard in a few seconds.
pub const DEFAULT_RUNS: u32 = 200;

/// What the facilitator asks of every team, and how often each team's plan meets it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Target {
    /// At most `children` without a suitable placement in month `month` of the horizon
    /// (0 = the first month).
    NoSuitableAtMost { children: u32, month: u32 },
    /// The placements cost (levers included) within the budget of financial year `year`
    /// of the horizon (0 = the first).
    WithinBudget { year: u32 },
}

/// One table of managers and the setting it picked on each card (by the card's lever
/// kind key; a card not listed is off).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Team {
    pub name: String,
    #[serde(default)]
    pub choices: BTreeMap<String, Level>,
}

impl Team {
    /// The setting picked on the card of this lever kind.
    pub fn level(&self, key: &str) -> Level {
        self.choices.get(key).copied().unwrap_or_default()
    }
}

/// A workshop: the baseline every team builds on, the run settings, the cards, the purse,
/// the target and the teams.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workshop {
    pub version: u32,
    pub baseline: Scenario,
    pub settings: RunSettings,
    /// One lever per kind, at its medium setting.
    pub cards: Vec<Lever>,
    /// Money a year the teams' levers must fit within (pounds); `None`: no purse.
    #[serde(default)]
    pub purse: Option<f64>,
    #[serde(default)]
    pub target: Option<Target>,
    pub teams: Vec<Team>,
}

/// Why a team's choice is refused.
#[derive(Clone, Debug, PartialEq)]
pub enum ChoiceError {
    UnknownCard(String),
    UnknownTeam(usize),
    /// The choice would cost `cost` a year, more than the purse.
    OverPurse {
        team: String,
        card: String,
        cost: f64,
        purse: f64,
        /// What was left of the purse before this choice.
        remaining: f64,
    },
}

impl fmt::Display for ChoiceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChoiceError::UnknownCard(k) => write!(f, "there is no card {k}"),
            ChoiceError::UnknownTeam(i) => write!(f, "there is no team {}", i + 1),
            ChoiceError::OverPurse {
                team,
                card,
                cost,
                purse,
                remaining,
            } => write!(
                f,
                "{team} cannot take {card} at that setting: its cards would cost {} a year, over the purse of {} ({} was left).",
                money(*cost),
                money(*purse),
                money(*remaining),
            ),
        }
    }
}

impl std::error::Error for ChoiceError {}

/// Pounds, to the nearest thousand (`£1.25M`, `£250k`).
pub fn money(v: f64) -> String {
    if v == 0.0 {
        "£0".to_string()
    } else if v.abs() >= 1e6 {
        format!("£{:.2}M", v / 1e6)
    } else {
        format!("£{:.0}k", v / 1e3)
    }
}

/// Default names: "Table 1", "Table 2", ...
pub fn table_name(i: usize) -> String {
    format!("Table {}", i + 1)
}

impl Workshop {
    /// A workshop on this baseline with `teams` tables, nothing picked, no purse, no target.
    pub fn new(baseline: Scenario, teams: usize) -> Workshop {
        let settings = RunSettings {
            replications: DEFAULT_RUNS,
            ..RunSettings::default()
        };
        Workshop {
            version: FILE_VERSION,
            baseline,
            settings,
            cards: cards::default_cards(),
            purse: None,
            target: None,
            teams: (0..teams.clamp(1, MAX_TEAMS))
                .map(|i| Team {
                    name: table_name(i),
                    choices: BTreeMap::new(),
                })
                .collect(),
        }
    }

    /// The card of a lever kind.
    pub fn card(&self, key: &str) -> Option<&Lever> {
        self.cards.iter().find(|c| c.kind.key() == key)
    }

    /// What a team's picks cost the purse a year.
    pub fn team_cost(&self, team: &Team) -> f64 {
        self.cards
            .iter()
            .map(|c| cards::card_cost(c, team.level(c.kind.key())))
            .sum()
    }

    /// What is left of the purse for a team (`None`: no purse).
    pub fn remaining(&self, team: &Team) -> Option<f64> {
        self.purse.map(|p| p - self.team_cost(team))
    }

    /// Team `t` picks `level` on card `key`, refused when it would not fit the purse.
    pub fn choose(&mut self, t: usize, key: &str, level: Level) -> Result<(), ChoiceError> {
        let card = self
            .card(key)
            .ok_or_else(|| ChoiceError::UnknownCard(key.to_string()))?;
        let label = card.kind.label().to_string();
        let team = self.teams.get(t).ok_or(ChoiceError::UnknownTeam(t))?;
        let mut next = team.clone();
        next.choices.insert(key.to_string(), level);
        if level == Level::Off {
            next.choices.remove(key);
        }
        let cost = self.team_cost(&next);
        if let Some(purse) = self.purse {
            // Lowering a setting is always allowed (it frees money).
            if cost > purse && level > team.level(key) {
                return Err(ChoiceError::OverPurse {
                    team: team.name.clone(),
                    card: label,
                    cost,
                    purse,
                    remaining: purse - self.team_cost(team),
                });
            }
        }
        self.teams[t] = next;
        Ok(())
    }

    /// The teams' levers, in card order, as JSON values (a variant's levers).
    fn team_levers(&self, team: &Team) -> Vec<Lever> {
        self.cards
            .iter()
            .filter_map(|c| cards::lever_at(c, team.level(c.kind.key())))
            .collect()
    }

    /// The baseline and one variant per team, each built on the baseline with its levers.
    pub fn scenario_set(&self) -> ScenarioSet {
        let mut set = ScenarioSet::new(&self.baseline);
        set.variants = self
            .teams
            .iter()
            .enumerate()
            .map(|(i, t)| Variant {
                id: i as u32 + 1,
                name: t.name.clone(),
                description: String::new(),
                base: BaseRef::Baseline,
                compare_with: BaseRef::Baseline,
                levers: self
                    .team_levers(t)
                    .iter()
                    .filter_map(|l| serde_json::to_value(l).ok())
                    .collect(),
                base_levers: true,
                overrides: vec![],
            })
            .collect();
        set
    }

    /// The job of the teams' scenarios (the baseline itself is not run: every team is
    /// compared with the first team), validated; errors name the team's field
    /// (`teams[2].levers[0].annual_cost`).
    pub fn job(&self) -> Result<Job, Vec<FieldError>> {
        let values = self.scenario_set().resolve().map_err(|e| {
            vec![FieldError::at(
                FieldPath::root().key("teams"),
                e.to_string(),
            )]
        })?;
        let mut scenarios = vec![];
        let mut errors = vec![];
        for (i, v) in values.iter().enumerate().skip(1) {
            let text = serde_json::to_string(v).unwrap_or_default();
            match crate::validate::parse_json::<Scenario>(&text) {
                Ok(s) => scenarios.push(s),
                Err(e) => errors.push(e.within(&FieldPath::root().key("teams").index(i - 1))),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let n = scenarios.len();
        let job = Job {
            settings: self.settings,
            scenarios,
            compare_with: vec![0; n],
        };
        job.validate().map_err(|errs| {
            errs.into_iter()
                .map(|e| rename_scenarios(e, "teams"))
                .collect::<Vec<_>>()
        })?;
        Ok(job)
    }
}

/// A job's error at `scenarios[i]...` named as `teams[i]...`.
fn rename_scenarios(e: FieldError, to: &str) -> FieldError {
    let list = FieldPath::root().key("scenarios");
    match e.path.strip_prefix(&list) {
        Some(rest) => FieldError::at(FieldPath::root().key(to).join(&rest), e.reason),
        None => e,
    }
}
