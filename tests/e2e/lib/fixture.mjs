/**
 * What the end-to-end tests do to fixture pages and ask of them: open a site at its real host,
 * type into its editor as a person does, read the page's own record of submits and attachments,
 * find postguard's marks and dialog, and check that nothing left for an unexpected host.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFixtureServer } from './server.mjs';
import { distDir, launchWithExtension } from './browser.mjs';

export const ARTIFACTS = fileURLToPath(new URL('../../artifacts/', import.meta.url));

/**
 * A fixture server and a browser with the extension, for one test file.
 * @param {{granted?: string[]}} [options]  `granted`: origins the person has allowed beyond the manifest's sites
 * @returns {Promise<{server: import('./server.mjs').FixtureServer, browser: import('./browser.mjs').Session, close: () => Promise<void>}>}
 */
export async function startSuite({ granted = [] } = {}) {
  const server = await startFixtureServer();
  const browser = await launchWithExtension({ port: server.port, granted });
  return {
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Open a fixture page at its real host name.
 * @param {import('./browser.mjs').Session} browser
 * @param {string} host
 * @param {string} [path]
 */
export async function openSite(browser, host, path = '/') {
  const page = await browser.context.newPage();
  await page.goto(`https://${host}${path}`, { waitUntil: 'load' });
  // The content script loads at document_start; its overlay host appears on first draw.
  return page;
}

/**
 * Click into an editor and type as a person would (trusted key events, one by one).
 * @param {import('playwright-core').Locator} editor
 * @param {string} text
 */
export async function typeInto(editor, text) {
  await editor.click();
  await editor.pressSequentially(text, { delay: 5 });
}

/** The page's own record of submits, in order. @param {import('playwright-core').Page} page */
export function submits(page) {
  return page.evaluate(() => /** @type {any} */ (window).__fixture.submits.map((s) => ({ ...s })));
}

/**
 * Resolves once the page has recorded at least `count` submits, and a moment more: a double post, or a
 * late mark, would land within it.
 * @param {import('playwright-core').Page} page
 */
export async function waitForSubmits(page, count = 1, timeoutMs = 5000) {
  await page.waitForFunction((n) => /** @type {any} */ (window).__fixture.submits.length >= n, count, { timeout: timeoutMs });
  await page.waitForTimeout(300);
}

/** The page's own record of attachments. @param {import('playwright-core').Page} page */
export function attachments(page) {
  return page.evaluate(() => /** @type {any} */ (window).__fixture.attachments.map((s) => ({ ...s })));
}

/** DOM changes inside editors not made by the editor's own render. @param {import('playwright-core').Page} page */
export function foreignMutations(page) {
  return page.evaluate(() => [.../** @type {any} */ (window).__fixture.foreignMutations]);
}

/**
 * Whether each editor's DOM is exactly what the page itself last rendered.
 * @param {import('playwright-core').Page} page
 */
export function editorsUntouched(page) {
  return page.evaluate(() => {
    const out = [];
    for (const [root, html] of /** @type {any} */ (window).__fixture.renderedHTML) {
      if (root.isConnected) out.push(root.innerHTML === html);
    }
    return out;
  });
}

/** @param {import('playwright-core').Page} page @param {string} [category] */
export function marks(page, category) {
  return page.locator(category ? `[data-postguard] [data-postguard-mark][data-category="${category}"]` : '[data-postguard] [data-postguard-mark]');
}

/** @param {import('playwright-core').Page} page */
/**
 * The boxes of every mark (of `category`, if given), measured once none is missing. Marks are redrawn
 * whenever an analysis returns, so an element found a moment ago may have just been replaced; measure
 * again, for up to `timeoutMs`, rather than read a detached element's absent box.
 * @param {import('playwright-core').Page} page
 * @param {string} [category]
 * @param {number} [timeoutMs]
 */
export async function markBoxes(page, category, timeoutMs = 2000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const boxes = await Promise.all((await marks(page, category).all()).map((m) => m.boundingBox()));
    if ((boxes.length && boxes.every(Boolean)) || Date.now() > deadline) return boxes;
    await page.waitForTimeout(50);
  }
}

export function dialog(page) {
  return page.getByRole('alertdialog');
}

/**
 * What the pre-submit dialog says, as the person reads it: its own text and the Trust's card, which
 * is a frame of the extension's origin inside it (the page cannot read that frame; the person and the
 * test can). Waits for the card to be filled.
 * @param {import('playwright-core').Page} page
 */
export async function dialogText(page) {
  const own = await dialog(page).innerText();
  const card = page.frameLocator('[data-postguard] iframe.trust-card').locator('#card');
  await card.filter({ hasText: /\S/ }).waitFor({ timeout: 5000 });
  return `${own}\n${await card.innerText()}`;
}

/** The badge postguard shows beside a draft (other editors' hidden badges aside). */
export const BADGE = '[data-postguard] button.badge:not([hidden])';
/** The findings panel the badge opens. */
export const PANEL = '[data-postguard] [role="dialog"][aria-label^="postguard"]';

/**
 * Whether a person sees postguard's marks in `box`: the page's pixels there with the marks shown,
 * shown again (`stable`: nothing else changed meanwhile), and with the marks hidden for a moment
 * (`seen`: hiding them changed what is on screen, so they are painted, not under a page layer or
 * clipped away). The host may live inside the page's own dialog, even in the page's shadow root:
 * Playwright's CSS pierces open shadow roots.
 * @param {import('playwright-core').Page} page
 * @param {{x: number, y: number, width: number, height: number}} box
 */
export function marksSeen(page, box) {
  return paintedSeen(page, marks(page), box);
}

/**
 * The same for any elements: whether what `elements` match is painted in `box`, compared with the
 * page's pixels while they are hidden for a moment.
 * @param {import('playwright-core').Page} page
 * @param {import('playwright-core').Locator} elements
 * @param {{x: number, y: number, width: number, height: number}} box
 */
export async function paintedSeen(page, elements, box) {
  const clip = { x: Math.floor(box.x), y: Math.floor(box.y), width: Math.ceil(box.width), height: Math.ceil(box.height) + 1 };
  const shot = () => page.screenshot({ clip, caret: 'initial', animations: 'disabled' });
  const shown = await shot();
  const again = await shot();
  await elements.evaluateAll((list) => { for (const m of list) /** @type {HTMLElement} */ (m).style.visibility = 'hidden'; });
  const hidden = await shot();
  await elements.evaluateAll((list) => { for (const m of list) /** @type {HTMLElement} */ (m).style.visibility = ''; });
  return { stable: shown.equals(again), seen: !shown.equals(hidden) };
}

/**
 * A person's click in the middle of the badge (the mouse, not a script): it must open the panel.
 * @param {import('playwright-core').Page} page
 */
export async function clickBadge(page) {
  const b = await page.locator(BADGE).boundingBox();
  assert.ok(b, 'the badge is drawn');
  await page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
  await page.locator(PANEL).waitFor({ state: 'visible', timeout: 3000 });
}

/**
 * The viewport box of a substring of an editor's text, measured in the page (to check that a mark
 * lies over the characters it is about).
 * @param {import('playwright-core').Locator} editor
 * @param {string} needle
 */
export function textBox(editor, needle) {
  return editor.evaluate((root, needle) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = /** @type {Text} */ (n).data.indexOf(needle);
      if (i >= 0) {
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + needle.length);
        const b = r.getBoundingClientRect();
        return { x: b.x, y: b.y, width: b.width, height: b.height };
      }
    }
    if (root instanceof HTMLTextAreaElement) return null;
    return null;
  }, needle);
}

/**
 * Assert that `inner` lies over `outer` horizontally and shares its line.
 * @param {{x: number, y: number, width: number, height: number} | null} mark
 * @param {{x: number, y: number, width: number, height: number} | null} text
 */
export function assertCovers(mark, text) {
  assert.ok(mark && text, 'both boxes exist');
  assert.ok(Math.abs(mark.x - text.x) <= 3, `mark starts where the text starts (${mark.x} vs ${text.x})`);
  assert.ok(Math.abs(mark.x + mark.width - (text.x + text.width)) <= 3, `mark ends where the text ends (${mark.x + mark.width} vs ${text.x + text.width})`);
  assert.ok(mark.y < text.y + text.height && mark.y + mark.height > text.y, 'mark is on the text\'s line');
}

/**
 * Requests Debian's Chromium makes from its own browser process whatever is loaded (component and
 * extension update checks, Google account cookie checks), measured with no extension loaded by
 * network-baseline.test.mjs, which fails if this list names anything the bare browser does not do.
 * They never come from a page or the extension: those appear in the browser-level record, which
 * is checked with no exemption at all.
 */
export const HOUSEKEEPING = Object.freeze([
  { host: 'update.googleapis.com', method: 'POST', path: '/service/update2/json' },
  { host: 'accounts.google.com', method: 'POST', path: '/ListAccounts' },
]);

/** @param {{host: string, method: string, path: string}} r */
export function isHousekeeping(r) {
  return HOUSEKEEPING.some((h) => h.host === r.host && h.method === r.method && h.path === r.path);
}

/** Chromium's per-session ID for a web-accessible resource served with `use_dynamic_url`. */
const DYNAMIC_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Whether a chrome-extension:// URL is one of the package's own files: by the extension's ID, or the
 * page it shares with the sites (the Trust's card) by the per-session dynamic ID Chromium gives such
 * pages (`use_dynamic_url`).
 * @param {URL} u
 * @param {string} extensionId
 */
export function isPackageFile(u, extensionId) {
  if (u.host === extensionId) return true;
  return DYNAMIC_ID.test(u.host) && sharedFiles().has(u.pathname.slice(1));
}

/** The built extension's web-accessible files, read from its manifest once per test process. */
let shared = /** @type {Set<string> | null} */ (null);
function sharedFiles() {
  if (!shared) {
    const manifest = JSON.parse(readFileSync(join(distDir(), 'manifest.json'), 'utf8'));
    shared = new Set((manifest.web_accessible_resources ?? []).flatMap((/** @type {{resources: string[]}} */ w) => w.resources));
  }
  return shared;
}

/**
 * Nothing went anywhere but the listed hosts: every request the fixture server saw (it receives
 * every host name, see server.mjs), every TLS connection, and every request the browser reported,
 * including the extension's own contexts (chrome-extension:// URLs are the package's own files).
 * @param {import('./server.mjs').FixtureServer} server
 * @param {import('./browser.mjs').Session} browser
 * @param {string[]} hosts
 */
export function assertOnlyHosts(server, browser, hosts) {
  const allowed = new Set(hosts);
  const strayServer = server.requests.filter((r) => !allowed.has(r.host) && !isHousekeeping(r));
  assert.deepEqual(strayServer, [], 'no request reached the network for another host');
  const strayTls = server.tlsNames.filter((n) => !allowed.has(n) && !HOUSEKEEPING.some((h) => h.host === n) && n !== '(handshake failed)');
  assert.deepEqual(strayTls, [], 'no TLS connection was opened for another host');
  const strayBrowser = browser.requests.filter((r) => {
    const u = new URL(r.url);
    if (u.protocol === 'chrome-extension:') return !isPackageFile(u, browser.extensionId);
    if (u.protocol === 'data:' || u.protocol === 'blob:') return false;
    return !allowed.has(u.hostname);
  });
  assert.deepEqual(strayBrowser, [], 'the browser made no request to another host');
  const fromExtension = browser.requests.filter((r) => r.fromServiceWorker && !r.url.startsWith(`chrome-extension://${browser.extensionId}/`));
  assert.deepEqual(fromExtension, [], 'the extension\'s worker fetched nothing from the network');
}

/**
 * Save a screenshot for a person to look at (tests/artifacts/, not committed).
 * @param {import('playwright-core').Page} page
 * @param {string} name
 */
export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  // caret: 'initial' — Playwright's default caret hiding writes style attributes into
  // contenteditable elements, which the editor mutation checks would (rightly) flag.
  await page.screenshot({ path: `${ARTIFACTS}${name}.png`, caret: 'initial' });
}
