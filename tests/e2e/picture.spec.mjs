// The picture fits its screen and its text reads (issue 13, "Done when").
//
// At 360×640, 700×500 (`?embed=1`) and 1280×800, on the default scene (after
// about 2 s of play, then paused) and at every step of every built-in lesson
// (`?lesson=ID&step=N`; ids and step counts read from lessons/*.toml):
// - no scrollbar in the embed (nor a scrolling box inside it); elsewhere no
//   sideways scroll, and the picture and the time controls (play, timeline)
//   on the first screen: the page may scroll only below them;
// - every producer, broker, partition, group and member of the scene inside
//   the viewport;
// - no two texts of the picture overlapping (1 px tolerance), none sticking
//   out of its container's frame or the svg, none under 11 px after scaling.
// Screenshots: artifacts/screenshots/picture/<viewport>/<case>.png; all
// findings: artifacts/picture-fit/<viewport>.json. Checks: tests/e2e/fit.mjs.
//
// Run (after `trunk build --release`):
//   E2E_PORT=8161 npx playwright test tests/e2e/picture.spec.mjs
// Narrow it: PICTURE_VIEWPORTS=360x640,1280x800  PICTURE_CASES='^(default|basics-)'
// (a regex on case names: default, <lesson>-<step>); PICTURE_NAMES=today|contract
// forces the entity names (default: the contract's once the scene has any
// `data-entity`, else today's testids). The harness self-tests always run.
import { test, expect } from '@playwright/test';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as fit from './fit.mjs';

const ROOT = new URL('../../', import.meta.url);
const SHOTS = fileURLToPath(new URL('artifacts/screenshots/picture/', ROOT));
const FINDINGS = fileURLToPath(new URL('artifacts/picture-fit/', ROOT));

/** Built-in lessons: id = file stem, steps = number of `[[steps]]` tables. */
const LESSONS = readdirSync(new URL('lessons/', ROOT))
  .filter((f) => f.endsWith('.toml'))
  .sort()
  .map((f) => ({
    id: f.slice(0, -'.toml'.length),
    steps: (readFileSync(new URL(`lessons/${f}`, ROOT), 'utf8').match(/^\s*\[\[\s*steps\s*\]\]\s*(#.*)?$/gm) ?? []).length,
  }));

const VIEWPORTS = [
  { name: '360x640', width: 360, height: 640, embed: false },
  { name: '700x500-embed', width: 700, height: 500, embed: true },
  { name: '1280x800', width: 1280, height: 800, embed: false },
].filter((v) => !process.env.PICTURE_VIEWPORTS || process.env.PICTURE_VIEWPORTS.split(',').some((n) => v.name.startsWith(n)));

const CASES = [
  { name: 'default', query: {} },
  ...LESSONS.flatMap((l) =>
    Array.from({ length: l.steps }, (_, k) => ({ name: `${l.id}-${k + 1}`, lesson: l.id, step: k + 1, query: { lesson: l.id, step: k + 1 } })),
  ),
].filter((c) => !process.env.PICTURE_CASES || new RegExp(process.env.PICTURE_CASES).test(c.name));

/** What must be on the first screen (the caption only if the page has one). */
const FIRST_SCREEN = [
  { name: 'picture', selector: fit.SCENE },
  { name: 'play', selector: '[data-testid="play"]' },
  { name: 'timeline', selector: '[data-testid="timeline"]' },
  { name: 'caption', selector: '[data-testid="caption"]', required: false },
];

/** Most lines printed per check and case (the JSON file has them all). */
const SHOWN = 6;

const urlOf = (vp, c) => {
  const q = new URLSearchParams();
  if (vp.embed) q.set('embed', '1');
  for (const [k, v] of Object.entries(c.query)) q.set(k, String(v));
  const s = q.toString();
  return s ? `/?${s}` : '/';
};

const clockMs = async (page) => {
  const m = /([\d.]+)\s*s/.exec((await page.getByTestId('sim-time').first().textContent()) ?? '');
  return m ? Number(m[1]) * 1000 : NaN;
};

/** Opens a case and waits for the scene to settle; returns problems opening it. */
async function open(page, vp, c) {
  const problems = [];
  await page.goto(urlOf(vp, c));
  const scene = page.locator(fit.SCENE);
  const refusal = page.getByTestId('refusal');
  await expect(scene.or(refusal).first()).toBeVisible({ timeout: 20_000 });
  if (await refusal.isVisible()) problems.push(`the page refused the link: ${await refusal.innerText()}`);
  if (!c.lesson) {
    // The default scene: about 2 simulated seconds of play, then paused.
    const play = page.getByTestId('play');
    if ((await play.count()) > 0) {
      await expect(play).toHaveText(/\b(Play|Pause)\b/);
      if (/\bPlay\b/.test(await play.innerText())) await play.click();
      await expect(play).toHaveText(/\bPause\b/);
      await expect.poll(() => clockMs(page), { timeout: 15_000, intervals: [100] }).toBeGreaterThanOrEqual(2_000);
      await play.click();
      await expect(play).toHaveText(/\bPlay\b/);
    } else {
      problems.push('no play button: the default scene was measured as it opened');
    }
  } else {
    // A lesson link: the lesson player (if shown) is at the asked step.
    await expect(page.getByTestId('scene-loading')).toHaveCount(0, { timeout: 20_000 });
    const step = page.getByTestId('lesson-step');
    if ((await step.count()) > 0) await expect(step).toHaveValue(String(c.step - 1));
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  const s = await fit.run(page, fit.settled, { frames: 3, maxFrames: 300 });
  if (s.timeout) problems.push(`the scene did not settle within ${s.frames} frames (${s.signature})`);
  return problems;
}

/** Every check on the page as it is; returns `{ checks: { name: [lines] }, data }`. */
async function measure(page, vp, c, names) {
  const [scroll, entities, texts] = [
    await fit.run(page, fit.scrollbars, { firstScreen: FIRST_SCREEN }),
    await fit.run(page, fit.entitiesOutsideViewport, names.entities),
    await fit.run(page, fit.textBoxes, { boxes: names.boxes }),
  ];
  const checks = { scroll: [], outside: [], overlap: [], clipped: [], tooSmall: [], missing: [] };

  // Scrollbars and the first screen.
  const { viewport: v } = scroll;
  if (vp.embed && scroll.vertical) checks.scroll.push(`the embed scrolls: content is ${scroll.scroll.h}px tall in a ${v.innerHeight}px frame`);
  if (scroll.horizontal) checks.scroll.push(`the page scrolls sideways: content is ${scroll.scroll.w}px wide in ${v.innerWidth}px`);
  for (const s of scroll.innerScrollers) {
    if (vp.embed || s.holdsScene) checks.scroll.push(`${s.element} scrolls inside the page (${s.scroll.w}×${s.scroll.h} in ${s.client.w}×${s.client.h})`);
  }
  for (const f of scroll.firstScreen) {
    if (!f.found) {
      if (f.required) checks.missing.push(`no ${f.name} (${f.selector}) on the page`);
    } else if (Object.keys(f.outside).length > 0) {
      checks.scroll.push(`the ${f.name} is not on the first screen: ${f.rect.w}×${f.rect.h} at (${f.rect.x}, ${f.rect.y}), beyond it by ${Object.entries(f.outside).map(([k, n]) => `${k} ${n}px`).join(', ')}`);
    }
  }

  // Entities.
  if (!entities.scene) checks.missing.push(`no ${fit.SCENE}`);
  const need = c.lesson ? ['partition'] : ['producer', 'partition', 'group'];
  for (const kind of need) {
    if ((entities.counts[kind]?.found ?? 0) === 0) checks.missing.push(`no ${kind} (${names.entities[kind]}) in the scene`);
  }
  checks.outside = entities.outside.map((p) => fit.explain('outside', p));

  // Text.
  if (texts.boxes.length === 0) checks.missing.push('no visible text in the scene');
  const found = {
    overlap: fit.overlaps(texts.boxes, 1),
    clipped: fit.clipped(texts.boxes, 1),
    tooSmall: fit.tooSmall(texts.boxes, 11),
  };
  for (const [k, list] of Object.entries(found)) checks[k] = list.map((p) => fit.explain(k, p));
  return { checks, data: { scroll, entities: entities, texts: { count: texts.count, shown: texts.boxes.length, ignored: texts.ignored, unframed: texts.unframed }, ...found } };
}

/** The readable failure of one case: each check with its first lines (repeats counted). */
function report(checks) {
  const lines = [];
  for (const [k, list] of Object.entries(checks)) {
    if (list.length === 0) continue;
    const seen = new Map();
    for (const l of list) seen.set(l, (seen.get(l) ?? 0) + 1);
    const distinct = [...seen];
    lines.push(`${k} (${list.length}):`);
    for (const [l, n] of distinct.slice(0, SHOWN)) lines.push(`  ${l}${n > 1 ? ` (×${n})` : ''}`);
    if (distinct.length > SHOWN) lines.push(`  … and ${distinct.length - SHOWN} more`);
  }
  return lines;
}

/** How bad the worst finding of a check is, to pick examples for the summary. */
const badness = {
  overlap: (p) => (p.overlap.depth ?? Math.min(p.overlap.x, p.overlap.y)),
  clipped: (p) => Math.max(...Object.values(p.by)),
  tooSmall: (p) => 11 - p.fontPx,
  outside: (p) => Math.max(...Object.values(p.outside)),
};

test.describe('picture fit (issue 13)', () => {

  for (const vp of VIEWPORTS) {
    test.describe(vp.name, () => {
      test.use({ viewport: { width: vp.width, height: vp.height } });

      test(`default scene and ${CASES.length - 1} lesson steps`, async ({ page }) => {
        test.setTimeout(60_000 + CASES.length * 15_000);
        mkdirSync(`${SHOTS}${vp.name}`, { recursive: true });
        mkdirSync(FINDINGS, { recursive: true });
        let errors = [];
        page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
        const all = [];
        const started = Date.now();
        let names;
        for (const c of CASES) {
          await test.step(c.name, async () => {
            errors = [];
            const t0 = Date.now();
            const opening = await open(page, vp, c);
            names ??= await fit.namesIn(page);
            const { checks, data } = await measure(page, vp, c, names);
            checks.missing.unshift(...opening, ...errors);
            await page.screenshot({ path: `${SHOTS}${vp.name}/${c.name}.png` });
            all.push({ case: c.name, url: urlOf(vp, c), ms: Date.now() - t0, checks, ...data });
            expect.soft(report(checks), `${vp.name} ${c.name} (${urlOf(vp, c)}): the picture does not fit`).toEqual([]);
          });
        }
        // One summary per viewport: failing cases per check and the worst example of each.
        const summary = { viewport: vp.name, names: names?.kind, cases: all.length, seconds: (Date.now() - started) / 1000, failing: {}, worst: {} };
        for (const k of ['scroll', 'missing', 'outside', 'overlap', 'clipped', 'tooSmall']) {
          const failing = all.filter((r) => r.checks[k].length > 0);
          summary.failing[k] = { cases: failing.length, findings: failing.reduce((n, r) => n + r.checks[k].length, 0) };
          if (badness[k]) {
            const worst = all
              .flatMap((r) => (k === 'outside' ? r.entities.outside : r[k]).map((p) => ({ p, r })))
              .sort((x, y) => badness[k](y.p) - badness[k](x.p))[0];
            if (worst) summary.worst[k] = `${worst.r.case}: ${fit.explain(k, worst.p)}`;
          } else if (failing.length) {
            summary.worst[k] = `(first) ${failing[0].case}: ${failing[0].checks[k][0]}`;
          }
        }
        // Containers with no rect[data-frame] cannot be checked for clipping (their own box holds the text).
        summary.unframedContainers = Math.max(0, ...all.map((r) => r.texts.unframed ?? 0));
        writeFileSync(`${FINDINGS}${vp.name}.json`, JSON.stringify({ summary, cases: all }, null, 1));
        console.log(`picture fit ${vp.name}: ${JSON.stringify(summary, null, 2)}`);
      });
    });
  }
});

// ---------------------------------------------------------------------------
// The harness itself: it finds planted problems and passes a clean layout.

/** A synthetic scene: `body` is SVG markup inside a scaled svg (viewBox 0 0 300 200). */
const synthetic = (body, { width = 600, height = 400, after = '' } = {}) => `<!doctype html>
<html><head><style>
  body { margin: 0; font-family: sans-serif; }
  .hide { display: none; } .ghost { visibility: hidden; } .clear { opacity: 0; }
</style></head><body>
<svg data-testid="scene" width="${width}" height="${height}" viewBox="0 0 300 200">
  <defs><text id="d" x="10" y="10" font-size="8">in defs</text></defs>
  ${body}
</svg>${after}</body></html>`;

async function measureSynthetic(page) {
  return {
    scroll: await fit.run(page, fit.scrollbars, { firstScreen: [{ name: 'picture', selector: fit.SCENE }] }),
    entities: await fit.run(page, fit.entitiesOutsideViewport, fit.CONTRACT.entities),
    texts: await fit.run(page, fit.textBoxes, { boxes: 'contract' }),
  };
}

test.describe('picture fit harness', () => {
  test.use({ viewport: { width: 700, height: 500 } });

  test('passes a well-placed scene, and ignores what is not drawn', async ({ page }) => {
    // Scale 2 (600 px for 300 units): 7-unit text is 14 px. Lines 12 units apart.
    await page.setContent(
      synthetic(`
      <g data-entity="producer" data-producer="p1" data-box><rect data-frame x="5" y="5" width="90" height="40" />
        <text x="10" y="17" font-size="7">producer-1</text>
        <text x="10" y="29" font-size="7">5/s · acks=all</text>
        <text x="10" y="41" font-size="7">sent: 12</text></g>
      <g data-entity="partition" data-topic="t" data-partition="0" data-box><rect data-frame x="110" y="5" width="180" height="20" />
        <text x="115" y="18" font-size="7">t-0</text><text x="150" y="18" font-size="7">0</text><text x="165" y="18" font-size="7">1</text>
        <text x="240" y="18" font-size="6">HW</text></g>
      <g data-entity="group" data-group="g" data-box><rect data-frame x="110" y="40" width="180" height="60" />
        <g data-entity="member" data-member="c1" data-box><rect data-frame x="115" y="60" width="80" height="30" /><text x="120" y="78" font-size="7">consumer-1</text></g>
        <text x="115" y="52" font-size="7">group g · Stable</text>
        <!-- rotated 45°: its axis-aligned box covers the corner text, its quad does not -->
        <text x="220" y="60" font-size="6" transform="rotate(45 220 60)">rotated label</text>
        <text x="220" y="81" font-size="6">ok</text></g>
      <!-- not drawn: would overlap and be tiny -->
      <g class="hide"><text x="10" y="17" font-size="3">hidden by display</text></g>
      <g class="ghost"><text x="10" y="17" font-size="3">hidden by visibility</text></g>
      <g class="clear"><g><text x="10" y="17" font-size="3">hidden by opacity</text></g></g>
      <text x="10" y="17" font-size="7" fill="none">unpainted</text>
      <text x="10" y="17" font-size="7">   </text>
      <use href="#d" />`),
    );
    const { scroll, entities, texts } = await measureSynthetic(page);
    expect(scroll.vertical || scroll.horizontal).toBe(false);
    expect(scroll.firstScreen[0].outside).toEqual({});
    expect(entities.outside).toEqual([]);
    expect(entities.counts.member).toEqual({ found: 1, hidden: 0 });
    expect(texts.ignored).toMatchObject({ hidden: 3, unpainted: 1, defs: 1 });
    expect(texts.unframed).toBe(0);
    expect(texts.boxes.map((b) => b.text)).toEqual([
      'producer-1', '5/s · acks=all', 'sent: 12', 't-0', '0', '1', 'HW', 'consumer-1', 'group g · Stable', 'rotated label', 'ok',
    ]);
    const producer = texts.boxes[0];
    expect(producer.fontPx).toBe(14);
    expect(producer.scale).toBe(2);
    expect(producer.container).toMatchObject({ kind: 'frame', rect: { x: 10, y: 10, w: 180, h: 80 } });
    // The glyph box is the font's line box: a bit taller than the font size.
    expect(producer.rect.h / producer.fontPx).toBeGreaterThan(1);
    expect(producer.rect.h / producer.fontPx).toBeLessThan(1.5);
    const rotated = texts.boxes.find((b) => b.text === 'rotated label');
    expect(rotated.rotated).toBe(true);
    expect(rotated.fontPx).toBe(12);
    const corner = texts.boxes.find((b) => b.text === 'ok');
    const cover = (a, b, axis, size) => Math.min(a[axis] + a[size], b[axis] + b[size]) - Math.max(a[axis], b[axis]);
    const aabbHit = cover(rotated.rect, corner.rect, 'x', 'w') > 2 && cover(rotated.rect, corner.rect, 'y', 'h') > 2;
    expect(aabbHit, 'the test needs the rotated text’s box to cover the corner text').toBe(true);
    expect(texts.boxes.find((b) => b.text === 'consumer-1').container.where).toBe('group(group=g) › member(member=c1)');
    expect(fit.overlaps(texts.boxes)).toEqual([]);
    expect(fit.clipped(texts.boxes)).toEqual([]);
    expect(fit.tooSmall(texts.boxes, 11)).toEqual([]);
  });

  test('finds overlap, clipping, tiny text, off-screen entities and scrollbars', async ({ page }) => {
    await page.setContent(
      synthetic(
        `
      <g data-entity="producer" data-producer="p1" data-box><rect data-frame x="5" y="5" width="60" height="30" />
        <text x="10" y="17" font-size="7">producer-1 with a long name</text>
        <text x="12" y="19" font-size="7">covered</text>
        <text x="10" y="30" font-size="4">tiny</text></g>
      <g transform="rotate(30 200 50)"><text x="200" y="50" font-size="7" text-anchor="middle">rotated one</text></g>
      <g transform="rotate(-30 200 50)"><text x="200" y="50" font-size="7" text-anchor="middle">rotated two</text></g>
      <g data-entity="partition" data-topic="t" data-partition="9"><rect x="250" y="150" width="150" height="20" /></g>
      <text x="290" y="195" font-size="8">cut by the svg</text>`,
        { after: '<div style="height: 900px">below</div>' },
      ),
    );
    const { scroll, entities, texts } = await measureSynthetic(page);
    expect(scroll.vertical).toBe(true);
    expect(scroll.scroll.h).toBeGreaterThan(1200);
    expect(entities.outside).toEqual([
      { kind: 'partition', name: 'topic=t partition=9', rect: expect.any(Object), outside: { right: expect.any(Number) } },
    ]);
    // The partition's right edge: (250 + 150) × 2 = 800 px, in a 700 px window.
    expect(entities.outside[0].rect.x + entities.outside[0].rect.w).toBe(800);
    expect(entities.outside[0].outside.right).toBeGreaterThanOrEqual(100);

    const ov = fit.overlaps(texts.boxes).map((p) => [p.a.text, p.b.text]);
    expect(ov).toContainEqual(['producer-1 with a long name', 'covered']);
    expect(ov).toContainEqual(['rotated one', 'rotated two']);
    const clip = fit.clipped(texts.boxes);
    const long = clip.find((p) => p.text === 'producer-1 with a long name');
    expect(long).toMatchObject({ against: 'frame' });
    expect(long.by.right).toBeGreaterThan(20);
    expect(clip.find((p) => p.text === 'cut by the svg')).toMatchObject({ against: 'scene', by: { right: expect.any(Number) } });
    expect(fit.tooSmall(texts.boxes, 11)).toEqual([{ text: 'tiny', where: 'producer(producer=p1)', fontPx: 8, fontCss: 4, scale: 2 }]);
    // Readable lines.
    expect(fit.explain('overlap', fit.overlaps(texts.boxes)[0])).toMatch(/^".+" \[.*\] overlaps ".+" \[.*\] by /);
  });

  test('a viewBox that shrinks the picture shrinks its text', async ({ page }) => {
    // 300 units drawn in 150 px: 16-unit text is 8 px.
    await page.setContent(synthetic('<text x="10" y="40" font-size="16">small after scaling</text>', { width: 150, height: 100 }));
    const { texts } = await measureSynthetic(page);
    expect(fit.tooSmall(texts.boxes, 11)).toEqual([
      { text: 'small after scaling', where: '(scene)', fontPx: 8, fontCss: 16, scale: 0.5 },
    ]);
  });

  test('the x sweep finds exactly the pairs a check of every pair finds', () => {
    // Deterministic pseudo-random boxes (an LCG), dense enough to touch often.
    let seed = 13;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const boxes = Array.from({ length: 1500 }, (_, i) => ({
      i,
      text: `t${i}`,
      where: 'x',
      rect: { x: Math.round(rnd() * 1200), y: Math.round(rnd() * 800), w: Math.round(4 + rnd() * 60), h: 14 },
    }));
    const brute = [];
    for (let a = 0; a < boxes.length; a++) {
      for (let b = a + 1; b < boxes.length; b++) {
        const [p, q] = [boxes[a].rect, boxes[b].rect];
        const ox = Math.min(p.x + p.w, q.x + q.w) - Math.max(p.x, q.x);
        const oy = Math.min(p.y + p.h, q.y + q.h) - Math.max(p.y, q.y);
        if (ox > 1 && oy > 1) brute.push(`t${a}|t${b}`);
      }
    }
    const swept = fit.overlaps(boxes).map((p) => `${p.a.text}|${p.b.text}`);
    expect(brute.length).toBeGreaterThan(100);
    expect(swept.sort()).toEqual(brute.sort());
  });

  test('catches text planted in the real picture', async ({ page }) => {
    await page.goto('/?lesson=basics&step=2');
    await expect(page.locator(fit.SCENE)).toBeVisible();
    await fit.run(page, fit.settled);
    const names = await fit.namesIn(page);
    const before = await fit.run(page, fit.textBoxes, { boxes: names.boxes });
    expect(before.boxes.length).toBeGreaterThan(5);
    // A copy of the first text at the same place, a tiny one, and one pushed out of its frame.
    const planted = await page.evaluate(() => {
      const t = [...document.querySelectorAll('svg[data-testid="scene"] text')].find((x) => x.getClientRects().length && x.textContent.trim());
      const copy = t.cloneNode(true);
      copy.textContent = 'PLANTED-OVER';
      t.after(copy);
      const tiny = t.cloneNode(true);
      tiny.textContent = 'PLANTED-TINY';
      tiny.setAttribute('y', String(Number(t.getAttribute('y')) + 400));
      tiny.style.fontSize = '4px';
      t.after(tiny);
      const wide = t.cloneNode(true);
      wide.textContent = 'PLANTED-WIDE '.repeat(30);
      t.after(wide);
      return t.textContent.trim();
    });
    const after = await fit.run(page, fit.textBoxes, { boxes: names.boxes });
    const ov = fit.overlaps(after.boxes);
    expect(ov.some((p) => [p.a.text, p.b.text].includes('PLANTED-OVER') && [p.a.text, p.b.text].includes(planted))).toBe(true);
    expect(fit.tooSmall(after.boxes, 11).some((p) => p.text === 'PLANTED-TINY')).toBe(true);
    expect(fit.clipped(after.boxes).some((p) => p.text.startsWith('PLANTED-WIDE'))).toBe(true);
    // Nothing planted, nothing new: what the checks found before is still all there is, besides the plants.
    const plantedOnly = (list, texts) => list.filter((p) => !texts(p).some((s) => s.startsWith('PLANTED')));
    expect(plantedOnly(ov, (p) => [p.a.text, p.b.text]).length).toBe(fit.overlaps(before.boxes).length);
  });
});
