// End-to-end tests of the release build in headless Chromium.
//
// Run via scripts/test.sh (which builds dist/ and sets BASE_URL), or directly with
// `node --test tests/e2e/` after `trunk build --release` (then dist/ is served
// in-process). Chromium comes from apt (/usr/bin/chromium, or CHROMIUM_PATH).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const artifacts = path.join(here, 'artifacts');
const TIMEOUT = 60_000;

let server; // only when we serve dist/ ourselves
let baseUrl = process.env.BASE_URL;
let context;
let userDataDir;
const requests = []; // every request URL seen by the browser
const problems = []; // console errors, page errors, CSP violations

before(async () => {
  if (!baseUrl) {
    assert.ok(fs.existsSync(path.join(repo, 'dist/index.html')), 'dist/ missing: run `trunk build --release`');
    ({ server, url: baseUrl } = await startServer(path.join(repo, 'dist')));
  }
  fs.mkdirSync(artifacts, { recursive: true });
  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
    viewport: { width: 1000, height: 700 },
  });
  context.on('request', (req) => requests.push(req.url()));
  context.on('weberror', (err) => problems.push(`weberror: ${err.error().message}`));
});

after(async () => {
  await context?.close();
  if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
});

/** Opens the app in a new page and waits until Yew has rendered. */
async function openApp() {
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  // (Includes messages logged by the page's workers.)
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`console.${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(baseUrl);
  try {
    await page.locator('#run').waitFor({ timeout: 15_000 });
  } catch (err) {
    throw new Error(`app did not render: ${err.message}\n${problems.join('\n')}`);
  }
  return page;
}

async function cspViolations(page) {
  return page.evaluate(() => window.__csp);
}

async function waitForStatus(page, status) {
  await page.locator(`#status[data-status="${status}"]`).waitFor();
}

describe('app + worker pipeline (release build)', () => {
  test('runs a job on navigator.hardwareConcurrency workers and shows the result', { timeout: TIMEOUT }, async () => {
    const page = await openApp();
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    const expectedWorkers = Math.min(Math.max(cores, 1), 32);
    assert.equal(Number(await page.inputValue('#workers')), expectedWorkers);

    await page.click('#run');
    await waitForStatus(page, 'done');

    const result = await page.textContent('#result');
    assert.match(result, /^π ≈ 3\.1\d+ from 400 runs \(8000000 samples\) on \d+ worker\(s\)/);
    assert.equal(await page.locator('.workers progress').count(), expectedWorkers);
    assert.equal(page.workers().length, expectedWorkers, 'one Web Worker per pool slot');
    assert.deepEqual(await cspViolations(page), []);

    await page.screenshot({ path: path.join(artifacts, 'app.png'), fullPage: true });
    await page.close();
  });

  test('cancels a long job, then runs another on the same workers', { timeout: TIMEOUT }, async () => {
    const page = await openApp();
    await page.fill('#runs', '1000000');
    await page.dispatchEvent('#runs', 'change');
    await page.click('#run');
    await waitForStatus(page, 'running');
    // Wait for real progress from the workers before cancelling.
    await page.waitForFunction(() => Number(document.querySelector('#progress').value) > 0);
    const workersBefore = page.workers().length;
    await page.click('#cancel');
    await waitForStatus(page, 'cancelled');
    assert.match(await page.textContent('#result'), /^Cancelled after \d+ of 1000000 runs$/);

    await page.fill('#runs', '50');
    await page.dispatchEvent('#runs', 'change');
    await page.click('#run');
    await waitForStatus(page, 'done');
    assert.match(await page.textContent('#result'), /from 50 runs/);
    assert.equal(page.workers().length, workersBefore, 'workers are reused after a cancel');
    await page.close();
  });

  test('changing the worker count replaces the pool and closes old workers', { timeout: TIMEOUT }, async () => {
    const page = await openApp();
    await page.fill('#workers', '3');
    await page.dispatchEvent('#workers', 'change');
    await page.click('#run');
    await waitForStatus(page, 'done');
    assert.equal(page.workers().length, 3);

    await page.fill('#workers', '1');
    await page.dispatchEvent('#workers', 'change');
    await page.click('#run');
    await waitForStatus(page, 'done');
    assert.match(await page.textContent('#result'), /on 1 worker\(s\)/);
    // Dropped bridges make the old workers close themselves.
    const deadline = Date.now() + 10_000;
    while (page.workers().length !== 1 && Date.now() < deadline) await page.waitForTimeout(100);
    assert.equal(page.workers().length, 1, 'old workers closed');
    await page.close();
  });

  test('the real engine runs in a worker (same numbers as native when ENGINE_FINGERPRINT is set)', { timeout: TIMEOUT }, async () => {
    const page = await openApp();
    await page.click('#engine-check');
    const engine = page.locator('#engine');
    await page.waitForFunction(() => document.querySelector('#engine').textContent.startsWith('Engine'));
    const text = await engine.textContent();
    const m = text.match(/^Engine OK: 2 replication\(s\) of the default scenario, fingerprint ([0-9a-f]{16})$/);
    assert.ok(m, text);
    if (process.env.ENGINE_FINGERPRINT) assert.equal(m[1], process.env.ENGINE_FINGERPRINT, 'wasm vs native');
    await page.close();
  });

  test('every request was same-origin and nothing was logged as an error', () => {
    const origin = new URL(baseUrl).origin;
    if (process.env.E2E_DEBUG) console.log(requests.join('\n'));
    assert.ok(requests.length > 0);
    const foreign = requests.filter((u) => !u.startsWith('data:') && new URL(u).origin !== origin);
    assert.deepEqual(foreign, [], 'cross-origin requests');
    // The worker's files must have been seen too (proves worker traffic is recorded).
    for (const f of ['worker_loader.js', 'worker.js', 'worker_bg.wasm', 'boot.js']) {
      assert.ok(requests.some((u) => new URL(u).pathname.endsWith(`/${f}`)), `request for ${f}`);
    }
    assert.deepEqual(problems, []);
  });
});
