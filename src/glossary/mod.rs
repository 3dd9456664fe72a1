//! The glossary of cable language: what Deptcirtel, COAS or Niact mean.
//!
//! The data is `assets/glossary.ron`, built into the binary. The window underlines the terms
//! [`Glossary::find_in`] finds in a rendered cable and shows the entry's meaning on hover; the
//! tests check that every abbreviation the shipped scenario uses has an entry
//! ([`missing_terms`]).
//!
//! Matching works on words, not on raw substrings, so that COAS is never found inside COASTAL.
//! A word is a run of letters and digits; `.`, `'`, `’` and hyphens join two such runs into one
//! word (U.S., EMBASSY'S, IA-ECOSOC, 611.37), because splitting there would make "U" and "S"
//! office symbols and "MID" (in MID-AUGUST) an office. Other punctuation, `/` included, separates
//! words; a term such as "S/S" or "P.L. 480" is matched as a phrase whose separators must match.

mod coverage;
mod routing;
mod words;

pub use coverage::missing_terms;
use routing::RoutingLines;

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use serde::Deserialize;

use words::{Word, is_dtg, normalize_gap, normalize_phrase, split_words};

/// One glossary entry.
#[derive(Deserialize, Clone, Debug)]
pub struct Entry {
    /// The usual spelling, as a reader would look it up: "Deptcirtel", "Limit Distribution".
    pub term: String,
    /// Other spellings, expansions and phrases that mean the same and are matched too.
    #[serde(default)]
    pub also: Vec<String>,
    /// A short, plain explanation, shown on hover.
    pub meaning: String,
    /// Where the meaning comes from.
    pub source: String,
}

/// The whole glossary, in file order.
#[derive(Deserialize, Clone, Debug, Default)]
pub struct Glossary {
    /// Every entry; no spelling belongs to two entries.
    pub entries: Vec<Entry>,
}

/// Forms that are also ordinary English words ("to", "immediate", "secret") and so are taken as
/// cable terms only on the routing lines of a cable (FM, TO, REPEATED, INFO), where the engine
/// prints them as header words. In a body they keep their ordinary sense. The classification
/// words are printed spaced on the wire ("S E C R E T"), which is matched everywhere.
const HEADER_ONLY: &[&str] = &[
    // FM is "from" on the routing line, the Foreign Minister in a body (see FonMin).
    "fm",
    "to",
    "info",
    "repeated",
    "priority",
    "immediate",
    "routine",
    "secret",
    "top secret",
    "confidential",
    "unclassified",
    "unclas",
    "official use only",
];

/// Phrases in which a glossary term is not that term. They compete with the terms like any
/// form (the longest match wins) but yield nothing: LA is Latin America, but not in
/// AMEMBASSY LA PAZ or ERNESTO DE LA GUARDIA.
const NOT_TERMS: &[&str] = &["La Paz", "De La", "La Plata", "La Prensa", "La Habana"];

/// The entry shown for a date-time group such as `111900Z`.
const DTG_TERM: &str = "DTG";

/// The shipped glossary, parsed once.
static SHIPPED: OnceLock<Glossary> = OnceLock::new();

/// The word index of the shipped glossary, built once: the window calls
/// [`Glossary::find_in`] for every line of a cable on every frame.
static SHIPPED_INDEX: OnceLock<Index> = OnceLock::new();

impl Glossary {
    /// The glossary shipped with the game (assets/glossary.ron, built in with include_str!).
    ///
    /// Panics if the shipped file does not parse: it is data built into the binary and the
    /// tests parse it, so a failure here is a build defect, not a user error.
    pub fn shipped() -> &'static Glossary {
        SHIPPED.get_or_init(|| {
            Glossary::parse(include_str!("../../assets/glossary.ron"))
                .unwrap_or_else(|e| panic!("assets/glossary.ron: {e}"))
        })
    }

    /// Parses a glossary from RON text and checks it: every entry has a term, a meaning and a
    /// source, and no spelling (term or `also`, compared as [`Glossary::lookup`] compares)
    /// belongs to two entries, since a hover can show only one meaning.
    pub fn parse(text: &str) -> Result<Glossary, String> {
        let glossary: Glossary = ron::from_str(text).map_err(|e| e.to_string())?;
        let mut seen: HashMap<String, &str> = HashMap::new();
        for entry in &glossary.entries {
            for (field, value) in [
                ("term", &entry.term),
                ("meaning", &entry.meaning),
                ("source", &entry.source),
            ] {
                if value.trim().is_empty() {
                    return Err(format!("entry {:?}: empty {field}", entry.term));
                }
            }
            for form in entry.forms() {
                let key = normalize_phrase(form);
                if key.is_empty() {
                    return Err(format!("entry {:?}: empty spelling in `also`", entry.term));
                }
                // A header word may also be another entry's spelling in a body (FM, FonMin).
                if HEADER_ONLY.contains(&key.as_str()) && seen.contains_key(&key) {
                    continue;
                }
                if let Some(other) = seen.insert(key, &entry.term) {
                    return Err(format!(
                        "{form:?} is a spelling of both {other:?} and {:?}",
                        entry.term
                    ));
                }
            }
        }
        Ok(glossary)
    }

    /// The entry for a word, matched case-insensitively against `term` and `also`.
    pub fn lookup(&self, word: &str) -> Option<&Entry> {
        let key = normalize_phrase(word);
        self.entries
            .iter()
            .find(|e| e.forms().any(|f| normalize_phrase(f) == key))
    }

    /// Every glossary term found in `text`, as (byte range, entry), in order, matching whole
    /// words only, case-insensitively (cables are upper case). Multi-word terms ("LIMIT
    /// DISTRIBUTION", "SECSTATE WASHDC") match as phrases; the longest match is preferred.
    ///
    /// Phrases match across any run of white space, line breaks included, since the engine wraps
    /// cable text. A possessive is not part of the match: in EMBASSY'S only EMBASSY is found.
    /// Three rules keep ordinary words from being taken for terms: a single letter followed by a
    /// full stop is an initial (JOHN M. CABOT), not an office symbol; the header words in
    /// `HEADER_ONLY` count only on routing lines; and the phrases in `NOT_TERMS` are skipped.
    /// A date-time group (`111900Z`) is given the DTG entry.
    ///
    /// The word index is rebuilt on every call (it is small); a view that redraws every frame
    /// should keep the result for each cable rather than call this each frame.
    pub fn find_in<'a>(&'a self, text: &str) -> Vec<(Range<usize>, &'a Entry)> {
        let built;
        let index = match SHIPPED.get() {
            Some(shipped) if std::ptr::eq(shipped, self) => {
                SHIPPED_INDEX.get_or_init(|| Index::new(self))
            }
            _ => {
                built = Index::new(self);
                &built
            }
        };
        let words = split_words(text);
        let routing = RoutingLines::new(self, text);

        let mut found = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let w = &words[i];
            let candidates = [Some(&w.key), w.stem_key.as_ref()]
                .into_iter()
                .flatten()
                .filter_map(|key| index.by_first.get(key.as_str()))
                .flatten()
                .map(|&f| &index.forms[f]);
            // The longest match wins; on a tie the earlier form in the file does.
            let mut best: Option<(&Form, usize, usize)> = None;
            for form in candidates {
                let Some((end, n)) = form.match_at(text, &words, i) else {
                    continue;
                };
                if form.is_single_letter() && text[end..].starts_with('.') {
                    continue;
                }
                if form.header_only && !routing.contains(w.range.start) {
                    continue;
                }
                let better = match best {
                    None => true,
                    Some((b, b_end, _)) => end > b_end || (end == b_end && form.order < b.order),
                };
                if better {
                    best = Some((form, end, n));
                }
            }
            match best {
                Some((form, end, n)) => {
                    if let Some(entry) = form.entry {
                        found.push((w.range.start..end, &self.entries[entry]));
                    }
                    i += n;
                }
                None => {
                    if let Some(entry) = index.dtg.filter(|_| is_dtg(&text[w.range.clone()])) {
                        found.push((w.range.clone(), &self.entries[entry]));
                    }
                    i += 1;
                }
            }
        }
        found
    }
}

/// A glossary ready for matching: every form of every entry split into words, plus the
/// `NOT_TERMS` phrases (with no entry), indexed by their first word.
struct Index {
    forms: Vec<Form>,
    by_first: HashMap<String, Vec<usize>>,
    /// The entry for date-time groups, if the glossary has one.
    dtg: Option<usize>,
}

impl Index {
    fn new(glossary: &Glossary) -> Index {
        let mut forms = Vec::new();
        let mut push = |text: &str, entry: Option<usize>| {
            // A header word is header-only as the entry's own term; as another entry's
            // spelling (FM for FonMin) it counts everywhere, and the earlier entry wins ties.
            let own = entry.is_none_or(|e| {
                normalize_phrase(&glossary.entries[e].term) == normalize_phrase(text)
            });
            if let Some(mut form) = Form::new(text, entry, forms.len()) {
                form.header_only &= own;
                forms.push(form);
            }
        };
        for phrase in NOT_TERMS {
            push(phrase, None);
        }
        for (ix, entry) in glossary.entries.iter().enumerate() {
            for form in entry.forms() {
                push(form, Some(ix));
            }
        }
        let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
        for (ix, form) in forms.iter().enumerate() {
            by_first.entry(form.words[0].clone()).or_default().push(ix);
        }
        let dtg_key = normalize_phrase(DTG_TERM);
        let dtg = glossary
            .entries
            .iter()
            .position(|e| e.forms().any(|f| normalize_phrase(f) == dtg_key));
        Index {
            forms,
            by_first,
            dtg,
        }
    }
}

impl Entry {
    /// The term and every `also` spelling.
    fn forms(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.term.as_str()).chain(self.also.iter().map(String::as_str))
    }
}

/// One spelling of an entry, ready to match: its words and the separators between them.
struct Form {
    words: Vec<String>,
    /// `gaps[k]` separates `words[k]` and `words[k + 1]`, normalized by [`normalize_gap`].
    gaps: Vec<String>,
    /// Index into `Glossary::entries`; `None` for a `NOT_TERMS` phrase.
    entry: Option<usize>,
    header_only: bool,
    /// Position in file order, to break ties between matches of equal length.
    order: usize,
}

impl Form {
    fn new(text: &str, entry: Option<usize>, order: usize) -> Option<Form> {
        let split = split_words(text);
        if split.is_empty() {
            return None;
        }
        let words = split.iter().map(|w| w.key.clone()).collect();
        let gaps = split
            .windows(2)
            .map(|p| normalize_gap(&text[p[0].range.end..p[1].range.start]))
            .collect();
        let header_only = HEADER_ONLY.contains(&normalize_phrase(text).as_str());
        Some(Form {
            words,
            gaps,
            entry,
            header_only,
            order,
        })
    }

    fn is_single_letter(&self) -> bool {
        self.words.len() == 1 && self.words[0].chars().count() == 1
    }

    /// If the form matches the text's words from `start`, the byte end of the match and the
    /// number of words it covers. Only the last word may match without its possessive.
    fn match_at(&self, text: &str, words: &[Word], start: usize) -> Option<(usize, usize)> {
        let mut end = 0;
        for (k, fw) in self.words.iter().enumerate() {
            let tw = words.get(start + k)?;
            if k > 0 {
                let prev = &words[start + k - 1];
                if normalize_gap(&text[prev.range.end..tw.range.start]) != self.gaps[k - 1] {
                    return None;
                }
            }
            let last = k + 1 == self.words.len();
            end = if tw.key == *fw {
                tw.range.end
            } else if last && tw.stem_key.as_deref() == Some(fw.as_str()) {
                tw.stem_end
            } else {
                return None;
            };
        }
        Some((end, self.words.len()))
    }
}

#[cfg(test)]
mod coverage_tests;
#[cfg(test)]
mod tests;
