// Blogger's images, where postguard can see them (issue 16): a photo dragged into the post's field or
// pasted there arrives as a file in the editor's frame, on the device, so it gets the consent
// reminder and is looked inside as on the other sites (a wristband's NHS number pauses Publish, in
// German here). A photo chosen in Google's image picker cannot be looked inside: the picker is a frame
// of another origin and the picture arrives in the post already uploaded, as an <img> the editor
// writes; it gets the consent reminder all the same, and a dropped photo's own <img>, written after
// its upload, does not get a second one (README, docs/deploy.md).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, submits, waitForSubmits, attachments, dialog, assertOnlyHosts, typeInto } from './lib/fixture.mjs';
import { jpeg, deliverFile } from './lib/media.mjs';
import { renderPhoto } from './lib/photos.mjs';
import { SITES } from './lib/sites.mjs';
import { localise } from './lib/languages.mjs';
import { openSurface, editorOf } from './lib/site-suite.mjs';

const DE = localise(SITES.blogger, 'de');
const [BODY] = DE.surfaces;
const CAPTION = 'Lovely to see everyone at the summer fete';

/**
 * A photo dropped or pasted at the field, from the frame's page.
 * @param {import('playwright-core').Page} page
 * @param {Buffer} photo
 * @param {'drop' | 'paste'} kind
 */
const deliver = (page, photo, kind) => deliverFile(editorOf(page, BODY), photo, kind);

describe('Blogger: photos dropped or pasted into the post', () => {
  /** @type {Awaited<ReturnType<typeof startSuite>>} */
  let suite;
  /** @type {Buffer} */
  let wristband;
  before(async () => {
    suite = await startSuite();
    wristband = await renderPhoto(suite.browser.context, 'wristband', { rotate: 4, shade: true });
  });
  after(async () => { await suite?.close(); });

  for (const kind of /** @type {const} */ (['drop', 'paste'])) {
    it(`a photo arriving by ${kind} gets the consent reminder by the field, and the page gets the file as usual`, async () => {
      const page = await openSurface(suite.browser.context, DE.host, BODY);
      await typeInto(editorOf(page, BODY), CAPTION);
      await deliver(page, jpeg({ gps: false }), kind);
      const notice = page.locator('[data-postguard] [data-postguard-notice]');
      await notice.waitFor({ state: 'visible', timeout: 5000 });
      assert.match(await notice.innerText(), /consent/i);
      const frame = await page.locator('iframe.editable').boundingBox();
      const at = await notice.boundingBox();
      assert.ok(frame && at && at.y >= frame.y && at.y <= frame.y + frame.height + 120, 'shown by the field');
      assert.deepEqual((await attachments(page)).map((a) => a.via), [kind], 'the page received the file as usual');
      await page.close();
    });
  }

  it('a dropped wristband photo with an NHS number pauses Publish; Post anyway publishes once', async () => {
    const page = await openSurface(suite.browser.context, DE.host, BODY);
    await typeInto(editorOf(page, BODY), CAPTION);
    await deliver(page, wristband, 'drop');
    const notice = page.locator('[data-postguard] [data-postguard-notice]').first();
    await notice.waitFor({ state: 'visible', timeout: 5000 });
    await notice.getByRole('button', { name: 'Got it' }).click();
    await page.locator(BODY.submit).click();
    const alert = dialog(page);
    await alert.waitFor({ state: 'visible', timeout: 20_000 });
    const found = alert.locator('[data-postguard-finding][data-source="media"]');
    await found.first().waitFor({ timeout: 5000 });
    const rules = await found.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-category')}:${e.getAttribute('data-rule')}`));
    assert.ok(rules.includes('confidentiality:nhs-number'), `an NHS number read from the photo (got ${rules.join(', ')})`);
    assert.deepEqual(await submits(page), [], 'nothing was published');
    await alert.getByRole('button', { name: 'Post anyway', exact: true }).click();
    await page.locator(/** @type {string} */ (BODY.confirm)).click();
    await waitForSubmits(page);
    assert.deepEqual(await submits(page), [{ surface: 'post', text: CAPTION }]);
    await page.close();
  });

  it('a photo chosen in Google\'s picker (written into the post by the editor) gets the consent reminder; Publish is not paused for it', async () => {
    const page = await openSurface(suite.browser.context, DE.host, BODY);
    await typeInto(editorOf(page, BODY), CAPTION);
    await page.evaluate(() => /** @type {any} */ (window).__bloggerPickImage());
    const notice = page.locator('[data-postguard] [data-postguard-notice]');
    await notice.waitFor({ state: 'visible', timeout: 5000 });
    assert.match(await notice.innerText(), /consent/i);
    assert.equal(await notice.getAttribute('data-photo'), null, 'nothing was read from the picture');
    assert.deepEqual((await attachments(page)).map((a) => a.via), ['picker']);
    // A reminder, not a finding: with a benign caption Publish goes straight to Blogger's confirmation.
    await page.locator(BODY.submit).click();
    await page.locator(/** @type {string} */ (BODY.confirm)).click();
    await waitForSubmits(page);
    assert.deepEqual(await submits(page), [{ surface: 'post', text: CAPTION }]);
    await page.close();
  });

  it('a dropped photo\'s own picture, written after its upload, brings no second reminder; a later pick does', async () => {
    const page = await openSurface(suite.browser.context, DE.host, BODY);
    await typeInto(editorOf(page, BODY), CAPTION);
    await deliver(page, jpeg({ gps: false }), 'drop');
    const notice = page.locator('[data-postguard] [data-postguard-notice]');
    await notice.waitFor({ state: 'visible', timeout: 5000 });
    await notice.getByRole('button', { name: 'Got it' }).click();
    await notice.waitFor({ state: 'detached', timeout: 5000 });
    // The editor shows the uploaded photo 300 ms after the drop; give it time, then some.
    await editorOf(page, BODY).locator('img').waitFor({ state: 'attached', timeout: 5000 });
    await page.waitForTimeout(1000);
    assert.equal(await notice.count(), 0, 'no second reminder for the dropped photo\'s own <img>');
    await page.evaluate(() => /** @type {any} */ (window).__bloggerPickImage());
    await notice.waitFor({ state: 'visible', timeout: 5000 });
    await page.close();
  });

  it('nothing left the browser for any host but Blogger\'s', () => {
    assertOnlyHosts(suite.server, suite.browser, ['www.blogger.com']);
  });
});
