// @ts-check
/**
 * Looks inside a photo attached to a compose box, on the device: reads its text (ocr.js) and runs
 * it through the same analyser as a typed draft, in the service worker.
 *
 * This page is an invisible frame of the extension's own origin that the content script adds to
 * its shadow root on the first attachment (and removes when idle). The photo (a `File`, passed by
 * reference, never copied through the page) reaches it over a private MessageChannel; decoding,
 * downscaling and OCR happen here and in the engine's worker, never on the page's thread. Nothing of
 * the photo is stored or sent anywhere: what goes back is the findings, the regions of the photo
 * they cover (fractions of its size) and a small thumbnail for the dialog.
 */
import { fitWithin, regionsOf, textOf } from './reading.js';
import { readWords, release } from './ocr.js';

/**
 * Longest side a photo is read at. Text at least 20 px high in a 1080-px photo stays readable, and
 * a 12-megapixel phone photo becomes ~2.4 megapixels (docs/performance.md).
 */
const READ_SIDE = 1800;
/** Longest side of the thumbnail the dialog shows. */
const THUMB_SIDE = 160;

/**
 * @typedef {object} PhotoRequest
 * @property {number} id
 * @property {File} file
 *
 * @typedef {object} PhotoFinding   a finding of the analyser, read from the photo
 * @property {import('./reading.js').Region[]} regions
 */

/** @type {MessagePort | null} */
let port = null;

window.addEventListener('message', (e) => {
  // The content script hands over one port, once; everything else goes through it.
  if (port || !e.ports[0]) return;
  port = e.ports[0];
  port.onmessage = (m) => void answer(/** @type {PhotoRequest} */ (m.data));
  port.postMessage({ ready: true });
});

/** @param {PhotoRequest} request */
async function answer(request) {
  const { id, file } = request;
  const send = (/** @type {object} */ message, /** @type {Transferable[]} */ transfer = []) => port?.postMessage({ id, ...message }, transfer);
  try {
    if (!(file instanceof Blob) || !file.type.startsWith('image/')) {
      send({ done: true, ok: true, unsupported: true });
      return;
    }
    let bitmap;
    try {
      bitmap = await createImageBitmap(file);
    } catch {
      // A format this browser cannot decode (HEIC on most): the generic reminder stands.
      send({ done: true, ok: true, unsupported: true });
      return;
    }
    const read = fitWithin(bitmap.width, bitmap.height, READ_SIDE);
    const scaled = read.scale < 1
      ? await createImageBitmap(bitmap, { resizeWidth: read.width, resizeHeight: read.height, resizeQuality: 'high' })
      : bitmap;
    const small = fitWithin(bitmap.width, bitmap.height, THUMB_SIDE);
    const thumbnail = await createImageBitmap(bitmap, { resizeWidth: small.width, resizeHeight: small.height, resizeQuality: 'medium' });
    if (scaled !== bitmap) bitmap.close();
    const words = await readWords(scaled, (fraction) => send({ progress: Math.min(0.95, fraction) }));
    scaled.close();
    const { text, spans } = textOf(words);
    /** @type {any[]} */
    let findings = [];
    if (text !== '') {
      const reply = await chrome.runtime.sendMessage({ type: 'analyze', text });
      if (!reply?.ok || !Array.isArray(reply.findings)) throw new Error('analysis unavailable');
      findings = reply.findings.map((/** @type {any} */ f) => ({
        ...f,
        source: 'media',
        // A photo's words cannot be edited from here: no text fixes, no cue offsets into the draft.
        fixes: [],
        cues: undefined,
        excerpt: text.slice(f.start, f.end).replace(/\s+/g, ' '),
        regions: regionsOf(f, spans, read.width, read.height),
      }));
    }
    send({ done: true, ok: true, findings, thumbnail, words: spans.length }, [thumbnail]);
  } catch (e) {
    send({ done: true, ok: false, error: e instanceof Error ? e.name : 'failed' });
  }
}

// The content script removes this frame when idle, which ends the engine's worker with it; this
// covers a frame that stays because its page is kept in the back/forward cache.
window.addEventListener('pagehide', () => void release());
