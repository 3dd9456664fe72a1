//! The transcript as text: every cable sent and received, every command and vote, in order.

use std::fmt::Write;

use bevy::prelude::*;

use crate::cables::{Archive, render};
use crate::scenario::Scenario;
use crate::scenario::format::Provenance;
use crate::transcript::{Entry, Transcript};
use crate::vocab::ActiveScenario;
use crate::votes::{Cast, VoteLog, VoteRecord};

/// Renders the whole transcript, as the record after the game has it: with every
/// government's stance in each vote.
pub fn render_transcript(world: &World) -> String {
    let entries = &world.resource::<Transcript>().0;
    let mut out = String::new();
    for entry in entries {
        out.push_str(&render_entry(world, entry, Sight::Record));
    }
    out
}

/// Who reads a transcript entry: the fog of war holds for the player until the debrief.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sight {
    /// The player during the game: how each government voted, never why.
    Player,
    /// The instructor, the debrief and the record: the stances and the model's reasons.
    Record,
}

/// One entry, as it appears in the transcript and the terminal.
pub fn render_entry(world: &World, entry: &Entry, sight: Sight) -> String {
    let s: &Scenario = &world.resource::<ActiveScenario>().0;
    let archive = world.resource::<Archive>();
    let mut out = String::new();
    match entry {
        Entry::News { at, event } => {
            let e = &s.events[event.index()];
            let _ = writeln!(out, "{at}  NEWS      {}", e.headline);
            if !e.text.is_empty() {
                for line in crate::cables::render::wrap(&e.text, 76) {
                    let _ = writeln!(out, "                    {line}");
                }
            }
            let _ = writeln!(
                out,
                "                    [{}]",
                provenance(s, e.provenance, &e.cite)
            );
        }
        Entry::Sent { at, cable } => {
            let c = archive.get(*cable);
            let _ = writeln!(
                out,
                "{at}  {}  {} from {}",
                if c.series == crate::scenario::format::Series::Memcon {
                    "FILED   "
                } else {
                    "SENT    "
                },
                c.citation_name(),
                s.station_name(c.from)
            );
            for line in render(s, c).lines() {
                let _ = writeln!(out, "    {line}");
            }
        }
        Entry::Delivered { at, cable, to } => {
            let names: Vec<String> = to.iter().map(|t| s.station_name(*t)).collect();
            let _ = writeln!(
                out,
                "{at}  RECEIVED  {} at {}",
                archive.get(*cable).citation_name(),
                names.join(", ")
            );
        }
        Entry::Command { at, summary, .. } => {
            let _ = writeln!(out, "{at}  COMMAND   {summary}");
        }
        Entry::Instructor { at, summary } => {
            let _ = writeln!(out, "{at}  INSTRUCTOR {summary}");
        }
        Entry::Demarche { at, summary, .. } => {
            let _ = writeln!(out, "{at}  DEMARCHE  {summary}");
        }
        Entry::Decision {
            at,
            telegram,
            request,
            option,
            by_default,
        } => {
            let t = s.telegram(*telegram);
            let label = t.option_label(*request, *option);
            let how = if *by_default {
                " (by default, at the deadline)"
            } else {
                ""
            };
            let _ = writeln!(
                out,
                "{at}  DECISION  {}: {label}{how}",
                t.request_cited(*request)
            );
        }
        Entry::Defaulted {
            at,
            from,
            telegram,
            request,
            summary,
        } => {
            let t = s.telegram(*telegram);
            let _ = writeln!(
                out,
                "{at}  NO REPLY  from {} to {}, by the deadline; {summary}",
                s.station_name(*from),
                t.request_cited(*request)
            );
        }
        Entry::Due {
            at,
            telegram,
            request,
            deadline,
        } => {
            let _ = writeln!(
                out,
                "{at}  DUE       {} is due by {}, {}; `next` again lets the deadline pass",
                s.telegram(*telegram).request_cited(*request),
                deadline.long_date(),
                deadline.clock()
            );
        }
        Entry::Vote { at, record } => {
            let r = &world.resource::<VoteLog>().0[*record];
            let _ = write!(out, "{at}  VOTE      ");
            out.push_str(&render_vote(s, r, sight));
        }
        Entry::Ended { at, ending } => {
            let _ = writeln!(out, "{at}  ENDED     {}", s.ending(*ending).title);
        }
    }
    out
}

fn provenance(s: &Scenario, p: Provenance, cite: &[crate::scenario::SourceId]) -> String {
    let tag = match p {
        Provenance::Documented => "documented",
        Provenance::Plausible => "plausible",
        Provenance::Invented => "invented",
    };
    if cite.is_empty() {
        return tag.into();
    }
    let sources: Vec<&str> = cite
        .iter()
        .map(|c| s.sources[c.index()].citation.as_str())
        .collect();
    format!("{tag}: {}", sources.join("; "))
}

/// How a cast is written in the vote tables.
pub fn cast_word(c: Cast) -> &'static str {
    match c {
        Cast::Yes => "yes",
        Cast::No => "no",
        Cast::Abstain => "abstain",
        Cast::Absent => "absent",
        Cast::Excluded => "excluded",
    }
}

/// A vote's first line: the date, the title, the result and the tally.
pub fn vote_headline(s: &Scenario, r: &VoteRecord) -> String {
    let vote = s.vote(r.vote);
    let t = r.tally;
    format!(
        "Vote, {}: {}: {} {}-{}-{} ({} needed of {} entitled to vote; quorum {}, present {})\n",
        r.at.long_date(),
        vote.title,
        if r.passed { "PASSED" } else { "FAILED" },
        t.yes,
        t.no,
        t.abstain,
        r.verdict.needed,
        t.eligible,
        r.verdict.quorum,
        t.present
    )
}

/// The vote table: who voted how, and, for the record, the model's reason.
pub fn render_vote(s: &Scenario, r: &VoteRecord, sight: Sight) -> String {
    let mut out = vote_headline(s, r);
    for b in &r.ballots {
        let country = &s.government(b.government).country;
        let cast = cast_word(b.cast);
        let _ = match sight {
            Sight::Record => writeln!(out, "  {country:<20} {cast:<9} {}", b.reason),
            Sight::Player => writeln!(out, "  {country:<20} {cast}"),
        };
    }
    out
}
