//! The `demarche` command line: parses the arguments, hands over to the library's front door
//! (`demarche::session`), and prints what comes back. Only this binary knows clap.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::main()
}
