/**
 * The per-site end-to-end suite (issue 5), run for each fixture site from its SiteSpec: on every
 * compose surface, a mark appears over the risky span; every submit path (click, the keys the site
 * sends with, keyboard activation of div buttons) is paused; "Edit post" returns to the editor with
 * the draft intact and the caret at the finding; "Post anyway" posts exactly once, unchanged;
 * benign drafts post untouched; media attachments get the consent reminder; the editor's DOM is only
 * ever what the page rendered; and nothing leaves for another host.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startSuite, typeInto, submits, waitForSubmits, attachments, marks, markBoxes, dialog, textBox, assertCovers, assertOnlyHosts,
  screenshot, foreignMutations, editorsUntouched,
} from './fixture.mjs';
import { jpeg } from './media.mjs';

export const RISKY = 'Patient NHS number 943 476 5919 seen today';
export const NUMBER = '943 476 5919';
export const BENIGN = 'Proud of our ward team today. Thank you all!';

/** One sample draft per risk family, with the span its mark must cover. */
const FAMILIES = [
  { category: 'confidentiality', text: RISKY, span: NUMBER },
  { category: 'disrepute', text: 'Honestly the patients on this ward are animals', span: 'animals' },
  { category: 'consent', text: 'Here is a photo of my patient in bed 4 before her operation', span: 'photo' },
];

/**
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} host
 * @param {import('./sites.mjs').SurfaceSpec | import('./sites.mjs').MediaSpec} spec
 */
export async function openSurface(context, host, spec) {
  const page = await context.newPage();
  await page.goto(`https://${host}${spec.path}`, { waitUntil: 'load' });
  if (spec.open) await spec.open(page);
  return page;
}


/** Whether the editor has focus (looking through shadow roots). @param {import('playwright-core').Locator} editor */
function editorFocused(editor) {
  return editor.evaluate((el) => {
    let a = document.activeElement;
    while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
    return a === el;
  });
}

/** The caret's text offset in a single-line draft. @param {import('playwright-core').Locator} editor */
function caretOffset(editor) {
  return editor.evaluate((el) => {
    if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) return el.selectionStart;
    const root = /** @type {any} */ (el.getRootNode());
    const sel = typeof root.getSelection === 'function' ? root.getSelection() : document.getSelection();
    if (!sel || !sel.anchorNode || !el.contains(sel.anchorNode)) return -1;
    let offset = 0;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n === sel.anchorNode) return offset + sel.anchorOffset;
      offset += /** @type {Text} */ (n).data.length;
    }
    return -1;
  });
}

/** The draft as the editor shows it. @param {import('playwright-core').Locator} editor */
function draftText(editor) {
  return editor.evaluate((el) => (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement ? el.value : /** @type {HTMLElement} */ (el).innerText.replace(/\n$/, '')));
}

/** @param {import('playwright-core').Page} page */
async function assertEditorsUntouched(page) {
  assert.deepEqual(await foreignMutations(page), [], 'no DOM change inside any editor but the page\'s own renders');
  assert.ok((await editorsUntouched(page)).every(Boolean), 'each editor\'s DOM is exactly what the page last rendered');
}

/**
 * @param {import('playwright-core').Page} page
 * @param {import('./sites.mjs').SurfaceSpec} s
 * @param {import('playwright-core').Locator} editor
 */
async function assertMarkOverNumber(page, s, editor) {
  const mark = marks(page, 'confidentiality');
  await mark.first().waitFor({ state: 'visible', timeout: 5000 });
  // A span that wraps has one mark per line: compare the union of the marks with the text's box.
  const box = union(await markBoxes(page, 'confidentiality'));
  if (s.field) {
    // A textarea's characters have no DOM boxes to compare with; the mark must lie inside the field.
    const field = await editor.boundingBox();
    assert.ok(box && field && box.x >= field.x && box.x + box.width <= field.x + field.width + 1 && box.y >= field.y - 1 && box.y + box.height <= field.y + field.height + 1, 'mark inside the field');
    assert.ok(box && box.width > 40, 'mark spans the number');
  } else {
    assertCovers(box, await spanBox(page, s, editor, NUMBER));
  }
}

/**
 * The gate as a person meets it on surface `s`: a risky draft typed and its mark drawn; the submit
 * click paused with nothing posted; "Edit post" returns to the draft, intact; the click again and
 * "Post anyway" post it exactly once, unchanged (through the site's own confirmation, if it has one).
 * @param {import('playwright-core').Page} page
 * @param {any} s  a SiteSpec surface
 */
export async function pausedThenPostedOnce(page, s) {
  const editor = editorOf(page, s);
  await typeInto(editor, RISKY);
  await marks(page, 'confidentiality').first().waitFor({ state: 'visible', timeout: 5000 });
  await page.locator(s.submit).click();
  const alert = dialog(page);
  await alert.waitFor({ state: 'visible', timeout: 5000 });
  assert.deepEqual(await submits(page), [], 'the click did not post');
  await alert.getByRole('button', { name: 'Edit post', exact: true }).click();
  await alert.waitFor({ state: 'hidden', timeout: 5000 });
  const draft = await editor.evaluate((el) => (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement
    ? el.value : /** @type {HTMLElement} */ (el).innerText.replace(/\n$/, '')));
  assert.equal(draft, RISKY, 'the draft is intact');
  await page.locator(s.submit).click();
  await alert.waitFor({ state: 'visible', timeout: 5000 });
  await alert.getByRole('button', { name: 'Post anyway', exact: true }).click();
  if (s.confirm) await page.locator(s.confirm).click(); // Medium posts from its story preview; Blogger asks "Publish post?"
  await waitForSubmits(page);
  assert.deepEqual(await submits(page), [{ surface: s.recorded, text: RISKY }]);
}

/**
 * The surface's editor: in the page, or in the same-origin frame it is written in (WordPress's canvas).
 * @param {import('playwright-core').Page} page
 * @param {import('./sites.mjs').SurfaceSpec} s
 */
export function editorOf(page, s) {
  return s.frame ? page.frameLocator(s.frame).locator(s.editor) : page.locator(s.editor);
}

/**
 * Where `needle` is in the editor, in the page's viewport (marks are drawn there): a frame's text is
 * measured in the frame's viewport, so the frame's content box is added.
 * @param {import('playwright-core').Page} page
 * @param {import('./sites.mjs').SurfaceSpec} s
 * @param {import('playwright-core').Locator} editor
 * @param {string} needle
 */
export async function spanBox(page, s, editor, needle) {
  const box = await textBox(editor, needle);
  if (!s.frame || !box) return box;
  const at = await page.locator(s.frame).evaluate((f) => { const r = f.getBoundingClientRect(); return { x: r.left + f.clientLeft, y: r.top + f.clientTop }; });
  return { ...box, x: box.x + at.x, y: box.y + at.y };
}

/**
 * The smallest box holding all the given boxes.
 * @param {({x: number, y: number, width: number, height: number} | null)[]} boxes
 */
function union(boxes) {
  const list = boxes.filter((b) => b !== null);
  if (list.length === 0) return null;
  const x = Math.min(...list.map((b) => b.x));
  const y = Math.min(...list.map((b) => b.y));
  const right = Math.max(...list.map((b) => b.x + b.width));
  const bottom = Math.max(...list.map((b) => b.y + b.height));
  return { x, y, width: right - x, height: bottom - y };
}

/**
 * On a site that posts in two presses (Medium), the second one, once the first has done its part.
 * @param {import('playwright-core').Page} page
 * @param {import('./sites.mjs').SurfaceSpec} s
 */
async function confirmPost(page, s) {
  if (s.confirm) await page.locator(s.confirm).click();
}

/**
 * @param {import('./sites.mjs').SiteSpec} site
 * @param {{start?: () => ReturnType<typeof startSuite>}} [options]  `start`: how to bring up the server and
 *        browser (a host IT added needs its policy and the person's grant first: added-hosts.test.mjs)
 */
export function siteSuite(site, { start = startSuite } = {}) {
  describe(`${site.id}: every compose surface`, () => {
    /** @type {Awaited<ReturnType<typeof startSuite>>} */
    let suite;
    before(async () => { suite = await start(); });
    after(async () => { await suite?.close(); });

    site.surfaces.forEach((s, i) => {
      it(`${s.name}: mark, click paused, Edit post keeps the draft, Post anyway posts once`, async () => {
        const page = await openSurface(suite.browser.context, site.host, s);
        const editor = editorOf(page, s);
        await typeInto(editor, RISKY);
        await assertMarkOverNumber(page, s, editor);
        if (i === 0) await screenshot(page, `${site.id}-marks`);

        await page.locator(s.submit).click();
        const alert = dialog(page);
        await alert.waitFor({ state: 'visible', timeout: 5000 });
        if (i === 0) await screenshot(page, `${site.id}-dialog`);
        assert.deepEqual(await submits(page), [], "the page's submit handler has not run");

        await alert.getByRole('button', { name: 'Edit post', exact: true }).click();
        await alert.waitFor({ state: 'detached', timeout: 5000 });
        assert.ok(await editorFocused(editor), 'focus is back in the editor');
        assert.equal(await caretOffset(editor), RISKY.indexOf(NUMBER), 'caret at the finding');
        assert.equal(await draftText(editor), RISKY, 'draft intact');
        assert.deepEqual(await submits(page), []);

        await page.locator(s.submit).click();
        await alert.waitFor({ state: 'visible', timeout: 5000 });
        await alert.getByRole('button', { name: 'Post anyway', exact: true }).click();
        await confirmPost(page, s);
        await waitForSubmits(page);
        assert.deepEqual(await submits(page), [{ surface: s.recorded, text: RISKY }], 'posted exactly once, unchanged');
        await assertEditorsUntouched(page);
        await page.close();
      });

      for (const key of s.keys) {
        it(`${s.name}: ${key} in the editor is paused, Post anyway posts once`, async () => {
          const page = await openSurface(suite.browser.context, site.host, s);
          const editor = editorOf(page, s);
          await typeInto(editor, RISKY);
          await marks(page, 'confidentiality').first().waitFor({ state: 'visible', timeout: 5000 });
          await editor.press(key);
          const alert = dialog(page);
          await alert.waitFor({ state: 'visible', timeout: 5000 });
          assert.deepEqual(await submits(page), [], `${key} did not send`);
          assert.equal(await draftText(editor), RISKY, 'no line break was inserted');
          await alert.getByRole('button', { name: 'Post anyway', exact: true }).click();
          await confirmPost(page, s);
          await waitForSubmits(page);
          assert.deepEqual(await submits(page), [{ surface: s.recorded, text: RISKY }]);
          await assertEditorsUntouched(page);
          await page.close();
        });
      }

      for (const key of s.controlKeys ?? []) {
        it(`${s.name}: ${key === ' ' ? 'Space' : key} on the focused submit control is paused`, async () => {
          const page = await openSurface(suite.browser.context, site.host, s);
          const editor = editorOf(page, s);
          await typeInto(editor, RISKY);
          await marks(page, 'confidentiality').first().waitFor({ state: 'visible', timeout: 5000 });
          await page.locator(s.submit).focus();
          await page.keyboard.press(key);
          const alert = dialog(page);
          await alert.waitFor({ state: 'visible', timeout: 5000 });
          assert.deepEqual(await submits(page), []);
          await alert.getByRole('button', { name: 'Post anyway', exact: true }).click();
          await confirmPost(page, s);
          await waitForSubmits(page);
          assert.deepEqual(await submits(page), [{ surface: s.recorded, text: RISKY }]);
          await page.close();
        });
      }

      it(`${s.name}: a benign draft posts untouched, with no dialog`, async () => {
        const page = await openSurface(suite.browser.context, site.host, s);
        const editor = editorOf(page, s);
        await typeInto(editor, BENIGN);
        await page.locator(s.submit).click();
        await confirmPost(page, s);
        await waitForSubmits(page);
        assert.equal(await dialog(page).count(), 0, 'no dialog');
        assert.deepEqual(await submits(page), [{ surface: s.recorded, text: BENIGN }]);
        await assertEditorsUntouched(page);
        await page.close();
      });
    });

    for (const fam of FAMILIES) {
      it(`marks the ${fam.category} family over its span`, async () => {
        const s = site.surfaces.find((x) => !x.field) ?? site.surfaces[0];
        const page = await openSurface(suite.browser.context, site.host, s);
        const editor = editorOf(page, s);
        await typeInto(editor, fam.text);
        const mark = marks(page, fam.category);
        await mark.first().waitFor({ state: 'visible', timeout: 5000 });
        if (s.field) {
          // A site whose every box is a <textarea> (Mastodon): its characters have no DOM boxes, so the
          // family's marks must lie inside the field, as for the number on a field surface above.
          const field = await editor.boundingBox();
          const inside = (await markBoxes(page, fam.category)).filter((b) => b && field && b.x >= field.x - 1 && b.x + b.width <= field.x + field.width + 1 &&
            b.y >= field.y - 1 && b.y + b.height <= field.y + field.height + 1);
          assert.ok(inside.length > 0, `a ${fam.category} mark lies inside the field`);
          await page.close();
          return;
        }
        // A long finding wraps onto several lines in a narrow editor and is drawn as one box per line:
        // the span must lie inside one of the boxes, on its line.
        const span = await spanBox(page, s, editor, fam.span);
        const boxes = await markBoxes(page, fam.category);
        const covers = (/** @type {any} */ box) => box && span && box.x <= span.x + 2 && box.x + box.width >= span.x + span.width - 2 &&
          box.y <= span.y + span.height / 2 && box.y + box.height >= span.y + span.height / 2;
        assert.ok(boxes.some(covers), `a mark covers the span (${JSON.stringify(boxes)} vs ${JSON.stringify(span)})`);
        await page.close();
      });
    }

    if (site.media) mediaTests(site, site.media, () => suite.browser);

    it('nothing left the browser for any host but the site\'s', () => {
      assert.ok(suite.server.requests.some((r) => r.host === site.host), 'the fixture pages loaded');
      assertOnlyHosts(suite.server, suite.browser, site.hosts);
    });
  });
}

/**
 * The photo checks on the site's media input (a site whose upload postguard cannot reach has none).
 * @param {import('./sites.mjs').SiteSpec} site
 * @param {import('./sites.mjs').MediaSpec} media
 * @param {() => Awaited<ReturnType<typeof startSuite>>['browser']} browser  the running suite's browser
 */
function mediaTests(site, media, browser) {
  {
    const suite = { get browser() { return browser(); } };
    it('attaching a photo shows the consent reminder, and the page still gets the file', async () => {
      const page = await openSurface(suite.browser.context, site.host, media);
      await page.setInputFiles(media.input, { name: 'ward.jpg', mimeType: 'image/jpeg', buffer: jpeg({ gps: false }) });
      const notice = page.locator('[data-postguard] [data-postguard-notice]');
      await notice.first().waitFor({ state: 'visible', timeout: 5000 });
      assert.match(await notice.first().innerText(), /consent/i);
      const near = await page.locator(media.near).first().boundingBox();
      const at = await notice.first().boundingBox();
      assert.ok(near && at && at.y >= near.y - 200 && at.y <= near.y + near.height + 200, 'the reminder is by the compose box');
      assert.equal((await attachments(page)).length, 1, 'the page received the file as usual');
      await screenshot(page, `${site.id}-media`);
      await page.close();
    });

    it('a photo whose EXIF has GPS gets the "contains its location" warning', async () => {
      const page = await openSurface(suite.browser.context, site.host, media);
      await page.setInputFiles(media.input, { name: 'ward.jpg', mimeType: 'image/jpeg', buffer: jpeg({ gps: true }) });
      const warning = page.locator('[data-postguard] [data-postguard-notice="location"]');
      await warning.waitFor({ state: 'visible', timeout: 5000 });
      assert.match(await warning.innerText(), /contains its location/i);
      await page.close();
    });

    it('a photo without GPS gets the consent reminder but no location warning', async () => {
      const page = await openSurface(suite.browser.context, site.host, media);
      await page.setInputFiles(media.input, { name: 'team.jpg', mimeType: 'image/jpeg', buffer: jpeg({ gps: false }) });
      await page.locator('[data-postguard] [data-postguard-notice]').first().waitFor({ state: 'visible', timeout: 5000 });
      await page.waitForTimeout(500); // the worker's answer about location arrives within this
      assert.equal(await page.locator('[data-postguard] [data-postguard-notice="location"]').count(), 0);
      await page.close();
    });
  }
}
