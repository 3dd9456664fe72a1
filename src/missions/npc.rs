//! The rules by which stations the player does not play answer their requests.

use bevy::prelude::*;

use super::Diplomacy;
use crate::calendar::Agenda;
use crate::effects::apply_all;
use crate::requests::RequestState;
use crate::rng::normal_cdf;
use crate::scenario::{Issue, RequestKind, Station, Whom};
use crate::votes::count::count;

/// Acts on every request whose time has come, oldest first.
pub(super) fn act(
    mut d: Diplomacy,
    mut agenda: ResMut<Agenda>,
    setup: Res<crate::vocab::Setup>,
    scores: Res<crate::votes::Scores>,
    mut commands: Commands,
) {
    let historical = setup.historical;
    let now = d.calendar.now;
    let scenario = d.scenario.0.clone();
    let mut due: Vec<usize> = (0..d.requests.open.len())
        .filter(|i| {
            let r = &d.requests.open[*i];
            r.state == RequestState::Open && r.npc_due.is_some_and(|t| t <= now)
        })
        .collect();
    // Calls first, so that the return cable can report them.
    due.sort_by_key(|i| {
        let r = &d.requests.open[*i];
        let kind = &scenario.telegram(r.telegram).requests[r.request].kind;
        !matches!(kind, RequestKind::Action { .. })
    });
    for i in due {
        let open = d.requests.open[i].clone();
        let request = &scenario.telegram(open.telegram).requests[open.request];
        match (&request.kind, open.station) {
            (
                RequestKind::Estimate {
                    issue, positions, ..
                },
                Station::Post(post),
            ) => {
                let estimate = d.estimate(post, *issue);
                let issue_def = scenario.issue(*issue);
                let position = closest_allowed(issue_def, positions, estimate.mean);
                let p = confidence(issue_def, position, estimate.mean, estimate.sd);
                let _ = d.reply_estimate(post, open.telegram, open.request, position, p, "", false);
            }
            (RequestKind::Action { see, show, .. }, Station::Post(post)) => {
                let choices: Vec<(Whom, f64)> = scenario
                    .model
                    .npc_see
                    .iter()
                    .filter(|(w, _)| see.is_empty() || see.contains(w))
                    .copied()
                    .collect();
                let Some(pick) = d.rng.weighted(choices.iter().map(|(_, w)| *w)) else {
                    d.requests.open[i].state = RequestState::Missed;
                    continue;
                };
                let shown: Vec<_> = show
                    .iter()
                    .filter(|_| d.rng.chance(scenario.model.npc_show_chance))
                    .copied()
                    .collect();
                let issue = d.default_issue(post);
                if d.demarche(post, choices[pick].0, &shown, issue, false)
                    .is_err()
                {
                    // Busy, out of hours, or no such leader: try the next morning in office
                    // hours, or give up at the deadline.
                    let later = scenario
                        .model
                        .next_office_hour(d.busy_until(post).max(now.plus_days(1)));
                    d.requests.open[i].npc_due = Some(later);
                    agenda.add(later);
                }
            }
            (
                RequestKind::Decision {
                    options, counts, ..
                },
                Station::Department,
            ) => {
                // In historical mode the Department takes the decision really taken; else it
                // decides from the posts' reports where the scenario says how, and by the
                // options' weights where it does not.
                let counted = counts.map(|c| (c, count(&scenario, &d.requests, &scores, c.vote)));
                let pick = match (options.iter().position(|o| o.historical), counted.as_ref()) {
                    (Some(real), _) if historical => real,
                    (_, Some((c, tally))) => {
                        // Where the count is close, the posts' recommendations tip it.
                        let close =
                            tally.firm.len() + tally.doubtful.len() >= tally.needed as usize;
                        let urged = d.recommendations.balance(c.vote) as f64;
                        let odds = (0.5 + 0.15 * urged).clamp(0.1, 0.9);
                        if tally.enough() || (close && d.rng.chance(odds)) {
                            c.enough
                        } else {
                            c.short
                        }
                    }
                    _ => d
                        .rng
                        .weighted(options.iter().map(|o| o.weight))
                        .unwrap_or(0),
                };
                if let Ok(effects) = d.decide(open.telegram, open.request, pick) {
                    let label = scenario
                        .telegram(open.telegram)
                        .option_label(open.request, pick);
                    apply_all(&mut commands, &effects, label);
                    if let Some((c, tally)) = &counted {
                        d.instruct(open.telegram, open.request, pick, c.vote, tally);
                    }
                }
            }
            _ => d.requests.open[i].state = RequestState::Missed,
        }
    }
}

/// The allowed position nearest to the mission's best guess.
fn closest_allowed(issue: &Issue, allowed: &[usize], mean: f64) -> usize {
    let natural = issue.position_of(mean);
    *allowed
        .iter()
        .min_by_key(|p| (**p as i64 - natural as i64).abs())
        .unwrap_or(&natural)
}

/// The chance, given the mission's belief, that the true stance is in `position`; rounded
/// to 5 percent as a chief of mission would put it.
fn confidence(issue: &Issue, position: usize, mean: f64, sd: f64) -> f64 {
    let p = &issue.positions[position];
    let lo = if position == 0 {
        f64::NEG_INFINITY
    } else {
        p.from
    };
    let hi = if position + 1 == issue.positions.len() {
        f64::INFINITY
    } else {
        p.to
    };
    let sd = sd.max(1e-6);
    let mass = normal_cdf((hi - mean) / sd) - normal_cdf((lo - mean) / sd);
    ((mass * 20.0).round() / 20.0).clamp(0.05, 0.95)
}
