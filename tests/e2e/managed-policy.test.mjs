// Enterprise rollout (issue 6): Chromium started with a managed policy file, exactly as a Trust's IT
// deploys one on Linux (/etc/chromium/policies/managed/*.json, `3rdparty.extensions.<id>`), proves
// that a Trust-specific ward name becomes a confidentiality finding (the ward names IT lists are places
// of care to the person-in-context detector: "Mrs Green on Kingfisher" names a patient on a ward only
// because IT said Kingfisher is one), that `block` removes "Post anyway",
// that the dialog shows the Trust's configured contact, and that an invalid value is reported (worker
// console and options page) while the rest of the policy still applies.
//
// Writing the policy file needs root (CI and this test run as root); the file is removed afterwards.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { manifestExtensionId } from './lib/browser.mjs';
import { startSuite, openSite, typeInto, submits, marks, dialog, dialogText, screenshot, assertOnlyHosts } from './lib/fixture.mjs';

const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, 'postguard-e2e-managed-policy.json');

const EDITOR = '[role="dialog"] [data-testid="tweetTextarea_0"]';
const POST = 'button[data-testid="tweetButton"]';

const TRUST = 'Harbourside NHS Foundation Trust';
const COMMS = 'Harbourside Communications, comms@harbourside.nhs.uk, ext. 4321';
const WARD = 'Kingfisher';

/**
 * What IT sets. Two values are wrong in ways Chrome's schema check cannot see (both are strings), and
 * two CSS selectors no browser can parse, which only the options page can find (the core checks their
 * size; the page skips them).
 */
const POLICY = Object.freeze({
  trustName: TRUST,
  trustProfile: 'thh',
  commsContact: COMMS,
  speakUpContact: 'Harbourside Freedom to Speak Up Guardian, ext. 4242',
  policyUrl: 'https://intranet.harbourside.nhs.uk/policies/social-media',
  wardNames: [WARD, 'Heron Unit'],
  ruleActions: { 'patient-name': 'block', 'nhs-number': 'blok' },
  hospitalNumberPatterns: ['HB(\\d{6}', 'HB\\d{7}'],
  allowPause: false,
  // These tests are about the rules' ward list; the learned model would also (rightly) mark "Mrs Green
  // … such a character today" as possibly identifying. Its own behaviour is tested in
  // learned-model.test.mjs; here IT turns it off for confidentiality, through managed storage.
  modelActions: { confidentiality: 'off' },
  selectorOverrides: { medium: { submits: ['button[[data-action'] } },
  extraSites: [{ address: 'https://social.example.nhs.uk/', adapter: 'mastodon', editors: ['textarea[[name'] }],
});

/**
 * Waits until the managed policy has reached the worker and the worker has validated it.
 * @param {import('playwright-core').Worker} worker
 * @returns {Promise<Array<{setting: string, problem: string, source: string}>>}
 */
async function workerIssues(worker) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const got = await worker.evaluate(async () => {
      const managed = await chrome.storage.managed.get(null);
      return { trustName: managed.trustName, issues: /** @type {any} */ (globalThis).postguardPolicyIssues };
    });
    if (got.trustName === TRUST && Array.isArray(got.issues) && got.issues.length > 0) return got.issues;
    if (Date.now() > deadline) throw new Error(`managed policy did not reach the worker: ${JSON.stringify(got)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('managed policy from /etc/chromium/policies/managed', () => {
  /** @type {Awaited<ReturnType<typeof startSuite>>} */
  let suite;
  /** @type {string} */
  let id;

  before(async () => {
    assert.equal(process.getuid?.(), 0, 'this test writes Chromium\'s managed policy directory and must run as root');
    id = manifestExtensionId();
    mkdirSync(POLICY_DIR, { recursive: true });
    writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [id]: POLICY } } }, null, 2));
    suite = await startSuite();
  });

  after(async () => {
    await suite?.close();
    rmSync(POLICY_FILE, { force: true });
  });

  it('loads under the ID the manifest key fixes, with the policy in managed storage', async () => {
    assert.equal(suite.browser.extensionId, id);
    await workerIssues(suite.browser.worker);
  });

  it('reports each invalid value in the worker console, naming the setting, and applies the rest', async () => {
    const issues = await workerIssues(suite.browser.worker);
    assert.deepEqual(issues.map((i) => i.setting).sort(), ['hospitalNumberPatterns[0]', 'ruleActions.nhs-number']);
    assert.ok(issues.every((i) => i.source === 'managed'));
    assert.match(issues.find((i) => i.setting === 'ruleActions.nhs-number')?.problem ?? '', /"blok" is not an action/);
  });

  it('turns the Trust\'s ward name into a confidentiality mark, and `block` leaves no "Post anyway"', async () => {
    await workerIssues(suite.browser.worker);
    const page = await openSite(suite.browser, 'x.com', '/compose/post');
    const editor = page.locator(EDITOR);
    // The same sentence at a place IT did not list: no mark.
    await typeInto(editor, 'Mrs Green on Puffin was such a character today');
    await page.waitForTimeout(800); // debounce + worker round trip, many times over
    assert.equal(await marks(page).count(), 0, 'an unlisted place name is not a ward');
    await page.reload({ waitUntil: 'load' });

    const draft = `Mrs Green on ${WARD} was such a character today`;
    await typeInto(page.locator(EDITOR), draft);
    await marks(page, 'confidentiality').first().waitFor({ state: 'visible', timeout: 5000 });
    assert.equal(await marks(page, 'confidentiality').count(), 1, 'one mark: a named person on a Trust ward');

    await page.locator(POST).click();
    const alert = dialog(page);
    await alert.waitFor({ state: 'visible', timeout: 5000 });
    await screenshot(page, 'managed-policy-dialog');
    const text = await dialogText(page);
    assert.ok(text.includes(TRUST), `dialog names the Trust: ${text}`);
    assert.ok(text.includes(COMMS), `dialog shows the Trust's comms contact: ${text}`);
    assert.equal(await alert.getByRole('button', { name: 'Edit post', exact: true }).count(), 1);
    assert.equal(await alert.getByRole('button', { name: 'Post anyway', exact: true }).count(), 0, 'blocked: no "Post anyway"');
    await alert.getByRole('button', { name: 'Edit post', exact: true }).click();
    await page.waitForTimeout(300);
    assert.deepEqual(await submits(page), [], 'nothing was posted');
    await page.close();
  });

  it('offers no pause where IT does not allow it, and the worker refuses one', async () => {
    await workerIssues(suite.browser.worker);
    const page = await openSite(suite.browser, 'x.com', '/compose/post');
    await typeInto(page.locator(EDITOR), 'Patient NHS number 943 476 5919 seen today');
    await marks(page, 'confidentiality').first().waitFor({ state: 'visible', timeout: 5000 });
    await page.locator('[data-postguard] button.badge:not([hidden])').click();
    const panel = page.locator('[data-postguard] [role="dialog"][aria-label^="postguard"]');
    await panel.waitFor({ state: 'visible', timeout: 3000 });
    assert.match(await panel.innerText(), /NHS number/);
    assert.equal(await panel.locator('button', { hasText: /Pause/ }).count(), 0, 'no pause button');
    await page.close();

    // Asked directly (as a tampered page script could not, but an extension page can), it still says no.
    const options = await suite.browser.context.newPage();
    await options.goto(`chrome-extension://${id}/options/options.html`);
    const reply = await options.evaluate(() => chrome.runtime.sendMessage({ type: 'pause', site: 'x' }));
    assert.deepEqual(reply, { ok: false, error: 'pausing is not allowed by your Trust' });
    await options.close();
  });

  it('still applies the rest: the NHS number rule keeps its default action after its bad value', async () => {
    await workerIssues(suite.browser.worker);
    const page = await openSite(suite.browser, 'x.com', '/compose/post');
    await typeInto(page.locator(EDITOR), 'Patient NHS number 943 476 5919 seen today');
    await marks(page, 'confidentiality').first().waitFor({ state: 'visible', timeout: 5000 });
    await page.locator(POST).click();
    const alert = dialog(page);
    await alert.waitFor({ state: 'visible', timeout: 5000 });
    assert.equal(await alert.getByRole('button', { name: 'Post anyway', exact: true }).count(), 1,
      'nhs-number fell back to warn (its default), so "Post anyway" is offered');
    assert.ok((await dialogText(page)).includes(COMMS));
    await page.close();
  });

  it('shows the effective policy, its sources and the problems on the options page, and checks a draft there', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(`chrome-extension://${id}/options/options.html`);
    const row = (/** @type {string} */ key) => page.locator(`#policy tr[data-setting="${key}"]`);
    await row('trustName').locator('td.value').filter({ hasText: TRUST }).waitFor({ timeout: 10_000 });
    assert.equal(await row('trustName').locator('[data-source]').getAttribute('data-source'), 'managed');
    assert.equal(await row('wardNames').locator('[data-source]').getAttribute('data-source'), 'managed');
    assert.equal(await row('allowPause').locator('[data-source]').getAttribute('data-source'), 'managed');
    assert.equal(await row('failClosed').locator('[data-source]').getAttribute('data-source'), 'default');
    assert.equal(await row('hospitalNumberPatterns').locator('td.value').innerText(), 'HB\\d{7}', 'the valid pattern applies');

    const issues = page.locator('#issues li');
    assert.equal(await page.locator('#issues-section').isVisible(), true);
    assert.deepEqual((await issues.evaluateAll((els) => els.map((e) => e.getAttribute('data-setting')))).sort(),
      ['extraSites[0].editors[0]', 'hospitalNumberPatterns[0]', 'ruleActions.nhs-number', 'selectorOverrides.medium.submits[0]']);
    assert.match(await issues.filter({ hasText: 'extraSites[0].editors[0]' }).innerText(), /not a valid CSS selector/);
    assert.equal(await page.locator('#terms-section').isVisible(), false, 'IT did not allow personal terms');

    await page.locator('#draft').fill('Saw Mr Hughes on Heron Unit this morning');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    const finding = page.locator('#check-result article[data-rule="patient-name"]');
    await finding.waitFor({ timeout: 5000 });
    assert.equal(await finding.getAttribute('data-category'), 'confidentiality');
    assert.match(await finding.innerText(), /Would stop the post/);
    await screenshot(page, 'managed-policy-options');
    await page.close();
  });

  it('applies a changed policy without restarting, and lets users add terms only when IT allows it', async () => {
    const changed = { ...POLICY, trustName: 'Harbourside and District NHS Trust', ruleActions: { 'patient-name': 'block' }, userTermsAllowed: true };
    writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [id]: changed } } }, null, 2));
    const policyPage = await suite.browser.context.newPage();
    await policyPage.goto('chrome://policy');
    await policyPage.locator('#reload-policies').click();
    const deadline = Date.now() + 20_000;
    for (;;) {
      const issues = await suite.browser.worker.evaluate(() => /** @type {any} */ (globalThis).postguardPolicyIssues);
      if (Array.isArray(issues) && issues.length === 1) {
        assert.equal(issues[0].setting, 'hospitalNumberPatterns[0]', 'the fixed value is no longer reported');
        break;
      }
      assert.ok(Date.now() < deadline, `the worker did not re-read the changed policy: ${JSON.stringify(issues)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    await policyPage.close();

    const options = await suite.browser.context.newPage();
    await options.goto(`chrome-extension://${id}/options/options.html`);
    await options.locator('#policy tr[data-setting="trustName"] td.value').filter({ hasText: changed.trustName }).waitFor({ timeout: 10_000 });
    await options.locator('#terms-section').waitFor({ state: 'visible', timeout: 5000 });
    await options.getByLabel('Ward, unit or site names').fill('Puffin');
    await options.getByRole('button', { name: 'Save my terms', exact: true }).click();
    await options.locator('#policy tr[data-setting="wardNames"] [data-source="managedAndUser"]').waitFor({ timeout: 5000 });
    await options.close();

    // The user's ward name now counts on the site, through the worker, as the Trust's own do.
    const page = await openSite(suite.browser, 'x.com', '/compose/post');
    await typeInto(page.locator(EDITOR), 'Mrs Green on Puffin was such a character today');
    await marks(page, 'confidentiality').first().waitFor({ state: 'visible', timeout: 5000 });
    await page.locator(POST).click();
    const alert = dialog(page);
    await alert.waitFor({ state: 'visible', timeout: 5000 });
    assert.ok((await dialogText(page)).includes(changed.trustName), 'the dialog names the Trust as the new policy does');
    assert.equal(await alert.getByRole('button', { name: 'Post anyway', exact: true }).count(), 0);
    await page.close();
  });

  it('logged no draft text, and made no request to any host but the fixture\'s and the extension\'s own files', () => {
    const logged = suite.browser.console.join('\n');
    for (const typed of ['Mrs Green', 'such a character', '943 476 5919', 'Mr Hughes']) {
      assert.ok(!logged.includes(typed), `"${typed}" appeared in a log`);
    }
    // chrome://policy (opened above to reload policies) loads the browser's own UI resources: not network.
    const browser = { ...suite.browser, requests: suite.browser.requests.filter((r) => !r.url.startsWith('chrome://')) };
    assertOnlyHosts(suite.server, browser, ['x.com']);
    const extensionRequests = suite.browser.requests.filter((r) => r.fromServiceWorker);
    assert.ok(extensionRequests.every((r) => r.url.startsWith(`chrome-extension://${id}/`)), JSON.stringify(extensionRequests));
  });
});
