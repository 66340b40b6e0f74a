// Privacy gate, browser part: loads every page in Chromium and fails on any request that leaves
// the site's own server, any cookie, and any write to localStorage, sessionStorage, IndexedDB or
// the Cache API. Requests to other hosts are recorded, and can never be sent (see browser.ts). Anything the
// Content-Security-Policy blocks, and any script error, is reported too: a blocked script is a
// feature (such as the exit control) that silently does not work.
import type { ArgsOf, GateCode } from '@repo/errors';
import type { BrowserRunOptions, PageCheck, Visit } from './browser.ts';
import { runBrowserChecks } from './browser.ts';
import { failure, pageTextSelector } from './failure.ts';
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
  // A blocked element inside the page's own text (its MDX file) says so: the failure is traced there.
  document.addEventListener('securitypolicyviolation', (e) => {
    const blocked = /^(inline|eval|data|blob)$/.test(e.blockedURI)
      ? `${e.blockedURI === 'data' || e.blockedURI === 'blob' ? `a ${e.blockedURI}: URL` : `${e.blockedURI} code`}`
      : e.blockedURI || 'inline code';
    const inText = e.target instanceof Element && e.target.closest('main article') !== null;
    log(
      `csp:${JSON.stringify({ directive: e.effectiveDirective, blocked, url: /^[a-z]+:\/\//i.test(e.blockedURI) ? e.blockedURI : '', sample: e.sample, inText })}`,
    );
  });
}

/** A blocked load or run, as the init script records it. */
interface CspTrace {
  directive: string;
  blocked: string;
  /** The address blocked, when it is one. */
  url: string;
  sample: string;
  inText: boolean;
}

export function privacyBrowserCheck(): PageCheck {
  let requests: { type: string; url: string }[] = [];
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
        requests.push({ type: request.resourceType(), url });
      });
      page.on('websocket', (ws) => requests.push({ type: 'websocket', url: ws.url() }));
      page.on('pageerror', (error) => errors.push(error.message));
    },
    async check(page, visit, context): Promise<Failure[]> {
      const failures: Failure[] = [];
      const fail = <C extends GateCode>(code: C, args: ArgsOf<C>, more: { region?: 'body' | 'layout'; evidence?: string } = {}) =>
        failures.push(failure(code, args, { site: visit.site.code, page: visit.page.path, ...more }));
      const urls = requests.map((r) => r.url);
      const state = await page.evaluate(
        async ({ urls, text }) => {
          const w = window as unknown as { __traces?: string[] };
          const databases = indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name ?? '?') : [];
          const cacheNames = window.caches ? await caches.keys() : [];
          // Which requested addresses an element of the page's own text asks for (its MDX file), the rest being the layout's.
          const attributes = ['src', 'href', 'srcset', 'poster', 'data', 'action'];
          const inText = urls.filter((url) =>
            [...document.querySelectorAll(text)].some((article) =>
              [...article.querySelectorAll('*')].some((el) => attributes.some((a) => (el.getAttribute(a) ?? '').includes(url))),
            ),
          );
          return { traces: w.__traces ?? [], local: Object.keys(localStorage), session: Object.keys(sessionStorage), databases, cacheNames, inText };
        },
        { urls, text: pageTextSelector },
      );
      for (const { type, url } of requests) fail('ForeignRequest', { type, url }, { region: state.inText.includes(url) ? 'body' : 'layout', evidence: url });
      const cookies = await context.cookies();
      for (const c of cookies) fail('CookieSet', { name: c.name, domain: c.domain });
      const writes = state.traces.filter((t) => !t.startsWith('csp:'));
      for (const write of writes) fail('StorageWrite', { write });
      // Writes that bypass setItem (localStorage.key = value) show up as keys left behind.
      for (const key of state.local) if (!writes.includes(`localStorage.setItem("${key}")`)) fail('StorageLeftover', { storage: 'localStorage', key });
      for (const key of state.session) if (!writes.includes(`sessionStorage.setItem("${key}")`)) fail('StorageLeftover', { storage: 'sessionStorage', key });
      for (const name of state.databases) if (!writes.includes(`indexedDB.open("${name}")`)) fail('IndexedDbLeftover', { name });
      for (const name of state.cacheNames) fail('CacheStorageLeftover', { name });
      for (const t of state.traces.filter((x) => x.startsWith('csp:'))) {
        const csp = JSON.parse(t.slice(4)) as CspTrace;
        fail(
          'CspBlocked',
          { directive: csp.directive, blocked: csp.blocked, ...(csp.sample ? { sample: csp.sample } : {}) },
          { region: csp.inText ? 'body' : undefined, evidence: csp.url || undefined },
        );
      }
      for (const e of errors) fail('ScriptError', { message: e.split('\n')[0] ?? '' });
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
