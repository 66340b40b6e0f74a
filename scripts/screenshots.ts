// The README's pictures, made from the last build so they stay current: a phone screenshot
// (360 × 640) of a country's home page, and that country's first poster in its default language.
//   node scripts/screenshots.ts [--country ro] [--out docs/screenshots]      (npm run screenshots)
// Needs a build (npm run build) and Chromium (see the README).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromiumAvailable, chromiumPath, launchChromium, phoneScreens, siteServer } from '@repo/gates';
import sharp from 'sharp';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { country: { type: 'string', default: 'ro' }, out: { type: 'string', default: 'docs/screenshots' } } });
const code = values.country as string;
const siteDir = join(root, 'dist/sites', code);
const outDir = resolve(root, values.out as string);

function stop(message: string): never {
  console.error(message);
  process.exit(1);
}
if (!existsSync(join(siteDir, 'index.html'))) stop(`No built site for "${code}" in ${relative(root, siteDir)}/: run npm run build first.`);
if (!chromiumAvailable()) stop(`Chromium was not found at ${chromiumPath()}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
mkdirSync(outDir, { recursive: true });

const server = siteServer(siteDir).listen(0, '127.0.0.1');
await new Promise((done) => server.once('listening', done));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await launchChromium();
const written: string[] = [];
try {
  const screen = phoneScreens[0];
  const context = await browser.newContext({ viewport: screen, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${origin}/`, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const home = join(outDir, `home-${code}-phone.png`);
  // Scaled back to CSS pixels: a README picture, not a retina asset; palette PNG keeps it small.
  writeFileSync(
    home,
    await sharp(await page.screenshot())
      .resize({ width: screen.width })
      .png({ palette: true, compressionLevel: 9 })
      .toBuffer(),
  );
  written.push(home);
  await context.close();

  // The first poster-format file of the country's default language, from the print manifest.
  const manifest = JSON.parse(readFileSync(join(root, 'dist/print/manifest.json'), 'utf8')) as {
    files: { country: string; locale: string; format: string; preview: string; design: string }[];
  };
  const sitePage = readFileSync(join(siteDir, 'index.html'), 'utf8');
  const lang = /<html lang="([^"]+)"/.exec(sitePage)?.[1];
  const poster = manifest.files.find((f) => f.country === code && f.locale === lang && f.format === 'a4');
  if (!poster) stop(`No A4 poster for ${code}/${lang} in dist/print/manifest.json.`);
  // The site serves its country's print folder at /print/ (manifest paths start with the country).
  const preview = join(siteDir, 'print', poster.preview.slice(code.length + 1));
  const posterOut = join(outDir, `poster-${code}-${poster.design}-${lang}-a4.png`);
  writeFileSync(posterOut, await sharp(preview).resize({ width: 360 }).png({ palette: true, compressionLevel: 9 }).toBuffer());
  written.push(posterOut);
} finally {
  await browser.close();
  server.close();
}
for (const file of written) console.log(`wrote ${relative(root, file)}`);
