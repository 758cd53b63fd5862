// End-to-end: the form reads in plain English. In the default view no field path, "hazard"
// or distribution name is visible (with every section and explanation opened); the
// modelling-detail switch shows them and is remembered; an uncertain assumption shows its
// plausible range beside the value; a source's numbered citation opens its entry in the
// References view; a term in a label opens the glossary at its entry; a headline tile gives
// its definition on hover and to the keyboard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useHarness } from './harness.mjs';

const h = useHarness(import.meta.url);
const { artifacts } = h;
const TIMEOUT = 180_000;

const SECTIONS = 'demand|population|exits|fostering|residential|markets|matching|stability|costs|levers';
/** Field paths (`fostering.attrition_early`), snake_case names and the model's jargon. */
const JARGON = [
  new RegExp(`\\b(${SECTIONS})\\.[a-z_]+`),
  /\b[a-z]+_[a-z_]+\b/,
  /hazard/i,
  /\bgamma\b/i,
  /lognormal/i,
  /exponential/i,
];

async function openPage(context) {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${h.baseUrl}?workers=1`);
  await page.locator('.field[data-path="fostering.attrition_early"]').waitFor({ state: 'attached' });
  return { page, problems };
}

/** Opens every section of the form and every explanation, source and range in it. */
async function openAllDetails(page) {
  await page.locator('aside.side-col').evaluate((el) => {
    for (const d of el.querySelectorAll('details')) d.open = true;
  });
}

/** The text a reader sees in the form (innerText leaves out what is hidden). */
const formText = (page) => page.locator('aside.side-col').evaluate((el) => el.innerText);

test('the default form reads in plain English; the switch shows the modelling detail', { timeout: TIMEOUT }, async () => {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, problems } = await openPage(context);
  assert.equal(await page.isChecked('#advanced-view'), false, 'plain by default');
  await openAllDetails(page);
  const plain = await formText(page);
  assert.ok(plain.length > 5000, 'the form and its explanations are open');
  const found = [];
  for (const pattern of JARGON) {
    for (const m of plain.matchAll(new RegExp(pattern.source, `${pattern.flags}g`))) {
      found.push(`${m[0]}: …${plain.slice(Math.max(0, m.index - 60), m.index + 60).replace(/\s+/g, ' ')}…`);
    }
  }
  assert.deepEqual(found, [], 'the default view shows jargon');
  // A rate read as people say it, beside its box.
  const early = page.locator('.field[data-path="fostering.attrition_early"]');
  assert.match(await early.locator('.reading').innerText(), /about \d+% of these households stop fostering each year/);
  await early.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(artifacts, 'plain-form.png') });

  await page.check('#advanced-view');
  const path1 = early.locator('.field-path');
  await path1.waitFor({ state: 'visible' });
  assert.match(await path1.innerText(), /fostering\.attrition_early/);
  const advanced = await formText(page);
  assert.match(advanced, /Gamma/, 'the distribution shapes show');
  await page.locator('.field[data-path="exits.return_home"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(artifacts, 'plain-advanced.png') });

  // Remembered in this h.browser.
  await page.reload();
  await page.locator('.field[data-path="fostering.attrition_early"]').waitFor({ state: 'attached' });
  assert.equal(await page.isChecked('#advanced-view'), true, 'the switch is remembered');
  await page.uncheck('#advanced-view');
  assert.equal(await page.locator('.field-path').first().isVisible(), false);
  assert.deepEqual(problems, []);
  await context.close();
});

test('ranges beside values, sources open their reference, terms open the glossary', { timeout: TIMEOUT }, async () => {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, problems } = await openPage(context);
  await page.click('#group-fostercarers > summary');

  // The plausible range beside the value, and its reason one click away.
  const early = page.locator('.field[data-path="fostering.attrition_early"]');
  const range = early.locator('details.range');
  assert.match(await range.locator('summary').innerText(), /Plausible range: 0\.1 to 0\.3 a year \(about 9\.5% to 26% each year\)/);
  await range.locator('summary').click();
  assert.match(await range.locator('.range-reason').innerText(), /resigned within two years/);
  await early.screenshot({ path: path.join(artifacts, 'plain-range.png') });

  // A numbered citation in the source opens the References view at its entry.
  await early.locator('details.about > summary').click();
  const cite = early.locator('.source a.cite').first();
  const href = await cite.getAttribute('href');
  assert.match(href, /^#ref-R-/);
  assert.match(await cite.innerText(), /^\[\d\]$/);
  await cite.click();
  const entry = page.locator(href);
  // Under a loaded machine a click can land while the form re-renders from a finishing run
  // (once in a fresh-clone CI run the view never opened): click once more if it has not.
  await entry.waitFor({ state: 'visible', timeout: 8000 }).catch(async () => {
    await cite.click();
    await entry.waitFor({ state: 'visible' });
  });
  assert.equal(await entry.evaluate((el) => el === document.activeElement), true, 'the entry has the focus');
  const entryText = await entry.innerText();
  for (const part of ['Date:', 'Where in it:', 'Rotherham']) assert.ok(entryText.includes(part), `${part} in ${entryText}`);
  assert.ok(!page.url().includes('#ref-'), 'the address (which carries share links) is left alone');
  await page.locator('#references').screenshot({ path: path.join(artifacts, 'plain-references.png') });
  await page.click('#references button.dismiss');
  await page.locator('#references').waitFor({ state: 'hidden' });

  // A term in a label opens the glossary at its entry.
  await page.click('#group-exits > summary');
  const term = page.locator('.field[data-path="exits.staying_put_months"] .field-label a.term[href="#glossary-staying-put"]');
  await term.waitFor({ state: 'visible' });
  assert.ok((await term.getAttribute('title')).length > 40, 'its meaning on hover');
  await term.click();
  await page.locator('#glossary').waitFor({ state: 'visible' });
  assert.equal(await page.locator('#glossary-staying-put').evaluate((el) => el === document.activeElement), true);
  await page.locator('#glossary').screenshot({ path: path.join(artifacts, 'plain-glossary.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('a headline tile gives its definition on hover and to the keyboard', { timeout: TIMEOUT }, async () => {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, problems } = await openPage(context);
  const label = page.locator('#tile-in-care .tile-label');
  await label.waitFor({ state: 'visible', timeout: 120_000 });
  const title = await label.getAttribute('title');
  assert.match(title, /care at the end of the month/);
  for (const id of ['#tile-in-house', '#tile-cost', '#tile-no-suitable']) {
    const t = await page.locator(`${id} .tile-label`).getAttribute('title');
    assert.ok(t && t.length > 20, `${id} has a definition`);
  }
  await label.focus();
  assert.equal(await label.evaluate((el) => el === document.activeElement && el.tabIndex === 0), true);
  await label.hover();
  await page.locator('#tiles').screenshot({ path: path.join(artifacts, 'plain-tiles.png') });
  assert.deepEqual(problems, []);
  await context.close();
});
