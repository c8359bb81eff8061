// The site adapter table's rules, checked in a real page (the table validates selectors with the
// browser's own CSS parser): IT selector overrides go first, invalid ones are dropped, unknown
// hosts get nothing, label matchers only match the exact label, and structural matchers (placed from
// the editor or from an anchor) name a control by its place.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM, baseArgs, freshProfile } from './lib/browser.mjs';

// The adapter table with what it builds on, in the manifest's order (frames.js: realm-safe node tests).
const SOURCE = ['frames.js', 'adapters.js']
  .map((f) => readFileSync(new URL(`../../extension/content/${f}`, import.meta.url), 'utf8')).join(';\n');

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

  it('covers exactly the hosts the manifest asks for, each with an adapter', async () => {
    const manifest = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8'));
    const asked = manifest.host_permissions.map((/** @type {string} */ p) => p.replace(/^https:\/\/|\/\*$/g, '')).sort();
    const table = await page.evaluate(() => /** @type {any} */ (window).PgAdapters.SITES.flatMap((/** @type {any} */ s) => s.hosts));
    assert.deepEqual([...table].sort(), asked);
  });

  it('structural matchers name a control by its place in the compose box, not its label', async () => {
    const picked = await page.evaluate(() => {
      const A = /** @type {any} */ (window).PgAdapters;
      const box = document.createElement('div');
      document.body.append(box);
      box.innerHTML = `
        <div role="dialog" id="d"><header><div role="button" id="back">‹</div><h1>Nouvelle publication</h1><div role="button" id="share">Partager</div></header>
          <div class="side"><div contenteditable="true" id="caption"></div><div role="button" id="emoji">☺</div></div>
          <footer><div role="button" id="last">Publier</div></footer></div>
        <div class="bar"><div role="button" id="attach">+</div><div contenteditable="true" id="chat"></div><div role="button" id="send">Envoyer</div></div>`;
      const caption = document.getElementById('caption');
      const chat = document.getElementById('chat');
      const dialog = document.getElementById('d');
      const bar = /** @type {Element} */ (chat.parentElement);
      const id = (/** @type {Element | null} */ el) => (el ? el.id : null);
      const result = {
        before: id(A.submitOf(caption, dialog, { css: '[role="button"]', pick: 'before', within: '[role="dialog"]' })),
        last: id(A.submitOf(caption, dialog, { css: '[role="button"]', pick: 'last', within: '[role="dialog"]' })),
        after: id(A.submitOf(chat, bar, { css: '[role="button"]', pick: 'after' })),
        // A scoped matcher answers only at its scope, not at a nearer box.
        nearer: id(A.submitOf(caption, /** @type {Element} */ (caption.parentElement), { css: '[role="button"]', pick: 'last', within: '[role="dialog"]' })),
        outside: A.matchesSubmit(document.getElementById('send'), { css: '[role="button"]', pick: 'last', within: '[role="dialog"]' }),
      };
      box.remove();
      return result;
    });
    assert.deepEqual(picked, { before: 'share', last: 'last', after: 'send', nearer: null, outside: false });
  });

  it('anchored structural matchers place the control from another element of the post (Blogger\'s title and its bar)', async () => {
    const picked = await page.evaluate(() => {
      const A = /** @type {any} */ (window).PgAdapters;
      const box = document.createElement('div');
      document.body.append(box);
      // A top bar split in two groups (Back and the title; the actions), a toolbar, the editor's frame
      // below, a settings panel beside the column, and a dialog opened later.
      box.innerHTML = `
        <div class="column">
          <div class="bar"><div class="left"><div role="button" id="back">←</div><div class="field"><div><input type="text" id="title"></div></div></div>
            <div class="right"><div role="button" id="save">💾</div><div role="button" id="preview">👁</div><div role="button" id="publish">Publier</div></div></div>
          <div class="toolbar"><div role="button" id="bold">G</div><div role="button" id="image">🖼</div></div>
          <div class="compose"><div contenteditable="true" id="body"></div><iframe class="editable"></iframe></div>
        </div>
        <aside><input type="text" id="labels"><div role="button" id="permalink">Lien permanent</div></aside>
        <div role="dialog"><div role="button" id="other">OK</div></div>`;
      const id = (/** @type {Element | null} */ el) => (el ? el.id : null);
      const title = /** @type {Element} */ (document.getElementById('title'));
      const body = /** @type {Element} */ (document.getElementById('body'));
      const blogger = A.forHost('www.blogger.com').surfaces[0];
      const m = blogger.submits[0];
      const at = (/** @type {Element} */ editor, /** @type {any} */ matcher) => id(A.submitOf(editor, /** @type {Element} */ (editor.parentElement), matcher));
      const result = {
        fromTitle: at(title, m),
        fromBody: at(body, m),
        after: at(body, { ...m, pick: 'after' }),
        before: at(body, { ...m, pick: 'before' }),
        noAnchor: at(body, { ...m, anchor: '#nothing' }),
        // Blogger's title by its place: the input above the editor's frame, not the settings panel's.
        titles: [...document.querySelectorAll('input')].filter((i) => blogger.editors.some((/** @type {string} */ sel) => i.matches(sel))).map((i) => i.id),
        candidate: A.matchesSubmit(document.getElementById('publish'), m),
      };
      box.remove();
      return result;
    });
    assert.deepEqual(picked, { fromTitle: 'publish', fromBody: 'publish', after: 'save', before: 'back', noAnchor: null, titles: ['title'], candidate: true });
  });

  it('has nothing for hosts outside the covered sites', async () => {
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
