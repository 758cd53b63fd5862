//! The catalogue of every assumption in a [`Scenario`](crate::scenario::Scenario): for each
//! field a plain-English label, unit, help text and the source the default value rests on
//! (a published reference cited by its ID, such as `[R-SUFF-2020-07]`, and its figure, or an
//! honest "Modelling assumption: ..."). The app's forms are built from it (grouped by
//! [`Group`]), the CLI prints it as documentation, and scrutiny councillors read it to see where a number comes from.
//!
//! This module owns the descriptions only; the default values themselves live in
//! `defaults.rs`, the checks in `validate/` and the limits in `limits.rs`.
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
//! [`lookup_path`] takes a [`FieldPath`] *with* indices, as validation errors carry them
//! (`demand.entry_age[2]`, `exits.route_by_entry_age[1][3]`, `residential.homes[0].beds`,
//! `levers[3].kind.homes[1].beds`), drops the indices and finds the entry ([`lookup`] does
//! the same for the path as text). It does not fall back to a parent path, so a
//! misspelt field finds nothing.
//!
//! The run settings (`seed`, `replications`, `horizon_months`) are not part of a scenario;
//! they are catalogued separately in [`run_params`] (their `group` is nominal), and
//! [`param`] / [`lookup`] search both lists.

//!
//! The table itself is data, one struct literal per entry, split by form section across
//! the submodules; [`LeverKind::help`](crate::scenario::LeverKind::help) describes each kind
//! of lever.

use serde::Serialize;

use crate::path::FieldPath;

mod demand;
mod exits;
mod fostering;
mod lever_kinds;
mod levers;
mod placements;
mod ranges;
mod stability_costs;
mod text;

pub use lever_kinds::LeverHelp;
pub use ranges::{uncertain, Scale, Spread};

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
    /// Where the default value comes from: a published reference, cited by its ID in square brackets
    /// (see [`crate::references`]), and its figure, or
    /// "Modelling assumption: ..." with what it was set from.
    pub source: &'static str,
}

impl Param {
    /// How sure this assumption is: its plausible range and why, if it is uncertain (see
    /// [`uncertain`]).
    pub fn range(&self) -> Option<&'static Spread> {
        uncertain().iter().find(|r| r.path == self.path)
    }
}

/// Number of scenario entries.
const PARAM_COUNT: usize = demand::PARAMS.len()
    + exits::PARAMS.len()
    + fostering::PARAMS.len()
    + placements::PARAMS.len()
    + stability_costs::PARAMS.len()
    + levers::PARAMS.len();

/// The sections' tables joined, in form order.
static PARAMS: [Param; PARAM_COUNT] = concat(&[
    demand::PARAMS,
    exits::PARAMS,
    fostering::PARAMS,
    placements::PARAMS,
    stability_costs::PARAMS,
    levers::PARAMS,
]);

/// Join tables at compile time (a count that does not add up fails the build).
const fn concat<const N: usize>(parts: &[&[Param]]) -> [Param; N] {
    let mut out = [parts[0][0]; N];
    let (mut i, mut k) = (0, 0);
    while i < parts.len() {
        let mut j = 0;
        while j < parts[i].len() {
            out[k] = parts[i][j];
            k += 1;
            j += 1;
        }
        i += 1;
    }
    assert!(k == N, "the catalogue's sections do not add up");
    out
}

static RUN_PARAMS: &[Param] = levers::RUN_PARAMS;

/// Every assumption of a `Scenario`, in form order.
pub fn params() -> &'static [Param] {
    &PARAMS
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

/// The catalogue entry for a field path with its array indices, as validation errors
/// carry them: `demand.entry_age[2]`, `exits.route_by_entry_age[1][3]`,
/// `residential.homes[0].beds`. The indices are dropped ([`FieldPath::catalog_key`]) and the
/// rest looked up with [`param`]; `levers.kind.homes.<field>` (the homes of a new-homes
/// lever) resolves to `residential.homes.<field>`. There is no fallback to a parent path.
pub fn lookup_path(path: &FieldPath) -> Option<&'static Param> {
    let key = path.catalog_key();
    if let Some(found) = param(&key) {
        return Some(found);
    }
    key.strip_prefix("levers.kind.homes.")
        .and_then(|field| param(&format!("residential.homes.{field}")))
}

/// [`lookup_path`] for a path written as text; `None` if the text is not a path.
pub fn lookup(path: &str) -> Option<&'static Param> {
    FieldPath::parse(path.trim()).and_then(|p| lookup_path(&p))
}

/// Help and source for a lever kind, by [`LeverKind::key`](crate::scenario::LeverKind::key)
/// (the app holds the kind as JSON); with a `LeverKind` value, use its `help()`.
pub fn lever_help(kind_key: &str) -> Option<(&'static str, &'static str)> {
    lever_kinds::ALL
        .iter()
        .find(|h| h.key == kind_key)
        .map(|h| (h.help, h.source))
}

#[cfg(test)]
pub(crate) mod tests;
