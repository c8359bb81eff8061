// @ts-check
/**
 * Reading the Windows `.reg` files postguard's example policies are written as (Registry Editor
 * 5.00 format), for the Intune detection scripts (intune-detect.mjs) and the tests that check what
 * the files set (tests/e2e/example-policies.test.mjs, which compares every value with policy.json).
 */

/**
 * One value a `.reg` file sets: its key under HKEY_LOCAL_MACHINE, its name, type and content.
 * @typedef {{key: string, name: string, kind: 'String' | 'DWord', value: string | number}} RegValue
 */

/**
 * The values a `.reg` file sets: string and DWORD values under HKEY_LOCAL_MACHINE keys. Anything else (deletions, other hives, other
 * value types) is refused, so a template change cannot silently drop a value from detection.
 * @param {string} text
 * @returns {RegValue[]}
 */
export function parseReg(text) {
  /** @type {RegValue[]} */
  const out = [];
  let key = '';
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith(';') || (i === 0 && line.startsWith('Windows Registry Editor'))) continue;
    const section = /^\[(.+)\]$/.exec(line);
    if (section) {
      if (!section[1].startsWith('HKEY_LOCAL_MACHINE\\')) throw new Error(`line ${i + 1}: only HKEY_LOCAL_MACHINE keys are supported`);
      key = section[1].slice('HKEY_LOCAL_MACHINE\\'.length);
      continue;
    }
    const m = /^"((?:[^"\\]|\\.)*)"=(?:"((?:[^"\\]|\\.)*)"|dword:([0-9a-fA-F]{8}))$/.exec(line);
    if (!m || !key) throw new Error(`line ${i + 1}: not a string or DWORD value under a key`);
    const unescape = (/** @type {string} */ s) => s.replace(/\\(.)/g, '$1');
    out.push(m[3] !== undefined
      ? { key, name: unescape(m[1]), kind: 'DWord', value: parseInt(m[3], 16) }
      : { key, name: unescape(m[1]), kind: 'String', value: unescape(m[2]) });
  }
  return out;
}
