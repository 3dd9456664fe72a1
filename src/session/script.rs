//! Command files: a RON list of dated commands, `(at: "...", do: ...)`.

use std::path::Path;

use super::GameError;
use crate::command::Command;

/// Reads a command file.
pub fn read_commands(path: &Path) -> Result<Vec<Command>, GameError> {
    let file = path.display().to_string();
    let text = crate::scenario::load::read_text(path).map_err(|d| GameError::Scenario(vec![d]))?;
    ron::Options::default()
        .from_str::<Vec<Command>>(&text)
        .map_err(|e| GameError::CommandFile {
            file,
            line: e.span.start.line,
            col: e.span.start.col,
            message: e.code.to_string(),
        })
}

/// The commands of a command file, or none.
pub fn commands_from(path: Option<&Path>) -> Result<Vec<Command>, GameError> {
    Ok(path.map(read_commands).transpose()?.unwrap_or_default())
}
