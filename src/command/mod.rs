//! The player's commands: data, dated, and the only way input changes the world.

pub mod resolve;

pub use crate::vocab::{Approacher, CommandError};

use std::collections::VecDeque;

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use crate::cables::Traffic;
use crate::calendar::Until;
use crate::effects::apply_all;
use crate::instructor::{Instruct, Now, Order, Paused};
use crate::missions::Diplomacy;
use crate::saved::SavedApp;
use crate::scenario::format::RawWhom;
use crate::scenario::{Moment, Role, Scenario};
use crate::transcript::Entry;
use crate::vocab::{Setup, SimSet};

/// One input of the player, with the game date it was given.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Command {
    pub at: Moment,
    /// Who gave it, in a class: the role (a post id or `department`) and the person's name.
    /// A single player's commands name nobody: they are the setup's role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<By>,
    #[serde(rename = "do")]
    pub action: Action,
}

/// Who gave a command in a class.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct By {
    /// A post id or `department`.
    pub role: String,
    /// The student's name, as they gave it when joining.
    pub name: String,
}

impl Command {
    /// A single player's command.
    pub fn new(at: Moment, action: Action) -> Command {
        Command {
            at,
            by: None,
            action,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Action {
    /// Answer an estimate request by return cable.
    Reply {
        telegram: String,
        request: String,
        position: String,
        /// The player's probability that the position is right.
        probability: f64,
        #[serde(default)]
        text: String,
    },
    /// Call on a leader of the host government. The Department names the post it instructs.
    Demarche {
        see: RawWhom,
        #[serde(default)]
        show: Vec<String>,
        #[serde(default)]
        issue: Option<String>,
        #[serde(default)]
        post: Option<String>,
    },
    /// Settle a decision request (the Department).
    Decide {
        telegram: String,
        request: String,
        option: String,
    },
    /// A high-level approach by the Department (a call by the Secretary on the Foreign
    /// Minister, a letter from the President to the head of state), of which it has few.
    Approach {
        government: String,
        by: Approacher,
        #[serde(default)]
        issue: Option<String>,
    },
    /// A post's recommendation of its own: that the Department press a coming vote, or not.
    Recommend {
        vote: String,
        press: bool,
        #[serde(default)]
        text: String,
    },
    /// Let time run.
    Advance(Step),
    /// The instructor's commands (`--instructor`).
    Instruct(Instruct),
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Step {
    /// To the next morning.
    Day,
    /// Until the next cable reaches the player.
    NextCable,
    /// To a moment.
    Until(Moment),
}

/// Commands waiting for the next tick.
#[derive(Resource, Default, Debug)]
pub struct CommandQueue(pub VecDeque<Command>);

/// Every command accepted, in order: with the scenario and seed, the whole game.
#[derive(Resource, Default, Debug, serde::Serialize, serde::Deserialize)]
pub struct CommandLog(pub Vec<Command>);

/// What became of each command of the last tick: a summary, or why it was refused.
#[derive(Resource, Default, Debug)]
pub struct CommandResults(pub Vec<Result<String, CommandError>>);

pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<CommandQueue>()
        .init_resource::<CommandLog>()
        .saved_resource::<CommandLog>("commands")
        .init_resource::<CommandResults>()
        .add_systems(Update, apply.in_set(SimSet::Commands));
}

fn apply(
    mut queue: ResMut<CommandQueue>,
    mut log: ResMut<CommandLog>,
    mut results: ResMut<CommandResults>,
    setup: Res<Setup>,
    traffic: Res<Traffic>,
    mut paused: ResMut<Paused>,
    mut d: Diplomacy,
    mut commands: Commands,
) {
    results.0.clear();
    while let Some(command) = queue.0.pop_front() {
        let scenario = d.scenario.0.clone();
        let role = match &command.by {
            None => Ok(setup.role),
            Some(by) => scenario
                .role_by_name(&by.role)
                .map_err(|e| CommandError::NotYours(e.to_string())),
        };
        let role = match role {
            Ok(role) => role,
            Err(e) => {
                results.0.push(Err(e));
                continue;
            }
        };
        let result = match &command.action {
            Action::Advance(_) if paused.0 => Err(CommandError::Paused),
            Action::Advance(step) => {
                let now = d.calendar.now;
                d.calendar.until = Some(match step {
                    Step::Day => {
                        Until::Moment(now.plus_days(1).at_hour(scenario.model.office_opens))
                    }
                    Step::NextCable => Until::NextCable,
                    Step::Until(m) => Until::Moment(*m),
                });
                Ok(describe(&scenario, &command.action))
            }
            Action::Reply {
                telegram,
                request,
                position,
                probability,
                text,
            } => resolve::reply(&scenario, role, telegram, request, position).and_then(
                |(post, t, r, p)| {
                    d.reply_estimate(post, t, r, p, *probability, text, true)
                        .map(|_| describe(&scenario, &command.action))
                },
            ),
            Action::Demarche {
                see,
                show,
                issue,
                post,
            } => resolve::demarche(
                &scenario,
                role,
                see,
                show,
                issue.as_deref(),
                post.as_deref(),
            )
            .and_then(|(post, whom, show, issue)| {
                let issue = issue.unwrap_or_else(|| d.default_issue(post));
                d.demarche(post, whom, &show, issue, true)
            }),
            Action::Decide {
                telegram,
                request,
                option,
            } => {
                if role != Role::Department {
                    Err(CommandError::OnlyTheDepartmentDecides)
                } else {
                    resolve::decision(&scenario, telegram, request, option).and_then(|(t, r, o)| {
                        let effects = d.decide(t, r, o)?;
                        let label = scenario.telegram(t).option_label(r, o).to_string();
                        apply_all(&mut commands, &effects, &label);
                        Ok(describe(&scenario, &command.action))
                    })
                }
            }
            Action::Recommend { vote, press, text } => match role {
                Role::Department => Err(CommandError::OnlyPostsRecommend),
                Role::Post(post) => resolve::vote(&scenario, vote).and_then(|v| {
                    d.recommend(post, v, *press, text, true)?;
                    Ok(format!(
                        "recommend {} {}",
                        if *press {
                            "pressing for"
                        } else {
                            "not pressing for"
                        },
                        scenario.vote(v).title
                    ))
                }),
            },
            Action::Approach {
                government,
                by,
                issue,
            } => {
                if role != Role::Department {
                    Err(CommandError::OnlyTheDepartmentApproaches)
                } else {
                    resolve::approach(&scenario, government, issue.as_deref())
                        .and_then(|(g, i)| d.approach(g, *by, i))
                }
            }
            Action::Instruct(instruct) => {
                let now = Now {
                    sent: &traffic.sent_telegrams,
                    paused: paused.0,
                    stance: &|g, i| d.stance(g, i),
                };
                crate::instructor::resolve(&scenario, instruct, &now).map(|(order, summary)| {
                    match order {
                        Order::Effects(effects) => {
                            apply_all(&mut commands, &effects, crate::governments::INSTRUCTOR)
                        }
                        Order::Pause(p) => paused.0 = p,
                    }
                    summary
                })
            }
        };
        // Time moves show in the transcript's dates; only what the player did is an entry.
        if let Ok(summary) = &result {
            if let Action::Instruct(_) = command.action {
                d.transcript.push(Entry::Instructor {
                    at: command.at,
                    summary: summary.clone(),
                });
            } else if !matches!(command.action, Action::Advance(_)) {
                d.transcript.push(Entry::Command {
                    at: command.at,
                    role,
                    summary: summary.clone(),
                });
            }
            log.0.push(command);
        }
        results.0.push(result);
    }
}

impl Action {
    /// What kind of command this is, as `replay` names it: "advance", "reply to x (a)".
    pub fn kind(&self) -> String {
        match self {
            Action::Advance(_) => "advance".into(),
            Action::Reply {
                telegram, request, ..
            } => format!("reply to {telegram} ({request})"),
            Action::Demarche { .. } => "démarche".into(),
            Action::Approach { government, .. } => format!("approach to {government}"),
            Action::Recommend { vote, .. } => format!("recommendation on {vote}"),
            Action::Decide { telegram, .. } => format!("decision on {telegram}"),
            Action::Instruct(i) => format!("the instructor's {i:?}"),
        }
    }
}

fn describe(scenario: &Scenario, action: &Action) -> String {
    match action {
        Action::Advance(Step::Day) => "advance to the next day".into(),
        Action::Advance(Step::NextCable) => "advance to the next cable".into(),
        Action::Advance(Step::Until(m)) => format!("advance to {m}"),
        // Described once resolved, so named as the player reads them, not by their ids.
        Action::Reply {
            telegram,
            request,
            position,
            probability,
            ..
        } => match cited(scenario, telegram, request) {
            Some((t, r, name)) => {
                let label = match &t.requests[r].kind {
                    crate::scenario::RequestKind::Estimate { issue, .. } => scenario
                        .issue(*issue)
                        .positions
                        .iter()
                        .find(|p| p.id == *position)
                        .map(|p| p.label.clone()),
                    _ => None,
                };
                format!(
                    "reply to {name}: {}, {:.0}%",
                    label.unwrap_or_else(|| position.clone()),
                    probability * 100.0
                )
            }
            None => format!("reply to {telegram} ({request})"),
        },
        Action::Decide {
            telegram,
            request,
            option,
        } => match cited(scenario, telegram, request) {
            Some((t, r, name)) => {
                let label = match &t.requests[r].kind {
                    crate::scenario::RequestKind::Decision { options, .. } => options
                        .iter()
                        .find(|o| o.id == *option)
                        .map(|o| o.label.clone()),
                    _ => None,
                };
                format!("decide {name}: {}", label.unwrap_or_else(|| option.clone()))
            }
            None => format!("decide {telegram} ({request})"),
        },
        Action::Demarche { .. } => format!("démarche ({})", scenario.id),
        Action::Approach { government, by, .. } => format!("approach to {government} ({by:?})"),
        Action::Recommend { vote, .. } => format!("recommendation on {vote}"),
        Action::Instruct(i) => format!("instructor: {i:?}"),
    }
}

/// A telegram's request named by its ids, as the player cites it: "DEPTCIRTEL 47, paragraph (A)".
fn cited<'s>(
    scenario: &'s Scenario,
    telegram: &str,
    request: &str,
) -> Option<(&'s crate::scenario::Telegram, usize, String)> {
    let t = scenario.telegrams.iter().find(|t| t.id == telegram)?;
    let r = t.requests.iter().position(|q| q.id == request)?;
    Some((t, r, t.request_cited(r)))
}
