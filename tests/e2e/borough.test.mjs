// End-to-end: a council's own SSDA903 returns. The public synthetic returns (read from
// SSDA903_FIXTURES, /work/shared/fixtures/ssda903 by default; never copied here) and the
// engine's small fixtures are chosen in the page, imported and fitted in a worker; the
// data-quality report, the fit review, accepting it, the run, the observed history and the
// hindcast's verdict are checked and screenshotted (tests/e2e/artifacts/borough-*.png).
// After acceptance the form marks every accepted fitted value "Estimated from your returns
// (N ..., window) ± u; default was X" and what the return cannot inform "Not from your
// returns: confirm or enter", also after a reload; a hindcast can be cancelled while it
// runs, and the panel is usable again.
// Privacy: no request leaves the page, and none of the returns' CHILD ids, dates of birth
// or postcodes is in anything written: localStorage, the share link, the downloaded
// scenarios, results and report, or the console.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { useHarness } from './harness.mjs';

const h = useHarness(import.meta.url);
const { repo, artifacts } = h;
const FIXTURES = process.env.SSDA903_FIXTURES || path.resolve(repo, '../../shared/fixtures/ssda903');
const SHARED = fs.existsSync(FIXTURES) ? FIXTURES : '/work/shared/fixtures/ssda903';
const SMALL = path.join(repo, 'crates/engine/tests/fixtures/ssda903');
const TIMEOUT = 300_000;

/** Every file of `dir` ending in .csv or .xml. */
function returnFiles(dir) {
  return fs.readdirSync(dir).filter((f) => /\.(csv|xml)$/i.test(f)).map((f) => path.join(dir, f));
}

/** What identifies a child in these files: CHILD ids, dates of birth (as written and as
 *  YYYY-MM-DD) and postcodes (as written and without the space). */
function identifiers(files) {
  const ids = new Set();
  const dobs = new Set();
  const postcodes = new Set();
  const addDob = (d) => {
    d = d.trim();
    if (!d) return;
    dobs.add(d);
    const m = d.match(/^(\d{2})\/(\d{2})\/(\d{4})$/);
    if (m) dobs.add(`${m[3]}-${m[2]}-${m[1]}`);
  };
  const addPost = (p) => {
    p = p.trim();
    if (p.length < 5) return;
    postcodes.add(p);
    postcodes.add(p.replace(/\s+/g, ''));
  };
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    if (file.endsWith('.xml')) {
      for (const [, v] of text.matchAll(/<CHILDID>([^<]*)<\/CHILDID>/g)) if (v.trim()) ids.add(v.trim());
      for (const [, v] of text.matchAll(/<(?:DOB|MC_DOB)>([^<]*)<\/(?:DOB|MC_DOB)>/g)) addDob(v);
      for (const [, v] of text.matchAll(/<(?:HOME_POST|PL_POST)>([^<]*)<\/(?:HOME_POST|PL_POST)>/g)) addPost(v);
      continue;
    }
    const [head, ...rows] = text.split(/\r?\n/).filter((l) => l.trim());
    const cols = head.split(',').map((c) => c.trim().toUpperCase());
    const at = (name) => cols.indexOf(name);
    for (const row of rows) {
      const cells = row.split(',');
      const id = cells[at('CHILD')]?.trim();
      if (id) ids.add(id);
      for (const c of ['DOB', 'MC_DOB']) if (at(c) >= 0 && cells[at(c)]) addDob(cells[at(c)]);
      for (const c of ['HOME_POST', 'PL_POST']) if (at(c) >= 0 && cells[at(c)]) addPost(cells[at(c)]);
    }
  }
  return { ids: [...ids], dobs: [...dobs], postcodes: [...postcodes] };
}

/** The identifiers found in `text`. An identifier must stand alone (not part of a longer
 *  number or word). A CHILD id that is a number is told apart from the figures around it
 *  only when it is long: ids of 6 or more digits are looked for everywhere except in
 *  `figures` outputs (the results CSV and the report, whose money figures have as many
 *  digits), and shorter ones only as JSON strings ("24"), as an id would be kept. */
function leaks(text, { ids, dobs, postcodes }, figures = false) {
  const found = [];
  const quote = (v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const alone = (v) => new RegExp(`(?<![0-9A-Za-z.])${quote(v)}(?![0-9A-Za-z])`);
  for (const id of ids) {
    const numeric = /^\d+$/.test(id);
    const hit = !numeric || (id.length >= 6 && !figures) ? alone(id).test(text) : text.includes(`"${id}"`);
    if (hit) found.push(`CHILD ${id}`);
  }
  for (const d of dobs) if (text.includes(d)) found.push(`DOB ${d}`);
  for (const p of postcodes) if (alone(p).test(text)) found.push(`postcode ${p}`);
  return found;
}

/** A page that records every request it makes and every console message. */
async function openApp(context) {
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const seen = { requests: [], console: [], errors: [] };
  page.on('request', (r) => seen.requests.push(r.url()));
  page.on('console', (m) => seen.console.push(m.text()));
  page.on('pageerror', (e) => seen.errors.push(e.message));
  await page.goto(`${h.baseUrl}?workers=2`);
  await page.locator('#run').waitFor();
  await page.locator('#status[data-status="done"]').waitFor();
  return { page, seen };
}

/** Opens the panel, chooses `files`, waits for the answer. */
async function importReturns(page, files) {
  await page.click('#open-borough');
  await page.setInputFiles('#borough-files', files);
  await page.locator('#borough-quality').waitFor();
  await page.locator('#borough-progress').waitFor({ state: 'detached' });
}

/** Everything the page has written: localStorage, the share link (decoded), the
 *  downloaded scenarios, results and report. */
async function written(page) {
  const out = {};
  out.localStorage = await page.evaluate(() => JSON.stringify(Object.entries(localStorage)));
  await page.click('#share');
  const url = await page.inputValue('#share-url');
  const packed = url.slice(url.indexOf('#w=') + 3);
  out.shareUrl = url;
  out.shareLink = zlib.inflateRawSync(Buffer.from(packed, 'base64url')).toString('utf8');
  out.pageUrl = page.url();
  for (const [name, button] of [['scenarios', '#download-json'], ['results', '#download-csv'], ['report', '#report-download']]) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
    out[name] = fs.readFileSync(await download.path(), 'utf8');
  }
  return out;
}

function assertNothingLeaks(outputs, who, seen) {
  for (const [where, text] of Object.entries(outputs)) {
    assert.deepEqual(leaks(text, who, where === 'results' || where === 'report'), [], `no identifier in ${where}`);
  }
  assert.deepEqual(leaks(seen.console.join('\n'), who), [], 'no identifier in the console');
  const origin = new URL(h.baseUrl).origin;
  const away = seen.requests.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(away, [], 'no request leaves the page');
  assert.deepEqual(seen.errors, [], 'no page error');
}

/** The form's marks on the accepted fit (window 2 years to 31 March 2022; breakdowns kept
 *  as the baseline's; foster households entered). */
async function checkFormMarks(page, when) {
  const mark = (p) => page.locator(`.field[data-path="${p}"] .from-returns`).first();
  await mark('demand.groups_per_month').waitFor({ state: 'attached' });
  const rate = await mark('demand.groups_per_month').textContent();
  assert.match(rate, /^Estimated from your returns \(\d[\d,]* months, Apr 2020 – Mar 2022\) ± \d[\d.]*; default was \d[\d.]*$/, `${when}: ${rate}`);
  const routes = await mark('exits.route_by_entry_age').textContent();
  assert.match(routes, /^Estimated from your returns \(\d[\d,–]* periods of care, Apr 2020 – Mar 2022\): \d+ of these values/, `${when}: ${routes}`);
  assert.match(routes, /: 0\.\d+ ± 0\.\d+; default was 0\.\d+/, `${when}: each element with its uncertainty and default`);
  assert.equal(await page.locator('[data-path="stability.breakdown_child"] .from-returns').count(), 0, `${when}: breakdowns kept as the baseline's are not marked`);
  const kept = await page.locator('.field[data-path="fostering.households"] .not-from-returns').textContent();
  assert.equal(kept, 'Not from your returns: confirm or enter', when);
  assert.equal(await page.locator('.field[data-path="costs.budget_per_year"] .not-from-returns').count(), 1, `${when}: costs`);
}

describe('your own borough', () => {
  test('five annual returns: quality report, fit reviewed and accepted, run, history and hindcast, nothing identifying written', { timeout: TIMEOUT }, async () => {
    const files = returnFiles(path.join(SHARED, 'd2i-sample'));
    assert.equal(files.length, 15, 'the five d2i returns (episodes, header, UASC)');
    const who = identifiers(files);
    assert.ok(who.ids.length > 500 && who.dobs.length > 500 && who.postcodes.length > 500, 'identifiers read from the fixtures');
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.baseUrl });
    const { page, seen } = await openApp(context);
    await importReturns(page, files);

    // The data-quality report: every file, its year read from its dates, counts by reason.
    const summary = await page.textContent('#borough-quality-summary');
    assert.match(summary, /^\d[\d,]* children, \d[\d,]* periods of care and \d[\d,]* placements from 15 files \(returns 2017\/18, 2018\/19, 2019\/20, 2020\/21, 2021\/22\)/);
    assert.equal(await page.locator('.quality-file').count(), 15);
    const ids = await page.locator('.child-ids .ids').allTextContents();
    assert.ok(ids.length > 0, 'the CHILD ids behind dropped or repaired rows are shown on screen');
    await page.screenshot({ path: path.join(artifacts, 'borough-quality.png'), fullPage: false });

    // The fit: values beside the ones they replace, from the returns, as at the last date.
    assert.equal(await page.inputValue('#borough-as-at'), '2022-03-31');
    assert.equal(await page.inputValue('#borough-window'), '3');
    assert.match(await page.textContent('#borough-window-dates'), /from 2019-04-01 to 2022-03-31/);
    const sources = await page.locator('.fit-source').allTextContents();
    assert.ok(sources.length >= 10, `fitted values listed (${sources.length})`);
    assert.ok(sources.every((s) => /estimated from your returns/.test(s)), 'each says where it comes from');
    assert.match(await page.textContent('#borough-not-from-return'), /not from the return — confirm or enter/);
    // In plain English: rows named by age band and exit route (not indices), kept values by
    // their labels (not field paths), no sibling group size of 1 made up from no groups.
    const labels = await page.locator('.fit-values th[scope="row"]').allTextContents();
    assert.ok(labels.every((l) => !/\[\d/.test(l)), `no indices in the labels: ${labels.filter((l) => /\[/.test(l))}`);
    assert.ok(labels.includes('How care ends, by age at entry: 10-15, Return home'), 'a route named by its age band and exit');
    for (const list of await page.locator('#borough-not-from-return .kept-list').allTextContents()) {
      assert.doesNotMatch(list, /\b(demand|stability|exits|fostering)\.[a-z_]/, 'kept values by their labels');
    }
    assert.match(await page.textContent('.kept-too-few'), /Children per admission \(sibling groups\): in the return, but none of the \d+ children/);
    assert.match(await page.textContent('#borough-quality'), /865 periods of care have a home postcode, but none shared a postcode and a start date/);
    // A shorter window refits.
    await page.fill('#borough-window', '2');
    await page.press('#borough-window', 'Tab');
    await page.locator('#borough-window-dates', { hasText: 'from 2020-04-01' }).waitFor();
    // Keep the defaults for breakdowns; enter the number of foster households.
    await page.locator('#fit-group-stability input.accept-group').uncheck();
    await page.fill('#borough-enter-fostering-households', '120');
    await page.press('#borough-enter-fostering-households', 'Tab');
    await page.locator('#borough-review').screenshot({ path: path.join(artifacts, 'borough-review.png') });

    // Accept as the baseline: it runs like any other scenario.
    await page.click('#borough-accept-baseline');
    await page.locator('#borough-accepted').waitFor();
    await page.locator('#status[data-status="done"]').waitFor();
    const households = await page.evaluate(() => {
      const ws = JSON.parse(localStorage.getItem('sufficiency.workspace.v1') || 'null');
      return ws && (ws.workspace || ws).scenarios?.[0]?.fostering?.households;
    });
    assert.equal(households, 120, 'the entered value is in the saved baseline');

    // The form marks where each value came from, beside it.
    await checkFormMarks(page, 'after acceptance');
    // The returns hold no costs or homes: the tiles say their money is the built-in borough's.
    await page.locator('#status[data-status="done"]').waitFor();
    assert.match(await page.textContent('#results-money-built-in'), /^Your borough's children, with the built-in borough's (costs and budget|council children's homes).*: these are not in a return, so the money figures below are illustrative/);
    await page.locator('.field[data-path="demand.groups_per_month"]').screenshot({ path: path.join(artifacts, 'borough-form-demand.png') });
    await page.locator('#group-exits > summary').click();
    await page.locator('[data-path="exits.route_by_entry_age"] details.from-returns > summary').click();
    await page.locator('.field[data-path="exits.route_by_entry_age"]').screenshot({ path: path.join(artifacts, 'borough-form-exits.png') });
    await page.locator('.field[data-path="exits.return_home.mean_months"]').screenshot({ path: path.join(artifacts, 'borough-form-duration.png') });
    await page.locator('#group-fostercarers > summary').click();
    await page.locator('.field[data-path="fostering.households"]').screenshot({ path: path.join(artifacts, 'borough-form-kept.png') });

    // The observed history, then the forecast from the month after the as-at date.
    const history = page.locator('#observed-history');
    await history.locator('#history-in-care .fan-band').waitFor();
    assert.equal(await history.locator('.forecast-start').count(), 4);
    await history.screenshot({ path: path.join(artifacts, 'borough-history.png') });

    // A hindcast cancelled while it runs: its worker is stopped, nothing of it arrives
    // later, and the panel is usable again (the next hindcast below runs).
    await page.fill('#hindcast-date', '2019-06-30');
    await page.click('#hindcast-run');
    await page.locator('#hindcast-progress').waitFor();
    await page.click('#hindcast-cancel', { timeout: 10_000 });
    await page.locator('#borough-cancelled').waitFor();
    assert.equal(await page.locator('#hindcast-progress').count(), 0, 'no hindcast under way');
    assert.equal(await page.locator('#borough-progress').count(), 0, 'nothing under way');
    await page.waitForTimeout(2000);
    assert.equal(await page.locator('#hindcast-result').count(), 0, 'no result from the cancelled hindcast');
    await page.locator('#borough-hindcast').screenshot({ path: path.join(artifacts, 'borough-hindcast-cancelled.png') });

    // The hindcast: fitted as at 31 March 2020 with only the data before it.
    await page.fill('#hindcast-date', '2020-03-31');
    await page.click('#hindcast-run');
    const verdict = page.locator('#hindcast-verdict');
    await verdict.waitFor();
    const text = await verdict.textContent();
    assert.match(text, /^Projected from 2020-03-31 with only the data before it, the number of children in care stayed inside the model's 10-90% band in \d+ of 24 months \(\d+%\)/);
    assert.match(text, /After 12 months the median forecast was \d+ against \d+ observed/);
    assert.match(text, /After 24 months/);
    // A band that misses most months and a median far out is called poor, not fair.
    assert.match(text, /A poor track record: .*median forecast was \d+% out/);
    assert.equal(await page.locator('#borough-cancelled').count(), 0, 'the cancelled note goes with the next request');
    await page.locator('#borough-hindcast').screenshot({ path: path.join(artifacts, 'borough-hindcast.png') });
    // ...and it is the report's track record.
    await page.locator('#report-track-record .verdict', { hasText: 'Projected from 2020-03-31' }).waitFor({ state: 'attached' });

    // Nothing identifying in anything written.
    assertNothingLeaks(await written(page), who, seen);
    await page.screenshot({ path: path.join(artifacts, 'borough-page.png'), fullPage: true });

    // The marks are saved with the work: after a reload they are still there.
    await page.reload();
    await page.locator('#status[data-status="done"]').waitFor();
    await checkFormMarks(page, 'after a reload');
    await context.close();
  });

  test('the validator\'s fake returns (CSV and XML, many invalid) and the small fixtures: a sensible report, no panic, nothing identifying written', { timeout: TIMEOUT }, async () => {
    const files = [
      ...returnFiles(path.join(SHARED, 'validator-fake')),
      ...returnFiles(path.join(SMALL, 'stitch')),
    ];
    const who = identifiers(files);
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.baseUrl });
    const { page, seen } = await openApp(context);
    await importReturns(page, files);
    assert.equal(await page.locator('.quality-file').count(), files.length);
    const report = await page.textContent('#borough-quality');
    assert.match(report, /whole return \(XML\)/);
    assert.match(report, /dropped/);
    // Two returns of 2017/18 with no children in common: the analyst is asked to check.
    assert.match(await page.textContent('.quality-warnings'), /Check: “episodes\.csv” \(\d+ children\) and “fake_903\.xml” \(\d+ children\) are both 2017\/18 returns but have no children in common/);
    // The fit is offered (or refused with its reason); either way it can be added.
    const review = await page.locator('#borough-review').count();
    const refused = await page.locator('#borough-fit-error').count();
    assert.equal(review + refused, 1, 'a fit or its reason');
    if (review) {
      await page.click('#borough-accept-new');
      await page.locator('#tab-1').waitFor();
      await page.locator('#status[data-status="done"]').waitFor();
    }
    await page.screenshot({ path: path.join(artifacts, 'borough-fake.png'), fullPage: false });
    assertNothingLeaks(await written(page), who, seen);
    await context.close();
  });
});
