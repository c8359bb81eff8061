// @ts-check
/**
 * Telling open pages that what they were told has changed: the policy (IT's arrived late, or was
 * updated), the user's own terms, or a pause. Every tab with postguard re-reads its settings and
 * re-checks its drafts; tabs without the content script have no receiver, which is expected.
 */

/** @type {ReturnType<typeof setTimeout> | undefined} */
let timer;
/** What must run before the pages are told, from every change in the burst. @type {Set<() => void>} */
const pending = new Set();

/**
 * Tells every open page, once a burst of changes has settled (storage reports one event per key).
 * @param {() => void} [first]  runs just before the pages are told (e.g. re-reading the policy)
 */
export function settingsChanged(first) {
  if (first) pending.add(first);
  clearTimeout(timer);
  timer = setTimeout(() => {
    const todo = [...pending];
    pending.clear();
    for (const run of todo) run();
    void chrome.tabs.query({}).then((tabs) => {
      for (const tab of tabs) {
        if (tab.id !== undefined) chrome.tabs.sendMessage(tab.id, { type: 'policyChanged' }).catch(() => {});
      }
    }, () => {});
  }, 200);
}
