/**
 * Writes postguard's software bill of materials: one CycloneDX 1.5 JSON document listing every Rust
 * crate in Cargo.lock and every npm package in vendor/, tests/ and tools/package-lock.json, with
 * its version, package URL, licence (as the package declares it), the registry's hash of its source
 * (Cargo.lock's SHA-256 checksum; npm's SHA-512 integrity) and the dependency graph.
 *
 * Each component says where it ends up (property `postguard:use`):
 * - `extension`: compiled into the WASM analyser the browser extension ships (`cargo tree` of
 *   postguard-web for wasm32-unknown-unknown: normal dependencies, no proc macros); scope `required`.
 * - `cli`: compiled into the `postguard` command-line checker; scope `required`. (A crate in both says
 *   `extension cli`.)
 * - `build`, `test`, `packaging`: used to build, test or package postguard and never shipped (Rust
 *   proc macros, build and dev dependencies; the npm packages of tests/ and tools/); scope `excluded`.
 * - `extension` also marks the npm packages of vendor/ (vendor/package-lock.json): the photo check's
 *   OCR engine and model, copied into the extension by build.sh; scope `required`. Otherwise the
 *   extension's JavaScript is postguard's own plus wasm-bindgen's generated loader.
 *
 * It reads the lock files and `cargo metadata --locked` (no download beyond what cargo already has),
 * so it installs nothing. The output is deterministic: the timestamp is the last commit's, and the
 * serial number is derived from the content.
 *
 * usage: node tools/sbom.mjs OUT.cdx.json
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = process.argv[2];
if (!out) {
  console.error('usage: node tools/sbom.mjs OUT.cdx.json');
  process.exit(2);
}

/** @param {string[]} args */
const cargoMetadata = (args) => JSON.parse(execFileSync('cargo', ['metadata', '--format-version', '1', '--locked', ...args],
  { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 }));

/**
 * A licence as CycloneDX wants it: an SPDX id, an SPDX expression, or a free-text name. Old Cargo
 * manifests write `MIT/Apache-2.0` for `MIT OR Apache-2.0`.
 * @param {string | undefined | null} raw
 */
function licence(raw) {
  if (!raw) return undefined;
  const spdx = raw.trim().replace(/\s*\/\s*/g, ' OR ');
  if (/^[A-Za-z0-9.+-]+$/.test(spdx) && spdx !== 'BSD') return [{ license: { id: spdx } }];
  if (/ (OR|AND|WITH) /.test(spdx)) return [{ expression: spdx }];
  return [{ license: { name: raw } }];
}

/** @typedef {{type: string, 'bom-ref': string, name: string, version: string, group?: string, scope: string,
 *   purl: string, licenses?: object[], hashes?: object[], properties: {name: string, value: string}[]}} Component */

/** @type {Map<string, Component>} */
const components = new Map();
/** @type {Map<string, Set<string>>} */
const graph = new Map();

/** @param {string} from @param {string} to */
const edge = (from, to) => { if (!graph.has(from)) graph.set(from, new Set()); /** @type {Set<string>} */ (graph.get(from)).add(to); };

// ---- Rust ----------------------------------------------------------------------------------------

const lock = readFileSync(join(ROOT, 'Cargo.lock'), 'utf8');
/** Cargo.lock's `checksum` (SHA-256 of the .crate file) by "name@version". */
const checksums = new Map();
for (const block of lock.split('[[package]]').slice(1)) {
  const field = (/** @type {string} */ k) => block.match(new RegExp(`^${k} = "([^"]*)"`, 'm'))?.[1];
  const sum = field('checksum');
  if (sum) checksums.set(`${field('name')}@${field('version')}`, sum);
}

const all = cargoMetadata([]);
const workspace = new Set(all.workspace_members);
/** @type {Map<string, {name: string, version: string, license?: string, source?: string}>} */
const packages = new Map(all.packages.map((/** @type {any} */ p) => [p.id, p]));

/**
 * "name@version" of every crate compiled into `pkg`'s output: `cargo tree` follows normal dependencies
 * only, leaves out proc macros (they run in the compiler, nothing of them ships) and resolves features
 * as the build does, per target.
 * @param {string} pkg @param {string[]} target
 */
function shippedCrates(pkg, target) {
  const tree = execFileSync('cargo', ['tree', '--locked', '-p', pkg, ...target, '-e', 'normal,no-proc-macro',
    '--prefix', 'none', '-f', '{p}'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  return new Set(tree.split('\n').map((l) => /^(\S+) v(\S+)/.exec(l)).filter((m) => m !== null)
    .map((m) => `${/** @type {RegExpExecArray} */ (m)[1]}@${/** @type {RegExpExecArray} */ (m)[2]}`));
}
const inExtension = shippedCrates('postguard-web', ['--target', 'wasm32-unknown-unknown']);
const inCli = shippedCrates('postguard-cli', []);

/** @param {string} id */
const cargoRef = (id) => { const p = /** @type {any} */ (packages.get(id)); return `pkg:cargo/${p.name}@${p.version}`; };

for (const [id, p] of packages) {
  if (workspace.has(id)) continue;
  const key = `${p.name}@${p.version}`;
  const use = [inExtension.has(key) && 'extension', inCli.has(key) && 'cli'].filter(Boolean).join(' ') || 'build';
  const sum = checksums.get(key);
  components.set(cargoRef(id), {
    type: 'library', 'bom-ref': cargoRef(id), name: p.name, version: p.version,
    scope: use === 'build' ? 'excluded' : 'required',
    purl: cargoRef(id), licenses: licence(p.license),
    hashes: sum ? [{ alg: 'SHA-256', content: sum }] : undefined,
    properties: [{ name: 'postguard:use', value: use }, { name: 'postguard:source', value: p.source ?? 'local' }],
  });
}
const ME = 'postguard';
for (const node of all.resolve.nodes) {
  const from = workspace.has(node.id) ? ME : cargoRef(node.id);
  for (const dep of node.deps) if (!workspace.has(dep.pkg)) edge(from, cargoRef(dep.pkg));
}

// ---- npm -----------------------------------------------------------------------------------------

for (const [dir, use] of [['vendor', 'extension'], ['tests', 'test'], ['tools', 'packaging']]) {
  const pkgLock = JSON.parse(readFileSync(join(ROOT, dir, 'package-lock.json'), 'utf8'));
  /** @type {Record<string, any>} */
  const entries = pkgLock.packages;
  /** The lock entry a package at `path` gets for `name`: node's lookup, up the node_modules chain. @param {string} path @param {string} name */
  const resolve = (path, name) => {
    for (let at = path; ; at = at.includes('/node_modules/') ? at.slice(0, at.lastIndexOf('/node_modules/')) : '') {
      const key = `${at ? `${at}/` : ''}node_modules/${name}`;
      if (entries[key]) return key;
      if (!at) return undefined;
    }
  };
  /** @param {string} key */
  const npmRef = (key) => {
    const name = key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
    return { name, ref: `pkg:npm/${name.replace(/^@/, '%40')}@${entries[key].version}` };
  };
  for (const [key, e] of Object.entries(entries)) {
    if (!key || e.link) continue;
    const { name, ref } = npmRef(key);
    const [group, bare] = name.startsWith('@') ? name.split('/') : [undefined, name];
    const integrity = /^sha512-(.+)$/.exec(e.integrity ?? '');
    const existing = components.get(ref);
    if (existing) {
      const uses = existing.properties.find((x) => x.name === 'postguard:use');
      if (uses && !uses.value.split(' ').includes(use)) uses.value += ` ${use}`;
    } else {
      components.set(ref, {
        type: 'library', 'bom-ref': ref, group, name: bare, version: e.version, scope: use === 'extension' ? 'required' : 'excluded', purl: ref,
        licenses: licence(e.license),
        hashes: integrity ? [{ alg: 'SHA-512', content: Buffer.from(integrity[1], 'base64').toString('hex') }] : undefined,
        properties: [{ name: 'postguard:use', value: use }, { name: 'postguard:lockfile', value: `${dir}/package-lock.json` }],
      });
    }
    const deps = { ...e.dependencies, ...e.optionalDependencies, ...e.peerDependencies };
    for (const dep of Object.keys(deps)) {
      const target = resolve(key, dep);
      if (target) edge(ref, npmRef(target).ref);
    }
  }
  for (const dep of Object.keys({ ...entries[''].dependencies, ...entries[''].devDependencies })) {
    const target = resolve('', dep);
    if (target) edge(ME, npmRef(target).ref);
  }
}

// ---- the document ----------------------------------------------------------------------------------

const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8'));
let timestamp;
try {
  timestamp = new Date(execFileSync('git', ['log', '-1', '--format=%cI'], { cwd: ROOT, encoding: 'utf8' }).trim()).toISOString();
} catch {
  timestamp = new Date().toISOString();
}
const sorted = [...components.values()].sort((a, b) => (a['bom-ref'] < b['bom-ref'] ? -1 : 1));
const dependencies = [ME, ...sorted.map((c) => c['bom-ref'])].map((ref) => ({ ref, dependsOn: [...(graph.get(ref) ?? [])].sort() }));
const body = {
  metadata: {
    timestamp,
    tools: { components: [{ type: 'application', name: 'postguard tools/sbom.mjs', description: 'reads Cargo.lock, cargo metadata and package-lock.json' }] },
    component: {
      type: 'application', 'bom-ref': ME, name: 'postguard', version: manifest.version,
      description: manifest.description, licenses: [{ license: { id: 'MIT' } }],
    },
  },
  components: sorted,
  dependencies,
};
const hash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
const serial = `urn:uuid:${hash.slice(0, 8)}-${hash.slice(8, 12)}-5${hash.slice(13, 16)}-${((parseInt(hash[16], 16) & 3) | 8).toString(16)}${hash.slice(17, 20)}-${hash.slice(20, 32)}`;
const bom = { bomFormat: 'CycloneDX', specVersion: '1.5', serialNumber: serial, version: 1, ...body };
writeFileSync(out, `${JSON.stringify(bom, null, 2)}\n`);

const count = (/** @type {string} */ use) => sorted.filter((c) => c.properties.some((p) => p.name === 'postguard:use' && p.value.split(' ').includes(use))).length;
const unlicensed = sorted.filter((c) => !c.licenses).map((c) => c['bom-ref']);
console.log(`${out}: ${sorted.length} components (extension ${count('extension')}, cli ${count('cli')}, build ${count('build')}, ` +
  `test ${count('test')}, packaging ${count('packaging')})${unlicensed.length ? `; no declared licence: ${unlicensed.join(', ')}` : ''}`);
