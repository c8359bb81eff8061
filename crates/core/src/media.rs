//! Does a photo carry the place it was taken? (Cumbria's policy warns that location embedded in photos
//! can identify where staff and patients are; §3.4.)
//!
//! Phones write GPS coordinates into a photo's EXIF metadata. The extension reads only the first bytes
//! of an attached file (the metadata sits at the start: a JPEG's APP1 segment is at most 64 KB) and
//! asks this module whether a GPS latitude and longitude are present. The bytes are untrusted, so every
//! read is bounds-checked and every walk is bounded: a malformed file is simply "no location found",
//! never a panic and never a long loop.
//!
//! Where the EXIF block is found:
//! - **JPEG**: the `APP1` segment that starts `Exif\0\0`, found by walking the segment headers;
//! - **PNG**: the `eXIf` chunk (a bare TIFF block), found by walking the chunks;
//! - **HEIC/HEIF, WebP and others**: the first `Exif\0\0` marker followed by a TIFF header.
//!
//! Inside, the TIFF structure's first directory (IFD0) points to the GPS directory (tag `0x8825`),
//! whose tags 2 and 4 are the latitude and longitude as three rationals each. Coordinates that are all
//! zero (some cameras write empty GPS blocks) do not count as a location.

/// Most directory entries read in one IFD; real files have a few dozen.
const MAX_ENTRIES: usize = 512;
/// Most JPEG segments or PNG chunks walked before giving up.
const MAX_SEGMENTS: usize = 256;

/// Whether the file that starts with `head` has GPS coordinates in its EXIF metadata.
pub fn has_gps_location(head: &[u8]) -> bool {
    exif_block(head).is_some_and(tiff_has_gps)
}

/// The TIFF block of the EXIF metadata, wherever the container keeps it.
fn exif_block(head: &[u8]) -> Option<&[u8]> {
    if head.starts_with(&[0xFF, 0xD8]) {
        jpeg_exif(head)
    } else if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        png_exif(head)
    } else {
        scan_exif(head)
    }
}

fn jpeg_exif(head: &[u8]) -> Option<&[u8]> {
    let mut at = 2;
    for _ in 0..MAX_SEGMENTS {
        if *head.get(at)? != 0xFF {
            return None;
        }
        let marker = *head.get(at + 1)?;
        match marker {
            // Fill bytes and markers without a length.
            0xFF => {
                at += 1;
                continue;
            }
            0x01 | 0xD0..=0xD7 => {
                at += 2;
                continue;
            }
            // Start of scan or end of image: metadata comes before these.
            0xDA | 0xD9 => return None,
            _ => {}
        }
        let len = usize::from(u16::from_be_bytes([*head.get(at + 2)?, *head.get(at + 3)?]));
        if len < 2 {
            return None;
        }
        let body = head.get(at + 4..(at + 2 + len).min(head.len()))?;
        if marker == 0xE1 {
            if let Some(tiff) = body.strip_prefix(b"Exif\0\0") {
                return Some(tiff);
            }
        }
        at += 2 + len;
    }
    None
}

fn png_exif(head: &[u8]) -> Option<&[u8]> {
    let mut at = 8;
    for _ in 0..MAX_SEGMENTS {
        let len = u32::from_be_bytes(head.get(at..at + 4)?.try_into().ok()?) as usize;
        let kind = head.get(at + 4..at + 8)?;
        let data_start = at + 8;
        if kind == b"eXIf" {
            return head.get(data_start..data_start.checked_add(len)?.min(head.len()));
        }
        if kind == b"IDAT" || kind == b"IEND" {
            return None;
        }
        at = data_start.checked_add(len)?.checked_add(4)?; // data, then CRC
    }
    None
}

fn scan_exif(head: &[u8]) -> Option<&[u8]> {
    let mut from = 0;
    while let Some(i) = find(&head[from..], b"Exif\0\0") {
        let tiff = &head[from + i + 6..];
        if tiff.starts_with(b"II*\0") || tiff.starts_with(b"MM\0*") {
            return Some(tiff);
        }
        from += i + 1;
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Byte order of a TIFF block.
#[derive(Clone, Copy)]
enum Order {
    Little,
    Big,
}

impl Order {
    fn u16(self, b: &[u8], at: usize) -> Option<u16> {
        let x: [u8; 2] = b.get(at..at + 2)?.try_into().ok()?;
        Some(match self {
            Order::Little => u16::from_le_bytes(x),
            Order::Big => u16::from_be_bytes(x),
        })
    }

    fn u32(self, b: &[u8], at: usize) -> Option<u32> {
        let x: [u8; 4] = b.get(at..at + 4)?.try_into().ok()?;
        Some(match self {
            Order::Little => u32::from_le_bytes(x),
            Order::Big => u32::from_be_bytes(x),
        })
    }
}

/// One IFD entry: tag, type, count, and where its value (or the offset to it) sits.
struct Entry {
    tag: u16,
    kind: u16,
    count: u32,
    value_at: usize,
}

fn entries(tiff: &[u8], order: Order, ifd: usize) -> impl Iterator<Item = Entry> + '_ {
    let n = order.u16(tiff, ifd).map_or(0, usize::from).min(MAX_ENTRIES);
    (0..n).map_while(move |i| {
        let at = ifd + 2 + i * 12;
        Some(Entry {
            tag: order.u16(tiff, at)?,
            kind: order.u16(tiff, at + 2)?,
            count: order.u32(tiff, at + 4)?,
            value_at: at + 8,
        })
    })
}

fn tiff_has_gps(tiff: &[u8]) -> bool {
    let order = match tiff.get(0..4) {
        Some(b"II*\0") => Order::Little,
        Some(b"MM\0*") => Order::Big,
        _ => return false,
    };
    let Some(ifd0) = order.u32(tiff, 4) else { return false };
    let Some(gps) =
        entries(tiff, order, ifd0 as usize).find(|e| e.tag == 0x8825).and_then(|e| order.u32(tiff, e.value_at))
    else {
        return false;
    };
    let (mut latitude, mut longitude) = (false, false);
    for e in entries(tiff, order, gps as usize) {
        let present = coordinate_is_set(tiff, order, &e);
        match e.tag {
            2 => latitude = present,
            4 => longitude = present,
            _ => {}
        }
    }
    latitude && longitude
}

/// Whether a latitude or longitude entry (three RATIONALs: degrees, minutes, seconds) is non-zero.
fn coordinate_is_set(tiff: &[u8], order: Order, e: &Entry) -> bool {
    const RATIONAL: u16 = 5;
    if e.kind != RATIONAL || e.count != 3 {
        return false;
    }
    let Some(at) = order.u32(tiff, e.value_at) else { return false };
    (0..3).any(|i| {
        let p = at as usize + i * 8;
        matches!((order.u32(tiff, p), order.u32(tiff, p + 4)), (Some(n), Some(d)) if n != 0 && d != 0)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A little- or big-endian TIFF block with IFD0 → GPS IFD holding the given coordinates.
    fn tiff(big: bool, lat: [u32; 6], lon: [u32; 6]) -> Vec<u8> {
        let w16 = |v: &mut Vec<u8>, x: u16| v.extend(if big { x.to_be_bytes() } else { x.to_le_bytes() });
        let w32 = |v: &mut Vec<u8>, x: u32| v.extend(if big { x.to_be_bytes() } else { x.to_le_bytes() });
        let mut t = Vec::new();
        t.extend(if big { *b"MM\0*" } else { *b"II*\0" });
        w32(&mut t, 8);
        // IFD0 at 8: one entry, the GPS pointer; GPS IFD at 26.
        w16(&mut t, 1);
        w16(&mut t, 0x8825);
        w16(&mut t, 4);
        w32(&mut t, 1);
        w32(&mut t, 26);
        w32(&mut t, 0);
        // GPS IFD at 26: latitude (tag 2) and longitude (tag 4), rationals at 56 and 80.
        w16(&mut t, 2);
        for (tag, at) in [(2u16, 56u32), (4, 80)] {
            w16(&mut t, tag);
            w16(&mut t, 5);
            w32(&mut t, 3);
            w32(&mut t, at);
        }
        w32(&mut t, 0);
        for x in lat.into_iter().chain(lon) {
            w32(&mut t, x);
        }
        t
    }

    const LONDON_LAT: [u32; 6] = [51, 1, 30, 1, 0, 1];
    const LONDON_LON: [u32; 6] = [0, 1, 7, 1, 39, 1];
    const ZERO: [u32; 6] = [0, 1, 0, 1, 0, 1];

    fn jpeg(tiff: &[u8]) -> Vec<u8> {
        let mut j = vec![0xFF, 0xD8];
        // An APP0 (JFIF) segment first, as most cameras write.
        j.extend([0xFF, 0xE0, 0, 16]);
        j.extend(b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0");
        let len = (tiff.len() + 8) as u16;
        j.extend([0xFF, 0xE1]);
        j.extend(len.to_be_bytes());
        j.extend(b"Exif\0\0");
        j.extend(tiff);
        j.extend([0xFF, 0xDA, 0, 2]);
        j
    }

    fn png(tiff: &[u8]) -> Vec<u8> {
        let mut p = b"\x89PNG\r\n\x1a\n".to_vec();
        p.extend(13u32.to_be_bytes());
        p.extend(b"IHDR");
        p.extend([0; 13 + 4]);
        p.extend((tiff.len() as u32).to_be_bytes());
        p.extend(b"eXIf");
        p.extend(tiff);
        p.extend([0; 4]);
        p
    }

    #[test]
    fn finds_gps_in_jpeg_png_and_heic_style_containers() {
        for big in [false, true] {
            let t = tiff(big, LONDON_LAT, LONDON_LON);
            assert!(has_gps_location(&jpeg(&t)), "jpeg, big-endian {big}");
            assert!(has_gps_location(&png(&t)), "png, big-endian {big}");
            let mut heic = b"\0\0\0\x18ftypheic....meta....\0\0\0\x06".to_vec();
            heic.extend(b"Exif\0\0");
            heic.extend(&t);
            assert!(has_gps_location(&heic), "heic, big-endian {big}");
        }
    }

    #[test]
    fn no_location_without_gps_or_with_empty_coordinates() {
        assert!(!has_gps_location(&jpeg(&tiff(false, ZERO, ZERO))));
        assert!(!has_gps_location(&jpeg(&tiff(false, LONDON_LAT, ZERO))), "latitude alone is not a place");
        let mut no_gps = tiff(false, LONDON_LAT, LONDON_LON);
        no_gps[10] = 0x12; // IFD0's only tag is no longer the GPS pointer
        assert!(!has_gps_location(&jpeg(&no_gps)));
        assert!(!has_gps_location(b""));
        assert!(!has_gps_location(&[0xFF, 0xD8, 0xFF, 0xDA]));
        assert!(!has_gps_location(b"GIF89a and nothing else"));
    }

    #[test]
    fn truncated_files_are_no_location_not_a_panic() {
        let whole = jpeg(&tiff(true, LONDON_LAT, LONDON_LON));
        for cut in 0..whole.len() {
            let _ = has_gps_location(&whole[..cut]);
        }
        assert!(has_gps_location(&whole));
    }

    proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
            let _ = has_gps_location(&bytes);
            let mut j = vec![0xFF, 0xD8, 0xFF, 0xE1, 0x08, 0x00];
            j.extend(b"Exif\0\0");
            j.extend(&bytes);
            let _ = has_gps_location(&j);
        }
    }
}
