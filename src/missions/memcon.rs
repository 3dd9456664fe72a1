//! A call as the post records it: a memorandum of conversation, in the leader's words (a
//! line the scenario wrote for him, or a plain answer composed from his position), with
//! how he took the representations.

use serde::{Deserialize, Serialize};

use crate::cables::Cable;
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

/// What a call came to, for the memorandum.
pub struct Conversation<'a> {
    pub scenario: &'a Scenario,
    pub post: PostId,
    pub caller: &'a str,
    pub leader: &'a Leader,
    pub issue: IssueId,
    /// The band his words put his government in.
    pub heard: PositionIx,
    /// He would not be drawn: his words are vaguer than the band.
    pub guarded: bool,
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

/// "the President", "the Foreign Minister": how the memorandum refers to him after naming him.
fn the(leader: &Leader) -> String {
    format!("the {}", leader.title)
}

fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
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
    let said = match c.line {
        Some(line) => line.says.clone(),
        None => {
            let label = &issue.positions[c.heard].label;
            if c.guarded {
                format!(
                    "{} was guarded and would not be drawn; he gave the impression that the Government of {country} {label}, but said nothing that would bind it.",
                    capitalized(&him)
                )
            } else {
                format!(
                    "{} said that the Government of {country} {label}.",
                    capitalized(&him)
                )
            }
        }
    };
    out.push(said);
    if let Some(asks) = c.line.and_then(|l| l.asks.as_ref()) {
        out.push(format!(
            "{} asked {asks}. The Embassy undertook to report the request to the Department.",
            capitalized(&him)
        ));
    }
    out.push(match c.reception {
        Reception::Warm => format!(
            "The conversation was cordial. {} thanked the {} for the Department's views and undertook to study them.",
            capitalized(&him),
            if mission.chief_gone(c.at) { "Chargé" } else { &mission.title }
        ),
        Reception::Correct => format!(
            "The conversation was correct and businesslike; {} made no commitment.",
            him
        ),
        Reception::Cool => format!(
            "{} was cool. He heard the representations out, said little, and ended the meeting early.",
            capitalized(&him)
        ),
        Reception::Backfired => format!(
            "{} took the representations badly. He said that the Government of {country} would not be pressed by Washington on a question for the American states to decide, and the meeting ended coldly. The Embassy's standing has suffered.",
            capitalized(&him)
        ),
    });
    out
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
