// Browser benchmark of the release build in headless Chromium (run by scripts/bench.sh,
// which builds dist/ and sets BASE_URL; or `node tests/bench/bench.mjs` after
// `trunk build --release`, then dist/ is served in-process).
//
// Prints (and writes as JSON to $BENCH_JSON if set):
//  (a) preview latency after an edit: from the change event (what the user does) and
//      from the start of the run, to the tiles showing the first (~100-run) preview in the
//      DOM, and to the frame that paints it;
//  (b) time for 1,000 and 10,000 runs with the default worker count and with 1 worker,
//      and whether the result fingerprints are identical;
//  (c) memory at 1,000 / 10,000 / 50,000 runs: JS heap of the page and of each worker
//      (CDP), the wasm linear memory of the page and of each worker;
//  (d) bytes the first page load transfers, raw and gzip -9;
//  (e) dragging a quick-control slider: how soon the results first move, how often they
//      follow during the drag, and how soon those for where it stops are shown;
//  (f) a council's own returns: ten annual SSDA903 returns of a borough with ~1,500
//      children in care (~20,000 episode rows, written by the engine's synthetic writer:
//      `cargo run -p sufficiency-engine --example ssda903_returns`, into a temporary
//      folder) chosen in the page, imported and fitted in a worker: the worker's import
//      and fit times, and from choosing the files to the report on screen.
//  (g) "What matters most" end to end: the tornado of every uncertain assumption at 500
//      paired runs each, from the click to the chart drawn, and then the global ranking
//      (500 Latin hypercube samples, all assumptions varying together): from the click to
//      the ranking drawn.
// Timings are measured inside the page with performance.now() and a MutationObserver on
// the app's own data attributes (#status[data-status], #run-details[data-fingerprint]);
// "on screen" is when a message posted from the next animation frame's callback arrives,
// which is after that frame's style, layout and paint.
// These are measurements, not tests: nothing here fails on a slow machine.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../e2e/serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const EDITS = Number(process.env.BENCH_EDITS || 9);
const REPEATS = Number(process.env.BENCH_REPEATS || 3);
const DRAGS = Number(process.env.BENCH_DRAGS || 8);
// BENCH_ONLY=a,b,c,d,e,f,g: only some of the parts.
const ONLY = (process.env.BENCH_ONLY || 'a,b,c,d,e,f,g').split(',');
const want = (part) => ONLY.includes(part);
const MEMORY_RUNS = (process.env.BENCH_MEMORY_RUNS || '1000,10000,50000').split(',').map(Number);

let server;
let baseUrl = process.env.BASE_URL;
if (!baseUrl) {
  ({ server, url: baseUrl } = await startServer(path.join(repo, 'dist')));
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic'],
});
const problems = [];
const out = { chromium: browser.version() };

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const max = (xs) => Math.max(...xs);
const ms = (x) => (x == null ? '—' : `${Math.round(x)} ms`);
const kb = (x) => `${(x / 1024).toFixed(0)} KiB`;
const mib = (x) => `${(x / 1048576).toFixed(1)} MiB`;

async function openApp(suffix = '', onResponse) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  if (onResponse) context.on('response', onResponse);
  const page = await context.newPage();
  page.setDefaultTimeout(300_000);
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.addInitScript(() => {
    // Waits for the next run to start and finish after `act()`; resolves with times
    // relative to the action (performance.now() in the page).
    window.__benchEdit = (act, untilPreview = false) => new Promise((resolve) => {
      const details = () => document.querySelector('#run-details');
      const status = () => document.querySelector('#status')?.dataset.status;
      const fpBefore = details()?.dataset.fingerprint;
      const r = { start: null, preview: null, previewRuns: null, painted: null, done: null };
      let t0 = 0;
      let finished = false;
      const finish = () => {
        if (finished || r.painted == null) return;
        if (untilPreview || r.done != null) { finished = true; obs.disconnect(); resolve(r); }
      };
      const check = () => {
        const now = performance.now() - t0;
        if (r.start == null && status() === 'running') r.start = now;
        const d = details();
        if (r.start != null && r.preview == null && d && d.dataset.fingerprint !== fpBefore) {
          r.preview = now;
          r.previewRuns = Number(d.dataset.runs);
          // On screen: the next frame's animation callback runs before that frame's style,
          // layout and paint; a message posted from it is handled once the frame is done.
          requestAnimationFrame(() => {
            const ch = new MessageChannel();
            ch.port1.onmessage = () => { r.painted = performance.now() - t0; finish(); };
            ch.port2.postMessage(0);
          });
        }
        if (r.start != null && r.preview != null && r.done == null && status() === 'done') {
          r.done = now;
          r.runs = Number(d.dataset.runs);
          r.fingerprint = d.dataset.fingerprint;
          finish();
        }
      };
      const obs = new MutationObserver(check);
      obs.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true,
        attributeFilter: ['data-status', 'data-fingerprint', 'data-runs'] });
      t0 = performance.now();
      act();
      check();
    });
    // Drags a range input from `from` to `to` in `steps` input events `interval` ms apart,
    // then releases it (change); resolves when the run for where it stopped is done, with
    // the times (from the first input) of each preview (a new job's first results), the
    // release, and the end.
    window.__benchDrag = (selector, from, to, steps, interval) => new Promise((resolve) => {
      const el = document.querySelector(selector);
      const details = () => document.querySelector('#run-details');
      const status = () => document.querySelector('#status')?.dataset.status;
      const previews = [];
      let lastFp = details()?.dataset.fingerprint;
      let release = null;
      const t0 = performance.now();
      const obs = new MutationObserver(() => {
        const now = performance.now() - t0;
        const d = details();
        if (d && d.dataset.fingerprint !== lastFp) {
          lastFp = d.dataset.fingerprint;
          // A preview is a job's first results (~100 runs); later updates add runs.
          if (Number(d.dataset.runs) < 200) previews.push(now);
        }
        if (release != null && status() === 'done' && previews.length && previews[previews.length - 1] > release) {
          obs.disconnect();
          resolve({ previews, release, done: now });
        }
      });
      obs.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true,
        attributeFilter: ['data-status', 'data-fingerprint', 'data-runs'] });
      let k = 0;
      const step = () => {
        el.value = String(from + ((to - from) * k) / (steps - 1));
        el.dispatchEvent(new Event('input', { bubbles: true }));
        k += 1;
        if (k < steps) {
          setTimeout(step, interval);
        } else {
          release = performance.now() - t0;
          el.dispatchEvent(new Event('change', { bubbles: true }));
        }
      };
      step();
    });
    // Sets an input's value and commits it (input + change events), as typing and
    // tabbing away does.
    window.__benchSet = (selector, value, untilPreview) => window.__benchEdit(() => {
      const el = document.querySelector(selector);
      el.value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }, untilPreview);
  });
  await page.goto(baseUrl + suffix);
  await page.locator('#status[data-status="done"]').waitFor();
  await page.waitForTimeout(300);
  return { context, page };
}

const setField = (page, selector, value, untilPreview = false) =>
  page.evaluate(([s, v, u]) => window.__benchSet(s, v, u), [selector, String(value), untilPreview]);

// (d) First page load: every response (page and workers) until the first results are done.
if (want('d')) {
  const bodies = [];
  const pending = [];
  const { context } = await openApp('', (res) => {
    pending.push(res.body().then((b) => bodies.push({ url: res.url(), raw: b.length, gzip: zlib.gzipSync(b, { level: 9 }).length }))
      .catch(() => {}));
  });
  await Promise.all(pending);
  await context.close();
  const files = bodies.filter((b) => b.url.startsWith('http')).map((b) => ({ ...b, url: new URL(b.url).pathname }));
  files.sort((a, b) => b.raw - a.raw);
  out.transfer = {
    files,
    raw: files.reduce((s, f) => s + f.raw, 0),
    gzip: files.reduce((s, f) => s + f.gzip, 0),
  };
  console.log('\n(d) first page load (page + workers), as served and gzip -9:');
  for (const f of files) console.log(`    ${f.url.padEnd(40)} ${String(f.raw).padStart(9)} B  ${String(f.gzip).padStart(8)} B gzip`);
  console.log(`    total ${kb(out.transfer.raw)} raw, ${kb(out.transfer.gzip)} gzip`);
}

// (a) Preview latency after an edit of an assumption (default borough, 1,000 runs).
if (want('a')) {
  const { context, page } = await openApp();
  const rows = [];
  for (let i = 0; i < EDITS; i++) {
    const value = (await page.inputValue('#in-demand-groups_per_month')) === '10.3' ? '10.2' : '10.3';
    const r = await setField(page, '#in-demand-groups_per_month', value);
    rows.push(r);
    await page.waitForTimeout(200);
  }
  // The same while a long job runs (the workers must notice the newer job first).
  const busyRows = [];
  await setField(page, '#setting-replications', 200000, true);
  for (let i = 0; i < Math.ceil(EDITS / 2); i++) {
    await page.waitForTimeout(400);
    const next = (await page.inputValue('#in-demand-groups_per_month')) === '10.3' ? '10.2' : '10.3';
    busyRows.push(await setField(page, '#in-demand-groups_per_month', next, true));
  }
  await context.close();
  const busyFromEdit = busyRows.map((r) => r.preview);
  out.previewWhileRunning = { edits: busyRows.length, fromEdit: { median: median(busyFromEdit), max: max(busyFromEdit) }, rows: busyRows };
  // The first edit also warms up the workers' code paths; report all of them.
  const fromEdit = rows.map((r) => r.preview);
  const fromStart = rows.map((r) => r.preview - r.start);
  const painted = rows.map((r) => r.painted);
  out.preview = { edits: rows.length, fromEdit: { median: median(fromEdit), max: max(fromEdit) },
    painted: { median: median(painted), max: max(painted) },
    fromStart: { median: median(fromStart), max: max(fromStart) },
    startDelay: { median: median(rows.map((r) => r.start)), max: max(rows.map((r) => r.start)) },
    previewRuns: median(rows.map((r) => r.previewRuns)), rows };
  console.log(`\n(a) preview after an edit (${rows.length} edits, ~${out.preview.previewRuns} runs):`);
  console.log(`    from the change event: median ${ms(out.preview.fromEdit.median)}, max ${ms(out.preview.fromEdit.max)}`);
  console.log(`    on screen (the frame after it is painted), from the change event: median ${ms(out.preview.painted.median)}, max ${ms(out.preview.painted.max)}`);
  console.log(`    from the run's start:  median ${ms(out.preview.fromStart.median)}, max ${ms(out.preview.fromStart.max)}`);
  console.log(`    edit -> run starts:    median ${ms(out.preview.startDelay.median)}, max ${ms(out.preview.startDelay.max)}`);
  console.log(`    edit while a 200,000-run job runs, from the change event: median ${ms(out.previewWhileRunning.fromEdit.median)}, max ${ms(out.previewWhileRunning.fromEdit.max)}`);
}

// (e) Dragging the quick control for admissions (a workshop's "what if"): 40 steps 25 ms
// apart (a one-second drag), there and back, a few times.
if (want('e')) {
  const { context, page } = await openApp();
  const drags = [];
  for (let i = 0; i < DRAGS; i++) {
    const [from, to] = i % 2 ? [14, 10.2] : [10.2, 14];
    drags.push(await page.evaluate(([f, t]) => window.__benchDrag('#quick-demand-groups_per_month', f, t, 40, 25), [from, to]));
    await page.waitForTimeout(300);
  }
  // A strategy compared with the baseline: one step of its lever's slider at a time (each
  // run now simulates both scenarios; the preview shows 50 paired runs).
  await page.selectOption('#add-strategy', 'recruit');
  await page.locator('#tab-1[aria-selected="true"]').waitFor();
  await page.locator('#status[data-status="done"]').waitFor();
  await page.waitForTimeout(300);
  const steps = [];
  for (let i = 0; i < EDITS; i++) {
    steps.push(await page.evaluate((v) => window.__benchEdit(() => {
      const el = document.querySelector('#quick-levers-0-kind-enquiry_multiplier');
      el.value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, true), i % 2 ? '1.5' : '1.55'));
    await page.locator('#status[data-status="done"]').waitFor();
    await page.waitForTimeout(200);
  }
  await context.close();
  const first = drags.map((d) => d.previews[0]);
  const during = drags.map((d) => d.previews.filter((t) => t <= d.release));
  const gaps = during.map((ts) => Math.max(...ts.map((t, j) => t - (j ? ts[j - 1] : 0))));
  const final = drags.map((d) => d.previews[d.previews.length - 1] - d.release);
  out.drag = {
    drags: drags.length,
    firstPreview: { median: median(first), max: max(first) },
    updatesDuring: median(during.map((ts) => ts.length)),
    longestWait: { median: median(gaps), max: max(gaps) },
    finalFromRelease: { median: median(final), max: max(final) },
    rows: drags,
    comparison: { edits: steps.length, fromInput: { median: median(steps.map((r) => r.preview)), max: max(steps.map((r) => r.preview)) },
      painted: { median: median(steps.map((r) => r.painted)), max: max(steps.map((r) => r.painted)) },
      previewRuns: median(steps.map((r) => r.previewRuns)), rows: steps },
  };
  console.log(`\n(e) dragging a quick-control slider (${drags.length} one-second drags of 40 steps):`);
  console.log(`    first results move:        median ${ms(out.drag.firstPreview.median)}, max ${ms(out.drag.firstPreview.max)} after the drag starts`);
  console.log(`    updates during the drag:   median ${out.drag.updatesDuring}; longest wait for one: median ${ms(out.drag.longestWait.median)}, max ${ms(out.drag.longestWait.max)}`);
  console.log(`    results where it stopped:  median ${ms(out.drag.finalFromRelease.median)}, max ${ms(out.drag.finalFromRelease.max)} after release`);
  const c = out.drag.comparison;
  console.log(`    a step of a lever's slider, strategy vs baseline: preview (${c.previewRuns} paired runs) median ${ms(c.fromInput.median)}, max ${ms(c.fromInput.max)}; on screen median ${ms(c.painted.median)}, max ${ms(c.painted.max)}`);
}

// (b) 1,000 and 10,000 runs, default workers and 1 worker; fingerprints compared.
out.runs = {};
for (const suffix of want('b') ? ['', '?workers=1'] : []) {
  const { context, page } = await openApp(suffix);
  const workers = page.workers().length;
  const label = suffix ? '1 worker' : `${workers} workers (default)`;
  const res = out.runs[label] = {};
  for (const n of [1000, 10000]) {
    const times = [];
    const fromEdit = [];
    let fingerprint;
    for (let i = 0; i < REPEATS; i++) {
      // A different count first, so that setting `n` starts a fresh job.
      await setField(page, '#setting-replications', 150);
      const r = await setField(page, '#setting-replications', n);
      if (r.runs !== n) problems.push(`expected ${n} runs, got ${r.runs}`);
      times.push(r.done - r.start);
      fromEdit.push(r.done);
      if (fingerprint && fingerprint !== r.fingerprint) problems.push(`fingerprint changed between repeats: ${fingerprint} vs ${r.fingerprint}`);
      fingerprint = r.fingerprint;
    }
    res[n] = { median: median(times), max: max(times), fromEdit: median(fromEdit), fingerprint, times };
  }
  await context.close();
}
if (want('b')) {
  console.log('\n(b) runs to completion (from the run\'s start; median of', REPEATS, 'repeats):');
  const labels = Object.keys(out.runs);
  for (const l of labels) {
    for (const n of [1000, 10000]) {
      const r = out.runs[l][n];
      console.log(`    ${String(n).padStart(6)} runs, ${l.padEnd(22)} median ${ms(r.median)}, max ${ms(r.max)}  (from the edit ${ms(r.fromEdit)})  ${(n / r.median * 1000).toFixed(0)} runs/s  fingerprint ${r.fingerprint}`);
    }
  }
  out.identical = [1000, 10000].every((n) => new Set(labels.map((l) => out.runs[l][n].fingerprint)).size === 1);
  console.log(`    fingerprints identical across worker counts: ${out.identical ? 'yes' : 'NO'}`);
}

// (c) Memory as the run count grows.
async function workerHeaps(cdp) {
  // Attach to the page's dedicated workers through the page's own session (non-flat
  // protocol: messages wrapped in Target.sendMessageToTarget).
  const sessions = [];
  const onAttach = (e) => { if (e.targetInfo.type === 'worker') sessions.push(e.sessionId); };
  cdp.on('Target.attachedToTarget', onAttach);
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  await new Promise((r) => setTimeout(r, 300));
  cdp.off('Target.attachedToTarget', onAttach);
  let id = 1000;
  const call = (sessionId, method, params = {}) => new Promise((resolve) => {
    const myId = ++id;
    const onMsg = (e) => {
      if (e.sessionId !== sessionId) return;
      const m = JSON.parse(e.message);
      if (m.id === myId) { cdp.off('Target.receivedMessageFromTarget', onMsg); resolve(m.result); }
    };
    cdp.on('Target.receivedMessageFromTarget', onMsg);
    cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: myId, method, params }) }).catch(() => resolve(null));
    setTimeout(() => resolve(null), 5000);
  });
  const heaps = [];
  for (const s of sessions) {
    await call(s, 'HeapProfiler.collectGarbage');
    const h = await call(s, 'Runtime.getHeapUsage');
    if (h) heaps.push(h.usedSize);
  }
  for (const s of sessions) await cdp.send('Target.detachFromTarget', { sessionId: s }).catch(() => {});
  await cdp.send('Target.setAutoAttach', { autoAttach: false, waitForDebuggerOnStart: false }).catch(() => {});
  return heaps;
}
if (want('c')) {
  const { context, page } = await openApp();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  out.memory = [];
  for (const n of MEMORY_RUNS) {
    if (await page.inputValue('#setting-replications') !== String(n)) await setField(page, '#setting-replications', n);
    await cdp.send('HeapProfiler.collectGarbage');
    const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const wasm = await page.evaluate(() => ({
      app: Number(document.documentElement.dataset.appWasmBytes || 0),
      workers: (document.documentElement.dataset.workerWasmBytes || '').split(',').filter(Boolean).map(Number),
    }));
    const heaps = await workerHeaps(cdp);
    out.memory.push({ runs: n, pageHeap: metrics.JSHeapUsedSize, workerHeaps: heaps, appWasm: wasm.app, workerWasm: wasm.workers });
  }
  await context.close();
  console.log('\n(c) memory after a run (after GC): JS heap and wasm linear memory');
  for (const m of out.memory) {
    console.log(`    ${String(m.runs).padStart(6)} runs: page heap ${mib(m.pageHeap)}, worker heaps ${m.workerHeaps.map(mib).join(' + ') || '?'}, ` +
      `page wasm ${mib(m.appWasm)}, worker wasm ${m.workerWasm.map(mib).join(' + ') || '?'}`);
  }
}

if (want('f')) {
  const { execFileSync } = await import('node:child_process');
  const os = await import('node:os');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssda903-bench-'));
  const said = execFileSync('cargo', ['run', '-q', '-p', 'sufficiency-engine', '--example', 'ssda903_returns', '--', dir], { cwd: repo, encoding: 'utf8' });
  const files = fs.readdirSync(dir).map((f) => path.join(dir, f));
  const bytes = files.reduce((a, f) => a + fs.statSync(f).size, 0);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(180_000);
  page.on('pageerror', (e) => problems.push(`returns: pageerror: ${e.message}`));
  await page.goto(`${baseUrl}?workers=2`);
  await page.locator('#status[data-status="done"]').waitFor();
  await page.click('#open-borough');
  const passes = [];
  for (let i = 0; i < REPEATS; i += 1) {
    const t0 = Date.now();
    await page.setInputFiles('#borough-files', files);
    await page.locator('#borough-progress').waitFor({ state: 'attached' });
    await page.locator('#borough-progress').waitFor({ state: 'detached' });
    await page.locator('#borough-review').waitFor();
    const wall = Date.now() - t0;
    const q = page.locator('#borough-quality');
    const importMs = Number(await q.getAttribute('data-import-ms'));
    const fitMs = Number(await q.getAttribute('data-fit-ms'));
    passes.push({ wall, importMs, fitMs });
  }
  out.ssda903 = {
    data: said.trim(),
    megabytes: bytes / 1e6,
    importMs: median(passes.map((p) => p.importMs)),
    fitMs: median(passes.map((p) => p.fitMs)),
    workerMs: median(passes.map((p) => p.importMs + p.fitMs)),
    wallMs: median(passes.map((p) => p.wall)),
    passes,
  };
  console.log(`(f) your own returns: ${said.trim()} (${(bytes / 1e6).toFixed(1)} MB)`);
  console.log(`    in the worker: import ${ms(out.ssda903.importMs)}, fit ${ms(out.ssda903.fitMs)}; ` +
    `files chosen to the fit on screen ${ms(out.ssda903.wallMs)} (median of ${REPEATS})`);
  await context.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

// (g) What matters most: the tornado at 500 paired runs, from the click to the chart.
if (want('g')) {
  const { context, page } = await openApp();
  await setField(page, '#setting-replications', 500);
  await page.locator('#status[data-status="done"]').waitFor({ timeout: 600_000 });
  const t0 = await page.evaluate(() => performance.now());
  await page.click('#sensitivity-run');
  await page.locator('#tornado').waitFor({ timeout: 600_000 });
  const t1 = await page.evaluate(() => performance.now());
  await page.locator('#global-ranking').waitFor({ timeout: 600_000 });
  const t2 = await page.evaluate(() => performance.now());
  const bars = Number(await page.getAttribute('#tornado', 'data-bars'));
  const total = Number(await page.evaluate(() => document.querySelector('#tornado figcaption')?.textContent.match(/\((\d+) runs each\)/)?.[1]));
  const samples = Number(await page.getAttribute('#global-ranking', 'data-samples'));
  out.tornado = { assumptions: bars, runsEach: total, ms: t1 - t0, workers: page.workers().length };
  out.globalRanking = { samples, ms: t2 - t0, afterTornadoMs: t2 - t1 };
  console.log(`\n(g) what matters most: ${bars} assumptions x ${total} paired runs, ${out.tornado.workers} workers: ${ms(out.tornado.ms)} from the click to the chart`);
  console.log(`    global ranking, ${samples} samples: ${ms(out.globalRanking.ms)} from the click to the ranking (${ms(out.globalRanking.afterTornadoMs)} after the tornado)`);
  await context.close();
}

await browser.close();
await new Promise((r) => (server ? server.close(r) : r()));

// Summary.
if (ONLY.length < 7) {
  if (process.env.BENCH_JSON) fs.writeFileSync(process.env.BENCH_JSON, JSON.stringify(out, null, 2));
  process.exit(0);
}
const rows = [
  ['first preview after an edit (from change event)', `median ${ms(out.preview.fromEdit.median)}, max ${ms(out.preview.fromEdit.max)}`, '≤ 150 ms', out.preview.fromEdit.median <= 150],
  ['first preview after an edit, on screen (painted frame, from change event)', `median ${ms(out.preview.painted.median)}, max ${ms(out.preview.painted.max)}`, '≤ 150 ms', out.preview.painted.median <= 150],
  ['first preview after an edit (from run start)', `median ${ms(out.preview.fromStart.median)}, max ${ms(out.preview.fromStart.max)}`, '≤ 150 ms', out.preview.fromStart.median <= 150],
];
rows.push(['first preview after an edit while a long job runs (from change event)', `median ${ms(out.previewWhileRunning.fromEdit.median)}, max ${ms(out.previewWhileRunning.fromEdit.max)}`, '≤ 150 ms', out.previewWhileRunning.fromEdit.median <= 150]);
const def = Object.keys(out.runs)[0];
rows.push(['1,000 runs, ' + def, ms(out.runs[def][1000].median), '≤ 1 s', out.runs[def][1000].median <= 1000]);
rows.push(['10,000 runs, ' + def, ms(out.runs[def][10000].median), '≤ 5 s', out.runs[def][10000].median <= 5000]);
rows.push(['1,000 runs, 1 worker', ms(out.runs['1 worker'][1000].median), '', null]);
rows.push(['10,000 runs, 1 worker', ms(out.runs['1 worker'][10000].median), '', null]);
rows.push(['same fingerprint, any worker count', out.identical ? 'yes' : 'NO', 'yes', out.identical]);
const m0 = out.memory[0];
const mN = out.memory[out.memory.length - 1];
const sumW = (m) => m.workerWasm.reduce((a, b) => a + b, 0);
const flat = mN.appWasm <= m0.appWasm * 1.25 + 2 * 1048576 && sumW(mN) <= sumW(m0) * 1.25 + 2 * 1048576 && mN.pageHeap <= m0.pageHeap * 1.5 + 4 * 1048576;
rows.push([`memory ${m0.runs} → ${mN.runs} runs (page heap, page wasm, workers' wasm)`,
  `${mib(m0.pageHeap)} → ${mib(mN.pageHeap)}, ${mib(m0.appWasm)} → ${mib(mN.appWasm)}, ${mib(sumW(m0))} → ${mib(sumW(mN))}`, 'flat', flat]);
rows.push(['dragging a slider: results first move / where it stopped (after release)',
  `median ${ms(out.drag.firstPreview.median)} / ${ms(out.drag.finalFromRelease.median)}, max ${ms(out.drag.firstPreview.max)} / ${ms(out.drag.finalFromRelease.max)}`, '', null]);
rows.push(['a lever slider step, strategy vs baseline: first preview (DOM / on screen)', `median ${ms(out.drag.comparison.fromInput.median)} / ${ms(out.drag.comparison.painted.median)}, max ${ms(out.drag.comparison.fromInput.max)} / ${ms(out.drag.comparison.painted.max)} (${out.drag.comparison.previewRuns} paired runs)`, '', null]);
rows.push([`what matters most: ${out.tornado.assumptions} assumptions x ${out.tornado.runsEach} paired runs, end to end`, ms(out.tornado.ms), '≤ 15 s', out.tornado.ms <= 15000]);
rows.push([`what matters most, then the global ranking (${out.globalRanking.samples} samples), from the click`, ms(out.globalRanking.ms), '', null]);
rows.push(['first page load, gzip', `${kb(out.transfer.gzip)} (${kb(out.transfer.raw)} raw)`, '< 1.5 MB', out.transfer.gzip < 1.5e6]);
rows.push(['your own returns: 10 years, ~20,000 episode rows, import + fit in a worker', `${ms(out.ssda903.workerMs)} (${ms(out.ssda903.wallMs)} from choosing the files to the fit on screen)`, '< 1 s', out.ssda903.workerMs < 1000]);
console.log('\nSummary (browser, release build, headless Chromium', out.chromium + ')');
console.log('| figure | measured | target | met |\n|---|---|---|---|');
for (const [a, b, c, d] of rows) console.log(`| ${a} | ${b} | ${c} | ${d == null ? '' : d ? 'yes' : 'no'} |`);
if (problems.length) console.log('\nproblems seen:\n  ' + problems.join('\n  '));
if (process.env.BENCH_JSON) fs.writeFileSync(process.env.BENCH_JSON, JSON.stringify(out, null, 2));
