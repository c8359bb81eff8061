/**
 * A Trust's managed policy for the test browser, written where Chromium on Linux reads it
 * (/etc/chromium/policies/managed/*.json, `3rdparty.extensions.<id>`, DESIGN §5.5), as IT deploys it.
 * Writing there needs root (CI and the tests run as root); each test file uses its own file name and
 * removes it afterwards. A browser reads the policy when it starts.
 */
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { manifestExtensionId } from './browser.mjs';

export const POLICY_DIR = '/etc/chromium/policies/managed';

/**
 * Writes `policy` for the built extension's ID; returns a function that removes it.
 * @param {string} name   the file's name, unique to the test file
 * @param {object} policy
 * @param {string} [dist] the extension whose manifest key fixes the ID (the built one unless given)
 */
export function writeManagedPolicy(name, policy, dist) {
  assert.equal(process.getuid?.(), 0, 'writing Chromium\'s managed policy directory needs root');
  const id = manifestExtensionId(dist ? join(dist, 'manifest.json') : undefined);
  const file = join(POLICY_DIR, name);
  mkdirSync(POLICY_DIR, { recursive: true });
  writeFileSync(file, JSON.stringify({ '3rdparty': { extensions: { [id]: policy } } }, null, 2));
  return () => rmSync(file, { force: true });
}

/**
 * Resolves once the extension's worker reads `trustName` from managed storage.
 * @param {import('playwright-core').Worker} worker
 * @param {string} trustName
 */
export async function waitForManagedPolicy(worker, trustName, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const got = await worker.evaluate(async () => (await chrome.storage.managed.get('trustName')).trustName);
    if (got === trustName) return;
    if (Date.now() > deadline) throw new Error(`managed policy did not reach the worker (trustName: ${JSON.stringify(got)})`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
