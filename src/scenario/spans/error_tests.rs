//! The parser on bad and hostile input: its errors and where they point, the depth limit,
//! garbage and truncation that must never panic, and linear time on large input.

use super::tests::{SNIPPET, err, f, k, parse};
use super::*;

#[test]
fn errors() {
    let cases: &[(&str, usize, &str)] = &[
        ("", 0, "expected a value, found end of input"),
        (
            "   // only a comment",
            20,
            "expected a value, found end of input",
        ),
        ("[1, 2", 5, "expected `,` or `]`, found end of input"),
        ("[1, 2)", 5, "expected `,` or `]`, found `)`"),
        ("(a: 1]", 5, "expected `,` or `)`, found `]`"),
        ("(a: [1, 2)", 9, "expected `,` or `]`, found `)`"),
        ("Name(1, 2", 9, "expected `,` or `)`, found end of input"),
        ("(a: )", 4, "expected a value, found `)`"),
        ("(a: 1, b 2)", 9, "expected `:`, found `2`"),
        ("[1, @]", 4, "expected a value, found `@`"),
        ("[1] 2", 4, "expected end of input, found `2`"),
        ("[1],", 3, "expected end of input, found `,`"),
        ("[1, 2,,]", 6, "expected a value, found `,`"),
        ("x: 1", 1, "expected end of input, found `:`"),
        ("(x: \"abc)", 4, "unterminated string"),
        ("[r#\"abc\"]", 1, "unterminated string"),
        ("[r##\"abc\"#]", 1, "unterminated string"),
        ("'a", 0, "unterminated char literal"),
        ("\"ends in escape\\\"", 0, "unterminated string"),
        ("[\u{fffd}]", 1, "expected a value, found `\u{fffd}`"),
        ("[1\t\u{1}]", 3, "expected `,` or `]`, found `\\u{1}`"),
        ("r##x", 0, "expected a value, found `r`"),
    ];
    for &(text, offset, message) in cases {
        let e = err(text);
        assert_eq!(
            (e.offset, e.message.as_str()),
            (offset, message),
            "{text:?}"
        );
    }
}

#[test]
fn depth_limit() {
    assert!(SpanTree::parse("[[1]]", 2).is_ok());
    // The unit `()` is a level too: it is parsed like any parenthesis.
    assert!(SpanTree::parse("(a: Some({1: [()]}))", 5).is_ok());
    assert!(SpanTree::parse("(a: Some({1: [()]}))", 4).is_err());
    let e = SpanTree::parse("[[[1]]]", 2).unwrap_err();
    assert_eq!(
        (e.offset, e.message.as_str()),
        (2, "nesting deeper than 2 levels")
    );
    assert!(SpanTree::parse("Some(Some(Some(1)))", 2).is_err());
    assert!(SpanTree::parse("1", 0).is_ok());
    assert!(SpanTree::parse("[]", 0).is_err());
    for open in ["[", "(", "{", "Some(", "(a:", "{1:", "A(b:["] {
        let deep = open.repeat(100_000);
        let e = SpanTree::parse(&deep, 128).unwrap_err();
        assert_eq!(e.message, "nesting deeper than 128 levels", "{open}");
        // The limit is a policy, not what keeps the stack safe: a huge limit just runs out of input.
        let e = SpanTree::parse(&deep, usize::MAX).unwrap_err();
        assert_eq!(e.offset, deep.len(), "{open}");
    }
}

#[test]
fn line_col_counts_chars() {
    let text = "ab\n— é\r\nxyz";
    assert_eq!(line_col(text, 0), (1, 1));
    assert_eq!(line_col(text, 2), (1, 3));
    assert_eq!(line_col(text, 3), (2, 1));
    assert_eq!(line_col(text, 6), (2, 2)); // after the 3-byte dash
    assert_eq!(line_col(text, 4), (2, 1)); // inside the dash
    assert_eq!(line_col(text, 8), (2, 3)); // inside `é`
    assert_eq!(line_col(text, text.len() - 1), (3, 3));
    assert_eq!(line_col(text, text.len()), (3, 4));
    assert_eq!(line_col(text, usize::MAX), (3, 4));
    assert_eq!(line_col("", 5), (1, 1));
}

#[test]
fn never_panics_on_garbage() {
    // A small xorshift keeps the test deterministic without extra crates.
    let mut state = 0x9E37_79B9_7F4A_7C15_u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let alphabet = b"()[]{}:,\"'#!/*\\ \nrbx0-1.eE_aZ\xc3\xa9\xe2\x80";
    for round in 0..20_000 {
        let len = (next() % 40) as usize;
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                let r = next();
                if round % 2 == 0 {
                    r as u8
                } else {
                    alphabet[(r % alphabet.len() as u64) as usize]
                }
            })
            .collect();
        let text = String::from_utf8_lossy(&bytes);
        if let Ok(tree) = SpanTree::parse(&text, 8) {
            assert!(tree.root.end <= text.len());
        } else if let Err(e) = SpanTree::parse(&text, 8) {
            assert!(e.offset <= text.len());
            let _ = line_col(&text, e.offset);
        }
    }
}

#[test]
fn truncated_snippet_is_an_error_not_a_panic() {
    // Past `Scenario(`, since `S`, `Sc`... are valid unit values.
    for end in (9..SNIPPET.len() - 2).filter(|&i| SNIPPET.is_char_boundary(i)) {
        assert!(
            SpanTree::parse(&SNIPPET[..end], 128).is_err(),
            "prefix {end}"
        );
    }
}

#[test]
fn large_input_is_linear() {
    let item = "(id: \"x\", v: [1, 2.5, -3e2], m: {\"k\": Some(r#\"s\"#)}),\n";
    let text = format!("[{}]", item.repeat(50_000));
    let tree = parse(&text);
    let NodeKind::Seq(items) = &tree.root.kind else {
        panic!()
    };
    assert_eq!(items.len(), 50_000);
    let last = tree.find(&[Seg::Index(49_999), f("m"), k("k")]).unwrap();
    assert_eq!(line_col(&text, last.start).0, 50_000);
}
