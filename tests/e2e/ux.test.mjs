// What a person experiences around the marks, on the X fixture (issue 5 "What the user sees"):
// typing is never interrupted, new findings are announced politely, hover and caret show the
// explanation, the badge opens a keyboard-operable panel with Dismiss, marks follow resizing and
// scrolling, Escape in the dialog means "Edit post", reduced motion is respected, and the colours
// meet WCAG AA contrast.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, typeInto, submits, marks, markBoxes, dialog, textBox, assertCovers, screenshot } from './lib/fixture.mjs';
import { contrastRatio as contrast } from './lib/a11y.mjs';

const EDITOR = '[data-testid="primaryColumn"] [data-testid="tweetTextarea_0"]';
const POST = 'button[data-testid="tweetButtonInline"]';
const RISKY = 'Patient NHS number 943 476 5919 seen today';
const NUMBER = '943 476 5919';

describe('postguard as a person meets it (X fixture)', () => {
  /** @type {Awaited<ReturnType<typeof startSuite>>} */
  let suite;
  /** @type {import('playwright-core').Page} */
  let page;
  before(async () => { suite = await startSuite(); });
  after(async () => { await suite?.close(); });

  async function fresh() {
    page = await suite.browser.context.newPage();
    await page.goto('https://x.com/home');
    const editor = page.locator(EDITOR);
    await typeInto(editor, RISKY);
    await marks(page, 'confidentiality').first().waitFor({ state: 'visible', timeout: 5000 });
    return editor;
  }

  it('never takes focus while typing, and announces the new finding politely', async () => {
    const editor = await fresh();
    assert.ok(await editor.evaluate((el) => document.activeElement === el), 'the editor keeps focus');
    const live = page.locator('[data-postguard] [aria-live="polite"]');
    await page.waitForFunction(() => {
      const host = document.querySelector('[data-postguard]');
      const region = host?.shadowRoot?.querySelector('[aria-live="polite"]');
      return Boolean(region && region.textContent && /confidentiality/i.test(region.textContent));
    }, null, { timeout: 3000 });
    assert.match(await live.textContent() ?? '', /NHS number/);
    await page.close();
  });

  it('hovering a mark, or putting the caret in it, explains it', async () => {
    const editor = await fresh();
    const tip = page.locator('[data-postguard] [role="tooltip"]');
    const box = await textBox(editor, NUMBER);
    assert.ok(box);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await tip.waitFor({ state: 'visible', timeout: 3000 });
    assert.match(await tip.innerText(), /Policy:/);
    await page.mouse.move(5, 5);
    await tip.waitFor({ state: 'hidden', timeout: 3000 });
    // Keyboard: move the caret back into the number.
    await editor.press('End');
    for (let i = 0; i < ' seen today'.length + 2; i++) await editor.press('ArrowLeft');
    await tip.waitFor({ state: 'visible', timeout: 3000 });
    await screenshot(page, 'x-tooltip');
    await page.close();
  });

  it('the badge opens a keyboard-operable panel; Dismiss hides the finding for this draft only', async () => {
    const editor = await fresh();
    const badge = page.locator('[data-postguard] button.badge');
    assert.match(await badge.getAttribute('aria-label') ?? '', /1 confidentiality warning/);
    await badge.focus();
    await page.keyboard.press('Enter');
    const panel = page.locator('[data-postguard] [role="dialog"][aria-label^="postguard"]');
    await panel.waitFor({ state: 'visible', timeout: 3000 });
    assert.match(await panel.innerText(), /NHS number/);
    await screenshot(page, 'x-panel');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached', timeout: 3000 });
    assert.ok(await badge.evaluate((b) => b.getRootNode().activeElement === b), 'focus back on the badge');

    await badge.click();
    await panel.getByRole('button', { name: /^Dismiss/ }).click();
    await marks(page).first().waitFor({ state: 'detached', timeout: 3000 });
    await page.locator(POST).click();
    await page.waitForFunction(() => /** @type {any} */ (window).__fixture.submits.length > 0, null, { timeout: 5000 });
    assert.equal(await dialog(page).count(), 0, 'a dismissed finding does not pause the post');
    assert.deepEqual(await submits(page), [{ surface: 'inline', text: RISKY }]);

    // The next draft is a new draft: the same number is marked again.
    await typeInto(editor, RISKY);
    await marks(page, 'confidentiality').first().waitFor({ state: 'visible', timeout: 5000 });
    await page.close();
  });

  it('marks stay on the text when the window resizes and the page scrolls', async () => {
    const editor = await fresh();
    await page.setViewportSize({ width: 900, height: 700 });
    await page.waitForTimeout(100);
    assertCovers((await markBoxes(page))[0], await textBox(editor, NUMBER));
    await page.evaluate(() => { document.body.style.minHeight = '3000px'; window.scrollBy(0, 40); });
    await page.waitForTimeout(100);
    assertCovers((await markBoxes(page))[0], await textBox(editor, NUMBER));
    await page.close();
  });

  it('costs nothing while nothing changes: no overlay DOM writes when idle, panel open or not', async () => {
    await fresh();
    const writesPerSecond = () => page.evaluate(() => new Promise((resolve) => {
      let n = 0;
      const host = /** @type {Element} */ (document.querySelector('[data-postguard]'));
      const mo = new MutationObserver((records) => { n += records.length; });
      mo.observe(/** @type {ShadowRoot} */ (host.shadowRoot), { subtree: true, childList: true, attributes: true, characterData: true });
      setTimeout(() => { mo.disconnect(); resolve(n); }, 1000);
    }));
    await page.waitForTimeout(300); // let the announcement and first draws settle
    assert.equal(await writesPerSecond(), 0, 'idle');
    await page.locator('[data-postguard] button.badge').click();
    await page.waitForTimeout(200);
    assert.equal(await writesPerSecond(), 0, 'panel open');
    await page.close();
  });

  it('Escape in the dialog is "Edit post": nothing is posted and the draft stays', async () => {
    const editor = await fresh();
    await page.locator(POST).click();
    await dialog(page).waitFor({ state: 'visible', timeout: 5000 });
    await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'detached', timeout: 3000 });
    assert.deepEqual(await submits(page), []);
    assert.equal(await editor.innerText(), RISKY);
    await page.close();
  });

  it('colours meet WCAG AA contrast and reduced motion turns animation off', async () => {
    await fresh();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const badge = page.locator('[data-postguard] button.badge');
    const pill = page.locator('[data-postguard] .pill').first();
    const pillStyle = await pill.evaluate((el) => ({ color: getComputedStyle(el).color, bg: getComputedStyle(el).backgroundColor }));
    assert.ok(contrast(pillStyle.color, pillStyle.bg) >= 4.5, `badge pill text contrast ${contrast(pillStyle.color, pillStyle.bg).toFixed(2)}`);
    await badge.click();
    const panel = page.locator('[data-postguard] .panel');
    assert.equal(await panel.evaluate((el) => getComputedStyle(el).animationName), 'none');
    await page.keyboard.press('Escape');
    await page.locator(POST).click();
    const alert = dialog(page);
    await alert.waitFor({ state: 'visible', timeout: 5000 });
    for (const name of ['Edit post', 'Post anyway']) {
      const s = await alert.getByRole('button', { name, exact: true }).evaluate((el) => ({ color: getComputedStyle(el).color, bg: getComputedStyle(el).backgroundColor }));
      assert.ok(contrast(s.color, s.bg) >= 4.5, `${name} contrast ${contrast(s.color, s.bg).toFixed(2)}`);
    }
    const body = await alert.evaluate((el) => ({ color: getComputedStyle(el).color, bg: getComputedStyle(el).backgroundColor }));
    assert.ok(contrast(body.color, body.bg) >= 4.5, 'dialog text contrast');
    await page.close();
  });
});
