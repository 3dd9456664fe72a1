//! The world's sections: sources, issues, governments, missions, actors, roles, the model.

use super::super::format::*;
use super::super::model::*;
use super::super::spans::Seg;
use super::{Cx, Names, Then, happen, issues, logic, path, people, reach, setup, traffic};

/// Every declared id, so that references can point forwards.
pub(in crate::scenario) struct AllNames {
    pub sources: Names,
    pub bureaus: Names,
    pub issues: Names,
    pub governments: Names,
    pub missions: Names,
    pub actors: Names,
    pub materials: Names,
    pub telegrams: Names,
    pub votes: Names,
    pub endings: Names,
    /// Flags that some effect sets or clears; only these can be tested.
    pub flags: Names,
    /// The request ids of each telegram, by telegram index.
    pub telegram_requests: Vec<Vec<String>>,
    /// Which of those requests ask for action (and so get no reply).
    pub action_requests: Vec<Vec<bool>>,
    /// Every leader: id, government index, index among that government's leaders.
    pub leaders: Vec<(String, u32, usize)>,
}

pub(super) fn names(cx: &mut Cx, raw: &RawScenario) -> AllNames {
    macro_rules! declare {
        ($what:literal, $section:ident) => {
            Names::declare(
                cx,
                $what,
                stringify!($section),
                raw.$section.iter().map(|x| x.id.as_str()),
            )
        };
    }
    let flag_names = reach::flags_set(raw);
    // Event ids are only checked for duplicates: nothing refers to an event.
    declare!("event", events);
    unique_leaders(cx, raw);
    AllNames {
        sources: declare!("source", sources),
        bureaus: declare!("bureau", bureaus),
        issues: declare!("issue", issues),
        governments: declare!("government", governments),
        missions: declare!("mission", missions),
        actors: declare!("actor", actors),
        materials: declare!("material", materials),
        telegrams: declare!("telegram", telegrams),
        votes: declare!("vote", votes),
        endings: declare!("ending", endings),
        flags: Names::declare(
            cx,
            "flag set by an effect",
            "flags",
            flag_names.iter().map(String::as_str),
        ),
        telegram_requests: raw
            .telegrams
            .iter()
            .map(|t| {
                t.requests
                    .iter()
                    .map(|r| request_id(r).to_string())
                    .collect()
            })
            .collect(),
        action_requests: raw
            .telegrams
            .iter()
            .map(|t| {
                t.requests
                    .iter()
                    .map(|r| matches!(r, RawRequest::Action { .. }))
                    .collect()
            })
            .collect(),
        leaders: raw
            .governments
            .iter()
            .enumerate()
            .flat_map(|(g, gov)| {
                gov.leaders
                    .iter()
                    .enumerate()
                    .map(move |(ix, l)| (l.id.clone(), g as u32, ix))
            })
            .collect(),
    }
}

/// Leader ids name one person across the whole scenario (a request may name them).
fn unique_leaders(cx: &mut Cx, raw: &RawScenario) {
    let mut seen: Vec<(&str, &str)> = Vec::new();
    for (g, gov) in raw.governments.iter().enumerate() {
        for (l, leader) in gov.leaders.iter().enumerate() {
            if let Some((_, other)) = seen.iter().find(|(id, _)| *id == leader.id) {
                cx.error(
                    &path(&["governments"]).then(g).then("leaders").then(l).then("id"),
                    format!(
                        "duplicate leader id `{}` (also a leader of `{other}`); expected each leader id once in the scenario",
                        leader.id
                    ),
                );
            } else {
                seen.push((&leader.id, &gov.id));
            }
        }
    }
}

fn request_id(r: &RawRequest) -> &str {
    match r {
        RawRequest::Estimate { id, .. }
        | RawRequest::Action { id, .. }
        | RawRequest::Decision { id, .. } => id,
    }
}

pub(super) fn build(cx: &mut Cx, raw: &RawScenario, n: &AllNames) -> Scenario {
    let issues: Vec<Issue> = raw
        .issues
        .iter()
        .enumerate()
        .map(|(i, issue)| issues::build_issue(cx, &path(&["issues"]).then(i), issue))
        .collect();
    // An issue no government holds a stance on is allowed (with a warning): everyone sits in
    // the middle of its scale.
    let unheld: Vec<bool> = issues
        .iter()
        .enumerate()
        .map(|(i, issue)| {
            let none = !raw.governments.iter().any(|g| g.stances.contains_key(&issue.id));
            if none {
                cx.warn(
                    &path(&["issues"]).then(i).then("id"),
                    format!(
                        "no government has a stance on issue `{}`; each is taken as the middle of its scale",
                        issue.id
                    ),
                );
            }
            none
        })
        .collect();
    let governments = raw
        .governments
        .iter()
        .enumerate()
        .map(|(i, g)| build_government(cx, n, &issues, &unheld, &path(&["governments"]).then(i), g))
        .collect();
    let missions = raw
        .missions
        .iter()
        .enumerate()
        .map(|(i, m)| people::mission(cx, n, &path(&["missions"]).then(i), m))
        .collect();
    let flags = reach::flags_set(raw);
    let mut logic = logic::Logic::new(n, &issues);
    let telegrams = traffic::telegrams(cx, &mut logic, raw);
    let events = logic.events(cx, raw);
    let votes = logic.votes(cx, raw);
    let (default_role, playable_posts) = setup::roles(cx, raw, n);
    let model = setup::model(cx, &raw.model);
    let period_end = EndingId(
        n.endings
            .resolve(cx, &path(&["period_end"]), &raw.period_end),
    );
    let chances = logic.chances;
    let scenario = Scenario {
        id: raw.id.clone(),
        hash: String::new(),
        title: raw.title.clone(),
        summary: raw.summary.clone(),
        start: raw.period.start,
        end: raw.period.end,
        author: raw.author.clone(),
        version: raw.version.clone(),
        historical: raw.historical,
        sources: raw
            .sources
            .iter()
            .map(|s| Source {
                id: s.id.clone(),
                citation: s.citation.clone(),
                url: s.url.clone(),
            })
            .collect(),
        objectives: raw.objectives.clone(),
        questions: raw.questions.clone(),
        notes: raw.notes.clone(),
        playable_posts,
        department_playable: raw.roles.department,
        default_role,
        bureaus: raw.bureaus.iter().map(|b| b.id.clone()).collect(),
        issues,
        governments,
        missions,
        actors: raw
            .actors
            .iter()
            .map(|a| Actor {
                id: a.id.clone(),
                name: a.name.clone(),
                address: a.address.clone(),
            })
            .collect(),
        materials: raw
            .materials
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let here = path(&["materials"]).then(i);
                let most = super::numbers::MAX_PUSH;
                cx.in_range(&here.then("push"), "`push`", m.push, -most, most);
                cx.in_range(
                    &here.then("rapport_cost"),
                    "`rapport_cost`",
                    m.rapport_cost,
                    0.0,
                    1.0,
                );
                Material {
                    id: m.id.clone(),
                    title: m.title.clone(),
                    push: m.push,
                    rapport_cost: m.rapport_cost,
                }
            })
            .collect(),
        telegrams,
        events,
        votes,
        endings: raw
            .endings
            .iter()
            .map(|e| Ending {
                id: e.id.clone(),
                title: e.title.clone(),
                debrief: e.debrief.clone(),
                history: e.history.clone(),
            })
            .collect(),
        period_end,
        flags,
        chances,
        model,
        names: Default::default(),
    };
    let scenario = Scenario {
        names: super::index::index(n, &scenario),
        ..scenario
    };
    reach::reachability(cx, &scenario);
    happen::check(cx, &scenario);
    reach::citations(cx, &scenario);
    scenario
}

fn build_government(
    cx: &mut Cx,
    n: &AllNames,
    issues: &[Issue],
    unheld: &[bool],
    at: &[Seg],
    raw: &RawGovernment,
) -> Government {
    if !raw
        .leaders
        .iter()
        .any(|l| l.role == LeaderRole::HeadOfState)
    {
        cx.error(
            &at.then("leaders"),
            format!(
                "government `{}` has no leader with role `HeadOfState`; expected one",
                raw.id
            ),
        );
    }
    let mut stances = vec![0.0; issues.len()];
    let mut domestic = vec![None; issues.len()];
    for (key, value) in &raw.stances {
        let here = at.then("stances").then(Seg::Key(key.clone()));
        let ix = n.issues.resolve(cx, &here, key) as usize;
        if let Some(issue) = issues.get(ix) {
            cx.in_range(
                &here,
                &format!("the stance on `{key}`"),
                *value,
                issue.min,
                issue.max,
            );
            stances[ix] = *value;
        }
    }
    for (i, issue) in issues.iter().enumerate() {
        if unheld[i] {
            stances[i] = (issue.min + issue.max) / 2.0;
        } else if !raw.stances.contains_key(&issue.id) {
            cx.error(
                &at.then("stances"),
                format!(
                    "government `{}` has no stance on issue `{}`; expected a stance on every issue",
                    raw.id, issue.id
                ),
            );
        }
    }
    for (key, value) in &raw.domestic {
        let here = at.then("domestic").then(Seg::Key(key.clone()));
        let ix = n.issues.resolve(cx, &here, key) as usize;
        if let Some(issue) = issues.get(ix) {
            cx.in_range(
                &here,
                &format!("domestic opinion on `{key}`"),
                *value,
                issue.min,
                issue.max,
            );
            domestic[ix] = Some(*value);
        }
    }
    let s = &raw.susceptibility;
    let here = at.then("susceptibility");
    cx.in_range(
        &here.then("us_pressure"),
        "`us_pressure`",
        s.us_pressure,
        0.0,
        1.0,
    );
    cx.in_range(&here.then("domestic"), "`domestic`", s.domestic, 0.0, 1.0);
    cx.in_range(
        &here.then("neighbours"),
        "`neighbours`",
        s.neighbours,
        0.0,
        1.0,
    );
    let neighbours = raw
        .neighbours
        .iter()
        .enumerate()
        .map(|(i, g)| GovId(n.governments.resolve(cx, &at.then("neighbours").then(i), g)))
        .collect();
    let relations = raw
        .relations
        .iter()
        .map(|(g, v)| {
            let here = at.then("relations").then(Seg::Key(g.clone()));
            cx.in_range(&here, &format!("the relation with `{g}`"), *v, -1.0, 1.0);
            (GovId(n.governments.resolve(cx, &here, g)), *v)
        })
        .collect();
    Government {
        id: raw.id.clone(),
        country: raw.country.clone(),
        capital: raw.capital.clone(),
        leaders: raw
            .leaders
            .iter()
            .enumerate()
            .map(|(i, l)| people::leader(cx, n, issues, &at.then("leaders").then(i), l))
            .collect(),
        stances,
        domestic,
        us_pressure: s.us_pressure,
        domestic_rate: s.domestic,
        neighbour_rate: s.neighbours,
        neighbours,
        relations,
        notes: raw.notes.clone(),
        cite: cites(cx, n, at, &raw.cite),
    }
}

pub(super) fn cites(cx: &mut Cx, n: &AllNames, at: &[Seg], cite: &[String]) -> Vec<SourceId> {
    cite.iter()
        .enumerate()
        .map(|(i, s)| SourceId(n.sources.resolve(cx, &at.then("cite").then(i), s)))
        .collect()
}
