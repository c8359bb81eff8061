//! Counter-speech: abuse the post *quotes* in order to report or condemn it.
//!
//! "A dad at the desk called me a 'useless foreign b*tch'", "someone shouted 'go back to your own
//! country' at our HCA", "'Tranny' is not a word we use at the bedside": the words are a slur or a
//! put-down, but the post is the opposite of abuse. It reports abuse the author or a colleague received,
//! or says a word must not be used, which is what the policies ask staff to do (CDDFT 4.4.3 and
//! Hillingdon 5.4 forbid *making* such remarks; speaking up about them is encouraged). A nudge that
//! pauses a nurse for reporting racism teaches them to switch it off (DESIGN §5.4).
//!
//! So a disrepute finding that lies wholly inside a quotation drops to Info when the post marks the
//! quotation as someone else's words said at someone (a reporting phrase just before it, from
//! `data/context/reported_speech.txt`: "called me a", "shouting", "told me") or condemns it (a phrase
//! just after it, `data/context/condemned_quote.txt`: "is not a word", "is not ok"). It stays a mark,
//! because the post still repeats the word in public. What is *not* excused:
//!
//! * the author's own words ("I told him 'you're a waste of space'"): a reporting phrase straight after
//!   "I" or "we" is the author speaking;
//! * abuse outside quotation marks ("a patient called me a cow, and she is one"): only the quoted span
//!   is reported speech;
//! * findings of other families: a quoted patient's name is still a patient's name.
//!
//! Indirect speech counts too when a reporting phrase ends in "that" and the finding follows it in
//! the same sentence ("some bloke shouted at me that nurses are all lazy").

use crate::catalogue::{self, class};
use crate::context::is_word_byte;
use crate::detectors::{Candidate, Input};
use crate::finding::{Category, Severity};

/// Bytes a quotation may span around a finding (a short remark, not a paragraph).
const QUOTE_REACH: usize = 160;
/// Bytes between a reporting phrase's end and the opening quote ("called our sister a 'fat cow'").
const REPORT_GAP: usize = 24;
/// Bytes in the longest reporting phrase of `data/context/reported_speech.txt` (a test keeps it true).
const LONGEST_PHRASE: usize = 24;
/// Bytes between the closing quote and a condemning phrase ("'crazy' and 'psycho' used as insults").
const CONDEMN_GAP: usize = 40;

/// Lowers to Info every disrepute candidate that lies inside a quotation the post reports or condemns.
pub(crate) fn soften(input: &Input<'_>, candidates: &mut [Candidate]) {
    let reports = input.context.all(class::REPORTED_SPEECH);
    let condemns = input.context.all(class::CONDEMNED_QUOTE);
    if reports.is_empty() && condemns.is_empty() {
        return;
    }
    for c in candidates.iter_mut() {
        let disrepute = catalogue::rule(c.rule).is_some_and(|r| r.category == Category::Disrepute);
        if !disrepute || c.severity == Some(Severity::Info) {
            continue;
        }
        let Some((open, close)) = quotation(input.text, c.start, c.end) else {
            // "a bloke shouted at me that nurses are all lazy": reported in indirect speech.
            if indirect(input.text, reports, c.start) {
                c.severity = Some(Severity::Info);
                c.why = "reported as said to someone, in a post reporting it".into();
            }
            continue;
        };
        let lo = open.saturating_sub(REPORT_GAP + LONGEST_PHRASE);
        let reported =
            reports[reports.partition_point(|h| h.0 < lo)..].iter().take_while(|h| h.0 < open).any(|&(s, e)| {
                e <= open
                    && open - e <= REPORT_GAP
                    && !gap_breaks(input.text, e, open)
                    && !said_by_author(input.text, s)
            });
        let condemned = condemns[condemns.partition_point(|h| h.0 <= close)..]
            .first()
            .is_some_and(|&(s, _)| s - close <= CONDEMN_GAP);
        if reported || condemned {
            c.severity = Some(Severity::Info);
            c.why = if reported {
                "quoted as said to someone, in a post reporting it".into()
            } else {
                "quoted in a post that condemns the words".into()
            };
        }
    }
}

/// Whether a reporting phrase ending in "that" ("shouted at me that", "told me that") opens the
/// sentence part holding `start`, said by someone other than the author.
fn indirect(text: &str, reports: &[(usize, usize)], start: usize) -> bool {
    let lo = start.saturating_sub(QUOTE_REACH);
    reports[reports.partition_point(|h| h.0 < lo)..]
        .iter()
        .take_while(|h| h.1 <= start)
        .any(|&(s, e)| text[s..e].ends_with(" that") && !gap_breaks(text, e, start) && !said_by_author(text, s))
}

/// The quotation marks around `start..end`, if the span lies inside one: an opening `'` or `"` (after
/// a non-word byte, before a non-space) and the same mark closing it (after a non-space, before a
/// non-word byte), with no other quotation between. An apostrophe inside a word ("shouldn't") is neither.
fn quotation(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let word = |i: Option<usize>| i.and_then(|i| bytes.get(i)).is_some_and(|&b| is_word_byte(b));
    let space = |i: Option<usize>| i.and_then(|i| bytes.get(i)).is_none_or(|b| b.is_ascii_whitespace());
    let is_quote = |i: usize| matches!(bytes[i], b'\'' | b'"');
    let opens = |i: usize| is_quote(i) && !word(i.checked_sub(1)) && !space(Some(i + 1));
    let closes = |i: usize| is_quote(i) && !space(i.checked_sub(1)) && !word(Some(i + 1));
    let mut open = None;
    for i in (start.saturating_sub(QUOTE_REACH)..start.min(bytes.len())).rev() {
        if opens(i) {
            open = Some(i);
            break;
        }
        if closes(i) {
            return None;
        }
    }
    let open = open?;
    let close = (end..bytes.len().min(end + QUOTE_REACH)).find(|&i| bytes[i] == bytes[open] && closes(i))?;
    // Another quotation opening inside would mean the span is between two quotations, not in one.
    (!(end..close).any(|i| opens(i) && bytes[i] == bytes[open])).then_some((open, close))
}

/// Whether the words between a reporting phrase and the quote end a sentence.
fn gap_breaks(text: &str, from: usize, to: usize) -> bool {
    text.get(from..to).is_none_or(|gap| gap.contains(['.', '!', '?', '\n']))
}

/// Whether the reporting phrase at `s` has the author as its speaker ("I told him", "we said").
fn said_by_author(text: &str, s: usize) -> bool {
    let before = text[..s].trim_end();
    let last = before.rsplit(|c: char| !(c.is_ascii_alphanumeric() || c == '\'')).next().unwrap_or("");
    matches!(last, "i" | "we" | "i've" | "ive" | "we've" | "i'd" | "id" | "then" | "so" | "and")
        && author_just_before(before, last)
}

/// "I told him", "and I said", "so I shouted": the author, possibly after a conjunction.
fn author_just_before(before: &str, last: &str) -> bool {
    if !matches!(last, "then" | "so" | "and") {
        return true;
    }
    let rest = before[..before.len() - last.len()].trim_end();
    let prev = rest.rsplit(|c: char| !(c.is_ascii_alphanumeric() || c == '\'')).next().unwrap_or("");
    matches!(prev, "i" | "we")
}

#[cfg(test)]
mod tests {
    use crate::analyzer::Analyzer;
    use crate::finding::{Category, Severity};
    use crate::policy::Policy;
    use crate::Engines;

    /// The worst severity of the rules' disrepute findings on `text` (the model left out: this is about
    /// the rules' own reading).
    fn worst(text: &str) -> Option<Severity> {
        let analyzer = Analyzer::with_engines(Policy::default(), Engines::Rules).expect("builds");
        analyzer.analyze(text).into_iter().filter(|f| f.category == Category::Disrepute).map(|f| f.severity).max()
    }

    #[test]
    fn reported_abuse_in_quotes_is_a_mark() {
        for text in [
            "Today a dad at the front desk called me a 'useless foreign b*tch' because his appointment ran late.",
            "Being called a 'dyke' in the car park by a patient's brother yesterday. Reported to security.",
            "Reported a man today for shouting 'go back to your own country' at our HCA.",
            "Someone shouted 'p*ki go home' at our pharmacist in the car park last night. Reported to police.",
            "Overheard a visitor calling our ward sister a 'fat useless cow'. Not ok.",
            "'Tranny' is not a word we use at the bedside, or anywhere, thanks.",
            "Personal view from a GP trainee: the way the news talks about 'bed blockers' is vile. They're people waiting for care.",
            "Saw a post calling a physio a 'sl*g' for posting in her uniform. Unacceptable.",
            "Someone in the comments said 'disabled people are a burden on the NHS'. No. Disabled people are people.",
            "Then some bloke in the car park shouted at me that nurses are all lazy and get paid too much.",
            "Someone in my team called a patient a 'frequent flyer' today in front of his wife. Can we retire that phrase.",
            "Had a woman scream 'f***ing useless cow' at me today because her dad's dinner was late.",
        ] {
            assert_eq!(worst(text), Some(Severity::Info), "{text}");
        }
    }

    #[test]
    fn the_authors_own_words_and_unquoted_abuse_still_pause() {
        for text in [
            "I told him 'you're a useless b*tch' and walked off",
            "and then I called her a 'fat useless cow' to her face",
            "a patient called me a cow today and honestly she is a useless b*tch",
            "our manager is a useless b*tch, 'professional' my foot",
            "and I said 'disabled people are a burden on the NHS' and I meant it",
            "I told him that nurses are all lazy and he agreed",
            "we called him a 'useless b*tch' all shift",
            "a patient told me that story. Nurses are all lazy anyway",
        ] {
            assert!(worst(text) > Some(Severity::Info), "{text}: {:?}", worst(text));
        }
    }

    #[test]
    fn every_reporting_phrase_fits_the_lookup_window() {
        for phrase in crate::vocabulary_compile::entries(include_str!("../data/context/reported_speech.txt")) {
            assert!(phrase.len() <= super::LONGEST_PHRASE, "{phrase}");
        }
    }

    /// A long draft full of quotations and reporting phrases costs time in proportion to its length.
    #[test]
    fn many_quotations_cost_linear_time() {
        let analyzer = Analyzer::with_engines(Policy::default(), Engines::Rules).expect("builds");
        let time = |n: usize| {
            let text = "he called me a 'useless b*tch' and shouted 'you idiot'. ".repeat(n);
            let t = std::time::Instant::now();
            analyzer.analyze_report(&text);
            t.elapsed()
        };
        crate::linear_time::assert_linear(time, 500, std::time::Duration::from_micros(500));
    }

    #[test]
    fn apostrophes_inside_words_are_not_quotation_marks() {
        let text = "she shouted that she's a useless b*tch and she's right";
        assert_eq!(super::quotation(text, 27, 32), None);
    }
}
