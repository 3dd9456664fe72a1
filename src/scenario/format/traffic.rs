//! Telegrams: their headers, addressees, references and requests.

use serde::{Deserialize, Serialize};

use super::{Moment, RawEffect, RawTrigger};

/// A telegram of the scenario: sent when its trigger holds, or by a `Send`/`Schedule` effect.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Telegram")]
pub struct RawTelegram {
    pub id: String,
    pub series: Series,
    pub number: u32,
    pub kind: TelegramKind,
    pub precedence: Precedence,
    pub classification: Classification,
    #[serde(default)]
    pub captions: Vec<Caption>,
    pub from: RawSender,
    /// The signature, as on the cable: "HERTER".
    pub signed: String,
    pub to: Vec<RawAddressees>,
    #[serde(default)]
    pub repeated: Vec<RawAddressees>,
    #[serde(default)]
    pub info: Vec<RawAddressees>,
    #[serde(default)]
    pub refs: Vec<RawReference>,
    pub subject: String,
    pub body: String,
    /// The archive file, e.g. "611.37/7–1160".
    #[serde(default)]
    pub file: Option<String>,
    #[serde(default)]
    pub cite: Vec<String>,
    pub provenance: Provenance,
    #[serde(default)]
    pub trigger: Option<RawTrigger>,
    #[serde(default)]
    pub requests: Vec<RawRequest>,
    /// Applied when the telegram is sent.
    #[serde(default)]
    pub effects: Vec<RawEffect>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub enum Series {
    Deptel,
    Deptcirtel,
    Embtel,
    Secto,
    Usun,
    /// A memorandum of conversation, filed at the post that held it.
    Memcon,
}

impl Series {
    /// How a cable of the series is cited: `DEPTCIRTEL` in `DEPTCIRTEL 47`.
    pub fn name(self) -> &'static str {
        match self {
            Series::Deptel => "DEPTEL",
            Series::Deptcirtel => "DEPTCIRTEL",
            Series::Embtel => "EMBTEL",
            Series::Secto => "SECTO",
            Series::Usun => "USUN",
            Series::Memcon => "MEMCON",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub enum TelegramKind {
    Circular,
    Instruction,
    Information,
    Reply,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
pub enum Precedence {
    Niact,
    Immediate,
    Priority,
    Routine,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub enum Classification {
    TopSecret,
    Secret,
    Confidential,
    OfficialUseOnly,
    Unclassified,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub enum Caption {
    LimitDistribution,
    Exdis,
    Nodis,
    EyesOnly,
}

/// Whether an event or telegram happened as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub enum Provenance {
    /// In the record, with a citation.
    Documented,
    /// Not in the record, but consistent with it.
    Plausible,
    /// Made up for play.
    Invented,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(rename = "Sender")]
pub enum RawSender {
    Department,
    Post(String),
    Actor(String),
}

/// A set of addressees.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Addressees")]
pub enum RawAddressees {
    Department,
    Post(String),
    Actor(String),
    /// Every mission of a bureau, except some.
    Bureau {
        id: String,
        #[serde(default)]
        except: Vec<String>,
    },
    /// Every mission, except some.
    AllPosts {
        #[serde(default)]
        except: Vec<String>,
    },
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(rename = "Reference")]
pub enum RawReference {
    /// A telegram of this scenario, by id.
    Telegram(String),
    /// A cable outside the scenario, as it is cited ("DEPTCIRTEL 14").
    External(String),
}

/// Something a telegram asks of its addressees.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Request")]
pub enum RawRequest {
    /// "By return cable, your best estimate of …".
    Estimate {
        /// The paragraph letter in the cable: "a".
        id: String,
        issue: String,
        /// The positions a reply may choose; empty means all of the issue's positions.
        #[serde(default)]
        positions: Vec<String>,
        deadline: Moment,
        /// The position the Department assumes when no reply arrives by the deadline.
        #[serde(default)]
        default: Option<String>,
        /// The paragraph a reply cites, as the cable numbers it: "3" for a numbered
        /// paragraph. Default: the id in brackets, "(a)".
        #[serde(default)]
        paragraph: Option<String>,
    },
    /// "Impress on the government …": whom to see and what may be shown.
    Action {
        id: String,
        #[serde(default)]
        see: Vec<RawWhom>,
        #[serde(default)]
        show: Vec<String>,
        /// Posts that must not carry it out ("except Ciudad Trujillo").
        #[serde(default)]
        except: Vec<String>,
        #[serde(default)]
        deadline: Option<Moment>,
    },
    /// A choice for the addressee (usually the Department), each option with its effects.
    Decision {
        id: String,
        question: String,
        options: Vec<RawOption>,
        deadline: Moment,
        default: String,
        /// How a non-player Department decides from the posts' reports: it counts the yes
        /// votes they expect in `vote`, and chooses `enough` if they reach the votes needed,
        /// `short` if not. Without it, it picks by the options' weights.
        #[serde(default)]
        counts: Option<RawCount>,
    },
}

/// The Department's count of a coming vote, from the posts' estimates.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Count")]
pub struct RawCount {
    pub vote: String,
    /// The option to choose when the count reaches the votes needed.
    pub enough: String,
    /// The option to choose when it falls short.
    pub short: String,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Option")]
pub struct RawOption {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub effects: Vec<RawEffect>,
    /// How often a non-player Department picks it, relative to the other options.
    #[serde(default = "one")]
    pub weight: f64,
    /// What was really decided.
    #[serde(default)]
    pub historical: bool,
}

fn one() -> f64 {
    1.0
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename = "Whom")]
pub enum RawWhom {
    HeadOfState,
    ForeignMinister,
    Military,
    /// A leader by id.
    Leader(String),
}
