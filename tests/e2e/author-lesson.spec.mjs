// An author's own lesson in the browser: static/my-lesson.toml (copied into
// dist/ by Trunk) opened with ?src=, stepped through forwards and back by
// clicking, with the narration and the snapshot checked at each step; then
// the same through an embed driven by postMessage, as the example post
// static/lesson-blog-example.html does. The expected numbers are the ones
// the native step-truth test checks (tests/step_truth.rs).
import { test, expect } from '@playwright/test';

const NARRATION = [
  'three payments',
  'drops it from the ISR',
  'two more payments',
  'rejoins the ISR',
];
// step: [t, leader, isr, hw, leo]
const SNAPSHOT = {
  1: [1000, 1, [1, 2, 3], 3, 3],
  2: [10000, 1, [1, 2], 3, 3],
  3: [11000, 1, [1, 2], 5, 5],
  4: [11250, 1, [1, 2, 3], 5, 5],
};

function checkSnapshot(s, step) {
  const [t, leader, isr, hw, leo] = SNAPSHOT[step];
  expect(s.kafkascope).toBe(1);
  expect(s.type).toBe('snapshot');
  expect(s.step).toBe(step);
  expect(s.t).toBe(t);
  expect(s.partitions).toHaveLength(1);
  expect(s.partitions[0]).toEqual({ topic: 'payments', partition: 0, leader, isr, leo, hw, log_start: 0 });
  expect(s.groups).toEqual([]);
}

// A host page made on the fly (same origin): it frames `src` and asks it
// for snapshots; `window.snap()` resolves with the next answer.
async function hostPage(page, src) {
  await page.route('**/test-host.html', (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><html><body style="margin:0">
      <iframe id="f" src="${src}" style="width:1200px;height:860px;border:0"></iframe>
      <script>
        const f = document.getElementById('f');
        window.reached = [];
        const waiting = [];
        addEventListener('message', (e) => {
          if (e.source !== f.contentWindow || !e.data || e.data.kafkascope !== 1) return;
          if (e.data.type === 'step-reached') window.reached.push(e.data.value);
          if (e.data.type === 'snapshot') waiting.splice(0).forEach((r) => r(e.data));
        });
        window.snap = () => new Promise((r) => { waiting.push(r); f.contentWindow.postMessage({ kafkascope: 1, type: 'snapshot' }, location.origin); });
      </script></body></html>`,
  }));
  await page.goto('/test-host.html');
  return page.frameLocator('#f');
}

test('an author\'s lesson opened with ?src=, stepped forwards and back', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (err) => errors.push(err.message));
  const app = await hostPage(page, 'index.html?src=my-lesson.toml&lang=en');
  await expect(app.getByTestId('lesson-title')).toHaveText('A follower falls behind');
  const reachedStep = async (step) => {
    await expect(app.getByTestId('lesson-motion')).toHaveAttribute('data-step', String(step));
    await expect(app.getByTestId('lesson-motion')).toHaveAttribute('data-reached', 'true', { timeout: 20_000 });
    await expect(app.getByTestId('narration')).toContainText(NARRATION[step - 1]);
    checkSnapshot(await page.evaluate(() => window.snap()), step);
  };
  await reachedStep(1);
  // Step 2 waits about 9 s of simulated time: it plays time-lapsed and says so.
  await app.getByTestId('lesson-next').click();
  await expect(app.getByTestId('lesson-fast-forward')).toContainText('fast-forward 9 s');
  await expect(app.getByTestId('lesson-skip')).toBeVisible();
  await reachedStep(2);
  await app.getByTestId('lesson-next').click();
  await reachedStep(3);
  // Skip: straight to the moment.
  await app.getByTestId('lesson-next').click();
  await app.getByTestId('lesson-skip').click({ timeout: 1_000 }).catch(() => {});
  await reachedStep(4);
  await expect(app.getByTestId('lesson-next')).toBeDisabled();
  for (const step of [3, 2, 1]) {
    await app.getByTestId('lesson-back').click();
    await reachedStep(step);
  }
  // Replay plays step 2 again to the same moment.
  await app.getByTestId('lesson-next').click();
  await reachedStep(2);
  await app.getByTestId('lesson-replay').click();
  await expect(app.getByTestId('lesson-motion')).toHaveAttribute('data-reached', 'false');
  await reachedStep(2);
  // Korean narration of the same step.
  await app.getByTestId('lang').selectOption('ko');
  await expect(app.getByTestId('narration')).toContainText('ISR에서 뺍니다');
  const reached = await page.evaluate(() => window.reached);
  expect(reached.slice(0, 4)).toEqual([1, 2, 3, 4]);
  expect(errors).toEqual([]);
});

test('the example post drives the lesson embed with postMessage', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto('/lesson-blog-example.html');
  const embed = page.frameLocator('#lesson-embed');
  const status = page.locator('#lesson-step-reached');
  const snapshot = async (step) => {
    await page.click('#host-snapshot');
    await expect(page.locator('#lesson-snapshot')).toContainText(`"step":${step},`);
    checkSnapshot(JSON.parse(await page.locator('#lesson-snapshot').innerText()), step);
  };
  await expect(status).toHaveText('step 1 reached', { timeout: 20_000 });
  await expect(embed.getByTestId('narration')).toContainText(NARRATION[0]);
  await snapshot(1);
  for (const step of [2, 3, 4]) {
    await page.click('#host-next');
    await expect(status).toHaveText(`step ${step} reached`, { timeout: 20_000 });
    await expect(embed.getByTestId('narration')).toContainText(NARRATION[step - 1]);
    await snapshot(step);
  }
  for (const step of [3, 2, 1]) {
    await page.click('#host-previous');
    await expect(status).toHaveText(`step ${step} reached`, { timeout: 20_000 });
    await expect(embed.getByTestId('narration')).toContainText(NARRATION[step - 1]);
    await snapshot(step);
  }
  await page.click('#host-goto-3');
  await expect(status).toHaveText('step 3 reached', { timeout: 20_000 });
  await snapshot(3);
  // The embed has no scrollbar in its frame.
  const scrolls = await embed.locator('html').evaluate(() => {
    const s = document.scrollingElement;
    return s.scrollWidth > innerWidth;
  });
  expect(scrolls).toBe(false);
  expect(errors).toEqual([]);
});

test('an embed opens an author\'s lesson at step=N directly; a bad file explains', async ({ page }) => {
  const app = await hostPage(page, 'index.html?embed=1&src=my-lesson.toml&step=3');
  await expect(app.getByTestId('lesson-motion')).toHaveAttribute('data-step', '3');
  await expect(app.getByTestId('lesson-motion')).toHaveAttribute('data-reached', 'true', { timeout: 20_000 });
  checkSnapshot(await page.evaluate(() => window.snap()), 3);
  expect(await page.evaluate(() => window.reached)).toEqual([3]);
  await page.goto('/index.html?src=no-such-lesson.toml');
  await expect(page.getByTestId('refusal')).toContainText('no-such-lesson.toml');
  await expect(page.getByTestId('refusal')).toContainText('HTTP 404');
  await page.goto('/index.html?src=index.html');
  await expect(page.getByTestId('refusal')).toContainText('line 1, column');
  await page.goto('/index.html?src=javascript:alert(1)');
  await expect(page.getByTestId('refusal')).toContainText('http(s)');
});
