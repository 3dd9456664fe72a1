//! The whole state of a game between two commands, as data: what a save holds so that
//! loading does not replay anything, and what `replay` compares.

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use crate::cables::{Archive, Traffic};
use crate::calendar::{Agenda, Calendar};
use crate::command::CommandLog;
use crate::endings::Outcome;
use crate::governments::{GovEntities, StanceHistory, Stances};
use crate::instructor::Paused;
use crate::missions::{BusyUntil, Calls, Estimates, Outbox, Rapport};
use crate::requests::Requests;
use crate::rng::WorldRng;
use crate::scenario::{PostId, Station};
use crate::sim::{ActiveScenario, Phase};
use crate::stations::{InTray, Stations, TrayItem};
use crate::transcript::Transcript;
use crate::triggers::{Chances, Flags, Happened};
use crate::votes::{Scores, VoteLog};

/// Everything that changes in play. The scenario and the setup are not here: they are what
/// the state is a state of.
#[derive(Serialize, Deserialize)]
pub struct Snapshot {
    pub calendar: Calendar,
    pub agenda: Agenda,
    pub rng: WorldRng,
    pub flags: Flags,
    pub chances: Chances,
    pub happened: Happened,
    pub traffic: Traffic,
    pub archive: Archive,
    pub requests: Requests,
    pub transcript: Transcript,
    pub history: StanceHistory,
    pub votes: VoteLog,
    pub scores: Scores,
    pub outcome: Outcome,
    pub commands: CommandLog,
    /// True stances, by government.
    pub stances: Vec<Vec<f64>>,
    /// In-trays: the Department, then each post, then each actor.
    pub trays: Vec<Vec<TrayItem>>,
    pub posts: Vec<PostState>,
    /// Saves from before the instructor existed have none: not paused.
    #[serde(default)]
    pub paused: Paused,
}

/// A post's own components.
#[derive(Serialize, Deserialize)]
pub struct PostState {
    pub rapport: f64,
    pub estimates: Vec<crate::missions::Estimate>,
    pub next_number: u32,
    pub busy_until: crate::scenario::Moment,
    pub calls: Vec<crate::missions::Call>,
}

/// Every station, in a fixed order.
fn stations(world: &World) -> Vec<Station> {
    let s = &world.resource::<ActiveScenario>().0;
    let mut all = vec![Station::Department];
    all.extend((0..s.missions.len() as u32).map(|p| Station::Post(PostId(p))));
    all.extend((0..s.actors.len() as u32).map(|a| Station::Actor(crate::scenario::ActorId(a))));
    all
}

fn cloned<T: Resource + Serialize + for<'de> Deserialize<'de>>(world: &World) -> T {
    // Resources are plain data; a serde round trip copies them without requiring Clone.
    ron::from_str(&ron::to_string(world.resource::<T>()).expect("state serializes"))
        .expect("state deserializes")
}

impl Snapshot {
    pub fn capture(world: &World) -> Snapshot {
        let stations_map = world.resource::<Stations>();
        let gov = world.resource::<GovEntities>();
        let posts = stations(world)
            .into_iter()
            .filter(|s| matches!(s, Station::Post(_)))
            .map(|s| {
                let e = world.entity(stations_map.entity(s));
                PostState {
                    rapport: e.get::<Rapport>().map(|r| r.0).unwrap_or(0.0),
                    estimates: e
                        .get::<Estimates>()
                        .map(|x| x.0.clone())
                        .unwrap_or_default(),
                    next_number: e.get::<Outbox>().map(|o| o.next_number).unwrap_or(1),
                    busy_until: e
                        .get::<BusyUntil>()
                        .map(|b| b.0)
                        .unwrap_or(world.resource::<Calendar>().now),
                    calls: e.get::<Calls>().map(|c| c.0.clone()).unwrap_or_default(),
                }
            })
            .collect();
        Snapshot {
            calendar: cloned(world),
            agenda: cloned(world),
            rng: cloned(world),
            flags: cloned(world),
            chances: cloned(world),
            happened: cloned(world),
            traffic: cloned(world),
            archive: cloned(world),
            requests: cloned(world),
            transcript: cloned(world),
            history: cloned(world),
            votes: cloned(world),
            scores: cloned(world),
            outcome: cloned(world),
            commands: cloned(world),
            stances: gov
                .0
                .iter()
                .map(|e| {
                    world
                        .get::<Stances>(*e)
                        .map(|s| s.0.clone())
                        .unwrap_or_default()
                })
                .collect(),
            trays: stations(world)
                .into_iter()
                .map(|s| {
                    world
                        .get::<InTray>(stations_map.entity(s))
                        .map(|t| t.0.clone())
                        .unwrap_or_default()
                })
                .collect(),
            posts,
            paused: *world.resource::<Paused>(),
        }
    }

    /// Puts this state into a world built from the same scenario.
    pub fn restore(self, world: &mut World) -> Result<(), String> {
        let all = stations(world);
        let s = world.resource::<ActiveScenario>().0.clone();
        if self.stances.len() != s.governments.len()
            || self.trays.len() != all.len()
            || self.posts.len() != s.missions.len()
        {
            return Err(
                "the snapshot does not fit this scenario (different governments or posts)".into(),
            );
        }
        let ended = self.outcome.0.is_some();
        world.insert_resource(self.calendar);
        world.insert_resource(self.agenda);
        world.insert_resource(self.rng);
        world.insert_resource(self.flags);
        world.insert_resource(self.chances);
        world.insert_resource(self.happened);
        world.insert_resource(self.traffic);
        world.insert_resource(self.archive);
        world.insert_resource(self.requests);
        world.insert_resource(self.transcript);
        world.insert_resource(self.history);
        world.insert_resource(self.votes);
        world.insert_resource(self.scores);
        world.insert_resource(self.outcome);
        world.insert_resource(self.commands);
        world.insert_resource(self.paused);
        let govs = world.resource::<GovEntities>().0.clone();
        for (e, stances) in govs.into_iter().zip(self.stances) {
            world.entity_mut(e).insert(Stances(stances));
        }
        let entities: Vec<Entity> = all
            .iter()
            .map(|st| world.resource::<Stations>().entity(*st))
            .collect();
        for (e, tray) in entities.iter().zip(self.trays) {
            world.entity_mut(*e).insert(InTray(tray));
        }
        for (p, post) in self.posts.into_iter().enumerate() {
            let e = world
                .resource::<Stations>()
                .entity(Station::Post(PostId(p as u32)));
            world.entity_mut(e).insert((
                Rapport(post.rapport),
                Estimates(post.estimates),
                Outbox {
                    next_number: post.next_number,
                },
                BusyUntil(post.busy_until),
                Calls(post.calls),
            ));
        }
        if ended {
            world.insert_resource(State::new(Phase::Ended));
        }
        Ok(())
    }
}
