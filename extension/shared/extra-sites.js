// @ts-check
/**
 * Hosts IT adds (managed policy `extraSites`, read and normalised by the core: every address is
 * `https://host/path` with a lower-case host, `*.` in front for its subdomains, and a path of at
 * least `/`). One place says what an address means, for the worker (which registers the content
 * scripts there), the options page (which asks the person to allow it) and the content script (which
 * finds its own entry): the match pattern scripts run on, the origin permission asked for, and
 * whether a page is under it.
 *
 * @typedef {object} ExtraSite
 * @property {string} address   normalised by the core
 * @property {string} adapter   'generic' or an adapter id of the table (extension/content/adapters.js)
 * @property {string[]} [editors]
 * @property {string[]} [submits]
 * @property {string[]} [attachments]
 * @property {boolean} [enterSends]
 * @property {boolean} [ctrlEnterSends]
 */

/** @param {string} address @returns {{host: string, path: string}} */
function splitAddress(address) {
  const rest = address.slice('https://'.length);
  const slash = rest.indexOf('/');
  return slash < 0 ? { host: rest, path: '/' } : { host: rest.slice(0, slash), path: rest.slice(slash) };
}

/**
 * Where the content scripts are registered: every page under the address.
 * @param {string} address
 */
function matchPattern(address) {
  const { host, path } = splitAddress(address);
  return `https://${host}${path}*`;
}

/**
 * The origin permission the person is asked for (permissions are per origin, not per path).
 * @param {string} address
 */
function originPattern(address) {
  return `https://${splitAddress(address).host}/*`;
}

/**
 * Whether `url` is a page under `address`.
 * @param {string} address
 * @param {string} url
 */
function covers(address, url) {
  let u;
  try { u = new URL(url); } catch { return false; }
  if (u.protocol !== 'https:' || u.port !== '') return false;
  const { host, path } = splitAddress(address);
  const hostOk = host.startsWith('*.') ? u.hostname === host.slice(2) || u.hostname.endsWith(host.slice(1)) : u.hostname === host;
  return hostOk && u.pathname.startsWith(path);
}

/**
 * The entry for `url` (the longest address wins, so a path entry beats its host's), or null.
 * @param {unknown} list  settings.extraSites
 * @param {string} url
 * @returns {ExtraSite | null}
 */
function entryFor(list, url) {
  if (!Array.isArray(list)) return null;
  /** @type {ExtraSite | null} */
  let best = null;
  for (const e of list) {
    if (typeof e?.address !== 'string' || !e.address.startsWith('https://') || !covers(e.address, url)) continue;
    if (!best || e.address.length > best.address.length) best = e;
  }
  return best;
}

/**
 * Whether a built-in site's content script already runs at `address` (its host is one of the
 * manifest's): IT's entry then adds nothing, and a second copy of the script must not run there.
 * @param {string} address
 */
function builtIn(address) {
  const { host } = splitAddress(address);
  const patterns = chrome.runtime.getManifest().content_scripts?.flatMap((c) => c.matches ?? []) ?? [];
  return patterns.includes(`https://${host}/*`);
}

/**
 * Where a listed host stands for this person: postguard checks there (`allowed`), waits for the
 * person to allow it (`not-allowed`), or it is a built-in site already (`built-in`).
 * @param {string} address
 * @returns {Promise<'allowed' | 'not-allowed' | 'built-in'>}
 */
async function state(address) {
  if (builtIn(address)) return 'built-in';
  return (await chrome.permissions.contains({ origins: [originPattern(address)] })) ? 'allowed' : 'not-allowed';
}

// Shared by the worker and options page (ES module import) and the content script (global), without a bundler.
if (typeof globalThis !== 'undefined') Object.assign(globalThis, { PostguardExtraSites: Object.freeze({ matchPattern, originPattern, covers, entryFor, builtIn, state }) });
