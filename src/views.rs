//! What the screens show, as data: the in-tray's rows, what the player knows of each
//! government, what a reply would look like. Shared by the window and the tests; no rules
//! here, only reading the world.

use bevy::prelude::*;

use crate::cables::{Archive, Cable, CableId};
use crate::missions::{Calls, Estimate, Estimates, Outbox};
use crate::requests::{OpenRequest, Requests};
use crate::scenario::format::Precedence;
use crate::scenario::{GovId, Moment, PositionIx, PostId, Role, Scenario, Station};
use crate::stations::{InTray, Stations};
use crate::vocab::{ActiveScenario, Setup};
use crate::votes::{Cast, VoteLog};

/// The screens a window can open on (and the tabs of the playing screen).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum View {
    Title,
    #[default]
    Reader,
    Composer,
    Dossier,
    Map,
    Debrief,
    /// The instructor's tab (with --instructor).
    Instructor,
}

impl View {
    /// Every view, with the name a command line gives it.
    pub const NAMES: [(&'static str, View); 7] = [
        ("title", View::Title),
        ("reader", View::Reader),
        ("composer", View::Composer),
        ("dossier", View::Dossier),
        ("map", View::Map),
        ("debrief", View::Debrief),
        ("instructor", View::Instructor),
    ];
}

impl std::str::FromStr for View {
    type Err = String;

    fn from_str(name: &str) -> Result<View, String> {
        View::NAMES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| *v)
            .ok_or_else(|| format!("no view `{name}`"))
    }
}

pub fn scenario(world: &World) -> &Scenario {
    &world.resource::<ActiveScenario>().0
}

/// One line of the in-tray.
#[derive(Clone, Debug, PartialEq)]
pub struct TrayRow {
    pub cable: CableId,
    pub arrived: Moment,
    /// `DEPTCIRTEL 47`.
    pub name: String,
    pub subject: String,
    pub precedence: Precedence,
    pub classification: &'static str,
    pub dtg: String,
    /// The cable that started the thread this one belongs to.
    pub thread: String,
}

/// The player's in-tray, newest first.
pub fn tray_rows(world: &World) -> Vec<TrayRow> {
    tray_rows_of(world, world.resource::<Setup>().role)
}

/// A role's in-tray, newest first: in a class, each student's own.
pub fn tray_rows_of(world: &World, role: Role) -> Vec<TrayRow> {
    let archive = world.resource::<Archive>();
    let entity = world.resource::<Stations>().entity(role.station());
    let Some(tray) = world.get::<InTray>(entity) else {
        return Vec::new();
    };
    tray.0
        .iter()
        .rev()
        .map(|item| {
            let c = archive.get(item.cable);
            TrayRow {
                cable: item.cable,
                arrived: item.at,
                name: c.citation_name(),
                subject: c.subject.clone(),
                precedence: c.precedence,
                classification: crate::cables::render::classification_word(c.classification),
                dtg: c.sent.dtg(),
                thread: thread_of(world, c),
            }
        })
        .collect()
}

/// What the in-tray's rows depend on: a view that caches them builds them again when it
/// changes (a cable arrives, time moves, or another game or scenario is loaded).
pub fn tray_key(world: &World) -> (usize, Setup, usize, Moment, usize) {
    let setup = *world.resource::<Setup>();
    let entity = world.resource::<Stations>().entity(setup.role.station());
    let len = world.get::<InTray>(entity).map_or(0, |t| t.0.len());
    (
        std::sync::Arc::as_ptr(&world.resource::<ActiveScenario>().0) as usize,
        setup,
        world.resource::<crate::transcript::Transcript>().0.len(),
        world.resource::<crate::calendar::Calendar>().now,
        len,
    )
}

/// A thread is named by its first cable: a reply or a cable that cites an earlier telegram
/// of the scenario belongs to that telegram's thread.
pub fn thread_of(world: &World, cable: &Cable) -> String {
    let s = scenario(world);
    let mut telegram = cable.answers.map(|(t, _)| t).or(cable.telegram);
    let mut guard = 0;
    while let Some(t) = telegram {
        let first_ref = s.telegram(t).refs.iter().find_map(|r| match r {
            crate::scenario::Reference::Telegram(r) => Some(*r),
            crate::scenario::Reference::External(_) => None,
        });
        match first_ref {
            Some(r) if guard < 16 => {
                telegram = Some(r);
                guard += 1;
            }
            _ => {
                let t = s.telegram(t);
                return t.cited();
            }
        }
    }
    cable.citation_name()
}

/// The requests of a cable that wait for the player.
pub fn open_requests_of(world: &World, cable: CableId) -> Vec<OpenRequest> {
    let me = world.resource::<Setup>().role.station();
    let Some(telegram) = world.resource::<Archive>().get(cable).telegram else {
        return Vec::new();
    };
    world
        .resource::<Requests>()
        .open_for(me)
        .filter(|r| r.telegram == telegram)
        .cloned()
        .collect()
}

/// What a request asks, as the player reads it: the estimate's or the decision's question,
/// or whom to call on.
pub fn request_question(s: &Scenario, kind: &crate::scenario::RequestKind) -> String {
    use crate::scenario::RequestKind;
    match kind {
        RequestKind::Estimate { issue, .. } => s.issue(*issue).question.clone(),
        RequestKind::Action { see, .. } => {
            let whom: Vec<&str> = see.iter().map(|w| crate::missions::whom_name(*w)).collect();
            format!("call on the government ({})", whom.join(", "))
        }
        RequestKind::Decision { question, .. } => question.clone(),
    }
}

/// The earliest deadline among the player's open requests.
pub fn next_deadline(world: &World) -> Option<Moment> {
    let me = world.resource::<Setup>().role.station();
    world
        .resource::<Requests>()
        .open_for(me)
        .filter_map(|r| r.deadline)
        .min()
}

/// What the player's side knows of a government's stance on an issue.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Knowledge {
    /// Nothing.
    Unknown,
    /// The player's own mission's estimate of its host.
    Estimated {
        position: PositionIx,
        estimate: Estimate,
    },
    /// The latest report a post sent the Department.
    Reported {
        position: PositionIx,
        probability: Option<f64>,
    },
    /// A vote that revealed stances showed it.
    Revealed {
        position: PositionIx,
        cast: Cast,
        vote: crate::scenario::VoteId,
    },
}

impl Knowledge {
    pub fn position(&self) -> Option<PositionIx> {
        match self {
            Knowledge::Unknown => None,
            Knowledge::Estimated { position, .. }
            | Knowledge::Reported { position, .. }
            | Knowledge::Revealed { position, .. } => Some(*position),
        }
    }
}

/// What the player knows of every government on `issue`, by [`GovId`].
pub fn knowledge(world: &World, issue: crate::scenario::IssueId) -> Vec<Knowledge> {
    knowledge_of(world, world.resource::<Setup>().role, issue)
}

/// What a role knows of every government on `issue`: a post its own estimate of its host,
/// the Department the posts' reports; both what revealing votes showed.
pub fn knowledge_of(world: &World, role: Role, issue: crate::scenario::IssueId) -> Vec<Knowledge> {
    let s = scenario(world);
    let mut out = vec![Knowledge::Unknown; s.governments.len()];
    if let Role::Post(post) = role {
        let host = s.mission(post).host;
        if let Some(e) = estimates(world, post) {
            let estimate = e[issue.index()];
            out[host.index()] = Knowledge::Estimated {
                position: s.issue(issue).position_of(estimate.mean),
                estimate,
            };
        }
    } else {
        for r in world
            .resource::<Requests>()
            .replies
            .iter()
            .filter_map(|r| r.estimate(s))
        {
            if r.issue == issue {
                out[s.mission(r.post).host.index()] = Knowledge::Reported {
                    position: r.position,
                    probability: r.probability,
                };
            }
        }
    }
    for record in &world.resource::<VoteLog>().0 {
        let vote = s.vote(record.vote);
        if vote.reveals && vote.issue == issue {
            for b in &record.ballots {
                // A ballot tells what the government did, not where it stands: the band
                // shown is the middle of the range that casts that ballot.
                let def = s.issue(issue);
                if let Some((lo, hi)) = crate::votes::cast_range(vote, def, b.cast) {
                    out[b.government.index()] = Knowledge::Revealed {
                        position: def.position_of((lo + hi) / 2.0),
                        cast: b.cast,
                        vote: record.vote,
                    };
                }
            }
        }
    }
    out
}

pub fn estimates(world: &World, post: PostId) -> Option<&[Estimate]> {
    let entity = world.resource::<Stations>().entity(Station::Post(post));
    world.get::<Estimates>(entity).map(|e| e.0.as_slice())
}

/// The post whose dossier a government's click opens: the mission accredited to it.
pub fn post_for(world: &World, government: GovId) -> Option<PostId> {
    scenario(world)
        .missions
        .iter()
        .position(|m| m.host == government)
        .map(|i| PostId(i as u32))
}

/// The return cable an estimate reply would be, as it would be sent now.
pub fn preview_reply(
    world: &World,
    post: PostId,
    request: (crate::scenario::TelegramId, usize),
    position: PositionIx,
    probability: f64,
    text: &str,
) -> Cable {
    let s = scenario(world);
    let entity = world.resource::<Stations>().entity(Station::Post(post));
    let number = world
        .get::<Outbox>(entity)
        .map(|o| o.next_number)
        .unwrap_or(1);
    let calls = world
        .get::<Calls>(entity)
        .map(|c| c.0.clone())
        .unwrap_or_default();
    let now = world.resource::<crate::calendar::Calendar>().now;
    crate::missions::estimate_cable(
        s,
        post,
        number,
        request,
        position,
        probability,
        text,
        &calls,
        now,
    )
}
