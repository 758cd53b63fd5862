// End-to-end, as a scrutiny councillor would use it: "What matters most" draws the tornado
// and then the global ranking (all assumptions varying together) with progress, "What if this is wrong?" from a field in the form gives the results at the
// low and high end of its range, "What would it take?" gives an answer, and the sentence
// beside every fan says what its bands include and changes with the uncertainty switch
// (which is remembered).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useHarness } from './harness.mjs';

const h = useHarness(import.meta.url);
const { artifacts } = h;
const TIMEOUT = 600_000;

async function setField(page, selector, text) {
  await page.fill(selector, text);
  await page.press(selector, 'Tab');
}

async function waitDone(page) {
  await page.locator('#status[data-status="done"]').waitFor();
}

/** The sentences under the fans, and how many fans there are. */
async function bandNotes(page) {
  return page.evaluate(() => ({
    fans: document.querySelectorAll('figure.fan-chart').length,
    notes: [...document.querySelectorAll('figure.fan-chart')].map((f) => f.closest('.fan-with-note')?.querySelector('.bands-note')?.textContent ?? ''),
  }));
}

test('what matters most, what if this is wrong, what would it take, and the bands sentence', { timeout: TIMEOUT }, async () => {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${h.baseUrl}?workers=2`);
  await page.locator('#run').waitFor();
  // Few runs over two years: the same steps a councillor takes, quicker.
  await setField(page, '#setting-replications', '60');
  await setField(page, '#setting-horizon_months', '24');
  await waitDone(page);

  // Every fan says its bands are chance only.
  let b = await bandNotes(page);
  assert.ok(b.fans >= 3, `fans shown: ${b.fans}`);
  assert.equal(b.notes.length, b.fans, 'a sentence beside every fan');
  assert.ok(b.notes.every((n) => n.length > 0), 'every fan has its sentence');
  for (const n of b.notes) assert.match(n, /^Bands show chance only: the assumptions are held at their values/);

  // What matters most, for children without a suitable placement.
  await page.click('#to-scrutiny');
  await page.selectOption('#sensitivity-outcome', 'no_suitable');
  await page.click('#sensitivity-run');
  await page.locator('#sensitivity-progress').waitFor({ state: 'attached' });
  const progressMax = Number(await page.getAttribute('#sensitivity-progress', 'max'));
  // The tornado's 23 simulations a run (29 variants, the 6 of the cost-only assumptions priced
  // again from the baseline's futures, not simulated) and then the global ranking's 60 samples.
  assert.equal(progressMax, 60 * 23 + 60, `progress counts every simulation of both rankings: ${progressMax}`);
  await page.locator('#tornado').waitFor();
  // The tornado shows at once; the global ranking follows, the progress still shown meanwhile.
  const mid = await page.evaluate(() => ({
    ranking: document.querySelector('#global-ranking') != null,
    pending: document.querySelector('#ranking-pending') != null,
    progress: document.querySelector('#sensitivity-progress')?.value ?? null,
  }));
  if (!mid.ranking) {
    assert.ok(mid.pending, 'the ranking is said to be running');
    assert.ok(mid.progress >= 60 * 23, `progress past the tornado: ${mid.progress}`);
  }
  await page.locator('#global-ranking').waitFor();
  assert.equal(await page.locator('#sensitivity-progress').count(), 0, 'progress gone when done');
  assert.equal(await page.getAttribute('#global-ranking', 'data-samples'), '60');
  // Prices cannot move where children live: left out of both charts for this outcome, with
  // one sentence saying so, rather than drawn as empty rows.
  assert.equal(await page.locator('#global-ranking .ranking-row').count(), 11, 'every assumption but the 3 prices ranked');
  assert.match(await page.textContent('#ranking-prices-left-out'), /^Prices \(weekly fees, price inflation\) are left out/);
  const ranked = await page.textContent('#global-ranking figcaption');
  assert.match(ranked, /With all the assumptions uncertain together/);
  assert.match(ranked, /Together these assumptions explain about \d+% of the run-to-run differences in the outcome; the rest is chance/);
  // Plain English for councillors: the statistic's name only on hover.
  assert.doesNotMatch(ranked, /R²|regression|coefficient|variance/);
  assert.match(await page.getAttribute('#ranking-explained', 'title'), /R² of a straight-line fit/);
  assert.match(ranked, /moves by half its usual spread/);
  assert.match(await page.textContent('#ranking-difference'), /one assumption moves at a time/);
  const bars = Number(await page.getAttribute('#tornado', 'data-bars'));
  assert.equal(bars, 11, 'one bar per uncertain assumption but the 3 prices');
  assert.equal(await page.locator('#tornado .tornado-row').count(), 11);
  assert.equal(await page.locator('#tornado .tornado-row[data-path^="costs."]').count(), 0, 'no empty price rows');
  assert.match(await page.textContent('#tornado-prices-left-out'),
    /^Prices \(weekly fees, price inflation\) are left out: they change what placements cost, not where children live/);
  // Every bar's ends in the form's words, not bare settings ("0.1", "×0.75").
  const tips = await page.$$eval('#tornado .tornado-row title', (ts) => ts.map((t) => t.textContent));
  const early = tips.find((t) => t.startsWith('Carers leaving in their first two years:'));
  assert.match(early, /at the low end \(about 9\.5% each year\).*at the high end \(about 26% each year\)/, early);
  const table = tips.find((t) => t.startsWith('Placement breakdown rate, children under 11:'));
  assert.match(table, /at the low end \(25% lower than as given\).*at the high end \(33% higher than as given\)/, table);
  // A long label wraps onto two lines instead of being cut off.
  const labels = await page.$$eval('#tornado .tornado-row text', (ts) => ts.map((t) => [...t.querySelectorAll('tspan')].map((l) => l.textContent)));
  const longLabel = labels.find((l) => l[0].startsWith('Chance an agency carer'));
  assert.equal(longLabel.length, 2, `two lines: ${longLabel}`);
  assert.equal(longLabel.join(' '), 'Chance an agency carer is found for a complex-needs adolescent');
  const caption = await page.textContent('#tornado figcaption');
  assert.match(caption, /with every assumption as the scenario gives it \(60 runs each\)/);
  assert.match(caption, /the longer the bar, the more the answer depends/);
  assert.match(await page.textContent('#tornado svg'), /as given/);
  await page.locator('#what-matters-most').screenshot({ path: path.join(artifacts, 'scrutiny-tornado.png') });
  await page.locator('#global-ranking').screenshot({ path: path.join(artifacts, 'scrutiny-global-ranking.png') });

  // What if carers leave faster or slower, from the field in the form.
  const tabsBefore = await page.locator('[role="tab"]').count();
  await page.click('#group-fostercarers > summary');
  const hook = page.locator('aside button.what-if-button[data-path="fostering.attrition_early"]');
  await hook.scrollIntoViewIfNeeded();
  await page.locator('aside').screenshot({ path: path.join(artifacts, 'scrutiny-field-hook.png') });
  await hook.click();
  await page.locator('#what-if-answer[data-path="fostering.attrition_early"]').waitFor();
  const readRows = () => page.$$eval('#what-if-answer tbody tr', (trs) => trs.map((tr) => ({
    metric: tr.dataset.metric,
    cells: [...tr.querySelectorAll('td')].map((td) => td.childNodes[0].textContent),
    changes: [...tr.querySelectorAll('td')].map((td) => td.querySelector('.change')?.textContent ?? null),
  })));
  const rows = await readRows();
  assert.deepEqual(rows.map((r) => r.metric), ['cost', 'gap', 'no_suitable', 'in_house_share', 'in_care']);
  const cost = rows[0].cells;
  assert.equal(cost.length, 3);
  assert.notEqual(cost[0], cost[2], `low and high differ: ${cost}`);
  for (const c of cost) assert.match(c, /^£[\d,]+\.\dM$/, `cost in the app's unit: ${c}`);
  // Each change from as given carries its simulation noise; the column as given has none.
  assert.equal(rows[0].changes[1], null);
  for (const r of rows) {
    for (const i of [0, 2]) assert.match(r.changes[i], /^[+\u2212]?[£\d,.]+M? \u00b1 [£\d,.]+M?( points)?( \(within simulation noise\))?$/, `${r.metric}: ${r.changes[i]}`);
  }
  // The list names the assumption answered for, not the first in the list.
  assert.equal(await page.inputValue('#what-if-assumption'), 'fostering.attrition_early');
  const answerText = await page.textContent('#what-if-answer');
  assert.match(answerText, /plausible range/);
  // The range and the ends in the words the form uses beside the field, not bare rates.
  assert.match(await page.textContent('#what-if-range'),
    /^Carers leaving in their first two years: plausible range 0\.1 to 0\.3 a year \(about 9\.5% to 26% each year\) \(built-in value about 16% each year\)\.$/);
  const heads = await page.$$eval('#what-if-answer thead th', (ths) => ths.map((th) => th.textContent));
  assert.deepEqual(heads, ['Outcome', 'At the low end (about 9.5% each year)', 'As in the scenario', 'At the high end (about 26% each year)']);
  assert.match(answerText, /not a strategy/);
  // A sensitivity adds nothing to the comparison.
  assert.equal(await page.locator('[role="tab"]').count(), tabsBefore, 'no scenario added');
  await page.locator('#what-if').screenshot({ path: path.join(artifacts, 'scrutiny-what-if.png') });

  // "What if carers leave 30% faster?": a change of one's own, refused by name when unreadable.
  await page.fill('#what-if-own', 'faster');
  assert.match(await page.textContent('#what-if-own-error'), /^Your own change: type a percentage/);
  assert.equal(await page.isDisabled('#what-if-run'), true);
  // A disabled button says why, on hover and beside it (its accessible description).
  assert.equal(await page.getAttribute('#what-if-run', 'title'), 'Correct your own change first (or leave it empty).');
  assert.equal(await page.getAttribute('#what-if-run', 'aria-describedby'), 'what-if-run-why');
  assert.equal(await page.textContent('#what-if-run-why'), 'Correct your own change first (or leave it empty).');
  await page.fill('#what-if-own', '30');
  assert.equal(await page.locator('#what-if-own-error').count(), 0);
  await page.click('#what-if-run');
  await page.locator('#what-if-answer th:has-text("Your change (30% more than as given: about 16% each year \u2192 about 21% each year)")').waitFor();
  const own = await readRows();
  for (const r of own) {
    assert.equal(r.cells.length, 4, `${r.metric}: four columns`);
    assert.match(r.changes[3], / \u00b1 /, `${r.metric}: ${r.changes[3]}`);
  }
  // Carers leaving faster leaves fewer children in-house.
  const share = own.find((r) => r.metric === 'in_house_share');
  assert.ok(parseFloat(share.cells[3]) < parseFloat(share.cells[1]), `in-house share ${share.cells}`);
  assert.equal(await page.locator('[role="tab"]').count(), tabsBefore, 'still no scenario added');
  await page.locator('#what-if').screenshot({ path: path.join(artifacts, 'scrutiny-what-if-own.png') });

  // A multiplier of a table: the change says in words what it did to the table's values.
  await page.selectOption('#what-if-assumption', 'stability.breakdown_child');
  await page.fill('#what-if-own', '10');
  await page.click('#what-if-run');
  await page.locator('#what-if-answer[data-path="stability.breakdown_child"]').waitFor();
  const tableHeads = await page.$$eval('#what-if-answer thead th', (ths) => ths.map((th) => th.textContent));
  assert.deepEqual(tableHeads.slice(1), ['At the low end (25% lower than as given)', 'As in the scenario',
    'At the high end (33% higher than as given)',
    'Your change (10% more than as given: every one of its 9 values, so the largest, about 26% each year, becomes about 28% each year)']);

  // What would it take: beds in a new home so that no more than 20 children lack a suitable
  // placement at the end, in 8 of 10 futures.
  await page.selectOption('#goal-lever', 'new_home_beds');
  await page.selectOption('#goal-measure', 'no_suitable');
  await page.selectOption('#goal-direction', 'at_most');
  await page.fill('#goal-target', 'twenty');
  await page.click('#goal-run');
  assert.match(await page.textContent('#goal-problem'), /Target: enter a number/);
  await page.fill('#goal-target', '4');
  await page.click('#goal-run');
  await page.locator('#goal-progress').waitFor({ state: 'attached' });
  await page.locator('#goal-answer').waitFor();
  const summary = await page.textContent('#goal-summary');
  assert.match(summary, /reaches the target in at least 80 in 100 futures \(\d+ in 100 of these runs\)|No setting up to/);
  assert.match(await page.textContent('#goal-answer'), /Average cost to that month: £[\d.,]+M? without the lever, £[\d.,]+M? with it/);
  await page.locator('#goal-seek').screenshot({ path: path.join(artifacts, 'scrutiny-goal.png') });

  // Include uncertainty in the assumptions: the fans say so, and it is remembered.
  await page.check('#setting-uncertainty');
  await page.locator('#status[data-status="running"]').waitFor({ state: 'attached' }).catch(() => {});
  await waitDone(page);
  await page.waitForFunction(() => [...document.querySelectorAll('.fan-with-note .bands-note')]
    .every((p) => p.textContent.startsWith("Bands show chance and the assumptions' plausible ranges")));
  b = await bandNotes(page);
  for (const n of b.notes) assert.match(n, /^Bands show chance and the assumptions' plausible ranges/);
  // The run settings changed, so every answer above is out of date and says so.
  for (const id of ['#tornado-stale', '#what-if-stale', '#goal-stale']) {
    assert.match(await page.textContent(id), /^Out of date: the scenario or the run settings have changed/);
  }
  await page.locator('#what-if').screenshot({ path: path.join(artifacts, 'scrutiny-what-if-stale.png') });
  await page.locator('#results .fan-with-note').first().screenshot({ path: path.join(artifacts, 'scrutiny-bands.png') });
  await page.waitForTimeout(1500);
  await page.reload();
  await page.locator('#setting-uncertainty').waitFor();
  assert.equal(await page.isChecked('#setting-uncertainty'), true, 'the switch is remembered');
  assert.deepEqual(problems, []);
  await context.close();
});
