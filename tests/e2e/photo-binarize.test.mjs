// The photo check's clean-ink pass (extension/photo/binarize.js), without a browser: dark strokes on
// a light, unevenly lit or coloured ground come out black on white, plain ground white, and the
// window is wide enough that a thick stroke stays solid.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { binarize, radiusFor } from '../../extension/photo/binarize.js';

/**
 * An RGBA picture `w` × `h` whose ground runs from `left` to `right` brightness (uneven light), with
 * a dark vertical stroke of `stroke` px at x = `at`, `ink` darker than the ground there.
 */
function picture(w, h, left, right, at, stroke, ink) {
  const rgba = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const ground = left + ((right - left) * x) / (w - 1);
      const v = x >= at && x < at + stroke ? ground - ink : ground;
      const o = 4 * (y * w + x);
      // A bluish ground, as a wristband's or a whiteboard's light is rarely grey.
      rgba[o] = v * 0.9;
      rgba[o + 1] = v * 0.95;
      rgba[o + 2] = Math.min(255, v * 1.1);
      rgba[o + 3] = 255;
    }
  }
  return rgba;
}

/** The binarized value at (x, y). @param {Uint8ClampedArray} rgba @param {number} w */
const at = (rgba, w, x, y) => rgba[4 * (y * w + x)];

describe('clean ink for the OCR engine', () => {
  it('a stroke in the dark half and one in the bright half both come out black, the ground white', () => {
    const w = 400, h = 60;
    const rgba = picture(w, h, 90, 240, 0, 0, 0);
    // Two strokes, each 60 darker than the ground where it is.
    for (const x0 of [60, 320]) {
      for (let y = 0; y < h; y++) {
        for (let x = x0; x < x0 + 4; x++) {
          const o = 4 * (y * w + x);
          for (let c = 0; c < 3; c++) rgba[o + c] -= 60;
        }
      }
    }
    binarize(rgba, w, h, 15);
    assert.equal(at(rgba, w, 61, 30), 0, 'the stroke in the dark half is ink');
    assert.equal(at(rgba, w, 321, 30), 0, 'the stroke in the bright half is ink');
    assert.equal(at(rgba, w, 10, 30), 255, 'the dark ground is not');
    assert.equal(at(rgba, w, 200, 30), 255, 'the mid ground is not');
    assert.equal(at(rgba, w, 390, 30), 255, 'the bright ground is not');
    for (let i = 3; i < rgba.length; i += 4) assert.equal(rgba[i], 255, 'opaque');
  });

  it('a stroke as thick as large print stays solid with the window for its photo size', () => {
    const w = 1800, h = 200;
    const rgba = picture(w, h, 230, 230, 900, 24, 180);
    binarize(rgba, w, h);
    for (let x = 900; x < 924; x++) assert.equal(at(rgba, w, x, 100), 0, `x=${x} inside the stroke is ink`);
    assert.equal(at(rgba, w, 880, 100), 255);
    assert.equal(radiusFor(1800), 30);
    assert.equal(radiusFor(300), 15, 'never narrower than 15 px');
  });

  it('plain ground with faint texture stays white', () => {
    const w = 200, h = 200;
    const rgba = picture(w, h, 200, 200, 0, 0, 0);
    let seed = 3;
    for (let i = 0; i < rgba.length; i += 4) {
      seed = (seed * 16807) % 2147483647;
      const n = (seed % 9) - 4; // ±4 of texture, under INK_CONTRAST
      for (let c = 0; c < 3; c++) rgba[i + c] += n;
    }
    binarize(rgba, w, h);
    let ink = 0;
    for (let i = 0; i < rgba.length; i += 4) if (rgba[i] === 0) ink++;
    assert.equal(ink, 0);
  });
});
