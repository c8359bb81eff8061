// Issue 16: the sites' UI in French, Welsh, Polish and (Blogger) German. Submit controls are found by
// role, structure and stable attributes, not English labels, so on every compose surface of every
// site the gate still pauses a risky draft on click and on every key that sends, "Edit post" keeps the draft, and
// "Post anyway" posts it exactly once.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, typeInto, submits, waitForSubmits, marks, dialog } from './lib/fixture.mjs';
import { SITES } from './lib/sites.mjs';
import { localise } from './lib/languages.mjs';
import { openSurface, editorOf, RISKY, pausedThenPostedOnce } from './lib/site-suite.mjs';

/** Which languages each site is tried in: Instagram's and Facebook's labels were English-only before. */
const RUNS = [
  ['facebook', 'fr'], ['facebook', 'cy'], ['instagram', 'pl'], ['instagram', 'cy'],
  ['x', 'cy'], ['linkedin', 'pl'], ['tiktok', 'fr'],
  // The newer sites: Threads' Post is found by its place; the others by testids, icons and slots.
  ['youtube', 'pl'], ['whatsapp', 'cy'], ['reddit', 'fr'], ['threads', 'fr'], ['threads', 'cy'], ['bluesky', 'pl'], ['medium', 'cy'],
  // WordPress: the editor is in the canvas frame; Publish is found by its class names.
  ['wordpress', 'fr'],
  // Messenger on messenger.com: the message box by role in the conversation pane, send by its place.
  // Medium's responses run in Welsh above with its stories ('medium', 'cy') and here in Polish.
  ['messenger', 'fr'], ['messenger', 'pl'], ['medium', 'pl'],
  // Blogger: the title by its place above the editor's frame, Publish as the last control of the
  // title's bar (then its confirmation); more in blogger-language.test.mjs (Update, IT's overrides).
  ['blogger', 'fr'], ['blogger', 'de'],
];

describe('site UI in another language', () => {
  /** @type {Awaited<ReturnType<typeof startSuite>>} */
  let suite;
  before(async () => { suite = await startSuite(); });
  after(async () => { await suite?.close(); });

  for (const [id, lang] of RUNS) {
    const site = localise(SITES[id], lang);
    for (const s of site.surfaces) {
      it(`${id} (${lang}) ${s.name}: click paused, Edit post keeps the draft, Post anyway posts once`, async () => {
        const page = await openSurface(suite.browser.context, site.host, s);
        assert.equal(await page.evaluate(() => document.documentElement.lang), lang, 'the page is in the other language');
        await pausedThenPostedOnce(page, s);
        await page.close();
      });

      for (const [where, key] of [...s.keys.map((k) => ['editor', k]), ...(s.controlKeys ?? []).map((k) => ['control', k])]) {
        it(`${id} (${lang}) ${s.name}: ${key === ' ' ? 'Space' : key} on the ${where} is paused, Post anyway posts once`, async () => {
          const page = await openSurface(suite.browser.context, site.host, s);
          const editor = editorOf(page, s);
          await typeInto(editor, RISKY);
          await marks(page, 'confidentiality').first().waitFor({ state: 'visible', timeout: 5000 });
          if (where === 'editor') await editor.press(key);
          else { await page.locator(s.submit).focus(); await page.keyboard.press(key); }
          const alert = dialog(page);
          await alert.waitFor({ state: 'visible', timeout: 5000 });
          assert.deepEqual(await submits(page), [], `${key} did not post`);
          await alert.getByRole('button', { name: 'Post anyway', exact: true }).click();
          if (s.confirm) await page.locator(s.confirm).click();
          await waitForSubmits(page);
          assert.deepEqual(await submits(page), [{ surface: s.recorded, text: RISKY }]);
          await page.close();
        });
      }
    }
  }
});
