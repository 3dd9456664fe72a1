//! What a modder meets: folder scenarios, `demarche new`, rustc-style and JSON diagnostics,
//! and the caps on hostile files.

use std::path::{Path, PathBuf};
use std::process::Command;

use demarche::scenario::load_file;

const FOLDER: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini-folder");

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("modding")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.parent().unwrap()).unwrap();
    dir
}

fn demarche(args: &[&str]) -> (String, String, bool) {
    let out = Command::new(env!("CARGO_BIN_EXE_demarche"))
        .args(args)
        .output()
        .unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.success(),
    )
}

#[test]
fn a_folder_scenario_loads_like_the_single_file() {
    let folder = load_file(Path::new(FOLDER)).unwrap().scenario;
    let single = load_file(Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/mini.ron"
    )))
    .unwrap()
    .scenario;
    assert_eq!(folder.telegrams.len(), single.telegrams.len());
    let mut a: Vec<&str> = folder.governments.iter().map(|g| g.id.as_str()).collect();
    let mut b: Vec<&str> = single.governments.iter().map(|g| g.id.as_str()).collect();
    a.sort();
    b.sort();
    assert_eq!(a, b);
}

#[test]
fn errors_in_a_folder_point_into_the_right_file() {
    let dir = scratch("broken-folder");
    copy_dir(Path::new(FOLDER), &dir);
    let telegrams = dir.join("telegrams/circulars.ron");
    let text = std::fs::read_to_string(&telegrams).unwrap().replacen(
        r#"Bureau(id: "ara""#,
        r#"Bureau(id: "arra""#,
        1,
    );
    std::fs::write(&telegrams, &text).unwrap();
    let diags = load_file(&dir).unwrap_err();
    assert_eq!(diags.len(), 1, "{diags:#?}");
    let line = text.lines().position(|l| l.contains("\"arra\"")).unwrap() + 1;
    assert_eq!(diags[0].file, telegrams.display().to_string());
    assert_eq!(diags[0].line, line);
    assert!(
        diags[0].message.contains("did you mean `ara`?"),
        "{}",
        diags[0]
    );
}

#[test]
fn a_symlink_out_of_the_folder_is_refused() {
    let dir = scratch("escaping-folder");
    copy_dir(Path::new(FOLDER), &dir);
    let outside = dir.parent().unwrap().join("outside.ron");
    std::fs::write(&outside, "[]").unwrap();
    std::os::unix::fs::symlink(&outside, dir.join("telegrams/sneaky.ron")).unwrap();
    let diags = load_file(&dir).unwrap_err();
    assert!(
        diags[0].message.contains("leads out of its folder"),
        "{diags:#?}"
    );
}

#[test]
fn new_writes_a_valid_commented_scenario_and_never_overwrites() {
    let dir = scratch("new");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("mine.ron");
    let file_s = file.to_str().unwrap();
    let (_, _, ok) = demarche(&["new", file_s]);
    assert!(ok);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("// A new Démarche scenario."));
    assert!(text.contains(&format!("demarche validate {file_s}")));
    let (out, err, ok) = demarche(&["validate", file_s]);
    assert!(ok, "{err}");
    assert!(out.contains("ok: A new crisis"));
    let (_, err, ok) = demarche(&["new", file_s]);
    assert!(!ok && err.contains("already exists"), "{err}");
}

#[test]
fn validate_shows_the_line_with_a_caret_and_the_hint_and_speaks_json() {
    let dir = scratch("diag");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("typo.ron");
    std::fs::write(
        &file,
        include_str!("fixtures/mini.ron").replacen(r#"host: "alpha""#, r#"host: "alpah""#, 1),
    )
    .unwrap();
    let f = file.to_str().unwrap();
    let (_, err, ok) = demarche(&["validate", f]);
    assert!(!ok);
    assert!(
        err.contains(&format!("{f}:")) && err.contains(": error: unknown government `alpah`"),
        "{err}"
    );
    assert!(
        err.contains(r#"host: "alpah""#) && err.contains("───────"),
        "the source line, underlined: {err}"
    );
    assert!(err.contains("help: did you mean `alpha`?"), "{err}");
    let (out, _, ok) = demarche(&["validate", "--format", "json", f]);
    assert!(!ok);
    assert!(
        out.trim_start().starts_with('[') && out.contains(r#""hint": "did you mean `alpha`?""#),
        "{out}"
    );
    assert!(out.contains(r#""severity": "error""#), "{out}");
}

#[test]
fn counts_are_capped() {
    let many: String = (0..5_001)
        .map(|i| format!(r#"(id: "g{i}", country: "G", capital: "C", leaders: [(id: "l{i}", name: "N", role: HeadOfState, title: "P")], stances: {{"action": 0.0}}),"#))
        .collect();
    let text = include_str!("fixtures/mini.ron").replacen(
        "    governments: [\n",
        &format!("    governments: [\n{many}\n"),
        1,
    );
    let diags = demarche::scenario::load_str("big.ron", &text).unwrap_err();
    assert!(
        diags[0].message.contains("more than the limit of 5000"),
        "{}",
        diags[0]
    );
}

#[test]
fn the_terminal_picks_up_a_fixed_scenario_and_keeps_the_last_good_one() {
    use std::io::Write;
    use std::process::Stdio;
    let dir = scratch("hot");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("hot.ron");
    let good = include_str!("fixtures/mini.ron");
    std::fs::write(&file, good).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_demarche"))
        .args(["play", "--text", file.to_str().unwrap()])
        .env("DEMARCHE_DATA_DIR", dir.join("data"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let pause = || std::thread::sleep(std::time::Duration::from_millis(300));
    writeln!(stdin, "next").unwrap();
    pause();
    std::fs::write(
        &file,
        good.replacen(r#"host: "alpha""#, r#"host: "alpah""#, 1),
    )
    .unwrap();
    pause();
    writeln!(stdin, "tray").unwrap();
    pause();
    std::fs::write(
        &file,
        good.replacen("Mini crisis", "Mini crisis, revised", 1),
    )
    .unwrap();
    pause();
    writeln!(stdin, "tray").unwrap();
    pause();
    writeln!(stdin, "quit").unwrap();
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    let out = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.contains("changed but does not validate; the last good version goes on"),
        "{out}"
    );
    assert!(out.contains("unknown government `alpah`"), "{out}");
    assert!(out.contains("changed: reloaded, and your 1 command(s) replayed from the start; it is 1960-07-12 08:00"), "{out}");
}

#[test]
fn warnings_a_modder_gets_without_being_stopped() {
    let text = include_str!("fixtures/mini.ron")
        .replacen(
            "    governments: [",
            r#"    governments: [
        (id: "delta", country: "Delta", capital: "D", leaders: [(id: "d_pres", name: "Dee", role: HeadOfState, title: "President")], stances: {"action": 0.0}),"#,
            1,
        )
        .replacen(
            "    issues: [\n",
            r#"    issues: [
        (id: "unheld", question: "Q?", scale: (min: -1.0, max: 1.0, low: "no", high: "yes"),
         positions: [(id: "no", label: "no", from: -1.0, to: 0.0), (id: "yes", label: "yes", from: 0.0, to: 1.0)]),
"#,
            1,
        )
        .replacen(r#", default: Some("majority"))"#, ")", 1);
    let loaded = demarche::scenario::load_str("warn.ron", &text).unwrap();
    let shown: Vec<String> = loaded.warnings.iter().map(|w| w.to_string()).collect();
    assert!(
        shown
            .iter()
            .any(|w| w.contains("warning: no government has a stance on issue `unheld`")),
        "{shown:#?}"
    );
    assert!(
        shown
            .iter()
            .any(|w| w.contains("warning: estimate request `a` has no `default`")),
        "{shown:#?}"
    );
}

#[test]
fn shared_government_files_are_taken_by_name_from_the_library() {
    let root = scratch("library");
    let dir = root.join("crisis");
    copy_dir(Path::new(FOLDER), &dir);
    let shared = root.join("shared/governments");
    std::fs::create_dir_all(&shared).unwrap();
    std::fs::rename(dir.join("governments/beta.ron"), shared.join("beta.ron")).unwrap();
    let main = dir.join("scenario.ron");
    let text = std::fs::read_to_string(&main).unwrap();
    std::fs::write(
        &main,
        text.replacen(
            "    governments: [",
            "    shared: [\"beta.ron\"],\n    governments: [",
            1,
        ),
    )
    .unwrap();
    let loaded = load_file(&dir).unwrap().scenario;
    assert!(loaded.governments.iter().any(|g| g.id == "beta"));

    std::fs::write(
        &main,
        text.replacen(
            "    governments: [",
            "    shared: [\"../beta.ron\"],\n    governments: [",
            1,
        ),
    )
    .unwrap();
    let diags = load_file(&dir).unwrap_err();
    assert!(
        diags[0]
            .message
            .contains("is not the name of a shared file"),
        "{diags:#?}"
    );
}

#[test]
fn every_scenario_field_is_known_when_other_errors_are_listed() {
    // With another error in the file, each top-level field is checked on its own: `shared`
    // must be one of the known fields, not an "unknown field".
    let text = include_str!("fixtures/mini.ron")
        .replacen(
            "    governments: [",
            "    shared: [],\n    governments: [",
            1,
        )
        .replacen(r#"capital: "Beta Town""#, r#"capitol: "Beta Town""#, 1);
    let diags = demarche::scenario::load_str("f.ron", &text).unwrap_err();
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert!(diags[0].message.contains("`capitol`"), "{}", diags[0]);
}
