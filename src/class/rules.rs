//! What a page's asks mean as commands of the game: a student's as their post's, the
//! instructor's as the clock's and the instructor's. The game resolves the names, as it does
//! a single player's; what is checked here is what only a class has (a probability typed on
//! a page, the pace, the projector).

use std::fmt::Write;

use bevy::prelude::World;

use super::console::ConsoleView;
use super::protocol::{Ask, Clock, Segment};
use crate::command::{Action, Step, resolve};
use crate::debrief::export::Format;
use crate::instructor::Instruct;
use crate::scenario::format::RawWhom;
use crate::scenario::{GovId, IssueId, RequestKind, Role, Scenario};

/// The most game hours a minute of pace may run: a week.
pub const MAX_PACE: f64 = 168.0;

/// A student's ask as the command of their post.
pub(super) fn action(ask: Ask) -> Result<Action, String> {
    Ok(match ask {
        Ask::Reply {
            telegram,
            request,
            position,
            probability,
            text,
            ..
        } => Action::Reply {
            telegram,
            request,
            position,
            probability: probability_of(probability)?,
            text,
        },
        Ask::Call {
            see,
            show,
            issue,
            post,
            ..
        } => Action::Demarche {
            see: whom(&see),
            show,
            issue,
            post,
        },
        Ask::Recommend {
            vote, press, text, ..
        } => Action::Recommend { vote, press, text },
        Ask::Decide {
            telegram,
            request,
            option,
            ..
        } => Action::Decide {
            telegram,
            request,
            option,
        },
        _ => return Err("that is the instructor's to do".into()),
    })
}

fn probability_of(p: f64) -> Result<f64, String> {
    if p.is_finite() && (0.0..=1.0).contains(&p) {
        Ok(p)
    } else {
        Err(format!(
            "a probability from 0 to 1 (0% to 100%) was expected, not {p}"
        ))
    }
}

fn whom(see: &str) -> RawWhom {
    match see {
        "HeadOfState" => RawWhom::HeadOfState,
        "ForeignMinister" => RawWhom::ForeignMinister,
        "Military" => RawWhom::Military,
        id => RawWhom::Leader(id.to_string()),
    }
}

/// What an instructor's ask does.
pub(super) enum Instruction {
    /// A command of the game: the clock, or the instructor's.
    Act(Action),
    Pace(f64),
    Projector(IssueId),
    Reveal(GovId, IssueId),
}

pub(super) fn instruction(s: &Scenario, ask: Ask) -> Result<Instruction, String> {
    Ok(Instruction::Act(match ask {
        Ask::Clock { what, hours, .. } => match what {
            Clock::Pause => Action::Instruct(Instruct::Pause),
            Clock::Resume => Action::Instruct(Instruct::Resume),
            Clock::Morning => Action::Advance(Step::Day),
            // The next item on the class's agenda: the next cable to reach a student.
            Clock::Agenda => Action::Advance(Step::NextCable),
            Clock::Pace => {
                let pace = hours.unwrap_or(0.0);
                if !(pace.is_finite() && (0.0..=MAX_PACE).contains(&pace)) {
                    return Err(format!(
                        "a pace from 0 to {MAX_PACE} game hours a minute was expected, not {pace}"
                    ));
                }
                return Ok(Instruction::Pace(pace));
            }
        },
        Ask::Inject { telegram, .. } => Action::Instruct(Instruct::Inject { telegram }),
        Ask::Move {
            government,
            issue,
            to,
            ..
        } => Action::Instruct(Instruct::MoveStance {
            government,
            issue,
            to,
        }),
        Ask::Reveal {
            government, issue, ..
        } => {
            let g = resolve::government(s, &government).map_err(|e| e.to_string())?;
            let i = resolve::issue(s, &issue).map_err(|e| e.to_string())?;
            return Ok(Instruction::Reveal(g, i));
        }
        Ask::Projector { issue } => {
            let i = resolve::issue(s, &issue).map_err(|e| e.to_string())?;
            return Ok(Instruction::Projector(i));
        }
        _ => return Err("that is a student's to do".into()),
    }))
}

/// A student's refusal, worded for them: a name the game does not know gets no list of the
/// scenario's names, which would tell of telegrams not yet sent and of other posts' traffic.
pub(super) fn refusal_to(role: Role, error: crate::command::CommandError) -> String {
    let crate::command::CommandError::Unknown(unknown) = error else {
        return error.to_string();
    };
    let whose = match role {
        Role::Post(_) => "your post",
        Role::Department => "the Department",
    };
    format!("no {} `{}` has reached {whose}", unknown.what, unknown.name)
}

/// The return cable a reply of `role` would be, as it would go now.
pub(super) fn preview(world: &World, role: Role, ask: &Ask) -> Result<Vec<Segment>, String> {
    let Ask::Preview {
        telegram,
        request,
        position,
        probability,
        text,
    } = ask
    else {
        return Err("not a preview".into());
    };
    let s = crate::views::scenario(world);
    let (post, t, r, p) =
        resolve::reply(s, role, telegram, request, position).map_err(|e| refusal_to(role, e))?;
    // Only a request waiting for this post, and one of the positions it offers: a preview
    // shows no other post's paragraph, and no telegram not yet sent.
    let station = role.station();
    let open = world
        .resource::<crate::requests::Requests>()
        .open_for(station)
        .any(|o| o.telegram == t && o.request == r);
    let offered = match &s.telegram(t).requests[r].kind {
        RequestKind::Estimate { positions, .. } => positions.contains(&p),
        _ => false,
    };
    if !open {
        return Err("no such request is waiting for your post".into());
    }
    if !offered {
        return Err(format!(
            "`{position}` is not one of the positions this request offers"
        ));
    }
    let cable =
        crate::views::preview_reply(world, post, (t, r), p, probability_of(*probability)?, text);
    Ok(super::view::segments(&crate::cables::render(s, &cable)))
}

/// The class report: the class's scores, then the debrief of the game as the single-player
/// report writes it.
pub(super) fn report(
    world: &World,
    console: &ConsoleView,
    format: Format,
) -> Result<String, String> {
    let game = crate::debrief::export::export(world, format, None)?.text;
    let mut rows = String::new();
    let students = console.debrief.as_ref().map(|d| d.students.as_slice());
    let roster_only: Vec<_>;
    let lines: Vec<(String, String, String, usize, usize, String)> = match students {
        Some(list) => list
            .iter()
            .map(|s| {
                (
                    s.name.clone(),
                    s.station.clone(),
                    s.brier.map_or("-".into(), |b| format!("{b:.3}")),
                    s.scored,
                    s.right,
                    s.calibration.clone(),
                )
            })
            .collect(),
        None => {
            roster_only = console.roster.clone();
            roster_only
                .iter()
                .map(|r| {
                    (
                        r.name.clone(),
                        r.station.clone(),
                        "-".into(),
                        0,
                        0,
                        "the game is not over".into(),
                    )
                })
                .collect()
        }
    };
    match format {
        Format::Md => {
            let _ = writeln!(rows, "# Class report: {}\n", console.title);
            let _ = writeln!(rows, "At {}; {} students.\n", console.now, lines.len());
            rows.push_str("| student | post | Brier | scored | right | calibration |\n| --- | --- | --- | --- | --- | --- |\n");
            for (name, station, brier, n, right, cal) in &lines {
                let _ = writeln!(
                    rows,
                    "| {} | {} | {brier} | {n} | {right} | {} |",
                    md(name),
                    md(station),
                    md(cal)
                );
            }
            rows.push('\n');
            Ok(format!("{rows}{game}"))
        }
        Format::Html => {
            let e = crate::debrief::export::html_escape;
            let _ = write!(
                rows,
                "<h1>Class report: {}</h1>\n<p>At {}; {} students.</p>\n<table>\n<tr><th>student</th><th>post</th><th>Brier</th><th>scored</th><th>right</th><th>calibration</th></tr>\n",
                e(&console.title),
                e(&console.now),
                lines.len()
            );
            for (name, station, brier, n, right, cal) in &lines {
                let _ = writeln!(
                    rows,
                    "<tr><td>{}</td><td>{}</td><td>{brier}</td><td>{n}</td><td>{right}</td><td>{}</td></tr>",
                    e(name),
                    e(station),
                    e(cal)
                );
            }
            rows.push_str("</table>\n");
            Ok(game.replacen("<body>\n", &format!("<body>\n{rows}"), 1))
        }
    }
}

/// A cell of a Markdown table: a student's name cannot break the table or add markup.
fn md(text: &str) -> String {
    text.chars()
        .flat_map(|c| match c {
            '|' | '\\' | '*' | '_' | '`' | '<' | '>' | '[' | ']' => vec!['\\', c],
            '\n' | '\r' => vec![' '],
            c => vec![c],
        })
        .collect()
}
