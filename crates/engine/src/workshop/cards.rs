//! Strategy cards: one card per lever kind, holding the lever at its "medium" setting (the
//! ready-made lever of the scenario's catalogue of strategies, `defaults::strategies`),
//! the discrete settings a team can pick ([`Level`]), the lever each setting pulls, its
//! one-line consequence and its cost to the purse.
//!
//! A setting scales the lever's effect from "no change" (off) through half the medium
//! effect (small) and the medium effect to one and a half times it (large), and scales its
//! running cost the same way. Modelling assumption: effect and cost scale in proportion.

use serde::{Deserialize, Serialize};

use crate::scenario::{Home, Lever, LeverKind};
/// Weeks in a year and a month, for the running cost of homes (paid every week, full or
/// not): the simulation's, 52.18 a year ([`crate::types::WEEKS_PER_YEAR`]).
pub use crate::types::{WEEKS_PER_MONTH, WEEKS_PER_YEAR};

/// A setting a team can pick on a card.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    #[default]
    Off,
    Small,
    Medium,
    Large,
}

impl Level {
    pub const ALL: [Level; 4] = [Level::Off, Level::Small, Level::Medium, Level::Large];

    /// The share of the medium (ready-made) effect and cost.
    pub fn factor(self) -> f64 {
        match self {
            Level::Off => 0.0,
            Level::Small => 0.5,
            Level::Medium => 1.0,
            Level::Large => 1.5,
        }
    }

    /// Its place on the scale 0 (off) to 3 (large), for the spread across teams.
    pub fn rank(self) -> u8 {
        self as u8
    }

    pub fn label(self) -> &'static str {
        match self {
            Level::Off => "Off",
            Level::Small => "Small",
            Level::Medium => "Medium",
            Level::Large => "Large",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Level::Off => "off",
            Level::Small => "small",
            Level::Medium => "medium",
            Level::Large => "large",
        }
    }
}

/// The default cards: the first ready-made lever of each kind, in the order of the
/// catalogue of strategies.
pub fn default_cards() -> Vec<Lever> {
    let mut out: Vec<Lever> = vec![];
    for s in crate::defaults::strategies() {
        for l in s.levers {
            if !out.iter().any(|c| c.kind.key() == l.kind.key()) {
                out.push(l);
            }
        }
    }
    out
}

/// `1 + f·(m − 1)`: a multiplier's change from 1 scaled by `f`.
fn scaled(m: f64, f: f64) -> f64 {
    1.0 + f * (m - 1.0)
}

/// The homes of a programme at factor `f`: the first `round(f·n)` homes; beyond the
/// programme, its homes again, each opening a year after the one it repeats (modelling
/// assumption: a larger programme builds more of the same homes, later).
fn homes_at(homes: &[Home], f: f64) -> Vec<Home> {
    let n = homes.len();
    let want = libm::round(f * n as f64) as usize;
    (0..want)
        .filter_map(|i| {
            let h = homes.get(i % n.max(1))?;
            let round = (i / n.max(1)) as u32;
            let mut h = h.clone();
            if round > 0 {
                h.name = format!("{} (round {})", h.name, round + 1);
                h.open_month += 12 * round;
            }
            Some(h)
        })
        .collect()
}

/// The lever this card pulls at `level` (`None` when off, or when the setting leaves
/// nothing to pull, such as a programme of no homes).
pub fn lever_at(card: &Lever, level: Level) -> Option<Lever> {
    let f = level.factor();
    if f == 0.0 {
        return None;
    }
    let kind = match &card.kind {
        LeverKind::RecruitmentBoost {
            enquiry_multiplier,
            conversion_multiplier,
        } => LeverKind::RecruitmentBoost {
            enquiry_multiplier: scaled(*enquiry_multiplier, f),
            conversion_multiplier: scaled(*conversion_multiplier, f),
        },
        LeverKind::AdolescentCarers {
            new_adolescent_share,
            extra_households_per_year,
            weekly_fee_uplift,
        } => LeverKind::AdolescentCarers {
            new_adolescent_share: (new_adolescent_share * f).min(1.0),
            extra_households_per_year: extra_households_per_year * f,
            weekly_fee_uplift: *weekly_fee_uplift,
        },
        LeverKind::Retention {
            attrition_multiplier,
        } => LeverKind::Retention {
            attrition_multiplier: scaled(*attrition_multiplier, f).max(0.0),
        },
        LeverKind::NewHomes { homes } => {
            let homes = homes_at(homes, f);
            if homes.is_empty() {
                return None;
            }
            LeverKind::NewHomes { homes }
        }
        LeverKind::StepDown {
            children_per_year,
            max_age,
        } => LeverKind::StepDown {
            children_per_year: children_per_year * f,
            max_age: *max_age,
        },
        LeverKind::EdgeOfCare {
            admissions_multiplier,
        } => LeverKind::EdgeOfCare {
            admissions_multiplier: scaled(*admissions_multiplier, f).max(0.0),
        },
        LeverKind::PermanenceDrive {
            duration_multiplier,
        } => LeverKind::PermanenceDrive {
            duration_multiplier: scaled(*duration_multiplier, f).max(0.05),
        },
        LeverKind::FrameworkPricing {
            ifa_multiplier,
            residential_multiplier,
        } => LeverKind::FrameworkPricing {
            ifa_multiplier: scaled(*ifa_multiplier, f).max(0.0),
            residential_multiplier: scaled(*residential_multiplier, f).max(0.0),
        },
        LeverKind::SupportedAccommodation {
            places,
            weekly_cost,
        } => {
            let places = libm::round(f64::from(*places) * f) as u32;
            if places == 0 {
                return None;
            }
            LeverKind::SupportedAccommodation {
                places,
                weekly_cost: *weekly_cost,
            }
        }
    };
    Some(Lever {
        start_month: card.start_month,
        ramp_months: card.ramp_months,
        annual_cost: card.annual_cost * f,
        kind,
    })
}

/// What a lever costs the purse a year: its running cost, plus the weekly running cost of
/// any homes it opens (paid whether their beds are full or not), [`WEEKS_PER_YEAR`] weeks
/// a year as the simulation and the report count them. Supported accommodation
/// places are paid per child placed, within the placement costs, so they take nothing from
/// the purse beyond the lever's running cost.
pub fn purse_cost(lever: &Lever) -> f64 {
    let homes = match &lever.kind {
        LeverKind::NewHomes { homes } => homes.iter().map(|h| h.weekly_cost).sum::<f64>(),
        _ => 0.0,
    };
    lever.annual_cost + homes * WEEKS_PER_YEAR
}

/// A lever's running costs over the simulated months `months` (0 = the first), at today's
/// prices, as the simulation charges them: its annual cost a twelfth a month from its start
/// month (`sim::model`), and each new home's weekly cost from the month it opens (not before
/// the lever starts), full or not, [`WEEKS_PER_MONTH`] weeks a month (`sim/run/month_end.rs`).
/// The simulation raises the homes' costs with inflation; this does not.
pub fn running_cost(lever: &Lever, months: std::ops::Range<u32>) -> f64 {
    let months_from = |from: u32| months.end.saturating_sub(from.max(months.start)) as f64;
    let homes = match &lever.kind {
        LeverKind::NewHomes { homes } => homes
            .iter()
            .map(|h| {
                h.weekly_cost * months_from(h.open_month.max(lever.start_month)) * WEEKS_PER_MONTH
            })
            .sum::<f64>(),
        _ => 0.0,
    };
    lever.annual_cost / 12.0 * months_from(lever.start_month) + homes
}

/// The month (0 = the first) from which all of a lever's running costs are paid: its start,
/// or the opening of its last new home.
pub fn fully_running(lever: &Lever) -> u32 {
    match &lever.kind {
        LeverKind::NewHomes { homes } => homes
            .iter()
            .map(|h| h.open_month)
            .fold(lever.start_month, u32::max),
        _ => lever.start_month,
    }
}

/// The purse cost of a card at a setting (0 when off).
pub fn card_cost(card: &Lever, level: Level) -> f64 {
    lever_at(card, level).map_or(0.0, |l| purse_cost(&l))
}

fn pct(x: f64) -> String {
    crate::rounding::whole_percent(x.abs())
}

/// The card's one-line consequence at a setting, in plain words.
pub fn consequence(card: &Lever, level: Level) -> String {
    let Some(l) = lever_at(card, level) else {
        return "No change.".to_string();
    };
    match &l.kind {
        LeverKind::RecruitmentBoost {
            enquiry_multiplier,
            conversion_multiplier,
        } => format!(
            "{} more fostering enquiries, {} better conversion to approved carers.",
            pct(enquiry_multiplier - 1.0),
            pct(conversion_multiplier - 1.0)
        ),
        LeverKind::AdolescentCarers {
            new_adolescent_share,
            extra_households_per_year,
            weekly_fee_uplift,
        } => format!(
            "{} of new carers take adolescents, {extra_households_per_year:.0} extra such households a year, paid £{weekly_fee_uplift:.0} a week more.",
            pct(*new_adolescent_share)
        ),
        LeverKind::Retention {
            attrition_multiplier,
        } => format!(
            "{} fewer in-house carers stop fostering.",
            pct(1.0 - attrition_multiplier)
        ),
        LeverKind::NewHomes { homes } => {
            let beds: u32 = homes.iter().map(|h| h.beds).sum();
            let usable: u32 = homes.iter().map(|h| h.usable_beds).sum();
            format!(
                "{} new council children's homes, {beds} beds ({usable} usable).",
                homes.len()
            )
        }
        LeverKind::StepDown {
            children_per_year,
            max_age,
        } => format!(
            "{children_per_year:.0} children a year step down from residential to foster care (up to age {max_age})."
        ),
        LeverKind::EdgeOfCare {
            admissions_multiplier,
        } => format!(
            "{} fewer admissions of young people aged 10+.",
            pct(1.0 - admissions_multiplier)
        ),
        LeverKind::PermanenceDrive {
            duration_multiplier,
        } => format!(
            "Special guardianship and reunification {} sooner.",
            pct(1.0 - duration_multiplier)
        ),
        LeverKind::FrameworkPricing {
            ifa_multiplier,
            residential_multiplier,
        } => format!(
            "Agency fostering fees {} lower, residential fees {} lower.",
            pct(1.0 - ifa_multiplier),
            pct(1.0 - residential_multiplier)
        ),
        LeverKind::SupportedAccommodation {
            places,
            weekly_cost,
        } => format!(
            "{places} supported accommodation places for 16-17 year olds at £{weekly_cost:.0} a week each, paid per young person placed."
        ),
    }
}
