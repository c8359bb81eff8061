// The content script's side of the policy, with a fault-injected worker whose answers the test
// chooses (a copy of the built extension with worker/background.js replaced): when the analyser
// cannot run the page keeps working (fail open) unless the Trust holds posts (failClosed); the
// dialog offers only the choices each action allows (acknowledge needs a person's own tick,
// block and allowOverride=false offer no "Post anyway"); "inform" findings are marked but never
// pause a post.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFixtureServer } from './lib/server.mjs';
import { launchWithExtension, distDir } from './lib/browser.mjs';
import { typeInto, submits, dialog, marks, dialogText } from './lib/fixture.mjs';

const RISKY = 'Patient NHS number 943 476 5919 seen today';
const POST = 'button[data-testid="tweetButtonInline"]';

/**
 * The built extension with a worker that answers as told.
 * @param {{failClosed?: boolean, allowOverride?: boolean, action?: 'inform' | 'warn' | 'acknowledge' | 'block'}} answer
 *        no `action`: every analysis fails; with one: one finding over the number with that action
 */
function injectedDist(answer) {
  const dir = mkdtempSync(join(tmpdir(), 'postguard-injected-'));
  cpSync(distDir(), dir, { recursive: true });
  const settings = { trustName: 'Example Trust', commsContact: 'the comms team', speakUpContact: 'the Guardian', policyUrl: '', allowOverride: answer.allowOverride ?? true, failClosed: answer.failClosed ?? false };
  writeFileSync(join(dir, 'worker', 'background.js'), `
// Fault injection for injected-worker.test.mjs.
const settings = ${JSON.stringify(settings)};
const action = ${JSON.stringify(answer.action ?? null)};
chrome.runtime.onMessage.addListener((message, _sender, reply) => {
  if (message && message.type === 'settings') { reply({ ok: true, settings }); return false; }
  if (!action) { reply({ ok: false, error: 'analyser unavailable (injected)' }); return false; }
  const start = message.text.indexOf('943 476 5919');
  const findings = start < 0 ? [] : [{ rule: 'nhs-number', category: 'confidentiality', severity: 'high', action, start, end: start + 12,
    title: 'NHS number', message: 'This looks like a valid NHS number.', suggestion: null, policyRef: 'Policy 5.1', why: 'injected' }];
  reply({ ok: true, findings, truncated: false });
  return false;
});
`);
  return dir;
}

describe('policy choices and failures, with an injected worker', () => {
  /** @type {(() => Promise<void>)[]} */
  const cleanups = [];
  after(async () => { for (const c of cleanups) await c(); });

  /** @param {Parameters<typeof injectedDist>[0]} answer */
  async function open(answer) {
    const server = await startFixtureServer();
    const dist = injectedDist(answer);
    const browser = await launchWithExtension({ port: server.port, dist });
    cleanups.push(async () => { await browser.close(); await server.close(); rmSync(dist, { recursive: true, force: true }); });
    const page = await browser.context.newPage();
    await page.goto('https://x.com/home');
    await typeInto(page.locator('[data-testid="primaryColumn"] [data-testid="tweetTextarea_0"]'), RISKY);
    return page;
  }

  it('fails open: the post goes through once, with no dialog and no marks', async () => {
    const page = await open({});
    await page.locator(POST).click();
    await page.waitForFunction(() => /** @type {any} */ (window).__fixture.submits.length > 0, null, { timeout: 8000 });
    await page.waitForTimeout(250);
    assert.deepEqual(await submits(page), [{ surface: 'inline', text: RISKY }]);
    assert.equal(await dialog(page).count(), 0);
    assert.equal(await marks(page).count(), 0);
  });

  it('fails closed when the Trust says so: the post is held and only "Edit post" is offered', async () => {
    const page = await open({ failClosed: true });
    await page.locator(POST).click();
    const alert = dialog(page);
    await alert.waitFor({ state: 'visible', timeout: 8000 });
    assert.equal(await alert.getByRole('button', { name: 'Post anyway', exact: true }).count(), 0);
    assert.match(await alert.innerText(), /could not check/);
    await alert.getByRole('button', { name: 'Edit post', exact: true }).click();
    assert.deepEqual(await submits(page), [], 'nothing was posted');
  });

  it('acknowledge: "Post anyway" waits for the person\'s own tick; a script\'s tick does not count', async () => {
    const page = await open({ action: 'acknowledge' });
    await marks(page, 'confidentiality').first().waitFor({ state: 'visible', timeout: 5000 });
    await page.locator(POST).click();
    const alert = dialog(page);
    await alert.waitFor({ state: 'visible', timeout: 5000 });
    const postAnyway = alert.getByRole('button', { name: 'Post anyway', exact: true });
    assert.ok(await postAnyway.isDisabled(), 'disabled until acknowledged');
    // The page's own script ticks the box (the shadow root is open): not the person's choice.
    await page.evaluate(() => {
      const box = /** @type {HTMLInputElement} */ (document.querySelector('[data-postguard]')?.shadowRoot?.querySelector('dialog input[type="checkbox"]'));
      box.click();
    });
    assert.ok(await postAnyway.isDisabled(), 'a scripted tick is ignored');
    await alert.getByRole('checkbox').uncheck();
    await alert.getByRole('checkbox').check();
    assert.ok(await postAnyway.isEnabled(), 'enabled by the person\'s tick');
    await postAnyway.click();
    await page.waitForFunction(() => /** @type {any} */ (window).__fixture.submits.length > 0, null, { timeout: 5000 });
    assert.deepEqual(await submits(page), [{ surface: 'inline', text: RISKY }]);
  });

  for (const [name, answer] of /** @type {const} */ ([['block', { action: 'block' }], ['allowOverride=false', { action: 'warn', allowOverride: false }]])) {
    it(`${name}: the dialog offers no "Post anyway", and nothing is posted`, async () => {
      const page = await open(answer);
      await marks(page, 'confidentiality').first().waitFor({ state: 'visible', timeout: 5000 });
      await page.locator(POST).click();
      const alert = dialog(page);
      await alert.waitFor({ state: 'visible', timeout: 5000 });
      assert.equal(await alert.getByRole('button', { name: 'Post anyway', exact: true }).count(), 0);
      assert.equal(await alert.getByRole('button', { name: 'Edit post', exact: true }).count(), 1);
      assert.match(await dialogText(page), /Example Trust/);
      await alert.getByRole('button', { name: 'Edit post', exact: true }).click();
      assert.deepEqual(await submits(page), []);
    });
  }

  it('inform: marked, but the post is never paused', async () => {
    const page = await open({ action: 'inform' });
    await marks(page, 'confidentiality').first().waitFor({ state: 'visible', timeout: 5000 });
    await page.locator(POST).click();
    await page.waitForFunction(() => /** @type {any} */ (window).__fixture.submits.length > 0, null, { timeout: 5000 });
    assert.equal(await dialog(page).count(), 0);
    assert.deepEqual(await submits(page), [{ surface: 'inline', text: RISKY }]);
  });
});
