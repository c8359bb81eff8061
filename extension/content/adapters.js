// @ts-check
/**
 * The site adapter table: where each site's compose boxes, submit controls and send keys are.
 *
 * Sites change their markup often, so this is data, not code: a surface is a list of editor
 * selectors, the controls that submit it, and the keys that send it (DESIGN §5.1, gathered Nov
 * 2026). IT can put selectors in front of these through managed policy (`settings.selectors`) to fix
 * a site change without a release, and any editable field inside a site's dialogs or forms that no
 * selector names still gets marks through the generic fallback.
 *
 * A submit matcher is a CSS selector, or `{css, labels}` when the only stable hook is the control's
 * visible label (Instagram's `div[role=button]`s); labels are the English UI's, which is why the
 * CSS-only entries come first and IT overrides exist for other UI languages.
 */
/**
 * @typedef {string | {css: string, labels: string[]}} SubmitMatcher
 * @typedef {{enter?: boolean, ctrlEnter?: boolean}} SendKeys
 * @typedef {object} Surface
 * @property {string} id           which compose surface, for people reading test output
 * @property {string[]} editors    selectors of the editable element itself
 * @property {SubmitMatcher[]} submits  controls that send what the editor holds
 * @property {SendKeys} send       keys that send from inside the editor (Enter without Shift; Ctrl/Cmd+Enter)
 * @typedef {object} Site
 * @property {string} id
 * @property {string[]} hosts
 * @property {Surface[]} surfaces  first match wins, so more specific surfaces come first
 * @property {string[]} [attachments]  IT's selectors of file inputs that attach photos or videos: every
 *                                     file chosen through one counts as media, whatever type the browser gives it
 */
const PgAdapters = (() => {

  /** @type {Site[]} */
  const SITES = [
    {
      id: 'x',
      hosts: ['x.com', 'twitter.com', 'mobile.twitter.com'],
      surfaces: [
        {
          id: 'dm',
          editors: ['textarea[data-testid="dm-composer-textarea"]', '[data-testid="dmComposerTextInput"]'],
          submits: ['[data-testid="dm-composer-send-button"]', '[data-testid="dmComposerSendButton"]'],
          send: { enter: true, ctrlEnter: true },
        },
        {
          // Post, reply and quote composers, inline or in the #layers modal; thread items _1, _2…
          id: 'post',
          editors: ['[data-testid^="tweetTextarea_"][contenteditable="true"]', '[data-testid^="tweetTextarea_"] textarea'],
          submits: ['button[data-testid="tweetButton"]', 'button[data-testid="tweetButtonInline"]'],
          send: { ctrlEnter: true },
        },
      ],
    },
    {
      id: 'facebook',
      hosts: ['www.facebook.com', 'web.facebook.com', 'm.facebook.com'],
      surfaces: [
        {
          id: 'messenger',
          editors: ['[contenteditable="true"][role="textbox"][aria-label="Message"]'],
          submits: ['[role="button"][aria-label="Press Enter to send"]', '[role="button"][aria-label="Send"]'],
          send: { enter: true },
        },
        {
          id: 'comment',
          editors: ['form[role="presentation"] [contenteditable="true"][role="textbox"]'],
          submits: ['form[role="presentation"] [role="button"][aria-label="Comment"]', '#focused-state-composer-submit [role="button"]'],
          send: { enter: true },
        },
        {
          id: 'post',
          editors: ['[role="dialog"] [contenteditable="true"][role="textbox"][data-lexical-editor="true"]'],
          submits: ['[role="dialog"] [role="button"][aria-label="Post"]', '[role="dialog"] [role="button"][aria-label="Next"]'],
          send: {},
        },
      ],
    },
    {
      id: 'linkedin',
      hosts: ['www.linkedin.com'],
      surfaces: [
        {
          id: 'share',
          editors: ['.share-creation-state__text-editor .ql-editor[contenteditable="true"]'],
          submits: ['button.share-actions__primary-action'],
          send: {},
        },
        {
          id: 'comment',
          editors: ['.comments-comment-box__form .ql-editor[contenteditable="true"]', '[data-view-name="comment-box"] .ProseMirror[contenteditable="true"]'],
          submits: ['button.comments-comment-box__submit-button', 'button[data-view-name="comment-post"]'],
          send: {},
        },
        {
          // Enter-to-send is a LinkedIn user setting; it is on by default.
          id: 'messaging',
          editors: ['.msg-form__contenteditable[contenteditable="true"]'],
          submits: ['button.msg-form__send-button'],
          send: { enter: true },
        },
      ],
    },
    {
      id: 'instagram',
      hosts: ['www.instagram.com'],
      surfaces: [
        {
          id: 'caption',
          editors: ['[contenteditable="true"][role="textbox"][aria-label^="Write a caption"]', '[role="dialog"] [contenteditable="true"][role="textbox"][data-lexical-editor="true"]'],
          submits: [{ css: '[role="dialog"] [role="button"]', labels: ['Share'] }],
          send: {},
        },
        {
          id: 'comment',
          editors: ['form textarea[aria-label^="Add a comment"]'],
          submits: [{ css: 'form [role="button"], form button[type="submit"]', labels: ['Post'] }],
          send: { enter: true },
        },
        {
          id: 'dm',
          editors: ['[contenteditable="true"][role="textbox"][aria-label="Message"]'],
          submits: [{ css: '[role="button"]', labels: ['Send'] }],
          send: { enter: true },
        },
      ],
    },
    {
      id: 'tiktok',
      hosts: ['www.tiktok.com'],
      surfaces: [
        {
          id: 'comment',
          editors: ['[data-e2e="comment-input"] [contenteditable="true"]'],
          submits: ['[data-e2e="comment-post"]'],
          send: { enter: true },
        },
        {
          id: 'dm',
          editors: ['[data-e2e="message-input-area"] [contenteditable="true"]'],
          submits: ['[data-e2e="message-send"]'],
          send: { enter: true },
        },
        {
          id: 'caption',
          editors: ['.caption-editor [contenteditable="true"]'],
          submits: ['button[data-e2e="post_video_button"]'],
          send: {},
        },
      ],
    },
  ];

  /**
   * The generic fallback: any editable field inside a site's compose dialogs or forms that no
   * surface names. It gets marks and a gate on its form's submit button, but no key gating (which
   * keys send is unknown), and search and combo boxes are left alone.
   */
  const FALLBACK = Object.freeze({
    editors: '[contenteditable="true"], [contenteditable="plaintext-only"], textarea, [role="textbox"]',
    scopes: '[role="dialog"], form',
    skip: '[role="combobox"], [role="searchbox"], [type="search"], [aria-autocomplete="list"], input',
    submits: /** @type {SubmitMatcher[]} */ (['button[type="submit"]']),
  });

  /**
   * IT's selector overrides (settings.selectors[siteId]), as a surface tried before the built-in
   * ones. Invalid selectors are dropped, so one typo cannot switch the extension off.
   * @param {unknown} override
   * @returns {Surface | null}
   */
  function overrideSurface(override) {
    if (typeof override !== 'object' || override === null) return null;
    const o = /** @type {Record<string, unknown>} */ (override);
    const editors = validSelectors(o.editors);
    if (editors.length === 0) return null;
    return {
      id: 'override',
      editors,
      submits: validSelectors(o.submits),
      send: { enter: o.enterSends === true, ctrlEnter: o.ctrlEnterSends !== false },
    };
  }

  /** @param {unknown} list @returns {string[]} */
  function validSelectors(list) {
    if (!Array.isArray(list)) return [];
    const probe = document.createDocumentFragment();
    return list.filter((s) => {
      if (typeof s !== 'string' || s.length === 0 || s.length > 500) return false;
      try { probe.querySelector(s); return true; } catch { return false; }
    });
  }

  /**
   * The adapter for this page's host (with IT overrides in front), or null if postguard has no
   * business here.
   * @param {string} host
   * @param {unknown} [selectorOverrides]  settings.selectors: {siteId: {editors, submits, attachments, enterSends, ctrlEnterSends}}
   * @returns {Site | null}
   */
  function forHost(host, selectorOverrides) {
    const site = SITES.find((s) => s.hosts.includes(host));
    if (!site) return null;
    const overrides = /** @type {Record<string, unknown>} */ (selectorOverrides ?? {});
    const override = overrides[site.id];
    const extra = overrideSurface(override);
    const attachments = typeof override === 'object' && override !== null ? validSelectors(/** @type {Record<string, unknown>} */ (override).attachments) : [];
    return { ...site, surfaces: extra ? [extra, ...site.surfaces] : site.surfaces, attachments };
  }

  /**
   * Whether an element is one of a surface's submit controls.
   * @param {Element} el
   * @param {SubmitMatcher} matcher
   */
  function matchesSubmit(el, matcher) {
    if (typeof matcher === 'string') return el.matches(matcher);
    if (!el.matches(matcher.css)) return false;
    const label = (el.getAttribute('aria-label') || el.textContent || '').trim();
    return matcher.labels.includes(label);
  }

  return Object.freeze({ SITES, FALLBACK, forHost, matchesSubmit });
})();
