//! The parser: one pass over the bytes with an explicit stack, so no input can overflow.

use super::lexeme::{key_text, literal_start};
use super::*;

/// Parses a whole document: an optional BOM and `#![...]` attributes, one value, the end.
pub(super) fn document(text: &str, max_depth: usize) -> Result<Node, SpanError> {
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
    Ok(root)
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
