// End-to-end tests of the release build in headless Chromium.
//
// Run via scripts/test.sh (which builds dist/ and sets BASE_URL and ENGINE_FINGERPRINT), or
// directly with `node --test tests/e2e/` after `trunk build --release` (then dist/ is served
// in-process). Chromium comes from apt (/usr/bin/chromium, or CHROMIUM_PATH).
//
// Each test opens its own browser context (fresh localStorage) unless it says otherwise.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useHarness, watchPage, waitDone, setField } from './harness.mjs';

const h = useHarness(import.meta.url);
const { artifacts } = h;
const TIMEOUT = 120_000;
// Runs of the default borough whose fingerprint the native test computes
// (src/protocol.rs, E2E_RUNS): more than the 100-run preview.
const FINGERPRINT_RUNS = '150';

const requests = []; // every request URL seen by any context
const problems = []; // console errors, page errors, CSP violations

async function newContext(viewport = { width: 1280, height: 900 }) {
  const context = await h.browser.newContext({ viewport, acceptDownloads: true });
  context.on('request', (req) => requests.push(req.url()));
  context.on('weberror', (err) => problems.push(`weberror: ${err.error().message}`));
  return context;
}

/** Opens the app (optionally at `suffix`, e.g. "?workers=3") and waits until Yew has rendered. */
async function openApp(context, suffix = '') {
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  watchPage(page, problems);
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(h.baseUrl + suffix);
  try {
    await page.locator('#run').waitFor({ timeout: 15_000 });
  } catch (err) {
    throw new Error(`app did not render: ${err.message}\n${problems.join('\n')}`);
  }
  return page;
}

async function median(page, id) {
  return Number(await page.getAttribute(`#${id}`, 'data-median'));
}

async function fingerprint(page) {
  return page.getAttribute('#run-details', 'data-fingerprint');
}

/** Waits until the results shown are no longer those with fingerprint `fp`. */
async function resultsChangeFrom(page, fp) {
  await page.waitForFunction((f) => document.querySelector('#run-details')?.dataset.fingerprint !== f, fp);
}

/** Waits until the results shown are those with fingerprint `fp` (the same numbers). */
async function resultsAre(page, fp) {
  await page.waitForFunction((f) => document.querySelector('#run-details')?.dataset.fingerprint === f, fp);
}

/** Opens every group of assumptions in the form. */
async function openAllGroups(page) {
  await page.evaluate(() => { for (const d of document.querySelectorAll('details.group')) d.open = true; });
}

/** Waits until the results are complete for `runs` runs and returns the fingerprint. */
async function doneWithRuns(page, runs) {
  await page.locator(`#run-details[data-runs="${runs}"]`).waitFor();
  await waitDone(page);
  return fingerprint(page);
}

describe('placement sufficiency modeller (release build)', () => {
  test('first load runs the default borough on several workers and shows tiles and charts', { timeout: TIMEOUT }, async () => {
    const context = await newContext();
    const started = Date.now();
    const page = await openApp(context);
    await page.locator('#tile-in-care[data-median]').waitFor();
    const firstNumbersMs = Date.now() - started;
    for (const id of ['tile-in-care', 'tile-in-house', 'tile-gap', 'tile-cost']) {
      const v = await median(page, id);
      assert.ok(Number.isFinite(v) && v > 0, `${id} = ${v}`);
    }
    assert.match(await page.textContent('#tile-overspend'), /\d+%|<1%|>99%/);
    const share = await median(page, 'tile-in-house');
    assert.ok(share > 0 && share < 1, `in-house share ${share}`);
    await waitDone(page);
    assert.match(await page.textContent('#status'), /^Done: 1,000 runs/);
    for (const id of ['chart-in-care', 'chart-gap', 'chart-places-filled', 'chart-places-vacant', 'chart-cost', 'chart-mix']) {
      const chart = page.locator(`#${id}`);
      assert.equal(await chart.locator('svg').count() > 0, true, `${id} has an svg`);
      assert.match(await chart.textContent(), /1,000 simulated futures|1,000 runs/, `${id} states its runs`);
      assert.equal(await chart.locator('details.chart-table').count(), 1, `${id} has a table view`);
    }
    // Every chart's table view opens and holds numbers; a closed one holds no rows (they
    // are built only when someone opens it).
    assert.equal(await page.locator('#chart-in-care table').count(), 0, 'closed table not built');
    await page.locator('#chart-in-care details.chart-table > summary').click();
    await page.locator('#chart-in-care-table tbody tr').nth(59).waitFor();
    assert.ok((await page.locator('#chart-in-care-table tbody tr').count()) >= 60);
    assert.match(await page.textContent('#run-details'), /seed 20200701, 1,000 runs/);
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    assert.equal(page.workers().length, Math.min(Math.max(cores, 1), 16), 'one Web Worker per core');
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
    console.log(`first numbers after ${firstNumbersMs} ms`);
    assert.ok(firstNumbersMs < 20_000, `first numbers took ${firstNumbersMs} ms`);
    await page.locator('#chart-in-care details.chart-table > summary').click();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(artifacts, 'main.png') });
    await page.screenshot({ path: path.join(artifacts, 'main-full.png'), fullPage: true });
    await context.close();
  });

  test('same seed, same numbers: the browser matches the native engine with any number of workers', { timeout: TIMEOUT }, async () => {
    const prints = [];
    for (const workers of ['1', '3']) {
      const context = await newContext();
      const page = await openApp(context, `?workers=${workers}`);
      await waitDone(page);
      await setField(page, '#setting-replications', FINGERPRINT_RUNS);
      prints.push(await doneWithRuns(page, FINGERPRINT_RUNS));
      assert.equal(page.workers().length, Number(workers));
      await context.close();
    }
    assert.match(prints[0], /^[0-9a-f]{16}$/);
    assert.equal(prints[1], prints[0], '1 worker vs 3 workers');
    assert.ok(process.env.ENGINE_FINGERPRINT, 'ENGINE_FINGERPRINT is not set: the wasm-vs-native check cannot be made (scripts/test.sh sets it)');
    assert.equal(prints[0], process.env.ENGINE_FINGERPRINT, 'wasm vs native');
  });

  test('changing an assumption changes the results, is marked, and resets', { timeout: TIMEOUT }, async () => {
    const context = await newContext();
    const page = await openApp(context);
    await waitDone(page);
    const before = await median(page, 'tile-in-care');
    const printBefore = await fingerprint(page);
    await setField(page, '#in-demand-groups_per_month', '16');
    await page.locator('#field-demand-groups_per_month .changed-mark').waitFor();
    await resultsChangeFrom(page, printBefore);
    await waitDone(page);
    const afterEdit = await median(page, 'tile-in-care');
    assert.ok(afterEdit > before + 20, `more admissions, more children in care: ${before} -> ${afterEdit}`);
    assert.match(await page.textContent('#group-demand > summary'), /1 changed/);
    await page.click('#field-demand-groups_per_month button.reset');
    assert.equal(await page.inputValue('#in-demand-groups_per_month'), '10.2');
    await resultsAre(page, printBefore);
    await waitDone(page);
    assert.equal(await median(page, 'tile-in-care'), before, 'same seed and assumptions: same numbers');
    await context.close();
  });

  test('a quick-control slider moves the same assumption as the form, and the results follow while it moves', { timeout: TIMEOUT }, async () => {
    const context = await newContext();
    const page = await openApp(context);
    await waitDone(page);
    const printBefore = await fingerprint(page);
    const slider = '#quick-demand-groups_per_month';
    // On load every slider shows its field's value.
    for (const [q, f] of [[slider, '#in-demand-groups_per_month'], ['#quick-fostering-households', '#in-fostering-households']]) {
      assert.equal(Number(await page.inputValue(q)), Number(await page.inputValue(f)), q);
    }
    // Keys move it a step at a time; each step is an edit of the field, marked and re-run.
    await page.focus(slider);
    for (let k = 0; k < 5; k++) await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector('#in-demand-groups_per_month').value === '10.7');
    assert.match(await page.textContent(`${slider}-value`), /^10\.7/);
    await page.locator('#field-demand-groups_per_month .changed-mark').waitFor();
    assert.equal(await page.locator('#quick .quick-control.is-changed').count(), 1);
    await resultsChangeFrom(page, printBefore);
    await waitDone(page);
    // Dragged with the mouse, the results change before it is let go.
    const box = await page.locator(slider).boundingBox();
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * 0.4, y);
    await page.mouse.down();
    const seen = new Set([await fingerprint(page)]);
    for (let k = 1; k <= 20 && seen.size < 3; k++) {
      await page.mouse.move(box.x + box.width * (0.4 + k * 0.02), y);
      await page.waitForTimeout(100);
      seen.add(await fingerprint(page));
    }
    assert.ok(seen.size >= 2, 'results moved during the drag');
    await page.mouse.up();
    await waitDone(page);
    // Typed back in the form, the slider follows, the mark goes, and the numbers are the same.
    await setField(page, '#in-demand-groups_per_month', '10.2');
    await page.waitForFunction((q) => document.querySelector(q).value === '10.2', slider);
    await resultsAre(page, printBefore);
    await waitDone(page);
    assert.equal(await page.locator('#quick .quick-control.is-changed').count(), 0);
    // A strategy's levers get sliders for their strength, over the lever's own fields.
    await page.selectOption('#add-strategy', 'recruit');
    await page.locator('#tab-1[aria-selected="true"]').waitFor();
    const lever = '#quick-levers-0-kind-enquiry_multiplier';
    await page.locator(lever).waitFor();
    const field = '#in-levers-0-kind-enquiry_multiplier';
    const start = Number(await page.inputValue(field));
    assert.equal(Number(await page.inputValue(lever)), start);
    await page.focus(lever);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(([f, v]) => Number(document.querySelector(f).value) === v, [field, Math.round((start + 0.1) * 100) / 100]);
    await context.close();
  });

  test('an invalid value shows its message in place and blocks the run', { timeout: TIMEOUT }, async () => {
    const context = await newContext();
    const page = await openApp(context);
    await waitDone(page);
    await setField(page, '#in-demand-entry_age-0', '0.9');
    const error = page.locator('#field-demand-entry_age .field-error');
    await error.waitFor();
    assert.match(await error.textContent(), /add up to 1/);
    assert.equal(await page.isDisabled('#run'), true);
    assert.match(await page.textContent('#run-blocked'), /Cannot run: 1 problem.*Age at entry/s);
    assert.equal(await page.getAttribute('#run', 'aria-describedby'), 'run-blocked');
    await page.locator('#results-stale').waitFor();

    await setField(page, '#in-demand-groups_per_month', 'lots');
    await page.locator('#field-demand-groups_per_month .field-error').waitFor();
    assert.match(await page.textContent('#field-demand-groups_per_month .field-error'), /must be a number \(got "lots"\)/);
    assert.equal(await page.getAttribute('#in-demand-groups_per_month', 'aria-invalid'), 'true');

    await setField(page, '#setting-replications', '0');
    assert.match(await page.textContent('.setting.has-error .field-error'), /at least 1/);

    await setField(page, '#in-demand-groups_per_month', '10.2');
    await setField(page, '#in-demand-entry_age-0', '0.17');
    await setField(page, '#setting-replications', '200');
    await page.locator('#run-blocked').waitFor({ state: 'detached' });
    // The fixed edit starts a run at once (the button is busy while it runs), then it is free.
    await doneWithRuns(page, '200');
    assert.equal(await page.isDisabled('#run'), false);
    await context.close();
  });

  test('sufficiency tiles show each measure with its definition and simulation noise; each rule says which types meet its children\'s needs', { timeout: TIMEOUT }, async () => {
    const context = await newContext();
    const page = await openApp(context);
    await waitDone(page);
    for (const id of ['tile-gap', 'tile-no-suitable', 'tile-below-need', 'tile-inhouse-shortfall', 'tile-at-distance', 'tile-sibling-split']) {
      assert.ok((await page.textContent(`#${id} .tile-note`)).length > 10, `${id} has its definition`);
      assert.match(await page.textContent(`#${id} .tile-noise`), /± [0-9.,]+( points)? from simulation noise/);
    }
    assert.match(await page.textContent('#tile-overspend .tile-noise'), /± [0-9.]+ points from simulation noise/);
    await page.locator('#results').screenshot({ path: path.join(artifacts, 'sufficiency-tiles.png') });
    const before = await median(page, 'tile-below-need');
    const printBefore = await fingerprint(page);
    await page.evaluate(() => { document.querySelector('#group-matching').open = true; });
    // Rule 1 (under 16, standard needs): agency foster care no longer counts as meeting them.
    const box = page.locator('#rule-0 .suitable li[data-type="ifa"] input');
    assert.equal(await box.isChecked(), true);
    await box.uncheck();
    await page.locator('#field-matching-rules .changed-mark').waitFor();
    await resultsChangeFrom(page, printBefore);
    await waitDone(page);
    assert.equal(await box.isChecked(), false);
    const after = await median(page, 'tile-below-need');
    assert.ok(after > before + 50, `children with agency carers are now below need (${before} then ${after})`);
    await page.locator('#field-matching-rules').screenshot({ path: path.join(artifacts, 'matching-rules-suitable.png') });
    await context.close();
  });

  test('matching rules are edited in the form: reorder both ways, remove and add types; an empty order is refused', { timeout: TIMEOUT }, async () => {
    const context = await newContext();
    const page = await openApp(context);
    await waitDone(page);
    const printBefore = await fingerprint(page);
    await page.evaluate(() => { document.querySelector('#group-matching').open = true; });
    const items = page.locator('#rule-0 ol.order > li');
    const first = await items.nth(0).getAttribute('data-type');
    const second = await items.nth(1).getAttribute('data-type');
    // Try the second type earlier: the order changes, is marked, and the results follow.
    await items.nth(1).locator('button[title="Try earlier"]').click();
    await page.locator(`#rule-0 ol.order > li:nth-child(1)[data-type="${second}"]`).waitFor();
    assert.equal(await items.nth(1).getAttribute('data-type'), first);
    await page.locator('#field-matching-rules .changed-mark').waitFor();
    await resultsChangeFrom(page, printBefore);
    await waitDone(page);
    // Try it later again: the order is back, no longer marked, and so are the very numbers.
    assert.equal(await items.nth(1).locator('button[title="Try later"]').isDisabled(), false);
    assert.equal(await items.last().locator('button[title="Try later"]').isDisabled(), true);
    await items.nth(0).locator('button[title="Try later"]').click();
    await page.locator(`#rule-0 ol.order > li:nth-child(1)[data-type="${first}"]`).waitFor();
    await page.locator('#field-matching-rules .changed-mark').waitFor({ state: 'detached' });
    await resultsAre(page, printBefore);
    await waitDone(page);
    // Remove every type: the rule is refused in place and the run is blocked.
    while (await items.count() > 0) {
      const n = await items.count();
      await items.nth(0).locator('button[title="Remove from this order"]').click();
      await page.waitForFunction((k) => document.querySelectorAll('#rule-0 ol.order > li').length === k, n - 1);
    }
    const error = page.locator('#field-matching-rules .field-error');
    await error.first().waitFor();
    assert.match(await error.first().textContent(), /Rule 1.*at least one placement type/);
    assert.equal(await page.isDisabled('#run'), true);
    // Add a type back from the list: the problem clears and the run goes ahead.
    await page.selectOption('#add-matching-rules-0-order', 'in_house_foster');
    await page.locator('#rule-0 ol.order > li[data-type="in_house_foster"]').waitFor();
    await page.locator('#run-blocked').waitFor({ state: 'detached' });
    await waitDone(page);
    await page.locator('#field-matching-rules').screenshot({ path: path.join(artifacts, 'matching-rules.png') });
    await context.close();
  });

  test('lists in the form grow and shrink: a home, a rule and a sibling-group size are added, then removed, and the numbers come back', { timeout: TIMEOUT }, async () => {
    const context = await newContext();
    const page = await openApp(context);
    await waitDone(page);
    const printBefore = await fingerprint(page);
    await openAllGroups(page);
    const homes = page.locator('#field-residential-homes tbody tr');
    const rules = page.locator('#field-matching-rules tbody tr');
    const sizes = page.locator('#field-demand-group_size .array input');
    const [nHomes, nRules, nSizes] = [await homes.count(), await rules.count(), await sizes.count()];
    // A new home is a card with its numbers labelled, marked as a change, and it runs.
    await page.click('#field-residential-homes button:has-text("Add a home")');
    await homes.nth(nHomes).waitFor();
    assert.equal(await homes.nth(nHomes).locator('input.text').inputValue(), 'New home', 'a name of its own');
    assert.ok(await homes.nth(nHomes).locator('.cell-label').count() >= 6, 'every number is labelled');
    await page.locator('#field-residential-homes .changed-mark').waitFor();
    await resultsChangeFrom(page, printBefore);
    await waitDone(page);
    await page.click('#add-rule');
    await rules.nth(nRules).waitFor();
    // Rules are tried in turn: a new rule for every child, moved to the front, takes effect.
    let printWithHome = await fingerprint(page);
    assert.equal(await page.isDisabled(`button[aria-label="Move rule ${nRules + 1} later"]`), true);
    for (let k = nRules + 1; k > 1; k--) {
      await page.click(`button[aria-label="Move rule ${k} earlier"]`);
      await page.waitForFunction((n) => document.querySelectorAll('#rule-' + (n - 2) + ' ol.order > li').length === 1, k);
    }
    assert.equal(await page.isDisabled('button[aria-label="Move rule 1 earlier"]'), true);
    await resultsChangeFrom(page, printWithHome);
    await waitDone(page);
    await page.click('#field-demand-group_size button:has-text("Add a size")');
    await page.waitForFunction((n) => document.querySelectorAll('#field-demand-group_size .array input').length === n, nSizes + 1);
    // Remove each again: the form and the very numbers are as they were.
    await page.click('button[aria-label="Remove rule 1"]');
    await page.waitForFunction((n) => document.querySelectorAll('#field-matching-rules tbody tr').length === n, nRules);
    await page.click('button[aria-label="Remove New home"]');
    await page.waitForFunction((n) => document.querySelectorAll('#field-residential-homes tbody tr').length === n, nHomes);
    await page.click('#field-demand-group_size button:has-text("Remove the last")');
    await page.waitForFunction((n) => document.querySelectorAll('#field-demand-group_size .array input').length === n, nSizes);
    for (const id of ['field-residential-homes', 'field-matching-rules', 'field-demand-group_size']) {
      assert.equal(await page.locator(`#${id} .changed-mark`).count(), 0, `${id} is no longer marked`);
    }
    await resultsAre(page, printBefore);
    await waitDone(page);
    await context.close();
  });

  test('a strategy is compared with the baseline on the same random draws', { timeout: TIMEOUT }, async () => {
    const context = await newContext();
    const page = await openApp(context);
    await waitDone(page);
    await page.selectOption('#add-strategy', 'homes');
    await page.locator('#tab-1[aria-selected="true"]').waitFor();
    assert.match(await page.textContent('#tab-1'), /In-house homes/);
    await page.locator('#comparison-table').waitFor();
    await waitDone(page);
    const rows = page.locator('#comparison-table tbody tr');
    assert.equal(await rows.count(), 2, 'a row per scenario');
    assert.match(await rows.nth(1).textContent(), /In-house homes[^]*(\d+%|<1%|>99%)/);
    for (const id of ['chart-diff-cost', 'chart-diff-gap', 'chart-diff-in-house', 'chart-diff-moves']) {
      assert.ok(await page.locator(`#${id} svg`).count() > 0, id);
    }
    // The strategy's levers are listed and editable in its assumptions.
    assert.equal(await page.locator('#field-levers fieldset.lever').count(), 1);
    // Combine: add a lever to the strategy, and a second strategy as its own scenario.
    await page.selectOption('#add-lever', 'retention');
    assert.equal(await page.locator('#field-levers fieldset.lever').count(), 2);
    await page.selectOption('#add-strategy', 'recruit');
    await page.locator('#tab-2').waitFor();
    await page.locator('#compare-row-2').waitFor();
    await waitDone(page);
    // Keyboard: the selected tab alone is in the tab order; arrow keys move along the tabs
    // (wrapping) and open each scenario, Home and End jump to the ends.
    assert.equal(await page.getAttribute('#tab-2', 'tabindex'), '0');
    assert.equal(await page.getAttribute('#tab-0', 'tabindex'), '-1');
    const focused = () => page.evaluate(() => document.activeElement && document.activeElement.id);
    await page.press('#tab-2', 'ArrowRight');
    await page.locator('#tab-0[aria-selected="true"]').waitFor();
    assert.equal(await focused(), 'tab-0');
    await page.keyboard.press('End');
    await page.locator('#tab-2[aria-selected="true"]').waitFor();
    await page.keyboard.press('Home');
    await page.locator('#tab-0[aria-selected="true"]').waitFor();
    await page.keyboard.press('ArrowRight');
    await page.locator('#tab-1[aria-selected="true"]').waitFor();
    assert.equal(await focused(), 'tab-1');
    assert.equal(await page.getAttribute('#tab-1', 'tabindex'), '0');
    await page.locator('#results-title:has-text("In-house homes")').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(artifacts, 'comparison.png'), fullPage: false });
    await page.locator('#compare').screenshot({ path: path.join(artifacts, 'comparison-section.png') });
    // Print view: the report of every scenario alone (tests/e2e/report.test.mjs prints it).
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.isVisible('#editor'), false);
    assert.equal(await page.isVisible('#run'), false);
    assert.equal(await page.isVisible('#tiles'), false);
    assert.equal(await page.isVisible('#report'), true);
    assert.match(await page.textContent('#report'), /In-house homes/);
    await page.screenshot({ path: path.join(artifacts, 'print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await context.close();
  });

  test('a share link restores the scenarios exactly, with the same numbers, in a fresh browser', { timeout: TIMEOUT }, async () => {
    const a = await newContext();
    const page = await openApp(a);
    await waitDone(page);
    await setField(page, '#setting-seed', '777');
    await setField(page, '#setting-replications', '160');
    await page.selectOption('#add-strategy', 'recruit');
    await setField(page, '#in-levers-0-kind-enquiry_multiplier', '1.8');
    const print = await doneWithRuns(page, '160');
    await page.click('#share');
    const url = await page.inputValue('#share-url');
    assert.match(url, /#w=[A-Za-z0-9_-]+$/);
    await a.close();

    const b = await newContext();
    const fresh = await openApp(b, url.slice(h.baseUrl.length));
    assert.equal(await fresh.inputValue('#setting-seed'), '777');
    assert.equal(await fresh.inputValue('#in-levers-0-kind-enquiry_multiplier'), '1.8');
    assert.match(await fresh.textContent('#tab-1'), /Recruit more carers/);
    assert.equal(await doneWithRuns(fresh, '160'), print, 'same seed, same numbers');
    assert.equal(new URL(fresh.url()).hash, '', 'the link is cleared from the address bar once opened');
    // A damaged link is refused, and the work is unchanged.
    await fresh.goto(`${h.baseUrl}#w=damaged!!`);
    await fresh.locator('.notice.error').waitFor();
    assert.match(await fresh.textContent('.notice.error'), /share link could not be opened/);
    assert.equal(await fresh.inputValue('#setting-seed'), '777');
    await b.close();
  });

  test('edits survive a reload; an unreadable saved state is kept aside and offered for download', { timeout: TIMEOUT }, async () => {
    const context = await newContext();
    const page = await openApp(context);
    await waitDone(page);
    await page.click('#group-fostercarers > summary');
    await setField(page, '#in-fostering-households', '137');
    await page.selectOption('#add-strategy', 'retain');
    await page.waitForFunction(() => (localStorage.getItem('sufficiency.workspace.v1') || '').includes('"households":137'));
    await page.reload();
    await page.locator('#tab-1').waitFor();
    await page.click('#tab-0');
    await page.click('#group-fostercarers > summary');
    assert.equal(await page.inputValue('#in-fostering-households'), '137');
    assert.ok(await page.locator('#field-fostering-households .changed-mark').count() === 1);
    assert.match(await page.textContent('#tab-1'), /Retain carers/);

    await page.evaluate(() => localStorage.setItem('sufficiency.workspace.v1', '{"settings": {"seed": 1}, "scenarios": [ {broken'));
    await page.reload();
    const notice = page.locator('.notice.warning');
    await notice.waitFor();
    assert.match(await notice.textContent(), /could not be read.*kept in this browser/s);
    const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('sufficiency.workspace.v1.unreadable.'))
      .map((k) => localStorage.getItem(k)));
    assert.deepEqual(kept, ['{"settings": {"seed": 1}, "scenarios": [ {broken']);
    const [download] = await Promise.all([page.waitForEvent('download'), notice.locator('button.notice-action').click()]);
    assert.equal(fs.readFileSync(await download.path(), 'utf8'), kept[0]);
    await context.close();
  });

  test('a long run shows progress, keeps the page responsive and can be cancelled', { timeout: TIMEOUT }, async () => {
    const context = await newContext();
    const page = await openApp(context);
    await waitDone(page);
    await setField(page, '#setting-replications', '200000');
    await page.locator('#status[data-status="running"]').waitFor();
    await page.waitForFunction(() => Number(document.querySelector('#progress').value) > 150);
    // The UI thread is free: a timer fires on time and the editor still reacts.
    const lag = await page.evaluate(() => new Promise((r) => { const t = performance.now(); setTimeout(() => r(performance.now() - t), 50); }));
    assert.ok(lag < 500, `timer lag ${lag} ms while running`);
    await page.click('#group-exits > summary');
    assert.equal(await page.isVisible('#field-exits-staying_put_share'), true);
    await page.click('#cancel');
    await page.locator('#status[data-status="cancelled"]').waitFor({ timeout: 10_000 });
    assert.match(await page.textContent('#status'), /^Cancelled after [\d,]+ of 200,000 runs$/);
    const done = Number(await page.getAttribute('#progress', 'value'));
    await page.waitForTimeout(1000);
    assert.equal(Number(await page.getAttribute('#progress', 'value')), done, 'nothing runs after a cancel');
    // The same workers run the next job.
    const workers = page.workers().length;
    await setField(page, '#setting-replications', '120');
    await doneWithRuns(page, '120');
    assert.equal(page.workers().length, workers);
    await context.close();
  });

  test('scenarios download and upload as JSON (errors name the field); results download as CSV', { timeout: TIMEOUT }, async () => {
    const context = await newContext();
    const page = await openApp(context);
    await waitDone(page);
    await page.click('#duplicate-baseline');
    await page.locator('#tab-1').waitFor();
    await page.locator('#comparison-table').waitFor();
    await waitDone(page);
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
    const ws = JSON.parse(fs.readFileSync(await json.path(), 'utf8'));
    assert.equal(ws.scenarios.length, 2);
    assert.equal(ws.scenarios[1].name, 'Copy of Baseline');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#download-csv')]);
    const text = fs.readFileSync(await csv.path(), 'utf8');
    assert.match(text, /^scenario,measure,period,mean,p5,p10,p25,p50,p75,p90,p95,mean_se,p50_se,definition\n/);
    assert.ok(text.includes('\nCopy of Baseline vs Baseline,difference.cost,'), 'the CSV has the paired differences');

    // A file in the older format (full copies of every scenario, no variants) is read too;
    // the hand edits below are to those copies.
    assert.ok(Array.isArray(ws.variants), 'the file keeps what each scenario is built on');
    ws.version = 1;
    delete ws.variants;
    // A fault of structure refuses the file, naming the field; the work is untouched.
    ws.scenarios[1].demand.typo = 1;
    await page.setInputFiles('#upload', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(ws)) });
    await page.locator('.notice.error').waitFor();
    assert.match(await page.textContent('.notice.error'), /bad\.json: scenarios\[1\]\.demand\.typo: is not a field here/);
    delete ws.scenarios[1].demand.typo;

    ws.scenarios[1].demand.entry_age[2] = 0.2;
    ws.scenarios[1].name = 'Uploaded';
    await page.setInputFiles('#upload', { name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(ws)) });
    await page.locator('#tab-1:has-text("Uploaded")').waitFor();
    // The replaced work can be restored.
    await page.click('.notice:has-text("good.json") button.notice-action');
    await page.locator('#tab-1:has-text("Copy of Baseline")').waitFor();

    // A value the form can hold (text typed in a number box), saved as typed, opens with
    // the field named in words for mending: not refused with the whole file.
    ws.scenarios[1].demand.groups_per_month = '10,2';
    ws.scenarios[1].name = 'Mend me';
    await page.setInputFiles('#upload', { name: 'typed.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(ws)) });
    await page.locator('#tab-1:has-text("Mend me")').waitFor();
    const warning = page.locator('.notice.warning:has-text("typed.json")');
    await warning.waitFor();
    assert.match(await warning.textContent(), /Sibling groups admitted a month in .Mend me.: must be a number/);
    assert.match(await warning.textContent(), /typed\.json holds a value to mend before it can run/);
    await page.click('.notice:has-text("Opened typed.json") button.notice-action');
    await page.locator('#tab-1:has-text("Copy of Baseline")').waitFor();
    // Removing a scenario can be undone.
    await page.click('button[aria-label="Remove scenario Copy of Baseline"]');
    await page.locator('#tab-1').waitFor({ state: 'detached' });
    await page.click('.notice:has-text("Removed Copy of Baseline") button.notice-action');
    await page.locator('#tab-1:has-text("Copy of Baseline")').waitFor();
    await context.close();
  });

  test('works at tablet width (800 px) without sideways scrolling', { timeout: TIMEOUT }, async () => {
    const context = await newContext({ width: 800, height: 1000 });
    const page = await openApp(context);
    await waitDone(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the window`);
    // Nor does any table in the editor hide columns off to the side (homes, rules, matrices).
    await openAllGroups(page);
    const hidden = await page.evaluate(() => [...document.querySelectorAll('#field-residential-homes .table-wrap, #field-matching-rules .table-wrap')]
      .filter((w) => w.scrollWidth > w.clientWidth + 1).map((w) => w.parentElement.id));
    assert.deepEqual(hidden, [], 'tables that scroll sideways');
    // Keyboard: the run bar and tabs are reachable and labelled.
    assert.equal(await page.getAttribute('#progress', 'aria-label'), 'Runs done');
    for (const id of ['setting-seed', 'setting-replications', 'setting-horizon_months', 'in-demand-groups_per_month']) {
      assert.equal(await page.locator(`label[for="${id}"]`).count(), 1, `${id} has a label`);
    }
    await page.focus('#setting-seed');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'setting-replications');
    await page.screenshot({ path: path.join(artifacts, 'tablet.png') });
    await context.close();
  });

  test('every request was same-origin and nothing was logged as an error', () => {
    const origin = new URL(h.baseUrl).origin;
    if (process.env.E2E_DEBUG) console.log(requests.join('\n'));
    assert.ok(requests.length > 0);
    const foreign = requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin);
    assert.deepEqual(foreign, [], 'cross-origin requests');
    for (const f of ['worker_loader.js', 'worker.js', 'worker_bg.wasm', 'boot.js']) {
      assert.ok(requests.some((u) => u.startsWith('http') && new URL(u).pathname.endsWith(`/${f}`)), `request for ${f}`);
    }
    assert.deepEqual(problems, []);
  });
});
