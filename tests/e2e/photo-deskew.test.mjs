// The photo checker's slant correction (extension/photo/deskew.js), without a browser: the slant of
// lines of ink is found, a picture without lines is left as it is, and a box read in the turned
// picture maps back onto the original.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MIN_SKEW, inkOf, skewOf, turnedSize, unturn } from '../../extension/photo/deskew.js';

/**
 * Ink of three dashed lines of text, turned by `deg` about (400, 250).
 * @param {number} deg
 */
function lines(deg) {
  const a = (deg * Math.PI) / 180;
  const pts = [];
  for (let line = 0; line < 3; line++) {
    for (let t = 0; t < 400; t++) {
      if (t % 13 > 8) continue; // gaps between letters
      for (let k = 0; k < 6; k++) {
        const dx = 200 + t - 400, dy = 200 + line * 40 + k - 250;
        pts.push(Math.round(400 + dx * Math.cos(a) - dy * Math.sin(a)), Math.round(250 + dx * Math.sin(a) + dy * Math.cos(a)));
      }
    }
  }
  return Int32Array.from(pts);
}

describe('photo deskew: text photographed at a slant is turned level', () => {
  it('finds the slant of lines turned either way, as far as ±9°', () => {
    for (const deg of [-9, -6, 6, 7, 9]) assert.equal(skewOf(lines(deg), 800, 500), deg, `${deg}°`);
  });

  it('leaves level text, small slants and pictures without lines alone', () => {
    assert.equal(skewOf(lines(0), 800, 500), 0);
    assert.equal(skewOf(lines(MIN_SKEW - 1), 800, 500), 0, 'a slant Tesseract reads anyway');
    let seed = 11;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const scattered = Int32Array.from({ length: 8000 }, (_, i) => Math.floor(rnd() * (i % 2 ? 500 : 800)));
    assert.equal(skewOf(scattered, 800, 500), 0, 'scattered ink has no direction');
    assert.equal(skewOf(new Int32Array(0), 800, 500), 0, 'no ink at all');
  });

  it('counts as ink only what is darker than its surroundings, so uneven light is not ink', () => {
    const w = 60, h = 40;
    const rgba = new Uint8ClampedArray(w * h * 4);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        // Light falling off from left to right, and one dark stroke.
        const v = x === 30 && y > 10 && y < 30 ? 40 : 230 - x * 2;
        rgba.set([v, v, v, 255], (y * w + x) * 4);
      }
    }
    const ink = inkOf(rgba, w, h);
    const xs = new Set();
    for (let i = 0; i < ink.length; i += 2) xs.add(ink[i]);
    assert.deepEqual([...xs], [30], 'only the stroke');
  });

  it('maps a box read in the turned picture back onto the photo', () => {
    assert.deepEqual(turnedSize(100, 50, 0), { width: 100, height: 50 });
    const turned = turnedSize(1000, 600, -7);
    assert.ok(turned.width > 1000 && turned.height > 600, 'the turned picture is larger, so no corner is cut off');
    // The centre stays the centre.
    const c = unturn({ left: turned.width / 2 - 5, top: turned.height / 2 - 5, right: turned.width / 2 + 5, bottom: turned.height / 2 + 5 }, -7, turned, 1000, 600);
    assert.ok(Math.abs((c.left + c.right) / 2 - 500) < 0.01 && Math.abs((c.top + c.bottom) / 2 - 300) < 0.01);
    // A box far off the photo is clipped to it.
    const off = unturn({ left: 0, top: 0, right: 5, bottom: 5 }, -7, turned, 1000, 600);
    assert.ok(off.left >= 0 && off.top >= 0 && off.right <= 1000 && off.bottom <= 600);
  });
});
