// @ts-check
/**
 * The toolbar button says, per tab, whether postguard is checking there. A page with nothing to
 * mark looks the same whether its drafts were checked and found clean or were never checked at all;
 * the button is where a person can always look (issue 20: silence must never pass for approval).
 *
 * Tabs of covered sites report their state (content/toolbar-status.js); every other tab keeps the
 * manifest's default title, which says postguard is not checking that page. The browser forgets a
 * tab's badge and title when the tab navigates or closes, so nothing is kept here.
 *
 * Selecting the button opens postguard's own page (what it checks, the Trust's policy, the
 * person's own terms).
 */

/** What the button shows in each state: badge text (at most 4 characters), its colour, the title. */
const LOOKS = Object.freeze({
  checking: { text: '', colour: '#005eb8', title: () => 'postguard is checking your drafts on this site' },
  paused: { text: 'off', colour: '#4c6272', title: (/** @type {number | undefined} */ until) => `postguard is paused on this site${until ? ` until ${clock(until)}` : ''}: your drafts are not being checked` },
  off: { text: 'off', colour: '#4c6272', title: () => 'postguard is turned off on this site by your IT department: your drafts are not being checked' },
  unwatched: { text: '!', colour: '#212b32', title: () => 'postguard is not checking a box on this page (marked "not checked"): the site may have changed. Check that post yourself and tell your IT service desk' },
  unavailable: { text: '!', colour: '#212b32', title: () => 'postguard could not check your drafts on this page (checker unavailable)' },
});

/** @param {number} ms */
function clock(ms) {
  return new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/**
 * Shows `status` on the toolbar button of tab `tabId`.
 * @param {number} tabId
 * @param {import('../shared/messages.js').StatusRequest} status
 */
export async function showStatus(tabId, status) {
  const look = LOOKS[status.state];
  await Promise.all([
    chrome.action.setBadgeText({ tabId, text: look.text }),
    chrome.action.setBadgeBackgroundColor({ tabId, color: look.colour }),
    chrome.action.setTitle({ tabId, title: look.title(status.until) }),
  ]);
}

/** The button opens postguard's own page. */
export function listenForClicks() {
  chrome.action.onClicked.addListener(() => void chrome.runtime.openOptionsPage());
}
