// End-to-end: the presentation view for a workshop. At 1280x720, 1920x1080, 1024x768 and
// at 200% zoom (the window's CSS size halved, two device pixels per CSS pixel, as the browser
// zooms) one chart and its levers fit in the window in large type; predict-then-reveal hides
// a new result until it is revealed; fixed axes keep their scale when a lever moves and the
// previous result stays as a trace; a target is drawn with its verdict; the projection
// plays year by year; each line is named at its end and the legend says what the bands and
// patterns mean; text is at least 18 px at 1920x1080; the switch is remembered.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useHarness } from './harness.mjs';

const h = useHarness(import.meta.url);
const { artifacts } = h;
const TIMEOUT = Number(process.env.PRESENT_TIMEOUT || 180_000);

const problems = [];

async function open(viewport, deviceScaleFactor = 1) {
  const context = await h.browser.newContext({ viewport, deviceScaleFactor });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(`${h.baseUrl}?workers=2`);
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

/** Height in device pixels of the chart's smallest axis label. */
async function axisDevicePx(page) {
  return page.evaluate(() => {
    const hs = [...document.querySelectorAll('#present-chart .y-tick text, #present-chart .x-tick text')]
      .map((t) => t.getBoundingClientRect().height);
    return Math.min(...hs) * devicePixelRatio;
  });
}

/** Every visible piece of text in the view smaller than `px` CSS pixels as rendered (an
 *  SVG text's size scaled as its chart is drawn), as "size <tag> text". */
async function smallText(page, px) {
  return page.evaluate((least) => {
    const out = [];
    const seen = new Set();
    const walker = document.createTreeWalker(document.querySelector('#present'), NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const el = walker.currentNode.parentElement;
      const t = walker.currentNode.textContent.trim();
      if (!t || seen.has(el) || el.closest('title, desc, .visually-hidden')) continue;
      seen.add(el);
      const r = el.getBoundingClientRect();
      const cs = getComputedStyle(el);
      if (r.width === 0 || r.height === 0 || cs.visibility === 'hidden') continue;
      let size = parseFloat(cs.fontSize);
      if (el instanceof SVGElement) {
        const m = el.getScreenCTM();
        size *= m ? Math.hypot(m.a, m.b) : 1;
      }
      if (size < least) out.push(`${size.toFixed(1)}px <${el.tagName.toLowerCase()}> ${t.slice(0, 60)}`);
    }
    return out;
  }, px);
}

/** Focus away from any slider, so the view's keys act. */
async function blur(page) {
  await page.evaluate(() => document.activeElement?.blur());
}

async function waitDone(page) {
  await page.locator('#status[data-status="done"]').waitFor({ state: 'attached' });
}

const SIZES = [
  { name: '1280x720', viewport: { width: 1280, height: 720 }, dpr: 1 },
  { name: '1920x1080', viewport: { width: 1920, height: 1080 }, dpr: 1 },
  { name: '1024x768', viewport: { width: 1024, height: 768 }, dpr: 1 },
  // Browser zoom at 200% halves the window's size in CSS pixels and doubles the device pixels.
  { name: '1920x1080-zoom200', viewport: { width: 960, height: 540 }, dpr: 2 },
  { name: '1280x720-zoom200', viewport: { width: 640, height: 360 }, dpr: 2 },
];

describe('presentation view', () => {
  for (const size of SIZES) {
    test(`at ${size.name} one chart and its levers fit in the window in large type`, { timeout: TIMEOUT }, async () => {
      const { context, page } = await open(size.viewport, size.dpr);
      await page.selectOption('#add-strategy', 'recruit');
      await page.locator('#tab-1[aria-selected="true"]').waitFor();
      await page.click('#present-open');
      await page.locator('#present #present-chart svg.chart-svg').waitFor();
      await waitDone(page);
      assert.ok(await inWindow(page, '#present-chart svg.chart-svg'), 'the chart is in the window');
      assert.ok(await inWindow(page, '#present #quick-title'), 'the levers are in the window');
      assert.ok(await inWindow(page, '#present #quick-levers input[type="range"]'), 'a lever slider is in the window');
      assert.equal(await page.isVisible('#run'), false, 'the run bar (seed, runs) is out of sight');
      assert.equal(await page.locator('#present [data-fingerprint]').count(), 0, 'no fingerprint');
      const axisPx = await axisDevicePx(page);
      assert.ok(axisPx >= 18, `axis labels ${axisPx} device px high`);
      // Each scenario is named at the end of its line, in its colour.
      const labels = await page.locator('#present-chart .end-label text').allTextContents();
      assert.equal(labels.length, 2, labels.join('|'));
      assert.ok(labels.some((l) => /Baseline|Recruit/.test(l)), labels.join('|'));
      // A long name is shortened at its line's end without being cut mid-word ("Recruit more
      // carers", its bracketed details dropped), and the legend under the chart gives it in
      // full, with what the shaded bands and each line's pattern mean.
      assert.ok(labels.every((l) => !l.includes('…')), labels.join('|'));
      const legend = (await page.textContent('#present-chart-legend')).replace(/\s+/g, ' ');
      assert.match(legend, /Shaded bands: 9 in 10 simulated futures fall inside them/);
      assert.match(legend, /Solid line: Recruit more carers \(\+50% enquiries, \+20% conversion\), the middle future/);
      assert.match(legend, /Dashed line: Baseline, its middle future/);
      if (size.viewport.height > 420) {
        assert.ok(await inWindow(page, '#present-chart-legend'), 'the legend is in the window');
      } else {
        // Too short a window for it under a readable chart: the lines' names at their ends.
        assert.equal(await page.isVisible('#present-chart-legend'), false);
      }
      if (size.name === '1920x1080') {
        // Everything the room reads is at least 18 px on a 1920x1080 projector.
        assert.deepEqual(await smallText(page, 18), []);
      }
      await page.screenshot({ path: path.join(artifacts, `present-${size.name}.png`) });
      // Keys: 2 picks the second chart.
      await blur(page);
      await page.keyboard.press('2');
      await page.locator('#present-chart-2[aria-pressed="true"]').waitFor();
      assert.match(await page.textContent('#present-chart .chart-title'), /placement that meets their needs/);
      await page.keyboard.press('1');
      await page.locator('#present-chart-1[aria-pressed="true"]').waitFor();
      await context.close();
    });
  }

  test('fixed axes hold their scale when a lever moves, and the previous result stays as a trace', { timeout: TIMEOUT }, async () => {
    const { context, page } = await open({ width: 1280, height: 720 });
    await page.selectOption('#add-strategy', 'recruit');
    await page.locator('#tab-1[aria-selected="true"]').waitFor();
    await page.click('#present-open');
    await page.locator('#present-chart svg.chart-svg').waitFor();
    await waitDone(page);
    await blur(page);
    await page.keyboard.press('3');
    await page.locator('#present-chart-3[aria-pressed="true"]').waitFor();
    await page.keyboard.press('a');
    await page.locator('#present-axes[aria-pressed="true"]').waitFor();
    const held = await page.getAttribute('#present-chart', 'data-y-domain');
    const [lo] = held.split(' ').map(Number);
    assert.equal(lo, 0, `children in care counted from zero: ${held}`);
    assert.equal(await page.locator('#present-chart .trace').count(), 0, 'no trace before a change');
    // Move the lever: the new result comes, the old one stays as a faint trace.
    const slider = page.locator('#present #quick-levers input[type="range"]').first();
    const before = await slider.inputValue();
    await slider.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    assert.notEqual(await slider.inputValue(), before, 'the lever moved');
    await page.locator('#present-chart .trace .trace-median').waitFor();
    await waitDone(page);
    assert.equal(await page.getAttribute('#present-chart', 'data-y-domain'), held, 'the axis kept its scale');
    const ends = await page.locator('#present-chart .end-label text').allTextContents();
    assert.ok(ends.includes('Before'), ends.join('|'));
    assert.match(await page.textContent('#present-chart-legend'), /Grey dots \(Before\): the result before the last change/);
    await page.screenshot({ path: path.join(artifacts, 'present-trace.png') });
    // T hides the trace; L replays the change (before, then after).
    await blur(page);
    await page.keyboard.press('t');
    await page.locator('#present-trace[aria-pressed="false"]').waitFor();
    assert.equal(await page.locator('#present-chart .trace').count(), 0);
    await page.keyboard.press('l');
    await page.locator('#present-chart .chart-title', { hasText: 'before the last change' }).waitFor();
    await page.locator('#present-chart .chart-title', { hasText: 'before the last change' }).waitFor({ state: 'detached' });
    // A off: the axis fits the data again (still from zero for a count).
    await page.keyboard.press('a');
    await page.locator('#present-axes[aria-pressed="false"]').waitFor();
    await context.close();
  });

  test('a target is drawn on the chart with how often it is met', { timeout: TIMEOUT }, async () => {
    const { context, page } = await open({ width: 1280, height: 720 });
    await page.click('#present-open');
    await page.locator('#present-chart svg.chart-svg').waitFor();
    await waitDone(page);
    await page.click('#present-chart-2');
    await page.fill('#present-target-value', 'five');
    await page.click('#present-target-set');
    assert.match(await page.textContent('#present-target-error'), /type a number/);
    await page.fill('#present-target-value', '5');
    const month = await page.inputValue('#present-target-month');
    await page.click('#present-target-set');
    await page.locator('#present-verdict').waitFor();
    const verdict = await page.textContent('#present-verdict');
    assert.match(verdict, /Target met in (<1%|>99%|\d{1,2}%) of simulated futures/);
    assert.match(verdict, /At most 5 children in [A-Z][a-z]+ \d{4}/);
    const chance = Number(await page.getAttribute('#present-verdict', 'data-chance'));
    assert.ok(chance >= 0 && chance <= 1, `${chance}`);
    assert.equal(await page.locator('#present-chart .target-mark').count(), 1, 'the target is drawn');
    assert.match(await page.textContent('#present-chart .target-label'), /Target: at most 5/);
    assert.match(await page.textContent('#present-chart-legend'), /Black dashed line: the target/);
    await page.screenshot({ path: path.join(artifacts, 'present-target.png') });
    // A looser target is met at least as often.
    await page.fill('#present-target-value', '1000');
    await page.click('#present-target-set');
    await page.locator('#present-verdict', { hasText: '>99%' }).waitFor();
    // Remembered with the view; other charts have their own.
    await page.reload();
    await page.locator('#present-verdict').waitFor();
    assert.equal(await page.inputValue('#present-target-month'), month);
    await page.click('#present-target-clear');
    await page.locator('#present-verdict').waitFor({ state: 'detached' });
    await context.close();
  });

  test('step through time: the projection plays year by year, pauses and steps', { timeout: TIMEOUT }, async () => {
    const { context, page } = await open({ width: 1280, height: 720 });
    await page.click('#present-open');
    await page.locator('#present-chart svg.chart-svg').waitFor();
    await waitDone(page);
    const points = () => page.getAttribute('#present-chart path.median', 'd').then((d) => d.split('L').length);
    const whole = await points();
    await blur(page);
    await page.keyboard.press(' ');
    await page.locator('#present-play[aria-pressed="true"]').waitFor();
    const first = await page.textContent('#present-time');
    await page.locator('#present-time').filter({ hasNotText: first }).waitFor();
    await page.keyboard.press(' ');
    await page.locator('#present-play[aria-pressed="false"]').waitFor();
    const shown = await points();
    assert.ok(shown < whole, `part of the projection: ${shown} of ${whole} months`);
    await page.screenshot({ path: path.join(artifacts, 'present-step.png') });
    const paused = await page.textContent('#present-time');
    await page.keyboard.press('ArrowLeft');
    await page.locator('#present-time').filter({ hasNotText: paused }).waitFor();
    assert.ok(await points() < shown, 'a step back shows a year less');
    await page.keyboard.press('Home');
    await page.locator('#present-time').waitFor({ state: 'detached' });
    assert.equal(await points(), whole);
    // ? lists the keys; Esc closes the list, then the view.
    await page.keyboard.press('?');
    await page.locator('#present-help').waitFor();
    assert.match(await page.textContent('#present-help'), /Play the projection year by year/);
    await page.screenshot({ path: path.join(artifacts, 'present-keys.png') });
    await page.keyboard.press('Escape');
    await page.locator('#present-help').waitFor({ state: 'detached' });
    assert.equal(await page.locator('#present').count(), 1);
    await context.close();
  });

  test('predict, then reveal: a new result stays hidden until revealed; the view is remembered', { timeout: TIMEOUT }, async () => {
    const { context, page } = await open({ width: 1280, height: 720 });
    await page.click('#present-open');
    await page.locator('#present-chart svg.chart-svg').waitFor();
    await waitDone(page);
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
    // Remembered: a reload opens the view again, still predicting; Esc closes it.
    await page.reload();
    await page.locator('#present').waitFor();
    await page.locator('#present-predict[aria-pressed="true"]').waitFor();
    await page.keyboard.press('p');
    await page.locator('#present-predict[aria-pressed="false"]').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('#present').waitFor({ state: 'detached' });
    await page.locator('#present-open').waitFor();
    await context.close();
    assert.deepEqual(problems, []);
  });
});
