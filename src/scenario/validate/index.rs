//! The name index the scenario keeps for commands, built from what validation resolved.

use super::super::model::{RequestKind, Scenario};
use super::super::names::{Index, Names as NameIndex};
use super::world::AllNames;

/// The name index the scenario keeps for commands: the indexes validation resolved with, and
/// the nested ids (requests, positions, leaders, options) of what it built.
pub(super) fn index(n: &AllNames, s: &Scenario) -> NameIndex {
    let ids = |v: &mut dyn Iterator<Item = &str>| Index::new(v);
    NameIndex {
        governments: n.governments.index.clone(),
        issues: n.issues.index.clone(),
        missions: n.missions.index.clone(),
        materials: n.materials.index.clone(),
        telegrams: n.telegrams.index.clone(),
        votes: n.votes.index.clone(),
        requests: s
            .telegrams
            .iter()
            .map(|t| ids(&mut t.requests.iter().map(|r| r.id.as_str())))
            .collect(),
        positions: s
            .issues
            .iter()
            .map(|i| ids(&mut i.positions.iter().map(|p| p.id.as_str())))
            .collect(),
        leaders: s
            .governments
            .iter()
            .map(|g| ids(&mut g.leaders.iter().map(|l| l.id.as_str())))
            .collect(),
        options: s
            .telegrams
            .iter()
            .map(|t| {
                t.requests
                    .iter()
                    .map(|r| match &r.kind {
                        RequestKind::Decision { options, .. } => {
                            ids(&mut options.iter().map(|o| o.id.as_str()))
                        }
                        _ => Index::default(),
                    })
                    .collect()
            })
            .collect(),
    }
}
