// The face detector's network code (extension/photo/face-net.js), without a browser, on the weights
// the build packages (dist/…/photo/vendor/faces/, from npm @vladmandic/face-api): the weights file
// reads as its manifest says, a picture with no one in it has no face, overlapping boxes are one
// face, and boxes come back as fractions of the picture.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FACE_SIDE, MIN_FACE_SCORE, bestScore, facesOf, forward, inputOf, iou, readWeights, suppress } from '../../extension/photo/face-net.js';

const dist = process.env.POSTGUARD_DIST ?? resolve(import.meta.dirname, '../../dist/chromium');
const dir = join(dist, 'photo/vendor/faces');

describe('face detector: the network, run by postguard\'s own code', () => {
  const manifest = JSON.parse(readFileSync(join(dir, 'tiny_face_detector_model-weights_manifest.json'), 'utf8'));
  const bin = readFileSync(join(dir, 'tiny_face_detector_model.bin'));
  const weights = readWeights(manifest, bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength));

  it('reads every tensor of the packaged weights at its manifest\'s shape', () => {
    assert.deepEqual(weights.get('conv0/filters')?.shape, [3, 3, 3, 16]);
    assert.deepEqual(weights.get('conv8/filters')?.shape, [1, 1, 512, 25], '5 anchors × (x, y, w, h, score)');
    for (const [name, t] of weights) {
      assert.equal(t.data.length, t.shape.reduce((a, b) => a * b, 1), name);
      assert.ok(t.data.every(Number.isFinite), `${name}: finite values`);
    }
    assert.throws(() => readWeights(manifest, bin.buffer.slice(0, 1000)), /too short/, 'a cut-off file is an error, not garbage');
  });

  it('finds no face in a plain grey picture or in noise', () => {
    const grey = new Uint8ClampedArray(FACE_SIDE * FACE_SIDE * 4).fill(128);
    const { grid, cells } = forward(weights, inputOf(grey, FACE_SIDE), FACE_SIDE);
    assert.equal(cells, 13, 'a 13 × 13 grid at 416 px');
    assert.deepEqual(facesOf(grid, cells, 1, 1, MIN_FACE_SCORE), []);
    let seed = 5;
    const noise = new Uint8ClampedArray(FACE_SIDE * FACE_SIDE * 4).map(() => ((seed = (seed * 16807) % 2147483647) % 256));
    const out = forward(weights, inputOf(noise, FACE_SIDE), FACE_SIDE);
    assert.deepEqual(facesOf(out.grid, out.cells, 1, 1, MIN_FACE_SCORE), []);
  });

  it('keeps the best of overlapping boxes and clips boxes to the picture', () => {
    const a = { x: 0.1, y: 0.1, w: 0.3, h: 0.3, score: 0.9 };
    const b = { x: 0.12, y: 0.11, w: 0.3, h: 0.3, score: 0.7 };
    const far = { x: 0.85, y: 0.6, w: 0.3, h: 0.3, score: 0.8 };
    assert.ok(iou(a, b) > 0.4 && iou(a, far) === 0);
    const kept = suppress([b, far, a]);
    assert.equal(kept.length, 2, 'two faces, not three');
    assert.equal(kept[0].score, 0.9, 'the better box of the pair');
    assert.ok(Math.abs(kept[1].x + kept[1].w - 1) < 1e-9, 'the box over the edge ends at the edge');
  });

  it('scales boxes to the picture when it filled only part of the square', () => {
    // A grid with one confident box in the middle cell: with the picture filling 80 % of the
    // square's width, the box is a fifth more of the picture's width (and sits a fifth further right).
    const cells = 13;
    const grid = new Float32Array(cells * cells * 25).fill(-10);
    const o = (6 * cells + 6) * 25;
    grid.set([0, 0, 0, 0, 5], o);
    const full = facesOf(grid, cells, 1, 1, 0.5);
    const part = facesOf(grid, cells, 0.8, 1, 0.5);
    assert.equal(full.length, 1);
    assert.ok(Math.abs(full[0].x + full[0].w / 2 - 0.5) < 1e-6, 'centred in the middle cell');
    assert.ok(Math.abs(part[0].w - full[0].w / 0.8) < 1e-6 && Math.abs(part[0].x - full[0].x / 0.8) < 1e-6);
    assert.ok(Math.abs(part[0].h - full[0].h) < 1e-9, 'height unchanged');
  });

  it('tells how near the picture came to a face, passing or not (the second look is skipped below 0.1)', () => {
    const cells = 13;
    const grid = new Float32Array(cells * cells * 25).fill(-10);
    assert.ok(bestScore(grid, cells) < 0.001, 'nothing near a face');
    // A middling box in the last anchor of the last cell: its score, though it is no face.
    grid[(cells * cells - 1) * 25 + 4 * 5 + 4] = -1;
    assert.ok(Math.abs(bestScore(grid, cells) - 1 / (1 + Math.exp(1))) < 1e-6);
    assert.deepEqual(facesOf(grid, cells, 1, 1, MIN_FACE_SCORE), []);
  });
});
