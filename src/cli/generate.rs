//! `generate`: writes a synthetic scenario, the kind the benchmarks measure.

use std::path::PathBuf;

use demarche::synthetic::{Size, scenario_text};

/// `generate`'s arguments.
#[derive(clap::Args, Debug)]
pub struct GenerateArgs {
    /// Where to write the scenario; `-` prints it.
    pub path: PathBuf,
    /// Governments (each with a US mission).
    #[arg(long, default_value_t = 21, value_parser = clap::value_parser!(u64).range(1..))]
    pub governments: u64,
    /// Telegrams that wait on a date or a flag through most of the period.
    #[arg(long, default_value_t = 10)]
    pub dormant: usize,
    /// Pad the dormant telegrams so the file is about this many megabytes.
    #[arg(long, value_name = "MB")]
    pub megabytes: Option<f64>,
}

pub fn generate(args: &GenerateArgs) -> Result<String, String> {
    let text = scenario_text(Size {
        governments: args.governments as usize,
        dormant: args.dormant,
        bytes: args.megabytes.map(|mb| (mb * 1_000_000.0) as usize),
    });
    if args.path.as_os_str() == "-" {
        return Ok(text);
    }
    if args.path.exists() {
        return Err(format!(
            "{}: already exists; not overwriting it",
            args.path.display()
        ));
    }
    std::fs::write(&args.path, &text)
        .map_err(|e| format!("{}: cannot write: {e}", args.path.display()))?;
    Ok(format!(
        "Wrote {} ({} bytes). Check it with `demarche validate {}`.\n",
        args.path.display(),
        text.len(),
        args.path.display()
    ))
}
