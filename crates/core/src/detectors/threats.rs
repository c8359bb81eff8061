//! Threats, calls to violence, encouragement of self-harm, and harassment campaigns.
//!
//! Why this shape: Cumbria 3.3 lists "encouraging self-harm or violence" and bullying among the
//! safeguarding issues staff must never post, and harassment is a criminal matter (Protection from
//! Harassment Act 1997, cited in Cumbria's summary). NHS humour is full of hyperbole — "I could kill for
//! a coffee", "this shift is killing me", "going to smash this exam" — so a threat needs a *violent verb
//! aimed at a person* ("I'll batter him", "someone should punch that consultant"), and is High only when
//! the person is specific; "the next person who says the Q word" is Warn. Self-harm encouragement
//! ("kys", "go and kill yourself", "hope she dies") is always High. Harassment is an *invitation to
//! target* someone ("let's all report her", "name and shame", "here's his address").

use super::text::{next_word, Lists};
use super::{Candidate, Detector, Input};
use crate::error::Error;
use crate::finding::Severity;

/// What a threat starts with.
const LEADS: &str = "i'd happily\ni would happily\ni'd gladly\ni could happily\ni'd love to\nwish someone would\ni wish someone would\nsomebody needs to\nsomeone ought to\ni'll\ni will\ni'm going to\nim going to\ni am going to\ni'm gonna\nim gonna\ngonna\ni swear i'll\ni want to\ni'd love to\nsomeone should\nsomeone needs to\nsomebody should\nwe should\nlet's\nlets";
/// Violent verbs.
const VIOLENCE: &str = "end\nbury\nkick his head in\nkick her head in\nthrow something\nthrow the phone\nthrow\npush\nshove\ntrip\nknock\nfloor\nkill\nmurder\nstab\nshoot\nstrangle\nbatter\npunch\ndeck\nslap\nsmack\nknock out\nkick\nhurt\nbeat up\nbeat\nthump\nlamp\nglass\nbottle\nheadbutt\nthrottle\nchoke\nsmash\ntwat\nknife\nrun over\nsort out\ndo in\nburn";
/// Specific people a threat is aimed at (High).
const PEOPLE: &str = "at her head\nat his head\nat her\nat him\nat you\nat them\nyou\nu\nya\nhim\nher\nthem\nhis face\nher face\nyour face\nhis head\nher head\nyour head\nyour teeth\nhis teeth\nher teeth";
/// Determiners that make a role specific ("*that* consultant").
const DETERMINERS: &str = "that\nthe\nthis\nyour\nhis\nher\ntheir";
/// People and body parts after a determiner.
const ROLES: &str = "woman\nman\nguy\nbloke\nconsultant*\nnurse*\nmanager*\nmatron\npatient*\nrelative*\ndoctor*\nreg\nregistrar\nidiot\ncow\nprat\nbitch\ntwat\nreceptionist\nporter\nsurgeon\nceo\nboss\nfamily\nhusband\nwife\nson\ndaughter\nface\nhead\nteeth\nlegs\nneck\ncar";
/// Whoever comes next (Warn).
const GENERIC: &str = "the next person\nthe next one\nthe next patient\nthe next relative\nthe next manager\nthe next idiot\nthe next doctor\nthe next nurse\nwhoever\nanyone who\nanybody who\nsomeone\nsomebody\neveryone";
/// Menacing phrases wherever they stand (High).
const MENACE: &str = "i know where you live\ni know where he lives\ni know where she lives\ni know where they live\ni know where you park\nyou'll regret this\nyou'll regret it\nyou will regret this\nyou'll pay for this\nyou will pay for this\nwait for you in the car park\ncatch you in the car park\ncatch him in the car park\ncatch her in the car park\ncatch you outside\ncatch you after work\ndeserves a good slap\ndeserves a slap\ndeserves a punch\ndeserves a kicking\ndeserves a good kicking\ndeserves a beating\ndeserves a good hiding\nneeds a good slap\nneeds a slap\nneeds a punch\nneeds a kicking\nneeds a good kicking\nshould be shot\nshould be hanged\nshould be hung\nshould be strung up\nshould be lynched\nshould be killed\nshould be put down\nshould be gassed\nshould be beaten up\nshould be stabbed\nought to be shot";
/// Encouraging self-harm, wherever it stands (High).
const SELF_HARM: &str = "nobody would miss you\nno one would miss you\nnobody will miss you\nno one will miss you\nthe world would be better without you\nthe world would be better off without you\nwe'd all be better off without you\ndo everyone a favour and die\ndo us all a favour and die\ndo the world a favour and die\nend it all\ntop yourself\ngo top yourself\noff yourself\nunalive yourself\ngo unalive yourself\njump in front of a train\nkys\nkill yourself\nkill urself\nkill your self\ngo kill yourself\ngo and kill yourself\njust kill yourself\ngo hang yourself\njust hang yourself\nneck yourself\ngo neck yourself\nhang yourself\nslit your wrists\ndrink bleach\njump off a bridge\njump off a cliff\njump off a building\ngo die\ngo and die\nhope you die\nhope u die\nhope he dies\nhope she dies\nhope they die\nhope you rot\nhope he rots\nhope she rots\nhope you get cancer\nhope he gets cancer\nhope she gets cancer\nyou should die\nyou should just die\nhe should just die\nshe should just die\nyou should kill yourself\nyou should just kill yourself\nhe should kill himself\nshe should kill herself";
/// Invitations to target or expose someone, wherever they stand.
const HARASSMENT: &str = "name and shame\nnaming and shaming\ndox\ndoxx\ndoxxed\ndoxed\ndoxxing\ndoxing\nher address is\nhis address is\ntheir address is\nher home address is\nhis home address is\nhere's his number\nhere's her number\nheres his number\nheres her number\nhere's his address\nhere's her address\nheres his address\nheres her address\nmake his life hell\nmake her life hell\nmake their life hell\nmake his life a misery\nmake her life a misery\nget him sacked\nget her sacked\nget them sacked\nget him fired\nget her fired\nget him struck off\nget her struck off\nhave him struck off\nhave her struck off\nruin his career\nruin her career\nruin his life\nruin her life\nwon't leave her alone\nwon't leave him alone";
/// Who invites a pile-on.
const PILE_LEADS: &str = "everyone go and\neverybody go and\nall go and\nlet's\nlets\nlet's all\nlets all\neveryone\neverybody\nall of you\ngo and\neveryone go";
/// What a pile-on does.
const PILE_VERBS: &str = "leave one star reviews\nleave 1 star reviews\nleave bad reviews\none star\nreview bomb\nsend\nleave\nreport\nflood\nspam\nmessage\ndm\ntag\ntroll\npile on\nbombard\nhound";
/// Whom a pile-on targets.
const PILE_TARGETS: &str = "her business\nhis business\nher page\nhis page\nher account\nhis account\nher\nhim\nthem\nthis guy\nthis woman\nthis idiot\nthat guy\nthat woman\nthat idiot";

/// Wishing harm on someone ("I hope you choke on it").
const HOPES: &str = "let them\nlet him\nlet her\nhope you\nhope u\nhope he\nhope she\nhope they\nhope that\nhope the";
const HARMS: &str = "gets keyed\nget keyed\ngets vandalised\ngets torched\nburns down\ngets smashed up\ngets run over\nchoke\nchokes\ndie\ndies\nrot\nrots\nsuffer\nsuffers\nburn\nburns\nget cancer\ngets cancer\nget hit by a bus\ngets hit by a bus\nget run over\ngets run over\ndrop dead\ndrops dead\ncrash\ncrashes\nget what's coming\ngets what's coming\nget what you deserve\nget what they deserve\nget sacked\ngets sacked\nlose your job\nloses her job\nloses his job";

/// A violent reprisal promised to whoever comes next ("next relative who asks gets a slap"): Warn.
const REPRISALS: &str = "should be left to die\nleave them to die\nlet them rot\nlet him rot\nlet her rot\ndeserve to die\ndeserves to die\ndeserve to get sick and die\ndeserve to get sick\ndeserves to get sick\ngets a slap\nget a slap\ngetting a slap\ngets slapped\ngets a punch\ngets punched\ngets decked\ngets battered\ngets a smack\ngets smacked\ngets a kicking\ngets knocked out\nis getting slapped\nis getting decked";

/// "Watch your back" is menacing only when it ends the sentence: "watch your back when lifting" is advice.
const WATCH_BACK: &str = "watch your back\nwatch his back\nwatch her back\nbetter watch your back\nwatch ur back";

/// Words between the wish and the harm ("hope *the ward manager's car* gets keyed").
const HOPE_GAP: usize = 4;

const LEAD: usize = 0;
const VIOLENT: usize = 1;
const PERSON: usize = 2;
const DETERMINER: usize = 3;
const ROLE: usize = 4;
const WHOEVER: usize = 5;
const MENACING: usize = 6;
const SELF_HARMING: usize = 7;
const HARASSING: usize = 8;
const PILE_LEAD: usize = 9;
const PILE_VERB: usize = 10;
const PILE_TARGET: usize = 11;
const HOPE: usize = 12;
const HARM: usize = 13;
const EXPOSE: usize = 14;
const GRIEVANCE: usize = 15;
const WATCHING: usize = 16;
const REPRISAL: usize = 17;

/// Naming or locating someone …
const EXPOSING: &str = "her name is\nhis name is\ntheir name is\nher real name is\nhis real name is\nshe works at\nhe works at\nshe works on\nhe works on\nshe works nights\nhe works nights\nthis is the nurse who\nthis is the doctor who\nthis is the woman who\nthis is the man who\nthis is the manager who\nthis is her\nthis is him";
/// … in a post about a grievance against them.
const GRIEVANCES: &str = "reported me\ngrassed\ngrassed me up\nsnitched\nsnitched on me\ncomplained about me\ngot me sacked\ngot me suspended\ngot me in trouble\nthe one who\nwho did this";

/// The word lists, in the order of their indices: compiled with every other list into the shared
/// vocabulary (`super::vocabulary`).
pub(super) const WORDS: &[&str] = &[
    LEADS,
    VIOLENCE,
    PEOPLE,
    DETERMINERS,
    ROLES,
    GENERIC,
    MENACE,
    SELF_HARM,
    HARASSMENT,
    PILE_LEADS,
    PILE_VERBS,
    PILE_TARGETS,
    HOPES,
    HARMS,
    EXPOSING,
    GRIEVANCES,
    WATCH_BACK,
    REPRISALS,
];

/// Finds threats, self-harm encouragement and harassment.
#[derive(Debug)]
pub struct Threats {
    lists: Lists,
}

impl Threats {
    /// Compiles the word lists.
    pub fn new() -> Result<Self, Error> {
        let lists = super::vocabulary::THREATS;
        Ok(Threats { lists })
    }
}

/// An `@mention` or `dr smith` starting at the next word: its end.
fn named(text: &str, pos: usize) -> Option<usize> {
    let s = next_word(text, pos)?;
    let word_end =
        |from: usize| from + text[from..].bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'_').count();
    if text.as_bytes()[s] == b'@' {
        let e = word_end(s + 1);
        return (e > s + 1).then_some(e);
    }
    let title = ["dr ", "mr ", "mrs ", "ms "].iter().find(|t| text[s..].starts_with(**t))?;
    let e = word_end(s + title.len());
    (e > s + title.len()).then_some(e)
}

impl Detector for Threats {
    fn detect(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        let text = input.text;
        let hits = self.lists.find(input);
        for &(start, end) in hits.all(LEAD) {
            // "I'll *properly* batter him": one word may stand between the lead and the verb.
            let verb = hits.next(VIOLENT, text, end).or_else(|| {
                let s = next_word(text, end)?;
                hits.next(VIOLENT, text, super::text::word_end(text, s))
            });
            let Some(verb) = verb else { continue };
            let target = if let Some(e) = hits.next(WHOEVER, text, verb) {
                Some((e, Severity::Warn, "violent verb aimed at whoever comes next"))
            } else if let Some(e) = hits.within(PERSON, text, verb, 3).or_else(|| named(text, verb)) {
                Some((e, Severity::High, "violent verb aimed at a specific person"))
            } else {
                hits.next(DETERMINER, text, verb)
                    .and_then(|d| hits.next(ROLE, text, d).or_else(|| hits.within(ROLE, text, d, 1)))
                    .map(|e| (e, Severity::High, "violent verb aimed at a specific person"))
            };
            if let Some((e, severity, why)) = target {
                out.push(Candidate::new("threat-violence", start, e, why).with_severity(severity));
            }
        }
        for &(start, end) in hits.all(HOPE) {
            if let Some(e) = hits.within(HARM, text, end, HOPE_GAP) {
                out.push(Candidate::new("threat-violence", start, e, "wishing harm on someone"));
            }
        }
        if hits.any(GRIEVANCE) {
            for &(start, end) in hits.all(EXPOSE) {
                out.push(Candidate::new(
                    "harassment",
                    start,
                    end,
                    "naming or locating someone the post has a grievance against",
                ));
            }
        }
        for &(start, end) in hits.all(REPRISAL) {
            out.push(
                Candidate::new("threat-violence", start, end, "violent reprisal promised")
                    .with_severity(Severity::Warn),
            );
        }
        for &(start, end) in hits.all(WATCHING) {
            if next_word(text, end).is_none() {
                out.push(
                    Candidate::new("threat-violence", start, end, "menacing phrase").with_severity(Severity::High),
                );
            }
        }
        for &(start, end) in hits.all(MENACING) {
            out.push(Candidate::new("threat-violence", start, end, "menacing phrase").with_severity(Severity::High));
        }
        for &(start, end) in hits.all(SELF_HARMING) {
            out.push(Candidate::new("self-harm-encouragement", start, end, "phrase encouraging self-harm"));
        }
        for &(start, end) in hits.all(HARASSING) {
            out.push(Candidate::new("harassment", start, end, "invitation to target or expose a person"));
        }
        for &(start, end) in hits.all(PILE_LEAD) {
            let Some(verb) = hits.next(PILE_VERB, text, end).or_else(|| hits.within(PILE_VERB, text, end, 1)) else {
                continue;
            };
            if let Some(e) = hits.within(PILE_TARGET, text, verb, 3).or_else(|| named(text, verb)) {
                out.push(Candidate::new("harassment", start, e, "invitation to pile on a person"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::run;

    fn found(text: &str) -> Vec<(&'static str, Option<Severity>)> {
        run(&Threats::new().expect("compiles"), text).into_iter().map(|(_, c)| (c.rule, c.severity)).collect()
    }

    #[test]
    fn positives() {
        for (text, rule) in [
            ("if he does that again I'll batter him", "threat-violence"),
            ("someone should punch that consultant", "threat-violence"),
            ("I'm going to kill the next person who says the Q word", "threat-violence"),
            ("I know where you live", "threat-violence"),
            ("see you in the car park @jon_b. watch your back", "threat-violence"),
            ("she deserves a good slap", "threat-violence"),
            ("honestly just kys", "self-harm-encouragement"),
            ("go and kill yourself", "self-harm-encouragement"),
            ("hope he dies in his sleep", "self-harm-encouragement"),
            ("let's all report her account", "harassment"),
            ("time to name and shame", "harassment"),
            ("here's his address if anyone wants a word", "harassment"),
        ] {
            assert!(found(text).iter().any(|f| f.0 == rule), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn severity_depends_on_the_target() {
        assert!(found("I'll smash your face in").contains(&("threat-violence", Some(Severity::High))));
        assert!(found("I'll kill the next person who says quiet").contains(&("threat-violence", Some(Severity::Warn))));
    }

    #[test]
    fn negatives() {
        for text in [
            "I could kill for a coffee right now",
            "Watch your back when lifting, use the hoist, your spine will thank you",
            "this night shift is killing me",
            "going to smash this exam tomorrow",
            "we should kill the lights in bay 2 so they can sleep",
            "I'll kill it at the interview",
            "hope he gets well soon",
            "patient was told to report any chest pain",
            "please report her fall on Datix",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
