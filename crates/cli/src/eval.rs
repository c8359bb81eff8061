//! `postguard eval`: per-family precision and recall, and the benign warn rate, over a corpus.

use crate::args::Args;
use crate::policy_file;
use postguard_core::evaluate::{evaluate, Evaluation, Sample};
use postguard_core::Category;
use std::io::Write;
use std::process::ExitCode;

/// Runs the subcommand.
pub fn run(args: &Args) -> Result<ExitCode, String> {
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
