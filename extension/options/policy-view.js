// @ts-check
/**
 * Renders the effective policy (what is enforced, and where each value came from) and the problems
 * found in what IT or the user supplied.
 */
import { el } from './dom.js';

/**
 * @typedef {{setting: string, problem: string, source: string}} Issue
 * @typedef {{policy: Record<string, unknown>, issues: Issue[], sources: Record<string, string>}} Loaded
 * @typedef {{title?: string, description?: string}} SchemaEntry
 */

/** How each source reads on the page. */
const SOURCE_LABEL = Object.freeze({
  default: 'Default',
  managed: "Your Trust's IT",
  user: 'You',
  managedAndUser: "Your Trust's IT, plus you",
});

/**
 * A setting's value as readable text.
 * @param {unknown} value
 * @returns {string}
 */
export function describe(value) {
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string') return value === '' ? '(not set)' : value;
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map((v) => describe(v)).join('\n');
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) return '(none)';
    return entries.map(([k, v]) => {
      const inner = describe(v);
      return inner.includes('\n') ? `${k}:\n  ${inner.split('\n').join('\n  ')}` : `${k}: ${inner}`;
    }).join('\n');
  }
  return String(value);
}

/**
 * Fills the policy table, one row per setting in the schema's order.
 * @param {HTMLTableSectionElement} body
 * @param {Loaded} loaded
 * @param {Record<string, SchemaEntry>} schema  managed_schema.json's properties
 */
export function renderPolicy(body, loaded, schema) {
  const rows = Object.keys(schema).map((key) => {
    const entry = schema[key] ?? {};
    const source = loaded.sources[key] ?? 'default';
    const label = SOURCE_LABEL[/** @type {keyof typeof SOURCE_LABEL} */ (source)] ?? source;
    return el('tr', { 'data-setting': key },
      el('th', { scope: 'row' }, entry.title ?? key, el('span', { class: 'setting-description' }, key)),
      el('td', { class: 'value' }, describe(loaded.policy[key])),
      el('td', { class: `source-${source}`, 'data-source': source }, label));
  });
  body.replaceChildren(...rows);
}

/**
 * Lists the problems, or hides the section when there are none.
 * @param {HTMLElement} section
 * @param {HTMLUListElement} list
 * @param {Issue[]} issues
 */
export function renderIssues(section, list, issues) {
  section.hidden = issues.length === 0;
  list.replaceChildren(...issues.map((i) => el('li', { 'data-setting': i.setting },
    el('code', {}, i.setting), ` ${i.problem}`, i.source === 'user' ? ' (your own settings)' : ' (set by IT)')));
}

/**
 * CSS selectors IT set that this browser cannot parse: the core can check only their size.
 * @param {Record<string, unknown>} policy  the effective policy
 * @returns {Issue[]}
 */
export function selectorIssues(policy) {
  /** @type {Issue[]} */
  const issues = [];
  const probe = document.createDocumentFragment();
  /**
   * @param {Record<string, unknown>} fields  one site's overrides or one added host's entry
   * @param {string} setting                  where they are in the policy, for the message
   */
  const check = (fields, setting) => {
    for (const kind of ['editors', 'submits', 'attachments']) {
      const list = fields[kind];
      if (!Array.isArray(list)) continue;
      list.forEach((selector, i) => {
        try {
          probe.querySelector(String(selector));
        } catch {
          issues.push({ setting: `${setting}.${kind}[${i}]`, problem: 'is not a valid CSS selector; the page skips it', source: 'managed' });
        }
      });
    }
  };
  const overrides = /** @type {Record<string, Record<string, unknown>>} */ (policy.selectorOverrides ?? {});
  for (const [site, fields] of Object.entries(overrides)) check(fields, `selectorOverrides.${site}`);
  const added = Array.isArray(policy.extraSites) ? /** @type {Record<string, unknown>[]} */ (policy.extraSites) : [];
  added.forEach((fields, n) => check(fields, `extraSites[${n}]`));
  return issues;
}
