//! Words as the glossary matches them: a text split into words (with `.`, `'` and hyphens
//! joining runs), and the keys words and phrases are compared by.

use std::ops::Range;

/// One word of a text: its byte range, its comparison key, and, for a possessive (EMBASSY'S),
/// the key and end of the word without it.
pub(super) struct Word {
    pub(super) range: Range<usize>,
    pub(super) key: String,
    pub(super) stem_key: Option<String>,
    pub(super) stem_end: usize,
}

/// Splits a text into words (see the module doc for what joins and what separates).
pub(super) fn split_words(text: &str) -> Vec<Word> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let alnum = |i: usize| chars.get(i).is_some_and(|&(_, c)| c.is_alphanumeric());
    let byte_at = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let mut words = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !alnum(i) {
            i += 1;
            continue;
        }
        let start = i;
        while alnum(i + 1) || (is_joiner(chars.get(i + 1).map_or(' ', |c| c.1)) && alnum(i + 2)) {
            i += 1;
        }
        let range = byte_at(start)..byte_at(i + 1);
        let word = &text[range.clone()];
        let (stem_key, stem_end) = match possessive_stem(word) {
            Some(stem) => (Some(normalize_word(stem)), range.start + stem.len()),
            None => (None, range.end),
        };
        words.push(Word {
            key: normalize_word(word),
            range,
            stem_key,
            stem_end,
        });
        i += 1;
    }
    words
}

/// Characters that join two letters or digits into one word.
pub(super) fn is_joiner(c: char) -> bool {
    matches!(c, '.' | '\'' | '’' | '-' | '–' | '‑')
}

/// The word without a final 's or ’s, if it has one and something is left.
pub(super) fn possessive_stem(word: &str) -> Option<&str> {
    let lower = word.to_lowercase();
    for suffix in ["'s", "’s"] {
        if lower.ends_with(suffix) && word.len() > suffix.len() {
            return Some(&word[..word.len() - suffix.len()]);
        }
    }
    None
}

/// A word's comparison key: lower case, with one apostrophe and one hyphen, whatever was typed.
pub(super) fn normalize_word(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '’' => '\'',
            '–' | '‑' => '-',
            c => c,
        })
        .collect()
}

/// A separator's comparison key: any run of white space is one space (cables wrap lines).
pub(super) fn normalize_gap(gap: &str) -> String {
    let mut out = String::new();
    for c in gap.chars() {
        if c.is_whitespace() {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A spelling's comparison key for [`Glossary::lookup`]: words and separators normalized.
pub(super) fn normalize_phrase(phrase: &str) -> String {
    let words = split_words(phrase);
    let mut out = String::new();
    for (k, w) in words.iter().enumerate() {
        if k > 0 {
            out.push_str(&normalize_gap(
                &phrase[words[k - 1].range.end..w.range.start],
            ));
        }
        out.push_str(&w.key);
    }
    out
}

/// A date-time group: day, hour and minute, then Z (`111900Z`).
pub(super) fn is_dtg(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() == 7 && b[..6].iter().all(u8::is_ascii_digit) && matches!(b[6], b'Z' | b'z')
}
