//! Negative generalisations about a group with a protected characteristic.
//!
//! Why this shape: "immigrants are ruining the NHS" or "foreign nurses can't even speak English"
//! contain no slur, so the abuse lexicon cannot see them, yet CWFT 12.2.3, West Suffolk 5 and Cumbria
//! 3.3 ("inciting hatred or discrimination") forbid exactly this. A generalisation is a *group noun*
//! (`data/lexicon/protected_groups.txt`) said to *be* something contemptuous: violent or dehumanising
//! predicates (`hate_predicates.txt`) are High, stereotypes (`stereotype_predicates.txt`) Warn. Calls
//! to expel a group ("should all be sent back", "go back to your own country") are High. Saying a group
//! is *welcome*, *amazing* or *not the problem* matches nothing: the predicate lists are negative only
//! and a "not" breaks the construction.
//!
//! Many prejudiced posts have no "to be": the group is said to *do* something ("polish cleaners always
//! stand round chatting", "the new international nurses stink"), sneered at for their English a few
//! words on ("foreigners in maternity who can't speak a word of English"), told how things are done
//! "in this country", or warned against as thieves ("hide your valuables") anywhere in the post. Each of
//! these is Warn, and a negation between the group and the remark ("aren't", "never") breaks it. A few
//! phrases are contemptuous of a faith or call a colleague a "diversity hire" without naming a group;
//! they are Warn wherever they stand. Hostility said outright *before* a group ("I hate muslims",
//! "can't stand Hindus", "never trust a polish nurse") is Warn, unless a negation comes just before it
//! ("I don't hate …").

use super::text::Lists;
use super::{Candidate, Detector, Input};
use crate::catalogue::words::discrimination::*;
use crate::error::Error;
use crate::finding::Severity;

/// Most fillers between the verb and the predicate.
const MAX_FILLERS: usize = 3;

/// Most words between the group and a stereotyped action ("polish cleaners *always* stand round").
const CONDUCT_GAP: usize = 2;

/// Most words between an outright hostility ("hate", "can't stand") and the group it is aimed at.
const HOSTILITY_GAP: usize = 2;

/// Most words between the group and a sneer about their English or an "in this country we".
const SNEER_GAP: usize = 6;

/// Finds negative generalisations about protected groups.
#[derive(Debug)]
pub struct Discrimination {
    lists: Lists,
}

impl Discrimination {
    /// The detector over its word lists (`data/words/`; compiled at build time).
    pub fn new() -> Result<Self, Error> {
        let lists = Lists::at(LISTS);
        Ok(Discrimination { lists })
    }
}

impl Detector for Discrimination {
    fn detect(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        let text = input.text;
        let hits = self.lists.find(input);
        let by_origin =
            hits.all(ORIGIN).iter().filter_map(|&(s, e)| hits.next(PEOPLE_NOUN, text, e).map(|end| (s, end)));
        let mut groups: Vec<(usize, usize)> = hits.all(GROUP).to_vec();
        groups.extend(by_origin);
        for (start, end) in groups {
            let found = if let Some(e) = hits.next(EXPEL_CALL, text, end) {
                Some((e, Severity::High, "call to expel or punish a protected group"))
            } else if let Some(e) = hits.within_unless(INSINUATION, NEGATION, text, end, 4) {
                Some((e, Severity::Warn, "insinuation of crime or inferiority about a protected group"))
            } else if let Some(e) = hits.within_unless(CONDUCT, NEGATION, text, end, CONDUCT_GAP) {
                Some((e, Severity::Warn, "negative stereotype about a protected group"))
            } else if let Some(e) = hits
                .next(NO_ENGLISH, text, end)
                .or_else(|| hits.within_unless(NO_ENGLISH_SNEER, NEGATION, text, end, SNEER_GAP))
            {
                Some((e, Severity::Warn, "negative stereotype about a protected group"))
            } else if let Some(e) = hits.within_unless(OTHERING, NEGATION, text, end, SNEER_GAP) {
                Some((e, Severity::Warn, "treating a protected group as outsiders"))
            } else if let Some(&(_, e)) = hits.all(THEFT).first() {
                Some((e.max(end), Severity::Warn, "insinuation of crime or inferiority about a protected group"))
            } else {
                hits.within(COPULA, text, end, 2).and_then(|verb| {
                    match hits.through(text, verb, FILLER, MAX_FILLERS, &[HATE_WORD, STEREOTYPE]) {
                        Some((0, e)) => {
                            Some((e, Severity::High, "protected group described in dehumanising or violent terms"))
                        }
                        Some((_, e)) => Some((e, Severity::Warn, "negative stereotype about a protected group")),
                        None => None,
                    }
                })
            };
            if let Some((e, severity, why)) = found {
                out.push(Candidate::new("discriminatory-remark", start, e, why).with_severity(severity));
            }
        }
        for &(start, end) in hits.all(HOSTILITY) {
            let negated = hits.all(NEGATION).iter().any(|&(_, ne)| ne <= start && text[ne..start].trim().is_empty());
            if negated {
                continue;
            }
            // Only fillers ("all the", "a") may stand between: "hate crime against muslims" is no hostility.
            let target = match hits.through(text, end, FILLER, HOSTILITY_GAP, &[GROUP, ORIGIN]) {
                Some((0, e)) => Some(e),
                Some((_, e)) => hits.next(PEOPLE_NOUN, text, e),
                None => None,
            };
            if let Some(e) = target {
                out.push(
                    Candidate::new("discriminatory-remark", start, e, "hostility towards a protected group")
                        .with_severity(Severity::Warn),
                );
            }
        }
        for &(start, end) in hits.all(CONTEMPT) {
            out.push(
                Candidate::new("discriminatory-remark", start, end, "contempt for a protected characteristic")
                    .with_severity(Severity::Warn),
            );
        }
        for &(start, end) in hits.all(HOME) {
            out.push(
                Candidate::new("discriminatory-remark", start, end, "telling people to leave the country")
                    .with_severity(Severity::High),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::run;

    fn worst(text: &str) -> Option<Severity> {
        let d = Discrimination::new().expect("compiles");
        run(&d, text).into_iter().filter_map(|(_, c)| c.severity).max()
    }

    #[test]
    fn positives() {
        for (text, want) in [
            ("Immigrants are a plague on this country", Severity::High),
            ("foreign nurses can't even speak English", Severity::Warn),
            ("The gypsy lot on bay 4 have nicked half the towels", Severity::Warn),
            ("Made a TikTok mocking how our Filipino nurses say 'hospital'", Severity::Warn),
            ("Self-harm is attention seeking. There, I said it.", Severity::Warn),
            ("a quick Band 3 job on our team, no women with young kids please, they're always off", Severity::Warn),
            (
                "When the patient's family are travellers you just know you're getting the silver counted",
                Severity::Warn,
            ),
            ("asylum seekers should all be deported", Severity::High),
            ("Muslims are all terrorists", Severity::High),
            ("trans people are perverts", Severity::High),
            ("tell him to go back to his own country. actually go back to your own country", Severity::High),
            ("Eastern Europeans are lazy", Severity::Warn),
            // Hostility to a religion without a slur (issue 13, item 5).
            ("the jews run the nhs, wake up", Severity::Warn),
            ("catholics are all hypocrites", Severity::Warn),
            ("muslims shouldn't lead the prayers in our chapel", Severity::Warn),
            ("the polish carers always stand round gossiping", Severity::Warn),
            ("nigerian staff stink of garlic", Severity::Warn),
            ("foreign patients in bay 2 who cant speak a word of english", Severity::Warn),
            ("travellers parked up outside A&E, lock your cars", Severity::Warn),
            ("muslim families demanding their own prayer room now", Severity::Warn),
            ("tell the romanian hcas that in this country we turn up on time", Severity::Warn),
            ("she's obviously a diversity hire", Severity::Warn),
            ("religion over science again on the ward", Severity::Warn),
            ("Syrians are cockroaches", Severity::High),
            ("I hate muslims", Severity::Warn),
            ("I can't stand Hindus", Severity::Warn),
            ("honestly sick of all the foreigners in here", Severity::Warn),
            ("never trust polish nurses", Severity::Warn),
            ("Nigerians are all scammers", Severity::Warn),
            ("the jews control the banks", Severity::Warn),
        ] {
            assert_eq!(worst(text), Some(want), "{text}");
        }
    }

    #[test]
    fn negatives() {
        for text in [
            "Refugees are welcome here",
            "Someone nicked my lunch from the staff fridge, the Polish nurses helped me look for it",
            "stop mocking how people talk, our Filipino nurses are brilliant",
            "Self-harm is not attention seeking, it is distress",
            "Count the silver before the Christmas raffle, the travel fund is short",
            "immigrants are the backbone of the NHS",
            "international nurses are amazing, so glad to have them",
            "women are not the problem, the system is",
            "send them back to the ward once obs are done",
            "The disabled parking bays are full again",
            "going to polish the nurses station before the CQC visit",
            "international nurses aren't taking our jobs, they're filling gaps",
            "our international nurses are brilliant, welcome to the team",
            "overseas patients who don't speak english are entitled to an interpreter",
            "Eid Mubarak to all our muslim colleagues",
            "polish patients may prefer leaflets in their own language",
            "In this country we have a duty of candour",
            "hide your valuables, there's been a theft from the staff room",
            "overseas patients who barely speak English deserve interpreters, not judgement",
            "international nurses are taking over the night shift from next week",
            "I don't hate muslims, I hate extremists",
            "I hate the rota, not the polish nurses who cover it",
            "hate crime against muslims is rising, report it",
            "can't stand the heat on the ward today",
        ] {
            assert_eq!(worst(text), None, "{text}");
        }
    }
}
