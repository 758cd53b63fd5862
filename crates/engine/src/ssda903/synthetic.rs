//! A synthetic borough with known parameters, for parameter-recovery tests and benchmarks:
//! sibling groups arriving as a Poisson process with a trend and seasonality, entry ages,
//! sibling ages, exit routes and durations drawn as the model draws them (route by age at
//! entry, then the route's duration, a stay past 18 ending at 18), placements moving at a
//! constant breakdown rate, and Staying Put at 18. Histories are kept with made-up ids,
//! dates of birth and postcodes, for [`mod@super::write`] to write as returns.
//!
//! This is a small independent generator, not the engine's simulator (whose own histories
//! are written by [`super::simulated`]): it checks the fit against the model's structure,
//! drawn with the engine's own samplers (`dist`, `rng`), independently of the simulator.

use super::date::Date;
use crate::dist::Duration;
use crate::rng::{Process, Stream};
use crate::scenario::DurationDist;
use crate::types::{AgeBand, PlacementType, DAYS_PER_YEAR};

/// The known parameters.
#[derive(Clone, Debug, PartialEq)]
pub struct SyntheticBorough {
    /// Collection year of the first return written (2018 for 2018/19).
    pub first_year: i32,
    /// Returns written.
    pub years: u32,
    /// Years simulated before the first return, so that it starts with a settled stock.
    pub burn_in_years: u32,
    /// Sibling groups a month (seasonality averaged out) on `reference`.
    pub groups_per_month: f64,
    pub reference: Date,
    pub trend_per_year: f64,
    /// Month-of-year multipliers, January first, mean 1.
    pub seasonality: [f64; 12],
    pub group_size: Vec<f64>,
    /// Age band of each group's first child (uniform within the band).
    pub entry_age: [f64; 5],
    pub sibling_age_spread_years: f64,
    pub route_by_entry_age: [[f64; 4]; 5],
    /// Return home, special guardianship, adoption.
    pub durations: [DurationDist; 3],
    /// Placement types a child is placed in, for under 16 and 16+.
    pub placement_weights: [[f64; PlacementType::COUNT]; 2],
    /// Moves a year from any placement.
    pub breakdown_per_year: f64,
    /// Share of young people leaving in-house foster care at 18 who stay put (REC E17).
    pub staying_put_share: f64,
}

impl SyntheticBorough {
    /// A mid-sized borough: 12 groups a month, no trend, six returns from 2018/19.
    pub fn example() -> SyntheticBorough {
        let mut under16 = [0.0; PlacementType::COUNT];
        let mut over16 = [0.0; PlacementType::COUNT];
        for (t, a, b) in [
            (PlacementType::InHouseFoster, 0.35, 0.2),
            (PlacementType::Ifa, 0.3, 0.2),
            (PlacementType::ConnectedPerson, 0.15, 0.05),
            (PlacementType::ExternalResidential, 0.1, 0.15),
            (PlacementType::InHouseResidential, 0.05, 0.05),
            (PlacementType::PlacedWithParents, 0.05, 0.0),
            (PlacementType::SupportedAccommodation, 0.0, 0.35),
        ] {
            under16[t.index()] = a;
            over16[t.index()] = b;
        }
        SyntheticBorough {
            first_year: 2018,
            years: 6,
            burn_in_years: 12,
            groups_per_month: 12.0,
            reference: Date::from_ymd(2024, 4, 1).unwrap_or(Date(0)),
            trend_per_year: 0.0,
            seasonality: [1.1, 0.9, 1.1, 0.9, 1.0, 1.0, 0.8, 0.9, 1.2, 1.1, 1.0, 1.0],
            group_size: vec![0.65, 0.2, 0.1, 0.05],
            entry_age: [0.18, 0.2, 0.2, 0.3, 0.12],
            sibling_age_spread_years: 5.0,
            route_by_entry_age: [
                [0.3, 0.2, 0.45, 0.05],
                [0.4, 0.25, 0.25, 0.1],
                [0.5, 0.2, 0.05, 0.25],
                [0.45, 0.05, 0.0, 0.5],
                [0.35, 0.0, 0.0, 0.65],
            ],
            durations: [
                DurationDist::Gamma {
                    mean_months: 12.0,
                    shape: 1.3,
                },
                DurationDist::Gamma {
                    mean_months: 22.0,
                    shape: 3.0,
                },
                DurationDist::Gamma {
                    mean_months: 20.0,
                    shape: 4.0,
                },
            ],
            placement_weights: [under16, over16],
            breakdown_per_year: 0.3,
            staying_put_share: 0.3,
        }
    }

    /// 1 April of the first year simulated.
    fn start(&self) -> Date {
        Date::from_ymd(self.first_year - self.burn_in_years as i32, 4, 1).unwrap_or(Date(0))
    }

    /// 31 March closing the last return.
    pub fn end(&self) -> Date {
        Date::collection_year_end(self.first_year + self.years as i32 - 1).unwrap_or(Date(0))
    }
}

/// One simulated placement (an episode of the return).
#[derive(Clone, Debug, PartialEq)]
pub struct SynthPlacement {
    pub kind: PlacementType,
    pub start: Date,
}

/// One simulated period of care.
#[derive(Clone, Debug, PartialEq)]
pub struct SynthPeriod {
    pub start: Date,
    /// The day the child left (may be after the last return: then still open in it).
    pub end: Date,
    /// The REC code ending it.
    pub rec: &'static str,
    pub placements: Vec<SynthPlacement>,
    pub home_post: String,
}

/// One simulated child, with the made-up identifying data a return carries.
#[derive(Clone, Debug, PartialEq)]
pub struct SynthChild {
    pub id: String,
    pub female: bool,
    pub dob: Date,
    pub period: SynthPeriod,
}

/// A made-up postcode, unique to `n` (not a real district: "ZZ" is not used in the UK).
pub(crate) fn postcode(n: u64) -> String {
    let letters = b"ABDEFGHJLNPQRSTUWXYZ";
    let l = |k: u64| letters[(k % letters.len() as u64) as usize] as char;
    format!("ZZ{} {}{}{}", n / 8000 + 1, (n / 400) % 10, l(n / 20), l(n))
}

/// Simulates the borough's children from the burn-in to the last return (seed `seed`).
pub fn simulate(b: &SyntheticBorough, seed: u64) -> Vec<SynthChild> {
    let mut rng = Stream::new(seed, 0, Process::Admissions);
    let mut exits_rng = Stream::new(seed, 0, Process::Exits);
    let mut moves_rng = Stream::new(seed, 0, Process::Breakdowns);
    let durations: Vec<Duration> = b.durations.iter().map(Duration::compile).collect();
    let season_mean = b.seasonality.iter().sum::<f64>() / 12.0;
    let size_cdf: Vec<f64> = b
        .group_size
        .iter()
        .scan(0.0, |acc, p| {
            *acc += p;
            Some(*acc)
        })
        .collect();
    let size_total = size_cdf.last().copied().unwrap_or(1.0);
    let end = b.end();
    let mut out = Vec::new();
    let mut groups = 0u64;
    let (mut y, mut m) = (b.start().year(), 4u32);
    while let Some(first) = Date::from_ymd(y, m, 1).filter(|f| *f <= end) {
        let days = super::date::days_in_month(y, m);
        let mid = f64::from(first.0) + f64::from(days) / 2.0;
        let years = (mid - f64::from(b.reference.0)) / DAYS_PER_YEAR;
        let rate = b.groups_per_month
            * libm::pow(1.0 + b.trend_per_year, years)
            * b.seasonality[m as usize - 1]
            / season_mean;
        for _ in 0..rng.poisson(rate) {
            let day = first.add_days((rng.uniform() * f64::from(days)) as i32);
            let u = rng.uniform() * size_total;
            let size = size_cdf.iter().position(|c| u < *c).unwrap_or(0) + 1;
            let band = rng.categorical(&b.entry_age);
            let (lo, hi) = (AgeBand::EDGES[band], AgeBand::EDGES[band + 1]);
            let anchor = lo + (hi - lo) * rng.uniform();
            groups += 1;
            let post = postcode(groups);
            for k in 0..size {
                let age = if k == 0 {
                    anchor
                } else {
                    let spread = rng.uniform() * b.sibling_age_spread_years;
                    let younger = rng.uniform() < 0.7;
                    (anchor + if younger { -spread } else { spread }).clamp(0.0, 17.9)
                };
                let id = out.len() as u64;
                out.push(child(
                    b,
                    &durations,
                    age,
                    day,
                    &post,
                    id,
                    &mut exits_rng,
                    &mut moves_rng,
                ));
            }
        }
        (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn child(
    b: &SyntheticBorough,
    durations: &[Duration],
    age: f64,
    start: Date,
    post: &str,
    id: u64,
    rng: &mut Stream,
    moves: &mut Stream,
) -> SynthChild {
    let dob = start.add_days(-((age * DAYS_PER_YEAR) as i32));
    // Age from the date of birth in whole days, as the return will show it.
    let age = f64::from(start.days_since(dob)) / DAYS_PER_YEAR;
    let band = AgeBand::of_age(age).index();
    let route = rng.categorical(&b.route_by_entry_age[band]);
    let to18 = (18.0 - age) * DAYS_PER_YEAR;
    let d = if route < 3 {
        durations[route].sample(rng)
    } else {
        f64::INFINITY
    };
    let (rec, stay) = if d >= to18 {
        ("", to18)
    } else {
        // Special guardianship to carers other than former foster carers (E47): this
        // borough has no foster households to become guardians.
        (["E13", "E47", "E11"][route], d.max(1.0))
    };
    let end = start.add_days((stay.round() as i32).max(1));
    let adult_at = |t: Date| f64::from(t.days_since(dob)) / DAYS_PER_YEAR >= 16.0;
    let pick = |rng: &mut Stream, t: Date| {
        let w = &b.placement_weights[usize::from(adult_at(t))];
        PlacementType::ALL[rng.categorical(w)]
    };
    let mut placements = vec![SynthPlacement {
        kind: pick(moves, start),
        start,
    }];
    let mut t = f64::from(start.0);
    loop {
        t += moves.exponential(DAYS_PER_YEAR / b.breakdown_per_year.max(1e-9));
        let day = Date(t as i32);
        if day >= end {
            break;
        }
        let kind = pick(moves, day);
        if day > placements.last().map_or(start, |p| p.start) {
            placements.push(SynthPlacement { kind, start: day });
        }
    }
    if rec == "E11" {
        // Living with the adopters for the last ~10 months (or from the start).
        let lead = end.add_days(-300).max(start);
        placements.retain(|p| p.start < lead || p.start == start);
        if lead > start {
            placements.push(SynthPlacement {
                kind: PlacementType::PlacedForAdoption,
                start: lead,
            });
        } else {
            placements[0].kind = PlacementType::PlacedForAdoption;
        }
    }
    let rec = if rec.is_empty() {
        let last = placements.last().map(|p| p.kind);
        if last == Some(PlacementType::InHouseFoster) && rng.uniform() < b.staying_put_share {
            "E17"
        } else {
            "E6"
        }
    } else {
        rec
    };
    SynthChild {
        id: format!("{}", 700_000 + id * 7),
        female: rng.uniform() < 0.45,
        dob,
        period: SynthPeriod {
            start,
            end,
            rec,
            placements,
            home_post: post.to_string(),
        },
    }
}
