// Looking inside attached photos, on the device (issue 14), on all five sites: a photo of printed
// identifiers pauses the post with a confidentiality finding from the photo (DESIGN §2:
// data-source="media"), shown with a thumbnail; a landscape with no text posts straight through; a
// submit while a large photo is still being checked waits ("Checking the photo…") and then pauses;
// and no request leaves the browser. The photos are rendered by the tests (lib/photos.mjs).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, submits, dialog, assertOnlyHosts, screenshot } from './lib/fixture.mjs';
import { PHOTO_SURFACES, composeWithPhoto, closeReminder, assertPostsStraightThrough } from './lib/photo-surfaces.mjs';
import { renderPhoto } from './lib/photos.mjs';

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

  /** Findings listed in the pre-submit dialog that were read from the photo. @param {import('playwright-core').Page} page */
  const mediaFindings = (page) => dialog(page).locator('[data-postguard-finding][data-source="media"]');

  for (const s of PHOTO_SURFACES) {
    it(`${s.id}: a wristband photo with an NHS number pauses the post, with the finding from the photo and a thumbnail`, async () => {
      const page = await composeWithPhoto(suite.browser.context, s, photos.wristband);
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
    const s = /** @type {typeof PHOTO_SURFACES[number]} */ (PHOTO_SURFACES.find((x) => x.id === 'facebook'));
    const page = await composeWithPhoto(suite.browser.context, s, photos.whiteboard);
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
      const s = /** @type {typeof PHOTO_SURFACES[number]} */ (PHOTO_SURFACES.find((x) => x.id === id));
      const page = await composeWithPhoto(suite.browser.context, s, photos.landscape);
      const notice = page.locator('[data-postguard] [data-postguard-notice][data-photo="clear"]');
      await notice.first().waitFor({ state: 'visible', timeout: 20_000 });
      await assertPostsStraightThrough(page, s);
      await page.close();
    });
  }

  it('x: a submit while a 12-megapixel photo is still being checked waits, says so, then pauses', async () => {
    const s = PHOTO_SURFACES[0];
    const page = await composeWithPhoto(suite.browser.context, s, photos.large);
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
    assertOnlyHosts(suite.server, suite.browser, PHOTO_SURFACES.map((s) => s.host));
  });
});
