// @ts-check
/**
 * Owns the WASM analyser inside the service worker: loads it once, rebuilds it when the policy
 * changes, and recovers if it ever traps.
 *
 * A Rust panic aborts (release profile `panic = "abort"`), which in WebAssembly is a trap: a
 * `WebAssembly.RuntimeError` thrown out of the call, leaving the instance's memory wherever the abort
 * found it. That instance is never used again: the wasm-bindgen glue's `__wbg_reset_state` (generated
 * with `--experimental-reset-state-function`, see build.sh) instantiates the already-compiled module
 * afresh, and the next request compiles a new `Checker` in it. If loading itself fails (a missing or
 * corrupt `.wasm`), the next request simply tries again.
 */
import init, { Checker, __wbg_reset_state, photoHasLocation } from '../pkg/postguard_web.js';
import { unpack } from './unpack.js';

/**
 * Longest text handed to the analyser, in UTF-16 code units. The core analyses at most 2 MiB of UTF-8
 * (`MAX_TEXT_BYTES`), and every code unit is at least one byte, so clipping here never hides text
 * the core would have read; it only stops a pathological paste (extension messages may be up to
 * 64 MiB) from being copied whole into WASM memory.
 */
export const MAX_TEXT_UNITS = 2 * 1024 * 1024;

/** @type {Promise<unknown> | null} */
let loading = null;
/** @type {Checker | null} */
let checker = null;
/** @type {unknown} */
let checkerLayers = undefined;
/** @type {import('./unpack.js').Rule[]} */
let rules = [];

/**
 * Marks a moment of the worker's start-up on its performance timeline (once each), so `./build.sh
 * bench` can say where a cold start's time goes. Names only; nothing from a page.
 * @param {'wasm-ready' | 'analyser-ready' | 'first-analysis'} name
 */
export function milestone(name) {
  if (marked.has(name)) return;
  marked.add(name);
  performance.mark(`postguard:${name}`);
}

/** Milestones already marked in this worker's life. @type {Set<string>} */
const marked = new Set();

/** Loads the packaged WASM (never anything remote). */
function load() {
  if (!loading) {
    loading = init({ module_or_path: chrome.runtime.getURL('pkg/postguard_web_bg.wasm') }).then((exports) => {
      milestone('wasm-ready');
      return exports;
    }, (e) => {
      loading = null;
      throw e;
    });
  }
  return loading;
}

/**
 * Returns an analyser for one reading of the policy layers, compiling one if they changed since the
 * last call. Bad settings never stop it: the core skips them and lists them in `effective().issues`.
 * @param {{managed: unknown, user: unknown}} layers  raw managed-storage object and the user's own terms
 */
export async function checkerFor(layers) {
  await load();
  if (!checker || checkerLayers !== layers) {
    const previous = checker;
    checker = null;
    previous?.free();
    // Policy in and catalogue out cross as JSON text (crates/web explains why).
    const fresh = guarded(() => new Checker(JSON.stringify(layers.managed), JSON.stringify(layers.user)));
    rules = guarded(() => JSON.parse(fresh.rules()));
    checker = fresh;
    checkerLayers = layers;
    milestone('analyser-ready');
  }
  return checker;
}

/**
 * Runs one call into the WASM instance; if it traps, replaces the instance before rethrowing, so a
 * panic costs one request and never the worker's lifetime.
 * @template T
 * @param {() => T} call
 * @returns {T}
 */
function guarded(call) {
  try {
    return call();
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) {
      checker = null;
      checkerLayers = undefined;
      __wbg_reset_state();
    }
    throw e;
  }
}

/**
 * Cuts `text` to at most `MAX_TEXT_UNITS` code units without splitting a surrogate pair.
 * @param {string} text
 * @returns {{text: string, clipped: boolean}}
 */
export function clip(text) {
  if (text.length <= MAX_TEXT_UNITS) return { text, clipped: false };
  let end = MAX_TEXT_UNITS;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return { text: text.slice(0, end), clipped: true };
}

/**
 * Analyses `text`. Offsets in the findings index `text` itself (a clipped text is a prefix of it).
 * @param {{managed: unknown, user: unknown}} policy  the layers from settings.js
 * @param {string} text
 * @returns {Promise<{findings: import('../shared/messages.js').Finding[], truncated: boolean}>}
 */
export async function analyze(policy, text) {
  const c = await checkerFor(policy);
  const { text: input, clipped } = clip(text);
  const report = guarded(() => unpack(c.checkPacked(input), c.lastWhys(), rules, input, c.lastFixTexts()));
  milestone('first-analysis');
  return clipped ? { findings: report.findings, truncated: true } : report;
}

/**
 * Whether an attached photo carries its location (EXIF GPS), from the file's leading bytes.
 * @param {Uint8Array} head
 * @returns {Promise<boolean>}
 */
export async function photoLocation(head) {
  await load();
  return guarded(() => photoHasLocation(head));
}

/**
 * The finding for an attached photo in which the photo check found `faces` faces (rule
 * people-in-photo, its action from the policy), or none (photoFaces false, or the rule set to off).
 * Built by the core like every finding; only the count crosses, nothing of the photo.
 * @param {{managed: unknown, user: unknown}} policy  the layers from settings.js
 * @param {number} faces
 * @returns {Promise<import('../shared/messages.js').Finding[]>}
 */
export async function photoPeople(policy, faces) {
  const c = await checkerFor(policy);
  return guarded(() => unpack(c.photoPeoplePacked(faces), c.lastWhys(), rules, '', c.lastFixTexts())).findings;
}
