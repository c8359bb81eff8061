//! Photos, video, screenshots or recordings of patients, children or colleagues, described in a post.
//!
//! Why this shape: CWFT 4.5 and 10.6 require written consent (from a parent, guardian or carer for
//! children) before any patient is photographed, filmed or identified; Cumbria 3.3 forbids "any pictures
//! of staff or patients without their explicit, fully-informed consent" and 3.9 covers recorded
//! consultations; CDDFT 4.4.2 asks for colleagues' consent before sharing content about them. The text
//! of a post usually *announces* its media: a media word ("selfie", "video", "filmed", "recorded") joined
//! to a person ("with my patient", "the lads on nights", "this little one"). Patients and children are
//! Warn (High when filmed secretly); colleagues are Warn for video or candid shots (asleep, drunk) and
//! Info for posed photos; children count only in a work setting, so "pics of my kids at the beach" is
//! the author's own business. A stated consent ("shared with her permission") lowers everything to Info,
//! unless negated ("without their consent"); a forbidden picture ("no selfies with patients") is
//! guidance, not an announcement, and so is a refused one ("won't let me take a pic"), one the author
//! says they cannot post or need not take ("can't post the photos", "you don't need a photo of a
//! patient") and one somebody showed the author ("showed me a photo of his late wife"); a post calling
//! others out for sharing pictures ("… it needs to stop") gets its findings as Info. A media word
//! merely in the same sentence as a patient, with no construction joining them, is an Info reminder.

use super::text::{ends_just_before, next_word, spans_in_sentence, word_end, Hits, Lists};
use super::{Candidate, Detector, Input};
use crate::catalogue::class;
use crate::catalogue::words::consent_media::*;
use crate::context::is_boundary;
use crate::cover::Cover;
use crate::error::Error;
use crate::finding::Severity;

/// Possessives that make a media word about a person ("took *his* photo").
const POSSESSIVES: &[&str] = &["his", "her", "their"];

/// Words allowed between the link and the person ("photo of *my favourite little* patient").
const PERSON_GAP: usize = 3;
/// Bytes either side of a media announcement ("pic below") in which a person makes it about them:
/// about one short sentence, since such posts name their subject just before or after ("look at this
/// little man's face!! so brave for his bloods 🥰 pic below").
const ANNOUNCE_REACH: usize = 150;
/// Bytes before a consent phrase in which a negation cancels it.
const NEGATION_REACH: usize = 12;

/// Finds media of patients, children or colleagues without stated consent.
#[derive(Debug)]
pub struct ConsentMedia {
    lists: Lists,
}

/// Who is in the media.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Subject {
    Patient,
    /// A child: a patient only in a work setting (otherwise likely the author's own).
    Child,
    Colleague,
    /// Anyone: a patient only in a work setting.
    Person,
}

impl ConsentMedia {
    /// The detector over its word lists (`data/words/`; compiled at build time).
    pub fn new() -> Result<Self, Error> {
        let lists = Lists::at(LISTS);
        Ok(ConsentMedia { lists })
    }
}

/// The person whose hit starts at the next word (or within `gap` words) after `pos`.
fn person(hits: &Hits<'_>, text: &str, pos: usize, gap: usize) -> Option<(Subject, usize)> {
    [
        (PATIENT, Subject::Patient),
        (CLINICAL_EVENT, Subject::Patient),
        (CHILD, Subject::Child),
        (COLLEAGUE, Subject::Colleague),
        (PERSON, Subject::Person),
    ]
    .iter()
    .filter_map(|&(list, subject)| hits.within(list, text, pos, gap).map(|e| (subject, e)))
    .filter(|&(_, e)| !COMPOUND_NOUNS.contains(&following_word(text, e)))
    .min_by_key(|&(_, e)| e)
}

/// Whether the media word ending at `e` is of the author ("a picture of me asleep", "took a pic of
/// me", "recorded myself practising"): within its next four words, "myself" or "of me", and nobody
/// joined to them ("a picture of me and the kids" shows the kids). The author's own image is theirs
/// to share, and who took it is not in it.
fn of_author(text: &str, e: usize) -> bool {
    // Six words fit in well under 80 bytes; a bound keeps a run of punctuation from being read whole.
    let words: Vec<&str> = super::people::after(text, e, 80)
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .take(6)
        .collect();
    let me = words
        .iter()
        .take(4)
        .position(|w| *w == "myself")
        .or_else(|| words.windows(2).take(3).position(|w| w == ["of", "me"]).map(|i| i + 1));
    me.is_some_and(|i| !matches!(words.get(i + 1).copied(), Some("and" | "with" | "n" | "plus")))
}

/// The person mentioned nearest an announcement at `s..e` within [`ANNOUNCE_REACH`] (patients and
/// care events, which show patients, before children, people and colleagues when as near), and where
/// that mention starts.
fn announced_subject(hits: &Hits<'_>, s: usize, e: usize) -> Option<(Subject, usize)> {
    let (lo, hi) = (s.saturating_sub(ANNOUNCE_REACH), e + ANNOUNCE_REACH);
    [
        (PATIENT, Subject::Patient),
        (CLINICAL_EVENT, Subject::Patient),
        (CHILD, Subject::Child),
        (PERSON, Subject::Person),
        (COLLEAGUE, Subject::Colleague),
    ]
    .iter()
    .flat_map(|&(list, subject)| {
        let all = hits.all(list);
        let near = all[all.partition_point(|h| h.0 < lo)..].iter().take_while(move |h| h.0 <= hi);
        near.filter(move |h| h.1 <= hi).map(move |&(ps, pe)| {
            let distance = if pe <= s { s - pe } else { ps.saturating_sub(e) };
            (distance, subject, ps)
        })
    })
    .min_by_key(|&(distance, _, _)| distance)
    .map(|(_, subject, ps)| (subject, ps))
}

/// Nouns that turn a person word into a modifier ("the *patient portal*", "*staff* room").
const COMPOUND_NOUNS: &[&str] = &[
    "portal",
    "app",
    "leaflet",
    "leaflets",
    "information",
    "info",
    "survey",
    "feedback",
    "experience",
    "records",
    "notes",
    "list",
    "lists",
    "room",
    "rooms",
    "car",
    "parking",
    "toilet",
    "toilets",
    "area",
    "kitchen",
    "safety",
    "flow",
    "transport",
    "group",
    "groups",
    "newsletter",
    "bulletin",
    "handbook",
    "policy",
    "policies",
    // Not "rota" or "schedule": a photo of the theatre list or the rota shows names.
    "pattern",
    "patterns",
    "timetable",
    // A place on the ward with no one in it ("pic of the ward corridor at 3am, empty"; W48, measure).
    "corridor",
    "corridors",
    "garden",
    "entrance",
];

/// The word after byte `at`, if any.
fn following_word(text: &str, at: usize) -> &str {
    match next_word(text, at) {
        Some(s) => &text[s..word_end(text, s)],
        None => "",
    }
}

/// Refusals shortly before a media word: the person would not be photographed ("won't let me"), or the
/// author says they are not posting it ("can't post the photos from our bake-off"). A picture someone
/// *showed* the author ("my patient showed me a photo of his late wife", "shows you her picture on
/// their phone") was looked at, not taken or shared.
const REFUSALS: &[&str] = &[
    "won't let me",
    "wont let me",
    "wouldn't let me",
    "wouldnt let me",
    "refused to let me",
    // Advice not to take one: "you don't need a photo of a patient to make your point".
    "don't need",
    "dont need",
    "no need for",
    "can't post",
    "cant post",
    "can't share",
    "cant share",
    "showed me",
    "shows me",
    "showed us",
    "shows us",
    "shows you",
    "showed you",
];
/// Bytes before a media word in which a refusal counts ("won't let me take a pic").
const REFUSAL_REACH: usize = 24;

/// Whether the media word at `s` is forbidden rather than taken ("*no* selfies with patients", "never
/// film colleagues"): guidance, not an announcement.
fn forbidden(text: &str, s: usize) -> bool {
    let before = text[..s].trim_end();
    // "Nan won't let me take a pic of her": the person refused, so nothing was taken.
    let mut from = before.len().saturating_sub(REFUSAL_REACH);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    let near = &before[from..];
    if REFUSALS.iter().any(|r| near.contains(r)) {
        return true;
    }
    // The two words before: "*never* take photos", "*don't* ever film".
    before.rsplit(|c: char| !c.is_ascii_alphanumeric() && c != '\'').filter(|w| !w.is_empty()).take(2).any(|w| {
        matches!(w, "no" | "never" | "don't" | "dont" | "not" | "avoid" | "stop" | "without" | "ban" | "banned")
    })
}

/// Whether the post states consent that is not negated.
fn consent_stated(input: &Input<'_>, hits: &Hits<'_>) -> bool {
    input.context.all(class::CONSENT_GIVEN).iter().any(|&(s, e)| {
        !ends_just_before(hits.all(NEGATION), s, NEGATION_REACH) && !consent_to_treatment(input.text, s, e)
    })
}

/// Words after "consented" that make it consent to treatment, not to being shown: "I just consented
/// him for a lap chole", "consented for theatre".
const TREATMENT_OBJECTS: &[&str] = &["for", "him", "her", "them", "the", "a", "my", "an", "pt", "patient", "patients"];

/// Whether the consent phrase at `s..e` is "consented" in the clinical sense (see [`TREATMENT_OBJECTS`]).
fn consent_to_treatment(text: &str, s: usize, e: usize) -> bool {
    &text[s..e] == "consented" && TREATMENT_OBJECTS.contains(&following_word(text, e))
}

/// Whether the post states consent that is not negated ("shared with her permission", "signed the
/// consent form"). The patient-name rules ask it too: CWFT 4.5 asks for written consent before a
/// patient is identified, so a named patient's story the post says was shared with consent is a
/// reminder, not a pause.
pub(crate) fn consent_stated_in(input: &Input<'_>) -> bool {
    input.context.any(class::CONSENT_GIVEN) && consent_stated(input, &Lists::at(LISTS).find(input))
}

/// Whether the post states consent (not negated) or says no one is in its photo ("no patients in the
/// shot"): a consent reading of it is then a reminder, not a pause. The learned model's consent
/// findings follow the same test (analyzer.rs), so the model does not pause what the rules let go.
pub(crate) fn consent_settled(input: &Input<'_>) -> bool {
    input.context.any(class::NOBODY_PICTURED) || consent_stated(input, &Lists::at(LISTS).find(input))
}

impl Detector for ConsentMedia {
    fn detect(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        let text = input.text;
        let hits = self.lists.find(input);
        let mut found: Vec<(usize, usize, Subject)> = Vec::new();
        for &(s, e) in hits.all(MEDIA_WORD).iter().filter(|&&(s, e)| !forbidden(text, s) && !of_author(text, e)) {
            let link = hits.next(LINK, text, e);
            if let Some((subject, end)) = link.and_then(|l| person(&hits, text, l, PERSON_GAP)) {
                found.push((s, end, subject));
            } else if let Some(end) = link.and_then(|l| hits.within(EVENT, text, l, PERSON_GAP)) {
                // Photos from a staff event show colleagues.
                found.push((s, end, Subject::Colleague));
            } else if let Some(end) = link.and_then(|l| hits.within(CANDID_WORD, text, l, 2)) {
                // "pic of Dave sleeping in the staff room": someone caught off guard.
                found.push((s, end, Subject::Colleague));
            } else {
                // "took *his* photo": a possessive before the media word, a person in the sentence.
                let before = text[..s].trim_end();
                let possessive = POSSESSIVES
                    .iter()
                    .any(|p| before.ends_with(p) && is_boundary(before.as_bytes(), before.len() - p.len()));
                let person_nearby =
                    [PATIENT, CHILD, PERSON].iter().any(|&l| spans_in_sentence(hits.all(l), text, s, e));
                if possessive && person_nearby {
                    found.push((s, e, Subject::Person));
                }
            }
        }
        for &(s, e) in hits.all(CAPTURING).iter().filter(|&&(s, e)| !forbidden(text, s) && !of_author(text, e)) {
            if let Some((subject, end)) = person(&hits, text, e, PERSON_GAP) {
                found.push((s, end, subject));
            }
        }
        // "… 🥰 pic below", "video in the comments": the post shares media; the nearest person it
        // mentions is taken to be in it.
        for &(s, e) in hits.all(ANNOUNCE).iter().filter(|&&(s, e)| !forbidden(text, s) && !of_author(text, e)) {
            if let Some((subject, start)) = announced_subject(&hits, s, e) {
                found.push((start.min(s), e.max(start), subject));
            }
        }
        for &(s, e) in hits.all(SHOWING) {
            if let Some((subject, end)) =
                person(&hits, text, e, 2).filter(|(subject, _)| *subject != Subject::Colleague)
            {
                found.push((s, end, subject));
            }
        }
        for list in [PATIENT, CHILD, COLLEAGUE] {
            for &(s, e) in hits.all(list) {
                if let Some(end) = hits.within(ON_CAM, text, e, 2) {
                    let subject = match list {
                        PATIENT => Subject::Patient,
                        CHILD => Subject::Child,
                        _ => Subject::Colleague,
                    };
                    found.push((s, end, subject));
                }
            }
        }
        // Weak evidence: a media word and a patient in the same sentence, not joined by a construction
        // ("our team TikTok dancing in the corridor with the patients watching"): a reminder only.
        let mut weak = Vec::new();
        let joined = Cover::new(found.iter().map(|&(s, e, _)| (s, e)));
        for &(s, e) in hits.all(MEDIA_WORD).iter().chain(hits.all(CAPTURING)) {
            // "friends *on Snapchat*" names a platform, not a picture.
            let platform = text[..s].trim_end().ends_with(" on");
            if platform || forbidden(text, s) || joined.covers(s, e) {
                continue;
            }
            let (ss, se) = super::text::sentence(text, s, e);
            let patient = hits
                .all(PATIENT)
                .iter()
                .any(|&(ps, pe)| ss <= ps && pe <= se && !COMPOUND_NOUNS.contains(&following_word(text, pe)));
            if patient && weak.last().is_none_or(|&(_, we)| we <= s) {
                weak.push((s, e));
            }
        }
        for (s, e) in weak {
            out.push(
                Candidate::new(
                    "consent-patient-media",
                    s,
                    e,
                    "media word in a sentence about patients; a reminder only",
                )
                .with_severity(Severity::Info),
            );
        }
        if found.is_empty() {
            return;
        }
        let consented = consent_stated(input, &hits);
        // "The colleague who keeps posting pics of … it needs to stop": the post calls others out.
        let calling_out = input.context.any(class::CALLING_OUT);
        // "No patients in the shot": the post says no one can be seen, so the finding is a reminder.
        let nobody = input.context.any(class::NOBODY_PICTURED);
        let work = input.context.any(class::WORK_SETTING);
        for (start, end, subject) in found {
            let own_child = matches!(subject, Subject::Child | Subject::Person) && {
                let before = text[..start].trim_end();
                !work || before.ends_with(" my") || before == "my" || text[start..end].contains(" my ")
            };
            if own_child {
                continue;
            }
            let secret = spans_in_sentence(hits.all(SECRETLY), text, start, end);
            let moving_words = hits.all(MOVING_WORD);
            let inside = &moving_words[moving_words.partition_point(|h| h.0 < start)..];
            let moving = inside.iter().take_while(|h| h.0 < end).any(|h| h.1 <= end);
            let candid = spans_in_sentence(hits.all(CANDID_WORD), text, start, end);
            let (rule, severity, why) = match subject {
                Subject::Patient | Subject::Child | Subject::Person => {
                    let rule = "consent-patient-media";
                    if consented {
                        (rule, Severity::Info, "media of a patient or child; consent stated")
                    } else if calling_out {
                        (rule, Severity::Info, "media of a patient or child, in a post calling the sharing out")
                    } else if nobody {
                        (rule, Severity::Info, "media near a mention of patients; the post says no one is in it")
                    } else if secret {
                        (rule, Severity::High, "media of a patient or child taken secretly")
                    } else {
                        (rule, Severity::Warn, "media of a patient or child; no consent stated")
                    }
                }
                Subject::Colleague => {
                    let rule = "consent-colleague-media";
                    if consented {
                        (rule, Severity::Info, "media of colleagues; consent stated")
                    } else if calling_out {
                        (rule, Severity::Info, "media of colleagues, in a post calling the sharing out")
                    } else if secret || moving || candid {
                        (rule, Severity::Warn, "video or candid media of colleagues; no consent stated")
                    } else {
                        (rule, Severity::Info, "photo of colleagues; a reminder to check they agree")
                    }
                }
            };
            out.push(Candidate::new(rule, start, end, why).with_severity(severity));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::run;

    fn found(text: &str) -> Vec<(&'static str, Option<Severity>)> {
        run(&ConsentMedia::new().expect("compiles"), text).into_iter().map(|(_, c)| (c.rule, c.severity)).collect()
    }

    #[test]
    fn positives() {
        for (text, rule, severity) in [
            ("selfie with my favourite patient before discharge", "consent-patient-media", Severity::Warn),
            ("filmed the lads on nights doing the macarena", "consent-colleague-media", Severity::Warn),
            ("recorded the consultation so I could share it", "consent-patient-media", Severity::Warn),
            ("pic of this little one on the ward, so brave", "consent-patient-media", Severity::Warn),
            ("secretly filmed the patient in bed 3 singing", "consent-patient-media", Severity::High),
            ("got sister asleep on camera at 4am on nights", "consent-colleague-media", Severity::Warn),
            ("group photo with the team at the awards", "consent-colleague-media", Severity::Info),
            ("Took a selfie with the lovely lady in bed 5 who's 102 today", "consent-patient-media", Severity::Warn),
            ("Snuck a pic of Dave sleeping in the staff room at 4am", "consent-colleague-media", Severity::Warn),
            ("Little man in bay 3 let me take his photo with his new teddy", "consent-patient-media", Severity::Warn),
            ("Filmed a resus today for my TikTok, blurred the faces", "consent-patient-media", Severity::Warn),
            ("Sneaky shot of the reg asleep on the sofa in the mess", "consent-colleague-media", Severity::Warn),
            ("Video of our amazing HCA Bev doing the worm at 5am", "consent-colleague-media", Severity::Warn),
            ("Filming my shift today for my nursing vlog, patients and all", "consent-patient-media", Severity::Warn),
            (
                "this little man on the ward was so brave for his bloods 🥰 pic below",
                "consent-patient-media",
                Severity::Warn,
            ),
            (
                "the patient's daughter left a voicemail on the ward phone, have a listen",
                "consent-patient-media",
                Severity::Warn,
            ),
            (
                "our lovely HCA doing the fresh sheets dance, video in the comments",
                "consent-colleague-media",
                Severity::Warn,
            ),
        ] {
            assert!(found(text).contains(&(rule, Some(severity))), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn stated_consent_lowers_it() {
        assert_eq!(
            found("selfie with my patient on his 100th birthday, shared with his permission"),
            [("consent-patient-media", Some(Severity::Info))]
        );
        assert_eq!(
            found("filmed the patient without their consent"),
            [("consent-patient-media", Some(Severity::Warn))]
        );
        // Written permission and a signed form are stated consent as surely as "with written consent".
        for stated in [
            "selfie with my patient on his 100th birthday, posted with written permission from his daughter",
            "photo of the patients at the garden party, everyone pictured signed the photo form",
            "filmed the patient's story for the podcast, she signed a consent form first",
        ] {
            let f = found(stated);
            assert!(
                !f.is_empty() && f.iter().all(|x| *x == ("consent-patient-media", Some(Severity::Info))),
                "{stated}: {f:?}"
            );
        }
    }

    /// Consent said in other words: permission from the family, forms signed, the person asked for the
    /// picture or to be tagged. Every consent finding is then a reminder.
    #[test]
    fn consent_in_other_words_lowers_it() {
        for stated in [
            "yes I got permission from the family to share this photo of my patient's sunflowers",
            "pictures of residents visiting the ward for the newsletter. Forms signed by all the families",
            "Mum asked me to take photos of her and her baby in SCBU for the family",
            "The lady who brought sandwiches for night shift: took a photo of her with the team, she wants to be tagged!",
        ] {
            let f = found(stated);
            assert!(!f.is_empty() && f.iter().all(|x| x.1 == Some(Severity::Info)), "{stated}: {f:?}");
        }
    }

    /// A post calling others out for sharing pictures is on the policy's side: a reminder only.
    #[test]
    fn calling_the_sharing_out_is_a_reminder_only() {
        let shown = "Someone on the ward posted pics of the patients on her Insta";
        assert!(found(shown).contains(&("consent-patient-media", Some(Severity::Warn))), "{:?}", found(shown));
        let called = format!("{shown}: I'm not naming you but it needs to stop.");
        let f = found(&called);
        assert!(!f.is_empty() && f.iter().all(|x| x.1 == Some(Severity::Info)), "{f:?}");
    }

    #[test]
    fn a_post_saying_no_one_is_in_it_is_a_reminder_only() {
        for (shown, said) in [
            ("Took a photo of the patients' lounge after the makeover", ". No people in the shot"),
            ("Photo of the patients' garden we planted on the ward", ", no patients in it, just sunflowers"),
            ("Our ward cat had her photo taken for the patient newsletter", ". No humans in the shot"),
        ] {
            let only = |text: &str, severity| {
                let f = found(text);
                assert!(
                    !f.is_empty() && f.iter().all(|x| *x == ("consent-patient-media", Some(severity))),
                    "{text}: {f:?}"
                );
            };
            only(shown, Severity::Warn);
            only(&format!("{shown}{said}"), Severity::Info);
        }
        // Colleagues named in a video stay a warning whatever else the post says is absent.
        assert_eq!(
            found("Video of our amazing HCA Bev doing the worm at 5am, no patients in it"),
            [("consent-colleague-media", Some(Severity::Warn))]
        );
    }

    /// Found on W48 (measure): a picture the author was shown, or says they cannot post, was not
    /// taken or shared; a signed form, "I asked first" or "her say-so" is stated consent; telling
    /// colleagues to stop sending patients' photos calls the sharing out.
    #[test]
    fn shown_refused_consented_or_called_out_media_does_not_pause() {
        for (shown, not_shared) in [
            ("took a photo of his late wife on the ward", "My patient showed me a photo of his late wife on the ward"),
            (
                "posting the photos from our ward's charity bake-off",
                "Can't post the photos from our ward's charity bake-off",
            ),
            ("a patient on the ward, here's her picture", "a patient on the ward shows you her picture on their phone"),
            (
                "Posting a photo of a patient to make your point",
                "You don't need a photo of a patient to make your point",
            ),
            ("pic of the ward at 3am", "pic of the ward corridor at 3am, empty"),
        ] {
            assert!(found(shown).iter().any(|x| x.1 == Some(Severity::Warn)), "{shown}: {:?}", found(shown));
            assert!(
                found(not_shared).iter().all(|x| x.1 == Some(Severity::Info)),
                "{not_shared}: {:?}",
                found(not_shared)
            );
        }
        for (shown, said) in [
            (
                "Took photos of the patients on the ward for the exhibition",
                ". Every portrait's got a signed consent form",
            ),
            ("posting the video of her singing on the ward", " (kidding Jo, I asked first)"),
            ("Photos of the patients at the ward party", ", posting with their say-so"),
            (
                "You keep sending me photos of your patients' rashes on WhatsApp",
                ". Stop sending them, it's not allowed.",
            ),
            ("ED nurse with her phone out filming the patient shouting at reception", ". I asked her to stop"),
        ] {
            let before = found(shown);
            assert!(before.iter().any(|x| x.1 == Some(Severity::Warn)), "{shown}: {before:?}");
            let after = found(&format!("{shown}{said}"));
            assert!(!after.is_empty() && after.iter().all(|x| x.1 == Some(Severity::Info)), "{shown}{said}: {after:?}");
        }
    }

    #[test]
    fn the_authors_own_image_does_not_pause() {
        let d = ConsentMedia::new().expect("compiles");
        for text in [
            "who took a picture of me asleep on my break in the staff room and put it on the ward group??",
            "Recorded myself practising my patient explanation for the OSCE at home, cringed",
            "my mate took a pic of me at the new defib",
        ] {
            let f = run(&d, text);
            assert!(f.iter().all(|(_, c)| c.severity == Some(Severity::Info)), "{text}: {f:?}");
        }
    }

    #[test]
    fn negatives() {
        for text in [
            "pics of my kids at the beach today",
            "photo of the sunset from the car park",
            "new video on hand hygiene from the IPC team is out",
            "recorded a podcast about nursing careers",
            "selfie with my mum at the beach",
            "Reminder: no selfies with patients without written consent and a chat with comms",
            "never film colleagues or patients on the ward",
            "Screenshot from the patient portal showing my results are back",
            "been messaging one of my old patients on Facebook",
            "pics of my kids at the beach, pic below",
            "sunset over the car park tonight, pic below",
            "Pic of my shift pattern for Dec. Pure carnage.",
            "Nan's in the hospital and won't let me take a pic of her, so here's her lunch tray instead",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
