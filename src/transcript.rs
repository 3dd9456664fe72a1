//! What happened, in order: the source of the debrief, of saves and of replays.

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use crate::saved::SavedApp;
use crate::scenario::{EndingId, EventId, Moment, PostId, RequestIx, Role, Station, TelegramId};
use crate::vocab::CableId;

#[derive(Resource, Default, Debug, serde::Serialize, serde::Deserialize)]
pub struct Transcript(pub Vec<Entry>);

impl Transcript {
    pub fn push(&mut self, entry: Entry) {
        self.0.push(entry);
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum Entry {
    /// An event of the scenario happened.
    News { at: Moment, event: EventId },
    /// A cable went out.
    Sent { at: Moment, cable: CableId },
    /// A cable reached these stations.
    Delivered {
        at: Moment,
        cable: CableId,
        to: Vec<Station>,
    },
    /// The player gave a command.
    Command {
        at: Moment,
        role: Role,
        summary: String,
    },
    /// The instructor gave a command (see [`crate::instructor`]).
    Instructor { at: Moment, summary: String },
    /// A mission called on a leader.
    Demarche {
        at: Moment,
        post: PostId,
        summary: String,
    },
    /// A decision request was settled.
    Decision {
        at: Moment,
        telegram: TelegramId,
        request: RequestIx,
        option: usize,
        by_default: bool,
    },
    /// The clock stopped before a deadline of the player's.
    Due {
        at: Moment,
        telegram: TelegramId,
        request: RequestIx,
        deadline: Moment,
    },
    /// A deadline passed without a reply; the Department assumed the default.
    Defaulted {
        at: Moment,
        from: Station,
        telegram: TelegramId,
        request: RequestIx,
        summary: String,
    },
    /// A vote was held (index into the vote log).
    Vote { at: Moment, record: usize },
    /// The game ended.
    Ended { at: Moment, ending: EndingId },
}

pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<Transcript>()
        .saved_resource::<Transcript>("transcript");
}
