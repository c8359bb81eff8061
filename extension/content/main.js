// @ts-check
/**
 * Wiring: connects the content script's parts and starts them. Sessions (sessions.js) analyse what
 * discovery (discovery.js) finds; drawing (drawing.js) shows the findings through the overlay; the
 * gate (gate.js) asks the sessions and the submit controls (submit-controls.js) about each submit;
 * the page's settings (page-settings.js) and pauses (pausing.js) shape all of it; boxes no session
 * covers are shown as not checked (unwatched.js), and the toolbar button says which (toolbar-status.js);
 * attachments are tied to their drafts in attachments.js.
 *
 * Frugal by design (uBlock Origin Lite's habits): one MutationObserver for discovery whose records
 * are batched, one small observer per editor, no polling, all drawing in one animation frame. What
 * is risky is decided only by the analyser in the worker; no file of the content script looks at words.
 */
(() => {
  // The content script runs only where the manifest or the worker put it: a built-in site, or a host
  // IT added (whose adapter is known once the settings arrive, below).
  if (!PgSettings.site() && !PgSettings.onAddedHost()) return;

  PgGate.configure({
    clickHit: PgControls.clickHit,
    keyHit: PgControls.keyHit,
    formHit: PgControls.formHit,
    verdict: (list) => PgPause.until() ? 'clear' : combine(PgSessions.verdict(list), PgPhotos.verdict(list)),
    async settle(list) {
      await PgReadiness.settle(list);
      await settlePhotos(list);
    },
    queued: (list) => PgSessions.setChecking(list, true),
    settings: PgSettings.current,
    // Every draft the submit sends is listed, so one "Post anyway" answers for all of them (an X
    // thread's items), rather than a second dialog for the second risky item.
    gating(list) {
      /** @type {Session | null} */
      let first = null;
      /** @type {Finding[]} */
      const findings = [];
      /** @type {string[]} */
      const excerpts = [];
      /** @type {Session[]} */
      const owners = [];
      for (const s of list) {
        const text = PgText.read(s.editor).text;
        for (const f of PgSessions.gatingOf(s, text)) {
          first ??= s;
          findings.push(f);
          excerpts.push(text.slice(f.start, f.end));
          owners.push(s);
        }
      }
      // What was read in attached photos, pausing like typed words (DESIGN §2: data-source="media").
      for (const f of PgPhotos.gating(list)) {
        findings.push(f);
        excerpts.push(f.excerpt ?? '');
        owners.push(list[0]);
      }
      return { session: first ?? list[0], findings, excerpts, owners };
    },
    async fix(owners, findings) {
      for (const s of new Set(owners)) {
        const mine = findings.filter((_, i) => owners[i] === s);
        const text = s.analysedText ?? '';
        const ok = await PgFixes.applyAll(s.editor, text, mine);
        await PgSessions.analyseNow(s);
        if (!ok) return false;
      }
      return true;
    },
    returnToEditor(s) {
      PgOverlay.closePanel(false);
      if (!s || !s.editor.isConnected) return;
      s.editor.focus();
      const text = PgText.read(s.editor).text;
      const first = PgSessions.gatingOf(s, text)[0];
      if (first) PgText.placeCaret(PgText.read(s.editor), first.start);
      PgDrawing.requestDraw();
    },
    accepted(list) {
      for (const s of list) s.accepted = PgText.read(s.editor).text;
      PgPhotos.accept(list);
    },
    sent: PgPhotos.sent,
  });

  /**
   * One verdict for a submit from the draft's and its photos' own: a check still running decides
   * first, then anything that pauses, then a check that failed.
   * @param {Verdict} a @param {Verdict} b @returns {Verdict}
   */
  function combine(a, b) {
    for (const v of /** @type {Verdict[]} */ (['pending', 'gate', 'failed'])) if (a === v || b === v) return v;
    return 'clear';
  }

  /**
   * A submit whose photo is still being checked waits for it, saying "Checking the photo…" with its
   * progress on the badge, for at most as long as IT allows (photoWaitSeconds); a check still running
   * then counts as failed, and policy's failClosed decides.
   * @param {Session[]} list
   */
  async function settlePhotos(list) {
    if (!PgPhotos.checking(list)) return;
    PgSessions.setChecking(list, true);
    PgOverlay.announce('Checking the photo before it is posted.');
    try {
      await PgPhotos.settle(list, PgSettings.current().photoWaitSeconds * 1000);
    } finally {
      PgSessions.setChecking(list, false);
    }
  }

  /** Whether the Trust lets people dismiss a finding for this draft. @param {Finding} f */
  const dismissible = (f) => f.action === 'inform' || (f.action === 'warn' && PgSettings.current().allowOverride);

  PgOverlay.configure({
    dismissible,
    async onFix(id, index) {
      const s = PgSessions.byId(id);
      const shown = s?.visible[index];
      if (!s || !shown) return;
      // The panel may show findings of a moment ago (typing since): fix the same finding in the
      // draft as it is now.
      const key = PgSessions.keyOf(shown, s.analysedText ?? '');
      await PgSessions.analyseNow(s);
      const f = s.findings.find((g) => PgSessions.keyOf(g, s.analysedText ?? '') === key);
      const fix = f?.fixes?.[0];
      if (!fix) return;
      const ok = await PgFixes.apply(s.editor, s.analysedText ?? '', fix);
      await PgSessions.analyseNow(s);
      PgOverlay.announce(ok ? `Fixed: ${fix.label}. Undo (Ctrl+Z) takes it back.` : 'postguard could not make that change. Your draft is as it was; edit it yourself.');
      PgDrawing.requestDraw();
    },
    onDismiss(id, index) {
      const s = PgSessions.byId(id);
      const f = s?.visible[index];
      if (!s || !f || !dismissible(f)) return;
      s.dismissed.add(PgSessions.keyOf(f, s.analysedText ?? ''));
      PgOverlay.announce(`Dismissed for this draft: ${f.title}.`);
      PgDrawing.requestDraw();
    },
    onNoticeClosed(id) {
      const s = PgSessions.byId(id);
      if (s) s.media = null;
      if (id === PgDrawing.PAGE_VIEW) PgDrawing.setPageMedia(null);
      PgDrawing.requestDraw();
    },
    pauseOffer: () => (PgSettings.current().allowPause && PgSettings.site() ? `Pause on this site for ${PAUSE_MINUTES / 60} hour` : null),
    onPause: () => void PgPause.request(true),
    onResume: () => void PgPause.request(false),
  });

  PgAttachments.wire();

  /** The `extraSites` entry this page's adapter was built from, to rebuild it only when IT changes it. */
  let addedAs = '';

  PgSettings.configure((settings) => {
    PgPause.changed();
    if (PgSettings.onAddedHost()) {
      const entry = PgSettings.addedEntry();
      // IT took this host out of the policy: the worker unregisters the script; this page lets go now.
      if (!entry) { if (PgSettings.site()) shutDown(); return; }
      const key = JSON.stringify(entry);
      if (key === addedAs) return;
      addedAs = key;
      PgSettings.setSite(PgAdapters.forAdded(entry));
      if (document.documentElement) PgDiscovery.scan(document);
      PgStatus.report();
      return;
    }
    const id = PgAdapters.forHost(location.hostname)?.id;
    if (Array.isArray(settings.enabledSites) && id && !settings.enabledSites.includes(id)) {
      shutDown();
      return;
    }
    if (settings.selectors && PgSettings.site()) {
      PgSettings.setSite(PgAdapters.forHost(location.hostname, settings.selectors));
      if (document.documentElement) PgDiscovery.scan(document);
    }
  });

  /** IT has not enabled postguard on this site: let go of everything, draw nothing, gate nothing. */
  function shutDown() {
    PgSettings.setSite(null);
    PgDiscovery.stop();
    for (const s of PgSessions.all()) PgSessions.detach(s);
    PgDrawing.setPageMedia(null);
    PgUnwatched.clear();
    PgOverlay.render([]);
    PgStatus.report();
  }

  // A same-origin frame the adapter names (the WordPress canvas): watched as the top document is.
  PgFrames.onDocument((doc) => {
    if (!doc.defaultView) return;
    PgGate.observeFrame(doc.defaultView);
    PgShortcut.observeFrame(doc.defaultView);
    PgDrawing.observeFrame(doc);
    PgMedia.observe(doc);
    PgDiscovery.watchDocument(doc);
  });
  PgDiscovery.listen();
  PgUnwatched.listen();
  PgDrawing.listen();
  PgCard.listen();
  PgShortcut.listen();
  void PgSettings.load();

  // A new policy (IT's arrived after start-up, or changed): new contacts and choices, and every open
  // draft re-checked under it, without reloading the page.
  PgBrowser.onPolicyChanged(() => {
    void PgSettings.load();
    PgSessions.recheckAll();
  });

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', PgDiscovery.start, { once: true });
  else PgDiscovery.start();
})();
