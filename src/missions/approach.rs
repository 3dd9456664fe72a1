//! The Department's high-level approaches: a call by the Secretary on a Foreign Minister, a
//! letter from the President to a head of state. Stronger than any mission's call, and few,
//! so the Department spends them where its count is close.

use bevy::prelude::*;

use super::Diplomacy;
use crate::cables::{Cable, Sent};
use crate::scenario::format::{Classification, Precedence, Series};
use crate::scenario::{GovId, IssueId, Station, Whom};
use crate::vocab::{Approacher, CommandError};

/// How many of its approaches the Department has made.
#[derive(Resource, Default, Debug, Clone, Copy, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Approaches(pub u32);

/// How far an approach moves a government, before its susceptibility to US pressure.
fn weight(by: Approacher) -> f64 {
    match by {
        Approacher::Secretary => 0.15,
        Approacher::President => 0.25,
    }
}

impl Diplomacy<'_, '_> {
    /// The Department spends one of its approaches on `government` about `issue`; the
    /// memorandum for the record says what was said, and what came back.
    pub fn approach(
        &mut self,
        government: GovId,
        by: Approacher,
        issue: IssueId,
    ) -> Result<String, CommandError> {
        let scenario = self.scenario.0.clone();
        let allowed = scenario.model.approaches;
        if self.approaches.0 >= allowed {
            return Err(CommandError::NoApproachesLeft(allowed));
        }
        let now = self.calendar.now;
        let gov = scenario.government(government);
        let whom = match by {
            Approacher::Secretary => Whom::ForeignMinister,
            Approacher::President => Whom::HeadOfState,
        };
        let leader = gov
            .leader(government, whom, now)
            .filter(|l| l.in_office(now))
            .ok_or_else(|| CommandError::NoLeader {
                country: gov.country.clone(),
                whom: super::whom_name(whom).to_string(),
            })?;
        let def = scenario.issue(issue);
        let mut stances = self
            .stances
            .get_mut(self.governments.0[government.index()])
            .map_err(|_| CommandError::Missing("government"))?;
        let i = issue.index();
        let before = stances.0[i];
        let push = weight(by) * gov.us_pressure * (1.0 + 0.3 * self.rng.normal());
        stances.0[i] = def.clamp(before + push);
        let (cause, act) = match by {
            Approacher::Secretary => (
                "a call by the Secretary",
                format!("The Secretary telephoned {}", leader.styled()),
            ),
            Approacher::President => (
                "a letter from the President",
                format!("The President wrote to {}", leader.styled()),
            ),
        };
        self.drivers
            .add(government, issue, cause, stances.0[i] - before);
        // He answers as leaders do: from where he stands, his own lean added.
        let voiced = def.clamp(stances.0[i] + leader.lean[i] + self.rng.normal() * 0.1);
        let label = &def.positions[def.position_of(voiced)].label;
        self.approaches.0 += 1;
        let left = allowed - self.approaches.0;
        let body = [
            format!(
                "{act} on {}, and urged on him the views of the United States on {}.",
                now.long_date(),
                def.topic
            ),
            format!(
                "The {} replied that the Government of {} {label}.",
                leader.title, gov.country
            ),
            format!("The Department has {left} high-level approaches left in this crisis."),
        ];
        self.sent.write(Sent(Cable {
            series: Series::Memcon,
            number: self.approaches.0,
            precedence: Precedence::Routine,
            classification: Classification::Secret,
            captions: vec![],
            from: Station::Department,
            to: vec![Station::Department],
            repeated: vec![],
            info: vec![],
            to_caption: "Washington".into(),
            refs: vec![],
            subject: format!("{cause}: {}", leader.styled()),
            body: body.join("\n\n"),
            signed: "Department of State".into(),
            sent: now,
            telegram: None,
            answers: None,
            file: None,
            citation: None,
        }));
        Ok(format!(
            "{act} ({left} high-level approaches left): he replied that the Government of {} {label}",
            gov.country
        ))
    }
}
