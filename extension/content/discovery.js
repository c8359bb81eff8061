// @ts-check
/**
 * Finds compose boxes and hands them to PgSessions: the site's adapter selectors first, then the
 * generic fallback (any editable field inside the site's compose dialogs and forms).
 *
 * One MutationObserver on the document, and on each open shadow root known to hold compose boxes,
 * whose added subtrees are batched and scanned once per animation frame (uBlock Origin Lite's
 * habit); a capture-phase `focusin` reveals editors anywhere else, including inside open shadow roots
 * no selector named (DESIGN §5.3).
 */
const PgDiscovery = (() => {
  /** @type {WeakSet<ShadowRoot>} */
  const watched = new WeakSet();

  /**
   * Which surface an element is an editor of, or undefined.
   * @param {Element} el
   * @returns {Surface | null | undefined}  null = generic fallback
   */
  function surfaceOf(el) {
    const site = PgSettings.site();
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
    return PgFrames.isTextArea(el) ? !el.readOnly && !el.disabled : PgFrames.isHTMLElement(el) && el.isContentEditable;
  }

  /** `closest()` that continues past shadow roots to their hosts. */
  const closestComposed = PgAdapters.closestComposed;

  /** Whether `el` lies inside another watched editor (a nested editable is part of it). @param {Element} el */
  function insideEditor(el) {
    for (const s of PgSessions.editors()) if (s !== el && s.contains(el)) return true;
    return false;
  }

  /**
   * Attach to every editor in a subtree (and in open shadow roots the adapter names).
   * @param {ParentNode} root
   */
  function scan(root) {
    const site = PgSettings.site();
    if (!site) return;
    const all = [...site.surfaces.flatMap((s) => s.editors), PgAdapters.FALLBACK.editors].join(', ');
    const found = PgFrames.isElement(root) && root.matches(all) ? [root] : [];
    found.push(...root.querySelectorAll(all));
    for (const el of found) {
      if (!PgFrames.isHTMLElement(el) || PgSessions.has(el) || insideEditor(el)) continue;
      const surface = surfaceOf(el);
      if (surface !== undefined) PgSessions.attach(el, surface);
    }
    // Open shadow roots the adapter names as holding compose boxes (LinkedIn's share modal, Reddit's fields).
    for (const hostSel of site.shadowHosts ?? []) {
      for (const host of root.querySelectorAll(hostSel)) watchShadow(host);
      if (PgFrames.isElement(root) && root.matches(hostSel)) watchShadow(root);
    }
    // Same-origin frames the adapter names as holding compose boxes (the WordPress block editor's canvas).
    let newFrame = false;
    for (const frameSel of site.frames ?? []) {
      for (const frame of root.querySelectorAll(frameSel)) newFrame = PgFrames.watch(frame) || newFrame;
      if (PgFrames.isElement(root) && root.matches(frameSel)) newFrame = PgFrames.watch(root) || newFrame;
    }
    // An editor may be named by where it sits from such a frame (Blogger's title: the input above the
    // editor's frame), so a frame arriving after the page has the rest of its document looked at again.
    if (newFrame && PgFrames.isElement(root)) scan(root.ownerDocument);
  }

  /**
   * A same-origin frame's document (PgFrames): watched as the top document is, with its own focus
   * listener, since focus inside a frame never reaches the top window.
   * @param {Document} doc
   */
  function watchDocument(doc) {
    if (!PgSettings.site()) return;
    observer.observe(doc.documentElement, { childList: true, subtree: true });
    doc.defaultView?.addEventListener('focusin', onFocusIn, { capture: true, passive: true });
    scan(doc);
    PgDrawing.requestDraw();
  }

  /** @param {Element} host */
  function watchShadow(host) {
    const sr = host.shadowRoot;
    if (!sr || watched.has(sr)) return;
    watched.add(sr);
    observer.observe(sr, { childList: true, subtree: true });
    PgMedia.observe(sr);
    PgGate.observe(sr);
    PgTopLayer.observe(sr);
    PgDrawing.observe(sr);
    scan(sr);
  }

  // Discovery: batch added subtrees and scan them once per frame.
  /** @type {Set<ParentNode>} */
  const pendingRoots = new Set();
  let scanQueued = false;
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (PgFrames.isElement(r.target) && insideTracked(r.target)) continue;
      for (const n of r.addedNodes) if (PgFrames.isElement(n)) pendingRoots.add(n);
      if (r.removedNodes.length) pendingRoots.add(document); // an editor may have gone: check sessions
    }
    if (pendingRoots.size && !scanQueued) {
      scanQueued = true;
      requestAnimationFrame(() => {
        scanQueued = false;
        const roots = [...pendingRoots];
        pendingRoots.clear();
        if (roots.includes(document)) {
          for (const s of PgSessions.all()) if (!s.editor.isConnected) PgSessions.detach(s);
        }
        for (const r of roots) if (r !== document) scan(r);
        PgDrawing.requestDraw();
      });
    }
  });

  /** @param {Element} el */
  function insideTracked(el) {
    for (const e of PgSessions.editors()) if (e.contains(el)) return true;
    return false;
  }

  /** Starts watching the document (once it exists) for compose boxes. */
  function start() {
    observer.observe(document.documentElement, { childList: true, subtree: true });
    scan(document);
  }

  /** Stops discovering editors (IT has not enabled postguard on this site). */
  function stop() {
    observer.disconnect();
  }

  /** Focus reveals editors anywhere, including inside open shadow roots no selector named. */
  function listen() {
    window.addEventListener('focusin', onFocusIn, { capture: true, passive: true });
  }

  /** @param {FocusEvent} e */
  function onFocusIn(e) {
    const t = e.composedPath()[0];
    if (!PgFrames.isHTMLElement(t)) return;
    const tree = t.getRootNode();
    // Focus inside postguard's own UI (panel, dialog) is not an editor to watch: observing our own
    // shadow root would make every draw trigger another.
    if (PgFrames.isShadowRoot(tree) && tree.host.hasAttribute('data-postguard')) return;
    let s = PgSessions.get(t);
    if (!s) {
      if (PgFrames.isShadowRoot(tree) && !watched.has(tree)) watchShadow(tree.host);
      const surface = surfaceOf(t);
      if (surface !== undefined && !insideEditor(t)) {
        PgSessions.attach(t, surface);
        s = PgSessions.get(t);
      } else {
        for (const sess of PgSessions.all()) if (sess.editor.contains(t)) s = sess;
      }
    }
    if (s) PgSessions.setLastActive(s);
  }

  return Object.freeze({ start, stop, listen, scan, watchDocument, closestComposed });
})();
