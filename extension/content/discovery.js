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
    return el instanceof HTMLTextAreaElement ? !el.readOnly && !el.disabled : el instanceof HTMLElement && el.isContentEditable;
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
    const found = root instanceof Element && root.matches(all) ? [root] : [];
    found.push(...root.querySelectorAll(all));
    for (const el of found) {
      if (!(el instanceof HTMLElement) || PgSessions.has(el) || insideEditor(el)) continue;
      const surface = surfaceOf(el);
      if (surface !== undefined) PgSessions.attach(el, surface);
    }
    // Open shadow roots the adapter names as holding compose boxes (LinkedIn's share modal, Reddit's fields).
    for (const hostSel of site.shadowHosts ?? []) {
      for (const host of root.querySelectorAll(hostSel)) watchShadow(host);
      if (root instanceof Element && root.matches(hostSel)) watchShadow(root);
    }
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
    window.addEventListener('focusin', (e) => {
      const t = e.composedPath()[0];
      if (!(t instanceof HTMLElement)) return;
      const tree = t.getRootNode();
      // Focus inside postguard's own UI (panel, dialog) is not an editor to watch: observing our own
      // shadow root would make every draw trigger another.
      if (tree instanceof ShadowRoot && tree.host.hasAttribute('data-postguard')) return;
      let s = PgSessions.get(t);
      if (!s) {
        if (tree instanceof ShadowRoot && !watched.has(tree)) watchShadow(tree.host);
        const surface = surfaceOf(t);
        if (surface !== undefined && !insideEditor(t)) {
          PgSessions.attach(t, surface);
          s = PgSessions.get(t);
        } else {
          for (const sess of PgSessions.all()) if (sess.editor.contains(t)) s = sess;
        }
      }
      if (s) PgSessions.setLastActive(s);
    }, { capture: true, passive: true });
  }

  return Object.freeze({ start, stop, listen, scan, closestComposed });
})();
