//! Missions: each post's standing with its host, its estimate of the host's stances, its
//! calls on leaders and its return cables; the rules by which non-player stations act.

mod act;
mod approach;
mod call;
pub mod memcon;
mod npc;
mod recommend;
mod reply;

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

pub use act::Diplomacy;
pub use call::{can_call, whom_name};
pub use recommend::{Recommendation, Recommendations};
pub use reply::estimate_cable;

use crate::effects::ChangeRapport;
use crate::rng::WorldRng;
use crate::saved::SavedApp;
use crate::scenario::{IssueId, MaterialId, Moment, PostId, Station, Whom};
use crate::stations::Stations;
use crate::vocab::{ActiveScenario, SimSet};

#[derive(Component, Clone, Copy, Debug)]
pub struct Post(pub PostId);

/// Standing with the host government, 0..1: the mean of the standing with each of its
/// leaders ([`Standing`]).
#[derive(Component, Clone, Copy, Debug, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Rapport(pub f64);

/// Each post's standing with each leader of its host government, 0..1, by post and leader
/// index: a call on him works better with it, and spends it; it is with him, not with his
/// colleagues. The post's [`Rapport`] is their mean.
#[derive(Resource, Clone, Debug, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Standings(pub Vec<Vec<f64>>);

impl Standings {
    /// With leader `ix` of `post`'s host; a save from before per-leader standing has none:
    /// the post's rapport.
    pub fn with(&self, post: PostId, ix: usize, rapport: f64) -> f64 {
        self.0
            .get(post.index())
            .and_then(|p| p.get(ix))
            .copied()
            .unwrap_or(rapport)
    }

    /// Changes the standing with leader `ix` and returns the post's new rapport (the mean).
    pub fn change(
        &mut self,
        post: PostId,
        (ix, leaders): (usize, usize),
        by: f64,
        rapport: f64,
    ) -> f64 {
        let Some(list) = self.0.get_mut(post.index()) else {
            return (rapport + by).clamp(0.0, 1.0);
        };
        if list.len() != leaders {
            *list = vec![rapport; leaders];
        }
        if let Some(r) = list.get_mut(ix) {
            *r = (*r + by).clamp(0.0, 1.0);
        }
        if list.is_empty() {
            rapport
        } else {
            list.iter().sum::<f64>() / list.len() as f64
        }
    }

    /// Every leader's standing with `post` moves (an event's change, with the government).
    pub fn change_all(&mut self, post: PostId, by: f64) {
        if let Some(list) = self.0.get_mut(post.index()) {
            for r in list.iter_mut() {
                *r = (*r + by).clamp(0.0, 1.0);
            }
        }
    }
}

/// What the mission believes of its host's stance on each issue.
#[derive(Component, Clone, Debug, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Estimates(pub Vec<Estimate>);

/// A belief: the stance is around `mean`, give or take `sd`.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Estimate {
    pub mean: f64,
    pub sd: f64,
}

/// The number the post's next telegram will carry.
#[derive(Component, Clone, Copy, Debug, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Outbox {
    pub next_number: u32,
}

/// The post is busy with a call until then.
#[derive(Component, Clone, Copy, Debug, Serialize, Deserialize)]
#[serde(transparent)]
pub struct BusyUntil(pub Moment);

/// Every call the post has made.
#[derive(Component, Clone, Debug, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Calls(pub Vec<Call>);

/// A call on a leader of the host government.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Call {
    pub at: Moment,
    pub whom: Whom,
    pub leader: String,
    pub shown: Vec<MaterialId>,
    pub issue: IssueId,
    pub by_player: bool,
    /// What he said, as the memorandum records it.
    #[serde(default)]
    pub said: String,
    /// What he asked of the United States in return.
    #[serde(default)]
    pub asks: Option<String>,
}

pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<approach::Approaches>()
        .init_resource::<Standings>()
        // Saves from before 0.3 have none: each leader starts at the post's rapport.
        .saved_resource_optional::<Standings>("standings")
        .init_resource::<Recommendations>()
        // Saves from before 0.3 have none: no recommendation sent.
        .saved_resource_optional::<Recommendations>("recommendations")
        // Saves from before 0.3 have none: no approach made yet.
        .saved_resource_optional::<approach::Approaches>("approaches")
        .saved_component::<Rapport>("posts", Some("rapport"))
        .saved_component::<Estimates>("posts", Some("estimates"))
        .saved_component::<Outbox>("posts", Some("next_number"))
        .saved_component::<BusyUntil>("posts", Some("busy_until"))
        .saved_component::<Calls>("posts", Some("calls"))
        .add_observer(change_rapport)
        .add_systems(Update, npc::act.in_set(SimSet::Actors));
}

/// Gives each post its components and its first, noisy estimates of its host.
pub fn spawn(world: &mut World) {
    let scenario = world.resource::<ActiveScenario>().clone();
    world.insert_resource(Standings(
        scenario
            .missions
            .iter()
            .map(|m| vec![m.rapport; scenario.government(m.host).leaders.len()])
            .collect(),
    ));
    for (p, mission) in scenario.missions.iter().enumerate() {
        let host = scenario.government(mission.host);
        let estimates: Vec<Estimate> = {
            let mut rng = world.resource_mut::<WorldRng>();
            scenario
                .issues
                .iter()
                .enumerate()
                .map(|(i, issue)| Estimate {
                    mean: issue.clamp(host.stances[i] + rng.normal() * mission.noise),
                    sd: mission.noise,
                })
                .collect()
        };
        let entity = world
            .resource::<Stations>()
            .entity(Station::Post(PostId(p as u32)));
        world.entity_mut(entity).insert((
            Post(PostId(p as u32)),
            Rapport(mission.rapport),
            Estimates(estimates),
            Outbox {
                next_number: mission.first_number,
            },
            BusyUntil(scenario.start),
            Calls::default(),
        ));
    }
}

/// An event's change of standing is with the whole government: every leader's moves.
fn change_rapport(
    on: On<ChangeRapport>,
    stations: Res<Stations>,
    mut rapport: Query<&mut Rapport>,
    mut standings: ResMut<Standings>,
) {
    let ChangeRapport { post, by } = *on.event();
    if let Ok(mut r) = rapport.get_mut(stations.entity(Station::Post(post))) {
        r.0 = (r.0 + by).clamp(0.0, 1.0);
    }
    standings.change_all(post, by);
}
