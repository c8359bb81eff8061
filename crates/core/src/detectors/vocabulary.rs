//! The shared vocabulary: the context classes and every detector's word lists, compiled into one
//! automaton that is searched once per analysis.
//!
//! Why one: each list-reading detector used to compile and search its own automaton, so a draft was
//! scanned fourteen times and half of all analysis time went to those scans (docs/performance.md).
//! The lists are static data, so they are compiled once per process, not once per analyser: a policy
//! change in the extension rebuilds the detectors without recompiling a single word.
//!
//! Each detector declares its lists as `WORDS` beside its code and refers to them through the handle
//! named after it here; [`vocabulary!`] derives every handle and the compile order from one table, so
//! the two cannot disagree.

use super::text::Lists;
use super::{
    abuse, consent_media, defamation, derogatory, discrimination, patient_details, patient_relationship, politics,
    promotion, substances, threats, trust_voice, whistleblowing,
};
use crate::catalogue::CONTEXT_LISTS;
use crate::context::ContextIndex;
use crate::error::Error;
use std::sync::OnceLock;

/// The context classes come first, so `ContextClass(i)` is list `i` of the vocabulary.
const CONTEXT: Lists = Lists::first(CONTEXT_LISTS.len());

/// Declares one handle per detector, in order after [`CONTEXT`], and [`DETECTOR_WORDS`] in the same order.
macro_rules! vocabulary {
    ($($handle:ident => $module:ident),* $(,)?) => {
        vocabulary!(@handles CONTEXT; $($handle => $module),*);
        /// Every detector's lists, in handle order.
        const DETECTOR_WORDS: &[&[&str]] = &[$($module::WORDS),*];
        /// The last handle: where the vocabulary ends.
        #[cfg(test)]
        const LAST: Lists = vocabulary!(@last CONTEXT; $($handle),*);
    };
    (@handles $previous:ident; $handle:ident => $module:ident $(, $h:ident => $m:ident)*) => {
        #[doc = concat!("The lists of `", stringify!($module), "`.")]
        pub(crate) const $handle: Lists = Lists::after($previous, $module::WORDS.len());
        vocabulary!(@handles $handle; $($h => $m),*);
    };
    (@handles $previous:ident;) => {};
    (@last $previous:ident; $handle:ident $(, $h:ident)*) => { vocabulary!(@last $handle; $($h),*) };
    (@last $previous:ident;) => { $previous };
}

vocabulary! {
    ABUSE => abuse,
    CONSENT_MEDIA => consent_media,
    DEFAMATION => defamation,
    DEROGATORY => derogatory,
    DISCRIMINATION => discrimination,
    PATIENT_DETAILS => patient_details,
    PATIENT_RELATIONSHIP => patient_relationship,
    POLITICS => politics,
    PROMOTION => promotion,
    SUBSTANCES => substances,
    THREATS => threats,
    TRUST_VOICE => trust_voice,
    WHISTLEBLOWING => whistleblowing,
}

/// The vocabulary, compiled on first use and shared by every analyser in the process.
pub(crate) fn index() -> Result<&'static ContextIndex, Error> {
    static INDEX: OnceLock<Result<ContextIndex, Error>> = OnceLock::new();
    INDEX.get_or_init(|| ContextIndex::from_lists(lists())).as_ref().map_err(Clone::clone)
}

/// Every list of the vocabulary, in order.
pub(crate) fn lists() -> impl Iterator<Item = &'static str> {
    CONTEXT_LISTS.iter().map(|(_, text)| *text).chain(DETECTOR_WORDS.iter().flat_map(|w| w.iter().copied()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_compiles_and_every_handle_is_in_range() {
        let index = index().expect("compiles");
        assert_eq!(index.len(), LAST.end());
        assert_eq!(LAST.end(), CONTEXT_LISTS.len() + DETECTOR_WORDS.iter().map(|w| w.len()).sum::<usize>());
    }
}
