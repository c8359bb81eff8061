// Issue 16 on the WordPress block editor fixture (wordpress.com): the shared site suite on the title
// and a paragraph block inside the same-origin editor canvas (iframe, srcdoc), plus what only a
// canvas frame has: marks follow the canvas's own scrolling, Ctrl/Cmd+S saves a draft without the
// gate, and postguard puts nothing into the canvas's document.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { siteSuite, openSurface, editorOf, spanBox, RISKY, NUMBER } from './lib/site-suite.mjs';
import { SITES } from './lib/sites.mjs';
import { startSuite, typeInto, marks, markBoxes, dialog, submits, assertCovers } from './lib/fixture.mjs';

siteSuite(SITES.wordpress);

const SITE = SITES.wordpress;
const PARAGRAPH = SITE.surfaces[0];

describe('wordpress: the editor canvas frame', () => {
  /** @type {Awaited<ReturnType<typeof startSuite>>} */
  let suite;
  before(async () => { suite = await startSuite(); });
  after(async () => { await suite?.close(); });

  it('marks follow the canvas when it scrolls inside its frame', async () => {
    const page = await openSurface(suite.browser.context, SITE.host, PARAGRAPH);
    const editor = editorOf(page, PARAGRAPH);
    await typeInto(editor, RISKY);
    await marks(page, 'confidentiality').first().waitFor({ state: 'visible', timeout: 5000 });
    const before = (await markBoxes(page, 'confidentiality'))[0];
    await page.frameLocator(PARAGRAPH.frame ?? '').locator('body').evaluate(() => window.scrollBy(0, 30));
    await page.waitForTimeout(300);
    const after = (await markBoxes(page, 'confidentiality'))[0];
    assert.ok(before && after && Math.abs(before.y - after.y - 30) <= 2, `the mark moved up with the text (${before?.y} → ${after?.y})`);
    assertCovers(after, await spanBox(page, PARAGRAPH, editor, NUMBER));
    await page.close();
  });

  it('Ctrl+S in the canvas saves a draft and is not paused', async () => {
    const page = await openSurface(suite.browser.context, SITE.host, PARAGRAPH);
    const editor = editorOf(page, PARAGRAPH);
    await typeInto(editor, RISKY);
    await marks(page, 'confidentiality').first().waitFor({ state: 'visible', timeout: 5000 });
    await editor.press('Control+s');
    await page.waitForFunction(() => /** @type {any} */ (window).__wpDrafts.length === 1, undefined, { timeout: 5000 });
    await page.waitForTimeout(300);
    assert.equal(await dialog(page).count(), 0, 'no dialog for a draft save');
    assert.deepEqual(await page.evaluate(() => /** @type {any} */ (window).__wpDrafts), [RISKY]);
    assert.deepEqual(await submits(page), [], 'nothing was published');
    await page.close();
  });

  it('puts nothing into the canvas document, and the page is still checked while the draft is marked', async () => {
    const page = await openSurface(suite.browser.context, SITE.host, PARAGRAPH);
    const editor = editorOf(page, PARAGRAPH);
    await typeInto(editor, RISKY);
    await marks(page, 'confidentiality').first().waitFor({ state: 'visible', timeout: 5000 });
    const foreign = await page.frameLocator(PARAGRAPH.frame ?? '').locator('html').evaluate((html) =>
      [...html.querySelectorAll('*')].filter((el) => el.hasAttribute('data-postguard') || el.localName.startsWith('postguard') || el.shadowRoot).map((el) => el.localName));
    assert.deepEqual(foreign, [], 'no postguard element or shadow root in the canvas');
    assert.equal(await page.locator('[data-postguard]').count() > 0, true, 'the overlay is in the top document');
    await page.close();
  });
});
