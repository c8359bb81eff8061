// @ts-check
/**
 * Turns the sessions into what the overlay draws, once per animation frame: for each editor its
 * visible box, its marks' rectangles and its badge, plus a media reminder that belongs to no editor
 * yet and a "not checked" badge on each box postguard does not recognise (unwatched.js). Keeps marks on the text when anything scrolls, the window resizes or the page zooms, and
 * shows a mark's explanation when the pointer or the caret is on it.
 *
 * Geometry is read only for editors that show something, and all writes go through one
 * PgOverlay.render per frame.
 */
const PgDrawing = (() => {
  /** View id of a media reminder that belongs to no editor (yet). */
  const PAGE_VIEW = 0;
  /** @type {{anchor: Element, info: {count: number, location: boolean | null}} | null} */
  let pageMedia = null;

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
    const paused = PgPause.until();
    for (const s of PgSessions.all()) {
      if (!s.editor.isConnected) { PgSessions.detach(s); continue; }
      if (paused) {
        // Only the badge, saying so: no marks, no reminders, and one click resumes.
        views.push({ id: s.id, clip: PgGeometry.visibleBox(s.editor), marks: [], findings: [], media: null, paused });
        continue;
      }
      const snap = PgText.read(s.editor);
      const analysed = s.analysedText ?? '';
      s.visible = s.findings.filter((f) =>
        !s.dismissed.has(PgSessions.keyOf(f, analysed)) &&
        snap.text.slice(f.start, f.end) === analysed.slice(f.start, f.end));
      // The worker could not check this draft (WASM missing, trapped, worker gone): the badge says
      // so, or a failing checker looks exactly like a clean draft.
      // While a held submit waits for the check, it says "Checking…" instead.
      const unavailable = s.failed && !s.checking && snap.text.trim() !== '';
      // Geometry (layout reads up the ancestor chain) only for editors that show something.
      const clip = s.visible.length || s.media || unavailable || s.checking ? uncovered(s.editor, PgGeometry.visibleBox(s.editor)) : null;
      const mirror = PgOverlay.mirror();
      views.push({
        id: s.id,
        clip,
        marks: clip ? s.visible.map((finding, index) => ({
          index, finding, rects: PgGeometry.rects(snap, finding.start, finding.end, mirror).filter((r) => shows(s.editor, r, clip)),
        })) : [],
        findings: s.visible,
        media: s.media ? { ...s.media, photo: PgPhotos.summary(s), sampled: PgPhotos.sampled(s) } : null,
        unavailable,
        checking: s.checking,
        photoProgress: s.checking && PgPhotos.checking([s]) ? PgPhotos.progress([s]) : null,
        truncated: s.truncated,
        rtl: clip !== null && getComputedStyle(s.editor).direction === 'rtl',
      });
    }
    if (pageMedia && !pageMedia.anchor.isConnected) pageMedia = null;
    if (pageMedia && !paused) {
      views.push({ id: PAGE_VIEW, clip: PgGeometry.visibleBox(pageMedia.anchor), marks: [], findings: [], media: { ...pageMedia.info, photo: PgPhotos.summary(pageMedia.anchor), sampled: PgPhotos.sampled(pageMedia.anchor) } });
    }
    // Boxes typed into that postguard does not check say so (while paused, every box is unchecked
    // by the person's own choice, and the toolbar says so).
    if (!paused) views.push(...PgUnwatched.views(uncovered));
    PgOverlay.render(views);
    PgStatus.report();
  }

  /**
   * Whether the page shows the editor in the middle of the part of box `r` inside `clip`, or covers
   * it there. A box wholly outside `clip` is kept: the overlay's clipping already hides it. While
   * postguard's own modal dialog is open the page is inert and hit tests skip it, so nothing is
   * left out then.
   * @param {HTMLElement} editor
   * @param {DOMRect} r
   * @param {DOMRect} clip
   */
  function shows(editor, r, clip) {
    const left = Math.max(r.left, clip.left);
    const right = Math.min(r.right, clip.right);
    const top = Math.max(r.top, clip.top);
    const bottom = Math.min(r.bottom, clip.bottom);
    if (right <= left || bottom <= top || PgDialog.isOpen()) return true;
    return PgGeometry.showsAt(editor, (left + right) / 2, (top + bottom) / 2);
  }

  /**
   * The editor's visible box, or null when a layer of the page covers the editor at its middle and
   * at both bottom corners, where its badge goes (a modal opened over it): then nothing of it is
   * drawn above that layer.
   * @param {HTMLElement} editor
   * @param {DOMRect | null} clip
   */
  function uncovered(editor, clip) {
    if (!clip) return null;
    const samples = [clip, new DOMRect(clip.right - 12, clip.bottom - 12, 8, 8), new DOMRect(clip.left + 4, clip.bottom - 12, 8, 8)];
    return samples.some((r) => shows(editor, r, clip)) ? clip : null;
  }

  /** @param {{anchor: Element, info: {count: number, location: boolean | null}} | null} media */
  function setPageMedia(media) {
    pageMedia = media;
  }

  // Hover over a mark (marks take no pointer events, so hit-test the pointer here).
  let hoverQueued = false;
  let pointer = { x: -1, y: -1 };
  let hovering = false;
  // Caret inside a mark: the keyboard user's "focus on a mark" shows the same card.
  let caretQueued = false;

  /**
   * The index of the finding of `s` (in `s.visible`) the caret is in, or -1.
   * @param {Session} s
   */
  function caretFinding(s) {
    if (!s.editor.isConnected || s.visible.length === 0) return -1;
    const snap = PgText.read(s.editor);
    let at = -1;
    if (PgText.isField(s.editor)) {
      if (document.activeElement === s.editor || s.editor.getRootNode() !== document) at = /** @type {HTMLTextAreaElement} */ (s.editor).selectionStart ?? -1;
    } else {
      const sel = /** @type {any} */ (s.editor.getRootNode()).getSelection?.() ?? document.getSelection();
      if (sel && sel.anchorNode && s.editor.contains(sel.anchorNode)) at = PgText.offsetOf(snap, sel.anchorNode, sel.anchorOffset);
    }
    return at < 0 ? -1 : s.visible.findIndex((x) => at >= x.start && at <= x.end);
  }

  function caretTip() {
    const active = PgSessions.lastActive();
    const index = active ? caretFinding(active) : -1;
    if (!active || index < 0) { PgCard.set('caret', null); return; }
    const f = active.visible[index];
    const r = PgGeometry.rects(PgText.read(active.editor), f.start, f.end, PgOverlay.mirror())[0];
    PgCard.set('caret', r ? { id: active.id, index, finding: f, rect: r } : null);
  }

  /** Follows the pointer, the caret, scrolling, resizing and zoom. */
  function listen() {
    window.addEventListener('pointermove', (e) => onPointer(e.clientX, e.clientY), { capture: true, passive: true });

    document.addEventListener('selectionchange', onSelectionChange, { passive: true });

    // Keep marks aligned when anything scrolls, the window resizes or the page zooms.
    window.addEventListener('scroll', onScroll, { capture: true, passive: true });
    window.addEventListener('resize', () => { if (PgSessions.size()) requestDraw(); }, { passive: true });
    window.visualViewport?.addEventListener('resize', () => { if (PgSessions.size()) requestDraw(); }, { passive: true });
  }

  /** The pointer at a point of the top viewport. @param {number} x @param {number} y */
  function onPointer(x, y) {
    pointer = { x, y };
    if (hoverQueued || PgSessions.size() === 0) return;
    hoverQueued = true;
    requestAnimationFrame(() => {
      hoverQueued = false;
      // On the card: it stays, whatever marks lie under it.
      if (PgCard.over(pointer.x, pointer.y)) return;
      const h = PgOverlay.hit(pointer.x, pointer.y);
      if (h) { hovering = true; PgCard.set('hover', h); }
      // Off the mark but on its card, or on the way to it: the card stays (WCAG 1.4.13 hoverable).
      else if (hovering && !PgCard.holds(pointer.x, pointer.y)) { hovering = false; PgCard.set('hover', null); caretTip(); }
    });
  }

  function onSelectionChange() {
    if (caretQueued || PgSessions.size() === 0) return;
    caretQueued = true;
    requestAnimationFrame(() => { caretQueued = false; caretTip(); });
  }

  /**
   * A same-origin frame's document (PgFrames): its scrolling, caret and pointer never reach the top
   * window, so they are followed there (the pointer moved into the top viewport's coordinates).
   * @param {Document} doc
   */
  function observeFrame(doc) {
    const view = doc.defaultView;
    if (!view) return;
    view.addEventListener('scroll', onScroll, { capture: true, passive: true });
    view.addEventListener('resize', onScroll, { passive: true });
    doc.addEventListener('selectionchange', onSelectionChange, { passive: true });
    view.addEventListener('pointermove', (e) => {
      const d = PgFrames.offset(doc);
      onPointer(e.clientX + d.x, e.clientY + d.y);
    }, { capture: true, passive: true });
  }

  function onScroll() {
    if (PgSessions.size()) requestDraw();
  }

  /**
   * A box scrolling inside a shadow root (LinkedIn's share box) fires a `scroll` event that is not
   * composed: it never reaches `window`, so each open shadow root that holds editors is listened to.
   * @param {ShadowRoot} root
   */
  function observe(root) {
    root.addEventListener('scroll', onScroll, { capture: true, passive: true });
  }

  return Object.freeze({ PAGE_VIEW, requestDraw, draw, setPageMedia, caretFinding, listen, observe, observeFrame });
})();
