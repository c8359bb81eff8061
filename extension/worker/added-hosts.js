// @ts-check
/**
 * Hosts IT adds (managed `extraSites`): the content scripts run there only where the person has
 * allowed the host, through `chrome.scripting.registerContentScripts` — the manifest asks for the
 * built-in sites only, and for every other https host only as an optional permission that nothing
 * is granted by default (docs/security.md, "Hosts IT adds").
 *
 * The registrations follow the policy and the grants: on start, when the managed policy changes and
 * when a permission is granted or removed, the scripts registered are made exactly those of the
 * listed hosts the person allowed (same files as the manifest's, top frame only, at document_start).
 * A host IT takes out of the policy is unregistered and the person's grant for it is given back, so
 * no access outlives IT's listing; this is skipped while managed storage reads as empty (at browser
 * start the policy can arrive late), so a grant is never dropped on a policy not yet read.
 */
import '../shared/extra-sites.js';
import { policy } from './settings.js';

/** @typedef {{address: string, adapter: string}} ExtraSite */

const X = /** @type {any} */ (globalThis).PostguardExtraSites;

/** Registration ids are this plus the entry's address. */
const PREFIX = 'postguard-added:';

/**
 * The hosts IT added, as the effective policy lists them.
 * @returns {Promise<{list: ExtraSite[], managedEmpty: boolean}>}
 */
async function listed() {
  const layers = await policy();
  const p = /** @type {Record<string, unknown>} */ (layers.effective ?? {});
  const list = Array.isArray(p.extraSites) ? /** @type {ExtraSite[]} */ (p.extraSites) : [];
  const managed = layers.managed;
  const managedEmpty = typeof managed !== 'object' || managed === null || Object.keys(managed).length === 0;
  return { list, managedEmpty };
}

/** Makes the registered scripts (and grants) match the policy; one run at a time. */
async function sync() {
  const { list, managedEmpty } = await listed();
  const files = chrome.runtime.getManifest().content_scripts?.[0]?.js ?? [];
  /** @type {Map<string, string>} registration id → match pattern */
  const want = new Map();
  for (const e of list) {
    if (X.builtIn(e.address)) continue;
    if (await chrome.permissions.contains({ origins: [X.originPattern(e.address)] })) want.set(PREFIX + e.address, X.matchPattern(e.address));
  }
  const ours = (await chrome.scripting.getRegisteredContentScripts()).filter((s) => s.id.startsWith(PREFIX));
  const stale = ours.filter((s) => want.get(s.id) !== s.matches?.[0] || s.js?.join() !== files.join()).map((s) => s.id);
  if (stale.length) await chrome.scripting.unregisterContentScripts({ ids: stale });
  const kept = new Set(ours.map((s) => s.id).filter((id) => !stale.includes(id)));
  const add = [...want].filter(([id]) => !kept.has(id)).map(([id, match]) => ({
    id, matches: [match], js: files, runAt: /** @type {const} */ ('document_start'), allFrames: false, persistAcrossSessions: true,
  }));
  if (add.length) await chrome.scripting.registerContentScripts(add);

  if (managedEmpty) return;
  // Grants for hosts IT no longer lists are given back (the built-in sites' are not optional).
  const required = new Set(chrome.runtime.getManifest().host_permissions ?? []);
  const origins = new Set(list.map((e) => X.originPattern(e.address)));
  const granted = (await chrome.permissions.getAll()).origins ?? [];
  const drop = granted.filter((o) => !required.has(o) && !origins.has(o));
  if (drop.length) await chrome.permissions.remove({ origins: drop });
}

/** @type {Promise<void>} */
let running = Promise.resolve();

/** Queues a sync after any running one (registrations must not race: ids are unique). */
export function syncAddedHosts() {
  running = running.then(sync).catch((e) => {
    // The error's class only: its message could name an address, and the rule is the same everywhere.
    console.error('postguard: hosts IT added could not be registered:', e instanceof Error ? e.name : 'unknown error');
  });
  return running;
}

/** Keeps the registrations in step with the policy and the person's grants. */
export function watchAddedHosts() {
  chrome.storage.onChanged.addListener((_, area) => { if (area === 'managed') void syncAddedHosts(); });
  chrome.permissions.onAdded.addListener(() => void syncAddedHosts());
  chrome.permissions.onRemoved.addListener(() => void syncAddedHosts());
  void syncAddedHosts();
}
