//! Who may play, and the numbers of the model.

use super::super::format::*;
use super::super::model::*;
use super::numbers::{MAX_DAYS, MAX_HOURS, MAX_PUSH, MAX_WEIGHT};
use super::world::AllNames;
use super::{Cx, Then, path};

pub(super) fn roles(cx: &mut Cx, raw: &RawScenario, n: &AllNames) -> (Role, Vec<PostId>) {
    let at = path(&["roles"]);
    let posts: Vec<PostId> = match &raw.roles.posts {
        PostChoice::All => (0..raw.missions.len() as u32).map(PostId).collect(),
        PostChoice::Only(ids) => ids
            .iter()
            .enumerate()
            .map(|(i, p)| PostId(n.missions.resolve(cx, &at.then("posts").then(0).then(i), p)))
            .collect(),
    };
    let default = &raw.roles.default;
    let role = if default == "department" {
        if !raw.roles.department {
            cx.error(
                &at.then("default"),
                "the default role is the Department, but `department` is false; expected a playable role",
            );
        }
        Role::Department
    } else {
        let post = PostId(n.missions.resolve_as(
            cx,
            &at.then("default"),
            default,
            "(the default role is a mission id or `department`)",
        ));
        if n.missions.contains(default) && !posts.contains(&post) {
            cx.error(
                &at.then("default"),
                format!("the default post `{default}` is not among the playable posts"),
            );
        }
        Role::Post(post)
    };
    (role, posts)
}

pub(super) fn model(cx: &mut Cx, raw: &RawModel) -> Model {
    let at = path(&["model"]);
    let hours = |h: i8| (0..24).contains(&h);
    if !hours(raw.office_opens)
        || !hours(raw.office_closes)
        || raw.office_opens >= raw.office_closes
    {
        cx.error(
            &at.then("office_opens"),
            format!(
                "office hours {}–{} make no sense; expected 0 ≤ opens < closes ≤ 23",
                raw.office_opens, raw.office_closes
            ),
        );
    }
    let mut demarches = Vec::new();
    for (i, r) in raw.demarches.iter().enumerate() {
        let here = at.then("demarches").then(i);
        let Some(see) = kind_of(&r.see) else {
            cx.error(
                &here.then("see"),
                "a démarche rule is for a kind of leader; expected `HeadOfState`, `ForeignMinister` or `Military`",
            );
            continue;
        };
        cx.in_range(&here.then("insight"), "`insight`", r.insight, 0.0, 1.0);
        cx.in_range(
            &here.then("rapport_cost"),
            "`rapport_cost`",
            r.rapport_cost,
            0.0,
            1.0,
        );
        cx.in_range(&here.then("push"), "`push`", r.push, -MAX_PUSH, MAX_PUSH);
        cx.at_most(&here.then("days"), "`days`", r.days, MAX_DAYS);
        demarches.push(DemarcheRule {
            see,
            push: r.push,
            rapport_cost: r.rapport_cost,
            days: r.days,
            insight: r.insight,
        });
    }
    for kind in [Whom::HeadOfState, Whom::ForeignMinister, Whom::Military] {
        if !demarches.iter().any(|r| r.see == kind) {
            cx.error(
                &at.then("demarches"),
                format!(
                    "no démarche rule for `{kind:?}`; expected one rule for each kind of leader"
                ),
            );
        }
    }
    let mut npc_see = Vec::new();
    for (i, (whom, weight)) in raw.npc.see.iter().enumerate() {
        let here = at.then("npc").then("see").then(i);
        match kind_of(whom) {
            Some(w) => npc_see.push((w, *weight)),
            None => cx.error(
                &here,
                "expected `HeadOfState`, `ForeignMinister` or `Military`",
            ),
        }
        cx.in_range(&here, "a weight", *weight, 0.0, MAX_WEIGHT);
    }
    cx.in_range(
        &at.then("npc").then("show_chance"),
        "`show_chance`",
        raw.npc.show_chance,
        0.0,
        1.0,
    );
    let t = &raw.transit;
    for (field, hours) in [
        ("niact", t.niact),
        ("immediate", t.immediate),
        ("priority", t.priority),
        ("routine", t.routine),
    ] {
        cx.at_most(
            &at.then("transit").then(field),
            &format!("the transit time `{field}`"),
            hours,
            MAX_HOURS,
        );
    }
    cx.at_most(
        &at.then("npc").then("reply_after_hours"),
        "`reply_after_hours`",
        raw.npc.reply_after_hours,
        MAX_HOURS,
    );
    Model {
        transit_hours: [t.niact, t.immediate, t.priority, t.routine],
        office_opens: raw.office_opens,
        office_closes: raw.office_closes,
        demarches,
        npc_reply_after_hours: raw.npc.reply_after_hours,
        npc_see,
        npc_show_chance: raw.npc.show_chance,
        approaches: raw.approaches,
    }
}

/// The kind of leader a rule applies to; a named leader has no rule of their own.
fn kind_of(whom: &RawWhom) -> Option<Whom> {
    match whom {
        RawWhom::HeadOfState => Some(Whom::HeadOfState),
        RawWhom::ForeignMinister => Some(Whom::ForeignMinister),
        RawWhom::Military => Some(Whom::Military),
        RawWhom::Leader(_) => None,
    }
}
