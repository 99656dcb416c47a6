// How fast the search page answers a reader, and what it downloads to do so: the built site served
// statically, the search page opened in headless Chromium, a query typed on the keyboard. A
// measurement printed by `npm run bench`, never asserted.
import { get as httpGet } from 'node:http';
import type { CDPSession, Page, Request } from 'playwright-core';
import { launchChromium } from '../tests/helpers/chromium.ts';
import { serveStatic } from '../tests/helpers/static-server.ts';

export interface SearchOptions {
  /** The first query, typed into a fresh page (empty HTTP cache, fresh profile). */
  query: string;
  /** The site's path prefix when it was built to live under a sub-folder ("/archive/"). */
  pathPrefix?: string;
  /** The second query, typed into the same page; defaults to the first result's title of the first query. */
  secondQuery?: string;
  /** Milliseconds between keystrokes; default 40 (below the page's input debounce, as a fluent typist). */
  typingDelayMs?: number;
  /**
   * Serve HTML, CSS, JavaScript and JSON gzip-compressed, as static hosts do (default true); false
   * serves every file as it is on disk. Pagefind's index files are gzip either way.
   */
  compress?: boolean;
  /** How long to wait for results before reporting a timeout; default 30 s. */
  timeoutMs?: number;
}

/** Bytes and requests in one phase, by what Pagefind fetched. */
export interface NetworkFigures {
  /** Bytes received (Chromium's encodedDataLength: headers and body as sent). */
  bytes: number;
  requests: number;
  /** Requests answered from the browser's cache (no bytes on the wire). */
  fromCache: number;
  /** Requests that failed (network error, aborted). */
  failed: number;
  byKind: Record<string, { bytes: number; requests: number }>;
}

export interface QueryMeasurement {
  query: string;
  /**
   * Last keystroke → first result link rendered (the frame after it entered the DOM), or the status
   * line's "no results" when nothing matched; null when timed out.
   */
  latencyMs: number | null;
  timedOut: boolean;
  /** The count the page announced ("24 results"); 0 when it said there were none; null when unknown. */
  results: number | null;
  firstResult: { title: string; href: string } | null;
  /** Bytes fetched between the first keystroke and the first result shown. */
  bytesUntilShown: number;
  /** Everything fetched from the first keystroke until results were shown and the network was quiet. */
  network: NetworkFigures;
}

export interface SearchMeasurement {
  url: string;
  /** Whether text was served gzip-compressed (see SearchOptions.compress). */
  compressed: boolean;
  /** Navigation → search ready (Pagefind loaded, filters drawn) and the network quiet. */
  pageLoad: { readyMs: number; network: NetworkFigures };
  /** The first query in a fresh browser: nothing of the index cached. */
  cold: QueryMeasurement;
  /** A second query in the same page: Pagefind's loaded chunks and the HTTP cache are warm. */
  second: QueryMeasurement;
  /** Anything that qualifies the figures (corrections, stuck requests, console errors). */
  notes: string[];
}

const QUIET_MS = 500;

export async function measureSearch(siteDir: string, options: SearchOptions): Promise<SearchMeasurement> {
  const prefix = normalizePrefix(options.pathPrefix);
  const typingDelay = options.typingDelayMs ?? 40;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const compress = options.compress ?? true;
  const server = await serveStatic(siteDir, prefix, { compress });
  const notes: string[] = [];
  try {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const where = message.location().url;
        notes.push(`console error: ${message.text()}${where ? ` (${pathOf(where)})` : ''}`);
      });
      page.on('pageerror', (error) => notes.push(`page error: ${error.message}`));
      const cdp = await browser.context.newCDPSession(page);
      const recorder = new NetworkRecorder();
      await recorder.attach(cdp);
      recorder.crossCheck(page);

      const url = `${server.url}/search/`;
      recorder.phase = 'load';
      const started = Date.now();
      await page.goto(url, { waitUntil: 'load' });
      await waitForSearchReady(page, timeoutMs);
      const readyMs = Date.now() - started;
      await recorder.waitForQuiet(timeoutMs, notes);
      await idle(page);
      const pageLoad = { readyMs, network: await recorder.figures('load', notes) };

      const cold = await measureQuery(page, recorder, 'cold', options.query, typingDelay, timeoutMs, notes);
      const secondQuery = options.secondQuery ?? cold.firstResult?.title ?? options.query;
      const second = await measureQuery(page, recorder, 'second', secondQuery, typingDelay, timeoutMs, notes);
      return { url, compressed: compress, pageLoad, cold, second, notes };
    } finally {
      await browser.close();
    }
  } finally {
    await server.close();
  }
}

async function measureQuery(
  page: Page,
  recorder: NetworkRecorder,
  phase: string,
  query: string,
  typingDelay: number,
  timeoutMs: number,
  notes: string[],
): Promise<QueryMeasurement> {
  await idle(page);
  // Watch the results list from inside the page, on the page's own clock: the last `input` event is
  // the last keystroke; a result link that was not in the list before, visible, rendered by the
  // search for the whole query, is the answer; the frame after it is when a reader sees it.
  await page.evaluate((expected) => {
    const input = document.querySelector<HTMLInputElement>('#search-input')!;
    const list = document.querySelector('#search-results')!;
    const status = document.querySelector('#search-status')!;
    const before = new Set(list.children);
    const probe = {
      lastInput: null as number | null,
      shownAt: null as number | null,
      paintedAt: null as number | null,
      count: null as number | null,
      title: null as string | null,
      href: null as string | null,
    };
    (window as unknown as { __searchProbe: typeof probe }).__searchProbe = probe;
    input.addEventListener('input', () => { probe.lastInput = performance.now(); });
    // One anonymous callback, no named functions: tsx wraps those in a helper the page lacks.
    const observer = new MutationObserver((records) => {
      if (probe.shownAt !== null || probe.lastInput === null || input.value.trim() !== expected) return;
      // Results of a search for a prefix ("Kelle") can still arrive after the last key; the page
      // writes the query it is searching for into the address (?q=) as each search starts, so a
      // render is the full query's only once the address says so.
      if ((new URLSearchParams(location.search).get('q') ?? '').trim() !== expected) return;
      const statusChanged = records.some((record) => status.contains(record.target));
      const link = [...list.querySelectorAll<HTMLAnchorElement>('li a[href]')].find((a) => {
        const item = a.closest('li');
        return item !== null && !before.has(item) && a.getClientRects().length > 0 && a.checkVisibility();
      });
      // No results at all: the list stays empty and only the status line changes.
      if (!link && !(statusChanged && list.children.length === 0)) return;
      probe.shownAt = performance.now();
      probe.title = link?.textContent?.trim() ?? null;
      probe.href = link?.getAttribute('href') ?? null;
      requestAnimationFrame(() => {
        // rAF runs just before the frame is painted; a task posted from it runs just after.
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          probe.paintedAt = performance.now();
        };
        channel.port2.postMessage(null);
      });
    });
    observer.observe(list, { childList: true, subtree: true, attributes: true });
    observer.observe(status, { childList: true, subtree: true, characterData: true });
  }, query);

  const input = page.locator('#search-input');
  await input.focus();
  // Replace what the previous query left, as a reader does: select all, then type over it.
  if ((await input.inputValue()) !== '') await page.keyboard.press('ControlOrMeta+A');
  recorder.phase = phase;
  recorder.markShown = null;
  await page.keyboard.type(query, { delay: typingDelay });
  let timedOut = false;
  try {
    await page.waitForFunction(() => (window as unknown as { __searchProbe: { paintedAt: number | null } }).__searchProbe.paintedAt !== null, undefined, {
      timeout: timeoutMs,
      polling: 'raf',
    });
  } catch {
    timedOut = true;
    notes.push(`${phase} query "${query}": no result shown within ${timeoutMs / 1000} s`);
  }
  recorder.markShown = recorder.bytesSoFar(phase);
  await recorder.waitForQuiet(timeoutMs, notes);
  // The page announces the count once its first page of results is complete, after the first ones show.
  const probe = await page.evaluate(() => {
    const found = (window as unknown as {
      __searchProbe: { lastInput: number | null; paintedAt: number | null; count: number | null; title: string | null; href: string | null };
    }).__searchProbe;
    const announced = /(\d[\d,]*)\s+result/.exec(document.querySelector('#search-status')?.textContent ?? '');
    const empty = document.querySelectorAll('#search-results li').length === 0;
    return { ...found, count: announced ? Number(announced[1]!.replace(/,/g, '')) : empty ? 0 : null };
  });
  const bytesUntilShown = recorder.markShown;
  recorder.phase = 'after';
  return {
    query,
    latencyMs: !timedOut && probe.paintedAt !== null && probe.lastInput !== null ? probe.paintedAt - probe.lastInput : null,
    timedOut,
    results: probe.count,
    firstResult: probe.title !== null && probe.href !== null ? { title: probe.title, href: probe.href } : null,
    bytesUntilShown,
    network: await recorder.figures(phase, notes),
  };
}

async function waitForSearchReady(page: Page, timeoutMs: number): Promise<void> {
  // The page reveals the search form once Pagefind has loaded and the filters are drawn, and the
  // "unavailable" notice when it could not load the index.
  await page.waitForFunction(
    () => {
      const app = document.querySelector<HTMLElement>('.search-app');
      const unavailable = document.querySelector<HTMLElement>('#search-unavailable');
      return (app !== null && !app.hidden && document.querySelector('#search-status')?.textContent !== '') || (unavailable !== null && !unavailable.hidden);
    },
    undefined,
    { timeout: timeoutMs },
  );
  if (await page.locator('#search-unavailable').isVisible()) {
    throw new Error('The search page says search is not available: was the site built with its Pagefind index?');
  }
}

async function idle(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 2000 })),
  );
}

function normalizePrefix(prefix: string | undefined): string {
  if (!prefix || prefix === '/') return '/';
  return `/${prefix.replace(/^\/+|\/+$/g, '')}/`;
}

// ——— Network accounting through CDP ———

interface RequestRecord {
  url: string;
  method: string;
  phase: string;
  encodedDataLength: number | null;
  dataEvents: number;
  decodedBytes: number;
  status: number | null;
  fromCache: boolean;
  failed: boolean;
  done: boolean;
}

// The few fields of the CDP events used here (playwright-core does not export its protocol types).
interface RequestWillBeSent { requestId: string; request: { url: string; method: string } }
interface ResponseReceived { requestId: string; response: { status: number; fromDiskCache?: boolean; fromServiceWorker?: boolean; fromPrefetchCache?: boolean } }
interface DataReceived { requestId: string; dataLength: number }
interface LoadingFinished { requestId: string; encodedDataLength: number }
interface RequestId { requestId: string }

/**
 * Every request of the page and of the workers it starts (Pagefind 1.5 fetches its index, chunks and
 * fragments from a dedicated worker, which is a target of its own: the page's Network domain does
 * not see its traffic). Workers are auto-attached through the page's session in non-flat mode, so
 * their events arrive on that same session as `Target.receivedMessageFromTarget`.
 */
class NetworkRecorder {
  phase = 'setup';
  markShown: number | null = null;
  private readonly requests = new Map<string, RequestRecord>();
  private readonly seenByPlaywright: Array<{ request: Request; phase: string }> = [];
  private lastActivity = Date.now();
  private messageId = 0;

  async attach(cdp: CDPSession): Promise<void> {
    cdp.on('Network.requestWillBeSent', (event) => this.requestWillBeSent(event));
    cdp.on('Network.responseReceived', (event) => this.responseReceived(event));
    cdp.on('Network.requestServedFromCache', (event) => this.servedFromCache(event));
    cdp.on('Network.dataReceived', (event) => this.dataReceived(event));
    cdp.on('Network.loadingFinished', (event) => this.loadingFinished(event));
    cdp.on('Network.loadingFailed', (event) => this.loadingFailed(event));
    cdp.on('Target.attachedToTarget', (event) => {
      const send = (method: string) =>
        cdp
          .send('Target.sendMessageToTarget', { sessionId: event.sessionId, message: JSON.stringify({ id: ++this.messageId, method, params: {} }) })
          .catch(() => undefined);
      // The worker waits for us: enable its Network domain before it runs, then let it go.
      void send('Network.enable').then(() => send('Runtime.runIfWaitingForDebugger'));
    });
    cdp.on('Target.receivedMessageFromTarget', (event) => {
      const message = JSON.parse(event.message) as { method?: string; params?: unknown };
      if (message.method) this.dispatch(message.method, message.params);
    });
    await cdp.send('Network.enable');
    await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
  }

  /**
   * Playwright's own record of the page's and its workers' requests. The worker is released by
   * Playwright's session as well as this one, so its first request or two can go out before this
   * session has enabled its Network domain; such requests are found here and counted from
   * Playwright's sizes (which come from the same CDP events, on Playwright's session).
   */
  crossCheck(page: Page): void {
    page.on('request', (request) => {
      if (!request.url().startsWith('data:')) this.seenByPlaywright.push({ request, phase: this.phase });
    });
  }

  private dispatch(method: string, params: unknown): void {
    switch (method) {
      case 'Network.requestWillBeSent': return this.requestWillBeSent(params as RequestWillBeSent);
      case 'Network.responseReceived': return this.responseReceived(params as ResponseReceived);
      case 'Network.requestServedFromCache': return this.servedFromCache(params as RequestId);
      case 'Network.dataReceived': return this.dataReceived(params as DataReceived);
      case 'Network.loadingFinished': return this.loadingFinished(params as LoadingFinished);
      case 'Network.loadingFailed': return this.loadingFailed(params as RequestId);
    }
  }

  private record(requestId: string): RequestRecord | undefined {
    this.lastActivity = Date.now();
    return this.requests.get(requestId);
  }

  private requestWillBeSent(event: RequestWillBeSent): void {
    this.lastActivity = Date.now();
    if (event.request.url.startsWith('data:')) return;
    // A redirect repeats the id: one request, counted once, in the phase it started.
    if (this.requests.has(event.requestId)) return;
    this.requests.set(event.requestId, {
      url: event.request.url,
      method: event.request.method,
      phase: this.phase,
      encodedDataLength: null,
      dataEvents: 0,
      decodedBytes: 0,
      status: null,
      fromCache: false,
      failed: false,
      done: false,
    });
  }

  private responseReceived(event: ResponseReceived): void {
    const request = this.record(event.requestId);
    if (!request) return;
    request.status = event.response.status;
    if (event.response.fromDiskCache || event.response.fromServiceWorker || event.response.fromPrefetchCache) request.fromCache = true;
  }

  private servedFromCache(event: RequestId): void {
    const request = this.record(event.requestId);
    if (request) request.fromCache = true;
  }

  private dataReceived(event: DataReceived): void {
    const request = this.record(event.requestId);
    if (!request) return;
    request.dataEvents += 1;
    request.decodedBytes += event.dataLength;
  }

  private loadingFinished(event: LoadingFinished): void {
    const request = this.record(event.requestId);
    if (!request) return;
    request.encodedDataLength = event.encodedDataLength;
    request.done = true;
  }

  private loadingFailed(event: RequestId): void {
    const request = this.record(event.requestId);
    if (!request) return;
    request.failed = true;
    request.done = true;
  }

  bytesSoFar(phase: string): number {
    let sum = 0;
    for (const request of this.requests.values()) if (request.phase === phase) sum += request.encodedDataLength ?? 0;
    return sum;
  }

  /**
   * Quiet: nothing in flight and no network event for half a second. A request Chromium never
   * reports finished (it happens to a dedicated worker's own script) must not hang the measurement:
   * after five quiet seconds with only such requests left, they are noted and the wait ends.
   */
  async waitForQuiet(timeoutMs: number, notes: string[]): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const pending = [...this.requests.values()].filter((request) => !request.done && request.phase === this.phase);
      const silence = Date.now() - this.lastActivity;
      if (pending.length === 0 && silence >= QUIET_MS) return;
      if (pending.length > 0 && silence >= 5000) return;
      if (Date.now() > deadline) {
        notes.push(`network not quiet after ${timeoutMs / 1000} s: ${pending.map((request) => request.url).join(', ') || 'continuous activity'}`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /**
   * The phase's figures. Chromium reports only the headers (or nothing) for a dedicated worker's
   * own script, and no response for it; such a response's body is fetched again from the (local,
   * uncompressed) server and its length added when the reported figure is smaller, and the
   * correction is noted.
   */
  async figures(phase: string, notes: string[]): Promise<NetworkFigures> {
    const figures: NetworkFigures = { bytes: 0, requests: 0, fromCache: 0, failed: 0, byKind: {} };
    for (const request of this.requests.values()) {
      if (request.phase !== phase) continue;
      let bytes = request.encodedDataLength ?? 0;
      // The quirk's signature: no response event, no data events, or fewer bytes than the body decoded.
      const inconsistent = request.status === null || request.dataEvents === 0 || bytes < request.decodedBytes;
      const unreported = inconsistent && !request.fromCache && !request.failed && request.method === 'GET'
        && request.status !== 204 && request.status !== 304 && /^https?:/.test(request.url);
      if (unreported) {
        const body = await wireBytes(request.url);
        if (body > bytes) {
          notes.push(`${phase}: Chromium reported ${request.done ? `${bytes} B` : 'no completion'} for ${pathOf(request.url)}; counted its ${body} B body as well`);
          bytes += body;
        }
      }
      add(figures, request.url, bytes, request.fromCache, request.failed);
    }
    // Requests Playwright saw in this phase that this session did not (matched by URL, one for one).
    const missed: Array<{ url: string; bytes: number }> = [];
    const unmatched = new Map<string, number>();
    for (const request of this.requests.values()) if (request.phase === phase) unmatched.set(request.url, (unmatched.get(request.url) ?? 0) + 1);
    for (const { request, phase: seenIn } of this.seenByPlaywright) {
      if (seenIn !== phase) continue;
      const left = unmatched.get(request.url()) ?? 0;
      if (left > 0) {
        unmatched.set(request.url(), left - 1);
        continue;
      }
      const response = await request.response().catch(() => null);
      const sizes = response ? await request.sizes().catch(() => null) : null;
      let bytes = sizes ? sizes.responseHeadersSize + sizes.responseBodySize : 0;
      const fromCache = response?.fromServiceWorker() ?? false;
      if (response && !fromCache && request.method() === 'GET' && /^https?:/.test(request.url())) {
        const body = await wireBytes(request.url());
        if (body > bytes) bytes += body;
      }
      missed.push({ url: request.url(), bytes });
      add(figures, request.url(), bytes, fromCache, response === null);
    }
    if (missed.length > 0) {
      const total = missed.reduce((sum, request) => sum + request.bytes, 0);
      notes.push(`${phase}: ${missed.length} request${missed.length === 1 ? '' : 's'} went out before the CDP session saw the worker's traffic (${missed.map((request) => pathOf(request.url)).join(', ')}); counted their ${total} B from Playwright's record`);
    }
    return figures;
  }
}

/** The bytes of a response's body as the server sends it to a browser (compressed when it compresses). */
function wireBytes(url: string): Promise<number> {
  return new Promise((resolve) => {
    const request = httpGet(url, { headers: { 'accept-encoding': 'gzip, deflate, br' } }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => { bytes += chunk.length; });
      response.on('end', () => resolve(bytes));
      response.on('error', () => resolve(0));
    });
    request.on('error', () => resolve(0));
  });
}

function add(figures: NetworkFigures, url: string, bytes: number, fromCache: boolean, failed: boolean): void {
  figures.bytes += bytes;
  figures.requests += 1;
  if (fromCache) figures.fromCache += 1;
  if (failed) figures.failed += 1;
  const entry = (figures.byKind[kindOf(url)] ??= { bytes: 0, requests: 0 });
  entry.bytes += bytes;
  entry.requests += 1;
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

function kindOf(url: string): string {
  const pathname = pathOf(url);
  if (/\/pagefind\/index\//.test(pathname)) return 'index chunks';
  if (/\/pagefind\/fragment\//.test(pathname)) return 'fragments';
  if (/\/pagefind\/filter\//.test(pathname)) return 'filters';
  if (/\/pagefind\/wasm\./.test(pathname)) return 'wasm';
  if (/\/pagefind\/.*\.(pf_meta|json)$/.test(pathname)) return 'metadata';
  if (/\/pagefind\/.*\.js$/.test(pathname)) return 'pagefind scripts';
  if (pathname.endsWith('/') || pathname.endsWith('.html')) return 'html';
  if (pathname.endsWith('.css')) return 'css';
  if (pathname.endsWith('.js')) return 'site scripts';
  return 'other';
}

// ——— Printing ———

export function formatSearchMeasurement(measurement: SearchMeasurement): string {
  const lines = [`search: ${measurement.url} (${measurement.compressed ? 'text served gzip-compressed, as static hosts serve it' : 'every file served as it is on disk'})`];
  lines.push(`  page load:    ready in ${ms(measurement.pageLoad.readyMs)}, ${network(measurement.pageLoad.network)}`);
  lines.push(...kinds(measurement.pageLoad.network));
  for (const [label, query] of [['cold query:  ', measurement.cold], ['second query:', measurement.second]] as const) {
    const answered = query.timedOut
      ? 'timed out'
      : query.results === 0
        ? `${ms(query.latencyMs ?? Number.NaN)} to the "no results" answer`
        : `${ms(query.latencyMs ?? Number.NaN)} to first result${query.results === null ? '' : ` (${query.results} result${query.results === 1 ? '' : 's'})`}`;
    lines.push(`  ${label} "${query.query}": ${answered}; ${network(query.network)}, ${kb(query.bytesUntilShown)} before the first result showed`);
    lines.push(...kinds(query.network));
  }
  lines.push('  (latency: last keystroke → the frame after the first result link entered the list; includes the page\'s input debounce)');
  for (const note of measurement.notes) lines.push(`  note: ${note}`);
  return lines.join('\n');
}

function network(figures: NetworkFigures): string {
  const cached = figures.fromCache > 0 ? `, ${figures.fromCache} from cache` : '';
  const failed = figures.failed > 0 ? `, ${figures.failed} failed` : '';
  return `${kb(figures.bytes)} in ${figures.requests} request${figures.requests === 1 ? '' : 's'}${cached}${failed}`;
}

function kinds(figures: NetworkFigures): string[] {
  return Object.entries(figures.byKind)
    .sort(([, a], [, b]) => b.bytes - a.bytes)
    .map(([kind, entry]) => `      ${kind.padEnd(17)} ${kb(entry.bytes).padStart(9)}  ${entry.requests} request${entry.requests === 1 ? '' : 's'}`);
}

function kb(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
}

function ms(value: number): string {
  return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;
}
