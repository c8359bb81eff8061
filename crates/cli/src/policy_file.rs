//! Loading the Trust's policy JSON, so IT can test a configuration before rolling it out.
//!
//! The file is read exactly as the extension reads managed storage (`postguard_core::managed`): a bad
//! setting is reported on standard error and falls back to its default, and the rest of the policy
//! still applies, so a corpus run shows what the Trust's machines will actually do. The deployment
//! formats (a Chromium policy file, Firefox `policies.json`, Google Admin console JSON) are unwrapped,
//! so IT can test the very file they roll out.

use postguard_core::{managed, Analyzer, Loaded, PolicyIssue};
use std::path::Path;

/// Builds the analyser for `--policy FILE` (or the defaults without one), printing any issues with
/// the file to standard error.
pub fn analyzer(path: Option<&Path>) -> Result<Analyzer, String> {
    let (analyzer, loaded) = load(path)?.into_analyzer().map_err(|e| e.to_string())?;
    if let Some(path) = path {
        for line in issue_lines(path, &loaded.issues) {
            eprintln!("{line}");
        }
    }
    Ok(analyzer)
}

/// Reads and validates the policy file (defaults without one). Fails only when the file cannot be
/// read or is not JSON.
pub fn load(path: Option<&Path>) -> Result<Loaded, String> {
    match path {
        None => Ok(managed::load(&serde_json::Value::Null)),
        Some(path) => {
            let text =
                std::fs::read_to_string(path).map_err(|e| format!("cannot read policy {}: {e}", path.display()))?;
            managed::load_json_str(&text).map_err(|e| format!("policy {}: {e}", path.display()))
        }
    }
}

/// One line per issue, naming the file and the setting.
pub fn issue_lines(path: &Path, issues: &[PolicyIssue]) -> Vec<String> {
    let mut lines: Vec<String> =
        issues.iter().map(|i| format!("postguard: policy {}: `{}` {}", path.display(), i.setting, i.problem)).collect();
    if !issues.is_empty() {
        lines.push(format!(
            "postguard: policy {}: {} problem(s); those settings use their defaults, the rest of the policy applies",
            path.display(),
            issues.len()
        ));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issues_name_file_and_setting_and_the_rest_applies() {
        let dir = std::env::temp_dir().join(format!("postguard-cli-policy-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let file = dir.join("policy.json");
        std::fs::write(&file, r#"{"trustName":"Harbourside","ruleActions":{"nhs-number":"blok"}}"#).expect("write");
        let loaded = load(Some(&file)).expect("loads");
        assert_eq!(loaded.policy.trust_name, "Harbourside");
        let lines = issue_lines(&file, &loaded.issues);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines[0].contains("`ruleActions.nhs-number` \"blok\" is not an action"), "{lines:?}");
        assert!(lines[1].contains("the rest of the policy applies"));
        std::fs::write(&file, "{oops").expect("write");
        assert!(load(Some(&file)).unwrap_err().contains("not valid JSON"));
        std::fs::remove_dir_all(&dir).expect("clean up");
    }
}
