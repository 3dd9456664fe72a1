//! What only the instructor sees: the true stances beside each mission's estimate of its
//! host, the missions' rapport, the flags, the chances drawn, and what can still be injected.

use bevy::prelude::*;

use crate::cables::Traffic;
use crate::governments::{GovEntities, Stances};
use crate::missions::{Estimate, Estimates, Rapport};
use crate::scenario::{GovId, PostId, Station};
use crate::stations::Stations;
use crate::triggers::{Chances, Flags};
use crate::vocab::ActiveScenario;

use super::Paused;

/// One government's truth, and what the mission accredited to it believes.
pub struct GovernmentTruth {
    pub government: GovId,
    /// True stance per issue.
    pub stances: Vec<f64>,
    /// The US mission to it, if there is one: its estimate per issue and its rapport.
    pub mission: Option<(PostId, Vec<Estimate>, f64)>,
}

pub struct Hidden {
    pub governments: Vec<GovernmentTruth>,
    pub flags: Vec<(String, bool)>,
    /// Each chance trigger: its probability and what was drawn.
    pub chances: Vec<(f64, bool)>,
    pub unsent: Vec<String>,
    pub paused: bool,
}

impl Hidden {
    pub fn of(world: &World) -> Hidden {
        let s = &world.resource::<ActiveScenario>().0;
        let govs = world.resource::<GovEntities>();
        let stations = world.resource::<Stations>();
        let governments = (0..s.governments.len())
            .map(|g| {
                let government = GovId(g as u32);
                let stances = world
                    .get::<Stances>(govs.0[g])
                    .map(|x| x.0.clone())
                    .unwrap_or_default();
                let mission = s
                    .missions
                    .iter()
                    .position(|m| m.host == government)
                    .map(|p| {
                        let post = PostId(p as u32);
                        let e = stations.entity(Station::Post(post));
                        (
                            post,
                            world
                                .get::<Estimates>(e)
                                .map(|x| x.0.clone())
                                .unwrap_or_default(),
                            world.get::<Rapport>(e).map_or(0.0, |r| r.0),
                        )
                    });
                GovernmentTruth {
                    government,
                    stances,
                    mission,
                }
            })
            .collect();
        let flags = world.resource::<Flags>();
        let chances = world.resource::<Chances>();
        Hidden {
            governments,
            flags: s
                .flags
                .iter()
                .cloned()
                .zip(flags.0.iter().copied())
                .collect(),
            chances: s
                .chances
                .iter()
                .copied()
                .zip(chances.0.iter().copied())
                .collect(),
            unsent: super::unsent(s, &world.resource::<Traffic>().sent_telegrams)
                .into_iter()
                .map(str::to_string)
                .collect(),
            paused: world.resource::<Paused>().0,
        }
    }
}
