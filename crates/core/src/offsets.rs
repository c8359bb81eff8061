//! Byte ↔ UTF-16 offsets: the one place where core's byte offsets meet the browser's string indices.
//!
//! JavaScript strings and DOM `Range`s count UTF-16 code units; Rust counts bytes. Converting a batch
//! of offsets in one forward pass keeps it linear in the text length.

/// Converts sorted-or-unsorted byte offsets (each on a `char` boundary of `text`, or `text.len()`) to
/// UTF-16 offsets. Offsets past the end are clamped to the UTF-16 length.
pub fn bytes_to_utf16(text: &str, byte_offsets: &[usize]) -> Vec<usize> {
    let order = crate::order::stable_order(byte_offsets.iter().map(|&b| b as u64));
    let mut out = vec![0; byte_offsets.len()];
    let mut chars = text.char_indices().peekable();
    let mut units = 0;
    for i in order {
        let target = byte_offsets[i];
        while let Some(&(at, c)) = chars.peek() {
            if at >= target {
                break;
            }
            units += c.len_utf16();
            chars.next();
        }
        out[i] = units;
    }
    out
}

/// Converts a UTF-16 offset to a byte offset, rounding down to a `char` boundary (an offset inside a
/// surrogate pair points at that character's start).
pub fn utf16_to_byte(text: &str, utf16_offset: usize) -> usize {
    let mut units = 0;
    for (at, c) in text.char_indices() {
        if units + c.len_utf16() > utf16_offset {
            return at;
        }
        units += c.len_utf16();
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn examples() {
        let t = "a😀é b";
        assert_eq!(bytes_to_utf16(t, &[0, 1, 5, 7, 9, 99]), [0, 1, 3, 4, 6, 6]);
        assert_eq!(utf16_to_byte(t, 2), 1); // inside the surrogate pair
        assert_eq!(utf16_to_byte(t, 3), 5);
    }

    proptest! {
        #[test]
        fn round_trips_on_every_char_boundary(text in "\\PC{0,40}") {
            let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let units = bytes_to_utf16(&text, &bounds);
            for (b, u) in bounds.iter().zip(&units) {
                prop_assert_eq!(*u, text[..*b].encode_utf16().count());
                prop_assert_eq!(utf16_to_byte(&text, *u), *b);
            }
        }
    }
}
