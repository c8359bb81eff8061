// @ts-check
/**
 * Pauses: where IT allows it (`allowPause`), a person may stop postguard on one site for an hour,
 * for example while posting from an official Trust account. The badge says so for the whole hour
 * and one click ends it.
 *
 * Kept in `chrome.storage.session`: in memory only, so a pause survives the worker being stopped
 * (it is, after 30 s idle) but never outlives the browser session. What is stored is a site id and
 * a time, nothing typed. When IT turns pausing off, every pause ends at once: the page settings
 * carry pauses only while `allowPause` is true.
 */
import '../shared/messages.js';
import { settingsChanged } from './pages.js';

const { PAUSE_MINUTES, PAUSABLE } = /** @type {any} */ (globalThis).PostguardMessages;

/** chrome.storage.session key: {[site id]: end of the pause, ms since the epoch}. */
export const PAUSES_KEY = 'pauses';

/**
 * The pauses still in force.
 * @returns {Promise<Record<string, number>>}
 */
export async function pauses() {
  let stored;
  try {
    stored = (await chrome.storage.session.get(PAUSES_KEY))[PAUSES_KEY];
  } catch {
    return {}; // no session storage (an old browser): pausing is simply unavailable
  }
  /** @type {Record<string, number>} */
  const live = {};
  const now = Date.now();
  if (typeof stored === 'object' && stored !== null) {
    for (const [site, until] of Object.entries(stored)) {
      if (PAUSABLE.includes(site) && typeof until === 'number' && until > now) live[site] = until;
    }
  }
  return live;
}

/**
 * Pauses `site` for PAUSE_MINUTES from now (or ends its pause).
 * @param {string} site  a known site id (checked by `isRequest`)
 * @param {boolean} on
 * @returns {Promise<Record<string, number>>}  the pauses now in force
 */
export async function setPause(site, on) {
  const live = await pauses();
  if (on) live[site] = Date.now() + PAUSE_MINUTES * 60_000;
  else delete live[site];
  await chrome.storage.session.set({ [PAUSES_KEY]: live });
  return live;
}

// A pause set or ended in one tab applies to every tab of that site.
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'session' && PAUSES_KEY in changes) settingsChanged();
});
