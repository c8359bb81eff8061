// @ts-check
/**
 * The effective policy: what IT set in managed storage, over built-in defaults. Read once, cached,
 * and refreshed when managed storage changes (settings can arrive seconds after browser start).
 */

/** @typedef {Record<string, unknown>} PolicyObject */

/** @type {Promise<PolicyObject> | null} */
let cached = null;

/** @returns {Promise<PolicyObject>} */
async function readManaged() {
  try {
    return /** @type {PolicyObject} */ (await chrome.storage.managed.get(null));
  } catch {
    // No managed storage (e.g. Firefox without policies, or not enterprise-managed): defaults apply.
    return {};
  }
}

/** The managed policy object (cached; the same object until managed storage changes). */
export function policy() {
  if (!cached) cached = readManaged();
  return cached;
}

chrome.storage.onChanged.addListener((_changes, area) => {
  if (area === 'managed') cached = null;
});

/**
 * What the page side needs from the policy.
 * @param {PolicyObject} p
 * @returns {import('../shared/messages.js').Settings}
 */
export function pageSettings(p) {
  /** @param {string} key @param {string} fallback */
  const str = (key, fallback) => (typeof p[key] === 'string' && p[key] !== '' ? /** @type {string} */ (p[key]) : fallback);
  return {
    trustName: str('trustName', 'your NHS Trust'),
    commsContact: str('commsContact', "your Trust's communications team"),
    speakUpContact: str('speakUpContact', 'your Freedom to Speak Up Guardian'),
    policyUrl: str('policyUrl', ''),
    allowOverride: p.allowOverride !== false,
    failClosed: p.failClosed === true,
  };
}
