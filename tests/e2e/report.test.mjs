// End-to-end: the report for a Cabinet paper or scrutiny. Printed to PDF (A4) in Chromium,
// its text read back (pdftotext, when installed) and its pages kept as images in
// tests/e2e/artifacts/ (pdftoppm, or screenshots of the page as printed); the same report
// downloaded as one HTML file that opens with the network off and runs nothing.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { useHarness, watchPage, waitDone } from './harness.mjs';

const h = useHarness(import.meta.url);
const { artifacts } = h;
const TIMEOUT = 180_000;

const problems = [];

/** Whether a command-line tool is installed. */
function has(tool) {
  try {
    execFileSync(tool, ['-v'], { stdio: 'ignore' });
    return true;
  } catch (e) {
    return e.code !== 'ENOENT';
  }
}

/** The report's text as the page has it now. */
async function reportText(page) {
  return page.evaluate(() => document.querySelector('#report').textContent);
}

describe('report for Cabinet or scrutiny', () => {
  test('prints to A4 PDF with the answer first, the strategies, the changed assumptions and page numbers, whichever tab is shown', { timeout: TIMEOUT }, async () => {
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    watchPage(page, problems);
    await page.goto(`${h.baseUrl}?workers=2`);
    await page.locator('#run').waitFor();
    await waitDone(page);
    // A strategy, and an assumption changed in it.
    await page.selectOption('#add-strategy', 'recruit');
    await page.locator('#tab-1[aria-selected="true"]').waitFor();
    await page.fill('#in-demand-groups_per_month', '11.5');
    await page.press('#in-demand-groups_per_month', 'Tab');
    await page.locator('#field-demand-groups_per_month .changed-mark').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('#report .report-brief li').length === 2
      && document.querySelector('#report').textContent.includes('11.5'));
    await waitDone(page);
    const fp = await page.getAttribute('#run-details', 'data-fingerprint');

    // The report does not depend on the tab shown.
    const withStrategyShown = await reportText(page);
    await page.click('#tab-0');
    await page.locator('#tab-0[aria-selected="true"]').waitFor();
    assert.equal(await reportText(page), withStrategyShown, 'the same report from either tab');

    // On screen it is a panel until previewed.
    assert.equal(await page.isVisible('#report'), false);
    await page.click('#report-preview');
    await page.locator('#report').waitFor({ state: 'visible' });
    await page.locator('#report-panel').screenshot({ path: path.join(artifacts, 'report-panel.png') });

    const pdfPath = path.join(artifacts, 'report.pdf');
    await page.emulateMedia({ media: 'print' });
    // Only the report prints: no toolbar, tabs, form or run bar.
    assert.equal(await page.isVisible('.toolbar'), false);
    assert.equal(await page.isVisible('#run'), false);
    assert.equal(await page.isVisible('#report'), true);
    await page.pdf({ path: pdfPath, format: 'A4', printBackground: true, preferCSSPageSize: true });

    let text;
    if (has('pdftotext')) {
      text = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' });
      assert.match(text, /Page 1 of \d+/, 'page numbers');
      const pages = Number(text.match(/Page 1 of (\d+)/)[1]);
      assert.ok(pages >= 2 && pages <= 8, `${pages} pages`);
    } else {
      console.log('pdftotext not installed: checking the printed page\'s text instead of the PDF\'s');
      text = await page.evaluate(() => document.body.innerText);
    }
    fs.writeFileSync(path.join(artifacts, 'report.txt'), text);
    const flat = text.replace(/\s+/g, ' ');
    for (const want of [
      'Homes for children in care', 'Printed ', 'Data as at month end June 2020',
      'The answer', 'Chance of overspending the budget', 'Placement cost: median', 'Sufficiency gap at the end of the year',
      'Part of the gap: children with no suitable placement', 'Each scenario against what it is compared with', 'Chance of a smaller gap',
      'Over time', 'How to read the charts',
      'The strategies', 'Recruit more carers', 'Recruitment boost', 'Running cost a year',
      'Assumptions changed from the default', 'Recruit more carers (+50% enquiries, +20% conversion): 11.5', 'Source of the default',
      'What this does not include',
    ]) {
      assert.ok(flat.includes(want), `the printed report says "${want}"`);
    }
    assert.match(flat, /Baseline: an? (\d+%|<1%|>99%) chance \(± [\d.]+ points from simulation noise\) of overspending (in FY\d{4}\/\d{2} against an illustrative budget of £[\d.]+M, not your council’s|the FY\d{4}\/\d{2} budget of £)/);
    assert.ok(!flat.includes(fp), 'no fingerprint printed');
    assert.ok(!/fingerprint/i.test(flat), 'no fingerprint printed');
    for (const absent of ['Share link', 'Download scenarios', 'Run details']) {
      assert.ok(!flat.includes(absent), `"${absent}" is not printed`);
    }
    // One legend: the band key appears once, not per chart.
    assert.equal((flat.match(/the bands hold that month/g) || []).length, 1);

    // The pages as images, to look at.
    for (const f of fs.readdirSync(artifacts).filter((f) => /^report-page-\d+\.png$/.test(f))) fs.rmSync(path.join(artifacts, f));
    if (has('pdftoppm')) {
      execFileSync('pdftoppm', ['-r', '70', '-png', pdfPath, path.join(artifacts, 'report-page')]);
    } else {
      await page.screenshot({ path: path.join(artifacts, 'report-page-print.png'), fullPage: true });
    }
    assert.ok(fs.readdirSync(artifacts).some((f) => /^report-page-.*\.png$/.test(f)), 'page images kept');
    await page.emulateMedia({ media: 'screen' });

    // The same report as one HTML file.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#report-download')]);
    assert.match(download.suggestedFilename(), /^placement-sufficiency-report-.*\.html$/);
    const file = path.join(artifacts, 'report.html');
    await download.saveAs(file);
    const html = fs.readFileSync(file, 'utf8');
    assert.ok(html.startsWith('<!doctype html>'));
    assert.ok(!html.includes('<script'), 'no scripts');
    assert.ok(!/\ssrc=/.test(html), 'nothing to fetch');
    // Links only within the file (the references and definitions it holds).
    assert.ok(!/\shref="(?!#)/.test(html), 'no link out of the file');
    assert.ok(html.includes('<style>'), 'styles inline');
    assert.equal(await reportText(page), withStrategyShown, 'same report after printing');
    await context.close();

    // It opens with the network off, scripts off, and asks for nothing.
    const offline = await h.browser.newContext({ javaScriptEnabled: false, offline: true });
    const requests = [];
    offline.on('request', (r) => requests.push(r.url()));
    const view = await offline.newPage();
    await view.goto('file://' + file);
    assert.equal(await view.locator('.report-chart').count(), 4);
    assert.ok((await view.textContent('#report')).includes('Chance of overspending the budget'));
    const bandsColour = await view.evaluate(() => getComputedStyle(document.querySelector('.report h2')).borderTopColor);
    assert.equal(bandsColour, 'rgb(8, 48, 107)', 'its styles apply');
    assert.deepEqual(requests.filter((u) => !u.startsWith('file:')), []);
    await view.screenshot({ path: path.join(artifacts, 'report-file.png') });
    await offline.close();
    assert.deepEqual(problems, []);
  });
  test('carries the app\'s sufficiency gap and comparison, flags the illustrative budget and costs the new homes', { timeout: TIMEOUT }, async () => {
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    const mine = [];
    watchPage(page, mine);
    await page.goto(`${h.baseUrl}?workers=2`);
    await page.locator('#run').waitFor();
    await waitDone(page);
    await page.selectOption('#add-strategy', 'homes');
    await page.locator('#tab-1[aria-selected="true"]').waitFor();
    await page.selectOption('#add-strategy', 'recruit');
    await page.locator('#tab-2').waitFor();
    await page.locator('#compare-row-2').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('#report .report-brief li').length === 3);
    await waitDone(page);
    await page.click('#report-preview');
    await page.locator('#report').waitFor({ state: 'visible' });
    // Text without its spacing and word joiners: the app breaks lines with "\n", the report with <br>.
    const squash = (t) => t.replace(/[\s\u2060]+/g, '');
    const text = (sel) => page.evaluate((s) => document.querySelector(s).textContent, sel);
    const report = await text('#report');

    for (let i = 0; i < 3; i++) {
      await page.click(`#tab-${i}`);
      await page.locator(`#tab-${i}[aria-selected="true"]`).waitFor();
      const tile = async (id) => (await text(`#${id} .tile-value`)).trim();
      const [gap, none, below, chance] = [await tile('tile-gap'), await tile('tile-no-suitable'), await tile('tile-below-need'), await tile('tile-overspend')];
      // The gap table's last column is the end of the horizon, as the tiles are.
      const cell = (await page.evaluate((k) => {
        const cells = document.querySelectorAll(`#report .report-gap tbody tr:nth-child(${k + 1}) td`);
        return cells[cells.length - 1].innerText;
      }, i)).replace(/\s+/g, ' ').trim();
      assert.equal(cell.split(' ')[0], gap, `scenario ${i}: the report's gap "${cell}" is the tile's`);
      assert.ok(cell.endsWith(` ${none} + ${below}`), `scenario ${i}: the gap's parts in "${cell}"`);
      // The chance of overspending, flagged as against the illustrative budget, as the tile is.
      const note = await text('#tile-overspend');
      const budget = note.match(/Illustrative budget of (£[\d.]+M)/);
      assert.ok(budget, `the tile says the budget is illustrative: ${note}`);
      const li = (await page.evaluate((k) => document.querySelectorAll('#report .report-brief li')[k].textContent, i)).replace(/\s+/g, ' ');
      const article = /^(8|11%|18%)/.test(chance) ? 'an' : 'a';
      assert.ok(li.includes(`${article} ${chance} chance (± `), `scenario ${i}: "${li}" has the tile's ${chance}`);
      assert.ok(li.includes(`against an illustrative budget of ${budget[1]}, not your council’s`), `scenario ${i}: ${li}`);
      // The answer's gap is the tile's, at the same date (the end of the projection); the
      // gap at the end of the financial year, if given, is dated apart.
      const endMonth = (await text('#results > p.muted')).match(/^At the end of (\w+ \d{4}):/)[1];
      assert.ok(li.includes(`sufficiency gap of ${gap} children in ${endMonth}, the end of the projection (`), `scenario ${i}: "${li}" has the tile's gap ${gap} at ${endMonth}`);
      assert.match(li, /, and [\d,]+ at the end of FY\d{4}\/\d{2} \(March \d{4}\)\.$/, `scenario ${i}: ${li}`);
    }
    assert.ok(report.includes('Illustrative budget.'), 'the warning above the tables');

    // The paired comparison, each figure as the app's table shows it.
    for (const i of [1, 2]) {
      const app = await page.evaluate((k) => [...document.querySelectorAll(`#compare-row-${k} td`)].map((td) => [td.dataset.label, td.textContent]), i);
      const mineRow = await page.evaluate((k) => [...document.querySelectorAll(`#report .report-comparison tbody tr:nth-child(${k + 1}) td`)].map((td) => td.textContent), i);
      const byLabel = Object.fromEntries(app);
      const want = ['Total cost', 'Cost difference', 'Chance it costs less', 'Average gap', 'Gap difference', 'Chance of a smaller gap'];
      want.forEach((label, k) => {
        assert.equal(squash(mineRow[k]), squash(byLabel[label]), `scenario ${i}, ${label}`);
      });
    }

    // The homes cost their running costs and open over time, not "at once".
    const homesRow = await page.evaluate(() => [...document.querySelectorAll('#report .report-levers tbody tr')]
      .map((tr) => [...tr.children].map((c) => c.textContent))
      .find((cells) => cells[0].startsWith('New in-house children')));
    assert.ok(homesRow, 'the homes lever is listed');
    assert.match(homesRow[1], /£9,600 a week/);
    assert.match(homesRow[2], /^£2\.\dM$/, `a year: ${homesRow[2]}`);
    assert.match(homesRow[3], /^£\d+\.\dM$/, `over the projection: ${homesRow[3]}`);
    assert.notEqual(homesRow[3], '£0');
    assert.match(homesRow[5], /^Homes open from \w{3} \d{4} to \w{3} \d{4} \(months 3 to 24\)$/);
    assert.ok(!/At once/i.test(homesRow[5]));

    // Printed: kept as a PDF and as page images to look at.
    await page.emulateMedia({ media: 'print' });
    const pdfPath = path.join(artifacts, 'report-strategies.pdf');
    await page.pdf({ path: pdfPath, format: 'A4', printBackground: true, preferCSSPageSize: true });
    for (const f of fs.readdirSync(artifacts).filter((f) => /^report-strategies-page-.*\.png$/.test(f))) fs.rmSync(path.join(artifacts, f));
    if (has('pdftoppm')) {
      execFileSync('pdftoppm', ['-r', '70', '-png', pdfPath, path.join(artifacts, 'report-strategies-page')]);
    }
    if (has('pdftotext')) {
      const printed = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      assert.ok(printed.includes('not your council’s'), 'the printed report flags the illustrative budget');
      assert.ok(printed.includes('Sufficiency gap at the end of the year'));
    }
    await page.emulateMedia({ media: 'screen' });
    await page.locator('#report').screenshot({ path: path.join(artifacts, 'report-strategies.png') });
    await context.close();
    assert.deepEqual(mine, []);
  });
});
