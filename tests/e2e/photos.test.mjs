// Looking inside attached photos, on the device (issue 14), on all five sites: a photo of printed
// identifiers pauses the post with a confidentiality finding from the photo (DESIGN §2:
// data-source="media"), shown with a thumbnail; a landscape with no text posts straight through; a
// submit while a large photo is still being checked waits ("Checking the photo…") and then pauses;
// and no request leaves the browser. The photos are rendered by the tests (lib/photos.mjs).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, typeInto, submits, dialog, assertOnlyHosts, screenshot } from './lib/fixture.mjs';
import { renderPhoto } from './lib/photos.mjs';

/**
 * Per site: the compose box a photo is attached to, and how to get there (fixtures' own markup).
 * @type {{id: string, host: string, path: string, open?: (p: import('playwright-core').Page) => Promise<void>,
 *   input: string, after?: (p: import('playwright-core').Page) => Promise<void>, editor: string, submit: string, recorded: string}[]}
 */
const SURFACES = [
  { id: 'x', host: 'x.com', path: '/home', input: '[data-testid="primaryColumn"] input[data-testid="fileInput"]',
    editor: '[data-testid="primaryColumn"] [data-testid="tweetTextarea_0"]', submit: 'button[data-testid="tweetButtonInline"]', recorded: 'inline' },
  { id: 'facebook', host: 'www.facebook.com', path: '/', open: (p) => p.click('#open-composer'), input: '[role="dialog"] input[type="file"]',
    editor: '[role="dialog"] [data-lexical-editor="true"]', submit: '[role="dialog"] [role="button"][aria-label="Post"]', recorded: 'post' },
  { id: 'linkedin', host: 'www.linkedin.com', path: '/feed/', open: (p) => p.click('#start-post'), input: '#interop-outlet #media-editor-file-selector__file-input',
    editor: '#interop-outlet .share-creation-state__text-editor .ql-editor', submit: '#interop-outlet button.share-actions__primary-action', recorded: 'share' },
  { id: 'instagram', host: 'www.instagram.com', path: '/', open: (p) => p.click('#create'), input: '[role="dialog"] input[type="file"]',
    after: (p) => p.getByRole('button', { name: 'Next' }).click(),
    editor: '[role="dialog"] [aria-label="Write a caption..."]', submit: '[role="dialog"] [role="button"]:text-is("Share")', recorded: 'caption' },
  { id: 'tiktok', host: 'www.tiktok.com', path: '/tiktokstudio/upload', input: 'input[type="file"]',
    editor: '.caption-editor [contenteditable="true"]', submit: 'button[data-e2e="post_video_button"]', recorded: 'caption' },
];

const CAPTION = 'Lovely to see everyone at the summer fete';

describe('photos: text read on the device is checked like typed text', () => {
  /** @type {Awaited<ReturnType<typeof startSuite>>} */
  let suite;
  /** @type {Record<string, Buffer>} */
  const photos = {};
  before(async () => {
    suite = await startSuite();
    photos.wristband = await renderPhoto(suite.browser.context, 'wristband', { rotate: 4, shade: true });
    photos.whiteboard = await renderPhoto(suite.browser.context, 'whiteboard', { rotate: -3, blur: 0.6 });
    photos.landscape = await renderPhoto(suite.browser.context, 'landscape');
    photos.large = await renderPhoto(suite.browser.context, 'wristband', { width: 4000, height: 3000, textPx: 40 });
  });
  after(async () => { await suite?.close(); });

  /**
   * Opens the site's compose box, attaches `photo`, and types a benign caption.
   * @param {typeof SURFACES[number]} s
   * @param {Buffer} photo
   */
  async function compose(s, photo) {
    const page = await suite.browser.context.newPage();
    await page.goto(`https://${s.host}${s.path}`, { waitUntil: 'load' });
    if (s.open) await s.open(page);
    await page.setInputFiles(s.input, { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: photo });
    if (s.after) await s.after(page);
    await typeInto(page.locator(s.editor), CAPTION);
    return page;
  }

  /**
   * Closes the photo reminder ("Got it"), as a person does when it sits over the site's Post button
   * (it is placed under the compose box, where Facebook's and TikTok's fixtures have theirs). The
   * photo's check goes on: closing the reminder is not accepting the photo.
   * @param {import('playwright-core').Page} page
   */
  async function closeReminder(page) {
    const notice = page.locator('[data-postguard] [data-postguard-notice]').first();
    await notice.waitFor({ state: 'visible', timeout: 5000 });
    await notice.getByRole('button', { name: 'Got it' }).click();
    await notice.waitFor({ state: 'detached', timeout: 3000 });
  }

  /** Findings listed in the pre-submit dialog that were read from the photo. @param {import('playwright-core').Page} page */
  const mediaFindings = (page) => dialog(page).locator('[data-postguard-finding][data-source="media"]');

  for (const s of SURFACES) {
    it(`${s.id}: a wristband photo with an NHS number pauses the post, with the finding from the photo and a thumbnail`, async () => {
      const page = await compose(s, photos.wristband);
      await closeReminder(page);
      await page.locator(s.submit).click();
      await dialog(page).waitFor({ state: 'visible', timeout: 20_000 });
      const found = mediaFindings(page);
      await found.first().waitFor({ timeout: 5000 });
      const rules = await found.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-category')}:${e.getAttribute('data-rule')}`));
      assert.ok(rules.includes('confidentiality:nhs-number'), `an NHS number read from the photo (got ${rules.join(', ')})`);
      assert.equal(await dialog(page).locator('[data-postguard-finding][data-source="text"]').count(), 0, 'the caption itself is fine');
      const thumb = dialog(page).locator('canvas.photo-thumb').first();
      const box = await thumb.boundingBox();
      assert.ok(box && box.width > 40 && box.width <= 200, 'a small thumbnail of the photo is shown');
      assert.deepEqual(await submits(page), [], 'nothing was posted');
      await screenshot(page, `${s.id}-photo-finding`);
      await dialog(page).getByRole('button', { name: 'Edit post', exact: true }).click();
      await page.close();
    });
  }

  it('facebook: a whiteboard "Bay 4 - Mrs J. Patel, 82, sepsis" pauses with the patient-name finding typed text gets', async () => {
    const s = /** @type {typeof SURFACES[number]} */ (SURFACES.find((x) => x.id === 'facebook'));
    const page = await compose(s, photos.whiteboard);
    await closeReminder(page);
    await page.locator(s.submit).click();
    await dialog(page).waitFor({ state: 'visible', timeout: 20_000 });
    const rules = await mediaFindings(page).evaluateAll((els) => els.map((e) => `${e.getAttribute('data-category')}:${e.getAttribute('data-rule')}`));
    assert.ok(rules.includes('confidentiality:patient-name'), `the patient's name read from the photo (got ${rules.join(', ')})`);
    assert.deepEqual(await submits(page), []);
    await page.close();
  });

  for (const id of ['x', 'instagram']) {
    it(`${id}: a landscape with no text posts straight through, and the reminder says it was checked`, async () => {
      const s = /** @type {typeof SURFACES[number]} */ (SURFACES.find((x) => x.id === id));
      const page = await compose(s, photos.landscape);
      const notice = page.locator('[data-postguard] [data-postguard-notice][data-photo="clear"]');
      await notice.first().waitFor({ state: 'visible', timeout: 20_000 });
      await closeReminder(page);
      await page.locator(s.submit).click();
      await page.waitForFunction(() => /** @type {any} */ (window).__fixture.submits.length > 0, null, { timeout: 5000 });
      assert.equal(await dialog(page).count(), 0, 'no pause');
      assert.deepEqual((await submits(page)).map((x) => x.surface), [s.recorded]);
      await page.close();
    });
  }

  it('x: a submit while a 12-megapixel photo is still being checked waits, says so, then pauses', async () => {
    const s = SURFACES[0];
    const page = await compose(s, photos.large);
    await closeReminder(page);
    await page.locator(s.submit).click();
    const checking = page.locator('[data-postguard] button.badge', { hasText: 'Checking the photo' });
    const waited = await checking.first().waitFor({ state: 'visible', timeout: 3000 }).then(() => true, () => false);
    await dialog(page).waitFor({ state: 'visible', timeout: 20_000 });
    assert.ok(waited, 'the badge said "Checking the photo…" while the gate waited');
    const rules = await mediaFindings(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
    assert.ok(rules.includes('nhs-number'), `found after the wait (got ${rules.join(', ')})`);
    assert.deepEqual(await submits(page), [], 'not posted while it was checked');
    await page.close();
  });

  it('nothing left the browser for any host but the sites\'', () => {
    assertOnlyHosts(suite.server, suite.browser, SURFACES.map((s) => s.host));
  });
});
