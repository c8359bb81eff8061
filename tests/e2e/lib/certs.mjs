/**
 * A throwaway TLS certificate for the fixture server, made with openssl at test time.
 *
 * The browser is started with --ignore-certificate-errors, but the certificate still names every
 * fixture host in subjectAltName so that TLS behaves as it does on the real sites (SNI, one cert
 * for many names) and so a failure points at the host map rather than at certificate checks.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * @param {readonly string[]} hosts  DNS names the certificate must cover
 * @returns {{ key: Buffer, cert: Buffer }}
 */
export function makeCertificate(hosts) {
  const dir = mkdtempSync(join(tmpdir(), 'postguard-cert-'));
  try {
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    const san = hosts.map((h) => `DNS:${h}`).join(',');
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '2',
      '-subj', '/CN=postguard test fixtures',
      '-addext', `subjectAltName=${san}`,
      '-keyout', key, '-out', cert,
    ], { stdio: ['ignore', 'ignore', 'pipe'] });
    return { key: readFileSync(key), cert: readFileSync(cert) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
