//! Command-line options shared by the subcommands. Hand-parsed: four flags do not justify a parser
//! dependency, and errors name the flag that was wrong.

use std::path::PathBuf;

/// Parsed options.
#[derive(Debug, Default)]
pub struct Args {
    /// `--json`: machine-readable output for one draft.
    pub json: bool,
    /// `--jsonl FILE`: batch mode.
    pub jsonl: Option<PathBuf>,
    /// `--policy FILE`: the Trust's policy JSON (the managed-storage keys).
    pub policy: Option<PathBuf>,
    /// Positional files (`-` is standard input).
    pub files: Vec<String>,
    /// `--corpus DIR`: the labelled corpus with its `splits.json` (`train`, `eval --sources`).
    pub corpus: Option<PathBuf>,
    /// `--teacher FILE`: the teacher's word vectors (`train`).
    pub teacher: Option<PathBuf>,
    /// `--out FILE`: where `train` writes the weights.
    pub out: Option<PathBuf>,
    /// `--check`: `train` compares with the weights on disk instead of writing them.
    pub check: bool,
    /// `--words`: `train` lists the training split's words for the teacher instead of training.
    pub words: bool,
    /// `--sources`: `eval` measures every source in `splits.json` with rules, model and both.
    pub sources: bool,
    /// `--weights FILE`: `eval --sources` measures this model file instead of the shipped one.
    pub weights: Option<PathBuf>,
    /// `--split NAME`: `eval --sources` measures only that split's sources (`validation` while tuning,
    /// so test figures are never seen until the end).
    pub split: Option<String>,
    /// `--option KEY=VALUE`: `train` with a setting other than the shipped model's (to try one out).
    pub options: Vec<(String, String)>,
}

/// Parses the arguments after the subcommand.
pub fn parse(argv: &[String]) -> Result<Args, String> {
    let mut args = Args::default();
    let mut it = argv.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--json" => args.json = true,
            "--jsonl" => args.jsonl = Some(value(&mut it, "--jsonl")?.into()),
            "--policy" => args.policy = Some(value(&mut it, "--policy")?.into()),
            "--corpus" => args.corpus = Some(value(&mut it, "--corpus")?.into()),
            "--teacher" => args.teacher = Some(value(&mut it, "--teacher")?.into()),
            "--out" => args.out = Some(value(&mut it, "--out")?.into()),
            "--check" => args.check = true,
            "--words" => args.words = true,
            "--sources" => args.sources = true,
            "--weights" => args.weights = Some(value(&mut it, "--weights")?.into()),
            "--split" => args.split = Some(value(&mut it, "--split")?.to_string()),
            "--option" => {
                let kv = value(&mut it, "--option")?;
                let (k, v) = kv.split_once('=').ok_or_else(|| format!("`--option` needs KEY=VALUE, not `{kv}`"))?;
                args.options.push((k.to_string(), v.to_string()));
            }
            flag if flag.starts_with("--") => return Err(format!("unknown option `{flag}`")),
            file => args.files.push(file.to_string()),
        }
    }
    Ok(args)
}

fn value<'a>(it: &mut impl Iterator<Item = &'a String>, flag: &str) -> Result<&'a str, String> {
    it.next().map(String::as_str).ok_or_else(|| format!("`{flag}` needs a file name"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn parses_flags_and_files() {
        let a = parse(&strings(&["--json", "--policy", "p.json", "draft.txt"])).expect("parses");
        assert!(a.json);
        assert_eq!(a.policy, Some(PathBuf::from("p.json")));
        assert_eq!(a.files, ["draft.txt"]);
    }

    #[test]
    fn names_the_bad_flag() {
        assert_eq!(parse(&strings(&["--nope"])).unwrap_err(), "unknown option `--nope`");
        assert_eq!(parse(&strings(&["--policy"])).unwrap_err(), "`--policy` needs a file name");
    }
}
