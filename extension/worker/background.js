// @ts-check
/**
 * The service worker: the only place the analyser runs (page CSPs block WebAssembly in content
 * scripts). It answers the content script's messages; it makes no network requests and logs no text.
 *
 * Every request gets exactly one answer. A failure — the WASM missing or corrupt, a trap, a bad
 * policy — is answered `{ok: false, error}` where `error` names what failed (an error class and a
 * fixed phrase), never the draft: the content script then shows the checker as unavailable and
 * policy's `failClosed` decides whether submits are held.
 */
import '../shared/messages.js';
import { analyze, photoLocation, photoPeople } from './analyzer.js';
import { pageSettings, policy } from './settings.js';
import { pauses, setPause } from './pauses.js';
import { listenForClicks, showStatus } from './action-state.js';
import { watchAddedHosts } from './added-hosts.js';

const { MessageType, isRequest } = /** @type {any} */ (globalThis).PostguardMessages;

// Every module is evaluated: the start of a cold start's own work (see `milestone`).
performance.mark('postguard:modules-loaded');

/** Analyses served since the worker started: a count only, read by `./build.sh bench`. */
let analysesServed = 0;

/**
 * @param {import('../shared/messages.js').WorkerRequest} request
 * @param {chrome.runtime.MessageSender} sender
 * @returns {Promise<object>}
 */
async function handle(request, sender) {
  switch (request.type) {
    case MessageType.analyze: {
      const report = await analyze(await policy(), /** @type {import('../shared/messages.js').AnalyzeRequest} */ (request).text);
      /** @type {any} */ (globalThis).postguardAnalysesServed = ++analysesServed;
      return { ok: true, ...report };
    }
    case MessageType.media:
      return { ok: true, location: await photoLocation(fromBase64(/** @type {import('../shared/messages.js').MediaRequest} */ (request).head)) };
    case MessageType.people:
      return { ok: true, findings: await photoPeople(await policy(), /** @type {import('../shared/messages.js').PeopleRequest} */ (request).faces) };
    case MessageType.settings: {
      const settings = pageSettings(await policy());
      return { ok: true, settings: { ...settings, pauses: settings.allowPause ? await pauses() : {} } };
    }
    case MessageType.pause:
    case MessageType.resume: {
      // Ending a pause is always allowed; starting one only where IT allows it.
      const on = request.type === MessageType.pause;
      if (on && !pageSettings(await policy()).allowPause) return { ok: false, error: 'pausing is not allowed by your Trust' };
      return { ok: true, pauses: await setPause(/** @type {import('../shared/messages.js').PauseRequest} */ (request).site, on) };
    }
    case MessageType.status: {
      // Only a tab's own content script reports its state; the options page has no tab to mark.
      const tabId = sender.tab?.id;
      if (tabId === undefined) return { ok: false, error: 'status needs a tab' };
      await showStatus(tabId, /** @type {import('../shared/messages.js').StatusRequest} */ (request));
      return { ok: true };
    }
    default:
      return { ok: false, error: 'unknown request' };
  }
}

/**
 * What failed, in words that cannot contain the draft: the error's class and which step failed.
 * Error messages are not passed on, since some (a JSON parse error, a JS engine's message about a
 * value) can quote their input.
 * @param {unknown} error
 * @param {string} type  the request type
 */
function describeFailure(error, type) {
  const kind = error instanceof WebAssembly.CompileError ? 'the analyser could not be loaded (CompileError)'
    : error instanceof WebAssembly.LinkError ? 'the analyser could not be loaded (LinkError)'
      : error instanceof WebAssembly.RuntimeError ? 'the analyser stopped unexpectedly (RuntimeError); it has been restarted'
        : error instanceof TypeError ? 'the analyser could not be loaded or called (TypeError)'
          : error instanceof Error ? `the analyser failed (${error.name})`
            : 'the analyser failed';
  const what = type === MessageType.settings ? 'settings' : type === MessageType.analyze || type === MessageType.media || type === MessageType.people ? 'analysis'
    : type === MessageType.status ? 'status' : 'pause';
  return `${what} unavailable: ${kind}`;
}

/**
 * Decodes the base64 `head` of a media request (the content script cannot send bytes as such).
 * @param {string} b64
 */
function fromBase64(b64) {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  // Only our own content scripts and pages may ask; never another extension or a web page.
  if (sender.id !== chrome.runtime.id || !isRequest(message)) return false;
  handle(message, sender).then(sendResponse, (error) => {
    const what = describeFailure(error, message.type);
    console.error('postguard:', what);
    sendResponse({ ok: false, error: what });
  });
  return true; // the response is sent asynchronously
});

listenForClicks();
watchAddedHosts();
