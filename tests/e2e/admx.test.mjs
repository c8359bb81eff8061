// Group Policy templates for postguard's own settings (issue 19): tools/admx.mjs makes an ADMX and an
// en-US ADML for Chrome and for Edge from extension/managed_schema.json, with the Trust's extension ID
// (./build.sh package writes them to dist/policies/windows/admx/). Checked here without Windows:
//   - both files are well-formed XML (a strict parser) in the PolicyDefinitions namespace, every
//     $(string.…) and $(presentation.…) they use is defined, every presentation control names an element
//     of its policy;
//   - every schema key is exactly one policy, under the browser's per-extension key for the given ID and
//     nothing else (never ExtensionSettings, never another extension);
//   - enabling every policy with the values of extension/policies/policy.json writes registry values
//     that, read the way Chromium reads 3rdparty policy from the registry (registry_dict.cc:
//     DWORD → boolean, numbered values of a subkey → list, JSON text → object), give the postguard
//     validator (the WASM build the worker runs) exactly policy.json's settings with no issue.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { distDir } from './lib/browser.mjs';
import { admxFor, kindOf, policyKey } from '../../tools/admx.mjs';

const sax = createRequire(fileURLToPath(new URL('../../tools/package.json', import.meta.url)))('sax');
const NS = 'http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions';
const ID = 'abcdefghijklmnopabcdefghijklmnop';
const schema = JSON.parse(readFileSync(fileURLToPath(new URL('../../extension/managed_schema.json', import.meta.url)), 'utf8'));
const example = JSON.parse(readFileSync(fileURLToPath(new URL('../../extension/policies/policy.json', import.meta.url)), 'utf8'));

/** @typedef {{name: string, attrs: Record<string, string>, children: El[], text: string}} El */

/**
 * Parses with sax in strict mode (throws on anything not well-formed) into a small element tree.
 * @param {string} text @returns {El}
 */
function parseXml(text) {
  const parser = sax.parser(true, { xmlns: true });
  /** @type {El[]} */ const stack = [];
  /** @type {El | null} */ let root = null;
  parser.onerror = (/** @type {Error} */ e) => { throw e; };
  parser.onopentag = (/** @type {any} */ tag) => {
    assert.equal(tag.uri, NS, `<${tag.name}> is in the PolicyDefinitions namespace`);
    /** @type {El} */
    const el = { name: tag.local, attrs: Object.fromEntries(Object.entries(tag.attributes).filter(([k]) => !k.startsWith('xmlns')).map(([k, v]) => [k, /** @type {any} */ (v).value])), children: [], text: '' };
    if (stack.length) stack[stack.length - 1].children.push(el); else root = el;
    stack.push(el);
  };
  parser.ontext = (/** @type {string} */ t) => { if (stack.length) stack[stack.length - 1].text += t; };
  parser.onclosetag = () => { stack.pop(); };
  parser.write(text).close();
  assert.ok(root, 'a root element');
  return root;
}

/** @param {El} el @param {string} name @returns {El[]} every descendant named `name` */
function all(el, name) {
  return el.children.flatMap((c) => [...(c.name === name ? [c] : []), ...all(c, name)]);
}

/**
 * The registry values Group Policy writes when every policy is Enabled with `values` (key path →
 * value name → string | number), as its client-side extension does for each element type.
 * @param {El} admx @param {Record<string, unknown>} values
 */
function gpWrites(admx, values) {
  /** @type {Record<string, Record<string, string | number>>} */
  const reg = {};
  const put = (/** @type {string} */ key, /** @type {string} */ name, /** @type {string | number} */ v) => { (reg[key] ??= {})[name] = v; };
  for (const policy of all(admx, 'policy')) {
    const setting = policy.attrs.name;
    const value = values[setting];
    const enabled = all(policy, 'enabledValue')[0];
    if (enabled) {
      assert.equal(typeof value, 'boolean', `${setting}: an Enabled/Disabled policy is a true/false setting`);
      const decimal = all(value ? enabled : all(policy, 'disabledValue')[0], 'decimal')[0];
      put(policy.attrs.key, policy.attrs.valueName, Number(decimal.attrs.value));
      continue;
    }
    const [element] = all(policy, 'elements')[0].children;
    switch (element.name) {
      case 'text':
        put(policy.attrs.key, element.attrs.valueName, typeof value === 'string' ? value : JSON.stringify(value));
        assert.ok(String(reg[policy.attrs.key][element.attrs.valueName]).length <= Number(element.attrs.maxLength), `${setting}: fits the text box`);
        break;
      case 'enum': {
        const item = all(element, 'item').find((i) => all(i, 'string')[0].text === value);
        assert.ok(item, `${setting}: ${JSON.stringify(value)} is one of the drop-down's items`);
        put(policy.attrs.key, element.attrs.valueName, all(item, 'string')[0].text);
        break;
      }
      case 'decimal':
        assert.ok(Number.isInteger(value), `${setting}: a whole number`);
        assert.ok(Number(element.attrs.minValue) <= Number(value) && Number(value) <= Number(element.attrs.maxValue), `${setting}: within the box's range`);
        put(policy.attrs.key, element.attrs.valueName, Number(value));
        break;
      case 'list':
        assert.equal(element.attrs.valuePrefix, '', `${setting}: values named 1, 2, 3, … as Chromium reads a list`);
        assert.ok(Array.isArray(value));
        reg[element.attrs.key] = {};
        value.forEach((v, i) => put(element.attrs.key, String(i + 1), String(v)));
        break;
      default:
        assert.fail(`${setting}: unexpected element <${element.name}>`);
    }
  }
  return reg;
}

/**
 * What Chromium makes of the extension's registry key, given its schema (registry_dict.cc): values
 * and subkeys in the registry's case-insensitive name order; a DWORD or a numeric string for a boolean;
 * a DWORD for a whole number;
 * a subkey's numerically named values for a list; JSON text for a list or an object.
 * @param {Record<string, Record<string, string | number>>} reg @param {string} key
 */
function chromiumReads(reg, key) {
  /** @type {Record<string, unknown>} */
  const out = {};
  for (const [name, v] of Object.entries(reg[key] ?? {})) {
    const type = schema.properties[name]?.type;
    if (type === 'boolean') out[name] = typeof v === 'number' ? v !== 0 : /^-?\d+$/.test(v) ? Number(v) !== 0 : undefined;
    else if (type === 'array' || type === 'object') out[name] = typeof v === 'string' ? JSON.parse(v) : undefined;
    else out[name] = v;
  }
  for (const sub of Object.keys(reg).filter((k) => k.startsWith(`${key}\\`))) {
    const name = sub.slice(key.length + 1);
    assert.equal(schema.properties[name]?.type, 'array', `${name}: only lists are written as subkeys`);
    out[name] = Object.keys(reg[sub]).filter((n) => /^\d+$/.test(n)).sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)).map((n) => reg[sub][n]);
  }
  return out;
}

describe('Group Policy templates for postguard\'s settings (tools/admx.mjs)', () => {
  /** @type {(managed: unknown) => {policy: Record<string, unknown>, issues: unknown[], sources: Record<string, string>}} */
  let validatePolicy;

  before(async () => {
    const pkg = join(distDir(), 'pkg');
    const glue = await import(pathToFileURL(join(pkg, 'postguard_web.js')).href);
    await glue.default({ module_or_path: readFileSync(join(pkg, 'postguard_web_bg.wasm')) });
    validatePolicy = (managed) => JSON.parse(glue.validatePolicy(JSON.stringify(managed)));
  });

  for (const vendor of /** @type {const} */ (['chrome', 'edge'])) {
    it(`${vendor}: well-formed ADMX and ADML whose every reference resolves`, () => {
      const { name, admx, adml } = admxFor(schema, { id: ID, vendor, example });
      assert.equal(name, `postguard-${vendor}`);
      const defs = parseXml(admx), res = parseXml(adml);
      assert.equal(defs.name, 'policyDefinitions');
      assert.equal(res.name, 'policyDefinitionResources');
      const strings = new Set(all(res, 'string').map((s) => s.attrs.id));
      const presentations = new Map(all(res, 'presentation').map((p) => [p.attrs.id, p]));
      assert.equal(strings.size, all(res, 'string').length, 'string ids are unique');
      const refs = [...admx.matchAll(/\$\((string|presentation)\.([^)]+)\)/g)];
      assert.ok(refs.length > 2 * Object.keys(schema.properties).length);
      for (const [, kind, ref] of refs) {
        assert.ok(kind === 'string' ? strings.has(ref) : presentations.has(ref), `$(${kind}.${ref}) is defined in the ADML`);
      }
      for (const policy of all(defs, 'policy')) {
        const ids = all(policy, 'elements').flatMap((e) => e.children.map((c) => c.attrs.id));
        const pres = presentations.get(policy.attrs.presentation?.replace(/^\$\(presentation\.|\)$/g, '') ?? '');
        const controls = pres ? pres.children.map((c) => c.attrs.refId) : [];
        assert.deepEqual(controls, ids, `${policy.attrs.name}: a control for each element, and only those`);
        assert.equal(all(policy, 'parentCategory')[0].attrs.ref, 'postguard');
      }
      assert.deepEqual(all(defs, 'category').map((c) => c.attrs.name), ['postguard']);
      assert.match(all(defs, 'target')[0].attrs.namespace, new RegExp(`\\.${ID}$`), 'one namespace per browser and ID');
    });

    it(`${vendor}: one policy per setting of the schema, each under postguard's own key only`, () => {
      const defs = parseXml(admxFor(schema, { id: ID, vendor, example }).admx);
      const policies = all(defs, 'policy');
      assert.deepEqual(policies.map((p) => p.attrs.name).sort(), Object.keys(schema.properties).sort());
      const key = policyKey(vendor, ID);
      assert.equal(key, `Software\\Policies\\${vendor === 'chrome' ? 'Google\\Chrome' : 'Microsoft\\Edge'}\\3rdparty\\extensions\\${ID}\\policy`);
      for (const p of policies) {
        assert.equal(p.attrs.class, 'Machine');
        assert.equal(p.attrs.key, key, `${p.attrs.name}: postguard's own key`);
        const kind = kindOf(schema.properties[p.attrs.name]);
        const element = all(p, 'elements')[0]?.children[0];
        const expected = { boolean: undefined, text: 'text', json: 'text', enum: 'enum', list: 'list', number: 'decimal' }[kind];
        assert.equal(element?.name, expected, `${p.attrs.name}: a ${kind} setting`);
        if (element) assert.equal(element.name === 'list' ? element.attrs.key : element.attrs.valueName, element.name === 'list' ? `${key}\\${p.attrs.name}` : p.attrs.name);
        if (kind === 'enum') assert.deepEqual(all(element, 'string').map((s) => s.text), schema.properties[p.attrs.name].enum);
        if (kind === 'number') {
          assert.equal(Number(element?.attrs.minValue), schema.properties[p.attrs.name].minimum, `${p.attrs.name}: the schema's least value`);
          assert.equal(Number(element?.attrs.maxValue), schema.properties[p.attrs.name].maximum, `${p.attrs.name}: the schema's most value`);
        }
        if (kind === 'text' && schema.properties[p.attrs.name].maxLength) assert.equal(Number(element?.attrs.maxLength), schema.properties[p.attrs.name].maxLength);
      }
      assert.ok(!/ExtensionSettings|ExtensionInstall/.test(admxFor(schema, { id: ID, vendor, example }).admx));
    });

    it(`${vendor}: every policy enabled with policy.json's values reaches postguard as exactly those settings`, () => {
      const defs = parseXml(admxFor(schema, { id: ID, vendor, example }).admx);
      const key = policyKey(vendor, ID);
      const reg = gpWrites(defs, example);
      assert.ok(Object.keys(reg).every((k) => k === key || k.startsWith(`${key}\\`)), 'writes nowhere else');
      const managed = chromiumReads(reg, key);
      const loaded = validatePolicy(managed);
      assert.deepEqual(loaded.issues, []);
      assert.deepEqual(loaded.policy, validatePolicy(example).policy);
      assert.ok(Object.keys(schema.properties).every((k) => loaded.sources[k] === 'managed'), 'every setting set');
      // Disabled true/false policies write 0, which is false, not a missing value.
      const off = chromiumReads(gpWrites(defs, { ...example, allowOverride: false, failClosed: true }), key);
      assert.equal(off.allowOverride, false);
      assert.equal(off.failClosed, true);
    });
  }
});
