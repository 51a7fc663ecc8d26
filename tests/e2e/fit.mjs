// Fit checks for the picture (issue 13): does the scene fit its screen, is its
// text readable (no overlap, no clipping, no tiny type)? Used by picture.spec.mjs.
//
// Two kinds of function:
// - In-page probes, run with `run(page, fn, arg)` (or `page.evaluate(fn,
//   arg)`): `scrollbars`, `entitiesOutsideViewport`, `textBoxes`, `settled`.
//   Their source text is sent to the page, so each is self-contained (no
//   imports, no module-level helpers) and returns plain data.
// - Pure checks on that data: `overlaps`, `clipped`, `tooSmall`. They run in
//   Node (or in the page) and return one plain object per problem, saying what
//   and where, so a failure message reads on its own.
//
// Names: the picture's test contract (/work/notes/picture-contract.md, issue 13)
// says entities carry `data-entity` and texts are framed by a `data-box`
// ancestor. The picture before issue 13 has neither; `TODAY` maps its names
// (`data-testid=broker`, `…=partition`, …; frames = the nearest `<g>` with a
// `<rect>` child) so the harness can be tried on it. `namesIn(page)` picks the
// contract as soon as the scene has any `data-entity`, so the fallback can never
// hide a half-adopted contract.
//
// Geometry notes:
// - A text's box is the glyph-cell box the browser reports (font ascent to
//   descent, advance widths), not the ink: two 12 px lines 12 px apart overlap by
//   about 2 px. Lines need about 1.2 × the font size between baselines.
// - Rotated or skewed text (a transform anywhere above it) is handled: its box
//   is the quad of its bounding box through the screen CTM, overlaps use the
//   separating-axis test on quads, its size is measured along its own up
//   vector. Not handled: per-glyph `rotate=`/`dx`/`dy` lists and `<textPath>`
//   (measured by their axis-aligned client rect), `clip-path`/`mask` on
//   ancestors (not treated as hiding or clipping), text inside `<use>` shadow
//   trees (not seen).

/** The contract's selectors (issue 13). */
export const CONTRACT = {
  kind: 'contract',
  entities: {
    producer: '[data-entity="producer"]',
    broker: '[data-entity="broker"]',
    partition: '[data-entity="partition"]',
    group: '[data-entity="group"]',
    member: '[data-entity="member"]',
  },
  boxes: 'contract',
};

/** Today's names (before issue 13), to validate the harness on the current app. */
export const TODAY = {
  kind: 'today',
  entities: {
    producer: '[data-testid="producer"]',
    broker: '[data-testid="broker"]',
    partition: '[data-testid="partition"]',
    group: '[data-testid="group"]',
    member: '[data-testid="member"]',
  },
  boxes: 'today',
};

/** The scene: the one SVG the contract names. */
export const SCENE = 'svg[data-testid="scene"]';

/**
 * Which names the page's scene uses: `CONTRACT` once any `data-entity` is in
 * the scene, else `TODAY`. `PICTURE_NAMES=contract|today` forces one.
 */
export async function namesIn(page) {
  const forced = process.env.PICTURE_NAMES;
  if (forced === 'contract') return CONTRACT;
  if (forced === 'today') return TODAY;
  const contract = await page.locator(`${SCENE} [data-entity]`).count();
  return contract > 0 ? CONTRACT : TODAY;
}

/**
 * Runs an in-page probe and returns its result. Same as `page.evaluate(fn,
 * arg)`, but the result crosses as one JSON string: Playwright's own
 * serializer takes about 1.3 s for the 3,000 text boxes of a big scene, JSON
 * about 0.1 s.
 */
export async function run(page, fn, arg = {}) {
  const json = await page.evaluate(`(async () => JSON.stringify(await (${fn})(${JSON.stringify(arg)})))()`);
  return JSON.parse(json);
}

// ---------------------------------------------------------------------------
// In-page probes (self-contained).

/**
 * In page. Resolves once the scene has stopped changing: fonts loaded, no
 * loading placeholder or progress bar, no finite CSS animation or transition
 * running, and `frames` consecutive animation frames with the same scene
 * markup and clock. Returns how many frames it
 * took, or `{ timeout: true, … }` after `maxFrames`.
 */
export async function settled({ frames = 3, maxFrames = 240 } = {}) {
  await document.fonts.ready;
  const busy = '[data-testid="scene-loading"], [data-testid="progress"]';
  const signature = () => {
    const svg = document.querySelector('svg[data-testid="scene"]');
    const clock = document.querySelector('[data-testid="sim-time"]');
    return `${svg ? svg.innerHTML.length : -1}|${svg ? svg.childElementCount : -1}|${clock ? clock.textContent : ''}|${document.querySelector(busy) ? 'busy' : ''}`;
  };
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  let previous = null;
  let same = 0;
  for (let n = 0; n < maxFrames; n++) {
    await frame();
    const now = signature();
    // CSS transitions and animations move things without changing the markup.
    const moving = document
      .getAnimations()
      .some((a) => a.playState === 'running' && a.effect && a.effect.getComputedTiming().iterations !== Infinity);
    const ready = !now.startsWith('-1|') && !now.endsWith('|busy') && !moving;
    same = ready && now === previous ? same + 1 : 0;
    previous = now;
    if (same >= frames) return { frames: n + 1 };
  }
  return { timeout: true, frames: maxFrames, signature: previous };
}

/**
 * In page. The document's scroll size against the viewport, and where the
 * elements that must be on the first screen are (the picture, the time
 * controls). `firstScreen` is a list of `{ name, selector, required }`.
 * Rects are measured as at scroll position 0 (document coordinates).
 *
 * Returns `{ viewport, scroll, horizontal, vertical, firstScreen: [{ name,
 * selector, found, rect, outside }], innerScrollers: [...] }` where `outside`
 * is the px beyond each edge of the first screen (only sides > 0.5 px), and
 * `innerScrollers` lists visible elements with `overflow: auto|scroll` whose
 * content is larger than their box (a scrollbar inside the page).
 */
export function scrollbars({ firstScreen = [] } = {}) {
  const root = document.scrollingElement || document.documentElement;
  const vw = document.documentElement.clientWidth;
  const vh = document.documentElement.clientHeight;
  const r1 = (v) => Math.round(v * 10) / 10;
  const rectOf = (el) => {
    const b = el.getBoundingClientRect();
    return { x: r1(b.left + window.scrollX), y: r1(b.top + window.scrollY), w: r1(b.width), h: r1(b.height) };
  };
  const outsideOf = (r) => {
    const o = {};
    if (r.x < -0.5) o.left = r1(-r.x);
    if (r.y < -0.5) o.top = r1(-r.y);
    if (r.x + r.w > vw + 0.5) o.right = r1(r.x + r.w - vw);
    if (r.y + r.h > vh + 0.5) o.bottom = r1(r.y + r.h - vh);
    return o;
  };
  const shown = firstScreen.map(({ name, selector, required = true }) => {
    const els = [...document.querySelectorAll(selector)].filter((el) => el.getClientRects().length > 0);
    if (els.length === 0) return { name, selector, found: false, required };
    const rects = els.map(rectOf);
    const x = Math.min(...rects.map((r) => r.x));
    const y = Math.min(...rects.map((r) => r.y));
    const rect = {
      x,
      y,
      w: r1(Math.max(...rects.map((r) => r.x + r.w)) - x),
      h: r1(Math.max(...rects.map((r) => r.y + r.h)) - y),
    };
    return { name, selector, found: true, required, rect, outside: outsideOf(rect) };
  });
  const innerScrollers = [];
  for (const el of document.querySelectorAll('body *')) {
    if (el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth + 1) continue;
    const s = getComputedStyle(el);
    const scrolls = (o) => o === 'auto' || o === 'scroll';
    const y = scrolls(s.overflowY) && el.scrollHeight > el.clientHeight + 1;
    const x = scrolls(s.overflowX) && el.scrollWidth > el.clientWidth + 1;
    if (!x && !y) continue;
    if (el.getClientRects().length === 0) continue;
    const id = el.getAttribute('data-testid') || el.id || el.className || el.tagName.toLowerCase();
    innerScrollers.push({
      element: `${el.tagName.toLowerCase()}${id ? `[${String(id).slice(0, 40)}]` : ''}`,
      holdsScene: !!el.querySelector('svg[data-testid="scene"]'),
      scroll: { w: el.scrollWidth, h: el.scrollHeight },
      client: { w: el.clientWidth, h: el.clientHeight },
      rect: rectOf(el),
    });
  }
  return {
    viewport: { w: vw, h: vh, innerWidth: window.innerWidth, innerHeight: window.innerHeight },
    scroll: { w: root.scrollWidth, h: root.scrollHeight },
    horizontal: root.scrollWidth > window.innerWidth,
    vertical: root.scrollHeight > window.innerHeight,
    firstScreen: shown,
    innerScrollers,
  };
}

/**
 * In page. Every entity of the scene (`selectors`: `{ kind: selector }`, e.g.
 * `CONTRACT.entities`) whose bounding box is not wholly inside the viewport
 * (as at scroll position 0; 0.5 px tolerance). Entities that are not rendered
 * (display none, visibility hidden, opacity 0 above them, zero size) are
 * counted as `hidden`, not checked. Returns `{ viewport, counts: { kind: {
 * found, hidden } }, outside: [{ kind, name, rect, outside }] }`.
 */
export function entitiesOutsideViewport(selectors) {
  const svg = document.querySelector('svg[data-testid="scene"]');
  const vw = document.documentElement.clientWidth;
  const vh = document.documentElement.clientHeight;
  const r1 = (v) => Math.round(v * 10) / 10;
  const ids = ['producer', 'topic', 'partition', 'broker', 'broker-id', 'group', 'member'];
  const nameOf = (el) =>
    ids
      .filter((a) => el.hasAttribute(`data-${a}`))
      .map((a) => `${a}=${el.getAttribute(`data-${a}`)}`)
      .join(' ') || el.getAttribute('aria-label') || '(no id)';
  const visible = (el) => {
    if (typeof el.checkVisibility === 'function') {
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    }
    const b = el.getBoundingClientRect();
    return b.width > 0 && b.height > 0;
  };
  const counts = {};
  const outside = [];
  for (const [kind, selector] of Object.entries(selectors)) {
    const els = svg ? [...svg.querySelectorAll(selector)] : [];
    counts[kind] = { found: els.length, hidden: 0 };
    for (const el of els) {
      if (!visible(el)) {
        counts[kind].hidden++;
        continue;
      }
      const b = el.getBoundingClientRect();
      const x = b.left + window.scrollX;
      const y = b.top + window.scrollY;
      const o = {};
      if (x < -0.5) o.left = r1(-x);
      if (y < -0.5) o.top = r1(-y);
      if (x + b.width > vw + 0.5) o.right = r1(x + b.width - vw);
      if (y + b.height > vh + 0.5) o.bottom = r1(y + b.height - vh);
      if (Object.keys(o).length > 0) {
        outside.push({ kind, name: nameOf(el), rect: { x: r1(x), y: r1(y), w: r1(b.width), h: r1(b.height) }, outside: o });
      }
    }
  }
  return { scene: !!svg, viewport: { w: vw, h: vh }, counts, outside };
}

/**
 * In page. Every visible `<text>` of the scene, as plain data:
 * `{ i, text, where, rect: {x,y,w,h} (client px, as at scroll 0), quad (4
 * corners, only when rotated/skewed), rotated, fontPx (computed font size ×
 * the CTM's scale along the text's up vector; the smallest over its tspans),
 * fontCss, scale, container: { kind, where, rect }, clip: {x,y,w,h} (the
 * svg's visible area) }`.
 *
 * `boxes: 'contract'`: a text's container is its nearest `[data-box]`
 * ancestor, framed by that element's `rect[data-frame]` child, else by its
 * own bounding box (`kind: 'box-bbox'`, which a text inside it cannot leave:
 * `clipped` skips those). `boxes: 'today'`: the nearest `<g>` ancestor with a
 * `<rect>` child, framed by that rect.
 *
 * Ignored: texts in defs/symbol/clipPath/mask/pattern/marker, texts not
 * rendered (display none or visibility hidden anywhere above, opacity 0
 * anywhere above, fill and stroke both none or transparent), empty or
 * zero-size texts. Returns `{ scene, count, ignored, unframed (containers with
 * no rect[data-frame], so no clipping check), boxes }`.
 */
export function textBoxes({ boxes = 'contract', maxText = 80 } = {}) {
  const svg = document.querySelector('svg[data-testid="scene"]');
  if (!svg) return { scene: false, count: 0, ignored: {}, boxes: [] };
  const r1 = (v) => Math.round(v * 10) / 10;
  const sx = window.scrollX;
  const sy = window.scrollY;
  const rectOf = (b) => ({ x: r1(b.left + sx), y: r1(b.top + sy), w: r1(b.width), h: r1(b.height) });
  const ids = ['producer', 'topic', 'partition', 'broker', 'broker-id', 'group', 'member', 'offset', 'kind'];
  const labelOf = (el) => {
    const kind = el.getAttribute('data-entity') || el.getAttribute('data-testid');
    const parts = ids.filter((a) => el.hasAttribute(`data-${a}`)).map((a) => `${a}=${el.getAttribute(`data-${a}`)}`);
    if (kind) return parts.length ? `${kind}(${parts.join(' ')})` : kind;
    if (parts.length) return `g(${parts.join(' ')})`;
    return null;
  };
  const whereCache = new Map();
  const whereOf = (el) => {
    if (!el || el === svg) return '';
    if (whereCache.has(el)) return whereCache.get(el);
    const up = whereOf(el.parentElement);
    let own = labelOf(el);
    if (!own && el.tagName.toLowerCase() === 'g' && el.classList.length && !up) own = `g.${[...el.classList].join('.')}`;
    const w = own ? (up ? `${up} › ${own}` : own) : up;
    whereCache.set(el, w);
    return w;
  };
  // Opacity 0 / display none / visibility hidden above a text.
  const hiddenCache = new Map();
  const hiddenAbove = (el) => {
    if (!el || el === svg.parentElement) return false;
    if (hiddenCache.has(el)) return hiddenCache.get(el);
    const s = getComputedStyle(el);
    const h = s.display === 'none' || Number(s.opacity) === 0 || hiddenAbove(el.parentElement);
    hiddenCache.set(el, h);
    return h;
  };
  const containerCache = new Map();
  const containerOf = (text) => {
    let el = text.parentElement;
    if (boxes === 'contract') {
      const box = text.closest('[data-box]');
      if (!box || !svg.contains(box)) return null;
      el = box;
    } else {
      while (el && el !== svg && !(el.tagName.toLowerCase() === 'g' && el.querySelector(':scope > rect'))) el = el.parentElement;
      if (!el || el === svg) return null;
    }
    if (containerCache.has(el)) return containerCache.get(el);
    let frame;
    let kind;
    if (boxes === 'contract') {
      frame = el.querySelector(':scope > rect[data-frame]');
      kind = frame ? 'frame' : 'box-bbox';
    } else {
      frame = el.querySelector(':scope > rect');
      kind = 'rect';
    }
    const c = { kind, where: whereOf(el) || el.tagName.toLowerCase(), rect: rectOf((frame || el).getBoundingClientRect()) };
    containerCache.set(el, c);
    return c;
  };
  // The svg's visible area: its own box (an outer svg clips its content),
  // cut by every ancestor that clips overflow.
  let clipB = svg.getBoundingClientRect();
  let clip = { l: clipB.left, t: clipB.top, r: clipB.right, b: clipB.bottom };
  for (let el = svg.parentElement; el && el !== document.documentElement; el = el.parentElement) {
    const s = getComputedStyle(el);
    if (s.overflowX !== 'visible' || s.overflowY !== 'visible') {
      const b = el.getBoundingClientRect();
      if (s.overflowX !== 'visible') clip = { ...clip, l: Math.max(clip.l, b.left), r: Math.min(clip.r, b.right) };
      if (s.overflowY !== 'visible') clip = { ...clip, t: Math.max(clip.t, b.top), b: Math.min(clip.b, b.bottom) };
    }
  }
  const clipRect = { x: r1(clip.l + sx), y: r1(clip.t + sy), w: r1(Math.max(0, clip.r - clip.l)), h: r1(Math.max(0, clip.b - clip.t)) };
  const skip = 'defs, symbol, clipPath, mask, pattern, marker';
  const ignored = { hidden: 0, empty: 0, defs: 0, unpainted: 0 };
  const out = [];
  const texts = svg.querySelectorAll('text');
  for (const t of texts) {
    if (t.closest(skip)) {
      ignored.defs++;
      continue;
    }
    const content = (t.textContent || '').replace(/\s+/g, ' ').trim();
    if (!content) {
      ignored.empty++;
      continue;
    }
    const s = getComputedStyle(t);
    if (s.visibility !== 'visible' || hiddenAbove(t)) {
      ignored.hidden++;
      continue;
    }
    const none = (v) => v === 'none' || v === 'transparent' || /rgba\(.*,\s*0\)$/.test(v);
    if ((none(s.fill) || Number(s.fillOpacity) === 0) && (none(s.stroke) || Number(s.strokeOpacity) === 0)) {
      ignored.unpainted++;
      continue;
    }
    const b = t.getBoundingClientRect();
    if (b.width <= 0 || b.height <= 0) {
      ignored.empty++;
      continue;
    }
    const m = t.getScreenCTM();
    const scale = m ? Math.hypot(m.c, m.d) : 1;
    const rotated = !!m && (Math.abs(m.b) > 1e-6 || Math.abs(m.c) > 1e-6 || m.a < 0 || m.d < 0);
    let fontCss = parseFloat(s.fontSize);
    for (const span of t.querySelectorAll('tspan')) {
      if (!(span.textContent || '').trim()) continue;
      const ss = getComputedStyle(span);
      if (ss.display === 'none' || ss.visibility !== 'visible') continue;
      fontCss = Math.min(fontCss, parseFloat(ss.fontSize));
    }
    const box = {
      i: out.length,
      text: content.length > maxText ? `${content.slice(0, maxText - 1)}…` : content,
      where: whereOf(t.parentElement) || '(scene)',
      rect: rectOf(b),
      rotated,
      fontCss: r1(fontCss * 100) / 100,
      scale: Math.round(scale * 1000) / 1000,
      fontPx: Math.round(fontCss * scale * 100) / 100,
      container: containerOf(t),
      clip: clipRect,
    };
    if (rotated) {
      const bb = t.getBBox();
      box.quad = [
        [bb.x, bb.y],
        [bb.x + bb.width, bb.y],
        [bb.x + bb.width, bb.y + bb.height],
        [bb.x, bb.y + bb.height],
      ].map(([x, y]) => [r1(m.a * x + m.c * y + m.e + sx), r1(m.b * x + m.d * y + m.f + sy)]);
    }
    out.push(box);
  }
  const unframed = [...containerCache.values()].filter((c) => c.kind === 'box-bbox').length;
  return { scene: true, count: texts.length, ignored, unframed, boxes: out };
}

// ---------------------------------------------------------------------------
// Pure checks on `textBoxes().boxes` (run anywhere).

/**
 * Pairs of text boxes that intersect by more than `tol` px in both axes
 * (axis-aligned boxes), or whose quads intersect by more than `tol` px along
 * every separating axis (rotated text). Sweep over x, so a few thousand boxes
 * take milliseconds. Returns `[{ a, b, overlap: { x, y } | { depth } }]` where
 * `a` and `b` are `{ text, where, rect }`.
 */
export function overlaps(boxes, tol = 1) {
  const corners = (bx) =>
    bx.quad ?? [
      [bx.rect.x, bx.rect.y],
      [bx.rect.x + bx.rect.w, bx.rect.y],
      [bx.rect.x + bx.rect.w, bx.rect.y + bx.rect.h],
      [bx.rect.x, bx.rect.y + bx.rect.h],
    ];
  // Separating-axis test for two convex quads: the smallest overlap of their
  // projections over the edge normals of both (0 or less: apart).
  const depth = (p, q) => {
    let least = Infinity;
    for (const poly of [p, q]) {
      for (let k = 0; k < poly.length; k++) {
        const [x1, y1] = poly[k];
        const [x2, y2] = poly[(k + 1) % poly.length];
        let nx = y1 - y2;
        let ny = x2 - x1;
        const len = Math.hypot(nx, ny);
        if (len === 0) continue;
        nx /= len;
        ny /= len;
        const proj = (poly2) => {
          let lo = Infinity;
          let hi = -Infinity;
          for (const [x, y] of poly2) {
            const d = x * nx + y * ny;
            lo = Math.min(lo, d);
            hi = Math.max(hi, d);
          }
          return [lo, hi];
        };
        const [a0, a1] = proj(p);
        const [b0, b1] = proj(q);
        least = Math.min(least, Math.min(a1, b1) - Math.max(a0, b0));
        if (least <= tol) return least;
      }
    }
    return least;
  };
  const brief = (bx) => ({ text: bx.text, where: bx.where, rect: bx.rect });
  const r1 = (v) => Math.round(v * 10) / 10;
  const sorted = [...boxes].sort((p, q) => p.rect.x - q.rect.x);
  const found = [];
  let active = [];
  for (const bx of sorted) {
    const left = bx.rect.x;
    active = active.filter((o) => o.rect.x + o.rect.w - left > tol);
    for (const o of active) {
      const ox = Math.min(o.rect.x + o.rect.w, bx.rect.x + bx.rect.w) - Math.max(o.rect.x, bx.rect.x);
      const oy = Math.min(o.rect.y + o.rect.h, bx.rect.y + bx.rect.h) - Math.max(o.rect.y, bx.rect.y);
      if (ox <= tol || oy <= tol) continue;
      const [a, b] = o.i < bx.i ? [o, bx] : [bx, o];
      if (o.quad || bx.quad) {
        const d = depth(corners(a), corners(b));
        if (d > tol) found.push({ a: brief(a), b: brief(b), overlap: { depth: r1(d) } });
      } else {
        found.push({ a: brief(a), b: brief(b), overlap: { x: r1(ox), y: r1(oy) } });
      }
    }
    active.push(bx);
  }
  return found.sort((p, q) => p.a.rect.y - q.a.rect.y || p.a.rect.x - q.a.rect.x);
}

/**
 * Text not wholly inside its container's frame, or outside the svg's visible
 * area, by more than `tol` px. Texts with no container, or whose container is
 * framed only by its own bounding box, are checked against the svg only.
 * Returns `[{ text, where, rect, against: 'frame'|'scene', frame, by: { left,
 * top, right, bottom } }]` (only the sides that stick out).
 */
export function clipped(boxes, tol = 1) {
  const r1 = (v) => Math.round(v * 10) / 10;
  const beyond = (r, f) => {
    const by = {};
    if (f.x - r.x > tol) by.left = r1(f.x - r.x);
    if (f.y - r.y > tol) by.top = r1(f.y - r.y);
    if (r.x + r.w - (f.x + f.w) > tol) by.right = r1(r.x + r.w - (f.x + f.w));
    if (r.y + r.h - (f.y + f.h) > tol) by.bottom = r1(r.y + r.h - (f.y + f.h));
    return Object.keys(by).length ? by : null;
  };
  const found = [];
  for (const bx of boxes) {
    const scene = beyond(bx.rect, bx.clip);
    if (scene) {
      found.push({ text: bx.text, where: bx.where, rect: bx.rect, against: 'scene', frame: bx.clip, by: scene });
      continue;
    }
    const c = bx.container;
    if (!c || c.kind === 'box-bbox') continue;
    const frame = beyond(bx.rect, c.rect);
    if (frame) found.push({ text: bx.text, where: bx.where, rect: bx.rect, against: 'frame', container: c.where, frame: c.rect, by: frame });
  }
  return found;
}

/** Text whose effective size (font size × svg scale) is under `min` CSS px. */
export function tooSmall(boxes, min = 11) {
  return boxes
    .filter((bx) => bx.fontPx < min - 0.005)
    .map((bx) => ({ text: bx.text, where: bx.where, fontPx: bx.fontPx, fontCss: bx.fontCss, scale: bx.scale }));
}

// ---------------------------------------------------------------------------
// Reporting.

const px = (r) => `${r.w}×${r.h} at (${r.x}, ${r.y})`;
const sides = (o) =>
  Object.entries(o)
    .map(([k, v]) => `${k} ${v}px`)
    .join(', ');

/** One line per problem, readable in a test failure. */
export function explain(check, p) {
  switch (check) {
    case 'overlap':
      return `"${p.a.text}" [${p.a.where}] overlaps "${p.b.text}" [${p.b.where}] by ${p.overlap.depth != null ? `${p.overlap.depth}px` : `${p.overlap.x}×${p.overlap.y}px`} at (${p.b.rect.x}, ${p.b.rect.y})`;
    case 'clipped':
      return `"${p.text}" [${p.where}] sticks out of its ${p.against === 'scene' ? 'scene' : `frame [${p.container}]`} by ${sides(p.by)}`;
    case 'tooSmall':
      return `"${p.text}" [${p.where}] is ${p.fontPx}px (${p.fontCss}px × scale ${p.scale})`;
    case 'outside':
      return `${p.kind} ${p.name} (${px(p.rect)}) is outside the viewport by ${sides(p.outside)}`;
    default:
      return `${check}: ${JSON.stringify(p)}`;
  }
}
