//! What happens to a finding: IT's action per family (for the rules, and separately for the learned
//! model's findings) and per rule, read entry by entry, so one unknown family, unknown rule id or
//! misspelt action costs only that entry.

use super::reader::Reader;
use crate::catalogue;
use crate::finding::{Action, Category};
use serde_json::Value;
use std::collections::BTreeMap;

impl Reader {
    /// `familyActions`: the action for every rule of a family.
    pub(super) fn family_actions(&mut self, v: &Value) -> Option<BTreeMap<Category, Action>> {
        self.per_family("familyActions", v)
    }

    /// `modelActions`: the action for the learned model's confident findings in a family. Read like
    /// `familyActions`, kept apart from it (see [`crate::policy::Policy::model_actions`]).
    pub(super) fn model_actions(&mut self, v: &Value) -> Option<BTreeMap<Category, Action>> {
        self.per_family("modelActions", v)
    }

    /// An object keyed by family whose values are actions.
    fn per_family(&mut self, setting: &str, v: &Value) -> Option<BTreeMap<Category, Action>> {
        let o = self.object(setting, v)?;
        let mut out = BTreeMap::new();
        for (k, v) in o {
            let setting = format!("{setting}.{k}");
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

    pub(super) fn rule_actions(&mut self, v: &Value) -> Option<BTreeMap<String, Action>> {
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
}
