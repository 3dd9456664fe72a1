//! Requests held open until a reply arrives; defaults applied at deadlines.

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use crate::cables::{Archive, Delivered};
use crate::calendar::{Agenda, Calendar};
use crate::effects::apply_all;
use crate::saved::SavedApp;
use crate::scenario::{Moment, PositionIx, RequestIx, RequestKind, Role, Station, TelegramId};
use crate::transcript::{Entry, Transcript};
use crate::vocab::{ActiveScenario, SimSet};

/// Every request a station has received, and every answer given.
#[derive(Resource, Default, Debug, serde::Serialize, serde::Deserialize)]
pub struct Requests {
    pub open: Vec<OpenRequest>,
    pub replies: Vec<Reply>,
}

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct OpenRequest {
    pub telegram: TelegramId,
    pub request: RequestIx,
    pub station: Station,
    pub received: Moment,
    pub deadline: Option<Moment>,
    pub state: RequestState,
    /// When the rules act on it, for a station the player does not play.
    pub npc_due: Option<Moment>,
    /// When the clock stops to remind the player of the deadline, until it has.
    #[serde(default)]
    pub remind_at: Option<Moment>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum RequestState {
    Open,
    Done,
    Defaulted,
    Missed,
}

/// An answer to a request, as the Department has it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Reply {
    pub from: Station,
    pub telegram: TelegramId,
    pub request: RequestIx,
    pub at: Moment,
    pub answer: Answer,
    /// Given by the player (and not by the rules or a default).
    pub by_player: bool,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum Answer {
    /// A position, with the sender's probability that it is right; none when defaulted.
    Estimate {
        position: PositionIx,
        probability: Option<f64>,
    },
    Decision {
        option: usize,
    },
}

/// A post's estimate, as a reply carries it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Reported {
    pub post: crate::scenario::PostId,
    pub issue: crate::scenario::IssueId,
    pub position: PositionIx,
    /// `None` when the Department assumed the default.
    pub probability: Option<f64>,
}

impl Reply {
    /// The estimate this reply reports, if it is a post's answer to an estimate request.
    pub fn estimate(&self, scenario: &crate::scenario::Scenario) -> Option<Reported> {
        let (
            Station::Post(post),
            Answer::Estimate {
                position,
                probability,
            },
        ) = (self.from, &self.answer)
        else {
            return None;
        };
        match scenario.telegram(self.telegram).requests[self.request].kind {
            RequestKind::Estimate { issue, .. } => Some(Reported {
                post,
                issue,
                position: *position,
                probability: *probability,
            }),
            _ => None,
        }
    }
}

impl Requests {
    /// The open request of `station` for this telegram's request.
    pub fn find_open(
        &self,
        station: Station,
        telegram: TelegramId,
        request: RequestIx,
    ) -> Option<usize> {
        self.open.iter().position(|r| {
            r.station == station
                && r.telegram == telegram
                && r.request == request
                && r.state == RequestState::Open
        })
    }

    /// Open requests addressed to `station`, oldest first.
    pub fn open_for(&self, station: Station) -> impl Iterator<Item = &OpenRequest> {
        self.open
            .iter()
            .filter(move |r| r.station == station && r.state == RequestState::Open)
    }
}

pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<Requests>()
        .saved_resource::<Requests>("requests")
        .add_observer(open_requests)
        .add_systems(
            Update,
            (remind, apply_deadlines).chain().in_set(SimSet::Requests),
        );
}

/// A delivered telegram opens its requests for each action addressee they apply to.
fn open_requests(
    on: On<Delivered>,
    archive: Res<Archive>,
    scenario: Res<ActiveScenario>,
    people: Res<crate::vocab::People>,
    mut requests: ResMut<Requests>,
    mut agenda: ResMut<Agenda>,
    mut rng: ResMut<crate::rng::WorldRng>,
) {
    let d = on.event();
    let cable = archive.get(d.cable);
    let Some(telegram) = cable.telegram else {
        return;
    };
    if !cable.to.contains(&d.to) {
        return;
    }
    let player = people.plays(match d.to {
        Station::Post(p) => Role::Post(p),
        Station::Department => Role::Department,
        Station::Actor(_) => return,
    });
    for (ix, request) in scenario.telegram(telegram).requests.iter().enumerate() {
        let applies = match (&request.kind, d.to) {
            (RequestKind::Estimate { .. }, Station::Post(_)) => true,
            (RequestKind::Action { except, .. }, Station::Post(p)) => !except.contains(&p),
            (RequestKind::Decision { .. }, _) => true,
            _ => false,
        };
        if !applies {
            continue;
        }
        let deadline = request.kind.deadline();
        // The rules answer in their own time, some posts sooner than others (up to two days
        // later), in office hours, but before the deadline.
        let npc_due = (!player).then(|| {
            let later = (rng.unit() * 48.0) as i64;
            let due = scenario.model.next_office_hour(
                d.at.plus_hours(scenario.model.npc_reply_after_hours as i64 + later),
            );
            match deadline {
                Some(dl) if dl.plus_hours(-2) < due => dl.plus_hours(-2).max(d.at),
                _ => due,
            }
        });
        // Time never runs past the player: the clock stops two hours before his deadline.
        let remind_at = deadline
            .filter(|_| player)
            .map(|dl| dl.plus_hours(-2))
            .filter(|m| *m > d.at);
        for m in deadline
            .iter()
            .chain(npc_due.iter())
            .chain(remind_at.iter())
        {
            agenda.add(*m);
        }
        requests.open.push(OpenRequest {
            telegram,
            request: ix,
            station: d.to,
            received: d.at,
            deadline,
            state: RequestState::Open,
            npc_due,
            remind_at,
        });
    }
}

/// Two hours before a deadline of the player's, a run of the clock stops and says so; the
/// next run lets the deadline pass.
fn remind(
    mut calendar: ResMut<Calendar>,
    mut requests: ResMut<Requests>,
    mut transcript: ResMut<Transcript>,
) {
    let now = calendar.now;
    for open in requests.open.iter_mut() {
        let Some(at) = open.remind_at.filter(|at| *at <= now) else {
            continue;
        };
        open.remind_at = None;
        if open.state != RequestState::Open {
            continue;
        }
        if let Some(deadline) = open.deadline {
            transcript.push(Entry::Due {
                at,
                telegram: open.telegram,
                request: open.request,
                deadline,
            });
            calendar.until = None;
        }
    }
}

/// At a deadline, an unanswered estimate becomes the request's default; an undecided
/// decision takes its default option.
fn apply_deadlines(
    calendar: Res<Calendar>,
    scenario: Res<ActiveScenario>,
    mut requests: ResMut<Requests>,
    mut transcript: ResMut<Transcript>,
    mut commands: Commands,
) {
    let now = calendar.now;
    let mut new_replies = Vec::new();
    for open in requests.open.iter_mut() {
        if open.state != RequestState::Open || open.deadline.is_none_or(|d| d > now) {
            continue;
        }
        let request = &scenario.telegram(open.telegram).requests[open.request];
        match &request.kind {
            RequestKind::Estimate { issue, default, .. } => {
                open.state = RequestState::Defaulted;
                let summary = match default {
                    Some(p) => format!(
                        "the Department assumes: {}",
                        scenario.issue(*issue).positions[*p].label
                    ),
                    None => "the Department has no estimate".into(),
                };
                transcript.push(Entry::Defaulted {
                    at: now,
                    from: open.station,
                    telegram: open.telegram,
                    request: open.request,
                    summary,
                });
                if let Some(p) = default {
                    new_replies.push(Reply {
                        from: open.station,
                        telegram: open.telegram,
                        request: open.request,
                        at: now,
                        answer: Answer::Estimate {
                            position: *p,
                            probability: None,
                        },
                        by_player: false,
                    });
                }
            }
            RequestKind::Decision {
                options, default, ..
            } => {
                open.state = RequestState::Defaulted;
                transcript.push(Entry::Decision {
                    at: now,
                    telegram: open.telegram,
                    request: open.request,
                    option: *default,
                    by_default: true,
                });
                apply_all(
                    &mut commands,
                    &options[*default].effects,
                    &options[*default].label,
                );
            }
            RequestKind::Action { .. } => open.state = RequestState::Missed,
        }
    }
    requests.replies.extend(new_replies);
}
