// Retention as a person sees it: open the retention scene, let it play,
// watch segments roll and get deleted, the log start move, and the slow
// consumer group fall off the log start and reset (a note on the page);
// change topic configs from the panel (refused in Kafka's words when
// impossible); compact a topic. Screenshots at 1280 and 360 px.
import { test, expect } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SHOTS = fileURLToPath(new URL('../../artifacts/screenshots/', import.meta.url));

async function play(page, speed = '10') {
  await page.getByTestId('speed').selectOption(speed);
  const button = page.getByTestId('play');
  if (/\bPlay\b/.test(await button.innerText())) await button.click();
  await expect(button).toHaveText(/\bPause\b/);
}

async function pause(page) {
  const button = page.getByTestId('play');
  if (/\bPause\b/.test(await button.innerText())) await button.click();
  await expect(button).toHaveText(/\bPlay\b/);
}

const inForce = (page, name) =>
  page.locator(`[data-testid="config-row"][data-config="${name}"] [data-testid="in-force"]`).first();

const maxLogStart = (page) =>
  page
    .locator('svg [data-entity="partition"]')
    .evaluateAll((els) => Math.max(...els.map((el) => Number(el.getAttribute('data-log-start') ?? 0))));

for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 740 }]) {
  test.describe(`retention at ${viewport.width}px`, () => {
    test.use({ viewport });
    let errors;
    test.beforeEach(async ({ page }) => {
      errors = [];
      page.on('pageerror', (err) => errors.push(err.message));
      page.on('console', (m) => {
        if (m.type() === 'error' && !(m.location().url ?? '').endsWith('/favicon.ico')) errors.push(m.text());
      });
      await page.goto('/');
      await page.getByTestId('tab-retention').click();
      await expect(page.getByTestId('retention-panel')).toBeVisible();
    });
    test.afterEach(() => expect(errors).toEqual([]));

    test('a slow consumer falls off the log start and resets to earliest', async ({ page }) => {
      // The default scene states Kafka's defaults.
      await expect(inForce(page, 'retention.ms')).toHaveText('604800000 (7 days)');
      await expect(inForce(page, 'segment.bytes')).toHaveText('1073741824 (1 GiB)');
      await page.getByTestId('open-retention-scene').click();
      await expect(page.locator('svg [data-entity="partition"][data-topic="sensors"]')).toHaveCount(1);
      await expect(inForce(page, 'segment.bytes')).toHaveText('600');
      await expect(inForce(page, 'retention.bytes')).toHaveText('1500');
      await expect(page.getByTestId('check-interval-in-force')).toContainText('in force 5000 (5 s)');
      await play(page);
      // Segments roll (4 records each), then retention deletes them and the log start moves
      // (the lane shows about 9 records on a phone: one or two segment starts).
      const edges = viewport.width >= 720 ? 2 : 0;
      await expect.poll(() => page.getByTestId('segment-edge').count(), { timeout: 20_000 }).toBeGreaterThan(edges);
      await expect.poll(() => maxLogStart(page), { timeout: 20_000 }).toBeGreaterThan(0);
      const note = page.getByTestId('offset-reset').first();
      await expect(note).toBeVisible({ timeout: 30_000 });
      await expect(note).toHaveAttribute('data-policy', 'earliest');
      await expect(note).toContainText('nightly-report');
      await expect(note).toContainText('OFFSET_OUT_OF_RANGE');
      await expect(note).toContainText(/skipped offsets \d+\.\.\d+/);
      const from = Number(await note.getAttribute('data-from'));
      const to = Number(await note.getAttribute('data-to'));
      expect(to).toBeGreaterThan(from);
      await expect(page.getByTestId('reset-list')).toContainText('auto.offset.reset=earliest');
      await pause(page);
      await page.locator('svg [data-entity="partition"]').first().scrollIntoViewIfNeeded();
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: `${SHOTS}retention-reset-${viewport.width}.png`, fullPage: true });
      await page.locator('svg[data-testid="scene"]').screenshot({ path: `${SHOTS}retention-scene-${viewport.width}.png` });
    });

    test('topic configs change from the panel and impossible ones are refused', async ({ page }) => {
      const segmentBytes = page.getByTestId('set-segment.bytes').first();
      await segmentBytes.fill('10');
      await segmentBytes.press('Enter');
      await expect(page.getByTestId('refusal')).toHaveText(
        'INVALID_CONFIG: Invalid value 10 for configuration segment.bytes: Value must be at least 14',
      );
      await expect(inForce(page, 'segment.bytes')).toHaveText('1073741824 (1 GiB)');
      await page.getByTestId('teaching-values').click();
      await expect(inForce(page, 'segment.bytes')).toHaveText('600');
      await expect(inForce(page, 'retention.ms')).toHaveText('60000 (1 min)');
      await play(page);
      await expect.poll(() => page.getByTestId('segment-edge').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    });

    test('compaction removes older values of a key and leaves offset gaps', async ({ page }) => {
      await page.getByTestId('open-retention-scene').click();
      await page.getByTestId('cleanup-policy').first().selectOption('compact');
      await expect(inForce(page, 'cleanup.policy')).toHaveText('compact');
      await page.getByTestId('tombstone-key').fill('fan');
      await page.getByTestId('send-tombstone').click();
      await play(page, '5');
      // The cleaner runs every 15 s of simulated time on each broker.
      await expect(page.getByTestId('leader-logs')).toContainText('cleaned below offset', { timeout: 30_000 });
      // A phone shows only the last few offsets (mostly the active segment,
      // never compacted); the gaps are checked where the row is wide enough.
      // The cleaner's first pass may remove nothing in the offsets on screen
      // yet, so keep playing until a gap shows (wall-clock timing varies).
      if (viewport.width >= 720) {
        const gaps = () => page
          .locator('svg [data-entity="partition"] [data-offset]')
          .evaluateAll((els) => {
            const offsets = els.map((el) => Number(el.getAttribute('data-offset'))).sort((a, b) => a - b);
            return offsets.some((o, i) => i > 0 && o > offsets[i - 1] + 1);
          });
        await expect.poll(gaps, { message: 'offsets keep their numbers: compaction leaves gaps', timeout: 30_000 }).toBe(true);
      }
      await pause(page);
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: `${SHOTS}retention-compaction-${viewport.width}.png`, fullPage: true });
    });
  });
}
