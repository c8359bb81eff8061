//! `postguard eval`: per-family precision and recall, and the benign warn rate, over a corpus.

use crate::args::Args;
use crate::corpus::{self, Split};
use crate::policy_file;
use postguard_core::evaluate::{evaluate, Evaluation, FamilyCounts, Sample};
use postguard_core::model::LearnedModel;
use postguard_core::{Analyzer, Category, Engines};
use std::io::Write;
use std::process::ExitCode;

/// Runs the subcommand.
pub fn run(args: &Args) -> Result<ExitCode, String> {
    if args.sources {
        return sources(args);
    }
    if args.files.is_empty() {
        return Err("`eval` needs at least one corpus file".into());
    }
    let analyzer = policy_file::analyzer(args.policy.as_deref())?;
    let mut samples = Vec::new();
    let mut bad_lines = 0;
    for file in &args.files {
        let text = std::fs::read_to_string(file).map_err(|e| format!("cannot read {file}: {e}"))?;
        for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            match serde_json::from_str::<Sample>(line) {
                Ok(s) => samples.push(s),
                Err(e) => {
                    bad_lines += 1;
                    eprintln!("postguard: {file}:{}: {e} (line skipped)", n + 1);
                }
            }
        }
    }
    let eval = evaluate(&analyzer, &samples);
    let mut out = std::io::stdout().lock();
    write_table(&mut out, &eval, samples.len(), args.files.len()).map_err(|e| format!("cannot write output: {e}"))?;
    Ok(if bad_lines > 0 { ExitCode::from(2) } else { ExitCode::SUCCESS })
}

fn write_table(out: &mut impl Write, eval: &Evaluation, posts: usize, files: usize) -> std::io::Result<()> {
    writeln!(out, "{posts} posts from {files} file(s), {} benign\n", eval.benign)?;
    writeln!(
        out,
        "{:<16} {:>8} {:>6} {:>6} {:>10} {:>8}",
        "family", "expected", "found", "missed", "precision", "recall"
    )?;
    for category in Category::ALL {
        let c = eval.family(category);
        writeln!(
            out,
            "{:<16} {:>8} {:>6} {:>6} {:>10.3} {:>8.3}",
            category.as_str(),
            c.true_positives + c.false_negatives,
            c.true_positives + c.false_positives,
            c.false_negatives,
            c.precision(),
            c.recall()
        )?;
    }
    let pct = |n: usize| if eval.benign == 0 { 0.0 } else { 100.0 * n as f64 / eval.benign as f64 };
    writeln!(
        out,
        "\nbenign posts paused: {} of {} ({:.1} %); marked at all: {} ({:.1} %)",
        eval.benign_warned,
        eval.benign,
        pct(eval.benign_warned),
        eval.benign_marked,
        pct(eval.benign_marked)
    )?;
    for (label, list) in [("missed", &eval.misses), ("found but not expected", &eval.false_alarms)] {
        if !list.is_empty() {
            writeln!(out, "\n{label}:")?;
            for (id, category) in list {
                writeln!(out, "  {id}  {}", category.as_str())?;
            }
        }
    }
    Ok(())
}

/// `eval --sources`: every source in `splits.json`, by split, for the rules alone, the learned model
/// alone and both: what the README's quality figures are copied from.
fn sources(args: &Args) -> Result<ExitCode, String> {
    let dir = args.corpus.as_deref().unwrap_or(std::path::Path::new("tests/corpus"));
    let sources = corpus::sources(dir)?;
    let policy = policy_file::load(args.policy.as_deref())?.policy;
    let model = match &args.weights {
        Some(path) => {
            let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            // A command-line run reads one model file for its whole life.
            let model = LearnedModel::from_bytes(Box::leak(bytes.into_boxed_slice()))
                .map_err(|e| format!("{}: {e}", path.display()))?;
            Some(&*Box::leak(Box::new(model)))
        }
        None => Some(LearnedModel::shipped().map_err(|e| e.to_string())?),
    };
    let load = |engines| Analyzer::with_model(policy.clone(), model, engines).map_err(|e| e.to_string());
    let systems = [("rules", load(Engines::Rules)?), ("model", load(Engines::Model)?), ("both", load(Engines::Both)?)];
    let mut out = std::io::stdout().lock();
    let w = |e: std::io::Error| format!("cannot write output: {e}");
    let only = args.split.as_deref();
    if let Some(name) = only {
        if ![Split::Test, Split::Measure, Split::Validation, Split::Train].iter().any(|s| s.as_str() == name) {
            return Err(format!("--split {name}: not a split (test, measure, validation, train)"));
        }
    }
    for split in [Split::Test, Split::Measure, Split::Validation, Split::Train] {
        if only.is_some_and(|name| name != split.as_str()) {
            continue;
        }
        let chosen: Vec<_> = sources.iter().filter(|s| s.split == split).collect();
        if chosen.is_empty() {
            continue;
        }
        writeln!(out, "\n{} split: precision / recall / F1 per family; share of benign posts paused", split.as_str())
            .map_err(w)?;
        writeln!(
            out,
            "{:<32} {:<6} {:>7} {:<18} {:<18} {:<18} {:>14}",
            "source", "system", "posts", "confidentiality", "consent", "disrepute", "benign paused"
        )
        .map_err(w)?;
        for source in chosen {
            let samples = corpus::read(&source.files)?;
            for (name, analyzer) in &systems {
                let e = evaluate(analyzer, &samples);
                let cells: Vec<String> = Category::ALL.iter().map(|&c| cell(e.family(c))).collect();
                writeln!(
                    out,
                    "{:<32} {:<6} {:>7} {:<18} {:<18} {:<18} {:>14}",
                    truncate(&source.name, 32),
                    name,
                    samples.len(),
                    cells[0],
                    cells[1],
                    cells[2],
                    format!("{} of {} ({:.1} %)", e.benign_warned, e.benign, 100.0 * e.benign_warn_rate())
                )
                .map_err(w)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// "P / R / F1", or a dash where the source has no posts of the family and the model found none.
fn cell(c: FamilyCounts) -> String {
    let expected = c.true_positives + c.false_negatives;
    if expected == 0 {
        return if c.false_positives == 0 { "-".into() } else { format!("{} false", c.false_positives) };
    }
    let (p, r) = (c.precision(), c.recall());
    let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    format!("{p:.2} / {r:.2} / {f1:.2}")
}

fn truncate(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}
