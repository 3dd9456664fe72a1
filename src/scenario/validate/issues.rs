//! Issues: a scale, and named positions that cover it.

use super::super::format::*;
use super::super::model::*;
use super::super::spans::Seg;
use super::{Cx, Then};

pub(super) fn build_issue(cx: &mut Cx, at: &[Seg], raw: &RawIssue) -> Issue {
    let (min, max) = (raw.scale.min, raw.scale.max);
    use super::numbers::MAX_SCALE;
    cx.in_range(
        &at.then("scale").then("min"),
        "the scale's `min`",
        min,
        -MAX_SCALE,
        MAX_SCALE,
    );
    cx.in_range(
        &at.then("scale").then("max"),
        "the scale's `max`",
        max,
        -MAX_SCALE,
        MAX_SCALE,
    );
    if min >= max {
        cx.error(
            &at.then("scale"),
            format!("the scale runs from {min} to {max}; expected `min` below `max`"),
        );
    }
    if raw.positions.is_empty() {
        cx.error(
            &at.then("positions"),
            "the issue has no positions; expected at least two named positions covering the scale",
        );
    }
    let mut positions: Vec<(usize, &RawPosition)> = raw.positions.iter().enumerate().collect();
    positions.sort_by(|a, b| a.1.from.total_cmp(&b.1.from));
    let mut expected = min;
    for (i, p) in &positions {
        let here = at.then("positions").then(*i);
        if (p.from - expected).abs() > 1e-9 {
            cx.error(
                &here.then("from"),
                format!(
                    "position `{}` starts at {}; expected {expected}, so that positions cover the scale without gaps or overlaps",
                    p.id, p.from
                ),
            );
        }
        if p.to <= p.from {
            cx.error(
                &here.then("to"),
                format!(
                    "position `{}` ends at {} before it starts; expected `to` above `from`",
                    p.id, p.to
                ),
            );
        }
        expected = p.to;
    }
    if !positions.is_empty() && (expected - max).abs() > 1e-9 {
        let last = positions.last().map(|(i, _)| *i).unwrap_or(0);
        cx.error(
            &at.then("positions").then(last).then("to"),
            format!(
                "the positions end at {expected}; expected them to reach the scale's max, {max}"
            ),
        );
    }
    let mut seen = Vec::new();
    for (i, p) in raw.positions.iter().enumerate() {
        if seen.contains(&p.id.as_str()) {
            cx.error(
                &at.then("positions").then(i).then("id"),
                format!(
                    "duplicate position id `{}`; expected each position once",
                    p.id
                ),
            );
        }
        seen.push(&p.id);
    }
    Issue {
        id: raw.id.clone(),
        question: raw.question.clone(),
        topic: raw
            .topic
            .clone()
            .unwrap_or_else(|| format!("the question \"{}\"", raw.question.trim_end_matches('?'))),
        min,
        max,
        low: raw.scale.low.clone(),
        high: raw.scale.high.clone(),
        positions: positions
            .into_iter()
            .map(|(_, p)| Position {
                id: p.id.clone(),
                label: p.label.clone(),
                from: p.from,
                to: p.to,
            })
            .collect(),
    }
}
