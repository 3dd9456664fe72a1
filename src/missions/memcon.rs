//! A call as the post records it: a memorandum of conversation, in the leader's words (a
//! line the scenario wrote for him, or a plain answer composed from his position), with
//! how he took the representations.

use serde::{Deserialize, Serialize};

use crate::cables::Cable;
use crate::rng::WorldRng;
use crate::scenario::format::{Classification, Precedence, Series};
use crate::scenario::{
    FlagId, IssueId, Leader, Line, MaterialId, Moment, PositionIx, PostId, Scenario, Station,
};

/// How the leader took the call.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reception {
    /// Cordial: the representations carried their full weight.
    Warm,
    /// Correct and businesslike.
    Correct,
    /// Cool: he heard the caller out and gave little; half the weight.
    Cool,
    /// He took it as pressure: the government moved away, and the post's standing fell.
    Backfired,
}

impl Reception {
    /// How he takes it: with little standing left and a heavy file pressed on him, he may
    /// take it badly; otherwise the mission's rapport decides.
    pub fn draw(rng: &mut WorldRng, rapport: f64, shown: usize) -> Reception {
        let risk = ((0.4 - rapport).max(0.0) * 1.2 + 0.04 * shown as f64).min(0.6);
        if rng.chance(risk) {
            Reception::Backfired
        } else if rapport < 0.35 {
            Reception::Cool
        } else if rapport >= 0.6 {
            Reception::Warm
        } else {
            Reception::Correct
        }
    }

    /// The share of the call's push that reaches the government (negative: it moves away).
    pub fn carried(self) -> f64 {
        match self {
            Reception::Warm => 1.0,
            Reception::Correct => 0.8,
            Reception::Cool => 0.4,
            Reception::Backfired => -0.6,
        }
    }

    /// He would not be drawn: his words tell less.
    pub fn guarded(self) -> bool {
        matches!(self, Reception::Cool | Reception::Backfired)
    }

    /// How the call went, in a word for the log; the memorandum tells it in full.
    pub fn in_a_word(self) -> &'static str {
        match self {
            Reception::Warm => "a cordial conversation (memorandum filed)",
            Reception::Correct => "a correct conversation (memorandum filed)",
            Reception::Cool => "he was cool and ended the meeting early (memorandum filed)",
            Reception::Backfired => "he took the representations badly (memorandum filed)",
        }
    }
}

/// What a call came to, for the memorandum.
pub struct Conversation<'a> {
    pub scenario: &'a Scenario,
    pub post: PostId,
    pub caller: &'a str,
    pub leader: &'a Leader,
    pub issue: IssueId,
    /// The band his words put his government in.
    pub heard: PositionIx,
    pub line: Option<&'a Line>,
    pub shown: &'a [MaterialId],
    pub reception: Reception,
    pub at: Moment,
    pub number: u32,
}

/// The scenario's line that fits: his issue, the band he speaks from, and the flags of the
/// moment. The first that fits, in the order written.
pub fn fitting_line(
    leader: &Leader,
    issue: IssueId,
    heard: PositionIx,
    flags: impl Fn(FlagId) -> bool,
) -> Option<&Line> {
    leader.lines.iter().find(|l| {
        l.issue == issue
            && (l.positions.is_empty() || l.positions.contains(&heard))
            && l.when.iter().all(|f| flags(*f))
            && !l.unless.iter().any(|f| flags(*f))
    })
}

/// "the President": how the memorandum refers to him after naming him.
fn the(leader: &Leader) -> String {
    format!("the {}", leader.title)
}

/// "The President", to open a sentence.
fn capital_the(leader: &Leader) -> String {
    format!("The {}", leader.title)
}

/// The paragraphs of the memorandum.
pub fn paragraphs(c: &Conversation) -> Vec<String> {
    let s = c.scenario;
    let mission = s.mission(c.post);
    let country = &s.government(mission.host).country;
    let issue = s.issue(c.issue);
    let him = the(c.leader);
    let mut out = Vec::new();
    let mut opening = format!(
        "{} called on {} {} on {} at {} and set out the views of the United States on {}.",
        c.caller,
        c.leader.title,
        c.leader.name,
        c.at.long_date(),
        c.at.clock(),
        issue.topic,
    );
    if !c.shown.is_empty() {
        let titles: Vec<&str> = c
            .shown
            .iter()
            .map(|m| s.materials[m.index()].title.as_str())
            .collect();
        opening.push_str(&format!(
            " He left with {him} the papers the Department had sent: {}.",
            titles.join("; ")
        ));
    }
    out.push(opening);
    let said = said(c);
    out.push(said);
    if let Some(asks) = c.line.and_then(|l| l.asks.as_ref()) {
        out.push(format!(
            "{} asked {asks}. The Embassy undertook to report the request to the Department.",
            capital_the(c.leader)
        ));
    }
    out.push(match c.reception {
        Reception::Warm => format!(
            "The conversation was cordial. {} thanked the {} for the Department's views and undertook to study them.",
            capital_the(c.leader),
            if mission.chief_gone(c.at) { "Chargé" } else { &mission.title }
        ),
        Reception::Correct => format!(
            "The conversation was correct and businesslike; {} made no commitment.",
            him
        ),
        Reception::Cool => format!(
            "{} was cool. He heard the representations out, said little, and ended the meeting early.",
            capital_the(c.leader)
        ),
        Reception::Backfired => format!(
            "{} took the representations badly. He said that the Government of {country} would not be pressed by Washington on a question for the American states to decide, and the meeting ended coldly. The Embassy's standing has suffered.",
            capital_the(c.leader)
        ),
    });
    out
}

/// What he said, as the memorandum records it: the scenario's line, or a plain answer
/// composed from the band his words fall in.
pub fn said(c: &Conversation) -> String {
    let s = c.scenario;
    let country = &s.government(s.mission(c.post).host).country;
    let issue = s.issue(c.issue);
    match c.line {
        Some(line) => line.says.clone(),
        None => {
            let label = &issue.positions[c.heard].label;
            if c.reception.guarded() {
                format!(
                    "{} was guarded and would not be drawn; he gave the impression that the Government of {country} {label}, but said nothing that would bind it.",
                    capital_the(c.leader)
                )
            } else {
                format!(
                    "{} said that the Government of {country} {label}.",
                    capital_the(c.leader)
                )
            }
        }
    }
}

/// The memorandum filed in the post's own files.
pub fn memorandum(c: &Conversation) -> Cable {
    let mission = c.scenario.mission(c.post);
    let issue = c.scenario.issue(c.issue);
    Cable {
        series: Series::Memcon,
        number: c.number,
        precedence: Precedence::Routine,
        classification: Classification::Secret,
        captions: vec![],
        from: Station::Post(c.post),
        to: vec![Station::Post(c.post)],
        repeated: vec![],
        info: vec![],
        // For a memorandum, the place it was written.
        to_caption: mission.city.clone(),
        refs: vec![],
        subject: format!(
            "Conversation with {} {}: {}",
            c.leader.title, c.leader.name, issue.topic
        ),
        body: paragraphs(c).join("\n\n"),
        signed: mission.signer(c.at),
        sent: c.at,
        telegram: None,
        answers: None,
        file: None,
        citation: None,
    }
}
