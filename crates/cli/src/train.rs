//! `postguard train`: rebuilds the learned model's weights from the corpus's training split and the
//! teacher's word vectors, picking thresholds on the validation split. Deterministic, so
//! `postguard train --check` can prove the shipped weights are what the committed corpus produces.

use crate::args::Args;
use crate::corpus::{self, Split};
use postguard_core::evaluate::Sample;
use postguard_core::model::teacher::Teacher;
use postguard_core::model::train::{self, Example, Options, RulesFound};
use postguard_core::{Analyzer, Category, Engines, Policy};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// Runs the subcommand.
pub fn run(args: &Args) -> Result<ExitCode, String> {
    let dir = args.corpus.as_deref().unwrap_or(Path::new("tests/corpus"));
    let sources = corpus::sources(dir)?;
    let mut examples = Vec::new();
    let mut validation = Vec::new();
    for s in &sources {
        let samples = corpus::read(&s.files)?;
        match s.split {
            Split::Train => examples.extend(samples.iter().map(|x| example(x, s.weight))),
            Split::Validation => validation.extend(samples.iter().map(|x| example(x, 1.0))),
            Split::Test | Split::Measure => {}
        }
    }
    if args.words {
        let mut out = std::io::stdout().lock();
        for w in train::training_words(&examples, 2) {
            writeln!(out, "{w}").map_err(|e| format!("cannot write output: {e}"))?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let teacher_path = args.teacher.as_deref().unwrap_or(Path::new("crates/core/data/model/teacher.bin"));
    let bytes = std::fs::read(teacher_path).map_err(|e| format!("cannot read {}: {e}", teacher_path.display()))?;
    let teacher = Teacher::parse(&bytes).map_err(|e| format!("{}: {e}", teacher_path.display()))?;

    let rules = Analyzer::with_engines(Policy::default(), Engines::Rules).map_err(|e| e.to_string())?;
    let validation: Vec<(Example, RulesFound)> = validation
        .into_iter()
        .map(|e| {
            let findings = rules.analyze(&e.text);
            let found = Category::ALL.map(|c| findings.iter().any(|f| f.category == c));
            (e, found)
        })
        .collect();
    eprintln!("training on {} posts; thresholds from {} validation posts", examples.len(), validation.len());
    let trained = train::train(&examples, &validation, &teacher, &options(&args.options)?)?;
    eprint!("{}", trained.report);

    let out = args.out.as_deref().unwrap_or(Path::new("crates/core/data/model/weights.bin"));
    if args.check {
        let shipped = std::fs::read(out).map_err(|e| format!("cannot read {}: {e}", out.display()))?;
        if shipped != trained.bytes {
            eprintln!(
                "postguard: {} is not what training on the committed corpus produces; run `./build.sh train` and commit the result",
                out.display()
            );
            return Ok(ExitCode::from(1));
        }
        eprintln!("{} is exactly what training produces ({} bytes)", out.display(), shipped.len());
        return Ok(ExitCode::SUCCESS);
    }
    std::fs::write(out, &trained.bytes).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    eprintln!("wrote {} ({} bytes)", out.display(), trained.bytes.len());
    Ok(ExitCode::SUCCESS)
}

/// The shipped model's settings with any `--option KEY=VALUE` applied.
fn options(overrides: &[(String, String)]) -> Result<Options, String> {
    let mut o = Options::default();
    for (k, v) in overrides {
        let bad = |e: &dyn std::fmt::Display| format!("--option {k}={v}: {e}");
        match k.as_str() {
            "epochs" => o.epochs = v.parse().map_err(|e| bad(&e))?,
            "learning_rate" => o.learning_rate = v.parse().map_err(|e| bad(&e))?,
            "l2" => o.l2 = v.parse().map_err(|e| bad(&e))?,
            "l2_direction" => o.l2_direction = v.parse().map_err(|e| bad(&e))?,
            "info_precision" => o.info_precision = v.parse().map_err(|e| bad(&e))?,
            "warn_precision" => o.warn_precision = v.parse().map_err(|e| bad(&e))?,
            "seed" => o.seed = v.parse().map_err(|e| bad(&e))?,
            "prune" => o.prune = v.parse().map_err(|e| bad(&e))?,
            "balance" => o.balance = v.parse().map_err(|e| bad(&e))?,
            "min_count" => o.min_count = v.parse().map_err(|e| bad(&e))?,
            "min_evidence" => o.min_evidence = v.parse().map_err(|e| bad(&e))?,
            "ensemble" => o.ensemble = v.parse().map_err(|e| bad(&e))?,
            "dropout" => o.dropout = v.parse().map_err(|e| bad(&e))?,
            "gram_buckets" => o.gram_buckets = v.parse().map_err(|e| bad(&e))?,
            "concepts" => o.concepts = v.parse().map_err(|e| bad(&e))?,
            "concept_l2" => o.concept_l2 = v.parse().map_err(|e| bad(&e))?,
            "concept_window" => o.concept_window = v.parse().map_err(|e| bad(&e))?,
            "concept_families" => {
                o.concept_families = [false; 3];
                for name in v.split(',').filter(|n| !n.is_empty()) {
                    let f = Category::ALL
                        .iter()
                        .position(|c| c.as_str() == name)
                        .ok_or_else(|| bad(&format!("`{name}` is not a family")))?;
                    o.concept_families[f] = true;
                }
            }
            "gram_l2" => o.gram_l2 = v.parse().map_err(|e| bad(&e))?,
            "unseen_words" => o.unseen_words = v.parse().map_err(|e| bad(&e))?,
            _ => return Err(format!("--option {k}: not a training setting")),
        }
    }
    Ok(o)
}

fn example(s: &Sample, weight: f32) -> Example {
    Example { text: s.text.clone(), labels: Category::ALL.map(|c| s.expect.contains(&c)), weight }
}
