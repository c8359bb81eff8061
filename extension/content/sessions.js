// @ts-check
/**
 * One session per editor postguard watches: the text last analysed, the findings for it, what the
 * person dismissed or accepted for this draft, and the scheduling of analyses in the worker.
 *
 * Sessions only observe their editor (one small MutationObserver and an input listener each); the
 * editor's DOM is never written to (DESIGN §5.2). What is risky is decided only by the analyser in
 * the worker: this file never looks at words, it compares texts and keeps replies.
 */
/**
 * @typedef {object} Session
 * @property {number} id
 * @property {HTMLElement} editor
 * @property {Surface | null} surface  null for the generic fallback
 * @property {string | null} analysedText  the text `findings` belong to
 * @property {Finding[]} findings
 * @property {Finding[]} visible           drawn now: undismissed, span unchanged since analysis
 * @property {boolean} failed              the last analysis could not run
 * @property {boolean} unreachable         ...because no answer came (the worker may be starting), not
 *                                         because the worker answered that it could not analyse
 * @property {boolean} checking            a submit of this draft is held until its check is done
 * @property {boolean} truncated           the analyser found more than it returned (or the draft was too long to check whole)
 * @property {number} retries             attempts since the last analysis that ran
 * @property {number} seq
 * @property {ReturnType<typeof setTimeout> | undefined} timer  a pending retry after a failed analysis
 * @property {Promise<void> | null} running   the analysis in flight, if any
 * @property {boolean} dirty                  input arrived while `running`: analyse again after it
 * @property {Set<string>} dismissed       rule + span text, for this draft only
 * @property {string | null} accepted      text the user chose to post anyway
 * @property {{count: number, location: boolean | null} | null} media
 * @property {MutationObserver} observer
 * @property {() => void} onInput
 */
const PgSessions = (() => {
  const ANALYSE_TIMEOUT_MS = 2500;
  const RETRY_MS = 500;
  const MAX_RETRIES = 3;

  /** @type {Map<HTMLElement, Session>} */
  const sessions = new Map();
  let nextId = 1;
  /** Told of each new session (main.js hands a waiting photo reminder to a caption box). @type {((s: Session) => void)[]} */
  const attachListeners = [];
  /** The session whose editor last had focus (for the caret's tooltip). @type {Session | null} */
  let lastActive = null;

  /**
   * What identifies a finding within one draft: its rule and the characters it covers.
   * @param {Finding} f @param {string} text
   */
  const keyOf = (f, text) => `${f.rule}\u0000${text.slice(f.start, f.end)}`;

  /**
   * Analyse as soon as the text changes: a round trip to the worker takes a few milliseconds, so
   * marks can follow every keystroke within a frame (measured by `./build.sh bench`). At most one
   * analysis is in flight per editor; input that arrives meanwhile queues exactly one follow-up, so a
   * fast typist never builds a backlog. Editors that re-render from their own model (Draft.js,
   * Lexical) change the DOM after the input event; the editor's MutationObserver then schedules again,
   * so the analysis always ends on the text the user sees.
   * @param {Session} s
   */
  function schedule(s) {
    // An emptied editor starts a new draft (posted, or cleared): forget what the person dismissed
    // or accepted for the old one at once, or a quick next draft inherits it.
    if ((s.dismissed.size || s.accepted !== null) && PgText.read(s.editor).text.trim() === '') {
      s.dismissed.clear();
      s.accepted = null;
    }
    s.retries = 0; // the person typed: a new text deserves its own retries
    run(s);
  }

  /**
   * Runs an analysis now, or once after the one in flight.
   * @param {Session} s
   */
  function run(s) {
    PgDrawing.requestDraw();
    if (s.running) {
      s.dirty = true;
      return;
    }
    s.running = Promise.resolve()
      .then(() => analyse(s))
      .finally(() => {
        s.running = null;
        if (s.dirty) {
          s.dirty = false;
          run(s);
        }
      });
  }

  /**
   * Analyse the editor's current text unless the findings already belong to it.
   * @param {Session} s
   * @returns {Promise<void>}
   */
  async function analyse(s) {
    clearTimeout(s.timer); // this analysis supersedes any pending retry
    if (PgPause.until()) return; // the person paused postguard here: nothing is sent, nothing drawn
    const text = PgText.read(s.editor).text;
    if (text === s.analysedText && !s.failed) return;
    const seq = ++s.seq;
    if (text.trim() === '') {
      s.analysedText = text;
      s.findings = [];
      s.failed = false;
      s.truncated = false;
      // An emptied editor is a new draft: forget dismissals and acceptances of the old one.
      s.dismissed.clear();
      s.accepted = null;
      PgDrawing.requestDraw();
      return;
    }
    /** @type {AnalyzeOk | RequestFailure} */
    const reply = await PgBrowser.request({ type: 'analyze', text }, ANALYSE_TIMEOUT_MS);
    if (seq !== s.seq) return; // a newer analysis superseded this one
    const before = new Set(s.findings.map((f) => keyOf(f, s.analysedText ?? '')));
    const warnedBefore = s.findings.some((f) => f.action !== 'inform');
    s.analysedText = text;
    if (reply.ok && Array.isArray(reply.findings)) {
      s.findings = reply.findings;
      s.failed = false;
      s.unreachable = false;
      s.truncated = reply.truncated === true;
      const fresh = s.findings.filter((f) => f.action !== 'inform' && !before.has(keyOf(f, text)) && !s.dismissed.has(keyOf(f, text)));
      // A draft's first warnings also say how to reach them by keyboard (shortcut.js).
      const how = warnedBefore ? '' : ` ${PgOverlay.SHORTCUT} lists them.`;
      if (fresh.length) PgOverlay.announce(`${PgOverlay.summary(s.findings)}: ${fresh.map((f) => f.title).join('; ')}.${how}`);
      s.retries = 0;
    } else {
      s.findings = [];
      s.failed = true;
      s.unreachable = !reply.ok && reply.unreachable === true;
      s.truncated = false;
      // The worker may be starting (it compiles the analyser first) or busy: try again shortly,
      // a few times, rather than leave the draft unchecked until the next keystroke.
      if (s.retries < MAX_RETRIES) {
        s.retries += 1;
        clearTimeout(s.timer);
        s.timer = setTimeout(() => run(s), RETRY_MS * s.retries);
      }
    }
    // Draw now rather than at the next frame: the reply lands a few milliseconds after the keystroke,
    // and one geometry read followed by one overlay write is no layout thrash.
    PgDrawing.draw();
  }

  /**
   * Analyses the editor's current text now, through the same one-at-a-time queue as typing, and
   * resolves when no analysis of this editor is running any more.
   * @param {Session} s
   */
  async function analyseNow(s) {
    run(s);
    while (s.running) await s.running;
  }

  /**
   * Whether a held submit can be decided for this editor: its findings belong to the text it shows
   * now, or the worker itself answered that it could not analyse it (to a request made during the
   * wait, `asked`), or there is nothing to send.
   * @param {Session} s
   * @param {boolean} asked
   */
  function decided(s, asked) {
    if (!s.editor.isConnected) return true;
    const text = PgText.read(s.editor).text;
    if (text.trim() === '') return true;
    if (text !== s.analysedText) return false;
    return !s.failed || (asked && !s.unreachable);
  }

  /**
   * Shows (or stops showing) "Checking…" on these editors' badges.
   * @param {Session[]} list
   * @param {boolean} on
   */
  function setChecking(list, on) {
    for (const s of list) s.checking = on;
    PgDrawing.requestDraw();
  }

  /**
   * Findings that pause a submit: warn and above, not dismissed, not already accepted.
   * @param {Session} s
   * @param {string} text
   */
  function gatingOf(s, text) {
    if (s.accepted === text) return [];
    return s.findings.filter((f) => f.action !== 'inform' && !s.dismissed.has(keyOf(f, text)));
  }

  /** @param {Session[]} list @returns {Verdict} */
  function verdict(list) {
    if (PgPause.until()) return 'clear';
    let gate = false;
    let failed = false;
    for (const s of list) {
      const text = PgText.read(s.editor).text;
      if (text.trim() === '') continue;
      if (text !== s.analysedText) return 'pending';
      if (s.failed) failed = true;
      else if (gatingOf(s, text).length) gate = true;
    }
    return gate ? 'gate' : failed ? 'failed' : 'clear';
  }

  /**
   * @param {HTMLElement} editor
   * @param {Surface | null} surface
   */
  function attach(editor, surface) {
    if (sessions.has(editor)) return;
    /** @type {Session} */
    const s = {
      id: nextId++, editor, surface, analysedText: null, findings: [], visible: [], failed: false, unreachable: false, checking: false,
      truncated: false, retries: 0, seq: 0,
      timer: undefined, running: null, dirty: false, dismissed: new Set(), accepted: null, media: null,
      observer: new MutationObserver(() => schedule(s)),
      onInput: () => schedule(s),
    };
    // Observe only: the editor's DOM is never written to (DESIGN §5.2).
    s.observer.observe(editor, { childList: true, subtree: true, characterData: true });
    editor.addEventListener('input', s.onInput, { passive: true });
    sessions.set(editor, s);
    if (PgText.read(editor).text.trim() !== '') schedule(s);
    PgSettings.refreshIfStale();
    for (const fn of attachListeners) fn(s);
  }

  /** Calls `fn` with every session attached from now on. @param {(s: Session) => void} fn */
  function onAttach(fn) {
    attachListeners.push(fn);
  }

  /** @param {Session} s */
  function detach(s) {
    s.observer.disconnect();
    s.editor.removeEventListener('input', s.onInput);
    sessions.delete(s.editor);
    if (lastActive === s) lastActive = null;
  }

  /**
   * Forgets every finding, and any reply on its way, when postguard is paused here.
   */
  function forgetAll() {
    for (const s of sessions.values()) {
      s.seq++; // a reply already on its way belongs to the time before the pause
      clearTimeout(s.timer);
      s.findings = [];
      s.visible = [];
      s.failed = false;
      s.analysedText = null;
      s.media = null;
    }
  }

  /** Checks every draft again from scratch (a new policy applies to them). */
  function recheckAll() {
    for (const s of sessions.values()) {
      s.analysedText = null;
      schedule(s);
    }
  }

  /** A session by its view id. @param {number} id */
  function byId(id) {
    return [...sessions.values()].find((s) => s.id === id);
  }

  return Object.freeze({
    keyOf,
    schedule,
    analyseNow,
    decided,
    setChecking,
    gatingOf,
    verdict,
    attach,
    onAttach,
    detach,
    forgetAll,
    recheckAll,
    byId,
    /** @param {Element} editor */
    get: (editor) => sessions.get(/** @type {HTMLElement} */ (editor)),
    /** @param {Element} editor */
    has: (editor) => sessions.has(/** @type {HTMLElement} */ (editor)),
    all: () => [...sessions.values()],
    editors: () => [...sessions.keys()],
    size: () => sessions.size,
    lastActive: () => lastActive,
    /** @param {Session} s */
    setLastActive: (s) => { lastActive = s; },
  });
})();
