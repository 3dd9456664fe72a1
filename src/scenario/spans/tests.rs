use super::lexeme::unescape;
use super::*;

pub(super) fn parse(text: &str) -> SpanTree {
    SpanTree::parse(text, 128).unwrap_or_else(|e| panic!("{text:?}: {e:?}"))
}

pub(super) fn err(text: &str) -> SpanError {
    SpanTree::parse(text, 128).expect_err(text)
}

pub(super) fn f(name: &str) -> Seg {
    Seg::Field(name.to_owned())
}

pub(super) fn k(key: &str) -> Seg {
    Seg::Key(key.to_owned())
}

fn slice<'t>(text: &'t str, node: &Node) -> &'t str {
    &text[node.start..node.end]
}

/// The root is a single scalar covering exactly `value`, wherever whitespace puts it.
fn assert_scalar(value: &str) {
    let text = format!("  {value} // trailing\n");
    let root = parse(&text).root;
    assert_eq!(root.kind, NodeKind::Scalar, "{value}");
    assert_eq!(slice(&text, &root), value);
}

pub(super) const SNIPPET: &str = r##"Scenario(
    id: "x", // comment
    period: (start: "1960-07-09", end: "1960-09-01"),
    governments: [
        (id: "venezuela", stances: {"cuba_action": -0.3}, leaders: [(id: "b", role: HeadOfState)]),
    ],
    telegrams: [(to: [Bureau(id: "ara", except: ["havana"])], trigger: Some(All([At("1960-07-11T19:00"), Flag("f")])), body: r#"He said "no"."#)],
)
"##;

#[test]
fn strings() {
    for s in [
        r#""""#,
        r#""plain""#,
        r#""esc \" \\ \n \t \u{1F600} \x41 end""#,
        "\"Ciudad Trujillo — 1960\"",
        "\"multi\nline\"",
        r#"r"raw \ no escapes""#,
        r##"r#"has "quotes" inside"#"##,
        r###"r##"has "# inside"##"###,
        r#"b"bytes\n""#,
        r##"br#"raw "bytes""#"##,
        r#"br"raw""#,
    ] {
        assert_scalar(s);
    }
}

#[test]
fn chars() {
    for c in [
        "'a'",
        r"'\''",
        r"'\n'",
        "'é'",
        r"'\\'",
        r"'\u{e9}'",
        "b'x'",
        r"'\x41'",
    ] {
        assert_scalar(c);
    }
}

#[test]
fn numbers() {
    for n in [
        "1", "-1.5", "+2", "1e-3", "1E+10", "2.5e7", "1_000", "0x1F", "0xFE", "0b101", "0o17",
        "inf", "-inf", "+inf", "NaN", "-NaN", ".5", "1.", "-0", "1u8", "1.5f32",
    ] {
        assert_scalar(n);
    }
    // A hex literal has no exponent, so `-` after `E` ends it.
    assert_eq!(err("0x1E-2").message, "expected end of input, found `-`");
    assert_eq!(err("-").message, "expected a number, found end of input");
    assert_eq!(err("- 1").offset, 1);
}

#[test]
fn identifiers_and_units() {
    for i in [
        "true",
        "false",
        "None",
        "Priority",
        "_x9",
        "r#type",
        "r#a.b-c+d",
        "Ünïcode",
        "()",
    ] {
        assert_scalar(i);
    }
    assert_scalar("( /* nothing */ )");
}

#[test]
fn comments_and_attributes() {
    let text = "#![enable(implicit_some)]\n#![enable(unwrap_newtypes)] // why\n/* a /* nested */ b */ [1, /**/ 2 /* x */, // c\n 3]\n/* end */";
    let root = parse(text).root;
    let NodeKind::Seq(items) = &root.kind else {
        panic!("{root:?}")
    };
    let got: Vec<_> = items.iter().map(|n| slice(text, n)).collect();
    assert_eq!(got, ["1", "2", "3"]);
    assert_eq!(text[root.start..].find('['), Some(0));
    assert_scalar("\u{feff}1".trim_start_matches('\u{feff}'));
    assert_eq!(parse("\u{feff}\u{2028}1\u{85}").root.start, 6);
    assert_eq!(parse("1 // no newline at end").root.end, 1);
    let e = err("[1, /* a /* b */ 2]");
    assert_eq!(
        (e.offset, e.message.as_str()),
        (4, "unterminated block comment")
    );
    assert_eq!(err("#![enable(x)").message, "unterminated attribute");
    assert_eq!(err("#[x] 1").message, "expected `#![`, found `#`");
}

#[test]
fn structs_and_tuples() {
    let text = "(a: 1, r#type: (x), b: Name(y: 2,), c: Some(3), d: (1, 2,), e: V(), f: U)";
    let tree = parse(text);
    let NodeKind::Struct { name: None, fields } = &tree.root.kind else {
        panic!()
    };
    let names: Vec<_> = fields.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["a", "type", "b", "c", "d", "e", "f"]);
    assert_eq!(fields[1].name_start, text.find("r#type").unwrap());
    assert_eq!(&text[fields[2].name_start..fields[2].value.start], "b: ");
    let kind = |name: &str| &tree.find(&[f(name)]).unwrap().kind;
    assert!(matches!(kind("type"), NodeKind::Tuple { name: None, items } if items.len() == 1));
    let NodeKind::Struct {
        name: Some(n),
        fields,
    } = kind("b")
    else {
        panic!()
    };
    assert_eq!((n.as_str(), fields[0].name.as_str()), ("Name", "y"));
    assert!(
        matches!(kind("c"), NodeKind::Tuple { name: Some(n), items } if n == "Some" && items.len() == 1)
    );
    assert!(matches!(kind("d"), NodeKind::Tuple { name: None, items } if items.len() == 2));
    assert!(
        matches!(kind("e"), NodeKind::Tuple { name: Some(n), items } if n == "V" && items.is_empty())
    );
    assert_eq!(kind("f"), &NodeKind::Scalar);
    assert_eq!(slice(text, tree.find(&[f("b")]).unwrap()), "Name(y: 2,)");
}

#[test]
fn struct_detection_sees_through_comments_but_not_paths() {
    let tree = parse("( /* c */ a /* d */ : 1)");
    assert!(matches!(tree.root.kind, NodeKind::Struct { .. }));
    // `a::b` is not a field, so this is a tuple whose item is followed by a stray `:`.
    assert_eq!(err("(a::b)").message, "expected `,` or `)`, found `:`");
    assert!(matches!(
        parse("Name (x)").root.kind,
        NodeKind::Tuple { .. }
    ));
    assert_eq!(err("(a: 1, 2)").message, "expected a field name, found `2`");
}

#[test]
fn maps_and_keys() {
    let text = r##"{"a": 1, "q\"uote": 2, r#"raw"#: 3, 4: 5, id: 6, (1, 2): 7, "\u{e9}": 8, Some("s"): 9,}"##;
    let tree = parse(text);
    let NodeKind::Map(entries) = &tree.root.kind else {
        panic!()
    };
    let keys: Vec<_> = entries.iter().map(|e| e.key_text.as_str()).collect();
    assert_eq!(
        keys,
        [
            "a",
            "q\"uote",
            "raw",
            "4",
            "id",
            "(1, 2)",
            "é",
            "Some(\"s\")"
        ]
    );
    assert_eq!(
        slice(text, tree.find(&[k("q\"uote")]).unwrap()),
        r#""q\"uote""#
    );
    assert_eq!(
        slice(text, map_value(&tree.root, text, "raw").unwrap()),
        "3"
    );
    assert_eq!(
        slice(text, map_value(&tree.root, text, "(1, 2)").unwrap()),
        "7"
    );
    assert_eq!(map_value(&tree.root, text, "missing"), None);
    assert_eq!(map_value(&entries[0].value, text, "a"), None);
    assert_eq!(parse("{}").root.kind, NodeKind::Map(vec![]));
    assert_eq!(err(r#"{"a" 1}"#).message, "expected `:`, found `1`");
    assert_eq!(
        err(r#"{"a": 1 "b": 2}"#).message,
        "expected `,` or `}`, found `\"`"
    );
    // Look-through works for keys behind `Some(..)` too.
    let text = r#"(m: Some({"k": 1}))"#;
    let tree = parse(text);
    assert_eq!(slice(text, tree.find(&[f("m"), k("k")]).unwrap()), r#""k""#);
    assert_eq!(
        slice(
            text,
            map_value(tree.find(&[f("m")]).unwrap(), text, "k").unwrap()
        ),
        "1"
    );
}

#[test]
fn unescape_keys() {
    assert_eq!(unescape(r#"a\nb\t\\\"\'\0"#), "a\nb\t\\\"'\0");
    assert_eq!(unescape(r"\u{1F600}\x41\u{zz}\u"), "😀A\\u{zz}\\u");
    assert_eq!(unescape("trailing\\"), "trailing\\");
}

#[test]
fn realistic_snippet() {
    let tree = parse(SNIPPET);
    let key = tree
        .find(&[
            f("governments"),
            Seg::Index(0),
            f("stances"),
            k("cuba_action"),
        ])
        .unwrap();
    assert_eq!(slice(SNIPPET, key), "\"cuba_action\"");
    assert_eq!(line_col(SNIPPET, key.start), (5, 37));
    let stances = tree
        .find(&[f("governments"), Seg::Index(0), f("stances")])
        .unwrap();
    assert_eq!(
        slice(SNIPPET, map_value(stances, SNIPPET, "cuba_action").unwrap()),
        "-0.3"
    );

    let telegram = [f("telegrams"), Seg::Index(0)];
    let trigger = tree
        .find(&[&telegram[..], &[f("trigger")]].concat())
        .unwrap();
    assert!(slice(SNIPPET, trigger).starts_with("Some(All(["));
    let all = tree
        .find(&[&telegram[..], &[f("trigger"), Seg::Index(0)]].concat())
        .unwrap();
    assert!(matches!(&all.kind, NodeKind::Tuple { name: Some(n), .. } if n == "All"));
    let flag_path = [
        &telegram[..],
        &[f("trigger"), Seg::Index(0), Seg::Index(0), Seg::Index(1)],
    ]
    .concat();
    let flag = tree.find(&flag_path).unwrap();
    assert_eq!(slice(SNIPPET, flag), "Flag(\"f\")");
    assert!(
        matches!(&flag.kind, NodeKind::Tuple { name: Some(n), items } if n == "Flag" && items.len() == 1)
    );
    assert_eq!(line_col(SNIPPET, flag.start), (7, 106));

    let bureau = tree
        .find(&[&telegram[..], &[f("to"), Seg::Index(0)]].concat())
        .unwrap();
    let NodeKind::Struct {
        name: Some(name),
        fields,
    } = &bureau.kind
    else {
        panic!()
    };
    assert_eq!((name.as_str(), fields.len()), ("Bureau", 2));
    let except = tree.find(
        &[
            &telegram[..],
            &[f("to"), Seg::Index(0), f("except"), Seg::Index(0)],
        ]
        .concat(),
    );
    assert_eq!(slice(SNIPPET, except.unwrap()), "\"havana\"");
    let body = tree.find(&[&telegram[..], &[f("body")]].concat()).unwrap();
    assert_eq!(slice(SNIPPET, body), r##"r#"He said "no"."#"##);
    let role = [
        f("governments"),
        Seg::Index(0),
        f("leaders"),
        Seg::Index(0),
        f("role"),
    ];
    assert_eq!(slice(SNIPPET, tree.find(&role).unwrap()), "HeadOfState");
    assert_eq!(
        tree.find(&[f("period"), f("end")])
            .map(|n| slice(SNIPPET, n)),
        Some("\"1960-09-01\"")
    );
    assert_eq!((tree.root.start, tree.root.end), (0, SNIPPET.len() - 1));
}

#[test]
fn find_and_locate_on_missing_paths() {
    let tree = parse(SNIPPET);
    assert_eq!(tree.locate(&[]), &tree.root);
    assert_eq!(tree.find(&[]), Some(&tree.root));
    let gov = tree.find(&[f("governments"), Seg::Index(0)]).unwrap();
    let missing = [f("governments"), Seg::Index(0), f("nope"), Seg::Index(3)];
    assert_eq!(tree.find(&missing), None);
    assert_eq!(tree.locate(&missing), gov);
    let out_of_range = [f("governments"), Seg::Index(7)];
    assert_eq!(tree.find(&out_of_range), None);
    assert_eq!(
        tree.locate(&out_of_range),
        tree.find(&[f("governments")]).unwrap()
    );
    assert_eq!(tree.locate(&[k("x")]), &tree.root);
    assert_eq!(tree.find(&[f("id"), Seg::Index(0)]), None);
    let stances = [f("governments"), Seg::Index(0), f("stances")];
    assert_eq!(
        tree.locate(&[&stances[..], &[k("unknown")]].concat()),
        tree.find(&stances).unwrap()
    );
    // Index does not look through `Some(..)`: index 0 is the wrapped value itself.
    let t = parse("(x: Some([1, 2]))");
    assert_eq!(t.find(&[f("x"), Seg::Index(1)]), None);
    assert!(matches!(
        t.find(&[f("x"), Seg::Index(0)]).unwrap().kind,
        NodeKind::Seq(_)
    ));
    // Field looks through nested wrappers.
    let text = "(a: Some(Some((b: 1))))";
    assert_eq!(
        slice(text, parse(text).find(&[f("a"), f("b")]).unwrap()),
        "1"
    );
}

#[test]
fn unwrap_steps_into_some_only() {
    let text = "(a: Some(All([1])), b: All([2]), c: None, d: Some((x: 1)))";
    let tree = parse(text);
    let at = |path: &[Seg]| tree.find(path).map(|n| slice(text, n));
    assert_eq!(at(&[f("a"), Seg::Unwrap]), Some("All([1])"));
    assert_eq!(
        at(&[f("a"), Seg::Unwrap, Seg::Index(0), Seg::Index(0)]),
        Some("1")
    );
    assert_eq!(at(&[f("b"), Seg::Unwrap]), Some("All([2])"));
    assert_eq!(
        at(&[f("b"), Seg::Unwrap, Seg::Index(0), Seg::Index(0)]),
        Some("2")
    );
    assert_eq!(at(&[f("c"), Seg::Unwrap]), Some("None"));
    assert_eq!(at(&[f("d"), Seg::Unwrap, f("x")]), Some("1"));
    assert_eq!(at(&[f("d"), Seg::Unwrap, Seg::Unwrap]), Some("(x: 1)"));
}

#[test]
fn empty_tree_points_at_the_start() {
    let tree = SpanTree::empty();
    let node = tree.locate(&[f("telegrams"), Seg::Index(3), f("issue")]);
    assert_eq!((node.start, node.end), (0, 0));
    assert_eq!(tree.find(&[f("x")]), None);
    assert_eq!(line_col("abc", node.start), (1, 1));
}
