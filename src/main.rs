//! The `demarche` command line: parses the arguments and hands over to the library.

use std::process::ExitCode;

fn main() -> ExitCode {
    demarche::cli::main()
}
