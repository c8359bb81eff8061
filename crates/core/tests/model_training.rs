//! Training the learned model is deterministic and learns: a small fixed sample of the corpus,
//! trained twice, gives the same bytes, and the model it gives separates what it was taught.
//! (`postguard train --check`, run by `./build.sh test`, proves the same for the shipped weights and
//! the whole training split.)

// Test code: a missing corpus file should stop the test with its message.
#![allow(clippy::expect_used)]

use postguard_core::evaluate::Sample;
use postguard_core::model::teacher::Teacher;
use postguard_core::model::train::{train, Example, Options};
use postguard_core::model::{LearnedModel, Reading};
use postguard_core::normalize::Normalized;
use postguard_core::Category;
use std::path::PathBuf;

fn corpus(file: &str, take: usize) -> Vec<Example> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus").join(file);
    let text = std::fs::read_to_string(&path).expect("corpus file");
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .take(take)
        .map(|l| {
            let s: Sample = serde_json::from_str(l).expect("corpus line");
            Example { text: s.text, labels: Category::ALL.map(|c| s.expect.contains(&c)), weight: 1.0 }
        })
        .collect()
}

fn teacher() -> Teacher {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/model/teacher.bin");
    Teacher::parse(&std::fs::read(path).expect("teacher vectors")).expect("teacher parses")
}

#[test]
fn training_is_deterministic_and_learns() {
    let examples: Vec<Example> =
        corpus("written/W01.jsonl", 300).into_iter().chain(corpus("written/W02.jsonl", 300)).collect();
    let validation: Vec<(Example, [bool; 3])> =
        corpus("written/W06.jsonl", 200).into_iter().map(|e| (e, [false; 3])).collect();
    let teacher = teacher();
    let opts = Options { epochs: 4, ..Options::default() };
    let first = train(&examples, &validation, &teacher, &opts).expect("trains");
    let second = train(&examples, &validation, &teacher, &opts).expect("trains again");
    assert!(first.bytes == second.bytes, "two runs on the same input differ");

    let model = LearnedModel::from_bytes(Box::leak(first.bytes.into_boxed_slice())).expect("model parses");
    let score = |text: &str, family: usize| {
        let norm = Normalized::new(text);
        model.score(text, &norm, Reading::Passage).iter().map(|s| s.scores[family]).fold(f32::MIN, f32::max)
    };
    // Taught examples are ranked above benign ones on average: the model learned something.
    let mean = |positive: bool, family: usize| {
        let chosen: Vec<f32> =
            examples.iter().filter(|e| e.labels[family] == positive).map(|e| score(&e.text, family)).collect();
        chosen.iter().sum::<f32>() / chosen.len().max(1) as f32
    };
    for family in 0..3 {
        assert!(mean(true, family) > mean(false, family), "family {family} did not separate");
    }
}
