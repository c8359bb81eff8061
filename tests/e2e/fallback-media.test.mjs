// The generic fallback (an editable field in a site's dialog that no adapter entry names) and the
// other two ways media arrives (drag and drop, paste), on the Facebook and X fixtures.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, typeInto, submits, attachments, marks, dialog, assertOnlyHosts } from './lib/fixture.mjs';
import { jpeg, deliverFile } from './lib/media.mjs';

const RISKY = 'Patient NHS number 943 476 5919 seen today';

describe('generic fallback and media by drop and paste', () => {
  /** @type {Awaited<ReturnType<typeof startSuite>>} */
  let suite;
  before(async () => { suite = await startSuite(); });
  after(async () => { await suite?.close(); });

  it('a field no selector names, in a site dialog, is marked and its form submit is paused', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto('https://www.facebook.com/');
    await page.click('#ask-recommendations');
    const field = page.locator('[role="dialog"] textarea[name="question"]');
    await typeInto(field, RISKY);
    await marks(page, 'confidentiality').first().waitFor({ state: 'visible', timeout: 5000 });
    await page.locator('[role="dialog"] button[type="submit"]').click();
    const alert = dialog(page);
    await alert.waitFor({ state: 'visible', timeout: 5000 });
    assert.deepEqual(await submits(page), [], 'the form did not submit');
    await alert.getByRole('button', { name: 'Post anyway', exact: true }).click();
    await page.waitForFunction(() => /** @type {any} */ (window).__fixture.submits.length > 0, null, { timeout: 5000 });
    await page.waitForTimeout(250);
    assert.deepEqual(await submits(page), [{ surface: 'fallback', text: RISKY }], 'submitted once, unchanged');
    await page.close();
  });

  /**
   * Fire a drop or paste carrying a photo at an element, from the page (as the browser does when a
   * person drags a file in or pastes one).
   * @param {import('playwright-core').Page} page
   * @param {string} selector
   * @param {'drop' | 'paste'} kind
   */
  const deliver = (page, selector, kind) => deliverFile(page.locator(selector), jpeg({ gps: false }), kind);

  for (const kind of /** @type {const} */ (['drop', 'paste'])) {
    it(`a photo arriving by ${kind} gets the consent reminder by its compose box`, async () => {
      const page = await suite.browser.context.newPage();
      await page.goto('https://x.com/home');
      const editor = '[data-testid="primaryColumn"] [data-testid="tweetTextarea_0"]';
      await page.locator(editor).click();
      await deliver(page, kind === 'drop' ? '[data-testid="primaryColumn"] .DraftEditor-root' : editor, kind);
      const notice = page.locator('[data-postguard] [data-postguard-notice]');
      await notice.waitFor({ state: 'visible', timeout: 5000 });
      assert.match(await notice.innerText(), /consent/i);
      const box = await page.locator(editor).boundingBox();
      const at = await notice.boundingBox();
      assert.ok(box && at && at.y >= box.y && at.y <= box.y + box.height + 120, 'shown just under the compose box');
      assert.deepEqual((await attachments(page)).map((a) => a.via), [kind], 'the page received the file as usual');
      await notice.getByRole('button', { name: 'Got it' }).click();
      await notice.waitFor({ state: 'detached', timeout: 3000 });
      await page.close();
    });
  }

  it('nothing left the browser for any host but the sites\'', () => {
    assertOnlyHosts(suite.server, suite.browser, ['www.facebook.com', 'x.com']);
  });
});
