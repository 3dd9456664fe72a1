//! The simulation as a headless Bevy app: the domain plugins, their order, and the setup.

use std::sync::Arc;

use bevy::ecs::schedule::SingleThreadedExecutor;
use bevy::prelude::*;
use bevy::state::app::StatesPlugin;

use crate::scenario::{Role, Scenario};
use crate::{
    cables, calendar, command, endings, governments, instructor, missions, requests, rng, stations,
    transcript, triggers, votes,
};

/// The scenario being played. Shared, read-only.
#[derive(Resource, Clone)]
pub struct ActiveScenario(pub Arc<Scenario>);

impl std::ops::Deref for ActiveScenario {
    type Target = Scenario;
    fn deref(&self) -> &Scenario {
        &self.0
    }
}

/// How this game was set up: everything besides the scenario that decides its course.
#[derive(Resource, Clone, Copy, Debug, PartialEq, Eq)]
pub struct Setup {
    pub seed: u64,
    pub role: Role,
    /// The player's role is played by the same rules as the non-player missions.
    pub auto: bool,
    /// Every actor, the player's role included, follows the record: documented votes and
    /// the decisions really taken.
    pub historical: bool,
}

impl Setup {
    /// Whether a station's decisions are the player's to make (and not the rules').
    pub fn plays(&self, role: Role) -> bool {
        !self.auto && !self.historical && self.role == role
    }
}

/// Whether the game is still going.
#[derive(States, Default, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Phase {
    #[default]
    Running,
    Ended,
}

/// The order of one tick of the simulation.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SimSet {
    /// The player's commands are applied.
    Commands,
    /// The clock moves to the next stop.
    Calendar,
    /// Telegrams and events whose triggers hold fire.
    Triggers,
    /// Cables are sent and delivered.
    Traffic,
    /// Deadlines pass and defaults apply.
    Requests,
    /// Non-player missions and the Department act.
    Actors,
    /// Stances drift with domestic opinion and neighbours.
    Stances,
    /// Called votes are counted.
    Votes,
    /// Cables sent in this tick go on the wire, so that the clock stops when they arrive.
    Dispatch,
    /// The game ends.
    Endings,
}

/// The whole simulation: every domain, in order.
pub fn plugin(app: &mut App) {
    app.init_state::<Phase>().configure_sets(
        Update,
        (
            SimSet::Commands,
            SimSet::Calendar,
            SimSet::Triggers,
            SimSet::Traffic,
            SimSet::Requests,
            SimSet::Actors,
            SimSet::Stances,
            SimSet::Votes,
            SimSet::Dispatch,
            SimSet::Endings,
        )
            .chain()
            .run_if(in_state(Phase::Running)),
    );
    app.add_plugins((
        transcript::plugin,
        command::plugin,
        instructor::plugin,
        calendar::plugin,
        triggers::plugin,
        cables::plugin,
        requests::plugin,
        missions::plugin,
        governments::plugin,
        votes::plugin,
        endings::plugin,
    ));
    app.add_systems(Startup, setup_world);
}

/// Builds the world from the scenario, in a fixed order so that the first random draws
/// (the missions' first estimates, the chances) are the same every time.
fn setup_world(world: &mut World) {
    stations::spawn(world);
    governments::spawn(world);
    missions::spawn(world);
    triggers::draw_chances(world);
}

/// A headless app that plays `scenario`: what tests, `simulate` and the terminal use.
pub fn headless_app(scenario: Arc<Scenario>, setup: Setup) -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin))
        .insert_resource(ActiveScenario(scenario))
        .insert_resource(rng::WorldRng::new(setup.seed))
        .insert_resource(setup)
        .add_plugins(plugin);
    single_threaded(&mut app);
    app
}

/// A game tick is a few microseconds of work; the multi-threaded executor would cost far
/// more than it saves, so parallelism comes from running whole games side by side.
pub fn single_threaded(app: &mut App) {
    let mut schedules = app.world_mut().resource_mut::<Schedules>();
    for (_, schedule) in schedules.iter_mut() {
        schedule.set_executor(SingleThreadedExecutor::new());
    }
}
