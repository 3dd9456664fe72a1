//! Loading saved games, and `replay`: re-running a save's command log to check it.

use std::path::Path;

use crate::game::Game;
use crate::save::{Snapshot, read_save};
use crate::transcript::Entry;

use super::load_scenario;

/// The game a save holds, and how its scenario was named.
pub fn load_game(path: &Path, replay_on_change: bool) -> Result<(Game, String), String> {
    let save = read_save(path).map_err(|e| e.to_string())?;
    let source = save.scenario.source.clone();
    let loaded = load_scenario(&source).map_err(|e| {
        format!(
            "{}: the save's scenario `{source}` cannot be loaded:\n{e}",
            path.display()
        )
    })?;
    let game = save
        .restore(loaded.scenario, replay_on_change)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok((game, source))
}

/// Replays a save's commands from its seed; `Ok` with a summary when the replay reaches the
/// saved world, else the first command where the two runs part.
pub fn replay(path: &Path, replay_on_change: bool) -> Result<String, String> {
    let save = read_save(path).map_err(|e| e.to_string())?;
    let loaded = load_scenario(&save.scenario.source)?;
    let scenario = loaded.scenario;
    if scenario.hash != save.scenario.hash && !replay_on_change {
        return Err(format!(
            "{}: the scenario `{}` has changed since the save; replaying would not test this game (use --replay-on-change to try anyway)",
            path.display(),
            save.scenario.id
        ));
    }
    let setup = crate::save::setup_of(&save, &scenario)?;
    let saved: Vec<String> = save.snapshot.transcript.0.iter().map(entry_text).collect();
    let mut game = Game::new(scenario, setup);
    for (i, command) in save.commands.iter().enumerate() {
        let what = format!(
            "command {} ({} at {})",
            i + 1,
            describe(command),
            command.at
        );
        game.apply_logged(command.clone())
            .map_err(|e| format!("the runs part at {what}: the replay refuses it: {e}"))?;
        let ours: Vec<String> = game
            .world()
            .resource::<crate::transcript::Transcript>()
            .0
            .iter()
            .map(entry_text)
            .collect();
        if let Some(k) = (0..ours.len()).find(|k| saved.get(*k) != Some(&ours[*k])) {
            return Err(format!(
                "the runs part at {what}: transcript entry {} differs\n  saved:  {}\n  replay: {}",
                k + 1,
                saved.get(k).map(String::as_str).unwrap_or("(nothing)"),
                ours[k]
            ));
        }
    }
    let ours = ron::to_string(&Snapshot::capture(game.world())).map_err(|e| e.to_string())?;
    let theirs = ron::to_string(&save.snapshot).map_err(|e| e.to_string())?;
    if ours != theirs {
        return Err(format!(
            "the replay of all {} commands reaches a different world than the save's snapshot (the transcripts agree; the hidden state does not)",
            save.commands.len()
        ));
    }
    Ok(format!(
        "{}: the replay of {} commands from seed {} reaches the saved world ({} transcript entries, {})",
        path.display(),
        save.commands.len(),
        save.seed,
        saved.len(),
        save.at
    ))
}

fn entry_text(e: &Entry) -> String {
    ron::to_string(e).unwrap_or_default()
}

fn describe(c: &crate::command::Command) -> String {
    match &c.action {
        crate::command::Action::Advance(_) => "advance".into(),
        crate::command::Action::Reply {
            telegram, request, ..
        } => format!("reply to {telegram} ({request})"),
        crate::command::Action::Demarche { .. } => "démarche".into(),
        crate::command::Action::Decide { telegram, .. } => format!("decision on {telegram}"),
        crate::command::Action::Instruct(i) => format!("the instructor's {i:?}"),
    }
}
