// @ts-check
/**
 * The effective policy: what IT set in managed storage, plus what the user added on the options page
 * (only where IT allows it), over built-in defaults. Validation is the Rust core's
 * (`crates/core/src/managed/`): one bad value is reported and falls back to its default, never dropping
 * the rest.
 *
 * Read once and cached; re-read when managed storage or the user's terms change (managed values can
 * arrive seconds after browser start), so a new policy applies without reloading the extension.
 * Problems with the policy go to the worker console and to `globalThis.postguardPolicyIssues` (tests
 * read it there); they name settings, never anything typed in a page.
 */
import { checkerFor } from './analyzer.js';
import { settingsChanged } from './pages.js';

/** chrome.storage.local key of the user's own terms: {wardNames?, internalTerms?, staffProcessTerms?}. */
export const USER_TERMS_KEY = 'userTerms';

/**
 * @typedef {object} PolicyIssue
 * @property {string} setting   e.g. "wardNames[3]" or "ruleActions.nhs-number"
 * @property {string} problem
 * @property {'managed' | 'user'} source
 *
 * @typedef {object} Layers      one reading of storage, with what the core made of it
 * @property {unknown} managed   the raw managed-storage object
 * @property {unknown} user      the user's own terms (or undefined)
 * @property {Record<string, unknown> | null} effective  the validated policy; null if the analyser could not load
 * @property {PolicyIssue[]} issues
 */

/** @type {Promise<Layers> | null} */
let cached = null;

/**
 * Managed storage. Right after the browser starts, Chromium's policy service can take over a second
 * to answer (measured: 1.4 s with no policy at all); the first analysis waits for it rather than run
 * without the Trust's rules (the content script retries a request that outlives its deadline).
 * @returns {Promise<Record<string, unknown>>}
 */
async function readManaged() {
  try {
    return /** @type {Record<string, unknown>} */ (await chrome.storage.managed.get(null));
  } catch {
    // No managed storage (not enterprise-managed, or Firefox without policies): defaults apply.
    return {};
  }
}

/**
 * Drops the cached policy; once the burst of changes settles, re-reads it (so problems with the new
 * policy are logged even before the next request) and tells every open page with postguard to
 * re-check its drafts under it.
 */
function policyChanged() {
  cached = null;
  settingsChanged(reread);
}

/** Reads the policy again (and so reports its problems); one function, so a burst reads it once. */
const reread = () => void policy();

/** @returns {Promise<unknown>} */
async function readUser() {
  try {
    const got = await chrome.storage.local.get(USER_TERMS_KEY);
    return got[USER_TERMS_KEY];
  } catch {
    return undefined;
  }
}

/** @returns {Promise<Layers>} */
async function readLayers() {
  const [managed, user] = await Promise.all([readManaged(), readUser()]);
  /** @type {Layers} */
  const layers = { managed, user, effective: null, issues: [] };
  try {
    const checker = await checkerFor(layers);
    const loaded = /** @type {{policy: Record<string, unknown>, issues: PolicyIssue[]}} */ (JSON.parse(checker.effective()));
    layers.effective = loaded.policy;
    layers.issues = loaded.issues;
  } catch (e) {
    // The analyser could not load: the page side still needs the Trust's contacts and fail-closed choice.
    console.error('postguard: the analyser could not load:', e instanceof Error ? e.name : 'unknown error');
  }
  report(layers.issues);
  return layers;
}

/** @param {PolicyIssue[]} issues */
function report(issues) {
  /** @type {any} */ (globalThis).postguardPolicyIssues = issues;
  for (const i of issues) {
    const who = i.source === 'user' ? 'your settings' : 'managed policy';
    console.warn(`postguard: ${who}: \`${i.setting}\` ${i.problem}`);
  }
  if (issues.length) {
    console.warn(`postguard: ${issues.length} policy problem(s); those settings use their defaults, the rest applies`);
  }
}

/** The current policy layers (cached; the same object until storage changes). */
export function policy() {
  if (!cached) cached = readLayers();
  return cached;
}

// Read at start, so problems with the policy are in the console as soon as the browser starts.
void policy();

chrome.storage.onChanged.addListener((changes, area) => {
  if (area !== 'managed' && !(area === 'local' && USER_TERMS_KEY in changes)) return;
  policyChanged();
});

/** How long a submit waits for a photo still being checked, unless IT sets photoWaitSeconds. */
const PHOTO_WAIT_SECONDS = 10;

/**
 * What the page side needs from the policy: the validated values when the analyser loaded, else the
 * raw managed values where they have the right type.
 * `selectors` is IT's `selectorOverrides` by site id, present only when IT set some (checked for size by
 * the core; the content script checks their CSS syntax).
 * @param {Layers} layers
 * @returns {import('../shared/messages.js').Settings}
 */
export function pageSettings(layers) {
  const p = layers.effective ?? /** @type {Record<string, unknown>} */ (layers.managed ?? {});
  /** @param {string} key @param {string} fallback */
  const str = (key, fallback) => (typeof p[key] === 'string' && p[key] !== '' ? /** @type {string} */ (p[key]) : fallback);
  /** @param {string} key @param {boolean} fallback */
  const bool = (key, fallback) => (typeof p[key] === 'boolean' ? /** @type {boolean} */ (p[key]) : fallback);
  const sites = Array.isArray(p.enabledSites) ? p.enabledSites.filter((s) => typeof s === 'string') : null;
  const selectors = typeof p.selectorOverrides === 'object' && p.selectorOverrides !== null ? p.selectorOverrides : {};
  const hasSelectors = Object.keys(selectors).length > 0;
  const url = str('policyUrl', '');
  /** @type {import('../shared/messages.js').Settings} */
  const settings = {
    trustName: str('trustName', 'your NHS Trust'),
    commsContact: str('commsContact', "your Trust's communications team"),
    speakUpContact: str('speakUpContact', 'your Freedom to Speak Up Guardian'),
    policyUrl: url.startsWith('https://') ? url : '',
    allowOverride: bool('allowOverride', true),
    failClosed: bool('failClosed', false),
    allowPause: bool('allowPause', true),
    enabledSites: sites ?? ['x', 'facebook', 'linkedin', 'instagram', 'tiktok', 'youtube', 'whatsapp', 'reddit', 'threads', 'bluesky', 'medium', 'wordpress', 'messenger', 'blogger'],
    photoText: bool('photoText', true),
    photoFaces: bool('photoFaces', true),
    photoWaitSeconds: typeof p.photoWaitSeconds === 'number' && p.photoWaitSeconds >= 1 && p.photoWaitSeconds <= 60 ? p.photoWaitSeconds : PHOTO_WAIT_SECONDS,
  };
  // Only when IT set some: a page on a host IT added finds its entry (and adapter) here.
  if (Array.isArray(p.extraSites) && p.extraSites.length > 0) settings.extraSites = /** @type {import('../shared/extra-sites.js').ExtraSite[]} */ (p.extraSites);
  // Only when IT set some: the content script re-scans the page when it receives selectors.
  if (hasSelectors) settings.selectors = /** @type {Record<string, import('../shared/messages.js').SelectorOverride>} */ (selectors);
  return settings;
}
