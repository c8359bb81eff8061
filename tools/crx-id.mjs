/**
 * Prints the extension ID a CRX3 file declares (its signed `crx_id`) and checks it against the ID of
 * the public key that signed it, so `./build.sh package` can prove the package has the expected ID.
 *
 * CRX3 layout (Chromium components/crx_file/crx3.proto): "Cr24", uint32 version 3, uint32 header
 * length, a CrxFileHeader protobuf, then the zip. CrxFileHeader: field 2 = AsymmetricKeyProof
 * {1: public_key (DER SPKI), 2: signature} (RSA), field 10000 = signed_header_data, a SignedData
 * protobuf {1: crx_id (16 bytes)}. An ID is those 16 bytes in hex with 0-9a-f mapped to a-p.
 *
 * usage: node tools/crx-id.mjs FILE.crx   (exit 1 if the IDs differ)
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** @param {Uint8Array} bytes */
export const idOf = (bytes) => [...Buffer.from(bytes).toString('hex')].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');

/** The extension ID of a public key (DER SubjectPublicKeyInfo): its SHA-256's first 16 bytes. @param {Uint8Array} spki */
export const keyId = (spki) => idOf(createHash('sha256').update(spki).digest().subarray(0, 16));

/**
 * Fields of one protobuf message: [field number, bytes] for length-delimited fields (others skipped).
 * @param {Buffer} buf
 * @returns {Array<[number, Buffer]>}
 */
function fields(buf) {
  /** @type {Array<[number, Buffer]>} */
  const out = [];
  let i = 0;
  const varint = () => {
    let v = 0n, shift = 0n;
    for (;;) {
      const b = buf[i++];
      if (b === undefined) throw new Error('truncated protobuf');
      v |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return v;
      shift += 7n;
    }
  };
  while (i < buf.length) {
    const key = varint();
    const field = Number(key >> 3n), wire = Number(key & 7n);
    if (wire === 2) { const n = Number(varint()); out.push([field, buf.subarray(i, i + n)]); i += n; }
    else if (wire === 0) varint();
    else if (wire === 5) i += 4;
    else if (wire === 1) i += 8;
    else throw new Error(`unsupported protobuf wire type ${wire}`);
  }
  return out;
}

/**
 * @param {Buffer} crx
 * @returns {{declared: string, keyIds: string[]}}
 */
export function crxIds(crx) {
  if (crx.subarray(0, 4).toString('latin1') !== 'Cr24' || crx.readUInt32LE(4) !== 3) throw new Error('not a CRX3 file');
  const header = crx.subarray(12, 12 + crx.readUInt32LE(8));
  const top = fields(header);
  const signed = top.find(([f]) => f === 10000)?.[1];
  const crxId = signed && fields(signed).find(([f]) => f === 1)?.[1];
  if (!crxId) throw new Error('CRX3 header has no crx_id');
  const keyIds = top.filter(([f]) => f === 2)
    .map(([, proof]) => fields(proof).find(([f]) => f === 1)?.[1])
    .filter((k) => k !== undefined)
    .map((k) => keyId(/** @type {Buffer} */ (k)));
  return { declared: idOf(crxId), keyIds };
}

if (process.argv[1]?.endsWith('crx-id.mjs')) {
  const file = process.argv[2];
  if (!file) { console.error('usage: node tools/crx-id.mjs FILE.crx'); process.exit(2); }
  const { declared, keyIds } = crxIds(readFileSync(file));
  console.log(declared);
  if (!keyIds.includes(declared)) {
    console.error(`crx-id: the CRX declares ${declared} but is signed by ${keyIds.join(', ') || 'no RSA key'}`);
    process.exit(1);
  }
}
