//! Hostile and broken files: each gets an error that names the file, and nothing panics.

use crate::common;

use std::io::Write;
use std::path::Path;

use demarche::scenario::{load_file, load_str};

fn file_error(path: &Path) -> String {
    match load_file(path) {
        Ok(_) => panic!("{} should not load", path.display()),
        Err(d) => {
            assert!(!d.is_empty());
            let shown = d[0].to_string();
            assert!(
                shown.starts_with(&path.display().to_string()),
                "names the file: {shown}"
            );
            shown
        }
    }
}

fn write_temp(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("demarche-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::File::create(&path)
        .unwrap()
        .write_all(bytes)
        .unwrap();
    path
}

#[test]
fn empty_file() {
    let shown = file_error(&write_temp("empty.ron", b""));
    assert!(shown.contains(":1:1: error: the file is empty"), "{shown}");
}

#[test]
fn binary_bytes() {
    let bytes: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 24) as u8)
        .collect();
    let shown = file_error(&write_temp("binary.ron", &bytes));
    assert!(shown.contains("error:"), "{shown}");
}

#[test]
fn non_utf8_points_at_the_bad_byte() {
    let shown = file_error(&write_temp(
        "latin1.ron",
        b"Scenario(\n  id: \"caf\xe9\",\n)",
    ));
    assert!(
        shown.contains(":2:11: error: byte 0xE9 is not valid UTF-8"),
        "{shown}"
    );
}

#[test]
fn truncated_file_at_every_length_never_panics() {
    let text = common::MINI;
    let mut cut = 0;
    while cut < text.len() {
        if text.is_char_boundary(cut) {
            assert!(
                load_str("mini.ron", &text[..cut]).is_err(),
                "cut at {cut} loaded"
            );
        }
        cut += 97;
    }
    let half = &text[..text.len() / 2];
    let shown = load_str("mini.ron", half).unwrap_err()[0].to_string();
    assert!(
        shown.contains("end of the file") || shown.contains("end of file"),
        "{shown}"
    );
}

#[test]
fn deep_nesting() {
    let text = format!(
        "Scenario(id: {}1{})",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let shown = load_str("deep.ron", &text).unwrap_err()[0].to_string();
    assert!(shown.starts_with("deep.ron:1:"), "{shown}");
}

#[test]
fn huge_file_is_refused_before_reading() {
    let path = write_temp("huge.ron", b"");
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_len(65 * 1024 * 1024)
        .unwrap();
    let shown = file_error(&path);
    assert!(shown.contains("larger than 64 MiB"), "{shown}");
}

#[test]
fn an_endless_device_is_refused_before_it_is_read() {
    let path = Path::new("/dev/zero");
    if path.exists() {
        let shown = file_error(path);
        assert!(shown.contains("this is a device, not a file"), "{shown}");
    }
}

#[test]
fn a_directory() {
    let dir = std::env::temp_dir();
    let shown = file_error(&dir);
    assert!(shown.contains("is a directory"), "{shown}");
}

#[test]
fn a_missing_path() {
    let shown = file_error(Path::new("no/such/scenario.ron"));
    assert_eq!(
        shown,
        "no/such/scenario.ron:1:1: error: cannot read the scenario: no such file"
    );
}

#[test]
fn random_mutations_of_a_scenario_never_panic() {
    // A small deterministic generator: the property is "no panic", over many shapes of damage.
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let base = common::MINI.as_bytes();
    for _ in 0..300 {
        let mut bytes = base.to_vec();
        for _ in 0..(next() % 8 + 1) {
            let at = (next() as usize) % bytes.len();
            match next() % 3 {
                0 => bytes[at] = b"()[]{},:\"x0 "[(next() % 12) as usize],
                1 => {
                    bytes.remove(at);
                }
                _ => bytes.insert(at, b"([{\"'"[(next() % 5) as usize]),
            }
        }
        let text = String::from_utf8_lossy(&bytes);
        let _ = load_str("mutated.ron", &text);
    }
}

/// Found by fuzzing the loader: an unclosed string whose text has an accented letter just
/// before a colon made the hint about a missing quote slice inside the letter.
#[test]
fn an_unclosed_string_with_accents_gets_its_hint_without_a_panic() {
    let text = common::mini_with(
        r#"headline: "A threatening speech","#,
        r#"headline: "Une démarché: speech,"#,
    );
    let diags = load_str("mini.ron", &text).unwrap_err();
    let shown = diags[0].to_string();
    assert!(shown.contains("is its closing quote missing?"), "{shown}");
}
