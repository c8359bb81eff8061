/**
 * A browser whose extension has a worker the test controls: it answers settings at once and holds
 * every analysis until the test releases them, then answers as the analyser would for the NHS number
 * 943 476 5919 (or, with `fail`, that it could not analyse). Used to see what a person sees while a
 * check is still coming, and what happens meanwhile (a copy of the built extension with
 * worker/background.js replaced; the real package is never changed).
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFixtureServer } from './server.mjs';
import { askWorker, distDir, launchWithExtension } from './browser.mjs';

/** The Trust name the slow worker's settings carry. */
export const SLOW_TRUST = 'Example Trust';

/** @param {{fail?: boolean, failClosed?: boolean}} options */
function slowWorkerDist({ fail = false, failClosed = false }) {
  const dir = mkdtempSync(join(tmpdir(), 'postguard-slow-'));
  cpSync(distDir(), dir, { recursive: true });
  const settings = { trustName: SLOW_TRUST, commsContact: 'the comms team', speakUpContact: 'the Guardian', policyUrl: '', allowOverride: true, failClosed };
  writeFileSync(join(dir, 'worker', 'background.js'), `
// A worker whose analyses wait for the test (tests/e2e/lib/slow-worker.mjs).
const settings = ${JSON.stringify(settings)};
const fail = ${JSON.stringify(fail)};
let released = false;
let served = 0;
const held = [];
function answer(message, reply) {
  served += 1;
  if (fail) { reply({ ok: false, error: 'analysis unavailable: the analyser failed (injected)' }); return; }
  const start = message.text.indexOf('943 476 5919');
  const findings = start < 0 ? [] : [{ rule: 'nhs-number', category: 'confidentiality', severity: 'high', action: 'warn', start, end: start + 12,
    title: 'NHS number', message: 'This looks like a valid NHS number.', suggestion: null, policyRef: 'Policy 5.1', why: 'injected' }];
  reply({ ok: true, findings, truncated: false });
}
chrome.runtime.onMessage.addListener((message, _sender, reply) => {
  if (message?.type === 'settings') { reply({ ok: true, settings }); return false; }
  if (message?.type === 'served') { reply({ ok: true, served }); return false; }
  if (message?.type === 'release') { released = true; for (const [m, r] of held.splice(0)) answer(m, r); reply({ ok: true }); return false; }
  if (message?.type !== 'analyze') return false;
  if (released) { answer(message, reply); return false; }
  held.push([message, reply]);
  return true;
});
`);
  return dir;
}

/**
 * Starts a fixture server and a browser with the slow worker.
 * @param {{fail?: boolean, failClosed?: boolean}} [options]  `fail`: every analysis fails once released
 */
export async function startSlowWorker(options = {}) {
  const server = await startFixtureServer();
  const dist = slowWorkerDist(options);
  const browser = await launchWithExtension({ port: server.port, dist });
  /** Sends a message to the worker from one of the extension's own pages. @param {object} message */
  const tell = (message) => askWorker(browser, message);
  return {
    browser,
    /** Answers every analysis held so far, and every later one at once. */
    release: () => tell({ type: 'release' }),
    /** How many analyses the worker has answered. @returns {Promise<number>} */
    served: async () => (await tell({ type: 'served' })).served,
    async close() {
      await browser.close();
      await server.close();
      rmSync(dist, { recursive: true, force: true });
    },
  };
}
