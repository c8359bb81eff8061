// @ts-check
/**
 * The photo benchmarks' way in: the extension's own photo-check page, opened in the test browser and
 * spoken to over the same MessageChannel the content script uses, so a figure is the cost of the
 * shipped code path (engine, model, worker hand-offs), not of a harness around it.
 */

/**
 * @typedef {{ms: number, ok: boolean, error?: string, faces: number, findings: {rule: string, excerpt: string, at?: string}[],
 *   video: boolean, partial: boolean, unsupported: boolean, frames: number}} CheckResult
 * @typedef {{scaleTo?: {width: number, height: number}, text?: boolean, faces?: boolean, mimeType?: string, budgetMs?: number}} CheckOptions
 *   scaleTo: redraw the photo at this size first; text/faces: which checks run (the page's defaults when absent);
 *   mimeType: the file's type (default image/jpeg; a video's, e.g. video/webm, is sent as it is); budgetMs: a video's budget
 */

/**
 * Opens the photo-check page and returns a function that checks one JPEG (or video) and reports how
 * long it took and what was found. A check that never answers is reported as such rather than stalling the
 * bench.
 * @param {{browser: {context: import('playwright-core').BrowserContext, extensionId: string}}} suite
 * @returns {Promise<(bytes: Buffer, options?: CheckOptions) => Promise<CheckResult>>}
 */
export async function openPhotoCheck(suite) {
  const page = await suite.browser.context.newPage();
  await page.goto(`chrome-extension://${suite.browser.extensionId}/photo/photo-check.html`);
  await page.evaluate(() => {
    const { port1, port2 } = new MessageChannel();
    const w = /** @type {any} */ (window);
    w.__bench = { port: port1, next: 1, waiting: new Map() };
    port1.onmessage = (e) => {
      const wait = w.__bench.waiting.get(e.data.id);
      if (wait && e.data.done) { w.__bench.waiting.delete(e.data.id); wait(e.data); }
    };
    window.postMessage('port', '*', [port2]);
  });
  return (bytes, options = {}) => page.evaluate(async ({ b64, scaleTo, text, faces, mimeType, budgetMs }) => {
    const w = /** @type {any} */ (window);
    const bin = atob(b64);
    const u8 = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) u8[i] = bin.charCodeAt(i);
    /** @type {Blob} */
    let blob = new Blob([u8], { type: mimeType });
    if (scaleTo) {
      const c = new OffscreenCanvas(scaleTo.width, scaleTo.height);
      c.getContext('2d')?.drawImage(await createImageBitmap(blob), 0, 0, scaleTo.width, scaleTo.height);
      blob = await c.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
    }
    const file = new File([blob], mimeType.startsWith('video/') ? 'clip.webm' : 'photo.jpg', { type: blob.type });
    const id = w.__bench.next++;
    const t0 = performance.now();
    const reply = await new Promise((resolve) => {
      w.__bench.waiting.set(id, resolve);
      setTimeout(() => resolve({ ok: false, error: 'no answer in 60 s' }), 60_000);
      /** @type {Record<string, unknown>} */
      const request = { id, file };
      if (text !== undefined) request.text = text;
      if (faces !== undefined) request.faces = faces;
      if (budgetMs !== undefined) request.budgetMs = budgetMs;
      w.__bench.port.postMessage(request);
    });
    return { ms: performance.now() - t0, ok: reply.ok, error: reply.error, faces: reply.faces ?? 0,
      video: !!reply.video, partial: !!reply.partial, unsupported: !!reply.unsupported, frames: reply.frames ?? 0,
      findings: (reply.findings ?? []).map((/** @type {any} */ f) => ({ rule: f.rule, excerpt: f.excerpt, at: f.at })) };
  }, { b64: bytes.toString('base64'), scaleTo: options.scaleTo, text: options.text, faces: options.faces,
    mimeType: options.mimeType ?? 'image/jpeg', budgetMs: options.budgetMs }).then((r) => {
    if (!r.ok) console.log(`  (a check failed: ${r.error})`);
    return r;
  });
}
