import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
const p = await b.newPage({ viewport: { width: 1280, height: 900 } });
await p.goto(process.env.BASE_URL);
await p.locator('#status[data-status="done"]').waitFor();
const r = await p.evaluate(async () => {
  const el = document.querySelector('#quick-demand-groups_per_month');
  const frame = () => new Promise(res => requestAnimationFrame(() => res()));
  const out = [];
  for (let k = 0; k < 15; k++) {
    const t = performance.now();
    el.value = String(10 + k * 0.3);
    el.dispatchEvent(new Event('input', { bubbles: true }));
    const t1 = performance.now();
    await frame(); await frame();
    out.push([Math.round(t1 - t), Math.round(performance.now() - t)]);
  }
  return out;
});
console.log(JSON.stringify(r));
await b.close();
