//! What a station can do: call on a leader, answer an estimate request, settle a decision.
//! The player's commands and the rules for non-player stations both come through here.

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;

use super::memcon::{Conversation, Reception, fitting_line, memorandum};
use super::reply::{estimate_cable, probability_text};
use super::{BusyUntil, Call, Calls, Estimates, Outbox, Rapport};
use crate::cables::Sent;
use crate::calendar::Calendar;
use crate::governments::{GovEntities, Stances};
use crate::requests::{Answer, Reply, RequestState, Requests};
use crate::rng::WorldRng;
use crate::scenario::{
    Effect, IssueId, MaterialId, Moment, PositionIx, PostId, RequestIx, RequestKind, Scenario,
    Station, TelegramId, Unavailable, Whom,
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
    flags: Res<'w, crate::triggers::Flags>,
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

    /// Whether the post can call on `whom` now, and if not, why.
    pub fn can_call(&self, post: PostId, whom: Whom) -> Result<(), CommandError> {
        call_refused(
            &self.scenario.0,
            self.calendar.now,
            self.busy_until(post),
            post,
            whom,
        )
    }

    /// The mission calls on a leader of its host and presses the US case, perhaps showing
    /// material. He answers, from where he stands; the government moves (or, if he takes it
    /// badly, moves away); rapport is spent; and the post files a memorandum of the
    /// conversation, which is what the player reads.
    pub fn demarche(
        &mut self,
        post: PostId,
        whom: Whom,
        show: &[MaterialId],
        issue: IssueId,
        by_player: bool,
    ) -> Result<String, CommandError> {
        self.can_call(post, whom)?;
        let scenario = self.scenario.0.clone();
        let now = self.calendar.now;
        let mission = scenario.mission(post);
        let host = scenario.government(mission.host);
        let leader = host
            .leader(mission.host, whom, now)
            .ok_or(CommandError::Missing("leader"))?;
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
        let materials: f64 = show
            .iter()
            .map(|m| scenario.materials[m.index()].push)
            .sum();
        let mut cost: f64 = rule.rapport_cost
            + show
                .iter()
                .map(|m| scenario.materials[m.index()].rapport_cost)
                .sum::<f64>();
        // A chargé d'affaires carries less weight than the chief of mission.
        let standing = if mission.chief_gone(now) { 0.6 } else { 1.0 };
        let push = (rule.push * (0.5 + rapport.0) + materials)
            * host.us_pressure
            * leader.weight
            * standing;
        // Little standing left, and a heavy file pressed on him: he may take it badly.
        let risk = ((0.4 - rapport.0).max(0.0) * 1.2 + 0.04 * show.len() as f64).min(0.6);
        let reception = if self.rng.chance(risk) {
            Reception::Backfired
        } else if rapport.0 < 0.35 {
            Reception::Cool
        } else if rapport.0 >= 0.6 {
            Reception::Warm
        } else {
            Reception::Correct
        };
        let carried = match reception {
            Reception::Warm => 1.0,
            Reception::Correct => 0.8,
            Reception::Cool => 0.4,
            Reception::Backfired => -0.6,
        };
        if reception == Reception::Backfired {
            cost *= 2.0;
        }
        let noise = self.rng.normal() * push * 0.3;
        let issue_def = scenario.issue(issue);
        let mut stances = self
            .stances
            .get_mut(self.governments.0[mission.host.index()])
            .map_err(|_| CommandError::Missing("government"))?;
        let i = issue.index();
        stances.0[i] = issue_def.clamp(stances.0[i] + push * carried + noise);
        rapport.0 = (rapport.0 - cost).max(0.0);
        busy.0 = now.plus_days(rule.days as i64);
        // He speaks from where he stands himself, and the less he trusts the caller, the
        // less his words tell.
        let guarded = matches!(reception, Reception::Cool | Reception::Backfired);
        let blur = mission.noise * if guarded { 1.2 } else { 0.5 };
        let voiced = issue_def.clamp(stances.0[i] + leader.lean[i] + self.rng.normal() * blur);
        let heard = issue_def.position_of(voiced);
        // What he said is what the mission now believes; a call also teaches it something
        // about the other questions.
        for (k, estimate) in estimates.0.iter_mut().enumerate() {
            estimate.sd = (estimate.sd * (1.0 - rule.insight)).max(0.03);
            estimate.mean = if k == i {
                voiced
            } else {
                scenario.issues[k].clamp(stances.0[k] + self.rng.normal() * estimate.sd)
            };
        }
        let line = fitting_line(leader, issue, heard, |f| {
            self.flags.0.get(f.index()).copied().unwrap_or(false)
        });
        let caller = mission.caller(now);
        let conversation = Conversation {
            scenario: &scenario,
            post,
            caller: &caller,
            leader,
            issue,
            heard,
            guarded,
            line,
            shown: show,
            reception,
            at: now,
            number: calls.0.len() as u32 + 1,
        };
        let memo = memorandum(&conversation);
        let said = super::memcon::paragraphs(&conversation)
            .get(1)
            .cloned()
            .unwrap_or_default();
        calls.0.push(Call {
            at: now,
            whom,
            leader: leader.styled(),
            shown: show.to_vec(),
            issue,
            by_player,
            heard: Some(heard),
            reception: Some(reception),
            said,
            asks: line.and_then(|l| l.asks.clone()),
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
        let summary = format!(
            "{} saw {}; {}",
            mission.signer(now),
            leader.styled(),
            reception_words(reception)
        );
        self.transcript.push(Entry::Demarche {
            at: now,
            post,
            summary: summary.clone(),
        });
        self.sent.write(Sent(memo));
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
            vote,
            count,
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

/// How a call went, in a word for the log; the memorandum tells it in full.
fn reception_words(r: Reception) -> &'static str {
    match r {
        Reception::Warm => "a cordial conversation (memorandum filed)",
        Reception::Correct => "a correct conversation (memorandum filed)",
        Reception::Cool => "he was cool and ended the meeting early (memorandum filed)",
        Reception::Backfired => "he took the representations badly (memorandum filed)",
    }
}

/// Why a call cannot be made now, if it cannot: asked before the player fills in the form,
/// and again when the call is made.
pub fn call_refused(
    scenario: &Scenario,
    now: Moment,
    busy: Moment,
    post: PostId,
    whom: Whom,
) -> Result<(), CommandError> {
    let mission = scenario.mission(post);
    let host = scenario.government(mission.host);
    let leader = host
        .leader(mission.host, whom, now)
        .ok_or_else(|| CommandError::NoLeader {
            country: host.country.clone(),
            whom: whom_name(whom).to_string(),
        })?;
    leader
        .available(now)
        .map_err(|why| CommandError::Unavailable {
            leader: leader.styled(),
            why: match why {
                Unavailable::NotYet(from) => format!("he takes office on {}", from.long_date()),
                Unavailable::Left(until) => format!("he left office on {}", until.long_date()),
                Unavailable::Away { at, until } => {
                    format!("he is in {at} until {}", until.long_date())
                }
            },
        })?;
    let (opens, closes) = (scenario.model.office_opens, scenario.model.office_closes);
    if now.hour() < opens || now.hour() >= closes {
        return Err(CommandError::OutOfHours {
            at: now,
            opens,
            closes,
        });
    }
    if busy > now {
        return Err(CommandError::Busy(busy));
    }
    Ok(())
}

/// The same check, on a world: what the forms ask before the player fills them in.
pub fn can_call(world: &World, post: PostId, whom: Whom) -> Result<(), CommandError> {
    let scenario = &world.resource::<ActiveScenario>().0;
    let now = world.resource::<Calendar>().now;
    let entity = world.resource::<Stations>().entity(Station::Post(post));
    let busy = world.get::<BusyUntil>(entity).map(|b| b.0).unwrap_or(now);
    call_refused(scenario, now, busy, post, whom)
}
