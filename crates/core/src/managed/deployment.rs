//! Policy files as IT rolls them out: so IT can test the very file they deploy (`postguard --policy`),
//! the wrappers of each deployment format are taken off before the policy object is read.

use super::{load, Loaded, SETTINGS};
use serde_json::Value;

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
