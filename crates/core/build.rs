//! Turns the data files under `data/` into static Rust tables at compile time.
//!
//! Policy text (rule messages, policy references, lexicons) lives in data so that comms and IG staff can
//! review it without reading code; compiling it into statics means the WASM pays nothing at start-up to
//! parse it and a malformed file is a build error, never a runtime surprise.

use serde::Deserialize;

// The analyser's own normalisation and vocabulary format, so word lists are merged here exactly as the
// runtime reads them (and tests do); the runtime-only halves are unused here.
#[allow(dead_code)]
#[path = "src/normalize.rs"]
mod normalize;
#[allow(dead_code)]
#[path = "src/vocabulary_compile.rs"]
mod vocabulary_compile;
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
    /// The one-click fix this rule offers (`crate::fixes::FixKind`, kebab-case), if any.
    fix: Option<String>,
    /// The fix's label, lower case after "Fix: " (e.g. "hide the NHS number"); `{text}` stands for the
    /// replacement wording the policy sets.
    fix_label: Option<String>,
}

fn main() {
    let data = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap_or_default()).join("data");
    println!("cargo:rerun-if-changed={}", data.display());
    let mut out = String::new();

    let trusts: TrustFile = parse(&data.join("trusts.toml"));
    let keys: BTreeSet<&str> = trusts.trust.iter().map(|t| t.key.as_str()).collect();
    out.push_str(
        "/// The Trust policies that rules cite, from `data/trusts.toml`.\npub static TRUSTS: &[TrustInfo] = &[\n",
    );
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
            fail(&pair[1].0, &format!("rule id {:?} is defined twice", pair[1].1.id));
        }
    }
    out.push_str("/// Every rule's catalogue entry, sorted by id, from `data/rules/*.toml`.\npub static RULES: &[RuleInfo] = &[\n");
    for (path, r) in &rules {
        let category = match r.category.as_str() {
            "confidentiality" => "Confidentiality",
            "consent" => "Consent",
            "disrepute" => "Disrepute",
            other => fail(path, &format!("rule {:?}: unknown category {other:?}", r.id)),
        };
        let severity = match r.severity.as_str() {
            "info" => "Info",
            "warn" => "Warn",
            "high" => "High",
            other => fail(path, &format!("rule {:?}: unknown severity {other:?}", r.id)),
        };
        if r.refs.is_empty() {
            fail(path, &format!("rule {:?} cites no policy clause", r.id));
        }
        let mut refs = String::new();
        for reference in &r.refs {
            let (key, clause) = reference.split_once(' ').unwrap_or((reference, ""));
            if !keys.contains(key) || clause.trim().is_empty() {
                fail(path, &format!("rule {:?}: reference {reference:?} must be \"<trust key> <clause>\"", r.id));
            }
            let _ = write!(refs, "PolicyRef {{ trust: {key:?}, clause: {:?} }}, ", clause.trim());
        }
        let fix = match (r.fix.as_deref(), r.fix_label.as_deref()) {
            (None, None) => "None".to_string(),
            (Some(kind), Some(label)) => {
                let variant = match kind {
                    "mask" => "Mask",
                    "mask-value" => "MaskValue",
                    "remove" => "Remove",
                    "drop-place" => "DropPlace",
                    "patient-role" => "PatientRole",
                    "colleague-role" => "ColleagueRole",
                    "disclaimer" => "Disclaimer",
                    "speak-up" => "SpeakUp",
                    other => fail(path, &format!("rule {:?}: unknown fix {other:?}", r.id)),
                };
                format!("Some(FixInfo {{ kind: FixKind::{variant}, label: {:?} }})", label.trim())
            }
            _ => fail(path, &format!("rule {:?}: `fix` and `fix_label` go together", r.id)),
        };
        let _ = writeln!(
            out,
            "    RuleInfo {{ id: {:?}, category: Category::{category}, severity: Severity::{severity}, title: {:?}, message: {:?}, suggestion: {:?}, refs: &[{refs}], fix: {fix} }},",
            r.id, r.title, r.message.trim(), r.suggestion.as_deref().map(str::trim)
        );
    }
    out.push_str("];\n\n");

    out.push_str("/// Context word classes, one per file in `data/context/`, in the order of [`ContextClass`] ids.\npub static CONTEXT_LISTS: &[(&str, &str)] = &[\n");
    let mut consts = String::new();
    for (i, path) in sorted_files(&data.join("context"), "txt").iter().enumerate() {
        let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
        let _ = writeln!(out, "    ({name:?}, include_str!({:?})),", path.display().to_string());
        let _ = writeln!(
            consts,
            "    /// Words from `data/context/{name}.txt`.\n    pub const {}: ContextClass = ContextClass({i});",
            name.to_uppercase().replace('-', "_")
        );
    }
    out.push_str("];\n\n/// Named ids of the context classes.\npub mod class {\n    use super::ContextClass;\n");
    out.push_str(&consts);
    out.push_str("}\n");

    let out_dir = PathBuf::from(env::var("OUT_DIR").unwrap_or_default());
    build_vocabulary(&data, &out_dir, &mut out);
    build_patterns(&PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap_or_default()).join("src"), &out_dir);

    let dest = out_dir.join("catalogue.rs");
    if let Err(e) = fs::write(&dest, out) {
        panic!("cannot write {}: {e}", dest.display());
    }
}

/// Compiles the context classes (`data/context/*.txt`, first, so `ContextClass(i)` is list `i`) and every
/// detector's word lists (`data/words/<detector>.txt`, one `[section]` per list) into the shipped vocabulary
/// (`$OUT_DIR/vocabulary.txt`), and writes the lists' ids as `words::<detector>::<SECTION>` constants.
fn build_vocabulary(data: &Path, out_dir: &Path, out: &mut String) {
    let mut lists: Vec<Vec<(String, bool)>> = Vec::new();
    for path in sorted_files(&data.join("context"), "txt") {
        lists.push(read_entries(&path, &read(&path)));
    }
    out.push_str("\n/// Where each detector's word lists (`data/words/<detector>.txt`) stand in the vocabulary; every\n/// section of a file is one list, and its constant is the list's index among the detector's lists.\npub mod words {\n");
    for path in sorted_files(&data.join("words"), "txt") {
        let detector = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
        let base = lists.len();
        let mut consts = String::new();
        let mut section: Option<(String, String)> = None;
        let mut sections = Vec::new();
        for line in read(&path).lines() {
            let trimmed = line.trim();
            if let Some(header) = trimmed.strip_prefix('[') {
                let Some((name, file)) = header.split_once(']') else {
                    fail(&path, &format!("unclosed section header {trimmed:?}"));
                };
                sections.extend(section.take());
                let file = file.trim();
                let text = if file.is_empty() { String::new() } else { read(&data.join(file)) };
                section = Some((name.trim().to_string(), text));
            } else if let Some((_, text)) = section.as_mut() {
                text.push_str(line);
                text.push('\n');
            } else if !trimmed.is_empty() && !trimmed.starts_with('#') {
                fail(&path, &format!("entry {trimmed:?} before the first [section]"));
            }
        }
        sections.extend(section);
        for (i, (name, text)) in sections.iter().enumerate() {
            let constant = name.to_uppercase();
            if !constant.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_') {
                fail(&path, &format!("section name {name:?} must be lower_snake_case"));
            }
            let entries = read_entries(&path, text);
            if entries.is_empty() {
                fail(&path, &format!("section [{name}] has no entries"));
            }
            lists.push(entries);
            let _ = writeln!(consts, "        /// The `[{name}]` list.\n        pub const {constant}: usize = {i};");
        }
        let _ = writeln!(
            out,
            "    /// The lists of `data/words/{detector}.txt`.\n    pub mod {detector} {{\n        /// First list in the vocabulary and how many.\n        pub const LISTS: (usize, usize) = ({base}, {});\n{consts}    }}",
            sections.len()
        );
    }
    out.push_str("}\n\n");
    let text = vocabulary_compile::to_text(&lists).unwrap_or_else(|e| fail(&data.join("words"), &e));
    let dest = out_dir.join("vocabulary.txt");
    if let Err(e) = fs::write(&dest, text) {
        panic!("cannot write {}: {e}", dest.display());
    }
    let _ = writeln!(
        out,
        "/// How many lists the vocabulary holds.\npub const VOCABULARY_LISTS: usize = {};\n/// Every entry of every list, merged and sorted (`vocabulary_compile::to_text`).\npub static VOCABULARY_TEXT: &str = include_str!(concat!(env!(\"OUT_DIR\"), \"/vocabulary.txt\"));",
        lists.len(),
    );
}

/// The entries of one list in normal form, with whether each is a prefix (`diagnos*`): one a line,
/// blank lines and `#` comments skipped.
fn read_entries(path: &Path, text: &str) -> Vec<(String, bool)> {
    let mut entries = Vec::new();
    for entry in vocabulary_compile::entries(text) {
        let (word, prefix) = vocabulary_compile::split_prefix(entry);
        let normal = normalize::Normalized::new(word).as_str().trim().to_string();
        if normal.is_empty() {
            fail(path, &format!("entry {entry:?} is empty once normalised"));
        }
        entries.push((normal, prefix));
    }
    entries
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
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
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    toml::from_str(&text).unwrap_or_else(|e| fail(path, &e.to_string()))
}

fn fail(path: &Path, why: &str) -> ! {
    panic!("{}: {why}", path.display())
}

/// Compiles every `pattern!(NAME, r"…")` declared under `src/` into a forward and a reverse dense DFA,
/// serialised little-endian (wasm32 and x86 alike) to `$OUT_DIR/patterns/NAME.{fwd,rev}`.
fn build_patterns(src: &Path, out_dir: &Path) {
    println!("cargo:rerun-if-changed={}", src.display());
    if env::var("CARGO_CFG_TARGET_ENDIAN").as_deref() == Ok("big") {
        panic!("postguard's prebuilt DFAs are serialised little-endian; big-endian targets are not supported");
    }
    let dir = out_dir.join("patterns");
    fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
    let mut seen = BTreeSet::new();
    for file in rust_files(src) {
        let text = fs::read_to_string(&file).unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()));
        for (name, source) in declared_patterns(&text, &file) {
            if !seen.insert(name.clone()) {
                fail(&file, &format!("pattern name {name} is declared twice in the crate"));
            }
            let re = regex_automata::dfa::regex::Builder::new()
                .dense(regex_automata::dfa::dense::Config::new().minimize(true))
                .build(&source)
                .unwrap_or_else(|e| fail(&file, &format!("pattern {name} does not compile: {e}")));
            for (ext, dfa) in [("fwd", re.forward()), ("rev", re.reverse())] {
                let (bytes, pad) = dfa.to_bytes_little_endian();
                let path = dir.join(format!("{name}.{ext}"));
                fs::write(&path, &bytes[pad..]).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
            }
            let window = digit_window(&source).unwrap_or_else(|e| fail(&file, &format!("pattern {name}: {e}")));
            let path = dir.join(format!("{name}.window"));
            fs::write(&path, format!("{window:?}")).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
        }
    }
}

/// `Some(n)` when every match of the pattern contains an ASCII digit and is at most `n` bytes long: its
/// matches then all lie within `n` bytes of a digit, and the search can skip text far from any digit
/// (`pattern::Matcher::find_iter`). Most drafts have few digits; most identifiers are made of them.
fn digit_window(source: &str) -> Result<Option<usize>, String> {
    let hir = regex_syntax::ParserBuilder::new().utf8(false).build().parse(source).map_err(|e| e.to_string())?;
    Ok(hir.properties().maximum_len().filter(|_| needs_digit(&hir)))
}

/// Whether every string `hir` matches contains an ASCII digit.
fn needs_digit(hir: &regex_syntax::hir::Hir) -> bool {
    use regex_syntax::hir::{Class, HirKind};
    match hir.kind() {
        HirKind::Literal(lit) => lit.0.iter().any(u8::is_ascii_digit),
        HirKind::Class(Class::Bytes(class)) => {
            class.ranges().iter().all(|r| r.start().is_ascii_digit() && r.end().is_ascii_digit())
        }
        HirKind::Class(Class::Unicode(class)) => {
            class.ranges().iter().all(|r| r.start().is_ascii_digit() && r.end().is_ascii_digit())
        }
        HirKind::Repetition(rep) => rep.min > 0 && needs_digit(&rep.sub),
        HirKind::Capture(cap) => needs_digit(&cap.sub),
        HirKind::Concat(parts) => parts.iter().any(needs_digit),
        HirKind::Alternation(parts) => parts.iter().all(needs_digit),
        HirKind::Empty | HirKind::Look(_) => false,
    }
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
    out
}

/// Finds `pattern!(NAME, r"…")` / `pattern!(NAME, r#"…"#)` at the start of a line (after optional
/// whitespace and a `crate::` path), so mentions in comments and docs are ignored.
fn declared_patterns(text: &str, file: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("pattern!(") {
        let line_start = rest[..at].rfind('\n').map_or(0, |i| i + 1);
        let prefix = rest[line_start..at].trim();
        let after = &rest[at + "pattern!(".len()..];
        rest = after;
        if !(prefix.is_empty() || prefix == "crate::" || prefix == "$crate::") {
            continue;
        }
        let Some(comma) = after.find(',') else { continue };
        let name = after[..comma].trim();
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_') {
            continue; // e.g. the macro's own definition, `pattern!($name:ident, …)`
        }
        let lit = after[comma + 1..].trim_start();
        let Some(raw) = lit.strip_prefix('r') else {
            fail(file, &format!("pattern {name}: write the pattern as a raw string literal r\"…\""))
        };
        let hashes = raw.len() - raw.trim_start_matches('#').len();
        let body = &raw[hashes..];
        let Some(body) = body.strip_prefix('"') else { fail(file, &format!("pattern {name}: expected a raw string")) };
        let close = format!("\"{}", "#".repeat(hashes));
        let Some(end) = body.find(&close) else { fail(file, &format!("pattern {name}: unterminated raw string")) };
        out.push((name.to_string(), body[..end].to_string()));
    }
    out
}
