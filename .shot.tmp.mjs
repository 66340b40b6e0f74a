import { chromium } from 'playwright-core';
import { siteServer } from './scripts/serve.ts';
const server = siteServer('dist/sites/' + process.argv[2]).listen(4399);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--no-first-run','--disable-sync'] });
for (const [path, w, name] of [[process.argv[3], 390, 'mobile'], [process.argv[3], 1280, 'desktop']]) {
  const page = await browser.newPage({ viewport: { width: w, height: 900 } });
  await page.goto('http://127.0.0.1:4399' + path);
  await page.screenshot({ path: `/tmp/shot-${name}.png`, fullPage: name === 'mobile' });
}
await browser.close(); server.close();
