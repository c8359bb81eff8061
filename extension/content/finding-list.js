// @ts-check
/**
 * One finding as a list item, the same in the badge's panel and the pre-submit dialog: what it is,
 * why, the words that weighed most (for the learned model), the policy clause, and the actions the
 * Trust allows on it — a one-click fix ("Fix: hide the NHS number") where the analyser offers one,
 * and "Dismiss" where policy lets the person set a warning aside.
 *
 * The item carries the DESIGN §2 test contract: `data-postguard-finding`, `data-rule`,
 * `data-category` and `data-source` (`text`: found in the typed draft), and a fix button whose
 * accessible name starts with "Fix". Which fix to offer comes from the core (Finding.fixes); this
 * file only shows it.
 */
const PgFindingList = (() => {
  /**
   * The readable parts of a finding: title, message, the words that weighed most (a learned-model
   * finding covers a whole sentence, so the person is shown what made it read as risky), policy
   * clause and suggestion.
   * @param {Finding} f
   * @returns {HTMLElement[]}
   */
  function text(f) {
    const { el } = PgOverlay;
    const cues = f.cueWords?.length ? f.cueWords.map((w) => `“${w}”`).join(', ') : '';
    /** @type {(HTMLElement | null)[]} */
    const parts = [
      el('span', { class: 'title' }, f.title),
      el('span', { class: 'msg' }, f.message),
      cues ? el('span', { class: 'meta cues' }, `Words that weighed most: ${cues}`) : null,
      el('span', { class: 'meta' }, `Policy: ${f.policyRef}`),
      f.suggestion ? el('span', { class: 'meta' }, `Instead: ${f.suggestion}`) : null,
    ];
    return /** @type {HTMLElement[]} */ (parts.filter((p) => p !== null));
  }

  /**
   * The list item for `f`. `body` holds the readable parts (a button in the panel, so keyboard users
   * can move from finding to finding and see each mark; plain text in the dialog).
   * @param {Finding} f
   * @param {{body: HTMLElement, onFix?: () => void, onDismiss?: () => void}} parts
   */
  function item(f, { body, onFix, onDismiss }) {
    const { el } = PgOverlay;
    const li = el('li', { 'data-postguard-finding': '', 'data-rule': f.rule, 'data-category': f.category, 'data-source': f.source ?? 'text' }, body);
    const buttons = actions(f, { onFix, onDismiss });
    if (buttons) li.append(buttons);
    return li;
  }

  /**
   * The actions the Trust allows on `f`, the same wherever the finding is shown (panel, pre-submit
   * dialog, mark's card): its fix ("Fix: hide the NHS number") where the analyser offers one, and
   * "Dismiss"; null when there are none. `tabbable: false` keeps them out of the Tab order (the
   * mark's card, whose buttons keyboard users reach in the panel).
   * @param {Finding} f
   * @param {{onFix?: () => void, onDismiss?: () => void, tabbable?: boolean}} handlers
   */
  function actions(f, { onFix, onDismiss, tabbable = true }) {
    const { el } = PgOverlay;
    const fix = f.fixes?.[0];
    const span = el('span', { class: 'item-actions' });
    /** @type {Record<string, string>} */
    const tab = tabbable ? {} : { tabindex: '-1' };
    if (fix && onFix) {
      const button = el('button', { class: 'btn primary small fix', type: 'button', ...tab }, `Fix: ${fix.label}`);
      button.addEventListener('click', (e) => { if (e.isTrusted) onFix(); });
      span.append(button);
    }
    if (onDismiss) {
      const dismiss = el('button', { class: 'btn secondary small', type: 'button', 'aria-label': `Dismiss: ${f.title}`, ...tab }, 'Dismiss');
      dismiss.addEventListener('click', (e) => { if (e.isTrusted) onDismiss(); });
      span.append(dismiss);
    }
    return span.childElementCount ? span : null;
  }

  return Object.freeze({ text, item, actions });
})();
