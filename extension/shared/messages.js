// @ts-check
/**
 * The message contract between the content script (in the page) and the service worker (where the
 * WASM analyser runs). Content scripts cannot run WebAssembly under the sites' CSPs, so every analysis
 * is a round trip through `chrome.runtime.sendMessage`; messages never leave the browser.
 *
 * Offsets in findings are UTF-16 code units into the exact text that was sent.
 *
 * @typedef {'confidentiality' | 'consent' | 'disrepute'} Category
 * @typedef {'info' | 'warn' | 'high'} Severity
 * @typedef {'inform' | 'warn' | 'acknowledge' | 'block'} Action
 *
 * @typedef {object} Finding
 * @property {string} rule          stable rule id, e.g. "nhs-number"
 * @property {Category} category
 * @property {Severity} severity
 * @property {Action} action        what the Trust's policy says to do; warn and above pause a submit
 * @property {number} start         UTF-16 offset of the span's first code unit
 * @property {number} end           UTF-16 offset just past the span
 * @property {string} title         a few words naming the risk
 * @property {string} message       one calm sentence saying why
 * @property {string | null} suggestion
 * @property {string} policyRef     the clause(s) the warning rests on
 * @property {string} why           how the detector decided (never quotes the draft)
 * @property {[number, number][]} [cues]  for a learned-model finding (which covers a sentence): the
 *                                  UTF-16 spans of the words that weighed most, strongest first
 * @property {string[]} [cueWords]   those words as written (the page's own draft, nothing more)
 * @property {Fix[]} [fixes]        one-click fixes the analyser computed (none when the rule has no
 *                                  fix or the policy turned fixes off)
 * @property {'text' | 'media'} [source]  where it was found: the typed draft (default) or an attached photo
 * @property {string} [excerpt]     for a finding from a photo: the words read there
 * @property {{x: number, y: number, w: number, h: number}[]} [regions]  for a finding from a photo: where
 *                                  in it (fractions of its width and height)
 * @property {ImageBitmap | null} [thumbnail]  for a finding from a photo: a small picture of it (never stored)
 * @property {string} [at]        for a finding from a video: the time of the frame it was seen in ("0:04")
 * @property {number} [frame]     for a finding from a video: which of the check's frame thumbnails is its
 *
 * @typedef {object} Fix            a change that removes the finding's risk, applied as the user's edit
 * @property {string} label         lower case, shown after "Fix: ", e.g. "hide the NHS number"
 * @property {FixEdit[]} edits      in text order, not overlapping
 *
 * @typedef {object} FixEdit
 * @property {number} start         UTF-16 offset of the first code unit replaced
 * @property {number} end           UTF-16 offset just past the replaced text (start for an insertion)
 * @property {string} text          what goes in its place ("" deletes)
 *
 * @typedef {object} AnalyzeRequest
 * @property {'analyze'} type
 * @property {string} text
 *
 * @typedef {object} AnalyzeOk
 * @property {true} ok
 * @property {Finding[]} findings   in text order
 * @property {boolean} truncated    more findings exist than were returned
 *
 * @typedef {object} Failure
 * @property {false} ok
 * @property {string} error         what failed (never the draft's text)
 *
 * @typedef {object} SettingsRequest
 * @property {'settings'} type
 *
 * @typedef {object} Settings      what the page side needs to know of the effective policy
 * @property {string} trustName
 * @property {string} commsContact
 * @property {string} speakUpContact
 * @property {string} policyUrl      the Trust's policy document, an https:// address or ""
 * @property {boolean} [allowPause]   whether the user may pause postguard on a site for a while
 * @property {Record<string, number>} [pauses]  sites the user paused: site id → when the pause ends
 *                                    (ms since the epoch); always empty when IT does not allow pausing
 * @property {string[]} [enabledSites] site ids postguard runs on: "x", "facebook", "linkedin",
 *                                    "instagram", "tiktok" (default all five)
 * @property {boolean} allowOverride  whether "Post anyway" may be offered at all
 * @property {boolean} failClosed     hold submits when the checker cannot run
 * @property {boolean} photoText      read the text in attached photos, on the device, and check it like typed text
 * @property {boolean} photoFaces     look for faces in attached photos, on the device (a consent finding)
 * @property {number} photoWaitSeconds  how long a submit waits for a photo still being checked (1–60)
 * @property {Record<string, SelectorOverride>} [selectors]  IT's selector overrides by site id
 *                                    ("x", "facebook", "linkedin", "instagram", "tiktok"); tried before
 *                                    the built-in adapter table (extension/content/adapters.js)
 * @property {{address: string, adapter: string, editors?: string[], submits?: string[], attachments?: string[], enterSends?: boolean, ctrlEnterSends?: boolean}[]} [extraSites]  hosts IT added (managed `extraSites`),
 *                                    present only when IT set some: a page on one finds its entry there
 *
 * @typedef {object} SelectorOverride  one extra compose surface IT defines for a site
 * @property {string[]} editors          CSS selectors of the editable element
 * @property {string[]} [submits]        CSS selectors of the controls that send it
 * @property {boolean} [enterSends]      plain Enter sends from this editor (default false)
 * @property {boolean} [ctrlEnterSends]  Ctrl/Cmd+Enter sends (default true)
 *
 * @typedef {object} SettingsOk
 * @property {true} ok
 * @property {Settings} settings
 *
 * @typedef {object} MediaRequest   a photo or video was attached in a compose box
 * @property {'media'} type
 * @property {string} name            the file's name (shown to no one; helps pick a parser with mime)
 * @property {string} mime            the file's MIME type as the browser reports it, e.g. "image/jpeg"
 * @property {string} head            base64 of the file's first bytes, at most 131072 (128 KB) before
 *                                    encoding: enough for a JPEG's APP1/EXIF segment (≤ 64 KB) and
 *                                    HEIC/PNG metadata near the start; never the whole file
 *
 * @typedef {object} MediaOk
 * @property {true} ok
 * @property {boolean} location       the metadata records where the photo was taken (EXIF GPS)
 *
 * @typedef {object} PauseRequest   stop checking on one site for PAUSE_MINUTES (only if IT allows it)
 * @property {'pause'} type
 * @property {string} site            site id, one of PAUSABLE (a built-in site, or `extra`: every host IT added)
 *
 * @typedef {object} ResumeRequest  end a pause early
 * @property {'resume'} type
 * @property {string} site
 *
 * @typedef {object} PauseOk
 * @property {true} ok
 * @property {Record<string, number>} pauses  the pauses now in force
 *
 * @typedef {'checking' | 'paused' | 'off' | 'unwatched' | 'unavailable'} CheckingState
 *
 * @typedef {object} StatusRequest  whether postguard is checking on the sender's tab, for the toolbar
 *                                    button (worker/action-state.js); a state only, nothing of the page
 * @property {'status'} type
 * @property {CheckingState} state    checking; paused by the user; off (IT has not enabled the site);
 *                                    unwatched (a box typed into is not one postguard recognises);
 *                                    unavailable (the checker could not run)
 * @property {number} [until]         when state is "paused": when the pause ends (ms since the epoch)
 *
 * @typedef {object} PeopleRequest  the photo check found faces in an attached photo: the finding the
 *                                    policy makes of it (rule people-in-photo), if any; a count only,
 *                                    nothing of the photo
 * @property {'people'} type
 * @property {number} faces           how many faces (a whole number, 1 to MAX_FACES)
 *
 * @typedef {AnalyzeRequest | SettingsRequest | MediaRequest | PauseRequest | ResumeRequest | StatusRequest | PeopleRequest} WorkerRequest
 */

/** Message type names, so a typo is a type error rather than a silent no-op. */
/**
 * Request types the worker answers, plus `policyChanged`: the one message the worker sends to pages,
 * when the effective policy changed (IT's arrived late or was updated), so open drafts are re-checked.
 */
const MessageType = Object.freeze({
  analyze: 'analyze', settings: 'settings', media: 'media', pause: 'pause', resume: 'resume', status: 'status', people: 'people', policyChanged: 'policyChanged',
});

/** The states a tab's status may report. */
const CHECKING_STATES = Object.freeze(['checking', 'paused', 'off', 'unwatched', 'unavailable']);

/** The sites postguard knows, by id (extension/content/adapters.js). */
const SITE_IDS = Object.freeze(['x', 'facebook', 'linkedin', 'instagram', 'tiktok', 'youtube', 'whatsapp', 'reddit', 'threads', 'bluesky', 'medium', 'wordpress', 'messenger', 'blogger']);

/** What can be paused: a built-in site, or every host IT added at once (`extra`, PgAdapters.EXTRA_SITE). */
const PAUSABLE = Object.freeze([...SITE_IDS, 'extra']);

/** How long a pause lasts. */
const PAUSE_MINUTES = 60;

/** Most faces a people request may report (more is still "many people"). */
const MAX_FACES = 1000;

/** Largest `head` a media request may carry, in bytes before base64. */
const MEDIA_HEAD_BYTES = 128 * 1024;

/**
 * Whether a value received over `runtime.onMessage` is a well-formed request.
 * @param {unknown} value
 * @returns {value is WorkerRequest}
 */
function isRequest(value) {
  if (typeof value !== 'object' || value === null) return false;
  const v = /** @type {Record<string, unknown>} */ (value);
  switch (v.type) {
    case MessageType.analyze:
      return typeof v.text === 'string';
    case MessageType.settings:
      return true;
    case MessageType.media:
      return typeof v.name === 'string' && typeof v.mime === 'string' && typeof v.head === 'string' &&
        v.head.length <= Math.ceil(MEDIA_HEAD_BYTES / 3) * 4;
    case MessageType.pause:
    case MessageType.resume:
      return typeof v.site === 'string' && PAUSABLE.includes(v.site);
    case MessageType.people:
      return typeof v.faces === 'number' && Number.isInteger(v.faces) && v.faces >= 1 && v.faces <= MAX_FACES;
    case MessageType.status:
      return typeof v.state === 'string' && CHECKING_STATES.includes(v.state) &&
        (v.until === undefined || (typeof v.until === 'number' && Number.isFinite(v.until)));
    default:
      return false;
  }
}

// Shared by the worker (ES module import) and classic scripts (global), without a bundler.
if (typeof globalThis !== 'undefined') Object.assign(globalThis, { PostguardMessages: { MessageType, isRequest, MAX_FACES, MEDIA_HEAD_BYTES, SITE_IDS, PAUSABLE, PAUSE_MINUTES } });
