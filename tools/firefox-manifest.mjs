/**
 * Writes the Firefox variant of the one manifest.json, so the two builds never drift apart:
 *
 * - `background.scripts` (an event page) instead of `background.service_worker`: Firefox MV3 has no
 *   extension service workers; the same ES module runs there (`"type": "module"`);
 * - `browser_specific_settings.gecko.id`, the ID Firefox policies (`ExtensionSettings`,
 *   `3rdparty.Extensions`) name (Firefox has no manifest `key`), and the declaration that no data is
 *   collected (`data_collection_permissions: none`);
 * - no `minimum_chrome_version`, and no `storage.managed_schema`: Firefox takes managed values from
 *   policies.json (`3rdparty.Extensions.<id>`) without a schema, and postguard validates them itself
 *   (the file stays in the package: the options page reads its titles and descriptions).
 *
 * usage: node tools/firefox-manifest.mjs IN_MANIFEST OUT_MANIFEST
 */
import { readFileSync, writeFileSync } from 'node:fs';

/**
 * The development build's Firefox add-on ID, which the example policies use as a placeholder. A Trust's
 * release (`./build.sh package`, tools/package.mjs) carries the Trust's own ID instead: addons.mozilla.org
 * signs an ID for one account only.
 */
export const GECKO_ID = 'postguard@postguard.nhs.uk';

/**
 * Oldest Firefox supported: 140 (the ESR line Trusts are most likely to run) is the first to know
 * `data_collection_permissions`, and runs MV3 module event pages and `wasm-unsafe-eval`.
 */
const STRICT_MIN_VERSION = '140.0';
/** Firefox for Android learned `data_collection_permissions` in 142. */
const ANDROID_MIN_VERSION = '142.0';

/**
 * @param {Record<string, any>} manifest  the Chromium manifest
 * @param {{geckoId?: string, updateUrl?: string}} [release]  a Trust's add-on ID and the address of its
 *        Firefox update manifest (`gecko.update_url`, how a self-distributed add-on finds updates)
 * @returns {Record<string, any>}
 */
export function firefoxManifest(manifest, release = {}) {
  const out = structuredClone(manifest);
  const worker = out.background?.service_worker;
  if (typeof worker !== 'string') throw new Error('manifest.json: background.service_worker missing');
  out.background = { scripts: [worker], type: out.background.type ?? 'module' };
  delete out.key;
  delete out.minimum_chrome_version;
  delete out.storage;
  delete out.update_url;
  // Firefox has no dynamic URLs for web-accessible resources (use_dynamic_url): each install's
  // extension origin is already a random UUID a page cannot guess.
  for (const entry of out.web_accessible_resources ?? []) delete entry.use_dynamic_url;
  out.browser_specific_settings = {
    gecko: {
      id: release.geckoId ?? GECKO_ID,
      ...(release.updateUrl ? { update_url: release.updateUrl } : {}),
      strict_min_version: STRICT_MIN_VERSION,
      // Nothing typed or read ever leaves the device: postguard collects and transmits no data.
      data_collection_permissions: { required: ['none'] },
    },
    gecko_android: { strict_min_version: ANDROID_MIN_VERSION },
  };
  return out;
}

if (process.argv[1]?.endsWith('firefox-manifest.mjs')) {
  const [input, output] = process.argv.slice(2);
  if (!input || !output) {
    console.error('usage: node tools/firefox-manifest.mjs IN_MANIFEST OUT_MANIFEST');
    process.exit(2);
  }
  const manifest = JSON.parse(readFileSync(input, 'utf8'));
  writeFileSync(output, JSON.stringify(firefoxManifest(manifest), null, 2) + '\n');
}
