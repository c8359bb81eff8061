// The real rollout path in Chromium (issue 19): a Trust's release made by tools/package.mjs (what
// `./build.sh package` runs) with the Trust's own key and update address, hosted on a local HTTPS
// server at a real-looking host (apps.harbourside.nhs.uk, through the fixture server's host mapping),
// and the rendered example policy (dist/policies/linux/postguard.json) dropped into
// /etc/chromium/policies/managed/, exactly as IT deploys it on Linux. Nothing is loaded unpacked:
// Chromium fetches updates.xml, downloads the versioned CRX, checks its hash and signature, installs it
// under the key's ID and marks a risky draft. Then a new version is
// published on the host and the installed extension updates to it.
//
// Chromium's periodic update timer did not fire within three minutes here, even with
// --extensions-update-frequency (measured with Chromium 156, headless), so the test asks for the update
// check as chrome://extensions' "Update" button does (developerPrivate.autoUpdate): the same updater,
// the same updates.xml from the Trust's host, just sooner. docs/deploy.md gives IT the same button.
//
// The Trust's settings (the same file's `3rdparty.extensions.<ID>`) reach the CRX-installed extension:
// a risky draft is blocked with no "Post anyway" and the dialog names the Trust. Two things to know,
// measured with Chromium 156: an extension installed by policy cannot be inspected through DevTools
// (DeveloperToolsAvailability's default forbids it for force-installed extensions), so the test reads
// neither its worker nor its pages, only what a person sees; and Chromium hands the settings over a
// moment after the install (about 2 s here), once it has read the extension's managed_schema.json, so
// the test waits until chrome://policy lists them, as docs/deploy.md's rollout check does. Measured with
// DeveloperToolsAvailability allowed (a probe, not this test): when a page used the extension within
// those first seconds, managed storage stayed empty for as long as measured (36 s) until
// chrome://policy's "Reload policies", whatever the policy file's age; docs/deploy.md says so.
//
// Writing the policy file needs root; the file is removed afterwards.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, baseArgs, distDir, freshProfile } from './lib/browser.mjs';
import { startFixtureServer } from './lib/server.mjs';
import { typeInto, marks, dialog, dialogText } from './lib/fixture.mjs';
import { makeRelease } from '../../tools/package.mjs';

const HOST = 'apps.harbourside.nhs.uk';
const BASE = `https://${HOST}/postguard`;
const POLICY_FILE = '/etc/chromium/policies/managed/postguard-e2e-crx-rollout.json';
const EDITOR = '[role="dialog"] [data-testid="tweetTextarea_0"]';
const POST = 'button[data-testid="tweetButton"]';
const TRUST = 'Harbourside NHS Foundation Trust';

describe('force-install from a signed CRX on the Trust\'s update host, then an update', () => {
  const work = mkdtempSync(join(tmpdir(), 'postguard-rollout-'));
  const hostRoot = join(work, 'www');
  const key = join(work, 'trust-signing-key.pem');
  /** @type {ReturnType<typeof makeRelease>} */
  let v1;
  /** @type {ReturnType<typeof makeRelease>} */
  let v2;
  /** @type {Awaited<ReturnType<typeof startFixtureServer>>} */
  let server;
  /** @type {import('playwright-core').BrowserContext} */
  let context;
  /** @type {string} */
  let profile;

  before(async () => {
    assert.equal(process.getuid?.(), 0, 'this test writes Chromium\'s managed policy directory and must run as root');
    execFileSync('openssl', ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', key], { stdio: 'ignore' });
    const version = JSON.parse(readFileSync(join(distDir(), 'manifest.json'), 'utf8')).version;
    v1 = makeRelease({ from: distDir(), key, base: BASE, out: join(work, 'v1'), version });
    v2 = makeRelease({ from: distDir(), key, base: BASE, out: join(work, 'v2'), version: `${version}.1` });
    mkdirSync(join(hostRoot, 'postguard'), { recursive: true });
    cpSync(join(work, 'v1', 'host'), join(hostRoot, 'postguard'), { recursive: true });
    server = await startFixtureServer({ fileHosts: { [HOST]: hostRoot } });

    // The example policy as ./build.sh package renders it for this Trust: its ID, its update address.
    mkdirSync('/etc/chromium/policies/managed', { recursive: true });
    writeFileSync(POLICY_FILE, readFileSync(join(work, 'v1', 'policies', 'linux', 'postguard.json')));

    profile = freshProfile();
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      ignoreHTTPSErrors: true,
      // Force-installs and updates need the extension system and its background downloads, which
      // playwright-core's defaults (and the other tests' flags) switch off.
      ignoreDefaultArgs: ['--disable-extensions', '--disable-background-networking', '--disable-component-update'],
      args: [...baseArgs(server.port).filter((a) => a !== '--disable-background-networking'), '--extensions-update-frequency=30'],
    });
  });

  after(async () => {
    await context?.close().catch(() => {});
    rmSync(POLICY_FILE, { force: true });
    await server?.close();
    rmSync(work, { recursive: true, force: true });
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  /**
   * The installed extension as chrome://extensions-internals reports it (a page of the browser, so
   * reading it keeps no extension page open, which would hold an update back).
   * @param {string} version  wait until this version is installed
   */
  async function installed(version) {
    const page = await context.newPage();
    try {
      const deadline = Date.now() + 30_000;
      for (;;) {
        await page.goto('chrome://extensions-internals');
        const list = JSON.parse(await page.locator('body').innerText());
        const ext = list.find((/** @type {{id: string}} */ e) => e.id === v1.id);
        if (ext?.version === version) return ext;
        assert.ok(Date.now() < deadline, `postguard ${version} was not installed: ${JSON.stringify(ext ?? null)}`);
        await page.waitForTimeout(500);
      }
    } finally {
      await page.close();
    }
  }

  /**
   * Waits until chrome://policy lists the Trust's settings for the extension: Chromium has read its
   * schema and loaded its policy, so managed storage holds them.
   */
  async function trustSettingsListed() {
    const page = await context.newPage();
    try {
      await page.goto('chrome://policy');
      await page.getByText(TRUST, { exact: true }).first().waitFor({ state: 'attached', timeout: 30_000 });
    } finally {
      await page.close();
    }
  }

  const fetched = () => server.requests.filter((r) => r.host === HOST).map((r) => `${r.path} ${r.status}`);

  it('installs the CRX the policy names, from the Trust\'s host, under the Trust\'s key ID', async () => {
    assert.notEqual(v1.id, 'jclnlfhjlmjcpkaommhkoajocmicibcg', 'the Trust\'s key, not the repository\'s');
    assert.equal(v1.id, v2.id, 'one key, one ID across releases');
    const ext = await installed(v1.version);
    assert.equal(ext.location, 'EXTERNAL_POLICY_DOWNLOAD', 'installed by policy from an update URL, not unpacked');
    assert.deepEqual(ext.disable_reasons, []);
    assert.deepEqual(fetched().slice(0, 2), ['/postguard/updates.xml 200', `/postguard/postguard-${v1.version}.crx 200`]);
    assert.ok(server.tlsNames.includes(HOST), 'over HTTPS, with the host name in SNI');
  });

  /** A draft with an NHS number, typed on X and submitted: the page and the dialog it pauses on. */
  async function submitRiskyDraft() {
    const page = await context.newPage();
    await page.goto('https://x.com/compose/post', { waitUntil: 'load' });
    await typeInto(page.locator(EDITOR), 'Patient NHS number 943 476 5919 seen today');
    await marks(page, 'confidentiality').first().waitFor({ state: 'visible', timeout: 10_000 });
    await page.locator(POST).click();
    const alert = dialog(page);
    await alert.waitFor({ state: 'visible', timeout: 5000 });
    return { page, alert };
  }

  it('applies the Trust\'s settings from the same policy file: the draft is blocked, and the dialog names the Trust', async () => {
    await installed(v1.version);
    await trustSettingsListed();
    const { page, alert } = await submitRiskyDraft();
    // The rendered policy sets nhs-number to block (its default is warn, which offers "Post anyway").
    assert.equal(await alert.getByRole('button', { name: 'Edit post', exact: true }).count(), 1);
    assert.equal(await alert.getByRole('button', { name: 'Post anyway' }).count(), 0, 'blocked: no "Post anyway"');
    const text = await dialogText(page);
    assert.match(text, /does not allow it to be posted as it is/);
    assert.ok(text.includes(TRUST), `the dialog names the Trust: ${text}`);
    assert.ok(text.includes('Harbourside Communications team'), 'and its communications contact');
    // trustProfile thh: only Hillingdon's clauses are cited.
    assert.match(text, /Policy: Hillingdon Social Media Policy §5\.1\n/);
    await page.close();
  });

  it('updates to a new version published on the host, checked by hash, and keeps working', async () => {
    const updates = readFileSync(join(work, 'v2', 'host', 'updates.xml'), 'utf8');
    assert.match(updates, new RegExp(`codebase='${BASE}/postguard-${v2.version}\\.crx' hash_sha256='[0-9a-f]{64}' version='${v2.version.replaceAll('.', '\\.')}'`));
    cpSync(join(work, 'v2', 'host'), join(hostRoot, 'postguard'), { recursive: true });
    const before = fetched().length;

    const extensions = await context.newPage();
    await extensions.goto('chrome://extensions');
    await extensions.evaluate(() => /** @type {any} */ (globalThis).chrome.developerPrivate.autoUpdate());
    await extensions.close();
    const ext = await installed(v2.version);
    assert.equal(ext.location, 'EXTERNAL_POLICY_DOWNLOAD');
    assert.deepEqual(fetched().slice(before), ['/postguard/updates.xml 200', `/postguard/postguard-${v2.version}.crx 200`],
      'the update came from the manifest\'s update_url on the Trust\'s host');

    await trustSettingsListed();
    const { page, alert } = await submitRiskyDraft();
    assert.equal(await alert.getByRole('button', { name: 'Post anyway' }).count(), 0, 'the Trust\'s settings still apply after the update');
    await page.close();
  });
});
