// @ts-check
/**
 * "Check a draft": runs the same WASM analyser the extension uses on the sites, on pasted text, right
 * here in the options page (an extension page, so WebAssembly is allowed). The text stays in the page.
 */
import { el } from './dom.js';

/** @typedef {import('../shared/messages.js').Finding} Finding */

/** What each action means for the user. */
const ACTION_TEXT = Object.freeze({
  inform: 'For your information',
  warn: 'Would pause the post',
  acknowledge: 'Would pause the post until you confirm you have checked',
  block: 'Would stop the post',
});

/**
 * Shows the findings for `text`.
 * @param {HTMLElement} out
 * @param {string} text
 * @param {{findings: Finding[], truncated: boolean}} report
 */
export function renderReport(out, text, report) {
  if (text.trim() === '') {
    out.replaceChildren(el('p', {}, 'Paste or type a draft first.'));
    return;
  }
  if (report.findings.length === 0) {
    out.replaceChildren(el('p', {}, 'Nothing in this draft looks likely to breach the policy.'));
    return;
  }
  const pausing = report.findings.filter((f) => f.action !== 'inform').length;
  const summary = el('p', {}, `${report.findings.length} thing(s) to look at; ${pausing} would pause the post.`);
  const items = report.findings.map((f) => {
    const box = el('article', { class: `finding ${f.action}`, 'data-rule': f.rule, 'data-category': f.category },
      el('h3', {}, f.title),
      el('p', {}, el('span', { class: 'span' }, text.slice(f.start, f.end)), ` — ${ACTION_TEXT[/** @type {keyof typeof ACTION_TEXT} */ (f.action)] ?? f.action}.`),
      el('p', {}, f.message));
    if (f.suggestion) box.append(el('p', {}, f.suggestion));
    // The one-click fix the page would offer for it (applied there, in the editor; shown here).
    const fix = f.fixes?.[0];
    if (fix) box.append(el('p', { class: 'fix' }, `One-click fix on the page: ${fix.label}.`));
    box.append(el('p', { class: 'setting-description' }, `Policy: ${f.policyRef}`));
    return box;
  });
  if (report.truncated) items.push(el('p', {}, 'There are more; fix these first.'));
  out.replaceChildren(summary, ...items);
}
