// @ts-check
/**
 * Looks inside a photo (or the frames of a video, video-frames.js) attached to a compose box, on the device: reads its text (ocr.js) and runs
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
import { eachFrame, clock } from './video-frames.js';
import { flatten } from './flatten.js';

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
/** How long a video is looked at when the request does not say (the content script sends its own bound). */
const VIDEO_BUDGET_MS = 9000;
/** The rule of people seen in a photo (crates/core/src/photo.rs). */
const PEOPLE_RULE = 'people-in-photo';

/**
 * @typedef {object} PhotoRequest
 * @property {number} id
 * @property {File} file
 * @property {boolean} [text]    read its text (IT's photoText; default true)
 * @property {boolean} [faces]   look for faces (IT's photoFaces; default true)
 * @property {number} [budgetMs]  for a video: how long its frames may be looked at
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
    if (file instanceof Blob && file.type.startsWith('video/')) {
      await answerVideo(request, send);
      return;
    }
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
    const seen = await lookAt(bitmap, request, (fraction) => send({ progress: Math.min(0.95, fraction) }));
    send({ done: true, ok: true, findings: seen.findings, thumbnail: seen.thumbnail, words: seen.words, faces: seen.faces }, [seen.thumbnail]);
  } catch (e) {
    send({ done: true, ok: false, error: e instanceof Error ? e.name : 'failed' });
  }
}

/**
 * Looks at one picture (a photo, or a frame of a video): its text and its faces, side by side.
 * `bitmap` is closed here.
 * @param {ImageBitmap} bitmap
 * @param {PhotoRequest} request
 * @param {(fraction: number) => void} onProgress
 * @returns {Promise<{findings: any[], thumbnail: ImageBitmap, words: number, faces: number}>}
 */
async function lookAt(bitmap, request, onProgress) {
  const read = fitWithin(bitmap.width, bitmap.height, READ_SIDE);
  const scaled = read.scale < 1
    ? await createImageBitmap(bitmap, { resizeWidth: read.width, resizeHeight: read.height, resizeQuality: 'high' })
    : bitmap;
  // Faces are looked for in a copy at the network's size (it moves to the face worker, and a
  // high-quality downscale here keeps small faces clearer than the worker's canvas would). That
  // worker is started first: the text's slant is judged on this thread before the OCR engine is
  // handed the photo, and the face check should not wait for it (it is the longer of the two).
  const net = fitWithin(scaled.width, scaled.height, FACE_SIDE);
  const faces = request.faces !== false
    ? peopleIn(await createImageBitmap(scaled, { resizeWidth: net.width, resizeHeight: net.height, resizeQuality: 'high' }))
    : Promise.resolve({ findings: [], faces: 0 });
  // Its failure is answered by Promise.all below; this only keeps one that comes early (while the
  // thumbnail is made) from being reported as unhandled meanwhile.
  faces.catch(() => {});
  const small = fitWithin(bitmap.width, bitmap.height, THUMB_SIDE);
  const thumbnail = await createImageBitmap(bitmap, { resizeWidth: small.width, resizeHeight: small.height, resizeQuality: 'medium' });
  if (scaled !== bitmap) bitmap.close();
  const [textFindings, faceFindings] = await Promise.all([
    request.text !== false ? readText(scaled, read, onProgress) : Promise.resolve({ findings: [], words: 0 }),
    faces,
  ]);
  scaled.close();
  return { findings: [...faceFindings.findings, ...textFindings.findings], thumbnail, words: textFindings.words, faces: faceFindings.faces };
}

/**
 * Looks at an attached video: its first frame and one every few seconds (video-frames.js), each like
 * a photo, within a time budget (request.budgetMs). A finding names the time of its frame ("at
 * 0:04") and carries that frame's thumbnail (`frame`: its index in `thumbnails`); the same words or
 * people seen again later are not listed twice. A video that cannot be decoded here, or whose
 * budget ran out before every frame was seen, is answered as `unsupported` or `partial`: the
 * generic consent note stands for what was not looked at.
 * @param {PhotoRequest} request
 * @param {(message: object, transfer?: Transferable[]) => void} send
 */
async function answerVideo(request, send) {
  /** @type {ImageBitmap[]} */
  const thumbnails = [];
  /** @type {any[]} */
  const findings = [];
  let faces = 0;
  let words = 0;
  const result = await eachFrame(request.file, Math.max(1000, request.budgetMs ?? VIDEO_BUDGET_MS), async ({ time, bitmap, index, count }) => {
    const seen = await lookAt(bitmap, request, (fraction) => send({ progress: Math.min(0.95, (index + fraction) / count) }));
    words += seen.words;
    const at = clock(time);
    let used = false;
    for (const f of seen.findings) {
      if (f.rule === PEOPLE_RULE) {
        // The frame where the most people can be seen stands for the video.
        const before = findings.findIndex((g) => g.rule === PEOPLE_RULE);
        if (before >= 0 && findings[before].faces >= seen.faces) continue;
        const finding = { ...f, at, faces: seen.faces, frame: thumbnails.length };
        if (before >= 0) findings[before] = finding;
        else findings.push(finding);
        faces = seen.faces;
        used = true;
      } else if (!findings.some((g) => g.rule === f.rule && g.excerpt === f.excerpt)) {
        findings.push({ ...f, at, frame: thumbnails.length });
        used = true;
      }
    }
    if (used) thumbnails.push(seen.thumbnail);
    else seen.thumbnail.close();
    send({ progress: Math.min(0.95, (index + 1) / count) });
  });
  if (!result.decoded) {
    for (const t of thumbnails) t.close();
    send({ done: true, ok: true, unsupported: true });
    return;
  }
  send({ done: true, ok: true, video: true, partial: !result.complete, frames: result.frames, findings, thumbnails, words, faces }, thumbnails);
}

/**
 * The findings of the text read in the photo, with the regions of the photo each covers.
 * @param {ImageBitmap} image
 * @param {{width: number, height: number}} read  the size it is read at
 * @param {(fraction: number) => void} onProgress
 */
async function readText(image, read, onProgress) {
  // Text photographed at a slant is turned level first (deskew.js), and its words' boxes turned back.
  const skew = await slantOf(image);
  const turned = skew === 0 ? { width: image.width, height: image.height } : turnedSize(image.width, image.height, -skew);
  /** Reads the photo as `prepared` makes it. @param {Preparation} how */
  const pass = async (how) => {
    const picture = prepared(image, skew, turned, how);
    try {
      const words = await readWords(picture, onProgress);
      return skew === 0 ? words : words.map((w) => ({ ...w, rect: unturn(w.rect, -skew, turned, image.width, image.height) }));
    } finally {
      if (picture !== image && picture instanceof ImageBitmap) picture.close();
    }
  };
  // First with the light evened out (flatten.js: uneven light and blur no longer decide what
  // Tesseract's one global threshold keeps); a photo that reads as nothing that way is read as it
  // came (light text on a dark ground, which flattening blanks). A third read as thresholded ink,
  // which the reading had before, no longer read anything these two missed (docs/performance.md)
  // and cost every photo without text a third read.
  let seen = textOf(await pass('flat'));
  if (seen.text === '') seen = textOf(await pass('as-is'));
  const { text, spans } = seen;
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
 * How the picture is prepared for a read: `as-is` (only turned level) or `flat` (its light evened
 * out, flatten.js).
 * @typedef {'as-is' | 'flat'} Preparation
 */

/**
 * The picture the OCR engine reads: `image` itself, or turned level by `skew` degrees onto a white
 * canvas of `turned` size, and prepared as `how` says. Prepared pixels go to the engine as they are
 * (ImageData), not back through a bitmap the engine would draw and read again.
 * @param {ImageBitmap} image
 * @param {number} skew
 * @param {{width: number, height: number}} turned
 * @param {Preparation} how
 * @returns {ImageBitmap | ImageData}
 */
function prepared(image, skew, turned, how) {
  if (skew === 0 && how === 'as-is') return image;
  const canvas = new OffscreenCanvas(turned.width, turned.height);
  const g = /** @type {OffscreenCanvasRenderingContext2D} */ (canvas.getContext('2d', { willReadFrequently: how === 'flat' }));
  g.fillStyle = '#fff';
  g.fillRect(0, 0, turned.width, turned.height);
  if (skew === 0) {
    g.drawImage(image, 0, 0);
  } else {
    g.translate(turned.width / 2, turned.height / 2);
    g.rotate((-skew * Math.PI) / 180);
    g.drawImage(image, -image.width / 2, -image.height / 2);
    g.setTransform(1, 0, 0, 1, 0, 0);
  }
  if (how === 'as-is') return canvas.transferToImageBitmap();
  const pixels = g.getImageData(0, 0, turned.width, turned.height);
  flatten(pixels.data, turned.width, turned.height);
  return pixels;
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
