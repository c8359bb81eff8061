//! The analysis pipeline, in one function and one fixed order:
//!
//! 1. **normalise** the draft once (case, width, homoglyphs, invisibles) with a map back to it;
//! 2. **find context** words for every class in one pass;
//! 3. **detect**: every detector adds candidates in normalised offsets;
//! 4. **counter-speech**: a disrepute candidate inside a quotation the post reports or condemns drops
//!    to Info (see [`crate::reported`]); then **allow-list**: drop candidates inside a phrase the Trust
//!    allows;
//! 5. **learned model**: score each segment (about a sentence) and add a candidate for a family the
//!    model reads there when no rule of that family marked any of it (see [`crate::model`]);
//! 6. **resolve overlaps**: within a family keep the most severe of overlapping candidates;
//! 7. **apply policy**: map severity to the Trust's action, dropping rules set to `off`;
//! 8. **map back** to original byte offsets and **cap** the count;
//! 9. **fix**: attach each rule's one-click fix, computed on the text as typed (see [`crate::fixes`]).
//!
//! Everything that can be compiled is compiled in [`Analyzer::new`], so [`Analyzer::analyze`] does no
//! set-up work per call.

use crate::catalogue::{self, RuleInfo};
use crate::context::ContextIndex;
use crate::cover::Cover;
use crate::detectors::{self, Candidate, Detector, Input};
use crate::error::Error;
use crate::finding::{Action, Category, Finding, Severity};
use crate::fixes::{self, Fix};
use crate::model::{LearnedModel, Reading};
use crate::normalize::Normalized;
use crate::order;
use crate::policy::Policy;
use std::collections::BTreeMap;

/// Longest text analysed, in bytes. Facebook's 63,206-character limit is ~250 KB at worst; anything
/// longer is a paste of something else, and its first 2 MiB are analysed.
pub const MAX_TEXT_BYTES: usize = 2 << 20;

/// Most findings reported for one text; beyond this the report says more were found.
pub const MAX_FINDINGS: usize = 100;

/// A compiled policy: build once, analyse many drafts.
#[derive(Debug)]
pub struct Analyzer {
    policy: Policy,
    detectors: Vec<Box<dyn Detector>>,
    context: &'static ContextIndex,
    allowlist: Option<ContextIndex>,
    model: Option<&'static LearnedModel>,
}

/// Which parts of the analysis run. Postguard runs both; the others exist so each part can be
/// measured alone (`postguard eval --sources`) and so the trainer can ask what the rules find.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engines {
    /// Rules and the learned model.
    Both,
    /// The rules alone.
    Rules,
    /// The learned model alone.
    Model,
}

/// The learned model's rule id for each family, in [`Category::ALL`] order.
const LEARNED_RULES: [&str; 3] = ["learned-confidentiality", "learned-consent", "learned-disrepute"];

/// The result of analysing one text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Findings in text order, at most [`MAX_FINDINGS`].
    pub findings: Vec<Finding>,
    /// True when findings were dropped by the cap or the text was longer than [`MAX_TEXT_BYTES`].
    pub truncated: bool,
}

impl Analyzer {
    /// Compiles every detector and list for `policy`.
    pub fn new(policy: Policy) -> Result<Analyzer, Error> {
        Analyzer::with_engines(policy, Engines::Both)
    }

    /// Compiles `policy` with only some parts of the analysis, using the shipped model.
    pub fn with_engines(policy: Policy, engines: Engines) -> Result<Analyzer, Error> {
        let model = if engines == Engines::Rules { None } else { Some(LearnedModel::shipped()?) };
        Analyzer::with_model(policy, model, engines)
    }

    /// Compiles `policy` with a given model (the trainer's, before it ships) or none.
    pub fn with_model(
        policy: Policy,
        model: Option<&'static LearnedModel>,
        engines: Engines,
    ) -> Result<Analyzer, Error> {
        let detectors = if engines == Engines::Model { Vec::new() } else { detectors::build(&policy)? };
        let allowlist = ContextIndex::terms("allowlist", &policy.allowlist)?;
        let model = if engines == Engines::Rules { None } else { model };
        Ok(Analyzer { policy, detectors, context: ContextIndex::shipped()?, allowlist, model })
    }

    /// The policy this analyser enforces.
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// Findings for `text`, in text order.
    pub fn analyze(&self, text: &str) -> Vec<Finding> {
        self.analyze_report(text).findings
    }

    /// Findings for `text` plus whether any were left out.
    pub fn analyze_report(&self, text: &str) -> Report {
        let (text, cut) = clip(text);
        let norm = Normalized::new(text);
        let context = self.context.find(norm.as_str());
        let input = Input { text: norm.as_str(), context: &context };

        let mut candidates = Vec::new();
        for detector in &self.detectors {
            detector.detect(&input, &mut candidates);
        }
        // Abuse quoted to report or condemn it ("called me a '…'") is a mark, not a pause.
        crate::reported::soften(&input, &mut candidates);
        let allowed = self.drop_allowed(norm.as_str(), &mut candidates);
        if let Some(model) = self.model {
            add_model_candidates(model, text, &norm, &input, &allowed, &mut candidates);
        }
        // Spans a rule read and found compliant kept the model off them; they are not findings.
        candidates.retain(|c| !c.cleared);
        let resolved = resolve_overlaps(candidates);

        let mut findings = Vec::with_capacity(resolved.len().min(MAX_FINDINGS));
        let mut truncated = cut;
        for (c, info) in resolved {
            let severity = c.severity.unwrap_or(info.severity);
            let action = self.policy.action_for(info.id, info.category, severity);
            if action == Action::Off {
                continue;
            }
            if findings.len() == MAX_FINDINGS {
                truncated = true;
                break;
            }
            let (start, end) = norm.to_original(c.start, c.end);
            findings.push(Finding {
                rule: info.id,
                category: info.category,
                severity,
                action,
                start,
                end,
                title: info.title,
                message: info.message,
                suggestion: info.suggestion,
                policy_ref: catalogue::format_refs(info, Some(self.policy.trust_profile.as_str())),
                why: c.why.into_owned(),
                cues: c.cues.iter().map(|&(s, e)| norm.to_original(s, e)).collect(),
                fixes: self.fix(text, start, end, info),
            });
        }
        Report { findings, truncated }
    }

    /// The fix for a finding of `info` at `start..end` (original offsets), when the policy allows fixes.
    fn fix(&self, text: &str, start: usize, end: usize, info: &RuleInfo) -> Vec<Fix> {
        match &info.fix {
            Some(fix) if self.policy.fixes_allowed => {
                fixes::for_finding(text, start, end, fix, &self.policy).into_iter().collect()
            }
            _ => Vec::new(),
        }
    }

    /// Drops candidates inside a phrase the Trust allows, and returns where those phrases stand (the
    /// model does not read them either).
    fn drop_allowed(&self, text: &str, candidates: &mut Vec<Candidate>) -> Cover {
        let allowed = match &self.allowlist {
            Some(allow) => Cover::new(allow.find_one(text).into_iter()),
            None => Cover::new(std::iter::empty()),
        };
        if !allowed.is_empty() {
            candidates.retain(|c| !allowed.covers(c.start, c.end));
        }
        allowed
    }
}

/// Adds the learned model's candidates: for each family, a sentence scoring past the pause threshold
/// pauses; a passage scoring past the mark threshold with no such sentence in it is marked. Neither is
/// added where a rule of that family already marked part of it: the rule's finding is more precise and
/// explains itself better. Words inside a phrase the Trust allows are not read: "allowed" must mean
/// allowed to the model too.
fn add_model_candidates(
    model: &LearnedModel,
    text: &str,
    norm: &Normalized,
    input: &Input<'_>,
    allowed: &Cover,
    candidates: &mut Vec<Candidate>,
) {
    let media = mentions_media(input);
    // Consent stated, or no one in the photo: the model's consent sentences are marks, not pauses.
    let consent_settled = media && crate::detectors::consent_media::consent_settled(input);
    // Trust news the post says is already public (its newsletter, its website): not a leak.
    let public = crate::detectors::trust_business::stated_public(input);
    let skip = |start: usize, end: usize| !allowed.is_empty() && allowed.covers(start, end);
    let mut ruled: [Vec<(usize, usize)>; 3] = Default::default();
    for c in candidates.iter() {
        if let Some(info) = catalogue::rule(c.rule) {
            ruled[family_index(info.category)].push((c.start, c.end));
        }
    }
    // An identifier hidden as the one-click fix writes it ("NHS ••• ••• ••••"): the person has taken
    // it out, and the model, which cannot tell a mask from a number, does not read the rest of that
    // sentence as identifying ("patient", "NHS", "number" are its strongest words).
    ruled[CONFIDENTIALITY].extend(masks(input.text));
    let mut added = Vec::new();
    let read = model.read(text, norm, skip);
    let sentences = model.segments(&read, Reading::Sentence);
    let families = || LEARNED_RULES.iter().enumerate().filter(|&(family, _)| media || family != CONSENT);
    for (family, rule) in families() {
        let taken = Cover::new(ruled[family].iter().copied());
        for s in sentences.iter().filter(|s| model.pauses(family, s.scores[family])) {
            if !taken.touches(s.start, s.end) {
                let (why, severity) = if family == CONSENT && consent_settled {
                    ("learned model: strong signal in this sentence; consent stated or no one shown", Severity::Info)
                } else if family == CONFIDENTIALITY && public {
                    (
                        "learned model: strong signal in this sentence; the post says it is already public",
                        Severity::Info,
                    )
                } else {
                    ("learned model: strong signal in this sentence", Severity::Warn)
                };
                let mut c = Candidate::new(rule, s.start, s.end, why).with_severity(severity);
                c.cues = model.cues(&read, s, family);
                ruled[family].push((s.start, s.end));
                added.push(c);
            }
        }
    }
    let taken = ruled.map(|spans| Cover::new(spans.into_iter()));
    for p in model.segments(&read, Reading::Passage) {
        for (family, rule) in families() {
            if model.marks(family, p.scores[family]) && !taken[family].touches(p.start, p.end) {
                let why = "learned model: some signal in this passage";
                let mut c = Candidate::new(rule, p.start, p.end, why).with_severity(Severity::Info);
                c.cues = model.cues(&read, &p, family);
                added.push(c);
            }
        }
    }
    candidates.extend(added);
}

/// Index of the consent family in [`Category::ALL`] order.
const CONSENT: usize = 1;
/// Index of the confidentiality family in [`Category::ALL`] order.
const CONFIDENTIALITY: usize = 0;

/// Where the text holds a mask of three or more `•` (spaces and separators between them allowed).
fn masks(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut run: Option<(usize, usize, usize)> = None; // start, end, bullets
    for (i, c) in text.char_indices() {
        match (c, run) {
            ('•', Some((s, _, n))) => run = Some((s, i + c.len_utf8(), n + 1)),
            ('•', None) => run = Some((i, i + c.len_utf8(), 1)),
            (' ' | '/' | '-' | '.' | '@', Some(_)) => {}
            (_, Some((s, e, n))) => {
                if n >= 3 {
                    out.push((s, e));
                }
                run = None;
            }
            _ => {}
        }
    }
    if let Some((s, e, n)) = run {
        if n >= 3 {
            out.push((s, e));
        }
    }
    out
}

/// Whether the draft mentions or announces media at all (a photo, video, recording, "pic below", a
/// camera emoji, someone shown: "look at his little face", "swipe for", "in the background"), from the
/// consent rules' own word lists and the gate's own (`model_media`). Without any, a consent breach
/// cannot be in the text, and the model's consent reading of a post about the team ("lovely team
/// lunch on the ward") would only be the company such posts keep.
fn mentions_media(input: &Input<'_>) -> bool {
    use crate::catalogue::words::consent_media::{
        ANNOUNCE, CAPTURING, LISTS, MEDIA_WORD, MODEL_MEDIA, ON_CAM, SHOWING,
    };
    let hits = crate::detectors::text::Lists::at(LISTS).find(input);
    [MEDIA_WORD, CAPTURING, ON_CAM, ANNOUNCE, SHOWING, MODEL_MEDIA].iter().any(|&list| hits.any(list))
        || input.text.contains(['📸', '📷', '🎥', '📹', '🤳', '🎬'])
}

/// Cuts text longer than [`MAX_TEXT_BYTES`] at a character boundary.
fn clip(text: &str) -> (&str, bool) {
    if text.len() <= MAX_TEXT_BYTES {
        return (text, false);
    }
    let mut at = MAX_TEXT_BYTES;
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    (&text[..at], true)
}

/// Non-empty candidates of known rules with their catalogue entries, strongest first (most severe, then
/// longest, then first), so a greedy pass keeps the best of each overlapping group.
fn strongest_first(candidates: Vec<Candidate>) -> Vec<(Candidate, &'static RuleInfo)> {
    let known: Vec<(Candidate, &'static RuleInfo)> = candidates
        .into_iter()
        .filter(|c| c.start < c.end)
        .filter_map(|c| catalogue::rule(c.rule).map(|info| (c, info)))
        .collect();
    // Severity descending, then length descending, then start: offsets and lengths fit in 31 bits.
    let order = order::stable_order(known.iter().map(|(c, info)| {
        let weaker = Severity::High as u64 - c.severity.unwrap_or(info.severity) as u64;
        let shorter = u64::from(u32::MAX >> 1) - (c.end - c.start) as u64;
        weaker << 62 | shorter << 31 | c.start as u64
    }));
    order::permute(known, &order)
}

/// Keeps, among overlapping candidates of the same family, the most severe (then the longest, then the
/// first); candidates of different families may overlap. Drops candidates naming unknown rules. Returns
/// them in text order with their catalogue entries.
fn resolve_overlaps(candidates: Vec<Candidate>) -> Vec<(Candidate, &'static RuleInfo)> {
    let known = strongest_first(candidates);
    // Kept spans of one family never overlap each other, so ordered by start they are also ordered by
    // end: a new span clashes with some kept span exactly when it clashes with the last kept span
    // starting before its end. One ordered map per family keeps this O(n log n); drafts with thousands
    // of candidates (a pasted spreadsheet of numbers) must not cost O(n²).
    let mut taken: [BTreeMap<usize, usize>; Category::ALL.len()] = Default::default();
    let mut kept: Vec<(Candidate, &'static RuleInfo)> = Vec::with_capacity(known.len());
    for (c, info) in known {
        let spans = &mut taken[family_index(info.category)];
        let clash = spans.range(..c.end).next_back().is_some_and(|(_, &end)| end > c.start);
        if !clash {
            spans.insert(c.start, c.end);
            kept.push((c, info));
        }
    }
    let order = order::stable_order(kept.iter().map(|(c, _)| order::span_key(c.start, c.end)));
    order::permute(kept, &order)
}

fn family_index(category: Category) -> usize {
    match category {
        Category::Confidentiality => 0,
        Category::Consent => 1,
        Category::Disrepute => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analyzer() -> Analyzer {
        Analyzer::new(Policy::default()).expect("default policy builds")
    }

    #[test]
    fn finds_the_skeleton_example_with_exact_offsets() {
        let text = "Patient NHS number 943 476 5919 seen today";
        let f = analyzer().analyze(text);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(&text[f[0].start..f[0].end], "943 476 5919");
        assert_eq!(f[0].category, Category::Confidentiality);
        assert_eq!(f[0].severity, Severity::High);
        assert!(f[0].action.gates());
        assert!(!f[0].policy_ref.is_empty());
    }

    #[test]
    fn offsets_survive_emoji_and_full_width_digits() {
        let text = "😀 patient ＮＨＳ ９４３ ４７６ ５９１９ 👍";
        let f = analyzer().analyze(text);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(&text[f[0].start..f[0].end], "９４３ ４７６ ５９１９");
    }

    #[test]
    fn allowlisted_phrases_are_not_reported() {
        let policy = Policy { allowlist: vec!["NHS 943 476 5919".into()], ..Policy::default() };
        let a = Analyzer::new(policy).expect("builds");
        assert!(a.analyze("Example: NHS 943 476 5919").is_empty());
        assert_eq!(a.analyze("patient 943 476 5919").len(), 1);
    }

    /// One or two words are the rules' to judge: the model does not mark a short reply on a word that
    /// leans one way in training, and the rules still catch what they know.
    #[test]
    fn the_model_does_not_judge_a_reply_of_one_or_two_words() {
        let a = Analyzer::new(Policy::default()).expect("builds");
        for reply in ["lol", "Typical", "Honestly", "Bless her", "For example", "Ward 7"] {
            assert!(a.analyze(reply).is_empty(), "{reply}: {:?}", a.analyze(reply));
        }
        assert!(!a.analyze("Spastic").is_empty());
    }

    #[test]
    fn off_rules_are_dropped() {
        let mut policy = Policy::default();
        policy.rule_actions.insert("nhs-number".into(), Action::Off);
        assert!(Analyzer::new(policy).expect("builds").analyze("NHS 943 476 5919").is_empty());
    }

    #[test]
    fn findings_are_capped() {
        let text = "patient nhs 943 476 5919. ".repeat(MAX_FINDINGS + 5);
        let r = analyzer().analyze_report(&text);
        assert_eq!(r.findings.len(), MAX_FINDINGS);
        assert!(r.truncated);
    }

    #[test]
    fn a_masked_identifier_keeps_the_model_off_its_sentence() {
        let a = analyzer();
        let masked = "Patient NHS number ••• ••• •••• seen today";
        assert!(a.analyze(masked).is_empty(), "{:?}", a.analyze(masked));
        assert_eq!(masks("a ••/••/•••• b •• c •••"), vec![(2, 28), (40, 49)]);
    }

    fn media(text: &str) -> bool {
        let a = analyzer();
        let norm = Normalized::new(text);
        let context = a.context.find(norm.as_str());
        mentions_media(&Input { text: norm.as_str(), context: &context })
    }

    /// The learned model's consent finding on `text`, with its severity.
    fn model_consent(text: &str) -> Option<Severity> {
        analyzer().analyze(text).into_iter().find(|f| f.rule == "learned-consent").map(|f| f.severity)
    }

    #[test]
    fn the_models_confidentiality_sentence_does_not_pause_for_news_the_post_says_is_public() {
        let model = |text: &str| {
            analyzer().analyze(text).into_iter().find(|f| f.rule == "learned-confidentiality").map(|f| f.severity)
        };
        let news = "They've just told us the surgical day unit is closing for 6 weeks from next month.";
        assert_eq!(model(news), Some(Severity::Warn));
        assert_eq!(
            model(&format!("{news} Announced in the Trust newsletter today so it's public.")),
            Some(Severity::Info)
        );
        assert_eq!(model(&format!("{news} The announcement's on the Trust website too.")), Some(Severity::Info));
        let announced =
            "The Trust has announced today that the surgical day unit will close for refurbishment in January.";
        assert_eq!(model(announced), Some(Severity::Info));
        assert_eq!(model(&format!("{news} It hasn't been made public, so keep it quiet.")), Some(Severity::Warn));
    }

    #[test]
    fn the_models_consent_sentence_does_not_pause_once_consent_is_stated_or_no_one_is_shown() {
        let shown = "his face when the consultant walked in 😂 swipe for part 2.";
        assert_eq!(model_consent(&format!("{shown} Posted it this morning")), Some(Severity::Warn));
        assert_eq!(model_consent(&format!("{shown} Posted it with his permission")), Some(Severity::Info));
        let settled = |text: &str| {
            let a = analyzer();
            let norm = Normalized::new(text);
            let context = a.context.find(norm.as_str());
            crate::detectors::consent_media::consent_settled(&Input { text: norm.as_str(), context: &context })
        };
        assert!(settled("shared with his permission"));
        assert!(settled("a tour of the new unit, no patients in the shot"));
        assert!(!settled("shared without his permission"), "a negated consent settles nothing");
        assert!(!settled("swipe for part 2"));
    }

    #[test]
    fn the_consent_gate_opens_for_a_picture_said_without_a_media_word() {
        for shown in [
            "my first baby bath on paeds, look at his little cheeks",
            "swipe for my little buddy doing a thumbs up",
            "me and the girls in our new uniforms, the cutest little lad in the background waving",
            "my PS said don't you DARE put me on your insta so here she is",
            "pic below",
        ] {
            assert!(media(shown), "{shown}");
        }
        for plain in [
            "lovely team lunch on the ward today",
            "long shift, back on nights tomorrow",
            "proud of our nurses. Views my own, not my employer's.",
        ] {
            assert!(!media(plain), "{plain}");
        }
    }

    #[test]
    fn benign_text_has_no_findings() {
        assert!(analyzer().analyze("Lovely shift today, proud of the team!").is_empty());
        assert!(analyzer().analyze("").is_empty());
    }

    /// The quadratic definition the fast resolution must agree with.
    fn resolve_naive(candidates: Vec<Candidate>) -> Vec<(usize, usize)> {
        let known = strongest_first(candidates);
        let mut kept: Vec<(Candidate, &'static RuleInfo)> = Vec::new();
        for (c, info) in known {
            if !kept.iter().any(|(k, ki)| ki.category == info.category && k.start < c.end && c.start < k.end) {
                kept.push((c, info));
            }
        }
        let mut spans: Vec<(usize, usize)> = kept.iter().map(|(c, _)| (c.start, c.end)).collect();
        spans.sort_unstable();
        spans
    }

    proptest::proptest! {
        #[test]
        fn overlap_resolution_matches_the_quadratic_definition(
            raw in proptest::collection::vec((0usize..200, 0usize..30, 0u8..3), 0..120)
        ) {
            let rules: Vec<&'static str> = catalogue::RULES.iter().map(|r| r.id).collect();
            let candidates: Vec<Candidate> = raw
                .iter()
                .enumerate()
                .map(|(i, &(start, len, sev))| {
                    let severity = [Severity::Info, Severity::Warn, Severity::High][usize::from(sev)];
                    Candidate::new(rules[i % rules.len()], start, start + len, "test").with_severity(severity)
                })
                .collect();
            let fast: Vec<(usize, usize)> =
                resolve_overlaps(candidates.clone()).iter().map(|(c, _)| (c.start, c.end)).collect();
            let mut fast_sorted = fast.clone();
            fast_sorted.sort_unstable();
            proptest::prop_assert_eq!(&fast, &fast_sorted, "resolved candidates come back in text order");
            proptest::prop_assert_eq!(fast_sorted, resolve_naive(candidates));
        }
    }

    #[test]
    fn thousands_of_overlapping_candidates_resolve_quickly() {
        // 40,000 candidates, each overlapping its neighbours: the old pass compared every pair.
        let candidates: Vec<Candidate> =
            (0..40_000).map(|i| Candidate::new("nhs-number", i * 2, i * 2 + 5, "test")).collect();
        let started = std::time::Instant::now();
        let kept = resolve_overlaps(candidates);
        assert!(started.elapsed() < std::time::Duration::from_secs(2), "took {:?}", started.elapsed());
        // Equal severity and length: the earliest wins, then every third start (0, 6, 12, …) is free.
        assert_eq!(kept.first().map(|(c, _)| (c.start, c.end)), Some((0, 5)));
        assert_eq!(kept.len(), 40_000_usize.div_ceil(3));
        assert!(kept.windows(2).all(|w| w[0].0.end <= w[1].0.start));
    }
}
