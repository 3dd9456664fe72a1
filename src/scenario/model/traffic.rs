//! Validated telegrams, addressees and requests.

use serde::{Deserialize, Serialize};

use super::super::format::{Caption, Classification, Precedence, Provenance, Series, TelegramKind};
use super::*;

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

impl Telegram {
    /// How the telegram is cited: "DEPTCIRTEL 47".
    pub fn cited(&self) -> String {
        format!("{} {}", self.series.name(), self.number)
    }

    /// How one of its requests is cited: "DEPTCIRTEL 79, paragraph 3".
    pub fn request_cited(&self, request: usize) -> String {
        format!(
            "{}, paragraph {}",
            self.cited(),
            self.requests[request].paragraph
        )
    }

    /// The label of a decision request's option ("" if the request is not a decision).
    pub fn option_label(&self, request: usize, option: usize) -> &str {
        match &self.requests[request].kind {
            RequestKind::Decision { options, .. } => &options[option].label,
            _ => "",
        }
    }
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
    /// How a reply cites it: "(A)", "3".
    pub paragraph: String,
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
        counts: Option<Count>,
    },
}

/// A non-player Department counts `vote` from the reports and chooses `enough` or `short`
/// (option indexes).
#[derive(Clone, Copy, Debug)]
pub struct Count {
    pub vote: VoteId,
    pub enough: usize,
    pub short: usize,
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
