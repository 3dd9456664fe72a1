//! What a station can do: answer an estimate request, settle a decision (and, in
//! [`super::call`], call on a leader). The player's commands and the rules for non-player
//! stations both come through here.

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;

use super::reply::{estimate_cable, probability_text};
use super::{BusyUntil, Calls, Estimates, Outbox, Rapport};
use crate::cables::Sent;
use crate::calendar::Calendar;
use crate::governments::{GovEntities, Stances};
use crate::requests::{Answer, Reply, RequestState, Requests};
use crate::rng::WorldRng;
use crate::scenario::{
    Effect, IssueId, PositionIx, PostId, RequestIx, RequestKind, Station, TelegramId,
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
    pub(super) stations: Res<'w, Stations>,
    pub(super) flags: Res<'w, crate::triggers::Flags>,
    pub(super) governments: Res<'w, GovEntities>,
    pub(super) drivers: ResMut<'w, crate::governments::Drivers>,
    pub(super) instructed: ResMut<'w, crate::governments::Instructed>,
    pub(super) approaches: ResMut<'w, super::approach::Approaches>,
    pub recommendations: ResMut<'w, super::recommend::Recommendations>,
    pub(super) votes: Res<'w, crate::votes::VoteLog>,
    pub(super) stances: Query<'w, 's, &'static mut Stances>,
    pub(super) posts: Query<
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
    pub(super) standings: ResMut<'w, super::Standings>,
    pub(super) sent: MessageWriter<'w, Sent>,
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

    /// The Department's instruction on a decision it took from its count of a vote: what
    /// it counted, whom, and what it chose.
    pub fn instruct(
        &mut self,
        telegram: TelegramId,
        request: RequestIx,
        option: usize,
        vote: crate::scenario::VoteId,
        count: &crate::votes::count::Count,
    ) {
        let scenario = self.scenario.0.clone();
        let number = 200 + self.requests.replies.len() as u32;
        let cable = super::reply::instruction_cable(
            &scenario,
            (telegram, request),
            option,
            (vote, count, self.recommendations.tally(vote)),
            number,
            self.calendar.now,
        );
        self.sent.write(Sent(cable));
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
