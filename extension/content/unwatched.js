// @ts-check
/**
 * Boxes postguard is not checking, shown as such. On a covered site, a person typing into an
 * editable box that no adapter entry and no fallback scope recognises (a surface the site added or
 * changed, a message box the table does not know) would see no marks and no badge: exactly what a
 * clean draft looks like. Silence must never be mistaken for approval (issue 20, hazard H9 in
 * docs/clinical-safety.md), so such a box gets a grey "not checked" badge, and selecting it says
 * why and what to do.
 *
 * Only boxes a person has typed into are shown (an `input` event, capture phase, so even a site
 * that stops its own events cannot hide one), and only while they hold text. Search fields and
 * single-line inputs are not compose boxes and are left alone; so is postguard's own UI. Nothing is
 * read from the box but whether it is empty.
 */
const PgUnwatched = (() => {
  /** Boxes typed into that no session covers, and their view ids (negative: no session's id). @type {Map<HTMLElement, number>} */
  const boxes = new Map();
  let nextId = -1;

  /**
   * The editable box an `input` event was typed into, if it is one postguard should have been
   * checking and is not.
   * @param {Event} e
   * @returns {HTMLElement | null}
   */
  function boxOf(e) {
    const target = e.composedPath()[0];
    if (!(target instanceof HTMLElement)) return null;
    const tree = target.getRootNode();
    if (tree instanceof ShadowRoot && tree.host.hasAttribute('data-postguard')) return null;
    const F = PgAdapters.FALLBACK;
    // The editing host of a rich editor (the event targets it), or a textarea.
    const box = target instanceof HTMLTextAreaElement ? target : editingHost(target);
    if (!box || !box.matches(F.editors) || box.matches(F.skip)) return null;
    if (box instanceof HTMLTextAreaElement && (box.readOnly || box.disabled)) return null;
    return box;
  }

  /** The outermost contenteditable element `el` belongs to. @param {HTMLElement} el */
  function editingHost(el) {
    if (!el.isContentEditable) return null;
    /** @type {HTMLElement} */
    let host = el;
    while (host.parentElement && host.parentElement.isContentEditable) host = host.parentElement;
    return host;
  }

  /** Whether a session already checks this box (or a box around it). @param {HTMLElement} box */
  function covered(box) {
    if (PgSessions.has(box)) return true;
    for (const editor of PgSessions.editors()) if (editor.contains(box) || box.contains(editor)) return true;
    return false;
  }

  /** @param {Event} e */
  function onInput(e) {
    if (!PgSettings.site()) return;
    const box = boxOf(e);
    if (!box || boxes.has(box)) return;
    // Discovery attaches on focus; give it the frame it batches in before calling a box unwatched.
    requestAnimationFrame(() => {
      if (!box.isConnected || covered(box) || boxes.has(box)) return;
      boxes.set(box, nextId--);
      PgDrawing.requestDraw();
    });
  }

  /**
   * What the overlay draws for each unwatched box that holds text: its badge only.
   * @param {(editor: HTMLElement, clip: DOMRect | null) => DOMRect | null} uncovered  the box's visible, uncovered part
   * @returns {View[]}
   */
  function views(uncovered) {
    /** @type {View[]} */
    const out = [];
    for (const [box, id] of boxes) {
      if (!box.isConnected || covered(box)) { boxes.delete(box); continue; }
      if (PgText.read(box).text.trim() === '') continue;
      out.push({ id, clip: uncovered(box, PgGeometry.visibleBox(box)), marks: [], findings: [], media: null, unwatched: true });
    }
    return out;
  }

  /** Whether any unwatched box holds text now (for the toolbar's state). */
  function any() {
    for (const box of boxes.keys()) if (box.isConnected && PgText.read(box).text.trim() !== '') return true;
    return false;
  }

  function listen() {
    window.addEventListener('input', onInput, { capture: true, passive: true });
  }

  /** Forgets every box (IT turned postguard off on this site). */
  function clear() {
    boxes.clear();
  }

  return Object.freeze({ listen, views, any, clear });
})();
