//! The validated scenario: typed ids, every cross-reference resolved.
//!
//! Built only by `validate`; everything downstream trusts it and never re-checks.

use serde::{Deserialize, Serialize};

use super::format::{
    Body, Caption, Classification, LeaderRole, Precedence, Provenance, Quorum, Rule, Series,
    TelegramKind, VoteResult,
};
use super::moment::Moment;

macro_rules! typed_id {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub struct $name(pub u32);
        impl $name {
            pub fn index(self) -> usize { self.0 as usize }
        }
    )*};
}

typed_id!(
    /// Index into [`Scenario::issues`].
    IssueId,
    /// Index into [`Scenario::governments`].
    GovId,
    /// Index into [`Scenario::missions`].
    PostId,
    /// Index into [`Scenario::actors`].
    ActorId,
    /// Index into [`Scenario::telegrams`].
    TelegramId,
    /// Index into [`Scenario::events`].
    EventId,
    /// Index into [`Scenario::votes`].
    VoteId,
    /// Index into [`Scenario::endings`].
    EndingId,
    /// Index into [`Scenario::flags`].
    FlagId,
    /// Index into [`Scenario::materials`].
    MaterialId,
    /// Index into [`Scenario::sources`].
    SourceId,
    /// Index into [`Scenario::chances`]: one draw per `Chance` trigger, made at the start.
    ChanceId,
);

/// A scenario ready to play.
#[derive(Clone, Debug)]
pub struct Scenario {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub start: Moment,
    pub end: Moment,
    pub author: String,
    pub version: String,
    pub historical: bool,
    pub sources: Vec<Source>,
    pub objectives: Vec<String>,
    pub notes: String,
    pub playable_posts: Vec<PostId>,
    pub department_playable: bool,
    pub default_role: Role,
    pub bureaus: Vec<String>,
    pub issues: Vec<Issue>,
    pub governments: Vec<Government>,
    pub missions: Vec<Mission>,
    pub actors: Vec<Actor>,
    pub materials: Vec<Material>,
    pub telegrams: Vec<Telegram>,
    pub events: Vec<Event>,
    pub votes: Vec<Vote>,
    pub endings: Vec<Ending>,
    pub period_end: EndingId,
    /// Every flag named anywhere in the scenario.
    pub flags: Vec<String>,
    /// The probability of each `Chance` trigger, in the order they appear.
    pub chances: Vec<f64>,
    pub model: Model,
}

/// Who the player is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    Post(PostId),
    Department,
}

impl Role {
    /// The station whose in-tray the player reads.
    pub fn station(self) -> Station {
        match self {
            Role::Post(p) => Station::Post(p),
            Role::Department => Station::Department,
        }
    }
}

#[derive(Clone, Debug)]
pub struct Source {
    pub id: String,
    pub citation: String,
    pub url: Option<String>,
}

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

/// A sender or addressee of a cable.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Station {
    Department,
    Post(PostId),
    Actor(ActorId),
}

#[derive(Clone, Debug)]
pub struct Telegram {
    pub id: String,
    pub series: Series,
    pub number: u32,
    pub kind: TelegramKind,
    pub precedence: Precedence,
    pub classification: Classification,
    pub captions: Vec<Caption>,
    pub from: Station,
    pub signed: String,
    /// Action addressees, expanded from their sets, in scenario order.
    pub to: Vec<Station>,
    pub repeated: Vec<Station>,
    pub info: Vec<Station>,
    /// How the addressees were written, for the cable's header ("ALL ARA POSTS EXCEPT HAVANA").
    pub to_caption: String,
    pub refs: Vec<Reference>,
    pub subject: String,
    pub body: String,
    pub file: Option<String>,
    pub cite: Vec<SourceId>,
    pub provenance: Provenance,
    pub trigger: Option<Trigger>,
    pub requests: Vec<Request>,
    pub effects: Vec<Effect>,
}

#[derive(Clone, Debug)]
pub enum Reference {
    Telegram(TelegramId),
    External(String),
}

/// Index into [`Telegram::requests`].
pub type RequestIx = usize;

#[derive(Clone, Debug)]
pub struct Request {
    /// The paragraph letter: "a".
    pub id: String,
    pub kind: RequestKind,
}

#[derive(Clone, Debug)]
pub enum RequestKind {
    Estimate {
        issue: IssueId,
        /// Allowed positions (indexes into the issue's positions), never empty.
        positions: Vec<PositionIx>,
        deadline: Moment,
        default: Option<PositionIx>,
    },
    Action {
        see: Vec<Whom>,
        show: Vec<MaterialId>,
        except: Vec<PostId>,
        deadline: Option<Moment>,
    },
    Decision {
        question: String,
        options: Vec<DecisionOption>,
        deadline: Moment,
        default: usize,
    },
}

impl RequestKind {
    pub fn deadline(&self) -> Option<Moment> {
        match self {
            RequestKind::Estimate { deadline, .. } | RequestKind::Decision { deadline, .. } => {
                Some(*deadline)
            }
            RequestKind::Action { deadline, .. } => *deadline,
        }
    }
}

#[derive(Clone, Debug)]
pub struct DecisionOption {
    pub id: String,
    pub label: String,
    pub effects: Vec<Effect>,
    pub weight: f64,
    pub historical: bool,
}

/// Whom a mission sees.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Whom {
    HeadOfState,
    ForeignMinister,
    Military,
    /// A named leader of a government: the government and the index in its leaders.
    Leader(GovId, usize),
}

#[derive(Clone, Debug)]
pub enum Trigger {
    At(Moment),
    Flag(FlagId),
    StanceAbove {
        government: GovId,
        issue: IssueId,
        value: f64,
    },
    StanceBelow {
        government: GovId,
        issue: IssueId,
        value: f64,
    },
    Replied {
        telegram: TelegramId,
        request: RequestIx,
        from: Option<PostId>,
    },
    NoReply {
        telegram: TelegramId,
        request: RequestIx,
        from: Option<PostId>,
        by: Moment,
    },
    Vote {
        vote: VoteId,
        result: VoteResult,
    },
    Chance(ChanceId),
    All(Vec<Trigger>),
    Any(Vec<Trigger>),
    Not(Box<Trigger>),
}

impl Trigger {
    /// Every moment at which this trigger may change from false to true because of the clock,
    /// so the calendar can stop there.
    pub fn moments(&self, out: &mut Vec<Moment>) {
        match self {
            Trigger::At(m) | Trigger::NoReply { by: m, .. } => out.push(*m),
            Trigger::All(ts) | Trigger::Any(ts) => ts.iter().for_each(|t| t.moments(out)),
            Trigger::Not(t) => t.moments(out),
            _ => {}
        }
    }
}

#[derive(Clone, Debug)]
pub enum Effect {
    MoveStance {
        governments: Vec<GovId>,
        issue: IssueId,
        by: f64,
        spread: f64,
    },
    SetFlag(FlagId),
    ClearFlag(FlagId),
    Send(TelegramId),
    Schedule {
        telegram: TelegramId,
        after_hours: u32,
    },
    Rapport {
        post: PostId,
        by: f64,
    },
    CallVote(VoteId),
    End(EndingId),
}

#[derive(Clone, Debug)]
pub struct Event {
    pub id: String,
    pub headline: String,
    pub text: String,
    pub trigger: Trigger,
    pub effects: Vec<Effect>,
    pub cite: Vec<SourceId>,
    pub provenance: Provenance,
}

#[derive(Clone, Debug)]
pub struct Vote {
    pub id: String,
    pub body: Body,
    pub title: String,
    pub issue: IssueId,
    pub members: Vec<GovId>,
    pub parties: Vec<GovId>,
    pub absent: Vec<GovId>,
    pub rule: Rule,
    pub quorum: Quorum,
    pub yes_from: f64,
    pub abstain_from: f64,
    pub reveals: bool,
    pub on_pass: Vec<Effect>,
    pub on_fail: Vec<Effect>,
    pub cite: Vec<SourceId>,
}

#[derive(Clone, Debug)]
pub struct Ending {
    pub id: String,
    pub title: String,
    pub debrief: String,
    pub history: String,
}

#[derive(Clone, Debug)]
pub struct Model {
    pub transit_hours: [u32; 4],
    pub office_opens: i8,
    pub office_closes: i8,
    pub demarches: Vec<DemarcheRule>,
    pub npc_reply_after_hours: u32,
    pub npc_see: Vec<(Whom, f64)>,
    pub npc_show_chance: f64,
}

impl Model {
    pub fn transit(&self, precedence: Precedence) -> u32 {
        self.transit_hours[precedence as usize]
    }

    /// The rule for a call on `whom`; a named leader counts by their role.
    pub fn demarche_rule(&self, whom: Whom) -> Option<&DemarcheRule> {
        self.demarches.iter().find(|r| r.see == whom)
    }
}

#[derive(Clone, Debug)]
pub struct DemarcheRule {
    pub see: Whom,
    pub push: f64,
    pub rapport_cost: f64,
    pub days: u32,
    pub insight: f64,
}

impl Scenario {
    pub fn issue(&self, id: IssueId) -> &Issue {
        &self.issues[id.index()]
    }
    pub fn government(&self, id: GovId) -> &Government {
        &self.governments[id.index()]
    }
    pub fn mission(&self, id: PostId) -> &Mission {
        &self.missions[id.index()]
    }
    pub fn telegram(&self, id: TelegramId) -> &Telegram {
        &self.telegrams[id.index()]
    }
    pub fn vote(&self, id: VoteId) -> &Vote {
        &self.votes[id.index()]
    }
    pub fn ending(&self, id: EndingId) -> &Ending {
        &self.endings[id.index()]
    }

    pub fn post_by_name(&self, name: &str) -> Option<PostId> {
        self.missions
            .iter()
            .position(|m| m.id == name)
            .map(|i| PostId(i as u32))
    }

    /// Parses a role as a player names it: a post id or `department`.
    pub fn role_by_name(&self, name: &str) -> Result<Role, String> {
        if name.eq_ignore_ascii_case("department") {
            return if self.department_playable {
                Ok(Role::Department)
            } else {
                Err("this scenario cannot be played as the Department".into())
            };
        }
        match self.post_by_name(name) {
            Some(p) if self.playable_posts.contains(&p) => Ok(Role::Post(p)),
            Some(_) => Err(format!(
                "the post `{name}` is not playable in this scenario"
            )),
            None => {
                let names: Vec<&str> = self
                    .playable_posts
                    .iter()
                    .map(|p| self.mission(*p).id.as_str())
                    .collect();
                Err(format!(
                    "no post `{name}` in this scenario; expected `department` or one of: {}",
                    names.join(", ")
                ))
            }
        }
    }

    /// The cable address of a station: `AMEMBASSY CARACAS`, `SECSTATE WASHDC`.
    pub fn address(&self, station: Station) -> String {
        match station {
            Station::Department => "SECSTATE WASHDC".into(),
            Station::Post(p) => format!("AMEMBASSY {}", self.mission(p).city.to_uppercase()),
            Station::Actor(a) => self.actors[a.index()].address.clone(),
        }
    }

    /// A short name for a station in transcripts and lists.
    pub fn station_name(&self, station: Station) -> String {
        match station {
            Station::Department => "Department".into(),
            Station::Post(p) => self.mission(p).city.clone(),
            Station::Actor(a) => self.actors[a.index()].name.clone(),
        }
    }

    pub fn role_name(&self, role: Role) -> String {
        match role {
            Role::Department => "the Department".into(),
            Role::Post(p) => {
                let m = self.mission(p);
                format!("{} {} in {}", m.title, m.chief, m.city)
            }
        }
    }
}
