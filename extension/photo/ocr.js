// @ts-check
/**
 * The OCR engine: Tesseract compiled to WebAssembly (npm `tesseract-wasm`, BSD-2-Clause; Tesseract
 * itself Apache-2.0) with the English LSTM model (npm `@tesseract.js-data/eng`, `4.0.0_best_int`),
 * both packaged in the extension under photo/vendor/ by build.sh. Nothing is fetched from anywhere
 * but the extension's own files.
 *
 * The engine runs in its own Web Worker (tesseract-wasm's), started by this frame on the first
 * photo and stopped by `release()` when no photo has come for a while: its memory (the model alone
 * is ~10 MB unpacked) is only held while someone is attaching photos.
 */
import { OCRClient } from './vendor/tesseract/lib.js';

/** @type {Promise<OCRClient> | null} */
let client = null;

/** A file of the extension's own package, or an error naming which is missing. @param {Response} response */
function own(response) {
  if (!response.ok) throw new Error('a packaged file is missing');
  return response;
}

/** Starts the engine and loads the model, once until released. */
function engine() {
  if (!client) {
    client = (async () => {
      const wasmBinary = await own(await fetch(chrome.runtime.getURL('photo/vendor/tesseract/tesseract-core.wasm'))).arrayBuffer();
      const c = new OCRClient({ wasmBinary, workerURL: chrome.runtime.getURL('photo/vendor/tesseract/tesseract-worker.js') });
      try {
        // The model ships gzipped (3 MB instead of 11 MB in the package) and is unpacked here.
        const packed = own(await fetch(chrome.runtime.getURL('photo/vendor/eng.traineddata.gz'))).body;
        if (!packed) throw new Error('empty model');
        const model = await new Response(packed.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
        await c.loadModel(model);
        return c;
      } catch (e) {
        await c.destroy();
        throw e;
      }
    })();
    client.catch(() => { client = null; });
  }
  return client;
}

/**
 * Reads the words in `image`, with their boxes in its pixels.
 * @param {ImageBitmap | ImageData} image
 * @param {(fraction: number) => void} onProgress
 * @returns {Promise<import('./reading.js').Word[]>}
 */
export async function readWords(image, onProgress) {
  const c = await engine();
  await c.loadImage(image);
  try {
    return await c.getTextBoxes('word', (percent) => onProgress(percent / 100));
  } finally {
    await c.clearImage();
  }
}

/** Stops the engine's worker and frees its memory; the next photo starts it again. */
export async function release() {
  const c = client;
  client = null;
  if (c) await (await c.catch(() => null))?.destroy();
}
