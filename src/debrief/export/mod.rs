//! The debrief as a report a student can hand in: Markdown or one HTML page, with the
//! cables in period format, the charts, the score, the record beside the run, and the
//! scenario's questions for discussion.

mod charts;
mod doc;
mod sections;

use bevy::prelude::*;

use super::{Counterfactual, Debrief};
use doc::{Doc, Html, Markdown, Row};
use sections::{cables, counterfactual, score, stances, votes};

pub use charts::{calibration_svg, stances_svg};
pub use doc::html_escape;

/// The report's format.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    #[default]
    Md,
    Html,
}

/// A written report, and the chart files a Markdown report links to.
pub struct Report {
    pub text: String,
    pub files: Vec<(String, String)>,
}

/// Writes the report of a game. `stem` names the chart files beside a Markdown report.
pub fn export(world: &World, format: Format, stem: Option<&str>) -> Result<Report, String> {
    let d = Debrief::from_world(world);
    let cf = Counterfactual::run(world);
    match format {
        Format::Md => {
            let mut md = Markdown {
                out: String::new(),
                stem: stem.map(str::to_string),
                files: Vec::new(),
            };
            write(&mut md, world, &d, cf.as_ref())?;
            Ok(Report {
                text: md.out,
                files: md.files,
            })
        }
        Format::Html => {
            let mut html = Html { out: String::new() };
            write(&mut html, world, &d, cf.as_ref())?;
            let title = doc::html_escape(&format!("Debrief: {}", d.scenario.title));
            Ok(Report {
                text: format!(
                    "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<style>{}</style>\n</head>\n<body>\n{}</body>\n</html>\n",
                    doc::STYLE,
                    html.out
                ),
                files: Vec::new(),
            })
        }
    }
}

fn write(
    doc: &mut impl Doc,
    world: &World,
    d: &Debrief,
    cf: Option<&Counterfactual>,
) -> Result<(), String> {
    let s = d.scenario;
    doc.heading(1, &format!("Debrief: {}", s.title));
    let mode = if d.setup.historical {
        ", every role by the record"
    } else if d.setup.auto {
        ", played by the rules"
    } else {
        ""
    };
    doc.para(&format!(
        "Played as {}, seed {}{mode}. The game ran from {} to {}.",
        s.role_name(d.setup.role),
        d.setup.seed,
        s.start.long_date(),
        d.now.long_date()
    ));
    match d.ending {
        Some(e) => {
            doc.heading(2, &format!("Ending: {}", s.ending(e).title));
            doc.para(&s.ending(e).debrief);
        }
        None => doc.para(&format!(
            "The game is not over: it was saved at {}. What follows is the game so far.",
            d.now
        )),
    }
    score(doc, d)?;
    doc.heading(2, "Timeline");
    doc.para("Every cable sent, every démarche and decision, and the votes; the rows in bold are your own doing, or what reached you.");
    let rows: Vec<Row> = d
        .timeline
        .iter()
        .map(|l| Row {
            cells: vec![l.at.to_string(), l.kind.label().into(), l.text.clone()],
            strong: l.mine,
        })
        .collect();
    doc.table(&["date (Washington)", "what", ""], &rows);
    votes(doc, d);
    stances(doc, d)?;
    if let Some(cf) = cf {
        counterfactual(doc, d, cf);
    }
    if let Some(e) = d.ending {
        doc.heading(2, "What happened historically");
        doc.para(&s.ending(e).history);
    }
    cables(doc, world, d);
    if !s.objectives.is_empty() || !s.questions.is_empty() {
        doc.heading(2, "For the class");
        if !s.objectives.is_empty() {
            doc.heading(3, "Learning objectives");
            doc.list(&s.objectives, true);
        }
        if !s.questions.is_empty() {
            doc.heading(3, "Questions for discussion");
            doc.list(&s.questions, true);
        }
    }
    if !s.sources.is_empty() {
        doc.heading(2, "Sources");
        let items: Vec<String> = s
            .sources
            .iter()
            .map(|x| match &x.url {
                Some(url) => format!("{} <{url}>", x.citation),
                None => x.citation.clone(),
            })
            .collect();
        doc.list(&items, false);
    }
    doc.para(&format!(
        "Written by Démarche {} from scenario {} (version {}).",
        env!("CARGO_PKG_VERSION"),
        s.id,
        s.version
    ));
    Ok(())
}
