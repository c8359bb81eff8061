//! Reads `fixWording`: what one-click fixes write instead of a name or a public concern.

use super::reader::Reader;
use crate::policy::FixWording;
use serde_json::Value;

/// The keys of `fixWording`, as the schema names them.
const KEYS: [&str; 3] = ["patient", "colleague", "speakUp"];

impl Reader {
    /// Reads `fixWording`; each key given replaces its default, a bad one keeps it and is reported.
    pub(super) fn fix_wording(&mut self, v: &Value) -> Option<FixWording> {
        let map = self.object("fixWording", v)?;
        let mut wording = FixWording::default();
        let mut used = false;
        for (key, value) in map {
            let setting = format!("fixWording.{key}");
            let slot = match key.as_str() {
                "patient" => &mut wording.patient,
                "colleague" => &mut wording.colleague,
                "speakUp" => &mut wording.speak_up,
                _ => {
                    self.report(setting, format!("is not a wording fixes use ({}); ignored", KEYS.join(", ")));
                    continue;
                }
            };
            if let Some(text) = self.text(&setting, value) {
                *slot = text;
                used = true;
            }
        }
        used.then_some(wording)
    }
}
