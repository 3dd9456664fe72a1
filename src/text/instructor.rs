//! The instructor's commands in the terminal (`play --text --instructor`).

use std::fmt::Write;

use bevy::prelude::World;

use crate::command::Action;
use crate::instructor::{Hidden, Instruct};
use crate::session::Session;

pub const HELP: &str = "\
Instructor (--instructor):
  truth                 the true stances beside each mission's estimate; flags, chances
  inject TELEGRAM       send one of the scenario's telegrams now
  pause / resume        hold the clock for a discussion, and let it run again
  stance GOV ISSUE X    set a government's true stance on an issue (e.g. stance mexico cuba_action 0.2)
";

/// The instructor's commands; `None` if the words are not one of them.
pub fn command(game: &mut Session, words: &[&str]) -> Option<Result<String, String>> {
    let instruct = match words {
        ["truth"] => return Some(Ok(render_truth(game.world()))),
        ["inject", telegram] => Instruct::Inject {
            telegram: telegram.to_string(),
        },
        ["pause"] => Instruct::Pause,
        ["resume"] => Instruct::Resume,
        ["stance", government, issue, to] => match to.parse::<f64>() {
            Ok(to) => Instruct::MoveStance {
                government: government.to_string(),
                issue: issue.to_string(),
                to,
            },
            Err(_) => return Some(Err(format!("`{to}` is not a number"))),
        },
        ["inject" | "stance", ..] => {
            return Some(Err(
                "usage: inject TELEGRAM; stance GOVERNMENT ISSUE VALUE".into()
            ));
        }
        _ => return None,
    };
    // The transcript shows what was done, as the instructor's; no need to say it twice.
    Some(
        game.command(Action::Instruct(instruct))
            .map(|_| String::new())
            .map_err(|e| e.to_string()),
    )
}

/// The true stances, the missions' estimates and rapport, the flags and chances drawn: what
/// only the instructor sees.
pub fn render_truth(world: &World) -> String {
    let s = crate::views::scenario(world);
    let h = Hidden::of(world);
    let mut out = String::from("THE TRUTH (instructor only)\n");
    let _ = write!(out, "  {:<20}", "");
    for issue in &s.issues {
        let _ = write!(out, " {:>24}", issue.id);
    }
    out.push_str("  rapport\n");
    for g in &h.governments {
        let _ = write!(out, "  {:<20}", s.government(g.government).country);
        for (i, stance) in g.stances.iter().enumerate() {
            let est = g
                .mission
                .as_ref()
                .and_then(|(_, e, _)| e.get(i))
                .map(|e| format!(" (est {:+.2}±{:.2})", e.mean, e.sd))
                .unwrap_or_default();
            let _ = write!(out, " {:>24}", format!("{stance:+.2}{est}"));
        }
        match &g.mission {
            Some((_, _, r)) => {
                let _ = writeln!(out, "  {:.0}/100", r * 100.0);
            }
            None => out.push_str("  -\n"),
        }
    }
    if !h.flags.is_empty() {
        let set: Vec<&str> = h
            .flags
            .iter()
            .map(|(f, on)| if *on { f.as_str() } else { "" })
            .filter(|f| !f.is_empty())
            .collect();
        let _ = writeln!(
            out,
            "Flags set: {}",
            if set.is_empty() {
                "none".into()
            } else {
                set.join(", ")
            }
        );
    }
    for (i, (p, drawn)) in h.chances.iter().enumerate() {
        let _ = writeln!(
            out,
            "Chance {} (p = {p:.2}): drawn {}",
            i + 1,
            if *drawn { "yes" } else { "no" }
        );
    }
    let _ = writeln!(
        out,
        "Not yet sent (can be injected): {}",
        if h.unsent.is_empty() {
            "none".into()
        } else {
            h.unsent.join(", ")
        }
    );
    if h.paused {
        out.push_str("The game is paused; `resume` lets time run.\n");
    }
    out
}
