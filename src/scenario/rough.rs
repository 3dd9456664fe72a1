//! A rough outline of a scenario file that RON could not read: its top-level fields, and the
//! items of each list, found by brackets, strings and comments alone. With it each item is
//! read on its own, so a file with a syntax error in two governments reports both, not only the
//! first. Where even the brackets do not balance (an unclosed quote or bracket), there is no
//! outline and the first error is all there is to say.

use super::spans::{Field, Node, NodeKind, SpanTree};

/// The outline as a span tree (list items as bare spans), or `None` if the brackets do not
/// balance.
pub fn outline(text: &str) -> Option<SpanTree> {
    let b = text.as_bytes();
    let mut s = Scan { b, pos: 0 };
    s.skip();
    // An optional struct name, then the opening parenthesis.
    s.word();
    s.skip();
    if s.peek()? != b'(' {
        return None;
    }
    let start = s.pos;
    s.pos += 1;
    let mut fields = Vec::new();
    loop {
        s.skip();
        match s.peek()? {
            b')' => break,
            b',' => {
                s.pos += 1;
                continue;
            }
            _ => {}
        }
        let name_start = s.pos;
        let name = s.word()?;
        s.skip();
        if s.peek()? != b':' {
            return None;
        }
        s.pos += 1;
        s.skip();
        let value = s.value()?;
        fields.push(Field {
            name: name.trim_start_matches("r#").to_string(),
            name_start,
            value,
        });
    }
    Some(SpanTree {
        root: Node {
            start,
            end: s.pos + 1,
            kind: NodeKind::Struct { name: None, fields },
        },
    })
}

struct Scan<'a> {
    b: &'a [u8],
    pos: usize,
}

impl Scan<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.pos).copied()
    }

    /// Skips whitespace and comments.
    fn skip(&mut self) {
        loop {
            match (self.peek(), self.b.get(self.pos + 1)) {
                (Some(c), _) if c.is_ascii_whitespace() => self.pos += 1,
                (Some(b'/'), Some(b'/')) => {
                    while self.peek().is_some_and(|c| c != b'\n') {
                        self.pos += 1;
                    }
                }
                (Some(b'/'), Some(b'*')) => {
                    self.pos += 2;
                    while self.pos < self.b.len() && !self.b[self.pos..].starts_with(b"*/") {
                        self.pos += 1;
                    }
                    self.pos = (self.pos + 2).min(self.b.len());
                }
                _ => return,
            }
        }
    }

    fn word(&mut self) -> Option<String> {
        let start = self.pos;
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'#')
        {
            self.pos += 1;
        }
        (self.pos > start).then(|| String::from_utf8_lossy(&self.b[start..self.pos]).into_owned())
    }

    /// One field's value: up to the `,` or `)` that ends it at this depth. A list's items are
    /// kept as spans.
    fn value(&mut self) -> Option<Node> {
        let start = self.pos;
        if self.peek()? == b'[' {
            self.pos += 1;
            let mut items = Vec::new();
            loop {
                self.skip();
                match self.peek()? {
                    b']' => {
                        self.pos += 1;
                        break;
                    }
                    b',' => {
                        self.pos += 1;
                        continue;
                    }
                    _ => {}
                }
                let item_start = self.pos;
                let end = self.until(b"],")?;
                items.push(Node {
                    start: item_start,
                    end,
                    kind: NodeKind::Scalar,
                });
            }
            return Some(Node {
                start,
                end: self.pos,
                kind: NodeKind::Seq(items),
            });
        }
        let end = self.until(b"),")?;
        Some(Node {
            start,
            end,
            kind: NodeKind::Scalar,
        })
    }

    /// Moves to the first of `stops` at depth 0 and returns the end of what came before it
    /// (trailing whitespace left out).
    fn until(&mut self, stops: &[u8]) -> Option<usize> {
        let mut depth = 0usize;
        let mut last = self.pos;
        loop {
            self.skip();
            let c = self.peek()?;
            if depth == 0 && stops.contains(&c) {
                return Some(last);
            }
            match c {
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' => depth = depth.checked_sub(1)?,
                b'"' => self.string()?,
                b'r' if matches!(self.b.get(self.pos + 1), Some(b'"' | b'#')) => self.raw()?,
                b'\'' => self.char_literal(),
                _ => {}
            }
            self.pos += 1;
            last = self.pos;
        }
    }

    /// Moves onto the closing quote of the string that opens here.
    fn string(&mut self) -> Option<()> {
        self.pos += 1 + super::found::closing_quote(self.b.get(self.pos + 1..)?)?;
        Some(())
    }

    /// `r"…"` or `r#"…"#`: moves onto the last byte.
    fn raw(&mut self) -> Option<()> {
        self.pos += 1;
        let hashes = self.b[self.pos..]
            .iter()
            .take_while(|c| **c == b'#')
            .count();
        self.pos += hashes;
        if self.peek()? != b'"' {
            self.pos -= hashes + 1;
            return Some(());
        }
        let mut close = vec![b'"'];
        close.extend(std::iter::repeat_n(b'#', hashes));
        self.pos += 1;
        while !self.b.get(self.pos..)?.starts_with(&close) {
            self.pos += 1;
        }
        self.pos += close.len() - 1;
        Some(())
    }

    /// `'x'` or `'\n'`; a lone quote is left as it is.
    fn char_literal(&mut self) {
        let rest = &self.b[self.pos..];
        let len = match rest.get(1) {
            Some(b'\\') => rest.iter().skip(2).position(|c| *c == b'\'').map(|i| i + 2),
            Some(_) => rest.iter().skip(1).position(|c| *c == b'\'').map(|i| i + 1),
            None => None,
        };
        if let Some(l) = len.filter(|l| *l <= 12) {
            self.pos += l;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::outline;
    use crate::scenario::spans::NodeKind;

    #[test]
    fn items_are_found_even_where_ron_fails_inside_them() {
        let text =
            r#"Scenario(id: "x", governments: [(id: "a" stance: 1), (id: "b", x: "]")], n: 3)"#;
        let tree = outline(text).unwrap();
        let NodeKind::Struct { fields, .. } = &tree.root.kind else {
            panic!()
        };
        let names: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["id", "governments", "n"]);
        let NodeKind::Seq(items) = &fields[1].value.kind else {
            panic!()
        };
        let spans: Vec<&str> = items.iter().map(|n| &text[n.start..n.end]).collect();
        assert_eq!(spans, [r#"(id: "a" stance: 1)"#, r#"(id: "b", x: "]")"#]);
        assert!(outline(r#"Scenario(id: "x, governments: [])"#).is_none());
    }
}
