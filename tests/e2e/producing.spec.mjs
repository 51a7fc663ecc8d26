// Producing end to end: type a key and value, send, and find the record in the
// partition Kafka would choose (murmur2 ported below, checked on Kafka's own
// vectors); the partitioner comparison; adding partitions with the warning and
// the moved keys. Screenshots of the producer panel at 360 and 1280 px.
import { test, expect } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SHOTS = fileURLToPath(new URL('../../artifacts/screenshots/', import.meta.url));

/** Kafka's Utils.murmur2 over UTF-8 bytes, as a signed 32-bit int. */
function murmur2(text) {
  const data = new TextEncoder().encode(text);
  const m = 0x5bd1e995;
  const length = data.length;
  let h = (0x9747b28c ^ length) | 0;
  const blocks = length >> 2;
  for (let i = 0; i < blocks; i++) {
    const j = i * 4;
    let k = data[j] | (data[j + 1] << 8) | (data[j + 2] << 16) | (data[j + 3] << 24);
    k = Math.imul(k, m);
    k ^= k >>> 24;
    k = Math.imul(k, m);
    h = Math.imul(h, m);
    h ^= k;
  }
  const tail = length & ~3;
  switch (length % 4) {
    case 3: h ^= data[tail + 2] << 16; // falls through
    case 2: h ^= data[tail + 1] << 8; // falls through
    case 1: h ^= data[tail]; h = Math.imul(h, m);
  }
  h ^= h >>> 13;
  h = Math.imul(h, m);
  h ^= h >>> 15;
  return h | 0;
}
const partitionFor = (key, n) => (murmur2(key) & 0x7fffffff) % n;

test('the murmur2 port reproduces Kafka vectors', () => {
  expect(murmur2('21')).toBe(-973932308);
  expect(murmur2('foobar')).toBe(-790332482);
  expect(murmur2('abc')).toBe(479470107);
  expect(murmur2('a-little-bit-long-string')).toBe(-985981536);
  expect(murmur2('민준')).toBe(1792053586);
});

for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 740 }]) {
  test.describe(`producing at ${viewport.width}px`, () => {
    test.use({ viewport });
    let errors;

    test.beforeEach(async ({ page }) => {
      errors = [];
      page.on('console', (msg) => {
        const url = msg.location().url ?? '';
        if (msg.type() === 'error' && !url.endsWith('/favicon.ico')) errors.push(`console: ${msg.text()}`);
      });
      page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
      await page.goto('/');
      await expect(page.getByTestId('producer-panel')).toBeVisible();
    });

    test.afterEach(() => {
      expect(errors, 'console errors / page errors').toEqual([]);
    });

    test('a typed record lands in the partition murmur2 chooses', async ({ page }) => {
      // One lane per partition in the picture (the leader's log).
      const partitions = await page
        .locator('svg [data-entity="partition"]')
        .count();
      expect(partitions).toBe(3);
      const key = '서연';
      const expected = partitionFor(key, partitions);
      await page.getByTestId('produce-key').fill(key);
      await page.getByTestId('produce-value').fill('안녕 kafka');
      await page.getByTestId('produce-send').click();
      await expect(page.getByTestId('refusal')).toHaveCount(0);
      // The partitioner stage shows the decision at once.
      const decision = page.locator(`[data-testid="decision"][data-key="${key}"]`).first();
      await expect(decision).toHaveAttribute('data-partition', String(expected));
      await expect(decision).toContainText(`murmur2 = ${murmur2(key)}`);
      // Let time run until the leader has stored it.
      const play = page.getByTestId('play');
      if (/\bPlay\b/.test(await play.innerText())) await play.click();
      const stored = page.locator(`[data-testid="hand-record"][data-key="${key}"]`).first();
      await expect(stored).toHaveAttribute('data-partition', String(expected), { timeout: 15_000 });
      const offset = await stored.getAttribute('data-offset');
      const lane = page.locator(`svg [data-entity="partition"][data-partition="${expected}"]`);
      await expect(lane.locator(`[data-offset="${offset}"]`)).toHaveCount(1);
      mkdirSync(SHOTS, { recursive: true });
      await page.getByTestId('producer-panel').screenshot({ path: `${SHOTS}producer-panel-${viewport.width}.png` });
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    });

    test('the comparison splits one stream four ways', async ({ page }) => {
      await page.getByTestId('tab-partitioner').click();
      await page.getByTestId('compare-run').click();
      const columns = page.getByTestId('compare-strategy');
      await expect(columns).toHaveCount(4);
      for (let i = 0; i < 4; i++) {
        const counts = await columns
          .nth(i)
          .getByTestId('compare-count')
          .evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-count'))));
        expect(counts).toHaveLength(3);
        expect(counts.reduce((a, b) => a + b, 0)).toBe(300);
      }
      mkdirSync(SHOTS, { recursive: true });
      await page.getByTestId('partitioner-compare').screenshot({ path: `${SHOTS}compare-${viewport.width}.png` });
    });

    test('adding partitions warns, refuses a decrease, and shows moved keys', async ({ page }) => {
      await expect(page.getByText('Keys may move.')).toBeVisible();
      await page.getByTestId('partitions-total').fill('2');
      await page.getByTestId('add-partitions').click();
      await expect(page.getByTestId('refusal')).toContainText(
        'INVALID_PARTITIONS: The topic orders currently has 3 partition(s); 2 would not be an increase.',
      );
      await page.getByTestId('partitions-total').fill('6');
      await page.getByTestId('add-partitions').click();
      await expect(page.getByTestId('refusal')).toHaveCount(0);
      await expect(page.locator('svg [data-entity="partition"]')).toHaveCount(6);
      await expect(page.getByTestId('metadata-pending')).toBeVisible();
      await page.getByTestId('speed').selectOption('25');
      const play = page.getByTestId('play');
      if (/\bPlay\b/.test(await play.innerText())) await play.click();
      const keys = ['alice', 'bob', 'carol', 'dave', 'erin', '민준'];
      const moved = keys.filter((k) => partitionFor(k, 3) !== partitionFor(k, 6));
      await expect(page.getByTestId('moved-key')).toHaveCount(moved.length, { timeout: 20_000 });
      for (const k of moved) {
        await expect(page.getByTestId('moved-key').filter({ hasText: `"${k}"` })).toContainText(
          `p${partitionFor(k, 3)} → p${partitionFor(k, 6)}`,
        );
      }
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: `${SHOTS}add-partitions-${viewport.width}.png`, fullPage: true });
    });
  });
}
