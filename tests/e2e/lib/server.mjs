/**
 * The fixture server: one HTTPS server on 127.0.0.1 that answers for every fixture host, serving
 * each site's fixture folder with a strict Content-Security-Policy like the real site's, and
 * recording every request and TLS connection it receives.
 *
 * Chromium is started with `--host-resolver-rules=MAP * 127.0.0.1:PORT`, so *every* host name the
 * browser (and the extension's own contexts) tries to reach lands here. The record is therefore the
 * proof that nothing went anywhere but the fixture's host: a request for any other host, or for a
 * path the fixture does not serve, shows up in it.
 */
import { createServer } from 'node:https';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIXTURE_HOSTS, SITE_OF_HOST } from './hosts.mjs';
import { makeCertificate } from './certs.mjs';

export const FIXTURES_DIR = fileURLToPath(new URL('../../fixtures/', import.meta.url));

const TYPES = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.xml': 'text/xml; charset=utf-8',
  '.crx': 'application/x-chrome-extension',
  '.xpi': 'application/x-xpinstall',
});

/**
 * The CSP every fixture page is served with: like the real sites', scripts only from the page's own
 * origin or with the per-response nonce, no inline styles, and in particular no `wasm-unsafe-eval`,
 * which is what forces the analyser out of the content script and into the worker.
 * @param {string} nonce
 */
export function fixtureCsp(nonce) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * @typedef {object} RecordedRequest
 * @property {string} host    Host header without port
 * @property {string} method
 * @property {string} path
 * @property {number} status
 */

/**
 * @typedef {object} FixtureServer
 * @property {number} port
 * @property {RecordedRequest[]} requests  every HTTP request, in arrival order
 * @property {string[]} tlsNames           SNI name of every TLS connection (including failed handshakes)
 * @property {() => void} clearRecords
 * @property {() => Promise<void>} close
 */

/**
 * Start the server on an ephemeral port of 127.0.0.1.
 * @param {{fileHosts?: Record<string, string>}} [options]  `fileHosts`: extra host names, each serving
 *        the files of a folder as they are (e.g. a Trust's update host serving a CRX and updates.xml);
 *        the certificate names them too
 * @returns {Promise<FixtureServer>}
 */
export async function startFixtureServer({ fileHosts = {} } = {}) {
  const { key, cert } = makeCertificate([...FIXTURE_HOSTS, ...Object.keys(fileHosts)]);
  /** @type {RecordedRequest[]} */
  const requests = [];
  /** @type {string[]} */
  const tlsNames = [];

  const server = createServer({ key, cert }, (req, res) => {
    const host = String(req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const path = new URL(req.url ?? '/', 'https://fixture.invalid').pathname;
    const record = { host, method: req.method ?? 'GET', path, status: 0 };
    requests.push(record);
    (Object.hasOwn(fileHosts, host) ? serveFile(fileHosts[host], path) : serve(host, path)).then(({ status, type, body }) => {
      record.status = status;
      const nonce = randomBytes(12).toString('base64');
      const text = type.startsWith('text/html') ? body.toString('utf8').replaceAll('{{NONCE}}', nonce) : body;
      res.writeHead(status, {
        'content-type': type,
        'content-security-policy': fixtureCsp(nonce),
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      res.end(text);
    }, () => {
      record.status = 500;
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('fixture server error');
    });
  });
  server.on('secureConnection', (socket) => {
    tlsNames.push(String(/** @type {any} */ (socket).servername || ''));
  });
  server.on('tlsClientError', (_err, socket) => {
    tlsNames.push(String(/** @type {any} */ (socket).servername || '(handshake failed)'));
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(undefined));
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('fixture server has no TCP port');

  return {
    port: address.port,
    requests,
    tlsNames,
    clearRecords() {
      requests.length = 0;
      tlsNames.length = 0;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * Find the file for a request: `/shared/…` from the shared kit, a path with an extension from the
 * site's folder, any other path (a single-page-app route such as /compose/post) the site's index.
 * @param {string} host
 * @param {string} path
 * @returns {Promise<{ status: number, type: string, body: Buffer }>}
 */
async function serve(host, path) {
  const site = SITE_OF_HOST[/** @type {keyof typeof SITE_OF_HOST} */ (host)];
  if (!site) return notFound();
  let dir = join(FIXTURES_DIR, site);
  let rel = path;
  if (path.startsWith('/shared/')) {
    dir = join(FIXTURES_DIR, 'shared');
    rel = path.slice('/shared'.length);
  }
  if (extname(rel) === '') rel = '/index.html';
  const file = normalize(join(dir, decodeURIComponent(rel)));
  if (!file.startsWith(dir + sep)) return notFound();
  try {
    const body = await readFile(file);
    return { status: 200, type: TYPES[/** @type {keyof typeof TYPES} */ (extname(file))] ?? 'application/octet-stream', body };
  } catch {
    return notFound();
  }
}

/**
 * A file from `dir` exactly as it is on disk (a missing file or a folder is a 404).
 * @param {string} dir
 * @param {string} path
 */
async function serveFile(dir, path) {
  const file = normalize(join(dir, decodeURIComponent(path)));
  if (!file.startsWith(normalize(dir) + sep)) return notFound();
  try {
    const body = await readFile(file);
    return { status: 200, type: TYPES[/** @type {keyof typeof TYPES} */ (extname(file))] ?? 'application/octet-stream', body };
  } catch {
    return notFound();
  }
}

function notFound() {
  return { status: 404, type: 'text/plain; charset=utf-8', body: Buffer.from('not found') };
}
