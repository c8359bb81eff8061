// @ts-check
/**
 * The one shim over the browser's extension APIs for the content script: which global to use
 * (`browser` on Firefox, `chrome` on Chromium) and a request/response helper that never hangs.
 *
 * A stopped or crashed service worker must not freeze the page: every request has a deadline, and
 * failures come back as `{ok: false}` values rather than exceptions, so callers handle one shape.
 * A failure the worker did not answer itself (no reply in time, or the message could not be
 * delivered) carries `unreachable: true`: a worker that is still starting looks exactly like that,
 * so it is a reason to ask again, not yet a verdict (readiness.js).
 */
/** @typedef {{ok: false, error: string, unreachable?: boolean}} RequestFailure */
const PgBrowser = (() => {
  /** @type {typeof chrome} */
  const api = /** @type {any} */ (globalThis).browser?.runtime?.sendMessage ? /** @type {any} */ (globalThis).browser : chrome;

  /**
   * Send one request to the extension's service worker.
   * @template T
   * @param {WorkerRequest} message
   * @param {number} timeoutMs  how long to wait before treating the worker as unavailable
   * @returns {Promise<T | RequestFailure>}
   */
  function request(message, timeoutMs) {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve({ ok: false, error: 'timeout', unreachable: true }), timeoutMs);
      /** @param {unknown} error */
      const failed = (error) => {
        clearTimeout(timer);
        // No runtime id: the extension was reloaded or removed under this page, for good.
        resolve({ ok: false, error: error instanceof Error ? error.message : 'send failed', unreachable: Boolean(api.runtime?.id) });
      };
      try {
        Promise.resolve(api.runtime.sendMessage(message)).then(
          (reply) => {
            clearTimeout(timer);
            resolve(reply && typeof reply === 'object' ? reply : { ok: false, error: 'no reply', unreachable: true });
          },
          failed);
      } catch (error) {
        failed(error);
      }
    });
  }

  /**
   * Calls `handler` when the extension's own worker says the policy changed. Messages from anything
   * else (another extension, a page) are ignored.
   * @param {() => void} handler
   */
  function onPolicyChanged(handler) {
    api.runtime.onMessage.addListener((/** @type {unknown} */ message, /** @type {chrome.runtime.MessageSender} */ sender) => {
      if (sender.id !== api.runtime.id) return;
      if (typeof message === 'object' && message !== null && /** @type {{type?: unknown}} */ (message).type === 'policyChanged') handler();
    });
  }

  return Object.freeze({ request, onPolicyChanged });
})();
