// @ts-check
/**
 * Everything postguard draws on a page: marks, badges, the findings panel, tooltips, media
 * reminders and the live region, all inside one host element with an open shadow root (the test
 * contract, DESIGN §2), outside every editor. The host lives in the browser's top layer, above every
 * page layer (top-layer.js says how and why), and nothing a person does inside it reaches the page.
 *
 * Marks are `position: fixed` boxes computed from the editor's text geometry and clipped to the
 * editor's visible box; they have `pointer-events: none`, so clicks and selection go to the editor
 * underneath. Styles are constructed stylesheets (adoptedStyleSheets), which a page's strict
 * `style-src` cannot block. Callers batch calls to `render` into one animation frame.
 */
/**
 * @typedef {object} MarkView
 * @property {number} index     index of the finding in the view's list
 * @property {Finding} finding
 * @property {DOMRect[]} rects
 * @typedef {object} View        what to draw for one editor
 * @property {number} id
 * @property {DOMRect | null} clip     the editor's visible box, null when off screen
 * @property {MarkView[]} marks
 * @property {Finding[]} findings     undismissed findings, for the badge and panel
 * @property {{location: boolean | null, count: number, photo?: 'checking' | 'found' | 'clear' | null, sampled?: boolean} | null} media
 *                                    an open media reminder; `photo`: what looking inside the photo found so far;
 *                                    `sampled`: a video is among them, of which only some frames were looked at
 * @property {number | null} [photoProgress]  a held submit waits for its photo's check (0–1): "Checking the photo…"
 * @property {boolean} [unavailable]  the draft could not be checked: the badge says so
 * @property {boolean} [checking]     a submit of this draft is held until it is checked: the badge says "Checking…"
 * @property {boolean} [truncated]    more findings exist than are shown: the badge says so
 * @property {boolean} [rtl]          the editor's text runs right to left: the badge goes in the left corner
 * @property {number} [paused]        postguard is paused on this site until then (ms since the epoch):
 *                                    the badge says so and resumes checking when selected
 * @property {boolean} [unwatched]    a box postguard does not recognise (unwatched.js): the badge says
 *                                    "not checked" and selecting it says why and what to do
 * @typedef {{layer: HTMLElement, badge: HTMLButtonElement, notice: HTMLElement | null, marks: MarkView[], findings: Finding[], clip: DOMRect | null, unwatched: boolean}} Parts
 */
const PgOverlay = (() => {
  /** Family names people read, and the non-colour cue each mark carries (WCAG 1.4.1). */
  /** The key that takes keyboard focus from a draft to its warnings (shortcut.js). */
  const SHORTCUT = 'Alt+F10';

  const FAMILY = Object.freeze({
    confidentiality: { label: 'Confidentiality', short: 'Confidential' },
    consent: { label: 'Consent', short: 'Consent' },
    disrepute: { label: 'Professional conduct', short: 'Conduct' },
  });


  /** @type {HTMLElement | null} */
  let host = null;
  /** @type {ShadowRoot | null} */
  let shadow = null;
  /** @type {HTMLElement | null} */
  let live = null;
  /** @type {HTMLElement | null} */
  let mirrorEl = null;


  /** @type {Map<number, Parts>} */
  const parts = new Map();

  /**
   * @type {{onDismiss: (id: number, index: number) => void, onFix: (id: number, index: number) => void,
   *   onNoticeClosed: (id: number) => void, pauseOffer: () => string | null, onPause: () => void, onResume: () => void}}
   */
  const hooks = { onDismiss: () => {}, onFix: () => {}, onNoticeClosed: () => {}, pauseOffer: () => null, onPause: () => {}, onResume: () => {} };

  /**
   * Events of a person's clicks, presses and keys inside postguard's UI. They stop at the shadow
   * root: they are not the page's, and a site's modal that closes on a press "outside" its content
   * would close when the badge is pressed. (The gate listens on `window` in the capture phase,
   * before this.)
   */
  const PRIVATE_EVENTS = ['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'click', 'dblclick', 'auxclick', 'contextmenu',
    'touchstart', 'touchend', 'keydown', 'keyup', 'keypress'];

  /**
   * The shadow root, creating the host on first use and putting it back in its place in the top
   * layer if the page removed or covered it.
   */
  function root() {
    if (!host || !shadow) {
      host = document.createElement('postguard-overlay');
      host.setAttribute('data-postguard', '');
      shadow = host.attachShadow({ mode: 'open' });
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(PgOverlayStyle);
      shadow.adoptedStyleSheets = [sheet];
      live = el('div', { class: 'sr', 'aria-live': 'polite', role: 'status' });
      mirrorEl = el('div', { 'aria-hidden': 'true' });
      shadow.append(live, mirrorEl);
      for (const type of PRIVATE_EVENTS) shadow.addEventListener(type, (e) => e.stopPropagation());
      PgTopLayer.adopt(host);
    } else {
      PgTopLayer.place();
    }
    return shadow;
  }

  /**
   * @param {string} tag
   * @param {Record<string, string>} [attrs]
   * @param {(Node | string | null)[]} children
   */
  function el(tag, attrs = {}, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    for (const c of children) if (c !== null) e.append(c);
    return e;
  }

  /** A hidden element to lay out textarea text in (see PgGeometry). */
  function mirror() {
    root();
    return /** @type {HTMLElement} */ (mirrorEl);
  }

  /** Positions an element, writing only the sides that moved. @param {HTMLElement} e @param {DOMRect} r */
  function place(e, r) {
    const set = (/** @type {'left' | 'top' | 'width' | 'height'} */ side, /** @type {number} */ v) => {
      const px = `${v}px`;
      if (e.style[side] !== px) e.style[side] = px;
    };
    set('left', r.left);
    set('top', r.top);
    set('width', r.width);
    set('height', r.height);
  }

  /** @param {Finding[]} findings */
  function counts(findings) {
    /** @type {Record<string, number>} */
    const c = { confidentiality: 0, consent: 0, disrepute: 0 };
    for (const f of findings) c[f.category] = (c[f.category] ?? 0) + 1;
    return c;
  }

  /** @param {Finding[]} findings */
  function summary(findings) {
    const c = counts(findings);
    const parts = Object.entries(c).filter(([, n]) => n > 0)
      .map(([k, n]) => `${n} ${FAMILY[/** @type {keyof typeof FAMILY} */ (k)].label.toLowerCase()}`);
    return parts.length ? `postguard: ${parts.join(', ')} ${findings.length === 1 ? 'warning' : 'warnings'} in this draft` : 'postguard: no warnings';
  }

  /**
   * Draw every editor's marks, badge and media reminder. Views not listed are removed.
   * @param {View[]} views
   */
  function render(views) {
    const sr = root();
    const seen = new Set();
    for (const view of views) {
      seen.add(view.id);
      let p = parts.get(view.id);
      if (!p) {
        const layer = el('div', { class: 'layer', 'data-postguard-layer': String(view.id) });
        // Its shortcut from the draft (shortcut.js): where a site keeps Tab inside its compose window.
        const badge = /** @type {HTMLButtonElement} */ (el('button', { class: 'badge', type: 'button', 'aria-haspopup': 'dialog', 'aria-expanded': 'false', 'aria-keyshortcuts': SHORTCUT }));
        badge.addEventListener('click', (e) => {
          if (!e.isTrusted) return;
          if (badge.dataset.state === 'paused') hooks.onResume();
          else togglePanel(view.id);
        });
        sr.append(layer, badge);
        p = { layer, badge, notice: null, marks: [], findings: [], clip: null, unwatched: false };
        parts.set(view.id, p);
      }
      p.marks = view.marks;
      p.findings = view.findings;
      p.clip = view.clip;
      p.unwatched = view.unwatched === true;
      drawLayer(p, view);
      drawBadge(p, view);
      drawNotice(view.id, p, view);
    }
    for (const [id, p] of parts) {
      if (seen.has(id)) continue;
      p.layer.remove(); p.badge.remove(); p.notice?.remove();
      parts.delete(id);
      if (panelFor === id) closePanel(false);
    }
    if (panelFor !== null) refreshPanel();
    PgCard.refresh();
  }

  /** @param {Parts} p @param {View} view */
  function drawLayer(p, view) {
    if (!view.clip || view.marks.length === 0) {
      p.layer.hidden = true;
      p.layer.replaceChildren();
      return;
    }
    p.layer.hidden = false;
    place(p.layer, view.clip);
    // Marks are reused from one draw to the next, only what changed is written: typing moves marks
    // rather than replacing them, which is cheaper and leaves nothing stale for a reader to hold.
    const existing = /** @type {HTMLElement[]} */ ([...p.layer.children]);
    let n = 0;
    for (const m of view.marks) {
      for (const r of m.rects) {
        const mark = existing[n] ?? p.layer.appendChild(el('div', { class: 'mark', 'data-postguard-mark': '' }));
        n += 1;
        setData(mark, 'category', m.finding.category);
        setData(mark, 'rule', m.finding.rule);
        setData(mark, 'index', String(m.index));
        const active = activeIndex !== null && activeIndex.id === view.id && activeIndex.index === m.index;
        if (mark.classList.contains('active') !== active) mark.classList.toggle('active', active);
        place(mark, new DOMRect(r.left - view.clip.left, r.top - view.clip.top, r.width, r.height));
      }
    }
    for (const extra of existing.slice(n)) extra.remove();
  }

  /** Sets a data attribute only when it differs. @param {HTMLElement} e @param {string} key @param {string} value */
  function setData(e, key, value) {
    if (e.dataset[key] !== value) e.dataset[key] = value;
  }

  /** @param {Parts} p @param {View} view */
  function drawBadge(p, view) {
    if (!view.clip || (view.findings.length === 0 && !view.unavailable && !view.paused && !view.checking && !view.unwatched)) {
      p.badge.hidden = true;
      return;
    }
    p.badge.hidden = false;
    if (view.paused) {
      const until = clock(view.paused);
      p.badge.dataset.state = 'paused';
      p.badge.removeAttribute('aria-haspopup');
      p.badge.replaceChildren(el('span', { class: 'logo', 'aria-hidden': 'true' }, '⚑'), el('span', { class: 'pill' }, `paused until ${until}`));
      p.badge.setAttribute('aria-label', `postguard: paused until ${until}. It is paused on this site until then; select to check drafts again`);
      p.badge.title = 'Select to check drafts again';
    } else if (view.checking) {
      p.badge.dataset.state = 'checking';
      const photo = typeof view.photoProgress === 'number' ? `Checking the photo… ${Math.round(view.photoProgress * 100)}%` : null;
      p.badge.replaceChildren(el('span', { class: 'logo', 'aria-hidden': 'true' }, '⚑'), el('span', { class: 'pill' }, photo ?? 'Checking…'));
      p.badge.setAttribute('aria-label', photo ? `postguard is ${photo.toLowerCase()} before the post is sent` : 'postguard is checking this post before it is sent');
    } else if (view.unavailable) {
      p.badge.dataset.state = 'unavailable';
      p.badge.replaceChildren(el('span', { class: 'logo', 'aria-hidden': 'true' }, '⚑'), el('span', { class: 'pill' }, 'checker unavailable'));
      p.badge.setAttribute('aria-label', 'postguard: checker unavailable, this draft has not been checked');
    } else if (view.unwatched) {
      p.badge.dataset.state = 'unwatched';
      p.badge.setAttribute('aria-haspopup', 'dialog');
      p.badge.removeAttribute('title');
      p.badge.replaceChildren(el('span', { class: 'logo', 'aria-hidden': 'true' }, '⚑'), el('span', { class: 'pill' }, 'not checked'));
      p.badge.setAttribute('aria-label', 'not checked: postguard does not recognise this box and is not checking what you type in it');
    } else {
      delete p.badge.dataset.state;
      p.badge.setAttribute('aria-haspopup', 'dialog');
      p.badge.removeAttribute('title');
      const c = counts(view.findings);
      const pills = Object.entries(c).filter(([, n]) => n > 0).map(([k, n]) => {
        const fam = FAMILY[/** @type {keyof typeof FAMILY} */ (k)];
        return el('span', { class: 'pill', 'data-category': k, title: fam.label }, `${fam.short} ${n}`);
      });
      if (view.truncated) pills.push(el('span', { class: 'pill', 'data-more': '', title: 'More findings than are shown' }, '+ more'));
      // Spaces between the pills, so their words stay apart for assistive technology.
      p.badge.replaceChildren(el('span', { class: 'logo', 'aria-hidden': 'true' }, '⚑'), ...pills.flatMap((pill) => [' ', pill]));
      // The name starts with the words the badge shows (WCAG 2.5.3 Label in Name): a voice-control
      // user says what they see ("click Confidential 1"); the count of each family follows.
      const shown = pills.map((pill) => pill.textContent).join(' ');
      p.badge.setAttribute('aria-label', `${shown}: ${summary(view.findings)}${view.truncated ? '; more not shown, only the first are marked' : ''}`);
    }
    // Just inside the editor's bottom corner where lines end (bottom-right, bottom-left in
    // right-to-left text), like a spelling checker's badge: a short last line leaves that corner
    // empty. A one-line box has no room for it without covering the text, so there it sits just
    // above the box.
    const b = p.badge.getBoundingClientRect();
    const w = b.width || 90;
    const h = b.height || 20;
    const clip = view.clip;
    const roomInside = clip.height >= 2 * h + 8;
    const top = roomInside ? clip.bottom - h - 4 : clip.top - h - 4 >= 0 ? clip.top - h - 4 : clip.bottom + 4;
    p.badge.style.left = `${view.rtl ? Math.min(clip.left + 4, window.innerWidth - w) : Math.max(0, clip.right - w - 4)}px`;
    p.badge.style.top = `${top}px`;
  }

  /** @param {number} id @param {Parts} p @param {View} view */
  function drawNotice(id, p, view) {
    if (!view.media) {
      p.notice?.remove();
      p.notice = null;
      return;
    }
    const key = `${view.media.count}:${view.media.location}:${view.media.photo ?? ''}:${view.media.sampled ? 'v' : ''}`;
    if (!p.notice || p.notice.dataset.key !== key) {
      const location = view.media.location === true;
      const notice = el('div', { class: location ? 'notice location' : 'notice', role: location ? 'alert' : 'status', 'data-postguard-notice': location ? 'location' : 'consent' });
      notice.dataset.key = key;
      if (view.media.photo) notice.dataset.photo = view.media.photo;
      // What looking inside the photo found (faces, text): a clear photo is an information note
      // only and never pauses the post; what was found pauses it through the gate.
      // A video is only looked at every few seconds: its note says where nothing was found.
      const checked = view.media.photo === 'clear' ? (view.media.sampled ? 'No people or identifying text found in the frames checked. ' : 'No people or identifying text found in it. ')
        : view.media.photo === 'found' ? 'It needs a look before posting. '
          : view.media.photo === 'checking' ? 'Checking it on this device… ' : '';
      notice.append(el('p', {}, el('strong', {}, 'Photo or video attached. '), checked,
        'Only share images of patients, colleagues or clinical areas with their written consent, and check nothing confidential is in view (screens, whiteboards, notes, wristbands).'));
      if (location) {
        notice.append(el('p', {}, el('strong', {}, 'This photo contains its location. '),
          'It records where it was taken (GPS). Remove the location, or use a screenshot of it, before posting.'));
      }
      const ok = el('button', { class: 'btn secondary small', type: 'button' }, 'Got it');
      ok.addEventListener('click', (e) => { if (e.isTrusted) hooks.onNoticeClosed(id); });
      notice.append(ok);
      p.notice?.remove();
      p.notice = notice;
      root().append(notice);
    }
    const anchor = view.clip;
    if (anchor) {
      p.notice.hidden = false;
      p.notice.style.left = `${Math.max(4, anchor.left)}px`;
      const top = anchor.bottom + 8;
      // All of the note stays in the window, its button too, however narrow (zoomed) the window is.
      p.notice.style.top = `${Math.max(4, Math.min(top, window.innerHeight - p.notice.offsetHeight - 8))}px`;
    } else {
      p.notice.style.left = '16px';
      p.notice.style.top = `${Math.max(4, window.innerHeight - p.notice.offsetHeight - 16)}px`;
    }
  }

  // ---- Panel (badge → list of findings, with Dismiss where policy allows) ----

  /** @type {number | null} */
  let panelFor = null;
  /** @type {HTMLElement | null} */
  let panel = null;
  /** @type {{id: number, index: number} | null} */
  let activeIndex = null;
  /** @type {(f: Finding) => boolean} */
  let dismissible = () => false;

  /** Where Escape returns focus from the panel: the draft it was opened from by its shortcut, else the badge. @type {HTMLElement | null} */
  let returnTo = null;

  /** @param {number} id */
  function togglePanel(id) {
    if (panelFor === id) closePanel(true);
    else openPanel(id);
  }

  /**
   * Opens the panel of view `id` with focus on its finding `focus` (the first unless given);
   * Escape returns focus to `from` (the draft, when opened by the shortcut) or else to the badge.
   * @param {number} id
   * @param {{from?: HTMLElement, focus?: number}} [options]
   */
  function openPanel(id, { from, focus = 0 } = {}) {
    closePanel(false);
    panelFor = id;
    returnTo = from ?? null;
    PgCard.setPanelOpen(true);
    const unwatched = parts.get(id)?.unwatched === true;
    panel = el('div', { class: 'panel', role: 'dialog', 'aria-label': unwatched ? 'postguard: this box is not checked' : 'postguard: warnings in this draft' });
    // Escape closes this panel only: not the site's own dialog or popover it may sit in.
    panel.addEventListener('keydown', (e) => { if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); closePanel(true); } });
    root().append(panel);
    parts.get(id)?.badge.setAttribute('aria-expanded', 'true');
    refreshPanel();
    const items = panel.querySelectorAll('button.finding');
    /** @type {HTMLElement | null} */ (items[focus] ?? panel.querySelector('button'))?.focus();
  }

  /** @param {boolean} focusBadge */
  function closePanel(focusBadge) {
    const p = panelFor === null ? undefined : parts.get(panelFor);
    p?.badge.setAttribute('aria-expanded', 'false');
    panel?.remove();
    panel = null;
    panelFor = null;
    setActive(null);
    PgCard.setPanelOpen(false);
    const back = returnTo;
    returnTo = null;
    if (!focusBadge) return;
    if (back && back.isConnected) back.focus();
    else if (p && !p.badge.hidden) p.badge.focus();
  }

  function refreshPanel() {
    if (panelFor === null || !panel) return;
    const id = panelFor;
    const p = parts.get(id);
    if (p?.unwatched) { explainUnwatched(panel, p); return; }
    if (!p || p.findings.length === 0) { closePanel(false); return; }
    // Rebuild only when the list changed: a rebuild on every frame would steal focus and
    // detach the very button a person is about to press.
    const sig = p.findings.map((f) => `${f.rule}:${f.start}:${f.end}:${dismissible(f)}:${f.fixes?.[0]?.label ?? ''}`).join('|') + `|${hooks.pauseOffer()}`;
    if (panel.dataset.sig !== sig) {
      panel.dataset.sig = sig;
      const had = panel.contains(shadow?.activeElement ?? null);
      const list = el('ul');
      p.findings.forEach((f, index) => {
        const body = el('button', { class: 'finding', type: 'button' }, ...PgFindingList.text(f));
        body.addEventListener('focus', () => setActive({ id, index }));
        // Only the pointer's own movement: a panel opening under a resting pointer does not take
        // the card from the finding keyboard focus is on.
        body.addEventListener('pointermove', (e) => {
          if ((e.movementX || e.movementY) && (activeIndex?.id !== id || activeIndex.index !== index)) setActive({ id, index });
        });
        list.append(PgFindingList.item(f, {
          body,
          onFix: () => hooks.onFix(id, index),
          onDismiss: dismissible(f) ? () => hooks.onDismiss(id, index) : undefined,
        }));
      });
      panel.replaceChildren(el('h2', {}, summary(p.findings).replace(/^postguard: /, '').replace(/^./, (c) => c.toUpperCase())), list);
      // Where IT allows it: stop checking on this site for a while (an official account, say).
      const offer = hooks.pauseOffer();
      if (offer) {
        const pause = el('button', { class: 'btn secondary small pause', type: 'button' }, offer);
        pause.addEventListener('click', (e) => { if (e.isTrusted) hooks.onPause(); });
        panel.append(el('p', { class: 'footer' }, pause));
      }
      if (had) /** @type {HTMLElement | null} */ (panel.querySelector('button'))?.focus();
    }
    placePanel(panel, p.badge.getBoundingClientRect());
  }

  /**
   * The panel of a box postguard does not recognise: why nothing is marked there, and what to do.
   * Nothing names the Trust (the page can read this; issue 20): "your IT service desk" is enough.
   * @param {HTMLElement} panel @param {Parts} p
   */
  function explainUnwatched(panel, p) {
    if (panel.dataset.sig !== 'unwatched') {
      panel.dataset.sig = 'unwatched';
      const close = el('button', { class: 'btn secondary small', type: 'button' }, 'Close');
      close.addEventListener('click', (e) => { if (e.isTrusted) closePanel(true); });
      panel.replaceChildren(
        el('h2', {}, 'postguard is not checking this box'),
        el('p', {}, 'postguard does not recognise this box, so nothing you type here is checked, and it will not pause your post before it is sent. The site may have changed its page.'),
        el('p', {}, "Read your post against your Trust's social media policy yourself before you send it, and tell your IT service desk which box this was, so it can be checked again."),
        el('p', { class: 'footer' }, close));
    }
    placePanel(panel, p.badge.getBoundingClientRect());
  }

  /**
   * Beside the badge and wholly inside the window, however small (zoomed) the window is: below the
   * badge where the list fits there, else above it, else on the side with more room, at that
   * side's height (the list scrolls inside itself).
   * @param {HTMLElement} panel @param {DOMRect} b  the badge's box
   */
  function placePanel(panel, b) {
    const gap = 6;
    const margin = 8;
    const below = window.innerHeight - b.bottom - gap - margin;
    const above = b.top - gap - margin;
    // At most 60 % of a roomy window; a small (zoomed) one gets all the room there is.
    const wanted = Math.min(panel.scrollHeight, window.innerHeight >= 600 ? window.innerHeight * 0.6 : window.innerHeight);
    const under = wanted <= below || (wanted > above && below >= above);
    const height = Math.max(0, Math.min(wanted, under ? below : above));
    const max = `${Math.floor(height)}px`;
    if (panel.style.maxHeight !== max) panel.style.maxHeight = max;
    const top = `${under ? b.bottom + gap : b.top - gap - height}px`;
    if (panel.style.top !== top) panel.style.top = top;
    const width = panel.offsetWidth;
    const left = `${Math.max(margin, Math.min(b.right - width, window.innerWidth - width - margin))}px`;
    if (panel.style.left !== left) panel.style.left = left;
  }

  /** @param {{id: number, index: number} | null} which */
  function setActive(which) {
    activeIndex = which;
    for (const [id, p] of parts) {
      for (const m of p.layer.querySelectorAll('.mark')) {
        m.classList.toggle('active', which !== null && which.id === id && m.getAttribute('data-index') === String(which.index));
      }
    }
    const m = which ? markOf(which.id, which.index) : null;
    PgCard.set('panel', which && m && m.rect ? { ...which, finding: m.finding, rect: m.rect } : null);
  }

  /**
   * Finding `index` of view `id` and the box of its mark's first line (null where it is not drawn).
   * @param {number} id @param {number} index
   * @returns {{finding: Finding, rect: DOMRect | null} | null}
   */
  function markOf(id, index) {
    const p = parts.get(id);
    const finding = p?.findings[index];
    if (!p || !finding) return null;
    const m = p.marks.find((x) => x.index === index);
    return { finding, rect: m?.rects[0] ?? null };
  }

  /**
   * The finding under a viewport point, if any (marks take no pointer events, so hover is
   * hit-tested here from the page's pointer position).
   * @param {number} x
   * @param {number} y
   * @returns {{id: number, index: number, finding: Finding, rect: DOMRect} | null}
   */
  function hit(x, y) {
    for (const [id, p] of parts) {
      if (!p.clip || x < p.clip.left || x > p.clip.right || y < p.clip.top || y > p.clip.bottom) continue;
      for (const m of p.marks) {
        for (const r of m.rects) {
          if (x >= r.left && x <= r.right && y >= r.top - 2 && y <= r.bottom + 2) return { id, index: m.index, finding: m.finding, rect: r };
        }
      }
    }
    return null;
  }

  /** A time of day as people read it on this computer, e.g. "14:05". @param {number} ms */
  function clock(ms) {
    return new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }

  /** Say something to screen-reader users without moving focus. @param {string} text */
  function announce(text) {
    root();
    if (!live) return;
    live.textContent = '';
    // A fresh text node after a frame makes repeated identical messages heard again.
    requestAnimationFrame(() => { if (live) live.textContent = text; });
  }

  /**
   * @param {{onDismiss?: (id: number, index: number) => void, onFix?: (id: number, index: number) => void, onNoticeClosed?: (id: number) => void,
   *   dismissible?: (f: Finding) => boolean, pauseOffer?: () => string | null, onPause?: () => void,
   *   onResume?: () => void}} h  `pauseOffer` labels the panel's pause button, or says there is none
   */
  function configure(h) {
    if (h.onDismiss) hooks.onDismiss = h.onDismiss;
    if (h.onFix) hooks.onFix = h.onFix;
    if (h.onNoticeClosed) hooks.onNoticeClosed = h.onNoticeClosed;
    if (h.dismissible) dismissible = h.dismissible;
    if (h.pauseOffer) hooks.pauseOffer = h.pauseOffer;
    if (h.onPause) hooks.onPause = h.onPause;
    if (h.onResume) hooks.onResume = h.onResume;
  }

  /** What the card (card.js) does with a finding: the same hooks as the panel's buttons. */
  const actions = Object.freeze({
    fix: (/** @type {number} */ id, /** @type {number} */ index) => hooks.onFix(id, index),
    dismiss: (/** @type {number} */ id, /** @type {number} */ index) => hooks.onDismiss(id, index),
    dismissible: (/** @type {Finding} */ f) => dismissible(f),
  });

  return Object.freeze({ FAMILY, SHORTCUT, root, el, mirror, render, hit, markOf, actions, announce, configure, summary, openPanel, closePanel, clock });
})();
