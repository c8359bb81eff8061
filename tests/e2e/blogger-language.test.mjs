// Issue 16, item 3, on Blogger: its Publish has no attribute known to survive a translation, so the
// adapter names it by its English label (adapters.js). With Blogger's UI in French the post's body
// still gets marks (the Closure field is found by its attributes, in any language); IT names the
// translated Publish and title through `selectorOverrides.blogger`, and then the click is paused,
// "Edit post" keeps the draft and "Post anyway" publishes exactly once, after the confirmation.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, typeInto, submits, waitForSubmits, marks, dialog } from './lib/fixture.mjs';
import { writeManagedPolicy, waitForManagedPolicy } from './lib/managed-policy.mjs';
import { SITES } from './lib/sites.mjs';
import { localise } from './lib/languages.mjs';
import { openSurface, editorOf, RISKY } from './lib/site-suite.mjs';

const TRUST = 'Blogger Language Test Trust';
const FR = localise(SITES.blogger, 'fr');
const [BODY, TITLE] = FR.surfaces;

describe('Blogger with its UI in French', () => {
  /** @type {Awaited<ReturnType<typeof startSuite>> | undefined} */
  let suite;
  /** @type {(() => void) | undefined} */
  let remove;
  after(async () => { await suite?.close(); remove?.(); });

  it('the body gets marks without anything from IT', async () => {
    suite = await startSuite();
    const page = await openSurface(suite.browser.context, FR.host, BODY);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr', 'the page is in French');
    await typeInto(editorOf(page, BODY), RISKY);
    await marks(page, 'confidentiality').first().waitFor({ state: 'visible', timeout: 5000 });
    await page.close();
    await suite.close();
    suite = undefined;
  });

  for (const s of [BODY, TITLE]) {
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
