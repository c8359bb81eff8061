// @ts-check
/**
 * Expands the analyser's packed output (see `Checker.checkPacked` in crates/web) into the `Finding`
 * objects of the message contract. Creating objects in JS is cheap; creating them field by field across
 * the WASM boundary cost more than the analysis itself (measured: 0.11 of 0.18 ms for a 3,000-character
 * draft with 73 findings).
 */

/** @typedef {{id: string, category: import('../shared/messages.js').Category, title: string, message: string, suggestion: string | null, policyRef: string}} Rule */

/** Numbers per finding; must match `PACKED_STRIDE` in crates/web/src/lib.rs. */
export const STRIDE = 6;

/** @type {import('../shared/messages.js').Severity[]} */
const SEVERITIES = ['info', 'warn', 'high'];
/** @type {(import('../shared/messages.js').Action | 'off')[]} */
const ACTIONS = ['off', 'inform', 'warn', 'acknowledge', 'block'];

/**
 * @param {Uint32Array} packed  [truncated, count, (rule, start, end, severity, action, why) × count,
 *                              then per finding: cue count, (start, end) × cue count,
 *                              then per finding: fix count, per fix (label, edit count,
 *                              (start, end, text) × edit count)]
 * @param {string} whys          distinct why texts joined by U+0000
 * @param {Rule[]} rules         the checker's rule catalogue
 * @param {string} [text]        the text analysed: each cue's words are read from it (`cueWords`)
 * @param {string} [fixTexts]    distinct fix labels and edit texts joined by U+0000
 * @returns {{findings: import('../shared/messages.js').Finding[], truncated: boolean}}
 */
export function unpack(packed, whys, rules, text, fixTexts = '') {
  const whyList = whys.split('\u0000');
  const count = packed[1];
  /** @type {import('../shared/messages.js').Finding[]} */
  const findings = new Array(count);
  for (let i = 0; i < count; i++) {
    const at = 2 + i * STRIDE;
    const rule = rules[packed[at]];
    findings[i] = {
      rule: rule.id,
      category: rule.category,
      severity: SEVERITIES[packed[at + 3]],
      action: /** @type {import('../shared/messages.js').Action} */ (ACTIONS[packed[at + 4]]),
      start: packed[at + 1],
      end: packed[at + 2],
      title: rule.title,
      message: rule.message,
      suggestion: rule.suggestion,
      policyRef: rule.policyRef,
      why: whyList[packed[at + 5]] ?? '',
    };
  }
  // The words that weighed most in a learned-model finding, after the fixed-size records.
  let at = 2 + count * STRIDE;
  for (let i = 0; i < count && at < packed.length; i++) {
    const n = packed[at++];
    if (n === 0) continue;
    /** @type {[number, number][]} */
    const cues = [];
    for (let k = 0; k < n; k++, at += 2) cues.push([packed[at], packed[at + 1]]);
    findings[i].cues = cues;
    if (text !== undefined) findings[i].cueWords = cues.map(([s, e]) => text.slice(s, e));
  }
  // The one-click fixes, after the cues.
  const texts = fixTexts.split('\u0000');
  for (let i = 0; i < count && at < packed.length; i++) {
    const n = packed[at++];
    if (n === 0) continue;
    /** @type {import('../shared/messages.js').Fix[]} */
    const fixes = [];
    for (let k = 0; k < n; k++) {
      const label = texts[packed[at]] ?? '';
      const edits = [];
      for (let e = packed[at + 1], j = at + 2; e > 0; e--, j += 3) edits.push({ start: packed[j], end: packed[j + 1], text: texts[packed[j + 2]] ?? '' });
      at += 2 + edits.length * 3;
      fixes.push({ label, edits });
    }
    findings[i].fixes = fixes;
  }
  return { findings, truncated: packed[0] === 1 };
}
