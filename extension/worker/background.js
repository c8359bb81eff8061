// @ts-check
/**
 * The service worker: the only place the analyser runs (page CSPs block WebAssembly in content
 * scripts). It answers the content script's messages; it makes no network requests and logs no text.
 */
import '../shared/messages.js';
import { analyze } from './analyzer.js';
import { pageSettings, policy } from './settings.js';

const { MessageType, isRequest } = /** @type {any} */ (globalThis).PostguardMessages;

/**
 * @param {import('../shared/messages.js').WorkerRequest} request
 * @returns {Promise<object>}
 */
async function handle(request) {
  switch (request.type) {
    case MessageType.analyze:
      return { ok: true, ...(await analyze(await policy(), request.text)) };
    case MessageType.settings:
      return { ok: true, settings: pageSettings(await policy()) };
    default:
      return { ok: false, error: 'unknown request' };
  }
}

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  // Only our own content scripts and pages may ask; never another extension or a web page.
  if (sender.id !== chrome.runtime.id || !isRequest(message)) return false;
  handle(message).then(sendResponse, (error) => {
    // Say what failed, never what was being analysed.
    const what = error instanceof Error ? error.name + ': ' + error.message : 'analysis failed';
    console.error('postguard: request failed:', what);
    sendResponse({ ok: false, error: what });
  });
  return true; // the response is sent asynchronously
});
