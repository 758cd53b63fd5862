//! Before and after: the result the room saw before the last change, kept when a lever
//! moves so the chart can draw it faintly (the trace) or replay the change.

use yew::prelude::*;

use crate::app::state::Results;
use crate::protocol::JobId;

/// A shown result: its job and whether that job finished.
trait Shown: Clone {
    fn job(&self) -> JobId;
    fn finished(&self) -> bool;
}

impl Shown for Results {
    fn job(&self) -> JobId {
        self.job_id
    }
    fn finished(&self) -> bool {
        self.complete
    }
}

struct Seen<R> {
    now: Option<R>,
    before: Option<R>,
}

impl<R> Default for Seen<R> {
    fn default() -> Self {
        Seen {
            now: None,
            before: None,
        }
    }
}

/// What `seen` becomes when `current` is shown: a new job moves the last finished result to
/// "before" (a job cancelled part way, as happens while a slider is dragged, is skipped).
fn advance<R: Shown>(seen: &mut Seen<R>, current: Option<&R>) {
    let Some(cur) = current else {
        return;
    };
    let same: Option<JobId> = seen.now.as_ref().map(Shown::job);
    if same != Some(cur.job()) {
        if let Some(prev) = seen.now.take().filter(Shown::finished) {
            seen.before = Some(prev);
        }
    }
    seen.now = Some(cur.clone());
}

/// The result before the last change, if one has been seen.
#[hook]
pub fn use_before(current: Option<&Results>) -> Option<Results> {
    let seen = use_mut_ref(Seen::<Results>::default);
    let mut seen = seen.borrow_mut();
    advance(&mut seen, current);
    seen.before.clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone)]
    struct R(JobId, bool);

    impl Shown for R {
        fn job(&self) -> JobId {
            self.0
        }
        fn finished(&self) -> bool {
            self.1
        }
    }

    #[test]
    fn the_last_finished_result_becomes_before() {
        let mut seen = Seen::default();
        let before = |s: &Seen<R>| s.before.as_ref().map(|b| b.0);
        advance(&mut seen, Some(&R(1, false)));
        advance(&mut seen, Some(&R(1, true)));
        assert_eq!(before(&seen), None);
        advance(&mut seen, Some(&R(2, false)));
        assert_eq!(before(&seen), Some(1));
        // Job 2 never finished: job 3 keeps job 1 as before.
        advance(&mut seen, Some(&R(3, true)));
        assert_eq!(before(&seen), Some(1));
        advance(&mut seen, None);
        advance(&mut seen, Some(&R(4, true)));
        assert_eq!(before(&seen), Some(3));
    }
}
