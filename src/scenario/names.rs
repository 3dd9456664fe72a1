//! The scenario's name index: every id a person may type (in a scenario, a command file, the
//! terminal), looked up one way. Validation builds it and keeps it with the scenario; commands
//! resolve through it, with the same exact matching and "did you mean" hints as `validate`.

use std::collections::HashMap;
use std::fmt;

use super::diagnostics::closest;

/// The ids of one kind, in declaration order.
#[derive(Clone, Debug, Default)]
pub struct Index {
    ids: Vec<String>,
    at: HashMap<String, u32>,
}

impl Index {
    /// The first of each id counts (validation reports duplicates).
    pub fn new<'a>(ids: impl IntoIterator<Item = &'a str>) -> Index {
        let mut index = Index::default();
        for id in ids {
            index.push(id);
        }
        index
    }

    fn push(&mut self, id: &str) {
        let at = self.ids.len() as u32;
        self.push_at(id, at);
    }

    /// Adds an id declared at position `at` of its section (a duplicate keeps the first).
    /// Validation declares ids with their positions, skipping duplicates it reports.
    pub(super) fn push_at(&mut self, id: &str, at: u32) {
        if !self.at.contains_key(id) {
            self.at.insert(id.to_string(), at);
            self.ids.push(id.to_string());
        }
    }

    /// The position of `name`, matched exactly.
    pub fn get(&self, name: &str) -> Option<u32> {
        self.at.get(name).copied()
    }

    pub fn contains(&self, name: &str) -> bool {
        self.at.contains_key(name)
    }

    pub fn ids(&self) -> &[String] {
        &self.ids
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The id `name` is most likely a typo of.
    pub fn near(&self, name: &str) -> Option<&str> {
        closest(name, self.ids.iter().map(String::as_str))
    }

    /// The hint for a name that is not here: the near one, or the list.
    pub fn hint(&self, name: &str) -> Hint {
        match self.near(name) {
            Some(near) => Hint::Near(near.to_string()),
            None if self.ids.is_empty() => Hint::None,
            None => Hint::OneOf(self.ids.clone()),
        }
    }

    /// The position of `name`, or what is wrong with it: `what` names the kind ("telegram"),
    /// `scope` where it was looked for ("in this scenario", "in Venezuela").
    pub fn find(&self, what: &'static str, scope: &str, name: &str) -> Result<u32, Unknown> {
        self.get(name).ok_or_else(|| Unknown {
            what,
            name: name.to_string(),
            scope: scope.to_string(),
            hint: self.hint(name),
        })
    }
}

/// What would have been right instead of an unknown name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Hint {
    /// A likely typo of this one.
    Near(String),
    /// None is close: these are the choices.
    OneOf(Vec<String>),
    /// There are no choices.
    None,
}

/// A name that is not one of the scenario's.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct Unknown {
    pub what: &'static str,
    pub name: String,
    pub scope: String,
    pub hint: Hint,
}

impl fmt::Display for Unknown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "no {} `{}`", self.what, self.name)?;
        if !self.scope.is_empty() {
            write!(f, " {}", self.scope)?;
        }
        match &self.hint {
            Hint::Near(near) => write!(f, "; did you mean `{near}`?"),
            Hint::OneOf(ids) => write!(f, "; expected one of: {}", short_list(ids)),
            Hint::None => Ok(()),
        }
    }
}

/// The first few ids, then a count.
fn short_list(ids: &[String]) -> String {
    let shown: Vec<&str> = ids.iter().take(12).map(String::as_str).collect();
    if ids.len() > 12 {
        format!("{}, … ({} in all)", shown.join(", "), ids.len())
    } else {
        shown.join(", ")
    }
}

/// Every name a command can use, by kind; nested kinds by their owner's index.
#[derive(Clone, Debug, Default)]
pub struct Names {
    pub governments: Index,
    pub issues: Index,
    pub missions: Index,
    pub materials: Index,
    pub telegrams: Index,
    pub votes: Index,
    /// Each telegram's requests.
    pub requests: Vec<Index>,
    /// Each issue's positions.
    pub positions: Vec<Index>,
    /// Each government's leaders.
    pub leaders: Vec<Index>,
    /// Each telegram's requests' decision options (empty for other kinds of request).
    pub options: Vec<Vec<Index>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_name_gets_the_hint_validation_gives() {
        let posts = Index::new(["caracas", "mexico_city", "lima"]);
        assert_eq!(posts.find("post", "in this scenario", "lima"), Ok(2));
        assert_eq!(
            posts
                .find("post", "in this scenario", "caracsa")
                .unwrap_err()
                .to_string(),
            "no post `caracsa` in this scenario; did you mean `caracas`?"
        );
        assert_eq!(
            posts
                .find("post", "in this scenario", "havana")
                .unwrap_err()
                .to_string(),
            "no post `havana` in this scenario; expected one of: caracas, mexico_city, lima"
        );
    }

    #[test]
    fn matching_is_exact_as_in_validation() {
        let requests = Index::new(["a", "b"]);
        assert_eq!(requests.get("A"), None);
        assert_eq!(requests.near("A"), Some("a"));
    }
}
