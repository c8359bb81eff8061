/**
 * Test videos rendered by the tests themselves (no binary fixtures): still pictures (the JPEGs
 * lib/photos.mjs renders) shown one after another on a canvas, recorded in the test's browser with
 * MediaRecorder as WebM (VP8), and returned as bytes. Like a phone's clip, the identifying text or
 * the people come into view only in a later part.
 */

/**
 * @typedef {{jpeg: Buffer, seconds: number}} Shot   a picture and how long it is shown
 */

/**
 * Records `shots` in order as one WebM video of `width` × `height` at 10 frames a second.
 * @param {import('playwright-core').BrowserContext} context
 * @param {Shot[]} shots
 * @param {{width?: number, height?: number}} [size]  default 1080 × 1080
 * @returns {Promise<Buffer>}
 */
export async function renderVideo(context, shots, size = {}) {
  const page = await context.newPage();
  try {
    const b64 = await page.evaluate(async ({ parts, W, H }) => {
      const canvas = document.createElement('canvas');
      canvas.width = W;
      canvas.height = H;
      document.body.append(canvas);
      const g = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
      /** @param {string} b */
      const bitmapOf = async (b) => {
        const bin = atob(b);
        const u8 = new Uint8Array(bin.length);
        for (let k = 0; k < bin.length; k++) u8[k] = bin.charCodeAt(k);
        return createImageBitmap(new Blob([u8], { type: 'image/jpeg' }));
      };
      const pictures = await Promise.all(parts.map((p) => bitmapOf(p.jpeg)));
      g.drawImage(pictures[0], 0, 0, W, H);
      const stream = canvas.captureStream(10);
      const recorder = new MediaRecorder(stream, { mimeType: 'video/webm;codecs=vp8', videoBitsPerSecond: 8_000_000 });
      /** @type {Blob[]} */
      const chunks = [];
      recorder.ondataavailable = (e) => { if (e.data.size) chunks.push(e.data); };
      const stopped = new Promise((resolve) => { recorder.onstop = resolve; });
      recorder.start(500);
      for (const [i, part] of parts.entries()) {
        const end = performance.now() + part.seconds * 1000;
        let tick = 0;
        while (performance.now() < end) {
          // Redrawn every frame (a still canvas sends no new frames), with a pixel that changes.
          g.drawImage(pictures[i], 0, 0, W, H);
          g.fillStyle = tick++ % 2 ? '#000' : '#fff';
          g.fillRect(0, 0, 1, 1);
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      recorder.stop();
      await stopped;
      const bytes = new Uint8Array(await new Blob(chunks, { type: 'video/webm' }).arrayBuffer());
      let s = '';
      for (let k = 0; k < bytes.length; k += 0x8000) s += String.fromCharCode(...bytes.subarray(k, k + 0x8000));
      return btoa(s);
    }, { parts: shots.map((s) => ({ jpeg: s.jpeg.toString('base64'), seconds: s.seconds })), W: size.width ?? 1080, H: size.height ?? 1080 });
    return Buffer.from(b64, 'base64');
  } finally {
    await page.close();
  }
}
