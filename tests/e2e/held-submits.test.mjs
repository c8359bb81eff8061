// Races around a held submit (issue 17, part 3), with a worker whose answers the test releases:
// the page moving on while a check is pending sends nothing later; a submit from another compose
// box while one is held waits its turn and is neither lost nor sent unchecked; and two editors
// submitted together (an X thread) are answered by one dialog.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, typeInto, submits, waitForSubmits, dialog, marks } from './lib/fixture.mjs';
import { startSlowWorker } from './lib/slow-worker.mjs';
import { RISKY, BENIGN } from './lib/site-suite.mjs';

const CHECKING = '[data-postguard] .badge[data-state="checking"]';


describe('a held submit while the page moves on', () => {
  /** @type {Awaited<ReturnType<typeof startSlowWorker>>} */
  let slow;
  before(async () => { slow = await startSlowWorker(); });
  after(async () => { await slow?.close(); });

  it('the compose box going away (in-app navigation) while its check is pending sends nothing, then or later', async () => {
    const page = await slow.browser.context.newPage();
    await page.goto('https://x.com/home');
    await typeInto(page.locator('[data-testid="primaryColumn"] [data-testid="tweetTextarea_0"]'), BENIGN);
    await page.locator('button[data-testid="tweetButtonInline"]').click();
    await page.locator(CHECKING).waitFor({ state: 'visible', timeout: 5000 });
    // The person goes to their messages before the check answers: the composer is gone.
    await page.click('[data-testid="AppTabBar_DirectMessage_Link"]');
    await page.locator('textarea[data-testid="dm-composer-textarea"]').waitFor();
    const before = await slow.served();
    await slow.release();
    assert.ok(await slow.served() > before, 'the pending checks were answered');
    await page.waitForTimeout(500); // a late post would land within this
    assert.deepEqual(await submits(page), [], 'nothing was posted from a composer that is gone');
    assert.equal(await dialog(page).count(), 0, 'no dialog about it');
    // The gate is free: a message is checked and sent at once, exactly once.
    const dm = page.locator('textarea[data-testid="dm-composer-textarea"]');
    await typeInto(dm, BENIGN);
    await dm.press('Enter');
    await waitForSubmits(page, 1, 10_000);
    assert.deepEqual(await submits(page), [{ surface: 'dm', text: BENIGN }]);
    await page.close();
  });
});

describe('a held submit and another compose box', () => {
  /** @type {Awaited<ReturnType<typeof startSlowWorker>>} */
  let slow;
  before(async () => { slow = await startSlowWorker(); });
  after(async () => { await slow?.close(); });

  it('a second compose box sent while the first is held waits its turn: both are posted, once each', async () => {
    const page = await slow.browser.context.newPage();
    await page.goto('https://www.instagram.com/');
    const comment = page.locator('form textarea[aria-label="Add a comment…"]');
    const message = page.locator('[aria-label="Message"][contenteditable="true"]');
    await typeInto(comment, BENIGN);
    await comment.press('Enter');
    await page.locator(CHECKING).first().waitFor({ state: 'visible', timeout: 5000 });
    await typeInto(message, 'See you at handover');
    await message.press('Enter');
    await page.locator(CHECKING).nth(1).waitFor({ state: 'visible', timeout: 5000 });
    assert.deepEqual(await submits(page), [], 'both held while they are checked');
    assert.equal(await message.innerText(), 'See you at handover', 'the second draft is kept');
    await slow.release();
    await waitForSubmits(page, 2, 10_000);
    assert.deepEqual(await submits(page), [{ surface: 'comment', text: BENIGN }, { surface: 'dm', text: 'See you at handover' }], 'each posted exactly once, in order');
    await page.close();
  });
});

describe('two editors submitted together', () => {
  /** @type {Awaited<ReturnType<typeof startSuite>>} */
  let suite;
  before(async () => { suite = await startSuite(); });
  after(async () => { await suite?.close(); });

  it('an X thread with a risk in each item: one dialog lists both, and "Post anyway" sends every item once', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto('https://x.com/compose/post');
    const second = 'Mrs Patel in bay 4 has NHS number 943 476 5919';
    await typeInto(page.locator('[role="dialog"] [data-testid="tweetTextarea_0"]'), RISKY);
    await page.locator('[role="dialog"] [data-testid="addButton"]').click();
    await typeInto(page.locator('[role="dialog"] [data-testid="tweetTextarea_1"]'), second);
    await marks(page, 'confidentiality').nth(1).waitFor({ state: 'visible', timeout: 5000 });
    await page.locator('[role="dialog"] button[data-testid="tweetButton"]').click();
    const alert = dialog(page);
    await alert.waitFor({ state: 'visible', timeout: 5000 });
    const listed = await alert.locator('li q').allInnerTexts();
    assert.equal(listed.filter((q) => q === '943 476 5919').length, 2, `both items' numbers are listed (${JSON.stringify(listed)})`);
    await alert.getByRole('button', { name: 'Post anyway', exact: true }).click();
    await waitForSubmits(page, 2, 10_000);
    assert.equal(await dialog(page).count(), 0, 'no second dialog');
    assert.deepEqual(await submits(page), [{ surface: 'modal', text: RISKY }, { surface: 'modal-1', text: second }], 'every item posted exactly once');
    await page.close();
  });
});
