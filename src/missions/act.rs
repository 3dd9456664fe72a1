//! What a station can do: call on a leader, answer an estimate request, settle a decision.
//! The player's commands and the rules for non-player stations both come through here.

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;

use super::reply::{estimate_cable, probability_text};
use super::{BusyUntil, Call, Calls, Estimates, Outbox, Rapport};
use crate::cables::Sent;
use crate::calendar::Calendar;
use crate::governments::{GovEntities, Stances};
use crate::requests::{Answer, Reply, RequestState, Requests};
use crate::rng::WorldRng;
use crate::scenario::{
    Effect, IssueId, MaterialId, PositionIx, PostId, RequestIx, RequestKind, Station, TelegramId,
    Whom,
};
use crate::stations::Stations;
use crate::transcript::{Entry, Transcript};
use crate::vocab::{ActiveScenario, CommandError};

#[derive(SystemParam)]
pub struct Diplomacy<'w, 's> {
    pub scenario: Res<'w, ActiveScenario>,
    pub calendar: ResMut<'w, Calendar>,
    pub rng: ResMut<'w, WorldRng>,
    pub requests: ResMut<'w, Requests>,
    pub transcript: ResMut<'w, Transcript>,
    stations: Res<'w, Stations>,
    governments: Res<'w, GovEntities>,
    stances: Query<'w, 's, &'static mut Stances>,
    posts: Query<
        'w,
        's,
        (
            &'static mut Rapport,
            &'static mut Estimates,
            &'static mut Outbox,
            &'static mut BusyUntil,
            &'static mut Calls,
        ),
    >,
    sent: MessageWriter<'w, Sent>,
}

impl Diplomacy<'_, '_> {
    /// The issue a call is about when the player does not say: that of the post's latest
    /// open estimate request, else the scenario's first issue.
    pub fn default_issue(&self, post: PostId) -> IssueId {
        self.requests
            .open
            .iter()
            .rev()
            .filter(|r| r.station == Station::Post(post))
            .find_map(|r| {
                self.scenario
                    .telegram(r.telegram)
                    .requests
                    .iter()
                    .find_map(|q| match q.kind {
                        RequestKind::Estimate { issue, .. } => Some(issue),
                        _ => None,
                    })
            })
            .unwrap_or(IssueId(0))
    }

    /// The mission calls on a leader of its host and presses the US case, perhaps showing
    /// material. The stance moves (or not), rapport is spent, and the mission learns.
    pub fn demarche(
        &mut self,
        post: PostId,
        whom: Whom,
        show: &[MaterialId],
        issue: IssueId,
        by_player: bool,
    ) -> Result<String, CommandError> {
        let scenario = self.scenario.0.clone();
        let now = self.calendar.now;
        let mission = scenario.mission(post);
        let host = scenario.government(mission.host);
        let leader = host
            .leader(mission.host, whom)
            .ok_or_else(|| CommandError::NoLeader {
                country: host.country.clone(),
                whom: whom_name(whom).to_string(),
            })?;
        let kind = match whom {
            Whom::Leader(g, ix) => role_kind(scenario.government(g).leaders[ix].role),
            w => w,
        };
        let rule = scenario
            .model
            .demarche_rule(kind)
            .ok_or(CommandError::NoDemarcheRule)?
            .clone();
        let entity = self.stations.entity(Station::Post(post));
        let (mut rapport, mut estimates, _, mut busy, mut calls) = self
            .posts
            .get_mut(entity)
            .map_err(|_| CommandError::Missing("post"))?;
        if busy.0 > now {
            return Err(CommandError::Busy(busy.0));
        }
        let materials: f64 = show
            .iter()
            .map(|m| scenario.materials[m.index()].push)
            .sum();
        let cost: f64 = rule.rapport_cost
            + show
                .iter()
                .map(|m| scenario.materials[m.index()].rapport_cost)
                .sum::<f64>();
        let push = (rule.push * (0.5 + rapport.0) + materials) * host.us_pressure;
        let noise = self.rng.normal() * push * 0.5;
        let issue_def = scenario.issue(issue);
        let mut stances = self
            .stances
            .get_mut(self.governments.0[mission.host.index()])
            .map_err(|_| CommandError::Missing("government"))?;
        let i = issue.index();
        stances.0[i] = issue_def.clamp(stances.0[i] + push + noise);
        rapport.0 = (rapport.0 - cost).max(0.0);
        busy.0 = now.plus_days(rule.days as i64);
        // A call teaches the mission something about every question it touches.
        for (k, estimate) in estimates.0.iter_mut().enumerate() {
            estimate.sd = (estimate.sd * (1.0 - rule.insight)).max(0.03);
            let truth = stances.0[k];
            estimate.mean = scenario.issues[k].clamp(truth + self.rng.normal() * estimate.sd);
        }
        calls.0.push(Call {
            at: now,
            whom,
            leader: format!("{} {}", leader.title, leader.name),
            shown: show.to_vec(),
            issue,
            by_player,
        });
        for r in self.requests.open.iter_mut() {
            let is_action = matches!(
                scenario.telegram(r.telegram).requests[r.request].kind,
                RequestKind::Action { .. }
            );
            if is_action && r.station == Station::Post(post) && r.state == RequestState::Open {
                r.state = RequestState::Done;
            }
        }
        let shown: Vec<&str> = show
            .iter()
            .map(|m| scenario.materials[m.index()].title.as_str())
            .collect();
        let summary = if shown.is_empty() {
            format!("{} saw {} {}", mission.chief, leader.title, leader.name)
        } else {
            format!(
                "{} saw {} {} and showed {}",
                mission.chief,
                leader.title,
                leader.name,
                shown.join("; ")
            )
        };
        self.transcript.push(Entry::Demarche {
            at: now,
            post,
            summary: summary.clone(),
        });
        Ok(summary)
    }

    /// Answers an open estimate request by return cable.
    pub fn reply_estimate(
        &mut self,
        post: PostId,
        telegram: TelegramId,
        request: RequestIx,
        position: PositionIx,
        probability: f64,
        text: &str,
        by_player: bool,
    ) -> Result<(), CommandError> {
        let scenario = self.scenario.0.clone();
        let now = self.calendar.now;
        let station = Station::Post(post);
        let open = self
            .requests
            .find_open(station, telegram, request)
            .ok_or_else(|| CommandError::NoOpenRequest {
                request: scenario.telegram(telegram).requests[request].id.clone(),
                series: crate::cables::series_name(scenario.telegram(telegram).series).into(),
            })?;
        let RequestKind::Estimate { positions, .. } =
            &scenario.telegram(telegram).requests[request].kind
        else {
            return Err(CommandError::NotAnEstimate);
        };
        if !positions.contains(&position) {
            return Err(CommandError::PositionNotAllowed);
        }
        if !(0.0..=1.0).contains(&probability) {
            return Err(CommandError::Probability(probability));
        }
        let entity = self.stations.entity(station);
        let (_, _, mut outbox, _, calls) = self
            .posts
            .get_mut(entity)
            .map_err(|_| CommandError::Missing("post"))?;
        let number = outbox.next_number;
        outbox.next_number += 1;
        let cable = estimate_cable(
            &scenario,
            post,
            number,
            (telegram, request),
            position,
            probability,
            text,
            &calls.0,
            now,
        );
        self.requests.open[open].state = RequestState::Done;
        self.requests.replies.push(Reply {
            from: station,
            telegram,
            request,
            at: now,
            answer: Answer::Estimate {
                position,
                probability: Some(probability),
            },
            by_player,
        });
        self.sent.write(Sent(cable));
        Ok(())
    }

    /// Settles a decision request of the Department; returns the option's effects.
    pub fn decide(
        &mut self,
        telegram: TelegramId,
        request: RequestIx,
        option: usize,
    ) -> Result<Vec<Effect>, CommandError> {
        let scenario = self.scenario.0.clone();
        let open = self
            .requests
            .find_open(Station::Department, telegram, request)
            .ok_or(CommandError::NoOpenDecision)?;
        let RequestKind::Decision { options, .. } =
            &scenario.telegram(telegram).requests[request].kind
        else {
            return Err(CommandError::NotADecision);
        };
        let chosen = options.get(option).ok_or(CommandError::NoSuchOption)?;
        self.requests.open[open].state = RequestState::Done;
        self.requests.replies.push(Reply {
            from: Station::Department,
            telegram,
            request,
            at: self.calendar.now,
            answer: Answer::Decision { option },
            by_player: false,
        });
        self.transcript.push(Entry::Decision {
            at: self.calendar.now,
            telegram,
            request,
            option,
            by_default: false,
        });
        Ok(chosen.effects.clone())
    }

    /// The mission's current estimate of its host on `issue`.
    pub fn estimate(&self, post: PostId, issue: IssueId) -> super::Estimate {
        let entity = self.stations.entity(Station::Post(post));
        self.posts
            .get(entity)
            .map(|(_, e, ..)| e.0[issue.index()])
            .unwrap_or(super::Estimate { mean: 0.0, sd: 1.0 })
    }

    /// A government's true stance (for the instructor, never the player).
    pub fn stance(&self, g: crate::scenario::GovId, issue: IssueId) -> f64 {
        self.stances
            .get(self.governments.0[g.index()])
            .map(|s| s.0[issue.index()])
            .unwrap_or(0.0)
    }

    pub fn busy_until(&self, post: PostId) -> crate::scenario::Moment {
        let entity = self.stations.entity(Station::Post(post));
        self.posts
            .get(entity)
            .map(|(_, _, _, b, _)| b.0)
            .unwrap_or(self.calendar.now)
    }

    pub fn probability_text(p: f64) -> String {
        probability_text(p)
    }
}

/// The kind of leader a named leader counts as for the démarche rules.
fn role_kind(role: crate::scenario::format::LeaderRole) -> Whom {
    use crate::scenario::format::LeaderRole::*;
    match role {
        HeadOfState | HeadOfGovernment => Whom::HeadOfState,
        Military => Whom::Military,
        ForeignMinister | Other => Whom::ForeignMinister,
    }
}

pub fn whom_name(whom: Whom) -> &'static str {
    match whom {
        Whom::HeadOfState => "head of state",
        Whom::ForeignMinister => "foreign minister",
        Whom::Military => "military leader",
        Whom::Leader(..) => "such leader",
    }
}
