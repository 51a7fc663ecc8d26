// Cold start in headless Chromium: from navigation start to the first painted
// picture, split into its parts. Serves dist/ (or $DIST) with
// tests/e2e/serve.mjs and opens the page N times, each in a new browser
// context (empty HTTP and code caches), at 1280 px.
//
// Prints the median and the range of:
//   html       navigation start -> the document's response end
//   wasm fetch navigation start -> the .wasm response end (Resource Timing)
//   compile    WebAssembly.instantiate(Streaming) call -> module instantiated
//              (streaming compiles while downloading, so it overlaps the fetch)
//   to svg     instantiated -> the picture (svg[data-testid="scene"]) is in the
//              DOM: Rust start-up and Yew's first render
//   to paint   the picture in the DOM -> the next frame after it (first layout
//              and paint of the picture)
//   picture    navigation start -> that frame: the figure issue 15 names
//   fcp        the browser's first-contentful-paint entry
// Usage: node bench/startup.mjs [runs] [query]     (defaults: 9 runs, no query)
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';

const PORT = Number(process.env.BENCH_PORT ?? 8097);
const runs = Number(process.argv[2] ?? 9);
const query = process.argv[3] ?? '';
const server = spawn(process.execPath, ['tests/e2e/serve.mjs'], {
  env: { ...process.env, PORT: String(PORT) },
  stdio: 'ignore',
});
await new Promise((r) => setTimeout(r, 500));

// Runs in the page before any of its scripts.
const probe = () => {
  const t = (window.__startup = {});
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (...args) {
      t.compileStart ??= performance.now();
      return original.apply(this, args).then((r) => {
        t.instantiated ??= performance.now();
        return r;
      });
    };
  }
  const seen = () => {
    if (t.svg == null && document.querySelector('svg[data-testid="scene"]')) {
      t.svg = performance.now();
      requestAnimationFrame(() => setTimeout(() => { t.painted = performance.now(); }, 0));
    }
  };
  new MutationObserver(seen).observe(document, { childList: true, subtree: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') t.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
};

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const rows = [];
try {
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(probe);
    await page.goto(`http://127.0.0.1:${PORT}/${query ? `?${query}` : ''}`);
    await page.waitForFunction(() => window.__startup?.painted != null, null, { timeout: 30_000 });
    const t = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const wasm = performance.getEntriesByType('resource').find((r) => r.name.endsWith('.wasm'));
      return { ...window.__startup, html: nav.responseEnd, wasmEnd: wasm?.responseEnd, wasmBytes: wasm?.transferSize };
    });
    rows.push({
      html: t.html,
      'wasm fetch': t.wasmEnd,
      compile: t.instantiated - t.compileStart,
      'to svg': t.svg - t.instantiated,
      'to paint': t.painted - t.svg,
      picture: t.painted,
      fcp: t.fcp,
    });
    await context.close();
  }
} finally {
  await browser.close();
  server.kill();
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
console.log(`cold start, ${runs} runs, 1280 px${query ? `, ?${query}` : ''} (ms: median [min-max])`);
for (const key of Object.keys(rows[0])) {
  const xs = rows.map((r) => r[key]).filter((x) => Number.isFinite(x));
  if (!xs.length) continue;
  console.log(`  ${key.padEnd(11)} ${median(xs).toFixed(0).padStart(5)}  [${Math.min(...xs).toFixed(0)}-${Math.max(...xs).toFixed(0)}]`);
}
