// Consumer groups end to end: a second member joins and the partitions split
// as the range assignor says; a second group gets its own committed markers.
// DOM contract: [data-testid=add-member], g[data-testid=member][data-member][data-owns],
// [data-testid=assignor-select], [data-testid=burrow-status], [data-testid=add-group],
// [data-testid=lag-chart].
import { test, expect } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SHOTS = fileURLToPath(new URL('../../artifacts/screenshots/', import.meta.url));

async function play(page, speed) {
  await page.getByTestId('speed').selectOption(String(speed));
  const button = page.getByTestId('play');
  if (/\bPlay\b/.test(await button.innerText())) await button.click();
  await expect(button).toHaveText(/\bPause\b/);
}

const owns = (page, member) =>
  page.locator(`svg [data-entity="member"][data-member="${member}"]`).first().getAttribute('data-owns');

for (const viewport of [{ width: 1280, height: 800 }, { width: 360, height: 740 }]) {
  test.describe(`groups at ${viewport.width}x${viewport.height}`, () => {
    test.use({ viewport });

    test('a second member splits the partitions as the range assignor says', async ({ page }) => {
      const errors = [];
      page.on('pageerror', (err) => errors.push(err.message));
      await page.goto('/');
      await page.getByTestId('tab-groups').click();
      await play(page, 10);
      // The first member joins and owns all three partitions.
      await expect.poll(() => owns(page, 'consumer-1'), { timeout: 15_000 }).toBe('0,1,2');
      await expect(page.getByTestId('assignor-select').first()).toHaveValue('range');
      await page.getByTestId('add-member').first().click();
      // Range: 3 partitions / 2 members → consumer-1 gets p0, p1 and consumer-2 gets p2.
      await expect.poll(() => owns(page, 'consumer-2'), { timeout: 20_000 }).toBe('2');
      await expect.poll(() => owns(page, 'consumer-1'), { timeout: 20_000 }).toBe('0,1');
      await expect(page.getByTestId('group-panel').first()).toContainText('RangeAssignor');

      // Round robin over 3 partitions and 2 members gives the same split here;
      // cooperative sticky keeps it and says so in the protocol.
      await page.getByTestId('assignor-select').first().selectOption('cooperative-sticky');
      await expect(page.getByTestId('protocol-select').first()).toHaveValue('COOPERATIVE');

      // A second group reads the same records with its own offsets.
      await page.getByTestId('add-group').click();
      await expect(page.locator('[data-testid="group-panel"]')).toHaveCount(2);
      await expect
        .poll(() => page.locator('svg [data-entity="partition"] line.tick.committed').count(), { timeout: 20_000 })
        .toBeGreaterThan(3);
      await expect(page.locator('svg [data-entity="group"]')).toHaveCount(2);
      await expect(page.getByTestId('burrow-status').first()).toContainText('Burrow status');
      await expect(page.getByTestId('lag-chart').first()).toBeVisible();
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: `${SHOTS}groups-${viewport.width}.png`, fullPage: true });
      expect(errors).toEqual([]);
    });
  });
}
