//! Where postguard runs: the enabled sites, and IT's CSS selectors per site for when a site changes its
//! page before an update ships. Selectors are checked for size here; only a browser can check their
//! syntax, so the extension does that.

use super::limits::{MAX_SELECTORS, MAX_SELECTOR_CHARS};
use super::reader::{extend_unique, kind, Reader};
use crate::policy::{SiteSelectors, SITE_IDS};
use serde_json::Value;
use std::collections::BTreeMap;

impl Reader {
    /// The enabled sites as a set, in the adapter table's order (`SITE_IDS`), whatever order IT
    /// listed them in. The order means nothing, and it does not survive every route: Chromium reads a
    /// Windows list policy's values named 1, 2, … 10, 11 in the registry's name order (1, 10, 11, 2, …).
    pub(super) fn sites(&mut self, v: &Value) -> Option<Vec<String>> {
        let items = self.array("enabledSites", v)?;
        let mut out: Vec<String> = Vec::new();
        for (i, item) in items.iter().enumerate() {
            match item.as_str().map(|s| s.trim().to_ascii_lowercase()) {
                Some(id) if SITE_IDS.contains(&id.as_str()) => extend_unique(&mut out, [id]),
                _ => self.report(
                    format!("enabledSites[{i}]"),
                    format!("is not a site; use {}; skipped", SITE_IDS.join(", ")),
                ),
            }
        }
        out.sort_by_key(|id| SITE_IDS.iter().position(|s| s == id));
        Some(out)
    }

    pub(super) fn selector_overrides(&mut self, v: &Value) -> Option<BTreeMap<String, SiteSelectors>> {
        let o = self.object("selectorOverrides", v)?;
        let mut out = BTreeMap::new();
        for (site, v) in o {
            let setting = format!("selectorOverrides.{site}");
            if !SITE_IDS.contains(&site.as_str()) {
                self.report(setting, format!("is not a site; use {}; ignored", SITE_IDS.join(", ")));
                continue;
            }
            let Some(fields) = self.object(&setting, v) else { continue };
            let mut sel = SiteSelectors::default();
            for (k, v) in fields {
                let at = format!("{setting}.{k}");
                match k.as_str() {
                    "editors" => sel.editors = self.selectors(&at, v),
                    "submits" => sel.submits = self.selectors(&at, v),
                    "attachments" => sel.attachments = self.selectors(&at, v),
                    "enterSends" => sel.enter_sends = self.boolean(&at, v),
                    "ctrlEnterSends" => sel.ctrl_enter_sends = self.boolean(&at, v),
                    _ => self.report(at, "is not a selector setting; use editors, submits, attachments, enterSends or ctrlEnterSends; ignored"),
                }
            }
            out.insert(site.clone(), sel);
        }
        Some(out)
    }

    /// CSS selectors: checked for size here; the extension also checks their syntax with the browser's
    /// own parser (only a browser can).
    pub(super) fn selectors(&mut self, setting: &str, v: &Value) -> Vec<String> {
        let Some(items) = self.array(setting, v) else { return Vec::new() };
        if items.len() > MAX_SELECTORS {
            self.report(setting, format!("has {} selectors; only the first {MAX_SELECTORS} are used", items.len()));
        }
        let mut out = Vec::new();
        for (i, item) in items.iter().take(MAX_SELECTORS).enumerate() {
            let at = format!("{setting}[{i}]");
            match item.as_str().map(str::trim) {
                Some("") => self.report(at, "is empty; skipped"),
                Some(s) if s.chars().count() > MAX_SELECTOR_CHARS => {
                    self.report(at, format!("is longer than {MAX_SELECTOR_CHARS} characters; skipped"))
                }
                Some(s) => out.push(s.to_string()),
                None => self.report(at, format!("must be text, not {}; skipped", kind(item))),
            }
        }
        out
    }
}
