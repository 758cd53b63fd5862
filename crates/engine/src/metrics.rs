//! The monthly metrics one run reports: a fixed layout of integer values per month (children,
//! whole pounds, or shares in basis points), so aggregation is exact and order-independent.

use serde::Serialize;

use crate::types::{AgeBand, ExitRoute, PlacementType};

/// What a metric counts, for labels and formatting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Children,
    Households,
    Places,
    Count,
    Pounds,
    /// Share in basis points (1/100 of a percent).
    BasisPoints,
}

/// Stocks are read at month end; flows are totals over the month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Stock,
    Flow,
}

#[derive(Clone, Debug, Serialize)]
pub struct MetricDef {
    pub key: String,
    pub label: String,
    pub unit: Unit,
    pub kind: Kind,
    /// What it counts, in one line, for the measures whose label alone could be misread
    /// (the sufficiency measures); empty for the others.
    pub definition: String,
}

const PT: usize = PlacementType::COUNT;
const AB: usize = AgeBand::COUNT;
const ER: usize = ExitRoute::COUNT;

pub const IN_CARE: usize = 0;
pub const BY_TYPE: usize = 1;
pub const BY_AGE: usize = BY_TYPE + PT;
pub const ADMISSIONS: usize = BY_AGE + AB;
pub const EXITS: usize = ADMISSIONS + 1;
pub const EXITS_BY_ROUTE: usize = EXITS + 1;
pub const HOUSEHOLDS: usize = EXITS_BY_ROUTE + ER;
pub const PLACES: usize = HOUSEHOLDS + 1;
pub const FILLED: usize = PLACES + 1;
pub const VACANT: usize = FILLED + 1;
pub const APPROVALS: usize = VACANT + 1;
pub const DEREGISTRATIONS: usize = APPROVALS + 1;
pub const ENQUIRIES: usize = DEREGISTRATIONS + 1;
pub const VISITS: usize = ENQUIRIES + 1;
pub const STAGE1: usize = VISITS + 1;
pub const STAGE2: usize = STAGE1 + 1;
pub const GAP: usize = STAGE2 + 1;
pub const GAP_BY_AGE: usize = GAP + 1;
pub const NO_SUITABLE: usize = GAP_BY_AGE + AB;
pub const BELOW_NEED: usize = NO_SUITABLE + 1;
pub const INHOUSE_SHORTFALL: usize = BELOW_NEED + 1;
/// The in-house shortfall by the in-house type wanted: foster care, then children's homes.
pub const SHORTFALL_BY_TYPE: usize = INHOUSE_SHORTFALL + 1;
pub const SHORTFALL_TYPES: [PlacementType; 2] = [
    PlacementType::InHouseFoster,
    PlacementType::InHouseResidential,
];
pub const AT_DISTANCE: usize = SHORTFALL_BY_TYPE + SHORTFALL_TYPES.len();
pub const AT_DISTANCE_BY_TYPE: usize = AT_DISTANCE + 1;
/// The children placed out of borough: `AT_DISTANCE` by its older name.
pub const OUT_OF_BOROUGH: usize = AT_DISTANCE;
pub const MOVES: usize = AT_DISTANCE_BY_TYPE + PT;
pub const MOVES3_SHARE: usize = MOVES + 1;
pub const SPLITS: usize = MOVES3_SHARE + 1;
pub const SIBLING_GROUPS: usize = SPLITS + 1;
pub const SIBLING_GROUPS_SPLIT: usize = SIBLING_GROUPS + 1;
pub const SPLIT_SHARE: usize = SIBLING_GROUPS_SPLIT + 1;
pub const SIBLINGS_APART: usize = SPLIT_SHARE + 1;
pub const STAYING_PUT: usize = SIBLINGS_APART + 1;
pub const IN_HOUSE_SHARE: usize = STAYING_PUT + 1;
pub const RES_BEDS_FILLED: usize = IN_HOUSE_SHARE + 1;
pub const RES_BEDS_EMPTY: usize = RES_BEDS_FILLED + 1;
pub const COST: usize = RES_BEDS_EMPTY + 1;
pub const COST_BY_TYPE: usize = COST + 1;
pub const COST_HOMES: usize = COST_BY_TYPE + PT;
pub const COST_FEE_UPLIFT: usize = COST_HOMES + 1;
pub const COST_RECRUITMENT: usize = COST_FEE_UPLIFT + 1;
pub const COST_LEVERS: usize = COST_RECRUITMENT + 1;
pub const COUNT: usize = COST_LEVERS + 1;

/// One month of one run.
pub type Month = [i64; COUNT];

/// Definitions of every metric, in layout order.
pub fn definitions() -> Vec<MetricDef> {
    let mut v: Vec<MetricDef> = Vec::with_capacity(COUNT);
    let mut push = |key: String, label: String, unit: Unit, kind: Kind| {
        v.push(MetricDef {
            key,
            label,
            unit,
            kind,
            definition: String::new(),
        })
    };
    use Kind::*;
    use Unit::*;
    push("in_care".into(), "Children in care".into(), Children, Stock);
    for t in PlacementType::ALL {
        push(
            format!("in_care.{}", t.key()),
            t.label().into(),
            Children,
            Stock,
        );
    }
    for b in AgeBand::ALL {
        push(
            format!("in_care_age.{}", b.key()),
            format!("Children in care aged {}", b.label()),
            Children,
            Stock,
        );
    }
    push("admissions".into(), "Admissions".into(), Children, Flow);
    push(
        "exits".into(),
        "Children leaving care".into(),
        Children,
        Flow,
    );
    for r in ExitRoute::ALL {
        push(
            format!("exits.{}", r.key()),
            format!("Left care: {}", r.label()),
            Children,
            Flow,
        );
    }
    push(
        "households".into(),
        "In-house foster households".into(),
        Households,
        Stock,
    );
    push(
        "places".into(),
        "In-house foster places".into(),
        Places,
        Stock,
    );
    push(
        "places_filled".into(),
        "In-house places filled".into(),
        Places,
        Stock,
    );
    push(
        "places_vacant".into(),
        "In-house places vacant".into(),
        Places,
        Stock,
    );
    push(
        "approvals".into(),
        "Households approved".into(),
        Households,
        Flow,
    );
    push(
        "deregistrations".into(),
        "Households leaving".into(),
        Households,
        Flow,
    );
    push(
        "enquiries".into(),
        "Fostering enquiries (initial information visits)".into(),
        Count,
        Flow,
    );
    push("visits".into(), "Follow-up visits".into(), Count, Flow);
    push(
        "stage1".into(),
        "Assessments started (stage 1)".into(),
        Count,
        Flow,
    );
    push(
        "stage2".into(),
        "Assessments reaching stage 2".into(),
        Count,
        Flow,
    );
    push("gap".into(), "Sufficiency gap".into(), Children, Stock);
    for b in AgeBand::ALL {
        push(
            format!("gap_age.{}", b.key()),
            format!("Sufficiency gap: children aged {}", b.label()),
            Children,
            Stock,
        );
    }
    push(
        "no_suitable".into(),
        "No suitable placement".into(),
        Children,
        Stock,
    );
    push(
        "below_need".into(),
        "Placed below assessed need".into(),
        Children,
        Stock,
    );
    push(
        "inhouse_shortfall".into(),
        "In-house shortfall".into(),
        Children,
        Stock,
    );
    for t in SHORTFALL_TYPES {
        push(
            format!("inhouse_shortfall.{}", t.key()),
            format!("In-house shortfall: {}", t.label()),
            Children,
            Stock,
        );
    }
    push(
        "at_distance".into(),
        "Placed at a distance".into(),
        Children,
        Stock,
    );
    for t in PlacementType::ALL {
        push(
            format!("at_distance.{}", t.key()),
            format!("Placed at a distance: {}", t.label()),
            Children,
            Stock,
        );
    }
    push("moves".into(), "Placement moves".into(), Count, Flow);
    push(
        "moves3_share".into(),
        "Share with 3+ placements in 12 months".into(),
        BasisPoints,
        Stock,
    );
    push(
        "sibling_splits".into(),
        "Sibling separations (on entry, moves and breakdowns)".into(),
        Count,
        Flow,
    );
    push(
        "sibling_groups".into(),
        "Sibling groups in care (two or more children in care)".into(),
        Count,
        Stock,
    );
    push(
        "sibling_groups_split".into(),
        "Sibling groups in care living apart".into(),
        Count,
        Stock,
    );
    push(
        "sibling_split_share".into(),
        "Share of sibling groups living apart".into(),
        BasisPoints,
        Stock,
    );
    push(
        "siblings_apart".into(),
        "Children placed apart from brothers or sisters".into(),
        Children,
        Stock,
    );
    push(
        "staying_put".into(),
        "Staying Put young people in foster homes".into(),
        Children,
        Stock,
    );
    push(
        "in_house_share".into(),
        "Share in in-house placements".into(),
        BasisPoints,
        Stock,
    );
    push(
        "res_beds_filled".into(),
        "In-house home beds filled".into(),
        Places,
        Stock,
    );
    push(
        "res_beds_empty".into(),
        "In-house home beds open but empty".into(),
        Places,
        Stock,
    );
    push("cost".into(), "Placement cost".into(), Pounds, Flow);
    for t in PlacementType::ALL {
        push(
            format!("cost.{}", t.key()),
            format!("Cost: {}", t.label()),
            Pounds,
            Flow,
        );
    }
    push(
        "cost.in_house_homes".into(),
        "Cost: in-house homes running costs".into(),
        Pounds,
        Flow,
    );
    push(
        "cost.fee_uplift".into(),
        "Cost: Fostering Plus fee uplift".into(),
        Pounds,
        Flow,
    );
    push(
        "cost.recruitment".into(),
        "Cost: recruiting carers".into(),
        Pounds,
        Flow,
    );
    push(
        "cost.levers".into(),
        "Cost: strategy levers".into(),
        Pounds,
        Flow,
    );
    debug_assert_eq!(v.len(), COUNT);
    for d in &mut v {
        d.definition = definition(&d.key).to_string();
    }
    v
}

/// The one-line definition of each sufficiency measure (by key; a breakdown shares its
/// measure's), as the app, the report, the CSV and the CLI show it; "" for other metrics.
pub fn definition(key: &str) -> &'static str {
    let measure = key.split('.').next().unwrap_or(key);
    match measure {
        "gap" | "gap_age" => {
            "Children without a placement that meets their needs: no suitable placement plus placed below assessed need."
        }
        "no_suitable" => {
            "Children in emergency, unregistered or holding placements (the Emergency / unregistered placement type): every child for whom no suitable placement is found in time waits in one until a review finds one, so this includes every child waiting for a placement. Beds in the council's own children's homes count as residential care, not here."
        }
        "below_need" => {
            "Children in a type of placement less suitable than their needs call for (not one their matching rule lists as suitable, e.g. residential care for a child assessed for a family), or placed apart from brothers or sisters where siblings are to be kept together."
        }
        "inhouse_shortfall" => {
            "Children in agency placements who would be placed in-house if there were a suitable in-house place: the extra in-house places needed."
        }
        "at_distance" => "Children placed outside the borough.",
        "sibling_splits" => {
            "Each time brothers or sisters are separated: a group placed apart on entry, on a planned move, when its placement breaks down or when its carers leave, or a child moved on alone (step-down, an emergency bed's review) from a placement shared with a sibling."
        }
        "sibling_groups" | "sibling_groups_split" | "sibling_split_share" => {
            "Sibling groups with two or more children in care in placements (not at home or with adopters), and how many of them (and what share) do not all live together. A model output, checked only for plausibility: the council's papers give no rate of sibling separation to calibrate it against."
        }
        "siblings_apart" => {
            "Children in care in a sibling group that does not all live together. A model output, checked only for plausibility: the council's papers give no rate of sibling separation to calibrate it against."
        }
        _ => "",
    }
}

/// Index of a metric by key.
pub fn index_of(key: &str) -> Option<usize> {
    definitions().iter().position(|d| d.key == key)
}
