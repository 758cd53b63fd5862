//! The catalogue of every assumption in a [`Scenario`](crate::scenario::Scenario): for each
//! field a plain-English label, unit, help text and the source the default value rests on
//! (a seed document and its figure, or an honest "Modelling assumption: ..."). The app's
//! forms are built from it (grouped by [`Group`]), the CLI prints it as documentation, and
//! scrutiny councillors read it to see where a number comes from.
//!
//! This module owns the descriptions only; the default values themselves live in
//! `defaults.rs` and the checks in `validate.rs`.
//!
//! # Path convention
//!
//! Every entry's [`Param::path`] is the dotted JSON field path of the serialised `Scenario`
//! with **all array indices removed**:
//!
//! * scalars: `"demand.groups_per_month"`, `"fostering.funnel.to_visit"`;
//! * one entry per placement type in the four per-type tables:
//!   `"population.placement_mix.ifa"`, `"markets.out_of_borough.ifa"`,
//!   `"stability.breakdown_child.ifa"`, `"costs.weekly.ifa"` (and one entry for each table
//!   as a whole, e.g. `"costs.weekly"`);
//! * an array of numbers is ONE entry at the array's path (`"demand.entry_age"`,
//!   `"exits.route_by_entry_age"`, `"exits.adoption.points"`), with [`Param::items`]
//!   labelling its elements (for the 5 x 4 `route_by_entry_age`, the rows);
//! * arrays of objects get one entry for the list (`"residential.homes"`, `"matching.rules"`,
//!   `"levers"`) and one per field of an element (`"residential.homes.beds"`,
//!   `"matching.rules.order"`, `"levers.start_month"`);
//! * duration distributions have an entry for the whole (`"exits.return_home"`), its
//!   `family` tag (`"exits.return_home.family"`) and each parameter of every family
//!   (`.mean_months`, `.shape`, `.median_months`, `.sigma`, `.points`);
//! * lever kinds: `"levers.kind.type"` for the tag and `"levers.kind.<field>"` for every field
//!   of every [`LeverKind`](crate::scenario::LeverKind) variant (no two variants share a field
//!   name). The homes of a `new_homes` lever (`"levers.kind.homes[1].beds"`) are described by
//!   the `"residential.homes.*"` entries: [`lookup`] maps `levers.kind.homes.<field>` there.
//!
//! [`lookup`] accepts a path *with* indices, as `validate.rs` and `serde_path_to_error` write
//! them (`"demand.entry_age[2]"`, `"exits.route_by_entry_age[1][3]"`,
//! `"residential.homes[0].beds"`, `"levers[3].kind.homes[1].beds"`, or `"residential.homes[].beds"`),
//! strips every `[...]` and finds the entry. It does not fall back to a parent path, so a
//! misspelt field finds nothing.
//!
//! The run settings (`seed`, `replications`, `horizon_months`) are not part of a scenario;
//! they are catalogued separately in [`run_params`] (their `group` is nominal), and
//! [`param`] / [`lookup`] search both lists.

use serde::Serialize;

/// The sections of the scenario form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Group {
    Demand,
    Population,
    Exits,
    FosterCarers,
    Residential,
    Markets,
    Matching,
    Stability,
    CostsAndBudget,
    StrategyLevers,
}

impl Group {
    pub const ALL: [Group; 10] = [
        Group::Demand,
        Group::Population,
        Group::Exits,
        Group::FosterCarers,
        Group::Residential,
        Group::Markets,
        Group::Matching,
        Group::Stability,
        Group::CostsAndBudget,
        Group::StrategyLevers,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Group::Demand => "Demand",
            Group::Population => "Starting population",
            Group::Exits => "Exits",
            Group::FosterCarers => "Foster carers",
            Group::Residential => "Residential",
            Group::Markets => "Placement markets",
            Group::Matching => "Matching",
            Group::Stability => "Placement stability",
            Group::CostsAndBudget => "Costs and budget",
            Group::StrategyLevers => "Strategy levers",
        }
    }
}

/// One assumption: what it is, in what unit, and where its default comes from.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Param {
    /// Dotted JSON field path with array indices removed (see the module docs).
    pub path: &'static str,
    pub group: Group,
    /// Short, plain-English name.
    pub label: &'static str,
    pub unit: &'static str,
    /// Labels of the array's elements (the rows of a table of rows); empty for scalars.
    /// For arrays whose length may vary, labels up to the longest length allowed.
    pub items: &'static [&'static str],
    /// What it means and how the model uses it.
    pub help: &'static str,
    /// Where the default value comes from: a seed document and its figure, or
    /// "Modelling assumption: ..." with what it was set from.
    pub source: &'static str,
}

use self::Group as G;

#[allow(clippy::too_many_arguments)]
const fn p(
    path: &'static str,
    group: Group,
    label: &'static str,
    unit: &'static str,
    items: &'static [&'static str],
    help: &'static str,
    source: &'static str,
) -> Param {
    Param {
        path,
        group,
        label,
        unit,
        items,
        help,
        source,
    }
}

const NONE: &[&str] = &[];
const AGE_BANDS: &[&str] = &["under 1", "1-4", "5-9", "10-15", "16-17"];
const MONTHS: &[&str] = &crate::types::MONTH_NAMES;
const GROUP_SIZES: &[&str] = &[
    "1 child",
    "2 children",
    "3 children",
    "4 children",
    "5 children",
    "6 children",
    "7 children",
    "8 children",
    "9 children",
    "10 children",
    "11 children",
    "12 children",
];
const PLACES: &[&str] = &["1 place", "2 places", "3 places"];
const CHOICES: &[&str] = &[
    "1st choice",
    "2nd choice",
    "3rd choice",
    "4th choice",
    "5th choice",
    "6th choice",
    "7th choice",
];

// Shared texts for the three duration distributions.
const FAMILY_HELP: &str =
    "Which shape of distribution: exponential (set mean_months), gamma (mean_months and shape), \
lognormal (median_months and sigma) or empirical (points).";
const FAMILY_SOURCE: &str =
    "Modelling assumption: gamma for all three routes by default, because it lets the average and \
the spread be set separately; no durations are published in the seeds.";
const MEAN_HELP: &str = "Average months from entering care to leaving by this route, for the exponential and gamma families.";
const SHAPE_HELP: &str =
    "Gamma shape: 1 is the exponential (many short stays and a long tail); larger values cluster \
times around the average (coefficient of variation 1/√shape).";
const MEDIAN_HELP: &str = "Median months in care by this route, for the lognormal family (half leave sooner, half later).";
const SIGMA_HELP: &str = "Spread of the lognormal family on the log scale: 0.5 means a quarter of stays are under about 0.7 \
times the median and a quarter over about 1.4 times.";
const POINTS_HELP: &str = "Points of the cumulative distribution for the empirical family: after each number of months, \
the share of these children who have left. Months must increase and the last share must be 1; straight lines in between.";
const UNUSED_LOGNORMAL: &str =
    "Modelling assumption: not used by the default, which is a gamma distribution; there is no \
figure for it in the seeds.";
const UNUSED_POINTS: &str =
    "Modelling assumption: not used by the default, which is a gamma distribution; meant for a \
council's own durations from its SSDA903 returns, which the seeds do not give.";

static PARAMS: &[Param] = &[
    // ------------------------------------------------------------------ top level
    p(
        "name",
        G::StrategyLevers,
        "Scenario name",
        "text",
        NONE,
        "The name shown on results, share links and scenario files. It has no effect on the numbers.",
        "Modelling assumption: a label only. The built-in scenario is called 'Baseline'; choosing a ready-made \
         strategy replaces it with the strategy's name.",
    ),
    p(
        "description",
        G::StrategyLevers,
        "Scenario description",
        "text",
        NONE,
        "A sentence saying what the scenario is for. It has no effect on the numbers.",
        "Modelling assumption: a label only; ready-made strategies replace it with their own description.",
    ),
    p(
        "start_year",
        G::Population,
        "First simulated year",
        "calendar year",
        NONE,
        "Calendar year of the first simulated month. With start_month it fixes the calendar months (for \
         seasonality) and the financial years, April to March, used for the budget.",
        "Sufficiency Monitor briefing Jul 2020 (seed 000): its latest month-end figures are for June 2020 \
         (601 children looked after), so the default starts in July 2020.",
    ),
    p(
        "start_month",
        G::Population,
        "First simulated month",
        "calendar month (1-12)",
        NONE,
        "Calendar month (1 = January) of the first simulated month; the starting population describes the end of \
         the month before.",
        "Sufficiency Monitor briefing Jul 2020 (seed 000): the latest snapshot is month end June 2020, so the \
         simulation starts in month 7 (July).",
    ),
    // ------------------------------------------------------------------ demand
    p(
        "demand.groups_per_month",
        G::Demand,
        "Sibling groups admitted a month",
        "groups / month",
        NONE,
        "Average number of admissions a month at the start, where one admission brings a single child or a whole \
         sibling group (see demand.group_size). The actual number each month is random around this average, \
         scaled by the yearly trend and the month's seasonal factor.",
        "Modelling assumption: the seeds give no admissions after May 2018. 10.2 groups × 1.72 children per group \
         ≈ 17.5 children a month (about 210 a year, the 2015/16 level of 208), chosen so that, with the default \
         exits, the number looked after stays near the level of Oct 2019-Jun 2020, 622 falling to 601 \
         (seed 000). For comparison, the Performance Report May 2018 \
         (seed 003) gives 175, 208, 262 and 330 admissions a year in 2014/15-2017/18 and 27, 18, 44, 16, 35 a \
         month in Jan-May 2018; May's 35 children came as 18 admissions (11 single children and 7 sibling \
         groups). 215 children left care in 2016/17 from 488 (44% a year), which at 600 would be about 260.",
    ),
    p(
        "demand.trend_per_year",
        G::Demand,
        "Yearly growth in admissions",
        "yearly rate (0.05 = +5%)",
        NONE,
        "Compound yearly growth of the admissions rate; negative for a fall.",
        "Modelling assumption: 0, because the number looked after was flat to falling from Oct 2019 to Jun 2020 \
         (622 to 601, seed 000). The scrutiny minutes Sep 2018 (seed 002) put the underlying growth, without \
         Rotherham's historic factors, at about 4% a year, in line with the national average; 0.04 tests that.",
    ),
    p(
        "demand.seasonality",
        G::Demand,
        "Seasonal pattern of admissions",
        "multiplier",
        MONTHS,
        "Multiplies the admissions rate in each calendar month (January first), relative to the other months: \
         the twelve values are scaled to average 1, so only their pattern matters (twelve values of 1.2 admit as \
         many children as twelve of 1).",
        "Modelling assumption: the seeds give only five months of admissions, 27, 18, 44, 16 and 35 in Jan-May \
         2018 (Performance Report May 2018, seed 003), too few to estimate a seasonal pattern. The default is a \
         damped version of that pattern (February and April low, March and May high) with the other months \
         between 0.95 and 1.05.",
    ),
    p(
        "demand.group_size",
        G::Demand,
        "Children per admission (sibling groups)",
        "share (0-1)",
        GROUP_SIZES,
        "Chance that an admission brings 1, 2, 3 ... brothers and sisters together; the shares must add up to 1. \
         Siblings are admitted together and, if matching.keep_siblings_together is on, placed together where \
         one placement can take them all.",
        "Performance Report May 2018 (seed 003): of 35 admissions in May 2018, 24 children came as 7 sibling \
         groups (one of 6, six of 3), so 11 of that month's 18 admissions (61%) were single children, the \
         default's 62%. The report calls that month unusual, so the spread over groups of 2 to 6 is a \
         modelling assumption; it averages 1.65 children per admission.",
    ),
    p(
        "demand.entry_age",
        G::Demand,
        "Age at entry",
        "share (0-1)",
        AGE_BANDS,
        "Share of admissions whose first child is in each age band (the exact age is spread evenly within the \
         band); brothers and sisters are drawn around that child (see demand.sibling_age_spread_years). Age at \
         entry decides how care is likely to end (exits.route_by_entry_age) and the chance of complex needs.",
        "Modelling assumption: the seeds give no age breakdown of admissions, only the average age at \
         admission: 8.8 years in Jan-May 2018 falling to 6.5 in the next four months (scrutiny minutes Sep 2018, \
         seed 002), and 10.5 falling to 5.1 for Right Child Right Care (Performance Report May 2018, seed 003). \
         With these shares the first child averages about 8 and all children about 7.6.",
    ),
    p(
        "demand.sibling_age_spread_years",
        G::Demand,
        "Age spread within a sibling group",
        "years",
        NONE,
        "Each brother or sister is up to this many years younger (7 in 10) or older (3 in 10) than the first \
         child of the group, drawn evenly, and kept within ages 0-17.",
        "Modelling assumption: no figure in the seeds. May 2018 brought a group of six and six groups of three \
         (seed 003); 6 years lets one group span early childhood to adolescence.",
    ),
    p(
        "demand.complex_needs",
        G::Demand,
        "Chance of complex needs, by age at entry",
        "share (0-1)",
        AGE_BANDS,
        "Chance that a child entering care at each age has complex needs. Children with complex needs can only \
         live with in-house carers approved for adolescents and complex needs, and follow the complex-needs \
         matching rule.",
        "Modelling assumption: no figure in the seeds. The Placement Sufficiency Strategy 2014/15 (seed 004) \
         reports 'increasing number of children and young people with increasingly complex needs', only 5 of \
         60 in-house vacancies for children over 11, and set up Fostering Plus for 'older children and those \
         with complex needs'; so the chance rises steeply with age (3% under 1, 35% at 10-15, 40% at 16-17), set with the IFA \
         availability so that out-of-authority residential stays near the 58-62 children of 2018-2020 \
         (seed 002, seed 000).",
    ),
    p(
        "demand.placed_with_parents_share",
        G::Demand,
        "Admissions placed with parents",
        "share (0-1)",
        NONE,
        "Share of admitted children who live with their parents while in care (placement type P1) instead of \
         being matched to a placement.",
        "Modelling assumption set against the stock: 4.3%-5.5% of children looked after were placed with \
         parents in Jan-May 2018, 4.9% in May (Performance Report May 2018, seed 003). The seeds give no \
         figure for admissions; the default 3% is below the stock share.",
    ),
    // ------------------------------------------------------------------ starting population
    p(
        "population.children",
        G::Population,
        "Children looked after at the start",
        "children",
        NONE,
        "Number of children in care when the simulation starts.",
        "Sufficiency Monitor briefing Jul 2020 (seed 000): 601 children looked after at the end of June 2020 \
         (605 in April, 604 in May).",
    ),
    p(
        "population.age_profile",
        G::Population,
        "Age profile at the start",
        "children (or shares)",
        AGE_BANDS,
        "Numbers or shares of the starting children in each age band, scaled to population.children. Leave it \
         empty (null) to let the admission and exit assumptions decide the ages.",
        "Performance Report May 2018 (seed 003): 49 under 1, 103 aged 1-4, 137 aged 5-9, 242 aged 10-15 and \
         108 aged 16+ of 642 children at the end of May 2018. The seeds give no later profile, so the 2018 \
         shape is used for 2020.",
    ),
    p(
        "population.placement_mix",
        G::Population,
        "Placements at the start",
        "children",
        NONE,
        "How the starting children are spread over placement types, one number per type, scaled so the total \
         equals population.children. Each child is put in a type drawn from this mix where they fit (in-house \
         foster children go to households with a free place for their age).",
        "Sufficiency Monitor briefing Jul 2020 (seed 000): June 2020 counts where the seeds give them (178 \
         in-house fostering, 257 external fostering and 7 emergency of 601; 10-18 in Reg 38(6) placements). The other 166 children \
         (27.6% in 'other placement types') are split by modelling assumption; see each type.",
    ),
    p(
        "population.placement_mix.in_house_foster",
        G::Population,
        "Starting children with in-house foster carers",
        "children",
        NONE,
        "Children with the council's own foster carers at the start.",
        "Sufficiency Monitor briefing Jul 2020 (seed 000): 178 children placed with in-house foster carers at \
         the end of June 2020 (the council's count includes Regulation 24 and specific-child approvals).",
    ),
    p(
        "population.placement_mix.connected_person",
        G::Population,
        "Starting children with family and friends carers",
        "children",
        NONE,
        "Children with connected-person (family and friends) carers at the start.",
        "Sufficiency Monitor briefing Jul 2020 (seed 000): 10-18 children a month in Regulation 38(6) \
         placements from Oct 2019 to Jun 2020 (11 in June 2020, the default).",
    ),
    p(
        "population.placement_mix.ifa",
        G::Population,
        "Starting children with agency foster carers",
        "children",
        NONE,
        "Children with independent fostering agency (IFA) carers at the start.",
        "Sufficiency Monitor briefing Jul 2020 (seed 000): 257 children in external foster placements at the \
         end of June 2020 (251-264 each month since Oct 2019).",
    ),
    p(
        "population.placement_mix.in_house_residential",
        G::Population,
        "Starting children in council children's homes",
        "children",
        NONE,
        "Children living in the council's own children's homes at the start.",
        "Modelling assumption: no 2020 count in the seeds. In January 2014 15 children lived in the council's \
         homes against 22 beds (Placement Sufficiency Strategy 2014/15, seed 004); 12 fills most of the 15 \
         usable beds of the default homes.",
    ),
    p(
        "population.placement_mix.external_residential",
        G::Population,
        "Starting children in independent children's homes",
        "children",
        NONE,
        "Children in independent (bought-in) children's homes at the start.",
        "Modelling assumption: no June 2020 count in the seeds. There were 62 out-of-authority residential \
         placements in August 2018 (scrutiny minutes, seed 002), and external residential placements fell by \
         four between April and June 2020 (seed 000); 58 is 62 less those four.",
    ),
    p(
        "population.placement_mix.supported_accommodation",
        G::Population,
        "Starting 16-17 year olds in supported accommodation",
        "children",
        NONE,
        "Young people aged 16-17 in supported (semi-independent) accommodation at the start.",
        "Modelling assumption: no count in the seeds. In 2014 the council's semi-independent units for 16-18 \
         year olds had 16 places, Nelson Street 6 and Hollowgate 10, both 'almost always full' (seed 004).",
    ),
    p(
        "population.placement_mix.placed_with_parents",
        G::Population,
        "Starting children placed with parents",
        "children",
        NONE,
        "Children in care but living with their parents (P1) at the start.",
        "Performance Report May 2018 (seed 003): 4.9% of children looked after were placed with parents in \
         May 2018; 4.9% of 601 is 29.",
    ),
    p(
        "population.placement_mix.placed_for_adoption",
        G::Population,
        "Starting children placed for adoption",
        "children",
        NONE,
        "Children living with their prospective adopters, awaiting the adoption order, at the start.",
        "Performance Report May 2018 (seed 003): 24 children were already living in their adoptive placements \
         awaiting an adoption order; the default 26 is close to that (no 2020 figure).",
    ),
    p(
        "population.placement_mix.emergency",
        G::Population,
        "Starting children in emergency placements",
        "children",
        NONE,
        "Children in emergency or unregistered provision at the start.",
        "Sufficiency Monitor briefing Jul 2020 (seed 000): seven children were in emergency provision when the \
         report was finalised (between three and eight at any time since lockdown).",
    ),
    // ------------------------------------------------------------------ exits
    p(
        "exits.route_by_entry_age",
        G::Exits,
        "How care ends, by age at entry",
        "share (0-1)",
        AGE_BANDS,
        "One row per age band at entry. Each row gives the chances that the child's care ends by return home, \
         special guardianship or child arrangements order, adoption, or staying until 18 (in that order), and \
         sums to 1. A child whose planned time would take them past 18 leaves at 18.",
        "Modelling assumption checked against the leavers: in 2016/17 and 2017/18, 27.9% and 27.3% of children \
         leaving care left to permanence (special guardianship, residence order or adoption), 9.8% and 8.2% by \
         special guardianship and 14.4% and 13.9% by adoption (Performance Report May 2018, seed 003). Weighted \
         by age at entry the default sends about 43% of admissions home, 13% to special guardianship or a child \
         arrangements order (as the 13-14% of leavers those years), 15% to adoption and 30% to 18. Adoption \
         is mostly under 5: 23 of 33 children placed for adoption in Jan 2014 were under 5 (seed 004).",
    ),
    p(
        "exits.return_home",
        G::Exits,
        "Time in care before returning home",
        "distribution (months)",
        NONE,
        "How long, from entering care, a child whose plan is to return home stays in care. Choose a family and \
         its parameters; the permanence-drive lever shortens it.",
        "Modelling assumption: no durations in the seeds. Gamma with an average of 14 months and shape 1.2 \
         (nearly exponential: many short stays and some long ones). The seeds describe children returned home \
         within days after a 72-hour assessment (scrutiny minutes, seed 002) and discharges falling from 19 to \
         12 a month when social workers were stretched (seed 003).",
    ),
    p("exits.return_home.family", G::Exits, "Shape of the time to return home", "choice", NONE, FAMILY_HELP, FAMILY_SOURCE),
    p(
        "exits.return_home.mean_months",
        G::Exits,
        "Average time to return home",
        "months",
        NONE,
        MEAN_HELP,
        "Modelling assumption: 14 months; no figure in the seeds (see exits.return_home).",
    ),
    p(
        "exits.return_home.shape",
        G::Exits,
        "Spread of the time to return home",
        "gamma shape",
        NONE,
        SHAPE_HELP,
        "Modelling assumption: 1.2, close to exponential; no figure in the seeds.",
    ),
    p("exits.return_home.median_months", G::Exits, "Median time to return home", "months", NONE, MEDIAN_HELP, UNUSED_LOGNORMAL),
    p("exits.return_home.sigma", G::Exits, "Spread of the time to return home (lognormal)", "log-scale spread", NONE, SIGMA_HELP, UNUSED_LOGNORMAL),
    p("exits.return_home.points", G::Exits, "Time to return home, point by point", "(months, cumulative share) pairs", NONE, POINTS_HELP, UNUSED_POINTS),
    p(
        "exits.special_guardianship",
        G::Exits,
        "Time in care before special guardianship",
        "distribution (months)",
        NONE,
        "How long, from entering care, a child whose plan is a special guardianship or child arrangements order \
         stays in care. The permanence-drive lever shortens it.",
        "Modelling assumption: no durations in the seeds. Gamma with an average of 24 months and shape 3 (80% \
         between about 9 and 43 months). Special guardianship was 9.8% and 8.2% of leavers in 2016/17 and \
         2017/18 (Performance Report May 2018, seed 003), and most Regulation 24 family placements were \
         converted to special guardianship or child arrangements orders during care proceedings (scrutiny \
         minutes, seed 002).",
    ),
    p("exits.special_guardianship.family", G::Exits, "Shape of the time to special guardianship", "choice", NONE, FAMILY_HELP, FAMILY_SOURCE),
    p(
        "exits.special_guardianship.mean_months",
        G::Exits,
        "Average time to special guardianship",
        "months",
        NONE,
        MEAN_HELP,
        "Modelling assumption: 24 months; no figure in the seeds (see exits.special_guardianship).",
    ),
    p(
        "exits.special_guardianship.shape",
        G::Exits,
        "Spread of the time to special guardianship",
        "gamma shape",
        NONE,
        SHAPE_HELP,
        "Modelling assumption: 3, so most orders come one to three years after entry; no figure in the seeds.",
    ),
    p("exits.special_guardianship.median_months", G::Exits, "Median time to special guardianship", "months", NONE, MEDIAN_HELP, UNUSED_LOGNORMAL),
    p("exits.special_guardianship.sigma", G::Exits, "Spread of the time to special guardianship (lognormal)", "log-scale spread", NONE, SIGMA_HELP, UNUSED_LOGNORMAL),
    p("exits.special_guardianship.points", G::Exits, "Time to special guardianship, point by point", "(months, cumulative share) pairs", NONE, POINTS_HELP, UNUSED_POINTS),
    p(
        "exits.adoption",
        G::Exits,
        "Time in care before the adoption order",
        "distribution (months)",
        NONE,
        "How long, from entering care, a child whose plan is adoption stays in care, up to the adoption order; \
         the child moves to the adopters exits.adoption_placement_lead_days before it.",
        "Performance Report May 2018 (seed 003): the average time from entering care to moving in with the \
         adopters (A1) was 325 days in 2017/18 (296-404 days in 2014/15-2016/17; England 558). The default \
         order comes on average 21 months (about 640 days) after entry, gamma shape 4, and the move 180 days \
         before that, about 460 days after entry: longer than the 2017/18 average, close to the 469 days of \
         early 2018/19.",
    ),
    p("exits.adoption.family", G::Exits, "Shape of the time to adoption", "choice", NONE, FAMILY_HELP, FAMILY_SOURCE),
    p(
        "exits.adoption.mean_months",
        G::Exits,
        "Average time to the adoption order",
        "months",
        NONE,
        MEAN_HELP,
        "Modelling assumption: 21 months, set against the A1 average of 325 days to placement in 2017/18 plus \
         the time with adopters before the order (Performance Report May 2018, seed 003; see exits.adoption).",
    ),
    p(
        "exits.adoption.shape",
        G::Exits,
        "Spread of the time to adoption",
        "gamma shape",
        NONE,
        SHAPE_HELP,
        "Modelling assumption: 4 (fairly regular, coefficient of variation 0.5); A1 averages ranged 296-404 days \
         a year in 2014/15-2016/17 (seed 003), but the seeds give no spread for individual children.",
    ),
    p("exits.adoption.median_months", G::Exits, "Median time to the adoption order", "months", NONE, MEDIAN_HELP, UNUSED_LOGNORMAL),
    p("exits.adoption.sigma", G::Exits, "Spread of the time to adoption (lognormal)", "log-scale spread", NONE, SIGMA_HELP, UNUSED_LOGNORMAL),
    p("exits.adoption.points", G::Exits, "Time to adoption, point by point", "(months, cumulative share) pairs", NONE, POINTS_HELP, UNUSED_POINTS),
    p(
        "exits.adoption_placement_lead_days",
        G::Exits,
        "Time with adopters before the adoption order",
        "days",
        NONE,
        "A child whose plan is adoption moves to the adoptive placement (placed for adoption) this many days \
         before the adoption order ends their time in care; a child whose order comes sooner than that after \
         entering care is placed with the adopters from the start (early permanence).",
        "Performance Report May 2018 (seed 003): a placement must last at least 10 weeks before the adoption \
         application, and courts then took about 12 weeks (up from 6) to hear it, so at least about 150 days; \
         the same report had 24 children living with adopters against 27-30 adoptions a year, about 300 days \
         each, which the default uses.",
    ),
    p(
        "exits.staying_put_share",
        G::Exits,
        "Care leavers who stay put",
        "share (0-1)",
        NONE,
        "Share of young people turning 18 with in-house foster carers who stay on with them (Staying Put); each \
         keeps one of the household's places for exits.staying_put_months.",
        "Modelling assumption: the seeds give a count, not a share: 13 care leavers were in Staying Put or \
         supported lodgings arrangements in January 2014, and the strategy aimed to increase it (Placement \
         Sufficiency Strategy 2014/15, seed 004).",
    ),
    p(
        "exits.staying_put_months",
        G::Exits,
        "How long Staying Put lasts",
        "months",
        NONE,
        "Months a Staying Put young person keeps the foster place after turning 18.",
        "Modelling assumption: 24 months (18 to 20); no figure in the seeds.",
    ),
    // ------------------------------------------------------------------ foster carers
    p(
        "fostering.households",
        G::FosterCarers,
        "Approved foster households at the start",
        "households",
        NONE,
        "In-house mainstream fostering households approved at the start. Each is approved for a number of \
         places (fostering.places) and takes adolescents or not (fostering.adolescent_share).",
        "Performance Report May 2018 (seed 003): 152 households in May 2018 (156, 161 and 154 at the ends of \
         2015/16-2017/18). The fostering scorecard (seed 000) shows a net change of -4 households in 2019/20 \
         and +4 in Apr-Jun 2020; no June 2020 total is published, so 150 is an estimate. By 2022 the number of \
         in-house carers 'has not increased' (seed 001).",
    ),
    p(
        "fostering.places",
        G::FosterCarers,
        "Places per household",
        "share (0-1)",
        PLACES,
        "Chance that a starting household is approved for 1, 2 or 3 children at once.",
        "Modelling assumption: the default averages 1.4 places per household. Figures in the seeds: 164 \
         mainstream carers had 140 children and 60 full-time vacancies in January 2014, 1.22 places each \
         (seed 004); the 21 households that stopped in 2019/20 had 29 places (1.38 each) and the 17 approved had \
         22 (1.29 each) (seed 000); the 17 approved in 2017/18 had 27 (1.59 each) (seed 003).",
    ),
    p(
        "fostering.adolescent_share",
        G::FosterCarers,
        "Households that take adolescents",
        "share (0-1)",
        NONE,
        "Share of starting households approved for young people aged 11-17 and children with complex needs; the \
         others take children up to fostering.standard_max_age only.",
        "Modelling assumption: no count in the seeds. In January 2014 only 5 of 60 full-time in-house vacancies \
         were for children aged 11-15, and in-house carers looked after more children under 10 than over 11 \
         (Placement Sufficiency Strategy 2014/15, seed 004).",
    ),
    p(
        "fostering.standard_max_age",
        G::FosterCarers,
        "Oldest child for other households",
        "age (years)",
        NONE,
        "Households that do not take adolescents take children up to this age (inclusive).",
        "Placement Sufficiency Strategy 2014/15 (seed 004): in-house vacancies were counted for ages 0-4, 5-10 \
         and 11-15, recruitment of carers for younger children had 'eradicated our need to use the independent \
         sector for children aged under 10', and few carers took older children.",
    ),
    p(
        "fostering.mean_tenure_years",
        G::FosterCarers,
        "Average years since approval",
        "years",
        NONE,
        "Average time since approval of the starting households (spread exponentially). It decides how many are \
         still in their first two years, when fostering.attrition_early applies.",
        "Modelling assumption: no figure in the seeds. With 7 years about a quarter of households (1 − e^(−2/7) \
         ≈ 25%, about 37 of 150) are in their first two years, in line with approvals of 17 a year in 2019/20 \
         (seed 000) and 13-32 a year in 2015/16-2017/18 (seed 003).",
    ),
    p(
        "fostering.attrition_early",
        G::FosterCarers,
        "Leaving rate in the first two years",
        "yearly hazard",
        NONE,
        "Yearly rate at which households approved less than two years ago stop fostering (0.18 ≈ 16% a year). \
         The retention lever multiplies it.",
        "Modelling assumption for the split; the total is calibrated. Households deregistered: 16, 22 and 25 a \
         year in 2015/16-2017/18 (seed 003) and 21 in 2019/20 (seed 000); with about 37 households in their \
         first two years at 0.18 and 113 later at 0.13 the default loses about 21 a year (early leaving is \
         set higher than later leaving). The seeds' own early \
         figure is lower: 4 carers resigned within two years of approval in the year to May 2018 (seed 003), \
         out of roughly 40-45 approved in those two years (about 0.1 a year), though the scrutiny minutes \
         (seed 002) called early resignations a concern.",
    ),
    p(
        "fostering.attrition_later",
        G::FosterCarers,
        "Leaving rate after two years",
        "yearly hazard",
        NONE,
        "Yearly rate at which households approved two or more years ago stop fostering (0.13 ≈ 12% a year). \
         The retention lever multiplies it.",
        "Modelling assumption (see fostering.attrition_early): with the early rate it reproduces the 21-25 \
         households a year that stopped fostering (Performance Report May 2018, seed 003; scorecard 2019/20, \
         seed 000). Reasons named: changes in family circumstances, bereavement, the stress of allegations \
         (LADO) and conversion to special guardianship (scrutiny minutes Sep 2018, seed 002).",
    ),
    p(
        "fostering.sgo_conversion_share",
        G::FosterCarers,
        "Carers who leave by becoming special guardians",
        "share (0-1)",
        NONE,
        "When a household with children stops fostering, the chance that it does so by becoming the children's \
         special guardians (they leave care with their carers); otherwise the children must be placed again.",
        "Modelling assumption: no figure in the seeds. The July 2020 briefing (seed 000) says 2019/20's \
         approvals were 'outweighed by the number of de-registrations or conversions to Special Guardianship \
         Order arrangements', and the scrutiny minutes (seed 002) report more foster carers taking up special \
         guardianship.",
    ),
    p(
        "fostering.funnel.enquiries_per_month",
        G::FosterCarers,
        "Information visits a month",
        "enquiries / month",
        NONE,
        "Average number of initial information visits to prospective carers a month (the scorecard's \
         'enquiries'); each is followed through the assessment steps below. Random around this average each \
         month; the recruitment lever multiplies it.",
        "Fostering scorecard, Sufficiency Monitor Jul 2020 (seed 000): 236 information visits in 2019/20, 19.7 a \
         month (15-36 a month from Oct 2019 to Jun 2020).",
    ),
    p(
        "fostering.funnel.to_visit",
        G::FosterCarers,
        "Information visit leads to a follow-up visit",
        "share (0-1)",
        NONE,
        "Chance that an information visit leads to a follow-up visit.",
        "Fostering scorecard (seed 000): 82 follow-up visits from 236 information visits in 2019/20, 82 / 236 = \
         0.347.",
    ),
    p(
        "fostering.funnel.to_stage1",
        G::FosterCarers,
        "Follow-up visit leads to an assessment",
        "share (0-1)",
        NONE,
        "Chance that a follow-up visit leads to a stage 1 assessment starting.",
        "Fostering scorecard (seed 000): 47 assessments started from 82 follow-up visits in 2019/20, 47 / 82 = \
         0.573.",
    ),
    p(
        "fostering.funnel.to_stage2",
        G::FosterCarers,
        "Stage 1 leads to stage 2",
        "share (0-1)",
        NONE,
        "Chance that an applicant in stage 1 of the assessment goes on to stage 2.",
        "Fostering scorecard (seed 000): 17 households approved from 47 assessments started in 2019/20, 17 / 47 \
         = 0.36 overall. The split 0.6 × 0.6 between stage 1 and stage 2 is a modelling assumption.",
    ),
    p(
        "fostering.funnel.to_approval",
        G::FosterCarers,
        "Stage 2 leads to approval",
        "share (0-1)",
        NONE,
        "Chance that an applicant in stage 2 is approved by the fostering panel.",
        "Fostering scorecard (seed 000): 17 / 47 = 0.36 of assessments started ended in approval in 2019/20; \
         0.6 here and 0.6 for stage 1 give that (the split is a modelling assumption).",
    ),
    p(
        "fostering.funnel.visit_delay_months",
        G::FosterCarers,
        "Wait for the follow-up visit",
        "months",
        NONE,
        "Average months (exponentially spread) from information visit to follow-up visit.",
        "Modelling assumption: half a month; no figure in the seeds.",
    ),
    p(
        "fostering.funnel.stage1_delay_months",
        G::FosterCarers,
        "Wait for the assessment to start",
        "months",
        NONE,
        "Average months from follow-up visit to the start of the stage 1 assessment.",
        "Modelling assumption: one month; no figure in the seeds.",
    ),
    p(
        "fostering.funnel.stage2_delay_months",
        G::FosterCarers,
        "Time in stage 1",
        "months",
        NONE,
        "Average months from the start of the assessment to stage 2 (the length of stage 1).",
        "Fostering scorecard (seed 000): stage 1 assessments open at month end averaged 17.7 (11-25) from Oct \
         2019 to Jun 2020 against 47 starts a year (3.9 a month), so an assessment spent about 17.7 / 3.9 = 4.5 \
         months in stage 1.",
    ),
    p(
        "fostering.funnel.approval_delay_months",
        G::FosterCarers,
        "Time in stage 2 (to panel)",
        "months",
        NONE,
        "Average months from the start of stage 2 to approval at panel.",
        "Fostering scorecard (seed 000): stage 2 assessments open at month end averaged 3.0 (2-5) from Oct 2019 \
         to Jun 2020 against about 2.4 entering stage 2 a month (17 approvals a year / 0.6), about 1.3 months; \
         the default 1.5 is close to that.",
    ),
    p(
        "fostering.funnel.new_places",
        G::FosterCarers,
        "Places per newly approved household",
        "share (0-1)",
        PLACES,
        "Chance that a newly approved household is approved for 1, 2 or 3 children.",
        "Fostering scorecard (seed 000): 17 households approved in 2019/20 with 22 places (1.29 each); \
         Performance Report May 2018 (seed 003): 17 households with 27 places in 2017/18 (1.59 each). The \
         default averages 1.35.",
    ),
    p(
        "fostering.funnel.new_adolescent_share",
        G::FosterCarers,
        "New households that take adolescents",
        "share (0-1)",
        NONE,
        "Share of newly approved households that take young people aged 11-17 and complex needs; the \
         adolescent-carers lever raises it.",
        "Performance Report May 2018 (seed 003): 6 of the 15 households booked for approval in June 2018 \
         could offer placements for adolescents, 40%, which the report singled out as significant.",
    ),
    // ------------------------------------------------------------------ residential
    p(
        "residential.homes",
        G::Residential,
        "Council children's homes",
        "homes",
        NONE,
        "The council's own children's homes at the start (the new-homes lever adds more). Each has beds, the \
         beds that can really be used, an age range, an opening month and a fixed weekly running cost.",
        "Placement Sufficiency Strategy 2014/15 (seed 004): Silverwood (7-bed emergency home, ages 12-17, stays \
         up to 20 weeks), Woodview and St Edmunds (6-bed long-term homes, ages 12-17) and Cherry Tree (5 beds, \
         disabled children aged 8-17): capacity 22, only 15 children placed. The seeds do not say whether these \
         homes were still open in 2020; the default assumes they were, with 15 usable beds and the 2014 age \
         ranges.",
    ),
    p(
        "residential.homes.name",
        G::Residential,
        "Home name",
        "text",
        NONE,
        "A name for the home, shown in results.",
        "Modelling assumption: a label only; the default homes are named by type after the 2014 homes \
         (seed 004) and the 2020-22 programme (seed 000).",
    ),
    p(
        "residential.homes.beds",
        G::Residential,
        "Registered beds",
        "beds",
        NONE,
        "Beds the home is registered for; beds left empty are reported.",
        "Placement Sufficiency Strategy 2014/15 (seed 004): homes of 7, 6, 6 and 5 beds. The 2020-22 programme \
         added 16 beds and 2 emergency beds across 7 settings (Sufficiency Monitor, seed 000; Cabinet report Oct \
         2022, seed 001).",
    ),
    p(
        "residential.homes.usable_beds",
        G::Residential,
        "Beds that can be used",
        "beds",
        NONE,
        "Beds that can actually be filled at once: matching children who can safely live together leaves some \
         beds empty.",
        "Placement Sufficiency Strategy 2014/15 (seed 004): 15 children in 22 beds; Cabinet report Oct 2022 \
         (seed 001): only 6 young people had lived in the new homes since opening because matching is hard. The \
         default homes use 15 of 24 beds and the new-homes programme 10 of 18.",
    ),
    p(
        "residential.homes.min_age",
        G::Residential,
        "Youngest child the home takes",
        "age (years)",
        NONE,
        "Youngest age the home takes; a sibling group placed there must all be within the home's ages.",
        "Placement Sufficiency Strategy 2014/15 (seed 004): the mainstream homes took ages 12-17 and Cherry Tree \
         8-17. The default long-term homes take 10-17 and the disabled children's home 5-17, a modelling \
         assumption wider than in 2014; the new homes 10-17 (emergency beds 12-17).",
    ),
    p(
        "residential.homes.max_age",
        G::Residential,
        "Oldest child the home takes",
        "age (years)",
        NONE,
        "Oldest age (inclusive) the home takes.",
        "Placement Sufficiency Strategy 2014/15 (seed 004): every home took young people up to 17.",
    ),
    p(
        "residential.homes.open_month",
        G::Residential,
        "Month the home opens",
        "months from the start",
        NONE,
        "Months from the start when the home opens (0 = already open). Homes added by a lever open no earlier \
         than the lever's start month.",
        "Sufficiency Monitor Jul 2020 (seed 000): Pegasus House registered in July 2020, with children to move \
         in by September 2020, then two two-bed homes in phase two; Cabinet report Oct 2022 (seed 001): 4 homes \
         bought and 3 opened by 2022. The default homes are open from month 0 and the programme's opening \
         months (3-24) are a modelling assumption phased on those facts.",
    ),
    p(
        "residential.homes.weekly_cost",
        G::Residential,
        "Weekly running cost of the home",
        "£ / week",
        NONE,
        "Cost a week while the home is open, whether its beds are full or not (rising with \
         costs.inflation_per_year); children in council homes cost nothing more per child.",
        "Placement Sufficiency Strategy 2014/15 (seed 004): in-house residential care cost £2,481 a child a \
         week in 2014 (England £2,866), about £37,200 a week for the 15 children placed. The default homes \
         cost £45,600 a week together (the 2014 figure at 2020 prices is about £42,000-£44,500, at 2-3% a \
         year); the new homes' £5,200-£9,600 a week each are modelling assumptions.",
    ),
    // ------------------------------------------------------------------ markets
    p(
        "markets.ifa.limit",
        G::Markets,
        "Most agency foster placements at once",
        "children (empty = no limit)",
        NONE,
        "Most children independent fostering agencies can look after for the council at one time; empty means \
         no limit.",
        "Modelling assumption: no limit. Agency placements grew from 106 in January 2014 (seed 004) to 278 in \
         August 2018 (scrutiny minutes, seed 002) and stayed at 251-264 from Oct 2019 to Jun 2020 (seed 000), \
         so the market met Rotherham's demand, at a price.",
    ),
    p(
        "markets.ifa.min_age",
        G::Markets,
        "Youngest child agency carers take",
        "age (years)",
        NONE,
        "Youngest age the market takes; a sibling group must all be within the ages.",
        "Placement Sufficiency Strategy 2014/15 (seed 004): agency carers looked after children of all ages, \
         under 10 and over 11; so 0.",
    ),
    p(
        "markets.ifa.max_age",
        G::Markets,
        "Oldest child agency carers take",
        "age (years)",
        NONE,
        "Oldest age (inclusive) the market takes.",
        "Placement Sufficiency Strategy 2014/15 (seed 004): agency carers looked after more children aged 11 \
         and over than under 10; so up to 17.",
    ),
    p(
        "markets.external_residential.limit",
        G::Markets,
        "Most independent children's home placements at once",
        "children (empty = no limit)",
        NONE,
        "Most children independent children's homes can take for the council at one time; empty means no \
         limit.",
        "Modelling assumption: no limit. Independent residential placements grew from 27 in January 2014 \
         (seed 004) to 62 in August 2018 (seed 002); the seeds report distance and price, not a lack of beds.",
    ),
    p(
        "markets.external_residential.min_age",
        G::Markets,
        "Youngest child independent homes take",
        "age (years)",
        NONE,
        "Youngest age independent children's homes take for the council.",
        "Modelling assumption: 8, no age breakdown in the seeds (the council's own home for disabled children \
         took children from 8, seed 004).",
    ),
    p(
        "markets.external_residential.max_age",
        G::Markets,
        "Oldest child independent homes take",
        "age (years)",
        NONE,
        "Oldest age (inclusive) independent children's homes take.",
        "Placement Sufficiency Strategy 2014/15 (seed 004): children's homes took young people up to 17.",
    ),
    p(
        "markets.supported_accommodation.limit",
        G::Markets,
        "Supported accommodation places",
        "places (empty = no limit)",
        NONE,
        "Most 16-17 year olds in supported accommodation at one time (the supported-accommodation lever adds \
         places); empty means no limit.",
        "Modelling assumption: 25; no count in the seeds. The 16+ flexible purchasing system went live in \
         January 2021 (Cabinet report Oct 2022, seed 001; Sufficiency Monitor, seed 000); in 2014 the council's \
         own semi-independent units had 16 places, 'almost always full' (seed 004).",
    ),
    p(
        "markets.supported_accommodation.min_age",
        G::Markets,
        "Youngest in supported accommodation",
        "age (years)",
        NONE,
        "Youngest age placed in supported accommodation.",
        "Sufficiency Monitor Jul 2020 (seed 000) and Cabinet report Oct 2022 (seed 001): supported \
         accommodation is for 16- and 17-year-olds; so 16.",
    ),
    p(
        "markets.supported_accommodation.max_age",
        G::Markets,
        "Oldest in supported accommodation",
        "age (years)",
        NONE,
        "Oldest age (inclusive) placed in supported accommodation while in care.",
        "Sufficiency Monitor Jul 2020 (seed 000): supported accommodation for 16- and 17-year-olds; so 17.",
    ),
    p(
        "markets.connected_person_availability",
        G::Markets,
        "Chance a family-and-friends carer is found",
        "share (0-1)",
        NONE,
        "Each time matching tries a connected-person placement, the chance that a suitable relative or friend \
         is available.",
        "Modelling assumption: low. The 2014 strategy (seed 004) notes 'very low numbers of connected \
         persons/relative foster carers' (10 of 174 carers), and most family placements were converted to \
         special guardianship or child arrangements orders during care proceedings (scrutiny minutes, seed 002).",
    ),
    p(
        "markets.ifa_complex_availability",
        G::Markets,
        "Chance an agency carer is found for a complex-needs adolescent",
        "share (0-1)",
        NONE,
        "Each time matching tries an independent fostering agency for a young person aged 11+ with complex needs, \
         the chance that an agency household will take them; otherwise matching moves on down the order \
         (usually to residential).",
        "Modelling assumption: 0.3. The July 2020 briefing (seed 000) reports disruptions in foster placements for \
         young people with challenging behaviours and workshops with IFA providers to create step-down capacity; \
         the 2014 strategy (seed 004) notes few carers take adolescents (5 of 60 vacancies were for ages 11-15).",
    ),
    p(
        "markets.ifa_sibling_availability",
        G::Markets,
        "Chance an agency household takes each extra sibling",
        "share (0-1)",
        NONE,
        "When a sibling group is matched to an independent fostering agency, the chance for each child beyond the \
         first that the same household can take them too (a group of 3 is kept together with this chance squared).",
        "Modelling assumption: 0.85. The July 2020 briefing (seed 000) says admissions of a larger sibling group \
         pushed children into agency placements; May 2018 had 7 sibling groups among 35 admissions \
         (Performance Report, seed 003).",
    ),
    p(
        "markets.out_of_borough",
        G::Markets,
        "Share placed outside the borough",
        "share (0-1)",
        NONE,
        "For each placement type, the chance that a new placement of that type is outside the borough; the \
         model reports how many children live outside.",
        "Placement Sufficiency Strategy 2014/15 (seed 004) for in-house and agency fostering and residential \
         care; the other types are modelling assumptions (see each type).",
    ),
    p(
        "markets.out_of_borough.in_house_foster",
        G::Markets,
        "In-house foster care outside the borough",
        "share (0-1)",
        NONE,
        "Chance that an in-house foster placement is outside the borough.",
        "Placement Sufficiency Strategy 2014/15 (seed 004): 125 of 150 children with in-house carers lived in \
         Rotherham in January 2014, so (150 − 125) / 150 = 0.17 outside.",
    ),
    p(
        "markets.out_of_borough.connected_person",
        G::Markets,
        "Family and friends care outside the borough",
        "share (0-1)",
        NONE,
        "Chance that a connected-person placement is outside the borough.",
        "Modelling assumption: 0.2; no figure in the seeds.",
    ),
    p(
        "markets.out_of_borough.ifa",
        G::Markets,
        "Agency foster care outside the borough",
        "share (0-1)",
        NONE,
        "Chance that an independent fostering agency placement is outside the borough.",
        "Placement Sufficiency Strategy 2014/15 (seed 004): only 14 of 106 agency foster placements were in \
         Rotherham in January 2014, so (106 − 14) / 106 = 0.87 outside.",
    ),
    p(
        "markets.out_of_borough.in_house_residential",
        G::Markets,
        "Council homes outside the borough",
        "share (0-1)",
        NONE,
        "Chance that a placement in a council home is outside the borough.",
        "Placement Sufficiency Strategy 2014/15 (seed 004) and Sufficiency Monitor Jul 2020 (seed 000): the \
         council's homes are in Rotherham, 'close to their communities'; so 0.",
    ),
    p(
        "markets.out_of_borough.external_residential",
        G::Markets,
        "Independent homes outside the borough",
        "share (0-1)",
        NONE,
        "Chance that an independent children's home placement is outside the borough.",
        "Placement Sufficiency Strategy 2014/15 (seed 004): all 27 independent residential placements were \
         outside the borough in January 2014 ('no independent residential homes located in Rotherham'); market \
         shaping then added 16 places inside the borough in the 18 months to July 2020 (seed 000). 0.8 is a \
         modelling assumption between the two.",
    ),
    p(
        "markets.out_of_borough.supported_accommodation",
        G::Markets,
        "Supported accommodation outside the borough",
        "share (0-1)",
        NONE,
        "Chance that a supported accommodation placement is outside the borough.",
        "Modelling assumption: 0.3; no figure in the seeds.",
    ),
    p(
        "markets.out_of_borough.placed_with_parents",
        G::Markets,
        "Placed with parents outside the borough",
        "share (0-1)",
        NONE,
        "Chance that a child placed with parents lives outside the borough.",
        "Modelling assumption: 0, children placed with parents are counted as living at home; no figure in the \
         seeds.",
    ),
    p(
        "markets.out_of_borough.placed_for_adoption",
        G::Markets,
        "Adoptive placements outside the borough",
        "share (0-1)",
        NONE,
        "Chance that an adoptive placement is outside the borough.",
        "Modelling assumption: 0.5. In 2013/14, 29 of 45 children placed for adoption went to other agencies' \
         adopters rather than Rotherham's own (Placement Sufficiency Strategy 2014/15, seed 004).",
    ),
    p(
        "markets.out_of_borough.emergency",
        G::Markets,
        "Emergency placements outside the borough",
        "share (0-1)",
        NONE,
        "Chance that an emergency placement is outside the borough.",
        "Modelling assumption: 0.5; no figure in the seeds.",
    ),
    // ------------------------------------------------------------------ matching
    p(
        "matching.rules",
        G::Matching,
        "Placement preference rules",
        "rules",
        NONE,
        "Ordered rules. For each child the first rule whose ages and needs fit gives the order in which \
         placement types are tried; the first with room is used, and an emergency placement if none has. A \
         sibling group is matched by its eldest's rule, and only to types every sibling's rule lists.",
        "Modelling assumption following the priorities the seeds state: family-based before residential, \
         in-house before agency, local before distant (Placement Sufficiency Strategy 2014/15 section 4.2, \
         seed 004; 2019-22 strategy, seed 000 and seed 001), and supported accommodation for 16-17 year olds \
         after foster care (seed 000). Connected persons are tried second, after in-house carers, although the \
         2014 strategy (seed 004) stresses the duty to place with extended family where possible.",
    ),
    p(
        "matching.rules.min_age",
        G::Matching,
        "Youngest age the rule covers",
        "age (years)",
        NONE,
        "The rule applies to children from this age (in whole years).",
        "Modelling assumption: the default rules split at 16 because supported accommodation is for 16- and \
         17-year-olds (seed 000).",
    ),
    p(
        "matching.rules.max_age",
        G::Matching,
        "Oldest age the rule covers",
        "age (years)",
        NONE,
        "The rule applies to children up to this age (inclusive).",
        "Modelling assumption: 15 for the under-16 rules and 17 for the 16-17 rule (seed 000: supported \
         accommodation for 16- and 17-year-olds).",
    ),
    p(
        "matching.rules.needs",
        G::Matching,
        "Needs the rule covers",
        "any / standard / complex",
        NONE,
        "Whether the rule applies to children with standard needs, complex needs, or any.",
        "Modelling assumption: children under 16 with complex needs skip connected persons and go from \
         in-house (Fostering Plus-type) carers to agencies and residential care; the 2014 strategy (seed 004) \
         set up Fostering Plus for older children and those with complex needs.",
    ),
    p(
        "matching.rules.order",
        G::Matching,
        "Order in which placement types are tried",
        "placement types, in order",
        CHOICES,
        "Placement types tried in turn (placed with parents and placed for adoption follow from the child's \
         plan and cannot be listed).",
        "Modelling assumption following the stated priorities (see matching.rules; seed 004, seed 000).",
    ),
    p(
        "matching.keep_siblings_together",
        G::Matching,
        "Keep brothers and sisters together",
        "yes / no",
        NONE,
        "If on, a sibling group is placed together where one placement can take them all; otherwise, or if none \
         can, each child is matched separately and the split is counted.",
        "Placement Sufficiency Strategy 2014/15 (seed 004): the Ofsted framework expects children to live 'with \
         their brothers and sisters when this is in their best interests', and in-house vacancies were tracked \
         for sibling groups (17 of the 60 vacancies were for pairs of siblings in January 2014).",
    ),
    p(
        "matching.emergency_review_days",
        G::Matching,
        "Days before an emergency placement is reviewed",
        "days",
        NONE,
        "A child in an emergency placement is matched again after this many days and moves if a placement \
         higher in their order has room.",
        "Modelling assumption: 28 days; no figure in the seeds. Between three and eight children were in \
         emergency provision at any time in spring 2020 (Sufficiency Monitor, seed 000); the 2014 emergency home \
         allowed stays of up to 20 weeks (seed 004).",
    ),
    // ------------------------------------------------------------------ stability
    p(
        "stability.breakdown_child",
        G::Stability,
        "Placement breakdown rate, children under 11",
        "yearly hazard",
        NONE,
        "For each placement type, the yearly rate at which placements of children under 11 (at the time of \
         placement) end unplanned; the child is then matched again, elsewhere (the foster household or children's home \
         whose placement ended is not offered the child again). A rate of 0.12 is about 11% a year.",
        "Modelling assumption checked against the Performance Report May 2018 (seed 003): 61.3% of long-term \
         looked-after children had been in the same placement for two years, an average rate of about 0.25 a \
         year (−ln 0.613 / 2) across ages, and 13.8% of children had three or more placements in 12 months \
         (England 10%).",
    ),
    p(
        "stability.breakdown_child.in_house_foster",
        G::Stability,
        "Breakdown rate, in-house foster care (under 11)",
        "yearly hazard",
        NONE,
        "Yearly rate at which in-house foster placements of children under 11 break down.",
        "Modelling assumption: 0.12, half the all-ages average of about 0.25 implied by 61.3% two-year \
         stability (seed 003); see stability.breakdown_child.",
    ),
    p(
        "stability.breakdown_child.connected_person",
        G::Stability,
        "Breakdown rate, family and friends care (under 11)",
        "yearly hazard",
        NONE,
        "Yearly rate at which connected-person placements of children under 11 break down.",
        "Modelling assumption: 0.1, a little below in-house foster care; no figure in the seeds (see \
         stability.breakdown_child, seed 003).",
    ),
    p(
        "stability.breakdown_child.ifa",
        G::Stability,
        "Breakdown rate, agency foster care (under 11)",
        "yearly hazard",
        NONE,
        "Yearly rate at which agency foster placements of children under 11 break down.",
        "Modelling assumption: 0.14, a little above in-house foster care, whose carers the scrutiny minutes \
         (seed 002) describe as well supported; no figure by type in the seeds.",
    ),
    p(
        "stability.breakdown_child.in_house_residential",
        G::Stability,
        "Breakdown rate, council homes (under 11)",
        "yearly hazard",
        NONE,
        "Yearly rate at which council children's home placements of children under 11 end unplanned.",
        "Modelling assumption: 0.2; no figure by type in the seeds (see stability.breakdown_child, seed 003).",
    ),
    p(
        "stability.breakdown_child.external_residential",
        G::Stability,
        "Breakdown rate, independent homes (under 11)",
        "yearly hazard",
        NONE,
        "Yearly rate at which independent children's home placements of children under 11 end unplanned.",
        "Modelling assumption: 0.25; no figure by type in the seeds (see stability.breakdown_child, seed 003).",
    ),
    p(
        "stability.breakdown_child.supported_accommodation",
        G::Stability,
        "Breakdown rate, supported accommodation (under 11)",
        "yearly hazard",
        NONE,
        "Yearly rate for supported accommodation; only 16-17 year olds are placed there, so this under-11 rate \
         has no effect with the default ages.",
        "Modelling assumption: 0.3, not used with the default ages (supported accommodation is for 16-17, \
         seed 000).",
    ),
    p(
        "stability.breakdown_child.placed_with_parents",
        G::Stability,
        "Breakdown rate, placed with parents (under 11)",
        "yearly hazard",
        NONE,
        "Yearly rate at which placements with parents of children under 11 break down (the child is then \
         matched to a placement).",
        "Modelling assumption: 0.1; no figure in the seeds.",
    ),
    p(
        "stability.breakdown_child.placed_for_adoption",
        G::Stability,
        "Breakdown rate, adoptive placements (under 11)",
        "yearly hazard",
        NONE,
        "Yearly rate at which adoptive placements of children under 11 disrupt before the order. A disruption \
         ends the adoption plan: the child is matched again and its way out of care is drawn afresh, for its \
         age, among the other routes.",
        "Modelling assumption: 0.02, adoption disruptions are rare; no figure in the seeds (Rotherham persevered \
         to find adoptive placements, seed 003).",
    ),
    p(
        "stability.breakdown_child.emergency",
        G::Stability,
        "Breakdown rate, emergency placements (under 11)",
        "yearly hazard",
        NONE,
        "Yearly breakdown rate of emergency placements; emergency placements end by review \
         (matching.emergency_review_days) rather than breakdown.",
        "Modelling assumption: 0, because emergency placements are reviewed and replaced (between three and \
         eight children at any time in spring 2020, seed 000).",
    ),
    p(
        "stability.breakdown_adolescent",
        G::Stability,
        "Placement breakdown rate, young people 11+",
        "yearly hazard",
        NONE,
        "For each placement type, the yearly rate at which placements of young people aged 11 or more (at the \
         time of placement) end unplanned; they are then matched again. A rate of 0.3 is about 26% a year.",
        "Modelling assumption: two to three times the under-11 rates, averaging out near the 0.25 a year implied \
         by 61.3% two-year stability (Performance Report May 2018, seed 003). The July 2020 briefing (seed 000) \
         reports 'an increase in disruptions in foster placements for young people with challenging \
         behaviours'.",
    ),
    p(
        "stability.breakdown_adolescent.in_house_foster",
        G::Stability,
        "Breakdown rate, in-house foster care (11+)",
        "yearly hazard",
        NONE,
        "Yearly rate at which in-house foster placements of young people aged 11+ break down.",
        "Modelling assumption: 0.3; the seeds report rising foster placement disruptions for young people with \
         challenging behaviours (seed 000) and few in-house carers for older children (seed 004).",
    ),
    p(
        "stability.breakdown_adolescent.connected_person",
        G::Stability,
        "Breakdown rate, family and friends care (11+)",
        "yearly hazard",
        NONE,
        "Yearly rate at which connected-person placements of young people aged 11+ break down.",
        "Modelling assumption: 0.2; no figure in the seeds (see stability.breakdown_adolescent, seed 003).",
    ),
    p(
        "stability.breakdown_adolescent.ifa",
        G::Stability,
        "Breakdown rate, agency foster care (11+)",
        "yearly hazard",
        NONE,
        "Yearly rate at which agency foster placements of young people aged 11+ break down.",
        "Modelling assumption: 0.35; no figure by type in the seeds (see stability.breakdown_adolescent, \
         seed 003).",
    ),
    p(
        "stability.breakdown_adolescent.in_house_residential",
        G::Stability,
        "Breakdown rate, council homes (11+)",
        "yearly hazard",
        NONE,
        "Yearly rate at which council children's home placements of young people aged 11+ end unplanned.",
        "Modelling assumption: 0.45; no figure by type in the seeds (see stability.breakdown_adolescent, \
         seed 003).",
    ),
    p(
        "stability.breakdown_adolescent.external_residential",
        G::Stability,
        "Breakdown rate, independent homes (11+)",
        "yearly hazard",
        NONE,
        "Yearly rate at which independent children's home placements of young people aged 11+ end unplanned.",
        "Modelling assumption: 0.5, the highest; no figure by type in the seeds. Many of these placements were \
         at a distance (only 7 of 30 independent and secure placements were in South Yorkshire in 2014, seed 004).",
    ),
    p(
        "stability.breakdown_adolescent.supported_accommodation",
        G::Stability,
        "Breakdown rate, supported accommodation (11+)",
        "yearly hazard",
        NONE,
        "Yearly rate at which supported accommodation placements of 16-17 year olds end unplanned.",
        "Modelling assumption: 0.4; no figure in the seeds (16+ framework, seed 000).",
    ),
    p(
        "stability.breakdown_adolescent.placed_with_parents",
        G::Stability,
        "Breakdown rate, placed with parents (11+)",
        "yearly hazard",
        NONE,
        "Yearly rate at which placements with parents of young people aged 11+ break down.",
        "Modelling assumption: 0.2; no figure in the seeds.",
    ),
    p(
        "stability.breakdown_adolescent.placed_for_adoption",
        G::Stability,
        "Breakdown rate, adoptive placements (11+)",
        "yearly hazard",
        NONE,
        "Yearly rate at which adoptive placements of children aged 11+ disrupt before the order.",
        "Modelling assumption: 0.02, as for younger children; adoption at 11+ is rare (seed 004: 10 of 33 \
         children placed for adoption in 2014 were 5 or over).",
    ),
    p(
        "stability.breakdown_adolescent.emergency",
        G::Stability,
        "Breakdown rate, emergency placements (11+)",
        "yearly hazard",
        NONE,
        "Yearly breakdown rate of emergency placements; they end by review (matching.emergency_review_days) \
         rather than breakdown.",
        "Modelling assumption: 0, because emergency placements are reviewed and replaced (seed 000).",
    ),
    // ------------------------------------------------------------------ costs and budget
    p(
        "stability.repeat_multiplier",
        G::Stability,
        "Extra breakdown risk after recent moves",
        "multiplier per placement",
        NONE,
        "A child's breakdown rate is multiplied by this for every other placement they have had in the last 12 \
         months, so instability begets instability and a minority of children move repeatedly.",
        "Modelling assumption: 2.5 (applied for at most two earlier placements), set with the short-term first \
         placements so that the share of children with 3+ placements in 12 months approaches the 13.8% reported in the Performance Report May 2018 (seed 003; England 10%).",
    ),
    p(
        "stability.escalate_after_repeat_moves",
        G::Stability,
        "Repeated breakdowns count as complex needs",
        "yes / no",
        NONE,
        "When on, a young person aged 11+ about to start a third placement within 12 months is matched from \
         then on as having complex needs (agency carers are then found only sometimes, and residential care \
         comes next in the order).",
        "Modelling assumption: on. The July 2020 briefing (seed 000) links emergency placements to breakdowns \
         and reports disruptions for young people with challenging behaviours; Aug 2018 had 62 children in \
         out-of-authority residential care (scrutiny minutes, seed 002), which this keeps near its level.",
    ),
    p(
        "stability.short_term_first_share",
        G::Stability,
        "Share of admissions first placed short-term",
        "share (0-1)",
        NONE,
        "Share of sibling groups whose first placement is a short-term or bridging one, so a planned move \
         follows (the group is then matched again, and may be split).",
        "Modelling assumption: 0.4, set so that the share of children with 3+ placements in 12 months approaches \
         the 13.8% in the Performance Report May 2018 (seed 003); the July 2020 briefing (seed 000) describes \
         emergency placements made on admission and after breakdowns.",
    ),
    p(
        "stability.short_term_days",
        G::Stability,
        "Days in a short-term first placement",
        "days",
        NONE,
        "Mean length (exponential) of a short-term first placement before the planned move.",
        "Modelling assumption: 45 days; the 2014 emergency home took young people for at most 20 weeks \
         (Sufficiency Strategy 2014, seed 004).",
    ),
    p(
        "costs.weekly",
        G::CostsAndBudget,
        "Weekly cost per child",
        "£ / week",
        NONE,
        "Cost a week of one child in each placement type at the start, rising with costs.inflation_per_year. \
         Council homes are costed per home (residential.homes.weekly_cost), not per child.",
        "Placement Sufficiency Strategy 2014/15 (seed 004) and scrutiny minutes Sep 2018 (seed 002), brought to \
         2020 prices at 2% a year; see each type.",
    ),
    p(
        "costs.weekly.in_house_foster",
        G::CostsAndBudget,
        "Weekly cost, in-house foster care",
        "£ / week",
        NONE,
        "Allowances and fees a week for a child with in-house foster carers.",
        "Placement Sufficiency Strategy 2014/15 (seed 004): in-house foster care cost £360 a week in 2014 \
         (England £428); £360 × 1.02^6 = £405 at 2020 prices.",
    ),
    p(
        "costs.weekly.connected_person",
        G::CostsAndBudget,
        "Weekly cost, family and friends care",
        "£ / week",
        NONE,
        "Allowance a week for a child with connected-person carers.",
        "Modelling assumption: the fostering allowance without fees. In 2018 the council set its charge to \
         parents in line with in-house foster care: £189.37 a week for ages 11-15 and £230.30 for 16-17 \
         (Corporate Parenting Panel, seed 003); the default uses the higher.",
    ),
    p(
        "costs.weekly.ifa",
        G::CostsAndBudget,
        "Weekly cost, agency foster care",
        "£ / week",
        NONE,
        "Fee a week for a child with independent fostering agency carers (the framework-pricing lever lowers \
         it).",
        "Scrutiny minutes Sep 2018 (seed 002): £11.5M projected for 278 agency placements, about £795 a week; \
         × 1.02^2 = £827 at 2020 prices. (2014: £942 a week, England £864, seed 004.)",
    ),
    p(
        "costs.weekly.in_house_residential",
        G::CostsAndBudget,
        "Weekly cost per child, council homes",
        "£ / week",
        NONE,
        "Extra cost a week per child in a council home, on top of the home's running cost; 0 when the running \
         cost covers everything.",
        "Modelling assumption: 0, because council homes are costed per home (residential.homes.weekly_cost, \
         based on £2,481 a child a week in 2014, seed 004).",
    ),
    p(
        "costs.weekly.external_residential",
        G::CostsAndBudget,
        "Weekly cost, independent children's homes",
        "£ / week",
        NONE,
        "Fee a week for a child in an independent children's home (the framework-pricing lever lowers it).",
        "Scrutiny minutes Sep 2018 (seed 002): £12.3M projected for 62 out-of-authority residential placements, \
         about £3,800 a week; × 1.02^2 ≈ £3,950 at 2020 prices. (2014: £3,231 a week, England £2,960, \
         seed 004.)",
    ),
    p(
        "costs.weekly.supported_accommodation",
        G::CostsAndBudget,
        "Weekly cost, supported accommodation",
        "£ / week",
        NONE,
        "Cost a week for a 16-17 year old in supported accommodation.",
        "Modelling assumption: £1,100; no price in the seeds.",
    ),
    p(
        "costs.weekly.placed_with_parents",
        G::CostsAndBudget,
        "Weekly cost, placed with parents",
        "£ / week",
        NONE,
        "Placement cost a week for a child placed with parents.",
        "Modelling assumption: 0, no placement fee is paid; no figure in the seeds.",
    ),
    p(
        "costs.weekly.placed_for_adoption",
        G::CostsAndBudget,
        "Weekly cost, placed for adoption",
        "£ / week",
        NONE,
        "Placement cost a week for a child living with prospective adopters.",
        "Modelling assumption: 0, adopters are not paid a placement fee; inter-agency fees (29 of 45 placements \
         in 2013/14 were with other agencies, seed 004) are not modelled.",
    ),
    p(
        "costs.weekly.emergency",
        G::CostsAndBudget,
        "Weekly cost, emergency placements",
        "£ / week",
        NONE,
        "Cost a week for a child in an emergency or unregistered placement.",
        "Modelling assumption: £6,000, well above independent residential care (£3,950); no price in the seeds, \
         which describe emergency provision for three to eight children at a time (seed 000).",
    ),
    p(
        "costs.inflation_per_year",
        G::CostsAndBudget,
        "Yearly price inflation",
        "yearly rate (0.03 = 3%)",
        NONE,
        "Yearly rise of all weekly costs, home running costs and recruitment costs.",
        "Modelling assumption: 2% a year; no figure in the seeds. (The default weekly costs were brought from \
         2014 and 2018 to 2020 prices at 2% a year, seed 004 and seed 002.)",
    ),
    p(
        "costs.cost_per_approval",
        G::CostsAndBudget,
        "Cost of recruiting one household",
        "£",
        NONE,
        "Marketing, assessment and panel cost for each household approved, paid at approval.",
        "Modelling assumption: £8,000; no figure in the seeds.",
    ),
    p(
        "costs.budget_per_year",
        G::CostsAndBudget,
        "Placements budget a year",
        "£ / year",
        NONE,
        "Budget for placement costs for a full financial year (April-March) at the start; part years are \
         pro rata. Results compare spending with it.",
        "Modelling assumption: no 2020 budget in the seeds. In August 2018 the two external placement budgets \
         were about £17.1M: out-of-authority residential £12.3M projected less £3.0M overspend, agency fostering \
         £11.5M less £3.7M (scrutiny minutes, seed 002); in June 2020 residential numbers were 'just one above \
         the budget profile' (seed 000). £30.5M is set near the modelled cost of the 2020 placements and homes at the \
         default prices (about £31-32M a year), so that the chance of overspending is a live question; \
         replace it with your council's own budget.",
    ),
    p(
        "costs.budget_growth_per_year",
        G::CostsAndBudget,
        "Yearly growth of the budget",
        "yearly rate (0.02 = 2%)",
        NONE,
        "Yearly rise of the placements budget.",
        "Modelling assumption: 2% a year; no figure in the seeds.",
    ),
    // ------------------------------------------------------------------ strategy levers
    p(
        "levers",
        G::StrategyLevers,
        "Strategy levers",
        "levers",
        NONE,
        "Actions pulled on top of the baseline, each with a start month, a ramp to full effect and a yearly \
         cost. The baseline has none; each ready-made strategy adds some.",
        "The actions the seeds name: recruitment and retention of carers, Fostering Plus, in-house homes, \
         step-down, edge-of-care work, permanence, regional frameworks and 16+ accommodation (seed 000, seed \
         001, seed 002, seed 004). The strength and cost of each ready-made lever is a modelling assumption \
         unless its entry says otherwise.",
    ),
    p(
        "levers.start_month",
        G::StrategyLevers,
        "Month the lever starts",
        "months from the start",
        NONE,
        "Months from the start when the lever begins to act and its yearly cost begins.",
        "Modelling assumption: the ready-made strategies start at month 0 (July 2020), step-down at month 3; \
         the seeds date these actions between 2019 and 2022 (seed 000, seed 001).",
    ),
    p(
        "levers.ramp_months",
        G::StrategyLevers,
        "Months to full effect",
        "months",
        NONE,
        "The effect grows in a straight line from the start month to full strength over this many months (0 = \
         at once). The cost does not ramp.",
        "Modelling assumption: 6-12 months in the ready-made strategies (0 for new homes, which have their own \
         opening months); the July 2020 briefing (seed 000) says COVID affected the 'pace rather than \
         preventing progress'.",
    ),
    p(
        "levers.annual_cost",
        G::StrategyLevers,
        "Running cost a year",
        "£ / year",
        NONE,
        "Cost a year, paid in full from the start month (even while the effect ramps up) and added to the \
         placement costs.",
        "Modelling assumption: the seeds give no costs for individual actions, only £12M of extra investment in \
         the service (scrutiny minutes, seed 002) and 'significant investment in a digital marketing contract' \
         (seed 001). Ready-made values: recruitment £250,000, Fostering Plus £100,000, retention £150,000, \
         step-down £60,000, edge of care £500,000, permanence £200,000; new homes, framework pricing and \
         supported accommodation £0 because their costs are in their own prices.",
    ),
    p(
        "levers.kind.type",
        G::StrategyLevers,
        "Lever",
        "choice",
        NONE,
        "Which action: recruitment_boost, adolescent_carers, retention, new_homes, step_down, edge_of_care, \
         permanence_drive, framework_pricing or supported_accommodation.",
        "The actions named in the seeds (seed 000, seed 001, seed 002, seed 004); see each lever's own help.",
    ),
    p(
        "levers.kind.enquiry_multiplier",
        G::StrategyLevers,
        "Recruitment: more information visits",
        "multiplier",
        NONE,
        "Multiplies the information visits a month (fostering.funnel.enquiries_per_month); 1.5 = half as many \
         again.",
        "Sufficiency Monitor Jul 2020 (seed 000): after the recruitment website launched at the end of September \
         2019, information visits rose from about 16 a month (95 in Apr-Sep 2019) to 23.5 a month (141 in Oct \
         2019-Mar 2020), a factor of about 1.5. The baseline 19.7 a month already includes six months with the \
         website, so 1.5 on top of it is optimistic.",
    ),
    p(
        "levers.kind.conversion_multiplier",
        G::StrategyLevers,
        "Recruitment: better conversion",
        "multiplier",
        NONE,
        "Multiplies the overall chance that an information visit ends in approval (spread evenly over the four \
         steps of the funnel).",
        "Modelling assumption: 1.2. The Performance Report May 2018 (seed 003) reports conversion from \
         expression of interest to approval rising from 11% to 16% (× 1.45) as recruitment improved.",
    ),
    p(
        "levers.kind.new_adolescent_share",
        G::StrategyLevers,
        "Fostering Plus: new households taking adolescents",
        "share (0-1)",
        NONE,
        "Share of newly approved households that take adolescents and complex needs while the lever acts (it \
         raises fostering.funnel.new_adolescent_share); they are paid the fee uplift.",
        "Modelling assumption: 0.5 for a targeted campaign. Fostering Plus is recommendation 1 of the 2014 \
         strategy (seed 004) and part of the 2019-22 recruitment (seed 000); 6 of the 15 households booked for \
         approval in June 2018 could take adolescents, 40% (seed 003).",
    ),
    p(
        "levers.kind.extra_households_per_year",
        G::StrategyLevers,
        "Fostering Plus: extra households a year",
        "households / year",
        NONE,
        "Adolescent households a year recruited directly, on top of the funnel.",
        "Modelling assumption: 4 a year; no figure in the seeds (Fostering Plus, seed 004).",
    ),
    p(
        "levers.kind.weekly_fee_uplift",
        G::StrategyLevers,
        "Fostering Plus: extra weekly fee",
        "£ / week",
        NONE,
        "Extra fee a week for each child placed with a Fostering Plus household (with several Fostering Plus \
         levers, the highest of their fees: a household is paid one uplift).",
        "Modelling assumption: £200; no fee in the seeds. The 2014 strategy (seed 004) describes Fostering Plus \
         carers as 'fee paid and therapeutically supported' and the in-house package as uncompetitive (£360 a \
         week against £428 nationally).",
    ),
    p(
        "levers.kind.attrition_multiplier",
        G::StrategyLevers,
        "Retention: change in carers leaving",
        "multiplier",
        NONE,
        "Multiplies both attrition rates (0.7 = 30% fewer households leaving).",
        "Modelling assumption: 0.7. The seeds name the measures, a review of the support package, Mockingbird \
         hubs, a faster LADO process and better first-year support (scrutiny minutes Sep 2018, seed 002), and \
         the 2022 shift to retention (seed 001), but give no effect size.",
    ),
    p(
        "levers.kind.homes",
        G::StrategyLevers,
        "New homes",
        "homes",
        NONE,
        "Homes the lever opens, each described like residential.homes (their fields share those entries); a home \
         opens at its open_month or the lever's start month, whichever is later.",
        "Sufficiency Monitor Jul 2020 (seed 000) and Cabinet report Oct 2022 (seed 001): 16 beds plus 2 \
         emergency beds across 7 settings; Pegasus House registered July 2020 and two two-bed homes in phase \
         two; 4 homes bought and 3 opened by 2022, but only 6 young people had lived in them. The ready-made \
         programme (18 beds, 10 usable, opening in months 3-24, £5,200-£9,600 a week each) is a modelling \
         assumption built on those facts.",
    ),
    p(
        "levers.kind.children_per_year",
        G::StrategyLevers,
        "Step-down: children moved a year",
        "children / year",
        NONE,
        "Children a year moved from residential care (council or independent) to in-house or agency foster care, \
         where a foster place fits.",
        "Modelling assumption: 8 a year; no number in the seeds. The July 2020 briefing (seed 000) describes \
         workshops with agencies to offer step-down placements, and the 2022 report (seed 001) 'successful step \
         down from residential care into foster care settings'.",
    ),
    p(
        "levers.kind.max_age",
        G::StrategyLevers,
        "Step-down: oldest age moved",
        "age (years)",
        NONE,
        "Oldest age (inclusive) of the children the step-down lever moves.",
        "Modelling assumption: 15, leaving 16-17 year olds to supported accommodation (seed 000); no figure in \
         the seeds.",
    ),
    p(
        "levers.kind.admissions_multiplier",
        G::StrategyLevers,
        "Edge of care: admissions aged 10+",
        "multiplier",
        NONE,
        "Multiplies admissions whose first child is 10 or older (0.8 = one in five prevented).",
        "Scrutiny minutes Sep 2018 (seed 002): after the Edge of Care panel and 72-hour assessments, care \
         proceedings fell from 19.5 a month in 2017/18 to 15.4 in 2018/19 (× 0.79); applying 0.8 to admissions \
         aged 10+ is a modelling assumption. The 2023-28 strategy (seed 001) aims for more young people aged 10+ \
         to be cared for safely in their families.",
    ),
    p(
        "levers.kind.duration_multiplier",
        G::StrategyLevers,
        "Permanence drive: time to leave care",
        "multiplier",
        NONE,
        "Multiplies the remaining time in care of children whose plan is return home or special guardianship \
         (0.8 = 20% sooner), including children already in care.",
        "Modelling assumption: 0.8; no effect size in the seeds. Right Child Right Care had discharged 34 of \
         169 children in scope (20%) and 13 others by May 2018, and discharges had fallen from 19 to 12 a month \
         when social workers were stretched (Performance Report May 2018, seed 003).",
    ),
    p(
        "levers.kind.ifa_multiplier",
        G::StrategyLevers,
        "Framework pricing: agency foster fees",
        "multiplier",
        NONE,
        "Multiplies the weekly agency fostering fee (0.95 = 5% lower).",
        "Modelling assumption: 0.95. Rotherham paid 9% more than the England average for agency fostering in \
         2014, £942 against £864 (seed 004); it rejoined the White Rose framework in April 2020, which challenged \
         fee increases (seed 000), though providers working 'off framework' weakened its buying power (seed 001).",
    ),
    p(
        "levers.kind.residential_multiplier",
        G::StrategyLevers,
        "Framework pricing: independent home fees",
        "multiplier",
        NONE,
        "Multiplies the weekly independent children's home fee (0.95 = 5% lower).",
        "Modelling assumption: 0.95. Rotherham paid 9% more than the England average for independent \
         residential care in 2014, £3,231 against £2,960, and bought it through the White Rose contract \
         (seed 004); regional buying power was weakened by providers working 'off framework' (seed 001).",
    ),
    p(
        "levers.kind.places",
        G::StrategyLevers,
        "Supported accommodation: extra places",
        "places",
        NONE,
        "Extra supported accommodation places for 16-17 year olds; while the lever acts, supported accommodation \
         is tried right after in-house foster care.",
        "Modelling assumption: 10 places; no count in the seeds. The 16+ flexible purchasing system (seed 000, \
         seed 001) and the 2014 semi-independent units of 6 and 10 places (seed 004).",
    ),
    p(
        "levers.kind.weekly_cost",
        G::StrategyLevers,
        "Supported accommodation: weekly cost of a lever place",
        "£ / week",
        NONE,
        "Cost a week of each place the lever adds (children above the market's own limit). When the market has \
         no limit (markets.supported_accommodation.limit empty), there is nothing beyond it: every place costs \
         costs.weekly.supported_accommodation and the lever only moves supported accommodation up the matching \
         order. With several such levers, their places are priced at the average of their costs, weighted by the \
         places each adds.",
        "Modelling assumption: £900, below the baseline £1,100 (costs.weekly.supported_accommodation); no price \
         in the seeds (16+ framework, seed 000).",
    ),
];

static RUN_PARAMS: &[Param] = &[
    p(
        "seed",
        G::StrategyLevers,
        "Random seed",
        "number",
        NONE,
        "Master seed for the random numbers. The same seed, scenario and settings give the same results, and \
         scenarios run with the same seed share their random draws, so differences between them come from the \
         assumptions.",
        "Modelling assumption: 20200701, the start date 1 July 2020 (the seeds' last month is June 2020, \
         seed 000).",
    ),
    p(
        "replications",
        G::StrategyLevers,
        "Number of runs",
        "runs",
        NONE,
        "How many Monte Carlo runs to make; results show the spread across runs. More runs give steadier \
         answers but take longer.",
        "Modelling assumption: 1,000 runs.",
    ),
    p(
        "horizon_months",
        G::StrategyLevers,
        "Months simulated",
        "months",
        NONE,
        "How many months to simulate (1-120).",
        "Modelling assumption: 60 months, July 2020 to June 2025, a five-year view like the 2023-2028 strategy \
         (Cabinet report Oct 2022, seed 001).",
    ),
];

/// Every assumption of a `Scenario`, in form order.
pub fn params() -> &'static [Param] {
    PARAMS
}

/// The run settings (`seed`, `replications`, `horizon_months`), which are not part of a
/// scenario. Their `group` is nominal (`StrategyLevers`); forms should show them apart.
pub fn run_params() -> &'static [Param] {
    RUN_PARAMS
}

/// The scenario assumptions in one form section, in order.
pub fn group_params(group: Group) -> impl Iterator<Item = &'static Param> {
    PARAMS.iter().filter(move |p| p.group == group)
}

/// The entry with exactly this path (no indices), from [`params`] or [`run_params`].
pub fn param(path: &str) -> Option<&'static Param> {
    PARAMS
        .iter()
        .chain(RUN_PARAMS.iter())
        .find(|p| p.path == path)
}

/// Remove every `[...]` segment: `"levers[0].kind.homes[2].beds"` -> `"levers.kind.homes.beds"`.
fn strip_indices(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut depth = 0usize;
    for ch in path.chars() {
        match ch {
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The catalogue entry for a field path that may contain array indices, as validation
/// errors and `serde_path_to_error` write them: `"demand.entry_age[2]"`,
/// `"exits.route_by_entry_age[1][3]"`, `"residential.homes[0].beds"` (or
/// `"residential.homes[].beds"`). All `[...]` segments are removed and the result looked up
/// with [`param`]; `levers.kind.homes.<field>` (the homes of a new-homes lever) resolves to
/// `residential.homes.<field>`. There is no fallback to a parent path.
pub fn lookup(path_with_indices: &str) -> Option<&'static Param> {
    let key = strip_indices(path_with_indices.trim());
    if let Some(found) = param(&key) {
        return Some(found);
    }
    key.strip_prefix("levers.kind.homes.")
        .and_then(|field| param(&format!("residential.homes.{field}")))
}

/// Help and source for a lever kind, by [`LeverKind::key`](crate::scenario::LeverKind::key).
pub fn lever_help(kind_key: &str) -> Option<(&'static str, &'static str)> {
    let entry = match kind_key {
        "recruitment_boost" => (
            "More enquiries and better conversion through the recruitment funnel (digital marketing, a recruitment \
             website, targeted campaigns). Multiplies the information visits a month and the overall chance that \
             one ends in approval.",
            "Sufficiency Monitor Jul 2020 (seed 000): the recruitment website launched in September 2019 and \
             information visits rose from about 16 to 23.5 a month; Cabinet report Oct 2022 (seed 001): \
             'significant investment in a digital marketing contract', but in 2021 recruitment missed its target; \
             targeted recruitment of Muslim carers (scrutiny minutes, seed 002). Ready-made: × 1.5 enquiries, \
             × 1.2 conversion, £250,000 a year (modelling assumptions).",
        ),
        "adolescent_carers" => (
            "Fostering Plus: more new households approved for adolescents and complex needs, extra such households \
             recruited directly, and a weekly fee uplift for them.",
            "Placement Sufficiency Strategy 2014/15 (seed 004), recommendation 1: fee-paid, therapeutically \
             supported carers for older children and complex needs, funded 'pay as you go' from the out-of-authority \
             budget; 6 of 15 households awaiting approval in June 2018 could take adolescents (seed 003). \
             Ready-made: half of new households, 4 extra a year, £200 a week more, £100,000 a year (modelling \
             assumptions).",
        ),
        "retention" => (
            "A retention programme for in-house carers: lowers the rates at which households stop fostering.",
            "Scrutiny minutes Sep 2018 (seed 002): support package review after exit interviews, Mockingbird hubs, \
             a faster LADO process and better first-year support; Cabinet report Oct 2022 (seed 001): resignations \
             meant carer numbers did not grow, so the programme now focuses on retention as well as recruitment. \
             Ready-made: 30% lower attrition for £150,000 a year (modelling assumptions).",
        ),
        "new_homes" => (
            "Opens new council children's homes, each with its beds, usable beds, ages, opening month and weekly \
             running cost.",
            "Sufficiency Monitor Jul 2020 (seed 000) and Cabinet report Oct 2022 (seed 001): 16 beds plus 2 \
             emergency beds across 7 settings, opened in phases from Pegasus House (July 2020); 3 homes open by \
             2022 but only 6 young people had lived in them because matching is hard. Ready-made programme: 18 \
             beds, 10 usable (modelling assumption).",
        ),
        "step_down" => (
            "Moves children from residential care into in-house or agency foster care, a number a year, up to a \
             maximum age.",
            "Sufficiency Monitor Jul 2020 (seed 000): workshops with agencies to offer step-down placements for \
             young people previously in residential care; Cabinet report Oct 2022 (seed 001): 'successful step \
             down from residential care into foster care settings'. Ready-made: 8 children a year up to age 15, \
             £60,000 a year (modelling assumptions).",
        ),
        "edge_of_care" => (
            "Edge-of-care work that prevents some admissions of young people aged 10 and over.",
            "Scrutiny minutes Sep 2018 (seed 002): Edge of Care panel, intensive family work and 72-hour \
             assessments instead of interim care orders; care proceedings fell from 19.5 to 15.4 a month. Cabinet \
             report Oct 2022 (seed 001): more young people aged 10+ to be cared for safely in their families. \
             Ready-made: 20% fewer admissions aged 10+, £500,000 a year (modelling assumptions).",
        ),
        "permanence_drive" => (
            "Faster special guardianship and reunification: shortens the time in care of children whose plan is \
             return home or special guardianship.",
            "Scrutiny minutes Sep 2018 (seed 002) and Performance Report May 2018 (seed 003): Right Child Right \
             Care permanence reviews, special guardianship and child arrangements orders, the Coming Home project; \
             34 of 169 children in scope discharged by May 2018. Ready-made: 20% sooner, £200,000 a year \
             (modelling assumptions).",
        ),
        "framework_pricing" => (
            "Regional purchasing frameworks that lower agency fostering and independent residential fees.",
            "Sufficiency Monitor Jul 2020 (seed 000): Rotherham rejoined the White Rose fostering framework in \
             April 2020; Cabinet report Oct 2022 (seed 001): 'off framework' providers reduced buying power; \
             Rotherham paid about 9% above the England average for both in 2014 (seed 004). Ready-made: 5% lower \
             fees at no running cost (modelling assumptions).",
        ),
        "supported_accommodation" => (
            "Adds supported accommodation places for 16-17 year olds, tried right after in-house foster care, at \
             their own weekly price.",
            "Sufficiency Monitor Jul 2020 (seed 000) and Cabinet report Oct 2022 (seed 001): a 16+ support and \
             accommodation flexible purchasing system, live January 2021, and joint work with Adult Care and \
             Housing for 16-17 year olds; Placement Sufficiency Strategy 2014/15 (seed 004): supported lodgings \
             and Staying Put. Ready-made: 10 places at £900 a week (modelling assumptions).",
        ),
        _ => return None,
    };
    Some(entry)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::defaults::{default_scenario, strategies};
    use crate::scenario::{DurationDist, RunSettings, Scenario};
    use serde_json::Value;
    use std::collections::{BTreeMap, BTreeSet};

    #[derive(Default)]
    struct Walk {
        /// Leaf path -> length if the leaf is an array.
        leaves: BTreeMap<String, Option<usize>>,
        containers: BTreeSet<String>,
    }

    impl Walk {
        fn walk(&mut self, prefix: &str, v: &Value) {
            match v {
                Value::Object(map) => {
                    if !prefix.is_empty() {
                        self.containers.insert(prefix.to_string());
                    }
                    for (k, x) in map {
                        let path = if prefix.is_empty() {
                            k.clone()
                        } else {
                            format!("{prefix}.{k}")
                        };
                        self.walk(&path, x);
                    }
                }
                Value::Array(items) if items.iter().any(Value::is_object) => {
                    self.containers.insert(prefix.to_string());
                    for x in items {
                        self.walk(prefix, x);
                    }
                }
                Value::Array(items) => {
                    let e = self.leaves.entry(prefix.to_string()).or_insert(Some(0));
                    *e = Some(e.unwrap_or(0).max(items.len()));
                }
                _ => {
                    self.leaves.entry(prefix.to_string()).or_insert(None);
                }
            }
        }
    }

    /// Every variant of every duration distribution, every lever of every strategy and the
    /// run settings, walked as JSON.
    fn walk_everything() -> Walk {
        let mut w = Walk::default();
        let base = default_scenario();
        w.walk("", &serde_json::to_value(&base).unwrap());
        let families = [
            DurationDist::Exponential { mean_months: 10.0 },
            DurationDist::Gamma {
                mean_months: 10.0,
                shape: 2.0,
            },
            DurationDist::Lognormal {
                median_months: 10.0,
                sigma: 0.5,
            },
            DurationDist::Empirical {
                points: vec![(6.0, 0.3), (24.0, 1.0)],
            },
        ];
        for d in &families {
            let mut s: Scenario = base.clone();
            s.exits.return_home = d.clone();
            s.exits.special_guardianship = d.clone();
            s.exits.adoption = d.clone();
            w.walk("", &serde_json::to_value(&s).unwrap());
        }
        for strategy in strategies() {
            for lever in &strategy.levers {
                w.walk("levers", &serde_json::to_value(lever).unwrap());
            }
        }
        w.walk("", &serde_json::to_value(RunSettings::default()).unwrap());
        w
    }

    #[test]
    fn every_leaf_has_an_entry() {
        let w = walk_everything();
        let missing: Vec<&String> = w.leaves.keys().filter(|p| lookup(p).is_none()).collect();
        assert!(missing.is_empty(), "no catalogue entry for: {missing:?}");
        // The lever walk really reached lever fields and new-home fields.
        assert!(w.leaves.contains_key("levers.kind.enquiry_multiplier"));
        assert!(w.leaves.contains_key("levers.kind.homes.beds"));
        assert!(w.leaves.contains_key("exits.adoption.points"));
    }

    #[test]
    fn every_entry_names_a_real_field() {
        let w = walk_everything();
        for p in params().iter().chain(run_params()) {
            assert!(
                w.leaves.contains_key(p.path) || w.containers.contains(p.path),
                "catalogue entry {} is not a field of the scenario or run settings",
                p.path
            );
            assert!(
                !p.path.contains('[') && !p.path.contains(' '),
                "{}: paths have no indices",
                p.path
            );
        }
    }

    #[test]
    fn items_label_every_array_element() {
        let w = walk_everything();
        for (path, len) in &w.leaves {
            if let (Some(n), Some(entry)) = (len, lookup(path)) {
                if !entry.items.is_empty() {
                    assert!(
                        entry.items.len() >= *n,
                        "{path}: {} labels for {n} elements",
                        entry.items.len()
                    );
                }
            }
        }
        // Fixed-length arrays are labelled exactly.
        assert_eq!(param("demand.seasonality").unwrap().items.len(), 12);
        assert_eq!(param("demand.entry_age").unwrap().items.len(), 5);
        assert_eq!(param("exits.route_by_entry_age").unwrap().items.len(), 5);
        assert_eq!(param("fostering.places").unwrap().items.len(), 3);
        assert_eq!(param("demand.group_size").unwrap().items.len(), 12);
    }

    #[test]
    fn no_duplicate_paths() {
        let mut seen = BTreeSet::new();
        for p in params().iter().chain(run_params()) {
            assert!(seen.insert(p.path), "duplicate catalogue path {}", p.path);
        }
    }

    #[test]
    fn every_entry_is_explained_and_sourced() {
        for p in params().iter().chain(run_params()) {
            assert!(!p.label.trim().is_empty(), "{}: empty label", p.path);
            assert!(!p.unit.trim().is_empty(), "{}: empty unit", p.path);
            assert!(!p.help.trim().is_empty(), "{}: empty help", p.path);
            assert!(!p.source.trim().is_empty(), "{}: empty source", p.path);
            assert!(
                p.source.contains("seed 00") || p.source.starts_with("Modelling assumption"),
                "{}: source must name a seed or say it is a modelling assumption: {}",
                p.path,
                p.source
            );
        }
    }

    #[test]
    fn every_group_has_entries() {
        for g in Group::ALL {
            assert!(
                group_params(g).count() > 0,
                "no entries in group {}",
                g.label()
            );
            assert!(!g.label().is_empty());
        }
        let distinct: BTreeSet<&str> = Group::ALL.iter().map(|g| g.label()).collect();
        assert_eq!(distinct.len(), Group::ALL.len());
    }

    #[test]
    fn lookup_strips_indices() {
        assert_eq!(
            lookup("demand.entry_age[2]").unwrap().path,
            "demand.entry_age"
        );
        assert_eq!(
            lookup("exits.route_by_entry_age[1][3]").unwrap().path,
            "exits.route_by_entry_age"
        );
        assert_eq!(
            lookup("residential.homes[0].beds").unwrap().path,
            "residential.homes.beds"
        );
        assert_eq!(
            lookup("residential.homes[].beds").unwrap().path,
            "residential.homes.beds"
        );
        assert_eq!(
            lookup("levers[3].kind.homes[1].usable_beds").unwrap().path,
            "residential.homes.usable_beds"
        );
        assert_eq!(
            lookup("levers[3].kind.homes").unwrap().path,
            "levers.kind.homes"
        );
        assert_eq!(
            lookup("levers[0].kind.enquiry_multiplier").unwrap().path,
            "levers.kind.enquiry_multiplier"
        );
        assert_eq!(
            lookup("exits.adoption.points[2][0]").unwrap().path,
            "exits.adoption.points"
        );
        assert_eq!(
            lookup("matching.rules[1].order[0]").unwrap().path,
            "matching.rules.order"
        );
        assert_eq!(lookup("costs.weekly.ifa").unwrap().path, "costs.weekly.ifa");
        assert_eq!(lookup("horizon_months").unwrap().path, "horizon_months");
        assert!(lookup("demand.entry_ages[2]").is_none());
        assert!(lookup("costs.weekly.ifa.extra").is_none());
    }

    #[test]
    fn every_lever_kind_has_help() {
        for strategy in strategies() {
            for lever in &strategy.levers {
                let (help, source) = lever_help(lever.kind.key())
                    .unwrap_or_else(|| panic!("no help for {}", lever.kind.key()));
                assert!(!help.is_empty());
                assert!(source.contains("seed 00"), "{}: {source}", lever.kind.key());
            }
        }
        assert!(lever_help("no_such_lever").is_none());
    }

    #[test]
    fn catalogue_serialises() {
        let v = serde_json::to_value(param("costs.weekly.ifa").unwrap()).unwrap();
        assert_eq!(v["path"], "costs.weekly.ifa");
        assert_eq!(v["group"], "CostsAndBudget");
    }
}
