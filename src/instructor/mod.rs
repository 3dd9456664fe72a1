//! The instructor: a teacher running a game for a class can send a telegram of the scenario
//! now, hold the clock while the class talks, and move a government's true stance. Each is a
//! command like the player's, so it is in the command log (saves and replays keep it) and in
//! the transcript, marked as the instructor's.

mod hidden;

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use crate::saved::SavedApp;
use crate::scenario::names::{Hint, Unknown};
use crate::scenario::{Effect, GovId, IssueId, Scenario, TelegramId};
use crate::vocab::CommandError;

pub use hidden::{GovernmentTruth, Hidden};

/// What the instructor can do.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Instruct {
    /// Send one of the scenario's telegrams now, whatever its trigger.
    Inject {
        telegram: String,
    },
    /// Hold the clock: nobody can advance time until the instructor resumes.
    Pause,
    Resume,
    /// Set a government's true stance on an issue.
    MoveStance {
        government: String,
        issue: String,
        to: f64,
    },
}

/// Whether the instructor holds the clock.
#[derive(Resource, Default, Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paused(pub bool);

pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<Paused>()
        // Saves from before the instructor existed have none: not paused.
        .saved_resource_optional::<Paused>("paused");
}

/// What an instruction does to the world, once its names are resolved.
pub enum Order {
    Effects(Vec<Effect>),
    Pause(bool),
}

/// What the instruction needs to know of the world to be resolved.
pub struct Now<'a> {
    pub sent: &'a [bool],
    pub paused: bool,
    pub stance: &'a dyn Fn(GovId, IssueId) -> f64,
}

/// Checks an instruction against the scenario and the world; returns what it does and the
/// line the transcript shows.
pub fn resolve(
    s: &Scenario,
    instruct: &Instruct,
    now: &Now,
) -> Result<(Order, String), CommandError> {
    match instruct {
        Instruct::Inject { telegram } => {
            // Only a telegram not yet sent can be injected: those are the choices offered.
            let t = s.names.telegrams.get(telegram).ok_or_else(|| Unknown {
                what: "telegram",
                name: telegram.clone(),
                scope: "in this scenario".into(),
                hint: match s.names.telegrams.near(telegram) {
                    Some(near) => Hint::Near(near.to_string()),
                    None => {
                        Hint::OneOf(unsent(s, now.sent).into_iter().map(String::from).collect())
                    }
                },
            })? as usize;
            if now.sent[t] {
                return Err(CommandError::AlreadySent(telegram.clone()));
            }
            let tel = &s.telegrams[t];
            Ok((
                Order::Effects(vec![Effect::Send(TelegramId(t as u32))]),
                format!(
                    "inject {} ({} to {}): {}",
                    tel.id,
                    s.station_name(tel.from),
                    tel.to_caption,
                    tel.subject
                ),
            ))
        }
        Instruct::Pause if now.paused => Err(CommandError::AlreadyPaused),
        Instruct::Resume if !now.paused => Err(CommandError::NotPaused),
        Instruct::Pause => Ok((Order::Pause(true), "pause the game".into())),
        Instruct::Resume => Ok((Order::Pause(false), "resume the game".into())),
        Instruct::MoveStance {
            government,
            issue,
            to,
        } => {
            let g = GovId(s.names.governments.find(
                "government",
                "in this scenario",
                government,
            )?);
            let i = IssueId(s.names.issues.find("issue", "in this scenario", issue)?);
            let def = s.issue(i);
            if !to.is_finite() || *to < def.min || *to > def.max {
                return Err(CommandError::StanceOutOfRange {
                    issue: issue.clone(),
                    min: def.min,
                    max: def.max,
                    to: *to,
                });
            }
            let from = (now.stance)(g, i);
            Ok((
                Order::Effects(vec![Effect::MoveStance {
                    governments: vec![g],
                    issue: i,
                    by: to - from,
                    spread: 0.0,
                }]),
                format!(
                    "move {}'s stance on {issue} from {from:+.2} ({}) to {to:+.2} ({})",
                    s.government(g).country,
                    def.positions[def.position_of(from)].label,
                    def.positions[def.position_of(*to)].label,
                ),
            ))
        }
    }
}

/// The telegrams not yet sent: what can be injected.
pub fn unsent<'s>(s: &'s Scenario, sent: &[bool]) -> Vec<&'s str> {
    s.telegrams
        .iter()
        .zip(sent)
        .filter(|(_, sent)| !**sent)
        .map(|(t, _)| t.id.as_str())
        .collect()
}
