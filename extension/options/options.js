// @ts-check
/**
 * The options page: shows the policy in effect and where each value came from, reports settings IT
 * (or the user) supplied that could not be used, lets the user add terms where IT allows it, and
 * checks pasted drafts with the same WASM analyser the extension runs on the sites.
 *
 * It loads only packaged files (the WASM via chrome.runtime.getURL, and the settings' titles from
 * `schema.js`, which the build generates from managed_schema.json) and sends nothing anywhere; the
 * draft box's text is never stored.
 */
import init, { Checker } from '../pkg/postguard_web.js';
import SCHEMA from './schema.js';
import { byId } from './dom.js';
import { renderIssues, renderPolicy, selectorIssues } from './policy-view.js';
import { renderReport } from './check.js';
import { renderAddedHosts } from './added-hosts.js';
import { unpack } from '../worker/unpack.js';
import { fillForm, readForm, readUserTerms, saveUserTerms, USER_TERMS_KEY } from './user-terms.js';

/** @typedef {import('./policy-view.js').Loaded} Loaded */

const ready = init({ module_or_path: chrome.runtime.getURL('pkg/postguard_web_bg.wasm') });

/** @returns {Promise<Record<string, import('./policy-view.js').SchemaEntry>>} */
async function schemaProperties() {
  return /** @type {{properties?: Record<string, import('./policy-view.js').SchemaEntry>}} */ (SCHEMA).properties ?? {};
}

/** @returns {Promise<Record<string, unknown>>} */
async function readManaged() {
  try {
    return /** @type {Record<string, unknown>} */ (await chrome.storage.managed.get(null));
  } catch {
    return {};
  }
}

/** @type {Checker | null} */
let checker = null;

/** Reads storage, validates, and redraws everything that depends on the policy. */
async function refresh() {
  await ready;
  const [managed, user, schema] = await Promise.all([readManaged(), readUserTerms(), schemaProperties()]);
  checker?.free();
  checker = new Checker(JSON.stringify(managed), JSON.stringify(user));
  const loaded = /** @type {Loaded} */ (JSON.parse(checker.effective()));

  byId('trust-name', HTMLElement).textContent = String(loaded.policy.trustName);
  renderPolicy(byId('policy', HTMLTableElement).tBodies[0], loaded, schema);
  renderIssues(byId('issues-section', HTMLElement), byId('issues', HTMLUListElement),
    [...loaded.issues, ...selectorIssues(loaded.policy)]);

  await renderAddedHosts(byId('added-section', HTMLElement), byId('added-hosts', HTMLUListElement), loaded.policy.extraSites, () => void refresh());

  const termsSection = byId('terms-section', HTMLElement);
  termsSection.hidden = loaded.policy.userTermsAllowed !== true;
  if (!termsSection.hidden) fillForm(byId('terms-form', HTMLFormElement), user);
}

function check() {
  const text = byId('draft', HTMLTextAreaElement).value;
  const out = byId('check-result', HTMLElement);
  if (!checker) return;
  // The worker's own path: packed numbers from the analyser, expanded by unpack.js.
  const rules = JSON.parse(checker.rules());
  renderReport(out, text, unpack(checker.checkPacked(text), checker.lastWhys(), rules, text, checker.lastFixTexts()));
}

byId('check-form', HTMLFormElement).addEventListener('submit', (e) => {
  e.preventDefault();
  check();
});

byId('terms-form', HTMLFormElement).addEventListener('submit', (e) => {
  e.preventDefault();
  const status = byId('terms-status', HTMLElement);
  saveUserTerms(readForm(byId('terms-form', HTMLFormElement))).then(
    () => { status.textContent = 'Saved. Your terms apply from your next check.'; },
    () => { status.textContent = 'Could not save your terms; please try again.'; });
});

// A grant made or taken back elsewhere (the browser's own extension settings) shows here at once.
chrome.permissions.onAdded.addListener(() => void refresh());
chrome.permissions.onRemoved.addListener(() => void refresh());

chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'managed' || (area === 'local' && USER_TERMS_KEY in changes)) void refresh().then(() => { if (byId('draft', HTMLTextAreaElement).value) check(); });
});

void refresh().catch((e) => {
  byId('check-result', HTMLElement).textContent = 'postguard could not start its checker on this page. Reloading the page may help.';
  // The error's class only: a message can quote its input (a JSON parse error quotes the text it read).
  console.error('postguard options: the checker could not start:', e instanceof Error ? e.name : 'unknown error');
});
