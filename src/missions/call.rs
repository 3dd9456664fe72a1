//! A call on a leader: whether it can be made now, and what it comes to. The leader
//! answers from where he stands, the government moves (or moves away), rapport is spent,
//! and the post files a memorandum of the conversation.

use bevy::prelude::*;

use super::memcon::{Conversation, Reception, fitting_line, memorandum};
use super::{BusyUntil, Call, Diplomacy};
use crate::cables::Sent;
use crate::calendar::Calendar;
use crate::requests::RequestState;
use crate::scenario::{
    IssueId, MaterialId, Moment, PostId, RequestKind, Scenario, Station, Unavailable, Whom,
};
use crate::stations::Stations;
use crate::transcript::Entry;
use crate::vocab::{ActiveScenario, CommandError};

impl Diplomacy<'_, '_> {
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
        // The standing that counts is with the man called on.
        let ix = host
            .leaders
            .iter()
            .position(|l| l.id == leader.id)
            .unwrap_or(0);
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
        let with = self.standings.with(post, ix, rapport.0);
        let push =
            (rule.push * (0.5 + with) + materials) * host.us_pressure * leader.weight * standing;
        let reception = Reception::draw(&mut self.rng, with, show.len());
        // A head of government persuaded in a good conversation instructs his Foreign
        // Minister to vote as he decides, not as the Minister thinks.
        if kind == Whom::HeadOfState && matches!(reception, Reception::Warm | Reception::Correct) {
            self.instructed.set(mission.host);
        }
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
        let before = stances.0[i];
        stances.0[i] = issue_def.clamp(before + push * reception.carried() + noise);
        self.drivers.add(
            mission.host,
            issue,
            crate::governments::US_REPRESENTATIONS,
            stances.0[i] - before,
        );
        rapport.0 = self
            .standings
            .change(post, (ix, host.leaders.len()), -cost, rapport.0);
        busy.0 = now.plus_days(rule.days as i64);
        // He speaks from where he stands himself, and the less he trusts the caller, the
        // less his words tell.
        let blur = mission.noise * if reception.guarded() { 1.2 } else { 0.5 };
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
            line,
            shown: show,
            reception,
            at: now,
            number: calls.0.len() as u32 + 1,
        };
        let memo = memorandum(&conversation);
        let said = super::memcon::said(&conversation);
        calls.0.push(Call {
            at: now,
            whom,
            leader: leader.styled(),
            shown: show.to_vec(),
            issue,
            by_player,
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
            reception.in_a_word()
        );
        self.transcript.push(Entry::Demarche {
            at: now,
            post,
            summary: summary.clone(),
        });
        self.sent.write(Sent(memo));
        Ok(summary)
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
    if !scenario.model.office_open(now) {
        return Err(CommandError::OutOfHours {
            at: now,
            opens: scenario.model.office_opens,
            closes: scenario.model.office_closes,
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
