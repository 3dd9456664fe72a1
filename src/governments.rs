//! Governments: their leaders, their true stances, and how those stances move.

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;

use crate::calendar::Calendar;
use crate::effects::MoveStance;
use crate::rng::WorldRng;
use crate::saved::SavedApp;
use crate::scenario::{GovId, IssueId, Moment};
use crate::vocab::{ActiveScenario, SimSet};

#[derive(Component, Clone, Copy, Debug)]
pub struct Government(pub GovId);

/// The true stance on each issue. Hidden from players; missions only estimate it.
#[derive(Component, Clone, Debug, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Stances(pub Vec<f64>);

/// A leader of a government (a child entity of it).
#[derive(Component, Clone, Copy, Debug)]
pub struct Leader {
    pub government: GovId,
    pub index: usize,
}

/// The entity of each government, by [`GovId`].
#[derive(Resource, Debug, Default)]
pub struct GovEntities(pub Vec<Entity>);

/// The causes a stance's movements are summed under, in words.
pub const DISPOSITION: &str = "its own disposition";
pub const US_REPRESENTATIONS: &str = "US representations";
pub const NEIGHBOURS: &str = "its neighbours' example";
pub const DOMESTIC: &str = "domestic opinion";
pub const INSTRUCTOR: &str = "the instructor";

/// Why each government stands where it does: per government and issue, its stance's
/// movements summed by cause, so that a vote can give its reasons as Europa Universalis
/// gives "will accept because". The causes add up to the stance.
#[derive(Resource, Debug, Default, Clone, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Drivers(pub Vec<Vec<Vec<(String, f64)>>>);

impl Drivers {
    /// Adds a movement of `government`'s stance on `issue` to `cause`.
    pub fn add(&mut self, government: GovId, issue: IssueId, cause: &str, by: f64) {
        let Some(list) = self
            .0
            .get_mut(government.index())
            .and_then(|g| g.get_mut(issue.index()))
        else {
            return;
        };
        if by == 0.0 {
            return;
        }
        match list.iter_mut().find(|(c, _)| c == cause) {
            Some((_, total)) => *total += by,
            None => list.push((cause.to_string(), by)),
        }
    }

    /// The causes of `government`'s stance on `issue`, largest first.
    pub fn of(&self, government: GovId, issue: IssueId) -> Vec<(String, f64)> {
        let mut out = self
            .0
            .get(government.index())
            .and_then(|g| g.get(issue.index()))
            .cloned()
            .unwrap_or_default();
        out.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()));
        out
    }
}

/// Which governments' heads have, in a good conversation with the US mission, been moved to
/// instruct their Foreign Ministers: at a Meeting of Consultation a Foreign Minister who has
/// no such instructions votes his own views (his `lean`), as Arcaya and Porras did at San
/// José (CIA weekly, 1 September 1960).
#[derive(Resource, Debug, Default, Clone, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Instructed(pub Vec<bool>);

impl Instructed {
    pub fn get(&self, government: GovId) -> bool {
        self.0.get(government.index()).copied().unwrap_or(false)
    }

    pub fn set(&mut self, government: GovId) {
        if let Some(i) = self.0.get_mut(government.index()) {
            *i = true;
        }
    }
}

/// Every government's stances once a day, for the debrief's chart.
#[derive(Resource, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct StanceHistory(pub Vec<(Moment, Vec<Vec<f64>>)>);

/// Reads any government's true stance.
#[derive(SystemParam)]
pub struct GovernmentStances<'w, 's> {
    entities: Res<'w, GovEntities>,
    stances: Query<'w, 's, &'static Stances>,
}

impl GovernmentStances<'_, '_> {
    pub fn get(&self, government: GovId, issue: IssueId) -> f64 {
        self.stances
            .get(self.entities.0[government.index()])
            .map(|s| s.0[issue.index()])
            .unwrap_or(0.0)
    }
}

pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<GovEntities>()
        .init_resource::<StanceHistory>()
        .init_resource::<Drivers>()
        .init_resource::<Instructed>()
        // Saves from before 0.3 have none: no Foreign Minister instructed.
        .saved_resource_optional::<Instructed>("instructed")
        .saved_resource::<StanceHistory>("history")
        // Saves from before 0.3 have none: their votes give fewer reasons.
        .saved_resource_optional::<Drivers>("drivers")
        .saved_group("stances", "Stances", |world| {
            world.resource::<GovEntities>().0.clone()
        })
        .saved_component::<Stances>("stances", None)
        .add_observer(move_stances)
        .add_systems(
            Update,
            (drift, record_history).chain().in_set(SimSet::Stances),
        );
}

/// Spawns each government with its leaders as children.
pub fn spawn(world: &mut World) {
    let scenario = world.resource::<ActiveScenario>().clone();
    let mut entities = Vec::new();
    for (g, gov) in scenario.governments.iter().enumerate() {
        let id = GovId(g as u32);
        let entity = world
            .spawn((Government(id), Stances(gov.stances.clone())))
            .with_children(|children| {
                for index in 0..gov.leaders.len() {
                    children.spawn(Leader {
                        government: id,
                        index,
                    });
                }
            })
            .id();
        entities.push(entity);
    }
    world.insert_resource(GovEntities(entities));
    world.insert_resource(Instructed(vec![false; scenario.governments.len()]));
    world.insert_resource(Drivers(
        scenario
            .governments
            .iter()
            .map(|g| {
                g.stances
                    .iter()
                    .map(|s| vec![(DISPOSITION.to_string(), *s)])
                    .collect()
            })
            .collect(),
    ));
    let now = scenario.start;
    let snapshot = scenario
        .governments
        .iter()
        .map(|g| g.stances.clone())
        .collect();
    world
        .resource_mut::<StanceHistory>()
        .0
        .push((now, snapshot));
}

/// Each new day, stances drift towards domestic opinion and the neighbours' average.
fn drift(
    calendar: Res<Calendar>,
    scenario: Res<ActiveScenario>,
    entities: Res<GovEntities>,
    mut stances: Query<&mut Stances>,
    mut drivers: ResMut<Drivers>,
) {
    if !calendar.new_day {
        return;
    }
    let before: Vec<Vec<f64>> = entities
        .0
        .iter()
        .map(|e| stances.get(*e).map(|s| s.0.clone()).unwrap_or_default())
        .collect();
    for (g, gov) in scenario.governments.iter().enumerate() {
        let Ok(mut mine) = stances.get_mut(entities.0[g]) else {
            continue;
        };
        for (i, issue) in scenario.issues.iter().enumerate() {
            let s = before[g][i];
            let domestic = gov.domestic[i]
                .map(|pull| gov.domestic_rate * (pull - s))
                .unwrap_or(0.0);
            let neighbours = if gov.neighbours.is_empty() {
                0.0
            } else {
                let mean = gov
                    .neighbours
                    .iter()
                    .map(|n| before[n.index()][i])
                    .sum::<f64>()
                    / gov.neighbours.len() as f64;
                gov.neighbour_rate * (mean - s)
            };
            mine.0[i] = issue.clamp(s + domestic + neighbours);
            // At the scale's end the pulls are cut short; each keeps its share of the move.
            let moved = mine.0[i] - s;
            let pulled = domestic + neighbours;
            let share = if pulled == 0.0 { 0.0 } else { moved / pulled };
            let (id, issue_id) = (GovId(g as u32), IssueId(i as u32));
            drivers.add(id, issue_id, DOMESTIC, domestic * share);
            drivers.add(id, issue_id, NEIGHBOURS, neighbours * share);
        }
    }
}

fn record_history(
    calendar: Res<Calendar>,
    entities: Res<GovEntities>,
    stances: Query<&Stances>,
    mut history: ResMut<StanceHistory>,
) {
    if !calendar.new_day {
        return;
    }
    let snapshot = entities
        .0
        .iter()
        .map(|e| stances.get(*e).map(|s| s.0.clone()).unwrap_or_default())
        .collect();
    history.0.push((calendar.now, snapshot));
}

fn move_stances(
    on: On<MoveStance>,
    scenario: Res<ActiveScenario>,
    entities: Res<GovEntities>,
    mut stances: Query<&mut Stances>,
    mut rng: ResMut<WorldRng>,
    mut drivers: ResMut<Drivers>,
) {
    let MoveStance {
        governments,
        issue,
        by,
        spread,
        cause,
    } = on.event();
    for g in governments {
        let noise = if *spread > 0.0 {
            rng.normal() * spread
        } else {
            0.0
        };
        if let Ok(mut s) = stances.get_mut(entities.0[g.index()]) {
            let i = issue.index();
            let before = s.0[i];
            s.0[i] = scenario.issue(*issue).clamp(before + by + noise);
            drivers.add(*g, *issue, cause, s.0[i] - before);
        }
    }
}
