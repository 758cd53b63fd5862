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

const tag = document.querySelector('script[data-app-js]');
try {
  const { default: init } = await import(tag.dataset.appJs);
  await init({ module_or_path: tag.dataset.appWasm });
} catch (err) {
  showCrash(err && err.message ? err.message : err);
  throw err;
}
dispatchEvent(new CustomEvent('TrunkApplicationStarted'));
