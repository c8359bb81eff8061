// What the social site can read of postguard (issue 20, part 1). postguard's UI sits in an open shadow
// root (DESIGN §2), which the page's own scripts can read, and sites are known to scan pages for
// extensions. With a managed policy naming a Trust, nothing the page can reach — the document, every
// open shadow root, attributes, frame addresses — may carry the Trust's name, contacts, policy address
// or IT's own term lists, in any state a draft goes through: marks and badge, panel, pre-submit dialog.
// The person still sees all of it: the Trust's details live in a frame of the extension's own origin.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, openSite, typeInto, marks, dialog, dialogText, clickBadge, PANEL } from './lib/fixture.mjs';
import { writeManagedPolicy, waitForManagedPolicy } from './lib/managed-policy.mjs';

const TRUST = 'Harbourside NHS Foundation Trust';
const POLICY = {
  trustName: TRUST,
  commsContact: 'Harbourside Communications, comms@harbourside.nhs.uk, ext. 4321',
  speakUpContact: 'Harbourside Freedom to Speak Up Guardian, speakup@harbourside.nhs.uk, ext. 4242',
  policyUrl: 'https://intranet.harbourside.nhs.uk/policies/social-media',
  wardNames: ['Kingfisher Ward'],
  internalTerms: ['Project Lighthouse'],
  staffProcessTerms: ['Panel B'],
  disclaimerText: 'My views, not Harbourside\'s.',
};
/** Strings that would tie the account to the Trust. */
const SECRETS = ['Harbourside', 'harbourside', '4321', '4242', 'Kingfisher', 'Lighthouse', 'Panel B'];
const EDITOR = '[data-testid="primaryColumn"] [data-testid="tweetTextarea_0"]';
const POST = 'button[data-testid="tweetButtonInline"]';

/**
 * Everything the page's own scripts can read: text and attribute values of the document and of every
 * open shadow root inside it, and whether any frame's document is reachable.
 * @param {import('playwright-core').Page} page
 */
function pageReadable(page) {
  return page.evaluate(() => {
    const seen = [];
    let reachableFrames = 0;
    /** @param {Node} root */
    const walk = (root) => {
      const all = root instanceof Document ? root.querySelectorAll('*') : /** @type {ShadowRoot} */ (root).querySelectorAll('*');
      for (const el of all) {
        for (const a of el.attributes) seen.push(`${a.name}=${a.value}`);
        if (el instanceof HTMLIFrameElement && el.contentDocument) reachableFrames += 1;
        if (el.shadowRoot) { seen.push(el.shadowRoot.textContent ?? ''); walk(el.shadowRoot); }
      }
    };
    seen.push(document.documentElement.textContent ?? '');
    walk(document);
    return { text: seen.join('\n'), reachableFrames };
  });
}

describe('the Trust stays unknown to the page', () => {
  /** @type {Awaited<ReturnType<typeof startSuite>>} */
  let suite;
  /** @type {() => void} */
  let removePolicy = () => {};
  before(async () => {
    removePolicy = writeManagedPolicy('postguard-trust-privacy.json', POLICY);
    suite = await startSuite();
    await waitForManagedPolicy(suite.browser.worker, TRUST);
  });
  after(async () => {
    await suite?.close();
    removePolicy();
  });

  /** @param {import('playwright-core').Page} page @param {string} state */
  async function assertNothingOfTheTrust(page, state) {
    const { text, reachableFrames } = await pageReadable(page);
    for (const secret of SECRETS) assert.ok(!text.includes(secret), `${state}: the page can read "${secret}"`);
    assert.equal(reachableFrames, 0, `${state}: no frame of postguard's is readable by the page`);
  }

  it('marks, badge, panel and the pre-submit dialog carry nothing of the Trust; the person sees its name and contacts', async () => {
    const page = await openSite(suite.browser, 'x.com', '/home');
    await typeInto(page.locator(EDITOR), 'Speaking on behalf of the Trust, patient NHS 943 476 5919 seen today');
    await marks(page, 'confidentiality').first().waitFor({ state: 'visible', timeout: 5000 });
    await assertNothingOfTheTrust(page, 'marks and badge');

    await clickBadge(page);
    assert.match(await page.locator(PANEL).innerText(), /NHS number/);
    await assertNothingOfTheTrust(page, 'panel open');
    await page.keyboard.press('Escape');

    await page.locator(POST).click();
    await dialog(page).waitFor({ state: 'visible', timeout: 5000 });
    const shown = await dialogText(page);
    assert.ok(shown.includes(TRUST) && shown.includes(POLICY.commsContact) && shown.includes(POLICY.speakUpContact), `the person reads the Trust's details: ${shown}`);
    const link = page.frameLocator('[data-postguard] iframe.trust-card').getByRole('link', { name: 'Read the policy' });
    assert.equal(await link.getAttribute('href'), POLICY.policyUrl);
    // The speaking-for-the-Trust finding's fix adds IT's own disclaimer, which names the Trust: its
    // label says what it does without quoting it, so the text reaches the page only once the person
    // chooses to put it in their post.
    assert.ok(await dialog(page).getByRole('button', { name: 'Fix: add the personal-views disclaimer' }).count() === 1);
    await assertNothingOfTheTrust(page, 'dialog open');
    await page.close();
  });
});
