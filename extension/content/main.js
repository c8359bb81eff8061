// @ts-check
/**
 * Wiring: finds compose boxes, keeps one session per editor, sends the editor's text to the worker
 * after a short pause in typing, draws what comes back, and answers the gate's and media
 * reminder's questions about sessions.
 *
 * Frugal by design (uBlock Origin Lite's habits): one MutationObserver for discovery whose records
 * are batched, one small observer per editor, no polling, all drawing in one animation frame. What
 * is risky is decided only by the analyser in the worker; this file never looks at words.
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
(() => {

  const ANALYSE_TIMEOUT_MS = 2500;
  const RETRY_MS = 500;
  const MAX_RETRIES = 3;

  /** @type {Settings & {selectors?: unknown}} */
  let settings = {
    trustName: 'your NHS Trust',
    commsContact: "your Trust's communications team",
    speakUpContact: 'your Freedom to Speak Up Guardian',
    policyUrl: '',
    allowOverride: true,
    failClosed: false,
  };
  let site = PgAdapters.forHost(location.hostname);
  if (!site) return;

  /** @type {Map<HTMLElement, Session>} */
  const sessions = new Map();
  let nextId = 1;
  /** @type {Session | null} */
  let lastActive = null;

  // ---------- analysis ----------

  /** @param {Finding} f @param {string} text */
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
    requestDraw();
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
    if (pausedUntil()) return; // the person paused postguard here: nothing is sent, nothing drawn
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
      requestDraw();
      return;
    }
    /** @type {AnalyzeOk | {ok: false, error: string}} */
    const reply = await PgBrowser.request({ type: 'analyze', text }, ANALYSE_TIMEOUT_MS);
    if (seq !== s.seq) return; // a newer analysis superseded this one
    const before = new Set(s.findings.map((f) => keyOf(f, s.analysedText ?? '')));
    s.analysedText = text;
    if (reply.ok && Array.isArray(reply.findings)) {
      s.findings = reply.findings;
      s.failed = false;
      s.truncated = reply.truncated === true;
      const fresh = s.findings.filter((f) => f.action !== 'inform' && !before.has(keyOf(f, text)) && !s.dismissed.has(keyOf(f, text)));
      if (fresh.length) PgOverlay.announce(`${PgOverlay.summary(s.findings)}: ${fresh.map((f) => f.title).join('; ')}.`);
      s.retries = 0;
    } else {
      s.findings = [];
      s.failed = true;
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
    draw();
  }

  /** @param {Session[]} list */
  function refresh(list) {
    return Promise.all(list.map((s) => analyse(s))).then(() => {});
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
    if (pausedUntil()) return 'clear';
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

  // ---------- drawing ----------

  let drawQueued = false;
  function requestDraw() {
    if (drawQueued) return;
    drawQueued = true;
    requestAnimationFrame(draw);
  }

  function draw() {
    drawQueued = false;
    /** @type {View[]} */
    const views = [];
    const paused = pausedUntil();
    for (const s of sessions.values()) {
      if (!s.editor.isConnected) { detach(s); continue; }
      if (paused) {
        // Only the badge, saying so: no marks, no reminders, and one click resumes.
        views.push({ id: s.id, clip: PgGeometry.visibleBox(s.editor), marks: [], findings: [], media: null, paused });
        continue;
      }
      const snap = PgText.read(s.editor);
      const analysed = s.analysedText ?? '';
      s.visible = s.findings.filter((f) =>
        !s.dismissed.has(keyOf(f, analysed)) &&
        snap.text.slice(f.start, f.end) === analysed.slice(f.start, f.end));
      // The worker could not check this draft (WASM missing, trapped, worker gone): the badge says
      // so, or a failing checker looks exactly like a clean draft.
      const unavailable = s.failed && snap.text.trim() !== '';
      // Geometry (layout reads up the ancestor chain) only for editors that show something.
      const clip = s.visible.length || s.media || unavailable ? PgGeometry.visibleBox(s.editor) : null;
      const mirror = PgOverlay.mirror();
      views.push({
        id: s.id,
        clip,
        marks: clip ? s.visible.map((finding, index) => ({ index, finding, rects: PgGeometry.rects(snap, finding.start, finding.end, mirror) })) : [],
        findings: s.visible,
        media: s.media,
        unavailable,
        truncated: s.truncated,
      });
    }
    if (pageMedia && !pageMedia.anchor.isConnected) pageMedia = null;
    if (pageMedia && !paused) {
      views.push({ id: PAGE_VIEW, clip: PgGeometry.visibleBox(pageMedia.anchor), marks: [], findings: [], media: pageMedia.info });
    }
    PgOverlay.render(views);
  }

  /** View id of a media reminder that belongs to no editor (yet). */
  const PAGE_VIEW = 0;
  /** @type {{anchor: Element, info: {count: number, location: boolean | null}} | null} */
  let pageMedia = null;

  // ---------- sessions ----------

  /**
   * @param {HTMLElement} editor
   * @param {Surface | null} surface
   */
  function attach(editor, surface) {
    if (sessions.has(editor)) return;
    /** @type {Session} */
    const s = {
      id: nextId++, editor, surface, analysedText: null, findings: [], visible: [], failed: false, truncated: false, retries: 0, seq: 0,
      timer: undefined, running: null, dirty: false, dismissed: new Set(), accepted: null, media: null,
      observer: new MutationObserver(() => schedule(s)),
      onInput: () => schedule(s),
    };
    // Observe only: the editor's DOM is never written to (DESIGN §5.2).
    s.observer.observe(editor, { childList: true, subtree: true, characterData: true });
    editor.addEventListener('input', s.onInput, { passive: true });
    sessions.set(editor, s);
    if (PgText.read(editor).text.trim() !== '') schedule(s);
    if (Date.now() - settingsAt > SETTINGS_STALE_MS) loadSettings();
  }

  /** @param {Session} s */
  function detach(s) {
    s.observer.disconnect();
    s.editor.removeEventListener('input', s.onInput);
    sessions.delete(s.editor);
    if (lastActive === s) lastActive = null;
  }

  /**
   * Which surface an element is an editor of, or undefined.
   * @param {Element} el
   * @returns {Surface | null | undefined}  null = generic fallback
   */
  function surfaceOf(el) {
    if (!site) return undefined;
    for (const surface of site.surfaces) {
      if (surface.editors.some((sel) => el.matches(sel))) return surface;
    }
    const F = PgAdapters.FALLBACK;
    if (el.matches(F.editors) && !el.matches(F.skip) && isEditable(el) && closestComposed(el, F.scopes)) return null;
    return undefined;
  }

  /** @param {Element} el */
  function isEditable(el) {
    return el instanceof HTMLTextAreaElement ? !el.readOnly && !el.disabled : el instanceof HTMLElement && el.isContentEditable;
  }

  /**
   * `closest()` that continues past shadow roots to their hosts.
   * @param {Element} el
   * @param {string} selector
   */
  function closestComposed(el, selector) {
    /** @type {Element | null} */
    let cur = el;
    while (cur) {
      const found = cur.closest(selector);
      if (found) return found;
      const root = cur.getRootNode();
      cur = root instanceof ShadowRoot ? root.host : null;
    }
    return null;
  }

  /** @param {Element} el */
  function insideEditor(el) {
    for (const s of sessions.keys()) if (s !== el && s.contains(el)) return true;
    return false;
  }

  /**
   * Attach to every editor in a subtree (and in open shadow roots the adapter names).
   * @param {ParentNode} root
   */
  function scan(root) {
    if (!site) return;
    const all = [...site.surfaces.flatMap((s) => s.editors), PgAdapters.FALLBACK.editors].join(', ');
    const found = root instanceof Element && root.matches(all) ? [root] : [];
    found.push(...root.querySelectorAll(all));
    for (const el of found) {
      if (!(el instanceof HTMLElement) || sessions.has(el) || insideEditor(el)) continue;
      const surface = surfaceOf(el);
      if (surface !== undefined) attach(el, surface);
    }
    for (const hostSel of SHADOW_HOSTS) {
      for (const host of root.querySelectorAll(hostSel)) watchShadow(host);
      if (root instanceof Element && root.matches(hostSel)) watchShadow(root);
    }
  }

  /** Open shadow roots known to hold compose boxes (LinkedIn's share modal, DESIGN §5.1). */
  const SHADOW_HOSTS = ['#interop-outlet', '[data-testid="interop-shadowdom"]'];
  /** @type {WeakSet<ShadowRoot>} */
  const watched = new WeakSet();

  /** @param {Element} host */
  function watchShadow(host) {
    const sr = host.shadowRoot;
    if (!sr || watched.has(sr)) return;
    watched.add(sr);
    discovery.observe(sr, { childList: true, subtree: true });
    PgMedia.observe(sr);
    PgGate.observe(sr);
    scan(sr);
  }

  // Discovery: batch added subtrees and scan them once per frame.
  /** @type {Set<ParentNode>} */
  const pendingRoots = new Set();
  let scanQueued = false;
  const discovery = new MutationObserver((records) => {
    for (const r of records) {
      if (r.target instanceof Element && insideTracked(r.target)) continue;
      for (const n of r.addedNodes) if (n instanceof Element) pendingRoots.add(n);
      if (r.removedNodes.length) pendingRoots.add(document); // an editor may have gone: check sessions
    }
    if (pendingRoots.size && !scanQueued) {
      scanQueued = true;
      requestAnimationFrame(() => {
        scanQueued = false;
        const roots = [...pendingRoots];
        pendingRoots.clear();
        if (roots.includes(document)) {
          for (const s of [...sessions.values()]) if (!s.editor.isConnected) detach(s);
        }
        for (const r of roots) if (r !== document) scan(r);
        requestDraw();
      });
    }
  });

  /** @param {Element} el */
  function insideTracked(el) {
    for (const e of sessions.keys()) if (e.contains(el)) return true;
    return false;
  }

  function start() {
    discovery.observe(document.documentElement, { childList: true, subtree: true });
    scan(document);
  }

  // Focus reveals editors anywhere, including inside open shadow roots no selector named.
  window.addEventListener('focusin', (e) => {
    const t = e.composedPath()[0];
    if (!(t instanceof HTMLElement)) return;
    const tree = t.getRootNode();
    // Focus inside postguard's own UI (panel, dialog) is not an editor to watch: observing our own
    // shadow root would make every draw trigger another.
    if (tree instanceof ShadowRoot && tree.host.hasAttribute('data-postguard')) return;
    let s = sessions.get(t);
    if (!s) {
      if (tree instanceof ShadowRoot && !watched.has(tree)) watchShadow(tree.host);
      const surface = surfaceOf(t);
      if (surface !== undefined && !insideEditor(t)) {
        attach(t, surface);
        s = sessions.get(t);
      } else {
        for (const [ed, sess] of sessions) if (ed.contains(t)) s = sess;
      }
    }
    if (s) lastActive = s;
  }, { capture: true, passive: true });

  // ---------- submit controls ----------

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
        const css = typeof m === 'string' ? m : m.css;
        for (const c of cur.querySelectorAll(css)) {
          if (c instanceof HTMLElement && PgAdapters.matchesSubmit(c, m)) return c;
        }
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
    if (!site || sessions.size === 0) return null;
    const path = fullPath.slice(0, 16);
    /** @type {HTMLElement | null} */
    let button = null;
    outer: for (const node of path) {
      if (!(node instanceof HTMLElement)) continue;
      for (const surface of site.surfaces) {
        if (surface.submits.some((m) => PgAdapters.matchesSubmit(node, m))) { button = node; break outer; }
      }
    }
    if (!button) return null;
    const list = [...sessions.values()].filter((s) => s.surface && s.editor.isConnected && submitFor(s) === button);
    if (list.length === 0) return null;
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
    if (focused instanceof HTMLElement && !(focused instanceof HTMLButtonElement) && !(focused instanceof HTMLInputElement) &&
        (e.key === 'Enter' || e.key === ' ')) {
      const hit = controlHit(path);
      if (hit) return hit;
    }
    if (e.key !== 'Enter') return null;
    const s = [...sessions.values()].find((x) => path.includes(x.editor));
    if (!s || !s.surface) return null;
    const mod = e.ctrlKey || e.metaKey;
    const sends = (mod && !e.altKey && s.surface.send.ctrlEnter) ||
      (!mod && !e.shiftKey && !e.altKey && s.surface.send.enter && !typeaheadOpen(s.editor));
    if (!sends) return null;
    // The key sends the whole compose box: every editor that shares its submit control (an X
    // thread's items) is checked, not only the one the key was pressed in.
    const control = submitFor(s);
    const together = control ? [...sessions.values()].filter((x) => x.surface && x.editor.isConnected && submitFor(x) === control) : [];
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
    const form = e.target;
    if (!(form instanceof HTMLFormElement)) return null;
    const list = [...sessions.values()].filter((s) => !s.surface && form.contains(s.editor));
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

  PgGate.configure({
    clickHit,
    keyHit,
    formHit,
    verdict,
    refresh,
    settings: () => settings,
    gating(list) {
      for (const s of list) {
        const text = PgText.read(s.editor).text;
        const findings = gatingOf(s, text);
        if (findings.length) return { session: s, findings, text };
      }
      return { session: list[0], findings: [], text: '' };
    },
    returnToEditor(s) {
      PgOverlay.closePanel(false);
      if (!s || !s.editor.isConnected) return;
      s.editor.focus();
      const text = PgText.read(s.editor).text;
      const first = gatingOf(s, text)[0];
      if (first) PgText.placeCaret(PgText.read(s.editor), first.start);
      requestDraw();
    },
    accepted(s, text) {
      s.accepted = text;
    },
  });

  // ---------- panel, tooltips, media ----------

  PgOverlay.configure({
    dismissible: (f) => f.action === 'inform' || (f.action === 'warn' && settings.allowOverride),
    onDismiss(id, index) {
      const s = [...sessions.values()].find((x) => x.id === id);
      const f = s?.visible[index];
      if (!s || !f || !(f.action === 'inform' || (f.action === 'warn' && settings.allowOverride))) return;
      s.dismissed.add(keyOf(f, s.analysedText ?? ''));
      PgOverlay.announce(`Dismissed for this draft: ${f.title}.`);
      requestDraw();
    },
    onNoticeClosed(id) {
      const s = [...sessions.values()].find((x) => x.id === id);
      if (s) s.media = null;
      if (id === PAGE_VIEW) pageMedia = null;
      requestDraw();
    },
    pauseOffer: () => (settings.allowPause && site ? `Pause on this site for ${PAUSE_MINUTES / 60} hour` : null),
    onPause: () => void requestPause(true),
    onResume: () => void requestPause(false),
  });

  // ---------- pausing (where IT allows it) ----------

  /** When this site's pause ends (ms since the epoch), or 0 when postguard is checking here. */
  function pausedUntil() {
    const until = (site && settings.allowPause && settings.pauses?.[site.id]) || 0;
    return until > Date.now() ? until : 0;
  }

  /** Whether the last `pauseChanged` saw a pause; its timer ends the pause on time. */
  let wasPaused = false;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let pauseTimer;

  /**
   * Applies a new pause state: a pause forgets every finding and sends nothing more; its end (on time,
   * from the badge, or because IT turned pausing off) checks every draft again at once.
   */
  function pauseChanged() {
    clearTimeout(pauseTimer);
    const until = pausedUntil();
    if (until) {
      pauseTimer = setTimeout(pauseChanged, until - Date.now() + 50);
      for (const s of sessions.values()) {
        s.seq++; // a reply already on its way belongs to the time before the pause
        clearTimeout(s.timer);
        s.findings = [];
        s.visible = [];
        s.failed = false;
        s.analysedText = null;
        s.media = null;
      }
      pageMedia = null;
      PgOverlay.closePanel(false);
    } else if (wasPaused) {
      for (const s of sessions.values()) schedule(s);
    }
    wasPaused = until > 0;
    requestDraw();
  }

  /**
   * Asks the worker to pause postguard on this site, or to end the pause; every tab of the site
   * follows (the worker tells them).
   * @param {boolean} on
   */
  async function requestPause(on) {
    if (!site) return;
    const reply = /** @type {PauseOk | {ok: false, error: string}} */ (await PgBrowser.request({ type: on ? 'pause' : 'resume', site: site.id }, 3000));
    if (!reply.ok) {
      PgOverlay.announce(on ? 'postguard could not pause. It is still checking your drafts.' : 'postguard could not resume. Try again.');
      return;
    }
    settings = { ...settings, pauses: reply.pauses };
    pauseChanged();
    const until = pausedUntil();
    PgOverlay.announce(until ? `postguard paused on this site until ${PgOverlay.clock(until)}. Select its badge to check again.` : 'postguard is checking your drafts again.');
  }

  PgMedia.configure({
    mediaInputs: () => site?.attachments ?? [],
    active: () => site !== null && !pausedUntil(),
    sessionFor(path) {
      const list = [...sessions.values()].filter((s) => s.editor.isConnected);
      const direct = list.find((s) => path.includes(s.editor));
      if (direct) return direct;
      // The compose box the file input or drop target belongs to: nearest common container.
      for (const node of path) {
        if (!(node instanceof Element) || node === document.body || node === document.documentElement) continue;
        const s = list.find((x) => node.contains(x.editor));
        if (s) return s;
      }
      return null;
    },
    onMedia(s, info, path) {
      if (!site) return;
      if (s) s.media = info;
      else {
        const first = path.find((n) => n instanceof Element);
        const anchor = first ? closestComposed(first, '[role="dialog"], form') ?? first.parentElement : null;
        pageMedia = anchor ? { anchor, info } : null;
      }
      if (info.location === true) PgOverlay.announce('This photo contains its location. Remove it before posting.');
      else PgOverlay.announce('Photo or video attached: check you have consent to share it.');
      requestDraw();
    },
  });

  // Hover over a mark (marks take no pointer events, so hit-test the pointer here).
  let hoverQueued = false;
  let pointer = { x: -1, y: -1 };
  let hovering = false;
  window.addEventListener('pointermove', (e) => {
    pointer = { x: e.clientX, y: e.clientY };
    if (hoverQueued || sessions.size === 0) return;
    hoverQueued = true;
    requestAnimationFrame(() => {
      hoverQueued = false;
      const h = PgOverlay.hit(pointer.x, pointer.y);
      if (h) { hovering = true; PgOverlay.showTip(h.finding, h.rect); } else if (hovering) { hovering = false; PgOverlay.hideTip(); caretTip(); }
    });
  }, { capture: true, passive: true });

  // Caret inside a mark: the keyboard user's "focus on a mark" shows the same tooltip.
  let caretQueued = false;
  document.addEventListener('selectionchange', () => {
    if (caretQueued || sessions.size === 0) return;
    caretQueued = true;
    requestAnimationFrame(() => { caretQueued = false; if (!hovering) caretTip(); });
  }, { passive: true });

  function caretTip() {
    const active = lastActive;
    if (!active || !active.editor.isConnected || active.visible.length === 0) { PgOverlay.hideTip(); return; }
    const snap = PgText.read(active.editor);
    let at = -1;
    if (PgText.isField(active.editor)) {
      if (document.activeElement === active.editor || active.editor.getRootNode() !== document) at = /** @type {HTMLTextAreaElement} */ (active.editor).selectionStart ?? -1;
    } else {
      const sel = /** @type {any} */ (active.editor.getRootNode()).getSelection?.() ?? document.getSelection();
      if (sel && sel.anchorNode && active.editor.contains(sel.anchorNode)) at = PgText.offsetOf(snap, sel.anchorNode, sel.anchorOffset);
    }
    const f = at < 0 ? undefined : active.visible.find((x) => at >= x.start && at <= x.end);
    if (!f) { PgOverlay.hideTip(); return; }
    const r = PgGeometry.rects(snap, f.start, f.end, PgOverlay.mirror())[0];
    if (r) PgOverlay.showTip(f, r); else PgOverlay.hideTip();
  }

  // Keep marks aligned when anything scrolls, the window resizes or the page zooms.
  window.addEventListener('scroll', () => { if (sessions.size) requestDraw(); }, { capture: true, passive: true });
  window.addEventListener('resize', () => { if (sessions.size) requestDraw(); }, { passive: true });
  window.visualViewport?.addEventListener('resize', () => { if (sessions.size) requestDraw(); }, { passive: true });

  // ---------- start ----------

  /** When settings last arrived (0: never), so editors attached later can refresh stale ones. */
  let settingsAt = 0;
  const SETTINGS_STALE_MS = 30_000;

  /** Ask the worker for the effective policy's page settings (IT's may arrive after start-up). */
  function loadSettings() {
    settingsAt = Date.now(); // one request at a time; a failure is retried at the next editor
    void PgBrowser.request({ type: 'settings' }, 5000).then((reply) => {
      const r = /** @type {SettingsOk | {ok: false}} */ (reply);
      if (!r.ok) { settingsAt = 0; return; }
      settings = r.settings;
      pauseChanged();
      const id = PgAdapters.forHost(location.hostname)?.id;
      if (Array.isArray(settings.enabledSites) && id && !settings.enabledSites.includes(id)) {
        shutDown();
        return;
      }
      if (settings.selectors && site) {
        site = PgAdapters.forHost(location.hostname, settings.selectors);
        if (document.documentElement) scan(document);
      }
    });
  }

  /** IT has not enabled postguard on this site: let go of everything, draw nothing, gate nothing. */
  function shutDown() {
    site = null;
    discovery.disconnect();
    for (const s of [...sessions.values()]) detach(s);
    pageMedia = null;
    PgOverlay.render([]);
  }

  loadSettings();

  // A new policy (IT's arrived after start-up, or changed): new contacts and choices, and every open
  // draft re-checked under it, without reloading the page.
  PgBrowser.onPolicyChanged(() => {
    loadSettings();
    for (const s of sessions.values()) {
      s.analysedText = null;
      schedule(s);
    }
  });

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
})();
