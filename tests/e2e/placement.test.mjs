// Where the overlay could be clipped, misplaced or in the way (issue 17, part 3): an editor that
// scrolls inside an open shadow root (LinkedIn's share box), a page zoomed to 200 %, and a
// right-to-left page. In each, the mark stays on its words and is seen, and the badge takes a
// person's click without covering the text.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, typeInto, marks, markBoxes, textBox, assertCovers, screenshot, marksSeen, clickBadge, BADGE, PANEL } from './lib/fixture.mjs';
import { launchWithExtension } from './lib/browser.mjs';
import { RISKY, NUMBER } from './lib/site-suite.mjs';

/** @param {{x: number, y: number, width: number, height: number}} a @param {{x: number, y: number, width: number, height: number}} b */
const intersects = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('the overlay where it could be clipped, misplaced or in the way', () => {
  /** @type {Awaited<ReturnType<typeof startSuite>>} */
  let suite;
  before(async () => { suite = await startSuite(); });
  after(async () => { await suite?.close(); });

  it('an editor scrolling inside an open shadow root: the mark follows its words', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto('https://www.linkedin.com/feed/');
    await page.click('#start-post');
    const editor = page.locator('#interop-outlet .share-creation-state__text-editor .ql-editor');
    await typeInto(editor, RISKY);
    for (let i = 0; i < 14; i++) await editor.press('Enter');
    await editor.pressSequentially('Thanks to the whole team.', { delay: 5 });
    await marks(page, 'confidentiality').first().waitFor({ state: 'visible', timeout: 5000 });
    const [before] = await markBoxes(page, 'confidentiality');
    assert.ok(before && (await marksSeen(page, before)).seen, 'the mark is seen on the number');
    const area = page.locator('#interop-outlet .share-creation-state__text-editor');
    const areaBox = await area.boundingBox();
    assert.ok(areaBox);
    /** @param {number} dy */
    const scroll = async (dy) => {
      // The person scrolls the share box's text area with the wheel, over the box.
      await page.mouse.move(areaBox.x + areaBox.width / 2, areaBox.y + areaBox.height / 2);
      await page.mouse.wheel(0, dy);
      await page.waitForFunction((down) => {
        const el = document.querySelector('#interop-outlet')?.shadowRoot?.querySelector('.share-creation-state__text-editor');
        return el ? (down ? el.scrollTop > 0 : el.scrollTop === 0) : false;
      }, dy > 0);
      await page.waitForTimeout(100); // one frame for the redraw, many times over
    };
    await scroll(2000);
    const numberBox = await textBox(editor, NUMBER);
    assert.ok(numberBox && numberBox.y + numberBox.height <= areaBox.y + 1, 'the number is scrolled out of sight');
    assert.equal((await marksSeen(page, before)).seen, false, 'no mark is left where the number was');
    await scroll(-2000);
    const [box] = await markBoxes(page, 'confidentiality');
    assertCovers(box, await textBox(editor, NUMBER));
    assert.ok(box && (await marksSeen(page, box)).seen, 'the mark is seen on the number again');
    await page.close();
  });

  it('a page zoomed to 200 %: the mark covers its words and is seen, and the badge takes a click', async () => {
    // The browser's zoom at 200 %: twice the device pixels per CSS pixel, half the CSS viewport.
    const zoomed = await launchWithExtension({ port: suite.server.port, viewport: { width: 640, height: 430 }, deviceScaleFactor: 2 });
    try {
      const page = await zoomed.context.newPage();
      await page.goto('https://x.com/compose/post');
      const editor = page.locator('[role="dialog"] [data-testid="tweetTextarea_0"]');
      await typeInto(editor, RISKY);
      await marks(page, 'confidentiality').first().waitFor({ state: 'visible', timeout: 5000 });
      const [box] = await markBoxes(page, 'confidentiality');
      assertCovers(box, await textBox(editor, NUMBER));
      assert.ok(box && (await marksSeen(page, box)).seen, 'the mark is seen');
      await clickBadge(page);
      await page.keyboard.press('Escape');
      await page.locator(PANEL).waitFor({ state: 'detached', timeout: 3000 });
      await screenshot(page, 'x-zoom-200');
    } finally {
      await zoomed.close();
    }
  });

  it('a right-to-left page: the badge sits where lines end, clear of the text, and takes a click', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto('https://x.com/home?dir=rtl');
    const editor = page.locator('[data-testid="primaryColumn"] [data-testid="tweetTextarea_0"]');
    await typeInto(editor, RISKY.replace(' seen today', ''));
    await editor.press('Enter');
    await editor.pressSequentially('seen today', { delay: 5 });
    await marks(page, 'confidentiality').first().waitFor({ state: 'visible', timeout: 5000 });
    const [box] = await markBoxes(page, 'confidentiality');
    assertCovers(box, await textBox(editor, NUMBER));
    assert.ok(box && (await marksSeen(page, box)).seen, 'the mark is seen');
    const badge = await page.locator(BADGE).boundingBox();
    assert.ok(badge);
    for (const words of ['seen today', 'Patient NHS number']) {
      const t = await textBox(editor, words);
      assert.ok(t && !intersects(badge, t), `the badge does not cover "${words}" (${JSON.stringify(badge)} vs ${JSON.stringify(t)})`);
    }
    await clickBadge(page);
    await screenshot(page, 'x-rtl');
    await page.close();
  });
});
