// @ts-check
/**
 * The content script's line to the photo checker (extension/photo/): an invisible frame of the
 * extension's own origin, added to postguard's shadow root on the first attached photo and removed
 * after a minute without one, which also ends the OCR engine and frees its memory.
 *
 * The page's own CSP forbids WebAssembly here, and OCR would block the page's thread; the frame
 * runs in the extension's process. The photo goes to it as a `File` over a private
 * MessageChannel (its port is posted to the frame's exact origin only), so no bytes are copied on
 * the page's thread and nothing leaves the browser.
 */
const PgPhotoFrame = (() => {
  /** Unused this long, the frame (and the engine in it) is removed. */
  const IDLE_MS = 60_000;
  /** The frame must say it is ready within this (it only loads its own script). */
  const CONNECT_MS = 10_000;

  /** @type {HTMLIFrameElement | null} */
  let frame = null;
  /** @type {Promise<MessagePort> | null} */
  let connecting = null;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let idle;
  let nextId = 1;
  /** @type {Map<number, {onProgress: (f: number) => void, resolve: (reply: any) => void}>} */
  const waiting = new Map();

  /**
   * The origin the frame's document has, the only one its port may be posted to. Chromium serves a
   * `use_dynamic_url` page at a per-session address, but the page it loads has the extension's own
   * origin (chrome-extension://<id>), so a port posted to the address's origin would be dropped;
   * Firefox's address is the extension's origin itself.
   * @param {string} url  the address the frame was given
   */
  function frameOrigin(url) {
    const u = new URL(url);
    return u.protocol === 'chrome-extension:' ? `chrome-extension://${chrome.runtime.id}` : u.origin;
  }

  /** Adds the frame and hands it one end of a channel. @returns {Promise<MessagePort>} */
  function connect() {
    if (connecting) return connecting;
    connecting = new Promise((resolve, reject) => {
      const url = chrome.runtime.getURL('photo/photo-check.html');
      const f = /** @type {HTMLIFrameElement} */ (PgOverlay.el('iframe', { src: url, title: 'postguard photo check', 'aria-hidden': 'true', tabindex: '-1', class: 'photo-frame' }));
      f.style.cssText = 'position:fixed;width:0;height:0;border:0;visibility:hidden;';
      const timer = setTimeout(() => { drop(); reject(new Error('photo checker did not start')); }, CONNECT_MS);
      f.addEventListener('load', () => {
        const { port1, port2 } = new MessageChannel();
        port1.onmessage = (e) => {
          const data = e.data;
          if (data?.ready) { clearTimeout(timer); resolve(port1); return; }
          const w = waiting.get(data?.id);
          if (!w) return;
          if (data.done) { waiting.delete(data.id); w.resolve(data); } else if (typeof data.progress === 'number') w.onProgress(data.progress);
        };
        f.contentWindow?.postMessage('postguard-photo-port', frameOrigin(url), [port2]);
      }, { once: true });
      frame = f;
      PgOverlay.root().append(f);
    });
    connecting.catch(() => {});
    return connecting;
  }

  /** Removes the frame; replies still awaited count as failed. */
  function drop() {
    clearTimeout(idle);
    frame?.remove();
    frame = null;
    connecting = null;
    for (const w of waiting.values()) w.resolve({ ok: false, error: 'photo checker stopped' });
    waiting.clear();
  }

  /**
   * Checks one photo; resolves with the checker's reply (`{ok, findings, thumbnail}`, `{ok,
   * unsupported}` or `{ok: false}`), never rejects.
   * @param {File} file
   * @param {{text: boolean, faces: boolean, budgetMs?: number}} look  what IT lets it look for (photoText,
   *        photoFaces), and for a video how long its frames may be looked at
   * @param {(fraction: number) => void} onProgress
   * @returns {Promise<any>}
   */
  async function check(file, look, onProgress) {
    clearTimeout(idle);
    try {
      const port = await connect();
      const id = nextId++;
      const reply = await new Promise((resolve) => {
        waiting.set(id, { onProgress, resolve });
        port.postMessage({ id, file, text: look.text, faces: look.faces, budgetMs: look.budgetMs });
      });
      return reply;
    } catch {
      return { ok: false, error: 'photo checker unavailable' };
    } finally {
      if (waiting.size === 0) idle = setTimeout(drop, IDLE_MS);
    }
  }

  return Object.freeze({ check, release: drop });
})();
