//! Effects: changes to the world named by the scenario. [`apply_all`] turns each into the
//! event of the domain that carries it out; the match has no catch-all, so an effect added
//! to the scenario model does not compile until it is routed to a domain.

use bevy::prelude::*;

use crate::scenario::{Effect, EndingId, FlagId, GovId, IssueId, PostId, TelegramId, VoteId};

/// Governments' stances on an issue move (the governments domain).
#[derive(Event, Clone, Debug)]
pub struct MoveStance {
    pub governments: Vec<GovId>,
    pub issue: IssueId,
    pub by: f64,
    pub spread: f64,
    /// What moved it, in words, for the vote's reasons: an event's headline, a vote's title.
    pub cause: String,
}

/// A flag is set or cleared (the triggers domain).
#[derive(Event, Clone, Copy, Debug)]
pub struct SetFlag {
    pub flag: FlagId,
    pub on: bool,
}

/// A scenario telegram goes out now, or after some hours (the cables domain).
#[derive(Event, Clone, Copy, Debug)]
pub struct SendTelegram {
    pub telegram: TelegramId,
    pub after_hours: Option<u32>,
}

/// A mission's rapport with its host government changes (the missions domain).
#[derive(Event, Clone, Copy, Debug)]
pub struct ChangeRapport {
    pub post: PostId,
    pub by: f64,
}

/// A vote is called (the votes domain).
#[derive(Event, Clone, Copy, Debug)]
pub struct CallVote(pub VoteId);

/// The game reaches an ending (the endings domain).
#[derive(Event, Clone, Copy, Debug)]
pub struct End(pub EndingId);

/// Queues every effect of a list, in order; `cause` says in words what brought them about
/// ("Khrushchev: Soviet rockets could support Cuba"), for the reasons a vote gives.
pub fn apply_all(commands: &mut Commands, effects: &[Effect], cause: &str) {
    for effect in effects {
        apply(commands, effect, cause);
    }
}

/// Queues one effect for the domain that carries it out.
pub fn apply(commands: &mut Commands, effect: &Effect, cause: &str) {
    match effect {
        Effect::MoveStance {
            governments,
            issue,
            by,
            spread,
        } => commands.trigger(MoveStance {
            governments: governments.clone(),
            issue: *issue,
            by: *by,
            spread: *spread,
            cause: cause.to_string(),
        }),
        Effect::SetFlag(flag) => commands.trigger(SetFlag {
            flag: *flag,
            on: true,
        }),
        Effect::ClearFlag(flag) => commands.trigger(SetFlag {
            flag: *flag,
            on: false,
        }),
        Effect::Send(telegram) => commands.trigger(SendTelegram {
            telegram: *telegram,
            after_hours: None,
        }),
        Effect::Schedule {
            telegram,
            after_hours,
        } => commands.trigger(SendTelegram {
            telegram: *telegram,
            after_hours: Some(*after_hours),
        }),
        Effect::Rapport { post, by } => commands.trigger(ChangeRapport {
            post: *post,
            by: *by,
        }),
        Effect::CallVote(vote) => commands.trigger(CallVote(*vote)),
        Effect::End(ending) => commands.trigger(End(*ending)),
    }
}
