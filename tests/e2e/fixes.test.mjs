// One-click fixes, applied through each editor's own input path (issue 15), on every kind of editor
// the fixtures reproduce: Draft.js (X), Lexical (Facebook post and comment), Quill in an open shadow
// root (LinkedIn share), TipTap (LinkedIn comment), a React-controlled textarea (Instagram comment),
// TikTok's comment box, a plain textarea (X messages) and the generic fallback (a form no adapter
// names). For each: a fix from the badge's panel leaves the page's model equal to its DOM with the
// rest of the draft and the caret in place and no foreign node, the site's own undo takes it back,
// and from the pre-submit dialog "Fix" (one finding) and "Fix and post" (all) lead to a post of
// exactly the fixed text, sent once.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, typeInto, submits, waitForSubmits, dialog, clickBadge, PANEL, foreignMutations, editorsUntouched } from './lib/fixture.mjs';

/**
 * @typedef {object} Surface
 * @property {string} name
 * @property {string} host
 * @property {string} path
 * @property {(page: import('playwright-core').Page) => Promise<void>} [open]
 * @property {string} editor
 * @property {(page: import('playwright-core').Page) => Promise<void>} send   a person's submit
 * @property {string} recorded
 */

/** @type {Surface[]} */
const SURFACES = [
  { name: 'X post (Draft.js)', host: 'x.com', path: '/home', editor: '[data-testid="primaryColumn"] [data-testid="tweetTextarea_0"]', send: (p) => p.click('button[data-testid="tweetButtonInline"]'), recorded: 'inline' },
  { name: 'X message (textarea)', host: 'x.com', path: '/messages', editor: 'textarea[data-testid="dm-composer-textarea"]', send: (p) => p.keyboard.press('Enter'), recorded: 'dm' },
  {
    name: 'Facebook post (Lexical, in a dialog)', host: 'www.facebook.com', path: '/', open: (p) => p.click('#open-composer'),
    editor: '[role="dialog"] [data-lexical-editor="true"]', send: (p) => p.click('[role="dialog"] [role="button"][aria-label="Post"]'), recorded: 'post',
  },
  { name: 'Facebook comment (Lexical)', host: 'www.facebook.com', path: '/', editor: 'form[role="presentation"] [contenteditable="true"]', send: (p) => p.keyboard.press('Enter'), recorded: 'comment' },
  {
    name: 'LinkedIn share (Quill in a shadow root)', host: 'www.linkedin.com', path: '/feed/', open: (p) => p.click('#start-post'),
    editor: '#interop-outlet .share-creation-state__text-editor .ql-editor', send: (p) => p.click('#interop-outlet button.share-actions__primary-action'), recorded: 'share',
  },
  { name: 'LinkedIn comment (TipTap)', host: 'www.linkedin.com', path: '/feed/', editor: '[data-view-name="comment-box"] .ProseMirror', send: (p) => p.click('button[data-view-name="comment-post"]'), recorded: 'comment-tiptap' },
  { name: 'Instagram comment (React-controlled textarea)', host: 'www.instagram.com', path: '/', editor: 'form textarea[aria-label="Add a comment…"]', send: (p) => p.keyboard.press('Enter'), recorded: 'comment' },
  { name: 'TikTok comment', host: 'www.tiktok.com', path: '/@nhsexample/video/1', editor: '[data-e2e="comment-input"] [contenteditable="true"]', send: (p) => p.keyboard.press('Enter'), recorded: 'comment' },
  {
    name: 'generic fallback (a form no adapter names)', host: 'www.facebook.com', path: '/', open: (p) => p.click('#ask-recommendations'),
    editor: '[role="dialog"][aria-label="Ask for recommendations"] textarea', send: (p) => p.click('[role="dialog"][aria-label="Ask for recommendations"] button[type="submit"]'), recorded: 'fallback',
  },
];

const FIRST = 'Looked after Mr Ahmed Khan today, NHS 943 476 5919. What a twat of a shift';
const MASKED = 'Looked after Mr Ahmed Khan today, NHS ••• ••• ••••. What a twat of a shift';
const FIRST_FIXED = 'Looked after a patient today, NHS ••• ••• ••••. What a of a shift';
const SECOND = 'The lady in bay 4 bed 2 kept us busy. Speaking on behalf of the Trust, we are proud of our nurses';
const SECOND_FIXED = "The lady kept us busy. Speaking on behalf of the Trust, we are proud of our nurses. Views my own, not my employer's.";
const THIRD = 'My password is Hunter2 for the rota. Dr Smith is a fraud who falsifies patient notes. Management ignore unsafe staffing on our ward and nobody listens';
const THIRD_FIXED = 'My password is ••••••• for the rota. A colleague is a fraud who falsifies patient notes. If you are worried about care or safety at work, Freedom to Speak Up is there to help you raise it safely.';

/**
 * The page's own model of the draft, the text its DOM shows, and the caret (model offset), read in
 * the page: a model-driven editor or controlled textarea registers its model with the fixture kit;
 * a plain textarea's model is its value.
 * @param {import('playwright-core').Locator} editor
 */
function editorState(editor) {
  return editor.evaluate((el) => {
    const api = /** @type {any} */ (window).__fixture.editors.get(el);
    if (api) return { model: api.text, dom: api.domText(), caret: api.caret() };
    const field = /** @type {HTMLTextAreaElement} */ (el);
    return { model: field.value, dom: field.value, caret: document.activeElement === field ? field.selectionEnd : -1 };
  });
}

/** Waits until the editor's model holds `text`. */
async function waitForModel(editor, text, timeout = 4000) {
  const deadline = Date.now() + timeout;
  let state = await editorState(editor);
  while (state.model !== text && Date.now() < deadline) {
    await editor.page().waitForTimeout(50);
    state = await editorState(editor);
  }
  assert.equal(state.model, text, 'the page\'s model holds the expected draft');
  return state;
}

/** @param {import('playwright-core').Page} page */
async function assertNothingForeign(page) {
  assert.deepEqual(await foreignMutations(page), [], 'no DOM change inside any editor but the page\'s own renders');
  assert.ok((await editorsUntouched(page)).every(Boolean), 'each editor\'s DOM is what the page last rendered');
}

describe('one-click fixes through each editor\'s own input path', () => {
  /** @type {Awaited<ReturnType<typeof startSuite>>} */
  let suite;
  before(async () => { suite = await startSuite(); });
  after(async () => { await suite?.close(); });

  /** @param {Surface} s */
  async function open(s) {
    const page = await suite.browser.context.newPage();
    await page.goto(`https://${s.host}${s.path}`, { waitUntil: 'load' });
    if (s.open) await s.open(page);
    const editor = page.locator(s.editor);
    await editor.waitFor();
    return { page, editor };
  }

  /**
   * Opens the surface, types `draft`, and submits it once `rule`'s mark shows: the dialog it pauses on.
   * @param {Surface} s @param {string} draft @param {string} rule
   */
  async function paused(s, draft, rule) {
    const { page, editor } = await open(s);
    await typeInto(editor, draft);
    await page.locator(`[data-postguard] [data-postguard-mark][data-rule="${rule}"]`).first().waitFor({ state: 'attached' });
    await s.send(page);
    const d = dialog(page);
    await d.waitFor();
    return { page, editor, d };
  }

  for (const s of SURFACES) {
    describe(s.name, () => {
      it('a fix from the panel edits the draft as the user would, keeps the model in step, and undo takes it back', async () => {
        const { page, editor } = await open(s);
        await typeInto(editor, FIRST);
        await page.locator('[data-postguard] [data-postguard-mark][data-rule="nhs-number"]').first().waitFor({ state: 'attached' });
        await clickBadge(page);
        const item = page.locator(`${PANEL} [data-postguard-finding][data-rule="nhs-number"]`);
        assert.equal(await item.getAttribute('data-category'), 'confidentiality');
        assert.equal(await item.getAttribute('data-source'), 'text');
        const fix = item.getByRole('button', { name: /^Fix/ });
        assert.equal(await fix.textContent(), 'Fix: hide the NHS number');
        await fix.click();
        const after = await waitForModel(editor, MASKED);
        assert.equal(after.dom, after.model, 'the DOM shows exactly the model');
        assert.equal(after.caret, MASKED.indexOf('•') + '••• ••• ••••'.length, 'the caret sits just after the fixed words');
        await assertNothingForeign(page);
        // The finding is gone from the marks once re-analysed; the others stay.
        await page.locator('[data-postguard] [data-postguard-mark][data-rule="nhs-number"]').waitFor({ state: 'detached' });
        assert.ok(await page.locator('[data-postguard] [data-postguard-mark][data-rule="abuse-insult"]').count() > 0);

        await editor.focus();
        await page.keyboard.press('Control+z');
        const undone = await waitForModel(editor, FIRST);
        assert.equal(undone.dom, FIRST, 'undo restores the draft in the DOM too');
        await assertNothingForeign(page);
        assert.deepEqual(await submits(page), [], 'nothing was posted');
        await page.close();
      });

      it('"Fix and post" in the dialog fixes every finding and posts exactly the fixed text once', async () => {
        const { page, d } = await paused(s, FIRST, 'abuse-insult');
        const items = d.locator('[data-postguard-finding]');
        assert.deepEqual(await items.evaluateAll((l) => l.map((e) => e.getAttribute('data-rule'))), ['patient-name', 'nhs-number', 'abuse-insult']);
        for (const i of await items.all()) assert.equal(await i.getByRole('button', { name: /^Fix/ }).count(), 1, 'each finding offers its fix');
        await d.getByRole('button', { name: 'Fix all 3 and post' }).click();
        await waitForSubmits(page);
        assert.deepEqual(await submits(page), [{ surface: s.recorded, text: FIRST_FIXED }]);
        await assertNothingForeign(page);
        await page.close();
      });

      it('"Fix" on one finding in the dialog asks again about the rest; fixed, the post goes through with no dialog', async () => {
        const { page, editor, d } = await paused(s, SECOND, 'trust-voice');
        await d.locator('[data-postguard-finding][data-rule="trust-voice"]').getByRole('button', { name: /^Fix: add/ }).click();
        await d.locator('[data-postguard-finding][data-rule="trust-voice"]').waitFor({ state: 'detached' });
        assert.equal(await d.locator('[data-postguard-finding]').count(), 1, 'the dialog asks again about what is left');
        await d.locator('[data-postguard-finding][data-rule="patient-location"]').getByRole('button', { name: 'Fix: remove the ward, bay or bed' }).click();
        await d.waitFor({ state: 'detached' });
        await waitForModel(editor, SECOND_FIXED);
        assert.deepEqual(await submits(page), [], 'a fix alone never posts');
        await editor.focus();
        await s.send(page);
        await waitForSubmits(page);
        assert.deepEqual(await submits(page), [{ surface: s.recorded, text: SECOND_FIXED }], 'posted at once, unchanged, with no dialog');
        assert.equal(await dialog(page).count(), 0);
        await assertNothingForeign(page);
        await page.close();
      });
    });
  }

  it('passwords, claims about named colleagues and public concerns are fixed too (X, Draft.js)', async () => {
    const { page, d } = await paused(SURFACES[0], THIRD, 'whistleblowing');
    await d.getByRole('button', { name: /^Fix all \d+ and post$/ }).click();
    await waitForSubmits(page);
    assert.deepEqual(await submits(page), [{ surface: 'inline', text: THIRD_FIXED }]);
    await page.close();
  });

});
