//! Domain vocabulary shared by every part of the engine: placement types (with their SSDA903
//! codes), reporting age bands, needs levels and exit routes.

use serde::{Deserialize, Serialize};

/// Where a child lives. Each type maps to SSDA903 placement codes so a council's own
/// returns can be imported later.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlacementType {
    InHouseFoster,
    ConnectedPerson,
    Ifa,
    InHouseResidential,
    ExternalResidential,
    SupportedAccommodation,
    PlacedWithParents,
    PlacedForAdoption,
    Emergency,
}

impl PlacementType {
    pub const ALL: [PlacementType; 9] = [
        PlacementType::InHouseFoster,
        PlacementType::ConnectedPerson,
        PlacementType::Ifa,
        PlacementType::InHouseResidential,
        PlacementType::ExternalResidential,
        PlacementType::SupportedAccommodation,
        PlacementType::PlacedWithParents,
        PlacementType::PlacedForAdoption,
        PlacementType::Emergency,
    ];
    pub const COUNT: usize = 9;

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn key(self) -> &'static str {
        match self {
            PlacementType::InHouseFoster => "in_house_foster",
            PlacementType::ConnectedPerson => "connected_person",
            PlacementType::Ifa => "ifa",
            PlacementType::InHouseResidential => "in_house_residential",
            PlacementType::ExternalResidential => "external_residential",
            PlacementType::SupportedAccommodation => "supported_accommodation",
            PlacementType::PlacedWithParents => "placed_with_parents",
            PlacementType::PlacedForAdoption => "placed_for_adoption",
            PlacementType::Emergency => "emergency",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            PlacementType::InHouseFoster => "In-house foster care",
            PlacementType::ConnectedPerson => "Connected person (family and friends)",
            PlacementType::Ifa => "Independent fostering agency",
            PlacementType::InHouseResidential => "In-house children's home",
            PlacementType::ExternalResidential => "Independent children's home",
            PlacementType::SupportedAccommodation => "Supported accommodation (16-17)",
            PlacementType::PlacedWithParents => "Placed with parents",
            PlacementType::PlacedForAdoption => "Placed for adoption",
            PlacementType::Emergency => "Emergency / unregistered",
        }
    }

    /// SSDA903 placement codes (and provider) this type stands for.
    pub fn ssda903(self) -> &'static str {
        match self {
            PlacementType::InHouseFoster => "U4-U6, provider PR1 (own LA)",
            PlacementType::ConnectedPerson => "U1-U3",
            PlacementType::Ifa => "U4-U6, provider PR4/PR5 (agency)",
            PlacementType::InHouseResidential => "K2, provider PR1",
            PlacementType::ExternalResidential => "K2/R1, provider PR4/PR5",
            PlacementType::SupportedAccommodation => "H5/P2",
            PlacementType::PlacedWithParents => "P1",
            PlacementType::PlacedForAdoption => "A3-A6",
            PlacementType::Emergency => "Z1 (other / unregistered)",
        }
    }

    /// Family-based settings: foster, connected, with parents, adoption.
    pub fn is_foster(self) -> bool {
        matches!(
            self,
            PlacementType::InHouseFoster | PlacementType::ConnectedPerson | PlacementType::Ifa
        )
    }

    pub fn is_residential(self) -> bool {
        matches!(
            self,
            PlacementType::InHouseResidential | PlacementType::ExternalResidential
        )
    }

    /// Types the matching chain can choose (the others follow from a child's plan).
    pub fn is_matchable(self) -> bool {
        !matches!(
            self,
            PlacementType::PlacedWithParents | PlacementType::PlacedForAdoption
        )
    }
}

/// Reporting age bands: under 1, 1-4, 5-9, 10-15, 16-17.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum AgeBand {
    Under1,
    OneToFour,
    FiveToNine,
    TenToFifteen,
    SixteenPlus,
}

impl AgeBand {
    pub const COUNT: usize = 5;
    pub const ALL: [AgeBand; 5] = [
        AgeBand::Under1,
        AgeBand::OneToFour,
        AgeBand::FiveToNine,
        AgeBand::TenToFifteen,
        AgeBand::SixteenPlus,
    ];
    /// Lower bound (years) of each band and the upper bound of the last.
    pub const EDGES: [f64; 6] = [0.0, 1.0, 5.0, 10.0, 16.0, 18.0];

    /// The band of an age in years (a NaN age counts as 16+). Worked out without branches:
    /// ages are random, so a chain of tests would often be mispredicted.
    #[inline]
    pub fn of_age(years: f64) -> AgeBand {
        let passed: usize = Self::EDGES[1..Self::COUNT]
            .iter()
            .map(|edge| (years >= *edge) as usize)
            .sum();
        Self::ALL[if years.is_nan() {
            Self::COUNT - 1
        } else {
            passed
        }]
    }

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn label(self) -> &'static str {
        match self {
            AgeBand::Under1 => "under 1",
            AgeBand::OneToFour => "1-4",
            AgeBand::FiveToNine => "5-9",
            AgeBand::TenToFifteen => "10-15",
            AgeBand::SixteenPlus => "16-17",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            AgeBand::Under1 => "under_1",
            AgeBand::OneToFour => "age_1_4",
            AgeBand::FiveToNine => "age_5_9",
            AgeBand::TenToFifteen => "age_10_15",
            AgeBand::SixteenPlus => "age_16_17",
        }
    }
}

/// How a child's time in care is planned to end.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExitRoute {
    ReturnHome,
    SpecialGuardianship,
    Adoption,
    Age18,
}

impl ExitRoute {
    pub const COUNT: usize = 4;
    pub const ALL: [ExitRoute; 4] = [
        ExitRoute::ReturnHome,
        ExitRoute::SpecialGuardianship,
        ExitRoute::Adoption,
        ExitRoute::Age18,
    ];
    pub fn index(self) -> usize {
        self as usize
    }
    pub fn key(self) -> &'static str {
        match self {
            ExitRoute::ReturnHome => "return_home",
            ExitRoute::SpecialGuardianship => "sgo_cao",
            ExitRoute::Adoption => "adoption",
            ExitRoute::Age18 => "age_18",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            ExitRoute::ReturnHome => "Return home",
            ExitRoute::SpecialGuardianship => "Special guardianship / child arrangements order",
            ExitRoute::Adoption => "Adoption",
            ExitRoute::Age18 => "Turned 18 (care leaver)",
        }
    }
}

/// Needs level; complex needs are more likely with age.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Needs {
    Standard,
    Complex,
}

impl Needs {
    /// Complex needs when `complex`, otherwise standard.
    pub fn of(complex: bool) -> Needs {
        if complex {
            Needs::Complex
        } else {
            Needs::Standard
        }
    }
}

/// Which needs a matching rule applies to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NeedsFilter {
    Any,
    Standard,
    Complex,
}

impl NeedsFilter {
    pub const ALL: [NeedsFilter; 3] = [
        NeedsFilter::Any,
        NeedsFilter::Standard,
        NeedsFilter::Complex,
    ];

    /// The name in scenario files (as serde writes it).
    pub fn key(self) -> &'static str {
        match self {
            NeedsFilter::Any => "any",
            NeedsFilter::Standard => "standard",
            NeedsFilter::Complex => "complex",
        }
    }

    /// How the app names it.
    pub fn label(self) -> &'static str {
        match self {
            NeedsFilter::Any => "Any",
            NeedsFilter::Standard => "Standard",
            NeedsFilter::Complex => "Complex",
        }
    }

    pub fn admits(self, needs: Needs) -> bool {
        match self {
            NeedsFilter::Any => true,
            NeedsFilter::Standard => needs == Needs::Standard,
            NeedsFilter::Complex => needs == Needs::Complex,
        }
    }
}

/// Calendar month names, January first (for labels in the catalogue and the app).
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Days per month and per year used throughout (Gregorian averages).
pub const DAYS_PER_YEAR: f64 = 365.25;
pub const DAYS_PER_MONTH: f64 = DAYS_PER_YEAR / 12.0;
/// Weeks per month and per year, for anything priced by the week: the simulation charges a
/// weekly cost `DAYS_PER_MONTH / 7` times a month (`sim/run/month_end.rs`), so a year holds
/// 52.18 weeks, not 52. The report and the workshop's purse both count it so.
pub const WEEKS_PER_MONTH: f64 = DAYS_PER_MONTH / 7.0;
pub const WEEKS_PER_YEAR: f64 = 12.0 * WEEKS_PER_MONTH;

#[cfg(test)]
mod tests {
    use super::*;

    /// Keys are what scenario files hold, so each must be what serde writes and reads.
    #[test]
    fn keys_match_serde_names() {
        for n in NeedsFilter::ALL {
            let json = serde_json::to_string(&n).unwrap();
            assert_eq!(json, format!("\"{}\"", n.key()));
            assert_eq!(serde_json::from_str::<NeedsFilter>(&json).unwrap(), n);
        }
        for t in PlacementType::ALL {
            assert_eq!(
                serde_json::to_string(&t).unwrap(),
                format!("\"{}\"", t.key())
            );
        }
    }
}
