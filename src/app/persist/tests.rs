//! Saving, revisions and the history of earlier versions, over an in-memory store that
//! can be made full.

use super::*;
use serde_json::json;
use std::collections::BTreeMap;

#[derive(Default)]
pub struct MemStore {
    pub map: BTreeMap<String, String>,
    /// Refuse every write.
    pub full: bool,
    /// Refuse a write that would take the total size past this many bytes.
    pub quota: Option<usize>,
}

impl Store for MemStore {
    fn get(&self, key: &str) -> Option<String> {
        self.map.get(key).cloned()
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        let others: usize = self
            .map
            .iter()
            .filter(|(k, _)| *k != key)
            .map(|(k, v)| k.len() + v.len())
            .sum();
        if self.full
            || self
                .quota
                .is_some_and(|q| others + key.len() + value.len() > q)
        {
            return Err("full".into());
        }
        self.map.insert(key.into(), value.into());
        Ok(())
    }
    fn remove(&mut self, key: &str) {
        self.map.remove(key);
    }
}

fn named(name: &str) -> Workspace {
    let mut ws = Workspace::default_borough();
    ws.scenarios[0]["name"] = json!(name);
    ws
}

#[test]
fn saved_workspace_round_trips_with_its_revision() {
    let mut store = MemStore::default();
    assert_eq!(load(&mut store, "t"), Loaded::default());
    let mut ws = Workspace::default_borough();
    ws.scenarios[0]["demand"]["groups_per_month"] = json!("typed text is kept");
    assert_eq!(save_checked(&mut store, &ws, 0), Ok(Saved::At(1)));
    assert_eq!(save_checked(&mut store, &ws, 1), Ok(Saved::At(2)));
    let loaded = load(&mut store, "t");
    assert_eq!(loaded.workspace, Some(ws));
    assert_eq!(loaded.revision, 2);
    // Work saved by older versions (no revision) reads as revision 0.
    store.map.insert(KEY.into(), named("Old").to_json());
    assert_eq!(load(&mut store, "t").revision, 0);
    assert_eq!(load(&mut store, "t").workspace, Some(named("Old")));
}

/// Tab A saves at revision 1; tab B, still at revision 0, must not write over it.
#[test]
fn a_save_never_overwrites_newer_work_from_another_tab() {
    let mut store = MemStore::default();
    assert_eq!(save_checked(&mut store, &named("A"), 0), Ok(Saved::At(1)));
    assert_eq!(
        save_checked(&mut store, &named("B"), 0),
        Ok(Saved::Newer {
            workspace: Box::new(named("A")),
            revision: 1
        })
    );
    assert_eq!(read(&store), Some((named("A"), 1)), "A's work is untouched");
    // The same work is not a conflict.
    assert_eq!(save_checked(&mut store, &named("A"), 0), Ok(Saved::At(1)));
    // Having seen revision 1, B may write.
    assert_eq!(save_checked(&mut store, &named("B"), 1), Ok(Saved::At(2)));
}

#[test]
fn unreadable_state_is_kept_aside_not_discarded() {
    let mut store = MemStore::default();
    store
        .map
        .insert(KEY.into(), "{\"settings\": {\"seed\": 1}, \"scen".into());
    let loaded = load(&mut store, "2026-01-02T03-04-05Z");
    assert!(loaded.workspace.is_none());
    let u = loaded.unreadable.unwrap();
    let key = u.kept_at.clone().unwrap();
    assert_eq!(key, format!("{UNREADABLE_PREFIX}2026-01-02T03-04-05Z"));
    assert_eq!(store.map.get(&key), Some(&u.raw));
    assert!(!u.reason.is_empty());
    // The original key is untouched until the app saves again.
    assert_eq!(store.map.get(KEY), Some(&u.raw));

    // Structurally wrong (valid JSON) is unreadable too.
    store
        .map
        .insert(KEY.into(), "{\"settings\": {}, \"scenarios\": []}".into());
    assert!(load(&mut store, "t2")
        .unreadable
        .unwrap()
        .reason
        .contains("no scenarios"));
}

#[test]
fn a_full_store_reports_that_the_copy_failed() {
    let mut store = MemStore::default();
    store.map.insert(KEY.into(), "garbage".into());
    store.full = true;
    let u = load(&mut store, "t").unreadable.unwrap();
    assert!(u.kept_at.is_err());
    assert_eq!(u.raw, "garbage");
}

/// Opening link A, then link B: both the user's own work and A's stay restorable.
#[test]
fn the_history_keeps_several_earlier_versions_newest_first() {
    let mut store = MemStore::default();
    let own = keep(
        &mut store,
        &named("Mine"),
        "before opening a share link",
        100,
        "t1",
    )
    .unwrap();
    let a = keep(
        &mut store,
        &named("Link A"),
        "before opening a share link",
        100,
        "t2",
    )
    .unwrap();
    assert_ne!(own, a, "ids are unique even at the same moment");
    let h = history(&store);
    assert_eq!(h.len(), 2);
    assert_eq!(h[0].workspace, named("Link A"));
    assert_eq!(h[1].workspace, named("Mine"));
    assert_eq!(h[1].reason, "before opening a share link");
    // The same work is kept once, as the newest.
    assert_eq!(
        keep(&mut store, &named("Link A"), "again", 200, "t3"),
        Ok(a)
    );
    let again = keep(&mut store, &named("Mine"), "again", 200, "t3").unwrap();
    assert_eq!(history(&store).len(), 2);
    assert_eq!(history(&store)[0].id, again);
    // At most HISTORY_LEN, the oldest dropped.
    for i in 0..15 {
        keep(&mut store, &named(&format!("n{i}")), "r", 300 + i, "t").unwrap();
    }
    let h = history(&store);
    assert_eq!(h.len(), HISTORY_LEN);
    assert_eq!(h[0].workspace, named("n14"));
    assert_eq!(h[HISTORY_LEN - 1].workspace, named("n5"));
}

/// Storage nearly full: the oldest versions make room; when the work alone does not fit,
/// the error is returned and nothing is changed.
#[test]
fn a_full_store_refuses_to_keep_and_changes_nothing() {
    let mut store = MemStore::default();
    for i in 0..3 {
        keep(&mut store, &named(&format!("n{i}")), "r", i, "t").unwrap();
    }
    let one = serde_json::to_string(&history(&store)[..1]).unwrap().len();
    store.quota = Some(HISTORY_KEY.len() + one * 2 + 200);
    keep(&mut store, &named("new"), "r", 10, "t").unwrap();
    let h = history(&store);
    assert_eq!(h[0].workspace, named("new"));
    assert!(h.len() < 4, "older versions made room");
    let before = store.map.clone();
    store.quota = Some(10);
    assert_eq!(
        keep(&mut store, &named("big"), "r", 11, "t"),
        Err("full".into())
    );
    assert_eq!(store.map, before);
}

#[test]
fn the_one_copy_older_versions_kept_moves_into_the_history() {
    let mut store = MemStore::default();
    store
        .map
        .insert(PREVIOUS_KEY.into(), named("Previous").to_json());
    load(&mut store, "t");
    assert_eq!(history(&store)[0].workspace, named("Previous"));
    assert!(!store.map.contains_key(PREVIOUS_KEY));
}
