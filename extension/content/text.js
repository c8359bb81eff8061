// @ts-check
/**
 * Reads an editor's text without changing it, with a map from text offsets back to DOM positions.
 *
 * `innerText` forces layout and `textContent` loses line breaks (DESIGN §5.3), so this walks the
 * editor's blocks: text nodes verbatim, a line break between blocks (Draft `[data-block]`,
 * Lexical/Quill/ProseMirror `<p>`, any block-level tag), `<br>` as a line break, and emoji drawn
 * as `<img alt>` as their alt text. Offsets are UTF-16 code units, the same units the worker's
 * findings use, so a finding's `start`/`end` index this text directly.
 *
 * The map is rebuilt on every read: these editors replace their nodes on each keystroke.
 */
/**
 * @typedef {object} Segment   a run of the text that came from one node
 * @property {Node} node        a Text node, or an element standing for its alt text
 * @property {number} start     UTF-16 offset in the snapshot's text
 * @property {number} end
 *
 * @typedef {object} Snapshot
 * @property {string} text
 * @property {Segment[]} segments  in text order; line breaks between blocks have none
 * @property {HTMLElement} editor
 */
const PgText = (() => {
  const BLOCK = new Set(['DIV', 'P', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'TR', 'TABLE', 'SECTION', 'ARTICLE']);


  /**
   * Whether the element is a plain form field (textarea / input), whose text is its value.
   * @param {Element} el
   * @returns {el is HTMLTextAreaElement | HTMLInputElement}
   */
  function isField(el) {
    return PgFrames.isTextArea(el) || PgFrames.isInput(el);
  }

  /**
   * @param {HTMLElement} editor
   * @returns {Snapshot}
   */
  function read(editor) {
    if (isField(editor)) return { text: editor.value, segments: [], editor };
    // Pieces are collected and joined once: testing a growing string (`text.endsWith`) after each
    // `+=` flattens it every time, which made a 10,000-line paste cost seconds (quadratic).
    /** @type {string[]} */
    const parts = [];
    let length = 0;
    let lineEnded = false;
    /** @param {string} piece */
    const add = (piece) => {
      parts.push(piece);
      length += piece.length;
      lineEnded = piece.endsWith('\n');
    };
    /** @type {Segment[]} */
    const segments = [];
    /** @param {Node} parent */
    const walk = (parent) => {
      for (let node = parent.firstChild; node; node = node.nextSibling) {
        if (node.nodeType === Node.TEXT_NODE) {
          const data = /** @type {Text} */ (node).data;
          if (data.length) {
            segments.push({ node, start: length, end: length + data.length });
            add(data);
          }
          continue;
        }
        if (node.nodeType !== Node.ELEMENT_NODE) continue;
        const el = /** @type {Element} */ (node);
        const tag = el.tagName;
        if (tag === 'BR') { add('\n'); continue; }
        if (tag === 'IMG') {
          const alt = el.getAttribute('alt') || '';
          if (alt) {
            segments.push({ node: el, start: length, end: length + alt.length });
            add(alt);
          }
          continue;
        }
        if (tag === 'STYLE' || tag === 'SCRIPT' || tag === 'TEMPLATE') continue;
        if (BLOCK.has(tag) && length && !lineEnded) add('\n');
        walk(el);
      }
    };
    walk(editor);
    return { text: parts.join(''), segments, editor };
  }

  /**
   * The DOM range for [start, end) of a snapshot's text, or null if it no longer maps (the editor
   * re-rendered since the snapshot was taken).
   * @param {Snapshot} snap
   * @param {number} start
   * @param {number} end
   * @returns {Range | null}
   */
  function range(snap, start, end) {
    if (end <= start) return null;
    const first = snap.segments.find((s) => s.end > start);
    let last = null;
    for (const s of snap.segments) { if (s.start < end) last = s; else break; }
    if (!first || !last || !first.node.isConnected || !last.node.isConnected) return null;
    const r = document.createRange();
    if (first.node.nodeType === Node.TEXT_NODE) r.setStart(first.node, Math.max(0, start - first.start));
    else r.setStartBefore(first.node);
    if (last.node.nodeType === Node.TEXT_NODE) r.setEnd(last.node, Math.min(last.end, end) - last.start);
    else r.setEndAfter(last.node);
    return r;
  }

  /**
   * The text offset of a DOM position inside the editor (the caret), or -1.
   * @param {Snapshot} snap
   * @param {Node} node
   * @param {number} offset
   */
  function offsetOf(snap, node, offset) {
    const seg = snap.segments.find((s) => s.node === node);
    if (seg) return seg.start + (node.nodeType === Node.TEXT_NODE ? offset : 0);
    return -1;
  }

  /**
   * Put the caret at a text offset without changing the editor's content (used by "Edit post").
   * @param {Snapshot} snap
   * @param {number} at
   */
  function placeCaret(snap, at) {
    const editor = snap.editor;
    if (isField(editor)) {
      editor.setSelectionRange(at, at);
      return;
    }
    const seg = snap.segments.find((s) => s.end >= at && s.start <= at && s.node.nodeType === Node.TEXT_NODE);
    const sel = editor.ownerDocument.getSelection();
    if (!seg || !sel) return;
    sel.setBaseAndExtent(seg.node, at - seg.start, seg.node, at - seg.start);
  }

  /**
   * The DOM position of a text offset: inside the text node that holds it (at a boundary between
   * two nodes, the end of the first), or null if no text node does.
   * @param {Snapshot} snap
   * @param {number} at
   * @returns {[Node, number] | null}
   */
  function position(snap, at) {
    const seg = snap.segments.find((s) => s.start <= at && at <= s.end && s.node.nodeType === Node.TEXT_NODE);
    return seg && seg.node.isConnected ? [seg.node, at - seg.start] : null;
  }

  /**
   * Selects [start, end) of the snapshot's text in the editor (a caret when they are equal), the way
   * a person would before typing over it. Returns false when the text no longer maps to the DOM.
   * @param {Snapshot} snap
   * @param {number} start
   * @param {number} end
   */
  function select(snap, start, end) {
    const editor = snap.editor;
    if (isField(editor)) {
      editor.setSelectionRange(start, end);
      return editor.selectionStart === start && editor.selectionEnd === end;
    }
    const a = position(snap, start);
    const b = position(snap, end);
    const sel = editor.ownerDocument.getSelection();
    if (!a || !b || !sel) return false;
    sel.setBaseAndExtent(a[0], a[1], b[0], b[1]);
    return true;
  }

  return Object.freeze({ read, range, offsetOf, placeCaret, select, isField });
})();
