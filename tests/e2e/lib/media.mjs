/**
 * Small, valid JPEG files made in code for the media tests: one whose EXIF carries GPS coordinates
 * (a phone photo taken on a ward), one with EXIF but no GPS. Built byte by byte so the tests need no
 * binary fixtures and say exactly what the file holds.
 */

/** Big-endian helpers. */
const u16 = (n) => [(n >> 8) & 0xff, n & 0xff];
const u32 = (n) => [(n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];

/**
 * A TIFF (EXIF) block, big-endian: IFD0 with Make and, if `gps`, a GPS IFD pointer to
 * GPSLatitudeRef/GPSLatitude/GPSLongitudeRef/GPSLongitude (51°30'26" N, 0°7'39" W).
 * @param {boolean} gps
 */
function tiff(gps) {
  const out = [0x4d, 0x4d, ...u16(42), ...u32(8)]; // "MM", 42, IFD0 at 8
  const make = [...Buffer.from('Phone\0', 'latin1')];
  const ifd0Count = gps ? 2 : 1;
  const ifd0Size = 2 + ifd0Count * 12 + 4;
  const makeOffset = 8 + ifd0Size;
  const gpsOffset = makeOffset + make.length;
  out.push(...u16(ifd0Count));
  out.push(...u16(0x010f), ...u16(2), ...u32(make.length), ...u32(makeOffset)); // Make, ASCII
  if (gps) out.push(...u16(0x8825), ...u16(4), ...u32(1), ...u32(gpsOffset)); // GPSInfo IFD pointer
  out.push(...u32(0)); // no IFD1
  out.push(...make);
  if (gps) {
    const entries = 4;
    const dataOffset = gpsOffset + 2 + entries * 12 + 4;
    const lat = [51, 1, 30, 1, 26, 1];
    const lon = [0, 1, 7, 1, 39, 1];
    out.push(...u16(entries));
    out.push(...u16(1), ...u16(2), ...u32(2), ...[0x4e, 0, 0, 0]); // GPSLatitudeRef "N"
    out.push(...u16(2), ...u16(5), ...u32(3), ...u32(dataOffset)); // GPSLatitude, 3 RATIONAL
    out.push(...u16(3), ...u16(2), ...u32(2), ...[0x57, 0, 0, 0]); // GPSLongitudeRef "W"
    out.push(...u16(4), ...u16(5), ...u32(3), ...u32(dataOffset + 24)); // GPSLongitude
    out.push(...u32(0));
    for (const n of [...lat, ...lon]) out.push(...u32(n));
  }
  return out;
}

/**
 * A JPEG: SOI, APP1 "Exif", a minimal 1×1 greyscale baseline image, EOI.
 * @param {{gps: boolean}} options
 * @returns {Buffer}
 */
export function jpeg({ gps }) {
  const exif = [...Buffer.from('Exif\0\0', 'latin1'), ...tiff(gps)];
  const app1 = [0xff, 0xe1, ...u16(exif.length + 2), ...exif];
  // 1×1 greyscale baseline JPEG body (quantisation, frame, Huffman tables, scan of one block).
  const body = [
    0xff, 0xdb, 0x00, 0x43, 0x00, ...new Array(64).fill(1),
    0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00,
    0xff, 0xc4, 0x00, 0x14, 0x00, 0x01, ...new Array(15).fill(0), 0x00,
    0xff, 0xc4, 0x00, 0x14, 0x10, 0x01, ...new Array(15).fill(0), 0x00,
    0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00, 0x00,
  ];
  return Buffer.from([0xff, 0xd8, ...app1, ...body, 0xff, 0xd9]);
}

/**
 * Deliver a file as the browser does when a person drags it onto `target` or pastes it there: a
 * drop or paste event carrying it, fired at the element (in its own frame's page, where it lives).
 * @param {import('playwright-core').Locator} target
 * @param {Buffer} bytes
 * @param {'drop' | 'paste'} kind
 * @param {{name: string, type: string}} [file]
 */
export async function deliverFile(target, bytes, kind, file = { name: 'ward.jpg', type: 'image/jpeg' }) {
  await target.evaluate((el, { b64, kind, file }) => {
    const bin = atob(b64);
    const data = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) data[i] = bin.charCodeAt(i);
    const dt = new DataTransfer();
    dt.items.add(new File([data], file.name, { type: file.type }));
    el.dispatchEvent(kind === 'drop'
      ? new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true, composed: true })
      : new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true, composed: true }));
  }, { b64: bytes.toString('base64'), kind, file });
}
