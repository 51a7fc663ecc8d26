// Bounded work and failures, as a reader meets them: a one-day link opens
// with a progress bar, links that ask too much are refused in plain words
// within seconds, a host's far seek shows progress and can be cancelled, a
// failure shows an overlay instead of a frozen page, and the page runs under
// its Content-Security-Policy without a single violation.
import { test, expect } from '@playwright/test';
import { deflateRawSync } from 'node:zlib';

/** A share link's payload (`#s=…`) for a state written as JSON text. */
const payload = (json) => deflateRawSync(Buffer.from(json)).toString('base64url');

/** Collects page errors and CSP violations (in every frame) into arrays. */
async function watch(page) {
  const errors = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await page.context().addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  return errors;
}

test.describe('bounded work', () => {
  test('a one-day link of the default scene opens with progress, then the picture', async ({ page }) => {
    test.setTimeout(120_000);
    const errors = await watch(page);
    await page.goto(`/#s=${payload('{"v":2,"scenario":"default","t":86400000}')}`);
    await expect(page.getByTestId('progress')).toBeVisible();
    await expect(page.getByTestId('progress-label')).toContainText('Loading the scene…');
    await expect(page.getByTestId('scene-loading')).toBeVisible();
    // The page stays responsive while it loads: the progress moves.
    const first = await page.getByTestId('progress-bar').getAttribute('value');
    await expect.poll(async () => Number(await page.getByTestId('progress-bar').getAttribute('value')), { timeout: 30_000 })
      .toBeGreaterThan(Number(first));
    await expect(page.locator('svg[data-testid="scene"]')).toBeVisible({ timeout: 100_000 });
    await expect(page.getByTestId('progress')).toHaveCount(0);
    await expect(page.getByTestId('sim-time')).toHaveText('t = 86400.000 s');
    expect(errors).toEqual([]);
  });

  test('a one-day link of the stress scene is refused clearly within seconds', async ({ page }) => {
    const errors = await watch(page);
    const start = Date.now();
    await page.goto(`/#s=${payload('{"v":1,"scenario":"stress","t":86400000}')}`);
    const refusal = page.getByTestId('refusal');
    await expect(refusal).toContainText('This link cannot be opened', { timeout: 10_000 });
    expect(Date.now() - start).toBeLessThan(10_000);
    await expect(refusal).toContainText('engine steps');
    await expect(refusal).toContainText(/\d+\.\d times the 8\.0 million/);
    await expect(refusal).toContainText('Showing the default scene');
    // And the page is usable: the default scene plays.
    await expect(page.locator('svg[data-testid="scene"]')).toBeVisible();
    await page.getByTestId('play').click();
    await expect(page.getByTestId('sim-time')).not.toHaveText('t = 0.000 s');
    expect(errors).toEqual([]);
  });

  test('a link at step 18446744073709551615 is refused before any work', async ({ page }) => {
    const errors = await watch(page);
    await page.goto(`/#s=${payload('{"v":2,"scenario":"default","t":5000,"steps":18446744073709551615,"applied":0}')}`);
    await expect(page.getByTestId('refusal')).toContainText('engine steps into its history');
    await expect(page.getByTestId('progress')).toHaveCount(0);
    await expect(page.locator('svg[data-testid="scene"]')).toBeVisible();
    expect(errors).toEqual([]);
  });

  test("a host's seek a day ahead shows progress and can be cancelled", async ({ page }) => {
    const errors = await watch(page);
    await page.goto('/blog-example.html');
    const embed = page.frameLocator('#embed-2');
    await expect(embed.locator('svg[data-testid="scene"]')).toBeVisible();
    await expect(page.locator('#embed-state')).toContainText('ready');
    await page.evaluate(() => {
      const frame = document.getElementById('embed-2');
      const origin = new URL(frame.src, location.href).origin;
      frame.contentWindow.postMessage({ kafkascope: 1, type: 'seek', value: 86_400_000 }, origin);
    });
    // Plain words, in the embed's language (Korean here).
    await expect(embed.getByTestId('progress')).toBeVisible();
    await expect(embed.getByTestId('progress-label')).toContainText('t = 86400.000 s');
    await embed.getByTestId('cancel-work').click();
    await expect(embed.getByTestId('progress')).toHaveCount(0);
    await expect(embed.getByTestId('info')).toBeVisible();
    await expect(embed.getByTestId('sim-time')).toHaveText('t = 0.000 s');
    expect(errors).toEqual([]);
  });
});

test.describe('failures are shown, never silent', () => {
  test('a panic shows the overlay; the play button goes dark', async ({ page }) => {
    await watch(page);
    await page.goto('/');
    await page.waitForFunction(() => window.wasmBindings?.kafkascope_panic_for_test);
    await page.getByTestId('play').click();
    await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'true');
    await page.evaluate(() => {
      try { window.wasmBindings.kafkascope_panic_for_test(); } catch (e) { /* the abort's trap */ }
    });
    const overlay = page.getByTestId('failure');
    await expect(overlay).toBeVisible();
    await expect(overlay).toContainText('kafkascope stopped');
    await expect(overlay).toContainText('a deliberate panic');
    await expect(page.getByTestId('failure-report')).toHaveValue(/kafkascope 0\.\d+\.\d+\nwhat: panic: a deliberate panic/);
    await expect(page.getByTestId('failure-report')).toHaveValue(/where: src\/ui\/browser\/failure\.rs:\d+/);
    await page.waitForTimeout(300);
    await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');
    await expect(page.getByTestId('play')).toBeDisabled();
    // Reload the scene: the page starts again, working.
    await page.getByTestId('failure-reload').click();
    await expect(page.getByTestId('failure')).toHaveCount(0);
    await expect(page.locator('svg[data-testid="scene"]')).toBeVisible();
  });

  test('a WebAssembly trap the hook never sees shows the same overlay', async ({ page }) => {
    await watch(page);
    await page.goto('/?lang=ko');
    await expect(page.locator('svg[data-testid="scene"]')).toBeVisible();
    await page.getByTestId('play').click();
    await page.evaluate(() => setTimeout(() => { throw new WebAssembly.RuntimeError('unreachable'); }, 0));
    const overlay = page.getByTestId('failure');
    await expect(overlay).toBeVisible();
    await expect(overlay).toContainText('멈췄습니다');
    await expect(overlay).toContainText('RuntimeError: unreachable');
    await page.waitForTimeout(300);
    await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');
    const clock = await page.getByTestId('sim-time').innerText();
    await page.waitForTimeout(300);
    await expect(page.getByTestId('sim-time')).toHaveText(clock);
  });

  test('an embedded failure tells the host page', async ({ page }) => {
    await page.goto('/blog-example.html');
    const embed = page.frameLocator('#embed-2');
    await expect(embed.locator('svg[data-testid="scene"]')).toBeVisible();
    const told = page.evaluate(() => new Promise((resolve) => {
      window.addEventListener('message', (e) => { if (e.data?.type === 'error') resolve(e.data); });
    }));
    const frame = page.frame({ url: /embed=1&controls=&lang=ko/ });
    await frame.evaluate(() => {
      try { window.wasmBindings.kafkascope_panic_for_test(); } catch (e) { /* trap */ }
    });
    const message = await told;
    expect(message.kafkascope).toBe(1);
    expect(message.message).toContain('a deliberate panic');
    await expect(embed.getByTestId('failure')).toBeVisible();
  });
});

test.describe('Content-Security-Policy', () => {
  test('the app renders and plays without a single violation; embeds too', async ({ page }) => {
    const errors = await watch(page);
    await page.goto('/');
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    // Inline code never runs: only style attributes are allowed inline.
    expect(csp.match(/'unsafe-inline'/g)).toHaveLength(1);
    expect(csp).toContain("style-src-attr 'unsafe-inline'");
    expect(await page.locator('script:not([src])').count()).toBe(0);
    await expect(page.locator('svg[data-testid="scene"]')).toBeVisible();
    await page.getByTestId('speed').selectOption('10');
    await page.getByTestId('play').click();
    await page.waitForTimeout(1_500);
    await page.getByTestId('play').click();
    expect(await page.getByTestId('sim-time').innerText()).not.toBe('t = 0.000 s');
    // Panels with style attributes (bars) are drawn, the share panel works.
    await page.getByTestId('tab-share').click();
    await page.getByTestId('make-link').click();
    await expect(page.getByTestId('share-link')).toHaveValue(/#s=/);
    expect(await page.evaluate(() => window.__csp)).toEqual([]);
    // An inline script would be refused: the policy is really in force.
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.body.appendChild(s);
    });
    expect(await page.evaluate(() => window.__inlineRan ?? false)).toBe(false);
    expect((await page.evaluate(() => window.__csp)).length).toBeGreaterThan(0);
    // The example blog post (no policy of its own) and its two embeds.
    await page.goto('/blog-example.html');
    await expect(page.frameLocator('#embed-1').locator('svg[data-testid="scene"]')).toBeVisible();
    await expect(page.frameLocator('#embed-2').locator('svg[data-testid="scene"]')).toBeVisible();
    for (const frame of page.frames().slice(1)) {
      expect(await frame.evaluate(() => window.__csp)).toEqual([]);
    }
    expect(errors).toEqual([]);
  });
});

test.describe('origins', () => {
  test('the referrer is obeyed inside a frame only, never from a popup opener', async ({ page, baseURL }) => {
    // Two made-up origins, served through routes: the app at
    // kafkascope.test (the built dist/), and a blog at blog.test that frames
    // it and also opens it in a popup, then sends both a seek.
    const app = 'http://kafkascope.test';
    const blog = 'http://blog.test';
    await page.context().route(`${app}/**`, async (route) => {
      const url = new URL(route.request().url());
      const response = await route.fetch({ url: new URL(url.pathname + url.search, baseURL).href });
      await route.fulfill({ response });
    });
    await page.context().route(`${blog}/post.html`, (route) => route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><title>a blog post</title>
        <iframe id="framed" src="${app}/?embed=1" width="700" height="500"></iframe>`,
    }));
    await page.goto(`${blog}/post.html`);
    const framed = page.frameLocator('#framed');
    await expect(framed.locator('svg[data-testid="scene"]')).toBeVisible();
    const [popup] = await Promise.all([
      page.waitForEvent('popup'),
      page.evaluate((url) => { window.kafkascopePopup = window.open(url); }, `${app}/`),
    ]);
    await expect(popup.locator('svg[data-testid="scene"]')).toBeVisible();
    // The popup's referrer is the blog, but the blog does not frame it.
    expect(await popup.evaluate(() => document.referrer)).toContain(blog);
    await page.evaluate((target) => {
      const message = { kafkascope: 1, type: 'seek', value: 10_000 };
      document.getElementById('framed').contentWindow.postMessage(message, target);
      window.kafkascopePopup.postMessage(message, target);
    }, app);
    await expect(framed.getByTestId('sim-time')).toHaveText('t = 10.000 s');
    await popup.waitForTimeout(500);
    await expect(popup.getByTestId('sim-time')).toHaveText('t = 0.000 s');
    await popup.close();
  });
});
