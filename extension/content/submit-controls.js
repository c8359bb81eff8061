// @ts-check
/**
 * Which submit an event is, and which editors it sends: the gate's questions, answered from the
 * adapter table. A click or key on a submit control sends every editor whose compose box that
 * control belongs to (an X thread's items share one); Enter or Ctrl/Cmd+Enter sends the editor it is
 * pressed in where the surface sends that way; a form's submit sends the fallback editors in it.
 * Each answer carries how to re-issue the submit once, should the person choose "Post anyway".
 */
const PgControls = (() => {
  /**
   * The submit control of a session's compose box: the nearest ancestor of the editor that
   * contains one of the surface's controls decides which.
   * @param {Session} s
   * @returns {HTMLElement | null}
   */
  function submitFor(s) {
    const matchers = s.surface ? s.surface.submits : PgAdapters.FALLBACK.submits;
    /** @type {Element | null} */
    let cur = PgGeometry.parentOf(s.editor);
    while (cur) {
      for (const m of matchers) {
        const c = PgAdapters.submitOf(s.editor, cur, m);
        if (c) return c;
      }
      cur = PgGeometry.parentOf(cur);
    }
    return null;
  }

  /** @param {MouseEvent} e @returns {Hit | null} */
  function clickHit(e) {
    return controlHit(e.composedPath());
  }

  /**
   * A submit control on the event's path, and the sessions whose compose box it sends.
   * @param {EventTarget[]} fullPath
   * @returns {Hit | null}
   */
  function controlHit(fullPath) {
    const site = PgSettings.site();
    if (!site || PgSessions.size() === 0) return null;
    const path = fullPath.slice(0, 16);
    // The nearest element on the path that may be a submit control and is the control of some
    // compose box (a structural matcher names candidates; the editor's box decides which one sends).
    /** @type {HTMLElement | null} */
    let button = null;
    /** @type {Session[]} */
    let list = [];
    for (const node of path) {
      if (!PgFrames.isHTMLElement(node)) continue;
      if (!site.surfaces.some((surface) => surface.submits.some((m) => PgAdapters.matchesSubmit(node, m)))) continue;
      list = PgSessions.all().filter((s) => s.surface && s.editor.isConnected && submitFor(s) === node);
      if (list.length) { button = node; break; }
    }
    if (!button) return null;
    const target = button;
    return {
      sessions: list,
      replay: () => {
        const b = target.isConnected ? target : submitFor(list[0]);
        if (!b) return false;
        b.click();
        return true;
      },
    };
  }

  /** @param {KeyboardEvent} e @returns {Hit | null} */
  function keyHit(e) {
    const path = e.composedPath();
    // Enter/Space on a focused div[role=button] submit control: the site activates it from
    // keydown, so no click would reach the click gate. Native buttons turn these keys into clicks.
    const focused = path[0];
    if (PgFrames.isHTMLElement(focused) && focused.localName !== 'button' && !PgFrames.isInput(focused) &&
        (e.key === 'Enter' || e.key === ' ')) {
      const hit = controlHit(path);
      if (hit) return hit;
    }
    if (e.key !== 'Enter') return null;
    const s = PgSessions.all().find((x) => path.includes(x.editor));
    if (!s || !s.surface) return null;
    const mod = e.ctrlKey || e.metaKey;
    const sends = (mod && !e.altKey && s.surface.send.ctrlEnter) ||
      (!mod && !e.shiftKey && !e.altKey && s.surface.send.enter && !typeaheadOpen(s.editor));
    if (!sends) return null;
    // The key sends the whole compose box: every editor that shares its submit control (an X
    // thread's items) is checked, not only the one the key was pressed in.
    const control = submitFor(s);
    const together = control ? PgSessions.all().filter((x) => x.surface && x.editor.isConnected && submitFor(x) === control) : [];
    return {
      sessions: together.includes(s) ? together : [s],
      replay: () => {
        const b = submitFor(s);
        if (b) { b.click(); return true; }
        const form = s.editor.closest('form');
        if (form) { form.requestSubmit(); return true; }
        return false;
      },
    };
  }

  /** Enter picks a suggestion while a mention/hashtag list is open. @param {HTMLElement} editor */
  function typeaheadOpen(editor) {
    return editor.getAttribute('aria-expanded') === 'true' || !!editor.getAttribute('aria-activedescendant');
  }

  /** @param {SubmitEvent} e @returns {Hit | null} */
  function formHit(e) {
    // A form of any realm (a same-origin frame's, frames.js).
    if (!PgFrames.isHTMLElement(e.target) || e.target.localName !== 'form') return null;
    const form = /** @type {HTMLFormElement} */ (e.target);
    const list = PgSessions.all().filter((s) => !s.surface && form.contains(s.editor));
    if (list.length === 0) return null;
    const submitter = e.submitter;
    return {
      sessions: list,
      replay: () => {
        if (!form.isConnected) return false;
        form.requestSubmit(submitter && submitter.isConnected ? submitter : undefined);
        return true;
      },
    };
  }

  return Object.freeze({ clickHit, keyHit, formHit, submitFor });
})();
