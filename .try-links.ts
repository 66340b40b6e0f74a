import { linksGate } from './packages/gates/src/links.ts';
import { sitesIn } from './packages/gates/src/site-files.ts';
const t = performance.now();
const r = await linksGate(sitesIn(process.argv[2]));
console.log(r.summary, r.failures.length, ((performance.now()-t)/1000).toFixed(1)+'s');
console.log(r.failures);
