// Seen on every page, never in the way (issue 17, part 1): on every site, with the compose box in
// the page's own high z-index layer, in a modal <dialog> and in a popover (the top layer), a mark
// is visible to the person (the page's pixels under it change when it is hidden), a click on the
// badge reaches the badge and leaves the site's composer open, the gate's dialog comes above it,
// and the page's own dialog keeps its focus and its Escape. A compose box the page covers with
// one of its layers shows no marks over that layer.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, typeInto, submits, marks, markBoxes, dialog, textBox, assertCovers, screenshot, marksSeen, clickBadge, BADGE, PANEL } from './lib/fixture.mjs';
import { SITES } from './lib/sites.mjs';
import { RISKY, NUMBER, editorOf, spanBox } from './lib/site-suite.mjs';
import { CARD, deepActiveElement } from './lib/a11y.mjs';

const LAYERS = /** @type {const} */ (['z-index', 'dialog', 'popover']);

/**
 * What has focus, looking through shadow roots and same-origin frames: its tag, role, and whether
 * it is in an editor.
 * @param {import('playwright-core').Page} page
 */
async function deepActive(page) {
  const handle = await page.evaluateHandle(deepActiveElement);
  return handle.evaluate((/** @type {Element | null} */ a) =>
    (a ? `${a.tagName.toLowerCase()}${a.getAttribute('role') ? `[role=${a.getAttribute('role')}]` : ''}${a.closest?.('[contenteditable="true"]') ? ' (editor)' : ''}` : null));
}

/** @param {{x: number, y: number, width: number, height: number} | null} box */
function center(box) {
  assert.ok(box, 'the element has a box');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

describe('marks, badge and dialog above the site\'s own layers', () => {
  /** @type {Awaited<ReturnType<typeof startSuite>>} */
  let suite;
  before(async () => { suite = await startSuite(); });
  after(async () => { await suite?.close(); });

  // An editor in a frame (WordPress's canvas, Blogger's field) is looked for in the frame's document,
  // and focus is followed into it.
  for (const site of Object.values(SITES)) {
    const s = site.surfaces[0];
    // A composer the site never puts in a dialog or popover is tried under the page's own z-index layers.
    for (const layer of site.inline ? LAYERS.filter((l) => l === 'z-index') : LAYERS) {
      it(`${site.id}, ${s.name}, composer in a ${layer === 'z-index' ? 'high z-index layer' : layer === 'dialog' ? 'modal <dialog>' : 'popover'}`, async () => {
        const page = await suite.browser.context.newPage();
        await page.emulateMedia({ reducedMotion: 'reduce' });
        await page.goto(`https://${site.host}${s.path}${layer === 'z-index' ? '' : `?layer=${layer}`}`, { waitUntil: 'load' });
        if (s.open) await s.open(page);
        const editor = editorOf(page, s);
        await typeInto(editor, RISKY);
        await marks(page, 'confidentiality').first().waitFor({ state: 'visible', timeout: 5000 });
        const [box] = await markBoxes(page, 'confidentiality');
        if (!s.field) assertCovers(box, await spanBox(page, s, editor, NUMBER));

        // The person sees the mark: the page's pixels there change when it is hidden.
        assert.ok(box);
        const { stable, seen } = await marksSeen(page, box);
        assert.ok(stable, 'the area is stable while nothing changes');
        assert.ok(seen, 'the mark changes what the person sees: it is painted above the page\'s layers');
        if (layer === 'dialog') await screenshot(page, `${site.id}-layer-dialog`);
        assert.match(await deepActive(page) ?? '', /\(editor\)|textarea/, 'typing never left the editor');

        // A person's click on the badge reaches it, and the site's composer stays open.
        await clickBadge(page);
        assert.ok(await editor.isVisible(), 'the composer is still open');
        // Escape closes postguard's panel, not the site's composer.
        await page.keyboard.press('Escape');
        await page.locator(PANEL).waitFor({ state: 'detached', timeout: 3000 });
        assert.ok(await editor.isVisible(), 'Escape in postguard\'s panel left the composer open');
        assert.deepEqual(await submits(page), []);

        // The gate's dialog comes above everything, and a person's click on its button reaches it.
        await page.locator(s.submit).click();
        const alert = dialog(page);
        await alert.waitFor({ state: 'visible', timeout: 5000 });
        const edit = center(await alert.getByRole('button', { name: 'Edit post', exact: true }).boundingBox());
        await page.mouse.click(edit.x, edit.y);
        await alert.waitFor({ state: 'detached', timeout: 3000 });
        assert.match(await deepActive(page) ?? '', /\(editor\)|textarea/, '"Edit post" returned to the editor');
        assert.ok(await editor.isVisible(), 'the composer is still open');
        assert.deepEqual(await submits(page), []);

        if (layer !== 'z-index') {
          // "Edit post" put the caret in the warning, whose card shows where there is room for it:
          // then Escape first puts the card away, focus and the composer untouched (WCAG 1.4.13), and
          // the page does not get that one.
          const card = page.locator(CARD);
          await page.waitForTimeout(200);
          if (await card.isVisible()) {
            await page.keyboard.press('Escape');
            await card.waitFor({ state: 'hidden', timeout: 3000 });
            assert.ok(await editor.isVisible(), 'the Escape that put the card away left the composer open');
          }
          // The page's own top-layer composer keeps its keyboard: the next Escape in the editor closes it.
          await page.keyboard.press('Escape');
          await editor.waitFor({ state: 'detached', timeout: 3000 });
          await marks(page).first().waitFor({ state: 'detached', timeout: 3000 });
          assert.equal(await page.evaluate(() => document.querySelector('[data-postguard]')?.parentElement === document.documentElement), true,
            'postguard\'s host is back at the document level');
        } else {
          await page.locator(s.submit).click();
          await alert.waitFor({ state: 'visible', timeout: 5000 });
          await alert.getByRole('button', { name: 'Post anyway', exact: true }).click();
          if (s.confirm) await page.locator(s.confirm).click(); // Medium posts from its story preview
          await page.waitForFunction(() => /** @type {any} */ (window).__fixture.submits.length > 0, null, { timeout: 5000 });
          assert.deepEqual(await submits(page), [{ surface: s.recorded, text: RISKY }], 'posted exactly once');
        }
        await page.close();
      });
    }
  }

  it('the page removing its dialog while postguard\'s dialog is open leaves that dialog answering', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto('https://x.com/compose/post?layer=dialog');
    const editor = page.locator(SITES.x.surfaces[0].editor);
    await typeInto(editor, RISKY);
    await marks(page, 'confidentiality').first().waitFor({ state: 'visible', timeout: 5000 });
    await page.locator(SITES.x.surfaces[0].submit).click();
    const alert = dialog(page);
    await alert.waitFor({ state: 'visible', timeout: 5000 });
    // The site's own script takes its dialog away (a timer, a re-render): postguard's host was in it.
    await page.evaluate(() => document.querySelector('dialog.top-layer')?.remove());
    await alert.waitFor({ state: 'visible', timeout: 3000 });
    assert.equal(await alert.evaluate((d) => d.matches(':modal')), true, 'still the modal dialog on top');
    const edit = center(await alert.getByRole('button', { name: 'Edit post', exact: true }).boundingBox());
    await page.mouse.click(edit.x, edit.y);
    await alert.waitFor({ state: 'detached', timeout: 3000 });
    assert.deepEqual(await submits(page), [], 'nothing was posted');
    await page.close();
  });

  it('a compose box the page covers with its own modal shows no marks or badge over the modal', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto('https://x.com/home');
    const inline = page.locator('[data-testid="primaryColumn"] [data-testid="tweetTextarea_0"]');
    await typeInto(inline, RISKY);
    await marks(page, 'confidentiality').first().waitFor({ state: 'visible', timeout: 5000 });
    const [box] = await markBoxes(page, 'confidentiality');
    assert.ok(box);
    await page.click('article [data-testid="reply"]');
    await page.locator('[role="dialog"] [data-testid="tweetTextarea_0"]').waitFor({ state: 'visible' });
    // The reply modal's overlay covers the inline composer: nothing of postguard's is painted there.
    await page.locator('[data-postguard] [data-postguard-mark]').first().waitFor({ state: 'hidden', timeout: 3000 });
    assert.equal(await page.locator(BADGE).isVisible(), false, 'the inline composer\'s badge is not drawn over the modal');
    await page.click('[role="dialog"] [data-testid="app-bar-close"]');
    await marks(page, 'confidentiality').first().waitFor({ state: 'visible', timeout: 3000 });
    assertCovers((await markBoxes(page, 'confidentiality'))[0], await textBox(inline, NUMBER));
    await page.close();
  });
});
