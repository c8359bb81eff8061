//! The deployed policy: what a Trust's IT configures, merged over embedded defaults.
//!
//! The same structure arrives from three places — managed browser storage (via the extension), a JSON
//! file (`postguard --policy`), or nothing at all (defaults) — so it lives here, in the core, and
//! every consumer gets identical behaviour. Field names are the managed-storage keys (camelCase), and
//! `extension/managed_schema.json` declares exactly these keys (a test keeps the two in step).
//!
//! Untrusted input never reaches this struct directly: [`crate::managed`] reads the raw JSON setting by
//! setting, so one bad value falls back to that setting's default and is reported, and the rest apply.

use crate::finding::{Action, Category, Severity};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// `photoWaitSeconds`: the least, the default and the most. A photo from a phone is checked in about a
/// second (docs/performance.md); a minute is the longest a person can be asked to wait at Post.
pub const PHOTO_WAIT_SECONDS: (u32, u32, u32) = (1, 10, 60);

/// A Trust's configuration. Every field has a sensible default so an empty policy works.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Policy {
    /// The Trust's name, shown in the pre-submit dialog.
    pub trust_name: String,
    /// Which seed policy's clause numbers warnings cite (`cwft`, `wsft`, `thh`, `cddft`, `cumbria`);
    /// empty cites all five.
    pub trust_profile: String,
    /// Who to ask about posting (usually the communications team), shown in the dialog.
    pub comms_contact: String,
    /// The Freedom to Speak Up route, offered instead of raising concerns on social media.
    pub speak_up_contact: String,
    /// Link to the Trust's social media policy document.
    pub policy_url: String,
    /// Action for every rule of a family, overriding the severity-based default.
    pub family_actions: BTreeMap<Category, Action>,
    /// Action for one rule by id, overriding the family action.
    pub rule_actions: BTreeMap<String, Action>,
    /// Action for the learned model's confident findings, per family (`off` turns the family's model
    /// findings off altogether). Its less confident findings are only ever marked (`inform`). The
    /// model's findings follow this rather than `familyActions`: a Trust that blocks every rule of a
    /// family has vetted those rules' precision, not the model's.
    pub model_actions: BTreeMap<Category, Action>,
    /// Local ward, unit and site names: a person near one of these is identifiable.
    pub ward_names: Vec<String>,
    /// Unannounced or internal project names that must not be posted.
    pub internal_terms: Vec<String>,
    /// Terms for local staff processes (e.g. a local name for disciplinary panels).
    pub staff_process_terms: Vec<String>,
    /// Local hospital-number formats as regular expressions (e.g. `RJ1\d{7}`).
    pub hospital_number_patterns: Vec<String>,
    /// Phrases never reported (e.g. the Trust's own campaign hashtag).
    pub allowlist: Vec<String>,
    /// Whether users may choose "Post anyway" at all. When false, every finding that would pause a
    /// post (`warn`, `acknowledge`) blocks it instead; see [`Policy::action_for`].
    pub allow_override: bool,
    /// Whether users may pause postguard for a while (e.g. while posting for the Trust's own account).
    pub allow_pause: bool,
    /// Sites postguard runs on, by site id ([`SITE_IDS`]); the others are left alone.
    pub enabled_sites: Vec<String>,
    /// Per site id, CSS selectors put in front of the built-in ones, for when a site changes its markup
    /// before an update ships.
    pub selector_overrides: BTreeMap<String, SiteSelectors>,
    /// Hosts IT adds beyond the built-in sites (a Mastodon instance, an intranet blog, a self-hosted
    /// WordPress), each with the adapter to use there and optional selectors.
    pub extra_sites: Vec<ExtraSite>,
    /// Hold a post when the checker cannot run (fail closed) instead of letting it through (fail open).
    pub fail_closed: bool,
    /// Whether the extension reads the text in attached photos (OCR, on the device) and checks it with
    /// the same rules as typed text. Turning it off leaves the generic consent reminder.
    pub photo_text: bool,
    /// Whether the extension looks for faces in attached photos (on the device) and reports people in
    /// them as a consent finding (`people-in-photo`, [`crate::photo`]).
    pub photo_faces: bool,
    /// How long a submit waits, in seconds, for an attached photo still being checked before the
    /// check counts as failed and `fail_closed` decides ([`PHOTO_WAIT_SECONDS`]).
    pub photo_wait_seconds: u32,
    /// Whether users may add their own terms (ward names, internal terms, staff-process terms) on the
    /// options page. Users can only add terms, never remove the Trust's or loosen an action.
    pub user_terms_allowed: bool,
    /// Whether findings offer one-click fixes (mask a number, replace a name with a role, add the
    /// disclaimer…; see [`crate::fixes`]). A Trust may turn them off to keep every edit the author's own.
    pub fixes_allowed: bool,
    /// The personal-views disclaimer the fix adds when a post speaks for the Trust. The trust-voice rule
    /// accepts it as a disclaimer, whatever its wording.
    pub disclaimer_text: String,
    /// The wording fixes put in place of what they remove.
    pub fix_wording: FixWording,
}

/// What fixes write instead of a name or a public concern. Each is a phrase the rules never flag.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct FixWording {
    /// In place of a patient's name.
    pub patient: String,
    /// In place of a named colleague in a claim about them.
    pub colleague: String,
    /// In place of a sentence raising a concern in public: a pointer to the internal route.
    pub speak_up: String,
}

impl Default for FixWording {
    fn default() -> Self {
        FixWording {
            patient: "a patient".into(),
            colleague: "a colleague".into(),
            speak_up: "If you are worried about care or safety at work, Freedom to Speak Up is there to help you raise it safely."
                .into(),
        }
    }
}

/// The id prefix of the learned model's rules, one per family (`learned-disrepute`, …).
pub const LEARNED_RULE_PREFIX: &str = "learned-";

/// The ids of the sites postguard knows, as used by `enabledSites` and `selectorOverrides`.
pub const SITE_IDS: [&str; 14] = [
    "x",
    "facebook",
    "linkedin",
    "instagram",
    "tiktok",
    "youtube",
    "whatsapp",
    "reddit",
    "threads",
    "bluesky",
    "medium",
    "wordpress",
    "messenger",
    "blogger",
];

/// The adapters kept for hosts IT adds only: the generic fallback and `mastodon`. `extraSites[].adapter`
/// may also name a built-in site's adapter (a Medium publication on its own domain, a self-hosted
/// WordPress's /wp-admin/ with `wordpress`): [`extra_adapters`] lists both. The extension's adapter table
/// holds each named one (`extension/content/adapters.js`; a test keeps the two in step).
pub const EXTRA_ADAPTERS_OWN: [&str; 2] = ["generic", "mastodon"];

/// Every name `extraSites[].adapter` accepts, in the order errors and the schema list them: the
/// adapters kept for added hosts, then the built-in sites'.
pub fn extra_adapters() -> impl Iterator<Item = &'static str> {
    EXTRA_ADAPTERS_OWN.iter().chain(SITE_IDS.iter()).copied()
}

/// A host IT adds: where (a normalised `https://host/path/` address; every page under it), which
/// adapter, and IT's selectors tried before that adapter's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExtraSite {
    /// `https://host/` or `https://host/path/`, lower-case host, `*.` in front for its subdomains.
    pub address: String,
    /// One of [`extra_adapters`].
    pub adapter: String,
    /// IT's selectors for this host (all optional).
    #[serde(flatten)]
    pub selectors: SiteSelectors,
}

/// IT's selectors for one site, tried before the built-in adapter's.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SiteSelectors {
    /// Compose boxes (contenteditable elements or textareas).
    pub editors: Vec<String>,
    /// Controls that send the post.
    pub submits: Vec<String>,
    /// File inputs for photos and videos.
    pub attachments: Vec<String>,
    /// Whether Enter (without Shift) sends from these editors; unset keeps the built-in behaviour.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enter_sends: Option<bool>,
    /// Whether Ctrl/Cmd+Enter sends from these editors; unset keeps the built-in behaviour.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ctrl_enter_sends: Option<bool>,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            trust_name: "your NHS Trust".into(),
            trust_profile: String::new(),
            comms_contact: "your Trust's communications team".into(),
            speak_up_contact: "your Freedom to Speak Up Guardian".into(),
            policy_url: String::new(),
            family_actions: BTreeMap::new(),
            rule_actions: BTreeMap::new(),
            model_actions: BTreeMap::new(),
            ward_names: Vec::new(),
            internal_terms: Vec::new(),
            staff_process_terms: Vec::new(),
            hospital_number_patterns: Vec::new(),
            allowlist: Vec::new(),
            allow_override: true,
            allow_pause: true,
            enabled_sites: SITE_IDS.iter().map(|s| s.to_string()).collect(),
            selector_overrides: BTreeMap::new(),
            extra_sites: Vec::new(),
            fail_closed: false,
            photo_text: true,
            photo_faces: true,
            photo_wait_seconds: PHOTO_WAIT_SECONDS.1,
            user_terms_allowed: false,
            fixes_allowed: true,
            disclaimer_text: "Views my own, not my employer's.".into(),
            fix_wording: FixWording::default(),
        }
    }
}

impl Policy {
    /// The action for a finding of `rule` in `category` at `severity`: the rule's own setting, else the
    /// family's, else the severity default. A family or rule action never raises an `Info` finding
    /// above `Inform` unless set per rule: weak evidence should not pause a post because a whole family
    /// was set to `block`. With `allowOverride` false, an action that would pause the post becomes
    /// `block`: there is no "Post anyway" to offer.
    /// The learned model's rules (`learned-…`, see [`crate::model`]) take their family's action from
    /// `modelActions` instead of `familyActions`.
    pub fn action_for(&self, rule: &str, category: Category, severity: Severity) -> Action {
        let families = if rule.starts_with(LEARNED_RULE_PREFIX) { &self.model_actions } else { &self.family_actions };
        let action = if let Some(&a) = self.rule_actions.get(rule) {
            a
        } else {
            match families.get(&category) {
                Some(&Action::Off) => Action::Off,
                Some(&a) if severity > Severity::Info => a,
                _ => Action::default_for(severity),
            }
        };
        if !self.allow_override && action.gates() {
            Action::Block
        } else {
            action
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_beats_family_beats_severity() {
        let mut p = Policy::default();
        assert_eq!(p.action_for("nhs-number", Category::Confidentiality, Severity::High), Action::Warn);
        assert_eq!(p.action_for("nhs-number", Category::Confidentiality, Severity::Info), Action::Inform);
        p.family_actions.insert(Category::Confidentiality, Action::Block);
        assert_eq!(p.action_for("nhs-number", Category::Confidentiality, Severity::High), Action::Block);
        assert_eq!(p.action_for("nhs-number", Category::Confidentiality, Severity::Info), Action::Inform);
        p.rule_actions.insert("nhs-number".into(), Action::Off);
        assert_eq!(p.action_for("nhs-number", Category::Confidentiality, Severity::High), Action::Off);
    }

    #[test]
    fn model_findings_follow_model_actions_not_family_actions() {
        let mut p = Policy::default();
        p.family_actions.insert(Category::Disrepute, Action::Block);
        assert_eq!(p.action_for("learned-disrepute", Category::Disrepute, Severity::Warn), Action::Warn);
        assert_eq!(p.action_for("learned-disrepute", Category::Disrepute, Severity::Info), Action::Inform);
        p.model_actions.insert(Category::Disrepute, Action::Off);
        assert_eq!(p.action_for("learned-disrepute", Category::Disrepute, Severity::Info), Action::Off);
        assert_eq!(p.action_for("abuse-insult", Category::Disrepute, Severity::Warn), Action::Block);
        p.model_actions.insert(Category::Disrepute, Action::Acknowledge);
        assert_eq!(p.action_for("learned-disrepute", Category::Disrepute, Severity::Warn), Action::Acknowledge);
        assert_eq!(p.action_for("learned-disrepute", Category::Disrepute, Severity::Info), Action::Inform);
    }

    #[test]
    fn no_override_turns_pausing_actions_into_block() {
        let mut p = Policy { allow_override: false, ..Policy::default() };
        assert_eq!(p.action_for("nhs-number", Category::Confidentiality, Severity::High), Action::Block);
        assert_eq!(p.action_for("nhs-number", Category::Confidentiality, Severity::Info), Action::Inform);
        p.rule_actions.insert("postcode".into(), Action::Acknowledge);
        assert_eq!(p.action_for("postcode", Category::Confidentiality, Severity::Warn), Action::Block);
        p.rule_actions.insert("postcode".into(), Action::Off);
        assert_eq!(p.action_for("postcode", Category::Confidentiality, Severity::Warn), Action::Off);
    }

    #[test]
    fn empty_json_object_is_the_default_policy() {
        let p: Policy = serde_json::from_str("{}").expect("empty policy");
        assert_eq!(p, Policy::default());
        let p: Policy = serde_json::from_str(r#"{"familyActions":{"consent":"block"}}"#).expect("policy");
        assert_eq!(p.family_actions.get(&Category::Consent), Some(&Action::Block));
    }
}
