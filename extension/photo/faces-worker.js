// @ts-check
/**
 * The face check's own worker, started by the photo check's frame (faces.js) on the first photo and
 * ended with it: the network's sums (face-net.js, a few hundred milliseconds of arithmetic) never
 * run on the frame's thread, and the weights (1 MB unpacked) are only held while photos are being
 * attached. The weights come from the extension's own package, handed over by the frame; this
 * worker fetches nothing, and nothing of a picture leaves it but the boxes of the faces in it.
 */
import { FACE_SIDE as SIZE, MIN_FACE_SCORE as MIN_SCORE, bestScore, facesOf, forward, inputOf, readWeights } from './face-net.js';

/** The second look's size, as a fraction of the square (measured: tests/bench/faces.mjs). */
const ZOOMED_OUT = 0.6;
/**
 * The second look is skipped when nothing in the first scored even this much. Measured on the
 * fixtures (tests/bench/faces.mjs, docs/performance.md): every close-up the second look found had
 * scored 0.14–0.42 in the first, while 66 of the 70 photos without people scored below 0.1 (and so
 * did the three photos with people that neither look finds); a text photo's second look was a
 * third of its face check's time.
 */
const SECOND_LOOK_MIN = 0.1;
/** The network's cell: its input side must be a multiple of this (five halvings). */
const STRIDE = 32;

/**
 * The weights, read from the manifest and weights file the frame hands over with the first photo
 * (the frame reads them from the extension's package; this worker fetches nothing itself).
 * @type {import('./face-net.js').Weights | null}
 */
let weights = null;

/**
 * The faces in `image`, as fractions of its width and height. The picture fills the network's
 * square first; if no face is found it is looked at again smaller (ZOOMED_OUT of the square), since
 * a face that fills most of a close-up is larger than the boxes the network was trained to predict
 * (unless nothing in the first look came near a face: SECOND_LOOK_MIN).
 * @param {ImageBitmap} image
 */
function detect(image) {
  const w = /** @type {import('./face-net.js').Weights} */ (weights);
  /** @type {import('./face-net.js').Face[]} */
  let faces = [];
  for (const fill of [1, ZOOMED_OUT]) {
    const scale = (SIZE * fill) / Math.max(image.width, image.height);
    const dw = Math.max(1, Math.round(image.width * scale)), dh = Math.max(1, Math.round(image.height * scale));
    // The network is convolutional with a 32-px stride: the smaller second look runs on the smallest
    // square of whole cells that holds the picture (256 px instead of 416, ~40 % of the sums) rather
    // than on the full square padded with black, which adds nothing but border.
    const side = Math.min(SIZE, Math.ceil(Math.max(dw, dh) / STRIDE) * STRIDE);
    const canvas = new OffscreenCanvas(side, side);
    const g = /** @type {OffscreenCanvasRenderingContext2D} */ (canvas.getContext('2d', { willReadFrequently: true }));
    g.fillStyle = '#000';
    g.fillRect(0, 0, side, side);
    g.drawImage(image, 0, 0, dw, dh);
    const { grid, cells } = forward(w, inputOf(g.getImageData(0, 0, side, side).data, side), side);
    faces = facesOf(grid, cells, dw / side, dh / side, MIN_SCORE);
    if (faces.length || bestScore(grid, cells) < SECOND_LOOK_MIN) break;
  }
  return faces;
}

self.onmessage = (/** @type {MessageEvent<{id: number, image: ImageBitmap, model?: {manifest: any, bin: ArrayBuffer}}>} */ e) => {
  const { id, image, model } = e.data;
  try {
    if (model) weights = readWeights(model.manifest, model.bin);
    if (!weights) throw new Error('no model');
    const faces = detect(image);
    self.postMessage({ id, ok: true, faces });
  } catch (err) {
    self.postMessage({ id, ok: false, error: err instanceof Error ? err.name : 'failed' });
  } finally {
    image.close();
  }
};
