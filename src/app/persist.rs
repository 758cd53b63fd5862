//! Saving the workspace in the browser (localStorage), which every tab of the app shares,
//! and reading it back.
//!
//! * The saved work carries a revision, bumped by every save: a tab writes only over the
//!   revision it last read or wrote ([`save_checked`]), so it never overwrites newer work
//!   from another tab.
//! * Work about to be replaced (by a share link, an upload, an earlier version, another
//!   tab's work) is first kept in a short history of earlier versions ([`keep`]); when that
//!   write fails, nothing is replaced.
//! * A saved state that cannot be read is never thrown away: it is copied to a key of its
//!   own (with a timestamp), reported, and offered for download.

use serde::{Deserialize, Serialize};

use crate::app::share::Workspace;
use crate::app::state::saved::same_work;

pub const KEY: &str = "sufficiency.workspace.v1";
/// The one previous copy older versions of the app kept; read once into the history.
pub const PREVIOUS_KEY: &str = "sufficiency.workspace.v1.previous";
pub const HISTORY_KEY: &str = "sufficiency.workspace.v1.history";
pub const UNREADABLE_PREFIX: &str = "sufficiency.workspace.v1.unreadable.";
/// Earlier versions kept, newest first.
pub const HISTORY_LEN: usize = 10;

/// A key-value store (localStorage in the browser, a map in tests).
pub trait Store {
    fn get(&self, key: &str) -> Option<String>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), String>;
    fn remove(&mut self, key: &str);
}

/// The saved work: the workspace and its revision.
#[derive(Serialize, Deserialize)]
struct Record {
    #[serde(default)]
    revision: u64,
    #[serde(flatten)]
    workspace: Workspace,
}

/// What was found in the store.
#[derive(Debug, Default, PartialEq)]
pub struct Loaded {
    pub workspace: Option<Workspace>,
    /// The saved work's revision (0 when nothing is saved).
    pub revision: u64,
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

/// An earlier version of the work, kept before something replaced it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Earlier {
    pub id: u64,
    /// When it was kept (`2026-01-02T03-04-05Z`).
    pub kept_at: String,
    /// What replaced it ("before opening a share link").
    pub reason: String,
    pub workspace: Workspace,
}

fn read_record(raw: &str) -> Result<(Workspace, u64), String> {
    let r: Record = serde_json::from_str(raw).map_err(|e| e.to_string())?;
    Ok((r.workspace.check()?, r.revision))
}

/// The saved work and its revision, if there is readable work.
pub fn read(store: &dyn Store) -> Option<(Workspace, u64)> {
    read_record(&store.get(KEY)?).ok()
}

/// Read the saved workspace; move an unreadable one aside under a timestamped key. The
/// one previous copy older versions kept is moved into the history.
pub fn load(store: &mut dyn Store, timestamp: &str) -> Loaded {
    let mut out = Loaded::default();
    if let Some(raw) = store.get(KEY) {
        match read_record(&raw) {
            Ok((ws, revision)) => {
                out.workspace = Some(ws);
                out.revision = revision;
            }
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
    if let Some(prev) = store
        .get(PREVIOUS_KEY)
        .and_then(|raw| Workspace::from_json(&raw).ok())
    {
        let reason = "kept by an older version of this app";
        if keep(store, &prev, reason, 1, timestamp).is_ok() {
            store.remove(PREVIOUS_KEY);
        }
    }
    out
}

/// What a checked save did.
#[derive(Debug, PartialEq)]
pub enum Saved {
    /// Written (or already there) at this revision.
    At(u64),
    /// Another tab saved newer work (at `revision`) since `expected`: nothing was written.
    /// (Boxed: a workspace is large beside a revision.)
    Newer {
        workspace: Box<Workspace>,
        revision: u64,
    },
}

/// Save `ws` unless another tab saved since revision `expected` (then report its work).
pub fn save_checked(store: &mut dyn Store, ws: &Workspace, expected: u64) -> Result<Saved, String> {
    let stored = read(store);
    let stored_revision = stored.as_ref().map_or(0, |(_, r)| *r);
    if let Some((theirs, revision)) = stored.filter(|(_, r)| *r > expected) {
        if same_work(&theirs, ws) {
            return Ok(Saved::At(revision));
        }
        return Ok(Saved::Newer {
            workspace: Box::new(theirs),
            revision,
        });
    }
    let revision = stored_revision.max(expected) + 1;
    let record = Record {
        revision,
        workspace: ws.clone(),
    };
    let text = serde_json::to_string(&record).map_err(|e| e.to_string())?;
    store.set(KEY, &text)?;
    Ok(Saved::At(revision))
}

/// The earlier versions kept, newest first (none when the history cannot be read).
pub fn history(store: &dyn Store) -> Vec<Earlier> {
    store
        .get(HISTORY_KEY)
        .and_then(|raw| serde_json::from_str(&raw).ok())
        .unwrap_or_default()
}

/// Keep `ws` as the newest earlier version and return its id. The oldest versions make
/// room when the browser's storage is full; when even `ws` alone cannot be written, the
/// error says why and the history is unchanged. `now` (ms) makes the id.
pub fn keep(
    store: &mut dyn Store,
    ws: &Workspace,
    reason: &str,
    now: u64,
    timestamp: &str,
) -> Result<u64, String> {
    let mut list = history(store);
    if let Some(e) = list.iter().find(|e| same_work(&e.workspace, ws)) {
        // Already kept (e.g. a second link opened over the first): keep one copy.
        let id = e.id;
        if list.first().map(|e| e.id) == Some(id) {
            return Ok(id);
        }
        list.retain(|e| e.id != id);
    }
    let id = list.iter().map(|e| e.id + 1).max().unwrap_or(0).max(now);
    list.insert(
        0,
        Earlier {
            id,
            kept_at: timestamp.to_string(),
            reason: reason.to_string(),
            workspace: ws.clone(),
        },
    );
    list.truncate(HISTORY_LEN);
    loop {
        let text = serde_json::to_string(&list).map_err(|e| e.to_string())?;
        match store.set(HISTORY_KEY, &text) {
            Ok(()) => return Ok(id),
            Err(e) if list.len() <= 1 => return Err(e),
            Err(_) => {
                list.pop();
            }
        }
    }
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
            .map_err(|_| "the browser's storage for this page is full or turned off".to_string())
    }
    fn remove(&mut self, key: &str) {
        if let Some(s) = Self::storage() {
            let _ = s.remove_item(key);
        }
    }
}

#[cfg(test)]
mod tests;
