// @ts-check
/**
 * The page's copy of the Trust's policy: the settings the worker derives from it (Trust name,
 * contacts, which choices the dialog offers, failClosed, pauses, IT's selector overrides), and the
 * adapter entry for this site with those overrides applied.
 *
 * The worker owns the policy; this file only asks for it and keeps the answer. IT's settings may
 * arrive after start-up, so they are asked for again when a policy change is announced and, when
 * stale, whenever an editor appears. What a new answer changes elsewhere (pauses, a site IT has not
 * enabled, new selectors) is main.js's wiring, called through `onLoaded`.
 */
const PgSettings = (() => {
  /** Settings older than this are asked for again when an editor appears. */
  const STALE_MS = 30_000;

  /** @type {Settings & {selectors?: unknown}} */
  let settings = {
    trustName: 'your NHS Trust',
    commsContact: "your Trust's communications team",
    speakUpContact: 'your Freedom to Speak Up Guardian',
    policyUrl: '',
    allowOverride: true,
    failClosed: false,
    photoText: true,
    photoFaces: true,
    photoWaitSeconds: 10,
  };
  /** This site's adapter entry (null: not a site postguard knows, or IT has not enabled it). */
  let site = PgAdapters.forHost(location.hostname);
  /**
   * Whether this page is on a host IT added (managed `extraSites`) rather than a built-in site: the
   * worker registered the content script here, and which adapter applies is known only once the
   * settings arrive (`addedEntry`).
   */
  const onAddedHost = site === null;
  /** When settings were last asked for (0: never, or the last request failed), so editors attached later can refresh stale ones. */
  let loadedAt = 0;
  /** Whether the worker's settings have arrived at least once: until then these are defaults. */
  let loaded = false;
  /** @type {(settings: Settings & {selectors?: unknown}) => void} */
  let onLoaded = () => {};

  /**
   * Ask the worker for the effective policy's page settings (IT's may arrive after start-up).
   * @returns {Promise<SettingsOk | RequestFailure>}
   */
  function load() {
    loadedAt = Date.now(); // a failure is retried at the next editor, or by a held submit
    return /** @type {Promise<SettingsOk | RequestFailure>} */ (PgBrowser.request({ type: 'settings' }, 5000)).then((r) => {
      if (!r.ok) { loadedAt = 0; return r; }
      // On a host IT added, photos are checked as on the built-in sites: the photo check's frame may
      // be loaded by any https page the content script runs in (web_accessible_resources), and the
      // content script runs only on the hosts IT listed and the person allowed.
      settings = r.settings;
      loaded = true;
      onLoaded(settings);
      return r;
    });
  }

  /** Asks again if the settings are older than STALE_MS (or never arrived). */
  function refreshIfStale() {
    if (Date.now() - loadedAt > STALE_MS) void load();
  }

  /** @param {Partial<Settings>} patch  values the worker returned outside a settings request */
  function update(patch) {
    settings = { ...settings, ...patch };
  }

  /** @param {Site | null} next */
  function setSite(next) {
    site = next;
  }

  /** @param {(settings: Settings & {selectors?: unknown}) => void} handler */
  function configure(handler) {
    onLoaded = handler;
  }

  /**
   * This page's `extraSites` entry, on a host IT added and still lists (null elsewhere, or once IT
   * has taken the host out of the policy).
   * @returns {ExtraSite | null}
   */
  function addedEntry() {
    if (!onAddedHost) return null;
    return /** @type {any} */ (globalThis).PostguardExtraSites.entryFor(settings.extraSites, location.href);
  }

  return Object.freeze({
    current: () => settings,
    site: () => site,
    onAddedHost: () => onAddedHost,
    addedEntry,
    load,
    /** Whether the worker's settings have arrived: until then `current()` is the defaults. */
    isLoaded: () => loaded,
    refreshIfStale,
    update,
    setSite,
    configure,
  });
})();
