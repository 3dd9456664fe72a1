//! Triggers, effects, events, votes, endings, and the numbers of the model.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Moment, Provenance, RawWhom, yes};

/// When a telegram or event fires.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Trigger")]
pub enum RawTrigger {
    /// At or after this moment.
    At(Moment),
    /// While a flag is set.
    Flag(String),
    /// While a government's true stance is at or above a value.
    StanceAbove {
        government: String,
        issue: String,
        value: f64,
    },
    StanceBelow {
        government: String,
        issue: String,
        value: f64,
    },
    /// Once a reply to a request has arrived (from one post, or from any).
    Replied {
        telegram: String,
        request: String,
        #[serde(default)]
        from: Option<String>,
    },
    /// Once `by` has passed without that reply.
    NoReply {
        telegram: String,
        request: String,
        #[serde(default)]
        from: Option<String>,
        by: Moment,
    },
    /// Once a vote has been held with this result.
    Vote {
        vote: String,
        result: VoteResult,
    },
    /// Decided once, when the game starts, with this probability.
    Chance(f64),
    All(Vec<RawTrigger>),
    Any(Vec<RawTrigger>),
    Not(Box<RawTrigger>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub enum VoteResult {
    Passed,
    Failed,
}

/// A change to the world.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Effect")]
pub enum RawEffect {
    /// Move true stances by `by`, plus a normal draw with standard deviation `spread`.
    MoveStance {
        governments: Vec<String>,
        issue: String,
        by: f64,
        #[serde(default)]
        spread: f64,
    },
    SetFlag(String),
    ClearFlag(String),
    /// Send a telegram now.
    Send(String),
    /// Send a telegram after a delay.
    Schedule {
        telegram: String,
        after_hours: u32,
    },
    Rapport {
        post: String,
        by: f64,
    },
    CallVote(String),
    End(String),
}

/// Something that happens in the world: a speech, a meeting, a coup.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Event")]
pub struct RawEvent {
    pub id: String,
    pub headline: String,
    #[serde(default)]
    pub text: String,
    pub trigger: RawTrigger,
    #[serde(default)]
    pub effects: Vec<RawEffect>,
    #[serde(default)]
    pub cite: Vec<String>,
    pub provenance: Provenance,
    /// Who learns of it during the game: `"department"` or post ids. Empty: everyone (it is
    /// public news). An NSC discussion is known to the Department, not to the posts, until
    /// the debrief.
    #[serde(default)]
    pub known_to: Vec<String>,
}

/// A vote of an inter-American body.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Vote")]
pub struct RawVote {
    pub id: String,
    pub body: Body,
    pub title: String,
    pub issue: String,
    #[serde(default)]
    pub members: Members,
    /// Parties to the dispute, excluded from voting (Rio Treaty Art. 18).
    #[serde(default)]
    pub parties: Vec<String>,
    /// Members not in the room.
    #[serde(default)]
    pub absent: Vec<String>,
    pub rule: Rule,
    #[serde(default)]
    pub quorum: Quorum,
    pub casting: RawCasting,
    /// Whether the vote shows each government's true stance (and so scores the estimates).
    #[serde(default = "yes")]
    pub reveals: bool,
    /// How each government really voted, where documented: cast in historical mode.
    #[serde(default)]
    pub record: BTreeMap<String, RecordedCast>,
    #[serde(default)]
    pub on_pass: Vec<RawEffect>,
    #[serde(default)]
    pub on_fail: Vec<RawEffect>,
    #[serde(default)]
    pub cite: Vec<String>,
    /// What moves some governments in this vote only, beside their stance on the issue:
    /// Cuba voted to convoke the meeting that would judge it, to air its own complaint.
    #[serde(default)]
    pub linkage: Vec<RawLinkage>,
}

/// A reason of this vote's own that moves some governments' casting.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Linkage")]
pub struct RawLinkage {
    pub governments: Vec<String>,
    /// Added to their stance when they cast this vote.
    pub by: f64,
    /// The reason, as the vote's explanation gives it: "wants the meeting convoked to air
    /// its own complaint against the United States".
    pub because: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub enum Body {
    CouncilOfOas,
    MeetingOfConsultation,
    OrganOfConsultation,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub enum Members {
    #[default]
    AllGovernments,
    Only(Vec<String>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub enum Rule {
    /// More than half of the members entitled to vote (OAS Charter).
    AbsoluteMajority,
    /// Two thirds of the members entitled to vote (Rio Treaty Art. 17).
    TwoThirds,
    /// More yes than no among the votes cast.
    SimpleMajority,
    /// Every member entitled to vote says yes.
    Unanimity,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
pub enum Quorum {
    /// At least as many present as votes needed (Rio Treaty Art. 19).
    #[default]
    VotesNeeded,
    Count(u32),
    None,
}

/// How a stance becomes a vote: yes at or above `yes_from`, abstain at or above
/// `abstain_from`, otherwise no.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Casting")]
pub struct RawCasting {
    pub yes_from: f64,
    pub abstain_from: f64,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Ending")]
pub struct RawEnding {
    pub id: String,
    pub title: String,
    pub debrief: String,
    pub history: String,
}

/// The numbers of the model, all with defaults.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
#[serde(rename = "Model")]
pub struct RawModel {
    /// Hours a cable takes by precedence.
    pub transit: RawTransit,
    /// Cables other than Niact wait for office hours: from this hour …
    pub office_opens: i8,
    /// … to this one.
    pub office_closes: i8,
    /// What each kind of call does.
    pub demarches: Vec<RawDemarcheRule>,
    /// How non-player missions act.
    pub npc: RawNpc,
    /// High-level approaches the Department may spend in the game: a call by the Secretary
    /// or a letter from the President, where the count is close.
    pub approaches: u32,
}

impl Default for RawModel {
    fn default() -> Self {
        RawModel {
            transit: RawTransit::default(),
            office_opens: 8,
            office_closes: 18,
            demarches: vec![
                RawDemarcheRule::new(RawWhom::HeadOfState, 0.12, 0.08, 2, 0.5),
                RawDemarcheRule::new(RawWhom::ForeignMinister, 0.08, 0.03, 1, 0.4),
                RawDemarcheRule::new(RawWhom::Military, 0.05, 0.05, 1, 0.2),
            ],
            npc: RawNpc::default(),
            approaches: 3,
        }
    }
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
#[serde(rename = "Transit")]
pub struct RawTransit {
    pub niact: u32,
    pub immediate: u32,
    pub priority: u32,
    pub routine: u32,
}

impl Default for RawTransit {
    fn default() -> Self {
        RawTransit {
            niact: 1,
            immediate: 3,
            priority: 6,
            routine: 24,
        }
    }
}

/// One kind of call: whom the mission sees, how hard it pushes, what it costs, and how
/// much it learns (the share by which the estimate's uncertainty shrinks).
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "DemarcheRule")]
pub struct RawDemarcheRule {
    pub see: RawWhom,
    pub push: f64,
    pub rapport_cost: f64,
    pub days: u32,
    pub insight: f64,
}

impl RawDemarcheRule {
    fn new(see: RawWhom, push: f64, rapport_cost: f64, days: u32, insight: f64) -> Self {
        RawDemarcheRule {
            see,
            push,
            rapport_cost,
            days,
            insight,
        }
    }
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
#[serde(rename = "Npc")]
pub struct RawNpc {
    /// Hours a non-player mission takes to answer an estimate request.
    pub reply_after_hours: u32,
    /// Relative weights for whom a non-player mission sees on an action request.
    pub see: Vec<(RawWhom, f64)>,
    /// The chance that it shows the material it may show.
    pub show_chance: f64,
}

impl Default for RawNpc {
    fn default() -> Self {
        RawNpc {
            reply_after_hours: 48,
            see: vec![
                (RawWhom::ForeignMinister, 3.0),
                (RawWhom::HeadOfState, 2.0),
                (RawWhom::Military, 1.0),
            ],
            show_chance: 0.6,
        }
    }
}

/// A vote as the record gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub enum RecordedCast {
    Yes,
    No,
    Abstain,
    Absent,
}
