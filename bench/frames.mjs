// Frame-time benchmark in headless Chromium: loads the built app (dist/,
// served by tests/e2e/serve.mjs) at a scene (default, or the stress scene
// with ?scenario=stress), plays at a speed for a few seconds, and prints the
// frame intervals as the page sees them (median, p95), the main thread's
// script, style and layout time per frame (DevTools Performance metrics) and
// the DOM writes per frame (a MutationObserver on the page: attributes set,
// texts changed, nodes added and removed).
// Usage: node bench/frames.mjs [seconds] [--scenes default,stress]
//          [--speeds 1,10] [--widths 1280,360] [--view topic|brokers]
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const PORT = Number(process.env.BENCH_PORT ?? 8098);
const seconds = Number(args.find((a) => /^\d+(\.\d+)?$/.test(a)) ?? 5);
const scenes = opt('scenes', 'default,stress').split(',');
const speeds = opt('speeds', '1,10').split(',');
const widths = opt('widths', '1280,360').split(',').map(Number);
const view = opt('view', 'topic');
const QUERY = { default: '', stress: 'scenario=stress' };

const server = spawn(process.execPath, ['tests/e2e/serve.mjs'], { env: { ...process.env, PORT: String(PORT) }, stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const pct = (xs, p) => xs[Math.min(xs.length - 1, Math.floor((xs.length - 1) * p))];
const os = await import('node:os');
console.log(`load average before: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} (${os.cpus().length} cores)`);
try {
  for (const name of scenes) {
    for (const speed of speeds) {
      for (const width of widths) {
        const page = await browser.newPage({ viewport: { width, height: 900 } });
        await page.goto(`http://127.0.0.1:${PORT}/?${QUERY[name] ?? name}`);
        await page.getByTestId('speed').selectOption(speed);
        if (view === 'brokers') await page.getByTestId('view-brokers').click();
        await page.getByTestId('play').click();
        await page.waitForTimeout(1000); // warm up
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Performance.enable');
        const before = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
        const { intervals, writes } = await page.evaluate((ms) => new Promise((resolve) => {
          const writes = { attributes: 0, text: 0, added: 0, removed: 0 };
          const observer = new MutationObserver((records) => {
            for (const r of records) {
              if (r.type === 'attributes') writes.attributes++;
              else if (r.type === 'characterData') writes.text++;
              else {
                writes.added += r.addedNodes.length;
                writes.removed += r.removedNodes.length;
              }
            }
          });
          observer.observe(document.body, { subtree: true, attributes: true, childList: true, characterData: true });
          const out = [];
          let last = performance.now();
          const end = last + ms;
          const tick = (t) => {
            out.push(t - last);
            last = t;
            if (t < end) requestAnimationFrame(tick);
            else {
              observer.takeRecords();
              observer.disconnect();
              resolve({ intervals: out, writes });
            }
          };
          requestAnimationFrame(tick);
        }), seconds * 1000);
        const after = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
        const frames = intervals.length;
        const per = (k) => ((after[k] - before[k]) * 1000) / frames;
        const sorted = [...intervals].sort((a, b) => a - b);
        const elements = await page.locator('svg[data-testid="scene"] *').count();
        const w = (k) => (writes[k] / frames).toFixed(0);
        console.log(
          `${name.padEnd(7)} ${String(speed).padStart(3)}x ${String(width).padStart(4)}px  frames ${String(frames).padStart(4)}  ` +
          `interval median ${pct(sorted, 0.5).toFixed(1)} ms  p95 ${pct(sorted, 0.95).toFixed(1)} ms  ` +
          `(${(1000 / (intervals.reduce((a, b) => a + b, 0) / frames)).toFixed(1)} fps)  ` +
          `per frame: script ${per('ScriptDuration').toFixed(2)} ms, style ${per('RecalcStyleDuration').toFixed(2)} ms, layout ${per('LayoutDuration').toFixed(2)} ms; ` +
          `DOM writes: ${w('attributes')} attributes, ${w('text')} texts, +${w('added')}/-${w('removed')} nodes  svg elements ${elements}`,
        );
        await page.close();
      }
    }
  }
} finally {
  console.log(`load average after: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  await browser.close();
  server.kill();
}
