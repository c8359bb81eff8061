// @ts-check
/**
 * Owns the WASM analyser inside the service worker: loads it once, rebuilds it when the policy
 * changes, and recovers if it ever traps (a Rust panic aborts the instance, so the next call gets a
 * fresh one instead of every later call failing).
 */
import init, { Checker } from '../pkg/postguard_web.js';
import { unpack } from './unpack.js';

/** @type {Promise<unknown> | null} */
let loading = null;
/** @type {Checker | null} */
let checker = null;
/** @type {unknown} */
let checkerLayers = undefined;
/** @type {import('./unpack.js').Rule[]} */
let rules = [];

/** Loads the packaged WASM (never anything remote). */
function load() {
  if (!loading) {
    loading = init({ module_or_path: chrome.runtime.getURL('pkg/postguard_web_bg.wasm') }).catch((e) => {
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
    checker?.free();
    checker = new Checker(layers.managed, layers.user);
    checkerLayers = layers;
    rules = checker.rules();
  }
  return checker;
}

/**
 * Analyses `text`; on a trap, drops the instance so the next call starts clean, and rethrows.
 * @param {{managed: unknown, user: unknown}} policy  the layers from settings.js
 * @param {string} text
 * @returns {Promise<{findings: import('../shared/messages.js').Finding[], truncated: boolean}>}
 */
export async function analyze(policy, text) {
  const c = await checkerFor(policy);
  try {
    return unpack(c.checkPacked(text), c.lastWhys(), rules);
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) {
      checker = null;
      loading = null;
    }
    throw e;
  }
}
