//! Loading the Trust's policy JSON, so IT can test a configuration before rolling it out.

use postguard_core::{Analyzer, Policy};
use std::path::Path;

/// Builds the analyser for `--policy FILE`, or the defaults without one.
pub fn analyzer(path: Option<&Path>) -> Result<Analyzer, String> {
    let policy = match path {
        None => Policy::default(),
        Some(path) => {
            let text =
                std::fs::read_to_string(path).map_err(|e| format!("cannot read policy {}: {e}", path.display()))?;
            serde_json::from_str(&text).map_err(|e| format!("policy {}: {e}", path.display()))?
        }
    };
    Analyzer::new(policy).map_err(|e| e.to_string())
}
