// Builds the small fixture content set with the real build script and reads the HTML back.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const appDir = resolve(import.meta.dirname, '..');
const fixture = resolve(appDir, '../../packages/content/test/fixtures/valid');
const work = mkdtempSync(join(tmpdir(), 'site-build-'));
const out = join(work, 'sites');

function build(contentDir: string, ...args: string[]) {
  return run(process.execPath, ['scripts/build-sites.ts', ...args], {
    cwd: appDir,
    env: { ...process.env, CONTENT_DIR: contentDir, SITES_OUT_DIR: out, PRINT_DIR: join(work, 'no-print-files') },
  });
}
const html = (file: string) => load(readFileSync(join(out, file), 'utf8'));
/** Text as a browser shows it: runs of whitespace collapse to one space. */
const shown = (text: string) => text.replace(/\s+/g, ' ').trim();

beforeAll(async () => {
  await build(fixture);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('site build on the fixture content', () => {
  it('builds one self-contained site per country with sitemap, robots.txt and 404', () => {
    for (const code of ['gr', 'md']) {
      for (const file of ['index.html', 'en/index.html', 'sitemap.xml', 'robots.txt', '404.html']) {
        expect(existsSync(join(out, code, file)), `${code}/${file}`).toBe(true);
      }
    }
    expect(readFileSync(join(out, 'gr/robots.txt'), 'utf8')).toContain('Sitemap: https://gr.test.example/sitemap.xml');
  });

  it('sets lang, canonical and hreflang between real translations only, with x-default', () => {
    const $ = html('gr/i-agora-vlaptei/index.html');
    expect($('html').attr('lang')).toBe('el');
    expect($('link[rel=canonical]').attr('href')).toBe('https://gr.test.example/i-agora-vlaptei/');
    const alternates = $('link[rel=alternate][hreflang]')
      .toArray()
      .map((l) => `${$(l).attr('hreflang')} ${$(l).attr('href')}`);
    expect(alternates).toEqual([
      'el https://gr.test.example/i-agora-vlaptei/',
      'en https://gr.test.example/en/buying-harms-children/',
      'x-default https://gr.test.example/i-agora-vlaptei/',
    ]);
    expect($('meta[name=robots]').length).toBe(0);
  });

  it('gives a translated page its own slug: canonical, hreflang, sitemap, language switcher and page cards use it', () => {
    // The Greek page "Η αγορά βλάπτει" has the slug i-agora-vlaptei (ELOT 743); its English original buying-harms-children.
    expect(existsSync(join(out, 'gr/i-agora-vlaptei/index.html'))).toBe(true);
    expect(existsSync(join(out, 'gr/buying-harms-children/index.html'))).toBe(false);
    const el = html('gr/i-agora-vlaptei/index.html');
    const en = html('gr/en/buying-harms-children/index.html');
    expect(en('link[rel=canonical]').attr('href')).toBe('https://gr.test.example/en/buying-harms-children/');
    for (const $ of [el, en]) {
      expect($('link[rel=alternate][hreflang=el]').attr('href')).toBe('https://gr.test.example/i-agora-vlaptei/');
      expect($('link[rel=alternate][hreflang=en]').attr('href')).toBe('https://gr.test.example/en/buying-harms-children/');
      const switcher = $('nav.languages a')
        .toArray()
        .map((a) => `${$(a).attr('hreflang')} ${$(a).attr('href')}`);
      expect(switcher).toEqual(['el /i-agora-vlaptei/', 'en /en/buying-harms-children/']);
    }
    // The home page's card links to the Greek slug in Greek and to the English one in English.
    expect(
      html('gr/index.html')('.cards a')
        .toArray()
        .map((a) => html('gr/index.html')(a).attr('href')),
    ).toContain('/i-agora-vlaptei/');
    expect(
      html('gr/en/index.html')('.cards a')
        .toArray()
        .map((a) => html('gr/en/index.html')(a).attr('href')),
    ).toContain('/en/buying-harms-children/');
    const xml = readFileSync(join(out, 'gr/sitemap.xml'), 'utf8');
    expect(xml).toContain('<loc>https://gr.test.example/i-agora-vlaptei/</loc>');
    expect(xml).toContain('<xhtml:link rel="alternate" hreflang="el" href="https://gr.test.example/i-agora-vlaptei/"/>');
    expect(xml).not.toContain('https://gr.test.example/buying-harms-children/');
  });

  it('shows the English text with a notice in the reader’s language where a translation is missing, noindexed and without hreflang', () => {
    const $ = html('gr/privacy/index.html');
    expect($('html').attr('lang')).toBe('el');
    expect(shown($('.notice--fallback').text())).toBe('Αυτή η σελίδα δεν είναι ακόμη διαθέσιμη στα Ελληνικά. Εμφανίζεται στα αγγλικά.');
    expect($('article').attr('lang')).toBe('en');
    expect(shown($('article h1').text())).toBe('Privacy');
    expect($('meta[name=robots]').attr('content')).toBe('noindex');
    expect($('link[rel=alternate][hreflang]').length).toBe(0);
    expect($('link[rel=canonical]').attr('href')).toBe('https://gr.test.example/privacy/');
  });

  it('gives every page of every site its locale’s lang, its own canonical URL and only its own country’s numbers', async () => {
    const { loadContent, planSite } = await import('@repo/content');
    const content = loadContent(fixture);
    let checked = 0;
    for (const country of content.countries) {
      const own = new Set(country.helplines.map((h) => `tel:${h.e164}`));
      for (const planned of planSite(content, country.code).pages) {
        const $ = html(`${country.code}${planned.path}index.html`);
        expect($('html').attr('lang'), planned.path).toBe(planned.locale);
        expect($('link[rel=canonical]').attr('href')).toBe(`${country.siteUrl}${planned.path}`);
        expect($('.notice--fallback').length, planned.path).toBe(planned.isFallback ? 1 : 0);
        expect($('link[rel=alternate][hreflang]').length > 0, planned.path).toBe(!planned.isFallback && Object.keys(planned.alternates).length > 1);
        const tels = $('a[href^="tel:"]')
          .toArray()
          .map((a) => $(a).attr('href'));
        expect(tels.length).toBeGreaterThan(0);
        for (const tel of tels) expect(own.has(tel as string), `${country.code}${planned.path} ${tel}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBe(16);
  });

  it('marks draft translations as drafts', () => {
    expect(shown(html('gr/index.html')('.notice--draft').text())).toBe('Αυτή η μετάφραση είναι προσχέδιο.');
    expect(html('gr/en/index.html')('.notice').length).toBe(0);
  });

  it('lists only real translations in the sitemap, with their alternates', () => {
    const xml = readFileSync(join(out, 'gr/sitemap.xml'), 'utf8');
    expect(xml).toContain('<loc>https://gr.test.example/i-agora-vlaptei/</loc>');
    expect(xml).not.toContain('<loc>https://gr.test.example/privacy/</loc>');
    expect(xml).toContain('<loc>https://gr.test.example/en/privacy/</loc>');
    expect(xml).toContain('<xhtml:link rel="alternate" hreflang="x-default" href="https://gr.test.example/i-agora-vlaptei/"/>');
  });

  it('shows only the country’s own helplines, as tel: links with E.164 hrefs and the number as written', () => {
    const gr = html('gr/index.html');
    expect(
      gr('a[href^="tel:"]')
        .toArray()
        .map((a) => `${gr(a).attr('href')} ${shown(gr(a).text())}`),
    ).toContain('tel:116000 Call 116 000');
    expect(gr('a[href="tel:+37380077777"]').length).toBe(0);
    const md = html('md/index.html');
    expect(shown(md('.helplines a[href="tel:+37380077777"]').first().text())).toBe('Call 0 800 77777');
    // Help first: the country's first number at the top, with its purpose, before the page's text.
    expect(shown(md('.help-first__call').text())).toBe('Call 0 800 77777 Safe migration and anti-trafficking hotline');
    expect(md('a[href^="tel:"]').first().hasClass('help-first__call')).toBe(true);
    expect(md('a[href="tel:116000"]').length).toBe(0);
    // Unverified numbers say so; md's only number is verified in the fixture.
    expect(shown(gr('.helplines__note').first().text())).toMatch(/not yet been confirmed/);
    expect(md('.helplines__note').length).toBe(0);
  });

  it('renders a <ForCountry> block only on the sites it lists or whose role it names, with the figures inside it', () => {
    const md = shown(html('md/en/index.html')('article').text());
    const gr = shown(html('gr/en/index.html')('article').text());
    expect(md).toContain('Shown on the Moldovan site only.');
    expect(md).toContain('4242');
    expect(gr).not.toContain('Shown on the Moldovan site only.');
    expect(gr).not.toContain('4242');
    expect(gr).toContain('Shown on destination sites only.');
    expect(md).not.toContain('Shown on destination sites only.');
    expect(html('gr/en/index.html')('article').html()).not.toMatch(/ForCountry|countries=/);
  });

  it('names partners in the reader’s language where a source gives it, else by the original name marked with its language', () => {
    const names = (file: string) => {
      const $ = html(file);
      return $('.partners strong')
        .toArray()
        .map((s) => `${$(s).attr('lang')} ${shown($(s).text())}`);
    };
    expect(names('gr/index.html')).toEqual(['el Όνομα δοκιμής']);
    expect(names('gr/en/index.html')).toEqual(['en The Smile of the Child']);
    expect(names('md/index.html')).toEqual(['en La Strada Moldova']);
  });

  it('puts the exit link first, as a plain link to the country’s neutral site, and a language switcher of plain links', () => {
    const $ = html('gr/en/index.html');
    const firstLink = $('body a').first();
    expect(firstLink.attr('id')).toBe('exit-this-page');
    expect(firstLink.attr('href')).toBe('https://el.wikipedia.org/');
    expect($('.exit-this-page').attr('data-press1')).toBe('Shift, press 1 more time to exit.');
    const switcher = $('nav.languages a')
      .toArray()
      .map((a) => `${$(a).attr('lang')} ${$(a).attr('href')} ${shown($(a).text())}`);
    expect(switcher).toEqual(['el / Ελληνικά', 'en /en/ English']);
  });

  it('loads nothing from another host and carries a CSP without unsafe-inline', () => {
    const $ = html('gr/index.html');
    const csp = $('meta[http-equiv=content-security-policy]').attr('content') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    const urls = $('[src], link[href]')
      .toArray()
      .map((e) => $(e).attr('src') ?? $(e).attr('href') ?? '');
    // data: only for the favicon (the empty one, or the campaign mark's from src/components/Identity.astro).
    for (const url of urls)
      expect(url.startsWith('/') || url.startsWith('https://gr.test.example/') || url === 'data:,' || url.startsWith('data:image/svg+xml,'), url).toBe(true);
  });

  it('shows no poster previews and writes no thumbnails when the site has no print files', () => {
    // PRINT_DIR points at a folder that does not exist: src/components/PosterPreviews.astro renders
    // nothing, and scripts/poster-thumbnails.ts writes nothing.
    for (const page of ['gr/index.html', 'gr/en/index.html', 'md/index.html', 'md/en/index.html']) {
      const $ = html(page);
      expect($('.poster-previews').length, page).toBe(0);
      expect($('img[src^="/print/"], source[srcset^="/print/"]').length, page).toBe(0);
      expect(shown($('body').text()), page).not.toContain('Posters to print and share');
    }
    for (const code of ['gr', 'md']) expect(existsSync(join(out, code, 'print')), `${code}/print`).toBe(false);
  });

  it('writes a localised 404 page with every language of the site', () => {
    const $ = html('gr/404.html');
    expect(
      $('section.not-found')
        .toArray()
        .map((s) => $(s).attr('lang')),
    ).toEqual(['el', 'en']);
  });

  it('refuses broken content, reports it, and leaves the previous build untouched', async () => {
    const broken = join(work, 'broken');
    cpSync(fixture, broken, { recursive: true });
    writeFileSync(join(broken, 'countries/gr.yaml'), readFileSync(join(broken, 'countries/gr.yaml'), 'utf8').replace('    source: facts-helplines\n', ''));
    const before = readFileSync(join(out, 'gr/index.html'), 'utf8');
    const result = await build(broken).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('content/countries/gr.yaml:9 [FieldMissing] field "helplines.0.source": ');
    expect(result.stderr).toContain('was left untouched');
    expect(readFileSync(join(out, 'gr/index.html'), 'utf8')).toBe(before);
  });

  it('refuses a release build while any helpline is unverified, naming each', async () => {
    const result = await build(fixture, '--release').then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('[HelplineUnverified] ');
    expect(result.stderr).toContain('fix: content/countries/gr.yaml field "helplines.0.verifiedOn"');
  });
});
