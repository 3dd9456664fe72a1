//! Which abbreviations of a scenario's prose the glossary lacks: the check that keeps the
//! glossary complete for the shipped scenarios.

use super::Glossary;
use super::words::{is_joiner, split_words};

/// Upper-case words in scenario prose that are not abbreviations, for [`missing_terms`]:
/// Roman numerals (Item I, Item II), the pronoun "US" when written in capitals, the country
/// "U.S." (a word here, see the module doc) and clock times.
const NOT_ABBREVIATIONS: &[&str] = &[
    "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "XIII", "XIV", "XV", "XX", "US",
    "U.S", "U.S.A", "A.M", "P.M",
    // The one-word signal of circular 700 (October 1962): a code word, not an abbreviation.
    "GO",
];

/// Abbreviation-like words in `text` that have no entry.
///
/// `text` is scenario prose as written, in mixed case, before the engine upper-cases it. A word
/// counts as abbreviation-like when it is fully upper-case there and has 2 to 10 letters
/// (COAS, USDEL, FYI). Words with an entry are not reported, nor the few capitals that are not
/// abbreviations (`NOT_ABBREVIATIONS`: Roman numerals such as the II of "Item II", "US",
/// "U.S."). A joined word (see the module doc) such as ARA-20 is known when each of its parts
/// is. Each missing word is reported once, in order of first appearance.
///
/// Mixed-case cable words (Deptcirtel, FonMin) are not detected, and in an all-caps text every
/// word would be reported: this is a check for the scenario's source text, not for a rendered
/// cable.
pub fn missing_terms(glossary: &Glossary, text: &str) -> Vec<String> {
    let known = |word: &str| {
        NOT_ABBREVIATIONS.contains(&word)
            || glossary.lookup(word).is_some()
            || !word.chars().any(char::is_alphabetic)
            || word.chars().filter(|c| c.is_alphabetic()).count() < 2
    };
    let mut missing: Vec<String> = Vec::new();
    for w in split_words(text) {
        let word = &text[w.range.clone()];
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        if !(2..=10).contains(&letters) || word.chars().any(char::is_lowercase) {
            continue;
        }
        if known(word) || word.split(is_joiner).all(known) {
            continue;
        }
        if !missing.iter().any(|m| m == word) {
            missing.push(word.to_string());
        }
    }
    missing
}
