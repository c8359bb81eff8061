// @ts-check
/**
 * Where on screen a span of an editor's text is, as viewport rectangles, and the part of the
 * viewport in which the editor's text is visible (marks are clipped to it).
 *
 * Contenteditable editors: `Range.getClientRects()` over the editor's own nodes (read-only).
 * Textareas have no nodes per character, so their text is laid out again in a hidden mirror with
 * the field's styles, inside the extension's shadow root (never in the page), and shifted by the
 * field's scroll position (DESIGN §5.2).
 */
const PgGeometry = (() => {
  const MIRRORED = ['boxSizing', 'width', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft',
    'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth', 'borderTopStyle',
    'borderRightStyle', 'borderBottomStyle', 'borderLeftStyle', 'fontFamily', 'fontSize', 'fontWeight',
    'fontStyle', 'fontVariant', 'fontStretch', 'letterSpacing', 'wordSpacing', 'lineHeight', 'textIndent',
    'textTransform', 'tabSize', 'direction'];

  /**
   * @param {Snapshot} snap  (PgText snapshot)
   * @param {number} start
   * @param {number} end
   * @param {HTMLElement} mirror  an element in the extension's shadow root to lay field text out in
   * @returns {DOMRect[]}
   */
  function rects(snap, start, end, mirror) {
    const editor = snap.editor;
    const out = inOwnViewport(snap, start, end, mirror);
    // An editor in a same-origin frame (PgFrames) is measured in the frame's viewport.
    if (!PgFrames.frameOf(editor)) return out;
    const d = PgFrames.offset(editor);
    return out.map((q) => PgFrames.shift(q, d));
  }

  /** @param {Snapshot} snap @param {number} start @param {number} end @param {HTMLElement} mirror */
  function inOwnViewport(snap, start, end, mirror) {
    const editor = snap.editor;
    if (PgText.isField(editor)) return fieldRects(editor, start, end, mirror);
    const r = PgText.range(snap, start, end);
    if (!r) return [];
    return mergeLines(Array.from(r.getClientRects()).filter((q) => q.width > 0 && q.height > 0));
  }

  /**
   * @param {HTMLTextAreaElement | HTMLInputElement} field
   * @param {number} start
   * @param {number} end
   * @param {HTMLElement} mirror
   */
  function fieldRects(field, start, end, mirror) {
    const style = getComputedStyle(field);
    const box = field.getBoundingClientRect();
    const ms = mirror.style;
    for (const p of MIRRORED) /** @type {any} */ (ms)[p] = /** @type {any} */ (style)[p];
    // The field's scrollbar narrows its text: lay the mirror out at the width the text really has.
    ms.boxSizing = 'border-box';
    ms.width = `${field.clientWidth + parseFloat(style.borderLeftWidth) + parseFloat(style.borderRightWidth)}px`;
    ms.position = 'fixed';
    ms.left = `${box.left}px`;
    ms.top = `${box.top}px`;
    ms.visibility = 'hidden';
    ms.whiteSpace = PgFrames.isTextArea(field) ? 'pre-wrap' : 'pre';
    ms.overflowWrap = 'break-word';
    ms.overflow = 'hidden';
    ms.height = 'auto';
    const text = document.createTextNode(field.value);
    mirror.replaceChildren(text);
    const r = document.createRange();
    r.setStart(text, Math.min(start, text.length));
    r.setEnd(text, Math.min(end, text.length));
    const dx = field.scrollLeft;
    const dy = field.scrollTop;
    const out = Array.from(r.getClientRects())
      .filter((q) => q.width > 0 && q.height > 0)
      .map((q) => new DOMRect(q.left - dx, q.top - dy, q.width, q.height));
    mirror.replaceChildren();
    return mergeLines(out);
  }

  /**
   * One rectangle per line: a range over several inline elements yields overlapping pieces.
   * @param {DOMRect[]} list
   */
  function mergeLines(list) {
    /** @type {DOMRect[]} */
    const out = [];
    for (const q of list) {
      const same = out.find((o) => Math.abs(o.top - q.top) < 2 && Math.abs(o.bottom - q.bottom) < 2 && q.left <= o.right + 1 && q.right >= o.left - 1);
      if (same) {
        const left = Math.min(same.left, q.left);
        const right = Math.max(same.right, q.right);
        out[out.indexOf(same)] = new DOMRect(left, same.top, right - left, same.height);
      } else {
        out.push(q);
      }
    }
    return out;
  }

  /**
   * The part of the viewport where the editor's text can be seen: its box, cut by every scrolling
   * or clipping ancestor (crossing shadow roots), so marks never float over other content.
   * @param {Element} editor
   * @returns {DOMRect | null}  null when the editor is not visible at all
   */
  function visibleBox(editor) {
    let { left, top, right, bottom } = editor.getBoundingClientRect();
    if (right - left <= 0 || bottom - top <= 0) return null;
    const doc = editor.ownerDocument;
    const view = doc.defaultView ?? window;
    /** @type {Element | null} */
    let el = parentOf(editor);
    while (el && el !== doc.documentElement && el.ownerDocument === doc) {
      const s = getComputedStyle(el);
      if (s.overflowX !== 'visible' || s.overflowY !== 'visible') {
        const b = el.getBoundingClientRect();
        left = Math.max(left, b.left); top = Math.max(top, b.top);
        right = Math.min(right, b.right); bottom = Math.min(bottom, b.bottom);
      }
      el = parentOf(el);
    }
    left = Math.max(left, 0); top = Math.max(top, 0);
    right = Math.min(right, view.innerWidth); bottom = Math.min(bottom, view.innerHeight);
    if (right <= left || bottom <= top) return null;
    const own = new DOMRect(left, top, right - left, bottom - top);
    // In a same-origin frame: into the top viewport, and cut by the frame's own visible box.
    const frame = PgFrames.frameOf(editor);
    if (!frame) return own;
    const outer = visibleBox(frame);
    if (!outer) return null;
    const r = PgFrames.shift(own, PgFrames.offset(editor));
    const l = Math.max(r.left, outer.left); const t = Math.max(r.top, outer.top);
    const rr = Math.min(r.right, outer.right); const b = Math.min(r.bottom, outer.bottom);
    return rr > l && b > t ? new DOMRect(l, t, rr - l, b - t) : null;
  }

  /**
   * Whether a person sees the editor at a viewport point, rather than a layer of the page over it
   * (a modal opened above the compose box, a sticky header, a menu). postguard paints in the top
   * layer, above everything the page draws, so it must itself leave out what the page covers.
   * Hit testing answers it: the topmost element there, postguard's own aside, is the editor or in
   * it. Asked of the editor's own tree, so an editor in a shadow root is compared with its peers.
   * @param {Element} editor
   * @param {number} x
   * @param {number} y
   */
  function showsAt(editor, x, y) {
    // In a same-origin frame: the frame must show there, then the editor in the frame's own viewport.
    const frame = PgFrames.frameOf(editor);
    if (frame) {
      if (!showsAt(frame, x, y)) return false;
      const d = PgFrames.offset(editor);
      x -= d.x; y -= d.y;
    }
    const tree = editor.getRootNode();
    const scope = PgFrames.isShadowRoot(tree) ? tree : editor.ownerDocument;
    let top = scope.elementFromPoint(x, y);
    if (top && top.hasAttribute('data-postguard')) {
      top = scope.elementsFromPoint(x, y).find((e) => !e.hasAttribute('data-postguard')) ?? null;
    }
    return top !== null && (top === editor || editor.contains(top));
  }

  /**
   * The element's parent, through shadow roots to their hosts and out of a same-origin frame's
   * document to the frame (a WordPress block's compose box holds the editor page's Publish).
   * @param {Element} el @returns {Element | null}
   */
  function parentOf(el) {
    if (el.parentElement) return el.parentElement;
    const root = el.getRootNode();
    if (PgFrames.isShadowRoot(root)) return root.host;
    return root.nodeType === 9 ? PgFrames.frameOf(el) : null;
  }

  return Object.freeze({ rects, visibleBox, showsAt, parentOf });
})();
