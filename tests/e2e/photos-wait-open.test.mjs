// A submit while an attached photo is still being checked, under a Trust that fails open (issue 14):
// the gate waits "Checking the photo…" for at most `photoWaitSeconds` (here 1 s), then the check
// counts as failed and, with `failClosed` false, the post goes through: exactly once, even when the
// photo's check finishes afterwards with findings of its own. (photos-wait.test.mjs: failing closed.)
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, typeInto, submits, dialog, assertOnlyHosts } from './lib/fixture.mjs';
import { writeManagedPolicy, waitForManagedPolicy } from './lib/managed-policy.mjs';
import { renderPhoto } from './lib/photos.mjs';

const TRUST = 'Photo Wait Open Test Trust';

/** A long ward list: many lines of text take the OCR engine several seconds to read. */
const LIST = Array.from({ length: 34 }, (_, i) => `Bay ${1 + (i % 8)} bed ${i + 1} - ${['A. Khan', 'J. Patel', 'M. Smith', 'R. Jones'][i % 4]} obs 4-hourly`);

describe('photos: a check longer than the Trust\'s wait bound, failing open', () => {
  /** @type {Awaited<ReturnType<typeof startSuite>>} */
  let suite;
  /** @type {() => void} */
  let removePolicy = () => {};
  before(async () => {
    removePolicy = writeManagedPolicy('postguard-photos-wait-open.json', { trustName: TRUST, photoWaitSeconds: 1, failClosed: false });
    suite = await startSuite();
    await waitForManagedPolicy(suite.browser.worker, TRUST);
  });
  after(async () => {
    await suite?.close();
    removePolicy();
  });

  it('x: Post during a slow photo check waits about the bound, then the post goes through exactly once', async () => {
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
    await page.waitForFunction(() => /** @type {any} */ (window).__fixture.submits.length > 0, null, { timeout: 10_000 });
    const after = Date.now() - pressed;
    assert.ok(waited, 'the badge said "Checking the photo…" while the gate waited');
    assert.ok(after >= 900 && after < 6000, `held about the Trust's 1 s bound, not longer (${after} ms)`);
    assert.equal(await dialog(page).count(), 0, 'fail open: no dialog');
    // The photo's check ends later (its list has names on it); the post it belonged to is gone and
    // is neither paused after the fact nor sent again.
    await page.waitForTimeout(8000);
    assert.deepEqual((await submits(page)).map((x) => x.surface), ['inline'], 'posted exactly once');
    assert.equal(await dialog(page).count(), 0, 'no dialog afterwards either');
    await page.close();
  });

  it('nothing left the browser for any host but the site\'s', () => {
    assertOnlyHosts(suite.server, suite.browser, ['x.com']);
  });
});
