// End-to-end: the app works offline after one visit, from any folder of a server, and says
// it is loading (or why it cannot start) before the app is drawn.
//
// This file serves dist/ itself (under a sub-path, and on a server it stops to take the
// network away), whatever BASE_URL says; it needs `trunk build --release` first.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useHarness, watchPage } from './harness.mjs';
import { startServer } from './serve.mjs';

const TIMEOUT = 120_000;
const PREFIX = '/council/modeller/';
// dist/ under PREFIX, for the whole file.
const h = useHarness(import.meta.url, { prefix: PREFIX });
const { artifacts } = h;
const dist = path.join(h.repo, 'dist');

/** A fresh context that records every request and every problem. */
async function newContext() {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const seen = { requests: [], failed: [], problems: [] };
  context.on('request', (r) => seen.requests.push(r.url()));
  // The service worker's own tries at the network (which fail offline, and are then
  // answered from its cache) are told apart from what the page and its workers asked for.
  context.on('requestfailed', (r) => seen.failed.push(`${r.serviceWorker() ? 'service worker: ' : ''}${r.url()} ${r.failure()?.errorText}`));
  context.on('response', (r) => { if (r.status() >= 400) seen.failed.push(`${r.url()} ${r.status()}`); });
  context.on('weberror', (e) => seen.problems.push(`weberror: ${e.error().message}`));
  return { context, seen };
}

async function newPage(context, seen) {
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  watchPage(page, seen.problems);
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return page;
}

async function simulationDone(page) {
  await page.locator('#run').waitFor();
  await page.locator('#status[data-status="done"]').waitFor();
  const median = Number(await page.getAttribute('#tile-in-care', 'data-median'));
  assert.ok(Number.isFinite(median) && median > 0, `children in care ${median}`);
  return page.getAttribute('#run-details', 'data-fingerprint');
}

/** Waits until the page is controlled by the service worker, its files all cached. */
async function controlled(page) {
  return page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
    return reg.scope;
  });
}

describe('offline, any folder, loading message', () => {
  test('dist/ served under a sub-path runs the model on several workers, every request inside that folder', { timeout: TIMEOUT }, async () => {
    assert.ok(h.baseUrl.endsWith(PREFIX), h.baseUrl);
    const { context, seen } = await newContext();
    const page = await newPage(context, seen);
    await page.goto(`${h.baseUrl}?workers=2`);
    const fp = await simulationDone(page);
    assert.match(fp, /^[0-9a-f]{16}$/);
    assert.equal(page.workers().length, 2, 'two simulation workers started');
    assert.match(await page.textContent('#run-details'), /2 workers/);
    const scope = await controlled(page);
    assert.equal(scope, h.baseUrl, 'the service worker keeps to the folder');
    const outside = seen.requests.filter((u) => u.startsWith('http') && !u.startsWith(h.baseUrl));
    assert.deepEqual(outside, [], 'requests outside the folder');
    for (const f of ['boot.js', 'worker_loader.js', 'worker.js', 'worker_bg.wasm', 'sw.js']) {
      assert.ok(seen.requests.some((u) => u.startsWith(h.baseUrl + f)), `request for ${f}`);
    }
    assert.deepEqual(seen.failed, []);
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
    assert.deepEqual(seen.problems, []);
    await context.close();
  });

  test('after one visit the app reloads and runs a simulation with the network off', { timeout: TIMEOUT }, async () => {
    // A server of its own, stopped below: with it gone nothing can come from the network.
    const own = await startServer(dist, 0, '127.0.0.1', PREFIX);
    const { context, seen } = await newContext();
    try {
      const page = await newPage(context, seen);
      await page.goto(`${own.url}?workers=2`);
      const online = await simulationDone(page);
      await controlled(page);
      const cached = await page.evaluate(async () => {
        const names = await caches.keys();
        const cache = await caches.open(names.find((n) => n.startsWith('sufficiency:')));
        return (await cache.keys()).map((r) => new URL(r.url).pathname);
      });
      for (const f of ['', 'boot.js', 'worker.js', 'worker_bg.wasm', 'worker_loader.js']) {
        assert.ok(cached.includes(PREFIX + f), `${PREFIX + f} cached (${cached.join(', ')})`);
      }
      assert.ok(!cached.some((p) => p.endsWith('/sw.js')), 'the service worker does not cache itself');

      await context.setOffline(true);
      own.server.closeAllConnections();
      await new Promise((r) => own.server.close(r));
      const failedBefore = seen.failed.length;
      // A share-link style address of the same page: still the one cached page.
      await page.goto(`${own.url}?workers=2&from=offline`);
      const offline = await simulationDone(page);
      assert.equal(offline, online, 'same seed, same numbers offline');
      assert.equal(page.workers().length, 2, 'workers started offline');
      await page.screenshot({ path: path.join(artifacts, 'offline.png') });
      const failed = seen.failed.slice(failedBefore);
      assert.ok(failed.some((f) => f.startsWith('service worker: ')), 'the network was really off');
      assert.deepEqual(failed.filter((f) => !f.startsWith('service worker: ') && !f.includes('/sw.js')), [],
        'requests of the page or its workers that failed offline');
      assert.deepEqual(await page.evaluate(() => window.__csp), []);
      assert.deepEqual(seen.problems, []);
    } finally {
      await context.close();
      own.server.closeAllConnections();
      own.server.close();
    }
  });

  test('a new build replaces the cached one', { timeout: TIMEOUT }, async () => {
    // A copy of dist/ whose sw.js names another build (as the next `trunk build` would).
    const copy = fs.mkdtempSync(path.join(artifacts, 'dist-copy-'));
    fs.cpSync(dist, copy, { recursive: true });
    const own = await startServer(copy, 0, '127.0.0.1', PREFIX);
    const { context, seen } = await newContext();
    try {
      const page = await newPage(context, seen);
      await page.goto(own.url);
      await page.locator('#run').waitFor();
      await controlled(page);
      const cachesOf = () => page.evaluate(async () => (await caches.keys()).filter((n) => n.startsWith('sufficiency:')));
      const first = await cachesOf();
      assert.equal(first.length, 1, first.join(', '));
      const sw = path.join(copy, 'sw.js');
      fs.writeFileSync(sw, fs.readFileSync(sw, 'utf8').replace(/const BUILD = "([0-9a-f]+)"/, 'const BUILD = "0000$1"'));
      await page.reload();
      await page.locator('#run').waitFor();
      let now = first;
      for (let i = 0; i < 200 && (now.length !== 1 || now[0] === first[0]); i++) {
        await page.waitForTimeout(100);
        now = await cachesOf();
      }
      assert.equal(now.length, 1, `the old cache is deleted: ${now.join(', ')}`);
      assert.match(now[0], /:0000[0-9a-f]+$/);
    } finally {
      await context.close();
      own.server.closeAllConnections();
      own.server.close();
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });

  test('a loading message shows before the app, and goes when the app is drawn', { timeout: TIMEOUT }, async () => {
    const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
    assert.match(html, /id="loading"[^>]*>[\s\S]*Starting the modeller/, 'the message is in the page itself');
    const { context, seen } = await newContext();
    const page = await newPage(context, seen);
    // A slow computer: the program arrives late.
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route(/app-[0-9a-f]+_bg\.wasm$/, async (route) => { await held; await route.continue(); });
    await page.goto(h.baseUrl, { waitUntil: 'commit' });
    await page.locator('#loading').waitFor({ state: 'visible' });
    assert.match(await page.textContent('#loading'), /Starting the modeller/);
    assert.equal(await page.locator('.app').count(), 0, 'the app is not drawn yet');
    await page.screenshot({ path: path.join(artifacts, 'loading.png') });
    release();
    await page.locator('#run').waitFor();
    await page.locator('#loading').waitFor({ state: 'detached' });
    assert.deepEqual(seen.problems, []);
    await context.close();
  });

  test('when the app cannot start, the loading message says why', { timeout: TIMEOUT }, async () => {
    const { context } = await newContext();
    // The program fails to load.
    const page = await context.newPage();
    await page.route(/app-[0-9a-f]+_bg\.wasm$/, (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.goto(h.baseUrl);
    await page.locator('.loading.failed #loading-error').waitFor();
    assert.match(await page.textContent('#loading-error'), /could not start/);
    assert.equal(await page.getAttribute('#loading', 'role'), 'alert');
    await page.screenshot({ path: path.join(artifacts, 'loading-failed.png') });
    // No WebAssembly at all.
    const bare = await context.newPage();
    await bare.addInitScript(() => { delete globalThis.WebAssembly; });
    await bare.goto(h.baseUrl);
    await bare.locator('#loading-error').waitFor();
    assert.match(await bare.textContent('#loading-error'), /does not run WebAssembly/);
    await context.close();
  });
});
