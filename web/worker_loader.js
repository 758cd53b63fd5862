// Entry script of every simulation Web Worker (spawned by src/pool.rs).
// Replaces Trunk's `data-loader-shim`, which uses wasm-bindgen's deprecated
// positional init argument (logs a console warning per worker).
//
// A failure in a promise (the wasm failing to load, a trap in an async task) would only
// be an `unhandledrejection` here, which the page never hears of: rethrow it from a task,
// so that it reaches the page as this worker's `error` event (and the pool replaces it).
self.addEventListener('unhandledrejection', (e) => {
  e.preventDefault();
  setTimeout(() => { throw e.reason instanceof Error ? e.reason : new Error(String(e.reason)); });
});
// Test hook (the page sends it only under `?test=1`, see src/pool.rs): fail as a trap would.
self.addEventListener('message', (e) => {
  if (e.data === 'test:fail') throw new Error('test: this worker was made to fail');
});
importScripts('./worker.js');
// Hold the Web Lock named after this worker (its `name`, unique) for as long as it lives,
// before the wasm starts (so before it says it is ready): the page then asks for the same
// lock, and gets it when this worker has ended, however it ended and however busy it was.
// Where Web Locks are missing (an insecure origin), the pool's watchdog is the fallback.
const held = new Promise((acquired) => {
  if (!self.name || !self.navigator.locks) return acquired();
  self.navigator.locks
    .request(self.name, () => {
      self.sufficiencyHoldsLock = true; // read by the wasm (src/agent.rs), told to the page
      acquired();
      return new Promise(() => {});
    })
    .catch(() => acquired());
});
held.then(() => wasm_bindgen({ module_or_path: './worker_bg.wasm' }));
