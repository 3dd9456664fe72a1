//! Text to raw scenario: reading the file safely, parsing RON, and reporting every problem
//! the parser can find, with its position.

use std::path::Path;

use crate::files::{self, Refusal};

use serde::de::DeserializeOwned;

use super::diagnostics::{Diagnostic, closest};
use super::format::*;
use super::spans::{LazyTree, SpanTree, line_col};

/// Scenario files larger than this are refused before parsing.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// Deeper nesting than this is refused (no real scenario comes near it).
pub const MAX_DEPTH: usize = 128;

/// Reads a scenario file as UTF-8 text, refusing directories, pipes, devices and huge files
/// (through [`crate::files`], as every file the program reads).
pub fn read_text(path: &Path) -> Result<String, Diagnostic> {
    read_text_within(path, None)
}

/// Reads another kind of text file (`what`: "the command file") the same bounded way.
pub fn read_named(path: &Path, what: &str) -> Result<String, Diagnostic> {
    read_bounded(path, None, |r| format!("cannot read {what}: {r}"))
}

/// Like [`read_text`], refusing a file that a link leads out of `folder`.
pub fn read_text_within(path: &Path, folder: Option<&Path>) -> Result<String, Diagnostic> {
    read_bounded(path, folder, |r| {
        match r {
        Refusal::Directory => "this is a directory without a scenario.ron; expected a scenario file ending in .ron, or a folder with scenario.ron".to_string(),
        other => format!("cannot read the scenario: {other}"),
    }
    })
}

/// A text file through [`crate::files`], its refusal said by `why`.
fn read_bounded(
    path: &Path,
    folder: Option<&Path>,
    why: impl FnOnce(Refusal) -> String,
) -> Result<String, Diagnostic> {
    let file = path.display().to_string();
    let bytes = match folder {
        Some(folder) => files::read_within(path, folder, MAX_FILE_BYTES),
        None => files::read(path, MAX_FILE_BYTES),
    }
    .map_err(|r| Diagnostic::file_error(&file, why(r)))?;
    text_from_bytes(&file, bytes)
}

/// Decodes UTF-8, pointing at the first byte that is not.
pub fn text_from_bytes(file: &str, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    String::from_utf8(bytes).map_err(|e| {
        let good = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let prefix = std::str::from_utf8(&bytes[..good]).unwrap_or("");
        let (line, col) = line_col(prefix, good);
        Diagnostic {
            line,
            col,
            span: Some((good, good + 1)),
            ..Diagnostic::file_error(
                file,
                format!(
                    "byte 0x{:02X} is not valid UTF-8; scenario files are UTF-8 text",
                    bytes[good]
                ),
            )
        }
    })
}

/// Parses RON into the raw scenario and its span tree (built when first needed), or every
/// problem found.
pub fn parse<'a>(
    file: &str,
    text: &'a str,
) -> Result<(RawScenario, LazyTree<'a>), Vec<Diagnostic>> {
    if text.trim().is_empty() {
        return Err(vec![Diagnostic::file_error(
            file,
            "the file is empty; expected a scenario: `Scenario(id: ..., title: ..., ...)`",
        )]);
    }
    let options = ron::Options::default().with_recursion_limit(MAX_DEPTH);
    match options.from_str::<RawScenario>(text) {
        Ok(raw) => Ok((raw, LazyTree::new(text, MAX_DEPTH))),
        Err(e) => match SpanTree::parse(text, MAX_DEPTH) {
            Ok(tree) => {
                let mut all = field_errors(file, text, &tree);
                if all.is_empty() {
                    all.push(ron_diagnostic(file, text, 0, &e));
                }
                Err(all)
            }
            // A syntax error the span parser stumbles on too: the rough outline still finds
            // each item, so every bad item is reported, not only the first.
            Err(_) => {
                let mut all = super::rough::outline(text)
                    .map(|tree| field_errors(file, text, &tree))
                    .unwrap_or_default();
                if all.is_empty() {
                    all.push(ron_diagnostic(file, text, 0, &e));
                }
                Err(all)
            }
        },
    }
}

/// Turns a ron error found in the slice of `text` starting at `offset` into a diagnostic.
pub(crate) fn ron_diagnostic(
    file: &str,
    text: &str,
    offset: usize,
    e: &ron::error::SpannedError,
) -> Diagnostic {
    let (line0, col0) = line_col(text, offset);
    let (line, col) = (e.span.start.line, e.span.start.col);
    let (line, col) = if line <= 1 {
        (line0, col0 + col.saturating_sub(1))
    } else {
        (line0 + line - 1, col)
    };
    let at = offset_of(text, line, col.max(1));
    let found = at.map(|o| super::found::found(&text[o..]));
    let mut message = ron_message(&e.code, found.as_deref());
    // At the very end of the text (nothing after it but a closing bracket or two), the file
    // is most likely cut short; a one-line file's error elsewhere on its line is not.
    let at_end = at.is_none_or(|o| text[o..].trim().len() <= 2);
    if at_end && !matches!(e.code, ron::Error::Eof) {
        message
            .push_str(" at the end of the file; is it cut short, or a bracket or quote unclosed?");
    } else if let Some(opened) = at.and_then(|o| super::found::open_string_before(text, o)) {
        let (l, c) = line_col(text, opened);
        message.push_str(&format!(
            " (the string that opens at {l}:{c} runs on to here; is its closing quote missing?)"
        ));
    }
    Diagnostic {
        line,
        col: col.max(1),
        span: at.map(|o| (o, o + token_len(&text[o..]))),
        ..Diagnostic::file_error(file, message)
    }
}

/// Ron's message in a modder's words: what was expected, what was found (`found`, the token
/// at the error), and for names the near one and the allowed ones.
fn ron_message(code: &ron::Error, found: Option<&str>) -> String {
    if let Some(reworded) = super::found::reworded(code, found.unwrap_or("the end of the file")) {
        return reworded;
    }
    let choice = |kind: &str, found: &str, outer: &Option<String>, expected: &[&str]| {
        let within = outer
            .as_ref()
            .map(|o| format!(" in `{o}`"))
            .unwrap_or_default();
        let hint = closest(found, expected.iter().copied())
            .map(|near| format!("did you mean `{near}`? "))
            .unwrap_or_default();
        let allowed: Vec<String> = expected.iter().map(|e| format!("`{e}`")).collect();
        format!(
            "unknown {kind} `{found}`{within}; {hint}expected one of {}",
            allowed.join(", ")
        )
    };
    match code {
        ron::Error::NoSuchStructField {
            expected,
            found,
            outer,
        } => choice("field", found, outer, expected),
        ron::Error::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => choice("variant", found, outer, expected),
        ron::Error::MissingStructField { field, outer } => format!(
            "missing field `{field}`{}; expected it to be given",
            outer
                .as_ref()
                .map(|o| format!(" in `{o}`"))
                .unwrap_or_default()
        ),
        ron::Error::Eof => {
            "unexpected end of file; is the file cut short, or a bracket unclosed?".into()
        }
        other => other.to_string(),
    }
}

/// Deserializes each top-level field, and each element of each list, on its own, so that one
/// bad government does not hide the problems in the next one.
fn field_errors(file: &str, text: &str, tree: &SpanTree) -> Vec<Diagnostic> {
    use super::spans::NodeKind;
    let NodeKind::Struct { fields, .. } = &tree.root.kind else {
        return Vec::new();
    };
    let mut found: Vec<SliceError> = Vec::new();
    let mut out = Vec::new();
    for field in fields {
        let items: Vec<(usize, usize)> = match &field.value.kind {
            NodeKind::Seq(items) => items.iter().map(|n| (n.start, n.end)).collect(),
            _ => Vec::new(),
        };
        let value = (field.value.start, field.value.end);
        let errors = match field.name.as_str() {
            "sources" => each::<RawSource>(text, value, &items),
            "bureaus" => each::<RawBureau>(text, value, &items),
            "issues" => each::<RawIssue>(text, value, &items),
            "governments" => each::<RawGovernment>(text, value, &items),
            "missions" => each::<RawMission>(text, value, &items),
            "actors" => each::<RawActor>(text, value, &items),
            "materials" => each::<RawMaterial>(text, value, &items),
            "telegrams" => each::<RawTelegram>(text, value, &items),
            "events" => each::<RawEvent>(text, value, &items),
            "votes" => each::<RawVote>(text, value, &items),
            "endings" => each::<RawEnding>(text, value, &items),
            "objectives" | "questions" | "shared" => one::<Vec<String>>(text, value),
            "period" => one::<RawPeriod>(text, value),
            "roles" => one::<RawRoles>(text, value),
            "model" => one::<RawModel>(text, value),
            "historical" => one::<bool>(text, value),
            "id" | "title" | "summary" | "author" | "version" | "notes" | "period_end" => {
                one::<String>(text, value)
            }
            other => {
                let (line, col) = line_col(text, field.name_start);
                out.push(Diagnostic {
                    line,
                    col,
                    span: Some((field.name_start, field.name_start + other.len())),
                    ..Diagnostic::file_error(
                        file,
                        ron_message(
                            &ron::Error::NoSuchStructField {
                                expected: scenario_fields(),
                                found: other.to_string(),
                                outer: Some("Scenario".into()),
                            },
                            None,
                        ),
                    )
                });
                Vec::new()
            }
        };
        found.extend(errors);
    }
    out.extend(
        found
            .iter()
            .map(|(offset, e)| ron_diagnostic(file, text, *offset, e)),
    );
    out.sort_by_key(|d| (d.line, d.col));
    out
}

/// The fields of `Scenario`, as serde knows them: read from serde itself, so the list cannot
/// drift from the type.
fn scenario_fields() -> &'static [&'static str] {
    static FIELDS: std::sync::OnceLock<&'static [&'static str]> = std::sync::OnceLock::new();
    FIELDS.get_or_init(
        || match ron::from_str::<RawScenario>("(zzz_not_a_field: 0)") {
            Err(ron::error::SpannedError {
                code: ron::Error::NoSuchStructField { expected, .. },
                ..
            }) => expected,
            _ => &[],
        },
    )
}

/// A ron error in the slice of the text that starts at the offset.
type SliceError = (usize, ron::error::SpannedError);

fn one<T: DeserializeOwned>(text: &str, (start, end): (usize, usize)) -> Vec<SliceError> {
    ron::Options::default()
        .with_recursion_limit(MAX_DEPTH)
        .from_str::<T>(&text[start..end])
        .err()
        .map(|e| (start, e))
        .into_iter()
        .collect()
}

/// Every bad element of a list; a value that is not a list is checked as a whole.
fn each<T: DeserializeOwned>(
    text: &str,
    value: (usize, usize),
    items: &[(usize, usize)],
) -> Vec<SliceError> {
    if items.is_empty() {
        return one::<Vec<T>>(text, value);
    }
    items
        .iter()
        .flat_map(|item| one::<T>(text, *item))
        .collect()
}

/// The byte offset of a 1-based line and (character) column, if the text has it.
fn offset_of(text: &str, line: usize, col: usize) -> Option<usize> {
    let start = if line <= 1 {
        0
    } else {
        text.match_indices('\n').nth(line - 2).map(|(i, _)| i + 1)?
    };
    let rest = &text[start..];
    let within = rest
        .char_indices()
        .nth(col - 1)
        .map(|(i, _)| i)
        .unwrap_or(rest.len());
    Some(start + within)
}

/// The length of the word at the start of `rest` (at least one byte), to underline it whole.
fn token_len(rest: &str) -> usize {
    let word = rest
        .char_indices()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '_'))
        .map(|(i, _)| i)
        .unwrap_or(rest.len());
    word.max(rest.chars().next().map(char::len_utf8).unwrap_or(0))
        .max(1)
        .min(rest.len().max(1))
}

/// Parses a file of a folder scenario: one item, or a list of them. Every bad item is
/// reported. Returns the items, the file's span tree, and whether it held a list.
pub fn parse_items<T: DeserializeOwned>(
    file: &str,
    text: &str,
) -> Result<(Vec<T>, SpanTree, bool), Vec<Diagnostic>> {
    use super::spans::NodeKind;
    let tree = SpanTree::parse(text, MAX_DEPTH).map_err(|e| {
        let (line, col) = line_col(text, e.offset);
        vec![Diagnostic {
            line,
            col,
            span: Some((e.offset, e.offset + 1)),
            ..Diagnostic::file_error(file, e.message)
        }]
    })?;
    let options = ron::Options::default().with_recursion_limit(MAX_DEPTH);
    let list = matches!(tree.root.kind, NodeKind::Seq(_));
    let parsed = if list {
        options.from_str::<Vec<T>>(text)
    } else {
        options.from_str::<T>(text).map(|t| vec![t])
    };
    match parsed {
        Ok(items) => Ok((items, tree, list)),
        Err(e) => {
            let items: Vec<(usize, usize)> = match &tree.root.kind {
                NodeKind::Seq(items) => items.iter().map(|n| (n.start, n.end)).collect(),
                _ => Vec::new(),
            };
            let mut found: Vec<Diagnostic> =
                each::<T>(text, (tree.root.start, tree.root.end), &items)
                    .iter()
                    .map(|(offset, e)| ron_diagnostic(file, text, *offset, e))
                    .collect();
            if found.is_empty() {
                found.push(ron_diagnostic(file, text, 0, &e));
            }
            Err(found)
        }
    }
}
