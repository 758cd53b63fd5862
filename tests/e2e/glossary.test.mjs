// End-to-end: the glossary opens from the link under the header, explains the terms a
// councillor meets (the sufficiency gap and its parts, IFA, paired difference, ...) and
// closes again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useHarness } from './harness.mjs';

const h = useHarness(import.meta.url);
const { artifacts } = h;
const TIMEOUT = 120_000;

test('the glossary opens from the page, explains the terms and closes', { timeout: TIMEOUT }, async () => {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${h.baseUrl}?workers=1`);
  await page.locator('#open-glossary').waitFor();
  assert.equal(await page.isVisible('#glossary'), false, 'closed at first');
  await page.click('#open-glossary');
  await page.locator('#glossary').waitFor({ state: 'visible' });
  const text = await page.textContent('#glossary');
  for (const word of ['IFA', 'Sufficiency gap', 'Paired difference', 'Emergency placement', 'Staying Put']) {
    assert.ok(text.toLowerCase().includes(word.toLowerCase()), `the glossary explains ${word}`);
  }
  await page.locator('#glossary').screenshot({ path: path.join(artifacts, 'glossary.png') });
  await page.click('#glossary button.dismiss');
  await page.locator('#glossary').waitFor({ state: 'hidden' });
  assert.deepEqual(problems, []);
  await context.close();
});
