/**
 * The fixture sites with their UI in another language (issue 16): a SiteSpec whose pages open with
 * `?lang=…` and whose selectors name controls by their translated labels, read from the same
 * dictionary the fixture pages render from (tests/fixtures/shared/labels.js).
 */
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { FIXTURES_DIR } from './server.mjs';

/** @type {Record<string, Record<string, string>>} */
export const LABELS = (() => {
  const window = /** @type {any} */ ({});
  runInNewContext(readFileSync(`${FIXTURES_DIR}shared/labels.js`, 'utf8'), { window });
  return window.__fixtureLabels;
})();

/**
 * @param {string} path
 * @param {string} lang
 */
function withLang(path, lang) {
  return `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
}

/**
 * The site as a person whose UI language is `lang` sees it.
 * @param {import('./sites.mjs').SiteSpec} site
 * @param {string} lang  fr, cy, pl or de (de: Blogger's fixture only)
 * @returns {import('./sites.mjs').SiteSpec}
 */
export function localise(site, lang) {
  const labels = LABELS[lang];
  if (!labels) throw new Error(`no fixture labels for ${lang}`);
  const t = (/** @type {string} */ label) => (Object.hasOwn(labels, label) ? labels[label] : label);
  // Every quoted English label in a selector ("Post", "Write a caption...") becomes the translation.
  const tr = (/** @type {string} */ selector) => selector.replace(/"([^"]*)"/g, (whole, label) => (Object.hasOwn(labels, label) ? `"${labels[label]}"` : whole));
  return {
    ...site,
    surfaces: site.surfaces.map((s) => ({
      ...s,
      path: withLang(s.path, lang),
      open: s.open ? (/** @type {import('playwright-core').Page} */ page) => /** @type {any} */ (s.open)(page, t) : undefined,
      editor: tr(s.editor),
      submit: tr(s.submit),
      confirm: s.confirm && tr(s.confirm),
    })),
    media: site.media && { ...site.media, path: withLang(site.media.path, lang), near: tr(site.media.near) },
  };
}
