//! The player's commands: data, dated, and the only way input changes the world.

use std::collections::VecDeque;

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use crate::cables::Traffic;
use crate::calendar::Until;
use crate::effects::apply_all;
use crate::instructor::{Instruct, Now, Order, Paused};
use crate::missions::Diplomacy;
use crate::scenario::format::RawWhom;
use crate::scenario::{Moment, PostId, RequestKind, Role, Scenario, TelegramId, Whom};
use crate::sim::{Setup, SimSet};
use crate::transcript::Entry;

/// One input of the player, with the game date it was given.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Command {
    pub at: Moment,
    #[serde(rename = "do")]
    pub action: Action,
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
pub struct CommandResults(pub Vec<Result<String, String>>);

pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<CommandQueue>()
        .init_resource::<CommandLog>()
        .init_resource::<CommandResults>()
        .add_systems(Update, apply.in_set(SimSet::Commands));
}

#[allow(clippy::too_many_arguments)]
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
        let result = match &command.action {
            Action::Advance(_) if paused.0 => {
                Err("the instructor has paused the game; time cannot run until they resume".into())
            }
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
            } => resolve_reply(&scenario, setup.role, telegram, request, position).and_then(
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
            } => resolve_demarche(
                &scenario,
                setup.role,
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
                if setup.role != Role::Department {
                    Err("only the Department decides; a post answers with a reply".into())
                } else {
                    resolve_decision(&scenario, telegram, request, option).and_then(|(t, r, o)| {
                        let effects = d.decide(t, r, o)?;
                        apply_all(&mut commands, &effects);
                        Ok(describe(&scenario, &command.action))
                    })
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
                        Order::Effects(effects) => apply_all(&mut commands, &effects),
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
                    role: setup.role,
                    summary: summary.clone(),
                });
            }
            log.0.push(command);
        }
        results.0.push(result);
    }
}

fn describe(scenario: &Scenario, action: &Action) -> String {
    match action {
        Action::Advance(Step::Day) => "advance to the next day".into(),
        Action::Advance(Step::NextCable) => "advance to the next cable".into(),
        Action::Advance(Step::Until(m)) => format!("advance to {m}"),
        Action::Reply {
            telegram,
            request,
            position,
            probability,
            ..
        } => format!(
            "reply to {telegram} ({request}): {position}, {:.0}%",
            probability * 100.0
        ),
        Action::Decide {
            telegram,
            request,
            option,
        } => format!("decide {telegram} ({request}): {option}"),
        Action::Demarche { .. } => format!("démarche ({})", scenario.id),
        Action::Instruct(i) => format!("instructor: {i:?}"),
    }
}

fn telegram_by_name(scenario: &Scenario, name: &str) -> Result<TelegramId, String> {
    scenario
        .telegrams
        .iter()
        .position(|t| t.id == name)
        .map(|i| TelegramId(i as u32))
        .ok_or_else(|| format!("no telegram `{name}` in this scenario"))
}

fn request_by_name(scenario: &Scenario, t: TelegramId, name: &str) -> Result<usize, String> {
    scenario
        .telegram(t)
        .requests
        .iter()
        .position(|r| r.id.eq_ignore_ascii_case(name))
        .ok_or_else(|| format!("{} has no request ({name})", scenario.telegram(t).id))
}

fn resolve_reply(
    scenario: &Scenario,
    role: Role,
    telegram: &str,
    request: &str,
    position: &str,
) -> Result<(PostId, TelegramId, usize, usize), String> {
    let Role::Post(post) = role else {
        return Err("the Department receives estimates; it does not send them".into());
    };
    let t = telegram_by_name(scenario, telegram)?;
    let r = request_by_name(scenario, t, request)?;
    let RequestKind::Estimate { issue, .. } = &scenario.telegram(t).requests[r].kind else {
        return Err(format!(
            "request ({request}) asks for action: make a démarche instead"
        ));
    };
    let positions = &scenario.issue(*issue).positions;
    let p = positions
        .iter()
        .position(|p| p.id == position)
        .ok_or_else(|| {
            let ids: Vec<&str> = positions.iter().map(|p| p.id.as_str()).collect();
            format!(
                "no position `{position}`; expected one of: {}",
                ids.join(", ")
            )
        })?;
    Ok((post, t, r, p))
}

type DemarcheArgs = (
    PostId,
    Whom,
    Vec<crate::scenario::MaterialId>,
    Option<crate::scenario::IssueId>,
);

fn resolve_demarche(
    scenario: &Scenario,
    role: Role,
    see: &RawWhom,
    show: &[String],
    issue: Option<&str>,
    post: Option<&str>,
) -> Result<DemarcheArgs, String> {
    let post = match (role, post) {
        (Role::Post(p), None) => p,
        (Role::Post(p), Some(name)) if scenario.mission(p).id == name => p,
        (Role::Post(_), Some(_)) => {
            return Err("a mission can only call on its own host government".into());
        }
        (Role::Department, Some(name)) => scenario
            .post_by_name(name)
            .ok_or_else(|| format!("no post `{name}` in this scenario"))?,
        (Role::Department, None) => return Err("name the post to instruct".into()),
    };
    let host = scenario.mission(post).host;
    let whom = match see {
        RawWhom::HeadOfState => Whom::HeadOfState,
        RawWhom::ForeignMinister => Whom::ForeignMinister,
        RawWhom::Military => Whom::Military,
        RawWhom::Leader(id) => {
            let ix = scenario
                .government(host)
                .leaders
                .iter()
                .position(|l| &l.id == id)
                .ok_or_else(|| {
                    format!("no leader `{id}` in {}", scenario.government(host).country)
                })?;
            Whom::Leader(host, ix)
        }
    };
    let show = show
        .iter()
        .map(|m| {
            scenario
                .materials
                .iter()
                .position(|x| &x.id == m)
                .map(|i| crate::scenario::MaterialId(i as u32))
                .ok_or_else(|| format!("no material `{m}` in this scenario"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let issue = issue
        .map(|i| {
            scenario
                .issues
                .iter()
                .position(|x| x.id == i)
                .map(|ix| crate::scenario::IssueId(ix as u32))
                .ok_or_else(|| format!("no issue `{i}` in this scenario"))
        })
        .transpose()?;
    Ok((post, whom, show, issue))
}

fn resolve_decision(
    scenario: &Scenario,
    telegram: &str,
    request: &str,
    option: &str,
) -> Result<(TelegramId, usize, usize), String> {
    let t = telegram_by_name(scenario, telegram)?;
    let r = request_by_name(scenario, t, request)?;
    let RequestKind::Decision { options, .. } = &scenario.telegram(t).requests[r].kind else {
        return Err("that request is not a decision".into());
    };
    let o = options
        .iter()
        .position(|o| o.id == option)
        .ok_or_else(|| format!("no option `{option}`"))?;
    Ok((t, r, o))
}
