//! The validated world: issues, governments, missions.

use super::super::format::LeaderRole;
use super::*;

#[derive(Clone, Debug)]
pub struct Issue {
    pub id: String,
    pub question: String,
    pub min: f64,
    pub max: f64,
    pub low: String,
    pub high: String,
    /// Ordered from the low end of the scale to the high end.
    pub positions: Vec<Position>,
}

#[derive(Clone, Debug)]
pub struct Position {
    pub id: String,
    pub label: String,
    pub from: f64,
    pub to: f64,
}

/// Index into [`Issue::positions`].
pub type PositionIx = usize;

impl Issue {
    /// The position a stance falls in.
    pub fn position_of(&self, stance: f64) -> PositionIx {
        self.positions
            .iter()
            .position(|p| stance < p.to)
            .unwrap_or(self.positions.len() - 1)
    }

    pub fn clamp(&self, stance: f64) -> f64 {
        stance.clamp(self.min, self.max)
    }
}

#[derive(Clone, Debug)]
pub struct Government {
    pub id: String,
    pub country: String,
    pub capital: String,
    pub leaders: Vec<Leader>,
    /// True stance per issue, indexed by [`IssueId`].
    pub stances: Vec<f64>,
    /// Where domestic opinion pulls each issue, if it does.
    pub domestic: Vec<Option<f64>>,
    pub us_pressure: f64,
    pub domestic_rate: f64,
    pub neighbour_rate: f64,
    pub neighbours: Vec<GovId>,
    pub relations: Vec<(GovId, f64)>,
    pub notes: String,
    pub cite: Vec<SourceId>,
}

impl Government {
    /// The leader a mission sees for `whom`, if this government has one.
    pub fn leader(&self, own: GovId, whom: Whom) -> Option<&Leader> {
        match whom {
            Whom::Leader(g, ix) if g == own => self.leaders.get(ix),
            Whom::Leader(..) => None,
            Whom::HeadOfState => self
                .leaders
                .iter()
                .find(|l| l.role == LeaderRole::HeadOfState),
            Whom::ForeignMinister => self
                .leaders
                .iter()
                .find(|l| l.role == LeaderRole::ForeignMinister),
            Whom::Military => self.leaders.iter().find(|l| l.role == LeaderRole::Military),
        }
    }
}

#[derive(Clone, Debug)]
pub struct Leader {
    pub id: String,
    pub name: String,
    pub role: LeaderRole,
    pub title: String,
}

#[derive(Clone, Debug)]
pub struct Mission {
    pub id: String,
    pub city: String,
    pub host: GovId,
    pub chief: String,
    pub title: String,
    pub bureau: Option<usize>,
    pub rapport: f64,
    pub noise: f64,
    pub first_number: u32,
}

impl Mission {
    /// The surname that signs the post's cables.
    pub fn signature(&self) -> String {
        self.chief
            .split_whitespace()
            .last()
            .unwrap_or("")
            .to_uppercase()
    }
}

#[derive(Clone, Debug)]
pub struct Actor {
    pub id: String,
    pub name: String,
    pub address: String,
}

#[derive(Clone, Debug)]
pub struct Material {
    pub id: String,
    pub title: String,
    pub push: f64,
    pub rapport_cost: f64,
}
