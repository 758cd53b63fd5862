//! The messages shown above the work (what happened, what went wrong) and the one button
//! each may offer.

use std::rc::Rc;

use crate::app::share::Workspace;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Warning,
    Error,
}

impl NoticeKind {
    pub fn key(self) -> &'static str {
        match self {
            NoticeKind::Info => "info",
            NoticeKind::Warning => "warning",
            NoticeKind::Error => "error",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum NoticeAction {
    /// Offer a text for download (e.g. an unreadable saved state, or work that could not
    /// be saved).
    Download {
        label: String,
        filename: String,
        text: Rc<String>,
    },
    /// Put back the earlier version with this id (the work a share link or an upload
    /// replaced, kept in the history first).
    Restore(u64),
    /// Let autosave overwrite an unreadable saved state that could not be copied aside.
    ResumeSaving,
    /// Put the workspace back as it was before a removal or a reset.
    Undo(Rc<Workspace>),
}

impl NoticeAction {
    pub fn label(&self) -> String {
        match self {
            NoticeAction::Download { label, .. } => label.clone(),
            NoticeAction::Restore(_) => "Restore my previous work".into(),
            NoticeAction::ResumeSaving => "Discard it and save my work".into(),
            NoticeAction::Undo(_) => "Undo".into(),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub id: u32,
    pub kind: NoticeKind,
    pub text: String,
    pub action: Option<NoticeAction>,
}

/// The notices shown, newest last, at most [`Notices::MAX`].
#[derive(Clone, Debug, PartialEq)]
pub struct Notices {
    pub list: Vec<Notice>,
    next: u32,
}

impl Default for Notices {
    fn default() -> Self {
        Notices {
            list: vec![],
            next: 1,
        }
    }
}

impl Notices {
    pub const MAX: usize = 6;

    pub fn push(&mut self, kind: NoticeKind, text: String, action: Option<NoticeAction>) {
        self.list.push(Notice {
            id: self.next,
            kind,
            text,
            action,
        });
        self.next += 1;
        if self.list.len() > Self::MAX {
            self.list.remove(0);
        }
    }

    pub fn dismiss(&mut self, id: u32) {
        self.list.retain(|n| n.id != id);
    }

    /// Drop the notices whose button no longer applies.
    pub fn drop_actions(&mut self, stale: impl Fn(&NoticeAction) -> bool) {
        self.list.retain(|n| !n.action.as_ref().is_some_and(&stale));
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn last(&self) -> Option<&Notice> {
        self.list.last()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Notice> {
        self.list.iter()
    }
}
