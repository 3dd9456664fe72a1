//! The terminal game, played through stdin like a person would, from the first cable to the
//! debrief.

use std::io::Write;
use std::process::{Command, Stdio};

fn play(args: &[&str], input: &str) -> (String, String, bool) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_demarche"))
        .args(args)
        // Autosaves go to the test's own folder, not the user's data directory.
        .env(
            "DEMARCHE_DATA_DIR",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/terminal-data"),
        )
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.success(),
    )
}

#[test]
fn deptcirtel_47_from_the_first_cable_to_the_debrief() {
    let script = "\
next
tray
read 1
requests
dossier
demarche
2
1
reply
2
70
Betancourt wants Trujillo dealt with first.
.
finish
";
    let (out, err, ok) = play(&["play", "--text", "deptcirtel-47", "--seed", "7"], script);
    assert!(ok, "exit status; stderr: {err}");
    assert!(err.is_empty(), "no errors: {err}");
    for expected in [
        "You are Ambassador Edward J. Sparks in Caracas. The date is 9 July 1960.",
        "IN-TRAY   DEPTCIRTEL 47",
        "S E C R E T DEPTCIRTEL 47",
        "TO ALL ARA POSTS EXCEPT HAVANA PRIORITY",
        "DOSSIER: Venezuela",
        "saw Foreign Minister Ignacio Luis Arcaya",
        "FM AMEMBASSY CARACAS",
        "REF: DEPTCIRTEL 47",
        "VOTE      Vote, 28 August 1960",
        "DEBRIEF:",
        "Venezuela: \"would go along with a majority\" at 70%, that is ",
        "Your Brier score:",
        "What happened historically:",
    ] {
        assert!(
            out.contains(expected),
            "`{expected}` missing from the session:\n{out}"
        );
    }
}

#[test]
fn typos_get_help_not_a_crash() {
    let (out, _, ok) = play(&["play", "--text"], "raed 1\nread 99\nreply\nquit\n");
    assert!(ok);
    assert!(
        out.contains("! unknown command `raed 1`; type `help`"),
        "{out}"
    );
    assert!(out.contains("! the in-tray has 0 cable(s)"), "{out}");
    assert!(
        out.contains("! no estimate request is waiting for a reply"),
        "{out}"
    );
}

#[test]
fn a_broken_scenario_is_reported_not_played() {
    let dir = std::env::temp_dir().join(format!("demarche-term-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("broken.ron");
    std::fs::write(
        &path,
        include_str!("fixtures/mini.ron").replace("host: \"alpha\"", "host: \"alpah\""),
    )
    .unwrap();
    let (_, err, ok) = play(&["play", "--text", path.to_str().unwrap()], "");
    assert!(!ok);
    assert!(
        err.contains("error: unknown government `alpah`") && err.contains("did you mean `alpha`?"),
        "{err}"
    );
}
