//! The promise every one-click fix keeps, checked over every staff-written post in the repository (the
//! development corpus, the written batches and the unseen batches): apply a finding's fix, analyse the
//! fixed draft again, and the same rule is not reported where the finding or the edit was.
//!
//! This reads the corpora only to check the fixes; nothing here tunes a detector or the model.

// Test code: a missing or malformed corpus file should stop the test with its message.
#![allow(clippy::expect_used)]

use postguard_core::fixes::Edit;
use postguard_core::{Analyzer, Engines, Policy};
use std::path::{Path, PathBuf};

mod common;

fn texts(dir: &Path) -> Vec<(String, String)> {
    common::jsonl_lines(dir)
        .into_iter()
        .map(|(file, n, line)| {
            let v: serde_json::Value =
                serde_json::from_str(&line).unwrap_or_else(|e| panic!("{}:{n}: {e}", file.display()));
            (v["id"].as_str().expect("id").to_string(), v["text"].as_str().expect("text").to_string())
        })
        .collect()
}

/// Where byte `x` of the original text is after `edit`.
fn moved(x: usize, edit: &Edit) -> usize {
    if x <= edit.start {
        x
    } else if x >= edit.end {
        x - (edit.end - edit.start) + edit.text.len()
    } else {
        edit.start
    }
}

#[test]
fn no_fix_leaves_its_own_finding_behind() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus");
    let mut posts = texts(&root);
    posts.extend(texts(&root.join("written")));
    posts.extend(texts(&root.join("unseen")));
    assert!(posts.len() > 10_000, "the corpora should hold over 10,000 posts, found {}", posts.len());

    let analyzer = Analyzer::with_engines(Policy::default(), Engines::Rules).expect("builds");
    let (mut fixed, mut failures) = (0usize, Vec::new());
    for (id, text) in &posts {
        for finding in analyzer.analyze(text) {
            for fix in &finding.fixes {
                let [edit] = fix.edits.as_slice() else { panic!("{id}: a fix is one edit") };
                assert!(edit.start <= edit.end && edit.end <= text.len(), "{id}: edit outside the text");
                assert!(
                    text.is_char_boundary(edit.start) && text.is_char_boundary(edit.end),
                    "{id}: edit splits a character"
                );
                let mut after = text.clone();
                after.replace_range(edit.start..edit.end, &edit.text);
                let from = moved(finding.start, edit).min(edit.start);
                let to = moved(finding.end, edit).max(edit.start + edit.text.len());
                let again = analyzer.analyze(&after);
                fixed += 1;
                if let Some(left) =
                    again.iter().find(|g| g.rule == finding.rule && g.start < to.max(from + 1) && g.end > from)
                {
                    failures.push(format!(
                        "{id} {}: {:?} -> {:?} still has {:?}",
                        finding.rule,
                        text,
                        after,
                        &after[left.start..left.end]
                    ));
                }
            }
        }
    }
    assert!(fixed > 1_000, "expected over 1,000 fixes to check, found {fixed}");
    assert!(failures.is_empty(), "{} of {fixed} fixes left their finding:\n{}", failures.len(), failures.join("\n"));
}
