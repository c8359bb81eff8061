//! Measuring an analyser against a labelled corpus: per-family precision and recall, and how often
//! benign posts would be interrupted. Shared by the corpus tests and `postguard eval`, so the figures a
//! comms team sees for a policy change are computed exactly as the tests compute them.
//!
//! A post *finds* a family when any finding of that family is reported (a visible mark). A benign post
//! (no expected family) is *warned* when any finding would pause its submit ([`crate::Action::gates`]) — the
//! interruption that costs trust when it is wrong.

use crate::analyzer::Analyzer;
use crate::finding::Category;
use serde::Deserialize;

/// One labelled post.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sample {
    /// Stable id, reported for misses.
    pub id: String,
    /// The draft.
    pub text: String,
    /// Families that must be found; empty for a benign post.
    pub expect: Vec<Category>,
}

/// Counts for one family.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FamilyCounts {
    /// Expected and found.
    pub true_positives: usize,
    /// Found but not expected.
    pub false_positives: usize,
    /// Expected but not found.
    pub false_negatives: usize,
}

impl FamilyCounts {
    /// Found and expected over all found; 1 when nothing was found.
    pub fn precision(&self) -> f64 {
        ratio(self.true_positives, self.true_positives + self.false_positives)
    }

    /// Found and expected over all expected; 1 when nothing was expected.
    pub fn recall(&self) -> f64 {
        ratio(self.true_positives, self.true_positives + self.false_negatives)
    }
}

/// The result of evaluating a corpus.
#[derive(Debug, Clone, Default)]
pub struct Evaluation {
    /// Counts per family, in [`Category::ALL`] order.
    pub families: [FamilyCounts; 3],
    /// Number of benign posts.
    pub benign: usize,
    /// Benign posts whose submit would be paused.
    pub benign_warned: usize,
    /// Benign posts with any mark at all (including informational ones).
    pub benign_marked: usize,
    /// (sample id, family) for every expected family that was not found.
    pub misses: Vec<(String, Category)>,
    /// (sample id, family) for every family found but not expected.
    pub false_alarms: Vec<(String, Category)>,
}

impl Evaluation {
    /// Counts for one family.
    pub fn family(&self, category: Category) -> FamilyCounts {
        self.families[index(category)]
    }

    /// Share of benign posts that would be paused.
    pub fn benign_warn_rate(&self) -> f64 {
        if self.benign == 0 {
            0.0
        } else {
            self.benign_warned as f64 / self.benign as f64
        }
    }
}

/// Analyses every sample and tallies the results.
pub fn evaluate<'a>(analyzer: &Analyzer, samples: impl IntoIterator<Item = &'a Sample>) -> Evaluation {
    let mut eval = Evaluation::default();
    for sample in samples {
        let findings = analyzer.analyze(&sample.text);
        for category in Category::ALL {
            let expected = sample.expect.contains(&category);
            let found = findings.iter().any(|f| f.category == category);
            let counts = &mut eval.families[index(category)];
            match (expected, found) {
                (true, true) => counts.true_positives += 1,
                (true, false) => {
                    counts.false_negatives += 1;
                    eval.misses.push((sample.id.clone(), category));
                }
                (false, true) => {
                    counts.false_positives += 1;
                    eval.false_alarms.push((sample.id.clone(), category));
                }
                (false, false) => {}
            }
        }
        if sample.expect.is_empty() {
            eval.benign += 1;
            eval.benign_marked += usize::from(!findings.is_empty());
            eval.benign_warned += usize::from(findings.iter().any(|f| f.action.gates()));
        }
    }
    eval
}

fn index(category: Category) -> usize {
    match category {
        Category::Confidentiality => 0,
        Category::Consent => 1,
        Category::Disrepute => 2,
    }
}

fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 {
        1.0
    } else {
        n as f64 / d as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Policy;

    #[test]
    fn tallies_hits_misses_and_benign_warnings() {
        let analyzer = Analyzer::new(Policy::default()).expect("builds");
        let samples = [
            Sample {
                id: "hit".into(),
                text: "patient NHS 943 476 5919".into(),
                expect: vec![Category::Confidentiality],
            },
            Sample { id: "miss".into(), text: "nothing here".into(), expect: vec![Category::Confidentiality] },
            Sample { id: "alarm".into(), text: "patient NHS 943 476 5919".into(), expect: vec![] },
            Sample { id: "quiet".into(), text: "lovely day".into(), expect: vec![] },
        ];
        let e = evaluate(&analyzer, &samples);
        let c = e.family(Category::Confidentiality);
        assert_eq!((c.true_positives, c.false_negatives, c.false_positives), (1, 1, 1));
        assert_eq!((e.benign, e.benign_warned, e.benign_marked), (2, 1, 1));
        assert!((e.benign_warn_rate() - 0.5).abs() < 1e-9);
        assert_eq!(e.misses, [("miss".to_string(), Category::Confidentiality)]);
        assert_eq!(e.family(Category::Consent).recall(), 1.0);
    }
}
