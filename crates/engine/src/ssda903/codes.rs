//! The return's codes and what the model makes of them: sex (1/2 until 2023/24, M/F/U
//! after), the reason an episode ended (REC) as an exit category, and PLACE x
//! PLACE_PROVIDER as a placement type through an editable table ([`PlacementMap`]). Also
//! the codes that changed over the years, so a code used outside its years is noted, and
//! which special guardianship codes say the guardians were the child's foster carers.

use crate::types::{ExitRoute, PlacementType};
use serde::{Deserialize, Serialize};

/// A child's recorded sex.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    Male,
    Female,
    /// Missing, `U` (from 2024/25) or not a known code.
    Unknown,
}

impl Sex {
    /// Reads SEX: `1`/`M` male, `2`/`F` female; `None` for anything else (including `U`,
    /// which is a valid code: see [`Sex::is_valid_code`]).
    pub fn parse(code: &str) -> Option<Sex> {
        match code.trim().to_ascii_uppercase().as_str() {
            "1" | "M" | "MALE" => Some(Sex::Male),
            "2" | "F" | "FEMALE" => Some(Sex::Female),
            _ => None,
        }
    }

    /// A code the return allows in some year (1, 2, M, F, U).
    pub fn is_valid_code(code: &str) -> bool {
        matches!(code, "1" | "2" | "M" | "F" | "U")
    }
}

/// How a period of care ended, as the model groups the REC codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExitCategory {
    /// E4A, E4B, E13: returned home or to live with family.
    ReturnHome,
    /// E41 child arrangements order; E43/E44 (until 2018/19) and E45-E48 special guardianship.
    SgoCao,
    /// E11, E12.
    Adoption,
    /// E17 staying put; E5, E6 independent living; E7 adult care: left care as a young adult.
    Adulthood,
    /// E2, E3, E8, E9, E14, E15, E16 and any code not known.
    Other,
    /// The return does not say: the end was inferred by a stitching rule.
    Unknown,
}

impl ExitCategory {
    pub const ALL: [ExitCategory; 6] = [
        ExitCategory::ReturnHome,
        ExitCategory::SgoCao,
        ExitCategory::Adoption,
        ExitCategory::Adulthood,
        ExitCategory::Other,
        ExitCategory::Unknown,
    ];

    /// The category of a REC code other than X1; `None` for a code the return never had.
    pub fn of_rec(rec: &str) -> Option<ExitCategory> {
        Some(match rec {
            "E4A" | "E4B" | "E13" | "E4" => ExitCategory::ReturnHome,
            "E41" | "E43" | "E44" | "E45" | "E46" | "E47" | "E48" => ExitCategory::SgoCao,
            "E11" | "E12" => ExitCategory::Adoption,
            "E17" | "E5" | "E6" | "E7" => ExitCategory::Adulthood,
            "E2" | "E3" | "E8" | "E9" | "E14" | "E15" | "E16" => ExitCategory::Other,
            _ => return None,
        })
    }

    /// The model's exit route, when the category is one.
    pub fn route(self) -> Option<ExitRoute> {
        match self {
            ExitCategory::ReturnHome => Some(ExitRoute::ReturnHome),
            ExitCategory::SgoCao => Some(ExitRoute::SpecialGuardianship),
            ExitCategory::Adoption => Some(ExitRoute::Adoption),
            ExitCategory::Adulthood => Some(ExitRoute::Age18),
            ExitCategory::Other | ExitCategory::Unknown => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ExitCategory::ReturnHome => "Returned home or to family",
            ExitCategory::SgoCao => "Special guardianship / child arrangements order",
            ExitCategory::Adoption => "Adopted",
            ExitCategory::Adulthood => "18+ / staying put / independent living",
            ExitCategory::Other => "Other",
            ExitCategory::Unknown => "Not recorded (inferred end)",
        }
    }
}

/// A special guardianship order made to the child's former foster carers: E43 until
/// 2018/19; E45 (carers who are relatives or friends) and E46 (other carers) from 2019/20.
/// E44, E47 and E48 are orders made to carers other than former foster carers.
pub fn sgo_to_former_foster_carers(rec: &str) -> bool {
    matches!(rec, "E43" | "E45" | "E46")
}

/// The reasons for a new episode (RNE) the return uses.
pub fn is_known_rne(rne: &str) -> bool {
    matches!(rne, "S" | "L" | "P" | "T" | "U" | "B")
}

/// A code that belongs to some years only: the detail to note when `code` is used in a
/// return of collection year `year` (starting April of `year`) outside them.
pub fn out_of_year(code: &str, year: i32) -> Option<&'static str> {
    match code {
        "E43" | "E44" if year >= 2019 => Some("E43/E44 after 2018/19 (special guardianship)"),
        "E45" | "E46" | "E47" | "E48" if year < 2019 => {
            Some("E45-E48 before 2019/20 (special guardianship)")
        }
        "H5" | "P2" if year >= 2024 => Some("H5/P2 after 2023/24 (supported accommodation)"),
        "K3" if year < 2024 => Some("K3 before 2024/25 (supported accommodation)"),
        "Z1" if year >= 2025 => Some("Z1 after 2024/25 (other placement)"),
        "Z11" | "Z12" | "Z13" | "Z14" if year < 2025 => {
            Some("Z11-Z14 before 2025/26 (other placement)")
        }
        "1" | "2" if year >= 2024 => Some("SEX 1/2 after 2023/24"),
        "M" | "F" | "U" if year < 2024 => Some("SEX M/F/U before 2024/25"),
        _ => None,
    }
}

/// What a placement counts as in the model: one of its types, or explicitly "other"
/// (secure units, hospitals, custody, residential schools, ...), which the model does not
/// place children in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlacementKind {
    Type(PlacementType),
    Other,
}

impl PlacementKind {
    pub fn key(self) -> &'static str {
        match self {
            PlacementKind::Type(t) => t.key(),
            PlacementKind::Other => "other",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            PlacementKind::Type(t) => t.label(),
            PlacementKind::Other => "Other (secure, health, custody, schools, ...)",
        }
    }

    /// Position in a by-kind count: the model's types in order, then "other" last.
    pub fn index(self) -> usize {
        match self {
            PlacementKind::Type(t) => t.index(),
            PlacementKind::Other => PlacementType::COUNT,
        }
    }

    /// Number of kinds (the model's types and "other").
    pub const COUNT: usize = PlacementType::COUNT + 1;
}

/// One line of the placement table: the PLACE codes it covers, the providers (empty: any)
/// and what they count as.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlacementRule {
    pub place: Vec<String>,
    #[serde(default)]
    pub provider: Vec<String>,
    pub kind: PlacementKind,
    /// Why, in words (shown beside the line).
    #[serde(default)]
    pub note: String,
}

/// PLACE x PLACE_PROVIDER to placement kind: the first rule that matches wins; a PLACE
/// no rule names is "other" and noted in the report. Serialisable so the user can edit it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlacementMap {
    pub rules: Vec<PlacementRule>,
}

fn rule(place: &[&str], provider: &[&str], kind: PlacementKind, note: &str) -> PlacementRule {
    PlacementRule {
        place: place.iter().map(|s| s.to_string()).collect(),
        provider: provider.iter().map(|s| s.to_string()).collect(),
        kind,
        note: note.to_string(),
    }
}

impl Default for PlacementMap {
    fn default() -> PlacementMap {
        use PlacementKind::{Other, Type};
        use PlacementType as T;
        let foster = ["U4", "U5", "U6"];
        let homes = ["K2", "R1"];
        PlacementMap {
            rules: vec![
                rule(&foster, &["PR1"], Type(T::InHouseFoster), "foster care by the council's own carers"),
                rule(&foster, &["PR4", "PR5"], Type(T::Ifa), "foster care through an agency (private or voluntary)"),
                rule(&foster, &[], Type(T::Ifa), "foster care by another council or public body (PR2/PR3): bought in, counted with agency care"),
                rule(&["U1", "U2", "U3"], &[], Type(T::ConnectedPerson), "family and friends foster care"),
                rule(&homes, &["PR1"], Type(T::InHouseResidential), "the council's own children's home"),
                rule(&homes, &[], Type(T::ExternalResidential), "a children's home run by others"),
                rule(&["H5", "P2", "K3"], &[], Type(T::SupportedAccommodation), "semi-independent or supported accommodation (K3 from 2024/25)"),
                rule(&["P1"], &[], Type(T::PlacedWithParents), "placed with parents"),
                rule(&["A3", "A4", "A5", "A6"], &[], Type(T::PlacedForAdoption), "placed for adoption"),
                rule(
                    &["K1", "R2", "R3", "R5", "S1", "P3", "T0", "T1", "T2", "T3", "T4", "Z1", "Z11", "Z12", "Z13", "Z14"],
                    &[],
                    Other,
                    "secure unit, NHS or health setting, family centre, young offender institution, residential school, temporary and other placements",
                ),
            ],
        }
    }
}

impl PlacementMap {
    /// Whether some rule names this PLACE code (with any provider).
    pub fn names_place(&self, place: &str) -> bool {
        self.rules
            .iter()
            .any(|r| r.place.iter().any(|p| p.eq_ignore_ascii_case(place)))
    }

    /// The kind of a placement, and whether some rule named its PLACE code.
    pub fn classify(&self, place: &str, provider: &str) -> (PlacementKind, bool) {
        for r in &self.rules {
            if r.place.iter().any(|p| p.eq_ignore_ascii_case(place))
                && (r.provider.is_empty()
                    || r.provider.iter().any(|p| p.eq_ignore_ascii_case(provider)))
            {
                return (r.kind, true);
            }
        }
        (PlacementKind::Other, false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_map_follows_the_table() {
        let m = PlacementMap::default();
        let t = |p, pr| m.classify(p, pr).0;
        use PlacementKind::{Other, Type};
        assert_eq!(t("U5", "PR1"), Type(PlacementType::InHouseFoster));
        assert_eq!(t("U4", "PR5"), Type(PlacementType::Ifa));
        assert_eq!(t("U2", "PR4"), Type(PlacementType::ConnectedPerson));
        assert_eq!(t("K2", "PR1"), Type(PlacementType::InHouseResidential));
        assert_eq!(t("R1", "PR4"), Type(PlacementType::ExternalResidential));
        assert_eq!(t("K3", "PR4"), Type(PlacementType::SupportedAccommodation));
        assert_eq!(t("A5", "PR0"), Type(PlacementType::PlacedForAdoption));
        assert_eq!(t("Z12", ""), Other);
        assert_eq!(m.classify("Q9", "PR1"), (Other, false));
        // The table survives a JSON round trip (it is user-editable).
        let json = serde_json::to_string(&m).unwrap();
        assert_eq!(serde_json::from_str::<PlacementMap>(&json).unwrap(), m);
    }

    #[test]
    fn code_changes() {
        assert_eq!(ExitCategory::of_rec("E44"), Some(ExitCategory::SgoCao));
        assert_eq!(ExitCategory::of_rec("E47"), Some(ExitCategory::SgoCao));
        assert_eq!(ExitCategory::of_rec("X1"), None);
        for (rec, former) in [("E43", true), ("E44", false), ("E45", true), ("E46", true)] {
            assert_eq!(sgo_to_former_foster_carers(rec), former, "{rec}");
        }
        for rec in ["E47", "E48", "E41", "E11", ""] {
            assert!(!sgo_to_former_foster_carers(rec), "{rec}");
        }
        assert!(out_of_year("E43", 2019).is_some());
        assert!(out_of_year("E43", 2018).is_none());
        assert!(out_of_year("P2", 2024).is_some());
        assert!(out_of_year("Z11", 2025).is_none());
        assert!(out_of_year("Z1", 2025).is_some());
        assert_eq!(Sex::parse("m"), Some(Sex::Male));
        assert_eq!(Sex::parse("2"), Some(Sex::Female));
        assert_eq!(Sex::parse("U"), None);
    }
}
