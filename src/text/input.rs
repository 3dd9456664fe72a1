//! What the terminal reads: lines of text, however hostile the bytes. A line that is not UTF-8
//! or is far too long gets a message and the game goes on; every step prompt can be left
//! (`cancel`, `quit`, end of input, or an empty line where an answer is required), and leaving
//! one never sends or calls anything.

use std::io::{self, BufRead, Write};

use super::Terminal;

/// The longest line read; the rest of a longer one is skipped (a cable's paragraph is a few
/// hundred characters).
const MAX_LINE: usize = 64 * 1024;

/// One read from the input.
pub(super) enum Read {
    Line(String),
    /// Bytes that are not a line of text; the message says why.
    Bad(String),
    End,
}

/// Why a step-by-step form stopped without sending anything.
#[derive(Debug)]
pub(super) enum Halt {
    /// The game refused, or the form could not go on; the message says why.
    Refused(String),
    /// The player said `cancel` (or left an answer empty).
    Cancelled,
    /// The player said `quit`: the form is dropped and the game left.
    Quit,
    /// The input ended.
    Closed,
}

impl From<String> for Halt {
    fn from(s: String) -> Halt {
        Halt::Refused(s)
    }
}

impl From<&str> for Halt {
    fn from(s: &str) -> Halt {
        Halt::Refused(s.to_string())
    }
}

impl From<crate::vocab::CommandError> for Halt {
    fn from(e: crate::vocab::CommandError) -> Halt {
        Halt::Refused(e.to_string())
    }
}

impl From<io::Error> for Halt {
    fn from(e: io::Error) -> Halt {
        Halt::Refused(e.to_string())
    }
}

impl<R: BufRead> Terminal<R> {
    /// The next line, trimmed.
    pub(super) fn read(&mut self) -> io::Result<Read> {
        let mut bytes = Vec::new();
        let n =
            io::Read::take(&mut self.input, MAX_LINE as u64 + 1).read_until(b'\n', &mut bytes)?;
        if n == 0 {
            return Ok(Read::End);
        }
        if bytes.len() > MAX_LINE && !bytes.ends_with(b"\n") {
            // Skip to the end of the long line, a bounded piece at a time.
            loop {
                let mut rest = Vec::new();
                let m = io::Read::take(&mut self.input, MAX_LINE as u64)
                    .read_until(b'\n', &mut rest)?;
                if m == 0 || rest.ends_with(b"\n") {
                    break;
                }
            }
            return Ok(Read::Bad(format!(
                "that line is longer than {} KiB; expected a shorter line",
                MAX_LINE / 1024
            )));
        }
        match String::from_utf8(bytes) {
            Ok(s) => Ok(Read::Line(s.trim().to_string())),
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                let byte = e.as_bytes()[at];
                Ok(Read::Bad(format!(
                    "that line is not UTF-8 text (byte 0x{byte:02X} after {at} good bytes); type it again"
                )))
            }
        }
    }

    /// Asks a question and reads the answer. `cancel`, `quit` and the end of input leave the
    /// form; a bad line is said, and the question asked again.
    pub(super) fn ask(&mut self, out: &mut impl Write, question: &str) -> Result<String, Halt> {
        loop {
            write!(out, "{question} ")?;
            out.flush()?;
            match self.read()? {
                Read::Line(l) => return answer(l),
                Read::Bad(why) => writeln!(out, "! {why}")?,
                Read::End => return Err(Halt::Closed),
            }
        }
    }

    /// Like [`Self::ask`], where an empty answer also leaves the form (there is no default).
    pub(super) fn ask_required(
        &mut self,
        out: &mut impl Write,
        question: &str,
    ) -> Result<String, Halt> {
        let a = self.ask(out, question)?;
        if a.is_empty() {
            return Err(Halt::Cancelled);
        }
        Ok(a)
    }

    /// A line of a text typed paragraph by paragraph: `None` at the closing `.`.
    pub(super) fn text_line(&mut self, out: &mut impl Write) -> Result<Option<String>, Halt> {
        loop {
            match self.read()? {
                Read::Line(l) if l == "." => return Ok(None),
                Read::Line(l) => return answer(l).map(Some),
                Read::Bad(why) => writeln!(out, "! {why}")?,
                Read::End => return Err(Halt::Closed),
            }
        }
    }
}

/// An answer, or the word that leaves the form.
fn answer(line: String) -> Result<String, Halt> {
    match line.as_str() {
        "cancel" => Err(Halt::Cancelled),
        "quit" | "exit" => Err(Halt::Quit),
        _ => Ok(line),
    }
}

/// Reads a percentage as the prompt asks for one: `70`, `70%` or `70.5` mean that many
/// percent (so `1` is 1%, never 100%).
pub(super) fn percent(answer: &str) -> Option<f64> {
    let p: f64 = answer.trim().trim_end_matches('%').trim().parse().ok()?;
    (p.is_finite() && (0.0..=100.0).contains(&p)).then_some(p / 100.0)
}

#[cfg(test)]
mod tests {
    use super::percent;

    #[test]
    fn a_percent_prompt_takes_percents() {
        assert_eq!(percent("1"), Some(0.01));
        assert_eq!(percent("70%"), Some(0.7));
        assert_eq!(percent(" 100 % "), Some(1.0));
        assert_eq!(percent("101"), None);
        assert_eq!(percent("NaN"), None);
        assert_eq!(percent("-1"), None);
    }
}
