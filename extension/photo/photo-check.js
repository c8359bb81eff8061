// @ts-check
/**
 * Looks inside a photo attached to a compose box, on the device: reads its text (ocr.js) and runs
 * it through the same analyser as a typed draft, in the service worker; and looks for faces
 * (faces.js), which the service worker's policy turns into a consent finding (people-in-photo).
 * The two run side by side, each in its own worker.
 *
 * This page is an invisible frame of the extension's own origin that the content script adds to
 * its shadow root on the first attachment (and removes when idle). The photo (a `File`, passed by
 * reference, never copied through the page) reaches it over a private MessageChannel; decoding,
 * downscaling and OCR happen here and in the engine's worker, never on the page's thread. Nothing of
 * the photo is stored or sent anywhere: what goes back is the findings, the regions of the photo
 * they cover (fractions of its size) and a small thumbnail for the dialog.
 */
import { fitWithin, regionsOf, textOf } from './reading.js';
import { readWords, release as releaseOcr } from './ocr.js';
import { findFaces, release as releaseFaces } from './faces.js';
import { FACE_SIDE } from './face-net.js';
import { inkOf, skewOf, turnedSize, unturn } from './deskew.js';

/**
 * Longest side a photo is read at. Text at least 20 px high in a 1080-px photo stays readable, and
 * a 12-megapixel phone photo becomes ~2.4 megapixels (docs/performance.md).
 */
const READ_SIDE = 1800;
/** Most faces reported for one photo (the service worker accepts no more). */
const MAX_FACES = 1000;
/** Longest side of the copy the text's slant is judged on. */
const SKEW_SIDE = 800;
/** Longest side of the thumbnail the dialog shows. */
const THUMB_SIDE = 160;

/**
 * @typedef {object} PhotoRequest
 * @property {number} id
 * @property {File} file
 * @property {boolean} [text]    read its text (IT's photoText; default true)
 * @property {boolean} [faces]   look for faces (IT's photoFaces; default true)
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
    // Faces are looked for in a copy at the network's size (it moves to the face worker, and a
    // high-quality downscale here keeps small faces clearer than the worker's canvas would), while
    // the OCR reads the text.
    const net = fitWithin(scaled.width, scaled.height, FACE_SIDE);
    const forFaces = request.faces !== false
      ? await createImageBitmap(scaled, { resizeWidth: net.width, resizeHeight: net.height, resizeQuality: 'high' })
      : null;
    const [textFindings, faceFindings] = await Promise.all([
      request.text !== false ? readText(scaled, read, send) : Promise.resolve({ findings: [], words: 0 }),
      forFaces ? peopleIn(forFaces) : Promise.resolve({ findings: [], faces: 0 }),
    ]);
    scaled.close();
    const findings = [...faceFindings.findings, ...textFindings.findings];
    send({ done: true, ok: true, findings, thumbnail, words: textFindings.words, faces: faceFindings.faces }, [thumbnail]);
  } catch (e) {
    send({ done: true, ok: false, error: e instanceof Error ? e.name : 'failed' });
  }
}

/**
 * The findings of the text read in the photo, with the regions of the photo each covers.
 * @param {ImageBitmap} image
 * @param {{width: number, height: number}} read  the size it is read at
 * @param {(message: object) => void} send
 */
async function readText(image, read, send) {
  // Text photographed at a slant is turned level first (deskew.js), and its words' boxes turned back.
  const skew = await slantOf(image);
  let words;
  if (skew === 0) {
    words = await readWords(image, (fraction) => send({ progress: Math.min(0.95, fraction) }));
  } else {
    const turned = turnedSize(image.width, image.height, -skew);
    const canvas = new OffscreenCanvas(turned.width, turned.height);
    const g = /** @type {OffscreenCanvasRenderingContext2D} */ (canvas.getContext('2d'));
    g.fillStyle = '#fff';
    g.fillRect(0, 0, turned.width, turned.height);
    g.translate(turned.width / 2, turned.height / 2);
    g.rotate((-skew * Math.PI) / 180);
    g.drawImage(image, -image.width / 2, -image.height / 2);
    const level = canvas.transferToImageBitmap();
    try {
      words = (await readWords(level, (fraction) => send({ progress: Math.min(0.95, fraction) })))
        .map((w) => ({ ...w, rect: unturn(w.rect, -skew, turned, image.width, image.height) }));
    } finally {
      level.close();
    }
  }
  const { text, spans } = textOf(words);
  if (text === '') return { findings: [], words: 0 };
  const reply = await chrome.runtime.sendMessage({ type: 'analyze', text });
  if (!reply?.ok || !Array.isArray(reply.findings)) throw new Error('analysis unavailable');
  const findings = reply.findings.map((/** @type {any} */ f) => ({
    ...f,
    source: 'media',
    // A photo's words cannot be edited from here: no text fixes, no cue offsets into the draft.
    fixes: [],
    cues: undefined,
    excerpt: text.slice(f.start, f.end).replace(/\s+/g, ' '),
    regions: regionsOf(f, spans, read.width, read.height),
  }));
  return { findings, words: spans.length };
}

/**
 * The slant of the text in `image`, in degrees (0: level, or no text to tell by), judged on a small
 * copy (SKEW_SIDE): the lines' direction does not need every pixel.
 * @param {ImageBitmap} image
 */
async function slantOf(image) {
  const small = fitWithin(image.width, image.height, SKEW_SIDE);
  const canvas = new OffscreenCanvas(small.width, small.height);
  const g = /** @type {OffscreenCanvasRenderingContext2D} */ (canvas.getContext('2d', { willReadFrequently: true }));
  g.drawImage(image, 0, 0, small.width, small.height);
  const { data } = g.getImageData(0, 0, small.width, small.height);
  return skewOf(inkOf(data, small.width, small.height), small.width, small.height);
}

/**
 * The consent finding for the people seen in the photo (none without faces, or when the policy
 * turned it off), with each face outlined. Only the count goes to the service worker.
 * @param {ImageBitmap} image  transferred to the face worker
 * @returns {Promise<{findings: any[], faces: number}>}
 */
async function peopleIn(image) {
  const faces = (await findFaces(image)).slice(0, MAX_FACES);
  if (!faces.length) return { findings: [], faces: 0 };
  const reply = await chrome.runtime.sendMessage({ type: 'people', faces: faces.length });
  if (!reply?.ok || !Array.isArray(reply.findings)) throw new Error('analysis unavailable');
  const seen = faces.length === 1 ? '1 person can be seen' : `${faces.length} people can be seen`;
  const findings = reply.findings.map((/** @type {any} */ f) => ({
    ...f,
    source: 'media',
    fixes: [],
    cues: undefined,
    excerpt: `${seen}: do you have their written consent?`,
    regions: faces.map(({ x, y, w, h }) => ({ x, y, w, h })),
  }));
  return { findings, faces: faces.length };
}

// The content script removes this frame when idle, which ends the engine's worker with it; this
// covers a frame that stays because its page is kept in the back/forward cache.
window.addEventListener('pagehide', () => { void releaseOcr(); releaseFaces(); });
