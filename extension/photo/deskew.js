// @ts-check
/**
 * Straightens text that was photographed at a slant before it is read. Tesseract reads lines that
 * are level; a wristband or whiteboard photographed 6–9° off level was mostly not read at all
 * (docs/performance.md). Here the slant is estimated from the photo itself: the dark strokes of text
 * lie along lines, so when the ink is projected across the lines at the right angle it piles up in
 * a few rows (the lines) and gaps (between them), and the sum of squared row counts is largest. The
 * photo is then turned back by that angle and read once. A photo without text gives no clear peak
 * and is read as it is.
 *
 * Pure functions on pixel arrays, no DOM: the photo check (photo-check.js) and Node tests share them.
 */
import { eachAgainstNeighbourhood } from './neighbourhood.js';

/** Largest slant looked for, in degrees either way; photos of labels held by hand are within it. */
export const MAX_SKEW = 12;
/** Angles tried are this far apart, in degrees. */
const STEP = 0.5;
/**
 * Slants smaller than this are left alone: Tesseract reads them as they are (7 of 8 rendered labels
 * at 4°), and turning such a photo cost two of those (tests/bench/photos.mjs); at 6° it read none.
 */
export const MIN_SKEW = 5;
/** How much more the best angle must pile the ink up than level, to count as text on a slant. */
const MIN_GAIN = 1.15;
/** Radius of the neighbourhood a pixel's darkness is judged against, in pixels of the small copy. */
const RADIUS = 12;
/** How much darker than its neighbourhood a pixel must be to count as ink (0–255). */
const INK_CONTRAST = 24;

/**
 * The pixels darker than their surroundings (ink), as x, y pairs: judged against a local mean, so
 * uneven light (a dark corner) does not turn a whole region into ink.
 * @param {Uint8ClampedArray} rgba  RGBA pixels, width × height
 * @param {number} width
 * @param {number} height
 * @returns {Int32Array}  x0, y0, x1, y1, …
 */
export function inkOf(rgba, width, height) {
  /** @type {number[]} */
  const out = [];
  eachAgainstNeighbourhood(rgba, width, height, RADIUS, (i, grey, mean) => {
    if (grey < mean - INK_CONTRAST) out.push(i % width, Math.floor(i / width));
  });
  return Int32Array.from(out);
}

/**
 * The slant of the text lines in degrees (positive: turned clockwise, as a canvas `rotate` turns
 * it), or 0 when there is no clear slant or none worth correcting.
 * @param {Int32Array} ink  x, y pairs (inkOf)
 * @param {number} width
 * @param {number} height
 */
export function skewOf(ink, width, height) {
  if (ink.length < 200) return 0;
  const diag = Math.ceil(Math.hypot(width, height));
  const rows = new Float64Array(2 * diag + 1);
  /** @param {number} deg */
  const pile = (deg) => {
    const a = (deg * Math.PI) / 180;
    const s = Math.sin(a), c = Math.cos(a);
    rows.fill(0);
    for (let i = 0; i < ink.length; i += 2) rows[Math.round(ink[i + 1] * c - ink[i] * s) + diag] += 1;
    let score = 0;
    for (const r of rows) score += r * r;
    return score;
  };
  const level = pile(0);
  let best = 0, bestScore = level;
  for (let deg = -MAX_SKEW; deg <= MAX_SKEW; deg += STEP) {
    const score = pile(deg);
    if (score > bestScore) { best = deg; bestScore = score; }
  }
  if (Math.abs(best) < MIN_SKEW || bestScore < level * MIN_GAIN) return 0;
  return best;
}

/**
 * The size of the canvas a `width`×`height` picture turned by `deg` fits in whole.
 * @param {number} width @param {number} height @param {number} deg
 */
export function turnedSize(width, height, deg) {
  const a = Math.abs((deg * Math.PI) / 180);
  return {
    width: Math.ceil(width * Math.cos(a) + height * Math.sin(a)),
    height: Math.ceil(width * Math.sin(a) + height * Math.cos(a)),
  };
}

/**
 * A box found in the turned picture (turned by `deg` about its centre onto a canvas of `turned`
 * size), as the box it covers in the original `width`×`height` picture, clipped to it.
 * @param {{left: number, top: number, right: number, bottom: number}} r
 * @param {number} deg  the turn that was applied
 * @param {{width: number, height: number}} turned
 * @param {number} width @param {number} height
 */
export function unturn(r, deg, turned, width, height) {
  const a = (-deg * Math.PI) / 180;
  const s = Math.sin(a), c = Math.cos(a);
  const xs = [], ys = [];
  for (const [x, y] of [[r.left, r.top], [r.right, r.top], [r.left, r.bottom], [r.right, r.bottom]]) {
    const dx = x - turned.width / 2, dy = y - turned.height / 2;
    xs.push(dx * c - dy * s + width / 2);
    ys.push(dx * s + dy * c + height / 2);
  }
  return {
    left: Math.max(0, Math.min(...xs)), top: Math.max(0, Math.min(...ys)),
    right: Math.min(width, Math.max(...xs)), bottom: Math.min(height, Math.max(...ys)),
  };
}
