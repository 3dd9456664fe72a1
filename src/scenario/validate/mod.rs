//! Raw scenario to validated scenario, in one pass that reports every problem at once.

mod happen;
mod index;
mod issues;
mod logic;
pub mod numbers;
mod people;
mod reach;
mod requests;
mod setup;
mod traffic;
mod votes;
mod world;

use super::diagnostics::{Diagnostic, Severity};
use super::format::RawScenario;
use super::model::Scenario;
use super::moment::Moment;
use super::names::{Hint, Index};
use super::spans::{LazyTree, Seg, SpanTree, line_col};

/// Checks a raw scenario and resolves its ids. `text` and `tree` locate each problem.
pub fn validate(
    raw: &RawScenario,
    file: &str,
    text: &str,
    tree: &LazyTree,
    parts: &[Part],
) -> Result<(Scenario, Vec<Diagnostic>), Vec<Diagnostic>> {
    let mut cx = Cx {
        file,
        text,
        tree,
        parts,
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
    numbers::period(&mut cx, raw);
    if raw.governments.is_empty() {
        cx.error(
            &path(&["governments"]),
            "the scenario has no governments; expected at least one (in `governments`, or in a folder's governments/)",
        );
    }
    if !within_limits(&mut cx, raw) {
        return Err(cx.diags);
    }
    let names = world::names(&mut cx, raw);
    let scenario = world::build(&mut cx, raw, &names);
    cx.finite_everywhere();
    let mut diags = cx.diags;
    diags.sort_by(|a, b| (&a.file, a.line, a.col).cmp(&(&b.file, b.line, b.col)));
    if diags.iter().any(|d| d.severity == Severity::Error) {
        Err(diags)
    } else {
        Ok((scenario, diags))
    }
}

/// Caps on the size of a scenario: far above any real one, low enough that a hostile file
/// cannot make validation or play take minutes.
pub const LIMITS: [(&str, usize); 8] = [
    ("issues", 100),
    ("governments", 5_000),
    ("missions", 5_000),
    ("actors", 1_000),
    ("telegrams", 200_000),
    ("events", 200_000),
    ("votes", 10_000),
    ("endings", 1_000),
];

/// Reports every section over its cap; validation stops there.
fn within_limits(cx: &mut Cx, raw: &RawScenario) -> bool {
    let counts = [
        raw.issues.len(),
        raw.governments.len(),
        raw.missions.len(),
        raw.actors.len(),
        raw.telegrams.len(),
        raw.events.len(),
        raw.votes.len(),
        raw.endings.len(),
    ];
    let mut ok = true;
    for ((section, cap), count) in LIMITS.iter().zip(counts) {
        if count > *cap {
            ok = false;
            cx.error(
                &path(&[section]),
                format!(
                    "{count} {section} is more than the limit of {cap}; expected a smaller scenario"
                ),
            );
        }
    }
    ok
}

/// Items of a section that come from another file of a folder scenario.
pub struct Part<'a> {
    pub section: &'static str,
    /// Index in the section of the part's first item.
    pub first: usize,
    pub count: usize,
    pub file: String,
    pub text: &'a str,
    pub tree: SpanTree,
    /// The file holds a list of items (rather than one).
    pub list: bool,
}

/// The state of one validation: where problems go and how to locate them.
pub(super) struct Cx<'a> {
    file: &'a str,
    text: &'a str,
    tree: &'a LazyTree<'a>,
    parts: &'a [Part<'a>],
    diags: Vec<Diagnostic>,
    start: Moment,
    end: Moment,
}

impl Cx<'_> {
    pub fn error(&mut self, at: &[Seg], message: impl Into<String>) {
        self.report(at, Severity::Error, message.into());
    }

    pub fn has_errors(&self) -> bool {
        self.diags.iter().any(|d| d.severity == Severity::Error)
    }

    pub fn warn(&mut self, at: &[Seg], message: impl Into<String>) {
        self.report(at, Severity::Warning, message.into());
    }

    /// The file, text and node a path points at: the main file, or the part holding it.
    fn find(&self, at: &[Seg]) -> (&str, &str, super::spans::Node) {
        if let [Seg::Field(section), Seg::Index(i), rest @ ..] = at
            && let Some(part) = self
                .parts
                .iter()
                .find(|p| p.section == section && (p.first..p.first + p.count).contains(i))
        {
            let mut inner = Vec::new();
            if part.list {
                inner.push(Seg::Index(i - part.first));
            }
            inner.extend_from_slice(rest);
            return (&part.file, part.text, part.tree.locate(&inner).clone());
        }
        (self.file, self.text, self.tree.locate(at).clone())
    }

    /// Where a path points, as a message would give it: `12:5`, or `file:12:5` in another file.
    pub fn position(&self, at: &[Seg]) -> String {
        let (file, text, node) = self.find(at);
        let (line, col) = line_col(text, node.start);
        if file == self.file {
            format!("{line}:{col}")
        } else {
            format!("{file}:{line}:{col}")
        }
    }

    fn report(&mut self, at: &[Seg], severity: Severity, message: String) {
        let (file, text, node) = self.find(at);
        let d = diagnostic(file, text, (node.start, node.end), severity, message);
        self.diags.push(d);
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
        let (v, low, high) = (number(value), number(lo), number(hi));
        if !value.is_finite() {
            self.error(
                at,
                format!(
                    "{what} is {v}, not a finite number; expected a number from {low} to {high}"
                ),
            );
        } else if !(lo..=hi).contains(&value) {
            self.error(
                at,
                format!("{what} is {v}; expected a number from {low} to {high}"),
            );
        }
    }
}

/// A diagnostic at a span of `text`, the text of `file`.
fn diagnostic(
    file: &str,
    text: &str,
    span: (usize, usize),
    severity: Severity,
    message: String,
) -> Diagnostic {
    let (line, col) = line_col(text, span.0);
    Diagnostic {
        file: file.to_string(),
        line,
        col,
        severity,
        message,
        span: Some(span),
    }
}

/// A number as a message gives it: `0.25`, `1000`, or `1e300` (never three hundred digits).
fn number(x: f64) -> String {
    if x.is_finite() && x != 0.0 && !(1e-4..1e7).contains(&x.abs()) {
        format!("{x:e}")
    } else {
        format!("{x}")
    }
}

/// The ids declared in one section, for resolving references to them.
pub(super) struct Names {
    what: &'static str,
    section: &'static str,
    /// The same index the scenario keeps for commands, so both match names one way.
    pub index: Index,
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
            index: Index::default(),
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
                let first_at = cx.position(&path(&[section]).then(first as usize).then("id"));
                cx.error(
                    &here,
                    format!("duplicate {what} id `{id}`; the first is at {first_at}; expected each id once"),
                );
            } else {
                names.index.push_at(id, i as u32);
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
            return ix;
        }
        let hint = match self.index.hint(name) {
            Hint::Near(near) => format!("did you mean `{near}`?"),
            Hint::None => format!("`{}` declares none", self.section),
            Hint::OneOf(ids) => format!(
                "expected one of the ids in `{}`: {}",
                self.section,
                list(&ids)
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
        self.index.contains(name)
    }

    pub fn ids(&self) -> &[String] {
        self.index.ids()
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
