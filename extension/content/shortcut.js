// @ts-check
/**
 * The keyboard's way from a draft to its warnings (WCAG 2.1.1): Alt+F10 in an editor postguard
 * checks opens the badge's panel with focus on the warning the caret is in (else the first), and
 * Escape there returns focus to the draft. The badge otherwise comes after the page's own controls
 * in the Tab order, and a site whose compose window keeps Tab inside itself may never reach it.
 *
 * Why a shortcut, and why this one (docs/accessibility.md): the editor is the site's, so its
 * description cannot carry a hint (postguard never changes the site's editor) and its Tab order
 * cannot be changed; Alt+F10 is the rich-text editors' own "from the text to its tools" key
 * (TinyMCE, CKEditor), in the family of Word's Alt+F7 (next spelling or grammar issue). It is
 * announced with a draft's first warnings, named on the badge (aria-keyshortcuts) and on each card.
 * Only that exact chord in a checked editor is taken; every other key goes to the page untouched.
 */
const PgShortcut = (() => {
  /** @param {KeyboardEvent} e */
  function onKey(e) {
    if (e.key !== 'F10' || !e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || !e.isTrusted) return;
    const a = PgFrames.activeElement();
    const s = a && PgSessions.all().find((x) => x.editor === a || x.editor.contains(a));
    if (!s) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    if (s.visible.length === 0) {
      PgOverlay.announce('postguard: no warnings in this draft.');
      return;
    }
    PgOverlay.openPanel(s.id, { from: s.editor, focus: Math.max(0, PgDrawing.caretFinding(s)) });
  }

  function listen() {
    window.addEventListener('keydown', onKey, { capture: true });
  }

  /**
   * A same-origin frame's window (PgFrames): keys pressed in its editors never reach the top window.
   * @param {Window} view
   */
  function observeFrame(view) {
    view.addEventListener('keydown', onKey, { capture: true });
  }

  return Object.freeze({ listen, observeFrame });
})();
