// @ts-check
/**
 * The frames of an attached video that the photo check looks at: the first, then one every few
 * seconds, decoded on the device by a <video> element of this extension-owned frame from a blob URL
 * of the file itself (nothing is uploaded or fetched; the URL is revoked as soon as the frames are
 * taken). A video is looked at within a time budget: frames not reached by then are not checked, and
 * the caller says so (the generic consent note stands for what was not seen).
 *
 * `frameTimes` and `clock` are pure (unit-tested in photo-video.test.mjs); `eachFrame` needs a
 * document, which the photo check's frame is.
 *
 * The budget runs from the first frame's answer: that first look also starts the engines (up to a
 * few seconds on a busy machine), and a budget spent on starting them would leave a short video
 * unchecked; the first frame is always looked at (the gate's own wait still bounds a Post).
 */

/** Seconds between the frames looked at, for a video short enough to be seen whole. */
export const VIDEO_STEP_S = 3;
/** Most frames looked at in one video: a longer video is sampled more sparsely, first to last. */
export const MAX_FRAMES = 8;

/**
 * The times (seconds) to look at in a video of `duration` seconds: 0, then every `step` seconds (or
 * further apart, so at most `max` frames cover the whole video), the last just before its end.
 * @param {number} duration
 * @param {number} [step]
 * @param {number} [max]
 * @returns {number[]}
 */
export function frameTimes(duration, step = VIDEO_STEP_S, max = MAX_FRAMES) {
  if (!Number.isFinite(duration) || duration <= 0) return [0];
  const every = Math.max(step, duration / Math.max(1, max - 1));
  /** @type {number[]} */
  const times = [];
  for (let t = 0; t < duration && times.length < max; t += every) times.push(Math.round(t * 1000) / 1000);
  return times;
}

/**
 * A time in a video as people read it: 4 → "0:04", 75.4 → "1:15", 3725 → "1:02:05".
 * @param {number} seconds
 */
export function clock(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  const two = (/** @type {number} */ n) => String(n).padStart(2, '0');
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h ? `${h}:${two(m)}:${two(s % 60)}` : `${m}:${two(s % 60)}`;
}

/**
 * Resolves when `video` fires `name`; rejects on a decoding error or when `deadline` (a
 * performance.now() time) passes first.
 * @param {HTMLVideoElement} video
 * @param {string} name
 * @param {number} deadline
 * @returns {Promise<void>}
 */
function until(video, name, deadline) {
  return new Promise((resolve, reject) => {
    const done = (/** @type {() => void} */ settle) => () => {
      clearTimeout(timer);
      video.removeEventListener(name, ok);
      video.removeEventListener('error', failed);
      settle();
    };
    const ok = done(resolve);
    const failed = done(() => reject(new Error('video not decodable')));
    const timer = setTimeout(done(() => reject(new Error('video budget spent'))), Math.max(0, deadline - performance.now()));
    video.addEventListener(name, ok, { once: true });
    video.addEventListener('error', failed, { once: true });
  });
}

/**
 * Decodes the frames of `file` at `frameTimes(duration)` and hands each to `onFrame` (awaited, so
 * decoding never runs ahead of checking; the bitmap is the callee's to close).
 * @param {Blob} file
 * @param {number} budgetMs   how long after the first frame's answer further frames may be taken
 * @param {(frame: {time: number, bitmap: ImageBitmap, index: number, count: number}) => Promise<void>} onFrame
 * @returns {Promise<{decoded: boolean, complete: boolean, frames: number}>}
 *          decoded: at least the first frame could be read; complete: every planned frame was checked
 */
export async function eachFrame(file, budgetMs, onFrame) {
  // Decoding the first frame gets the budget too; later frames get it from the first's answer.
  let deadline = performance.now() + budgetMs;
  const url = URL.createObjectURL(file);
  const video = document.createElement('video');
  video.muted = true;
  video.preload = 'auto';
  video.playsInline = true;
  let frames = 0;
  let count = 1;
  try {
    const loaded = until(video, 'loadeddata', deadline);
    video.src = url;
    await loaded;
    if (!video.videoWidth || !video.videoHeight) return { decoded: false, complete: false, frames };
    let duration = video.duration;
    if (!Number.isFinite(duration)) {
      // A recorder's WebM often has no duration in its header: seeking past the end makes the
      // element find it.
      const found = until(video, 'seeked', deadline);
      video.currentTime = 1e7;
      await found;
      duration = Number.isFinite(video.duration) ? video.duration : video.currentTime;
    }
    const times = frameTimes(duration);
    count = times.length;
    for (const [index, time] of times.entries()) {
      if (performance.now() >= deadline) return { decoded: frames > 0, complete: false, frames };
      // Not exactly at the end, where there may be no frame left to show.
      const at = Math.min(time, Math.max(0, duration - 0.05));
      if (Math.abs(video.currentTime - at) > 0.001 || video.readyState < 2) {
        const seeked = until(video, 'seeked', deadline);
        video.currentTime = at;
        await seeked;
      }
      const bitmap = await createImageBitmap(video);
      frames++;
      await onFrame({ time: at, bitmap, index, count });
      if (index === 0) deadline = performance.now() + budgetMs;
    }
    return { decoded: true, complete: true, frames };
  } catch {
    return { decoded: frames > 0, complete: false, frames };
  } finally {
    video.removeAttribute('src');
    video.load();
    URL.revokeObjectURL(url);
  }
}
