//! The classroom server under a crowd: 200 students on loopback, ten at each of the twenty
//! posts of Deptcirtel 47, each giving commands with a short think time between them while
//! the instructor runs the clock. Prints the median and 99th percentile of the time from a
//! command to its acknowledgement, and the server's CPU per command (the class thread and
//! the web threads, read from /proc). `cargo bench --bench class`; figures go in
//! docs/performance.md.

#[path = "../tests/common/class.rs"]
#[allow(dead_code)]
mod page;

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use demarche::class::{Class, ClassStart};
use demarche::shipped::Loader;
use rand::{Rng, SeedableRng};
use serde_json::json;

use page::Page;

const STUDENTS: usize = 200;
const COMMANDS: usize = 15;

fn main() {
    let dir = std::env::temp_dir().join(format!("demarche-bench-class-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let log = dir.join("class.log");
    let start = ClassStart {
        scenario: "deptcirtel-47".into(),
        seed: 1,
        posts: None,
        department: false,
    };
    let server = demarche::serve::start(
        move || Class::start(&Loader::default(), &start, &log),
        SocketAddr::from(([127, 0, 0, 1], 0)),
    )
    .expect("the server starts");
    let addr = server.addr;
    let body = page::posts(addr);
    let mut instructor = Page::open(addr);
    instructor.send(json!({"type": "console", "code": server.instructor_code}));
    instructor.until(Duration::from_secs(30), |v| v["type"] == "console");

    let cpu_before = server_cpu();
    let began = Instant::now();
    let students: Vec<_> = (0..STUDENTS)
        .map(|i| {
            let code = server.class_code.clone();
            let post = body[i % body.len()].clone();
            std::thread::Builder::new()
                .name("student".into())
                .stack_size(256 * 1024)
                .spawn(move || student(addr, &code, &post, i as u64))
                .unwrap()
        })
        .collect();
    for _ in 0..4 {
        std::thread::sleep(Duration::from_secs(2));
        instructor.command(json!({"type": "clock", "do": "morning"}));
    }
    let mut times: Vec<Duration> = Vec::new();
    let mut refused = 0;
    for s in students {
        let (t, r) = s.join().unwrap();
        times.extend(t);
        refused += r;
    }
    let wall = began.elapsed();
    let cpu = server_cpu() - cpu_before;
    server.stop();
    times.sort();
    let n = times.len();
    let at = |q: f64| times[((n as f64 * q) as usize).min(n - 1)];
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "class: {STUDENTS} students, {n} commands ({refused} refused by the rules) in {:.1} s",
        wall.as_secs_f64()
    );
    println!(
        "  command to acknowledgement: median {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        ms(at(0.5)),
        ms(at(0.99)),
        ms(times[n - 1])
    );
    println!(
        "  server CPU: {:.2} s in all, {:.2} ms per command (class and web threads)",
        cpu,
        cpu * 1000.0 / n as f64
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// One student: joins, then gives commands a few hundred milliseconds apart, timing each
/// from sending to its acknowledgement.
fn student(addr: SocketAddr, code: &str, post: &str, seed: u64) -> (Vec<Duration>, usize) {
    let mut page = Page::open(addr);
    page.join(code, &format!("Student {seed}"), post);
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    let mut times = Vec::new();
    let mut refused = 0;
    for _ in 0..COMMANDS {
        std::thread::sleep(Duration::from_millis(rng.random_range(300..900)));
        page.drain(Duration::from_millis(1));
        let view = page.view();
        let command = match rng.random_range(0..3) {
            0 => view["requests"]
                .as_array()
                .unwrap()
                .iter()
                .find(|r| r["kind"] == "estimate")
                .map(|r| json!({"type": "reply", "telegram": r["telegram"], "request": r["request"],
                    "position": r["positions"][0]["id"], "probability": 0.6, "text": "As seen from here."})),
            1 => view["leaders"].as_array().unwrap().first().map(|l| json!({"type": "call", "see": l["id"], "show": []})),
            _ => None,
        }
        .unwrap_or_else(|| json!({"type": "recommend", "vote": view["votes"][0]["id"], "press": rng.random_bool(0.5), "text": ""}));
        let sent = Instant::now();
        let ack = page.command(command);
        times.push(sent.elapsed());
        refused += ack["error"].is_string() as usize;
    }
    (times, refused)
}

/// CPU seconds used so far by the server's threads: the class's and tokio's workers.
fn server_cpu() -> f64 {
    let ticks = 100.0; // USER_HZ on Linux
    let mut total = 0.0;
    for task in std::fs::read_dir("/proc/self/task")
        .into_iter()
        .flatten()
        .flatten()
    {
        let Ok(stat) = std::fs::read_to_string(task.path().join("stat")) else {
            continue;
        };
        let (Some(open), Some(close)) = (stat.find('('), stat.rfind(')')) else {
            continue;
        };
        let name = &stat[open + 1..close];
        if name != "class" && !name.starts_with("tokio-runtime") && name != "web" {
            continue;
        }
        let fields: Vec<&str> = stat[close + 2..].split(' ').collect();
        // utime and stime are the 14th and 15th fields; the 3rd is the first after the name.
        let utime: f64 = fields[11].parse().unwrap_or(0.0);
        let stime: f64 = fields[12].parse().unwrap_or(0.0);
        total += (utime + stime) / ticks;
    }
    total
}
