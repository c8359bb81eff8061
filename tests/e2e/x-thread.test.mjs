// X threads: "Add post" adds items (tweetTextarea_1, _2 …) to one composer, and "Post all" or
// Ctrl+Enter in any item sends all of them. Each item is checked and marked, and a risk in any item
// pauses the whole thread, whichever item the person sends it from.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, typeInto, submits, marks, markBoxes, dialog, textBox, assertCovers } from './lib/fixture.mjs';

const ITEM = (/** @type {number} */ i) => `[role="dialog"] [data-testid="tweetTextarea_${i}"]`;
const POST_ALL = '[role="dialog"] button[data-testid="tweetButton"]';
const FIRST = 'Lovely team lunch on the ward today';
const RISKY = 'Patient NHS number 943 476 5919 seen today';

describe('X thread items', () => {
  /** @type {Awaited<ReturnType<typeof startSuite>>} */
  let suite;
  before(async () => { suite = await startSuite(); });
  after(async () => { await suite?.close(); });

  /** A two-item thread: a clean first post and a risky second one, the second marked. */
  async function thread() {
    const page = await suite.browser.context.newPage();
    await page.goto('https://x.com/compose/post');
    await typeInto(page.locator(ITEM(0)), FIRST);
    await page.locator('[role="dialog"] [data-testid="addButton"]').click();
    await typeInto(page.locator(ITEM(1)), RISKY);
    await marks(page, 'confidentiality').first().waitFor({ state: 'visible', timeout: 5000 });
    return page;
  }

  it('marks the risk in the item that holds it', async () => {
    const page = await thread();
    assert.equal(await page.locator(POST_ALL).innerText(), 'Post all');
    const boxes = await markBoxes(page, 'confidentiality');
    assert.equal(boxes.length, 1);
    assertCovers(boxes[0], await textBox(page.locator(ITEM(1)), '943 476 5919'));
    await page.close();
  });

  it('"Post all" is paused, and "Post anyway" sends every item in order', async () => {
    const page = await thread();
    await page.locator(POST_ALL).click();
    const alert = dialog(page);
    await alert.waitFor({ state: 'visible', timeout: 5000 });
    assert.deepEqual(await submits(page), []);
    await alert.getByRole('button', { name: 'Post anyway', exact: true }).click();
    await page.waitForFunction(() => /** @type {any} */ (window).__fixture.submits.length === 2, null, { timeout: 5000 });
    assert.deepEqual(await submits(page), [{ surface: 'modal', text: FIRST }, { surface: 'modal-1', text: RISKY }]);
    await page.close();
  });

  it('Ctrl+Enter in the clean first item is paused too: it sends the whole thread', async () => {
    const page = await thread();
    await page.locator(ITEM(0)).click();
    await page.keyboard.press('Control+Enter');
    const alert = dialog(page);
    await alert.waitFor({ state: 'visible', timeout: 5000 });
    await alert.getByRole('button', { name: 'Edit post', exact: true }).click();
    await alert.waitFor({ state: 'detached', timeout: 3000 });
    await page.waitForTimeout(200);
    assert.deepEqual(await submits(page), [], 'nothing was posted');
    // "Edit post" returns to the item that needs editing.
    assert.ok(await page.locator(ITEM(1)).evaluate((el) => el === document.activeElement), 'focus is in the risky item');
    await page.close();
  });
});
