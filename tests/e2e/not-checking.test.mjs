// When postguard is not checking, a person can see it (issue 20: silence must never pass for
// approval, hazard H9 in docs/clinical-safety.md). A box the adapter table does not recognise (the
// site changed, or added a surface) gets a visible "not checked" badge once typed into, and selecting
// it says why and what to do; the toolbar button says, per tab, whether postguard is checking,
// paused, or not checking a box there. (A site IT turned off: selector-override.test.mjs.)
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, typeInto, marks, BADGE, PANEL, dialog, submits, screenshot } from './lib/fixture.mjs';
import { waitForToolbar } from './lib/browser.mjs';

const EDITOR = '[data-testid="primaryColumn"] [data-testid="tweetTextarea_0"]';
const RISKY = 'Patient NHS number 943 476 5919 seen today';

/**
 * Adds a compose box X might ship tomorrow: a rich editor with its own Send button, outside every
 * dialog and form and matching no adapter selector, inside a stacking context the page controls.
 * @param {import('playwright-core').Page} page
 */
function addUnknownBox(page) {
  return page.evaluate(() => {
    const wrap = document.createElement('section');
    wrap.style.cssText = 'position: relative; z-index: 5; margin: 16px; padding: 8px; border: 1px solid #ccc; width: 520px;';
    const box = document.createElement('div');
    box.contentEditable = 'true';
    box.setAttribute('aria-label', 'Write a note');
    box.dataset.testid = 'noteComposer';
    box.style.cssText = 'min-height: 80px; padding: 6px; font: 16px sans-serif;';
    const send = document.createElement('button');
    send.textContent = 'Send note';
    send.addEventListener('click', () => /** @type {any} */ (window).__fixture.submits.push({ surface: 'note', text: box.innerText.trim() }));
    wrap.append(box, send);
    document.querySelector('[data-testid="primaryColumn"]')?.prepend(wrap);
  });
}

describe('a visible "not checking" state (X fixture, default policy)', () => {
  /** @type {Awaited<ReturnType<typeof startSuite>>} */
  let suite;
  before(async () => { suite = await startSuite(); });
  after(async () => { await suite?.close(); });

  it('a box postguard does not recognise shows "not checked" once typed into, and says why', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto('https://x.com/home');
    await addUnknownBox(page);
    const box = page.locator('[data-testid="noteComposer"]');
    await typeInto(box, RISKY);

    const badge = page.locator(BADGE);
    await badge.waitFor({ state: 'visible', timeout: 5000 });
    assert.equal((await badge.innerText()).replace(/\s+/g, ' ').trim(), '⚑ not checked');
    assert.match(await badge.getAttribute('aria-label') ?? '', /^not checked: postguard does not recognise this box/);
    assert.equal(await marks(page).count(), 0, 'nothing is marked: the box is not checked');

    // The badge is where a person sees it: beside the box, and the topmost thing at its middle.
    const b = await badge.boundingBox();
    const e = await box.boundingBox();
    assert.ok(b && e && b.x + b.width <= e.x + e.width + 1 && b.y >= e.y - b.height - 6 && b.y <= e.y + e.height, 'the badge sits at the box');
    const top = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.hasAttribute('data-postguard') ?? false, [b.x + b.width / 2, b.y + b.height / 2]);
    assert.ok(top, 'a click at the badge reaches it, above the page\'s own layers');
    await screenshot(page, 'x-not-checked');

    await badge.click();
    const panel = page.locator(PANEL);
    await panel.waitFor({ state: 'visible', timeout: 3000 });
    const text = await panel.innerText();
    assert.match(text, /postguard is not checking this box/);
    assert.match(text, /will not pause your post/);
    assert.match(text, /tell your IT service desk/);
    await panel.getByRole('button', { name: 'Close' }).click();
    await panel.waitFor({ state: 'detached', timeout: 3000 });

    // The toolbar says so too.
    const shown = await waitForToolbar(suite.browser, 'https://x.com/', /not checking a box/);
    assert.equal(shown.text, '!');
    assert.match(shown.title, /postguard is not checking a box on this page/);

    // Nothing is held, as the badge said: the person decides.
    await page.getByRole('button', { name: 'Send note' }).click();
    assert.equal(await dialog(page).count(), 0);
    assert.deepEqual(await submits(page), [{ surface: 'note', text: RISKY }]);

    // Emptied, the box has nothing unchecked in it: the badge goes, the toolbar is back to checking.
    await box.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await badge.waitFor({ state: 'detached', timeout: 3000 }).catch(() => {});
    assert.equal(await page.locator(BADGE).count(), 0);
    assert.match((await waitForToolbar(suite.browser, 'https://x.com/', /is checking/)).title, /postguard is checking your drafts on this site/);
    await page.close();
  });

  it('a recognised compose box is checked, with no "not checked" badge; a search field is not a compose box', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto('https://x.com/home');
    await page.evaluate(() => {
      const search = document.createElement('input');
      search.type = 'search';
      search.setAttribute('aria-label', 'Search');
      document.querySelector('[data-testid="primaryColumn"]')?.prepend(search);
    });
    await typeInto(page.locator('input[type="search"]'), 'nhs number 943 476 5919');
    await typeInto(page.locator(EDITOR), RISKY);
    await marks(page, 'confidentiality').first().waitFor({ state: 'visible', timeout: 5000 });
    await page.waitForTimeout(300);
    assert.equal(await page.locator('[data-postguard] button.badge[data-state="unwatched"]').count(), 0);
    const shown = await waitForToolbar(suite.browser, 'https://x.com/', /is checking/);
    assert.equal(shown.text, '');
    assert.equal(shown.title, 'postguard is checking your drafts on this site');
    await page.close();
  });

  it('paused, the toolbar says until when; resumed, it says checking', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto('https://x.com/home');
    await typeInto(page.locator(EDITOR), RISKY);
    await marks(page, 'confidentiality').first().waitFor({ state: 'visible', timeout: 5000 });
    await page.locator(BADGE).click();
    await page.locator('[data-postguard] [role="dialog"] button', { hasText: 'Pause on this site for 1 hour' }).click();
    const paused = await waitForToolbar(suite.browser, 'https://x.com/', /paused/);
    assert.equal(paused.text, 'off');
    assert.match(paused.title, /^postguard is paused on this site until \d{1,2}:\d{2}(\s?[AP]M)?: your drafts are not being checked$/);

    await page.locator(BADGE).click(); // the paused badge resumes
    await marks(page, 'confidentiality').first().waitFor({ state: 'visible', timeout: 5000 });
    assert.equal((await waitForToolbar(suite.browser, 'https://x.com/', /is checking/)).text, '');
    await page.close();
  });

  it('on a page postguard does not cover, the button says it is not checking there', async () => {
    // A tab no covered site's content script reports from keeps the button's default title.
    const page = await suite.browser.context.newPage();
    await page.goto(`chrome-extension://${suite.browser.extensionId}/manifest.json`);
    const tabId = await page.evaluate(async () => (await chrome.tabs.getCurrent())?.id);
    assert.match(await page.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId), /^postguard is not checking this page/);
    assert.equal(await page.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId), '');
    await page.close();
  });
});
