//! Nothing is lost: `demarche serve` killed with SIGKILL after its acknowledgements, then
//! `serve --resume`, brings the class back with every acknowledged command, and a student's
//! page rejoins its own post with its token.

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::json;

use crate::class_server::scratch;
use crate::common::class::Page;

/// A `demarche serve` process and what it printed: its address and codes.
pub struct Served {
    pub child: Child,
    pub addr: SocketAddr,
    pub class_code: String,
    pub instructor_code: String,
}

pub fn serve(args: &[&str], data: &std::path::Path) -> Served {
    let port: &[&str] = if args.contains(&"--port") {
        &[]
    } else {
        &["--port", "0"]
    };
    let mut child = Command::new(env!("CARGO_BIN_EXE_demarche"))
        .arg("serve")
        .args(port)
        .args(args)
        .env("DEMARCHE_DATA_DIR", data)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let (mut addr, mut class_code, mut instructor_code) = (None, None, None);
    while addr.is_none() || instructor_code.is_none() {
        let Some(Ok(line)) = lines.next() else {
            let mut err = String::new();
            let _ = std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err);
            panic!("serve stopped before it said where it listens: {err}");
        };
        let words: Vec<&str> = line.split_whitespace().collect();
        if let Some(i) = words.iter().position(|w| *w == "code") {
            let code = words[i + 1].to_string();
            if line.contains("instructor code") {
                instructor_code = Some(code);
            } else {
                class_code = Some(code);
                let url = words.iter().find(|w| w.starts_with("http://")).unwrap();
                addr = Some(
                    url["http://".len()..]
                        .trim_end_matches('/')
                        .parse()
                        .unwrap(),
                );
            }
        }
    }
    // Keep reading its stdout so that it never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    Served {
        child,
        addr: addr.unwrap(),
        class_code: class_code.unwrap(),
        instructor_code: instructor_code.unwrap(),
    }
}

#[test]
fn a_killed_class_resumes_with_every_acknowledged_command_and_its_students_rejoin() {
    let dir = scratch("resume");
    let log = dir.join("class.log");
    let mut first = serve(
        &[
            "deptcirtel-47",
            "--seed",
            "5",
            "--log",
            &log.display().to_string(),
        ],
        &dir,
    );
    let mut ana = Page::open(first.addr);
    let token = ana.join(&first.class_code, "Ana", "caracas");
    let mut instructor = Page::open(first.addr);
    instructor.send(json!({"type": "console", "code": first.instructor_code}));
    let view = ana.view();
    let leader = view["leaders"][0]["id"].clone();
    let r = view["requests"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["kind"] == "estimate")
        .unwrap()
        .clone();
    let acks = [
        ana.command(json!({"type": "call", "see": leader, "show": []})),
        instructor.command(json!({"type": "clock", "do": "morning"})),
        ana.command(json!({"type": "reply", "telegram": r["telegram"], "request": r["request"],
            "position": r["positions"][0]["id"], "probability": 0.65, "text": "Acknowledged, then killed."})),
        instructor.command(json!({"type": "clock", "do": "pace", "hours": 0})),
    ];
    for ack in &acks {
        assert!(ack["ok"].is_string(), "{ack}");
    }
    ana.drain(Duration::from_millis(300));
    let before = ana.view();
    // SIGKILL: no chance to flush or tidy anything.
    first.child.kill().unwrap();
    first.child.wait().unwrap();
    assert!(
        ana.until(Duration::from_secs(5), |_| false).is_none() && ana.closed,
        "the page saw the server go"
    );

    // A cut-off last line, as a kill in the middle of a write would leave, is dropped.
    let whole = std::fs::read_to_string(&log).unwrap();
    std::fs::write(&log, format!("{whole}{{\"command\":{{\"at\":\"1960-07-")).unwrap();

    let mut second = serve(&["--resume", &log.display().to_string()], &dir);
    assert_eq!(
        second.class_code, first.class_code,
        "the class keeps its code"
    );
    assert_eq!(
        std::fs::read_to_string(&log).unwrap(),
        whole,
        "the cut line is gone, the rest kept"
    );
    let mut again = Page::open(second.addr);
    again.send(json!({"type": "rejoin", "token": token}));
    let welcome = again
        .until(Duration::from_secs(30), |v| v["type"] == "welcome")
        .expect("welcomed back");
    assert_eq!(welcome["role"], "caracas");
    assert_eq!(welcome["name"], "Ana");
    assert_eq!(
        again.view(),
        before,
        "the resumed class shows Ana what she saw before the kill"
    );
    // Every acknowledged command is in the log, with who gave it.
    for (kind, needle) in [
        ("call", "\"Demarche\""),
        ("morning", "\"Advance\":\"Day\""),
        ("reply", "Acknowledged, then killed."),
        ("pace", "{\"pace\":0.0}"),
    ] {
        assert!(
            whole.contains(needle),
            "the {kind} is not in the log:\n{whole}"
        );
    }
    assert_eq!(
        whole
            .matches("\"by\":{\"role\":\"caracas\",\"name\":\"Ana\"}")
            .count(),
        2,
        "{whole}"
    );

    // A new command after the resume goes on from there, and a wrong token is refused.
    let mut stranger = Page::open(second.addr);
    stranger.send(json!({"type": "rejoin", "token": "NOT-A-TOKEN"}));
    let refused = stranger
        .until(Duration::from_secs(10), |v| v["type"] == "error")
        .unwrap();
    assert!(
        refused["message"]
            .as_str()
            .unwrap()
            .contains("not one of this class's"),
        "{refused}"
    );
    let mut console = Page::open(second.addr);
    console.send(json!({"type": "console", "code": second.instructor_code}));
    let ack = console.command(json!({"type": "clock", "do": "morning"}));
    assert!(ack["ok"].is_string(), "{ack}");
    second.child.kill().unwrap();
    second.child.wait().unwrap();

    // `--resume` alone finds the newest class log in the data directory.
    let classes = dir.join("classes");
    std::fs::create_dir_all(&classes).unwrap();
    std::fs::copy(
        &log,
        classes.join("2026-12-01T10-00-00-deptcirtel-47.class.log"),
    )
    .unwrap();
    let mut third = serve(&["--resume"], &dir);
    assert_eq!(third.class_code, first.class_code);
    third.child.kill().unwrap();
    third.child.wait().unwrap();
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_damaged_class_log_is_refused_with_its_line() {
    let dir = scratch("damaged");
    let log = dir.join("class.log");
    let first = serve(&["--log", &log.display().to_string()], &dir);
    let mut child = first.child;
    child.kill().unwrap();
    child.wait().unwrap();
    let text = std::fs::read_to_string(&log).unwrap();
    std::fs::write(&log, format!("{text}{{\"command\": 42}}\n")).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_demarche"))
        .args([
            "serve",
            "--port",
            "0",
            "--resume",
            &log.display().to_string(),
        ])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    let lines = text.lines().count();
    assert!(
        err.contains(&format!("class.log:{}: error:", lines + 1)),
        "{err}"
    );
    // A new class never overwrites a log.
    let out = Command::new(env!("CARGO_BIN_EXE_demarche"))
        .args(["serve", "--port", "0", "--log", &log.display().to_string()])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("never overwrites"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let _ = std::fs::remove_dir_all(&dir);
}
