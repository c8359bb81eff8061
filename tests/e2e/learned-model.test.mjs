// The learned model as a person meets it (issue 13), on the X fixture with the real built WASM: a
// draft no rule marks but the model reads as risky gets a mark over the sentence, the explanation names
// the words that weighed most, and the submit is paused with the model's finding; "Post anyway" posts
// exactly once. An everyday benign draft gets nothing at all.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, typeInto, submits, waitForSubmits, marks, dialog, textBox } from './lib/fixture.mjs';

const EDITOR = '[data-testid="primaryColumn"] [data-testid="tweetTextarea_0"]';
const POST = 'button[data-testid="tweetButtonInline"]';
// Mockery of a patient in ordinary words: no slur, no insult, no listed phrase.
const MOCKING = 'the lad in the end bay thinks hes the messiah lol. told him to pass the toast jesus';
const BENIGN = 'Lovely team lunch on the ward today';

describe('the learned model in the browser (X fixture)', () => {
  /** @type {Awaited<ReturnType<typeof startSuite>>} */
  let suite;
  before(async () => { suite = await startSuite(); });
  after(async () => { await suite?.close(); });

  it('marks a sentence no rule catches, names the words that weighed most, and pauses the post', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto('https://x.com/home');
    const editor = page.locator(EDITOR);
    await typeInto(editor, MOCKING);
    await marks(page, 'disrepute').first().waitFor({ state: 'visible', timeout: 5000 });

    const box = await textBox(editor, 'messiah');
    assert.ok(box, 'the word is on screen');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const tip = page.locator('[data-postguard] [role="tooltip"]');
    await tip.waitFor({ state: 'visible', timeout: 3000 });
    const explained = await tip.innerText();
    assert.match(explained, /Could reflect badly on you or the Trust/);
    assert.match(explained, /Words that weighed most: “[^”]+”/);
    assert.match(explained, /Policy:/);

    await page.locator(POST).click();
    const held = dialog(page);
    await held.waitFor({ state: 'visible', timeout: 5000 });
    assert.match(await held.innerText(), /Could reflect badly on you or the Trust/);
    assert.deepEqual(await submits(page), [], 'paused, not posted');
    await held.getByRole('button', { name: 'Post anyway', exact: true }).click();
    await held.waitFor({ state: 'detached', timeout: 3000 });
    await waitForSubmits(page);
    assert.deepEqual(await submits(page), [{ surface: 'inline', text: MOCKING }], 'posted exactly once, unchanged');
    await page.close();
  });

  it('leaves an everyday benign draft alone: no mark, and it posts straight away', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto('https://x.com/home');
    const editor = page.locator(EDITOR);
    await typeInto(editor, BENIGN);
    // The submit goes through the gate, which waits for the draft's check: once it has posted, the
    // analysis of this exact text has come back, and it drew nothing.
    await page.locator(POST).click();
    await waitForSubmits(page);
    assert.equal(await dialog(page).count(), 0);
    assert.equal(await marks(page).count(), 0);
    assert.deepEqual(await submits(page), [{ surface: 'inline', text: BENIGN }]);
    await page.close();
  });
});
