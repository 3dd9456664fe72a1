//! Byte spans of every value in a RON text, so that diagnostics can point at a path.
//!
//! serde hands the engine values without positions, so this is a second, schema-free pass over
//! the same text. It accepts the `ron` 0.12 syntax and records where each value sits; it does not
//! check what the values mean (that is the deserializer's job).

/// One value of the RON text and where it is (byte offsets, end exclusive).
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub start: usize,
    pub end: usize,
    pub kind: NodeKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum NodeKind {
    /// A string, char, number, bool, identifier/unit variant (`None`, `Priority`), or unit `()`.
    Scalar,
    /// `[a, b]`
    Seq(Vec<Node>),
    /// `{k: v}`
    Map(Vec<MapEntry>),
    /// `Name(field: v, ...)` or `(field: v, ...)`: named fields. `name` is the identifier before the parenthesis, if any.
    Struct {
        name: Option<String>,
        fields: Vec<Field>,
    },
    /// `Name(a, b)` or `(a, b)`: positional items (enum tuple variants, `Some(x)`, tuples). `Name(x)` with one item is also a Tuple.
    Tuple {
        name: Option<String>,
        items: Vec<Node>,
    },
}

/// One entry of a map. The key's text is kept (unquoted and unescaped if it is a string) so that
/// paths can name keys without the tree holding on to the source.
#[derive(Clone, Debug, PartialEq)]
pub struct MapEntry {
    pub key_text: String,
    pub key: Node,
    pub value: Node,
}

/// A named field; `name` drops any `r#` prefix so it matches the serde field name.
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    pub name: String,
    pub name_start: usize,
    pub value: Node,
}

/// One step of a path into the tree.
#[derive(Clone, Debug, PartialEq)]
pub enum Seg {
    Field(String),
    Index(usize),
    Key(String),
    /// Steps into `Some(x)` if the value is written that way; with `implicit_some` it may not
    /// be, and then the step stays put, so an `Option` field's path works either way.
    Unwrap,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SpanError {
    pub offset: usize,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SpanTree {
    pub root: Node,
}

impl SpanTree {
    /// A tree with only an empty root at offset 0, for when the text could not be parsed:
    /// every path then locates the start of the file.
    pub fn empty() -> SpanTree {
        SpanTree {
            root: Node {
                start: 0,
                end: 0,
                kind: NodeKind::Scalar,
            },
        }
    }

    /// Parses `text`; nesting deeper than `max_depth` is an error (never a stack overflow).
    /// Parsing itself uses no recursion, but the returned tree is dropped and compared
    /// recursively, so `max_depth` should stay modest (the engine uses 128).
    pub fn parse(text: &str, max_depth: usize) -> Result<SpanTree, SpanError> {
        let mut p = Parser {
            src: text,
            b: text.as_bytes(),
            pos: 0,
            max_depth,
        };
        if text.starts_with('\u{feff}') {
            p.pos = '\u{feff}'.len_utf8();
        }
        p.skip_ws()?;
        while p.peek() == Some(b'#') {
            p.attribute()?;
            p.skip_ws()?;
        }
        let root = p.document()?;
        p.skip_ws()?;
        if p.pos < p.b.len() {
            return p.expected("end of input");
        }
        Ok(SpanTree { root })
    }

    /// The node at `path`, or the deepest node on the way there that exists (so a diagnostic can
    /// still point somewhere sensible). Returns the root for an empty path.
    pub fn locate(&self, path: &[Seg]) -> &Node {
        let mut node = &self.root;
        for seg in path {
            match step(node, seg) {
                Some(next) => node = next,
                None => break,
            }
        }
        node
    }

    /// Exactly the node at `path`, if it exists.
    pub fn find(&self, path: &[Seg]) -> Option<&Node> {
        path.iter()
            .try_fold(&self.root, |node, seg| step(node, seg))
    }
}

fn step<'a>(node: &'a Node, seg: &Seg) -> Option<&'a Node> {
    match (&node.kind, seg) {
        (NodeKind::Struct { fields, .. }, Seg::Field(name)) => {
            fields.iter().find(|f| f.name == *name).map(|f| &f.value)
        }
        (NodeKind::Seq(items) | NodeKind::Tuple { items, .. }, Seg::Index(i)) => items.get(*i),
        (NodeKind::Map(entries), Seg::Key(key)) => {
            entries.iter().find(|e| e.key_text == *key).map(|e| &e.key)
        }
        // serde paths never mention `Some(..)` or newtype wrappers, and a field or key cannot
        // mean anything else on a one-item tuple, so look through it.
        (NodeKind::Tuple { items, .. }, Seg::Field(_) | Seg::Key(_)) if items.len() == 1 => {
            step(&items[0], seg)
        }
        (NodeKind::Tuple { name, items }, Seg::Unwrap)
            if name.as_deref() == Some("Some") && items.len() == 1 =>
        {
            Some(&items[0])
        }
        (_, Seg::Unwrap) => Some(node),
        _ => None,
    }
}

/// The value stored under `key` in a map node (looking through `Some(..)` like `Seg::Key`).
/// The text argument is unused: entries carry their key text, so the tree alone suffices.
pub fn map_value<'a>(node: &'a Node, _text: &str, key: &str) -> Option<&'a Node> {
    match &node.kind {
        NodeKind::Map(entries) => entries.iter().find(|e| e.key_text == key).map(|e| &e.value),
        NodeKind::Tuple { items, .. } if items.len() == 1 => map_value(&items[0], _text, key),
        _ => None,
    }
}

/// 1-based line and column (column counted in characters, not bytes) of a byte offset.
/// Offsets past the end map to the end; an offset inside a multi-byte char maps to that char.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.bytes().filter(|&c| c == b'\n').count() + 1;
    (line, before[line_start..].chars().count() + 1)
}

enum Value {
    Done(Node),
    Open(Open),
}

/// A container whose closing bracket has not been reached yet.
struct Open {
    start: usize,
    kind: OpenKind,
}

enum OpenKind {
    Seq(Vec<Node>),
    Tuple(Option<String>, Vec<Node>),
    /// The last member is the field whose value is being parsed.
    Struct(Option<String>, Vec<Field>, Option<(String, usize)>),
    /// The last member is the key whose value is being parsed.
    Map(Vec<MapEntry>, Option<Node>),
}

impl OpenKind {
    fn close(&self) -> u8 {
        match self {
            OpenKind::Seq(_) => b']',
            OpenKind::Map(..) => b'}',
            OpenKind::Tuple(..) | OpenKind::Struct(..) => b')',
        }
    }
}

impl Open {
    fn finish(self, end: usize) -> Node {
        let kind = match self.kind {
            OpenKind::Seq(items) => NodeKind::Seq(items),
            OpenKind::Map(entries, _) => NodeKind::Map(entries),
            OpenKind::Struct(name, fields, _) => NodeKind::Struct { name, fields },
            OpenKind::Tuple(None, items) if items.is_empty() => NodeKind::Scalar,
            OpenKind::Tuple(name, items) => NodeKind::Tuple { name, items },
        };
        Node {
            start: self.start,
            end,
            kind,
        }
    }
}

struct Parser<'a> {
    src: &'a str,
    b: &'a [u8],
    /// Always on a char boundary between tokens, so slicing `src` there is safe.
    pos: usize,
    max_depth: usize,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.pos).copied()
    }

    fn peek_at(&self, n: usize) -> Option<u8> {
        self.b.get(self.pos + n).copied()
    }

    fn peek_char(&self) -> Option<char> {
        self.src.get(self.pos..).and_then(|s| s.chars().next())
    }

    fn err<T>(&self, offset: usize, message: impl Into<String>) -> Result<T, SpanError> {
        Err(SpanError {
            offset,
            message: message.into(),
        })
    }

    fn expected<T>(&self, what: &str) -> Result<T, SpanError> {
        let found = match self.peek_char() {
            Some(c) if c.is_control() => format!("`{}`", c.escape_debug()),
            Some(c) => format!("`{c}`"),
            None => "end of input".to_owned(),
        };
        self.err(self.pos, format!("expected {what}, found {found}"))
    }

    fn expect(&mut self, c: u8) -> Result<(), SpanError> {
        if self.peek() == Some(c) {
            self.pos += 1;
            Ok(())
        } else {
            self.expected(&format!("`{}`", c as char))
        }
    }

    /// Skips whitespace (the same set `ron` accepts) and comments.
    fn skip_ws(&mut self) -> Result<(), SpanError> {
        loop {
            match (self.peek(), self.peek_at(1)) {
                (Some(b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C), _) => self.pos += 1,
                (Some(b'/'), Some(b'/')) => {
                    let rest = &self.b[self.pos..];
                    self.pos += rest.iter().position(|&c| c == b'\n').unwrap_or(rest.len());
                }
                (Some(b'/'), Some(b'*')) => self.block_comment()?,
                (Some(c), _) if c >= 0x80 => match self.peek_char() {
                    Some(c @ ('\u{85}' | '\u{200E}' | '\u{200F}' | '\u{2028}' | '\u{2029}')) => {
                        self.pos += c.len_utf8()
                    }
                    _ => return Ok(()),
                },
                _ => return Ok(()),
            }
        }
    }

    fn block_comment(&mut self) -> Result<(), SpanError> {
        let start = self.pos;
        self.pos += 2;
        let mut level = 1usize;
        while level > 0 {
            match (self.peek(), self.peek_at(1)) {
                (None, _) => return self.err(start, "unterminated block comment"),
                (Some(b'/'), Some(b'*')) => (level, self.pos) = (level + 1, self.pos + 2),
                (Some(b'*'), Some(b'/')) => (level, self.pos) = (level - 1, self.pos + 2),
                _ => self.pos += 1,
            }
        }
        Ok(())
    }

    /// `#![enable(...)]` lines only switch deserializer extensions; they hold no values.
    fn attribute(&mut self) -> Result<(), SpanError> {
        let start = self.pos;
        if !self.b[start..].starts_with(b"#![") {
            return self.expected("`#![`");
        }
        match self.b[start..].iter().position(|&c| c == b']') {
            Some(i) => {
                self.pos += i + 1;
                Ok(())
            }
            None => self.err(start, "unterminated attribute"),
        }
    }

    /// Parses the document's one value. Containers live on an explicit stack rather than the call
    /// stack, so no `max_depth` (and no input) can overflow the thread's stack.
    fn document(&mut self) -> Result<Node, SpanError> {
        let mut stack: Vec<Open> = Vec::new();
        // Whether a closing bracket may stand here instead of a value (empty or trailing comma).
        let mut item_start = false;
        loop {
            self.skip_ws()?;
            let mut node = match stack.last_mut() {
                Some(top) if item_start && self.peek() == Some(top.kind.close()) => {
                    self.pos += 1;
                    let Some(open) = stack.pop() else {
                        unreachable!("the top was just seen")
                    };
                    open.finish(self.pos)
                }
                top => {
                    if let Some(Open {
                        kind: OpenKind::Struct(_, _, pending),
                        ..
                    }) = top
                        && item_start
                    {
                        let name_start = self.pos;
                        let Some(name) = self.ident() else {
                            return self.expected("a field name");
                        };
                        *pending = Some((name.to_owned(), name_start));
                        self.skip_ws()?;
                        self.expect(b':')?;
                        self.skip_ws()?;
                    }
                    match self.value_start()? {
                        Value::Done(node) => node,
                        Value::Open(open) => {
                            if stack.len() >= self.max_depth {
                                let message =
                                    format!("nesting deeper than {} levels", self.max_depth);
                                return self.err(open.start, message);
                            }
                            stack.push(open);
                            item_start = true;
                            continue;
                        }
                    }
                }
            };
            // Attach the finished value; then a comma starts the next item, or a closing bracket
            // finishes the container, which is itself a value to attach one level up.
            loop {
                let Some(top) = stack.last_mut() else {
                    return Ok(node);
                };
                match &mut top.kind {
                    OpenKind::Seq(items) | OpenKind::Tuple(_, items) => items.push(node),
                    OpenKind::Struct(_, fields, pending) => {
                        let (name, name_start) = pending.take().unwrap_or_default();
                        fields.push(Field {
                            name,
                            name_start,
                            value: node,
                        });
                    }
                    OpenKind::Map(entries, pending) => match pending.take() {
                        Some(key) => {
                            let key_text =
                                key_text(self.src.get(key.start..key.end).unwrap_or_default());
                            entries.push(MapEntry {
                                key_text,
                                key,
                                value: node,
                            });
                        }
                        None => {
                            *pending = Some(node);
                            self.skip_ws()?;
                            self.expect(b':')?;
                            item_start = false;
                            break;
                        }
                    },
                }
                self.skip_ws()?;
                let close = top.kind.close();
                match self.peek() {
                    Some(b',') => {
                        self.pos += 1;
                        item_start = true;
                        break;
                    }
                    Some(c) if c == close => {
                        self.pos += 1;
                        let Some(open) = stack.pop() else {
                            unreachable!("the top was just seen")
                        };
                        node = open.finish(self.pos);
                    }
                    _ => return self.expected(&format!("`,` or `{}`", close as char)),
                }
            }
        }
    }

    /// Reads a scalar whole, or consumes a container's opening and returns it to be filled.
    fn value_start(&mut self) -> Result<Value, SpanError> {
        let start = self.pos;
        let scalar = |end| {
            Ok(Value::Done(Node {
                start,
                end,
                kind: NodeKind::Scalar,
            }))
        };
        let open = |kind| Ok(Value::Open(Open { start, kind }));
        match self.peek() {
            None => self.expected("a value"),
            Some(b'(') => self.paren(start, None),
            Some(b'[') => {
                self.pos += 1;
                open(OpenKind::Seq(Vec::new()))
            }
            Some(b'{') => {
                self.pos += 1;
                open(OpenKind::Map(Vec::new(), None))
            }
            Some(b'0'..=b'9' | b'+' | b'-' | b'.') => {
                self.number()?;
                scalar(self.pos)
            }
            Some(_) => {
                if let Some((quote_at, raw)) = literal_start(&self.b[start..]) {
                    self.literal(quote_at, raw)?;
                    scalar(self.pos)
                } else if let Some(name) = self.ident() {
                    let end = self.pos;
                    self.skip_ws()?;
                    if self.peek() == Some(b'(') {
                        return self.paren(start, Some(name));
                    }
                    scalar(end)
                } else {
                    self.expected("a value")
                }
            }
        }
    }

    /// `(` with an optional name before it: a struct if it opens with `field:`, else a tuple.
    fn paren(&mut self, start: usize, name: Option<&str>) -> Result<Value, SpanError> {
        self.pos += 1;
        self.skip_ws()?;
        let name = name.map(str::to_owned);
        let kind = if self.at_field_name() {
            OpenKind::Struct(name, Vec::new(), None)
        } else {
            OpenKind::Tuple(name, Vec::new())
        };
        Ok(Value::Open(Open { start, kind }))
    }

    /// Lookahead for `ident :` (but not `ident ::`), leaving the position unchanged.
    fn at_field_name(&mut self) -> bool {
        let save = self.pos;
        let yes = self.ident().is_some()
            && self.skip_ws().is_ok()
            && self.peek() == Some(b':')
            && self.peek_at(1) != Some(b':');
        self.pos = save;
        yes
    }

    /// Number syntax is the deserializer's to judge; this only needs to know where one ends.
    fn number(&mut self) -> Result<(), SpanError> {
        if matches!(self.peek(), Some(b'+' | b'-')) {
            self.pos += 1;
        }
        let body = self.pos;
        let hex = matches!(self.b.get(body..body + 2), Some(b"0x" | b"0X"));
        while let Some(c) = self.peek() {
            let exponent_sign = matches!(c, b'+' | b'-')
                && !hex
                && self.pos > body
                && matches!(self.b[self.pos - 1], b'e' | b'E');
            if !(c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.') || exponent_sign) {
                break;
            }
            self.pos += 1;
        }
        if self.pos == body {
            return self.expected("a number");
        }
        Ok(())
    }

    /// Scans a string or char literal that `literal_start` found at the current position.
    fn literal(&mut self, quote_at: usize, raw: Option<usize>) -> Result<(), SpanError> {
        let start = self.pos;
        let quote = self.b[start + quote_at];
        let hashes = raw.unwrap_or(0);
        let mut i = start + quote_at + 1;
        loop {
            match self.b.get(i) {
                None if quote == b'"' => return self.err(start, "unterminated string"),
                None => return self.err(start, "unterminated char literal"),
                Some(b'\\') if raw.is_none() => i += 2,
                Some(&c) if c == quote => {
                    let tail = self.b[i + 1..].iter().take(hashes);
                    if tail.take_while(|&&c| c == b'#').count() == hashes {
                        self.pos = i + 1 + hashes;
                        return Ok(());
                    }
                    i += 1;
                }
                Some(_) => i += 1,
            }
        }
    }

    /// Reads an identifier, raw (`r#type`) or not, and returns its name without the `r#`.
    fn ident(&mut self) -> Option<&'a str> {
        let rest = self.src.get(self.pos..)?;
        let skip = if rest.starts_with("r#") { 2 } else { 0 };
        let mut len = 0;
        for c in rest[skip..].chars() {
            let ok = match (skip, len) {
                (2, _) => c.is_alphanumeric() || matches!(c, '_' | '.' | '+' | '-'),
                (_, 0) => c.is_alphabetic() || c == '_',
                _ => c.is_alphanumeric() || c == '_',
            };
            if !ok {
                break;
            }
            len += c.len_utf8();
        }
        if len == 0 {
            return None;
        }
        self.pos += skip + len;
        Some(&rest[skip..skip + len])
    }
}

/// If a (byte/raw) string or char literal starts `b`: the offset of its opening quote and, for a
/// raw string, its number of `#`.
fn literal_start(b: &[u8]) -> Option<(usize, Option<usize>)> {
    let i = usize::from(b.first() == Some(&b'b'));
    match b.get(i)? {
        b'"' | b'\'' => Some((i, None)),
        b'r' => {
            let hashes = b[i + 1..].iter().take_while(|&&c| c == b'#').count();
            (b.get(i + 1 + hashes) == Some(&b'"')).then_some((i + 1 + hashes, Some(hashes)))
        }
        _ => None,
    }
}

/// The text a path uses for a map key: a string's contents, anything else verbatim.
fn key_text(s: &str) -> String {
    let inner = |q: usize, hashes: usize| s.get(q + 1..s.len().saturating_sub(1 + hashes));
    match literal_start(s.as_bytes()) {
        Some((q, Some(hashes))) => inner(q, hashes).unwrap_or_default().to_owned(),
        Some((q, None)) => unescape(inner(q, 0).unwrap_or_default()),
        None => s.to_owned(),
    }
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some('0') => out.push('\0'),
            Some(e @ ('u' | 'x')) => match hex_escape(chars.as_str(), e == 'u') {
                Some((decoded, used)) => {
                    out.push(decoded);
                    chars = chars.as_str()[used..].chars();
                }
                None => out.extend(['\\', e]),
            },
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// Decodes the `{1F600}` of `\u{1F600}` or the `41` of `\x41`; returns the char and bytes used.
fn hex_escape(rest: &str, braces: bool) -> Option<(char, usize)> {
    let (hex, used) = if braces {
        let close = rest.find('}')?;
        (rest.strip_prefix('{')?.get(..close - 1)?, close + 1)
    } else {
        (rest.get(..2)?, 2)
    };
    Some((char::from_u32(u32::from_str_radix(hex, 16).ok()?)?, used))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> SpanTree {
        SpanTree::parse(text, 128).unwrap_or_else(|e| panic!("{text:?}: {e:?}"))
    }

    fn err(text: &str) -> SpanError {
        SpanTree::parse(text, 128).expect_err(text)
    }

    fn f(name: &str) -> Seg {
        Seg::Field(name.to_owned())
    }

    fn k(key: &str) -> Seg {
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

    const SNIPPET: &str = r##"Scenario(
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
}
