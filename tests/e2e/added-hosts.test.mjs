// Issue 16, part 2: hosts a Trust's IT adds through managed policy (`extraSites`). With the host
// listed and the person's grant, the worker registers the content scripts there and the shared site
// suite passes on a Mastodon instance (the named "mastodon" adapter); the generic adapter and IT's
// own selectors work on two more hosts; without the grant the options page says the host is not yet
// allowed and nothing runs there; taking the host out of the policy unregisters it and gives the
// grant back.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { siteSuite, RISKY, BENIGN } from './lib/site-suite.mjs';
import { startSuite, typeInto, submits, waitForSubmits, marks, dialog, openSite, assertOnlyHosts } from './lib/fixture.mjs';
import { POLICY_DIR, writeManagedPolicy, waitForManagedPolicy } from './lib/managed-policy.mjs';
import { distDir, manifestExtensionId, waitForToolbar } from './lib/browser.mjs';
import { renderPhoto, renderGroup } from './lib/photos.mjs';
import { PHOTO_CAPTION, closeReminder } from './lib/photo-surfaces.mjs';

const PEOPLE = join(import.meta.dirname, '../fixtures/photos/people');

const SOCIAL = 'social.example.nhs.uk';
const BLOG = 'blog.example.nhs.uk';
const INTRANET = 'intranet.example.nhs.uk';
const POLICY_FILE = 'postguard-added-hosts.json';
const TRUST = 'Harbourside NHS Foundation Trust';

const POLICY = {
  trustName: TRUST,
  extraSites: [
    { address: `https://${SOCIAL}/`, adapter: 'mastodon' },
    { address: `https://${BLOG}/`, adapter: 'generic' },
    // IT's own selectors, and the key they say sends, on a path of a third host.
    { address: `https://${INTRANET}/news/`, editors: ['form.compose-form textarea'], submits: ['.compose-form__submit button'], ctrlEnterSends: true },
  ],
};

const EDITOR = 'form.compose-form textarea';
const SUBMIT = 'form.compose-form .compose-form__submit button';

/** The worker's registered scripts' ids, once `count` of them are there. @param {import('./lib/browser.mjs').Session} browser */
async function registered(browser, count, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ids = await browser.worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.id).sort());
    if (ids.length === count) return ids;
    if (Date.now() > deadline) throw new Error(`expected ${count} registered scripts, got ${JSON.stringify(ids)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * A server and browser with IT's policy in place and the person's grant for `granted`, once the
 * worker has registered the scripts for them.
 * @param {string[]} granted  hosts allowed
 */
async function startWithPolicy(granted) {
  const remove = writeManagedPolicy(POLICY_FILE, POLICY);
  try {
    const suite = await startSuite({ granted: granted.map((h) => `https://${h}/*`) });
    await waitForManagedPolicy(suite.browser.worker, TRUST);
    await registered(suite.browser, granted.length);
    return { ...suite, async close() { await suite.close(); remove(); } };
  } catch (e) {
    remove();
    throw e;
  }
}

/** @type {import('./lib/sites.mjs').SiteSpec} */
const MASTODON = {
  id: 'mastodon (added by IT)',
  inline: true,
  host: SOCIAL,
  hosts: [SOCIAL],
  surfaces: [
    { name: 'new post', path: '/', editor: EDITOR, submit: SUBMIT, keys: ['Control+Enter', 'Meta+Enter'], controlKeys: ['Enter', ' '], recorded: 'post', field: true },
    { name: 'reply', path: '/', open: (p) => p.click('#reply'), editor: EDITOR, submit: SUBMIT, keys: ['Control+Enter'], recorded: 'reply', field: true },
  ],
  media: { path: '/', open: (p) => p.locator(EDITOR).waitFor(), input: 'form.compose-form input[type="file"]', near: EDITOR },
};

describe('the adapters IT may name', () => {
  it('the schema\'s choices are "generic" and exactly the adapter table\'s ids (the core reads the same list)', () => {
    const dist = distDir();
    const schema = JSON.parse(readFileSync(join(dist, 'managed_schema.json'), 'utf8'));
    const choices = schema.properties.extraSites.items.properties.adapter.enum;
    /** @type {any} */
    const sandbox = {};
    runInNewContext(`${readFileSync(join(dist, 'content/adapters.js'), 'utf8')}\nthis.ids = PgAdapters.SITES.map((s) => s.id);`, sandbox);
    assert.deepEqual(choices, ['generic', ...sandbox.ids.filter((/** @type {string} */ id) => id === 'mastodon'), ...sandbox.ids.filter((/** @type {string} */ id) => id !== 'mastodon')]);
    // Mastodon's adapter has no host of its own: it runs only where IT adds an instance.
    assert.equal(runInNewContext(`${readFileSync(join(dist, 'content/adapters.js'), 'utf8')}\nJSON.stringify(PgAdapters.SITES.find((s) => s.id === 'mastodon').hosts)`, {}), '[]');
  });
});

siteSuite(MASTODON, { start: () => startWithPolicy([SOCIAL]) });

describe('mastodon (added by IT): the content-warning field is checked with the post', () => {
  const CW = 'form.compose-form input#cw-spoiler-input';
  /** @type {Awaited<ReturnType<typeof startWithPolicy>>} */
  let suite;
  before(async () => { suite = await startWithPolicy([SOCIAL]); });
  after(async () => { await suite?.close(); });

  /** A benign toot under a content warning that is `warning`. @param {string} warning */
  async function draft(warning) {
    const page = await openSite(suite.browser, SOCIAL, '/');
    await typeInto(page.locator(EDITOR), BENIGN);
    await page.locator('form.compose-form button.spoiler-button').click();
    await typeInto(page.locator(CW), warning);
    return page;
  }

  it('a risky warning is marked inside its field; Post is paused; Post anyway posts once, warning and toot unchanged', async () => {
    const page = await draft(RISKY);
    await marks(page, 'confidentiality').first().waitFor({ state: 'visible', timeout: 5000 });
    const field = await page.locator(CW).boundingBox();
    const box = await marks(page, 'confidentiality').first().boundingBox();
    assert.ok(field && box && box.y >= field.y - 1 && box.y + box.height <= field.y + field.height + 1, 'the mark is on the warning\'s line');
    await page.locator(SUBMIT).click();
    const alert = dialog(page);
    await alert.waitFor({ state: 'visible', timeout: 5000 });
    assert.deepEqual(await submits(page), [], 'the click did not post');
    await alert.getByRole('button', { name: 'Post anyway', exact: true }).click();
    await waitForSubmits(page);
    assert.deepEqual(await submits(page), [{ surface: 'post', text: `${RISKY}\n${BENIGN}` }]);
    await page.close();
  });

  for (const key of ['Enter', 'Control+Enter']) {
    it(`${key} in the warning's field (it submits the form) is paused; Post anyway posts once`, async () => {
      const page = await draft(RISKY);
      await marks(page, 'confidentiality').first().waitFor({ state: 'visible', timeout: 5000 });
      await page.locator(CW).press(key);
      const alert = dialog(page);
      await alert.waitFor({ state: 'visible', timeout: 5000 });
      assert.deepEqual(await submits(page), [], `${key} did not post`);
      await alert.getByRole('button', { name: 'Post anyway', exact: true }).click();
      await waitForSubmits(page);
      assert.deepEqual(await submits(page), [{ surface: 'post', text: `${RISKY}\n${BENIGN}` }]);
      await page.close();
    });
  }

  it('a benign warning and toot post untouched, with no dialog', async () => {
    const page = await draft('Ward life, long post');
    await page.locator(CW).press('Enter');
    await waitForSubmits(page);
    assert.equal(await dialog(page).count(), 0, 'no dialog');
    assert.deepEqual(await submits(page), [{ surface: 'post', text: `Ward life, long post\n${BENIGN}` }]);
    await page.close();
  });
});

describe('hosts IT added: the generic adapter, IT\'s selectors, and the Trust\'s words', () => {
  /** @type {Awaited<ReturnType<typeof startWithPolicy>>} */
  let suite;
  before(async () => { suite = await startWithPolicy([BLOG, INTRANET]); });
  after(async () => { await suite?.close(); });

  it('generic: a text box in a form is marked and its submit button paused; the dialog names the Trust in place', async () => {
    const page = await openSite(suite.browser, BLOG, '/');
    await typeInto(page.locator(EDITOR), RISKY);
    await marks(page, 'confidentiality').first().waitFor({ state: 'visible', timeout: 5000 });
    await page.locator(SUBMIT).click();
    const alert = dialog(page);
    await alert.waitFor({ state: 'visible', timeout: 5000 });
    assert.deepEqual(await submits(page), []);
    assert.ok((await alert.innerText()).includes(`${TRUST}'s social media policy applies`), 'the Trust\'s words, shown in the dialog itself');
    assert.equal(await alert.locator('iframe').count(), 0, 'no frame: the Trust card\'s page may be framed by the built-in sites only');
    await alert.getByRole('button', { name: 'Post anyway', exact: true }).click();
    await waitForSubmits(page);
    assert.deepEqual(await submits(page), [{ surface: 'post', text: RISKY }], 'posted exactly once, unchanged');
    await page.close();
  });

  it('the toolbar button says postguard is checking there', async () => {
    const page = await openSite(suite.browser, BLOG, '/');
    await typeInto(page.locator(EDITOR), BENIGN);
    const shown = await waitForToolbar(suite.browser, `https://${BLOG}/`, /is checking your drafts/);
    assert.equal(shown.text, '');
    await page.close();
  });

  it('generic: a benign draft posts untouched', async () => {
    const page = await openSite(suite.browser, BLOG, '/');
    await typeInto(page.locator(EDITOR), BENIGN);
    await page.locator(SUBMIT).click();
    await waitForSubmits(page);
    assert.equal(await dialog(page).count(), 0);
    assert.deepEqual(await submits(page), [{ surface: 'post', text: BENIGN }]);
    await page.close();
  });

  it('IT\'s selectors on a path: Ctrl+Enter, which they say sends, is paused; Post anyway posts once', async () => {
    const page = await openSite(suite.browser, INTRANET, '/news/today');
    const editor = page.locator(EDITOR);
    await typeInto(editor, RISKY);
    await marks(page, 'confidentiality').first().waitFor({ state: 'visible', timeout: 5000 });
    await editor.press('Control+Enter');
    const alert = dialog(page);
    await alert.waitFor({ state: 'visible', timeout: 5000 });
    assert.deepEqual(await submits(page), []);
    await alert.getByRole('button', { name: 'Post anyway', exact: true }).click();
    await waitForSubmits(page);
    assert.deepEqual(await submits(page), [{ surface: 'post', text: RISKY }]);
    await page.close();
  });

  it('outside the path IT named, nothing runs', async () => {
    const page = await openSite(suite.browser, INTRANET, '/');
    await typeInto(page.locator(EDITOR), RISKY);
    await page.waitForTimeout(1500);
    assert.equal(await page.locator('[data-postguard]').count(), 0, 'no postguard on the page');
    await page.locator(SUBMIT).click();
    await waitForSubmits(page);
    assert.deepEqual(await submits(page), [{ surface: 'post', text: RISKY }]);
    await page.close();
  });

  it('the options page lists the hosts as allowed, and the one not granted as not yet allowed', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(`chrome-extension://${suite.browser.extensionId}/options/options.html`);
    const item = (/** @type {string} */ address) => page.locator(`#added-hosts li[data-address="${address}"]`);
    await item(`https://${BLOG}/`).waitFor({ timeout: 10_000 });
    assert.equal(await item(`https://${BLOG}/`).getAttribute('data-state'), 'allowed');
    assert.equal(await item(`https://${INTRANET}/news/`).getAttribute('data-state'), 'allowed');
    assert.equal(await item(`https://${SOCIAL}/`).getAttribute('data-state'), 'not-allowed');
    await page.close();
  });

  it('nothing left the browser for any host but the pages\'', () => {
    assertOnlyHosts(suite.server, suite.browser, [BLOG, INTRANET]);
  });
});

describe('hosts IT added: attached photos and videos are looked inside, as on the built-in sites', () => {
  /** @type {Awaited<ReturnType<typeof startWithPolicy>>} */
  let suite;
  before(async () => { suite = await startWithPolicy([SOCIAL]); });
  after(async () => { await suite?.close(); });

  /**
   * On the Mastodon instance IT added: attach `file`, type a benign post, close the reminder, press
   * Post; returns the page with the dialog open.
   * @param {{name: string, mimeType: string, buffer: Buffer}} file
   */
  async function postWith(file) {
    const page = await openSite(suite.browser, SOCIAL, '/');
    await page.locator(EDITOR).waitFor();
    await page.setInputFiles('form.compose-form input[type="file"]', file);
    await typeInto(page.locator(EDITOR), PHOTO_CAPTION);
    await closeReminder(page);
    await page.locator(SUBMIT).click();
    await dialog(page).waitFor({ state: 'visible', timeout: 20_000 });
    return page;
  }

  it('a wristband photo with an NHS number pauses with the finding read from it, and a thumbnail', async () => {
    const photo = await renderPhoto(suite.browser.context, 'wristband');
    const page = await postWith({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: photo });
    const found = dialog(page).locator('[data-postguard-finding][data-source="media"][data-rule="nhs-number"]');
    await found.first().waitFor({ timeout: 5000 });
    assert.equal(await found.first().getAttribute('data-category'), 'confidentiality');
    const box = await found.first().locator('canvas.photo-thumb').boundingBox();
    assert.ok(box && box.width > 40 && box.width <= 200, 'a small thumbnail of the photo is shown');
    assert.deepEqual(await submits(page), [], 'nothing was posted');
    await dialog(page).getByRole('button', { name: 'Edit post', exact: true }).click();
    await page.close();
  });

  it('a photo of two people pauses with the consent finding; Post anyway posts it once', async () => {
    const portrait = (/** @type {string} */ n) => readFileSync(join(PEOPLE, `interfaces-${n}.jpg`));
    const group = await renderGroup(suite.browser.context, [portrait('005'), portrait('006')]);
    const page = await postWith({ name: 'group.jpg', mimeType: 'image/jpeg', buffer: group });
    const people = dialog(page).locator('[data-postguard-finding][data-source="media"][data-rule="people-in-photo"]');
    await people.waitFor({ timeout: 5000 });
    assert.match(await people.innerText(), /2 people can be seen/);
    await dialog(page).getByRole('button', { name: 'Post anyway', exact: true }).click();
    await waitForSubmits(page);
    assert.deepEqual(await submits(page), [{ surface: 'post', text: PHOTO_CAPTION }], 'posted exactly once');
    await page.close();
  });

  it('nothing left the browser for any host but the added one\'s', () => {
    assertOnlyHosts(suite.server, suite.browser, [SOCIAL]);
  });
});

describe('a host IT listed that the person has not allowed', () => {
  /** @type {Awaited<ReturnType<typeof startWithPolicy>>} */
  let suite;
  before(async () => { suite = await startWithPolicy([]); });
  after(async () => { await suite?.close(); });

  it('the options page says it is not yet allowed and offers to allow just that host', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(`chrome-extension://${suite.browser.extensionId}/options/options.html`);
    const item = page.locator(`#added-hosts li[data-address="https://${SOCIAL}/"]`);
    await item.waitFor({ timeout: 10_000 });
    assert.equal(await item.getAttribute('data-state'), 'not-allowed');
    assert.match(await item.innerText(), /Not yet allowed: postguard is not checking your drafts here/);
    assert.equal(await item.getByRole('button', { name: `Allow postguard on ${SOCIAL}`, exact: true }).count(), 1);
    assert.equal(await page.locator('#added-hosts button').count(), 3, 'one button per host IT listed, none for any other');
    await page.close();
  });

  it('nothing is registered and nothing runs on the page', async () => {
    assert.deepEqual(await registered(suite.browser, 0), []);
    const page = await openSite(suite.browser, SOCIAL, '/');
    await typeInto(page.locator(EDITOR), RISKY);
    await page.waitForTimeout(1500);
    assert.equal(await page.locator('[data-postguard]').count(), 0, 'no postguard on the page');
    assert.deepEqual((await suite.browser.worker.evaluate(() => chrome.permissions.getAll())).origins?.filter((o) => o.includes('example.nhs.uk')), []);
    await page.close();
  });
});

describe('IT takes a host out of the policy', () => {
  /** @type {Awaited<ReturnType<typeof startWithPolicy>>} */
  let suite;
  before(async () => { suite = await startWithPolicy([SOCIAL]); });
  after(async () => { await suite?.close(); });

  it('its scripts are unregistered, the grant is given back, the open page lets go, and a new page there is not checked', async () => {
    const page = await openSite(suite.browser, SOCIAL, '/');
    await typeInto(page.locator(EDITOR), RISKY);
    await marks(page, 'confidentiality').first().waitFor({ state: 'visible', timeout: 5000 });

    const id = manifestExtensionId();
    writeFileSync(join(POLICY_DIR, POLICY_FILE), JSON.stringify({ '3rdparty': { extensions: { [id]: { trustName: TRUST } } } }, null, 2));
    const policyPage = await suite.browser.context.newPage();
    await policyPage.goto('chrome://policy');
    await policyPage.locator('#reload-policies').click();
    await policyPage.close();
    assert.deepEqual(await registered(suite.browser, 0), []);
    const deadline = Date.now() + 10_000;
    for (;;) {
      const origins = (await suite.browser.worker.evaluate(() => chrome.permissions.getAll())).origins ?? [];
      if (!origins.includes(`https://${SOCIAL}/*`)) break;
      assert.ok(Date.now() < deadline, `the grant was not given back: ${JSON.stringify(origins)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    // The page already open was told the policy changed: its marks go, and its Post is not held.
    await marks(page, 'confidentiality').first().waitFor({ state: 'detached', timeout: 5000 });
    await page.locator(SUBMIT).click();
    await waitForSubmits(page);
    assert.deepEqual(await submits(page), [{ surface: 'post', text: RISKY }], 'the page posts as it would without postguard');
    await page.close();

    const again = await openSite(suite.browser, SOCIAL, '/');
    await typeInto(again.locator(EDITOR), RISKY);
    await again.waitForTimeout(1500);
    assert.equal(await again.locator('[data-postguard]').count(), 0, 'no postguard on the page');
    await again.close();
  });
});
