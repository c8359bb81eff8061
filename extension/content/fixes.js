// @ts-check
/**
 * Applies a one-click fix the analyser computed (Finding.fixes; what to change is decided in
 * crates/core, never here) as if the person had made the edit: select the words, then replace them
 * through the editor's own input path.
 *
 * Why not write the DOM: Draft.js, Lexical, Quill and ProseMirror own their DOM and rebuild it from
 * their model; a node written from outside desyncs the model or is wiped. And why not only
 * `execCommand`: it edits the DOM itself and, by the Input Events spec, fires no `beforeinput`, which
 * is the event these frameworks apply edits from (measured: the fixture's Draft.js-shaped model kept
 * the old text while the DOM showed the new). So, as a spelling correction does, the fix is offered
 * to the editor as a `beforeinput` of type `insertReplacementText` (or `deleteContentBackward`, as Backspace over a selection, to remove
 * words) over the selected range; a framework applies it to its model, cancels the event and
 * re-renders, and its own undo history holds the step. Where nothing takes the event (a plain
 * contenteditable, a textarea), `execCommand('insertText')` performs the edit natively, which fires
 * the trusted `input` a React-controlled textarea's onChange listens to and joins the browser's
 * undo history. Either way Ctrl+Z takes it back.
 *
 * The result is checked: if the editor does not show exactly the expected text afterwards the fix
 * counts as failed and the person is told; the draft is whatever the editor made of the edit.
 */
const PgFixes = (() => {
  /**
   * Applies `fix` to the editor whose text `fix`'s offsets index. Resolves to whether the editor
   * now shows exactly the fixed text.
   * @param {HTMLElement} editor
   * @param {string} text   the text the fix was computed for (the session's analysed text)
   * @param {Fix} fix
   * @returns {Promise<boolean>}
   */
  async function apply(editor, text, fix) {
    if (!editor.isConnected || PgText.read(editor).text !== text) return false;
    let expected = text;
    // Last edit first, so the offsets of the earlier ones still hold.
    for (const edit of [...fix.edits].sort((a, b) => b.start - a.start)) {
      editor.focus({ preventScroll: true });
      const snap = PgText.read(editor);
      if (snap.text !== expected || !PgText.select(snap, edit.start, edit.end)) return false;
      if (!replaceSelection(editor, edit.text)) return false;
      expected = expected.slice(0, edit.start) + edit.text + expected.slice(edit.end);
      // Frameworks that render asynchronously (React batches) show the edit by the next frame.
      if (PgText.read(editor).text !== expected) await frame();
      if (PgText.read(editor).text !== expected) return false;
    }
    return true;
  }

  /**
   * Applies one fix per finding (each finding's first), last in the text first, skipping any that
   * overlaps one already applied (re-analysis shows whether its finding is left). Resolves to false
   * at the first fix the editor did not take.
   * @param {HTMLElement} editor
   * @param {string} text
   * @param {Finding[]} findings  findings of `text` that have fixes
   */
  async function applyAll(editor, text, findings) {
    const fixes = findings.map((f) => f.fixes?.[0]).filter((x) => x !== undefined)
      .sort((a, b) => b.edits[0].start - a.edits[0].start);
    let current = text;
    let floor = Infinity;
    for (const fix of fixes) {
      const last = fix.edits[fix.edits.length - 1];
      if (last.end > floor) continue; // overlaps a fix already applied: its finding is re-checked
      if (!(await apply(editor, current, fix))) return false;
      floor = fix.edits[0].start;
      current = PgText.read(editor).text;
    }
    return true;
  }

  /**
   * Replaces the editor's selection by `text` through its input path (see the file's comment).
   * @param {HTMLElement} editor
   * @param {string} text
   */
  function replaceSelection(editor, text) {
    const doc = editor.ownerDocument;
    if (!PgText.isField(editor)) {
      const sel = doc.getSelection();
      const range = sel && sel.rangeCount ? sel.getRangeAt(0) : null;
      const data = new DataTransfer();
      data.setData('text/plain', text);
      const offered = new InputEvent('beforeinput', {
        inputType: text === '' ? 'deleteContentBackward' : 'insertReplacementText',
        data: text === '' ? null : text,
        dataTransfer: text === '' ? null : data,
        targetRanges: range ? [new StaticRange(range)] : [],
        bubbles: true,
        cancelable: true,
        composed: true,
      });
      // A framework that owns its DOM applies the edit to its model and cancels the event.
      if (!editor.dispatchEvent(offered)) return true;
    }
    return text === '' ? doc.execCommand('delete', false) : doc.execCommand('insertText', false, text);
  }

  /** @returns {Promise<void>} */
  function frame() {
    return new Promise((resolve) => requestAnimationFrame(() => resolve()));
  }

  return Object.freeze({ apply, applyAll });
})();
