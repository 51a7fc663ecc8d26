// Replication under failure, as a person does it: stop the leader's broker,
// see a new leader and a smaller ISR; crash a broker and watch the controller
// notice it; screenshots at 1280 and 360 px.
import { test, expect } from '@playwright/test';
import { fileURLToPath } from 'node:url';

const SHOTS = fileURLToPath(new URL('../../artifacts/screenshots/', import.meta.url));

const row = (page, name) => page.locator(`[data-testid="metadata-row"][data-partition="${name}"]`);
const leaderOf = async (page, name) => (await row(page, name).getByTestId('leader').innerText()).trim();
const isrOf = async (page, name) => (await row(page, name).getByTestId('isr').innerText()).trim().split(',');

async function play(page) {
  const button = page.getByTestId('play');
  if (/\bPlay\b/.test(await button.innerText())) await button.click();
  await expect(button).toHaveText(/\bPause\b/);
}

for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 740 }]) {
  test.describe(`failures at ${viewport.width}px`, () => {
    test.use({ viewport });
    let errors;
    test.beforeEach(async ({ page }) => {
      errors = [];
      page.on('pageerror', (err) => errors.push(err.message));
      page.on('console', (m) => {
        if (m.type() === 'error' && !(m.location().url ?? '').endsWith('/favicon.ico')) errors.push(m.text());
      });
      await page.goto('/');
      // Broker controls and metadata sit in the Brokers tab below the picture.
      await page.getByTestId('tab-brokers').click();
      await expect(page.getByTestId('metadata')).toBeVisible();
    });
    test.afterEach(() => expect(errors).toEqual([]));

    test('stopping the leader elects a new one and shrinks the ISR', async ({ page }) => {
      await play(page);
      await expect.poll(() => page.locator('svg[data-testid="scene"] [data-entity="partition"] [data-offset]').count()).toBeGreaterThan(3);
      const before = await leaderOf(page, 'orders-0');
      expect(await isrOf(page, 'orders-0')).toHaveLength(3);
      await page.locator(`[data-testid="broker-controls"][data-broker-id="${before}"]`).getByTestId('stop-broker').click();
      await expect.poll(() => leaderOf(page, 'orders-0')).not.toBe(before);
      const after = await leaderOf(page, 'orders-0');
      expect(after).not.toBe('none');
      const isr = await isrOf(page, 'orders-0');
      expect(isr).toHaveLength(2);
      expect(isr).not.toContain(before);
      await expect(page.locator(`[data-testid="broker-controls"][data-broker-id="${before}"]`).getByTestId('broker-state')).toHaveText(/stopped/);
      await expect(page.locator(`svg [data-entity="broker"][data-broker="${before}"]`)).toHaveAttribute('data-state', /stopped/);
      await page.getByTestId('tab-log').click();
      await expect(page.getByTestId('event-log')).toContainText('controller elects');
      await page.waitForTimeout(1_500);
      await page.screenshot({ path: `${SHOTS}failure-stop-${viewport.width}.png`, fullPage: true });
    });

    test('a crash is noticed after the session timeout and the broker can come back', async ({ page }) => {
      await page.getByTestId('speed').selectOption('10');
      await play(page);
      const leader = await leaderOf(page, 'orders-1');
      const controls = page.locator(`[data-testid="broker-controls"][data-broker-id="${leader}"]`);
      await controls.getByTestId('crash-broker').click();
      await expect(controls.getByTestId('broker-state')).toHaveText(/crashed \(controller not yet aware\)/);
      // broker.session.timeout.ms = 9 s simulated: about 1 s at 10x.
      await expect.poll(() => leaderOf(page, 'orders-1'), { timeout: 15_000 }).not.toBe(leader);
      await expect(controls.getByTestId('broker-state')).toHaveText(/^crashed$/);
      await controls.getByTestId('start-broker').click();
      await expect(controls.getByTestId('broker-state')).toHaveText(/running/);
      await expect.poll(() => isrOf(page, 'orders-1'), { timeout: 20_000 }).toContain(leader);
      await page.screenshot({ path: `${SHOTS}failure-restart-${viewport.width}.png`, fullPage: true });
    });
  });
}
