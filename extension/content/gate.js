// @ts-check
/**
 * The submit gate: pauses a submit while the draft has unresolved findings that policy says should
 * pause it, shows the dialog, and re-issues the submit exactly once if the user chooses "Post anyway".
 *
 * Listeners are registered on `window` in the capture phase as soon as this script runs
 * (document_start), before any page script, so they run before React's root listeners and before
 * any page capture listener on window (DESIGN §5.3, §5.6). The gate never replays key events
 * (Draft.js ignores untrusted ones): it replays by clicking the site's own submit control with a
 * one-shot bypass, or, where a surface has no control, lets the user's next Enter through.
 *
 * A submit that cannot be decided yet (the draft was not checked, or its check failed) is held
 * until it can be, for as long as the first check can honestly take (readiness.js); only a real
 * failure counts as failed, and then policy's failClosed decides. A held submit is dropped, never
 * sent later, if its compose box goes away or the page is left meanwhile.
 *
 * What counts as a submit, which editor it belongs to and what the findings are is decided by the
 * hooks main.js installs; this file only owns the event flow.
 */
/**
 * @typedef {object} Hit
 * @property {any[]} sessions            the editor sessions this submit sends
 * @property {() => boolean} replay      re-issue the submit once; false if it could not be
 *
 * @typedef {'clear' | 'gate' | 'pending' | 'failed'} Verdict
 *
 * @typedef {object} GateHooks
 * @property {(event: MouseEvent) => Hit | null} clickHit
 * @property {(event: KeyboardEvent) => Hit | null} keyHit
 * @property {(event: SubmitEvent) => Hit | null} formHit
 * @property {(sessions: any[]) => Verdict} verdict
 * @property {(sessions: any[]) => Promise<void>} settle       resolve when the submit can be decided (findings current, or a real failure)
 * @property {(sessions: any[]) => void} queued    a submit of these drafts waits for another to be decided
 * @property {(sessions: any[]) => {session: any, findings: Finding[], excerpts: string[], owners: any[]}} gating
 *           what pauses the submit, in every draft it sends; `session`: the first draft to edit;
 *           `owners[i]`: the draft `findings[i]` is in
 * @property {(owners: any[], findings: Finding[]) => Promise<boolean>} fix
 *           apply these findings' fixes to their drafts and re-check them; false if one failed
 * @property {() => Settings} settings
 * @property {(session: any) => void} returnToEditor
 * @property {(sessions: any[]) => void} accepted  the user chose "Post anyway" for these drafts as they are
 * @property {(sessions: any[]) => void} sent      this submit went through to the site (checked clean, or replayed)
 */
const PgGate = (() => {

  /** @type {GateHooks | null} */
  let hooks = null;
  /** True only while the gate itself re-issues a submit (dispatch is synchronous). */
  let replaying = false;
  /** The submit held now (being checked, or its dialog open), if any. @type {Hit | null} */
  let current = null;
  /** Submits from other compose boxes that arrived meanwhile, decided in turn. @type {Hit[]} */
  const waiting = [];
  /** @type {{editor: Element, until: number} | null} */
  let armedKey = null;
  /** Bumped when the page is left: a submit held before then is dropped, never sent on return. */
  let generation = 0;

  /** @param {Event} e */
  function stop(e) {
    e.preventDefault();
    e.stopImmediatePropagation();
  }

  /**
   * Decide on a submit that was held; replay it or show the dialog.
   * @param {Hit} hit
   */
  async function hold(hit) {
    const h = /** @type {GateHooks} */ (hooks);
    current = hit;
    const held = generation;
    try {
      // Not checked yet, the last check failed, or the Trust's settings not known yet (a fresh
      // browser): wait until it can be decided.
      await h.settle(hit.sessions);
      if (held !== generation) return;
      // The compose box went away while it was checked (the page moved on): nothing is left to send.
      if (!hit.sessions.some((s) => s.editor.isConnected)) return;
      let verdict = h.verdict(hit.sessions);
      // No answer in all that time: the checker counts as failed.
      if (verdict === 'pending') verdict = 'failed';
      const settings = h.settings();
      if (verdict === 'clear' || (verdict === 'failed' && !settings.failClosed)) {
        replay(hit);
        return;
      }
      if (verdict === 'failed') {
        await PgDialog.ask({ findings: [], settings, unavailable: true });
        h.returnToEditor(hit.sessions[0]);
        return;
      }
      // The dialog comes back after a fix while something still pauses the post.
      for (;;) {
        const { session, findings, excerpts, owners } = h.gating(hit.sessions);
        PgOverlay.announce(`Post paused: ${PgOverlay.summary(findings).replace(/^postguard: /, '')}.`);
        const choice = await PgDialog.ask({ findings, excerpts, settings });
        if (choice === 'post') {
          h.accepted(hit.sessions);
          replay(hit);
        } else if (choice === 'edit') {
          h.returnToEditor(session);
        } else {
          const picked = choice.fix.map((i) => findings[i]);
          const fixed = await h.fix(choice.fix.map((i) => owners[i]), picked);
          if (held !== generation) return;
          const after = fixed ? h.verdict(hit.sessions) : 'failed';
          if (after === 'gate') continue;
          if (after === 'clear' && choice.post) {
            replay(hit);
          } else {
            h.returnToEditor(session);
            PgOverlay.announce(fixed ? 'Fixed. Your post is ready: send it when you are.' : 'postguard could not make that change. Your draft is as it was; edit it yourself.');
          }
        }
        break;
      }
    } finally {
      if (held === generation) {
        current = null;
        const next = waiting.shift();
        if (next) void hold(next);
      }
    }
  }

  /** @param {Hit} hit */
  function replay(hit) {
    replaying = true;
    let done = false;
    try {
      done = hit.replay();
    } finally {
      replaying = false;
    }
    if (done) hooks?.sent(hit.sessions);
    if (!done) {
      // No control to click (an Enter-only surface): let the person's next Enter through.
      const editor = hit.sessions[0]?.editor;
      if (!editor?.isConnected) return;
      armedKey = { editor, until: Date.now() + 15_000 };
      PgOverlay.announce('Press Enter again to send.');
    }
  }

  /**
   * A submit the gate heard: let it through untouched if its drafts are checked and clean; hold it
   * otherwise (a failed check is retried in hold(), then fails open or closed as policy says).
   * While one submit is held, every other is stopped: a second press of the held submit is dropped
   * (that post is already being decided), and a submit from another compose box waits its turn and
   * is decided after it, so it is neither lost nor sent unchecked.
   * @param {Event} e
   * @param {Hit} hit
   */
  function consider(e, hit) {
    const h = /** @type {GateHooks} */ (hooks);
    if (current) {
      stop(e);
      if (!overlaps(hit, current) && !waiting.some((w) => overlaps(w, hit))) {
        waiting.push(hit);
        h.queued(hit.sessions);
      }
      return;
    }
    if (h.verdict(hit.sessions) === 'clear') {
      h.sent(hit.sessions);
      return;
    }
    stop(e);
    void hold(hit);
  }

  /** Whether two submits send any of the same drafts. @param {Hit} a @param {Hit} b */
  function overlaps(a, b) {
    return a.sessions.some((s) => b.sessions.includes(s));
  }

  /** @param {MouseEvent} e */
  function onClick(e) {
    if (!hooks || replaying) return;
    const hit = hooks.clickHit(e);
    if (hit) consider(e, hit);
  }

  /** @param {KeyboardEvent} e */
  function onKeyDown(e) {
    if (!hooks || replaying || (e.key !== 'Enter' && e.key !== ' ') || e.isComposing || e.keyCode === 229) return;
    const hit = hooks.keyHit(e);
    if (!hit) return;
    if (armedKey && hit.sessions[0]?.editor === armedKey.editor && Date.now() < armedKey.until && e.isTrusted) {
      armedKey = null;
      hooks.sent(hit.sessions);
      return;
    }
    consider(e, hit);
  }

  /** @param {SubmitEvent} e */
  function onSubmit(e) {
    if (!hooks || replaying) return;
    const hit = hooks.formHit(e);
    if (hit) consider(e, hit);
  }

  // Leaving the page (it may come back from the back/forward cache with this script's state) drops
  // every held submit: a post the person walked away from is never sent on their return.
  window.addEventListener('pagehide', (e) => {
    if (!e.isTrusted) return;
    generation += 1;
    current = null;
    waiting.length = 0;
  });
  window.addEventListener('click', onClick, true);
  window.addEventListener('keydown', onKeyDown, true);
  window.addEventListener('submit', /** @type {EventListener} */ (onSubmit), true);

  /** @param {GateHooks} h */
  function configure(h) {
    hooks = h;
  }

  /**
   * `submit` is not composed: forms inside a shadow root are only heard from inside that root.
   * @param {ShadowRoot} root
   */
  function observe(root) {
    root.addEventListener('submit', /** @type {EventListener} */ (onSubmit), true);
  }

  /**
   * A same-origin frame's window (PgFrames): its clicks, keys and submits never reach the top
   * window, so the gate listens there too, in the capture phase, before the frame's own listeners.
   * @param {Window} view
   */
  function observeFrame(view) {
    view.addEventListener('click', onClick, true);
    view.addEventListener('keydown', onKeyDown, true);
    view.addEventListener('submit', /** @type {EventListener} */ (onSubmit), true);
  }

  return Object.freeze({ configure, observe, observeFrame });
})();
