//! Why a command was refused, as data; the views print it as it is worded here.

use crate::scenario::Moment;
use crate::scenario::names::Unknown;

/// The most ticks one moment may take to settle. A real cascade (a vote whose result fires
/// an event that sends a telegram) takes a handful; a scenario whose effects call each other
/// in a circle would take forever.
pub const RUNAWAY: usize = 10_000;

#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum CommandError {
    #[error("the game is over")]
    GameOver,
    #[error("the game ended before {0}")]
    EndedBefore(Moment),
    /// A logged command replayed at another moment than it was given.
    #[error("the command is dated {at} but the game is at {now}")]
    Misdated { at: Moment, now: Moment },
    #[error("the command was not applied")]
    NotApplied,
    /// The scenario's effects set each other off without end at one moment: the game stops
    /// rather than run forever (validation reports the cycles it can see beforehand).
    #[error(
        "at {0} the scenario's effects kept setting each other off ({rounds} rounds at one moment); the game stops here. Expected a scenario whose votes, flags and telegrams do not call each other in a circle",
        rounds = RUNAWAY
    )]
    Runaway(Moment),
    /// A logged command whose giver names no role of the scenario.
    #[error("not yours to give: {0}")]
    NotYours(String),
    #[error("the instructor has paused the game; time cannot run until they resume")]
    Paused,
    /// A name that is not one of the scenario's (boxed: it is the largest of these).
    #[error(transparent)]
    Unknown(Box<Unknown>),
    #[error("only the Department decides; a post answers with a reply")]
    OnlyTheDepartmentDecides,
    #[error("only the Department makes high-level approaches; a post calls with `demarche`")]
    OnlyTheDepartmentApproaches,
    #[error("the Department has spent its {0} high-level approaches in this game")]
    NoApproachesLeft(u32),
    #[error("the vote on {0} has been held; a recommendation on it comes too late")]
    VoteHeld(String),
    #[error("a post recommends; the Department decides (`decide`) or approaches (`approach`)")]
    OnlyPostsRecommend,
    #[error("the Department receives estimates; it does not send them")]
    DepartmentSendsNoEstimates,
    #[error("a mission can only call on its own host government")]
    OwnHostOnly,
    #[error("name the post to instruct")]
    NameThePost,
    #[error("request ({0}) asks for action: make a démarche instead")]
    AsksForAction(String),
    #[error("that request asks for action, not an estimate")]
    NotAnEstimate,
    #[error("that request is not a decision")]
    NotADecision,
    #[error("that position is not one this request allows")]
    PositionNotAllowed,
    #[error("the probability {0} is outside 0..1")]
    Probability(f64),
    #[error("there is no open request ({request}) of {series} for this post")]
    NoOpenRequest { request: String, series: String },
    #[error("there is no open decision of that cable for the Department")]
    NoOpenDecision,
    #[error("no such option")]
    NoSuchOption,
    #[error("{country} has no {whom} in this scenario")]
    NoLeader { country: String, whom: String },
    #[error("no démarche rule for this kind of leader")]
    NoDemarcheRule,
    /// A station the world should have and does not: a bug, said rather than panicked.
    #[error("no such {0}")]
    Missing(&'static str),
    #[error("the mission is busy with a call until {0}")]
    Busy(Moment),
    #[error("{leader} cannot be seen: {why}")]
    Unavailable { leader: String, why: String },
    #[error(
        "it is {at}: ministers receive from {opens:02}:00 to {closes:02}:00; expected a call in office hours (`next` moves the clock on)"
    )]
    OutOfHours { at: Moment, opens: i8, closes: i8 },
    #[error("the instructor's commands need the instructor (--instructor)")]
    InstructorOnly,
    #[error("{0} has already been sent")]
    AlreadySent(String),
    #[error("the game is already paused")]
    AlreadyPaused,
    #[error("the game is not paused")]
    NotPaused,
    #[error("a stance on {issue} runs from {min} to {max}; {to} is outside")]
    StanceOutOfRange {
        issue: String,
        min: f64,
        max: f64,
        to: f64,
    },
}

impl From<Unknown> for CommandError {
    fn from(unknown: Unknown) -> Self {
        CommandError::Unknown(Box::new(unknown))
    }
}
