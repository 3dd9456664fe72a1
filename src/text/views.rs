//! What the terminal shows: the in-tray, the open requests, the dossier, as text. They are
//! worded from the same view models the window draws ([`crate::views`]); views only read.

use std::collections::HashSet;
use std::fmt::Write;

use bevy::prelude::*;

use crate::missions::{BusyUntil, Calls, Rapport};
use crate::requests::Requests;
use crate::scenario::{PostId, RequestKind, Role, Scenario, Station};
use crate::stations::Stations;
use crate::views;
use crate::vocab::{CableId, Setup};

/// The player's in-tray, oldest first: the cables `read N` numbers.
pub fn tray(world: &World) -> Vec<CableId> {
    views::tray_rows(world)
        .iter()
        .rev()
        .map(|r| r.cable)
        .collect()
}

pub fn render_tray(world: &World, read: &HashSet<CableId>) -> String {
    let rows = views::tray_rows(world);
    if rows.is_empty() {
        return "The in-tray is empty. `next` waits for the next cable.\n".into();
    }
    let mut out =
        String::from("  #  arrived           prec      class         cable            subject\n");
    // Newest first, numbered from the oldest.
    for (i, row) in rows.iter().enumerate() {
        let precedence = crate::cables::render::precedence_label(row.precedence);
        let mark = if read.contains(&row.cable) { ' ' } else { '*' };
        let _ = writeln!(
            out,
            "{mark}{:>2}  {}  {precedence:<9} {:<13} {:<16} {}",
            rows.len() - i,
            row.arrived,
            row.classification,
            row.name,
            row.subject
        );
    }
    out.push_str("(* unread; newest first; `read N` to read one)\n");
    out
}

/// The open requests the player must answer.
pub fn render_requests(world: &World) -> String {
    let s: &Scenario = views::scenario(world);
    let setup = world.resource::<Setup>();
    let requests = world.resource::<Requests>();
    let mut out = String::new();
    for r in requests.open_for(setup.role.station()) {
        let t = s.telegram(r.telegram);
        let req = &t.requests[r.request];
        let question = views::request_question(s, &req.kind);
        let what = match &req.kind {
            RequestKind::Estimate { .. } => format!("estimate by return cable: {question}"),
            RequestKind::Action { .. } => format!("action: {question}"),
            RequestKind::Decision { .. } => format!("decision: {question}"),
        };
        let due = r
            .deadline
            .map(|d| format!(" (due {d})"))
            .unwrap_or_default();
        let _ = writeln!(out, "  {}: {what}{due}", t.request_cited(r.request));
    }
    if out.is_empty() {
        out.push_str("  No open requests.\n");
    }
    format!("Open requests:\n{out}")
}

/// The host government as the mission knows it (never the truth).
pub fn render_dossier(world: &World, post: PostId) -> String {
    let s: &Scenario = views::scenario(world);
    let mission = s.mission(post);
    let gov = s.government(mission.host);
    let entity = world.resource::<Stations>().entity(Station::Post(post));
    let mut out = String::new();
    let _ = writeln!(
        out,
        "DOSSIER: {} (capital {}), as AmEmbassy {} sees it",
        gov.country, gov.capital, mission.city
    );
    let _ = writeln!(out, "Chief of mission: {} {}", mission.title, mission.chief);
    if let Some(r) = world.get::<Rapport>(entity) {
        let _ = writeln!(out, "Rapport with the government: {:.0}/100", r.0 * 100.0);
    }
    if let Some(b) = world.get::<BusyUntil>(entity)
        && b.0 > world.resource::<crate::calendar::Calendar>().now
    {
        let _ = writeln!(out, "Busy with a call until {}", b.0);
    }
    out.push_str("Leaders, and the mission's standing with each:\n");
    let standing = world
        .resource::<crate::missions::Standings>()
        .0
        .get(post.index());
    let now = world.resource::<crate::calendar::Calendar>().now;
    for (ix, l) in gov.leaders.iter().enumerate() {
        let with = standing
            .and_then(|s| s.get(ix))
            .map(|r| format!("{:.0}/100", r * 100.0))
            .unwrap_or_default();
        let office = if l.in_office(now) {
            ""
        } else {
            " (not in office now)"
        };
        let _ = writeln!(out, "  {:<24} {:<40} {with}{office}", l.name, l.title);
    }
    if let Some(e) = views::estimates(world, post) {
        out.push_str("The mission's estimates:\n");
        for (i, issue) in s.issues.iter().enumerate() {
            let est = e[i];
            let pos = &issue.positions[issue.position_of(est.mean)];
            let _ = writeln!(
                out,
                "  On {}: probably \"{}\"{}",
                issue.topic,
                pos.label,
                if est.sd > 0.2 {
                    " (little to go on)"
                } else {
                    ""
                }
            );
        }
    }
    if !gov.relations.is_empty() {
        let rel: Vec<String> = gov
            .relations
            .iter()
            .map(|(g, v)| format!("{} {:+.1}", s.government(*g).country, v))
            .collect();
        let _ = writeln!(out, "Relations: {}", rel.join(", "));
    }
    if !gov.notes.is_empty() {
        let _ = writeln!(out, "Background: {}", gov.notes);
    }
    if let Some(calls) = world.get::<Calls>(entity)
        && !calls.0.is_empty()
    {
        out.push_str("Calls made:\n");
        for c in &calls.0 {
            let _ = writeln!(out, "  {}  saw {}", c.at, c.leader);
            if !c.said.is_empty() {
                let _ = writeln!(out, "      {}", c.said);
            }
            if let Some(asks) = &c.asks {
                let _ = writeln!(out, "      He asked {asks}.");
            }
        }
    }
    out
}

/// What the posts have reported, for the Department.
pub fn render_reports(world: &World) -> String {
    let s: &Scenario = views::scenario(world);
    let requests = world.resource::<Requests>();
    let mut out = String::from("Reports received (estimates by return cable):\n");
    let mut any = false;
    for (r, e) in requests
        .replies
        .iter()
        .filter_map(|r| Some((r, r.estimate(s)?)))
    {
        any = true;
        let p = e
            .probability
            .map(|p| format!("{:.0}%", p * 100.0))
            .unwrap_or_else(|| "no reply; default".into());
        let _ = writeln!(
            out,
            "  {}  {:<20} {:<50} {p}",
            r.at,
            s.government(s.mission(e.post).host).country,
            s.issue(e.issue).positions[e.position].label
        );
    }
    if !any {
        out.push_str("  none yet\n");
    }
    out
}

/// The role's own post, if it plays one.
pub fn own_post(world: &World) -> Option<PostId> {
    match world.resource::<Setup>().role {
        Role::Post(p) => Some(p),
        Role::Department => None,
    }
}
