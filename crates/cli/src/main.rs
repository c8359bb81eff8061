//! `postguard`: check drafts and evaluate a policy against a labelled corpus, from a terminal.
//!
//! For comms and IG teams: try a draft before posting, or measure what a policy change would flag
//! across a corpus before IT rolls it out. The analysis is exactly the extension's (same core, same
//! policy JSON). Exit status: 0 nothing would pause the post, 1 something would, 2 usage or input error.

// A command-line tool's job is to print its results.
#![allow(clippy::print_stdout)]

mod args;
mod check;
mod corpus;
mod eval;
mod json;
mod policy_file;
mod rules_doc;
mod train;

use std::process::ExitCode;

const USAGE: &str = "\
usage:
  postguard check [--json] [--policy FILE] [FILE|-]   check one draft (default: standard input)
  postguard check --jsonl FILE [--policy FILE]        check JSON lines {\"id\",\"text\"}, one result line each
  postguard eval [--policy FILE] FILE...              precision, recall and benign warn rate of a corpus
                                                      (JSON lines {\"id\",\"text\",\"expect\":[families]})
  postguard eval --sources [--corpus DIR]             the same for every source in DIR/splits.json
                                                      (default tests/corpus), for the rules alone, the
                                                      learned model alone and both, by split
                                                      (--split NAME: that split only; --weights FILE:
                                                      a trained model other than the shipped one)
  postguard train [--corpus DIR] [--check] [--words]  rebuild the learned model's weights from the
                                                      corpus (--check: compare with the shipped ones;
                                                      --words: list training words for the teacher)
  postguard policy FILE                               check a policy file (or a Chromium/Firefox/Admin
                                                      console deployment file): print the effective
                                                      policy as JSON, problems on standard error
  postguard rules [--markdown]                        list the rule ids policies can set actions for
                                                      (--markdown: the table in docs/deploy.md)
  postguard help

exit status: 0 nothing would pause the post, 1 something would, 2 usage or input error;
`policy`: 0 the policy is valid, 1 some settings were rejected (they use their defaults)";

/// `postguard policy FILE`: the effective policy on standard output, problems on standard error.
fn policy_command(path: &std::path::Path) -> Result<ExitCode, String> {
    let loaded = policy_file::load(Some(path))?;
    for line in policy_file::issue_lines(path, &loaded.issues) {
        eprintln!("{line}");
    }
    let json = serde_json::json!({ "policy": loaded.policy, "sources": loaded.sources });
    println!("{}", serde_json::to_string_pretty(&json).map_err(|e| e.to_string())?);
    Ok(if loaded.issues.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let command: fn(&args::Args) -> Result<ExitCode, String> = match argv.first().map(String::as_str) {
        Some("check") => check::run,
        Some("eval") => eval::run,
        Some("train") => train::run,
        Some("policy") => {
            return match &argv[1..] {
                [file] => policy_command(std::path::Path::new(file)).unwrap_or_else(|message| {
                    eprintln!("postguard: {message}");
                    ExitCode::from(2)
                }),
                _ => usage_error("`policy` needs exactly one file"),
            };
        }
        Some("rules") if argv.get(1).map(String::as_str) == Some("--markdown") => {
            print!("{}", rules_doc::markdown());
            return ExitCode::SUCCESS;
        }
        Some("rules") => {
            for r in postguard_core::catalogue::RULES {
                println!("{:<20} {:<16} {:<5} {}", r.id, r.category.as_str(), r.severity.as_str(), r.title);
            }
            return ExitCode::SUCCESS;
        }
        Some("help" | "-h" | "--help") => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Some(other) => return usage_error(&format!("unknown command `{other}`")),
        None => return usage_error("no command given"),
    };
    let parsed = match args::parse(&argv[1..]) {
        Ok(parsed) => parsed,
        Err(message) => return usage_error(&message),
    };
    // Input and output failures say what failed; the usage text would only bury that.
    command(&parsed).unwrap_or_else(|message| {
        eprintln!("postguard: {message}");
        ExitCode::from(2)
    })
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("postguard: {message}\n\n{USAGE}");
    ExitCode::from(2)
}
