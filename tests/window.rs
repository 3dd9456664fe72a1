//! The real window under Xvfb: six screens of a scripted Caracas session, each saved as a
//! PNG and checked to be a real picture. Skips (and says why) where Xvfb is missing, unless
//! DEMARCHE_REQUIRE_WINDOW is set, as CI sets it.

use std::path::{Path, PathBuf};
use std::process::Command;

fn xvfb() -> Option<PathBuf> {
    let found = Command::new("sh")
        .args(["-c", "command -v xvfb-run"])
        .output()
        .ok()?;
    found
        .status
        .success()
        .then(|| PathBuf::from(String::from_utf8_lossy(&found.stdout).trim()))
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// Runs the window to a screenshot; returns stderr.
fn shoot(xvfb: &Path, out: &Path, args: &[&str]) -> String {
    let result = Command::new(xvfb)
        .args(["-a", "-s", "-screen 0 1280x800x24"])
        .arg(env!("CARGO_BIN_EXE_demarche"))
        .arg("play")
        .args(args)
        .arg("--screenshot")
        .arg(out)
        .args(["--frames", "20"])
        .env("WGPU_BACKEND", "vulkan")
        .env("RUST_LOG", "warn")
        // Without it a library complains on stderr; harmless, but it hides real errors.
        .env("XDG_RUNTIME_DIR", runtime_dir())
        .output()
        .expect("xvfb-run starts");
    let stderr = String::from_utf8_lossy(&result.stderr).into_owned();
    assert!(
        result.status.success(),
        "the window exited with {}: {stderr}",
        result.status
    );
    stderr
}

/// A private runtime directory, as a desktop session would give.
fn runtime_dir() -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("xdg-runtime");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).unwrap();
    dir
}

/// A real picture: the window's size, and more than a handful of colours.
fn assert_picture(path: &Path) {
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(path).expect("the PNG exists"),
    ));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size().expect("a size")];
    let info = reader.next_frame(&mut buf).expect("a frame");
    assert_eq!((info.width, info.height), (1280, 800), "{}", path.display());
    let bytes = &buf[..info.buffer_size()];
    let step = info.color_type.samples();
    let mut colours: Vec<&[u8]> = bytes.chunks(step).step_by(97).collect();
    colours.sort();
    colours.dedup();
    assert!(
        colours.len() > 20,
        "{} has only {} colours: a blank window?",
        path.display(),
        colours.len()
    );
}

#[test]
fn six_screens_of_a_caracas_session() {
    let Some(xvfb) = xvfb() else {
        assert!(
            std::env::var_os("DEMARCHE_REQUIRE_WINDOW").is_none(),
            "DEMARCHE_REQUIRE_WINDOW is set but xvfb-run is missing"
        );
        eprintln!(
            "skipped: xvfb-run is not installed (apt-get install xvfb xauth mesa-vulkan-drivers libvulkan1)"
        );
        return;
    };
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("screens");
    std::fs::create_dir_all(&dir).unwrap();
    let open = fixture("open-47.ron");
    let session = fixture("caracas-session.ron");
    let class = fixture("instructor-open.ron");
    let screens: [(&str, Vec<&str>); 6] = [
        ("title", vec!["--view", "title"]),
        (
            "reader",
            vec!["deptcirtel-47", "--commands", &open, "--view", "reader"],
        ),
        (
            "composer",
            vec!["deptcirtel-47", "--commands", &open, "--view", "composer"],
        ),
        (
            "map",
            vec!["deptcirtel-47", "--commands", &session, "--view", "map"],
        ),
        (
            "debrief",
            vec!["deptcirtel-47", "--commands", &session, "--view", "debrief"],
        ),
        (
            "instructor",
            vec![
                "deptcirtel-47",
                "--instructor",
                "--commands",
                &class,
                "--view",
                "instructor",
            ],
        ),
    ];
    for (name, args) in screens {
        let out = dir.join(format!("{name}.png"));
        let stderr = shoot(&xvfb, &out, &args);
        assert!(
            !stderr.contains("ERROR") && !stderr.contains("panicked"),
            "{name}: {stderr}"
        );
        assert_picture(&out);
    }
}

#[test]
fn without_a_display_it_says_so_in_one_line() {
    let out = Command::new(env!("CARGO_BIN_EXE_demarche"))
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("demarche play --text"), "{stderr}");
}
