//! The classroom pages in a real Chromium, driven by Playwright (`tests/browser/class.mjs`)
//! against `demarche serve`: a student joins with the code, reads Deptcirtel 47 with its
//! glossary, calls on a leader, sends the return cable (a `<script>` in it stays text); the
//! instructor's console runs the clock until the student's in-tray gets the next cable; the
//! map is drawn; then the server is killed and resumed, and the page reconnects by itself.
//! Screenshots of both pages go to `target/screenshots/class/`.
//!
//! Needs Node, Debian's Chromium and `playwright-core` (fetched with `npm ci` when missing).
//! Without them it says that it skipped and why, unless DEMARCHE_REQUIRE_BROWSER is set, as
//! CI sets it.

use std::path::Path;
use std::process::Command;

use crate::class_resume::serve;
use crate::class_server::scratch;

/// Why the browser test cannot run here, if it cannot.
fn missing(browser: &Path) -> Option<String> {
    if Command::new("node").arg("--version").output().is_err() {
        return Some("Node is not installed".into());
    }
    if !Path::new("/usr/bin/chromium").exists() {
        return Some("Chromium is not installed (apt-get install chromium)".into());
    }
    if !browser.join("node_modules/playwright-core").exists() {
        let installed = Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(browser)
            .output();
        match installed {
            Ok(o) if o.status.success() => {}
            Ok(o) => {
                return Some(format!(
                    "`npm ci` in tests/browser failed: {}",
                    String::from_utf8_lossy(&o.stderr)
                ));
            }
            Err(e) => return Some(format!("npm could not run: {e}")),
        }
    }
    None
}

#[test]
fn a_student_and_the_instructor_play_in_chromium() {
    let browser = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    if let Some(why) = missing(&browser) {
        assert!(
            std::env::var_os("DEMARCHE_REQUIRE_BROWSER").is_none(),
            "DEMARCHE_REQUIRE_BROWSER is set but {why}"
        );
        eprintln!("skipped: {why}");
        return;
    }
    let dir = scratch("browser");
    let log = dir.join("class.log");
    // A fixed port, so that the page finds the class again when it is killed and resumed.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
        .to_string();
    let mut served = serve(
        &["--log", &log.display().to_string(), "--port", &port],
        &dir,
    );
    let shots = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots/class");
    for shot in ["student.png", "console.png", "student-next.png"] {
        let _ = std::fs::remove_file(shots.join(shot));
    }
    let run = Command::new("node")
        .arg("class.mjs")
        .current_dir(&browser)
        .env("DEMARCHE_URL", format!("http://{}", served.addr))
        .env("DEMARCHE_CLASS_CODE", &served.class_code)
        .env("DEMARCHE_INSTRUCTOR_CODE", &served.instructor_code)
        .env("DEMARCHE_SHOTS", &shots)
        .env("DEMARCHE_SERVER_PID", served.child.id().to_string())
        .env("DEMARCHE_BIN", env!("CARGO_BIN_EXE_demarche"))
        .env("DEMARCHE_LOG", &log)
        .env("DEMARCHE_PORT", &port)
        .env("DEMARCHE_DATA_DIR", &dir)
        .output()
        .unwrap();
    // Killed by the script already, to be resumed; waited for here.
    let _ = served.child.kill();
    served.child.wait().unwrap();
    let out = String::from_utf8_lossy(&run.stdout);
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{out}\n{err}");
    eprint!("{out}");
    assert!(out.contains("PASS: classroom pages"), "{out}");
    for shot in [
        "student.png",
        "console.png",
        "student-next.png",
        "student-map.png",
    ] {
        let png = std::fs::read(shots.join(shot)).unwrap_or_default();
        assert!(png.starts_with(b"\x89PNG"), "no screenshot {shot}");
    }
    // What the page did is the class's: the reply with its script is in the log, as text.
    let logged = std::fs::read_to_string(&log).unwrap();
    assert!(logged.contains("<script>alert(1)</script>"), "{logged}");
    let _ = std::fs::remove_dir_all(&dir);
}
