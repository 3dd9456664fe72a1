//! Votes: members, parties and absentees, the casting lines, the record and the linkage.

use super::super::format::*;
use super::super::model::*;
use super::super::spans::Seg;
use super::logic::Logic;
use super::world::cites;
use super::{Cx, Then, path};

impl Logic<'_> {
    pub fn votes(&mut self, cx: &mut Cx, raw: &RawScenario) -> Vec<Vote> {
        raw.votes
            .iter()
            .enumerate()
            .map(|(i, v)| self.vote(cx, &path(&["votes"]).then(i), v, raw.governments.len()))
            .collect()
    }

    fn vote(&mut self, cx: &mut Cx, at: &[Seg], v: &RawVote, all: usize) -> Vote {
        let n = self.n;
        let issue = IssueId(n.issues.resolve(cx, &at.then("issue"), &v.issue));
        let members: Vec<GovId> = match &v.members {
            Members::AllGovernments => (0..all as u32).map(GovId).collect(),
            Members::Only(ids) => ids
                .iter()
                .enumerate()
                .map(|(i, g)| {
                    GovId(n.governments.resolve_as(
                        cx,
                        &at.then("members").then(0).then(i),
                        g,
                        "(vote members must be governments)",
                    ))
                })
                .collect(),
        };
        let mut member_list = |field: &str, ids: &[String]| -> Vec<GovId> {
            ids.iter()
                .enumerate()
                .map(|(i, g)| {
                    let here = at.then(field).then(i);
                    let id = GovId(n.governments.resolve(cx, &here, g));
                    if n.governments.contains(g) && !members.contains(&id) {
                        cx.error(
                            &here,
                            format!(
                                "`{g}` is not a member of this vote; expected one of its members"
                            ),
                        );
                    }
                    id
                })
                .collect()
        };
        let parties = member_list("parties", &v.parties);
        let absent = member_list("absent", &v.absent);
        let linkage = v
            .linkage
            .iter()
            .enumerate()
            .map(|(k, l)| {
                let here = at.then("linkage").then(k);
                cx.in_range(&here.then("by"), "the linkage's `by`", l.by, -2.0, 2.0);
                Linkage {
                    governments: l
                        .governments
                        .iter()
                        .enumerate()
                        .map(|(i, g)| {
                            GovId(
                                n.governments
                                    .resolve(cx, &here.then("governments").then(i), g),
                            )
                        })
                        .collect(),
                    by: l.by,
                    because: l.because.clone(),
                }
            })
            .collect();
        if let Some(i) = self.issues.get(issue.index()) {
            let c = &v.casting;
            cx.in_range(
                &at.then("casting").then("yes_from"),
                "`yes_from`",
                c.yes_from,
                i.min,
                i.max,
            );
            cx.in_range(
                &at.then("casting").then("abstain_from"),
                "`abstain_from`",
                c.abstain_from,
                i.min,
                i.max,
            );
            if c.abstain_from > c.yes_from {
                cx.error(
                    &at.then("casting").then("abstain_from"),
                    format!(
                        "`abstain_from` ({}) is above `yes_from` ({}); expected abstention below a yes",
                        c.abstain_from, c.yes_from
                    ),
                );
            }
        }
        let record = v
            .record
            .iter()
            .map(|(g, cast)| {
                let here = at.then("record").then(Seg::Key(g.clone()));
                let id = GovId(n.governments.resolve(cx, &here, g));
                if n.governments.contains(g) && !members.contains(&id) {
                    cx.error(&here, format!("`{g}` is not a member of this vote; expected one of its members"));
                }
                if parties.contains(&id) {
                    cx.error(&here, format!("`{g}` is a party to the dispute and does not vote; remove it from `record`"));
                }
                (id, *cast)
            })
            .collect();
        Vote {
            id: v.id.clone(),
            body: v.body,
            title: v.title.clone(),
            issue,
            members,
            parties,
            absent,
            rule: v.rule,
            quorum: v.quorum,
            yes_from: v.casting.yes_from,
            abstain_from: v.casting.abstain_from,
            reveals: v.reveals,
            record,
            on_pass: self.effects(cx, &at.then("on_pass"), &v.on_pass),
            on_fail: self.effects(cx, &at.then("on_fail"), &v.on_fail),
            cite: cites(cx, n, at, &v.cite),
            linkage,
        }
    }
}
