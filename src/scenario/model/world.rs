//! The validated world: issues, governments, missions.

use super::super::format::LeaderRole;
use super::*;

#[derive(Clone, Debug)]
pub struct Issue {
    pub id: String,
    pub question: String,
    /// What a conversation about it is about: "the convocation of the Foreign Ministers".
    pub topic: String,
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
    /// The leader a mission sees for `whom` at `now`, if this government has one: for a
    /// role, whoever holds that office then (or, if nobody does, the first with the role,
    /// so that the refusal can say why).
    pub fn leader(&self, own: GovId, whom: Whom, now: Moment) -> Option<&Leader> {
        let by_role = |role: LeaderRole| {
            let mut holders = self.leaders.iter().filter(move |l| l.role == role);
            let first = holders.clone().next();
            holders.find(|l| l.in_office(now)).or(first)
        };
        match whom {
            Whom::Leader(g, ix) if g == own => self.leaders.get(ix),
            Whom::Leader(..) => None,
            Whom::HeadOfState => by_role(LeaderRole::HeadOfState),
            Whom::ForeignMinister => by_role(LeaderRole::ForeignMinister),
            Whom::Military => by_role(LeaderRole::Military),
        }
    }
}

#[derive(Clone, Debug)]
pub struct Leader {
    pub id: String,
    pub name: String,
    pub role: LeaderRole,
    pub title: String,
    /// In office from this moment (inclusive) until that one (exclusive).
    pub from: Option<Moment>,
    pub until: Option<Moment>,
    pub away: Vec<Away>,
    /// How far a call on him moves his government, relative to the rule for his role.
    pub weight: f64,
    /// His own position relative to his government's, per issue.
    pub lean: Vec<f64>,
    pub lines: Vec<Line>,
}

#[derive(Clone, Debug)]
pub struct Away {
    pub from: Moment,
    pub until: Moment,
    pub at: String,
}

/// Something a leader says in a call; see [`crate::scenario::format::RawLine`].
#[derive(Clone, Debug)]
pub struct Line {
    pub issue: IssueId,
    pub positions: Vec<PositionIx>,
    pub when: Vec<FlagId>,
    pub unless: Vec<FlagId>,
    pub says: String,
    pub asks: Option<String>,
    pub cite: Vec<SourceId>,
}

/// Why a leader cannot be seen at a given moment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unavailable {
    /// He has not taken office yet.
    NotYet(Moment),
    /// He left office.
    Left(Moment),
    /// He is abroad until then.
    Away { at: String, until: Moment },
}

impl Leader {
    /// Whether he can be called on at `now`, and if not, why.
    pub fn available(&self, now: Moment) -> Result<(), Unavailable> {
        if let Some(from) = self.from
            && now < from
        {
            return Err(Unavailable::NotYet(from));
        }
        if let Some(until) = self.until
            && now >= until
        {
            return Err(Unavailable::Left(until));
        }
        match self.away.iter().find(|a| a.from <= now && now < a.until) {
            Some(a) => Err(Unavailable::Away {
                at: a.at.clone(),
                until: a.until,
            }),
            None => Ok(()),
        }
    }

    /// In office at `now` (whether or not in the capital).
    pub fn in_office(&self, now: Moment) -> bool {
        !matches!(
            self.available(now),
            Err(Unavailable::NotYet(_) | Unavailable::Left(_))
        )
    }

    /// "President Rómulo Betancourt".
    pub fn styled(&self) -> String {
        format!("{} {}", self.title, self.name)
    }
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
    pub chief_left: Option<Moment>,
    pub charge: Option<String>,
}

impl Mission {
    /// Whether the chief has left the post by `now` (a chargé then makes its calls).
    pub fn chief_gone(&self, now: Moment) -> bool {
        self.chief_left.is_some_and(|left| now >= left)
    }

    /// Who makes the post's calls at `now`, as a memorandum names him: "Ambassador Sparks",
    /// or after the chief left, the chargé.
    pub fn caller(&self, now: Moment) -> String {
        match (&self.charge, self.chief_gone(now)) {
            (Some(charge), true) => charge.clone(),
            (None, true) => "The Chargé d'Affaires".into(),
            _ => format!(
                "{} {}",
                self.title,
                self.chief.split_whitespace().last().unwrap_or("")
            ),
        }
    }

    /// Who signs the post's memoranda at `now`: the chief's full name, or the chargé.
    pub fn signer(&self, now: Moment) -> String {
        match (&self.charge, self.chief_gone(now)) {
            (Some(charge), true) => charge.clone(),
            (None, true) => "Chargé d'Affaires".into(),
            _ => self.chief.clone(),
        }
    }

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
