//! Stations: the Department, the posts and the other actors, each an entity with an in-tray.

use std::collections::HashMap;

use bevy::prelude::*;

use crate::saved::SavedApp;
use crate::scenario::{ActorId, Moment, PostId, Station};
use crate::vocab::ActiveScenario;
use crate::vocab::CableId;

/// The station an entity is.
#[derive(Component, Clone, Copy, Debug)]
pub struct StationOf(pub Station);

/// Cables received, in the order they arrived.
#[derive(Component, Clone, Default, Debug, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct InTray(pub Vec<TrayItem>);

impl InTray {
    /// A cable arrives, unread.
    pub fn receive(&mut self, cable: CableId, at: Moment) {
        self.0.push(TrayItem {
            cable,
            at,
            read: false,
        });
    }
}

#[derive(Clone, Copy, Debug, serde::Serialize, serde::Deserialize)]
pub struct TrayItem {
    pub cable: CableId,
    pub at: Moment,
    pub read: bool,
}

/// Which entity each station is.
#[derive(Resource, Default, Debug)]
pub struct Stations(HashMap<Station, Entity>);

impl Stations {
    pub fn entity(&self, station: Station) -> Entity {
        self.0[&station]
    }
}

pub(crate) fn plugin(app: &mut App) {
    app.saved_group("trays", "InTray", all)
        .saved_component::<InTray>("trays", None)
        .saved_group("posts", "PostState", |world| {
            let map = world.resource::<Stations>();
            stations(world)
                .into_iter()
                .filter(|s| matches!(s, Station::Post(_)))
                .map(|s| map.entity(s))
                .collect()
        });
}

/// Every station, in a fixed order: the Department, then each post, then each actor.
fn stations(world: &World) -> Vec<Station> {
    let s = world.resource::<ActiveScenario>();
    let mut all = vec![Station::Department];
    all.extend((0..s.missions.len() as u32).map(|p| Station::Post(PostId(p))));
    all.extend((0..s.actors.len() as u32).map(|a| Station::Actor(ActorId(a))));
    all
}

/// Every station's entity, in that order.
fn all(world: &World) -> Vec<Entity> {
    let map = world.resource::<Stations>();
    stations(world).into_iter().map(|s| map.entity(s)).collect()
}

/// Spawns one entity per station, in scenario order.
pub fn spawn(world: &mut World) {
    let mut map = HashMap::new();
    for station in stations(world) {
        let entity = world.spawn((StationOf(station), InTray::default())).id();
        map.insert(station, entity);
    }
    world.insert_resource(Stations(map));
}
