//! Command files: a RON list of dated commands, `(at: "...", do: ...)`.

use std::path::Path;

use super::GameError;
use crate::command::Command;

/// Reads a command file.
pub fn read_commands(path: &Path) -> Result<Vec<Command>, GameError> {
    let file = path.display().to_string();
    let text = crate::scenario::load::read_named(path, "the command file")
        .map_err(|d| GameError::Scenario(vec![d]))?;
    ron::Options::default()
        .with_recursion_limit(crate::scenario::load::MAX_DEPTH)
        .from_str::<Vec<Command>>(&text)
        .map_err(|e| {
            // In the same words as a scenario's errors: what was found, what was expected.
            let d = crate::scenario::load::ron_diagnostic(&file, &text, 0, &e);
            GameError::CommandFile {
                file,
                line: d.line,
                col: d.col,
                message: d.message,
            }
        })
}

/// The commands of a command file, or none.
pub fn commands_from(path: Option<&Path>) -> Result<Vec<Command>, GameError> {
    Ok(path.map(read_commands).transpose()?.unwrap_or_default())
}
