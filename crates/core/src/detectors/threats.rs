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

use super::text::compile;
use super::{Candidate, Detector, Input};
use crate::error::Error;
use crate::finding::Severity;
use regex::Regex;

/// Violent verbs.
const VIOLENCE: &str = r"kill|murder|stab|shoot|strangle|batter|punch|deck|slap|smack|knock\s+out|kick|hurt|beat\s+up|beat|thump|lamp|glass|bottle|headbutt|throttle|choke|smash|twat|knife|run\s+over|sort\s+out|do\s+in|burn";

/// Who a threat is aimed at: specific people (High) …
const SPECIFIC: &str = r"you|u|ya|him|her|them|his\s+(?:face|head)|her\s+(?:face|head)|your\s+(?:face|head)|that\s+(?:\w+\s+)?(?:woman|man|guy|bloke|consultant|nurse|manager|matron|patient|relative|doctor|reg|registrar|idiot|cow|prat|bitch|twat|receptionist|porter|surgeon)|the\s+(?:\w+\s+)?(?:manager|matron|consultant|patient|relative|ceo|boss|reg|registrar|nurse|doctor|porter|family|husband|wife|son|daughter)s?|@\w+|dr\s+\w+|mr\s+\w+|mrs\s+\w+|ms\s+\w+";
/// … or whoever comes next (Warn).
const GENERIC: &str = r"the\s+next\s+(?:person|one|patient|relative|manager|idiot|doctor|nurse)|whoever|anyone\s+who|anybody\s+who|someone|somebody|everyone";

/// Finds threats, self-harm encouragement and harassment.
#[derive(Debug)]
pub struct Threats {
    /// Group `specific` or `generic` says whom a threat is aimed at.
    threat: Regex,
    self_harm: Regex,
    harassment: Regex,
}

impl Threats {
    /// Compiles the patterns.
    pub fn new() -> Result<Self, Error> {
        let threat = format!(
            r"(?-u)\b(?:(?:i'll|ill|i\s+will|i'm\s+going\s+to|im\s+going\s+to|i'm\s+gonna|im\s+gonna|i\s+am\s+going\s+to|gonna|i\s+swear\s+i'll|i\s+want\s+to|i'd\s+love\s+to|someone\s+should|someone\s+needs\s+to|somebody\s+should|we\s+should|let's|lets)\s+(?:\w+\s+)?(?:{VIOLENCE})\s+(?:(?P<specific>{SPECIFIC})|(?P<generic>{GENERIC}))\b|(?P<menace>i\s+know\s+where\s+(?:you|he|she|they)\s+(?:live|lives|park|parks)|watch\s+(?:your|his|her|their)\s+back|you'?(?:ll|\s+will)\s+(?:regret|pay\s+for)\s+(?:this|it|that)|(?:wait|catch)\s+(?:for\s+)?(?:you|him|her|them)\s+(?:in\s+the\s+car\s*park|outside|after\s+(?:work|shift))|(?:deserves?|deserved|needs?)\s+(?:a\s+)?(?:good\s+)?(?:slap|punch|kicking|beating|hiding|smack|battering)|(?:should|ought\s+to)\s+be\s+(?:shot|hanged|hung|strung\s+up|lynched|killed|put\s+down|gassed|beaten\s+up|stabbed)))\b"
        );
        let self_harm = r"(?-u)\b(?:kys|kill\s+(?:yo)?urself|kill\s+your\s+self|(?:go|just)\s+(?:and\s+)?(?:kill|hang|neck)\s+(?:yo)?urself|neck\s+yourself|hang\s+yourself|slit\s+your\s+wrists|drink\s+bleach|jump\s+off\s+a\s+(?:bridge|cliff|building)|go\s+(?:and\s+)?die|hope\s+(?:you|u|he|she|they)\s+(?:dies?|rots?|gets?\s+cancer|chokes?)|(?:you|he|she|they)\s+should\s+(?:just\s+)?(?:die|kill\s+(?:yourself|himself|herself|themselves)|end\s+it))\b";
        let harassment = r"(?-u)\b(?:(?:let's|lets|everyone|everybody|all\s+of\s+you|go\s+and|go)\s+(?:all\s+)?(?:report|flood|spam|message|dm|tag|troll|pile\s+on|bombard|hound|tell\s+off)\s+(?:her|him|them|this\s+\w+|that\s+\w+|@\w+)|name\s+and\s+shame|doxx?(?:ed|ing)?|(?:his|her|their)\s+(?:home\s+)?address\s+is|here'?s\s+(?:his|her|their)\s+(?:number|address|phone\s+number)|make\s+(?:his|her|their)\s+life\s+(?:hell|a\s+misery|a\s+living\s+hell)|(?:get|have)\s+(?:him|her|them)\s+(?:sacked|fired|struck\s+off)|ruin\s+(?:his|her|their)\s+(?:career|life|reputation)|won'?t\s+leave\s+(?:him|her|them)\s+alone)\b";
        Ok(Threats {
            threat: compile("threat pattern", &threat)?,
            self_harm: compile("self-harm pattern", self_harm)?,
            harassment: compile("harassment pattern", harassment)?,
        })
    }
}

impl Detector for Threats {
    fn detect(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        let text = input.text;
        for caps in self.threat.captures_iter(text) {
            let Some(m) = caps.get(0) else { continue };
            let (severity, why) = if caps.name("specific").is_some() {
                (Severity::High, "violent verb aimed at a specific person")
            } else if caps.name("menace").is_some() {
                (Severity::High, "menacing phrase")
            } else {
                (Severity::Warn, "violent verb aimed at whoever comes next")
            };
            out.push(
                Candidate::new("threat-violence", m.start(), m.end(), why).with_severity(severity),
            );
        }
        for m in self.self_harm.find_iter(text) {
            out.push(Candidate::new(
                "self-harm-encouragement",
                m.start(),
                m.end(),
                "phrase encouraging self-harm",
            ));
        }
        for m in self.harassment.find_iter(text) {
            out.push(Candidate::new(
                "harassment",
                m.start(),
                m.end(),
                "invitation to target or expose a person",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::run;

    fn found(text: &str) -> Vec<(&'static str, Option<Severity>)> {
        run(&Threats::new().expect("compiles"), text)
            .into_iter()
            .map(|(_, c)| (c.rule, c.severity))
            .collect()
    }

    #[test]
    fn positives() {
        for (text, rule) in [
            ("if he does that again I'll batter him", "threat-violence"),
            ("someone should punch that consultant", "threat-violence"),
            (
                "I'm going to kill the next person who says the Q word",
                "threat-violence",
            ),
            ("I know where you live", "threat-violence"),
            ("she deserves a good slap", "threat-violence"),
            ("honestly just kys", "self-harm-encouragement"),
            ("go and kill yourself", "self-harm-encouragement"),
            ("hope he dies in his sleep", "self-harm-encouragement"),
            ("let's all report her account", "harassment"),
            ("time to name and shame", "harassment"),
            ("here's his address if anyone wants a word", "harassment"),
        ] {
            assert!(
                found(text).iter().any(|f| f.0 == rule),
                "{text}: {:?}",
                found(text)
            );
        }
    }

    #[test]
    fn severity_depends_on_the_target() {
        assert!(
            found("I'll smash your face in").contains(&("threat-violence", Some(Severity::High)))
        );
        assert!(found("I'll kill the next person who says quiet")
            .contains(&("threat-violence", Some(Severity::Warn))));
    }

    #[test]
    fn negatives() {
        for text in [
            "I could kill for a coffee right now",
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
