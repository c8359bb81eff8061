//! # postguard-core
//!
//! Finds the parts of a draft social media post that risk breaching an NHS Trust's social media policy:
//! things that could identify a patient or colleague (**confidentiality**), media shared without
//! consent (**consent**), and content that could bring the Trust into disrepute (**disrepute**).
//!
//! The design idea: one [`Analyzer`] is built per policy, compiling every pattern and word list up
//! front; [`Analyzer::analyze`] then runs a fixed pipeline (see [`analyzer`]) over a normalised copy of
//! the text and reports [`Finding`]s whose byte offsets point into the text exactly as typed. Every
//! finding explains itself: rule, why the detector fired, and the policy clause it rests on. Rule
//! wording and word lists are data (`data/`), compiled in at build time.
//!
//! This crate knows nothing of browsers: the extension reaches it through `postguard-web`, and comms
//! teams through the `postguard` CLI.

pub mod analyzer;
pub mod catalogue;
pub mod context;
pub(crate) mod cover;
pub mod detectors;
pub mod error;
pub mod evaluate;
pub mod finding;
pub mod fixes;
#[cfg(test)]
pub(crate) mod linear_time;
pub mod managed;
pub mod media;
pub mod model;
pub mod normalize;
pub mod offsets;
pub(crate) mod order;
pub mod pattern;
pub mod photo;
pub mod policy;
pub(crate) mod reported;
pub(crate) mod vocabulary_compile;
pub(crate) mod word_trie;

pub use analyzer::{Analyzer, Engines, Report};
pub use error::{Error, ErrorKind};
pub use finding::{Action, Category, Finding, Severity};
pub use managed::{Loaded, PolicyIssue, Source};
pub use policy::Policy;
