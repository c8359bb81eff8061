// @ts-check
/**
 * Keeps postguard's host element where no page layer can cover it: the browser's top layer.
 *
 * A `position: fixed` host paints at the page's base stacking level, so any compose box in a layer
 * with a positive `z-index` (a modal overlay, a portal, Draft.js's own `z-index: 1`) hid the marks
 * and took the clicks meant for the badge (DESIGN §5.8). The host is therefore a manual popover,
 * shown with `showPopover()`: the top layer paints above every page stacking context. The page's own
 * top-layer elements stack with it in the order they were shown, and a modal `<dialog>` makes
 * everything outside it inert (measured in Chromium 156: a badge outside the page's modal dialog
 * took no clicks, even shown after it; clicking it also light-dismissed a page's `popover=auto`).
 * So while the page has a modal dialog or a popover open, the host lives inside the most recently
 * opened one, and is shown again after every move: it is then the last element of the top layer,
 * inside the page's modal (not inert, so the badge works), and inside the page's popover (a click on
 * the badge is a click inside it, so it stays open). The page's own modal keeps its focus, its
 * Escape and its tab order; postguard never moves focus into its UI unless the person does.
 *
 * postguard's own modal dialog (the gate) opens inside the host, wherever it is: being the newest
 * modal it makes the page inert, its dialogs included, and inside the page's popover it leaves it
 * open (a modal dialog outside it would close it). If the page removes or closes the element the
 * host was in while the gate is open, the host moves and the gate's dialog is shown again, so a
 * held post always gets its answer.
 *
 * Browsers without popovers get a host with the highest `z-index` instead: above every page layer
 * except the page's own top layer.
 */
const PgTopLayer = (() => {
  const supported = typeof HTMLElement.prototype.showPopover === 'function';
  /**
   * The page's top-layer elements postguard must live inside (a browser without popovers would
   * reject `:popover-open` as a selector).
   */
  const OPEN = supported ? 'dialog:modal, :popover-open' : 'dialog:modal';

  /** @type {HTMLElement | null} */
  let host = null;
  /** Page top-layer elements in the order they opened: the last one paints on top. @type {Element[]} */
  const opened = [];
  /** How many page top-layer elements opened so far, and how many had when the host was last shown. */
  let openings = 0;
  let shownAt = -1;
  /** A placement is due once the page's script has finished. */
  let queued = false;
  /** Trees whose dialogs and popovers are watched (the document, open shadow roots). @type {WeakSet<Document | ShadowRoot>} */
  const trees = new WeakSet();

  /** Page elements whose dialog or popover state changed since the host was last placed. @type {Set<Element>} */
  const toggled = new Set();

  const watcher = new MutationObserver((records) => {
    for (const r of records) if (r.target instanceof Element) noteToggle(r.target);
  });

  /** @param {Event} e */
  function onToggle(e) {
    if (e.target instanceof Element) noteToggle(e.target);
  }

  /**
   * A dialog or popover of the page opened or closed (or is about to: `beforetoggle` fires first), so
   * the host is placed again once the page's own script has finished.
   * @param {Element} el
   */
  function noteToggle(el) {
    if (host && (el === host || el.getRootNode() === host.shadowRoot)) return;
    toggled.add(el);
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      for (const t of toggled) {
        const i = opened.indexOf(t);
        if (isOpenPage(t)) {
          if (i < 0) note(t);
        } else if (i >= 0) {
          opened.splice(i, 1);
        }
      }
      toggled.clear();
      place();
    });
  }

  /** @param {Element} el  a page dialog or popover that has just opened */
  function note(el) {
    opened.push(el);
    openings += 1;
  }

  /** @param {Element} el */
  function isOpenPage(el) {
    return el !== host && el.isConnected && el.matches(OPEN);
  }

  /**
   * The page element the host must live in: the most recently opened page dialog or popover still
   * open, unless it is (or is inside) an editor, where nothing of postguard's may ever go.
   * @returns {Element | null}
   */
  function container() {
    for (let i = opened.length - 1; i >= 0; i--) if (!isOpenPage(opened[i])) opened.splice(i, 1);
    const top = opened.at(-1);
    if (!top || (top instanceof HTMLElement && top.isContentEditable)) return null;
    return top;
  }

  /**
   * Puts the host in its place and makes it the last of the top layer. Cheap when nothing changed
   * (called on every render).
   */
  function place() {
    if (!host) return;
    const parent = container() ?? document.documentElement;
    const shadow = host.shadowRoot;
    const focused = shadow?.activeElement;
    if (host.parentNode !== parent) parent.append(host);
    if (!supported) return;
    const open = host.matches(':popover-open');
    if (open && shownAt === openings) return;
    if (open) host.hidePopover();
    host.showPopover();
    shownAt = openings;
    // postguard's own modal dialog, if open, goes back on top: a move took it out of the top layer,
    // and the host shown again is above it.
    const own = shadow?.querySelector('dialog[open]');
    if (own instanceof HTMLDialogElement) {
      own.close();
      own.showModal();
    }
    // Moving or re-showing the host does not change what the person was doing in postguard's UI.
    if (focused instanceof HTMLElement && focused.isConnected && shadow?.activeElement !== focused) focused.focus({ preventScroll: true });
  }

  /**
   * Takes charge of the host: from now on it lives in the top layer.
   * @param {HTMLElement} el
   */
  function adopt(el) {
    host = el;
    if (supported) host.popover = 'manual';
    observe(document);
    place();
  }

  /**
   * Watches a tree for the page's dialogs and popovers opening and closing: `beforetoggle` for both
   * (it is not composed, so each open shadow root is listened to), and the `open` attribute for
   * dialogs where a browser fires no toggle events for them. Elements already open are noted.
   * @param {Document | ShadowRoot} tree
   */
  function observe(tree) {
    if (trees.has(tree)) return;
    trees.add(tree);
    tree.addEventListener('beforetoggle', onToggle, true);
    tree.addEventListener('toggle', onToggle, true);
    const root = tree instanceof Document ? tree.documentElement : tree;
    if (root) watcher.observe(root, { subtree: true, attributes: true, attributeFilter: ['open'] });
    for (const el of tree.querySelectorAll(OPEN)) if (!opened.includes(el) && el !== host) note(el);
  }

  return Object.freeze({ adopt, place, observe });
})();
