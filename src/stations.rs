//! Stations: the Department, the posts and the other actors, each an entity with an in-tray.

use std::collections::HashMap;

use bevy::prelude::*;

use crate::cables::CableId;
use crate::scenario::{ActorId, Moment, PostId, Station};
use crate::sim::ActiveScenario;

/// The station an entity is.
#[derive(Component, Clone, Copy, Debug)]
pub struct StationOf(pub Station);

/// Cables received, in the order they arrived.
#[derive(Component, Default, Debug)]
pub struct InTray(pub Vec<TrayItem>);

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

/// Spawns one entity per station, in scenario order.
pub fn spawn(world: &mut World) {
    let scenario = world.resource::<ActiveScenario>().clone();
    let mut all = vec![Station::Department];
    all.extend((0..scenario.missions.len() as u32).map(|p| Station::Post(PostId(p))));
    all.extend((0..scenario.actors.len() as u32).map(|a| Station::Actor(ActorId(a))));
    let mut map = HashMap::new();
    for station in all {
        let entity = world.spawn((StationOf(station), InTray::default())).id();
        map.insert(station, entity);
    }
    world.insert_resource(Stations(map));
}
