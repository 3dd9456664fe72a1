//! A cable as a teleprinter page: routing lines, the spaced classification, telegraphese in
//! upper case, the signature; then the archive footnote.

use super::Cable;
use crate::scenario::Scenario;
use crate::scenario::format::{Caption, Classification, Precedence, Series};

/// Teletype line width.
const WIDTH: usize = 69;

/// The precedence and date-time group line: `P 111900Z JUL 60`.
pub fn render_dtg_line(cable: &Cable) -> String {
    let mark = match cable.precedence {
        Precedence::Niact => "NIACT",
        Precedence::Immediate => "O",
        Precedence::Priority => "P",
        Precedence::Routine => "R",
    };
    format!("{mark} {}", cable.sent.dtg())
}

/// The whole page.
pub fn render(scenario: &Scenario, cable: &Cable) -> String {
    if cable.series == Series::Memcon {
        return render_memorandum(cable);
    }
    let mut out = Vec::new();
    out.push(render_dtg_line(cable));
    out.push(format!("FM {}", scenario.address(cable.from)));
    out.push(format!(
        "TO {} {}",
        cable.to_caption,
        precedence_word(cable.precedence)
    ));
    if !cable.repeated.is_empty() {
        out.push(format!("REPEATED {}", addresses(scenario, &cable.repeated)));
    }
    if !cable.info.is_empty() {
        out.push(format!("INFO {}", addresses(scenario, &cable.info)));
    }
    out.push("BT".into());
    out.push(format!(
        "{} {}",
        spaced(classification_word(cable.classification)),
        cable.citation_name()
    ));
    for caption in &cable.captions {
        out.push(caption_word(*caption).into());
    }
    out.push(format!("SUBJECT: {}", cable.subject.to_uppercase()));
    if !cable.refs.is_empty() {
        out.push(format!("REF: {}", cable.refs.join(", ")));
    }
    out.push(String::new());
    for (i, paragraph) in cable.body.split("\n\n").enumerate() {
        if i > 0 {
            out.push(String::new());
        }
        let text = paragraph
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_uppercase();
        out.extend(wrap(&text, WIDTH));
    }
    out.push(String::new());
    out.push(cable.signed.to_uppercase());
    out.push("BT".into());
    if cable.file.is_some() || cable.citation.is_some() {
        out.push(String::new());
        if let Some(file) = &cable.file {
            out.push(format!(
                "[File: Department of State, Central Files, {file}]"
            ));
        }
        if let Some(citation) = &cable.citation {
            out.push(format!("[Source: {citation}]"));
        }
    }
    out.join("\n")
}

fn addresses(scenario: &Scenario, stations: &[crate::scenario::Station]) -> String {
    stations
        .iter()
        .map(|s| scenario.address(*s))
        .collect::<Vec<_>>()
        .join(", ")
}

fn precedence_word(p: Precedence) -> &'static str {
    match p {
        Precedence::Niact => "NIACT IMMEDIATE",
        Precedence::Immediate => "IMMEDIATE",
        Precedence::Priority => "PRIORITY",
        Precedence::Routine => "ROUTINE",
    }
}

/// The precedence as an in-tray shows it: `NIACT`, `IMMEDIATE`, `PRIORITY`, `ROUTINE`.
pub fn precedence_label(p: Precedence) -> &'static str {
    match p {
        Precedence::Niact => "NIACT",
        Precedence::Immediate => "IMMEDIATE",
        Precedence::Priority => "PRIORITY",
        Precedence::Routine => "ROUTINE",
    }
}

pub fn classification_word(c: Classification) -> &'static str {
    match c {
        Classification::TopSecret => "TOP SECRET",
        Classification::Secret => "SECRET",
        Classification::Confidential => "CONFIDENTIAL",
        Classification::OfficialUseOnly => "OFFICIAL USE ONLY",
        Classification::Unclassified => "UNCLASSIFIED",
    }
}

pub fn caption_word(c: Caption) -> &'static str {
    match c {
        Caption::LimitDistribution => "LIMIT DISTRIBUTION",
        Caption::Exdis => "EXDIS",
        Caption::Nodis => "NODIS",
        Caption::EyesOnly => "EYES ONLY",
    }
}

/// `S E C R E T`, as the wire printed it.
fn spaced(word: &str) -> String {
    word.split(' ')
        .map(|w| w.chars().map(String::from).collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("  ")
}

/// Greedy word wrap; a word longer than the line stands alone.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// A memorandum of conversation is typed, not wired: mixed case, no routing lines.
fn render_memorandum(cable: &Cable) -> String {
    let mut out = vec![
        format!(
            "MEMORANDUM OF CONVERSATION{:>width$}",
            classification_word(cable.classification),
            width = WIDTH - "MEMORANDUM OF CONVERSATION".len()
        ),
        format!(
            "{}, {}, {}",
            cable.to_caption,
            cable.sent.long_date(),
            cable.sent.clock()
        ),
        format!("SUBJECT: {}", cable.subject),
        String::new(),
    ];
    for (i, paragraph) in cable.body.split("\n\n").enumerate() {
        if i > 0 {
            out.push(String::new());
        }
        out.extend(wrap(&format!("{}. {paragraph}", i + 1), WIDTH));
    }
    out.push(String::new());
    out.push(cable.signed.clone());
    out.join("\n")
}
