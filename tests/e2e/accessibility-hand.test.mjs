// WCAG 2.2 AA, hand-written checks of issue 18 (what axe, in accessibility.test.mjs, cannot see): the
// whole flow by keyboard alone on every site; Windows forced colours, 200 % and 400 % zoom with every
// mark and control of postguard's painted on screen (the page's pixels compared with the element
// shown and hidden) and the panel reflowing in a 320 px window (1.4.10); the mark's card hoverable,
// dismissible with Escape and clear of focus, with the finding's Fix (1.4.13, 2.4.11); and Alt+F10
// from the draft where the compose box keeps Tab inside itself (2.1.1).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchWithExtension } from './lib/browser.mjs';
import { startFixtureServer } from './lib/server.mjs';
import {
  startSuite, submits, waitForSubmits, marks, markBoxes, dialog, clickBadge, paintedSeen, screenshot, textBox, BADGE, PANEL,
} from './lib/fixture.mjs';
import { SITES } from './lib/sites.mjs';
import { RISKY, NUMBER, openSurface, editorOf } from './lib/site-suite.mjs';
import { focused, tabTo, axNodes, typeDraft, center, recordAnnouncements, announcements, HOST, CARD, DRAFT } from './lib/a11y.mjs';

/** Whether focus is on postguard's badge. @param {import('./lib/a11y.mjs').Focus | null} f */
const onBadge = (f) => Boolean(f && f.postguard && /\bbadge\b/.test(f.className));

/**
 * Sends the draft by keyboard as the surface allows: its send key in the editor, or Tab to its
 * submit control and Enter (Space for none that takes only Space).
 * @param {import('playwright-core').Page} page
 * @param {import('./lib/sites.mjs').SurfaceSpec} s
 */
async function sendByKeyboard(page, s) {
  if (s.keys.length) {
    await page.keyboard.press(s.keys[0]);
    return;
  }
  await page.locator(s.submit).evaluate((el) => el.setAttribute('data-a11y-target', ''));
  await tabTo(page, (f) => Boolean(f?.marked), { what: 'the submit control' });
  await page.keyboard.press(s.controlKeys?.[0] ?? 'Enter');
}

/**
 * Shift+Tab until focus is in the surface's own editor (a page may have other editors on the way).
 * @param {import('playwright-core').Page} page
 * @param {string | import('playwright-core').Locator} selector  a locator for an editor in a frame
 */
async function tabBackToEditor(page, selector) {
  for (let i = 0; i < 5; i++) {
    await tabTo(page, (x) => Boolean(x?.editor), { back: true, what: 'the editor' });
    if (await focusInEditor(page, selector)) return;
  }
  assert.fail('Shift+Tab did not reach the draft\'s editor');
}

describe('by keyboard alone, on every site: reach the badge, read each finding, dismiss, edit, post anyway', () => {
  /** @type {Awaited<ReturnType<typeof startSuite>>} */
  let suite;
  before(async () => { suite = await startSuite(); });
  after(async () => { await suite?.close(); });

  // An editor in a frame (WordPress's canvas, Blogger's field): Tab walks out of the frame to the
  // badge and Shift+Tab back into it, as a keyboard user's would.
  for (const site of Object.values(SITES)) {
    const s = site.surfaces[0];
    it(`${site.id} (${s.name})`, async (t) => {
      const page = await openSurface(suite.browser.context, site.host, s);
      t.after(() => page.close());
      await typeDraft(page, editorOf(page, s));
      await marks(page, 'disrepute').first().waitFor({ state: 'visible', timeout: 5000 });

      // Tab from the editor reaches the badge; its name begins with what it shows.
      const { presses } = await tabTo(page, onBadge, { what: 'postguard\'s badge' });
      t.diagnostic(`${site.id}: the badge is ${presses} Tab presses after the editor`);
      const shown = (await page.locator(`${BADGE} .pill`).allInnerTexts()).join(' ');
      const [badgeAx] = await axNodes(page, page.locator(BADGE));
      assert.ok(badgeAx.name.startsWith(shown), `the badge's name "${badgeAx.name}" starts with what it shows, "${shown}"`);

      // Enter opens the panel with focus inside it.
      await page.keyboard.press('Enter');
      await page.locator(PANEL).waitFor({ state: 'visible', timeout: 3000 });
      const first = await focused(page);
      assert.equal(first?.container, 'dialog', 'focus moved into the panel');

      // Tab through the panel: every listed finding is reached, and focusing it shows its card.
      const listed = await page.locator(`${PANEL} li[data-category]`).count();
      assert.ok(listed >= 2, 'both findings are listed');
      /** @type {Set<number>} */
      const read = new Set();
      let f = first;
      for (let i = 0; i < 40 && f?.container === 'dialog'; i++) {
        if (f.findingIndex >= 0 && /\bfinding\b/.test(f.className)) {
          read.add(f.findingIndex);
          const title = (f.text.split('\n')[0] ?? '').trim();
          assert.match(f.text, /Policy: /, `focusing "${title}" gives its explanation and policy clause`);
          // Its card shows too, where its mark is drawn (a finding scrolled out of a one-line box has none).
          const drawn = await page.locator(`${HOST} [data-postguard-mark][data-index="${f.findingIndex}"]`).count();
          const shows = drawn === 0 || await page.waitForFunction((t) => {
            const tip = document.querySelector('[data-postguard]')?.shadowRoot?.querySelector('[role="tooltip"]');
            return tip instanceof HTMLElement && !tip.hidden && tip.innerText.includes(t);
          }, title, { timeout: 3000 }).then(() => true, () => false);
          assert.ok(shows, `focusing "${title}" shows its card by its mark`);
        }
        await page.keyboard.press('Tab');
        f = await focused(page);
      }
      assert.deepEqual([...read].sort(), [...Array(listed).keys()], 'each finding was reached by Tab');

      // Back into the panel, to the conduct finding's Dismiss: Enter dismisses it, focus stays in the panel.
      await tabTo(page, (x) => x?.container === 'dialog' && x.finding === 'disrepute' && /^Dismiss/.test(x.label ?? x.text), { back: true, what: 'Dismiss' });
      const dismissed = String((await focused(page))?.label ?? '').replace(/^Dismiss: /, '');
      await page.keyboard.press('Enter');
      await page.waitForFunction((n) => (document.querySelector('[data-postguard]')?.shadowRoot?.querySelectorAll('[role="dialog"] li[data-category]').length ?? 0) === n - 1, listed, { timeout: 3000 });
      assert.ok(!(await page.locator(PANEL).innerText()).includes(dismissed), `"${dismissed}" is no longer listed`);
      assert.equal((await focused(page))?.container, 'dialog', 'after Dismiss, focus is still in the panel');

      // Escape closes the panel and returns focus to the badge; Shift+Tab goes back to the editor.
      await page.keyboard.press('Escape');
      await page.locator(PANEL).waitFor({ state: 'detached', timeout: 3000 });
      assert.ok(onBadge(await focused(page)), 'Escape returned focus to the badge');
      await tabBackToEditor(page, editorOf(page, s));

      // Send by keyboard: the dialog opens with focus on "Edit post"; Tab stays inside it and reaches "Post anyway".
      await sendByKeyboard(page, s);
      const alert = dialog(page);
      await alert.waitFor({ state: 'visible', timeout: 5000 });
      const start = await focused(page);
      assert.equal(start?.text, 'Edit post', 'the dialog opens on its safe choice');
      await tabTo(page, (x) => x?.text === 'Post anyway', { what: '"Post anyway"', max: 10 });
      assert.equal((await focused(page))?.container, 'alertdialog', 'Tab stayed inside the dialog');
      await tabTo(page, (x) => x?.text === 'Edit post', { back: true, what: '"Edit post"', max: 10 });
      await page.keyboard.press('Enter');
      await alert.waitFor({ state: 'detached', timeout: 3000 });
      assert.ok((await focused(page))?.editor, '"Edit post" returned focus to the editor');
      assert.deepEqual(await submits(page), []);

      // Again, and "Post anyway" by keyboard: posted exactly once, unchanged.
      await sendByKeyboard(page, s);
      await alert.waitFor({ state: 'visible', timeout: 5000 });
      await tabTo(page, (x) => x?.text === 'Post anyway', { what: '"Post anyway"', max: 10 });
      await page.keyboard.press('Enter');
      if (s.confirm) await page.locator(s.confirm).press('Enter'); // Medium's "Publish now", focused in its preview
      await waitForSubmits(page);
      assert.deepEqual(await submits(page), [{ surface: s.recorded, text: DRAFT }], 'posted exactly once, unchanged');
    });
  }
});

/**
 * Every control of postguard's that `scope` holds is in the viewport (scrolled to, as a person
 * would) and painted there: the page's pixels change when it is hidden.
 * @param {import('playwright-core').Page} page
 * @param {import('playwright-core').Locator} scope
 * @param {string} what
 */
async function assertControlsSeen(page, scope, what) {
  // Not `:visible` in the selector: a control hidden for a moment to compare pixels must still match.
  const controls = [];
  for (const c of await scope.locator('button, a, input').all()) if (await c.isVisible()) controls.push(c);
  assert.ok(controls.length > 0, `${what} has controls`);
  const viewport = await page.evaluate(() => ({ width: innerWidth, height: innerHeight }));
  const inside = (/** @type {{x: number, y: number, width: number, height: number} | null} */ box) =>
    Boolean(box && box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width + 0.5 && box.y + box.height <= viewport.height + 0.5);
  for (const control of controls) {
    // Scrolled to as a person would: the panel and the dialog scroll when they overflow. A control
    // taller than the box it scrolls in (a finding's whole text, in a 320 px window) is read by
    // scrolling down it: its width lies inside the window, and its top is scrolled into view.
    const tall = await control.evaluate((el) => {
      let box = el.parentElement;
      while (box && box.scrollHeight <= box.clientHeight) box = box.parentElement;
      return el.getBoundingClientRect().height > Math.min(box ? box.clientHeight : innerHeight, innerHeight);
    });
    await control.evaluate((el, start) => el.scrollIntoView({ block: start ? 'start' : 'nearest', inline: 'nearest' }), tall);
    await page.waitForTimeout(100);
    const whole = await control.boundingBox();
    const name = (await control.getAttribute('aria-label')) ?? (await control.innerText()) ?? '';
    // What of it is in the window: all of it, or (tall) its width from its top to the window's bottom.
    const box = whole && tall ? { ...whole, height: Math.min(whole.height, viewport.height - whole.y) } : whole;
    assert.ok(box && inside(box) && box.height > 0,
      `${what}: "${name.slice(0, 40)}" lies inside the ${viewport.width}x${viewport.height} viewport (${JSON.stringify(whole)})`);
    // Hiding an element for the comparison takes focus from it: it is given back, as it was.
    const hadFocus = await control.evaluate((el) => el.getRootNode() instanceof ShadowRoot && /** @type {ShadowRoot} */ (el.getRootNode()).activeElement === el);
    const { seen } = await paintedSeen(page, control, box);
    if (hadFocus) await control.focus();
    assert.ok(seen, `${what}: "${name.slice(0, 40)}" is painted`);
  }
}

for (const mode of [
  { name: 'Windows forced colours (high contrast)', forcedColors: /** @type {const} */ ('active'), viewport: { width: 1280, height: 860 }, deviceScaleFactor: undefined, sites: undefined },
  // Half the viewport at twice the pixel density lays pages out as the browser's 200 % zoom does.
  { name: '200 % zoom', forcedColors: /** @type {const} */ ('none'), viewport: { width: 640, height: 430 }, deviceScaleFactor: 2, sites: undefined },
  // WCAG 1.4.10 Reflow: a 320 CSS px wide window, as 1280 px at 400 % zoom.
  // Only the fixtures that lay out at that width: Facebook's and LinkedIn's own chat boxes then cover
  // their compose buttons, and Instagram's caption comes after a photo whose reminder covers it.
  { name: '400 % zoom (a 320 px wide window)', forcedColors: /** @type {const} */ ('none'), viewport: { width: 320, height: 256 }, deviceScaleFactor: undefined, sites: ['x', 'tiktok'] },
]) {
  describe(`${mode.name}: every mark and control is still seen, on every site`, () => {
    /** @type {import('./lib/server.mjs').FixtureServer} */
    let server;
    /** @type {import('./lib/browser.mjs').Session} */
    let browser;
    before(async () => {
      server = await startFixtureServer();
      browser = await launchWithExtension({ port: server.port, viewport: mode.viewport, deviceScaleFactor: mode.deviceScaleFactor });
    });
    after(async () => { await browser?.close(); await server?.close(); });

    for (const site of Object.values(SITES).filter((x) => !mode.sites || mode.sites.includes(x.id))) {
      const s = site.surfaces[0];
      it(`${site.id} (${s.name}): marks, badge, panel and dialog`, async (t) => {
        const page = await browser.context.newPage();
        await page.emulateMedia({ forcedColors: mode.forcedColors, reducedMotion: 'reduce' });
        await page.goto(`https://${site.host}${s.path}`, { waitUntil: 'load' });
        if (s.open) await s.open(page);
        assert.equal(await page.evaluate(() => matchMedia('(forced-colors: active)').matches), mode.forcedColors === 'active');
        await typeDraft(page, editorOf(page, s));
        t.after(() => page.close());
        // The caret to the start of the draft, out of every mark (a blinking caret is a change on screen).
        await page.keyboard.press('Control+Home');
        await page.waitForTimeout(150);

        const all = marks(page);
        await all.last().waitFor({ state: 'visible', timeout: 5000 });
        const boxes = await markBoxes(page);
        assert.ok(boxes.length >= 2, 'both findings are marked');
        for (const [i, box] of boxes.entries()) {
          assert.ok(box, `mark ${i} has a box`);
          const { stable, seen } = await paintedSeen(page, all.nth(i), box);
          assert.ok(stable && seen, `mark ${i} (${await all.nth(i).getAttribute('data-category')}) is seen`);
        }
        const shot = mode.forcedColors === 'active' ? 'forced-colours' : `zoom-${mode.viewport.width}`;
        if (site.id === 'x') await screenshot(page, `x-${shot}-marks`);

        await assertControlsSeen(page, page.locator(HOST), 'the badge');
        await clickBadge(page);
        // The card of the finding in focus is shown too, and must leave every control of the panel seen.
        await assertControlsSeen(page, page.locator(PANEL), 'the panel');
        const panelBox = await page.locator(PANEL).evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, right: el.getBoundingClientRect().right }));
        assert.ok(panelBox.scroll <= panelBox.client, `the panel reflows: no sideways scrolling (${panelBox.scroll} > ${panelBox.client})`);
        assert.ok(panelBox.right <= mode.viewport.width, `the panel is inside the ${mode.viewport.width} px window (its right edge at ${panelBox.right})`);
        await page.keyboard.press('Escape');
        await page.locator(PANEL).waitFor({ state: 'detached', timeout: 3000 });

        await page.locator(s.submit).click();
        const alert = dialog(page);
        await alert.waitFor({ state: 'visible', timeout: 5000 });
        await assertControlsSeen(page, alert, 'the dialog');
        if (site.id === 'x') await screenshot(page, `x-${shot}-dialog`);
        await alert.getByRole('button', { name: 'Edit post', exact: true }).click();
        await alert.waitFor({ state: 'detached', timeout: 3000 });
      });
    }
  });
}


/** The card's box, or null while it is hidden. @param {import('playwright-core').Page} page */
async function cardBox(page) {
  const card = page.locator(CARD);
  return (await card.isVisible()) ? card.boundingBox() : null;
}

/** Whether two boxes overlap. @param {{x: number, y: number, width: number, height: number}} a @param {{x: number, y: number, width: number, height: number}} b */
function overlaps(a, b) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * Whether focus is in the editor `selector` names (looking through shadow roots, and from the top
 * document into the same-origin frame an editor is in).
 * @param {import('playwright-core').Page} page
 * @param {string | import('playwright-core').Locator} selector  a locator for an editor in a frame
 */
function focusInEditor(page, selector) {
  return (typeof selector === 'string' ? page.locator(selector) : selector).evaluate((el) => {
    /** @type {Element | null} */
    let a = (window.top ?? window).document.activeElement;
    for (;;) {
      if (a && a.shadowRoot && a.shadowRoot.activeElement) { a = a.shadowRoot.activeElement; continue; }
      const inner = a && a.localName === 'iframe' ? /** @type {HTMLIFrameElement} */ (a).contentDocument : null;
      if (inner && inner.activeElement) { a = inner.activeElement; continue; }
      break;
    }
    return a === el || (a !== null && el.contains(a));
  });
}

describe('the mark\'s card: hoverable, dismissible with Escape, clear of focus, with the finding\'s Fix (WCAG 1.4.13, 2.4.11)', () => {
  /** @type {Awaited<ReturnType<typeof startSuite>>} */
  let suite;
  before(async () => { suite = await startSuite(); });
  after(async () => { await suite?.close(); });

  it('the pointer moves from the mark onto the card and it stays; Escape puts it away, focus and the page\'s own dialog untouched; its Fix is the panel\'s', async () => {
    const s = SITES.x.surfaces[0];
    const page = await openSurface(suite.browser.context, 'x.com', s);
    const editor = await typeDraft(page, s.editor);
    await marks(page, 'disrepute').first().waitFor({ state: 'visible', timeout: 5000 });
    // The caret out of every mark: only the pointer shows the card.
    await page.keyboard.press('Control+Home');
    const card = page.locator(CARD);
    await card.waitFor({ state: 'hidden', timeout: 3000 });

    const box = await textBox(editor, NUMBER);
    assert.ok(box, 'the number is on screen');
    const from = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await page.mouse.move(from.x, from.y);
    await card.waitFor({ state: 'visible', timeout: 3000 });
    assert.match(await card.innerText(), /NHS number/);
    const fix = card.getByRole('button', { name: /^Fix/ });
    assert.equal(await fix.count(), 1, 'the card offers the finding\'s fix');
    const label = await fix.innerText();

    // Hoverable: step by step from the mark onto the card's middle, across the gap between them.
    const target = center(await card.boundingBox());
    for (let i = 1; i <= 8; i++) {
      await page.mouse.move(from.x + ((target.x - from.x) * i) / 8, from.y + ((target.y - from.y) * i) / 8);
      await page.waitForTimeout(40);
      assert.ok(await card.isVisible(), `the card stays while the pointer moves onto it (step ${i} of 8)`);
    }
    // Persistent: it stays while the pointer rests on it.
    await page.waitForTimeout(600);
    assert.ok(await card.isVisible(), 'the card stays while the pointer is on it');

    // Dismissible: Escape hides it, focus stays in the draft, and the site's compose dialog stays open.
    assert.ok(await focusInEditor(page, s.editor), 'focus is in the draft');
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'hidden', timeout: 3000 });
    assert.ok(await focusInEditor(page, s.editor), 'Escape left focus in the draft');
    assert.ok(await page.locator(s.editor).isVisible(), 'the site\'s own dialog did not take that Escape');
    await page.waitForTimeout(300);
    assert.ok(!(await card.isVisible()), 'it stays put away while the pointer stays');

    // Back onto the mark: it shows again; its Fix makes the change the panel's Fix makes.
    await page.mouse.move(5, 5);
    await page.mouse.move(from.x, from.y);
    await card.waitFor({ state: 'visible', timeout: 3000 });
    await clickBadge(page);
    const panelFix = page.locator(`${PANEL} li[data-rule="nhs-number"]`).getByRole('button', { name: /^Fix/ });
    assert.equal(await panelFix.innerText(), label, 'the card and the panel offer the same fix');
    await page.keyboard.press('Escape');
    await page.locator(PANEL).waitFor({ state: 'detached', timeout: 3000 });
    await page.mouse.move(5, 5);
    await page.mouse.move(from.x, from.y);
    await card.waitFor({ state: 'visible', timeout: 3000 });
    const before = await page.locator(s.editor).innerText();
    const fixBox = center(await fix.boundingBox());
    await page.mouse.move(fixBox.x, fixBox.y, { steps: 4 });
    await page.mouse.click(fixBox.x, fixBox.y);
    await page.waitForFunction((sel) => !document.querySelector(sel)?.textContent?.includes('943 476 5919'), s.editor, { timeout: 3000 });
    const after = await page.locator(s.editor).innerText();
    assert.ok(after.includes('Honestly the patients') && after !== before, `the number is fixed, the rest kept: ${after}`);
    await marks(page, 'confidentiality').first().waitFor({ state: 'detached', timeout: 3000 });
    assert.ok(await focusInEditor(page, s.editor), 'after the fix, focus is in the draft');
    await page.waitForFunction(() => /Fixed: /.test(document.querySelector('[data-postguard]')?.shadowRoot?.querySelector('[aria-live]')?.textContent ?? ''), null, { timeout: 3000 });
    await page.close();
  });

  it('the caret in a mark shows its card beside it, never over the line; Escape puts it away and the caret stays', async () => {
    const s = SITES.x.surfaces[1];
    const page = await openSurface(suite.browser.context, 'x.com', s);
    const editor = await typeDraft(page, s.editor);
    await page.mouse.move(1, 1);
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 'Patient NHS number 943'.length; i++) await page.keyboard.press('ArrowRight');
    const card = page.locator(CARD);
    await card.waitFor({ state: 'visible', timeout: 3000 });
    const line = await textBox(editor, NUMBER);
    assert.ok(line);
    assert.ok(!overlaps(/** @type {any} */ (await card.boundingBox()), line), 'the card leaves the caret\'s line uncovered');
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'hidden', timeout: 3000 });
    assert.ok(await focusInEditor(page, s.editor), 'focus stays in the draft');
    // The caret did not move: typing goes on where it was.
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(200);
    assert.ok(!(await card.isVisible()), 'put away until the caret leaves the finding');
    await page.keyboard.press('Control+Home');
    await card.waitFor({ state: 'hidden', timeout: 3000 });
    for (let i = 0; i < 'Patient NHS number 9'.length; i++) await page.keyboard.press('ArrowRight');
    await card.waitFor({ state: 'visible', timeout: 3000 });
    await page.close();
  });

  for (const site of Object.values(SITES)) {
    const s = site.surfaces[0];
    it(`${site.id}: with the panel open, the card never covers the panel or the control in focus (2.4.11)`, async () => {
      const page = await openSurface(suite.browser.context, site.host, s);
      await typeDraft(page, editorOf(page, s));
      await page.mouse.move(1, 1);
      await clickBadge(page);
      let shown = 0;
      for (let i = 0; i < 12; i++) {
        const f = await focused(page);
        if (f?.container !== 'dialog') break;
        const card = await cardBox(page);
        if (card) {
          shown += 1;
          const panel = await page.locator(PANEL).boundingBox();
          assert.ok(panel && !overlaps(card, panel), `the card lies clear of the panel (${JSON.stringify(card)} vs ${JSON.stringify(panel)})`);
        }
        await page.keyboard.press('Tab');
      }
      assert.ok(shown > 0, 'the card of the finding in focus was shown beside the panel at least once');
      await page.close();
    });
  }
});

describe('the badge by keyboard where Tab cannot reach it: Alt+F10 from the draft (WCAG 2.1.1)', () => {
  /** @type {Awaited<ReturnType<typeof startSuite>>} */
  let suite;
  before(async () => { suite = await startSuite(); });
  after(async () => { await suite?.close(); });

  for (const site of Object.values(SITES)) {
    const s = site.surfaces[0];
    const editor = (/** @type {import('playwright-core').Page} */ page) => editorOf(page, s);
    it(`${site.id} (${s.name}), its compose box keeping Tab inside itself`, async () => {
      const page = await openSurface(suite.browser.context, site.host, s);
      // A draft's first warning says how to reach it by keyboard. Which finding comes first can depend
      // on the typing: the learned model may warn of a patient's number half typed, before the
      // NHS-number rule can read it whole; the NHS number is announced when it is.
      await recordAnnouncements(page);
      await typeDraft(page, editor(page), RISKY);
      await page.waitForFunction(() => /NHS number/.test(document.querySelector('[data-postguard]')?.shadowRoot?.querySelector('[aria-live]')?.textContent ?? ''), null, { timeout: 3000 });
      const said = await announcements(page);
      // (A surface that opens with a photo attached says so first: that note is not a warning.)
      const firstWarning = said.find((t) => /\bwarnings? in this draft\b/.test(t)) ?? '';
      assert.match(firstWarning, /Alt\+F10 lists them\.$/, `the first warning names the shortcut: ${JSON.stringify(said)}`);
      await page.keyboard.type(DRAFT.slice(RISKY.length), { delay: 5 });
      await marks(page, 'disrepute').first().waitFor({ state: 'visible', timeout: 5000 });
      const [badge] = await axNodes(page, page.locator(BADGE));
      assert.equal(badge.properties.keyshortcuts, 'Alt+F10', 'the badge names its shortcut');

      // A strict focus trap, as a site's compose window may have: Tab only ever goes to the editor
      // and the site's own submit control (in the editor's frame too, where Tab is heard there).
      // (Playwright's handles for the page's own elements; an editor in a frame is found there by its CSS.)
      const submitStop = await page.locator(s.submit).elementHandle();
      const editorStop = s.frame ? null : await page.locator(s.editor).elementHandle();
      await page.evaluate(({ frame, editorSel, editorStop, submitStop }) => {
        const frameDoc = frame ? /** @type {HTMLIFrameElement | null} */ (document.querySelector(frame))?.contentDocument ?? null : null;
        const stops = [frameDoc ? frameDoc.querySelector(editorSel) : editorStop, submitStop];
        /** @param {KeyboardEvent} e */
        const trap = (e) => {
          // (Tab inside postguard's own panel is not the trap's: only the page's own focus is kept.)
          if (e.key !== 'Tab' || (e.target instanceof Element && e.target.closest('[data-postguard]'))) return;
          e.preventDefault();
          /** @type {Element | null} */
          let a = document.activeElement;
          for (;;) {
            if (a && a.shadowRoot && a.shadowRoot.activeElement) { a = a.shadowRoot.activeElement; continue; }
            const inner = a && a.localName === 'iframe' ? /** @type {HTMLIFrameElement} */ (a).contentDocument : null;
            if (inner && inner.activeElement) { a = inner.activeElement; continue; }
            break;
          }
          const at = stops.findIndex((x) => x && a && (x === a || x.contains(a)));
          /** @type {HTMLElement} */ (stops[(at + 1) % stops.length]).focus();
        };
        document.addEventListener('keydown', trap, true);
        frameDoc?.addEventListener('keydown', trap, true);
      }, { frame: s.frame ?? null, editorSel: s.editor, editorStop, submitStop });
      for (let i = 0; i < 6; i++) {
        await page.keyboard.press('Tab');
        assert.ok(!(await focused(page))?.postguard, 'Tab never reaches postguard in the trapped compose box');
      }
      // Back in the draft, the caret at its end (in the last warning).
      if (!(await focusInEditor(page, editor(page)))) await page.keyboard.press('Tab');
      assert.ok(await focusInEditor(page, editor(page)), 'the trap keeps Tab between the draft and its send button');
      await page.keyboard.press('Control+End');

      // Alt+F10: the panel, focus on the warning the caret is in (the last one).
      await page.keyboard.press('Alt+F10');
      await page.locator(PANEL).waitFor({ state: 'visible', timeout: 3000 });
      const f = await focused(page);
      assert.equal(f?.container, 'dialog', 'focus is in the panel');
      assert.equal(f?.finding, 'disrepute', 'on the warning the caret is in');
      // Its actions by keyboard: Tab to Dismiss, Enter.
      await tabTo(page, (x) => x?.container === 'dialog' && x.finding === 'disrepute' && /^Dismiss/.test(x.label ?? ''), { what: 'Dismiss', max: 4 });
      await page.keyboard.press('Enter');
      await marks(page, 'disrepute').first().waitFor({ state: 'detached', timeout: 3000 });
      // Escape: back to the draft, where typing goes on.
      await page.keyboard.press('Escape');
      await page.locator(PANEL).waitFor({ state: 'detached', timeout: 3000 });
      assert.ok(await focusInEditor(page, editor(page)), 'Escape returned focus to the draft');
      await page.close();
    });
  }
});
