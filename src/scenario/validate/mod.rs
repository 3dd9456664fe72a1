//! Raw scenario to validated scenario, in one pass that reports every problem at once.

mod issues;
mod logic;
mod reach;
mod setup;
mod traffic;
mod world;

use std::collections::HashMap;

use super::diagnostics::{Diagnostic, Severity, closest};
use super::format::RawScenario;
use super::model::Scenario;
use super::moment::Moment;
use super::spans::{Seg, SpanTree, line_col};

/// Checks a raw scenario and resolves its ids. `text` and `tree` locate each problem.
pub fn validate(
    raw: &RawScenario,
    file: &str,
    text: &str,
    tree: &SpanTree,
) -> Result<(Scenario, Vec<Diagnostic>), Vec<Diagnostic>> {
    let mut cx = Cx {
        file,
        text,
        tree,
        diags: Vec::new(),
        start: raw.period.start,
        end: raw.period.end,
    };
    if raw.period.end <= raw.period.start {
        cx.error(
            &path(&["period", "end"]),
            format!(
                "the period ends ({}) before it starts ({}); expected an end after the start",
                raw.period.end, raw.period.start
            ),
        );
    }
    let names = world::names(&mut cx, raw);
    let scenario = world::build(&mut cx, raw, &names);
    let mut diags = cx.diags;
    diags.sort_by_key(|d| (d.line, d.col));
    if diags.iter().any(|d| d.severity == Severity::Error) {
        Err(diags)
    } else {
        Ok((scenario, diags))
    }
}

/// The state of one validation: where problems go and how to locate them.
pub(super) struct Cx<'a> {
    file: &'a str,
    text: &'a str,
    tree: &'a SpanTree,
    diags: Vec<Diagnostic>,
    start: Moment,
    end: Moment,
}

impl Cx<'_> {
    pub fn error(&mut self, at: &[Seg], message: impl Into<String>) {
        self.report(at, Severity::Error, message.into());
    }

    pub fn warn(&mut self, at: &[Seg], message: impl Into<String>) {
        self.report(at, Severity::Warning, message.into());
    }

    fn report(&mut self, at: &[Seg], severity: Severity, message: String) {
        let node = self.tree.locate(at);
        let (line, col) = line_col(self.text, node.start);
        self.diags.push(Diagnostic {
            file: self.file.to_string(),
            line,
            col,
            severity,
            message,
            span: Some((node.start, node.end)),
        });
    }

    /// Reports a moment outside the scenario's period.
    pub fn within_period(&mut self, at: &[Seg], what: &str, moment: Moment) {
        if moment < self.start || moment > self.end {
            self.error(
                at,
                format!(
                    "{what} {moment} is outside the scenario's period; expected a date from {} to {}",
                    self.start, self.end
                ),
            );
        }
    }

    /// Reports a number outside `lo..=hi`.
    pub fn in_range(&mut self, at: &[Seg], what: &str, value: f64, lo: f64, hi: f64) {
        if !(lo..=hi).contains(&value) {
            self.error(
                at,
                format!("{what} is {value}; expected a number from {lo} to {hi}"),
            );
        }
    }
}

/// The ids declared in one section, for resolving references to them.
pub(super) struct Names {
    what: &'static str,
    section: &'static str,
    pub ids: Vec<String>,
    index: HashMap<String, u32>,
}

impl Names {
    /// Collects `ids` declared at `section[i].id`, reporting duplicates.
    pub fn declare<'a>(
        cx: &mut Cx,
        what: &'static str,
        section: &'static str,
        ids: impl IntoIterator<Item = &'a str>,
    ) -> Names {
        let mut names = Names {
            what,
            section,
            ids: Vec::new(),
            index: HashMap::new(),
        };
        for (i, id) in ids.into_iter().enumerate() {
            let here = path(&[section]).then(i).then("id");
            if id.trim().is_empty() {
                cx.error(
                    &here,
                    format!("a {what} id is empty; expected a name such as `x_y`"),
                );
            }
            if let Some(first) = names.index.get(id) {
                let node = cx
                    .tree
                    .locate(&path(&[section]).then(*first as usize).then("id"));
                let (line, col) = line_col(cx.text, node.start);
                cx.error(
                    &here,
                    format!(
                        "duplicate {what} id `{id}`; the first is at {line}:{col}; expected each id once"
                    ),
                );
            } else {
                names.index.insert(id.to_string(), i as u32);
                names.ids.push(id.to_string());
            }
        }
        names
    }

    /// The index of `name`, or an error that suggests the closest id (and 0, to go on checking).
    pub fn resolve(&self, cx: &mut Cx, at: &[Seg], name: &str) -> u32 {
        self.resolve_as(cx, at, name, "")
    }

    /// Like `resolve`, with a note on why it must be one: "(vote members must be governments)".
    pub fn resolve_as(&self, cx: &mut Cx, at: &[Seg], name: &str, note: &str) -> u32 {
        if let Some(ix) = self.index.get(name) {
            return *ix;
        }
        let hint = match closest(name, self.ids.iter().map(String::as_str)) {
            Some(near) => format!("did you mean `{near}`?"),
            None if self.ids.is_empty() => format!("`{}` declares none", self.section),
            None => format!(
                "expected one of the ids in `{}`: {}",
                self.section,
                list(&self.ids)
            ),
        };
        let note = if note.is_empty() {
            String::new()
        } else {
            format!(" {note}")
        };
        cx.error(at, format!("unknown {} `{name}`{note}; {hint}", self.what));
        0
    }

    pub fn contains(&self, name: &str) -> bool {
        self.index.contains_key(name)
    }
}

/// A short list of ids for a message: the first few, then a count.
fn list(ids: &[String]) -> String {
    let shown: Vec<String> = ids.iter().take(8).map(|i| format!("`{i}`")).collect();
    if ids.len() > 8 {
        format!("{}, … ({} in all)", shown.join(", "), ids.len())
    } else {
        shown.join(", ")
    }
}

/// A path of field names.
pub(super) fn path(fields: &[&str]) -> Vec<Seg> {
    fields.iter().map(|f| Seg::Field(f.to_string())).collect()
}

/// Extends a path by one step: a field name or a list index.
pub(super) trait Then {
    fn then(&self, seg: impl IntoSeg) -> Vec<Seg>;
}

impl Then for [Seg] {
    fn then(&self, seg: impl IntoSeg) -> Vec<Seg> {
        let mut out = self.to_vec();
        out.push(seg.into_seg());
        out
    }
}

impl Then for Vec<Seg> {
    fn then(&self, seg: impl IntoSeg) -> Vec<Seg> {
        self.as_slice().then(seg)
    }
}

pub(super) trait IntoSeg {
    fn into_seg(self) -> Seg;
}

impl IntoSeg for &str {
    fn into_seg(self) -> Seg {
        Seg::Field(self.to_string())
    }
}

impl IntoSeg for usize {
    fn into_seg(self) -> Seg {
        Seg::Index(self)
    }
}

impl IntoSeg for Seg {
    fn into_seg(self) -> Seg {
        self
    }
}
