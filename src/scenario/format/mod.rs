//! The scenario format as a modder writes it: serde types with string ids.
//!
//! Nothing here is checked beyond its shape; `validate` turns a [`RawScenario`] into a
//! [`crate::scenario::Scenario`] with typed ids. `docs/scenario-format.md` documents every
//! type and field below.

use serde::{Deserialize, Serialize};

use super::moment::Moment;

mod rules;
mod traffic;
mod world;

pub use rules::*;
pub use traffic::*;
pub use world::*;

/// A whole scenario file.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Scenario")]
pub struct RawScenario {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub period: RawPeriod,
    pub author: String,
    pub version: String,
    /// A historical scenario claims to follow the record; its events should cite sources.
    #[serde(default)]
    pub historical: bool,
    #[serde(default)]
    pub sources: Vec<RawSource>,
    #[serde(default)]
    pub objectives: Vec<String>,
    /// Questions for the class discussion after a game, shown in the debrief.
    #[serde(default)]
    pub questions: Vec<String>,
    #[serde(default)]
    pub notes: String,
    pub roles: RawRoles,
    #[serde(default)]
    pub bureaus: Vec<RawBureau>,
    pub issues: Vec<RawIssue>,
    /// In a folder scenario, more come from `governments/*.ron`.
    #[serde(default)]
    pub governments: Vec<RawGovernment>,
    /// In a folder scenario: government files taken, by name, from a shared library
    /// (`shared/governments/` beside the folder, or in a mods folder).
    #[serde(default)]
    pub shared: Vec<String>,
    pub missions: Vec<RawMission>,
    #[serde(default)]
    pub actors: Vec<RawActor>,
    #[serde(default)]
    pub materials: Vec<RawMaterial>,
    /// In a folder scenario, more come from `telegrams/*.ron`.
    #[serde(default)]
    pub telegrams: Vec<RawTelegram>,
    #[serde(default)]
    pub events: Vec<RawEvent>,
    #[serde(default)]
    pub votes: Vec<RawVote>,
    pub endings: Vec<RawEnding>,
    /// The ending reached when the period runs out before any `End` effect.
    pub period_end: String,
    #[serde(default)]
    pub model: RawModel,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Period")]
pub struct RawPeriod {
    pub start: Moment,
    pub end: Moment,
}

/// A published source that telegrams, events and governments cite by `id`.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Source")]
pub struct RawSource {
    pub id: String,
    pub citation: String,
    #[serde(default)]
    pub url: Option<String>,
}

/// Who may play: the chief of mission at a post, or the Department.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Roles")]
pub struct RawRoles {
    #[serde(default)]
    pub posts: PostChoice,
    #[serde(default = "yes")]
    pub department: bool,
    /// A mission id, or `"department"`.
    pub default: String,
}

pub(super) fn yes() -> bool {
    true
}

#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub enum PostChoice {
    /// Every mission in `missions` is playable.
    #[default]
    All,
    Only(Vec<String>),
}

/// An office of the Department that groups missions, such as ARA.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Bureau")]
pub struct RawBureau {
    pub id: String,
    pub name: String,
}
