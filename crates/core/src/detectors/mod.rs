//! Detectors: one per file, each owning its patterns, context rules and validation, with its own table
//! of positive and negative cases beside it. [`build`] is the registry.
//!
//! A detector sees only the normalised text and the shared [`ContextHits`]; it reports [`Candidate`]s
//! in normalised byte offsets. The analyser maps them back to the original text, resolves overlaps and
//! applies the Trust's policy, so detectors never repeat that work.
//!
//! **Patterns**: declare them with [`crate::pattern!`] (compiled to DFAs at build time; see
//! `pattern.rs`), not `regex::Regex::new`: runtime regex compilation costs ~430 KB of WASM and
//! 65–140 ms at every service-worker start. Only IT-supplied patterns (policy) compile at run time,
//! with `regex-lite`, size-limited. Word lists belong in `data/words/<detector>.txt` (one section per
//! list, compiled into the shared vocabulary at build time; see `context.rs`).

use crate::context::ContextHits;
use crate::error::Error;
use crate::finding::Severity;
use crate::policy::Policy;
use std::borrow::Cow;

mod nhs_number;

mod address;
mod chi_number;
mod credentials;
mod date_of_birth;
mod email;
mod hospital_number;
mod nino;
mod notable_patient;
mod people;
mod person_in_context;
mod phone;
mod postcode;
mod staff_process;
pub(crate) mod trust_business;

// Disrepute and consent (issue 4).
mod abuse;
pub(crate) mod consent_media;
mod defamation;
mod derogatory;
mod discrimination;
mod lexicon;
mod mockery;
mod patient_details;
mod patient_relationship;
mod politics;
mod promotion;
mod skeleton;
mod substances;
pub(crate) mod text;
mod threats;
mod trust_voice;
mod whistleblowing;

/// What a detector is given for one analysis.
#[derive(Debug)]
pub struct Input<'a> {
    /// The normalised text (lower case, folded; see `normalize`).
    pub text: &'a str,
    /// Where the words of every list in the vocabulary (context classes and detectors' lists)
    /// stand in `text`.
    pub context: &'a ContextHits,
}

/// A possible risk, in normalised byte offsets, before policy is applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Rule id; must exist in the catalogue.
    pub rule: &'static str,
    /// Start byte in the normalised text.
    pub start: usize,
    /// End byte in the normalised text.
    pub end: usize,
    /// Severity when it differs from the rule's default (e.g. lowered for weak context).
    pub severity: Option<Severity>,
    /// How the detector decided, without quoting the user's text. Mostly a fixed phrase, borrowed:
    /// a long draft yields thousands of candidates, most dropped by overlap or the findings cap, and
    /// an owned copy of each phrase was a tenth of the allocations of an analysis.
    pub why: Cow<'static, str>,
    /// Spans (normalised byte offsets) of the words that weighed most, strongest first: set by the
    /// learned model, whose finding covers a whole sentence; empty for rules, whose span is the cue.
    pub cues: Vec<(usize, usize)>,
    /// The rule read this span and found the post keeps to the policy there (a view given with a
    /// disclaimer): never reported, but the learned model does not second-guess the rule on it, so
    /// the fix a rule offers leaves nothing behind.
    pub cleared: bool,
}

impl Candidate {
    /// A candidate at the rule's default severity.
    pub fn new(rule: &'static str, start: usize, end: usize, why: impl Into<Cow<'static, str>>) -> Self {
        Candidate { rule, start, end, severity: None, why: why.into(), cues: Vec::new(), cleared: false }
    }

    /// The same span, read and found compliant (see [`Candidate::cleared`]).
    pub fn cleared(mut self) -> Self {
        self.cleared = true;
        self
    }

    /// The same candidate at another severity.
    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = Some(severity);
        self
    }
}

/// One kind of risk.
pub trait Detector: Send + Sync + std::fmt::Debug {
    /// Pushes every candidate found in `input` onto `out`.
    fn detect(&self, input: &Input<'_>, out: &mut Vec<Candidate>);
}

/// Builds every detector for a policy. Fails only on invalid IT-supplied configuration (e.g. a
/// hospital-number pattern that does not compile), with an error naming the setting.
pub fn build(policy: &Policy) -> Result<Vec<Box<dyn Detector>>, Error> {
    Ok(vec![
        Box::new(nhs_number::NhsNumber::new()?),
        Box::new(chi_number::ChiNumber::new()?),
        Box::new(hospital_number::HospitalNumber::new(policy)?),
        Box::new(nino::Nino::new()?),
        Box::new(postcode::Postcode::new()?),
        Box::new(phone::Phone::new()?),
        Box::new(email::Email::new()?),
        Box::new(address::Address::new()?),
        Box::new(date_of_birth::DateOfBirth::new()?),
        Box::new(person_in_context::PersonInContext::new(policy)?),
        Box::new(notable_patient::NotablePatient::new()?),
        Box::new(trust_business::TrustBusiness::new(policy)?),
        Box::new(staff_process::StaffProcess::new(policy)?),
        Box::new(credentials::Credentials::new()?),
        // Disrepute and consent (issue 4).
        Box::new(abuse::Abuse::new()?),
        Box::new(derogatory::Derogatory::new()?),
        Box::new(mockery::Mockery::new()?),
        Box::new(discrimination::Discrimination::new()?),
        Box::new(politics::Politics::new()?),
        Box::new(threats::Threats::new()?),
        Box::new(patient_relationship::PatientRelationship::new()?),
        Box::new(trust_voice::TrustVoice::new(policy)?),
        Box::new(whistleblowing::Whistleblowing::new()?),
        Box::new(substances::Substances::new()?),
        Box::new(promotion::Promotion::new()?),
        Box::new(defamation::Defamation::new()?),
        Box::new(consent_media::ConsentMedia::new()?),
        Box::new(patient_details::PatientDetails::new()?),
    ])
}

/// Test helper: runs one detector over a raw text and returns the matched normalised substrings of
/// what it reports (cleared spans, which are never reported, left out).
#[cfg(test)]
pub(crate) fn run(detector: &dyn Detector, text: &str) -> Vec<(String, Candidate)> {
    run_all(detector, text).into_iter().filter(|(_, c)| !c.cleared).collect()
}

/// Test helper: [`run`] with the cleared spans too.
#[cfg(test)]
pub(crate) fn run_all(detector: &dyn Detector, text: &str) -> Vec<(String, Candidate)> {
    let norm = crate::normalize::Normalized::new(text);
    let context = crate::context::ContextIndex::shipped().expect("vocabulary maps").find(norm.as_str());
    let mut out = Vec::new();
    detector.detect(&Input { text: norm.as_str(), context: &context }, &mut out);
    out.into_iter().map(|c| (norm.as_str()[c.start..c.end].to_string(), c)).collect()
}

/// Every detector pattern, for tests of the pattern machinery itself.
#[cfg(test)]
pub(crate) fn patterns_for_tests() -> [&'static crate::pattern::Prebuilt; 11] {
    [
        &nhs_number::NHS_NUMBER,
        &chi_number::CHI_NUMBER,
        &hospital_number::HOSPITAL_NUMBER_ID,
        &nino::NINO,
        &postcode::POSTCODE,
        &phone::PHONE,
        &email::EMAIL,
        &date_of_birth::BIRTH_DATE,
        &date_of_birth::AGE,
        &date_of_birth::OWN_FAMILY,
        &person_in_context::HONORIFIC_NAME,
    ]
}
