// The Firefox build under enterprise policy (issue 6): Debian's Firefox ESR, with a policies.json that
// force-installs dist/postguard-firefox.zip and configures it through `3rdparty.Extensions` — exactly
// the deployment docs/deploy.md describes — runs the analyser in its background event page, reads the
// managed values, reports the invalid one and applies the rest.
//
// Driven over WebDriver BiDi (Firefox's own remote protocol; playwright-core drives only its patched
// Firefox builds). The build is unsigned, so the profile allows unsigned add-ons, which Firefox ESR
// honours; Trusts deploy the signed XPI. Writing /etc/firefox/policies needs root; the file is removed
// afterwards.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GECKO_ID } from '../../tools/firefox-manifest.mjs';

const FIREFOX = process.env.POSTGUARD_FIREFOX || '/usr/bin/firefox-esr';
const XPI = resolve(process.env.POSTGUARD_FIREFOX_XPI || fileURLToPath(new URL('../../dist/postguard-firefox.zip', import.meta.url)));
/**
 * Where the test puts the XPI for policy to install: Firefox refuses a `file://` install URL under the
 * system temp directory (measured: a clone under /tmp fails, the same file elsewhere installs), and a
 * clone may live anywhere, so the package is copied to a fixed root-owned place and removed after.
 */
const INSTALL_DIR = '/var/lib/postguard-e2e';
const INSTALLED_XPI = join(INSTALL_DIR, 'postguard-firefox.xpi');
const POLICY_DIR = '/etc/firefox/policies';
const POLICY_FILE = join(POLICY_DIR, 'policies.json');

const TRUST = 'Harbourside NHS Foundation Trust';
const POLICY = Object.freeze({
  trustName: TRUST,
  commsContact: 'Harbourside Communications, comms@harbourside.nhs.uk',
  wardNames: ['Kingfisher'],
  ruleActions: { 'patient-name': 'block', 'nhs-number': 'blok' },
  // These tests are about the rules' ward list; the learned model would also (rightly) mark "Mrs Green
  // … such a character today" as possibly identifying. Its own behaviour is tested in
  // learned-model.test.mjs; here IT turns it off for confidentiality, through managed storage.
  modelActions: { confidentiality: 'off' },
});

/** A minimal WebDriver BiDi client: one command at a time is all this test needs. */
class Bidi {
  /** @param {string} url */
  static async connect(url) {
    const ws = new WebSocket(url);
    await new Promise((res, rej) => { ws.onopen = res; ws.onerror = () => rej(new Error(`cannot connect to ${url}`)); });
    return new Bidi(ws);
  }
  /** @param {WebSocket} ws */
  constructor(ws) {
    this.ws = ws;
    this.id = 0;
    /** @type {Map<number, {resolve: (v: any) => void, reject: (e: Error) => void}>} */
    this.pending = new Map();
    ws.onmessage = (event) => {
      const msg = JSON.parse(String(event.data));
      const waiter = this.pending.get(msg.id);
      if (!waiter) return;
      this.pending.delete(msg.id);
      if (msg.type === 'error') waiter.reject(new Error(`${msg.error}: ${msg.message}`));
      else waiter.resolve(msg.result);
    };
  }
  /** @param {string} method @param {object} params */
  send(method, params) {
    const id = ++this.id;
    this.ws.send(JSON.stringify({ id, method, params }));
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }
  /**
   * Evaluates `expression` (awaiting a promise) in `context` and returns its JSON value.
   * @param {string} context @param {string} expression
   */
  async eval(context, expression) {
    const r = await this.send('script.evaluate', {
      expression: `(async () => JSON.stringify(await (${expression})))()`,
      target: { context },
      awaitPromise: true,
    });
    if (r.type === 'exception') throw new Error(`in page: ${r.exceptionDetails?.text}`);
    return JSON.parse(r.result.value ?? 'null');
  }
}

describe('Firefox ESR: force-installed by policies.json and configured through 3rdparty', () => {
  const uuid = randomUUID();
  const optionsUrl = `moz-extension://${uuid}/options/options.html`;
  const profile = mkdtempSync(join(tmpdir(), 'postguard-firefox-'));
  /** @type {import('node:child_process').ChildProcess | undefined} */
  let firefox;
  /** @type {Bidi} */
  let bidi;
  /** @type {string} */
  let context;

  before(async () => {
    assert.equal(process.getuid?.(), 0, 'this test writes Firefox\'s system policies and must run as root');
    assert.ok(existsSync(FIREFOX), `Firefox ESR is not installed at ${FIREFOX} (./build.sh test installs firefox-esr)`);
    assert.ok(existsSync(XPI), `no Firefox build at ${XPI}: run ./build.sh package`);
    assert.equal(typeof WebSocket, 'function', 'needs WebSocket (Node 22+, or Node 20 with --experimental-websocket as build.sh passes)');
    mkdirSync(INSTALL_DIR, { recursive: true });
    copyFileSync(XPI, INSTALLED_XPI);
    mkdirSync(POLICY_DIR, { recursive: true });
    assert.ok(!existsSync(POLICY_FILE), `${POLICY_FILE} exists already; not overwriting another deployment's policies`);
    writeFileSync(POLICY_FILE, JSON.stringify({
      policies: {
        ExtensionSettings: { [GECKO_ID]: { installation_mode: 'force_installed', install_url: `file://${INSTALLED_XPI}` } },
        '3rdparty': { Extensions: { [GECKO_ID]: POLICY } },
      },
    }, null, 2));
    writeFileSync(join(profile, 'user.js'), [
      ['xpinstall.signatures.required', false],
      ['extensions.webextensions.uuids', JSON.stringify({ [GECKO_ID]: uuid })],
      ['browser.shell.checkDefaultBrowser', false],
      ['app.update.enabled', false],
      ['extensions.update.enabled', false],
      ['datareporting.policy.dataSubmissionEnabled', false],
      ['toolkit.telemetry.enabled', false],
      ['network.captive-portal-service.enabled', false],
      ['browser.safebrowsing.update.enabled', false],
    ].map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`).join('\n') + '\n');

    // The options page is the start page: remote navigation to extension pages is not allowed, but
    // reloading a page that is already one is.
    firefox = spawn(FIREFOX, ['--headless', '--no-remote', '--profile', profile, '--remote-debugging-port', '0', optionsUrl], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const url = await new Promise((resolveUrl, reject) => {
      let log = '';
      const timer = setTimeout(() => reject(new Error(`Firefox did not start its remote agent:\n${log}`)), 30_000);
      firefox?.stderr?.on('data', (chunk) => {
        log += chunk;
        const m = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(log);
        if (m) { clearTimeout(timer); resolveUrl(m[1]); }
      });
    });
    bidi = await Bidi.connect(`${url}/session`);
    await bidi.send('session.new', { capabilities: {} });
    const tree = await bidi.send('browsingContext.getTree', {});
    context = tree.contexts[0].context;
  });

  after(async () => {
    firefox?.kill();
    rmSync(POLICY_FILE, { force: true });
    rmSync(INSTALL_DIR, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  });

  /** Waits until the options page shows the managed Trust name (the policy install runs during start-up). */
  async function openOptions() {
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        const ready = await bidi.eval(context, `document.querySelector('#policy tr[data-setting="trustName"] td.value')?.textContent ?? null`);
        if (ready === TRUST) return;
        await bidi.send('browsingContext.reload', { context, wait: 'complete' });
      } catch { /* not installed yet: the start page is an error page until it is */ }
      assert.ok(Date.now() < deadline, 'postguard was not force-installed, or its options page never showed the managed Trust name');
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  it('is installed by policy and its options page shows the managed values, their source and the bad one', async () => {
    await openOptions();
    const state = await bidi.eval(context, `({
      source: document.querySelector('#policy tr[data-setting="trustName"] [data-source]')?.dataset.source,
      wardNames: document.querySelector('#policy tr[data-setting="wardNames"] td.value')?.textContent,
      issues: [...document.querySelectorAll('#issues li')].map((li) => li.dataset.setting),
    })`);
    assert.deepEqual(state, { source: 'managed', wardNames: 'Kingfisher', issues: ['ruleActions.nhs-number'] });
  });

  it('runs the WASM analyser in the background event page, applying the rest of the policy', async () => {
    await openOptions();
    const reply = await bidi.eval(context, `chrome.runtime.sendMessage({ type: 'analyze', text: 'Mrs Green on Kingfisher was such a character today' })`);
    assert.equal(reply?.ok, true, JSON.stringify(reply));
    assert.deepEqual(reply.findings.map((/** @type {any} */ f) => [f.rule, f.action]), [['patient-name', 'block']]);
    const settings = await bidi.eval(context, `chrome.runtime.sendMessage({ type: 'settings' })`);
    assert.equal(settings?.settings?.trustName, TRUST);
    const benign = await bidi.eval(context, `chrome.runtime.sendMessage({ type: 'analyze', text: 'Mrs Green on Puffin was such a character today' })`);
    assert.deepEqual(benign.findings, [], 'an unlisted place is not a ward');
  });
});
