//! Return cables: an estimate, the calls made, and the chief's own words, as an Embtel.

use super::Call;
use crate::cables::Cable;
use crate::scenario::format::Series;
use crate::scenario::{
    Moment, PositionIx, PostId, RequestIx, RequestKind, Scenario, Station, TelegramId,
};

/// A probability as a cable would put it: "70 PERCENT".
pub fn probability_text(p: f64) -> String {
    format!("{} PERCENT", (p * 100.0).round() as i64)
}

/// The Embtel that answers an estimate request.
pub fn estimate_cable(
    scenario: &Scenario,
    post: PostId,
    number: u32,
    (telegram, request): (TelegramId, RequestIx),
    position: PositionIx,
    probability: f64,
    text: &str,
    calls: &[Call],
    now: Moment,
) -> Cable {
    let mission = scenario.mission(post);
    let original = scenario.telegram(telegram);
    let req = &original.requests[request];
    let RequestKind::Estimate { issue, .. } = &req.kind else {
        unreachable!("estimate_cable is only called for estimate requests")
    };
    let issue = scenario.issue(*issue);
    let host = scenario.government(mission.host);
    let reftel = original.cited();
    let mut paragraphs = vec![format!(
        "RE PARA {} REFTEL: EMBASSY'S BEST ESTIMATE IS THAT GOVERNMENT OF {} {}. EMBASSY PUTS ITS CONFIDENCE IN THIS ESTIMATE AT {}.",
        req.paragraph,
        host.country.to_uppercase(),
        issue.positions[position].label.to_uppercase(),
        probability_text(probability)
    )];
    let recent: Vec<&Call> = calls
        .iter()
        .filter(|c| c.at >= now.plus_days(-30))
        .collect();
    // Each conversation is reported in the leader's own words, as the memorandum has them.
    for c in &recent {
        let mut p = format!(
            "{} SAW {} ON {}.",
            mission.title.to_uppercase(),
            c.leader.to_uppercase(),
            c.at.long_date().to_uppercase()
        );
        if !c.said.is_empty() {
            p.push_str(&format!(" {}", c.said.to_uppercase()));
        }
        if let Some(asks) = &c.asks {
            p.push_str(&format!(" HE ASKED {}.", asks.to_uppercase()));
        }
        paragraphs.push(p);
    }
    for p in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        paragraphs.push(p.to_uppercase());
    }
    Cable {
        series: Series::Embtel,
        number,
        precedence: original.precedence,
        classification: original.classification,
        captions: original.captions.clone(),
        from: Station::Post(post),
        to: vec![Station::Department],
        repeated: vec![],
        info: vec![],
        to_caption: "SECSTATE WASHDC".into(),
        refs: vec![reftel],
        // The question's subject, not the telegram's: a chaser's "your reply overdue" is
        // not what the reply is about.
        subject: format!(
            "{} AND {}",
            host.country.to_uppercase(),
            issue.topic.to_uppercase()
        ),
        body: numbered(&paragraphs),
        signed: mission.signature(),
        sent: now,
        telegram: None,
        answers: Some((telegram, request)),
        file: None,
        citation: None,
    }
}

/// The Department's answer to a decision request, when it decided by counting: the count,
/// the governments in each column, and the course chosen.
pub fn instruction_cable(
    scenario: &Scenario,
    (telegram, request): (TelegramId, RequestIx),
    option: usize,
    (vote, count, (press, not)): (
        crate::scenario::VoteId,
        &crate::votes::count::Count,
        (u32, u32),
    ),
    number: u32,
    now: Moment,
) -> Cable {
    let original = scenario.telegram(telegram);
    let req = &original.requests[request];
    let names = |gs: &[crate::scenario::GovId]| -> String {
        if gs.is_empty() {
            "NONE".into()
        } else {
            gs.iter()
                .map(|g| scenario.government(*g).country.to_uppercase())
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    let v = scenario.vote(vote);
    let chosen = match &req.kind {
        RequestKind::Decision { options, .. } => options[option].label.to_uppercase(),
        _ => String::new(),
    };
    let body = [
        format!(
            "RE PARA {} REFTEL. ON {}, {}.",
            req.paragraph,
            v.title.to_uppercase(),
            count.telegraphese()
        ),
        format!(
            "FIRM: {}. DOUBTFUL: {}. AGAINST OR ABSTAINING: {}. NO REPORT: {}. POSTS RECOMMENDING THAT WE PRESS: {press}; THAT WE DO NOT: {not}.",
            names(&count.firm),
            names(&count.doubtful),
            names(&count.against),
            names(&count.unreported)
        ),
        format!(
            "{} DELEGATION SHOULD TABLE {}.",
            if count.enough() {
                "COUNT REACHES VOTES NEEDED."
            } else {
                "COUNT DOES NOT REACH VOTES NEEDED."
            },
            chosen
        ),
    ];
    Cable {
        series: Series::Deptel,
        number,
        precedence: crate::scenario::format::Precedence::Immediate,
        classification: original.classification,
        captions: original.captions.clone(),
        from: Station::Department,
        to: vec![original.from],
        repeated: vec![],
        info: vec![],
        to_caption: scenario.address(original.from),
        refs: vec![original.cited()],
        subject: original.subject.to_uppercase(),
        body: numbered(&body),
        // Signed as the Department's other cables in the scenario are.
        signed: scenario
            .telegrams
            .iter()
            .find(|t| t.from == Station::Department)
            .map(|t| t.signed.clone())
            .unwrap_or_else(|| "DEPARTMENT".into()),
        sent: now,
        telegram: None,
        answers: Some((telegram, request)),
        file: None,
        citation: None,
    }
}

/// Paragraphs numbered as a cable numbers them: "1. …", a blank line between.
pub(super) fn numbered(paragraphs: &[String]) -> String {
    paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| format!("{}. {p}", i + 1))
        .collect::<Vec<_>>()
        .join("\n\n")
}
