//! Saving the workspace in the browser (localStorage) and reading it back. A saved state
//! that cannot be read is never thrown away: it is copied to a key of its own (with a
//! timestamp), reported, and offered for download.

use crate::app::share::Workspace;

pub const KEY: &str = "sufficiency.workspace.v1";
/// Work replaced by a share link or an upload, kept so it can be restored.
pub const PREVIOUS_KEY: &str = "sufficiency.workspace.v1.previous";
pub const UNREADABLE_PREFIX: &str = "sufficiency.workspace.v1.unreadable.";

/// A key-value store (localStorage in the browser, a map in tests).
pub trait Store {
    fn get(&self, key: &str) -> Option<String>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), String>;
}

/// What was found in the store.
#[derive(Debug, Default, PartialEq)]
pub struct Loaded {
    pub workspace: Option<Workspace>,
    pub previous: Option<Workspace>,
    pub unreadable: Option<Unreadable>,
}

/// A saved state that could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct Unreadable {
    pub raw: String,
    pub reason: String,
    /// Where the copy was put, or why it could not be (then saving must pause so the
    /// original is not overwritten).
    pub kept_at: Result<String, String>,
}

/// Read the saved workspace; move an unreadable one aside under a timestamped key.
pub fn load(store: &mut dyn Store, timestamp: &str) -> Loaded {
    let mut out = Loaded::default();
    if let Some(raw) = store.get(KEY) {
        match Workspace::from_json(&raw) {
            Ok(ws) => out.workspace = Some(ws),
            Err(reason) => {
                let key = format!("{UNREADABLE_PREFIX}{timestamp}");
                let kept_at = store.set(&key, &raw).map(|_| key);
                out.unreadable = Some(Unreadable {
                    raw,
                    reason,
                    kept_at,
                });
            }
        }
    }
    out.previous = store
        .get(PREVIOUS_KEY)
        .and_then(|raw| Workspace::from_json(&raw).ok());
    out
}

pub fn save(store: &mut dyn Store, ws: &Workspace) -> Result<(), String> {
    store.set(KEY, &ws.to_json())
}

pub fn save_previous(store: &mut dyn Store, ws: &Workspace) -> Result<(), String> {
    store.set(PREVIOUS_KEY, &ws.to_json())
}

/// The browser's localStorage (absent storage behaves as empty and refuses writes).
pub struct LocalStore;

impl LocalStore {
    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok()?
    }
}

impl Store for LocalStore {
    fn get(&self, key: &str) -> Option<String> {
        Self::storage()?.get_item(key).ok()?
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        let s =
            Self::storage().ok_or("this browser does not allow saving (localStorage is off)")?;
        s.set_item(key, value)
            .map_err(|_| "the browser refused to save (storage full or disabled)".to_string())
    }
}

#[cfg(test)]
pub mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[derive(Default)]
    pub struct MemStore {
        pub map: BTreeMap<String, String>,
        pub full: bool,
    }

    impl Store for MemStore {
        fn get(&self, key: &str) -> Option<String> {
            self.map.get(key).cloned()
        }
        fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
            if self.full {
                return Err("full".into());
            }
            self.map.insert(key.into(), value.into());
            Ok(())
        }
    }

    #[test]
    fn saved_workspace_round_trips() {
        let mut store = MemStore::default();
        assert_eq!(load(&mut store, "t"), Loaded::default());
        let mut ws = Workspace::default_borough();
        ws.scenarios[0]["demand"]["groups_per_month"] = serde_json::json!("typed text is kept");
        save(&mut store, &ws).unwrap();
        assert_eq!(load(&mut store, "t").workspace, Some(ws));
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

    #[test]
    fn previous_work_is_kept() {
        let mut store = MemStore::default();
        let ws = Workspace::default_borough();
        save_previous(&mut store, &ws).unwrap();
        assert_eq!(load(&mut store, "t").previous, Some(ws));
    }
}
