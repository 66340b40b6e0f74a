import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import mdx from '@astrojs/mdx';
import { cssCustomProperties } from '@repo/design';
import { defineConfig } from 'astro/config';
import { devPreview, isPreview } from './src/integrations/dev-preview.ts';
import { securityHeadersIntegration } from './src/integrations/headers.ts';
import { contentDir, countryCode, outDir, siteContext } from './src/lib/build-context.ts';
import { siteText, writeSiteFonts } from './src/lib/fonts.ts';

const { country, content, plan, print } = siteContext();

// The content store lives beside this config (in the country's build root, see
// scripts/build-sites.ts), keyed by content folder so fixture builds never reuse real entries.
const cacheDir = resolve(import.meta.dirname, `node_modules/.astro/${countryCode()}-${createHash('sha256').update(contentDir()).digest('hex').slice(0, 8)}`);
// Noto Sans subset to this site's characters, one file per script and weight (src/lib/fonts.ts). The
// dev preview (`astro dev`) adds every letter of the Latin, Greek and Cyrillic blocks, so that text
// typed while it runs never falls back to another font.
const previewCharacters = () =>
  [
    [0x20, 0x24f],
    [0x370, 0x3ff],
    [0x400, 0x52f],
    [0x1e00, 0x1eff],
    [0x2010, 0x205f],
    [0x20ac, 0x20ac],
  ]
    .flatMap(([from, to]) => Array.from({ length: (to as number) - (from as number) + 1 }, (_, i) => String.fromCodePoint((from as number) + i)))
    .join('');
let fonts: ReturnType<typeof writeSiteFonts> | undefined;
const siteFonts = () =>
  (fonts ??= writeSiteFonts(
    siteText(content, plan, print) + (isPreview() ? previewCharacters() : ''),
    resolve(cacheDir, 'fonts'),
    country.languages,
    process.env.SITE_FONT_CACHE,
  ));

// One build per country: COUNTRY picks the site, SITE_OUT_DIR where it goes (scripts/build-sites.ts sets both).
export default defineConfig({
  site: country.siteUrl,
  // Beside this file: the dev preview (scripts/dev.ts) runs each country from its own root,
  // apps/site/.build-dev/<cc>/, for Astro's generated files, with this app's src/.
  srcDir: resolve(import.meta.dirname, 'src'),
  outDir: outDir(),
  cacheDir,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  // 'jsx' (Astro 7's default) drops spaces between inline elements in translated sentences.
  compressHTML: true,
  devToolbar: { enabled: false },
  markdown: { syntaxHighlight: false },
  integrations: [
    mdx(),
    securityHeadersIntegration(),
    // `astro dev` only: content edits show without a restart, errors as the content checker words them.
    devPreview(),
  ],
  security: {
    csp: {
      algorithm: 'SHA-256',
      // data: images only for the favicon, the campaign mark as an inline SVG (Identity.astro):
      // browsers never ask for /favicon.ico, so no page makes a request it does not need. The mark
      // says no more in tabs and history than the page title beside it already does.
      directives: [
        "default-src 'none'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
        "object-src 'none'",
      ],
    },
  },
  vite: {
    // Never inline a font or image as data: (the Content-Security-Policy allows files from the site
    // only); small scripts are still inlined (and hashed), saving a request.
    build: { assetsInlineLimit: (file: string) => (/\.(woff2?|ttf|otf|png|jpe?g|gif|webp|avif|svg|ico)$/i.test(file) ? false : undefined) },
    plugins: [
      {
        name: 'design-tokens',
        resolveId: (id) => (id === 'virtual:design-tokens.css' ? '\0virtual:design-tokens.css' : undefined),
        load: (id) => (id === '\0virtual:design-tokens.css' ? cssCustomProperties() : undefined),
      },
      {
        name: 'site-fonts',
        // A real file, so that Vite bundles the fonts it points to like any other asset.
        resolveId: async (id) =>
          id === 'virtual:fonts.css' ? (await siteFonts()).css : id === 'virtual:font-preloads' ? '\0virtual:font-preloads' : undefined,
        // The bundled URLs of the files every page needs, for <link rel="preload">.
        load: async (id) => {
          if (id !== '\0virtual:font-preloads') return undefined;
          const { preload } = await siteFonts();
          return `${preload.map((file, i) => `import f${i} from ${JSON.stringify(`${file}?url`)};`).join('\n')}\nexport default [${preload.map((_, i) => `f${i}`).join(', ')}];`;
        },
      },
    ],
  },
});
