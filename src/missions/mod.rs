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

/// Standing with the host government, 0..1: it makes démarches work, and they spend it.
#[derive(Component, Clone, Copy, Debug, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Rapport(pub f64);

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

fn change_rapport(
    on: On<ChangeRapport>,
    stations: Res<Stations>,
    mut rapport: Query<&mut Rapport>,
) {
    let ChangeRapport { post, by } = *on.event();
    if let Ok(mut r) = rapport.get_mut(stations.entity(Station::Post(post))) {
        r.0 = (r.0 + by).clamp(0.0, 1.0);
    }
}
