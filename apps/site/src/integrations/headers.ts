// Writes `_headers` into each built site, for static hosts (Netlify, Cloudflare Pages and others
// read it): the policies a <meta> tag cannot carry. The Content-Security-Policy header repeats the
// pages' own policy (Astro's security.csp hashes, collected from every page so that the header
// never blocks what a page's <meta> allows) and adds frame-ancestors 'none', which only works as a
// header. The quality gates check this file (@repo/gates privacy gate) and the local server
// applies it, so the browser gates see the site as a host serves it.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Headers for every response. */
export const securityHeaders: Record<string, string> = {
  'Referrer-Policy': 'no-referrer',
  // Nothing on these sites needs a device feature; a page that is framed or injected gets none either.
  'Permissions-Policy':
    'accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), fullscreen=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), picture-in-picture=(), publickey-credentials-get=(), screen-wake-lock=(), sync-xhr=(), usb=(), xr-spatial-tracking=()',
  // Two years, as the HSTS preload list asks; `preload` itself is a decision per domain, not made here.
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => join(dir, f));
}

/** The union of the pages' policies, directive by directive, in a stable order. */
export function mergedPolicy(policies: string[]): string {
  const directives = new Map<string, Set<string>>();
  for (const policy of policies) {
    for (const part of policy.split(';')) {
      const [name, ...sources] = part.trim().split(/\s+/);
      if (!name) continue;
      const set = directives.get(name) ?? new Set<string>();
      for (const s of sources) set.add(s);
      directives.set(name, set);
    }
  }
  directives.set('frame-ancestors', new Set(["'none'"]));
  return [...directives].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

export function headersFile(policy: string): string {
  const lines = ['# Response headers for static hosts; written by apps/site/src/integrations/headers.ts.', '/*', `  Content-Security-Policy: ${policy}`];
  for (const [name, value] of Object.entries(securityHeaders)) lines.push(`  ${name}: ${value}`);
  // Astro's bundled files have a content hash in their names: they never change.
  lines.push('/_astro/*', '  Cache-Control: public, max-age=31536000, immutable', '');
  return lines.join('\n');
}

export function securityHeadersIntegration(): AstroIntegration {
  return {
    name: 'campaign-security-headers',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const out = fileURLToPath(dir);
        const policies = htmlFiles(out)
          .map((file) => readFileSync(file, 'utf8').match(/<meta http-equiv="content-security-policy" content="([^"]*)"/i)?.[1])
          .filter((p): p is string => Boolean(p));
        if (policies.length === 0) throw new Error('No page carries a Content-Security-Policy <meta>: keep security.csp on in astro.config.ts.');
        writeFileSync(join(out, '_headers'), headersFile(mergedPolicy(policies)));
      },
    },
  };
}
