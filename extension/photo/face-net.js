// @ts-check
/**
 * Finds faces in a picture: the "tiny face detector" network, run here in plain typed-array code.
 *
 * Its trained weights come from the npm package `@vladmandic/face-api` (MIT; the network and weights
 * are face-api.js's, by Vincent Mühler, MIT): `tiny_face_detector_model.bin` (190 KB, 8-bit quantised)
 * and the manifest that says how to read it, packaged in the extension by build.sh. Only those two
 * files are used: the package's bundled JavaScript carries TensorFlow.js with code that can load
 * models over the network, which the photo check must not have, and a few hundred lines of loops do
 * the same sums without it.
 *
 * The network (a Tiny-YOLOv2 with depthwise-separable convolutions), as the package's source
 * describes it: the picture is placed in the top-left corner of a black square of `size` pixels
 * (its longest side filling it), the mean colour subtracted and divided by 255; a 3×3 convolution
 * without padding; five depthwise-separable 3×3 convolutions (padding 1) each followed by a 2×2 max
 * pool (stride 2, the last stride 1); every layer leaky-ReLU (0.1); a 1×1 convolution to 5 anchor
 * boxes × (x, y, w, h, score) per cell of the final grid. Boxes are decoded YOLO-style and
 * overlapping ones merged (non-maximum suppression at IoU 0.4).
 *
 * Pure functions on typed arrays, no DOM: the worker (faces-worker.js) and Node tests share them.
 */

/**
 * Side of the square the network looks at: trained sizes are multiples of 32; at 416 it finds faces
 * down to about a twentieth of the picture's longest side (docs/performance.md has the figures).
 */
export const FACE_SIDE = 416;
/** Boxes scored at or below this are not faces: 0.5 (face-api's default) counted faces in 4 of 70 photos without people, 0.6 in 2, while still finding faces in 92 of 102 photos with them (tests/bench/faces.mjs). */
export const MIN_FACE_SCORE = 0.6;

/** Anchor box sizes, in grid cells, as trained. */
const ANCHORS = [[1.603231, 2.094468], [6.041143, 7.080126], [2.882459, 3.518061], [4.266906, 5.178857], [9.041765, 10.66308]];
/** Mean colour subtracted from the input, as trained. */
const MEAN_RGB = [117.001, 114.697, 97.404];
/** Boxes overlapping more than this are one face. */
const IOU_THRESHOLD = 0.4;
/** Layers after the first: depthwise-separable, each followed by max pooling with this stride. */
const SEPARABLE = [['conv1', 2], ['conv2', 2], ['conv3', 2], ['conv4', 2], ['conv5', 1]];

/**
 * @typedef {{shape: number[], data: Float32Array}} Tensor
 * @typedef {Map<string, Tensor>} Weights
 * @typedef {{x: number, y: number, w: number, h: number, score: number}} Face  fractions (0–1) of the picture
 * @typedef {{name: string, shape: number[], dtype: string, quantization?: {dtype: string, scale: number, min: number}}} ManifestEntry
 */

/**
 * Reads the weights file as its manifest describes it (TensorFlow.js's format: tensors one after
 * another; 8-bit quantised ones as `min + q × scale`).
 * @param {{weights: ManifestEntry[]}[]} manifest
 * @param {ArrayBuffer} bin
 * @returns {Weights}
 */
export function readWeights(manifest, bin) {
  /** @type {Weights} */
  const weights = new Map();
  const bytes = new Uint8Array(bin);
  let at = 0;
  for (const group of manifest) {
    for (const entry of group.weights) {
      const count = entry.shape.reduce((a, b) => a * b, 1);
      const data = new Float32Array(count);
      const q = entry.quantization;
      if (q && q.dtype === 'uint8') {
        if (at + count > bytes.length) throw new Error('weights file too short');
        for (let i = 0; i < count; i++) data[i] = q.min + bytes[at + i] * q.scale;
        at += count;
      } else if (entry.dtype === 'float32' && !q) {
        if (at + count * 4 > bytes.length) throw new Error('weights file too short');
        data.set(new Float32Array(bin.slice(at, at + count * 4)));
        at += count * 4;
      } else {
        throw new Error(`unsupported weights encoding for ${entry.name}`);
      }
      weights.set(entry.name, { shape: entry.shape, data });
    }
  }
  for (const name of ['conv0/filters', 'conv0/bias', 'conv8/filters', 'conv8/bias', ...SEPARABLE.flatMap(([n]) => [`${n}/depthwise_filter`, `${n}/pointwise_filter`, `${n}/bias`])]) {
    if (!weights.has(name)) throw new Error(`weights lack ${name}`);
  }
  return weights;
}

/** @param {Weights} w @param {string} name */
function get(w, name) {
  return /** @type {Tensor} */ (w.get(name)).data;
}

/** Leaky ReLU (slope 0.1 below zero), in place. @param {Float32Array} a */
function leaky(a) {
  for (let i = 0; i < a.length; i++) if (a[i] < 0) a[i] *= 0.1;
}

/**
 * The network's input: RGBA pixels of a picture already drawn `size`×`size` (top-left, the rest
 * black), as height × width × 3 values normalised as trained.
 * @param {Uint8ClampedArray} rgba
 * @param {number} size
 */
export function inputOf(rgba, size) {
  const out = new Float32Array(size * size * 3);
  for (let p = 0, q = 0; p < size * size; p++, q += 4) {
    out[p * 3] = (rgba[q] - MEAN_RGB[0]) / 255;
    out[p * 3 + 1] = (rgba[q + 1] - MEAN_RGB[1]) / 255;
    out[p * 3 + 2] = (rgba[q + 2] - MEAN_RGB[2]) / 255;
  }
  return out;
}

/**
 * 3×3 convolution without padding, 3 channels in, then bias and leaky ReLU. Filters are laid out
 * [ky][kx][in][out].
 * @param {Float32Array} x  h × w × 3
 * @param {number} h @param {number} w
 * @param {Float32Array} filters @param {Float32Array} bias
 */
function firstConv(x, h, w, filters, bias) {
  const co = bias.length;
  const oh = h - 2, ow = w - 2;
  // Filters regrouped per output channel, so each output is one 27-term dot product.
  const per = new Float32Array(co * 27);
  for (let k = 0; k < 27; k++) for (let c = 0; c < co; c++) per[c * 27 + k] = filters[k * co + c];
  const patch = new Float32Array(27);
  const out = new Float32Array(oh * ow * co);
  // Output channels four at a time: each patch value is loaded once for four sums (each channel's
  // sum still runs over the 27 terms in the same order, so the results are the same to the bit).
  const whole = co - (co % 4);
  for (let y = 0; y < oh; y++) {
    for (let xx = 0; xx < ow; xx++) {
      for (let ky = 0; ky < 3; ky++) {
        const i = ((y + ky) * w + xx) * 3;
        for (let k = 0; k < 9; k++) patch[ky * 9 + k] = x[i + k];
      }
      const o = (y * ow + xx) * co;
      let c = 0;
      for (; c < whole; c += 4) {
        let s0 = bias[c], s1 = bias[c + 1], s2 = bias[c + 2], s3 = bias[c + 3];
        const f0 = c * 27, f1 = f0 + 27, f2 = f1 + 27, f3 = f2 + 27;
        for (let k = 0; k < 27; k++) {
          const v = patch[k];
          s0 += v * per[f0 + k];
          s1 += v * per[f1 + k];
          s2 += v * per[f2 + k];
          s3 += v * per[f3 + k];
        }
        out[o + c] = s0 < 0 ? s0 * 0.1 : s0;
        out[o + c + 1] = s1 < 0 ? s1 * 0.1 : s1;
        out[o + c + 2] = s2 < 0 ? s2 * 0.1 : s2;
        out[o + c + 3] = s3 < 0 ? s3 * 0.1 : s3;
      }
      for (; c < co; c++) {
        let sum = bias[c];
        const f = c * 27;
        for (let k = 0; k < 27; k++) sum += patch[k] * per[f + k];
        out[o + c] = sum < 0 ? sum * 0.1 : sum;
      }
    }
  }
  return { data: out, h: oh, w: ow };
}

/**
 * Depthwise 3×3 convolution (padding 1), then pointwise 1×1, bias and leaky ReLU.
 * @param {Float32Array} x  h × w × ci
 * @param {number} h @param {number} w @param {number} ci
 * @param {Float32Array} depthwise  [ky][kx][ci]
 * @param {Float32Array} pointwise  [ci][co]
 * @param {Float32Array} bias
 */
function separableConv(x, h, w, ci, depthwise, pointwise, bias) {
  const co = bias.length;
  const dw = new Float32Array(h * w * ci);
  for (let y = 0; y < h; y++) {
    for (let xx = 0; xx < w; xx++) {
      const o = (y * w + xx) * ci;
      for (let ky = 0; ky < 3; ky++) {
        const sy = y + ky - 1;
        if (sy < 0 || sy >= h) continue;
        for (let kx = 0; kx < 3; kx++) {
          const sx = xx + kx - 1;
          if (sx < 0 || sx >= w) continue;
          const i = (sy * w + sx) * ci;
          const f = (ky * 3 + kx) * ci;
          for (let c = 0; c < ci; c++) dw[o + c] += x[i + c] * depthwise[f + c];
        }
      }
    }
  }
  // Pointwise weights regrouped per output channel: each output is one dot product over the inputs.
  const per = new Float32Array(ci * co);
  for (let k = 0; k < ci; k++) for (let c = 0; c < co; c++) per[c * ci + k] = pointwise[k * co + c];
  const out = new Float32Array(h * w * co);
  for (let p = 0; p < h * w; p++) {
    const o = p * co;
    const i = p * ci;
    // Two output channels at a time (every layer's count is even), each with four running sums
    // (every layer's input count is a multiple of 4): shorter chains of dependent additions and each
    // input loaded once for both, measurably faster in the engines' JITs. Each channel's sums run in
    // the same order as one at a time would, so the results are the same to the bit.
    for (let c = 0; c < co; c += 2) {
      let s0 = bias[c], s1 = 0, s2 = 0, s3 = 0;
      let t0 = bias[c + 1], t1 = 0, t2 = 0, t3 = 0;
      const f = c * ci, g = f + ci;
      for (let k = 0; k < ci; k += 4) {
        const a0 = dw[i + k], a1 = dw[i + k + 1], a2 = dw[i + k + 2], a3 = dw[i + k + 3];
        s0 += a0 * per[f + k];
        s1 += a1 * per[f + k + 1];
        s2 += a2 * per[f + k + 2];
        s3 += a3 * per[f + k + 3];
        t0 += a0 * per[g + k];
        t1 += a1 * per[g + k + 1];
        t2 += a2 * per[g + k + 2];
        t3 += a3 * per[g + k + 3];
      }
      const sum = s0 + s1 + s2 + s3;
      out[o + c] = sum < 0 ? sum * 0.1 : sum;
      const tum = t0 + t1 + t2 + t3;
      out[o + c + 1] = tum < 0 ? tum * 0.1 : tum;
    }
  }
  return out;
}

/**
 * 2×2 max pooling with TensorFlow's 'same' padding (any extra row or column at the bottom/right).
 * @param {Float32Array} x @param {number} h @param {number} w @param {number} c @param {number} stride
 */
function maxPool(x, h, w, c, stride) {
  const oh = Math.ceil(h / stride), ow = Math.ceil(w / stride);
  const out = new Float32Array(oh * ow * c).fill(-Infinity);
  for (let y = 0; y < oh; y++) {
    for (let xx = 0; xx < ow; xx++) {
      const o = (y * ow + xx) * c;
      for (let dy = 0; dy < 2; dy++) {
        const sy = y * stride + dy;
        if (sy >= h) continue;
        for (let dx = 0; dx < 2; dx++) {
          const sx = xx * stride + dx;
          if (sx >= w) continue;
          const i = (sy * w + sx) * c;
          for (let k = 0; k < c; k++) if (x[i + k] > out[o + k]) out[o + k] = x[i + k];
        }
      }
    }
  }
  return { data: out, h: oh, w: ow };
}

/**
 * Runs the network on a normalised input (inputOf) of `size`×`size`; returns the raw grid:
 * cells × cells × 25 values.
 * @param {Weights} weights
 * @param {Float32Array} input
 * @param {number} size
 */
export function forward(weights, input, size) {
  let t = firstConv(input, size, size, get(weights, 'conv0/filters'), get(weights, 'conv0/bias'));
  let channels = get(weights, 'conv0/bias').length;
  t = maxPool(t.data, t.h, t.w, channels, 2);
  for (const [name, stride] of SEPARABLE) {
    const bias = get(weights, `${name}/bias`);
    const data = separableConv(t.data, t.h, t.w, channels, get(weights, `${name}/depthwise_filter`), get(weights, `${name}/pointwise_filter`), bias);
    channels = bias.length;
    t = maxPool(data, t.h, t.w, channels, /** @type {number} */ (stride));
  }
  const filters = get(weights, 'conv8/filters');
  const bias = get(weights, 'conv8/bias');
  const co = bias.length;
  const cells = t.h;
  const out = new Float32Array(cells * t.w * co);
  for (let p = 0; p < cells * t.w; p++) {
    for (let c = 0; c < co; c++) out[p * co + c] = bias[c];
    for (let k = 0; k < channels; k++) {
      const v = t.data[p * channels + k];
      for (let c = 0; c < co; c++) out[p * co + c] += v * filters[k * co + c];
    }
  }
  return { grid: out, cells };
}

/** @param {number} v */
const sigmoid = (v) => 1 / (1 + Math.exp(-v));

/**
 * The faces in the network's output grid, as fractions of the picture, scored above `minScore`,
 * overlapping boxes merged.
 * @param {Float32Array} grid
 * @param {number} cells
 * @param {number} fillX  fraction of the square's width the picture filled (its width / longest side)
 * @param {number} fillY
 * @param {number} minScore
 * @returns {Face[]}
 */
export function facesOf(grid, cells, fillX, fillY, minScore) {
  /** @type {Face[]} */
  const found = [];
  const stride = ANCHORS.length * 5;
  for (let row = 0; row < cells; row++) {
    for (let col = 0; col < cells; col++) {
      for (let a = 0; a < ANCHORS.length; a++) {
        const o = (row * cells + col) * stride + a * 5;
        const score = sigmoid(grid[o + 4]);
        if (score <= minScore) continue;
        const cx = (col + sigmoid(grid[o])) / cells;
        const cy = (row + sigmoid(grid[o + 1])) / cells;
        const w = (Math.exp(grid[o + 2]) * ANCHORS[a][0]) / cells;
        const h = (Math.exp(grid[o + 3]) * ANCHORS[a][1]) / cells;
        found.push({ x: (cx - w / 2) / fillX, y: (cy - h / 2) / fillY, w: w / fillX, h: h / fillY, score });
      }
    }
  }
  return suppress(found);
}

/**
 * The highest face score anywhere in the network's output grid (0–1), whether or not it passes as a
 * face: how near the picture came to showing one.
 * @param {Float32Array} grid
 * @param {number} cells
 */
export function bestScore(grid, cells) {
  const stride = ANCHORS.length * 5;
  let best = -Infinity;
  for (let o = 4; o < cells * cells * stride; o += 5) if (grid[o] > best) best = grid[o];
  return sigmoid(best);
}

/** Intersection over union of two boxes. @param {Face} a @param {Face} b */
export function iou(a, b) {
  const ix = Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x));
  const iy = Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
  const inter = ix * iy;
  const union = a.w * a.h + b.w * b.h - inter;
  return union > 0 ? inter / union : 0;
}

/**
 * Keeps the best-scored box of each group that overlaps more than IOU_THRESHOLD, and clips boxes to
 * the picture.
 * @param {Face[]} faces
 * @returns {Face[]}
 */
export function suppress(faces) {
  const sorted = [...faces].sort((a, b) => b.score - a.score);
  /** @type {Face[]} */
  const kept = [];
  for (const f of sorted) if (!kept.some((k) => iou(k, f) > IOU_THRESHOLD)) kept.push(f);
  return kept.map((f) => {
    const x = Math.max(0, f.x), y = Math.max(0, f.y);
    return { x, y, w: Math.min(1, f.x + f.w) - x, h: Math.min(1, f.y + f.h) - y, score: f.score };
  });
}
