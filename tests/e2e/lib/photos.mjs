/**
 * Test photos rendered by the tests themselves, on a canvas in the browser (no binary fixtures, no
 * outside licences): a wristband-like label with a printed NHS number, a ward whiteboard, and a
 * landscape with no text. Options add what real phone photos have: rotation, blur, uneven light,
 * a larger size. Rendered as JPEG in a blank page of the test's browser and returned as bytes.
 */

/** @typedef {'wristband' | 'whiteboard' | 'landscape'} Scene */

/**
 * @typedef {object} PhotoOptions
 * @property {number} [width]      default 1080
 * @property {number} [height]     default 1080
 * @property {number} [rotate]     degrees the text is turned (default 0)
 * @property {number} [blur]       px of Gaussian blur (default 0)
 * @property {boolean} [shade]     uneven light: a dark corner fading over the scene
 * @property {boolean} [dark]      light text on a dark ground (a screen in dark mode) instead of dark on light
 * @property {number} [textPx]     height of the identifying text's capitals in px, at 1080 px (scaled with the
 *                                 photo's shorter side; default 44)
 * @property {string[]} [lines]    the lines printed (defaults per scene)
 */

/** Lines each scene prints by default. */
export const SCENE_LINES = {
  wristband: ['PATEL, Jasmine', 'NHS No: 943 476 5919', 'DOB: 12/03/1948'],
  // A bare "Bay 4 - J. Patel" is an info note when typed too (the analyser wants a clinical cue or a
  // title with a name before it pauses), so the board says what a real one does.
  whiteboard: ['WARD 7 - TODAY', 'Bay 4 - Mrs J. Patel, 82, sepsis', 'Bay 5 - empty'],
  landscape: [],
};

/**
 * Renders a scene in the browser and returns it as JPEG bytes.
 * @param {import('playwright-core').BrowserContext} context
 * @param {Scene} scene
 * @param {PhotoOptions} [options]
 * @returns {Promise<Buffer>}
 */
export async function renderPhoto(context, scene, options = {}) {
  const page = await context.newPage();
  try {
    const b64 = await page.evaluate(draw, { scene, options, lines: options.lines ?? SCENE_LINES[scene] });
    return Buffer.from(b64, 'base64');
  } finally {
    await page.close();
  }
}

/**
 * Runs in the page: draws the scene on an OffscreenCanvas and encodes it.
 * @param {{scene: Scene, options: PhotoOptions, lines: string[]}} args
 */
async function draw({ scene, options, lines }) {
  const W = options.width ?? 1080;
  const H = options.height ?? 1080;
  const k = Math.min(W, H) / 1080;
  const canvas = new OffscreenCanvas(W, H);
  const g = /** @type {OffscreenCanvasRenderingContext2D} */ (canvas.getContext('2d'));
  // A pseudo-random but repeatable texture, so every run draws the same picture.
  let seed = 7;
  const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  if (scene === 'landscape') {
    const sky = g.createLinearGradient(0, 0, 0, H * 0.6);
    sky.addColorStop(0, '#6fa8dc');
    sky.addColorStop(1, '#cfe2f3');
    g.fillStyle = sky;
    g.fillRect(0, 0, W, H);
    for (const [y, c] of [[0.55, '#5b7f3a'], [0.68, '#486b2c'], [0.8, '#375621']]) {
      g.fillStyle = /** @type {string} */ (c);
      g.beginPath();
      g.moveTo(0, H);
      for (let x = 0; x <= W; x += W / 24) g.lineTo(x, H * /** @type {number} */ (y) + Math.sin(x / (90 * k) + /** @type {number} */ (y) * 10) * 40 * k + rnd() * 12 * k);
      g.lineTo(W, H);
      g.fill();
    }
    for (let i = 0; i < 400; i++) {
      g.fillStyle = `rgba(30, ${60 + rnd() * 60}, 20, 0.5)`;
      g.fillRect(rnd() * W, H * 0.62 + rnd() * H * 0.38, 3 * k, 8 * k);
    }
  } else {
    // A room: a wall, then the label or board, with the text on it.
    g.fillStyle = scene === 'whiteboard' ? '#b9b2a6' : '#e8d3c0';
    g.fillRect(0, 0, W, H);
    for (let i = 0; i < 3000; i++) {
      g.fillStyle = `rgba(0,0,0,${rnd() * 0.05})`;
      g.fillRect(rnd() * W, rnd() * H, 2, 2);
    }
    const px = (options.textPx ?? 44) * k;
    g.save();
    g.translate(W / 2, H / 2);
    g.rotate(((options.rotate ?? 0) * Math.PI) / 180);
    g.font = `${scene === 'whiteboard' ? '600' : 'bold'} ${Math.round(px / 0.72)}px ${scene === 'whiteboard' ? '"DejaVu Sans", sans-serif' : '"DejaVu Sans Mono", monospace'}`;
    const widest = Math.max(...lines.map((l) => g.measureText(l).width));
    const lineH = px * 1.9;
    const boxW = widest + px * 2;
    const boxH = lineH * lines.length + px;
    g.fillStyle = options.dark ? '#1f2328' : scene === 'whiteboard' ? '#fbfbf8' : '#ffffff';
    g.strokeStyle = scene === 'whiteboard' ? '#8c8c8c' : '#7fb2e5';
    g.lineWidth = 10 * k;
    g.fillRect(-boxW / 2, -boxH / 2, boxW, boxH);
    g.strokeRect(-boxW / 2, -boxH / 2, boxW, boxH);
    g.fillStyle = options.dark ? '#e6edf3' : scene === 'whiteboard' ? '#1d3f8f' : '#111111';
    g.textBaseline = 'middle';
    lines.forEach((line, i) => g.fillText(line, -widest / 2, -boxH / 2 + px / 2 + lineH * (i + 0.5)));
    g.restore();
  }
  if (options.blur) {
    // The whole scene blurred at once, as a lens does: one filtered copy, not a filter on each of
    // the thousands of strokes above (which took minutes per photo).
    const sharp = new OffscreenCanvas(W, H);
    /** @type {OffscreenCanvasRenderingContext2D} */ (sharp.getContext('2d')).drawImage(canvas, 0, 0);
    g.filter = `blur(${options.blur}px)`;
    g.drawImage(sharp, 0, 0);
    g.filter = 'none';
  }
  if (options.shade) {
    const light = g.createRadialGradient(W * 0.85, H * 0.15, 0, W * 0.85, H * 0.15, Math.hypot(W, H));
    light.addColorStop(0, 'rgba(255,255,240,0.25)');
    light.addColorStop(1, 'rgba(0,0,0,0.55)');
    g.fillStyle = light;
    g.fillRect(0, 0, W, H);
  }
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/**
 * A photo of people, made by the test from openly licensed portraits (tests/fixtures/photos/people/,
 * CC0; SOURCES.md there): the portraits side by side on a plain wall, as a group shot, JPEG bytes.
 * @param {import('playwright-core').BrowserContext} context
 * @param {Buffer[]} portraits  JPEG bytes of each person
 * @param {{width?: number, height?: number}} [size]  default 1600 × 1000
 * @returns {Promise<Buffer>}
 */
export async function renderGroup(context, portraits, size = {}) {
  const page = await context.newPage();
  try {
    const b64 = await page.evaluate(async ({ faces, W, H }) => {
      const canvas = new OffscreenCanvas(W, H);
      const g = /** @type {OffscreenCanvasRenderingContext2D} */ (canvas.getContext('2d'));
      g.fillStyle = '#d8d2c4';
      g.fillRect(0, 0, W, H);
      const side = Math.min(H * 0.7, (W * 0.9) / faces.length);
      for (const [i, f] of faces.entries()) {
        const bin = atob(f);
        const u8 = new Uint8Array(bin.length);
        for (let k = 0; k < bin.length; k++) u8[k] = bin.charCodeAt(k);
        const img = await createImageBitmap(new Blob([u8], { type: 'image/jpeg' }));
        const x = (W - side * faces.length) / 2 + i * side;
        g.drawImage(img, x, (H - side) / 2, side, side);
      }
      const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let s = '';
      for (let k = 0; k < bytes.length; k += 0x8000) s += String.fromCharCode(...bytes.subarray(k, k + 0x8000));
      return btoa(s);
    }, { faces: portraits.map((p) => p.toString('base64')), W: size.width ?? 1600, H: size.height ?? 1000 });
    return Buffer.from(b64, 'base64');
  } finally {
    await page.close();
  }
}
