/**
 * axe-core (Deque's accessibility engine, pinned in tests/package-lock.json) run on postguard's own
 * nodes only: the content of the overlay host's shadow root on a site's page, or the whole options
 * page. The audit is at WCAG 2.0, 2.1 and 2.2 levels A and AA, plus `label-content-name-mismatch`
 * (WCAG 2.5.3 Label in Name), which axe ships switched off as experimental.
 *
 * axe is evaluated in the page through the DevTools protocol (Playwright's evaluate), which a page's
 * strict Content-Security-Policy does not govern, so no fixture's CSP is relaxed for it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG tags audited: 2.0, 2.1 and 2.2, levels A and AA. */
export const WCAG_TAGS = Object.freeze(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']);

/**
 * @typedef {object} AxeViolation
 * @property {string} id
 * @property {string} impact
 * @property {string} help
 * @property {string[]} tags
 * @property {{target: unknown, html: string, failureSummary: string}[]} nodes
 *
 * @typedef {object} AxeReport
 * @property {AxeViolation[]} violations
 * @property {string[]} passes        ids of the rules that passed on at least one node
 * @property {{id: string, nodes: number}[]} incomplete  rules axe could not decide (for a person to review)
 * @property {number} nodes           how many of postguard's elements were in scope
 */

/**
 * Audits postguard's UI on a site's page: everything inside the overlay host's shadow root, wherever
 * the host lives (the document, or a page dialog or popover, even one in the page's own shadow root).
 * @param {import('playwright-core').Page} page
 * @returns {Promise<AxeReport>}
 */
export async function auditOverlay(page) {
  return audit(page, 'overlay');
}

/**
 * Audits a whole page of the extension's own (the options page).
 * @param {import('playwright-core').Page} page
 * @returns {Promise<AxeReport>}
 */
export async function auditPage(page) {
  return audit(page, 'page');
}

/**
 * @param {import('playwright-core').Page} page
 * @param {'overlay' | 'page'} scope
 * @returns {Promise<AxeReport>}
 */
async function audit(page, scope) {
  if (!(await page.evaluate(() => typeof (/** @type {any} */ (window)).axe === 'object'))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async ({ scope, tags }) => {
    const axe = /** @type {any} */ (window).axe;
    /** The overlay host, looking through open shadow roots. */
    const findHost = (/** @type {Document | ShadowRoot} */ root) => {
      const direct = root.querySelector('[data-postguard]');
      if (direct) return direct;
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) {
          const inner = findHost(el.shadowRoot);
          if (inner) return inner;
        }
      }
      return null;
    };
    /** @type {Element[]} */
    let include;
    if (scope === 'overlay') {
      const host = findHost(document);
      if (!host || !host.shadowRoot) throw new Error('postguard\'s overlay host is not on the page');
      include = [...host.shadowRoot.children];
    } else {
      include = [document.documentElement];
    }
    const result = await axe.run({ include }, {
      runOnly: { type: 'tag', values: tags },
      rules: { 'label-content-name-mismatch': { enabled: true } },
      resultTypes: ['violations', 'incomplete'],
    });
    let nodes = 0;
    for (const el of include) nodes += 1 + el.querySelectorAll('*').length;
    return {
      violations: result.violations.map((/** @type {any} */ v) => ({
        id: v.id, impact: v.impact, help: v.help, tags: v.tags,
        nodes: v.nodes.map((/** @type {any} */ n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
      })),
      passes: result.passes.map((/** @type {any} */ p) => p.id),
      incomplete: result.incomplete.map((/** @type {any} */ i) => ({ id: i.id, nodes: i.nodes.length })),
      nodes,
    };
  }, { scope, tags: WCAG_TAGS });
}

/**
 * A readable account of violations, for an assertion message.
 * @param {AxeViolation[]} violations
 */
export function describeViolations(violations) {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${n.html.slice(0, 200)}\n    ${n.failureSummary.replace(/\n/g, '\n    ')}`).join('\n')}`).join('\n');
}
