//! A post's recommendation of its own, not in reply to anything: that the Department press a
//! coming vote, or not. The non-player Department weighs them where its count is close.

use bevy::prelude::*;

use super::Diplomacy;
use crate::cables::{Cable, Sent};
use crate::scenario::format::Series;
use crate::scenario::{Moment, PostId, Station, VoteId};
use crate::vocab::CommandError;

/// A recommendation a post sent.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Recommendation {
    pub from: PostId,
    pub vote: VoteId,
    /// For pressing the vote (tabling the text), or against.
    pub press: bool,
    pub at: Moment,
    pub by_player: bool,
}

/// Every recommendation sent, in order.
#[derive(Resource, Default, Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Recommendations(pub Vec<Recommendation>);

impl Recommendations {
    /// The posts' latest word on `vote`: how many recommend pressing it, and how many not.
    pub fn tally(&self, vote: VoteId) -> (u32, u32) {
        let mut latest: Vec<&Recommendation> = Vec::new();
        for r in self.0.iter().rev().filter(|r| r.vote == vote) {
            if !latest.iter().any(|l| l.from == r.from) {
                latest.push(r);
            }
        }
        let press = latest.iter().filter(|r| r.press).count() as u32;
        (press, latest.len() as u32 - press)
    }

    /// For pressing `vote`, less against.
    pub fn balance(&self, vote: VoteId) -> i32 {
        let (press, not) = self.tally(vote);
        press as i32 - not as i32
    }
}

impl Diplomacy<'_, '_> {
    /// The post recommends, by cable, that the Department press `vote` or not.
    pub fn recommend(
        &mut self,
        post: PostId,
        vote: VoteId,
        press: bool,
        text: &str,
        by_player: bool,
    ) -> Result<(), CommandError> {
        let scenario = self.scenario.0.clone();
        let now = self.calendar.now;
        if self.votes.0.iter().any(|r| r.vote == vote) {
            return Err(CommandError::VoteHeld(scenario.vote(vote).title.clone()));
        }
        let mission = scenario.mission(post);
        let host = scenario.government(mission.host);
        let entity = self.stations.entity(Station::Post(post));
        let (_, _, mut outbox, _, _) = self
            .posts
            .get_mut(entity)
            .map_err(|_| CommandError::Missing("post"))?;
        let number = outbox.next_number;
        outbox.next_number += 1;
        let title = scenario.vote(vote).title.to_uppercase();
        let mut body = vec![if press {
            format!("EMBASSY RECOMMENDS THAT DEPARTMENT PRESS FOR {title}.")
        } else {
            format!("EMBASSY RECOMMENDS THAT DEPARTMENT NOT PRESS FOR {title}.")
        }];
        body.extend(
            text.split("\n\n")
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(str::to_uppercase),
        );
        self.recommendations.0.push(Recommendation {
            from: post,
            vote,
            press,
            at: now,
            by_player,
        });
        self.sent.write(Sent(Cable {
            series: Series::Embtel,
            number,
            precedence: crate::scenario::format::Precedence::Priority,
            classification: crate::scenario::format::Classification::Secret,
            captions: vec![],
            from: Station::Post(post),
            to: vec![Station::Department],
            repeated: vec![],
            info: vec![],
            to_caption: "SECSTATE WASHDC".into(),
            refs: vec![],
            subject: format!("{}: RECOMMENDATION ON {title}", host.country.to_uppercase()),
            body: super::reply::numbered(&body),
            signed: mission.signature(),
            sent: now,
            telegram: None,
            answers: None,
            file: None,
            citation: None,
        }));
        Ok(())
    }
}
