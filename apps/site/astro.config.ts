import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import mdx from '@astrojs/mdx';
import { cssCustomProperties } from '@repo/design';
import { defineConfig } from 'astro/config';
import { securityHeadersIntegration } from './src/integrations/headers.ts';
import { contentDir, countryCode, outDir, siteContext } from './src/lib/build-context.ts';
import { siteText, writeSiteFonts } from './src/lib/fonts.ts';

const { country, content, plan, print } = siteContext();

// The content store lives beside this config (in the country's build root, see
// scripts/build-sites.ts), keyed by content folder so fixture builds never reuse real entries.
const cacheDir = resolve(import.meta.dirname, `node_modules/.astro/${countryCode()}-${createHash('sha256').update(contentDir()).digest('hex').slice(0, 8)}`);
// Noto Sans subset to this site's characters, one file per script and weight (src/lib/fonts.ts).
let fonts: ReturnType<typeof writeSiteFonts> | undefined;
const siteFonts = () => (fonts ??= writeSiteFonts(siteText(content, plan, print), resolve(cacheDir, 'fonts'), country.languages));

// One build per country: COUNTRY picks the site, SITE_OUT_DIR where it goes (scripts/build-sites.ts sets both).
export default defineConfig({
  site: country.siteUrl,
  outDir: outDir(),
  cacheDir,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  // 'jsx' (Astro 7's default) drops spaces between inline elements in translated sentences.
  compressHTML: true,
  devToolbar: { enabled: false },
  markdown: { syntaxHighlight: false },
  integrations: [mdx(), securityHeadersIntegration()],
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
