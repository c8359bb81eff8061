//! The obfuscation set: abusive words disguised the ways people disguise them, each in a sentence that
//! aims it at someone, must be caught (a disrepute finding covering the word) at least 90 % of the time — and innocent words that contain bad
//! substrings, or mild swearing about one's own shift, must never be flagged.
//!
//! Table-driven so a reviewer can see every disguise at a glance; each row names the disguise.

// Test code: a failed build of the default analyser should stop the test with its message.
#![allow(clippy::expect_used)]

use postguard_core::{Analyzer, Category, Policy};

/// Share of disguised words that must be caught.
const MIN_CAUGHT: f64 = 0.90;

/// (disguise, disguised word, sentence with `{}` where the word goes).
const DISGUISED: &[(&str, &str, &str)] = &[
    ("leetspeak", "1d10t", "you absolute {}"),
    ("leetspeak caps", "ID10T", "you absolute {}"),
    ("leet symbols", "!d!ot", "our reg is an {}"),
    ("spaced", "i d i o t", "you are an {}"),
    ("dotted", "i.d.i.o.t", "you are an {}"),
    ("hyphenated", "i-d-i-o-t", "you are an {}"),
    ("repeats", "idiiiiiot", "you {}"),
    ("homoglyphs (Cyrillic)", "іdіоt", "our matron is an {}"),
    ("full-width", "ｉｄｉｏｔ", "you {}"),
    ("zero-width", "i\u{200B}d\u{200B}i\u{200B}o\u{200B}t", "you {}"),
    ("maths bold", "𝐢𝐝𝐢𝐨𝐭", "you {}"),
    ("masked", "id*ot", "you {}"),
    ("masked", "f*ck", "{} you"),
    ("masked double", "f**k", "{} off"),
    ("masked tail", "f***", "{} you"),
    ("masked hash", "f#ck", "{} you"),
    ("masked inflection", "f*cking", "our {} manager"),
    ("repeats", "fuuuuuck", "{} you"),
    ("dotted", "f.u.c.k", "{} you"),
    ("spaced", "f u c k", "{} you"),
    ("split", "fu.ck", "{} you"),
    ("accent", "fück", "{} you"),
    ("full-width", "ｆｕｃｋ", "{} you"),
    ("zero-width joiner", "f\u{200D}uck", "{} you"),
    ("phonetic", "phuck", "{} you"),
    ("vowel swap", "fvck", "{} you"),
    ("leet symbol", "tw@t", "you {}"),
    ("leet digit", "tw4t", "you're a {}"),
    ("repeats", "twaaaat", "you {}"),
    ("spaced", "t w a t", "you {}"),
    ("masked", "tw*t", "he is a {}"),
    ("Cyrillic t", "тwat", "you {}"),
    ("masked", "c*nt", "that manager is a {}"),
    ("masked double", "c**t", "she is a {}"),
    ("dotted", "c.u.n.t", "you {}"),
    ("repeats", "cuuuunt", "you {}"),
    ("full-width", "ｃｕｎｔ", "you {}"),
    ("vowel swap", "cvnt", "you {}"),
    ("leet digit", "b1tch", "she's a {}"),
    ("masked", "b*tch", "she's a {}"),
    ("leet symbol", "b!tch", "she's a {}"),
    ("repeats", "biiiitch", "she's a {}"),
    ("spaced", "b i t c h", "she's a {}"),
    ("leet digit 8", "8itch", "she's a {}"),
    ("leet digit", "w4nker", "you {}"),
    ("leet symbol", "w@nker", "you {}"),
    ("leet digit", "sh1t", "{} manager"),
    ("leet symbol", "$hit", "you {}"),
    ("leet symbol", "sh!t", "you {}"),
    ("spaced", "s h i t", "you piece of {}"),
    ("masked", "sh*t", "you {}"),
    ("leet digit 5", "5hit", "you {}"),
    ("leet digits", "m0r0n", "he's a {}"),
    ("spaced", "m o r o n", "he's a {}"),
    ("hyphenated", "m-o-r-o-n", "he's a {}"),
    ("leet digit", "d1ckhead", "you {}"),
    ("split", "dick-head", "you {}"),
    ("leet symbol", "d!ckhead", "you {}"),
    ("leet digit", "r3tard", "he's a {}"),
    ("leet symbol", "ret@rd", "he's a {}"),
    ("spaced", "r e t a r d", "he's a {}"),
    ("leet digit", "pr1ck", "you {}"),
    ("spaced after article", "p r i c k", "he's a {}"),
    ("leet digit as l", "s1ut", "she's a {}"),
    ("masked", "sl*t", "she's a {}"),
    ("leet digit", "wh0re", "she's a {}"),
    ("leet as l", "arseho1e", "you {}"),
];

/// Innocent words that contain listed substrings, and mild swearing about one's own day.
const INNOCENT: &[&str] = &[
    "Scunthorpe General won the quiz",
    "cocktail night on Friday",
    "our therapist team is growing",
    "data analysis of the audit",
    "reading Dickens on my break",
    "Essex and Sussex teams joined us",
    "Middlesex study day",
    "Cumbria in the sunshine",
    "Penistone fun run",
    "Matt Hancock visited in 2019",
    "assistant practitioners rock",
    "Arsenal won again",
    "shiitake mushroom risotto in the canteen",
    "class of 2026 graduated",
    "cock-up with the rota",
    "needle prick injury training",
    "spotted dick for pudding",
    "child with spastic diplegia in clinic",
    "slag heaps near Workington",
    "blue tit on the ward window",
    "A55 closed at 10am",
    "bloody knackered after a 13-hour shift",
    "bugger, forgot my lunch",
    "damn, long day",
    "I'm such an idiot, forgot my lanyard",
    "what a plonker I am, wrong car park",
];

#[test]
fn disguised_abuse_is_caught() {
    let analyzer = Analyzer::new(Policy::default()).expect("default policy builds");
    let mut missed = Vec::new();
    for (disguise, word, sentence) in DISGUISED {
        let text = sentence.replace("{}", word);
        let at = text.find(word).expect("the word is in the sentence");
        let caught = analyzer
            .analyze(&text)
            .iter()
            .any(|f| f.category == Category::Disrepute && f.start < at + word.len() && at < f.end);
        if !caught {
            missed.push(format!("{disguise}: {word:?}"));
        }
    }
    let caught = 1.0 - missed.len() as f64 / DISGUISED.len() as f64;
    assert!(caught >= MIN_CAUGHT, "caught {caught:.3} < {MIN_CAUGHT}; missed {missed:?}");
    eprintln!("obfuscation set: caught {:.1} % of {}; missed {missed:?}", caught * 100.0, DISGUISED.len());
}

#[test]
fn innocent_words_and_mild_self_directed_swearing_are_not_flagged() {
    let analyzer = Analyzer::new(Policy::default()).expect("default policy builds");
    for text in INNOCENT {
        let abuse: Vec<_> = analyzer.analyze(text).into_iter().filter(|f| f.rule.starts_with("abuse-")).collect();
        assert!(abuse.is_empty(), "{text}: {abuse:?}");
    }
}
