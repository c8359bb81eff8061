// @ts-check
/**
 * Compose boxes inside a same-origin frame the adapter names (the WordPress block editor's canvas,
 * `iframe[name="editor-canvas"]`), reached from the top frame: content scripts stay out of frames
 * (no `all_frames`, docs/security.md §1), so the top frame's script watches the frame's document
 * itself, as it watches an open shadow root.
 *
 * Such a frame's document comes from `srcDoc` or a blob URL the page made, so it has the page's own
 * origin and `contentDocument` is readable; a frame of any other origin is left alone (reading it
 * throws or gives null). The frame's document is replaced when it loads, so each `load` of the frame
 * is watched again. Events in the frame do not reach the top window (WordPress re-dispatches only
 * `dragover`), so listeners go on the frame's window too (`watchers`). The frame's nodes belong to
 * another realm, so type checks here use node types and tag names, never `instanceof` the top
 * frame's classes; and its boxes are measured in the frame's viewport, so `offset` turns them into
 * the top viewport's, where the overlay draws.
 *
 * A page may also write a frame's document itself (Google's Closure editor, Blogger's: an iframe
 * without src, then `document.open/write/close`). `document.open` keeps the Document but replaces
 * its root element and drops every listener on it and on its window, so a document whose root
 * element is not the one watched is watched again at the frame's next `load` (which `close` fires).
 */
const PgFrames = (() => {
  /** Each frame document watched, with the root element it had then. @type {WeakMap<Document, Element>} */
  const watchedDocs = new WeakMap();
  /** @type {WeakSet<Element>} */
  const watchedFrames = new WeakSet();
  /** What to do with each frame document found: set by main.js's wiring (discovery, gate, drawing). @type {((doc: Document) => void)[]} */
  const watchers = [];

  /** @param {(doc: Document) => void} fn  called once for each same-origin frame document found */
  function onDocument(fn) {
    watchers.push(fn);
  }

  /**
   * Watch a frame the adapter names: its document now, and again each time it loads a new one.
   * @param {Element} frame
   * @returns {boolean}  whether the frame is new to us
   */
  function watch(frame) {
    if (frame.localName !== 'iframe' || watchedFrames.has(frame)) return false;
    watchedFrames.add(frame);
    const take = () => {
      /** @type {Document | null} */
      let doc = null;
      try { doc = /** @type {HTMLIFrameElement} */ (frame).contentDocument; } catch { return; }
      if (!doc || !doc.documentElement || watchedDocs.get(doc) === doc.documentElement) return;
      watchedDocs.set(doc, doc.documentElement);
      for (const fn of watchers) fn(doc);
    };
    frame.addEventListener('load', take);
    take();
    return true;
  }

  /**
   * The frame element a node's document is shown in, if it is not the top document.
   * @param {Node} node
   * @returns {Element | null}
   */
  function frameOf(node) {
    const doc = node.ownerDocument ?? /** @type {Document} */ (node);
    if (doc === document) return null;
    try { return doc.defaultView?.frameElement ?? null; } catch { return null; }
  }

  /**
   * How far the node's viewport is from the top viewport: the frames' content boxes, summed
   * through nested frames.
   * @param {Node} node
   */
  function offset(node) {
    let x = 0;
    let y = 0;
    for (let f = frameOf(node); f; f = frameOf(f)) {
      const r = f.getBoundingClientRect();
      x += r.left + f.clientLeft;
      y += r.top + f.clientTop;
    }
    return { x, y };
  }

  /** @param {DOMRect} r @param {{x: number, y: number}} d */
  const shift = (r, d) => new DOMRect(r.left + d.x, r.top + d.y, r.width, r.height);

  /** An element of any realm. @param {unknown} n @returns {n is Element} */
  const isElement = (n) => typeof n === 'object' && n !== null && /** @type {Node} */ (n).nodeType === 1;
  /** An HTML element of any realm. @param {unknown} n @returns {n is HTMLElement} */
  const isHTMLElement = (n) => isElement(n) && n.namespaceURI === 'http://www.w3.org/1999/xhtml';
  /** @param {unknown} n @returns {n is HTMLTextAreaElement} */
  const isTextArea = (n) => isHTMLElement(n) && n.localName === 'textarea';
  /** @param {unknown} n @returns {n is HTMLInputElement} */
  const isInput = (n) => isHTMLElement(n) && n.localName === 'input';
  /** A shadow root of any realm. @param {unknown} n @returns {n is ShadowRoot} */
  const isShadowRoot = (n) => typeof n === 'object' && n !== null && /** @type {Node} */ (n).nodeType === 11 && 'host' in n;

  /**
   * The element with focus, through shadow roots and into same-origin frames: with the caret in an
   * editor in WordPress's canvas or Blogger's field, the top document's active element is the frame
   * itself, which is not where the person is typing.
   * @returns {Element | null}
   */
  function activeElement() {
    /** @type {Element | null} */
    let a = document.activeElement;
    for (;;) {
      if (a && a.shadowRoot && a.shadowRoot.activeElement) { a = a.shadowRoot.activeElement; continue; }
      /** @type {Document | null} */
      let inner = null;
      try { inner = a && a.localName === 'iframe' ? /** @type {HTMLIFrameElement} */ (a).contentDocument : null; } catch { inner = null; }
      if (inner && inner.activeElement) { a = inner.activeElement; continue; }
      return a;
    }
  }

  return Object.freeze({ onDocument, watch, frameOf, offset, shift, activeElement, isElement, isHTMLElement, isTextArea, isInput, isShadowRoot });
})();
