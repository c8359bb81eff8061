// The site adapter table's rules, checked in a real page (the table validates selectors with the
// browser's own CSS parser): IT selector overrides go first, invalid ones are dropped, unknown
// hosts get nothing, and label matchers only match the exact label.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM, baseArgs, freshProfile } from './lib/browser.mjs';

const SOURCE = readFileSync(new URL('../../extension/content/adapters.js', import.meta.url), 'utf8');

describe('site adapter table', () => {
  /** @type {import('playwright-core').BrowserContext} */
  let context;
  /** @type {import('playwright-core').Page} */
  let page;
  const profile = freshProfile();
  before(async () => {
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: baseArgs(9) });
    page = await context.newPage();
    await page.setContent('<div role="button" aria-label="Share">Share</div><div role="button">Shared</div>');
    await page.evaluate(`${SOURCE}; window.PgAdapters = PgAdapters;`);
  });
  after(async () => {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('puts IT overrides first and drops selectors that do not parse', async () => {
    const site = await page.evaluate(() => /** @type {any} */ (window).PgAdapters.forHost('x.com', {
      x: { editors: ['textarea.trust-custom', '###not a selector', 42], submits: ['button.trust-send', ':::'], enterSends: true },
    }));
    assert.equal(site.id, 'x');
    assert.deepEqual(site.surfaces[0], {
      id: 'override', editors: ['textarea.trust-custom'], submits: ['button.trust-send'], send: { enter: true, ctrlEnter: true },
    });
    assert.ok(site.surfaces.length > 1, 'built-in surfaces still follow');
  });

  it('ignores an override with no usable editor selector, and other sites\' overrides', async () => {
    const a = await page.evaluate(() => /** @type {any} */ (window).PgAdapters.forHost('x.com', { x: { editors: ['((('] } }));
    assert.notEqual(a.surfaces[0].id, 'override');
    const b = await page.evaluate(() => /** @type {any} */ (window).PgAdapters.forHost('www.tiktok.com', { x: { editors: ['textarea'] } }));
    assert.equal(b.id, 'tiktok');
    assert.notEqual(b.surfaces[0].id, 'override');
  });

  it('has nothing for hosts outside the five sites', async () => {
    assert.equal(await page.evaluate(() => /** @type {any} */ (window).PgAdapters.forHost('example.org')), null);
  });

  it('label matchers match the exact label only', async () => {
    const [share, shared] = await page.evaluate(() => {
      const A = /** @type {any} */ (window).PgAdapters;
      const m = { css: '[role="button"]', labels: ['Share'] };
      const els = document.querySelectorAll('[role="button"]');
      return [A.matchesSubmit(els[0], m), A.matchesSubmit(els[1], m)];
    });
    assert.deepEqual([share, shared], [true, false]);
  });
});
