//! Ctrl-C (and SIGTERM, SIGHUP): instead of killing the process mid-write, the handler
//! raises a flag that the run and the output writer check, so an interrupted run stops
//! within a replication, removes whatever it staged and leaves the old outputs as they were.

use std::sync::atomic::{AtomicBool, Ordering};

/// Raised by the signal handler.
pub static REQUESTED: AtomicBool = AtomicBool::new(false);

/// Install the handler. Without it (it failed), an interrupt kills the process as usual:
/// outputs are still never half-written, only a staged file may be left behind.
pub fn install() {
    if let Err(e) = ctrlc::set_handler(|| REQUESTED.store(true, Ordering::SeqCst)) {
        eprintln!("warning: cannot handle Ctrl-C ({e})");
    }
}

pub fn requested() -> bool {
    REQUESTED.load(Ordering::SeqCst)
}
