// What every end-to-end test file shares: dist/ served on 127.0.0.1 (unless BASE_URL is
// given) and headless Debian Chromium started with no background networking, so that no
// request leaves this machine.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
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
