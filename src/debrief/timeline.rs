//! The timeline: the cables, démarches, decisions and votes of a game, one line each.

use bevy::prelude::*;

use crate::cables::Archive;
use crate::scenario::{Moment, Role, Station};
use crate::transcript::{Entry, Transcript};
use crate::vocab::{ActiveScenario, Setup};
use crate::votes::VoteLog;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    News,
    Cable,
    Received,
    Demarche,
    Command,
    Instructor,
    Decision,
    NoReply,
    Vote,
    Ended,
}

impl Kind {
    pub fn label(self) -> &'static str {
        match self {
            Kind::News => "news",
            Kind::Cable => "cable",
            Kind::Received => "received",
            Kind::Demarche => "démarche",
            Kind::Command => "you",
            Kind::Instructor => "instructor",
            Kind::Decision => "decision",
            Kind::NoReply => "no reply",
            Kind::Vote => "vote",
            Kind::Ended => "ended",
        }
    }
}

/// One line of the timeline.
#[derive(Clone, Debug)]
pub struct Line {
    pub at: Moment,
    pub kind: Kind,
    pub text: String,
    /// The player's own doing (or what reached the player).
    pub mine: bool,
}

/// The timeline of the game so far, from the transcript. Deliveries are shown only where they
/// reach the player; every cable's sending is shown once.
pub fn timeline(world: &World) -> Vec<Line> {
    timeline_of(world, world.resource::<Setup>().role)
}

/// The timeline as one role saw it: the deliveries that reached it.
pub fn timeline_of(world: &World, role: Role) -> Vec<Line> {
    let s = &world.resource::<ActiveScenario>().0;
    let setup = &Setup {
        role,
        ..*world.resource::<Setup>()
    };
    let me = setup.role.station();
    let archive = world.resource::<Archive>();
    let votes = world.resource::<VoteLog>();
    let mut out = Vec::new();
    for entry in &world.resource::<Transcript>().0 {
        let (at, kind, text, mine) = match entry {
            Entry::News { at, event } => (
                *at,
                Kind::News,
                s.events[event.index()].headline.clone(),
                false,
            ),
            Entry::Sent { at, cable } => {
                let c = archive.get(*cable);
                let text = format!(
                    "{}, {} to {}: {}",
                    c.citation_name(),
                    s.station_name(c.from),
                    if c.to_caption.is_empty() {
                        c.to.iter()
                            .map(|t| s.station_name(*t))
                            .collect::<Vec<_>>()
                            .join(", ")
                    } else {
                        c.to_caption.clone()
                    },
                    c.subject
                );
                (*at, Kind::Cable, text, c.from == me)
            }
            Entry::Delivered { at, cable, to } if to.contains(&me) => {
                let c = archive.get(*cable);
                (
                    *at,
                    Kind::Received,
                    format!("{} from {}", c.citation_name(), s.station_name(c.from)),
                    true,
                )
            }
            Entry::Delivered { .. } => continue,
            Entry::Command { at, summary, .. } => (*at, Kind::Command, summary.clone(), true),
            Entry::Instructor { at, summary } => (*at, Kind::Instructor, summary.clone(), false),
            // A stop of the clock is not something that happened.
            Entry::Due { .. } => continue,
            Entry::Demarche { at, post, summary } => (
                *at,
                Kind::Demarche,
                summary.clone(),
                me == Station::Post(*post),
            ),
            Entry::Decision {
                at,
                telegram,
                request,
                option,
                by_default,
            } => {
                let t = s.telegram(*telegram);
                let label = t.option_label(*request, *option);
                let how = if *by_default { " (by default)" } else { "" };
                (
                    *at,
                    Kind::Decision,
                    format!("{}: {label}{how}", t.request_cited(*request)),
                    setup.role == Role::Department && !by_default,
                )
            }
            Entry::Defaulted {
                at,
                from,
                telegram,
                summary,
                ..
            } => (
                *at,
                Kind::NoReply,
                format!(
                    "{} sent no reply to {} by the deadline; {summary}",
                    s.station_name(*from),
                    s.telegram(*telegram).cited()
                ),
                *from == me,
            ),
            Entry::Vote { at, record } => {
                let r = &votes.0[*record];
                let t = r.tally;
                (
                    *at,
                    Kind::Vote,
                    format!(
                        "{}: {} {}-{}-{}",
                        s.vote(r.vote).title,
                        if r.passed { "passed" } else { "failed" },
                        t.yes,
                        t.no,
                        t.abstain
                    ),
                    false,
                )
            }
            Entry::Ended { at, ending } => {
                (*at, Kind::Ended, s.ending(*ending).title.clone(), false)
            }
        };
        // The player's démarche is both a call and a command: show it once.
        if kind == Kind::Command
            && out
                .last()
                .is_some_and(|l: &Line| l.at == at && l.text == text)
        {
            continue;
        }
        out.push(Line {
            at,
            kind,
            text,
            mine,
        });
    }
    out
}
