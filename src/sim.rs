//! The simulation as a headless Bevy app: the domain plugins, their order, and the setup.

use std::sync::Arc;

use bevy::ecs::schedule::SingleThreadedExecutor;
use bevy::prelude::*;
use bevy::state::app::StatesPlugin;

use crate::scenario::Scenario;
use crate::vocab::{ActiveScenario, Phase, Setup, SimSet};
use crate::{
    cables, calendar, command, endings, governments, instructor, missions, requests, rng, saved,
    stations, transcript, triggers, votes,
};

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
        rng::plugin,
        transcript::plugin,
        stations::plugin,
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

/// What the domains register as saved state, for checking a save's text without a game.
/// A pure function of the code, so it is built once per process.
pub fn saved_registry() -> &'static saved::Registry {
    static REGISTRY: std::sync::OnceLock<saved::Registry> = std::sync::OnceLock::new();
    REGISTRY.get_or_init(|| {
        // Only what the domains' plugins need to be added: no clock, no task pools.
        let mut app = App::new();
        app.add_plugins(StatesPlugin).add_plugins(plugin);
        app.world_mut()
            .remove_resource::<saved::Registry>()
            .unwrap_or_default()
    })
}

/// A headless app that plays `scenario`: what tests, `simulate` and the terminal use.
pub fn headless_app(scenario: Arc<Scenario>, setup: Setup) -> App {
    headless_app_for(scenario, setup, crate::vocab::People::of(&setup))
}

/// A headless app whose roles `people` are played by people (a class), the rest by the rules.
pub fn headless_app_for(
    scenario: Arc<Scenario>,
    setup: Setup,
    people: crate::vocab::People,
) -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin))
        .insert_resource(ActiveScenario(scenario))
        .insert_resource(rng::WorldRng::new(setup.seed))
        .insert_resource(setup)
        .insert_resource(people)
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
