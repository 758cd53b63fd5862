//! The pool of simulation workers (one Web Worker each, running [`crate::agent`]), driven
//! from the UI thread: spawning, messages, and noticing and replacing workers that die.
//!
//! * Spawning: `new Worker(WORKER_LOADER)` (web/worker_loader.js, which loads Trunk's
//!   `worker.js` + `worker_bg.wasm`; a file of our own origin, so the CSP can say
//!   `worker-src 'self'`). Messages sent before the worker says `Ready` wait in the pool.
//! * Death: a worker that traps or fails to load raises `error` on its `Worker` object; one
//!   whose messages cannot be read raises `messageerror`; one that ends otherwise (say
//!   terminated from outside) says nothing, but each worker holds a Web Lock named after it
//!   for its whole life (web/worker_loader.js), and the pool asks for the same lock once
//!   the worker is ready: the pool gets it when the worker has ended (at once if it was
//!   idle; Chromium takes ~2 s to end a busy one). Where Web Locks are missing (insecure
//!   origins), the [`Watchdog`] notices the silence. Each way, the pool terminates the
//!   worker, spawns a fresh one in its place at once, and reports [`PoolEvent::Lost`]: the
//!   chunks the worker held are gone and must be sent again.
//! * Termination on purpose ([`WorkerPool::replace`]): a worker cannot read a message while
//!   it computes, so a worker that stays silent on a chunk of a cancelled or superseded
//!   job is stopped by terminating it (the controller decides when).
//! * Test hooks (`?test=1` only, [`WorkerPool::install_test_hooks`]): `window.__pool`.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew_agent::{Bincode, Codec};

use crate::protocol::{FromWorker, JobId, ToWorker};

/// Path of the worker loader, relative to the page (works under a sub-path).
pub const WORKER_LOADER: &str = "./worker_loader.js";

/// What the pool tells its owner.
#[derive(Debug, Clone, PartialEq)]
pub enum PoolEvent {
    /// A message from worker `worker`.
    Output(usize, FromWorker),
    /// Worker `worker` died (`reason` in words) and a fresh one has taken its place; the
    /// chunks it held are lost.
    Lost { worker: usize, reason: String },
}

pub type OnEvent = Rc<dyn Fn(PoolEvent)>;

/// A worker still starting may take this long (ms) to say `Ready` before it is presumed
/// dead (wasm start-up takes well under a second; see `startupMs` in the test hooks).
pub const STARTUP_LIMIT_MS: f64 = 20_000.0;
/// A running worker holding chunks may be silent this long (ms) before it is presumed
/// dead, at the least; see [`Watchdog::limit_ms`]. (Only where Web Locks are missing
/// does a dead worker wait for this.)
pub const SILENCE_FLOOR_MS: f64 = 120_000.0;
/// ...and this many times the longest silence a healthy worker has shown on this page.
pub const SILENCE_FACTOR: f64 = 10.0;

/// When a silent worker holding chunks is presumed dead. Pure, so it is tested natively.
///
/// A healthy worker reports at least every ~150 ms plus one replication, and one
/// replication of a huge scenario can take minutes, so the limit is long and grows with
/// the silences seen from workers that then spoke. (A worker that ended is caught by its
/// Web Lock where the browser has them; this is the fallback, and the guard against a
/// worker that never starts.)
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Watchdog {
    /// The longest time (ms) a worker holding chunks was silent before it spoke again.
    pub longest_silence_ms: f64,
}

impl Watchdog {
    /// A worker spoke after `silence_ms` of silence while holding chunks.
    pub fn heard_after(&mut self, silence_ms: f64) {
        self.longest_silence_ms = self.longest_silence_ms.max(silence_ms);
    }

    /// How long a worker holding chunks may stay silent.
    pub fn limit_ms(&self, ready: bool) -> f64 {
        if ready {
            SILENCE_FLOOR_MS.max(SILENCE_FACTOR * self.longest_silence_ms)
        } else {
            STARTUP_LIMIT_MS
        }
    }

    /// Why a worker is presumed dead, if it is: silent for `silent_ms` while holding chunks.
    pub fn verdict(&self, ready: bool, holding: bool, silent_ms: f64) -> Option<String> {
        if !holding || silent_ms <= self.limit_ms(ready) {
            return None;
        }
        let secs = (silent_ms / 1000.0).round();
        Some(if ready {
            format!("it gave no sign of life for {secs} s")
        } else {
            format!("it did not start within {secs} s")
        })
    }
}

/// One Web Worker of the pool (a slot's current occupant).
struct Instance {
    /// None when it could not be created.
    worker: Option<web_sys::Worker>,
    /// Cleared when the instance is replaced: its late events are then ignored.
    alive: Rc<Cell<bool>>,
    ready: bool,
    /// Messages waiting for `Ready`.
    pending: Vec<JsValue>,
    spawned_ms: f64,
    /// The worker's name, also the name of the Web Lock it holds while it lives.
    name: String,
    /// Chunks sent and not yet answered.
    in_flight: Vec<(JobId, u32)>,
    last_heard_ms: f64,
    /// Event handlers (kept alive as long as the worker).
    _handlers: Vec<Closure<dyn Fn(web_sys::Event)>>,
}

struct Shared {
    slots: RefCell<Vec<Instance>>,
    on_event: OnEvent,
    watchdog: RefCell<Watchdog>,
    /// Start-up times (spawn to `Ready`, ms) of every worker so far.
    startup_ms: RefCell<Vec<f64>>,
    /// Test hook: every chunk sent is followed by an order to fail.
    sabotage: Cell<bool>,
    /// Names the workers: `sufficiency-worker-{page}-{serial}`, unique across tabs.
    page_tag: String,
    serial: Cell<u32>,
    /// Does nothing (the handler of a refused lock request).
    ignore: Closure<dyn FnMut(JsValue)>,
}

pub struct WorkerPool {
    shared: Rc<Shared>,
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

impl WorkerPool {
    /// Spawns `n` (at least 1) workers.
    pub fn spawn(n: usize, on_event: OnEvent) -> Self {
        let shared = Rc::new(Shared {
            slots: RefCell::new(Vec::new()),
            on_event,
            watchdog: RefCell::new(Watchdog::default()),
            startup_ms: RefCell::new(Vec::new()),
            sabotage: Cell::new(false),
            page_tag: format!("{:x}", (js_sys::Math::random() * 2f64.powi(48)) as u64),
            serial: Cell::new(0),
            ignore: Closure::new(|_: JsValue| {}),
        });
        for idx in 0..n.max(1) {
            let instance = Instance::spawn(&shared, idx);
            shared.slots.borrow_mut().push(instance);
        }
        Self { shared }
    }

    pub fn len(&self) -> usize {
        self.shared.slots.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Send `msg` to worker `worker` (held until it is ready).
    pub fn send(&self, worker: usize, msg: ToWorker) {
        let shared = &self.shared;
        let mut slots = shared.slots.borrow_mut();
        let Some(slot) = slots.get_mut(worker) else {
            return;
        };
        if slot.worker.is_none() {
            // It could not be created: try again, and report it lost if it still cannot be.
            *slot = Instance::spawn(shared, worker);
            if slot.worker.is_none() {
                drop(slots);
                lose_later(shared, worker, "it could not be created");
                return;
            }
        }
        if let ToWorker::Run(spec) = &msg {
            if slot.in_flight.is_empty() {
                slot.last_heard_ms = now_ms();
            }
            slot.in_flight.push((spec.job_id, spec.chunk));
        }
        let sabotage = shared.sabotage.get() && matches!(msg, ToWorker::Run(_));
        slot.post(Bincode::encode(&msg));
        if sabotage {
            slot.post(JsValue::from_str("test:fail"));
        }
    }

    /// Terminate worker `worker` and spawn a fresh one in its place (whatever it held is
    /// lost; no event is reported).
    pub fn replace(&self, worker: usize) {
        replace(&self.shared, worker);
    }

    /// Workers holding a chunk of any job other than `current`, with how long (ms) each
    /// has been silent.
    pub fn holding_other_than(&self, current: Option<JobId>) -> Vec<(usize, f64)> {
        let now = now_ms();
        let slots = self.shared.slots.borrow();
        (0..slots.len())
            .filter(|&i| slots[i].in_flight.iter().any(|(j, _)| Some(*j) != current))
            .map(|i| (i, now - slots[i].last_heard_ms))
            .collect()
    }

    /// Workers presumed dead by the [`Watchdog`] now, and why.
    pub fn overdue(&self) -> Vec<(usize, String)> {
        let now = now_ms();
        let watchdog = self.shared.watchdog.borrow();
        let slots = self.shared.slots.borrow();
        slots
            .iter()
            .enumerate()
            .filter_map(|(i, s)| {
                let silent = now - s.last_heard_ms;
                watchdog
                    .verdict(s.ready, !s.in_flight.is_empty(), silent)
                    .map(|why| (i, why))
            })
            .collect()
    }

    /// `window.__pool` for the e2e tests: `size()`, `terminate(i)` (terminates worker `i`
    /// behind the pool's back, as a crash would), `fail(i)` (makes worker `i` raise an
    /// error), `sabotage(on)` (every worker fails as soon as it is sent a chunk) and
    /// `startupMs()` (each worker's time from spawn to ready).
    pub fn install_test_hooks(&self) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let hooks = js_sys::Object::new();
        let weak = Rc::downgrade(&self.shared);
        let set = |name: &str, f: JsValue| {
            let _ = js_sys::Reflect::set(&hooks, &JsValue::from_str(name), &f);
        };
        let w = weak.clone();
        set(
            "size",
            Closure::<dyn Fn() -> u32>::new(move || {
                w.upgrade().map_or(0, |s| s.slots.borrow().len() as u32)
            })
            .into_js_value(),
        );
        let w = weak.clone();
        set(
            "terminate",
            Closure::<dyn Fn(u32)>::new(move |i: u32| {
                if let Some(s) = w.upgrade() {
                    if let Some(worker) = s
                        .slots
                        .borrow()
                        .get(i as usize)
                        .and_then(|x| x.worker.as_ref())
                    {
                        worker.terminate();
                    }
                }
            })
            .into_js_value(),
        );
        let w = weak.clone();
        set(
            "fail",
            Closure::<dyn Fn(u32)>::new(move |i: u32| {
                if let Some(s) = w.upgrade() {
                    if let Some(slot) = s.slots.borrow_mut().get_mut(i as usize) {
                        slot.post(JsValue::from_str("test:fail"));
                    }
                }
            })
            .into_js_value(),
        );
        let w = weak.clone();
        set(
            "sabotage",
            Closure::<dyn Fn(bool)>::new(move |on: bool| {
                if let Some(s) = w.upgrade() {
                    s.sabotage.set(on);
                }
            })
            .into_js_value(),
        );
        set(
            "startupMs",
            Closure::<dyn Fn() -> js_sys::Array>::new(move || {
                let out = js_sys::Array::new();
                if let Some(s) = weak.upgrade() {
                    for ms in s.startup_ms.borrow().iter() {
                        out.push(&JsValue::from_f64(*ms));
                    }
                }
                out
            })
            .into_js_value(),
        );
        let _ = js_sys::Reflect::set(&window, &JsValue::from_str("__pool"), &hooks);
    }
}

impl Drop for WorkerPool {
    fn drop(&mut self) {
        for slot in self.shared.slots.borrow_mut().iter_mut() {
            slot.retire();
        }
    }
}

impl Instance {
    /// A new worker for slot `idx`, its handlers reporting to `shared`.
    fn spawn(shared: &Rc<Shared>, idx: usize) -> Instance {
        let alive = Rc::new(Cell::new(true));
        shared.serial.set(shared.serial.get() + 1);
        let name = format!(
            "sufficiency-worker-{}-{}",
            shared.page_tag,
            shared.serial.get()
        );
        let mut instance = Instance {
            worker: None,
            alive: alive.clone(),
            ready: false,
            pending: Vec::new(),
            spawned_ms: now_ms(),
            name,
            in_flight: Vec::new(),
            last_heard_ms: now_ms(),
            _handlers: Vec::new(),
        };
        let options = web_sys::WorkerOptions::new();
        options.set_name(&instance.name);
        let Ok(worker) = web_sys::Worker::new_with_options(WORKER_LOADER, &options) else {
            return instance;
        };
        let weak = Rc::downgrade(shared);
        let handler = |f: fn(&Rc<Shared>, usize, web_sys::Event)| {
            let (weak, alive) = (weak.clone(), alive.clone());
            Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
                if alive.get() {
                    if let Some(shared) = weak.upgrade() {
                        f(&shared, idx, e);
                    }
                }
            })
        };
        let on_message = handler(on_message);
        let on_error = handler(|shared, idx, e| {
            // An uncaught error in a worker also goes to the page's console; say why here.
            e.prevent_default();
            let text = js_sys::Reflect::get(&e, &JsValue::from_str("message"))
                .ok()
                .and_then(|m| m.as_string())
                .filter(|m| !m.is_empty());
            let reason = match text {
                Some(m) => format!("it failed: {m}"),
                None => "it failed to start".to_string(),
            };
            lose(shared, idx, reason);
        });
        let on_message_error = handler(|shared, idx, _| {
            lose(shared, idx, "a message from it could not be read".into());
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        let _ = worker.add_event_listener_with_callback(
            "messageerror",
            on_message_error.as_ref().unchecked_ref(),
        );
        instance.worker = Some(worker);
        instance._handlers = vec![on_message, on_error, on_message_error];
        instance
    }

    /// Ask for the worker's Web Lock: granted when the worker has ended (see the module's
    /// notes). Called once it is ready and says it holds the lock.
    fn watch_lock(&self, shared: &Rc<Shared>, idx: usize) {
        let locks = web_sys::window()
            .and_then(|w| js_sys::Reflect::get(&w.navigator(), &JsValue::from_str("locks")).ok())
            .filter(|l| l.is_object());
        let Some(locks) = locks else { return };
        let Some(request) = js_sys::Reflect::get(&locks, &JsValue::from_str("request"))
            .ok()
            .and_then(|r| r.dyn_into::<js_sys::Function>().ok())
        else {
            return;
        };
        let (weak, alive) = (Rc::downgrade(shared), self.alive.clone());
        // Called once, when the worker is gone (also after a replacement: then ignored).
        let on_ended = Closure::once_into_js(move || {
            if alive.get() {
                if let Some(shared) = weak.upgrade() {
                    lose(&shared, idx, "it stopped".into());
                }
            }
        });
        let asked = request.call2(&locks, &JsValue::from_str(&self.name), &on_ended);
        // (A refusal is no death: then only the watchdog watches this worker.)
        if let Ok(promise) = asked.and_then(|p| p.dyn_into::<js_sys::Promise>()) {
            let _ = promise.catch(&shared.ignore);
        }
    }

    /// Post now if ready, else hold until it is.
    fn post(&mut self, data: JsValue) {
        match (&self.worker, self.ready) {
            (Some(w), true) => {
                let _ = w.post_message(&data);
            }
            _ => self.pending.push(data),
        }
    }

    /// Stop the worker for good; its late events are ignored.
    fn retire(&mut self) {
        self.alive.set(false);
        if let Some(w) = self.worker.take() {
            w.set_onmessage(None);
            w.set_onerror(None);
            w.terminate();
        }
    }
}

/// A message event from worker `idx`.
fn on_message(shared: &Rc<Shared>, idx: usize, e: web_sys::Event) {
    let Some(data) = e
        .dyn_ref::<web_sys::MessageEvent>()
        .map(web_sys::MessageEvent::data)
    else {
        return;
    };
    if !data.is_instance_of::<js_sys::Uint8Array>() {
        return;
    }
    let msg: FromWorker = Bincode::decode(data);
    {
        let mut slots = shared.slots.borrow_mut();
        let Some(slot) = slots.get_mut(idx) else {
            return;
        };
        let now = now_ms();
        if !slot.in_flight.is_empty() && slot.ready {
            shared
                .watchdog
                .borrow_mut()
                .heard_after(now - slot.last_heard_ms);
        }
        slot.last_heard_ms = now;
        if let Some(answered) = msg.answers() {
            slot.in_flight.retain(|c| *c != answered);
        }
        if let FromWorker::Ready { holds_lock } = msg {
            slot.ready = true;
            shared.startup_ms.borrow_mut().push(now - slot.spawned_ms);
            if holds_lock {
                slot.watch_lock(shared, idx);
            }
            for data in std::mem::take(&mut slot.pending) {
                slot.post(data);
            }
            return;
        }
    }
    (shared.on_event)(PoolEvent::Output(idx, msg));
}

fn replace(shared: &Rc<Shared>, idx: usize) {
    if idx >= shared.slots.borrow().len() {
        return;
    }
    let fresh = Instance::spawn(shared, idx);
    let old = std::mem::replace(&mut shared.slots.borrow_mut()[idx], fresh);
    let mut old = old;
    old.retire();
}

/// Worker `idx` died: replace it and report it.
fn lose(shared: &Rc<Shared>, idx: usize, reason: String) {
    replace(shared, idx);
    (shared.on_event)(PoolEvent::Lost {
        worker: idx,
        reason,
    });
}

/// As [`lose`], from a fresh task (the caller may be in the middle of sending).
fn lose_later(shared: &Rc<Shared>, idx: usize, reason: &str) {
    let (weak, reason): (Weak<Shared>, String) = (Rc::downgrade(shared), reason.to_string());
    gloo::timers::callback::Timeout::new(0, move || {
        if let Some(shared) = weak.upgrade() {
            (shared.on_event)(PoolEvent::Lost {
                worker: idx,
                reason,
            });
        }
    })
    .forget();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_watchdog_waits_long_and_learns_from_slow_workers() {
        let mut w = Watchdog::default();
        assert_eq!(
            w.verdict(true, false, 1e9),
            None,
            "an idle worker is never overdue"
        );
        assert_eq!(w.verdict(true, true, SILENCE_FLOOR_MS), None);
        assert_eq!(
            w.verdict(true, true, SILENCE_FLOOR_MS + 1000.0).as_deref(),
            Some("it gave no sign of life for 121 s")
        );
        assert_eq!(w.verdict(false, true, STARTUP_LIMIT_MS), None);
        assert_eq!(
            w.verdict(false, true, STARTUP_LIMIT_MS + 1.0).as_deref(),
            Some("it did not start within 20 s")
        );
        // A worker came back after 30 s (one long replication): silences up to 300 s are
        // now healthy.
        w.heard_after(30_000.0);
        w.heard_after(100.0);
        assert_eq!(w.limit_ms(true), 300_000.0);
        assert_eq!(w.verdict(true, true, 290_000.0), None);
        assert!(w.verdict(true, true, 301_000.0).is_some());
        assert_eq!(
            w.limit_ms(false),
            STARTUP_LIMIT_MS,
            "start-up does not depend on it"
        );
    }
}
