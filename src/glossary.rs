//! The glossary of cable language (interim copy; replaced by the full module).

use std::ops::Range;
use std::sync::OnceLock;

use serde::Deserialize;

#[derive(Deserialize, Clone, Debug)]
pub struct Entry {
    pub term: String,
    #[serde(default)]
    pub also: Vec<String>,
    pub meaning: String,
    pub source: String,
}

#[derive(Deserialize, Clone, Debug, Default)]
pub struct Glossary {
    pub entries: Vec<Entry>,
}

impl Glossary {
    pub fn shipped() -> &'static Glossary {
        static G: OnceLock<Glossary> = OnceLock::new();
        G.get_or_init(Glossary::default)
    }

    pub fn parse(text: &str) -> Result<Glossary, String> {
        ron::from_str(text).map_err(|e| e.to_string())
    }

    pub fn lookup(&self, word: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| {
            e.term.eq_ignore_ascii_case(word) || e.also.iter().any(|a| a.eq_ignore_ascii_case(word))
        })
    }

    pub fn find_in<'a>(&'a self, _text: &str) -> Vec<(Range<usize>, &'a Entry)> {
        Vec::new()
    }
}
