//! The development corpus (`tests/corpus/*.jsonl`) as a test: the quality bars every build must meet.

// Test code: a missing or malformed corpus file should stop the test with its message.
#![allow(clippy::expect_used)]

use postguard_core::evaluate::{evaluate, Sample};
use postguard_core::{Analyzer, Category, Policy};
use std::collections::HashSet;
use std::path::PathBuf;

mod common;

/// Minimum recall per family, from the issues that define each analyser.
const MIN_RECALL: [(Category, f64); 3] =
    [(Category::Confidentiality, 0.95), (Category::Consent, 0.90), (Category::Disrepute, 0.90)];

/// Most benign posts that may have their submit paused.
const MAX_BENIGN_WARN_RATE: f64 = 0.03;

fn corpus() -> Vec<Sample> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus");
    let samples: Vec<Sample> = common::jsonl_lines(&dir)
        .into_iter()
        .map(|(file, n, line)| serde_json::from_str(&line).unwrap_or_else(|e| panic!("{}:{n}: {e}", file.display())))
        .collect();
    assert!(!samples.is_empty(), "no corpus lines found in {}", dir.display());
    samples
}

#[test]
fn ids_are_unique() {
    let samples = corpus();
    let mut seen = HashSet::new();
    for s in &samples {
        assert!(seen.insert(&s.id), "duplicate corpus id {}", s.id);
    }
}

#[test]
fn meets_recall_and_benign_warn_rate() {
    let samples = corpus();
    let analyzer = Analyzer::new(Policy::default()).expect("default policy builds");
    let eval = evaluate(&analyzer, &samples);
    let mut failures = Vec::new();
    for (category, min) in MIN_RECALL {
        let recall = eval.family(category).recall();
        if recall < min {
            let missed: Vec<&str> =
                eval.misses.iter().filter(|(_, c)| *c == category).map(|(id, _)| id.as_str()).collect();
            failures.push(format!("{} recall {recall:.3} < {min}; missed {missed:?}", category.as_str()));
        }
    }
    if eval.benign_warn_rate() > MAX_BENIGN_WARN_RATE {
        let warned: Vec<&str> = samples
            .iter()
            .filter(|s| s.expect.is_empty())
            .filter(|s| analyzer.analyze(&s.text).iter().any(|f| f.action.gates()))
            .map(|s| s.id.as_str())
            .collect();
        failures.push(format!(
            "benign warn rate {:.3} > {MAX_BENIGN_WARN_RATE}; warned {warned:?}",
            eval.benign_warn_rate()
        ));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
