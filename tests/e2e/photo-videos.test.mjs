// Looking inside attached videos, on the device (issue 14): the photo check decodes the first frame
// and one every few seconds (extension/photo/video-frames.js) and reads each like a photo. A video
// whose later frames show a wristband with an NHS number pauses with the confidentiality finding
// from the video, naming the time of the frame; one whose later frames show two people pauses with
// the consent finding; the same by drop and paste as by the file input; a video of a landscape posts
// straight through with the "checked" note; a video this browser cannot decode keeps the generic
// consent note and posts. No request leaves the browser. The videos are recorded by the test itself
// (lib/videos.mjs) from pictures it renders.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startSuite, submits, dialog, assertOnlyHosts, screenshot, typeInto } from './lib/fixture.mjs';
import { PHOTO_SURFACES, PHOTO_CAPTION, assertPostsStraightThrough } from './lib/photo-surfaces.mjs';
import { renderPhoto, renderGroup } from './lib/photos.mjs';
import { renderVideo } from './lib/videos.mjs';
import { deliverFile } from './lib/media.mjs';

const PEOPLE = resolve(import.meta.dirname, '../fixtures/photos/people');

/** @param {string} id */
const surface = (id) => /** @type {typeof PHOTO_SURFACES[number]} */ (PHOTO_SURFACES.find((x) => x.id === id));

/**
 * Opens the site's compose box, attaches `video` and types the benign caption.
 * @param {import('playwright-core').BrowserContext} context
 * @param {typeof PHOTO_SURFACES[number]} s
 * @param {Buffer} video
 * @param {string} [mimeType]
 */
async function composeWithVideo(context, s, video, mimeType = 'video/webm') {
  const page = await context.newPage();
  await page.goto(`https://${s.host}${s.path}`, { waitUntil: 'load' });
  if (s.open) await s.open(page);
  await page.setInputFiles(s.input, { name: mimeType === 'video/webm' ? 'clip.webm' : 'clip.mp4', mimeType, buffer: video });
  if (s.after) await s.after(page);
  await typeInto(page.locator(s.editor), PHOTO_CAPTION);
  return page;
}

/** Presses Post once the reminder is closed and returns the media findings' rules and texts. @param {import('playwright-core').Page} page @param {typeof PHOTO_SURFACES[number]} s */
async function postAndReadFindings(page, s) {
  const notice = page.locator('[data-postguard] [data-postguard-notice]').first();
  await notice.waitFor({ state: 'visible', timeout: 5000 });
  await notice.getByRole('button', { name: 'Got it' }).click();
  await page.locator(s.submit).click();
  await dialog(page).waitFor({ state: 'visible', timeout: 20_000 });
  const found = dialog(page).locator('[data-postguard-finding][data-source="media"]');
  await found.first().waitFor({ timeout: 5000 });
  return found;
}

describe('videos: their frames are checked on the device like photos', () => {
  /** @type {Awaited<ReturnType<typeof startSuite>>} */
  let suite;
  /** @type {Record<string, Buffer>} */
  const videos = {};
  before(async () => {
    suite = await startSuite();
    const context = suite.browser.context;
    const landscape = await renderPhoto(context, 'landscape');
    const wristband = await renderPhoto(context, 'wristband');
    const portrait = (/** @type {string} */ n) => readFileSync(join(PEOPLE, `interfaces-${n}.jpg`));
    const group = await renderGroup(context, [portrait('005'), portrait('006')]);
    // The risky part comes in after the first frame: only a later frame shows it.
    videos.wristband = await renderVideo(context, [{ jpeg: landscape, seconds: 2 }, { jpeg: wristband, seconds: 5 }]);
    videos.people = await renderVideo(context, [{ jpeg: landscape, seconds: 2 }, { jpeg: group, seconds: 5 }], { width: 1280, height: 800 });
    videos.landscape = await renderVideo(context, [{ jpeg: landscape, seconds: 5 }]);
  });
  after(async () => { await suite?.close(); });

  for (const id of ['x', 'tiktok']) {
    it(`${id}: a video showing a wristband after its first frame pauses with the NHS number, at the time it is seen`, async () => {
      const s = surface(id);
      const page = await composeWithVideo(suite.browser.context, s, videos.wristband);
      const found = await postAndReadFindings(page, s);
      const rules = await found.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-category')}:${e.getAttribute('data-rule')}`));
      assert.ok(rules.includes('confidentiality:nhs-number'), `an NHS number read from the video (got ${rules.join(', ')})`);
      const nhs = dialog(page).locator('[data-postguard-finding][data-rule="nhs-number"]').first();
      const text = await nhs.innerText();
      const at = /Found in the attached video at 0:0(\d)/.exec(text);
      assert.ok(at, `the finding names the time of its frame (got ${JSON.stringify(text)})`);
      assert.ok(Number(at[1]) >= 2, 'a later frame, not the first (the wristband comes in at 0:02)');
      const box = await nhs.locator('canvas.photo-thumb').boundingBox();
      assert.ok(box && box.width > 40 && box.width <= 200, 'a small thumbnail of the frame is shown');
      assert.equal(await dialog(page).locator('[data-postguard-finding][data-source="text"]').count(), 0, 'the caption itself is fine');
      assert.deepEqual(await submits(page), [], 'nothing was posted');
      await screenshot(page, `${id}-video-finding`);
      await dialog(page).getByRole('button', { name: 'Edit post', exact: true }).click();
      await page.close();
    });
  }

  for (const kind of /** @type {const} */ (['drop', 'paste'])) {
    it(`x: the wristband video arriving by ${kind} pauses with the NHS number from the video`, async () => {
      const s = surface('x');
      const page = await suite.browser.context.newPage();
      await page.goto(`https://${s.host}${s.path}`, { waitUntil: 'load' });
      await page.locator(s.editor).click();
      // As the browser delivers a dragged-in or pasted file: an event carrying it, fired at the box.
      await deliverFile(page.locator(kind === 'drop' ? '[data-testid="primaryColumn"] .DraftEditor-root' : s.editor), videos.wristband, kind,
        { name: 'clip.webm', type: 'video/webm' });
      await typeInto(page.locator(s.editor), PHOTO_CAPTION);
      const found = await postAndReadFindings(page, s);
      const rules = await found.evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
      assert.ok(rules.includes('nhs-number'), `an NHS number read from the video (got ${rules.join(', ')})`);
      assert.match(await dialog(page).locator('[data-postguard-finding][data-rule="nhs-number"]').first().innerText(), /Found in the attached video at 0:0\d/);
      assert.deepEqual(await submits(page), [], 'nothing was posted');
      await page.close();
    });
  }

  it('facebook: a video in which two people come into view pauses with a consent finding naming the time', async () => {
    const s = surface('facebook');
    const page = await composeWithVideo(suite.browser.context, s, videos.people);
    const found = await postAndReadFindings(page, s);
    const people = dialog(page).locator('[data-postguard-finding][data-rule="people-in-photo"]');
    assert.equal(await people.count(), 1, `one consent finding for the video (got ${await found.count()} media findings)`);
    assert.equal(await people.getAttribute('data-category'), 'consent');
    assert.equal(await people.getAttribute('data-source'), 'media');
    const text = await people.innerText();
    assert.match(text, /2 people can be seen: do you have their written consent\?/);
    assert.match(text, /Found in the attached video at 0:0[2-6]/, 'the time of the frame they are seen in');
    assert.deepEqual(await submits(page), [], 'nothing was posted');
    // "Post anyway" sends it, exactly once.
    await dialog(page).getByRole('button', { name: 'Post anyway', exact: true }).click();
    await page.waitForFunction(() => /** @type {any} */ (window).__fixture.submits.length > 0, null, { timeout: 5000 });
    assert.deepEqual((await submits(page)).map((x) => x.surface), [s.recorded]);
    await page.close();
  });

  it('x: a video of a landscape posts straight through; the note says it was checked', async () => {
    const s = surface('x');
    const page = await composeWithVideo(suite.browser.context, s, videos.landscape);
    const notice = page.locator('[data-postguard] [data-postguard-notice][data-photo="clear"]');
    await notice.first().waitFor({ state: 'visible', timeout: 20_000 });
    assert.match(await notice.first().innerText(), /No people or identifying text found in the frames checked/, 'a video\'s note says only its frames were looked at');
    await assertPostsStraightThrough(page, s);
    await page.close();
  });

  it('x: a video this browser cannot decode keeps the generic consent note and posts', async () => {
    const s = surface('x');
    // An MP4's name and type, but not a video inside.
    const page = await composeWithVideo(suite.browser.context, s, Buffer.from('not a video, only its name'.repeat(200)), 'video/mp4');
    // "Checking it on this device…" first, then the generic note (no data-photo: nothing was seen).
    const notice = page.locator('[data-postguard] [data-postguard-notice]:not([data-photo])').first();
    await notice.waitFor({ state: 'visible', timeout: 20_000 });
    assert.match(await notice.innerText(), /Photo or video attached\. Only share images/, 'the generic consent note');
    await assertPostsStraightThrough(page, s);
    await page.close();
  });

  it('nothing left the browser for any host but the sites\'', () => {
    assertOnlyHosts(suite.server, suite.browser, ['x.com', 'www.tiktok.com', 'www.facebook.com']);
  });
});
