// A submit while an attached photo is still being checked, under a Trust's policy (issue 14): the
// gate waits "Checking the photo…" for at most `photoWaitSeconds`, then the check counts as failed
// and `failClosed` decides. Here IT set a 1-second bound and failClosed: a photo dense with text
// (a 12-megapixel ward list) takes longer than that to read, so the post is held with the "could
// not check" dialog, offering only "Edit post", and nothing is posted.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, typeInto, submits, dialog, dialogText, assertOnlyHosts } from './lib/fixture.mjs';
import { writeManagedPolicy, waitForManagedPolicy } from './lib/managed-policy.mjs';
import { renderPhoto } from './lib/photos.mjs';

const TRUST = 'Photo Wait Test Trust';

/** A long ward list: many lines of text take the OCR engine several seconds to read. */
const LIST = Array.from({ length: 34 }, (_, i) => `Bay ${1 + (i % 8)} bed ${i + 1} - ${['A. Khan', 'J. Patel', 'M. Smith', 'R. Jones'][i % 4]} obs 4-hourly`);

describe('photos: a check longer than the Trust\'s wait bound follows failClosed', () => {
  /** @type {Awaited<ReturnType<typeof startSuite>>} */
  let suite;
  /** @type {() => void} */
  let removePolicy = () => {};
  before(async () => {
    removePolicy = writeManagedPolicy('postguard-photos-wait.json', { trustName: TRUST, photoWaitSeconds: 1, failClosed: true });
    suite = await startSuite();
    await waitForManagedPolicy(suite.browser.worker, TRUST);
  });
  after(async () => {
    await suite?.close();
    removePolicy();
  });

  it('x: Post during a slow photo check waits, then holds the post (fail closed), offering only "Edit post"', async () => {
    const photo = await renderPhoto(suite.browser.context, 'whiteboard', { width: 4000, height: 3000, textPx: 16, lines: LIST });
    const page = await suite.browser.context.newPage();
    await page.goto('https://x.com/home', { waitUntil: 'load' });
    await page.setInputFiles('[data-testid="primaryColumn"] input[data-testid="fileInput"]', { name: 'list.jpg', mimeType: 'image/jpeg', buffer: photo });
    await typeInto(page.locator('[data-testid="primaryColumn"] [data-testid="tweetTextarea_0"]'), 'Busy day on the ward');
    const notice = page.locator('[data-postguard] [data-postguard-notice]').first();
    await notice.waitFor({ state: 'visible', timeout: 5000 });
    assert.equal(await notice.getAttribute('data-photo'), 'checking', 'still reading the photo when Post is pressed');
    await notice.getByRole('button', { name: 'Got it' }).click();
    const pressed = Date.now();
    await page.locator('button[data-testid="tweetButtonInline"]').click();
    const checking = page.locator('[data-postguard] button.badge', { hasText: 'Checking the photo' });
    const waited = await checking.first().waitFor({ state: 'visible', timeout: 1000 }).then(() => true, () => false);
    await dialog(page).waitFor({ state: 'visible', timeout: 10_000 });
    const after = Date.now() - pressed;
    assert.ok(waited, 'the badge said "Checking the photo…" while the gate waited');
    assert.ok(after >= 900 && after < 6000, `held about the Trust's 1 s bound, not longer (${after} ms)`);
    assert.match(await dialogText(page), /could not|couldn.t|unavailable/i, 'says the post could not be checked');
    assert.equal(await dialog(page).getByRole('button', { name: 'Post anyway', exact: true }).count(), 0, 'fail closed: no "Post anyway"');
    assert.deepEqual(await submits(page), [], 'nothing was posted');
    await dialog(page).getByRole('button', { name: 'Edit post', exact: true }).click();
    await page.close();
  });

  it('nothing left the browser for any host but the site\'s', () => {
    assertOnlyHosts(suite.server, suite.browser, ['x.com']);
  });
});
