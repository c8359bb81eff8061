// Issue 16, item 3, on Blogger: with its UI in French or German and nothing from IT, the title is
// found by its place (the text input above the editor's frame) and Publish/Update by its place (the
// last control of the title's bar; adapters.js says why and how sure). ui-language.test.mjs runs the
// click and key paths on the body and the title in both languages; here: a benign draft goes straight
// to Blogger's confirmation; a post already live is republished by "Update", paused and then sent
// exactly once; the settings panel's controls beside the column are never taken for Publish; and IT's
// translated selectors (`selectorOverrides.blogger`) still work in front of the table's.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, typeInto, submits, waitForSubmits, marks, dialog, editorsUntouched, foreignMutations } from './lib/fixture.mjs';
import { writeManagedPolicy, waitForManagedPolicy } from './lib/managed-policy.mjs';
import { SITES } from './lib/sites.mjs';
import { localise, LABELS } from './lib/languages.mjs';
import { openSurface, editorOf, RISKY, BENIGN, pausedThenPostedOnce } from './lib/site-suite.mjs';

const TRUST = 'Blogger Language Test Trust';
const FR = localise(SITES.blogger, 'fr');
const DE = localise(SITES.blogger, 'de');

/** A surface of the localised site on a post already live (`?live=1`): its control is "Update". @param {any} s @param {string} lang */
function livePost(s, lang) {
  return { ...s, path: `${s.path}&live=1`, submit: `[role="button"][aria-label="${LABELS[lang].Update}"]`, confirm: undefined };
}

describe('Blogger with its UI in another language, nothing from IT', () => {
  /** @type {Awaited<ReturnType<typeof startSuite>> | undefined} */
  let suite;
  after(async () => { await suite?.close(); });

  for (const site of [FR, DE]) {
    const lang = site === FR ? 'fr' : 'de';
    for (const s of site.surfaces) {
      it(`${lang} ${s.name}: a benign draft goes straight to Blogger's confirmation and is published once, untouched`, async () => {
        suite ??= await startSuite();
        const page = await openSurface(suite.browser.context, site.host, s);
        assert.equal(await page.evaluate(() => document.documentElement.lang), lang, 'the page is in the other language');
        const editor = editorOf(page, s);
        await typeInto(editor, BENIGN);
        await page.locator(s.submit).click();
        await page.locator(/** @type {string} */ (s.confirm)).click();
        await waitForSubmits(page);
        assert.equal(await dialog(page).count(), 0, 'no pause');
        assert.deepEqual(await submits(page), [{ surface: 'post', text: BENIGN }]);
        assert.deepEqual(await foreignMutations(page), [], 'no DOM change inside the editor but the page\'s own renders');
        assert.ok((await editorsUntouched(page)).every(Boolean), 'the editor\'s DOM is exactly what the page last rendered');
        await page.close();
      });
    }
  }

  for (const site of [DE, FR]) {
    const lang = site === FR ? 'fr' : 'de';
    const s = livePost(site.surfaces[0], lang);
    it(`${lang} a live post's body: "${LABELS[lang].Update}" is paused, Edit post keeps the draft, Post anyway republishes once`, async () => {
      suite ??= await startSuite();
      const page = await openSurface(suite.browser.context, site.host, s);
      await pausedThenPostedOnce(page, s);
      await page.close();
    });
  }

  it('de: the top bar drawn again while the pause is open: Post anyway presses the new Publish, once', async () => {
    suite ??= await startSuite();
    const [body] = DE.surfaces;
    const page = await openSurface(suite.browser.context, DE.host, body);
    await typeInto(editorOf(page, body), RISKY);
    await marks(page, 'confidentiality').first().waitFor({ state: 'visible', timeout: 5000 });
    const old = await page.locator(body.submit).elementHandle();
    await page.locator(body.submit).click();
    const alert = dialog(page);
    await alert.waitFor({ state: 'visible', timeout: 5000 });
    await page.evaluate(() => /** @type {any} */ (window).__bloggerServerReply());
    assert.equal(await old?.evaluate((el) => el.isConnected), false, 'the Publish pressed is gone');
    await alert.getByRole('button', { name: 'Post anyway', exact: true }).click();
    await page.locator(/** @type {string} */ (body.confirm)).click();
    await waitForSubmits(page);
    assert.deepEqual(await submits(page), [{ surface: 'post', text: RISKY }]);
    await page.close();
  });

  it('de: the settings panel beside the column is not the top bar: its controls are never taken for Publish', async () => {
    suite ??= await startSuite();
    const [body] = DE.surfaces;
    const page = await openSurface(suite.browser.context, DE.host, body);
    await typeInto(editorOf(page, body), RISKY);
    await marks(page, 'confidentiality').first().waitFor({ state: 'visible', timeout: 5000 });
    const others = ['Labels', 'Permalink', 'Location', 'Back', 'Save', 'Preview'];
    for (const name of others) await page.locator(`[role="button"][aria-label="${LABELS.de[name]}"]`).click();
    // Each reached the page (a paused click never does), and no pause came of them.
    assert.deepEqual(await page.evaluate(() => /** @type {any} */ (window).__bloggerPressed), others);
    assert.equal(await dialog(page).count(), 0, 'no pause');
    // Publish, the last of the bar, is the one paused.
    await page.locator(body.submit).click();
    await dialog(page).waitFor({ state: 'visible', timeout: 5000 });
    assert.deepEqual(await submits(page), []);
    await page.close();
  });
});

describe('Blogger in French with IT\'s translated selectors', () => {
  /** @type {Awaited<ReturnType<typeof startSuite>> | undefined} */
  let suite;
  /** @type {(() => void) | undefined} */
  let remove;
  after(async () => { await suite?.close(); remove?.(); });

  for (const s of FR.surfaces) {
    it(`${s.name}: with IT's translated selectors, Publier is paused, Edit post keeps the draft, Post anyway publishes once`, async () => {
      if (!suite) {
        remove = writeManagedPolicy('postguard-e2e-blogger-language.json', {
          trustName: TRUST,
          selectorOverrides: {
            blogger: { editors: ['body[g_editable="true"]', 'input[aria-label="Titre"]'], submits: ['[role="button"][aria-label="Publier"]'], ctrlEnterSends: false },
          },
        });
        suite = await startSuite();
        await waitForManagedPolicy(suite.browser.worker, TRUST);
      }
      const page = await openSurface(suite.browser.context, FR.host, s);
      const editor = editorOf(page, s);
      await typeInto(editor, RISKY);
      await marks(page, 'confidentiality').first().waitFor({ state: 'visible', timeout: 5000 });
      assert.equal(s.submit, '[role="button"][aria-label="Publier"]', 'the control is the translated Publish');
      await page.locator(s.submit).click();
      const alert = dialog(page);
      await alert.waitFor({ state: 'visible', timeout: 5000 });
      assert.deepEqual(await submits(page), [], 'the click did not publish');
      assert.equal(await page.locator('[role="dialog"][aria-label="Publier l\'article ?"]').count(), 0, 'Blogger\'s confirmation did not open');
      await alert.getByRole('button', { name: 'Edit post', exact: true }).click();
      await alert.waitFor({ state: 'hidden', timeout: 5000 });
      await page.locator(s.submit).click();
      await alert.waitFor({ state: 'visible', timeout: 5000 });
      await alert.getByRole('button', { name: 'Post anyway', exact: true }).click();
      await page.locator(/** @type {string} */ (s.confirm)).click();
      await waitForSubmits(page);
      assert.deepEqual(await submits(page), [{ surface: 'post', text: RISKY }]);
      await page.close();
    });
  }
});
