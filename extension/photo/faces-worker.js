// @ts-check
/**
 * The face check's own worker, started by the photo check's frame (faces.js) on the first photo and
 * ended with it: the network's sums (face-net.js, a few hundred milliseconds of arithmetic) never
 * run on the frame's thread, and the weights (1 MB unpacked) are only held while photos are being
 * attached. The weights are read from the extension's own package; nothing is fetched from
 * anywhere else and nothing of a picture leaves this worker but the boxes of the faces in it.
 */
import { FACE_SIDE as SIZE, MIN_FACE_SCORE as MIN_SCORE, facesOf, forward, inputOf, readWeights } from './face-net.js';

/** The second look's size, as a fraction of the square (measured: tests/bench/faces.mjs). */
const ZOOMED_OUT = 0.6;

/** @type {Promise<import('./face-net.js').Weights> | null} */
let weights = null;

/** The packaged weights, read once. */
function model() {
  weights ??= (async () => {
    const base = new URL('vendor/faces/', import.meta.url);
    const [manifest, bin] = await Promise.all([
      fetch(new URL('tiny_face_detector_model-weights_manifest.json', base)).then((r) => { if (!r.ok) throw new Error('a packaged file is missing'); return r.json(); }),
      fetch(new URL('tiny_face_detector_model.bin', base)).then((r) => { if (!r.ok) throw new Error('a packaged file is missing'); return r.arrayBuffer(); }),
    ]);
    return readWeights(manifest, bin);
  })();
  weights.catch(() => { weights = null; });
  return weights;
}

/**
 * The faces in `image`, as fractions of its width and height. The picture fills the network's
 * square first; if no face is found it is looked at again smaller (ZOOMED_OUT of the square), since
 * a face that fills most of a close-up is larger than the boxes the network was trained to predict.
 * @param {ImageBitmap} image
 */
async function detect(image) {
  const w = await model();
  const canvas = new OffscreenCanvas(SIZE, SIZE);
  const g = /** @type {OffscreenCanvasRenderingContext2D} */ (canvas.getContext('2d', { willReadFrequently: true }));
  /** @type {import('./face-net.js').Face[]} */
  let faces = [];
  for (const fill of [1, ZOOMED_OUT]) {
    const scale = (SIZE * fill) / Math.max(image.width, image.height);
    const dw = Math.max(1, Math.round(image.width * scale)), dh = Math.max(1, Math.round(image.height * scale));
    g.fillStyle = '#000';
    g.fillRect(0, 0, SIZE, SIZE);
    g.drawImage(image, 0, 0, dw, dh);
    const { grid, cells } = forward(w, inputOf(g.getImageData(0, 0, SIZE, SIZE).data, SIZE), SIZE);
    faces = facesOf(grid, cells, dw / SIZE, dh / SIZE, MIN_SCORE);
    if (faces.length) break;
  }
  return faces;
}

self.onmessage = async (/** @type {MessageEvent<{id: number, image: ImageBitmap}>} */ e) => {
  const { id, image } = e.data;
  try {
    const faces = await detect(image);
    self.postMessage({ id, ok: true, faces });
  } catch (err) {
    self.postMessage({ id, ok: false, error: err instanceof Error ? err.name : 'failed' });
  } finally {
    image.close();
  }
};
