// @ts-check
/**
 * Attached photos and videos, connected to the drafts they belong to: which compose box an
 * attachment goes with (the caption box, where a site opens one for it), where its reminder stands
 * until then, and which photos are read for text. Noticing attachments is media.js's job (and
 * inserted-media.js's, for pictures a site writes into the post itself) and reading a photo is
 * photos.js's; this file only ties them to the sessions and to what is drawn.
 */
const PgAttachments = (() => {
  /** How long a photo's reminder waits for the caption box the site opens for it (adapter `captions`). */
  const CAPTION_WAIT_MS = 5000;
  /**
   * A reminder waiting for its caption box: on WhatsApp the file input sits by the chat's message
   * box, but the photo is sent from a media editor that opens over the chat with its own caption.
   * @type {{info: {count: number, location: boolean | null}, until: number} | null}
   */
  let awaitingCaption = null;
  /** The site's open caption box, if it names one. */
  function captionSession() {
    const id = PgSettings.site()?.captions;
    return id ? PgSessions.all().find((s) => s.editor.isConnected && s.surface?.id === id) ?? null : null;
  }

  /**
   * Where a reminder or photo check belongs when no editor does yet: the compose dialog (or form)
   * the file was chosen in.
   * @param {EventTarget[]} path
   */
  function pageAnchor(path) {
    const first = path.find((n) => n instanceof Element);
    return first ? PgDiscovery.closestComposed(first, '[role="dialog"], form') ?? first.parentElement : null;
  }

  /** Connects media.js and photos.js to the sessions; called once at start-up (main.js). */
  function wire() {
    PgSessions.onAttach((s) => {
      if (!awaitingCaption || s.surface?.id !== PgSettings.site()?.captions) return;
      if (Date.now() <= awaitingCaption.until) {
        s.media = awaitingCaption.info;
        PgDrawing.setPageMedia(null);
        PgDrawing.requestDraw();
      }
      awaitingCaption = null;
    });
    PgPhotos.onChange(() => PgDrawing.requestDraw());
    PgMedia.configure({
      onFiles(s, files, path) {
        // Their pictures, when the site writes them into the post, are these files'.
        if (s) PgInsertedMedia.filesAttached(s, files.length);
        const { photoText, photoFaces } = PgSettings.current();
        if (!photoText && !photoFaces) return;
        // Photos, and videos (their first frame and one every few seconds: photo/video-frames.js).
        const photos = files.filter((f) => f.type.startsWith('image/') || f.type.startsWith('video/'));
        const owner = s ?? pageAnchor(path);
        if (photos.length && owner) PgPhotos.check(owner, photos);
      },
      mediaInputs: () => PgSettings.site()?.attachments ?? [],
      active: () => PgSettings.site() !== null && !PgPause.until(),
      sessionFor(path) {
        // A site whose attachments get their own caption box: that box, once it is open.
        if (PgSettings.site()?.captions) return captionSession();
        const list = PgSessions.all().filter((s) => s.editor.isConnected);
        const direct = list.find((s) => path.includes(s.editor));
        if (direct) return direct;
        // The compose box the file input or drop target belongs to: nearest common container.
        for (const node of path) {
          if (!(node instanceof Element) || node === document.body || node === document.documentElement) continue;
          const s = list.find((x) => node.contains(x.editor));
          if (s) return s;
        }
        return null;
      },
      onMedia: remind,
    });
    // A picture the site writes into the post from a picker postguard cannot see into (Blogger's).
    PgInsertedMedia.watch({
      site: () => PgSettings.site(),
      active: () => PgSettings.site() !== null && !PgPause.until(),
      onInserted: (s, count) => remind(s, { count, location: null }, []),
    });
  }

  /**
   * Shows the consent reminder for `info` by its draft, or by the file's dialog until the draft opens.
   * @param {any} s  the draft's session, or null
   * @param {{count: number, location: boolean | null}} info
   * @param {EventTarget[]} path  where the file came from
   */
  function remind(s, info, path) {
    const site = PgSettings.site();
    if (!site) return;
    // The location answer comes later than the first reminder, when the caption box may be open.
    if (!s && site.captions) s = captionSession();
    // Until the caption box opens, the reminder stands by the file input (below), then moves to it.
    awaitingCaption = site.captions && !s ? { info, until: Date.now() + CAPTION_WAIT_MS } : null;
    if (s) s.media = info;
    else {
      const anchor = pageAnchor(path);
      PgDrawing.setPageMedia(anchor ? { anchor, info } : null);
    }
    if (info.location === true) PgOverlay.announce('This photo contains its location. Remove it before posting.');
    else PgOverlay.announce('Photo or video attached: check you have consent to share it.');
    PgDrawing.requestDraw();
  }

  return Object.freeze({ wire });
})();
