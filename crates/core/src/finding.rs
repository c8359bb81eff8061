//! What an analysis reports. Offsets are **byte** offsets into the text that was analysed, always on
//! `char` boundaries; the browser layer converts them to UTF-16 in exactly one place (`offsets`).

use crate::fixes::Fix;
use serde::{Deserialize, Serialize};

/// The three risk families the Trust policies describe.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    /// Could identify a patient, colleague or member of the public, or reveals confidential Trust business.
    Confidentiality,
    /// Photos, video or recordings of people without their explicit consent.
    Consent,
    /// Could bring the Trust or the profession into disrepute.
    Disrepute,
}

impl Category {
    /// All families, in display order.
    pub const ALL: [Category; 3] = [Category::Confidentiality, Category::Consent, Category::Disrepute];

    /// Lower-case name used in data files, JSON and the DOM (`data-category`).
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Confidentiality => "confidentiality",
            Category::Consent => "consent",
            Category::Disrepute => "disrepute",
        }
    }
}

/// How confident and how serious a finding is, before the Trust's policy maps it to an [`Action`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; weak evidence or low risk.
    Info,
    /// Likely a breach of policy.
    Warn,
    /// Clearly identifies someone or clearly breaches policy.
    High,
}

impl Severity {
    /// Lower-case name used in data files and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warn => "warn",
            Severity::High => "high",
        }
    }
}

/// What the extension does about a finding; IT chooses per family and per rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// Not reported at all.
    Off,
    /// Marked in place; never pauses a submit.
    Inform,
    /// Marked, and a submit is paused with the choice to edit or post anyway.
    Warn,
    /// Like `Warn`, but posting anyway needs the user to confirm they have checked (e.g. consent held).
    Acknowledge,
    /// Marked, and the submit is paused with no option to post anyway.
    Block,
}

impl Action {
    /// Lower-case name used in policy JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Off => "off",
            Action::Inform => "inform",
            Action::Warn => "warn",
            Action::Acknowledge => "acknowledge",
            Action::Block => "block",
        }
    }

    /// The action a finding gets when the policy says nothing specific about it.
    pub fn default_for(severity: Severity) -> Action {
        match severity {
            Severity::Info => Action::Inform,
            Severity::Warn | Severity::High => Action::Warn,
        }
    }

    /// Whether a finding with this action pauses a submit.
    pub fn gates(self) -> bool {
        self >= Action::Warn
    }
}

/// One risk found in a draft: where it is, why it matters, what to do, and which clause says so.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Stable rule id from the catalogue, e.g. `nhs-number`.
    pub rule: &'static str,
    /// Risk family.
    pub category: Category,
    /// Severity after context was weighed.
    pub severity: Severity,
    /// What the deployed policy says to do about it.
    pub action: Action,
    /// Byte offset of the first byte of the risky span in the analysed text.
    pub start: usize,
    /// Byte offset just past the risky span.
    pub end: usize,
    /// A few words naming the risk.
    pub title: &'static str,
    /// One plain-English sentence: why this could breach policy.
    pub message: &'static str,
    /// What to do instead, where useful.
    pub suggestion: Option<&'static str>,
    /// The policy clause(s) the warning rests on, formatted for display.
    pub policy_ref: String,
    /// How the detector decided (pattern, check passed, context word): lets a user or IT see why.
    /// Never contains the user's text.
    pub why: String,
    /// For a learned-model finding, which covers a whole sentence: the spans (byte offsets, like
    /// `start` and `end`) of the words that weighed most, strongest first, so the person can see what
    /// made the sentence read as risky. Empty for rules, whose span is itself the cue. Offsets, not
    /// words, so nothing here copies the user's text.
    pub cues: Vec<(usize, usize)>,
    /// The one-click fixes for this finding (byte offsets into the analysed text, like `start`), empty
    /// when the rule has none or the policy turned fixes off. See [`crate::fixes`].
    pub fixes: Vec<Fix>,
}
