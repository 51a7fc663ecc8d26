// The built page end to end: it loads cleanly, draws the cluster, plays, fits a phone.
// DOM contract: main#app; button[data-testid=play] ("Play"/"Pause"); [data-testid=sim-time];
// svg[data-testid=scene]; [data-entity=broker][data-broker];
// [data-entity=partition][data-topic][data-partition][data-leo] (lanes; with data-broker
// for replica rows in the broker view); record cells [data-offset]; [data-testid=caption].
import { test, expect } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SHOTS = fileURLToPath(new URL('../../artifacts/screenshots/', import.meta.url));

/** Sum of data-leo over all partitions: grows while records are produced. */
const leoSum = (page) =>
  page
    .locator('svg [data-entity="partition"]')
    .evaluateAll((els) => els.reduce((sum, el) => sum + Number(el.getAttribute('data-leo') ?? 0), 0));

/** Leaves the simulation playing, whether or not the app autoplays. */
async function ensurePlaying(page) {
  const play = page.getByTestId('play');
  await expect(play).toHaveText(/\b(Play|Pause)\b/);
  if (/\bPlay\b/.test(await play.innerText())) await play.click();
  await expect(play).toHaveText(/\bPause\b/);
}

for (const viewport of [{ width: 1280, height: 800 }, { width: 360, height: 740 }]) {
  test.describe(`at ${viewport.width}x${viewport.height}`, () => {
    test.use({ viewport });
    let errors;

    test.beforeEach(async ({ page }) => {
      errors = [];
      page.on('console', (msg) => {
        const url = msg.location().url ?? '';
        // The browser's own favicon probe is not the app's doing.
        if (msg.type() === 'error' && !url.endsWith('/favicon.ico')) errors.push(`console: ${msg.text()} (${url})`);
      });
      page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
      await page.goto('/');
      await expect(page.locator('main#app')).toBeVisible();
      await expect(page.locator('svg[data-testid="scene"]')).toBeVisible();
    });

    test.afterEach(() => {
      expect(errors, 'console errors / page errors').toEqual([]);
    });

    test('loads with no console or page error', async ({ page }) => {
      await page.waitForTimeout(1_000); // let startup and the first frames run
      expect(errors).toEqual([]);
    });

    test('scene shows brokers and partitions', async ({ page }) => {
      const brokers = page.locator('svg [data-entity="broker"][data-broker]');
      await expect.poll(() => brokers.count()).toBeGreaterThanOrEqual(3);
      const partitions = page.locator('svg [data-entity="partition"][data-topic][data-partition][data-leo]');
      await expect.poll(() => partitions.count()).toBeGreaterThanOrEqual(3);
      // The broker view: a row per replica, three brokers × three partitions.
      await page.getByTestId('view-brokers').click();
      await expect(page.getByTestId('view-brokers')).toHaveAttribute('aria-pressed', 'true');
      await expect.poll(() => page.locator('svg [data-entity="partition"][data-broker]').count()).toBe(9);
      await page.getByTestId('view-topic').click();
      await expect.poll(() => partitions.count()).toBe(3);
    });

    test('pressing play advances offsets and time', async ({ page }) => {
      const play = page.getByTestId('play');
      await expect(play).toHaveText(/\b(Play|Pause)\b/);
      if (/\bPause\b/.test(await play.innerText())) {
        await play.click(); // autoplaying: pause first, so the click on Play is what we test
        await expect(play).toHaveText(/\bPlay\b/);
      }
      const simTime = page.getByTestId('sim-time');
      const timeBefore = await simTime.innerText();
      const leoBefore = await leoSum(page);

      await play.click();
      await expect(play).toHaveText(/\bPause\b/);

      await expect.poll(() => leoSum(page), { timeout: 15_000 }).toBeGreaterThan(leoBefore);
      await expect.poll(() => simTime.innerText(), { timeout: 15_000 }).not.toBe(timeBefore);
      await expect
        .poll(() => page.locator('svg [data-entity="partition"] [data-offset]').count(), { timeout: 15_000 })
        .toBeGreaterThanOrEqual(1);
      // The caption says in words what happened.
      await expect(page.getByTestId('caption')).toContainText(/t = \d/);
    });

    test('no horizontal scroll', async ({ page }) => {
      await ensurePlaying(page);
      await page.waitForTimeout(1_000);
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      expect(scrollWidth, `scrollWidth ${scrollWidth} > innerWidth ${innerWidth}`).toBeLessThanOrEqual(innerWidth);
    });

    test('screenshot after a few seconds of play', async ({ page }) => {
      await ensurePlaying(page);
      await page.waitForTimeout(3_000);
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: `${SHOTS}skeleton-${viewport.width}.png`, fullPage: true });
    });
  });
}
