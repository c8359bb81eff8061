// WCAG 2.2 AA, measured (issue 18). axe-core audits postguard's own nodes (the overlay host's shadow
// root; the whole options page) in every state of its UI, on every site's fixture and the generic
// fallback: marks and badge, the mark's card, the badge's panel, the pre-submit dialog (warn,
// acknowledge, blocked and "could not check"), the badge's other states ("Checking…", "checker
// unavailable", paused), the media note and the options page, with zero violations at WCAG 2.0, 2.1
// and 2.2 A and AA. The audit reads whatever the UI holds at the time, so controls added later are
// audited too. Beyond what axe can see: text contrast axe leaves undecided in the top layer, the
// names, roles and states Chromium gives a screen reader, and reduced motion.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startSuite, typeInto, submits, marks, markBoxes, dialog, textBox, clickBadge, BADGE, PANEL,
} from './lib/fixture.mjs';
import { SITES } from './lib/sites.mjs';
import { RISKY, NUMBER, openSurface, editorOf } from './lib/site-suite.mjs';
import { jpeg } from './lib/media.mjs';
import { auditOverlay, auditPage, describeViolations } from './lib/axe.mjs';
import {
  axNodes, contrastRatio, overlayTextColours, typeDraft, center, HOST, CARD, CONDUCT, DRAFT,
} from './lib/a11y.mjs';
import { startSlowWorker } from './lib/slow-worker.mjs';
import { writeManagedPolicy, waitForManagedPolicy } from './lib/managed-policy.mjs';

/**
 * Audits postguard's UI as it is now and fails on any violation. The audit must have had something
 * to look at: `expect` names an element of the state that must be in view, and axe must have found
 * buttons to check (every state has one).
 * @param {import('node:test').TestContext} t
 * @param {import('playwright-core').Page} page
 * @param {string} state
 * @param {string} expect  a selector inside the host that the state shows
 */
async function assertAccessible(t, page, state, expect) {
  assert.ok(await page.locator(`${HOST} ${expect}`).first().isVisible(), `${state}: ${expect} is shown`);
  const report = await auditOverlay(page);
  assert.deepEqual(report.violations.map((v) => v.id), [], `${state}:\n${describeViolations(report.violations)}`);
  assert.ok(report.passes.includes('button-name'), `${state}: axe checked postguard's buttons`);
  await assertTextContrast(page, state);
  t.diagnostic(`${state}: ${report.nodes} elements audited, no violations${report.incomplete.length ? `; left for review: ${report.incomplete.map((i) => `${i.id} x${i.nodes}`).join(', ')}` : ''}`);
  return report;
}

/**
 * Every visible text in postguard's UI meets WCAG 1.4.3 against the background it is painted on
 * (axe cannot decide this in the top layer and reports it for review instead).
 * @param {import('playwright-core').Page} page
 * @param {string} state
 */
async function assertTextContrast(page, state) {
  const texts = await overlayTextColours(page);
  assert.ok(texts.length > 0, `${state}: some text is shown`);
  for (const t of texts) {
    const ratio = contrastRatio(t.color, t.background);
    assert.ok(ratio >= (t.large ? 3 : 4.5), `${state}: "${t.text}" contrast ${ratio.toFixed(2)} (${t.color} on ${t.background})`);
  }
}

/**
 * Every state of the UI a draft brings, audited: marks and badge, the mark's card (hover), the
 * badge's panel, the pre-submit dialog.
 * @param {import('node:test').TestContext} t
 * @param {import('playwright-core').Page} page
 * @param {string} where
 * @param {string | import('playwright-core').Locator} editorSelector  a locator for an editor in a frame
 * @param {string} submitSelector
 */
async function auditDraftStates(t, page, where, editorSelector, submitSelector) {
  await typeDraft(page, editorSelector);
  await assertAccessible(t, page, `${where}, marks and badge`, 'button.badge:not([hidden])');

  const [box] = await markBoxes(page, 'confidentiality');
  const c = center(box);
  await page.mouse.move(c.x, c.y);
  await page.locator(CARD).waitFor({ state: 'visible', timeout: 3000 });
  await assertAccessible(t, page, `${where}, mark card open`, '[role="tooltip"]');
  // (The card may stay: the caret, at the end of the draft, is in the last finding.)
  await page.mouse.move(1, 1);

  await clickBadge(page);
  await assertAccessible(t, page, `${where}, badge panel open`, '[role="dialog"]');
  await page.keyboard.press('Escape');
  await page.locator(PANEL).waitFor({ state: 'detached', timeout: 3000 });

  await page.locator(submitSelector).click();
  const alert = dialog(page);
  await alert.waitFor({ state: 'visible', timeout: 5000 });
  await assertAccessible(t, page, `${where}, pre-submit dialog open`, '[role="alertdialog"]');
  await alert.getByRole('button', { name: 'Edit post', exact: true }).click();
  await alert.waitFor({ state: 'detached', timeout: 3000 });
  assert.deepEqual(await submits(page), [], 'nothing was posted');
}

describe('axe audit: every state of postguard\'s UI on every site, zero WCAG 2.2 A/AA violations', () => {
  /** @type {Awaited<ReturnType<typeof startSuite>>} */
  let suite;
  before(async () => { suite = await startSuite(); });
  after(async () => { await suite?.close(); });

  // An editor in a frame (WordPress's canvas, Blogger's field) is looked for in the frame's document.
  for (const site of Object.values(SITES)) {
    const s = site.surfaces[0];
    const spec = site.media;
    it(`${site.id} (${s.name}): marks and badge, mark card, badge panel, pre-submit dialog${spec ? ', media note' : ''}`, async (t) => {
      const page = await openSurface(suite.browser.context, site.host, s);
      await auditDraftStates(t, page, site.id, editorOf(page, s), s.submit);
      await page.close();

      // (No media note where the site's upload is out of postguard's reach: Blogger's picker.)
      for (const gps of spec ? [false, true] : []) {
        const media = await openSurface(suite.browser.context, site.host, spec);
        await media.setInputFiles(spec.input, { name: 'ward.jpg', mimeType: 'image/jpeg', buffer: jpeg({ gps }) });
        await media.locator(`${HOST} [data-postguard-notice${gps ? '="location"' : ''}]`).first().waitFor({ state: 'visible', timeout: 5000 });
        await assertAccessible(t, media, `${site.id}, media note${gps ? ' with the photo\'s location' : ''}`, '[data-postguard-notice]');
        await media.close();
      }
    });
  }

  it('the generic fallback (a field no adapter names, in a Facebook dialog): marks and badge, card, panel, dialog', async (t) => {
    const page = await suite.browser.context.newPage();
    await page.goto('https://www.facebook.com/');
    await page.click('#ask-recommendations');
    await auditDraftStates(t, page, 'generic fallback', '[role="dialog"] textarea[name="question"]', '[role="dialog"] button[type="submit"]');
    await page.close();
  });

  it('the options page, as it opens and with a draft checked', async (t) => {
    const page = await suite.browser.context.newPage();
    await page.goto(`chrome-extension://${suite.browser.extensionId}/options/options.html`);
    await page.locator('#policy tbody tr').first().waitFor({ timeout: 5000 });
    await assertPageAccessible(t, page, 'options page');
    await page.getByLabel('Draft post').fill(DRAFT);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.locator('#check-result').filter({ hasText: /NHS number/ }).waitFor({ timeout: 5000 });
    await assertPageAccessible(t, page, 'options page with a draft checked');
    await page.close();
  });

  it('the badge paused on a site', async (t) => {
    const page = await openSurface(suite.browser.context, 'x.com', SITES.x.surfaces[1]);
    await typeDraft(page, SITES.x.surfaces[1].editor);
    await clickBadge(page);
    await page.locator(`${PANEL} button`, { hasText: /^Pause/ }).click();
    await page.locator(`${HOST} .badge[data-state="paused"]`).waitFor({ state: 'visible', timeout: 3000 });
    await assertAccessible(t, page, 'x, badge paused', '.badge[data-state="paused"]');
    // Selecting the badge resumes checking (and the next tests of this browser check again).
    await page.locator(`${HOST} .badge[data-state="paused"]`).click();
    await marks(page, 'confidentiality').first().waitFor({ state: 'visible', timeout: 5000 });
    await page.close();
  });
});

/**
 * The whole page audited (the options page is postguard's own).
 * @param {import('node:test').TestContext} t
 * @param {import('playwright-core').Page} page
 * @param {string} state
 */
async function assertPageAccessible(t, page, state) {
  const report = await auditPage(page);
  assert.deepEqual(report.violations.map((v) => v.id), [], `${state}:\n${describeViolations(report.violations)}`);
  assert.ok(report.passes.includes('label') && report.passes.includes('button-name'), `${state}: axe checked the form`);
  t.diagnostic(`${state}: ${report.nodes} elements audited, no violations${report.incomplete.length ? `; left for review: ${report.incomplete.map((i) => `${i.id} x${i.nodes}`).join(', ')}` : ''}`);
}

describe('axe audit: the blocked and acknowledge dialogs under a Trust\'s managed policy, and its options page', () => {
  const TRUST = 'Accessible Test NHS Trust';
  /** @type {Awaited<ReturnType<typeof startSuite>>} */
  let suite;
  /** @type {() => void} */
  let removePolicy = () => {};
  before(async () => {
    removePolicy = writeManagedPolicy('postguard-e2e-accessibility.json', {
      trustName: TRUST,
      commsContact: 'Communications, ext. 1234',
      policyUrl: 'https://intranet.example.nhs.uk/social-media-policy',
      ruleActions: { 'nhs-number': 'block' },
      familyActions: { disrepute: 'acknowledge' },
      // Wrong in a way the schema cannot see: the options page lists it as a problem.
      hospitalNumberPatterns: ['HB(\\d{6}'],
      userTermsAllowed: true,
    });
    suite = await startSuite();
    await waitForManagedPolicy(suite.browser.worker, TRUST);
  });
  after(async () => {
    await suite?.close();
    removePolicy();
  });

  it('blocked: "Post anyway" withheld', async (t) => {
    const page = await openSurface(suite.browser.context, 'x.com', SITES.x.surfaces[0]);
    await typeDraft(page, SITES.x.surfaces[0].editor, RISKY);
    await page.locator(SITES.x.surfaces[0].submit).click();
    const alert = dialog(page);
    await alert.waitFor({ state: 'visible', timeout: 5000 });
    assert.equal(await alert.getByRole('button', { name: 'Post anyway', exact: true }).count(), 0, 'the blocked variant');
    await assertAccessible(t, page, 'x, blocked dialog', '[role="alertdialog"]');
    await alert.getByRole('button', { name: 'Edit post', exact: true }).click();
    await page.close();
  });

  it('acknowledge: "Post anyway" waits for the person\'s confirmation', async (t) => {
    const page = await openSurface(suite.browser.context, 'www.facebook.com', SITES.facebook.surfaces[0]);
    const editor = page.locator(SITES.facebook.surfaces[0].editor);
    await typeInto(editor, CONDUCT);
    await marks(page, 'disrepute').first().waitFor({ state: 'visible', timeout: 5000 });
    await page.locator(SITES.facebook.surfaces[0].submit).click();
    const alert = dialog(page);
    await alert.waitFor({ state: 'visible', timeout: 5000 });
    assert.equal(await alert.getByRole('checkbox').count(), 1, 'the acknowledge variant');
    await assertAccessible(t, page, 'facebook, acknowledge dialog', '[role="alertdialog"] input[type="checkbox"]');
    await alert.getByRole('button', { name: 'Edit post', exact: true }).click();
    await page.close();
  });

  it('the options page with the Trust\'s policy, a problem in it and the user\'s own terms', async (t) => {
    const page = await suite.browser.context.newPage();
    await page.goto(`chrome-extension://${suite.browser.extensionId}/options/options.html`);
    await page.locator('#policy tr[data-setting="trustName"]').filter({ hasText: TRUST }).waitFor({ timeout: 10_000 });
    await page.locator('#issues-section').waitFor({ state: 'visible', timeout: 5000 });
    await page.locator('#terms-section').waitFor({ state: 'visible', timeout: 5000 });
    await assertPageAccessible(t, page, 'options page under managed policy');
    await page.close();
  });
});

describe('axe audit: "Checking…", "checker unavailable" and the "could not check" dialog', () => {
  /** @type {(() => Promise<void>)[]} */
  const cleanups = [];
  after(async () => { for (const c of cleanups) await c(); });

  it('a held submit while its check is coming, then a check that fails under a fail-closed policy', async (t) => {
    const slow = await startSlowWorker({ fail: true, failClosed: true });
    cleanups.push(slow.close);
    const s = SITES.x.surfaces[1];
    const page = await openSurface(slow.browser.context, 'x.com', s);
    await typeInto(page.locator(s.editor), RISKY);
    await page.locator(s.submit).click();
    await page.locator(`${HOST} .badge[data-state="checking"]`).waitFor({ state: 'visible', timeout: 5000 });
    await assertAccessible(t, page, 'x, badge "Checking…"', '.badge[data-state="checking"]');
    await slow.release();
    const alert = dialog(page);
    await alert.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await alert.innerText(), /could not check this post/);
    await assertAccessible(t, page, 'x, "could not check" dialog', '[role="alertdialog"]');
    await alert.getByRole('button', { name: 'Edit post', exact: true }).click();
    await alert.waitFor({ state: 'detached', timeout: 3000 });
    await page.locator(`${HOST} .badge[data-state="unavailable"]`).waitFor({ state: 'visible', timeout: 5000 });
    await assertAccessible(t, page, 'x, badge "checker unavailable"', '.badge[data-state="unavailable"]');
    assert.deepEqual(await submits(page), []);
  });
});

describe('what a screen reader is told (Chromium\'s accessibility tree)', () => {
  /** @type {Awaited<ReturnType<typeof startSuite>>} */
  let suite;
  before(async () => { suite = await startSuite(); });
  after(async () => { await suite?.close(); });

  it('badge, live region, marks, card, panel, findings, dialog and media note: names, roles and states', async () => {
    const s = SITES.x.surfaces[1];
    const page = await openSurface(suite.browser.context, 'x.com', s);
    const editor = await typeDraft(page, s.editor);
    const ax = async (/** @type {string} */ selector) => {
      const nodes = await axNodes(page, page.locator(selector));
      assert.ok(nodes.length > 0, `${selector} is there`);
      return nodes;
    };

    const [badge] = await ax(BADGE);
    assert.equal(badge.role, 'button');
    const shown = (await page.locator(`${BADGE} .pill`).allInnerTexts()).join(' ');
    assert.equal(shown, 'Confidential 1 Conduct 1');
    assert.ok(badge.name.startsWith(`${shown}: `), `its name starts with what it shows (WCAG 2.5.3): ${badge.name}`);
    assert.match(badge.name, /1 confidentiality, 1 professional conduct warnings in this draft$/, 'and says what the counts are');
    assert.equal(badge.properties.hasPopup, 'dialog');
    assert.equal(badge.properties.expanded, false);

    const [live] = await ax(`${HOST} [aria-live="polite"]`);
    assert.equal(live.role, 'status', 'new findings are announced politely');
    await page.waitForFunction(() => /NHS number/.test(document.querySelector('[data-postguard]')?.shadowRoot?.querySelector('[aria-live]')?.textContent ?? ''), null, { timeout: 3000 });

    for (const mark of await ax(`${HOST} [data-postguard-mark]`)) {
      assert.ok(mark.ignored || (mark.name === '' && ['generic', 'none'].includes(mark.role)), 'marks are drawing, not content: nothing is announced for them');
    }
    for (const logo of await axNodes(page, page.locator(`${HOST} .logo`))) assert.ok(logo.ignored, 'the flag is decoration');

    // The caret in the number shows its card, a tooltip.
    const box = await textBox(editor, NUMBER);
    assert.ok(box);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.locator(CARD).waitFor({ state: 'visible', timeout: 3000 });
    const [tip] = await ax(CARD);
    assert.equal(tip.role, 'tooltip');
    assert.match(tip.name + (await page.locator(CARD).innerText()), /NHS number/);
    await page.mouse.move(1, 1);

    await clickBadge(page);
    const [panel] = await ax(PANEL);
    assert.equal(panel.role, 'dialog');
    assert.equal(panel.name, 'postguard: warnings in this draft');
    assert.equal((await ax(BADGE))[0].properties.expanded, true, 'the badge says its panel is open');
    const items = await ax(`${PANEL} li[data-category]`);
    assert.ok(items.every((i) => i.role === 'listitem'), 'findings are a list');
    for (const finding of await ax(`${PANEL} li[data-category] button.finding`)) {
      assert.equal(finding.role, 'button');
      assert.match(finding.name, /Policy: /, `a finding's name carries its explanation and policy clause: ${finding.name}`);
    }
    for (const dismiss of await axNodes(page, page.locator(`${PANEL} button`, { hasText: /^Dismiss$/ }))) {
      assert.match(dismiss.name, /^Dismiss: \S/, 'each Dismiss names its finding');
    }
    await page.keyboard.press('Escape');

    await page.locator(s.submit).click();
    await dialog(page).waitFor({ state: 'visible', timeout: 5000 });
    const [alert] = await ax(`${HOST} [role="alertdialog"]`);
    assert.equal(alert.role, 'alertdialog');
    assert.equal(alert.name, 'Check before you post');
    assert.match(alert.description, /may breach .* social media policy/);
    assert.equal(alert.properties.modal, true);
    const buttons = await axNodes(page, dialog(page).locator('button'));
    const names = buttons.map((b) => b.name);
    assert.ok(names.includes('Edit post') && names.includes('Post anyway'), `the dialog's choices: ${names.join(', ')}`);
    assert.ok(buttons.every((b) => b.role === 'button' && b.name.length > 0));
    await dialog(page).getByRole('button', { name: 'Edit post', exact: true }).click();
    await page.close();

    const media = await openSurface(suite.browser.context, 'x.com', SITES.x.media);
    await media.setInputFiles(SITES.x.media.input, { name: 'ward.jpg', mimeType: 'image/jpeg', buffer: jpeg({ gps: true }) });
    await media.locator(`${HOST} [data-postguard-notice="location"]`).waitFor({ state: 'visible', timeout: 5000 });
    const [note] = await axNodes(media, media.locator(`${HOST} [data-postguard-notice="location"]`));
    assert.equal(note.role, 'alert', 'the photo\'s location is announced at once');
    const [gotIt] = await axNodes(media, media.locator(`${HOST} [data-postguard-notice] button`));
    assert.equal(gotIt.role, 'button');
    assert.equal(gotIt.name, 'Got it');
    await media.close();
  });
});

describe('reduced motion', () => {
  /** @type {Awaited<ReturnType<typeof startSuite>>} */
  let suite;
  before(async () => { suite = await startSuite(); });
  after(async () => { await suite?.close(); });

  /** Every element of postguard's UI that animates or transitions. @param {import('playwright-core').Page} page */
  const moving = (page) => page.locator(HOST).evaluate((host) => [...(host.shadowRoot?.querySelectorAll('*') ?? [])]
    .filter((el) => {
      const cs = getComputedStyle(el);
      return cs.animationName !== 'none' || cs.transitionDuration.split(',').some((d) => parseFloat(d) > 0);
    })
    .map((el) => `${el.tagName.toLowerCase()}.${el.className}`));

  it('with "reduce", nothing of postguard\'s moves; without it, the panel and marks do (so the check sees motion)', async () => {
    const s = SITES.x.surfaces[1];
    for (const reducedMotion of /** @type {const} */ (['no-preference', 'reduce'])) {
      const page = await openSurface(suite.browser.context, 'x.com', s);
      await page.emulateMedia({ reducedMotion });
      await typeDraft(page, s.editor);
      await clickBadge(page);
      const media = page.locator(SITES.x.media.input);
      await media.setInputFiles({ name: 'ward.jpg', mimeType: 'image/jpeg', buffer: jpeg({ gps: false }) });
      await page.locator(`${HOST} [data-postguard-notice]`).waitFor({ state: 'visible', timeout: 5000 });
      const moves = await moving(page);
      if (reducedMotion === 'reduce') assert.deepEqual(moves, [], 'nothing animates or transitions');
      else assert.ok(moves.some((m) => m.startsWith('div.panel')) && moves.some((m) => m.startsWith('div.mark')), `motion is there to turn off: ${moves.join(', ')}`);
      await page.close();
    }
  });
});
