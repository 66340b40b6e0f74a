// `node scripts/check-external-links.ts`: checks every link from the published sites to other
// hosts (the exit pages, source addresses) and writes dist/reports/external-links.md. It never
// blocks a build, and it is the only command of the kit that contacts other sites: run it where
// the internet is reachable, not in CI.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkExternalLinks, externalLinkReport, externalLinksIn, sitesIn } from '@repo/gates';

const dist = resolve(process.env.DIST_DIR ?? join(import.meta.dirname, '..', 'dist'));
const links = externalLinksIn(sitesIn(dist));
console.log(`Checking ${links.length} addresses on other hosts linked from ${dist}…`);
const results = await checkExternalLinks(links);
const reports = join(dist, 'reports');
mkdirSync(reports, { recursive: true });
writeFileSync(join(reports, 'external-links.md'), externalLinkReport(results, new Date().toISOString().slice(0, 10)));
const problems = results.filter((r) => r.state !== 'ok');
for (const r of problems) console.log(`  ${r.state}: ${r.url} (${r.status ?? r.error ?? ''}) from ${r.from.join(', ')}`);
console.log(`${problems.length} of ${results.length} external links have problems; report: ${join(reports, 'external-links.md')}`);
