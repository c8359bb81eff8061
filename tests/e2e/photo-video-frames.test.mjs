// Which frames of an attached video the photo check looks at (extension/photo/video-frames.js),
// without a browser: the first, then one every few seconds; a long video sampled first to last
// within the most frames allowed; and times written as people read them ("at 0:04").
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_FRAMES, VIDEO_STEP_S, frameTimes, clock } from '../../extension/photo/video-frames.js';

describe('video frames looked at', () => {
  it('a short video: the first frame and one every few seconds', () => {
    assert.equal(VIDEO_STEP_S, 3);
    assert.deepEqual(frameTimes(7), [0, 3, 6]);
    assert.deepEqual(frameTimes(2.5), [0]);
    assert.deepEqual(frameTimes(9), [0, 3, 6], 'not the very end, where no frame may be left');
  });

  it('a long video: at most MAX_FRAMES, spread over all of it', () => {
    const times = frameTimes(600);
    assert.equal(times.length, MAX_FRAMES);
    assert.equal(times[0], 0);
    assert.ok(times[times.length - 1] > 500, `the last frame is near the end (${times[times.length - 1]} s)`);
    const gaps = times.slice(1).map((t, i) => t - times[i]);
    assert.ok(gaps.every((g) => Math.abs(g - gaps[0]) < 0.01), 'evenly spaced');
  });

  it('a video whose length is unknown: its first frame', () => {
    assert.deepEqual(frameTimes(Infinity), [0]);
    assert.deepEqual(frameTimes(Number.NaN), [0]);
    assert.deepEqual(frameTimes(0), [0]);
  });

  it('times as people read them', () => {
    assert.equal(clock(0), '0:00');
    assert.equal(clock(4.9), '0:04');
    assert.equal(clock(75.4), '1:15');
    assert.equal(clock(3725), '1:02:05');
  });
});
