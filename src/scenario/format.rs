//! The scenario format as a modder writes it: serde types with string ids.
//!
//! Nothing here is checked beyond its shape; `validate` turns a [`RawScenario`] into a
//! [`crate::scenario::Scenario`] with typed ids. `docs/scenario-format.md` documents every
//! type and field below.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::moment::Moment;

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
    #[serde(default)]
    pub notes: String,
    pub roles: RawRoles,
    #[serde(default)]
    pub bureaus: Vec<RawBureau>,
    pub issues: Vec<RawIssue>,
    pub governments: Vec<RawGovernment>,
    pub missions: Vec<RawMission>,
    #[serde(default)]
    pub actors: Vec<RawActor>,
    #[serde(default)]
    pub materials: Vec<RawMaterial>,
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

fn yes() -> bool {
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

/// A policy question, with a numeric scale and the named positions a reply can choose.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Issue")]
pub struct RawIssue {
    pub id: String,
    pub question: String,
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
    },
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
    #[serde(default)]
    pub on_pass: Vec<RawEffect>,
    #[serde(default)]
    pub on_fail: Vec<RawEffect>,
    #[serde(default)]
    pub cite: Vec<String>,
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
