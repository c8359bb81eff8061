/**
 * Start Debian's Chromium with the built extension loaded, every host name resolved to the fixture
 * server, and a record of every network request the browser context makes.
 *
 * Never downloads a browser: playwright-core only drives /usr/bin/chromium (DESIGN §3, §5.6).
 */
import { mkdtempSync, rmSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { keyId } from '../../../tools/crx-id.mjs';

export const CHROMIUM = process.env.POSTGUARD_CHROMIUM || '/usr/bin/chromium';

/**
 * Where the built, unpacked extension is: $POSTGUARD_DIST (set by build.sh) or dist/chromium.
 * @returns {string}
 */
export function distDir() {
  const dir = resolve(process.env.POSTGUARD_DIST || new URL('../../../dist/chromium', import.meta.url).pathname);
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No built extension at ${dir} (manifest.json missing): run ./build.sh first or set POSTGUARD_DIST`);
  }
  return dir;
}

/**
 * The extension ID a manifest's `key` fixes (DESIGN §5.5): what every managed policy names.
 * @param {string} [manifestPath]  the built extension's manifest unless given
 */
export function manifestExtensionId(manifestPath = join(distDir(), 'manifest.json')) {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  if (typeof manifest.key !== 'string') throw new Error(`${manifestPath} has no "key", so the extension ID is not stable`);
  return keyId(Buffer.from(manifest.key, 'base64'));
}

/**
 * A new, empty profile. Spell checking and autofill are switched off in it: with them on, the
 * browser downloads a dictionary for the first `spellcheck=true` editor and asks Google's autofill
 * server about each form, requests that are neither the page's nor the extension's and would only
 * blur the network checks.
 *
 * `granted`: origins (`https://host/*`) the person has already allowed postguard on, beyond the
 * manifest's sites, as the browser records them once a person accepts `chrome.permissions.request`'s
 * prompt (the profile's extension prefs: granted, runtime-granted and active permissions). The
 * prompt itself is browser UI that headless Chromium cannot show or answer, so a test of an allowed
 * host starts from a profile where it was allowed (measured in Chromium 156: the grant is active at
 * start-up, `chrome.permissions.contains` says so, and removing it works as after a real grant).
 * @param {{granted?: string[], dist?: string}} [options]
 * @returns {string}
 */
export function freshProfile({ granted = [], dist } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'postguard-profile-'));
  mkdirSync(join(profile, 'Default'));
  /** @type {Record<string, unknown>} */
  const extensions = {};
  if (granted.length) {
    const manifest = JSON.parse(readFileSync(join(dist ?? distDir(), 'manifest.json'), 'utf8'));
    const hosts = [...manifest.host_permissions, ...granted];
    const permissions = { api: manifest.permissions, explicit_host: hosts, manifest_permissions: [], scriptable_host: [] };
    const runtime = { api: [], explicit_host: granted, manifest_permissions: [], scriptable_host: [] };
    extensions.settings = {
      [manifestExtensionId(join(dist ?? distDir(), 'manifest.json'))]: {
        granted_permissions: permissions, active_permissions: permissions, desired_active_permissions: permissions, runtime_granted_permissions: runtime,
      },
    };
  }
  writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({
    browser: { enable_spellchecking: false },
    autofill: { enabled: false, profile_enabled: false, credit_card_enabled: false },
    spellcheck: { dictionaries: [], dictionary: '', forced_dictionaries: [], use_spelling_service: false },
    ...(granted.length ? { extensions } : {}),
  }));
  return profile;
}

/**
 * Flags for every test browser (DESIGN §5.6). Every host name resolves to the fixture server, so a
 * request for a host nobody expected is recorded there instead of leaving the machine.
 * @param {number} port  the fixture server's port
 */
export function baseArgs(port) {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    // Chromium reads only the last --disable-features, so this repeats playwright-core 1.65's own
    // list (chromiumSwitches.ts) and adds autofill's server queries, which forms otherwise trigger.
    `--disable-features=${[
      'AvoidUnnecessaryBeforeUnloadCheckSync', 'DestroyProfileOnBrowserClose', 'HttpsUpgrades',
      'HttpsFirstBalancedModeAutoEnable', 'LensOverlay', 'MediaRouter', 'PaintHolding',
      'ThirdPartyStoragePartitioning', 'AvoidCorsURLLoaderRestartOnRedirect', 'OptimizationHints',
      'NetworkTimeServiceQuerying', 'AimEnabled', 'PreconnectToSearch',
      'AutofillServerCommunication',
    ].join(',')}`,
    '--ignore-certificate-errors',
    `--host-resolver-rules=MAP * 127.0.0.1:${port}, EXCLUDE localhost`,
  ];
}

/**
 * @typedef {object} BrowserRequest
 * @property {string} url
 * @property {string} resourceType
 * @property {boolean} fromServiceWorker
 */

/**
 * @typedef {object} Session
 * @property {import('playwright-core').BrowserContext} context
 * @property {string} extensionId
 * @property {import('playwright-core').Worker} worker     the extension's service worker
 * @property {BrowserRequest[]} requests                    every request the context reported
 * @property {string[]} console                             console lines from pages (content scripts included)
 * @property {() => Promise<void>} close
 */

/**
 * @param {{ port: number, headless?: boolean, dist?: string, viewport?: {width: number, height: number}, deviceScaleFactor?: number, granted?: string[] }} options
 *        `deviceScaleFactor` 2 with half the viewport lays pages out as the browser's zoom at 200 % does;
 *        `granted`: origins the person has allowed beyond the manifest's sites (see freshProfile)
 * @returns {Promise<Session>}
 */
export async function launchWithExtension({ port, headless = true, dist = distDir(), viewport = { width: 1280, height: 860 }, deviceScaleFactor, granted = [] }) {
  const profile = freshProfile({ granted, dist });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless,
    ignoreHTTPSErrors: true,
    viewport,
    deviceScaleFactor,
    args: [
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
      ...baseArgs(port),
    ],
  });
  /** @type {BrowserRequest[]} */
  const requests = [];
  /** @type {string[]} */
  const consoleLines = [];
  context.on('request', (request) => {
    requests.push({
      url: request.url(),
      resourceType: request.resourceType(),
      fromServiceWorker: request.serviceWorker() !== null,
    });
  });
  context.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
  context.on('weberror', (error) => consoleLines.push(`pageerror: ${error.error().message}`));

  let worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const extensionId = new URL(worker.url()).host;

  return {
    context,
    extensionId,
    worker,
    requests,
    console: consoleLines,
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Stops the extension's service worker, as the browser does after 30 s idle, and waits until it has
 * gone: the next message starts it afresh (module load, policy read, WASM compilation).
 * @param {Session} browser
 * @param {import('playwright-core').Page} page  any page of the context, to reach the browser through
 */
export async function stopWorker(browser, page) {
  const cdp = await browser.context.newCDPSession(page);
  try {
    const isOurs = (/** @type {{type: string, url: string}} */ t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${browser.extensionId}/`);
    const { targetInfos } = await cdp.send('Target.getTargets');
    const worker = targetInfos.find(isOurs);
    if (!worker) return;
    await cdp.send('Target.closeTarget', { targetId: worker.targetId });
    for (let i = 0; i < 100; i++) {
      const { targetInfos: now } = await cdp.send('Target.getTargets');
      if (!now.some((t) => t.targetId === worker.targetId)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the extension\'s service worker did not stop');
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/**
 * Sends a request to the worker from one of the extension's own pages, as the content script does,
 * and resolves with its reply.
 * @param {Session} browser
 * @param {object} message
 */
export async function askWorker(browser, message) {
  const page = await browser.context.newPage();
  try {
    await page.goto(`chrome-extension://${browser.extensionId}/manifest.json`);
    return await page.evaluate((m) => chrome.runtime.sendMessage(m), message);
  } finally {
    await page.close();
  }
}

/**
 * What the extension's toolbar button shows on the tab whose address starts with `urlPrefix`: its
 * badge text and its title (what a person reads on hover), read from one of the extension's own
 * pages as the browser keeps them per tab.
 * @param {Session} browser
 * @param {string} urlPrefix
 * @returns {Promise<{text: string, title: string}>}
 */
export async function toolbar(browser, urlPrefix) {
  const page = await browser.context.newPage();
  try {
    await page.goto(`chrome-extension://${browser.extensionId}/manifest.json`);
    return await page.evaluate(async (prefix) => {
      const tab = (await chrome.tabs.query({})).find((t) => t.url?.startsWith(prefix));
      if (tab?.id === undefined) throw new Error(`no tab at ${prefix}`);
      return { text: await chrome.action.getBadgeText({ tabId: tab.id }), title: await chrome.action.getTitle({ tabId: tab.id }) };
    }, urlPrefix);
  } finally {
    await page.close();
  }
}

/**
 * Waits until the toolbar button of the tab at `urlPrefix` shows a title matching `title`, and
 * returns what it shows.
 * @param {Session} browser
 * @param {string} urlPrefix
 * @param {RegExp} title
 * @param {number} [timeoutMs]
 */
export async function waitForToolbar(browser, urlPrefix, title, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const shown = await toolbar(browser, urlPrefix);
    if (title.test(shown.title) || Date.now() > deadline) return shown;
    await new Promise((r) => setTimeout(r, 150));
  }
}
