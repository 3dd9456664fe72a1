//! `docs/scenario-format.md` checked against the code: its examples are real RON of the real
//! types, every field and variant the code accepts is named in it, each record's field table
//! lists exactly its fields, and the table's "Required?" column says what serde requires.
//!
//! The names come from serde itself, not from a list kept by hand: RON with an unknown field
//! (`(zzz_unknown: 0)`) or an unknown variant (`ZzzUnknown`) makes the derived `Deserialize`
//! report every name it expects (`ron::Error::NoSuchStructField { expected, .. }` and
//! `NoSuchEnumVariant`), and a deserializer that fills in any value (`mod fill`) finds which
//! fields may be left out. Only the list of *types* is written here, and a test checks it
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
            if let Some(name) = cell.strip_prefix('`').and_then(|c| c.strip_suffix('`'))
                && is_ident(name)
            {
                table.names.insert(name.to_string());
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
        RawAway,
        RawLine,
        RawSusceptibility,
        RawMission,
        RawActor,
        RawMaterial,
        RawTelegram,
        RawOption,
        RawCount,
        RawEvent,
        RawVote,
        RawLinkage,
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
        RawAway,
        RawLine,
        RawSusceptibility,
        RawMission,
        RawActor,
        RawMaterial,
        RawTelegram,
        RawOption,
        RawCount,
        RawEvent,
        RawVote,
        RawLinkage,
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
            .find(|(name, parse)| match parse(&block.text) {
                Ok(()) => true,
                Err(e) => {
                    errors.push((*name, e));
                    false
                }
            });
        if let Some((name, _)) = accepted {
            eprintln!("{DOC}:{}: read as {name}", block.line);
        } else {
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

/// The name serde gives struct `T` in RON (`Government` in `Government(id: ...)`).
fn struct_name<T: DeserializeOwned>() -> Result<&'static str, String> {
    match ron::from_str::<T>("ZzzUnknown(zzz_unknown: 0)") {
        Err(e) => match e.code {
            ron::Error::ExpectedDifferentStructName { expected, .. } => Ok(expected),
            other => Err(format!("expected a struct-name error, got: {other}")),
        },
        Ok(_) => Err("`ZzzUnknown(...)` was accepted".into()),
    }
}

macro_rules! struct_names {
    ($($t:ident),* $(,)?) => { vec![$( (stringify!($t), struct_name::<$t>()) ),*] };
}

#[test]
fn every_record_name_is_in_the_reference() {
    // The reference says a record may carry its type name, `Government(id: "alpha", ...)`:
    // that name is serde's, and the reference should call the record by it.
    let doc = doc_text();
    let words: BTreeSet<&str> = doc
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .collect();
    let names = struct_names![
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
        RawAway,
        RawLine,
        RawSusceptibility,
        RawMission,
        RawActor,
        RawMaterial,
        RawTelegram,
        RawOption,
        RawCount,
        RawEvent,
        RawVote,
        RawLinkage,
        RawCasting,
        RawEnding,
        RawModel,
        RawTransit,
        RawDemarcheRule,
        RawNpc,
    ];
    assert_eq!(
        names.len(),
        all_structs().len(),
        "struct_names! lists every struct"
    );
    let mut problems = Vec::new();
    for (ty, name) in names {
        let name = name.unwrap_or_else(|e| panic!("{ty}: {e}"));
        if !words.contains(name) {
            problems.push(format!(
                "{ty} is written `{name}(...)` but {DOC} never says `{name}`"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

// ---------------------------------------------------------------------------------------------
// Required or optional: also from serde, with a deserializer that can fill in any value.

mod fill {
    //! A `Deserializer` that produces a value of whatever shape is asked for: strings are
    //! `"1960-01-01"` (a valid moment as well as a valid text), numbers 0, lists and tables
    //! empty, options `None`, enums their first variant, structs every field. At the top it can
    //! leave one field out: if the type still deserializes, serde has a default for that field.

    use serde::de::value::{Error, StrDeserializer};
    use serde::de::{
        DeserializeSeed, Deserializer, EnumAccess, IntoDeserializer, MapAccess, SeqAccess,
        VariantAccess, Visitor,
    };
    use serde::forward_to_deserialize_any;

    #[derive(Clone, Copy, Default)]
    pub struct Fill {
        /// At the top: the variant to take, if the type is an enum.
        pub variant: Option<&'static str>,
        /// At the top: the field to leave out.
        pub without: Option<&'static str>,
    }

    const TEXT: &str = "1960-01-01";

    impl<'de> Deserializer<'de> for Fill {
        type Error = Error;

        fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
            v.visit_str(TEXT)
        }
        fn deserialize_bool<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
            v.visit_bool(false)
        }
        fn deserialize_i8<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
            v.visit_i64(0)
        }
        fn deserialize_i16<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
            v.visit_i64(0)
        }
        fn deserialize_i32<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
            v.visit_i64(0)
        }
        fn deserialize_i64<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
            v.visit_i64(0)
        }
        fn deserialize_u8<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
            v.visit_u64(0)
        }
        fn deserialize_u16<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
            v.visit_u64(0)
        }
        fn deserialize_u32<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
            v.visit_u64(0)
        }
        fn deserialize_u64<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
            v.visit_u64(0)
        }
        fn deserialize_f32<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
            v.visit_f64(0.0)
        }
        fn deserialize_f64<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
            v.visit_f64(0.0)
        }
        fn deserialize_char<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
            v.visit_char('a')
        }
        fn deserialize_str<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
            v.visit_str(TEXT)
        }
        fn deserialize_string<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
            v.visit_str(TEXT)
        }
        fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
            v.visit_none()
        }
        fn deserialize_unit<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
            v.visit_unit()
        }
        fn deserialize_unit_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            v: V,
        ) -> Result<V::Value, Error> {
            v.visit_unit()
        }
        fn deserialize_newtype_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            v: V,
        ) -> Result<V::Value, Error> {
            v.visit_newtype_struct(Fill::default())
        }
        fn deserialize_seq<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
            v.visit_seq(Items(0))
        }
        fn deserialize_tuple<V: Visitor<'de>>(self, len: usize, v: V) -> Result<V::Value, Error> {
            v.visit_seq(Items(len))
        }
        fn deserialize_tuple_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            len: usize,
            v: V,
        ) -> Result<V::Value, Error> {
            v.visit_seq(Items(len))
        }
        fn deserialize_map<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
            v.visit_map(Fields {
                fields: Vec::new(),
                next_value: false,
            })
        }
        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            v: V,
        ) -> Result<V::Value, Error> {
            v.visit_map(Fields::new(fields, self.without))
        }
        fn deserialize_enum<V: Visitor<'de>>(
            self,
            _: &'static str,
            variants: &'static [&'static str],
            v: V,
        ) -> Result<V::Value, Error> {
            let variant = self.variant.unwrap_or(variants[0]);
            v.visit_enum(Variant {
                name: variant,
                without: self.without,
            })
        }
        fn deserialize_ignored_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
            v.visit_unit()
        }
        forward_to_deserialize_any! { i128 u128 bytes byte_buf identifier }
    }

    /// `len` filled items.
    struct Items(usize);

    impl<'de> SeqAccess<'de> for Items {
        type Error = Error;
        fn next_element_seed<T: DeserializeSeed<'de>>(
            &mut self,
            seed: T,
        ) -> Result<Option<T::Value>, Error> {
            if self.0 == 0 {
                return Ok(None);
            }
            self.0 -= 1;
            seed.deserialize(Fill::default()).map(Some)
        }
    }

    /// The fields of a struct, by name, each with a filled value.
    struct Fields {
        fields: Vec<&'static str>,
        next_value: bool,
    }

    impl Fields {
        fn new(fields: &'static [&'static str], without: Option<&str>) -> Self {
            let mut fields: Vec<&'static str> = fields
                .iter()
                .copied()
                .filter(|f| Some(*f) != without)
                .collect();
            fields.reverse();
            Fields {
                fields,
                next_value: false,
            }
        }
    }

    impl<'de> MapAccess<'de> for Fields {
        type Error = Error;
        fn next_key_seed<K: DeserializeSeed<'de>>(
            &mut self,
            seed: K,
        ) -> Result<Option<K::Value>, Error> {
            match self.fields.pop() {
                None => Ok(None),
                Some(name) => {
                    self.next_value = true;
                    let key: StrDeserializer<'_, Error> = name.into_deserializer();
                    seed.deserialize(key).map(Some)
                }
            }
        }
        fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
            assert!(std::mem::take(&mut self.next_value));
            seed.deserialize(Fill::default())
        }
    }

    struct Variant {
        name: &'static str,
        without: Option<&'static str>,
    }

    impl<'de> EnumAccess<'de> for Variant {
        type Error = Error;
        type Variant = Self;
        fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self), Error> {
            let key: StrDeserializer<'_, Error> = self.name.into_deserializer();
            Ok((seed.deserialize(key)?, self))
        }
    }

    impl<'de> VariantAccess<'de> for Variant {
        type Error = Error;
        fn unit_variant(self) -> Result<(), Error> {
            Ok(())
        }
        fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
            seed.deserialize(Fill::default())
        }
        fn tuple_variant<V: Visitor<'de>>(self, len: usize, v: V) -> Result<V::Value, Error> {
            v.visit_seq(Items(len))
        }
        fn struct_variant<V: Visitor<'de>>(
            self,
            fields: &'static [&'static str],
            v: V,
        ) -> Result<V::Value, Error> {
            v.visit_map(Fields::new(fields, self.without))
        }
    }
}

/// For each field of struct `T` (or of struct variant `variant` of enum `T`): required or not.
fn required_fields<T: DeserializeOwned>(
    variant: Option<&'static str>,
    fields: &'static [&'static str],
) -> Result<Vec<(&'static str, bool)>, String> {
    use fill::Fill;
    T::deserialize(Fill {
        variant,
        without: None,
    })
    .map_err(|e| format!("even with every field given: {e}"))?;
    fields
        .iter()
        .map(|f| {
            match T::deserialize(Fill {
                variant,
                without: Some(f),
            }) {
                Ok(_) => Ok((*f, false)),
                Err(e) if e.to_string() == format!("missing field `{f}`") => Ok((*f, true)),
                Err(e) => Err(format!("without `{f}`: {e}")),
            }
        })
        .collect()
}

/// A table's rows, cell by cell, and its header.
struct FullTable {
    line: usize,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

fn cells(line: &str) -> Vec<String> {
    let line = line.trim().trim_start_matches('|').trim_end_matches('|');
    line.split('|').map(|c| c.trim().to_string()).collect()
}

fn full_tables(doc: &str) -> Vec<FullTable> {
    let mut out = Vec::new();
    let mut inside_fence = false;
    let mut current: Option<FullTable> = None;
    for (i, line) in doc.lines().enumerate() {
        if line.trim_start().starts_with("```") {
            inside_fence = !inside_fence;
        }
        if inside_fence || !line.trim_start().starts_with('|') {
            out.extend(current.take());
            continue;
        }
        match &mut current {
            None => {
                current = Some(FullTable {
                    line: i + 1,
                    header: cells(line),
                    rows: Vec::new(),
                })
            }
            Some(t) if line.contains("---") && t.rows.is_empty() => {}
            Some(t) => t.rows.push(cells(line)),
        }
    }
    out.extend(current);
    out
}

#[test]
fn required_and_optional_fields_are_as_the_reference_says() {
    // Where a field table has a "Required?" column, it must say `required` exactly for the
    // fields serde insists on. A table with a "Default" column and no "Required?" one says
    // every field is optional.
    let doc = doc_text();
    let tables = full_tables(&doc);
    let mut checked = 0;
    let mut problems = Vec::new();
    let mut check = |what: String, found: Result<Vec<(&'static str, bool)>, String>| {
        let found = found.unwrap_or_else(|e| panic!("{what}: {e}"));
        let want: BTreeSet<String> = found.iter().map(|(f, _)| f.to_string()).collect();
        let Some(table) = tables.iter().find(|t| {
            let names: BTreeSet<String> = t
                .rows
                .iter()
                .filter_map(|r| r.first())
                .filter_map(|c| c.strip_prefix('`').and_then(|c| c.strip_suffix('`')))
                .map(str::to_string)
                .collect();
            names == want
        }) else {
            return; // no table of exactly its fields: another test reports that
        };
        let column = |name: &str| table.header.iter().position(|h| h == name);
        // A table with a Required? column says per row; one with only a Default column says
        // every field is optional.
        let required_column = match (column("Required?"), column("Default")) {
            (Some(c), _) => Some(c),
            (None, Some(_)) => None,
            (None, None) => return,
        };
        let says_required = |row: &[String]| -> Option<bool> {
            match required_column {
                Some(c) => Some(row.get(c)?.to_lowercase().starts_with("required")),
                None => Some(false),
            }
        };
        checked += 1;
        for (field, required) in found {
            let row = table
                .rows
                .iter()
                .find(|r| r.first().map(String::as_str) == Some(&format!("`{field}`")))
                .unwrap();
            if let Some(documented) = says_required(row)
                && documented != required
            {
                problems.push(format!(
                    "{DOC}:{}: `{field}` of {what} is documented as {} but the code {}",
                    table.line,
                    if documented { "required" } else { "optional" },
                    if required {
                        "requires it"
                    } else {
                        "has a default for it (`#[serde(default)]`)"
                    }
                ));
            }
        }
    };
    macro_rules! check_structs {
        ($($t:ident),* $(,)?) => {$(
            check(
                stringify!($t).to_string(),
                required_fields::<$t>(None, struct_fields::<$t>().unwrap()),
            );
        )*};
    }
    check_structs![
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
    ];
    let requests = all_enums()
        .into_iter()
        .find(|e| e.name == "RawRequest")
        .unwrap();
    for (variant, fields) in requests.struct_variants {
        check(
            format!("RawRequest::{variant}"),
            required_fields::<RawRequest>(Some(variant), fields),
        );
    }
    assert!(checked >= 20, "only {checked} tables checked");
    assert!(
        problems.is_empty(),
        "the reference's Required? column disagrees with the code:\n{}",
        problems.join("\n")
    );
}
