// @ts-check
/**
 * Tells the worker whether postguard is checking on this tab, so the toolbar button says so in
 * every state, including the ones with nothing on the page to show: paused, turned off by IT, a box
 * it does not recognise, the checker unavailable. The worker draws it (worker/action-state.js).
 *
 * Only the state is sent, never anything of the page or the draft, and only when it changes.
 */
const PgStatus = (() => {
  /** @type {string} */
  let last = '';

  /**
   * The state of this tab now.
   * @returns {StatusRequest}
   */
  function current() {
    if (!PgSettings.site()) return { type: 'status', state: 'off' };
    const until = PgPause.until();
    if (until) return { type: 'status', state: 'paused', until };
    if (PgSessions.all().some((s) => s.failed && !s.checking && s.editor.isConnected)) return { type: 'status', state: 'unavailable' };
    if (PgUnwatched.any()) return { type: 'status', state: 'unwatched' };
    return { type: 'status', state: 'checking' };
  }

  /** Sends the state if it changed since the last one the worker took. */
  function report() {
    const status = current();
    const key = `${status.state}:${status.until ?? ''}`;
    if (key === last) return;
    last = key;
    // A worker that cannot be reached now is asked again at the next change.
    void PgBrowser.request(status, 3000).then((r) => { if (!r.ok && last === key) last = ''; });
  }

  return Object.freeze({ report });
})();
