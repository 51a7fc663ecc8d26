// Wasm memory in headless Chromium: loads the built app (dist/, served by
// tests/e2e/serve.mjs) at a scene, plays it at a speed for some wall-clock
// seconds, and prints the wasm memory's size (it only ever grows) and the
// simulated time reached, every few seconds.
// Usage: node bench/wasm_memory.mjs [scenario] [speed] [seconds]
// e.g. node bench/wasm_memory.mjs stress 100 120
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';

const PORT = 8099;
const [scenario = 'stress', speed = '100', seconds = '120'] = process.argv.slice(2);
const server = spawn(process.execPath, ['tests/e2e/serve.mjs'], { env: { ...process.env, PORT: String(PORT) }, stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // Trunk hands the wasm exports (with the memory) to this event.
  await page.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });
  });
  await page.goto(`http://127.0.0.1:${PORT}/?scenario=${scenario}`);
  await page.waitForFunction(() => window.__wasm && window.__wasm.memory);
  await page.getByTestId('speed').selectOption(speed);
  await page.getByTestId('play').click();
  const start = Date.now();
  for (;;) {
    const [bytes, clock] = await page.evaluate(() => [
      window.__wasm.memory.buffer.byteLength,
      document.querySelector('[data-testid="sim-time"]')?.textContent,
    ]);
    const wall = (Date.now() - start) / 1000;
    console.log(`${scenario} at ${speed}x  wall ${wall.toFixed(0).padStart(4)} s  simulated ${clock}  wasm memory ${(bytes / 1048576).toFixed(1)} MB`);
    if (wall >= Number(seconds)) break;
    await page.waitForTimeout(10_000);
  }
  console.log(errors.length ? `page errors: ${errors.join(' | ')}` : 'no page error');
} finally {
  await browser.close();
  server.kill();
}
