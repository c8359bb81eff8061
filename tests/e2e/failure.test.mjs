// When the analyser cannot run, the page keeps working (fail open) unless the Trust chose to hold
// posts (settings.failClosed). Fault injection: a copy of the built extension whose service worker
// answers settings but never analyses, as a crashed or stuck analyser would.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFixtureServer } from './lib/server.mjs';
import { launchWithExtension, distDir } from './lib/browser.mjs';
import { typeInto, submits, dialog, marks } from './lib/fixture.mjs';

const RISKY = 'Patient NHS number 943 476 5919 seen today';

/**
 * The built extension with its worker replaced by one that fails every analysis.
 * @param {boolean} failClosed
 */
function brokenDist(failClosed) {
  const dir = mkdtempSync(join(tmpdir(), 'postguard-broken-'));
  cpSync(distDir(), dir, { recursive: true });
  writeFileSync(join(dir, 'worker', 'background.js'), `
// Fault injection for failure.test.mjs: settings answer, analysis always fails.
chrome.runtime.onMessage.addListener((message, _sender, reply) => {
  if (message && message.type === 'settings') {
    reply({ ok: true, settings: { trustName: 'Example Trust', commsContact: 'comms', speakUpContact: 'guardian', policyUrl: '', allowOverride: true, failClosed: ${failClosed} } });
  } else {
    reply({ ok: false, error: 'analyser unavailable (injected)' });
  }
  return false;
});
`);
  return dir;
}

describe('when the analyser cannot run', () => {
  /** @type {(() => Promise<void>)[]} */
  const cleanups = [];
  after(async () => { for (const c of cleanups) await c(); });

  async function open(failClosed) {
    const server = await startFixtureServer();
    const dist = brokenDist(failClosed);
    const browser = await launchWithExtension({ port: server.port, dist });
    cleanups.push(async () => { await browser.close(); await server.close(); rmSync(dist, { recursive: true, force: true }); });
    const page = await browser.context.newPage();
    await page.goto('https://x.com/home');
    const editor = page.locator('[data-testid="primaryColumn"] [data-testid="tweetTextarea_0"]');
    await typeInto(editor, RISKY);
    return page;
  }

  it('fails open: the post goes through once, with no dialog and no marks', async () => {
    const page = await open(false);
    await page.locator('button[data-testid="tweetButtonInline"]').click();
    await page.waitForFunction(() => /** @type {any} */ (window).__fixture.submits.length > 0, null, { timeout: 8000 });
    await page.waitForTimeout(250);
    assert.deepEqual(await submits(page), [{ surface: 'inline', text: RISKY }]);
    assert.equal(await dialog(page).count(), 0);
    assert.equal(await marks(page).count(), 0);
  });

  it('fails closed when the Trust says so: the post is held and only "Edit post" is offered', async () => {
    const page = await open(true);
    await page.locator('button[data-testid="tweetButtonInline"]').click();
    const alert = dialog(page);
    await alert.waitFor({ state: 'visible', timeout: 8000 });
    assert.equal(await alert.getByRole('button', { name: 'Post anyway', exact: true }).count(), 0);
    assert.match(await alert.innerText(), /could not check/);
    await alert.getByRole('button', { name: 'Edit post', exact: true }).click();
    assert.deepEqual(await submits(page), [], 'nothing was posted');
  });
});
