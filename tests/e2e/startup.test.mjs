// The first post after the browser starts (issue 17, part 2). In a fresh browser the first check
// waits for the worker's start, the policy read and the analyser's compilation; a draft typed and
// submitted at once must be decided by that check, on every site: a benign draft posts exactly
// once, a risky one gets its findings, never "could not check". The same after the service worker
// is stopped. While the check is still coming, the draft's badge says "Checking…".
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startFixtureServer } from './lib/server.mjs';
import { launchWithExtension, stopWorker } from './lib/browser.mjs';
import { startSlowWorker, SLOW_TRUST } from './lib/slow-worker.mjs';
import { submits, dialog, typeInto, dialogText } from './lib/fixture.mjs';
import { SITES } from './lib/sites.mjs';
import { RISKY, BENIGN, editorOf } from './lib/site-suite.mjs';

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
  const editor = editorOf(page, s);
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
  const confirm = site.surfaces[0].confirm;
  if (confirm) await page.locator(confirm).click({ timeout: PATIENT }); // Medium posts from its story preview
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

describe('a submit held until the first check answers', () => {
  /** @type {(() => Promise<void>)[]} */
  const cleanups = [];
  after(async () => { for (const c of cleanups) await c(); });

  /** @param {Parameters<typeof startSlowWorker>[0]} [options] */
  async function open(options) {
    const slow = await startSlowWorker(options);
    cleanups.push(slow.close);
    const page = await slow.browser.context.newPage();
    await page.goto('https://x.com/home');
    return { page, release: slow.release };
  }

  const INLINE = '[data-testid="primaryColumn"] [data-testid="tweetTextarea_0"]';
  const POST = 'button[data-testid="tweetButtonInline"]';
  const CHECKING = '[data-postguard] .badge[data-state="checking"]';

  it('says "Checking…" on the draft while it waits, then posts exactly once', async () => {
    const { page, release } = await open({});
    await typeInto(page.locator(INLINE), BENIGN);
    await page.locator(POST).click();
    const badge = page.locator(CHECKING);
    await badge.waitFor({ state: 'visible', timeout: 5000 });
    assert.match(await badge.innerText(), /Checking…/);
    assert.match(await badge.getAttribute('aria-label') ?? '', /checking this post/);
    assert.deepEqual(await submits(page), [], 'held while it is checked');
    assert.equal(await dialog(page).count(), 0, 'no dialog while checking');
    await release();
    await page.waitForFunction(() => /** @type {any} */ (window).__fixture.submits.length > 0, null, { timeout: PATIENT });
    await page.waitForTimeout(300);
    assert.deepEqual(await submits(page), [{ surface: 'inline', text: BENIGN }], 'posted exactly once');
    await badge.waitFor({ state: 'hidden', timeout: 3000 });
  });

  it('a check that fails for real, under a fail-closed policy, holds the post with the policy\'s own words', async () => {
    const { page, release } = await open({ fail: true, failClosed: true });
    await typeInto(page.locator(INLINE), BENIGN);
    await page.locator(POST).click();
    await page.locator(CHECKING).waitFor({ state: 'visible', timeout: 5000 });
    await release();
    const alert = dialog(page);
    await alert.waitFor({ state: 'visible', timeout: PATIENT });
    const words = await dialogText(page);
    assert.match(words, /could not check this post/);
    assert.match(words, new RegExp(`${SLOW_TRUST} holds posts that postguard cannot check`), 'the dialog says what the policy in force does');
    assert.equal(await alert.getByRole('button', { name: 'Post anyway', exact: true }).count(), 0);
    await alert.getByRole('button', { name: 'Edit post', exact: true }).click();
    assert.deepEqual(await submits(page), []);
  });

  it('the same failure under the default fail-open policy posts exactly once, with no dialog', async () => {
    const { page, release } = await open({ fail: true });
    await typeInto(page.locator(INLINE), BENIGN);
    await page.locator(POST).click();
    await page.locator(CHECKING).waitFor({ state: 'visible', timeout: 5000 });
    await release();
    await page.waitForFunction(() => /** @type {any} */ (window).__fixture.submits.length > 0, null, { timeout: PATIENT });
    await page.waitForTimeout(300);
    assert.deepEqual(await submits(page), [{ surface: 'inline', text: BENIGN }]);
    assert.equal(await dialog(page).count(), 0);
  });
});
