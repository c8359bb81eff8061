//! Turns the data files under `data/` into static Rust tables at compile time.
//!
//! Policy text (rule messages, policy references, lexicons) lives in data so that comms and IG staff can
//! review it without reading code; compiling it into statics means the WASM pays nothing at start-up to
//! parse it and a malformed file is a build error, never a runtime surprise.

use serde::Deserialize;
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TrustFile {
    trust: Vec<Trust>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Trust {
    key: String,
    short: String,
    name: String,
    policy: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    rule: Vec<Rule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Rule {
    id: String,
    category: String,
    severity: String,
    title: String,
    message: String,
    suggestion: Option<String>,
    refs: Vec<String>,
}

fn main() {
    let data = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap_or_default()).join("data");
    println!("cargo:rerun-if-changed={}", data.display());
    let mut out = String::new();

    let trusts: TrustFile = parse(&data.join("trusts.toml"));
    let keys: BTreeSet<&str> = trusts.trust.iter().map(|t| t.key.as_str()).collect();
    out.push_str("/// The Trust policies that rules cite, from `data/trusts.toml`.\npub static TRUSTS: &[TrustInfo] = &[\n");
    for t in &trusts.trust {
        let _ = writeln!(
            out,
            "    TrustInfo {{ key: {:?}, short: {:?}, name: {:?}, policy: {:?} }},",
            t.key, t.short, t.name, t.policy
        );
    }
    out.push_str("];\n\n");

    let mut rules = Vec::new();
    for path in sorted_files(&data.join("rules"), "toml") {
        let file: RuleFile = parse(&path);
        rules.extend(file.rule.into_iter().map(|r| (path.clone(), r)));
    }
    rules.sort_by(|a, b| a.1.id.cmp(&b.1.id));
    for pair in rules.windows(2) {
        if pair[0].1.id == pair[1].1.id {
            fail(
                &pair[1].0,
                &format!("rule id {:?} is defined twice", pair[1].1.id),
            );
        }
    }
    out.push_str("/// Every rule's catalogue entry, sorted by id, from `data/rules/*.toml`.\npub static RULES: &[RuleInfo] = &[\n");
    for (path, r) in &rules {
        let category = match r.category.as_str() {
            "confidentiality" => "Confidentiality",
            "consent" => "Consent",
            "disrepute" => "Disrepute",
            other => fail(
                path,
                &format!("rule {:?}: unknown category {other:?}", r.id),
            ),
        };
        let severity = match r.severity.as_str() {
            "info" => "Info",
            "warn" => "Warn",
            "high" => "High",
            other => fail(
                path,
                &format!("rule {:?}: unknown severity {other:?}", r.id),
            ),
        };
        if r.refs.is_empty() {
            fail(path, &format!("rule {:?} cites no policy clause", r.id));
        }
        let mut refs = String::new();
        for reference in &r.refs {
            let (key, clause) = reference.split_once(' ').unwrap_or((reference, ""));
            if !keys.contains(key) || clause.trim().is_empty() {
                fail(
                    path,
                    &format!(
                        "rule {:?}: reference {reference:?} must be \"<trust key> <clause>\"",
                        r.id
                    ),
                );
            }
            let _ = write!(
                refs,
                "PolicyRef {{ trust: {key:?}, clause: {:?} }}, ",
                clause.trim()
            );
        }
        let _ = writeln!(
            out,
            "    RuleInfo {{ id: {:?}, category: Category::{category}, severity: Severity::{severity}, title: {:?}, message: {:?}, suggestion: {:?}, refs: &[{refs}] }},",
            r.id, r.title, r.message.trim(), r.suggestion.as_deref().map(str::trim)
        );
    }
    out.push_str("];\n\n");

    out.push_str("/// Context word classes, one per file in `data/context/`, in the order of [`ContextClass`] ids.\npub static CONTEXT_LISTS: &[(&str, &str)] = &[\n");
    let mut consts = String::new();
    for (i, path) in sorted_files(&data.join("context"), "txt")
        .iter()
        .enumerate()
    {
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        let _ = writeln!(
            out,
            "    ({name:?}, include_str!({:?})),",
            path.display().to_string()
        );
        let _ = writeln!(
            consts,
            "    /// Words from `data/context/{name}.txt`.\n    pub const {}: ContextClass = ContextClass({i});",
            name.to_uppercase().replace('-', "_")
        );
    }
    out.push_str("];\n\n/// Named ids of the context classes.\npub mod class {\n    use super::ContextClass;\n");
    out.push_str(&consts);
    out.push_str("}\n");

    let dest = PathBuf::from(env::var("OUT_DIR").unwrap_or_default()).join("catalogue.rs");
    if let Err(e) = fs::write(&dest, out) {
        panic!("cannot write {}: {e}", dest.display());
    }
}

fn sorted_files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    files.sort();
    files
}

fn parse<T: serde::de::DeserializeOwned>(path: &Path) -> T {
    let text =
        fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    toml::from_str(&text).unwrap_or_else(|e| fail(path, &e.to_string()))
}

fn fail(path: &Path, why: &str) -> ! {
    panic!("{}: {why}", path.display())
}
