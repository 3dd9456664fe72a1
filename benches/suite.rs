//! The benchmark suite: `cargo bench --bench suite`. Every figure is a ratio to a baseline
//! measured in the same run, because absolute times on shared machines are noise. It ends
//! with a table of each figure, its goal, and whether it is met. docs/performance.md says how
//! to read it and gives the latest figures.
//!
//! `DEMARCHE_BENCH_RUNS` lowers the 10,000 runs of P2 for a quick look.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use criterion::{Bencher, Criterion, SamplingMode};
use demarche::Game;
use demarche::command::Step;
use demarche::scenario::format::RawScenario;
use demarche::scenario::{Scenario, load_str};
use demarche::synthetic::{Size, scenario_text};
use demarche::vocab::Setup;

/// A line of the final table.
struct Row {
    id: &'static str,
    measure: &'static str,
    /// The figure, or why there is none.
    figure: Result<f64, String>,
    /// How the figure reads: "3.1×", "812 runs/s".
    unit: &'static str,
    goal: Goal,
    /// The absolute numbers behind the figure.
    detail: String,
}

#[derive(Clone, Copy)]
enum Goal {
    AtMost(f64),
    AtLeast(f64),
}

impl Goal {
    fn met(self, x: f64) -> bool {
        match self {
            Goal::AtMost(g) => x <= g,
            Goal::AtLeast(g) => x >= g,
        }
    }
    fn text(self, unit: &str) -> String {
        match self {
            Goal::AtMost(g) => format!("≤ {}", show(g, unit)),
            Goal::AtLeast(g) => format!("≥ {}", show(g, unit)),
        }
    }
}

fn show(x: f64, unit: &str) -> String {
    match unit {
        "×" if x >= 100.0 => format!("{x:.0}×"),
        "×" => format!("{x:.2}×"),
        "s" => format!("{x:.3} s"),
        u => format!("{x:.0} {u}"),
    }
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"))
}

fn criterion_dir() -> PathBuf {
    target_dir().join("criterion")
}

/// A benchmark's median time per iteration in nanoseconds, if it ran in this run.
fn median(id: &str, since: SystemTime) -> Result<f64, String> {
    let path = criterion_dir().join(id).join("new/estimates.json");
    let fresh = std::fs::metadata(&path)
        .and_then(|m| m.modified())
        .is_ok_and(|t| t >= since);
    if !fresh {
        return Err(format!("`{id}` did not run (filtered out?)"));
    }
    let text = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
    let v: serde_json::Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    v["median"]["point_estimate"]
        .as_f64()
        .ok_or_else(|| format!("{}: no median", path.display()))
}

fn time(ns: f64) -> String {
    match ns {
        n if n >= 1e9 => format!("{:.2} s", n / 1e9),
        n if n >= 1e6 => format!("{:.2} ms", n / 1e6),
        n if n >= 1e3 => format!("{:.1} µs", n / 1e3),
        n => format!("{n:.0} ns"),
    }
}

/// A row whose figure is criterion's median of `id` over that of `baseline`.
fn ratio(
    since: SystemTime,
    (id, measure): (&'static str, &'static str),
    bench: &str,
    baseline: &str,
    goal: Goal,
) -> Row {
    let figures = median(bench, since).and_then(|a| median(baseline, since).map(|b| (a, b)));
    Row {
        id,
        measure,
        figure: figures.as_ref().map(|(a, b)| a / b).map_err(Clone::clone),
        unit: "×",
        goal,
        detail: figures
            .map(|(a, b)| format!("{} against {}", time(a), time(b)))
            .unwrap_or_default(),
    }
}

fn auto(scenario: &Scenario) -> Setup {
    Setup {
        seed: 1,
        role: scenario.default_role,
        auto: true,
        historical: false,
    }
}

/// Times one `Step::Day` at a time, over the first `days` days of fresh games.
fn per_day(b: &mut Bencher, scenario: &Arc<Scenario>, days: u32) {
    let new_game = || Game::new(scenario.clone(), auto(scenario));
    let mut game = new_game();
    let mut day = 0;
    b.iter_custom(|iters| {
        let mut total = Duration::ZERO;
        for _ in 0..iters {
            if day >= days || game.is_over() {
                game = new_game();
                day = 0;
            }
            let start = Instant::now();
            let _ = black_box(game.advance(Step::Day));
            total += start.elapsed();
            day += 1;
        }
        total
    });
}

fn synthetic(governments: usize, dormant: usize) -> Arc<Scenario> {
    let text = scenario_text(Size {
        governments,
        dormant,
        bytes: None,
    });
    load_str("synthetic.ron", &text)
        .unwrap_or_else(|d| panic!("the synthetic scenario does not load: {}", d[0]))
        .scenario
}

/// Days measured in the synthetic scenarios: before the dormant telegrams wake.
const SYNTHETIC_DAYS: u32 = 60;

fn p1(c: &mut Criterion) {
    let mut g = c.benchmark_group("P1");
    g.bench_function("empty_update", |b| {
        let mut app = bevy::app::App::new();
        app.add_plugins(bevy::prelude::MinimalPlugins);
        // The same executor as the simulation's, so that only the work differs.
        demarche::sim::single_threaded(&mut app);
        app.finish();
        app.cleanup();
        b.iter(|| app.update());
    });
    let scenario = demarche::shipped::load("deptcirtel-47").unwrap().scenario;
    g.bench_function("day", |b| per_day(b, &scenario, u32::MAX));
    g.finish();
}

/// A day of each of two synthetic scenarios: (name, governments, dormant telegrams).
fn days_compared(c: &mut Criterion, group: &str, cases: [(&str, usize, usize); 2]) {
    let mut g = c.benchmark_group(group);
    for (name, governments, dormant) in cases {
        let scenario = synthetic(governments, dormant);
        g.bench_function(name, |b| per_day(b, &scenario, SYNTHETIC_DAYS));
    }
    g.finish();
}

fn p3(c: &mut Criterion) {
    days_compared(
        c,
        "P3",
        [
            ("day_10_dormant", 21, 10),
            ("day_10000_dormant", 21, 10_000),
        ],
    );
}

fn p4(c: &mut Criterion) {
    days_compared(
        c,
        "P4",
        [
            ("day_21_governments", 21, 10),
            ("day_2000_governments", 2_000, 10),
        ],
    );
}

fn p5_text() -> String {
    scenario_text(Size {
        governments: 200,
        dormant: 8_000,
        bytes: Some(10_000_000),
    })
}

fn p5(c: &mut Criterion, text: &str) {
    let mut g = c.benchmark_group("P5");
    g.sampling_mode(SamplingMode::Flat).sample_size(10);
    g.bench_function("ron", |b| {
        b.iter(|| ron::from_str::<RawScenario>(black_box(text)).unwrap())
    });
    g.bench_function("validate", |b| {
        b.iter(|| load_str("synthetic.ron", black_box(text)).unwrap())
    });
    g.finish();
}

#[cfg(feature = "gui")]
fn p7(c: &mut Criterion) {
    use bevy_egui::egui;
    use demarche::ui::{Desk, draw_playing_screen};

    // A session whose in-tray holds `dormant` + 1 cables (none at the start of the game).
    let session = |dormant: usize, evening: bool| {
        let scenario = synthetic(1, dormant);
        let setup = Setup {
            auto: false,
            ..auto(&scenario)
        };
        let mut game = Game::new(scenario.clone(), setup);
        if evening {
            let last = demarche::scenario::Moment::parse("1960-09-30T20:00").unwrap();
            game.advance(Step::Until(last)).unwrap();
        }
        let cables = demarche::views::tray_rows(game.world()).len();
        assert_eq!(cables, if evening { dormant + 1 } else { 0 });
        Desk::new(demarche::session::Session::of(
            game,
            "synthetic",
            &Default::default(),
            false,
        ))
    };
    let sessions = [
        ("empty_tray", session(500, false)),
        ("tray_20", session(20, true)),
        ("tray_500", session(500, true)),
    ];
    let mut g = c.benchmark_group("P7");
    for (name, mut session) in sessions {
        let ctx = egui::Context::default();
        let input = || egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1280.0, 800.0),
            )),
            ..Default::default()
        };
        g.bench_function(name, |b| {
            b.iter(|| {
                let out = ctx.run_ui(input(), |ui| {
                    let ctx = ui.ctx().clone();
                    draw_playing_screen(&ctx, &mut session, None);
                });
                black_box(ctx.tessellate(out.shapes, out.pixels_per_point))
            })
        });
    }
    g.finish();
}

/// P2: whole games of Deptcirtel 47 (`--auto`) through `batch`, on 1 and on 2 jobs.
fn p2() -> Vec<Row> {
    let runs: u64 = std::env::var("DEMARCHE_BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(10_000);
    let scenario = demarche::shipped::load("deptcirtel-47").unwrap().scenario;
    let plan = demarche::batch::Plan {
        setup: auto(&scenario),
        runs,
        commands: Vec::new(),
        instructor: false,
    };
    let rate = |jobs: usize| {
        let start = Instant::now();
        let results = demarche::batch::run(&scenario, &plan, jobs, &|| {}).unwrap();
        black_box(results);
        runs as f64 / start.elapsed().as_secs_f64()
    };
    // Warm the caches and the allocator on a few runs first.
    let _ = demarche::batch::run(
        &scenario,
        &demarche::batch::Plan {
            runs: 50,
            ..plan.clone()
        },
        2,
        &|| {},
    );
    let one = rate(1);
    let two = rate(2);
    println!("P2: {runs} runs: {one:.0} runs/s on 1 job, {two:.0} runs/s on 2 jobs");
    vec![
        Row {
            id: "P2",
            measure: "batch throughput, 2 jobs",
            figure: Ok(two),
            unit: "runs/s",
            goal: Goal::AtLeast(5_000.0),
            detail: format!("{runs} runs of deptcirtel-47 --auto"),
        },
        Row {
            id: "P2",
            measure: "batch, 2 jobs against 1",
            figure: Ok(two / one),
            unit: "×",
            goal: Goal::AtLeast(1.8),
            detail: format!("{two:.0} against {one:.0} runs/s"),
        },
    ]
}

#[cfg(feature = "gui")]
mod window {
    //! P6: the game's window and a bare bevy_egui window, each started under Xvfb until it has
    //! captured its third frame, and its peak memory.

    use std::path::{Path, PathBuf};
    use std::process::{Child, Command, Stdio};
    use std::time::{Duration, Instant};

    /// A private X server, so that each window is our own child and its rusage is its own.
    struct Xvfb {
        child: Child,
        display: String,
    }

    impl Xvfb {
        fn start() -> Result<Xvfb, String> {
            let n = (90..200)
                .find(|n| !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists())
                .ok_or("no free X display number")?;
            let display = format!(":{n}");
            let child = Command::new("Xvfb")
                .args([&display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .map_err(|e| format!("Xvfb does not start ({e}); install xvfb"))?;
            let socket = PathBuf::from(format!("/tmp/.X11-unix/X{n}"));
            let start = Instant::now();
            while !socket.exists() {
                if start.elapsed() > Duration::from_secs(10) {
                    return Err("Xvfb did not open its display in 10 s".into());
                }
                std::thread::sleep(Duration::from_millis(10));
            }
            Ok(Xvfb { child, display })
        }
    }

    impl Drop for Xvfb {
        fn drop(&mut self) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }

    /// Seconds until the PNG of the third frame is written, and peak RSS in kB.
    fn launch(x: &Xvfb, program: &Path, args: &[&str], png: &Path) -> Result<(f64, f64), String> {
        let _ = std::fs::remove_file(png);
        let start = Instant::now();
        let child = Command::new(program)
            .args(args)
            .env("DISPLAY", &x.display)
            .env("WGPU_BACKEND", "vulkan")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("{}: {e}", program.display()))?;
        let pid = child.id() as libc::pid_t;
        let mut first_frame = None;
        loop {
            if first_frame.is_none() && std::fs::metadata(png).is_ok_and(|m| m.len() > 0) {
                first_frame = Some(start.elapsed().as_secs_f64());
            }
            let mut status = 0;
            // SAFETY: plain FFI on our own child's pid, with valid out-pointers.
            let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
            let done = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage) };
            if done == pid {
                let ok = libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0;
                return match first_frame.or(ok.then(|| start.elapsed().as_secs_f64())) {
                    Some(t) if ok => Ok((t, usage.ru_maxrss as f64)),
                    _ => Err(format!("{} failed (status {status})", program.display())),
                };
            }
            if done < 0 {
                return Err("wait4 failed".into());
            }
            if start.elapsed() > Duration::from_secs(120) {
                return Err(format!("{} ran over 2 minutes", program.display()));
            }
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    fn median(mut xs: Vec<f64>) -> f64 {
        xs.sort_by(f64::total_cmp);
        xs[xs.len() / 2]
    }

    pub fn measure() -> Result<super::WindowFigures, String> {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let built = Command::new(cargo)
            .args(["build", "--release", "--example", "bare_window"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .status()
            .map_err(|e| format!("cannot build the bare_window example: {e}"))?;
        if !built.success() {
            return Err("the bare_window example does not build".into());
        }
        let bare = super::target_dir().join("release/examples/bare_window");
        let game = PathBuf::from(env!("CARGO_BIN_EXE_demarche"));
        let x = Xvfb::start()?;
        let dir = std::env::temp_dir();
        let (game_png, bare_png) = (dir.join("p6-game.png"), dir.join("p6-bare.png"));
        let game_args = [
            "play",
            "deptcirtel-47",
            "--screenshot",
            game_png.to_str().unwrap(),
            "--frames",
            "3",
        ];
        let bare_args = [bare_png.to_str().unwrap()];
        // One start of each to warm the disk cache, then alternate.
        launch(&x, &game, &game_args, &game_png)?;
        launch(&x, &bare, &bare_args, &bare_png)?;
        let (mut g, mut b) = (Vec::new(), Vec::new());
        for _ in 0..5 {
            g.push(launch(&x, &game, &game_args, &game_png)?);
            b.push(launch(&x, &bare, &bare_args, &bare_png)?);
        }
        let pick = |v: &[(f64, f64)], f: fn(&(f64, f64)) -> f64| median(v.iter().map(f).collect());
        Ok(super::WindowFigures {
            time: (pick(&g, |r| r.0), pick(&b, |r| r.0)),
            memory: (pick(&g, |r| r.1), pick(&b, |r| r.1)),
        })
    }
}

/// P6's medians, (the game, the bare window): seconds to the frame, and peak RSS in kB.
struct WindowFigures {
    time: (f64, f64),
    memory: (f64, f64),
}

fn p6() -> Vec<Row> {
    #[cfg(feature = "gui")]
    let measured = window::measure();
    #[cfg(not(feature = "gui"))]
    let measured: Result<WindowFigures, String> =
        Err("skipped: built without the `gui` feature".into());
    let WindowFigures {
        time: (game_t, bare_t),
        memory: (game_m, bare_m),
    } = match measured {
        Ok(m) => m,
        Err(why) => {
            let why = format!("skipped: {why}");
            return ["window start to first frame", "window peak memory"]
                .into_iter()
                .map(|measure| Row {
                    id: "P6",
                    measure,
                    figure: Err(why.clone()),
                    unit: "×",
                    goal: Goal::AtMost(1.3),
                    detail: String::new(),
                })
                .collect();
        }
    };
    vec![
        Row {
            id: "P6",
            measure: "window start to first frame",
            figure: Ok(game_t / bare_t),
            unit: "×",
            goal: Goal::AtMost(1.3),
            detail: format!("{game_t:.2} s against {bare_t:.2} s"),
        },
        Row {
            id: "P6",
            measure: "window peak memory",
            figure: Ok(game_m / bare_m),
            unit: "×",
            goal: Goal::AtMost(1.3),
            detail: format!(
                "{:.0} MB against {:.0} MB",
                game_m / 1024.0,
                bare_m / 1024.0
            ),
        },
    ]
}

fn main() {
    let since = SystemTime::now() - Duration::from_secs(1);
    let mut c = Criterion::default()
        .sample_size(15)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .without_plots()
        .output_directory(&criterion_dir())
        .configure_from_args();
    let text = p5_text();
    p1(&mut c);
    p3(&mut c);
    p4(&mut c);
    p5(&mut c, &text);
    #[cfg(feature = "gui")]
    p7(&mut c);
    c.final_summary();

    let validate_once = {
        let start = Instant::now();
        load_str("synthetic.ron", &text).unwrap();
        start.elapsed().as_secs_f64()
    };
    let mut rows = vec![ratio(
        since,
        ("P1", "one simulated day of Deptcirtel 47"),
        "P1/day",
        "P1/empty_update",
        Goal::AtMost(3.0),
    )];
    rows.extend(p2());
    rows.push(ratio(
        since,
        ("P3", "a day with 10,000 dormant telegrams"),
        "P3/day_10000_dormant",
        "P3/day_10_dormant",
        Goal::AtMost(2.0),
    ));
    rows.push(ratio(
        since,
        ("P4", "a day with 2,000 governments"),
        "P4/day_2000_governments",
        "P4/day_21_governments",
        Goal::AtMost(120.0),
    ));
    rows.push(ratio(
        since,
        ("P5", "validating a 10 MB scenario"),
        "P5/validate",
        "P5/ron",
        Goal::AtMost(2.0),
    ));
    rows.push(Row {
        id: "P5",
        measure: "validating a 10 MB scenario, once",
        figure: Ok(validate_once),
        unit: "s",
        goal: Goal::AtMost(1.0),
        detail: format!("{:.1} MB", text.len() as f64 / 1e6),
    });
    rows.extend(p6());
    if cfg!(feature = "gui") {
        rows.push(ratio(
            since,
            ("P7", "frame, 500 cables against a screenful (20)"),
            "P7/tray_500",
            "P7/tray_20",
            Goal::AtMost(1.2),
        ));
    }
    rows.push(if cfg!(feature = "gui") {
        ratio(
            since,
            ("P7", "frame CPU time, 500 cables in the in-tray"),
            "P7/tray_500",
            "P7/empty_tray",
            Goal::AtMost(1.2),
        )
    } else {
        Row {
            id: "P7",
            measure: "frame CPU time, 500 cables in the in-tray",
            figure: Err("skipped: built without the `gui` feature".into()),
            unit: "×",
            goal: Goal::AtMost(1.2),
            detail: String::new(),
        }
    });
    print_table(&rows);
}

fn print_table(rows: &[Row]) {
    let mut lines = vec![[
        "#".to_string(),
        "measure".into(),
        "figure".into(),
        "goal".into(),
        "met".into(),
        "measured".into(),
    ]];
    for r in rows {
        let (figure, met) = match &r.figure {
            Ok(x) => (
                show(*x, r.unit),
                if r.goal.met(*x) { "yes" } else { "NO" }.to_string(),
            ),
            Err(why) => ("—".to_string(), why.clone()),
        };
        lines.push([
            r.id.to_string(),
            r.measure.to_string(),
            figure,
            r.goal.text(r.unit),
            met,
            r.detail.clone(),
        ]);
    }
    let widths: Vec<usize> = (0..6)
        .map(|c| {
            lines
                .iter()
                .map(|l| l[c].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    println!("\nDémarche benchmark suite: each figure against its baseline in this run\n");
    for l in &lines {
        let cells: Vec<String> = l
            .iter()
            .zip(&widths)
            .map(|(cell, w)| format!("{cell}{}", " ".repeat(w - cell.chars().count())))
            .collect();
        println!("| {} |", cells.join(" | ").trim_end());
    }
}
