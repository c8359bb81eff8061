//! Glorifying heavy drinking or drug taking — and being intoxicated at work.
//!
//! Why this shape: Cumbria 3.3 lists "glorifying activities such as excessive drinking or drug taking"
//! among the things staff must not post, and anything that undermines confidence in care brings the
//! Trust into disrepute (CWFT 10.12). A glass of wine, a pint with the team or Dry January is not
//! glorification, and NHS slang reuses the words ("we got hammered in resus tonight" means busy; "I'm
//! wrecked" means tired; "ketamine infusion" is treatment). So: words that only mean heavy drinking or
//! drug use ("off my face", "on the lash", "three-day bender", "did a line of coke") are Warn; words
//! that also mean something else ("hammered", "smashed", "wasted") count only with a drink word in the
//! same sentence; ten pints or more is Warn; being drunk, hungover or high *at work* and taking
//! controlled drugs from the ward are High. Medicines or supplies taken out of work ("codeine left over
//! from work", "the 'spare' diazepam from the CD cupboard") or offered to others ("anyone want some
//! codeine?") are High for controlled drugs and Warn for other stock, unless the sentence is a warning
//! or news ("never take medicines home", "struck off"); drinking "while still on call" is Warn unless
//! the author is staying sober. A question the author answers with a refusal ("drinking games?
//! absolutely not") is dropped. About a patient ("the patient was drunk") it is not the
//! author's glorification, so it is only informational.

use super::text::{next_word, sentence, sentence_break_between, spans_in_sentence, Hits, Lists};
use super::{Candidate, Detector, Input};
use crate::catalogue::class;
use crate::catalogue::words::substances::*;
use crate::error::Error;
use crate::finding::Severity;
use rustc_hash::FxHashMap;

/// Drinks counted as heavy drinking.
const MANY_DRINKS: u32 = 8;
/// Bottles of wine or prosecco counted as heavy drinking.
const MANY_BOTTLES: u32 = 2;
/// Words allowed between being intoxicated and being at work ("still drunk *from last night* on shift").
const WORK_GAP: usize = 8;
/// Words allowed between a medicine or supplies and where they came from ("codeine *I got* from work").
const SOURCE_GAP: usize = 4;

/// Finds glorified drinking and drug use, and intoxication at work.
#[derive(Debug)]
pub struct Substances {
    lists: Lists,
}

impl Substances {
    /// The detector over its word lists (`data/words/`; compiled at build time).
    pub fn new() -> Result<Self, Error> {
        let lists = Lists::at(LISTS);
        Ok(Substances { lists })
    }
}

/// Whether `drunk` or `pissed` at `s..e` means intoxicated: not "I've drunk two litres of water" nor
/// "pissed off with the rota".
fn intoxicated_reading(text: &str, s: usize, e: usize) -> bool {
    let word = &text[s..e];
    let next = next_word(text, e).map(|n| &text[n..super::text::word_end(text, n)]).unwrap_or("");
    let before = text[..s].trim_end();
    let previous = before.rsplit(|c: char| !c.is_ascii_alphanumeric() && c != '\'').next().unwrap_or("");
    match word {
        "pissed" | "still pissed" => next != "off",
        "drunk" => {
            !matches!(previous, "have" | "i've" | "ive" | "has" | "had" | "we've" | "haven't" | "hasn't" | "you've")
                && !matches!(
                    next,
                    "enough" | "any" | "some" | "water" | "coffee" | "tea" | "a" | "my" | "the" | "nothing" | "loads"
                )
        }
        _ => true,
    }
}

/// Whether the author is the one intoxicated: the nearest person word before it in the sentence is
/// the author ("I'm", "we") or there is none ("Came into work still drunk, don't tell matron"), not
/// someone else ("my colleague came in hungover").
fn by_author(input: &Input<'_>, start: usize, end: usize) -> bool {
    let (s, _) = sentence(input.text, start, end);
    let last_before =
        |class| input.context.all(class).iter().filter(|&&(hs, he)| s <= hs && he <= start).map(|&(hs, _)| hs).max();
    match (last_before(class::SELF_REFERENCE), last_before(class::ABUSE_TARGET)) {
        (Some(own), Some(other)) => own > other,
        (_, None) => true,
        (None, Some(_)) => false,
    }
}

/// Whether the author turns the thing down: the hit stands in a question answered with a refusal
/// ("drinking games? absolutely not").
fn declined(text: &str, end: usize) -> bool {
    // The sentence's end, looked for within its bounded reach: a draft with no full stop must not send
    // every hit to the end of the text.
    let (_, q) = sentence(text, end, end);
    if text.as_bytes().get(q) != Some(&b'?') {
        return false;
    }
    let answer = text[q..].trim_start_matches(['?', ' ']);
    let word_end = |w: &str| answer.as_bytes().get(w.len()).is_none_or(|b| !b.is_ascii_alphanumeric());
    ["absolutely not", "hell no", "no", "nope", "not for me", "never", "not a chance"]
        .iter()
        .any(|w| answer.starts_with(w) && word_end(w))
}

/// Whether the sentence is about a patient rather than the author.
fn about_patient(text: &str, start: usize, end: usize) -> bool {
    let (s, e) = sentence(text, start, end);
    text[s..e].contains("patient")
}

impl Detector for Substances {
    fn detect(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        let text = input.text;
        let hits = self.lists.find(input);
        let mut found: Vec<(usize, usize, &'static str)> = Vec::new();
        found.extend(
            hits.all(BINGE_WORD).iter().map(|&(s, e)| (s, e, "words that only mean heavy drinking or drug use")),
        );
        found.extend(hits.all(DRUG_PHRASE).iter().map(|&(s, e)| (s, e, "drug-taking phrase")));
        for &(s, e) in hits.all(INTOX) {
            let pissed_off =
                text[s..e].starts_with("pissed") && next_word(text, e).is_some_and(|n| text[n..].starts_with("off"));
            if spans_in_sentence(hits.all(DRINK), text, s, e) && !pissed_off {
                found.push((s, e, "intoxication word beside a drink word"));
            }
        }
        // Each many-word by where it ends ("a dozen| pints"), so a unit finds the one just before it
        // by a lookup rather than a pass over all of them; the first in text order wins, as before.
        let mut many_by_end: FxHashMap<usize, usize> = FxHashMap::default();
        for &(ms, me) in hits.all(MANY_WORD) {
            many_by_end.entry(me).or_insert(ms);
        }
        for &(s, e) in hits.all(UNIT) {
            // The number just before: "12 pints", "twelve pints".
            let before = text[..s].trim_end_matches(' ');
            let number_start = before.len() - before.bytes().rev().take_while(u8::is_ascii_digit).count();
            let heavy = if text[s..e].starts_with("bottles") { MANY_BOTTLES } else { MANY_DRINKS };
            if before[number_start..].parse::<u32>().is_ok_and(|n| n >= heavy) {
                found.push((number_start, e, "a large number of drinks"));
            } else if let Some(&ms) = many_by_end.get(&text[..s].trim_end().len()) {
                found.push((ms, e, "a large number of drinks"));
            }
        }
        for &(s, e) in hits.all(RECREATIONAL) {
            if spans_in_sentence(hits.all(PARTY), text, s, e) {
                found.push((s, e, "recreational drug on a night out"));
            }
        }
        for &(s, e) in hits.all(USE) {
            let p = hits.skip(AMOUNT, text, e, 1);
            if let Some(end) = hits.next(DRUG, text, p) {
                found.push((s, end, "taking a recreational drug"));
            }
        }
        for (start, end, why) in found {
            if declined(text, end) {
                continue;
            }
            let c = if about_patient(text, start, end) {
                Candidate::new(
                    "substance-glorification",
                    start,
                    end,
                    "drink or drug words about a patient, not the author",
                )
                .with_severity(Severity::Info)
            } else {
                Candidate::new("substance-glorification", start, end, why)
            };
            out.push(c);
        }
        // Intoxicated at work, said by the author: High.
        for &(s, e) in hits.all(UNFIT_WORD) {
            if !intoxicated_reading(text, s, e) {
                continue;
            }
            let after = hits.within(AT_WORK, text, e, WORK_GAP).map(|end| (s, end));
            let before = hits
                .all(AT_WORK)
                .iter()
                .find(|&&(_, we)| {
                    we <= s
                        && !sentence_break_between(text, we, s)
                        && text[we..s].split_whitespace().count() <= WORK_GAP
                })
                .map(|&(ws, _)| (ws, e));
            let Some((start, end)) = after.or(before) else { continue };
            if by_author(input, start, end) && !about_patient(text, start, end) {
                out.push(
                    Candidate::new("substance-glorification", start, end, "author intoxicated at work")
                        .with_severity(Severity::High),
                );
            }
        }
        for &(s, e) in hits.all(TAKING) {
            if let Some(end) = hits.within(CONTROLLED_DRUG, text, e, 2) {
                out.push(
                    Candidate::new("substance-glorification", s, end, "taking controlled drugs from work")
                        .with_severity(Severity::High),
                );
            }
        }
        self.work_stock(input, &hits, out);
        // Drinking while on call: "great night out, half of us still on call".
        for &(s, e) in hits.all(ON_CALL) {
            let drinking = [DRINK, BINGE_WORD, INTOX].iter().any(|&l| spans_in_sentence(hits.all(l), text, s, e));
            if drinking && !spans_in_sentence(hits.all(SOBER), text, s, e) && !about_patient(text, s, e) {
                out.push(Candidate::new("substance-glorification", s, e, "drinking while on call"));
            }
        }
    }
}

impl Substances {
    /// Medicines or clinical supplies taken out of work, kept back or offered to others: "codeine left
    /// over from work", "lip filler using supplies from work", "the 'spare' diazepam from the CD
    /// cupboard", "anyone want some codeine?". High for controlled drugs, Warn for other stock.
    fn work_stock(&self, input: &Input<'_>, hits: &Hits<'_>, out: &mut Vec<Candidate>) {
        let text = input.text;
        let mut push = |s: usize, e: usize, controlled: bool, why: &'static str| {
            let severity = if about_patient(text, s, e) {
                Severity::Info
            } else if controlled {
                Severity::High
            } else {
                Severity::Warn
            };
            out.push(Candidate::new("substance-glorification", s, e, why).with_severity(severity));
        };
        for (list, controlled) in [(CONTROLLED_DRUG, true), (STOCK, false)] {
            for &(s, e) in hits.all(list) {
                if spans_in_sentence(hits.all(WARNING), text, s, e) {
                    continue;
                }
                if let Some(end) = hits.within(FROM_WORK, text, e, SOURCE_GAP) {
                    push(s, end, controlled, "medicines or supplies taken from work");
                    continue;
                }
                // "spare" or "leftover" just before, and a drug store in the same sentence. The nearest
                // such word before the drug is the one with fewest words and no sentence break between,
                // so it alone decides; its words are counted only as far as three.
                let spares = hits.all(SPARE);
                let nearest = spares[..spares.partition_point(|h| h.0 < s)].iter().rev().find(|h| h.1 <= s);
                let spare = nearest.is_some_and(|&(_, pe)| {
                    text[pe..s].split_whitespace().take(3).count() <= 2 && !sentence_break_between(text, pe, s)
                });
                if spare && spans_in_sentence(hits.all(FROM_STORE), text, s, e) {
                    push(s, e, controlled, "spare medicines kept back from the ward");
                }
            }
        }
        for &(s, e) in hits.all(OFFER) {
            if let Some(end) = hits.within(CONTROLLED_DRUG, text, e, 2) {
                push(s, end, true, "offering medicines to others");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::run;

    fn worst(text: &str) -> Option<Severity> {
        run(&Substances::new().expect("compiles"), text)
            .into_iter()
            .map(|(_, c)| c.severity.unwrap_or(Severity::Warn))
            .max()
    }

    #[test]
    fn positives() {
        for (text, want) in [
            ("Absolutely off my face after the Christmas do", Severity::Warn),
            ("Three day bender with the ward girls, on the lash again tonight", Severity::Warn),
            ("got absolutely smashed on tequila last night", Severity::Warn),
            ("12 pints and a kebab, living the dream", Severity::Warn),
            ("3 bottles of prosecco each, no regrets", Severity::Warn),
            ("Came into work still drunk from the festival, don't tell matron", Severity::High),
            ("did a line of coke in the toilets at the leaving do", Severity::Warn),
            ("I'm still drunk from last night on shift now lol", Severity::High),
            ("nicked some oramorph from the ward to help me sleep", Severity::High),
            ("Still hanging from Saturday, had to do the drug round with my sunglasses on", Severity::High),
            ("Bit of ket at the afterparty never hurt anyone", Severity::Warn),
            ("nothing beats a cheeky gram on my day off", Severity::Warn),
            ("420 blaze it after a long day in theatres", Severity::Warn),
            ("still hammered from last night, turned up for my long day like it was nothing", Severity::High),
            ("anyone want some codeine? DM me", Severity::High),
            ("got loads of oramorph left over from work", Severity::High),
            ("a couple of the 'spare' diazepam from the CD cupboard sorts your sleep out", Severity::High),
            ("did my own lip filler using supplies from work", Severity::Warn),
            ("great night out with the team, half of us still on call", Severity::Warn),
        ] {
            assert_eq!(worst(text), Some(want), "{text}");
        }
    }

    #[test]
    fn negatives() {
        for text in [
            "we got hammered in resus tonight, 6 traumas",
            "I'm wrecked after that shift",
            "ketamine infusion started for the patient's pain",
            "ketamine and midazolam drawn up for the procedure",
            "party on the ward for Doris's 100th birthday, cake for everyone",
            "Our new clinic opens at 12 High Street next month",
            "steaming hot tea on the ward at 4am, bliss",
            "hanging the bunting on the ward for the jubilee",
            "came into work still buzzing from the awards night",
            "I've drunk two litres of water on shift today, proud of myself",
            "so pissed off at work today, the rota is a mess",
            "lovely glass of wine with dinner",
            "Dry January starts tomorrow",
            "pissed off with the rota again",
            "absolutely smashed my exam today",
            "a pint of milk and a coke zero please",
            "gave 3 pints of blood in theatre",
            "my colleague came into work hungover again",
            "two bottles of water on the go during this heatwave",
            "a gram of paracetamol every six hours, max four grams a day",
            "IV line tissued again, third cannula of the night",
            "a bag of saline and a line in, sorted",
            "still hammered in resus, 4 ambulances queued",
            "grabbed the diazepam from the CD cupboard for bed 6",
            "took some codeine for my back, feeling better",
            "gutted to miss the christmas do, still on call",
            "on call all weekend, send coffee",
            "collected the dressings from the store room for the new unit",
            "reminder to staff: never take medicines home from work, report any spare stock to pharmacy",
            "nurse struck off for stealing codeine from work",
            "drinking games? absolutely not. drinking WATER games? ward champion",
        ] {
            assert_eq!(worst(text), None, "{text}");
        }
    }

    #[test]
    fn a_question_answered_yes_still_counts() {
        assert_eq!(worst("drinking games? yes please, on the lash till 4am"), Some(Severity::Warn));
    }

    #[test]
    fn about_a_patient_it_is_informational() {
        assert_eq!(worst("patient came in absolutely smashed on vodka"), Some(Severity::Info));
    }
}
