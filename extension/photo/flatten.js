// @ts-check
/**
 * Evens out the light before the OCR engine reads a photo: each pixel's brightness is divided by the
 * mean brightness around it (background division), so the paper or board comes out white wherever
 * it is, in a dark corner as under the lamp, and dark ink keeps its shape and its soft edges.
 *
 * Why: Tesseract thresholds a page with one global level (Otsu), which suits a scanned page and not a
 * photo lit from one side. Measured on the rendered set (docs/performance.md): whiteboards in uneven
 * light had an initial read as ")." (the stroke half in shadow), and a blurred wristband at 20 px
 * was read as nothing at all; with the light evened first each was read whole. Unlike the
 * thresholded clean-ink read it replaces (black or white by a local mean) the result is still grey,
 * so thin blue strokes are not broken up by a hard threshold.
 *
 * It assumes dark text on a lighter ground (labels, wristbands, boards, paper): light text on a dark
 * ground (a screen in dark mode) comes out blank, so the photo check reads the photo as it came when
 * this read finds nothing.
 *
 * Pure typed-array code (no DOM): the photo check draws the photo into RGBA and reads it from there;
 * unit tests (photo-flatten.test.mjs) run it in Node.
 */
import { eachAgainstNeighbourhood } from './neighbourhood.js';

/**
 * The window's radius for a picture whose longest side is `side`: wider than the thickest strokes of
 * large print (a window narrower than a stroke fades its middle), narrower than the light's changes.
 * @param {number} side
 */
export function radiusFor(side) {
  return Math.max(15, Math.round(side / 30));
}

/**
 * Divides each pixel of `rgba` (width × height, RGBA) by its neighbourhood's mean brightness, in
 * place: grey, the ground near white, alpha opaque.
 * @param {Uint8ClampedArray} rgba
 * @param {number} width
 * @param {number} height
 * @param {number} [radius]
 */
export function flatten(rgba, width, height, radius = radiusFor(Math.max(width, height))) {
  eachAgainstNeighbourhood(rgba, width, height, radius, (i, grey, mean) => {
    // Read before written: the neighbourhood's table holds the picture as it came.
    const v = mean < 1 ? 255 : (255 * grey) / mean;
    const o = 4 * i;
    rgba[o] = v;
    rgba[o + 1] = v;
    rgba[o + 2] = v;
    rgba[o + 3] = 255;
  });
}
