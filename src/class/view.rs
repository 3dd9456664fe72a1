//! What one student's page shows: their post's in-tray, open requests, dossier and map, built
//! from the same view models as the window and the terminal ([`crate::views`]). Only what
//! that post knows goes in: the fog of war is drawn here, on the server.

use bevy::prelude::*;
use serde::Serialize;

use super::protocol::Segment;
use crate::cables::{Archive, render};
use crate::calendar::Calendar;
use crate::glossary::Glossary;
use crate::instructor::Paused;
use crate::requests::Requests;
use crate::scenario::{IssueId, RequestKind, Role, Scenario};
use crate::views::{self, Knowledge};
use crate::vocab::CableId;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StudentView {
    pub title: String,
    pub role: String,
    pub station: String,
    pub chief: String,
    pub now: String,
    pub paused: bool,
    pub over: bool,
    pub tray: Vec<TrayLine>,
    pub requests: Vec<RequestLine>,
    pub leaders: Vec<Named>,
    pub exhibits: Vec<Named>,
    pub votes: Vec<Named>,
    pub dossier: String,
    /// The question the map is coloured by.
    pub map_question: String,
    pub map: Vec<MapLine>,
    pub debrief: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TrayLine {
    pub cable: u32,
    pub name: String,
    pub subject: String,
    pub precedence: &'static str,
    pub classification: &'static str,
    pub arrived: String,
    pub thread: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RequestLine {
    pub telegram: String,
    pub request: String,
    pub cited: String,
    pub kind: &'static str,
    pub question: String,
    pub deadline: Option<String>,
    pub positions: Vec<Named>,
    pub options: Vec<Named>,
}

/// Something a page offers to choose: its id and how it reads.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Named {
    pub id: String,
    pub label: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MapLine {
    /// The government's id: the map's shapes are keyed by it.
    pub id: String,
    pub government: String,
    pub kind: &'static str,
    pub position: Option<String>,
    /// Where the position stands on the issue's scale, from 0 (the low end), of `of`.
    pub index: Option<usize>,
    pub of: usize,
    pub detail: String,
}

/// The view of `role` now; `debrief` is its debrief once the game is over.
pub fn student_view(world: &World, role: Role, debrief: Option<String>) -> StudentView {
    let s = views::scenario(world);
    let station = super::console::station(s, role);
    let chief = match role {
        Role::Post(p) => {
            let m = s.mission(p);
            format!("{} {}", m.title, m.chief)
        }
        Role::Department => "the Secretary".into(),
    };
    StudentView {
        title: s.title.clone(),
        role: s.role_id(role),
        station,
        chief,
        now: world.resource::<Calendar>().now.to_string(),
        paused: world.resource::<Paused>().0,
        over: debrief.is_some(),
        tray: tray(world, role),
        requests: requests(world, s, role),
        leaders: leaders(world, s, role),
        exhibits: s
            .materials
            .iter()
            .map(|m| Named {
                id: m.id.clone(),
                label: m.title.clone(),
            })
            .collect(),
        votes: match role {
            Role::Post(_) => s
                .votes
                .iter()
                .map(|v| Named {
                    id: v.id.clone(),
                    label: v.title.clone(),
                })
                .collect(),
            Role::Department => Vec::new(),
        },
        dossier: match role {
            Role::Post(p) => crate::text::views::render_dossier(world, p),
            Role::Department => crate::text::views::render_reports(world),
        },
        map_question: s.issue(mapped_issue(s)).question.clone(),
        map: map(world, s, role),
        debrief,
    }
}

fn tray(world: &World, role: Role) -> Vec<TrayLine> {
    views::tray_rows_of(world, role)
        .into_iter()
        .map(|r| TrayLine {
            cable: r.cable.0,
            name: r.name,
            subject: r.subject,
            precedence: crate::cables::render::precedence_label(r.precedence),
            classification: r.classification,
            arrived: r.arrived.to_string(),
            thread: r.thread,
        })
        .collect()
}

fn requests(world: &World, s: &Scenario, role: Role) -> Vec<RequestLine> {
    world
        .resource::<Requests>()
        .open_for(role.station())
        .map(|r| {
            let t = s.telegram(r.telegram);
            let req = &t.requests[r.request];
            let (kind, positions, options) = match &req.kind {
                RequestKind::Estimate {
                    issue, positions, ..
                } => {
                    let issue = s.issue(*issue);
                    let positions = positions
                        .iter()
                        .map(|p| Named {
                            id: issue.positions[*p].id.clone(),
                            label: issue.positions[*p].label.clone(),
                        })
                        .collect();
                    ("estimate", positions, Vec::new())
                }
                RequestKind::Action { .. } => ("action", Vec::new(), Vec::new()),
                RequestKind::Decision { options, .. } => {
                    let options = options
                        .iter()
                        .map(|o| Named {
                            id: o.id.clone(),
                            label: o.label.clone(),
                        })
                        .collect();
                    ("decision", Vec::new(), options)
                }
            };
            let question = views::request_question(s, &req.kind);
            RequestLine {
                telegram: t.id.clone(),
                request: req.id.clone(),
                cited: t.request_cited(r.request),
                kind,
                question,
                deadline: r.deadline.map(|d| d.to_string()),
                positions,
                options,
            }
        })
        .collect()
}

/// The host's leaders in office, whom the chief of mission can ask to see.
fn leaders(world: &World, s: &Scenario, role: Role) -> Vec<Named> {
    let Role::Post(post) = role else {
        return Vec::new();
    };
    let now = world.resource::<Calendar>().now;
    s.government(s.mission(post).host)
        .leaders
        .iter()
        .filter(|l| l.in_office(now))
        .map(|l| Named {
            id: l.id.clone(),
            label: format!("{} {}", l.title, l.name),
        })
        .collect()
}

/// The issue the map shows: the first put to a vote, else the first.
pub fn mapped_issue(s: &Scenario) -> IssueId {
    s.votes.first().map(|v| v.issue).unwrap_or(IssueId(0))
}

fn map(world: &World, s: &Scenario, role: Role) -> Vec<MapLine> {
    let issue = mapped_issue(s);
    let def = s.issue(issue);
    views::knowledge_of(world, role, issue)
        .into_iter()
        .enumerate()
        .map(|(g, k)| {
            let position = k.position().map(|p| def.positions[p].label.clone());
            let (kind, detail) = match k {
                Knowledge::Unknown => ("unknown", "no report".to_string()),
                Knowledge::Estimated { estimate, .. } => (
                    "estimated",
                    format!(
                        "your mission's estimate: {:.2} ± {:.2}",
                        estimate.mean, estimate.sd
                    ),
                ),
                Knowledge::Reported { probability, .. } => (
                    "reported",
                    match probability {
                        Some(p) => format!("the post reports it, {:.0}% sure", p * 100.0),
                        None => "the post's report (defaulted)".into(),
                    },
                ),
                Knowledge::Revealed { cast, vote, .. } => (
                    "revealed",
                    format!(
                        "{} in the vote on {}",
                        crate::debrief::cast_word(cast),
                        s.vote(vote).title
                    ),
                ),
            };
            MapLine {
                id: s.governments[g].id.clone(),
                government: s.governments[g].country.clone(),
                kind,
                position,
                index: k.position(),
                of: def.positions.len(),
                detail,
            }
        })
        .collect()
}

/// A cable as a teleprinter page, cut into plain text and glossary terms.
pub fn segments(text: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut at = 0;
    for (range, entry) in Glossary::shipped().find_in(text) {
        if range.start < at {
            continue;
        }
        if range.start > at {
            out.push(plain(&text[at..range.start]));
        }
        out.push(Segment {
            text: text[range.clone()].to_string(),
            term: Some(entry.term.clone()),
            meaning: Some(entry.meaning.clone()),
        });
        at = range.end;
    }
    if at < text.len() {
        out.push(plain(&text[at..]));
    }
    out
}

fn plain(text: &str) -> Segment {
    Segment {
        text: text.to_string(),
        term: None,
        meaning: None,
    }
}

/// A cable of `role`'s in-tray as a teleprinter page; `None` when it is not in that tray
/// (another post's traffic is never shown).
pub fn cable_of(world: &World, role: Role, cable: CableId) -> Option<Vec<Segment>> {
    let entity = world
        .resource::<crate::stations::Stations>()
        .entity(role.station());
    let tray = world.get::<crate::stations::InTray>(entity)?;
    if !tray.0.iter().any(|item| item.cable == cable) {
        return None;
    }
    let archive = world.resource::<Archive>();
    Some(segments(&render(
        views::scenario(world),
        archive.get(cable),
    )))
}
