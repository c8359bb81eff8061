// @ts-check
/**
 * The user's own terms (only when IT sets `userTermsAllowed`), kept in chrome.storage.local under
 * `userTerms`. They are settings, not drafts. The core validates them like IT's lists and only ever
 * adds them to the Trust's, never the other way round.
 */

export const USER_TERMS_KEY = 'userTerms';
export const USER_SETTINGS = Object.freeze(['wardNames', 'internalTerms', 'staffProcessTerms']);

/** @returns {Promise<Record<string, string[]>>} */
export async function readUserTerms() {
  const got = await chrome.storage.local.get(USER_TERMS_KEY);
  const v = got[USER_TERMS_KEY];
  return typeof v === 'object' && v !== null ? /** @type {Record<string, string[]>} */ (v) : {};
}

/**
 * Fills the form's text areas (one term per line).
 * @param {HTMLFormElement} form
 * @param {Record<string, string[]>} terms
 */
export function fillForm(form, terms) {
  for (const area of form.querySelectorAll('textarea[data-setting]')) {
    const list = terms[/** @type {HTMLTextAreaElement} */ (area).dataset.setting ?? ''];
    /** @type {HTMLTextAreaElement} */ (area).value = Array.isArray(list) ? list.join('\n') : '';
  }
}

/**
 * Reads the form into a terms object; empty lines dropped.
 * @param {HTMLFormElement} form
 * @returns {Record<string, string[]>}
 */
export function readForm(form) {
  /** @type {Record<string, string[]>} */
  const terms = {};
  for (const area of form.querySelectorAll('textarea[data-setting]')) {
    const t = /** @type {HTMLTextAreaElement} */ (area);
    const list = t.value.split('\n').map((s) => s.trim()).filter((s) => s !== '');
    if (t.dataset.setting && USER_SETTINGS.includes(t.dataset.setting) && list.length) terms[t.dataset.setting] = list;
  }
  return terms;
}

/** @param {Record<string, string[]>} terms */
export function saveUserTerms(terms) {
  return chrome.storage.local.set({ [USER_TERMS_KEY]: terms });
}
