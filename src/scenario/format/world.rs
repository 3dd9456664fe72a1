//! The world of a scenario: issues, governments and their leaders, missions, actors, material.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::Moment;

/// A policy question, with a numeric scale and the named positions a reply can choose.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Issue")]
pub struct RawIssue {
    pub id: String,
    pub question: String,
    /// What a conversation about it is about, as a memorandum says: "the convocation of the
    /// Foreign Ministers on the Cuban problem". Default: the question itself.
    #[serde(default)]
    pub topic: Option<String>,
    pub scale: RawScale,
    /// Positions cover the scale without gaps, from `min` to `max`.
    pub positions: Vec<RawPosition>,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Scale")]
pub struct RawScale {
    pub min: f64,
    pub max: f64,
    /// What the low end means, e.g. "opposes any collective action".
    pub low: String,
    pub high: String,
}

/// A named position: it holds for a stance in `[from, to)` (the top one includes `to`).
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Position")]
pub struct RawPosition {
    pub id: String,
    pub label: String,
    pub from: f64,
    pub to: f64,
}

/// A government of one of the republics.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Government")]
pub struct RawGovernment {
    pub id: String,
    pub country: String,
    pub capital: String,
    pub leaders: Vec<RawLeader>,
    /// The true stance on each issue (issue id → value on its scale). Hidden from players.
    pub stances: BTreeMap<String, f64>,
    /// Where domestic opinion pulls each issue (issue id → value). Missing: no pull.
    #[serde(default)]
    pub domestic: BTreeMap<String, f64>,
    #[serde(default)]
    pub susceptibility: RawSusceptibility,
    /// Governments whose example this one follows.
    #[serde(default)]
    pub neighbours: Vec<String>,
    /// Relations that matter (government id → -1 hostile … +1 close).
    #[serde(default)]
    pub relations: BTreeMap<String, f64>,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub cite: Vec<String>,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Leader")]
pub struct RawLeader {
    pub id: String,
    pub name: String,
    pub role: LeaderRole,
    /// The title as a cable would give it: "President", "Foreign Minister".
    pub title: String,
    /// The day the leader took office, if during the scenario: before it no call on him.
    #[serde(default)]
    pub from: Option<Moment>,
    /// The day the leader left office, if during the scenario: from then no call on him.
    #[serde(default)]
    pub until: Option<Moment>,
    /// Spells away from the capital (a conference abroad): no call on him then.
    #[serde(default)]
    pub away: Vec<RawAway>,
    /// His share in the government's decision: a call on him moves the government this many
    /// times as far as the démarche rule for his role says (1.0).
    #[serde(default = "one")]
    pub weight: f64,
    /// Where he stands himself, relative to his government (issue id → offset): what he
    /// says in a call leans this way. A Foreign Minister friendlier to Castro than his
    /// President has a negative lean on a question of action against Cuba.
    #[serde(default)]
    pub lean: BTreeMap<String, f64>,
    /// What he says in a call, by issue, band of stance and flags; where no line fits the
    /// engine composes a plain answer from his position.
    #[serde(default)]
    pub lines: Vec<RawLine>,
}

fn one() -> f64 {
    1.0
}

/// A spell away from the capital: `from` (inclusive) to `until` (exclusive), at `place`.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Away")]
pub struct RawAway {
    pub from: Moment,
    pub until: Moment,
    /// Where he is: "San José".
    pub at: String,
}

/// Something a leader says in a call, in reported speech as a memorandum of conversation
/// records it ("The President said that ...").
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Line")]
pub struct RawLine {
    /// The issue the call is about.
    pub issue: String,
    /// The positions of that issue (by id) in which his words fall; empty: any.
    #[serde(default)]
    pub positions: Vec<String>,
    /// Flags that must be set for the line to fit.
    #[serde(default)]
    pub when: Vec<String>,
    /// Flags that must not be set.
    #[serde(default)]
    pub unless: Vec<String>,
    /// The words, in the third person past tense.
    pub says: String,
    /// What he asks of the United States in return, as a clause after "asked":
    /// "that the United States support Venezuela's complaint against the Trujillo regime".
    #[serde(default)]
    pub asks: Option<String>,
    #[serde(default)]
    pub cite: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
pub enum LeaderRole {
    HeadOfState,
    HeadOfGovernment,
    ForeignMinister,
    Military,
    Other,
}

/// How far a stance moves: per démarche (`us_pressure`), and per day towards domestic
/// opinion and the neighbours' average.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Susceptibility")]
pub struct RawSusceptibility {
    #[serde(default = "half")]
    pub us_pressure: f64,
    #[serde(default)]
    pub domestic: f64,
    #[serde(default)]
    pub neighbours: f64,
}

fn half() -> f64 {
    0.5
}

impl Default for RawSusceptibility {
    fn default() -> Self {
        RawSusceptibility {
            us_pressure: 0.5,
            domestic: 0.0,
            neighbours: 0.0,
        }
    }
}

/// A US diplomatic post accredited to a government.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Mission")]
pub struct RawMission {
    pub id: String,
    pub city: String,
    pub host: String,
    pub chief: String,
    #[serde(default = "ambassador")]
    pub title: String,
    #[serde(default)]
    pub bureau: Option<String>,
    /// Standing with the host government, 0..1.
    pub rapport: f64,
    /// How far the mission's first estimate of its host's stance may be off (a standard
    /// deviation on the issue's scale).
    pub noise: f64,
    /// The number of the post's first telegram in the game.
    #[serde(default = "first_number")]
    pub first_number: u32,
    /// The day the chief of mission left the post, if during the scenario; from then the
    /// `charge` makes the post's calls, with less weight.
    #[serde(default)]
    pub chief_left: Option<Moment>,
    /// Who is in charge after the chief left: "Chargé d'Affaires a.i. Philip W. Bonsal".
    #[serde(default)]
    pub charge: Option<String>,
}

fn ambassador() -> String {
    "Ambassador".into()
}

fn first_number() -> u32 {
    1
}

/// Another addressee of cables that is not a mission to a government (USUN, the US
/// representative on the OAS Council).
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Actor")]
pub struct RawActor {
    pub id: String,
    pub name: String,
    /// The cable address, e.g. "USUN NEW YORK".
    pub address: String,
}

/// Something a mission may show a government.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Material")]
pub struct RawMaterial {
    pub id: String,
    pub title: String,
    /// Added to the push of a démarche that shows it.
    #[serde(default)]
    pub push: f64,
    /// Rapport it costs to show it.
    #[serde(default)]
    pub rapport_cost: f64,
}
