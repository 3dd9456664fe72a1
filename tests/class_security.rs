//! No one where they do not belong: a wrong code, a command for another post, the
//! instructor's controls without the instructor's code, a script in a reply, a message too
//! large, a flood. Each is refused or dropped, and the others in the class go on.

use std::time::Duration;

use serde_json::json;

use crate::class_server::{scratch, serve};
use crate::common::class::Page;
use crate::common::class::http_get;

#[test]
fn wrong_codes_are_refused_and_a_guesser_is_dropped() {
    let dir = scratch("codes");
    let server = serve(&dir, 1);
    let mut guesser = Page::open(server.addr);
    for i in 0..demarche::serve::STRIKES {
        guesser.send(json!({"type": "join", "code": format!("AAA-AA{i}"), "name": "Mallory", "post": "caracas"}));
        let refused = guesser.until(Duration::from_secs(10), |v| v["type"] == "error");
        let refused = refused.expect("each wrong code is answered");
        assert!(
            refused["message"]
                .as_str()
                .unwrap()
                .contains("not this class's code"),
            "{refused}"
        );
    }
    guesser.drain(Duration::from_millis(300));
    assert!(guesser.closed, "a page that keeps guessing is dropped");
    let last = guesser.seen.last().unwrap();
    assert!(
        last["message"].as_str().unwrap().contains("disconnected"),
        "{last}"
    );

    // The instructor's console and report need the instructor's code, not the class's.
    let mut pretender = Page::open(server.addr);
    pretender.send(json!({"type": "console", "code": server.class_code}));
    let refused = pretender
        .until(Duration::from_secs(10), |v| v["type"] == "error")
        .unwrap();
    assert_eq!(refused["message"], "that is not the instructor's code");
    let (status, body) = http_get(
        server.addr,
        &format!("/report?code={}", server.class_code.replace('-', "")),
    );
    assert_eq!(status, 403, "{body}");
    let (status, report) = http_get(
        server.addr,
        &format!("/report?code={}&format=md", server.instructor_code),
    );
    assert_eq!(status, 200);
    assert!(
        report.starts_with("# Class report: Deptcirtel 47"),
        "{report}"
    );
    // Codes forgive case and dashes, as people type them.
    let mut ana = Page::open(server.addr);
    ana.join(
        &server.class_code.to_lowercase().replace('-', " "),
        "Ana",
        "caracas",
    );
    server.stop();
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_student_commands_only_their_own_post_and_never_the_clock() {
    let dir = scratch("own-post");
    let server = serve(&dir, 1);
    let mut ana = Page::open(server.addr);
    ana.join(&server.class_code, "Ana", "caracas");
    let now = ana.view()["now"].clone();
    let ack = ana
        .command(json!({"type": "call", "see": "ForeignMinister", "show": [], "post": "bogota"}));
    assert!(
        ack["error"].as_str().unwrap().contains("own"),
        "a call at another post: {ack}"
    );
    for ask in [
        json!({"type": "clock", "do": "morning"}),
        json!({"type": "inject", "telegram": "deptel_57"}),
        json!({"type": "move", "government": "venezuela", "issue": "cuba_action", "to": 1.0}),
    ] {
        let ack = ana.command(ask);
        assert_eq!(ack["error"], "that is the instructor's to do", "{ack}");
    }
    // Ben, at Bogota, cannot reply to (or even preview) the chaser sent to Caracas alone.
    let mut ben = Page::open(server.addr);
    ben.join(&server.class_code, "Ben", "bogota");
    let ack = ben.command(json!({"type": "reply", "telegram": "deptel_caracas_chaser", "request": "a", "position": "majority", "probability": 0.5}));
    assert!(ack["error"].as_str().unwrap().contains("open"), "{ack}");
    ben.send(json!({"type": "preview", "telegram": "deptel_caracas_chaser", "request": "a", "position": "majority", "probability": 0.5}));
    let refused = ben
        .until(Duration::from_secs(10), |v| {
            v["type"] == "error" || v["type"] == "preview"
        })
        .unwrap();
    assert_eq!(
        refused["message"], "no such request is waiting for your post",
        "{refused}"
    );
    // A name the post does not know gets no list of the scenario's names.
    let ack = ben.command(json!({"type": "reply", "telegram": "deptcirtel_good", "request": "a", "position": "x", "probability": 0.5}));
    assert_eq!(
        ack["error"], "no telegram `deptcirtel_good` has reached your post",
        "{ack}"
    );
    // And a page that has joined cannot join again as someone else.
    ben.send(
        json!({"type": "join", "code": server.class_code, "name": "Ben again", "post": "caracas"}),
    );
    let refused = ben
        .until(Duration::from_secs(10), |v| v["type"] == "error")
        .unwrap();
    assert_eq!(refused["message"], "this page has already joined the class");
    let ack = ana.command(json!({"type": "reply", "telegram": "deptcirtel_47", "request": "a", "position": "x", "probability": 7.0}));
    assert!(
        ack["error"]
            .as_str()
            .unwrap()
            .contains("probability from 0 to 1"),
        "{ack}"
    );
    ana.drain(Duration::from_millis(200));
    assert_eq!(
        ana.view()["now"],
        now,
        "nothing a student did moved the clock"
    );
    server.stop();
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn what_a_student_types_stays_text() {
    let dir = scratch("script");
    let server = serve(&dir, 1);
    let mut ana = Page::open(server.addr);
    ana.join(
        &server.class_code,
        "<img src=x onerror=alert(1)>",
        "caracas",
    );
    let mut console = Page::open(server.addr);
    console.send(json!({"type": "console", "code": server.instructor_code}));
    let view = console
        .until(Duration::from_secs(10), |v| v["type"] == "console")
        .unwrap();
    assert_eq!(
        view["roster"][0]["name"], "<img src=x onerror=alert(1)>",
        "the name is kept as typed, as text"
    );
    let r = ana.view()["requests"][0].clone();
    ana.send(json!({"type": "preview", "telegram": r["telegram"], "request": r["request"],
        "position": r["positions"][0]["id"], "probability": 0.7, "text": "<script>alert(1)</script>"}));
    let preview = ana
        .until(Duration::from_secs(10), |v| v["type"] == "preview")
        .unwrap();
    let text: String = preview["segments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert!(text.contains("<SCRIPT>ALERT(1)</SCRIPT>"), "{text}");
    // The pages allow no script but their own, and set every text as text.
    let (_, page) = http_get(server.addr, "/");
    assert!(!page.contains("<script>") && page.contains("src=\"/static/student.js\""));
    for file in ["common.js", "student.js", "console.js"] {
        let (status, js) = http_get(server.addr, &format!("/static/{file}"));
        assert_eq!(status, 200);
        assert!(
            !js.contains("innerHTML")
                && !js.contains("insertAdjacentHTML")
                && !js.contains("document.write"),
            "{file} writes HTML"
        );
    }
    let (md_status, md) = http_get(
        server.addr,
        &format!("/report?code={}&format=md", server.instructor_code),
    );
    assert_eq!(md_status, 200);
    assert!(
        md.contains("\\<img src=x onerror=alert(1)\\>"),
        "the report escapes the name: {md}"
    );
    let (_, html) = http_get(
        server.addr,
        &format!("/report?code={}&format=html", server.instructor_code),
    );
    assert!(
        html.contains("&lt;img src=x onerror=alert(1)&gt;") && !html.contains("<img src=x"),
        "the HTML report escapes the name"
    );
    server.stop();
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_oversized_message_or_a_flood_drops_that_page_alone() {
    let dir = scratch("flood");
    let server = serve(&dir, 1);
    let mut ben = Page::open(server.addr);
    ben.join(&server.class_code, "Ben", "bogota");
    let mut big = Page::open(server.addr);
    big.join(&server.class_code, "Big", "caracas");
    big.send_text(format!(
        "{{\"type\":\"read\",\"cable\":0,\"pad\":\"{}\"}}",
        "x".repeat(64 * 1024)
    ));
    big.drain(Duration::from_millis(500));
    assert!(big.closed, "a message over the limit closes its page");

    let mut flood = Page::open(server.addr);
    flood.join(&server.class_code, "Flood", "caracas");
    for _ in 0..200 {
        flood.send(json!({"type": "read", "cable": 0}));
    }
    flood.drain(Duration::from_millis(500));
    assert!(flood.closed, "a flood closes its page");
    assert!(
        flood.seen.iter().any(|v| v["message"]
            .as_str()
            .is_some_and(|m| m.contains("too many messages"))),
        "the flooder is told why"
    );
    // Ben, at the same time, goes on as before.
    let leader = ben.view()["leaders"][0]["id"].clone();
    let ack = ben.command(json!({"type": "call", "see": leader, "show": []}));
    assert!(ack["ok"].is_string(), "{ack}");
    // And garbage that is not an ask is answered, then dropped after a few.
    let mut garbled = Page::open(server.addr);
    for _ in 0..demarche::serve::STRIKES {
        garbled.send_text("{\"type\": \"launch\"}".into());
    }
    garbled.drain(Duration::from_millis(500));
    assert!(garbled.closed);
    assert!(
        garbled.seen[0]["message"]
            .as_str()
            .unwrap()
            .contains("does not read"),
        "{}",
        garbled.seen[0]
    );
    server.stop();
    let _ = std::fs::remove_dir_all(&dir);
}
