//! Text normalisation with an exact map back to the original.
//!
//! Detectors match one canonical form of the draft: lower case, full-width and mathematical letters
//! folded to ASCII, common homoglyphs (Cyrillic `а`, Greek `ο`) mapped to Latin, accents on Latin
//! letters dropped, typographic quotes, dashes and spaces made plain, and zero-width characters removed.
//! People type all of these — sometimes to dodge a filter — and none of them change what a post means.
//!
//! Every byte of the normalised text remembers which original character it came from, so a match in
//! the normalised text maps back to a span that starts and ends on the original's character boundaries
//! and covers exactly what the user typed.

/// A normalised view of a text plus the map back to the original's byte offsets.
#[derive(Debug, Clone)]
pub struct Normalized {
    text: String,
    /// For each byte of `text`: (start, end) byte range of the original character it came from.
    origin: Vec<(u32, u32)>,
    original_len: usize,
}

impl Normalized {
    /// Normalises `original`. Its length must fit in `u32` (the analyser caps input well below that).
    pub fn new(original: &str) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len());
        let bytes = original.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // Most of a draft is plain ASCII, which only needs lower-casing (the backquote is folded).
            let b = bytes[i];
            if b.is_ascii() && b != b'`' {
                text.push(char::from(b.to_ascii_lowercase()));
                origin.push((i as u32, i as u32 + 1));
                i += 1;
                continue;
            }
            let Some(c) = original.get(i..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            let range = (i as u32, (i + c.len_utf8()) as u32);
            fold(c, &mut |out: char| {
                text.push(out);
                origin.extend(std::iter::repeat_n(range, out.len_utf8()));
            });
            i += c.len_utf8();
        }
        Normalized { text, origin, original_len: original.len() }
    }

    /// The normalised text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Maps the normalised byte range `start..end` back to the original text's byte range. The result
    /// starts and ends on original character boundaries and covers every character the range came from.
    pub fn to_original(&self, start: usize, end: usize) -> (usize, usize) {
        if self.origin.is_empty() {
            return (0, 0);
        }
        let start = start.min(self.origin.len() - 1);
        let end = end.clamp(start + 1, self.origin.len());
        let s = self.origin[start].0 as usize;
        let e = self.origin[end - 1].1 as usize;
        (s, e.min(self.original_len))
    }
}

/// Folds one character into zero or more canonical characters.
fn fold(c: char, emit: &mut impl FnMut(char)) {
    match c {
        // Zero-width and invisible formatting characters, soft hyphen, variation selectors.
        '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{FE00}'..='\u{FE0F}' => {}
        // Typographic punctuation people type (or phones substitute) for plain ASCII.
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '`' => emit('\''),
        '\u{201C}' | '\u{201D}' | '\u{201F}' | '\u{2033}' => emit('"'),
        '\u{2010}'..='\u{2015}' | '\u{2212}' => emit('-'),
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => emit(' '),
        // Full-width ASCII (ａｂｃ, ＮＨＳ).
        '\u{FF01}'..='\u{FF5E}' => fold_ascii(char::from_u32(c as u32 - 0xFEE0).unwrap_or(c), emit),
        c if c.is_ascii() => fold_ascii(c, emit),
        c => {
            if let Some(a) = math_alnum(c).or_else(|| homoglyph(c)).or_else(|| strip_accent(c)) {
                fold_ascii(a, emit);
            } else {
                for l in c.to_lowercase() {
                    match homoglyph(l).or_else(|| strip_accent(l)) {
                        Some(a) => emit(a),
                        None => emit(l),
                    }
                }
            }
        }
    }
}

fn fold_ascii(c: char, emit: &mut impl FnMut(char)) {
    emit(c.to_ascii_lowercase());
}

/// Mathematical alphanumeric symbols (𝐛𝐨𝐥𝐝, 𝘪𝘵𝘢𝘭𝘪𝘤, 𝔣𝔯𝔞𝔨𝔱𝔲𝔯 …): used to style text, and to dodge
/// filters. The block repeats A–Z a–z in 13 styles, then digits in 5.
fn math_alnum(c: char) -> Option<char> {
    let cp = c as u32;
    match cp {
        0x1D400..=0x1D6A3 => {
            let i = (cp - 0x1D400) % 52;
            char::from_u32(if i < 26 { 'a' as u32 + i } else { 'a' as u32 + i - 26 })
        }
        0x1D7CE..=0x1D7FF => char::from_u32('0' as u32 + (cp - 0x1D7CE) % 10),
        // Circled and parenthesised letters (ⓐ Ⓐ).
        0x24B6..=0x24CF => char::from_u32('a' as u32 + cp - 0x24B6),
        0x24D0..=0x24E9 => char::from_u32('a' as u32 + cp - 0x24D0),
        _ => None,
    }
}

/// Letters from other scripts that look identical to Latin ones.
fn homoglyph(c: char) -> Option<char> {
    Some(match c {
        'а' | 'А' | 'α' | 'Α' => 'a',
        'в' | 'В' | 'β' | 'Β' => 'b',
        'с' | 'С' | 'ϲ' => 'c',
        'е' | 'Е' | 'ε' | 'Ε' | 'ё' => 'e',
        'н' | 'Н' | 'Η' => 'h',
        'і' | 'І' | 'ι' | 'Ι' | 'ї' => 'i',
        'ј' | 'Ј' => 'j',
        'к' | 'К' | 'κ' | 'Κ' => 'k',
        'м' | 'М' | 'Μ' => 'm',
        'п' | 'η' | 'Ν' => 'n',
        'о' | 'О' | 'ο' | 'Ο' | 'σ' => 'o',
        'р' | 'Р' | 'ρ' | 'Ρ' => 'p',
        'ѕ' | 'Ѕ' => 's',
        'т' | 'Т' | 'τ' | 'Τ' => 't',
        'υ' | 'μ' => 'u',
        'ѵ' | 'ν' => 'v',
        'ш' | 'ω' => 'w',
        'х' | 'Х' | 'χ' | 'Χ' => 'x',
        'у' | 'У' | 'γ' | 'Υ' => 'y',
        'Ζ' => 'z',
        _ => return None,
    })
}

/// Latin letters with diacritics folded to their base letter (é → e, ß stays).
fn strip_accent(c: char) -> Option<char> {
    Some(match c {
        'à'..='å' | 'À'..='Å' | 'ā' | 'ă' | 'ą' | 'Ā' | 'Ă' | 'Ą' => 'a',
        'ç' | 'Ç' | 'ć' | 'č' | 'Ć' | 'Č' => 'c',
        'ď' | 'Ď' | 'đ' | 'Đ' => 'd',
        'è'..='ë' | 'È'..='Ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'Ē' | 'Ė' | 'Ę' | 'Ě' => 'e',
        'ì'..='ï' | 'Ì'..='Ï' | 'ī' | 'į' | 'ı' | 'Ī' | 'Į' | 'İ' => 'i',
        'ñ' | 'Ñ' | 'ń' | 'ň' | 'Ń' | 'Ň' => 'n',
        'ò'..='ö' | 'ø' | 'Ò'..='Ö' | 'Ø' | 'ō' | 'ő' | 'Ō' | 'Ő' => 'o',
        'ř' | 'Ř' => 'r',
        'ś' | 'š' | 'ş' | 'Ś' | 'Š' | 'Ş' => 's',
        'ť' | 'Ť' | 'ţ' | 'Ţ' => 't',
        'ù'..='ü' | 'Ù'..='Ü' | 'ū' | 'ů' | 'ű' | 'Ū' | 'Ů' | 'Ű' => 'u',
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => 'y',
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => 'z',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        Normalized::new(s).as_str().to_string()
    }

    #[test]
    fn folds_case_width_homoglyphs_and_invisibles() {
        assert_eq!(norm("ＮＨＳ Number"), "nhs number");
        assert_eq!(norm("іdіоt"), "idiot"); // Cyrillic і and о
        assert_eq!(norm("f\u{200B}u\u{200D}ck"), "fuck");
        assert_eq!(norm("𝐢𝐝𝐢𝐨𝐭"), "idiot");
        assert_eq!(norm("Café – it’s"), "cafe - it's");
    }

    #[test]
    fn maps_back_to_whole_original_characters() {
        let original = "😀 ＮＨＳ é";
        let n = Normalized::new(original);
        let at = n.as_str().find("nhs").expect("nhs");
        let (s, e) = n.to_original(at, at + 3);
        assert_eq!(&original[s..e], "ＮＨＳ");
        let at = n.as_str().find('e').expect("e");
        let (s, e) = n.to_original(at, at + 1);
        assert_eq!(&original[s..e], "é");
    }

    #[test]
    fn removed_characters_inside_a_span_stay_covered() {
        let original = "a\u{200B}b";
        let n = Normalized::new(original);
        assert_eq!(n.as_str(), "ab");
        assert_eq!(n.to_original(0, 2), (0, original.len()));
    }

    #[test]
    fn empty_text() {
        let n = Normalized::new("\u{200B}");
        assert_eq!(n.as_str(), "");
        assert_eq!(n.to_original(0, 0), (0, 0));
    }
}
