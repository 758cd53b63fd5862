// End-to-end tests of comparisons that stay true (issue 16): strategies follow their base
// except what they override, every comparison lists what differs, head-to-head comparisons
// are the paired difference of the two scenarios, eight scenarios fit on a laptop and a
// tablet, old share links and saved work open with the same numbers, and a start later
// than the figures' date is said.
//
// Run like app.test.mjs (BASE_URL set by scripts/test.sh, or dist/ served in-process).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { useHarness } from './harness.mjs';

const h = useHarness(import.meta.url);
const { here, artifacts } = h;
const TIMEOUT = 180_000;
const KEY = 'sufficiency.workspace.v1';
// A share link and saved work made by the app before this change (main at b0f8075), with
// the fingerprint of the numbers it showed for them.
const OLD = JSON.parse(fs.readFileSync(path.join(here, 'fixtures/main-b0f8075.json'), 'utf8'));

const problems = [];

async function openApp(context, suffix = '') {
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  await page.goto(`${h.baseUrl}?workers=2${suffix}`);
  await page.locator('#run').waitFor({ timeout: 15_000 });
  return page;
}

async function setField(page, selector, text) {
  await page.fill(selector, text);
  await page.press(selector, 'Tab');
}

async function openGroups(page) {
  await page.evaluate(() => { for (const d of document.querySelectorAll('details.group')) d.open = true; });
}

async function doneWithRuns(page, runs) {
  await page.locator(`#run-details[data-runs="${runs}"]`).waitFor();
  await page.locator('#status[data-status="done"]').waitFor();
  return page.getAttribute('#run-details', 'data-fingerprint');
}

/** The saved work as this page's storage holds it. */
async function saved(page) {
  return page.evaluate((k) => JSON.parse(localStorage.getItem(k) || 'null'), KEY);
}

/** A share-link fragment for a workspace, packed as the app packs it. */
function fragment(ws) {
  return `#w=${zlib.deflateRawSync(Buffer.from(JSON.stringify(ws))).toString('base64url')}`;
}

describe('comparisons that stay true', () => {
  test('a strategy follows its base, except the fields it overrides; the comparison lists the differences', { timeout: TIMEOUT }, async () => {
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await openApp(context);
    await setField(page, '#setting-replications', '60');
    await page.selectOption('#add-strategy', 'recruit');
    await page.locator('#tab-1[aria-selected="true"]').waitFor();
    assert.match(await page.textContent('#tab-1'), /Recruit more carers \(\+50% enquiries, \+20% conversion\)/, 'named from its levers');
    await openGroups(page);
    // The strategy's own households.
    await setField(page, '#in-fostering-households', '140');
    await page.locator('#own-assumptions li[data-path="fostering.households"]').waitFor();
    // Now the baseline: admissions growth and households.
    await page.click('#tab-0');
    await page.locator('#tab-0[aria-selected="true"]').waitFor();
    await openGroups(page);
    await setField(page, '#in-demand-trend_per_year', '0.05');
    await setField(page, '#in-fostering-households', '170');
    await page.waitForFunction((k) => {
      const ws = JSON.parse(localStorage.getItem(k) || 'null');
      return ws && ws.scenarios[1].demand.trend_per_year === 0.05 && ws.scenarios[0].fostering.households === 170;
    }, KEY);
    const ws = await saved(page);
    assert.equal(ws.version, 2);
    assert.equal(ws.scenarios[1].demand.trend_per_year, 0.05, 'the strategy follows the baseline');
    assert.equal(ws.scenarios[1].fostering.households, 140, 'its own value stays');
    assert.deepEqual(ws.variants[0].overrides.map((o) => o.path), ['fostering.households']);
    // The form shows the strategy with the baseline's growth.
    await page.click('#tab-1');
    await page.locator('#tab-1[aria-selected="true"]').waitFor();
    await openGroups(page);
    assert.equal(Number(await page.inputValue('#in-demand-trend_per_year')), 0.05);
    assert.equal(Number(await page.inputValue('#in-fostering-households')), 140);
    // The comparison lists both differences with both values.
    await doneWithRuns(page, 60);
    const diffs = page.locator('#differences-1');
    await diffs.locator('li[data-path="fostering.households"]').waitFor();
    // The runs of the last edit may still be on their way when the runs before it are done:
    // the list shows the baseline's new value once they are.
    const households = 'li[data-path="fostering.households"]';
    await page.waitForFunction((sel) => /140.*170/.test(document.querySelector(`#differences-1 ${sel}`)?.textContent || ''), households, { timeout: 20000 }).catch(() => {});
    assert.match(await diffs.locator(households).textContent(), /140.*170/);
    assert.match(await diffs.locator('li[data-path="levers"]').textContent(), /Recruitment boost: \+50% enquiries, \+20% conversion, from month \d+.*a year in .*, against none in Baseline/);
    assert.equal(await diffs.locator('li').count(), 2, 'nothing else differs');
    // A difference of two shares is in percentage points, never "%" (a relative change).
    const share = page.locator('#chart-diff-in-house');
    assert.match(await share.locator('.chart-title').textContent(), /In-house share \(in percentage points\)/);
    const ticks = await share.locator('svg text').allTextContents();
    assert.ok(ticks.some((t) => / pts$/.test(t)), `axis in points: ${ticks.join('|')}`);
    assert.ok(ticks.every((t) => !t.includes('%')), `no % on the axis: ${ticks.join('|')}`);
    assert.match(await share.locator('svg').first().getAttribute('aria-label'), /median difference .*[\d.]+ points/);
    // Back to the base's value: it follows the baseline again.
    await page.click('#own-assumptions li[data-path="fostering.households"] button');
    await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k)).scenarios[1].fostering.households === 170, KEY);
    await page.screenshot({ path: path.join(artifacts, 'compare-follows.png') });
    await context.close();
  });

  test('head to head: a strategy compared with another gets the paired difference of those two', { timeout: TIMEOUT }, async () => {
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await openApp(context);
    await setField(page, '#setting-replications', '80');
    await setField(page, '#setting-horizon_months', '24');
    // Cabinet: a shock (admissions +20%), two strategies built on it, recruitment against homes.
    await page.click('#build-on');
    await page.locator('#tab-1[aria-selected="true"]').waitFor();
    await setField(page, '#in-name', 'Shock: admissions +20%');
    await openGroups(page);
    await setField(page, '#in-demand-groups_per_month', '12.24');
    await page.click('#build-on');
    await page.locator('#tab-2[aria-selected="true"]').waitFor();
    await page.selectOption('#add-lever', 'recruitment_boost');
    await page.click('#tab-1');
    await page.locator('#tab-1[aria-selected="true"]').waitFor();
    await page.click('#build-on');
    await page.locator('#tab-3[aria-selected="true"]').waitFor();
    await page.selectOption('#add-lever', 'new_homes');
    // Built on the shock, each is compared with the shock until told otherwise.
    await page.locator('#compare-with-3').waitFor();
    await page.locator('#status[data-status="done"]').waitFor();
    await page.locator('#differences-3 h4:has-text("against Shock: admissions +20%")').waitFor();
    assert.match(await page.textContent('#gap-parts-row-2'), /vs Shock: admissions \+20%/);
    // Homes (3) compared with recruitment (2).
    assert.equal(await page.locator('#compare-with-3 option').count(), 3, 'any other scenario');
    await page.selectOption('#compare-with-3', '2');
    await page.waitForFunction((k) => {
      const ws = JSON.parse(localStorage.getItem(k) || 'null');
      return ws && ws.variants.length === 3 && ws.variants[2].compare_with?.variant === ws.variants[1].id;
    }, KEY);
    // The comparison shown is the new one before its figures are read (the runs before the
    // change may be what is done).
    await page.locator('#differences-3 h4:has-text("against Recruitment boost")').waitFor();
    await doneWithRuns(page, 80);
    const cell = (i, label) => page.getAttribute(`#compare-row-${i} td[data-label="${label}"]`, 'data-value');
    const headToHead = [await cell(3, 'Cost difference'), await cell(3, 'Chance it costs less')];
    const ws = await saved(page);
    // The same two scenarios on their own, recruitment as the baseline: the same paired difference.
    const alone = { version: 1, settings: ws.settings, scenarios: [ws.scenarios[2], ws.scenarios[3]] };
    const other = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page2 = await openApp(other, fragment(alone));
    await doneWithRuns(page2, 80);
    const direct = [
      await page2.getAttribute('#compare-row-1 td[data-label="Cost difference"]', 'data-value'),
      await page2.getAttribute('#compare-row-1 td[data-label="Chance it costs less"]', 'data-value'),
    ];
    assert.deepEqual(headToHead, direct);
    assert.match(await page.textContent('#differences-3 h4'), /against Recruitment boost/, 'named as what it is compared with');
    // Every scenario has a name of its own, from its levers and what it is built on.
    const names = await page.$$eval('.tab', (ts) => ts.map((t) => t.textContent.trim()));
    assert.equal(new Set(names).size, names.length, `names are unique: ${names}`);
    assert.ok(names.some((n) => /Recruitment boost \(\+50% enquiries.*\) on Shock: admissions \+20%/.test(n)), `${names}`);
    assert.ok(names.some((n) => /New in-house children's homes \(\d+ homes?, \d+ beds?\) on Shock/.test(n)), `${names}`);
    // The comparison shows what the gap is made of, every scenario, with the difference.
    for (let i = 0; i < 4; i += 1) {
      const row = page.locator(`#gap-parts-row-${i} td`);
      assert.equal(await row.count(), 4);
      const parts = await row.evaluateAll((cs) => cs.map((c) => Number(c.dataset.value)));
      assert.ok(parts.every((v) => Number.isFinite(v) && v >= 0), `${parts}`);
    }
    assert.match(await page.textContent('#gap-parts-row-3'), /vs Recruitment boost/);
    // The summary names a scenario with its chance, or says plainly there is no clear difference.
    await page.locator('#compare-summary').waitFor();
    for (const [id, lead] of [['#summary-cheapest', 'Costs least:'], ['#summary-gap', 'Closes most of the gap:']]) {
      const text = (await page.textContent(id)).replace(/\s+/g, ' ');
      if (await page.getAttribute(id, 'data-clear') === 'true') {
        assert.match(text, new RegExp(`^${lead} .+(\\d+%|<1%|>99%) chance`), text);
      } else {
        assert.match(text, new RegExp(`^${lead} No clear difference in (cost|the gap)`), text);
      }
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(artifacts, 'compare-cabinet-top.png') });
    await page.locator('#compare').screenshot({ path: path.join(artifacts, 'compare-cabinet.png') });
    await other.close();
    await context.close();
  });

  for (const [width, height] of [[1280, 800], [768, 1024]]) {
    test(`eight scenarios fit at ${width} px without sideways scrolling of the key figures`, { timeout: TIMEOUT }, async () => {
      const context = await h.browser.newContext({ viewport: { width, height } });
      const page = await openApp(context);
      await setField(page, '#setting-replications', '40');
      const strategies = await page.$$eval('#add-strategy option', (os) => os.map((o) => o.value).filter(Boolean));
      for (let i = 1; i < 8; i += 1) {
        if (i <= strategies.length) await page.selectOption('#add-strategy', strategies[i - 1]);
        else await page.click('#duplicate-baseline');
        await page.locator(`#tab-${i}`).waitFor();
      }
      await page.locator('#compare-row-7').waitFor();
      await doneWithRuns(page, 40);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `page is ${overflow}px wider than the window`);
      const scrolled = await page.evaluate(() => [...document.querySelectorAll('#compare .table-wrap, #compare table, #compare-summary, .tabs')]
        .filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.id || e.className));
      assert.deepEqual(scrolled, [], 'parts that scroll sideways');
      // Every row's key figures are inside the window.
      const outside = await page.$$eval('#comparison-table td, #comparison-table th', (cells, w) => cells
        .filter((c) => c.getBoundingClientRect().right > w + 1).length, width);
      assert.equal(outside, 0);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: path.join(artifacts, `compare-eight-${width}.png`) });
      await page.locator('#comparison-table').screenshot({ path: path.join(artifacts, `compare-eight-${width}-table.png`) });
      await page.locator('#budget-years').screenshot({ path: path.join(artifacts, `compare-eight-${width}-years.png`) });
      await context.close();
    });
  }

  test('an old share link and old saved work open with the same numbers', { timeout: TIMEOUT }, async () => {
    const runs = OLD.saved_state.settings.replications;
    const linkContext = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const linked = await openApp(linkContext, OLD.share_fragment);
    // The engine's results have changed on purpose since the fixture was made (its
    // OLD.fingerprint), so "the same numbers" is checked as: the link and the saved work
    // give the same scenarios (natively: app::share tests) and so the same fingerprint here.
    const fromLink = await doneWithRuns(linked, runs);
    assert.match(fromLink, /^[0-9a-f]{16}$/);
    const kept = await saved(linked);
    assert.equal(kept.version, 2, 'saved again in the new form');
    assert.deepEqual(kept.variants[1].overrides.map((o) => o.path), ['fostering.households']);
    await linkContext.close();

    const savedContext = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await savedContext.addInitScript(([k, v]) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(k, v);
        sessionStorage.setItem('seeded', '1');
      }
    }, [KEY, JSON.stringify(OLD.saved_state)]);
    const page = await openApp(savedContext);
    assert.equal(await doneWithRuns(page, runs), fromLink);
    assert.equal(await page.locator('.tab').count(), 3);
    await savedContext.close();

    // The same scenarios entered fresh in the new form, not through the migration: each
    // built on the baseline with its levers and, as its own, every section that differs
    // (the defaults have changed since the fixture was made, so the form's defaults would
    // be other scenarios). The same numbers.
    const [base, ...others] = OLD.saved_state.scenarios;
    const own = (s) => Object.keys(s)
      .filter((k) => !['name', 'description', 'levers'].includes(k) && JSON.stringify(s[k]) !== JSON.stringify(base[k]))
      .map((k) => ({ path: k, value: s[k] }));
    const entered = {
      version: 2,
      settings: OLD.saved_state.settings,
      scenarios: OLD.saved_state.scenarios,
      variants: others.map((s, i) => ({
        id: i + 2, name: s.name, description: s.description ?? '', base: 'baseline', compare_with: 'baseline',
        levers: s.levers ?? [], overrides: own(s),
      })),
    };
    assert.ok(entered.variants[1].overrides.some((o) => o.path === 'fostering'), 'the homes scenario holds its own households');
    const freshContext = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const fresh = await openApp(freshContext, fragment(entered));
    assert.equal(await doneWithRuns(fresh, runs), fromLink, 'entered fresh: the same numbers as the old link and saved work');
    await freshContext.close();
  });

  test('expected overspend against your budget; a copy of the baseline is no clear difference', { timeout: TIMEOUT }, async () => {
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await openApp(context);
    await setField(page, '#setting-replications', '60');
    await setField(page, '#setting-horizon_months', '24');
    await page.click('#duplicate-baseline');
    await page.locator('#tab-1').waitFor();
    await doneWithRuns(page, 60);
    // Identical scenarios on the same futures: the summary names no winner.
    for (const id of ['#summary-cheapest', '#summary-gap']) {
      assert.equal(await page.getAttribute(id, 'data-clear'), 'false');
      assert.match(await page.textContent(id), /No clear difference/);
    }
    // The tile and the year table give the expected overspend, with its definition.
    await page.click('#tab-0');
    assert.match(await page.textContent('#tile-overspend'), /Expected overspend £[\d.]+M \(±\s£[\d.]+M\): the average over budget/);
    const before = await page.$$eval('#budget-years-table .expected-overspend', (es) => es.map((e) => Number(e.dataset.value)));
    assert.ok(before.length >= 2 && before.every((v) => v >= 0), `${before}`);
    assert.match(await page.textContent('#expected-overspend-definition'), /counting every future within budget as £0/);
    // A budget no future reaches in the first full year: nothing expected over it, no chance.
    await page.evaluate(() => { document.querySelector('#budget-editor').open = true; });
    await setField(page, '#budget-year-1', '10000000000');
    await page.waitForFunction(() => {
      const es = [...document.querySelectorAll('#budget-years-table tbody tr:nth-child(2) .expected-overspend')];
      return es.length === 2 && es.every((e) => Number(e.dataset.value) === 0);
    });
    await doneWithRuns(page, 60);
    assert.match(await page.textContent('#budget-years-table tbody tr:nth-child(2)'), /<1% chance over/);
    await context.close();
  });

  test('a start later than the figures says so, and prices can be rolled forward', { timeout: TIMEOUT }, async () => {
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await openApp(context);
    assert.match(await page.textContent('#data-note'), /Example borough modelled on Rotherham's published figures, as at June 2020/);
    assert.equal(await page.locator('#start-note').count(), 0);
    await openGroups(page);
    await setField(page, '#in-start_year', '2024');
    await page.locator('#start-note').waitFor();
    assert.match(await page.textContent('#start-note'), /Starts in July 2024.*as at June 2020/);
    await page.click('#roll-prices');
    await page.locator('#start-note:has-text("prices were rolled forward")').waitFor();
    const ws = await saved(page);
    assert.ok(ws.scenarios[0].costs.weekly.ifa > 827 * 1.08, 'IFA price rolled forward four years');
    assert.equal(ws.scenarios[0].population.children, 601, 'children are not rolled forward');
    await page.screenshot({ path: path.join(artifacts, 'compare-start-note.png') });
    await context.close();
  });

  test('nothing was thrown in the pages', () => {
    assert.deepEqual(problems.filter((p) => !p.includes('unreachable')), []);
  });
});
