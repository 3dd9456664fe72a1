//! Problems found in a scenario, each pointing at a file, line and column.

use std::fmt;

use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem, printed as `path:line:col: error: message`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Diagnostic {
    pub file: String,
    pub line: usize,
    pub col: usize,
    pub severity: Severity,
    pub message: String,
    /// Byte range in the file, where known, for tools that underline it.
    pub span: Option<(usize, usize)>,
}

impl Diagnostic {
    /// A problem with the file as a whole (it cannot be read, or it is empty).
    pub fn file_error(file: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.to_string(),
            line: 1,
            col: 1,
            severity: Severity::Error,
            message: message.into(),
            span: None,
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(
            f,
            "{}:{}:{}: {}: {}",
            self.file, self.line, self.col, level, self.message
        )
    }
}

/// The closest of `candidates` to `name`, if it is close enough to be a likely typo.
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (name.chars().count() / 3).max(2);
    candidates
        .into_iter()
        .map(|c| (strsim::levenshtein(name, c), c))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_names_only() {
        let ids = ["venezuela", "mexico", "peru"];
        assert_eq!(closest("venezuala", ids), Some("venezuela"));
        assert_eq!(closest("atlantis", ids), None);
    }
}

/// The part of a message that is a hint ("did you mean `x`?"), apart from the problem itself.
pub fn split_hint(message: &str) -> (&str, Option<&str>) {
    match message.find("; did you mean ") {
        Some(i) => (&message[..i], Some(&message[i + 2..])),
        None => (message, None),
    }
}

/// A problem shown the way rustc shows one: the `path:line:col: error: message` line, then
/// the source line with the span underlined, and the hint. Made with miette.
pub fn render_human(d: &Diagnostic, text: Option<&str>, colour: bool) -> String {
    use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource};
    let header = d.to_string();
    let (Some(text), Some((start, end))) = (text, d.span) else {
        return header;
    };
    let (problem, hint) = split_hint(&d.message);
    let shown = Shown {
        message: problem.to_string(),
        severity: match d.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        },
        help: hint.map(String::from),
        label: LabeledSpan::new_with_span(None, (start, end.saturating_sub(start).max(1))),
        source: NamedSource::new(&d.file, text.to_string()),
    };
    let theme = if colour {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let mut out = String::new();
    if GraphicalReportHandler::new_themed(theme)
        .with_context_lines(1)
        .render_report(&mut out, &shown)
        .is_err()
    {
        return header;
    }
    // miette repeats the message on its first line; ours says it with the position.
    let body: Vec<&str> = out.lines().skip(1).collect();
    format!("{header}\n{}", body.join("\n"))
}

#[derive(Debug)]
struct Shown {
    message: String,
    severity: miette::Severity,
    help: Option<String>,
    label: miette::LabeledSpan,
    source: miette::NamedSource<String>,
}

impl fmt::Display for Shown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Shown {}

impl miette::Diagnostic for Shown {
    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        Some(Box::new(std::iter::once(self.label.clone())))
    }
}
