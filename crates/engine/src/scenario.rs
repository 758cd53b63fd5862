//! The `Scenario`: one serde type that is the single source of truth for every assumption
//! (the app's forms, share URLs, scenario files and the CLI all read and write it), plus the
//! `RunSettings` that say how many Monte Carlo runs to make and with which seed.
//! Validation lives beside it in `validate/` (which makes a `ValidScenario`).

use serde::{Deserialize, Serialize};

use crate::types::{NeedsFilter, PlacementType};

/// A complete, self-contained description of a borough and a strategy.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// First simulated month (calendar), e.g. 2020-07.
    pub start_year: i32,
    pub start_month: u32,
    /// What the starting figures describe and the month they are as at (the default borough:
    /// Rotherham's published figures, June 2020). Older files without it get the default.
    #[serde(default)]
    pub data_as_at: DataAsAt,
    pub demand: Demand,
    pub population: StartingPopulation,
    pub exits: Exits,
    pub fostering: Fostering,
    pub residential: Residential,
    pub markets: Markets,
    pub matching: Matching,
    pub stability: Stability,
    pub costs: Costs,
    /// The strategy: levers pulled on top of the baseline assumptions.
    #[serde(default)]
    pub levers: Vec<Lever>,
}

/// Where the starting figures (children, carers, prices) come from and the month they are as
/// at. A start later than the month after it runs those figures as if they were the start's.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DataAsAt {
    /// What the figures describe, in words.
    pub source: String,
    pub year: i32,
    /// Calendar month (1-12) the figures are as at (the end of that month).
    pub month: u32,
    /// The prices (weekly costs, homes, recruitment, levers, budget) were brought forward
    /// from this date to the start at the scenario's inflation; children and carers were not.
    #[serde(default)]
    pub prices_rolled_forward: bool,
}

impl Default for DataAsAt {
    fn default() -> Self {
        DataAsAt {
            source: "Example borough modelled on Rotherham's published figures".to_string(),
            year: 2020,
            month: 6,
            prices_rolled_forward: false,
        }
    }
}

impl DataAsAt {
    /// "Example borough modelled on Rotherham's published figures, as at June 2020".
    pub fn note(&self) -> String {
        let month = crate::calendar::YearMonth::from_count(
            self.year as i64 * 12 + self.month.clamp(1, 12) as i64 - 1,
        );
        let rolled = if self.prices_rolled_forward {
            " (prices rolled forward to the start)"
        } else {
            ""
        };
        format!(
            "{}, as at {} {}{rolled}",
            self.source,
            month.name(),
            self.year
        )
    }

    /// Months from the month after the figures' date to `start` (0 when the start is the
    /// month after the figures, as for the default borough; negative when earlier).
    pub fn months_to(&self, start_year: i32, start_month: u32) -> i64 {
        (start_year as i64 * 12 + start_month as i64)
            - (self.year as i64 * 12 + self.month as i64 + 1)
    }
}

/// How many runs, with which seed, over what horizon.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RunSettings {
    pub seed: u64,
    pub replications: u32,
    pub horizon_months: u32,
    /// Include uncertainty in the assumptions: each replication draws the uncertain
    /// assumptions from their ranges (`sim::uncertain`), the same for every scenario.
    /// Off (the default) leaves every result as it was.
    #[serde(default)]
    pub uncertainty: bool,
}

impl Default for RunSettings {
    fn default() -> Self {
        RunSettings {
            seed: 20_200_701,
            replications: 1000,
            horizon_months: 60,
            uncertainty: false,
        }
    }
}

/// Admissions: sibling groups arriving as a compound stochastic process.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Demand {
    /// Mean sibling groups admitted per month at the start.
    pub groups_per_month: f64,
    /// Growth of the group rate per year (0.05 = +5% a year; negative for a fall).
    pub trend_per_year: f64,
    /// Month-of-year multipliers, January first, relative to each other (scaled to mean 1:
    /// see `seasonal_factor`).
    pub seasonality: [f64; 12],
    /// Probability that a group has 1, 2, 3, ... children.
    pub group_size: Vec<f64>,
    /// Share of groups whose first child is in each age band at entry (its siblings are
    /// drawn around it: see `sibling_age_spread_years`).
    pub entry_age: [f64; 5],
    /// Largest age gap (years) between a group's first child and each of its siblings, who
    /// are younger (7 in 10) or older.
    pub sibling_age_spread_years: f64,
    /// Probability a child has complex needs, by age band at entry.
    pub complex_needs: [f64; 5],
    /// Share of admitted children placed with parents (P1) rather than matched.
    pub placed_with_parents_share: f64,
}

impl Demand {
    /// The admissions multiplier of calendar month `cal` (0 = January): its seasonality
    /// value over the twelve values' mean, so the pattern does not change the yearly rate.
    /// All zero means no admissions.
    pub fn seasonal_factor(&self, cal: usize) -> f64 {
        let mean = self.seasonality.iter().sum::<f64>() / 12.0;
        if mean > 0.0 {
            self.seasonality[cal % 12] / mean
        } else {
            0.0
        }
    }
}

/// The children already in care when the simulation starts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StartingPopulation {
    pub children: u32,
    /// Age profile of the stock (counts or shares by band); `null` lets the model's own
    /// admissions and exits decide it.
    pub age_profile: Option<[f64; 5]>,
    /// Children in each placement type at the start (scaled to `children`).
    pub placement_mix: PlacementCounts,
    /// The starting children one by one, from the borough's own returns. When not empty,
    /// these are the children in care at the start: `children` must equal its length, and
    /// `age_profile` and `placement_mix` are not used. Empty (the default): the starting
    /// children are drawn from `children`, `age_profile` and `placement_mix`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub listed: Vec<StartChild>,
    /// Share of the starting children (drawn, not listed) with three or more placements in
    /// the last 12 months.
    #[serde(default)]
    pub three_placements_share: f64,
    /// Share of the starting children (drawn, not listed) with two placements in the last
    /// 12 months (one move).
    #[serde(default)]
    pub one_move_share: f64,
}

/// One child already in care at the start, from the borough's own returns (no identifier).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StartChild {
    /// Age in years on the start date.
    pub age_years: f64,
    /// Age in years when this period of care began.
    pub entry_age_years: f64,
    /// Months in care so far (this period of care).
    pub months_in_care: f64,
    pub placement: PlacementType,
    /// Placement moves in the last 12 months.
    pub moves_last_12_months: u32,
    #[serde(default)]
    pub complex_needs: bool,
}

/// One number per placement type.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlacementCounts {
    pub in_house_foster: f64,
    pub connected_person: f64,
    pub ifa: f64,
    pub in_house_residential: f64,
    pub external_residential: f64,
    pub supported_accommodation: f64,
    pub placed_with_parents: f64,
    pub placed_for_adoption: f64,
    pub emergency: f64,
}

impl PlacementCounts {
    pub fn get(&self, t: PlacementType) -> f64 {
        match t {
            PlacementType::InHouseFoster => self.in_house_foster,
            PlacementType::ConnectedPerson => self.connected_person,
            PlacementType::Ifa => self.ifa,
            PlacementType::InHouseResidential => self.in_house_residential,
            PlacementType::ExternalResidential => self.external_residential,
            PlacementType::SupportedAccommodation => self.supported_accommodation,
            PlacementType::PlacedWithParents => self.placed_with_parents,
            PlacementType::PlacedForAdoption => self.placed_for_adoption,
            PlacementType::Emergency => self.emergency,
        }
    }
    /// From one number per type, in `PlacementType::ALL` order.
    pub fn from_array(v: [f64; PlacementType::COUNT]) -> PlacementCounts {
        PlacementCounts {
            in_house_foster: v[0],
            connected_person: v[1],
            ifa: v[2],
            in_house_residential: v[3],
            external_residential: v[4],
            supported_accommodation: v[5],
            placed_with_parents: v[6],
            placed_for_adoption: v[7],
            emergency: v[8],
        }
    }

    pub fn to_array(&self) -> [f64; PlacementType::COUNT] {
        PlacementType::ALL.map(|t| self.get(t))
    }
}

/// A duration distribution, in months.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "family", rename_all = "snake_case", deny_unknown_fields)]
pub enum DurationDist {
    Exponential {
        mean_months: f64,
    },
    Gamma {
        mean_months: f64,
        shape: f64,
    },
    Lognormal {
        median_months: f64,
        sigma: f64,
    },
    /// Piecewise-linear cumulative distribution: `(months, cumulative probability)` points,
    /// increasing, ending at probability 1.
    Empirical {
        points: Vec<(f64, f64)>,
    },
}

/// Exit routes and how long each takes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exits {
    /// For each age band at entry: probabilities of return home, SGO/CAO, adoption,
    /// staying to 18 (each row sums to 1).
    pub route_by_entry_age: [[f64; 4]; 5],
    pub return_home: DurationDist,
    pub special_guardianship: DurationDist,
    pub adoption: DurationDist,
    /// Days before the adoption order that the child moves to the adoptive placement.
    pub adoption_placement_lead_days: f64,
    /// Share of 18-year-olds in in-house foster care who stay put with their carers.
    pub staying_put_share: f64,
    /// Months a Staying Put young person keeps the foster place after 18.
    pub staying_put_months: f64,
}

/// In-house foster households and the recruitment funnel.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fostering {
    /// Approved mainstream households at the start.
    pub households: u32,
    /// Probability a household has 1, 2 or 3 places.
    pub places: [f64; 3],
    /// Share of households that take adolescents (11-17) and complex needs.
    pub adolescent_share: f64,
    /// Oldest child a household that does not take adolescents will take.
    pub standard_max_age: u8,
    /// Mean years since approval of the households at the start.
    pub mean_tenure_years: f64,
    /// Yearly probability-rate (hazard) of leaving in the first two years after approval.
    pub attrition_early: f64,
    /// Yearly hazard of leaving after two years.
    pub attrition_later: f64,
    /// Share of leaving households with a child that leave by becoming that child's
    /// special guardians (the child leaves care with them).
    pub sgo_conversion_share: f64,
    /// Share of approved places usable for a full-time placement (the others: approved
    /// for respite only, carers on a break, a child who cannot join those already there).
    #[serde(default = "always")]
    pub usable_place_share: f64,
    pub funnel: Funnel,
}

/// Enquiry -> information visit -> stage 1 -> stage 2 -> panel approval.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Funnel {
    pub enquiries_per_month: f64,
    pub to_visit: f64,
    pub to_stage1: f64,
    pub to_stage2: f64,
    pub to_approval: f64,
    /// Mean delays (months) before each step.
    pub visit_delay_months: f64,
    pub stage1_delay_months: f64,
    pub stage2_delay_months: f64,
    pub approval_delay_months: f64,
    /// Places offered by a newly approved household (probability of 1, 2, 3).
    pub new_places: [f64; 3],
    /// Share of new households that take adolescents.
    pub new_adolescent_share: f64,
}

/// A children's home run by the council.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Home {
    pub name: String,
    pub beds: u32,
    /// Beds that can actually be used (matching children who can live together leaves
    /// beds empty).
    pub usable_beds: u32,
    pub min_age: u8,
    pub max_age: u8,
    /// Month (from the start, 0 = first month) it opens.
    pub open_month: u32,
    /// Running cost per week, paid whether beds are full or not.
    pub weekly_cost: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Residential {
    pub homes: Vec<Home>,
}

/// A bought-in placement market.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Market {
    /// Most children it can take at once; `null` = no limit.
    pub limit: Option<u32>,
    pub min_age: u8,
    pub max_age: u8,
    /// Chance that a suitable place is found in time each time one is sought for a child
    /// (under 11; see `Markets::adolescent_found_factor`); otherwise matching moves on down
    /// the order, to an emergency placement at its end. 1 = always found.
    #[serde(default = "always")]
    pub found_in_time: f64,
}

/// A chance or multiplier of 1, for fields older scenario files do not have.
fn always() -> f64 {
    1.0
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Markets {
    pub ifa: Market,
    pub external_residential: Market,
    pub supported_accommodation: Market,
    /// Probability a family-and-friends carer can be found when one is sought.
    pub connected_person_availability: f64,
    /// Probability an agency carer can be found for a child aged 11+ with complex needs.
    pub ifa_complex_availability: f64,
    /// Probability an agency household can take each extra sibling of a group together.
    pub ifa_sibling_availability: f64,
    /// Multiplier of each market's `found_in_time` for a young person aged 11+.
    #[serde(default = "always")]
    pub adolescent_found_factor: f64,
    /// Share placed outside the borough, by placement type.
    pub out_of_borough: PlacementCounts,
}

/// One rule of the preference order: the first rule matching a child's age and needs
/// gives the order in which placement types are tried.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatchRule {
    pub min_age: u8,
    pub max_age: u8,
    pub needs: NeedsFilter,
    pub order: Vec<PlacementType>,
    /// The placement types that meet the assessed needs of the children this rule covers:
    /// a child placed in any other type counts as "placed below assessed need" (emergency
    /// placements count as "no suitable placement" instead). `null` (older scenario files)
    /// means the rule's own derived policy: see [`MatchRule::suitable_types`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suitable: Option<Vec<PlacementType>>,
}

impl MatchRule {
    /// The placement types suitable for this rule's children: as listed, or for a rule that
    /// does not list them (a scenario written before the list existed), the types of its
    /// order that meet the needs it covers: family-based care (in-house, connected-person
    /// and agency foster care) for every child, supported accommodation for a rule of young
    /// people aged 16 or over that covers standard needs (it gives support, not care: below
    /// the need of a young person whose needs call for care), and residential care for a
    /// rule that covers complex needs.
    /// An emergency placement is never suitable.
    pub fn suitable_types(&self) -> Vec<PlacementType> {
        if let Some(list) = &self.suitable {
            return list.clone();
        }
        self.order
            .iter()
            .copied()
            .filter(|t| match t {
                PlacementType::InHouseFoster
                | PlacementType::ConnectedPerson
                | PlacementType::Ifa => true,
                PlacementType::SupportedAccommodation => {
                    self.min_age >= 16 && self.needs != NeedsFilter::Complex
                }
                PlacementType::InHouseResidential | PlacementType::ExternalResidential => {
                    self.needs != NeedsFilter::Standard
                }
                _ => false,
            })
            .collect()
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Matching {
    pub rules: Vec<MatchRule>,
    pub keep_siblings_together: bool,
    /// Days before a child in an emergency placement is matched again.
    pub emergency_review_days: f64,
}

/// Placement breakdown hazards (per year), for children under 11 and 11+.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stability {
    pub breakdown_child: PlacementCounts,
    pub breakdown_adolescent: PlacementCounts,
    /// Breakdown hazard multiplier for each placement the child has had in the last
    /// 12 months beyond the current one (instability begets instability).
    pub repeat_multiplier: f64,
    /// Young people (11+) whose placements keep breaking down (a third placement within 12
    /// months) are from then on matched as having complex needs.
    pub escalate_after_repeat_moves: bool,
    /// Share of admissions whose first placement is short-term (a planned move follows).
    pub short_term_first_share: f64,
    /// Mean days in a short-term first placement before the planned move.
    pub short_term_days: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Costs {
    /// Weekly cost per child by placement type, at the start.
    pub weekly: PlacementCounts,
    /// Yearly price inflation (0.03 = 3%).
    pub inflation_per_year: f64,
    /// Cost of recruiting and assessing one approved household.
    pub cost_per_approval: f64,
    /// Placements budget for a full financial year, at the start.
    pub budget_per_year: f64,
    /// Yearly growth of the budget.
    pub budget_growth_per_year: f64,
    /// The council's own budget for each financial year of the horizon, first year first
    /// (full-year figures); later years grow from the last at `budget_growth_per_year`.
    /// Empty: `budget_per_year`, grown each year.
    #[serde(default)]
    pub budget_by_year: Vec<f64>,
}

impl Costs {
    /// The full-year budget of the `k`-th financial year of the horizon (0 = the first).
    pub fn year_budget(&self, k: usize) -> f64 {
        let growth = |years: usize| libm::pow(1.0 + self.budget_growth_per_year, years as f64);
        match self.budget_by_year.get(k) {
            Some(b) => *b,
            None => match self.budget_by_year.last() {
                Some(last) => last * growth(k + 1 - self.budget_by_year.len()),
                None => self.budget_per_year * growth(k),
            },
        }
    }
}

/// A lever: one action with a start month, a ramp to full effect and its own cost.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lever {
    pub start_month: u32,
    pub ramp_months: u32,
    /// Running cost per year once started.
    pub annual_cost: f64,
    pub kind: LeverKind,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum LeverKind {
    /// More enquiries and/or better conversion through the funnel.
    RecruitmentBoost {
        enquiry_multiplier: f64,
        conversion_multiplier: f64,
    },
    /// Fostering Plus: more new households take adolescents, paid a fee uplift.
    AdolescentCarers {
        new_adolescent_share: f64,
        extra_households_per_year: f64,
        weekly_fee_uplift: f64,
    },
    /// Lower attrition of in-house households.
    Retention { attrition_multiplier: f64 },
    /// New in-house children's homes.
    NewHomes { homes: Vec<Home> },
    /// Move children from residential to foster care.
    StepDown { children_per_year: f64, max_age: u8 },
    /// Fewer admissions of young people aged 10+.
    EdgeOfCare { admissions_multiplier: f64 },
    /// Faster special guardianship and reunification.
    PermanenceDrive { duration_multiplier: f64 },
    /// Regional framework prices.
    FrameworkPricing {
        ifa_multiplier: f64,
        residential_multiplier: f64,
    },
    /// Supported accommodation places for 16-17 year olds, tried right after in-house foster care
    /// for young people whose rule lists it as suitable.
    SupportedAccommodation { places: u32, weekly_cost: f64 },
}

impl LeverKind {
    pub fn key(&self) -> &'static str {
        match self {
            LeverKind::RecruitmentBoost { .. } => "recruitment_boost",
            LeverKind::AdolescentCarers { .. } => "adolescent_carers",
            LeverKind::Retention { .. } => "retention",
            LeverKind::NewHomes { .. } => "new_homes",
            LeverKind::StepDown { .. } => "step_down",
            LeverKind::EdgeOfCare { .. } => "edge_of_care",
            LeverKind::PermanenceDrive { .. } => "permanence_drive",
            LeverKind::FrameworkPricing { .. } => "framework_pricing",
            LeverKind::SupportedAccommodation { .. } => "supported_accommodation",
        }
    }
    pub fn label(&self) -> &'static str {
        match self {
            LeverKind::RecruitmentBoost { .. } => "Recruitment boost",
            LeverKind::AdolescentCarers { .. } => "Adolescent carers (Fostering Plus)",
            LeverKind::Retention { .. } => "Carer retention programme",
            LeverKind::NewHomes { .. } => "New in-house children's homes",
            LeverKind::StepDown { .. } => "Step-down from residential to foster care",
            LeverKind::EdgeOfCare { .. } => "Edge-of-care work (fewer admissions aged 10+)",
            LeverKind::PermanenceDrive { .. } => "Permanence drive (faster SGO and reunification)",
            LeverKind::FrameworkPricing { .. } => "Framework pricing",
            LeverKind::SupportedAccommodation { .. } => "Supported accommodation for 16-17",
        }
    }
}

/// A named, ready-made set of levers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Strategy {
    pub id: String,
    pub name: String,
    pub description: String,
    pub source: String,
    pub levers: Vec<Lever>,
}

impl Scenario {
    /// This scenario with a strategy's levers added and its name taken.
    pub fn with_strategy(&self, strategy: &Strategy) -> Scenario {
        let mut s = self.clone();
        s.name = strategy.name.clone();
        s.description = strategy.description.clone();
        s.levers.extend(strategy.levers.iter().cloned());
        s
    }

    /// Parse a scenario from JSON, naming the field of any error.
    pub fn from_json(text: &str) -> Result<Scenario, crate::validate::FieldError> {
        crate::validate::parse_json(text)
    }
}
