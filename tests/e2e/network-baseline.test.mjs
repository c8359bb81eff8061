// The bare browser's own background requests, with no extension loaded: the only requests the
// other tests' network checks exempt at the fixture server (lib/fixture.mjs HOUSEKEEPING). If this
// fails, the exemption list names something Chromium does not do by itself, and must shrink.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { startFixtureServer } from './lib/server.mjs';
import { CHROMIUM, baseArgs, freshProfile } from './lib/browser.mjs';
import { HOUSEKEEPING, isHousekeeping } from './lib/fixture.mjs';

describe('network baseline without the extension', () => {
  /** @type {import('./lib/server.mjs').FixtureServer} */
  let server;
  before(async () => { server = await startFixtureServer(); });
  after(async () => { await server?.close(); });

  it('every exempted request is one the bare browser makes by itself', async () => {
    const profile = freshProfile();
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      ignoreHTTPSErrors: true,
      args: baseArgs(server.port),
    });
    try {
      const page = await context.newPage();
      await page.goto('https://x.com/home');
      // Give the browser's start-up checks time to happen (they fire within ~2 s here).
      const deadline = Date.now() + 8000;
      while (Date.now() < deadline && !HOUSEKEEPING.every((h) => server.requests.some((r) => r.host === h.host && r.path === h.path))) {
        await new Promise((r) => setTimeout(r, 200));
      }
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
    for (const h of HOUSEKEEPING) {
      assert.ok(server.requests.some((r) => r.host === h.host && r.method === h.method && r.path === h.path),
        `the bare browser itself requests ${h.method} ${h.host}${h.path}`);
    }
    const other = server.requests.filter((r) => r.host !== 'x.com' && !isHousekeeping(r));
    assert.deepEqual(other, [], 'and nothing else besides the page');
  });
});
