//! The labelled corpus and its splits (`tests/corpus/splits.json`), read the same way by `train` and
//! `eval --sources`, so the posts a figure is measured on are provably not the posts trained on.

use postguard_core::evaluate::Sample;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// What a source is used for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Split {
    /// The model learns from it.
    Train,
    /// Thresholds are picked on it.
    Validation,
    /// Only measured; never read by training or threshold selection.
    Test,
    /// The development corpus the rules were built against: measured, never trained on.
    Measure,
}

impl Split {
    /// Lower-case name for tables.
    pub fn as_str(self) -> &'static str {
        match self {
            Split::Train => "train",
            Split::Validation => "validation",
            Split::Test => "test",
            Split::Measure => "measure",
        }
    }
}

/// One source of labelled posts.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Name for tables and reports.
    pub name: String,
    /// What it is used for.
    pub split: Split,
    /// Files, relative to the corpus folder.
    pub files: Vec<PathBuf>,
    /// How much each post counts in training.
    #[serde(default = "one")]
    pub weight: f32,
}

fn one() -> f32 {
    1.0
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SplitsFile {
    #[allow(dead_code)]
    about: String,
    sources: Vec<Source>,
}

/// Reads `splits.json` in `corpus` and checks every file it names exists.
pub fn sources(corpus: &Path) -> Result<Vec<Source>, String> {
    let path = corpus.join("splits.json");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let file: SplitsFile = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut sources = file.sources;
    for s in &mut sources {
        for f in &mut s.files {
            *f = corpus.join(&*f);
            if !f.is_file() {
                return Err(format!("{} names {}, which does not exist", path.display(), f.display()));
            }
        }
    }
    Ok(sources)
}

/// Every labelled post in `files`, in order. A malformed line is an error naming the file and line.
pub fn read(files: &[PathBuf]) -> Result<Vec<Sample>, String> {
    let mut samples = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            let sample: Sample =
                serde_json::from_str(line).map_err(|e| format!("{}:{}: {e}", file.display(), n + 1))?;
            samples.push(sample);
        }
    }
    Ok(samples)
}
