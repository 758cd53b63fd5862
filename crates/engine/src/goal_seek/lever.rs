//! The levers goal seek can turn, each as one number ("the setting") with a range, and the
//! strategy lever ([`Lever`]) a setting stands for.

use serde::Serialize;

use crate::scenario::{Home, Lever, LeverKind, Scenario};

/// Weekly running cost of a new children's home per usable bed: the default programme's
/// two-bed homes, £5,200 a week for two beds (`defaults.rs`; modelling assumption).
pub const HOME_WEEKLY_COST_PER_BED: f64 = 2_600.0;

/// A lever as one number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LeverChoice {
    /// Extra enquiries a month (a recruitment boost of the enquiry rate).
    ExtraEnquiries,
    /// Conversion multiplier of the recruitment funnel (1 = as now).
    Conversion,
    /// Share of foster households' leaving prevented (a retention programme).
    Retention,
    /// Usable beds in a new in-house children's home for ages 10-17.
    NewHomeBeds,
    /// Share of admissions of young people aged 10+ avoided (edge-of-care work).
    AdmissionsAvoided,
}

impl LeverChoice {
    pub const ALL: [LeverChoice; 5] = [
        LeverChoice::ExtraEnquiries,
        LeverChoice::Conversion,
        LeverChoice::Retention,
        LeverChoice::NewHomeBeds,
        LeverChoice::AdmissionsAvoided,
    ];

    /// The name used on the command line and in files.
    pub fn key(self) -> &'static str {
        match self {
            LeverChoice::ExtraEnquiries => "extra_enquiries",
            LeverChoice::Conversion => "conversion",
            LeverChoice::Retention => "retention",
            LeverChoice::NewHomeBeds => "new_home_beds",
            LeverChoice::AdmissionsAvoided => "admissions_avoided",
        }
    }

    pub fn from_key(key: &str) -> Option<LeverChoice> {
        LeverChoice::ALL.into_iter().find(|l| l.key() == key)
    }

    /// What the setting is, in words.
    pub fn describe(self) -> &'static str {
        match self {
            LeverChoice::ExtraEnquiries => "extra fostering enquiries a month",
            LeverChoice::Conversion => "times as many enquiries becoming approved carers",
            LeverChoice::Retention => "of foster carers' leaving prevented (share)",
            LeverChoice::NewHomeBeds => "usable beds in a new children's home (ages 10-17)",
            LeverChoice::AdmissionsAvoided => "of admissions aged 10+ avoided (share)",
        }
    }

    /// The settings searched: from no effort to the most the lever can do in the model.
    pub fn range(self, scenario: &Scenario) -> (f64, f64) {
        match self {
            // The recruitment boost multiplies the enquiry rate by at most 10.
            LeverChoice::ExtraEnquiries => {
                (0.0, 9.0 * scenario.fostering.funnel.enquiries_per_month)
            }
            LeverChoice::Conversion => (1.0, 3.0),
            LeverChoice::Retention => (0.0, 0.9),
            LeverChoice::NewHomeBeds => (0.0, 40.0),
            LeverChoice::AdmissionsAvoided => (0.0, 1.0),
        }
    }

    /// Decimal places a setting is shown with.
    pub fn decimals(self) -> usize {
        match self {
            LeverChoice::ExtraEnquiries => 1,
            LeverChoice::NewHomeBeds => 0,
            LeverChoice::Conversion | LeverChoice::Retention | LeverChoice::AdmissionsAvoided => 2,
        }
    }

    /// Whether settings are whole numbers.
    pub fn whole(self) -> bool {
        self == LeverChoice::NewHomeBeds
    }

    /// The strategy lever for `setting`, from `start_month` with a ramp, costing
    /// `annual_cost` a year; `None` at no effort (nothing to add).
    pub fn lever(
        self,
        scenario: &Scenario,
        setting: f64,
        start_month: u32,
        ramp_months: u32,
        annual_cost: f64,
    ) -> Option<Lever> {
        let kind = match self {
            LeverChoice::ExtraEnquiries => {
                let base = scenario.fostering.funnel.enquiries_per_month;
                if setting <= 0.0 || base <= 0.0 {
                    return None;
                }
                LeverKind::RecruitmentBoost {
                    enquiry_multiplier: 1.0 + setting / base,
                    conversion_multiplier: 1.0,
                }
            }
            LeverChoice::Conversion => LeverKind::RecruitmentBoost {
                enquiry_multiplier: 1.0,
                conversion_multiplier: setting,
            },
            LeverChoice::Retention => LeverKind::Retention {
                attrition_multiplier: 1.0 - setting,
            },
            LeverChoice::NewHomeBeds => {
                let beds = setting.round() as u32;
                if beds == 0 {
                    return None;
                }
                LeverKind::NewHomes {
                    homes: vec![Home {
                        name: "New home (goal seek)".into(),
                        beds,
                        usable_beds: beds,
                        min_age: 10,
                        max_age: 17,
                        open_month: start_month,
                        weekly_cost: beds as f64 * HOME_WEEKLY_COST_PER_BED,
                    }],
                }
            }
            LeverChoice::AdmissionsAvoided => LeverKind::EdgeOfCare {
                admissions_multiplier: 1.0 - setting,
            },
        };
        Some(Lever {
            start_month,
            ramp_months,
            annual_cost,
            kind,
        })
    }
}
