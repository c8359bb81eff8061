// IT's site settings from managed policy. Selector overrides (`selectorOverrides`, DESIGN §4): a compose box the
// built-in adapter table does not know (TikTok's LIVE chat in the fixture, outside any form or
// dialog, so the generic fallback leaves it alone too) gets marks and a gated Enter once IT names
// it, with no new release; a file input IT names (`attachments`) makes every file chosen through it
// a photo or video, whatever type the browser reports. Enabled sites (`enabledSites`): on a site IT left out, postguard
// marks nothing and pauses nothing. The policy is written where Chromium reads it on Linux
// (/etc/chromium/policies/managed; root only) and removed afterwards.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { manifestExtensionId, waitForToolbar } from './lib/browser.mjs';
import { startSuite, typeInto, submits, marks, dialog, dialogText } from './lib/fixture.mjs';

const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, 'postguard-e2e-selector-override.json');
const LIVE = '.live-chat [contenteditable="true"]';
const UPLOAD = '.upload-drop input[type="file"]';
const RISKY = 'Patient NHS number 943 476 5919 seen today';
const TRUST = 'Selector Override Test Trust';

/** @param {Awaited<ReturnType<typeof startSuite>>} suite */
async function openLive(suite) {
  const page = await suite.browser.context.newPage();
  await page.goto('https://www.tiktok.com/@nhsexample/video/1');
  await typeInto(page.locator(LIVE), RISKY);
  return page;
}

/**
 * Chooses a file of no media type (a screen recording saved as .bin, say) on TikTok's upload page.
 * @param {Awaited<ReturnType<typeof startSuite>>} suite
 * @param {{name: string, mimeType: string}} file
 */
async function attach(suite, file) {
  const page = await suite.browser.context.newPage();
  await page.goto('https://www.tiktok.com/tiktokstudio/upload');
  await page.setInputFiles(UPLOAD, { ...file, buffer: Buffer.alloc(64) });
  assert.equal(await page.locator(UPLOAD).evaluate((i) => /** @type {HTMLInputElement} */ (i).files?.[0]?.type), file.mimeType,
    'the page sees the type the test means');
  return { page, notice: page.locator('[data-postguard] [data-postguard-notice]') };
}

/**
 * Write the managed policy, start the browser and wait until the extension has it.
 * @param {Record<string, unknown>} policy
 */
async function startWithPolicy(policy) {
  assert.equal(process.getuid?.(), 0, 'writing Chromium\'s managed policy directory needs root');
  mkdirSync(POLICY_DIR, { recursive: true });
  writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [manifestExtensionId()]: { trustName: TRUST, ...policy } } } }));
  const suite = await startSuite();
  const deadline = Date.now() + 20_000;
  while ((await suite.browser.worker.evaluate(async () => (await chrome.storage.managed.get('trustName')).trustName)) !== TRUST) {
    assert.ok(Date.now() < deadline, 'the managed policy reached the extension');
    await new Promise((r) => setTimeout(r, 250));
  }
  return suite;
}

describe('site settings from managed policy', () => {
  /** @type {Awaited<ReturnType<typeof startSuite>> | null} */
  let suite = null;
  after(async () => {
    await suite?.close();
    rmSync(POLICY_FILE, { force: true });
  });

  it('without an override, the unknown compose box is left alone', async () => {
    suite = await startSuite();
    const page = await openLive(suite);
    await page.waitForTimeout(800); // debounce + worker round trip, many times over
    assert.equal(await marks(page).count(), 0);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /** @type {any} */ (window).__fixture.submits.length > 0, null, { timeout: 5000 });
    assert.deepEqual(await submits(page), [{ surface: 'live', text: RISKY }]);

    // Attachments: a file the browser gives no media type counts by its name (HEIC and MKV often
    // arrive as "" or generic bytes)...
    const heic = await attach(suite, { name: 'IMG_0001.HEIC', mimeType: 'application/octet-stream' });
    await heic.notice.first().waitFor({ state: 'visible', timeout: 5000 });
    // ...but one with neither a media type nor a media name is not taken for a photo.
    const other = await attach(suite, { name: 'clip.bin', mimeType: 'application/octet-stream' });
    await other.page.waitForTimeout(500);
    assert.equal(await other.notice.count(), 0);
    await suite.close();
    suite = null;
  });

  it('with IT\'s override, it is marked and Enter is paused until "Post anyway"', async () => {
    suite = await startWithPolicy({
      selectorOverrides: { tiktok: { editors: [LIVE], submits: ['.live-chat .live-send'], enterSends: true, attachments: [UPLOAD] } },
    });
    const page = await openLive(suite);
    await marks(page, 'confidentiality').first().waitFor({ state: 'visible', timeout: 5000 });
    await page.locator(LIVE).press('Enter');
    const alert = dialog(page);
    await alert.waitFor({ state: 'visible', timeout: 5000 });
    assert.match(await dialogText(page), new RegExp(TRUST));
    assert.deepEqual(await submits(page), []);
    await alert.getByRole('button', { name: 'Post anyway', exact: true }).click();
    await page.waitForFunction(() => /** @type {any} */ (window).__fixture.submits.length > 0, null, { timeout: 5000 });
    await page.waitForTimeout(250);
    assert.deepEqual(await submits(page), [{ surface: 'live', text: RISKY }]);

    // IT says this input attaches photos and videos: every file chosen through it gets the reminder.
    const other = await attach(suite, { name: 'clip.bin', mimeType: 'application/octet-stream' });
    await other.notice.first().waitFor({ state: 'visible', timeout: 5000 });
    assert.match(await other.notice.first().innerText(), /consent/i);
  });

  it('on a site IT did not enable, nothing is marked and nothing is paused', async () => {
    await suite?.close();
    suite = await startWithPolicy({ enabledSites: ['x', 'facebook', 'linkedin', 'instagram'] });
    const page = await suite.browser.context.newPage();
    await page.goto('https://www.tiktok.com/@nhsexample/video/1');
    await typeInto(page.locator('[data-e2e="comment-input"] [contenteditable="true"]'), RISKY);
    await page.waitForTimeout(800);
    assert.equal(await marks(page).count(), 0);
    await page.locator('[data-e2e="comment-post"]').click();
    await page.waitForFunction(() => /** @type {any} */ (window).__fixture.submits.length > 0, null, { timeout: 5000 });
    assert.equal(await dialog(page).count(), 0);
    assert.deepEqual(await submits(page), [{ surface: 'comment', text: RISKY }]);
    // Silence is not approval: the toolbar button says postguard is off here, and who turned it off.
    const shown = await waitForToolbar(suite.browser, 'https://www.tiktok.com/', /turned off/);
    assert.equal(shown.text, 'off');
    assert.equal(shown.title, 'postguard is turned off on this site by your IT department: your drafts are not being checked');
  });
});
