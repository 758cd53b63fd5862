// End-to-end: the presentation view for a workshop. At 1280x720 and 1920x1080 one chart
// and its levers fit in the window in large type; predict-then-reveal hides a new result
// until it is revealed; the switch is remembered.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openHarness, closeHarness } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const artifacts = path.join(here, 'artifacts');
const TIMEOUT = 120_000;

let server;
let baseUrl = process.env.BASE_URL;
let browser;
const problems = [];

before(async () => {
  ({ browser, server, baseUrl } = await openHarness({ repo, artifacts, baseUrl }));
});

after(() => closeHarness({ browser, server }));

async function open(viewport) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(`${baseUrl}?workers=2`);
  await page.locator('#run').waitFor();
  return { context, page };
}

/** Whether the element's box lies inside the window. */
async function inWindow(page, selector) {
  return page.evaluate((sel) => {
    const r = document.querySelector(sel).getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight + 0.5 && r.right <= innerWidth + 0.5;
  }, selector);
}

describe('presentation view', () => {
  for (const viewport of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
    test(`at ${viewport.width}x${viewport.height} one chart and its levers fit in the window in large type`, { timeout: TIMEOUT }, async () => {
      const { context, page } = await open(viewport);
      await page.selectOption('#add-strategy', 'recruit');
      await page.locator('#tab-1[aria-selected="true"]').waitFor();
      await page.click('#present-open');
      await page.locator('#present #present-chart svg.chart-svg').waitFor();
      await page.locator('#status[data-status="done"]').waitFor({ state: 'attached' });
      assert.ok(await inWindow(page, '#present-chart svg.chart-svg'), 'the chart is in the window');
      assert.ok(await inWindow(page, '#present #quick-title'), 'the levers are in the window');
      assert.ok(await inWindow(page, '#present #quick-levers input[type="range"]'), 'a lever slider is in the window');
      assert.equal(await page.isVisible('#run'), false, 'the run bar is out of sight');
      const axisPx = await page.evaluate(() => document.querySelector('#present-chart .y-tick text').getBoundingClientRect().height);
      assert.ok(axisPx >= 18, `axis labels ${axisPx}px high`);
      await page.screenshot({ path: path.join(artifacts, `present-${viewport.width}x${viewport.height}.png`) });
      // Keys: 2 picks the second chart.
      await page.keyboard.press('2');
      await page.locator('#present-chart-2[aria-pressed="true"]').waitFor();
      assert.match(await page.textContent('#present-chart .chart-title'), /placement that meets their needs/);
      await context.close();
    });
  }

  test('predict, then reveal: a new result stays hidden until revealed; the view is remembered', { timeout: TIMEOUT }, async () => {
    const { context, page } = await open({ width: 1280, height: 720 });
    await page.click('#present-open');
    await page.locator('#present-chart svg.chart-svg').waitFor();
    await page.locator('#status[data-status="done"]').waitFor({ state: 'attached' });
    await page.keyboard.press('p');
    await page.locator('#present-predict[aria-pressed="true"]').waitFor();
    assert.equal(await page.locator('#present-hidden').count(), 0, 'what was shown stays shown');
    // Move a slider: the new result is hidden.
    const slider = page.locator('#present .quick-grid input[type="range"]').first();
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await page.locator('#present-hidden').waitFor();
    assert.equal(await page.locator('#present-chart').count(), 0, 'the chart is hidden');
    assert.match(await page.textContent('#present-hidden'), /What do you expect\?/);
    await page.screenshot({ path: path.join(artifacts, 'present-hidden.png') });
    await page.locator('body').press('r');
    await page.locator('#present-chart svg.chart-svg').waitFor();
    assert.equal(await page.locator('#present-hidden').count(), 0);
    // Remembered: a reload opens the view again; Esc closes it.
    await page.reload();
    await page.locator('#present').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('#present').waitFor({ state: 'detached' });
    await page.locator('#present-open').waitFor();
    await context.close();
    assert.deepEqual(problems, []);
  });
});
