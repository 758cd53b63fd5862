//! A pool of N simulation workers (one Web Worker each), driven from the UI thread.
//!
//! * Spawning: each worker is a separate `ReactorSpawner::spawn` of
//!   [`WORKER_LOADER`] (web/worker_loader.js, which loads Trunk's `worker.js` +
//!   `worker_bg.wasm`). Using our own loader file (`with_loader(true)`) avoids
//!   yew-agent's default `blob:` bootstrap, so the CSP can say `worker-src 'self'`.
//! * Messages: every output of worker `i` is passed to `on_output(i, msg)`.
//! * Cancellation: send [`ToWorker::Cancel`] (cooperative, the worker stops after
//!   its current batch and answers `Cancelled`), or drop the pool: dropping a
//!   worker's bridge closes the reactor's input stream, the reactor returns at its
//!   next check, and yew-agent then closes the Web Worker. yew-agent 0.5 gives no
//!   access to `Worker::terminate()`, so a batch that never yields cannot be
//!   interrupted; keep batches short.

use std::future::poll_fn;
use std::rc::Rc;
use std::task::Poll;

use futures::StreamExt;
use yew::platform::pinned::mpsc;
use yew::platform::spawn_local;
use yew_agent::reactor::{ReactorBridge, ReactorSpawner};

use crate::agent::SimReactor;
use crate::protocol::{FromWorker, ToWorker};

/// Path of the worker loader shim, relative to the page (works under a sub-path).
pub const WORKER_LOADER: &str = "./worker_loader.js";

/// Called with `(worker index, message)`.
pub type OnOutput = Rc<dyn Fn(usize, FromWorker)>;

pub struct WorkerPool {
    senders: Vec<mpsc::UnboundedSender<ToWorker>>,
}

impl WorkerPool {
    /// Spawns `n` (at least 1) workers.
    pub fn spawn(n: usize, on_output: OnOutput) -> Self {
        let senders = (0..n.max(1))
            .map(|idx| {
                let bridge = ReactorSpawner::<SimReactor>::new()
                    .with_loader(true)
                    .spawn(WORKER_LOADER);
                let (tx, rx) = mpsc::unbounded();
                spawn_local(drive(idx, bridge, rx, on_output.clone()));
                tx
            })
            .collect();
        Self { senders }
    }

    pub fn len(&self) -> usize {
        self.senders.len()
    }

    pub fn is_empty(&self) -> bool {
        self.senders.is_empty()
    }

    pub fn send(&self, worker: usize, msg: ToWorker) {
        if let Some(tx) = self.senders.get(worker) {
            let _ = tx.send_now(msg);
        }
    }

    pub fn broadcast(&self, msg: &ToWorker) {
        for tx in &self.senders {
            let _ = tx.send_now(msg.clone());
        }
    }
}

/// Owns one bridge: forwards commands to the worker and outputs to the callback.
/// Ends (dropping the bridge, which shuts the worker down) when the pool is dropped.
///
/// (Not `futures::select!`: it silently skips a stream that has already terminated,
/// so the closing of `commands` would never be observed.)
async fn drive(
    idx: usize,
    mut bridge: ReactorBridge<SimReactor>,
    mut commands: mpsc::UnboundedReceiver<ToWorker>,
    on_output: OnOutput,
) {
    enum Event {
        Command(Option<ToWorker>),
        Output(Option<FromWorker>),
    }
    loop {
        let event = poll_fn(|cx| {
            if let Poll::Ready(cmd) = commands.poll_next_unpin(cx) {
                return Poll::Ready(Event::Command(cmd));
            }
            if let Poll::Ready(out) = bridge.poll_next_unpin(cx) {
                return Poll::Ready(Event::Output(out));
            }
            Poll::Pending
        })
        .await;
        match event {
            Event::Command(Some(cmd)) => bridge.send_input(cmd),
            Event::Output(Some(out)) => on_output(idx, out),
            Event::Command(None) | Event::Output(None) => break,
        }
    }
}
