import type { APIRoute } from 'astro';
import { siteContext } from '../lib/build-context.ts';

export const GET: APIRoute = () => {
  const { plan } = siteContext();
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL('/sitemap.xml', plan.country.siteUrl).href}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
