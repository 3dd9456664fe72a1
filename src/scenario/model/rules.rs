//! Validated triggers, effects, events, votes, endings and the model.

use super::super::format::{Body, Precedence, Provenance, Quorum, RecordedCast, Rule, VoteResult};
use super::*;

#[derive(Clone, Debug)]
pub enum Trigger {
    At(Moment),
    Flag(FlagId),
    StanceAbove {
        government: GovId,
        issue: IssueId,
        value: f64,
    },
    StanceBelow {
        government: GovId,
        issue: IssueId,
        value: f64,
    },
    Replied {
        telegram: TelegramId,
        request: RequestIx,
        from: Option<PostId>,
    },
    NoReply {
        telegram: TelegramId,
        request: RequestIx,
        from: Option<PostId>,
        by: Moment,
    },
    Vote {
        vote: VoteId,
        result: VoteResult,
    },
    Chance(ChanceId),
    All(Vec<Trigger>),
    Any(Vec<Trigger>),
    Not(Box<Trigger>),
}

impl Trigger {
    /// Every moment at which this trigger may change from false to true because of the clock,
    /// so the calendar can stop there.
    pub fn moments(&self, out: &mut Vec<Moment>) {
        match self {
            Trigger::At(m) | Trigger::NoReply { by: m, .. } => out.push(*m),
            Trigger::All(ts) | Trigger::Any(ts) => ts.iter().for_each(|t| t.moments(out)),
            Trigger::Not(t) => t.moments(out),
            // These change with the world, not the clock.
            Trigger::Flag(_)
            | Trigger::StanceAbove { .. }
            | Trigger::StanceBelow { .. }
            | Trigger::Replied { .. }
            | Trigger::Vote { .. }
            | Trigger::Chance(_) => {}
        }
    }
}

#[derive(Clone, Debug)]
pub enum Effect {
    MoveStance {
        governments: Vec<GovId>,
        issue: IssueId,
        by: f64,
        spread: f64,
    },
    SetFlag(FlagId),
    ClearFlag(FlagId),
    Send(TelegramId),
    Schedule {
        telegram: TelegramId,
        after_hours: u32,
    },
    Rapport {
        post: PostId,
        by: f64,
    },
    CallVote(VoteId),
    End(EndingId),
}

#[derive(Clone, Debug)]
pub struct Event {
    pub id: String,
    pub headline: String,
    pub text: String,
    pub trigger: Trigger,
    pub effects: Vec<Effect>,
    pub cite: Vec<SourceId>,
    pub provenance: Provenance,
    /// Who learns of it during the game; empty: everyone.
    pub known_to: Vec<Station>,
}

impl Event {
    /// Whether `station` learns of it during the game.
    pub fn known_to(&self, station: Station) -> bool {
        self.known_to.is_empty() || self.known_to.contains(&station)
    }
}

#[derive(Clone, Debug)]
pub struct Vote {
    pub id: String,
    pub body: Body,
    pub title: String,
    pub issue: IssueId,
    pub members: Vec<GovId>,
    pub parties: Vec<GovId>,
    pub absent: Vec<GovId>,
    pub rule: Rule,
    pub quorum: Quorum,
    pub yes_from: f64,
    pub abstain_from: f64,
    pub reveals: bool,
    /// How governments really voted, where documented.
    pub record: Vec<(GovId, RecordedCast)>,
    pub on_pass: Vec<Effect>,
    pub on_fail: Vec<Effect>,
    pub cite: Vec<SourceId>,
    pub linkage: Vec<Linkage>,
}

/// A reason of a vote's own that moves some governments' casting; see
/// [`crate::scenario::format::RawLinkage`].
#[derive(Clone, Debug)]
pub struct Linkage {
    pub governments: Vec<GovId>,
    pub by: f64,
    pub because: String,
}

impl Vote {
    /// This vote's own reasons for `government`, with how far each moves it.
    pub fn linkage_for(&self, government: GovId) -> impl Iterator<Item = &Linkage> {
        self.linkage
            .iter()
            .filter(move |l| l.governments.contains(&government))
    }
}

#[derive(Clone, Debug)]
pub struct Ending {
    pub id: String,
    pub title: String,
    pub debrief: String,
    pub history: String,
}

#[derive(Clone, Debug)]
pub struct Model {
    pub transit_hours: [u32; 4],
    pub office_opens: i8,
    pub office_closes: i8,
    pub demarches: Vec<DemarcheRule>,
    pub npc_reply_after_hours: u32,
    pub npc_see: Vec<(Whom, f64)>,
    pub npc_show_chance: f64,
    /// High-level approaches the Department may spend.
    pub approaches: u32,
}

impl Model {
    pub fn transit(&self, precedence: Precedence) -> u32 {
        self.transit_hours[precedence as usize]
    }

    /// Whether offices are open at `at`: cables are read, and ministers receive.
    pub fn office_open(&self, at: Moment) -> bool {
        (self.office_opens..self.office_closes).contains(&at.hour())
    }

    /// The first moment from `at` on when offices are open.
    pub fn next_office_hour(&self, at: Moment) -> Moment {
        if at.hour() < self.office_opens {
            at.at_hour(self.office_opens)
        } else if at.hour() >= self.office_closes {
            at.plus_days(1).at_hour(self.office_opens)
        } else {
            at
        }
    }

    /// The rule for a call on `whom`; a named leader counts by their role.
    pub fn demarche_rule(&self, whom: Whom) -> Option<&DemarcheRule> {
        self.demarches.iter().find(|r| r.see == whom)
    }
}

#[derive(Clone, Debug)]
pub struct DemarcheRule {
    pub see: Whom,
    pub push: f64,
    pub rapport_cost: f64,
    pub days: u32,
    pub insight: f64,
}
