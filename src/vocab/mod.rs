//! The simulation's shared vocabulary: the types every domain names. It imports no domain,
//! so that low-level modules (the transcript, the stations) never import back from the
//! domains that use them.

mod command_error;

use std::sync::Arc;

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use crate::scenario::{Role, Scenario};

pub use command_error::{CommandError, RUNAWAY};

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

/// The roles people play: the player's, or in a class every post a student holds. The rules
/// play every other station. Fixed when the game is built, since the rules schedule their
/// answers as requests arrive.
#[derive(Resource, Clone, Debug, Default, PartialEq, Eq)]
pub struct People(pub Vec<Role>);

impl People {
    /// The one player of a game set up so: nobody in `--auto` or `--historical`.
    pub fn of(setup: &Setup) -> People {
        People(if setup.auto || setup.historical {
            Vec::new()
        } else {
            vec![setup.role]
        })
    }

    /// Whether a role's decisions are a person's to make (and not the rules').
    pub fn plays(&self, role: Role) -> bool {
        self.0.contains(&role)
    }

    /// Whether a station is a role people play.
    pub fn at(&self, station: crate::scenario::Station) -> bool {
        self.0.iter().any(|r| r.station() == station)
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

/// Index into the archive of cables sent ([`crate::cables::Archive`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct CableId(pub u32);

/// Who makes a high-level approach.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Approacher {
    /// The Secretary of State telephones the Foreign Minister.
    Secretary,
    /// The President writes to the head of state.
    President,
}
