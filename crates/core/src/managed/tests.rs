use super::*;
use crate::analyzer::Analyzer;
use proptest::prelude::*;
use serde_json::json;
use std::collections::BTreeSet;

fn schema() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../extension/managed_schema.json");
    let text = std::fs::read_to_string(path).expect("extension/managed_schema.json is readable");
    serde_json::from_str(&text).expect("managed_schema.json is JSON")
}

fn settings(issues: &[PolicyIssue]) -> Vec<&str> {
    issues.iter().map(|i| i.setting.as_str()).collect()
}

#[test]
fn schema_policy_and_settings_list_name_the_same_keys() {
    let schema = schema();
    let declared: BTreeSet<&str> =
        schema["properties"].as_object().expect("schema has properties").keys().map(String::as_str).collect();
    let policy = serde_json::to_value(Policy::default()).expect("policy serialises");
    let fields: BTreeSet<&str> = policy.as_object().expect("policy is an object").keys().map(String::as_str).collect();
    let listed: BTreeSet<&str> = SETTINGS.iter().copied().collect();
    assert_eq!(declared, fields, "managed_schema.json properties vs Policy fields");
    assert_eq!(listed, fields, "managed::SETTINGS vs Policy fields");
}

/// Chrome refuses to load an extension whose schema breaks its draft-03 subset, so check it here.
#[test]
fn schema_is_chromes_draft_03_subset_with_titles_everywhere() {
    fn check(path: &str, s: &Value) {
        let o = s.as_object().unwrap_or_else(|| panic!("{path}: schema must be an object"));
        let ty = o.get("type").and_then(Value::as_str).unwrap_or_else(|| panic!("{path}: exactly one `type`"));
        assert!(
            ["boolean", "integer", "number", "string", "array", "object"].contains(&ty),
            "{path}: unsupported type {ty}"
        );
        // Chrome validates the keywords it knows for each type (and rejects a schema that misuses one);
        // it ignores unknown ones, so `default`, `minLength`, `maxLength` and `maxItems` document the
        // reader's defaults and limits for admins and tools (checked against the reader below).
        let known: &[&str] = match ty {
            "string" => &["enum", "pattern", "default", "minLength", "maxLength"],
            "array" => &["items", "default", "maxItems"],
            "object" => &["properties", "additionalProperties", "default"],
            // Chrome's schema validator enforces these for whole numbers (and so refuses an admin's
            // out-of-range value before the reader sees it; the reader checks the same range).
            "integer" => &["default", "minimum", "maximum"],
            _ => &["default"],
        };
        for k in o.keys() {
            assert!(
                ["type", "title", "description"].contains(&k.as_str()) || known.contains(&k.as_str()),
                "{path}: keyword `{k}` is not used for a {ty} in this schema (Chrome rejects some draft-03 keywords)"
            );
        }
        if let Some(e) = o.get("enum") {
            let e = e.as_array().unwrap_or_else(|| panic!("{path}: enum must be a list"));
            assert!(!e.is_empty() && e.iter().all(Value::is_string), "{path}: enum must be a non-empty list of text");
        }
        assert!(o.get("pattern").is_none_or(Value::is_string), "{path}: pattern must be text");
        if path != "(root)" {
            for k in ["title", "description"] {
                let text = o.get(k).and_then(Value::as_str).unwrap_or("");
                assert!(!text.trim().is_empty(), "{path}: needs a `{k}` for admins");
            }
        }
        match ty {
            "array" => check(&format!("{path}[]"), o.get("items").unwrap_or_else(|| panic!("{path}: needs items"))),
            "object" => {
                for (k, v) in o.get("properties").and_then(Value::as_object).into_iter().flatten() {
                    check(&format!("{path}.{k}"), v);
                }
                if let Some(v) = o.get("additionalProperties") {
                    check(&format!("{path}.*"), v);
                }
                assert!(
                    o.contains_key("properties") || o.contains_key("additionalProperties"),
                    "{path}: an object must declare its properties"
                );
            }
            _ => assert!(!o.contains_key("items") && !o.contains_key("properties"), "{path}: stray sub-schema"),
        }
    }
    check("(root)", &schema());
}

/// One step into a policy value: a property, any key of an object (`*`), or a list item (`[]`).
#[derive(Clone, Debug)]
enum Step {
    Key(String),
    AnyKey,
    Item,
}

/// Every sub-schema with the steps that reach it.
fn schema_nodes(path: Vec<Step>, s: &Value, out: &mut Vec<(Vec<Step>, Value)>) {
    out.push((path.clone(), s.clone()));
    for (k, v) in s.get("properties").and_then(Value::as_object).into_iter().flatten() {
        let mut p = path.clone();
        p.push(Step::Key(k.clone()));
        schema_nodes(p, v, out);
    }
    if let Some(v) = s.get("additionalProperties") {
        let mut p = path.clone();
        p.push(Step::AnyKey);
        schema_nodes(p, v, out);
    }
    if let Some(v) = s.get("items") {
        let mut p = path;
        p.push(Step::Item);
        schema_nodes(p, v, out);
    }
}

/// A policy holding `leaf` at `path`. An object of any key is given a real rule id (`ruleActions` is
/// the schema's only such object).
fn policy_at(path: &[Step], leaf: Value) -> Value {
    match path.split_first() {
        None => leaf,
        Some((Step::Key(k), rest)) => json!({ k.as_str(): policy_at(rest, leaf) }),
        Some((Step::AnyKey, rest)) => json!({ crate::catalogue::RULES[0].id: policy_at(rest, leaf) }),
        Some((Step::Item, rest)) => {
            // A list of objects is `extraSites`, whose entries need an address to be read at all.
            let mut item = policy_at(rest, leaf);
            if let (Some(o), Some(Step::Key(k))) = (item.as_object_mut(), rest.first()) {
                if k != "address" {
                    o.insert("address".into(), json!("https://blog.example.nhs.uk/"));
                }
            }
            json!([item])
        }
    }
}

fn shown(path: &[Step]) -> String {
    path.iter()
        .map(|s| match s {
            Step::Key(k) => format!(".{k}"),
            Step::AnyKey => ".*".into(),
            Step::Item => "[]".into(),
        })
        .collect()
}

/// Actions carry no `enum`: Chrome drops a whole setting when one value breaks its schema, so one
/// misspelt action would silently cost every rule action in `ruleActions` (measured in Chromium 156:
/// `{"patient-name": "block", "nhs-number": "blok"}` lost the block). postguard reads them entry by
/// entry and reports the bad one instead (managed-policy.test.mjs).
#[test]
fn schema_leaves_actions_to_postguards_own_entry_by_entry_reading() {
    let schema = schema();
    for key in ["familyActions", "modelActions", "ruleActions"] {
        let s = &schema["properties"][key];
        let values: Vec<&Value> = s["properties"].as_object().map(|o| o.values().collect()).unwrap_or_default();
        for v in values.into_iter().chain(s.get("additionalProperties")) {
            assert!(v.get("enum").is_none(), "{key}: an enum here makes Chrome drop every action on one typo");
            assert!(v["description"].as_str().unwrap_or("").contains("acknowledge"), "{key}: lists the actions");
        }
    }
}

/// What the schema tells admins must be what the reader does, for every key (new ones included):
/// each setting's `default` is the default policy's value; each text's `maxLength` (and a term's
/// `minLength`) and each list's `maxItems` are exactly where the reader starts to refuse; each `enum`
/// is exactly the set the reader accepts; a `pattern` admits what the reader admits.
#[test]
fn schema_defaults_bounds_and_enums_are_the_readers() {
    let schema = schema();
    let defaults = serde_json::to_value(Policy::default()).expect("policy serialises");
    for (key, s) in schema["properties"].as_object().expect("properties") {
        assert_eq!(s.get("default"), defaults.get(key), "{key}: the schema's default is not the policy's");
        let loaded = load(&json!({ key.as_str(): s["default"].clone() }));
        assert!(loaded.issues.is_empty(), "{key}: its default is refused: {:?}", loaded.issues);
        assert_eq!(loaded.policy, Policy::default(), "{key}: setting the default changes the policy");
    }

    let mut nodes = Vec::new();
    schema_nodes(Vec::new(), &schema, &mut nodes);
    let ok = |path: &[Step], leaf: Value| {
        let loaded = load(&policy_at(path, leaf.clone()));
        let brief: String = leaf.to_string().chars().take(60).collect();
        assert!(loaded.issues.is_empty(), "{}: {brief} should be accepted: {:?}", shown(path), loaded.issues);
    };
    let refused = |path: &[Step], leaf: Value| {
        let brief: String = leaf.to_string().chars().take(60).collect();
        assert!(!load(&policy_at(path, leaf.clone())).issues.is_empty(), "{}: {brief} should be refused", shown(path));
    };
    let actions: Vec<Value> = [Action::Off, Action::Inform, Action::Warn, Action::Acknowledge, Action::Block]
        .map(|a| json!(a.as_str()))
        .into();
    let mut checked = 0;
    for (path, s) in nodes.iter().filter(|(p, _)| !p.is_empty()) {
        let at = shown(path);
        match s["type"].as_str().expect("type") {
            "string" => {
                if let Some(values) = s.get("enum").and_then(Value::as_array) {
                    for v in values {
                        ok(path, v.clone());
                    }
                    refused(path, json!("blok"));
                    let expected: Vec<Value> = match at.as_str() {
                        ".trustProfile" => std::iter::once(json!(""))
                            .chain(crate::catalogue::TRUSTS.iter().map(|t| json!(t.key)))
                            .collect(),
                        ".enabledSites[]" => crate::policy::SITE_IDS.iter().map(|s| json!(s)).collect(),
                        ".extraSites[].adapter" => crate::policy::extra_adapters().map(|s| json!(s)).collect(),
                        _ => actions.clone(),
                    };
                    assert_eq!(values, &expected, "{at}: enum");
                    checked += 1;
                    continue;
                }
                if ["familyActions", "modelActions", "ruleActions"].iter().any(|k| at.starts_with(&format!(".{k}."))) {
                    // An action: no enum in the schema (see the test above), but exactly these values read.
                    for a in &actions {
                        ok(path, a.clone());
                    }
                    refused(path, json!("blok"));
                    checked += 1;
                    continue;
                }
                let max =
                    s["maxLength"].as_u64().unwrap_or_else(|| panic!("{at}: text needs maxLength or enum")) as usize;
                let prefix = if s.get("pattern").is_some() { "https://a.example/" } else { "" };
                let text = |n: usize| json!(format!("{prefix}{}", "a".repeat(n - prefix.len())));
                ok(path, text(max));
                refused(path, text(max + 1));
                if let Some(min) = s.get("minLength").and_then(Value::as_u64) {
                    ok(path, text(min as usize));
                    refused(path, text(min as usize - 1));
                }
                if let Some(p) = s.get("pattern").and_then(Value::as_str) {
                    let re = regex_lite::Regex::new(p).expect("pattern compiles");
                    for (v, accepted) in
                        [("https://intranet.example.nhs.uk/policy", true), ("http://x.example", false), ("", true)]
                    {
                        assert_eq!(re.is_match(v), accepted, "{at}: pattern on {v:?}");
                        if accepted && !v.is_empty() {
                            ok(path, json!(v));
                        } else if !accepted {
                            refused(path, json!(v));
                        }
                    }
                }
                checked += 1;
            }
            "integer" => {
                let (least, most) = (s["minimum"].as_i64(), s["maximum"].as_i64());
                let (least, most) = (
                    least.unwrap_or_else(|| panic!("{at}: a number needs minimum")),
                    most.unwrap_or_else(|| panic!("{at}: a number needs maximum")),
                );
                ok(path, json!(least));
                ok(path, json!(most));
                refused(path, json!(least - 1));
                refused(path, json!(most + 1));
                refused(path, json!(f64::from(least as i32) + 0.5));
                checked += 1;
            }
            "array" => {
                let max = s["maxItems"].as_u64().unwrap_or_else(|| panic!("{at}: a list needs maxItems")) as usize;
                if let Some(values) = s["items"].get("enum").and_then(Value::as_array) {
                    assert_eq!(max, values.len(), "{at}: as many items as there are choices");
                    ok(path, Value::Array(values.clone()));
                } else if s["items"]["type"] == "object" {
                    // Added hosts: each a different address.
                    let items = |n: usize| {
                        Value::Array(
                            (0..n).map(|i| json!({ "address": format!("https://p{i:04}.example.nhs.uk/") })).collect(),
                        )
                    };
                    ok(path, items(max));
                    refused(path, items(max + 1));
                } else {
                    let items = |n: usize| Value::Array((0..n).map(|i| json!(format!("p{i:04}"))).collect());
                    ok(path, items(max));
                    refused(path, items(max + 1));
                }
                checked += 1;
            }
            _ => {}
        }
    }
    assert!(checked >= 20, "only {checked} constrained values found");
    assert_eq!(schema["properties"]["wardNames"]["maxItems"], json!(max_terms("wardNames")));
    assert_eq!(schema["properties"]["staffProcessTerms"]["maxItems"], json!(max_terms("staffProcessTerms")));
}

#[test]
fn schema_types_match_what_the_reader_accepts() {
    // A value of the schema's type must be read without a type complaint, so Chrome and postguard
    // agree on what is well-typed.
    let schema = schema();
    for (key, s) in schema["properties"].as_object().expect("properties") {
        let sample = match s["type"].as_str().expect("type") {
            "string" => json!(""),
            "boolean" => json!(true),
            "integer" => s["minimum"].clone(),
            "array" => json!([]),
            "object" => json!({}),
            other => panic!("{key}: unexpected type {other}"),
        };
        let loaded = load(&json!({ key.as_str(): sample }));
        assert!(loaded.issues.is_empty(), "{key}: {:?}", loaded.issues);
    }
}

#[test]
fn nothing_or_an_empty_object_is_the_default_policy() {
    for v in [Value::Null, json!({})] {
        let loaded = load(&v);
        assert_eq!(loaded.policy, Policy::default());
        assert!(loaded.issues.is_empty());
        assert!(loaded.sources.values().all(|&s| s == Source::Default));
        assert_eq!(loaded.sources.len(), SETTINGS.len());
    }
}

#[test]
fn a_complete_valid_policy_applies_without_issues() {
    let loaded = load(&json!({
        "trustName": "Harbourside NHS Foundation Trust",
        "trustProfile": "THH",
        "commsContact": "Comms team, comms@harbourside.nhs.uk",
        "speakUpContact": "FTSU Guardian, ext. 4242",
        "policyUrl": "https://intranet.harbourside.nhs.uk/policies/social-media.pdf",
        "familyActions": {"consent": "acknowledge", "disrepute": "warn"},
        "ruleActions": {"nhs-number": "block", "postcode": "inform"},
        "modelActions": {"disrepute": "inform"},
        "allowOverride": true,
        "allowPause": false,
        "wardNames": ["Ward 7B", "Rainbow Ward"],
        "internalTerms": ["Project Lighthouse"],
        "staffProcessTerms": ["Panel B"],
        "hospitalNumberPatterns": ["RJ1\\d{7}"],
        "allowlist": ["#HarbourProud"],
        "enabledSites": ["x", "linkedin"],
        "selectorOverrides": {"x": {"editors": ["[data-testid=tweetTextarea_0]"], "submits": ["[data-testid=tweetButton]"], "enterSends": false}},
        "extraSites": [{"address": "https://social.harbourside.nhs.uk/", "adapter": "mastodon"}],
        "failClosed": true,
        "photoText": false,
        "photoFaces": false,
        "photoWaitSeconds": 20,
        "userTermsAllowed": true,
        "fixesAllowed": false,
        "disclaimerText": "My views, not Harbourside's.",
        "fixWording": {"patient": "someone I cared for", "speakUp": "Concerns? Our FTSU Guardians listen."}
    }));
    assert!(loaded.issues.is_empty(), "{:?}", loaded.issues);
    let p = &loaded.policy;
    assert_eq!(p.trust_name, "Harbourside NHS Foundation Trust");
    assert_eq!(p.trust_profile, "thh");
    assert_eq!(p.family_actions.get(&Category::Consent), Some(&Action::Acknowledge));
    assert_eq!(p.rule_actions.get("nhs-number"), Some(&Action::Block));
    assert_eq!(p.model_actions.get(&Category::Disrepute), Some(&Action::Inform));
    assert!(!p.allow_pause && p.fail_closed && p.user_terms_allowed);
    assert!(!p.photo_text);
    assert!(!p.photo_faces);
    assert_eq!(p.photo_wait_seconds, 20);
    assert_eq!(p.enabled_sites, ["x", "linkedin"]);
    assert_eq!(p.selector_overrides["x"].enter_sends, Some(false));
    assert_eq!(p.hospital_number_patterns, ["RJ1\\d{7}"]);
    assert!(!p.fixes_allowed);
    assert_eq!(p.disclaimer_text, "My views, not Harbourside's.");
    assert_eq!(p.fix_wording.patient, "someone I cared for");
    assert_eq!(p.fix_wording.colleague, "a colleague", "a wording not given keeps its default");
    assert!(loaded.sources.values().all(|&s| s == Source::Managed), "{:?}", loaded.sources);
}

#[test]
fn fix_wording_reads_each_key_alone() {
    let loaded = load(&json!({"fixWording": {"patient": 7, "colleague": "a co-worker", "nurse": "x"}}));
    assert_eq!(settings(&loaded.issues), ["fixWording.nurse", "fixWording.patient"]);
    assert_eq!(loaded.policy.fix_wording.patient, "a patient");
    assert_eq!(loaded.policy.fix_wording.colleague, "a co-worker");
    let none = load(&json!({"fixWording": {"patient": ""}}));
    assert_eq!(none.sources["fixWording"], Source::Default);
}

#[test]
fn one_bad_value_falls_back_for_that_setting_only() {
    let loaded = load(&json!({
        "trustName": "Harbourside NHS Foundation Trust",
        "allowOverride": "no",
        "wardNames": ["Ward 7B"],
    }));
    assert_eq!(settings(&loaded.issues), ["allowOverride"]);
    assert!(loaded.issues[0].problem.contains("true or false"), "{:?}", loaded.issues);
    assert_eq!(loaded.issues[0].source, Source::Managed);
    assert!(loaded.policy.allow_override, "the default stays");
    assert_eq!(loaded.sources["allowOverride"], Source::Default);
    assert_eq!(loaded.policy.trust_name, "Harbourside NHS Foundation Trust");
    assert_eq!(loaded.policy.ward_names, ["Ward 7B"]);
    assert_eq!(loaded.sources["wardNames"], Source::Managed);
}

#[test]
fn bad_list_items_are_skipped_and_the_rest_kept() {
    let loaded = load(&json!({"wardNames": ["Ward 7B", 7, "x", "  ", "Rainbow\nWard", "ward 7b"]}));
    assert_eq!(settings(&loaded.issues), ["wardNames[1]", "wardNames[2]", "wardNames[3]"]);
    assert_eq!(loaded.policy.ward_names, ["Ward 7B", "Rainbow Ward"], "trimmed, one line, no duplicates");
}

#[test]
fn bad_entries_in_action_maps_are_skipped_and_the_rest_kept() {
    let loaded = load(&json!({
        "familyActions": {"consent": "block", "gossip": "warn", "disrepute": "loud"},
        "ruleActions": {"nhs-number": "BLOCK", "no-such-rule": "warn", "postcode": 3},
    }));
    assert_eq!(
        settings(&loaded.issues),
        ["familyActions.disrepute", "familyActions.gossip", "ruleActions.no-such-rule", "ruleActions.postcode"]
    );
    assert!(loaded.issues[0].problem.contains("\"loud\" is not an action"), "{:?}", loaded.issues[0]);
    assert_eq!(loaded.policy.family_actions.len(), 1);
    assert_eq!(loaded.policy.rule_actions.get("nhs-number"), Some(&Action::Block));
    assert_eq!(loaded.policy.rule_actions.len(), 1);
}

#[test]
fn model_actions_are_read_per_family_apart_from_family_actions() {
    let loaded =
        load(&json!({"modelActions": {"confidentiality": "inform", "consent": " Block ", "disrepute": "off"}}));
    assert!(loaded.issues.is_empty(), "{:?}", loaded.issues);
    let p = &loaded.policy;
    assert_eq!(p.model_actions.get(&Category::Confidentiality), Some(&Action::Inform));
    assert_eq!(p.model_actions.get(&Category::Consent), Some(&Action::Block), "trimmed, any case");
    assert_eq!(p.model_actions.get(&Category::Disrepute), Some(&Action::Off));
    assert!(p.family_actions.is_empty(), "modelActions sets no rule's action");
    assert_eq!(loaded.sources["modelActions"], Source::Managed);
    assert_eq!(loaded.sources["familyActions"], Source::Default);

    let loaded = load(&json!({"familyActions": {"disrepute": "block"}}));
    assert!(loaded.policy.model_actions.is_empty(), "familyActions sets nothing for the model");
    assert_eq!(loaded.sources["modelActions"], Source::Default);
}

#[test]
fn bad_entries_in_model_actions_cost_only_that_entry() {
    let loaded = load(&json!({
        "trustName": "Harbourside NHS Foundation Trust",
        "modelActions": {"consent": "block", "gossip": "warn", "Disrepute": "off", "confidentiality": "loud", "learned-consent": "off"},
    }));
    assert_eq!(
        settings(&loaded.issues),
        [
            "modelActions.Disrepute",
            "modelActions.confidentiality",
            "modelActions.gossip",
            "modelActions.learned-consent"
        ]
    );
    assert!(loaded.issues.iter().all(|i| i.source == Source::Managed));
    assert!(loaded.issues[0].problem.contains("is not a family"), "{:?}", loaded.issues[0]);
    assert!(loaded.issues[1].problem.contains("\"loud\" is not an action"), "{:?}", loaded.issues[1]);
    let p = &loaded.policy;
    assert_eq!(p.model_actions.len(), 1);
    assert_eq!(p.model_actions.get(&Category::Consent), Some(&Action::Block));
    assert_eq!(loaded.sources["modelActions"], Source::Managed, "the good entry applies");
    assert_eq!(p.trust_name, "Harbourside NHS Foundation Trust", "the rest of the policy applies");

    // Not an object at all: the whole setting keeps its default, nothing else is lost.
    for bad in [json!(["off"]), json!("warn"), json!(3)] {
        let loaded = load(&json!({"modelActions": bad, "allowPause": false}));
        assert_eq!(settings(&loaded.issues), ["modelActions"], "{bad}");
        assert!(loaded.issues[0].problem.contains("must be an object"), "{:?}", loaded.issues[0]);
        assert!(loaded.policy.model_actions.is_empty());
        assert_eq!(loaded.sources["modelActions"], Source::Default);
        assert!(!loaded.policy.allow_pause);
    }
}

#[test]
fn model_actions_as_a_json_string_are_read_like_the_object() {
    // Windows registry policies (REG_SZ) carry objects as JSON text, as chrome.reg does.
    let loaded = load(&json!({"modelActions": " {\"disrepute\": \"off\", \"consent\": \"inform\"} "}));
    assert!(loaded.issues.is_empty(), "{:?}", loaded.issues);
    assert_eq!(loaded.policy.model_actions.get(&Category::Disrepute), Some(&Action::Off));
    assert_eq!(loaded.policy.model_actions.get(&Category::Consent), Some(&Action::Inform));
    assert_eq!(loaded.sources["modelActions"], Source::Managed);

    // Its entries are checked like the object's.
    let loaded = load(&json!({"modelActions": "{\"disrepute\": \"never\", \"consent\": \"warn\"}"}));
    assert_eq!(settings(&loaded.issues), ["modelActions.disrepute"]);
    assert_eq!(loaded.policy.model_actions.get(&Category::Consent), Some(&Action::Warn));

    // Text that is not JSON is reported as the wrong type.
    let loaded = load(&json!({"modelActions": "{disrepute: off}"}));
    assert_eq!(settings(&loaded.issues), ["modelActions"]);
    assert!(loaded.policy.model_actions.is_empty());
}

#[test]
fn wrong_types_are_named_and_defaulted() {
    let loaded = load(&json!({
        "trustName": 12,
        "policyUrl": "javascript:alert(1)",
        "trustProfile": "nowhere",
        "familyActions": ["block"],
        "enabledSites": ["x", "myspace"],
        "selectorOverrides": {"x": {"editors": "div", "send": []}, "bebo": {}},
        "TrustName": "typo",
        "userTerms": ["mine"],
    }));
    let s = settings(&loaded.issues);
    for expected in [
        "trustName",
        "policyUrl",
        "trustProfile",
        "familyActions",
        "enabledSites[1]",
        "selectorOverrides.x.editors",
        "selectorOverrides.x.send",
        "selectorOverrides.bebo",
        "TrustName",
        "userTerms",
    ] {
        assert!(s.contains(&expected), "{expected} not reported in {s:?}");
    }
    assert_eq!(loaded.issues.len(), 10, "{:?}", loaded.issues);
    let typo = loaded.issues.iter().find(|i| i.setting == "TrustName").expect("typo reported");
    assert!(typo.problem.contains("did you mean `trustName`"), "{typo:?}");
    let p = &loaded.policy;
    assert_eq!(p.trust_name, Policy::default().trust_name);
    assert_eq!(p.policy_url, "");
    assert_eq!(p.enabled_sites, ["x"]);
    assert!(p.selector_overrides["x"].editors.is_empty());
    assert!(!p.selector_overrides.contains_key("bebo"));
}

#[test]
fn registry_shapes_are_understood() {
    // Windows policies: DWORD booleans, lists and objects as JSON strings.
    let loaded = load(&json!({
        "allowOverride": 0,
        "failClosed": 1,
        "wardNames": "[\"Ward 7B\", \"Rainbow Ward\"]",
        "ruleActions": "{\"nhs-number\": \"block\"}",
    }));
    assert!(loaded.issues.is_empty(), "{:?}", loaded.issues);
    assert!(!loaded.policy.allow_override && loaded.policy.fail_closed);
    assert_eq!(loaded.policy.ward_names.len(), 2);
    assert_eq!(loaded.policy.rule_actions.get("nhs-number"), Some(&Action::Block));
    let loaded = load(&json!({"allowOverride": 2}));
    assert_eq!(settings(&loaded.issues), ["allowOverride"]);
}

#[test]
fn untrusted_patterns_are_compiled_checked_and_reported() {
    let loaded = load(&json!({"hospitalNumberPatterns": [
        "RJ1\\d{7}", "(unclosed", "(a{100}){100}", "\\d*", "", "K\\d{7}", 5, "x".repeat(MAX_PATTERN_CHARS + 1),
        "((((((((((((((((((a))))))))))))))))))"
    ]}));
    assert_eq!(loaded.policy.hospital_number_patterns, ["RJ1\\d{7}", "K\\d{7}"]);
    assert_eq!(
        settings(&loaded.issues),
        [
            "hospitalNumberPatterns[1]",
            "hospitalNumberPatterns[2]",
            "hospitalNumberPatterns[3]",
            "hospitalNumberPatterns[4]",
            "hospitalNumberPatterns[6]",
            "hospitalNumberPatterns[7]",
            "hospitalNumberPatterns[8]"
        ]
    );
    assert!(loaded.issues[0].problem.contains("not a valid pattern"), "{:?}", loaded.issues[0]);
    assert!(!loaded.issues[0].problem.contains('\n'));
    assert!(loaded.issues[2].problem.contains("empty text"), "{:?}", loaded.issues[2]);
    let (_, loaded) = loaded.into_analyzer().expect("validated patterns always build");
    assert_eq!(loaded.issues.len(), 7, "building adds no issue: {:?}", loaded.issues);

    let many: Vec<String> = (0..MAX_PATTERNS + 3).map(|i| format!("Q{i}\\d{{6}}")).collect();
    let loaded = load(&json!({ "hospitalNumberPatterns": many }));
    assert_eq!(loaded.policy.hospital_number_patterns.len(), MAX_PATTERNS);
    assert_eq!(settings(&loaded.issues), ["hospitalNumberPatterns"]);
}

#[test]
fn a_policy_that_is_not_an_object_is_reported_and_defaults_apply() {
    let loaded = load(&json!(["trustName"]));
    assert_eq!(settings(&loaded.issues), ["(policy)"]);
    assert_eq!(loaded.policy, Policy::default());
}

#[test]
fn users_may_only_add_terms_and_only_when_allowed() {
    let user =
        json!({"wardNames": ["Bay 4 side room"], "internalTerms": ["Project Kestrel"], "allowlist": ["anything"]});
    let refused = load_layers(&json!({"wardNames": ["Ward 7B"]}), &user);
    assert_eq!(refused.policy.ward_names, ["Ward 7B"]);
    assert!(refused.policy.internal_terms.is_empty());
    assert!(refused.issues.iter().all(|i| i.source == Source::User));
    assert_eq!(settings(&refused.issues), ["allowlist", "internalTerms", "wardNames"]);

    let allowed = load_layers(&json!({"wardNames": ["Ward 7B"], "userTermsAllowed": true}), &user);
    assert_eq!(allowed.policy.ward_names, ["Ward 7B", "Bay 4 side room"]);
    assert_eq!(allowed.policy.internal_terms, ["Project Kestrel"]);
    assert!(allowed.policy.allowlist.is_empty(), "users cannot allow-list");
    assert_eq!(allowed.sources["wardNames"], Source::ManagedAndUser);
    assert_eq!(allowed.sources["internalTerms"], Source::User);
    assert_eq!(settings(&allowed.issues), ["allowlist"]);
}

#[test]
fn deployment_files_are_unwrapped() {
    let policy = json!({"trustName": "Harbourside"});
    let chrome = json!({"3rdparty": {"extensions": {"other": {"foo": 1}, "abcdefghijklmnopabcdefghijklmnop": policy}}});
    let firefox = json!({"policies": {"3rdparty": {"Extensions": {"postguard@example.nhs.uk": policy}}}});
    let admin = json!({"trustName": {"Value": "Harbourside"}});
    for doc in [policy.clone(), chrome, firefox, admin] {
        assert_eq!(unwrap_deployment(doc), policy);
    }
    let loaded = load_json_str(r#"{"3rdparty":{"extensions":{"id":{"trustName":"Harbourside","allowPause":"x"}}}}"#)
        .expect("JSON");
    assert_eq!(loaded.policy.trust_name, "Harbourside");
    assert_eq!(settings(&loaded.issues), ["allowPause"]);
    assert!(load_json_str("{not json").is_err());
}

#[test]
fn lists_at_the_limits_build_and_beyond_them_are_cut_and_reported() {
    let names = |n: usize, len: usize| -> Vec<String> { (0..n).map(|i| format!("{i:0len$}")).collect() };
    let at_limit = json!({
        "wardNames": names(max_terms("wardNames"), MAX_TERM_CHARS),
        "internalTerms": names(max_terms("internalTerms"), MAX_TERM_CHARS),
        "staffProcessTerms": names(max_terms("staffProcessTerms"), MAX_TERM_CHARS),
        "allowlist": names(max_terms("allowlist"), MAX_TERM_CHARS),
        "hospitalNumberPatterns": (0..MAX_PATTERNS).map(|i| format!("q{i}\\d{{6}}")).collect::<Vec<_>>(),
    });
    let loaded = load(&at_limit);
    assert!(loaded.issues.is_empty(), "{:?}", loaded.issues.first());
    let (_, loaded) = loaded.into_analyzer().expect("builds");
    assert!(loaded.issues.is_empty(), "the detectors accept what validation accepts: {:?}", loaded.issues);

    let beyond = json!({
        "staffProcessTerms": names(max_terms("staffProcessTerms") + 1, 3),
        "wardNames": [names(1, MAX_TERM_CHARS + 1)[0].clone()],
    });
    let loaded = load(&beyond);
    assert_eq!(settings(&loaded.issues), ["staffProcessTerms", "wardNames[0]"]);
    assert_eq!(loaded.policy.staff_process_terms.len(), max_terms("staffProcessTerms"));
    let (_, loaded) = loaded.into_analyzer().expect("builds");
    assert_eq!(loaded.issues.len(), 2);

    // The user's additions count towards the same limit.
    let it = json!({"userTermsAllowed": true, "staffProcessTerms": names(max_terms("staffProcessTerms"), 3)});
    let loaded = load_layers(&it, &json!({"staffProcessTerms": ["Panel Z"]}));
    assert_eq!(loaded.policy.staff_process_terms.len(), max_terms("staffProcessTerms"));
    assert_eq!(settings(&loaded.issues), ["staffProcessTerms"]);
    assert_eq!(loaded.issues[0].source, Source::User);
}

proptest! {
    /// Whatever IT types as a pattern, loading never panics and the analyser always builds.
    #[test]
    fn any_pattern_list_loads_and_builds(patterns in proptest::collection::vec(".{0,40}", 0..6)) {
        let loaded = load(&json!({ "hospitalNumberPatterns": patterns }));
        prop_assert!(loaded.policy.hospital_number_patterns.len() + loaded.issues.len() == patterns.len());
        prop_assert!(Analyzer::new(loaded.policy).is_ok());
    }

    /// Regex-flavoured patterns too (the generator above rarely makes valid syntax).
    #[test]
    fn regex_shaped_patterns_load_and_build(pattern in r"[A-Z]{0,3}(\\d|\[0-9\]|\(|\)|\{[0-9]{1,3}(,[0-9]{0,3})?\}|\*|\+|\?|\|){1,8}") {
        let loaded = load(&json!({ "hospitalNumberPatterns": [pattern] }));
        prop_assert!(Analyzer::new(loaded.policy).is_ok());
    }
}

/// Any JSON value: the shapes a managed store, a registry or a hand-edited file might hold.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(|f| json!(f)),
        ".{0,12}".prop_map(Value::String),
        proptest::sample::select(vec!["block", "warn", "x", "nhs-number", "[\"a\"]", "{\"x\":{}}", "(", "\\d*"])
            .prop_map(|s| Value::String(s.to_string())),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::btree_map(
                prop_oneof![proptest::sample::select(SETTINGS.to_vec()).prop_map(str::to_string), "[a-z]{1,6}"],
                inner,
                0..6
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    /// Whatever arrives, as policy or as user settings: no panic, every issue names a setting, the
    /// analyser builds without falling back, and a value is either used or reported.
    #[test]
    fn any_json_loads_and_builds(
        managed in proptest::collection::btree_map(proptest::sample::select(SETTINGS.to_vec()), any_json(), 0..8),
        user in any_json(),
    ) {
        let managed = Value::Object(managed.into_iter().map(|(k, v)| (k.to_string(), v)).collect());
        let loaded = load_layers(&managed, &user);
        prop_assert!(loaded.issues.iter().all(|i| !i.setting.is_empty() && !i.problem.is_empty()));
        let before = loaded.issues.len();
        let (_, loaded) = loaded.into_analyzer().expect("builds");
        prop_assert_eq!(loaded.issues.len(), before, "validation caught everything the detectors refuse");
    }
}

#[test]
fn enabled_sites_are_a_set_in_the_adapter_tables_order() {
    // As Chromium hands over a Windows list policy of eleven values: 1, 10, 11, 2, … 9.
    let loaded = load(&json!({"enabledSites": ["x", "bluesky", "medium", "facebook", "x", "reddit"]}));
    assert!(loaded.issues.is_empty(), "{:?}", loaded.issues);
    assert_eq!(loaded.policy.enabled_sites, ["x", "facebook", "reddit", "bluesky", "medium"]);
}

#[test]
fn photo_settings_default_on_with_a_bounded_wait_and_bad_values_are_reported() {
    let p = load(&json!({})).policy;
    assert!(p.photo_text, "photos are looked inside unless IT says not");
    assert!(p.photo_faces, "faces are looked for unless IT says not");
    assert_eq!(p.photo_wait_seconds, 10);
    // Registry DWORDs arrive as numbers; JS numbers as floats.
    let loaded = load(&json!({"photoText": 0, "photoFaces": 0, "photoWaitSeconds": 60.0}));
    assert!(loaded.issues.is_empty(), "{:?}", loaded.issues);
    assert!(!loaded.policy.photo_text);
    assert!(!loaded.policy.photo_faces);
    assert_eq!(loaded.policy.photo_wait_seconds, 60);
    for bad in [json!(0), json!(61), json!(2.5), json!("10"), json!(-1)] {
        let loaded = load(&json!({"photoWaitSeconds": bad.clone(), "photoText": "yes", "photoFaces": "no"}));
        assert_eq!(settings(&loaded.issues), ["photoFaces", "photoText", "photoWaitSeconds"], "{bad}");
        assert_eq!(loaded.policy.photo_wait_seconds, 10, "{bad}: the default stands");
        assert!(loaded.policy.photo_text);
        assert!(loaded.policy.photo_faces);
    }
}

#[test]
fn added_hosts_are_normalised_with_their_adapter_and_selectors() {
    let loaded = load(&json!({"extraSites": [
        {"address": "https://Social.Example.NHS.uk", "adapter": "Mastodon", "ctrlEnterSends": true},
        {"address": "https://blog.example.nhs.uk/wp-admin/*", "editors": ["textarea.post"], "submits": ["#publish"]},
        {"address": "https://*.intranet.example.nhs.uk/news/"},
    ]}));
    assert!(loaded.issues.is_empty(), "{:?}", loaded.issues);
    let sites = &loaded.policy.extra_sites;
    assert_eq!(sites.len(), 3);
    assert_eq!(sites[0].address, "https://social.example.nhs.uk/");
    assert_eq!(sites[0].adapter, "mastodon");
    assert_eq!(sites[0].selectors.ctrl_enter_sends, Some(true));
    assert_eq!(sites[1].address, "https://blog.example.nhs.uk/wp-admin/");
    assert_eq!(sites[1].adapter, "generic");
    assert_eq!(sites[1].selectors.editors, ["textarea.post"]);
    assert_eq!(sites[1].selectors.submits, ["#publish"]);
    assert_eq!(sites[2].address, "https://*.intranet.example.nhs.uk/news/");
    assert_eq!(loaded.sources["extraSites"], Source::Managed);
    // What the extension reads: the policy's JSON names them as the schema does.
    let v = serde_json::to_value(&loaded.policy).expect("serialises");
    assert_eq!(
        v["extraSites"][0],
        json!({"address": "https://social.example.nhs.uk/", "adapter": "mastodon", "editors": [], "submits": [], "attachments": [], "ctrlEnterSends": true})
    );
}

/// An address becomes a permission the person is asked for and a match pattern scripts run on, so
/// anything broader than one host (or its subdomains) is refused, entry by entry, with the reason.
#[test]
fn added_hosts_that_are_not_one_https_host_are_refused_one_by_one() {
    let cases = [
        (json!("http://social.example.nhs.uk/"), "https://"),
        (json!("https://*/"), "not a host name"),
        (json!("https://*.uk/"), "top-level"),
        (json!("https://social.example.nhs.uk:8443/"), "port"),
        (json!("https://social.example.nhs.uk/?q=1"), "query"),
        (json!("https://so cial.example.nhs.uk/"), "not a host name"),
        (json!("https://user@social.example.nhs.uk/"), "not a host name"),
        (json!("https:///path"), "names no host"),
        (json!("https://a*.example.nhs.uk/"), "not a host name"),
        (json!(42), "must be text"),
    ];
    for (address, why) in cases {
        let loaded =
            load(&json!({"extraSites": [{"address": address.clone()}, {"address": "https://ok.example.nhs.uk/"}]}));
        assert_eq!(settings(&loaded.issues), ["extraSites[0].address"], "{address}");
        assert!(loaded.issues[0].problem.contains(why), "{address}: {}", loaded.issues[0].problem);
        assert_eq!(loaded.policy.extra_sites.len(), 1, "{address}: the good entry still applies");
        assert_eq!(loaded.policy.extra_sites[0].address, "https://ok.example.nhs.uk/");
    }
}

#[test]
fn added_hosts_report_bad_fields_keep_the_rest_and_skip_repeats() {
    let loaded = load(&json!({"extraSites": [
        "https://social.example.nhs.uk/",
        {"adapter": "generic"},
        {"address": "https://social.example.nhs.uk/", "adapter": "myspace", "editors": "div", "colour": "red"},
        {"address": "https://SOCIAL.example.nhs.uk"},
    ]}));
    assert_eq!(
        settings(&loaded.issues),
        [
            "extraSites[0]",
            "extraSites[1]",
            "extraSites[2].adapter",
            "extraSites[2].colour",
            "extraSites[2].editors",
            "extraSites[3]"
        ]
    );
    assert_eq!(loaded.policy.extra_sites.len(), 1);
    assert_eq!(loaded.policy.extra_sites[0].adapter, "generic");
    assert!(loaded.issues[5].problem.contains("repeats"));
    // As a Windows registry string holding JSON, too.
    let loaded = load(&json!({"extraSites": "[{\"address\": \"https://social.example.nhs.uk/\"}]"}));
    assert!(loaded.issues.is_empty(), "{:?}", loaded.issues);
    assert_eq!(loaded.policy.extra_sites.len(), 1);
}
