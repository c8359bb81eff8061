// @ts-check
/**
 * Pictures a site writes into the post itself. Blogger's image picker is a frame of Google's own
 * origin: the photo a person chooses there is uploaded by Google and arrives in the post as an <img>,
 * so no file ever passes through the page where media.js could hear it or photos.js read it. The
 * policies ask for consent whatever route a picture takes, so a picture that appears in an editor
 * of a site whose adapter says it does this (`insertedMedia`) gets the same consent reminder as an
 * attached one. Nothing is read from it: its pixels are another origin's, and fetching them would be
 * a network request (docs/security.md).
 *
 * A picture the page writes after a file postguard already heard (a dropped photo, once uploaded) is
 * that file's, which already has its reminder and its check: each file attached to a draft accounts
 * for one picture arriving in it within FILE_GRACE_MS, and only pictures beyond those are new. A
 * picture already in a post when it is opened is not new, and one the editor merely draws again
 * (same address) is not either.
 */
const PgInsertedMedia = (() => {
  /** How long after a file attached to a draft the page's own picture of it may take to appear. */
  const FILE_GRACE_MS = 30_000;
  /** What counts as a picture in the post. */
  const MEDIA = 'img, video';

  /** Files attached to each draft whose pictures have not appeared yet, and until when they may. @type {WeakMap<object, {files: number, until: number}>} */
  const pending = new WeakMap();

  /** Pictures that are not an attached file's own, of `count` new ones in `session`'s draft. @param {object} session @param {number} count */
  function unaccounted(session, count) {
    const p = pending.get(session);
    if (!p || Date.now() > p.until) return count;
    const own = Math.min(p.files, count);
    p.files -= own;
    return count - own;
  }

  /** The address that identifies a picture across the editor's redraws. @param {Element} el */
  const addressOf = (el) => el.getAttribute('src') ?? el.querySelector('source')?.getAttribute('src') ?? '';

  /** Pictures at or under `node`. @param {Node} node @returns {Element[]} */
  function picturesIn(node) {
    if (node.nodeType !== 1) return [];
    const el = /** @type {Element} */ (node);
    return [...(el.matches(MEDIA) ? [el] : []), ...el.querySelectorAll(MEDIA)];
  }

  /**
   * Watches every draft of a site that writes pictures into its posts.
   * @param {{site: () => {insertedMedia?: boolean} | null, active: () => boolean,
   *          onInserted: (session: any, count: number) => void}} hooks
   */
  function watch(hooks) {
    PgSessions.onAttach((s) => {
      if (!hooks.site()?.insertedMedia) return;
      const seen = new Set(picturesIn(s.editor).map(addressOf));
      const observer = new MutationObserver((records) => {
        if (!s.editor.isConnected) { observer.disconnect(); return; }
        let count = 0;
        for (const r of records) {
          for (const node of r.addedNodes) {
            for (const pic of picturesIn(node)) {
              const address = addressOf(pic);
              if (seen.has(address)) continue;
              seen.add(address);
              count++;
            }
          }
        }
        const fresh = count > 0 ? unaccounted(s, count) : 0;
        if (fresh > 0 && hooks.active()) hooks.onInserted(s, fresh);
      });
      observer.observe(s.editor, { childList: true, subtree: true });
    });
  }

  /** `count` files were attached to `session`'s draft (their pictures in the post are theirs). @param {object} session @param {number} count */
  function filesAttached(session, count) {
    const p = pending.get(session);
    const files = p && Date.now() <= p.until ? p.files : 0;
    pending.set(session, { files: files + count, until: Date.now() + FILE_GRACE_MS });
  }

  return Object.freeze({ watch, filesAttached });
})();
