// Time travel and inspection as a person does it: scrub the timeline back and
// forth, step back over a broker failure, open a record's life story, switch
// the UI to Korean. Screenshots at 1280 and 360 px.
import { test, expect } from '@playwright/test';
import { fileURLToPath } from 'node:url';

const SHOTS = fileURLToPath(new URL('../../artifacts/screenshots/', import.meta.url));

/** Everything the broker view says about the logs, as one comparable string. */
const picture = async (page) => {
  if ((await page.getByTestId('view-brokers').getAttribute('aria-pressed')) !== 'true') await page.getByTestId('view-brokers').click();
  return page.locator('svg [data-entity="partition"][data-broker]').evaluateAll((rows) =>
    rows
      .map((r) => ['data-partition', 'data-broker', 'data-leo', 'data-hw', 'data-in-isr'].map((a) => r.getAttribute(a)).join(':')
        + '|' + [...r.querySelectorAll('.cells > *')].map((c) => `${c.getAttribute('class')}:${c.textContent}`).join(','))
      .join('\n'));
};

const clock = async (page) => (await page.getByTestId('sim-time').innerText()).trim();

async function playFor(page, ms) {
  const play = page.getByTestId('play');
  if (/Play|재생/.test(await play.innerText())) await play.click();
  await page.waitForTimeout(ms);
  await play.click();
  await expect(play).toHaveAttribute('aria-pressed', 'false');
}

for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 740 }]) {
  test.describe(`time travel at ${viewport.width}px`, () => {
    test.use({ viewport });
    let errors;
    test.beforeEach(async ({ page }) => {
      errors = [];
      page.on('pageerror', (err) => errors.push(err.message));
      page.on('console', (m) => {
        if (m.type() === 'error' && !(m.location().url ?? '').endsWith('/favicon.ico')) errors.push(m.text());
      });
      await page.goto('/');
      await expect(page.getByTestId('timeline')).toBeVisible();
    });
    test.afterEach(() => expect(errors).toEqual([]));

    test('scrubbing back and forth shows the same picture at the same time', async ({ page }) => {
      await page.getByTestId('speed').selectOption('10');
      await playFor(page, 2_500);
      const end = await page.getByTestId('timeline').inputValue();
      const endClock = await clock(page);
      const endPicture = await picture(page);
      expect(Number(end)).toBeGreaterThan(10_000);
      await page.getByTestId('timeline').fill('4000');
      await expect(page.getByTestId('sim-time')).toHaveText('t = 4.000 s');
      await expect(page.getByTestId('replaying')).toBeVisible();
      const at4 = await picture(page);
      expect(at4).not.toBe(endPicture);
      await page.getByTestId('timeline').fill(end);
      await expect(page.getByTestId('sim-time')).toHaveText(endClock);
      expect(await picture(page)).toBe(endPicture);
      await page.getByTestId('timeline').fill('4000');
      expect(await picture(page)).toBe(at4);
    });

    test('stepping back after a broker failure brings the broker back', async ({ page }) => {
      await playFor(page, 1_500);
      await page.getByTestId('tab-brokers').click();
      const controls = page.locator('[data-testid="broker-controls"][data-broker-id="2"]');
      await controls.getByTestId('stop-broker').click();
      await expect(controls.getByTestId('broker-state')).toHaveText(/stopped/);
      for (let i = 0; i < 10 && /stopped/.test(await controls.getByTestId('broker-state').innerText()); i++) {
        await page.getByTestId('step-back').click();
      }
      await expect(controls.getByTestId('broker-state')).toHaveText(/running/);
      await expect(page.locator('svg [data-entity="broker"][data-broker="2"]')).toHaveAttribute('data-state', /running/);
      // Forward again replays the recorded stop.
      await page.getByTestId('step').click();
      await expect(controls.getByTestId('broker-state')).toHaveText(/stopped/);
    });

    test("a record's life story opens in the inspector", async ({ page }) => {
      await page.getByTestId('speed').selectOption('5');
      await playFor(page, 2_000);
      const record = page.locator('svg [data-entity="partition"] [data-offset]').first();
      const offset = await record.getAttribute('data-offset');
      await record.click();
      const story = page.getByTestId('record-story');
      await expect(story).toBeVisible();
      await expect(story).toContainText('creates');
      await expect(story).toContainText('murmur2');
      await expect(story).toContainText(`at offset ${offset}`);
      await expect(story).toContainText('copies it');
      await expect(story).toContainText('high watermark');
      await expect(story).toContainText('receives ack');
      await page.screenshot({ path: `${SHOTS}story-${viewport.width}.png`, fullPage: true });
      await page.keyboard.press('Escape');
      await expect(story).toHaveCount(0);
    });

    test('the UI switches to Korean, event log included', async ({ page }) => {
      await page.getByTestId('lang').selectOption('ko');
      await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
      await expect(page.getByTestId('play')).toContainText('재생');
      await playFor(page, 2_000);
      await expect(page.getByTestId('caption')).toContainText(/[가-힣]/);
      // The panels below the picture, one tab at a time, speak Korean too.
      await page.getByTestId('tab-log').click();
      await expect(page.getByTestId('event-log')).toContainText('오프셋');
      await expect(page.getByRole('heading', { name: '이벤트 로그' })).toBeVisible();
      await page.getByTestId('tab-brokers').click();
      await expect(page.getByTestId('metadata')).toContainText('파티션');
      const hangul = /[가-힣]/;
      await page.getByTestId('tab-producer').click();
      await expect(page.getByTestId('producer-heading')).toContainText('프로듀서');
      await expect(page.getByTestId('producer-settings')).toContainText('설정');
      await expect(page.getByTestId('producer-panel')).toContainText('파티션 추가');
      await expect(page.getByTestId('producer-panel')).not.toContainText('Settings');
      await expect(page.locator('svg [data-testid="group-lag"]').first()).toContainText('랙');
      await page.getByTestId('tab-groups').click();
      await expect(page.getByTestId('groups').getByRole('heading', { level: 2 })).toHaveText('컨슈머 그룹');
      await expect(page.getByTestId('group-heading').first()).toContainText('그룹');
      await expect(page.getByTestId('group-facts').first()).toContainText('코디네이터');
      await expect(page.getByTestId('burrow-status').first()).toContainText('Burrow 상태');
      await expect(page.getByTestId('member-phase').first()).toHaveText(hangul);
      await page.getByTestId('tab-retention').click();
      await expect(page.getByTestId('retention-panel').getByRole('heading', { level: 2 })).toHaveText('보존 정책, 세그먼트, 컴팩션');
      await expect(page.getByTestId('retention-intro')).toContainText('세그먼트');
      await expect(page.getByTestId('config-row').first().getByTestId('in-force')).toContainText('7일');
      await expect(page.getByTestId('retention-panel')).not.toContainText('Kafka\'s default');
      await page.getByTestId('tab-partitioner').click();
      await expect(page.getByTestId('partitioner-compare')).toContainText('비교 실행');
      await page.screenshot({ path: `${SHOTS}korean-${viewport.width}.png`, fullPage: true });
      await page.getByTestId('lang').selectOption('en');
      await expect(page.getByTestId('play')).toContainText('Play');
      await page.getByTestId('tab-producer').click();
      await expect(page.getByTestId('producer-heading')).toContainText('Producer');
      await page.getByTestId('tab-groups').click();
      await expect(page.getByTestId('burrow-status').first()).toContainText('Burrow status');
    });
  });
}
