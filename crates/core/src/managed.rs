//! Reading a Trust's policy from untrusted JSON: managed browser storage, a policy file, or the user's
//! own additions on the options page.
//!
//! The design idea: **one bad value costs one setting, never the policy.** Chrome silently drops
//! managed values that do not match `managed_schema.json`, and the schema can only check types, so
//! everything that reaches the extension still has to be checked here. The raw object is read setting by
//! setting (and list item by list item): a value that is wrong is reported as a [`PolicyIssue`] naming
//! the setting and saying what is wrong, that setting (or item) keeps its default, and every other setting
//! still applies. IT-supplied regular expressions are compiled here with a size limit, so a pattern that
//! would not compile, or would compile into something huge, is reported instead of failing the analyser.
//!
//! Layers, in one place: **IT (managed) values override defaults; the user may only add terms, and only
//! when IT allows it** (`userTermsAllowed`). Users can never remove the Trust's terms, loosen an action or
//! allow-list a phrase, so a personal setting can only make postguard stricter.

use crate::analyzer::{Analyzer, Engines};
use crate::catalogue;
use crate::error::Error;
use crate::finding::{Action, Category};
use crate::policy::{Policy, SiteSelectors, SITE_IDS};
use regex_lite::RegexBuilder;
use rustc_hash::FxHashSet;
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// Longest Trust name or contact, in characters.
pub const MAX_TEXT_CHARS: usize = 300;
/// Longest policy URL, in characters.
pub const MAX_URL_CHARS: usize = 2048;
/// Shortest term, in characters: one letter would match nearly every post.
pub const MIN_TERM_CHARS: usize = 2;
/// Longest term, in characters (the detectors' limit for every Trust term list).
pub const MAX_TERM_CHARS: usize = 100;
/// Compiled size limit per hospital-number pattern, in bytes: ample for real formats, fatal for
/// `(a{100}){100}` (the hospital-number detector's limit).
pub const PATTERN_SIZE_LIMIT: usize = 1 << 18;
/// Deepest nesting of groups and repetitions in a hospital-number pattern (the detector's limit).
pub const PATTERN_NEST_LIMIT: u32 = 16;

/// Most entries in a term list, after the user's additions: the limits the detectors enforce (a test
/// builds an analyser at exactly these sizes, so a change on either side is caught).
pub fn max_terms(setting: &str) -> usize {
    match setting {
        "staffProcessTerms" => 200,
        _ => 1000,
    }
}
/// Most hospital-number patterns.
pub const MAX_PATTERNS: usize = 50;
/// Longest hospital-number pattern, in characters.
pub const MAX_PATTERN_CHARS: usize = 200;
/// Most selectors in one selector list.
pub const MAX_SELECTORS: usize = 20;
/// Longest selector, in characters.
pub const MAX_SELECTOR_CHARS: usize = 500;

/// Every setting a policy may contain: the managed-storage keys, in the schema's order.
pub const SETTINGS: [&str; 18] = [
    "trustName",
    "trustProfile",
    "commsContact",
    "speakUpContact",
    "policyUrl",
    "familyActions",
    "ruleActions",
    "allowOverride",
    "allowPause",
    "wardNames",
    "internalTerms",
    "staffProcessTerms",
    "hospitalNumberPatterns",
    "allowlist",
    "enabledSites",
    "selectorOverrides",
    "failClosed",
    "userTermsAllowed",
];

/// The settings a user may add to on the options page when IT allows it (`userTermsAllowed`).
pub const USER_SETTINGS: [&str; 3] = ["wardNames", "internalTerms", "staffProcessTerms"];

/// Where a setting's effective value came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Source {
    /// postguard's built-in default.
    Default,
    /// The Trust's IT, through managed policy (or a policy file).
    Managed,
    /// The user, on the options page.
    User,
    /// IT's value with the user's additions.
    ManagedAndUser,
}

/// One problem with a received setting. The setting (or list item) it names fell back to its default;
/// the rest of the policy still applies.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PolicyIssue {
    /// The setting, with the list index or object key where it matters: `wardNames[3]`,
    /// `ruleActions.nhs-number`.
    pub setting: String,
    /// What is wrong and what postguard did about it, in one sentence.
    pub problem: String,
    /// Who supplied the bad value: [`Source::Managed`] (IT) or [`Source::User`].
    pub source: Source,
}

/// The effective policy, what was wrong with the input, and where each setting came from.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Loaded {
    /// The policy to enforce.
    pub policy: Policy,
    /// Every problem found, in the order the settings were read.
    pub issues: Vec<PolicyIssue>,
    /// For every setting in [`SETTINGS`], where its value came from.
    pub sources: BTreeMap<&'static str, Source>,
}

impl Loaded {
    /// Builds the analyser for this policy. Validation mirrors every check the detectors make, so this
    /// should not fail; if a detector still refuses a setting, that is added to the issues and the
    /// analyser is built without the Trust's custom patterns, then with the defaults, rather than
    /// leaving the user unprotected. Fails only if the built-in defaults cannot compile (a bug).
    pub fn into_analyzer(self) -> Result<(Analyzer, Loaded), Error> {
        self.into_analyzer_with(Engines::Both)
    }

    /// [`Loaded::into_analyzer`] with only some parts of the analysis (to measure each alone).
    pub fn into_analyzer_with(mut self, engines: Engines) -> Result<(Analyzer, Loaded), Error> {
        match Analyzer::with_engines(self.policy.clone(), engines) {
            Ok(a) => return Ok((a, self)),
            Err(e) => self.issues.push(PolicyIssue {
                setting: "hospitalNumberPatterns".into(),
                problem: format!("{e}; postguard runs without the Trust's patterns"),
                source: Source::Managed,
            }),
        }
        self.policy.hospital_number_patterns.clear();
        self.sources.insert("hospitalNumberPatterns", Source::Default);
        if let Ok(a) = Analyzer::with_engines(self.policy.clone(), engines) {
            return Ok((a, self));
        }
        self.issues.push(PolicyIssue {
            setting: "(policy)".into(),
            problem: "the policy could not be applied; postguard runs with its defaults".into(),
            source: Source::Managed,
        });
        self.policy = Policy::default();
        self.sources.values_mut().for_each(|s| *s = Source::Default);
        let analyzer = Analyzer::with_engines(self.policy.clone(), engines)?;
        Ok((analyzer, self))
    }
}

/// Reads a managed policy object (or `null` for none).
pub fn load(managed: &Value) -> Loaded {
    load_layers(managed, &Value::Null)
}

/// Reads a managed policy object and the user's own additions (`null` for none), and merges them over
/// the defaults.
pub fn load_layers(managed: &Value, user: &Value) -> Loaded {
    let mut policy = Policy::default();
    let mut sources: BTreeMap<&'static str, Source> = SETTINGS.iter().map(|&s| (s, Source::Default)).collect();
    let mut r = Reader { issues: Vec::new(), source: Source::Managed };

    match managed {
        Value::Null => {}
        Value::Object(map) => {
            for (key, value) in map {
                if value.is_null() {
                    continue;
                }
                match SETTINGS.iter().find(|&&s| s == key) {
                    Some(&setting) => {
                        if r.setting(&mut policy, setting, value) {
                            sources.insert(setting, Source::Managed);
                        }
                    }
                    None => r.unknown(key),
                }
            }
        }
        other => r.report("(policy)", format!("must be an object of settings, not {}; defaults apply", kind(other))),
    }

    r.source = Source::User;
    match user {
        Value::Null => {}
        Value::Object(map) => {
            for (key, value) in map {
                let Some(&setting) = USER_SETTINGS.iter().find(|&&s| s == key) else {
                    r.report(key, "is not something a user can set; ignored");
                    continue;
                };
                if !policy.user_terms_allowed {
                    r.report(setting, "your Trust does not allow personal terms, so yours are kept but not used");
                    continue;
                }
                let added = r.terms(setting, value);
                if added.is_empty() {
                    continue;
                }
                let list = match setting {
                    "wardNames" => &mut policy.ward_names,
                    "internalTerms" => &mut policy.internal_terms,
                    _ => &mut policy.staff_process_terms,
                };
                extend_unique(list, added);
                if list.len() > max_terms(setting) {
                    list.truncate(max_terms(setting));
                    r.report(
                        setting,
                        format!(
                            "with your terms added there are more than {}; the rest of yours are not used",
                            max_terms(setting)
                        ),
                    );
                }
                let was = sources.get(setting).copied().unwrap_or(Source::Default);
                let now = if was == Source::Default { Source::User } else { Source::ManagedAndUser };
                sources.insert(setting, now);
            }
        }
        other => r.report("(your settings)", format!("must be an object, not {}; ignored", kind(other))),
    }

    Loaded { policy, issues: r.issues, sources }
}

/// Parses policy JSON text as IT writes it, unwrapping the deployment formats (see [`unwrap_deployment`]).
/// Fails only when the text is not JSON at all.
pub fn load_json_str(text: &str) -> Result<Loaded, String> {
    let doc: Value = serde_json::from_str(text).map_err(|e| format!("not valid JSON: {e}"))?;
    Ok(load(&unwrap_deployment(doc)))
}

/// The policy object inside a deployment file, so IT can test the very file they roll out:
///
/// * Chrome/Chromium/Edge on Linux: `{"3rdparty":{"extensions":{"<id>":{…}}}}`;
/// * Firefox `policies.json`: `{"policies":{"3rdparty":{"Extensions":{"<id>":{…}}}}}`;
/// * Google Admin console: `{"trustName":{"Value":"…"}, …}`;
/// * anything else is taken as the policy object itself.
///
/// With several extensions in one file, the first whose object looks like a postguard policy is used.
pub fn unwrap_deployment(doc: Value) -> Value {
    let inner = {
        let chrome = doc.get("3rdparty").and_then(|t| t.get("extensions"));
        let firefox = doc.get("policies").and_then(|p| p.get("3rdparty")).and_then(|t| t.get("Extensions"));
        chrome.or(firefox).and_then(Value::as_object).and_then(|exts| {
            exts.values()
                .find(|v| v.as_object().is_some_and(|o| o.keys().any(|k| SETTINGS.contains(&k.as_str()))))
                .cloned()
        })
    };
    let doc = inner.unwrap_or(doc);
    let admin_console = doc.as_object().is_some_and(|o| {
        !o.is_empty() && o.values().all(|v| v.as_object().is_some_and(|e| e.len() == 1 && e.contains_key("Value")))
    });
    if admin_console {
        if let Value::Object(o) = doc {
            return Value::Object(
                o.into_iter().filter_map(|(k, mut v)| v.get_mut("Value").map(|x| (k, x.take()))).collect(),
            );
        }
    }
    doc
}

/// Checks one hospital-number pattern exactly as the detector will compile it.
pub fn check_pattern(pattern: &str) -> Result<(), String> {
    let p = pattern.trim();
    if p.is_empty() {
        return Err("the pattern is empty".into());
    }
    if p.chars().count() > MAX_PATTERN_CHARS {
        return Err(format!("is longer than {MAX_PATTERN_CHARS} characters"));
    }
    let re = RegexBuilder::new(p)
        .case_insensitive(true)
        .size_limit(PATTERN_SIZE_LIMIT)
        .nest_limit(PATTERN_NEST_LIMIT)
        .build()
        .map_err(|e| {
            // The regex crate's message spans several lines and repeats the pattern; its last line
            // says what is wrong.
            let text = e.to_string();
            let why = text.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("invalid").trim();
            format!("is not a valid pattern ({})", why.trim_start_matches("error: "))
        })?;
    if re.is_match("") {
        return Err("matches empty text, so it would match everywhere".into());
    }
    Ok(())
}

/// Collects issues while reading one layer.
struct Reader {
    issues: Vec<PolicyIssue>,
    source: Source,
}

impl Reader {
    fn report(&mut self, setting: impl Into<String>, problem: impl Into<String>) {
        self.issues.push(PolicyIssue { setting: setting.into(), problem: problem.into(), source: self.source });
    }

    fn unknown(&mut self, key: &str) {
        let lower = key.to_ascii_lowercase();
        match SETTINGS.iter().find(|s| s.to_ascii_lowercase() == lower) {
            Some(s) => self.report(key, format!("is not a postguard setting (did you mean `{s}`?); ignored")),
            None => self.report(key, "is not a postguard setting; ignored"),
        }
    }

    /// Applies one known setting; returns whether any of it was used.
    fn setting(&mut self, p: &mut Policy, setting: &'static str, v: &Value) -> bool {
        let v = &json_in_string(setting, v);
        match setting {
            "trustName" => self.text(setting, v).map(|s| p.trust_name = s).is_some(),
            "commsContact" => self.text(setting, v).map(|s| p.comms_contact = s).is_some(),
            "speakUpContact" => self.text(setting, v).map(|s| p.speak_up_contact = s).is_some(),
            "trustProfile" => self.profile(v).map(|s| p.trust_profile = s).is_some(),
            "policyUrl" => self.url(v).map(|s| p.policy_url = s).is_some(),
            "familyActions" => self.family_actions(v).map(|m| p.family_actions = m).is_some(),
            "ruleActions" => self.rule_actions(v).map(|m| p.rule_actions = m).is_some(),
            "allowOverride" => self.boolean(setting, v).map(|b| p.allow_override = b).is_some(),
            "allowPause" => self.boolean(setting, v).map(|b| p.allow_pause = b).is_some(),
            "failClosed" => self.boolean(setting, v).map(|b| p.fail_closed = b).is_some(),
            "userTermsAllowed" => self.boolean(setting, v).map(|b| p.user_terms_allowed = b).is_some(),
            "wardNames" => self.term_list(setting, v).map(|t| p.ward_names = t).is_some(),
            "internalTerms" => self.term_list(setting, v).map(|t| p.internal_terms = t).is_some(),
            "staffProcessTerms" => self.term_list(setting, v).map(|t| p.staff_process_terms = t).is_some(),
            "allowlist" => self.term_list(setting, v).map(|t| p.allowlist = t).is_some(),
            "hospitalNumberPatterns" => self.patterns(v).map(|t| p.hospital_number_patterns = t).is_some(),
            "enabledSites" => self.sites(v).map(|s| p.enabled_sites = s).is_some(),
            "selectorOverrides" => self.selector_overrides(v).map(|s| p.selector_overrides = s).is_some(),
            _ => {
                self.unknown(setting);
                false
            }
        }
    }

    fn text(&mut self, setting: &str, v: &Value) -> Option<String> {
        let Some(s) = v.as_str() else {
            self.report(setting, format!("must be text, not {}; the default is used", kind(v)));
            return None;
        };
        let s = one_line(s);
        if s.is_empty() {
            return None;
        }
        if s.chars().count() > MAX_TEXT_CHARS {
            self.report(setting, format!("is longer than {MAX_TEXT_CHARS} characters; the default is used"));
            return None;
        }
        Some(s)
    }

    fn profile(&mut self, v: &Value) -> Option<String> {
        let s = self.text("trustProfile", v)?.to_ascii_lowercase();
        if catalogue::trust(&s).is_some() {
            return Some(s);
        }
        let keys: Vec<&str> = catalogue::TRUSTS.iter().map(|t| t.key).collect();
        self.report(
            "trustProfile",
            format!("{s:?} is not a known policy; use one of {}; all are cited", keys.join(", ")),
        );
        None
    }

    fn url(&mut self, v: &Value) -> Option<String> {
        let s = self.text("policyUrl", v)?;
        if s.chars().count() > MAX_URL_CHARS {
            self.report("policyUrl", format!("is longer than {MAX_URL_CHARS} characters; no link is shown"));
            return None;
        }
        let host = s.strip_prefix("https://").map(|rest| rest.split(['/', '?', '#']).next().unwrap_or(""));
        match host {
            Some(h) if !h.is_empty() && !s.contains(char::is_whitespace) => Some(s),
            _ => {
                self.report("policyUrl", "must be a full https:// address; no link is shown");
                None
            }
        }
    }

    fn boolean(&mut self, setting: &str, v: &Value) -> Option<bool> {
        match v {
            Value::Bool(b) => Some(*b),
            // Windows registry policies arrive as DWORD 0/1.
            // (JS numbers arrive as floats, so compare as one.)
            Value::Number(n) if n.as_f64() == Some(0.0) => Some(false),
            Value::Number(n) if n.as_f64() == Some(1.0) => Some(true),
            _ => {
                self.report(setting, format!("must be true or false, not {}; the default is used", kind(v)));
                None
            }
        }
    }

    fn object<'a>(&mut self, setting: &str, v: &'a Value) -> Option<&'a Map<String, Value>> {
        let o = v.as_object();
        if o.is_none() {
            self.report(setting, format!("must be an object, not {}; the default is used", kind(v)));
        }
        o
    }

    fn action(&mut self, setting: &str, v: &Value) -> Option<Action> {
        let parsed = v.as_str().and_then(|s| {
            let s = s.trim().to_ascii_lowercase();
            [Action::Off, Action::Inform, Action::Warn, Action::Acknowledge, Action::Block]
                .into_iter()
                .find(|a| a.as_str() == s)
        });
        if parsed.is_none() {
            let got = match v.as_str() {
                Some(s) => format!("{:?}", one_line(s)),
                None => kind(v).to_string(),
            };
            self.report(
                setting,
                format!("{got} is not an action; use off, inform, warn, acknowledge or block; ignored"),
            );
        }
        parsed
    }

    fn family_actions(&mut self, v: &Value) -> Option<BTreeMap<Category, Action>> {
        let o = self.object("familyActions", v)?;
        let mut out = BTreeMap::new();
        for (k, v) in o {
            let setting = format!("familyActions.{k}");
            let Some(category) = Category::ALL.into_iter().find(|c| c.as_str() == k) else {
                self.report(setting, "is not a family; use confidentiality, consent or disrepute; ignored");
                continue;
            };
            if let Some(a) = self.action(&setting, v) {
                out.insert(category, a);
            }
        }
        Some(out)
    }

    fn rule_actions(&mut self, v: &Value) -> Option<BTreeMap<String, Action>> {
        let o = self.object("ruleActions", v)?;
        let mut out = BTreeMap::new();
        for (k, v) in o {
            let setting = format!("ruleActions.{k}");
            if catalogue::rule(k).is_none() {
                self.report(setting, "is not a rule id (see `postguard rules` or docs/deploy.md); ignored");
                continue;
            }
            if let Some(a) = self.action(&setting, v) {
                out.insert(k.clone(), a);
            }
        }
        Some(out)
    }

    fn array<'a>(&mut self, setting: &str, v: &'a Value) -> Option<&'a [Value]> {
        let a = v.as_array().map(Vec::as_slice);
        if a.is_none() {
            self.report(setting, format!("must be a list, not {}; the default is used", kind(v)));
        }
        a
    }

    /// A list of terms, item by item: bad items are reported and skipped, the rest kept.
    fn term_list(&mut self, setting: &str, v: &Value) -> Option<Vec<String>> {
        Some(self.terms(setting, v)).filter(|_| v.is_array())
    }

    fn terms(&mut self, setting: &str, v: &Value) -> Vec<String> {
        let Some(items) = self.array(setting, v) else { return Vec::new() };
        let max = max_terms(setting);
        if items.len() > max {
            self.report(setting, format!("has {} entries; only the first {max} are used", items.len()));
        }
        let mut out: Vec<String> = Vec::new();
        for (i, item) in items.iter().take(max).enumerate() {
            let at = format!("{setting}[{i}]");
            let Some(s) = item.as_str() else {
                self.report(at, format!("must be text, not {}; skipped", kind(item)));
                continue;
            };
            let s = one_line(s);
            let n = s.chars().filter(|c| !c.is_whitespace()).count();
            if n < MIN_TERM_CHARS {
                self.report(
                    at,
                    format!("is shorter than {MIN_TERM_CHARS} characters and would match almost any post; skipped"),
                );
            } else if s.chars().count() > MAX_TERM_CHARS {
                self.report(at, format!("is longer than {MAX_TERM_CHARS} characters; skipped"));
            } else {
                extend_unique(&mut out, [s]);
            }
        }
        out
    }

    fn patterns(&mut self, v: &Value) -> Option<Vec<String>> {
        let items = self.array("hospitalNumberPatterns", v)?;
        if items.len() > MAX_PATTERNS {
            self.report(
                "hospitalNumberPatterns",
                format!("has {} patterns; only the first {MAX_PATTERNS} are used", items.len()),
            );
        }
        let mut out = Vec::new();
        for (i, item) in items.iter().take(MAX_PATTERNS).enumerate() {
            let at = format!("hospitalNumberPatterns[{i}]");
            match item.as_str() {
                None => self.report(at, format!("must be text, not {}; skipped", kind(item))),
                Some(p) => match check_pattern(p) {
                    Ok(()) => out.push(p.trim().to_string()),
                    Err(why) => self.report(at, format!("{why}; skipped")),
                },
            }
        }
        Some(out)
    }

    fn sites(&mut self, v: &Value) -> Option<Vec<String>> {
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
        Some(out)
    }

    fn selector_overrides(&mut self, v: &Value) -> Option<BTreeMap<String, SiteSelectors>> {
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
    fn selectors(&mut self, setting: &str, v: &Value) -> Vec<String> {
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

/// Windows registry policies may carry a list or object as a JSON string; read it as what it holds.
fn json_in_string(setting: &str, v: &Value) -> Value {
    let structured = matches!(
        setting,
        "familyActions"
            | "ruleActions"
            | "wardNames"
            | "internalTerms"
            | "staffProcessTerms"
            | "hospitalNumberPatterns"
            | "allowlist"
            | "enabledSites"
            | "selectorOverrides"
    );
    if let (true, Some(s)) = (structured, v.as_str()) {
        let s = s.trim();
        if s.starts_with('[') || s.starts_with('{') {
            if let Ok(parsed) = serde_json::from_str::<Value>(s) {
                return parsed;
            }
        }
    }
    v.clone()
}

/// Trims and folds line breaks and control characters to spaces: settings are shown on one line.
fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split(|c: char| c.is_whitespace() || c.is_control()).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Appends items not already present (case-insensitively).
fn extend_unique(list: &mut Vec<String>, items: impl IntoIterator<Item = String>) {
    let mut seen: FxHashSet<String> = list.iter().map(|s| s.to_lowercase()).collect();
    for item in items {
        if seen.insert(item.to_lowercase()) {
            list.push(item);
        }
    }
}

/// How a JSON value's type reads in an issue.
fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "nothing",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests;
