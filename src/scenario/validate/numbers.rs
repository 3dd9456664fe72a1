//! Numbers a scenario may hold: finite, and within bounds that keep the game's arithmetic
//! exact and its clock inside the calendar. The bounds are far above any real scenario and
//! are listed in `docs/scenario-format.md` ("Bounds").

use super::super::format::RawScenario;
use super::super::spans::{Node, NodeKind, Seg};
use super::{Cx, path};

/// The earliest and latest years a period may touch: jiff's calendar runs from -9999 to
/// 9999, and the clock must be able to step a day past either end without leaving it.
pub const FIRST_YEAR: i16 = 1;
pub const LAST_YEAR: i16 = 9000;
/// The longest period, in days: fifty years, the whole Cold War with room to spare.
pub const MAX_DAYS: u32 = 18_262;
/// The longest duration in hours (transit, reply delays, `Schedule`): the longest period.
pub const MAX_HOURS: u32 = MAX_DAYS * 24;
/// The widest issue scale: `min` and `max` lie within ±this.
pub const MAX_SCALE: f64 = 1_000.0;
/// The largest weight (a decision option's, a kind of leader's in the rules' calls).
pub const MAX_WEIGHT: f64 = 1_000.0;
/// The largest push of a démarche rule or a material, and the largest rapport change.
pub const MAX_PUSH: f64 = 10.0;
/// The largest first number of a post's cables: numbering then never runs out.
pub const MAX_FIRST_NUMBER: u32 = 1_000_000;

/// Reports a period outside the calendar's bounds or longer than the longest.
pub(super) fn period(cx: &mut Cx, raw: &RawScenario) {
    let (start, end) = (raw.period.start, raw.period.end);
    if start.0.year() < FIRST_YEAR {
        cx.error(
            &path(&["period", "start"]),
            format!(
                "the period starts in the year {}; expected a year from {FIRST_YEAR} to {LAST_YEAR}",
                start.0.year()
            ),
        );
    }
    if end.0.year() > LAST_YEAR {
        cx.error(
            &path(&["period", "end"]),
            format!(
                "the period ends in the year {}; expected a year from {FIRST_YEAR} to {LAST_YEAR}",
                end.0.year()
            ),
        );
    }
    let days = (end.date() - start.date()).get_days();
    if days > MAX_DAYS as i32 {
        cx.error(
            &path(&["period", "end"]),
            format!("the period lasts {days} days; expected at most {MAX_DAYS} (fifty years)"),
        );
    }
}

impl Cx<'_> {
    /// Reports a whole number above `max`.
    pub fn at_most(&mut self, at: &[Seg], what: &str, value: u32, max: u32) {
        if value > max {
            self.error(
                at,
                format!("{what} is {value}; expected a whole number from 0 to {max}"),
            );
        }
    }

    /// Reports every number in the scenario's files that is not finite (`NaN`, `inf`, or a
    /// literal too large for a float, such as `1e999`), wherever it stands: no rule of the game
    /// can use one, and one NaN spreads to every stance it touches. Runs last, and says
    /// nothing where a field's own check has already reported the number.
    pub fn finite_everywhere(&mut self) {
        let mut found = Vec::new();
        if could_hold_non_finite(self.text) {
            non_finite(self.text, &self.tree.root, &mut found);
            for (start, end, literal) in found.drain(..) {
                self.report_span(None, start, end, &literal);
            }
        }
        for (k, part) in self.parts.iter().enumerate() {
            if could_hold_non_finite(part.text) {
                non_finite(part.text, &part.tree.root, &mut found);
                for (start, end, literal) in found.drain(..) {
                    self.report_span(Some(k), start, end, &literal);
                }
            }
        }
    }

    fn report_span(&mut self, part: Option<usize>, start: usize, end: usize, literal: &str) {
        let (file, text) = match part {
            Some(k) => (self.parts[k].file.clone(), self.parts[k].text),
            None => (self.file.to_string(), self.text),
        };
        if self
            .diags
            .iter()
            .any(|d| d.file == file && d.span.is_some_and(|(s, _)| s == start))
        {
            return;
        }
        let d = super::diagnostic(
            &file,
            text,
            (start, end),
            super::Severity::Error,
            format!(
                "`{literal}` is not a finite number; expected a number such as 0.5 (no `NaN`, `inf` or numbers beyond ±1e308)"
            ),
        );
        self.diags.push(d);
    }
}

/// A cheap look at the text before walking its tree (which a valid file otherwise never
/// needs): `NaN` or `inf` as a word of their own, an exponent of three digits or more, or a
/// run of more than 300 digits. Prose ("information", "1e5") does not count.
fn could_hold_non_finite(text: &str) -> bool {
    let b = text.as_bytes();
    let word = |w: &str| {
        text.match_indices(w).any(|(i, _)| {
            let before = i.checked_sub(1).map(|j| b[j]);
            let after = b.get(i + w.len()).copied();
            !before.is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_')
                && !after.is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_')
        })
    };
    let exponent = |w: &[u8]| {
        let digits = w.iter().skip(2).skip_while(|c| matches!(c, b'+' | b'-'));
        w[0].is_ascii_digit() && matches!(w[1], b'e' | b'E') && {
            let d: Vec<&u8> = digits.collect();
            d.len() >= 3 && d.iter().all(|c| c.is_ascii_digit())
        }
    };
    let long_exponent = b.windows(5).any(exponent) || b.windows(6).any(exponent);
    let mut run = 0;
    let long_digits = b.iter().any(|c| {
        run = if c.is_ascii_digit() { run + 1 } else { 0 };
        run > 300
    });
    word("NaN") || word("inf") || long_exponent || long_digits
}

/// The scalars under `node` that RON reads as a float and that are not finite.
fn non_finite(text: &str, node: &Node, out: &mut Vec<(usize, usize, String)>) {
    let mut stack = vec![node];
    while let Some(node) = stack.pop() {
        match &node.kind {
            NodeKind::Scalar => {
                let literal = text.get(node.start..node.end).unwrap_or_default();
                if is_non_finite(literal) {
                    out.push((node.start, node.end, literal.to_string()));
                }
            }
            NodeKind::Seq(items) | NodeKind::Tuple { items, .. } => stack.extend(items),
            NodeKind::Map(entries) => stack.extend(entries.iter().map(|e| &e.value)),
            NodeKind::Struct { fields, .. } => stack.extend(fields.iter().map(|f| &f.value)),
        }
    }
    out.sort();
}

/// Whether a scalar is a RON float literal whose value is not finite. Strings, identifiers and
/// unit variants are not numbers, whatever they spell.
fn is_non_finite(literal: &str) -> bool {
    let bare = literal.trim_start_matches(['+', '-']);
    if matches!(bare, "inf" | "NaN") {
        return true;
    }
    let numeric = bare.starts_with(|c: char| c.is_ascii_digit() || c == '.');
    numeric
        && literal
            .replace('_', "")
            .parse::<f64>()
            .is_ok_and(|v| !v.is_finite())
}

#[cfg(test)]
mod tests {
    use super::is_non_finite;

    #[test]
    fn the_cheap_look_passes_prose_and_catches_every_non_finite_literal() {
        use super::could_hold_non_finite as could;
        assert!(!could("(title: \"information\", n: 1e5, x: 0.25)"));
        for bad in [
            "(x: NaN)",
            "(x: -inf)",
            "(x: 1e999)",
            "(x: 1e+999)",
            "(x: 2E308)",
        ] {
            assert!(could(bad), "{bad}");
        }
        assert!(could(&format!("(x: {})", "9".repeat(320))));
    }

    #[test]
    fn only_float_literals_that_overflow_or_are_not_numbers_are_non_finite() {
        for bad in ["NaN", "inf", "-inf", "+inf", "1e999", "-1e400", "1_0e999"] {
            assert!(is_non_finite(bad), "{bad}");
        }
        for good in [
            "0.5", "-1", "1e10", "\"inf\"", "Infinity", "infinite", "1e-999",
        ] {
            assert!(!is_non_finite(good), "{good}");
        }
    }
}
