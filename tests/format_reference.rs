//! `docs/scenario-format.md` checked against the code: its examples are real RON of the real
//! types, and every field and variant the code accepts is named in it.
//!
//! The field and variant names come from serde itself, not from a list kept by hand: RON with
//! an unknown field (`(zzz_unknown: 0)`) or an unknown variant (`ZzzUnknown`) makes the derived
//! `Deserialize` report every name it expects (`ron::Error::NoSuchStructField { expected, .. }`
//! and `NoSuchEnumVariant`). Only the list of *types* is written here, and a test checks it
//! against the `pub struct` and `pub enum` items of `src/scenario/format/`, so a new type that
//! nobody added here fails loudly instead of going unchecked.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use demarche::scenario::format::*;
use demarche::scenario::load_str;
use serde::de::DeserializeOwned;

const DOC: &str = "docs/scenario-format.md";

fn doc_text() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(DOC);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

// ---------------------------------------------------------------------------------------------
// The markdown: fenced blocks, inline code, tables.

/// A fenced code block: its language, the line of its opening fence (1-based) and its text.
struct Block {
    lang: String,
    line: usize,
    text: String,
}

fn fenced_blocks(doc: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut open: Option<Block> = None;
    for (i, line) in doc.lines().enumerate() {
        let trimmed = line.trim_start();
        match open.take() {
            None => {
                if let Some(lang) = trimmed.strip_prefix("```") {
                    open = Some(Block {
                        lang: lang.trim().to_string(),
                        line: i + 1,
                        text: String::new(),
                    });
                }
            }
            Some(mut block) => {
                if trimmed.starts_with("```") {
                    blocks.push(block);
                } else {
                    block.text.push_str(line);
                    block.text.push('\n');
                    open = Some(block);
                }
            }
        }
    }
    assert!(open.is_none(), "{DOC}: a fenced block is never closed");
    blocks
}

/// The markdown outside fenced blocks (prose and tables), line by line.
fn prose_lines(doc: &str) -> Vec<&str> {
    let mut inside = false;
    let mut out = Vec::new();
    for line in doc.lines() {
        if line.trim_start().starts_with("```") {
            inside = !inside;
        } else if !inside {
            out.push(line);
        }
    }
    out
}

/// Every inline code span (`like this`) outside fenced blocks.
fn inline_code(doc: &str) -> BTreeSet<String> {
    let mut spans = BTreeSet::new();
    for line in prose_lines(doc) {
        for (i, part) in line.split('`').enumerate() {
            if i % 2 == 1 && !part.is_empty() {
                spans.insert(part.to_string());
            }
        }
    }
    spans
}

/// A markdown table: its first line in the file and the identifiers written as `name` in the
/// first cell of its body rows.
struct Table {
    line: usize,
    names: BTreeSet<String>,
}

fn is_ident(s: &str) -> bool {
    !s.is_empty()
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !s.starts_with(|c: char| c.is_ascii_digit())
}

fn tables(doc: &str) -> Vec<Table> {
    let mut out: Vec<Table> = Vec::new();
    let mut inside_fence = false;
    let mut current: Option<(Table, usize)> = None; // the table and its row count so far
    for (i, line) in doc.lines().enumerate() {
        if line.trim_start().starts_with("```") {
            inside_fence = !inside_fence;
        }
        let row = !inside_fence && line.trim_start().starts_with('|');
        if !row {
            if let Some((t, _)) = current.take() {
                out.push(t);
            }
            continue;
        }
        let (table, rows) = current.get_or_insert_with(|| {
            (
                Table {
                    line: i + 1,
                    names: BTreeSet::new(),
                },
                0,
            )
        });
        *rows += 1;
        // Row 1 is the header, row 2 the `|---|` separator.
        if *rows > 2 {
            let first = line.trim_start().trim_start_matches('|');
            let cell = first.split('|').next().unwrap_or("").trim();
            if let Some(name) = cell.strip_prefix('`').and_then(|c| c.strip_suffix('`')) {
                if is_ident(name) {
                    table.names.insert(name.to_string());
                }
            }
        }
    }
    if let Some((t, _)) = current {
        out.push(t);
    }
    out
}

// ---------------------------------------------------------------------------------------------
// The format types, and what serde says about them.

/// The first non-blank, non-comment line of a RON block.
fn first_code_line(text: &str) -> &str {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with("//"))
        .unwrap_or("")
}

type Parse = fn(&str) -> Result<(), ron::error::SpannedError>;

fn parses<T: DeserializeOwned>(text: &str) -> Result<(), ron::error::SpannedError> {
    ron::from_str::<T>(text).map(|_| ())
}

/// `(type name, parser)` for every format type `T`, and for `Vec<T>`.
macro_rules! candidates {
    ($($t:ty),* $(,)?) => {
        vec![$(
            (stringify!($t), parses::<$t> as Parse),
            (concat!("Vec<", stringify!($t), ">"), parses::<Vec<$t>> as Parse),
        )*]
    };
}

fn all_candidates() -> Vec<(&'static str, Parse)> {
    candidates![
        // Structs.
        RawScenario,
        RawPeriod,
        RawSource,
        RawRoles,
        RawBureau,
        RawIssue,
        RawScale,
        RawPosition,
        RawGovernment,
        RawLeader,
        RawSusceptibility,
        RawMission,
        RawActor,
        RawMaterial,
        RawTelegram,
        RawOption,
        RawEvent,
        RawVote,
        RawCasting,
        RawEnding,
        RawModel,
        RawTransit,
        RawDemarcheRule,
        RawNpc,
        // Enums.
        PostChoice,
        Series,
        TelegramKind,
        Precedence,
        Classification,
        Caption,
        Provenance,
        RawSender,
        RawAddressees,
        RawReference,
        RawRequest,
        RawWhom,
        LeaderRole,
        RawTrigger,
        VoteResult,
        RawEffect,
        Body,
        Members,
        Rule,
        Quorum,
        RecordedCast,
    ]
}

type Names = Result<&'static [&'static str], String>;

/// The field names serde expects for struct `T`.
fn struct_fields<T: DeserializeOwned>() -> Names {
    match ron::from_str::<T>("(zzz_unknown: 0)") {
        Err(e) => match e.code {
            ron::Error::NoSuchStructField { expected, .. } => Ok(expected),
            other => Err(format!("expected an unknown-field error, got: {other}")),
        },
        Ok(_) => {
            Err("`(zzz_unknown: 0)` was accepted: does the struct deny unknown fields?".into())
        }
    }
}

/// The variant names serde expects for enum `T`.
fn enum_variants<T: DeserializeOwned>() -> Names {
    match ron::from_str::<T>("ZzzUnknown") {
        Err(e) => match e.code {
            ron::Error::NoSuchEnumVariant { expected, .. } => Ok(expected),
            other => Err(format!("expected an unknown-variant error, got: {other}")),
        },
        Ok(_) => Err("`ZzzUnknown` was accepted".into()),
    }
}

/// The field names of struct variant `variant` of enum `T`, if it is a struct variant that
/// denies unknown fields (tuple, newtype and unit variants give other errors: `None`).
fn variant_fields<T: DeserializeOwned>(variant: &str) -> Option<&'static [&'static str]> {
    match ron::from_str::<T>(&format!("{variant}(zzz_unknown: 0)")) {
        Err(e) => match e.code {
            ron::Error::NoSuchStructField { expected, .. } => Some(expected),
            _ => None,
        },
        Ok(_) => None,
    }
}

struct EnumInfo {
    name: &'static str,
    variants: Names,
    /// For each struct variant, its fields.
    struct_variants: Vec<(&'static str, &'static [&'static str])>,
}

fn enum_info<T: DeserializeOwned>(name: &'static str) -> EnumInfo {
    let variants = enum_variants::<T>();
    let struct_variants = match &variants {
        Ok(vs) => vs
            .iter()
            .filter_map(|v| variant_fields::<T>(v).map(|f| (*v, f)))
            .collect(),
        Err(_) => Vec::new(),
    };
    EnumInfo {
        name,
        variants,
        struct_variants,
    }
}

macro_rules! structs {
    ($($t:ident),* $(,)?) => { vec![$( (stringify!($t), struct_fields::<$t>()) ),*] };
}
macro_rules! enums {
    ($($t:ident),* $(,)?) => { vec![$( enum_info::<$t>(stringify!($t)) ),*] };
}

fn all_structs() -> Vec<(&'static str, Names)> {
    structs![
        RawScenario,
        RawPeriod,
        RawSource,
        RawRoles,
        RawBureau,
        RawIssue,
        RawScale,
        RawPosition,
        RawGovernment,
        RawLeader,
        RawSusceptibility,
        RawMission,
        RawActor,
        RawMaterial,
        RawTelegram,
        RawOption,
        RawEvent,
        RawVote,
        RawCasting,
        RawEnding,
        RawModel,
        RawTransit,
        RawDemarcheRule,
        RawNpc,
    ]
}

fn all_enums() -> Vec<EnumInfo> {
    enums![
        PostChoice,
        Series,
        TelegramKind,
        Precedence,
        Classification,
        Caption,
        Provenance,
        RawSender,
        RawAddressees,
        RawReference,
        RawRequest,
        RawWhom,
        LeaderRole,
        RawTrigger,
        VoteResult,
        RawEffect,
        Body,
        Members,
        Rule,
        Quorum,
        RecordedCast,
    ]
}

/// The `pub struct` and `pub enum` names declared in `src/scenario/format/`.
fn declared_types() -> BTreeSet<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/scenario/format");
    let mut names = BTreeSet::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            for line in text.lines() {
                let line = line.trim_start();
                let rest = line
                    .strip_prefix("pub struct ")
                    .or_else(|| line.strip_prefix("pub enum "));
                if let Some(rest) = rest {
                    let name: String = rest
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                        .collect();
                    names.insert(name);
                }
            }
        }
    }
    names
}

// ---------------------------------------------------------------------------------------------
// The tests.

#[test]
fn the_type_lists_here_cover_every_format_type() {
    let declared = declared_types();
    assert!(
        declared.len() >= 40,
        "found only {declared:?} in src/scenario/format"
    );
    let listed: BTreeSet<String> = all_structs()
        .iter()
        .map(|(n, _)| n.to_string())
        .chain(all_enums().iter().map(|e| e.name.to_string()))
        .collect();
    let candidates: BTreeSet<String> = all_candidates()
        .iter()
        .map(|(n, _)| n.to_string())
        .filter(|n| !n.starts_with("Vec<"))
        .collect();
    let missing: Vec<&String> = declared.difference(&listed).collect();
    assert!(
        missing.is_empty(),
        "format types not checked by tests/format_reference.rs; add them to `all_structs` or \
         `all_enums` and to `all_candidates`: {missing:?}"
    );
    assert_eq!(
        listed, candidates,
        "`all_candidates` and `all_structs`/`all_enums` list different types"
    );
}

#[test]
fn every_scenario_example_validates() {
    let doc = doc_text();
    let mut count = 0;
    let mut failures = Vec::new();
    for block in fenced_blocks(&doc).iter().filter(|b| b.lang == "ron") {
        if !first_code_line(&block.text).starts_with("Scenario(") {
            continue;
        }
        count += 1;
        // Diagnostics count lines from the block's first line; shown at the line of the .md.
        let at = |d: &demarche::scenario::Diagnostic| {
            format!("  {DOC}:{}:{}: {}", block.line + d.line, d.col, d.message)
        };
        match load_str("example.ron", &block.text) {
            Ok(loaded) => {
                for w in &loaded.warnings {
                    eprintln!("(a warning only){}", at(w));
                }
            }
            Err(errors) => {
                let shown: Vec<String> = errors.iter().map(at).collect();
                failures.push(format!(
                    "the example at {DOC}:{}:\n{}",
                    block.line,
                    shown.join("\n")
                ));
            }
        }
    }
    assert!(
        count >= 2,
        "expected the minimal example and the appendix, found {count}"
    );
    assert!(
        failures.is_empty(),
        "Scenario examples in {DOC} that do not validate:\n{}",
        failures.join("\n")
    );
}

#[test]
fn every_other_ron_example_is_some_format_type() {
    let doc = doc_text();
    let candidates = all_candidates();
    let mut count = 0;
    let mut failures = Vec::new();
    for block in fenced_blocks(&doc).iter().filter(|b| b.lang == "ron") {
        if first_code_line(&block.text).starts_with("Scenario(") {
            continue;
        }
        count += 1;
        let mut errors = Vec::new();
        let accepted = candidates
            .iter()
            .any(|(name, parse)| match parse(&block.text) {
                Ok(()) => true,
                Err(e) => {
                    errors.push((name, e));
                    false
                }
            });
        if !accepted {
            // The types that read furthest into the block are the likely intended ones.
            errors.sort_by_key(|(_, e)| std::cmp::Reverse((e.span.start.line, e.span.start.col)));
            let near: Vec<String> = errors
                .iter()
                .take(3)
                .map(|(name, e)| {
                    format!(
                        "    as {name}: {}:{}: {}",
                        block.line + e.span.start.line,
                        e.span.start.col,
                        e.code
                    )
                })
                .collect();
            failures.push(format!(
                "{DOC}:{}: a ```ron block that no format type accepts; nearest:\n{}",
                block.line,
                near.join("\n")
            ));
        }
    }
    assert!(
        count >= 40,
        "expected many RON examples in {DOC}, found {count}"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn serde_reports_the_names_of_every_type() {
    // The discovery itself must work, or the two tests below would check nothing.
    for (name, fields) in all_structs() {
        let fields = fields.unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(!fields.is_empty(), "{name} has no fields");
    }
    for info in all_enums() {
        let variants = info
            .variants
            .unwrap_or_else(|e| panic!("{}: {e}", info.name));
        assert!(!variants.is_empty(), "{} has no variants", info.name);
    }
    let trigger = all_enums()
        .into_iter()
        .find(|e| e.name == "RawTrigger")
        .unwrap();
    let no_reply = trigger
        .struct_variants
        .iter()
        .find(|(v, _)| *v == "NoReply")
        .expect("RawTrigger::NoReply's fields are discovered");
    assert_eq!(no_reply.1, ["telegram", "request", "from", "by"]);
}

#[test]
fn every_field_is_named_in_the_reference() {
    let doc = doc_text();
    let code = inline_code(&doc);
    let mut missing = Vec::new();
    for (name, fields) in all_structs() {
        for field in fields.unwrap_or_else(|e| panic!("{name}: {e}")) {
            if !code.contains(*field) {
                missing.push(format!("{name}.{field}"));
            }
        }
    }
    // Fields of struct variants (`StanceAbove(government, issue, value)`, `Estimate(id, ...)`):
    // named as `field`, or inside a code span that writes the variant out.
    for info in all_enums() {
        for (variant, fields) in &info.struct_variants {
            let spelled: Vec<&String> = code
                .iter()
                .filter(|c| c.starts_with(&format!("{variant}(")))
                .collect();
            for field in *fields {
                let named = code.contains(*field)
                    || spelled.iter().any(|c| {
                        c.split(|ch: char| !(ch.is_ascii_alphanumeric() || ch == '_'))
                            .any(|word| word == *field)
                    });
                if !named {
                    missing.push(format!("{}::{variant}.{field}", info.name));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "fields the code accepts that {DOC} never names as `field`: {missing:?}"
    );
}

#[test]
fn every_struct_has_a_field_table_with_exactly_its_fields() {
    // Stricter than "the name appears somewhere": some table's first column lists exactly the
    // fields of the type, no more (a stale field) and no fewer (an undocumented one).
    let doc = doc_text();
    let tables = tables(&doc);
    let mut problems = Vec::new();
    let mut check = |what: String, fields: &[&str]| {
        let want: BTreeSet<String> = fields.iter().map(|f| f.to_string()).collect();
        if tables.iter().any(|t| t.names == want) {
            return;
        }
        let best = tables
            .iter()
            .max_by_key(|t| t.names.intersection(&want).count())
            .expect("the reference has tables");
        let missing: Vec<&String> = want.difference(&best.names).collect();
        let extra: Vec<&String> = best.names.difference(&want).collect();
        problems.push(format!(
            "{what}: no table lists exactly its fields; nearest is the table at {DOC}:{}, \
             which lacks {missing:?} and has extra {extra:?}",
            best.line
        ));
    };
    for (name, fields) in all_structs() {
        check(name.to_string(), fields.unwrap());
    }
    // Struct variants that the reference documents with a table of their own (requests);
    // triggers, effects and addressees are documented by their signature instead.
    let requests = all_enums()
        .into_iter()
        .find(|e| e.name == "RawRequest")
        .unwrap();
    for (variant, fields) in &requests.struct_variants {
        check(format!("RawRequest::{variant}"), fields);
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_variant_is_named_in_the_reference() {
    let doc = doc_text();
    let code = inline_code(&doc);
    let mut missing = Vec::new();
    let mut by_enum: BTreeMap<&str, usize> = BTreeMap::new();
    for info in all_enums() {
        let variants = info
            .variants
            .unwrap_or_else(|e| panic!("{}: {e}", info.name));
        by_enum.insert(info.name, variants.len());
        for variant in variants {
            // `Priority`, or `Post("id")`, `Bureau(id: "ara", ...)`, `At(date)`.
            let named = code
                .iter()
                .any(|c| c == variant || c.starts_with(&format!("{variant}(")));
            if !named {
                missing.push(format!("{}::{variant}", info.name));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "variants the code accepts that {DOC} never names as `Variant` or `Variant(...)`: \
         {missing:?}"
    );
    assert!(by_enum.values().sum::<usize>() > 60, "{by_enum:?}");
}
