// @ts-check
/**
 * Start-up readiness: a held submit waits until postguard can honestly decide on it.
 *
 * In a fresh browser the first check costs the worker's start, the policy read and the analyser's
 * compilation, seconds on a slow machine; a draft submitted within that time used to be judged
 * before any answer came, and a benign post was blocked as "could not check". Now the gate waits
 * here, showing "Checking…" on the draft's badge, until every draft it sends has findings for its
 * current text and the Trust's settings are known, or the check failed for real: the worker itself
 * answered that it could not analyse, or no answer came within PATIENCE_MS, far longer than a cold
 * start takes (about 2 s measured under load, docs/security.md). Only then does policy's
 * failClosed apply.
 */
const PgReadiness = (() => {
  /** How long a held submit waits for the first answers before the checker counts as failed. */
  const PATIENCE_MS = 20_000;
  /** Pause between attempts when the worker could not even be reached (it may be starting). */
  const BACKOFF_MS = 250;

  /**
   * After an attempt the worker did not answer, waits a moment before the next (it may be
   * starting), so a worker that refuses at once is not asked in a tight loop.
   * @param {number} started  when the attempt began
   * @param {boolean} unreachable
   */
  async function pace(started, unreachable) {
    if (unreachable && Date.now() - started < BACKOFF_MS) await new Promise((resolve) => setTimeout(resolve, BACKOFF_MS));
  }

  /**
   * Waits until the drafts `list` sends are decided and the page's settings are known, showing
   * "Checking…" meanwhile.
   * @param {Session[]} list
   * @returns {Promise<void>}
   */
  async function settle(list) {
    try {
      if (PgSettings.isLoaded() && list.every((s) => PgSessions.decided(s, false))) return;
      const deadline = Date.now() + PATIENCE_MS;
      PgSessions.setChecking(list, true);
      PgOverlay.announce('postguard is checking your post before it is sent.');
      await Promise.all([settings(deadline), ...list.map((s) => settleOne(s, deadline))]);
    } finally {
      // Also ends a "Checking…" shown while this submit waited its turn behind another.
      PgSessions.setChecking(list, false);
    }
  }

  /**
   * Waits until the Trust's settings have arrived, so the submit is decided by the policy in force
   * (failClosed, the choices offered, the Trust's name), not by the defaults. If the worker answers
   * that it cannot read the policy, the defaults stand.
   * @param {number} deadline
   */
  async function settings(deadline) {
    while (!PgSettings.isLoaded() && Date.now() < deadline) {
      const started = Date.now();
      const reply = await PgSettings.load();
      if (!reply.ok && !reply.unreachable) return;
      await pace(started, !reply.ok);
    }
  }

  /**
   * Analyses the draft until it is decided (PgSessions.decided), or the deadline passes.
   * @param {Session} s
   * @param {number} deadline
   */
  async function settleOne(s, deadline) {
    let asked = false;
    while (!PgSessions.decided(s, asked) && Date.now() < deadline && !PgPause.until()) {
      const started = Date.now();
      asked = true;
      await PgSessions.analyseNow(s);
      await pace(started, s.unreachable);
    }
  }

  return Object.freeze({ settle });
})();
