//! How sure each uncertain assumption is: a plausible range (low, high) around its default
//! with the reason for it, taken from the references where they show a spread (yearly
//! admissions 175-330, monthly information visits 15-36, weekly fees of 2014 and 2018),
//! otherwise a judgement labelled "Modelling assumption". An entry's range is found with
//! [`Param::range`](super::Param::range); [`uncertain`] lists them all.
//!
//! Only assumptions a run can vary cheaply are given a range: the starting pool of children
//! in care is built from the entry ages, exit routes and exit durations, so those are left
//! out (varying them would rebuild the pool for every run). Structural choices (matching
//! order, the homes that exist, the number of carers at the start) are facts or decisions,
//! not uncertain estimates.

use serde::Serialize;

/// What a range's two ends are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Scale {
    /// The assumption's own value (in its catalogue unit).
    Value,
    /// A multiplier of every value of a table (the default is 1).
    Factor,
}

/// The plausible range of one assumption.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Spread {
    /// The catalogue path of the assumption (see [`Param::path`](super::Param::path)).
    pub path: &'static str,
    pub scale: Scale,
    /// The low and high ends: values of the assumption (`Scale::Value`) or multipliers of
    /// its table (`Scale::Factor`).
    pub low: f64,
    pub high: f64,
    /// Why this range, in plain words, citing the references by ID where they give it.
    pub reason: &'static str,
}

impl Spread {
    /// A setting within the range in words (`16.7`, or `×0.75` for a factor).
    pub fn describe(&self, x: f64) -> String {
        match self.scale {
            Scale::Value => format!("{}", round_sig(x)),
            Scale::Factor => format!("×{}", round_sig(x)),
        }
    }
}

/// A number with at most four significant figures, as text-friendly `f64`.
fn round_sig(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let digits = 3 - libm::floor(libm::log10(libm::fabs(x))) as i32;
    let p = libm::pow(10.0, digits as f64);
    libm::round(x * p) / p
}

/// Every uncertain assumption, in catalogue (form) order.
pub fn uncertain() -> &'static [Spread] {
    SPREADS
}

static SPREADS: &[Spread] = &[
    Spread {
        path: "demand.groups_per_month",
        scale: Scale::Value,
        low: 8.8,
        high: 16.7,
        reason: "Admissions were 175, 208, 262 and 330 children a year in 2014/15-2017/18 (Performance Report \
            May 2018 [R-CPP-2018-07]). At 1.65 children per admission that is 175 / 12 / 1.65 = 8.8 to \
            330 / 12 / 1.65 = 16.7 admissions a month (derived).",
    },
    Spread {
        path: "demand.trend_per_year",
        scale: Scale::Value,
        low: -0.03,
        high: 0.04,
        reason: "Modelling assumption: from a fall of 3% a year (the number looked after fell from 622 to 601 \
            between Oct 2019 and Jun 2020 [R-SUFF-2020-07]) to the underlying rise of about 4% a year the \
            scrutiny minutes Sep 2018 give [R-ILSC-2018-09].",
    },
    Spread {
        path: "fostering.attrition_early",
        scale: Scale::Value,
        low: 0.1,
        high: 0.3,
        reason: "Modelling assumption: from about 0.1 a year (4 carers resigned within two years of approval in \
            the year to May 2018, out of roughly 40-45 approved in those two years [R-CPP-2018-07]) to 0.3, \
            since the references name first-year support as a weakness [R-ILSC-2018-09].",
    },
    Spread {
        path: "fostering.attrition_later",
        scale: Scale::Value,
        low: 0.09,
        high: 0.17,
        reason: "Households deregistered: 16, 22 and 25 a year in 2015/16-2017/18 [R-CPP-2018-07] and 21 in \
            2019/20 [R-SUFF-2020-07], out of about 150-160 (derived: 0.10 to 0.16 a year in all); the ends \
            are widened a little for the split between early and later leaving (modelling assumption).",
    },
    Spread {
        path: "fostering.funnel.enquiries_per_month",
        scale: Scale::Value,
        low: 15.0,
        high: 36.0,
        reason: "Information visits ranged from 15 to 36 a month between Oct 2019 and Jun 2020 (fostering \
            scorecard [R-SUFF-2020-07]). As a range for the long-run average this is generous: it is the \
            spread of single months.",
    },
    Spread {
        path: "fostering.funnel.to_visit",
        scale: Scale::Value,
        low: 0.25,
        high: 0.45,
        reason: "Modelling assumption: follow-up visits per information visit varied between about 0.1 and 0.7 \
            from month to month between Oct 2019 and Jun 2020 (derived from the fostering scorecard \
            [R-SUFF-2020-07]); the yearly 0.347 is taken as the centre of a narrower range for the average.",
    },
    Spread {
        path: "fostering.funnel.to_approval",
        scale: Scale::Value,
        low: 0.45,
        high: 0.75,
        reason: "Modelling assumption: the references give only the whole of stages 1 and 2 (17 approvals from \
            47 assessments started in 2019/20 [R-SUFF-2020-07]), and conversion from enquiry to approval rose \
            from 11% to 16% in 2018 [R-CPP-2018-07]; a quarter either side of 0.6.",
    },
    Spread {
        path: "markets.ifa_complex_availability",
        scale: Scale::Value,
        low: 0.15,
        high: 0.5,
        reason: "Modelling assumption: no figure in the references, which report few carers for adolescents \
            (5 of 60 vacancies were for ages 11-15 in 2014 [R-PSS-2014-01]); from half to two thirds more \
            than the default.",
    },
    Spread {
        path: "stability.breakdown_child",
        scale: Scale::Factor,
        low: 0.75,
        high: 1.33,
        reason: "Modelling assumption: the breakdown rates are set so that about 13.8% of children have 3+ \
            placements in 12 months (Performance Report May 2018 [R-CPP-2018-07]; England 10%); a quarter \
            lower to a third higher covers the national level and a worse year.",
    },
    Spread {
        path: "stability.breakdown_adolescent",
        scale: Scale::Factor,
        low: 0.75,
        high: 1.33,
        reason: "Modelling assumption: as for children under 11 (13.8% with 3+ placements in 12 months \
            [R-CPP-2018-07]); a quarter lower to a third higher.",
    },
    Spread {
        path: "stability.repeat_multiplier",
        scale: Scale::Value,
        low: 1.5,
        high: 3.0,
        reason: "Modelling assumption: no figure in the references; from 1.5 (instability matters a little) \
            to 3, the most the model allows.",
    },
    Spread {
        path: "costs.weekly.ifa",
        scale: Scale::Value,
        low: 795.0,
        high: 942.0,
        reason: "The references give £795 a week in 2018 (£11.5M for 278 agency placements, scrutiny minutes \
            Sep 2018 [R-ILSC-2018-09], derived) and £942 in 2014 [R-PSS-2014-01].",
    },
    Spread {
        path: "costs.weekly.external_residential",
        scale: Scale::Value,
        low: 3600.0,
        high: 4600.0,
        reason: "Modelling assumption: about £3,800 a week in 2018 (£12.3M for 62 placements [R-ILSC-2018-09], \
            derived) and £3,231 in 2014 [R-PSS-2014-01], with fees rising faster than prices; from 5% below \
            the 2018 figure to 15% above the default.",
    },
    Spread {
        path: "costs.inflation_per_year",
        scale: Scale::Value,
        low: 0.01,
        high: 0.05,
        reason: "Modelling assumption: no figure in the references; from 1% to 5% a year, the range of \
            consumer price inflation in most years since 2010.",
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::param;
    use crate::defaults::default_scenario;
    use std::collections::BTreeSet;

    /// The built-in default at a catalogue path without indices (a number), read from the
    /// scenario's JSON.
    fn default_at(path: &str) -> Option<f64> {
        let mut v = serde_json::to_value(default_scenario()).ok()?;
        for key in path.split('.') {
            v = v.get(key)?.clone();
        }
        v.as_f64()
    }

    #[test]
    fn every_range_is_ordered_holds_its_default_and_says_why() {
        for r in uncertain() {
            assert!(
                r.low < r.high,
                "{}: low {} not below high {}",
                r.path,
                r.low,
                r.high
            );
            let default = match r.scale {
                Scale::Factor => 1.0,
                Scale::Value => {
                    default_at(r.path).unwrap_or_else(|| panic!("{}: no number", r.path))
                }
            };
            assert!(
                r.low <= default && default <= r.high,
                "{}: default {default} outside [{}, {}]",
                r.path,
                r.low,
                r.high
            );
            assert!(!r.reason.trim().is_empty(), "{}: no reason", r.path);
            // A reason cites a reference or says it is a judgement.
            assert!(
                r.reason.contains("[R-") || r.reason.starts_with("Modelling assumption"),
                "{}: reason neither cites a reference nor is labelled a modelling assumption",
                r.path
            );
        }
    }

    #[test]
    fn every_range_belongs_to_a_catalogue_entry_and_is_found_from_it() {
        for r in uncertain() {
            let entry = param(r.path).unwrap_or_else(|| panic!("{}: no catalogue entry", r.path));
            assert_eq!(entry.range().map(|x| x.path), Some(r.path));
            assert!(
                crate::sim::uncertain::can_vary(r.path),
                "{}: cannot be varied",
                r.path
            );
        }
        assert!(param("fostering.households")
            .and_then(|p| p.range())
            .is_none());
    }

    /// The uncertain assumptions are exactly those intended: admissions, carer leaving and
    /// recruitment, the hard-to-place market, stability and prices. Not the inputs of the
    /// start-up pool (entry ages, exit routes and durations), nor facts and decisions.
    #[test]
    fn the_uncertain_assumptions_are_the_intended_ones() {
        let got: BTreeSet<&str> = uncertain().iter().map(|r| r.path).collect();
        let want: BTreeSet<&str> = [
            "demand.groups_per_month",
            "demand.trend_per_year",
            "fostering.attrition_early",
            "fostering.attrition_later",
            "fostering.funnel.enquiries_per_month",
            "fostering.funnel.to_visit",
            "fostering.funnel.to_approval",
            "markets.ifa_complex_availability",
            "stability.breakdown_child",
            "stability.breakdown_adolescent",
            "stability.repeat_multiplier",
            "costs.weekly.ifa",
            "costs.weekly.external_residential",
            "costs.inflation_per_year",
        ]
        .into_iter()
        .collect();
        assert_eq!(got, want);
        assert_eq!(got.len(), uncertain().len(), "a path is listed twice");
        for r in uncertain() {
            assert!(
                !r.path.starts_with("exits."),
                "{}: feeds the start-up pool",
                r.path
            );
            assert_ne!(r.path, "demand.entry_age");
        }
    }

    #[test]
    fn settings_are_described_in_their_scale() {
        let factor = uncertain().iter().find(|r| r.scale == Scale::Factor);
        assert_eq!(factor.map(|r| r.describe(0.75)), Some("×0.75".to_string()));
        assert_eq!(uncertain()[0].describe(16.6666), "16.67");
    }
}
