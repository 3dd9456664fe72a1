//! Saves as a hostile tester edits them: every edited value inside the snapshot, the seed, the
//! date, the engine version; and save targets that are not saves: another format's file, a
//! folder that does not exist, a pipe, a planted autosave number, a killed save's leftovers.

use std::path::{Path, PathBuf};

use demarche::command::Step;
use demarche::save::{SaveError, autosave, read_save, write_save};
use demarche::session::{Mode, Session, Start};
use demarche::shipped::Loader;

const MINI: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini.ron");

fn dir(name: &str) -> PathBuf {
    let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("hostile-saves")
        .join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// A mini game played a few days, auto, saved at `path`; returns the save's text.
fn saved(path: &Path) -> String {
    let mut start = Start::new(MINI);
    start.mode = Mode::Auto;
    start.seed = 3;
    let mut s = Session::start(&Loader::default(), &start).unwrap();
    for _ in 0..4 {
        s.advance(Step::Day).unwrap();
    }
    s.save_to(path).unwrap();
    std::fs::read_to_string(path).unwrap()
}

fn load(path: &Path) -> Result<Session, String> {
    Session::load(&Loader::default(), path, false, false).map_err(|e| e.to_string())
}

/// Loads `text` as a save; the error, which must say the save was edited or damaged.
fn refused(d: &Path, name: &str, text: &str) -> String {
    let path = d.join(name);
    std::fs::write(&path, text).unwrap();
    let e = load(&path)
        .err()
        .unwrap_or_else(|| panic!("{name} was loaded"));
    assert!(
        e.contains("edited or damaged") || e.contains("damaged") || e.contains("later version"),
        "{name}: {e}"
    );
    e
}

/// The text with the first occurrence of `from` after `after` replaced.
fn edit(text: &str, after: &str, from: &str, to: &str) -> String {
    let start = text.find(after).unwrap_or_else(|| panic!("no `{after}`"));
    let at = start
        + text[start..]
            .find(from)
            .unwrap_or_else(|| panic!("no `{from}`"));
    format!("{}{to}{}", &text[..at], &text[at + from.len()..])
}

/// The text with the first number after `after` replaced by `to`.
fn first_number(text: &str, after: &str, to: &str) -> String {
    let start = text.find(after).unwrap() + after.len();
    let at = start
        + text[start..]
            .find(|c: char| c.is_ascii_digit() || c == '-')
            .unwrap();
    let len = text[at..]
        .find(|c: char| !(c.is_ascii_digit() || "-.e".contains(c)))
        .unwrap();
    format!("{}{to}{}", &text[..at], &text[at + len..])
}

/// The text with the list that opens at `opening` made empty.
fn emptied(text: &str, opening: &str) -> String {
    let start = text.find(opening).unwrap() + opening.len();
    let end = start + text[start..].find(']').unwrap();
    format!("{}{}", &text[..start], &text[end..])
}

#[test]
fn every_kind_of_edit_inside_a_save_is_refused_with_where_it_parts() {
    let d = dir("edits");
    let good = saved(&d.join("good.ron"));
    assert!(load(&d.join("good.ron")).is_ok());
    let snapshot = good.find("snapshot:").unwrap();
    let inside = &good[snapshot..];
    // A stance made NaN, a flag flipped, a list cut short, the seed and the date changed.
    let stances = first_number(&good, "stances: [", "NaN");
    let e = refused(&d, "nan.ron", &stances);
    assert!(e.contains("NaN"), "{e}");
    let flags = edit(&good, "flags: Flags([", "false", "true");
    refused(&d, "flag.ron", &flags);
    assert!(
        inside.contains("sent_telegrams: ["),
        "the snapshot lists sent telegrams"
    );
    let cut = emptied(&good, "sent_telegrams: [");
    let e = refused(&d, "cut.ron", &cut);
    assert!(e.contains("sent_telegrams"), "{e}");
    let seed = good.replacen("    seed: 3,", "    seed: 4,", 1);
    assert_ne!(seed, good);
    let e = refused(&d, "seed.ron", &seed);
    assert!(e.contains("rng"), "{e}");
    let at = edit(&good, "    at: \"", "1960-07-", "1960-08-");
    let e = refused(&d, "date.ron", &at);
    assert!(e.contains("it says it was saved at"), "{e}");
    let ours = format!("engine: \"{}\"", env!("CARGO_PKG_VERSION"));
    let engine = good.replacen(&ours, "engine: \"9.9.9\"", 1);
    assert_ne!(engine, good);
    let e = refused(&d, "engine.ron", &engine);
    assert!(e.contains("9.9.9, a later version"), "{e}");
    // An id out of range, an outcome naming no ending, deep inside the transcript.
    let cable = edit(
        &good,
        "transcript: ",
        "cable: CableId(0)",
        "cable: CableId(9999)",
    );
    refused(&d, "cable.ron", &cable);
}

#[test]
fn a_target_that_is_not_a_save_of_this_format_is_never_overwritten() {
    let d = dir("targets");
    let good = saved(&d.join("good.ron"));
    let save = read_save(&d.join("good.ron")).unwrap();
    // Another format's save, a foreign file, a damaged save: each left as it was.
    let older = good.replacen("format: 1,", "format: 0,", 1);
    for (name, text) in [
        ("older.ron", older.as_str()),
        ("notes.ron", "my notes"),
        ("damaged.ron", &good[..good.len() / 2]),
    ] {
        let path = d.join(name);
        std::fs::write(&path, text).unwrap();
        let e = write_save(&path, &save).unwrap_err();
        assert!(matches!(e, SaveError::WouldClobber { .. }), "{name}: {e}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text, "{name}");
    }
    // A folder that does not exist is not made.
    let missing = d.join("no/such/dir/x.ron");
    let e = write_save(&missing, &save).unwrap_err().to_string();
    assert!(e.contains("does not exist"), "{e}");
    assert!(!d.join("no").exists());
    // A pipe is refused at once (never opened, so never blocks); so is a device.
    let fifo = d.join("pipe.ron");
    if std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success())
    {
        let e = write_save(&fifo, &save).unwrap_err().to_string();
        assert!(e.contains("named pipe"), "{e}");
        let e = read_save(&fifo).unwrap_err().to_string();
        assert!(e.contains("named pipe"), "{e}");
    }
    let e = write_save(Path::new("/dev/full"), &save)
        .unwrap_err()
        .to_string();
    assert!(e.contains("device"), "{e}");
}

#[test]
fn a_killed_saves_leftovers_go_with_the_next_save_and_planted_autosaves_are_ignored() {
    let d = dir("leftovers");
    saved(&d.join("game.ron"));
    let save = load(&d.join("game.ron")).unwrap().save();
    let stale = d.join(".game.ron.4242.tmp");
    std::fs::write(&stale, "half a save").unwrap();
    write_save(&d.join("game.ron"), &save).unwrap();
    assert!(!stale.exists(), "the killed save's temporary file is gone");

    let autos = d.join("autosave");
    std::fs::create_dir_all(&autos).unwrap();
    let planted = autos.join("autosave-18446744073709551615.ron");
    std::fs::write(&planted, "planted").unwrap();
    let mut written = Vec::new();
    for _ in 0..7 {
        written.push(autosave(&save, &autos).unwrap());
    }
    let names: Vec<String> = written
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names[0], "autosave-000001.ron",
        "numbering starts afresh: {names:?}"
    );
    assert_eq!(names[6], "autosave-000007.ron");
    // The newest five are kept; the planted file is not one of ours and is left alone.
    for n in 3..=7 {
        assert!(autos.join(format!("autosave-{n:06}.ron")).exists(), "{n}");
    }
    assert!(!autos.join("autosave-000002.ron").exists());
    assert!(planted.exists());
    assert_eq!(
        demarche::save::latest_in(&autos).unwrap(),
        autos.join("autosave-000007.ron")
    );
}

#[test]
fn the_command_line_refuses_an_edited_save_and_an_impossible_batch_with_exit_status_1() {
    let d = dir("cli");
    let good = saved(&d.join("good.ron"));
    let nan = first_number(&good, "stances: [", "NaN");
    std::fs::write(d.join("nan.ron"), nan).unwrap();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_demarche"))
            .args(args)
            .output()
            .unwrap()
    };
    let nan = d.join("nan.ron").display().to_string();
    for args in [
        vec!["simulate", "--load", nan.as_str()],
        vec!["debrief", nan.as_str()],
    ] {
        let out = run(&args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(err.contains("edited or damaged"), "{args:?}: {err}");
    }
    let out = run(&[
        "batch",
        "deptcirtel-47",
        "--runs",
        "2",
        "--seed",
        "18446744073709551615",
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("expected --seed at most 18446744073709551614"),
        "{err}"
    );
}
