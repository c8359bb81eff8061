// `./build.sh bench` (browser part): what a person typing feels, measured in real headless Chromium
// with the built extension on the fixture sites at their real host names.
//
//  - keystroke → marks: a valid NHS number sits at the end of the draft and the user types in front of
//    it, so every keystroke moves the mark; the latency is the time from the page seeing the keydown to
//    the overlay being redrawn (a MutationObserver on the extension's open shadow root, page world);
//  - cold path: the service worker is stopped, then one keystroke: time until the mark is redrawn
//    (worker start + WASM compile + analyser construction + analysis + drawing);
//  - memory: the page's JS heap with the extension versus without it.
// Prints a table and writes target/bench/chromium.json for the summary. Asserts nothing.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startSuite, openSite, typeInto, marks } from '../e2e/lib/fixture.mjs';
import { startFixtureServer } from '../e2e/lib/server.mjs';
import { SITES as SITE_TABLE } from '../e2e/lib/sites.mjs';

const root = resolve(import.meta.dirname, '../..');
const KEYS = Number(process.env.POSTGUARD_BENCH_KEYS ?? 200);
/** Pause between keys: a fast typist (~100 words per minute), so each keystroke is measured alone. */
const KEY_GAP_MS = 60;
/** The main composer of the two sites with the heaviest editors (Draft.js, Lexical), from the e2e table. */
const SITES = [['X', SITE_TABLE.x], ['Facebook', SITE_TABLE.facebook]].map(([name, site]) => ({
  ...site.surfaces[0], name, host: site.host,
}));
const NUMBER = '943 476 5919';
const TAIL = ` patient nhs ${NUMBER}`;
const TYPED = 'Lovely to see everyone at the team breakfast this morning, thank you all. ';

/**
 * Installs the page-world probe. After each keydown it watches the extension's overlay (open shadow
 * root) and records when a mark first sits exactly over the number's current position in the editor:
 * the moment the user sees findings that match what they typed. A redraw that merely hides stale marks
 * does not count.
 * @param {string} needle the marked text, e.g. the NHS number
 */
function probe(needle) {
  const w = /** @type {any} */ (window);
  const bench = (w.__bench = { keys: [], settled: [], inputs: 0, renders: 0 });
  // What could start an analysis: the editor's input events and its DOM changes (the content script
  // listens to both), counted here to compare with the analyses the worker actually served.
  const editor = document.activeElement;
  if (editor instanceof HTMLElement) {
    editor.addEventListener('input', () => { bench.inputs += 1; }, true);
    new MutationObserver(() => { bench.renders += 1; }).observe(editor, { childList: true, subtree: true, characterData: true });
  }
  /** @type {number | null} */
  let pending = null;
  const target = () => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n.textContent ?? '').indexOf(needle);
      if (at >= 0 && n.parentElement?.closest('[contenteditable="true"]')) {
        const r = document.createRange();
        r.setStart(n, at);
        r.setEnd(n, at + needle.length);
        return r.getClientRects()[0];
      }
    }
    return null;
  };
  const check = () => {
    if (pending === null) return;
    const host = document.querySelector('[data-postguard]');
    const want = target();
    if (!host?.shadowRoot || !want) return;
    for (const m of host.shadowRoot.querySelectorAll('[data-postguard-mark]')) {
      const got = m.getBoundingClientRect();
      if (Math.abs(got.left - want.left) < 1.5 && Math.abs(got.top + got.height - (want.top + want.height)) < 6) {
        bench.settled.push(performance.now() - pending);
        pending = null;
        return;
      }
    }
  };
  window.addEventListener('keydown', () => {
    if (pending !== null) bench.settled.push(null); // the previous key never settled
    pending = performance.now();
    bench.keys.push(pending);
  }, true);
  const host = document.querySelector('[data-postguard]');
  if (host?.shadowRoot) {
    new MutationObserver(check).observe(host.shadowRoot, { subtree: true, childList: true, attributes: true, characterData: true });
  }
  // Marks can also move without a mutation (e.g. highlight ranges): check every frame as well.
  const frame = () => { check(); requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];

async function openEditor(browser, site) {
  const page = await openSite(browser, site.host, site.path);
  if (site.open) await site.open(page);
  const editor = page.locator(site.editor).first();
  await editor.waitFor({ state: 'visible', timeout: 5000 });
  return { page, editor };
}

async function keystrokeLatency(browser, site) {
  const { page, editor } = await openEditor(browser, site);
  await typeInto(editor, TAIL);
  await marks(page, 'confidentiality').first().waitFor({ state: 'visible', timeout: 5000 });
  await page.keyboard.press('Control+Home');
  await page.waitForTimeout(200);
  await page.evaluate(probe, NUMBER);
  const served = () => extensionWorker(browser)?.evaluate(() => /** @type {any} */ (globalThis).postguardAnalysesServed ?? 0) ?? 0;
  const servedBefore = await served();
  for (let i = 0; i < KEYS; i++) {
    await page.keyboard.type(TYPED[i % TYPED.length]);
    await page.waitForTimeout(KEY_GAP_MS);
  }
  await page.waitForTimeout(300);
  const l = await page.evaluate(() => /** @type {any} */ (window).__bench.settled);
  const triggers = await page.evaluate(() => /** @type {any} */ (window).__bench.inputs + /** @type {any} */ (window).__bench.renders);
  const analyses = (await served()) - servedBefore;
  // The editor re-renders without changing its text (as sites do on focus, selection or their own
  // decorations): each is a trigger, and none should cost an analysis.
  const idleBefore = await served();
  const rerenders = await page.evaluate(async () => {
    const editor = document.activeElement;
    const walker = document.createTreeWalker(editor ?? document.body, NodeFilter.SHOW_TEXT);
    const node = walker.nextNode();
    let n = 0;
    for (; node && n < 50; n++) {
      const copy = document.createTextNode(node.textContent ?? '');
      node.parentNode?.replaceChild(copy, walker.currentNode);
      walker.currentNode = copy;
      await new Promise((r) => setTimeout(r, 20));
    }
    return n;
  });
  await page.waitForTimeout(300);
  const rerenderAnalyses = (await served()) - idleBefore;
  const measured = l.filter((x) => x !== null).sort((a, b) => a - b);
  const heap = await page.evaluate(() => /** @type {any} */ (performance).memory?.usedJSHeapSize ?? null);
  await page.close();
  return { site: site.name, keys: KEYS, redrawn: measured.length, p50: pct(measured, 50), p95: pct(measured, 95), max: measured.at(-1), heap, triggers, analyses, rerenders, rerenderAnalyses };
}

/** The extension's service worker, if it is running. */
function extensionWorker(browser) {
  return browser.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${browser.extensionId}/`));
}

/** Stops every service worker (the browser does this after 30 s idle), then times one keystroke. */
async function coldPath(browser, site) {
  const { page, editor } = await openEditor(browser, site);
  await typeInto(editor, TAIL);
  await marks(page, 'confidentiality').first().waitFor({ state: 'visible', timeout: 5000 });
  const cdp = await browser.context.newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${browser.extensionId}/`));
  if (worker) await cdp.send('Target.closeTarget', { targetId: worker.targetId });
  let wasStopped = false;
  for (let i = 0; i < 50 && worker && !wasStopped; i++) {
    const { targetInfos: now } = await cdp.send('Target.getTargets');
    wasStopped = !now.some((t) => t.targetId === worker.targetId);
    if (!wasStopped) await page.waitForTimeout(100);
  }
  await page.keyboard.press('Control+Home');
  await page.waitForTimeout(200);
  await page.evaluate(probe, NUMBER);
  await page.keyboard.type('A');
  await page.waitForTimeout(1500);
  const [first] = await page.evaluate(() => /** @type {any} */ (window).__bench.settled);
  const keyAt = await page.evaluate(() => performance.timeOrigin + /** @type {any} */ (window).__bench.keys[0]);
  // Where the time went: the new worker's start (its time origin) and its own milestones.
  const sw = extensionWorker(browser);
  const timeline = sw ? await sw.evaluate(() => ({
    origin: performance.timeOrigin,
    marks: Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('postguard:')).map((m) => [m.name.slice(10), m.startTime])),
  })) : null;
  const phases = timeline ? {
    workerStart: timeline.origin - keyAt,
    ...Object.fromEntries(Object.entries(timeline.marks).map(([k, v]) => [k, timeline.origin - keyAt + v])),
  } : null;
  await page.close();
  return { site: site.name, workerStopped: wasStopped, coldMs: first, phases };
}

/** JS heap of a fixture page with no extension at all, for the heap difference. */
async function baselineHeap(site) {
  const server = await startFixtureServer();
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.POSTGUARD_CHROMIUM || '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--ignore-certificate-errors', `--host-resolver-rules=MAP * 127.0.0.1:${server.port}, EXCLUDE localhost`],
  });
  const page = await browser.newPage({ ignoreHTTPSErrors: true });
  await page.goto(`https://${site.host}${site.path}`);
  if (site.open) await site.open(page);
  await page.locator(site.editor).first().click();
  await page.keyboard.type(TAIL + TYPED.repeat(2));
  await page.waitForTimeout(300);
  const heap = await page.evaluate(() => /** @type {any} */ (performance).memory?.usedJSHeapSize ?? null);
  await browser.close();
  await server.close();
  return heap;
}

const suite = await startSuite();
const rows = [];
try {
  for (const site of SITES) {
    try {
      const k = await keystrokeLatency(suite.browser, site);
      const c = await coldPath(suite.browser, site);
      const base = await baselineHeap(site);
      rows.push({ ...k, ...c, heapAdded: k.heap && base ? k.heap - base : null });
    } catch (e) {
      console.log(`${site.name}: not measured (${e instanceof Error ? e.message.split('\n')[0] : e})`);
    }
  }
} finally {
  await suite.close();
}

const f = (x, d = 1) => (x === null || x === undefined ? '—' : x.toFixed(d));
console.log(`postguard in headless Chromium: ${KEYS} keystrokes per site, ${KEY_GAP_MS} ms apart`);
console.log(`${'site'.padEnd(10)}${'redrawn'.padStart(10)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}${'max ms'.padStart(9)}${'cold ms'.padStart(10)}${'heap +KB'.padStart(10)}`);
for (const r of rows) {
  console.log(
    `${r.site.padEnd(10)}${`${r.redrawn}/${r.keys}`.padStart(10)}${f(r.p50).padStart(9)}${f(r.p95).padStart(9)}${f(r.max).padStart(9)}` +
      `${(r.workerStopped ? f(r.coldMs) : 'n/a').padStart(10)}${f(r.heapAdded === null ? null : r.heapAdded / 1024, 0).padStart(10)}`,
  );
}
console.log('work avoided: editor events that could start an analysis, and the analyses the worker served');
for (const r of rows) {
  console.log(`${r.site.padEnd(10)}typing: ${r.triggers} events → ${r.analyses} analyses; re-renders with the text unchanged: ${r.rerenders} → ${r.rerenderAnalyses} analyses`);
}
console.log('cold path, ms after the keystroke: worker started / modules loaded / WASM ready / analyser ready / analysed / mark redrawn');
for (const r of rows) {
  const p = r.phases ?? {};
  console.log(`${r.site.padEnd(10)}${[p.workerStart, p['modules-loaded'], p['wasm-ready'], p['analyser-ready'], p['first-analysis'], r.coldMs].map((x) => f(x).padStart(9)).join('')}`);
}
const out = process.env.POSTGUARD_BENCH_OUT ?? join(root, 'target/bench');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'chromium.json'), JSON.stringify({ keys: KEYS, gapMs: KEY_GAP_MS, rows }));
