//! People: leaders (their offices and absences, their weight and lean, the lines they say)
//! and the missions' chiefs (and when they left).

use super::super::format::*;
use super::super::model::*;
use super::super::spans::Seg;
use super::world::{AllNames, cites};
use super::{Cx, Then};

pub(super) fn leader(
    cx: &mut Cx,
    n: &AllNames,
    issues: &[Issue],
    at: &[Seg],
    raw: &RawLeader,
) -> Leader {
    for (field, moment) in [("from", raw.from), ("until", raw.until)] {
        if let Some(m) = moment {
            cx.within_period(
                &at.then(field).then(Seg::Unwrap),
                &format!("leader `{}`'s `{field}`", raw.id),
                m,
            );
        }
    }
    if let (Some(from), Some(until)) = (raw.from, raw.until)
        && until <= from
    {
        cx.error(
            &at.then("until").then(Seg::Unwrap),
            format!(
                "leader `{}` leaves office on {until}, not after taking it on {from}; expected `until` later than `from`",
                raw.id
            ),
        );
    }
    for (i, away) in raw.away.iter().enumerate() {
        if away.until <= away.from {
            cx.error(
                &at.then("away").then(i).then("until"),
                format!(
                    "the spell away ends on {}, not after it starts on {}; expected `until` later than `from`",
                    away.until, away.from
                ),
            );
        }
    }
    cx.in_range(&at.then("weight"), "`weight`", raw.weight, 0.0, 3.0);
    let mut lean = vec![0.0; issues.len()];
    for (key, value) in &raw.lean {
        let here = at.then("lean").then(Seg::Key(key.clone()));
        let ix = n.issues.resolve(cx, &here, key) as usize;
        if let Some(issue) = issues.get(ix) {
            let span = issue.max - issue.min;
            cx.in_range(&here, &format!("the lean on `{key}`"), *value, -span, span);
            lean[ix] = *value;
        }
    }
    Leader {
        id: raw.id.clone(),
        name: raw.name.clone(),
        role: raw.role,
        title: raw.title.clone(),
        from: raw.from,
        until: raw.until,
        away: raw
            .away
            .iter()
            .map(|a| Away {
                from: a.from,
                until: a.until,
                at: a.at.clone(),
            })
            .collect(),
        weight: raw.weight,
        lean,
        lines: raw
            .lines
            .iter()
            .enumerate()
            .map(|(i, l)| line(cx, n, issues, &at.then("lines").then(i), l))
            .collect(),
    }
}

fn line(cx: &mut Cx, n: &AllNames, issues: &[Issue], at: &[Seg], raw: &RawLine) -> Line {
    let issue = IssueId(n.issues.resolve(cx, &at.then("issue"), &raw.issue));
    let known: Vec<&str> = issues
        .get(issue.index())
        .map(|i| i.positions.iter().map(|p| p.id.as_str()).collect())
        .unwrap_or_default();
    let positions = raw
        .positions
        .iter()
        .enumerate()
        .map(|(i, p)| match known.iter().position(|k| k == p) {
            Some(ix) => ix,
            None => {
                let hint = super::super::diagnostics::closest(p, known.iter().copied())
                    .map(|near| format!("did you mean `{near}`?"))
                    .unwrap_or_else(|| format!("expected one of: {}", known.join(", ")));
                cx.error(
                    &at.then("positions").then(i),
                    format!("`{p}` is not a position of issue `{}`; {hint}", raw.issue),
                );
                0
            }
        })
        .collect();
    let flags = |cx: &mut Cx, field: &str, list: &[String]| -> Vec<FlagId> {
        list.iter()
            .enumerate()
            .map(|(i, f)| FlagId(n.flags.resolve(cx, &at.then(field).then(i), f)))
            .collect()
    };
    if raw.says.trim().is_empty() {
        cx.error(
            &at.then("says"),
            "the line says nothing; expected the leader's words in reported speech",
        );
    }
    Line {
        issue,
        positions,
        when: flags(cx, "when", &raw.when),
        unless: flags(cx, "unless", &raw.unless),
        says: raw.says.trim().to_string(),
        asks: raw.asks.as_ref().map(|a| a.trim().to_string()),
        cite: cites(cx, n, at, &raw.cite),
    }
}

/// A chief of mission's departure falls within the period.
fn chief_left(cx: &mut Cx, at: &[Seg], raw: &RawMission) {
    if let Some(left) = raw.chief_left {
        cx.within_period(
            &at.then("chief_left").then(Seg::Unwrap),
            &format!("the departure of {}", raw.chief),
            left,
        );
    }
}

pub(super) fn mission(cx: &mut Cx, n: &AllNames, at: &[Seg], raw: &RawMission) -> Mission {
    cx.in_range(&at.then("rapport"), "`rapport`", raw.rapport, 0.0, 1.0);
    cx.in_range(&at.then("noise"), "`noise`", raw.noise, 0.0, 2.0);
    cx.at_most(
        &at.then("first_number"),
        "`first_number`",
        raw.first_number,
        super::numbers::MAX_FIRST_NUMBER,
    );
    let bureau = raw
        .bureau
        .as_ref()
        .map(|b| n.bureaus.resolve(cx, &at.then("bureau"), b) as usize);
    chief_left(cx, at, raw);
    Mission {
        id: raw.id.clone(),
        city: raw.city.clone(),
        host: GovId(n.governments.resolve_as(
            cx,
            &at.then("host"),
            &raw.host,
            "(a mission's host must be a government)",
        )),
        chief: raw.chief.clone(),
        title: raw.title.clone(),
        bureau,
        rapport: raw.rapport,
        noise: raw.noise,
        first_number: raw.first_number,
        chief_left: raw.chief_left,
        charge: raw.charge.clone(),
    }
}
