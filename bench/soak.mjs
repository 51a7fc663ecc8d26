// Soak benchmark in headless Chromium: loads the built app (dist/, served by
// tests/e2e/serve.mjs) at the stress scene (9 brokers, 24 partitions, RF 3,
// 1,000 records/s, 3 groups), plays it at 100x for N seconds of wall time,
// and prints the WebAssembly memory (its byte length, read through the
// app's `kafkascope_memory_bytes` export), the simulated clock and whether
// it still plays every 10 s and at the end, plus any page error, failure
// overlay or message the page shows (e.g. the memory guard pausing it).
// Usage: node bench/soak.mjs [seconds=120] [scenario=stress] [speed=100]
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';

const PORT = 8097;
const seconds = Number(process.argv[2] ?? 120);
const scenario = process.argv[3] ?? 'stress';
const speed = process.argv[4] ?? '100';
const server = spawn(process.execPath, ['tests/e2e/serve.mjs'], { env: { ...process.env, PORT: String(PORT) }, stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const mb = (bytes) => (bytes / 1048576).toFixed(1);
const errors = [];
let status = 0;
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console error: ${m.text().slice(0, 300)}`); });
  await page.goto(`http://127.0.0.1:${PORT}/?scenario=${scenario}`);
  await page.waitForFunction(() => window.wasmBindings?.kafkascope_memory_bytes);
  await page.getByTestId('speed').selectOption(speed);
  await page.getByTestId('play').click();
  const sample = () => page.evaluate(() => ({
    memory: window.wasmBindings.kafkascope_memory_bytes(),
    clock: document.querySelector('[data-testid="sim-time"]')?.textContent ?? '?',
    playing: document.querySelector('[data-testid="play"]')?.getAttribute('aria-pressed') === 'true',
    notice: document.querySelector('[data-testid="refusal"]')?.textContent ?? null,
    failure: document.querySelector('[data-testid="failure"]')?.textContent ?? null,
  }));
  const start = Date.now();
  let peak = 0;
  let last;
  console.log(`soak: ${scenario} at ${speed}x for ${seconds} s of wall time`);
  for (let t = 10; ; t += 10) {
    const wait = Math.min(t, seconds) * 1000 - (Date.now() - start);
    if (wait > 0) await page.waitForTimeout(wait);
    last = await sample();
    peak = Math.max(peak, last.memory);
    const wall = ((Date.now() - start) / 1000).toFixed(0).padStart(4);
    console.log(`${wall} s wall  wasm memory ${mb(last.memory).padStart(7)} MB  ${last.clock.padEnd(18)} ${last.playing ? 'playing' : 'PAUSED'}`);
    if (last.failure || t >= seconds) break;
  }
  console.log(`end: wasm memory ${mb(last.memory)} MB (peak ${mb(peak)} MB), ${last.clock}, ${last.playing ? 'still playing' : 'not playing'}`);
  if (last.notice) console.log(`page says: ${last.notice}`);
  if (last.failure) { console.log(`FAILURE OVERLAY: ${last.failure}`); status = 1; }
  for (const e of errors) console.log(e);
  if (errors.length) status = 1;
  if (!errors.length && !last.failure) console.log('no page error');
} finally {
  await browser.close();
  server.kill();
}
process.exit(status);
