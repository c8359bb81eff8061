// A submit while an attached photo is still being checked, under a Trust's policy (issue 14): the
// gate waits "Checking the photo…" for at most `photoWaitSeconds` (here IT set 1 s), then the check
// counts as failed and `failClosed` decides. A photo dense with text (a 12-megapixel ward list) takes
// longer than that to read. Failing closed, the post is held with the "could not check" dialog,
// offering only "Edit post", and nothing is posted; failing open, the post goes through exactly once,
// even when the photo's check finishes afterwards with findings of its own.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, typeInto, submits, dialog, dialogText, assertOnlyHosts } from './lib/fixture.mjs';
import { writeManagedPolicy, waitForManagedPolicy } from './lib/managed-policy.mjs';
import { renderPhoto } from './lib/photos.mjs';

/** A long ward list: many lines of text take the OCR engine several seconds to read. */
const LIST = Array.from({ length: 34 }, (_, i) => `Bay ${1 + (i % 8)} bed ${i + 1} - ${['A. Khan', 'J. Patel', 'M. Smith', 'R. Jones'][i % 4]} obs 4-hourly`);

/**
 * A browser under a Trust policy with a 1-second wait bound and the given `failClosed`.
 * @param {string} trust
 * @param {boolean} failClosed
 */
function underPolicy(trust, failClosed) {
  const state = { /** @type {Awaited<ReturnType<typeof startSuite>> | null} */ suite: null, remove: () => {} };
  before(async () => {
    state.remove = writeManagedPolicy(`postguard-photos-wait-${failClosed ? 'closed' : 'open'}.json`, { trustName: trust, photoWaitSeconds: 1, failClosed });
    state.suite = await startSuite();
    await waitForManagedPolicy(state.suite.browser.worker, trust);
  });
  after(async () => {
    await state.suite?.close();
    state.remove();
  });
  return state;
}

/**
 * Last in each suite: no request left the browser for any host but the site's.
 * @param {ReturnType<typeof underPolicy>} state
 */
function itSentNothingElsewhere(state) {
  it('nothing left the browser for any host but the site\'s', () => {
    if (!state.suite) throw new Error('the browser did not start');
    assertOnlyHosts(state.suite.server, state.suite.browser, ['x.com']);
  });
}

/**
 * On X: attach the ward-list photo, type a benign draft, close the reminder as a person would and
 * press Post while the photo is still being read.
 * @param {Awaited<ReturnType<typeof startSuite>>} suite
 */
async function postDuringSlowCheck(suite) {
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
  assert.ok(waited, 'the badge said "Checking the photo…" while the gate waited');
  return { page, pressed };
}

/** @param {number} pressed */
function assertHeldAboutTheBound(pressed) {
  const after = Date.now() - pressed;
  assert.ok(after >= 900 && after < 6000, `held about the Trust's 1 s bound, not longer (${after} ms)`);
}

describe('photos: a check longer than the Trust\'s wait bound, failing closed', () => {
  const state = underPolicy('Photo Wait Test Trust', true);

  it('x: Post during a slow photo check waits, then holds the post (fail closed), offering only "Edit post"', async () => {
    if (!state.suite) throw new Error('the browser did not start');
    const { page, pressed } = await postDuringSlowCheck(state.suite);
    await dialog(page).waitFor({ state: 'visible', timeout: 10_000 });
    assertHeldAboutTheBound(pressed);
    assert.match(await dialogText(page), /could not|couldn.t|unavailable/i, 'says the post could not be checked');
    assert.equal(await dialog(page).getByRole('button', { name: 'Post anyway', exact: true }).count(), 0, 'fail closed: no "Post anyway"');
    assert.deepEqual(await submits(page), [], 'nothing was posted');
    await dialog(page).getByRole('button', { name: 'Edit post', exact: true }).click();
    await page.close();
  });
  itSentNothingElsewhere(state);
});

describe('photos: a check longer than the Trust\'s wait bound, failing open', () => {
  const state = underPolicy('Photo Wait Open Test Trust', false);

  it('x: Post during a slow photo check waits about the bound, then the post goes through exactly once', async () => {
    if (!state.suite) throw new Error('the browser did not start');
    const { page, pressed } = await postDuringSlowCheck(state.suite);
    await page.waitForFunction(() => /** @type {any} */ (window).__fixture.submits.length > 0, null, { timeout: 10_000 });
    assertHeldAboutTheBound(pressed);
    assert.equal(await dialog(page).count(), 0, 'fail open: no dialog');
    // The photo's check ends later (its list has names on it); the post it belonged to is gone and
    // is neither paused after the fact nor sent again.
    await page.waitForTimeout(8000);
    assert.deepEqual((await submits(page)).map((x) => x.surface), ['inline'], 'posted exactly once');
    assert.equal(await dialog(page).count(), 0, 'no dialog afterwards either');
    await page.close();
  });
  itSentNothingElsewhere(state);
});
