// What every end-to-end test file shares: dist/ served on 127.0.0.1 (unless BASE_URL is
// given) and headless Debian Chromium started with no background networking, so that no
// request leaves this machine.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';

/** Serves `repo`/dist (under the folder `prefix`, "/" by default) when `baseUrl` is empty,
 *  makes `artifacts`, starts Chromium. */
export async function openHarness({ repo, artifacts, baseUrl, prefix = '/' }) {
  let server;
  if (!baseUrl) {
    assert.ok(fs.existsSync(path.join(repo, 'dist/index.html')), 'dist/ missing: run `trunk build --release`');
    ({ server, url: baseUrl } = await startServer(path.join(repo, 'dist'), 0, '127.0.0.1', prefix));
  }
  fs.mkdirSync(artifacts, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  return { browser, server, baseUrl };
}

/** Closes what `openHarness` opened. */
export async function closeHarness({ browser, server }) {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
}

/** What a test file shares, filled in by the `before` hook this registers (and emptied by its
 *  `after` hook): `browser`, `baseUrl`, `server`, and the file's `here`, `repo`, `artifacts`
 *  and `problems` (console errors, page errors: collected by `watchPage`). Pass
 *  `{ prefix }` to serve dist/ under a folder whatever BASE_URL says. */
export function useHarness(metaUrl, { prefix } = {}) {
  const here = path.dirname(fileURLToPath(metaUrl));
  const h = {
    here,
    repo: path.resolve(here, '../..'),
    artifacts: path.join(here, 'artifacts'),
    baseUrl: prefix ? undefined : process.env.BASE_URL,
    browser: undefined,
    server: undefined,
    problems: [],
  };
  before(async () => {
    Object.assign(h, await openHarness({ repo: h.repo, artifacts: h.artifacts, baseUrl: h.baseUrl, prefix }));
  });
  after(() => closeHarness(h));
  return h;
}

/** Records a page's console errors and warnings (those not matching `expected`) and its
 *  uncaught errors in `problems`. */
export function watchPage(page, problems, { warnings = true, expected } = {}) {
  page.on('console', (msg) => {
    const kind = msg.type();
    if ((kind === 'error' || (warnings && kind === 'warning')) && !(expected && expected.test(msg.text()))) {
      problems.push(`console.${kind}: ${msg.text()}`);
    }
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
}

/** Waits until the current run has finished. */
export async function waitDone(page) {
  await page.locator('#status[data-status="done"]').waitFor();
}

/** Types into a field and commits it (change event), as a person tabbing away would. */
export async function setField(page, selector, text) {
  await page.fill(selector, text);
  await page.press(selector, 'Tab');
}

/** Opens the (collapsed) form group holding `selector`, so it can be typed into. */
export async function openGroupOf(page, selector) {
  await page.locator(selector).evaluate((e) => { const d = e.closest('details'); if (d) d.open = true; });
}
