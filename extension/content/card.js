// @ts-check
/**
 * A mark's card: the explanation of one finding, shown by its mark while the pointer is on the mark,
 * the caret is in it, or the finding has focus in the badge's panel, with the finding's own actions
 * (its "Fix: …" and "Dismiss", the same buttons as the panel's and the pre-submit dialog's, from
 * PgFindingList; which fix comes from the core, Finding.fixes).
 *
 * WCAG 2.2 1.4.13 (content on hover or focus): the pointer can move from the mark onto the card, and
 * across the gap between them, without it vanishing (hoverable); Escape puts it away without moving
 * focus, until the pointer or caret leaves that finding (dismissible); it stays until then or until
 * something else is pointed at (persistent). 2.4.11 (focus not obscured): it is placed clear of the
 * mark it explains (the caret's line), of the panel, the badges and the focused control, or not shown
 * at all where there is no such room (the panel holds the same text then).
 *
 * Brought by the pointer, the card takes the pointer; brought by the caret, it lets clicks through
 * to the words beneath (moving the pointer onto its mark makes it take them). A press on the card
 * keeps keyboard focus where it was (the draft): its buttons act on click. They
 * are not in the Tab order: keyboard users reach the same buttons in the panel (Alt+F10 from the
 * draft, see shortcut.js), which the card names.
 */
/**
 * @typedef {object} CardSubject
 * @property {number} id        the editor's view id
 * @property {number} index     the finding's index in the view's list
 * @property {Finding} finding
 * @property {DOMRect} rect     the box of the mark (the first of its lines) it explains
 */
const PgCard = (() => {
  const CSS = `
.card { position: fixed; z-index: 2147483603; width: min(320px, calc(100vw - 8px)); background: #212b32; color: #fff;
  border: 1px solid transparent; border-radius: 6px; padding: 8px 10px; pointer-events: auto; cursor: default;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; overflow-wrap: anywhere; }
.card.passive { pointer-events: none; }
.card .meta { color: #e8edee; }
.card .item-actions { margin-top: 4px; }
.card .btn.primary { border-color: #fff; }
.card .btn.secondary { border-color: #fff; }`;

  /** @type {HTMLElement | null} */
  let card = null;
  /** What each source asks to explain; while the panel is open only its own counts. */
  /** @type {{panel: CardSubject | null, hover: CardSubject | null, caret: CardSubject | null}} */
  const from = { panel: null, hover: null, caret: null };
  let panelOpen = false;
  /** @type {CardSubject | null} */
  let shown = null;
  /** The finding whose card Escape put away, until no source asks for it any more. @type {string | null} */
  let dismissed = null;
  /** What the card's content was built for. */
  let built = '';

  /** @param {CardSubject} s */
  const key = (s) => `${s.id}:${s.finding.rule}:${s.finding.start}:${s.finding.end}`;

  function element() {
    const sr = PgOverlay.root();
    if (card) return card;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    sr.adoptedStyleSheets = [...sr.adoptedStyleSheets, sheet];
    card = PgOverlay.el('div', { class: 'card', role: 'tooltip', id: 'pg-card', hidden: '' });
    // Keep focus (and the caret) in the draft: a press on the card is not a move of focus.
    card.addEventListener('mousedown', (e) => e.preventDefault());
    sr.append(card);
    return card;
  }

  /**
   * What `source` asks the card to explain now (null: nothing).
   * @param {'panel' | 'hover' | 'caret'} source
   * @param {CardSubject | null} subject
   */
  function set(source, subject) {
    from[source] = subject;
    update();
  }

  /** The panel opened or closed: while open, the card explains only the panel's finding in focus. @param {boolean} open */
  function setPanelOpen(open) {
    panelOpen = open;
    if (!open) from.panel = null;
    update();
  }

  function update() {
    const want = panelOpen ? from.panel : from.hover ?? from.caret;
    if (dismissed !== null && (!want || key(want) !== dismissed)) dismissed = null;
    if (!want || key(want) === dismissed || dialogOpen()) { hide(); return; }
    show(want, !panelOpen && from.hover === want);
  }

  /**
   * @param {CardSubject} s
   * @param {boolean} pointed  the pointer brought it: it takes the pointer (its buttons, hovering
   *   it). Brought by the caret or the panel it lets clicks through to the text beneath.
   */
  function show(s, pointed) {
    const c = element();
    if (c.classList.contains('passive') === pointed) c.classList.toggle('passive', !pointed);
    const f = s.finding;
    const canDismiss = PgOverlay.actions.dismissible(f);
    const sig = `${key(s)}:${s.index}:${f.fixes?.[0]?.label ?? ''}:${canDismiss}:${panelOpen}`;
    if (sig !== built) {
      built = sig;
      const { id, index } = s;
      /** Acts only if the card still explains the finding now at that place (nothing re-analysed since). */
      const still = () => PgOverlay.markOf(id, index)?.finding === shown?.finding;
      // In the panel the same buttons sit by the finding in focus: the card only explains.
      const actions = panelOpen ? null : PgFindingList.actions(f, {
        onFix: () => { if (still()) PgOverlay.actions.fix(id, index); },
        onDismiss: canDismiss ? () => { if (still()) PgOverlay.actions.dismiss(id, index); } : undefined,
        tabbable: false,
      });
      const keys = panelOpen ? null : PgOverlay.el('span', { class: 'meta keys' }, `By keyboard: ${PgOverlay.SHORTCUT} in the draft lists every warning with these buttons`);
      c.replaceChildren(...PgFindingList.text(f), ...(actions ? [actions] : []), ...(keys ? [keys] : []));
    }
    shown = s;
    if (!place(c, s.rect, s.id)) hide();
  }

  function hide() {
    shown = null;
    if (card && !card.hidden) card.hidden = true;
  }

  /**
   * Places the card by the mark: below it, else above it, else beside whatever it must not cover.
   * Never over the mark itself, the open panel, the draft's submit control, or a focused control
   * other than the draft.
   * @param {HTMLElement} c
   * @param {DOMRect} r
   * @param {number} id  the view id of the draft the mark is in
   * @returns {boolean} whether there was such a place
   */
  function place(c, r, id) {
    if (c.hidden) c.hidden = false;
    const w = c.offsetWidth;
    const h = c.offsetHeight;
    const W = window.innerWidth;
    const H = window.innerHeight;
    const m = 4;
    const avoid = [r, ...obstacles(id)];
    const clampX = (/** @type {number} */ x) => Math.max(m, Math.min(x, W - w - m));
    const clampY = (/** @type {number} */ y) => Math.max(m, Math.min(y, H - h - m));
    // Right below or above the mark first, so the pointer moves straight onto it; then slid sideways
    // clear of what is in the way; then beside or beyond that.
    const below = r.bottom + m;
    const above = r.top - m - h;
    const spots = [{ x: clampX(r.left), y: below }, { x: clampX(r.left), y: above }];
    for (const a of avoid.slice(1)) {
      spots.push({ x: a.left - m - w, y: below }, { x: a.right + m, y: below }, { x: a.left - m - w, y: above }, { x: a.right + m, y: above });
    }
    for (const a of avoid.slice(1)) {
      spots.push({ x: a.left - m - w, y: clampY(r.top) }, { x: a.right + m, y: clampY(r.top) },
        { x: clampX(r.left), y: a.bottom + m }, { x: clampX(r.left), y: a.top - m - h });
    }
    const fits = (/** @type {{x: number, y: number}} */ p) => p.x >= 0 && p.y >= 0 && p.x + w <= W && p.y + h <= H &&
      avoid.every((a) => p.x >= a.right || p.x + w <= a.left || p.y >= a.bottom || p.y + h <= a.top);
    const spot = spots.find(fits);
    if (!spot) return false;
    const left = `${Math.round(spot.x)}px`;
    const top = `${Math.round(spot.y)}px`;
    if (c.style.left !== left) c.style.left = left;
    if (c.style.top !== top) c.style.top = top;
    return true;
  }

  /**
   * What the card must leave uncovered besides its mark: the open panel, the badges (a pointer on
   * its way to one passes over the card), the control that posts the draft (likewise: a card the
   * pointer crosses on its way there holds it, being hoverable, and would take the click meant for
   * Post — Blogger's Publish sits just above its editor's frame), and a focused control that is not
   * an editor.
   * @param {number} id  the view id of the draft the card explains
   */
  function obstacles(id) {
    const sr = PgOverlay.root();
    /** @type {DOMRect[]} */
    const out = [];
    for (const e of sr.querySelectorAll('.panel, button.badge:not([hidden])')) out.push(e.getBoundingClientRect());
    const session = PgSessions.byId(id);
    const send = session ? PgControls.submitFor(session) : null;
    if (send) out.push(PgFrames.shift(send.getBoundingClientRect(), PgFrames.offset(send)));
    // Followed into a same-origin frame: with the caret in a framed editor (Blogger's field, a frame
    // that fills the window) the top document's focus is the whole frame, and avoiding that left the
    // card nowhere to go. Tested by the frame's realm, not this one's classes.
    const a = PgFrames.activeElement();
    const editing = a && (PgFrames.isTextArea(a) || (PgFrames.isHTMLElement(a) && a.isContentEditable));
    if (a && a !== a.ownerDocument.body && !editing) {
      out.push(PgFrames.shift(a.getBoundingClientRect(), PgFrames.offset(a)));
    }
    return out;
  }

  function dialogOpen() {
    return PgOverlay.root().querySelector('dialog[open]') !== null;
  }

  /**
   * After a redraw: each source's finding where it is now (marks move when the page scrolls), or
   * nothing where the finding is no longer at that place.
   */
  function refresh() {
    for (const source of /** @type {const} */ (['panel', 'hover', 'caret'])) {
      const s = from[source];
      if (!s) continue;
      const now = PgOverlay.markOf(s.id, s.index);
      const same = now && now.finding.rule === s.finding.rule && now.finding.start === s.finding.start && now.finding.end === s.finding.end;
      from[source] = same && now.rect ? { ...s, finding: now.finding, rect: now.rect } : null;
    }
    update();
  }

  /** Whether the pointer at (x, y) is on the card itself (whatever marks lie under it). @param {number} x @param {number} y */
  function over(x, y) {
    if (!card || card.hidden || !shown || card.classList.contains('passive')) return false;
    const c = card.getBoundingClientRect();
    return x >= c.left && x <= c.right && y >= c.top && y <= c.bottom;
  }

  /**
   * Whether the pointer at (x, y) is on the card or between it and the mark it explains: moving from
   * the mark onto the card keeps the card.
   * @param {number} x @param {number} y
   */
  function holds(x, y) {
    if (!card || card.hidden || !shown) return false;
    const c = card.getBoundingClientRect();
    const r = shown.rect;
    const left = Math.min(c.left, r.left);
    const right = Math.max(c.right, r.right);
    const top = Math.min(c.top, r.top);
    const bottom = Math.max(c.bottom, r.bottom);
    return x >= left && x <= right && y >= top && y <= bottom;
  }

  /** Escape puts the card away, focus staying where it is; the page does not also act on that Escape. */
  function listen() {
    window.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape' || e.altKey || e.ctrlKey || e.metaKey || !card || card.hidden || !shown || panelOpen || dialogOpen()) return;
      dismissed = key(shown);
      hide();
      e.preventDefault();
      e.stopImmediatePropagation();
    }, { capture: true });
  }

  return Object.freeze({ set, setPanelOpen, refresh, over, holds, listen, hide });
})();
