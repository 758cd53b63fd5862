// Boots the Yew app without an inline <script> (the CSP forbids inline scripts).
// Trunk replaces the rust <link> with the <script data-app-js data-app-wasm> tag
// that loads this file (see `pattern_script` in Trunk.toml); the data attributes
// carry the hashed file names.
//
// It also watches for the app's WebAssembly stopping (a panic, which release builds turn
// into a trap, or any other trap such as running out of memory): the page would then look
// alive but do nothing. A banner says so, says whether the work is saved in this browser
// (autosave writes after every change, so the saved copy is the last change that
// completed), and offers to reload (which reads the saved work back) or to download it.
//
// Before that: the loading message in index.html stays until the app has drawn itself, or
// says plainly why the app cannot start (no WebAssembly, the program failed to load). Once
// the app runs, the service worker (dist/sw.js) is registered so the next visit works
// with the network off. Every address is relative to the page, so any folder works.
const SAVED_KEY = 'sufficiency.workspace.v1';

function savedWork() {
  try {
    const raw = localStorage.getItem(SAVED_KEY);
    if (!raw) return null;
    const ws = JSON.parse(raw);
    return Array.isArray(ws.scenarios) && ws.scenarios.length > 0 ? raw : null;
  } catch {
    return null;
  }
}

function showCrash(detail) {
  if (document.getElementById('crash')) return;
  const saved = savedWork();
  const box = document.createElement('div');
  box.id = 'crash';
  box.className = 'crash-banner';
  box.setAttribute('role', 'alert');
  const text = document.createElement('p');
  text.className = 'crash-text';
  text.textContent = saved
    ? 'Something went wrong and the app stopped. Your work is saved in this browser (up to your last change): reload the page to carry on.'
    : 'Something went wrong and the app stopped. Nothing had been saved in this browser yet: reload the page to start again.';
  box.append(text);
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.id = 'crash-reload';
  reload.textContent = 'Reload';
  reload.addEventListener('click', () => location.reload());
  box.append(reload);
  if (saved) {
    const download = document.createElement('button');
    download.type = 'button';
    download.id = 'crash-download';
    download.className = 'secondary';
    download.textContent = 'Download my saved work';
    download.addEventListener('click', () => {
      const a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([saved], { type: 'application/json' }));
      a.download = 'sufficiency-scenarios-saved.json';
      a.click();
    });
    box.append(download);
  }
  if (detail) {
    const more = document.createElement('details');
    const summary = document.createElement('summary');
    summary.textContent = 'Details for a bug report';
    const pre = document.createElement('pre');
    pre.id = 'crash-detail';
    pre.textContent = String(detail);
    more.append(summary, pre);
    box.append(more);
  }
  document.body.prepend(box);
  document.documentElement.classList.add('crashed');
}

// The Rust panic hook (src/app/crash.rs) calls this with the panic message first.
window.__sufficiencyCrash = showCrash;

function isWasmStop(error) {
  return error instanceof WebAssembly.RuntimeError;
}
addEventListener('error', (e) => {
  if (isWasmStop(e.error)) showCrash(e.error.message);
});
addEventListener('unhandledrejection', (e) => {
  if (isWasmStop(e.reason)) showCrash(e.reason.message);
});

// The loading message (static in index.html, so it shows before any script runs) becomes
// a clear message if the app cannot start, and goes once the app has drawn itself.
const loading = document.getElementById('loading');

function startFailed(message, detail) {
  if (!loading) return showCrash(detail || message);
  loading.classList.add('failed');
  loading.setAttribute('role', 'alert');
  loading.setAttribute('aria-busy', 'false');
  loading.replaceChildren();
  const text = document.createElement('p');
  text.id = 'loading-error';
  text.textContent = message;
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.textContent = 'Try again';
  reload.addEventListener('click', () => location.reload());
  loading.append(text, reload);
  if (detail) {
    const more = document.createElement('details');
    const summary = document.createElement('summary');
    summary.textContent = 'Details for a bug report';
    const pre = document.createElement('pre');
    pre.textContent = String(detail);
    more.append(summary, pre);
    loading.append(more);
  }
}

/** Removes the loading message once the app's root element is on the page. */
function whenMounted() {
  const done = () => loading?.remove();
  if (document.querySelector('.app')) return done();
  const watch = new MutationObserver(() => {
    if (document.querySelector('.app')) {
      watch.disconnect();
      done();
    }
  });
  watch.observe(document.body, { childList: true, subtree: true });
}

/** Keeps this build's files for use offline (web/service_worker.js, as dist/sw.js). */
function registerServiceWorker() {
  // Needs a secure context (https, or http on this computer); elsewhere the app still
  // works, only not offline.
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('./sw.js').catch(() => {
    // No service worker (a browser policy, private browsing): the app works online.
  });
}

const tag = document.querySelector('script[data-app-js]');
if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
  startFailed('The modeller cannot start: this browser does not run WebAssembly, which the modeller needs. '
    + 'Open it in a recent Edge, Chrome, Firefox or Safari; if WebAssembly is switched off by your organisation, ask for it to be allowed for this site.');
} else {
  try {
    // Relative to the page (the attributes are "./app-….js"), so any folder works.
    const { default: init } = await import(new URL(tag.dataset.appJs, document.baseURI).href);
    whenMounted();
    await init({ module_or_path: new URL(tag.dataset.appWasm, document.baseURI) });
  } catch (err) {
    const detail = err && err.message ? err.message : err;
    if (document.querySelector('.app') || document.getElementById('crash')) {
      loading?.remove();
      showCrash(detail);
    } else startFailed('The modeller could not start: its program did not load or could not run in this browser. '
      + 'Check the connection and try again; it needs a recent Edge, Chrome, Firefox or Safari.', detail);
    throw err;
  }
  dispatchEvent(new CustomEvent('TrunkApplicationStarted'));
  registerServiceWorker();
}
