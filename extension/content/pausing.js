// @ts-check
/**
 * Pausing postguard on this site for a while, where IT allows it (an official account, say). A pause
 * forgets every finding and sends nothing more; its end (on time, from the badge, or because IT
 * turned pausing off) checks every draft again at once. Every tab of the site follows: the worker
 * keeps the pauses and tells the tabs.
 */
const PgPause = (() => {
  /** Whether the last `changed` saw a pause; its timer ends the pause on time. */
  let wasPaused = false;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;

  /** When this site's pause ends (ms since the epoch), or 0 when postguard is checking here. */
  function until() {
    const site = PgSettings.site();
    const settings = PgSettings.current();
    const end = (site && settings.allowPause && settings.pauses?.[site.id]) || 0;
    return end > Date.now() ? end : 0;
  }

  /** Applies the current pause state to every session and to what is drawn. */
  function changed() {
    clearTimeout(timer);
    const end = until();
    if (end) {
      timer = setTimeout(changed, end - Date.now() + 50);
      PgSessions.forgetAll();
      PgDrawing.setPageMedia(null);
      PgOverlay.closePanel(false);
    } else if (wasPaused) {
      for (const s of PgSessions.all()) PgSessions.schedule(s);
    }
    wasPaused = end > 0;
    PgDrawing.requestDraw();
  }

  /**
   * Asks the worker to pause postguard on this site, or to end the pause.
   * @param {boolean} on
   */
  async function request(on) {
    const site = PgSettings.site();
    if (!site) return;
    const reply = /** @type {PauseOk | {ok: false, error: string}} */ (await PgBrowser.request({ type: on ? 'pause' : 'resume', site: site.id }, 3000));
    if (!reply.ok) {
      PgOverlay.announce(on ? 'postguard could not pause. It is still checking your drafts.' : 'postguard could not resume. Try again.');
      return;
    }
    PgSettings.update({ pauses: reply.pauses });
    changed();
    const end = until();
    PgOverlay.announce(end ? `postguard paused on this site until ${PgOverlay.clock(end)}. Select its badge to check again.` : 'postguard is checking your drafts again.');
  }

  return Object.freeze({ until, changed, request });
})();
