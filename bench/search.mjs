// Search in headless Chromium: Hindsight's client on its own site, Pagefind's API over Hugo's output.
//
//   node bench/search.mjs --hindsight <site dir> --pagefind <hugo output dir> [--out samples.tsv]
//                         [--repeats 3] [--modules bench/work/node_modules] [--chromium /usr/bin/chromium]
//                         [--server thread|inline]
//
// Either site may be left out to measure the other alone (while working on one of them).
//
// Both sites are served over HTTP on 127.0.0.1 by a tiny static server in this process (no compression,
// no cache headers), so that what a query fetches is real network traffic. For every query of QUERIES, one
// tool after the other:
//
//   cold  a new browser context (empty cache) opens a page and waits until the network is idle; then
//         the query runs. Bytes = every response after that point, dedicated workers' included, plus
//         the index files the page fetched before it (Hindsight's results page loads the metadata and
//         the facets when its box gets the focus, as the header box loads the metadata): headers as
//         the DevTools Network events report them (Playwright's request.sizes()) plus the body's
//         Content-Length (the server sends files as they are; DevTools reports no body size for a
//         worker's script).
//   warm  the same query again on that page, --repeats times (everything it needs is loaded).
//
// Hindsight: the page is search/index.html (search.js comes with the page). The query is typed as
// `fill` does (value + one input event); the time runs from the moment the client's 40 ms input
// debounce fires until #search-results carries data-query=<query>, which the client sets after it has
// put the results, the count and the facets into the DOM. The time from the input event is logged too.
// The bytes and requests of a cold query include the row files the client loads after that, for the
// snippets from the section texts (it sets data-sections=<query> when it has them).
// Pagefind: the page is Hugo's home page; /pagefind/pagefind.js is imported as a module (its UI does
// that when the box gets the focus), then the time runs from `pagefind.search(q)` until it and
// data() of the first 10 results (what its UI shows first) have resolved. The import is counted in
// the bytes, not in the time.
//
// Writes one tab-separated line per sample: tool, phase, ms, bytes, requests, results, query
// (bytes and requests for cold samples only), and prints medians per tool.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const QUERIES = [
  'rollback', 'connection pool', 'redis failover', 'memory leak heap dump', 'partners-worker',
  'PartnersWorkerPodRestarts', 'INC-2024-0042', 'rate limit', 'circuit breaker timeout',
  'third-party provider', 'pg_stat_activity', 'OOMKilled', 'configuration push', 'kubectl scale',
  'latnecy', 'failvoer',
];

const HERE = path.dirname(fileURLToPath(import.meta.url));
const opts = { repeats: '3', server: 'thread', modules: path.join(HERE, 'work/node_modules'), chromium: '/usr/bin/chromium' };
for (let i = 2; i < process.argv.length; i += 2) {
  opts[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
}
if (!opts.hindsight && !opts.pagefind) {
  console.error('usage: node bench/search.mjs [--hindsight <site>] [--pagefind <hugo output>] [--out file] [--repeats n]');
  process.exit(2);
}
process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';
const { chromium } = createRequire(path.join(path.resolve(opts.modules), 'x.js'))('playwright-core');

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.wasm': 'application/wasm' };

// A static file server for one directory on 127.0.0.1. It runs on a thread of its own: in this thread
// it shares the event loop with Playwright, whose protocol traffic (several messages per request the
// page makes) delayed its answers by tens of milliseconds on a loaded machine (30-100 ms to the first
// byte of a 500-byte file), more than the files' own cost. --server inline runs it here as before.
const SERVER = `
function start(root, listening) {
  const fs = require('node:fs');
  const http = require('node:http');
  const path = require('node:path');
  const TYPES = ${JSON.stringify(TYPES)};
  const server = http.createServer((req, res) => {
    let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (p.endsWith('/')) {
      p += 'index.html';
    }
    const file = path.join(root, path.normalize(p));
    fs.readFile(file, (err, body) => {
      if (err || !file.startsWith(root + path.sep)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
        'Content-Length': body.length });
      res.end(body);
    });
  });
  server.listen(0, '127.0.0.1', () => listening(server.address().port));
  return server;
}
`;

/** Serves dir on 127.0.0.1; resolves to {url, close}. */
function serve(dir) {
  const root = path.resolve(dir);
  if (opts.server === 'inline') {
    const start = new Function('require', SERVER + 'return start;')(createRequire(import.meta.url));
    return new Promise((resolve) => {
      const server = start(root, (port) => resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise((r) => server.close(r)),
      }));
    });
  }
  const worker = new Worker(SERVER + `
const { parentPort, workerData } = require('node:worker_threads');
start(workerData.root, (port) => parentPort.postMessage(port));
`, { eval: true, workerData: { root } });
  return new Promise((resolve) => worker.once('message', (port) => resolve({
    url: `http://127.0.0.1:${port}`,
    close: () => worker.terminate(),
  })));
}

// Hindsight: type q into the results page's box; resolve when the results of q are in the DOM.
// window.__debounceFired is stamped by the setTimeout wrapper installed before the page's scripts.
function hindsightQuery(q) {
  const input = document.getElementById('search-page-input');
  const list = document.getElementById('search-results');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no results for ' + q + ': '
      + document.getElementById('search-status').textContent)), 60000);
    const seen = new MutationObserver(() => {
      if (list.dataset.query !== q) {
        return;
      }
      const t1 = performance.now();
      seen.disconnect();
      clearTimeout(timer);
      const status = document.getElementById('search-status').textContent;
      resolve({ ms: t1 - (window.__debounceFired ?? t0), typedMs: t1 - t0,
        results: /^\d+/.test(status) ? parseInt(status, 10) : 0 });
    });
    seen.observe(list, { attributes: true, attributeFilter: ['data-query'] });
    window.__debounceFired = undefined;
    const t0 = performance.now();
    input.value = q;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function stampTimers() {
  const setTimeoutOriginal = window.setTimeout;
  window.setTimeout = function (fn, ms, ...args) {
    if (typeof fn !== 'function' || !ms) {
      return setTimeoutOriginal.call(this, fn, ms, ...args);
    }
    return setTimeoutOriginal.call(this, function () {
      window.__debounceFired = performance.now();
      return fn.apply(this, arguments);
    }, ms, ...args);
  };
}

async function pagefindImport() {
  window.__pagefind = await import('/pagefind/pagefind.js');
}

async function pagefindQuery(q) {
  const t0 = performance.now();
  const r = await window.__pagefind.search(q);
  await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
  return { ms: performance.now() - t0, results: r.results.length };
}

const ALL_TOOLS = {
  hindsight: {
    page: '/search/index.html',
    early: /\/search\/data\//,
    init: stampTimers,
    async query(page, q) { return page.evaluate(hindsightQuery, q); },
    // Since index format 5 the results show before the row files with their section texts are requested:
    // counted all the same, the client marks the list with data-sections=<query> once it has them.
    async settle(page, q) {
      await page.waitForFunction((q) => document.getElementById('search-results').dataset.sections === q, q,
        { timeout: 10000 }).catch(() => {});
    },
  },
  pagefind: {
    page: '/',
    async before(page) { await page.evaluate(pagefindImport); },
    async query(page, q) { return page.evaluate(pagefindQuery, q); },
  },
};
const TOOLS = Object.fromEntries(Object.entries(ALL_TOOLS).filter(([name]) => opts[name]));

/**
 * Counts the responses of a browser context from start() on, and those before it whose address matches
 * early (index files a page fetches ahead of a query, e.g. when its box gets the focus); finish() waits
 * for those in flight.
 */
function meter(context, early) {
  let counting = false;
  const inFlight = new Set();
  const done = [];
  context.on('request', (r) => { if (counting || (early && early.test(new URL(r.url()).pathname))) inFlight.add(r); });
  const finished = async (r) => {
    if (!inFlight.has(r)) {
      return;
    }
    // Headers as the DevTools Network events give them; the body as our server sent it, uncompressed
    // (Content-Length): DevTools reports 0 for the body of a dedicated worker's script.
    const s = await r.sizes().catch(() => ({ responseHeadersSize: 0 }));
    const response = await r.response().catch(() => null);
    const body = Number(response && await response.headerValue('content-length').catch(() => 0)) || 0;
    done.push({ url: r.url(), bytes: s.responseHeadersSize + body });
    inFlight.delete(r);
  };
  context.on('requestfinished', finished);
  context.on('requestfailed', finished);
  return {
    start() { counting = true; },
    async finish() {
      counting = false;
      for (let i = 0; i < 200 && inFlight.size; i++) {
        await new Promise((r) => setTimeout(r, 25));
      }
      return done;
    },
  };
}

const median = (xs) => {
  const a = [...xs].sort((x, y) => x - y);
  return a.length % 2 ? a[(a.length - 1) / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
};

const servers = {};
for (const name of Object.keys(TOOLS)) {
  servers[name] = await serve(opts[name]);
}
const browser = await chromium.launch({
  executablePath: opts.chromium,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run', '--disable-dev-shm-usage'],
});
const out = opts.out ? fs.createWriteStream(opts.out, { flags: 'a' }) : null;
const samples = Object.fromEntries(Object.keys(TOOLS).map((name) => [name, { cold: [], warm: [], bytes: [] }]));
try {
  for (const q of QUERIES) {
    for (const [name, tool] of Object.entries(TOOLS)) {
      const context = await browser.newContext();
      try {
        if (tool.init) {
          await context.addInitScript(tool.init);
        }
        const net = meter(context, tool.early);
        const page = await context.newPage();
        await page.goto(servers[name].url + tool.page, { waitUntil: 'networkidle' });
        net.start();
        if (tool.before) {
          await tool.before(page);
        }
        const cold = await tool.query(page, q);
        if (tool.settle) {
          await tool.settle(page, q);
        }
        const fetched = (await net.finish()).filter((f) => !f.url.endsWith('/favicon.ico'));
        const bytes = fetched.reduce((sum, f) => sum + f.bytes, 0);
        const byFolder = new Map();
        for (const f of fetched) {
          const folder = new URL(f.url).pathname.replace(/\/[^/]*$/, '/');
          const [k, b] = byFolder.get(folder) || [0, 0];
          byFolder.set(folder, [k + 1, b + f.bytes]);
        }
        const lines = [[name, 'cold', cold.ms.toFixed(2), bytes, fetched.length, cold.results, q]];
        samples[name].cold.push(cold.ms);
        samples[name].bytes.push(bytes);
        const warm = [];
        for (let i = 0; i < Number(opts.repeats); i++) {
          const w = await tool.query(page, q);
          warm.push(w.ms);
          samples[name].warm.push(w.ms);
          lines.push([name, 'warm', w.ms.toFixed(2), '', '', w.results, q]);
        }
        out?.write(lines.map((l) => l.join('\t') + '\n').join(''));
        console.log(`${name.padEnd(9)} ${JSON.stringify(q).padEnd(30)} ${String(cold.results).padStart(5)} results,`
          + ` ${String(fetched.length).padStart(2)} files, ${(bytes / 1000).toFixed(1).padStart(6)} KB,`
          + ` cold ${cold.ms.toFixed(1).padStart(6)} ms`
          + (cold.typedMs ? ` (${cold.typedMs.toFixed(1)} ms from the input event)` : '')
          + `, warm ${warm.map((x) => x.toFixed(1)).join(' / ')} ms\n    `
          + [...byFolder].map(([folder, [k, b]]) => `${folder} ${k}: ${(b / 1000).toFixed(1)} KB`).join(', '));
      } finally {
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  await Promise.all(Object.values(servers).map((s) => s.close()));
  out?.end();
}
const kb = (file) => (fs.statSync(file).size / 1000).toFixed(1) + ' KB';
if (opts.hindsight) {
  // the client is assets/search.js, or since it was split, assets/search-*.js
  const assets = path.join(opts.hindsight, 'assets');
  const scripts = fs.readdirSync(assets).filter((f) => /^search.*\.js$/.test(f)).sort();
  const bytes = scripts.reduce((sum, f) => sum + fs.statSync(path.join(assets, f)).size, 0);
  console.log(`not counted: hindsight's ${scripts.join(', ')} (${(bytes / 1000).toFixed(1)} KB),`
    + ' which the page loads');
}
if (opts.pagefind) {
  console.log(`counted: pagefind.js (${kb(path.join(opts.pagefind, 'pagefind/pagefind.js'))}) and`
    + ` pagefind-worker.js (${kb(path.join(opts.pagefind, 'pagefind/pagefind-worker.js'))}), which a query loads`);
}
for (const [name, s] of Object.entries(samples)) {
  console.log(`${name}: first query median ${(median(s.bytes) / 1000).toFixed(1)} KB, max`
    + ` ${(Math.max(...s.bytes) / 1000).toFixed(1)} KB; new query median ${median(s.cold).toFixed(1)} ms;`
    + ` warm median ${median(s.warm).toFixed(1)} ms`);
}
