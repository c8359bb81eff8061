//! Promoting companies or products without declaring an interest.
//!
//! Why this shape: Hillingdon 5.5 reminds staff of their duty "to declare any financial or commercial
//! interests in healthcare organisations or pharmaceutical and biomedical companies", and CDDFT 4.4.8
//! treats being paid to write for a third party as a conflict of interest. Posts that promote something
//! carry tell-tale phrases — a personal discount code, an affiliate link, "sponsored by", "gifted",
//! "brand ambassador" — or name a pharmaceutical company together with a benefit (dinner, a trip, a
//! speaker fee). Selling to followers ("message me to order", "I can do you a discount"), handing
//! samples to one's patients, steering people to a family member's business ("my wife's clinic … tell
//! her I sent you") or past the NHS waiting list, and a "link in my bio" or "I only recommend X" beside
//! a selling word (not in a fundraiser or job advert) count too. A declaration in the post ("#ad", "paid partnership", "conflict of interest: …")
//! lowers the finding to Info; a charity "sponsored walk" is not promotion.

use super::text::{spans_in_sentence, Lists};
use super::{Candidate, Detector, Input};
use crate::catalogue::words::promotion::*;
use crate::error::Error;
use crate::finding::Severity;

/// Hashtags and markers that declare an advert.
const HASHTAGS: &[&str] =
    &["#ad", "#advert", "#sponsored", "#spon", "#gifted", "#partner", "#affiliate", "(ad)", "[ad]", "ad:"];

/// Finds undeclared promotion.
#[derive(Debug)]
pub struct Promotion {
    lists: Lists,
}

impl Promotion {
    /// The detector over its word lists (`data/words/`; compiled at build time).
    pub fn new() -> Result<Self, Error> {
        let lists = Lists::at(LISTS);
        Ok(Promotion { lists })
    }
}

/// Whether `text` carries an advert hashtag or marker, as a whole token. One pass over the text: each
/// marker starts with `#`, `(` or `[`, or ends with `:`, and those are rare.
fn has_ad_marker(text: &str) -> bool {
    let bytes = text.as_bytes();
    let alnum_at = |i: Option<usize>| i.and_then(|i| bytes.get(i)).is_some_and(u8::is_ascii_alphanumeric);
    // A byte scan: the marks are ASCII, and decoding every character of a long draft to find them
    // cost more than the rest of this detector.
    let marks = bytes.iter().enumerate().filter(|&(_, b)| matches!(b, b'#' | b'(' | b'[' | b':'));
    marks.into_iter().any(|(i, &mark)| {
        let (start, tags): (usize, &[&str]) = match mark {
            b':' => (i.saturating_sub(2), &["ad:"]),
            _ => (i, HASHTAGS),
        };
        tags.iter().any(|tag| {
            bytes[start..].starts_with(tag.as_bytes())
                && !alnum_at(start.checked_sub(1))
                && (!alnum_at(Some(start + tag.len())) || tag.ends_with([')', ']', ':']))
        })
    })
}

/// Spans of "code NURSE20" or "use NURSE20": `code` or `use` (found with the vocabulary, `leads`)
/// followed by one space and a token of letters then digits.
fn discount_codes<'a>(text: &'a str, leads: &'a [(usize, usize)]) -> impl Iterator<Item = (usize, usize)> + 'a {
    // "use FFP3 masks" and "use COVID19 precautions" are not codes: `use` needs a shopping word nearby
    // (looked for only once a `use` code is seen).
    let shopping = std::cell::OnceCell::new();
    let is_shopping =
        move || *shopping.get_or_init(|| ["checkout", "% off", "discount", " off "].iter().any(|w| text.contains(w)));
    leads.iter().filter_map(move |&(i, lead_end)| {
        if text.as_bytes().get(lead_end) != Some(&b' ') {
            return None;
        }
        let start = lead_end + 1;
        let len = text[start..].bytes().take_while(u8::is_ascii_alphanumeric).count();
        let token = &text[start..start + len];
        let letters = token.bytes().take_while(u8::is_ascii_alphabetic).count();
        let code = letters >= 2 && letters < len && token[letters..].bytes().all(|b| b.is_ascii_digit());
        (code && (&text[i..lead_end] == "code" || is_shopping())).then_some((i, start + len))
    })
}

impl Detector for Promotion {
    fn detect(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        let text = input.text;
        let hits = self.lists.find(input);
        let declared = hits.any(DECLARATION) || has_ad_marker(text);
        let charity = hits.all(CHARITY_WORD);
        // For each charity phrase, the furthest end among it and those before: "is a promotional phrase
        // inside a charity phrase?" is then a binary search, however many of both a draft holds.
        let reach: Vec<usize> = charity
            .iter()
            .scan(0, |max, &(_, e)| {
                *max = e.max(*max);
                Some(*max)
            })
            .collect();
        let for_charity = |s: usize, e: usize| {
            let before = charity.partition_point(|&(cs, _)| cs < s);
            let inside = charity.get(before).is_some_and(|&(cs, _)| cs < e);
            let around = before > 0 && reach[before - 1] >= e;
            inside || around
        };
        let mut found: Vec<(usize, usize, &str)> = hits
            .all(PROMO)
            .iter()
            .filter(|&&(s, e)| !for_charity(s, e))
            .map(|&(s, e)| (s, e, "promotional phrase"))
            .collect();
        found.extend(discount_codes(text, hits.all(CODE_LEAD)).map(|(s, e)| (s, e, "personal discount code")));
        // "link in my bio" sells only beside a selling word, and never in a fundraiser.
        let selling = hits.any(COMMERCE) && charity.is_empty() && !hits.any(NOT_SELLING);
        if selling {
            found.extend(hits.all(BIO_LINK).iter().map(|&(s, e)| (s, e, "link in bio beside a selling word")));
        }
        // "I only recommend X" beside a selling word or a bio link.
        if selling || (hits.any(BIO_LINK) && charity.is_empty() && !hits.any(NOT_SELLING)) {
            found.extend(hits.all(RECOMMEND).iter().map(|&(s, e)| (s, e, "recommending one product to sell it")));
        }
        // A family member's business, with the author steering people to it.
        if hits.any(REFERRAL) {
            found.extend(
                hits.all(FAMILY_BUSINESS).iter().map(|&(s, e)| (s, e, "steering people to a family member's business")),
            );
        }
        for &(s, e) in hits.all(COMPANY) {
            if spans_in_sentence(hits.all(BENEFIT), text, s, e) {
                found.push((s, e, "pharmaceutical or device company named with a benefit"));
            }
        }
        for (s, e, why) in found {
            let c = if declared {
                Candidate::new("undeclared-promotion", s, e, "promotion with a declaration; a reminder only")
                    .with_severity(Severity::Info)
            } else {
                Candidate::new("undeclared-promotion", s, e, format!("{why}; no declaration of interest"))
            };
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::run;

    fn found(text: &str) -> Vec<Option<Severity>> {
        run(&Promotion::new().expect("compiles"), text).into_iter().map(|(_, c)| c.severity).collect()
    }

    #[test]
    fn positives() {
        for text in [
            "Loving these scrubs! Use my code NURSEJO20 for 20% off",
            "Fab dinner last night, thanks Pfizer for hosting us",
            "So grateful to be a brand ambassador for ComfyClogs",
            "new scrubs, code JO15 gets you money off",
            "use NURSEAMY10 at checkout for my favourite shakes",
            "This conference trip was sponsored by Novo Nordisk",
            "I only recommend GlowCo serums to my clinic patients, book a consult via the link in my bio",
            "been taking it for months, message me if you want to order, i can do you a discount",
            "I even hand out samples to the mums on the ward",
            "my wife's clinic is the best in town, tell her i sent you",
            "private physio? I'll make sure you jump the NHS list",
            "new skincare range, shop the link in my bio",
        ] {
            assert!(found(text).contains(&None), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_declaration_lowers_it() {
        assert!(found("Use my code JO20 for 20% off #ad").iter().all(|s| *s == Some(Severity::Info)));
        assert!(found("Paid partnership with ComfyClogs, use my code JO20").iter().all(|s| *s == Some(Severity::Info)));
        // Saying the business is one's own declares it.
        let own = "Selling my scrub caps! Handmade, £8 each. DM to order, this is just my side hustle";
        let f = found(own);
        assert!(!f.is_empty() && f.iter().all(|s| *s == Some(Severity::Info)), "{f:?}");
        assert!(found("Selling my scrub caps! Handmade, £8 each. DM to order").contains(&None));
    }

    #[test]
    fn negatives() {
        for text in [
            "Pfizer vaccine clinic open Saturday 9-4 in outpatients",
            "Doing a sponsored walk for the hospital charity, sponsor me!",
            "20% off for NHS staff at the canteen this week",
            "AstraZeneca trial results published today",
            "my code wouldn't compile so I went to bed",
            "use FFP3 masks for all AGP procedures",
            "please use COVID19 precautions in bay 2",
            // A colon after a multi-byte character: the `ad:` check must not split it.
            "tickets were 5€: use FFP3 masks",
            "We're fundraising for a new sensory room, link in bio",
            "charity abseil on saturday, justgiving link in bio, book your spot to watch",
            "my wife's clinic had a power cut today, chaos",
            "I recommend paracetamol first for a simple headache",
            "link in bio for my reflections on nights",
            "We're hiring! link in my bio to book a visit to the unit",
            "I only recommend factor 50 sunscreen to my patients, no brand in particular",
        ] {
            assert!(found(text).iter().all(|s| s.is_some()), "{text}: {:?}", found(text));
        }
    }
}
