// Embedding as a blogger does it: an example post with two iframes; the
// first plays by itself, the second is driven from the host page with
// postMessage and answers with its state. Also: a share link reopens the
// same picture, and a broken link says what is wrong.
import { test, expect } from '@playwright/test';
import { fileURLToPath } from 'node:url';

const SHOTS = fileURLToPath(new URL('../../artifacts/screenshots/', import.meta.url));

for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 740 }]) {
  test.describe(`embedding at ${viewport.width}px`, () => {
    test.use({ viewport });

    test('a blog post with two embeds, one driven by postMessage', async ({ page }) => {
      const errors = [];
      page.on('pageerror', (err) => errors.push(err.message));
      await page.goto('/blog-example.html');
      const first = page.frameLocator('#embed-1');
      const second = page.frameLocator('#embed-2');
      await expect(first.locator('svg[data-testid="scene"]')).toBeVisible();
      await expect(second.locator('svg[data-testid="scene"]')).toBeVisible();
      // The first autoplays and shows only play and the timeline.
      await expect(first.getByTestId('play')).toHaveAttribute('aria-pressed', 'true');
      await expect(first.getByTestId('timeline')).toBeVisible();
      await expect(first.getByTestId('speed')).toHaveCount(0);
      await expect(first.locator('h1')).toHaveCount(0);
      // The second has no controls of its own, speaks Korean, and obeys the host.
      await expect(second.getByTestId('play')).toHaveCount(0);
      await expect(second.getByTestId('sim-time')).toHaveText('t = 0.000 s');
      await expect(page.locator('#embed-state')).toContainText('ready');
      await page.click('#host-seek');
      await expect(page.locator('#embed-state')).toContainText('t = 10.000 s');
      await expect(second.getByTestId('sim-time')).toHaveText('t = 10.000 s');
      await page.click('#host-play');
      await expect(page.locator('#embed-state')).toContainText('playing');
      await page.waitForTimeout(800);
      await page.click('#host-pause');
      await expect(page.locator('#embed-state')).toContainText('paused');
      const t = await second.getByTestId('sim-time').innerText();
      expect(t).not.toBe('t = 10.000 s');
      expect(errors).toEqual([]);
      await page.screenshot({ path: `${SHOTS}blog-example-${viewport.width}.png`, fullPage: true });
    });

    test('a share link reopens the same picture; a broken one explains', async ({ page }) => {
      await page.goto('/');
      await page.getByTestId('speed').selectOption('10');
      await page.getByTestId('play').click();
      await page.waitForTimeout(1_200);
      await page.getByTestId('play').click();
      await page.getByTestId('tab-brokers').click();
      await page.locator('[data-testid="broker-controls"][data-broker-id="2"]').getByTestId('crash-broker').click();
      await page.getByTestId('step').click();
      await page.getByTestId('tab-share').click();
      await page.getByTestId('make-link').click();
      const link = await page.getByTestId('share-link').inputValue();
      expect(link).toContain('#s=');
      const clock = await page.getByTestId('sim-time').innerText();
      // The broker view shows every replica's row.
      const rows = async (p) => {
        await p.getByTestId('view-brokers').click();
        return p.locator('svg [data-entity="partition"]').evaluateAll((els) =>
          els.map((r) => ['data-partition', 'data-broker', 'data-leo', 'data-hw', 'data-in-isr'].map((a) => r.getAttribute(a)).join(':')).join('\n'));
      };
      const before = await rows(page);
      const other = await page.context().newPage();
      await other.setViewportSize(viewport);
      await other.goto(link);
      await expect(other.getByTestId('sim-time')).toHaveText(clock);
      expect(await rows(other)).toBe(before);
      await expect(other.locator('svg [data-entity="broker"][data-broker="2"]')).toHaveAttribute('data-state', /crashed/);
      await other.goto('/index.html#s=not-a-real-link');
      await expect(other.getByTestId('refusal')).toContainText('This link cannot be opened');
      await expect(other.locator('svg[data-testid="scene"]')).toBeVisible();
      await other.goto('/?scenario=nope&controls=play,fly');
      await expect(other.getByTestId('refusal')).toContainText('"nope"');
      await expect(other.getByTestId('refusal')).toContainText('unknown control');
    });
  });
}
