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
 * Site UI comes in every language, and a control's label is translated with it (Facebook's
 * `aria-label="Post"` is "Publier" in French, "Postio" in Welsh). So a submit control is found by
 * stable attributes (`data-testid`, `data-e2e`, ids and class names the site's own code uses), or
 * by role and structure: `{css, pick, within}` names the control by where it sits in its compose
 * box, which no translation moves (Facebook's "Create post" dialog ends with its Post button;
 * Instagram's Share sits in the dialog's heading bar, before the caption). English labels
 * (`aria-label="Post"` selectors, `{css, labels}`) stay after them as a second way to the same
 * control on the English UI, in case a structural guess stops holding after a site change.
 * Editors likewise have a selector without any label (role, `data-lexical-editor`, their form).
 */
/**
 * A structural matcher: among the elements matching `css` in the editor's compose box, the one
 * at `pick`: the `last` of them, the last `before` the editor or the first `after` it (document
 * order). The compose box is the editor's closest `within` ancestor (through shadow roots), or
 * without `within`, the nearest ancestor of the editor that holds any element matching `css`.
 * With `anchor`, the control is placed from another element of the same post instead of the
 * editor: the first element matching `anchor` in the editor's top document (Blogger's title, whose
 * bar holds Publish, while the body is written in a frame below it). The box is then the anchor's
 * nearest ancestor holding a candidate on the picked side of it (after it for `last` and `after`,
 * before it for `before`), so a bar split into a left group (Back, title) and a right one (the
 * actions) still gives the actions' last; `before` and `after` are taken from the anchor.
 * @typedef {{css: string, pick: 'last' | 'before' | 'after', within?: string, anchor?: string}} StructuralMatcher
 * @typedef {string | {css: string, labels: string[]} | StructuralMatcher} SubmitMatcher
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
 * @property {string[]} [shadowHosts]  elements whose open shadow roots hold compose boxes, watched like the document
 * @property {string[]} [frames]  same-origin iframes whose documents hold compose boxes (WordPress's canvas),
 *                                watched from the top frame like the document (frames.js)
 * @property {boolean} [insertedMedia]  the site writes pictures chosen in a picker postguard cannot see
 *           into (another origin's frame) straight into the post as <img>: each new one gets the consent
 *           reminder (inserted-media.js)
 * @property {string} [captions]  the surface a photo's caption is written in when the site opens a
 *                                separate media editor for an attachment (WhatsApp's covers the chat):
 *                                the consent reminder goes with that caption box, not the one the file
 *                                input sits by
 * @property {string[]} [attachments]  IT's selectors of file inputs that attach photos or videos: every
 *                                     file chosen through one counts as media, whatever type the browser gives it
 * @property {string} [added]  on a host IT added (managed `extraSites`): the adapter IT named there
 *                             ('generic' or a table id); the site's id is then EXTRA_SITE
 */
const PgAdapters = (() => {
  /**
   * Blogger's title, by place rather than label: a text <input> inside something that comes before
   * the editor's frame in the column holding it (the app's top bar, above the field).
   */
  const BLOGGER_TITLE = ':is(*:has(~ iframe.editable), *:has(~ * iframe.editable)) input:is([type="text"], :not([type]))';

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
          // The chat pop-up's Lexical editor: the only one in neither a dialog nor a comment form.
          id: 'messenger',
          editors: [
            '[contenteditable="true"][role="textbox"][aria-label="Message"]',
            '[role="region"] [contenteditable="true"][role="textbox"][data-lexical-editor="true"]:not([role="dialog"] *):not(form[role="presentation"] *)',
          ],
          // Send is the last control of the chat's composer row, after the editor (M, 2026-12).
          submits: [{ css: '[role="button"]', pick: 'after' }, '[role="button"][aria-label="Press Enter to send"]', '[role="button"][aria-label="Send"]'],
          send: { enter: true },
        },
        {
          id: 'comment',
          editors: ['form[role="presentation"] [contenteditable="true"][role="textbox"]'],
          submits: ['#focused-state-composer-submit [role="button"]', { css: '[role="button"]', pick: 'last', within: 'form[role="presentation"]' }, 'form[role="presentation"] [role="button"][aria-label="Comment"]'],
          send: { enter: true },
        },
        {
          id: 'post',
          editors: ['[role="dialog"] [contenteditable="true"][role="textbox"][data-lexical-editor="true"]'],
          // "Post" (or a Page's "Next") is the last control of the dialog, at its foot (M, 2026-12).
          submits: [{ css: '[role="button"]', pick: 'last', within: '[role="dialog"]' }, '[role="dialog"] [role="button"][aria-label="Post"]', '[role="dialog"] [role="button"][aria-label="Next"]'],
          send: {},
        },
      ],
    },
    {
      id: 'linkedin',
      hosts: ['www.linkedin.com'],
      // The share modal sits in an open shadow root on #interop-outlet (DESIGN §5.1).
      shadowHosts: ['#interop-outlet', '[data-testid="interop-shadowdom"]'],
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
          // Share is in the dialog's heading bar, the last control before the caption (M, 2026-12).
          submits: [{ css: '[role="button"]', pick: 'before', within: '[role="dialog"]' }, { css: '[role="dialog"] [role="button"]', labels: ['Share'] }],
          send: {},
        },
        {
          id: 'comment',
          editors: ['form textarea[aria-label^="Add a comment"]', 'form textarea'],
          // Post is the comment form's last control, after the field (M, 2026-12).
          submits: [{ css: '[role="button"], button[type="submit"]', pick: 'last', within: 'form' }, { css: 'form [role="button"], form button[type="submit"]', labels: ['Post'] }],
          send: { enter: true },
        },
        {
          id: 'dm',
          // The message box: the Lexical editor outside any dialog.
          editors: ['[contenteditable="true"][role="textbox"][aria-label="Message"]', '[contenteditable="true"][role="textbox"][data-lexical-editor="true"]:not([role="dialog"] *)'],
          // Send appears after the editor while there is text (M, 2026-12).
          submits: [{ css: '[role="button"]', pick: 'after' }, { css: '[role="button"]', labels: ['Send'] }],
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
    {
      // YouTube (Polymer, light DOM): a comment or reply box is ytd-commentbox, made when the
      // "Add a comment…" placeholder is pressed, with div#contenteditable-root and #submit-button
      // (a ytd-button-renderer around a <button>); community posts are written in
      // ytd-backstage-post-dialog-renderer with its own #submit-button. No key sends (Enter is a
      // new line). Sources: public automation code naming ytd-comment-simplebox-renderer,
      // #placeholder-area, #contenteditable-root and #submit-button (read Dec 2026; H for comments,
      // M for community posts).
      id: 'youtube',
      hosts: ['www.youtube.com', 'm.youtube.com'],
      surfaces: [
        {
          id: 'community',
          editors: ['ytd-backstage-post-dialog-renderer #contenteditable-root[contenteditable="true"]'],
          submits: ['ytd-backstage-post-dialog-renderer #submit-button button', 'ytd-backstage-post-dialog-renderer #submit-button'],
          send: {},
        },
        {
          id: 'comment',
          editors: ['ytd-commentbox #contenteditable-root[contenteditable="true"]'],
          submits: ['ytd-commentbox #submit-button button', 'ytd-commentbox #submit-button'],
          send: {},
        },
      ],
    },
    {
      // WhatsApp Web: the chat's message box is a Lexical editor in #main's footer
      // (div[contenteditable][role=textbox][data-lexical-editor][data-tab="10"]); Enter sends,
      // Shift+Enter is a new line; the send control holds span[data-icon] named "send" (older
      // builds) or "wds-ic-send-filled". An attached photo opens a media editor whose caption is
      // another Lexical editor, sent by the same kind of control. data-icon is not translated.
      // Sources: public extension and userscript code (read Dec 2026; H for the message box, M for
      // captions).
      id: 'whatsapp',
      hosts: ['web.whatsapp.com'],
      captions: 'caption',
      surfaces: [
        {
          id: 'message',
          editors: ['#main footer [contenteditable="true"][role="textbox"]'],
          submits: ['#main footer button:has([data-icon*="send"])', '#main footer [role="button"]:has([data-icon*="send"])'],
          send: { enter: true },
        },
        {
          id: 'caption',
          editors: ['[contenteditable="true"][role="textbox"][data-lexical-editor="true"]:not(#main footer *):not(#side *)'],
          submits: ['[role="button"]:has([data-icon*="send"]):not(#main footer *)', 'button:has([data-icon*="send"]):not(#main footer *)'],
          send: { enter: true },
        },
      ],
    },
    {
      // Reddit (shreddit, web components): a comment is written in shreddit-composer, whose Lexical
      // editor (div[role=textbox][contenteditable]) and button[slot="submit-button"][type=submit]
      // are slotted light-DOM children; a new post's title is a textarea inside the open shadow root
      // of faceplate-textarea-input[name=title], its body another shreddit-composer, and its submit
      // control the custom element r-post-form-submit-button (its <button> in its own shadow root).
      // No key sends. Sources: public automation code naming comment-composer-host,
      // shreddit-composer > div[role=textbox] and button[slot=submit-button] (read Dec 2026; H for
      // comments, M for the post form).
      id: 'reddit',
      hosts: ['www.reddit.com', 'sh.reddit.com'],
      shadowHosts: ['faceplate-textarea-input'],
      surfaces: [
        {
          id: 'post-title',
          editors: ['textarea[name="title"]'],
          submits: ['r-post-form-submit-button', '#submit-post-button'],
          send: {},
        },
        {
          id: 'post-body',
          editors: ['r-post-composer-form shreddit-composer [contenteditable="true"][role="textbox"]'],
          submits: ['r-post-form-submit-button', '#submit-post-button'],
          send: {},
        },
        {
          id: 'comment',
          editors: ['shreddit-composer [contenteditable="true"][role="textbox"]'],
          submits: ['shreddit-composer button[slot="submit-button"]'],
          send: {},
        },
      ],
    },
    {
      // Threads (Meta): posts and replies are written in a [role=dialog] whose editor is a
      // contenteditable [role=textbox] (Lexical, as Instagram's); "Post" is a div[role=button] with
      // no stable attribute, the dialog's last control; Ctrl/Cmd+Enter posts. (M, read Dec 2026 from
      // public automation code; labels are translated, so the control is found by its place.)
      id: 'threads',
      hosts: ['www.threads.com', 'www.threads.net'],
      surfaces: [
        {
          id: 'post',
          editors: ['[role="dialog"] [contenteditable="true"][role="textbox"]'],
          submits: [{ css: '[role="button"]', pick: 'last', within: '[role="dialog"]' }],
          send: { ctrlEnter: true },
        },
      ],
    },
    {
      // Bluesky (bsky.app, React Native Web): the composer (testID composePostView, a modal) holds a
      // TipTap/ProseMirror editor; testID composerPublishBtn publishes ("Post" / "Reply");
      // Ctrl/Cmd+Enter publishes (the editor's handleKeyDown). testIDs render as data-testid.
      // Source: bluesky-social/social-app src/view/com/composer (read Dec 2026; H).
      id: 'bluesky',
      hosts: ['bsky.app'],
      surfaces: [
        {
          id: 'post',
          editors: ['[data-testid="composePostView"] .ProseMirror[contenteditable="true"]', '[data-testid="composePostView"] [contenteditable="true"][role="textbox"]'],
          submits: ['[data-testid="composerPublishBtn"]'],
          send: { ctrlEnter: true },
        },
      ],
    },
    {
      // Medium (medium.com, its own editor, light DOM): a story is written in one contenteditable,
      // div.postArticle-content, whose blocks ("grafs": h3.graf--title, p.graf--p, each with a
      // `name`) the editor re-renders from its own model. Publishing takes two presses: the top
      // bar's Publish (data-action="show-prepublish") opens the story preview, whose "Publish now"
      // (data-action="publish") posts. The first is the one gated, so a person is warned while still
      // in the draft, before the preview covers it; the preview is reached only through it. No key
      // publishes (Enter is a new paragraph). data-action values are not translated. Sources: Medium's long-standing
      // data-action attributes and graf classes, and public automation scripts that open
      // medium.com/new-story, press "Publish" then "Publish now" (read Dec 2026; M: a story's
      // editor; L: responses, not covered). Publications on their own domains are not covered.
      id: 'medium',
      hosts: ['medium.com'],
      surfaces: [
        {
          id: 'story',
          editors: ['.postArticle-content[contenteditable="true"]'],
          submits: ['button[data-action="show-prepublish"]'],
          send: {},
        },
        {
          // A response under a story: the box ("What are your thoughts?") is a contenteditable
          // textbox, the story's own editor excluded; under it a row of formatting buttons, then
          // Cancel and "Respond", the row's last button. Respond is found by that place, which no
          // translation moves, then by its English label. No key is known to send a response (Enter
          // is a new line); Ctrl/Cmd+Enter is not gated, as nothing says Medium sends on it.
          // (L: no public code or documentation found in Dec 2026 names these. The shape (a
          // contenteditable box, then a row of buttons ending in Respond) is an assumption the
          // fixture reproduces, to be confirmed on the live site.)
          id: 'response',
          editors: ['[contenteditable="true"][role="textbox"]:not(.postArticle-content):not(.postArticle-content *)'],
          submits: [{ css: 'button', pick: 'last' }, { css: 'button', labels: ['Respond'] }],
          send: {},
        },
      ],
    },
    {
      // The WordPress block editor (Gutenberg; wordpress.com's post editor, and a self-hosted
      // /wp-admin/ that IT adds through `extraSites` with adapter "wordpress"). The post is written
      // in the editor canvas, iframe[name="editor-canvas"], a same-origin frame (srcDoc, or a blob
      // URL the page made) whose blocks React renders from the parent page through a portal, and
      // re-renders from its own store: the title (.editor-post-title__input, an h1 contenteditable
      // since 6.x, a textarea before) and each rich-text block (.block-editor-rich-text__editable:
      // paragraphs, headings, lists, quotes). Publishing is in the parent page's header:
      // .editor-post-publish-panel__toggle ("Publish…") opens the pre-publish panel, whose
      // .editor-post-publish-button publishes; with the pre-publish checks turned off, the header's
      // button is itself .editor-post-publish-button. Both are gated (a "Post anyway" at the first
      // lets the second through: the draft is accepted as it is). No key publishes: Ctrl/Cmd+S saves
      // a draft (.editor-post-save-draft, not gated), Enter makes a new block. Class names are not
      // translated. Sources: WordPress/gutenberg packages/block-editor/src/components/iframe,
      // packages/editor/src/components/post-publish-button, post-publish-panel/toggle.js,
      // post-title, rich-text (read Dec 2026; H for the canvas and title, M for the buttons).
      id: 'wordpress',
      hosts: ['wordpress.com'],
      frames: ['iframe[name="editor-canvas"]'],
      surfaces: [
        {
          id: 'post',
          editors: ['.editor-post-title__input[contenteditable="true"]', 'textarea.editor-post-title__input', '.block-editor-rich-text__editable[contenteditable="true"]'],
          submits: ['button.editor-post-publish-panel__toggle', 'button.editor-post-publish-button'],
          send: {},
        },
      ],
    },
    {
      // Messenger on messenger.com (www.messenger.com): the same Meta web app as facebook.com's
      // chats. The conversation is the page's [role="main"] pane; its message box, at the foot, is
      // a Lexical editor (div[contenteditable][role=textbox][data-lexical-editor], aria-label
      // "Message"), re-rendered from Lexical's model; Enter sends, Shift+Enter is a new line. The
      // send control is the pane's last control, a div[role=button] ("Press enter to send" while
      // there is text, "Send a like" otherwise), after the emoji button that sits beside the text.
      // A photo attached through the composer's file input shows as a thumbnail above the box and
      // goes with the text, which is its caption: no separate caption editor. Labels are
      // translated, so the box and the send control are found by role and place first.
      // (M, read Dec 2026: the editor and Enter from Facebook's chat pop-up, which shares the code;
      // the pane and the send control's place L.)
      id: 'messenger',
      hosts: ['www.messenger.com'],
      surfaces: [
        {
          id: 'message',
          editors: ['[role="main"] [contenteditable="true"][role="textbox"]', '[contenteditable="true"][role="textbox"][aria-label="Message"]'],
          submits: [{ css: '[role="button"]', pick: 'last', within: '[role="main"]' }, '[role="button"][aria-label="Press enter to send"]', '[role="button"][aria-label="Press Enter to send"]'],
          send: { enter: true },
        },
      ],
    },
    {
      // Blogger's post editor (www.blogger.com/blog/post/edit/<blogId>/<postId>), a full-window app
      // (Google's Wiz, under #yDmH0d). The post's text is written in a same-origin iframe the page
      // writes itself (iframe.editable, no src or about:blank; the legacy editor's was
      // #postingComposeBox) whose <body> is the editable field of Google's Closure editor
      // (contenteditable, g_editable="true", class "editable"), which rewrites its own DOM (a
      // paragraph is a <div>, an empty line <div><br></div>); the page may hold more than one such
      // frame, the last the live one. The title is a text <input> in the app's top bar, above the
      // field. Publishing takes two presses: the top bar's "Publish" (a div[role=button]; "Update" on
      // a post already live, which republishes at once) opens a "Publish post?" confirmation whose
      // "Confirm" posts. The first press is the one gated, so the warning comes while still in the
      // draft; the confirmation is reached only through it. No key publishes. A photo dragged or
      // pasted into the field arrives as a file in the frame's document (checked: media.js); one
      // chosen in Google's image picker (a frame of another origin) arrives already uploaded, as an
      // <img> the editor writes into the field: it gets the consent reminder (`insertedMedia`), and
      // nothing is read from it.
      //
      // In any UI language: no public source names an attribute of Publish/Update that a translation
      // leaves alone (jsname, data-*, class names), so it is found by its place: the title and the
      // actions share the top bar, and Publish/Update, the primary action, is that bar's last control,
      // after the title (`anchor`: placed from the title, since the body's field is in a frame below
      // the bar). The title is found by its place too: the text <input> above the editor's frame, in
      // the column that holds it (the post settings panel beside it is not above the frame). English
      // labels stay after these, and IT can still name both (selectorOverrides.blogger).
      //
      // Sources, read Dec 2026: (a) a public userscript for the current editor (mzaini30/blogger-
      // userscript, Jan 2022) reads the post from the last iframe.editable's .editable body and lays
      // out #yDmH0d on /blog/post/edit/ pages: M for the frame, its body and the app root; (b) a 2026
      // code-block extension reading the body of every same-origin iframe marked g_editable or
      // contenteditable: M; (c) Selenium and CasperJS scripts for the legacy editor (2018-2019) put
      // the title <input> and the Publish <button> in one row of the post form, Publish after the
      // title (form/div[1]/input, form/div[1]/span/button[1]): M for the legacy layout; (d) for the
      // current editor no public code, test or report found names Publish/Update by anything but its
      // English label (automation found uses aria-label*="Publish" or the Blogger API): its place at
      // the end of the title's bar is Material's top app bar (primary action last) as the legacy row
      // had it, L, to be confirmed on the live site. The fixture reproduces exactly this.
      id: 'blogger',
      hosts: ['www.blogger.com'],
      insertedMedia: true,
      frames: ['iframe#postingComposeBox', 'iframe.editable', 'iframe:not([src])', 'iframe[src="about:blank"]'],
      surfaces: [
        {
          id: 'post',
          editors: ['body[g_editable="true"]', 'body.editable[contenteditable="true"]', BLOGGER_TITLE, 'input[aria-label="Title"]'],
          submits: [
            { css: '[role="button"], button', pick: 'last', anchor: BLOGGER_TITLE },
            '[role="button"][aria-label="Publish"]', '[role="button"][aria-label="Update"]', { css: 'button, [role="button"]', labels: ['Publish', 'Update'] },
          ],
          send: {},
        },
      ],
    },
    {
      // Mastodon (any instance; no hosts of its own: IT adds its Trust's instance through `extraSites`
      // with adapter "mastodon"). The web app's compose form (React) is form.compose-form holding the
      // AutosuggestTextarea's textarea and, at its foot, a <button type=submit> ("Post", "Reply",
      // "Update"): in .compose-form__submit since 4.3, in .compose-form__publish before. Ctrl/Cmd+Enter
      // submits (ComposeForm.handleKeyDown); Enter is a new line. The class names are not translated.
      // Source: mastodon/mastodon app/javascript/mastodon/features/compose/components/compose_form.jsx
      // (read Dec 2026; H for the toot box, M for the content-warning field).
      id: 'mastodon',
      hosts: [],
      surfaces: [
        {
          // The content-warning field ("Content warning", shown by the CW button): an <input> above
          // the toot box (AutosuggestInput, #cw-spoiler-input, .spoiler-input__input), sent with the
          // post by the same button. Enter in it submits the form (an input's implicit submission:
          // AutosuggestInput takes Enter only to pick a suggestion), and Ctrl/Cmd+Enter too (the same
          // handleKeyDown). Checked with the post: its warning is as public as the toot.
          id: 'content-warning',
          editors: ['form.compose-form input#cw-spoiler-input', 'form.compose-form input.spoiler-input__input'],
          submits: ['form.compose-form .compose-form__submit button[type="submit"]', 'form.compose-form .compose-form__publish button', { css: 'button[type="submit"]', pick: 'last', within: 'form.compose-form' }],
          send: { enter: true, ctrlEnter: true },
        },
        {
          id: 'post',
          editors: ['form.compose-form textarea'],
          submits: ['form.compose-form .compose-form__submit button[type="submit"]', 'form.compose-form .compose-form__publish button', { css: 'button[type="submit"]', pick: 'last', within: 'form.compose-form' }],
          send: { ctrlEnter: true },
        },
      ],
    },
  ];

  /** The site id of every host IT added (pauses, status): one for all of them. */
  const EXTRA_SITE = 'extra';

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
    return withOverrides(site, /** @type {Record<string, unknown>} */ (selectorOverrides ?? {})[site.id]);
  }

  /**
   * The adapter for a host IT added (its `extraSites` entry): the adapter IT named there, or the
   * generic fallback alone, with the entry's own selectors in front.
   * @param {{adapter?: unknown}} entry  settings.extraSites[i]
   * @returns {Site}
   */
  function forAdded(entry) {
    const named = entry.adapter === 'generic' ? undefined : SITES.find((s) => s.id === entry.adapter);
    const base = named ?? { id: EXTRA_SITE, hosts: [], surfaces: [] };
    return { ...withOverrides(base, entry), id: EXTRA_SITE, hosts: [location.hostname], added: named ? named.id : 'generic' };
  }

  /**
   * A site's entry with IT's selectors (an override object) as a surface in front of its own.
   * @param {Site} site
   * @param {unknown} override
   * @returns {Site}
   */
  function withOverrides(site, override) {
    const extra = overrideSurface(override);
    const attachments = typeof override === 'object' && override !== null ? validSelectors(/** @type {Record<string, unknown>} */ (override).attachments) : [];
    return { ...site, surfaces: extra ? [extra, ...site.surfaces] : site.surfaces, attachments };
  }

  /**
   * Whether an element may be one of a surface's submit controls. For a structural matcher this is
   * only whether it could be (its selector and scope): which one it is depends on the editor, and
   * is decided by `submitOf`.
   * @param {Element} el
   * @param {SubmitMatcher} matcher
   */
  function matchesSubmit(el, matcher) {
    if (typeof matcher === 'string') return el.matches(matcher);
    if (!el.matches(matcher.css)) return false;
    if ('pick' in matcher) return !matcher.within || closestComposed(el, matcher.within) !== null;
    const label = (el.getAttribute('aria-label') || el.textContent || '').trim();
    return matcher.labels.includes(label);
  }

  /**
   * The submit control a matcher names for an editor, looking in `box` (one of the editor's
   * ancestors, nearest first, as the caller climbs), or null.
   * @param {Element} editor
   * @param {Element} box
   * @param {SubmitMatcher} matcher
   * @returns {HTMLElement | null}
   */
  function submitOf(editor, box, matcher) {
    if (typeof matcher === 'string' || !('pick' in matcher)) {
      const css = typeof matcher === 'string' ? matcher : matcher.css;
      for (const c of box.querySelectorAll(css)) if (PgFrames.isHTMLElement(c) && matchesSubmit(c, matcher)) return c;
      return null;
    }
    if (matcher.anchor) return anchored(editor, matcher, matcher.anchor);
    // A scoped structural matcher answers only at its scope; an unscoped one at the nearest box holding a candidate.
    if (matcher.within && closestComposed(editor, matcher.within) !== box) return null;
    // A control inside a dialog or form the editor is not in belongs to that dialog or form: an empty
    // chat box (its Send not shown yet) must not take the next button on the page, a "Next" in a
    // compose dialog opened later, for its own.
    const all = [...box.querySelectorAll(matcher.css)].filter((c) => PgFrames.isHTMLElement(c) && !editor.contains(c) && !elsewhere(c, editor));
    const before = (/** @type {Element} */ c) => (editor.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_PRECEDING) !== 0;
    const chosen = matcher.pick === 'last' ? all[all.length - 1]
      : matcher.pick === 'before' ? all.filter(before).pop()
        : all.find((c) => !before(c));
    return PgFrames.isHTMLElement(chosen) ? chosen : null;
  }

  /**
   * The control an anchored structural matcher names (see StructuralMatcher): placed from the anchor,
   * whatever box of the editor's the caller is climbing through, so every editor of the post (the
   * title beside the control, the body in its frame) gets the same one.
   * @param {Element} editor
   * @param {StructuralMatcher} matcher
   * @param {string} anchorSelector  the matcher's `anchor`
   * @returns {HTMLElement | null}
   */
  function anchored(editor, matcher, anchorSelector) {
    /** @type {Document} */
    let doc = editor.ownerDocument;
    for (let f = PgFrames.frameOf(editor); f; f = PgFrames.frameOf(f)) doc = f.ownerDocument;
    const anchor = doc.querySelector(anchorSelector);
    if (!anchor) return null;
    const before = (/** @type {Element} */ c) => (anchor.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_PRECEDING) !== 0;
    for (let box = anchor.parentElement; box; box = box.parentElement) {
      if (matcher.within && !box.closest(matcher.within)) return null;
      const all = [...box.querySelectorAll(matcher.css)].filter((c) => PgFrames.isHTMLElement(c) && !anchor.contains(c) && !editor.contains(c) && !elsewhere(c, anchor));
      const side = matcher.pick === 'before' ? all.filter(before) : all.filter((c) => !before(c));
      if (side.length === 0) continue;
      const chosen = matcher.pick === 'last' ? all[all.length - 1] : matcher.pick === 'before' ? side[side.length - 1] : side[0];
      return PgFrames.isHTMLElement(chosen) ? chosen : null;
    }
    return null;
  }

  /**
   * Whether control `c` sits in a dialog or form that does not hold `editor`.
   * @param {Element} c
   * @param {Element} editor
   */
  function elsewhere(c, editor) {
    const region = closestComposed(c, '[role="dialog"], dialog, form');
    return region !== null && !region.contains(editor) && !(PgFrames.isShadowRoot(editor.getRootNode()) && region.contains(/** @type {ShadowRoot} */ (editor.getRootNode()).host));
  }

  /**
   * `closest()` that continues past shadow roots to their hosts.
   * @param {Element} el
   * @param {string} selector
   */
  function closestComposed(el, selector) {
    /** @type {Element | null} */
    let cur = el;
    while (cur) {
      const found = cur.closest(selector);
      if (found) return found;
      const root = cur.getRootNode();
      cur = PgFrames.isShadowRoot(root) ? root.host : null;
    }
    return null;
  }

  return Object.freeze({ SITES, FALLBACK, EXTRA_SITE, forHost, forAdded, matchesSubmit, submitOf, closestComposed });
})();
