//! The routing lines of a cable (FM, TO, REPEATED, INFO), where header words such as TO and
//! PRIORITY are cable terms rather than ordinary English.

use super::Glossary;
use super::words::split_words;

/// The first words of the routing lines, which make a line a header line.
const ROUTING_WORDS: &[&str] = &["fm", "to", "repeated", "info"];

/// The precedence words that end a TO line.
const PRECEDENCE_WORDS: &[&str] = &["flash", "immediate", "priority", "routine"];

/// Which lines of a text are routing lines, where the header words in `HEADER_ONLY` count.
///
/// In a whole page the routing lines are the FM line and the TO, REPEATED and INFO lines that
/// follow it. The window also passes lines one at a time, so a TO, REPEATED or INFO line is
/// routing on its own when it looks like one: a TO line ends with its precedence word (and
/// perhaps a number: TO SECSTATE WASHDC PRIORITY 123), and a REPEATED or INFO line goes on with
/// an address (AMEMBASSY HAVANA, USUN NEW YORK: a word with an entry) or ALL. A body line that
/// happens to start with "TO" is neither.
pub(super) struct RoutingLines {
    /// (start byte, is routing) for each line, in order.
    lines: Vec<(usize, bool)>,
}

impl RoutingLines {
    pub(super) fn new(glossary: &Glossary, text: &str) -> RoutingLines {
        let mut lines = Vec::new();
        let mut start = 0;
        let mut previous = false;
        for line in text.split('\n') {
            let words: Vec<String> = split_words(line).into_iter().map(|w| w.key).collect();
            let routing = match words.first().map(String::as_str) {
                Some("fm") => true,
                Some(first) if ROUTING_WORDS.contains(&first) => {
                    previous || looks_like_routing(glossary, first, &words)
                }
                _ => false,
            };
            lines.push((start, routing));
            previous = routing;
            start += line.len() + 1;
        }
        RoutingLines { lines }
    }

    pub(super) fn contains(&self, at: usize) -> bool {
        let ix = self.lines.partition_point(|&(start, _)| start <= at);
        ix > 0 && self.lines[ix - 1].1
    }
}

/// Whether a line starting with TO, REPEATED or INFO (keys in `words`) is a routing line when
/// seen alone (see [`RoutingLines`]).
fn looks_like_routing(glossary: &Glossary, first: &str, words: &[String]) -> bool {
    if first == "to" {
        let mut rest = words[1..].iter().rev();
        let last = match rest.next() {
            Some(w) if w.chars().all(|c| c.is_ascii_digit()) => rest.next(),
            other => other,
        };
        last.is_some_and(|w| PRECEDENCE_WORDS.contains(&w.as_str())) && words.len() > 2
    } else {
        words
            .get(1)
            .is_some_and(|w| w == "all" || glossary.lookup(w).is_some())
    }
}
