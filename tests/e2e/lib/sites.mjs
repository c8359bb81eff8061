/**
 * Every compose surface of every fixture site, as data the per-site suites iterate over: how to
 * reach it, its editor and submit control (Playwright CSS, which pierces open shadow roots), the
 * keys that send from it, the name the page's own submit handler records, and where its media
 * input is.
 *
 * @typedef {import('playwright-core').Page} Page
 * @typedef {object} SurfaceSpec
 * @property {string} name
 * @property {string} path                 URL path to open
 * @property {(page: Page, t?: (label: string) => string) => Promise<void>} [open]   steps that bring the editor up
 *                                        (`t` gives a UI label in the page's language: languages.mjs)
 * @property {string} editor
 * @property {string} submit               the control a person clicks
 * @property {string[]} keys               keys pressed in the editor that send (as the site does)
 * @property {string[]} [controlKeys]      keys on the focused submit control that activate it (div[role=button]s)
 * @property {string} recorded             the surface name the page's submit handler records
 * @property {boolean} [field]             a <textarea> rather than a contenteditable
 * @property {string} [confirm]            a second control that posts, pressed after `submit` has done its part
 *                                        (Medium: Publish opens the story preview, whose "Publish now" posts)
 * @property {string} [frame]              the same-origin iframe the editor is in (WordPress's canvas): `editor`
 *                                        is looked for in its document
 *
 * @typedef {object} MediaSpec
 * @property {string} path
 * @property {(page: Page) => Promise<void>} [open]
 * @property {string} input                the file input
 * @property {string} near                 an element the reminder must appear near (the compose box)
 *
 * @typedef {object} SiteSpec
 * @property {string} id
 * @property {string} host
 * @property {string[]} hosts              every host this site's pages may use
 * @property {SurfaceSpec[]} surfaces
 * @property {boolean} [inline]            the first surface is written in the page itself, never in a
 *                                        dialog or popover of the site's own (YouTube's comment box,
 *                                        WhatsApp's chat, Reddit's comment, Medium's story), so the
 *                                        top-layer variants of layers.test.mjs do not apply to it
 * @property {MediaSpec} [media]             where a photo is attached; absent where the site's upload is out of
 *                                        postguard's reach (Blogger's image picker is a frame of another origin)
 */

const X_MODAL = '[role="dialog"] [data-testid="tweetTextarea_0"]';
const X_MODAL_POST = '[role="dialog"] button[data-testid="tweetButton"]';
const X_INLINE = '[data-testid="primaryColumn"] [data-testid="tweetTextarea_0"]';

/** @type {Record<string, SiteSpec>} */
export const SITES = {
  x: {
    id: 'x',
    host: 'x.com',
    hosts: ['x.com'],
    surfaces: [
      { name: 'post composer (modal)', path: '/compose/post', editor: X_MODAL, submit: X_MODAL_POST, keys: ['Control+Enter'], recorded: 'modal' },
      { name: 'post composer (inline)', path: '/home', editor: X_INLINE, submit: 'button[data-testid="tweetButtonInline"]', keys: ['Control+Enter', 'Meta+Enter'], recorded: 'inline' },
      { name: 'reply', path: '/home', open: (p) => p.click('article [data-testid="reply"]'), editor: X_MODAL, submit: X_MODAL_POST, keys: ['Control+Enter'], recorded: 'reply' },
      { name: 'quote', path: '/home', open: (p) => p.click('article [data-testid="quote"]'), editor: X_MODAL, submit: X_MODAL_POST, keys: ['Control+Enter'], recorded: 'quote' },
      {
        name: 'direct message (after in-app navigation)', path: '/home', open: (p) => p.click('[data-testid="AppTabBar_DirectMessage_Link"]'),
        editor: 'textarea[data-testid="dm-composer-textarea"]', submit: '[data-testid="dm-composer-send-button"]', keys: ['Enter'], recorded: 'dm', field: true,
      },
    ],
    media: { path: '/home', input: '[data-testid="primaryColumn"] input[data-testid="fileInput"]', near: X_INLINE },
  },
  facebook: {
    id: 'facebook',
    host: 'www.facebook.com',
    hosts: ['www.facebook.com'],
    surfaces: [
      {
        name: 'post composer dialog', path: '/', open: (p) => p.click('#open-composer'),
        editor: '[role="dialog"] [data-lexical-editor="true"]', submit: '[role="dialog"] [role="button"][aria-label="Post"]', keys: [], controlKeys: ['Enter', ' '], recorded: 'post',
      },
      { name: 'comment', path: '/', editor: 'form[role="presentation"] [contenteditable="true"]', submit: 'form[role="presentation"] [aria-label="Comment"]', keys: ['Enter'], controlKeys: ['Enter'], recorded: 'comment' },
      { name: 'Messenger chat', path: '/', editor: '[aria-label="Message"][contenteditable="true"]', submit: '[aria-label="Press Enter to send"]', keys: ['Enter'], recorded: 'messenger' },
    ],
    media: { path: '/', open: (p) => p.click('#open-composer'), input: '[role="dialog"] input[type="file"]', near: '[role="dialog"] [data-lexical-editor="true"]' },
  },
  linkedin: {
    id: 'linkedin',
    host: 'www.linkedin.com',
    hosts: ['www.linkedin.com'],
    surfaces: [
      {
        name: 'share box (Quill in an open shadow root)', path: '/feed/', open: (p) => p.click('#start-post'),
        editor: '#interop-outlet .share-creation-state__text-editor .ql-editor', submit: '#interop-outlet button.share-actions__primary-action', keys: [], recorded: 'share',
      },
      { name: 'comment (Quill)', path: '/feed/', editor: '.comments-comment-box__form .ql-editor', submit: 'button.comments-comment-box__submit-button', keys: [], recorded: 'comment-quill' },
      { name: 'comment (TipTap)', path: '/feed/', editor: '[data-view-name="comment-box"] .ProseMirror', submit: 'button[data-view-name="comment-post"]', keys: [], recorded: 'comment-tiptap' },
      { name: 'messaging', path: '/feed/', editor: '.msg-form__contenteditable', submit: 'button.msg-form__send-button', keys: ['Enter'], recorded: 'messaging' },
    ],
    media: { path: '/feed/', open: (p) => p.click('#start-post'), input: '#interop-outlet #media-editor-file-selector__file-input', near: '#interop-outlet .ql-editor' },
  },
  instagram: {
    id: 'instagram',
    host: 'www.instagram.com',
    hosts: ['www.instagram.com'],
    surfaces: [
      {
        name: 'new post caption', path: '/',
        open: async (p, t = (label) => label) => {
          await p.click('#create');
          await p.setInputFiles('[role="dialog"] input[type="file"]', { name: 'ward.jpg', mimeType: 'image/jpeg', buffer: Buffer.from([0xff, 0xd8, 0xff, 0xd9]) });
          await p.getByRole('button', { name: t('Next') }).click();
        },
        editor: '[role="dialog"] [aria-label="Write a caption..."]', submit: '[role="dialog"] [role="button"]:text-is("Share")', keys: [], controlKeys: ['Enter'], recorded: 'caption',
      },
      { name: 'comment', path: '/', editor: 'form textarea[aria-label="Add a comment…"]', submit: 'form [role="button"]:text-is("Post")', keys: ['Enter'], recorded: 'comment', field: true },
      { name: 'direct message', path: '/direct/t/1/', editor: '[aria-label="Message"][contenteditable="true"]', submit: '.dm [role="button"]:text-is("Send")', keys: ['Enter'], recorded: 'dm' },
    ],
    media: { path: '/', open: (p) => p.click('#create'), input: '[role="dialog"] input[type="file"]', near: '[role="dialog"]' },
  },
  tiktok: {
    id: 'tiktok',
    host: 'www.tiktok.com',
    hosts: ['www.tiktok.com'],
    surfaces: [
      { name: 'comment', path: '/@nhsexample/video/1', editor: '[data-e2e="comment-input"] [contenteditable="true"]', submit: '[data-e2e="comment-post"]', keys: ['Enter'], controlKeys: ['Enter'], recorded: 'comment' },
      { name: 'direct message', path: '/@nhsexample/video/1', editor: '[data-e2e="message-input-area"] [contenteditable="true"]', submit: '[data-e2e="message-send"]', keys: ['Enter'], recorded: 'dm' },
      {
        name: 'upload caption (after in-app navigation)', path: '/', open: (p) => p.click('#upload-link'),
        editor: '.caption-editor [contenteditable="true"]', submit: 'button[data-e2e="post_video_button"]', keys: [], recorded: 'caption',
      },
    ],
    media: { path: '/tiktokstudio/upload', input: 'input[type="file"]', near: '.caption-editor [contenteditable="true"]' },
  },
  youtube: {
    id: 'youtube',
    inline: true,
    host: 'www.youtube.com',
    hosts: ['www.youtube.com'],
    surfaces: [
      {
        name: 'comment (loaded late, stamped on press)', path: '/watch?v=nhs1', open: (p) => p.click('ytd-comment-simplebox-renderer #placeholder-area'),
        editor: 'ytd-comment-simplebox-renderer ytd-commentbox #contenteditable-root', submit: 'ytd-comment-simplebox-renderer #submit-button button', keys: [], controlKeys: ['Enter'], recorded: 'comment',
      },
      {
        name: 'reply', path: '/watch?v=nhs1', open: (p) => p.click('ytd-comment-thread-renderer #reply-button-end button'),
        editor: 'ytd-comment-thread-renderer ytd-commentbox #contenteditable-root', submit: 'ytd-comment-thread-renderer #submit-button button', keys: [], recorded: 'reply',
      },
      {
        name: 'community post', path: '/@nhsexample/community', open: (p) => p.click('ytd-backstage-post-dialog-renderer #placeholder-area'),
        editor: 'ytd-backstage-post-dialog-renderer #contenteditable-root', submit: 'ytd-backstage-post-dialog-renderer #submit-button button', keys: [], controlKeys: [' '], recorded: 'community',
      },
    ],
    media: { path: '/@nhsexample/community', open: (p) => p.click('ytd-backstage-post-dialog-renderer #placeholder-area'), input: 'ytd-backstage-post-dialog-renderer input[type="file"]', near: 'ytd-backstage-post-dialog-renderer #contenteditable-root' },
  },
  whatsapp: {
    id: 'whatsapp',
    inline: true,
    host: 'web.whatsapp.com',
    hosts: ['web.whatsapp.com'],
    surfaces: [
      {
        name: 'message box (chat opens late)', path: '/', editor: '#main footer [contenteditable="true"][role="textbox"]',
        submit: '#main footer button:has([data-icon="wds-ic-send-filled"])', keys: ['Enter'], recorded: 'message',
      },
      {
        name: 'photo caption', path: '/',
        open: (p) => p.setInputFiles('#main footer input[type="file"]', { name: 'ward.jpg', mimeType: 'image/jpeg', buffer: Buffer.from([0xff, 0xd8, 0xff, 0xd9]) }),
        editor: '.media-editor [contenteditable="true"]', submit: '.media-editor [role="button"]:has([data-icon="send"])', keys: ['Enter'], controlKeys: ['Enter'], recorded: 'caption',
      },
    ],
    // The photo is sent from the media editor that opens over the chat: the reminder goes by its caption.
    media: { path: '/', input: '#main footer input[type="file"]', near: '.media-editor [contenteditable="true"]' },
  },
  reddit: {
    id: 'reddit',
    inline: true,
    host: 'www.reddit.com',
    hosts: ['www.reddit.com'],
    surfaces: [
      {
        name: 'comment (shreddit-composer, slotted)', path: '/r/nhs/comments/abc123/our_new_ward/', open: (p) => p.click('comment-composer-host button[data-testid="trigger-button"]'),
        editor: 'shreddit-composer [contenteditable="true"]', submit: 'shreddit-composer button[slot="submit-button"]', keys: [], controlKeys: ['Enter'], recorded: 'comment',
      },
      {
        name: 'post body', path: '/r/nhs/submit', editor: 'r-post-composer-form shreddit-composer [contenteditable="true"]',
        submit: 'r-post-form-submit-button #inner-post-submit-button', keys: [], controlKeys: ['Enter'], recorded: 'post-body',
      },
      {
        name: 'post title (textarea in a shadow root)', path: '/r/nhs/submit', editor: 'faceplate-textarea-input textarea',
        submit: 'r-post-form-submit-button #inner-post-submit-button', keys: [], recorded: 'post-title', field: true,
      },
    ],
    media: { path: '/r/nhs/submit', input: 'r-post-composer-form input[type="file"]', near: 'r-post-composer-form shreddit-composer' },
  },
  threads: {
    id: 'threads',
    host: 'www.threads.com',
    hosts: ['www.threads.com'],
    surfaces: [
      {
        name: 'new thread', path: '/', open: (p) => p.click('#whats-new'),
        editor: '[role="dialog"] [contenteditable="true"]', submit: '[role="dialog"] .foot [role="button"]:text-is("Post")', keys: ['Control+Enter', 'Meta+Enter'], controlKeys: ['Enter', ' '], recorded: 'post',
      },
      {
        name: 'reply', path: '/', open: (p) => p.click('#reply'),
        editor: '[role="dialog"] [contenteditable="true"]', submit: '[role="dialog"] .foot [role="button"]:text-is("Post")', keys: ['Control+Enter'], recorded: 'reply',
      },
    ],
    media: { path: '/', open: (p) => p.click('#whats-new'), input: '[role="dialog"] input[type="file"]', near: '[role="dialog"] [contenteditable="true"]' },
  },
  bluesky: {
    id: 'bluesky',
    host: 'bsky.app',
    hosts: ['bsky.app'],
    surfaces: [
      {
        name: 'new post', path: '/', open: (p) => p.click('[data-testid="composeFAB"]'),
        editor: '[data-testid="composePostView"] .ProseMirror', submit: '[data-testid="composerPublishBtn"]', keys: ['Control+Enter', 'Meta+Enter'], controlKeys: ['Enter', ' '], recorded: 'post',
      },
      {
        name: 'reply', path: '/', open: (p) => p.click('[data-testid="replyBtn"]'),
        editor: '[data-testid="composePostView"] .ProseMirror', submit: '[data-testid="composerPublishBtn"]', keys: ['Control+Enter'], recorded: 'reply',
      },
    ],
    media: { path: '/', open: (p) => p.click('[data-testid="composeFAB"]'), input: '[data-testid="composePostView"] input[type="file"]', near: '[data-testid="composePostView"] .ProseMirror' },
  },
  medium: {
    id: 'medium',
    inline: true,
    host: 'medium.com',
    hosts: ['medium.com'],
    surfaces: [
      {
        name: 'story (Publish, then Publish now)', path: '/new-story', editor: '.postArticle-content[contenteditable="true"]',
        submit: 'button[data-action="show-prepublish"]', confirm: 'button[data-action="publish"]', keys: [], controlKeys: ['Enter', ' '], recorded: 'story',
      },
      {
        name: 'response under a story (mounted when pressed)', path: '/@samnurse/a-week-on-the-ward-5e1f', open: (p) => p.click('.response-prompt'),
        editor: '.response-box [contenteditable="true"][role="textbox"]', submit: '.response-box button:text-is("Respond")', keys: [], controlKeys: ['Enter', ' '], recorded: 'response',
      },
    ],
    media: { path: '/new-story', open: (p) => p.click('.postArticle-content[contenteditable="true"]'), input: 'input[type="file"]', near: '.postArticle-content' },
  },
  wordpress: {
    id: 'wordpress',
    inline: true,
    host: 'wordpress.com',
    hosts: ['wordpress.com'],
    surfaces: [
      {
        name: 'post paragraph (Publish, then the panel\'s Publish)', path: '/post/samnurse', frame: 'iframe[name="editor-canvas"]',
        editor: 'p.block-editor-rich-text__editable[data-block="b1"]', submit: 'button.editor-post-publish-panel__toggle',
        confirm: '.editor-post-publish-panel button.editor-post-publish-button', keys: [], controlKeys: ['Enter', ' '], recorded: 'post',
      },
      {
        name: 'post title', path: '/post/samnurse', frame: 'iframe[name="editor-canvas"]',
        editor: 'h1.editor-post-title__input', submit: 'button.editor-post-publish-panel__toggle',
        confirm: '.editor-post-publish-panel button.editor-post-publish-button', keys: [], recorded: 'post',
      },
    ],
    media: { path: '/post/samnurse', input: '#featured-image', near: 'iframe[name="editor-canvas"]' },
  },
  messenger: {
    id: 'messenger',
    inline: true,
    host: 'www.messenger.com',
    hosts: ['www.messenger.com'],
    surfaces: [
      {
        name: 'message box (conversation opens late)', path: '/t/100/', editor: '[role="main"] [contenteditable="true"][role="textbox"]',
        submit: '[role="main"] [role="button"][aria-label="Press enter to send"]', keys: ['Enter'], controlKeys: ['Enter', ' '], recorded: 'message',
      },
    ],
    // A photo goes with the message box's text (its caption): the reminder goes by the box.
    media: { path: '/t/100/', open: (p) => p.locator('[role="main"] [contenteditable="true"]').waitFor(), input: '[role="main"] input[type="file"]', near: '[role="main"] [contenteditable="true"][role="textbox"]' },
  },
  blogger: {
    id: 'blogger',
    inline: true,
    host: 'www.blogger.com',
    hosts: ['www.blogger.com'],
    surfaces: [
      {
        name: 'post body (the Closure editor\'s frame; Publish, then Confirm)', path: '/blog/post/edit/4855/7001', frame: 'iframe.editable',
        editor: 'body.editable', submit: '[role="button"][aria-label="Publish"]', confirm: '[role="dialog"] [role="button"][aria-label="Confirm"]',
        keys: [], controlKeys: ['Enter', ' '], recorded: 'post',
      },
      {
        name: 'post title', path: '/blog/post/edit/4855/7001', editor: 'input[aria-label="Title"]', submit: '[role="button"][aria-label="Publish"]',
        confirm: '[role="dialog"] [role="button"][aria-label="Confirm"]', keys: [], recorded: 'post', field: true,
      },
    ],
    // No file input to attach through: Blogger inserts images through Google's picker, a frame of
    // another origin (README); photos dragged or pasted into the field: blogger-images.test.mjs.
  },
};
