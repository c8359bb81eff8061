// @ts-check
/**
 * The hosts IT added (managed `extraSites`), each with where it stands for this person: checked,
 * not yet allowed (with the button that asks the browser for that one host: a permission request
 * must come from a click), or a built-in site already. Nothing is asked for that IT did not list.
 */
import '../shared/extra-sites.js';
import { el } from './dom.js';

const X = /** @type {any} */ (globalThis).PostguardExtraSites;

/** What each state says. */
const SAYS = Object.freeze({
  allowed: 'Allowed: postguard checks your drafts here (reload a page of it that was already open).',
  'not-allowed': 'Not yet allowed: postguard is not checking your drafts here until you allow it.',
  'built-in': 'Already covered: this is one of the sites postguard checks anyway.',
});

/**
 * Fills the section, or hides it when IT added no host.
 * @param {HTMLElement} section
 * @param {HTMLUListElement} list
 * @param {unknown} extraSites  the effective policy's extraSites
 * @param {() => void} changed  called after the person allowed a host
 */
export async function renderAddedHosts(section, list, extraSites, changed) {
  const entries = Array.isArray(extraSites) ? /** @type {{address: string, adapter: string}[]} */ (extraSites) : [];
  section.hidden = entries.length === 0;
  const items = await Promise.all(entries.map(async (e) => {
    const state = /** @type {keyof typeof SAYS} */ (await X.state(e.address));
    const how = e.adapter === 'generic' ? 'text boxes in its forms and dialogs' : `the ${e.adapter} adapter`;
    const item = el('li', { 'data-address': e.address, 'data-state': state },
      el('code', {}, e.address), ` (${how}). `, el('span', { class: 'host-state' }, SAYS[state]));
    if (state === 'not-allowed') {
      const host = new URL(e.address.replace('*.', 'wildcard.')).hostname.replace(/^wildcard\./, '*.');
      const button = el('button', { type: 'button' }, `Allow postguard on ${host}`);
      button.addEventListener('click', () => {
        chrome.permissions.request({ origins: [X.originPattern(e.address)] }).then((granted) => { if (granted) changed(); }, () => {});
      });
      item.append(' ', button);
    }
    return item;
  }));
  list.replaceChildren(...items);
}
