//! `postguard check`: one draft (human-readable or `--json`), or many as JSON lines (`--jsonl`).

use crate::args::Args;
use crate::{json, policy_file};
use postguard_core::{Analyzer, Finding};
use serde::Deserialize;
use serde_json::json;
use std::io::{BufRead, BufReader, Read, Write};
use std::process::ExitCode;

/// One input line of `--jsonl`.
#[derive(Deserialize)]
struct Item {
    id: serde_json::Value,
    text: String,
}

/// Runs the subcommand.
pub fn run(args: &Args) -> Result<ExitCode, String> {
    let analyzer = policy_file::analyzer(args.policy.as_deref())?;
    if let Some(path) = &args.jsonl {
        return jsonl(&analyzer, path);
    }
    let draft = read_draft(args.files.first().map(String::as_str).unwrap_or("-"))?;
    let report = analyzer.analyze_report(&draft);
    let mut out = std::io::stdout().lock();
    let written = if args.json {
        let value = json!({ "findings": json::findings(&draft, &report.findings), "truncated": report.truncated });
        writeln!(out, "{value}")
    } else {
        write_human(&mut out, &draft, &report.findings, report.truncated)
    };
    written.map_err(|e| format!("cannot write output: {e}"))?;
    Ok(exit_for(&report.findings))
}

fn read_draft(source: &str) -> Result<String, String> {
    let mut text = String::new();
    if source == "-" {
        std::io::stdin().read_to_string(&mut text).map_err(|e| format!("cannot read standard input: {e}"))?;
    } else {
        text = std::fs::read_to_string(source).map_err(|e| format!("cannot read {source}: {e}"))?;
    }
    Ok(text)
}

/// 1 when any finding would pause the post, else 0.
fn exit_for(findings: &[Finding]) -> ExitCode {
    if findings.iter().any(|f| f.action.gates()) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn jsonl(analyzer: &Analyzer, path: &std::path::Path) -> Result<ExitCode, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut out = std::io::stdout().lock();
    let mut bad_lines = 0;
    let mut gated = false;
    for (n, line) in BufReader::new(file).lines().enumerate() {
        let where_ = format!("{}:{}", path.display(), n + 1);
        let line = line.map_err(|e| format!("{where_}: cannot read: {e}"))?;
        if line.trim().is_empty() {
            continue;
        }
        let value = match serde_json::from_str::<Item>(&line) {
            Ok(item) => {
                let findings = analyzer.analyze(&item.text);
                gated |= findings.iter().any(|f| f.action.gates());
                json!({ "id": item.id, "findings": json::findings(&item.text, &findings) })
            }
            Err(e) => {
                // A bad line is reported where it is and never stops the others.
                bad_lines += 1;
                eprintln!("postguard: {where_}: {e}");
                json!({ "id": null, "line": n + 1, "error": e.to_string() })
            }
        };
        writeln!(out, "{value}").map_err(|e| format!("cannot write output: {e}"))?;
    }
    Ok(if bad_lines > 0 {
        ExitCode::from(2)
    } else if gated {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Human-readable report: one block per finding, located by line and column.
fn write_human(out: &mut impl Write, draft: &str, findings: &[Finding], truncated: bool) -> std::io::Result<()> {
    if findings.is_empty() {
        return writeln!(out, "No risks found.");
    }
    for f in findings {
        let (line, col) = line_col(draft, f.start);
        let pauses = if f.action.gates() { "pauses the post" } else { "shown, does not pause" };
        writeln!(out, "{line}:{col}  {} — {} ({}, {})", f.title, f.category.as_str(), f.severity.as_str(), f.rule)?;
        writeln!(out, "    \"{}\"", &draft[f.start..f.end])?;
        writeln!(out, "    {}", f.message)?;
        if let Some(s) = f.suggestion {
            writeln!(out, "    Suggestion: {s}")?;
        }
        if !f.cues.is_empty() {
            let words: Vec<String> =
                f.cues.iter().map(|&(s, e)| format!("\"{}\"", draft.get(s..e).unwrap_or_default())).collect();
            writeln!(out, "    Words that weighed most: {}", words.join(", "))?;
        }
        writeln!(out, "    Policy: {}", f.policy_ref)?;
        writeln!(out, "    Action: {} ({pauses}); why: {}", f.action.as_str(), f.why)?;
    }
    let gating = findings.iter().filter(|f| f.action.gates()).count();
    writeln!(out, "\n{} finding(s), {gating} would pause the post.", findings.len())?;
    if truncated {
        writeln!(out, "More findings exist than are shown.")?;
    }
    Ok(())
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        assert_eq!(line_col("ab\ncé😀d", 3), (2, 1));
        assert_eq!(line_col("ab\ncé😀d", 3 + 1 + 2 + 4), (2, 4));
    }

    #[test]
    fn human_report_names_rule_span_and_policy() {
        let analyzer = Analyzer::new(postguard_core::Policy::default()).expect("builds");
        let draft = "Patient NHS number 943 476 5919 seen today";
        let mut out = Vec::new();
        write_human(&mut out, draft, &analyzer.analyze(draft), false).expect("writes");
        let text = String::from_utf8(out).expect("utf8");
        assert!(text.contains("1:20  NHS number"), "{text}");
        assert!(text.contains("\"943 476 5919\""), "{text}");
        assert!(text.contains("would pause the post"), "{text}");
    }
}
