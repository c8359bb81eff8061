// People in attached photos, found on the device (issue 14), on all five original sites: a photo in
// which two people can be seen pauses the post with a consent finding from the photo (rule
// people-in-photo, DESIGN §2: data-source="media"), with the faces outlined on a thumbnail; a
// landscape with no text and no one in it posts straight through, its reminder only an information
// note; IT's photoFaces false stops the face check; and no request leaves the browser. The group
// photo is made by the test from CC0 portraits (tests/fixtures/photos/SOURCES.md).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startSuite, typeInto, submits, dialog, assertOnlyHosts, screenshot } from './lib/fixture.mjs';
import { PHOTO_SURFACES, PHOTO_CAPTION, composeWithPhoto, closeReminder, assertPostsStraightThrough } from './lib/photo-surfaces.mjs';
import { renderPhoto, renderGroup } from './lib/photos.mjs';
import { writeManagedPolicy, waitForManagedPolicy } from './lib/managed-policy.mjs';

const PEOPLE = resolve(import.meta.dirname, '../fixtures/photos/people');

describe('photos: people seen in a photo need their consent', () => {
  /** @type {Awaited<ReturnType<typeof startSuite>>} */
  let suite;
  /** @type {Record<string, Buffer>} */
  const photos = {};
  before(async () => {
    suite = await startSuite();
    const portrait = (/** @type {string} */ n) => readFileSync(join(PEOPLE, `interfaces-${n}.jpg`));
    photos.group = await renderGroup(suite.browser.context, [portrait('005'), portrait('006')]);
    photos.landscape = await renderPhoto(suite.browser.context, 'landscape');
  });
  after(async () => { await suite?.close(); });

  for (const s of PHOTO_SURFACES) {
    it(`${s.id}: a photo of two people pauses the post with a consent finding from the photo`, async () => {
      const page = await composeWithPhoto(suite.browser.context, s, photos.group);
      await closeReminder(page);
      await page.locator(s.submit).click();
      await dialog(page).waitFor({ state: 'visible', timeout: 20_000 });
      const finding = dialog(page).locator('[data-postguard-finding][data-rule="people-in-photo"]');
      await finding.waitFor({ timeout: 5000 });
      assert.equal(await finding.getAttribute('data-category'), 'consent');
      assert.equal(await finding.getAttribute('data-source'), 'media');
      assert.match(await finding.innerText(), /2 people can be seen: do you have their written consent\?/);
      const thumb = finding.locator('canvas.photo-thumb');
      const box = await thumb.boundingBox();
      assert.ok(box && box.width > 40 && box.width <= 200, 'a small thumbnail of the photo is shown');
      assert.equal(await dialog(page).locator('[data-postguard-finding][data-source="text"]').count(), 0, 'the caption itself is fine');
      assert.deepEqual(await submits(page), [], 'nothing was posted');
      await screenshot(page, `${s.id}-photo-people`);
      // "Post anyway" sends it, exactly once.
      await dialog(page).getByRole('button', { name: 'Post anyway', exact: true }).click();
      await page.waitForFunction(() => /** @type {any} */ (window).__fixture.submits.length > 0, null, { timeout: 5000 });
      assert.deepEqual((await submits(page)).map((x) => x.surface), [s.recorded]);
      await page.close();
    });
  }

  for (const id of ['facebook', 'linkedin', 'tiktok']) {
    it(`${id}: a landscape with no text and no one in it posts straight through; the reminder is an information note`, async () => {
      const s = /** @type {typeof PHOTO_SURFACES[number]} */ (PHOTO_SURFACES.find((x) => x.id === id));
      const page = await composeWithPhoto(suite.browser.context, s, photos.landscape);
      const notice = page.locator('[data-postguard] [data-postguard-notice][data-photo="clear"]');
      await notice.first().waitFor({ state: 'visible', timeout: 20_000 });
      assert.equal(await notice.first().getAttribute('role'), 'status', 'a note, not an alert');
      assert.match(await notice.first().innerText(), /No people or identifying text found in it/);
      await assertPostsStraightThrough(page, s);
      await page.close();
    });
  }

  it('nothing left the browser for any host but the sites\'', () => {
    assertOnlyHosts(suite.server, suite.browser, PHOTO_SURFACES.map((s) => s.host));
  });
});

describe('photos: a Trust that turns the face check off (photoFaces false)', () => {
  const TRUST = 'Photo Faces Off Test Trust';
  /** @type {Awaited<ReturnType<typeof startSuite>>} */
  let suite;
  /** @type {() => void} */
  let removePolicy = () => {};
  before(async () => {
    removePolicy = writeManagedPolicy('postguard-photo-faces-off.json', { trustName: TRUST, photoFaces: false });
    suite = await startSuite();
    await waitForManagedPolicy(suite.browser.worker, TRUST);
  });
  after(async () => {
    await suite?.close();
    removePolicy();
  });

  it('x: the photo of two people posts straight through, its reminder a note', async () => {
    const portrait = (/** @type {string} */ n) => readFileSync(join(PEOPLE, `interfaces-${n}.jpg`));
    const group = await renderGroup(suite.browser.context, [portrait('005'), portrait('006')]);
    const page = await suite.browser.context.newPage();
    await page.goto('https://x.com/home', { waitUntil: 'load' });
    await page.setInputFiles('[data-testid="primaryColumn"] input[data-testid="fileInput"]', { name: 'group.jpg', mimeType: 'image/jpeg', buffer: group });
    await typeInto(page.locator('[data-testid="primaryColumn"] [data-testid="tweetTextarea_0"]'), PHOTO_CAPTION);
    const notice = page.locator('[data-postguard] [data-postguard-notice][data-photo="clear"]').first();
    await notice.waitFor({ state: 'visible', timeout: 20_000 });
    await notice.getByRole('button', { name: 'Got it' }).click();
    await page.locator('button[data-testid="tweetButtonInline"]').click();
    await page.waitForFunction(() => /** @type {any} */ (window).__fixture.submits.length > 0, null, { timeout: 5000 });
    assert.equal(await dialog(page).count(), 0, 'no pause');
    assert.deepEqual((await submits(page)).map((x) => x.surface), ['inline']);
    await page.close();
  });

  it('nothing left the browser for any host but the site\'s', () => {
    assertOnlyHosts(suite.server, suite.browser, ['x.com']);
  });
});
