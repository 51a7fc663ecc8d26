// Guided lessons as a reader uses them: open one, read the narration, go to
// the next step and back, leave to free play and come back; in Korean too;
// and a lesson link (?lesson=…&step=…).
import { test, expect } from '@playwright/test';
import { fileURLToPath } from 'node:url';

const SHOTS = fileURLToPath(new URL('../../artifacts/screenshots/', import.meta.url));

for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 740 }]) {
  test.describe(`lessons at ${viewport.width}px`, () => {
    test.use({ viewport });

    test('open a lesson, step through it, leave and return', async ({ page }) => {
      const errors = [];
      page.on('pageerror', (err) => errors.push(err.message));
      await page.goto('/');
      // The lessons are in a menu in the toolbar.
      await page.getByTestId('lessons-menu').click();
      // count() does not wait: wait for the app to draw its lesson list first.
      await expect(page.getByTestId('open-lesson').first()).toBeVisible();
      const count = await page.getByTestId('open-lesson').count();
      expect(count).toBeGreaterThanOrEqual(10);
      await page.locator('[data-testid="open-lesson"][data-lesson="acks"]').click();
      await expect(page.getByTestId('lesson-title')).toBeVisible();
      const first = await page.getByTestId('narration').innerText();
      expect(first.length).toBeGreaterThan(20);
      const t1 = await page.getByTestId('sim-time').innerText();
      await page.getByTestId('lesson-next').click();
      await expect(page.getByTestId('narration')).not.toHaveText(first);
      const t2 = await page.getByTestId('sim-time').innerText();
      expect(t2).not.toBe(t1);
      await page.getByTestId('lesson-back').click();
      await expect(page.getByTestId('narration')).toHaveText(first);
      await expect(page.getByTestId('sim-time')).toHaveText(t1);
      await page.getByTestId('leave-lesson').click();
      await expect(page.getByTestId('return-lesson')).toBeVisible();
      await page.getByTestId('play').click();
      await page.waitForTimeout(500);
      await page.getByTestId('play').click();
      await page.getByTestId('return-lesson').click();
      await expect(page.getByTestId('narration')).toHaveText(first);
      await page.getByTestId('lang').selectOption('ko');
      await expect(page.getByTestId('lessons')).toContainText('레슨');
      await expect(page.getByTestId('narration')).not.toHaveText(first);
      await page.screenshot({ path: `${SHOTS}lesson-${viewport.width}.png`, fullPage: true });
      expect(errors).toEqual([]);
    });

    test('a lesson link opens at its step', async ({ page }) => {
      await page.goto('/?lesson=replication&step=2');
      await expect(page.getByTestId('lesson-title')).toBeVisible();
      await expect(page.getByTestId('lesson-step')).toHaveValue('1');
      await page.goto('/index.html?lesson=nope');
      await expect(page.getByTestId('refusal')).toContainText('"nope"');
    });
  });
}
