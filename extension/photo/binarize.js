// @ts-check
/**
 * Black text on white for the OCR engine: each pixel is compared with the mean brightness around it
 * (an adaptive threshold), so blur, uneven light and coloured labels all come out as the same clean
 * ink. Measured on the rendered set (docs/performance.md): Tesseract's own page analysis read
 * *nothing at all* from some plainly legible photos (a wristband label in a light-blue frame with
 * 1 px of blur at any text size, or the same label at 20–28 px after the photo was downscaled),
 * while the same photos thresholded here were read whole.
 *
 * Pure typed-array code (no DOM): the photo check draws the photo into RGBA and back; unit tests
 * (photo-binarize.test.mjs) run it in Node.
 */
import { eachAgainstNeighbourhood } from './neighbourhood.js';

/** How much darker than its surroundings (0–255) a pixel must be to count as ink. */
export const INK_CONTRAST = 10;

/**
 * The window's radius in pixels for a picture whose longest side is `side`: wide enough that the
 * thickest strokes of large print stay solid (a window narrower than a stroke hollows it out),
 * small enough to follow uneven light.
 * @param {number} side
 */
export function radiusFor(side) {
  return Math.max(15, Math.round(side / 60));
}

/**
 * Thresholds `rgba` (width × height, RGBA) in place: ink black, everything else white, alpha opaque.
 * @param {Uint8ClampedArray} rgba
 * @param {number} width
 * @param {number} height
 * @param {number} [radius]
 * @param {number} [contrast]
 */
export function binarize(rgba, width, height, radius = radiusFor(Math.max(width, height)), contrast = INK_CONTRAST) {
  eachAgainstNeighbourhood(rgba, width, height, radius, (i, grey, mean) => {
    // The pixel was read before any is written: the table holds the picture as it came.
    const v = grey < mean - contrast ? 0 : 255;
    const o = 4 * i;
    rgba[o] = v;
    rgba[o + 1] = v;
    rgba[o + 2] = v;
    rgba[o + 3] = 255;
  });
}
