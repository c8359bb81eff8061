// @ts-check
/**
 * The pre-submit dialog: says what may breach the Trust's policy, names the Trust, its comms
 * contact and the policy, and offers only the choices policy allows (DESIGN §2 test contract:
 * `role="alertdialog"`, buttons named exactly "Edit post" and "Post anyway").
 *
 * It is a modal <dialog> in the extension's shadow root: the top layer puts it above any site's
 * stacking, the page's own dialogs included, and the page behind is inert while it is open. Only
 * trusted events (a real person's click or key) count as a choice; the shadow root is open, so
 * page script could otherwise press "Post anyway" itself.
 *
 * Each finding the analyser can fix has its own "Fix: …" button, and when every finding can be fixed
 * the dialog offers "Fix and post": the quickest way to a post that keeps to the policy, and the only
 * way on when policy blocks the post as it is.
 */
/**
 * @typedef {'edit' | 'post' | {fix: number[], post: boolean}} Choice
 *   `fix`: apply the fixes of these findings (indices into the findings asked about), then post if
 *   `post` and nothing that pauses is left ("Fix and post")
 */
const PgDialog = (() => {

  /** @type {HTMLDialogElement | null} */
  let open = null;

  /**
   * Ask the user; resolves when they choose. Escape counts as "Edit post" (the safe choice).
   * `unavailable`: the post could not be checked and the Trust's policy (failClosed) holds such
   * posts; the dialog says exactly that, and offers only "Edit post".
   * @param {{findings: Finding[], excerpts?: string[], settings: Settings, unavailable?: boolean}} what
   *        `excerpts[i]`: the words `findings[i]` is about, in the draft it came from
   * @returns {Promise<Choice>}
   */
  function ask({ findings, excerpts = [], settings, unavailable = false }) {
    /** Settles the dialog once it is shown. @type {(choice: Choice) => void} */
    let choose = () => {};
    const fixes = !unavailable && findings.some((f) => f.fixes?.length);
    const fixAll = fixes && findings.every((f) => f.fixes?.length);
    const { el } = PgOverlay;
    const sr = PgOverlay.root();
    open?.remove();
    const blocked = unavailable || !settings.allowOverride || findings.some((f) => f.action === 'block');
    const needsAck = !blocked && findings.some((f) => f.action === 'acknowledge');

    const dialog = /** @type {HTMLDialogElement} */ (el('dialog', { role: 'alertdialog', 'aria-modal': 'true', 'aria-labelledby': 'pg-d-title', 'aria-describedby': 'pg-d-desc' }));
    const title = el('h2', { id: 'pg-d-title' }, unavailable ? 'postguard could not check this post' : 'Check before you post');
    // The Trust is not named here: this DOM is readable by the page (see trustCard).
    const desc = el('p', { id: 'pg-d-desc' }, unavailable
      ? 'Your Trust holds posts that postguard cannot check, and postguard could not check this one, so it has not been shared. Your draft is kept: try again in a moment.'
      : `This post may breach your Trust's social media policy${blocked ? ', which does not allow it to be posted as it is' : ''}.`);
    dialog.append(title, desc);

    if (!unavailable) {
      const list = el('ul');
      for (const [i, f] of findings.entries()) {
        const excerpt = excerpts[i] ?? '';
        const shown = excerpt.length > 60 ? `${excerpt.slice(0, 57)}…` : excerpt;
        const [title, ...rest] = PgFindingList.text(f);
        // A finding read from a photo shows the photo, small, with what was found outlined.
        const found = f.at ? `Found in the attached video at ${f.at}` : 'Found in the attached photo';
        const where = f.source === 'media' ? [el('span', { class: 'meta' }, found), PgPhotos.thumbnail(f)] : [];
        const body = el('div', { class: 'finding' }, title, el('q', {}, shown), ...where, ...rest);
        list.append(PgFindingList.item(f, { body, onFix: fixes ? () => choose({ fix: [i], post: false }) : undefined }));
      }
      dialog.append(list);
    }

    dialog.append(trustCard(unavailable));

    /** @type {HTMLInputElement | null} */
    let ack = null;
    let acknowledged = false;
    if (needsAck) {
      ack = /** @type {HTMLInputElement} */ (el('input', { type: 'checkbox', id: 'pg-d-ack' }));
      dialog.append(el('div', { class: 'ack' }, ack, el('label', { for: 'pg-d-ack' },
        'I have the consent or approval this post needs, and I accept responsibility for posting it.')));
    }

    const edit = el('button', { type: 'button', class: 'btn primary', autofocus: '' }, 'Edit post');
    const actions = el('div', { class: 'actions' });
    if (fixAll) {
      const fixPost = el('button', { type: 'button', class: 'btn secondary fix-all' }, findings.length === 1 ? 'Fix and post' : `Fix all ${findings.length} and post`);
      fixPost.addEventListener('click', (e) => { if (e.isTrusted) choose({ fix: findings.map((_, i) => i), post: true }); });
      actions.append(fixPost);
    }
    /** @type {HTMLButtonElement | null} */
    let post = null;
    if (!blocked) {
      post = /** @type {HTMLButtonElement} */ (el('button', { type: 'button', class: 'btn secondary' }, 'Post anyway'));
      if (needsAck) post.disabled = true;
      actions.append(post);
    }
    actions.prepend(edit);
    dialog.append(actions);
    sr.append(dialog);
    open = dialog;

    return new Promise((resolve) => {
      /** @param {Choice} choice */
      const finish = (choice) => {
        if (open === dialog) open = null;
        dialog.close();
        dialog.remove();
        resolve(choice);
      };
      choose = finish;
      edit.addEventListener('click', (e) => { if (e.isTrusted) finish('edit'); });
      post?.addEventListener('click', (e) => {
        if (!e.isTrusted || (needsAck && !acknowledged)) return;
        finish('post');
      });
      // Only a person's own click (or Space) may tick the box: a script's click() is untrusted and
      // undone here (its change event would look trusted), and a script setting .checked fires no
      // event at all, so `acknowledged` only follows real clicks.
      ack?.addEventListener('click', (e) => { if (!e.isTrusted) e.preventDefault(); });
      ack?.addEventListener('change', () => {
        acknowledged = /** @type {HTMLInputElement} */ (ack).checked;
        if (post) post.disabled = !acknowledged;
      });
      dialog.addEventListener('cancel', (e) => { e.preventDefault(); if (e.isTrusted) finish('edit'); });
      dialog.showModal();
      edit.focus();
    });
  }

  /**
   * The Trust's name, contacts and policy link, in a frame of the extension's own origin
   * (extension/trust-card/): the page can read this shadow root, but not that frame, so a site
   * scanning pages for extensions cannot learn which Trust employs the person. The frame reports only
   * its height (in steps of 20 px), so the dialog fits it.
   * @param {boolean} unavailable
   */
  function trustCard(unavailable) {
    if (PgSettings.site()?.added) return inlineCard(unavailable);
    const url = new URL(chrome.runtime.getURL('trust-card/trust-card.html'));
    if (unavailable) url.searchParams.set('variant', 'unavailable');
    const frame = /** @type {HTMLIFrameElement} */ (PgOverlay.el('iframe', { class: 'trust-card', src: url.href, title: 'Your Trust\'s policy and contacts' }));
    const fit = (/** @type {MessageEvent} */ e) => {
      if (!frame.isConnected) { window.removeEventListener('message', fit); return; }
      const h = e.source === frame.contentWindow ? Number(e.data?.postguardCardHeight) : NaN;
      if (Number.isFinite(h) && h > 0 && h < 2000) frame.style.height = `${h}px`;
    };
    window.addEventListener('message', fit);
    return frame;
  }

  /**
   * The same words as the Trust card, in the dialog itself, on a host IT added: the card's frame may
   * be loaded only by the built-in sites (the manifest's web_accessible_resources and frame-ancestors
   * are fixed lists), and on a host the Trust itself named the page learns nothing by reading them.
   * @param {boolean} unavailable
   */
  function inlineCard(unavailable) {
    const s = PgSettings.current();
    const box = PgOverlay.el('p', { class: 'trust-inline' });
    box.append(
      PgOverlay.el('strong', {}, unavailable ? `${s.trustName} holds posts that postguard cannot check. ` : `${s.trustName}'s social media policy applies. `),
      `Not sure? Ask ${s.commsContact}. To raise a concern about care or safety, speak to ${s.speakUpContact}.`,
    );
    if (s.policyUrl.startsWith('https://')) box.append(' ', PgOverlay.el('a', { href: s.policyUrl, target: '_blank', rel: 'noopener noreferrer' }, 'Read the policy'));
    return box;
  }

  /** Whether a dialog is open now (a second submit while it is open is simply held). */
  function isOpen() {
    return open !== null;
  }

  return Object.freeze({ ask, isOpen });
})();
