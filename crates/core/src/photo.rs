//! Findings about what an attached photo *shows*, as opposed to words read in it (those go through the
//! analyser like typed text). The extension looks at the photo on the device (faces: the browser's
//! photo check, `extension/photo/face-net.js`) and asks here what that means under the deployed
//! policy: which rule, how severe, which action and which clauses, from the same catalogue and the
//! same `ruleActions`/`familyActions` as every other rule. Nothing of the photo reaches this module,
//! only a count.

use crate::catalogue;
use crate::finding::Finding;
use crate::policy::Policy;

/// The rule for people seen in a photo (`data/rules/photo.toml`).
pub const PEOPLE_IN_PHOTO: &str = "people-in-photo";

/// The rules only the photo check raises; no text detector emits them.
pub const PHOTO_RULES: [&str; 1] = [PEOPLE_IN_PHOTO];

/// The finding for a photo in which `faces` faces were found, or `None` when there are none, the
/// policy turned face checks off (`photoFaces`), or its action for the rule is `off`.
pub fn people_in_photo(policy: &Policy, faces: u32) -> Option<Finding> {
    if faces == 0 || !policy.photo_faces {
        return None;
    }
    // The rule is in the catalogue (data/rules/photo.toml; a test below checks it).
    let info = catalogue::rule(PEOPLE_IN_PHOTO)?;
    let action = policy.action_for(info.id, info.category, info.severity);
    if action == crate::Action::Off {
        return None;
    }
    let why = if faces == 1 {
        "1 face found in the photo, on this device".to_string()
    } else {
        format!("{faces} faces found in the photo, on this device")
    };
    Some(Finding {
        rule: info.id,
        category: info.category,
        severity: info.severity,
        action,
        start: 0,
        end: 0,
        title: info.title,
        message: info.message,
        suggestion: info.suggestion,
        policy_ref: catalogue::format_refs(info, Some(policy.trust_profile.as_str())),
        why,
        cues: Vec::new(),
        fixes: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Action, Category, Severity};

    #[test]
    fn the_rule_is_in_the_catalogue() {
        assert!(catalogue::rule(PEOPLE_IN_PHOTO).is_some(), "data/rules/photo.toml defines people-in-photo");
    }

    #[test]
    fn faces_make_a_consent_finding_that_pauses_by_default() {
        let p = Policy::default();
        assert!(people_in_photo(&p, 0).is_none(), "no face, no finding");
        let f = people_in_photo(&p, 2).expect("a finding");
        assert_eq!(
            (f.rule, f.category, f.severity, f.action),
            (PEOPLE_IN_PHOTO, Category::Consent, Severity::Warn, Action::Warn)
        );
        assert!(f.action.gates());
        assert_eq!(f.why, "2 faces found in the photo, on this device");
        assert!(!f.policy_ref.is_empty(), "the finding cites the policy");
    }

    #[test]
    fn the_policy_sets_its_action_or_turns_it_off() {
        let mut p = Policy::default();
        p.rule_actions.insert(PEOPLE_IN_PHOTO.into(), Action::Acknowledge);
        assert_eq!(people_in_photo(&p, 1).map(|f| f.action), Some(Action::Acknowledge));
        p.rule_actions.insert(PEOPLE_IN_PHOTO.into(), Action::Inform);
        assert_eq!(people_in_photo(&p, 1).map(|f| f.action), Some(Action::Inform));
        p.rule_actions.insert(PEOPLE_IN_PHOTO.into(), Action::Off);
        assert!(people_in_photo(&p, 1).is_none());
        let mut p = Policy::default();
        p.family_actions.insert(Category::Consent, Action::Block);
        assert_eq!(people_in_photo(&p, 3).map(|f| f.action), Some(Action::Block));
        p.photo_faces = false;
        assert!(people_in_photo(&p, 3).is_none(), "photoFaces false: faces are not looked for or reported");
    }
}
