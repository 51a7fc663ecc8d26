// Frame-time benchmark in headless Chromium: loads the built app (dist/,
// served by tests/e2e/serve.mjs) at the default scene and at the stress scene
// (?scenario=stress), plays for a few seconds, and prints frame intervals as
// the page sees them (median, p95) and the main thread's script, style and
// layout time per frame from the DevTools Performance metrics.
// Usage: node bench/frames.mjs [seconds]
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';

const PORT = 8098;
const seconds = Number(process.argv[2] ?? 5);
const server = spawn(process.execPath, ['tests/e2e/serve.mjs'], { env: { ...process.env, PORT: String(PORT) }, stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const pct = (xs, p) => xs[Math.min(xs.length - 1, Math.floor((xs.length - 1) * p))];
try {
  for (const [name, query, speed] of [['default', '', '1'], ['stress', 'scenario=stress', '1']]) {
    for (const width of [1280, 360]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(`http://127.0.0.1:${PORT}/?${query}`);
      await page.getByTestId('speed').selectOption(speed);
      await page.getByTestId('play').click();
      await page.waitForTimeout(1000); // warm up
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      const before = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
      const intervals = await page.evaluate((ms) => new Promise((resolve) => {
        const out = [];
        let last = performance.now();
        const end = last + ms;
        const tick = (t) => {
          out.push(t - last);
          last = t;
          if (t < end) requestAnimationFrame(tick); else resolve(out);
        };
        requestAnimationFrame(tick);
      }), seconds * 1000);
      const after = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
      const frames = intervals.length;
      const per = (k) => ((after[k] - before[k]) * 1000) / frames;
      const sorted = [...intervals].sort((a, b) => a - b);
      const elements = await page.locator('svg[data-testid="scene"] *').count();
      console.log(
        `${name.padEnd(7)} ${String(width).padStart(4)}px  frames ${String(frames).padStart(4)}  ` +
        `interval median ${pct(sorted, 0.5).toFixed(1)} ms  p95 ${pct(sorted, 0.95).toFixed(1)} ms  ` +
        `(${(1000 / (intervals.reduce((a, b) => a + b, 0) / frames)).toFixed(1)} fps)  ` +
        `per frame: script ${per('ScriptDuration').toFixed(2)} ms, style ${per('RecalcStyleDuration').toFixed(2)} ms, layout ${per('LayoutDuration').toFixed(2)} ms  ` +
        `svg elements ${elements}`,
      );
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.kill();
}
