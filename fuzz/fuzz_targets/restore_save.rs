//! Arbitrary bytes as a save file: loading must refuse it with a reason or give a game that
//! plays on, and never panic. A save is checked against its own command log (replayed from
//! its seed), so an edited or damaged value inside is refused, never put into a world.

#![no_main]

use std::io::Write;
use std::path::PathBuf;

use demarche::command::Step;
use demarche::session::Session;
use demarche::shipped::Loader;
use libfuzzer_sys::fuzz_target;

fn file() -> PathBuf {
    std::env::temp_dir().join(format!("demarche-fuzz-save-{}.ron", std::process::id()))
}

fuzz_target!(|data: &[u8]| {
    let path = file();
    let Ok(mut f) = std::fs::File::create(&path) else {
        return;
    };
    if f.write_all(data).is_err() {
        return;
    }
    drop(f);
    match Session::load(&Loader::default(), &path, false, false) {
        // A save that loads is a game that goes on: one more step must not panic either.
        Ok(mut session) => {
            let _ = session.advance(Step::Day);
            let _ = session.story();
        }
        Err(e) => {
            let shown = e.to_string();
            assert!(!shown.is_empty(), "a refusal without a reason");
        }
    }
});
