/**
 * What the accessibility tests ask of a page beyond axe (lib/axe.mjs): where keyboard focus is
 * (through shadow roots), moving it with Tab as a keyboard user does, what Chromium tells a screen
 * reader about an element (its accessibility tree, read over the DevTools protocol), text contrast
 * in postguard's UI measured from computed styles.
 */
import assert from 'node:assert/strict';
import { typeInto, marks, BADGE } from './fixture.mjs';
import { RISKY } from './site-suite.mjs';

/** postguard's overlay host, and the mark's card inside it. */
export const HOST = '[data-postguard]';
export const CARD = '[data-postguard] [role="tooltip"]';
/** Two families in one draft: two pills on the badge, two findings to read, one to dismiss. */
export const CONDUCT = 'Honestly the patients on this ward are animals';
export const DRAFT = `${RISKY}. ${CONDUCT}`;

/**
 * Types a draft (the two-family one unless given) into a surface's editor as a person does and waits
 * for its confidentiality mark and the badge.
 * @param {import('playwright-core').Page} page
 * @param {string | import('playwright-core').Locator} editorSelector  the editor (a locator for one in a frame: site-suite's editorOf)
 */
export async function typeDraft(page, editorSelector, text = DRAFT) {
  const editor = typeof editorSelector === 'string' ? page.locator(editorSelector) : editorSelector;
  await typeInto(editor, text);
  await marks(page, 'confidentiality').first().waitFor({ state: 'visible', timeout: 5000 });
  await page.locator(BADGE).waitFor({ state: 'visible', timeout: 5000 });
  return editor;
}

/**
 * Starts keeping every text the overlay's live region announces, in order (each announcement replaces
 * the last, so reading the region once shows only the newest). Read them with `announcements`.
 * @param {import('playwright-core').Page} page
 */
export async function recordAnnouncements(page) {
  await page.evaluate(() => {
    const said = /** @type {string[]} */ ((/** @type {any} */ (window)).__pgSaid = []);
    const attach = () => {
      const live = document.querySelector('[data-postguard]')?.shadowRoot?.querySelector('[aria-live]');
      if (!live) return void setTimeout(attach, 5);
      const note = () => { const t = live.textContent ?? ''; if (t && said[said.length - 1] !== t) said.push(t); };
      new MutationObserver(note).observe(live, { childList: true, characterData: true, subtree: true });
      note();
    };
    attach();
  });
}

/** What the live region has announced since `recordAnnouncements`. @param {import('playwright-core').Page} page */
export async function announcements(page) {
  return page.evaluate(() => /** @type {string[]} */ ((/** @type {any} */ (window)).__pgSaid ?? []));
}

/** The centre of a box. @param {{x: number, y: number, width: number, height: number} | null} box */
export function center(box) {
  assert.ok(box, 'the element has a box');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * @typedef {object} Focus
 * @property {string} tag
 * @property {string | null} role
 * @property {string} text          the element's own text (innerText, or its value for a field)
 * @property {string | null} label  its aria-label
 * @property {boolean} postguard    inside postguard's overlay host
 * @property {boolean} editor       an editable field or inside one
 * @property {string} className
 * @property {string | null} container  the role of the dialog it is in (`dialog`, `alertdialog`), if any
 * @property {string | null} finding  the category of the listed finding it belongs to, if any
 * @property {number} findingIndex    the position of that finding in its list, or -1
 * @property {boolean} marked       it carries `data-a11y-target` (a page control a test marked to find it)
 */

/**
 * The element with keyboard focus, looking through shadow roots and into same-origin frames (an
 * editor in WordPress's canvas or Blogger's field: the top document's active element is the frame).
 * Written to be passed to `evaluate` whole (it refers to nothing outside itself).
 * @returns {Element | null}
 */
export function deepActiveElement() {
  /** @type {Element | null} */
  let a = window.top ? window.top.document.activeElement : document.activeElement;
  for (;;) {
    if (a && a.shadowRoot && a.shadowRoot.activeElement) { a = a.shadowRoot.activeElement; continue; }
    /** @type {Document | null} */
    let inner = null;
    try { inner = a && a.localName === 'iframe' ? /** @type {HTMLIFrameElement} */ (a).contentDocument : null; } catch { inner = null; }
    if (inner && inner.activeElement) { a = inner.activeElement; continue; }
    return a;
  }
}

/**
 * What has keyboard focus, looking through shadow roots and same-origin frames.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<Focus | null>}
 */
export async function focused(page) {
  const handle = await page.evaluateHandle(deepActiveElement);
  return handle.evaluate((/** @type {Element | null} */ a) => {
    if (!a || a === document.body) return null;
    const root = a.getRootNode();
    const host = root.nodeType === 11 ? /** @type {ShadowRoot} */ (root).host : null;
    const el = /** @type {HTMLElement} */ (a);
    const field = el.localName === 'textarea' || el.localName === 'input';
    return {
      tag: a.tagName.toLowerCase(),
      role: a.getAttribute('role'),
      text: field ? /** @type {HTMLInputElement} */ (el).value : (el.innerText ?? '').trim(),
      label: a.getAttribute('aria-label'),
      postguard: Boolean(host && host.hasAttribute('data-postguard')),
      editor: el.localName === 'textarea' || Boolean(a.closest('[contenteditable="true"]')),
      className: typeof el.className === 'string' ? el.className : '',
      container: a.closest('[role="dialog"], [role="alertdialog"]')?.getAttribute('role') ?? null,
      finding: a.closest('li[data-category]')?.getAttribute('data-category') ?? null,
      findingIndex: (() => {
        const li = a.closest('li[data-category]');
        return li && li.parentElement ? [...li.parentElement.children].indexOf(li) : -1;
      })(),
      marked: a.hasAttribute('data-a11y-target'),
    };
  });
}

/**
 * Presses Tab (Shift+Tab with `back`) until `until` holds for the focused element, as a keyboard
 * user moves through a page; fails after `max` presses.
 * @param {import('playwright-core').Page} page
 * @param {(f: Focus | null) => boolean} until
 * @param {{back?: boolean, max?: number, what?: string}} [options]
 * @returns {Promise<{focus: Focus, presses: number}>}
 */
export async function tabTo(page, until, { back = false, max = 60, what = 'the element' } = {}) {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    if (f && until(f)) return { focus: f, presses };
  }
  assert.fail(`${what} was not reached with ${max} presses of ${back ? 'Shift+Tab' : 'Tab'}`);
}

/**
 * @typedef {object} AxNode
 * @property {string} role
 * @property {string} name
 * @property {string} description
 * @property {Record<string, unknown>} properties   e.g. haspopup, expanded, modal, focusable
 * @property {boolean} ignored
 */

/**
 * What Chromium's accessibility tree says of each element `locator` matches: the role, name,
 * description and states a screen reader is given.
 * @param {import('playwright-core').Page} page
 * @param {import('playwright-core').Locator} locator
 * @returns {Promise<AxNode[]>}
 */
export async function axNodes(page, locator) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const out = [];
    for (const handle of await locator.elementHandles()) {
      // The element's protocol object: mark it, find it again from the protocol's side, unmark it.
      const key = `pg-ax-${Math.random().toString(36).slice(2)}`;
      await handle.evaluate((el, k) => { /** @type {any} */ (window)[k] = el; }, key);
      const { result } = await cdp.send('Runtime.evaluate', { expression: `window[${JSON.stringify(key)}]` });
      await handle.evaluate((_el, k) => { delete /** @type {any} */ (window)[k]; }, key);
      const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { objectId: result.objectId, fetchRelatives: false });
      const n = /** @type {any} */ (nodes[0]);
      out.push({
        role: n.role?.value ?? '',
        name: n.name?.value ?? '',
        description: n.description?.value ?? '',
        properties: Object.fromEntries((n.properties ?? []).map((/** @type {any} */ p) => [p.name, p.value?.value])),
        ignored: Boolean(n.ignored),
      });
    }
    return out;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** WCAG 2 relative-luminance contrast ratio of two CSS `rgb()`/`rgba()` colours (alpha ignored). @param {string} a @param {string} b */
export function contrastRatio(a, b) {
  const lum = (/** @type {string} */ c) => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

/**
 * Every visible run of text in postguard's UI with its colour, the background it is painted on (the
 * nearest opaque background of it or its ancestors inside the host) and the size that decides its
 * WCAG 1.4.3 threshold: 4.5:1, or 3:1 for large text (24 px, or 18.66 px bold). axe leaves these
 * undecided ("incomplete") for an overlay in the top layer, so they are measured here.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<{text: string, color: string, background: string, large: boolean}[]>}
 */
export function overlayTextColours(page) {
  return page.evaluate(() => {
    /** @param {Document | ShadowRoot} root @returns {Element | null} */
    const findHost = (root) => {
      const direct = root.querySelector('[data-postguard]');
      if (direct) return direct;
      for (const el of root.querySelectorAll('*')) {
        const inner = el.shadowRoot ? findHost(el.shadowRoot) : null;
        if (inner) return inner;
      }
      return null;
    };
    const host = findHost(document);
    const shadow = host?.shadowRoot;
    if (!shadow) return [];
    const out = [];
    const walker = document.createTreeWalker(shadow, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').trim();
      const el = n.parentElement;
      if (!text || !el || el.closest('[aria-hidden="true"]')) continue;
      const style = getComputedStyle(el);
      if (!el.checkVisibility({ visibilityProperty: true }) || el.getClientRects().length === 0) continue;
      // Text clipped to a pixel for screen readers only (the live region) is not seen.
      const box = el.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue;
      /** @type {Element | null} */
      let bgEl = el;
      let background = 'rgb(255, 255, 255)';
      while (bgEl) {
        const bg = getComputedStyle(bgEl).backgroundColor;
        const alpha = bg.startsWith('rgba') ? Number(bg.match(/[\d.]+/g)?.[3] ?? 1) : 1;
        if (alpha >= 0.99) { background = bg; break; }
        bgEl = bgEl.parentElement;
      }
      const size = parseFloat(style.fontSize);
      const bold = Number(style.fontWeight) >= 700;
      out.push({ text: text.slice(0, 60), color: style.color, background, large: size >= 24 || (bold && size >= 18.66) });
    }
    return out;
  });
}
