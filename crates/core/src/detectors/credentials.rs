//! Credentials in text: passwords, PINs, door and keypad codes.
//!
//! A code typed into a post opens a system or a door for everyone who reads it (CWFT 9.4 and the
//! Information Security policies the others point to). The evidence is a cue ("password", "PIN", "door
//! code", "the code for the drugs room") followed closely by a value, and the value's shape depends on
//! the cue:
//!
//! * after a **code or PIN** cue the value must hold at least three digits (four for a PIN), which
//!   leaves "PIN badge", "door code changed" and "the code is on the noticeboard" alone;
//! * after a **password** cue the value must contain a digit or a symbol, or follow "is"/":"/"=" and be
//!   a six-letter-or-longer word that is not an everyday word about passwords ("password is strong",
//!   "password: use three random words" are advice, not a password).
//!
//! A value that passes is high severity: there is no innocent reason to post one. The cues are a
//! context class (`credential_cue.txt`) found in the shared pass; "code for/to/on/of" counts only when
//! a door, room or store is named before the value ("the code for the sluice is 2580", not "code of
//! conduct 2024"). The value is read token by token in code.
//!
//! A **login** is a user name and a password together: after a login cue (`login_cue.txt`: "login",
//! "user", "use mine") a name-shaped token, then "/" or "pass"/"pw", then a value with letters *and*
//! digits ("psandhu2 / Kingsmead2024!", "user jpoole2 pass Bluebell22"). Requiring both halves and a
//! mixed value leaves "login / sign-up page", "user 24/7" and "log in with your smartcard" alone.
//!
//! | text                                                  | result |
//! |-------------------------------------------------------|--------|
//! | `door code for the staff room is 4729#`               | high   |
//! | `the code to the drugs room is 1 9 8 4`               | high   |
//! | `wifi password: Summer2024!`                          | high   |
//! | `my password is sunflower`                            | high   |
//! | `PIN 4821`                                            | high   |
//! | `use mine: sandra.hebson / Winter2024`                | high   |
//! | `free login, user jpoole2 pass Bluebell22`            | high   |
//! | `World Password Day: make your password strong`       | none   |
//! | `password: use three random words`                    | none   |
//! | `door code changed today, check your email`           | none   |
//! | `new PIN badge for 10 years' service`                 | none   |
//! | `log in with your smartcard / username`               | none   |

use super::people::after;
use super::{Candidate, Detector, Input};
use crate::catalogue::class;
use crate::error::Error;
use crate::finding::Severity;

/// Everyday words that follow "password is" without being a password.
const NOT_PASSWORDS: &[&str] = &[
    "strong",
    "stronger",
    "weak",
    "wrong",
    "incorrect",
    "expired",
    "expiring",
    "changed",
    "changing",
    "reset",
    "required",
    "needed",
    "protected",
    "secure",
    "correct",
    "invalid",
    "locked",
    "different",
    "special",
    "important",
    "written",
    "something",
    "nothing",
    "another",
    "complex",
    "simple",
    "private",
    "personal",
    "enough",
    "unique",
    "random",
    "always",
    "probably",
    "definitely",
    "literally",
    "actually",
    "never",
    "stored",
    "saved",
    "shared",
    "sharing",
    "please",
    "remember",
    "forgotten",
    "forgot",
    "longer",
    "better",
];

/// Words that may stand between a cue and its value ("door code *for the staff room is* 4729").
const FILLER: &[&str] = &[
    "is",
    "was",
    "are",
    "=",
    ":",
    "-",
    "now",
    "still",
    "number",
    "no",
    "no.",
    "code",
    "for",
    "to",
    "the",
    "our",
    "my",
    "new",
    "of",
    "on",
    "changed",
    "today",
    "currently",
    "just",
    "it's",
    "its",
    "it",
    "will",
    "be",
];

/// Bytes after a cue in which its value is looked for.
const VALUE_WINDOW: usize = 48;
/// Bytes after a login cue in which the name and password are looked for.
const LOGIN_WINDOW: usize = 60;

/// What a cue asks of its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cue {
    Password,
    Pin,
    Code,
    /// "code for the …": a code only when a door, room or store is named before the value.
    CodeFor,
}

/// What a "code for the …" must name to be an access code.
const PLACES: &[&str] = &[
    "door", "doors", "room", "cupboard", "safe", "office", "ward", "unit", "gate", "store", "stores", "locker",
    "lockers", "keypad", "fridge", "building", "entrance", "sluice", "cabinet",
];

/// Finds credentials.
#[derive(Debug)]
pub struct Credentials;

impl Credentials {
    /// The detector has no patterns of its own: its cues are a context class (`credential_cue.txt`).
    pub fn new() -> Result<Self, Error> {
        Ok(Credentials)
    }
}

impl Detector for Credentials {
    fn detect(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        let mut last_end = 0;
        for &(start, end) in input.context.all(class::CREDENTIAL_CUE) {
            // Overlapping cues ("pin", "pin number"): the longest one starting here is enough.
            if start < last_end {
                continue;
            }
            let text = &input.text[start..end];
            let cue = if text.starts_with("pass") || text.starts_with("pw") {
                Cue::Password
            } else if text.starts_with("pin") {
                Cue::Pin
            } else if text.starts_with("code") {
                Cue::CodeFor
            } else {
                Cue::Code
            };
            let explicit = matches!(input.text.as_bytes().get(end), Some(b':' | b'='));
            let after_cue = end + usize::from(explicit);
            if let Some(value_end) = value_end(input.text, after_cue, cue, explicit) {
                last_end = value_end;
                out.push(
                    Candidate::new("credential", start, value_end, "a password, PIN or code cue followed by a value")
                        .with_severity(Severity::High),
                );
            }
        }
        for &(start, end) in input.context.all(class::LOGIN_CUE) {
            if start < last_end {
                continue;
            }
            if let Some(value_end) = login_end(input.text, end) {
                last_end = value_end;
                out.push(
                    Candidate::new("credential", start, value_end, "a login cue followed by a user name and password")
                        .with_severity(Severity::High),
                );
            }
        }
    }
}

/// After a login cue at `at`: a user name, then "/" (or "pass", "pw"), then a password with letters
/// and digits, all on one line within [`LOGIN_WINDOW`]. Returns where the password ends.
fn login_end(text: &str, at: usize) -> Option<usize> {
    let window = after(text, at, LOGIN_WINDOW).split('\n').next().unwrap_or("");
    // "use mine: jsmith …", "use mine, jsmith …": the cue's own punctuation is not a token.
    let trimmed = window.trim_start_matches([':', ',', '=']);
    let (at, window) = (at + window.len() - trimmed.len(), trimmed);
    // "jsmith/Hospital1" is one token: split it at the slash.
    let mut tokens = Vec::new();
    let mut offset = 0;
    for token in window.split(' ') {
        let start = offset;
        offset += token.len() + 1;
        match token.split_once('/') {
            Some((name, value)) if !name.is_empty() && !value.is_empty() => {
                tokens.push((start, name));
                tokens.push((start + name.len(), "/"));
                tokens.push((start + name.len() + 1, value));
            }
            _ if !token.is_empty() => tokens.push((start, token)),
            _ => {}
        }
    }
    // The name comes first, after at most two filler words ("login *for the* portal: …" is not a
    // name-then-password shape, so only ":"/"is"/"-" may stand before it).
    let mut i = 0;
    while tokens.get(i).is_some_and(|&(_, t)| matches!(t, ":" | "," | "-" | "is" | "=" | "name" | "id")) {
        i += 1;
    }
    let (_, name) = *tokens.get(i)?;
    let name = name.trim_end_matches([',', ':', ';']);
    let name_ok = name.len() >= 3
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
        && name.bytes().any(|b| b.is_ascii_lowercase());
    if !name_ok {
        return None;
    }
    let (_, sep) = *tokens.get(i + 1)?;
    if !matches!(sep, "/" | "pass" | "pw" | "pwd" | "password" | "password:" | "pass:" | "pw:") {
        return None;
    }
    let (start, value) = *tokens.get(i + 2)?;
    let bare = value.trim_end_matches([',', '.', ';', '?', ')']);
    let letters = bare.bytes().any(|b| b.is_ascii_lowercase());
    let digits = bare.bytes().any(|b| b.is_ascii_digit());
    (bare.len() >= 5 && letters && digits).then_some(at + start + bare.len())
}

/// Looks for the cue's value after `at`: filler words may come first, and up to four words naming the
/// system or door (for `CodeFor`, one of them must be a [`PLACES`] word); the first other token must be
/// a value of the right shape. Returns where the value ends.
fn value_end(text: &str, at: usize, cue: Cue, mut explicit: bool) -> Option<usize> {
    let window = after(text, at, VALUE_WINDOW);
    let window = window.split('\n').next().unwrap_or("");
    let mut naming = 0;
    let mut place = cue != Cue::CodeFor;
    let mut digits_run: Option<(usize, usize)> = None; // (digit count, end) of spaced single digits
    let mut offset = 0;
    for token in window.split(' ') {
        let start = offset;
        offset += token.len() + 1;
        if token.is_empty() {
            continue;
        }
        let end = at + start + token.len();
        let bare = token.trim_end_matches([',', '.', ';', '!', '?', ')']);
        // "password is •••••••": already hidden (as the one-click fix writes it), nothing to warn about.
        if bare.contains('•') && bare.chars().all(|c| c == '•' || !c.is_alphanumeric()) {
            return None;
        }
        let digits = bare.bytes().filter(u8::is_ascii_digit).count();
        // "1 9 8 4": single digits separated by spaces form one value.
        if cue != Cue::Password && bare.len() == 1 && digits == 1 {
            let (n, _) = digits_run.unwrap_or((0, end));
            digits_run = Some((n + 1, at + start + 1));
            continue;
        }
        if let Some((n, run_end)) = digits_run {
            return (n >= min_digits(cue) && place).then_some(run_end);
        }
        if FILLER.contains(&bare) {
            explicit |= matches!(bare, "is" | "was" | "are" | "=" | ":" | "-");
            continue;
        }
        let ok = match cue {
            Cue::Pin | Cue::Code | Cue::CodeFor => place && digits >= min_digits(cue) && digits * 2 >= bare.len(),
            Cue::Password => {
                let symbol = bare.bytes().any(|b| !b.is_ascii_alphanumeric());
                // "has to be changed every 30 days": two digits are a count, not a password.
                (digits > 0 && bare.len() >= 4)
                    || (symbol && bare.len() >= 5)
                    || (explicit && bare.len() >= 6 && !NOT_PASSWORDS.contains(&bare))
            }
        };
        if ok {
            let keep = if cue == Cue::Password { token.len() } else { bare.len() };
            return Some(at + start + keep);
        }
        // Up to four words naming what the code is for ("for the *staff changing room door* is").
        if naming < 4 && bare.bytes().all(|b| b.is_ascii_lowercase()) && !explicit {
            naming += 1;
            place |= PLACES.contains(&bare);
            continue;
        }
        return None;
    }
    digits_run.filter(|&(n, _)| n >= min_digits(cue) && place).map(|(_, e)| e)
}

fn min_digits(cue: Cue) -> usize {
    if cue == Cue::Pin {
        4
    } else {
        3
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::run;

    fn found(text: &str) -> Vec<String> {
        let d = Credentials::new().expect("compiles");
        run(&d, text).into_iter().map(|(s, _)| s).collect()
    }

    #[test]
    fn positives() {
        for (text, span) in [
            ("door code for the staff room is 4729#", "door code for the staff room is 4729#"),
            ("the code to the drugs room is 1 9 8 4", "code to the drugs room is 1 9 8 4"),
            ("wifi password: Summer2024!", "password: summer2024!"),
            ("my password is sunflower", "password is sunflower"),
            ("PIN 4821", "pin 4821"),
            ("Anyone know the PIN for the new bleep? Is it still 4821?", "pin for the new bleep? is it still 4821"),
            ("keypad code 2580 for the sluice", "keypad code 2580"),
            ("the keypad for the CD cupboard is now 3579", "keypad for the cd cupboard is now 3579"),
            ("The code for the staff changing room door is 8822", "code for the staff changing room door is 8822"),
            ("login jsmith pw Hospital1", "pw hospital1"),
            ("or use mine, psandhu2 / Kingsmead2024! lol", "use mine, psandhu2 / kingsmead2024!"),
            (
                "it won't let you in, use mine: sandra.hebson / Winter2024. Thanks",
                "use mine: sandra.hebson / winter2024",
            ),
            ("free login to the bank portal? user jpoole2 pass Bluebell22", "user jpoole2 pass bluebell22"),
            ("EPR login jsmith/Hospital1 works", "login jsmith/hospital1"),
        ] {
            assert_eq!(found(text), [span.to_string()], "{text}");
        }
        assert!(crate::catalogue::rule("credential").is_some());
    }

    #[test]
    fn negatives() {
        for text in [
            "World Password Day: make your password strong",
            "password: use three random words",
            "door code changed today, check your email",
            "new PIN badge for 10 years' service",
            "the code for the staff room door is on the noticeboard",
            "forgot my PIN again",
            "password is wrong again",
            "pin 12",
            "new code of conduct 2024 is out",
            "the codes for the 2025 rota are on the board",
            "log in with your smartcard / username",
            "login / sign-up page is down again",
            "every user 24/7 on the new app",
            "my account / profile2 page",
            "use mine: the blue one / the red one",
            "why does my password have to be changed every 30 days",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
