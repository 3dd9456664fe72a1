//! What the RON reader found where it expected something else, said in a modder's words:
//! "expected a number such as 0.5, found the string "0.5"; write numbers without quotes".

/// The token at the start of `rest`, as a message names it.
pub fn found(rest: &str) -> String {
    let rest = rest.trim_start();
    let Some(first) = rest.chars().next() else {
        return "the end of the file".into();
    };
    let shown = |s: &str| {
        let s: String = s.chars().take(40).collect();
        s.lines().next().unwrap_or_default().to_string()
    };
    match first {
        '"' => {
            let body = &rest[1..];
            let end = closing_quote(body.as_bytes())
                .map(|i| i + 2)
                .unwrap_or(rest.len());
            format!("the string {}", shown(&rest[..end]))
        }
        c if c.is_ascii_digit() || c == '-' || c == '+' || c == '.' => {
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || "+-._".contains(c)))
                .unwrap_or(rest.len());
            format!("the number `{}`", &rest[..end])
        }
        c if c.is_alphabetic() || c == '_' => {
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            let word = &rest[..end];
            if rest[end..].trim_start().starts_with('(') {
                format!("`{word}(…)`")
            } else {
                format!("`{word}`")
            }
        }
        c => format!("`{c}`"),
    }
}

/// The byte index of the quote that closes a string whose body starts `body`.
pub(super) fn closing_quote(b: &[u8]) -> Option<usize> {
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return Some(i),
            _ => i += 1,
        }
    }
    None
}

/// ron's message reworded, for the errors a modder meets most; `None` for the rest.
pub fn reworded(code: &ron::Error, found: &str) -> Option<String> {
    use ron::Error as E;
    let quoted = found.starts_with("the string");
    let expected = match code {
        E::ExpectedOption => {
            return Some(format!(
                "expected an optional value, `Some(...)` or `None`, found {found}; write `Some({})`",
                found.strip_prefix("the string ").unwrap_or("...")
            ));
        }
        E::ExpectedFloat | E::ExpectedInteger if quoted => {
            let what = if matches!(code, E::ExpectedFloat) {
                "a number such as 0.5"
            } else {
                "a whole number"
            };
            return Some(format!(
                "expected {what}, found {found}; write numbers without quotes"
            ));
        }
        E::ExpectedFloat => "a number such as 0.5",
        E::ExpectedInteger => "a whole number such as 3",
        E::IntegerOutOfBounds => {
            return Some(format!(
                "found {found}, a whole number too large (or negative) for this field; expected a smaller one"
            ));
        }
        E::ExpectedBoolean => "`true` or `false`",
        E::ExpectedString => "a text in double quotes, such as \"Caracas\"",
        E::ExpectedStringEnd => {
            return Some(
                "a string is not closed; expected a closing `\"` before the end of the file".into(),
            );
        }
        E::ExpectedArray => "a list in square brackets, `[...]`",
        E::ExpectedArrayEnd => "`,` and another item, or `]` to close the list",
        E::ExpectedComma => "a comma `,` between two items or fields",
        E::ExpectedMap => "a map in braces, `{...}`",
        E::ExpectedMapColon => "a colon `:` after the key",
        E::ExpectedMapEnd => "`,` and another entry, or `}` to close the map",
        E::ExpectedStructLike => "a value in parentheses, `(...)`",
        E::ExpectedNamedStructLike(name) => {
            return Some(format!(
                "expected `{name}(...)` (or just `(...)`), found {found}"
            ));
        }
        E::ExpectedStructLikeEnd => "`,` and another field, or `)` to close",
        E::ExpectedUnit => "`()`",
        E::ExpectedIdentifier => "a name, such as a field's or a variant's",
        E::ExpectedChar => "a character in single quotes",
        E::TrailingCharacters => "the end of the file after the closing `)`",
        E::UnexpectedChar(c) => {
            return Some(format!(
                "found `{c}`, which cannot start or continue a value here; expected a number, a string in double quotes, a name, or a bracket"
            ));
        }
        E::ExceededRecursionLimit => {
            return Some(format!(
                "the values here are nested more than {} deep; expected far less nesting (is a bracket opened again and again?)",
                super::load::MAX_DEPTH
            ));
        }
        E::InvalidValueForType { expected, found } => {
            return Some(format!("expected {expected}, found {found}"));
        }
        E::ExpectedDifferentLength { expected, found } => {
            return Some(format!("expected {expected}, found {found} item(s)"));
        }
        _ => return None,
    };
    Some(format!("expected {expected}, found {found}"))
}

/// Where the last string before `offset` opens, if it looks like one whose closing quote is
/// missing: it runs over a line break, or it ends just before the error and holds what looks
/// like the scenario's own syntax (`trigger: At(`), swallowed up to the next quote.
pub fn open_string_before(text: &str, offset: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = 0;
    let mut last = None;
    while i < offset.min(b.len()) {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'"' => {
                let close = closing_quote(&text.as_bytes()[i + 1..]).map(|c| i + 1 + c);
                let end = close.unwrap_or(b.len()).min(b.len());
                let body = &text[i..end];
                let just_before = text
                    .get(end + 1..offset)
                    .is_some_and(|g| g.trim().is_empty());
                last = (body.contains('\n') || just_before && holds_a_field(body)).then_some(i);
                i = end + 1;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    last
}

/// Whether a string's text holds `name: `, the way a scenario's fields are written.
fn holds_a_field(body: &str) -> bool {
    body.match_indices(": ").any(|(i, _)| {
        // Counted in characters: the text before may end in any letter (found by fuzzing).
        let word = body[..i]
            .chars()
            .rev()
            .take_while(|c| c.is_ascii_lowercase() || *c == '_')
            .count();
        word >= 2
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_was_found_is_named() {
        assert_eq!(found(r#""0.5", x"#), r#"the string "0.5""#);
        assert_eq!(found("12.5)"), "the number `12.5`");
        assert_eq!(found("Some(3)"), "`Some(…)`");
        assert_eq!(found(""), "the end of the file");
        let m = reworded(&ron::Error::ExpectedFloat, r#"the string "0.5""#).unwrap();
        assert!(m.contains("write numbers without quotes"), "{m}");
        let m = reworded(&ron::Error::ExpectedOption, r#"the string "x""#).unwrap();
        assert!(m.contains(r#"write `Some("x")`"#), "{m}");
    }

    #[test]
    fn a_string_running_over_its_line_is_found() {
        let text = "(a: \"one,\n b: \"two\")";
        let at = text.find("two").unwrap();
        assert_eq!(open_string_before(text, at), Some(4));
        assert_eq!(open_string_before("(a: \"x\", b: 1)", 12), None);
        let swallowed = r#"(headline: "A speech, trigger: At("1960-07-09"))"#;
        let at = swallowed.find("1960").unwrap();
        assert_eq!(open_string_before(swallowed, at), Some(11));
        let accented = r#"(title: "Démarche: trigger: At("1960"))"#;
        let at = accented.find("1960").unwrap();
        assert_eq!(open_string_before(accented, at), Some(8));
        let missing_comma = r#"(capital: "Beta Town" x: 1)"#;
        assert_eq!(open_string_before(missing_comma, 22), None);
    }
}
