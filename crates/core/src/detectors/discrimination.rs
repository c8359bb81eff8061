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

use super::text::Lists;
use super::{Candidate, Detector, Input};
use crate::error::Error;
use crate::finding::Severity;

const GROUPS: &str = include_str!("../../data/lexicon/protected_groups.txt");
const HATE: &str = include_str!("../../data/lexicon/hate_predicates.txt");
const STEREOTYPES: &str = include_str!("../../data/lexicon/stereotype_predicates.txt");

const COPULAS: &str = "are\nis\nwere\n're";
const FILLERS: &str = "all\njust\na\nan\nthe\nsuch\nso\ntotal\ncomplete\nabsolute\nbunch of\nlike\nfucking\nbloody\nnothing but\nbasically\nliterally\nalways\nsimply";
/// Calls to expel or punish a group, written straight after it.
const EXPEL: &str = "should be deported\nshould all be deported\nneed to be deported\nmust be deported\nshould be sent back\nshould all be sent back\nshould go back\nshould all go back\nshould go home\nshould be sent home\nneed to go back\nneed to go home\nshould be banned\nshould be kicked out\nshould be thrown out\nshould be locked up\nshould be shot\nshould all be shot";
/// Language put-downs, written straight after the group (Warn).
const ENGLISH: &str = "can't speak english\ncant speak english\ncannot speak english\ncan not speak english\ncan't even speak english\ncant even speak english\ndon't speak english\ndon't even speak english\ncan't speak proper english\ncan't even speak proper english\ncan't speak basic english";
/// Telling people to leave the country, wherever it stands.
const GO_HOME: &str = "go back to your own country\ngo back to your country\ngo back to their own country\ngo back to their country\ngo back where you came from\ngo back where they came from\nsend them back home\nsend them all back home\nsend them back where they came from\nsend them all back where they came from\nsend em all back\nsend them all back";

/// Insinuating crime or inferiority, a few words after the group (Warn).
const INSINUATIONS: &str = "can't be proper\ncannot be proper\ncan't be real\naren't real\nare not real\ncan't be good\nwill never be proper\nget all the\nalways get\nget special treatment\nget preferential treatment\nget away with\nclogging up\nblocking beds\nbed blocking\ntaking up beds\na waste of beds\nlock up your cars\nlock up your valuables\nhide your valuables\nhide your purses\nwatch your wallets\nwatch your cars\ncount the spoons\nnothing is safe\naren't as good\nare not as good\narent as good\naren't cut out for\nare not cut out for\nshouldn't be allowed to\nshould not be allowed to\ndon't belong in\ndo not belong in\ncan't handle\nare worse at\nare no good at\nare useless at\nshouldn't be doctors\nshouldn't be nurses\nshouldn't be surgeons";

/// Nationality, ethnicity or faith written before a noun ("Romanian carers", "Filipino nurses").
const ORIGINS: &str = "romanian\npolish\nnigerian\nindian\nfilipino\npakistani\nbangladeshi\nghanaian\nzimbabwean\neastern european\nafrican\nasian\nchinese\nmuslim\njewish\nhindu\nsikh\nblack\nforeign\nimmigrant\nmigrant\ngay\ntrans";
/// People nouns after an origin word.
const PEOPLE_NOUNS: &str = "carers\nnurses\ndoctors\nstaff\nworkers\ncleaners\nhcas\nporters\npeople\npatients\nfamilies\nwomen\nmen\ncolleagues\nstudents";

const GROUP: usize = 0;
const HATE_WORD: usize = 1;
const STEREOTYPE: usize = 2;
const COPULA: usize = 3;
const FILLER: usize = 4;
const EXPEL_CALL: usize = 5;
const NO_ENGLISH: usize = 6;
const HOME: usize = 7;
const INSINUATION: usize = 8;
const ORIGIN: usize = 9;
const PEOPLE_NOUN: usize = 10;

/// Most fillers between the verb and the predicate.
const MAX_FILLERS: usize = 3;

/// The word lists, in the order of their indices: compiled with every other list into the shared
/// vocabulary (`super::vocabulary`).
pub(super) const WORDS: &[&str] =
    &[GROUPS, HATE, STEREOTYPES, COPULAS, FILLERS, EXPEL, ENGLISH, GO_HOME, INSINUATIONS, ORIGINS, PEOPLE_NOUNS];

/// Finds negative generalisations about protected groups.
#[derive(Debug)]
pub struct Discrimination {
    lists: Lists,
}

impl Discrimination {
    /// Compiles the word lists.
    pub fn new() -> Result<Self, Error> {
        let lists = super::vocabulary::DISCRIMINATION;
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
            } else if let Some(e) = hits.within(INSINUATION, text, end, 4) {
                Some((e, Severity::Warn, "insinuation of crime or inferiority about a protected group"))
            } else if let Some(e) = hits.next(NO_ENGLISH, text, end) {
                Some((e, Severity::Warn, "negative stereotype about a protected group"))
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
            ("asylum seekers should all be deported", Severity::High),
            ("Muslims are all terrorists", Severity::High),
            ("trans people are perverts", Severity::High),
            ("tell him to go back to his own country. actually go back to your own country", Severity::High),
            ("Eastern Europeans are lazy", Severity::Warn),
        ] {
            assert_eq!(worst(text), Some(want), "{text}");
        }
    }

    #[test]
    fn negatives() {
        for text in [
            "Refugees are welcome here",
            "immigrants are the backbone of the NHS",
            "international nurses are amazing, so glad to have them",
            "women are not the problem, the system is",
            "send them back to the ward once obs are done",
            "The disabled parking bays are full again",
        ] {
            assert_eq!(worst(text), None, "{text}");
        }
    }
}
