/**
 * A Trust's release, all of it consistent with one signing key (issue 19). `./build.sh package` runs
 * this after building; the end-to-end rollout test (tests/e2e/crx-rollout.test.mjs) runs it too, so
 * the files IT deploys are the files the test force-installs and updates.
 *
 * From the built extension (dist/chromium/) and the Trust's key and update address it writes:
 *
 *   OUT/host/postguard-VERSION.crx   the CRX3, signed with the key, whose manifest carries the key and
 *                                    `update_url` = BASE/updates.xml (Chrome asks the manifest's
 *                                    update_url after install)
 *   OUT/host/updates.xml             gupdate manifest: the ID, version, versioned codebase, hash_sha256
 *   OUT/host/firefox-updates.json    Firefox update manifest for the signed XPI (BASE/postguard-firefox-VERSION.xpi)
 *   OUT/firefox-release/, OUT/postguard-firefox-VERSION.zip
 *                                    the Firefox build with the Trust's add-on ID and update_url, to be
 *                                    signed on addons.mozilla.org (unlisted)
 *   OUT/policies/…                   every example policy under extension/policies/, with the real ID,
 *                                    add-on ID and addresses in place of the examples'
 *   OUT/policies/windows/admx/       Group Policy templates (ADMX, en-US ADML) for postguard's own
 *                                    settings in Chrome and Edge under the real ID (tools/admx.mjs),
 *                                    generated from the built extension's managed_schema.json
 *   OUT/release.json                 what was made: ID, add-on ID, version, base, test-only or not
 *
 * usage: node tools/package.mjs --from DIR --key KEY.pem --base https://HOST/PATH --out DIR
 *          [--version X.Y.Z] [--gecko-id ID] [--test-only]
 */
import { execFileSync } from 'node:child_process';
import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeAdmx } from './admx.mjs';
import { detectionScript } from './intune-detect.mjs';
import { crxIds, keyId } from './crx-id.mjs';
import { firefoxManifest, GECKO_ID } from './firefox-manifest.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The example files' placeholders: the repository's development ID, update address and add-on ID. */
export const EXAMPLE_BASE = 'https://apps.harbourside.nhs.uk/postguard';
export const EXAMPLE_GECKO_ID = GECKO_ID;
const CHROMIUM_BIN = process.env.POSTGUARD_CHROMIUM_BIN || '/usr/lib/chromium/chromium';

/** The repository manifest's ID: the one the example policies name. */
export function exampleId() {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8'));
  return keyId(Buffer.from(manifest.key, 'base64'));
}

/** The DER public key of a PEM private key. @param {string} pem */
export function publicKeyDer(pem) {
  return createPublicKey(createPrivateKey(pem)).export({ type: 'spki', format: 'der' });
}

/**
 * An update address: https, a host, an optional port and path of plain characters (it is written into
 * JSON, XML, .reg and plist files as it is), no trailing slash.
 * @param {string} base
 */
export function checkBase(base) {
  const b = base.replace(/\/+$/, '');
  if (!/^https:\/\/[A-Za-z0-9.-]+(:\d{1,5})?(\/[A-Za-z0-9._~\/-]*)?$/.test(b)) {
    throw new Error(`the update address must be https://host[/path] with plain characters, not ${JSON.stringify(base)}`);
  }
  return b;
}

/** Chrome and Firefox versions: one to four dot-separated integers of at most 65535. @param {string} v */
export function checkVersion(v) {
  const parts = v.split('.');
  if (parts.length > 4 || !parts.every((p) => /^(0|[1-9]\d{0,4})$/.test(p) && Number(p) <= 65535)) {
    throw new Error(`a version is 1 to 4 dot-separated numbers of at most 65535 (e.g. 0.1.2), not ${JSON.stringify(v)}`);
  }
  return v;
}

/** A Firefox add-on ID in email form (postguard@yourtrust.nhs.uk) or a {GUID}. @param {string} id */
export function checkGeckoId(id) {
  if (!/^[A-Za-z0-9._-]{1,64}@[A-Za-z0-9.-]{1,190}$/.test(id) && !/^\{[0-9a-fA-F-]{36}\}$/.test(id)) {
    throw new Error(`a Firefox add-on ID looks like postguard@yourtrust.nhs.uk, not ${JSON.stringify(id)}`);
  }
  return id;
}

/** An RFC 4122-shaped UUID derived from text, so rendered profiles get their own stable UUIDs. @param {string} text */
function derivedUuid(text) {
  const h = createHash('sha256').update(text).digest('hex').toUpperCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${'89AB'[parseInt(h[16], 16) & 3]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** @param {string} dir @returns {string[]} files under dir, relative */
function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full).map((f) => join(name, f)) : [name];
  });
}

/**
 * Renders one example policy file for a Trust: the example ID, addresses and add-on ID replaced, and
 * (in .mobileconfig profiles) every PayloadUUID and identifier made the Trust's own.
 * @param {string} text
 * @param {{id: string, base: string, geckoId: string}} t
 */
export function renderPolicy(text, { id, base, geckoId }) {
  let out = text.replaceAll(exampleId(), id).replaceAll(EXAMPLE_BASE, base).replaceAll(EXAMPLE_GECKO_ID, geckoId);
  out = out.replace(/<key>PayloadUUID<\/key>(\s*)<string>([0-9A-F-]{36})<\/string>/g,
    (_m, space, uuid) => `<key>PayloadUUID</key>${space}<string>${derivedUuid(`${id} ${base} ${uuid}`)}</string>`);
  return out;
}

/**
 * @param {{from: string, key: string, base: string, out: string, version?: string, geckoId?: string, testOnly?: boolean}} o
 */
export function makeRelease(o) {
  const from = resolve(o.from);
  const out = resolve(o.out);
  const base = checkBase(o.base);
  const manifest = JSON.parse(readFileSync(join(from, 'manifest.json'), 'utf8'));
  const version = checkVersion(o.version ?? manifest.version);
  const geckoId = checkGeckoId(o.geckoId ?? `postguard@${new URL(base).hostname}`);
  const pem = readFileSync(o.key, 'utf8');
  const spki = publicKeyDer(pem);
  const id = keyId(spki);

  for (const sub of ['host', 'firefox-release', 'policies', 'crx-stage']) rmSync(join(out, sub), { recursive: true, force: true });
  for (const f of existsSync(out) ? readdirSync(out) : []) {
    if (/^postguard-firefox-.*\.zip$|^release\.json$|^TEST-ONLY\.txt$/.test(f)) rmSync(join(out, f));
  }
  mkdirSync(join(out, 'host'), { recursive: true });

  // Chrome and Edge: the packed manifest carries the Trust's key (so the ID is the same packed or
  // unpacked), the version, and the Trust's update address, which Chrome asks after installing.
  const stage = join(out, 'crx-stage');
  cpSync(from, stage, { recursive: true });
  const packed = { ...manifest, key: spki.toString('base64'), version, update_url: `${base}/updates.xml` };
  writeFileSync(join(stage, 'manifest.json'), JSON.stringify(packed, null, 2) + '\n');
  rmSync(`${stage}.crx`, { force: true });
  try {
    execFileSync(CHROMIUM_BIN, ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
      `--user-data-dir=${join(out, 'pack-profile')}`, `--pack-extension=${stage}`, `--pack-extension-key=${resolve(o.key)}`],
    { stdio: ['ignore', 'ignore', 'pipe'], timeout: 120_000 });
  } catch (e) {
    if (!existsSync(`${stage}.crx`)) throw new Error(`chromium could not pack the extension: ${/** @type {any} */ (e).stderr ?? e}`);
  }
  rmSync(join(out, 'pack-profile'), { recursive: true, force: true });
  if (!existsSync(`${stage}.crx`)) throw new Error('chromium wrote no CRX');
  const crxName = `postguard-${version}.crx`;
  const crx = readFileSync(`${stage}.crx`);
  const { declared, keyIds } = crxIds(crx);
  if (declared !== id || !keyIds.includes(id)) throw new Error(`the CRX declares ${declared}, signed by ${keyIds}; expected ${id}`);
  writeFileSync(join(out, 'host', crxName), crx);
  rmSync(`${stage}.crx`);
  rmSync(stage, { recursive: true });

  const warning = o.testOnly
    ? '\n  <!-- TEST ONLY: signed with a throwaway key (see TEST-ONLY.txt); never host this file. -->'
    : '';
  writeFileSync(join(out, 'host', 'updates.xml'), `<?xml version='1.0' encoding='UTF-8'?>
<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>${warning}
  <app appid='${id}'>
    <updatecheck codebase='${base}/${crxName}' hash_sha256='${createHash('sha256').update(crx).digest('hex')}' version='${version}'/>
  </app>
</gupdate>
`);

  // Firefox: the Trust's own add-on ID (addons.mozilla.org signs one ID for one account) and update
  // manifest. The XPI is hashed by nobody here: signing changes the file, and the link is https.
  const ffDir = join(out, 'firefox-release');
  cpSync(from, ffDir, { recursive: true });
  writeFileSync(join(ffDir, 'manifest.json'), JSON.stringify(
    firefoxManifest({ ...manifest, version }, { geckoId, updateUrl: `${base}/firefox-updates.json` }), null, 2) + '\n');
  const ffZip = join(out, `postguard-firefox-${version}.zip`);
  execFileSync('zip', ['-qr', '-X', ffZip, '.'], { cwd: ffDir });
  writeFileSync(join(out, 'host', 'firefox-updates.json'), JSON.stringify({
    addons: { [geckoId]: { updates: [{ version, update_link: `${base}/postguard-firefox-${version}.xpi` }] } },
  }, null, 2) + '\n');

  // Every example policy, rendered for this Trust.
  const examples = join(ROOT, 'extension', 'policies');
  for (const rel of walk(examples)) {
    const target = join(out, 'policies', rel);
    mkdirSync(dirname(target), { recursive: true });
    const text = renderPolicy(readFileSync(join(examples, rel), 'utf8'), { id, base, geckoId });
    if (id !== exampleId() && text.includes(exampleId())) throw new Error(`${rel}: the example ID survived rendering`);
    writeFileSync(target, text);
    // Windows: the same file without the ExtensionSettings value, for machines where ExtensionSettings
    // is already managed elsewhere (one Intune or GPO setting for every extension): importing it writes
    // only postguard's own key, 3rdparty\extensions\<id>\policy, and touches no other extension.
    if (rel.endsWith('.reg')) {
      const settingsOnly = text.split(/(?=^\[)/m).filter((block) => !/^"ExtensionSettings"=/m.test(block)).join('');
      writeFileSync(target.replace(/\.reg$/, '-settings.reg'), settingsOnly);
      // Its Intune detection script: every value, so a changed setting redeploys (intune-detect.mjs).
      // With a byte-order mark: Windows PowerShell reads a script without one in the ANSI code page.
      const regName = basename(target).replace(/\.reg$/, '-settings.reg');
      writeFileSync(target.replace(/\.reg$/, '-settings-detect.ps1'), `\ufeff${detectionScript(settingsOnly, regName)}`);
    }
  }

  // Windows: Group Policy templates for postguard's settings, from the schema the CRX carries.
  writeAdmx(JSON.parse(readFileSync(join(from, 'managed_schema.json'), 'utf8')), id, join(out, 'policies', 'windows', 'admx'),
    JSON.parse(readFileSync(join(examples, 'policy.json'), 'utf8')));

  const release = { id, geckoId, version, base, updateUrl: `${base}/updates.xml`, crx: `host/${crxName}`,
    firefoxZip: relative(out, ffZip), testOnly: Boolean(o.testOnly) };
  writeFileSync(join(out, 'release.json'), JSON.stringify(release, null, 2) + '\n');
  if (o.testOnly) {
    writeFileSync(join(out, 'TEST-ONLY.txt'), `TEST ONLY: NOT FOR DEPLOYMENT

These files were signed with a throwaway key (POSTGUARD_SIGNING_KEY was not set), so the extension ID
${id} belongs to no Trust and the addresses point at ${base}, a host that cannot exist.
To make a release, set POSTGUARD_SIGNING_KEY (your Trust's key; a new path makes one) and
POSTGUARD_UPDATE_BASE (where you host host/): see docs/deploy.md.
`);
  }
  return release;
}

if (process.argv[1]?.endsWith('package.mjs')) {
  /** @type {Record<string, string | boolean>} */
  const args = {};
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--test-only') args.testOnly = true;
    else if (a.startsWith('--') && i + 1 < argv.length) args[a.slice(2).replace(/-(\w)/g, (_m, c) => c.toUpperCase())] = argv[++i];
    else { console.error(`package.mjs: unexpected argument ${a}`); process.exit(2); }
  }
  const { from, key, base, out } = args;
  if (typeof from !== 'string' || typeof key !== 'string' || typeof base !== 'string' || typeof out !== 'string') {
    console.error('usage: node tools/package.mjs --from DIR --key KEY.pem --base https://HOST/PATH --out DIR [--version X.Y.Z] [--gecko-id ID] [--test-only]');
    process.exit(2);
  }
  try {
    const r = makeRelease({ from, key, base, out, version: /** @type {string | undefined} */ (args.version),
      geckoId: /** @type {string | undefined} */ (args.geckoId), testOnly: args.testOnly === true });
    console.log(JSON.stringify(r));
  } catch (e) {
    console.error(`package.mjs: ${/** @type {Error} */ (e).message}`);
    process.exit(1);
  }
}
