//! What a class's pages and the server say to each other, as data (see
//! `docs/class-protocol.md`). Serialized as JSON by the server; the pages only show it.

use serde::{Deserialize, Serialize};

/// The largest message a page may send, in bytes: a reply's text is a few paragraphs.
pub const MAX_MESSAGE: usize = 16 * 1024;

/// What a student's or the instructor's page asks.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(tag = "type", rename_all = "lowercase", deny_unknown_fields)]
pub enum Ask {
    Join {
        code: String,
        name: String,
        post: String,
    },
    Rejoin {
        token: String,
    },
    Read {
        cable: u32,
    },
    Preview {
        telegram: String,
        request: String,
        position: String,
        probability: f64,
        #[serde(default)]
        text: String,
    },
    Reply {
        id: u64,
        telegram: String,
        request: String,
        position: String,
        probability: f64,
        #[serde(default)]
        text: String,
    },
    Call {
        id: u64,
        /// `HeadOfState`, `ForeignMinister`, `Military`, or a leader's id.
        see: String,
        #[serde(default)]
        show: Vec<String>,
        #[serde(default)]
        issue: Option<String>,
        /// The Department names the post it instructs.
        #[serde(default)]
        post: Option<String>,
    },
    Recommend {
        id: u64,
        vote: String,
        press: bool,
        #[serde(default)]
        text: String,
    },
    Decide {
        id: u64,
        telegram: String,
        request: String,
        option: String,
    },
    /// The instructor's console identifies itself.
    Console {
        code: String,
    },
    Clock {
        id: u64,
        #[serde(rename = "do")]
        what: Clock,
        #[serde(default)]
        hours: Option<f64>,
    },
    Inject {
        id: u64,
        telegram: String,
    },
    Move {
        id: u64,
        government: String,
        issue: String,
        to: f64,
    },
    Reveal {
        id: u64,
        government: String,
        issue: String,
    },
    Projector {
        issue: String,
    },
}

impl Ask {
    /// The client's number for a command, carried back by its acknowledgement.
    pub fn id(&self) -> Option<u64> {
        match self {
            Ask::Reply { id, .. }
            | Ask::Call { id, .. }
            | Ask::Recommend { id, .. }
            | Ask::Decide { id, .. }
            | Ask::Clock { id, .. }
            | Ask::Inject { id, .. }
            | Ask::Move { id, .. }
            | Ask::Reveal { id, .. } => Some(*id),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Clock {
    Pause,
    Resume,
    /// To the next morning's office opening.
    Morning,
    /// To the next item on the class's agenda: the next cable that reaches a student.
    Agenda,
    /// Run at a pace of game hours per real minute (0 stops).
    Pace,
}

/// A piece of a teleprinter page: plain text, or a glossary term with its meaning.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Segment {
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub term: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meaning: Option<String>,
}

/// What the server tells a page.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Tell {
    Welcome {
        token: String,
        role: String,
        name: String,
        station: String,
    },
    Ack {
        id: u64,
        #[serde(skip_serializing_if = "Option::is_none")]
        ok: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        error: Option<String>,
    },
    Error {
        message: String,
    },
    Cable {
        cable: u32,
        segments: Vec<Segment>,
    },
    Preview {
        segments: Vec<Segment>,
    },
    View(Box<super::view::StudentView>),
    Console(Box<super::console::ConsoleView>),
}

impl Tell {
    pub fn ack(id: u64, result: Result<String, String>) -> Tell {
        match result {
            Ok(ok) => Tell::Ack {
                id,
                ok: Some(ok),
                error: None,
            },
            Err(error) => Tell::Ack {
                id,
                ok: None,
                error: Some(error),
            },
        }
    }

    pub fn error(message: impl Into<String>) -> Tell {
        Tell::Error {
            message: message.into(),
        }
    }

    pub fn json(&self) -> String {
        serde_json::to_string(self).expect("a message always serializes")
    }
}
