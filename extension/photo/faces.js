// @ts-check
/**
 * The photo check's line to its face-finding worker (faces-worker.js): started on the first photo,
 * ended by `release()` with the OCR engine, so neither the worker nor its weights stay in memory
 * while no one is attaching photos.
 */

/** @type {Worker | null} */
let worker = null;
/** Whether the started worker has been handed the model yet. */
let modelSent = false;
let nextId = 1;
/** @type {Map<number, {resolve: (faces: import('./face-net.js').Face[]) => void, reject: (e: Error) => void}>} */
const waiting = new Map();

/** The worker, started once until released. */
function start() {
  if (!worker) {
    const w = new Worker(new URL('faces-worker.js', import.meta.url), { type: 'module', name: 'postguard faces' });
    w.onmessage = (e) => {
      const wait = waiting.get(e.data?.id);
      if (!wait) return;
      waiting.delete(e.data.id);
      if (e.data.ok) wait.resolve(e.data.faces);
      else wait.reject(new Error(e.data.error));
    };
    w.onerror = () => {
      for (const wait of waiting.values()) wait.reject(new Error('face check stopped'));
      waiting.clear();
      worker?.terminate();
      worker = null;
    };
    worker = w;
    modelSent = false;
  }
  return worker;
}

/** A file of the extension's own package, or an error naming which is missing. @param {Response} response */
function own(response) {
  if (!response.ok) throw new Error('a packaged file is missing');
  return response;
}

/** The detector's weights and their manifest, read from the package (photo/vendor/faces/). */
async function readModel() {
  const manifest = await own(await fetch(chrome.runtime.getURL('photo/vendor/faces/tiny_face_detector_model-weights_manifest.json'))).json();
  const bin = await own(await fetch(chrome.runtime.getURL('photo/vendor/faces/tiny_face_detector_model.bin'))).arrayBuffer();
  return { manifest, bin };
}

/**
 * The faces in `image` (boxes as fractions of its size). `image` is transferred to the worker and
 * no longer usable here.
 * @param {ImageBitmap} image
 * @returns {Promise<import('./face-net.js').Face[]>}
 */
export async function findFaces(image) {
  const w = start();
  const id = nextId++;
  // The worker gets the model with its first photo (and again if it was restarted since).
  const model = modelSent ? undefined : await readModel();
  if (worker !== w) throw new Error('face check released');
  modelSent = true;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    w.postMessage({ id, image, model }, model ? [image, model.bin] : [image]);
  });
}

/** Ends the worker and frees its memory; the next photo starts it again. */
export function release() {
  worker?.terminate();
  worker = null;
  for (const wait of waiting.values()) wait.reject(new Error('face check released'));
  waiting.clear();
}
