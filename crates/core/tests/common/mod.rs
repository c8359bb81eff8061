//! What the corpus tests share: the labelled JSON-lines files of a corpus folder, in name order.

use std::path::{Path, PathBuf};

/// Each line of every `*.jsonl` file directly in `dir` (files sorted by name, blank lines skipped),
/// with its file and 1-based line number for error messages.
pub fn jsonl_lines(dir: &Path) -> Vec<(PathBuf, usize, String)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("readable corpus file");
        for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            out.push((file.clone(), n + 1, line.to_string()));
        }
    }
    out
}
