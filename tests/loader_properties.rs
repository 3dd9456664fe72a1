//! Properties of the scenario loader: whatever the bytes, it returns (never panics), and every
//! diagnostic it returns names the file and a real position in it.
//!
//! (a) arbitrary bytes, RON token soup, and random well-formed RON shaped like a scenario;
//! (b) random damage to each shipped scenario: bytes deleted, inserted or replaced, lines
//!     duplicated, dropped or swapped, and (separately) ids moved and numbers made odd, which
//!     gets past the parser to the validator; (c) the shipped scenarios as they are.
//!
//! Case counts keep the whole file at about 10 seconds in a debug build (a damaged shipped
//! scenario, ~100 KB, costs a few milliseconds to load). For a longer soak, set
//! `PROPTEST_CASES=N`, which every property then uses. Failures are not persisted to a
//! regressions file; proptest prints the shrunk input, which a test in `tests/bad_input.rs`
//! should then pin down. The coverage-guided counterpart is `fuzz/` (cargo-fuzz).

use demarche::scenario::load::text_from_bytes;
use demarche::scenario::{Diagnostic, Severity, load_str};
use demarche::shipped::SHIPPED;
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::Config;

const FILE: &str = "prop.ron";

/// `cases` by default; `PROPTEST_CASES=N` in the environment overrides it for a longer soak.
fn config(cases: u32) -> Config {
    let cases = match std::env::var_os("PROPTEST_CASES") {
        Some(_) => Config::default().cases,
        None => cases,
    };
    Config {
        cases,
        failure_persistence: None,
        max_shrink_iters: 2048,
        ..Config::default()
    }
}

/// The number of characters on 1-based line `line` of `text`, if there is such a line.
fn line_chars(text: &str, line: usize) -> Option<usize> {
    text.split('\n').nth(line - 1).map(|l| l.chars().count())
}

/// Every diagnostic names `prop.ron`, renders as `prop.ron:L:C: error: ...` (or `warning:`)
/// and points at a position inside the text: 1 ≤ L ≤ lines + 1, 1 ≤ C ≤ that line's length + 1.
/// An `Err` holds at least one error (and may hold warnings too); an `Ok` only warnings.
fn check_diagnostics(text: &str, diags: &[Diagnostic], errors: bool) -> Result<(), TestCaseError> {
    if errors {
        prop_assert!(
            diags.iter().any(|d| d.severity == Severity::Error),
            "an Err with no error: {:?}",
            diags
        );
    } else {
        prop_assert!(
            diags.iter().all(|d| d.severity == Severity::Warning),
            "an Ok with an error: {:?}",
            diags
        );
    }
    let lines = text.lines().count();
    for d in diags {
        let shown = d.to_string();
        prop_assert_eq!(
            &d.file,
            FILE,
            "the diagnostic names another file: {}",
            shown
        );
        prop_assert!(d.line >= 1 && d.col >= 1, "line or column 0: {}", shown);
        let level = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let prefix = format!("{FILE}:{}:{}: {level}: ", d.line, d.col);
        prop_assert!(shown.starts_with(&prefix), "rendered as `{}`", shown);
        prop_assert!(
            !d.message.trim().is_empty(),
            "an empty message: `{}`",
            shown
        );
        prop_assert!(
            d.line <= lines + 1,
            "line {} is past the end of a {}-line text: {}",
            d.line,
            lines,
            shown
        );
        if let Some(len) = line_chars(text, d.line) {
            prop_assert!(
                d.col <= len + 1,
                "column {} is past the end of line {} ({} characters): {}",
                d.col,
                d.line,
                len,
                shown
            );
        }
        if let Some((start, end)) = d.span {
            prop_assert!(
                start <= end && end <= text.len() + 1,
                "span {:?} outside a {}-byte text: {}",
                d.span,
                text.len(),
                shown
            );
        }
    }
    Ok(())
}

/// Loads `text` as `prop.ron` and checks whatever comes back.
fn load_and_check(text: &str) -> Result<(), TestCaseError> {
    match load_str(FILE, text) {
        Ok(loaded) => check_diagnostics(text, &loaded.warnings, false),
        Err(errors) => check_diagnostics(text, &errors, true),
    }
}

/// Feeds bytes both ways: lossily decoded, and through the loader's own UTF-8 check.
fn load_bytes_and_check(bytes: &[u8]) -> Result<(), TestCaseError> {
    let lossy = String::from_utf8_lossy(bytes);
    load_and_check(&lossy)?;
    match text_from_bytes(FILE, bytes.to_vec()) {
        Ok(text) => load_and_check(&text),
        Err(d) => {
            // The error points at the first bad byte, in the valid text before it.
            let good = std::str::from_utf8(bytes).unwrap_err().valid_up_to();
            let prefix = std::str::from_utf8(&bytes[..good]).unwrap();
            check_diagnostics(prefix, std::slice::from_ref(&d), true)?;
            prop_assert!(d.message.contains("not valid UTF-8"), "{}", d);
            prop_assert_eq!(d.span, Some((good, good + 1)));
            Ok(())
        }
    }
}

// ---------------------------------------------------------------------------------------------
// (a) Arbitrary bytes.

/// Pieces of RON and of the scenario format, so that random input gets past the first byte.
const TOKENS: &[&str] = &[
    "Scenario(",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    " ",
    "\n",
    "\r\n",
    "\t",
    "\"",
    "\"x\"",
    "\"alpha\"",
    "\"1960-07-11T19:00\"",
    "\"1960-07-09\"",
    "r#\"",
    "\"#",
    "'",
    "'a'",
    "//",
    "/*",
    "*/",
    "\\",
    "\\u{",
    "0",
    "1",
    "-1.0",
    "0.5",
    "1e309",
    "-",
    "+",
    ".",
    "0x",
    "18446744073709551616",
    "true",
    "false",
    "None",
    "Some(",
    "id",
    "id:",
    "title:",
    "summary:",
    "period:",
    "start:",
    "end:",
    "author:",
    "version:",
    "roles:",
    "default:",
    "issues:",
    "governments:",
    "missions:",
    "telegrams:",
    "endings:",
    "period_end:",
    "model:",
    "trigger:",
    "At(",
    "Flag(",
    "Any(",
    "Not(",
    "Post(",
    "Bureau(",
    "Department",
    "Priority",
    "HeadOfState",
    "é",
    "—",
    "\u{feff}",
    "\u{0}",
    "#![enable(implicit_some)]",
];

fn token_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(TOKENS), 0..400).prop_map(|t| t.concat())
}

/// Well-formed RON of random shape: the span parser and ron both read it to the end, so the
/// loader gets past parsing into its per-field and per-element checks, and its byte offsets are
/// tested against strings, raw strings, comments and non-ASCII text.
fn ron_value() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        prop::collection::vec(
            prop::sample::select(
                &[
                    "a",
                    "é",
                    "—",
                    "Ω",
                    "\\\"",
                    "\\\\",
                    "\\n",
                    "\\u{e9}",
                    " ",
                    "(",
                    "]",
                    "//",
                    "\u{1F600}"
                ][..]
            ),
            0..6
        )
        .prop_map(|p| format!("\"{}\"", p.concat())),
        prop::sample::select(&["r#\"say \"no\"\n\"#", "r\"é\"", "r##\"a\"#b\"##", "r#\"\"#"][..])
            .prop_map(str::to_string),
        prop::sample::select(
            &[
                "0",
                "1",
                "-1",
                "0.5",
                "-1.0",
                "1e3",
                "1.5E-2",
                "0x1F",
                "0b101",
                "1_000",
                "4294967296",
                "-129",
                "inf",
                "NaN",
                ".5",
                "+1"
            ][..]
        )
        .prop_map(str::to_string),
        prop::sample::select(
            &[
                "true",
                "false",
                "None",
                "()",
                "'a'",
                "'\\''",
                "'é'",
                "Priority",
                "HeadOfState",
                "Department",
                "All",
                "Passed",
                "Yes",
                "VotesNeeded",
                "r#id"
            ][..]
        )
        .prop_map(str::to_string),
        Just("\"1960-07-11T19:00\"".to_string()),
        Just("\"1960-07-09\"".to_string()),
    ];
    leaf.prop_recursive(4, 48, 5, |inner| {
        let items = prop::collection::vec((inner.clone(), gap()), 0..5);
        prop_oneof![
            (items.clone(), any::<bool>()).prop_map(|(v, trail)| format!("[{}]", list(v, trail))),
            (
                prop::collection::vec((leaf_key(), inner.clone(), gap()), 0..4),
                any::<bool>()
            )
                .prop_map(|(kv, trail)| {
                    let v = kv
                        .into_iter()
                        .map(|(k, v, g)| (format!("{k}: {v}"), g))
                        .collect();
                    format!("{{{}}}", list(v, trail))
                }),
            (
                struct_name(),
                prop::collection::vec((field_name(), inner.clone(), gap()), 0..5),
                any::<bool>()
            )
                .prop_map(|(name, fields, trail)| {
                    let v = fields
                        .into_iter()
                        .map(|(f, v, g)| (format!("{f}: {v}"), g))
                        .collect();
                    format!("{name}({})", list(v, trail))
                }),
            (struct_name(), items, any::<bool>())
                .prop_map(|(name, v, trail)| format!("{name}({})", list(v, trail))),
            inner.prop_map(|v| format!("Some({v})")),
        ]
    })
}

/// Items joined by commas, each followed by its gap (whitespace or a comment).
fn list(items: Vec<(String, &'static str)>, trailing_comma: bool) -> String {
    let n = items.len();
    let mut out = String::new();
    for (i, (item, gap)) in items.into_iter().enumerate() {
        out.push_str(&item);
        if i + 1 < n || trailing_comma {
            out.push(',');
        }
        out.push_str(gap);
    }
    out
}

fn gap() -> impl Strategy<Value = &'static str> + Clone {
    prop::sample::select(
        &[
            "",
            " ",
            "\n    ",
            "\t",
            "\r\n",
            " // a comment, with (brackets]\n",
            "/* é */",
            "/* a /* nested */ b */ ",
        ][..],
    )
}

fn leaf_key() -> impl Strategy<Value = &'static str> {
    prop::sample::select(&["\"action\"", "\"é\"", "\"\"", "\"alpha\"", "1", "Yes"][..])
}

fn struct_name() -> impl Strategy<Value = &'static str> {
    prop::sample::select(
        &[
            "",
            "",
            "",
            "Government",
            "Some",
            "At",
            "Only",
            "Estimate",
            "Scenario",
        ][..],
    )
}

/// Field names from the format (so that some values reach their real deserializer) and a few
/// that are not.
fn field_name() -> impl Strategy<Value = &'static str> {
    prop::sample::select(
        &[
            "id",
            "title",
            "start",
            "end",
            "default",
            "posts",
            "issue",
            "scale",
            "positions",
            "min",
            "max",
            "from",
            "to",
            "leaders",
            "stances",
            "role",
            "host",
            "rapport",
            "noise",
            "series",
            "number",
            "trigger",
            "requests",
            "effects",
            "casting",
            "yes_from",
            "r#type",
            "capitol",
            "é",
        ][..],
    )
}

/// A `Scenario(...)` whose top-level fields are the real ones, in any order, with random values.
fn random_scenario() -> impl Strategy<Value = String> {
    const FIELDS: &[&str] = &[
        "id",
        "title",
        "summary",
        "period",
        "author",
        "version",
        "historical",
        "sources",
        "objectives",
        "notes",
        "roles",
        "bureaus",
        "issues",
        "governments",
        "missions",
        "actors",
        "materials",
        "telegrams",
        "events",
        "votes",
        "endings",
        "period_end",
        "model",
        "extra",
    ];
    (
        prop::collection::vec((prop::sample::select(FIELDS), ron_value(), gap()), 0..12),
        any::<bool>(),
        gap(),
    )
        .prop_map(|(fields, trail, lead)| {
            let v = fields
                .into_iter()
                .map(|(f, v, g)| (format!("{f}: {v}"), g))
                .collect();
            format!("{lead}Scenario({})", list(v, trail))
        })
}

proptest! {
    #![proptest_config(config(2048))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        load_bytes_and_check(&bytes)?;
    }

    #[test]
    fn ron_token_soup_never_panics(text in token_soup()) {
        load_and_check(&text)?;
        load_and_check(&format!("Scenario({text})"))?;
    }

    #[test]
    fn random_well_formed_ron_never_panics(text in random_scenario()) {
        load_and_check(&text)?;
    }
}

// ---------------------------------------------------------------------------------------------
// (b) Mutations of the shipped scenarios.

#[derive(Clone, Debug)]
enum Mutation {
    /// Delete up to `len` bytes at a position.
    Delete(Index, usize),
    /// Insert bytes at a position.
    Insert(Index, Vec<u8>),
    /// Replace one byte.
    Replace(Index, u8),
    DuplicateLine(Index),
    DropLine(Index),
    SwapLines(Index, Index),
    /// Replace the i-th string literal by the j-th: ids end up where they do not belong, which
    /// the validator, not the parser, must catch and place.
    SwapString(Index, Index),
    /// Replace the i-th number by an odd one: out of range, huge, not finite, negative.
    OddNumber(Index, &'static str),
}

/// Bytes worth inserting: RON's punctuation, quotes, digits, and the odd byte of a UTF-8 char.
fn interesting_byte() -> impl Strategy<Value = u8> {
    prop_oneof![
        3 => prop::sample::select(b"()[]{},:\"'#r/*\\ \n\t0123456789.-+eExSN_".to_vec()),
        1 => any::<u8>(),
    ]
}

const ODD_NUMBERS: &[&str] = &[
    "-1",
    "2",
    "-1e9",
    "1e309",
    "-0.0",
    "NaN",
    "inf",
    "0",
    "99",
    "4294967296",
    "-129",
    "0.999999",
];

/// Byte ranges of the string literals (`"..."`, escapes skipped) in `bytes`.
fn string_literals(bytes: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'"' {
            let start = i;
            i += 1;
            while i < bytes.len() && bytes[i] != b'"' {
                i += if bytes[i] == b'\\' { 2 } else { 1 };
            }
            out.push((start, (i + 1).min(bytes.len())));
        }
        i += 1;
    }
    out
}

/// Byte ranges of the numbers in `bytes` (outside strings or not: digits in a date count too).
fn numbers(bytes: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let starts = bytes[i].is_ascii_digit()
            && (i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_'));
        if starts {
            let start = if i > 0 && bytes[i - 1] == b'-' {
                i - 1
            } else {
                i
            };
            while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'.') {
                i += 1;
            }
            out.push((start, i));
        } else {
            i += 1;
        }
    }
    out
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        1 => (any::<Index>(), 1usize..64).prop_map(|(at, len)| Mutation::Delete(at, len)),
        1 => (any::<Index>(), prop::collection::vec(interesting_byte(), 1..8))
            .prop_map(|(at, bytes)| Mutation::Insert(at, bytes)),
        1 => (any::<Index>(), interesting_byte()).prop_map(|(at, b)| Mutation::Replace(at, b)),
        1 => any::<Index>().prop_map(Mutation::DuplicateLine),
        1 => any::<Index>().prop_map(Mutation::DropLine),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        2 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::SwapString(a, b)),
        2 => (any::<Index>(), prop::sample::select(ODD_NUMBERS))
            .prop_map(|(a, n)| Mutation::OddNumber(a, n)),
    ]
}

fn apply(text: &str, mutations: &[Mutation]) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    for m in mutations {
        match m {
            Mutation::Delete(at, len) if !bytes.is_empty() => {
                let at = at.index(bytes.len());
                let end = (at + len).min(bytes.len());
                bytes.drain(at..end);
            }
            Mutation::Insert(at, new) => {
                let at = at.index(bytes.len() + 1);
                bytes.splice(at..at, new.iter().copied());
            }
            Mutation::Replace(at, b) if !bytes.is_empty() => {
                let at = at.index(bytes.len());
                bytes[at] = *b;
            }
            Mutation::SwapString(i, j) => {
                let strings = string_literals(&bytes);
                if !strings.is_empty() {
                    let (a, b) = (
                        strings[i.index(strings.len())],
                        strings[j.index(strings.len())],
                    );
                    let new = bytes[b.0..b.1].to_vec();
                    bytes.splice(a.0..a.1, new);
                }
            }
            Mutation::OddNumber(i, n) => {
                let found = numbers(&bytes);
                if !found.is_empty() {
                    let (start, end) = found[i.index(found.len())];
                    bytes.splice(start..end, n.bytes());
                }
            }
            Mutation::DuplicateLine(i) | Mutation::DropLine(i) | Mutation::SwapLines(i, _) => {
                let mut lines: Vec<Vec<u8>> =
                    bytes.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
                let n = lines.len();
                let a = i.index(n);
                match m {
                    Mutation::DuplicateLine(_) => {
                        let line = lines[a].clone();
                        lines.insert(a, line);
                    }
                    Mutation::DropLine(_) if n > 1 => {
                        lines.remove(a);
                    }
                    Mutation::SwapLines(_, j) => lines.swap(a, j.index(n)),
                    _ => {}
                }
                bytes = lines.join(&b'\n');
            }
            _ => {}
        }
    }
    bytes
}

/// Only the mutations that keep the text well-formed RON (mostly): wrong ids, odd numbers.
fn semantic_mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::SwapString(a, b)),
        (any::<Index>(), prop::sample::select(ODD_NUMBERS))
            .prop_map(|(a, n)| Mutation::OddNumber(a, n)),
    ]
}

fn mutated_shipped() -> impl Strategy<Value = (usize, Vec<Mutation>)> {
    (0..SHIPPED.len(), prop::collection::vec(mutation(), 1..5))
}

/// Loading a shipped scenario costs a few milliseconds in a debug build (one that gets through
/// to validation, more), so these cases are counted per shipped scenario.
fn per_scenario(cases: u32) -> Config {
    config(cases * SHIPPED.len() as u32)
}

proptest! {
    #![proptest_config(per_scenario(200))]

    #[test]
    fn mutated_shipped_scenarios_never_panic((which, mutations) in mutated_shipped()) {
        let bytes = apply(SHIPPED[which].text, &mutations);
        let text = String::from_utf8_lossy(&bytes);
        load_and_check(&text)?;
    }

}

proptest! {
    #![proptest_config(per_scenario(150))]

    #[test]
    fn wrong_ids_and_odd_numbers_in_shipped_scenarios_never_panic(
        (which, mutations) in (0..SHIPPED.len(), prop::collection::vec(semantic_mutation(), 1..4))
    ) {
        let bytes = apply(SHIPPED[which].text, &mutations);
        let text = String::from_utf8_lossy(&bytes);
        load_and_check(&text)?;
    }
}

// ---------------------------------------------------------------------------------------------
// (c) The shipped scenarios as they are.

#[test]
fn shipped_scenarios_load_unmodified() {
    assert!(!SHIPPED.is_empty());
    for s in SHIPPED {
        let loaded = load_str(FILE, s.text).unwrap_or_else(|errors| {
            let shown: Vec<String> = errors.iter().map(|d| d.to_string()).collect();
            panic!(
                "{} ({}) does not load:\n{}",
                s.name,
                s.file,
                shown.join("\n")
            )
        });
        for w in &loaded.warnings {
            assert_eq!(w.severity, Severity::Warning, "{w}");
            assert!(w.to_string().starts_with("prop.ron:"), "{w}");
        }
        // The same through the loader's UTF-8 check, as a file's bytes would go.
        let text = text_from_bytes(FILE, s.text.as_bytes().to_vec())
            .unwrap_or_else(|d| panic!("{}: {d}", s.name));
        assert_eq!(text, s.text);
    }
}
