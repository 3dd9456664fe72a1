//! What the instructor's console shows: who is connected and on which post, the clock, the
//! truth, the class's estimates of one question side by side, and at the end the class
//! debrief. Only the instructor's connection receives it.

use bevy::prelude::*;
use serde::Serialize;

use super::roster::Roster;
use super::view::Named;
use crate::calendar::Calendar;
use crate::debrief::Debrief;
use crate::instructor::{Hidden, Paused};
use crate::requests::Requests;
use crate::scenario::{GovId, IssueId, Role, Scenario};
use crate::views;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ConsoleView {
    pub title: String,
    pub now: String,
    pub paused: bool,
    /// Game hours per real minute; 0 when the clock runs only when told.
    pub pace: f64,
    pub over: bool,
    pub class_code: String,
    pub roster: Vec<Seated>,
    pub telegrams: Vec<Unsent>,
    pub governments: Vec<Named>,
    pub issues: Vec<Named>,
    pub truth: String,
    pub projector: Projector,
    pub debrief: Option<ClassDebrief>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Seated {
    pub name: String,
    pub post: String,
    pub station: String,
    pub connected: bool,
    pub last: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Unsent {
    pub id: String,
    pub name: String,
    pub sent: bool,
}

/// "Twenty estimates of the same question": each post's latest estimate on one issue.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Projector {
    pub issue: String,
    pub question: String,
    pub rows: Vec<Estimated>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Estimated {
    pub post: String,
    pub station: String,
    pub students: String,
    pub position: Option<String>,
    pub probability: Option<f64>,
    /// The true position, once the instructor has revealed it.
    pub revealed: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ClassDebrief {
    pub students: Vec<StudentScore>,
    pub text: String,
    pub questions: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StudentScore {
    pub name: String,
    pub post: String,
    pub station: String,
    /// The mean Brier score of the post's scored estimates (0 is perfect, lower is better).
    pub brier: Option<f64>,
    pub scored: usize,
    pub right: usize,
    pub calibration: String,
}

/// What the console needs besides the world.
pub struct Desk<'a> {
    pub roster: &'a Roster,
    pub class_code: &'a str,
    pub pace: f64,
    pub projector: IssueId,
    pub revealed: &'a [(GovId, IssueId)],
    pub debrief: Option<&'a str>,
}

pub fn console_view(world: &World, desk: &Desk) -> ConsoleView {
    let s = views::scenario(world);
    let sent = &world.resource::<crate::cables::Traffic>().sent_telegrams;
    ConsoleView {
        title: s.title.clone(),
        now: world.resource::<Calendar>().now.to_string(),
        paused: world.resource::<Paused>().0,
        pace: desk.pace,
        over: desk.debrief.is_some(),
        class_code: desk.class_code.to_string(),
        roster: desk
            .roster
            .seats()
            .map(|seat| Seated {
                name: seat.name.clone(),
                post: s.role_id(seat.role),
                station: station(s, seat.role),
                connected: seat.connected > 0,
                last: seat.last.clone(),
            })
            .collect(),
        telegrams: s
            .telegrams
            .iter()
            .enumerate()
            .map(|(i, t)| Unsent {
                id: t.id.clone(),
                name: t.cited(),
                sent: sent.get(i).copied().unwrap_or(false),
            })
            .collect(),
        governments: s
            .governments
            .iter()
            .map(|g| Named {
                id: g.id.clone(),
                label: g.country.clone(),
            })
            .collect(),
        issues: s
            .issues
            .iter()
            .map(|i| Named {
                id: i.id.clone(),
                label: i.question.clone(),
            })
            .collect(),
        truth: crate::text::instructor::render_truth(world),
        projector: projector(world, s, desk),
        debrief: desk
            .debrief
            .map(|text| class_debrief(world, s, desk.roster, text)),
    }
}

pub fn station(s: &Scenario, role: Role) -> String {
    match role {
        Role::Post(p) => s.mission(p).city.clone(),
        Role::Department => "the Department".into(),
    }
}

fn projector(world: &World, s: &Scenario, desk: &Desk) -> Projector {
    let issue = desk.projector;
    let def = s.issue(issue);
    let replies: Vec<_> = world
        .resource::<Requests>()
        .replies
        .iter()
        .filter_map(|r| r.estimate(s))
        .filter(|r| r.issue == issue)
        .collect();
    let truth = Hidden::of(world);
    let rows = desk
        .roster
        .posts()
        .filter_map(|role| match role {
            Role::Post(p) => Some(p),
            Role::Department => None,
        })
        .map(|post| {
            let latest = replies.iter().rev().find(|r| r.post == post);
            let host = s.mission(post).host;
            let revealed = desk.revealed.contains(&(host, issue)).then(|| {
                def.positions
                    [def.position_of(truth.governments[host.index()].stances[issue.index()])]
                .label
                .clone()
            });
            Estimated {
                post: s.mission(post).id.clone(),
                station: s.mission(post).city.clone(),
                students: desk.roster.names_at(Role::Post(post)).join(", "),
                // A post that did not answer in time is given its request's default.
                position: latest.map(|r| match r.probability {
                    Some(_) => def.positions[r.position].label.clone(),
                    None => format!(
                        "{} (no reply: the default)",
                        def.positions[r.position].label
                    ),
                }),
                probability: latest.and_then(|r| r.probability),
                revealed,
            }
        })
        .collect();
    Projector {
        issue: def.id.clone(),
        question: def.question.clone(),
        rows,
    }
}

fn class_debrief(world: &World, s: &Scenario, roster: &Roster, text: &str) -> ClassDebrief {
    let students = roster
        .seats()
        .map(|seat| {
            let d = Debrief::of_role(world, seat.role);
            let scored: Vec<_> = d.player_scores().collect();
            let mean = Debrief::mean_brier(scored.iter().copied());
            let bands = crate::debrief::calibration::bands(scored.iter().copied());
            StudentScore {
                name: seat.name.clone(),
                post: s.role_id(seat.role),
                station: station(s, seat.role),
                brier: mean.map(|(b, _, _)| b),
                scored: mean.map_or(0, |(_, n, _)| n),
                right: mean.map_or(0, |(_, _, r)| r),
                calibration: bands
                    .iter()
                    .map(|b| b.sentence())
                    .collect::<Vec<_>>()
                    .join("; "),
            }
        })
        .collect();
    ClassDebrief {
        students,
        text: text.to_string(),
        questions: s.questions.clone(),
    }
}
