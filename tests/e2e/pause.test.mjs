// Pausing (issue 6: "pause allowed or not"): where IT allows it, a person may stop postguard on one
// site for an hour, for example while posting from an official Trust account. The badge says so the
// whole time and one click ends it; every tab of the site follows; a reload keeps it; nothing is
// checked, held or looked at (attachments included) while paused. (IT's `allowPause: false` is in managed-policy.test.mjs.)
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, typeInto, submits, marks, dialog, screenshot } from './lib/fixture.mjs';

const EDITOR = '[data-testid="primaryColumn"] [data-testid="tweetTextarea_0"]';
const POST = 'button[data-testid="tweetButtonInline"]';
const RISKY = 'Patient NHS number 943 476 5919 seen today';

describe('pausing postguard on a site (X fixture, default policy)', () => {
  /** @type {Awaited<ReturnType<typeof startSuite>>} */
  let suite;
  before(async () => { suite = await startSuite(); });
  after(async () => { await suite?.close(); });

  /** A fresh X tab with the risky draft typed and marked. */
  async function risky() {
    const page = await suite.browser.context.newPage();
    await page.goto('https://x.com/home');
    const editor = page.locator(EDITOR);
    await typeInto(editor, RISKY);
    await marks(page, 'confidentiality').first().waitFor({ state: 'visible', timeout: 5000 });
    return { page, editor };
  }

  const badgeOf = (/** @type {import('playwright-core').Page} */ page) => page.locator('[data-postguard] button.badge');

  it('pauses from the panel: no marks, a badge that says until when, and posts go straight through', async () => {
    const { page } = await risky();
    await badgeOf(page).click();
    const pause = page.locator('[data-postguard] [role="dialog"] button', { hasText: 'Pause on this site for 1 hour' });
    await pause.click();
    await marks(page).first().waitFor({ state: 'detached', timeout: 3000 });
    const badge = badgeOf(page);
    await page.waitForFunction(() => {
      const b = document.querySelector('[data-postguard]')?.shadowRoot?.querySelector('button.badge');
      return b instanceof HTMLElement && !b.hidden && b.dataset.state === 'paused';
    }, null, { timeout: 3000 });
    assert.match(await badge.innerText(), /paused until \d{1,2}:\d{2}/);
    assert.match(await badge.getAttribute('aria-label') ?? '', /paused on this site until .*select to check drafts again/);
    await screenshot(page, 'x-paused');

    // Nor does it look at attachments.
    await page.setInputFiles('[data-testid="primaryColumn"] input[data-testid="fileInput"]', { name: 'ward.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(64) });
    await page.waitForTimeout(300);
    assert.equal(await page.locator('[data-postguard] [data-postguard-notice]').count(), 0, 'no media reminder while paused');

    await page.locator(POST).click();
    await page.waitForFunction(() => /** @type {any} */ (window).__fixture.submits.length > 0, null, { timeout: 5000 });
    assert.equal(await dialog(page).count(), 0, 'a paused postguard holds nothing');
    assert.deepEqual(await submits(page), [{ surface: 'inline', text: RISKY }]);
    await page.close();
  });

  it('applies to every tab of the site and survives a reload; selecting the badge checks again', async () => {
    // The pause from the last test is still in force for this browser session.
    const page = await suite.browser.context.newPage();
    await page.goto('https://x.com/home');
    const editor = page.locator(EDITOR);
    await typeInto(editor, RISKY);
    const badge = badgeOf(page);
    await badge.waitFor({ state: 'visible', timeout: 5000 });
    assert.match(await badge.innerText(), /paused until/);
    await page.waitForTimeout(300);
    assert.equal(await marks(page).count(), 0, 'nothing is checked while paused');

    await page.reload();
    await typeInto(page.locator(EDITOR), RISKY);
    await badgeOf(page).waitFor({ state: 'visible', timeout: 5000 });
    assert.match(await badgeOf(page).innerText(), /paused until/);

    // Resume from the keyboard: the badge is a button.
    await badgeOf(page).focus();
    await page.keyboard.press('Enter');
    await marks(page, 'confidentiality').first().waitFor({ state: 'visible', timeout: 5000 });
    await page.locator(POST).click();
    await dialog(page).waitFor({ state: 'visible', timeout: 5000 });
    assert.deepEqual(await submits(page), [], 'checking again: the post is paused for review');
    await page.close();
  });

  it('a pause elsewhere does not touch this site', async () => {
    const x = await risky();
    await badgeOf(x.page).click();
    await x.page.locator('[data-postguard] [role="dialog"] button', { hasText: 'Pause on this site' }).click();
    await marks(x.page).first().waitFor({ state: 'detached', timeout: 3000 });

    const page = await suite.browser.context.newPage();
    await page.goto('https://www.linkedin.com/feed/');
    await typeInto(page.locator('.comments-comment-box__form .ql-editor'), RISKY);
    await marks(page, 'confidentiality').first().waitFor({ state: 'visible', timeout: 5000 });

    // End the X pause for the other tests.
    await badgeOf(x.page).click();
    await marks(x.page, 'confidentiality').first().waitFor({ state: 'visible', timeout: 5000 });
    await page.close();
    await x.page.close();
  });
});
