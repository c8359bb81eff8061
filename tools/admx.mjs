/**
 * Windows administrative templates (ADMX + en-US ADML) for postguard's own settings, generated from
 * the managed schema (extension/managed_schema.json) for one extension ID, so Group Policy (and Intune's
 * imported ADMX, for Chrome) shows every setting with its title, description and type instead of a
 * registry path to type by hand. `./build.sh package` (tools/package.mjs) writes them, with the
 * Trust's ID, to dist/policies/windows/admx/.
 *
 * Each setting is one policy writing under the browser's per-extension policy key,
 *   HKLM\Software\Policies\Google\Chrome\3rdparty\extensions\<ID>\policy    (Chrome)
 *   HKLM\Software\Policies\Microsoft\Edge\3rdparty\extensions\<ID>\policy   (Edge)
 * in the shapes Chromium's registry reader converts to the schema's types (registry_dict.cc,
 * ConvertRegistryValue / RegistryDict::ConvertToJSON):
 *   text           REG_SZ                      (a text box; a drop-down where the schema has an enum)
 *   true/false     REG_DWORD 1 when Enabled, 0 when Disabled
 *   list of text   a subkey named after the setting with REG_SZ values named 1, 2, 3, … (a list editor)
 *   object         REG_SZ holding the object as JSON
 * "Not configured" writes nothing, so the setting keeps its default; no policy touches
 * ExtensionSettings or any other extension's key.
 *
 * usage (also importable): node tools/admx.mjs SCHEMA.json ID OUTDIR   (Chrome's and Edge's, into OUTDIR)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** @typedef {{type?: string, title?: string, description?: string, enum?: unknown[], maxLength?: number, items?: SchemaNode, properties?: Record<string, SchemaNode>, default?: unknown}} SchemaNode */

export const VENDORS = /** @type {const} */ ({
  chrome: { browser: 'Google Chrome', root: 'Software\\Policies\\Google\\Chrome' },
  edge: { browser: 'Microsoft Edge', root: 'Software\\Policies\\Microsoft\\Edge' },
});

/** Longest JSON text an object setting may hold in its text box. */
const JSON_MAX_LENGTH = 65535;

/** @param {string} s */
const xml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The registry key postguard's settings live under. @param {keyof typeof VENDORS} vendor @param {string} id */
export function policyKey(vendor, id) {
  return `${VENDORS[vendor].root}\\3rdparty\\extensions\\${id}\\policy`;
}

/**
 * How a schema property is presented and stored.
 * @param {SchemaNode} node
 * @returns {'text' | 'enum' | 'boolean' | 'number' | 'list' | 'json'}
 */
export function kindOf(node) {
  if (node.type === 'boolean') return 'boolean';
  if (node.type === 'integer') return 'number';
  if (node.type === 'string') return Array.isArray(node.enum) ? 'enum' : 'text';
  if (node.type === 'array' && node.items?.type === 'string') return 'list';
  if (node.type === 'array' || node.type === 'object') return 'json';
  throw new Error(`admx: no Group Policy form for a ${node.type} setting`);
}

/**
 * The ADMX and its en-US ADML for one browser and one extension ID.
 * @param {{properties: Record<string, SchemaNode>}} schema
 * @param {{id: string, vendor: keyof typeof VENDORS, example?: Record<string, unknown>}} o
 *        `example`: values shown in the explanations of object settings (JSON is hard to type blind)
 * @returns {{name: string, admx: string, adml: string}}
 */
export function admxFor(schema, { id, vendor, example = {} }) {
  if (!/^[a-p]{32}$/.test(id)) throw new Error(`admx: ${JSON.stringify(id)} is not an extension ID`);
  const { browser } = VENDORS[vendor];
  const key = policyKey(vendor, id);
  const name = `postguard-${vendor}`;
  /** @type {string[]} */ const policies = [];
  /** @type {string[]} */ const strings = [];
  /** @type {string[]} */ const presentations = [];
  const str = (/** @type {string} */ sid, /** @type {string} */ text) => strings.push(`      <string id="${sid}">${xml(text)}</string>`);

  str('postguard', `postguard (${browser})`);
  str('SUPPORTED_postguard', `${browser} with postguard installed (extension ID ${id})`);

  for (const [setting, node] of Object.entries(schema.properties)) {
    const kind = kindOf(node);
    const title = node.title ?? setting;
    const explain = [node.description ?? title];
    if (kind === 'list') {
      explain.push('Enter one item per line of the list (Show…).');
    } else if (kind === 'json') {
      explain.push(`Enter the value as JSON${setting in example ? `, for example:\n${JSON.stringify(example[setting])}` : '.'}`);
    } else if (kind === 'boolean') {
      explain.push('Enabled sets it to true, Disabled to false.');
    }
    explain.push(`Not configured: postguard's default applies. Registry: HKLM\\${key}, ${kind === 'list' ? `subkey ${setting}` : `value ${setting}`}.`);
    str(setting, title);
    str(`${setting}_Explain`, explain.join('\n\n'));

    const head = `    <policy name="${setting}" class="Machine" displayName="$(string.${setting})" explainText="$(string.${setting}_Explain)"`;
    const common = '      <parentCategory ref="postguard"/>\n      <supportedOn ref="SUPPORTED_postguard"/>';
    if (kind === 'boolean') {
      policies.push(`${head} key="${key}" valueName="${setting}">
${common}
      <enabledValue><decimal value="1"/></enabledValue>
      <disabledValue><decimal value="0"/></disabledValue>
    </policy>`);
      continue;
    }
    /** @type {string} */ let element;
    if (kind === 'enum') {
      const items = /** @type {unknown[]} */ (node.enum).map((v, i) => {
        str(`${setting}_${i}`, v === '' ? '(empty)' : String(v));
        return `          <item displayName="$(string.${setting}_${i})"><value><string>${xml(String(v))}</string></value></item>`;
      });
      element = `        <enum id="${setting}" valueName="${setting}" required="true">\n${items.join('\n')}\n        </enum>`;
      presentations.push(`      <presentation id="${setting}"><dropdownList refId="${setting}" noSort="true">${xml(title)}</dropdownList></presentation>`);
    } else if (kind === 'number') {
      // A DWORD, which Chromium reads as a whole number; the box refuses values out of range.
      const range = `${node.minimum === undefined ? '' : ` minValue="${node.minimum}"`}${node.maximum === undefined ? '' : ` maxValue="${node.maximum}"`}`;
      element = `        <decimal id="${setting}" valueName="${setting}"${range} required="true"/>`;
      presentations.push(`      <presentation id="${setting}"><decimalTextBox refId="${setting}"${node.default === undefined ? '' : ` defaultValue="${node.default}"`}>${xml(title)}</decimalTextBox></presentation>`);
    } else if (kind === 'list') {
      element = `        <list id="${setting}" key="${key}\\${setting}" valuePrefix=""/>`;
      presentations.push(`      <presentation id="${setting}"><listBox refId="${setting}">${xml(title)}</listBox></presentation>`);
    } else {
      const max = kind === 'text' ? node.maxLength ?? 1023 : JSON_MAX_LENGTH;
      element = `        <text id="${setting}" valueName="${setting}" maxLength="${max}" required="true"/>`;
      presentations.push(`      <presentation id="${setting}"><textBox refId="${setting}"><label>${xml(kind === 'json' ? `${title} (JSON)` : title)}</label></textBox></presentation>`);
    }
    policies.push(`${head} presentation="$(presentation.${setting})" key="${key}">
${common}
      <elements>
${element}
      </elements>
    </policy>`);
  }

  const admx = `<?xml version="1.0" encoding="utf-8"?>
<!-- postguard's settings for ${browser}, extension ID ${id}. Generated by tools/admx.mjs from managed_schema.json; do not edit. -->
<policyDefinitions xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions">
  <policyNamespaces>
    <target prefix="postguard" namespace="Postguard.Policies.${vendor === 'chrome' ? 'Chrome' : 'Edge'}.${id}"/>
  </policyNamespaces>
  <resources minRequiredRevision="1.0"/>
  <supportedOn>
    <definitions>
      <definition name="SUPPORTED_postguard" displayName="$(string.SUPPORTED_postguard)"/>
    </definitions>
  </supportedOn>
  <categories>
    <category name="postguard" displayName="$(string.postguard)"/>
  </categories>
  <policies>
${policies.join('\n')}
  </policies>
</policyDefinitions>
`;
  const adml = `<?xml version="1.0" encoding="utf-8"?>
<!-- Generated by tools/admx.mjs from managed_schema.json; do not edit. -->
<policyDefinitionResources xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions">
  <displayName>postguard (${browser})</displayName>
  <description>postguard's own settings for ${browser} (extension ID ${id}).</description>
  <resources>
    <stringTable>
${strings.join('\n')}
    </stringTable>
    <presentationTable>
${presentations.join('\n')}
    </presentationTable>
  </resources>
</policyDefinitionResources>
`;
  return { name, admx, adml };
}

/**
 * Writes DIR/NAME.admx and DIR/en-US/NAME.adml for Chrome and Edge; returns the paths written, relative to dir.
 * @param {{properties: Record<string, SchemaNode>}} schema
 * @param {string} id
 * @param {string} dir
 * @param {Record<string, unknown>} [example]
 */
export function writeAdmx(schema, id, dir, example) {
  mkdirSync(join(dir, 'en-US'), { recursive: true });
  /** @type {string[]} */ const written = [];
  for (const vendor of /** @type {const} */ (['chrome', 'edge'])) {
    const { name, admx, adml } = admxFor(schema, { id, vendor, example });
    writeFileSync(join(dir, `${name}.admx`), admx);
    writeFileSync(join(dir, 'en-US', `${name}.adml`), adml);
    written.push(`${name}.admx`, `en-US/${name}.adml`);
  }
  return written;
}

if (process.argv[1]?.endsWith('admx.mjs')) {
  const [schemaPath, id, outDir] = process.argv.slice(2);
  if (!schemaPath || !id || !outDir) {
    console.error('usage: node tools/admx.mjs SCHEMA.json ID OUTDIR');
    process.exit(2);
  }
  console.log(writeAdmx(JSON.parse(readFileSync(schemaPath, 'utf8')), id, outDir).join('\n'));
}
