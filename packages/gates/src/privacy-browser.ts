// Privacy gate, browser part: loads every page in Chromium and fails on any request that leaves
// the site's own server, any cookie, and any write to localStorage, sessionStorage, IndexedDB or
// the Cache API. Requests to other hosts are recorded, and can never be sent (see browser.ts). Anything the
// Content-Security-Policy blocks, and any script error, is reported too: a blocked script is a
// feature (such as the exit control) that silently does not work.
import type { BrowserRunOptions, PageCheck, Visit } from './browser.ts';
import { runBrowserChecks } from './browser.ts';
import type { Failure, GateResult, Site } from './types.ts';

/** Runs in every page before its own scripts: records every attempt to store something. */
function recordStorageWrites() {
  const w = window as unknown as { __traces: string[] };
  w.__traces = [];
  const log = (what: string) => w.__traces.push(what);
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
    log(`${this === window.sessionStorage ? 'sessionStorage' : 'localStorage'}.setItem("${key}")`);
    return setItem.call(this, key, value);
  };
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  if (cookie?.set && cookie.get) {
    const { get, set } = cookie;
    Object.defineProperty(Document.prototype, 'cookie', {
      configurable: true,
      get() {
        return get.call(this);
      },
      set(value: string) {
        log(`document.cookie = "${String(value).split('=')[0]}=…"`);
        set.call(this, value);
      },
    });
  }
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (this: IDBFactory, name: string, version?: number) {
    log(`indexedDB.open("${name}")`);
    return open.call(this, name, version);
  };
  if (window.caches) {
    const cacheOpen = CacheStorage.prototype.open;
    CacheStorage.prototype.open = function (this: CacheStorage, name: string) {
      log(`caches.open("${name}")`);
      return cacheOpen.call(this, name);
    };
  }
  document.addEventListener('securitypolicyviolation', (e) =>
    log(
      `csp:${e.effectiveDirective} blocked ${/^(inline|eval|data|blob)$/.test(e.blockedURI) ? `${e.blockedURI === 'data' || e.blockedURI === 'blob' ? `a ${e.blockedURI}: URL` : `${e.blockedURI} code`}` : e.blockedURI || 'inline code'}${e.sample ? ` (“${e.sample}”)` : ''}`,
    ),
  );
}

export function privacyBrowserCheck(): PageCheck {
  let requests: string[] = [];
  let errors: string[] = [];
  let dirty = false;
  return {
    gate: 'privacy-browser',
    async setUp(context, page, current: () => Visit | undefined) {
      await context.addInitScript(recordStorageWrites);
      // Nothing can leave anyway (Chromium resolves no host name and sends everything else to a
      // closed local proxy, see browser.ts); every request to another origin is recorded here.
      page.on('request', (request) => {
        const url = request.url();
        const visit = current();
        if (/^(data|blob|about):/.test(url) || (visit && url.startsWith(`${visit.site.origin}/`))) return;
        requests.push(`${request.resourceType()} ${url}`);
      });
      page.on('websocket', (ws) => requests.push(`websocket ${ws.url()}`));
      page.on('pageerror', (error) => errors.push(error.message));
    },
    async check(page, visit, context): Promise<Failure[]> {
      const failures: Failure[] = [];
      const fail = (problem: string, fix: string) => failures.push({ site: visit.site.code, page: visit.page.path, problem, fix });
      for (const request of requests)
        fail(
          `the page requested ${request}, which would leave the site’s own server`,
          'Serve the file from the site itself, or remove what requests it: every request to another host tells that host who is reading.',
        );
      const state = await page.evaluate(async () => {
        const w = window as unknown as { __traces?: string[] };
        const databases = indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name ?? '?') : [];
        const cacheNames = window.caches ? await caches.keys() : [];
        return { traces: w.__traces ?? [], local: Object.keys(localStorage), session: Object.keys(sessionStorage), databases, cacheNames };
      });
      const cookies = await context.cookies();
      for (const c of cookies) fail(`the page set a cookie “${c.name}” (${c.domain})`, 'Remove the cookie: the site must leave no trace on a reader’s phone.');
      const writes = state.traces.filter((t) => !t.startsWith('csp:'));
      for (const t of writes)
        fail(
          `a script stored data: ${t}`,
          'Remove the storage write: the site must leave no trace on a reader’s phone (keep state in the page, or in the URL).',
        );
      // Writes that bypass setItem (localStorage.key = value) show up as keys left behind.
      for (const key of state.local)
        if (!writes.includes(`localStorage.setItem("${key}")`))
          fail(`localStorage holds “${key}” after loading`, 'Remove the storage write: the site must leave no trace on a reader’s phone.');
      for (const key of state.session)
        if (!writes.includes(`sessionStorage.setItem("${key}")`))
          fail(`sessionStorage holds “${key}” after loading`, 'Remove the storage write: the site must leave no trace on a reader’s phone.');
      for (const name of state.databases)
        if (!writes.includes(`indexedDB.open("${name}")`)) fail(`an IndexedDB database “${name}” exists after loading`, 'Remove the IndexedDB use.');
      for (const name of state.cacheNames) fail(`a Cache Storage cache “${name}” exists after loading`, 'Remove the service worker or cache use.');
      for (const t of state.traces.filter((x) => x.startsWith('csp:')))
        fail(
          `the Content-Security-Policy ${t.slice(4)}`,
          'Serve every file from the site itself (no data: URLs or other hosts beyond what the policy allows), and do not use inline style="" or on…= attributes or <script is:inline>: bundle scripts and styles so Astro hashes them (security.csp).',
        );
      for (const e of errors) fail(`a script failed: ${e.split('\n')[0]}`, 'Fix the script (open the page with npm run serve and look at the console).');
      dirty = cookies.length > 0 || state.local.length + state.session.length + state.databases.length + state.cacheNames.length > 0;
      return failures;
    },
    async reset(page, context) {
      requests = [];
      errors = [];
      if (!dirty) return;
      dirty = false;
      await context.clearCookies();
      await page
        .evaluate(async () => {
          localStorage.clear();
          sessionStorage.clear();
          if (indexedDB.databases) for (const d of await indexedDB.databases()) if (d.name) indexedDB.deleteDatabase(d.name);
          if (window.caches) for (const k of await caches.keys()) await caches.delete(k);
        })
        .catch(() => undefined);
    },
  };
}

export async function privacyBrowserGate(sites: Site[], options: BrowserRunOptions = {}): Promise<GateResult> {
  const [result] = await runBrowserChecks(sites, [privacyBrowserCheck], options);
  return result as GateResult;
}
