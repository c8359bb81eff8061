// The first post after the browser starts (issue 17, part 2). In a fresh browser the first check
// waits for the worker's start, the policy read and the analyser's compilation; a draft typed and
// submitted at once must be decided by that check, on every site: a benign draft posts exactly
// once, a risky one gets its findings, never "could not check". The same after the service worker
// is stopped. While the check is still coming, the draft's badge says "Checking…".
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFixtureServer } from './lib/server.mjs';
import { distDir, launchWithExtension, stopWorker } from './lib/browser.mjs';
import { submits, dialog, typeInto } from './lib/fixture.mjs';
import { SITES } from './lib/sites.mjs';
import { RISKY, BENIGN } from './lib/site-suite.mjs';

/** Longer than postguard waits for a first check (PATIENCE_MS), so a wait here never decides a test. */
const PATIENT = 30_000;

/**
 * Opens a site's first compose surface, types `text` at full speed and submits at once, as a person
 * does who opens the browser knowing what they want to say.
 * @param {import('./lib/browser.mjs').Session} browser
 * @param {import('./lib/sites.mjs').SiteSpec} site
 * @param {string} text
 */
async function submitAtOnce(browser, site, text) {
  const s = site.surfaces[0];
  const page = await browser.context.newPage();
  await page.goto(`https://${site.host}${s.path}`, { waitUntil: 'load' });
  if (s.open) await s.open(page);
  const editor = page.locator(s.editor);
  await editor.click();
  await editor.pressSequentially(text);
  await page.locator(s.submit).click();
  return page;
}

/**
 * @param {import('playwright-core').Page} page
 * @param {import('./lib/sites.mjs').SiteSpec} site
 * @param {string} text
 */
async function assertPostedOnce(page, site, text) {
  await page.waitForFunction(() => /** @type {any} */ (window).__fixture.submits.length > 0, null, { timeout: PATIENT });
  await page.waitForTimeout(300); // a double post would land within this
  assert.deepEqual(await submits(page), [{ surface: site.surfaces[0].recorded, text }], 'posted exactly once, unchanged');
  assert.equal(await dialog(page).count(), 0, 'no dialog');
}

/** @param {import('playwright-core').Page} page */
async function assertFindingsDialog(page) {
  const alert = dialog(page);
  await alert.waitFor({ state: 'visible', timeout: PATIENT });
  assert.doesNotMatch(await alert.innerText(), /could not check/, 'the draft was checked');
  assert.match(await alert.innerText(), /NHS number/, 'its finding is listed');
  assert.deepEqual(await submits(page), [], 'nothing was posted');
  await alert.getByRole('button', { name: 'Edit post', exact: true }).click();
  await alert.waitFor({ state: 'detached', timeout: 3000 });
}

describe('the first post after the browser starts', () => {
  /** @type {import('./lib/server.mjs').FixtureServer} */
  let server;
  before(async () => { server = await startFixtureServer(); });
  after(async () => { await server?.close(); });

  for (const site of Object.values(SITES)) {
    it(`${site.id}: in a fresh browser, a benign draft submitted at once posts exactly once`, async () => {
      const browser = await launchWithExtension({ port: server.port });
      try {
        await assertPostedOnce(await submitAtOnce(browser, site, BENIGN), site, BENIGN);
      } finally {
        await browser.close();
      }
    });

    it(`${site.id}: in a fresh browser, a risky draft submitted at once gets its findings; so do both after the worker is stopped`, async () => {
      const browser = await launchWithExtension({ port: server.port });
      try {
        const page = await submitAtOnce(browser, site, RISKY);
        await assertFindingsDialog(page);
        await stopWorker(browser, page);
        await assertPostedOnce(await submitAtOnce(browser, site, BENIGN), site, BENIGN);
        await stopWorker(browser, page);
        await assertFindingsDialog(await submitAtOnce(browser, site, RISKY));
      } finally {
        await browser.close();
      }
    });
  }
});

/**
 * The built extension with a worker that answers settings at once and holds every analysis until an
 * extension page sends `{type: 'release'}`; then it answers them as the analyser would for the NHS
 * number (or, with `fail`, that it could not analyse). `{type: 'served'}` says how many it answered.
 * @param {{fail?: boolean, failClosed?: boolean}} options
 */
function slowWorkerDist({ fail = false, failClosed = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'postguard-slow-'));
  cpSync(distDir(), dir, { recursive: true });
  const settings = { trustName: 'Example Trust', commsContact: 'the comms team', speakUpContact: 'the Guardian', policyUrl: '', allowOverride: true, failClosed };
  writeFileSync(join(dir, 'worker', 'background.js'), `
// A worker whose analyses wait for the test (startup.test.mjs).
const settings = ${JSON.stringify(settings)};
const fail = ${JSON.stringify(fail)};
let released = false;
let served = 0;
const held = [];
function answer(message, reply) {
  served += 1;
  if (fail) { reply({ ok: false, error: 'analysis unavailable: the analyser failed (injected)' }); return; }
  const start = message.text.indexOf('943 476 5919');
  const findings = start < 0 ? [] : [{ rule: 'nhs-number', category: 'confidentiality', severity: 'high', action: 'warn', start, end: start + 12,
    title: 'NHS number', message: 'This looks like a valid NHS number.', suggestion: null, policyRef: 'Policy 5.1', why: 'injected' }];
  reply({ ok: true, findings, truncated: false });
}
chrome.runtime.onMessage.addListener((message, _sender, reply) => {
  if (message?.type === 'settings') { reply({ ok: true, settings }); return false; }
  if (message?.type === 'served') { reply({ ok: true, served }); return false; }
  if (message?.type === 'release') { released = true; for (const [m, r] of held.splice(0)) answer(m, r); reply({ ok: true }); return false; }
  if (message?.type !== 'analyze') return false;
  if (released) { answer(message, reply); return false; }
  held.push([message, reply]);
  return true;
});
`);
  return dir;
}

describe('a submit held until the first check answers', () => {
  /** @type {(() => Promise<void>)[]} */
  const cleanups = [];
  after(async () => { for (const c of cleanups) await c(); });

  /** @param {Parameters<typeof slowWorkerDist>[0]} options */
  async function open(options) {
    const server = await startFixtureServer();
    const dist = slowWorkerDist(options);
    const browser = await launchWithExtension({ port: server.port, dist });
    cleanups.push(async () => { await browser.close(); await server.close(); rmSync(dist, { recursive: true, force: true }); });
    /** Sends a message to the worker from one of the extension's own pages. @param {object} message */
    const tell = async (message) => {
      const ext = await browser.context.newPage();
      try {
        await ext.goto(`chrome-extension://${browser.extensionId}/manifest.json`);
        return await ext.evaluate((m) => chrome.runtime.sendMessage(m), message);
      } finally {
        await ext.close();
      }
    };
    const page = await browser.context.newPage();
    await page.goto('https://x.com/home');
    return { page, tell };
  }

  const INLINE = '[data-testid="primaryColumn"] [data-testid="tweetTextarea_0"]';
  const POST = 'button[data-testid="tweetButtonInline"]';
  const CHECKING = '[data-postguard] .badge[data-state="checking"]';

  it('says "Checking…" on the draft while it waits, then posts exactly once', async () => {
    const { page, tell } = await open({});
    await typeInto(page.locator(INLINE), BENIGN);
    await page.locator(POST).click();
    const badge = page.locator(CHECKING);
    await badge.waitFor({ state: 'visible', timeout: 5000 });
    assert.match(await badge.innerText(), /Checking…/);
    assert.match(await badge.getAttribute('aria-label') ?? '', /checking this post/);
    assert.deepEqual(await submits(page), [], 'held while it is checked');
    assert.equal(await dialog(page).count(), 0, 'no dialog while checking');
    await tell({ type: 'release' });
    await page.waitForFunction(() => /** @type {any} */ (window).__fixture.submits.length > 0, null, { timeout: PATIENT });
    await page.waitForTimeout(300);
    assert.deepEqual(await submits(page), [{ surface: 'inline', text: BENIGN }], 'posted exactly once');
    await badge.waitFor({ state: 'hidden', timeout: 3000 });
  });

  it('a check that fails for real, under a fail-closed policy, holds the post with the policy\'s own words', async () => {
    const { page, tell } = await open({ fail: true, failClosed: true });
    await typeInto(page.locator(INLINE), BENIGN);
    await page.locator(POST).click();
    await page.locator(CHECKING).waitFor({ state: 'visible', timeout: 5000 });
    await tell({ type: 'release' });
    const alert = dialog(page);
    await alert.waitFor({ state: 'visible', timeout: PATIENT });
    const words = await alert.innerText();
    assert.match(words, /could not check this post/);
    assert.match(words, /Example Trust holds posts that postguard cannot check/, 'the dialog says what the policy in force does');
    assert.equal(await alert.getByRole('button', { name: 'Post anyway', exact: true }).count(), 0);
    await alert.getByRole('button', { name: 'Edit post', exact: true }).click();
    assert.deepEqual(await submits(page), []);
  });

  it('the same failure under the default fail-open policy posts exactly once, with no dialog', async () => {
    const { page, tell } = await open({ fail: true });
    await typeInto(page.locator(INLINE), BENIGN);
    await page.locator(POST).click();
    await page.locator(CHECKING).waitFor({ state: 'visible', timeout: 5000 });
    await tell({ type: 'release' });
    await page.waitForFunction(() => /** @type {any} */ (window).__fixture.submits.length > 0, null, { timeout: PATIENT });
    await page.waitForTimeout(300);
    assert.deepEqual(await submits(page), [{ surface: 'inline', text: BENIGN }]);
    assert.equal(await dialog(page).count(), 0);
  });
});
