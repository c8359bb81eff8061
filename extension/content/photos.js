// @ts-check
/**
 * What attached photos showed, per compose box: each photo's check (still running, with its
 * progress; done, with the findings read from it; not possible for this file type; failed), so the
 * gate can treat findings from a photo like typed ones (DESIGN §2: `data-source="media"`).
 *
 * Findings come from the photo checker (photo-frame.js); this file never looks at the photo or its
 * words itself. An owner is the editor session the photo was attached beside, or, where the photo
 * comes before any editor (Instagram asks for the photo first), the element of the compose dialog
 * it was chosen in: its findings then count for any submit while that dialog is on the page.
 * Nothing of a photo is kept beyond its findings and a small thumbnail, and those go when the post is
 * sent or the compose box goes away.
 */
/**
 * @typedef {object} PhotoCheck
 * @property {'checking' | 'done' | 'unsupported' | 'failed'} state
 * @property {number} progress           0–1 while checking
 * @property {Finding[]} findings        read from the photo (`source: 'media'`)
 * @property {ImageBitmap | null} thumbnail
 * @property {ImageBitmap[]} frames      for a video: the thumbnails of the frames findings came from
 * @property {boolean} video             a video, of which frames a few seconds apart are looked at
 * @property {boolean} accepted          the person chose "Post anyway" with it
 * @property {Promise<void>} done
 */
const PgPhotos = (() => {
  /** The share of IT's photo wait (photoWaitSeconds) a video's frames may be looked at for. */
  const VIDEO_BUDGET_SHARE = 0.9;
  /** @type {Map<object, PhotoCheck[]>} */
  const byOwner = new Map();
  /** @type {() => void} */
  let changed = () => {};

  /** @param {object} owner */
  const alive = (owner) => (owner instanceof Element ? owner.isConnected : /** @type {Session} */ (owner).editor.isConnected);

  /**
   * Starts checking `files` for `owner`, one after another (one engine, one photo at a time).
   * @param {object} owner
   * @param {File[]} files
   */
  function check(owner, files) {
    const list = byOwner.get(owner) ?? [];
    byOwner.set(owner, list);
    let before = Promise.resolve();
    for (const file of files) {
      /** @type {PhotoCheck} */
      const c = { state: 'checking', progress: 0, findings: [], thumbnail: null, frames: [], video: file.type.startsWith('video/'), accepted: false, done: Promise.resolve() };
      const previous = before;
      c.done = previous.then(async () => {
        const { photoText, photoFaces, photoWaitSeconds } = PgSettings.current();
        // A video's frames after the first are looked at for a little less than a submit waits for a
        // check, so a long video's answer (or the generic note) comes within a wait's length.
        const budgetMs = Math.round(photoWaitSeconds * 1000 * VIDEO_BUDGET_SHARE);
        const reply = await PgPhotoFrame.check(file, { text: photoText, faces: photoFaces, budgetMs }, (p) => { c.progress = p; changed(); });
        if (reply.ok && reply.unsupported) c.state = 'unsupported';
        else if (reply.ok) {
          c.thumbnail = reply.thumbnail ?? null;
          c.frames = Array.isArray(reply.thumbnails) ? reply.thumbnails : [];
          c.findings = (reply.findings ?? []).map((/** @type {Finding} */ f) => ({
            ...f, source: 'media', thumbnail: typeof f.frame === 'number' ? c.frames[f.frame] ?? null : c.thumbnail,
          }));
          // A video not looked at whole (its budget ran out) is not called clear: what was found
          // counts, and the generic note stands for the rest.
          c.state = reply.partial && !c.findings.length ? 'unsupported' : 'done';
        } else c.state = 'failed';
        c.progress = 1;
        changed();
      });
      before = c.done;
      list.push(c);
    }
    changed();
  }

  /**
   * The photo checks a submit of these drafts depends on: theirs, and those of compose dialogs
   * without an editor of their own that are still on the page.
   * @param {Session[]} sessions
   */
  function checksFor(sessions) {
    /** @type {PhotoCheck[]} */
    const out = [];
    for (const [owner, list] of byOwner) {
      if (!alive(owner)) { forget(owner); continue; }
      if (owner instanceof Element || sessions.includes(/** @type {Session} */ (owner))) out.push(...list);
    }
    return out;
  }

  /** @param {object} owner */
  function forget(owner) {
    for (const c of byOwner.get(owner) ?? []) {
      c.thumbnail?.close();
      for (const t of c.frames) t.close();
    }
    byOwner.delete(owner);
  }

  /**
   * @param {Session[]} sessions
   * @returns {Verdict}
   */
  function verdict(sessions) {
    const checks = checksFor(sessions);
    if (checks.some((c) => c.state === 'checking')) return 'pending';
    if (gating(sessions).length) return 'gate';
    return checks.some((c) => c.state === 'failed') ? 'failed' : 'clear';
  }

  /** Findings from photos that pause a submit of these drafts. @param {Session[]} sessions */
  function gating(sessions) {
    return checksFor(sessions).filter((c) => !c.accepted).flatMap((c) => c.findings.filter((f) => f.action !== 'inform'));
  }

  /** Whether a photo these drafts depend on is still being checked. @param {Session[]} sessions */
  function checking(sessions) {
    return checksFor(sessions).some((c) => c.state === 'checking');
  }

  /** Progress of the checks still running (0–1), for "Checking the photo…". @param {Session[]} sessions */
  function progress(sessions) {
    const running = checksFor(sessions).filter((c) => c.state === 'checking');
    return running.length ? running.reduce((sum, c) => sum + c.progress, 0) / running.length : 1;
  }

  /**
   * Waits until every photo these drafts depend on is checked, or `ms` passed.
   * @param {Session[]} sessions
   * @param {number} ms
   */
  async function settle(sessions, ms) {
    const checks = checksFor(sessions).filter((c) => c.state === 'checking');
    if (!checks.length) return;
    let timer;
    await Promise.race([
      Promise.all(checks.map((c) => c.done)),
      new Promise((resolve) => { timer = setTimeout(resolve, ms); }),
    ]);
    clearTimeout(timer);
  }

  /** The person chose "Post anyway" with these photos as they are. @param {Session[]} sessions */
  function accept(sessions) {
    for (const c of checksFor(sessions)) c.accepted = true;
  }

  /** The post went: its photos went with it. @param {Session[]} sessions */
  function sent(sessions) {
    for (const owner of [...byOwner.keys()]) {
      if (owner instanceof Element || sessions.includes(/** @type {Session} */ (owner))) forget(owner);
    }
  }

  /** What the reminder beside the compose box says of its photos. @param {object} owner */
  function summary(owner) {
    const list = byOwner.get(owner) ?? [];
    if (!list.length) return null;
    if (list.some((c) => c.state === 'checking')) return 'checking';
    if (list.some((c) => c.findings.length)) return 'found';
    if (list.some((c) => c.state === 'failed' || c.state === 'unsupported')) return null;
    return 'clear';
  }

  /** Whether a video is among this compose box's attachments (only some of its frames are looked at). @param {object} owner */
  function sampled(owner) {
    return (byOwner.get(owner) ?? []).some((c) => c.video);
  }

  /**
   * A small picture of the photo a finding came from, with the regions it covers outlined: drawn on
   * a canvas (a page's CSP may forbid image URLs, never a canvas).
   * @param {Finding} f
   * @returns {HTMLCanvasElement | null}
   */
  function thumbnail(f) {
    if (!f.thumbnail) return null;
    const canvas = /** @type {HTMLCanvasElement} */ (PgOverlay.el('canvas', { class: 'photo-thumb', role: 'img', 'aria-label': 'The attached photo, with what was found outlined' }));
    canvas.width = f.thumbnail.width;
    canvas.height = f.thumbnail.height;
    const g = canvas.getContext('2d');
    if (!g) return null;
    g.drawImage(f.thumbnail, 0, 0);
    g.lineWidth = 2;
    g.strokeStyle = '#d5281b';
    for (const r of f.regions ?? []) {
      g.strokeRect(r.x * canvas.width - 2, r.y * canvas.height - 2, r.w * canvas.width + 4, r.h * canvas.height + 4);
    }
    return canvas;
  }

  return Object.freeze({
    check, verdict, gating, checking, progress, settle, accept, sent, summary, sampled, thumbnail,
    /** @param {() => void} f  called when a check moves on (redraw, re-decide) */
    onChange: (f) => { changed = f; },
  });
})();
