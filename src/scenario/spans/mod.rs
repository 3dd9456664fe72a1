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

/// The span tree of a text that RON has already accepted, parsed on first use: it serves
/// only to place diagnostics, and a valid file without warnings never needs it.
pub struct LazyTree<'a> {
    text: &'a str,
    max_depth: usize,
    tree: std::cell::OnceCell<SpanTree>,
}

impl<'a> LazyTree<'a> {
    pub fn new(text: &'a str, max_depth: usize) -> Self {
        LazyTree {
            text,
            max_depth,
            tree: std::cell::OnceCell::new(),
        }
    }
}

impl std::ops::Deref for LazyTree<'_> {
    type Target = SpanTree;

    /// Our span parser may refuse what ron accepted: positions then fall back to the start.
    fn deref(&self) -> &SpanTree {
        self.tree.get_or_init(|| {
            SpanTree::parse(self.text, self.max_depth).unwrap_or_else(|_| SpanTree::empty())
        })
    }
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
        parse::document(text, max_depth).map(|root| SpanTree { root })
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

#[cfg(test)]
mod error_tests;
mod lexeme;
mod parse;
#[cfg(test)]
mod tests;
