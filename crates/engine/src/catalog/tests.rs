//! Tests of the catalogue against the scenario's real fields.

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

/// One duration distribution of each family, for tests that must meet every family's
/// fields (the catalogue's and validation's).
pub(crate) fn every_family() -> [DurationDist; 4] {
    [
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
    ]
}

/// Every variant of every duration distribution, every lever of every strategy and the
/// run settings, walked as JSON.
fn walk_everything() -> Walk {
    let mut w = Walk::default();
    let base = default_scenario();
    w.walk("", &serde_json::to_value(&base).unwrap());
    let families = every_family();
    for d in &families {
        let mut s: Scenario = base.clone();
        s.exits.return_home = d.clone();
        s.exits.special_guardianship = d.clone();
        s.exits.adoption = d.clone();
        w.walk("", &serde_json::to_value(&s).unwrap());
    }
    // A scenario with its starting children listed one by one.
    let mut listed = base.clone();
    listed.population.listed = vec![crate::scenario::StartChild {
        age_years: 9.5,
        entry_age_years: 7.0,
        months_in_care: 30.0,
        placement: crate::types::PlacementType::Ifa,
        moves_last_12_months: 1,
        complex_needs: false,
    }];
    listed.population.children = 1;
    w.walk("", &serde_json::to_value(&listed).unwrap());
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
    assert_eq!(
        param("demand.group_size").unwrap().items.len(),
        crate::limits::MAX_GROUP_SIZE
    );
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
        assert_cites_or_assumes(p.path, p.source);
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
    assert!(lookup("residential.homes[].beds").is_none(), "not a path");
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
            assert!(
                !cited_ids(source).is_empty(),
                "{}: lever source cites no reference: {source}",
                lever.kind.key()
            );
            // The method and the lookup by key agree.
            let own = lever.kind.help();
            assert_eq!(
                (own.key, own.help, own.source),
                (lever.kind.key(), help, source)
            );
        }
    }
    assert!(lever_help("no_such_lever").is_none());
    let keys: BTreeSet<&str> = lever_kinds::ALL.iter().map(|h| h.key).collect();
    assert_eq!(keys.len(), lever_kinds::ALL.len(), "one entry per kind");
}

#[test]
fn catalogue_serialises() {
    let v = serde_json::to_value(param("costs.weekly.ifa").unwrap()).unwrap();
    assert_eq!(v["path"], "costs.weekly.ifa");
    assert_eq!(v["group"], "CostsAndBudget");
}

/// Every `[R-...]` reference ID cited in a text, in order (brackets stripped).
fn cited_ids(text: &str) -> Vec<&str> {
    let mut ids = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("[R-") {
        let after = &rest[start + 1..];
        let end = after
            .find(']')
            .unwrap_or_else(|| panic!("unclosed reference ID in: {text}"));
        ids.push(&after[..end]);
        rest = &after[end..];
    }
    ids
}

/// A source must cite at least one reference or say it is a modelling assumption.
fn assert_cites_or_assumes(what: &str, source: &str) {
    assert!(
        !cited_ids(source).is_empty() || source.starts_with("Modelling assumption"),
        "{what}: source must cite a reference ID like [R-SUFF-2020-07] or start with \
         \"Modelling assumption\": {source}"
    );
}

/// Every text the catalogue and the ready-made strategies show, named for failure messages.
fn all_texts() -> Vec<(String, String)> {
    let mut texts = Vec::new();
    for p in params().iter().chain(run_params()) {
        for (field, text) in [("label", p.label), ("help", p.help), ("source", p.source)] {
            texts.push((format!("{} {field}", p.path), text.to_string()));
        }
    }
    for h in lever_kinds::ALL {
        texts.push((format!("lever {} help", h.key), h.help.to_string()));
        texts.push((format!("lever {} source", h.key), h.source.to_string()));
    }
    for s in strategies() {
        texts.push((format!("strategy {} name", s.id), s.name.clone()));
        texts.push((
            format!("strategy {} description", s.id),
            s.description.clone(),
        ));
        texts.push((format!("strategy {} source", s.id), s.source.clone()));
    }
    texts
}

#[test]
fn cited_ids_finds_every_bracketed_id() {
    assert_eq!(
        cited_ids("a [R-SUFF-2020-07]; b [R-CAB-2022-10] and [x]"),
        ["R-SUFF-2020-07", "R-CAB-2022-10"]
    );
    assert!(cited_ids("Modelling assumption: none").is_empty());
}

#[test]
fn every_cited_reference_exists() {
    let mut cited = BTreeSet::new();
    for (what, text) in all_texts() {
        for id in cited_ids(&text) {
            assert!(
                crate::references::find(id).is_some(),
                "{what}: cites unknown reference [{id}]"
            );
            cited.insert(id.to_string());
        }
    }
    // Every reference in the list is used by the catalogue.
    for r in crate::references::REFERENCES {
        assert!(cited.contains(r.id), "reference {} is never cited", r.id);
    }
}

#[test]
fn strategies_cite_references() {
    for s in strategies() {
        assert!(
            !cited_ids(&s.source).is_empty(),
            "strategy {}: source cites no reference: {}",
            s.id,
            s.source
        );
    }
}

#[test]
fn no_text_cites_the_old_seed_files() {
    for (what, text) in all_texts() {
        let lower = text.to_lowercase();
        for old in ["seed 0", "(00", "seeds", "seed document"] {
            assert!(
                !lower.contains(old),
                "{what}: cites the old seed files ({old:?}): {text}"
            );
        }
    }
}
