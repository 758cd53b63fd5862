// End-to-end tests of the simulation workers' robustness (release build, headless Chromium):
// a worker killed mid-run is replaced and its chunks run again with the same numbers; a
// worker that keeps dying fails the run with a message and leaves the page usable; cancel
// and a newer edit stop even a huge run at once.
//
// The page is opened with `?test=1`, which gives it `window.__pool` (src/pool.rs):
// `terminate(i)` ends worker i behind the pool's back (as a crash would: no event),
// `fail(i)` makes it raise an error, `sabotage(on)` makes every worker fail as soon as it
// is sent a chunk, `startupMs()` lists each worker's time from spawn to ready.
//
// Run like app.test.mjs (BASE_URL, ENGINE_FINGERPRINT; or dist/ served in-process).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useHarness, waitDone, setField, openGroupOf } from './harness.mjs';

const h = useHarness(import.meta.url);
const { artifacts } = h;
const TIMEOUT = 180_000;
// Runs of the default borough whose fingerprint the native test pins (src/protocol.rs).
const FINGERPRINT_RUNS = '150';
const TEST = '?test=1&workers=2';

const problems = []; // page errors and console errors not caused on purpose

/** Opens the app at `suffix` in a fresh context and waits for its first run to finish. */
async function openApp(suffix = TEST) {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  // Errors made on purpose (a worker told to fail) are expected; anything else is not.
  const expected = /made to fail|simulation worker \d+: it /;
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !expected.test(msg.text())) problems.push(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  await page.goto(h.baseUrl + suffix);
  await page.locator('#run').waitFor({ timeout: 15_000 });
  await waitDone(page);
  return { context, page };
}

async function fingerprint(page) {
  return page.getAttribute('#run-details', 'data-fingerprint');
}

async function doneWithRuns(page, runs) {
  await page.locator(`#run-details[data-runs="${runs}"]`).waitFor();
  await waitDone(page);
  return fingerprint(page);
}

/** Workers that have started so far (the first ones and every replacement). */
async function started(page) {
  return page.evaluate(() => window.__pool.startupMs().length);
}

/**
 * Clicks `#cancel` (or runs `act` in the page) and resolves when the status is `until`,
 * with the time that took (ms, in the page) and every status shown meanwhile.
 */
async function timeUntilStatus(page, until) {
  return page.evaluate((until) => new Promise((resolve) => {
    const status = document.querySelector('#status');
    const seen = new Set([status.dataset.status]);
    const t0 = performance.now();
    const check = () => {
      seen.add(status.dataset.status);
      if (status.dataset.status === until) {
        observer.disconnect();
        resolve({ ms: performance.now() - t0, seen: [...seen], text: status.textContent });
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(status, { attributes: true, childList: true, subtree: true, characterData: true });
    document.querySelector('#cancel').click();
    check();
  }), until);
}

describe('simulation workers', () => {
  test('a worker killed mid-run is replaced, its chunks run again, and the numbers are the same', { timeout: TIMEOUT }, async () => {
    const { context, page } = await openApp();
    assert.equal(await page.evaluate(() => window.__pool.size()), 2);
    // The pinned job, undisturbed, then with a worker terminated as soon as it starts.
    await setField(page, '#setting-replications', FINGERPRINT_RUNS);
    const pinned = await doneWithRuns(page, FINGERPRINT_RUNS);
    assert.ok(process.env.ENGINE_FINGERPRINT, 'ENGINE_FINGERPRINT is not set: the wasm-vs-native check cannot be made (scripts/test.sh sets it)');
    assert.equal(pinned, process.env.ENGINE_FINGERPRINT, 'wasm vs native');
    let before = await started(page);
    await page.click('#run');
    await page.evaluate(() => window.__pool.terminate(1));
    await page.locator('#status[data-status="running"]').waitFor();
    await waitDone(page);
    assert.equal(await fingerprint(page), pinned, 'terminated at the start');
    assert.equal(await started(page), before + 1, 'one fresh worker replaced the terminated one');

    // A longer run, killed past the preview: once terminated (no event but its port's
    // close), once made to fail (its `error` event).
    await setField(page, '#setting-replications', '3000');
    const undisturbed = await doneWithRuns(page, '3000');
    for (const how of ['terminate', 'fail']) {
      before = await started(page);
      await page.click('#run');
      await page.waitForFunction(() => Number(document.querySelector('#progress').value) >= 500);
      const status = await page.evaluate((how) => {
        window.__pool[how](0);
        return document.querySelector('#status').dataset.status;
      }, how);
      assert.equal(status, 'running', `${how}: killed mid-run`);
      await waitDone(page);
      assert.match(await page.textContent('#status'), /^Done: 3,000 runs/);
      assert.equal(await fingerprint(page), undisturbed, `${how}: same numbers as undisturbed`);
      assert.equal(await started(page), before + 1, `${how}: replaced once`);
    }
    const startup = await page.evaluate(() => window.__pool.startupMs());
    console.log(`worker start-up (spawn to ready), ms: ${startup.map((ms) => ms.toFixed(0)).join(', ')}`);
    await context.close();
  });

  test('a worker that keeps failing fails the run with a message, and the page still works', { timeout: TIMEOUT }, async () => {
    const { context, page } = await openApp();
    const expected = await fingerprint(page);
    await page.evaluate(() => window.__pool.sabotage(true));
    await page.click('#run');
    await page.locator('#status[data-status="failed"]').waitFor({ timeout: 60_000 });
    const text = await page.textContent('#status');
    assert.match(text, /^The run failed: runs [\d,]+ to [\d,]+ were tried 4 times and each time their simulation worker died \(the last time: it failed: .*made to fail\)\. The page still works/);
    assert.equal(await page.isEnabled('#run'), true, 'Run is offered again');
    assert.equal(await page.isEnabled('#cancel'), false);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(artifacts, 'worker-failed.png') });
    // Nothing goes on behind the message.
    const progress = await page.getAttribute('#progress', 'value');
    await page.waitForTimeout(1000);
    assert.equal(await page.getAttribute('#progress', 'value'), progress);
    assert.equal(await page.textContent('#status'), text);
    // The workers are healthy again: the same run gives the same numbers.
    await page.evaluate(() => window.__pool.sabotage(false));
    await page.click('#run');
    await page.locator('#status[data-status="running"]').waitFor();
    await waitDone(page);
    assert.equal(await fingerprint(page), expected);
    await context.close();
  });

  test('cancel and a newer edit stop a huge run at once; the next run gives a fresh page\'s numbers', { timeout: TIMEOUT }, async () => {
    const { context, page } = await openApp();
    await setField(page, '#setting-replications', FINGERPRINT_RUNS);
    const fresh = await doneWithRuns(page, FINGERPRINT_RUNS);

    // A huge valid scenario, near the largest the validation allows (ten years of sixteen
    // times the children, eight times the admissions, 100,000 carers and 10,000 enquiries a
    // month all approved): each replication takes about a second, far longer than a
    // worker's 50 ms between looks at its mail.
    const HUGE = [['#setting-horizon_months', '120'], ['#in-population-children', '10000'],
      ['#in-fostering-households', '100000'], ['#in-fostering-funnel-enquiries_per_month', '10000'],
      ['#in-fostering-funnel-to_visit', '1'], ['#in-fostering-funnel-to_stage1', '1'],
      ['#in-fostering-funnel-to_stage2', '1'], ['#in-fostering-funnel-to_approval', '1'],
      ['#in-demand-groups_per_month', '80']];
    // The built-in borough's values of the same fields.
    const DEFAULTS = [['#setting-horizon_months', '60'], ['#in-population-children', '601'],
      ['#in-fostering-households', '150'], ['#in-fostering-funnel-enquiries_per_month', '19.7'],
      ['#in-fostering-funnel-to_visit', '0.347'], ['#in-fostering-funnel-to_stage1', '0.573'],
      ['#in-fostering-funnel-to_stage2', '0.6'], ['#in-fostering-funnel-to_approval', '0.6'],
      ['#in-demand-groups_per_month', '10.2']];
    const huge = async () => {
      for (const [selector, value] of HUGE) {
        await openGroupOf(page, selector);
        await setField(page, selector, value);
      }
      await setField(page, '#setting-replications', '1000000');
      await page.locator('#status[data-status="running"]').waitFor();
      await page.waitForTimeout(1500);
      assert.equal(await page.getAttribute('#status', 'data-status'), 'running');
    };
    const restore = async () => {
      for (const [selector, value] of DEFAULTS) await setField(page, selector, value);
      await setField(page, '#setting-replications', FINGERPRINT_RUNS);
    };

    await huge();
    assert.ok(Number(await page.getAttribute('#progress', 'value')) < 100, 'replications take long');
    let before = await started(page);
    const cancel = await timeUntilStatus(page, 'cancelled');
    console.log(`cancel to idle: ${cancel.ms.toFixed(0)} ms`);
    assert.ok(cancel.ms < 100, `the page is idle ${cancel.ms} ms after Cancel`);
    assert.ok(!cancel.seen.includes('cancelling'), `statuses shown: ${cancel.seen}`);
    assert.match(cancel.text, /^Cancelled after [\d,]+ of 1,000,000 runs$/);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(artifacts, 'cancelled-huge-run.png') });
    // The busy workers were terminated and fresh ones started in their place. (A worker
    // whose replication ends just as the job stops gives its chunk up by itself and is
    // not replaced, so at least one, not always both.)
    await page.waitForFunction((n) => window.__pool.startupMs().length >= n + 1, before, { timeout: 20_000 });
    const progress = await page.getAttribute('#progress', 'value');
    await page.waitForTimeout(1000);
    assert.equal(await page.getAttribute('#progress', 'value'), progress, 'nothing runs after a cancel');
    assert.match(await page.textContent('#status'), /^Cancelled after/);
    await restore();
    assert.equal(await doneWithRuns(page, FINGERPRINT_RUNS), fresh, 'after a cancel: a fresh page\'s numbers');

    // A newer edit supersedes the huge run the same way: its results come as soon as
    // fresh workers are up, not after the huge replications.
    await huge();
    before = await started(page);
    const t0 = Date.now();
    await restore();
    assert.equal(await doneWithRuns(page, FINGERPRINT_RUNS), fresh, 'after a newer edit: a fresh page\'s numbers');
    const supersedeMs = Date.now() - t0;
    console.log(`newer edit to its results: ${supersedeMs} ms`);
    assert.ok(await started(page) >= before + 1, 'the busy workers were replaced');
    assert.ok(supersedeMs < 15_000, `the newer edit's results took ${supersedeMs} ms`);
    await context.close();
  });

  test('nothing unexpected was logged', () => {
    assert.deepEqual(problems, []);
  });
});
