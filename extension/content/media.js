// @ts-check
/**
 * Media consent: notices photos and videos attached to a compose box (file input, drag and drop,
 * paste) and asks the worker whether a photo carries its location in EXIF GPS.
 *
 * Only the file's leading bytes go to the worker (a JPEG's EXIF segment is at most 64 KB; 128 KB
 * also covers HEIC/PNG metadata near the start), never the whole photo, and nothing leaves the
 * browser. The page's own handling of the file is never delayed: these listeners only observe.
 */
/**
 * @typedef {object} MediaHooks
 * @property {(path: EventTarget[]) => any} sessionFor   the editor session an attachment belongs to (or null)
 * @property {(session: any, info: {count: number, location: boolean | null}, path: EventTarget[]) => void} onMedia
 *           session is null when the attachment belongs to no editor yet (Instagram asks for the
 *           photo before it shows the caption box); the reminder is then shown by the file's dialog
 * @property {() => string[]} mediaInputs  IT's selectors of inputs whose every file is a photo or video
 * @property {() => boolean} active        false while postguard is paused on this site: files are not looked at
 * @property {(session: any, files: File[], path: EventTarget[]) => void} onFiles  the files themselves, for the
 *           photo check (photos.js) to look inside, on the device
 */
const PgMedia = (() => {
  /** Leading bytes sent for EXIF parsing. */
  const HEAD_BYTES = 128 * 1024;
  const PHOTO = /^image\/(jpeg|png|heic|heif|webp|tiff)$/;

  /** @type {MediaHooks | null} */
  let hooks = null;

  /** Names of photo and video files, for files the browser gives no media type (HEIC on Windows, MKV). */
  const MEDIA_NAME = /\.(jpe?g|png|gif|webp|heic|heif|avif|tiff?|bmp|dng|mp4|m4v|mov|qt|mkv|webm|avi|wmv|3gp|hevc)$/i;

  /** @param {File} f */
  const isMedia = (f) => f.type.startsWith('image/') || f.type.startsWith('video/') ||
    ((f.type === '' || f.type === 'application/octet-stream') && MEDIA_NAME.test(f.name));

  /**
   * @param {Uint8Array} bytes
   * @returns {string}
   */
  function base64(bytes) {
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  }

  /**
   * Whether the photo records where it was taken; null if that could not be checked.
   * @param {File} file
   * @returns {Promise<boolean | null>}
   */
  async function hasLocation(file) {
    if (!PHOTO.test(file.type)) return false;
    try {
      const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
      /** @type {{ok: true, location: boolean} | {ok: false, error: string}} */
      const reply = await PgBrowser.request({ type: 'media', name: file.name, mime: file.type, head: base64(head) }, 5000);
      return reply.ok ? reply.location === true : null;
    } catch {
      return null;
    }
  }

  /**
   * @param {EventTarget[]} path
   * @param {FileList | File[] | null | undefined} list
   * @param {boolean} [designated]  chosen through an input IT says attaches media: every file counts
   */
  async function inspect(path, list, designated = false) {
    if (!hooks || !list || !hooks.active()) return;
    const files = Array.from(list).filter((f) => designated || isMedia(f));
    if (files.length === 0) return;
    const session = hooks.sessionFor(path);
    hooks.onMedia(session, { count: files.length, location: false }, path);
    hooks.onFiles(session, files, path);
    const found = await Promise.all(files.map(hasLocation));
    const location = found.includes(true) ? true : found.every((x) => x === false) ? false : null;
    hooks.onMedia(session, { count: files.length, location }, path);
  }

  /** @param {Event} e */
  const onChange = (e) => {
    const t = e.composedPath()[0];
    // A file input of any realm (a same-origin frame's, frames.js).
    if (!PgFrames.isInput(t) || t.type !== 'file') return;
    const designated = (hooks?.mediaInputs() ?? []).some((css) => t.matches(css));
    void inspect(e.composedPath(), t.files, designated);
  };
  window.addEventListener('change', onChange, { capture: true, passive: true });
  /** @param {DragEvent} e */
  const onDrop = (e) => { void inspect(e.composedPath(), e.dataTransfer?.files); };
  /** @param {ClipboardEvent} e */
  const onPaste = (e) => { void inspect(e.composedPath(), e.clipboardData?.files); };
  window.addEventListener('drop', onDrop, { capture: true, passive: true });
  window.addEventListener('paste', onPaste, { capture: true, passive: true });

  /** @param {MediaHooks} h */
  function configure(h) {
    hooks = h;
  }

  /**
   * `change` is not a composed event: a file input inside a shadow root (LinkedIn's share box)
   * is only heard from inside that root; nor does one in a same-origin frame's document (frames.js).
   * No event of a frame's document reaches the top window at all, so a photo dropped or pasted into
   * a framed editor (Blogger's field, WordPress's canvas) is heard from the frame's document too.
   * @param {ShadowRoot | Document} root
   */
  function observe(root) {
    root.addEventListener('change', onChange, { capture: true, passive: true });
    if (root.nodeType === 9) {
      root.addEventListener('drop', /** @type {EventListener} */ (onDrop), { capture: true, passive: true });
      root.addEventListener('paste', /** @type {EventListener} */ (onPaste), { capture: true, passive: true });
    }
  }

  return Object.freeze({ configure, observe });
})();
