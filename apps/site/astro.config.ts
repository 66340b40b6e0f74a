import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import mdx from '@astrojs/mdx';
import { cssCustomProperties } from '@repo/design';
import { defineConfig } from 'astro/config';
import { contentDir, countryCode, outDir, siteContext } from './src/lib/build-context.ts';

const { country } = siteContext();

// One build per country: COUNTRY picks the site, SITE_OUT_DIR where it goes (scripts/build-sites.ts sets both).
export default defineConfig({
  site: country.siteUrl,
  outDir: outDir(),
  // The content store lives beside this config (in the country's build root, see
  // scripts/build-sites.ts), keyed by content folder so fixture builds never reuse real entries.
  cacheDir: resolve(import.meta.dirname, `node_modules/.astro/${countryCode()}-${createHash('sha256').update(contentDir()).digest('hex').slice(0, 8)}`),
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  // 'jsx' (Astro 7's default) drops spaces between inline elements in translated sentences.
  compressHTML: true,
  devToolbar: { enabled: false },
  markdown: { syntaxHighlight: false },
  integrations: [mdx()],
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: ["default-src 'none'", "img-src 'self'", "font-src 'self'", "connect-src 'none'", "base-uri 'none'", "form-action 'none'", "object-src 'none'"],
    },
  },
  vite: {
    plugins: [
      {
        name: 'design-tokens',
        resolveId: (id) => (id === 'virtual:design-tokens.css' ? '\0virtual:design-tokens.css' : undefined),
        load: (id) => (id === '\0virtual:design-tokens.css' ? cssCustomProperties() : undefined),
      },
    ],
  },
});
