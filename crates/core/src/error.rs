//! Errors. They say what failed and how to recover, and never quote the text being analysed.

use std::fmt;

/// Why an analyser could not be built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    detail: String,
}

/// The kind of failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A policy setting is invalid; the detail names the setting.
    Policy,
    /// A built-in pattern failed to compile: a bug in postguard, never the user's fault.
    Internal,
}

impl Error {
    /// An invalid policy setting.
    pub fn policy(setting: &str, why: impl fmt::Display) -> Self {
        Error { kind: ErrorKind::Policy, detail: format!("policy setting `{setting}`: {why}") }
    }

    /// A built-in component failed.
    pub fn internal(what: &str, why: impl fmt::Display) -> Self {
        Error { kind: ErrorKind::Internal, detail: format!("built-in {what} failed to compile: {why}") }
    }

    /// The kind of failure.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.detail)
    }
}

impl std::error::Error for Error {}
