//! `postguard`: check drafts and evaluate a policy against a labelled corpus, from a terminal.
//!
//! For comms and IG teams: try a draft before posting, or measure what a policy change would flag
//! across a corpus before IT rolls it out. The analysis is exactly the extension's (same core, same
//! policy JSON). Exit status: 0 nothing would pause the post, 1 something would, 2 usage or input error.

// A command-line tool's job is to print its results.
#![allow(clippy::print_stdout)]

mod args;
mod check;
mod eval;
mod json;
mod policy_file;

use std::process::ExitCode;

const USAGE: &str = "\
usage:
  postguard check [--json] [--policy FILE] [FILE|-]   check one draft (default: standard input)
  postguard check --jsonl FILE [--policy FILE]        check JSON lines {\"id\",\"text\"}, one result line each
  postguard eval [--policy FILE] FILE...              precision, recall and benign warn rate of a corpus
                                                      (JSON lines {\"id\",\"text\",\"expect\":[families]})
  postguard help

exit status: 0 nothing would pause the post, 1 something would, 2 usage or input error";

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let result = match argv.first().map(String::as_str) {
        Some("check") => args::parse(&argv[1..]).and_then(|a| check::run(&a)),
        Some("eval") => args::parse(&argv[1..]).and_then(|a| eval::run(&a)),
        Some("help" | "-h" | "--help") => {
            println!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        Some(other) => Err(format!("unknown command `{other}`")),
        None => Err("no command given".to_string()),
    };
    result.unwrap_or_else(|message| {
        eprintln!("postguard: {message}\n\n{USAGE}");
        ExitCode::from(2)
    })
}
