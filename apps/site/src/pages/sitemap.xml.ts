// sitemap.xml with hreflang alternates only between real translations, plus x-default.
// Written here rather than with @astrojs/sitemap, which links every locale of every page, English
// fallbacks included, and cannot tell a translation from a fallback.
import type { APIRoute } from 'astro';
import { siteContext } from '../lib/build-context.ts';

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

export const GET: APIRoute = () => {
  const { plan, content } = siteContext();
  const site = plan.country.siteUrl;
  const abs = (path: string) => xmlEscape(new URL(path, site).href);
  const urls = plan.pages
    .filter((p) => !p.isFallback)
    .map((p) => {
      const alternates = Object.entries(p.alternates);
      const xDefault = p.alternates[plan.country.defaultLanguage] ?? p.alternates.en;
      const links =
        alternates.length > 1
          ? [
              ...alternates.map(([tag, path]) => `    <xhtml:link rel="alternate" hreflang="${tag}" href="${abs(path)}"/>`),
              ...(xDefault ? [`    <xhtml:link rel="alternate" hreflang="x-default" href="${abs(xDefault)}"/>`] : []),
            ]
          : [];
      return [`  <url>`, `    <loc>${abs(p.path)}</loc>`, `    <lastmod>${content.campaign.releaseDate}</lastmod>`, ...links, `  </url>`].join('\n');
    });
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`;
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
