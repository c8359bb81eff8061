// @ts-check
/** Tiny DOM helpers for the options page: elements are built with text nodes, never HTML strings. */

/**
 * @param {string} tag
 * @param {Record<string, string>} [attrs]
 * @param {...(string | Node)} children
 * @returns {HTMLElement}
 */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

/**
 * The element with `id`, typed; throws if the page lacks it (a bug in options.html).
 * @template {HTMLElement} T
 * @param {string} id
 * @param {new () => T} type
 * @returns {T}
 */
export function byId(id, type) {
  const e = document.getElementById(id);
  if (!(e instanceof type)) throw new Error(`options page: #${id} is missing`);
  return e;
}
