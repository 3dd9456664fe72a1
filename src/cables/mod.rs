//! Cable traffic: what is sent, what is in transit, and what has reached each in-tray.

pub mod render;
mod traffic;

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

pub use render::{render, render_dtg_line};
pub use traffic::{Delivered, Sent, Traffic, send_telegram};

use crate::saved::SavedApp;
use crate::scenario::format::{Caption, Classification, Precedence, Series};
use crate::scenario::{Moment, RequestIx, Station, TelegramId};
pub use crate::vocab::CableId;

/// One cable as sent: a scenario telegram, or a return cable written in play.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Cable {
    pub series: Series,
    pub number: u32,
    pub precedence: Precedence,
    pub classification: Classification,
    pub captions: Vec<Caption>,
    pub from: Station,
    /// Action addressees.
    pub to: Vec<Station>,
    pub repeated: Vec<Station>,
    pub info: Vec<Station>,
    /// The addressee line as written ("ALL ARA POSTS EXCEPT HAVANA").
    pub to_caption: String,
    /// References as they are cited: "DEPTCIRTEL 47".
    pub refs: Vec<String>,
    pub subject: String,
    pub body: String,
    pub signed: String,
    pub sent: Moment,
    /// The scenario telegram this cable is, if it is one.
    pub telegram: Option<TelegramId>,
    /// The request this cable answers, if it is a reply.
    pub answers: Option<(TelegramId, RequestIx)>,
    /// The archive file, for the footnote.
    pub file: Option<String>,
    /// The citation for the footnote, if the cable is historical.
    pub citation: Option<String>,
}

impl Cable {
    /// How the cable is cited: `DEPTCIRTEL 47`, `EMBTEL 123`.
    pub fn citation_name(&self) -> String {
        format!("{} {}", series_name(self.series), self.number)
    }

    /// Every station that receives it.
    pub fn recipients(&self) -> impl Iterator<Item = Station> + '_ {
        self.to
            .iter()
            .chain(&self.repeated)
            .chain(&self.info)
            .copied()
    }
}

pub fn series_name(series: Series) -> &'static str {
    series.name()
}

/// Every cable sent in the game, in the order sent.
#[derive(Resource, Default, Debug, serde::Serialize, serde::Deserialize)]
pub struct Archive(pub Vec<Cable>);

impl Archive {
    pub fn get(&self, id: CableId) -> &Cable {
        &self.0[id.0 as usize]
    }
}

pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<Archive>()
        .saved_resource::<Archive>("archive");
    traffic::plugin(app);
}
