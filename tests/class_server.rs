//! A class on loopback: a real server, twenty students and the instructor over real
//! WebSockets, each giving seeded commands while the clock runs. Afterwards the server's
//! log, replayed offline, gives the same world and the same views every page last saw, and
//! no student ever received another post's traffic or a true stance.

use std::collections::HashSet;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use demarche::class::{Class, ClassStart, Tell};
use demarche::shipped::Loader;
use rand::{Rng, SeedableRng};
use serde_json::{Value, json};

use crate::common::class::{Page, posts};

pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("demarche-class-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A class of Deptcirtel 47 served on a free loopback port, its log in `dir`.
pub fn serve(dir: &Path, seed: u64) -> demarche::serve::Server {
    let log = dir.join("class.log");
    let start = ClassStart {
        scenario: "deptcirtel-47".into(),
        seed,
        posts: None,
        department: false,
    };
    demarche::serve::start(
        move || Class::start(&Loader::default(), &start, &log),
        SocketAddr::from(([127, 0, 0, 1], 0)),
    )
    .expect("the server starts")
}

/// One student's seeded session: a few commands of the kinds a student gives, each waited
/// for, with the open requests and leaders their view offers.
fn student(addr: SocketAddr, code: String, post: String, seed: u64) -> Page {
    let mut page = Page::open(addr);
    page.join(&code, &format!("Student {seed}"), &post);
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    for _ in 0..8 {
        let view = page.view();
        match rng.random_range(0..4) {
            0 => {
                let open: Vec<&Value> = view["requests"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|r| r["kind"] == "estimate")
                    .collect();
                if let Some(r) = open.first() {
                    let positions = r["positions"].as_array().unwrap();
                    let p = &positions[rng.random_range(0..positions.len())];
                    page.command(
                        json!({"type": "reply", "telegram": r["telegram"], "request": r["request"],
                        "position": p["id"], "probability": rng.random_range(5..=95) as f64 / 100.0,
                        "text": format!("Seen from {post}.")}),
                    );
                }
            }
            1 => {
                let leaders = view["leaders"].as_array().unwrap();
                if !leaders.is_empty() {
                    let l = &leaders[rng.random_range(0..leaders.len())];
                    page.command(json!({"type": "call", "see": l["id"], "show": []}));
                }
            }
            2 => {
                let tray = view["tray"].as_array().unwrap();
                if !tray.is_empty() {
                    let c = tray[rng.random_range(0..tray.len())]["cable"].clone();
                    page.send(json!({"type": "read", "cable": c}));
                    page.until(Duration::from_secs(30), |v| v["type"] == "cable");
                }
            }
            _ => {
                let votes = view["votes"].as_array().unwrap();
                if !votes.is_empty() {
                    page.command(json!({"type": "recommend", "vote": votes[0]["id"], "press": rng.random_bool(0.5), "text": ""}));
                }
            }
        }
        page.drain(Duration::from_millis(rng.random_range(5..40)));
    }
    page
}

#[test]
fn twenty_students_and_the_instructor_share_one_world_and_the_log_replays_it() {
    let dir = scratch("loopback");
    let server = serve(&dir, 3);
    let addr = server.addr;
    let posts = posts(addr);
    assert_eq!(posts.len(), 20, "{posts:?}");
    let mut instructor = Page::open(addr);
    instructor.send(json!({"type": "console", "code": server.instructor_code}));
    instructor
        .until(Duration::from_secs(30), |v| v["type"] == "console")
        .expect("the console");

    let students: Vec<_> = posts
        .iter()
        .enumerate()
        .map(|(i, post)| {
            let (code, post) = (server.class_code.clone(), post.clone());
            std::thread::spawn(move || student(addr, code, post, i as u64 + 1))
        })
        .collect();
    // The instructor runs the clock while they work: mornings, and the next agenda item.
    for i in 0..6 {
        std::thread::sleep(Duration::from_millis(150));
        let what = if i % 2 == 0 { "morning" } else { "agenda" };
        let ack = instructor.command(json!({"type": "clock", "do": what}));
        assert!(ack["ok"].is_string(), "{ack}");
    }
    let mut pages: Vec<Page> = students.into_iter().map(|t| t.join().unwrap()).collect();
    for page in &mut pages {
        page.drain(Duration::from_millis(300));
    }
    instructor.drain(Duration::from_millis(300));
    server.stop();

    // Offline: the log, replayed, is the world the pages saw last.
    let copy = dir.join("offline.log");
    std::fs::copy(dir.join("class.log"), &copy).unwrap();
    let class = Class::resume(&Loader::default(), &copy).expect("the log replays");
    let s = class.scenario();
    let mut accepted = 0;
    for (post, page) in posts.iter().zip(&pages) {
        let role = s.role_by_name(post).unwrap();
        let offline: Value =
            serde_json::from_str(&Tell::View(Box::new(class.view(role))).json()).unwrap();
        assert_eq!(
            page.last("view"),
            Some(&offline),
            "the last view of {post} is not the offline one"
        );
        accepted += page
            .seen
            .iter()
            .filter(|v| v["type"] == "ack" && v["ok"].is_string())
            .count();
        // No leaks: every cable this page was ever shown was addressed to its post (as the
        // archive of all traffic has it), and is in its own in-tray.
        let archive = class
            .session()
            .world()
            .resource::<demarche::cables::Archive>();
        let addressed = |id: u64| {
            archive
                .get(demarche::vocab::CableId(id as u32))
                .recipients()
                .any(|to| to == role.station())
        };
        let own: HashSet<u64> = offline["tray"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["cable"].as_u64().unwrap())
            .collect();
        let mut shown = 0;
        for v in &page.seen {
            assert!(v["type"] != "console", "{post} received the console");
            assert!(v.get("truth").is_none(), "{post} received the truth");
            for c in v["tray"].as_array().into_iter().flatten() {
                let id = c["cable"].as_u64().unwrap();
                assert!(
                    addressed(id) && own.contains(&id),
                    "{post} was shown cable {c}, not addressed to it"
                );
                shown += 1;
            }
            if v["type"] == "cable" {
                let id = v["cable"].as_u64().unwrap();
                assert!(addressed(id), "{post} read cable {id}, not addressed to it");
            }
            // Of other governments a post knows only what a vote revealed.
            let host = s
                .government(
                    s.mission(match role {
                        demarche::scenario::Role::Post(p) => p,
                        _ => unreachable!(),
                    })
                    .host,
                )
                .country
                .clone();
            for m in v["map"].as_array().into_iter().flatten() {
                if m["government"] != host.as_str() {
                    assert!(
                        m["kind"] == "unknown" || m["kind"] == "revealed",
                        "{post} knows {m}"
                    );
                }
            }
        }
        assert!(shown > 0, "{post} saw its in-tray");
    }
    // Seeded: the same plays give about the same counts (77 to 79 here); far fewer would
    // mean the students' commands were refused wholesale.
    assert!(
        accepted >= 40,
        "the students' commands were accepted: {accepted}"
    );
    let console: Value =
        serde_json::from_str(&Tell::Console(Box::new(class.console())).json()).unwrap();
    let last = instructor.last("console").unwrap();
    for part in ["now", "truth", "projector", "telegrams", "paused"] {
        assert_eq!(
            last[part], console[part],
            "the console's {part} differs offline"
        );
    }

    // Every command in the log says who gave it, and a save of the resumed class replays
    // from its seed to the same world.
    let log = std::fs::read_to_string(dir.join("class.log")).unwrap();
    let by_students = log
        .lines()
        .filter(|l| l.contains("\"by\":{\"role\""))
        .count();
    assert_eq!(
        by_students, accepted,
        "each accepted student command is logged with its giver"
    );
    let save = dir.join("class.save.ron");
    class.session().save_to(&save).unwrap();
    demarche::session::check_replay(&Loader::default(), &save, false)
        .expect("the class's save replays");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_student_sees_only_their_own_post() {
    let dir = scratch("fog");
    let server = serve(&dir, 1);
    let mut ana = Page::open(server.addr);
    ana.join(&server.class_code, "Ana", "caracas");
    let mut ben = Page::open(server.addr);
    ben.join(&server.class_code, "Ben", "bogota");
    let ana_view = ana.view();
    let ben_view = ben.view();
    // Ben asks for a cable of Ana's tray that is not in his.
    let bens: HashSet<u64> = ben_view["tray"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["cable"].as_u64().unwrap())
        .collect();
    let ana_only = ana_view["tray"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["cable"].as_u64().unwrap())
        .find(|c| !bens.contains(c));
    // Ana calls on her host: the memorandum is hers alone.
    let leader = ana_view["leaders"][0]["id"].clone();
    let ack = ana.command(json!({"type": "call", "see": leader, "show": []}));
    assert!(ack["ok"].is_string(), "{ack}");
    let memo = ana
        .until(Duration::from_secs(10), |v| {
            v["type"] == "view"
                && v["tray"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|c| c["name"].as_str().unwrap().starts_with("MEMCON"))
        })
        .expect("the memorandum reaches Ana's tray");
    let memcon = memo["tray"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"].as_str().unwrap().starts_with("MEMCON"))
        .unwrap()["cable"]
        .clone();
    for cable in ana_only.into_iter().map(Value::from).chain([memcon]) {
        ben.send(json!({"type": "read", "cable": cable}));
        let answer = ben
            .until(Duration::from_secs(10), |v| {
                v["type"] == "cable" || v["type"] == "error"
            })
            .unwrap();
        assert_eq!(answer["type"], "error", "Ben read cable {cable}: {answer}");
        assert_eq!(answer["message"], "no such cable in your in-tray");
    }
    ben.drain(Duration::from_millis(200));
    assert!(
        ben.seen.iter().all(|v| !v.to_string().contains("MEMCON")),
        "Ben heard of Ana's memorandum"
    );
    server.stop();
    let _ = std::fs::remove_dir_all(&dir);
}
