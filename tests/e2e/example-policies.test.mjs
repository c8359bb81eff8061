// The example enterprise policies under extension/policies/ (issue 6): every deployment format — Linux
// JSON for Chrome/Chromium and Edge, Windows .reg for Chrome and Edge, macOS .mobileconfig for Chrome
// and Edge, Firefox policies.json, Google Admin console JSON — force-installs postguard under its real
// ID and carries the same Trust settings as extension/policies/policy.json, which the extension's own
// validator (the WASM build, exactly as the worker runs it) accepts without a single issue.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { distDir, manifestExtensionId } from './lib/browser.mjs';
import { GECKO_ID } from '../../tools/firefox-manifest.mjs';
import { EXAMPLE_BASE, renderPolicy } from '../../tools/package.mjs';
import { parseReg } from '../../tools/reg-file.mjs';

const POLICIES = fileURLToPath(new URL('../../extension/policies/', import.meta.url));
const read = (/** @type {string} */ rel) => readFileSync(join(POLICIES, rel), 'utf8');

/** @type {(managed: unknown, user?: unknown) => {policy: Record<string, unknown>, issues: unknown[], sources: Record<string, string>}} */
let validatePolicy;

/**
 * A `.reg` file's values by key, the key written as in the file (HKEY_LOCAL_MACHINE\…).
 * @param {string} text
 */
function regKeys(text) {
  /** @type {Record<string, Record<string, string | number>>} */
  const keys = {};
  for (const v of parseReg(text)) (keys[`HKEY_LOCAL_MACHINE\\${v.key}`] ??= {})[v.name] = v.value;
  return keys;
}

/**
 * An XML property list (the subset configuration profiles use) as plain values.
 * @param {string} xml
 * @returns {unknown}
 */
function parsePlist(xml) {
  const tokens = [...xml.replace(/<\?xml[^>]*>|<!DOCTYPE[^>]*>/g, '').matchAll(/<(\/?)(\w+)(\/?)>([^<]*)/g)];
  let i = 0;
  const unescape = (/** @type {string} */ s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  /** @returns {unknown} */
  function value() {
    const [, close, tag, selfClosing, text] = tokens[i++];
    assert.equal(close, '', `unexpected </${tag}>`);
    switch (tag) {
      case 'plist': { const v = value(); i++; return v; }
      case 'true': case 'false': return tag === 'true';
      case 'string': i++; return unescape(text);
      case 'integer': i++; return Number(text);
      case 'array': {
        if (selfClosing) return [];
        const out = [];
        while (tokens[i][2] !== 'array' || tokens[i][1] !== '/') out.push(value());
        i++;
        return out;
      }
      case 'dict': {
        /** @type {Record<string, unknown>} */
        const out = {};
        while (tokens[i][2] === 'key') { const k = unescape(tokens[i][4]); i += 2; out[k] = value(); }
        assert.equal(tokens[i][2], 'dict');
        i++;
        return out;
      }
      default: throw new Error(`plist: unsupported <${tag}>`);
    }
  }
  return value();
}

describe('example enterprise policies (extension/policies/)', () => {
  const id = manifestExtensionId(fileURLToPath(new URL('../../manifest.json', import.meta.url)));
  /** @type {Record<string, unknown>} */
  let canonical;

  before(async () => {
    const pkg = join(distDir(), 'pkg');
    const glue = await import(pathToFileURL(join(pkg, 'postguard_web.js')).href);
    await glue.default({ module_or_path: readFileSync(join(pkg, 'postguard_web_bg.wasm')) });
    /** @param {unknown} managed */
    validatePolicy = (managed) => JSON.parse(glue.validatePolicy(JSON.stringify(managed)));
    canonical = JSON.parse(read('policy.json'));
  });

  /** Validates `managed` and checks it is the canonical policy. @param {unknown} managed @param {string} where */
  function assertCanonical(managed, where) {
    const loaded = validatePolicy(managed);
    assert.deepEqual(loaded.issues, [], `${where}: the validator reports no issue`);
    assert.deepEqual(loaded.policy, validatePolicy(canonical).policy, `${where}: same settings as policy.json`);
    assert.ok(Object.values(loaded.sources).every((s) => s === 'managed'), `${where}: sets every setting`);
  }

  it('policy.json sets every setting in managed_schema.json, validly', () => {
    const schema = JSON.parse(readFileSync(fileURLToPath(new URL('../../extension/managed_schema.json', import.meta.url)), 'utf8'));
    assert.deepEqual(Object.keys(canonical).sort(), Object.keys(schema.properties).sort());
    assertCanonical(canonical, 'policy.json');
  });

  for (const [file, pin] of [['linux/postguard.json', 'toolbar_pin'], ['linux/postguard-edge.json', 'toolbar_state']]) {
    it(`${file}: force-installs and pins postguard by its real ID and configures it`, () => {
      const doc = JSON.parse(read(file));
      const install = doc.ExtensionSettings[id];
      assert.equal(install?.installation_mode, 'force_installed');
      assert.match(install.update_url, /^https:\/\/.+\/updates\.xml$/);
      assert.equal(install.override_update_url, true, 'updates come from the Trust\'s host too, not the Web Store');
      assert.equal(install[pin], pin === 'toolbar_pin' ? 'force_pinned' : 'force_shown');
      assert.deepEqual(Object.keys(doc['3rdparty'].extensions), [id]);
      assertCanonical(doc['3rdparty'].extensions[id], file);
    });
  }

  for (const [file, vendor, pin] of [['windows/chrome.reg', 'Google\\Chrome', 'toolbar_pin'], ['windows/edge.reg', 'Microsoft\\Edge', 'toolbar_state']]) {
    it(`${file}: registry values install, pin and configure postguard`, () => {
      const keys = regKeys(read(file));
      const root = `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\${vendor}`;
      const install = JSON.parse(String(keys[root]?.ExtensionSettings))[id];
      assert.equal(install?.installation_mode, 'force_installed');
      assert.equal(install.override_update_url, true);
      assert.equal(install[pin], pin === 'toolbar_pin' ? 'force_pinned' : 'force_shown');
      const values = keys[`${root}\\3rdparty\\extensions\\${id}\\policy`];
      assert.ok(values, 'the 3rdparty policy key names the real ID');
      // Registry shapes as Chrome hands them over: DWORD 0/1 booleans, lists and objects as JSON strings.
      assertCanonical(values, file);
    });
  }

  for (const [file, domain, pin] of [['macos/postguard-chrome.mobileconfig', 'com.google.Chrome', 'toolbar_pin'], ['macos/postguard-edge.mobileconfig', 'com.microsoft.Edge', 'toolbar_state']]) {
    it(`${file}: the profile installs, pins and configures postguard`, () => {
      const profile = /** @type {Record<string, any>} */ (parsePlist(read(file)));
      assert.equal(profile.PayloadType, 'Configuration');
      const payloads = /** @type {Record<string, any>[]} */ (profile.PayloadContent);
      const uuids = new Set([profile.PayloadUUID, ...payloads.map((p) => p.PayloadUUID)]);
      assert.equal(uuids.size, payloads.length + 1, 'every payload has its own UUID');
      const browser = payloads.find((p) => p.PayloadType === domain);
      assert.equal(browser?.ExtensionSettings?.[id]?.installation_mode, 'force_installed');
      assert.equal(browser.ExtensionSettings[id].override_update_url, true);
      assert.equal(browser.ExtensionSettings[id][pin], pin === 'toolbar_pin' ? 'force_pinned' : 'force_shown');
      const settings = payloads.find((p) => p.PayloadType === `${domain}.extensions.${id}`);
      assert.ok(settings, 'a payload for the extension\'s managed domain, under the real ID');
      const policy = Object.fromEntries(Object.entries(settings).filter(([k]) => !k.startsWith('Payload')));
      assertCanonical(policy, file);
    });
  }

  it('firefox/policies.json: force-installs the signed XPI by its gecko ID and configures it', () => {
    const { policies } = JSON.parse(read('firefox/policies.json'));
    const install = policies.ExtensionSettings[GECKO_ID];
    assert.equal(install?.installation_mode, 'force_installed');
    assert.match(install.install_url, /^https:\/\/.+\.xpi$/);
    assert.deepEqual(Object.keys(policies['3rdparty'].Extensions), [GECKO_ID]);
    assertCanonical(policies['3rdparty'].Extensions[GECKO_ID], 'firefox/policies.json');
  });

  it('google-admin/postguard.json: the Admin console\'s {"Key": {"Value": …}} form carries the same settings', () => {
    const doc = JSON.parse(read('google-admin/postguard.json'));
    assert.ok(Object.values(doc).every((v) => Object.keys(v).join() === 'Value'));
    assertCanonical(Object.fromEntries(Object.entries(doc).map(([k, v]) => [k, v.Value])), 'google-admin/postguard.json');
  });

  it('render for a Trust with its own ID, add-on ID and address everywhere, and fresh profile UUIDs (./build.sh package)', () => {
    const trust = { id: 'abcdefghijklmnopabcdefghijklmnop', base: 'https://extensions.example-trust.nhs.uk/pg', geckoId: 'postguard@example-trust.nhs.uk' };
    for (const file of ['linux/postguard.json', 'linux/postguard-edge.json', 'windows/chrome.reg', 'windows/edge.reg',
      'macos/postguard-chrome.mobileconfig', 'macos/postguard-edge.mobileconfig', 'firefox/policies.json']) {
      const example = read(file);
      const rendered = renderPolicy(example, trust);
      for (const old of [id, EXAMPLE_BASE, GECKO_ID]) assert.ok(!rendered.includes(old), `${file}: ${old} survived rendering`);
      assert.ok(rendered.includes(file.startsWith('firefox') ? trust.geckoId : trust.id), `${file}: names the Trust's ID`);
      assert.ok(rendered.includes(`${trust.base}/`), `${file}: points at the Trust's host`);
      assert.equal(rendered.split(/\r?\n/).length, example.split(/\r?\n/).length, `${file}: only values change`);
      if (file.endsWith('.mobileconfig')) {
        const uuids = (/** @type {string} */ text) => [...text.matchAll(/<key>PayloadUUID<\/key>\s*<string>([^<]+)</g)].map((m) => m[1]);
        const before = uuids(example), after = uuids(rendered);
        assert.equal(new Set(after).size, before.length, `${file}: distinct UUIDs`);
        assert.ok(after.every((u) => !before.includes(u) && /^[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/.test(u)), `${file}: ${after}`);
        assert.deepEqual(uuids(renderPolicy(example, trust)), after, `${file}: the same Trust gets the same UUIDs each release`);
      }
    }
  });

  it('are not shipped inside the extension package', () => {
    assert.throws(() => readFileSync(join(distDir(), 'policies', 'policy.json')), /ENOENT/);
  });
});
