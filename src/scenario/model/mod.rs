//! The validated scenario: typed ids, every cross-reference resolved.
//!
//! Built only by `validate`; everything downstream trusts it and never re-checks.

use serde::{Deserialize, Serialize};

use super::moment::Moment;

mod rules;
mod traffic;
mod world;

pub use rules::*;
pub use traffic::*;
pub use world::*;

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
    /// A fingerprint of the scenario's text: a save made with other text says so.
    pub hash: String,
    pub title: String,
    pub summary: String,
    pub start: Moment,
    pub end: Moment,
    pub author: String,
    pub version: String,
    pub historical: bool,
    pub sources: Vec<Source>,
    pub objectives: Vec<String>,
    pub questions: Vec<String>,
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
    /// Every id a command may name, looked up as validation looks them up.
    pub names: crate::scenario::names::Names,
}

/// Why a role named by a player is not one of the scenario's.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RoleError {
    #[error("this scenario cannot be played as the Department")]
    NoDepartment,
    #[error("the post `{0}` is not playable in this scenario")]
    NotPlayable(String),
    #[error("no post `{name}` in this scenario; {}", match .hint {
        crate::scenario::names::Hint::Near(near) => format!("did you mean `{near}`?"),
        crate::scenario::names::Hint::OneOf(ids) => format!("expected one of: {}", ids.join(", ")),
        crate::scenario::names::Hint::None => "it has no playable role".into(),
    })]
    Unknown {
        name: String,
        hint: crate::scenario::names::Hint,
    },
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

    /// A post by its id, or what is wrong with the name (with a "did you mean" hint).
    pub fn post_by_name(&self, name: &str) -> Result<PostId, crate::scenario::names::Unknown> {
        self.names
            .missions
            .find("post", "in this scenario", name)
            .map(PostId)
    }

    /// Parses a role as a player names it: a post id or `department`.
    pub fn role_by_name(&self, name: &str) -> Result<Role, RoleError> {
        if name.eq_ignore_ascii_case("department") {
            return if self.department_playable {
                Ok(Role::Department)
            } else {
                Err(RoleError::NoDepartment)
            };
        }
        match self.names.missions.get(name).map(PostId) {
            Some(p) if self.playable_posts.contains(&p) => Ok(Role::Post(p)),
            Some(_) => Err(RoleError::NotPlayable(name.to_string())),
            None => {
                let mut roles: Vec<String> = self
                    .playable_posts
                    .iter()
                    .map(|p| self.mission(*p).id.clone())
                    .collect();
                if self.department_playable {
                    roles.push("department".into());
                }
                Err(RoleError::Unknown {
                    name: name.to_string(),
                    hint: crate::scenario::names::Index::new(roles.iter().map(String::as_str))
                        .hint(name),
                })
            }
        }
    }

    /// How a role is named to the player and in saves: the post's id, or `department`.
    pub fn role_id(&self, role: Role) -> String {
        match role {
            Role::Post(p) => self.mission(p).id.clone(),
            Role::Department => "department".into(),
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
