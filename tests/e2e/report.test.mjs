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
      'The answer', 'Chance of overspending the budget', 'Placement cost: median', 'Children without a suitable placement',
      'Over time', 'How to read the charts',
      'The strategies', 'Recruit more carers', 'Recruitment boost', 'Cost a year',
      'Assumptions changed from the default', 'Recruit more carers (+50% enquiries, +20% conversion): 11.5', 'Source of the default',
      'What this does not include',
    ]) {
      assert.ok(flat.includes(want), `the printed report says "${want}"`);
    }
    assert.match(flat, /Baseline: a (\d+%|<1%|>99%) chance of overspending the FY\d{4}\/\d{2} budget/);
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
    assert.equal(await view.locator('.report-chart').count(), 3);
    assert.ok((await view.textContent('#report')).includes('Chance of overspending the budget'));
    const bandsColour = await view.evaluate(() => getComputedStyle(document.querySelector('.report h2')).borderTopColor);
    assert.equal(bandsColour, 'rgb(8, 48, 107)', 'its styles apply');
    assert.deepEqual(requests.filter((u) => !u.startsWith('file:')), []);
    await view.screenshot({ path: path.join(artifacts, 'report-file.png') });
    await offline.close();
    assert.deepEqual(problems, []);
  });
});
