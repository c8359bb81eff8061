// The photo check's evened-light read (extension/photo/flatten.js), without a browser: a ground lit
// unevenly comes out near white everywhere, a dark stroke stays dark in the shadow as under the lamp
// (grey, not thresholded), and light text on a dark ground comes out blank (why the photo check reads
// the photo as it came when this read finds nothing).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { flatten, radiusFor } from '../../extension/photo/flatten.js';

/**
 * An RGBA picture `w` × `h` whose ground runs from `left` to `right` brightness, with vertical
 * strokes 4 px wide at each x in `strokes`, each `ink` times the ground's brightness there.
 * @param {number} w @param {number} h @param {number} left @param {number} right @param {number[]} strokes @param {number} ink
 */
function picture(w, h, left, right, strokes, ink) {
  const rgba = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const ground = left + ((right - left) * x) / (w - 1);
      const v = strokes.some((s) => x >= s && x < s + 4) ? ground * ink : ground;
      const o = 4 * (y * w + x);
      rgba[o] = v;
      rgba[o + 1] = v;
      rgba[o + 2] = v;
      rgba[o + 3] = 255;
    }
  }
  return rgba;
}

/** The value at (x, y). @param {Uint8ClampedArray} rgba @param {number} w @param {number} x @param {number} y */
const at = (rgba, w, x, y) => rgba[4 * (y * w + x)];

describe('evened light for the OCR engine', () => {
  it('a ground from 70 to 240 comes out near white at both ends, strokes dark in both', () => {
    const w = 600, h = 60;
    const rgba = picture(w, h, 70, 240, [60, 520], 0.35);
    flatten(rgba, w, h, 20);
    assert.ok(at(rgba, w, 10, 30) > 230 && at(rgba, w, 590, 30) > 230, 'the dark and the bright ground are both near white');
    assert.ok(at(rgba, w, 61, 30) < 110, `the stroke in the shadow is dark (${at(rgba, w, 61, 30)})`);
    assert.ok(at(rgba, w, 521, 30) < 110, `the stroke under the light is dark (${at(rgba, w, 521, 30)})`);
    // Before, the stroke in the shadow (70 × 0.35 ≈ 25) and the ground under the light (240) were far
    // apart, but so were the two grounds (70 and 240): one global threshold could not part them.
    assert.ok(Math.abs(at(rgba, w, 61, 30) - at(rgba, w, 521, 30)) < 40, 'the two strokes come out alike');
  });

  it('keeps grey levels (a soft edge is not made hard) and leaves every pixel opaque', () => {
    const w = 200, h = 20;
    const rgba = picture(w, h, 200, 200, [100], 0.6);
    for (let i = 3; i < rgba.length; i += 4) rgba[i] = 128;
    flatten(rgba, w, h, 15);
    const stroke = at(rgba, w, 101, 10);
    assert.ok(stroke > 100 && stroke < 200, `a mid-grey stroke stays mid-grey (${stroke})`);
    for (let i = 3; i < rgba.length; i += 4) assert.equal(rgba[i], 255);
  });

  it('light text on a dark ground comes out blank (the photo check then reads the photo as it came)', () => {
    const w = 200, h = 20;
    const rgba = picture(w, h, 30, 30, [100], 7);
    flatten(rgba, w, h, 15);
    assert.ok(at(rgba, w, 101, 10) > 240 && at(rgba, w, 20, 10) > 240);
  });

  it('sizes its window with the picture, never below 15 px', () => {
    assert.equal(radiusFor(300), 15);
    assert.equal(radiusFor(1800), 60);
  });
});
