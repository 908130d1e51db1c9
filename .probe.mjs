import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const p = await b.newPage();
p.on('console', m => console.log('console', m.type(), m.text()));
p.on('pageerror', e => console.log('pageerror', e.message));
const t0 = Date.now();
await p.goto(process.argv[2] ?? 'http://127.0.0.1:5199');
for (let i = 0; i < 60; i++) {
  const txt = await p.evaluate(() => document.body.innerText.slice(0, 200));
  console.log(((Date.now()-t0)/1000).toFixed(1), JSON.stringify(txt));
  if (/PIN/.test(txt)) break;
  await new Promise(r => setTimeout(r, 2000));
}
await b.close();
