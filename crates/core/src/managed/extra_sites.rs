//! Hosts IT adds (`extraSites`): a Trust's Mastodon instance, its intranet blog, a self-hosted
//! WordPress. Each entry names where (an `https://` address; every page under it), which adapter, and
//! optional selectors. The address becomes a match pattern the extension asks the person to allow and
//! registers its content scripts for (docs/security.md, "Hosts IT adds"), so it is read strictly here:
//! one host, no port, no query, no wildcard but a leading `*.` (never every site).

use super::limits::{MAX_ADDRESS_CHARS, MAX_EXTRA_SITES};
use super::reader::{kind, Reader};
use crate::policy::{extra_adapters, ExtraSite, SiteSelectors};
use serde_json::Value;

impl Reader {
    pub(super) fn extra_sites(&mut self, v: &Value) -> Option<Vec<ExtraSite>> {
        let items = self.array("extraSites", v)?;
        if items.len() > MAX_EXTRA_SITES {
            self.report("extraSites", format!("has {} hosts; only the first {MAX_EXTRA_SITES} are used", items.len()));
        }
        let mut out: Vec<ExtraSite> = Vec::new();
        for (i, item) in items.iter().take(MAX_EXTRA_SITES).enumerate() {
            let at = format!("extraSites[{i}]");
            let Some(fields) = item.as_object() else {
                self.report(at, format!("must be an object with an address, not {}; skipped", kind(item)));
                continue;
            };
            let Some(raw) = fields.get("address") else {
                self.report(at, "has no address (https://host/ or https://host/path/); skipped");
                continue;
            };
            let Some(address) = self.address(&format!("{at}.address"), raw) else { continue };
            if out.iter().any(|s| s.address == address) {
                self.report(at, format!("repeats {address}; skipped"));
                continue;
            }
            let mut site = ExtraSite { address, adapter: "generic".into(), selectors: SiteSelectors::default() };
            for (k, v) in fields {
                let field = format!("{at}.{k}");
                match k.as_str() {
                    "address" => {}
                    "adapter" => match v.as_str().map(|s| s.trim().to_ascii_lowercase()) {
                        Some(a) if extra_adapters().any(|x| x == a) => site.adapter = a,
                        _ => self.report(field, format!("is not an adapter; use {}; generic is used", extra_adapters().collect::<Vec<_>>().join(", "))),
                    },
                    "editors" => site.selectors.editors = self.selectors(&field, v),
                    "submits" => site.selectors.submits = self.selectors(&field, v),
                    "attachments" => site.selectors.attachments = self.selectors(&field, v),
                    "enterSends" => site.selectors.enter_sends = self.boolean(&field, v),
                    "ctrlEnterSends" => site.selectors.ctrl_enter_sends = self.boolean(&field, v),
                    _ => self.report(
                        field,
                        "is not a setting of an added host; use address, adapter, editors, submits, attachments, enterSends or ctrlEnterSends; ignored",
                    ),
                }
            }
            out.push(site);
        }
        Some(out)
    }

    /// `https://host/…` → the normalised `https://host/path/…` (lower-case host, path ending where IT's
    /// did, at least `/`), or `None` with the reason reported.
    fn address(&mut self, at: &str, v: &Value) -> Option<String> {
        let Some(s) = v.as_str().map(str::trim) else {
            self.report(at, format!("must be text, not {}; skipped", kind(v)));
            return None;
        };
        if s.chars().count() > MAX_ADDRESS_CHARS {
            self.report(at, format!("is longer than {MAX_ADDRESS_CHARS} characters; skipped"));
            return None;
        }
        let Some(rest) = s.strip_prefix("https://") else {
            self.report(at, "must start with https:// (postguard is never added to plain http pages); skipped");
            return None;
        };
        let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        let host = host.to_ascii_lowercase();
        let path = path.strip_suffix('*').unwrap_or(path);
        let path = if path.is_empty() { "/" } else { path };
        if let Some(problem) = host_problem(&host) {
            self.report(at, format!("{problem}; skipped"));
            return None;
        }
        if path.contains(|c: char| c.is_whitespace() || c.is_control() || matches!(c, '?' | '#' | '*')) {
            self.report(
                at,
                "may end with a path, but not with a query (?), a fragment (#), spaces or a * inside it; skipped",
            );
            return None;
        }
        Some(format!("https://{host}{path}"))
    }
}

/// What is wrong with a host (or `*.host`), if anything: it must be a name a match pattern can hold,
/// and a wildcard must leave a name with a dot in it (never `*` or `*.uk`).
fn host_problem(host: &str) -> Option<&'static str> {
    let (wild, name) = match host.strip_prefix("*.") {
        Some(n) => (true, n),
        None => (false, host),
    };
    if name.is_empty() {
        return Some("names no host");
    }
    if name.contains(':') {
        return Some("names a port; postguard matches the host on the standard https port only");
    }
    let label_ok = |l: &str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    };
    if name.len() > 253 || !name.split('.').all(label_ok) {
        return Some("is not a host name (letters, digits, hyphens and dots; `*.` only in front)");
    }
    if wild && !name.contains('.') {
        return Some("puts `*.` in front of a top-level name, which would cover every site under it");
    }
    None
}
