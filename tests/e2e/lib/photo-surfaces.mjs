// @ts-check
/**
 * Where the photo suites attach a photo on each of the five original sites (the fixtures' own
 * markup), and the steps a person takes there: open the compose box, attach, type a benign caption,
 * close the photo reminder when it sits over Post. Shared by photos.test.mjs and photo-faces.test.mjs.
 */
import assert from 'node:assert/strict';
import { typeInto, submits, dialog } from './fixture.mjs';

/** @typedef {import('playwright-core').Page} Page */
/**
 * @typedef {{id: string, host: string, path: string, open?: (p: Page) => Promise<void>, input: string,
 *   after?: (p: Page) => Promise<void>, editor: string, submit: string, recorded: string}} PhotoSurface
 */

/** @type {PhotoSurface[]} */
export const PHOTO_SURFACES = [
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

/** A caption with nothing risky in it: whatever pauses comes from the photo. */
export const PHOTO_CAPTION = 'Lovely to see everyone at the summer fete';

/**
 * Opens the site's compose box in a new page, attaches `photo` and types the benign caption.
 * @param {import('playwright-core').BrowserContext} context
 * @param {PhotoSurface} s
 * @param {Buffer} photo
 */
export async function composeWithPhoto(context, s, photo) {
  const page = await context.newPage();
  await page.goto(`https://${s.host}${s.path}`, { waitUntil: 'load' });
  if (s.open) await s.open(page);
  await page.setInputFiles(s.input, { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: photo });
  if (s.after) await s.after(page);
  await typeInto(page.locator(s.editor), PHOTO_CAPTION);
  return page;
}

/**
 * Closes the photo reminder ("Got it"), as a person does when it sits over the site's Post button
 * (it is placed under the compose box, where Facebook's and TikTok's fixtures have theirs). The
 * photo's check goes on: closing the reminder is not accepting the photo.
 * @param {Page} page
 */
export async function closeReminder(page) {
  const notice = page.locator('[data-postguard] [data-postguard-notice]').first();
  await notice.waitFor({ state: 'visible', timeout: 5000 });
  await notice.getByRole('button', { name: 'Got it' }).click();
  await notice.waitFor({ state: 'detached', timeout: 3000 });
}

/**
 * Closes the reminder and presses Post: the post goes through at once, exactly once, with no dialog.
 * @param {Page} page
 * @param {PhotoSurface} s
 */
export async function assertPostsStraightThrough(page, s) {
  await closeReminder(page);
  await page.locator(s.submit).click();
  await page.waitForFunction(() => /** @type {any} */ (window).__fixture.submits.length > 0, null, { timeout: 5000 });
  assert.equal(await dialog(page).count(), 0, 'no pause');
  assert.deepEqual((await submits(page)).map((x) => x.surface), [s.recorded]);
}
